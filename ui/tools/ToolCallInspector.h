// The tool-call inspector: a pane (meant for a dock) showing the tool calls of the current answer as
// they stream, one card per call: index, id, function name and the arguments growing; once the
// answer is complete the pretty-printed arguments and every schema problem (shown, not hidden).
// Each call is answered on its card: "Run" for a built-in tool (reading a file asks first), the
// result typed by hand ("Send Result"), or "Return Error". When every call is answered, "Continue"
// hands the exact history to send back (resultsReady) to whoever runs the conversation.
//
// It shows a models::ToolCallListModel and writes the answers into it; it does not send anything
// itself. Automatic mode is the session's business (ToolCallListModel::answerBuiltinCalls), so the
// inspector works the same whether or not it is visible.
#pragma once

#include "api/ChatTypes.h"
#include "models/ToolCallListModel.h"
#include "tools/BuiltinTools.h"

#include <QList>
#include <QPointer>
#include <QWidget>
#include <functional>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace ark::ui {

class ToolCallCard;

class ToolCallInspector : public QWidget
{
    Q_OBJECT
public:
    // Asked before a file is read: gets the path the model named ("" when none), returns the path the
    // person approved (maybe another file they picked) or "" when they refused.
    using FileApprover = std::function<QString(const QString& requestedPath)>;

    explicit ToolCallInspector(models::ToolCallListModel* model = nullptr, QWidget* parent = nullptr);
    ~ToolCallInspector() override;

    void setModel(models::ToolCallListModel* model); // not owned; null shows an empty pane
    models::ToolCallListModel* model() const { return m_model; }

    tools::BuiltinTools& builtinTools() { return m_builtins; } // e.g. to inject a clock in tests
    // The default asks with a message box (read / choose another file / cancel).
    void setFileApprover(FileApprover approver);

    // What the buttons do, callable without the buttons. Each returns false when the call cannot be
    // answered that way (not final, not built-in, file refused, row out of range...).
    bool runCall(int row);
    bool sendResult(int row);   // the result editor's text
    bool returnError(int row);  // the editor's text, or the model's default error text when empty
    bool continueWithResults(); // emits resultsReady when every call is answered; once per answer

    // For tests and layout.
    int cardCount() const { return int(m_cards.size()); }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* contentLabel() const { return m_content; }
    QPushButton* continueButton() const { return m_continue; }
    QLabel* headerLabel(int row) const; // index and function name
    QLabel* callIdLabel(int row) const;
    QLabel* statusLabel(int row) const;
    QPlainTextEdit* argumentsView(int row) const;
    QLabel* problemsLabel(int row) const;
    QPlainTextEdit* resultEditor(int row) const;
    QPushButton* runButton(int row) const;
    QPushButton* errorButton(int row) const;
    QPushButton* sendButton(int row) const;

    QSize sizeHint() const override;

signals:
    // The assistant message with its tool calls, then one tool message per call id, in order.
    void resultsReady(const QList<ark::api::ChatMessage>& history);

private:
    void rebuild();
    void insertCards(int first, int last);
    void removeCards(int first, int last);
    void refreshRows(int first, int last);
    void refreshSummary();
    QString askForFile(const QString& requestedPath);
    ToolCallCard* card(int row) const;

    QPointer<models::ToolCallListModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    tools::BuiltinTools m_builtins;
    FileApprover m_approver;
    std::vector<ToolCallCard*> m_cards;
    QLabel* m_summary = nullptr;
    QLabel* m_content = nullptr;
    QScrollArea* m_scroll = nullptr;
    QVBoxLayout* m_cardLayout = nullptr;
    QPushButton* m_continue = nullptr;
    bool m_submitted = false; // resultsReady went out for this answer
};

} // namespace ark::ui
