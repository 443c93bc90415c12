// The messages of the conversation's active branch, root first. The model owns the data; views only
// paint it. Streaming text is coalesced: however fast tokens arrive, at most one dataChanged per frame.
// Streamed content goes through a ThinkTagSplitter, so <think>...</think> reasoning that a model
// writes into its content shows as reasoning while it streams, as it will once the answer is stored.
// Tool calls: ToolCallsRole gives each call with "answered" (a `tool` message for its id follows the
// answer); a tool message arriving or leaving bumps the revision of the answer above it.
#pragma once

#include "api/ThinkTagSplitter.h"
#include "store/StoreTypes.h"

#include <QAbstractListModel>
#include <QBasicTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <functional>
#include <vector>

namespace ark::models {

class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        MessageIdRole = Qt::UserRole + 1, // qint64
        RoleRole,                         // int (api::Role)
        ContentRole,                      // QString, Markdown (Qt::DisplayRole gives the same)
        ReasoningRole,                    // QString
        ModelRole,                        // QString: the model that answered
        CreatedAtRole,                    // QDateTime (UTC)
        PromptTokensRole,                 // qint64, -1 when unknown
        CompletionTokensRole,             // qint64, -1 when unknown
        ReasoningTokensRole,              // qint64, -1 when unknown
        CachedTokensRole,                 // qint64, -1 when unknown
        FinishReasonRole,                 // QString
        StateRole,                        // int (store::MessageState)
        IsStreamingRole,                  // bool
        ErrorMessageRole,                 // QString: the human message ("" when none)
        ErrorCodeRole,                    // QString: the server's error.code
        ErrorKindRole,                    // QString: stable kind name
        RequestIdRole,                    // QString
        BranchIndexRole,                  // int, 0-based among siblings
        BranchCountRole,                  // int, >= 1
        ToolCallsRole,                    // QVariantList of QVariantMap {id, name, arguments}
        TtftMsRole,                       // qint64, -1 when unknown
        TotalMsRole,                      // qint64, -1 when unknown
        RevisionRole, // quint64: changes whenever anything painted changes (a layout-cache key)
        // qint64: how long the model reasoned, -1 when unknown. While it still reasons this grows
        // (read it again to redraw a timer); afterwards the stored duration, or the one measured here.
        ReasoningMsRole,
        IsThinkingRole, // bool: streaming, reasoning arrived and no answer (content, tool call) yet
        // QString: what the answer cost, through the cost formatter ("" when there is none, or no
        // formatter, or it has nothing to say).
        CostTextRole,
        ToolCallIdRole, // QString: a tool result's call id ("" for other messages)
        // QString: a tool result's function name; when the record has none, the name of the call it
        // answers (found in the answer above it).
        ToolNameRole,
        // QVariantList of QVariant::fromValue(media::Attachment): the message's attachments, parsed from
        // MessageRecord::attachmentsJson once per text and cached (views ask on every layout); empty for
        // a message without any.
        AttachmentsRole,
    };
    Q_ENUM(Roles)

    explicit MessageListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces everything (opening a conversation or switching branch). `positions` is parallel to
    // `path` (empty = every message is 1/1).
    void setMessages(std::vector<store::MessageRecord> path,
                     std::vector<store::BranchPosition> positions = {});
    void clear();
    void appendMessage(const store::MessageRecord& message, store::BranchPosition position = {});
    // Replaces one message's record (state, usage, error...) and signals it at once.
    void updateMessage(const store::MessageRecord& message);
    // Streaming: appends to the message's content/reasoning; the change is signalled at the next
    // frame tick, so many deltas cost one repaint. Records (monotonic clock) when reasoning started
    // and when the answer started.
    void appendStreamingText(qint64 messageId, const QString& content, const QString& reasoning);
    // The reasoning time measured from appendStreamingText calls (start of reasoning to start of the
    // answer, or to the end of the stream), -1 when nothing was measured for this message.
    qint64 measuredReasoningMs(qint64 messageId) const;
    void removeFrom(int row); // removes row..end (e.g. after switching branch at row)

    int rowForId(qint64 messageId) const; // -1 when absent
    const store::MessageRecord& record(int row) const;
    const std::vector<store::MessageRecord>& records() const { return m_rows; }
    // AttachmentsRole's list and its size, without a QVariant per call (layout estimates of 10,000
    // rows ask it); empty / 0 when out of range.
    QVariantList attachmentsAt(int row) const;
    int attachmentCountAt(int row) const;
    // RevisionRole without a QVariant: views ask it of every row at each layout. 0 when out of range.
    quint64 revisionAt(int row) const
    {
        return row >= 0 && size_t(row) < m_revisions.size() ? m_revisions[size_t(row)] : 0;
    }

    // The text CostTextRole shows for a message (e.g. "¥0.0012"), from the prices the app knows. Empty
    // by default (no cost shown). Setting it signals every row as changed with new revisions, so
    // cached layouts show the new figures.
    using CostFormatter = std::function<QString(const store::MessageRecord&)>;
    void setCostFormatter(CostFormatter formatter);
    bool hasCostFormatter() const { return bool(m_costFormatter); }
    CostFormatter costFormatter() const { return m_costFormatter; }

    void setFrameIntervalMs(int ms) { m_frameMs = ms; }   // 16 by default
    int pendingFlushes() const { return m_dirty.size(); } // rows waiting for the next frame (tests)
    void flushNow();                                      // signal pending changes immediately

