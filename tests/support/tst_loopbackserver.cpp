// The loopback Ark server checked over real sockets: HTTP framing byte for byte (raw QTcpSocket),
// keep-alive and pipelining, request recording, scripting (FIFO queues, delays, drops, stalls) and
// every built-in scenario's status, headers and body shape (QNetworkAccessManager), including image
// generation (real PNGs), the video task state machine and expiring result files. The fixture must be
// trustworthy, since every client test leans on it.
#include "support/LoopbackServer.h"

#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace ark::testsupport;
namespace ch = ark::testsupport::chunks;
using json = nlohmann::json;

namespace {

constexpr int kSafety = 10000; // a safety limit for waits, never a measured expectation
const QByteArray kKey = "Bearer test-key-loopback";
const QByteArray kChatPath = "/api/v3/chat/completions";

json parseJson(const QByteArray& bytes)
{
    return json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
}

QByteArray str(const json& j, const char* key)
{
    return j.is_object() && j.contains(key) && j[key].is_string()
               ? QByteArray::fromStdString(j[key].get<std::string>())
               : QByteArray();
}

// A request body for the chat endpoint with one user message, plus fields merged in from `extra`.
QByteArray chatBody(const QByteArray& model, bool stream, const QByteArray& extra = "{}",
                    const QString& userText = QStringLiteral("hello loopback world"))
{
    json body = {{"model", model.toStdString()},
                 {"messages", json::array({{{"role", "user"}, {"content", userText.toStdString()}}})}};
    if (stream)
        body["stream"] = true;
    body.update(parseJson(extra));
    return QByteArray::fromStdString(body.dump());
}

QByteArray rawRequest(const QByteArray& path, const QByteArray& body, const QByteArray& extraHeaders = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + kKey +
           "\r\nContent-Type: application/json\r\n" + extraHeaders +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// One HTTP response read strictly from raw bytes, independent of any HTTP library.
struct RawResponse
{
    bool complete = false;  // everything up to the end of the body (terminating chunk included) is here
    bool wellFormed = true; // every size line is hex and every chunk ends in CRLF
    QByteArray statusLine;
    int status = 0;
    Headers headers;
    QByteArray body;       // de-chunked
    QList<int> chunkSizes; // as announced on the wire, without the terminating 0
    qsizetype end = 0;     // offset just past this response

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    int headerCount(const QByteArray& name) const
    {
        int n = 0;
        for (const auto& h : headers)
            n += h.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
        return n;
    }
};

RawResponse parseRaw(const QByteArray& data, qsizetype from = 0)
{
    RawResponse r;
    const qsizetype headEnd = data.indexOf("\r\n\r\n", from);
    if (headEnd < 0)
        return r;
    const QList<QByteArray> lines = data.mid(from, headEnd - from).split('\n');
    r.statusLine = lines.first().trimmed();
    r.status = r.statusLine.split(' ').value(1).toInt();
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    qsizetype pos = headEnd + 4;
    if (r.header("Transfer-Encoding") == "chunked") {
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]+$"));
        for (;;) {
            const qsizetype eol = data.indexOf("\r\n", pos);
            if (eol < 0)
                return r;
            const QByteArray sizeLine = data.mid(pos, eol - pos);
            if (!hex.match(QString::fromLatin1(sizeLine)).hasMatch()) {
                r.wellFormed = false;
                return r;
            }
            const int size = sizeLine.toInt(nullptr, 16);
            pos = eol + 2;
            if (data.size() < pos + size + 2)
                return r;
            if (data.mid(pos + size, 2) != "\r\n") {
                r.wellFormed = false;
                return r;
            }
            if (size == 0) {
                r.complete = true;
                r.end = pos + 2;
                return r;
            }
            r.chunkSizes << size;
            r.body += data.mid(pos, size);
            pos += size + 2;
        }
    }
    const qsizetype length = r.header("Content-Length").toLongLong();
    r.body = data.mid(pos, length);
    r.complete = r.body.size() == length;
    r.end = pos + r.body.size();
    return r;
}

// A plain TCP client that keeps every byte and counts the reads it took.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] {
            m_data += m_socket.readAll();
            ++m_reads;
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTcpSocket& socket() { return m_socket; }
    const QByteArray& data() const { return m_data; }
    int reads() const { return m_reads; }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray& bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

private:
    QTcpSocket m_socket;
    QByteArray m_data;
    int m_reads = 0;
};

// The data: payloads of an SSE body (trivial split on blank lines, as the brief promises the framing).
QList<QByteArray> ssePayloads(const QByteArray& body, bool* clean)
{
    QList<QByteArray> out;
    *clean = true;
    qsizetype pos = 0;
    while (pos < body.size()) {
        const qsizetype end = body.indexOf("\n\n", pos);
        if (end < 0) {
            *clean = false; // a trailing, unterminated event
            break;
        }
        const QByteArray event = body.mid(pos, end - pos);
        if (!event.startsWith("data: ") || event.contains('\n'))
            *clean = false;
        out << event.mid(6);
        pos = end + 2;
    }
    return out;
}

struct HttpReply
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray reason;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

// What a streamed chat answer adds up to, read chunk by chunk with checks on every chunk.
struct StreamSummary
{
    QString reasoning;
    QString content;
    QByteArray finishReason;
    int reasoningChunks = 0;
    int contentChunks = 0;
    bool done = false;
    json usage;                 // from the usage-only chunk; null when there was none
    QList<json> toolCalls;      // merged by index: {id, name, arguments}
    QList<int> argumentIndexes; // the index of every arguments fragment, in arrival order
    QStringList problems;       // shape violations
};

StreamSummary summarize(const QByteArray& body, const QByteArray& requestId, const QByteArray& model)
{
    StreamSummary s;
    bool clean = false;
    const QList<QByteArray> payloads = ssePayloads(body, &clean);
    if (!clean)
        s.problems << QStringLiteral("SSE framing is not data: lines separated by blank lines");
    for (int i = 0; i < payloads.size(); ++i) {
        if (payloads[i] == "[DONE]") {
            s.done = true;
            if (i != payloads.size() - 1)
                s.problems << QStringLiteral("[DONE] is not last");
            continue;
        }
        const json c = parseJson(payloads[i]);
        if (!c.is_object()) {
            s.problems << QStringLiteral("chunk %1 is not JSON").arg(i);
            continue;
        }
        if (str(c, "object") != "chat.completion.chunk" || str(c, "id") != requestId ||
            str(c, "model") != model || !c.contains("created") || !c["created"].is_number_integer())
            s.problems << QStringLiteral("chunk %1 envelope").arg(i);
        if (!c.contains("choices") || !c["choices"].is_array() || !c.contains("usage")) {
            s.problems << QStringLiteral("chunk %1 has no choices or usage").arg(i);
            continue;
        }
        if (c["choices"].empty()) {
            s.usage = c["usage"];
            continue;
        }
        if (!c["usage"].is_null())
            s.problems << QStringLiteral("chunk %1 carries usage").arg(i);
        const json& choice = c["choices"][0];
        if (!choice.contains("delta") || !choice.contains("finish_reason") || !choice.contains("logprobs") ||
            !choice.contains("index")) {
            s.problems << QStringLiteral("chunk %1 choice fields").arg(i);
            continue;
        }
        const json& delta = choice["delta"];
        if (choice["index"] != 0 || !choice["logprobs"].is_null() || str(delta, "role") != "assistant")
            s.problems << QStringLiteral("chunk %1 choice").arg(i);
        if (!s.finishReason.isEmpty())
            s.problems << QStringLiteral("chunk %1 after the finish chunk").arg(i);
        if (!choice["finish_reason"].is_null())
            s.finishReason = QByteArray::fromStdString(choice["finish_reason"].get<std::string>());
        if (delta.contains("reasoning_content") && delta["reasoning_content"].is_string()) {
            if (s.contentChunks > 0)
                s.problems << QStringLiteral("reasoning after content");
            s.reasoning += QString::fromStdString(delta["reasoning_content"].get<std::string>());
            ++s.reasoningChunks;
        }
        const QString content = QString::fromUtf8(str(delta, "content"));
        if (!content.isEmpty()) {
            s.content += content;
            ++s.contentChunks;
        }
        if (delta.contains("tool_calls") && delta["tool_calls"].is_array()) {
            for (const json& t : delta["tool_calls"]) {
                const int index = t["index"].get<int>();
                const json& fn = t["function"];
                if (index == s.toolCalls.size()) { // the first fragment names the call
                    if (!t["id"].is_string() || t["type"] != "function" || !fn["name"].is_string() ||
                        fn["arguments"] != "")
                        s.problems << QStringLiteral("tool start %1").arg(index);
                    s.toolCalls.append(json{{"id", t["id"]}, {"name", fn["name"]}, {"arguments", ""}});
                } else if (index < s.toolCalls.size()) {
                    if (!t["id"].is_null() || !t["type"].is_null() || !fn["name"].is_null())
                        s.problems << QStringLiteral("tool fragment %1").arg(index);
                    s.toolCalls[index]["arguments"] = s.toolCalls[index]["arguments"].get<std::string>() +
                                                      fn["arguments"].get<std::string>();
                    s.argumentIndexes << index;
                } else {
                    s.problems << QStringLiteral("tool index out of order");
                }
            }
        }
    }
    return s;
}

} // namespace

