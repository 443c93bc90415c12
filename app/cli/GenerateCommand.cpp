#include "GenerateCommand.h"

#include "ChatCommand.h"
#include "CliOptions.h"
#include "api/ImageGenerationClient.h"
#include "api/VideoTaskClient.h"
#include "catalog/Catalog.h"
#include "media/AttachmentStore.h"
#include "media/ImagePreparer.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

namespace ark::cli {

namespace {

using nlohmann::json;

// What both commands share on their command line.
struct CommonOptions
{
    api::ClientConfig config;
    QString model;
    QString output;
    bool json = false;
};

int usageError(const QString& problem)
{
    writeErr(QStringLiteral("error: %1\n\n").arg(problem));
    writeErr(usageText());
    return ExitUsage;
}

void addCommonOptions(QCommandLineParser& parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model ID or endpoint ID."), QStringLiteral("ID")},
        {QStringLiteral("base-url"), QStringLiteral("API base URL."), QStringLiteral("URL")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Where to write the result."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object at the end.")},
        {QStringLiteral("seed"), QStringLiteral("Seed (-1 = random)."), QStringLiteral("N")},
        {QStringLiteral("watermark"), QStringLiteral("true or false."), QStringLiteral("BOOL")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
    });
}

// ExitOk, -1 (help printed) or an exit status after printing the problem.
int readCommonOptions(const QCommandLineParser& parser, CommonOptions& options)
{
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(usageText());
        return -1;
    }
    options.model = parser.value(QStringLiteral("model")).trimmed();
    if (options.model.isEmpty())
        return usageError(QStringLiteral("--model is required"));
    options.output = parser.value(QStringLiteral("output"));
    if (options.output.isEmpty())
        return usageError(QStringLiteral("-o FILE is required: where to write the result"));
    options.json = parser.isSet(QStringLiteral("json"));

    QString baseUrl = parser.value(QStringLiteral("base-url"));
    if (baseUrl.isEmpty())
        baseUrl = qEnvironmentVariable("ARK_BASE_URL");
    if (!baseUrl.isEmpty()) {
        const QUrl url(baseUrl, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty())
            return usageError(
                QStringLiteral("--base-url must be an http(s) URL, e.g. %1").arg(api::kDefaultArkBaseUrl));
        options.config.baseUrl = url;
    }
    return ExitOk;
}

bool parseBool(const QString& text, bool& out)
{
    const QString value = text.trimmed().toLower();
    if (value == QLatin1String("true")) {
        out = true;
        return true;
    }
    if (value == QLatin1String("false")) {
        out = false;
        return true;
    }
    return false;
}

// Optional flags with typed values: each returns false after printing a usage error.
bool optionalBool(const QCommandLineParser& parser, const QString& name, std::optional<bool>& out)
{
    if (!parser.isSet(name))
        return true;
    bool value = false;
    if (!parseBool(parser.value(name), value)) {
        usageError(QStringLiteral("--%1 takes true or false").arg(name));
        return false;
    }
    out = value;
    return true;
}

bool optionalInt64(const QCommandLineParser& parser, const QString& name, std::optional<qint64>& out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok) {
        usageError(QStringLiteral("--%1 takes a whole number").arg(name));
        return false;
    }
    out = value;
    return true;
}

bool optionalInt(const QCommandLineParser& parser, const QString& name, std::optional<int>& out)
{
    std::optional<qint64> wide;
    if (!optionalInt64(parser, name, wide))
        return false;
    if (wide) {
        if (*wide < 0 || *wide > 1000000) {
            usageError(QStringLiteral("--%1 takes a whole number of at least 0").arg(name));
            return false;
        }
        out = int(*wide);
    }
    return true;
}

// Waits for a RestCall; prints its error. Returns ExitOk or the exit status.
int waitForCall(api::RestCall* call)
{
    QEventLoop loop;
    QObject::connect(call, &api::RestCall::finished, &loop, &QEventLoop::quit);
    QObject::connect(call, &api::RestCall::retryScheduled, call,
                     [](int attempt, qint64 delayMs, const api::ApiError& reason) {
                         writeErr(QStringLiteral("note: %1 Retrying in %2 s (retry %3).\n")
                                      .arg(reason.humanMessage())
                                      .arg(delayMs / 1000.0, 0, 'f', 1)
                                      .arg(attempt));
                     });
    if (!call->isFinished())
        runInterruptible(loop, [call] { call->cancel(); });
    if (!call->succeeded()) {
        writeErr(QStringLiteral("error: %1\n").arg(call->error().humanMessage()));
        return exitStatusFor(call->error());
    }
    return ExitOk;
}

