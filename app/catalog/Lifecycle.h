// A model's lifecycle at a given moment: active, legacy, deprecated (notice given), end of sale
// (after EOM: no new endpoints), retired (after EOS). Dates keep their published zone (Ark writes
// UTC+8); comparisons are exact instants, so an EOS of 2025-11-27 14:00 UTC+8 is 06:00 UTC.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

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

    // The model that serves an endpoint after EOS when autoReplacedAtEos; "" = `replacement`. Ark
    // batches often recommend one model and switch endpoints to another (seed 000, batch 3).
    QString autoReplacement;
    QStringList alternatives;     // further candidates the provider names (Krea sora-2)
    QDateTime earliestRetirement; // Anthropic "not sooner than": informational, never a trigger
    bool eosTentative = false;    // Anthropic "tentative retirement date"
    bool unknown = false;         // nothing is known about this model's lifecycle (external entries)
};

struct LifecycleStatus
{
    LifecycleState state = LifecycleState::Unknown;
    QDateTime nextDate;   // the next boundary after now (EOM or EOS), invalid when none
    QDateTime notice, eom, eos; // copied from LifecycleInfo for describing
    QString replacement;  // as LifecycleInfo
    bool autoReplaced = false;
    QString autoReplacement; // when autoReplaced: the model that now serves the calls
};

// Pure function of (info, now). `now` is always passed in: tests travel across every boundary.
// A boundary belongs to the later state: at exactly the EOS instant the model is retired.
// A scheduled EOM/EOS without a published notice date counts as deprecated until it is reached.
LifecycleStatus lifecycleAt(const LifecycleInfo& info, const QDateTime& now);

// "retires in 4 days — 2025-11-27 14:00 UTC+8", "retired — replaced by doubao-seed-1-6-251015".
QString describeStatus(const LifecycleStatus& status, const QDateTime& now); // translated
// A date-time in its published zone: "2025-11-27 14:00 UTC+8".
QString formatInZone(const QDateTime& dateTime);

} // namespace ark::catalog
