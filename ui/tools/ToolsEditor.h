// The tools of one conversation, edited as JSON: the function definitions (checked as they are typed,
// problems underlined at their place and listed with line and column), presets to start from, and
// the request settings that go with tools: tool_choice (default / auto / none / required / one named
// function), parallel_tool_calls, the automatic mode for built-in tools and the round limit.
// It edits the tool fields of a session::ConversationParams; the rest of the params is left alone.
#pragma once

#include "api/ChatTypes.h"
#include "session/ConversationParams.h"
#include "tools/ToolSchema.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace ark::ui {

class ToolsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ToolsEditor(QWidget* parent = nullptr);
    ~ToolsEditor() override;

    // Loads and stores toolsJson, toolChoice, parallelToolCalls, autoRunBuiltinTools, toolRoundLimit.
    void setParams(const session::ConversationParams& params);
    void applyTo(session::ConversationParams& params) const;

    void setToolsText(const QString& text);
    QString toolsText() const;
    api::ToolChoice toolChoice() const;
    void setToolChoice(const api::ToolChoice& choice);
    std::optional<bool> parallelToolCalls() const;
    void setParallelToolCalls(std::optional<bool> value);
    bool automaticMode() const;
    void setAutomaticMode(bool on);
    int roundLimit() const;
    void setRoundLimit(int limit);

    // tool_choice and parallel_tool_calls are offered only where the model accepts them (the
    // catalog's capabilities); otherwise their controls are disabled and say why.
    void setModelCapabilities(bool toolChoice, bool parallelToolCalls);

    const tools::ToolsDocument& document() const { return m_document; }
    bool hasErrors() const { return m_document.hasErrors(); }

    // Replaces the text with a preset (ToolSchema::presets() id); undoable. False for unknown ids.
    bool applyPreset(const QString& id);
    // Puts the cursor on the row-th listed problem.
    void goToProblem(int row);

    // For tests and layout.
    QPlainTextEdit* textEdit() const { return m_text; }
    QListWidget* problemList() const { return m_problems; }
    QLabel* statusLabel() const { return m_status; }
    QToolButton* presetsButton() const { return m_presets; }
    QComboBox* toolChoiceBox() const { return m_toolChoice; }
    QComboBox* parallelBox() const { return m_parallel; }
    QCheckBox* automaticBox() const { return m_automatic; }
    QSpinBox* roundLimitBox() const { return m_rounds; }

    QSize sizeHint() const override;

signals:
    void changed();                       // the person edited something
    void documentChecked(bool hasErrors); // after each check of the text

private:
    void buildUi();
    void revalidate();
    void showProblems();
    void rebuildToolChoiceItems();
    void onProblemActivated(QListWidgetItem* item);

    QPlainTextEdit* m_text = nullptr;
    QListWidget* m_problems = nullptr;
    QLabel* m_status = nullptr;
    QToolButton* m_presets = nullptr;
    QComboBox* m_toolChoice = nullptr;
    QComboBox* m_parallel = nullptr;
    QCheckBox* m_automatic = nullptr;
    QSpinBox* m_rounds = nullptr;
    tools::ToolsDocument m_document;
    api::ToolChoice m_choice; // what the combo shows, kept when its function leaves the list
    bool m_loading = false;   // setters do not count as edits
};

} // namespace ark::ui
