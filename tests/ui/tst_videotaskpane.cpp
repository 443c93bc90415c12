// The video task pane against the loopback server's task state machine over real HTTP on 127.0.0.1,
// with a real SQLite file and short poll intervals: create -> queued -> running -> succeeded, the video
// downloaded into a temporary folder at once, then Play; the create body asserted (commands and frames);
// the options are the catalog's (change a video object and the form follows); cancel and delete reach
// the server; a new pane over the same database file resumes polling after a "restart"; failures are
// shown inline.
#include "api/VideoTaskClient.h"
#include "catalog/Catalog.h"
#include "media/VideoTaskPane.h"
#include "store/Database.h"
#include "store/VideoTaskStore.h"
#include "support/LoopbackServer.h"

#include <QComboBox>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using ark::catalog::VideoCapabilities;
using ark::models::VideoTaskListModel;
using ark::testsupport::LoopbackServer;
using ark::testsupport::RecordedRequest;
using ark::ui::VideoTaskPane;

namespace {

const QString kKey = QStringLiteral("test-key-videopane-93ab");
constexpr int kSafetyMs = 20000;

// Three documented models with their "video" objects as the bundled catalog has them (seed 003
// L18642-18837), and a loopback one (its name picks the server's state machine) without one, so it is
// offered every documented value; priced like Seedance (15 CNY per million video tokens). "%PRO_VIDEO%"
// is replaced by Seedance pro's video object, so a test can change it and watch the pane follow.
const char* kCatalogTemplate = R"json({
  "schema_version": 1, "version": "2025-01-01.1",
  "providers": [ { "id": "volcengine-ark", "display_name": "Volcengine Ark", "currency": "CNY",
                   "default_base_url": "", "date_utc_offset": "+08:00" } ],
  "models": [
    { "id": "doubao-seedance-1-0-pro-250528", "provider": "volcengine-ark", "kind": "video-generation",
      "capabilities": { "text_input": true, "image_input": true },
      "video": %PRO_VIDEO%,
      "pricing": { "currency": "CNY", "tiers": [ { "condition": "", "input": 0, "output": 15.0 } ] },
      "lifecycle": {} },
    { "id": "doubao-seedance-1-0-lite-t2v-250428", "provider": "volcengine-ark", "kind": "video-generation",
      "capabilities": { "text_input": true, "image_input": false },
      "video": { "text_to_video": true, "first_frame": false, "last_frame": false, "needs_last_frame": false,
                 "resolutions": ["480p", "720p", "1080p"], "ratios": ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16"],
                 "durations": [5, 10], "fps": [24], "camera_fixed": true, "watermark": true, "seed": true },
      "pricing": { "currency": "CNY", "tiers": [ { "condition": "", "input": 0, "output": 10.0 } ] },
      "lifecycle": {} },
    { "id": "wan2-1-14b-flf2v-250417", "provider": "volcengine-ark", "kind": "video-generation",
      "capabilities": { "text_input": true, "image_input": true },
      "video": { "text_to_video": false, "first_frame": true, "last_frame": true, "needs_last_frame": true,
                 "resolutions": ["720p"], "ratios": ["keep_ratio"], "image_ratios": ["keep_ratio"],
                 "durations": [5], "fps": [16], "camera_fixed": false, "watermark": true, "seed": true },
      "lifecycle": {} },
    { "id": "loopback-video-q1r1", "provider": "volcengine-ark", "kind": "video-generation",
      "capabilities": { "text_input": true, "image_input": true },
      "pricing": { "currency": "CNY", "tiers": [ { "condition": "", "input": 0, "output": 15.0 } ] },
      "lifecycle": {} },
    { "id": "loopback-video-textonly", "provider": "volcengine-ark", "kind": "video-generation",
      "capabilities": { "text_input": true, "image_input": false }, "lifecycle": {} } ] })json";

// Seedance pro as the bundled catalog describes it (L18655-18658, L18718-18762, L18820-18837).
const char* kProVideo = R"json({ "text_to_video": true, "first_frame": true, "last_frame": false,
      "needs_last_frame": false, "resolutions": ["480p", "720p", "1080p"],
      "ratios": ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16"],
      "image_ratios": ["21:9", "16:9", "4:3", "1:1", "3:4", "9:16", "adaptive"],
      "durations": [5, 10], "fps": [24], "camera_fixed": true, "watermark": true, "seed": true })json";

QByteArray catalogJson(const QByteArray& proVideo = kProVideo)
{
    return QByteArray(kCatalogTemplate).replace("%PRO_VIDEO%", proVideo);
}

QList<RecordedRequest> requestsTo(const LoopbackServer& server, const QByteArray& method,
                                  const QByteArray& pathPart)
{
    QList<RecordedRequest> found;
    for (const RecordedRequest& r : server.requests())
        if (r.method == method && r.path.contains(pathPart))
            found << r;
    return found;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList comboValues(const QComboBox* box)
{
    QStringList values;
    for (int i = 0; i < box->count(); ++i)
        if (box->itemData(i).isValid())
            values << box->itemData(i).toString();
    return values;
}

} // namespace

