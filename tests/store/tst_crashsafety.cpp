// No data loss when the app is killed mid-stream. The test binary runs itself as a "writer" child that
// streams an answer into the database the way the session does (user message first, then the answer
// saved every 50 ms), kills it with SIGKILL, and checks what the next start-up finds.
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/HistoryLoader.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>
#include <cstdio>
#include <sys/types.h>

using namespace ark::store;
using ark::api::Role;

namespace {

const char* const kWriterFlag = "--store-writer";
const QString kQuestion = QStringLiteral("Write a long story, please. 请写一个很长的故事。");
const QString kTitle = QStringLiteral("Crash test 崩溃测试");

// The answer after `chunks` saves: deterministic, so the parent knows what each save contained.
QString answerAfter(int chunks)
{
    QString text;
    for (int i = 1; i <= chunks; ++i)
        text += QStringLiteral("Chunk %1: 第%1段故事。\n").arg(i);
    return text;
}

QString reasoningAfter(int chunks)
{
    return QStringLiteral("thinking ").repeated(chunks);
}

// The child: prints "saved N" only after saveStreamingText(N) returned, i.e. after its commit.
int runWriter(const QString& path)
{
    Database db;
    QString error;
    if (!db.open(path, &error)) {
        std::fprintf(stderr, "writer: %s\n", qPrintable(error));
        return 2;
    }
    ConversationStore store(db);
    const auto conversation = store.createConversation(kTitle);
    MessageRecord question;
    question.conversationId = conversation.id;
    question.content = kQuestion;
    if (store.appendMessage(question) == 0)
        return 3;
    std::printf("user %lld\n", static_cast<long long>(question.id));
    std::fflush(stdout);

    MessageRecord answer;
    answer.conversationId = conversation.id;
    answer.parentId = question.id;
    answer.role = Role::Assistant;
    answer.model = QStringLiteral("doubao-seed-1-6");
    answer.state = MessageState::Streaming;
    if (store.appendMessage(answer) == 0)
        return 4;
    std::printf("assistant %lld\n", static_cast<long long>(answer.id));
    std::fflush(stdout);

    // Bounded so an orphaned writer ends by itself; the parent kills it long before.
    for (int chunks = 1; chunks <= 1200; ++chunks) {
        if (!store.saveStreamingText(answer.id, answerAfter(chunks), reasoningAfter(chunks)))
            return 5;
        std::printf("saved %d\n", chunks);
        std::fflush(stdout);
        QThread::msleep(50);
    }
    return 0;
}

} // namespace

class CrashSafetyTest : public QObject
{
    Q_OBJECT

private slots:
    void killedMidStreamKeepsEverythingSaved_data()
    {
        QTest::addColumn<int>("savesBeforeKill");
        QTest::newRow("before the first save") << 0;
        QTest::newRow("after one save") << 1;
        QTest::newRow("after six saves") << 6;
    }

    void killedMidStreamKeepsEverythingSaved()
    {
        QFETCH(int, savesBeforeKill);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto path = dir.filePath(QStringLiteral("crash.sqlite3"));

        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({QString::fromLatin1(kWriterFlag), path});
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start();
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));

        // Read the child's reports until it has done what this row asks for (safety limit only).
        qint64 userId = 0;
        qint64 assistantId = 0;
        int saved = 0;
        QDeadlineTimer deadline(30000);
        while (!(assistantId != 0 && saved >= savesBeforeKill)) {
            QVERIFY2(!deadline.hasExpired(), "the writer did not report in time");
            QVERIFY2(child.state() == QProcess::Running,
                     qPrintable(QString::fromLocal8Bit(child.readAllStandardError())));
            if (!child.canReadLine() && !child.waitForReadyRead(200))
                continue;
            while (child.canReadLine()) {
                const auto parts = QString::fromLatin1(child.readLine()).trimmed().split(QLatin1Char(' '));
                QCOMPARE(parts.size(), 2);
                if (parts[0] == QStringLiteral("user"))
                    userId = parts[1].toLongLong();
                else if (parts[0] == QStringLiteral("assistant"))
                    assistantId = parts[1].toLongLong();
                else if (parts[0] == QStringLiteral("saved"))
                    saved = parts[1].toInt();
            }
        }
        QVERIFY(userId > 0);

        QCOMPARE(::kill(static_cast<pid_t>(child.processId()), SIGKILL), 0);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // Whatever it printed after our last read was saved too; count it.
        while (child.canReadLine()) {
            const auto parts = QString::fromLatin1(child.readLine()).trimmed().split(QLatin1Char(' '));
            if (parts.size() == 2 && parts[0] == QStringLiteral("saved"))
                saved = parts[1].toInt();
        }

        // The next start-up.
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        ConversationStore store(db);
        QCOMPARE(store.markInterruptedStreams(), 1);

        const auto conversations = store.listConversations();
        QCOMPARE(conversations.size(), size_t(1));
        QCOMPARE(conversations[0].title, kTitle);
        const auto path2 = store.activePath(conversations[0].id);
        QCOMPARE(path2.size(), size_t(2));
        QCOMPARE(path2[0].id, userId);
        QCOMPARE(path2[0].role, Role::User);
        QCOMPARE(path2[0].content, kQuestion);
        QCOMPARE(path2[0].state, MessageState::Complete);

        const auto& answer = path2[1];
        QCOMPARE(answer.id, assistantId);
        QCOMPARE(answer.role, Role::Assistant);
        QCOMPARE(answer.parentId, userId);
        QCOMPARE(answer.state, MessageState::Interrupted);
        // At least everything reported as saved, and exactly some whole save (never a torn write).
        const int chunks = static_cast<int>(answer.content.count(QStringLiteral("Chunk ")));
        QVERIFY2(chunks >= saved,
                 qPrintable(QStringLiteral("%1 chunks stored, %2 reported").arg(chunks).arg(saved)));
        QCOMPARE(answer.content, answerAfter(chunks));
        QCOMPARE(answer.reasoning, reasoningAfter(chunks));

        // The app opens it through the history loader (its own connection, on its own thread): the
        // same two messages, the answer marked interrupted.
        HistoryLoader loader;
        QSignalSpy loaded(&loader, &HistoryLoader::loaded);
        loader.load(path, conversations[0].id);
        QVERIFY(loaded.wait(10000));
        const SharedBranch shown = loaded.first().at(1).value<SharedBranch>();
        QVERIFY(shown);
        QCOMPARE(shown->path.size(), size_t(2));
        QCOMPARE(shown->path[0].id, userId);
        QCOMPARE(shown->path[1].id, assistantId);
        QCOMPARE(shown->path[1].state, MessageState::Interrupted);
        QCOMPARE(shown->path[1].content, answer.content);

        // Starting again once more finds nothing left to mark, and the partial answer is searchable.
        QCOMPARE(store.markInterruptedStreams(), 0);
        if (chunks > 0)
            QCOMPARE(store.search(QStringLiteral("第1段故事")).size(), size_t(1));
        QCOMPARE(store.search(QStringLiteral("很长的故事")).size(), size_t(1));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const auto args = app.arguments();
    const auto at = args.indexOf(QString::fromLatin1(kWriterFlag));
    if (at >= 0 && at + 1 < args.size())
        return runWriter(args.at(at + 1));
    CrashSafetyTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashsafety.moc"
