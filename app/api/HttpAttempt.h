// What every call to the API does the same way, whatever it sends or reads: the request that carries
// the key, redirects taken by hand so the key never follows one to another host, the response head
// read into the attempt's record, and the notice a 410 leaves. ChatCall (streaming) and RestCall
// (one JSON answer) differ in how they read bodies and when they retry, not in these.
#pragma once

#include "ApiError.h"
#include "Deprecation.h"

#include <QNetworkRequest>
#include <QString>
#include <QUrl>
#include <optional>

class QNetworkReply;

namespace ark::api {

struct AttemptInfo;

ApiError makeApiError(ErrorKind kind, const QString& detail = {});

// Same scheme, host (case-insensitive) and port, default ports filled in.
bool sameOrigin(const QUrl& a, const QUrl& b);

// A request to the API: Authorization set, redirects left to the caller (Qt 6 follows them by
// default, and would take the header along to whatever host a redirect names).
QNetworkRequest authorizedRequest(const QUrl& url, const QString& apiKey);

// The status line and headers of a reply, once they are there.
struct ResponseHead
{
    int status = 0;
    HeaderList headers;
    QString requestId; // X-Request-Id, "" when absent
};

// nullopt until the reply has its status. Also writes status, request id and headers into `attempt`.
std::optional<ResponseHead> readResponseHead(QNetworkReply* reply, AttemptInfo& attempt);

// A 3xx answer: where to go next, or why not. Only a same-origin target is followed, at most
// `maxRedirects` times, and only when the method survives the redirect (`keepsMethod`).
struct RedirectStep
{
    QUrl target;
    ApiError error; // set when the redirect is refused; the call ends with it
    bool follow() const { return !error.isError(); }
};
RedirectStep redirectStep(const QUrl& current, QNetworkReply* reply, int status, bool keepsMethod,
                          int& redirects, int maxRedirects, const QString& requestId);

// A 410's notice: the structured body names the replacement; dates and link the headers gave earlier
// fill what the body leaves out.
DeprecationNotice goneNotice(const QByteArray& body, const DeprecationNotice& fromHeaders);

} // namespace ark::api
