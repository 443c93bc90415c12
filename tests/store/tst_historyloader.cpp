// HistoryLoader on a real SQLite file: it reads on its own thread and connection exactly what the
// store reads synchronously, drops stale loads, reads while the UI connection writes (WAL), and leaves
// no thread or connection behind.
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/HistoryLoader.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <memory>

using namespace ark::store;
using ark::api::Role;

namespace {

constexpr int kSafetyMs = 20000; // a safety limit, never an expectation

// Every field, one line per message, so a difference shows where it is.
QStringList describe(const std::vector<MessageRecord>& path, const std::vector<BranchPosition>& positions)
{
    QStringList lines;
    for (size_t i = 0; i < path.size(); ++i) {
        const MessageRecord& m = path[i];
        QStringList calls;
        for (const auto& call : m.toolCalls)
            calls << QStringLiteral("%1/%2/%3/%4/%5")
                         .arg(call.index)
                         .arg(call.id, call.type, call.name, call.arguments);
        QString line = QStringLiteral("%1 c%2 p%3 %4 [%5] [%6] {%7} %8 %9 %10 u%11:%12/%13/%14/%15/%16")
                           .arg(m.id)
                           .arg(m.conversationId)
                           .arg(m.parentId)
                           .arg(roleToText(m.role), m.content, m.reasoning, calls.join(QLatin1Char(';')),
                                m.toolCallId, m.toolName, m.attachmentsJson)
                           .arg(m.usage.present)
                           .arg(m.usage.promptTokens)
                           .arg(m.usage.completionTokens)
                           .arg(m.usage.totalTokens)
                           .arg(m.usage.cachedTokens)
                           .arg(m.usage.reasoningTokens);
        line += QStringLiteral(" %1 %2 %3 t%4/%5/%6 %7 e%8/%9/%10/%11/%12")
                    .arg(m.model, m.finishReason, m.createdAt.toString(Qt::ISODateWithMs))
                    .arg(m.ttftMs)
                    .arg(m.totalMs)
                    .arg(m.reasoningMs)
                    .arg(stateToText(m.state), m.errorKind, m.errorCode, m.errorMessage)
                    .arg(m.errorStatus)
                    .arg(m.requestId);
        if (i < positions.size())
            line += QStringLiteral(" %1/%2").arg(positions[i].index + 1).arg(positions[i].count);
        lines << line;
    }
    return lines;
}

QStringList describe(const ActiveBranch& branch)
{
    return describe(branch.path, branch.positions);
}

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

SharedBranch branchOf(const QSignalSpy& spy, int at)
{
    return spy.at(at).at(1).value<SharedBranch>();
}

} // namespace

class HistoryLoaderTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QString error;
        QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("history.sqlite3")), &error), qPrintable(error));
        m_store = std::make_unique<ConversationStore>(*m_db);
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void loadsWhatTheStoreReads_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::newRow("empty conversation") << QStringLiteral("empty");
        QTest::newRow("one message") << QStringLiteral("one");
        QTest::newRow("a long chain") << QStringLiteral("chain");
        QTest::newRow("branches, every field set") << QStringLiteral("tree");
        QTest::newRow("active branch is an older sibling") << QStringLiteral("older");
    }

    void loadsWhatTheStoreReads()
    {
        QFETCH(QString, shape);
        const qint64 id = build(shape);
        const ActiveBranch expected = m_store->activeBranch(id);
        // activeBranch is the two reads the store always offered, in one snapshot.
        QCOMPARE(describe(expected),
                 describe(m_store->activePath(id), m_store->branchPositions(m_store->activePath(id))));
        if (shape != QLatin1String("empty"))
            QVERIFY(!expected.path.empty());

        HistoryLoader loader;
        QSignalSpy loaded(&loader, &HistoryLoader::loaded);
        QSignalSpy failed(&loader, &HistoryLoader::failed);
        const quint64 generation = loader.load(m_db->path(), id);
        QVERIFY(generation > 0);
        QVERIFY(loader.isLoading());
        QVERIFY(loaded.wait(kSafetyMs));
        QVERIFY(!loader.isLoading());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(loaded.first().at(0).value<quint64>(), generation);
        const SharedBranch branch = branchOf(loaded, 0);
        QVERIFY(branch);
        QCOMPARE(branch->conversationId, id);
        QCOMPARE(branch->leafId, expected.leafId);
        QCOMPARE(describe(*branch), describe(expected));
    }

    void branchThroughReadsWhatSelectBranchSelects()
    {
        const qint64 id = build(QStringLiteral("tree"));
        const qint64 leafBefore = m_store->conversation(id)->currentLeafId;
        HistoryLoader loader;
        QSignalSpy loaded(&loader, &HistoryLoader::loaded);
        loader.loadBranchThrough(m_db->path(), m_olderSibling);
        QVERIFY(loaded.wait(kSafetyMs));
        const SharedBranch branch = branchOf(loaded, 0);
        QCOMPARE(m_store->conversation(id)->currentLeafId, leafBefore); // reading selects nothing
        QVERIFY(branch->leafId != leafBefore);

        QVERIFY(m_store->setActiveLeaf(id, branch->leafId));
        const ActiveBranch selected = m_store->activeBranch(id);
        QVERIFY(m_store->selectBranch(m_olderSibling));
        QCOMPARE(describe(m_store->activeBranch(id)), describe(selected));
        QCOMPARE(describe(*branch), describe(selected));

        // An unknown message: an empty branch, and setActiveLeaf refuses a leaf of another conversation.
        loader.loadBranchThrough(m_db->path(), 987654);
        QVERIFY(loaded.wait(kSafetyMs));
        QVERIFY(branchOf(loaded, 1)->path.empty());
        const qint64 other = build(QStringLiteral("one"));
        QVERIFY(!m_store->setActiveLeaf(other, branch->leafId));
    }

    void aStaleLoadIsDropped()
    {
        const qint64 first = build(QStringLiteral("chain"));
        const qint64 second = build(QStringLiteral("one"));
        HistoryLoader loader;
        QSignalSpy loaded(&loader, &HistoryLoader::loaded);

        // The first load is read completely before the second is asked for; its result is already on
        // its way to this thread (no event has been processed) and must not be delivered.
        const quint64 stale = loader.load(m_db->path(), first);
        const QDeadlineTimer deadline(kSafetyMs);
        while (loader.lastReadGeneration() < stale && !deadline.hasExpired())
            QThread::yieldCurrentThread();
        QCOMPARE(loader.lastReadGeneration(), stale);
        const quint64 current = loader.load(m_db->path(), second);
        QVERIFY(current > stale);
        QVERIFY(loaded.wait(kSafetyMs));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(loaded.first().at(0).value<quint64>(), current);
        QCOMPARE(branchOf(loaded, 0)->conversationId, second);

        // Many clicks in a row: only the last is delivered, whichever were read.
        for (int i = 0; i < 30; ++i)
            loader.load(m_db->path(), i % 2 ? first : second);
        const quint64 last = loader.load(m_db->path(), first);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), kSafetyMs);
        QTRY_COMPARE_WITH_TIMEOUT(loader.lastReadGeneration(), last, kSafetyMs);
        QCoreApplication::processEvents(); // anything still queued would arrive now
        QCOMPARE(loaded.count(), 2);
        QCOMPARE(loaded.last().at(0).value<quint64>(), last);
        QCOMPARE(describe(*branchOf(loaded, 1)), describe(m_store->activeBranch(first)));

        // cancel() drops the load in progress.
        loader.load(m_db->path(), first);
        loader.cancel();
        QVERIFY(!loader.isLoading());
        QVERIFY(!loaded.wait(300));
        QCOMPARE(loaded.count(), 2);
    }

    void readsWhileTheUiConnectionWrites()
    {
        const qint64 id = build(QStringLiteral("chain"));
        const ActiveBranch committed = m_store->activeBranch(id);
        HistoryLoader loader;
        QSignalSpy loaded(&loader, &HistoryLoader::loaded);
        QSignalSpy failed(&loader, &HistoryLoader::failed);
        {
            // The UI connection holds an open write transaction the whole time the loader reads.
            Transaction transaction(*m_db);
            QVERIFY(transaction.isActive());
            qint64 parent = committed.leafId;
            for (int i = 0; i < 50; ++i) {
                MessageRecord m;
                m.conversationId = id;
                m.parentId = parent;
                m.role = i % 2 ? Role::Assistant : Role::User;
                m.content = QStringLiteral("uncommitted %1").arg(i);
                parent = m_store->appendMessage(m);
                QVERIFY(parent > 0);
            }
            loader.load(m_db->path(), id);
            QVERIFY(loaded.wait(kSafetyMs));
            // It read the last committed state, without waiting for the writer.
            QCOMPARE(describe(*branchOf(loaded, 0)), describe(committed));
            QVERIFY(transaction.commit());
        }
        const ActiveBranch after = m_store->activeBranch(id);
        QCOMPARE(int(after.path.size()), int(committed.path.size()) + 50);

        // Loads and writes interleaved: every branch read is one consistent committed state.
        int writes = 0;
        qint64 parent = after.leafId;
        for (int round = 0; round < 20; ++round) {
            const quint64 generation = loader.load(m_db->path(), id);
            while (loader.pendingGeneration() == generation) {
                MessageRecord m;
                m.conversationId = id;
                m.parentId = parent;
                m.content = QStringLiteral("written while loading %1").arg(writes++);
                parent = m_store->appendMessage(m);
                QVERIFY(parent > 0);
                QCoreApplication::processEvents();
            }
            const SharedBranch branch = branchOf(loaded, loaded.count() - 1);
            QCOMPARE(loaded.last().at(0).value<quint64>(), generation);
            QVERIFY(branch->path.size() >= after.path.size());
            QCOMPARE(branch->positions.size(), branch->path.size());
            QCOMPARE(branch->path.back().id, branch->leafId);
            for (size_t i = 1; i < branch->path.size(); ++i)
                QCOMPARE(branch->path[i].parentId, branch->path[i - 1].id);
        }
        QCOMPARE(failed.count(), 0);
        QVERIFY(writes > 0);
        loader.load(m_db->path(), id);
        QVERIFY(loaded.wait(kSafetyMs));
        QCOMPARE(describe(*branchOf(loaded, loaded.count() - 1)), describe(m_store->activeBranch(id)));
    }

    void aFileItCannotReadIsReported()
    {
        HistoryLoader loader;
        QSignalSpy loaded(&loader, &HistoryLoader::loaded);
        QSignalSpy failed(&loader, &HistoryLoader::failed);
        const QString notADatabase = m_dir->filePath(QStringLiteral("plain.txt"));
        QFile file(notADatabase);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("history loader cannot open")));
        for (const QString& path : {notADatabase, QString()}) {
            const quint64 generation = loader.load(path, 1);
            QVERIFY(failed.wait(kSafetyMs));
            QCOMPARE(failed.last().at(0).value<quint64>(), generation);
            QVERIFY(!failed.last().at(1).toString().isEmpty());
        }
        QCOMPARE(loaded.count(), 0);
        // The same loader reads a good file afterwards (the connection follows the path).
        const qint64 id = build(QStringLiteral("one"));
        loader.load(m_db->path(), id);
        QVERIFY(loaded.wait(kSafetyMs));
        QCOMPARE(describe(*branchOf(loaded, 0)), describe(m_store->activeBranch(id)));
    }

    void manyLoadsThenDestructionIsClean()
    {
        const qint64 first = build(QStringLiteral("chain"));
        const qint64 second = build(QStringLiteral("tree"));
        const int threadsBefore = threadCount();
        const QStringList connectionsBefore = QSqlDatabase::connectionNames();
        {
            HistoryLoader loader;
            QSignalSpy loaded(&loader, &HistoryLoader::loaded);
            for (int i = 0; i < 40; ++i) {
                loader.load(m_db->path(), i % 2 ? first : second);
                if (i % 10 == 9) {
                    QVERIFY(loaded.wait(kSafetyMs)); // the thread is reused, never added to
                    QCOMPARE(threadCount(), threadsBefore + 1);
                }
            }
            QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsBefore.size() + 1);
            for (int i = 0; i < 200; ++i) // destroyed with loads queued and one running
                loader.load(m_db->path(), i % 2 ? first : second);
        }
        // wait() returns once the thread has finished; the OS thread (detached) exits right after.
        QTRY_COMPARE_WITH_TIMEOUT(threadCount(), threadsBefore, kSafetyMs);
        QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);

        // A loader that never loaded starts no thread; one destroyed mid-read leaves nothing either.
        {
            HistoryLoader idle;
            QCOMPARE(threadCount(), threadsBefore);
        }
        for (int i = 0; i < 5; ++i) {
            auto loader = std::make_unique<HistoryLoader>();
            loader->load(m_db->path(), first);
            QThread::yieldCurrentThread();
            loader.reset();
            QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);
        }
        QTRY_COMPARE_WITH_TIMEOUT(threadCount(), threadsBefore, kSafetyMs);
        QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore);
        // The UI connection is untouched by all of it.
        QCOMPARE(int(m_store->activePath(first).size()), 400);
    }

    void deletesOnItsConnectionAndNeverDropsADelete()
    {
        const qint64 id = build(QStringLiteral("chain"));
        const std::vector<MessageRecord> path = m_store->activePath(id);
        QCOMPARE(int(path.size()), 400);
        HistoryLoader loader;
        QSignalSpy deleted(&loader, &HistoryLoader::deleted);
        QSignalSpy loaded(&loader, &HistoryLoader::loaded);

        // A delete then a load: the load reads what the delete left. cancel() drops the load only.
        const quint64 removal = loader.deleteMessage(m_db->path(), path[100].id);
        QVERIFY(removal > 0);
        QVERIFY(loader.isDeleting());
        QCOMPARE(deleted.count(), 0); // never from within the call
        loader.load(m_db->path(), id);
        loader.cancel();
        const quint64 load = loader.load(m_db->path(), id);
        QVERIFY(load > removal);
        QVERIFY(loaded.wait(kSafetyMs));
        QCOMPARE(deleted.count(), 1); // it ran first, in order
        QCOMPARE(deleted.first().at(0).value<quint64>(), removal);
        QCOMPARE(deleted.first().at(1).toBool(), true);
        QVERIFY(deleted.first().at(2).toString().isEmpty());
        QVERIFY(!loader.isDeleting());
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(int(branchOf(loaded, 0)->path.size()), 100);
        QCOMPARE(branchOf(loaded, 0)->leafId, path[99].id);
        QCOMPARE(describe(*branchOf(loaded, 0)), describe(m_store->activeBranch(id)));
        QCOMPARE(int(m_store->allMessages(id).size()), 100); // the UI connection sees it committed

        // An unknown message: reported, nothing changes.
        loader.deleteMessage(m_db->path(), 987654);
        QVERIFY(deleted.wait(kSafetyMs));
        QCOMPARE(deleted.last().at(1).toBool(), false);
        QVERIFY(!deleted.last().at(2).toString().isEmpty());
        QCOMPARE(int(m_store->allMessages(id).size()), 100);

        // Destroyed with a delete queued behind many loads: the delete still happens.
        {
            HistoryLoader doomed;
            for (int i = 0; i < 50; ++i)
                doomed.load(m_db->path(), id);
            doomed.deleteMessage(m_db->path(), path[10].id);
        }
        QCOMPARE(int(m_store->allMessages(id).size()), 10);
        QCOMPARE(m_store->conversation(id)->currentLeafId, path[9].id);
    }

