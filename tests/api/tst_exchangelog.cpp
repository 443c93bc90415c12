// ExchangeLog against the loopback Ark server over 127.0.0.1: one entry per attempt (retries and
// failures included), SSE timelines with decoded deltas, bodies as received, bounded memory, and
// redaction: the API key appears nowhere in the log, its model, its curl text or its exports.
#include "api/ExchangeLog.h"
#include "support/LoopbackServer.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtTest>

using namespace ark::api;
using namespace ark::testsupport;
namespace ch = ark::testsupport::chunks;

namespace {
const QString kKey = QStringLiteral("sk-test-0123456789abcdef");
const QByteArray kChat = "/chat/completions";
constexpr int kSafety = 20000; // a safety limit for waits, never a measured expectation

// Every piece of text the log keeps about an exchange, field by field.
QStringList storedTexts(const Exchange& e)
{
    QStringList out{e.method,
                    e.url,
                    e.requestId,
                    e.errorText,
                    QString::fromUtf8(e.requestBody),
                    QString::fromUtf8(e.responseBody)};
    for (const HeaderList* headers : {&e.requestHeaders, &e.responseHeaders})
        for (const auto& [name, value] : *headers)
            out << QString::fromUtf8(name) << QString::fromUtf8(value);
    for (const ExchangeEvent& event : e.events)
        out << event.type << QString::fromUtf8(event.data) << event.id << event.content << event.reasoning
            << event.other << event.decodedText();
    out << e.prettyRequest() << e.requestHeadersText() << e.responseHeadersText() << e.responseText()
        << e.curlCommand() << QString::fromStdString(e.toJson().dump());
    return out;
}

QString header(const HeaderList& headers, const QByteArray& name)
{
    for (const auto& [n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(v);
    return {};
}
} // namespace

class TestExchangeLog : public QObject
{
    Q_OBJECT
private:
    QNetworkAccessManager m_nam;
    LoopbackServer* m_server = nullptr;

    ClientConfig config(const QString& key = kKey) const
    {
        ClientConfig c;
        c.baseUrl = m_server->baseUrl();
        c.apiKey = key;
        c.retry.baseDelayMs = 8;
        c.retry.maxServerDelayMs = 5000; // loopback-ratelimit asks for Retry-After: 1
        c.retry.random = [] {
            return 0.5;
        };
        return c;
    }

    static ChatRequest request(const QString& model, const QString& text = QStringLiteral("你好"))
    {
        ChatRequest r;
        r.model = model;
        r.messages.push_back(ChatMessage::user(text));
        return r;
    }

    // Runs one call to completion with the log attached; the call is owned by the test object.
    ChatCall* run(ExchangeLog& log, const ChatRequest& r, const ClientConfig& cfg)
    {
        ChatClient client(&m_nam);
        ChatCall* call = client.start(r, cfg, this);
        log.attach(call);
        QSignalSpy finished(call, &ChatCall::finished);
        if (!call->isFinished())
            [&] {
                QVERIFY(finished.wait(kSafety));
            }();
        return call;
    }
    ChatCall* run(ExchangeLog& log, const ChatRequest& r) { return run(log, r, config()); }

    // The key must not be anywhere: every role of every cell of the model, every stored field,
    // the curl text of each exchange, each single export and the export of all.
    static void verifyNoKey(const ExchangeLog& log, const QString& key = kKey)
    {
        const ExchangeListModel* model = log.model();
        QCOMPARE(model->rowCount(), log.count());
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QModelIndex index = model->index(row, column);
                for (int role = 0; role <= ExchangeListModel::LastRole; ++role) {
                    const QString text = model->data(index, role).toString();
                    QVERIFY2(!text.contains(key),
                             qPrintable(
                                 QStringLiteral("row %1 column %2 role %3").arg(row).arg(column).arg(role)));
                }
            }
            for (const QString& text : storedTexts(*log.at(row)))
                QVERIFY2(!text.contains(key), qPrintable(text.left(200)));
            QVERIFY(!ExchangeLog::exportJson({log.at(row)}).contains(key.toUtf8()));
        }
        QVERIFY(!log.exportAllJson().contains(key.toUtf8()));
    }