class TestLoopbackServer : public QObject
{
    Q_OBJECT
private:
    QNetworkAccessManager* m_nam = nullptr;
    LoopbackServer* m_server = nullptr;

    QUrl url(const QByteArray& path) const
    {
        QUrl u = m_server->baseUrl();
        return QUrl(u.toString() + QString::fromUtf8(path));
    }

    HttpReply send(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                   const QByteArray& authorization = kKey, const Headers& extraHeaders = {})
    {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!authorization.isNull())
            request.setRawHeader("Authorization", authorization);
        for (const auto& h : extraHeaders)
            request.setRawHeader(h.first, h.second);
        QNetworkReply* reply = m_nam->sendCustomRequest(request, method, body);
        HttpReply out;
        QObject::connect(reply, &QNetworkReply::readyRead, reply,
                         [reply, &out] { out.body += reply->readAll(); });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(kSafety))
            qWarning("request did not finish within the safety limit");
        out.body += reply->readAll();
        out.error = reply->error();
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        out.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return out;
    }
    HttpReply post(const QByteArray& body, const QByteArray& path = "/chat/completions")
    {
        return send("POST", path, body);
    }

    // A video task made through the server's own API; its id, or "" when creating failed.
    QByteArray createTask(const QByteArray& model, const QByteArray& text = "a cat runs")
    {
        const json body = {{"model", model.toStdString()},
                           {"content", json::array({{{"type", "text"}, {"text", text.toStdString()}}})}};
        const HttpReply reply = post(QByteArray::fromStdString(body.dump()), "/contents/generations/tasks");
        return reply.status == 200 ? str(parseJson(reply.body), "id") : QByteArray();
    }

