// Edits one conversation's own settings (session::ConversationParams): model, system prompt and the
// sampling parameters. Each numeric parameter has a "set" box: unset means the field is not sent and
// the server's default applies. Lives in a dock, so it scrolls when the dock is short.
#pragma once

#include "session/ConversationParams.h"

#include <QWidget>

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

    // Stop sequences one per line; "\n", "\t" and "\\" stand for a line break, a tab and a backslash.
    static QString stopToText(const QStringList& stop);
    static QStringList stopFromText(const QString& text); // at most 4, empty lines skipped

    static constexpr int kMaxStopSequences = 4;
    static constexpr int kDebounceMs = 300;

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

    session::ConversationParams m_params; // numeric fields and thinking; the texts are read from the editors
    session::ConversationParams m_lastEmitted;
    QComboBox* m_model = nullptr;
    QPlainTextEdit* m_systemPrompt = nullptr;
    DoubleRow m_temperature;
    DoubleRow m_topP;
    QCheckBox* m_maxTokensSet = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    DoubleRow m_frequencyPenalty;
    DoubleRow m_presencePenalty;
    QPlainTextEdit* m_stop = nullptr;
    QLabel* m_stopHint = nullptr;
    QComboBox* m_thinking = nullptr;
    QTimer* m_debounce = nullptr;
    bool m_updating = false; // setParams is filling the editors
};

} // namespace ark::ui
