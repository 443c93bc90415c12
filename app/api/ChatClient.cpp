#include "ChatClient.h"

#include "ChunkDecoder.h"
#include "HttpAttempt.h"
#include "RequestBuilder.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace ark::api {

namespace {

// Bodies of failed responses are kept for the error message and the inspector, but bounded:
// a misbehaving proxy must not make us buffer megabytes of HTML.
constexpr qsizetype kMaxErrorBodyBytes = 64 * 1024;
constexpr int kMaxSameOriginRedirects = 5;

bool isJsonContentType(const QByteArray& contentType)
{
    return contentType.toLower().contains("application/json");
}

ApiError makeError(ErrorKind kind, const QString& detail = {})
{
    return makeApiError(kind, detail);
}

} // namespace

KeyRedactor::KeyRedactor(const QString& key)
{
    if (key.isEmpty())
        return;
    m_mask = QStringLiteral("****");
    if (key.size() >= kMinKeyLengthForHint)
        m_mask += key.right(4);
    const QByteArray raw = key.toUtf8();
    m_forms << raw;
    // A key echoed inside a URL or a JSON string may not appear byte for byte.
    const QByteArray percent = QUrl::toPercentEncoding(key);
    if (percent != raw)
        m_forms << percent;
    const std::string quoted = nlohmann::json(raw.toStdString()).dump(-1, ' ', true);
    const QByteArray escaped = QByteArray::fromStdString(quoted.substr(1, quoted.size() - 2));
    if (!m_forms.contains(escaped))
        m_forms << escaped;
    if (raw.contains('/')) // JSON may escape the solidus
        m_forms << QByteArray(raw).replace("/", "\\/");
    for (const QByteArray& form : std::as_const(m_forms))
        m_textForms << QString::fromUtf8(form);
}

QByteArray KeyRedactor::scrub(const QByteArray& text) const
{
    QByteArray out = text;
    const QByteArray mask = m_mask.toUtf8();
    for (const QByteArray& form : m_forms)
        if (out.contains(form))
            out.replace(form, mask);
    return out;
}

QString KeyRedactor::scrub(const QString& text) const
{
    QString out = text;
    for (const QString& form : m_textForms)
        if (out.contains(form))
            out.replace(form, m_mask);
    return out;
}

ChatCall::ChatCall(QNetworkAccessManager* nam, const ClientConfig& config, QByteArray body, bool stream,
                   QObject* parent)
    : QObject(parent), m_nam(nam), m_config(config), m_redactor(config.apiKey), m_body(std::move(body)),
      m_stream(stream), m_sse(config.maxEventBytes)
{
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &ChatCall::onIdleTimeout);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        ++m_attempt;
        startAttempt();
    });
    m_currentUrl = endpointUrl();
    m_clock.start();
}

ChatCall::~ChatCall()
{
    // Deleting a call cancels it: the reply must not outlive its owner.
    abortReply();
}

QUrl ChatCall::endpointUrl() const
{
    QUrl url = m_config.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/chat/completions"));
    return url;
}

