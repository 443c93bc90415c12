// Loads a conversation's active branch on a worker thread with its own read connection (SQLite WAL
// lets it read while the UI thread's connection writes), so opening a 10,000-message conversation
// never blocks painting. Designed by the person implementing it; see ConversationSession::open.
#pragma once

#include <QObject>

namespace ark::store {

class HistoryLoader : public QObject
{
    Q_OBJECT
public:
    explicit HistoryLoader(QObject* parent = nullptr);
    ~HistoryLoader() override;
};

} // namespace ark::store
