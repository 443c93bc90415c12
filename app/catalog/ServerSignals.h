// Deprecation signals servers sent at run time (Deprecation / Sunset / Link headers, 410 Gone
// bodies: api::DeprecationNotice), kept per model with when they were seen, so the catalog view can
// say "server reported deprecation on …" long after the response that carried it. A small JSON file
// in AppDataLocation; nothing secret is in it.
#pragma once

#include "api/Deprecation.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <optional>
#include <vector>

namespace ark::catalog {

struct ServerSignal
{
    QString modelId;     // as it was sent (a model id or an endpoint id "ep-…")
    QDateTime firstSeen; // UTC
    QDateTime lastSeen;  // UTC
    bool gone = false;   // a 410 Gone was seen: final
    QDateTime goneSeen;  // when the first 410 arrived (UTC)
    // The server's words, merged over every signal seen (a later empty field keeps an earlier value).
    QDateTime deprecatedSince;
    QDateTime sunset;
    QString sunsetText;
    QString link;
    QString errorCode;
    QString reason;
    QString message;
    QString replacement;
    QString migrationUrl;

    // Back in the client's shape, for the banner.
    api::DeprecationNotice notice() const;
    // "server reported deprecation on 2025-11-20 10:00 UTC; sunset 2026-04-27 00:00 UTC; see <link>",
    // "server reported 410 Gone on …: <message>". Dates are shown in the zone of `zoneOf` (the local
    // zone when invalid). Translated.
    QString describe(const QDateTime& zoneOf = {}) const;
};

class ServerSignals : public QObject
{
    Q_OBJECT
public:
    // Reads `filePath` (defaultPath() when empty). A missing or damaged file starts empty.
    explicit ServerSignals(const QString& filePath = {}, QObject* parent = nullptr);

    // <AppDataLocation>/server-signals.json
    static QString defaultPath();
    QString filePath() const { return m_path; }

    // Records a notice for the model (or endpoint) id the request named. Empty notices are ignored
    // (false). Saves at once when something new was learned; emits changed(modelId).
    bool record(const QString& modelId, const api::DeprecationNotice& notice,
                const QDateTime& seenAt = QDateTime::currentDateTimeUtc());
    // Spellings match the way the catalog matches ids ("doubao-seed-1.6" = "doubao-seed-1-6").
    std::optional<ServerSignal> signalFor(const QString& modelId) const;
    bool contains(const QString& modelId) const { return signalFor(modelId).has_value(); }
    std::vector<ServerSignal> all() const; // oldest first
    bool forget(const QString& modelId);   // e.g. after the catalog import that explains it

    bool save() const; // atomic; false when the file cannot be written
    void reload();

signals:
    void changed(const QString& modelId);

private:
    static QString key(const QString& modelId);

    QString m_path;
    QHash<QString, ServerSignal> m_signals; // key(modelId) -> signal
};

} // namespace ark::catalog
