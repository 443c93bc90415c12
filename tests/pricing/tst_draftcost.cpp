// The composer's prediction before sending: conversation total, context fill, the amount over the
// input limit, and the cost range (input exact, output from 0 to max tokens) with every tier the
// request could land in. Expected amounts are worked out by hand from the seed's price table
// (模型服务价格): doubao-seed-1.6 input [0,32k] costs 0.8/M, output 2/M up to 200 tokens and 8/M
// above; (32k,128k] 1.2/M and 16/M; (128k,256k] 2.4/M and 24/M.
#include "catalog/Catalog.h"
#include "pricing/DraftCost.h"
#include "support/PriceFixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ark::pricing;

namespace {

using ark::testsupport::pricesFromJson;
using ark::testsupport::seed16Prices;

// doubao-1.5-pro-32k: one price, no separate input limit in the catalog.
PriceTable singlePrices()
{
    return pricesFromJson(R"json({ "currency": "CNY", "tiers": [
      { "condition": "", "input": 0.8, "cached_input": 0.16, "output": 2.0 } ] })json");
}

const DraftLimits kSeed16Limits{256000, 224000, 32000};
const DraftLimits kSinglePriceLimits{128000, 0, 16000};

using I64List = QList<qint64>;

} // namespace

class TstDraftcost : public QObject
{
    Q_OBJECT
private slots:
    void table_data();
    void table();
    void partsAddUp();
    void noPriceStillMeasuresFit();
    void unknownMaximumOutputIsUnbounded();
    void inputMicrosWhenTiersDiffer();
    void bundledSeed16();
};

