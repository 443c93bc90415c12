// The video task table over a real SQLite file: rows newest first as the store keeps them, status,
// elapsed time (fixed clock) and cost from the catalog's price per million video tokens; a real poller
// against the loopback server's task state machine moves a row queued -> running -> succeeded and
// writes every answer to the store; a task the server does not know becomes "expired".
#include "api/VideoTaskClient.h"
#include "catalog/Catalog.h"
#include "models/VideoTaskListModel.h"
#include "store/Database.h"
#include "store/VideoTaskStore.h"
#include "support/LoopbackServer.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using ark::models::VideoTaskListModel;
using ark::store::VideoTaskRecord;
using ark::testsupport::LoopbackServer;

namespace {

const QString kKey = QStringLiteral("test-key-videotasklist-41f2");
const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1746606900000, Qt::UTC);

// One priced video model (15 CNY per million video tokens, as doubao-seedance-1.0-pro) and the loopback
// model the poller test creates tasks with, priced the same way.
const char* kCatalogJson = R"json({
  "schema_version": 1, "version": "2025-01-01.1",
  "providers": [ { "id": "volcengine-ark", "display_name": "Volcengine Ark", "currency": "CNY",
                   "default_base_url": "", "date_utc_offset": "+08:00" } ],
  "models": [
    { "id": "doubao-seedance-1-0-pro-250528", "display_name": "doubao-seedance-1.0-pro",
      "provider": "volcengine-ark", "kind": "video-generation",
      "pricing": { "currency": "CNY", "tiers": [ { "condition": "", "input": 0, "output": 15.0 } ] },
      "lifecycle": {} },
    { "id": "loopback-video-q1r1", "provider": "volcengine-ark", "kind": "video-generation",
      "pricing": { "currency": "CNY", "tiers": [ { "condition": "", "input": 0, "output": 10.0 } ] },
      "lifecycle": {} } ] })json";

VideoTaskRecord record(const QString& taskId, const QString& model, const QDateTime& created)
{
    VideoTaskRecord r;
    r.taskId = taskId;
    r.model = model;
    r.prompt = QStringLiteral("一只小猫在草地上奔跑\nsecond line");
    r.paramsJson = R"({"duration":5,"resolution":"720p"})";
    r.createdAt = created;
    return r;
}

ark::api::VideoTask serverState(const QString& id, ark::api::VideoTaskStatus status)
{
    ark::api::VideoTask t;
    t.id = id;
    t.status = status;
    t.statusText = ark::api::videoTaskStatusName(status);
    return t;
}

} // namespace

class TstVideotasklistmodel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rowsNewestFirst();
    void columnsAndRoles();
    void elapsedText_data();
    void elapsedText();
    void elapsedOfUnfinishedAndFinished();
    void costFromCatalog();
    void refreshInsertsUpdatesRemoves();
    void notesShowInFileColumn();
    void pollerDrivesRowToSucceeded();
    void lostTaskBecomesExpired();

private:
    QModelIndex cell(int row, int column) const { return m_model->index(row, column); }
    QString text(int row, int column) const { return cell(row, column).data().toString(); }

    std::shared_ptr<const ark::catalog::Catalog> m_catalog;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ark::store::Database> m_db;
    std::unique_ptr<ark::store::VideoTaskStore> m_store;
    std::unique_ptr<VideoTaskListModel> m_model;
    QDateTime m_now = kT0;
};

void TstVideotasklistmodel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStringList problems;
    m_catalog = ark::catalog::Catalog::fromJson(QByteArray(kCatalogJson), &problems);
    QVERIFY(m_catalog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TstVideotasklistmodel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<ark::store::Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("tasks.sqlite3")), &error), qPrintable(error));
    m_store = std::make_unique<ark::store::VideoTaskStore>(*m_db);
    m_now = kT0;
    m_store->setClock([this] { return m_now; });
}

