// Conversation benchmark (prints figures; it is not a test), in the real main window:
//   1. open a stored conversation of N messages (default 10,000): time to first paint, to fully usable;
//   2. resident memory with it open;
//   3. the longest event-loop stall while an answer streams into it at 2,000 chunks/s;
//   4. scrolling the whole conversation end to end, one viewport at a time, painting each step.
//
//   bench_conversation [MESSAGES]        (uses the offscreen platform unless QT_QPA_PLATFORM is set)
#include "BenchSupport.h"
#include "MainWindow.h"
#include "api/ChatClient.h"
#include "conversation/ConversationView.h"
#include "session/AccountSettings.h"
#include "store/ConversationStore.h"
#include "store/Database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace ark;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

// Realistic answers: paragraphs, lists, a table or a fenced code block now and then.
QString answerText(int i)
{
    QString text =
        QStringLiteral("Here is answer **%1**. It explains the idea in a few sentences, with `inline code` "
                       "and a [link](https://example.invalid/%1).\n\n- first point\n- second point\n")
            .arg(i);
    if (i % 5 == 0)
        text += QStringLiteral("\n```cpp\nint main() {\n    return %1;\n}\n```\n").arg(i);
    if (i % 7 == 0)
        text += QStringLiteral("\n| model | tokens |\n|---|---|\n| a | %1 |\n| b | %2 |\n").arg(i).arg(i * 2);
    return text;
}

qint64 fillConversation(store::ConversationStore& store, int messages)
{
    const store::ConversationRecord conversation =
        store.createConversation(QStringLiteral("Benchmark conversation"), QStringLiteral("bench-model"));
    store::Transaction transaction(store.database());
    qint64 parent = 0;
    for (int i = 0; i < messages; ++i) {
        store::MessageRecord message;
        message.conversationId = conversation.id;
        message.parentId = parent;
        message.role = i % 2 == 0 ? api::Role::User : api::Role::Assistant;
        message.content =
            i % 2 == 0 ? QStringLiteral("Question number %1: how does this work?").arg(i) : answerText(i);
        message.model = QStringLiteral("bench-model");
        if (message.role == api::Role::Assistant) {
            message.usage.present = true;
            message.usage.promptTokens = 100 + i;
            message.usage.completionTokens = 80;
        }
        parent = store.appendMessage(message);
    }
    transaction.commit();
    return conversation.id;
}

// Paint events on the view's viewport, to time the first one.
class PaintWatcher : public QObject
{
public:
    QElapsedTimer* clock = nullptr;
    qint64 firstPaintMs = -1;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && firstPaintMs < 0 && clock && clock->isValid())
            firstPaintMs = clock->elapsed();
        return QObject::eventFilter(watched, event);
    }
};

// Records the longest gap between ticks of a 1 ms timer: how long the event loop was blocked.
class StallMeter : public QObject
{
public:
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_longest = 0;
        m_timer.start(1, Qt::PreciseTimer, this);
    }
    void stop() { m_timer.stop(); }
    double longestMs() const { return double(m_longest) / 1e6; }
    double longestAtMs() const { return double(m_longestAt) / 1e6; } // when it ended, since start()

protected:
    void timerEvent(QTimerEvent*) override
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 gap = now - m_last - 1000000; // minus the timer's own 1 ms
        if (gap > m_longest) {
            m_longest = gap;
            m_longestAt = now;
        }
        m_last = now;
    }

