// Seedream image generation and result downloads, over real HTTP against the loopback server on
// 127.0.0.1: request bodies byte for byte, answers parsed (url and b64_json), errors mapped as chat maps
// them, the API key kept away from result hosts and from redirects, downloads that leave no half file.
#include "api/ImageGenerationClient.h"
#include "support/ApiFixtures.h"
#include "support/LoopbackServer.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace ark::api;
using ark::testsupport::LoopbackServer;
using ark::testsupport::RecordedRequest;
using ark::testsupport::ScriptedResponse;
using ark::testsupport::Step;
using ark::testsupport::waitFinished;
using json = nlohmann::json;
using Format = ImageGenerationRequest::ResponseFormat;

namespace {

constexpr int kSafety = 15000; // a safety limit for waits, never a measured expectation
const QString kKey = QStringLiteral("test-key-imagegen-0123456789");

ImageGenerationRequest request(const QString& model = QStringLiteral("doubao-seedream-3-0-t2i-250415"),
                               const QString& prompt = QStringLiteral("鱼眼镜头，一只猫咪的头部"))
{
    ImageGenerationRequest r;
    r.model = model;
    r.prompt = prompt;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(ark::api::ImageGenerationRequest)

class TestImageGeneration : public QObject
{
    Q_OBJECT
private:
    QNetworkAccessManager* m_nam = nullptr;
    LoopbackServer* m_server = nullptr;
    ImageGenerationClient* m_client = nullptr;
    QTemporaryDir m_dir;

    ClientConfig config() const { return ark::testsupport::loopbackConfig(m_server->baseUrl(), kKey); }

    QList<RecordedRequest> requestsTo(const QByteArray& pathPart) const
    {
        return m_server->requestsTo(pathPart);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_nam = new QNetworkAccessManager(this);
        m_server = new LoopbackServer(this);
        QVERIFY(m_server->listen());
        m_client = new ImageGenerationClient(m_nam, this);
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
        delete m_nam;
    }

    // ---- Request bodies ------------------------------------------------------------------------------

    void buildBody_data()
    {
        QTest::addColumn<ImageGenerationRequest>("request");
        QTest::addColumn<QByteArray>("body");

        QTest::newRow("the guide's call (L19866-19872)")
            << request()
            << QByteArray(R"({"model":"doubao-seedream-3-0-t2i-250415","prompt":"鱼眼镜头，一只猫咪的头部",)"
                          R"("response_format":"url"})");
        ImageGenerationRequest full =
            request(QStringLiteral("ep-20250101-abcde"), QStringLiteral("a \"quoted\" cat"));
        full.size = QStringLiteral("1024x768");
        full.seed = 42;
        full.guidanceScale = 2.5;
        full.watermark = false;
        full.responseFormat = Format::Base64Json;
        QTest::newRow("every field")
            << full
            << QByteArray("{\"model\":\"ep-20250101-abcde\",\"prompt\":\"a \\\"quoted\\\" cat\","
                          R"("size":"1024x768","seed":42,"guidance_scale":2.5,)"
                          R"("watermark":false,"response_format":"b64_json"})");
        ImageGenerationRequest defaults = request();
        defaults.responseFormat = Format::Default;
        defaults.seed = -1;
        defaults.watermark = true;
        QTest::newRow("server default format, random seed")
            << defaults
            << QByteArray(R"({"model":"doubao-seedream-3-0-t2i-250415","prompt":"鱼眼镜头，一只猫咪的头部",)"
                          R"("seed":-1,"watermark":true})");
        ImageGenerationRequest extra = request();
        extra.extra.insert(QStringLiteral("optimize_prompt"), true);
        extra.extra.insert(QStringLiteral("response_format"), QStringLiteral("b64_json")); // never overrides
        QTest::newRow("extra fields after, never overriding")
            << extra
            << QByteArray(R"({"model":"doubao-seedream-3-0-t2i-250415","prompt":"鱼眼镜头，一只猫咪的头部",)"
                          R"("response_format":"url","optimize_prompt":true})");
    }
    void buildBody()
    {
        QFETCH(ImageGenerationRequest, request);
        QFETCH(QByteArray, body);
        QCOMPARE(ImageGenerationClient::buildBody(request), body);
    }

    void validate_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("size");
        QTest::addColumn<bool>("valid");
        const QString m = QStringLiteral("doubao-seedream-3-0-t2i-250415");
        QTest::newRow("complete") << m << QStringLiteral("a cat") << QStringLiteral("1024x1024") << true;
        QTest::newRow("size left to the server") << m << QStringLiteral("a cat") << QString() << true;
        QTest::newRow("no model") << QString() << QStringLiteral("a cat") << QString() << false;
        QTest::newRow("blank prompt") << m << QStringLiteral("  \n") << QString() << false;
        QTest::newRow("size with a star")
            << m << QStringLiteral("a cat") << QStringLiteral("1024*1024") << false;
        QTest::newRow("size with a zero side")
            << m << QStringLiteral("a cat") << QStringLiteral("0x512") << false;
        QTest::newRow("size with spaces")
            << m << QStringLiteral("a cat") << QStringLiteral("1024 x 1024") << false;
    }
    void validate()
    {
        QFETCH(QString, model);
        QFETCH(QString, prompt);
        QFETCH(QString, size);
        QFETCH(bool, valid);
        ImageGenerationRequest r = request(model, prompt);
        r.size = size;
        QCOMPARE(ImageGenerationClient::validate(r).isEmpty(), valid);
    }

    // ---- Answers -----------------------------------------------------------------------------------

    void parseResponse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("images");
        QTest::addColumn<qint64>("billed");
        QTest::addColumn<QString>("errorCode");

        QTest::newRow("the guide's shape: data[0].url only")
            << QByteArray("{\"data\":[{\"url\":\"https://ark-content.example/a.png\"}]}") << true << 1
            << qint64(1) << QString();
        QTest::newRow("SDK shape with usage")
            << QByteArray(
                   R"({"model":"doubao-seedream-3-0-t2i-250415","created":1746606910,"data":[{"url":)"
                   "\"https://x.example/a.png\",\"size\":\"1024x1024\"}],\"usage\":{\"generated_images\":1,"
                   R"("output_tokens":4096,"total_tokens":4096}})")
            << true << 1 << qint64(1) << QString();
        QTest::newRow("one image failed, one made")
            << QByteArray(
                   R"({"data":[{"error":{"code":"OutputImageSensitiveContentDetected","message":"m"}},)"
                   R"({"b64_json":"iVBORw0KGgo="}]})")
            << true << 2 << qint64(1) << QString();
        QTest::newRow("error object with status 200")
            << QByteArray(R"({"error":{"code":"InternalServiceError","message":"try later"}})") << false << 0
            << qint64(0) << QStringLiteral("InternalServiceError");
        QTest::newRow("not JSON") << QByteArray("<html>gateway</html>") << false << 0 << qint64(0)
                                  << QString();
        QTest::newRow("no data") << QByteArray(R"({"model":"m"})") << false << 0 << qint64(0) << QString();
        QTest::newRow("empty data") << QByteArray(R"({"data":[]})") << false << 0 << qint64(0) << QString();
        QTest::newRow("broken base64")
            << QByteArray(R"({"data":[{"b64_json":"***"}]})") << false << 0 << qint64(0) << QString();
    }
    void parseResponse()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, images);
        QFETCH(qint64, billed);
        QFETCH(QString, errorCode);
        ImageGenerationResult result;
        ApiError error;
        QCOMPARE(ImageGenerationClient::parseResponse(body, result, error), ok);
        QCOMPARE(error.isError(), !ok);
        QCOMPARE(int(result.images.size()), images);
        if (ok)
            QCOMPARE(result.billedImages(), billed);
        QCOMPARE(error.code, errorCode);
    }

    void parsedFieldsAreKept()
    {
        ImageGenerationResult result;
        ApiError error;
        QVERIFY(ImageGenerationClient::parseResponse(
            "{\"model\":\"m-1\",\"created_at\":1746606910,\"data\":[{\"url\":\"https://x.example/"
            "a.png?X-Tos-Expires=86400\","
            R"("size":"864x1152"}],"usage":{"generated_images":1,"output_tokens":3888,"total_tokens":3888}})",
            result, error));
        QCOMPARE(result.model, QStringLiteral("m-1"));
        QCOMPARE(result.created, qint64(1746606910));
        QCOMPARE(result.images[0].url, QUrl(QStringLiteral("https://x.example/a.png?X-Tos-Expires=86400")));
        QCOMPARE(result.images[0].size, QStringLiteral("864x1152"));
        QVERIFY(result.images[0].ok());
        QVERIFY(result.usage.present);
        QCOMPARE(result.usage.generatedImages, qint64(1));
        QCOMPARE(result.usage.outputTokens, std::optional<qint64>(3888));
    }

    // ---- Over HTTP ---------------------------------------------------------------------------------

    void generateAsUrlThenDownloadWithoutKey()
    {
        ImageGenerationRequest r = request();
        r.size = QStringLiteral("1024x768");
        r.seed = 7;
        ImageGenerationCall* call = m_client->generate(r, config(), this);
        QVERIFY(waitFinished(call));
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));

        const QList<RecordedRequest> posts = requestsTo("/images/generations");
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].method, QByteArray("POST"));
        QCOMPARE(posts[0].path, QByteArray("/api/v3/images/generations"));
        QCOMPARE(posts[0].header("Authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(posts[0].header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(posts[0].body, ImageGenerationClient::buildBody(r));
        QCOMPARE(call->requestBody(), posts[0].body);
        QVERIFY(!call->requestId().isEmpty());
        // The inspector's copy of the headers never holds the key.
        for (const auto& h : call->requestHeaders())
            QVERIFY(!h.second.contains(kKey.toUtf8()));

        const ImageGenerationResult& result = call->result();
        QCOMPARE(result.model, r.model);
        QCOMPARE(int(result.images.size()), 1);
        QCOMPARE(result.images[0].size, QStringLiteral("1024x768"));
        QVERIFY(result.images[0].data.isEmpty());
        QCOMPARE(result.usage.generatedImages, qint64(1));
        QCOMPARE(result.usage.outputTokens, std::optional<qint64>(1024 * 768 / 256));
        QCOMPARE(result.billedImages(), qint64(1));
        const QUrl url = result.images[0].url;
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.path().startsWith(QLatin1String("/files/images/")));

        const QString path = m_dir.filePath(QStringLiteral("out/sub/cat.png"));
        FileDownload* download = m_client->download(url, path, this);
        QSignalSpy progress(download, &FileDownload::progress);
        QVERIFY(waitFinished(download));
        QVERIFY2(download->succeeded(), qPrintable(download->failureMessage()));
        QVERIFY(download->failureMessage().isEmpty());
        QCOMPARE(download->contentType(), QByteArray("image/png"));
        QVERIFY(!progress.isEmpty());
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(16, 12));
        QCOMPARE(download->bytesReceived(), QFileInfo(path).size());

        const QList<RecordedRequest> files = requestsTo("/files/");
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0].method, QByteArray("GET"));
        QVERIFY(!files[0].headers.isEmpty());
        QVERIFY(files[0].header("Authorization").isEmpty());
    }

    void base64ImagesAreRealPngsThatFollowTheSeed()
    {
        auto generate = [this](qint64 seed) {
            ImageGenerationRequest r = request();
            r.size = QStringLiteral("512x256");
            r.seed = seed;
            r.responseFormat = Format::Base64Json;
            ImageGenerationCall* call = m_client->generate(r, config(), this);
            const bool done = waitFinished(call);
            const QByteArray data =
                done && call->succeeded() ? call->result().images.at(0).data : QByteArray();
            delete call;
            return data;
        };
        const QByteArray a = generate(1);
        const QByteArray b = generate(1);
        const QByteArray c = generate(2);
        QVERIFY(a.startsWith("\x89PNG\r\n\x1a\n"));
        QCOMPARE(a, b);
        QVERIFY(a != c);
        QImage image;
        QVERIFY(image.loadFromData(a, "PNG"));
        QCOMPARE(image.size(), QSize(8, 4));
        QVERIFY(requestsTo("/files/").isEmpty()); // nothing to fetch: the bytes came in the answer
    }

    void errors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("size");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");

        QTest::newRow("refused key") << QStringLiteral("loopback-badkey") << QString()
                                     << int(ErrorKind::Authentication) << 401
                                     << QStringLiteral("AuthenticationError") << QString();
        QTest::newRow("moderation") << QStringLiteral("loopback-image-sensitive") << QString()
                                    << int(ErrorKind::BadRequest) << 400
                                    << QStringLiteral("OutputImageSensitiveContentDetected") << QString();
        QTest::newRow("size the server refuses")
            << QStringLiteral("doubao-seedream-3-0-t2i-250415") << QStringLiteral("32x32")
            << int(ErrorKind::BadRequest) << 400 << QStringLiteral("InvalidParameter")
            << QStringLiteral("size");
    }
    void errors()
    {
        QFETCH(QString, model);
        QFETCH(QString, size);
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, param);
        ImageGenerationRequest r = request(model);
        r.size = size;
        ImageGenerationCall* call = m_client->generate(r, config(), this);
        QVERIFY(waitFinished(call));
        QVERIFY(!call->succeeded());
        QCOMPARE(int(call->error().kind), kind);
        QCOMPARE(call->error().httpStatus, status);
        QCOMPARE(call->error().code, code);
        QCOMPARE(call->error().param, param);
        QCOMPARE(call->httpStatus(), status);
        // The same person-readable text chat shows, with the server's words in it.
        const QString message = call->error().humanMessage();
        QVERIFY2(message.contains(code), qPrintable(message));
        QVERIFY(!call->error().requestId.isEmpty());
        QCOMPARE(call->retries(), 0); // a 4xx is final
    }

    void rateLimitIsRetriedAfterTheServersDelay()
    {
        ImageGenerationCall* call =
            m_client->generate(request(QStringLiteral("loopback-ratelimit")), config(), this);
        QSignalSpy retries(call, &RestCall::retryScheduled);
        QVERIFY(waitFinished(call));
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries[0][1].toLongLong(), qint64(1000)); // Retry-After: 1
        QCOMPARE(call->retries(), 1);
        QCOMPARE(int(call->attempts().size()), 2);
        QCOMPARE(call->attempts()[0].httpStatus, 429);
        QCOMPARE(call->attempts()[1].httpStatus, 200);
        QCOMPARE(requestsTo("/images/generations").size(), 2);
    }

    void serverErrorOnPostIsNotRepeated()
    {
        // A 5xx may come after the image was made and billed: a POST is not sent twice.
        m_server->enqueue(
            "/images/generations",
            ScriptedResponse::json(500, R"({"error":{"code":"InternalServiceError","message":"boom"}})"));
        ImageGenerationCall* call = m_client->generate(request(), config(), this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().kind, ErrorKind::Server);
        QCOMPARE(call->error().code, QStringLiteral("InternalServiceError"));
        QCOMPARE(requestsTo("/images/generations").size(), 1);
    }

    void invalidRequestIsNeverSent()
    {
        ImageGenerationCall* call =
            m_client->generate(request(QStringLiteral("m"), QString()), config(), this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().kind, ErrorKind::BadRequest);
        QVERIFY(!call->error().detail.isEmpty());
        QVERIFY(m_server->requests().isEmpty());
    }

    void redirectToAnotherOriginIsRefused()
    {
        LoopbackServer other;
        QVERIFY(other.listen());
        const QByteArray target =
            QStringLiteral("http://127.0.0.1:%1/api/v3/images/generations").arg(other.port()).toUtf8();
        m_server->enqueue("/images/generations", ScriptedResponse::json(307, "{}", {{"Location", target}}));
        ImageGenerationCall* call = m_client->generate(request(), config(), this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().kind, ErrorKind::Redirected);
        QCOMPARE(call->error().httpStatus, 307);
        QVERIFY(other.requests().isEmpty()); // the key never went there
    }

    void sameOriginRedirectIsFollowedWithTheBody()
    {
        m_server->enqueue(
            "/images/generations",
            ScriptedResponse::json(308, "{}", {{"Location", "/api/v3/images/generations?moved=1"}}));
        ImageGenerationCall* call = m_client->generate(request(), config(), this);
        QVERIFY(waitFinished(call));
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        const QList<RecordedRequest> posts = requestsTo("/images/generations");
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts[1].path, QByteArray("/api/v3/images/generations?moved=1"));
        QCOMPARE(posts[1].body, posts[0].body);
        QCOMPARE(posts[1].header("Authorization"), "Bearer " + kKey.toUtf8());
    }

    void deprecationHeadersAreReported()
    {
        const QByteArray body = "{\"data\":[{\"url\":\"https://x.example/a.png\"}]}";
        m_server->enqueue(
            "/images/generations",
            ScriptedResponse::json(
                200, body, {{"Deprecation", "@1767225600"}, {"Sunset", "Wed, 01 Jul 2026 00:00:00 GMT"}}));
        ImageGenerationCall* call = m_client->generate(request(), config(), this);
        QSignalSpy signalled(call, &RestCall::deprecationSignalled);
        QVERIFY(waitFinished(call));
        QVERIFY(call->succeeded());
        QCOMPARE(signalled.size(), 1);
        QVERIFY(call->deprecation().deprecated);
        QCOMPARE(call->deprecation().sunset, QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC));
    }

    void cancelEndsAtOnceAndDeletingAborts()
    {
        ScriptedResponse stalled = ScriptedResponse::json(200, "{");
        stalled.chunked = true; // headers, then nothing: no Content-Length that would end the body
        stalled.steps = {Step::stall()};
        m_server->enqueue("/images/generations", stalled);
        ImageGenerationCall* call = m_client->generate(request(), config(), this);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() == 1, kSafety);
        QSignalSpy finished(call, &RestCall::finished);
        call->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(call->error().kind, ErrorKind::Cancelled);
        call->cancel(); // once only
        QCOMPARE(finished.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);

        m_server->enqueue("/images/generations", stalled);
        ImageGenerationCall* second = m_client->generate(request(), config(), this);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() == 2, kSafety);
        delete second; // the owner went away: the connection is closed
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);
    }

    void silentServerEndsWithIdleTimeout()
    {
        ScriptedResponse stalled = ScriptedResponse::json(200, "{");
        stalled.chunked = true; // headers, then nothing: no Content-Length that would end the body
        stalled.steps = {Step::stall()};
        m_server->enqueue("/images/generations", stalled);
        ClientConfig c = config();
        c.idleTimeoutMs = 300;
        ImageGenerationCall* call = m_client->generate(request(), c, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().kind, ErrorKind::IdleTimeout);
    }

    // ---- Downloads ---------------------------------------------------------------------------------

    void expiredLinkFailsAndLeavesNoFile()
    {
        ImageGenerationCall* call = m_client->generate(request(), config(), this);
        QVERIFY(waitFinished(call));
        QVERIFY(call->succeeded());
        m_server->expireFiles();
        const QString path = m_dir.filePath(QStringLiteral("expired.png"));
        FileDownload* download = m_client->download(call->result().images[0].url, path, this);
        QVERIFY(waitFinished(download));
        QVERIFY(!download->succeeded());
        QCOMPARE(download->error().kind, ErrorKind::NotFound);
        QCOMPARE(download->error().httpStatus, 403);
        QVERIFY2(download->failureMessage().contains(QLatin1String("no longer available")),
                 qPrintable(download->failureMessage()));
        QVERIFY2(download->error().detail.contains(QLatin1String("AccessDenied")),
                 qPrintable(download->error().detail));
        QVERIFY(!QFile::exists(path));
    }

    void failedDownloadKeepsTheExistingFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("keep.png"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("old");
        }
        FileDownload* download = m_client->download(
            QUrl(QStringLiteral("http://127.0.0.1:%1/files/missing.png").arg(m_server->port())), path, this);
        QVERIFY(waitFinished(download));
        QCOMPARE(download->error().httpStatus, 404);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old"));
    }

    void cancelledDownloadLeavesNothing()
    {
        ScriptedResponse slow;
        slow.status = 200;
        slow.headers = {{"Content-Type", "video/mp4"}};
        slow.steps = {Step::write(QByteArray(4096, 'v')), Step::stall()};
        m_server->enqueue("/files/slow.mp4", slow);
        const QString folder = m_dir.filePath(QStringLiteral("cancelled"));
        const QString path = folder + QStringLiteral("/slow.mp4");
        FileDownload* download = FileDownload::start(
            m_nam, QUrl(QStringLiteral("http://127.0.0.1:%1/files/slow.mp4").arg(m_server->port())), path,
            this);
        QTRY_VERIFY_WITH_TIMEOUT(download->bytesReceived() > 0, kSafety);
        QSignalSpy finished(download, &FileDownload::finished);
        download->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(download->error().kind, ErrorKind::Cancelled);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden),
                 QStringList()); // no temporary file either
    }

    void onlyHttpLinksAreDownloaded_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd"));
        QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://example.invalid/a.png"));
        QTest::newRow("empty") << QUrl();
    }
    void onlyHttpLinksAreDownloaded()
    {
        QFETCH(QUrl, url);
        const QString path = m_dir.filePath(QStringLiteral("never.bin"));
        FileDownload* download = m_client->download(url, path, this);
        QVERIFY(waitFinished(download));
        QCOMPARE(download->error().kind, ErrorKind::BadRequest);
        QVERIFY(!QFile::exists(path));
    }

    void downloadLargerThanTheLimitIsStopped()
    {
        ImageGenerationCall* call = m_client->generate(request(), config(), this);
        QVERIFY(waitFinished(call));
        const QString path = m_dir.filePath(QStringLiteral("big.png"));
        FileDownload* download = FileDownload::start(m_nam, call->result().images[0].url, path, this, 10);
        QVERIFY(waitFinished(download));
        QCOMPARE(download->error().kind, ErrorKind::EventTooLarge);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestImageGeneration)
#include "tst_imagegeneration.moc"
