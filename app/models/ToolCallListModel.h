// The tool calls of one assistant answer (one round of a tool loop), for the tool-call inspector and
// for the session that sends the answers back.
//
// While the answer streams, rows appear and their arguments grow fragment by fragment (merged by
// index as api::StreamAssembler does, which also takes the older form where a whole call arrives in
// one chunk). When the answer is complete (finish()) each call's arguments are parsed, pretty-printed
// and checked against its tool's schema; problems are kept and shown, never hidden. Then each call is
// answered (a result, or an error returned to the model) and history() gives exactly what goes back
// to the API: the assistant message with its tool_calls (and its content, if any), then one `tool`
// message per call id, in index order [digest §2.2, §7 items 4-6].
#pragma once

#include "api/ChatTypes.h"
#include "api/StreamAssembler.h"
#include "tools/ToolSchema.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <vector>

namespace ark::api {
class ChatCall;
}
namespace ark::tools {
class BuiltinTools;
}

namespace ark::models {

class ToolCallListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Status {
        Streaming,      // the answer is still arriving
        AwaitingAnswer, // complete; nobody answered yet
        Answered,       // a result will be sent back
        ErrorReturned,  // an error text will be sent back
        Interrupted,    // the stream failed before the call was complete: it cannot be answered
    };
    Q_ENUM(Status)

    enum Roles {
        CallIndexRole = Qt::UserRole + 1, // int: the call's "index" in the answer
        CallIdRole,                       // QString
        NameRole,                         // QString: the function name
        ArgumentsRole,                    // QString: the arguments as received (grows while streaming)
        PrettyArgumentsRole,              // QString: indented JSON once final and parsed, else as received
        StatusRole,                       // int (Status)
        StatusTextRole,                   // QString, translated
        ResultRole,                       // QString: what is sent back ("" until answered)
        ProblemsRole,                     // QStringList: each schema problem as text (final only)
        HasErrorsRole,                    // bool: the arguments failed the check (final only)
        IsBuiltinRole,                    // bool: a built-in tool the conversation offers
        NeedsApprovalRole,                // bool: running it needs the person's approval (reading a file)
    };
    Q_ENUM(Roles)

    struct Entry
    {
        api::ToolCall call;
        Status status = Status::Streaming;
        QString result;
        tools::ArgumentCheck check; // filled by finish()
    };

    explicit ToolCallListModel(QObject* parent = nullptr);
    ~ToolCallListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString statusText(Status status);

    // The tools the calls are checked against: the definitions the request offered.
    void setTools(std::vector<api::ToolDefinition> tools);
    const std::vector<api::ToolDefinition>& tools() const { return m_tools; }

    // --- One answer ---
    void begin(); // a new answer starts: everything is cleared
    void applyDelta(const api::ChatDelta& delta);
    // The answer is complete: its calls (as assembled) become final, are checked, and await answers.
    void finish(const api::ChatResult& result);
    // The stream failed: calls seen so far are kept, marked Interrupted.
    void interrupt();
    // Follows a running call: begin() now, applyDelta() on each delta, finish() or interrupt() at the
    // end. The call is not owned.
    void watch(api::ChatCall* call);
    // A stored round re-opened: its content, calls and (parallel to calls, may be shorter) answers.
    struct StoredAnswer
    {
        bool isError = false;
        QString text;
    };
    void load(const QString& content, const std::vector<api::ToolCall>& calls,
              const std::vector<StoredAnswer>& answers = {});
    void clear();

    bool isFinal() const { return m_final; }
    bool isStreaming() const { return m_streaming; }
    QString content() const { return m_content; } // the answer's visible text
    QString finishReason() const { return m_finishReason; }
    int count() const { return int(m_rows.size()); }
    const Entry& entry(int row) const { return m_rows.at(size_t(row)); }
    int rowForId(const QString& callId) const; // -1 when absent
    std::vector<api::ToolCall> calls() const;  // in index order

    // --- Answers (final calls only; false when the row cannot be answered) ---
    bool answer(int row, const QString& result);
    bool returnError(int row, const QString& message);
    bool clearAnswer(int row);
    // What "return error" sends when the person writes nothing: the schema problems, if any.
    QString defaultErrorText(int row) const;
    // Automatic mode: runs every awaiting call to a built-in tool the conversation offers, except
    // those that need approval. Returns how many were answered.
    int answerBuiltinCalls(const tools::BuiltinTools& builtins);
    bool isAnswerable(int row) const;
    bool allAnswered() const; // final, at least one call, every call answered or errored

    // --- What goes back to the API ---
    // The assistant message: its content when it says something (not only whitespace), its tool
    // calls in index order with the arguments exactly as received; never reasoning.
    api::ChatMessage assistantMessage() const;
    // One tool message per call, in order (tool_call_id and content; the Chat API lists no name).
    std::vector<api::ChatMessage> toolMessages() const;
    // assistantMessage() then toolMessages(); empty until allAnswered().
    std::vector<api::ChatMessage> history() const;

signals:
    void finished();       // finish() made the calls final
    void answersChanged(); // an answer was set or cleared
    void allAnsweredChanged(bool allAnswered);

private:
    void syncFromAssembler();
    void insertOrUpdate(const api::ToolCall& call, Status status);
    void check(Entry& entry) const;
    bool setAnswer(int row, Status status, const QString& text);
    void emitRowChanged(int row);
    void updateAllAnswered();
    bool offersBuiltin(const QString& name) const;

    std::vector<api::ToolDefinition> m_tools;
    std::vector<Entry> m_rows; // in index order
    api::StreamAssembler m_assembler;
    QString m_content;
    QString m_finishReason;
    bool m_final = false;
    bool m_streaming = false;
    bool m_allAnswered = false;
    QPointer<api::ChatCall> m_watched;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace ark::models
