// The composer's live token line against the real loopback server's /tokenization, through a real
// TokenCounter with a short debounce: typing updates the count, no key gives a labelled estimate,
// and over the model's input limit the line turns red and says by how much; a conversation of
// thousands of messages is counted once, then only the draft while typing.
// The loopback tokenizer: whitespace separates, a run of letters and digits is one token.
#include "catalog/Catalog.h"
#include "pricing/TokenCounter.h"
#include "pricing/TokenMeter.h"
#include "support/LoopbackServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QVBoxLayout>
#include <QtTest>

using ark::testsupport::LoopbackServer;
using ark::ui::TokenMeter;

namespace {

const QString kKey = QStringLiteral("test-key-tokenmeter-7c1d");

// A model with a tiny input limit, so a few typed words cross it.
const char* kCatalogJson = R"json({
  "schema_version": 1, "version": "2025-01-01.1",
  "providers": [ { "id": "volcengine-ark", "display_name": "Volcengine Ark", "currency": "CNY",
                   "default_base_url": "", "date_utc_offset": "+08:00" } ],
  "models": [ { "id": "tiny-model", "provider": "volcengine-ark", "kind": "chat",
                "limits": { "context_window": 40, "max_input": 20, "max_output": 10 },
                "pricing": { "currency": "CNY",
                             "tiers": [ { "condition": "", "input": 1.0, "output": 2.0 } ] },
                "lifecycle": {} } ] })json";

QString words(int n, const QString& prefix)
{
    QStringList list;
    for (int i = 0; i < n; ++i)
        list << prefix + QString(QChar(u'a' + i % 26));
    return list.join(QLatin1Char(' '));
}

int tokenizationCalls(const LoopbackServer& server)
{
    int calls = 0;
    for (const auto& request : server.requests())
        calls += request.path.endsWith("/tokenization") ? 1 : 0;
    return calls;
}

} // namespace

class TstTokenmeter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typingUpdatesTheCount();
    void estimateWithoutKey();
    void redOverTheInputLimit();
    void tieredModelNamesBothTiers();
    void longHistoryIsCountedOnceWhileTyping();

private:
    void type(const QString& text) { QTest::keyClicks(m_editor, text); }
    void shoot(const QString& name);

    std::shared_ptr<const ark::catalog::Catalog> m_catalog;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ark::pricing::TokenCounter> m_counter;
    QWidget* m_window = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    TokenMeter* m_meter = nullptr;
};

void TstTokenmeter::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStringList problems;
    m_catalog = ark::catalog::Catalog::fromJson(QByteArray(kCatalogJson), &problems);
    QVERIFY(m_catalog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(m_catalog->find(QStringLiteral("tiny-model")));
}

void TstTokenmeter::init()
{
    m_server = std::make_unique<LoopbackServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_counter = std::make_unique<ark::pricing::TokenCounter>(m_nam.get());
    m_counter->setEndpoint(m_server->baseUrl(), kKey);
    m_counter->setDebounceMs(20);

    m_window = new QWidget;
    auto* layout = new QVBoxLayout(m_window);
    m_editor = new QPlainTextEdit(m_window);
    m_meter = new TokenMeter(m_window);
    layout->addWidget(m_editor);
    layout->addWidget(m_meter);
    m_meter->setTokenCounter(m_counter.get());
    m_meter->setModel(QStringLiteral("tiny-model"), m_catalog->find(QStringLiteral("tiny-model")));
    m_meter->setMaxTokens(10);
    m_meter->followEditor(m_editor);
    m_window->resize(760, 200);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_editor->setFocus();
}

void TstTokenmeter::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_counter.reset();
    m_nam.reset();
    m_server.reset();
}

void TstTokenmeter::shoot(const QString& name)
{
    QCoreApplication::processEvents(); // let the layout follow the new texts before the picture
    QVERIFY(m_meter->grab().save(QStringLiteral("/tmp/costui-%1.png").arg(name)));
}

