// The exchange inspector pane (offscreen) over a log filled by real calls to the loopback server:
// the list, the tabs of the selected exchange, live events of a running one, copy as curl, exports,
// switching logs, a long conversation's request indented on a worker when shown (stale results
// dropped) — and no API key in anything the pane shows, copies or writes.
#include "inspector/ExchangeInspector.h"
#include "support/LoopbackServer.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTreeWidget>
#include <QtTest>

using namespace ark;
using namespace ark::api;
using namespace ark::testsupport;
using ark::ui::ExchangeInspector;
namespace ch = ark::testsupport::chunks;

namespace {
const QString kKey = QStringLiteral("sk-test-0123456789abcdef");
const QByteArray kChat = "/chat/completions";
constexpr int kSafety = 20000; // a safety limit for waits, never a measured expectation

QStringList treeTexts(const QTreeWidget* tree)
{
    QStringList out;
    std::function<void(const QTreeWidgetItem*)> walk = [&](const QTreeWidgetItem* item) {
        for (int c = 0; c < tree->columnCount(); ++c)
            out << item->text(c) << item->toolTip(c);
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        walk(tree->topLevelItem(i));
    return out;
}

QStringList modelTexts(const QAbstractItemModel* model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            for (int role = 0; role <= ExchangeListModel::LastRole; ++role)
                out << model->index(row, column).data(role).toString();
    return out;
}

QString headerValue(const QTreeWidget* tree, int group, const QString& name)
{
    const QTreeWidgetItem* top = tree->topLevelItem(group);
    for (int i = 0; top && i < top->childCount(); ++i)
        if (top->child(i)->text(0).compare(name, Qt::CaseInsensitive) == 0)
            return top->child(i)->text(1);
    return {};
}
} // namespace

class TestExchangeInspector : public QObject
{
    Q_OBJECT
private:
    QNetworkAccessManager m_nam;
    LoopbackServer* m_server = nullptr;

    ClientConfig config() const
    {
        ClientConfig c;
        c.baseUrl = m_server->baseUrl();
        c.apiKey = kKey;
        c.retry.baseDelayMs = 8;
        c.retry.maxServerDelayMs = 5000; // loopback-ratelimit asks for Retry-After: 1
        c.retry.random = [] {
            return 0.5;
        };
        return c;
    }

    ChatCall* start(ExchangeLog& log, const QString& model, const QString& text = QStringLiteral("Hello"))
    {
        ChatRequest r;
        r.model = model;
        r.messages.push_back(ChatMessage::user(text));
        ChatClient client(&m_nam);
        ChatCall* call = client.start(r, config(), this);
        log.attach(call);
        return call;
    }

    // A long conversation's request: hundreds of kilobytes of JSON.
    ChatCall* runLong(ExchangeLog& log, int messages = 3000)
    {
        ChatRequest r;
        r.model = QStringLiteral("loopback-echo");
        for (int i = 0; i < messages; ++i)
            r.messages.push_back(
                i % 2 ? ChatMessage::assistant(QStringLiteral("Answer %1: it works like this, "
                                                              "in a few words.")
                                                   .arg(i))
                      : ChatMessage::user(QStringLiteral("Question %1: how does it work?").arg(i)));
        ChatClient client(&m_nam);
        ChatCall* call = client.start(r, config(), this);
        log.attach(call);
        QSignalSpy finished(call, &ChatCall::finished);
        [&] {
            QVERIFY(finished.wait(kSafety));
        }();
        return call;
    }

    ChatCall* run(ExchangeLog& log, const QString& model, const QString& text = QStringLiteral("Hello"))
    {
        ChatCall* call = start(log, model, text);
        QSignalSpy finished(call, &ChatCall::finished);
        [&] {
            QVERIFY(finished.wait(kSafety));
        }();
        return call;
    }