signals:
    void streamingFlushed(int firstRow, int lastRow); // after a coalesced dataChanged

protected:
    void timerEvent(QTimerEvent* event) override;

private:
    // What this model measured about a streamed message's reasoning, in m_clock's milliseconds.
    struct ReasoningTimes
    {
        qint64 startMs = -1; // the first reasoning text
        qint64 endMs = -1;   // the first answer text, or the end of the stream
    };

    void cancelPendingFlushes(); // the rows they named are gone (reset)
    // The answer whose tool calls the tool messages from `row` on belong to: the nearest row above
    // that is not a tool message, when it is an answer with tool calls; -1 otherwise.
    int toolCallerOf(int row) const;
    QStringList answeredCallIds(int callerRow) const; // the tool messages right below it
    void touchRow(int row);                           // new revision + dataChanged
    QString toolNameOf(int row) const;
    qint64 reasoningMs(const store::MessageRecord& m) const;

    std::vector<store::MessageRecord> m_rows;
    std::vector<store::BranchPosition> m_positions;
    std::vector<quint64> m_revisions;
    QHash<qint64, int> m_rowById;
    QSet<int> m_dirty;
    QHash<qint64, api::ThinkTagSplitter> m_splitters; // streaming messages only
    QHash<qint64, ReasoningTimes> m_reasoningTimes;   // kept while the app runs (a few bytes each)
    QElapsedTimer m_clock;
    QBasicTimer m_frameTimer;
    int m_frameMs = 16;
    quint64 m_nextRevision = 1;
    // Revisions handed out by setMessages(), by message id, with a fingerprint of what they painted:
    // reopening a conversation (or switching back to a branch) gives unchanged messages their old
    // revision, so the view's layout caches stay valid instead of re-rendering 10,000 messages.
    struct Issued
    {
        size_t fingerprint = 0;
        quint64 revision = 0;
    };
    QHash<qint64, Issued> m_issued;
    // Revisions handed out for messages m_issued did not know, not recorded there yet: fingerprinting
    // 10,000 messages costs milliseconds, so it is done a slice per event-loop turn after the reset
    // (and the rest before the next one), not while a conversation opens.
    struct Unrecorded
    {
        qint64 id = 0;
        quint64 revision = 0;
    };
    std::vector<Unrecorded> m_unrecorded;
    size_t m_unrecordedNext = 0;
    QBasicTimer m_recordTimer;
    void recordIssued(size_t maxRows); // from m_unrecorded, while the rows still show those revisions
    void queueRecord(int row);
    CostFormatter m_costFormatter;
    size_t fingerprint(size_t row) const;
    // Parsed attachment lists by message id, valid while the record's text is the one parsed.
    struct ParsedAttachments
    {
        QString json;
        QVariantList list;
    };
    mutable QHash<qint64, ParsedAttachments> m_attachments;
    const QVariantList& parsedAttachments(size_t row) const;
};

} // namespace ark::models
