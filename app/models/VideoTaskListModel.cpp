#include "VideoTaskListModel.h"

#include "api/VideoTaskClient.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>

namespace ark::models {

namespace {

QString trModel(const char* text)
{
    return QCoreApplication::translate("VideoTaskListModel", text);
}

bool newerThan(const store::VideoTaskRecord& a, const store::VideoTaskRecord& b)
{
    // The store's own order: created_at DESC, id DESC.
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.rowId > b.rowId;
}

// Money with as many decimals as the amount needs (at least two): ¥1.5444, ¥0.259, ¥3.00.
QString moneyText(qint64 micros, const QString& currency)
{
    int decimals = 6;
    while (decimals > 2 && micros % 10 == 0) {
        micros /= 10;
        --decimals;
    }
    for (int i = decimals; i < 6; ++i)
        micros *= 10;
    return pricing::formatMoney(micros, currency, decimals);
}

} // namespace

VideoTaskListModel::VideoTaskListModel(store::VideoTaskStore* store,
                                       std::shared_ptr<const catalog::Catalog> catalog, QObject* parent)
    : QAbstractTableModel(parent), m_store(store), m_catalog(std::move(catalog))
{
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &VideoTaskListModel::tick);
    reload();
}

VideoTaskListModel::~VideoTaskListModel()
{
    attachPoller(nullptr);
}

int VideoTaskListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VideoTaskListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VideoTaskListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= int(m_rows.size()))
        return {};
    const store::VideoTaskRecord& r = m_rows[size_t(index.row())];
    const api::VideoTaskStatus status = api::videoTaskStatusFromName(r.status);

    switch (role) {
    case TaskIdRole:
        return r.taskId;
    case ModelIdRole:
        return r.model;
    case StatusNameRole:
        return r.status;
    case StatusRole:
        return int(status);
    case IsFinalRole:
        return r.isFinal();
    case CanCancelRole:
        return r.status == QLatin1String("queued");
    case CanDeleteRole:
        return r.isFinal();
    case FilePathRole:
        return r.filePath;
    case NeedsDownloadRole:
        return r.needsDownload();
    case ElapsedMsRole:
        return elapsedMs(r);
    case CompletionTokensRole:
        return r.completionTokens ? QVariant(*r.completionTokens) : QVariant();
    case CostMicrosRole: {
        const auto micros = costMicros(r);
        return micros ? QVariant(*micros) : QVariant();
    }
    case CurrencyRole: {
        QString currency;
        return costMicros(r, &currency) ? currency : QString();
    }
    case ErrorTextRole:
        if (r.errorCode.isEmpty() && r.errorMessage.isEmpty())
            return QString();
        if (r.errorCode.isEmpty() || r.errorMessage.isEmpty())
            return r.errorCode + r.errorMessage;
        return r.errorCode + QStringLiteral(": ") + r.errorMessage;
    case NoteRole:
        return m_notes.value(r.taskId);
    case NoteDetailRole:
        return m_noteDetails.value(r.taskId);
    case ParamsJsonRole:
        return r.paramsJson;
    default:
        break;
    }

    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ModelColumn:
            if (m_catalog) {
                if (const catalog::ModelInfo* info = m_catalog->find(r.model);
                    info && !info->displayName.isEmpty())
                    return info->displayName;
            }
            return r.model;
        case PromptColumn:
            return QString(r.prompt).replace(QLatin1Char('\n'), QLatin1Char(' '));
        case StatusColumn:
            // A status text from a newer server is shown as it came.
            return status == api::VideoTaskStatus::Unknown ? r.status : api::videoTaskStatusLabel(status);
        case ElapsedColumn: {
            const qint64 ms = elapsedMs(r);
            return ms < 0 ? QString() : elapsedText(ms);
        }
        case CostColumn:
            return costText(r);
        case FileColumn: {
            const QString note = m_notes.value(r.taskId);
            if (!note.isEmpty())
                return note;
            if (!r.filePath.isEmpty())
                return QFileInfo(r.filePath).fileName();
            return r.needsDownload() ? trModel("Not downloaded") : QString();
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ModelColumn:
            return r.model;
        case PromptColumn:
            return r.prompt;
        case StatusColumn:
            if (!r.errorCode.isEmpty() || !r.errorMessage.isEmpty())
                return data(index, ErrorTextRole);
            return r.taskId;
        case CostColumn:
            if (r.completionTokens)
                return trModel("Billed by %1 video tokens").arg(*r.completionTokens);
            return {};
        case FileColumn:
            if (!m_noteDetails.value(r.taskId).isEmpty())
                return m_noteDetails.value(r.taskId);
            return r.filePath.isEmpty() ? m_notes.value(r.taskId) : r.filePath;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == ElapsedColumn || index.column() == CostColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant VideoTaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelColumn:
        return trModel("Model");
    case PromptColumn:
        return trModel("Prompt");
    case StatusColumn:
        return trModel("Status");
    case ElapsedColumn:
        return trModel("Elapsed");
    case CostColumn:
        return trModel("Cost");
    case FileColumn:
        return trModel("File");
    default:
        return {};
    }
}