class TstVideotaskpane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void optionsComeFromTheCatalog_data();
    void optionsComeFromTheCatalog();
    void formFollowsTheModel();
    void formFollowsAChangedCatalog();
    void createRunsToSucceededDownloadsAndPlays();
    void firstFrameSentAsDataUrl();
    void badFrameExplainedNothingSent_data();
    void badFrameExplainedNothingSent();
    void frameLimits_data();
    void frameLimits();
    void unreadableFrames();
    void createErrorShownInline();
    void failedTaskShowsItsError();
    void cancelQueuedTask();
    void restartResumesPolling();
    void noPollingWithoutAKey();
    void refusedPollStopsUntilNewKey();
    void expiredLinkNoted();

private:
    VideoTaskPane* makePane(bool withKey = true);
    QString createAndWait(VideoTaskPane* pane, const QString& model, const QString& prompt);
    void shortPolls(VideoTaskPane* pane);
    QString writeImage(const QString& name, QSize size, const char* format = "PNG");

    std::shared_ptr<const ark::catalog::Catalog> m_catalog;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ark::api::VideoTaskClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ark::store::Database> m_db;
    std::unique_ptr<ark::store::VideoTaskStore> m_store;
    QString m_dbPath;
    QString m_videos;
    std::vector<VideoTaskPane*> m_panes;
};

void TstVideotaskpane::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStringList problems;
    m_catalog = ark::catalog::Catalog::fromJson(catalogJson(), &problems);
    QVERIFY(m_catalog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TstVideotaskpane::init()
{
    m_server = std::make_unique<LoopbackServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ark::api::VideoTaskClient>(m_nam.get());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dbPath = m_dir->filePath(QStringLiteral("conversations.sqlite3"));
    m_videos = m_dir->filePath(QStringLiteral("videos"));
    m_db = std::make_unique<ark::store::Database>();
    QString error;
    QVERIFY2(m_db->open(m_dbPath, &error), qPrintable(error));
    m_store = std::make_unique<ark::store::VideoTaskStore>(*m_db);
}

void TstVideotaskpane::cleanup()
{
    for (VideoTaskPane* pane : m_panes)
        delete pane;
    m_panes.clear();
    m_store.reset();
    m_db.reset();
    m_client.reset();
    m_nam.reset();
    m_server.reset();
    m_dir.reset();
}

VideoTaskPane* TstVideotaskpane::makePane(bool withKey)
{
    auto* pane = new VideoTaskPane(m_client.get(), m_store.get(), m_catalog);
    m_panes.push_back(pane);
    shortPolls(pane);
    pane->setDownloadFolder(m_videos);
    if (withKey)
        pane->setEndpoint(m_server->baseUrl(), kKey);
    pane->listModel()->setTicking(false);
    pane->resize(760, 820);
    pane->show();
    return pane;
}

void TstVideotaskpane::shortPolls(VideoTaskPane* pane)
{
    ark::api::VideoTaskPoller::Schedule schedule;
    schedule.initialMs = 20;
    schedule.maxMs = 80;
    schedule.factor = 1.5;
    schedule.resumeSpacingMs = 5;
    pane->setPollSchedule(schedule);
}

QString TstVideotaskpane::createAndWait(VideoTaskPane* pane, const QString& model, const QString& prompt)
{
    pane->setModel(model);
    pane->setPrompt(prompt);
    QSignalSpy created(pane, &VideoTaskPane::taskCreated);
    pane->createTask();
    if (!created.wait(kSafetyMs))
        return {};
    return created.first().at(0).toString();
}

QString TstVideotaskpane::writeImage(const QString& name, QSize size, const char* format)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    const QString path = m_dir->filePath(name);
    return image.save(path, format) ? path : QString();
}

// The pane's options are the catalog's: the model's "video" object, else (no object, an endpoint id, a
// model the catalog does not list) every documented value; without image input, no frames.
void TstVideotaskpane::optionsComeFromTheCatalog_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("described");
    QTest::addColumn<bool>("imageInput");
    QTest::newRow("seedance pro") << "doubao-seedance-1-0-pro-250528" << true << true;
    QTest::newRow("seedance pro, docs spelling") << "doubao-seedance-1.0-pro-250528" << true << true;
    QTest::newRow("seedance lite t2v") << "doubao-seedance-1-0-lite-t2v-250428" << true << false;
    QTest::newRow("wan flf2v") << "wan2-1-14b-flf2v-250417" << true << true;
    QTest::newRow("catalog model without a video object") << "loopback-video-q1r1" << false << true;
    QTest::newRow("without a video object or image input") << "loopback-video-textonly" << false << false;
    QTest::newRow("endpoint id") << "ep-20250101-video" << false << true;
    // In the bundled catalog, but not in the pane's: the pane asks its own catalog only.
    QTest::newRow("not in this catalog") << "doubao-seaweed-241128" << false << true;
}