void TstDraftcost::table_data()
{
    QTest::addColumn<bool>("tiered");       // seed-1.6 prices and limits, else the single-price model
    QTest::addColumn<qint64>("input");      // the conversation total
    QTest::addColumn<qint64>("maxTokens");  // the setting; 0 = not set
    QTest::addColumn<qint64>("expMaxOut");  // the output range's upper end
    QTest::addColumn<qint64>("expOver");    // tokens over the input limit
    QTest::addColumn<bool>("expMayNotFit"); // input + max output > context window
    QTest::addColumn<QList<int>>("expTiers");
    QTest::addColumn<I64List>("expFrom"); // per tier: first output billed at it
    QTest::addColumn<I64List>("expTo");   // per tier: last output billed at it
    QTest::addColumn<I64List>("expInputMicros");
    QTest::addColumn<qint64>("expMin");
    QTest::addColumn<qint64>("expMax");

    // 32,000 × 0.8 = 25,600 micros; output 200 × 2 = 400, 201 × 8 = 1,608, 4,000 × 8 = 32,000.
    QTest::newRow("32000 in: both [0,32] tiers")
        << true << qint64(32000) << qint64(4000) << qint64(4000) << qint64(0) << false << QList<int>{0, 1}
        << I64List{0, 201} << I64List{200, 4000} << I64List{25600, 25600} << qint64(25600) << qint64(57600);
    // 32,001 × 1.2 = 38,401.2 -> 38,401; 4,000 × 16 = 64,000.
    QTest::newRow("32001 in: (32,128] only")
        << true << qint64(32001) << qint64(4000) << qint64(4000) << qint64(0) << false << QList<int>{2}
        << I64List{0} << I64List{4000} << I64List{38401} << qint64(38401) << qint64(102401);
    // Max tokens 200 never leaves the cheap output range: 1,000 × 0.8 = 800; 200 × 2 = 400.
    QTest::newRow("max tokens 200: one tier")
        << true << qint64(1000) << qint64(200) << qint64(200) << qint64(0) << false << QList<int>{0}
        << I64List{0} << I64List{200} << I64List{800} << qint64(800) << qint64(1200);
    // Max tokens 201 reaches the dearer output price by one token: 201 × 8 = 1,608.
    QTest::newRow("max tokens 201: both")
        << true << qint64(1000) << qint64(201) << qint64(201) << qint64(0) << false << QList<int>{0, 1}
        << I64List{0, 201} << I64List{200, 201} << I64List{800, 800} << qint64(800) << qint64(2408);
    // 128,000 × 1.2 = 153,600; 1,000 × 16 = 16,000.
    QTest::newRow("128000 in") << true << qint64(128000) << qint64(1000) << qint64(1000) << qint64(0) << false
                               << QList<int>{2} << I64List{0} << I64List{1000} << I64List{153600}
                               << qint64(153600) << qint64(169600);
    // 128,001 × 2.4 = 307,202.4 -> 307,202; 1,000 × 24 = 24,000.
    QTest::newRow("128001 in") << true << qint64(128001) << qint64(1000) << qint64(1000) << qint64(0) << false
                               << QList<int>{3} << I64List{0} << I64List{1000} << I64List{307202}
                               << qint64(307202) << qint64(331202);
    // The docs' example (200k in, 14k out): 0.48 + 0.336 = 0.816 at most.
    QTest::newRow("docs example 200k/14k")
        << true << qint64(200000) << qint64(14000) << qint64(14000) << qint64(0) << false << QList<int>{3}
        << I64List{0} << I64List{14000} << I64List{480000} << qint64(480000) << qint64(816000);
    // Not set: the model's maximum output (32,000) is the upper end; 100,000 × 1.2 = 120,000,
    // 32,000 × 16 = 512,000.
    QTest::newRow("max tokens not set")
        << true << qint64(100000) << qint64(0) << qint64(32000) << qint64(0) << false << QList<int>{2}
        << I64List{0} << I64List{32000} << I64List{120000} << qint64(120000) << qint64(632000);
    // 230,000 is over the 224,000 input limit but still priced by the (128,256] row; with 32,000
    // output it would not fit the 256,000 window either. 230,000 × 2.4 = 552,000; 32,000 × 24 = 768,000.
    QTest::newRow("over the input limit")
        << true << qint64(230000) << qint64(32000) << qint64(32000) << qint64(6000) << true << QList<int>{3}
        << I64List{0} << I64List{32000} << I64List{552000} << qint64(552000) << qint64(1320000);
    QTest::newRow("exactly at the input limit")
        << true << qint64(224000) << qint64(4000) << qint64(4000) << qint64(0) << false << QList<int>{3}
        << I64List{0} << I64List{4000} << I64List{537600} << qint64(537600) << qint64(633600);
    // No separate max input: the context window is the limit. 130,000 × 0.8 = 104,000; 1,000 × 2 = 2,000.
    QTest::newRow("single price over the window")
        << false << qint64(130000) << qint64(1000) << qint64(1000) << qint64(2000) << true << QList<int>{0}
        << I64List{0} << I64List{1000} << I64List{104000} << qint64(104000) << qint64(106000);
    QTest::newRow("empty conversation")
        << false << qint64(0) << qint64(100) << qint64(100) << qint64(0) << false << QList<int>{0}
        << I64List{0} << I64List{100} << I64List{0} << qint64(0) << qint64(200);
}