QHash<int, QByteArray> VideoTaskListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TaskIdRole, "taskId");
    names.insert(ModelIdRole, "modelId");
    names.insert(StatusNameRole, "statusName");
    names.insert(StatusRole, "status");
    names.insert(IsFinalRole, "isFinal");
    names.insert(CanCancelRole, "canCancel");
    names.insert(CanDeleteRole, "canDelete");
    names.insert(FilePathRole, "filePath");
    names.insert(NeedsDownloadRole, "needsDownload");
    names.insert(ElapsedMsRole, "elapsedMs");
    names.insert(CompletionTokensRole, "completionTokens");
    names.insert(CostMicrosRole, "costMicros");
    names.insert(CurrencyRole, "currency");
    names.insert(ErrorTextRole, "errorText");
    names.insert(NoteRole, "note");
    names.insert(NoteDetailRole, "noteDetail");
    names.insert(ParamsJsonRole, "paramsJson");
    return names;
}

void VideoTaskListModel::setCatalog(std::shared_ptr<const catalog::Catalog> catalog)
{
    m_catalog = std::move(catalog);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void VideoTaskListModel::attachPoller(api::VideoTaskPoller* poller)
{
    for (const auto& connection : std::as_const(m_pollerConnections))
        disconnect(connection);
    m_pollerConnections.clear();
    m_poller = poller;
    if (!poller)
        return;
    m_pollerConnections << connect(poller, &api::VideoTaskPoller::taskUpdated, this,
                                   &VideoTaskListModel::onTaskUpdated);
    m_pollerConnections << connect(poller, &api::VideoTaskPoller::taskLost, this,
                                   &VideoTaskListModel::onTaskLost);
}

void VideoTaskListModel::reload()
{
    beginResetModel();
    m_rows = m_store ? m_store->all() : std::vector<store::VideoTaskRecord>{};
    endResetModel();
    updateTicking();
}

void VideoTaskListModel::refreshTask(const QString& taskId)
{
    const int row = rowOf(taskId);
    const std::optional<store::VideoTaskRecord> stored = m_store ? m_store->find(taskId) : std::nullopt;
    if (!stored) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
        m_notes.remove(taskId);
        m_noteDetails.remove(taskId);
    } else if (row >= 0) {
        m_rows[size_t(row)] = *stored;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const auto at = std::find_if(m_rows.begin(), m_rows.end(),
                                     [&](const store::VideoTaskRecord& r) { return newerThan(*stored, r); });
        const int position = int(at - m_rows.begin());
        beginInsertRows({}, position, position);
        m_rows.insert(m_rows.begin() + position, *stored);
        endInsertRows();
    }
    updateTicking();
}

int VideoTaskListModel::rowOf(const QString& taskId) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].taskId == taskId)
            return int(i);
    return -1;
}

QString VideoTaskListModel::taskIdAt(int row) const
{
    const store::VideoTaskRecord* r = record(row);
    return r ? r->taskId : QString();
}