void TstVideotaskpane::optionsComeFromTheCatalog()
{
    QFETCH(QString, model);
    QFETCH(bool, described);
    QFETCH(bool, imageInput);
    VideoTaskPane* pane = makePane();
    pane->setModel(model);
    const ark::catalog::ModelInfo* info = m_catalog->find(model);
    VideoCapabilities expected = described ? *info->video : VideoCapabilities::documentedDefaults();
    if (!imageInput) {
        expected.firstFrame = expected.lastFrame = expected.needsLastFrame = false;
        expected.textToVideo = true;
    }
    QCOMPARE(pane->currentOptions(), expected);
    QCOMPARE(pane->currentOptions().known, described);

    // The form offers exactly those values.
    QCOMPARE(pane->isOptionOffered(pane->firstFrameRow()), expected.firstFrame);
    QCOMPARE(pane->isOptionOffered(pane->lastFrameRow()), expected.lastFrame);
    QCOMPARE(pane->isOptionOffered(pane->cameraFixedBox()), expected.cameraFixed);
    QCOMPARE(comboValues(pane->resolutionBox()), expected.resolutionsFor(false, false));
    QCOMPARE(comboValues(pane->ratioBox()), expected.ratiosFor(false));
    QStringList durations;
    for (int d : expected.durationsFor(false))
        durations << QString::number(d);
    QCOMPARE(comboValues(pane->durationBox()), durations);
    QStringList fps;
    for (int f : expected.fps)
        fps << QString::number(f);
    QCOMPARE(comboValues(pane->fpsBox()), fps);
}

// Change a model's "video" object in the catalog and the pane follows: its values come from there.
void TstVideotaskpane::formFollowsAChangedCatalog()
{
    VideoTaskPane* pane = makePane();
    pane->setModel(QStringLiteral("doubao-seedance-1-0-pro-250528"));
    QCOMPARE(comboValues(pane->fpsBox()), QStringList{QStringLiteral("24")});
    QVERIFY(!pane->isOptionOffered(pane->lastFrameRow()));

    const QByteArray changed = R"json({ "text_to_video": true, "first_frame": true, "last_frame": true,
      "resolutions": ["1080p"], "last_frame_resolutions": ["720p"], "ratios": ["1:1"],
      "durations": [12], "image_durations": [4], "fps": [30], "camera_fixed": false,
      "watermark": false, "seed": true })json";
    QStringList problems;
    const auto catalog = ark::catalog::Catalog::fromJson(catalogJson(changed), &problems);
    QVERIFY(catalog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    pane->setCatalog(catalog);
    QCOMPARE(pane->model(), QStringLiteral("doubao-seedance-1-0-pro-250528"));
    QCOMPARE(comboValues(pane->fpsBox()), QStringList{QStringLiteral("30")});
    QCOMPARE(comboValues(pane->durationBox()), QStringList{QStringLiteral("12")});
    QCOMPARE(comboValues(pane->resolutionBox()), QStringList{QStringLiteral("1080p")});
    QCOMPARE(comboValues(pane->ratioBox()), QStringList{QStringLiteral("1:1")});
    QVERIFY(pane->isOptionOffered(pane->lastFrameRow()));
    QVERIFY(!pane->isOptionOffered(pane->cameraFixedBox()));
    QVERIFY(!pane->isOptionOffered(pane->watermarkBox()));
    QVERIFY(pane->isOptionOffered(pane->seedEdit()));
    // A watermark choice left over is never sent to a model that takes none.
    pane->watermarkBox()->setCurrentIndex(pane->watermarkBox()->findData(true));
    QVERIFY(!pane->currentParams().watermark);

    // With both frames, the catalog's first + last values apply.
    pane->setFirstFramePath(writeImage(QStringLiteral("a.png"), QSize(640, 360)));
    QCOMPARE(comboValues(pane->durationBox()), QStringList{QStringLiteral("4")});
    pane->setLastFramePath(writeImage(QStringLiteral("b.png"), QSize(640, 360)));
    QCOMPARE(comboValues(pane->resolutionBox()), QStringList{QStringLiteral("720p")});
    pane->setFirstFramePath(QString());

    // And back.
    pane->setCatalog(m_catalog);
    QCOMPARE(comboValues(pane->fpsBox()), QStringList{QStringLiteral("24")});
    QCOMPARE(comboValues(pane->durationBox()), (QStringList{QStringLiteral("5"), QStringLiteral("10")}));
    QVERIFY(!pane->isOptionOffered(pane->lastFrameRow()));
}