void TstVideotasklistmodel::cleanup()
{
    m_model.reset();
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void TstVideotasklistmodel::rowsNewestFirst()
{
    for (int i = 0; i < 3; ++i) {
        VideoTaskRecord r = record(QStringLiteral("cgt-%1").arg(i),
                                   QStringLiteral("doubao-seedance-1-0-pro-250528"), kT0.addSecs(60 * i));
        QVERIFY(m_store->add(r));
    }
    m_model = std::make_unique<VideoTaskListModel>(m_store.get(), m_catalog);
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(VideoTaskListModel::ColumnCount));
    QCOMPARE(m_model->taskIdAt(0), QStringLiteral("cgt-2"));
    QCOMPARE(m_model->taskIdAt(2), QStringLiteral("cgt-0"));
    QCOMPARE(m_model->rowOf(QStringLiteral("cgt-1")), 1);
    QCOMPARE(m_model->rowOf(QStringLiteral("cgt-9")), -1);
    QCOMPARE(m_model->headerData(VideoTaskListModel::StatusColumn, Qt::Horizontal).toString(),
             QStringLiteral("Status"));
}

void TstVideotasklistmodel::columnsAndRoles()
{
    VideoTaskRecord queued =
        record(QStringLiteral("cgt-q"), QStringLiteral("doubao-seedance-1-0-pro-250528"), kT0);
    QVERIFY(m_store->add(queued));
    VideoTaskRecord failed =
        record(QStringLiteral("cgt-f"), QStringLiteral("ep-20250101-abc"), kT0.addSecs(1));
    QVERIFY(m_store->add(failed));
    auto state = serverState(QStringLiteral("cgt-f"), ark::api::VideoTaskStatus::Failed);
    state.errorCode = QStringLiteral("OutputVideoSensitiveContentDetected");
    state.errorMessage = QStringLiteral("The output video may contain sensitive information.");
    QVERIFY(m_store->applyServerState(state));

    m_model = std::make_unique<VideoTaskListModel>(m_store.get(), m_catalog);
    const int q = m_model->rowOf(QStringLiteral("cgt-q"));
    const int f = m_model->rowOf(QStringLiteral("cgt-f"));
    // The catalog's display name; an endpoint id is shown as it is.
    QCOMPARE(text(q, VideoTaskListModel::ModelColumn), QStringLiteral("doubao-seedance-1.0-pro"));
    QCOMPARE(text(f, VideoTaskListModel::ModelColumn), QStringLiteral("ep-20250101-abc"));
    QCOMPARE(text(q, VideoTaskListModel::PromptColumn), QStringLiteral("一只小猫在草地上奔跑 second line"));
    QCOMPARE(text(q, VideoTaskListModel::StatusColumn),
             ark::api::videoTaskStatusLabel(ark::api::VideoTaskStatus::Queued));
    QCOMPARE(text(f, VideoTaskListModel::StatusColumn),
             ark::api::videoTaskStatusLabel(ark::api::VideoTaskStatus::Failed));
    QVERIFY(cell(q, 0).data(VideoTaskListModel::CanCancelRole).toBool());
    QVERIFY(!cell(q, 0).data(VideoTaskListModel::CanDeleteRole).toBool());
    QVERIFY(!cell(f, 0).data(VideoTaskListModel::CanCancelRole).toBool());
    QVERIFY(cell(f, 0).data(VideoTaskListModel::CanDeleteRole).toBool());
    QCOMPARE(cell(f, 0).data(VideoTaskListModel::ErrorTextRole).toString(),
             QStringLiteral(
                 "OutputVideoSensitiveContentDetected: The output video may contain sensitive information."));
    QCOMPARE(cell(f, VideoTaskListModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             cell(f, 0).data(VideoTaskListModel::ErrorTextRole).toString());
    QCOMPARE(cell(q, 0).data(VideoTaskListModel::StatusNameRole).toString(), QStringLiteral("queued"));
    QCOMPARE(cell(q, 0).data(VideoTaskListModel::StatusRole).toInt(), int(ark::api::VideoTaskStatus::Queued));
    QCOMPARE(cell(q, 0).data(VideoTaskListModel::ParamsJsonRole).toByteArray(),
             QByteArray(R"({"duration":5,"resolution":"720p"})"));

    // A status a newer server invented is shown as it came and counts as unfinished.
    QVERIFY(m_store->setStatus(QStringLiteral("cgt-q"), QStringLiteral("paused")));
    m_model->refreshTask(QStringLiteral("cgt-q"));
    QCOMPARE(text(q, VideoTaskListModel::StatusColumn), QStringLiteral("paused"));
    QVERIFY(!cell(q, 0).data(VideoTaskListModel::IsFinalRole).toBool());
}

void TstVideotasklistmodel::elapsedText_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("under a second") << qint64(999) << QStringLiteral("0:00");
    QTest::newRow("seven seconds") << qint64(7000) << QStringLiteral("0:07");
    QTest::newRow("minutes") << qint64((12 * 60 + 5) * 1000) << QStringLiteral("12:05");
    QTest::newRow("just under an hour") << qint64(3599999) << QStringLiteral("59:59");
    QTest::newRow("hour") << qint64((3600 + 2 * 60 + 3) * 1000) << QStringLiteral("1:02:03");
    QTest::newRow("negative clamps") << qint64(-5000) << QStringLiteral("0:00");
}

