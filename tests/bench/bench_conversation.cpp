// Conversation benchmark (prints figures; it is not a test), in the real main window:
//   1. open a stored conversation of N messages (default 10,000): time to first paint, to fully usable;
//   2. resident memory with it open;
//   3. the longest event-loop stall while an answer streams into it at 2,000 chunks/s;
//   4. scrolling the whole conversation end to end, one viewport at a time, painting each step;
//   5. switching branch near its top (a 2-message branch and back to the 10,000-message one);
//   6. opening it again after another conversation;
//   7. deleting a message near its top (with the thousands below it);
//   8. the heavy side paths of so long a history, each on its own: the exchange log recording a call
//      whose request carries the whole history (as when a stream starts), the exchange inspector
//      selecting that exchange (as when the conversation is reopened), and the token count of the
//      whole conversation (the call and its answer, then one changed text, then without a key).
// Opening and switching branch read on the history loader's thread; for both, the longest event-loop
// stall (the longest time painting was blocked) is printed next to the time until the messages show.
//
//   bench_conversation [MESSAGES]        (uses the offscreen platform unless QT_QPA_PLATFORM is set)
#include "BenchSupport.h"
#include "MainWindow.h"
#include "api/ChatClient.h"
#include "api/ExchangeLog.h"
#include "conversation/ConversationView.h"
#include "inspector/ExchangeInspector.h"
#include "models/MessageListModel.h"
#include "pricing/TokenCounter.h"
#include "session/AccountSettings.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/HistoryLoader.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
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

struct Filled
{
    qint64 conversationId = 0;
    qint64 mainAnswer = 0; // row 1 of the long branch
    qint64 altAnswer = 0;  // its sibling, which ends a 2-message branch
};

// A chain of `messages`, plus one regenerated answer under the first question (not on the active path).
Filled fillConversation(store::ConversationStore& store, int messages)
{
    Filled filled;
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
        if (i == 1) {
            filled.mainAnswer = parent;
            store::MessageRecord alt = message;
            alt.id = 0;
            alt.content = QStringLiteral("An alternative answer.");
            filled.altAnswer = store.appendMessage(alt);
        }
    }
    transaction.commit();
    filled.conversationId = conversation.id;
    return filled;
}

// Paint events on the view's viewport: the first one at all, and the first one with messages in the
// model (opening is asynchronous, so the view may paint its empty or loading state before).
class PaintWatcher : public QObject
{
public:
    QElapsedTimer* clock = nullptr;
    const QAbstractItemModel* model = nullptr;
    qint64 firstPaintMs = -1;
    qint64 firstContentPaintMs = -1;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && clock && clock->isValid()) {
            if (firstPaintMs < 0)
                firstPaintMs = clock->elapsed();
            if (firstContentPaintMs < 0 && model && model->rowCount() > 0)
                firstContentPaintMs = clock->elapsed();
        }
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
        m_lastCpu = bench::threadCpuSeconds();
        m_last = 0;
        m_longest = 0;
        m_longestCpu = 0;
        m_timer.start(1, Qt::PreciseTimer, this);
    }
    void stop() { m_timer.stop(); }
    double longestMs() const { return double(m_longest) / 1e6; }
    double longestAtMs() const { return double(m_longestAt) / 1e6; } // when it ended, since start()
    // This thread's CPU time within the longest stall: far below it, the machine's other load made it.
    double longestCpuMs() const { return m_longestCpu * 1e3; }
    qint64 sinceStartNs() const { return m_clock.nsecsElapsed(); }
    // Every block of at least `minMs`: "duration (CPU time of this thread in it)@end", in ms since
    // start(), for a timeline. A block with little CPU time is the machine's other load, not ours.
    QString blocks(double minMs) const
    {
        QStringList list;
        for (const auto& block : m_blocks)
            if (double(block.gap) / 1e6 >= minMs)
                list.append(QStringLiteral("%1 (CPU %2)@%3")
                                .arg(double(block.gap) / 1e6, 0, 'f', 1)
                                .arg(block.cpu * 1e3, 0, 'f', 1)
                                .arg(double(block.end) / 1e6, 0, 'f', 0));
        return list.isEmpty() ? QStringLiteral("none") : list.join(QStringLiteral(", "));
    }

