// Price tables the pricing, ledger and usage tests share, written as the catalog writes them.
#pragma once

#include "pricing/PriceTable.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QtGlobal>

namespace ark::testsupport {

// A malformed fixture is a broken test, not a case to test: stop at once.
inline pricing::PriceTable pricesFromJson(const char* json)
{
    QString error;
    pricing::PriceTable table =
        pricing::PriceTable::fromJson(QJsonDocument::fromJson(QByteArray(json)).object(), &error);
    if (!error.isEmpty())
        qFatal("bad test prices: %s", qPrintable(error));
    return table;
}

// doubao-seed-1.6's online prices (seed 模型服务价格): tiered by input, and by output in [0, 32].
inline pricing::PriceTable seed16Prices()
{
    return pricesFromJson(R"json({ "currency": "CNY", "tiers": [
      { "condition": "输入长度 [0, 32] 且输出长度 [0, 0.2]",
        "input_tokens": { "min": 0, "max": 32000 }, "output_tokens": { "min": 0, "max": 200 },
        "input": 0.8, "cached_input": 0.16, "output": 2.0 },
      { "condition": "输入长度 [0, 32] 且输出长度 (0.2,+∞)",
        "input_tokens": { "min": 0, "max": 32000 }, "output_tokens": { "min": 200, "min_inclusive": false },
        "input": 0.8, "cached_input": 0.16, "output": 8.0 },
      { "condition": "输入长度 (32, 128]", "input_tokens": { "min": 32000, "min_inclusive": false, "max": 128000 },
        "input": 1.2, "cached_input": 0.16, "output": 16.0 },
      { "condition": "输入长度 (128, 256]", "input_tokens": { "min": 128000, "min_inclusive": false, "max": 256000 },
        "input": 2.4, "cached_input": 0.16, "output": 24.0 } ] })json");
}

// "2025-06-01T10:00:00" (milliseconds optional) read as UTC.
inline QDateTime utc(const char* iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

} // namespace ark::testsupport