// Downloads a result file to `path`. Returns ExitOk or the exit status after printing why not.
int downloadTo(QNetworkAccessManager* network, const QUrl& url, const QString& path)
{
    std::unique_ptr<api::FileDownload> download(api::FileDownload::start(network, url, path, nullptr));
    QEventLoop loop;
    QObject::connect(download.get(), &api::FileDownload::finished, &loop, &QEventLoop::quit);
    if (!download->isFinished())
        runInterruptible(loop, [&download] { download->cancel(); });
    if (!download->succeeded()) {
        writeErr(QStringLiteral("error: %1\n").arg(download->failureMessage()));
        return download->error().kind == api::ErrorKind::Cancelled ? int(ExitInterrupted)
                                                                   : int(ExitTransport);
    }
    return ExitOk;
}

int writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        writeErr(QStringLiteral("error: cannot write %1: %2\n").arg(path, file.errorString()));
        return ExitTransport;
    }
    return ExitOk;
}

std::string utf8(const QString& text)
{
    return text.toStdString();
}

json optionalJson(const std::optional<qint64>& value)
{
    return value ? json(*value) : json(nullptr);
}

// A frame image as a data URL, checked (and downscaled when needed) like a chat attachment.
bool frameDataUrl(const QString& path, QString& url, QString& problem)
{
    QTemporaryDir storeDir;
    if (!storeDir.isValid()) {
        problem = QStringLiteral("cannot create a temporary folder for the frames");
        return false;
    }
    media::AttachmentStore store(storeDir.path());
    const media::PrepareResult result =
        media::ImagePreparer::prepareFileNow(path, media::ImagePreparer::Options(), &store);
    if (!result.ok) {
        problem = QStringLiteral("%1: %2").arg(path, result.error);
        return false;
    }
    if (!result.prepared.attachment.isImage()) {
        problem = QStringLiteral("%1: a frame must be an image").arg(path);
        return false;
    }
    if (!result.prepared.attachment.note.isEmpty())
        writeErr(QStringLiteral("note: %1: %2\n")
                     .arg(QFileInfo(path).fileName(), result.prepared.attachment.note));
    url = result.prepared.attachment.dataUrl(&store, &problem);
    if (url.isEmpty()) {
        problem = QStringLiteral("%1: %2").arg(path, problem);
        return false;
    }
    return true;
}

// The catalog the frames are checked against (CliOptions); nullptr after printing the problem.
std::shared_ptr<const catalog::Catalog> loadCatalog(const QCommandLineParser& parser)
{
    QString problem;
    auto loaded = catalogFromOption(parser, &problem);
    if (!loaded)
        usageError(problem);
    return loaded;
}

// What a task for the model may start from, in words: "a prompt or a first frame".
QString acceptedInputs(const catalog::VideoCapabilities& c)
{
    if (c.needsLastFrame)
        return QStringLiteral("a first and a last frame only");
    QStringList ways;
    if (c.textToVideo)
        ways << QStringLiteral("a prompt");
    if (c.firstFrame)
        ways << QStringLiteral("a first frame");
    if (c.lastFrame)
        ways << QStringLiteral("a first and a last frame");
    return ways.join(QStringLiteral(" or "));
}

// The frames given against what the catalog says the model accepts (the same capabilities the video
// pane offers). ExitOk, or ExitUsage after saying why.
int checkFrames(const catalog::ModelInfo& info, bool first, bool last)
{
    const catalog::VideoCapabilities c = catalog::VideoCapabilities::forModel(&info);
    QString problem;
    if (first && !c.firstFrame)
        problem = QStringLiteral("%1 takes no first frame");
    else if (last && !c.lastFrame)
        problem = QStringLiteral("%1 takes no last frame");
    else if (c.needsLastFrame && !(first && last))
        problem = QStringLiteral("%1 needs --first-frame and --last-frame");
    else if (!c.textToVideo && !first)
        problem = QStringLiteral("%1 makes videos from an image: give --first-frame FILE");
    if (problem.isEmpty())
        return ExitOk;
    writeErr(QStringLiteral("error: %1; it accepts %2 (model catalog)\n")
                 .arg(problem.arg(info.id), acceptedInputs(c)));
    return ExitUsage;
}