void TstVideotaskpane::formFollowsTheModel()
{
    VideoTaskPane* pane = makePane();
    QStringList listed;
    for (int i = 0; i < pane->modelBox()->count(); ++i)
        listed << pane->modelBox()->itemData(i).toString();
    QCOMPARE(listed.size(), 5);

    pane->setModel(QStringLiteral("doubao-seedance-1-0-pro-250528"));
    QVERIFY(pane->isOptionOffered(pane->firstFrameRow()));
    QVERIFY(!pane->isOptionOffered(pane->lastFrameRow()));
    QVERIFY(pane->isOptionOffered(pane->cameraFixedBox()));
    QCOMPARE(comboValues(pane->fpsBox()), QStringList{QStringLiteral("24")});
    QCOMPARE(comboValues(pane->durationBox()), (QStringList{QStringLiteral("5"), QStringLiteral("10")}));
    QVERIFY(!comboValues(pane->ratioBox()).contains(QStringLiteral("adaptive"))); // from text
    // With a first frame the image ratios apply.
    const QString frame = writeImage(QStringLiteral("frame.png"), QSize(640, 360));
    pane->setFirstFramePath(frame);
    QVERIFY(comboValues(pane->ratioBox()).contains(QStringLiteral("adaptive")));
    pane->setFirstFramePath(QString());

    pane->setModel(QStringLiteral("doubao-seedance-1-0-lite-t2v-250428")); // catalog: no image input
    QVERIFY(!pane->isOptionOffered(pane->firstFrameRow()));
    QVERIFY(!pane->isOptionOffered(pane->lastFrameRow()));

    pane->setModel(QStringLiteral("wan2-1-14b-flf2v-250417"));
    QVERIFY(pane->isOptionOffered(pane->firstFrameRow()));
    QVERIFY(pane->isOptionOffered(pane->lastFrameRow()));
    QVERIFY(!pane->isOptionOffered(pane->cameraFixedBox()));
    QCOMPARE(comboValues(pane->resolutionBox()), QStringList{QStringLiteral("720p")});
    QCOMPARE(comboValues(pane->fpsBox()), QStringList{QStringLiteral("16")});
    QCOMPARE(comboValues(pane->ratioBox()), QStringList{QStringLiteral("keep_ratio")});
    // A camera-fixed choice left over from another model is never sent.
    pane->cameraFixedBox()->setCurrentIndex(pane->cameraFixedBox()->findData(true));
    QVERIFY(!pane->currentParams().cameraFixed);
    // It needs both frames.
    pane->setPrompt(QStringLiteral("a bird takes off"));
    pane->createTask();
    QVERIFY(pane->errorCard()->isVisible());
    QVERIFY(pane->errorCard()->message().contains(QStringLiteral("first and a last frame")));
    pane->grab().save(QStringLiteral("/tmp/genui-videopane-flf2v.png"));
    QVERIFY(m_server->requests().isEmpty());
}

void TstVideotaskpane::createRunsToSucceededDownloadsAndPlays()
{
    VideoTaskPane* pane = makePane();
    pane->setModel(QStringLiteral("loopback-video-q1r1"));
    pane->setPrompt(QStringLiteral("a red kite over the sea"));
    pane->ratioBox()->setCurrentIndex(pane->ratioBox()->findData(QStringLiteral("16:9")));
    pane->resolutionBox()->setCurrentIndex(pane->resolutionBox()->findData(QStringLiteral("720p")));
    pane->durationBox()->setCurrentIndex(pane->durationBox()->findData(5));
    pane->fpsBox()->setCurrentIndex(pane->fpsBox()->findData(24));
    pane->seedEdit()->setText(QStringLiteral("7"));
    pane->watermarkBox()->setCurrentIndex(pane->watermarkBox()->findData(false));
    pane->cameraFixedBox()->setCurrentIndex(pane->cameraFixedBox()->findData(false));

    QStringList statuses;
    connect(pane->listModel(), &VideoTaskListModel::taskChanged, this, [&](const QString& id) {
        const QString status = pane->listModel()->recordFor(id)->status;
        if (statuses.isEmpty() || statuses.last() != status)
            statuses << status;
    });
    QSignalSpy created(pane, &VideoTaskPane::taskCreated);
    QSignalSpy downloaded(pane, &VideoTaskPane::videoDownloaded);
    QTest::mouseClick(pane->createButton(), Qt::LeftButton);
    QVERIFY(pane->isCreating());
    QVERIFY(created.wait(kSafetyMs));
    const QString id = created.first().at(0).toString();
    QVERIFY(id.startsWith(QStringLiteral("cgt-")));

    // Stored at once, as queued, with the parameters; selected in the list.
    const auto stored = m_store->find(id);
    QVERIFY(stored);
    QCOMPARE(stored->model, QStringLiteral("loopback-video-q1r1"));
    QCOMPARE(stored->prompt, QStringLiteral("a red kite over the sea"));
    QCOMPARE(QJsonDocument::fromJson(stored->paramsJson).object(),
             QJsonObject({{QStringLiteral("resolution"), QStringLiteral("720p")},
                          {QStringLiteral("ratio"), QStringLiteral("16:9")},
                          {QStringLiteral("duration"), 5},
                          {QStringLiteral("fps"), 24},
                          {QStringLiteral("watermark"), false},
                          {QStringLiteral("seed"), 7},
                          {QStringLiteral("camerafixed"), false}}));
    QCOMPARE(pane->selectedTaskId(), id);

    // The create request: the documented path and body, the commands appended to the text.
    const auto posts = requestsTo(*m_server, "POST", "/contents/generations/tasks");
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().path, QByteArray("/api/v3/contents/generations/tasks"));
    QCOMPARE(posts.first().header("Authorization"), QByteArray("Bearer ") + kKey.toUtf8());
    QCOMPARE(posts.first().body,
             QByteArray(
                 R"({"model":"loopback-video-q1r1","content":[{"type":"text","text":"a red kite over the sea)"
                 R"( --rs 720p --rt 16:9 --dur 5 --fps 24 --wm false --seed 7 --cf false"}]})"));

    // queued -> running -> succeeded, then the download, at once.
    QVERIFY(downloaded.wait(kSafetyMs));
    QCOMPARE(statuses,
             (QStringList{QStringLiteral("queued"), QStringLiteral("running"), QStringLiteral("succeeded")}));
    QCOMPARE(downloaded.first().at(0).toString(), id);
    const QString path = downloaded.first().at(1).toString();
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(m_videos).absoluteFilePath());
    const QByteArray bytes = readAll(path);
    QCOMPARE(bytes.mid(4, 4), QByteArray("ftyp")); // the server's MP4 placeholder, whole
    const auto files = requestsTo(*m_server, "GET", "/files/videos/");
    QCOMPARE(files.size(), 1);
    QVERIFY(files.first().header("Authorization").isEmpty()); // never sent to the storage host
    QCOMPARE(m_store->find(id)->filePath, path);
    QVERIFY(!pane->poller()->isWatching(id));

    // The row: succeeded, priced from the usage (102960 tokens x 15 CNY / 1M), the file's name.
    const int row = pane->listModel()->rowOf(id);
    auto cell = [&](int column) {
        return pane->listModel()->index(row, column).data().toString();
    };
    QCOMPARE(cell(VideoTaskListModel::StatusColumn),
             ark::api::videoTaskStatusLabel(ark::api::VideoTaskStatus::Succeeded));
    QCOMPARE(cell(VideoTaskListModel::CostColumn), QStringLiteral("¥1.5444"));
    QCOMPARE(cell(VideoTaskListModel::FileColumn), QFileInfo(path).fileName());
    QVERIFY(!cell(VideoTaskListModel::ElapsedColumn).isEmpty());

    // Play and Save as are offered; Play asks the window to play the file.
    pane->selectTask(id);
    QVERIFY(pane->playButton()->isEnabled());
    QCOMPARE(pane->playButton()->text(), QStringLiteral("Play"));
    QVERIFY(pane->saveButton()->isEnabled());
    QVERIFY(!pane->cancelButton()->isEnabled());
    QVERIFY(pane->deleteButton()->isEnabled());
    pane->grab().save(QStringLiteral("/tmp/genui-videopane.png"));
    QSignalSpy play(pane, &VideoTaskPane::playRequested);
    QTest::mouseClick(pane->playButton(), Qt::LeftButton);
    QCOMPARE(play.count(), 1);
    QCOMPARE(play.first().at(0).toString(), path);
    const QString copy = m_dir->filePath(QStringLiteral("kite.mp4"));
    QString error;
    QVERIFY2(pane->saveTaskVideoTo(id, copy, &error), qPrintable(error));
    QCOMPARE(readAll(copy), bytes);

    // Delete: the server's record, the row and the app's copy go; the saved copy stays.
    pane->deleteTask(id);
    QTRY_VERIFY_WITH_TIMEOUT(!m_store->find(id), kSafetyMs);
    QCOMPARE(m_server->videoTaskStatus(id.toUtf8()), QByteArray());
    QCOMPARE(requestsTo(*m_server, "DELETE", id.toUtf8()).size(), 1);
    QCOMPARE(pane->listModel()->rowOf(id), -1);
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(QFileInfo::exists(copy));
}

