// Video generation tasks over real HTTP against the loopback server on 127.0.0.1: create bodies byte for
// byte (text commands, first/last frames), get/list/cancel/delete, the queued -> running -> succeeded or
// failed state machine, retries that never repeat a create, the poller (short injected intervals, no
// timing asserts: one request in flight per task, backoff, final states, lost tasks) and a restart that
// resumes polling from a real SQLite file.
#include "api/VideoTaskClient.h"
#include "store/Database.h"
#include "store/VideoTaskStore.h"
#include "support/ApiFixtures.h"
#include "support/LoopbackServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace ark::api;
using ark::testsupport::LoopbackServer;
using ark::testsupport::RecordedRequest;
using ark::testsupport::ScriptedResponse;
using ark::testsupport::Step;
using ark::testsupport::waitFinished;
using json = nlohmann::json;

namespace {

constexpr int kSafety = 15000; // a safety limit for waits, never a measured expectation
const QString kKey = QStringLiteral("test-key-videotasks-0123456789");
const QByteArray kTasks = "/api/v3/contents/generations/tasks";

VideoTaskRequest textRequest(const QString& model,
                             const QString& prompt = QStringLiteral("一只小猫在草地上奔跑"))
{
    VideoTaskRequest r;
    r.model = model;
    r.prompt = prompt;
    return r;
}

// A tiny data:image URL (a valid base64 payload; the loopback server checks the URL's shape only).
QString dataUrl()
{
    return QStringLiteral("data:image/png;base64,") +
           QString::fromLatin1(ark::testsupport::tinyPng(4, 4, 1).toBase64());
}

} // namespace

Q_DECLARE_METATYPE(ark::api::VideoTaskRequest)
Q_DECLARE_METATYPE(ark::api::VideoGenerationParams)

class TestVideoTasks : public QObject
{
    Q_OBJECT
private:
    QNetworkAccessManager* m_nam = nullptr;
    LoopbackServer* m_server = nullptr;
    VideoTaskClient* m_client = nullptr;
    QTemporaryDir m_dir;

    ClientConfig config() const { return ark::testsupport::loopbackConfig(m_server->baseUrl(), kKey); }

    static VideoTaskPoller::Schedule fastSchedule()
    {
        VideoTaskPoller::Schedule s;
        s.initialMs = 5;
        s.maxMs = 40;
        s.factor = 2.0;
        s.resumeSpacingMs = 1;
        return s;
    }

    QList<RecordedRequest> requestsTo(const QByteArray& method, const QByteArray& pathPart) const
    {
        return m_server->requestsTo(pathPart, method);
    }

    QString createTask(const VideoTaskRequest& request)
    {
        VideoTaskCall* call = m_client->create(request, config(), this);
        if (!waitFinished(call) || !call->succeeded()) {
            qWarning() << "create failed:" << call->error().humanMessage();
            return {};
        }
        return call->taskId();
    }

    VideoTask getTask(const QString& id, ApiError* error = nullptr)
    {
        VideoTaskCall* call = m_client->get(id, config(), this);
        if (!waitFinished(call))
            return {};
        if (error)
            *error = call->error();
        return call->task();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_nam = new QNetworkAccessManager(this);
        m_server = new LoopbackServer(this);
        QVERIFY(m_server->listen());
        m_client = new VideoTaskClient(m_nam, this);
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
        delete m_nam;
    }

    // ---- Building requests -----------------------------------------------------------------------

    void commandText_data()
    {
        QTest::addColumn<VideoGenerationParams>("params");
        QTest::addColumn<QString>("text");
        QTest::newRow("nothing set") << VideoGenerationParams{} << QString();
        VideoGenerationParams all;
        all.resolution = QStringLiteral("720p");
        all.ratio = QStringLiteral("16:9");
        all.duration = 5;
        all.fps = 24;
        all.watermark = true;
        all.seed = 4294967295LL;
        all.cameraFixed = false;
        QTest::newRow("all, in the documented order")
            << all
            << QStringLiteral(" --rs 720p --rt 16:9 --dur 5 --fps 24 --wm true --seed 4294967295 --cf false");
        VideoGenerationParams some;
        some.ratio = QStringLiteral("adaptive");
        some.seed = -1;
        QTest::newRow("ratio and random seed") << some << QStringLiteral(" --rt adaptive --seed -1");
    }
    void commandText()
    {
        QFETCH(VideoGenerationParams, params);
        QFETCH(QString, text);
        QCOMPARE(params.commandText(), text);
        QCOMPARE(params.isEmpty(), text.isEmpty());
        // What is stored with a task reads back the same.
        QCOMPARE(VideoGenerationParams::fromJson(params.toJson()), params);
    }

