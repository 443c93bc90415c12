// Price tables: exact decimal prices, tier selection at every boundary, the cost of a request
// (the chosen tier's prices for all its tokens, cache hits at their own price, reasoning as
// output), and the golden amounts of the seed's own example (模型服务价格).
#include "catalog/Catalog.h"
#include "pricing/PriceTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ark::pricing;

namespace {

// The seed's online table (模型服务价格, lines 96-116), written the way the catalog writes it.
const char* const kSeed16 = R"json({
  "currency": "CNY",
  "tiers": [
    { "condition": "输入长度 [0, 32] 且输出长度 [0, 0.2]",
      "input_tokens":  { "min": 0, "min_inclusive": true, "max": 32000, "max_inclusive": true },
      "output_tokens": { "min": 0, "min_inclusive": true, "max": 200, "max_inclusive": true },
      "input": 0.8, "cached_input": 0.16, "output": 2.0 },
    { "condition": "输入长度 [0, 32] 且输出长度 (0.2,+∞)",
      "input_tokens":  { "min": 0, "min_inclusive": true, "max": 32000, "max_inclusive": true },
      "output_tokens": { "min": 200, "min_inclusive": false },
      "input": 0.8, "cached_input": 0.16, "output": 8.0 },
    { "condition": "输入长度 (32, 128]",
      "input_tokens": { "min": 32000, "min_inclusive": false, "max": 128000, "max_inclusive": true },
      "input": 1.2, "cached_input": 0.16, "output": 16.0 },
    { "condition": "输入长度 (128, 256]",
      "input_tokens": { "min": 128000, "min_inclusive": false, "max": 256000, "max_inclusive": true },
      "input": 2.4, "cached_input": 0.16, "output": 24.0 }
  ],
  "cache_storage_per_million_hour": 0.017,
  "price_key": "doubao-seed-1.6", "source": "unknown fields are tolerated"
})json";

const char* const kThinking = R"json({
  "currency": "CNY",
  "tiers": [
    { "condition": "输入长度 [0, 32]",
      "input_tokens": { "min": 0, "max": 32000 }, "input": 0.8, "cached_input": 0.16, "output": 8.0 },
    { "condition": "输入长度 (32, 128]",
      "input_tokens": { "min": 32000, "min_inclusive": false, "max": 128000 },
      "input": 1.2, "cached_input": 0.16, "output": 16.0 },
    { "condition": "输入长度 (128, 256]",
      "input_tokens": { "min": 128000, "min_inclusive": false, "max": 256000 },
      "input": 2.4, "cached_input": 0.16, "output": 24.0 }
  ]
})json";

const char* const kFlash = R"json({
  "currency": "CNY",
  "tiers": [
    { "condition": "输入长度 [0, 32]", "input_tokens": { "min": 0, "max": 32000 },
      "input": 0.15, "cached_input": 0.03, "output": 1.5 },
    { "condition": "输入长度 (32, 128]", "input_tokens": { "min": 32000, "min_inclusive": false, "max": 128000 },
      "input": 0.3, "cached_input": 0.03, "output": 3.0 },
    { "condition": "输入长度 (128, 256]", "input_tokens": { "min": 128000, "min_inclusive": false, "max": 256000 },
      "input": 0.6, "cached_input": 0.03, "output": 6.0 }
  ]
})json";

// One price, with a cache-hit price (deepseek-r1, seed line 120) and without (doubao-1.5-thinking-pro,
// "不支持", line 117): cache hits are then billed as input.
const char* const kDeepseekR1 =
    R"json({ "currency": "CNY", "tiers": [ { "condition": "", "input": 4.0, "cached_input": 0.8, "output": 16.0 } ] })json";
const char* const kNoCache =
    R"json({ "currency": "CNY", "tiers": [ { "condition": "", "input": 4.0, "cached_input": null, "output": 16.0 } ] })json";
