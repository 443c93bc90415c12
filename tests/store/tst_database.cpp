// The database file: pragmas, migrations from every earlier schema, and refusing what it must not touch.
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/UsageLedger.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ark::store;

namespace {

QVariant scalar(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

bool exec(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        qWarning() << q.lastError().text();
        return false;
    }
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        qWarning() << q.lastError().text();
        return false;
    }
    return true;
}

QStringList schemaDump(const QSqlDatabase& db)
{
    QStringList dump;
    QSqlQuery q(db);
    // sqlite_stat* are the planner's statistics (PRAGMA optimize on close), not schema.
    q.exec(QStringLiteral("SELECT type, name, ifnull(sql, '') FROM sqlite_master"
                          " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name"));
    while (q.next())
        dump << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ') +
                    q.value(2).toString();
    return dump;
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// A raw connection that bypasses Database, as another program (or a newer app) would write the file.
class RawConnection
{
public:
    explicit RawConnection(const QString& path)
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name = QStringLiteral("raw-test-connection");
    bool m_open = false;
};

const qint64 kT0 = 1700000000000; // 2023-11-14T22:13:20Z

} // namespace

class DatabaseTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("ark-workbench-store-test"));
    }

    void init() { QVERIFY(m_dir.isValid()); }

    void defaultPathIsInAppData()
    {
        const auto path = Database::defaultPath();
        const auto folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QCOMPARE(path, folder + QStringLiteral("/conversations.sqlite3"));
        QVERIFY(QFileInfo(folder).isDir());
        QDir().rmdir(folder); // only if we left it empty
    }

    void freshDatabaseIsLatestInWalWithForeignKeys()
    {
        Database db;
        QString error;
        QVERIFY2(db.open(path(), &error), qPrintable(error));
        QVERIFY(db.isOpen());
        QCOMPARE(db.latestVersion(), 5);
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
        QCOMPARE(db.versionFoundAtOpen(), 0);
        QCOMPARE(scalar(db.handle(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(db.handle(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db.handle(), QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
        QVERIFY(scalar(db.handle(), QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
        const auto tables = db.handle().tables();
        QVERIFY(tables.contains(QStringLiteral("conversations")));
        QVERIFY(tables.contains(QStringLiteral("messages")));
        QVERIFY(tables.contains(QStringLiteral("messages_fts")));
        QVERIFY(tables.contains(QStringLiteral("ledger")));
        QVERIFY(tables.contains(QStringLiteral("video_tasks")));
        // SQLite 3.40.1 on Debian 12 has the trigram tokenizer (since 3.34); Chinese search relies on it.
        QVERIFY2(db.hasTrigramIndex(), "the FTS5 trigram tokenizer is missing");
        QVERIFY(QFile::exists(path() + QStringLiteral("-wal")));
    }

    void foreignKeysAreEnforced()
    {
        Database db;
        QVERIFY(db.open(path()));
        QVERIFY(
            !exec(db.handle(),
                  QStringLiteral(
                      "INSERT INTO messages(conversation_id, role, created_at) VALUES (999, 'user', 1)")));
        ConversationStore store(db);
        const auto c = store.createConversation(QStringLiteral("c"));
        QVERIFY(!exec(db.handle(),
                      QStringLiteral("INSERT INTO messages(conversation_id, parent_id, role, created_at)"
                                     " VALUES (?, 12345, 'user', 1)"),
                      {c.id}));
    }

    void migrateFromEveryVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int version = 0; version < Database::latestVersion(); ++version)
            QTest::addRow("from v%d", version) << version;
    }

    void migrateFromEveryVersion()
    {
        QFETCH(int, fromVersion);
        {
            Database old;
            QString error;
            QVERIFY2(old.openAtVersion(path(), fromVersion, &error), qPrintable(error));
            QCOMPARE(old.schemaVersion(), fromVersion);
            if (fromVersion >= 1)
                seedVersion1Data(old.handle());
            // Only what that version had.
            QCOMPARE(old.handle().tables().contains(QStringLiteral("messages_fts")), fromVersion >= 2);
            if (fromVersion >= 1)
                QCOMPARE(
                    old.handle().record(QStringLiteral("messages")).contains(QStringLiteral("error_kind")),
                    fromVersion >= 3);
            QCOMPARE(old.handle().tables().contains(QStringLiteral("ledger")), fromVersion >= 4);
            QCOMPARE(old.handle().tables().contains(QStringLiteral("video_tasks")), fromVersion >= 5);
        }

        Database db;
        QString error;
        QVERIFY2(db.open(path(), &error), qPrintable(error));
        QCOMPARE(db.versionFoundAtOpen(), fromVersion);
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
        QVERIFY(db.handle().tables().contains(QStringLiteral("video_tasks")));
        ConversationStore store(db);

        if (fromVersion == 0) {
            // A file that had nothing: the store works as on a new file.
            auto c = store.createConversation(QStringLiteral("new"));
            MessageRecord m;
            m.conversationId = c.id;
            m.content = QStringLiteral("第一条消息");
            QVERIFY(store.appendMessage(m) > 0);
            QCOMPARE(store.search(QStringLiteral("第一条")).size(), size_t(1));
            checkLedgerWorks(db, c.id, m.id);
            return;
        }

        // The old rows survived, with the tree and the usage intact.
        const auto conversation = store.conversation(1);
        QVERIFY(conversation);
        QCOMPARE(conversation->title, QStringLiteral("Old 旧对话"));
        QCOMPARE(conversation->createdAt.toMSecsSinceEpoch(), kT0);
        QCOMPARE(conversation->currentLeafId, qint64(3));
        QVERIFY(!conversation->deletedAt.isValid());
        QCOMPARE(store.listConversations().size(), size_t(1));
        const auto path = store.activePath(1);
        QCOMPARE(path.size(), size_t(2));
        QCOMPARE(path[0].id, qint64(1));
        QCOMPARE(path[1].id, qint64(3));
        QCOMPARE(store.siblings(2).size(), size_t(2));
        const auto answer = store.message(2);
        QVERIFY(answer);
        QCOMPARE(answer->role, ark::api::Role::Assistant);
        QVERIFY(answer->usage.present);
        QCOMPARE(answer->usage.completionTokens, qint64(20));
        QCOMPARE(answer->ttftMs, qint64(-1)); // a v3 column, NULL for old rows
        QCOMPARE(answer->errorStatus, 0);
        QCOMPARE(answer->toolCalls.size(), size_t(1));
        QCOMPARE(answer->toolCalls[0].name, QStringLiteral("lookup"));

        // The index covers rows written before it existed (v1 -> v2 backfill).
        QCOMPARE(scalar(db.handle(), QStringLiteral("SELECT count(*) FROM messages_fts"
                                                    " WHERE messages_fts MATCH '\"长城是中国\"'"))
                     .toInt(),
                 1);
        QCOMPARE(store.search(QStringLiteral("长城是中国")).size(), size_t(1));
        QCOMPARE(store.search(QStringLiteral("长城")).size(), size_t(2));
        // The stream that was cut off under the old version is not indexed until it is marked.
        QVERIFY(store.search(QStringLiteral("Beijing")).empty());
        QCOMPARE(store.markInterruptedStreams(), 1);
        QCOMPARE(store.message(3)->state, MessageState::Interrupted);
        QCOMPARE(store.search(QStringLiteral("Beijing")).size(), size_t(1));

        // v3 features on migrated data: soft delete with undo, error and timing columns.
        QVERIFY(store.deleteConversation(1));
        QVERIFY(store.listConversations().empty());
        QVERIFY(store.search(QStringLiteral("长城")).empty());
        QVERIFY(store.restoreConversation(1));
        QCOMPARE(store.listConversations().size(), size_t(1));
        MessageRecord failed;
        failed.conversationId = 1;
        failed.parentId = 1;
        failed.role = ark::api::Role::Assistant;
        failed.state = MessageState::Failed;
        failed.errorKind = QStringLiteral("rate_limited");
        failed.errorStatus = 429;
        failed.ttftMs = 120;
        QVERIFY(store.appendMessage(failed) > 0);
        const auto stored = store.message(failed.id);
        QCOMPARE(stored->errorKind, QStringLiteral("rate_limited"));
        QCOMPARE(stored->errorStatus, 429);
        QCOMPARE(stored->ttftMs, qint64(120));
        QCOMPARE(store.siblings(2).size(), size_t(3));

        // v4 on migrated data: the ledger takes rows for the old conversation and its messages.
        checkLedgerWorks(db, 1, 2);
    }

    void reopeningAnUpToDateDatabaseChangesNothing()
    {
        QStringList schemaBefore;
        {
            Database db;
            QVERIFY(db.open(path()));
            ConversationStore store(db);
            auto c = store.createConversation(QStringLiteral("keep me"));
            MessageRecord m;
            m.conversationId = c.id;
            m.content = QStringLiteral("still here");
            QVERIFY(store.appendMessage(m) > 0);
            schemaBefore = schemaDump(db.handle());
        }
        Database db;
        QVERIFY(db.open(path()));
        QCOMPARE(db.versionFoundAtOpen(), Database::latestVersion());
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
        QCOMPARE(schemaDump(db.handle()), schemaBefore);
        ConversationStore store(db);
        QCOMPARE(store.listConversations().size(), size_t(1));
        QCOMPARE(store.search(QStringLiteral("still here")).size(), size_t(1));
    }

    void newerDatabaseIsRefusedUntouched()
    {
        {
            Database db;
            QVERIFY(db.open(path()));
        }
        {
            RawConnection raw(path());
            QVERIFY(raw.isOpen());
            QVERIFY(exec(raw.db(), QStringLiteral("CREATE TABLE from_the_future (x TEXT)")));
            QVERIFY(exec(raw.db(), QStringLiteral("INSERT INTO from_the_future VALUES ('data')")));
            QVERIFY(exec(raw.db(),
                         QStringLiteral("PRAGMA user_version = %1").arg(Database::latestVersion() + 1)));
        }
        const auto before = fileHash(path());
        QVERIFY(!before.isEmpty());

        Database db;
        QString error;
        QVERIFY(!db.open(path(), &error));
        QVERIFY(!db.isOpen());
        QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
        QVERIFY(error.contains(QString::number(Database::latestVersion() + 1)));
        QCOMPARE(db.lastError(), error);
        QVERIFY(!db.openAtVersion(path(), 1, &error));
        QCOMPARE(fileHash(path()), before);

        RawConnection raw(path());
        QCOMPARE(scalar(raw.db(), QStringLiteral("PRAGMA user_version")).toInt(),
                 Database::latestVersion() + 1);
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT x FROM from_the_future")).toString(),
                 QStringLiteral("data"));
    }

    void fileThatIsNotADatabaseIsRefused()
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("definitely not sqlite\n").repeated(200));
        file.close();
        const auto before = fileHash(path());

        Database db;
        QString error;
        QVERIFY(!db.open(path(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!db.isOpen());
        QCOMPARE(fileHash(path()), before);
    }

    void schemaIsNeverTakenBack()
    {
        {
            Database db;
            QVERIFY(db.open(path()));
        }
        Database db;
        QString error;
        QVERIFY(!db.openAtVersion(path(), 1, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(db.open(path()));
        QCOMPARE(db.schemaVersion(), Database::latestVersion());
        QVERIFY(!db.openAtVersion(path(), Database::latestVersion() + 1, &error));
    }

    void failedMigrationStepLeavesTheOldVersion()
    {
        {
            Database db;
            QVERIFY(db.openAtVersion(path(), 2));
            seedVersion1Data(db.handle());
            // Something in the way of the LAST statement of step 3: everything before it must roll back.
            QVERIFY(exec(db.handle(), QStringLiteral("CREATE TABLE conversations_listed (x)")));
        }
        Database db;
        QString error;
        QVERIFY(!db.open(path(), &error));
        QVERIFY2(error.contains(QStringLiteral("schema 3")), qPrintable(error));

        RawConnection raw(path());
        QCOMPARE(scalar(raw.db(), QStringLiteral("PRAGMA user_version")).toInt(), 2);
        QVERIFY(!raw.db().record(QStringLiteral("messages")).contains(QStringLiteral("error_kind")));
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT count(*) FROM messages")).toInt(), 3);
    }

    void failedLedgerStepLeavesVersion3()
    {
        {
            Database db;
            QVERIFY(db.openAtVersion(path(), 3));
            seedVersion1Data(db.handle());
            // In the way of the last statement of step 4: the ledger table must be rolled back too.
            QVERIFY(exec(db.handle(), QStringLiteral("CREATE TABLE ledger_by_message (x)")));
        }
        Database db;
        QString error;
        QVERIFY(!db.open(path(), &error));
        QVERIFY2(error.contains(QStringLiteral("schema 4")), qPrintable(error));

        RawConnection raw(path());
        QCOMPARE(scalar(raw.db(), QStringLiteral("PRAGMA user_version")).toInt(), 3);
        QVERIFY(!raw.db().tables().contains(QStringLiteral("ledger")));
        QVERIFY(raw.db().record(QStringLiteral("messages")).contains(QStringLiteral("error_kind")));
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT count(*) FROM messages")).toInt(), 3);
    }

    void failedVideoTaskStepLeavesVersion4()
    {
        {
            Database db;
            QVERIFY(db.openAtVersion(path(), 4));
            seedVersion1Data(db.handle());
            // In the way of the last statement of step 5: the video_tasks table must be rolled back too.
            QVERIFY(exec(db.handle(), QStringLiteral("CREATE TABLE video_tasks_by_conversation (x)")));
        }
        Database db;
        QString error;
        QVERIFY(!db.open(path(), &error));
        QVERIFY2(error.contains(QStringLiteral("schema 5")), qPrintable(error));

        RawConnection raw(path());
        QCOMPARE(scalar(raw.db(), QStringLiteral("PRAGMA user_version")).toInt(), 4);
        QVERIFY(!raw.db().tables().contains(QStringLiteral("video_tasks")));
        QVERIFY(raw.db().tables().contains(QStringLiteral("ledger")));
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT count(*) FROM messages")).toInt(), 3);
    }

    void ledgerSchema()
    {
        Database db;
        QVERIFY(db.open(path()));
        const QSqlRecord ledger = db.handle().record(QStringLiteral("ledger"));
        for (const char* column : {"id", "conversation_id", "message_id", "created_at", "model", "kind",
                                   "input_tokens", "cached_tokens", "output_tokens", "reasoning_tokens",
                                   "tier", "currency", "cost_micros", "request_id", "error"})
            QVERIFY2(ledger.contains(QString::fromLatin1(column)), column);
        for (const char* index : {"ledger_by_conversation", "ledger_by_time", "ledger_by_message"})
            QCOMPARE(
                scalar(db.handle(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                                   " AND name = '%1'")
                                        .arg(QString::fromLatin1(index)))
                    .toInt(),
                1);
    }

    void missingFolderIsAnError()
    {
        Database db;
        QString error;
        QVERIFY(!db.open(m_dir.filePath(QStringLiteral("no/such/folder/db.sqlite3")), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(db.schemaVersion(), -1);
    }

    void transactionsNestAsSavepoints()
    {
        Database db;
        QVERIFY(db.open(path()));
        ConversationStore store(db);
        {
            Transaction outer(db);
            QVERIFY(outer.isActive());
            const auto c = store.createConversation(QStringLiteral("abandoned"));
            MessageRecord m;
            m.conversationId = c.id;
            QVERIFY(store.appendMessage(m) > 0); // its own transaction becomes a savepoint
        }                                        // no commit: all of it goes
        QVERIFY(store.listConversations().empty());
        QCOMPARE(scalar(db.handle(), QStringLiteral("SELECT count(*) FROM messages")).toInt(), 0);
        {
            Transaction outer(db);
            const auto kept = store.createConversation(QStringLiteral("kept"));
            {
                Transaction inner(db);
                QVERIFY(inner.isActive());
                store.createConversation(QStringLiteral("undone"));
            }
            MessageRecord m;
            m.conversationId = kept.id;
            QVERIFY(store.appendMessage(m) > 0);
            QVERIFY(outer.commit());
            QVERIFY(!outer.commit());
        }
        const auto list = store.listConversations();
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list[0].title, QStringLiteral("kept"));
        QCOMPARE(store.activePath(list[0].id).size(), size_t(1));
        // Back to plain transactions afterwards.
        MessageRecord m;
        m.conversationId = list[0].id;
        m.parentId = list[0].currentLeafId;
        QVERIFY(store.appendMessage(m) > 0);
        QCOMPARE(store.activePath(list[0].id).size(), size_t(2));
    }

    void cleanup() { QFile::remove(path()); }

private:
    QString path() const { return m_dir.filePath(QStringLiteral("conversations.sqlite3")); }

    static void checkLedgerWorks(Database& db, qint64 conversationId, qint64 messageId)
    {
        UsageLedger ledger(db);
        LedgerEntry entry;
        entry.conversationId = conversationId;
        entry.messageId = messageId;
        entry.model = QStringLiteral("doubao-seed-1-6");
        entry.inputTokens = 10;
        entry.outputTokens = 20;
        entry.currency = QStringLiteral("CNY");
        entry.costMicros = 168;
        QVERIFY2(ledger.record(entry), qPrintable(db.lastError()));
        const auto rows = ledger.entries(conversationId);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].messageId, messageId);
        QCOMPARE(ledger.totalsForConversation(conversationId).at(0).costMicros, qint64(168));
    }

    // Rows as version 1 wrote them (only v1 columns): a question with two answers, the newer one
    // cut off while streaming.
    static void seedVersion1Data(const QSqlDatabase& db)
    {
        QVERIFY(
            exec(db,
                 QStringLiteral("INSERT INTO conversations(id, title, pinned, created_at, updated_at, model,"
                                " system_prompt, params_json, current_leaf_id)"
                                " VALUES (1, ?, 0, ?, ?, 'doubao-seed-1-6', 'Be brief.', '{}', 3)"),
                 {QStringLiteral("Old 旧对话"), kT0, kT0 + 5000}));
        QVERIFY(exec(
            db,
            QStringLiteral("INSERT INTO messages(id, conversation_id, parent_id, role, content, created_at)"
                           " VALUES (1, 1, NULL, 'user', ?, ?)"),
            {QStringLiteral("你好，请介绍一下长城"), kT0}));
        QVERIFY(exec(
            db,
            QStringLiteral("INSERT INTO messages(id, conversation_id, parent_id, role, content, reasoning,"
                           " tool_calls, prompt_tokens, completion_tokens, total_tokens, cached_tokens,"
                           " reasoning_tokens, model, finish_reason, state, created_at)"
                           " VALUES (2, 1, 1, 'assistant', ?, 'thinking', ?, 10, 20, 30, 0, 5,"
                           " 'doubao-seed-1-6', 'stop', 'complete', ?)"),
            {QStringLiteral("The Great Wall 长城是中国古代的军事防御工程"),
             QStringLiteral("[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"name\":\"lookup\","
                            "\"arguments\":\"{}\"}]"),
             kT0 + 1000}));
        QVERIFY(
            exec(db,
                 QStringLiteral("INSERT INTO messages(id, conversation_id, parent_id, role, content, state,"
                                " created_at) VALUES (3, 1, 1, 'assistant', ?, 'streaming', ?)"),
                 {QStringLiteral("Second answer about Beijing"), kT0 + 2000}));
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
