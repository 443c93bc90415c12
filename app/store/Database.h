// The SQLite file that holds the conversation workspace: opening, pragmas, schema migrations and a
// cache of prepared statements.
//
// Schema history (PRAGMA user_version; each step runs in its own transaction, in order):
//   v1  conversations + messages (a tree through messages.parent_id), usage, state (the partial flag)
//   v2  messages_fts: an FTS5 index over message content (trigram tokenizer, so Chinese and other
//       unsegmented text is found by substring), kept in sync by triggers, backfilled from existing rows
//   v3  message timings and error details; soft delete of conversations (deleted_at)
//   v4  ledger: one row per HTTP request the app made, with tokens, tier and cost (UsageLedger)
//   v5  video_tasks: video generation tasks, so they survive restarts (VideoTaskStore)
// A file whose user_version is newer than latestVersion() is refused untouched: an older app must never
// downgrade or damage what a newer one wrote.
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

namespace ark::store {

class Transaction;

// One SQLite connection, used only on the thread that opened it (a Qt SQL rule). Everything is
// synchronous and short; to keep painting smooth with very long conversations, run it on a worker
// thread (loading a 10,000-message path takes tens of milliseconds, mostly QtSql's row conversion).
class Database
{
public:
    Database();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // QStandardPaths::AppDataLocation + "/conversations.sqlite3"; creates the folder.
    static QString defaultPath();
    static int latestVersion();

    // WAL, foreign keys ON, synchronous=NORMAL, busy_timeout; migrates to latestVersion().
    bool open(const QString& path, QString* error = nullptr);
    // For migration tests: creates or migrates only up to `version` (never down).
    bool openAtVersion(const QString& path, int version, QString* error = nullptr);

    bool isOpen() const;
    int schemaVersion() const; // PRAGMA user_version; -1 when closed
    // The schema version the file had when it was last opened (0 = new file). Equal to
    // schemaVersion() when opening changed nothing.
    int versionFoundAtOpen() const { return m_versionFoundAtOpen; }
    // True when message search uses the trigram tokenizer (SQLite >= 3.34; Debian 12 has 3.40.1).
    // Without it the store falls back to LIKE scans, which are slower but find the same messages.
    bool hasTrigramIndex() const { return m_trigram; }
    QString path() const { return m_path; }

    QSqlDatabase handle() const;
    QString connectionName() const { return m_connectionName; }
    QString lastError() const { return m_lastError; }
    void setLastError(const QString& message) { m_lastError = message; } // for the store's failures
    void close();

    // A statement prepared once per connection and reused. Callers bind, exec, read, then finish()
    // the query (ConversationStore does this through a guard) so no read stays open across calls.
    QSqlQuery& prepared(const QString& sql);

private:
    bool openImpl(const QString& path, int targetVersion, QString* error);
    QString openSteps(const QString& path, int targetVersion); // "" on success, else the message
    bool migrate(int from, int to, QString* error);
    bool fail(const QString& message, QString* error);
    void detectTokenizer();

    QString m_connectionName;
    QString m_path;
    QString m_lastError;
    int m_versionFoundAtOpen = 0;
    bool m_trigram = false;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    int m_transactionDepth = 0;
    friend class Transaction;
};

// BEGIN ... COMMIT, rolled back when destroyed without commit(). Nests: inside another Transaction on
// the same Database it is a SAVEPOINT, so a caller can group several store calls (each of which uses
// one) into one atomic unit.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    Database& m_db;
    int m_depth = 0;
    bool m_active = false;
};

} // namespace ark::store