protected:
    void timerEvent(QTimerEvent*) override
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 gap = now - m_last - 1000000; // minus the timer's own 1 ms
        const double cpu = bench::threadCpuSeconds();
        if (gap > m_longest) {
            m_longest = gap;
            m_longestAt = now;
            m_longestCpu = cpu - m_lastCpu;
        }
        if (gap > 2000000 && m_blocks.size() < 256)
            m_blocks.append({gap, now, cpu - m_lastCpu});
        m_lastCpu = cpu;
        m_last = now;
    }

private:
    QBasicTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_longestAt = 0;
    double m_lastCpu = 0;
    double m_longestCpu = 0;
    struct Block
    {
        qint64 gap = 0, end = 0; // ns
        double cpu = 0;          // s
    };
    QList<Block> m_blocks;
};

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct SideFigures
{
    double startMs = 0, attachMs = 0, syncMs = 0, callStallMs = 0, callStallCpuMs = 0;
    QString callBlocks;
    double requestMB = 0, selectHiddenMs = 0, selectShownMs = 0, shownStallMs = 0, shownStallCpuMs = 0;
    QString shownBlocks;
    bool shownRight = false;
    double setLogMs = 0;
    int texts = 0;
    double firstRequestMs = 0, firstAnsweredMs = -1, firstStallMs = 0, firstStallCpuMs = 0;
    QString firstBlocks;
    qint64 firstTotal = 0;
    bool firstExact = false;
    double typedRequestMs = 0, typedAnsweredMs = -1, typedStallMs = 0;
    double noKeyRequestMs = 0, noKeyStallMs = 0;
};

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Section 8: the exchange log, the exchange inspector and the token counter, each alone, with the
// whole history. The inspector is the main window's own (its dock hidden, as by default), pointed at a
// log of its own for the time being.
SideFigures measureSidePaths(ui::MainWindow& window, api::ChatClient& client, bench::ServerThread& server,
                             const std::vector<store::MessageRecord>& history)
{
    SideFigures f;
    api::ChatRequest request;
    request.model = QStringLiteral("bench-model");
    for (const store::MessageRecord& record : history)
        request.messages.push_back(record.role == api::Role::User
                                       ? api::ChatMessage::user(record.content)
                                       : api::ChatMessage::assistant(record.content));
    api::ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = QStringLiteral("bench-key");
    auto shortStream = [] {
        testsupport::ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        response.steps.push_back(testsupport::Step::write(
            "data: " + testsupport::chunks::content(QStringLiteral("ok")) +
            "\n\ndata: " + testsupport::chunks::finish("stop") + "\n\ndata: [DONE]\n\n"));
        return response;
    };
    auto waitFinished = [](api::ChatCall* call) {
        QElapsedTimer limit;
        limit.start();
        while (!call->isFinished() && limit.elapsed() < 20000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    };

    ui::ExchangeInspector* inspector = window.exchangeInspector();
    auto* dock = qobject_cast<QDockWidget*>(inspector->parentWidget());
    api::ExchangeLog log;
    inspector->setLog(&log);

    // A short exchange first, so that there is another row to come from.
    server.enqueue(shortStream());
    api::ChatRequest small;
    small.model = request.model;
    small.messages.push_back(api::ChatMessage::user(QStringLiteral("Short.")));
    api::ChatCall* little = client.start(small, config);
    log.attach(little);
    waitFinished(little);
    spin(20);

    // (a) The log's handlers of the call's milestones (each runs ExchangeLog::sync(), and what the
    // inspector does on the log's signals): timed from a connection made before the log's to one
    // made after it, so each pair brackets exactly the log's handler.
    server.enqueue(shortStream());
    QElapsedTimer timer;
    timer.start();
    api::ChatCall* big = client.start(request, config);
    f.startMs = msSince(timer);
    {
        QElapsedTimer handler;
        auto bracket = [&](auto signal) {
            QObject::connect(big, signal, [&handler] { handler.start(); });
        };
        auto close = [&](auto signal) {
            QObject::connect(big, signal, [&] { f.syncMs = std::max(f.syncMs, msSince(handler)); });
        };
        bracket(&api::ChatCall::attemptStarted);
        bracket(&api::ChatCall::responseStarted);
        bracket(&api::ChatCall::finished);
        StallMeter meter;
        meter.start();
        timer.restart();
        log.attach(big);
        f.attachMs = msSince(timer);
        close(&api::ChatCall::attemptStarted);
        close(&api::ChatCall::responseStarted);
        close(&api::ChatCall::finished);
        waitFinished(big);
        spin(20);
        meter.stop();
        f.callStallMs = meter.longestMs();
        f.callStallCpuMs = meter.longestCpuMs();
        f.callBlocks = meter.blocks(8);
    }

    // (b) Selecting the big exchange (row 0), coming from the short one: hidden, then shown on the
    // Request tab.
    const api::ExchangePtr bigExchange = log.at(0);
    f.requestMB = double(bigExchange->requestBody.size()) / 1e6;
    inspector->selectRow(1);
    spin(50);
    timer.restart();
    inspector->selectRow(0);
    f.selectHiddenMs = msSince(timer);
    spin(50);
    inspector->selectRow(1);
    spin(50);
    if (dock) {
        dock->show();
        dock->raise();
    }
    inspector->tabs()->setCurrentIndex(ui::ExchangeInspector::RequestTab);
    spin(100);
    {
        StallMeter meter;
        meter.start();
        timer.restart();
        inspector->selectRow(0);
        f.selectShownMs = msSince(timer);
        spin(1500); // a formatting worker, if any, has long finished by then
        meter.stop();
        f.shownStallMs = meter.longestMs();
        f.shownStallCpuMs = meter.longestCpuMs();
        f.shownBlocks = meter.blocks(8);
        // The first lines of the request as shown are the first lines of the indented JSON.
        const QString shown = inspector->requestView()->toPlainText();
        const QString expected = bigExchange->prettyRequest();
        const qsizetype head = std::min<qsizetype>(4096, expected.size());
        f.shownRight =
            shown.size() >= head && QStringView(shown).left(head) == QStringView(expected).left(head);
    }
    if (dock)
        dock->hide();
    spin(50);
    // The reopening path (the dock hidden, as by default): the pane gets the conversation's log
    // again and selects its newest exchange, the big one.
    inspector->setLog(nullptr);
    spin(20);
    timer.restart();
    inspector->setLog(&log);
    f.setLogMs = msSince(timer);
    spin(200);
    inspector->setLog(window.session()->exchangeLog());
    spin(50);
    delete big;
    delete little;

    // (c) The token count of the whole conversation, as the token line asks for it: system, tools,
    // the history, the draft.
    QNetworkAccessManager nam;
    pricing::TokenCounter counter(&nam);
    counter.setEndpoint(server.baseUrl(), QStringLiteral("bench-key"));
    counter.setDebounceMs(0);
    QStringList texts{QStringLiteral("You are a helpful assistant."), QString()};
    for (const store::MessageRecord& record : history)
        texts << record.content;
    texts << QStringLiteral("A draft being typed");
    f.texts = int(texts.size());
    int answers = 0;
    QObject::connect(&counter, &pricing::TokenCounter::counted,
                     [&](const QList<pricing::TokenCount>&, qint64 total, bool allExact) {
                         ++answers;
                         f.firstTotal = total;
                         f.firstExact = allExact;
                     });
    auto countOnce = [&](double* requestMs, double* answeredMs, StallMeter* meter) {
        const int before = answers;
        meter->start();
        timer.restart();
        counter.request(QStringLiteral("bench-model"), texts);
        *requestMs = msSince(timer);
        while (answers == before && timer.elapsed() < 30000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        *answeredMs = answers > before ? msSince(timer) : -1;
        spin(20);
        meter->stop();
    };
    {
        StallMeter meter;
        countOnce(&f.firstRequestMs, &f.firstAnsweredMs, &meter);
        f.firstStallMs = meter.longestMs();
        f.firstStallCpuMs = meter.longestCpuMs();
        f.firstBlocks = meter.blocks(8);
    }
    const qint64 total = f.firstTotal;
    const bool exact = f.firstExact;
    {
        texts.last() = QStringLiteral("A draft being typed, longer");
        StallMeter meter;
        countOnce(&f.typedRequestMs, &f.typedAnsweredMs, &meter);
        f.typedStallMs = meter.longestMs();
    }
    {
        counter.setEndpoint(server.baseUrl(), QString());
        StallMeter meter;
        double answeredMs = 0;
        countOnce(&f.noKeyRequestMs, &answeredMs, &meter);
        f.noKeyStallMs = meter.longestMs();
    }
    f.firstTotal = total;
    f.firstExact = exact;
    return f;
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
    const Filled filled = fillConversation(store, messages);
    const qint64 conversationId = filled.conversationId;
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
    paints.model = window.session()->messages();
    window.conversationView()->viewport()->installEventFilter(&paints);
    StallMeter openStalls; // how long the event loop (so painting) is blocked while opening
    // Where the blocks fall: the model's reset (the records arrive from the loader's thread) is
    // bracketed by its signals; what follows it is the view's layout and paint.
    qint64 resetBeginNs = -1, resetEndNs = -1;
    const QMetaObject::Connection aboutToReset =
        QObject::connect(window.session()->messages(), &QAbstractItemModel::modelAboutToBeReset,
                         [&] { resetBeginNs = openStalls.sinceStartNs(); });
    const QMetaObject::Connection reset =
        QObject::connect(window.session()->messages(), &QAbstractItemModel::modelReset, [&] {
            if (window.session()->messages()->rowCount() > 0)
                resetEndNs = openStalls.sinceStartNs();
        });
    openStalls.start();
    clock.restart();
    window.openConversation(conversationId);
    QApplication::processEvents(); // layout + first paint
    // The history arrives from the loader's thread; the window paints it at the next frame.
    while ((window.session()->messages()->rowCount() < messages || paints.firstContentPaintMs < 0) &&
           clock.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    const qint64 firstPaint = paints.firstPaintMs;
    const qint64 firstContentPaint = paints.firstContentPaintMs;
    // Fully usable: everything queued by the open has run, and the end of the conversation is shown.
    QApplication::processEvents();
    const qint64 usable = clock.elapsed();
    spin(5); // the meter ticks once more: a block in the last processEvents() is counted too
    openStalls.stop();
    QObject::disconnect(aboutToReset);
    QObject::disconnect(reset);
    const int rows = window.session()->messages()->rowCount();
    // Let the view finish refining estimated row heights in the background before streaming, so
    // the stall measured below belongs to streaming, not to opening. What runs meanwhile (the
    // refinement, the token line's count of the whole conversation) is metered too.
    StallMeter settleStalls;
    settleStalls.start();
    spin(qEnvironmentVariableIntValue("ARK_BENCH_SETTLE_MS") > 0
             ? qEnvironmentVariableIntValue("ARK_BENCH_SETTLE_MS")
             : 3000);
    settleStalls.stop();
    const qint64 rss = residentKiB();
    // 2b. The database part of opening alone: what open() used to read on the UI thread, and the same read
    // through a history loader (its own connection, on its own thread): first with a new connection
    // (cold page cache, as on every first open), then again. After the memory figure, so these extra
    // readers do not count in it.
    double uiReadMs = 0;
    double loaderReadMs[2] = {0, 0};
    {
        QElapsedTimer timer;
        timer.start();
        const qsizetype read = qsizetype(store.activeBranch(conversationId).path.size());
        uiReadMs = double(timer.nsecsElapsed()) / 1e6;
        store::HistoryLoader loader;
        qsizetype loaded = 0;
        QObject::connect(
            &loader, &store::HistoryLoader::loaded,
            [&](quint64, const store::SharedBranch& branch) { loaded = qsizetype(branch->path.size()); });
        for (int round = 0; round < 2; ++round) {
            timer.restart();
            loader.load(db.path(), conversationId);
            while (loader.isLoading() && timer.elapsed() < 10000)
                QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            loaderReadMs[round] = double(timer.nsecsElapsed()) / 1e6;
        }
        if (read != loaded)
            std::printf("MISMATCH: %lld rows read here, %lld by the loader\n", static_cast<long long>(read),
                        static_cast<long long>(loaded));
    }

    // 2c. The parts of opening on the UI thread, apart from the window: a model and a view of their own
    // get a copy of the records. The model's reset (revisions, fingerprints, the id index); the
    // view's first layout (every row measured: exact near the end, estimated above); its first
    // paint; then the same again for a re-opening (the layouts kept by revision).
    struct Parts
    {
        double resetMs = 0, layoutMs = 0, paintMs = 0;
    };
    Parts fresh, again;
    {
        const std::vector<store::MessageRecord> records = window.session()->messages()->records();
        models::MessageListModel model;
        ui::ConversationView alone;
        alone.resize(window.conversationView()->size());
        alone.setModel(&model);
        alone.show();
        spin(50);
        auto measure = [&](Parts* parts) {
            std::vector<store::MessageRecord> copy = records; // moved in, as the session does
            QElapsedTimer timer;
            timer.start();
            model.setMessages(std::move(copy));
            parts->resetMs = double(timer.nsecsElapsed()) / 1e6;
            timer.restart();
            alone.doItemsLayout();
            parts->layoutMs = double(timer.nsecsElapsed()) / 1e6;
            timer.restart();
            alone.viewport()->repaint();
            parts->paintMs = double(timer.nsecsElapsed()) / 1e6;
            spin(20);
        };
        measure(&fresh);
        spin(qEnvironmentVariableIntValue("ARK_BENCH_SETTLE_MS") > 0
                 ? qEnvironmentVariableIntValue("ARK_BENCH_SETTLE_MS")
                 : 3000); // estimates refined, as a person would have read it for a while
        model.clear();
        spin(20);
        measure(&again);
    }

    // Printed at once: opening is what one runs this for most often.
    std::printf("open:      first paint %lld ms, first paint with messages %lld ms, fully usable %lld ms"
                " (%d rows in the view)\n",
                static_cast<long long>(firstPaint), static_cast<long long>(firstContentPaint),
                static_cast<long long>(usable), rows);
    std::printf(
        "           longest event-loop stall while opening %.1f ms (CPU %.1f ms), ending %.0f ms after"
        " open()\n",
        openStalls.longestMs(), openStalls.longestCpuMs(), openStalls.longestAtMs());
    std::printf("           model reset (with the view's reset) %.1f ms, ending %.0f ms after open();"
                " every block over 2 ms (length@end): %s\n",
                double(resetEndNs - resetBeginNs) / 1e6, double(resetEndNs) / 1e6,
                qPrintable(openStalls.blocks(2)));
    std::printf("parts:     model reset %.1f ms, first layout %.1f ms, first paint %.1f ms (a model and view"
                " of their own); again after clear(): %.1f ms, %.1f ms, %.1f ms\n",
                fresh.resetMs, fresh.layoutMs, fresh.paintMs, again.resetMs, again.layoutMs, again.paintMs);
    std::printf("settling:  the next seconds after the open (background refinement, the token line's count):"
                " longest stall %.1f ms (CPU %.1f ms); every block over 8 ms: %s\n",
                settleStalls.longestMs(), settleStalls.longestCpuMs(), qPrintable(settleStalls.blocks(8)));
    std::fflush(stdout);

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
    QElapsedTimer sendTimer;
    sendTimer.start();
    window.session()->send(QStringLiteral("Stream a long answer, please."));
    const double sendMs = double(sendTimer.nsecsElapsed()) / 1e6; // building the request, starting it
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

    // 5. Switch branch at row 1: to the short sibling branch, then back to the long one (finding its
    // leaf walks the whole chain, and 10,000 messages are read again).
    auto switchTo = [&](qint64 from, int step, qint64 expectedRow1, int expectedRows, double* stallMs) {
        StallMeter meter;
        meter.start();
        QElapsedTimer timer;
        timer.start();
        window.session()->switchBranch(from, step);
        auto* model = window.session()->messages();
        while ((model->rowCount() != expectedRows || model->record(1).id != expectedRow1) &&
               timer.elapsed() < 10000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        view->viewport()->repaint();
        QApplication::processEvents();
        const qint64 shownMs = timer.elapsed();
        spin(5);
        meter.stop();
        *stallMs = meter.longestMs();
        return model->rowCount() == expectedRows ? shownMs : -1;
    };
    double toShortStall = 0;
    double toLongStall = 0;
    const int longRows = window.session()->messages()->rowCount(); // with the streamed exchange
    const qint64 toShortMs = switchTo(filled.mainAnswer, +1, filled.altAnswer, 2, &toShortStall);
    const qint64 toLongMs = switchTo(filled.altAnswer, -1, filled.mainAnswer, longRows, &toLongStall);

    // 7 (run last, it empties the conversation). Delete the message at row 2 and everything below it.
    auto deleteBelow = [&] {
        StallMeter meter;
        meter.start();
        window.session()->deleteMessage(window.session()->messages()->record(2).id);
        spin(50);
        meter.stop();
        return meter.longestMs();
    };
    // 6. Another conversation, then this one again (its messages were laid out before).
    window.openConversation(empty.id);
    spin(100);
    double reopenStall = 0, reopenCpu = 0, reopenResetMs = -1;
    qint64 reopenMs = -1;
    {
        StallMeter meter;
        QElapsedTimer resetTimer;
        const QMetaObject::Connection reopenAboutToReset =
            QObject::connect(window.session()->messages(), &QAbstractItemModel::modelAboutToBeReset,
                             [&] { resetTimer.start(); });
        const QMetaObject::Connection reopenReset =
            QObject::connect(window.session()->messages(), &QAbstractItemModel::modelReset, [&] {
                if (window.session()->messages()->rowCount() > 0)
                    reopenResetMs = double(resetTimer.nsecsElapsed()) / 1e6;
            });
        meter.start();
        QElapsedTimer timer;
        timer.start();
        window.openConversation(conversationId);
        auto* model = window.session()->messages();
        while (model->rowCount() != longRows && timer.elapsed() < 10000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        view->viewport()->repaint();
        QApplication::processEvents();
        reopenMs = model->rowCount() == longRows ? timer.elapsed() : -1;
        spin(5);
        meter.stop();
        QObject::disconnect(reopenAboutToReset);
        QObject::disconnect(reopenReset);
        reopenStall = meter.longestMs();
        reopenCpu = meter.longestCpuMs();
    }

    // 8. The side paths, one by one, with the history as it is now (the streamed exchange included).
    const std::vector<store::MessageRecord> history = window.session()->messages()->records();
    SideFigures side = measureSidePaths(window, client, server, history);

    const double deleteStall = deleteBelow();

    std::printf("reading:   the whole branch: %.0f ms on the UI thread's connection (what open() did there),"
                " through the history loader off the UI thread %.0f ms (new connection), %.0f ms (again)\n",
                uiReadMs, loaderReadMs[0], loaderReadMs[1]);
    std::printf("memory:    %.1f MB resident with the conversation open (%.1f MB before the window)\n",
                double(rss) / 1024.0, double(rssBefore) / 1024.0);
    std::printf(
        "streaming: %d chunks at 2,000 chunks/s into it: longest event-loop stall %.1f ms (CPU %.1f ms), "
        "ending %.0f ms into the %.1f s stream (%s)\n",
        kChunks, stalls.longestMs(), stalls.longestCpuMs(), stalls.longestAtMs(), streamSeconds,
        streamedAll ? "complete" : "INCOMPLETE");
    std::printf("           send() itself (before the stream) blocked %.1f ms; every block over 8 ms while"
                " streaming: %s\n",
                sendMs, qPrintable(stalls.blocks(8)));
    std::printf("scrolling: %d viewport steps end to end and back in %.0f ms, slowest step %.1f ms\n", steps,
                scrollMs, longestStep);
    std::printf("branches:  switch at row 1 to a 2-message branch: shown in %lld ms, longest stall %.1f ms;"
                " back to the %d-message branch: shown in %lld ms, longest stall %.1f ms\n",
                static_cast<long long>(toShortMs), toShortStall, longRows, static_cast<long long>(toLongMs),
                toLongStall);
    std::printf(
        "reopening: after another conversation, shown in %lld ms, longest stall %.1f ms (CPU %.1f ms);"
        " its model reset %.1f ms\n",
        static_cast<long long>(reopenMs), reopenStall, reopenCpu, reopenResetMs);
    std::printf(
        "log:       a call whose request carries the %d messages: the log's slowest milestone handler"
        " (ExchangeLog::sync, with the hidden inspector following) %.1f ms, attach() %.1f ms; the"
        " request itself was built in %.1f ms (ChatClient::start); until that call ended: longest stall"
        " %.1f ms (CPU %.1f ms), blocks over 8 ms: %s\n",
        int(history.size()), side.syncMs, side.attachMs, side.startMs, side.callStallMs, side.callStallCpuMs,
        qPrintable(side.callBlocks));
    std::printf("inspector: selecting that exchange (%.1f MB of request JSON): hidden %.1f ms; shown on"
                " its Request tab %.1f ms, longest stall until its text is shown %.1f ms (CPU %.1f ms),"
                " blocks over 8 ms: %s; text shown %s\n",
                side.requestMB, side.selectHiddenMs, side.selectShownMs, side.shownStallMs,
                side.shownStallCpuMs, qPrintable(side.shownBlocks), side.shownRight ? "right" : "WRONG");
    std::printf("           setLog() as when the conversation is reopened (selects the newest, the big one): "
                "%.1f ms\n",
                side.setLogMs);
    std::printf(
        "tokens:    counting the %d texts of the conversation: request() %.1f ms, answered in %.0f ms,"
        " longest stall until then %.1f ms (CPU %.1f ms), blocks over 8 ms: %s; total %lld (%s)\n",
        side.texts, side.firstRequestMs, side.firstAnsweredMs, side.firstStallMs, side.firstStallCpuMs,
        qPrintable(side.firstBlocks), static_cast<long long>(side.firstTotal),
        side.firstExact ? "exact" : "NOT EXACT");
    std::printf("           one text changed (typing): request() %.1f ms, answered in %.0f ms, longest stall"
                " %.1f ms; without a key (estimates): request() %.1f ms, longest stall %.1f ms\n",
                side.typedRequestMs, side.typedAnsweredMs, side.typedStallMs, side.noKeyRequestMs,
                side.noKeyStallMs);
    std::printf("deleting:  the message at row 2 with the %d below it: longest stall %.1f ms\n", longRows - 3,
                deleteStall);
    return streamedAll && toShortMs >= 0 && toLongMs >= 0 && reopenMs >= 0 ? 0 : 1;
}
