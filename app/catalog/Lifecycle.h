// A model's lifecycle at a given moment: active, legacy, deprecated (notice given), end of sale
// (after EOM: no new endpoints), retired (after EOS). Dates keep their published zone (Ark writes
// UTC+8); comparisons are exact instants, so an EOS of 2025-11-27 14:00 UTC+8 is 06:00 UTC.
#pragma once

#include <QDateTime>
#include <QString>

namespace ark::catalog {

enum class LifecycleState { Unknown, Active, Legacy, Deprecated, EndOfSale, Retired };
QString stateId(LifecycleState state);          // "unknown", "active", "legacy", "deprecated", "end-of-sale", "retired"
QString stateDisplayName(LifecycleState state); // translated

struct LifecycleInfo
{
    QDateTime notice; // invalid = none; timeSpec OffsetFromUTC as published
    QDateTime eom;    // end of sale (Ark EOM)
    QDateTime eos;    // end of service (Ark EOS, Anthropic retirement)
    bool legacy = false;          // Anthropic "legacy" state
    QString replacement;          // recommended replacement id ("" = none)
    bool replacementExternal = false; // the replacement is not described by this catalog
    bool autoReplacedAtEos = false;   // after EOS, calls are served by `replacement` instead of failing
    QString reason;               // e.g. the batch name or the provider's wording
    QString source;               // where the dates come from ("seed 000, batch 3")
};

struct LifecycleStatus
{
    LifecycleState state = LifecycleState::Unknown;
    QDateTime nextDate;   // the next boundary after now (EOM or EOS), invalid when none
    QDateTime notice, eom, eos; // copied from LifecycleInfo for describing
    QString replacement;  // as LifecycleInfo
    bool autoReplaced = false;
};

// Pure function of (info, now). `now` is always passed in: tests travel across every boundary.
LifecycleStatus lifecycleAt(const LifecycleInfo& info, const QDateTime& now);

// "retires in 4 days — 2025-11-27 14:00 UTC+8", "retired — replaced by doubao-seed-1-6-251015".
QString describeStatus(const LifecycleStatus& status, const QDateTime& now); // translated
// A date-time in its published zone: "2025-11-27 14:00 UTC+8".
QString formatInZone(const QDateTime& dateTime);

} // namespace ark::catalog
