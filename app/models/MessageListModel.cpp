#include "MessageListModel.h"

#include "media/Attachment.h"

#include <QTimerEvent>
#include <algorithm>

namespace ark::models {

namespace {

qint64 tokensOrUnknown(const api::Usage& usage, qint64 value)
{
    return usage.present ? value : -1;
}

QVariantList toolCallsToVariant(const std::vector<api::ToolCall>& calls, const QStringList& answered)
{
    QVariantList list;
    list.reserve(qsizetype(calls.size()));
    for (const api::ToolCall& call : calls) {
        QVariantMap map;
        map.insert(QStringLiteral("id"), call.id);
        map.insert(QStringLiteral("name"), call.name);
        map.insert(QStringLiteral("arguments"), call.arguments);
        map.insert(QStringLiteral("index"), call.index);
        map.insert(QStringLiteral("answered"), !call.id.isEmpty() && answered.contains(call.id));
        list.append(map);
    }
    return list;
}

// The roles a streamed delta can change: a coalesced dataChanged names only these, so views that
// cache per role (heights, token badges) keep the rest.
const QList<int>& streamingRoles()
{
    static const QList<int> roles{Qt::DisplayRole,
                                  MessageListModel::ContentRole,
                                  MessageListModel::ReasoningRole,
                                  MessageListModel::RevisionRole,
                                  MessageListModel::ReasoningMsRole,
                                  MessageListModel::IsThinkingRole};
    return roles;
}

bool isThinking(const store::MessageRecord& m)
{
    return m.state == store::MessageState::Streaming && !m.reasoning.isEmpty() && m.content.isEmpty() &&
           m.toolCalls.empty();
}

} // namespace

MessageListModel::MessageListModel(QObject* parent) : QAbstractListModel(parent)
{
    m_clock.start();
}

qint64 MessageListModel::reasoningMs(const store::MessageRecord& m) const
{
    const bool streaming = m.state == store::MessageState::Streaming;
    if (!streaming && m.reasoningMs >= 0)
        return m.reasoningMs; // what the session measured and stored
    const auto times = m_reasoningTimes.constFind(m.id);
    if (times == m_reasoningTimes.constEnd() || times->startMs < 0)
        return m.reasoningMs;
    if (times->endMs >= 0)
        return times->endMs - times->startMs;
    return streaming ? m_clock.elapsed() - times->startMs : m.reasoningMs;
}

qint64 MessageListModel::measuredReasoningMs(qint64 messageId) const
{
    const auto times = m_reasoningTimes.constFind(messageId);
    if (times == m_reasoningTimes.constEnd() || times->startMs < 0)
        return -1;
    return (times->endMs >= 0 ? times->endMs : m_clock.elapsed()) - times->startMs;
}

int MessageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const
{
    // Views ask for invalid indexes now and then (an empty area, a stale row): answer nothing, quietly.
    if (!index.isValid() || index.model() != this || index.column() != 0 || index.row() < 0 ||
        size_t(index.row()) >= m_rows.size())
        return {};
    const auto row = size_t(index.row());
    const store::MessageRecord& m = m_rows[row];
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return m.content;
    case MessageIdRole:
        return m.id;
    case RoleRole:
        return int(m.role);
    case ReasoningRole:
        return m.reasoning;
    case ModelRole:
        return m.model;
    case CreatedAtRole:
        return m.createdAt;
    case PromptTokensRole:
        return tokensOrUnknown(m.usage, m.usage.promptTokens);
    case CompletionTokensRole:
        return tokensOrUnknown(m.usage, m.usage.completionTokens);
    case ReasoningTokensRole:
        return tokensOrUnknown(m.usage, m.usage.reasoningTokens);
    case CachedTokensRole:
        return tokensOrUnknown(m.usage, m.usage.cachedTokens);
    case FinishReasonRole:
        return m.finishReason;
    case StateRole:
        return int(m.state);
    case IsStreamingRole:
        return m.state == store::MessageState::Streaming;
    case ErrorMessageRole:
        return m.errorMessage;
    case ErrorCodeRole:
        return m.errorCode;
    case ErrorKindRole:
        return m.errorKind;
    case RequestIdRole:
        return m.requestId;
    case BranchIndexRole:
        return m_positions[row].index;
    case BranchCountRole:
        return std::max(1, m_positions[row].count);
    case ToolCallsRole:
        return toolCallsToVariant(m.toolCalls,
                                  m.toolCalls.empty() ? QStringList() : answeredCallIds(int(row)));
    case TtftMsRole:
        return m.ttftMs;
    case TotalMsRole:
        return m.totalMs;
    case RevisionRole:
        return m_revisions[row];
    case ReasoningMsRole:
        return reasoningMs(m);
    case IsThinkingRole:
        return isThinking(m);
    case CostTextRole:
        return m_costFormatter ? m_costFormatter(m) : QString();
    case ToolCallIdRole:
        return m.role == api::Role::Tool ? m.toolCallId : QString();
    case ToolNameRole:
        return m.role == api::Role::Tool ? toolNameOf(int(row)) : QString();
    case AttachmentsRole:
        return parsedAttachments(row);
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(MessageIdRole, "messageId");
    names.insert(RoleRole, "role");
    names.insert(ContentRole, "content");
    names.insert(ReasoningRole, "reasoning");
    names.insert(ModelRole, "model");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(PromptTokensRole, "promptTokens");
    names.insert(CompletionTokensRole, "completionTokens");
    names.insert(ReasoningTokensRole, "reasoningTokens");
    names.insert(CachedTokensRole, "cachedTokens");
    names.insert(FinishReasonRole, "finishReason");
    names.insert(StateRole, "state");
    names.insert(IsStreamingRole, "isStreaming");
    names.insert(ErrorMessageRole, "errorMessage");
    names.insert(ErrorCodeRole, "errorCode");
    names.insert(ErrorKindRole, "errorKind");
    names.insert(RequestIdRole, "requestId");
    names.insert(BranchIndexRole, "branchIndex");
    names.insert(BranchCountRole, "branchCount");
    names.insert(ToolCallsRole, "toolCalls");
    names.insert(TtftMsRole, "ttftMs");
    names.insert(TotalMsRole, "totalMs");
    names.insert(RevisionRole, "revision");
    names.insert(ReasoningMsRole, "reasoningMs");
    names.insert(IsThinkingRole, "isThinking");
    names.insert(CostTextRole, "costText");
    names.insert(ToolCallIdRole, "toolCallId");
    names.insert(ToolNameRole, "toolName");
    names.insert(AttachmentsRole, "attachments");
    return names;
}

void MessageListModel::setMessages(std::vector<store::MessageRecord> path,
                                   std::vector<store::BranchPosition> positions)
{
    beginResetModel();
    recordIssued(m_unrecorded.size()); // the rows leaving, while they are still here
    cancelPendingFlushes();
    m_attachments.clear(); // parsed again when shown (a few per screen)
    m_rows = std::move(path);
    m_positions = std::move(positions);
    // Positions are optional and may come short: every missing one is "1/1".
    m_positions.resize(m_rows.size());
    m_revisions.resize(m_rows.size());
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const auto issued = m_issued.find(m_rows[i].id);
        if (issued == m_issued.end()) {
            // Never shown (or changed since): a new revision, recorded later.
            m_revisions[i] = m_nextRevision++;
            m_unrecorded.push_back(Unrecorded{m_rows[i].id, m_revisions[i]});
            continue;
        }
        const size_t print = fingerprint(i);
        if (issued->fingerprint != print)
            *issued = Issued{print, m_nextRevision++};
        m_revisions[i] = issued->revision;
    }
    if (!m_unrecorded.empty() && !m_recordTimer.isActive())
        m_recordTimer.start(0, this);
    m_rowById.clear();
    m_rowById.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].id, int(i));
    endResetModel();
}