private:
    QBasicTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_longestAt = 0;
};

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the person's own settings
    QSettings().clear();
    const int messages = argc > 1 ? std::max(2, atoi(argv[1])) : 10000;

    QTemporaryDir dir;
    store::Database db;
    QString error;
    if (!db.open(dir.filePath(QStringLiteral("bench.sqlite3")), &error)) {
        std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(error));
        return 1;
    }
    store::ConversationStore store(db);
    bench::ServerThread server;
    session::AccountSettings::saveAccounts(
        {session::ProviderAccount{QStringLiteral("ark"), QStringLiteral("Bench"), server.baseUrl()}});
    qputenv("ARK_API_KEY", "bench-key");

    QElapsedTimer clock;
    clock.start();
    const qint64 conversationId = fillConversation(store, messages);
    std::printf("Conversation benchmark: %d stored messages (written in %.0f ms)\n", messages,
                double(clock.elapsed()));
    const qint64 rssBefore = residentKiB();

    QNetworkAccessManager nam;
    api::ChatClient client(&nam);
    // An empty window first, so the figures below are about the conversation, not about start-up.
    const store::ConversationRecord empty =
        store.createConversation(QStringLiteral("Empty"), QStringLiteral("m"));
    QSettings().setValue(QStringLiteral("window/lastConversation"), empty.id);
    ui::MainWindow window(client, store);
    window.resize(1280, 800);
    window.show();
    spin(200);

    // 1. Open.
    PaintWatcher paints;
    paints.clock = &clock;
    window.conversationView()->viewport()->installEventFilter(&paints);
    clock.restart();
    window.openConversation(conversationId);
    QApplication::processEvents(); // layout + first paint
    while (paints.firstPaintMs < 0 && clock.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    const qint64 firstPaint = paints.firstPaintMs;
    // Fully usable: everything queued by the open has run, and the end of the conversation is shown.
    QApplication::processEvents();
    const qint64 usable = clock.elapsed();
    const int rows = window.session()->messages()->rowCount();
    // Let the view finish refining estimated row heights in the background before streaming, so
    // the stall measured below belongs to streaming, not to opening.
    spin(qEnvironmentVariableIntValue("ARK_BENCH_SETTLE_MS") > 0
             ? qEnvironmentVariableIntValue("ARK_BENCH_SETTLE_MS")
             : 3000);
    const qint64 rss = residentKiB();

    // 3. Streaming at 2,000 chunks/s: two chunks per millisecond.
    constexpr int kChunks = 4000;
    testsupport::ScriptedResponse stream;
    stream.headers = {{"Content-Type", "text/event-stream"}};
    for (int i = 0; i < kChunks; i += 2) {
        stream.steps.push_back(testsupport::Step::write(
            "data: " + testsupport::chunks::content(QStringLiteral("word%1 ").arg(i)) +
            "\n\ndata: " + testsupport::chunks::content(QStringLiteral("word%1 ").arg(i + 1)) + "\n\n"));
        stream.steps.push_back(testsupport::Step::delay(1));
    }
    stream.steps.push_back(
        testsupport::Step::write("data: " + testsupport::chunks::finish("stop") + "\n\ndata: [DONE]\n\n"));
    server.enqueue(stream);
    StallMeter stalls;
    clock.restart();
    window.session()->send(QStringLiteral("Stream a long answer, please."));
    stalls.start();
    while (window.session()->isBusy() && clock.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    stalls.stop();
    const double streamSeconds = double(clock.elapsed()) / 1000.0;
    const QString last =
        window.session()->messages()->index(window.session()->messages()->rowCount() - 1).data().toString();
    const bool streamedAll = last.count(QLatin1Char(' ')) == kChunks;

    // 4. Scroll from the end to the top and back, one viewport at a time, painting every step.
    ui::ConversationView* view = window.conversationView();
    QScrollBar* bar = view->verticalScrollBar();
    int steps = 0;
    double longestStep = 0;
    clock.restart();
    for (int direction : {-1, +1}) {
        bool done = false;
        while (!done) {
            QElapsedTimer step;
            step.start();
            const int before = bar->value();
            bar->setValue(before + direction * bar->pageStep());
            view->viewport()->repaint();
            QApplication::processEvents();
            longestStep = std::max(longestStep, double(step.nsecsElapsed()) / 1e6);
            ++steps;
            done = bar->value() == before;
        }
    }
    const double scrollMs = double(clock.elapsed());

    std::printf("open:      first paint %lld ms, fully usable %lld ms (%d rows in the view)\n",
                static_cast<long long>(firstPaint), static_cast<long long>(usable), rows);
    std::printf("memory:    %.1f MB resident with the conversation open (%.1f MB before the window)\n",
                double(rss) / 1024.0, double(rssBefore) / 1024.0);
    std::printf(
        "streaming: %d chunks at 2,000 chunks/s into it: longest event-loop stall %.1f ms, ending %.0f ms "
        "into the %.1f s stream (%s)\n",
        kChunks, stalls.longestMs(), stalls.longestAtMs(), streamSeconds,
        streamedAll ? "complete" : "INCOMPLETE");
    std::printf("scrolling: %d viewport steps end to end and back in %.0f ms, slowest step %.1f ms\n", steps,
                scrollMs, longestStep);
    return streamedAll ? 0 : 1;
}