// A test fixture in dollars (the seeds publish no USD prices): prices with 3 decimals.
const char* const kUsd =
    R"json({ "currency": "USD", "tiers": [ { "input": 3.0, "cached_input": 0.3, "output": 15.0 } ] })json";

PriceTable table(const char* json)
{
    QString error;
    const PriceTable t = PriceTable::fromJson(QJsonDocument::fromJson(QByteArray(json)).object(), &error);
    if (!error.isEmpty())
        qWarning() << error;
    return t;
}

} // namespace

class TstPricetable : public QObject
{
    Q_OBJECT
private slots:
    void parseMicros_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("micros"); // -999 = not a number (nullopt)
        QTest::newRow("0.16") << "0.16" << qint64(160000);
        QTest::newRow("2") << "2" << qint64(2000000);
        QTest::newRow("2.00") << "2.00" << qint64(2000000);
        QTest::newRow("0.017") << "0.017" << qint64(17000);
        QTest::newRow("0.075") << "0.075" << qint64(75000);
        QTest::newRow("spaces") << " 0.80 " << qint64(800000);
        QTest::newRow("plus") << "+3" << qint64(3000000);
        QTest::newRow("negative") << "-0.5" << qint64(-500000);
        QTest::newRow("exponent") << "1e-3" << qint64(1000);
        QTest::newRow("Exponent") << "1.5E2" << qint64(150000000);
        QTest::newRow("exponent+") << "1e+06" << qint64(1000000000000);
        QTest::newRow("six decimals") << "0.123456" << qint64(123456);
        QTest::newRow("trailing zero past micro") << "0.1234560" << qint64(123456);
        QTest::newRow("leading point") << ".5" << qint64(500000);
        QTest::newRow("finer than a micro") << "0.1234567" << qint64(-999);
        QTest::newRow("tiny exponent") << "1e-7" << qint64(-999);
        QTest::newRow("zero tiny exponent") << "0e-9" << qint64(0);
        QTest::newRow("empty") << "" << qint64(-999);
        QTest::newRow("point") << "." << qint64(-999);
        QTest::newRow("word") << "abc" << qint64(-999);
        QTest::newRow("two points") << "1.2.3" << qint64(-999);
        QTest::newRow("suffix") << "12abc" << qint64(-999);
        QTest::newRow("bare e") << "1e" << qint64(-999);
        QTest::newRow("overflow") << "99999999999999999999" << qint64(-999);
    }
    void parseMicros()
    {
        QFETCH(QString, text);
        QFETCH(qint64, micros);
        const auto parsed = ark::pricing::parseMicros(text);
        if (micros == -999) {
            QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
        } else {
            QVERIFY(parsed);
            QCOMPARE(*parsed, micros);
        }
    }

    void jsonNumbersAreReadExactly()
    {
        // Doubles whose binary value is not the decimal (0.3, 0.15, 1.1, 0.017...) must still give
        // the decimal's exact micros.
        const char* json =
            R"json({ "currency": "cny", "tiers": [ { "input": 0.3, "cached_input": 0.15, "output": 1.1 },
                                { "input": 0.017, "output": 0.000001 }, { "input": "2.40", "output": 24 } ],
                                "per_image": 0.259, "cache_storage_per_million_hour": 0.017 })json";
        const PriceTable t = table(json);
        QCOMPARE(t.currency, QStringLiteral("CNY"));
        QCOMPARE(t.tiers.size(), size_t(3));
        QCOMPARE(t.tiers[0].inputMicros, qint64(300000));
        QCOMPARE(*t.tiers[0].cachedInputMicros, qint64(150000));
        QCOMPARE(t.tiers[0].outputMicros, qint64(1100000));
        QCOMPARE(t.tiers[1].inputMicros, qint64(17000));
        QCOMPARE(t.tiers[1].outputMicros, qint64(1));
        QVERIFY(!t.tiers[1].cachedInputMicros);
        QCOMPARE(t.tiers[2].inputMicros, qint64(2400000));
        QCOMPARE(t.tiers[2].outputMicros, qint64(24000000));
        QCOMPARE(*t.perImageMicros, qint64(259000));
        QCOMPARE(*t.cacheStoragePerMillionHourMicros, qint64(17000));
    }

    void seedTableParses()
    {
        const PriceTable t = table(kSeed16);
        QCOMPARE(t.currency, QStringLiteral("CNY"));
        QCOMPARE(t.tiers.size(), size_t(4));
        QCOMPARE(t.tiers[1].condition, QStringLiteral("输入长度 [0, 32] 且输出长度 (0.2,+∞)"));
        QVERIFY(t.tiers[1].outputTokens);
        QVERIFY(!t.tiers[1].outputTokens->max);
        QVERIFY(!t.tiers[2].outputTokens);
        QCOMPARE(*t.cacheStoragePerMillionHourMicros, qint64(17000));
        QVERIFY(!t.perImageMicros);
        QVERIFY(!t.isEmpty());
    }

    void malformedTablesAreEmptyWithAnError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("tiers not a list") << QByteArray(R"json({"currency":"CNY","tiers":{}})json");
        QTest::newRow("tier not an object") << QByteArray(R"json({"currency":"CNY","tiers":[1]})json");
        QTest::newRow("price text") << QByteArray(
            R"json({"currency":"CNY","tiers":[{"input":"cheap","output":1}]})json");
        QTest::newRow("negative price")
            << QByteArray(R"json({"currency":"CNY","tiers":[{"input":-1,"output":1}]})json");
        QTest::newRow("no prices") << QByteArray(R"json({"currency":"CNY","tiers":[{"condition":"x"}]})json");
        QTest::newRow("range max below min") << QByteArray(
            R"json({"currency":"CNY","tiers":[{"input":1,"output":1,"input_tokens":{"min":5,"max":2}}]})json");
        QTest::newRow("range fraction") << QByteArray(
            R"json({"currency":"CNY","tiers":[{"input":1,"output":1,"input_tokens":{"min":0.5}}]})json");
        QTest::newRow("no currency") << QByteArray(R"json({"tiers":[{"input":1,"output":1}]})json");
        QTest::newRow("per_image text") << QByteArray(R"json({"currency":"CNY","per_image":"x"})json");
        QTest::newRow("finer than a micro")
            << QByteArray(R"json({"currency":"CNY","tiers":[{"input":1e-9,"output":1}]})json");
    }
    void malformedTablesAreEmptyWithAnError()
    {
        QFETCH(QByteArray, json);
        QString error;
        const PriceTable t = PriceTable::fromJson(QJsonDocument::fromJson(json).object(), &error);
        QVERIFY(t.isEmpty());
        QVERIFY(t.tiers.empty());
        QVERIFY(!error.isEmpty());
    }

    void emptyObjectIsAnEmptyTableWithoutError()
    {
        QString error = QStringLiteral("stale");
        const PriceTable t = PriceTable::fromJson(QJsonObject(), &error);
        QVERIFY(t.isEmpty());
        QVERIFY(error.isEmpty());
        const CostBreakdown cost = t.cost({1000, 0, 10});
        QVERIFY(!cost.valid);
        QVERIFY(!cost.error.isEmpty());
    }

    void toJsonRoundTrips()
    {
        for (const char* json : {kSeed16, kThinking, kFlash, kDeepseekR1, kNoCache, kUsd}) {
            const PriceTable a = table(json);
            QString error;
            const PriceTable b = PriceTable::fromJson(a.toJson(), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(b.currency, a.currency);
            QCOMPARE(b.tiers.size(), a.tiers.size());
            QCOMPARE(b.cacheStoragePerMillionHourMicros, a.cacheStoragePerMillionHourMicros);
            for (size_t i = 0; i < a.tiers.size(); ++i) {
                QCOMPARE(b.tiers[i].condition, a.tiers[i].condition);
                QCOMPARE(b.tiers[i].inputMicros, a.tiers[i].inputMicros);
                QCOMPARE(b.tiers[i].cachedInputMicros, a.tiers[i].cachedInputMicros);
                QCOMPARE(b.tiers[i].outputMicros, a.tiers[i].outputMicros);
                QCOMPARE(b.tiers[i].inputTokens.has_value(), a.tiers[i].inputTokens.has_value());
                QCOMPARE(b.tiers[i].outputTokens.has_value(), a.tiers[i].outputTokens.has_value());
                if (a.tiers[i].inputTokens) {
                    QCOMPARE(b.tiers[i].inputTokens->min, a.tiers[i].inputTokens->min);
                    QCOMPARE(b.tiers[i].inputTokens->minInclusive, a.tiers[i].inputTokens->minInclusive);
                    QCOMPARE(b.tiers[i].inputTokens->max, a.tiers[i].inputTokens->max);
                    QCOMPARE(b.tiers[i].inputTokens->maxInclusive, a.tiers[i].inputTokens->maxInclusive);
                }
                if (a.tiers[i].outputTokens) {
                    QCOMPARE(b.tiers[i].outputTokens->min, a.tiers[i].outputTokens->min);
                    QCOMPARE(b.tiers[i].outputTokens->minInclusive, a.tiers[i].outputTokens->minInclusive);
                    QCOMPARE(b.tiers[i].outputTokens->max, a.tiers[i].outputTokens->max);
                }
            }
        }
    }

    void ranges()
    {
        const PriceTable t = table(kSeed16);
        const TokenRange& band32to128 = *t.tiers[2].inputTokens; // (32, 128] thousand
        QVERIFY(!band32to128.contains(32000));
        QVERIFY(band32to128.contains(32001));
        QVERIFY(band32to128.contains(128000));
        QVERIFY(!band32to128.contains(128001));
        QCOMPARE(band32to128.firstAbove(), std::optional<qint64>(128001));
        const TokenRange& band0to32 = *t.tiers[0].inputTokens; // [0, 32]
        QVERIFY(band0to32.contains(0));
        QVERIFY(band0to32.contains(32000));
        QCOMPARE(band0to32.firstAbove(), std::optional<qint64>(32001));
        const TokenRange& longOutput = *t.tiers[1].outputTokens; // (0.2, +∞)
        QVERIFY(!longOutput.contains(200));
        QVERIFY(longOutput.contains(201));
        QVERIFY(longOutput.contains(std::numeric_limits<qint64>::max()));
        QVERIFY(!longOutput.firstAbove());
        TokenRange halfOpen;
        halfOpen.min = 10;
        halfOpen.max = 20;
        halfOpen.maxInclusive = false;
        QVERIFY(halfOpen.contains(10));
        QVERIFY(!halfOpen.contains(20));
        QCOMPARE(halfOpen.firstAbove(), std::optional<qint64>(20));
    }

    // The golden amounts. Expected micros are worked out by hand: tokens × price per million,
    // each part rounded half up to a micro.
    void goldenCosts_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("cached");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<int>("tier");
        QTest::addColumn<qint64>("inputMicros");
        QTest::addColumn<qint64>("cachedMicros");
        QTest::addColumn<qint64>("outputMicros");
        const QByteArray s16(kSeed16);
        // Input boundary 32k: 32,000 is still [0, 32].
        QTest::newRow("1.6 in 32000 out 200")
            << s16 << 32000LL << 0LL << 200LL << 0 << 25600LL << 0LL << 400LL;
        QTest::newRow("1.6 in 32000 out 201")
            << s16 << 32000LL << 0LL << 201LL << 1 << 25600LL << 0LL << 1608LL;
        QTest::newRow("1.6 in 32001 out 200")
            << s16 << 32001LL << 0LL << 200LL << 2 << 38401LL << 0LL << 3200LL;
        QTest::newRow("1.6 in 32001 out 201")
            << s16 << 32001LL << 0LL << 201LL << 2 << 38401LL << 0LL << 3216LL;
        // Output boundary 0.2k within [0, 32]: reasoning is part of the output that decides it.
        QTest::newRow("1.6 in 1000 out 200") << s16 << 1000LL << 0LL << 200LL << 0 << 800LL << 0LL << 400LL;
        QTest::newRow("1.6 in 1000 out 201") << s16 << 1000LL << 0LL << 201LL << 1 << 800LL << 0LL << 1608LL;
        QTest::newRow("1.6 in 0 out 0") << s16 << 0LL << 0LL << 0LL << 0 << 0LL << 0LL << 0LL;
        // Input boundary 128k.
        QTest::newRow("1.6 in 128000") << s16 << 128000LL << 0LL << 1000LL << 2 << 153600LL << 0LL << 16000LL;
        QTest::newRow("1.6 in 128001") << s16 << 128001LL << 0LL << 1000LL << 3 << 307202LL << 0LL << 24000LL;
        QTest::newRow("1.6 in 256000") << s16 << 256000LL << 0LL << 1LL << 3 << 614400LL << 0LL << 24LL;
        // The seed's example (line 82): 200k in, 14k out -> (128, 256], all tokens at 2.4 / 24:
        // 0.48 + 0.336 = 0.816 yuan.
        QTest::newRow("seed example 200k/14k")
            << s16 << 200000LL << 0LL << 14000LL << 3 << 480000LL << 0LL << 336000LL;
        // Cache hits: part of the input length that picks the tier, billed at the hit price.
        QTest::newRow("1.6 cache hits (32,128]")
            << s16 << 100000LL << 60000LL << 500LL << 2 << 48000LL << 9600LL << 8000LL;
        QTest::newRow("1.6 all cached at 32000")
            << s16 << 32000LL << 32000LL << 0LL << 0 << 0LL << 5120LL << 0LL;
        QTest::newRow("1.6 cached 32001") << s16 << 32001LL << 32001LL << 10LL << 2 << 0LL << 5120LL << 160LL;
        QTest::newRow("1.6 cache 200k")
            << s16 << 200000LL << 150000LL << 14000LL << 3 << 120000LL << 24000LL << 336000LL;
        // Rounding: 13 × 0.8 = 10.4 micros -> 10; 7 × 2 = 14.
        QTest::newRow("rounding down") << s16 << 13LL << 0LL << 7LL << 0 << 10LL << 0LL << 14LL;
        // 1 × 0.16 = 0.16 -> 0; 3 × 0.8 = 2.4 -> 2; 201 × 8 = 1608.
        QTest::newRow("rounding tiny") << s16 << 4LL << 1LL << 201LL << 1 << 2LL << 0LL << 1608LL;
        const QByteArray thinking(kThinking);
        QTest::newRow("thinking in 32000")
            << thinking << 32000LL << 0LL << 5LL << 0 << 25600LL << 0LL << 40LL;
        QTest::newRow("thinking in 32001")
            << thinking << 32001LL << 0LL << 5LL << 1 << 38401LL << 0LL << 80LL;
        QTest::newRow("thinking in 128001")
            << thinking << 128001LL << 1LL << 5LL << 2 << 307200LL << 0LL << 120LL;
        const QByteArray flash(kFlash);
        // 10 × 0.15 = 1.5 micros -> 2 (half up); 3 × 1.5 = 4.5 -> 5.
        QTest::newRow("flash half up") << flash << 10LL << 0LL << 3LL << 0 << 2LL << 0LL << 5LL;
        QTest::newRow("flash in 32001") << flash << 32001LL << 0LL << 1000LL << 1 << 9600LL << 0LL << 3000LL;
        QTest::newRow("flash in 128001 cached")
            << flash << 128001LL << 100000LL << 1000LL << 2 << 16801LL << 3000LL << 6000LL;
        QTest::newRow("deepseek-r1 cached")
            << QByteArray(kDeepseekR1) << 1000LL << 400LL << 1000LL << 0 << 2400LL << 320LL << 16000LL;
        QTest::newRow("no cache price: as input")
            << QByteArray(kNoCache) << 1000LL << 400LL << 0LL << 0 << 2400LL << 1600LL << 0LL;
        QTest::newRow("single price 1M in") << QByteArray(kDeepseekR1) << 1000000LL << 0LL << 1000000LL << 0
                                            << 4000000LL << 0LL << 16000000LL;
        QTest::newRow("USD") << QByteArray(kUsd) << 1000000LL << 200000LL << 1000LL << 0 << 2400000LL
                             << 60000LL << 15000LL;
    }
    void goldenCosts()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, input);
        QFETCH(qint64, cached);
        QFETCH(qint64, output);
        QFETCH(int, tier);
        QFETCH(qint64, inputMicros);
        QFETCH(qint64, cachedMicros);
        QFETCH(qint64, outputMicros);
        const PriceTable t = table(json.constData());
        QCOMPARE(t.tierFor(input, output), tier);
        const CostBreakdown cost = t.cost({input, cached, output});
        QVERIFY2(cost.valid, qPrintable(cost.error));
        QCOMPARE(cost.tierIndex, tier);
        QCOMPARE(cost.tier, t.tiers[size_t(tier)].condition);
        QCOMPARE(cost.currency, t.currency);
        QCOMPARE(cost.inputMicros, inputMicros);
        QCOMPARE(cost.cachedMicros, cachedMicros);
        QCOMPARE(cost.outputMicros, outputMicros);
        QCOMPARE(cost.totalMicros(), inputMicros + cachedMicros + outputMicros);
    }

    void seedExampleIs0816Yuan()
    {
        const CostBreakdown cost = table(kSeed16).cost({200000, 0, 14000});
        QCOMPARE(cost.totalMicros(), qint64(816000));
        QCOMPARE(cost.tier, QStringLiteral("输入长度 (128, 256]"));
        QCOMPARE(ark::pricing::formatMoney(cost.totalMicros(), cost.currency), QStringLiteral("¥0.816000"));
        QCOMPARE(cost.amount(), 0.816);
    }

    void impossibleRequestsAreInvalid_data()
    {
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("cached");
        QTest::addColumn<qint64>("output");
        QTest::newRow("over 256k") << 256001LL << 0LL << 10LL;
        QTest::newRow("cached over input") << 100LL << 101LL << 10LL;
        QTest::newRow("negative input") << -1LL << 0LL << 10LL;
        QTest::newRow("negative output") << 10LL << 0LL << -1LL;
    }
    void impossibleRequestsAreInvalid()
    {
        QFETCH(qint64, input);
        QFETCH(qint64, cached);
        QFETCH(qint64, output);
        const CostBreakdown cost = table(kSeed16).cost({input, cached, output});
        QVERIFY(!cost.valid);
        QVERIFY(!cost.error.isEmpty());
        QCOMPARE(cost.totalMicros(), qint64(0));
    }

    void possibleTiers()
    {
        const PriceTable t = table(kSeed16);
        // Before sending, the output length is unknown: both [0, 32] output bands are possible.
        QCOMPARE(t.possibleTiers(32000, 4000), (std::vector<int>{0, 1}));
        QCOMPARE(t.possibleTiers(32000, 201), (std::vector<int>{0, 1}));
        QCOMPARE(t.possibleTiers(32000, 200), (std::vector<int>{0}));
        QCOMPARE(t.possibleTiers(0, 0), (std::vector<int>{0}));
        QCOMPARE(t.possibleTiers(32001, 4000), (std::vector<int>{2}));
        QCOMPARE(t.possibleTiers(200000, 32000), (std::vector<int>{3}));
        QCOMPARE(t.possibleTiers(300000, 10), (std::vector<int>{}));
        QCOMPARE(t.possibleTiers(1000, -1), (std::vector<int>{0, 1})); // unknown maximum
        QCOMPARE(table(kDeepseekR1).possibleTiers(123456, 99), (std::vector<int>{0}));
    }

    void formatMoney_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::newRow("cny") << 816000LL << "CNY" << 6 << QStringLiteral("¥0.816000");
        QTest::newRow("usd 4") << 4200LL << "USD" << 4 << QStringLiteral("$0.0042");
        QTest::newRow("half up") << 50LL << "CNY" << 4 << QStringLiteral("¥0.0001");
        QTest::newRow("below half") << 49LL << "CNY" << 4 << QStringLiteral("¥0.0000");
        QTest::newRow("whole") << 12345678LL << "usd" << 2 << QStringLiteral("$12.35");
        QTest::newRow("no decimals") << 2500000LL << "CNY" << 0 << QStringLiteral("¥3");
        QTest::newRow("other currency") << -1500000LL << "EUR" << 2 << QStringLiteral("-EUR 1.50");
        QTest::newRow("no currency") << 1LL << "" << 6 << QStringLiteral("0.000001");
        QTest::newRow("zero") << 0LL << "CNY" << 6 << QStringLiteral("¥0.000000");
    }
    void formatMoney()
    {
        QFETCH(qint64, micros);
        QFETCH(QString, currency);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        QCOMPARE(ark::pricing::formatMoney(micros, currency, decimals), text);
    }

    void hugeCountsDoNotOverflow()
    {
        const CostBreakdown cost = table(kDeepseekR1).cost({1000000000000LL, 0, 1000000000000LL});
        QVERIFY(cost.valid);
        QCOMPARE(cost.inputMicros, qint64(4000000000000LL)); // 10^12 tokens at 4 yuan a million = 4e6 yuan
        QCOMPARE(cost.outputMicros, qint64(16000000000000LL));
    }

    // Every price the bundled catalog carries parses without a problem (the catalog loader reports
    // pricing errors), and the bundled doubao-seed-1.6 gives the seed's numbers.
    void bundledCatalogGolden()
    {
        QFile file(QStringLiteral(ARK_TEST_DATA_DIR "/../../resources/catalog/catalog.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray models = root.value(QLatin1String("models")).toArray();
        if (models.isEmpty())
            QSKIP("the bundled catalog has no models yet");
        int priced = 0;
        for (const QJsonValue& model : models) {
            const QJsonValue pricing = model.toObject().value(QLatin1String("pricing"));
            if (!pricing.isObject())
                continue;
            QString error;
            const PriceTable t = PriceTable::fromJson(pricing.toObject(), &error);
            QVERIFY2(error.isEmpty(), qPrintable(model.toObject().value(QLatin1String("id")).toString() +
                                                 QLatin1String(": ") + error));
            ++priced;
        }
        QVERIFY(priced > 0);

        const auto catalog = ark::catalog::Catalog::bundled();
        const ark::catalog::ModelInfo* seed = catalog->find(QStringLiteral("doubao-seed-1.6-250615"));
        if (!seed)
            QSKIP("the catalog loader is not there yet");
        QCOMPARE(seed->prices.cost({200000, 0, 14000}).totalMicros(), qint64(816000));
        QCOMPARE(seed->prices.cost({32000, 0, 200}).totalMicros(), qint64(26000));
        QCOMPARE(seed->prices.cost({32000, 0, 201}).totalMicros(), qint64(27208));
        QCOMPARE(seed->prices.cost({32001, 0, 200}).totalMicros(), qint64(41601));
        QCOMPARE(seed->prices.cost({128001, 0, 1000}).totalMicros(), qint64(331202));
        QCOMPARE(seed->prices.cost({100000, 60000, 500}).totalMicros(), qint64(65600));
    }
};

QTEST_GUILESS_MAIN(TstPricetable)
#include "tst_pricetable.moc"