HeaderList ChatCall::baseHeaders() const
{
    return {{"Content-Type", "application/json"},
            {"Accept",
             m_stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json")}};
}

HeaderList ChatCall::requestHeaders() const
{
    HeaderList headers = baseHeaders();
    headers.append({"Authorization", "Bearer " + m_redactor.mask().toUtf8()});
    headers.append({"Content-Length", QByteArray::number(m_body.size())});
    return headers;
}

bool ChatCall::isPartial() const
{
    return m_finished && m_error.isError() && m_assembler.hasAnyOutput();
}

void ChatCall::cancel()
{
    if (m_finished)
        return;
    finishWith(makeError(ErrorKind::Cancelled));
}

void ChatCall::startAttempt()
{
    if (m_finished)
        return;
    m_sse.reset();
    m_assembler.reset(); // nothing was delivered on a failed attempt, or it would not be retried
    m_plainBody.clear();
    m_errorBody.clear();
    m_status = 0;
    m_sawDone = false;
    m_headersSeen = false;

    QNetworkRequest request = authorizedRequest(m_currentUrl, m_config.apiKey);
    for (const auto& [name, value] : baseHeaders())
        request.setRawHeader(name, value);
    // No overall transfer timeout: thinking models stream for many minutes. The idle timer below
    // ends a silent connection instead.
    request.setTransferTimeout(0);

    AttemptInfo info;
    info.attempt = m_attempt;
    info.url = m_currentUrl;
    info.startedMsSinceCall = m_clock.elapsed();
    m_attempts.push_back(info);

    m_reply = m_nam->post(request, m_body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ChatCall::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatCall::onReplyFinished);
    if (m_config.idleTimeoutMs > 0)
        m_idleTimer.start(int(std::min<qint64>(m_config.idleTimeoutMs, std::numeric_limits<int>::max())));
    emit attemptStarted(m_attempt);
}

void ChatCall::onMetaData()
{
    if (!m_reply || m_headersSeen)
        return;
    AttemptInfo& attempt = m_attempts.back();
    const std::optional<ResponseHead> head = readResponseHead(m_reply, attempt);
    if (!head)
        return;
    m_headersSeen = true;
    m_status = head->status;
    m_headers = head->headers;
    if (!head->requestId.isEmpty())
        m_requestId = head->requestId;
    // A streaming request answered with a JSON body (some gateways do this for errors and for
    // non-streaming fallbacks) is read whole, not as events.
    m_bodyIsEventStream = m_stream && !isJsonContentType(m_reply->rawHeader("Content-Type"));
    attempt.eventStream = m_bodyIsEventStream && m_status >= 200 && m_status < 300;

    DeprecationNotice notice = DeprecationParser::fromHeaders(m_headers);
    if (!notice.isEmpty()) {
        m_deprecation = notice;
        emit deprecationSignalled(m_deprecation);
    }
    emit responseStarted(m_status);
}

void ChatCall::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    onMetaData();
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    if (m_attempts.back().firstByteMs < 0)
        m_attempts.back().firstByteMs = m_clock.elapsed() - m_attempts.back().startedMsSinceCall;
    if (m_config.idleTimeoutMs > 0)
        m_idleTimer.start();

    if (m_status < 200 || m_status >= 300) {
        if (m_errorBody.size() < kMaxErrorBodyBytes)
            m_errorBody.append(bytes.left(kMaxErrorBodyBytes - m_errorBody.size()));
        return;
    }
    if (!m_bodyIsEventStream) {
        if (m_plainBody.size() + bytes.size() > m_config.maxEventBytes) {
            finishWith(makeError(ErrorKind::EventTooLarge,
                                 tr("The response is larger than %1 MB.").arg(m_config.maxEventBytes >> 20)));
            return;
        }
        m_plainBody.append(bytes);
        return;
    }
    processBytes(bytes);
}

void ChatCall::processBytes(const QByteArray& bytes)
{
    std::vector<SseEvent> events;
    const bool ok = m_sse.feed(bytes, events);
    for (const SseEvent& event : events) {
        if (m_finished || m_sawDone)
            return;
        handleEvent(event);
    }
    if (!ok && !m_finished && !m_sawDone)
        finishWith(
            makeError(ErrorKind::EventTooLarge,
                      tr("One event of the stream is larger than %1 MB.").arg(m_config.maxEventBytes >> 20)));
}

void ChatCall::handleEvent(const SseEvent& event)
{
    emit rawEvent(event, m_clock.elapsed());
    ChunkDecodeResult decoded = ChunkDecoder::decodeChunk(event.data);
    if (event.type == QLatin1String("error") && decoded.kind == ChunkDecodeResult::Kind::Delta)
        decoded.kind = ChunkDecodeResult::Kind::ApiError; // an "event: error" with an odd body
    switch (decoded.kind) {
    case ChunkDecodeResult::Kind::Done:
        m_sawDone = true;
        completeStream();
        return;
    case ChunkDecodeResult::Kind::ApiError:
    case ChunkDecodeResult::Kind::Malformed: {
        ApiError error = decoded.error;
        if (decoded.kind == ChunkDecodeResult::Kind::Malformed)
            error.kind = ErrorKind::MalformedChunk;
        finishWith(error);
        return;
    }
    case ChunkDecodeResult::Kind::Delta:
        applyDelta(decoded.delta);
        return;
    }
}

void ChatCall::applyDelta(const ChatDelta& chunk)
{
    const bool carriesOutput =
        !chunk.content.isEmpty() || !chunk.reasoning.isEmpty() || !chunk.toolCalls.empty();
    if (carriesOutput && m_ttftMs < 0)
        m_ttftMs = m_clock.elapsed();
    if (carriesOutput)
        m_answerBytes = true;
    m_assembler.apply(chunk);
    emit delta(chunk);
}

void ChatCall::completeStream()
{
    if (m_assembler.finishReason() == QLatin1String("content_filter")) {
        finishWith(makeError(ErrorKind::ContentFiltered));
        return;
    }
    finishWith(ApiError{});
}

void ChatCall::onReplyFinished()
{
    if (!m_reply || m_finished)
        return;
    onMetaData();
    // Anything still buffered belongs to this response.
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;

    const QNetworkReply::NetworkError networkError = m_reply->error();
    const QString networkErrorText = m_reply->errorString();

    if (m_status >= 300 && m_status < 400) {
        handleRedirect();
        return;
    }
    if (m_status >= 400) {
        handleHttpFailure(m_status, m_errorBody);
        return;
    }
    if (m_status == 0 || (networkError != QNetworkReply::NoError && !m_answerBytes && m_status < 200)) {
        ApiError error = makeError(ErrorKind::Network, networkErrorText);
        scheduleRetryOrFail(0, error);
        return;
    }

    // 2xx
    if (!m_bodyIsEventStream) {
        ChatResult result;
        ApiError error;
        if (networkError != QNetworkReply::NoError) {
            scheduleRetryOrFail(0, makeError(ErrorKind::Network, networkErrorText));
            return;
        }
        if (!ChunkDecoder::decodeCompletion(m_plainBody, result, error)) {
            finishWith(error.isError() ? error : makeError(ErrorKind::MalformedChunk));
            return;
        }
        applyDelta(deltaFromResult(result));
        completeStream();
        return;
    }

    m_sse.finish();
    if (m_sawDone)
        return; // completeStream() already finished the call
    if (!m_answerBytes && networkError != QNetworkReply::NoError) {
        // The connection failed before any answer arrived: as good as a connection failure.
        scheduleRetryOrFail(0, makeError(ErrorKind::Network, networkErrorText));
        return;
    }
    // Closed without data: [DONE]: incomplete, never a success. The partial answer is kept.
    finishWith(makeError(ErrorKind::StreamBroken, networkError != QNetworkReply::NoError
                                                      ? networkErrorText
                                                      : tr("The server closed the stream without [DONE].")));
}

ChatDelta ChatCall::deltaFromResult(const ChatResult& result)
{
    ChatDelta out;
    out.id = result.id;
    out.model = result.model;
    out.content = result.content;
    out.reasoning = result.reasoning;
    out.finishReason = result.finishReason;
    if (result.usage.present)
        out.usage = result.usage;
    for (const ToolCall& call : result.toolCalls) {
        ToolCallFragment fragment;
        fragment.index = call.index;
        fragment.id = call.id;
        fragment.type = call.type;
        fragment.name = call.name;
        fragment.arguments = call.arguments;
        out.toolCalls.push_back(fragment);
    }
    return out;
}

void ChatCall::handleRedirect()
{
    // Only 307/308 keep the method and body; an API redirect of any other kind is a misconfiguration.
    const bool keepsMethod = m_status == 307 || m_status == 308;
    const RedirectStep step = redirectStep(m_currentUrl, m_reply, m_status, keepsMethod, m_redirects,
                                           kMaxSameOriginRedirects, m_requestId);
    if (!step.follow()) {
        finishWith(step.error);
        return;
    }
    m_currentUrl = step.target;
    endAttempt();
    releaseReply();
    startAttempt();
}

void ChatCall::handleHttpFailure(int status, const QByteArray& body)
{
    ApiError error = ApiError::fromHttp(status, body, m_requestId);
    if (error.requestId.isEmpty())
        error.requestId = m_requestId;
    if (status == 410) {
        // Final: a retired model never comes back. The structured body says what replaces it.
        m_deprecation = goneNotice(body, m_deprecation);
        emit deprecationSignalled(m_deprecation);
        finishWith(error);
        return;
    }
    scheduleRetryOrFail(status, error);
}

void ChatCall::scheduleRetryOrFail(int status, const ApiError& failure)
{
    ApiError error = failure;
    if (error.httpStatus == 0)
        error.httpStatus = status;
    if (error.requestId.isEmpty())
        error.requestId = m_requestId;
    const qint64 serverDelay = m_config.retry.serverDelayMs(m_headers);
    if (serverDelay >= 0)
        error.retryAfterMs = serverDelay;
    if (m_answerBytes) { // never retried once answer bytes were delivered
        finishWith(error);
        return;
    }
    const RetryDecision decision =
        m_config.retry.decide(m_attempt, status, status == 0 ? HeaderList{} : m_headers);
    if (!decision.retry) {
        finishWith(error);
        return;
    }
    endAttempt();
    releaseReply();
    m_idleTimer.stop();
    emit retryScheduled(m_attempt + 1, decision.delayMs, error);
    m_retryTimer.start(int(std::min<qint64>(decision.delayMs, std::numeric_limits<int>::max())));
}

void ChatCall::onIdleTimeout()
{
    if (m_finished)
        return;
    ApiError error = makeError(ErrorKind::IdleTimeout,
                               tr("No data for %1 seconds.").arg(m_config.idleTimeoutMs / 1000.0, 0, 'g', 4));
    error.httpStatus = m_status;
    finishWith(error);
}

void ChatCall::finishWith(const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_error.isError() && m_error.requestId.isEmpty())
        m_error.requestId = m_requestId;
    if (m_requestId.isEmpty() && !m_assembler.result().id.isEmpty())
        m_requestId = m_assembler.result().id;
    m_idleTimer.stop();
    m_retryTimer.stop();
    m_totalMs = m_clock.elapsed();
    endAttempt();
    if (m_sawDone && m_reply && m_reply->isRunning()) {
        // The answer is complete; let the response end by itself so the connection can be reused.
        QNetworkReply* reply = m_reply;
        reply->disconnect(this);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        m_reply = nullptr;
    } else {
        abortReply();
    }
    emit finished();
}

