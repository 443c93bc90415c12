// ark-workbench-cli tokens --model ID [--base-url URL] [--offline] [--json] TEXT
// ark-workbench-cli cost --model ID --input-tokens N --output-tokens M [--cached-tokens C] [--json]
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace ark::api {
struct Usage;
}

namespace ark::cli {
int runTokens(const QStringList& args);
int runCost(const QStringList& args);

// The `cost` object of `chat --json` ({currency, amount}) for a usage, from the bundled catalog;
// an empty object when the model has no known price.
QJsonObject costJsonForUsage(const QString& modelId, const api::Usage& usage);
} // namespace ark::cli
