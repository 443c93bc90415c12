// ark-workbench-cli with media, end to end: chat attachments (--image, --video), image generation and
// video tasks, through the real executable against the loopback server in this test's event loop.
#include "support/LoopbackServer.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace ark::testsupport;
using nlohmann::json;

namespace {
const QByteArray kKey = "cli-media-test-key-abcd5678";
// Loopback video models with "video" objects (loaded with the hidden --catalog).
const QString kVideoCatalog = QStringLiteral(ARK_TEST_DATA_DIR "/catalog/video-fixture.json");
constexpr int kSafety = 60000; // a safety limit, never an expectation

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray pngBytes(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

json userContent(const RecordedRequest& request)
{
    const json body = json::parse(request.body.toStdString());
    return body.at("messages").back().at("content");
}
} // namespace

class TstCliMedia : public QObject
{
    Q_OBJECT
private:
    LoopbackServer* m_server = nullptr;
    QTemporaryDir* m_dir = nullptr;

    CliRun runCli(const QStringList& args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARK_API_KEY"), QString::fromUtf8(kKey));
        env.remove(QStringLiteral("ARK_BASE_URL"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(ARK_CLI_PATH), args);
        if (!process.waitForStarted(kSafety))
            return {};
        process.closeWriteChannel();
        if (finished.isEmpty() && !finished.wait(kSafety))
            process.kill();
        CliRun run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        if (run.out.contains(kKey) || run.err.contains(kKey))
            run.exitCode = -100; // the key must never be printed
        return run;
    }

    // "{base}" in the arguments becomes the loopback base URL, "{dir}" the temporary folder.
    QStringList expand(const QStringList& args) const
    {
        QStringList out;
        for (QString arg : args) {
            arg.replace(QLatin1String("{base}"), m_server->baseUrl().toString());
            arg.replace(QLatin1String("{dir}"), m_dir->path());
            out << arg;
        }
        return out;
    }

    QString path(const QString& name) const { return m_dir->filePath(name); }

private slots:
    void init()
    {
        m_server = new LoopbackServer(this);
        QVERIFY(m_server->listen());
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
        delete m_dir;
        m_dir = nullptr;
    }

    // An image that fits goes byte for byte as a data URL, with the detail, before the text.
    void chatSendsImageBeforeText_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("detail"); // "" = no detail field expected
        QTest::newRow("no detail") << QStringList{} << QString();
        QTest::newRow("high") << QStringList{QStringLiteral("--detail"), QStringLiteral("high")}
                              << QStringLiteral("high");
        QTest::newRow("low") << QStringList{QStringLiteral("--detail"), QStringLiteral("low")}
                             << QStringLiteral("low");
    }
    void chatSendsImageBeforeText()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, detail);
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(10, 120, 200));
        const QByteArray png = pngBytes(image);
        QVERIFY(writeFile(path(QStringLiteral("photo.png")), png));

        const CliRun run = runCli(
            expand(QStringList{QStringLiteral("chat"), QStringLiteral("--base-url"), QStringLiteral("{base}"),
                               QStringLiteral("--model"), QStringLiteral("loopback-echo"),
                               QStringLiteral("--image"), QStringLiteral("{dir}/photo.png")} +
                   extra + QStringList{QStringLiteral("What colour?")}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.err.contains("note:"), run.err.constData()); // nothing to fix
        QCOMPARE(m_server->requests().size(), 1);
        const json content = userContent(m_server->requests().at(0));
        QVERIFY(content.is_array());
        QCOMPARE(content.size(), size_t(2));
        QCOMPARE(QString::fromStdString(content.at(0).at("type").get<std::string>()),
                 QStringLiteral("image_url"));
        const json& imageUrl = content.at(0).at("image_url");
        QCOMPARE(QByteArray::fromStdString(imageUrl.at("url").get<std::string>()),
                 QByteArray("data:image/png;base64,") + png.toBase64());
        if (detail.isEmpty())
            QVERIFY(!imageUrl.contains("detail"));
        else
            QCOMPARE(QString::fromStdString(imageUrl.at("detail").get<std::string>()), detail);
        QCOMPARE(QString::fromStdString(content.at(1).at("type").get<std::string>()), QStringLiteral("text"));
        QCOMPARE(QString::fromStdString(content.at(1).at("text").get<std::string>()),
                 QStringLiteral("What colour?"));
    }

    // Over the 36,000,000-pixel limit: downscaled, said on standard error, and the smaller image sent.
    // A JPEG: the preparer opens photos that big at a reduced scale (other formats that big it refuses).
    void chatDownscalesOversizedImage()
    {
        QImage image(6100, 6000, QImage::Format_Grayscale8); // 36.6 megapixels
        image.fill(128);
        QVERIFY(image.save(path(QStringLiteral("huge.jpg")), "JPEG", 80));

        const CliRun run = runCli(
            expand({QStringLiteral("chat"), QStringLiteral("--base-url"), QStringLiteral("{base}"),
                    QStringLiteral("--model"), QStringLiteral("loopback-echo"), QStringLiteral("--image"),
                    QStringLiteral("{dir}/huge.jpg"), QStringLiteral("Describe it")}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.startsWith("note: huge.jpg: "), run.err.constData());
        QCOMPARE(m_server->requests().size(), 1);
        const json content = userContent(m_server->requests().at(0));
        const QByteArray url =
            QByteArray::fromStdString(content.at(0).at("image_url").at("url").get<std::string>());
        const int comma = url.indexOf(',');
        QVERIFY(url.startsWith("data:image/"));
        QImage sent;
        QVERIFY(sent.loadFromData(QByteArray::fromBase64(url.mid(comma + 1))));
        QVERIFY(qint64(sent.width()) * sent.height() <= 36000000);
        QVERIFY(sent.width() < 6100);
    }

    // A video is sent as a data URL with the fps asked for.
    void chatSendsVideoWithFps()
    {
        QVERIFY(writeFile(path(QStringLiteral("clip.mp4")), sampleVideo()));
        const CliRun run =
            runCli(expand({QStringLiteral("chat"), QStringLiteral("--base-url"), QStringLiteral("{base}"),
                           QStringLiteral("--model"), QStringLiteral("loopback-echo"),
                           QStringLiteral("--video"), QStringLiteral("{dir}/clip.mp4"),
                           QStringLiteral("--fps"), QStringLiteral("2"), QStringLiteral("What happens?")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(m_server->requests().size(), 1);
        const json content = userContent(m_server->requests().at(0));
        QCOMPARE(QString::fromStdString(content.at(0).at("type").get<std::string>()),
                 QStringLiteral("video_url"));
        QCOMPARE(QByteArray::fromStdString(content.at(0).at("video_url").at("url").get<std::string>()),
                 QByteArray("data:video/mp4;base64,") + sampleVideo().toBase64());
        QCOMPARE(content.at(0).at("video_url").at("fps").get<double>(), 2.0);
        QCOMPARE(QString::fromStdString(content.at(1).at("text").get<std::string>()),
                 QStringLiteral("What happens?"));
    }

    // Mistakes found before any request: exit 2, a message, nothing sent.
    void refusedBeforeSending_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QString base = QStringLiteral("{base}");
        QTest::newRow("corrupt image") << QStringList{QStringLiteral("chat"),
                                                      QStringLiteral("--base-url"),
                                                      base,
                                                      QStringLiteral("--model"),
                                                      QStringLiteral("loopback-echo"),
                                                      QStringLiteral("--image"),
                                                      QStringLiteral("{dir}/broken.png"),
                                                      QStringLiteral("Hi")}
                                       << QByteArray("broken.png");
        QTest::newRow("bad detail") << QStringList{QStringLiteral("chat"),
                                                   QStringLiteral("--base-url"),
                                                   base,
                                                   QStringLiteral("--model"),
                                                   QStringLiteral("loopback-echo"),
                                                   QStringLiteral("--image"),
                                                   QStringLiteral("{dir}/ok.png"),
                                                   QStringLiteral("--detail"),
                                                   QStringLiteral("medium"),
                                                   QStringLiteral("Hi")}
                                    << QByteArray("--detail");
        QTest::newRow("fps out of range") << QStringList{QStringLiteral("chat"),
                                                         QStringLiteral("--base-url"),
                                                         base,
                                                         QStringLiteral("--model"),
                                                         QStringLiteral("loopback-echo"),
                                                         QStringLiteral("--video"),
                                                         QStringLiteral("{dir}/ok.png"),
                                                         QStringLiteral("--fps"),
                                                         QStringLiteral("9"),
                                                         QStringLiteral("Hi")}
                                          << QByteArray("--fps");
        QTest::newRow("image without -o") << QStringList{QStringLiteral("image"),
                                                         QStringLiteral("--base-url"),
                                                         base,
                                                         QStringLiteral("--model"),
                                                         QStringLiteral("loopback-image"),
                                                         QStringLiteral("A cat")}
                                          << QByteArray("-o FILE is required");
        QTest::newRow("video without -o") << QStringList{QStringLiteral("video"),
                                                         QStringLiteral("--base-url"),
                                                         base,
                                                         QStringLiteral("--model"),
                                                         QStringLiteral("loopback-video-q2r1"),
                                                         QStringLiteral("A cat")}
                                          << QByteArray("-o FILE is required");
        QTest::newRow("image without model")
            << QStringList{QStringLiteral("image"), QStringLiteral("--base-url"),    base,
                           QStringLiteral("-o"),    QStringLiteral("{dir}/out.png"), QStringLiteral("A cat")}
            << QByteArray("--model is required");
        QTest::newRow("bad watermark") << QStringList{QStringLiteral("image"),
                                                      QStringLiteral("--base-url"),
                                                      base,
                                                      QStringLiteral("--model"),
                                                      QStringLiteral("loopback-image"),
                                                      QStringLiteral("-o"),
                                                      QStringLiteral("{dir}/out.png"),
                                                      QStringLiteral("--watermark"),
                                                      QStringLiteral("maybe"),
                                                      QStringLiteral("A cat")}
                                       << QByteArray("--watermark");
        QTest::newRow("last frame alone") << QStringList{QStringLiteral("video"),
                                                         QStringLiteral("--base-url"),
                                                         base,
                                                         QStringLiteral("--model"),
                                                         QStringLiteral("loopback-video-q2r1"),
                                                         QStringLiteral("-o"),
                                                         QStringLiteral("{dir}/out.mp4"),
                                                         QStringLiteral("--last-frame"),
                                                         QStringLiteral("{dir}/ok.png"),
                                                         QStringLiteral("A cat")}
                                          << QByteArray("--first-frame");
    }
    void refusedBeforeSending()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        QVERIFY(
            writeFile(path(QStringLiteral("broken.png")), QByteArray("\x89PNG\r\n\x1a\n this is not a PNG")));
        QImage image(32, 32, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY(writeFile(path(QStringLiteral("ok.png")), pngBytes(image)));

        const CliRun run = runCli(expand(args));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(m_server->requests().isEmpty());
        QVERIFY(!QFile::exists(path(QStringLiteral("out.png"))));
    }

    // --first-frame/--last-frame against what the catalog says the model accepts, the same capabilities
    // the video pane offers: exit 2, naming the model and what it takes, before any request.
    void framesCheckedAgainstTheCatalog_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QString first = QStringLiteral("--first-frame");
        const QString last = QStringLiteral("--last-frame");
        const QString frame = QStringLiteral("{dir}/frame.png");
        // Bundled catalog: Seedance pro makes videos from text or a first frame (seed L18655-18656).
        QTest::newRow("last frame for seedance pro")
            << QStringList{QStringLiteral("--model"),
                           QStringLiteral("doubao-seedance-1-0-pro-250528"),
                           first,
                           frame,
                           last,
                           frame}
            << QByteArray(
                   "error: doubao-seedance-1-0-pro-250528 takes no last frame; it accepts a prompt or a "
                   "first frame");
        QTest::newRow("docs spelling, named as the catalog names it")
            << QStringList{QStringLiteral("--model"),
                           QStringLiteral("doubao-Seedance-1.0-pro-250528"),
                           first,
                           frame,
                           last,
                           frame}
            << QByteArray("error: doubao-seedance-1-0-pro-250528 takes no last frame");
        // Lite t2v: text only (L18660), and no image input in the capabilities.
        QTest::newRow("first frame for seedance lite t2v")
            << QStringList{QStringLiteral("--model"), QStringLiteral("doubao-seedance-1-0-lite-t2v-250428"),
                           first, frame}
            << QByteArray(
                   "error: doubao-seedance-1-0-lite-t2v-250428 takes no first frame; it accepts a prompt "
                   "(model catalog)");
        // flf2v: first and last frame only (L18679).
        QTest::newRow("flf2v without a last frame")
            << QStringList{QStringLiteral("--model"), QStringLiteral("wan2-1-14b-flf2v-250417"), first, frame}
            << QByteArray("error: wan2-1-14b-flf2v-250417 needs --first-frame and --last-frame; it accepts a "
                          "first and a last frame only");
        // wan i2v: from a first frame only (L18674).
        QTest::newRow("wan i2v from text")
            << QStringList{QStringLiteral("--model"), QStringLiteral("wan2-1-14b-i2v-250225")}
            << QByteArray(
                   "error: wan2-1-14b-i2v-250225 makes videos from an image: give --first-frame FILE; it "
                   "accepts a first frame (model catalog)");
        // A catalog given with --catalog: its loopback model takes no last frame.
        QTest::newRow("catalog file")
            << QStringList{QStringLiteral("--catalog"),
                           kVideoCatalog,
                           QStringLiteral("--model"),
                           QStringLiteral("loopback-video-q1r1"),
                           first,
                           frame,
                           last,
                           frame}
            << QByteArray(
                   "error: loopback-video-q1r1 takes no last frame; it accepts a prompt or a first frame");
        QTest::newRow("unreadable catalog file")
            << QStringList{QStringLiteral("--catalog"), QStringLiteral("{dir}/missing.json"),
                           QStringLiteral("--model"), QStringLiteral("loopback-video-q1r1")}
            << QByteArray("cannot read the catalog");
    }
    void framesCheckedAgainstTheCatalog()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        QImage image(640, 360, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(writeFile(path(QStringLiteral("frame.png")), pngBytes(image)));
        const CliRun run = runCli(expand(QStringList{QStringLiteral("video"), QStringLiteral("--base-url"),
                                                     QStringLiteral("{base}"), QStringLiteral("-o"),
                                                     QStringLiteral("{dir}/out.mp4")} +
                                         args + QStringList{QStringLiteral("A heron lands")}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(m_server->requests().isEmpty());
        QVERIFY(!QFile::exists(path(QStringLiteral("out.mp4"))));
    }

    // What the catalog allows goes through: a first and a last frame for a model that takes both, and a
    // value the catalog does not list is sent with a note (the server decides, seed L27406).
    void framesTheCatalogAllowsAreSent()
    {
        QImage image(640, 360, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(writeFile(path(QStringLiteral("frame.png")), pngBytes(image)));
        const QString out = path(QStringLiteral("clip.mp4"));
        const CliRun run = runCli(expand(
            {QStringLiteral("video"), QStringLiteral("--base-url"), QStringLiteral("{base}"),
             QStringLiteral("--catalog"), kVideoCatalog, QStringLiteral("--model"),
             QStringLiteral("loopback-video-q0r1"), QStringLiteral("-o"), out,
             QStringLiteral("--first-frame"), QStringLiteral("{dir}/frame.png"),
             QStringLiteral("--last-frame"), QStringLiteral("{dir}/frame.png"), QStringLiteral("--fps"),
             QStringLiteral("24"), QStringLiteral("--poll-interval-ms"), QStringLiteral("50")}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(readFile(out), sampleVideo());
        QVERIFY2(
            run.err.contains("note: the catalog lists no --fps 24 for loopback-video-q0r1 (it lists 16)"),
            run.err.constData());
        const json create = json::parse(m_server->requests().at(0).body.toStdString());
        const json content = create.at("content");
        QCOMPARE(int(content.size()), 3);
        QCOMPARE(QString::fromStdString(content.at(1).at("role").get<std::string>()),
                 QStringLiteral("first_frame"));
        QCOMPARE(QString::fromStdString(content.at(2).at("role").get<std::string>()),
                 QStringLiteral("last_frame"));
        QVERIFY(content.at(0).at("text").get<std::string>().find("--fps 24") != std::string::npos);
    }

    void imageGenerationWritesPng_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QSize>("pixels"); // the loopback's PNG is (W/64)x(H/64)
        QTest::addColumn<QString>("size");
        QTest::newRow("default size") << QStringList{} << QSize(16, 16) << QStringLiteral("1024x1024");
        QTest::newRow("512x256 seeded")
            << QStringList{QStringLiteral("--size"),           QStringLiteral("512x256"),
                           QStringLiteral("--seed"),           QStringLiteral("7"),
                           QStringLiteral("--watermark"),      QStringLiteral("false"),
                           QStringLiteral("--guidance-scale"), QStringLiteral("3.5")}
            << QSize(8, 4) << QStringLiteral("512x256");
    }
    void imageGenerationWritesPng()
    {
        QFETCH(QStringList, extra);
        QFETCH(QSize, pixels);
        QFETCH(QString, size);
        const QString out = path(QStringLiteral("sub/cat.png"));
        const CliRun run = runCli(expand(QStringList{QStringLiteral("image"), QStringLiteral("--base-url"),
                                                     QStringLiteral("{base}"), QStringLiteral("--model"),
                                                     QStringLiteral("loopback-image"), QStringLiteral("-o"),
                                                     out, QStringLiteral("--json")} +
                                         extra + QStringList{QStringLiteral("A cat")}));
        QCOMPARE(run.exitCode, 0);
        const QByteArray file = readFile(out);
        QVERIFY(file.startsWith("\x89PNG\r\n\x1a\n"));
        QImage image;
        QVERIFY(image.loadFromData(file));
        QCOMPARE(image.size(), pixels);

        const json j = json::parse(run.out.toStdString());
        QCOMPARE(QString::fromStdString(j.at("model").get<std::string>()), QStringLiteral("loopback-image"));
        QCOMPARE(QString::fromStdString(j.at("file").get<std::string>()), QFileInfo(out).absoluteFilePath());
        QCOMPARE(QString::fromStdString(j.at("size").get<std::string>()), size);
        QCOMPARE(j.at("usage").at("generated_images").get<int>(), 1);
        QCOMPARE(j.at("usage").at("output_tokens").get<qint64>(),
                 qint64(pixels.width()) * 64 * pixels.height() * 64 / 256);

        const json body = json::parse(m_server->requests().at(0).body.toStdString());
        QCOMPARE(QString::fromStdString(body.at("prompt").get<std::string>()), QStringLiteral("A cat"));
        if (!extra.isEmpty()) {
            QCOMPARE(body.at("seed").get<int>(), 7);
            QCOMPARE(body.at("watermark").get<bool>(), false);
            QCOMPARE(body.at("guidance_scale").get<double>(), 3.5);
        }
    }

    // queued, queued, running, succeeded: progress on standard error, the sample MP4 on disk.
    void videoTaskDownloadsMp4()
    {
        const QString out = path(QStringLiteral("clip.mp4"));
        const CliRun run = runCli(
            expand({QStringLiteral("video"), QStringLiteral("--base-url"), QStringLiteral("{base}"),
                    QStringLiteral("--model"), QStringLiteral("loopback-video-q2r1"), QStringLiteral("-o"),
                    out, QStringLiteral("--resolution"), QStringLiteral("720p"), QStringLiteral("--ratio"),
                    QStringLiteral("16:9"), QStringLiteral("--poll-interval-ms"), QStringLiteral("50"),
                    QStringLiteral("--json"), QStringLiteral("A cat walks")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(readFile(out), sampleVideo());
        const qsizetype queued = run.err.indexOf("queued");
        const qsizetype running = run.err.indexOf("running");
        const qsizetype downloading = run.err.indexOf("succeeded, downloading");
        QVERIFY2(queued >= 0 && queued < running && running < downloading, run.err.constData());

        const json j = json::parse(run.out.toStdString());
        QVERIFY(QString::fromStdString(j.at("task_id").get<std::string>()).startsWith(QLatin1String("cgt-")));
        QCOMPARE(QString::fromStdString(j.at("status").get<std::string>()), QStringLiteral("succeeded"));
        QCOMPARE(QString::fromStdString(j.at("file").get<std::string>()), QFileInfo(out).absoluteFilePath());
        QVERIFY(j.at("usage").at("completion_tokens").get<qint64>() > 0);
        const json create = json::parse(m_server->requests().at(0).body.toStdString());
        const std::string text = create.at("content").at(0).at("text").get<std::string>();
        QVERIFY(text.find("--rs 720p") != std::string::npos);
    }

    // The API refuses: exit 3 and the reason on standard error; nothing written.
    void refusedByTheApi_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("video task fails") << QStringList{QStringLiteral("video"),
                                                         QStringLiteral("--model"),
                                                         QStringLiteral("loopback-video-fail"),
                                                         QStringLiteral("--poll-interval-ms"),
                                                         QStringLiteral("50"),
                                                         QStringLiteral("A cat")}
                                          << QByteArray("OutputVideoSensitiveContentDetected");
        QTest::newRow("sensitive image")
            << QStringList{QStringLiteral("image"), QStringLiteral("--model"),
                           QStringLiteral("loopback-image-sensitive"), QStringLiteral("A cat")}
            << QByteArray("error: ");
        QTest::newRow("bad key") << QStringList{QStringLiteral("image"), QStringLiteral("--model"),
                                                QStringLiteral("loopback-badkey"), QStringLiteral("A cat")}
                                 << QByteArray("error: ");
    }
    void refusedByTheApi()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const QString out = path(QStringLiteral("result.bin"));
        const CliRun run = runCli(QStringList{args.first(), QStringLiteral("--base-url"),
                                              m_server->baseUrl().toString(), QStringLiteral("-o"), out} +
                                  args.mid(1));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TstCliMedia)
#include "tst_cli_media.moc"