void TstVideotaskpane::firstFrameSentAsDataUrl()
{
    VideoTaskPane* pane = makePane();
    const QString frame = writeImage(QStringLiteral("first.png"), QSize(640, 360));
    QVERIFY(!frame.isEmpty());
    pane->setModel(QStringLiteral("loopback-video-q1r1"));
    pane->setFirstFramePath(frame);
    QVERIFY(pane->lastFrameRow()->isEnabled());
    pane->setPrompt(QStringLiteral("the lake at dawn"));
    QSignalSpy created(pane, &VideoTaskPane::taskCreated);
    pane->createTask();
    QVERIFY(created.wait(kSafetyMs));
    const QString id = created.first().at(0).toString();

    const auto posts = requestsTo(*m_server, "POST", "/contents/generations/tasks");
    QCOMPARE(posts.size(), 1);
    const QJsonArray content =
        QJsonDocument::fromJson(posts.first().body).object().value(QStringLiteral("content")).toArray();
    QCOMPARE(content.size(), 2);
    QCOMPARE(content.at(0).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("the lake at dawn"));
    const QJsonObject image = content.at(1).toObject();
    QCOMPARE(image.value(QStringLiteral("type")).toString(), QStringLiteral("image_url"));
    QCOMPARE(image.value(QStringLiteral("role")).toString(), QStringLiteral("first_frame"));
    QCOMPARE(image.value(QStringLiteral("image_url")).toObject().value(QStringLiteral("url")).toString(),
             QStringLiteral("data:image/png;base64,") + QString::fromLatin1(readAll(frame).toBase64()));
    QCOMPARE(QJsonDocument::fromJson(m_store->find(id)->paramsJson)
                 .object()
                 .value(QStringLiteral("first_frame"))
                 .toString(),
             QStringLiteral("first.png"));
}

void TstVideotaskpane::badFrameExplainedNothingSent_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("too small") << QSize(300, 400) << QStringLiteral("more than 300");
    QTest::newRow("too wide") << QSize(1600, 600) << QStringLiteral("between 0.4 and 2.5");
    QTest::newRow("too tall") << QSize(400, 1000) << QStringLiteral("between 0.4 and 2.5");
}