void ChatCall::endAttempt()
{
    if (m_attempts.empty() || m_attempts.back().endedMsSinceCall >= 0)
        return;
    AttemptInfo& attempt = m_attempts.back();
    attempt.endedMsSinceCall = m_clock.elapsed();
    if (!m_headersSeen)
        return;
    if (m_status < 200 || m_status >= 300)
        attempt.responseBody = m_errorBody;
    else if (!m_bodyIsEventStream)
        attempt.responseBody = m_plainBody;
}

void ChatCall::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
}

void ChatCall::abortReply()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

ChatClient::ChatClient(QNetworkAccessManager* nam, QObject* parent) : QObject(parent), m_nam(nam)
{
    Q_ASSERT(nam);
}

ChatCall* ChatClient::start(const ChatRequest& request, const ClientConfig& config, QObject* owner)
{
    return startPrepared(RequestBuilder::build(request).toBytes(), request.stream, config, owner);
}

ChatCall* ChatClient::startPrepared(QByteArray body, bool stream, const ClientConfig& config, QObject* owner)
{
    auto* call = new ChatCall(m_nam, config, std::move(body), stream, owner ? owner : this);
    // Started from the event loop so the caller can connect to the call's signals first.
    QMetaObject::invokeMethod(call, &ChatCall::startAttempt, Qt::QueuedConnection);
    return call;
}

} // namespace ark::api
