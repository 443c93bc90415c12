#include "HistoryLoader.h"

#include "Database.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace ark::store {

// Lives on the loader's thread and owns the connection opened there (Qt SQL connections must stay
// on the thread that opened them).
class HistoryWorker : public QObject
{
    Q_OBJECT
public:
    HistoryWorker(const std::atomic<quint64>& newest, std::atomic<quint64>& lastRead)
        : m_newest(newest), m_lastRead(lastRead)
    {
    }

    void load(quint64 generation, const QString& path, qint64 conversationId, qint64 throughMessageId)
    {
        // Clicking through the sidebar queues a load per click: only the last one is worth reading.
        if (generation != m_newest.load())
            return;
        QString error;
        if (!ensureOpen(path, &error)) {
            m_lastRead.store(generation);
            emit done(generation, nullptr, error);
            return;
        }
        ConversationStore store(*m_db);
        m_db->setLastError({});
        auto branch =
            std::make_shared<ActiveBranch>(throughMessageId != 0 ? store.branchThrough(throughMessageId)
                                                                 : store.activeBranch(conversationId));
        error = m_db->lastError();
        m_lastRead.store(generation);
        if (!error.isEmpty()) {
            emit done(generation, nullptr, error);
            return;
        }
        emit done(generation, branch, {});
    }

    void remove(quint64 generation, const QString& path, qint64 messageId)
    {
        QString error;
        bool ok = false;
        if (ensureOpen(path, &error)) {
            ConversationStore store(*m_db);
            // The store's transaction reads before it writes (a deferred BEGIN): should the UI
            // connection commit a write in between, SQLite refuses the stale snapshot. Once more then.
            for (int attempt = 0; attempt < 2 && !ok; ++attempt) {
                m_db->setLastError({});
                ok = store.deleteMessage(messageId);
                error = m_db->lastError();
                if (!ok && !store.message(messageId)) {
                    if (error.isEmpty())
                        error = QCoreApplication::translate("ark::store::HistoryLoader",
                                                            "The message no longer exists.");
                    break;
                }
            }
            if (!ok && error.isEmpty())
                error = QCoreApplication::translate("ark::store::HistoryLoader",
                                                    "The database refused the change.");
        }
        emit deleteDone(generation, ok, ok ? QString() : error);
    }

signals:
    void deleteDone(quint64 generation, bool ok, const QString& error);
    void done(quint64 generation, const ark::store::SharedBranch& branch, const QString& error);

private:
    bool ensureOpen(const QString& path, QString* error)
    {
        if (m_db && m_db->isOpen() && m_db->path() == path)
            return true;
        m_db = std::make_unique<Database>();
        if (path.isEmpty()) {
            *error = QCoreApplication::translate("ark::store::HistoryLoader",
                                                 "The conversation database is not open.");
            m_db.reset();
            return false;
        }
        // The UI connection opened (and migrated) the file first, so this finds it up to date.
        if (!m_db->open(path, error)) {
            qCWarning(lcStore) << "history loader cannot open" << path << *error;
            m_db.reset();
            return false;
        }
        return true;
    }

    const std::atomic<quint64>& m_newest;
    std::atomic<quint64>& m_lastRead;
    std::unique_ptr<Database> m_db;
};

HistoryLoader::HistoryLoader(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<SharedBranch>("ark::store::SharedBranch");
    m_thread.setObjectName(QStringLiteral("ark-history-loader"));
}

HistoryLoader::~HistoryLoader()
{
    cancel(); // the worker skips the loads still queued
    if (m_thread.isRunning()) {
        // Queued behind everything asked for so far: stale loads are skipped at once, and a delete
        // still runs to its end (its rows are already gone from the screen).
        QThread* thread = &m_thread;
        QMetaObject::invokeMethod(
            m_worker, [thread] { thread->quit(); }, Qt::QueuedConnection);
        m_thread.wait(); // the worker and its connection are deleted on the thread as it finishes
    }
}

quint64 HistoryLoader::load(const QString& databasePath, qint64 conversationId)
{
    return start(databasePath, conversationId, 0);
}

quint64 HistoryLoader::loadBranchThrough(const QString& databasePath, qint64 messageId)
{
    return start(databasePath, 0, messageId);
}

void HistoryLoader::ensureThread()
{
    if (m_worker)
        return;
    m_worker = new HistoryWorker(m_newest, m_lastRead);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HistoryWorker::done, this, &HistoryLoader::onDone, Qt::QueuedConnection);
    connect(
        m_worker, &HistoryWorker::deleteDone, this,
        [this](quint64 generation, bool ok, const QString& error) {
            --m_pendingDeletes;
            emit deleted(generation, ok, error);
        },
        Qt::QueuedConnection);
    m_thread.start();
}

quint64 HistoryLoader::deleteMessage(const QString& databasePath, qint64 messageId)
{
    ensureThread();
    // A number of its own kind: m_newest is left alone, so a load in progress stays the newest.
    const quint64 generation = ++m_lastGeneration;
    ++m_pendingDeletes;
    HistoryWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, generation, databasePath, messageId] {
            worker->remove(generation, databasePath, messageId);
        },
        Qt::QueuedConnection);
    return generation;
}

quint64 HistoryLoader::start(const QString& databasePath, qint64 conversationId, qint64 throughMessageId)
{
    ensureThread();
    const quint64 generation = ++m_lastGeneration;
    m_newest.store(generation);
    m_pending = generation;
    HistoryWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker, generation, databasePath, conversationId, throughMessageId] {
            worker->load(generation, databasePath, conversationId, throughMessageId);
        },
        Qt::QueuedConnection);
    return generation;
}

void HistoryLoader::cancel()
{
    // A generation no request carries: everything queued or running is stale from now on.
    m_newest.store(++m_lastGeneration);
    m_pending = 0;
}

void HistoryLoader::onDone(quint64 generation, const SharedBranch& branch, const QString& error)
{
    if (generation != m_pending)
        return; // stale: a newer load (or cancel) came after it
    m_pending = 0;
    if (!branch)
        emit failed(generation, error);
    else
        emit loaded(generation, branch);
}

} // namespace ark::store

#include "HistoryLoader.moc"
