#include "Lifecycle.h"

namespace ark::catalog {
QString stateId(LifecycleState) { return {}; }
QString stateDisplayName(LifecycleState) { return {}; }
LifecycleStatus lifecycleAt(const LifecycleInfo&, const QDateTime&) { return {}; }
QString describeStatus(const LifecycleStatus&, const QDateTime&) { return {}; }
QString formatInZone(const QDateTime&) { return {}; }
} // namespace ark::catalog