size_t MessageListModel::fingerprint(size_t row) const
{
    // Everything a delegate paints from the record; a collision only costs a stale layout until the
    // message changes, and 64-bit seeds make that vanishingly rare.
    const store::MessageRecord& m = m_rows[row];
    const store::BranchPosition position = m_positions[row];
    size_t seed = qHashMulti(0, m.content, m.reasoning, int(m.role), int(m.state), m.model, m.finishReason,
                             m.errorKind, m.errorCode, m.errorMessage, m.requestId, m.errorStatus);
    seed = qHashMulti(seed, m.usage.present, m.usage.promptTokens, m.usage.completionTokens,
                      m.usage.cachedTokens, m.usage.reasoningTokens, m.ttftMs, m.totalMs, reasoningMs(m),
                      m.createdAt.toMSecsSinceEpoch(), position.index, position.count);
    for (const api::ToolCall& call : m.toolCalls)
        seed = qHashMulti(seed, call.id, call.name, call.arguments);
    // What is painted from the neighbours: which calls have results, a result's function name.
    if (!m.toolCalls.empty())
        seed = qHashMulti(seed, answeredCallIds(int(row)));
    if (m.role == api::Role::Tool)
        seed = qHashMulti(seed, toolNameOf(int(row)));
    return qHashMulti(seed, m.toolCallId, m.toolName, m.attachmentsJson);
}

