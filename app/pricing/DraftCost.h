// What sending the composer's draft now would cost, and whether it fits: pure arithmetic over a
// model's limits and prices and the token counts of what the request would carry (system prompt,
// history, tools, draft). The composer's token meter shows it; nothing here counts tokens or knows
// about widgets.
//
// The output of a request is unknown before it is sent, so its cost is a range: from 0 output
// tokens to the max-tokens setting. For tiered models the output can move the request from one tier
// to another (doubao-seed-1.6: output above 200 tokens in the [0, 32k] input range), so the estimate
// lists every tier the request could land in, each with the outputs it applies to.
#pragma once

#include "pricing/PriceTable.h"

#include <QString>
#include <vector>

namespace ark::catalog {
struct ModelInfo;
}

namespace ark::pricing {

// Token counts of the parts of the next request. `exact` is false when any of them is the offline
// estimate (the meter then writes "≈").
struct DraftTokens
{
    qint64 systemTokens = 0;
    qint64 historyTokens = 0;
    qint64 toolTokens = 0;
    qint64 draftTokens = 0;
    bool exact = true;
    qint64 total() const { return systemTokens + historyTokens + toolTokens + draftTokens; }
};

// The model's limits that matter before sending; 0 = unknown (catalog convention).
struct DraftLimits
{
    qint64 contextWindow = 0;
    qint64 maxInputTokens = 0;
    qint64 maxOutputTokens = 0;
    static DraftLimits of(const catalog::ModelInfo& model);
};

// One tier the request could be billed at, for the outputs [outputFrom, outputTo].
struct DraftTier
{
    int tierIndex = -1;
    QString condition;      // as the price table writes it; "" for a single-price model
    qint64 outputFrom = 0;  // the smallest output (within 0..max tokens) billed at this tier
    qint64 outputTo = 0;    // the largest; -1 = unbounded (no max-tokens setting, no known maximum)
    qint64 inputMicros = 0; // the whole input at this tier's input price (no cache hit assumed)
    qint64 outputFromMicros = 0;
    qint64 outputToMicros = 0; // -1 when outputTo is unbounded
    qint64 minTotalMicros() const { return inputMicros + outputFromMicros; }
    qint64 maxTotalMicros() const { return outputToMicros < 0 ? -1 : inputMicros + outputToMicros; }
};

struct DraftCost
{
    // What was computed for.
    qint64 inputTokens = 0;        // the conversation total: system + history + tools + draft
    bool exact = true;             // from DraftTokens::exact
    qint64 maxOutputTokens = 0;    // the output range's upper end (see compute()); -1 = unknown
    bool maxOutputAssumed = false; // no max-tokens setting: the model's maximum output was used

    // Fit.
    qint64 contextWindow = 0;  // 0 = unknown
    qint64 inputLimit = 0;     // the model's max input, else its context window; 0 = unknown
    double contextFill = 0;    // inputTokens / contextWindow (may exceed 1); 0 when the window is unknown
    qint64 overInputLimit = 0; // tokens above inputLimit; 0 when within it (or unknown)
    // Input plus the full output range do not fit the context window: a long answer may be cut.
    bool outputMayNotFit = false;
    bool isOverLimit() const { return overInputLimit > 0; }

    // Price. Every amount is in `currency`'s micros, exact.
    bool priced = false; // false: no price known, or no tier covers this input (error says which)
    QString error;       // person-readable, translated; "" when priced
    QString currency;
    std::vector<DraftTier> tiers; // in the price table's order; more than one only for tiered outputs
    qint64 minMicros = 0;         // the cheapest outcome (output 0 at the cheapest possible tier)
    qint64 maxMicros = 0;         // the dearest (max tokens at the dearest possible tier); -1 = unbounded
    // The cost of the input alone when every possible tier has the same input price, which is the
    // usual case; -1 when the tiers differ in it.
    qint64 inputMicros() const;

    // `maxTokensSetting` is the conversation's max_tokens (or max_completion_tokens); <= 0 = not set,
    // in which case the model's maximum output is the upper end (unknown when the catalog has none).
    static DraftCost compute(const PriceTable& prices, const DraftLimits& limits, const DraftTokens& tokens,
                             qint64 maxTokensSetting);
    static DraftCost compute(const catalog::ModelInfo& model, const DraftTokens& tokens,
                             qint64 maxTokensSetting);
};

// formatMoney() without the trailing zeros of its 6 decimals, keeping at least 2 ("¥0.0256",
// "¥1.20", "$0.00"): the amounts the panes show, still exact.
QString formatMoneyCompact(qint64 micros, const QString& currency);

} // namespace ark::pricing
