// ChatClient over real HTTP on 127.0.0.1 against the loopback Ark server: every scenario the
// foundation promises (streams, framing variants, faults, errors, retries, deprecation, redirects).
#include "api/ChatClient.h"
#include "api/RequestBuilder.h"
#include "support/LoopbackServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace ark::api;
using namespace ark::testsupport;
namespace ch = ark::testsupport::chunks;

Q_DECLARE_METATYPE(ark::api::ErrorKind)
Q_DECLARE_METATYPE(ark::testsupport::ScriptedResponse)

namespace {
const QString kKey = QStringLiteral("test-key-0123456789abcd");
const QByteArray kChat = "/chat/completions";
constexpr int kSafety = 20000; // a safety limit for waits, never a measured expectation
} // namespace

class TestChatClient : public QObject
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
        c.retry.baseDelayMs = 8; // keep retries quick; the policy's own tests cover the numbers
        c.retry.random = [] {
            return 0.5;
        };
        return c;
    }

    static ChatRequest simpleRequest(const QString& model = QStringLiteral("doubao-seed-1-6-250615"))
    {
        ChatRequest request;
        request.model = model;
        request.messages.push_back(ChatMessage::user(QStringLiteral("你好")));
        return request;
    }

    // Runs one call to completion and returns it (owned by the test object).
    ChatCall* run(const ChatRequest& request, const ClientConfig& cfg)
    {
        ChatClient client(&m_nam);
        ChatCall* call = client.start(request, cfg, this);
        QSignalSpy finished(call, &ChatCall::finished);
        if (!call->isFinished())
            [&] {
                QVERIFY(finished.wait(kSafety));
            }();
        return call;
    }
    ChatCall* run(const ChatRequest& request) { return run(request, config()); }

    QList<RecordedRequest> chatRequests() const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest& r : m_server->requests())
            if (r.path.endsWith(kChat))
                out << r;
        return out;
    }

    static ScriptedResponse reasoningStream()
    {
        return ScriptedResponse::sse(
            {ch::reasoning(QStringLiteral("先想")), ch::reasoning(QStringLiteral("一想。")),
             ch::content(QStringLiteral("答案")), ch::content(QStringLiteral("是 42。")), ch::finish("stop"),
             ch::usageOnly(12, 30, 20, 4)});
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

    void reasoningThenAnswer()
    {
        m_server->enqueue(kChat, reasoningStream());
        ChatCall* call = run(simpleRequest());
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        const ChatResult result = call->result();
        QCOMPARE(result.reasoning, QStringLiteral("先想一想。"));
        QCOMPARE(result.content, QStringLiteral("答案是 42。"));
        QCOMPARE(result.finishReason, QStringLiteral("stop"));
        QVERIFY(result.usage.present);
        QCOMPARE(result.usage.promptTokens, 12);
        QCOMPARE(result.usage.completionTokens, 30);
        QCOMPARE(result.usage.reasoningTokens, 20);
        QCOMPARE(result.usage.cachedTokens, 4);
        QCOMPARE(call->retries(), 0);
        QVERIFY(!call->isPartial());
        QVERIFY(call->timeToFirstTokenMs() >= 0);
        QVERIFY(!call->requestId().isEmpty());

        // What went over the wire.
        const auto sent = chatRequests();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].method, QByteArray("POST"));
        QCOMPARE(sent[0].path, QByteArray("/api/v3/chat/completions"));
        QCOMPARE(sent[0].header("authorization"), "Bearer " + kKey.toUtf8());
        QVERIFY(sent[0].header("content-type").startsWith("application/json"));
        const auto body = nlohmann::json::parse(sent[0].body.toStdString());
        QCOMPARE(body.at("model").get<std::string>(), std::string("doubao-seed-1-6-250615"));
        QCOMPARE(body.at("stream").get<bool>(), true);
        QCOMPARE(body.at("stream_options").at("include_usage").get<bool>(), true);
        QCOMPARE(body.at("messages").at(0).at("content").get<std::string>(), std::string("你好"));
    }

    void deltasArriveInOrder()
    {
        m_server->enqueue(kChat, reasoningStream());
        ChatClient client(&m_nam);
        ChatCall* call = client.start(simpleRequest(), config(), this);
        QStringList seen;
        connect(call, &ChatCall::delta, this, [&](const ChatDelta& d) {
            if (!d.reasoning.isEmpty())
                seen << QStringLiteral("R:") + d.reasoning;
            if (!d.content.isEmpty())
                seen << QStringLiteral("C:") + d.content;
        });
        QSignalSpy finished(call, &ChatCall::finished);
        QVERIFY(finished.wait(kSafety));
        QCOMPARE(seen, (QStringList{QStringLiteral("R:先想"), QStringLiteral("R:一想。"),
                                    QStringLiteral("C:答案"), QStringLiteral("C:是 42。")}));
    }

    // The same answer whatever the framing and the way bytes are cut.
    void framingVariants_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("chunkSize");
        const QByteArray a = ch::content(QStringLiteral("Hello, ")), b = ch::content(QStringLiteral("世界")),
                         f = ch::finish("stop");
        const QByteArray lf = "data: " + a + "\n\ndata: " + b + "\n\ndata: " + f + "\n\ndata: [DONE]\n\n";
        QTest::newRow("lf") << lf << 0;
        QTest::newRow("lf byte by byte") << lf << 1;
        QTest::newRow("lf 7-byte pieces") << lf << 7;
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        QTest::newRow("crlf byte by byte") << crlf << 1;
        QByteArray cr = lf;
        cr.replace("\n", "\r");
        QTest::newRow("cr") << cr << 3;
        QTest::newRow("comments and heartbeats")
            << QByteArray(": keep-alive\n\n" + lf.left(lf.indexOf("\n\n") + 2) + ":ping\n\n" +
                          lf.mid(lf.indexOf("\n\n") + 2))
            << 0;
        QTest::newRow("no space after colon, id and event fields")
            << QByteArray("id: 1\nevent: message\ndata:" + a + "\n\nid: 2\ndata:" + b + "\n\ndata:" + f +
                          "\n\ndata:[DONE]\n\n")
            << 0;
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" + lf) << 1;
        // A JSON chunk split over two data lines is joined with "\n", which JSON allows.
        QByteArray split = lf;
        split.replace("\"content\":", "\"content\":\ndata: ");
        QTest::newRow("json over two data lines") << split << 0;
    }
    void framingVariants()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, chunkSize);
        ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        response.chunkSize = chunkSize;
        response.steps = {Step::write(body)};
        m_server->enqueue(kChat, response);
        ChatCall* call = run(simpleRequest());
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage() + call->error().detail));
        QCOMPARE(call->result().content, QStringLiteral("Hello, 世界"));
        QCOMPARE(call->result().finishReason, QStringLiteral("stop"));
    }

    void delaysBetweenChunks()
    {
        ScriptedResponse response = ScriptedResponse::sse({});
        response.steps.clear();
        for (int i = 0; i < 5; ++i) {
            response.steps.push_back(Step::write("data: " + ch::content(QString::number(i)) + "\n\n"));
            response.steps.push_back(Step::delay(30));
        }
        response.steps.push_back(Step::write("data: " + ch::finish("stop") + "\n\ndata: [DONE]\n\n"));
        m_server->enqueue(kChat, response);
        ChatCall* call = run(simpleRequest());
        QVERIFY(call->succeeded());
        QCOMPARE(call->result().content, QStringLiteral("01234"));
    }

    void parallelToolCallsInFragments()
    {
        m_server->enqueue(kChat, ScriptedResponse::sse({
                                     ch::content(QStringLiteral("Checking both.")),
                                     ch::toolCallStart(0, "call_a", "get_weather"),
                                     ch::toolCallStart(1, "call_b", "get_time"),
                                     ch::toolCallArgs(0, "{\"city\":"),
                                     ch::toolCallArgs(1, "{\"tz\":\"Asia/"),
                                     ch::toolCallArgs(0, "\"Beijing\"}"),
                                     ch::toolCallArgs(1, "Shanghai\"}"),
                                     ch::finish("tool_calls"),
                                 }));
        ChatCall* call = run(simpleRequest());
        QVERIFY(call->succeeded());
        const ChatResult result = call->result();
        QCOMPARE(result.content, QStringLiteral("Checking both."));
        QCOMPARE(result.finishReason, QStringLiteral("tool_calls"));
        QCOMPARE(int(result.toolCalls.size()), 2);
        QCOMPARE(result.toolCalls[0].id, QStringLiteral("call_a"));
        QCOMPARE(result.toolCalls[0].name, QStringLiteral("get_weather"));
        QCOMPARE(result.toolCalls[0].arguments, QStringLiteral("{\"city\":\"Beijing\"}"));
        QCOMPARE(result.toolCalls[1].id, QStringLiteral("call_b"));
        QCOMPARE(result.toolCalls[1].arguments, QStringLiteral("{\"tz\":\"Asia/Shanghai\"}"));
    }

    void builtInToolScenario()
    {
        ChatCall* call = run(simpleRequest(QStringLiteral("loopback-tools")));
        QVERIFY(call->succeeded());
        QCOMPARE(int(call->result().toolCalls.size()), 2);
        QCOMPARE(call->result().finishReason, QStringLiteral("tool_calls"));
        QVERIFY(nlohmann::json::accept(call->result().toolCalls[0].arguments.toStdString()));
        QVERIFY(nlohmann::json::accept(call->result().toolCalls[1].arguments.toStdString()));
    }

    void nonStreamingReply()
    {
        ChatRequest request = simpleRequest(QStringLiteral("loopback-reasoning"));
        request.stream = false;
        ChatCall* call = run(request);
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        QCOMPARE(call->result().content, QStringLiteral("The answer is 42."));
        QCOMPARE(call->result().reasoning, QStringLiteral("Let me think about this."));
        QVERIFY(call->result().usage.present);
        const auto body = nlohmann::json::parse(chatRequests().at(0).body.toStdString());
        QVERIFY(!body.contains("stream_options"));
        QVERIFY(!body.value("stream", false));

        // The streamed form of the same scenario gives the same texts.
        ChatCall* streamed = run(simpleRequest(QStringLiteral("loopback-reasoning")));
        QVERIFY(streamed->succeeded());
        QCOMPARE(streamed->result().content, call->result().content);
        QCOMPARE(streamed->result().reasoning, call->result().reasoning);
    }

    void reasoningIsNeverSentBack()
    {
        m_server->enqueue(kChat, reasoningStream());
        ChatRequest request = simpleRequest();
        ChatMessage earlier = ChatMessage::assistant(QStringLiteral("Earlier answer"));
        earlier.reasoning = QStringLiteral("secret chain of thought");
        request.messages.insert(request.messages.begin(), earlier);
        request.params.maxTokens = 100;
        request.params.maxCompletionTokens = 2000;
        QVERIFY(run(request)->succeeded());
        const QByteArray sent = chatRequests().at(0).body;
        QVERIFY(!sent.contains("reasoning_content"));
        QVERIFY(!sent.contains("secret chain of thought"));
        const auto body = nlohmann::json::parse(sent.toStdString());
        QVERIFY(body.contains("max_completion_tokens"));
        QVERIFY(!body.contains("max_tokens"));
    }

    // Faults after answer bytes: the partial answer is kept and marked, never retried.
    void faultsMidStream_data()
    {
        QTest::addColumn<ScriptedResponse>("response");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("partial");
        const QByteArray first = "data: " + ch::content(QStringLiteral("Once upon")) + "\n\n";
        const QByteArray second = "data: " + ch::content(QStringLiteral(" a time")) + "\n\n";
        auto scripted = [](std::vector<Step> steps) {
            ScriptedResponse r;
            r.headers = {{"Content-Type", "text/event-stream"}};
            r.steps = std::move(steps);
            return r;
        };
        QTest::newRow("connection dropped")
            << scripted({Step::write(first), Step::write(second), Step::drop()}) << ErrorKind::StreamBroken
            << QStringLiteral("Once upon a time");
        QTest::newRow("clean end without [DONE]")
            << scripted({Step::write(first), Step::write(second)}) << ErrorKind::StreamBroken
            << QStringLiteral("Once upon a time");
        QTest::newRow("stall") << scripted({Step::write(first), Step::stall()}) << ErrorKind::IdleTimeout
                               << QStringLiteral("Once upon");
        QTest::newRow("malformed chunk")
            << scripted({Step::write(first), Step::write("data: {\"choices\": [{\"delta\": \n\n")})
            << ErrorKind::MalformedChunk << QStringLiteral("Once upon");
        QTest::newRow("error object inside the stream")
            << scripted({Step::write(first),
                         Step::write("data: " + ch::errorObject("ServerOverloaded", "Overloaded, try later") +
                                     "\n\n")})
            << ErrorKind::Server << QStringLiteral("Once upon");
        QTest::newRow("content filter")
            << scripted({Step::write(first), Step::write("data: " + ch::finish("content_filter") + "\n\n"),
                         Step::write("data: [DONE]\n\n")})
            << ErrorKind::ContentFiltered << QStringLiteral("Once upon");
    }
    void faultsMidStream()
    {
        QFETCH(ScriptedResponse, response);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, partial);
        m_server->enqueue(kChat, response);
        ClientConfig cfg = config();
        cfg.idleTimeoutMs = 400;
        ChatCall* call = run(simpleRequest(), cfg);
        QVERIFY(call->isFinished());
        QCOMPARE(call->error().kind, kind);
        QCOMPARE(call->result().content, partial);
        QVERIFY(call->isPartial());
        QCOMPARE(call->retries(), 0);
        QCOMPARE(chatRequests().size(), 1);
        QVERIFY(!call->error().humanMessage().isEmpty());
    }

    // HTTP errors before any answer: typed, and retried only where the rules say so.
    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("expectedRequests");
        QTest::addColumn<QString>("code");
        const QByteArray auth =
            R"({"error":{"code":"AuthenticationError","message":"The API key or AK/SK in the request is missing or invalid. requestId: 021700000000000000000000000000000000000000000000000001"}})";
        QTest::newRow("400 not retried")
            << 400 << QByteArray(R"({"error":{"code":"InvalidParameter","message":"bad"}})")
            << ErrorKind::BadRequest << 1 << QStringLiteral("InvalidParameter");
        QTest::newRow("401 not retried")
            << 401 << auth << ErrorKind::Authentication << 1 << QStringLiteral("AuthenticationError");
        QTest::newRow("403") << 403 << auth << ErrorKind::Authentication << 1
                             << QStringLiteral("AuthenticationError");
        QTest::newRow("404") << 404
                             << QByteArray(R"({"error":{"code":"NotFound","message":"no such model"}})")
                             << ErrorKind::NotFound << 1 << QStringLiteral("NotFound");
        QTest::newRow("429 retried twice")
            << 429 << QByteArray(R"({"error":{"code":"RateLimitExceeded","message":"slow down"}})")
            << ErrorKind::RateLimited << 3 << QStringLiteral("RateLimitExceeded");
        QTest::newRow("500 retried twice")
            << 500 << QByteArray("internal error") << ErrorKind::Server << 3 << QString();
        QTest::newRow("503 retried twice")
            << 503 << QByteArray(R"({"error":{"code":"ServerOverloaded","message":"busy"}})")
            << ErrorKind::Server << 3 << QStringLiteral("ServerOverloaded");
    }
    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ErrorKind, kind);
        QFETCH(int, expectedRequests);
        QFETCH(QString, code);
        for (int i = 0; i < 3; ++i)
            m_server->enqueue(kChat, ScriptedResponse::json(
                                         status, body, {{"X-Request-Id", "req-" + QByteArray::number(i)}}));
        ChatCall* call = run(simpleRequest());
        QCOMPARE(call->error().kind, kind);
        QCOMPARE(call->error().httpStatus, status);
        QCOMPARE(call->error().code, code);
        QCOMPARE(chatRequests().size(), expectedRequests);
        QCOMPARE(call->retries(), expectedRequests - 1);
        QCOMPARE(call->error().requestId, QStringLiteral("req-%1").arg(expectedRequests - 1));
        QVERIFY(!call->isPartial());
        QVERIFY(!call->error().humanMessage().isEmpty());
    }

    void retryThenSuccessHonoursRetryAfterMs()
    {
        m_server->enqueue(
            kChat, ScriptedResponse::json(429, R"({"error":{"code":"RateLimitExceeded","message":"x"}})",
                                          {{"retry-after-ms", "20"}}));
        m_server->enqueue(kChat, reasoningStream());
        ChatClient client(&m_nam);
        ChatCall* call = client.start(simpleRequest(), config(), this);
        QSignalSpy retry(call, &ChatCall::retryScheduled);
        QSignalSpy finished(call, &ChatCall::finished);
        QVERIFY(finished.wait(kSafety));
        QVERIFY(call->succeeded());
        QCOMPARE(call->retries(), 1);
        QCOMPARE(retry.size(), 1);
        QCOMPARE(retry.at(0).at(1).toLongLong(), 20); // the server's delay, not our backoff
        QCOMPARE(int(call->attempts().size()), 2);
        QCOMPARE(call->attempts()[0].httpStatus, 429);
        QCOMPARE(call->attempts()[1].httpStatus, 200);
        QCOMPARE(call->result().content, QStringLiteral("答案是 42。"));
    }

    void retryAfterTooLongIsReportedNotWaited()
    {
        m_server->enqueue(
            kChat, ScriptedResponse::json(429, R"({"error":{"code":"RateLimitExceeded","message":"x"}})",
                                          {{"Retry-After", "3600"}}));
        ChatCall* call = run(simpleRequest());
        QCOMPARE(call->error().kind, ErrorKind::RateLimited);
        QVERIFY(call->error().retryAfterMs.has_value());
        QCOMPARE(*call->error().retryAfterMs, 3600 * 1000);
        QCOMPARE(chatRequests().size(), 1);
    }

    void builtInRateLimitScenarioRecovers()
    {
        ClientConfig cfg = config();
        cfg.retry.maxServerDelayMs = 5000; // the scenario asks for Retry-After: 1
        ChatCall* call = run(simpleRequest(QStringLiteral("loopback-ratelimit")), cfg);
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        QCOMPARE(call->retries(), 1);
    }

    void goneIsFinalWithReplacement()
    {
        const QByteArray body =
            R"({"error":"model_unavailable","reason":"deprecated","message":"The model 'video/bytedance/seedance-1.0-lite' was deprecated on 2026-04-27.","sunset_date":"2026-04-27","replacement":"video/bytedance/seedance-1.0-pro-fast","migration_url":"https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"})";
        for (int i = 0; i < 3; ++i)
            m_server->enqueue(kChat, ScriptedResponse::json(410, body));
        ChatClient client(&m_nam);
        ChatCall* call = client.start(simpleRequest(), config(), this);
        QSignalSpy deprecation(call, &ChatCall::deprecationSignalled);
        QSignalSpy finished(call, &ChatCall::finished);
        QVERIFY(finished.wait(kSafety));
        QCOMPARE(call->error().kind, ErrorKind::ModelRetired);
        QCOMPARE(call->error().httpStatus, 410);
        QCOMPARE(chatRequests().size(), 1); // 410 is never retried
        QCOMPARE(deprecation.size(), 1);
        const DeprecationNotice notice = call->deprecation();
        QVERIFY(notice.gone);
        QCOMPARE(notice.replacement, QStringLiteral("video/bytedance/seedance-1.0-pro-fast"));
        QCOMPARE(notice.migrationUrl,
                 QStringLiteral("https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"));
        QCOMPARE(notice.sunset.date(), QDate(2026, 4, 27));
    }

    void deprecationHeadersOnSuccess()
    {
        ScriptedResponse response = reasoningStream();
        response.header("Deprecation", "@1735689600")
            .header("Sunset", "Mon, 27 Apr 2026 00:00:00 GMT")
            .header(
                "Link",
                R"(<https://example.invalid/other>; rel="alternate", <https://docs.krea.ai/developers/deprecations#seedance-1-0-lite>; rel="deprecation"; type="text/html")");
        m_server->enqueue(kChat, response);
        ChatClient client(&m_nam);
        ChatCall* call = client.start(simpleRequest(), config(), this);
        QSignalSpy deprecation(call, &ChatCall::deprecationSignalled);
        QSignalSpy finished(call, &ChatCall::finished);
        QVERIFY(finished.wait(kSafety));
        QVERIFY(call->succeeded());
        QCOMPARE(deprecation.size(), 1);
        const DeprecationNotice notice = call->deprecation();
        QVERIFY(notice.deprecated);
        QVERIFY(!notice.gone);
        QCOMPARE(notice.deprecatedSince, QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(notice.sunset, QDateTime(QDate(2026, 4, 27), QTime(0, 0), Qt::UTC));
        QCOMPARE(notice.link,
                 QStringLiteral("https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"));
    }

    void connectionRefusedIsRetriedThenNetworkError()
    {
        QTcpServer probe; // find a port nobody listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        ClientConfig cfg = config();
        cfg.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v3").arg(port));
        ChatCall* call = run(simpleRequest(), cfg);
        QCOMPARE(call->error().kind, ErrorKind::Network);
        QCOMPARE(call->retries(), 2);
        QVERIFY(!call->error().detail.isEmpty());
    }

    void cancelKeepsPartialAndClosesConnection()
    {
        ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        response.steps = {Step::write("data: " + ch::content(QStringLiteral("partial")) + "\n\n"),
                          Step::stall()};
        m_server->enqueue(kChat, response);
        ChatClient client(&m_nam);
        ChatCall* call = client.start(simpleRequest(), config(), this);
        QSignalSpy delta(call, &ChatCall::delta);
        QVERIFY(delta.wait(kSafety));
        QSignalSpy finished(call, &ChatCall::finished);
        call->cancel();
        QCOMPARE(finished.size(), 1); // at once
        QCOMPARE(call->error().kind, ErrorKind::Cancelled);
        QCOMPARE(call->result().content, QStringLiteral("partial"));
        QVERIFY(call->isPartial());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);
    }

    void redirectToAnotherHostNeverCarriesTheKey()
    {
        LoopbackServer other;
        QVERIFY(other.listen());
        // Same machine, another host name: a different origin as far as the key is concerned.
        const QByteArray target =
            "http://localhost:" + QByteArray::number(other.port()) + "/api/v3/chat/completions";
        m_server->enqueue(kChat, ScriptedResponse::json(307, "{}", {{"Location", target}}));
        ChatCall* call = run(simpleRequest());
        QCOMPARE(call->error().kind, ErrorKind::Redirected);
        QVERIFY(other.requests().isEmpty());
        QVERIFY(!call->error().humanMessage().contains(kKey));
    }

    void sameOriginRedirectIsFollowed()
    {
        const QByteArray target = m_server->baseUrl().toString().toUtf8() + "/v2/chat/completions";
        m_server->enqueue(kChat, ScriptedResponse::json(307, "{}", {{"Location", target}}));
        m_server->enqueue(kChat, reasoningStream());
        ChatCall* call = run(simpleRequest());
        QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
        const auto sent = chatRequests();
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[1].path, QByteArray("/api/v3/v2/chat/completions"));
        QCOMPARE(sent[1].header("authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(sent[1].body, sent[0].body);
    }

    void oversizedEventIsAnErrorWithBoundedMemory()
    {
        ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        response.steps = {Step::write("data: " + ch::content(QStringLiteral("ok")) + "\n\n"),
                          Step::write("data: " + QByteArray(64 * 1024, 'x')), Step::stall()};
        m_server->enqueue(kChat, response);
        ClientConfig cfg = config();
        cfg.maxEventBytes = 16 * 1024;
        ChatCall* call = run(simpleRequest(), cfg);
        QCOMPARE(call->error().kind, ErrorKind::EventTooLarge);
        QCOMPARE(call->result().content, QStringLiteral("ok"));
    }

    void deletingACallCancelsIt()
    {
        ScriptedResponse response;
        response.headers = {{"Content-Type", "text/event-stream"}};
        response.steps = {Step::write("data: " + ch::content(QStringLiteral("x")) + "\n\n"), Step::stall()};
        m_server->enqueue(kChat, response);
        ChatClient client(&m_nam);
        ChatCall* call = client.start(simpleRequest(), config(), this);
        QSignalSpy delta(call, &ChatCall::delta);
        QVERIFY(delta.wait(kSafety));
        delete call;
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);
    }

    // What the exchange inspector reads: each attempt keeps its own status, request id, headers,
    // times and body; the request headers come back with the key masked.
    void attemptsRecordTheirOwnResponses()
    {
        m_server->enqueue(
            kChat, ScriptedResponse::json(503, R"({"error":{"code":"ServerOverloaded","message":"busy"}})",
                                          {{"X-Request-Id", "req-first"}}));
        m_server->enqueue(kChat, reasoningStream().header("X-Request-Id", "req-second"));
        ChatCall* call = run(simpleRequest());
        QVERIFY(call->succeeded());
        const auto& attempts = call->attempts();
        QCOMPARE(attempts.size(), size_t(2));
        QCOMPARE(attempts[0].httpStatus, 503);
        QCOMPARE(attempts[0].requestId, QStringLiteral("req-first"));
        QVERIFY(attempts[0].responseBody.contains("ServerOverloaded"));
        QVERIFY(!attempts[0].eventStream);
        QVERIFY(attempts[0].endedMsSinceCall >= attempts[0].startedMsSinceCall);
        QVERIFY(attempts[1].startedMsSinceCall >= attempts[0].endedMsSinceCall);
        QCOMPARE(attempts[1].httpStatus, 200);
        QCOMPARE(attempts[1].requestId, QStringLiteral("req-second"));
        QVERIFY(attempts[1].responseBody.isEmpty());
        QVERIFY(attempts[1].eventStream);
        QVERIFY(attempts[1].endedMsSinceCall >= attempts[1].startedMsSinceCall);
        bool sawRequestId = false;
        for (const auto& [name, value] : attempts[1].responseHeaders)
            sawRequestId |= name.compare("X-Request-Id", Qt::CaseInsensitive) == 0 && value == "req-second";
        QVERIFY(sawRequestId);

        const HeaderList headers = call->requestHeaders();
        const auto sent = chatRequests();
        QCOMPARE(sent.size(), 2);
        for (const auto& [name, value] : headers) {
            if (name == "Authorization")
                QCOMPARE(value, QByteArray("Bearer ****abcd"));
            else // every other listed header is what really went out
                QCOMPARE(sent[1].header(name.toLower()), value);
            QVERIFY(!value.contains(kKey.toUtf8()));
        }
        QCOMPARE(headers.size(), 4); // Content-Type, Accept, Authorization, Content-Length
    }

    // A body serialised beforehand (a worker does it for requests carrying base64 files) starts the
    // same call start() makes from the request: same bytes (shared, not copied), stream flag, headers,
    // and the same bytes on the wire.
    void startPreparedMatchesStart_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed") << true;
        QTest::newRow("not streamed") << false;
    }
    void startPreparedMatchesStart()
    {
        QFETCH(bool, stream);
        ChatRequest request;
        request.model = QStringLiteral("loopback-echo");
        request.stream = stream;
        request.params.temperature = 0.25;
        request.params.maxCompletionTokens = 512;
        request.messages.push_back(ChatMessage::system(QStringLiteral("Describe what you see.")));
        ChatMessage question;
        question.role = Role::User;
        question.content = QStringLiteral("这是什么？");
        QByteArray video(3000, '\0');
        for (qsizetype i = 0; i < video.size(); ++i)
            video[i] = char((i * 37) & 0xff);
        ContentPart image =
            ContentPart::makeImage(QStringLiteral("data:image/png;base64,") +
                                       QString::fromLatin1(QByteArray("\x89PNG\r\n").toBase64()),
                                   QStringLiteral("high"));
        image.maxPixels = 1048576;
        question.parts = {image,
                          ContentPart::makeVideo(QStringLiteral("data:video/mp4;base64,") +
                                                     QString::fromLatin1(video.toBase64()),
                                                 2.0),
                          ContentPart::makeText(question.content)};
        request.messages.push_back(question);
        ToolDefinition tool;
        tool.name = QStringLiteral("lookup");
        tool.description = QStringLiteral("Looks a word up.");
        tool.parameters = nlohmann::json{{"type", "object"}};
        request.tools.push_back(tool);

        const QByteArray body = RequestBuilder::build(request).toBytes();
        ChatClient client(&m_nam);
        ChatCall* direct = client.start(request, config(), this);
        ChatCall* prepared = client.startPrepared(body, request.stream, config(), this);
        QCOMPARE(prepared->parent(), this);
        QCOMPARE(prepared->requestBody(), direct->requestBody());
        QCOMPARE(prepared->requestBody().constData(), body.constData()); // handed over, not copied
        QCOMPARE(prepared->requestedStream(), stream);
        QCOMPARE(prepared->requestHeaders(), direct->requestHeaders());
        QVERIFY(prepared->requestBody().contains("\"video_url\""));

        for (ChatCall* call : {direct, prepared}) {
            QSignalSpy finished(call, &ChatCall::finished);
            QVERIFY(call->isFinished() || finished.wait(kSafety));
            QVERIFY2(call->succeeded(), qPrintable(call->error().humanMessage()));
            QCOMPARE(call->attempts().size(), size_t(1));
        }
        QCOMPARE(prepared->result().content, direct->result().content);
        const auto sent = chatRequests();
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[0].body, body);
        QCOMPARE(sent[1].body, body);
        QCOMPARE(sent[1].header("accept"), sent[0].header("accept"));
        QCOMPARE(sent[1].header("content-type"), sent[0].header("content-type"));
        QCOMPARE(sent[1].header("authorization"), "Bearer " + kKey.toUtf8());
    }

    void keyRedactor_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString key = QStringLiteral("ab/cd+ef 0123456789");
        QTest::newRow("absent") << key << QStringLiteral("nothing here") << QStringLiteral("nothing here");
        QTest::newRow("raw twice") << key << QStringLiteral("x ") + key + QStringLiteral(" y ") + key
                                   << QStringLiteral("x ****6789 y ****6789");
        QTest::newRow("percent-encoded")
            << key << QStringLiteral("?k=ab%2Fcd%2Bef%200123456789&z") << QStringLiteral("?k=****6789&z");
        QTest::newRow("json solidus") << key << QStringLiteral(R"({"k":"ab\/cd+ef 0123456789"})")
                                      << QStringLiteral(R"({"k":"****6789"})");
        QTest::newRow("short key, no tail")
            << QStringLiteral("short") << QStringLiteral("a short key") << QStringLiteral("a **** key");
        QTest::newRow("empty key") << QString() << QStringLiteral("text") << QStringLiteral("text");
    }
    void keyRedactor()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const KeyRedactor redactor(key);
        QCOMPARE(redactor.scrub(text), expected);
        QCOMPARE(redactor.scrub(text.toUtf8()), expected.toUtf8());
        QCOMPARE(redactor.isEmpty(), key.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