void TstVideotaskpane::badFrameExplainedNothingSent()
{
    QFETCH(QSize, size);
    QFETCH(QString, phrase);
    VideoTaskPane* pane = makePane();
    const QString frame = writeImage(QStringLiteral("bad.png"), size);
    pane->setModel(QStringLiteral("loopback-video-q1r1"));
    pane->setFirstFramePath(frame);
    pane->setPrompt(QStringLiteral("x"));
    pane->createTask();
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isCreating(), kSafetyMs);
    QVERIFY(pane->errorCard()->isVisible());
    QCOMPARE(pane->errorCard()->title(), QStringLiteral("The first frame cannot be used"));
    QVERIFY2(pane->errorCard()->message().contains(phrase), qPrintable(pane->errorCard()->message()));
    QVERIFY(pane->errorCard()->message().contains(QStringLiteral("bad.png")));
    QVERIFY(pane->createButton()->isEnabled());
    QVERIFY(m_server->requests().isEmpty());
}

void TstVideotaskpane::frameLimits_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("prefix");
    // Sides in (300, 6000), width / height in (0.4, 2.5): open intervals (seed L27360-27361).
    QTest::newRow("301 square png") << QSize(301, 301) << QByteArray("PNG") << true
                                    << QStringLiteral("data:image/png;base64,");
    QTest::newRow("301 square jpeg") << QSize(301, 301) << QByteArray("JPEG") << true
                                     << QStringLiteral("data:image/jpeg;base64,");
    QTest::newRow("bmp") << QSize(640, 480) << QByteArray("BMP") << true
                         << QStringLiteral("data:image/bmp;base64,");
    QTest::newRow("side 300") << QSize(300, 301) << QByteArray("PNG") << false << QString();
    QTest::newRow("side 5999") << QSize(5999, 3000) << QByteArray("JPEG") << true
                               << QStringLiteral("data:image/jpeg;base64,");
    QTest::newRow("side 6000") << QSize(6000, 3000) << QByteArray("JPEG") << false << QString();
    QTest::newRow("ratio 2.5") << QSize(1000, 400) << QByteArray("PNG") << false << QString();
    QTest::newRow("ratio 2.4975") << QSize(999, 400) << QByteArray("PNG") << true
                                  << QStringLiteral("data:image/png;base64,");
    QTest::newRow("ratio 0.4") << QSize(400, 1000) << QByteArray("PNG") << false << QString();
    QTest::newRow("ratio 0.4004") << QSize(400, 999) << QByteArray("PNG") << true
                                  << QStringLiteral("data:image/png;base64,");
}

void TstVideotaskpane::frameLimits()
{
    QFETCH(QSize, size);
    QFETCH(QByteArray, format);
    QFETCH(bool, ok);
    QFETCH(QString, prefix);
    const QString path = writeImage(QStringLiteral("frame.") + QString::fromLatin1(format).toLower(), size,
                                    format.constData());
    QVERIFY(!path.isEmpty());
    const ark::ui::VideoFrame frame = ark::ui::VideoFrame::fromFile(path);
    QCOMPARE(frame.ok, ok);
    QCOMPARE(frame.pixelSize, size);
    QCOMPARE(frame.error.isEmpty(), ok);
    if (ok)
        QCOMPARE(frame.dataUrl, prefix + QString::fromLatin1(readAll(path).toBase64()));
    else
        QVERIFY(frame.dataUrl.isEmpty());
}

void TstVideotaskpane::unreadableFrames()
{
    QVERIFY(!ark::ui::VideoFrame::fromFile(m_dir->filePath(QStringLiteral("missing.png"))).ok);
    const QString text = m_dir->filePath(QStringLiteral("notes.png"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an image at all");
    }
    const ark::ui::VideoFrame frame = ark::ui::VideoFrame::fromFile(text);
    QVERIFY(!frame.ok);
    QVERIFY2(frame.error.contains(QStringLiteral("JPEG, PNG")), qPrintable(frame.error));
}

void TstVideotaskpane::createErrorShownInline()
{
    VideoTaskPane* pane = makePane();
    pane->setModel(QStringLiteral("loopback-badkey"));
    pane->setPrompt(QStringLiteral("anything"));
    QSignalSpy failed(pane, &VideoTaskPane::createFailed);
    pane->createTask();
    QVERIFY(failed.wait(kSafetyMs));
    const auto error = failed.first().at(0).value<ark::api::ApiError>();
    QCOMPARE(error.code, QStringLiteral("AuthenticationError"));
    QVERIFY(pane->errorCard()->isVisible());
    QCOMPARE(pane->errorCard()->title(), QStringLiteral("The task was not created"));
    QCOMPARE(pane->errorCard()->message(), error.humanMessage());
    QCOMPARE(pane->errorCard()->details(),
             QStringLiteral("Code: AuthenticationError  \u00B7  Request ID: %1").arg(error.requestId));
    QCOMPARE(pane->listModel()->rowCount(), 0);
    QVERIFY(m_store->all().empty());
    QVERIFY(pane->createButton()->isEnabled());
}

void TstVideotaskpane::failedTaskShowsItsError()
{
    VideoTaskPane* pane = makePane();
    const QString id =
        createAndWait(pane, QStringLiteral("loopback-video-fail"), QStringLiteral("something"));
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(id)->status, QStringLiteral("failed"), kSafetyMs);
    const int row = pane->listModel()->rowOf(id);
    QVERIFY(pane->listModel()
                ->index(row, 0)
                .data(VideoTaskListModel::ErrorTextRole)
                .toString()
                .startsWith(QStringLiteral("OutputVideoSensitiveContentDetected")));
    QVERIFY(!pane->isDownloading(id));
    QVERIFY(m_store->find(id)->filePath.isEmpty());
    pane->selectTask(id);
    QVERIFY(!pane->playButton()->isEnabled());
    QVERIFY(pane->deleteButton()->isEnabled());
}

