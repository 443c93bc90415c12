// Video generation tasks (Seedance, Wan, Seaweed): the asynchronous task API and a poller.
//
//   create  POST   {base}/contents/generations/tasks          -> {"id": "cgt-..."}
//   get     GET    {base}/contents/generations/tasks/{id}     -> one task
//   list    GET    {base}/contents/generations/tasks?page_num=&page_size=&filter.status=
//                  &filter.task_ids=&filter.model=            -> {"items": [...], "total": N}
//   remove  DELETE {base}/contents/generations/tasks/{id}     -> no body: cancels a queued task,
//                                                                 deletes the record of a finished one
// Facts: seed 003 L27243-27893 (API pages) and L18396-19747 (guide); ../shared/notes/ark-multimodal-tasks.md
// §4. Output parameters travel as text commands appended to the prompt ("--rs 720p --dur 5"), short forms as
// in every example of the docs; which model supports which value is the catalog's business (the UI offers
// only those); unsupported ones are "ignored or rejected" by the server (L27406). Task data, the video URL
// included, is purged 24 h after generation (L18857, L27621): download the video as soon as a task succeeds
// (FileDownload, see ImageGenerationClient.h).
//
// Typical use (the generation panel and task list):
//   auto* call = tasks->create(request, config, this);       // then store the id at once
//   connect(call, &RestCall::finished, ...);  call->taskId()
//   poller->watch(id);  // or poller->resume(store.unfinishedTaskIds()) at start-up
//   poller emits taskUpdated / taskFinished; on Succeeded: tasks->download(task.videoUrl, path)
#pragma once

