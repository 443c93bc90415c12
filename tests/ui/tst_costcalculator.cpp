// The cost calculator pane: two models side by side with the right amounts, tiers and next tier
// boundaries (from the bundled catalog's seed prices), currencies kept apart, and pasted text
// counted per model through the real loopback /tokenization (estimated for a provider without it,
// or without a key). Amounts are worked out by hand from the seed's price table (模型服务价格).
#include "catalog/Catalog.h"
#include "pricing/CostCalculatorPane.h"
#include "pricing/DraftCost.h"
#include "pricing/TokenCounter.h"
#include "support/LoopbackServer.h"

#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QtTest>

using ark::testsupport::LoopbackServer;
using ark::ui::CostCalculatorPane;
using Result = CostCalculatorPane::Result;

namespace {

const QString kSeed = QStringLiteral("doubao-seed-1-6-250615");
const QString kFlash = QStringLiteral("doubao-seed-1-6-flash-250615");

// An Ark model and an Anthropic one: two currencies, and only Ark has a tokenization API.
const char* kTwoCurrencies = R"json({
  "schema_version": 1, "version": "2025-01-01.1",
  "providers": [
    { "id": "volcengine-ark", "display_name": "Volcengine Ark", "currency": "CNY", "default_base_url": "",
      "date_utc_offset": "+08:00" },
    { "id": "anthropic", "display_name": "Anthropic", "currency": "USD", "default_base_url": "",
      "date_utc_offset": "+00:00" } ],
  "models": [
    { "id": "ark-small", "provider": "volcengine-ark", "kind": "chat", "limits": { "context_window": 32000 },
      "pricing": { "currency": "CNY", "tiers": [ { "condition": "", "input": 0.8, "cached_input": 0.16, "output": 2.0 } ] },
      "lifecycle": {} },
    { "id": "claude-test", "provider": "anthropic", "kind": "chat", "limits": { "context_window": 200000 },
      "pricing": { "currency": "USD", "tiers": [ { "condition": "", "input": 3.0, "output": 15.0 } ] },
      "lifecycle": {} },
    { "id": "unpriced", "provider": "volcengine-ark", "kind": "chat", "pricing": null, "lifecycle": {} } ] })json";

const Result* resultFor(const CostCalculatorPane& pane, const QString& id)
{
    for (const Result& r : pane.results()) {
        if (r.modelId == id)
            return &r;
    }
    return nullptr;
}

int columnFor(const CostCalculatorPane& pane, const QString& id)
{
    const QTableWidget* table = pane.resultsTable();
    for (int column = 0; column < table->columnCount(); ++column) {
        if (table->horizontalHeaderItem(column)->text() == id)
            return column;
    }
    return -1;
}

QString cellText(const CostCalculatorPane& pane, const QString& id, int row)
{
    const int column = columnFor(pane, id);
    return column < 0 ? QString() : pane.resultsTable()->item(row, column)->text();
}

} // namespace

class TstCostcalculator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void twoModelsSideBySide_data();
    void twoModelsSideBySide();
    void onlyPricedModelsAreOffered();
    void currenciesNeverMixed();
    void textCountedPerModel();
    void textEstimatedWithoutKey();
    void overTheLastTier();

private:
    std::shared_ptr<const ark::catalog::Catalog> m_twoCurrencies;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ark::pricing::TokenCounter> m_counter;
    CostCalculatorPane* m_pane = nullptr;
};

void TstCostcalculator::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStringList problems;
    m_twoCurrencies = ark::catalog::Catalog::fromJson(QByteArray(kTwoCurrencies), &problems);
    QVERIFY(m_twoCurrencies);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TstCostcalculator::init()
{
    m_server = std::make_unique<LoopbackServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_counter = std::make_unique<ark::pricing::TokenCounter>(m_nam.get());
    m_counter->setEndpoint(m_server->baseUrl(), QStringLiteral("test-key-calculator-51e0"));
    m_pane = new CostCalculatorPane;
    m_pane->setDebounceMs(20);
    m_pane->setTokenCounter(m_counter.get());
    m_pane->resize(1280, 560);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane));
}

void TstCostcalculator::cleanup()
{
    delete m_pane;
    m_pane = nullptr;
    m_counter.reset();
    m_nam.reset();
    m_server.reset();
}