    static ScriptedResponse timedStream()
    {
        ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        const QList<QByteArray> payloads = {ch::reasoning(QStringLiteral("想")),
                                            ch::reasoning(QStringLiteral("一想")),
                                            ch::content(QStringLiteral("答")), ch::finish("stop")};
        for (const QByteArray& payload : payloads) {
            response.steps.push_back(Step::write("data: " + payload + "\n\n"));
            response.steps.push_back(Step::delay(40));
        }
        response.steps.push_back(Step::write("data: [DONE]\n\n"));
        return response;
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

    void streamedReasoningAnswer()
    {
        ExchangeLog log;
        QSignalSpy added(&log, &ExchangeLog::exchangeAdded);
        ChatCall* call = run(log, request(QStringLiteral("loopback-reasoning")));
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        QCOMPARE(added.size(), 1);
        QCOMPARE(log.count(), 1);
        const ExchangePtr e = log.at(0);
        QCOMPARE(e->method, QStringLiteral("POST"));
        QCOMPARE(e->url, m_server->baseUrl().toString() + QStringLiteral("/chat/completions"));
        QCOMPARE(e->path(), QStringLiteral("/api/v3/chat/completions"));
        QCOMPARE(e->httpStatus, 200);
        QVERIFY(!e->running);
        QVERIFY(!e->failed());
        QVERIFY(e->errorText.isEmpty());
        QVERIFY(e->durationMs >= 0);
        QVERIFY(e->firstByteMs >= 0 && e->firstByteMs <= e->durationMs);
        QCOMPARE(e->requestId, call->requestId());
        QVERIFY(!e->requestId.isEmpty());
        QCOMPARE(header(e->responseHeaders, "X-Request-Id"), e->requestId);
        QVERIFY(header(e->responseHeaders, "Content-Type").startsWith(QLatin1String("text/event-stream")));
        QCOMPARE(header(e->requestHeaders, "Authorization"), QStringLiteral("Bearer ****cdef"));
        QCOMPARE(header(e->requestHeaders, "Accept"), QStringLiteral("text/event-stream"));
        QCOMPARE(header(e->requestHeaders, "Content-Length"), QString::number(call->requestBody().size()));
        QCOMPARE(e->requestBody, call->requestBody());
        QVERIFY(e->streamed && e->eventStream);
        QVERIFY(e->responseBody.isEmpty());

        // The timeline: every event, in order, decoded beside the raw data.
        QVERIFY(e->events.size() >= 4);
        QString reasoning, content;
        for (size_t i = 0; i < e->events.size(); ++i) {
            const ExchangeEvent& event = e->events[i];
            QCOMPARE(event.type, QStringLiteral("message"));
            QVERIFY(event.ms >= 0);
            if (i > 0)
                QVERIFY(event.ms >= e->events[i - 1].ms);
            reasoning += event.reasoning;
            content += event.content;
            if (!event.reasoning.isEmpty())
                QVERIFY(event.decodedText().startsWith(QLatin1String("reasoning: ")));
            if (!event.content.isEmpty())
                QVERIFY(event.decodedText().contains(QLatin1String("content: \"") + event.content +
                                                     QLatin1Char('"')));
        }
        QCOMPARE(reasoning, call->result().reasoning);
        QCOMPARE(content, call->result().content);
        QVERIFY(!reasoning.isEmpty() && !content.isEmpty());
        QCOMPARE(e->events.back().data, QByteArray("[DONE]"));
        QVERIFY(!e->events.back().decoded);
        QCOMPARE(e->events.back().decodedText(), QStringLiteral("end of stream"));
        // The usage-only chunk and the finish reason are described too.
        bool sawUsage = false, sawFinish = false;
        for (const ExchangeEvent& event : e->events) {
            sawUsage |= event.other.contains(QLatin1String("usage: prompt"));
            sawFinish |= event.other.contains(QLatin1String("finish_reason=stop"));
        }
        QVERIFY(sawUsage);
        QVERIFY(sawFinish);
        // Pretty request JSON is indented, keeps the order sent, and says exactly what was sent.
        const QString pretty = e->prettyRequest();
        QVERIFY2(pretty.startsWith(QLatin1String("{\n  \"messages\": [\n")), qPrintable(pretty));
        QVERIFY(pretty.contains(QStringLiteral("\n  \"model\": \"loopback-reasoning\",\n")));
        QCOMPARE(QByteArray::fromStdString(nlohmann::ordered_json::parse(pretty.toStdString()).dump()),
                 call->requestBody());
        verifyNoKey(log);
    }

    void eventTimesFollowTheServer()
    {
        m_server->enqueue(kChat, timedStream());
        ExchangeLog log;
        ChatCall* call = run(log, request(QStringLiteral("doubao-seed-1-6-250615")));
        QVERIFY(call->succeeded());
        const ExchangePtr e = log.at(0);
        QCOMPARE(e->events.size(), size_t(5));
        for (size_t i = 1; i < e->events.size(); ++i)
            QVERIFY(e->events[i].ms >= e->events[i - 1].ms);
        // The server waited 40 ms after each of the first four events: the last cannot have
        // arrived sooner (a lower bound; no upper bound is assumed).
        QVERIFY2(e->events.back().ms - e->events.front().ms >= 3 * 40 - 10,
                 qPrintable(QString::number(e->events.back().ms - e->events.front().ms)));
        QCOMPARE(e->events[0].reasoning, QStringLiteral("想"));
        QCOMPARE(e->events[1].reasoning, QStringLiteral("一想"));
        QCOMPARE(e->events[2].content, QStringLiteral("答"));
        QCOMPARE(e->events[3].other, QStringLiteral("finish_reason=stop"));
        QVERIFY(e->responseText().contains(QStringLiteral("reasoning: \"一想\"")));
    }

    void rateLimitThenSuccessListsEachAttempt()
    {
        ExchangeLog log;
        ChatCall* call = run(log, request(QStringLiteral("loopback-ratelimit")));
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        QCOMPARE(call->retries(), 1);
        QCOMPARE(log.count(), 2);
        const ExchangePtr retry = log.at(0); // newest first
        const ExchangePtr first = log.at(1);
        QVERIFY(retry->serial > first->serial);
        QCOMPARE(first->attempt, 0);
        QCOMPARE(retry->attempt, 1);
        QCOMPARE(first->httpStatus, 429);
        QVERIFY(first->failed());
        QVERIFY(!first->errorText.isEmpty());
        QVERIFY(first->responseBody.contains("RateLimitExceeded"));
        QCOMPARE(header(first->responseHeaders, "Retry-After"), QStringLiteral("1"));
        QVERIFY(first->events.empty());
        QVERIFY(first->responseText().contains(QLatin1String("RateLimitExceeded")));
        QVERIFY(!first->requestId.isEmpty());
        QVERIFY(first->requestId != retry->requestId);
        QCOMPARE(retry->httpStatus, 200);
        QVERIFY(!retry->failed());
        QVERIFY(!retry->events.empty());
        QCOMPARE(retry->requestBody, first->requestBody);
        // The model lists them the same way, the failed one marked.
        const ExchangeListModel* model = log.model();
        QCOMPARE(model->index(0, ExchangeListModel::AttemptColumn).data().toInt(), 2);
        QCOMPARE(model->index(1, ExchangeListModel::StatusColumn).data().toString(), QStringLiteral("429"));
        QVERIFY(model->index(1, 0).data(ExchangeListModel::FailedRole).toBool());
        QVERIFY(!model->index(0, 0).data(ExchangeListModel::FailedRole).toBool());
        QCOMPARE(model->index(1, ExchangeListModel::RequestIdColumn).data().toString(), first->requestId);
        verifyNoKey(log);
    }

    void badKeyRecordsTheErrorBody()
    {
        ExchangeLog log;
        ChatCall* call = run(log, request(QStringLiteral("loopback-badkey")));
        QCOMPARE(call->error().kind, ErrorKind::Authentication);
        QCOMPARE(log.count(), 1);
        const ExchangePtr e = log.at(0);
        QCOMPARE(e->httpStatus, 401);
        QVERIFY(e->failed());
        QVERIFY(e->responseBody.contains("AuthenticationError"));
        QVERIFY(e->responseBody.contains("The API key or AK/SK in the request is missing or invalid."));
        QCOMPARE(e->errorText, call->error().humanMessage());
        QVERIFY(e->toJson().contains("error"));
        QCOMPARE(QString::fromStdString(e->toJson()["response_body"].get<std::string>()),
                 QString::fromUtf8(e->responseBody));
        verifyNoKey(log);
    }

    void droppedStreamKeepsItsEvents()
    {
        ExchangeLog log;
        ChatCall* call = run(log, request(QStringLiteral("loopback-drop")));
        QCOMPARE(call->error().kind, ErrorKind::StreamBroken);
        QCOMPARE(log.count(), 1); // answer bytes arrived: never retried
        const ExchangePtr e = log.at(0);
        QCOMPARE(e->httpStatus, 200);
        QVERIFY(!e->running);
        QVERIFY(e->failed());
        QCOMPARE(e->errorText, call->error().humanMessage());
        QString content;
        for (const ExchangeEvent& event : e->events)
            content += event.content;
        QCOMPARE(content, call->result().content);
        QVERIFY(!content.isEmpty());
        QVERIFY(e->events.back().data != "[DONE]");
        verifyNoKey(log);
    }

    void connectionFailuresAreListedPerAttempt()
    {
        QTcpServer probe; // a port nobody listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ClientConfig cfg = config();
        cfg.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v3").arg(port));
        ExchangeLog log;
        ChatCall* call = run(log, request(QStringLiteral("loopback-echo")), cfg);
        QCOMPARE(call->error().kind, ErrorKind::Network);
        QCOMPARE(log.count(), 3); // the first try and two retries
        for (int row = 0; row < 3; ++row) {
            const ExchangePtr e = log.at(row);
            QCOMPARE(e->attempt, 2 - row);
            QCOMPARE(e->httpStatus, 0);
            QVERIFY(e->failed());
            QVERIFY(!e->errorText.isEmpty());
            QVERIFY(e->responseHeaders.isEmpty());
            QCOMPARE(log.model()->index(row, ExchangeListModel::StatusColumn).data().toString(),
                     QCoreApplication::translate("ark::api::ExchangeListModel", "failed"));
        }
        verifyNoKey(log);
    }

    void nonStreamedBodyIsRecordedWhole()
    {
        ExchangeLog log;
        ChatRequest r = request(QStringLiteral("loopback-reasoning"));
        r.stream = false;
        ChatCall* call = run(log, r);
        QVERIFY(call->succeeded());
        const ExchangePtr e = log.at(0);
        QVERIFY(!e->streamed);
        QVERIFY(e->events.empty());
        QVERIFY(e->responseBody.contains("\"chat.completion\""));
        QCOMPARE(header(e->requestHeaders, "Accept"), QStringLiteral("application/json"));
        QVERIFY(!e->curlCommand().contains(QLatin1String("--no-buffer")));
        QCOMPARE(e->responseText(), QString::fromUtf8(e->responseBody));
        verifyNoKey(log);
    }

    // A hostile server (or a body quoting the key back): the key in the URL query, in response
    // headers, in SSE data, in decoded deltas and in an error body is replaced before storing.
    void keyEchoedEverywhereIsScrubbed()
    {
        const QByteArray key = kKey.toUtf8();
        ScriptedResponse stream = ScriptedResponse::sse(
            {ch::content(QStringLiteral("your key is ") + kKey), ch::reasoning(kKey), ch::finish("stop")});
        stream.header("X-Echo", "key=" + key).header("Authorization", "Bearer " + key);
        m_server->enqueue(
            kChat, ScriptedResponse::json(
                       500, R"({"error":{"code":"InternalServiceError","message":"bad )" + key + R"("}})",
                       {{"X-Echo", key}}));
        m_server->enqueue(kChat, stream);
        ClientConfig cfg = config();
        QUrl base = m_server->baseUrl();
        base.setQuery(QStringLiteral("api_key=") + kKey);
        cfg.baseUrl = base;
        ExchangeLog log;
        ChatCall* call = run(
            log, request(QStringLiteral("doubao-seed-1-6-250615"), QStringLiteral("repeat ") + kKey), cfg);
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        QCOMPARE(call->result().content,
                 QStringLiteral("your key is ") + kKey); // the answer itself is untouched
        QVERIFY(call->requestBody().contains(key));
        QCOMPARE(log.count(), 2);
        verifyNoKey(log);

        const ExchangePtr failed = log.at(1);
        QVERIFY(failed->responseBody.contains("bad ****cdef"));
        QCOMPARE(header(failed->responseHeaders, "X-Echo"), QStringLiteral("****cdef"));
        const ExchangePtr ok = log.at(0);
        QVERIFY(ok->url.endsWith(QLatin1String("?api_key=****cdef")));
        QCOMPARE(header(ok->responseHeaders, "Authorization"), QStringLiteral("Bearer ****cdef"));
        QCOMPARE(header(ok->responseHeaders, "X-Echo"), QStringLiteral("key=****cdef"));
        QVERIFY(ok->requestBody.contains("repeat ****cdef"));
        QCOMPARE(ok->events[0].content, QStringLiteral("your key is ****cdef"));
        QCOMPARE(ok->events[1].reasoning, QStringLiteral("****cdef"));
        QVERIFY(ok->events[0].data.contains("your key is ****cdef"));
    }

    void shortKeysShowNoTail_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("authorization");
        QTest::newRow("11 chars") << QStringLiteral("abcdefghijk") << QStringLiteral("Bearer ****");
        QTest::newRow("12 chars") << QStringLiteral("abcdefghijkl") << QStringLiteral("Bearer ****ijkl");
        QTest::newRow("uuid-like") << QStringLiteral("3f2a9c1e-7b4d-4e8a-9f10-c2d3e4f5a6b7")
                                   << QStringLiteral("Bearer ****a6b7");
    }
    void shortKeysShowNoTail()
    {
        QFETCH(QString, key);
        QFETCH(QString, authorization);
        ExchangeLog log;
        ChatCall* call =
            run(log, request(QStringLiteral("loopback-echo"), QStringLiteral("echo ") + key), config(key));
        QVERIFY(call->succeeded());
        QCOMPARE(header(log.at(0)->requestHeaders, "Authorization"), authorization);
        verifyNoKey(log, key);
        // What went over the wire did carry the key: redaction is the log's, not the request's.
        QCOMPARE(m_server->requests().last().header("authorization"), "Bearer " + key.toUtf8());
    }