    void buildCreateBody_data()
    {
        QTest::addColumn<VideoTaskRequest>("request");
        QTest::addColumn<QByteArray>("body");

        VideoTaskRequest guide = textRequest(QStringLiteral("doubao-seedance-1-0-lite-t2v-250428"),
                                             QStringLiteral("一位女性站在粉红色背景前"));
        guide.params.ratio = QStringLiteral("16:9");
        guide.params.duration = 5;
        guide.params.fps = 24;
        guide.params.resolution = QStringLiteral("720p");
        guide.params.watermark = true;
        guide.params.cameraFixed = false;
        QTest::newRow("text to video with commands (L18878-18879)")
            << guide
            << QByteArray(
                   R"({"model":"doubao-seedance-1-0-lite-t2v-250428","content":[{"type":"text",)"
                   R"("text":"一位女性站在粉红色背景前 --rs 720p --rt 16:9 --dur 5 --fps 24 --wm true --cf false"}]})");

        VideoTaskRequest frames =
            textRequest(QStringLiteral("wan2-1-14b-flf2v-250417"), QStringLiteral("小鸟起飞"));
        frames.firstFrameUrl = QStringLiteral("https://example.invalid/first.png");
        frames.lastFrameUrl = QStringLiteral("https://example.invalid/last.png");
        frames.params.resolution = QStringLiteral("720p");
        QTest::newRow("first and last frame (L19448-19473)")
            << frames
            << QByteArray("{\"model\":\"wan2-1-14b-flf2v-250417\",\"content\":[{\"type\":\"text\",\"text\":"
                          "\"小鸟起飞 --rs "
                          "720p\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.invalid/"
                          "first.png\"},"
                          "\"role\":\"first_frame\"},{\"type\":\"image_url\",\"image_url\":{\"url\":"
                          "\"https://example.invalid/last.png\"},\"role\":\"last_frame\"}]}");

        VideoTaskRequest imageOnly =
            textRequest(QStringLiteral("doubao-seedance-1-0-lite-i2v-250428"), QString());
        imageOnly.firstFrameUrl = QStringLiteral("data:image/png;base64,iVBORw0KGgo=");
        QTest::newRow("first frame without a prompt: no text item")
            << imageOnly
            << QByteArray(
                   R"({"model":"doubao-seedance-1-0-lite-i2v-250428","content":[{"type":"image_url",)"
                   R"("image_url":{"url":"data:image/png;base64,iVBORw0KGgo="},"role":"first_frame"}]})");

        VideoTaskRequest callback = textRequest(QStringLiteral("m"), QStringLiteral("  a cat  "));
        callback.callbackUrl = QStringLiteral("https://example.invalid/hook");
        QTest::newRow("trimmed prompt and callback")
            << callback
            << QByteArray("{\"model\":\"m\",\"content\":[{\"type\":\"text\",\"text\":\"a cat\"}],"
                          "\"callback_url\":\"https://example.invalid/hook\"}");
    }
    void buildCreateBody()
    {
        QFETCH(VideoTaskRequest, request);
        QFETCH(QByteArray, body);
        QCOMPARE(VideoTaskClient::buildCreateBody(request), body);
        QVERIFY(VideoTaskClient::validate(request).isEmpty());
    }

    void validate_data()
    {
        QTest::addColumn<VideoTaskRequest>("request");
        const VideoTaskRequest ok = textRequest(QStringLiteral("m"));
        VideoTaskRequest r;

        r = ok;
        r.model.clear();
        QTest::newRow("no model") << r;
        r = ok;
        r.prompt = QStringLiteral("   ");
        QTest::newRow("no prompt and no frame") << r;
        r = ok;
        r.lastFrameUrl = QStringLiteral("https://example.invalid/last.png");
        QTest::newRow("last frame alone") << r;
        r = ok;
        r.firstFrameUrl = QStringLiteral("data:image/PNG;base64,iVBORw0KGgo=");
        QTest::newRow("uppercase format in a data URL") << r;
        r = ok;
        r.firstFrameUrl = QStringLiteral("/home/me/first.png");
        QTest::newRow("a local path") << r;
        r = ok;
        r.params.resolution = QStringLiteral("4k");
        QTest::newRow("resolution") << r;
        r = ok;
        r.params.ratio = QStringLiteral("2:1");
        QTest::newRow("ratio") << r;
        r = ok;
        r.params.duration = 7;
        QTest::newRow("duration") << r;
        r = ok;
        r.params.fps = 30;
        QTest::newRow("fps") << r;
        r = ok;
        r.params.seed = -2;
        QTest::newRow("seed below -1") << r;
        r = ok;
        r.params.seed = 4294967296LL;
        QTest::newRow("seed above 2^32-1") << r;
    }
    void validate()
    {
        QFETCH(VideoTaskRequest, request);
        QVERIFY(!VideoTaskClient::validate(request).isEmpty());
        // Never sent: the call fails locally with the reason.
        VideoTaskCall* call = m_client->create(request, config(), this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().kind, ErrorKind::BadRequest);
        QCOMPARE(call->error().detail, VideoTaskClient::validate(request));
        QVERIFY(m_server->requests().isEmpty());
    }