const QVariantList& MessageListModel::parsedAttachments(size_t row) const
{
    static const QVariantList none;
    const store::MessageRecord& m = m_rows[row];
    if (m.attachmentsJson.isEmpty())
        return none;
    auto it = m_attachments.find(m.id);
    // The same text needs no second parse; an updated record with other attachments does.
    if (it != m_attachments.end() && it->json == m.attachmentsJson)
        return it->list;
    QVariantList list;
    const QList<media::Attachment> attachments = media::Attachment::listFromJson(m.attachmentsJson);
    list.reserve(attachments.size());
    for (const media::Attachment& a : attachments)
        list.append(QVariant::fromValue(a));
    it = m_attachments.insert(m.id, ParsedAttachments{m.attachmentsJson, list});
    return it->list;
}

QVariantList MessageListModel::attachmentsAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? parsedAttachments(size_t(row)) : QVariantList();
}

int MessageListModel::attachmentCountAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? int(parsedAttachments(size_t(row)).size()) : 0;
}

void MessageListModel::clear()
{
    setMessages({}, {});
}

void MessageListModel::appendMessage(const store::MessageRecord& message, store::BranchPosition position)
{
    if (m_rowById.contains(message.id)) { // already shown: an update, not a second row
        updateMessage(message);
        return;
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(message);
    m_positions.push_back(position);
    m_revisions.push_back(m_nextRevision++);
    m_rowById.insert(message.id, row);
    endInsertRows();
    queueRecord(row);
    if (message.role == api::Role::Tool) {
        const int caller = toolCallerOf(row);
        if (caller >= 0)
            touchRow(caller); // one more of its calls has a result
    }
}

void MessageListModel::updateMessage(const store::MessageRecord& message)
{
    const int row = rowForId(message.id);
    if (row < 0)
        return;
    const bool toolChanged = message.role == api::Role::Tool || m_rows[size_t(row)].role == api::Role::Tool;
    const bool callerChanged = toolChanged && message.toolCallId != m_rows[size_t(row)].toolCallId;
    const bool hasCalls = !message.toolCalls.empty() || !m_rows[size_t(row)].toolCalls.empty();
    m_rows[size_t(row)] = message;
    m_revisions[size_t(row)] = m_nextRevision++;
    m_issued.remove(message.id);
    if (message.state != store::MessageState::Streaming) {
        m_splitters.remove(message.id); // the record holds the split text now
        const auto times = m_reasoningTimes.find(message.id);
        if (times != m_reasoningTimes.end() && times->startMs >= 0 && times->endMs < 0)
            times->endMs = m_clock.elapsed(); // it reasoned until the stream ended
    }
    // The whole row is signalled now, so a pending streaming flush for it would only repeat it.
    m_dirty.remove(row);
    if (m_dirty.isEmpty())
        m_frameTimer.stop();
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
    queueRecord(row); // a finished answer opens again with this layout
    // Neighbours paint from this row: the answer above a tool message (its "answered" marks), the
    // tool messages below an answer (their function names).
    if (callerChanged) {
        const int caller = toolCallerOf(row);
        if (caller >= 0)
            touchRow(caller);
    }
    if (hasCalls) {
        for (int below = row + 1; below < int(m_rows.size()) && m_rows[size_t(below)].role == api::Role::Tool;
             ++below)
            touchRow(below);
    }
}

void MessageListModel::appendStreamingText(qint64 messageId, const QString& content, const QString& reasoning)
{
    if (content.isEmpty() && reasoning.isEmpty())
        return;
    const int row = rowForId(messageId);
    if (row < 0)
        return;
    store::MessageRecord& m = m_rows[size_t(row)];
    // Models that write <think>...</think> into the content: split here too, so the reasoning never
    // shows as answer text, not even for a frame.
    // Only a <think> that opens the answer counts: text appended to an answer that already has some
    // passes through.
    QString answer = content;
    QString thought = reasoning;
    if (!content.isEmpty() && (m.content.isEmpty() || m_splitters.contains(messageId))) {
        const api::ThinkTagSplitter::Output split = m_splitters[messageId].feed(content);
        answer = split.content;
        thought += split.reasoning;
    }
    if (answer.isEmpty() && thought.isEmpty())
        return; // held back: it may be the start of a tag
    if (!thought.isEmpty() || m_reasoningTimes.contains(messageId)) {
        ReasoningTimes& times = m_reasoningTimes[messageId];
        if (!thought.isEmpty() && times.startMs < 0)
            times.startMs = m_clock.elapsed();
        if (!answer.isEmpty() && times.endMs < 0)
            times.endMs = m_clock.elapsed();
    }
    m.content += answer;
    m.reasoning += thought;
    m_dirty.insert(row);
    if (!m_frameTimer.isActive())
        m_frameTimer.start(std::max(0, m_frameMs), this);
}

void MessageListModel::removeFrom(int row)
{
    row = std::max(0, row);
    const int count = int(m_rows.size());
    if (row >= count)
        return;
    const bool removedTool = m_rows[size_t(row)].role == api::Role::Tool;
    beginRemoveRows({}, row, count - 1);
    for (int i = row; i < count; ++i) {
        m_rowById.remove(m_rows[size_t(i)].id);
        m_attachments.remove(m_rows[size_t(i)].id);
        m_dirty.remove(i);
    }
    m_rows.erase(m_rows.begin() + row, m_rows.end());
    m_positions.erase(m_positions.begin() + row, m_positions.end());
    m_revisions.erase(m_revisions.begin() + row, m_revisions.end());
    if (m_dirty.isEmpty())
        m_frameTimer.stop();
    endRemoveRows();
    // Results removed below an answer: its calls wait for results again.
    if (row > 0 && removedTool) {
        const int caller = toolCallerOf(row);
        if (caller >= 0)
            touchRow(caller);
    }
}

int MessageListModel::rowForId(qint64 messageId) const
{
    return m_rowById.value(messageId, -1);
}

const store::MessageRecord& MessageListModel::record(int row) const
{
    static const store::MessageRecord empty;
    if (row < 0 || size_t(row) >= m_rows.size())
        return empty;
    return m_rows[size_t(row)];
}

void MessageListModel::setCostFormatter(CostFormatter formatter)
{
    m_costFormatter = std::move(formatter);
    // Revisions issued before, for messages not shown now, would bring back layouts with the old
    // figures when their conversation opens again: forget them; the rows shown get new ones.
    m_issued.clear();
    m_unrecorded.clear();
    m_unrecordedNext = 0;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        m_revisions[i] = m_nextRevision++;
        m_unrecorded.push_back(Unrecorded{m_rows[i].id, m_revisions[i]});
    }
    if (!m_unrecorded.empty() && !m_recordTimer.isActive())
        m_recordTimer.start(0, this);
    if (!m_rows.empty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {CostTextRole, RevisionRole});
}

