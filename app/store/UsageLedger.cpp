#include "UsageLedger.h"

namespace ark::store {
UsageLedger::UsageLedger(Database& db) : m_db(db) {}
} // namespace ark::store