// A value the catalog does not list for the model: the server ignores or rejects it (seed L27406), so
// say so without refusing; the catalog may be older than the service.
void noteUnlisted(const catalog::ModelInfo& info, const QString& option, const QString& value,
                  const QStringList& listed)
{
    if (value.isEmpty() || listed.isEmpty() || listed.contains(value))
        return;
    writeErr(QStringLiteral("note: the catalog lists no --%1 %2 for %3 (it lists %4); the server may ignore "
                            "or refuse it\n")
                 .arg(option, value, info.id, listed.join(QStringLiteral(", "))));
}

QStringList numbers(const QList<int>& values)
{
    QStringList out;
    for (int v : values)
        out << QString::number(v);
    return out;
}

void noteUnlistedValues(const catalog::ModelInfo& info, const api::VideoGenerationParams& params, bool first,
                        bool last)
{
    if (!info.video)
        return; // every documented value is offered for a model the catalog does not describe
    const catalog::VideoCapabilities c = catalog::VideoCapabilities::forModel(&info);
    noteUnlisted(info, QStringLiteral("resolution"), params.resolution, c.resolutionsFor(first, last));
    noteUnlisted(info, QStringLiteral("ratio"), params.ratio, c.ratiosFor(first));
    if (params.duration)
        noteUnlisted(info, QStringLiteral("duration"), QString::number(*params.duration),
                     numbers(c.durationsFor(first)));
    if (params.fps)
        noteUnlisted(info, QStringLiteral("fps"), QString::number(*params.fps), numbers(c.fps));
    if (params.cameraFixed && !c.cameraFixed)
        writeErr(QStringLiteral("note: the catalog says %1 takes no --camera-fixed; the server may ignore "
                                "or refuse it\n")
                     .arg(info.id));
}

} // namespace

int runImage(const QStringList& args)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("size"), QStringLiteral("Image size, e.g. 1024x1024."), QStringLiteral("WxH")},
        {QStringLiteral("guidance-scale"), QStringLiteral("How closely to follow the prompt."),
         QStringLiteral("X")},
    });
    parser.addPositionalArgument(QStringLiteral("PROMPT"), QStringLiteral("What to draw."));
    if (!parser.parse(QStringList{QStringLiteral("image")} + args))
        return usageError(parser.errorText());
    CommonOptions options;
    const int common = readCommonOptions(parser, options);
    if (common != ExitOk)
        return common == -1 ? int(ExitOk) : common;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        return usageError(positional.size() > 1 ? QStringLiteral("give the prompt as one argument (quote it)")
                                                : QStringLiteral("no PROMPT given"));

    api::ImageGenerationRequest request;
    request.model = options.model;
    request.prompt = positional.first();
    request.size = parser.value(QStringLiteral("size")).trimmed();
    if (!optionalInt64(parser, QStringLiteral("seed"), request.seed) ||
        !optionalBool(parser, QStringLiteral("watermark"), request.watermark))
        return ExitUsage;
    if (parser.isSet(QStringLiteral("guidance-scale"))) {
        bool ok = false;
        request.guidanceScale = parser.value(QStringLiteral("guidance-scale")).toDouble(&ok);
        if (!ok)
            return usageError(QStringLiteral("--guidance-scale takes a number"));
    }
    const QString invalid = api::ImageGenerationClient::validate(request);
    if (!invalid.isEmpty())
        return usageError(invalid);
    const int keyStatus = resolveApiKey(options.config.apiKey);
    if (keyStatus != ExitOk)
        return keyStatus;

    QNetworkAccessManager network; // the one QNAM of this process
    api::ImageGenerationClient client(&network);
    std::unique_ptr<api::ImageGenerationCall> call(client.generate(request, options.config, nullptr));
    call->setParent(nullptr);
    writeErr(QStringLiteral("generating…\n"));
    const int status = waitForCall(call.get());
    if (status != ExitOk)
        return status;

    const api::ImageGenerationResult& result = call->result();
    const auto image = std::find_if(result.images.begin(), result.images.end(),
                                    [](const api::GeneratedImage& each) { return each.ok(); });
    if (image == result.images.end()) {
        const QString why = result.images.empty() || result.images.front().errorMessage.isEmpty()
                                ? QStringLiteral("the answer holds no image")
                                : result.images.front().errorMessage;
        writeErr(QStringLiteral("error: %1\n").arg(why));
        return ExitRefused;
    }
    const int saved = image->data.isEmpty() ? downloadTo(&network, image->url, options.output)
                                            : writeFile(options.output, image->data);
    if (saved != ExitOk)
        return saved;
    writeErr(QStringLiteral("saved %1\n").arg(options.output));
    if (options.json) {
        const json out{
            {"model", utf8(result.model.isEmpty() ? request.model : result.model)},
            {"file", utf8(QFileInfo(options.output).absoluteFilePath())},
            {"size", image->size.isEmpty() ? json(nullptr) : json(utf8(image->size))},
            {"usage",
             {{"generated_images", result.usage.present ? json(result.usage.generatedImages) : json(nullptr)},
              {"output_tokens", optionalJson(result.usage.outputTokens)},
              {"total_tokens", optionalJson(result.usage.totalTokens)}}},
        };
        writeOut(QByteArray::fromStdString(out.dump()) + '\n');
    }
    return ExitOk;
}