int MessageListModel::toolCallerOf(int row) const
{
    int caller = std::min(row, int(m_rows.size())) - 1;
    while (caller >= 0 && m_rows[size_t(caller)].role == api::Role::Tool)
        --caller;
    if (caller < 0 || m_rows[size_t(caller)].toolCalls.empty())
        return -1;
    return caller;
}

QStringList MessageListModel::answeredCallIds(int callerRow) const
{
    QStringList ids;
    for (size_t i = size_t(callerRow) + 1; i < m_rows.size() && m_rows[i].role == api::Role::Tool; ++i)
        ids.append(m_rows[i].toolCallId);
    return ids;
}

QString MessageListModel::toolNameOf(int row) const
{
    const store::MessageRecord& m = m_rows[size_t(row)];
    if (!m.toolName.isEmpty() || m.toolCallId.isEmpty())
        return m.toolName;
    const int caller = toolCallerOf(row);
    if (caller < 0)
        return {};
    for (const api::ToolCall& call : m_rows[size_t(caller)].toolCalls)
        if (call.id == m.toolCallId)
            return call.name;
    return {};
}

void MessageListModel::touchRow(int row)
{
    m_revisions[size_t(row)] = m_nextRevision++;
    m_issued.remove(m_rows[size_t(row)].id);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

void MessageListModel::flushNow()
{
    m_frameTimer.stop();
    if (m_dirty.isEmpty())
        return;
    QList<int> rows(m_dirty.cbegin(), m_dirty.cend());
    m_dirty.clear();
    std::sort(rows.begin(), rows.end());
    for (int row : rows) {
        m_revisions[size_t(row)] = m_nextRevision++;
        m_issued.remove(m_rows[size_t(row)].id);
    }
    // One dataChanged per contiguous range: a single streaming answer is one row, one signal.
    qsizetype start = 0;
    while (start < rows.size()) {
        qsizetype end = start;
        while (end + 1 < rows.size() && rows[end + 1] == rows[end] + 1)
            ++end;
        emit dataChanged(index(rows[start]), index(rows[end]), streamingRoles());
        emit streamingFlushed(rows[start], rows[end]);
        start = end + 1;
    }
}

void MessageListModel::queueRecord(int row)
{
    if (m_rows[size_t(row)].state == store::MessageState::Streaming)
        return; // it changes until updated
    m_unrecorded.push_back(Unrecorded{m_rows[size_t(row)].id, m_revisions[size_t(row)]});
    if (!m_recordTimer.isActive())
        m_recordTimer.start(0, this);
}

void MessageListModel::recordIssued(size_t maxRows)
{
    for (; maxRows > 0 && m_unrecordedNext < m_unrecorded.size(); --maxRows) {
        const Unrecorded entry = m_unrecorded[m_unrecordedNext++];
        const int row = rowForId(entry.id);
        // A row that changed since (an update, streamed text, a tool result below it) has another
        // revision now, or text not signalled yet: it stays unrecorded, so it is never reused.
        if (row < 0 || m_revisions[size_t(row)] != entry.revision || m_dirty.contains(row) ||
            m_rows[size_t(row)].state == store::MessageState::Streaming)
            continue;
        m_issued.insert(entry.id, Issued{fingerprint(size_t(row)), entry.revision});
    }
    if (m_unrecordedNext >= m_unrecorded.size()) {
        m_unrecorded.clear();
        m_unrecordedNext = 0;
        m_recordTimer.stop();
    }
}

void MessageListModel::timerEvent(QTimerEvent* event)
{
    if (event->timerId() == m_frameTimer.timerId()) {
        flushNow();
        return;
    }
    if (event->timerId() == m_recordTimer.timerId()) {
        recordIssued(1000); // about a millisecond
        return;
    }
    QAbstractListModel::timerEvent(event);
}

void MessageListModel::cancelPendingFlushes()
{
    m_dirty.clear();
    m_frameTimer.stop();
}

} // namespace ark::models
