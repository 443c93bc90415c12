#include "Database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace ark::store {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::store::Database", text);
}

// Runs one statement; returns the SQLite message on failure.
QString execSql(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return query.lastError().text() + QStringLiteral(" [") + sql.left(80) + QStringLiteral("]");
    return {};
}

QString execAll(QSqlDatabase& db, const QStringList& statements)
{
    for (const auto& sql : statements) {
        if (auto error = execSql(db, sql); !error.isEmpty())
            return error;
    }
    return {};
}

// v1: the tree of messages. current_leaf_id has no foreign key on purpose: it would make the two
// tables reference each other; the store keeps it pointing at a message of the conversation.
// parent_id has no ON DELETE CASCADE: SQLite runs cascades as nested triggers, limited to 1000 levels,
// and a long conversation is a chain deeper than that. The store deletes whole subtrees in one statement.
QString migrateTo1(QSqlDatabase& db)
{
    return execAll(
        db,
        {
            QStringLiteral("CREATE TABLE conversations ("
                           " id INTEGER PRIMARY KEY,"
                           " title TEXT NOT NULL DEFAULT '',"
                           " pinned INTEGER NOT NULL DEFAULT 0,"
                           " created_at INTEGER NOT NULL," // ms since the epoch, UTC
                           " updated_at INTEGER NOT NULL," // last activity
                           " model TEXT NOT NULL DEFAULT '',"
                           " system_prompt TEXT NOT NULL DEFAULT '',"
                           " params_json TEXT NOT NULL DEFAULT '',"
                           " current_leaf_id INTEGER)"),
            QStringLiteral("CREATE TABLE messages ("
                           " id INTEGER PRIMARY KEY,"
                           " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
                           " parent_id INTEGER REFERENCES messages(id),"
                           " role TEXT NOT NULL,"
                           " content TEXT NOT NULL DEFAULT '',"
                           " reasoning TEXT NOT NULL DEFAULT '',"
                           " tool_calls TEXT NOT NULL DEFAULT '',"
                           " tool_call_id TEXT NOT NULL DEFAULT '',"
                           " tool_name TEXT NOT NULL DEFAULT '',"
                           " attachments TEXT NOT NULL DEFAULT '',"
                           " prompt_tokens INTEGER," // all usage columns NULL = no usage reported
                           " completion_tokens INTEGER,"
                           " total_tokens INTEGER,"
                           " cached_tokens INTEGER,"
                           " reasoning_tokens INTEGER,"
                           " model TEXT NOT NULL DEFAULT '',"
                           " finish_reason TEXT NOT NULL DEFAULT '',"
                           " state TEXT NOT NULL DEFAULT 'complete',"
                           " created_at INTEGER NOT NULL)"),
            // Loading a conversation, its root messages and the foreign-key check of conversation_id.
            QStringLiteral("CREATE INDEX messages_by_conversation ON messages(conversation_id, parent_id)"),
            // Children and siblings, and the foreign-key check of parent_id on delete.
            QStringLiteral("CREATE INDEX messages_by_parent ON messages(parent_id)"),
            // markInterruptedStreams at start-up touches only the few streaming rows.
            QStringLiteral("CREATE INDEX messages_streaming ON messages(state) WHERE state = 'streaming'"),
            QStringLiteral(
                "CREATE INDEX conversations_by_activity ON conversations(pinned DESC, updated_at DESC)"),
        });
}