void TstDraftcost::table()
{
    QFETCH(bool, tiered);
    QFETCH(qint64, input);
    QFETCH(qint64, maxTokens);
    QFETCH(qint64, expMaxOut);
    QFETCH(qint64, expOver);
    QFETCH(bool, expMayNotFit);
    QFETCH(QList<int>, expTiers);
    QFETCH(I64List, expFrom);
    QFETCH(I64List, expTo);
    QFETCH(I64List, expInputMicros);
    QFETCH(qint64, expMin);
    QFETCH(qint64, expMax);

    const PriceTable prices = tiered ? seed16Prices() : singlePrices();
    const DraftLimits limits = tiered ? kSeed16Limits : kSinglePriceLimits;
    DraftTokens tokens;
    tokens.draftTokens = input;
    const DraftCost c = DraftCost::compute(prices, limits, tokens, maxTokens);

    QCOMPARE(c.inputTokens, input);
    QCOMPARE(c.maxOutputTokens, expMaxOut);
    QCOMPARE(c.maxOutputAssumed, maxTokens <= 0);
    QCOMPARE(c.contextWindow, limits.contextWindow);
    QCOMPARE(c.inputLimit, limits.maxInputTokens > 0 ? limits.maxInputTokens : limits.contextWindow);
    QCOMPARE(c.overInputLimit, expOver);
    QCOMPARE(c.isOverLimit(), expOver > 0);
    QCOMPARE(c.outputMayNotFit, expMayNotFit);
    QVERIFY(qAbs(c.contextFill - double(input) / double(limits.contextWindow)) < 1e-12);

    QVERIFY2(c.priced, qPrintable(c.error));
    QVERIFY(c.error.isEmpty());
    QCOMPARE(c.currency, QStringLiteral("CNY"));
    QCOMPARE(int(c.tiers.size()), expTiers.size());
    for (int i = 0; i < expTiers.size(); ++i) {
        const DraftTier& t = c.tiers[size_t(i)];
        QCOMPARE(t.tierIndex, expTiers[i]);
        QCOMPARE(t.condition, prices.tiers[size_t(expTiers[i])].condition);
        QCOMPARE(t.outputFrom, expFrom[i]);
        QCOMPARE(t.outputTo, expTo[i]);
        QCOMPARE(t.inputMicros, expInputMicros[i]);
        // The range's ends are billed exactly as the price table bills such a request.
        const CostBreakdown low = prices.cost({input, 0, t.outputFrom});
        const CostBreakdown high = prices.cost({input, 0, t.outputTo});
        QCOMPARE(low.tierIndex, t.tierIndex);
        QCOMPARE(high.tierIndex, t.tierIndex);
        QCOMPARE(t.minTotalMicros(), low.totalMicros());
        QCOMPARE(t.maxTotalMicros(), high.totalMicros());
    }
    QCOMPARE(c.minMicros, expMin);
    QCOMPARE(c.maxMicros, expMax);
    QCOMPARE(c.inputMicros(), expInputMicros.first());
}

void TstDraftcost::partsAddUp()
{
    DraftTokens tokens;
    tokens.systemTokens = 1000;
    tokens.historyTokens = 30000;
    tokens.toolTokens = 500;
    tokens.draftTokens = 501;
    tokens.exact = false;
    QCOMPARE(tokens.total(), qint64(32001));
    const DraftCost c = DraftCost::compute(seed16Prices(), kSeed16Limits, tokens, 4000);
    QCOMPARE(c.inputTokens, qint64(32001));
    QVERIFY(!c.exact);
    QCOMPARE(int(c.tiers.size()), 1);
    QCOMPARE(c.tiers.front().condition, QStringLiteral("输入长度 (32, 128]"));
    // One draft token fewer lands in the [0, 32] input range, where the output decides the tier.
    tokens.draftTokens = 500;
    const DraftCost below = DraftCost::compute(seed16Prices(), kSeed16Limits, tokens, 4000);
    QCOMPARE(int(below.tiers.size()), 2);
    QCOMPARE(below.tiers[0].condition, QStringLiteral("输入长度 [0, 32] 且输出长度 [0, 0.2]"));
    QCOMPARE(below.tiers[1].condition, QStringLiteral("输入长度 [0, 32] 且输出长度 (0.2,+∞)"));
}

void TstDraftcost::noPriceStillMeasuresFit()
{
    DraftTokens tokens;
    tokens.historyTokens = 300000; // beyond every tier and the window
    const DraftCost over = DraftCost::compute(seed16Prices(), kSeed16Limits, tokens, 1000);
    QVERIFY(!over.priced);
    QVERIFY(!over.error.isEmpty());
    QVERIFY(over.tiers.empty());
    QCOMPARE(over.overInputLimit, qint64(76000));
    QVERIFY(over.contextFill > 1.0);

    tokens.historyTokens = 10;
    const DraftCost unpriced = DraftCost::compute(PriceTable{}, DraftLimits{}, tokens, 1000);
    QVERIFY(!unpriced.priced);
    QVERIFY(!unpriced.error.isEmpty());
    QCOMPARE(unpriced.inputLimit, qint64(0));
    QCOMPARE(unpriced.overInputLimit, qint64(0)); // an unknown limit is never "over"
    QCOMPARE(unpriced.contextFill, 0.0);
    QVERIFY(!unpriced.outputMayNotFit);
    QCOMPARE(unpriced.inputMicros(), qint64(-1));
}

