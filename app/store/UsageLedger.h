// Every request the app made, with its tokens, tier and cost: the per-conversation ledger and the
// usage view's totals (per conversation, per day, per model). Lives in the conversation database
// (table `ledger`); amounts are exact micros of their currency and never summed across currencies.
#pragma once

#include "store/Database.h"

namespace ark::store {

class UsageLedger
{
public:
    explicit UsageLedger(Database& db);

private:
    Database& m_db;
};

} // namespace ark::store
