#include "ImageGenerationClient.h"

#include "HttpAttempt.h"
#include "JsonText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace ark::api {

namespace {

using nlohmann::json;

// Failed responses are kept for the message and the inspector, but bounded: a proxy's HTML page or
// a storage host's XML must not be buffered whole.
constexpr qsizetype kMaxErrorBodyBytes = 64 * 1024;
constexpr int kMaxSameOriginRedirects = 5;
constexpr int kMaxDownloadRedirects = 5;

QString trImage(const char* text)
{
    return QCoreApplication::translate("ark::api::ImageGenerationClient", text);
}

ApiError makeError(ErrorKind kind, const QString& detail = {})
{
    return makeApiError(kind, detail);
}

int clampToInt(qint64 ms)
{
    return int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max()));
}

// {base path without trailing slashes}{path}, the path already percent-encoded where needed.
QUrl endpointUrl(const QUrl& base, const QString& path, const QUrlQuery& query)
{
    QUrl url = base;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    if (query.isEmpty())
        url.setQuery(QString()); // no "?" at all
    else
        url.setQuery(query);
    return url;
}

std::optional<qint64> integerMember(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    if (it->is_number_float())
        return static_cast<qint64>(it->get<double>());
    return it->get<qint64>();
}

ApiError malformed(const QString& detail)
{
    return makeError(ErrorKind::MalformedChunk, detail);
}

} // namespace

// =============================================================================================
// RestCall

RestCall::RestCall(QNetworkAccessManager* nam, const ClientConfig& config, QByteArray method,
                   const QString& path, const QUrlQuery& query, QByteArray body, QObject* parent)
    : QObject(parent), m_nam(nam), m_config(config), m_redactor(config.apiKey), m_method(std::move(method)),
      m_body(std::move(body))
{
    Q_ASSERT(nam);
    m_url = endpointUrl(config.baseUrl, path, query);
    m_currentUrl = m_url;
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        ++m_attempt;
        startAttempt();
    });
    m_clock.start();
}

RestCall::~RestCall()
{
    // Deleting a call cancels it: the reply must not outlive its owner.
    abortReply();
}

void RestCall::startLater()
{
    QMetaObject::invokeMethod(this, &RestCall::startAttempt, Qt::QueuedConnection);
}

void RestCall::failLater(const ApiError& error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { finishWith(error); }, Qt::QueuedConnection);
}

void RestCall::startUnless(const QString& problem)
{
    if (problem.isEmpty())
        startLater();
    else
        failLater(makeError(ErrorKind::BadRequest, problem));
}

void RestCall::cancel()
{
    if (!m_finished)
        finishWith(makeError(ErrorKind::Cancelled));
}

HeaderList RestCall::requestHeaders() const
{
    HeaderList headers{{"Accept", "application/json"}};
    if (!m_body.isEmpty())
        headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    headers.append(qMakePair(QByteArrayLiteral("Authorization"), "Bearer " + m_redactor.mask().toUtf8()));
    if (!m_body.isEmpty())
        headers.append(qMakePair(QByteArrayLiteral("Content-Length"), QByteArray::number(m_body.size())));
    return headers;
}

void RestCall::startAttempt()
{
    if (m_finished)
        return;
    m_status = 0;
    m_headersSeen = false;
    m_tooLarge = false;
    m_headers.clear();
    m_responseBody.clear();

    QNetworkRequest request = authorizedRequest(m_currentUrl, m_config.apiKey);
    request.setRawHeader("Accept", "application/json");
    if (!m_body.isEmpty())
        request.setRawHeader("Content-Type", "application/json");
    // Qt's transfer timeout restarts with every byte: it bounds silence, not the whole exchange
    // (an image takes tens of seconds to generate before the answer starts).
    request.setTransferTimeout(clampToInt(m_config.idleTimeoutMs));

    AttemptInfo info;
    info.attempt = m_attempt;
    info.url = m_currentUrl;
    info.startedMsSinceCall = m_clock.elapsed();
    m_attempts.push_back(info);

    if (m_method == "GET")
        m_reply = m_nam->get(request);
    else if (m_method == "DELETE")
        m_reply = m_nam->deleteResource(request);
    else if (m_method == "POST")
        m_reply = m_nam->post(request, m_body);
    else
        m_reply = m_nam->sendCustomRequest(request, m_method, m_body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &RestCall::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &RestCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &RestCall::onReplyFinished);
    emit attemptStarted(m_attempt);
}