// v2: full-text search. An external-content FTS5 table (the text lives once, in messages). Messages
// still streaming are left out of the index, so the once-a-second save of a growing answer costs one
// row update and no re-tokenising; the answer is indexed when its state leaves 'streaming'.
QString migrateTo2(QSqlDatabase& db)
{
    // trigram finds any substring of 3+ characters, which is what Chinese and Japanese need (unicode61
    // would make a whole unspaced sentence one token). It exists since SQLite 3.34.
    auto error = execSql(db, QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(content,"
                                            " content='messages', content_rowid='id', tokenize='trigram')"));
    if (!error.isEmpty()) {
        error = execSql(db, QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(content,"
                                           " content='messages', content_rowid='id', tokenize='unicode61')"));
    }
    if (!error.isEmpty())
        return error;
    return execAll(
        db, {
                QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages"
                               " WHEN new.state <> 'streaming' BEGIN"
                               " INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content); END"),
                QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages"
                               " WHEN old.state <> 'streaming' BEGIN"
                               " INSERT INTO messages_fts(messages_fts, rowid, content)"
                               " VALUES ('delete', old.id, old.content); END"),
                // One trigger with both steps, in this order: an external-content index must be told the old
                // text before the new one is added for the same rowid.
                QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, state ON messages"
                               " WHEN old.state <> 'streaming' OR new.state <> 'streaming' BEGIN"
                               " INSERT INTO messages_fts(messages_fts, rowid, content)"
                               "  SELECT 'delete', old.id, old.content WHERE old.state <> 'streaming';"
                               " INSERT INTO messages_fts(rowid, content)"
                               "  SELECT new.id, new.content WHERE new.state <> 'streaming'; END"),
                QStringLiteral("INSERT INTO messages_fts(rowid, content)"
                               " SELECT id, content FROM messages WHERE state <> 'streaming'"),
            });
}

// v3: what the first versions did without: timings and typed errors on messages, and soft delete
// (the undo of "delete conversation").
QString migrateTo3(QSqlDatabase& db)
{
    return execAll(
        db,
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN ttft_ms INTEGER"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN total_ms INTEGER"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN reasoning_ms INTEGER"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN error_kind TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN error_code TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN error_message TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN error_status INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN request_id TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN deleted_at INTEGER"),
            QStringLiteral("DROP INDEX conversations_by_activity"),
            QStringLiteral("CREATE INDEX conversations_listed ON conversations(pinned DESC, updated_at DESC)"
                           " WHERE deleted_at IS NULL"),
        });
}

// v4: the usage ledger, one row per HTTP request the app made (chat, retry, tool round,
// tokenization...). Rows outlive what they belong to: when a conversation or message is purged the
// link becomes NULL, so the day's and the model's totals still show what was spent. Amounts are
// exact micros of `currency`; cost_micros NULL = no price was known.
QString migrateTo4(QSqlDatabase& db)
{
    return execAll(
        db,
        {
            QStringLiteral(
                "CREATE TABLE ledger ("
                " id INTEGER PRIMARY KEY,"
                " conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,"
                " message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,"
                " created_at INTEGER NOT NULL," // ms since the epoch, UTC
                " model TEXT NOT NULL DEFAULT '',"
                " kind TEXT NOT NULL DEFAULT 'chat',"
                " input_tokens INTEGER NOT NULL DEFAULT 0," // prompt_tokens, cache hits included
                " cached_tokens INTEGER NOT NULL DEFAULT 0,"
                " output_tokens INTEGER NOT NULL DEFAULT 0," // completion_tokens, reasoning included
                " reasoning_tokens INTEGER NOT NULL DEFAULT 0,"
                " tier TEXT NOT NULL DEFAULT '',"
                " currency TEXT NOT NULL DEFAULT '',"
                " cost_micros INTEGER,"
                " request_id TEXT NOT NULL DEFAULT '',"
                " error TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX ledger_by_conversation ON ledger(conversation_id, created_at)"),
            QStringLiteral("CREATE INDEX ledger_by_time ON ledger(created_at)"),
            // The foreign-key action on message delete looks rows up by message_id.
            QStringLiteral("CREATE INDEX ledger_by_message ON ledger(message_id)"),
        });
}