void TstVideotasklistmodel::elapsedText()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(VideoTaskListModel::elapsedText(ms), expected);
}

void TstVideotasklistmodel::elapsedOfUnfinishedAndFinished()
{
    VideoTaskRecord running =
        record(QStringLiteral("cgt-r"), QStringLiteral("doubao-seedance-1-0-pro-250528"), kT0);
    QVERIFY(m_store->add(running));
    VideoTaskRecord done =
        record(QStringLiteral("cgt-d"), QStringLiteral("doubao-seedance-1-0-pro-250528"), kT0);
    QVERIFY(m_store->add(done));
    VideoTaskRecord local =
        record(QStringLiteral("cgt-l"), QStringLiteral("doubao-seedance-1-0-pro-250528"), kT0);
    QVERIFY(m_store->add(local));

    // Finished with server times: their difference (22 s), not the local finish time.
    auto state = serverState(QStringLiteral("cgt-d"), ark::api::VideoTaskStatus::Succeeded);
    state.createdAt = QDateTime::fromSecsSinceEpoch(1746606910, Qt::UTC);
    state.updatedAt = QDateTime::fromSecsSinceEpoch(1746606932, Qt::UTC);
    m_now = kT0.addSecs(300);
    QVERIFY(m_store->applyServerState(state));
    // Finished locally (cancelled), no server times: local finish - creation (90 s).
    m_now = kT0.addSecs(90);
    QVERIFY(m_store->setStatus(QStringLiteral("cgt-l"), QStringLiteral("cancelled")));

    m_model = std::make_unique<VideoTaskListModel>(m_store.get(), m_catalog);
    QVERIFY(m_model->isTicking()); // one task is unfinished
    m_now = kT0.addSecs(65);
    m_model->setClock([this] { return m_now; });
    const int r = m_model->rowOf(QStringLiteral("cgt-r"));
    QCOMPARE(text(r, VideoTaskListModel::ElapsedColumn), QStringLiteral("1:05"));
    QCOMPARE(cell(r, 0).data(VideoTaskListModel::ElapsedMsRole).toLongLong(), 65000);
    QCOMPARE(text(m_model->rowOf(QStringLiteral("cgt-d")), VideoTaskListModel::ElapsedColumn),
             QStringLiteral("0:22"));
    QCOMPARE(text(m_model->rowOf(QStringLiteral("cgt-l")), VideoTaskListModel::ElapsedColumn),
             QStringLiteral("1:30"));

    // The clock moves; finished rows stay as they were.
    m_now = kT0.addSecs(3725);
    QCOMPARE(text(r, VideoTaskListModel::ElapsedColumn), QStringLiteral("1:02:05"));
    QCOMPARE(text(m_model->rowOf(QStringLiteral("cgt-d")), VideoTaskListModel::ElapsedColumn),
             QStringLiteral("0:22"));

    // The tick refreshes only unfinished rows' elapsed cells, and stops when nothing is unfinished.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    QCOMPARE(topLeft.row(), r);
    QCOMPARE(topLeft.column(), int(VideoTaskListModel::ElapsedColumn));
    m_model->setTicking(false);
    QVERIFY(!m_model->isTicking());
    m_model->setTicking(true);
    QVERIFY(m_model->isTicking());
    QVERIFY(m_store->setStatus(QStringLiteral("cgt-r"), QStringLiteral("expired")));
    m_model->refreshTask(QStringLiteral("cgt-r"));
    QVERIFY(!m_model->isTicking());
}

