#include "HistoryLoader.h"

namespace ark::store {
HistoryLoader::HistoryLoader(QObject* parent) : QObject(parent) {}
HistoryLoader::~HistoryLoader() = default;
} // namespace ark::store