private slots:
    void init()
    {
        m_nam = new QNetworkAccessManager(this);
        m_server = new LoopbackServer(this);
        QVERIFY(m_server->listen());
        QVERIFY(m_server->port() != 0);
    }
    void cleanup()
    {
        delete m_nam;
        m_nam = nullptr;
        delete m_server;
        m_server = nullptr;
    }

    void baseUrlPointsAtTheApiRoot()
    {
        QCOMPARE(m_server->baseUrl(),
                 QUrl(QStringLiteral("http://127.0.0.1:%1/api/v3").arg(m_server->port())));
    }

    // ---- HTTP framing, byte for byte -------------------------------------------------------

    void chunkedFraming_data()
    {
        QTest::addColumn<int>("chunkSize");
        QTest::newRow("one chunk per write") << 0;
        QTest::newRow("byte by byte") << 1;
        QTest::newRow("7-byte chunks") << 7;
        QTest::newRow("chunks larger than a write") << 4096;
    }
    void chunkedFraming()
    {
        QFETCH(int, chunkSize);
        const QList<QByteArray> payloads = {ch::content(QStringLiteral("你好")),
                                            ch::content(QStringLiteral(", world")), ch::finish("stop")};
        ScriptedResponse response = ScriptedResponse::sse(payloads);
        response.chunkSize = chunkSize;
        m_server->enqueue("/chat/completions", response);

        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        client.send(rawRequest(kChatPath, chatBody("m", true)));
        QTRY_VERIFY_WITH_TIMEOUT(parseRaw(client.data()).complete, kSafety);

        const RawResponse r = parseRaw(client.data());
        QVERIFY(r.wellFormed);
        QCOMPARE(r.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(r.header("Transfer-Encoding"), QByteArray("chunked"));
        QCOMPARE(r.headerCount("Content-Length"), 0);
        QVERIFY(r.header("Content-Type").startsWith("text/event-stream"));
        QVERIFY(QRegularExpression(QStringLiteral("^0217\\d{30}$"))
                    .match(QString::fromLatin1(r.header("X-Request-Id")))
                    .hasMatch());
        QCOMPARE(r.end, client.data().size()); // "0\r\n\r\n" ends the bytes, nothing after it
        QVERIFY(client.data().endsWith("\r\n0\r\n\r\n"));

        QList<QByteArray> writes;
        for (const QByteArray& p : payloads)
            writes << "data: " + p + "\n\n";
        writes << "data: [DONE]\n\n";
        QCOMPARE(r.body, writes.join());
        QList<int> expectedSizes;
        for (const QByteArray& w : writes) {
            const int step = chunkSize > 0 ? chunkSize : int(w.size());
            for (qsizetype i = 0; i < w.size(); i += step)
                expectedSizes << int(std::min<qsizetype>(step, w.size() - i));
        }
        QCOMPARE(r.chunkSizes, expectedSizes);
    }

    void byteByByteArrivesInManySeparateReads()
    {
        ScriptedResponse response = ScriptedResponse::sse({ch::content(QStringLiteral("x"))});
        response.chunkSize = 1;
        m_server->enqueue("/chat/completions", response);
        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        client.send(rawRequest(kChatPath, chatBody("m", true)));
        QTRY_VERIFY_WITH_TIMEOUT(parseRaw(client.data()).complete, kSafety);
        const RawResponse r = parseRaw(client.data());
        QVERIFY(r.chunkSizes.size() > 200);
        for (int size : r.chunkSizes)
            QCOMPARE(size, 1);
        // Each byte is flushed on its own event-loop turn: far more reads than one per write.
        QVERIFY2(client.reads() > r.chunkSizes.size() / 4, qPrintable(QString::number(client.reads())));
    }

    void contentLengthResponseCanBeSplitToo()
    {
        const QByteArray body = R"({"ok":true,"text":"分块"})";
        ScriptedResponse response = ScriptedResponse::json(200, body);
        response.chunkSize = 1;
        m_server->enqueue("/chat/completions", response);
        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        client.send(rawRequest(kChatPath, "{}"));
        QTRY_VERIFY_WITH_TIMEOUT(parseRaw(client.data()).complete, kSafety);
        const RawResponse r = parseRaw(client.data());
        QCOMPARE(r.header("Content-Length"), QByteArray::number(body.size()));
        QCOMPARE(r.headerCount("Transfer-Encoding"), 0);
        QCOMPARE(r.body, body);
        QCOMPARE(r.end, client.data().size());
        QVERIFY(client.reads() > 1);
    }

    void scriptedHeadersAndRequestIdAreKept()
    {
        m_server->enqueue("/chat/completions",
                          ScriptedResponse::json(503, "{}", {{"X-Request-Id", "req-7"}, {"x-odd-Case", "v"}})
                              .header("Retry-After", "2"));
        const HttpReply reply = post("{}");
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.reason, QByteArray("Service Unavailable"));
        QCOMPARE(reply.header("X-Request-Id"), QByteArray("req-7"));
        QCOMPARE(reply.header("x-odd-case"), QByteArray("v"));
        QCOMPARE(reply.header("Retry-After"), QByteArray("2"));
        int ids = 0;
        for (const auto& h : reply.headers)
            ids += h.first.compare("X-Request-Id", Qt::CaseInsensitive) == 0 ? 1 : 0;
        QCOMPARE(ids, 1);
    }

    void freshRequestIdPerResponse()
    {
        const HttpReply a = post(chatBody("loopback-echo", false));
        const HttpReply b = post(chatBody("loopback-echo", false));
        QVERIFY(!a.header("X-Request-Id").isEmpty());
        QVERIFY(a.header("X-Request-Id") != b.header("X-Request-Id"));
    }

    // ---- Connections --------------------------------------------------------------------------

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        const HttpReply a = post(chatBody("loopback-echo", true));
        const HttpReply b = post(chatBody("loopback-echo", false));
        QCOMPARE(a.status, 200);
        QCOMPARE(b.status, 200);
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->totalConnections(), 1);
        QCOMPARE(m_server->openConnections(), 1);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        client.send(rawRequest(kChatPath, chatBody("loopback-echo", true, "{}", QStringLiteral("first"))) +
                    rawRequest(kChatPath, chatBody("loopback-echo", false, "{}", QStringLiteral("second"))));
        QTRY_VERIFY_WITH_TIMEOUT(parseRaw(client.data(), parseRaw(client.data()).end).complete, kSafety);
        const RawResponse first = parseRaw(client.data());
        const RawResponse second = parseRaw(client.data(), first.end);
        QVERIFY(first.complete && first.wellFormed);
        const StreamSummary s = summarize(first.body, first.header("X-Request-Id"), "loopback-echo");
        QCOMPARE(s.content, QStringLiteral("Echo: first"));
        const json doc = parseJson(second.body);
        QCOMPARE(QString::fromStdString(doc["choices"][0]["message"]["content"].get<std::string>()),
                 QStringLiteral("Echo: second"));
        QCOMPARE(second.end, client.data().size());
        QCOMPARE(m_server->totalConnections(), 1);
    }

    void partialArrivalIsReassembled()
    {
        const QByteArray body = chatBody("loopback-echo", false, "{}", QStringLiteral("分开 送达"));
        const QByteArray request = rawRequest(kChatPath, body);
        const qsizetype headEnd = request.indexOf("\r\n\r\n") + 4;
        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        client.send(request.left(20)); // part of the request line
        QTest::qWait(30);
        client.send(request.mid(20, headEnd - 20 - 3)); // headers without the blank line
        QTest::qWait(30);
        QVERIFY(m_server->requests().isEmpty());
        client.send(request.mid(headEnd - 3, 10)); // the blank line and a little body
        QTest::qWait(30);
        QVERIFY(m_server->requests().isEmpty()); // the body is not all here yet
        client.send(request.mid(headEnd + 7));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, kSafety);
        QCOMPARE(m_server->requests().first().body, body);
        QTRY_VERIFY_WITH_TIMEOUT(parseRaw(client.data()).complete, kSafety);
        QVERIFY(parseRaw(client.data()).body.contains("Echo: 分开 送达"));
    }

    void chunkedRequestBodyAndExpectContinue()
    {
        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        const QByteArray body = chatBody("loopback-echo", false, "{}", QStringLiteral("chunked upload"));
        client.send("POST " + kChatPath + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + kKey +
                    "\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(client.data().startsWith("HTTP/1.1 100 Continue\r\n\r\n"), kSafety);
        client.send(QByteArray::number(10, 16) + "\r\n" + body.left(10) + "\r\n" +
                    QByteArray::number(body.size() - 10, 16) + ";ext=1\r\n" + body.mid(10) + "\r\n0\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(parseRaw(client.data(), 25).complete, kSafety);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().body, body);
        QCOMPARE(parseRaw(client.data(), 25).status, 200);
    }

    void connectionCloseIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<QByteArray>("connectionHeader");
        QTest::newRow("HTTP/1.1 Connection: close")
            << QByteArray("HTTP/1.1") << QByteArray("Connection: close\r\n");
        QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0") << QByteArray();
    }
    void connectionCloseIsHonoured()
    {
        QFETCH(QByteArray, version);
        QFETCH(QByteArray, connectionHeader);
        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        const QByteArray body = chatBody("loopback-echo", false);
        client.send("POST " + kChatPath + ' ' + version + "\r\nAuthorization: " + kKey + "\r\n" +
                    connectionHeader + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                    body);
        QTRY_COMPARE_WITH_TIMEOUT(client.socket().state(), QAbstractSocket::UnconnectedState, kSafety);
        const RawResponse r = parseRaw(client.data());
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);
    }

    void malformedRequestGets400AndClose()
    {
        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        client.send("THIS IS NOT HTTP\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(client.socket().state(), QAbstractSocket::UnconnectedState, kSafety);
        const RawResponse r = parseRaw(client.data());
        QCOMPARE(r.status, 400);
        QVERIFY(r.complete);
        QCOMPARE(str(parseJson(r.body)["error"], "code"), QByteArray("InvalidParameter"));
        QVERIFY(m_server->requests().isEmpty());
    }

    // ---- Recording and scripting -----------------------------------------------------------------

    void recordsMethodPathHeadersAndBody()
    {
        QList<RecordedRequest> seen;
        connect(m_server, &LoopbackServer::requestReceived, this,
                [&seen](const RecordedRequest& request) { seen << request; });
        const QByteArray body = chatBody("loopback-echo", false, "{}", QStringLiteral("记录 me"));
        const HttpReply reply =
            send("POST", "/chat/completions?trace=1", body, kKey, {{"X-Custom-Header", "Value-1"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(m_server->requests().size(), 1);
        const RecordedRequest& r = m_server->requests().first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/api/v3/chat/completions?trace=1"));
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("x-custom-header"), QByteArray("Value-1"));
        QCOMPARE(r.header("AUTHORIZATION"), kKey);
        QCOMPARE(r.header("X-Absent"), QByteArray());
        bool nameAsSent = false;
        for (const auto& h : r.headers)
            nameAsSent = nameAsSent || h.first == "X-Custom-Header";
        QVERIFY(nameAsSent);
        QCOMPARE(seen.first().body, body);
        m_server->clearRequests();
        QVERIFY(m_server->requests().isEmpty());
    }

    void enqueuedResponsesAreServedFifoPerPath()
    {
        m_server->enqueue("/chat/completions", ScriptedResponse::json(200, R"({"n":1})"));
        m_server->enqueue("/chat/completions", ScriptedResponse::json(200, R"({"n":2})"));
        m_server->enqueue("/tokenization", ScriptedResponse::json(200, R"({"n":3})"));
        QCOMPARE(post("{}", "/tokenization").body, QByteArray(R"({"n":3})"));
        QCOMPARE(post("{}", "/chat/completions?x=1").body, QByteArray(R"({"n":1})"));
        QCOMPARE(post("{}").body, QByteArray(R"({"n":2})"));
        // Nothing queued any more: the built-in scenarios answer.
        const json builtIn = parseJson(post(chatBody("loopback-echo", false)).body);
        QCOMPARE(str(builtIn, "object"), QByteArray("chat.completion"));

        m_server->enqueue("/chat/completions", ScriptedResponse::json(200, R"({"n":4})"));
        m_server->clearQueue();
        QCOMPARE(str(parseJson(post(chatBody("loopback-echo", false)).body), "object"),
                 QByteArray("chat.completion"));
    }

    void delayHoldsBackWhatFollows()
    {
        ScriptedResponse response = ScriptedResponse::sse({});
        response.steps = {Step::write("data: a\n\n"), Step::delay(60000), Step::write("data: b\n\n")};
        m_server->enqueue("/chat/completions", response);
        ScriptedResponse quick = ScriptedResponse::sse({});
        quick.steps = {Step::write("data: c\n\n"), Step::delay(20), Step::write("data: d\n\n")};
        m_server->enqueue("/chat/completions", quick);

        RawClient held(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(held.connected(), kSafety);
        held.send(rawRequest(kChatPath, "{}"));
        QTRY_VERIFY_WITH_TIMEOUT(parseRaw(held.data()).body == "data: a\n\n", kSafety);
        QTest::qWait(100);
        QCOMPARE(parseRaw(held.data()).body, QByteArray("data: a\n\n")); // the minute has not passed
        QVERIFY(!parseRaw(held.data()).complete);

        const HttpReply reply = post("{}"); // a short delay does run out
        QCOMPARE(reply.body, QByteArray("data: c\n\ndata: d\n\n"));
    }

    void dropClosesWithoutTerminator()
    {
        ScriptedResponse response = ScriptedResponse::sse({});
        response.steps = {Step::write("data: one\n\n"), Step::write("data: two\n\n"), Step::drop()};
        m_server->enqueue("/chat/completions", response);
        RawClient client(m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(client.connected(), kSafety);
        client.send(rawRequest(kChatPath, "{}"));
        QTRY_COMPARE_WITH_TIMEOUT(client.socket().state(), QAbstractSocket::UnconnectedState, kSafety);
        const RawResponse r = parseRaw(client.data());
        QVERIFY(r.wellFormed);
        QVERIFY(!r.complete);
        QCOMPARE(r.body, QByteArray("data: one\n\ndata: two\n\n"));
        QVERIFY(!client.data().endsWith("0\r\n\r\n"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);
    }

    void stallKeepsConnectionOpenUntilClientAborts()
    {
        ScriptedResponse response = ScriptedResponse::sse({});
        response.steps = {Step::write("data: partial\n\n"), Step::stall()};
        m_server->enqueue("/chat/completions", response);
        QNetworkRequest request(url("/chat/completions"));
        request.setRawHeader("Authorization", kKey);
        QNetworkReply* reply = m_nam->post(request, QByteArray("{}"));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("data: partial\n\n"), kSafety);
        QTest::qWait(150);
        QVERIFY(!reply->isFinished());
        QCOMPARE(m_server->openConnections(), 1);
        reply->abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);
        delete reply;
    }

    // ---- Protocol pieces ---------------------------------------------------------------------------

    void chunkHelpersHaveTheProtocolShape()
    {
        const QByteArray contentBytes = ch::content(QStringLiteral("世界"), "model-x");
        QVERIFY(contentBytes.contains("世界")); // UTF-8 as is, not \u-escaped
        const json c = parseJson(contentBytes);
        QCOMPARE(str(c, "object"), QByteArray("chat.completion.chunk"));
        QCOMPARE(str(c, "id"), ch::chunkId());
        QCOMPARE(str(c, "model"), QByteArray("model-x"));
        QVERIFY(c["created"].is_number_integer());
        QVERIFY(c["usage"].is_null());
        QCOMPARE(c["choices"].size(), size_t(1));
        QCOMPARE(c["choices"][0]["index"].get<int>(), 0);
        QVERIFY(c["choices"][0]["finish_reason"].is_null());
        QVERIFY(c["choices"][0]["logprobs"].is_null());
        QCOMPARE(str(c["choices"][0]["delta"], "role"), QByteArray("assistant"));
        QCOMPARE(str(c["choices"][0]["delta"], "content"), QByteArray("世界"));

        const json r = parseJson(ch::reasoning(QStringLiteral("想")));
        QCOMPARE(str(r["choices"][0]["delta"], "reasoning_content"), QByteArray("想"));
        QCOMPARE(str(r, "model"), QByteArray("doubao-seed-1-6-250615"));

        const json f = parseJson(ch::finish("length"));
        QCOMPARE(str(f["choices"][0], "finish_reason"), QByteArray("length"));

        const json start = parseJson(ch::toolCallStart(1, "call_x", "get_time"));
        const json& t = start["choices"][0]["delta"]["tool_calls"][0];
        QCOMPARE(t["index"].get<int>(), 1);
        QCOMPARE(str(t, "id"), QByteArray("call_x"));
        QCOMPARE(str(t, "type"), QByteArray("function"));
        QCOMPARE(str(t["function"], "name"), QByteArray("get_time"));
        QCOMPARE(str(t["function"], "arguments"), QByteArray(""));

        const json args = parseJson(ch::toolCallArgs(1, "{\"tz\":"));
        const json& a = args["choices"][0]["delta"]["tool_calls"][0];
        QCOMPARE(a["index"].get<int>(), 1);
        QVERIFY(a["id"].is_null() && a["type"].is_null() && a["function"]["name"].is_null());
        QCOMPARE(str(a["function"], "arguments"), QByteArray("{\"tz\":"));

        const json u = parseJson(ch::usageOnly(12, 30, 20, 4));
        QVERIFY(u["choices"].is_array() && u["choices"].empty());
        QCOMPARE(u["usage"]["prompt_tokens"].get<int>(), 12);
        QCOMPARE(u["usage"]["completion_tokens"].get<int>(), 30);
        QCOMPARE(u["usage"]["total_tokens"].get<int>(), 42);
        QCOMPARE(u["usage"]["prompt_tokens_details"]["cached_tokens"].get<int>(), 4);
        QCOMPARE(u["usage"]["completion_tokens_details"]["reasoning_tokens"].get<int>(), 20);

        const json e = parseJson(ch::errorObject("ServerOverloaded", "稍后再试"));
        QCOMPARE(str(e["error"], "code"), QByteArray("ServerOverloaded"));
        QCOMPARE(str(e["error"], "message"), QByteArray("稍后再试"));
        QVERIFY(!str(e["error"], "type").isEmpty());
    }

    // ---- Built-in scenarios, streamed ---------------------------------------------------------------

    void streamedScenarios_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reasoning");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QByteArray>("finish");
        QTest::addColumn<bool>("usageChunk");
        QTest::addColumn<int>("toolCalls");

        const QString answer = QStringLiteral("The answer is 42.");
        const QString thought = QStringLiteral("Let me think about this.");
        const QString echo = QStringLiteral("Echo: hello loopback world");
        QTest::newRow("reasoning with usage")
            << chatBody("loopback-reasoning", true, R"({"stream_options":{"include_usage":true}})") << thought
            << answer << QByteArray("stop") << true << 0;
        QTest::newRow("reasoning without usage")
            << chatBody("loopback-reasoning", true) << thought << answer << QByteArray("stop") << false << 0;
        QTest::newRow("reasoning, thinking disabled")
            << chatBody("loopback-reasoning", true, R"({"thinking":{"type":"disabled"}})") << QString()
            << answer << QByteArray("stop") << false << 0;
        QTest::newRow("echo") << chatBody("loopback-echo", true) << QString() << echo << QByteArray("stop")
                              << false << 0;
        QTest::newRow("echo of Chinese")
            << chatBody("loopback-echo", true, "{}", QStringLiteral("你好，世界")) << QString()
            << QStringLiteral("Echo: 你好，世界") << QByteArray("stop") << false << 0;
        QTest::newRow("unknown model echoes") << chatBody("doubao-seed-1-6-250615", true) << QString() << echo
                                              << QByteArray("stop") << false << 0;
        QTest::newRow("deprecated answers normally")
            << chatBody("loopback-deprecated", true) << QString() << echo << QByteArray("stop") << false << 0;
        QTest::newRow("tools") << chatBody("loopback-tools", true,
                                           R"({"stream_options":{"include_usage":true}})")
                               << QString() << QStringLiteral("Checking both.") << QByteArray("tool_calls")
                               << true << 2;
        const QByteArray afterTools = chatBody("loopback-tools", true, R"({"messages":[
            {"role":"user","content":"weather and time?"},
            {"role":"assistant","content":"Checking both.","tool_calls":[
              {"id":"call_loopback_weather","type":"function","function":{"name":"get_weather","arguments":"{}"}},
              {"id":"call_loopback_time","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
            {"role":"tool","tool_call_id":"call_loopback_weather","content":"sunny"},
            {"role":"tool","tool_call_id":"call_loopback_time","content":"10:00"}]})");
        QTest::newRow("tools after tool results")
            << afterTools << QString() << QStringLiteral("Based on the tools: sunny; 10:00")
            << QByteArray("stop") << false << 0;
    }
    void streamedScenarios()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reasoning);
        QFETCH(QString, content);
        QFETCH(QByteArray, finish);
        QFETCH(bool, usageChunk);
        QFETCH(int, toolCalls);

        const QByteArray model = str(parseJson(body), "model");
        const HttpReply reply = post(body);
        QCOMPARE(reply.error, QNetworkReply::NoError);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("text/event-stream"));
        const StreamSummary s = summarize(reply.body, reply.header("X-Request-Id"), model);
        QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(QStringLiteral("; "))));
        QVERIFY(s.done);
        QCOMPARE(s.reasoning, reasoning);
        QCOMPARE(s.content, content);
        QCOMPARE(s.finishReason, finish);
        // Streamed in pieces, one token each.
        if (!reasoning.isEmpty())
            QVERIFY(s.reasoningChunks > 3);
        QVERIFY(s.contentChunks >= 3);
        QCOMPARE(!s.usage.is_null(), usageChunk);
        if (usageChunk) {
            QCOMPARE(s.usage["total_tokens"].get<int>(),
                     s.usage["prompt_tokens"].get<int>() + s.usage["completion_tokens"].get<int>());
            QVERIFY(s.usage["completion_tokens"].get<int>() > 0);
            QVERIFY(s.usage.contains("prompt_tokens_details"));
            QCOMPARE(s.usage["completion_tokens_details"]["reasoning_tokens"].get<int>(), s.reasoningChunks);
        }
        QCOMPARE(s.toolCalls.size(), toolCalls);
        if (toolCalls == 2) {
            QCOMPARE(str(s.toolCalls[0], "name"), QByteArray("get_weather"));
            QCOMPARE(str(s.toolCalls[0], "arguments"), QByteArray(R"({"city":"Beijing"})"));
            QCOMPARE(str(s.toolCalls[1], "name"), QByteArray("get_time"));
            QCOMPARE(str(s.toolCalls[1], "arguments"), QByteArray(R"({"tz":"Asia/Shanghai"})"));
            QVERIFY(s.toolCalls[0]["id"] != s.toolCalls[1]["id"]);
            // Interleaved: a fragment of call 1 arrives before the last fragment of call 0.
            QVERIFY(s.argumentIndexes.indexOf(1) < s.argumentIndexes.lastIndexOf(0));
        }
        if (model == "loopback-deprecated") {
            QCOMPARE(reply.header("Deprecation"), QByteArray("@1767225600"));
            QCOMPARE(reply.header("Sunset"), QByteArray("Wed, 01 Jul 2026 00:00:00 GMT"));
            QCOMPARE(
                reply.header("Link"),
                QByteArray(
                    R"(<https://example.invalid/deprecations#loopback>; rel="deprecation"; type="text/html")"));
        } else {
            QVERIFY(reply.header("Deprecation").isEmpty());
        }
    }

    void chunkIncludeUsageIsCumulative()
    {
        const HttpReply reply =
            post(chatBody("loopback-reasoning", true, R"({"stream_options":{"chunk_include_usage":true}})"));
        bool clean = false;
        int last = 0;
        int counted = 0;
        for (const QByteArray& p : ssePayloads(reply.body, &clean)) {
            if (p == "[DONE]")
                continue;
            const json c = parseJson(p);
            QVERIFY(c["usage"].is_object());
            const int now = c["usage"]["completion_tokens"].get<int>();
            QVERIFY(now >= last);
            last = now;
            ++counted;
        }
        QVERIFY(clean);
        QVERIFY(counted > 5);
        QCOMPARE(last, 11); // 6 reasoning tokens + 5 answer tokens
    }

    void dropScenarioEndsWithoutDone()
    {
        // Only the missing terminator tells: Qt 6.4's QNAM reports NoError or RemoteHostClosedError
        // for a cut chunked body depending on a race (it ends a reply whose socket is already closed).
        const HttpReply reply = post(chatBody("loopback-drop", true));
        QCOMPARE(reply.status, 200);
        const StreamSummary s = summarize(reply.body, reply.header("X-Request-Id"), "loopback-drop");
        QVERIFY2(s.problems.isEmpty(), qPrintable(s.problems.join(QStringLiteral("; "))));
        QCOMPARE(s.contentChunks, 3);
        QCOMPARE(s.content, QStringLiteral("Once upon a"));
        QVERIFY(!s.done);
        QVERIFY(s.finishReason.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kSafety);
    }

    void rateLimitAlternates()
    {
        for (int i = 1; i <= 3; ++i) {
            const HttpReply reply = post(chatBody("loopback-ratelimit", true));
            if (i % 2 == 1) {
                QCOMPARE(reply.status, 429);
                QCOMPARE(reply.reason, QByteArray("Too Many Requests"));
                QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
                const json e = parseJson(reply.body)["error"];
                QCOMPARE(str(e, "code"), QByteArray("RateLimitExceeded"));
                QVERIFY(str(e, "message").endsWith("Request id: " + reply.header("X-Request-Id")));
            } else {
                QCOMPARE(reply.status, 200);
                const StreamSummary s =
                    summarize(reply.body, reply.header("X-Request-Id"), "loopback-ratelimit");
                QVERIFY(s.problems.isEmpty());
                QCOMPARE(s.content, QStringLiteral("Echo: hello loopback world"));
            }
        }
        // Counted per model: another model is not affected.
        QCOMPARE(post(chatBody("loopback-echo", true)).status, 200);
    }

    void slowScenarioIsReasoningWithDelays()
    {
        const ScriptedResponse slow = scenarioFor(chatBody("loopback-slow", true), kChatPath);
        const ScriptedResponse fast = scenarioFor(chatBody("loopback-reasoning", true), kChatPath);
        int writes = 0;
        int delays = 0;
        QByteArray slowBytes;
        for (const Step& step : slow.steps) {
            if (step.kind == Step::Kind::Delay) {
                QCOMPARE(step.ms, 150);
                ++delays;
            } else {
                QVERIFY(step.kind == Step::Kind::Write);
                slowBytes += step.bytes;
                ++writes;
            }
        }
        QVERIFY(writes > 10);
        QCOMPARE(delays, writes);
        QByteArray fastBytes;
        for (const Step& step : fast.steps) {
            QVERIFY(step.kind == Step::Kind::Write);
            fastBytes += step.bytes;
        }
        const StreamSummary s = summarize(slowBytes, findId(slow.headers), "loopback-slow");
        const StreamSummary f = summarize(fastBytes, findId(fast.headers), "loopback-reasoning");
        QVERIFY(s.problems.isEmpty() && f.problems.isEmpty());
        QCOMPARE(s.reasoning, f.reasoning);
        QCOMPARE(s.content, f.content);
        QCOMPARE(s.contentChunks, f.contentChunks);
    }

    // ---- Built-in scenarios, answered whole --------------------------------------------------------

    void completeAnswers_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<QString>("reasoning");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QByteArray>("finish");
        QTest::addColumn<int>("completionTokens");
        QTest::addColumn<int>("reasoningTokens");
        QTest::newRow("reasoning") << QByteArray("loopback-reasoning")
                                   << QStringLiteral("Let me think about this.")
                                   << QStringLiteral("The answer is 42.") << QByteArray("stop") << 11 << 6;
        QTest::newRow("echo") << QByteArray("loopback-echo") << QString()
                              << QStringLiteral("Echo: hello loopback world") << QByteArray("stop") << 5 << 0;
        QTest::newRow("deprecated") << QByteArray("loopback-deprecated") << QString()
                                    << QStringLiteral("Echo: hello loopback world") << QByteArray("stop") << 5
                                    << 0;
        // "Checking both." 3 + {"city":"Beijing"} 5 + {"tz":"Asia/Shanghai"} 7
        QTest::newRow("tools") << QByteArray("loopback-tools") << QString()
                               << QStringLiteral("Checking both.") << QByteArray("tool_calls") << 15 << 0;
    }
    void completeAnswers()
    {
        QFETCH(QByteArray, model);
        QFETCH(QString, reasoning);
        QFETCH(QString, content);
        QFETCH(QByteArray, finish);
        QFETCH(int, completionTokens);
        QFETCH(int, reasoningTokens);

        const HttpReply reply = post(chatBody(model, false));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        QCOMPARE(reply.header("Content-Length"), QByteArray::number(reply.body.size()));
        const json doc = parseJson(reply.body);
        QCOMPARE(str(doc, "object"), QByteArray("chat.completion"));
        QCOMPARE(str(doc, "id"), reply.header("X-Request-Id"));
        QCOMPARE(str(doc, "model"), model);
        QVERIFY(doc["created"].is_number_integer());
        const json& choice = doc["choices"][0];
        QCOMPARE(choice["index"].get<int>(), 0);
        QCOMPARE(str(choice, "finish_reason"), finish);
        const json& message = choice["message"];
        QCOMPARE(str(message, "role"), QByteArray("assistant"));
        QCOMPARE(QString::fromUtf8(str(message, "content")), content);
        QCOMPARE(QString::fromUtf8(str(message, "reasoning_content")), reasoning);
        QCOMPARE(message.contains("reasoning_content"), !reasoning.isEmpty());
        const json& usage = doc["usage"];
        QCOMPARE(usage["prompt_tokens"].get<int>(), 3); // "hello loopback world"
        QCOMPARE(usage["completion_tokens"].get<int>(), completionTokens);
        QCOMPARE(usage["total_tokens"].get<int>(), 3 + completionTokens);
        QCOMPARE(usage["prompt_tokens_details"]["cached_tokens"].get<int>(), 0);
        QCOMPARE(usage["completion_tokens_details"]["reasoning_tokens"].get<int>(), reasoningTokens);
        if (finish == "tool_calls") {
            const json& calls = message["tool_calls"];
            QCOMPARE(calls.size(), size_t(2));
            QCOMPARE(str(calls[0], "type"), QByteArray("function"));
            QCOMPARE(str(calls[0]["function"], "name"), QByteArray("get_weather"));
            QCOMPARE(str(calls[0]["function"], "arguments"), QByteArray(R"({"city":"Beijing"})"));
            QCOMPARE(str(calls[1]["function"], "name"), QByteArray("get_time"));
            QCOMPARE(str(calls[1]["function"], "arguments"), QByteArray(R"({"tz":"Asia/Shanghai"})"));
        } else {
            QVERIFY(!message.contains("tool_calls"));
        }
        QCOMPARE(reply.header("Sunset").isEmpty(), model != "loopback-deprecated");
    }

    void completeDropIsCutShort()
    {
        // As above, QNAM may or may not call this an error; the short body is what is certain.
        const HttpReply reply = post(chatBody("loopback-drop", false));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.size() > 0);
        QVERIFY(reply.header("Content-Length").toInt() > reply.body.size());
        QVERIFY(parseJson(reply.body).is_discarded());
    }

    // ---- Errors --------------------------------------------------------------------------------------

    void errorAnswers_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("authorization"); // null: no header
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QByteArray>("code");

        const QByteArray echo = chatBody("loopback-echo", true);
        QTest::newRow("badkey") << QByteArray("POST") << QByteArray("/chat/completions") << kKey
                                << chatBody("loopback-badkey", true) << 401 << QByteArray("Unauthorized")
                                << QByteArray("AuthenticationError");
        QTest::newRow("no Authorization header")
            << QByteArray("POST") << QByteArray("/chat/completions") << QByteArray() << echo << 401
            << QByteArray("Unauthorized") << QByteArray("AuthenticationError");
        QTest::newRow("empty bearer")
            << QByteArray("POST") << QByteArray("/chat/completions") << QByteArray("Bearer ") << echo << 401
            << QByteArray("Unauthorized") << QByteArray("AuthenticationError");
        QTest::newRow("no key on tokenization")
            << QByteArray("POST") << QByteArray("/tokenization") << QByteArray()
            << QByteArray(R"({"model":"m","text":"a"})") << 401 << QByteArray("Unauthorized")
            << QByteArray("AuthenticationError");
        QTest::newRow("malformed JSON") << QByteArray("POST") << QByteArray("/chat/completions") << kKey
                                        << QByteArray(R"({"model": "loopback-echo",)") << 400
                                        << QByteArray("Bad Request") << QByteArray("InvalidParameter");
        QTest::newRow("JSON but not an object")
            << QByteArray("POST") << QByteArray("/chat/completions") << kKey << QByteArray("[1,2]") << 400
            << QByteArray("Bad Request") << QByteArray("InvalidParameter");
        QTest::newRow("no messages") << QByteArray("POST") << QByteArray("/chat/completions") << kKey
                                     << QByteArray(R"({"model":"loopback-echo"})") << 400
                                     << QByteArray("Bad Request") << QByteArray("MissingParameter");
        QTest::newRow("reasoning_content sent back")
            << QByteArray("POST") << QByteArray("/chat/completions") << kKey
            << QByteArray(R"({"model":"loopback-echo","messages":[{"role":"user","content":"a"},
                {"role":"assistant","content":"b","reasoning_content":"c"},{"role":"user","content":"d"}]})")
            << 400 << QByteArray("Bad Request") << QByteArray("InvalidParameter");
        QTest::newRow("max_tokens with max_completion_tokens")
            << QByteArray("POST") << QByteArray("/chat/completions") << kKey
            << chatBody("loopback-echo", false, R"({"max_tokens":10,"max_completion_tokens":10})") << 400
            << QByteArray("Bad Request") << QByteArray("InvalidParameter");
        QTest::newRow("tokenization without text")
            << QByteArray("POST") << QByteArray("/tokenization") << kKey << QByteArray(R"({"model":"m"})")
            << 400 << QByteArray("Bad Request") << QByteArray("MissingParameter");
        QTest::newRow("unknown path") << QByteArray("POST") << QByteArray("/models/list") << kKey << echo
                                      << 404 << QByteArray("Not Found") << QByteArray("NotFound");
        QTest::newRow("GET on chat") << QByteArray("GET") << QByteArray("/chat/completions") << kKey
                                     << QByteArray() << 405 << QByteArray("Method Not Allowed")
                                     << QByteArray("MethodNotAllowed");
    }
    void errorAnswers()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QByteArray, code);

        const HttpReply reply = send(method, path, body, authorization);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.reason, reason);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        const json e = parseJson(reply.body)["error"];
        QCOMPARE(str(e, "code"), code);
        QVERIFY(!str(e, "type").isEmpty());
        // The message quotes the request id of the X-Request-Id header.
        const QByteArray id = reply.header("X-Request-Id");
        QVERIFY(!id.isEmpty());
        QVERIFY2(str(e, "message").endsWith(id), str(e, "message").constData());
        if (status == 401)
            QVERIFY(
                str(e, "message").startsWith("The API key or AK/SK in the request is missing or invalid."));
    }

    void retiredModelIsGoneWithStructuredBody()
    {
        for (bool stream : {true, false}) {
            const HttpReply reply = post(chatBody("loopback-retired", stream));
            QCOMPARE(reply.status, 410);
            QCOMPARE(reply.reason, QByteArray("Gone"));
            const json doc = parseJson(reply.body);
            QCOMPARE(str(doc, "error"), QByteArray("model_unavailable"));
            QCOMPARE(str(doc, "reason"), QByteArray("deprecated"));
            QCOMPARE(str(doc, "replacement"), QByteArray("loopback-echo"));
            QCOMPARE(str(doc, "sunset_date"), QByteArray("2026-01-01"));
            QVERIFY(str(doc, "migration_url").startsWith("https://"));
            QVERIFY(str(doc, "message").contains("loopback-echo"));
        }
    }

    // ---- Tokenization ---------------------------------------------------------------------------------

    void tokenization_data()
    {
        QTest::addColumn<QByteArray>("text");         // the JSON value sent as "text"
        QTest::addColumn<QList<int>>("counts");       // total_tokens per entry
        QTest::addColumn<QByteArray>("firstOffsets"); // offset_mapping of entry 0, as JSON
        QTest::newRow("words and punctuation") << QByteArray(R"("Hello, world!")") << QList<int>{4}
                                               << QByteArray("[[0,5],[5,6],[7,12],[12,13]]");
        QTest::newRow("CJK characters") << QByteArray(R"("你好，世界")") << QList<int>{5}
                                        << QByteArray("[[0,1],[1,2],[2,3],[3,4],[4,5]]");
        QTest::newRow("mixed") << QByteArray(R"("gpt-4o 说 hi")") << QList<int>{5}
                               << QByteArray("[[0,3],[3,4],[4,6],[7,8],[9,11]]");
        QTest::newRow("emoji run, code point offsets")
            << QByteArray(R"("ok 😀😀 go")") << QList<int>{3} << QByteArray("[[0,2],[3,5],[6,8]]");
        QTest::newRow("empty") << QByteArray(R"("")") << QList<int>{0} << QByteArray("[]");
        QTest::newRow("array of texts")
            << QByteArray(R"(["a b", "c", "世界 ok"])") << QList<int>{2, 1, 3} << QByteArray("[[0,1],[2,3]]");
    }
    void tokenization()
    {
        QFETCH(QByteArray, text);
        QFETCH(QList<int>, counts);
        QFETCH(QByteArray, firstOffsets);
        const HttpReply reply = post(R"({"model":"loopback-echo","text":)" + text + "}", "/tokenization");
        QCOMPARE(reply.status, 200);
        const json doc = parseJson(reply.body);
        QCOMPARE(str(doc, "object"), QByteArray("list"));
        QCOMPARE(str(doc, "model"), QByteArray("loopback-echo"));
        QCOMPARE(str(doc, "id"), reply.header("X-Request-Id"));
        QVERIFY(doc["created"].is_number_integer());
        QCOMPARE(int(doc["data"].size()), int(counts.size()));
        for (int i = 0; i < counts.size(); ++i) {
            const json& entry = doc["data"][i];
            QCOMPARE(entry["index"].get<int>(), i);
            QCOMPARE(str(entry, "object"), QByteArray("tokenization"));
            QCOMPARE(entry["total_tokens"].get<int>(), counts[i]);
            QCOMPARE(int(entry["token_ids"].size()), counts[i]);
            QCOMPARE(int(entry["offset_mapping"].size()), counts[i]);
        }
        QCOMPARE(QByteArray::fromStdString(doc["data"][0]["offset_mapping"].dump()),
                 QByteArray::fromStdString(parseJson(firstOffsets).dump()));
    }

    void tokenIdsAreDeterministic()
    {
        const json a = parseJson(post(R"({"model":"m","text":["same 同 same","同"]})", "/tokenization").body);
        const json& ids = a["data"][0]["token_ids"];
        QVERIFY(ids[0] == ids[2]);
        QVERIFY(ids[0] != ids[1]);
        QVERIFY(a["data"][1]["token_ids"][0] == ids[1]);
        const json b = parseJson(post(R"({"model":"m","text":"same 同 same"})", "/tokenization").body);
        QVERIFY(b["data"][0]["token_ids"] == ids);
    }

    // ---- Image generation ------------------------------------------------------------------------------

    void imageGenerationAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QSize>("pixels");
        QTest::addColumn<QByteArray>("size");
        QTest::addColumn<bool>("asUrl");
        QTest::newRow("defaults: url, 1024x1024")
            << QByteArray(R"({"model":"doubao-seedream-3-0-t2i-250415","prompt":"a cat"})") << QSize(16, 16)
            << QByteArray("1024x1024") << true;
        QTest::newRow("b64_json, 1280x720, every field")
            << QByteArray(R"({"model":"m","prompt":"a cat","size":"1280x720","seed":3,"guidance_scale":2.5,)"
                          R"("watermark":false,"response_format":"b64_json"})")
            << QSize(20, 11) << QByteArray("1280x720") << false;
    }
    void imageGenerationAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(QSize, pixels);
        QFETCH(QByteArray, size);
        QFETCH(bool, asUrl);
        const HttpReply reply = post(body, "/images/generations");
        QCOMPARE(reply.status, 200);
        const json doc = parseJson(reply.body);
        QCOMPARE(str(doc, "model"), QByteArray::fromStdString(parseJson(body)["model"].get<std::string>()));
        QVERIFY(doc["created"].is_number_integer());
        QCOMPARE(int(doc["data"].size()), 1);
        const json& item = doc["data"][0];
        QCOMPARE(str(item, "size"), size);
        const int w = size.split('x')[0].toInt();
        const int h = size.split('x')[1].toInt();
        QCOMPARE(doc["usage"]["generated_images"].get<int>(), 1);
        QCOMPARE(doc["usage"]["output_tokens"].get<qint64>(), qint64(w) * h / 256);
        QCOMPARE(doc["usage"]["total_tokens"], doc["usage"]["output_tokens"]);

        QByteArray png;
        if (asUrl) {
            QVERIFY(!item.contains("b64_json"));
            const QUrl url(QString::fromStdString(item["url"].get<std::string>()));
            QCOMPARE(url.port(), int(m_server->port()));
            QVERIFY(url.path().startsWith(QLatin1String("/files/images/")));
            // A signed link on a storage host: fetched without any key.
            QNetworkRequest request(url);
            QNetworkReply* r = m_nam->get(request);
            QSignalSpy done(r, &QNetworkReply::finished);
            QVERIFY(done.wait(kSafety));
            QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QCOMPARE(r->header(QNetworkRequest::ContentTypeHeader).toByteArray(), QByteArray("image/png"));
            png = r->readAll();
            delete r;
        } else {
            QVERIFY(!item.contains("url"));
            png = QByteArray::fromBase64(QByteArray::fromStdString(item["b64_json"].get<std::string>()));
        }
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG")); // CRCs, zlib stream and sizes are right, or this fails
        QCOMPARE(image.size(), pixels);
    }

    void imageGenerationErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QByteArray>("param");
        QTest::newRow("no prompt") << QByteArray(R"({"model":"m"})") << 400 << QByteArray("MissingParameter")
                                   << QByteArray("prompt");
        QTest::newRow("no model") << QByteArray(R"({"prompt":"p"})") << 400 << QByteArray("MissingParameter")
                                  << QByteArray("model");
        QTest::newRow("size too small") << QByteArray(R"({"model":"m","prompt":"p","size":"32x32"})") << 400
                                        << QByteArray("InvalidParameter") << QByteArray("size");
        QTest::newRow("size not WxH") << QByteArray(R"({"model":"m","prompt":"p","size":"large"})") << 400
                                      << QByteArray("InvalidParameter") << QByteArray("size");
        QTest::newRow("seed too large") << QByteArray(R"({"model":"m","prompt":"p","seed":2147483648})")
                                        << 400 << QByteArray("InvalidParameter") << QByteArray("seed");
        QTest::newRow("guidance above 10")
            << QByteArray(R"({"model":"m","prompt":"p","guidance_scale":11})") << 400
            << QByteArray("InvalidParameter") << QByteArray("guidance_scale");
        QTest::newRow("watermark as text")
            << QByteArray(R"({"model":"m","prompt":"p","watermark":"no"})") << 400
            << QByteArray("InvalidParameter") << QByteArray("watermark");
        QTest::newRow("unknown format")
            << QByteArray(R"({"model":"m","prompt":"p","response_format":"png"})") << 400
            << QByteArray("InvalidParameter") << QByteArray("response_format");
        QTest::newRow("moderation") << QByteArray(R"({"model":"loopback-image-sensitive","prompt":"p"})")
                                    << 400 << QByteArray("OutputImageSensitiveContentDetected")
                                    << QByteArray();
        QTest::newRow("bad key") << QByteArray(R"({"model":"loopback-badkey","prompt":"p"})") << 401
                                 << QByteArray("AuthenticationError") << QByteArray();
        QTest::newRow("rate limited") << QByteArray(R"({"model":"loopback-ratelimit","prompt":"p"})") << 429
                                      << QByteArray("RateLimitExceeded") << QByteArray();
    }
    void imageGenerationErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, param);
        const HttpReply reply = post(body, "/images/generations");
        QCOMPARE(reply.status, status);
        const json e = parseJson(reply.body)["error"];
        QCOMPARE(str(e, "code"), code);
        QCOMPARE(str(e, "param"), param);
        QVERIFY(str(e, "message").endsWith(reply.header("X-Request-Id")));
        if (status == 429)
            QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
    }

    void imageGenerationNeedsPostAndKey()
    {
        QCOMPARE(send("GET", "/images/generations", {}).status, 405);
        QCOMPARE(send("POST", "/images/generations", R"({"model":"m","prompt":"p"})", QByteArray()).status,
                 401);
        // The free function answers too (no server: links point at 127.0.0.1 without a port).
        const ScriptedResponse r = scenarioFor(R"({"model":"m","prompt":"p"})", "/api/v3/images/generations");
        QCOMPARE(r.status, 200);
        QVERIFY(str(parseJson(r.steps.at(0).bytes)["data"][0], "url")
                    .startsWith("http://127.0.0.1/files/images/"));
    }

    void tinyPngIsDeterministic()
    {
        QCOMPARE(tinyPng(3, 2, 5), tinyPng(3, 2, 5));
        QVERIFY(tinyPng(3, 2, 5) != tinyPng(3, 2, 6));
        QImage image;
        QVERIFY(image.loadFromData(tinyPng(1, 1, 0), "PNG"));
        QCOMPARE(image.size(), QSize(1, 1));
    }

    // ---- Result files ------------------------------------------------------------------------------

    void resultFilesExpire()
    {
        const json doc = parseJson(post(R"({"model":"m","prompt":"p"})", "/images/generations").body);
        const QUrl url(QString::fromStdString(doc["data"][0]["url"].get<std::string>()));
        auto fetch = [this, &url](const QByteArray& method) {
            QNetworkReply* r = m_nam->sendCustomRequest(QNetworkRequest(url), method);
            QSignalSpy done(r, &QNetworkReply::finished);
            done.wait(kSafety);
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = r->readAll();
            delete r;
            return qMakePair(status, body);
        };
        QCOMPARE(fetch("GET").first, 200);
        QCOMPARE(fetch("POST").first, 405);
        m_server->expireFiles();
        const auto expired = fetch("GET");
        QCOMPARE(expired.first, 403);
        QVERIFY(expired.second.contains("<Code>AccessDenied</Code>"));
        const QUrl missing(QStringLiteral("http://127.0.0.1:%1/files/images/none.png").arg(m_server->port()));
        QNetworkReply* r = m_nam->get(QNetworkRequest(missing));
        QSignalSpy done(r, &QNetworkReply::finished);
        QVERIFY(done.wait(kSafety));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        QVERIFY(r->readAll().contains("NoSuchKey"));
        delete r;
        // A file made after the expiry is fresh.
        const json later = parseJson(post(R"({"model":"m","prompt":"q"})", "/images/generations").body);
        QNetworkReply* fresh = m_nam->get(
            QNetworkRequest(QUrl(QString::fromStdString(later["data"][0]["url"].get<std::string>()))));
        QSignalSpy freshDone(fresh, &QNetworkReply::finished);
        QVERIFY(freshDone.wait(kSafety));
        QCOMPARE(fresh->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete fresh;
    }

    void placeholderVideoLooksLikeMp4AndSaysWhatItIs()
    {
        const QByteArray v = placeholderVideo("cgt-x");
        QCOMPARE(v.mid(4, 8), QByteArray("ftypisom"));
        const int ftypSize = (uchar(v[0]) << 24) | (uchar(v[1]) << 16) | (uchar(v[2]) << 8) | uchar(v[3]);
        QCOMPARE(v.mid(ftypSize + 4, 4), QByteArray("free"));
        QVERIFY(v.contains("placeholder"));
        QVERIFY(v.endsWith("cgt-x"));
    }

    // ---- Video tasks ---------------------------------------------------------------------------------

    void videoTaskStateMachine_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<QList<QByteArray>>("statuses"); // one per GET
        QTest::newRow("default") << QByteArray("loopback-video")
                                 << QList<QByteArray>{"queued", "running", "succeeded", "succeeded"};
        QTest::newRow("fail") << QByteArray("loopback-video-fail")
                              << QList<QByteArray>{"queued", "running", "failed", "failed"};
        QTest::newRow("q2r1") << QByteArray("loopback-video-q2r1")
                              << QList<QByteArray>{"queued", "queued", "running", "succeeded"};
        QTest::newRow("q0r0") << QByteArray("loopback-video-q0r0")
                              << QList<QByteArray>{"succeeded", "succeeded"};
        QTest::newRow("q1r0-fail") << QByteArray("loopback-video-q1r0-fail")
                                   << QList<QByteArray>{"queued", "failed"};
        QTest::newRow("stuck") << QByteArray("loopback-video-stuck")
                               << QList<QByteArray>{"queued", "queued", "queued", "queued", "queued"};
    }
    void videoTaskStateMachine()
    {
        QFETCH(QByteArray, model);
        QFETCH(QList<QByteArray>, statuses);
        const QByteArray id =
            createTask(model, "一只猫 --rs 480p --rt 1:1 --dur 10 --fps 16 --seed 5 --wm true --cf true");
        QVERIFY(QRegularExpression(QStringLiteral("^cgt-[0-9]{14}-[0-9a-z]{5}$"))
                    .match(QString::fromLatin1(id))
                    .hasMatch());
        QCOMPARE(m_server->videoTaskStatus(id), QByteArray("queued"));
        qint64 updated = 0;
        for (const QByteArray& expected : statuses) {
            const HttpReply reply = send("GET", "/contents/generations/tasks/" + id, {});
            QCOMPARE(reply.status, 200);
            const json task = parseJson(reply.body);
            QCOMPARE(str(task, "id"), id);
            QCOMPARE(str(task, "model"), model);
            QCOMPARE(str(task, "status"), expected);
            QCOMPARE(task["seed"].get<qint64>(), qint64(5));
            QVERIFY(task["created_at"].get<qint64>() <= task["updated_at"].get<qint64>());
            QVERIFY(task["updated_at"].get<qint64>() >= updated);
            updated = task["updated_at"].get<qint64>();
            if (expected == "succeeded") {
                QVERIFY(task["error"].is_null());
                QVERIFY(str(task["content"], "video_url").endsWith("/files/videos/" + id + ".mp4"));
                // 480p 1:1 is 640x640; 16 fps for 10 s.
                QCOMPARE(task["usage"]["completion_tokens"].get<qint64>(),
                         qint64(640) * 640 * 16 * 10 / 1024);
                QCOMPARE(task["usage"]["total_tokens"], task["usage"]["completion_tokens"]);
            } else if (expected == "failed") {
                QCOMPARE(str(task["error"], "code"), QByteArray("OutputVideoSensitiveContentDetected"));
                QVERIFY(!task.contains("content"));
            } else {
                QVERIFY(task["error"].is_null());
                QVERIFY(!task.contains("content") && !task.contains("usage"));
            }
            QCOMPARE(m_server->videoTaskStatus(id), expected);
        }
    }

    void videoFileIsServedWithoutKey()
    {
        const QByteArray id = createTask("loopback-video-q0r0");
        const json task = parseJson(send("GET", "/contents/generations/tasks/" + id, {}).body);
        QNetworkReply* r = m_nam->get(
            QNetworkRequest(QUrl(QString::fromStdString(task["content"]["video_url"].get<std::string>()))));
        QSignalSpy done(r, &QNetworkReply::finished);
        QVERIFY(done.wait(kSafety));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(r->header(QNetworkRequest::ContentTypeHeader).toByteArray(), QByteArray("video/mp4"));
        QCOMPARE(r->readAll(), sampleVideo());
        delete r;
    }

    void videoTaskCreateErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QByteArray>("param");
        const QByteArray img =
            R"({"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="})";
        QTest::newRow("no model") << QByteArray(R"({"content":[{"type":"text","text":"a"}]})") << 400
                                  << QByteArray("MissingParameter") << QByteArray("model");
        QTest::newRow("no content") << QByteArray(R"({"model":"m"})") << 400 << QByteArray("MissingParameter")
                                    << QByteArray("content");
        QTest::newRow("unknown item type")
            << QByteArray(R"({"model":"m","content":[{"type":"audio"}]})") << 400
            << QByteArray("InvalidParameter") << QByteArray("content.type");
        QTest::newRow("bad duration")
            << QByteArray(R"({"model":"m","content":[{"type":"text","text":"a --dur 7"}]})") << 400
            << QByteArray("InvalidParameter") << QByteArray("content.text");
        QTest::newRow("bad ratio") << QByteArray(
                                          R"({"model":"m","content":[{"type":"text","text":"a --rt 2:1"}]})")
                                   << 400 << QByteArray("InvalidParameter") << QByteArray("content.text");
        QTest::newRow("unknown command")
            << QByteArray(R"({"model":"m","content":[{"type":"text","text":"a --quality max"}]})") << 400
            << QByteArray("InvalidParameter") << QByteArray("content.text");
        QTest::newRow("commands only, nothing to generate from")
            << QByteArray(R"({"model":"m","content":[{"type":"text","text":"--dur 5"}]})") << 400
            << QByteArray("MissingParameter") << QByteArray("content.text");
        QTest::newRow("uppercase image format")
            << QByteArray(
                   R"({"model":"m","content":[{"type":"image_url","image_url":{"url":"data:image/PNG;base64,AA=="}}]})")
            << 400 << QByteArray("InvalidParameter") << QByteArray("content.image_url.url");
        QTest::newRow("last frame alone")
            << QByteArray(R"({"model":"m","content":[)" + img + R"(,"role":"last_frame"}]})") << 400
            << QByteArray("InvalidParameter") << QByteArray("content.role");
        QTest::newRow("two first frames")
            << QByteArray(R"({"model":"m","content":[)" + img + "}," + img + "}]}") << 400
            << QByteArray("InvalidParameter") << QByteArray("content.role");
        QTest::newRow("bad key")
            << QByteArray(R"({"model":"loopback-badkey","content":[{"type":"text","text":"a"}]})") << 401
            << QByteArray("AuthenticationError") << QByteArray();
    }
    void videoTaskCreateErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, param);
        const HttpReply reply = post(body, "/contents/generations/tasks");
        QCOMPARE(reply.status, status);
        const json e = parseJson(reply.body)["error"];
        QCOMPARE(str(e, "code"), code);
        QCOMPARE(str(e, "param"), param);
        QCOMPARE(m_server->videoTaskCount(), 0);
    }

    void videoTaskWithFramesIsCreated()
    {
        const QByteArray body =
            R"({"model":"m","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="},)"
            R"("role":"last_frame"},{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,AA=="}}]})";
        // Order does not matter; a frame without a role is the first frame (L27379).
        const HttpReply reply = post(body, "/contents/generations/tasks");
        QCOMPARE(reply.status, 200);
        QCOMPARE(m_server->videoTaskCount(), 1);
    }

    void videoTaskListFilters()
    {
        const QByteArray a = createTask("loopback-video");
        const QByteArray b = createTask("loopback-video-stuck");
        const QByteArray c = createTask("loopback-video");
        send("GET", "/contents/generations/tasks/" + a, {}); // queued
        send("GET", "/contents/generations/tasks/" + a, {}); // running

        auto ids = [this](const QByteArray& query, qint64* total) {
            const HttpReply reply = send("GET", "/contents/generations/tasks" + query, {});
            QList<QByteArray> out;
            const json doc = parseJson(reply.body);
            if (reply.status != 200)
                return QList<QByteArray>{"HTTP " + QByteArray::number(reply.status)};
            for (const json& item : doc["items"])
                out << str(item, "id");
            *total = doc["total"].get<qint64>();
            return out;
        };
        qint64 total = 0;
        QCOMPARE(ids("", &total), (QList<QByteArray>{c, b, a}));
        QCOMPARE(total, qint64(3));
        QCOMPARE(ids("?filter.task_ids=" + a + "&filter.task_ids=" + c, &total), (QList<QByteArray>{c, a}));
        QCOMPARE(ids("?filter.task_ids=" + a + "," + b, &total), (QList<QByteArray>{b, a}));
        QCOMPARE(ids("?filter.status=running", &total), QList<QByteArray>{a});
        QCOMPARE(ids("?filter.model=loopback-video-stuck", &total), QList<QByteArray>{b});
        QCOMPARE(ids("?page_num=2&page_size=2", &total), QList<QByteArray>{a});
        QCOMPARE(total, qint64(3));
        QCOMPARE(ids("?page_size=0", &total), QList<QByteArray>{"HTTP 400"});
        QCOMPARE(ids("?page_num=501", &total), QList<QByteArray>{"HTTP 400"});
        QCOMPARE(ids("?filter.status=done", &total), QList<QByteArray>{"HTTP 400"});
        QCOMPARE(m_server->videoTaskStatus(a), QByteArray("running")); // listing moved nothing
    }

    void videoTaskCancelAndDelete()
    {
        const QByteArray queued = createTask("loopback-video-stuck");
        const QByteArray running = createTask("loopback-video-q0r3");
        send("GET", "/contents/generations/tasks/" + running, {});
        QCOMPARE(m_server->videoTaskStatus(running), QByteArray("running"));

        HttpReply reply = send("DELETE", "/contents/generations/tasks/" + queued, {});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(m_server->videoTaskStatus(queued), QByteArray("cancelled"));
        QCOMPARE(str(parseJson(send("GET", "/contents/generations/tasks/" + queued, {}).body), "status"),
                 QByteArray("cancelled")); // a cancelled task stays cancelled
        reply = send("DELETE", "/contents/generations/tasks/" + running, {});
        QCOMPARE(reply.status, 400);
        QCOMPARE(str(parseJson(reply.body)["error"], "code"), QByteArray("InvalidParameter"));
        QCOMPARE(send("DELETE", "/contents/generations/tasks/" + queued, {}).status, 200); // now deleted
        QCOMPARE(m_server->videoTaskCount(), 1);
        reply = send("GET", "/contents/generations/tasks/" + queued, {});
        QCOMPARE(reply.status, 404);
        QCOMPARE(str(parseJson(reply.body)["error"], "code"), QByteArray("ResourceNotFound"));
        QCOMPARE(send("DELETE", "/contents/generations/tasks/" + queued, {}).status, 404);
    }

    void videoTaskMethodsAndKey_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("PUT on the collection")
            << QByteArray("PUT") << QByteArray("/contents/generations/tasks") << kKey << 405
            << QByteArray("GET, POST");
        QTest::newRow("POST on a task")
            << QByteArray("POST") << QByteArray("/contents/generations/tasks/cgt-1") << kKey << 405
            << QByteArray("GET, DELETE");
        QTest::newRow("no key for list") << QByteArray("GET") << QByteArray("/contents/generations/tasks")
                                         << QByteArray() << 401 << QByteArray();
        QTest::newRow("no key for a task")
            << QByteArray("GET") << QByteArray("/contents/generations/tasks/cgt-1") << QByteArray() << 401
            << QByteArray();
        QTest::newRow("a deeper path") << QByteArray("GET") << QByteArray("/contents/generations/tasks/a/b")
                                       << kKey << 404 << QByteArray();
    }
    void videoTaskMethodsAndKey()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QFETCH(QByteArray, allow);
        const HttpReply reply =
            send(method, path, method == "PUT" || method == "POST" ? "{}" : "", authorization);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Allow"), allow);
    }

private:
    static QByteArray findId(const Headers& headers)
    {
        for (const auto& h : headers)
            if (h.first.compare("X-Request-Id", Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

QTEST_GUILESS_MAIN(TestLoopbackServer)
#include "tst_loopbackserver.moc"
