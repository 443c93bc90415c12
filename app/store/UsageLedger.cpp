#include "UsageLedger.h"

#include "api/ChatTypes.h"
#include "pricing/PriceTable.h"

#include <QMap>
#include <QPair>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace ark::store {

namespace {

const QString kColumns = QStringLiteral(
    "id, conversation_id, message_id, created_at, model, kind, input_tokens, cached_tokens, output_tokens,"
    " reasoning_tokens, tier, currency, cost_micros, request_id, error");

QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

LedgerEntry readEntry(const QSqlQuery& q)
{
    LedgerEntry e;
    e.id = q.value(0).toLongLong();
    e.conversationId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    e.messageId = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
    e.time = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    e.model = q.value(4).toString();
    e.kind = q.value(5).toString();
    e.inputTokens = q.value(6).toLongLong();
    e.cachedTokens = q.value(7).toLongLong();
    e.outputTokens = q.value(8).toLongLong();
    e.reasoningTokens = q.value(9).toLongLong();
    e.tier = q.value(10).toString();
    e.currency = q.value(11).toString();
    if (!q.value(12).isNull())
        e.costMicros = q.value(12).toLongLong();
    e.requestId = q.value(13).toString();
    e.error = q.value(14).toString();
    return e;
}

void add(LedgerTotal& total, const LedgerEntry& e)
{
    ++total.requests;
    total.inputTokens += e.inputTokens;
    total.cachedTokens += e.cachedTokens;
    total.outputTokens += e.outputTokens;
    total.reasoningTokens += e.reasoningTokens;
    if (e.costMicros)
        total.costMicros += *e.costMicros;
    else
        ++total.unpricedRequests;
}

// Exact decimal text of a micros amount, without a currency symbol ("0.816000", "-0.000001").
QString decimalText(qint64 micros)
{
    const bool negative = micros < 0;
    const quint64 magnitude =
        negative ? quint64(0) - static_cast<quint64>(micros) : static_cast<quint64>(micros);
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(magnitude / 1000000)
        .arg(magnitude % 1000000, 6, 10, QLatin1Char('0'));
}

} // namespace

LedgerEntry LedgerEntry::forUsage(const QString& model, const QString& kind, const api::Usage& usage,
                                  const pricing::PriceTable& prices)
{
    LedgerEntry e;
    e.model = model;
    e.kind = kind;
    e.inputTokens = usage.promptTokens;
    e.cachedTokens = usage.cachedTokens;
    e.outputTokens = usage.completionTokens;
    e.reasoningTokens = usage.reasoningTokens;
    const pricing::CostBreakdown cost = prices.cost(
        {usage.promptTokens, std::min(usage.cachedTokens, usage.promptTokens), usage.completionTokens});
    if (cost.valid) {
        e.tier = cost.tier;
        e.currency = cost.currency;
        e.costMicros = cost.totalMicros();
    }
    return e;
}

UsageLedger::UsageLedger(Database& db) : m_db(db) {}