void TstCostcalculator::twoModelsSideBySide_data()
{
    QTest::addColumn<qint64>("input");
    QTest::addColumn<qint64>("cached");
    QTest::addColumn<qint64>("output");
    QTest::addColumn<QString>("seedTier");
    QTest::addColumn<qint64>("seedTotal");
    QTest::addColumn<QString>("seedNext");
    QTest::addColumn<QString>("flashTier");
    QTest::addColumn<qint64>("flashTotal");
    QTest::addColumn<QString>("flashNext");

    // seed: 31,000 × 0.8 + 1,000 × 0.16 + 200 × 2 = 24,800 + 160 + 400;
    // flash: 31,000 × 0.15 + 1,000 × 0.03 + 200 × 1.5 = 4,650 + 30 + 300.
    QTest::newRow("32000 in, 200 out, 1000 cached")
        << qint64(32000) << qint64(1000) << qint64(200)
        << QStringLiteral("输入长度 [0, 32] 且输出长度 [0, 0.2]") << qint64(25360)
        << QStringLiteral("input from 32,001 tokens (1 more): 输入长度 (32, 128]; "
                          "output from 201 tokens (1 more): 输入长度 [0, 32] 且输出长度 (0.2,+∞)")
        << QStringLiteral("输入长度 [0, 32]") << qint64(4980)
        << QStringLiteral("input from 32,001 tokens (1 more): 输入长度 (32, 128]");
    // seed: 32,000 × 0.8 + 201 × 8 = 25,600 + 1,608; flash as above without the cache: 4,800 + 301.5 -> 302.
    QTest::newRow("32000 in, 201 out")
        << qint64(32000) << qint64(0) << qint64(201) << QStringLiteral("输入长度 [0, 32] 且输出长度 (0.2,+∞)")
        << qint64(27208) << QStringLiteral("input from 32,001 tokens (1 more): 输入长度 (32, 128]")
        << QStringLiteral("输入长度 [0, 32]") << qint64(5102)
        << QStringLiteral("input from 32,001 tokens (1 more): 输入长度 (32, 128]");
    // seed: 32,001 × 1.2 = 38,401.2 -> 38,401, + 1,000 × 16; flash: 32,001 × 0.3 = 9,600.3 -> 9,600, + 3,000.
    QTest::newRow("32001 in, 1000 out")
        << qint64(32001) << qint64(0) << qint64(1000) << QStringLiteral("输入长度 (32, 128]") << qint64(54401)
        << QStringLiteral("input from 128,001 tokens (96,000 more): 输入长度 (128, 256]")
        << QStringLiteral("输入长度 (32, 128]") << qint64(12600)
        << QStringLiteral("input from 128,001 tokens (96,000 more): 输入长度 (128, 256]");
    // The docs' example: 200k in, 14k out on seed = 0.48 + 0.336; flash 200,000 × 0.6 + 14,000 × 6.
    QTest::newRow("docs example") << qint64(200000) << qint64(0) << qint64(14000)
                                  << QStringLiteral("输入长度 (128, 256]") << qint64(816000)
                                  << QStringLiteral("no tier above 256,000 input tokens")
                                  << QStringLiteral("输入长度 (128, 256]") << qint64(204000)
                                  << QStringLiteral("no tier above 256,000 input tokens");
}

void TstCostcalculator::twoModelsSideBySide()
{
    QFETCH(qint64, input);
    QFETCH(qint64, cached);
    QFETCH(qint64, output);
    QFETCH(QString, seedTier);
    QFETCH(qint64, seedTotal);
    QFETCH(QString, seedNext);
    QFETCH(QString, flashTier);
    QFETCH(qint64, flashTotal);
    QFETCH(QString, flashNext);

    m_pane->setCatalog(ark::catalog::Catalog::bundled());
    m_pane->setSelectedModels(
        {kSeed, QStringLiteral("doubao-seed-1.6-flash-250615"), QStringLiteral("no-such")});
    QCOMPARE(m_pane->selectedModels(), (QStringList{kSeed, kFlash}));
    m_pane->setTokenCounts(input, cached, output);

    QCOMPARE(int(m_pane->results().size()), 2);
    QCOMPARE(m_pane->resultsTable()->columnCount(), 2); // side by side
    const Result* seed = resultFor(*m_pane, kSeed);
    const Result* flash = resultFor(*m_pane, kFlash);
    QVERIFY(seed && flash);
    for (const Result* r : {seed, flash}) {
        QVERIFY2(r->cost.valid, qPrintable(r->cost.error));
        QCOMPARE(r->counts.inputTokens, input);
        QCOMPARE(r->counts.cachedTokens, cached);
        QCOMPARE(r->counts.outputTokens, output);
        QVERIFY(r->exact);
        QCOMPARE(r->cost.currency, QStringLiteral("CNY"));
    }
    QCOMPARE(seed->cost.tier, seedTier);
    QCOMPARE(seed->cost.totalMicros(), seedTotal);
    QCOMPARE(seed->nextBoundary, seedNext);
    QCOMPARE(flash->cost.tier, flashTier);
    QCOMPARE(flash->cost.totalMicros(), flashTotal);
    QCOMPARE(flash->nextBoundary, flashNext);

    // The table shows the same, each in its currency.
    QCOMPARE(cellText(*m_pane, kSeed, CostCalculatorPane::TierRow), seedTier);
    QCOMPARE(cellText(*m_pane, kSeed, CostCalculatorPane::TotalRow),
             ark::pricing::formatMoneyCompact(seedTotal, QStringLiteral("CNY")));
    QCOMPARE(cellText(*m_pane, kFlash, CostCalculatorPane::TotalRow),
             ark::pricing::formatMoneyCompact(flashTotal, QStringLiteral("CNY")));
    QCOMPARE(cellText(*m_pane, kFlash, CostCalculatorPane::NextTierRow), flashNext);
    QCOMPARE(cellText(*m_pane, kSeed, CostCalculatorPane::NextTierRow),
             seedNext.replace(QStringLiteral("; "), QStringLiteral("\n"))); // one boundary per line
    QCOMPARE(cellText(*m_pane, kSeed, CostCalculatorPane::InputRow), QLocale().toString(input));
    QVERIFY(m_pane->summaryLabel()->text().contains(QStringLiteral("Cheapest in CNY: %1").arg(kFlash)));
    if (input == 32000 && cached == 1000)
        QVERIFY(m_pane->grab().save(QStringLiteral("/tmp/costui-calculator.png")));
}