void RestCall::onMetaData()
{
    if (!m_reply || m_headersSeen)
        return;
    const std::optional<ResponseHead> head = readResponseHead(m_reply, m_attempts.back());
    if (!head)
        return;
    m_headersSeen = true;
    m_status = head->status;
    m_headers = head->headers;
    if (!head->requestId.isEmpty())
        m_requestId = head->requestId;

    const DeprecationNotice notice = DeprecationParser::fromHeaders(m_headers);
    if (!notice.isEmpty()) {
        m_deprecation = notice;
        emit deprecationSignalled(m_deprecation);
    }
}

void RestCall::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    onMetaData();
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    if (m_attempts.back().firstByteMs < 0)
        m_attempts.back().firstByteMs = m_clock.elapsed() - m_attempts.back().startedMsSinceCall;
    if (m_status < 200 || m_status >= 300) {
        if (m_responseBody.size() < kMaxErrorBodyBytes)
            m_responseBody.append(bytes.left(kMaxErrorBodyBytes - m_responseBody.size()));
        return;
    }
    if (m_responseBody.size() + bytes.size() > kMaxBodyBytes) {
        finishWith(makeError(ErrorKind::EventTooLarge,
                             tr("The response is larger than %1 MB.").arg(kMaxBodyBytes >> 20)));
        return;
    }
    m_responseBody.append(bytes);
}

void RestCall::onReplyFinished()
{
    if (!m_reply || m_finished)
        return;
    onMetaData();
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_finished)
        return;

    const QNetworkReply::NetworkError networkError = m_reply->error();
    if (m_status >= 300 && m_status < 400) {
        handleRedirect();
        return;
    }
    if (m_status >= 400) {
        ApiError error = ApiError::fromHttp(m_status, m_responseBody, m_requestId);
        if (m_status == 410) {
            // Final: a retired model never comes back; the structured body names its replacement.
            m_deprecation = goneNotice(m_responseBody, m_deprecation);
            emit deprecationSignalled(m_deprecation);
            finishWith(error);
            return;
        }
        retryOrFail(error, false);
        return;
    }
    if (networkError == QNetworkReply::OperationCanceledError ||
        networkError == QNetworkReply::TimeoutError) {
        // Our own aborts disconnect first, so this is Qt's transfer timeout: the server went silent.
        ApiError error =
            makeError(ErrorKind::IdleTimeout,
                      tr("No data for %1 seconds.").arg(double(m_config.idleTimeoutMs) / 1000.0, 0, 'g', 4));
        error.httpStatus = m_status;
        finishWith(error);
        return;
    }
    if (m_status == 0 || networkError != QNetworkReply::NoError) {
        // Refused or unknown host: the request certainly never arrived, so even a POST may be repeated.
        const bool nothingSent = networkError == QNetworkReply::ConnectionRefusedError ||
                                 networkError == QNetworkReply::HostNotFoundError;
        ApiError error = makeError(ErrorKind::Network, m_reply->errorString());
        retryOrFail(error, nothingSent);
        return;
    }
    ApiError error = readSuccess(m_status, m_responseBody);
    if (error.isError()) {
        if (error.httpStatus == 0)
            error.httpStatus = m_status;
        if (error.requestId.isEmpty())
            error.requestId = m_requestId;
    }
    finishWith(error);
}

void RestCall::handleRedirect()
{
    // Only 307/308 keep a POST's method and body; a GET or DELETE is the same request after any of them.
    const bool bodiless = m_method == "GET" || m_method == "DELETE";
    const bool keepsMethod = m_status == 307 || m_status == 308 ||
                             (bodiless && (m_status == 301 || m_status == 302 || m_status == 303));
    const RedirectStep step = redirectStep(m_currentUrl, m_reply, m_status, keepsMethod, m_redirects,
                                           kMaxSameOriginRedirects, m_requestId);
    if (!step.follow()) {
        finishWith(step.error);
        return;
    }
    m_currentUrl = step.target;
    endAttempt();
    abortReply();
    startAttempt();
}

