#include "HttpAttempt.h"

#include "ChatClient.h" // AttemptInfo

#include <QCoreApplication>
#include <QNetworkReply>

namespace ark::api {

namespace {

int defaultPort(const QUrl& url)
{
    return url.scheme() == QLatin1String("https") ? 443 : 80;
}

} // namespace

ApiError makeApiError(ErrorKind kind, const QString& detail)
{
    ApiError error;
    error.kind = kind;
    error.detail = detail;
    return error;
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(defaultPort(a)) == b.port(defaultPort(b));
}

QNetworkRequest authorizedRequest(const QUrl& url, const QString& apiKey)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

std::optional<ResponseHead> readResponseHead(QNetworkReply* reply, AttemptInfo& attempt)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return std::nullopt;
    ResponseHead head;
    head.status = status.toInt();
    head.headers = reply->rawHeaderPairs();
    head.requestId = QString::fromUtf8(reply->rawHeader("X-Request-Id"));
    attempt.httpStatus = head.status;
    attempt.requestId = head.requestId;
    attempt.responseHeaders = head.headers;
    return head;
}

RedirectStep redirectStep(const QUrl& current, QNetworkReply* reply, int status, bool keepsMethod,
                          int& redirects, int maxRedirects, const QString& requestId)
{
    RedirectStep step;
    step.target = current.resolved(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
    if (!step.target.isValid() || !sameOrigin(step.target, current)) {
        step.error = makeApiError(ErrorKind::Redirected,
                                  step.target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        step.error.httpStatus = status;
        step.error.requestId = requestId;
        return step;
    }
    if (!keepsMethod || ++redirects > maxRedirects) {
        step.error = makeApiError(
            ErrorKind::BadRequest,
            QCoreApplication::translate("ark::api::HttpAttempt", "Unexpected redirect (HTTP %1) to %2.")
                .arg(status)
                .arg(step.target.toDisplayString(QUrl::RemoveUserInfo)));
        step.error.httpStatus = status;
    }
    return step;
}

DeprecationNotice goneNotice(const QByteArray& body, const DeprecationNotice& fromHeaders)
{
    DeprecationNotice gone = DeprecationParser::fromGoneBody(body);
    if (!gone.sunset.isValid() && fromHeaders.sunset.isValid()) {
        gone.sunset = fromHeaders.sunset;
        gone.sunsetText = fromHeaders.sunsetText;
    }
    if (gone.link.isEmpty())
        gone.link = fromHeaders.link;
    return gone;
}

} // namespace ark::api
