#include "DraftCost.h"

#include "catalog/Catalog.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace ark::pricing {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::pricing::DraftCost", text);
}

qint64 firstIncluded(const TokenRange& range)
{
    return range.minInclusive ? range.min : range.min + 1;
}

} // namespace

QString formatMoneyCompact(qint64 micros, const QString& currency)
{
    QString text = formatMoney(micros, currency, 6);
    const qsizetype point = text.lastIndexOf(QLatin1Char('.'));
    if (point < 0)
        return text;
    qsizetype end = text.size();
    while (end > point + 3 && text.at(end - 1) == QLatin1Char('0'))
        --end;
    text.truncate(end);
    return text;
}

DraftLimits DraftLimits::of(const catalog::ModelInfo& model)
{
    return DraftLimits{model.contextWindow, model.maxInputTokens, model.maxOutputTokens};
}

qint64 DraftCost::inputMicros() const
{
    if (tiers.empty())
        return -1;
    const qint64 first = tiers.front().inputMicros;
    const bool same = std::all_of(tiers.begin(), tiers.end(),
                                  [first](const DraftTier& t) { return t.inputMicros == first; });
    return same ? first : -1;
}

DraftCost DraftCost::compute(const catalog::ModelInfo& model, const DraftTokens& tokens,
                             qint64 maxTokensSetting)
{
    return compute(model.prices, DraftLimits::of(model), tokens, maxTokensSetting);
}

DraftCost DraftCost::compute(const PriceTable& prices, const DraftLimits& limits, const DraftTokens& tokens,
                             qint64 maxTokensSetting)
{
    DraftCost result;
    result.inputTokens = std::max<qint64>(0, tokens.total());
    result.exact = tokens.exact;

    if (maxTokensSetting > 0) {
        result.maxOutputTokens = maxTokensSetting;
    } else {
        // Without a setting the API applies the model's default, which the catalog does not carry;
        // the model's maximum is an upper end that is never too low.
        result.maxOutputTokens = limits.maxOutputTokens > 0 ? limits.maxOutputTokens : -1;
        result.maxOutputAssumed = true;
    }

    result.contextWindow = std::max<qint64>(0, limits.contextWindow);
    // A model without a separate input limit still cannot take more input than its whole window.
    result.inputLimit = limits.maxInputTokens > 0 ? limits.maxInputTokens : result.contextWindow;
    if (result.contextWindow > 0)
        result.contextFill =
            static_cast<double>(result.inputTokens) / static_cast<double>(result.contextWindow);
    if (result.inputLimit > 0 && result.inputTokens > result.inputLimit)
        result.overInputLimit = result.inputTokens - result.inputLimit;
    result.outputMayNotFit = result.contextWindow > 0 && result.maxOutputTokens > 0 &&
                             result.inputTokens + result.maxOutputTokens > result.contextWindow;

    result.currency = prices.currency;
    if (prices.tiers.empty()) {
        result.error = tr("No token price is known for this model.");
        return result;
    }
    const std::vector<int> possible = prices.possibleTiers(result.inputTokens, result.maxOutputTokens);
    if (possible.empty()) {
        result.error = tr("No price tier covers %1 input tokens (over the model's limits?).")
                           .arg(QLocale().toString(result.inputTokens));
        return result;
    }

    for (const int index : possible) {
        const PriceTier& tier = prices.tiers[static_cast<size_t>(index)];
        DraftTier t;
        t.tierIndex = index;
        t.condition = tier.condition;
        // The outputs in 0..maxOutputTokens that this tier's output range admits.
        qint64 low = 0;
        qint64 high = result.maxOutputTokens; // -1 = unbounded
        if (tier.outputTokens) {
            low = std::max(low, firstIncluded(*tier.outputTokens));
            if (tier.outputTokens->max) {
                const qint64 last =
                    tier.outputTokens->maxInclusive ? *tier.outputTokens->max : *tier.outputTokens->max - 1;
                high = high < 0 ? last : std::min(high, last);
            }
        }
        t.outputFrom = low;
        t.outputTo = high;
        // Priced with this tier alone: the table's own arithmetic, and no doubt about which tier
        // tierFor() would pick at the range's ends.
        PriceTable single;
        single.currency = prices.currency;
        single.tiers = {tier};
        const CostBreakdown atLow = single.cost({result.inputTokens, 0, low});
        t.inputMicros = atLow.inputMicros;
        t.outputFromMicros = atLow.outputMicros;
        t.outputToMicros = high < 0 ? -1 : single.cost({result.inputTokens, 0, high}).outputMicros;
        result.tiers.push_back(t);
    }

    result.priced = true;
    result.minMicros = result.tiers.front().minTotalMicros();
    result.maxMicros = result.tiers.front().maxTotalMicros();
    for (const DraftTier& t : result.tiers) {
        result.minMicros = std::min(result.minMicros, t.minTotalMicros());
        if (result.maxMicros >= 0)
            result.maxMicros = t.maxTotalMicros() < 0 ? -1 : std::max(result.maxMicros, t.maxTotalMicros());
    }
    return result;
}

} // namespace ark::pricing