void TstVideotasklistmodel::costFromCatalog()
{
    const QString pro = QStringLiteral("doubao-seedance-1-0-pro-250528");
    VideoTaskRecord priced = record(QStringLiteral("cgt-p"), pro, kT0);
    QVERIFY(m_store->add(priced));
    VideoTaskRecord unpriced =
        record(QStringLiteral("cgt-u"), QStringLiteral("ep-20250101-abc"), kT0.addSecs(1));
    QVERIFY(m_store->add(unpriced));
    VideoTaskRecord pending = record(QStringLiteral("cgt-n"), pro, kT0.addSecs(2));
    QVERIFY(m_store->add(pending));
    for (const QString& id : {QStringLiteral("cgt-p"), QStringLiteral("cgt-u")}) {
        auto state = serverState(id, ark::api::VideoTaskStatus::Succeeded);
        state.completionTokens = 102960; // 720p 16:9, 24 fps, 5 s
        state.totalTokens = 102960;
        QVERIFY(m_store->applyServerState(state));
    }
    m_model = std::make_unique<VideoTaskListModel>(m_store.get(), m_catalog);
    const int p = m_model->rowOf(QStringLiteral("cgt-p"));
    // 102960 tokens x 15 CNY / 1,000,000 = 1.5444 CNY, exactly.
    QCOMPARE(cell(p, 0).data(VideoTaskListModel::CostMicrosRole).toLongLong(), 1544400);
    QCOMPARE(cell(p, 0).data(VideoTaskListModel::CurrencyRole).toString(), QStringLiteral("CNY"));
    QCOMPARE(text(p, VideoTaskListModel::CostColumn), QStringLiteral("¥1.5444"));
    QCOMPARE(cell(p, 0).data(VideoTaskListModel::CompletionTokensRole).toLongLong(), 102960);
    QVERIFY(cell(p, VideoTaskListModel::CostColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("102960")));
    // Tokens but no price: a dash; no tokens yet: nothing.
    const int u = m_model->rowOf(QStringLiteral("cgt-u"));
    QCOMPARE(text(u, VideoTaskListModel::CostColumn), QStringLiteral("\u2014"));
    QVERIFY(!cell(u, 0).data(VideoTaskListModel::CostMicrosRole).isValid());
    QCOMPARE(text(m_model->rowOf(QStringLiteral("cgt-n")), VideoTaskListModel::CostColumn), QString());

    // Without a catalog nothing is priced.
    m_model->setCatalog(nullptr);
    QCOMPARE(text(p, VideoTaskListModel::CostColumn), QStringLiteral("\u2014"));
}

