#include "PriceTable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace ark::pricing {

namespace {

constexpr qint64 kMillion = 1000000;

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::pricing::PriceTable", text);
}

// tokens × (micros per 1,000,000 tokens) / 1,000,000, rounded half up to a whole micro. The
// multiplication is split so that it cannot overflow for any realistic count (and saturates
// instead of wrapping for absurd ones).
qint64 scaledMicros(qint64 tokens, qint64 microsPerMillion)
{
    if (tokens <= 0 || microsPerMillion <= 0)
        return 0;
    const qint64 whole = tokens / kMillion;
    const qint64 rest = tokens % kMillion; // rest × price < 1e6 × 9.2e12: fits
    qint64 wholePart = 0;
    if (__builtin_mul_overflow(whole, microsPerMillion, &wholePart))
        return std::numeric_limits<qint64>::max() / 4;
    if (microsPerMillion > std::numeric_limits<qint64>::max() / kMillion)
        return std::numeric_limits<qint64>::max() / 4;
    const qint64 restPart = (rest * microsPerMillion + kMillion / 2) / kMillion;
    return wholePart + restPart;
}

// A JSON price: a number (its shortest round-trip text is the decimal the catalog author wrote,
// which parseMicros then reads exactly) or a decimal string.
std::optional<qint64> priceFromJson(const QJsonValue& value)
{
    if (value.isDouble())
        return parseMicros(QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest));
    if (value.isString())
        return parseMicros(value.toString());
    return std::nullopt;
}

// Micros as the shortest JSON number that reads back to the same micros.
QJsonValue priceToJson(qint64 micros)
{
    return QJsonValue(static_cast<double>(micros) / 1e6);
}

