// The usage view over a real UsageLedger on a temporary SQLite file: a conversation's requests with
// tokens, tier, cost and time; totals per conversation, per day and per model that never mix
// currencies; unknown prices shown as unknown; and the CSV export of the listed requests.
#include "api/ChatTypes.h"
#include "pricing/DraftCost.h"
#include "pricing/PriceTable.h"
#include "pricing/UsageView.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/UsageLedger.h"
#include "support/PriceFixtures.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ark::store;
using ark::ui::UsageView;

namespace {

using ark::testsupport::seed16Prices;
using ark::testsupport::utc;

const QString kSeed = QStringLiteral("doubao-seed-1-6-250615");
const QString kClaude = QStringLiteral("claude-test");

ark::api::Usage usage(qint64 prompt, qint64 completion, qint64 cached = 0, qint64 reasoning = 0)
{
    ark::api::Usage u;
    u.present = true;
    u.promptTokens = prompt;
    u.completionTokens = completion;
    u.totalTokens = prompt + completion;
    u.cachedTokens = cached;
    u.reasoningTokens = reasoning;
    return u;
}

QString text(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

int rowWithKey(const QTableWidget* table, const QString& key, const QString& costPrefix = {})
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (text(table, row, UsageView::KeyColumn) == key &&
            text(table, row, UsageView::TotalCostColumn).startsWith(costPrefix))
            return row;
    }
    return -1;
}

} // namespace

class TstUsageview : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void conversationRequests();
    void allRequests();
    void totalsPerConversation();
    void totalsPerDayAndModel();
    void csvExport();
    void refreshShowsNewRows();
    void doubleClickOpensConversation();

private:
    void record(LedgerEntry e, qint64 conversation, const char* when)
    {
        e.conversationId = conversation;
        e.time = utc(when);
        QVERIFY2(m_ledger->record(e), qPrintable(m_db->lastError()));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<UsageLedger> m_ledger;
    qint64 m_a = 0;
    qint64 m_b = 0;
    UsageView* m_view = nullptr;
};