void TstTokenmeter::typingUpdatesTheCount()
{
    type(QStringLiteral("hello world"));
    QTRY_COMPARE(m_meter->tokens().draftTokens, qint64(2));
    QVERIFY(!m_meter->isEstimate());
    QVERIFY(m_meter->estimateNote().isEmpty());
    QVERIFY(tokenizationCalls(*m_server) >= 1);
    QVERIFY(!m_meter->countsLabel()->text().contains(QStringLiteral("≈")));
    QVERIFY(m_meter->countsLabel()->text().contains(QStringLiteral("Draft 2")));

    type(QStringLiteral(" again, and"));
    QTRY_COMPARE(m_meter->tokens().draftTokens, qint64(5)); // "again" "," "and" added
    QVERIFY(!m_meter->isEstimate());

    // The conversation total includes the context, counted in the same batch.
    m_meter->setContext(QStringLiteral("be brief"),
                        {QStringLiteral("first question"), QStringLiteral("an answer")});
    QTRY_COMPARE(m_meter->tokens().total(), qint64(2 + 4 + 5));
    QCOMPARE(m_meter->tokens().systemTokens, qint64(2));
    QCOMPARE(m_meter->tokens().historyTokens, qint64(4));
    QVERIFY(!m_meter->isEstimate());
    QVERIFY(!m_meter->isOverLimit());
    QVERIFY(m_meter->fillBar()->isVisible());
    QCOMPARE(m_meter->fillBar()->value(), 11 * 1000 / 40);
    // 11 input tokens at ¥1/M and up to 10 output tokens at ¥2/M.
    QCOMPARE(m_meter->cost().minMicros, qint64(11));
    QCOMPARE(m_meter->cost().maxMicros, qint64(31));
    QVERIFY(m_meter->costLabel()->text().contains(QStringLiteral("¥0.000011")));
    QVERIFY(m_meter->costLabel()->text().contains(QStringLiteral("¥0.000031")));
    shoot(QStringLiteral("tokenmeter"));
}

void TstTokenmeter::estimateWithoutKey()
{
    m_counter->setEndpoint(m_server->baseUrl(), QString());
    type(QStringLiteral("hello world"));
    QTRY_VERIFY(m_meter->tokens().draftTokens > 0);
    QVERIFY(m_meter->isEstimate());
    QVERIFY(!m_meter->estimateNote().isEmpty());
    QVERIFY(m_meter->countsLabel()->text().contains(QStringLiteral("≈")));
    QVERIFY(m_meter->countsLabel()->toolTip().contains(m_meter->estimateNote()));
    QVERIFY(m_meter->costLabel()->text().contains(QStringLiteral("≈")));
    QCOMPARE(tokenizationCalls(*m_server), 0);
    shoot(QStringLiteral("tokenmeter-estimate"));

    // With a key the same text becomes exact and the mark goes away.
    m_counter->setEndpoint(m_server->baseUrl(), kKey);
    type(QStringLiteral(" x"));
    QTRY_VERIFY(!m_meter->isEstimate());
    QCOMPARE(m_meter->tokens().draftTokens, qint64(3));
    QVERIFY(!m_meter->countsLabel()->text().contains(QStringLiteral("≈")));
}

void TstTokenmeter::redOverTheInputLimit()
{
    QSignalSpy overSpy(m_meter, &TokenMeter::overLimitChanged);
    m_meter->setContext(words(5, QStringLiteral("s")), {words(5, QStringLiteral("h"))});
    QTRY_COMPARE(m_meter->tokens().total(), qint64(10));
    QVERIFY(!m_meter->isOverLimit());
    QVERIFY(m_meter->warningLabel()->isHidden());
    QVERIFY(m_meter->countsLabel()->palette().color(QPalette::WindowText) != TokenMeter::warningColor());

    type(words(15, QStringLiteral("d"))); // 10 + 15 = 25 against the limit of 20
    QTRY_COMPARE(m_meter->tokens().draftTokens, qint64(15));
    QVERIFY(!m_meter->isEstimate());
    QVERIFY(m_meter->isOverLimit());
    QCOMPARE(m_meter->overLimitTokens(), qint64(5));
    QVERIFY(m_meter->warningLabel()->isVisible());
    QVERIFY2(m_meter->warningLabel()->text().contains(QStringLiteral("5 tokens over the input limit of 20")),
             qPrintable(m_meter->warningLabel()->text()));
    QCOMPARE(m_meter->warningLabel()->palette().color(QPalette::WindowText), TokenMeter::warningColor());
    QCOMPARE(m_meter->countsLabel()->palette().color(QPalette::WindowText), TokenMeter::warningColor());
    QCOMPARE(m_meter->fillBar()->palette().color(QPalette::Highlight), TokenMeter::warningColor());
    QCOMPARE(overSpy.size(), 1);
    QCOMPARE(overSpy.at(0).at(0).toBool(), true);
    shoot(QStringLiteral("tokenmeter-over"));

    // Two more words: the excess follows.
    type(QStringLiteral(" x y"));
    QTRY_COMPARE(m_meter->overLimitTokens(), qint64(7));
    QCOMPARE(overSpy.size(), 1);

    // Back under the limit: the red goes away.
    m_editor->setPlainText(words(3, QStringLiteral("d")));
    QTRY_COMPARE(m_meter->tokens().draftTokens, qint64(3));
    QVERIFY(!m_meter->isOverLimit());
    QCOMPARE(m_meter->overLimitTokens(), qint64(0));
    QVERIFY(m_meter->countsLabel()->palette().color(QPalette::WindowText) != TokenMeter::warningColor());
    QCOMPARE(overSpy.size(), 2);
    QCOMPARE(overSpy.at(1).at(0).toBool(), false);
}