    void curlCommandIsShellSafe()
    {
        // Quotes, dollars, backticks, backslashes and newlines must reach the server unchanged.
        const QString tricky = QStringLiteral("it's $HOME `id` \\n \"q\" 'x'\nline 2 — 中文");
        ExchangeLog log;
        ChatCall* call = run(log, request(QStringLiteral("loopback-echo"), tricky));
        QVERIFY(call->succeeded());
        const QString curl = log.at(0)->curlCommand();
        QVERIFY(curl.startsWith(QStringLiteral("curl --no-buffer '") + log.at(0)->url + QLatin1Char('\'')));
        QVERIFY(curl.contains(QStringLiteral("-H \"Authorization: Bearer $ARK_API_KEY\"")));
        QVERIFY(curl.contains(QStringLiteral("-H 'Content-Type: application/json'")));
        QVERIFY(curl.contains(QStringLiteral("-H 'Accept: text/event-stream'")));
        QVERIFY(!curl.contains(QLatin1String("Content-Length")));
        QVERIFY(curl.contains(QStringLiteral("--data-raw '{")));
        QVERIFY(!curl.contains(kKey));
        QVERIFY(!curl.contains(QLatin1String("****")));

        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        // Run it: the server must receive the very same body and the key from the environment.
        m_server->clearRequests();
        QProcess shell;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARK_API_KEY"), kKey);
        shell.setProcessEnvironment(env);
        shell.start(QStringLiteral("sh"),
                    {QStringLiteral("-c"), curl.trimmed() + QStringLiteral(" -sS -o /dev/null")});
        QVERIFY(shell.waitForStarted(kSafety));
        QSignalSpy done(&shell, &QProcess::finished);
        QVERIFY(done.wait(kSafety));
        QCOMPARE(shell.exitCode(), 0);
        QCOMPARE(m_server->requests().size(), 1);
        const RecordedRequest& sent = m_server->requests().first();
        QCOMPARE(sent.body, call->requestBody());
        QCOMPARE(sent.header("authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(sent.header("accept"), QByteArray("text/event-stream"));
    }

    void exportsAreDocumentedJson()
    {
        ExchangeLog log;
        run(log, request(QStringLiteral("loopback-ratelimit")));
        QCOMPARE(log.count(), 2);
        const auto all = nlohmann::json::parse(log.exportAllJson().toStdString());
        QCOMPARE(all["format"].get<std::string>(), std::string("ark-workbench-exchanges"));
        QCOMPARE(all["version"].get<int>(), 1);
        QCOMPARE(all["exchanges"].size(), size_t(2));
        const auto& newest = all["exchanges"][0];
        const auto& oldest = all["exchanges"][1];
        QCOMPARE(newest["status"].get<int>(), 200);
        QCOMPARE(oldest["status"].get<int>(), 429);
        QCOMPARE(newest["attempt"].get<int>(), 1);
        QVERIFY(oldest.contains("error"));
        QVERIFY(!newest.contains("error"));
        QVERIFY(oldest.contains("response_body"));
        QCOMPARE(newest["request_body"]["model"].get<std::string>(), std::string("loopback-ratelimit"));
        QVERIFY(newest["events"].size() > 2);
        QVERIFY(newest["events"][0].contains("ms"));
        QVERIFY(newest["events"][0].contains("delta"));
        QVERIFY(newest["duration_ms"].is_number());
        QVERIFY(newest["ttfb_ms"].is_number());
        QVERIFY(QDateTime::fromString(QString::fromStdString(newest["started_at"].get<std::string>()),
                                      Qt::ISODateWithMs)
                    .isValid());
        bool sawAuth = false;
        for (const auto& h : newest["request_headers"])
            if (h["name"] == "Authorization") {
                QCOMPARE(h["value"].get<std::string>(), std::string("Bearer ****cdef"));
                sawAuth = true;
            }
        QVERIFY(sawAuth);
        const auto one = nlohmann::json::parse(ExchangeLog::exportJson({log.at(1)}).toStdString());
        QCOMPARE(one["exchanges"].size(), size_t(1));
        QCOMPARE(one["exchanges"][0]["serial"], oldest["serial"]);
        verifyNoKey(log);
    }

    void logKeepsTheNewestExchanges()
    {
        ExchangeLog log;
        log.setMaxExchanges(3);
        for (int i = 0; i < 5; ++i)
            run(log, request(QStringLiteral("loopback-echo"), QStringLiteral("n%1").arg(i)));
        QCOMPARE(log.count(), 3);
        QCOMPARE(log.model()->rowCount(), 3);
        QVERIFY(log.at(0)->requestBody.contains("n4"));
        QVERIFY(log.at(2)->requestBody.contains("n2"));
        QCOMPARE(log.rowOf(log.at(2)->serial), 2);
        QCOMPARE(log.rowOf(log.at(2)->serial - 1), -1);
        QVERIFY(!log.find(log.at(2)->serial - 1));
        log.clear();
        QCOMPARE(log.count(), 0);
        QCOMPARE(log.model()->rowCount(), 0);
    }

    void totalBudgetEvictsOldest()
    {
        ExchangeLog log;
        log.setMaxTotalBytes(1); // nothing fits: only the newest stays
        run(log, request(QStringLiteral("loopback-echo"), QStringLiteral("a")));
        run(log, request(QStringLiteral("loopback-echo"), QStringLiteral("b")));
        QCOMPARE(log.count(), 1);
        QVERIFY(log.at(0)->requestBody.contains("\"b\""));
    }

    void eventBytesAreCappedWithAMarker()
    {
        ExchangeLog full;
        QVERIFY(run(full, request(QStringLiteral("loopback-reasoning")))->succeeded());
        ExchangeLog log;
        log.setMaxEventBytes(400);
        ChatCall* call = run(log, request(QStringLiteral("loopback-reasoning")));
        QVERIFY(call->succeeded());
        const ExchangePtr e = log.at(0);
        const ExchangePtr whole = full.at(0);
        QVERIFY(e->eventBytes <= 400);
        QVERIFY(!e->events.empty());
        QVERIFY(e->droppedEvents > 0);
        QCOMPARE(qint64(e->events.size()) + e->droppedEvents, qint64(whole->events.size()));
        QCOMPARE(e->eventBytes + e->droppedBytes, whole->eventBytes);
        QVERIFY(e->responseText().contains(QString::number(e->droppedEvents)));
        const auto json = e->toJson();
        QCOMPARE(json["events_dropped"]["events"].get<qint64>(), e->droppedEvents);
        QCOMPARE(json["events_dropped"]["bytes"].get<qint64>(), e->droppedBytes);
        // The kept events are the first ones, each with its own decoded delta: no delta of a
        // dropped event lands on a kept one.
        for (size_t i = 0; i < e->events.size(); ++i) {
            QCOMPARE(e->events[i].reasoning, whole->events[i].reasoning);
            QCOMPARE(e->events[i].content, whole->events[i].content);
            QCOMPARE(e->events[i].other, whole->events[i].other);
        }
    }

    void deletedWhileRunningIsClosed()
    {
        ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        response.steps = {Step::write("data: " + ch::content(QStringLiteral("partial")) + "\n\n"),
                          Step::stall()};
        m_server->enqueue(kChat, response);
        ExchangeLog log;
        ChatClient client(&m_nam);
        ChatCall* call = client.start(request(QStringLiteral("doubao-seed-1-6-250615")), config(), this);
        log.attach(call);
        QSignalSpy delta(call, &ChatCall::delta);
        QVERIFY(delta.wait(kSafety));
        QCOMPARE(log.count(), 1);
        QVERIFY(log.at(0)->running);
        QCOMPARE(log.model()->index(0, ExchangeListModel::DurationColumn).data().toString(),
                 QStringLiteral("…"));
        QSignalSpy updated(&log, &ExchangeLog::exchangeUpdated);
        delete call;
        QCOMPARE(updated.size(), 1);
        QVERIFY(!log.at(0)->running);
        QVERIFY(log.at(0)->failed());
        QCOMPARE(log.at(0)->events.size(), size_t(1));
        QCOMPARE(log.at(0)->events[0].content, QStringLiteral("partial"));
    }

    void cancelledCallEndsItsEntry()
    {
        ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        response.steps = {Step::write("data: " + ch::content(QStringLiteral("x")) + "\n\n"), Step::stall()};
        m_server->enqueue(kChat, response);
        ExchangeLog log;
        ChatClient client(&m_nam);
        ChatCall* call = client.start(request(QStringLiteral("doubao-seed-1-6-250615")), config(), this);
        log.attach(call);
        QSignalSpy delta(call, &ChatCall::delta);
        QVERIFY(delta.wait(kSafety));
        call->cancel();
        QVERIFY(!log.at(0)->running);
        QCOMPARE(log.at(0)->errorText, call->error().humanMessage());
        QVERIFY(log.at(0)->durationMs >= 0);
    }

    // The indenting the inspector runs on a worker for a large request: the same text as
    // prettyRequest(), from the bytes alone.
    void prettyJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pretty");
        QTest::newRow("order kept") << QByteArray(R"({"b":1,"a":[1,2],"c":{},"d":[]})")
                                    << QStringLiteral("{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2\n  ],\n"
                                                      "  \"c\": {},\n  \"d\": []\n}");
        QTest::newRow("unicode, escapes") << QByteArray("{\"t\":\"你好\\n\\\"x\\\"\"}")
                                          << QStringLiteral("{\n  \"t\": \"你好\\n\\\"x\\\"\"\n}");
        QTest::newRow("not json") << QByteArray("not json {") << QStringLiteral("not json {");
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void prettyJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, pretty);
        QCOMPARE(Exchange::prettyJson(json), pretty);
        Exchange e;
        e.requestBody = json;
        QCOMPARE(e.prettyRequest(), pretty);
    }

