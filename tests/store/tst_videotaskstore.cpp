// The video task table on a real SQLite file: every field round-trips, server states are merged as the
// poller delivers them (nothing an answer leaves out is lost, finishedAt is set once), unfinished and
// undownloaded tasks are found again after a restart, and a task outlives its conversation.
#include "api/VideoTaskClient.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/VideoTaskStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using ark::api::VideoTask;
using ark::api::VideoTaskStatus;
using namespace ark::store;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1746606900123, Qt::UTC);

VideoTaskRecord record(const QString& taskId, const QString& status = QStringLiteral("queued"))
{
    VideoTaskRecord r;
    r.taskId = taskId;
    r.model = QStringLiteral("doubao-seedance-1-0-pro-250528");
    r.prompt = QStringLiteral("一只小猫在草地上奔跑");
    r.paramsJson = R"({"duration":5,"resolution":"720p"})";
    r.status = status;
    return r;
}

VideoTask serverTask(const QString& id, VideoTaskStatus status)
{
    VideoTask t;
    t.id = id;
    t.status = status;
    t.statusText = ark::api::videoTaskStatusName(status);
    t.createdAt = QDateTime::fromSecsSinceEpoch(1746606910, Qt::UTC);
    t.updatedAt = QDateTime::fromSecsSinceEpoch(1746606932, Qt::UTC);
    return t;
}

} // namespace

class TestVideoTaskStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_file = 0;
    QString m_path;
    QDateTime m_now = kT0;

    void useClock(VideoTaskStore& store)
    {
        store.setClock([this] { return m_now; });
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tasks-%1.sqlite3").arg(++m_file));
        m_now = kT0;
    }

    void everyFieldRoundTrips()
    {
        Database db;
        QVERIFY(db.open(m_path));
        QCOMPARE(db.schemaVersion(), 5);
        VideoTaskStore store(db);
        useClock(store);

        VideoTaskRecord full = record(QStringLiteral("cgt-20250507-aaaaa"), QStringLiteral("succeeded"));
        full.serverCreatedAt = 1746606910;
        full.serverUpdatedAt = 1746606932;
        full.videoUrl = QStringLiteral("https://ark-content.example/v.mp4?X-Tos-Expires=86400&sig=a%2Bb");
        full.filePath = QStringLiteral("/home/me/视频/v.mp4");
        full.seed = 4294967295LL;
        full.completionTokens = 103818;
        full.totalTokens = 103818;
        QVERIFY2(store.add(full), qPrintable(db.lastError()));
        QVERIFY(full.rowId > 0);
        QCOMPARE(full.createdAt, kT0);
        QCOMPARE(full.updatedAt, kT0);
        QCOMPARE(full.finishedAt, kT0); // added as final: finished when recorded

        const auto back = store.find(full.taskId);
        QVERIFY(back);
        QCOMPARE(back->rowId, full.rowId);
        QCOMPARE(back->taskId, full.taskId);
        QCOMPARE(back->conversationId, std::optional<qint64>());
        QCOMPARE(back->model, full.model);
        QCOMPARE(back->prompt, full.prompt);
        QCOMPARE(back->paramsJson, full.paramsJson);
        QCOMPARE(back->status, full.status);
        QCOMPARE(back->createdAt, kT0);
        QCOMPARE(back->updatedAt, kT0);
        QCOMPARE(back->finishedAt, kT0);
        QCOMPARE(back->serverCreatedAt, full.serverCreatedAt);
        QCOMPARE(back->serverUpdatedAt, full.serverUpdatedAt);
        QCOMPARE(back->videoUrl, full.videoUrl);
        QCOMPARE(back->filePath, full.filePath);
        QCOMPARE(back->seed, full.seed);
        QCOMPARE(back->completionTokens, full.completionTokens);
        QCOMPARE(back->totalTokens, full.totalTokens);
        QVERIFY(back->errorCode.isEmpty());
        QVERIFY(back->isFinal());
        QVERIFY(!back->needsDownload());

        // A fresh task: nothing optional is invented.
        VideoTaskRecord fresh = record(QStringLiteral("cgt-20250507-bbbbb"));
        fresh.paramsJson.clear();
        QVERIFY(store.add(fresh));
        const auto bare = store.find(fresh.taskId);
        QVERIFY(bare);
        QVERIFY(!bare->finishedAt.isValid());
        QVERIFY(!bare->serverCreatedAt && !bare->seed && !bare->completionTokens);
        QVERIFY(bare->paramsJson.isEmpty());
        QVERIFY(!bare->isFinal());
        QVERIFY(!store.find(QStringLiteral("cgt-none")));
    }

    void refusesDuplicatesAndEmptyIds()
    {
        Database db;
        QVERIFY(db.open(m_path));
        VideoTaskStore store(db);
        VideoTaskRecord a = record(QStringLiteral("cgt-1"));
        QVERIFY(store.add(a));
        VideoTaskRecord again = record(QStringLiteral("cgt-1"));
        QVERIFY(!store.add(again));
        QVERIFY(!db.lastError().isEmpty());
        VideoTaskRecord empty = record(QStringLiteral("  "));
        QVERIFY(!store.add(empty));
        QCOMPARE(int(store.all().size()), 1);
    }

    void unfinishedAreFoundOldestFirst()
    {
        Database db;
        QVERIFY(db.open(m_path));
        VideoTaskStore store(db);
        useClock(store);
        const QStringList statuses{QStringLiteral("running"),      QStringLiteral("succeeded"),
                                   QStringLiteral("queued"),       QStringLiteral("failed"),
                                   QStringLiteral("cancelled"),    QStringLiteral("expired"),
                                   QStringLiteral("something-new")};
        for (int i = 0; i < statuses.size(); ++i) {
            m_now = kT0.addSecs(i);
            VideoTaskRecord r = record(QStringLiteral("cgt-%1").arg(i), statuses[i]);
            QVERIFY(store.add(r));
        }
        // A status this version does not know is still polled: the server may move it on.
        QCOMPARE(store.unfinishedTaskIds(),
                 (QStringList{QStringLiteral("cgt-0"), QStringLiteral("cgt-2"), QStringLiteral("cgt-6")}));
        const auto all = store.all();
        QCOMPARE(int(all.size()), statuses.size());
        QCOMPARE(all.front().taskId, QStringLiteral("cgt-6")); // newest first
        QCOMPARE(all.back().taskId, QStringLiteral("cgt-0"));
    }

    void serverStatesAreMerged_data()
    {
        QTest::addColumn<QStringList>("statuses"); // answers in order
        QTest::addColumn<QString>("finalStatus");
        QTest::addColumn<int>("finishedAtAnswer"); // index of the answer that finished it; -1 none
        QTest::addColumn<bool>("needsDownload");

        QTest::newRow("queued, running, succeeded")
            << QStringList{QStringLiteral("queued"), QStringLiteral("running"), QStringLiteral("succeeded")}
            << QStringLiteral("succeeded") << 2 << true;
        QTest::newRow("succeeded answered again later")
            << QStringList{QStringLiteral("running"), QStringLiteral("succeeded"),
                           QStringLiteral("succeeded")}
            << QStringLiteral("succeeded") << 1 << true;
        QTest::newRow("failed") << QStringList{QStringLiteral("queued"), QStringLiteral("failed")}
                                << QStringLiteral("failed") << 1 << false;
        QTest::newRow("still running") << QStringList{QStringLiteral("queued"), QStringLiteral("running")}
                                       << QStringLiteral("running") << -1 << false;
    }
    void serverStatesAreMerged()
    {
        QFETCH(QStringList, statuses);
        QFETCH(QString, finalStatus);
        QFETCH(int, finishedAtAnswer);
        QFETCH(bool, needsDownload);

        Database db;
        QVERIFY(db.open(m_path));
        VideoTaskStore store(db);
        useClock(store);
        VideoTaskRecord r = record(QStringLiteral("cgt-merge"));
        QVERIFY(store.add(r));
        for (int i = 0; i < statuses.size(); ++i) {
            m_now = kT0.addSecs(10 * (i + 1));
            VideoTask t = serverTask(r.taskId, ark::api::videoTaskStatusFromName(statuses[i]));
            if (t.status == VideoTaskStatus::Succeeded && i == statuses.indexOf(statuses[i])) {
                t.videoUrl = QUrl(QStringLiteral("https://ark-content.example/v.mp4"));
                t.seed = 77;
                t.completionTokens = 102960;
                t.totalTokens = 102960;
            }
            if (t.status == VideoTaskStatus::Failed) {
                t.errorCode = QStringLiteral("OutputVideoSensitiveContentDetected");
                t.errorMessage = QStringLiteral("sensitive");
            }
            QVERIFY2(store.applyServerState(t), qPrintable(db.lastError()));
        }
        const auto back = store.find(r.taskId);
        QVERIFY(back);
        QCOMPARE(back->status, finalStatus);
        QCOMPARE(back->updatedAt, m_now);
        QCOMPARE(back->createdAt, kT0); // never touched by answers
        QCOMPARE(back->serverCreatedAt, std::optional<qint64>(1746606910));
        QCOMPARE(back->serverUpdatedAt, std::optional<qint64>(1746606932));
        if (finishedAtAnswer >= 0)
            QCOMPARE(back->finishedAt, kT0.addSecs(10 * (finishedAtAnswer + 1)));
        else
            QVERIFY(!back->finishedAt.isValid());
        QCOMPARE(back->needsDownload(), needsDownload);
        if (finalStatus == QLatin1String("succeeded")) {
            // A later answer without URL or usage did not erase them.
            QCOMPARE(back->videoUrl, QStringLiteral("https://ark-content.example/v.mp4"));
            QCOMPARE(back->seed, std::optional<qint64>(77));
            QCOMPARE(back->completionTokens, std::optional<qint64>(102960));
            QCOMPARE(back->totalTokens, std::optional<qint64>(102960));
        }
        if (finalStatus == QLatin1String("failed")) {
            QCOMPARE(back->errorCode, QStringLiteral("OutputVideoSensitiveContentDetected"));
            QCOMPARE(back->errorMessage, QStringLiteral("sensitive"));
        }
        QCOMPARE(store.unfinishedTaskIds().isEmpty(), finishedAtAnswer >= 0);
        QCOMPARE(int(store.awaitingDownload().size()), needsDownload ? 1 : 0);
    }

    void unknownTaskIsNotWritten()
    {
        Database db;
        QVERIFY(db.open(m_path));
        VideoTaskStore store(db);
        QVERIFY(!store.applyServerState(serverTask(QStringLiteral("cgt-none"), VideoTaskStatus::Running)));
        QVERIFY(!store.setStatus(QStringLiteral("cgt-none"), QStringLiteral("expired")));
        QVERIFY(!store.setFilePath(QStringLiteral("cgt-none"), QStringLiteral("/tmp/x.mp4")));
        QVERIFY(!store.remove(QStringLiteral("cgt-none")));
        QVERIFY(store.all().empty());
    }

    void localStatusFilePathAndRemove()
    {
        Database db;
        QVERIFY(db.open(m_path));
        VideoTaskStore store(db);
        useClock(store);
        VideoTaskRecord lost = record(QStringLiteral("cgt-lost"));
        VideoTaskRecord done = record(QStringLiteral("cgt-done"));
        QVERIFY(store.add(lost));
        QVERIFY(store.add(done));

        m_now = kT0.addSecs(60);
        QVERIFY(store.setStatus(lost.taskId, QStringLiteral("expired"), QStringLiteral("NotFound"),
                                QStringLiteral("The server no longer knows this task.")));
        auto back = store.find(lost.taskId);
        QCOMPARE(back->status, QStringLiteral("expired"));
        QCOMPARE(back->finishedAt, m_now);
        QCOMPARE(back->errorCode, QStringLiteral("NotFound"));

        VideoTask t = serverTask(done.taskId, VideoTaskStatus::Succeeded);
        t.videoUrl = QUrl(QStringLiteral("https://ark-content.example/done.mp4"));
        QVERIFY(store.applyServerState(t));
        QCOMPARE(int(store.awaitingDownload().size()), 1);
        m_now = kT0.addSecs(120);
        QVERIFY(store.setFilePath(done.taskId, QStringLiteral("/data/videos/done.mp4")));
        back = store.find(done.taskId);
        QCOMPARE(back->filePath, QStringLiteral("/data/videos/done.mp4"));
        QCOMPARE(back->updatedAt, m_now);
        QVERIFY(store.awaitingDownload().empty());
        QVERIFY(store.unfinished().empty());

        QVERIFY(store.remove(done.taskId));
        QVERIFY(!store.find(done.taskId));
        QCOMPARE(int(store.all().size()), 1);
    }

    void survivesRestart()
    {
        {
            Database db;
            QVERIFY(db.open(m_path));
            VideoTaskStore store(db);
            useClock(store);
            VideoTaskRecord a = record(QStringLiteral("cgt-a"));
            VideoTaskRecord b = record(QStringLiteral("cgt-b"), QStringLiteral("running"));
            QVERIFY(store.add(a));
            m_now = kT0.addSecs(1);
            QVERIFY(store.add(b));
            VideoTask t = serverTask(b.taskId, VideoTaskStatus::Succeeded);
            t.videoUrl = QUrl(QStringLiteral("https://ark-content.example/b.mp4"));
            QVERIFY(store.applyServerState(t));
        } // the app quits: the connection closes, the WAL is checkpointed or not, as it happens

        Database db;
        QVERIFY(db.open(m_path));
        QCOMPARE(db.versionFoundAtOpen(), Database::latestVersion());
        VideoTaskStore store(db);
        QCOMPARE(store.unfinishedTaskIds(), QStringList{QStringLiteral("cgt-a")});
        const auto pending = store.awaitingDownload();
        QCOMPARE(int(pending.size()), 1);
        QCOMPARE(pending[0].taskId, QStringLiteral("cgt-b"));
        QCOMPARE(pending[0].videoUrl, QStringLiteral("https://ark-content.example/b.mp4"));
        QCOMPARE(store.find(QStringLiteral("cgt-a"))->prompt, QStringLiteral("一只小猫在草地上奔跑"));
    }

    void taskOutlivesItsConversation()
    {
        Database db;
        QVERIFY(db.open(m_path));
        ConversationStore conversations(db);
        const auto c = conversations.createConversation(QStringLiteral("videos"));
        const auto other = conversations.createConversation(QStringLiteral("other"));
        VideoTaskStore store(db);
        VideoTaskRecord linked = record(QStringLiteral("cgt-linked"));
        linked.conversationId = c.id;
        VideoTaskRecord elsewhere = record(QStringLiteral("cgt-elsewhere"));
        elsewhere.conversationId = other.id;
        QVERIFY(store.add(linked));
        QVERIFY(store.add(elsewhere));
        QCOMPARE(int(store.forConversation(c.id).size()), 1);
        QCOMPARE(store.forConversation(c.id).front().taskId, linked.taskId);

        VideoTaskRecord dangling = record(QStringLiteral("cgt-dangling"));
        dangling.conversationId = 987654;
        QVERIFY(!store.add(dangling)); // foreign keys are on

        QVERIFY(conversations.deleteConversation(c.id));
        QCOMPARE(conversations.purgeDeleted(QDateTime::currentDateTimeUtc().addSecs(60)), 1);
        const auto kept = store.find(linked.taskId);
        QVERIFY(kept); // generation was billed and its video may still be downloading
        QCOMPARE(kept->conversationId, std::optional<qint64>());
        QVERIFY(store.forConversation(c.id).empty());
        QCOMPARE(store.find(elsewhere.taskId)->conversationId, std::optional<qint64>(other.id));
    }
};

QTEST_GUILESS_MAIN(TestVideoTaskStore)
#include "tst_videotaskstore.moc"
