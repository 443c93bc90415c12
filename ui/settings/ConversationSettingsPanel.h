// Edits one conversation's own settings (session::ConversationParams): model, system prompt and the
// sampling parameters. Each numeric parameter has a "set" box: unset means the field is not sent and
// the server's default applies. Lives in a dock, so it scrolls when the dock is short.
#pragma once

#include "catalog/Catalog.h"
#include "session/ConversationParams.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTimer;

namespace ark::ui {

class ConversationSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationSettingsPanel(QWidget* parent = nullptr);

    // Shows `params`; emits nothing.
    void setParams(const session::ConversationParams& params);
    session::ConversationParams params() const;
    // Refills the model list from AccountSettings::recentModels(), keeping the text being edited.
    void reloadRecentModels();
    // What the conversation's model accepts, from the catalog; nullopt = unknown model: every control
    // is offered. Otherwise the thinking choice lists only the modes the model accepts (hidden when it
    // has no thinking control) and max_completion_tokens shows only when the model accepts it. A
    // value already set stays visible (marked) so it can be cleared. The sampling controls always show.
    void setCapabilities(const std::optional<catalog::Capabilities>& capabilities);

    // Stop sequences one per line; "\n", "\t" and "\\" stand for a line break, a tab and a backslash.
    static QString stopToText(const QStringList& stop);
    static QStringList stopFromText(const QString& text); // at most 4, empty lines skipped

    static constexpr int kMaxStopSequences = 4;
    static constexpr int kDebounceMs = 300;
    static constexpr int kMaxCompletionTokensLimit = 65536; // the API's range is [0, 64k]

signals:
    void paramsChanged(const ark::session::ConversationParams& params);

private:
    struct DoubleRow
    {
        QCheckBox* set = nullptr;
        QDoubleSpinBox* value = nullptr;
    };
    DoubleRow addDoubleRow(QFormLayout* form, const QString& label, const QString& objectName, double min,
                           double max, double step, double initial, const QString& toolTip,
                           std::optional<double> session::ConversationParams::*field);
    void textEdited();
    void emitIfChanged();
    void updateStopHint();
    void refillThinking(); // the modes offered, from m_capabilities and the current value
    void updateCapabilityRows();

    session::ConversationParams m_params; // numeric fields and thinking; the texts are read from the editors
    session::ConversationParams m_lastEmitted;
    QComboBox* m_model = nullptr;
    QPlainTextEdit* m_systemPrompt = nullptr;
    DoubleRow m_temperature;
    DoubleRow m_topP;
    QCheckBox* m_maxTokensSet = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QCheckBox* m_maxCompletionTokensSet = nullptr;
    QSpinBox* m_maxCompletionTokens = nullptr;
    QLabel* m_maxCompletionHint = nullptr;
    DoubleRow m_frequencyPenalty;
    DoubleRow m_presencePenalty;
    QPlainTextEdit* m_stop = nullptr;
    QLabel* m_stopHint = nullptr;
    QComboBox* m_thinking = nullptr;
    QLabel* m_thinkingLabel = nullptr;
    QFormLayout* m_form = nullptr;
    std::optional<catalog::Capabilities> m_capabilities;
    QTimer* m_debounce = nullptr;
    bool m_updating = false; // setParams is filling the editors
};

} // namespace ark::ui