void TstVideotaskpane::cancelQueuedTask()
{
    VideoTaskPane* pane = makePane();
    const QString id =
        createAndWait(pane, QStringLiteral("loopback-video-stuck"), QStringLiteral("never ends"));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(pane->poller()->pollsSent() >= 2, kSafetyMs); // polled, still queued
    pane->selectTask(id);
    QVERIFY(pane->cancelButton()->isEnabled());
    QVERIFY(!pane->deleteButton()->isEnabled());
    QTest::mouseClick(pane->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(id)->status, QStringLiteral("cancelled"), kSafetyMs);
    QCOMPARE(m_server->videoTaskStatus(id.toUtf8()), QByteArray("cancelled"));
    QCOMPARE(requestsTo(*m_server, "DELETE", id.toUtf8()).size(), 1);
    QVERIFY(!pane->poller()->isWatching(id));
    QVERIFY(!pane->cancelButton()->isEnabled());
    QVERIFY(pane->deleteButton()->isEnabled());
    QCOMPARE(pane->listModel()
                 ->index(pane->listModel()->rowOf(id), VideoTaskListModel::StatusColumn)
                 .data()
                 .toString(),
             ark::api::videoTaskStatusLabel(ark::api::VideoTaskStatus::Cancelled));
    QVERIFY(pane->errorCard()->isHidden());

    // A task that is no longer queued is not sent a cancel.
    const int deletesBefore = requestsTo(*m_server, "DELETE", "").size();
    pane->cancelTask(id);
    QVERIFY(pane->errorCard()->isVisible());
    QVERIFY(pane->errorCard()->message().contains(QStringLiteral("Only queued tasks")));
    QTest::qWait(50);
    QCOMPARE(requestsTo(*m_server, "DELETE", "").size(), deletesBefore);
}

void TstVideotaskpane::restartResumesPolling()
{
    // First run: the task is created and stored, the app quits before it finishes.
    QString id;
    {
        VideoTaskPane* first = makePane();
        ark::api::VideoTaskPoller::Schedule slow;
        slow.initialMs = 3600 * 1000; // no poll before the "quit"
        first->setPollSchedule(slow);
        id =
            createAndWait(first, QStringLiteral("loopback-video-q1r1"), QStringLiteral("survives a restart"));
        QVERIFY(!id.isEmpty());
        QVERIFY(first->poller()->isWatching(id));
        QCOMPARE(first->poller()->pollsSent(), 0);
        m_panes.clear();
        delete first;
    }
    QCOMPARE(m_store->find(id)->status, QStringLiteral("queued"));
    // The database file is closed and opened again, as at the next start.
    m_store.reset();
    m_db.reset();
    m_db = std::make_unique<ark::store::Database>();
    QVERIFY(m_db->open(m_dbPath));
    m_store = std::make_unique<ark::store::VideoTaskStore>(*m_db);
    QCOMPARE(m_store->unfinishedTaskIds(), QStringList{id});

    // Second run: the list shows the task and polling resumes by itself.
    VideoTaskPane* second = makePane();
    QCOMPARE(second->listModel()->rowCount(), 1);
    QCOMPARE(second->listModel()->taskIdAt(0), id);
    QSignalSpy polled(second->poller(), &ark::api::VideoTaskPoller::polled);
    QSignalSpy downloaded(second, &VideoTaskPane::videoDownloaded);
    QVERIFY(polled.wait(kSafetyMs));
    QCOMPARE(polled.first().at(0).toString(), id);
    QVERIFY(downloaded.wait(kSafetyMs));
    QCOMPARE(m_store->find(id)->status, QStringLiteral("succeeded"));
    QVERIFY(QFileInfo::exists(m_store->find(id)->filePath));
    QCOMPARE(requestsTo(*m_server, "POST", "/contents/generations/tasks").size(), 1); // not created again
}

