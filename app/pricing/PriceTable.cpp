#include "PriceTable.h"

namespace ark::pricing {

bool TokenRange::contains(qint64) const { return false; }
std::optional<qint64> TokenRange::firstAbove() const { return std::nullopt; }
bool PriceTier::matches(qint64, qint64) const { return false; }
PriceTable PriceTable::fromJson(const QJsonObject&, QString*) { return {}; }
QJsonObject PriceTable::toJson() const { return {}; }
int PriceTable::tierFor(qint64, qint64) const { return -1; }
CostBreakdown PriceTable::cost(const TokenCounts&) const { return {}; }
std::vector<int> PriceTable::possibleTiers(qint64, qint64) const { return {}; }
QString formatMoney(qint64, const QString&, int) { return {}; }
std::optional<qint64> parseMicros(const QString&) { return std::nullopt; }

} // namespace ark::pricing
