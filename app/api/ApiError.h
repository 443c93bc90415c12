// Typed errors: each carries what the server said and a message a person understands.
#pragma once

#include <QString>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace ark::api {

enum class ErrorKind {
    None,
    Authentication,  // 401 / 403
    BadRequest,      // 400, 422 and other 4xx not listed below
    NotFound,        // 404
    RateLimited,     // 429
    Server,          // 5xx (overloaded, internal error)
    ModelRetired,    // 410 Gone
    Network,         // connection refused, DNS, TLS, reset before any answer
    IdleTimeout,     // no byte for the idle timeout
    StreamBroken,    // the stream ended without data: [DONE] after answer bytes arrived
    MalformedChunk,  // a chunk that is not the JSON the protocol promises
    EventTooLarge,   // one SSE event over the memory bound
    ContentFiltered, // finish_reason content_filter
    Redirected,      // a redirect to another host was refused (the key is never sent there)
    Cancelled,       // the person stopped it
};

QString errorKindName(ErrorKind kind); // stable snake_case names used by the CLI's JSON

struct ApiError {
    ErrorKind kind = ErrorKind::None;
    int httpStatus = 0;       // 0 when no HTTP status was received
    QString code;             // error.code from the server
    QString serverMessage;    // error.message from the server
    QString type;             // error.type when present
    QString param;            // error.param when present
    QString requestId;        // X-Request-Id header, or the id quoted in the message
    QString detail;           // our own detail: the network error text, the offending chunk (truncated), ...
    std::optional<qint64> retryAfterMs; // what the server asked for, if it did

    bool isError() const { return kind != ErrorKind::None; }
    // A sentence or two for a person: what happened and what to do. Translated.
    QString humanMessage() const;

    // Builds an error from an HTTP status and an error body ({"error":{...}} or Krea-style flat bodies).
    static ApiError fromHttp(int status, const QByteArray& body, const QString& requestIdHeader);
    // Builds an error from an {"error": ...} object that arrived inside a 200 stream.
    static ApiError fromErrorJson(const QByteArray& json, const QString& requestIdHeader);
    // The same from an already parsed value, so a stream chunk is parsed only once. Accepts
    // {"error":{...}}, {"error":"code","message":...} and a flat {"code","message"} object.
    static ApiError fromErrorValue(const nlohmann::json& value, const QString& requestIdHeader);
};

// "requestId: 0217..." / "Request id: ..." inside a server message; empty when absent.
QString requestIdFromMessage(const QString& message);

} // namespace ark::api