void TstTokenmeter::tieredModelNamesBothTiers()
{
    const ark::catalog::ModelInfo* seed =
        ark::catalog::Catalog::bundled()->find(QStringLiteral("doubao-seed-1-6-250615"));
    QVERIFY(seed);
    m_meter->setModel(seed->id, seed);
    m_meter->setMaxTokens(4000);
    type(QStringLiteral("how much does this cost"));
    QTRY_COMPARE(m_meter->tokens().draftTokens, qint64(5));
    QCOMPARE(int(m_meter->cost().tiers.size()), 2);
    const QString text = m_meter->costLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("输入长度 [0, 32] 且输出长度 [0, 0.2]")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("输入长度 [0, 32] 且输出长度 (0.2,+∞)")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("201–4,000")));
    QVERIFY(m_meter->fillBar()->format().contains(QStringLiteral("256,000")));
    shoot(QStringLiteral("tokenmeter-tiered"));
}

// A conversation of thousands of messages (more than the counter's cache keeps) is counted once;
// typing under it sends only the draft, and the line shows the whole count each time.
void TstTokenmeter::longHistoryIsCountedOnceWhileTyping()
{
    constexpr int kMessages = 17000;
    QStringList history;
    for (int i = 0; i < kMessages; ++i)
        history << QStringLiteral("message %1 says hello").arg(i); // 4 tokens each
    m_meter->setContext(QStringLiteral("be brief"), history);
    QTRY_COMPARE_WITH_TIMEOUT(m_meter->tokens().historyTokens, qint64(4) * kMessages, 60000);
    QCOMPARE(m_meter->tokens().systemTokens, qint64(2));
    QVERIFY(!m_meter->isEstimate());
    const int calls = tokenizationCalls(*m_server);

    type(QStringLiteral("one two"));
    QTRY_COMPARE_WITH_TIMEOUT(m_meter->tokens().draftTokens, qint64(2), 30000);
    QCOMPARE(m_meter->tokens().historyTokens, qint64(4) * kMessages);
    QCOMPARE(m_meter->tokens().total(), qint64(2 + 4 * kMessages + 2));
    QVERIFY(!m_meter->isEstimate());
    type(QStringLiteral(" three"));
    QTRY_COMPARE_WITH_TIMEOUT(m_meter->tokens().draftTokens, qint64(3), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_counter->isBusy(), 30000);
    // Only drafts went out after the history was counted: each call carried one short text.
    const auto& requests = m_server->requests();
    QVERIFY(tokenizationCalls(*m_server) > calls);
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (!requests[i].path.endsWith("/tokenization") || i < calls)
            continue;
        const QJsonArray texts =
            QJsonDocument::fromJson(requests[i].body).object().value(QLatin1String("text")).toArray();
        QCOMPARE(texts.size(), 1);
        QVERIFY2(QStringLiteral("one two three").startsWith(texts.first().toString()), // a draft as typed
                 qPrintable(texts.first().toString()));
    }
    QCOMPARE(m_meter->tokens().historyTokens, qint64(4) * kMessages);
}

QTEST_MAIN(TstTokenmeter)
#include "tst_tokenmeter.moc"