void RestCall::retryOrFail(const ApiError& failure, bool nothingSent)
{
    ApiError error = failure;
    const bool connectionFailure = error.kind == ErrorKind::Network && (m_status < 200 || m_status >= 300);
    const int status = connectionFailure ? 0 : m_status;
    if (error.httpStatus == 0)
        error.httpStatus = status;
    if (error.requestId.isEmpty())
        error.requestId = m_requestId;
    const qint64 serverDelay = m_config.retry.serverDelayMs(m_headers);
    if (serverDelay >= 0)
        error.retryAfterMs = serverDelay;

    // A POST creates something: repeat it only when the server certainly did not act on it (429 is a
    // rejection before any work; RPM rejections are not billed, seed L26044).
    const bool idempotent = m_method == "GET" || m_method == "DELETE";
    const bool allowed = idempotent || status == 429 || (status == 0 && nothingSent);
    if (!allowed) {
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
    abortReply();
    emit retryScheduled(m_attempt + 1, decision.delayMs, error);
    m_retryTimer.start(clampToInt(decision.delayMs));
}

void RestCall::finishWith(const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_error.isError() && m_error.requestId.isEmpty())
        m_error.requestId = m_requestId;
    m_retryTimer.stop();
    m_totalMs = m_clock.elapsed();
    endAttempt();
    abortReply();
    emit finished();
}

void RestCall::endAttempt()
{
    if (m_attempts.empty() || m_attempts.back().endedMsSinceCall >= 0)
        return;
    AttemptInfo& attempt = m_attempts.back();
    attempt.endedMsSinceCall = m_clock.elapsed();
    if (m_headersSeen)
        attempt.responseBody = m_responseBody.left(kMaxErrorBodyBytes);
}

void RestCall::abortReply()
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

// =============================================================================================
// FileDownload

FileDownload* FileDownload::start(QNetworkAccessManager* nam, const QUrl& url, const QString& filePath,
                                  QObject* owner, qint64 maxBytes)
{
    auto* download = new FileDownload(nam, url, filePath, maxBytes, owner);
    QMetaObject::invokeMethod(download, &FileDownload::begin, Qt::QueuedConnection);
    return download;
}

FileDownload::FileDownload(QNetworkAccessManager* nam, const QUrl& url, const QString& filePath,
                           qint64 maxBytes, QObject* parent)
    : QObject(parent), m_nam(nam), m_url(url), m_finalUrl(url), m_path(filePath), m_maxBytes(maxBytes)
{
    Q_ASSERT(nam);
}

FileDownload::~FileDownload()
{
    abortReply();
    // An uncommitted QSaveFile removes its temporary file when destroyed: nothing half-written stays.
}

void FileDownload::cancel()
{
    if (!m_finished)
        finishWith(makeError(ErrorKind::Cancelled));
}

void FileDownload::begin()
{
    if (m_finished)
        return;
    if (!m_url.isValid() ||
        (m_url.scheme() != QLatin1String("http") && m_url.scheme() != QLatin1String("https"))) {
        finishWith(makeError(ErrorKind::BadRequest,
                             tr("Only http and https links can be downloaded, not \"%1\".")
                                 .arg(m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))));
        return;
    }
    const QFileInfo info(m_path);
    if (m_path.isEmpty() || !QDir().mkpath(info.absolutePath())) {
        finishWith(
            makeError(ErrorKind::BadRequest,
                      tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath()))));
        return;
    }
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        finishWith(makeError(
            ErrorKind::BadRequest,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file->errorString())));
        return;
    }

    QNetworkRequest request(m_url);
    // No Authorization: the link carries its own signature and lives on another host. Following
    // redirects is therefore safe, except from https down to http.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxDownloadRedirects);
    request.setTransferTimeout(m_idleTimeoutMs);
    request.setRawHeader("Accept", "*/*");
    m_reply = m_nam->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &FileDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &FileDownload::onReplyFinished);
    connect(m_reply, &QNetworkReply::redirected, this, [this](const QUrl& target) { m_finalUrl = target; });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (m_status >= 200 && m_status < 300)
            emit progress(received, total);
    });
}

void FileDownload::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        m_status = status.toInt();
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    if (m_status < 200 || m_status >= 300) {
        if (m_errorBody.size() < kMaxErrorBodyBytes)
            m_errorBody.append(bytes.left(kMaxErrorBodyBytes - m_errorBody.size()));
        return;
    }
    if (m_contentType.isEmpty())
        m_contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (m_received + bytes.size() > m_maxBytes) {
        finishWith(
            makeError(ErrorKind::EventTooLarge, tr("The file is larger than %1 MB.").arg(m_maxBytes >> 20)));
        return;
    }
    if (m_file->write(bytes) != bytes.size()) {
        finishWith(makeError(
            ErrorKind::BadRequest,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file->errorString())));
        return;
    }
    m_received += bytes.size();
}