    // Everything the pane holds as text right now.
    static QStringList paneTexts(const ExchangeInspector& pane)
    {
        QStringList out = modelTexts(pane.exchangeList()->model()) + modelTexts(pane.eventsView()->model());
        out << treeTexts(pane.headersView()) << pane.requestView()->toPlainText()
            << pane.responseBodyView()->toPlainText() << pane.summaryLabel()->text();
        return out;
    }

    static void verifyNoKeyInPane(ExchangeInspector& pane)
    {
        for (int row = 0; row < pane.exchangeList()->model()->rowCount(); ++row) {
            pane.selectRow(row);
            for (const QString& text : paneTexts(pane))
                QVERIFY2(!text.contains(kKey), qPrintable(text.left(200)));
        }
    }

private slots:
    void init()
    {
        m_server = new LoopbackServer(this);
        QVERIFY(m_server->listen());
    }
    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void listsExchangesNewestFirstAndFillsTheTabs()
    {
        ExchangeLog log;
        ExchangeInspector pane(&log);
        pane.resize(560, 760);
        QCOMPARE(pane.exchangeList()->model()->rowCount(), 0);
        QVERIFY(!pane.currentExchange());

        QVERIFY(run(log, QStringLiteral("loopback-reasoning"))->succeeded());
        QVERIFY(run(log, QStringLiteral("loopback-ratelimit"))->succeeded());
        const QAbstractItemModel* list = pane.exchangeList()->model();
        QCOMPARE(list->rowCount(), 3);
        // Newest first: the retry, the 429, then the reasoning answer.
        QCOMPARE(list->index(0, ExchangeListModel::StatusColumn).data().toString(), QStringLiteral("200"));
        QCOMPARE(list->index(1, ExchangeListModel::StatusColumn).data().toString(), QStringLiteral("429"));
        QCOMPARE(list->index(0, ExchangeListModel::MethodColumn).data().toString(), QStringLiteral("POST"));
        QCOMPARE(list->index(0, ExchangeListModel::PathColumn).data().toString(),
                 QStringLiteral("…/chat/completions"));
        QCOMPARE(list->index(0, ExchangeListModel::PathColumn).data(ExchangeListModel::UrlRole).toString(),
                 log.at(0)->url);
        QVERIFY(!list->index(0, ExchangeListModel::RequestIdColumn).data().toString().isEmpty());
        QVERIFY(
            list->index(0, ExchangeListModel::DurationColumn).data().toString().endsWith(QLatin1String("s")));
        // The failed one is marked: coloured text and an icon by its status.
        QVERIFY(list->index(1, ExchangeListModel::PathColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!list->index(0, ExchangeListModel::PathColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!list->index(1, ExchangeListModel::StatusColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
        QVERIFY(list->index(0, ExchangeListModel::StatusColumn).data(Qt::DecorationRole).isNull());

        // Following the newest until the person picks one.
        QCOMPARE(pane.currentExchange(), log.at(0));

        // The reasoning answer: headers, pretty request, the event timeline.
        pane.selectRow(2);
        const ExchangePtr e = pane.currentExchange();
        QCOMPARE(e, log.at(2));
        QCOMPARE(headerValue(pane.headersView(), 0, QStringLiteral("Authorization")),
                 QStringLiteral("Bearer ****cdef"));
        QCOMPARE(headerValue(pane.headersView(), 1, QStringLiteral("X-Request-Id")), e->requestId);
        QCOMPARE(pane.requestView()->toPlainText(), e->prettyRequest());
        QVERIFY(pane.requestView()->toPlainText().contains(QLatin1String("\"loopback-reasoning\"")));
        QVERIFY(pane.requestView()->font().fixedPitch() ||
                QFontInfo(pane.requestView()->font()).fixedPitch());
        auto* stack = qobject_cast<QStackedWidget*>(pane.tabs()->widget(ExchangeInspector::ResponseTab));
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget(), pane.eventsView());
        const QAbstractItemModel* events = pane.eventsView()->model();
        QCOMPARE(events->rowCount(), int(e->events.size()));
        bool sawReasoning = false;
        for (int row = 0; row < events->rowCount(); ++row) {
            QCOMPARE(events->index(row, 0).data().toString(),
                     QStringLiteral("+%1").arg(e->events[size_t(row)].ms));
            QCOMPARE(events->index(row, 2).data().toString(), QString::fromUtf8(e->events[size_t(row)].data));
            QCOMPARE(events->index(row, 3).data().toString(), e->events[size_t(row)].decodedText());
            sawReasoning |= events->index(row, 3).data().toString().startsWith(QLatin1String("reasoning: "));
        }
        QVERIFY(sawReasoning);
        QCOMPARE(events->index(events->rowCount() - 1, 2).data().toString(), QStringLiteral("[DONE]"));

        // The 429: its error body, as received, and its error in the summary.
        pane.selectRow(1);
        QCOMPARE(stack->currentWidget(), pane.responseBodyView());
        QCOMPARE(pane.responseBodyView()->toPlainText(), QString::fromUtf8(log.at(1)->responseBody));
        QVERIFY(pane.responseBodyView()->toPlainText().contains(QLatin1String("RateLimitExceeded")));
        QCOMPARE(headerValue(pane.headersView(), 1, QStringLiteral("Retry-After")), QStringLiteral("1"));
        QVERIFY(pane.summaryLabel()->text().contains(QStringLiteral("429")));
        QVERIFY(pane.summaryLabel()->text().contains(log.at(1)->errorText.toHtmlEscaped()));

        verifyNoKeyInPane(pane);
    }

    void badKeyShowsTheBodyAsReceived()
    {
        ExchangeLog log;
        ExchangeInspector pane(&log);
        run(log, QStringLiteral("loopback-badkey"));
        QCOMPARE(pane.currentExchange(), log.at(0));
        QVERIFY(pane.responseBodyView()->toPlainText().contains(QLatin1String("AuthenticationError")));
        QCOMPARE(pane.exchangeList()->model()->index(0, ExchangeListModel::StatusColumn).data().toString(),
                 QStringLiteral("401"));
        verifyNoKeyInPane(pane);
    }

    void runningExchangeShowsEventsAsTheyArrive()
    {
        ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        response.steps = {Step::write("data: " + ch::reasoning(QStringLiteral("first")) + "\n\n"),
                          Step::stall()};
        m_server->enqueue(kChat, response);
        ExchangeLog log;
        ExchangeInspector pane(&log);
        ChatCall* call = start(log, QStringLiteral("doubao-seed-1-6-250615"));
        QTRY_COMPARE_WITH_TIMEOUT(pane.eventsView()->model()->rowCount(), 1, kSafety);
        QVERIFY(pane.currentExchange()->running);
        QCOMPARE(pane.eventsView()->model()->index(0, 3).data().toString(),
                 QStringLiteral("reasoning: \"first\""));
        call->cancel();
        QVERIFY(!pane.currentExchange()->running);
        QVERIFY(pane.summaryLabel()->text().contains(call->error().humanMessage().toHtmlEscaped()));
        delete call;
    }

    void copyAsCurlPutsNoKeyOnTheClipboard()
    {
        ExchangeLog log;
        ExchangeInspector pane(&log);
        QVERIFY(!pane.copyCurlToClipboard()); // nothing selected yet
        run(log, QStringLiteral("loopback-echo"), QStringLiteral("it's ") + kKey);
        QGuiApplication::clipboard()->clear();
        QVERIFY(pane.copyCurlToClipboard());
        const QString text = QGuiApplication::clipboard()->text();
        QCOMPARE(text, log.at(0)->curlCommand());
        QVERIFY(text.startsWith(QLatin1String("curl --no-buffer '")));
        QVERIFY(text.contains(QStringLiteral("-H \"Authorization: Bearer $ARK_API_KEY\"")));
        QVERIFY(text.contains(QStringLiteral("it'\\''s ****cdef")));
        QVERIFY(!text.contains(kKey));
    }

    void exportsWriteJsonWithoutTheKey()
    {
        ExchangeLog log;
        ExchangeInspector pane(&log);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        QVERIFY(!pane.exportAll(dir.filePath(QStringLiteral("none.json")), &error));
        QVERIFY(!error.isEmpty());
        run(log, QStringLiteral("loopback-reasoning"));
        run(log, QStringLiteral("loopback-badkey"));
        pane.selectRow(1);
        QVERIFY(pane.exportCurrent(dir.filePath(QStringLiteral("one.json")), &error));
        QVERIFY(pane.exportAll(dir.filePath(QStringLiteral("all.json")), &error));
        for (const auto& [name, count] : {std::pair{QStringLiteral("one.json"), size_t(1)},
                                          std::pair{QStringLiteral("all.json"), size_t(2)}}) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY(!bytes.contains(kKey.toUtf8()));
            const auto json = nlohmann::json::parse(bytes.toStdString());
            QCOMPARE(json["exchanges"].size(), count);
        }
        QFile one(dir.filePath(QStringLiteral("one.json")));
        QVERIFY(one.open(QIODevice::ReadOnly));
        const auto json = nlohmann::json::parse(one.readAll().toStdString());
        QCOMPARE(json["exchanges"][0]["serial"].get<quint64>(), log.at(1)->serial);
        QVERIFY(!pane.exportAll(dir.filePath(QStringLiteral("missing/dir/all.json")), &error));
    }

    void switchingLogs()
    {
        auto* first = new ExchangeLog;
        ExchangeLog second;
        ExchangeInspector pane(first);
        run(*first, QStringLiteral("loopback-echo"));
        run(second, QStringLiteral("loopback-echo"));
        run(second, QStringLiteral("loopback-echo"));
        QCOMPARE(pane.exchangeList()->model()->rowCount(), 1);
        pane.setLog(&second);
        QCOMPARE(pane.log(), &second);
        QCOMPARE(pane.exchangeList()->model()->rowCount(), 2);
        QCOMPARE(pane.currentExchange(), second.at(0));
        pane.setLog(first);
        QCOMPARE(pane.exchangeList()->model()->rowCount(), 1);
        delete first; // the conversation closed under the pane
        QCOMPARE(pane.log(), nullptr);
        QCOMPARE(pane.exchangeList()->model()->rowCount(), 0);
        QVERIFY(!pane.currentExchange());
        QVERIFY(!pane.copyCurlToClipboard());
    }

    // A large request is indented on a worker, and only once the Request tab is on screen; the first
    // part is shown, "Show all" adds the rest, and the text is the indented JSON exactly.
    void largeRequestIsIndentedWhenShownAndInParts()
    {
        ExchangeLog log;
        ExchangeInspector pane(&log);
        pane.resize(560, 760);
        runLong(log);
        const ExchangePtr e = log.at(0);
        QVERIFY(e->requestBody.size() > ExchangeInspector::kInlineRequestBytes);
        const QString pretty = e->prettyRequest();
        QVERIFY(pretty.size() > ExchangeInspector::kShownRequestChars);
        QCOMPARE(pane.currentExchange(), e);
        // Hidden: nothing is indented.
        QVERIFY(pane.isRequestPending());
        QTest::qWait(100);
        QVERIFY(pane.isRequestPending());
        QVERIFY(!pane.requestView()->toPlainText().startsWith(QLatin1Char('{')));

        pane.tabs()->setCurrentIndex(ExchangeInspector::RequestTab);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isRequestPending(), kSafety);
        const QString head = pane.requestView()->toPlainText();
        QVERIFY(head.size() <= ExchangeInspector::kShownRequestChars);
        QVERIFY(head.size() > ExchangeInspector::kShownRequestChars / 2);
        QCOMPARE(head, pretty.left(head.size()));
        QCOMPARE(pretty.at(head.size()), QLatin1Char('\n')); // cut at the end of a line
        QVERIFY(pane.requestNoteLabel()->isVisible());
        QVERIFY(pane.showAllRequestButton()->isVisible());

        // Updates of the exchange leave the text (and where the person scrolled to) alone.
        pane.requestView()->verticalScrollBar()->setValue(40);
        emit log.exchangeUpdated(e->serial);
        QCOMPARE(pane.requestView()->verticalScrollBar()->value(), 40);

        QTest::mouseClick(pane.showAllRequestButton(), Qt::LeftButton);
        QVERIFY(pane.isRequestPending()); // appended in slices
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isRequestPending(), kSafety);
        QCOMPARE(pane.requestView()->toPlainText(), pretty);
        QVERIFY(!pane.showAllRequestButton()->isVisible());
        QVERIFY(!pane.requestNoteLabel()->isVisible());
        verifyNoKeyInPane(pane);
    }