private:
    // A conversation of the given shape; returns its id.
    qint64 build(const QString& shape)
    {
        const ConversationRecord c = m_store->createConversation(shape, QStringLiteral("model-x"));
        if (shape == QLatin1String("empty"))
            return c.id;
        auto add = [&](qint64 parent, Role role, const QString& content) {
            MessageRecord m;
            m.conversationId = c.id;
            m.parentId = parent;
            m.role = role;
            m.content = content;
            return m_store->appendMessage(m);
        };
        if (shape == QLatin1String("one")) {
            add(0, Role::User, QStringLiteral("Only this"));
            return c.id;
        }
        if (shape == QLatin1String("chain")) {
            Transaction transaction(*m_db);
            qint64 parent = 0;
            for (int i = 0; i < 400; ++i)
                parent =
                    add(parent, i % 2 ? Role::Assistant : Role::User, QStringLiteral("Message %1").arg(i));
            transaction.commit();
            return c.id;
        }
        // A tree: two roots, regenerated answers and edited questions at several depths.
        const qint64 oldRoot = add(0, Role::User, QStringLiteral("First try"));
        add(oldRoot, Role::Assistant, QStringLiteral("Old answer"));
        const qint64 root = add(0, Role::User, QStringLiteral("你好，请介绍一下长城。"));
        const qint64 a1 = add(root, Role::Assistant, QStringLiteral("An answer"));
        const qint64 q2 = add(a1, Role::User, QStringLiteral("More"));
        m_olderSibling = add(q2, Role::Assistant, QStringLiteral("Answer one"));
        add(m_olderSibling, Role::User, QStringLiteral("Follow-up under answer one"));
        const qint64 a2 = add(q2, Role::Assistant, QStringLiteral("Answer two"));
        MessageRecord full;
        full.conversationId = c.id;
        full.parentId = a2;
        full.role = Role::Assistant;
        full.content = QStringLiteral("**Everything** set: 全部字段");
        full.reasoning = QStringLiteral("Thinking it over");
        full.toolCalls = {ark::api::ToolCall{0, QStringLiteral("call_1"), QStringLiteral("function"),
                                             QStringLiteral("lookup"), QStringLiteral("{\"q\":\"x\"}")}};
        full.toolCallId = QStringLiteral("call_0");
        full.toolName = QStringLiteral("search");
        full.attachmentsJson = QStringLiteral("[{\"name\":\"a.png\"}]");
        full.usage = {true, 120, 45, 165, 100, 30};
        full.model = QStringLiteral("doubao-seed");
        full.finishReason = QStringLiteral("length");
        full.ttftMs = 210;
        full.totalMs = 1900;
        full.reasoningMs = 700;
        full.state = MessageState::Interrupted;
        full.errorKind = QStringLiteral("network");
        full.errorCode = QStringLiteral("ServerOverloaded");
        full.errorMessage = QStringLiteral("The server is busy.");
        full.errorStatus = 429;
        full.requestId = QStringLiteral("req-123");
        m_store->appendMessage(full);
        if (shape == QLatin1String("older"))
            m_store->selectBranch(m_olderSibling);
        return c.id;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationStore> m_store;
    qint64 m_olderSibling = 0;
};

QTEST_GUILESS_MAIN(HistoryLoaderTest)
#include "tst_historyloader.moc"
