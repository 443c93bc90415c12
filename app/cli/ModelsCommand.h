// ark-workbench-cli models [--provider P] [--at YYYY-MM-DD] [--all] [--json]
#pragma once

#include <QDateTime>
#include <QStringList>

namespace ark::catalog {
class Catalog;
}

namespace ark::cli {
int runModels(const QStringList& args);

// The stderr line `chat` prints when the catalog says the model is deprecated, past end of sale or
// retired at `now` ("warning: ..."), or "" when there is nothing to say.
// The line names the date and the recommended replacement (or the model now serving the calls) and
// ends with "\n": write it as is with writeErr().
QString lifecycleWarning(const catalog::Catalog& catalog, const QString& modelId, const QDateTime& now);
} // namespace ark::cli
