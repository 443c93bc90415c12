#include "TokensCommand.h"

#include "CliOptions.h"
#include "api/ChatClient.h"
#include "api/ChatTypes.h"
#include "catalog/Catalog.h"
#include "pricing/PriceTable.h"
#include "pricing/TokenCounter.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>

#include <nlohmann/json.hpp>

#include <memory>

namespace ark::cli {

namespace {

using ojson = nlohmann::ordered_json; // the documented field order

const QString kTokensUsage =
    QStringLiteral("usage: ark-workbench-cli tokens --model ID [--base-url URL] [--offline] [--json] TEXT\n"
                   "  Counts TEXT's tokens with the tokenization API (key from ARK_API_KEY). Without a\n"
                   "  key, with --offline or when the call fails, prints the offline estimate (\"≈\").\n"
                   "  TEXT '-' reads standard input.\n");
const QString kCostUsage = QStringLiteral(
    "usage: ark-workbench-cli cost --model ID --input-tokens N --output-tokens M [--cached-tokens C] "
    "[--json]\n"
    "  The price of one request from the catalog's price table. --input-tokens counts as the API's\n"
    "  prompt_tokens does (cached tokens included); --output-tokens includes reasoning tokens.\n");

int usageError(const QString& usage, const QString& message)
{
    writeErr(QStringLiteral("error: %1\n\n").arg(message));
    writeErr(usage);
    return ExitUsage;
}

std::string utf8(const QString& text)
{
    return text.toStdString();
}

// A JSON number holding an exact micros amount: nlohmann prints the shortest text that reads back
// to the same double, which is the 6-decimal value itself ("0.816").
double amount(qint64 micros)
{
    return static_cast<double>(micros) / 1e6;
}

// The catalog to price with (CliOptions); nullptr after printing the problem.
std::shared_ptr<const catalog::Catalog> loadCatalog(const QCommandLineParser& parser, const QString& usage)
{
    QString problem;
    auto loaded = catalogFromOption(parser, &problem);
    if (!loaded)
        usageError(usage, problem);
    return loaded;
}

bool parseCount(const QCommandLineParser& parser, const QString& name, qint64& out)
{
    bool ok = false;
    out = parser.value(name).trimmed().toLongLong(&ok);
    // 1e12 tokens is far beyond any context window and keeps every product in range.
    return ok && out >= 0 && out <= 1000000000000LL;
}

QUrl baseUrlFrom(const QCommandLineParser& parser, QString& problem)
{
    QString text = parser.value(QStringLiteral("base-url"));
    if (text.isEmpty())
        text = qEnvironmentVariable("ARK_BASE_URL");
    if (text.isEmpty())
        return QUrl(api::kDefaultArkBaseUrl);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        url.host().isEmpty()) {
        problem = QStringLiteral("--base-url must be an http(s) URL, e.g. %1").arg(api::kDefaultArkBaseUrl);
        return {};
    }
    return url;
}

} // namespace

int runTokens(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model ID or endpoint ID."), QStringLiteral("ID")},
        {QStringLiteral("base-url"), QStringLiteral("API base URL."), QStringLiteral("URL")},
        {QStringLiteral("offline"), QStringLiteral("Do not call the API: print the offline estimate.")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
    });
    parser.addOption(hiddenCatalogOption());
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("The text to count ('-' = stdin)."));
    if (!parser.parse(QStringList{QStringLiteral("tokens")} + args))
        return usageError(kTokensUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(kTokensUsage);
        return ExitOk;
    }
    const QString model = parser.value(QStringLiteral("model")).trimmed();
    if (model.isEmpty())
        return usageError(kTokensUsage, QStringLiteral("--model is required"));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(kTokensUsage, positional.isEmpty()
                                            ? QStringLiteral("no TEXT given")
                                            : QStringLiteral("give the text as one argument (quote it)"));
    QString text = positional.first();
    if (text == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return usageError(kTokensUsage, QStringLiteral("cannot read the text from standard input"));
        text = QString::fromUtf8(in.readAll());
    }
    QString problem;
    const QUrl baseUrl = baseUrlFrom(parser, problem);
    if (!problem.isEmpty())
        return usageError(kTokensUsage, problem);

    // Only Ark has a tokenization API: a model the catalog places with another provider is estimated.
    QString offlineReason;
    if (parser.isSet(QStringLiteral("offline"))) {
        offlineReason = QStringLiteral("--offline");
    } else if (parser.isSet(QStringLiteral("catalog")) || !catalog::Catalog::bundled()->models().empty()) {
        const auto catalog = loadCatalog(parser, kTokensUsage);
        if (!catalog)
            return ExitUsage;
        const catalog::ModelInfo* info = catalog->find(model);
        if (info && !info->provider.isEmpty() && info->provider != QLatin1String("volcengine-ark"))
            offlineReason = QStringLiteral("provider %1 has no tokenization API").arg(info->provider);
    }
    const QString key = offlineReason.isEmpty() ? qEnvironmentVariable("ARK_API_KEY").trimmed() : QString();

    QNetworkAccessManager network;
    pricing::TokenCounter counter(&network);
    counter.setEndpoint(offlineReason.isEmpty() ? baseUrl : QUrl(), key);
    QList<pricing::TokenCount> counts;
    api::ApiError error;
    bool done = false;
    QEventLoop loop;
    counter.countNow(model, {text},
                     [&](const QList<pricing::TokenCount>& result, const api::ApiError& failure) {
                         counts = result;
                         error = failure;
                         done = true;
                         loop.quit();
                     });
    if (!done)
        loop.exec();

    const pricing::TokenCount count = counts.value(0);
    QString note = count.note;
    if (!offlineReason.isEmpty())
        note = QStringLiteral("Estimated (%1).").arg(offlineReason);
    if (parser.isSet(QStringLiteral("json"))) {
        ojson out;
        out["model"] = utf8(model);
        out["total_tokens"] = count.tokens;
        out["exact"] = count.exact;
        out["note"] = count.exact ? ojson(nullptr) : ojson(utf8(note));
        writeOut(QByteArray::fromStdString(out.dump()) + '\n');
    } else {
        writeOut(count.exact ? QStringLiteral("%1\n").arg(count.tokens)
                             : QStringLiteral("≈%1\n").arg(count.tokens));
    }
    if (error.isError()) {
        writeErr(QStringLiteral("error: the exact count failed, the estimate is shown: %1\n")
                     .arg(error.humanMessage()));
        return exitStatusFor(error);
    }
    if (!count.exact && offlineReason.isEmpty() && key.isEmpty())
        writeErr(QStringLiteral("note: no API key (set ARK_API_KEY): the offline estimate is shown.\n"));
    return ExitOk;
}

