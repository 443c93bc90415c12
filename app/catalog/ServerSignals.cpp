#include "ServerSignals.h"

#include "catalog/Catalog.h"
#include "catalog/Lifecycle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace ark::catalog {

namespace {

// File fields: stable, never translated. Version 1 is an object {"version":1, "signals":[...]}.
constexpr int kFileVersion = 1;

QString isoOrEmpty(const QDateTime& dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromIso(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

QJsonObject toJson(const ServerSignal& s)
{
    QJsonObject object;
    object.insert(QStringLiteral("model"), s.modelId);
    object.insert(QStringLiteral("first_seen"), isoOrEmpty(s.firstSeen));
    object.insert(QStringLiteral("last_seen"), isoOrEmpty(s.lastSeen));
    object.insert(QStringLiteral("gone"), s.gone);
    object.insert(QStringLiteral("gone_seen"), isoOrEmpty(s.goneSeen));
    object.insert(QStringLiteral("deprecated_since"), isoOrEmpty(s.deprecatedSince));
    object.insert(QStringLiteral("sunset"), isoOrEmpty(s.sunset));
    object.insert(QStringLiteral("sunset_text"), s.sunsetText);
    object.insert(QStringLiteral("link"), s.link);
    object.insert(QStringLiteral("error"), s.errorCode);
    object.insert(QStringLiteral("reason"), s.reason);
    object.insert(QStringLiteral("message"), s.message);
    object.insert(QStringLiteral("replacement"), s.replacement);
    object.insert(QStringLiteral("migration_url"), s.migrationUrl);
    return object;
}

ServerSignal fromJson(const QJsonObject& object)
{
    ServerSignal s;
    s.modelId = object.value(QStringLiteral("model")).toString();
    s.firstSeen = fromIso(object.value(QStringLiteral("first_seen")));
    s.lastSeen = fromIso(object.value(QStringLiteral("last_seen")));
    s.gone = object.value(QStringLiteral("gone")).toBool();
    s.goneSeen = fromIso(object.value(QStringLiteral("gone_seen")));
    s.deprecatedSince = fromIso(object.value(QStringLiteral("deprecated_since")));
    s.sunset = fromIso(object.value(QStringLiteral("sunset")));
    s.sunsetText = object.value(QStringLiteral("sunset_text")).toString();
    s.link = object.value(QStringLiteral("link")).toString();
    s.errorCode = object.value(QStringLiteral("error")).toString();
    s.reason = object.value(QStringLiteral("reason")).toString();
    s.message = object.value(QStringLiteral("message")).toString();
    s.replacement = object.value(QStringLiteral("replacement")).toString();
    s.migrationUrl = object.value(QStringLiteral("migration_url")).toString();
    return s;
}

// Overwrites `field` with a non-empty `value`; true when that changed it.
template <typename T> bool mergeField(T& field, const T& value, bool (*empty)(const T&))
{
    if (empty(value) || field == value)
        return false;
    field = value;
    return true;
}

bool emptyString(const QString& text)
{
    return text.isEmpty();
}
bool invalidDate(const QDateTime& dateTime)
{
    return !dateTime.isValid();
}

QString inZone(const QDateTime& dateTime, const QDateTime& zoneOf)
{
    const int offset = zoneOf.isValid() ? zoneOf.offsetFromUtc() : dateTime.toLocalTime().offsetFromUtc();
    return formatInZone(dateTime.toOffsetFromUtc(offset));
}

} // namespace

api::DeprecationNotice ServerSignal::notice() const
{
    api::DeprecationNotice n;
    n.deprecated = true; // every recorded signal said so, one way or another
    n.gone = gone;
    n.deprecatedSince = deprecatedSince;
    n.sunset = sunset;
    n.sunsetText = sunsetText;
    n.link = link;
    n.errorCode = errorCode;
    n.reason = reason;
    n.message = message;
    n.replacement = replacement;
    n.migrationUrl = migrationUrl;
    return n;
}

QString ServerSignal::describe(const QDateTime& zoneOf) const
{
    QStringList parts;
    if (gone) {
        QString text = QCoreApplication::translate("ark::catalog", "server reported 410 Gone on %1")
                           .arg(inZone(goneSeen.isValid() ? goneSeen : lastSeen, zoneOf));
        if (!message.isEmpty())
            text += QStringLiteral(": ") + message;
        parts << text;
    } else {
        parts << QCoreApplication::translate("ark::catalog", "server reported deprecation on %1")
                     .arg(inZone(firstSeen, zoneOf));
    }
    if (deprecatedSince.isValid())
        parts << QCoreApplication::translate("ark::catalog", "deprecated since %1")
                     .arg(inZone(deprecatedSince, zoneOf));
    if (sunset.isValid())
        parts << QCoreApplication::translate("ark::catalog", "sunset %1").arg(inZone(sunset, zoneOf));
    else if (!sunsetText.isEmpty())
        parts << QCoreApplication::translate("ark::catalog", "sunset %1").arg(sunsetText);
    if (!replacement.isEmpty())
        parts << QCoreApplication::translate("ark::catalog", "use %1").arg(replacement);
    const QString url = !migrationUrl.isEmpty() ? migrationUrl : link;
    if (!url.isEmpty())
        parts << QCoreApplication::translate("ark::catalog", "see %1").arg(url);
    return parts.join(QStringLiteral("; "));
}

ServerSignals::ServerSignals(const QString& filePath, QObject* parent)
    : QObject(parent), m_path(filePath.isEmpty() ? defaultPath() : filePath)
{
    reload();
}

QString ServerSignals::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/server-signals.json");
}

QString ServerSignals::key(const QString& modelId)
{
    return Catalog::normalizedId(modelId);
}

bool ServerSignals::record(const QString& modelId, const api::DeprecationNotice& notice,
                           const QDateTime& seenAt)
{
    const QString k = key(modelId);
    if (notice.isEmpty() || k.isEmpty())
        return false;
    const QDateTime at = (seenAt.isValid() ? seenAt : QDateTime::currentDateTimeUtc()).toUTC();
    const bool known = m_signals.contains(k);
    ServerSignal& s = m_signals[k];
    bool learned = !known;
    if (!known) {
        s.modelId = modelId.trimmed();
        s.firstSeen = at;
    }
    s.lastSeen = at;
    if (notice.gone && !s.gone) {
        s.gone = true;
        s.goneSeen = at;
        learned = true;
    }
    learned |= mergeField(s.deprecatedSince, notice.deprecatedSince, invalidDate);
    learned |= mergeField(s.sunset, notice.sunset.toUTC(), invalidDate);
    learned |= mergeField(s.sunsetText, notice.sunsetText, emptyString);
    learned |= mergeField(s.link, notice.link, emptyString);
    learned |= mergeField(s.errorCode, notice.errorCode, emptyString);
    learned |= mergeField(s.reason, notice.reason, emptyString);
    learned |= mergeField(s.message, notice.message, emptyString);
    learned |= mergeField(s.replacement, notice.replacement, emptyString);
    learned |= mergeField(s.migrationUrl, notice.migrationUrl, emptyString);
    // Every response of a deprecated model repeats the headers: only news is worth a disk write.
    if (learned) {
        save();
        emit changed(s.modelId);
    }
    return true;
}

std::optional<ServerSignal> ServerSignals::signalFor(const QString& modelId) const
{
    const auto it = m_signals.constFind(key(modelId));
    if (it == m_signals.constEnd())
        return std::nullopt;
    return *it;
}

std::vector<ServerSignal> ServerSignals::all() const
{
    std::vector<ServerSignal> list(m_signals.cbegin(), m_signals.cend());
    std::sort(list.begin(), list.end(), [](const ServerSignal& a, const ServerSignal& b) {
        return a.firstSeen != b.firstSeen ? a.firstSeen < b.firstSeen : a.modelId < b.modelId;
    });
    return list;
}

bool ServerSignals::forget(const QString& modelId)
{
    const auto it = m_signals.find(key(modelId));
    if (it == m_signals.end())
        return false;
    const QString id = it->modelId;
    m_signals.erase(it);
    save();
    emit changed(id);
    return true;
}

bool ServerSignals::save() const
{
    QJsonArray list;
    for (const ServerSignal& s : all())
        list.append(toJson(s));
    QJsonObject root;
    root.insert(QStringLiteral("version"), kFileVersion);
    root.insert(QStringLiteral("signals"), list);
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return false;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return file.commit();
}

void ServerSignals::reload()
{
    m_signals.clear();
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonArray list =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("signals")).toArray();
        for (const QJsonValue& value : list) {
            ServerSignal s = fromJson(value.toObject());
            if (!key(s.modelId).isEmpty())
                m_signals.insert(key(s.modelId), s);
        }
    }
}

} // namespace ark::catalog