#include "ImageGenerationClient.h" // RestCall, FileDownload

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace ark::api {

// The server's five states, plus Unknown (a status text this version does not know; treated as
// still running, so polling goes on) and Expired (never sent by the server: a local label for a task
// the server no longer knows, 24 h after it finished).
enum class VideoTaskStatus { Unknown, Queued, Running, Succeeded, Failed, Cancelled, Expired };

QString videoTaskStatusName(VideoTaskStatus status);          // "queued", ... (wire names); "unknown"
VideoTaskStatus videoTaskStatusFromName(const QString& name); // Unknown for anything else
bool isFinalVideoTaskStatus(VideoTaskStatus status);          // Succeeded, Failed, Cancelled, Expired
QString videoTaskStatusLabel(VideoTaskStatus status);         // translated, for the task list

// The documented text commands (seed L27403-27491). Unset fields are not sent: the model's default
// applies. Values are not checked against a model here: see validate() for the documented enums.
struct VideoGenerationParams
{
    QString resolution; // --rs: "480p", "720p", "1080p"
    QString ratio;      // --rt: "21:9", "16:9", "4:3", "1:1", "3:4", "9:16", "9:21", "keep_ratio", "adaptive"
    std::optional<int> duration;     // --dur: 5 or 10 seconds
    std::optional<int> fps;          // --fps: 16 or 24
    std::optional<bool> watermark;   // --wm
    std::optional<qint64> seed;      // --seed: [-1, 2^32-1]; -1 random
    std::optional<bool> cameraFixed; // --cf (Seedance models only)

    bool isEmpty() const;
    // " --rs 720p --rt 16:9 --dur 5 --fps 24 --wm true --seed 7 --cf false" (set fields only, this
    // order, a leading space); "" when nothing is set.
    QString commandText() const;
    // For storing with a task: {"resolution":"720p","ratio":"16:9","duration":5,...}, set fields only.
    QJsonObject toJson() const;
    static VideoGenerationParams fromJson(const QJsonObject& object);
    bool operator==(const VideoGenerationParams& other) const;
};

struct VideoTaskRequest
{
    QString model;  // Model ID or Endpoint ID
    QString prompt; // the person's text; required for text-to-video, optional with a first frame
    VideoGenerationParams params;
    // Image inputs as https URLs or lowercase data:image/<fmt>;base64,... URLs (media/ prepares them;
    // documented limits, L27358-27362: jpeg/png/webp/bmp/tiff/gif, sides in (300, 6000) px, aspect
    // ratio in (0.4, 2.5), under 30 MB).
    QString firstFrameUrl;
    QString lastFrameUrl; // needs a first frame; the last frame is cropped to the first one's ratio
    QString callbackUrl;  // optional; a desktop app normally has no public receiver and polls instead

    QString promptText() const; // prompt + params.commandText(), what content[0].text carries
};

struct VideoTask
{
    QString id;
    QString model; // "<model name>-<version>" as the server reports it
    VideoTaskStatus status = VideoTaskStatus::Unknown;
    QString statusText; // as received
    QString errorCode;  // error.code of a failed task
    QString errorMessage;
    QDateTime createdAt; // UTC, from created_at (unix seconds); invalid when absent
    QDateTime updatedAt; // UTC, from updated_at: the last status change
    QUrl videoUrl;       // content.video_url once succeeded (expires 24 h after generation)
    QUrl lastFrameUrl;   // content.last_frame_url, when the server returns one
    std::optional<qint64> seed;
    std::optional<qint64> completionTokens; // usage.completion_tokens: what the video is billed by
    std::optional<qint64> totalTokens;      // equals completion_tokens (no input tokens for video)

    bool isFinal() const { return isFinalVideoTaskStatus(status); }
};

struct VideoTaskPage
{
    std::vector<VideoTask> items;
    qint64 total = 0; // tasks matching the filter, all pages
};

// Filters and paging of the list call; unset fields are not sent.
struct VideoTaskListQuery
{
    int pageNum = 0;  // [1, 500]; 0 = not sent
    int pageSize = 0; // [1, 500]; 0 = not sent
    QString status;   // filter.status: queued, running, cancelled (last 24 h only), succeeded, failed
    QStringList
        taskIds;   // filter.task_ids, exact; sent as repeated keys (filter.task_ids=a&filter.task_ids=b)
    QString model; // filter.model: the ENDPOINT ID the task used (not the model name; L27716)

    QUrlQuery toUrlQuery() const;
};

// One task call. For create, taskId() is the new id; for get, task() is the answer; for list, page().
class VideoTaskCall : public RestCall
{
    Q_OBJECT
public:
    enum class Operation { Create, Get, List, Remove };
    Operation operation() const { return m_operation; }
    QString taskId() const
    {
        return m_taskId;
    } // create: the new id once succeeded; others: the id asked about
    const VideoTask& task() const { return m_task; }
    const VideoTaskPage& page() const { return m_page; }

private:
    friend class VideoTaskClient;
    VideoTaskCall(QNetworkAccessManager* nam, const ClientConfig& config, Operation operation,
                  const QString& taskId, const QString& path, const QUrlQuery& query, QByteArray body,
                  QObject* parent);
    ApiError readSuccess(int httpStatus, const QByteArray& body) override;

    Operation m_operation;
    QString m_taskId;
    VideoTask m_task;
    VideoTaskPage m_page;
};

class VideoTaskClient : public QObject
{
    Q_OBJECT
public:
    explicit VideoTaskClient(QNetworkAccessManager* nam, QObject* parent = nullptr);

    // Each call is parented to `owner` (or the client) and starts from the event loop; see RestCall
    // for ownership, errors and retries (create is repeated only when the server certainly did not
    // act on it). A request that fails validate() is not sent (ErrorKind::BadRequest, reason in detail).
    VideoTaskCall* create(const VideoTaskRequest& request, const ClientConfig& config,
                          QObject* owner = nullptr);
    VideoTaskCall* get(const QString& taskId, const ClientConfig& config, QObject* owner = nullptr);
    VideoTaskCall* list(const VideoTaskListQuery& query, const ClientConfig& config,
                        QObject* owner = nullptr);
    // Cancels a queued task (only queued ones can be, L27571) or deletes a finished one's record.
    VideoTaskCall* remove(const QString& taskId, const ClientConfig& config, QObject* owner = nullptr);
    // The video of a succeeded task, to a file (no Authorization: the URL is on another host).
    FileDownload* download(const QUrl& videoUrl, const QString& filePath, QObject* owner = nullptr);

    // "" when the request can be sent; otherwise why not (translated). Checks what the docs state for
    // every model: a model, a prompt or a first frame, a last frame only with a first frame, frame
    // URLs that are https or lowercase data:image URLs, and the documented value sets of the params.
    static QString validate(const VideoTaskRequest& request);
    static QByteArray buildCreateBody(const VideoTaskRequest& request);
    // One task object (get answer, list item). false + error when it is not the documented shape.
    static bool parseTask(const QByteArray& body, VideoTask& task, ApiError& error);
    static bool parseList(const QByteArray& body, VideoTaskPage& page, ApiError& error);

    QNetworkAccessManager* network() const { return m_nam; }

private:
    QNetworkAccessManager* m_nam;
};

// Polls a set of tasks until each reaches a final state.
//
// - One request in flight per task at most: the next poll of a task is scheduled only when its
//   previous answer (or failure) has arrived.
// - Backoff per task: the first poll waits schedule.initialMs, each further poll without a status
//   change waits `factor` times longer, up to schedule.maxMs; a status change (queued -> running)
//   starts again at initialMs. Failures that may pass (429, 5xx, network, timeout) back off the same
//   way (or longer, when the server asks with Retry-After); other failures stop polling that task.
// - Resumable: resume(ids) polls stored unfinished tasks right away (spaced by resumeSpacingMs),
//   e.g. resume(VideoTaskStore::unfinishedTaskIds()) at start-up.
// The poller's own GETs are never retried inside RestCall: it paces every request itself.
class VideoTaskPoller : public QObject
{
    Q_OBJECT
public:
    struct Schedule
    {
        int initialMs = 8000; // the docs' examples poll every 10 s (L18455); start a little sooner
        int maxMs = 60000;
        double factor = 1.5;
        int resumeSpacingMs = 250;
        // The wait before poll number `step` (0-based) of an unchanged status.
        int delayMs(int step) const;
    };

    explicit VideoTaskPoller(VideoTaskClient* client, QObject* parent = nullptr);
    ~VideoTaskPoller() override;

    void setConfig(const ClientConfig& config); // base URL and key used from the next poll on
    void setSchedule(const Schedule& schedule) { m_schedule = schedule; } // tests inject short intervals
    const Schedule& schedule() const { return m_schedule; }

    // Starts polling `taskId` (first poll after schedule.initialMs: a new task is queued anyway).
    // Watching a task already watched does nothing.
    void watch(const QString& taskId);
    // Polls each task now (spaced), e.g. unfinished tasks from the store after a restart.
    void resume(const QStringList& taskIds);
    // Polls now unless a request for it is in flight (a "refresh" button).
    void pollNow(const QString& taskId);
    void unwatch(const QString& taskId); // aborts its request, if any
    void clear();

    QStringList watched() const; // sorted
    bool isWatching(const QString& taskId) const { return m_entries.count(taskId) > 0; }
    bool isInFlight(const QString& taskId) const;
    int inFlightCount() const;
    qint64 pollsSent() const { return m_pollsSent; }
    // The last known state of a watched task (status Unknown before the first answer).
    VideoTask lastKnown(const QString& taskId) const;

signals:
    void polled(const QString& taskId);                // a GET was sent
    void taskUpdated(const ark::api::VideoTask& task); // every answer, changed or not
    void statusChanged(const QString& taskId, ark::api::VideoTaskStatus status);
    void taskFinished(const ark::api::VideoTask& task); // a final state; no more polls for it
    // The server no longer knows the task (404): it was deleted, or purged 24 h after finishing.
    // Polling stopped; the store can mark it expired.
    void taskLost(const QString& taskId, const ark::api::ApiError& error);
    // A poll failed. willRetry: polling goes on with backoff; false: polling this task stopped
    // (a refused key, an invalid request) until it is watched again.
    void pollFailed(const QString& taskId, const ark::api::ApiError& error, bool willRetry);

private:
    struct Entry;
    void schedule(const QString& taskId, int delayMs);
    void fire(const QString& taskId);
    void onAnswer(const QString& taskId, VideoTaskCall* call);

    VideoTaskClient* m_client;
    ClientConfig m_config;
    Schedule m_schedule;
    std::map<QString, std::unique_ptr<Entry>> m_entries; // sorted: watched() needs no sort
    qint64 m_pollsSent = 0;
};

} // namespace ark::api

Q_DECLARE_METATYPE(ark::api::VideoTask)
Q_DECLARE_METATYPE(ark::api::VideoTaskStatus)
