#include "MessageListModel.h"

#include <QTimerEvent>
#include <algorithm>

namespace ark::models {

namespace {

qint64 tokensOrUnknown(const api::Usage& usage, qint64 value)
{
    return usage.present ? value : -1;
}

QVariantList toolCallsToVariant(const std::vector<api::ToolCall>& calls)
{
    QVariantList list;
    list.reserve(qsizetype(calls.size()));
    for (const api::ToolCall& call : calls) {
        QVariantMap map;
        map.insert(QStringLiteral("id"), call.id);
        map.insert(QStringLiteral("name"), call.name);
        map.insert(QStringLiteral("arguments"), call.arguments);
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
        return toolCallsToVariant(m.toolCalls);
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
    return names;
}

void MessageListModel::setMessages(std::vector<store::MessageRecord> path,
                                   std::vector<store::BranchPosition> positions)
{
    beginResetModel();
    cancelPendingFlushes();
    m_rows = std::move(path);
    m_positions = std::move(positions);
    // Positions are optional and may come short: every missing one is "1/1".
    m_positions.resize(m_rows.size());
    m_revisions.resize(m_rows.size());
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const size_t print = fingerprint(m_rows[i], m_positions[i]);
        Issued& issued = m_issued[m_rows[i].id];
        if (issued.revision == 0 || issued.fingerprint != print)
            issued = Issued{print, m_nextRevision++};
        m_revisions[i] = issued.revision;
    }
    m_rowById.clear();
    m_rowById.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].id, int(i));
    endResetModel();
}

size_t MessageListModel::fingerprint(const store::MessageRecord& m, store::BranchPosition position) const
{
    // Everything a delegate paints from the record; a collision only costs a stale layout until the
    // message changes, and 64-bit seeds make that vanishingly rare.
    size_t seed = qHashMulti(0, m.content, m.reasoning, int(m.role), int(m.state), m.model, m.finishReason,
                             m.errorKind, m.errorCode, m.errorMessage, m.requestId, m.errorStatus);
    seed = qHashMulti(seed, m.usage.present, m.usage.promptTokens, m.usage.completionTokens,
                      m.usage.cachedTokens, m.usage.reasoningTokens, m.ttftMs, m.totalMs, reasoningMs(m),
                      m.createdAt.toMSecsSinceEpoch(), position.index, position.count);
    for (const api::ToolCall& call : m.toolCalls)
        seed = qHashMulti(seed, call.id, call.name, call.arguments);
    return qHashMulti(seed, m.toolCallId, m.toolName, m.attachmentsJson);
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
}

void MessageListModel::updateMessage(const store::MessageRecord& message)
{
    const int row = rowForId(message.id);
    if (row < 0)
        return;
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
    beginRemoveRows({}, row, count - 1);
    for (int i = row; i < count; ++i) {
        m_rowById.remove(m_rows[size_t(i)].id);
        m_dirty.remove(i);
    }
    m_rows.erase(m_rows.begin() + row, m_rows.end());
    m_positions.erase(m_positions.begin() + row, m_positions.end());
    m_revisions.erase(m_revisions.begin() + row, m_revisions.end());
    if (m_dirty.isEmpty())
        m_frameTimer.stop();
    endRemoveRows();
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

void MessageListModel::timerEvent(QTimerEvent* event)
{
    if (event->timerId() == m_frameTimer.timerId()) {
        flushNow();
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
