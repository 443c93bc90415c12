// A model's published prices and the arithmetic that turns token counts into money. Prices come from
// the bundled catalog (resources/catalog); nothing here knows about widgets or the network.
//
// Catalog JSON of one model's "pricing" object (documented in resources/catalog/FORMAT.md):
//   { "currency": "CNY",                       // ISO 4217; CNY for Ark, USD for Anthropic
//     "tiers": [ { "condition": "输入长度 [0, 32] 且输出长度 [0, 0.2]",  // as the price table writes it
//                  "input_tokens":  { "min": 0, "min_inclusive": true, "max": 32000, "max_inclusive": true },
//                  "output_tokens": { "min": 0, "min_inclusive": true, "max": 200,   "max_inclusive": true },
//                  "input": 0.8, "cached_input": 0.16, "output": 2.0 } ],  // per 1,000,000 tokens
//     "cache_storage_per_million_hour": 0.017,  // optional
//     "per_image": 0.22 }                       // optional, image generation (per image)
// A range without "max" is unbounded; a tier without "input_tokens"/"output_tokens" matches any length.
// A model with one price has one tier without ranges.
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace ark::pricing {

// An interval of token counts as the price tables write them ("(32, 128]" thousand tokens).
struct TokenRange
{
    qint64 min = 0;
    bool minInclusive = true;
    std::optional<qint64> max; // nullopt = unbounded
    bool maxInclusive = true;

    bool contains(qint64 tokens) const;
    // The smallest count above this range (the next tier's first token), nullopt when unbounded.
    std::optional<qint64> firstAbove() const;
};

struct PriceTier
{
    QString condition;                      // as written in the price table; "" for a single-price model
    std::optional<TokenRange> inputTokens;  // nullopt = any input length
    std::optional<TokenRange> outputTokens; // nullopt = any output length
    // Unit prices per 1,000,000 tokens, in the table's currency, kept as the decimal text's exact
    // value in millionths (0.16 -> 160000) so sums are exact.
    qint64 inputMicros = 0;
    std::optional<qint64> cachedInputMicros; // nullopt = no cache-hit price (cached billed as input)
    qint64 outputMicros = 0;

    bool matches(qint64 inputTokens, qint64 outputTokens) const;
};

// What a request cost. Amounts are in millionths of the currency unit ("micros"), exact.
struct CostBreakdown
{
    bool valid = false; // false: no price known, or no tier matches (error says which)
    QString error;      // person-readable, translated
    QString currency;
    QString tier; // the condition that applied, as written in the table
    int tierIndex = -1;
    qint64 inputMicros = 0;  // uncached input
    qint64 cachedMicros = 0; // cache-hit input
    qint64 outputMicros = 0; // output, reasoning included (Ark bills reasoning as output)
    qint64 totalMicros() const { return inputMicros + cachedMicros + outputMicros; }
    double amount() const { return static_cast<double>(totalMicros()) / 1e6; }
};

// Token counts of one request. `inputTokens` counts as the API's prompt_tokens does: cached included.
struct TokenCounts
{
    qint64 inputTokens = 0;
    qint64 cachedTokens = 0;
    qint64 outputTokens = 0; // completion_tokens: reasoning included
};

class PriceTable
{
public:
    QString currency;
    std::vector<PriceTier> tiers;
    std::optional<qint64> perImageMicros;
    std::optional<qint64> cacheStoragePerMillionHourMicros;

    bool isEmpty() const { return tiers.empty() && !perImageMicros; }

    // Tolerant of unknown fields; a malformed object gives an empty table and sets `error`.
    static PriceTable fromJson(const QJsonObject& pricing, QString* error = nullptr);
    QJsonObject toJson() const;

    // The tier a request of this size is billed at (-1 when none matches).
    int tierFor(qint64 inputTokens, qint64 outputTokens) const;
    // The selected tier's unit prices apply to all tokens of the request (seed 模型服务价格).
    CostBreakdown cost(const TokenCounts& counts) const;
    // Every tier a request with this input could land in, for outputs from 0 to maxOutputTokens
    // (the composer shows "output up to N: between A and B", naming each tier).
    std::vector<int> possibleTiers(qint64 inputTokens, qint64 maxOutputTokens) const;
};

// "0.000123" style text of a micros amount with the currency's symbol ("¥0.000123", "$0.0042").
QString formatMoney(qint64 micros, const QString& currency, int decimals = 6);
// Parses a decimal price text exactly ("0.16" -> 160000 micros); nullopt when it is not a number.
std::optional<qint64> parseMicros(const QString& decimal);

} // namespace ark::pricing