void FileDownload::onReplyFinished()
{
    if (!m_reply || m_finished)
        return;
    onReadyRead();
    if (m_finished)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        m_status = status.toInt();
    const QNetworkReply::NetworkError networkError = m_reply->error();
    if (m_status >= 300) {
        ApiError error =
            ApiError::fromHttp(m_status, m_errorBody, QString::fromUtf8(m_reply->rawHeader("X-Request-Id")));
        // ApiError's kinds describe the Ark API; for a result link, a refusal or a missing file means the
        // link is gone (expired), whatever the storage host answered.
        if (m_status == 401 || m_status == 403 || m_status == 404 || m_status == 410)
            error.kind = ErrorKind::NotFound;
        finishWith(error);
        return;
    }
    if (networkError == QNetworkReply::OperationCanceledError ||
        networkError == QNetworkReply::TimeoutError) {
        finishWith(
            makeError(ErrorKind::IdleTimeout, tr("No data for %1 seconds.").arg(m_idleTimeoutMs / 1000)));
        return;
    }
    if (networkError != QNetworkReply::NoError || m_status == 0) {
        finishWith(makeError(ErrorKind::Network, m_reply->errorString()));
        return;
    }
    if (!m_file->commit()) {
        finishWith(makeError(
            ErrorKind::BadRequest,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file->errorString())));
        return;
    }
    finishWith(ApiError{});
}

void FileDownload::finishWith(const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (m_file && error.isError())
        m_file->cancelWriting();
    m_file.reset(); // uncommitted: its temporary file is removed
    abortReply();
    emit finished();
}

void FileDownload::abortReply()
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

QString FileDownload::failureMessage() const
{
    if (!m_error.isError())
        return {};
    const QString host = m_url.host();
    const QString details = m_error.detail.isEmpty()
                                ? QString()
                                : QLatin1Char(' ') + tr("Details: %1").arg(m_error.detail.trimmed());
    switch (m_error.kind) {
    case ErrorKind::Cancelled:
        return tr("The download was cancelled.");
    case ErrorKind::NotFound:
        return tr("The file at %1 is no longer available (HTTP %2). Generated results are kept only for a "
                  "limited time (videos for 24 hours); generate it again.")
                   .arg(host)
                   .arg(m_error.httpStatus) +
               details;
    case ErrorKind::Network:
        return tr("Cannot download from %1.").arg(host) + details;
    case ErrorKind::IdleTimeout:
        return tr("The download from %1 stalled and was stopped.").arg(host) + details;
    case ErrorKind::EventTooLarge:
        return tr("The download from %1 was stopped: it is too large.").arg(host) + details;
    default:
        if (m_error.httpStatus > 0)
            return tr("Downloading from %1 failed (HTTP %2).").arg(host).arg(m_error.httpStatus) + details;
        return tr("The file could not be saved.") + details;
    }
}

// =============================================================================================
// Image generation

qint64 ImageGenerationResult::billedImages() const
{
    if (usage.present)
        return usage.generatedImages;
    return std::count_if(images.begin(), images.end(),
                         [](const GeneratedImage& image) { return image.ok(); });
}

ImageGenerationCall::ImageGenerationCall(QNetworkAccessManager* nam, const ClientConfig& config,
                                         ImageGenerationRequest request, QObject* parent)
    : RestCall(nam, config, "POST", QStringLiteral("/images/generations"), {},
               ImageGenerationClient::buildBody(request), parent),
      m_request(std::move(request))
{
}

ApiError ImageGenerationCall::readSuccess(int, const QByteArray& body)
{
    ApiError error;
    if (!ImageGenerationClient::parseResponse(body, m_result, error))
        return error;
    if (std::none_of(m_result.images.begin(), m_result.images.end(),
                     [](const GeneratedImage& image) { return image.ok(); })) {
        // Every image failed (a moderation refusal, typically): the call failed, with the server's words.
        const GeneratedImage& first = m_result.images.front();
        error.kind = ErrorKind::BadRequest;
        error.code = first.errorCode;
        error.serverMessage = first.errorMessage;
        if (error.code.isEmpty() && error.serverMessage.isEmpty())
            error.detail = trImage("The answer holds no image.");
        return error;
    }
    return {};
}

ImageGenerationClient::ImageGenerationClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent), m_nam(nam)
{
    Q_ASSERT(nam);
}

ImageGenerationCall* ImageGenerationClient::generate(const ImageGenerationRequest& request,
                                                     const ClientConfig& config, QObject* owner)
{
    auto* call = new ImageGenerationCall(m_nam, config, request, owner ? owner : this);
    call->startUnless(validate(request));
    return call;
}

