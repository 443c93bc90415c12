// The conversation store on a real SQLite file: CRUD, ordering, soft delete, branches, search.
#include "store/ConversationStore.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ark::store;
using ark::api::Role;

namespace {

int count(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

std::vector<qint64> ids(const std::vector<MessageRecord>& messages)
{
    std::vector<qint64> result;
    for (const auto& m : messages)
        result.push_back(m.id);
    return result;
}

QStringList contents(const std::vector<SearchHit>& hits, const ConversationStore& store)
{
    QStringList result;
    for (const auto& hit : hits) {
        if (hit.messageId != 0)
            result << store.message(hit.messageId)->content;
    }
    result.sort();
    return result;
}

} // namespace

class ConversationStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QString error;
        QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("store.sqlite3")), &error), qPrintable(error));
        m_store = std::make_unique<ConversationStore>(*m_db);
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void createAndFetchConversation()
    {
        const auto before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const auto created =
            m_store->createConversation(QStringLiteral("第一个对话"), QStringLiteral("doubao-seed-1-6"));
        QVERIFY(created.id > 0);
        const auto fetched = m_store->conversation(created.id);
        QVERIFY(fetched);
        QCOMPARE(fetched->title, QStringLiteral("第一个对话"));
        QCOMPARE(fetched->model, QStringLiteral("doubao-seed-1-6"));
        QCOMPARE(fetched->pinned, false);
        QCOMPARE(fetched->currentLeafId, qint64(0));
        QCOMPARE(fetched->createdAt, created.createdAt);
        QCOMPARE(fetched->createdAt.timeSpec(), Qt::UTC);
        QVERIFY(fetched->createdAt >= before);
        QVERIFY(!fetched->deletedAt.isValid());
        QVERIFY(m_store->activePath(created.id).empty());
        QVERIFY(!m_store->conversation(created.id + 1000));
    }

    void renamePinAndSettings()
    {
        const auto c = m_store->createConversation(QStringLiteral("old"));
        QVERIFY(m_store->renameConversation(c.id,
                                            QStringLiteral("new 'title' \"quoted\"; DROP TABLE messages;")));
        QVERIFY(m_store->setPinned(c.id, true));
        QVERIFY(m_store->updateSettings(c.id, QStringLiteral("deepseek-r1"),
                                        QStringLiteral("Answer in Chinese."),
                                        QStringLiteral("{\"temperature\":0.2}")));
        const auto fetched = m_store->conversation(c.id);
        QCOMPARE(fetched->title, QStringLiteral("new 'title' \"quoted\"; DROP TABLE messages;"));
        QVERIFY(fetched->pinned);
        QCOMPARE(fetched->model, QStringLiteral("deepseek-r1"));
        QCOMPARE(fetched->systemPrompt, QStringLiteral("Answer in Chinese."));
        QCOMPARE(fetched->paramsJson, QStringLiteral("{\"temperature\":0.2}"));
        QVERIFY(m_store->setPinned(c.id, false));
        QVERIFY(!m_store->conversation(c.id)->pinned);
        QVERIFY(!m_store->renameConversation(c.id + 99, QStringLiteral("x")));
        QVERIFY(!m_store->setPinned(c.id + 99, true));
        QVERIFY(!m_store->updateSettings(c.id + 99, {}, {}, {}));
    }

    void listIsPinnedFirstThenByActivity()
    {
        const auto a = m_store->createConversation(QStringLiteral("A"));
        const auto b = m_store->createConversation(QStringLiteral("B"));
        const auto c = m_store->createConversation(QStringLiteral("C"));
        // Fixed activity times, so the test does not depend on the clock's resolution.
        QSqlQuery q(m_db->handle());
        QVERIFY(q.exec(QStringLiteral("UPDATE conversations SET updated_at = 1000 + id")));
        auto titles = [this] {
            QStringList result;
            for (const auto& conversation : m_store->listConversations())
                result << conversation.title;
            return result;
        };
        QCOMPARE(titles(), (QStringList{QStringLiteral("C"), QStringLiteral("B"), QStringLiteral("A")}));

        MessageRecord m;
        m.conversationId = a.id;
        m.content = QStringLiteral("activity");
        QVERIFY(m_store->appendMessage(m) > 0);
        QVERIFY(m_store->conversation(a.id)->updatedAt.toMSecsSinceEpoch() > 1000 + c.id);
        QCOMPARE(titles(), (QStringList{QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("B")}));

        QVERIFY(m_store->setPinned(b.id, true));
        QCOMPARE(titles(), (QStringList{QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("C")}));
    }

    void softDeleteUndoAndPurge()
    {
        const auto a = m_store->createConversation(QStringLiteral("doomed"));
        const auto b = m_store->createConversation(QStringLiteral("survivor"));
        const auto aRoot = add(a.id, 0, Role::User, QStringLiteral("ephemeral words"));
        add(a.id, aRoot, Role::Assistant, QStringLiteral("more ephemeral words"));
        add(b.id, 0, Role::User, QStringLiteral("lasting words"));

        QVERIFY(m_store->deleteConversation(a.id));
        QVERIFY(!m_store->deleteConversation(a.id)); // already deleted
        QCOMPARE(m_store->listConversations().size(), size_t(1));
        QVERIFY(m_store->conversation(a.id)->deletedAt.isValid());
        QVERIFY(m_store->search(QStringLiteral("ephemeral")).empty());
        QVERIFY(m_store->search(QStringLiteral("doomed")).empty());
        QCOMPARE(m_store->activePath(a.id).size(), size_t(2)); // still there for the undo

        QVERIFY(m_store->restoreConversation(a.id));
        QVERIFY(!m_store->restoreConversation(a.id));
        QCOMPARE(m_store->listConversations().size(), size_t(2));
        QCOMPARE(m_store->search(QStringLiteral("ephemeral")).size(), size_t(2));

        QVERIFY(m_store->deleteConversation(a.id));
        const auto deletedAt = m_store->conversation(a.id)->deletedAt;
        QCOMPARE(m_store->purgeDeleted(deletedAt.addSecs(-60)), 0); // a pending undo survives
        QVERIFY(m_store->conversation(a.id));
        QCOMPARE(m_store->purgeDeleted(), 1);
        QVERIFY(!m_store->conversation(a.id));
        QVERIFY(!m_store->restoreConversation(a.id));
        QCOMPARE(count(m_db->handle(),
                       QStringLiteral("SELECT count(*) FROM messages WHERE conversation_id = ?"), {a.id}),
                 0);
        QCOMPARE(count(m_db->handle(),
                       QStringLiteral(
                           "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH '\"ephemeral\"'")),
                 0);
        QCOMPARE(m_store->activePath(b.id).size(), size_t(1));
        QCOMPARE(m_store->search(QStringLiteral("lasting")).size(), size_t(1));
        QCOMPARE(m_store->purgeDeleted(), 0);
    }

    void messageRoundTripsEveryField()
    {
        const auto c = m_store->createConversation(QStringLiteral("fields"));
        MessageRecord m;
        m.conversationId = c.id;
        m.role = Role::Assistant;
        m.content = QStringLiteral("答案：```cpp\nint main() {}\n```");
        m.reasoning = QStringLiteral("先想一想……");
        ark::api::ToolCall call;
        call.index = 0;
        call.id = QStringLiteral("call_abc");
        call.name = QStringLiteral("get_weather");
        call.arguments = QStringLiteral("{\"city\":\"北京\""); // invalid JSON on purpose: kept as text
        m.toolCalls.push_back(call);
        call.index = 1;
        call.id = QStringLiteral("call_def");
        call.name = QStringLiteral("get_time");
        call.arguments = QStringLiteral("{}");
        m.toolCalls.push_back(call);
        m.toolCallId = QStringLiteral("call_prev");
        m.toolName = QStringLiteral("lookup");
        m.attachmentsJson = QStringLiteral("[{\"kind\":\"image\"}]");
        m.usage.present = true;
        m.usage.promptTokens = 11;
        m.usage.completionTokens = 22;
        m.usage.totalTokens = 33;
        m.usage.cachedTokens = 4;
        m.usage.reasoningTokens = 5;
        m.model = QStringLiteral("doubao-seed-1-6-250615");
        m.finishReason = QStringLiteral("tool_calls");
        m.createdAt = QDateTime(QDate(2024, 5, 1), QTime(18, 30, 15, 123), Qt::OffsetFromUTC, 8 * 3600);
        m.ttftMs = 250;
        m.totalMs = 4100;
        m.reasoningMs = 1200;
        m.state = MessageState::Failed;
        m.errorKind = QStringLiteral("server");
        m.errorCode = QStringLiteral("InternalServiceError");
        m.errorMessage = QStringLiteral("The service encountered an unexpected internal error.");
        m.requestId = QStringLiteral("021718067849876");
        m.errorStatus = 500;
        QVERIFY(m_store->appendMessage(m) > 0);
        QVERIFY(m.id > 0);

        const auto s = m_store->message(m.id);
        QVERIFY(s);
        QCOMPARE(s->conversationId, c.id);
        QCOMPARE(s->parentId, qint64(0));
        QCOMPARE(s->role, Role::Assistant);
        QCOMPARE(s->content, m.content);
        QCOMPARE(s->reasoning, m.reasoning);
        QCOMPARE(s->toolCalls.size(), size_t(2));
        QCOMPARE(s->toolCalls[0].id, QStringLiteral("call_abc"));
        QCOMPARE(s->toolCalls[0].name, QStringLiteral("get_weather"));
        QCOMPARE(s->toolCalls[0].arguments, QStringLiteral("{\"city\":\"北京\""));
        QCOMPARE(s->toolCalls[0].type, QStringLiteral("function"));
        QCOMPARE(s->toolCalls[1].index, 1);
        QCOMPARE(s->toolCallId, m.toolCallId);
        QCOMPARE(s->toolName, m.toolName);
        QCOMPARE(s->attachmentsJson, m.attachmentsJson);
        QVERIFY(s->usage.present);
        QCOMPARE(s->usage.promptTokens, qint64(11));
        QCOMPARE(s->usage.completionTokens, qint64(22));
        QCOMPARE(s->usage.totalTokens, qint64(33));
        QCOMPARE(s->usage.cachedTokens, qint64(4));
        QCOMPARE(s->usage.reasoningTokens, qint64(5));
        QCOMPARE(s->model, m.model);
        QCOMPARE(s->finishReason, m.finishReason);
        QCOMPARE(s->createdAt, m.createdAt);        // the same instant...
        QCOMPARE(s->createdAt.timeSpec(), Qt::UTC); // ...in UTC
        QCOMPARE(s->createdAt.time(), QTime(10, 30, 15, 123));
        QCOMPARE(s->ttftMs, qint64(250));
        QCOMPARE(s->totalMs, qint64(4100));
        QCOMPARE(s->reasoningMs, qint64(1200));
        QCOMPARE(s->state, MessageState::Failed);
        QCOMPARE(s->errorKind, m.errorKind);
        QCOMPARE(s->errorCode, m.errorCode);
        QCOMPARE(s->errorMessage, m.errorMessage);
        QCOMPARE(s->requestId, m.requestId);
        QCOMPARE(s->errorStatus, 500);
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, m.id);

        // Defaults: no usage, no timings, createdAt filled in.
        MessageRecord plain;
        plain.conversationId = c.id;
        plain.parentId = m.id;
        QVERIFY(m_store->appendMessage(plain) > 0);
        QVERIFY(plain.createdAt.isValid());
        const auto p = m_store->message(plain.id);
        QVERIFY(!p->usage.present);
        QCOMPARE(p->ttftMs, qint64(-1));
        QVERIFY(p->toolCalls.empty());
        QCOMPARE(p->content, QString());
        QCOMPARE(p->createdAt, plain.createdAt);
        QVERIFY(!m_store->message(plain.id + 100));
    }

    void appendRejectsBadLinks()
    {
        const auto a = m_store->createConversation(QStringLiteral("a"));
        const auto b = m_store->createConversation(QStringLiteral("b"));
        const auto inA = add(a.id, 0, Role::User, QStringLiteral("in a"));

        MessageRecord orphan;
        orphan.conversationId = a.id + b.id + 100;
        QCOMPARE(m_store->appendMessage(orphan), qint64(0));
        QCOMPARE(orphan.id, qint64(0));

        MessageRecord crossed;
        crossed.conversationId = b.id;
        crossed.parentId = inA;
        QCOMPARE(m_store->appendMessage(crossed), qint64(0));

        MessageRecord unknownParent;
        unknownParent.conversationId = a.id;
        unknownParent.parentId = inA + 1000;
        QCOMPARE(m_store->appendMessage(unknownParent), qint64(0));

        QCOMPARE(m_store->conversation(a.id)->currentLeafId, inA);
        QCOMPARE(m_store->conversation(b.id)->currentLeafId, qint64(0));
        QCOMPARE(count(m_db->handle(), QStringLiteral("SELECT count(*) FROM messages")), 1);
    }

    void editAndRegenerateCreateBranches()
    {
        const auto c = m_store->createConversation(QStringLiteral("branches"));
        const auto u1 = add(c.id, 0, Role::User, QStringLiteral("u1"));
        const auto a1 = add(c.id, u1, Role::Assistant, QStringLiteral("a1"));
        const auto u2 = add(c.id, a1, Role::User, QStringLiteral("u2"));
        const auto a2 = add(c.id, u2, Role::Assistant, QStringLiteral("a2"));
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{u1, a1, u2, a2}));

        // Edit-and-resend u2: a sibling under the same parent becomes the active branch.
        const auto u2e = add(c.id, a1, Role::User, QStringLiteral("u2 edited"));
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{u1, a1, u2e}));
        QCOMPARE(ids(m_store->siblings(u2)), (std::vector<qint64>{u2, u2e}));
        QCOMPARE(ids(m_store->siblings(u2e)), (std::vector<qint64>{u2, u2e}));
        QCOMPARE(ids(m_store->siblings(u1)), (std::vector<qint64>{u1}));
        const auto a2e = add(c.id, u2e, Role::Assistant, QStringLiteral("a2 for edited"));

        auto path = m_store->activePath(c.id);
        auto positions = m_store->branchPositions(path);
        QCOMPARE(positions.size(), size_t(4));
        QCOMPARE(positions[0].index, 0);
        QCOMPARE(positions[0].count, 1);
        QCOMPARE(positions[2].index, 1); // "< 2/2 >"
        QCOMPARE(positions[2].count, 2);
        QCOMPARE(positions[3].count, 1);

        // "<" on u2e: back to the first version, down to its newest answer.
        QVERIFY(m_store->selectBranch(u2));
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{u1, a1, u2, a2}));
        QCOMPARE(m_store->branchPositions(m_store->activePath(c.id))[2].index, 0);

        // Regenerate a2: the new answer is the newest child and becomes active.
        const auto a2b = add(c.id, u2, Role::Assistant, QStringLiteral("a2 regenerated"));
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{u1, a1, u2, a2b}));
        QCOMPARE(ids(m_store->siblings(a2)), (std::vector<qint64>{a2, a2b}));
        QVERIFY(m_store->selectBranch(a2));
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, a2);
        QVERIFY(m_store->selectBranch(u2));
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, a2b);
        QVERIFY(m_store->selectBranch(u2e));
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, a2e);
        QVERIFY(m_store->selectBranch(u1)); // newest child at every step
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, a2e);
        QVERIFY(!m_store->selectBranch(a2e + 1000));

        // Edit of the very first message: a second root.
        const auto u1e = add(c.id, 0, Role::User, QStringLiteral("u1 edited"));
        QCOMPARE(ids(m_store->siblings(u1)), (std::vector<qint64>{u1, u1e}));
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{u1e}));
        QCOMPARE(m_store->allMessages(c.id).size(), size_t(8));
    }

    void deleteMessageFixesTheLeaf()
    {
        const auto c = m_store->createConversation(QStringLiteral("delete"));
        const auto u1 = add(c.id, 0, Role::User, QStringLiteral("u1"));
        const auto a1 = add(c.id, u1, Role::Assistant, QStringLiteral("a1"));
        const auto u2 = add(c.id, a1, Role::User, QStringLiteral("u2"));
        const auto a2 = add(c.id, u2, Role::Assistant, QStringLiteral("a2"));
        const auto a2b = add(c.id, u2, Role::Assistant, QStringLiteral("a2b"));
        const auto u2e = add(c.id, a1, Role::User, QStringLiteral("u2e"));
        const auto a2e = add(c.id, u2e, Role::Assistant, QStringLiteral("a2e unique words"));
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, a2e);

        // The active branch goes: the leaf moves to the newest remaining branch under a1.
        QVERIFY(m_store->deleteMessage(u2e));
        QVERIFY(!m_store->message(u2e));
        QVERIFY(!m_store->message(a2e));
        QVERIFY(m_store->search(QStringLiteral("unique words")).empty());
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{u1, a1, u2, a2b}));

        // A branch off the active path: the leaf stays.
        QVERIFY(m_store->deleteMessage(a2));
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, a2b);
        QCOMPARE(ids(m_store->siblings(a2b)), (std::vector<qint64>{a2b}));

        // The only child: the leaf moves up to the parent.
        QVERIFY(m_store->deleteMessage(a2b));
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{u1, a1, u2}));

        // A root with another root beside it, then the last root.
        const auto u1e = add(c.id, 0, Role::User, QStringLiteral("u1e"));
        QVERIFY(m_store->selectBranch(u1));
        QVERIFY(m_store->deleteMessage(u1));
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{u1e}));
        QVERIFY(m_store->deleteMessage(u1e));
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, qint64(0));
        QVERIFY(m_store->activePath(c.id).empty());
        QCOMPARE(count(m_db->handle(), QStringLiteral("SELECT count(*) FROM messages")), 0);
        QVERIFY(!m_store->deleteMessage(u1));
    }

    void tenThousandMessages()
    {
        // A chain far deeper than SQLite's trigger recursion limit (1000): reading, branching and
        // deleting must not depend on cascades or per-message queries.
        // Built in one transaction through importConversation (as an import of a long export would be).
        constexpr int kCount = 10000;
        std::vector<MessageRecord> source(kCount);
        for (int i = 0; i < kCount; ++i) {
            source[i].id = i + 1;
            source[i].parentId = i;
            source[i].role = i % 2 ? Role::Assistant : Role::User;
            source[i].content = QStringLiteral("message %1").arg(i);
        }
        ConversationRecord record;
        record.title = QStringLiteral("long");
        record.currentLeafId = 123; // any message: the active branch runs through it
        const auto imported = m_store->importConversation(record, source);
        QVERIFY(imported);
        const auto c = *m_store->conversation(*imported);
        QCOMPARE(c.currentLeafId, m_store->allMessages(c.id)[122].id); // old id 123, remapped
        QVERIFY(m_store->selectBranch(m_store->allMessages(c.id).front().id));
        // Appending to the end of the long chain still goes through the normal path.
        const auto last = add(c.id, m_store->conversation(c.id)->currentLeafId, Role::User,
                              QStringLiteral("message %1").arg(kCount));
        QVERIFY(last > 0);
        std::vector<qint64> chain = ids(m_store->allMessages(c.id));
        QCOMPARE(chain.size(), size_t(kCount + 1));
        QCOMPARE(chain.back(), last);
        const auto path = m_store->activePath(c.id);
        QCOMPARE(path.size(), size_t(kCount + 1));
        QCOMPARE(ids(path), chain);
        QCOMPARE(path.front().parentId, qint64(0));
        QCOMPARE(path.front().content, QStringLiteral("message 0"));
        QCOMPARE(path.back().content, QStringLiteral("message 10000"));
        for (size_t i = 1; i < path.size(); ++i)
            QCOMPARE(path[i].parentId, path[i - 1].id);
        const auto positions = m_store->branchPositions(path);
        QVERIFY(std::all_of(positions.begin(), positions.end(),
                            [](const BranchPosition& p) { return p.index == 0 && p.count == 1; }));

        const auto side = add(c.id, chain[4999], Role::Assistant, QStringLiteral("side"));
        QVERIFY(m_store->selectBranch(chain[0]));
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, side); // newest child at step 5000
        QVERIFY(m_store->selectBranch(chain[5000]));
        QCOMPARE(m_store->conversation(c.id)->currentLeafId, chain.back());

        QVERIFY(m_store->deleteMessage(chain[1]));
        QCOMPARE(ids(m_store->activePath(c.id)), (std::vector<qint64>{chain[0]}));
        QCOMPARE(count(m_db->handle(), QStringLiteral("SELECT count(*) FROM messages")), 1);
    }

    void streamingSavesAndInterruption()
    {
        const auto c = m_store->createConversation(QStringLiteral("stream"));
        const auto user = add(c.id, 0, Role::User, QStringLiteral("tell me a story"));
        MessageRecord answer;
        answer.conversationId = c.id;
        answer.parentId = user;
        answer.role = Role::Assistant;
        answer.state = MessageState::Streaming;
        QVERIFY(m_store->appendMessage(answer) > 0);

        QVERIFY(m_store->saveStreamingText(answer.id, QStringLiteral("Once"), QStringLiteral("plan")));
        QVERIFY(m_store->saveStreamingText(answer.id, QStringLiteral("Once upon a dragonfly"),
                                           QStringLiteral("plan it")));
        auto stored = m_store->message(answer.id);
        QCOMPARE(stored->content, QStringLiteral("Once upon a dragonfly"));
        QCOMPARE(stored->reasoning, QStringLiteral("plan it"));
        QCOMPARE(stored->state, MessageState::Streaming);
        QVERIFY(m_store->search(QStringLiteral("dragonfly")).empty()); // indexed when it ends
        QVERIFY(!m_store->saveStreamingText(answer.id + 1000, QStringLiteral("x"), {}));

        answer = *stored;
        answer.content = QStringLiteral("Once upon a dragonfly, the end.");
        answer.state = MessageState::Complete;
        answer.finishReason = QStringLiteral("stop");
        answer.usage.present = true;
        answer.usage.completionTokens = 9;
        answer.totalMs = 1500;
        QVERIFY(m_store->updateMessage(answer));
        stored = m_store->message(answer.id);
        QCOMPARE(stored->state, MessageState::Complete);
        QCOMPARE(stored->finishReason, QStringLiteral("stop"));
        QCOMPARE(stored->usage.completionTokens, qint64(9));
        QCOMPARE(stored->totalMs, qint64(1500));
        QCOMPARE(m_store->search(QStringLiteral("dragonfly")).size(), size_t(1));
        MessageRecord missing;
        missing.id = answer.id + 1000;
        QVERIFY(!m_store->updateMessage(missing));

        // Two answers cut off by a crash.
        MessageRecord s1;
        s1.conversationId = c.id;
        s1.parentId = user;
        s1.role = Role::Assistant;
        s1.state = MessageState::Streaming;
        QVERIFY(m_store->appendMessage(s1) > 0);
        QVERIFY(m_store->saveStreamingText(s1.id, QStringLiteral("half a sentence about otters"), {}));
        MessageRecord s2 = s1;
        QVERIFY(m_store->appendMessage(s2) > 0);
        QCOMPARE(m_store->markInterruptedStreams(), 2);
        QCOMPARE(m_store->message(s1.id)->state, MessageState::Interrupted);
        QCOMPARE(m_store->message(s1.id)->content, QStringLiteral("half a sentence about otters"));
        QCOMPARE(m_store->message(s2.id)->state, MessageState::Interrupted);
        QCOMPARE(m_store->message(answer.id)->state, MessageState::Complete);
        QCOMPARE(m_store->markInterruptedStreams(), 0);
        QCOMPARE(m_store->search(QStringLiteral("otters")).size(), size_t(1));
    }

    void search_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        const QString k1 = QStringLiteral("你好，请介绍一下长城的历史");
        const QString k2 = QStringLiteral("The Great Wall of China is über long");
        const QString k3 = QStringLiteral("He said \"hello\" and left; (a AND b) OR c* NOT d");
        const QString k4 = QStringLiteral("C++ templates: std::vector<int> gives 100% coverage_rate");
        const QString k5 = QStringLiteral("emoji 🎉 party time");
        QTest::newRow("chinese, two characters") << QStringLiteral("长城") << QStringList{k1};
        QTest::newRow("chinese, long") << QStringLiteral("介绍一下长城") << QStringList{k1};
        QTest::newRow("chinese, one character") << QStringLiteral("史") << QStringList{k1};
        QTest::newRow("chinese, absent") << QStringLiteral("长江") << QStringList{};
        QTest::newRow("case-insensitive words") << QStringLiteral("great WALL") << QStringList{k2};
        QTest::newRow("all words required") << QStringLiteral("Great 长城") << QStringList{};
        QTest::newRow("substring") << QStringLiteral("emplat") << QStringList{k4};
        QTest::newRow("non-ascii word") << QStringLiteral("über") << QStringList{k2};
        QTest::newRow("unbalanced quote") << QStringLiteral("\"hello") << QStringList{k3};
        QTest::newRow("lone quote") << QStringLiteral("\"") << QStringList{k3};
        QTest::newRow("operator word") << QStringLiteral("a AND") << QStringList{k3};
        QTest::newRow("trailing operator") << QStringLiteral("left AND") << QStringList{k3};
        QTest::newRow("parentheses") << QStringLiteral("(a AND b)") << QStringList{k3};
        QTest::newRow("star is literal") << QStringLiteral("c*") << QStringList{k3};
        QTest::newRow("NOT is a word") << QStringLiteral("NOT d") << QStringList{k3};
        QTest::newRow("NEAR syntax") << QStringLiteral("NEAR(") << QStringList{};
        QTest::newRow("column filter syntax") << QStringLiteral("content:wall") << QStringList{};
        QTest::newRow("caret") << QStringLiteral("^The") << QStringList{};
        QTest::newRow("colons") << QStringLiteral("std::vector<int>") << QStringList{k4};
        QTest::newRow("percent is literal") << QStringLiteral("%") << QStringList{k4};
        QTest::newRow("underscore is literal") << QStringLiteral("_") << QStringList{k4};
        QTest::newRow("backslash") << QStringLiteral("\\") << QStringList{};
        QTest::newRow("100%") << QStringLiteral("100%") << QStringList{k4};
        QTest::newRow("emoji") << QStringLiteral("🎉") << QStringList{k5};
        QTest::newRow("blank") << QStringLiteral("  \t ") << QStringList{};
        QTest::newRow("plus signs") << QStringLiteral("C++") << QStringList{k4};
    }

    void search()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        const auto c = m_store->createConversation(QStringLiteral("Search corpus"));
        qint64 parent = 0;
        for (const auto& text : {QStringLiteral("你好，请介绍一下长城的历史"),
                                 QStringLiteral("The Great Wall of China is über long"),
                                 QStringLiteral("He said \"hello\" and left; (a AND b) OR c* NOT d"),
                                 QStringLiteral("C++ templates: std::vector<int> gives 100% coverage_rate"),
                                 QStringLiteral("emoji 🎉 party time")}) {
            parent = add(c.id, parent, Role::User, text);
        }
        const auto hits = m_store->search(query);
        expected.sort();
        QCOMPARE(contents(hits, *m_store), expected);
        for (const auto& hit : hits) {
            QCOMPARE(hit.conversationId, c.id);
            QCOMPARE(hit.conversationTitle, QStringLiteral("Search corpus"));
            QVERIFY2(hit.snippet.contains(kHighlightStart) && hit.snippet.contains(kHighlightEnd),
                     qPrintable(hit.snippet));
        }
    }

    void searchSnippetMarksTheMatch()
    {
        const auto c = m_store->createConversation(QStringLiteral("Snippets"));
        add(c.id, 0, Role::User, QStringLiteral("请介绍一下长城的历史"));
        const QString filler = QStringLiteral("lorem ipsum dolor sit amet ").repeated(20);
        add(c.id, 0, Role::User, filler + QStringLiteral("the needle\nis here ") + filler);

        auto hits = m_store->search(QStringLiteral("长城"));
        QCOMPARE(hits.size(), size_t(1));
        QCOMPARE(hits[0].snippet, QStringLiteral("请介绍一下") + kHighlightStart + QStringLiteral("长城") +
                                      kHighlightEnd + QStringLiteral("的历史"));

        hits = m_store->search(QStringLiteral("NEEDLE is"));
        QCOMPARE(hits.size(), size_t(1));
        const auto& snippet = hits[0].snippet;
        QVERIFY(snippet.startsWith(QChar(0x2026)));
        QVERIFY(snippet.endsWith(QChar(0x2026)));
        QVERIFY2(snippet.contains(kHighlightStart + QStringLiteral("needle") + kHighlightEnd +
                                  QLatin1Char(' ') + kHighlightStart + QStringLiteral("is") + kHighlightEnd),
                 qPrintable(snippet));
        QVERIFY(!snippet.contains(QLatin1Char('\n')));
        QVERIFY(snippet.size() < 200);
    }

    void searchFindsTitlesFirstAndRespectsLimit()
    {
        const auto travel = m_store->createConversation(QStringLiteral("Travel plans 旅行计划"));
        const auto other = m_store->createConversation(QStringLiteral("Other"));
        for (int i = 0; i < 10; ++i)
            add(other.id, 0, Role::User, QStringLiteral("travel note %1").arg(i));

        auto hits = m_store->search(QStringLiteral("TRAVEL"), 3);
        QCOMPARE(hits.size(), size_t(3));
        QCOMPARE(hits[0].conversationId, travel.id);
        QCOMPARE(hits[0].messageId, qint64(0));
        QCOMPARE(hits[0].snippet, kHighlightStart + QStringLiteral("Travel") + kHighlightEnd +
                                      QStringLiteral(" plans 旅行计划"));
        QCOMPARE(m_store->message(hits[1].messageId)->content,
                 QStringLiteral("travel note 9")); // newest first
        QCOMPARE(m_store->message(hits[2].messageId)->content, QStringLiteral("travel note 8"));
        QCOMPARE(m_store->search(QStringLiteral("旅行")).size(), size_t(1));
        QCOMPARE(m_store->search(QStringLiteral("travel")).size(), size_t(11));
        QVERIFY(m_store->search(QStringLiteral("travel"), 0).empty());
    }

    void searchFollowsUpdatesAndDeletes()
    {
        const auto c = m_store->createConversation(QStringLiteral("Updates"));
        const auto id = add(c.id, 0, Role::User, QStringLiteral("original wording"));
        QCOMPARE(m_store->search(QStringLiteral("original")).size(), size_t(1));

        auto m = *m_store->message(id);
        m.content = QStringLiteral("revised phrasing 修改后");
        QVERIFY(m_store->updateMessage(m));
        QVERIFY(m_store->search(QStringLiteral("original")).empty());
        QCOMPARE(m_store->search(QStringLiteral("revised")).size(), size_t(1));
        QCOMPARE(m_store->search(QStringLiteral("修改后")).size(), size_t(1));

        QVERIFY(m_store->deleteConversation(c.id));
        QVERIFY(m_store->search(QStringLiteral("revised")).empty());
        QVERIFY(m_store->restoreConversation(c.id));
        QCOMPARE(m_store->search(QStringLiteral("revised")).size(), size_t(1));

        QVERIFY(m_store->deleteMessage(id));
        QVERIFY(m_store->search(QStringLiteral("revised")).empty());
        QCOMPARE(
            count(m_db->handle(),
                  QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'phrasing'")),
            0);
    }

    void duplicateCopiesTheActivePath()
    {
        auto c = m_store->createConversation(QStringLiteral("Original"), QStringLiteral("doubao-seed-1-6"));
        QVERIFY(m_store->updateSettings(c.id, QStringLiteral("doubao-seed-1-6"), QStringLiteral("Be terse."),
                                        QStringLiteral("{\"top_p\":0.9}")));
        QVERIFY(m_store->setPinned(c.id, true));
        const auto u1 = add(c.id, 0, Role::User, QStringLiteral("question"));
        add(c.id, u1, Role::Assistant, QStringLiteral("first answer"));
        const auto a1b = add(c.id, u1, Role::Assistant, QStringLiteral("second answer"));
        const auto u2 = add(c.id, a1b, Role::User, QStringLiteral("follow-up"));
        MessageRecord streaming;
        streaming.conversationId = c.id;
        streaming.parentId = u2;
        streaming.role = Role::Assistant;
        streaming.content = QStringLiteral("partial");
        streaming.state = MessageState::Streaming;
        QVERIFY(m_store->appendMessage(streaming) > 0);
        const auto original = m_store->activePath(c.id);

        const auto copyId = m_store->duplicateConversation(c.id);
        QVERIFY(copyId);
        QVERIFY(*copyId != c.id);
        const auto copy = m_store->conversation(*copyId);
        QCOMPARE(copy->title, QStringLiteral("Original (copy)"));
        QCOMPARE(copy->model, QStringLiteral("doubao-seed-1-6"));
        QCOMPARE(copy->systemPrompt, QStringLiteral("Be terse."));
        QCOMPARE(copy->paramsJson, QStringLiteral("{\"top_p\":0.9}"));
        QVERIFY(!copy->pinned);
        const auto path = m_store->activePath(*copyId);
        QCOMPARE(path.size(), original.size());
        QCOMPARE(m_store->allMessages(*copyId).size(), original.size()); // only the active path
        for (size_t i = 0; i < path.size(); ++i) {
            QCOMPARE(path[i].content, original[i].content);
            QCOMPARE(path[i].role, original[i].role);
            QCOMPARE(path[i].createdAt, original[i].createdAt);
            QCOMPARE(path[i].conversationId, *copyId);
            QVERIFY(path[i].id != original[i].id);
            QCOMPARE(path[i].parentId, i == 0 ? qint64(0) : path[i - 1].id);
        }
        QCOMPARE(path.back().state, MessageState::Interrupted); // a copy is not receiving text
        QCOMPARE(copy->currentLeafId, path.back().id);

        // Independent: editing the copy leaves the original alone.
        auto edited = path[0];
        edited.content = QStringLiteral("changed in copy");
        QVERIFY(m_store->updateMessage(edited));
        QCOMPARE(m_store->activePath(c.id)[0].content, QStringLiteral("question"));
        QVERIFY(!m_store->duplicateConversation(*copyId + 1000));
    }

    void importRejectsBrokenTreesAtomically()
    {
        ConversationRecord c;
        c.title = QStringLiteral("broken");
        MessageRecord m1;
        m1.id = 1;
        MessageRecord m2;
        m2.id = 2;
        m2.parentId = 7; // missing
        QString error;
        QVERIFY(!m_store->importConversation(c, {m1, m2}, &error));
        QVERIFY(error.contains(QStringLiteral("7")));
        m2.parentId = 3;
        MessageRecord m3;
        m3.id = 3;
        m3.parentId = 2; // 2 <-> 3 loop
        QVERIFY(!m_store->importConversation(c, {m1, m2, m3}, &error));
        QVERIFY(!m_store->importConversation(c, {m1, m1}, &error));
        QVERIFY(m_store->listConversations().empty());

        // Children listed before their parents are fine.
        m2.parentId = 1;
        m3.parentId = 2;
        c.currentLeafId = 0;
        const auto id = m_store->importConversation(c, {m3, m2, m1}, &error);
        QVERIFY2(id, qPrintable(error));
        QCOMPARE(m_store->activePath(*id).size(), size_t(3));
    }

private:
    qint64 add(qint64 conversationId, qint64 parentId, Role role, const QString& content)
    {
        MessageRecord m;
        m.conversationId = conversationId;
        m.parentId = parentId;
        m.role = role;
        m.content = content;
        return m_store->appendMessage(m);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationStore> m_store;
};

QTEST_GUILESS_MAIN(ConversationStoreTest)
#include "tst_conversationstore.moc"