const store::VideoTaskRecord* VideoTaskListModel::record(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

const store::VideoTaskRecord* VideoTaskListModel::recordFor(const QString& taskId) const
{
    return record(rowOf(taskId));
}

void VideoTaskListModel::setNote(const QString& taskId, const QString& note, const QString& detail)
{
    const QString newDetail = note.isEmpty() ? QString() : detail;
    if (m_notes.value(taskId) == note && m_noteDetails.value(taskId) == newDetail)
        return;
    if (note.isEmpty())
        m_notes.remove(taskId);
    else
        m_notes.insert(taskId, note);
    if (newDetail.isEmpty())
        m_noteDetails.remove(taskId);
    else
        m_noteDetails.insert(taskId, newDetail);
    const int row = rowOf(taskId);
    if (row >= 0)
        emit dataChanged(index(row, FileColumn), index(row, FileColumn));
}

QString VideoTaskListModel::elapsedText(qint64 ms)
{
    const qint64 total = std::max<qint64>(0, ms) / 1000;
    const qint64 hours = total / 3600;
    const qint64 minutes = (total / 60) % 60;
    const qint64 seconds = total % 60;
    const QChar zero(u'0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(seconds, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, zero);
}

qint64 VideoTaskListModel::elapsedMs(const store::VideoTaskRecord& r) const
{
    if (r.isFinal()) {
        if (r.serverCreatedAt && r.serverUpdatedAt && *r.serverUpdatedAt >= *r.serverCreatedAt)
            return (*r.serverUpdatedAt - *r.serverCreatedAt) * 1000;
        if (r.createdAt.isValid() && r.finishedAt.isValid())
            return std::max<qint64>(0, r.createdAt.msecsTo(r.finishedAt));
        return -1;
    }
    if (!r.createdAt.isValid())
        return -1;
    return std::max<qint64>(0, r.createdAt.msecsTo(now()));
}

std::optional<qint64> VideoTaskListModel::costMicros(const store::VideoTaskRecord& r, QString* currency) const
{
    if (!r.completionTokens || !m_catalog)
        return std::nullopt;
    const catalog::ModelInfo* info = m_catalog->find(r.model);
    if (!info || info->prices.tiers.empty())
        return std::nullopt;
    // Video models bill only the generated video's tokens, at the output price (total = completion).
    const pricing::CostBreakdown cost = info->prices.cost(pricing::TokenCounts{0, 0, *r.completionTokens});
    if (!cost.valid)
        return std::nullopt;
    if (currency)
        *currency = cost.currency;
    return cost.totalMicros();
}

QString VideoTaskListModel::costText(const store::VideoTaskRecord& r) const
{
    if (!r.completionTokens)
        return {};
    QString currency;
    const auto micros = costMicros(r, &currency);
    if (!micros)
        return QStringLiteral("\u2014"); // tokens known, price not in the catalog
    return moneyText(*micros, currency);
}

void VideoTaskListModel::setTicking(bool on)
{
    m_tickingWanted = on;
    updateTicking();
}

void VideoTaskListModel::onTaskUpdated(const api::VideoTask& task)
{
    if (!m_store || !m_store->find(task.id))
        return; // not ours (or deleted meanwhile)
    m_store->applyServerState(task);
    refreshTask(task.id);
    emit taskChanged(task.id);
}

void VideoTaskListModel::onTaskLost(const QString& taskId, const api::ApiError& /*error*/)
{
    if (!m_store)
        return;
    const auto stored = m_store->find(taskId);
    if (!stored || stored->isFinal())
        return; // a finished task that the server purged keeps its final state (and its file)
    m_store->setStatus(taskId, QStringLiteral("expired"), QString(),
                       trModel("The server no longer knows this task (tasks are kept for 24 hours)."));
    refreshTask(taskId);
    emit taskChanged(taskId);
}

void VideoTaskListModel::tick()
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (!m_rows[i].isFinal())
            emit dataChanged(index(int(i), ElapsedColumn), index(int(i), ElapsedColumn));
}

void VideoTaskListModel::updateTicking()
{
    const bool anyRunning = std::any_of(m_rows.begin(), m_rows.end(),
                                        [](const store::VideoTaskRecord& r) { return !r.isFinal(); });
    if (m_tickingWanted && anyRunning) {
        if (!m_tickTimer.isActive())
            m_tickTimer.start();
    } else {
        m_tickTimer.stop();
    }
}

QDateTime VideoTaskListModel::now() const
{
    return m_now ? m_now() : QDateTime::currentDateTimeUtc();
}

} // namespace ark::models