FileDownload* ImageGenerationClient::download(const QUrl& url, const QString& filePath, QObject* owner)
{
    return FileDownload::start(m_nam, url, filePath, owner ? owner : this);
}

QString ImageGenerationClient::validate(const ImageGenerationRequest& request)
{
    if (request.model.trimmed().isEmpty())
        return trImage("Choose an image generation model.");
    if (request.prompt.trimmed().isEmpty())
        return trImage("Write a prompt that describes the image.");
    static const QRegularExpression sizePattern(QStringLiteral("^[1-9][0-9]{0,4}x[1-9][0-9]{0,4}$"));
    if (!request.size.isEmpty() && !sizePattern.match(request.size).hasMatch())
        return trImage("The size \"%1\" is not WIDTHxHEIGHT in pixels (for example 1024x1024).")
            .arg(request.size);
    return {};
}

QByteArray ImageGenerationClient::buildBody(const ImageGenerationRequest& request)
{
    nlohmann::ordered_json body;
    body["model"] = request.model.toStdString();
    body["prompt"] = request.prompt.toStdString();
    if (!request.size.isEmpty())
        body["size"] = request.size.toStdString();
    if (request.seed)
        body["seed"] = *request.seed;
    if (request.guidanceScale)
        body["guidance_scale"] = *request.guidanceScale;
    if (request.watermark)
        body["watermark"] = *request.watermark;
    switch (request.responseFormat) {
    case ImageGenerationRequest::ResponseFormat::Default:
        break;
    case ImageGenerationRequest::ResponseFormat::Url:
        body["response_format"] = "url";
        break;
    case ImageGenerationRequest::ResponseFormat::Base64Json:
        body["response_format"] = "b64_json";
        break;
    }
    if (!request.extra.isEmpty()) {
        const QByteArray extraJson = QJsonDocument(request.extra).toJson(QJsonDocument::Compact);
        const auto extra =
            nlohmann::ordered_json::parse(extraJson.constBegin(), extraJson.constEnd(), nullptr, false);
        if (extra.is_object()) {
            for (auto it = extra.begin(); it != extra.end(); ++it)
                if (!body.contains(it.key()))
                    body[it.key()] = it.value();
        }
    }
    return QByteArray::fromStdString(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

bool ImageGenerationClient::parseResponse(const QByteArray& body, ImageGenerationResult& result,
                                          ApiError& error)
{
    result = ImageGenerationResult{};
    error = ApiError{};
    const json doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        error = malformed(trImage("The image generation answer is not a JSON object."));
        return false;
    }
    if (const auto e = doc.find("error"); e != doc.end() && !e->is_null()) {
        error = ApiError::fromErrorValue(doc, {});
        return false;
    }
    result.model = jsonMemberText(doc, "model");
    result.created = integerMember(doc, "created").value_or(integerMember(doc, "created_at").value_or(0));
    const auto data = doc.find("data");
    if (data == doc.end() || !data->is_array() || data->empty()) {
        error = malformed(trImage("The image generation answer has no data[] with images."));
        return false;
    }
    for (const json& item : *data) {
        if (!item.is_object()) {
            error = malformed(trImage("An entry of data[] is not an object."));
            return false;
        }
        GeneratedImage image;
        if (const auto url = item.find("url"); url != item.end() && url->is_string())
            image.url = QUrl(QString::fromStdString(url->get<std::string>()), QUrl::StrictMode);
        if (const auto b64 = item.find("b64_json"); b64 != item.end() && b64->is_string()) {
            auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(b64->get<std::string>()),
                                                          QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || decoded.decoded.isEmpty()) {
                error = malformed(trImage("An image's b64_json is not valid Base64."));
                return false;
            }
            image.data = std::move(decoded.decoded);
        }
        image.size = jsonMemberText(item, "size");
        if (const auto e = item.find("error"); e != item.end() && e->is_object()) {
            image.errorCode = jsonMemberText(*e, "code");
            image.errorMessage = jsonMemberText(*e, "message");
        }
        result.images.push_back(std::move(image));
    }
    if (const auto usage = doc.find("usage"); usage != doc.end() && usage->is_object()) {
        result.usage.present = true;
        result.usage.generatedImages = integerMember(*usage, "generated_images").value_or(0);
        result.usage.outputTokens = integerMember(*usage, "output_tokens");
        result.usage.totalTokens = integerMember(*usage, "total_tokens");
    }
    return true;
}

} // namespace ark::api