    // A large request still being indented when another exchange is selected: its text never
    // replaces the one selected since.
    void staleIndentingIsDropped()
    {
        ExchangeLog log;
        ExchangeInspector pane(&log);
        pane.resize(560, 760);
        pane.tabs()->setCurrentIndex(ExchangeInspector::RequestTab);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        runLong(log);
        run(log, QStringLiteral("loopback-echo"), QStringLiteral("A short one"));
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isRequestPending(), kSafety);
        QCOMPARE(pane.currentExchange(), log.at(0));
        QCOMPARE(pane.requestView()->toPlainText(), log.at(0)->prettyRequest());

        pane.selectRow(1); // the long one: indenting starts
        QVERIFY(pane.isRequestPending());
        pane.selectRow(0); // the short one, at once
        QVERIFY(!pane.isRequestPending());
        QThreadPool::globalInstance()->waitForDone(); // the long one's indenting has finished...
        QCoreApplication::processEvents();            // ...and its result was delivered
        QCOMPARE(pane.requestView()->toPlainText(), log.at(0)->prettyRequest());
        QVERIFY(!pane.showAllRequestButton()->isVisible());

        pane.selectRow(1); // selected again, it is indented again
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isRequestPending(), kSafety);
        const QString head = pane.requestView()->toPlainText();
        QVERIFY(!head.isEmpty());
        QCOMPARE(head, log.at(1)->prettyRequest().left(head.size()));
    }

    void screenshot()
    {
        ExchangeLog log;
        ExchangeInspector pane(&log);
        run(log, QStringLiteral("loopback-reasoning"), QStringLiteral("Why is the sky blue?"));
        run(log, QStringLiteral("loopback-ratelimit"));
        run(log, QStringLiteral("loopback-badkey"));
        pane.resize(560, 760);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.selectRow(3);
        pane.tabs()->setCurrentIndex(ExchangeInspector::ResponseTab);
        QVERIFY(pane.grab().save(QStringLiteral("/tmp/exchange-inspector.png")));
        pane.selectRow(0);
        pane.tabs()->setCurrentIndex(ExchangeInspector::HeadersTab);
        QVERIFY(pane.grab().save(QStringLiteral("/tmp/exchange-inspector-headers.png")));
        pane.tabs()->setCurrentIndex(ExchangeInspector::ResponseTab);
        QVERIFY(pane.grab().save(QStringLiteral("/tmp/exchange-inspector-error.png")));
        pane.selectRow(3);
        pane.tabs()->setCurrentIndex(ExchangeInspector::RequestTab);
        QVERIFY(pane.grab().save(QStringLiteral("/tmp/exchange-inspector-request.png")));
    }
};

QTEST_MAIN(TestExchangeInspector)
#include "tst_exchangeinspector.moc"