// v5: video generation tasks (VideoTaskStore). A task outlives its conversation (the link becomes
// NULL): generation is billed and its video may still be downloading. Local times are ms since the
// epoch (UTC); server_* times are the unix seconds the task API reports.
QString migrateTo5(QSqlDatabase& db)
{
    return execAll(
        db, {
                QStringLiteral("CREATE TABLE video_tasks ("
                               " id INTEGER PRIMARY KEY,"
                               " task_id TEXT NOT NULL UNIQUE,"
                               " conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,"
                               " model TEXT NOT NULL DEFAULT '',"
                               " prompt TEXT NOT NULL DEFAULT '',"
                               " params_json TEXT NOT NULL DEFAULT '',"
                               " status TEXT NOT NULL DEFAULT 'queued',"
                               " created_at INTEGER NOT NULL,"
                               " updated_at INTEGER NOT NULL,"
                               " finished_at INTEGER,"
                               " server_created_at INTEGER,"
                               " server_updated_at INTEGER,"
                               " video_url TEXT NOT NULL DEFAULT '',"
                               " file_path TEXT NOT NULL DEFAULT '',"
                               " seed INTEGER,"
                               " completion_tokens INTEGER,"
                               " total_tokens INTEGER,"
                               " error_code TEXT NOT NULL DEFAULT '',"
                               " error_message TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE INDEX video_tasks_by_time ON video_tasks(created_at)"),
                // The foreign-key action on conversation delete looks rows up by conversation_id.
                QStringLiteral("CREATE INDEX video_tasks_by_conversation ON video_tasks(conversation_id)"),
            });
}

using MigrationStep = std::function<QString(QSqlDatabase&)>;

// Index i migrates from version i to version i + 1. Append only; never edit a released step.
const std::vector<MigrationStep>& migrationSteps()
{
    static const std::vector<MigrationStep> steps{migrateTo1, migrateTo2, migrateTo3, migrateTo4, migrateTo5};
    return steps;
}

std::optional<int> readUserVersion(QSqlDatabase& db, QString* sqlError)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        if (sqlError)
            *sqlError = query.lastError().text();
        return std::nullopt;
    }
    return query.value(0).toInt();
}

} // namespace

Database::Database()
{
    static QAtomicInteger<int> counter;
    m_connectionName = QStringLiteral("ark-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

Database::~Database()
{
    close();
}

QString Database::defaultPath()
{
    const auto folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return folder + QStringLiteral("/conversations.sqlite3");
}

int Database::latestVersion()
{
    return static_cast<int>(migrationSteps().size());
}

bool Database::open(const QString& path, QString* error)
{
    return openImpl(path, latestVersion(), error);
}

bool Database::openAtVersion(const QString& path, int version, QString* error)
{
    if (version < 0 || version > latestVersion())
        return fail(tr("Schema version %1 does not exist.").arg(version), error);
    return openImpl(path, version, error);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && handle().isOpen();
}

bool Database::fail(const QString& message, QString* error)
{
    m_lastError = message;
    if (error)
        *error = message;
    close();
    return false;
}

bool Database::openImpl(const QString& path, int targetVersion, QString* error)
{
    close();
    m_path = path;
    m_lastError.clear();
    // Every handle and query of the attempt is gone when openSteps returns, so close() can remove the
    // connection cleanly on failure.
    const auto message = openSteps(path, targetVersion);
    if (!message.isEmpty())
        return fail(message, error);
    detectTokenizer();
    return true;
}

QString Database::openSteps(const QString& path, int targetVersion)
{
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        if (!db.isValid())
            return tr("The SQLite driver for Qt is not installed (libqt6sql6-sqlite).");
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            return tr("Cannot open the conversation database %1: %2")
                .arg(QDir::toNativeSeparators(path), db.lastError().text());
        }
    }
    auto db = handle();

    // Read the version before anything writes to the file: a newer schema must stay byte-for-byte as is.
    QString sqlError;
    const auto found = readUserVersion(db, &sqlError);
    if (!found) {
        return tr("%1 is not a readable conversation database: %2")
            .arg(QDir::toNativeSeparators(path), sqlError);
    }
    m_versionFoundAtOpen = *found;
    if (*found > latestVersion()) {
        return tr("The conversation database %1 was written by a newer version of Ark Workbench "
                  "(schema %2; this version knows up to %3). It was left unchanged: update Ark "
                  "Workbench to open it.")
            .arg(QDir::toNativeSeparators(path))
            .arg(*found)
            .arg(latestVersion());
    }
    if (*found > targetVersion) {
        return tr("The conversation database is at schema %1 and cannot be taken back to %2.")
            .arg(*found)
            .arg(targetVersion);
    }

    // WAL: readers never wait for the writer, and a commit is an append. synchronous=NORMAL in WAL
    // mode loses nothing when the process dies (only a power cut can cost the last commits).
    QSqlQuery pragma(db);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !pragma.next() ||
        pragma.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0) {
        return tr("Cannot switch the conversation database to WAL mode: %1").arg(pragma.lastError().text());
    }
    pragma.finish();
    // A 16 MiB page cache keeps a long conversation in memory between loads; temp b-trees (the
    // recursive walks, sorts) stay off the disk.
    for (const auto* sql :
         {"PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000",
          "PRAGMA cache_size = -16384", "PRAGMA temp_store = MEMORY"}) {
        if (!pragma.exec(QString::fromLatin1(sql)))
            return tr("Cannot configure the conversation database: %1").arg(pragma.lastError().text());
        pragma.finish();
    }

    QString migrationError;
    if (!migrate(*found, targetVersion, &migrationError)) {
        return tr("Cannot upgrade the conversation database %1: %2")
            .arg(QDir::toNativeSeparators(path), migrationError);
    }
    return {};
}