void TstDraftcost::unknownMaximumOutputIsUnbounded()
{
    DraftTokens tokens;
    tokens.draftTokens = 1000;
    const DraftCost c = DraftCost::compute(seed16Prices(), DraftLimits{256000, 224000, 0}, tokens, 0);
    QVERIFY(c.priced);
    QCOMPARE(c.maxOutputTokens, qint64(-1));
    QVERIFY(c.maxOutputAssumed);
    QCOMPARE(int(c.tiers.size()), 2);
    QCOMPARE(c.tiers[0].outputTo, qint64(200)); // bounded by the tier itself
    QCOMPARE(c.tiers[0].outputToMicros, qint64(400));
    QCOMPARE(c.tiers[1].outputTo, qint64(-1));
    QCOMPARE(c.tiers[1].maxTotalMicros(), qint64(-1));
    QCOMPARE(c.minMicros, qint64(800));
    QCOMPARE(c.maxMicros, qint64(-1));
    QVERIFY(!c.outputMayNotFit);
}

void TstDraftcost::inputMicrosWhenTiersDiffer()
{
    // A made-up table where the output decides the input price too.
    const PriceTable prices = pricesFromJson(R"json({ "currency": "USD", "tiers": [
      { "condition": "short", "output_tokens": { "min": 0, "max": 100 }, "input": 1, "output": 2 },
      { "condition": "long", "output_tokens": { "min": 100, "min_inclusive": false }, "input": 3, "output": 4 } ] })json");
    DraftTokens tokens;
    tokens.draftTokens = 1000000;
    const DraftCost c = DraftCost::compute(prices, DraftLimits{}, tokens, 1000);
    QCOMPARE(c.currency, QStringLiteral("USD"));
    QCOMPARE(int(c.tiers.size()), 2);
    QCOMPARE(c.tiers[0].inputMicros, qint64(1000000));
    QCOMPARE(c.tiers[1].inputMicros, qint64(3000000));
    QCOMPARE(c.inputMicros(), qint64(-1));
    QCOMPARE(c.minMicros, qint64(1000000));        // 1 USD, no output
    QCOMPARE(c.maxMicros, qint64(3000000 + 4000)); // 3 USD + 1,000 × 4/M
}

void TstDraftcost::bundledSeed16()
{
    const ark::catalog::ModelInfo* model =
        ark::catalog::Catalog::bundled()->find(QStringLiteral("doubao-seed-1.6-250615"));
    QVERIFY(model);
    QCOMPARE(model->contextWindow, qint64(256000));
    QCOMPARE(model->maxInputTokens, qint64(224000));
    DraftTokens tokens;
    tokens.systemTokens = 100;
    tokens.draftTokens = 231000;
    const DraftCost fromModel = DraftCost::compute(*model, tokens, 4000);
    const DraftCost fromParts = DraftCost::compute(seed16Prices(), kSeed16Limits, tokens, 4000);
    QCOMPARE(fromModel.overInputLimit, qint64(7100));
    QCOMPARE(fromModel.overInputLimit, fromParts.overInputLimit);
    QCOMPARE(fromModel.minMicros, fromParts.minMicros);
    QCOMPARE(fromModel.maxMicros, fromParts.maxMicros);
    QCOMPARE(fromModel.currency, QStringLiteral("CNY"));
}

QTEST_GUILESS_MAIN(TstDraftcost)
#include "tst_draftcost.moc"