void TstUsageview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TstUsageview::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("usage.sqlite3")), &error), qPrintable(error));
    m_store = std::make_unique<ConversationStore>(*m_db);
    m_ledger = std::make_unique<UsageLedger>(*m_db);
    m_a = m_store->createConversation(QStringLiteral("Trip planning")).id;
    m_b = m_store->createConversation(QStringLiteral("Code review")).id;
    QVERIFY(m_a > 0 && m_b > 0);

    const ark::pricing::PriceTable seed = seed16Prices();
    // Conversation A, 2025-09-14 and 15 (UTC): the docs' example, a retry at the cheapest tier, a tool round.
    record(LedgerEntry::forUsage(kSeed, ledgerkind::Chat, usage(200000, 14000, 0, 4000), seed), m_a,
           "2025-09-14T23:30:00"); // 0.48 + 0.336 = 816,000 micros
    LedgerEntry retry = LedgerEntry::forUsage(kSeed, ledgerkind::Retry, usage(32000, 200, 1000), seed);
    retry.requestId = QStringLiteral("req-retry-1");
    record(retry, m_a, "2025-09-15T08:00:00"); // 24,800 + 160 + 400 = 25,360
    record(LedgerEntry::forUsage(kSeed, ledgerkind::ToolRound, usage(32001, 1000), seed), m_a,
           "2025-09-15T08:00:05"); // 38,401 + 16,000 = 54,401
    // Conversation B: a USD request and one without a price.
    LedgerEntry usd;
    usd.model = kClaude;
    usd.inputTokens = 1000;
    usd.outputTokens = 500;
    usd.currency = QStringLiteral("USD");
    usd.costMicros = 10500;
    record(usd, m_b, "2025-09-15T09:00:00");
    LedgerEntry unpriced;
    unpriced.model = QStringLiteral("mystery-model");
    unpriced.inputTokens = 10;
    unpriced.outputTokens = 0;
    unpriced.error = QStringLiteral("rate_limited");
    record(unpriced, m_b, "2025-09-15T09:01:00");
    // A CLI request: no conversation.
    record(LedgerEntry::forUsage(kSeed, ledgerkind::Chat, usage(100, 10), seed), 0, "2025-09-15T10:00:00");

    m_view = new UsageView;
    m_view->setTimeZone(QTimeZone::utc());
    m_view->setConversationTitles([this](qint64 id) {
        return id == m_a   ? QStringLiteral("Trip planning")
               : id == m_b ? QStringLiteral("Code review")
                           : QString();
    });
    m_view->setLedger(m_ledger.get());
    m_view->resize(1100, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TstUsageview::cleanup()
{
    delete m_view;
    m_view = nullptr;
    m_ledger.reset();
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void TstUsageview::conversationRequests()
{
    m_view->setConversation(m_a);
    QCOMPARE(m_view->conversation(), m_a);
    QCOMPARE(m_view->conversationPicker()->currentText(), QStringLiteral("Trip planning"));
    const QTableWidget* t = m_view->requestsTable();
    QCOMPARE(t->rowCount(), 3);
    QVERIFY(t->isColumnHidden(UsageView::ConversationColumn));
    // Oldest first, each with its tokens, tier, cost and time.
    QCOMPARE(text(t, 0, UsageView::TimeColumn), QStringLiteral("9/14/25 23:30:00"));
    QCOMPARE(text(t, 0, UsageView::KindColumn), QStringLiteral("Chat"));
    QCOMPARE(text(t, 0, UsageView::ModelColumn), kSeed);
    QCOMPARE(text(t, 0, UsageView::InputColumn), QStringLiteral("200,000"));
    QCOMPARE(text(t, 0, UsageView::OutputColumn), QStringLiteral("14,000"));
    QCOMPARE(text(t, 0, UsageView::ReasoningColumn), QStringLiteral("4,000"));
    QCOMPARE(text(t, 0, UsageView::TierColumn), QStringLiteral("输入长度 (128, 256]"));
    QCOMPARE(text(t, 0, UsageView::CostColumn), QStringLiteral("¥0.816"));
    QCOMPARE(text(t, 1, UsageView::KindColumn), QStringLiteral("Retry"));
    QCOMPARE(text(t, 1, UsageView::CachedColumn), QStringLiteral("1,000"));
    QCOMPARE(text(t, 1, UsageView::TierColumn), QStringLiteral("输入长度 [0, 32] 且输出长度 [0, 0.2]"));
    QCOMPARE(text(t, 1, UsageView::CostColumn), QStringLiteral("¥0.02536"));
    QVERIFY(t->item(1, UsageView::StatusColumn)->toolTip().contains(QStringLiteral("req-retry-1")));
    QCOMPARE(text(t, 2, UsageView::KindColumn), QStringLiteral("Tool round"));
    QCOMPARE(text(t, 2, UsageView::TierColumn), QStringLiteral("输入长度 (32, 128]"));
    QCOMPARE(text(t, 2, UsageView::CostColumn), QStringLiteral("¥0.054401"));

    // The conversation's total: 816,000 + 25,360 + 54,401 micros.
    const QString totals = m_view->totalsLabel()->text();
    QVERIFY2(totals.contains(QStringLiteral("Trip planning")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("¥0.895761")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("264,001 input (1,000 cached)")), qPrintable(totals));
    QVERIFY(m_view->exportButton()->isEnabled());
    QVERIFY(m_view->grab().save(QStringLiteral("/tmp/costui-usage.png")));
}

void TstUsageview::allRequests()
{
    m_view->setConversation(0);
    const QTableWidget* t = m_view->requestsTable();
    QCOMPARE(t->rowCount(), 6);
    QVERIFY(!t->isColumnHidden(UsageView::ConversationColumn));
    QCOMPARE(text(t, 3, UsageView::ConversationColumn), QStringLiteral("Code review"));
    QCOMPARE(text(t, 3, UsageView::CostColumn), QStringLiteral("$0.0105"));
    // No price: unknown, never 0; a failure says so.
    QCOMPARE(text(t, 4, UsageView::CostColumn), QStringLiteral("unknown"));
    QVERIFY(text(t, 4, UsageView::StatusColumn).contains(QStringLiteral("rate_limited")));
    QCOMPARE(text(t, 5, UsageView::ConversationColumn), QStringLiteral("(none)"));
    // Totals per currency, never added across: CNY = A + the CLI's 80 + 20 micros.
    const QString totals = m_view->totalsLabel()->text();
    QVERIFY2(totals.contains(QStringLiteral("¥0.895861")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("$0.0105")), qPrintable(totals));
    QVERIFY2(totals.contains(QStringLiteral("unknown")), qPrintable(totals));
    QCOMPARE(m_view->conversationPicker()->count(), 3); // all, A, B
}

void TstUsageview::totalsPerConversation()
{
    const QTableWidget* t = m_view->conversationTotalsTable();
    QCOMPARE(t->rowCount(), 3); // A in CNY; B in USD and B without a price
    const int a = rowWithKey(t, QStringLiteral("Trip planning"));
    QVERIFY(a >= 0);
    QCOMPARE(text(t, a, UsageView::RequestsColumn), QStringLiteral("3"));
    QCOMPARE(text(t, a, UsageView::TotalInputColumn), QStringLiteral("264,001"));
    QCOMPARE(text(t, a, UsageView::TotalCostColumn), QStringLiteral("¥0.895761"));
    const int bUsd = rowWithKey(t, QStringLiteral("Code review"), QStringLiteral("$"));
    QVERIFY(bUsd >= 0);
    QCOMPARE(text(t, bUsd, UsageView::TotalCostColumn), QStringLiteral("$0.0105"));
    const int bUnpriced = rowWithKey(t, QStringLiteral("Code review"), QStringLiteral("unknown"));
    QVERIFY(bUnpriced >= 0);
    QCOMPARE(text(t, bUnpriced, UsageView::RequestsColumn), QStringLiteral("1"));
    m_view->tabs()->setCurrentIndex(1);
    QVERIFY(m_view->grab().save(QStringLiteral("/tmp/costui-usage-conversations.png")));
}

void TstUsageview::totalsPerDayAndModel()
{
    const QTableWidget* days = m_view->dayTotalsTable();
    // Newest day first (UTC): 15th in CNY, USD and unpriced; 14th in CNY.
    QCOMPARE(days->rowCount(), 4);
    QCOMPARE(text(days, 0, UsageView::KeyColumn), QStringLiteral("2025-09-15"));
    QCOMPARE(text(days, days->rowCount() - 1, UsageView::KeyColumn), QStringLiteral("2025-09-14"));
    QCOMPARE(text(days, days->rowCount() - 1, UsageView::TotalCostColumn), QStringLiteral("¥0.816"));
    const int cny15 = rowWithKey(days, QStringLiteral("2025-09-15"), QStringLiteral("¥"));
    QVERIFY(cny15 >= 0);
    QCOMPARE(text(days, cny15, UsageView::RequestsColumn), QStringLiteral("3")); // retry, tool round, CLI
    QCOMPARE(text(days, cny15, UsageView::TotalCostColumn), QStringLiteral("¥0.079861"));

    // In UTC+8 the 23:30 request of the 14th falls on the 15th: one CNY day.
    m_view->setTimeZone(QTimeZone(8 * 3600));
    QCOMPARE(rowWithKey(days, QStringLiteral("2025-09-14")), -1);
    const int cnyLocal = rowWithKey(days, QStringLiteral("2025-09-15"), QStringLiteral("¥"));
    QVERIFY(cnyLocal >= 0);
    QCOMPARE(text(days, cnyLocal, UsageView::RequestsColumn), QStringLiteral("4"));
    QCOMPARE(text(days, cnyLocal, UsageView::TotalCostColumn), QStringLiteral("¥0.895861"));

    const QTableWidget* models = m_view->modelTotalsTable();
    QCOMPARE(models->rowCount(), 3);
    const int seed = rowWithKey(models, kSeed);
    QVERIFY(seed >= 0);
    QCOMPARE(text(models, seed, UsageView::RequestsColumn), QStringLiteral("4"));
    QCOMPARE(text(models, seed, UsageView::TotalReasoningColumn), QStringLiteral("4,000"));
    QCOMPARE(text(models, rowWithKey(models, kClaude), UsageView::TotalCostColumn),
             QStringLiteral("$0.0105"));
    QCOMPARE(text(models, rowWithKey(models, QStringLiteral("mystery-model")), UsageView::TotalCostColumn),
             UsageView::totalCostText(LedgerTotal{}));
}

void TstUsageview::csvExport()
{
    m_view->setConversation(m_a);
    const QString path = m_dir->filePath(QStringLiteral("export.csv"));
    QString error;
    QVERIFY2(m_view->exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    // Exactly the ledger's CSV of the listed rows, in the view's zone.
    QCOMPARE(csv, UsageLedger::toCsv(m_ledger->entries(m_a), QTimeZone::utc()));
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.size(), 5); // header, three rows, and the empty rest after the last CRLF
    QVERIFY(lines.at(1).contains("0.816000"));
    QVERIFY(lines.at(2).contains("req-retry-1"));
    QVERIFY(!csv.contains("claude-test"));

    // All requests: every row, B's and the CLI's included.
    m_view->setConversation(0);
    QVERIFY(m_view->exportCsv(path, &error));
    QVERIFY(file.seek(0));
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll().count("\r\n"), 7);

    // A path that cannot be written fails with a reason and leaves nothing behind.
    const QString bad = m_dir->filePath(QStringLiteral("no-such-folder/export.csv"));
    QVERIFY(!m_view->exportCsv(bad, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(bad));
}

void TstUsageview::refreshShowsNewRows()
{
    m_view->setConversation(m_b);
    QCOMPARE(m_view->requestsTable()->rowCount(), 2);
    LedgerEntry e;
    e.model = kClaude;
    e.inputTokens = 2000;
    e.outputTokens = 100;
    e.currency = QStringLiteral("USD");
    e.costMicros = 7500;
    record(e, m_b, "2025-09-16T12:00:00");
    QCOMPARE(m_view->requestsTable()->rowCount(), 2); // until refreshed
    m_view->refresh();
    QCOMPARE(m_view->requestsTable()->rowCount(), 3);
    QVERIFY(m_view->totalsLabel()->text().contains(QStringLiteral("$0.018")));
    QCOMPARE(text(m_view->dayTotalsTable(), 0, UsageView::KeyColumn), QStringLiteral("2025-09-16"));

    // An empty ledger view: nothing to export.
    m_view->setLedger(nullptr);
    QCOMPARE(m_view->requestsTable()->rowCount(), 0);
    QVERIFY(!m_view->exportButton()->isEnabled());
}

void TstUsageview::doubleClickOpensConversation()
{
    m_view->setConversation(0);
    m_view->tabs()->setCurrentIndex(1);
    QTableWidget* t = m_view->conversationTotalsTable();
    QTRY_VERIFY(t->isVisible() && t->viewport()->height() > 50); // laid out on its tab
    const int row = rowWithKey(t, QStringLiteral("Code review"), QStringLiteral("$"));
    QVERIFY(row >= 0);
    const QRect rect = t->visualItemRect(t->item(row, UsageView::KeyColumn));
    QSignalSpy clicks(t, &QTableWidget::cellDoubleClicked);
    // A real double click: the first click, then the second one (QTest's mouseDClick alone is
    // only the second half, which item views ignore without the first press).
    QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(t->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(clicks.size(), 1);
    QTRY_COMPARE(m_view->conversation(), m_b);
    QCOMPARE(m_view->tabs()->currentIndex(), 0);
    QCOMPARE(m_view->requestsTable()->rowCount(), 2);
    QCOMPARE(m_view->conversationPicker()->currentText(), QStringLiteral("Code review"));

    // And the picker goes back to all requests.
    m_view->conversationPicker()->setCurrentIndex(0);
    QCOMPARE(m_view->conversation(), qint64(0));
    QCOMPARE(m_view->requestsTable()->rowCount(), 6);
}

QTEST_MAIN(TstUsageview)
#include "tst_usageview.moc"