std::optional<qint64> countFromJson(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (d < 0 || d > 1e15 || d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return static_cast<qint64>(d);
}

std::optional<TokenRange> rangeFromJson(const QJsonValue& value, QString* error, const QString& where)
{
    if (!value.isObject()) {
        *error = tr("%1 is not an object.").arg(where);
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    TokenRange range;
    if (o.contains(QLatin1String("min"))) {
        const auto min = countFromJson(o.value(QLatin1String("min")));
        if (!min) {
            *error = tr("%1 has an invalid \"min\".").arg(where);
            return std::nullopt;
        }
        range.min = *min;
    }
    range.minInclusive = o.value(QLatin1String("min_inclusive")).toBool(true);
    const QJsonValue max = o.value(QLatin1String("max"));
    if (!max.isUndefined() && !max.isNull()) {
        const auto parsed = countFromJson(max);
        if (!parsed || *parsed < range.min) {
            *error = tr("%1 has an invalid \"max\".").arg(where);
            return std::nullopt;
        }
        range.max = parsed;
    }
    range.maxInclusive = o.value(QLatin1String("max_inclusive")).toBool(true);
    return range;
}

QJsonObject rangeToJson(const TokenRange& range)
{
    QJsonObject o;
    o.insert(QLatin1String("min"), static_cast<double>(range.min));
    o.insert(QLatin1String("min_inclusive"), range.minInclusive);
    if (range.max) {
        o.insert(QLatin1String("max"), static_cast<double>(*range.max));
        o.insert(QLatin1String("max_inclusive"), range.maxInclusive);
    }
    return o;
}

bool rangeIntersects(const TokenRange& range, qint64 low, qint64 high)
{
    const qint64 first = range.minInclusive ? range.min : range.min + 1;
    if (first > high)
        return false;
    if (!range.max)
        return true;
    const qint64 last = range.maxInclusive ? *range.max : *range.max - 1;
    return last >= low && last >= first;
}

QString failWith(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return message;
}

} // namespace

bool TokenRange::contains(qint64 tokens) const
{
    if (minInclusive ? tokens < min : tokens <= min)
        return false;
    if (max && (maxInclusive ? tokens > *max : tokens >= *max))
        return false;
    return true;
}

std::optional<qint64> TokenRange::firstAbove() const
{
    if (!max)
        return std::nullopt;
    return maxInclusive ? *max + 1 : *max;
}

bool PriceTier::matches(qint64 input, qint64 output) const
{
    return (!inputTokens || inputTokens->contains(input)) &&
           (!outputTokens || outputTokens->contains(output));
}

PriceTable PriceTable::fromJson(const QJsonObject& pricing, QString* error)
{
    if (error)
        error->clear();
    PriceTable table;
    table.currency = pricing.value(QLatin1String("currency")).toString().trimmed().toUpper();

    const QJsonValue tiers = pricing.value(QLatin1String("tiers"));
    if (!tiers.isUndefined() && !tiers.isNull() && !tiers.isArray()) {
        failWith(error, tr("\"tiers\" is not a list."));
        return {};
    }
    const QJsonArray tierArray = tiers.toArray();
    for (qsizetype i = 0; i < tierArray.size(); ++i) {
        const QString where = tr("Price tier %1").arg(i + 1);
        if (!tierArray.at(i).isObject()) {
            failWith(error, tr("%1 is not an object.").arg(where));
            return {};
        }
        const QJsonObject t = tierArray.at(i).toObject();
        PriceTier tier;
        tier.condition = t.value(QLatin1String("condition")).toString();
        QString problem;
        for (const auto& [key, target] : {std::pair{QLatin1String("input_tokens"), &tier.inputTokens},
                                          std::pair{QLatin1String("output_tokens"), &tier.outputTokens}}) {
            const QJsonValue value = t.value(key);
            if (value.isUndefined() || value.isNull())
                continue;
            *target = rangeFromJson(value, &problem, where + QLatin1Char(' ') + key);
            if (!*target) {
                failWith(error, problem);
                return {};
            }
        }
        // A tier names at least one of its prices; the other is free (embeddings bill no output,
        // video generation no input).
        const QJsonValue input = t.value(QLatin1String("input"));
        const QJsonValue output = t.value(QLatin1String("output"));
        if (input.isUndefined() && output.isUndefined()) {
            failWith(error, tr("%1 has neither an input nor an output price.").arg(where));
            return {};
        }
        for (const auto& [value, target] :
             {std::pair{input, &tier.inputMicros}, std::pair{output, &tier.outputMicros}}) {
            if (value.isUndefined() || value.isNull())
                continue;
            const auto micros = priceFromJson(value);
            if (!micros || *micros < 0) {
                failWith(error, tr("%1 has a price that is not a decimal number.").arg(where));
                return {};
            }
            *target = *micros;
        }
        const QJsonValue cached = t.value(QLatin1String("cached_input"));
        if (!cached.isUndefined() && !cached.isNull()) {
            const auto micros = priceFromJson(cached);
            if (!micros || *micros < 0) {
                failWith(error, tr("%1 has a cache-hit price that is not a decimal number.").arg(where));
                return {};
            }
            tier.cachedInputMicros = micros;
        }
        table.tiers.push_back(std::move(tier));
    }

    for (const auto& [key, target] : {std::pair{QLatin1String("per_image"), &table.perImageMicros},
                                      std::pair{QLatin1String("cache_storage_per_million_hour"),
                                                &table.cacheStoragePerMillionHourMicros}}) {
        const QJsonValue value = pricing.value(key);
        if (value.isUndefined() || value.isNull())
            continue;
        const auto micros = priceFromJson(value);
        if (!micros || *micros < 0) {
            failWith(error, tr("\"%1\" is not a decimal number.").arg(key));
            return {};
        }
        *target = micros;
    }

    if (!table.isEmpty() && table.currency.isEmpty()) {
        failWith(error, tr("The prices have no currency."));
        return {};
    }
    return table;
}

QJsonObject PriceTable::toJson() const
{
    QJsonObject o;
    if (!currency.isEmpty())
        o.insert(QLatin1String("currency"), currency);
    QJsonArray tierArray;
    for (const PriceTier& tier : tiers) {
        QJsonObject t;
        if (!tier.condition.isEmpty())
            t.insert(QLatin1String("condition"), tier.condition);
        if (tier.inputTokens)
            t.insert(QLatin1String("input_tokens"), rangeToJson(*tier.inputTokens));
        if (tier.outputTokens)
            t.insert(QLatin1String("output_tokens"), rangeToJson(*tier.outputTokens));
        t.insert(QLatin1String("input"), priceToJson(tier.inputMicros));
        t.insert(QLatin1String("cached_input"), tier.cachedInputMicros ? priceToJson(*tier.cachedInputMicros)
                                                                       : QJsonValue(QJsonValue::Null));
        t.insert(QLatin1String("output"), priceToJson(tier.outputMicros));
        tierArray.append(t);
    }
    o.insert(QLatin1String("tiers"), tierArray);
    if (cacheStoragePerMillionHourMicros)
        o.insert(QLatin1String("cache_storage_per_million_hour"),
                 priceToJson(*cacheStoragePerMillionHourMicros));
    if (perImageMicros)
        o.insert(QLatin1String("per_image"), priceToJson(*perImageMicros));
    return o;
}

int PriceTable::tierFor(qint64 inputTokens, qint64 outputTokens) const
{
    for (size_t i = 0; i < tiers.size(); ++i) {
        if (tiers[i].matches(inputTokens, outputTokens))
            return static_cast<int>(i);
    }
    return -1;
}

CostBreakdown PriceTable::cost(const TokenCounts& counts) const
{
    CostBreakdown result;
    result.currency = currency;
    if (tiers.empty()) {
        result.error = tr("No token price is known for this model.");
        return result;
    }
    if (counts.inputTokens < 0 || counts.outputTokens < 0 || counts.cachedTokens < 0 ||
        counts.cachedTokens > counts.inputTokens) {
        result.error = tr("Invalid token counts: cached tokens are part of the input and cannot exceed it.");
        return result;
    }
    // The tier is chosen by the request's whole input (cache hits included) and whole output
    // (reasoning included); its unit prices then apply to every token of the request.
    const int index = tierFor(counts.inputTokens, counts.outputTokens);
    if (index < 0) {
        result.error = tr("No price tier covers %1 input and %2 output tokens (over the model's limits?).")
                           .arg(counts.inputTokens)
                           .arg(counts.outputTokens);
        return result;
    }
    const PriceTier& tier = tiers[static_cast<size_t>(index)];
    result.valid = true;
    result.tierIndex = index;
    result.tier = tier.condition;
    result.inputMicros = scaledMicros(counts.inputTokens - counts.cachedTokens, tier.inputMicros);
    result.cachedMicros =
        scaledMicros(counts.cachedTokens, tier.cachedInputMicros.value_or(tier.inputMicros));
    result.outputMicros = scaledMicros(counts.outputTokens, tier.outputMicros);
    return result;
}

std::vector<int> PriceTable::possibleTiers(qint64 inputTokens, qint64 maxOutputTokens) const
{
    std::vector<int> result;
    const qint64 high = maxOutputTokens < 0 ? std::numeric_limits<qint64>::max() : maxOutputTokens;
    for (size_t i = 0; i < tiers.size(); ++i) {
        const PriceTier& tier = tiers[i];
        if (tier.inputTokens && !tier.inputTokens->contains(inputTokens))
            continue;
        if (tier.outputTokens && !rangeIntersects(*tier.outputTokens, 0, high))
            continue;
        result.push_back(static_cast<int>(i));
    }
    return result;
}

QString formatMoney(qint64 micros, const QString& currency, int decimals)
{
    decimals = std::clamp(decimals, 0, 6);
    const bool negative = micros < 0;
    quint64 magnitude = negative ? quint64(0) - static_cast<quint64>(micros) : static_cast<quint64>(micros);
    // Round half up to the asked number of decimals.
    quint64 step = 1;
    for (int i = decimals; i < 6; ++i)
        step *= 10;
    magnitude = (magnitude + step / 2) / step * step;
    const quint64 whole = magnitude / 1000000;
    QString text = QString::number(whole);
    if (decimals > 0) {
        const QString fraction = QStringLiteral("%1").arg(magnitude % 1000000, 6, 10, QLatin1Char('0'));
        text += QLatin1Char('.') + fraction.left(decimals);
    }
    const QString code = currency.trimmed().toUpper();
    QString symbol;
    if (code == QLatin1String("CNY") || code == QLatin1String("RMB"))
        symbol = QStringLiteral("¥");
    else if (code == QLatin1String("USD"))
        symbol = QStringLiteral("$");
    else if (!code.isEmpty())
        symbol = code + QLatin1Char(' ');
    return (negative && magnitude != 0 ? QStringLiteral("-") : QString()) + symbol + text;
}

std::optional<qint64> parseMicros(const QString& decimal)
{
    // Plain decimal digits, an optional sign and fraction, an optional exponent ("1.5e-3" is what
    // a double's shortest text looks like for small prices). Digits beyond the sixth decimal must be
    // zero: a price that cannot be held exactly is refused rather than silently rounded.
    const QString text = decimal.trimmed();
    qsizetype i = 0;
    const qsizetype n = text.size();
    bool negative = false;
    if (i < n && (text[i] == QLatin1Char('+') || text[i] == QLatin1Char('-')))
        negative = text[i++] == QLatin1Char('-');
    QString digits; // all significant digits, the decimal point removed
    qsizetype pointPos = -1;
    bool sawDigit = false;
    for (; i < n; ++i) {
        const QChar c = text[i];
        if (c.isDigit() && c.unicode() < 128) {
            digits += c;
            sawDigit = true;
        } else if (c == QLatin1Char('.') && pointPos < 0) {
            pointPos = digits.size();
        } else {
            break;
        }
    }
    if (!sawDigit)
        return std::nullopt;
    int exponent = 0;
    if (i < n && (text[i] == QLatin1Char('e') || text[i] == QLatin1Char('E'))) {
        bool ok = false;
        exponent = text.mid(i + 1).toInt(&ok);
        if (!ok || exponent < -40 || exponent > 40)
            return std::nullopt;
        i = n;
    }
    if (i != n)
        return std::nullopt;
    if (pointPos < 0)
        pointPos = digits.size();
    // value = digits × 10^(exponent − (digits after the point)); in micros: shift by 6 more.
    const qsizetype shift = 6 + exponent - (digits.size() - pointPos);
    qint64 value = 0;
    const qsizetype keep = shift >= 0 ? digits.size() : digits.size() + shift;
    for (qsizetype k = 0; k < digits.size(); ++k) {
        const int d = digits[k].unicode() - '0';
        if (k >= keep) {
            if (d != 0)
                return std::nullopt; // finer than a micro
            continue;
        }
        if (__builtin_mul_overflow(value, qint64(10), &value) ||
            __builtin_add_overflow(value, qint64(d), &value))
            return std::nullopt;
    }
    for (qsizetype k = 0; k < shift; ++k) {
        if (__builtin_mul_overflow(value, qint64(10), &value))
            return std::nullopt;
    }
    return negative ? -value : value;
}

} // namespace ark::pricing
