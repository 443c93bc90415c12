#include "ApiError.h"

#include "JsonText.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <nlohmann/json.hpp>

namespace ark::api {

namespace {

using nlohmann::json;

// Plain-text bodies (proxy pages, gateway errors) are kept for diagnosis, but bounded.
constexpr int kMaxPlainBodyBytes = 2048;

// Cuts at a UTF-8 character boundary so the kept text never ends in half a character.
QString truncatedUtf8(const QByteArray& bytes, int maxBytes)
{
    if (bytes.size() <= maxBytes)
        return QString::fromUtf8(bytes);
    qsizetype cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(bytes.at(cut)) & 0xC0) == 0x80)
        --cut;
    return QString::fromUtf8(bytes.left(cut)) + QStringLiteral("…");
}

ErrorKind kindFromStatus(int status)
{
    if (status == 0)
        return ErrorKind::Network;
    if (status == 401 || status == 403)
        return ErrorKind::Authentication;
    if (status == 404)
        return ErrorKind::NotFound;
    if (status == 410)
        return ErrorKind::ModelRetired;
    if (status == 429)
        return ErrorKind::RateLimited;
    if (status == 408) // the server gave up waiting: transient, like an overloaded server
        return ErrorKind::Server;
    if (status >= 300 && status < 400)
        return ErrorKind::Redirected;
    if (status >= 400 && status < 500)
        return ErrorKind::BadRequest;
    return ErrorKind::Server; // 5xx, and anything that should not have carried an error at all
}

// The code is more precise than the status: Ark reports throttling and overload with codes, and
// a gateway may put them behind an unexpected status.
std::optional<ErrorKind> kindFromCode(const QString& code)
{
    const QString lower = code.toLower();
    if (lower.contains(QLatin1String("ratelimit")) || lower.contains(QLatin1String("rate_limit")) ||
        lower.contains(QLatin1String("quotaexceeded")) || lower.contains(QLatin1String("quota_exceeded")))
        return ErrorKind::RateLimited;
    if (lower.contains(QLatin1String("overload")) || lower.contains(QLatin1String("internalserviceerror")) ||
        lower.contains(QLatin1String("internal_error")) || lower.contains(QLatin1String("internalerror")))
        return ErrorKind::Server;
    if (lower.contains(QLatin1String("authentication")))
        return ErrorKind::Authentication;
    return std::nullopt;
}

// Fills code/message/type/param from any of the error shapes; false when none is recognised.
bool fillFromValue(ApiError& error, const json& value)
{
    if (!value.is_object())
        return false;
    const auto inner = value.find("error");
    if (inner != value.end() && inner->is_object()) { // {"error":{"code","message","type","param"}}
        error.code = jsonMemberText(*inner, "code");
        error.serverMessage = jsonMemberText(*inner, "message");
        error.type = jsonMemberText(*inner, "type");
        error.param = jsonMemberText(*inner, "param");
    } else if (inner != value.end() && !inner->is_null()) { // {"error":"model_unavailable","message":...}
        error.code = jsonText(*inner);
        error.serverMessage = jsonMemberText(value, "message");
        error.type = jsonMemberText(value, "type");
        error.param = jsonMemberText(value, "param");
    } else { // flat {"code","message"}: the Responses-style error event
        error.code = jsonMemberText(value, "code");
        error.serverMessage = jsonMemberText(value, "message");
        error.param = jsonMemberText(value, "param");
        const QString type = jsonMemberText(value, "type");
        if (type != QLatin1String("error"))
            error.type = type;
    }
    return !error.code.isEmpty() || !error.serverMessage.isEmpty();
}

void fillRequestId(ApiError& error, const QString& header)
{
    error.requestId = header.trimmed();
    if (error.requestId.isEmpty())
        error.requestId = requestIdFromMessage(error.serverMessage);
    if (error.requestId.isEmpty())
        error.requestId = requestIdFromMessage(error.detail);
}

