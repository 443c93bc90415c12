// The usage ledger: one row per request, totals per conversation, day and model that never mix
// currencies, rows that outlive purged conversations, and the CSV export (RFC 4180).
#include "api/ChatTypes.h"
#include "pricing/PriceTable.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/UsageLedger.h"
#include "support/PriceFixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ark::store;

namespace {

using ark::testsupport::seed16Prices;
using ark::testsupport::utc;

LedgerEntry entry(qint64 conversation, const char* when, const QString& model, const QString& currency,
                  std::optional<qint64> micros, const QString& kind = ledgerkind::Chat)
{
    LedgerEntry e;
    e.conversationId = conversation;
    e.time = utc(when);
    e.model = model;
    e.kind = kind;
    e.inputTokens = 100;
    e.cachedTokens = 10;
    e.outputTokens = 50;
    e.reasoningTokens = 20;
    e.currency = currency;
    e.costMicros = micros;
    return e;
}

// A small RFC 4180 reader, to check that the export reads back to the same fields.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

} // namespace

class TstUsageledger : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QString error;
        QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("ledger.sqlite3")), &error), qPrintable(error));
        QVERIFY(m_db->schemaVersion() >= 4); // the ledger arrived with version 4
        m_store = std::make_unique<ConversationStore>(*m_db);
        m_ledger = std::make_unique<UsageLedger>(*m_db);
        m_a = m_store->createConversation(QStringLiteral("A")).id;
        m_b = m_store->createConversation(QStringLiteral("B")).id;
        QVERIFY(m_a > 0 && m_b > 0);
    }

    void cleanup()
    {
        m_ledger.reset();
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void recordAndReadBack()
    {
        MessageRecord m;
        m.conversationId = m_a;
        m.content = QStringLiteral("question");
        QVERIFY(m_store->appendMessage(m) > 0);

        LedgerEntry e = entry(m_a, "2025-09-15T08:00:00.123", QStringLiteral("doubao-seed-1-6-250615"),
                              QStringLiteral("CNY"), 816000);
        e.messageId = m.id;
        e.tier = QStringLiteral("输入长度 (128, 256]");
        e.requestId = QStringLiteral("0217abc");
        QVERIFY(m_ledger->record(e));
        QVERIFY(e.id > 0);
        LedgerEntry unpriced = entry(m_a, "2025-09-15T09:00:00", QStringLiteral("my-endpoint"), QString(),
                                     std::nullopt, ledgerkind::Retry);
        unpriced.error = QStringLiteral("rate_limited");
        QVERIFY(m_ledger->record(unpriced));
        LedgerEntry now = entry(m_a, "2025-09-15T07:00:00", QStringLiteral("x"), QString(), std::nullopt);
        now.time = QDateTime();
        QVERIFY(m_ledger->record(now));
        QVERIFY(now.time.isValid()); // stamped at record time

        const auto rows = m_ledger->entries(m_a);
        QCOMPARE(rows.size(), size_t(3));
        const LedgerEntry& first = rows[0]; // oldest first
        QCOMPARE(first.id, e.id);
        QCOMPARE(first.conversationId, m_a);
        QCOMPARE(first.messageId, m.id);
        QCOMPARE(first.time, e.time);
        QCOMPARE(first.time.toMSecsSinceEpoch() % 1000, qint64(123));
        QCOMPARE(first.model, QStringLiteral("doubao-seed-1-6-250615"));
        QCOMPARE(first.kind, ledgerkind::Chat);
        QCOMPARE(first.inputTokens, qint64(100));
        QCOMPARE(first.cachedTokens, qint64(10));
        QCOMPARE(first.outputTokens, qint64(50));
        QCOMPARE(first.reasoningTokens, qint64(20));
        QCOMPARE(first.tier, QStringLiteral("输入长度 (128, 256]"));
        QCOMPARE(first.currency, QStringLiteral("CNY"));
        QCOMPARE(first.costMicros, std::optional<qint64>(816000));
        QCOMPARE(first.requestId, QStringLiteral("0217abc"));
        QCOMPARE(rows[1].messageId, qint64(0));
        QCOMPARE(rows[1].kind, ledgerkind::Retry);
        QVERIFY(!rows[1].costMicros); // unknown stays unknown, not 0
        QCOMPARE(rows[1].error, QStringLiteral("rate_limited"));
        QVERIFY(m_ledger->entries(m_b).empty());
    }

    void entryForUsagePricesWithTheTierThatApplied()
    {
        ark::api::Usage usage;
        usage.present = true;
        usage.promptTokens = 200000;
        usage.completionTokens = 14000;
        usage.reasoningTokens = 9000; // part of the 14,000, never added again
        const LedgerEntry e = LedgerEntry::forUsage(QStringLiteral("doubao-seed-1-6-250615"),
                                                    ledgerkind::ToolRound, usage, seed16Prices());
        QCOMPARE(e.costMicros, std::optional<qint64>(816000));
        QCOMPARE(e.tier, QStringLiteral("输入长度 (128, 256]"));
        QCOMPARE(e.currency, QStringLiteral("CNY"));
        QCOMPARE(e.kind, ledgerkind::ToolRound);
        QCOMPARE(e.outputTokens, qint64(14000));
        QCOMPARE(e.reasoningTokens, qint64(9000));

        usage.promptTokens = 100000;
        usage.cachedTokens = 60000;
        usage.completionTokens = 500;
        QCOMPARE(
            LedgerEntry::forUsage(QStringLiteral("m"), ledgerkind::Chat, usage, seed16Prices()).costMicros,
            std::optional<qint64>(65600));
        // No price known: recorded with an unknown cost.
        const LedgerEntry unknown =
            LedgerEntry::forUsage(QStringLiteral("m"), ledgerkind::Chat, usage, ark::pricing::PriceTable());
        QVERIFY(!unknown.costMicros);
        QVERIFY(unknown.currency.isEmpty());
        QCOMPARE(unknown.inputTokens, qint64(100000));
    }

    void totalsNeverMixCurrencies()
    {
        const QString cny = QStringLiteral("CNY");
        const QString usd = QStringLiteral("USD");
        for (LedgerEntry e :
             {entry(m_a, "2025-09-15T01:00:00", QStringLiteral("doubao"), cny, 1000),
              entry(m_a, "2025-09-15T02:00:00", QStringLiteral("doubao"), cny, 2500),
              entry(m_a, "2025-09-15T03:00:00", QStringLiteral("claude"), usd, 700),
              entry(m_a, "2025-09-15T04:00:00", QStringLiteral("endpoint"), QString(), std::nullopt),
              entry(m_b, "2025-09-16T01:00:00", QStringLiteral("doubao"), cny, 40),
              entry(0, "2025-09-16T02:00:00", QStringLiteral("doubao"), cny, 5, ledgerkind::Tokenization)})
            QVERIFY(m_ledger->record(e));

        const auto a = m_ledger->totalsForConversation(m_a);
        QCOMPARE(a.size(), size_t(3));
        auto find = [](const std::vector<LedgerTotal>& totals, const QString& key, const QString& currency) {
            for (const LedgerTotal& t : totals)
                if (t.key == key && t.currency == currency)
                    return t;
            return LedgerTotal{QStringLiteral("missing"), {}, -1, 0, 0, 0, 0, 0, 0};
        };
        const QString aKey = QString::number(m_a);
        QCOMPARE(find(a, aKey, cny).costMicros, qint64(3500));
        QCOMPARE(find(a, aKey, cny).requests, qint64(2));
        QCOMPARE(find(a, aKey, cny).inputTokens, qint64(200));
        QCOMPARE(find(a, aKey, cny).reasoningTokens, qint64(40));
        QCOMPARE(find(a, aKey, usd).costMicros, qint64(700));
        QCOMPARE(find(a, aKey, QString()).unpricedRequests, qint64(1));
        QCOMPARE(find(a, aKey, QString()).costMicros, qint64(0));

        const auto perConversation = m_ledger->totalsPerConversation();
        QCOMPARE(perConversation.size(), size_t(4)); // A: CNY, USD, unpriced; B: CNY; the CLI row has none
        QCOMPARE(find(perConversation, aKey, cny).costMicros, qint64(3500));
        QCOMPARE(find(perConversation, QString::number(m_b), cny).costMicros, qint64(40));
        QCOMPARE(perConversation.front().key, aKey); // ordered by id

        const auto perModel = m_ledger->totalsPerModel();
        QCOMPARE(find(perModel, QStringLiteral("doubao"), cny).costMicros, qint64(3545));
        QCOMPARE(find(perModel, QStringLiteral("doubao"), cny).requests, qint64(4));
        QCOMPARE(find(perModel, QStringLiteral("claude"), usd).costMicros, qint64(700));
        QCOMPARE(find(perModel, QStringLiteral("endpoint"), QString()).unpricedRequests, qint64(1));
        QCOMPARE(perModel.size(), size_t(3));

        const auto perDay = m_ledger->totalsPerDay({}, {}, QTimeZone::utc());
        QCOMPARE(perDay.size(), size_t(4));
        QCOMPARE(perDay.front().key, QStringLiteral("2025-09-16")); // newest first
        QCOMPARE(find(perDay, QStringLiteral("2025-09-16"), cny).costMicros, qint64(45));
        QCOMPARE(find(perDay, QStringLiteral("2025-09-15"), cny).costMicros, qint64(3500));
        QCOMPARE(find(perDay, QStringLiteral("2025-09-15"), usd).costMicros, qint64(700));
    }

    void daysAreLocalDates()
    {
        // 15:59:59 UTC is 23:59:59 in Beijing; 16:00:00 UTC is already the next day there.
        LedgerEntry early = entry(m_a, "2025-09-15T15:59:59", QStringLiteral("m"), QStringLiteral("CNY"), 1);
        QVERIFY(m_ledger->record(early));
        LedgerEntry late = entry(m_a, "2025-09-15T16:00:00", QStringLiteral("m"), QStringLiteral("CNY"), 2);
        QVERIFY(m_ledger->record(late));
        const QTimeZone beijing(8 * 3600);
        const auto local = m_ledger->totalsPerDay({}, {}, beijing);
        QCOMPARE(local.size(), size_t(2));
        QCOMPARE(local[0].key, QStringLiteral("2025-09-16"));
        QCOMPARE(local[0].costMicros, qint64(2));
        QCOMPARE(local[1].key, QStringLiteral("2025-09-15"));
        QCOMPARE(local[1].costMicros, qint64(1));
        const auto inUtc = m_ledger->totalsPerDay({}, {}, QTimeZone::utc());
        QCOMPARE(inUtc.size(), size_t(1));
        QCOMPARE(inUtc[0].costMicros, qint64(3));
        // A range: only what happened from the start of the 16th, Beijing time.
        const QDateTime from(QDate(2025, 9, 16), QTime(0, 0), beijing);
        const auto range = m_ledger->totalsPerDay(from, {}, beijing);
        QCOMPARE(range.size(), size_t(1));
        QCOMPARE(range[0].costMicros, qint64(2));
        QCOMPARE(m_ledger->allEntries(from, from.addDays(1)).size(), size_t(1));
        QCOMPARE(m_ledger->allEntries().size(), size_t(2));
    }

    void rowsOutliveWhatTheyBelongTo()
    {
        MessageRecord m;
        m.conversationId = m_a;
        QVERIFY(m_store->appendMessage(m) > 0);
        LedgerEntry e = entry(m_a, "2025-09-15T08:00:00", QStringLiteral("m"), QStringLiteral("CNY"), 500);
        e.messageId = m.id;
        QVERIFY(m_ledger->record(e));
        QVERIFY(m_store->deleteConversation(m_a));
        QCOMPARE(m_store->purgeDeleted(), 1);
        // The money was spent: the day's and the model's totals keep it, without the link.
        QVERIFY(m_ledger->entries(m_a).empty());
        const auto all = m_ledger->allEntries();
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all[0].conversationId, qint64(0));
        QCOMPARE(all[0].messageId, qint64(0));
        QCOMPARE(m_ledger->totalsPerDay({}, {}, QTimeZone::utc()).at(0).costMicros, qint64(500));
        QVERIFY(m_ledger->totalsPerConversation().empty());
    }

    void recordingForAnUnknownConversationFails()
    {
        LedgerEntry e = entry(987654, "2025-09-15T08:00:00", QStringLiteral("m"), QStringLiteral("CNY"), 1);
        QVERIFY(!m_ledger->record(e));
        QVERIFY(!m_db->lastError().isEmpty());
        QVERIFY(m_ledger->allEntries().empty());
    }

    void csvField_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << "doubao"
                               << "doubao";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "输入长度 (128, 256]"
                               << "\"输入长度 (128, 256]\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("cr") << "a\rb"
                            << "\"a\rb\"";
        QTest::newRow("leading space") << " x"
                                       << "\" x\"";
    }
    void csvField()
    {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(UsageLedger::csvField(value), field);
    }

    void csvExport()
    {
        LedgerEntry priced = entry(m_a, "2025-09-15T08:00:00.5", QStringLiteral("doubao-seed-1-6-250615"),
                                   QStringLiteral("CNY"), 816000);
        priced.tier = QStringLiteral("输入长度 (128, 256]");
        priced.requestId = QStringLiteral("id \"quoted\"\nnext line");
        QVERIFY(m_ledger->record(priced));
        LedgerEntry unpriced = entry(m_a, "2025-09-15T09:00:00", QStringLiteral("ep-1"), QString(),
                                     std::nullopt, ledgerkind::Tokenization);
        QVERIFY(m_ledger->record(unpriced));
        LedgerEntry tiny = entry(m_a, "2025-09-15T10:00:00", QStringLiteral("m"), QStringLiteral("USD"), 7);
        QVERIFY(m_ledger->record(tiny));

        const QByteArray csv = UsageLedger::toCsv(m_ledger->entries(m_a), QTimeZone(8 * 3600));
        QVERIFY(csv.endsWith("\r\n"));
        QVERIFY(csv.startsWith("time,conversation_id,message_id,model,kind,input_tokens,cached_tokens,"
                               "output_tokens,reasoning_tokens,tier,currency,cost,request_id,error\r\n"));
        const auto rows = parseCsv(QString::fromUtf8(csv));
        QCOMPARE(rows.size(), 4);
        for (const QStringList& row : rows)
            QCOMPARE(row.size(), 14);
        QCOMPARE(rows[1][0], QStringLiteral("2025-09-15T16:00:00.500+08:00"));
        QCOMPARE(rows[1][1], QString::number(m_a));
        QCOMPARE(rows[1][2], QString());
        QCOMPARE(rows[1][3], QStringLiteral("doubao-seed-1-6-250615"));
        QCOMPARE(rows[1][4], QStringLiteral("chat"));
        QCOMPARE(rows[1][5], QStringLiteral("100"));
        QCOMPARE(rows[1][8], QStringLiteral("20"));
        QCOMPARE(rows[1][9], QStringLiteral("输入长度 (128, 256]"));
        QCOMPARE(rows[1][10], QStringLiteral("CNY"));
        QCOMPARE(rows[1][11], QStringLiteral("0.816000"));
        QCOMPARE(rows[1][12], QStringLiteral("id \"quoted\"\nnext line"));
        QCOMPARE(rows[2][4], QStringLiteral("tokenization"));
        QCOMPARE(rows[2][11], QString()); // unknown cost: empty, not 0
        QCOMPARE(rows[3][11], QStringLiteral("0.000007"));
        QCOMPARE(rows[3][10], QStringLiteral("USD"));
        // Quoting where RFC 4180 requires it.
        QVERIFY(csv.contains(QStringLiteral("\"输入长度 (128, 256]\"").toUtf8()));
        QVERIFY(csv.contains("\"id \"\"quoted\"\"\nnext line\""));
        // Only a header for nothing.
        QCOMPARE(UsageLedger::toCsv({}).count("\r\n"), 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<UsageLedger> m_ledger;
    qint64 m_a = 0;
    qint64 m_b = 0;
};

QTEST_GUILESS_MAIN(TstUsageledger)
#include "tst_usageledger.moc"
