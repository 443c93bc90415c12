// The one asynchronous client every pane and the command line stream through.
// It owns no QNetworkAccessManager: the process creates exactly one and hands it in.
#pragma once

#include "ApiError.h"
#include "ChatTypes.h"
#include "Deprecation.h"
#include "RetryPolicy.h"
#include "SseDecoder.h"
#include "StreamAssembler.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <limits>

class QNetworkAccessManager;
class QNetworkReply;

namespace ark::api {

inline const QString kDefaultArkBaseUrl = QStringLiteral("https://ark.cn-beijing.volces.com/api/v3");

struct ClientConfig
{
    QUrl baseUrl = QUrl(kDefaultArkBaseUrl);
    QString apiKey;
    qint64 idleTimeoutMs = 300000; // no byte for this long ends a stream; there is no overall timeout
    qint64 maxEventBytes = SseDecoder::kDefaultMaxEventBytes;
    RetryPolicy retry;
};

// One HTTP attempt, as the raw-exchange inspector will list it.
struct AttemptInfo
{
    int attempt = 0; // 0 = first try
    QUrl url;
    int httpStatus = 0;
    QString requestId; // this response's X-Request-Id (empty when it had none)
    qint64 startedMsSinceCall = 0;
    qint64 firstByteMs = -1;      // relative to startedMsSinceCall
    qint64 endedMsSinceCall = -1; // -1 while the attempt runs
    HeaderList responseHeaders;   // as received, in order
    // A failed response's body (bounded to 64 KB) or a non-streamed body, as received; empty for
    // event streams (their events go out through ChatCall::rawEvent).
    QByteArray responseBody;
    bool eventStream = false; // the body was read as server-sent events
};

// Hides an API key in text that is shown, copied or exported: every occurrence is replaced by "****"
// plus the key's last four characters ("****" alone for keys under 12 characters, whose tail would
// give away too much of them). Holds the key so that nothing else needs to.
class KeyRedactor
{
public:
    static constexpr int kMinKeyLengthForHint = 12;

    KeyRedactor() = default;
    explicit KeyRedactor(const QString& key);

    bool isEmpty() const { return m_forms.isEmpty(); }
    QString mask() const { return m_mask; } // "****abcd" or "****"
    // The text with the key replaced, also where it appears percent-encoded or JSON-escaped.
    // Returns the argument itself (shared, no copy) when the key is absent.
    QByteArray scrub(const QByteArray& text) const;
    QString scrub(const QString& text) const;

private:
    QString m_mask;
    QList<QByteArray> m_forms; // the key as it may appear in text: raw, percent-encoded, JSON-escaped
    QStringList m_textForms;   // the same, decoded, for QString text
};

// One chat completion in flight. Owned by whoever started it; deleting it cancels the request.
class ChatCall : public QObject
{
    Q_OBJECT
public:
    ~ChatCall() override;

    void cancel(); // aborts at once; finished() follows with ErrorKind::Cancelled

    bool isFinished() const { return m_finished; }
    const StreamAssembler& assembled() const { return m_assembler; }
    ChatResult result() const { return m_assembler.result(); }
    const ApiError& error() const { return m_error; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    // True when answer bytes were delivered but the exchange did not complete: the text is kept.
    bool isPartial() const;
    const DeprecationNotice& deprecation() const { return m_deprecation; }
    QString requestId() const { return m_requestId; }
    int retries() const { return m_attempt; }
    qint64 timeToFirstTokenMs() const { return m_ttftMs; } // -1 when no token arrived
    qint64 totalMs() const { return m_totalMs; }
    const QByteArray& requestBody() const { return m_body; }
    const std::vector<AttemptInfo>& attempts() const { return m_attempts; }
    bool requestedStream() const { return m_stream; }
    // The headers this call sets on each request (Content-Length included) with Authorization
    // already redacted; the HTTP stack adds its own (Host, User-Agent, Connection, ...).
    HeaderList requestHeaders() const;
    const KeyRedactor& redactor() const { return m_redactor; }

signals:
    void attemptStarted(int attempt);
    void retryScheduled(int attempt, qint64 delayMs, const ark::api::ApiError& reason);
    void responseStarted(int httpStatus);
    void rawEvent(const ark::api::SseEvent& event, qint64 msSinceCall);
    void delta(const ark::api::ChatDelta& delta); // after it was applied to assembled()
    void deprecationSignalled(const ark::api::DeprecationNotice& notice);
    void finished();

private:
    friend class ChatClient;
    ChatCall(QNetworkAccessManager* nam, const ClientConfig& config, QByteArray body, bool stream,
             QObject* parent);
    void startAttempt();
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    void onIdleTimeout();
    void processBytes(const QByteArray& bytes);
    void handleEvent(const SseEvent& event);
    void applyDelta(const ChatDelta& chunk);
    void completeStream();
    void handleRedirect();
    void handleHttpFailure(int status, const QByteArray& body);
    void scheduleRetryOrFail(int status, const ApiError& error);
    void finishWith(const ApiError& error);
    void endAttempt(); // records the end of the current attempt in m_attempts (once)
    void releaseReply();
    void abortReply();
    HeaderList baseHeaders() const; // every request header but Authorization
    QUrl endpointUrl() const;
    static ChatDelta deltaFromResult(const ChatResult& result);

    QNetworkAccessManager* m_nam;
    ClientConfig m_config;
    KeyRedactor m_redactor;
    QByteArray m_body;
    bool m_stream;
    QPointer<QNetworkReply> m_reply;
    QTimer m_idleTimer;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    SseDecoder m_sse;
    StreamAssembler m_assembler;
    ApiError m_error;
    DeprecationNotice m_deprecation;
    std::vector<AttemptInfo> m_attempts;
    QByteArray m_errorBody; // body of a failed response, kept bounded
    QByteArray m_plainBody; // non-streamed body
    QString m_requestId;
    QUrl m_currentUrl;
    HeaderList m_headers;
    int m_attempt = 0;
    int m_redirects = 0;
    int m_status = 0;
    bool m_headersSeen = false;
    bool m_bodyIsEventStream = true;
    bool m_answerBytes = false; // answer content has been delivered to the caller
    bool m_sawDone = false;
    bool m_finished = false;
    qint64 m_ttftMs = -1;
    qint64 m_totalMs = 0;
};

class ChatClient : public QObject
{
    Q_OBJECT
public:
    explicit ChatClient(QNetworkAccessManager* nam, QObject* parent = nullptr);

    // Starts a request at {baseUrl}/chat/completions. The returned call is parented to `owner`
    // (or to the client when null) and starts at once.
    ChatCall* start(const ChatRequest& request, const ClientConfig& config, QObject* owner = nullptr);
    // The same from a body built beforehand with RequestBuilder::build(request).toBytes() (a worker
    // may build a large one, e.g. with base64 video, off the UI thread); `stream` is request.stream.
    // The call is exactly the one start() makes from that request: same body bytes (shared, not
    // copied), headers, attempts and everything the exchange log reads.
    ChatCall* startPrepared(QByteArray body, bool stream, const ClientConfig& config,
                            QObject* owner = nullptr);

    QNetworkAccessManager* network() const { return m_nam; }

private:
    QNetworkAccessManager* m_nam;
};

} // namespace ark::api