void TstVideotaskpane::noPollingWithoutAKey()
{
    ark::store::VideoTaskRecord record;
    record.taskId = QStringLiteral("cgt-20250101000000-wait1");
    record.model = QStringLiteral("loopback-video-q1r1");
    record.prompt = QStringLiteral("stored while the key is locked");
    QVERIFY(m_store->add(record));
    // The window may learn the key later (the keychain answers asynchronously).
    VideoTaskPane* pane = makePane(/*withKey=*/false);
    QTest::qWait(100);
    QCOMPARE(pane->poller()->pollsSent(), 0);
    QVERIFY(m_server->requests().isEmpty());
    QSignalSpy polled(pane->poller(), &ark::api::VideoTaskPoller::polled);
    pane->setEndpoint(m_server->baseUrl(), kKey);
    QVERIFY(polled.wait(kSafetyMs));
    QCOMPARE(polled.first().at(0).toString(), record.taskId);
    // This server never made it: 404, so it is marked expired.
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(record.taskId)->status, QStringLiteral("expired"), kSafetyMs);
    // An expired task is removed locally without asking the server.
    const int before = m_server->requests().size();
    pane->deleteTask(record.taskId);
    QVERIFY(!m_store->find(record.taskId));
    QCOMPARE(m_server->requests().size(), before);
}

void TstVideotaskpane::refusedPollStopsUntilNewKey()
{
    VideoTaskPane* pane = makePane();
    ark::api::VideoTaskPoller::Schedule slow;
    slow.initialMs = 3600 * 1000;
    pane->setPollSchedule(slow);
    const QString id =
        createAndWait(pane, QStringLiteral("loopback-video-q1r1"), QStringLiteral("key revoked"));
    QVERIFY(!id.isEmpty());
    // The key is refused while polling (revoked meanwhile): polling of the task stops, and says why.
    m_server->enqueue("/tasks/" + id.toUtf8(),
                      ark::testsupport::ScriptedResponse::json(
                          401,
                          R"({"error":{"code":"AuthenticationError","message":"The API key is invalid."}})",
                          {{"X-Request-Id", "req-401"}}));
    shortPolls(pane);
    QSignalSpy failed(pane->poller(), &ark::api::VideoTaskPoller::pollFailed);
    pane->refreshTask(id);
    QVERIFY(failed.wait(kSafetyMs));
    QCOMPARE(failed.first().at(2).toBool(), false);
    QVERIFY(!pane->poller()->isWatching(id));
    QCOMPARE(pane->listModel()->note(id), QStringLiteral("Status checks stopped"));
    QVERIFY(pane->errorCard()->isVisible());
    QVERIFY(pane->errorCard()->details().contains(QStringLiteral("AuthenticationError")));
    QCOMPARE(m_store->find(id)->status, QStringLiteral("queued"));

    // A new key: polling resumes and the task runs to the end.
    QSignalSpy downloaded(pane, &VideoTaskPane::videoDownloaded);
    pane->setEndpoint(m_server->baseUrl(), kKey + QStringLiteral("-new"));
    QVERIFY(downloaded.wait(kSafetyMs));
    QCOMPARE(m_store->find(id)->status, QStringLiteral("succeeded"));
    QCOMPARE(pane->listModel()->note(id), QString());
    const auto gets = requestsTo(*m_server, "GET", "/tasks/" + id.toUtf8());
    QCOMPARE(gets.last().header("Authorization"),
             QByteArray("Bearer ") + (kKey + QStringLiteral("-new")).toUtf8());
}

void TstVideotaskpane::expiredLinkNoted()
{
    // Succeeded while the app was closed; by now the storage host refuses the link.
    ark::store::VideoTaskRecord record;
    record.taskId = QStringLiteral("cgt-20250101000000-late1");
    record.model = QStringLiteral("doubao-seedance-1-0-pro-250528");
    record.prompt = QStringLiteral("too late");
    QVERIFY(m_store->add(record));
    ark::api::VideoTask state;
    state.id = record.taskId;
    state.status = ark::api::VideoTaskStatus::Succeeded;
    state.statusText = QStringLiteral("succeeded");
    state.videoUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/files/videos/gone.mp4").arg(m_server->port()));
    state.completionTokens = 1000;
    QVERIFY(m_store->applyServerState(state));

    VideoTaskPane* pane = makePane();
    QTRY_VERIFY_WITH_TIMEOUT(!requestsTo(*m_server, "GET", "/files/videos/gone.mp4").isEmpty(), kSafetyMs);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->isDownloading(record.taskId), kSafetyMs);
    QCOMPARE(pane->listModel()->note(record.taskId), QStringLiteral("Download failed"));
    const int row = pane->listModel()->rowOf(record.taskId);
    QCOMPARE(pane->listModel()->index(row, VideoTaskListModel::FileColumn).data().toString(),
             QStringLiteral("Download failed"));
    const QString why =
        pane->listModel()->index(row, VideoTaskListModel::FileColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(why.contains(QStringLiteral("no longer available")), qPrintable(why)); // 404 from storage
    QVERIFY(pane->errorCard()->isVisible());
    QCOMPARE(pane->errorCard()->message(), why);
    QVERIFY(m_store->find(record.taskId)->filePath.isEmpty());
    QVERIFY(QDir(m_videos).entryList(QDir::Files).isEmpty()); // nothing half-written
    pane->selectTask(record.taskId);
    QCOMPARE(pane->playButton()->text(), QStringLiteral("Download"));
    pane->grab().save(QStringLiteral("/tmp/genui-videopane-expired.png"));
}

QTEST_MAIN(TstVideotaskpane)
#include "tst_videotaskpane.moc"