bool Database::migrate(int from, int to, QString* error)
{
    auto db = handle();
    const auto& steps = migrationSteps();
    for (int version = from; version < to; ++version) {
        // Each step and its version number commit together: a crash leaves the file at a whole version.
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        auto stepError = steps[static_cast<size_t>(version)](db);
        if (stepError.isEmpty())
            stepError = execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(version + 1));
        if (!stepError.isEmpty()) {
            db.rollback();
            *error = tr("step to schema %1 failed: %2").arg(version + 1).arg(stepError);
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            db.rollback();
            return false;
        }
    }
    return true;
}

void Database::detectTokenizer()
{
    QSqlQuery query(handle());
    m_trigram = query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'")) &&
                query.next() && query.value(0).toString().contains(QStringLiteral("trigram"));
}

int Database::schemaVersion() const
{
    if (!isOpen())
        return -1;
    auto db = handle();
    return readUserVersion(db, nullptr).value_or(-1);
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::close()
{
    m_statements.clear();
    m_transactionDepth = 0;
    m_trigram = false;
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        auto db = handle();
        if (db.isOpen()) {
            // Keeps the query planner's statistics current; cheap when nothing changed.
            QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlQuery& Database::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_shared<QSqlQuery>(handle());
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            m_lastError = query->lastError().text();
        it = m_statements.insert(sql, std::move(query));
    }
    return **it;
}

Transaction::Transaction(Database& db) : m_db(db)
{
    auto handle = m_db.handle();
    m_depth = m_db.m_transactionDepth;
    if (m_depth == 0) {
        m_active = handle.transaction();
    } else {
        // Inside someone else's transaction: a savepoint, so this part can still be undone alone.
        m_active = QSqlQuery(handle).exec(QStringLiteral("SAVEPOINT ark_%1").arg(m_depth));
    }
    if (m_active)
        ++m_db.m_transactionDepth;
    else
        m_db.setLastError(handle.lastError().text());
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    auto handle = m_db.handle();
    if (m_depth == 0) {
        handle.rollback();
    } else {
        QSqlQuery query(handle);
        query.exec(QStringLiteral("ROLLBACK TO ark_%1").arg(m_depth));
        query.exec(QStringLiteral("RELEASE ark_%1").arg(m_depth));
    }
    --m_db.m_transactionDepth;
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    auto handle = m_db.handle();
    const bool ok = m_depth == 0 ? handle.commit()
                                 : QSqlQuery(handle).exec(QStringLiteral("RELEASE ark_%1").arg(m_depth));
    if (!ok) {
        m_db.setLastError(handle.lastError().text());
        return false; // still active: the destructor rolls back
    }
    m_active = false;
    --m_db.m_transactionDepth;
    return true;
}

} // namespace ark::store
