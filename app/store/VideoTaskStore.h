// Video generation tasks kept in the conversation database (table video_tasks, schema v5), so that
// the task list survives restarts and polling resumes: a task takes minutes, the app may be closed
// meanwhile, and the server forgets everything 24 h after generation (seed L18857).
//
// Lifecycle, as the generation panel drives it:
//   create succeeded      -> add(record with the new task id, status "queued")    (at once)
//   start-up              -> poller.resume(unfinishedTaskIds())
//   each poll answer      -> applyServerState(task)
//   succeeded             -> download the video, then setFilePath(taskId, path)
//   404 while polling     -> setStatus(taskId, "expired")
//   cancel / delete       -> setStatus(taskId, "cancelled") / remove(taskId)
// Statuses are the API's wire names ("queued", "running", "succeeded", "failed", "cancelled") plus the
// local "expired"; text from a newer server is kept as it is and counts as unfinished.
#pragma once

#include "store/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <optional>
#include <vector>

namespace ark::api {
struct VideoTask;
}

namespace ark::store {

struct VideoTaskRecord
{
    qint64 rowId = 0;
    QString taskId;                       // "cgt-..." from the server
    std::optional<qint64> conversationId; // the conversation it was made from; nullopt = none (or purged)
    QString model;                        // what was asked for (model id or endpoint id)
    QString prompt;                       // the person's text, without the --commands
    QByteArray paramsJson; // compact JSON object: VideoGenerationParams::toJson() plus what the caller adds
                           // (e.g. attachment hashes of the frames); "" = none
    QString status = QStringLiteral("queued");
    QDateTime createdAt;  // local, UTC ms: when the task was created; invalid = now (add())
    QDateTime updatedAt;  // local: the last change written here
    QDateTime finishedAt; // local: when a final state was first recorded; invalid while unfinished
    std::optional<qint64> serverCreatedAt; // unix seconds, as the API reports them
    std::optional<qint64> serverUpdatedAt;
    QString videoUrl; // content.video_url (expires 24 h after generation)
    QString filePath; // the downloaded video; "" until then
    std::optional<qint64> seed;
    std::optional<qint64> completionTokens; // usage: what the video is billed by
    std::optional<qint64> totalTokens;
    QString errorCode; // a failed task's error.code / error.message
    QString errorMessage;

    bool isFinal() const;
    // Succeeded, has a URL, not yet downloaded.
    bool needsDownload() const;
};

class VideoTaskStore
{
public:
    explicit VideoTaskStore(Database& db);

    static bool isFinalStatus(const QString& status); // succeeded, failed, cancelled, expired

    // Inserts a task; fills rowId, and createdAt/updatedAt when invalid. false when the task id is
    // empty or already stored, or on a database failure (Database::lastError() says why).
    bool add(VideoTaskRecord& record);
    std::optional<VideoTaskRecord> find(const QString& taskId) const;
    std::vector<VideoTaskRecord> all() const;                                  // newest first
    std::vector<VideoTaskRecord> forConversation(qint64 conversationId) const; // newest first
    // Not final (queued, running, or a status this version does not know), oldest first: what polling
    // must resume.
    std::vector<VideoTaskRecord> unfinished() const;
    QStringList unfinishedTaskIds() const;
    // Succeeded with a video URL but no local file yet, oldest first.
    std::vector<VideoTaskRecord> awaitingDownload() const;

    // Writes what the server reported: status, times, video URL (kept when the answer has none),
    // seed, usage and error; sets finishedAt the first time the status is final. false when the task
    // is not stored or on failure.
    bool applyServerState(const api::VideoTask& task);
    // A local status change (e.g. "expired", or "cancelled" after a DELETE); the error fields are
    // replaced by the given ones.
    bool setStatus(const QString& taskId, const QString& status, const QString& errorCode = {},
                   const QString& errorMessage = {});
    bool setFilePath(const QString& taskId, const QString& filePath);
    bool remove(const QString& taskId);

    // "Now" for createdAt/updatedAt/finishedAt; tests inject a fixed clock.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

private:
    std::vector<VideoTaskRecord> select(const QString& whereAndOrder, const QVariantList& values) const;
    bool exec(const QString& sql, const QVariantList& values, int* rowsAffected = nullptr);
    QDateTime now() const;

    Database& m_db;
    std::function<QDateTime()> m_now;
};

} // namespace ark::store
