#include "Lifecycle.h"

#include <QCoreApplication>

#include <algorithm>

namespace ark::catalog {

namespace {

// "in 4 days", "in 1 hour"... for a moment after `now`. Whole units, rounded down, so a badge never
// promises more time than there is. English plurals are separate strings: the app ships no English
// translation file that could resolve "%n day(s)".
QString timeUntil(const QDateTime& now, const QDateTime& when)
{
    const qint64 seconds = std::max<qint64>(0, now.secsTo(when));
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds / 60;
    if (days >= 2)
        return QCoreApplication::translate("ark::catalog", "in %1 days").arg(days);
    if (days == 1)
        return QCoreApplication::translate("ark::catalog", "in 1 day");
    if (hours >= 2)
        return QCoreApplication::translate("ark::catalog", "in %1 hours").arg(hours);
    if (hours == 1)
        return QCoreApplication::translate("ark::catalog", "in 1 hour");
    if (minutes >= 2)
        return QCoreApplication::translate("ark::catalog", "in %1 minutes").arg(minutes);
    return QCoreApplication::translate("ark::catalog", "in less than 2 minutes");
}

QString retiresPhrase(const LifecycleStatus& status, const QDateTime& now)
{
    //: %1 = "in 4 days", %2 = "2025-11-27 14:00 UTC+8"
    return QCoreApplication::translate("ark::catalog", "retires %1 — %2")
        .arg(timeUntil(now, status.eos), formatInZone(status.eos));
}

} // namespace

QString stateId(LifecycleState state)
{
    switch (state) {
    case LifecycleState::Unknown:
        return QStringLiteral("unknown");
    case LifecycleState::Active:
        return QStringLiteral("active");
    case LifecycleState::Legacy:
        return QStringLiteral("legacy");
    case LifecycleState::Deprecated:
        return QStringLiteral("deprecated");
    case LifecycleState::EndOfSale:
        return QStringLiteral("end-of-sale");
    case LifecycleState::Retired:
        return QStringLiteral("retired");
    }
    return QStringLiteral("unknown");
}

QString stateDisplayName(LifecycleState state)
{
    switch (state) {
    case LifecycleState::Unknown:
        return QCoreApplication::translate("ark::catalog", "Unknown");
    case LifecycleState::Active:
        return QCoreApplication::translate("ark::catalog", "Active");
    case LifecycleState::Legacy:
        return QCoreApplication::translate("ark::catalog", "Legacy");
    case LifecycleState::Deprecated:
        return QCoreApplication::translate("ark::catalog", "Deprecated");
    case LifecycleState::EndOfSale:
        return QCoreApplication::translate("ark::catalog", "End of sale");
    case LifecycleState::Retired:
        return QCoreApplication::translate("ark::catalog", "Retired");
    }
    return QCoreApplication::translate("ark::catalog", "Unknown");
}

LifecycleStatus lifecycleAt(const LifecycleInfo& info, const QDateTime& now)
{
    LifecycleStatus status;
    status.notice = info.notice;
    status.eom = info.eom;
    status.eos = info.eos;
    status.replacement = info.replacement;
    if (info.unknown || !now.isValid())
        return status; // Unknown

    // QDateTime compares instants, whatever zone each side was written in.
    const auto reached = [&now](const QDateTime& boundary) {
        return boundary.isValid() && now >= boundary;
    };
    if (reached(info.eos)) {
        status.state = LifecycleState::Retired;
        status.autoReplaced = info.autoReplacedAtEos;
        if (status.autoReplaced)
            status.autoReplacement = info.autoReplacement.isEmpty() ? info.replacement : info.autoReplacement;
    } else if (reached(info.eom)) {
        status.state = LifecycleState::EndOfSale;
    } else if (reached(info.notice)) {
        status.state = LifecycleState::Deprecated;
    } else if (!info.notice.isValid() && (info.eom.isValid() || info.eos.isValid())) {
        // Krea publishes only the sunset: an end that is scheduled has been announced.
        status.state = LifecycleState::Deprecated;
    } else {
        status.state = info.legacy ? LifecycleState::Legacy : LifecycleState::Active;
    }

    for (const QDateTime& boundary : {info.notice, info.eom, info.eos}) {
        if (boundary.isValid() && boundary > now &&
            (!status.nextDate.isValid() || boundary < status.nextDate))
            status.nextDate = boundary;
    }
    return status;
}

QString describeStatus(const LifecycleStatus& status, const QDateTime& now)
{
    switch (status.state) {
    case LifecycleState::Unknown:
        return QCoreApplication::translate("ark::catalog", "lifecycle unknown");
    case LifecycleState::Active:
    case LifecycleState::Legacy: {
        QString text = status.state == LifecycleState::Legacy
                           ? QCoreApplication::translate("ark::catalog", "legacy — no further updates")
                           : QCoreApplication::translate("ark::catalog", "active");
        if (status.notice.isValid() && status.notice > now)
            text += QCoreApplication::translate("ark::catalog", "; deprecation announced for %1")
                        .arg(formatInZone(status.notice));
        if (!status.replacement.isEmpty())
            text += QCoreApplication::translate("ark::catalog", "; upgrade to %1 recommended")
                        .arg(status.replacement);
        return text;
    }
    case LifecycleState::Deprecated:
        if (status.eom.isValid() && status.eom > now && status.eos.isValid())
            return QCoreApplication::translate("ark::catalog", "deprecated — end of sale %1; %2")
                .arg(formatInZone(status.eom), retiresPhrase(status, now));
        if (status.eos.isValid())
            return retiresPhrase(status, now);
        if (status.eom.isValid())
            return QCoreApplication::translate("ark::catalog", "deprecated — end of sale %1 — %2")
                .arg(timeUntil(now, status.eom), formatInZone(status.eom));
        return QCoreApplication::translate("ark::catalog", "deprecated since %1")
            .arg(formatInZone(status.notice));
    case LifecycleState::EndOfSale:
        if (status.eos.isValid())
            return QCoreApplication::translate("ark::catalog", "end of sale since %1; %2")
                .arg(formatInZone(status.eom), retiresPhrase(status, now));
        return QCoreApplication::translate("ark::catalog", "end of sale since %1")
            .arg(formatInZone(status.eom));
    case LifecycleState::Retired:
        if (status.autoReplaced && !status.autoReplacement.isEmpty())
            return QCoreApplication::translate("ark::catalog", "retired — replaced by %1")
                .arg(status.autoReplacement);
        if (!status.replacement.isEmpty())
            return QCoreApplication::translate("ark::catalog",
                                               "retired since %1 — requests fail; switch to %2")
                .arg(formatInZone(status.eos), status.replacement);
        return QCoreApplication::translate("ark::catalog", "retired since %1 — requests fail")
            .arg(formatInZone(status.eos));
    }
    return {};
}

QString formatInZone(const QDateTime& dateTime)
{
    if (!dateTime.isValid())
        return {};
    const int offset = dateTime.offsetFromUtc();
    // Shown in the zone it was published in: an Ark EOS reads "14:00 UTC+8" wherever the person is.
    const QDateTime local = dateTime.toOffsetFromUtc(offset);
    QString zone = QStringLiteral("UTC");
    if (offset != 0) {
        const int minutes = std::abs(offset) / 60;
        zone += offset > 0 ? QLatin1Char('+') : QLatin1Char('-');
        zone += QString::number(minutes / 60);
        if (minutes % 60 != 0)
            zone += QStringLiteral(":%1").arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    const QString format = local.time().second() != 0 ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                      : QStringLiteral("yyyy-MM-dd HH:mm");
    return local.toString(format) + QLatin1Char(' ') + zone;
}

} // namespace ark::catalog