    // ---- Reading answers -------------------------------------------------------------------------

    void parseTask_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("videoUrl");
        QTest::addColumn<qint64>("tokens"); // -1: none
        QTest::addColumn<QString>("errorCode");

        QTest::newRow("succeeded, the guide's print (L18634)")
            << QByteArray(
                   "{\"id\":\"cgt-2025xxxx-xxxx\",\"model\":\"doubao-xxxx\",\"status\":\"succeeded\","
                   "\"error\":null,"
                   "\"content\":{\"video_url\":\"https://xxxx.example/"
                   "v.mp4\"},\"usage\":{\"completion_tokens\":"
                   "103818,\"total_tokens\":103818},\"created_at\":1746606910,\"updated_at\":1746606932}")
            << true << int(VideoTaskStatus::Succeeded) << QStringLiteral("https://xxxx.example/v.mp4")
            << qint64(103818) << QString();
        QTest::newRow("queued, nothing else yet")
            << QByteArray(R"({"id":"cgt-1","status":"queued"})") << true << int(VideoTaskStatus::Queued)
            << QString() << qint64(-1) << QString();
        QTest::newRow("failed with its error")
            << QByteArray(
                   R"({"id":"cgt-2","status":"failed","error":{"code":"OutputVideoSensitiveContentDetected",)"
                   R"("message":"m"}})")
            << true << int(VideoTaskStatus::Failed) << QString() << qint64(-1)
            << QStringLiteral("OutputVideoSensitiveContentDetected");
        QTest::newRow("a status this version does not know")
            << QByteArray(R"({"id":"cgt-3","status":"paused"})") << true << int(VideoTaskStatus::Unknown)
            << QString() << qint64(-1) << QString();
        QTest::newRow("an error object instead of a task")
            << QByteArray(R"({"error":{"code":"InternalServiceError","message":"x"}})") << false << 0
            << QString() << qint64(-1) << QStringLiteral("InternalServiceError");
        QTest::newRow("no id") << QByteArray(R"({"status":"queued"})") << false << 0 << QString()
                               << qint64(-1) << QString();
        QTest::newRow("not JSON") << QByteArray("<html/>") << false << 0 << QString() << qint64(-1)
                                  << QString();
    }
    void parseTask()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, status);
        QFETCH(QString, videoUrl);
        QFETCH(qint64, tokens);
        QFETCH(QString, errorCode);
        VideoTask task;
        ApiError error;
        QCOMPARE(VideoTaskClient::parseTask(body, task, error), ok);
        QCOMPARE(error.isError(), !ok);
        if (!ok) {
            QCOMPARE(error.code, errorCode);
            return;
        }
        QCOMPARE(int(task.status), status);
        QCOMPARE(task.videoUrl.toString(), videoUrl);
        QCOMPARE(task.completionTokens.value_or(-1), tokens);
        QCOMPARE(task.errorCode, errorCode);
    }

    void parseTaskTimes()
    {
        VideoTask task;
        ApiError error;
        QVERIFY(VideoTaskClient::parseTask(
            R"({"id":"cgt-9","status":"running","created_at":1746606910,"updated_at":1746606932,"seed":12})",
            task, error));
        QCOMPARE(task.createdAt, QDateTime::fromSecsSinceEpoch(1746606910, Qt::UTC));
        QCOMPARE(task.updatedAt, QDateTime::fromSecsSinceEpoch(1746606932, Qt::UTC));
        QCOMPARE(task.seed, std::optional<qint64>(12));
        QVERIFY(!task.isFinal());
    }

    void parseList()
    {
        VideoTaskPage page;
        ApiError error;
        QVERIFY(VideoTaskClient::parseList(R"({"items":[{"id":"a","status":"queued"},{"id":"b","status":)"
                                           R"("cancelled"}],"total":7})",
                                           page, error));
        QCOMPARE(int(page.items.size()), 2);
        QCOMPARE(page.items[1].status, VideoTaskStatus::Cancelled);
        QCOMPARE(page.total, qint64(7));
        QVERIFY(VideoTaskClient::parseList(R"({"items":null,"total":0})", page, error));
        QVERIFY(page.items.empty());
        QVERIFY(!VideoTaskClient::parseList(R"({"items":[{"status":"queued"}]})", page, error));
        QVERIFY(!VideoTaskClient::parseList(R"({"items":{}})", page, error));
    }

    void statusNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("final");
        QTest::newRow("queued") << QStringLiteral("queued") << int(VideoTaskStatus::Queued) << false;
        QTest::newRow("running") << QStringLiteral("running") << int(VideoTaskStatus::Running) << false;
        QTest::newRow("succeeded") << QStringLiteral("succeeded") << int(VideoTaskStatus::Succeeded) << true;
        QTest::newRow("failed") << QStringLiteral("failed") << int(VideoTaskStatus::Failed) << true;
        QTest::newRow("cancelled") << QStringLiteral("cancelled") << int(VideoTaskStatus::Cancelled) << true;
        QTest::newRow("expired (local)")
            << QStringLiteral("expired") << int(VideoTaskStatus::Expired) << true;
    }
    void statusNames()
    {
        QFETCH(QString, name);
        QFETCH(int, status);
        QFETCH(bool, final);
        const auto s = VideoTaskStatus(status);
        QCOMPARE(videoTaskStatusFromName(name), s);
        QCOMPARE(videoTaskStatusName(s), name);
        QCOMPARE(isFinalVideoTaskStatus(s), final);
        QVERIFY(!videoTaskStatusLabel(s).isEmpty());
        QCOMPARE(videoTaskStatusFromName(name.toUpper()), VideoTaskStatus::Unknown);
    }

    // ---- Over HTTP ---------------------------------------------------------------------------------

    void createQueryDownload()
    {
        VideoTaskRequest request = textRequest(QStringLiteral("loopback-video"));
        request.params.resolution = QStringLiteral("720p");
        request.params.ratio = QStringLiteral("16:9");
        request.params.fps = 24;
        request.params.duration = 5;
        request.params.seed = 11;
        VideoTaskCall* create = m_client->create(request, config(), this);
        QVERIFY(waitFinished(create));
        QVERIFY2(create->succeeded(), qPrintable(create->error().humanMessage()));
        const QString id = create->taskId();
        QVERIFY(id.startsWith(QLatin1String("cgt-")));

        const QList<RecordedRequest> posts = requestsTo("POST", kTasks);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].path, kTasks);
        QCOMPARE(posts[0].header("Authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(posts[0].body, VideoTaskClient::buildCreateBody(request));
        QCOMPARE(m_server->videoTaskStatus(id.toUtf8()), QByteArray("queued"));

        // One step per query: queued, running, succeeded (and succeeded stays).
        QCOMPARE(getTask(id).status, VideoTaskStatus::Queued);
        QCOMPARE(getTask(id).status, VideoTaskStatus::Running);
        const VideoTask done = getTask(id);
        QCOMPARE(done.status, VideoTaskStatus::Succeeded);
        QCOMPARE(getTask(id).status, VideoTaskStatus::Succeeded);
        QCOMPARE(done.id, id);
        QCOMPARE(done.model, QStringLiteral("loopback-video"));
        QCOMPARE(done.seed, std::optional<qint64>(11));
        QCOMPARE(done.completionTokens, std::optional<qint64>(102960)); // 1248x704, 24 fps, 5 s
        QCOMPARE(done.totalTokens, done.completionTokens);
        QVERIFY(done.createdAt.isValid());
        QVERIFY(done.updatedAt >= done.createdAt);
        QVERIFY(done.errorCode.isEmpty());
        const QList<RecordedRequest> gets = requestsTo("GET", kTasks);
        QCOMPARE(gets.size(), 4);
        QCOMPARE(gets[0].path, kTasks + '/' + id.toUtf8());
        QVERIFY(gets[0].body.isEmpty());

        const QString path = m_dir.filePath(QStringLiteral("videos/%1.mp4").arg(id));
        FileDownload* download = m_client->download(done.videoUrl, path, this);
        QVERIFY(waitFinished(download));
        QVERIFY2(download->succeeded(), qPrintable(download->failureMessage()));
        QCOMPARE(download->contentType(), QByteArray("video/mp4"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), ark::testsupport::sampleVideo());
        const QList<RecordedRequest> files = requestsTo("GET", "/files/videos/");
        QCOMPARE(files.size(), 1);
        QVERIFY(files[0].header("Authorization").isEmpty()); // the key stays with the API host
    }

    void imageToVideoIsAccepted()
    {
        VideoTaskRequest request = textRequest(QStringLiteral("loopback-video-q0r0"), QString());
        request.firstFrameUrl = dataUrl();
        request.lastFrameUrl = dataUrl();
        const QString id = createTask(request);
        QVERIFY(!id.isEmpty());
        const json body = json::parse(requestsTo("POST", kTasks).at(0).body.toStdString());
        QCOMPARE(int(body["content"].size()), 2);
        QCOMPARE(body["content"][1]["role"].get<std::string>(), std::string("last_frame"));
        QCOMPARE(getTask(id).status, VideoTaskStatus::Succeeded); // q0r0: final at the first query
    }

    void failedTaskCarriesTheError()
    {
        const QString id = createTask(textRequest(QStringLiteral("loopback-video-fail")));
        QVERIFY(!id.isEmpty());
        getTask(id);
        getTask(id);
        const VideoTask task = getTask(id);
        QCOMPARE(task.status, VideoTaskStatus::Failed);
        QCOMPARE(task.errorCode, QStringLiteral("OutputVideoSensitiveContentDetected"));
        QVERIFY(!task.errorMessage.isEmpty());
        QVERIFY(task.videoUrl.isEmpty());
        QVERIFY(!task.completionTokens);
    }

    void serverRejectsWhatTheClientCannotCheck()
    {
        // The model decides what it supports; a prompt may also carry a command typed by hand.
        VideoTaskCall* call = m_client->create(
            textRequest(QStringLiteral("loopback-video"), QStringLiteral("a cat --dur 7")), config(), this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().kind, ErrorKind::BadRequest);
        QCOMPARE(call->error().code, QStringLiteral("InvalidParameter"));
        QCOMPARE(call->error().param, QStringLiteral("content.text"));
        QVERIFY(call->error().humanMessage().contains(QLatin1String("duration")));
    }

    void listFiltersAndPages()
    {
        const QString a = createTask(textRequest(QStringLiteral("loopback-video")));
        const QString b = createTask(textRequest(QStringLiteral("loopback-video-stuck")));
        const QString c = createTask(textRequest(QStringLiteral("loopback-video")));
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        getTask(a); // queued
        getTask(a); // running

        auto list = [this](const VideoTaskListQuery& query) {
            VideoTaskCall* call = m_client->list(query, config(), this);
            VideoTaskPage page;
            if (waitFinished(call) && call->succeeded())
                page = call->page();
            return page;
        };
        VideoTaskListQuery byIds;
        byIds.taskIds = QStringList{a, c};
        VideoTaskPage page = list(byIds);
        QCOMPARE(page.total, qint64(2));
        QCOMPARE(int(page.items.size()), 2);
        QCOMPARE(page.items[0].id, c); // newest first
        QCOMPARE(page.items[1].id, a);
        QCOMPARE(page.items[1].status, VideoTaskStatus::Running); // listing does not move a task on
        const RecordedRequest sent = requestsTo("GET", kTasks).last();
        const QUrlQuery query(QString::fromUtf8(sent.path.mid(sent.path.indexOf('?') + 1)));
        QCOMPARE(query.allQueryItemValues(QStringLiteral("filter.task_ids")), (QStringList{a, c}));

        VideoTaskListQuery running;
        running.status = QStringLiteral("running");
        page = list(running);
        QCOMPARE(page.total, qint64(1));
        QCOMPARE(page.items.at(0).id, a);

        VideoTaskListQuery byModel;
        byModel.model = QStringLiteral("loopback-video-stuck");
        page = list(byModel);
        QCOMPARE(page.total, qint64(1));
        QCOMPARE(page.items.at(0).id, b);

        VideoTaskListQuery paged;
        paged.pageNum = 2;
        paged.pageSize = 1;
        page = list(paged);
        QCOMPARE(page.total, qint64(3));
        QCOMPARE(int(page.items.size()), 1);
        QCOMPARE(page.items[0].id, b);
        QVERIFY(requestsTo("GET", kTasks).last().path.contains("page_num=2&page_size=1"));

        VideoTaskListQuery bad;
        bad.pageSize = 501;
        VideoTaskCall* call = m_client->list(bad, config(), this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().param, QStringLiteral("page_size"));
    }

    void cancelQueuedThenDeleteRecord()
    {
        const QString id = createTask(textRequest(QStringLiteral("loopback-video-stuck")));
        QVERIFY(!id.isEmpty());
        QCOMPARE(getTask(id).status, VideoTaskStatus::Queued);

        VideoTaskCall* cancel = m_client->remove(id, config(), this);
        QVERIFY(waitFinished(cancel));
        QVERIFY2(cancel->succeeded(), qPrintable(cancel->error().humanMessage()));
        QCOMPARE(cancel->operation(), VideoTaskCall::Operation::Remove);
        QCOMPARE(cancel->taskId(), id);
        const RecordedRequest sent = requestsTo("DELETE", kTasks).at(0);
        QCOMPARE(sent.path, kTasks + '/' + id.toUtf8());
        QCOMPARE(sent.header("Authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(m_server->videoTaskStatus(id.toUtf8()), QByteArray("cancelled"));
        QCOMPARE(getTask(id).status, VideoTaskStatus::Cancelled);

        VideoTaskCall* remove = m_client->remove(id, config(), this);
        QVERIFY(waitFinished(remove));
        QVERIFY(remove->succeeded());
        QCOMPARE(m_server->videoTaskCount(), 0);
        ApiError error;
        getTask(id, &error);
        QCOMPARE(error.kind, ErrorKind::NotFound);
        QCOMPARE(error.httpStatus, 404);
    }

    void runningTaskCannotBeCancelled()
    {
        const QString id = createTask(textRequest(QStringLiteral("loopback-video-q0r5")));
        QCOMPARE(getTask(id).status, VideoTaskStatus::Running);
        VideoTaskCall* cancel = m_client->remove(id, config(), this);
        QVERIFY(waitFinished(cancel));
        QCOMPARE(cancel->error().kind, ErrorKind::BadRequest);
        QCOMPARE(cancel->retries(), 0);
        QCOMPARE(m_server->videoTaskStatus(id.toUtf8()), QByteArray("running"));
    }

    void queryIsRetriedButCreateIsNot()
    {
        m_server->enqueue(
            "/contents/generations/tasks",
            ScriptedResponse::json(503, R"({"error":{"code":"ServerOverloaded","message":"busy"}})"));
        VideoTaskCall* create =
            m_client->create(textRequest(QStringLiteral("loopback-video")), config(), this);
        QVERIFY(waitFinished(create));
        QCOMPARE(create->error().kind, ErrorKind::Server);
        QCOMPARE(requestsTo("POST", kTasks).size(), 1); // a create that may have arrived is not repeated
        QCOMPARE(m_server->videoTaskCount(), 0);

        const QString id = createTask(textRequest(QStringLiteral("loopback-video")));
        m_server->enqueue(
            '/' + id.toUtf8(),
            ScriptedResponse::json(503, R"({"error":{"code":"ServerOverloaded","message":"busy"}})"));
        VideoTaskCall* get = m_client->get(id, config(), this);
        QVERIFY(waitFinished(get));
        QVERIFY2(get->succeeded(), qPrintable(get->error().humanMessage()));
        QCOMPARE(get->retries(), 1);
        QCOMPARE(get->task().status, VideoTaskStatus::Queued);
    }

    void createIsRetriedOnRateLimit()
    {
        VideoTaskCall* create =
            m_client->create(textRequest(QStringLiteral("loopback-ratelimit")), config(), this);
        QVERIFY(waitFinished(create));
        QVERIFY2(create->succeeded(), qPrintable(create->error().humanMessage()));
        QCOMPARE(create->retries(), 1);
        QCOMPARE(requestsTo("POST", kTasks).size(), 2);
        QCOMPARE(m_server->videoTaskCount(), 1); // RPM rejections create nothing
    }

    void refusedKey()
    {
        ClientConfig c = config();
        c.apiKey.clear();
        VideoTaskCall* call = m_client->list({}, c, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().kind, ErrorKind::Authentication);
        QVERIFY(call->error().humanMessage().contains(QLatin1String("API key")));
    }

    void taskIdIsOneEscapedPathSegment()
    {
        ApiError error;
        getTask(QStringLiteral("../images/generations?x=1"), &error);
        const RecordedRequest sent = requestsTo("GET", "/api/v3/").last();
        QCOMPARE(sent.path, kTasks + "/..%2Fimages%2Fgenerations%3Fx%3D1");
        QCOMPARE(error.kind, ErrorKind::NotFound);
    }

    // ---- Poller --------------------------------------------------------------------------------------

    void scheduleGrowsToItsCap_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("delay");
        QTest::newRow("0") << 0 << 8000;
        QTest::newRow("1") << 1 << 12000;
        QTest::newRow("2") << 2 << 18000;
        QTest::newRow("3") << 3 << 27000;
        QTest::newRow("4") << 4 << 40500;
        QTest::newRow("5 (capped)") << 5 << 60000;
        QTest::newRow("50 (capped)") << 50 << 60000;
    }
    void scheduleGrowsToItsCap()
    {
        QFETCH(int, step);
        QFETCH(int, delay);
        QCOMPARE(VideoTaskPoller::Schedule{}.delayMs(step), delay);
    }

    void pollerFollowsTasksToTheirEnd()
    {
        const QString ok = createTask(textRequest(QStringLiteral("loopback-video-q2r2")));
        const QString bad = createTask(textRequest(QStringLiteral("loopback-video-fail")));
        QVERIFY(!ok.isEmpty() && !bad.isEmpty());
        VideoTaskPoller poller(m_client);
        poller.setConfig(config());
        poller.setSchedule(fastSchedule());
        QSignalSpy changed(&poller, &VideoTaskPoller::statusChanged);
        QSignalSpy finished(&poller, &VideoTaskPoller::taskFinished);
        QSignalSpy updated(&poller, &VideoTaskPoller::taskUpdated);
        poller.watch(ok);
        poller.watch(bad);
        poller.watch(ok); // already watched: nothing more
        QStringList both{ok, bad};
        both.sort();
        QCOMPARE(poller.watched(), both);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kSafety);
        QVERIFY(poller.watched().isEmpty());

        QStringList okStatuses;
        for (const auto& args : changed)
            if (args[0].toString() == ok)
                okStatuses << videoTaskStatusName(args[1].value<VideoTaskStatus>());
        QCOMPARE(okStatuses, (QStringList{QStringLiteral("queued"), QStringLiteral("running"),
                                          QStringLiteral("succeeded")}));
        QHash<QString, VideoTask> last;
        for (const auto& args : finished) {
            const auto task = args[0].value<VideoTask>();
            last.insert(task.id, task);
        }
        QCOMPARE(last.value(ok).status, VideoTaskStatus::Succeeded);
        QVERIFY(last.value(ok).videoUrl.isValid());
        QCOMPARE(last.value(bad).status, VideoTaskStatus::Failed);
        // q2r2: two queued answers, two running, one final; fail (q1r1): three. Nothing after the end.
        QCOMPARE(requestsTo("GET", ok.toUtf8()).size(), 5);
        QCOMPARE(requestsTo("GET", bad.toUtf8()).size(), 3);
        QCOMPARE(updated.size(), 8);
        QCOMPARE(poller.pollsSent(), qint64(8));
    }

    void pollerNeverHasTwoRequestsForOneTask()
    {
        const QString id = createTask(textRequest(QStringLiteral("loopback-video-q0r0")));
        QVERIFY(!id.isEmpty());
        // Scripted answers (the server's own state machine is not asked, so the fourth GET ends it) far
        // slower than the interval: a timer-driven poller would stack requests up.
        const QByteArray queued = "{\"id\":\"" + id.toUtf8() + "\",\"status\":\"queued\"}";
        for (int i = 0; i < 3; ++i) {
            ScriptedResponse slow = ScriptedResponse::json(200, queued);
            slow.chunked = true;
            slow.steps = {Step::delay(60), Step::write(queued)};
            m_server->enqueue('/' + id.toUtf8(), slow);
        }
        VideoTaskPoller poller(m_client);
        poller.setConfig(config());
        VideoTaskPoller::Schedule schedule = fastSchedule();
        schedule.initialMs = 1;
        schedule.maxMs = 1;
        poller.setSchedule(schedule);
        int outstanding = 0;
        int maxOutstanding = 0;
        connect(&poller, &VideoTaskPoller::polled, this,
                [&] { maxOutstanding = std::max(maxOutstanding, ++outstanding); });
        connect(&poller, &VideoTaskPoller::taskUpdated, this, [&] { --outstanding; });
        QSignalSpy finished(&poller, &VideoTaskPoller::taskFinished);
        poller.watch(id);
        QTRY_VERIFY_WITH_TIMEOUT(poller.isInFlight(id), kSafety);
        poller.pollNow(id); // in flight: does nothing
        QCOMPARE(poller.inFlightCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kSafety);
        QCOMPARE(maxOutstanding, 1);
        QCOMPARE(outstanding, 0);
        QCOMPARE(requestsTo("GET", id.toUtf8()).size(), 4); // three scripted queued answers, then the end
    }

    void pollerBacksOffThroughTransientFailures()
    {
        const QString id = createTask(textRequest(QStringLiteral("loopback-video-q0r0")));
        for (int i = 0; i < 2; ++i)
            m_server->enqueue(
                '/' + id.toUtf8(),
                ScriptedResponse::json(500, R"({"error":{"code":"InternalServiceError","message":"x"}})"));
        VideoTaskPoller poller(m_client);
        poller.setConfig(config()); // its own calls never retry inside RestCall
        poller.setSchedule(fastSchedule());
        QSignalSpy failed(&poller, &VideoTaskPoller::pollFailed);
        QSignalSpy finished(&poller, &VideoTaskPoller::taskFinished);
        poller.watch(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kSafety);
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed[0][1].value<ApiError>().kind, ErrorKind::Server);
        QVERIFY(failed[0][2].toBool()); // will retry
        QCOMPARE(requestsTo("GET", id.toUtf8()).size(), 3);
    }

    void pollerStopsOnRefusedKeyAndLostTask()
    {
        const QString id = createTask(textRequest(QStringLiteral("loopback-video-stuck")));
        VideoTaskPoller poller(m_client);
        ClientConfig noKey = config();
        noKey.apiKey.clear();
        poller.setConfig(noKey);
        poller.setSchedule(fastSchedule());
        QSignalSpy failed(&poller, &VideoTaskPoller::pollFailed);
        QSignalSpy lost(&poller, &VideoTaskPoller::taskLost);
        poller.watch(id);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kSafety);
        QCOMPARE(failed[0][1].value<ApiError>().kind, ErrorKind::Authentication);
        QVERIFY(!failed[0][2].toBool());
        QVERIFY(!poller.isWatching(id));

        poller.setConfig(config());
        poller.watch(QStringLiteral("cgt-20250101000000-gone1"));
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, kSafety);
        QCOMPARE(lost[0][0].toString(), QStringLiteral("cgt-20250101000000-gone1"));
        QCOMPARE(lost[0][1].value<ApiError>().httpStatus, 404);
        QVERIFY(poller.watched().isEmpty());
        QCOMPARE(failed.size(), 1);
    }

    void unwatchAbortsTheRequestInFlight()
    {
        const QString id = createTask(textRequest(QStringLiteral("loopback-video-stuck")));
        ScriptedResponse stalled = ScriptedResponse::json(200, "{");
        stalled.chunked = true;
        stalled.steps = {Step::stall()};
        m_server->enqueue('/' + id.toUtf8(), stalled);
        VideoTaskPoller poller(m_client);
        poller.setConfig(config());
        poller.setSchedule(fastSchedule());
        QSignalSpy updated(&poller, &VideoTaskPoller::taskUpdated);
        QSignalSpy failed(&poller, &VideoTaskPoller::pollFailed);
        poller.watch(id);
        QTRY_VERIFY_WITH_TIMEOUT(poller.isInFlight(id), kSafety);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 1, kSafety);
        poller.unwatch(id);
        QVERIFY(!poller.isWatching(id));
        QCOMPARE(poller.inFlightCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);
        QVERIFY(updated.isEmpty());
        QVERIFY(failed.isEmpty());
    }

    // ---- Restart -------------------------------------------------------------------------------------

    void restartResumesPollingFromTheStore()
    {
        const QString dbPath = m_dir.filePath(QStringLiteral("restart.sqlite3"));
        QStringList ids;
        {
            // First run: tasks created and stored at once, then the app quits before they finish.
            ark::store::Database db;
            QVERIFY(db.open(dbPath));
            ark::store::VideoTaskStore store(db);
            for (const QString& model :
                 {QStringLiteral("loopback-video-q1r1"), QStringLiteral("loopback-video-q0r2")}) {
                VideoTaskRequest request = textRequest(model);
                request.params.duration = 10;
                const QString id = createTask(request);
                QVERIFY(!id.isEmpty());
                ark::store::VideoTaskRecord record;
                record.taskId = id;
                record.model = model;
                record.prompt = request.prompt;
                record.paramsJson = QJsonDocument(request.params.toJson()).toJson(QJsonDocument::Compact);
                QVERIFY(store.add(record));
                ids << id;
            }
            const QString done = createTask(textRequest(QStringLiteral("loopback-video-q0r0")));
            ark::store::VideoTaskRecord finished;
            finished.taskId = done;
            finished.status = QStringLiteral("succeeded");
            QVERIFY(store.add(finished));
        }

        ark::store::Database db;
        QVERIFY(db.open(dbPath));
        ark::store::VideoTaskStore store(db);
        QCOMPARE(store.unfinishedTaskIds(), ids);
        const auto params =
            VideoGenerationParams::fromJson(QJsonDocument::fromJson(store.find(ids[0])->paramsJson).object());
        QCOMPARE(params.duration, std::optional<int>(10));

        VideoTaskPoller poller(m_client);
        poller.setConfig(config());
        poller.setSchedule(fastSchedule());
        connect(&poller, &VideoTaskPoller::taskUpdated, this,
                [&store](const VideoTask& task) { QVERIFY(store.applyServerState(task)); });
        QSignalSpy finished(&poller, &VideoTaskPoller::taskFinished);
        poller.resume(store.unfinishedTaskIds());
        QCOMPARE(poller.watched().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kSafety);

        QVERIFY(store.unfinishedTaskIds().isEmpty());
        const auto pending = store.awaitingDownload();
        QCOMPARE(int(pending.size()), 2);
        for (const auto& record : pending) {
            QCOMPARE(record.status, QStringLiteral("succeeded"));
            QVERIFY(record.finishedAt.isValid());
            QVERIFY(record.completionTokens.value_or(0) > 0);
            const QString file = m_dir.filePath(record.taskId + QStringLiteral(".mp4"));
            FileDownload* download = m_client->download(QUrl(record.videoUrl), file, this);
            QVERIFY(waitFinished(download));
            QVERIFY(download->succeeded());
            QVERIFY(store.setFilePath(record.taskId, file));
        }
        QVERIFY(store.awaitingDownload().empty());
        // The task that had finished before the restart was never asked about again.
        QCOMPARE(requestsTo("GET", kTasks).size(), 3 + 3); // q1r1 and q0r2: three answers each
    }
};

QTEST_GUILESS_MAIN(TestVideoTasks)
#include "tst_videotasks.moc"
