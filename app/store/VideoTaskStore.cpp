#include "VideoTaskStore.h"

#include "api/VideoTaskClient.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ark::store {

namespace {

const QString kColumns = QStringLiteral(
    "id, task_id, conversation_id, model, prompt, params_json, status, created_at, updated_at, finished_at,"
    " server_created_at, server_updated_at, video_url, file_path, seed, completion_tokens, total_tokens,"
    " error_code, error_message");

// The statuses after which nothing changes any more on the server (plus the local "expired").
const QString kFinalList = QStringLiteral("('succeeded', 'failed', 'cancelled', 'expired')");

// NOT NULL text columns: a null QString must be stored as '', not NULL.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant optionalInt(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant timeOrNull(const QDateTime& time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

std::optional<qint64> readOptional(const QVariant& value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QDateTime readTime(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

VideoTaskRecord readRecord(const QSqlQuery& q)
{
    VideoTaskRecord r;
    r.rowId = q.value(0).toLongLong();
    r.taskId = q.value(1).toString();
    r.conversationId = readOptional(q.value(2));
    r.model = q.value(3).toString();
    r.prompt = q.value(4).toString();
    r.paramsJson = q.value(5).toString().toUtf8();
    r.status = q.value(6).toString();
    r.createdAt = readTime(q.value(7));
    r.updatedAt = readTime(q.value(8));
    r.finishedAt = readTime(q.value(9));
    r.serverCreatedAt = readOptional(q.value(10));
    r.serverUpdatedAt = readOptional(q.value(11));
    r.videoUrl = q.value(12).toString();
    r.filePath = q.value(13).toString();
    r.seed = readOptional(q.value(14));
    r.completionTokens = readOptional(q.value(15));
    r.totalTokens = readOptional(q.value(16));
    r.errorCode = q.value(17).toString();
    r.errorMessage = q.value(18).toString();
    return r;
}

std::optional<qint64> seconds(const QDateTime& time)
{
    return time.isValid() ? std::optional<qint64>(time.toSecsSinceEpoch()) : std::nullopt;
}

} // namespace

bool VideoTaskRecord::isFinal() const
{
    return VideoTaskStore::isFinalStatus(status);
}

bool VideoTaskRecord::needsDownload() const
{
    return status == QLatin1String("succeeded") && !videoUrl.isEmpty() && filePath.isEmpty();
}

VideoTaskStore::VideoTaskStore(Database& db) : m_db(db) {}

bool VideoTaskStore::isFinalStatus(const QString& status)
{
    return status == QLatin1String("succeeded") || status == QLatin1String("failed") ||
           status == QLatin1String("cancelled") || status == QLatin1String("expired");
}

QDateTime VideoTaskStore::now() const
{
    const QDateTime t = m_now ? m_now() : QDateTime::currentDateTimeUtc();
    // Stored with millisecond precision: what is read back must equal what was handed in.
    return QDateTime::fromMSecsSinceEpoch(t.toMSecsSinceEpoch(), Qt::UTC);
}

bool VideoTaskStore::exec(const QString& sql, const QVariantList& values, int* rowsAffected)
{
    QSqlQuery& q = m_db.prepared(sql);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    const bool ok = q.exec();
    if (!ok)
        m_db.setLastError(q.lastError().text());
    else if (rowsAffected)
        *rowsAffected = q.numRowsAffected();
    q.finish();
    return ok;
}

bool VideoTaskStore::add(VideoTaskRecord& record)
{
    if (record.taskId.trimmed().isEmpty()) {
        m_db.setLastError(QStringLiteral("A video task needs its task id."));
        return false;
    }
    const QDateTime t = now();
    if (!record.createdAt.isValid())
        record.createdAt = t;
    if (!record.updatedAt.isValid())
        record.updatedAt = record.createdAt;
    if (record.isFinal() && !record.finishedAt.isValid())
        record.finishedAt = record.updatedAt;
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO video_tasks(task_id, conversation_id, model, prompt, params_json, status, created_at,"
        " updated_at, finished_at, server_created_at, server_updated_at, video_url, file_path, seed,"
        " completion_tokens, total_tokens, error_code, error_message)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariantList values{record.taskId,
                              optionalInt(record.conversationId),
                              text(record.model),
                              text(record.prompt),
                              text(QString::fromUtf8(record.paramsJson)),
                              text(record.status.isEmpty() ? QStringLiteral("queued") : record.status),
                              record.createdAt.toMSecsSinceEpoch(),
                              record.updatedAt.toMSecsSinceEpoch(),
                              timeOrNull(record.finishedAt),
                              optionalInt(record.serverCreatedAt),
                              optionalInt(record.serverUpdatedAt),
                              text(record.videoUrl),
                              text(record.filePath),
                              optionalInt(record.seed),
                              optionalInt(record.completionTokens),
                              optionalInt(record.totalTokens),
                              text(record.errorCode),
                              text(record.errorMessage)};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    const bool ok = q.exec();
    if (ok) {
        record.rowId = q.lastInsertId().toLongLong();
        if (record.status.isEmpty())
            record.status = QStringLiteral("queued");
    } else {
        m_db.setLastError(q.lastError().text());
    }
    q.finish();
    return ok;
}

std::vector<VideoTaskRecord> VideoTaskStore::select(const QString& whereAndOrder,
                                                    const QVariantList& values) const
{
    std::vector<VideoTaskRecord> rows;
    QSqlQuery& q = m_db.prepared(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM video_tasks ") +
                                 whereAndOrder);
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        m_db.setLastError(q.lastError().text());
        return rows;
    }
    while (q.next())
        rows.push_back(readRecord(q));
    q.finish();
    return rows;
}

std::optional<VideoTaskRecord> VideoTaskStore::find(const QString& taskId) const
{
    auto rows = select(QStringLiteral("WHERE task_id = ?"), {taskId});
    if (rows.empty())
        return std::nullopt;
    return std::move(rows.front());
}

std::vector<VideoTaskRecord> VideoTaskStore::all() const
{
    return select(QStringLiteral("ORDER BY created_at DESC, id DESC"), {});
}

std::vector<VideoTaskRecord> VideoTaskStore::forConversation(qint64 conversationId) const
{
    return select(QStringLiteral("WHERE conversation_id = ? ORDER BY created_at DESC, id DESC"),
                  {conversationId});
}

std::vector<VideoTaskRecord> VideoTaskStore::unfinished() const
{
    return select(
        QStringLiteral("WHERE status NOT IN ") + kFinalList + QStringLiteral(" ORDER BY created_at, id"), {});
}

QStringList VideoTaskStore::unfinishedTaskIds() const
{
    QStringList ids;
    for (const VideoTaskRecord& r : unfinished())
        ids << r.taskId;
    return ids;
}

std::vector<VideoTaskRecord> VideoTaskStore::awaitingDownload() const
{
    return select(QStringLiteral("WHERE status = 'succeeded' AND video_url <> '' AND file_path = ''"
                                 " ORDER BY created_at, id"),
                  {});
}

bool VideoTaskStore::applyServerState(const api::VideoTask& task)
{
    QString status = task.statusText;
    if (status.isEmpty() && task.status != api::VideoTaskStatus::Unknown)
        status = api::videoTaskStatusName(task.status);
    const QDateTime t = now();
    int changed = 0;
    // COALESCE keeps what an answer leaves out (a list item without usage, a status without a URL);
    // finished_at is set once, the first time a final status is written.
    const bool ok = exec(
        QStringLiteral("UPDATE video_tasks SET"
                       " status = CASE WHEN ? = '' THEN status ELSE ? END,"
                       " updated_at = ?,"
                       " finished_at = CASE WHEN finished_at IS NULL AND"
                       "   (CASE WHEN ? = '' THEN status ELSE ? END) IN ") +
            kFinalList +
            QStringLiteral(" THEN ? ELSE finished_at END,"
                           " server_created_at = COALESCE(?, server_created_at),"
                           " server_updated_at = COALESCE(?, server_updated_at),"
                           " video_url = CASE WHEN ? = '' THEN video_url ELSE ? END,"
                           " seed = COALESCE(?, seed),"
                           " completion_tokens = COALESCE(?, completion_tokens),"
                           " total_tokens = COALESCE(?, total_tokens),"
                           " error_code = ?, error_message = ?"
                           " WHERE task_id = ?"),
        {text(status), text(status), t.toMSecsSinceEpoch(), text(status), text(status), t.toMSecsSinceEpoch(),
         optionalInt(seconds(task.createdAt)), optionalInt(seconds(task.updatedAt)),
         text(task.videoUrl.toString(QUrl::FullyEncoded)), text(task.videoUrl.toString(QUrl::FullyEncoded)),
         optionalInt(task.seed), optionalInt(task.completionTokens), optionalInt(task.totalTokens),
         text(task.errorCode), text(task.errorMessage), task.id},
        &changed);
    if (ok && changed == 0)
        m_db.setLastError(QStringLiteral("No stored video task %1.").arg(task.id));
    return ok && changed > 0;
}

bool VideoTaskStore::setStatus(const QString& taskId, const QString& status, const QString& errorCode,
                               const QString& errorMessage)
{
    const QDateTime t = now();
    int changed = 0;
    const bool ok = exec(QStringLiteral("UPDATE video_tasks SET status = ?, updated_at = ?,"
                                        " finished_at = CASE WHEN finished_at IS NULL AND ? IN ") +
                             kFinalList +
                             QStringLiteral(" THEN ? ELSE finished_at END,"
                                            " error_code = ?, error_message = ? WHERE task_id = ?"),
                         {text(status), t.toMSecsSinceEpoch(), text(status), t.toMSecsSinceEpoch(),
                          text(errorCode), text(errorMessage), taskId},
                         &changed);
    return ok && changed > 0;
}

bool VideoTaskStore::setFilePath(const QString& taskId, const QString& filePath)
{
    int changed = 0;
    const bool ok =
        exec(QStringLiteral("UPDATE video_tasks SET file_path = ?, updated_at = ? WHERE task_id = ?"),
             {text(filePath), now().toMSecsSinceEpoch(), taskId}, &changed);
    return ok && changed > 0;
}

bool VideoTaskStore::remove(const QString& taskId)
{
    int changed = 0;
    const bool ok = exec(QStringLiteral("DELETE FROM video_tasks WHERE task_id = ?"), {taskId}, &changed);
    return ok && changed > 0;
}

} // namespace ark::store
