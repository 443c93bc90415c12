// Loads a conversation's active branch on a worker thread with its own read connection (SQLite WAL
// lets it read while the UI thread's connection writes), so opening a 10,000-message conversation
// never blocks painting. Designed by the person implementing it; see ConversationSession::open.
//
// One QThread per loader, started at the first load and reused; its Database connection is opened on
// that thread (Database::open on the same file as the UI connection) and reopened only when the path
// changes. Each load gets a generation number; only the newest load is delivered. Older ones are
// skipped if they have not started, and dropped if they finish late (the person clicked another
// conversation meanwhile). Results come back to the loader's thread through a queued signal.
//
// The same thread and connection also delete messages (deleteMessage): deleting a message with
// thousands of replies rewrites the FTS index for 100-200 ms, too long for the UI thread. Deletes are
// never skipped or made stale (a person asked for them, and the view has dropped the rows already):
// they run in order with the loads, so a load asked for after a delete reads what the delete left.
#pragma once

#include "ConversationStore.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace ark::store {

class HistoryWorker;

// Shared so the queued signal carries a pointer, not 10,000 records; the receiver may move out of it.
using SharedBranch = std::shared_ptr<ActiveBranch>;

class HistoryLoader : public QObject
{
    Q_OBJECT
public:
    explicit HistoryLoader(QObject* parent = nullptr);
    // Pending loads are dropped; the one running (a single read) is waited for, then the thread ends.
    ~HistoryLoader() override;

    // Reads ConversationStore::activeBranch(conversationId) from the database file at databasePath.
    // Returns the load's generation (> 0, larger than every earlier one); every earlier load is stale.
    quint64 load(const QString& databasePath, qint64 conversationId);
    // Reads ConversationStore::branchThrough(messageId): switching branch on a long path walks and
    // reads thousands of rows. Nothing is written; the caller saves the choice (setActiveLeaf).
    quint64 loadBranchThrough(const QString& databasePath, qint64 messageId);
    void cancel(); // makes every pending load stale: nothing more is delivered (deletes still run)

    // Runs ConversationStore::deleteMessage(messageId) on the worker's connection. Returns the delete's
    // generation (> 0); deleted() reports it once it committed or failed. A write that lost a race with
    // another connection's write is tried once more. Never cancelled; the destructor waits for it.
    quint64 deleteMessage(const QString& databasePath, qint64 messageId);
    bool isDeleting() const { return m_pendingDeletes != 0; } // some delete has not reported yet

    bool isLoading() const { return m_pending != 0; }       // the newest load has not been delivered
    quint64 pendingGeneration() const { return m_pending; } // 0 when nothing is pending
    // The newest generation the worker has finished reading (delivered or not yet, or dropped as stale);
    // lets tests and diagnostics tell "read" from "delivered".
    quint64 lastReadGeneration() const { return m_lastRead.load(); }

signals:
    // Only for the newest load, on the loader's thread. branch->path is empty for an empty
    // conversation or an unknown message.
    void loaded(quint64 generation, ark::store::SharedBranch branch);
    void failed(quint64 generation, const QString& error); // the file could not be opened or read
    // A delete ended: ok once its transaction committed; otherwise error says why (nothing was deleted).
    void deleted(quint64 generation, bool ok, const QString& error);

private:
    quint64 start(const QString& databasePath, qint64 conversationId, qint64 throughMessageId);
    void onDone(quint64 generation, const ark::store::SharedBranch& branch, const QString& error);
    void ensureThread();

    QThread m_thread;
    HistoryWorker* m_worker = nullptr;  // lives on m_thread; deleted there when it finishes
    std::atomic<quint64> m_newest{0};   // read by the worker to skip stale requests
    std::atomic<quint64> m_lastRead{0}; // written by the worker
    quint64 m_lastGeneration = 0;
    quint64 m_pending = 0;
    int m_pendingDeletes = 0;
};

} // namespace ark::store