int runCost(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model ID."), QStringLiteral("ID")},
        {QStringLiteral("input-tokens"), QStringLiteral("Input tokens (prompt_tokens, cache hits included)."),
         QStringLiteral("N")},
        {QStringLiteral("output-tokens"),
         QStringLiteral("Output tokens (completion_tokens, reasoning included)."), QStringLiteral("M")},
        {QStringLiteral("cached-tokens"), QStringLiteral("Cache-hit input tokens."), QStringLiteral("C")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
    });
    parser.addOption(hiddenCatalogOption());
    if (!parser.parse(QStringList{QStringLiteral("cost")} + args))
        return usageError(kCostUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(kCostUsage);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            kCostUsage, QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first()));
    const QString model = parser.value(QStringLiteral("model")).trimmed();
    if (model.isEmpty())
        return usageError(kCostUsage, QStringLiteral("--model is required"));
    pricing::TokenCounts counts;
    if (!parser.isSet(QStringLiteral("input-tokens")) || !parser.isSet(QStringLiteral("output-tokens")))
        return usageError(kCostUsage, QStringLiteral("--input-tokens and --output-tokens are required"));
    if (!parseCount(parser, QStringLiteral("input-tokens"), counts.inputTokens) ||
        !parseCount(parser, QStringLiteral("output-tokens"), counts.outputTokens) ||
        (parser.isSet(QStringLiteral("cached-tokens")) &&
         !parseCount(parser, QStringLiteral("cached-tokens"), counts.cachedTokens)))
        return usageError(kCostUsage, QStringLiteral("token counts are whole numbers from 0 to 10^12"));
    if (counts.cachedTokens > counts.inputTokens)
        return usageError(kCostUsage, QStringLiteral("--cached-tokens is part of --input-tokens and cannot "
                                                     "exceed it"));

    const auto catalog = loadCatalog(parser, kCostUsage);
    if (!catalog)
        return ExitUsage;
    const catalog::ModelInfo* info = catalog->find(model);
    if (!info)
        return usageError(kCostUsage, QStringLiteral("unknown model %1: the catalog has no price for it "
                                                     "('ark-workbench-cli models' lists the known models)")
                                          .arg(model));
    if (info->prices.tiers.empty()) {
        writeErr(QStringLiteral("error: the catalog has no token price for %1\n").arg(info->id));
        return ExitUsage;
    }
    const pricing::CostBreakdown cost = info->prices.cost(counts);
    if (!cost.valid) {
        writeErr(QStringLiteral("error: %1\n").arg(cost.error));
        return ExitUsage;
    }

    if (parser.isSet(QStringLiteral("json"))) {
        ojson out;
        out["model"] = utf8(info->id);
        out["currency"] = utf8(cost.currency);
        out["amount"] = amount(cost.totalMicros());
        out["tier"] = utf8(cost.tier);
        out["input_cost"] = amount(cost.inputMicros);
        out["cached_cost"] = amount(cost.cachedMicros);
        out["output_cost"] = amount(cost.outputMicros);
        writeOut(QByteArray::fromStdString(out.dump()) + '\n');
        return ExitOk;
    }
    QString line =
        QStringLiteral("%1  %2").arg(pricing::formatMoney(cost.totalMicros(), cost.currency), info->id);
    if (!cost.tier.isEmpty())
        line += QStringLiteral("  tier %1").arg(cost.tier);
    line += QStringLiteral("\n  input %1, cached %2, output %3\n")
                .arg(pricing::formatMoney(cost.inputMicros, cost.currency),
                     pricing::formatMoney(cost.cachedMicros, cost.currency),
                     pricing::formatMoney(cost.outputMicros, cost.currency));
    writeOut(line);
    return ExitOk;
}

QJsonObject costJsonForUsage(const QString& modelId, const api::Usage& usage)
{
    if (!usage.present)
        return {};
    const catalog::ModelInfo* info = catalog::Catalog::bundled()->find(modelId);
    if (!info)
        return {};
    const pricing::CostBreakdown cost = info->prices.cost(
        {usage.promptTokens, std::min(usage.cachedTokens, usage.promptTokens), usage.completionTokens});
    if (!cost.valid)
        return {};
    QJsonObject out;
    out.insert(QLatin1String("currency"), cost.currency);
    out.insert(QLatin1String("amount"), amount(cost.totalMicros()));
    return out;
}

} // namespace ark::cli