void TstVideotasklistmodel::refreshInsertsUpdatesRemoves()
{
    const QString pro = QStringLiteral("doubao-seedance-1-0-pro-250528");
    VideoTaskRecord a = record(QStringLiteral("cgt-a"), pro, kT0);
    VideoTaskRecord c = record(QStringLiteral("cgt-c"), pro, kT0.addSecs(20));
    QVERIFY(m_store->add(a));
    QVERIFY(m_store->add(c));
    m_model = std::make_unique<VideoTaskListModel>(m_store.get(), m_catalog);
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // A task created between the two lands between them.
    VideoTaskRecord b = record(QStringLiteral("cgt-b"), pro, kT0.addSecs(10));
    QVERIFY(m_store->add(b));
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->refreshTask(QStringLiteral("cgt-b"));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QCOMPARE(m_model->taskIdAt(0), QStringLiteral("cgt-c"));
    QCOMPARE(m_model->taskIdAt(1), QStringLiteral("cgt-b"));
    QCOMPARE(m_model->taskIdAt(2), QStringLiteral("cgt-a"));

    // An update changes the row in place.
    QVERIFY(m_store->setFilePath(QStringLiteral("cgt-b"), QStringLiteral("/tmp/videos/cgt-b.mp4")));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->refreshTask(QStringLiteral("cgt-b"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(cell(1, 0).data(VideoTaskListModel::FilePathRole).toString(),
             QStringLiteral("/tmp/videos/cgt-b.mp4"));
    QCOMPARE(text(1, VideoTaskListModel::FileColumn), QStringLiteral("cgt-b.mp4"));

    // Gone from the store: gone from the model.
    QVERIFY(m_store->remove(QStringLiteral("cgt-c")));
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->refreshTask(QStringLiteral("cgt-c"));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->taskIdAt(0), QStringLiteral("cgt-b"));
    m_model->refreshTask(QStringLiteral("cgt-never"));
    QCOMPARE(m_model->rowCount(), 2);
}

void TstVideotasklistmodel::notesShowInFileColumn()
{
    VideoTaskRecord r =
        record(QStringLiteral("cgt-n"), QStringLiteral("doubao-seedance-1-0-pro-250528"), kT0);
    QVERIFY(m_store->add(r));
    auto state = serverState(QStringLiteral("cgt-n"), ark::api::VideoTaskStatus::Succeeded);
    state.videoUrl = QUrl(QStringLiteral("https://storage.example/cgt-n.mp4"));
    QVERIFY(m_store->applyServerState(state));
    m_model = std::make_unique<VideoTaskListModel>(m_store.get(), m_catalog);
    QVERIFY(cell(0, 0).data(VideoTaskListModel::NeedsDownloadRole).toBool());
    QCOMPARE(text(0, VideoTaskListModel::FileColumn), QStringLiteral("Not downloaded"));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setNote(QStringLiteral("cgt-n"), QStringLiteral("Downloading… 40%"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(text(0, VideoTaskListModel::FileColumn), QStringLiteral("Downloading… 40%"));
    QCOMPARE(cell(0, 0).data(VideoTaskListModel::NoteRole).toString(), QStringLiteral("Downloading… 40%"));
    m_model->setNote(QStringLiteral("cgt-n"), QStringLiteral("Downloading… 40%"));
    QCOMPARE(changed.count(), 1); // unchanged: no signal
    // A detail goes to the tooltip; clearing the note clears it.
    m_model->setNote(QStringLiteral("cgt-n"), QStringLiteral("Download failed"),
                     QStringLiteral("HTTP 403: expired"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(text(0, VideoTaskListModel::FileColumn), QStringLiteral("Download failed"));
    QCOMPARE(cell(0, VideoTaskListModel::FileColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("HTTP 403: expired"));
    QCOMPARE(cell(0, 0).data(VideoTaskListModel::NoteDetailRole).toString(),
             QStringLiteral("HTTP 403: expired"));
    m_model->setNote(QStringLiteral("cgt-n"), QString(), QStringLiteral("ignored"));
    QCOMPARE(text(0, VideoTaskListModel::FileColumn), QStringLiteral("Not downloaded"));
    QCOMPARE(m_model->noteDetail(QStringLiteral("cgt-n")), QString());
}

void TstVideotasklistmodel::pollerDrivesRowToSucceeded()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    QNetworkAccessManager nam;
    ark::api::VideoTaskClient client(&nam);
    ark::api::ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = kKey;

    ark::api::VideoTaskRequest request;
    request.model = QStringLiteral("loopback-video-q1r1");
    request.prompt = QStringLiteral("a red kite over the sea");
    auto* create = client.create(request, config, this);
    QSignalSpy created(create, &ark::api::RestCall::finished);
    QVERIFY(created.wait(10000));
    QVERIFY2(create->succeeded(), qPrintable(create->error().humanMessage()));
    const QString id = create->taskId();
    QVERIFY(id.startsWith(QStringLiteral("cgt-")));

    VideoTaskRecord r = record(id, request.model, kT0);
    QVERIFY(m_store->add(r));
    m_model = std::make_unique<VideoTaskListModel>(m_store.get(), m_catalog);
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    ark::api::VideoTaskPoller poller(&client);
    poller.setConfig(config);
    ark::api::VideoTaskPoller::Schedule schedule;
    schedule.initialMs = 20;
    schedule.maxMs = 50;
    schedule.resumeSpacingMs = 0;
    poller.setSchedule(schedule);
    m_model->attachPoller(&poller);

    QStringList seen;
    connect(m_model.get(), &VideoTaskListModel::taskChanged, this, [&](const QString& taskId) {
        QCOMPARE(taskId, id);
        const QString status = m_model->recordFor(taskId)->status;
        if (seen.isEmpty() || seen.last() != status)
            seen << status;
    });
    poller.watch(id);
    QTRY_VERIFY_WITH_TIMEOUT(!poller.isWatching(id), 15000);
    QCOMPARE(seen,
             (QStringList{QStringLiteral("queued"), QStringLiteral("running"), QStringLiteral("succeeded")}));

    // The store has what the server said, the row shows it, priced at 10 CNY per million tokens.
    const auto stored = m_store->find(id);
    QVERIFY(stored);
    QCOMPARE(stored->status, QStringLiteral("succeeded"));
    QVERIFY(stored->videoUrl.endsWith(QStringLiteral("/files/videos/") + id + QStringLiteral(".mp4")));
    QCOMPARE(stored->completionTokens.value_or(-1), 102960);
    QVERIFY(stored->finishedAt.isValid());
    const int row = m_model->rowOf(id);
    QCOMPARE(text(row, VideoTaskListModel::StatusColumn),
             ark::api::videoTaskStatusLabel(ark::api::VideoTaskStatus::Succeeded));
    QCOMPARE(text(row, VideoTaskListModel::CostColumn), QStringLiteral("¥1.0296"));
    QVERIFY(cell(row, 0).data(VideoTaskListModel::NeedsDownloadRole).toBool());

    // Detached: answers no longer reach the store.
    m_model->attachPoller(nullptr);
    QVERIFY(m_store->setStatus(id, QStringLiteral("running")));
    emit poller.taskUpdated(serverState(id, ark::api::VideoTaskStatus::Failed));
    QCOMPARE(m_store->find(id)->status, QStringLiteral("running"));
}

void TstVideotasklistmodel::lostTaskBecomesExpired()
{
    LoopbackServer server;
    QVERIFY(server.listen());
    QNetworkAccessManager nam;
    ark::api::VideoTaskClient client(&nam);
    ark::api::ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = kKey;

    // Stored unfinished, unknown to this server (e.g. purged while the app was closed).
    VideoTaskRecord gone =
        record(QStringLiteral("cgt-20250101000000-gone0"), QStringLiteral("loopback-video-q1r1"), kT0);
    QVERIFY(m_store->add(gone));
    m_model = std::make_unique<VideoTaskListModel>(m_store.get(), m_catalog);
    ark::api::VideoTaskPoller poller(&client);
    poller.setConfig(config);
    m_model->attachPoller(&poller);
    QSignalSpy changed(m_model.get(), &VideoTaskListModel::taskChanged);
    poller.resume(m_store->unfinishedTaskIds());
    QVERIFY(changed.wait(10000));
    const auto stored = m_store->find(gone.taskId);
    QCOMPARE(stored->status, QStringLiteral("expired"));
    QVERIFY(!stored->errorMessage.isEmpty());
    QCOMPARE(text(0, VideoTaskListModel::StatusColumn),
             ark::api::videoTaskStatusLabel(ark::api::VideoTaskStatus::Expired));
    QVERIFY(cell(0, 0).data(VideoTaskListModel::CanDeleteRole).toBool());
}

QTEST_MAIN(TstVideotasklistmodel)
#include "tst_videotasklistmodel.moc"
