// Every request the app made, with its tokens, tier and cost: the per-conversation ledger and the
// usage view's totals (per conversation, per day, per model). Lives in the conversation database
// (table `ledger`); amounts are exact micros of their currency and never summed across currencies.
#pragma once

#include "store/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <optional>
#include <vector>

namespace ark::api {
struct Usage;
}
namespace ark::pricing {
class PriceTable;
}

namespace ark::store {

// What a ledger row was for. Stored as its id text, so rows written by a newer version with a kind
// this one does not know still load (as "other" in kindFromId, the text itself kept in the row).
namespace ledgerkind {
inline const QString Chat = QStringLiteral("chat");   // a message sent by the person
inline const QString Retry = QStringLiteral("retry"); // the same request again (429, 5xx, regenerate)
inline const QString ToolRound = QStringLiteral("tool-round");      // the follow-up carrying tool results
inline const QString Tokenization = QStringLiteral("tokenization"); // exact token counting (free)
inline const QString Title = QStringLiteral("title");               // a background request naming the chat
inline const QString Other = QStringLiteral("other");
} // namespace ledgerkind

struct LedgerEntry
{
    qint64 id = 0;
    qint64 conversationId = 0; // 0 = none (a CLI request, or the conversation was purged)
    qint64 messageId = 0;      // 0 = none
    QDateTime time;            // UTC, millisecond precision; invalid = now (record())
    QString model;
    QString kind = ledgerkind::Chat;
    qint64 inputTokens = 0;           // prompt_tokens: cache hits included
    qint64 cachedTokens = 0;          // prompt_tokens_details.cached_tokens
    qint64 outputTokens = 0;          // completion_tokens: reasoning included
    qint64 reasoningTokens = 0;       // completion_tokens_details.reasoning_tokens (part of the output)
    QString tier;                     // the price tier's condition as the table writes it; "" = single price
    QString currency;                 // "" when no price was known
    std::optional<qint64> costMicros; // nullopt = no price known (shown as "unknown", never as 0)
    QString requestId;
    QString error; // api::errorKindName of a failed request, "" when it succeeded

    // A row for a request with this usage, priced with `prices` (the tier that applied to it).
    static LedgerEntry forUsage(const QString& model, const QString& kind, const api::Usage& usage,
                                const pricing::PriceTable& prices);
};

// Sums of the rows sharing a key and a currency.
struct LedgerTotal
{
    QString key;      // the conversation id, the local date ("2025-09-15") or the model id
    QString currency; // "" groups the rows without a known price
    qint64 requests = 0;
    qint64 inputTokens = 0;
    qint64 cachedTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    qint64 costMicros = 0;       // of the priced rows
    qint64 unpricedRequests = 0; // rows whose cost is unknown
};

class UsageLedger
{
public:
    explicit UsageLedger(Database& db);

    // Appends a row; fills entry.id (and entry.time when it was invalid). false on failure (the
    // database's lastError() says why).
    bool record(LedgerEntry& entry);

    // Oldest first.
    std::vector<LedgerEntry> entries(qint64 conversationId) const;
    // Every row with from <= time < to (an invalid bound is open), oldest first.
    std::vector<LedgerEntry> allEntries(const QDateTime& from = {}, const QDateTime& to = {}) const;

    // One total per currency used in the conversation (usually one).
    std::vector<LedgerTotal> totalsForConversation(qint64 conversationId) const;
    // Keyed by conversation id (rows without a conversation are left out), ordered by key.
    std::vector<LedgerTotal> totalsPerConversation() const;
    // Keyed by the date in `zone` (the person's local time by default), newest day first.
    std::vector<LedgerTotal> totalsPerDay(const QDateTime& from = {}, const QDateTime& to = {},
                                          const QTimeZone& zone = QTimeZone::systemTimeZone()) const;
    // Keyed by model id, ordered by key.
    std::vector<LedgerTotal> totalsPerModel() const;

    // RFC 4180 CSV (CRLF line ends, quoted where needed) with a header row; times in ISO 8601 with
    // the zone's offset, costs as exact decimals ("0.816000"), empty when unknown.
    static QByteArray toCsv(const std::vector<LedgerEntry>& rows,
                            const QTimeZone& zone = QTimeZone::systemTimeZone());
    static QString csvField(const QString& value); // one field, quoted when it must be

private:
    std::vector<LedgerEntry> select(const QString& where, const QVariantList& values) const;
    std::vector<LedgerTotal> grouped(const QString& keyColumn, const QString& where) const;

    Database& m_db;
};

} // namespace ark::store
