#include "VideoTaskClient.h"

#include "HttpAttempt.h"
#include "JsonText.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ark::api {

namespace {

using nlohmann::json;

constexpr char kTasksPath[] = "/contents/generations/tasks";
constexpr qint64 kMaxSeed = 4294967295LL; // 2^32 - 1 (L27477)

QString trVideo(const char* text)
{
    return QCoreApplication::translate("ark::api::VideoTaskClient", text);
}

QString tasksPath()
{
    return QString::fromLatin1(kTasksPath);
}

// The id as one path segment: a "/" or "?" in it must not change which resource is addressed.
QString taskPath(const QString& taskId)
{
    return tasksPath() + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(taskId));
}

ApiError makeError(ErrorKind kind, const QString& detail = {})
{
    return makeApiError(kind, detail);
}

std::optional<qint64> integerMember(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    if (it->is_number_float())
        return static_cast<qint64>(it->get<double>());
    return it->get<qint64>();
}

QDateTime timeMember(const json& object, const char* key)
{
    const auto seconds = integerMember(object, key);
    return seconds && *seconds > 0 ? QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC) : QDateTime();
}

QUrl urlMember(const json& object, const char* key)
{
    const QString text = jsonMemberText(object, key);
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

bool readTask(const json& value, VideoTask& task)
{
    if (!value.is_object())
        return false;
    const auto id = value.find("id");
    if (id == value.end() || !id->is_string() || id->get_ref<const std::string&>().empty())
        return false;
    task = VideoTask{};
    task.id = jsonText(*id);
    task.model = jsonMemberText(value, "model");
    task.statusText = jsonMemberText(value, "status");
    task.status = videoTaskStatusFromName(task.statusText);
    if (const auto e = value.find("error"); e != value.end() && e->is_object()) {
        task.errorCode = jsonMemberText(*e, "code");
        task.errorMessage = jsonMemberText(*e, "message");
    }
    task.createdAt = timeMember(value, "created_at");
    task.updatedAt = timeMember(value, "updated_at");
    if (const auto content = value.find("content"); content != value.end() && content->is_object()) {
        task.videoUrl = urlMember(*content, "video_url");
        task.lastFrameUrl = urlMember(*content, "last_frame_url");
    }
    task.seed = integerMember(value, "seed");
    if (const auto usage = value.find("usage"); usage != value.end() && usage->is_object()) {
        task.completionTokens = integerMember(*usage, "completion_tokens");
        task.totalTokens = integerMember(*usage, "total_tokens");
    }
    return true;
}

json parseObject(const QByteArray& body)
{
    return json::parse(body.constBegin(), body.constEnd(), nullptr, false);
}

// An {"error":...} answer without a task in it (a gateway may send one with status 200).
bool isBareError(const json& doc)
{
    const auto e = doc.find("error");
    return e != doc.end() && !e->is_null() && !doc.contains("id") && !doc.contains("items");
}

bool isFrameUrl(const QString& url)
{
    if (url.startsWith(QLatin1String("https://")) || url.startsWith(QLatin1String("http://")))
        return QUrl(url, QUrl::StrictMode).isValid();
    // data:image/<format>;base64,<data> with the format in lowercase (L27348).
    static const QRegularExpression dataUrl(
        QStringLiteral("^data:image/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+$"));
    return dataUrl.match(url).hasMatch();
}

const QStringList& knownResolutions()
{
    static const QStringList values{QStringLiteral("480p"), QStringLiteral("720p"), QStringLiteral("1080p")};
    return values;
}

const QStringList& knownRatios()
{
    static const QStringList values{
        QStringLiteral("21:9"), QStringLiteral("16:9"),       QStringLiteral("4:3"),
        QStringLiteral("1:1"),  QStringLiteral("3:4"),        QStringLiteral("9:16"),
        QStringLiteral("9:21"), QStringLiteral("keep_ratio"), QStringLiteral("adaptive")};
    return values;
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

// =============================================================================================
// Status

QString videoTaskStatusName(VideoTaskStatus status)
{
    switch (status) {
    case VideoTaskStatus::Queued:
        return QStringLiteral("queued");
    case VideoTaskStatus::Running:
        return QStringLiteral("running");
    case VideoTaskStatus::Succeeded:
        return QStringLiteral("succeeded");
    case VideoTaskStatus::Failed:
        return QStringLiteral("failed");
    case VideoTaskStatus::Cancelled:
        return QStringLiteral("cancelled");
    case VideoTaskStatus::Expired:
        return QStringLiteral("expired");
    case VideoTaskStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

VideoTaskStatus videoTaskStatusFromName(const QString& name)
{
    for (VideoTaskStatus status :
         {VideoTaskStatus::Queued, VideoTaskStatus::Running, VideoTaskStatus::Succeeded,
          VideoTaskStatus::Failed, VideoTaskStatus::Cancelled, VideoTaskStatus::Expired})
        if (name == videoTaskStatusName(status))
            return status;
    return VideoTaskStatus::Unknown;
}

bool isFinalVideoTaskStatus(VideoTaskStatus status)
{
    return status == VideoTaskStatus::Succeeded || status == VideoTaskStatus::Failed ||
           status == VideoTaskStatus::Cancelled || status == VideoTaskStatus::Expired;
}

QString videoTaskStatusLabel(VideoTaskStatus status)
{
    switch (status) {
    case VideoTaskStatus::Queued:
        return trVideo("Queued");
    case VideoTaskStatus::Running:
        return trVideo("Running");
    case VideoTaskStatus::Succeeded:
        return trVideo("Succeeded");
    case VideoTaskStatus::Failed:
        return trVideo("Failed");
    case VideoTaskStatus::Cancelled:
        return trVideo("Cancelled");
    case VideoTaskStatus::Expired:
        return trVideo("Expired");
    case VideoTaskStatus::Unknown:
        break;
    }
    return trVideo("Unknown");
}

// =============================================================================================
// Parameters and request

bool VideoGenerationParams::isEmpty() const
{
    return resolution.isEmpty() && ratio.isEmpty() && !duration && !fps && !watermark && !seed &&
           !cameraFixed;
}

QString VideoGenerationParams::commandText() const
{
    QString out;
    auto add = [&out](const char* name, const QString& value) {
        out += QStringLiteral(" --") + QLatin1String(name) + QLatin1Char(' ') + value;
    };
    if (!resolution.isEmpty())
        add("rs", resolution);
    if (!ratio.isEmpty())
        add("rt", ratio);
    if (duration)
        add("dur", QString::number(*duration));
    if (fps)
        add("fps", QString::number(*fps));
    if (watermark)
        add("wm", boolText(*watermark));
    if (seed)
        add("seed", QString::number(*seed));
    if (cameraFixed)
        add("cf", boolText(*cameraFixed));
    return out;
}

QJsonObject VideoGenerationParams::toJson() const
{
    QJsonObject object;
    if (!resolution.isEmpty())
        object.insert(QLatin1String("resolution"), resolution);
    if (!ratio.isEmpty())
        object.insert(QLatin1String("ratio"), ratio);
    if (duration)
        object.insert(QLatin1String("duration"), *duration);
    if (fps)
        object.insert(QLatin1String("fps"), *fps);
    if (watermark)
        object.insert(QLatin1String("watermark"), *watermark);
    if (seed)
        object.insert(QLatin1String("seed"), *seed);
    if (cameraFixed)
        object.insert(QLatin1String("camerafixed"), *cameraFixed);
    return object;
}

VideoGenerationParams VideoGenerationParams::fromJson(const QJsonObject& object)
{
    VideoGenerationParams params;
    params.resolution = object.value(QLatin1String("resolution")).toString();
    params.ratio = object.value(QLatin1String("ratio")).toString();
    if (const QJsonValue v = object.value(QLatin1String("duration")); v.isDouble())
        params.duration = v.toInt();
    if (const QJsonValue v = object.value(QLatin1String("fps")); v.isDouble())
        params.fps = v.toInt();
    if (const QJsonValue v = object.value(QLatin1String("watermark")); v.isBool())
        params.watermark = v.toBool();
    if (const QJsonValue v = object.value(QLatin1String("seed")); v.isDouble())
        params.seed = v.toInteger();
    if (const QJsonValue v = object.value(QLatin1String("camerafixed")); v.isBool())
        params.cameraFixed = v.toBool();
    return params;
}

bool VideoGenerationParams::operator==(const VideoGenerationParams& other) const
{
    return resolution == other.resolution && ratio == other.ratio && duration == other.duration &&
           fps == other.fps && watermark == other.watermark && seed == other.seed &&
           cameraFixed == other.cameraFixed;
}

QString VideoTaskRequest::promptText() const
{
    return (prompt.trimmed() + params.commandText()).trimmed();
}

QUrlQuery VideoTaskListQuery::toUrlQuery() const
{
    QUrlQuery query;
    if (pageNum > 0)
        query.addQueryItem(QStringLiteral("page_num"), QString::number(pageNum));
    if (pageSize > 0)
        query.addQueryItem(QStringLiteral("page_size"), QString::number(pageSize));
    if (!status.isEmpty())
        query.addQueryItem(QStringLiteral("filter.status"), status);
    for (const QString& id : taskIds)
        query.addQueryItem(QStringLiteral("filter.task_ids"), id);
    if (!model.isEmpty())
        query.addQueryItem(QStringLiteral("filter.model"), model);
    return query;
}

// =============================================================================================
// Calls

VideoTaskCall::VideoTaskCall(QNetworkAccessManager* nam, const ClientConfig& config, Operation operation,
                             const QString& taskId, const QString& path, const QUrlQuery& query,
                             QByteArray body, QObject* parent)
    : RestCall(nam, config,
               operation == Operation::Create   ? QByteArrayLiteral("POST")
               : operation == Operation::Remove ? QByteArrayLiteral("DELETE")
                                                : QByteArrayLiteral("GET"),
               path, query, std::move(body), parent),
      m_operation(operation), m_taskId(taskId)
{
}

ApiError VideoTaskCall::readSuccess(int, const QByteArray& body)
{
    ApiError error;
    switch (m_operation) {
    case Operation::Create: {
        const json doc = parseObject(body);
        if (doc.is_object() && isBareError(doc))
            return ApiError::fromErrorValue(doc, requestId());
        const QString id = doc.is_object() ? jsonMemberText(doc, "id") : QString();
        if (id.isEmpty())
            return makeError(ErrorKind::MalformedChunk,
                             trVideo("The answer to creating a task has no task id."));
        m_taskId = id;
        return {};
    }
    case Operation::Get:
        if (!VideoTaskClient::parseTask(body, m_task, error))
            return error;
        return {};
    case Operation::List:
        if (!VideoTaskClient::parseList(body, m_page, error))
            return error;
        return {};
    case Operation::Remove:
        return {}; // no response body is documented (L27889)
    }
    return {};
}

// =============================================================================================
// Client

VideoTaskClient::VideoTaskClient(QNetworkAccessManager* nam, QObject* parent) : QObject(parent), m_nam(nam)
{
    Q_ASSERT(nam);
}

VideoTaskCall* VideoTaskClient::create(const VideoTaskRequest& request, const ClientConfig& config,
                                       QObject* owner)
{
    auto* call = new VideoTaskCall(m_nam, config, VideoTaskCall::Operation::Create, {}, tasksPath(), {},
                                   buildCreateBody(request), owner ? owner : this);
    call->startUnless(validate(request));
    return call;
}

VideoTaskCall* VideoTaskClient::get(const QString& taskId, const ClientConfig& config, QObject* owner)
{
    auto* call = new VideoTaskCall(m_nam, config, VideoTaskCall::Operation::Get, taskId, taskPath(taskId), {},
                                   {}, owner ? owner : this);
    call->startUnless(taskId.trimmed().isEmpty() ? trVideo("No task id was given.") : QString());
    return call;
}

VideoTaskCall* VideoTaskClient::list(const VideoTaskListQuery& query, const ClientConfig& config,
                                     QObject* owner)
{
    auto* call = new VideoTaskCall(m_nam, config, VideoTaskCall::Operation::List, {}, tasksPath(),
                                   query.toUrlQuery(), {}, owner ? owner : this);
    call->startLater();
    return call;
}

VideoTaskCall* VideoTaskClient::remove(const QString& taskId, const ClientConfig& config, QObject* owner)
{
    auto* call = new VideoTaskCall(m_nam, config, VideoTaskCall::Operation::Remove, taskId, taskPath(taskId),
                                   {}, {}, owner ? owner : this);
    call->startUnless(taskId.trimmed().isEmpty() ? trVideo("No task id was given.") : QString());
    return call;
}

FileDownload* VideoTaskClient::download(const QUrl& videoUrl, const QString& filePath, QObject* owner)
{
    return FileDownload::start(m_nam, videoUrl, filePath, owner ? owner : this);
}

QString VideoTaskClient::validate(const VideoTaskRequest& request)
{
    if (request.model.trimmed().isEmpty())
        return trVideo("Choose a video generation model.");
    if (request.prompt.trimmed().isEmpty() && request.firstFrameUrl.isEmpty())
        return trVideo("Write a prompt, or add a first frame to animate.");
    if (!request.lastFrameUrl.isEmpty() && request.firstFrameUrl.isEmpty())
        return trVideo("A last frame needs a first frame.");
    if (!request.firstFrameUrl.isEmpty() && !isFrameUrl(request.firstFrameUrl))
        return trVideo("The first frame must be an http(s) link or a data:image/<format>;base64 URL with the "
                       "format in lowercase.");
    if (!request.lastFrameUrl.isEmpty() && !isFrameUrl(request.lastFrameUrl))
        return trVideo("The last frame must be an http(s) link or a data:image/<format>;base64 URL with the "
                       "format in lowercase.");
    const VideoGenerationParams& p = request.params;
    if (!p.resolution.isEmpty() && !knownResolutions().contains(p.resolution))
        return trVideo("The resolution must be one of %1.")
            .arg(knownResolutions().join(QStringLiteral(", ")));
    if (!p.ratio.isEmpty() && !knownRatios().contains(p.ratio))
        return trVideo("The aspect ratio must be one of %1.").arg(knownRatios().join(QStringLiteral(", ")));
    if (p.duration && *p.duration != 5 && *p.duration != 10)
        return trVideo("The duration must be 5 or 10 seconds.");
    if (p.fps && *p.fps != 16 && *p.fps != 24)
        return trVideo("The frame rate must be 16 or 24 frames per second.");
    if (p.seed && (*p.seed < -1 || *p.seed > kMaxSeed))
        return trVideo("The seed must be from -1 (random) to %1.").arg(kMaxSeed);
    return {};
}

QByteArray VideoTaskClient::buildCreateBody(const VideoTaskRequest& request)
{
    nlohmann::ordered_json body;
    body["model"] = request.model.toStdString();
    auto content = nlohmann::ordered_json::array();
    const QString text = request.promptText();
    if (!text.isEmpty())
        content.push_back({{"type", "text"}, {"text", text.toStdString()}});
    auto frame = [&content](const QString& url, const char* role) {
        nlohmann::ordered_json part;
        part["type"] = "image_url";
        part["image_url"] = {{"url", url.toStdString()}};
        part["role"] = role;
        content.push_back(part);
    };
    if (!request.firstFrameUrl.isEmpty())
        frame(request.firstFrameUrl, "first_frame");
    if (!request.lastFrameUrl.isEmpty())
        frame(request.lastFrameUrl, "last_frame");
    body["content"] = content;
    if (!request.callbackUrl.isEmpty())
        body["callback_url"] = request.callbackUrl.toStdString();
    return QByteArray::fromStdString(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

bool VideoTaskClient::parseTask(const QByteArray& body, VideoTask& task, ApiError& error)
{
    error = ApiError{};
    const json doc = parseObject(body);
    if (doc.is_discarded() || !doc.is_object()) {
        error = makeError(ErrorKind::MalformedChunk, trVideo("The task answer is not a JSON object."));
        return false;
    }
    if (isBareError(doc)) {
        error = ApiError::fromErrorValue(doc, {});
        return false;
    }
    if (!readTask(doc, task)) {
        error = makeError(ErrorKind::MalformedChunk, trVideo("The task answer has no task id."));
        return false;
    }
    return true;
}

bool VideoTaskClient::parseList(const QByteArray& body, VideoTaskPage& page, ApiError& error)
{
    error = ApiError{};
    page = VideoTaskPage{};
    const json doc = parseObject(body);
    if (doc.is_discarded() || !doc.is_object()) {
        error = makeError(ErrorKind::MalformedChunk, trVideo("The task list answer is not a JSON object."));
        return false;
    }
    if (isBareError(doc)) {
        error = ApiError::fromErrorValue(doc, {});
        return false;
    }
    const auto items = doc.find("items");
    if (items != doc.end() && !items->is_null()) {
        if (!items->is_array()) {
            error = makeError(ErrorKind::MalformedChunk, trVideo("The task list's items is not an array."));
            return false;
        }
        for (const json& item : *items) {
            VideoTask task;
            if (!readTask(item, task)) {
                error = makeError(ErrorKind::MalformedChunk, trVideo("A task in the list has no id."));
                return false;
            }
            page.items.push_back(std::move(task));
        }
    }
    page.total = integerMember(doc, "total").value_or(qint64(page.items.size()));
    return true;
}

// =============================================================================================
// Poller

struct VideoTaskPoller::Entry
{
    QTimer timer;
    QPointer<VideoTaskCall> call;
    int step = 0; // polls since the last status change (or failures in a row)
    VideoTask last;
};

int VideoTaskPoller::Schedule::delayMs(int step) const
{
    const double grown = double(initialMs) * std::pow(std::max(1.0, factor), std::max(0, step));
    return int(std::clamp(grown, 0.0, double(std::max(initialMs, maxMs))));
}

VideoTaskPoller::VideoTaskPoller(VideoTaskClient* client, QObject* parent) : QObject(parent), m_client(client)
{
    Q_ASSERT(client);
}

VideoTaskPoller::~VideoTaskPoller()
{
    clear();
}

void VideoTaskPoller::setConfig(const ClientConfig& config)
{
    m_config = config;
}

void VideoTaskPoller::watch(const QString& taskId)
{
    if (taskId.isEmpty() || isWatching(taskId))
        return;
    auto entry = std::make_unique<Entry>();
    entry->last.id = taskId;
    entry->timer.setSingleShot(true);
    connect(&entry->timer, &QTimer::timeout, this, [this, taskId] { fire(taskId); });
    m_entries.emplace(taskId, std::move(entry));
    schedule(taskId, m_schedule.delayMs(0));
}

void VideoTaskPoller::resume(const QStringList& taskIds)
{
    int spacing = 0;
    for (const QString& id : taskIds) {
        if (id.isEmpty())
            continue;
        watch(id);
        if (!isInFlight(id))
            schedule(id, spacing);
        spacing += std::max(0, m_schedule.resumeSpacingMs);
    }
}

void VideoTaskPoller::pollNow(const QString& taskId)
{
    const auto it = m_entries.find(taskId);
    if (it == m_entries.end() || it->second->call)
        return;
    it->second->timer.stop();
    fire(taskId);
}

void VideoTaskPoller::unwatch(const QString& taskId)
{
    const auto it = m_entries.find(taskId);
    if (it == m_entries.end())
        return;
    std::unique_ptr<Entry> entry = std::move(it->second);
    m_entries.erase(it);
    entry->timer.stop();
    if (VideoTaskCall* call = entry->call.data()) {
        call->disconnect(this);
        delete call; // aborts the request
    }
}

void VideoTaskPoller::clear()
{
    const QStringList ids = watched();
    for (const QString& id : ids)
        unwatch(id);
}

QStringList VideoTaskPoller::watched() const
{
    QStringList ids;
    for (const auto& [id, entry] : m_entries)
        ids << id;
    return ids;
}

bool VideoTaskPoller::isInFlight(const QString& taskId) const
{
    const auto it = m_entries.find(taskId);
    return it != m_entries.end() && !it->second->call.isNull();
}

int VideoTaskPoller::inFlightCount() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(),
                             [](const auto& pair) { return !pair.second->call.isNull(); }));
}

VideoTask VideoTaskPoller::lastKnown(const QString& taskId) const
{
    const auto it = m_entries.find(taskId);
    return it == m_entries.end() ? VideoTask{} : it->second->last;
}

void VideoTaskPoller::schedule(const QString& taskId, int delayMs)
{
    const auto it = m_entries.find(taskId);
    if (it != m_entries.end() && !it->second->call)
        it->second->timer.start(std::max(0, delayMs));
}

void VideoTaskPoller::fire(const QString& taskId)
{
    const auto it = m_entries.find(taskId);
    if (it == m_entries.end() || it->second->call)
        return; // never a second request for the same task while one is in flight
    ClientConfig config = m_config;
    config.retry.maxRetries = 0; // the poller paces every request itself
    VideoTaskCall* call = m_client->get(taskId, config, this);
    it->second->call = call;
    ++m_pollsSent;
    connect(call, &RestCall::finished, this, [this, taskId, call] { onAnswer(taskId, call); });
    emit polled(taskId);
}

void VideoTaskPoller::onAnswer(const QString& taskId, VideoTaskCall* call)
{
    call->deleteLater();
    auto it = m_entries.find(taskId);
    if (it == m_entries.end() || it->second->call != call)
        return;
    Entry* entry = it->second.get();
    entry->call = nullptr;

    if (call->succeeded()) {
        VideoTask task = call->task();
        if (task.id.isEmpty())
            task.id = taskId;
        const bool changed = task.status != entry->last.status;
        entry->step = changed ? 0 : entry->step + 1;
        entry->last = task;
        const int delay = m_schedule.delayMs(entry->step);
        // Slots may unwatch (or clear) from here on: look the entry up again after every signal.
        emit taskUpdated(task);
        if (changed && isWatching(taskId))
            emit statusChanged(taskId, task.status);
        if (!isWatching(taskId))
            return;
        if (task.isFinal()) {
            unwatch(taskId);
            emit taskFinished(task);
            return;
        }
        schedule(taskId, delay);
        return;
    }

    const ApiError error = call->error();
    if (error.kind == ErrorKind::NotFound) {
        unwatch(taskId);
        emit taskLost(taskId, error);
        return;
    }
    const bool transient = error.kind == ErrorKind::RateLimited || error.kind == ErrorKind::Server ||
                           error.kind == ErrorKind::Network || error.kind == ErrorKind::IdleTimeout ||
                           error.kind == ErrorKind::MalformedChunk;
    if (!transient) {
        unwatch(taskId);
        emit pollFailed(taskId, error, false);
        return;
    }
    ++entry->step;
    qint64 delay = m_schedule.delayMs(entry->step);
    if (error.retryAfterMs)
        delay = std::max<qint64>(delay,
                                 std::min<qint64>(*error.retryAfterMs, std::max(m_schedule.maxMs, 1) * 10LL));
    emit pollFailed(taskId, error, true);
    schedule(taskId, int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

} // namespace ark::api
