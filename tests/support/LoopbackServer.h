// A real HTTP/1.1 server on 127.0.0.1 that speaks the Ark wire protocol, scripted per test.
// Built on QTcpServer so that faults (drops, stalls, byte-by-byte writes) are fully controlled.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QQueue>
#include <QUrl>
#include <functional>
#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace ark::testsupport {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct RecordedRequest
{
    QByteArray method;
    QByteArray path; // with the query, as sent
    Headers headers; // in order, names as sent
    QByteArray body;
    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
};

// One thing the server does while answering.
struct Step
{
    enum class Kind {
        Write, // write `bytes` (as one or more HTTP chunks, see ScriptedResponse::chunkSize)
        Delay, // wait `ms` before the next step
        Drop,  // close the connection at once (no terminating chunk): a dropped stream
        Stall  // send nothing more, keep the connection open until the client gives up
    };
    Kind kind = Kind::Write;
    QByteArray bytes;
    int ms = 0;
    static Step write(QByteArray bytes);
    static Step delay(int ms);
    static Step drop();
    static Step stall();
};

struct ScriptedResponse
{
    int status = 200;
    Headers headers;     // Content-Type etc.; Transfer-Encoding/Content-Length are added by the server
    bool chunked = true; // false: Content-Length with the concatenated Write bytes (no Delay/Drop/Stall)
    int chunkSize =
        0; // 0: one HTTP chunk per Write step; N: split writes into N-byte chunks, flushed one by one
    std::vector<Step> steps;

    // text/event-stream with each payload framed as "data: <payload>\n\n", then "data: [DONE]\n\n"
    // unless withDone is false.
    static ScriptedResponse sse(const QList<QByteArray>& dataPayloads, bool withDone = true);
    // application/json with a Content-Length body.
    static ScriptedResponse json(int status, const QByteArray& body, const Headers& extraHeaders = {});
    ScriptedResponse& header(const QByteArray& name, const QByteArray& value);
};

// Ready-made protocol pieces (chat.completion.chunk JSON) for scripting tests.
namespace chunks {
QByteArray content(const QString& text, const QByteArray& model = "doubao-seed-1-6-250615");
QByteArray reasoning(const QString& text, const QByteArray& model = "doubao-seed-1-6-250615");
QByteArray finish(const QByteArray& reason, const QByteArray& model = "doubao-seed-1-6-250615");
QByteArray toolCallStart(int index, const QByteArray& id, const QByteArray& name);
QByteArray toolCallArgs(int index, const QByteArray& argumentsPiece);
QByteArray usageOnly(int prompt, int completion, int reasoningTokens = 0, int cached = 0);
QByteArray errorObject(const QByteArray& code, const QByteArray& message);
QByteArray chunkId(); // the "id" every helper above writes (stable within a process)
} // namespace chunks

// Built-in scenarios, chosen by the request's "model" (what the hand-started server serves):
//   loopback-reasoning   reasoning streamed, then the answer, usage-only last chunk
//   loopback-echo        echoes the last user message, word by word (also the default for unknown models)
//   loopback-tools       two parallel tool calls streamed in fragments
//   loopback-tools-calc  the same with calculator {"expression":"(2+3)*4"} and get_weather
//   loopback-tools-oneshot  the older form: one complete call with content "\n" and the finish reason
//   loopback-tools-invalid  two calls with bad arguments (not JSON; JSON without the required city)
//   loopback-deprecated  a normal answer with Deprecation/Sunset/Link headers
//   loopback-retired     410 Gone with the structured body
//   loopback-ratelimit   429 with Retry-After: 1, then (next request) a normal answer
//   loopback-drop        a few content chunks, then the connection is dropped
//   loopback-badkey      401 AuthenticationError
//   loopback-think-tags  "<think>...</think>" reasoning inside the content, tags cut across chunks
//   loopback-reasoning-length  reasoning streamed, then finish_reason "length" and no content
// and the same shapes answered non-streamed when "stream" is false. POST .../tokenization answers
// with a deterministic count (one token per UTF-8 character group, documented in the .cpp).
// Generation (documented in the .cpp): POST .../images/generations answers with a real PNG made in
// memory (as a URL on this server, or b64_json); .../contents/generations/tasks runs video tasks
// through queued -> running -> succeeded/failed, counted in GETs of the task, with list, cancel and
// delete; result files are served under /files/ without authentication and can be expired.
ScriptedResponse scenarioFor(const QByteArray& requestBody, const QByteArray& path);

// A real PNG (8-bit RGB, no interlace) of width x height whose pixels depend on `seed`, made without
// QtGui: the loopback server's generated image.
QByteArray tinyPng(int width, int height, quint32 seed);
// What the loopback server serves as a generated video: an ISO-BMFF "ftyp" box (so the bytes sniff as
// MP4) followed by a "free" box whose text says it is a placeholder; NOT a decodable video (no ffmpeg
// on the build machine to make a real clip).
QByteArray placeholderVideo(const QByteArray& label);
// The video a succeeded task serves: tests/data/media/tiny-2s-160x90.mp4 (2 s, 160x90, H.264).
QByteArray sampleVideo();

namespace detail {
struct GenerationState; // images, video tasks and result files of one server
}

class LoopbackServer : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackServer(QObject* parent = nullptr);
    ~LoopbackServer() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port>/api/v3

    // Scripted responses are served in order to requests whose path ends with `pathSuffix`
    // (e.g. "/chat/completions"); when none is queued, scenarioFor() answers.
    void enqueue(const QByteArray& pathSuffix, const ScriptedResponse& response);
    void clearQueue();

    // Every result file served so far (images, videos) answers 403 AccessDenied from now on, as an
    // expired signed link does; files made later are fresh.
    void expireFiles();
    // The server's view of its video tasks (tests assert what a cancel or delete did).
    int videoTaskCount() const;
    QByteArray videoTaskStatus(const QByteArray& taskId) const; // "" when the server has no such task

    const QList<RecordedRequest>& requests() const { return m_requests; }
    // The requests whose path (with the query) contains `pathPart`, of `method` when one is given.
    QList<RecordedRequest> requestsTo(const QByteArray& pathPart, const QByteArray& method = {}) const;
    void clearRequests() { m_requests.clear(); }
    int openConnections() const;
    int totalConnections() const { return m_totalConnections; } // accepted since construction

signals:
    void requestReceived(const ark::testsupport::RecordedRequest& request);

private:
    struct Connection;
    struct ResponseRun;
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void onDisconnected(QTcpSocket* socket);
    void processBuffer(QTcpSocket* socket);
    ScriptedResponse answerFor(const RecordedRequest& request);
    void startResponse(QTcpSocket* socket, const ScriptedResponse& response, bool closeAfter);
    void runSteps(const std::shared_ptr<ResponseRun>& run);
    void finishResponse(const std::shared_ptr<ResponseRun>& run);

    QTcpServer* m_server;
    QList<RecordedRequest> m_requests;
    QList<QPair<QByteArray, ScriptedResponse>> m_queue;
    QHash<QTcpSocket*, std::shared_ptr<Connection>> m_connections;
    std::unique_ptr<detail::GenerationState> m_state; // also counts loopback-ratelimit's requests
    int m_totalConnections = 0;
};

} // namespace ark::testsupport