bool UsageLedger::record(LedgerEntry& entry)
{
    if (!entry.time.isValid())
        entry.time = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    QSqlQuery& q = m_db.prepared(QStringLiteral(
        "INSERT INTO ledger(conversation_id, message_id, created_at, model, kind, input_tokens,"
        " cached_tokens, output_tokens, reasoning_tokens, tier, currency, cost_micros,"
        " request_id, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariantList values{idOrNull(entry.conversationId),
                              idOrNull(entry.messageId),
                              entry.time.toMSecsSinceEpoch(),
                              text(entry.model),
                              text(entry.kind.isEmpty() ? ledgerkind::Other : entry.kind),
                              entry.inputTokens,
                              entry.cachedTokens,
                              entry.outputTokens,
                              entry.reasoningTokens,
                              text(entry.tier),
                              text(entry.currency),
                              entry.costMicros ? QVariant(*entry.costMicros) : QVariant(),
                              text(entry.requestId),
                              text(entry.error)};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    const bool ok = q.exec();
    if (ok)
        entry.id = q.lastInsertId().toLongLong();
    else
        m_db.setLastError(q.lastError().text());
    q.finish();
    return ok;
}

std::vector<LedgerEntry> UsageLedger::select(const QString& where, const QVariantList& values) const
{
    std::vector<LedgerEntry> rows;
    QSqlQuery& q =
        m_db.prepared(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM ledger WHERE ") + where +
                      QStringLiteral(" ORDER BY created_at, id"));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (q.exec()) {
        while (q.next())
            rows.push_back(readEntry(q));
    } else {
        m_db.setLastError(q.lastError().text());
    }
    q.finish();
    return rows;
}

std::vector<LedgerEntry> UsageLedger::entries(qint64 conversationId) const
{
    return select(QStringLiteral("conversation_id = ?"), {conversationId});
}

std::vector<LedgerEntry> UsageLedger::allEntries(const QDateTime& from, const QDateTime& to) const
{
    return select(QStringLiteral("(? IS NULL OR created_at >= ?) AND (? IS NULL OR created_at < ?)"),
                  {from.isValid() ? QVariant(from.toMSecsSinceEpoch()) : QVariant(),
                   from.isValid() ? QVariant(from.toMSecsSinceEpoch()) : QVariant(),
                   to.isValid() ? QVariant(to.toMSecsSinceEpoch()) : QVariant(),
                   to.isValid() ? QVariant(to.toMSecsSinceEpoch()) : QVariant()});
}

std::vector<LedgerTotal> UsageLedger::grouped(const QString& keyColumn, const QString& where) const
{
    // Grouped by currency as well as the key: amounts of different currencies are never added up.
    std::vector<LedgerTotal> totals;
    QSqlQuery& q = m_db.prepared(
        QStringLiteral(
            "SELECT %1, currency, count(*), total(input_tokens), total(cached_tokens),"
            " total(output_tokens), total(reasoning_tokens), sum(cost_micros),"
            " sum(cost_micros IS NULL) FROM ledger WHERE %2 GROUP BY %1, currency ORDER BY %1, currency")
            .arg(keyColumn, where));
    if (q.exec()) {
        while (q.next()) {
            LedgerTotal t;
            t.key = q.value(0).toString();
            t.currency = q.value(1).toString();
            t.requests = q.value(2).toLongLong();
            t.inputTokens = static_cast<qint64>(q.value(3).toDouble());
            t.cachedTokens = static_cast<qint64>(q.value(4).toDouble());
            t.outputTokens = static_cast<qint64>(q.value(5).toDouble());
            t.reasoningTokens = static_cast<qint64>(q.value(6).toDouble());
            t.costMicros = q.value(7).isNull() ? 0 : q.value(7).toLongLong(); // integer sum: exact
            t.unpricedRequests = q.value(8).toLongLong();
            totals.push_back(t);
        }
    } else {
        m_db.setLastError(q.lastError().text());
    }
    q.finish();
    return totals;
}

std::vector<LedgerTotal> UsageLedger::totalsForConversation(qint64 conversationId) const
{
    std::vector<LedgerTotal> totals;
    for (const LedgerEntry& e : entries(conversationId)) {
        auto it = std::find_if(totals.begin(), totals.end(),
                               [&](const LedgerTotal& t) { return t.currency == e.currency; });
        if (it == totals.end()) {
            LedgerTotal t;
            t.key = QString::number(conversationId);
            t.currency = e.currency;
            totals.push_back(t);
            it = totals.end() - 1;
        }
        add(*it, e);
    }
    return totals;
}

std::vector<LedgerTotal> UsageLedger::totalsPerConversation() const
{
    // Numeric order of the ids, not text order: the key column is an integer.
    return grouped(QStringLiteral("conversation_id"), QStringLiteral("conversation_id IS NOT NULL"));
}

std::vector<LedgerTotal> UsageLedger::totalsPerDay(const QDateTime& from, const QDateTime& to,
                                                   const QTimeZone& zone) const
{
    // The local date depends on the zone's rules at that instant (daylight saving), so the rows
    // are grouped here rather than with SQLite's 'localtime', which only knows the process's zone.
    QMap<QPair<QString, QString>, LedgerTotal> byDay;
    for (const LedgerEntry& e : allEntries(from, to)) {
        const QString day = e.time.toTimeZone(zone).date().toString(Qt::ISODate);
        LedgerTotal& t = byDay[{day, e.currency}];
        t.key = day;
        t.currency = e.currency;
        add(t, e);
    }
    std::vector<LedgerTotal> totals(byDay.cbegin(), byDay.cend());
    // Newest day first; within a day, currencies in alphabetical order.
    std::sort(totals.begin(), totals.end(), [](const LedgerTotal& a, const LedgerTotal& b) {
        return a.key != b.key ? a.key > b.key : a.currency < b.currency;
    });
    return totals;
}

std::vector<LedgerTotal> UsageLedger::totalsPerModel() const
{
    return grouped(QStringLiteral("model"), QStringLiteral("1"));
}

QString UsageLedger::csvField(const QString& value)
{
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) ||
                       value.startsWith(QLatin1Char(' ')) || value.endsWith(QLatin1Char(' '));
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray UsageLedger::toCsv(const std::vector<LedgerEntry>& rows, const QTimeZone& zone)
{
    static const QStringList header{QStringLiteral("time"),
                                    QStringLiteral("conversation_id"),
                                    QStringLiteral("message_id"),
                                    QStringLiteral("model"),
                                    QStringLiteral("kind"),
                                    QStringLiteral("input_tokens"),
                                    QStringLiteral("cached_tokens"),
                                    QStringLiteral("output_tokens"),
                                    QStringLiteral("reasoning_tokens"),
                                    QStringLiteral("tier"),
                                    QStringLiteral("currency"),
                                    QStringLiteral("cost"),
                                    QStringLiteral("request_id"),
                                    QStringLiteral("error")};
    QString out = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const LedgerEntry& e : rows) {
        const QStringList fields{
            e.time.toTimeZone(zone).toString(Qt::ISODateWithMs),
            e.conversationId > 0 ? QString::number(e.conversationId) : QString(),
            e.messageId > 0 ? QString::number(e.messageId) : QString(),
            e.model,
            e.kind,
            QString::number(e.inputTokens),
            QString::number(e.cachedTokens),
            QString::number(e.outputTokens),
            QString::number(e.reasoningTokens),
            e.tier,
            e.currency,
            e.costMicros ? decimalText(*e.costMicros) : QString(),
            e.requestId,
            e.error,
        };
        QStringList quoted;
        for (const QString& field : fields)
            quoted << csvField(field);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace ark::store