// Quoted text gets a closing full stop so the next sentence does not run into it.
QString asSentence(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || QStringLiteral(".!?。！？…").contains(trimmed.back()))
        return trimmed;
    return trimmed + QLatin1Char('.');
}

bool isOverloaded(const ApiError& error)
{
    return error.httpStatus == 503 || error.code.contains(QLatin1String("overload"), Qt::CaseInsensitive);
}

QString baseMessage(const ApiError& error)
{
    switch (error.kind) {
    case ErrorKind::None:
        return QCoreApplication::translate("ark::api::ApiError", "No error.");
    case ErrorKind::Authentication:
        if (error.httpStatus == 403)
            return QCoreApplication::translate(
                "ark::api::ApiError",
                "The server refused access. The API key may be wrong, or this account or project has "
                "no access to the model (not activated, or the account is overdue). Check the key in "
                "Settings or with `ark-workbench-cli key set`, and the model's status in the console.");
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The server refused the API key. Check the key in Settings or set it again with "
            "`ark-workbench-cli key set`.");
    case ErrorKind::BadRequest:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The server rejected the request as invalid. Check the model, the parameters and the "
            "messages; some models do not accept every parameter.");
    case ErrorKind::NotFound:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The model or endpoint was not found. Check the model ID or endpoint ID (ep-...) and the "
            "base URL.");
    case ErrorKind::RateLimited:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The request was rate limited (the RPM or TPM limit of the account or model was reached). "
            "Wait a moment and try again, or lower max tokens: the limit counts the expected output "
            "in advance.");
    case ErrorKind::Server:
        if (isOverloaded(error))
            return QCoreApplication::translate("ark::api::ApiError",
                                               "The server is overloaded right now. Try again in a moment.");
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The server failed to answer. Try again later; if it keeps happening, report the request "
            "id.");
    case ErrorKind::ModelRetired:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "This model has been retired and no longer answers. Choose its replacement in the model "
            "settings.");
    case ErrorKind::Network:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "Cannot reach the server. Check the network connection and the base URL in Settings.");
    case ErrorKind::IdleTimeout:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The server sent no data for too long, so the request was stopped. Try again; thinking "
            "models can be slow, and a longer idle timeout may help.");
    case ErrorKind::StreamBroken:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The connection closed before the answer was complete. The partial answer was kept.");
    case ErrorKind::MalformedChunk:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The server sent data in an unexpected format, so the answer was stopped. The partial "
            "answer was kept.");
    case ErrorKind::EventTooLarge:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The server sent one piece of the stream that is larger than allowed, so the stream was "
            "stopped to protect memory.");
    case ErrorKind::ContentFiltered:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The answer was stopped by content moderation. The partial answer was kept; rephrasing the "
            "request may help.");
    case ErrorKind::Redirected:
        return QCoreApplication::translate(
            "ark::api::ApiError",
            "The server redirected the request to another host. The request was not sent there, to "
            "protect your API key. Check the base URL.");
    case ErrorKind::Cancelled:
        return QCoreApplication::translate("ark::api::ApiError", "The request was cancelled.");
    }
    return QCoreApplication::translate("ark::api::ApiError", "An unknown error occurred.");
}

} // namespace

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::Authentication:
        return QStringLiteral("authentication");
    case ErrorKind::BadRequest:
        return QStringLiteral("bad_request");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorKind::Server:
        return QStringLiteral("server");
    case ErrorKind::ModelRetired:
        return QStringLiteral("model_retired");
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::IdleTimeout:
        return QStringLiteral("idle_timeout");
    case ErrorKind::StreamBroken:
        return QStringLiteral("stream_broken");
    case ErrorKind::MalformedChunk:
        return QStringLiteral("malformed_chunk");
    case ErrorKind::EventTooLarge:
        return QStringLiteral("event_too_large");
    case ErrorKind::ContentFiltered:
        return QStringLiteral("content_filtered");
    case ErrorKind::Redirected:
        return QStringLiteral("redirected");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString ApiError::humanMessage() const
{
    QStringList sentences{baseMessage(*this)};
    if (retryAfterMs && *retryAfterMs > 0)
        sentences << QCoreApplication::translate("ark::api::ApiError",
                                                 "The server asked to wait %1 s before trying again.")
                         .arg(static_cast<double>(*retryAfterMs) / 1000.0, 0, 'g', 4);
    if (httpStatus > 0)
        sentences << QCoreApplication::translate("ark::api::ApiError", "HTTP status %1.").arg(httpStatus);
    const QString said = code.isEmpty() || serverMessage.isEmpty()
                             ? code + serverMessage
                             : QStringLiteral("%1: %2").arg(code, serverMessage.trimmed());
    if (!said.isEmpty())
        sentences
            << QCoreApplication::translate("ark::api::ApiError", "The server said: %1").arg(asSentence(said));
    if (!detail.isEmpty())
        sentences << QCoreApplication::translate("ark::api::ApiError", "Details: %1")
                         .arg(detail.trimmed()); // machine text: quoted as is
    // Already quoted by the server's own message: once is enough.
    if (!requestId.isEmpty() && !serverMessage.contains(requestId))
        sentences << QCoreApplication::translate("ark::api::ApiError", "Request id: %1.").arg(requestId);
    return sentences.join(QLatin1Char(' '));
}