int runVideo(const QStringList& args)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("first-frame"), QStringLiteral("Image to start from."), QStringLiteral("FILE")},
        {QStringLiteral("last-frame"), QStringLiteral("Image to end on (needs --first-frame)."),
         QStringLiteral("FILE")},
        {QStringLiteral("ratio"), QStringLiteral("Aspect ratio, e.g. 16:9."), QStringLiteral("RATIO")},
        {QStringLiteral("resolution"), QStringLiteral("480p, 720p or 1080p."), QStringLiteral("RES")},
        {QStringLiteral("duration"), QStringLiteral("Seconds (5 or 10)."), QStringLiteral("N")},
        {QStringLiteral("fps"), QStringLiteral("Frames per second (16 or 24)."), QStringLiteral("N")},
        {QStringLiteral("camera-fixed"), QStringLiteral("true or false."), QStringLiteral("BOOL")},
    });
    // For tests: poll every N ms instead of the normal backoff.
    QCommandLineOption pollInterval(QStringLiteral("poll-interval-ms"), QString(), QStringLiteral("N"));
    pollInterval.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(pollInterval);
    parser.addOption(hiddenCatalogOption());
    parser.addPositionalArgument(QStringLiteral("PROMPT"),
                                 QStringLiteral("What to film (optional with --first-frame)."));
    if (!parser.parse(QStringList{QStringLiteral("video")} + args))
        return usageError(parser.errorText());
    CommonOptions options;
    const int common = readCommonOptions(parser, options);
    if (common != ExitOk)
        return common == -1 ? int(ExitOk) : common;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(QStringLiteral("give the prompt as one argument (quote it)"));

    api::VideoTaskRequest request;
    request.model = options.model;
    request.prompt = positional.isEmpty() ? QString() : positional.first();
    api::VideoGenerationParams& params = request.params;
    params.ratio = parser.value(QStringLiteral("ratio")).trimmed();
    params.resolution = parser.value(QStringLiteral("resolution")).trimmed();
    if (!optionalInt(parser, QStringLiteral("duration"), params.duration) ||
        !optionalInt(parser, QStringLiteral("fps"), params.fps) ||
        !optionalInt64(parser, QStringLiteral("seed"), params.seed) ||
        !optionalBool(parser, QStringLiteral("watermark"), params.watermark) ||
        !optionalBool(parser, QStringLiteral("camera-fixed"), params.cameraFixed))
        return ExitUsage;
    api::VideoTaskPoller::Schedule schedule;
    if (parser.isSet(pollInterval)) {
        bool ok = false;
        const int ms = parser.value(pollInterval).toInt(&ok);
        if (!ok || ms < 1)
            return usageError(QStringLiteral("--poll-interval-ms takes a whole number of at least 1"));
        schedule.initialMs = ms;
        schedule.maxMs = ms;
        schedule.factor = 1.0;
        schedule.resumeSpacingMs = ms;
    }
    const bool first = parser.isSet(QStringLiteral("first-frame"));
    const bool last = parser.isSet(QStringLiteral("last-frame"));
    if (last && !first)
        return usageError(QStringLiteral("--last-frame needs --first-frame"));
    // A model the catalog knows is held to what the catalog says it accepts, as in the video pane; an
    // endpoint id or an unknown model goes to the server as given.
    const std::shared_ptr<const catalog::Catalog> catalog = loadCatalog(parser);
    if (!catalog)
        return ExitUsage;
    if (const catalog::ModelInfo* info = catalog->find(options.model)) {
        const int refused = checkFrames(*info, first, last);
        if (refused != ExitOk)
            return refused;
        noteUnlistedValues(*info, params, first, last);
    }
    QString problem;
    if (parser.isSet(QStringLiteral("first-frame")) &&
        !frameDataUrl(parser.value(QStringLiteral("first-frame")), request.firstFrameUrl, problem)) {
        writeErr(QStringLiteral("error: %1\n").arg(problem));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("last-frame")) &&
        !frameDataUrl(parser.value(QStringLiteral("last-frame")), request.lastFrameUrl, problem)) {
        writeErr(QStringLiteral("error: %1\n").arg(problem));
        return ExitUsage;
    }
    const QString invalid = api::VideoTaskClient::validate(request);
    if (!invalid.isEmpty())
        return usageError(invalid);
    const int keyStatus = resolveApiKey(options.config.apiKey);
    if (keyStatus != ExitOk)
        return keyStatus;

    QNetworkAccessManager network; // the one QNAM of this process
    api::VideoTaskClient client(&network);
    std::unique_ptr<api::VideoTaskCall> create(client.create(request, options.config, nullptr));
    create->setParent(nullptr);
    const int created = waitForCall(create.get());
    if (created != ExitOk)
        return created;
    const QString taskId = create->taskId();
    writeErr(QStringLiteral("task %1 created\n").arg(taskId));

    api::VideoTaskPoller poller(&client);
    poller.setConfig(options.config);
    poller.setSchedule(schedule);
    QEventLoop loop;
    api::VideoTask finalTask;
    api::ApiError pollError;
    QObject::connect(&poller, &api::VideoTaskPoller::statusChanged, &loop,
                     [](const QString&, api::VideoTaskStatus status) {
                         if (!api::isFinalVideoTaskStatus(status))
                             writeErr(QStringLiteral("%1…\n").arg(api::videoTaskStatusName(status)));
                     });
    QObject::connect(&poller, &api::VideoTaskPoller::taskFinished, &loop, [&](const api::VideoTask& task) {
        finalTask = task;
        loop.quit();
    });
    QObject::connect(&poller, &api::VideoTaskPoller::taskLost, &loop,
                     [&](const QString&, const api::ApiError& error) {
                         pollError = error;
                         loop.quit();
                     });
    QObject::connect(&poller, &api::VideoTaskPoller::pollFailed, &loop,
                     [&](const QString&, const api::ApiError& error, bool willRetry) {
                         if (willRetry) {
                             writeErr(QStringLiteral("note: %1 Trying again.\n").arg(error.humanMessage()));
                             return;
                         }
                         pollError = error;
                         loop.quit();
                     });
    poller.watch(taskId);
    if (runInterruptible(loop, [&loop] { loop.quit(); })) {
        // Stop waiting; the task goes on on the server. A queued one is cancelled politely.
        poller.clear();
        std::unique_ptr<api::VideoTaskCall> remove(client.remove(taskId, options.config, nullptr));
        remove->setParent(nullptr);
        QEventLoop removeLoop;
        QObject::connect(remove.get(), &api::RestCall::finished, &removeLoop, &QEventLoop::quit);
        removeLoop.exec();
        writeErr(remove->succeeded()
                     ? QStringLiteral("interrupted: task %1 cancelled\n").arg(taskId)
                     : QStringLiteral("interrupted: task %1 keeps running on the server\n").arg(taskId));
        return ExitInterrupted;
    }
    if (pollError.isError()) {
        writeErr(QStringLiteral("error: task %1: %2\n").arg(taskId, pollError.humanMessage()));
        return exitStatusFor(pollError);
    }
    if (finalTask.status != api::VideoTaskStatus::Succeeded) {
        QString why = finalTask.errorMessage;
        if (!finalTask.errorCode.isEmpty())
            why =
                why.isEmpty() ? finalTask.errorCode : QStringLiteral("%1 (%2)").arg(why, finalTask.errorCode);
        writeErr(QStringLiteral("error: task %1 %2%3\n")
                     .arg(taskId, api::videoTaskStatusName(finalTask.status),
                          why.isEmpty() ? QString() : QStringLiteral(": ") + why));
        return ExitRefused;
    }
    writeErr(QStringLiteral("succeeded, downloading…\n"));
    const int saved = downloadTo(&network, finalTask.videoUrl, options.output);
    if (saved != ExitOk)
        return saved;
    writeErr(QStringLiteral("saved %1\n").arg(options.output));
    if (options.json) {
        const json out{
            {"task_id", utf8(taskId)},
            {"model", utf8(finalTask.model.isEmpty() ? request.model : finalTask.model)},
            {"status", utf8(api::videoTaskStatusName(finalTask.status))},
            {"file", utf8(QFileInfo(options.output).absoluteFilePath())},
            {"usage",
             {{"completion_tokens", optionalJson(finalTask.completionTokens)},
              {"total_tokens", optionalJson(finalTask.totalTokens)}}},
        };
        writeOut(QByteArray::fromStdString(out.dump()) + '\n');
    }
    return ExitOk;
}

} // namespace ark::cli