    // A long conversation's request is kept as sent, sharing the call's bytes (no copy of
    // megabytes per exchange), and its exchange is updated at milestones only.
    void longRequestIsKeptWithoutACopy()
    {
        ChatRequest r;
        r.model = QStringLiteral("loopback-echo");
        for (int i = 0; i < 3000; ++i)
            r.messages.push_back(i % 2 ? ChatMessage::assistant(QStringLiteral("Answer %1.").arg(i))
                                       : ChatMessage::user(QStringLiteral("Question %1?").arg(i)));
        ExchangeLog log;
        QSignalSpy updated(&log, &ExchangeLog::exchangeUpdated);
        ChatClient client(&m_nam);
        ChatCall* call = client.start(r, config(), this);
        log.attach(call);
        QSignalSpy finished(call, &ChatCall::finished);
        QVERIFY(finished.wait(kSafety));
        QVERIFY(call->succeeded());
        QCOMPARE(log.count(), 1);
        const ExchangePtr e = log.at(0);
        QCOMPARE(e->requestBody, call->requestBody());
        QVERIFY(static_cast<const void*>(e->requestBody.constData()) ==
                static_cast<const void*>(call->requestBody().constData()));
        QVERIFY(!e->events.empty());
        QVERIFY(updated.count() <= 4); // started, response headers, ended (and the first sync)
        QCOMPARE(
            QByteArray::fromStdString(nlohmann::ordered_json::parse(e->prettyRequest().toStdString()).dump()),
            call->requestBody());
    }

    void attachingTwiceRecordsOnce()
    {
        ExchangeLog log;
        ChatClient client(&m_nam);
        ChatCall* call = client.start(request(QStringLiteral("loopback-echo")), config(), this);
        log.attach(call);
        log.attach(call);
        QSignalSpy finished(call, &ChatCall::finished);
        QVERIFY(finished.wait(kSafety));
        QCOMPARE(log.count(), 1);
        size_t dataEvents = 0;
        for (const ExchangeEvent& event : log.at(0)->events)
            dataEvents += event.decoded ? 1 : 0;
        QVERIFY(dataEvents > 0);
        QCOMPARE(log.at(0)->events.size(), dataEvents + 1); // + [DONE], each once
    }
};

QTEST_GUILESS_MAIN(TestExchangeLog)
#include "tst_exchangelog.moc"