ApiError ApiError::fromHttp(int status, const QByteArray& body, const QString& requestIdHeader)
{
    ApiError error;
    error.httpStatus = status;
    error.kind = kindFromStatus(status);

    const json parsed = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (!fillFromValue(error, parsed)) {
        // Not an error object we know (HTML from a proxy, plain text, odd JSON): keep it to show.
        error.code.clear();
        error.serverMessage.clear();
        error.type.clear();
        error.param.clear();
        error.detail = truncatedUtf8(body.trimmed(), kMaxPlainBodyBytes);
    }
    // 410 is final whatever the code says: retrying a retired model never helps.
    if (error.kind != ErrorKind::ModelRetired) {
        if (const auto byCode = kindFromCode(error.code))
            error.kind = *byCode;
    }
    fillRequestId(error, requestIdHeader);
    return error;
}

ApiError ApiError::fromErrorValue(const json& value, const QString& requestIdHeader)
{
    ApiError error;
    if (!fillFromValue(error, value)) {
        error.kind = ErrorKind::MalformedChunk;
        error.detail = QCoreApplication::translate(
            "ark::api::ApiError", "The server reported an error without a code or a message.");
        fillRequestId(error, requestIdHeader);
        return error;
    }
    error.kind = kindFromCode(error.code).value_or(ErrorKind::BadRequest);
    fillRequestId(error, requestIdHeader);
    return error;
}

ApiError ApiError::fromErrorJson(const QByteArray& bytes, const QString& requestIdHeader)
{
    const json parsed = json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (parsed.is_discarded()) {
        ApiError error;
        error.kind = ErrorKind::MalformedChunk;
        error.detail = truncatedUtf8(bytes.trimmed(), 200);
        fillRequestId(error, requestIdHeader);
        return error;
    }
    return fromErrorValue(parsed, requestIdHeader);
}

QString requestIdFromMessage(const QString& message)
{
    if (message.isEmpty())
        return {};
    static const QRegularExpression pattern(
        QStringLiteral(R"(request[ _-]?id\s*[:=]\s*([^\s,;"'()\[\]{}<>]+))"),
        QRegularExpression::CaseInsensitiveOption);
    auto matches = pattern.globalMatch(message);
    while (matches.hasNext()) {
        QString id = matches.next().captured(1);
        while (id.endsWith(QLatin1Char('.')))
            id.chop(1);
        // The docs print redacted ids ("0217***", "****"); such text identifies nothing.
        if (!id.isEmpty() && !id.contains(QLatin1Char('*')))
            return id;
    }
    return {};
}

} // namespace ark::api
