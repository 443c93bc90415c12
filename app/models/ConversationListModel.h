// The sidebar's conversations: pinned first, then by last activity. In search mode the rows are the
// conversations that matched, each with its best snippet.
#pragma once

#include "store/StoreTypes.h"

#include <QAbstractListModel>
#include <vector>

namespace ark::models {

class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        ConversationIdRole = Qt::UserRole + 1, // qint64
        TitleRole,                             // QString (Qt::DisplayRole gives the same)
        PinnedRole,                            // bool
        UpdatedAtRole,                         // QDateTime (UTC)
        ModelRole,                             // QString
        SnippetRole,        // QString with store::kHighlightStart/End marks; "" outside search mode
        MatchMessageIdRole, // qint64: the message that matched (0 = the title matched or not searching)
    };
    Q_ENUM(Roles)

    explicit ConversationListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setConversations(std::vector<store::ConversationRecord> conversations); // sorts them
    // Inserts or updates one conversation and moves it to its sorted place (beginMoveRows, so
    // selection survives).
    void upsert(const store::ConversationRecord& conversation);
    void remove(qint64 conversationId);

    // Search mode: one row per conversation that has hits (first hit wins), in hit order.
    void setSearchResults(const std::vector<store::SearchHit>& hits);
    void clearSearch(); // back to the full list
    bool isSearching() const { return m_searching; }

    int rowForId(qint64 conversationId) const; // -1 when absent
    const store::ConversationRecord* conversation(qint64 conversationId) const;

private:
    struct Row
    {
        store::ConversationRecord conversation;
        QString snippet;
        qint64 matchMessageId = 0;
    };
    std::vector<Row> m_all;     // sorted
    std::vector<Row> m_results; // search mode rows
    bool m_searching = false;
    const std::vector<Row>& rows() const { return m_searching ? m_results : m_all; }
    static int indexIn(const std::vector<Row>& list, qint64 conversationId); // -1 when absent
};

} // namespace ark::models
