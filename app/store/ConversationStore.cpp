#include "ConversationStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <algorithm>
#include <functional>
#include <initializer_list>
#include <queue>

Q_LOGGING_CATEGORY(lcStore, "ark.store")

namespace ark::store {

namespace {

const QString kMessageColumns = QStringLiteral(
    "m.id, m.conversation_id, m.parent_id, m.role, m.content, m.reasoning, m.tool_calls, m.tool_call_id,"
    " m.tool_name, m.attachments, m.prompt_tokens, m.completion_tokens, m.total_tokens, m.cached_tokens,"
    " m.reasoning_tokens, m.model, m.finish_reason, m.created_at, m.state, m.ttft_ms, m.total_ms,"
    " m.reasoning_ms, m.error_kind, m.error_code, m.error_message, m.error_status, m.request_id");

const QString kConversationColumns = QStringLiteral(
    "c.id, c.title, c.pinned, c.created_at, c.updated_at, c.model, c.system_prompt, c.params_json,"
    " c.current_leaf_id, c.deleted_at");

// Resets a cached statement when the caller is done with it, so no read stays open (an open read
// would hold back WAL checkpoints and keep old pages alive).
class Finish
{
public:
    explicit Finish(QSqlQuery& query) : m_query(query) {}
    ~Finish() { m_query.finish(); }
    Finish(const Finish&) = delete;
    Finish& operator=(const Finish&) = delete;

private:
    QSqlQuery& m_query;
};

// A null QString would be bound as SQL NULL; the text columns are NOT NULL with '' for "none".
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant nullable(qint64 value, qint64 nullValue)
{
    return value == nullValue ? QVariant() : QVariant(value);
}

QVariant nullableTime(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeOrNull(const QVariant& value)
{
    return value.isNull() ? QDateTime() : fromEpochMs(value.toLongLong());
}

qint64 intOr(const QVariant& value, qint64 fallback)
{
    return value.isNull() ? fallback : value.toLongLong();
}

MessageRecord readMessage(const QSqlQuery& q)
{
    MessageRecord m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.parentId = intOr(q.value(2), 0);
    m.role = roleFromText(q.value(3).toString()).value_or(api::Role::User);
    m.content = q.value(4).toString();
    m.reasoning = q.value(5).toString();
    m.toolCalls = toolCallsFromJson(q.value(6).toString());
    m.toolCallId = q.value(7).toString();
    m.toolName = q.value(8).toString();
    m.attachmentsJson = q.value(9).toString();
    m.usage.present = !q.value(10).isNull();
    m.usage.promptTokens = intOr(q.value(10), 0);
    m.usage.completionTokens = intOr(q.value(11), 0);
    m.usage.totalTokens = intOr(q.value(12), 0);
    m.usage.cachedTokens = intOr(q.value(13), 0);
    m.usage.reasoningTokens = intOr(q.value(14), 0);
    m.model = q.value(15).toString();
    m.finishReason = q.value(16).toString();
    m.createdAt = fromEpochMs(q.value(17).toLongLong());
    m.state = stateFromText(q.value(18).toString()).value_or(MessageState::Complete);
    m.ttftMs = intOr(q.value(19), -1);
    m.totalMs = intOr(q.value(20), -1);
    m.reasoningMs = intOr(q.value(21), -1);
    m.errorKind = q.value(22).toString();
    m.errorCode = q.value(23).toString();
    m.errorMessage = q.value(24).toString();
    m.errorStatus = q.value(25).toInt();
    m.requestId = q.value(26).toString();
    return m;
}

ConversationRecord readConversation(const QSqlQuery& q)
{
    ConversationRecord c;
    c.id = q.value(0).toLongLong();
    c.title = q.value(1).toString();
    c.pinned = q.value(2).toInt() != 0;
    c.createdAt = fromEpochMs(q.value(3).toLongLong());
    c.updatedAt = fromEpochMs(q.value(4).toLongLong());
    c.model = q.value(5).toString();
    c.systemPrompt = q.value(6).toString();
    c.paramsJson = q.value(7).toString();
    c.currentLeafId = intOr(q.value(8), 0);
    c.deletedAt = timeOrNull(q.value(9));
    return c;
}

// The mutable message columns in the order of the UPDATE and the tail of the INSERT below.
QVariantList mutableMessageValues(const MessageRecord& m)
{
    const bool usage = m.usage.present;
    return {roleToText(m.role),
            text(m.content),
            text(m.reasoning),
            text(toolCallsToJson(m.toolCalls)),
            text(m.toolCallId),
            text(m.toolName),
            text(m.attachmentsJson),
            usage ? QVariant(m.usage.promptTokens) : QVariant(),
            usage ? QVariant(m.usage.completionTokens) : QVariant(),
            usage ? QVariant(m.usage.totalTokens) : QVariant(),
            usage ? QVariant(m.usage.cachedTokens) : QVariant(),
            usage ? QVariant(m.usage.reasoningTokens) : QVariant(),
            text(m.model),
            text(m.finishReason),
            stateToText(m.state),
            nullable(m.ttftMs, -1),
            nullable(m.totalMs, -1),
            nullable(m.reasoningMs, -1),
            text(m.errorKind),
            text(m.errorCode),
            text(m.errorMessage),
            m.errorStatus,
            text(m.requestId)};
}

QString likePattern(const QString& term)
{
    QString escaped = term;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// An FTS5 string: inside double quotes nothing is syntax, and a quote is written twice.
QString ftsPhrase(const QString& term)
{
    QString quoted = term;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// Characters, not UTF-16 units: the trigram tokenizer counts code points.
int codePointCount(const QString& text)
{
    return static_cast<int>(text.toUcs4().size());
}

// One line around the first match, every match wrapped in \x02 ... \x03.
QString makeSnippet(const QString& text, const QStringList& terms)
{
    QString clean = text;
    clean.replace(kHighlightStart, QLatin1Char(' '));
    clean.replace(kHighlightEnd, QLatin1Char(' '));
    clean = clean.simplified();

    std::vector<std::pair<qsizetype, qsizetype>> ranges; // [start, end)
    for (const auto& term : terms) {
        for (qsizetype at = clean.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
             at = clean.indexOf(term, at + term.size(), Qt::CaseInsensitive)) {
            ranges.emplace_back(at, at + term.size());
        }
    }
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<qsizetype, qsizetype>> merged;
    for (const auto& range : ranges) {
        if (!merged.empty() && range.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, range.second);
        else
            merged.push_back(range);
    }

    constexpr qsizetype kBefore = 40;
    constexpr qsizetype kWidth = 160;
    const qsizetype length = clean.size();
    const qsizetype first = merged.empty() ? 0 : merged.front().first;
    qsizetype start = std::max<qsizetype>(0, first - kBefore);
    qsizetype end = std::min(length, start + kWidth);
    start = std::max<qsizetype>(0, std::min(start, end - kWidth));
    if (start > 0 && clean.at(start).isLowSurrogate())
        --start;
    if (end < length && end > 0 && clean.at(end - 1).isHighSurrogate())
        ++end;

    QString snippet;
    if (start > 0)
        snippet += QChar(0x2026);
    qsizetype at = start;
    for (const auto& [from, to] : merged) {
        const qsizetype s = std::max(from, start);
        const qsizetype e = std::min(to, end);
        if (s >= e)
            continue;
        snippet += clean.mid(at, s - at);
        snippet += kHighlightStart;
        snippet += clean.mid(s, e - s);
        snippet += kHighlightEnd;
        at = e;
    }
    snippet += clean.mid(at, end - at);
    if (end < length)
        snippet += QChar(0x2026);
    return snippet;
}

} // namespace

ConversationStore::ConversationStore(Database& db) : m_db(db) {}

namespace {

// Binds positional values to a cached statement and runs it; failures are logged and kept as the
// database's last error.
bool run(Database& db, QSqlQuery& query, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (query.exec())
        return true;
    const auto message = query.lastError().text();
    qCWarning(lcStore) << "SQL failed:" << message << query.lastQuery().left(100);
    db.setLastError(message);
    return false;
}

} // namespace

// --- conversations -------------------------------------------------------------------------------

ConversationRecord ConversationStore::createConversation(const QString& title, const QString& model)
{
    ConversationRecord record;
    record.title = title;
    record.model = model;
    record.createdAt = record.updatedAt = nowUtc();
    auto& q = m_db.prepared(QStringLiteral(
        "INSERT INTO conversations(title, pinned, created_at, updated_at, model) VALUES (?, 0, ?, ?, ?)"));
    Finish finish(q);
    const auto ms = record.createdAt.toMSecsSinceEpoch();
    if (run(m_db, q, {text(title), ms, ms, text(model)}))
        record.id = q.lastInsertId().toLongLong();
    return record;
}

std::optional<ConversationRecord> ConversationStore::conversation(qint64 id) const
{
    auto& q = m_db.prepared(QStringLiteral("SELECT ") + kConversationColumns +
                            QStringLiteral(" FROM conversations c WHERE c.id = ?"));
    Finish finish(q);
    if (!run(m_db, q, {id}) || !q.next())
        return std::nullopt;
    return readConversation(q);
}

std::vector<ConversationRecord> ConversationStore::listConversations() const
{
    auto& q = m_db.prepared(QStringLiteral("SELECT ") + kConversationColumns +
                            QStringLiteral(" FROM conversations c WHERE c.deleted_at IS NULL"
                                           " ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC"));
    Finish finish(q);
    std::vector<ConversationRecord> result;
    if (run(m_db, q, {})) {
        while (q.next())
            result.push_back(readConversation(q));
    }
    return result;
}

bool ConversationStore::renameConversation(qint64 id, const QString& title)
{
    auto& q = m_db.prepared(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"));
    Finish finish(q);
    return run(m_db, q, {text(title), id}) && q.numRowsAffected() == 1;
}

bool ConversationStore::setPinned(qint64 id, bool pinned)
{
    auto& q = m_db.prepared(QStringLiteral("UPDATE conversations SET pinned = ? WHERE id = ?"));
    Finish finish(q);
    return run(m_db, q, {pinned ? 1 : 0, id}) && q.numRowsAffected() == 1;
}

bool ConversationStore::updateSettings(qint64 id, const QString& model, const QString& systemPrompt,
                                       const QString& paramsJson)
{
    auto& q = m_db.prepared(QStringLiteral(
        "UPDATE conversations SET model = ?, system_prompt = ?, params_json = ? WHERE id = ?"));
    Finish finish(q);
    return run(m_db, q, {text(model), text(systemPrompt), text(paramsJson), id}) && q.numRowsAffected() == 1;
}

std::optional<qint64> ConversationStore::duplicateConversation(qint64 id)
{
    auto source = conversation(id);
    if (!source || source->deletedAt.isValid())
        return std::nullopt;
    const auto path = activePath(id);
    ConversationRecord copy = *source;
    copy.title = QCoreApplication::translate("ark::store::ConversationStore", "%1 (copy)").arg(source->title);
    copy.pinned = false;
    copy.createdAt = nowUtc();
    copy.currentLeafId = path.empty() ? 0 : path.back().id;
    return importConversation(copy, path);
}

bool ConversationStore::deleteConversation(qint64 id)
{
    auto& q = m_db.prepared(
        QStringLiteral("UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"));
    Finish finish(q);
    return run(m_db, q, {QDateTime::currentMSecsSinceEpoch(), id}) && q.numRowsAffected() == 1;
}

bool ConversationStore::restoreConversation(qint64 id)
{
    auto& q = m_db.prepared(
        QStringLiteral("UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL"));
    Finish finish(q);
    return run(m_db, q, {id}) && q.numRowsAffected() == 1;
}

int ConversationStore::purgeDeleted(const QDateTime& deletedBefore)
{
    // Messages go with their conversation (ON DELETE CASCADE), and the FTS triggers with them.
    auto& q = m_db.prepared(QStringLiteral(
        "DELETE FROM conversations WHERE deleted_at IS NOT NULL AND (? IS NULL OR deleted_at < ?)"));
    Finish finish(q);
    const auto cutoff = nullableTime(deletedBefore);
    return run(m_db, q, {cutoff, cutoff}) ? q.numRowsAffected() : 0;
}

std::optional<qint64> ConversationStore::importConversation(const ConversationRecord& conversation,
                                                            const std::vector<MessageRecord>& messages,
                                                            QString* error)
{
    auto failWith = [&](const QString& message) -> std::optional<qint64> {
        if (error)
            *error = message;
        m_db.setLastError(message);
        return std::nullopt;
    };
    auto tr = [](const char* text) {
        return QCoreApplication::translate("ark::store::ConversationStore", text);
    };

    // Order the tree so every parent is inserted before its children, oldest first.
    QHash<qint64, size_t> indexOf;
    for (size_t i = 0; i < messages.size(); ++i) {
        if (messages[i].id == 0 || indexOf.contains(messages[i].id))
            return failWith(tr("Message ids must be unique and not 0 (id %1).").arg(messages[i].id));
        indexOf.insert(messages[i].id, i);
    }
    QHash<qint64, std::vector<qint64>> children;
    for (const auto& m : messages) {
        if (m.parentId != 0 && !indexOf.contains(m.parentId))
            return failWith(tr("Message %1 refers to a missing parent %2.").arg(m.id).arg(m.parentId));
        children[m.parentId].push_back(m.id);
    }
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> ready;
    for (auto id : children.value(0))
        ready.push(id);
    std::vector<size_t> order;
    order.reserve(messages.size());
    while (!ready.empty()) {
        const auto id = ready.top();
        ready.pop();
        order.push_back(indexOf.value(id));
        for (auto child : children.value(id))
            ready.push(child);
    }
    if (order.size() != messages.size())
        return failWith(tr("The messages do not form a tree (a parent link loops)."));

    Transaction transaction(m_db);
    if (!transaction.isActive())
        return failWith(m_db.handle().lastError().text());

    const auto now = nowUtc().toMSecsSinceEpoch();
    auto& insert = m_db.prepared(QStringLiteral(
        "INSERT INTO conversations(title, pinned, created_at, updated_at, model, system_prompt, params_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    qint64 newId = 0;
    {
        Finish finish(insert);
        const auto created =
            conversation.createdAt.isValid() ? conversation.createdAt.toMSecsSinceEpoch() : now;
        if (!run(m_db, insert,
                 {text(conversation.title), conversation.pinned ? 1 : 0, created, now,
                  text(conversation.model), text(conversation.systemPrompt), text(conversation.paramsJson)}))
            return failWith(m_db.lastError());
        newId = insert.lastInsertId().toLongLong();
    }

    QHash<qint64, qint64> newIds;
    for (auto index : order) {
        MessageRecord copy = messages[index];
        copy.conversationId = newId;
        copy.parentId = copy.parentId == 0 ? 0 : newIds.value(copy.parentId);
        if (copy.state == MessageState::Streaming) // a copy is never still receiving text
            copy.state = MessageState::Interrupted;
        if (insertMessageRow(copy) == 0)
            return failWith(m_db.lastError());
        newIds.insert(messages[index].id, copy.id);
    }
    const auto leaf = newIds.contains(conversation.currentLeafId) ? newIds.value(conversation.currentLeafId)
                                                                  : newestRootLeaf(newId);
    if (!setCurrentLeaf(newId, leaf, false) || !transaction.commit())
        return failWith(m_db.lastError());
    return newId;
}

// --- messages ------------------------------------------------------------------------------------

qint64 ConversationStore::insertMessageRow(MessageRecord& message)
{
    if (!message.createdAt.isValid())
        message.createdAt = nowUtc();
    message.createdAt = fromEpochMs(message.createdAt.toMSecsSinceEpoch()); // as stored: UTC, ms
    auto& q = m_db.prepared(QStringLiteral(
        "INSERT INTO messages(conversation_id, parent_id, created_at, role, content, reasoning, tool_calls,"
        " tool_call_id, tool_name, attachments, prompt_tokens, completion_tokens, total_tokens, "
        "cached_tokens,"
        " reasoning_tokens, model, finish_reason, state, ttft_ms, total_ms, reasoning_ms, error_kind,"
        " error_code, error_message, error_status, request_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    Finish finish(q);
    QVariantList values{message.conversationId, nullable(message.parentId, 0),
                        message.createdAt.toMSecsSinceEpoch()};
    values += mutableMessageValues(message);
    if (!run(m_db, q, values))
        return 0;
    message.id = q.lastInsertId().toLongLong();
    return message.id;
}

bool ConversationStore::setCurrentLeaf(qint64 conversationId, qint64 leafId, bool touch)
{
    if (touch) {
        auto& q = m_db.prepared(
            QStringLiteral("UPDATE conversations SET current_leaf_id = ?, updated_at = ? WHERE id = ?"));
        Finish finish(q);
        return run(m_db, q, {nullable(leafId, 0), QDateTime::currentMSecsSinceEpoch(), conversationId}) &&
               q.numRowsAffected() == 1;
    }
    auto& q = m_db.prepared(QStringLiteral("UPDATE conversations SET current_leaf_id = ? WHERE id = ?"));
    Finish finish(q);
    return run(m_db, q, {nullable(leafId, 0), conversationId}) && q.numRowsAffected() == 1;
}

qint64 ConversationStore::appendMessage(MessageRecord& message)
{
    message.id = 0;
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return 0;
    if (message.parentId != 0) {
        auto parent = this->message(message.parentId);
        if (!parent || parent->conversationId != message.conversationId) {
            m_db.setLastError(QStringLiteral("parent %1 is not a message of conversation %2")
                                  .arg(message.parentId)
                                  .arg(message.conversationId));
            return 0;
        }
    }
    if (insertMessageRow(message) == 0 || !setCurrentLeaf(message.conversationId, message.id, true) ||
        !transaction.commit()) {
        message.id = 0;
        return 0;
    }
    return message.id;
}

bool ConversationStore::updateMessage(const MessageRecord& message)
{
    auto& q = m_db.prepared(QStringLiteral(
        "UPDATE messages SET role = ?, content = ?, reasoning = ?, tool_calls = ?, tool_call_id = ?,"
        " tool_name = ?, attachments = ?, prompt_tokens = ?, completion_tokens = ?, total_tokens = ?,"
        " cached_tokens = ?, reasoning_tokens = ?, model = ?, finish_reason = ?, state = ?, ttft_ms = ?,"
        " total_ms = ?, reasoning_ms = ?, error_kind = ?, error_code = ?, error_message = ?,"
        " error_status = ?, request_id = ? WHERE id = ?"));
    Finish finish(q);
    auto values = mutableMessageValues(message);
    values.append(message.id);
    return run(m_db, q, values) && q.numRowsAffected() == 1;
}

bool ConversationStore::saveStreamingText(qint64 messageId, const QString& content, const QString& reasoning)
{
    auto& q = m_db.prepared(QStringLiteral("UPDATE messages SET content = ?, reasoning = ? WHERE id = ?"));
    Finish finish(q);
    return run(m_db, q, {text(content), text(reasoning), messageId}) && q.numRowsAffected() == 1;
}

qint64 ConversationStore::newestLeafUnder(qint64 messageId) const
{
    // Follows the newest child at each step; one statement however deep the chain is.
    auto& q = m_db.prepared(QStringLiteral(
        "WITH RECURSIVE chain(id, depth) AS ("
        " SELECT ?, 0"
        " UNION ALL"
        " SELECT c.id, chain.depth + 1 FROM chain"
        " JOIN messages c ON c.id = (SELECT max(x.id) FROM messages x WHERE x.parent_id = chain.id))"
        " SELECT id FROM chain ORDER BY depth DESC LIMIT 1"));
    Finish finish(q);
    if (!run(m_db, q, {messageId}) || !q.next())
        return messageId;
    return q.value(0).toLongLong();
}

qint64 ConversationStore::newestRootLeaf(qint64 conversationId) const
{
    qint64 root = 0;
    {
        auto& q = m_db.prepared(
            QStringLiteral("SELECT max(id) FROM messages WHERE conversation_id = ? AND parent_id IS NULL"));
        Finish finish(q);
        if (run(m_db, q, {conversationId}) && q.next())
            root = intOr(q.value(0), 0);
    }
    return root == 0 ? 0 : newestLeafUnder(root);
}

bool ConversationStore::deleteMessage(qint64 messageId)
{
    const auto target = message(messageId);
    if (!target)
        return false;
    const auto owner = conversation(target->conversationId);
    if (!owner)
        return false;

    Transaction transaction(m_db);
    if (!transaction.isActive())
        return false;

    // Does the active branch run through the message? Walk up from the leaf (an index lookup per step).
    bool leafGoes = false;
    if (owner->currentLeafId != 0) {
        auto& q = m_db.prepared(QStringLiteral(
            "WITH RECURSIVE up(id) AS ("
            " SELECT ? UNION ALL"
            " SELECT m.parent_id FROM messages m JOIN up ON m.id = up.id WHERE m.parent_id IS NOT NULL)"
            " SELECT 1 FROM up WHERE id = ? LIMIT 1"));
        Finish finish(q);
        if (!run(m_db, q, {owner->currentLeafId, messageId}))
            return false;
        leafGoes = q.next();
    }

    {
        // The whole subtree in one statement: the parent_id foreign key is checked at its end.
        auto& q =
            m_db.prepared(QStringLiteral("WITH RECURSIVE sub(id) AS ("
                                         " SELECT ? UNION ALL"
                                         " SELECT m.id FROM messages m JOIN sub ON m.parent_id = sub.id)"
                                         " DELETE FROM messages WHERE id IN (SELECT id FROM sub)"));
        Finish finish(q);
        if (!run(m_db, q, {messageId}))
            return false;
    }

    if (leafGoes) {
        qint64 leaf = 0;
        if (target->parentId == 0) {
            leaf = newestRootLeaf(target->conversationId);
        } else {
            auto& q = m_db.prepared(QStringLiteral("SELECT max(id) FROM messages WHERE parent_id = ?"));
            qint64 newestSibling = 0;
            {
                Finish finish(q);
                if (run(m_db, q, {target->parentId}) && q.next())
                    newestSibling = intOr(q.value(0), 0);
            }
            leaf = newestSibling != 0 ? newestLeafUnder(newestSibling) : target->parentId;
        }
        if (!setCurrentLeaf(target->conversationId, leaf, false))
            return false;
    }
    return transaction.commit();
}

std::vector<MessageRecord> ConversationStore::queryMessages(const QString& sql,
                                                            const QVariantList& values) const
{
    auto& q = m_db.prepared(sql);
    Finish finish(q);
    std::vector<MessageRecord> result;
    result.reserve(32);
    if (run(m_db, q, values)) {
        while (q.next())
            result.push_back(readMessage(q));
    }
    return result;
}

std::vector<MessageRecord> ConversationStore::activePath(qint64 conversationId) const
{
    // From the leaf up through parent_id (a primary-key lookup per step), then root first.
    static const QString sql =
        QStringLiteral(
            "WITH RECURSIVE path(id, depth) AS ("
            " SELECT current_leaf_id, 0 FROM conversations WHERE id = ? AND current_leaf_id IS NOT NULL"
            " UNION ALL"
            " SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id"
            " WHERE m.parent_id IS NOT NULL)"
            " SELECT ") +
        kMessageColumns +
        QStringLiteral(" FROM path JOIN messages m ON m.id = path.id ORDER BY path.depth DESC");
    return queryMessages(sql, {conversationId});
}

std::vector<MessageRecord> ConversationStore::allMessages(qint64 conversationId) const
{
    static const QString sql = QStringLiteral("SELECT ") + kMessageColumns +
                               QStringLiteral(" FROM messages m WHERE m.conversation_id = ? ORDER BY m.id");
    return queryMessages(sql, {conversationId});
}

std::vector<MessageRecord> ConversationStore::siblings(qint64 messageId) const
{
    const auto self = message(messageId);
    if (!self)
        return {};
    if (self->parentId != 0) {
        static const QString sql = QStringLiteral("SELECT ") + kMessageColumns +
                                   QStringLiteral(" FROM messages m WHERE m.parent_id = ? ORDER BY m.id");
        return queryMessages(sql, {self->parentId});
    }
    static const QString sql =
        QStringLiteral("SELECT ") + kMessageColumns +
        QStringLiteral(" FROM messages m WHERE m.conversation_id = ? AND m.parent_id IS NULL ORDER BY m.id");
    return queryMessages(sql, {self->conversationId});
}

std::vector<BranchPosition> ConversationStore::branchPositions(const std::vector<MessageRecord>& path) const
{
    std::vector<BranchPosition> positions(path.size());
    if (path.empty())
        return positions;
    QSet<qint64> parents;
    for (const auto& m : path)
        parents.insert(m.parentId);
    // Ids and parents only: a few bytes per message even for 10,000 of them.
    QHash<qint64, std::vector<qint64>> children;
    {
        auto& q = m_db.prepared(
            QStringLiteral("SELECT id, parent_id FROM messages WHERE conversation_id = ? ORDER BY id"));
        Finish finish(q);
        if (!run(m_db, q, {path.front().conversationId}))
            return positions;
        while (q.next()) {
            const auto parent = intOr(q.value(1), 0);
            if (parents.contains(parent))
                children[parent].push_back(q.value(0).toLongLong());
        }
    }
    for (size_t i = 0; i < path.size(); ++i) {
        const auto& ids = children.value(path[i].parentId);
        const auto it = std::lower_bound(ids.begin(), ids.end(), path[i].id);
        if (it != ids.end() && *it == path[i].id) {
            positions[i].index = static_cast<int>(it - ids.begin());
            positions[i].count = static_cast<int>(ids.size());
        }
    }
    return positions;
}

bool ConversationStore::selectBranch(qint64 messageId)
{
    const auto target = message(messageId);
    if (!target)
        return false;
    return setCurrentLeaf(target->conversationId, newestLeafUnder(messageId), false);
}

std::vector<MessageRecord> ConversationStore::pathTo(qint64 leafId) const
{
    static const QString sql =
        QStringLiteral("WITH RECURSIVE path(id, depth) AS ("
                       " SELECT ?, 0"
                       " UNION ALL"
                       " SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id"
                       " WHERE m.parent_id IS NOT NULL)"
                       " SELECT ") +
        kMessageColumns +
        QStringLiteral(" FROM path JOIN messages m ON m.id = path.id ORDER BY path.depth DESC");
    return queryMessages(sql, {leafId});
}

ActiveBranch ConversationStore::branchOf(qint64 conversationId, std::vector<MessageRecord> path) const
{
    ActiveBranch branch;
    branch.conversationId = conversationId;
    branch.leafId = path.empty() ? 0 : path.back().id;
    branch.positions = branchPositions(path);
    branch.path = std::move(path);
    return branch;
}

ActiveBranch ConversationStore::activeBranch(qint64 conversationId) const
{
    // One read transaction: a message added between the two reads cannot make the counts disagree
    // with the path (in WAL mode the snapshot also never waits for a writer).
    Transaction snapshot(m_db);
    ActiveBranch branch = branchOf(conversationId, activePath(conversationId));
    snapshot.commit();
    return branch;
}

ActiveBranch ConversationStore::branchThrough(qint64 messageId) const
{
    Transaction snapshot(m_db);
    const auto target = message(messageId);
    if (!target)
        return {};
    ActiveBranch branch = branchOf(target->conversationId, pathTo(newestLeafUnder(messageId)));
    snapshot.commit();
    return branch;
}

bool ConversationStore::setActiveLeaf(qint64 conversationId, qint64 leafId)
{
    auto& q = m_db.prepared(
        QStringLiteral("UPDATE conversations SET current_leaf_id = ? WHERE id = ?"
                       " AND EXISTS (SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?)"));
    Finish finish(q);
    return run(m_db, q, {leafId, conversationId, leafId, conversationId}) && q.numRowsAffected() == 1;
}

std::optional<MessageRecord> ConversationStore::message(qint64 id) const
{
    static const QString sql =
        QStringLiteral("SELECT ") + kMessageColumns + QStringLiteral(" FROM messages m WHERE m.id = ?");
    auto& q = m_db.prepared(sql);
    Finish finish(q);
    if (!run(m_db, q, {id}) || !q.next())
        return std::nullopt;
    return readMessage(q);
}

int ConversationStore::markInterruptedStreams()
{
    auto& q =
        m_db.prepared(QStringLiteral("UPDATE messages SET state = 'interrupted' WHERE state = 'streaming'"));
    Finish finish(q);
    return run(m_db, q, {}) ? q.numRowsAffected() : 0;
}

// --- search --------------------------------------------------------------------------------------

std::vector<SearchHit> ConversationStore::search(const QString& text, int limit) const
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    QStringList terms = text.split(whitespace, Qt::SkipEmptyParts);
    terms.removeDuplicates();
    std::vector<SearchHit> hits;
    if (terms.isEmpty() || limit <= 0)
        return hits;

    // The SQL varies with the number of words but only ever holds placeholders; the user's text is bound.
    const QString like = QStringLiteral(" LIKE ? ESCAPE '\\'");
    {
        QString sql = QStringLiteral("SELECT id, title FROM conversations WHERE deleted_at IS NULL");
        QVariantList values;
        for (const auto& term : terms) {
            sql += QStringLiteral(" AND title") + like;
            values.append(likePattern(term));
        }
        sql += QStringLiteral(" ORDER BY pinned DESC, updated_at DESC LIMIT ?");
        values.append(limit);
        QSqlQuery q(m_db.handle());
        q.setForwardOnly(true);
        if (q.prepare(sql) && run(m_db, q, values)) {
            while (q.next()) {
                const auto title = q.value(1).toString();
                hits.push_back({q.value(0).toLongLong(), 0, title, makeSnippet(title, terms)});
            }
        }
    }
    if (static_cast<int>(hits.size()) >= limit)
        return hits;

    QStringList indexed; // 3+ characters: the trigram index can answer them
    QStringList scanned; // shorter: checked with LIKE on the rows the index (or a scan) yields
    for (const auto& term : terms)
        (m_db.hasTrigramIndex() && codePointCount(term) >= 3 ? indexed : scanned).append(term);

    QString sql;
    QVariantList values;
    if (!indexed.isEmpty()) {
        QStringList phrases;
        for (const auto& term : indexed)
            phrases.append(ftsPhrase(term));
        sql = QStringLiteral("SELECT m.id, m.conversation_id, c.title, m.content FROM messages_fts"
                             " JOIN messages m ON m.id = messages_fts.rowid"
                             " JOIN conversations c ON c.id = m.conversation_id"
                             " WHERE messages_fts MATCH ? AND c.deleted_at IS NULL");
        values.append(phrases.join(QLatin1Char(' '))); // implicit AND
    } else {
        // Same rows as the index holds: streaming answers are searchable once they end.
        sql = QStringLiteral("SELECT m.id, m.conversation_id, c.title, m.content FROM messages m"
                             " JOIN conversations c ON c.id = m.conversation_id"
                             " WHERE c.deleted_at IS NULL AND m.state <> 'streaming'");
    }
    for (const auto& term : scanned) {
        sql += QStringLiteral(" AND m.content") + like;
        values.append(likePattern(term));
    }
    sql += QStringLiteral(" ORDER BY m.id DESC LIMIT ?");
    values.append(limit - static_cast<int>(hits.size()));

    QSqlQuery q(m_db.handle());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        m_db.setLastError(q.lastError().text());
        return hits;
    }
    if (run(m_db, q, values)) {
        while (q.next()) {
            hits.push_back({q.value(1).toLongLong(), q.value(0).toLongLong(), q.value(2).toString(),
                            makeSnippet(q.value(3).toString(), terms)});
        }
    }
    return hits;
}

QStringList ConversationStore::allAttachmentLists() const
{
    QStringList lists;
    QSqlQuery q(m_db.handle());
    if (!q.exec(QStringLiteral("SELECT attachments FROM messages WHERE attachments <> ''")))
        return lists;
    while (q.next())
        lists << q.value(0).toString();
    return lists;
}

} // namespace ark::store
