// Deprecation signals a server sends: Deprecation / Sunset / Link headers on any response,
// and a structured body with 410 Gone (format of the Krea API deprecation page, seed 001).
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace ark::api {

struct DeprecationNotice {
    bool deprecated = false;  // Deprecation header present and true/@epoch, or a 410 body
    bool gone = false;        // 410 Gone: final, never retried
    QDateTime deprecatedSince;// from "Deprecation: @<epoch>" (UTC); invalid when not given
    QDateTime sunset;         // from the Sunset header (RFC 1123) or the body's sunset_date (UTC); invalid when unknown
    QString sunsetText;       // as the server wrote it
    QString link;             // Link: <...>; rel="deprecation"
    QString errorCode;        // 410 body: "error" (stable, e.g. "model_unavailable")
    QString reason;           // 410 body: "reason"
    QString message;          // 410 body: "message"
    QString replacement;      // 410 body: "replacement"
    QString migrationUrl;     // 410 body: "migration_url"

    bool isEmpty() const { return !deprecated && !gone && !sunset.isValid() && link.isEmpty(); }
    // One line for a person: "deprecated; sunset <date>; see <link>; use <replacement>".
    QString summary() const;
};

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

class DeprecationParser {
public:
    // Reads Deprecation, Sunset and Link (rel="deprecation", possibly among several links and
    // several relation types). Header names are case-insensitive. Returns an empty notice when none.
    static DeprecationNotice fromHeaders(const HeaderList& headers);
    // A 410 body; non-JSON bodies give a notice with gone=true and message = the text.
    static DeprecationNotice fromGoneBody(const QByteArray& body);

    // Helpers, public for tests.
    static QDateTime parseHttpDate(const QByteArray& value); // RFC 1123, RFC 850, asctime; invalid on failure
    // Every <uri> of a Link header value whose rel (space-separated list, quoted or not) contains `rel`.
    static QStringList linksWithRel(const QByteArray& linkHeader, const QByteArray& rel);
};

} // namespace ark::api
