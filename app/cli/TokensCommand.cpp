#include "TokensCommand.h"

#include "CliOptions.h"

namespace ark::cli {
int runTokens(const QStringList&) { return ExitUsage; }
int runCost(const QStringList&) { return ExitUsage; }
QJsonObject costJsonForUsage(const QString&, const api::Usage&) { return {}; }
} // namespace ark::cli