void TstCostcalculator::onlyPricedModelsAreOffered()
{
    m_pane->setCatalog(m_twoCurrencies);
    QCOMPARE(m_pane->modelList()->count(), 2); // "unpriced" has nothing to calculate
    m_pane->setSelectedModels({QStringLiteral("unpriced"), QStringLiteral("ark-small")});
    QCOMPARE(m_pane->selectedModels(), QStringList{QStringLiteral("ark-small")});
    // A new catalog keeps the selection of ids it still has.
    m_pane->setCatalog(m_twoCurrencies);
    QCOMPARE(m_pane->selectedModels(), QStringList{QStringLiteral("ark-small")});
}

void TstCostcalculator::currenciesNeverMixed()
{
    m_pane->setCatalog(m_twoCurrencies);
    m_pane->setSelectedModels({QStringLiteral("ark-small"), QStringLiteral("claude-test")});
    m_pane->setTokenCounts(1000000, 500000, 100000);
    const Result* ark = resultFor(*m_pane, QStringLiteral("ark-small"));
    const Result* claude = resultFor(*m_pane, QStringLiteral("claude-test"));
    QVERIFY(ark && claude);
    // ark: 500,000 × 0.8 + 500,000 × 0.16 + 100,000 × 2 = 0.4 + 0.08 + 0.2 CNY.
    QCOMPARE(ark->cost.currency, QStringLiteral("CNY"));
    QCOMPARE(ark->cost.totalMicros(), qint64(680000));
    // claude has no cache-hit price here, so cached tokens are billed as input: 3 + 1.5 USD.
    QCOMPARE(claude->cost.currency, QStringLiteral("USD"));
    QCOMPARE(claude->cost.totalMicros(), qint64(4500000));
    QCOMPARE(cellText(*m_pane, QStringLiteral("ark-small"), CostCalculatorPane::TotalRow),
             QStringLiteral("¥0.68"));
    QCOMPARE(cellText(*m_pane, QStringLiteral("claude-test"), CostCalculatorPane::TotalRow),
             QStringLiteral("$4.50"));
    QCOMPARE(cellText(*m_pane, QStringLiteral("ark-small"), CostCalculatorPane::NextTierRow),
             QStringLiteral("None: one price for every length"));
    QCOMPARE(cellText(*m_pane, QStringLiteral("ark-small"), CostCalculatorPane::TierRow),
             QStringLiteral("Single price"));
    // One cheapest per currency, never one sum or comparison across them.
    const QString summary = m_pane->summary();
    QVERIFY2(summary.contains(QStringLiteral("Cheapest in CNY: ark-small at ¥0.68")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Cheapest in USD: claude-test at $4.50")), qPrintable(summary));
    QVERIFY(!summary.contains(QStringLiteral("5.18")));

    // Cached above input is clamped: a cache hit is part of the input.
    m_pane->setTokenCounts(100, 500, 0);
    QCOMPARE(resultFor(*m_pane, QStringLiteral("ark-small"))->counts.cachedTokens, qint64(100));
    QVERIFY(resultFor(*m_pane, QStringLiteral("ark-small"))->cost.valid);
}

void TstCostcalculator::textCountedPerModel()
{
    m_pane->setCatalog(m_twoCurrencies);
    m_pane->setSelectedModels({QStringLiteral("ark-small"), QStringLiteral("claude-test")});
    m_pane->setTokenCounts(0, 0, 10);
    m_pane->setInputSource(CostCalculatorPane::InputSource::Text);
    QTest::keyClicks(m_pane->textEdit(), QStringLiteral("hello brave new world"));

    // Ark's model: the exact count from /tokenization (four words = four loopback tokens).
    QTRY_VERIFY(resultFor(*m_pane, QStringLiteral("ark-small")) &&
                resultFor(*m_pane, QStringLiteral("ark-small"))->exact);
    const Result* ark = resultFor(*m_pane, QStringLiteral("ark-small"));
    QCOMPARE(ark->counts.inputTokens, qint64(4));
    QCOMPARE(ark->counts.outputTokens, qint64(10));
    QVERIFY(!ark->counting);
    QCOMPARE(cellText(*m_pane, QStringLiteral("ark-small"), CostCalculatorPane::InputRow),
             QStringLiteral("4"));
    QCOMPARE(ark->cost.totalMicros(), qint64(3 + 20)); // 4 × 0.8 = 3.2 -> 3; 10 × 2 = 20

    // Anthropic's model: the offline estimate, marked.
    const Result* claude = resultFor(*m_pane, QStringLiteral("claude-test"));
    QVERIFY(claude);
    QVERIFY(!claude->exact);
    QVERIFY(!claude->counting);
    QVERIFY(!claude->note.isEmpty());
    QVERIFY(claude->counts.inputTokens > 0);
    QVERIFY(cellText(*m_pane, QStringLiteral("claude-test"), CostCalculatorPane::InputRow)
                .startsWith(QStringLiteral("≈")));
    QVERIFY(cellText(*m_pane, QStringLiteral("claude-test"), CostCalculatorPane::TotalRow)
                .startsWith(QStringLiteral("≈$")));

    // Only the Ark model was sent to the tokenization API, with the whole text.
    QTRY_VERIFY(!m_server->requests().isEmpty());
    for (const auto& request : m_server->requests()) {
        QVERIFY(request.path.endsWith("/tokenization"));
        QVERIFY(request.body.contains("\"ark-small\""));
        QVERIFY(!request.body.contains("claude-test"));
    }
    QVERIFY(m_server->requests().last().body.contains("hello brave new world"));

    // Back to typed counts: the typed input is used again.
    m_pane->setTokenCounts(1000, 0, 10);
    m_pane->setInputSource(CostCalculatorPane::InputSource::Tokens);
    QCOMPARE(resultFor(*m_pane, QStringLiteral("ark-small"))->counts.inputTokens, qint64(1000));
    QVERIFY(resultFor(*m_pane, QStringLiteral("claude-test"))->exact);
}

void TstCostcalculator::textEstimatedWithoutKey()
{
    m_counter->setEndpoint(m_server->baseUrl(), QString());
    m_pane->setCatalog(m_twoCurrencies);
    m_pane->setSelectedModels({QStringLiteral("ark-small")});
    m_pane->setInputSource(CostCalculatorPane::InputSource::Text);
    m_pane->setText(QStringLiteral("你好，世界。How are you today?"));
    QTRY_VERIFY(!resultFor(*m_pane, QStringLiteral("ark-small"))->counting);
    const Result* ark = resultFor(*m_pane, QStringLiteral("ark-small"));
    QVERIFY(!ark->exact);
    QVERIFY(ark->counts.inputTokens > 0);
    QVERIFY(!ark->note.isEmpty());
    QVERIFY(cellText(*m_pane, QStringLiteral("ark-small"), CostCalculatorPane::InputRow)
                .startsWith(QStringLiteral("≈")));
    QVERIFY(m_pane->summary().contains(QStringLiteral("≈")));
    QCOMPARE(m_server->requests().size(), 0);
    QVERIFY(m_pane->grab().save(QStringLiteral("/tmp/costui-calculator-text.png")));
}

void TstCostcalculator::overTheLastTier()
{
    m_pane->setCatalog(ark::catalog::Catalog::bundled());
    m_pane->setSelectedModels({kSeed});
    m_pane->setTokenCounts(300000, 0, 10);
    const Result* seed = resultFor(*m_pane, kSeed);
    QVERIFY(seed);
    QVERIFY(!seed->cost.valid);
    QVERIFY(!seed->cost.error.isEmpty());
    QVERIFY(seed->nextBoundary.isEmpty());
    QCOMPARE(cellText(*m_pane, kSeed, CostCalculatorPane::TierRow), seed->cost.error);
    QCOMPARE(cellText(*m_pane, kSeed, CostCalculatorPane::TotalRow), QStringLiteral("—"));
    QVERIFY(m_pane->summary().contains(QStringLiteral("No selected model")));
}

QTEST_MAIN(TstCostcalculator)
#include "tst_costcalculator.moc"
