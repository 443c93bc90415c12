#include "ModelsCommand.h"

#include "CliOptions.h"

namespace ark::cli {
int runModels(const QStringList&) { return ExitUsage; }
QString lifecycleWarning(const catalog::Catalog&, const QString&, const QDateTime&) { return {}; }
} // namespace ark::cli
