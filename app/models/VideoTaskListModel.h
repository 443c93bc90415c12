// The video generation tasks kept in VideoTaskStore, as a table for the task list pane: model, prompt,
// status, elapsed time, cost and the downloaded file, newest first.
//
// The store is the truth; rows are re-read from it after every change. Poll answers reach the model
// through attachPoller(): each answer is merged into the store (VideoTaskStore::applyServerState) and
// the row refreshed, a task the server no longer knows is marked "expired". Whoever else listens to the
// poller (the pane, which downloads a finished video) must connect AFTER attachPoller(): Qt calls slots
// in connection order, so the store already holds the final state when they run.
// Things that are not stored (a download in progress, why polling stopped) are per-row notes the pane
// sets with setNote(); they show in the File column.
//
// Elapsed time: for a finished task the server's updated_at - created_at when both are known (the real
// generation time; the local finish time is late by up to one poll interval), else the local finish
// time - creation time; for an unfinished one, now - creation time, refreshed every second while any
// task is unfinished (setTicking(false) turns the refresh off; tests inject the clock).
// Cost: the task's usage.completion_tokens priced with the catalog's price for its model (one tier,
// output price per million video tokens); "" while unknown, "—" when the catalog has no price.
// No widgets here: this lives in workbench_core.
#pragma once

#include "catalog/Catalog.h"
#include "store/VideoTaskStore.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

namespace ark::api {
class VideoTaskPoller;
struct VideoTask;
struct ApiError;
} // namespace ark::api

namespace ark::models {

class VideoTaskListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ModelColumn,
        PromptColumn,
        StatusColumn,
        ElapsedColumn,
        CostColumn,
        FileColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Roles {
        TaskIdRole = Qt::UserRole + 1, // QString "cgt-..."
        ModelIdRole,                   // QString: what was asked for (model id or endpoint id)
        StatusNameRole,                // QString: the stored status ("queued", ..., "expired")
        StatusRole,                    // int (api::VideoTaskStatus)
        IsFinalRole,                   // bool
        CanCancelRole,                 // bool: queued (only queued tasks can be cancelled, seed L27571)
        CanDeleteRole,                 // bool: final (a running task can be neither cancelled nor deleted)
        FilePathRole,                  // QString: the downloaded video; "" until then
        NeedsDownloadRole,             // bool: succeeded with a URL and no file yet
        ElapsedMsRole,                 // qint64; -1 when unknown
        CompletionTokensRole,          // qint64 or invalid QVariant
        CostMicrosRole,                // qint64 or invalid QVariant (no tokens or no price)
        CurrencyRole,                  // QString of the price; "" when unpriced
        ErrorTextRole,                 // QString: a failed task's "code: message"; "" otherwise
        NoteRole,                      // QString: the transient note set with setNote()
        NoteDetailRole,                // QString: its longer explanation ("" when none)
        ParamsJsonRole,                // QByteArray: the stored parameters
    };
    Q_ENUM(Roles)

    // `store` is not owned and must outlive the model; `catalog` may be null (nothing is priced).
    explicit VideoTaskListModel(store::VideoTaskStore* store, std::shared_ptr<const catalog::Catalog> catalog,
                                QObject* parent = nullptr);
    ~VideoTaskListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog); // re-prices every row

    // Merges every answer of `poller` into the store and the rows (see the file comment). One poller at
    // a time; nullptr detaches.
    void attachPoller(api::VideoTaskPoller* poller);

    // Re-reads every row from the store (a full reset).
    void reload();
    // Re-reads one task's row; inserts it (at its place, newest first) when the store has it and the
    // model does not, removes the row when the store no longer has it.
    void refreshTask(const QString& taskId);

    int rowOf(const QString& taskId) const; // -1 when absent
    QString taskIdAt(int row) const;
    const store::VideoTaskRecord* record(int row) const; // nullptr when out of range
    const store::VideoTaskRecord* recordFor(const QString& taskId) const;

    // A transient short line for the File column ("Downloading… 40%", "Download failed"), with an
    // optional longer explanation for its tooltip; "" clears both.
    void setNote(const QString& taskId, const QString& note, const QString& detail = {});
    QString note(const QString& taskId) const { return m_notes.value(taskId); }
    QString noteDetail(const QString& taskId) const { return m_noteDetails.value(taskId); }

    // Display helpers, also used by the pane.
    static QString elapsedText(qint64 ms); // "0:07", "12:05", "1:02:03"
    qint64 elapsedMs(const store::VideoTaskRecord& record) const;
    // The cost of `record` in micros of `currency`; nullopt without tokens or price.
    std::optional<qint64> costMicros(const store::VideoTaskRecord& record, QString* currency = nullptr) const;
    QString costText(const store::VideoTaskRecord& record) const;

    // "Now" for the elapsed column (tests inject a fixed clock).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // Refreshes the elapsed column of unfinished rows every second (default on).
    void setTicking(bool on);
    bool isTicking() const { return m_tickTimer.isActive(); }

signals:
    // A poll answer (or a lost task) changed this task's stored state.
    void taskChanged(const QString& taskId);

private:
    void onTaskUpdated(const api::VideoTask& task);
    void onTaskLost(const QString& taskId, const api::ApiError& error);
    void tick();
    void updateTicking();
    QDateTime now() const;

    store::VideoTaskStore* m_store;
    std::shared_ptr<const catalog::Catalog> m_catalog;
    std::vector<store::VideoTaskRecord> m_rows; // newest first, as VideoTaskStore::all()
    QHash<QString, QString> m_notes;
    QHash<QString, QString> m_noteDetails;
    QPointer<api::VideoTaskPoller> m_poller;
    QList<QMetaObject::Connection> m_pollerConnections;
    std::function<QDateTime()> m_now;
    QTimer m_tickTimer;
    bool m_tickingWanted = true;
};

} // namespace ark::models
