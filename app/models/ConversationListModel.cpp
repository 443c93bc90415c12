#include "ConversationListModel.h"

#include <QSet>
#include <algorithm>

namespace ark::models {

namespace {

// The sidebar order: pinned first, then the latest activity; equal times put the newer id first so
// the order is total and a re-sort never shuffles rows that did not change.
bool comesBefore(const store::ConversationRecord& a, const store::ConversationRecord& b)
{
    if (a.pinned != b.pinned)
        return a.pinned;
    if (a.updatedAt != b.updatedAt)
        return a.updatedAt > b.updatedAt;
    return a.id > b.id;
}

} // namespace

ConversationListModel::ConversationListModel(QObject* parent) : QAbstractListModel(parent) {}

int ConversationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(rows().size());
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const
{
    // Views ask for invalid indexes now and then (an empty area, a stale row): answer nothing, quietly.
    if (!index.isValid() || index.model() != this || index.column() != 0 || index.row() < 0 ||
        size_t(index.row()) >= rows().size())
        return {};
    const Row& row = rows()[size_t(index.row())];
    const store::ConversationRecord& c = row.conversation;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return c.title;
    case ConversationIdRole:
        return c.id;
    case PinnedRole:
        return c.pinned;
    case UpdatedAtRole:
        return c.updatedAt;
    case ModelRole:
        return c.model;
    case SnippetRole:
        return m_searching ? row.snippet : QString();
    case MatchMessageIdRole:
        return m_searching ? row.matchMessageId : qint64(0);
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ConversationIdRole, "conversationId");
    names.insert(TitleRole, "title");
    names.insert(PinnedRole, "pinned");
    names.insert(UpdatedAtRole, "updatedAt");
    names.insert(ModelRole, "model");
    names.insert(SnippetRole, "snippet");
    names.insert(MatchMessageIdRole, "matchMessageId");
    return names;
}

void ConversationListModel::setConversations(std::vector<store::ConversationRecord> conversations)
{
    std::vector<Row> sorted;
    sorted.reserve(conversations.size());
    for (store::ConversationRecord& c : conversations)
        sorted.push_back({std::move(c), {}, 0});
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Row& a, const Row& b) { return comesBefore(a.conversation, b.conversation); });
    // In search mode the view shows the results, so replacing the full list is not a change it sees.
    if (!m_searching)
        beginResetModel();
    m_all = std::move(sorted);
    if (!m_searching)
        endResetModel();
}

void ConversationListModel::upsert(const store::ConversationRecord& conversation)
{
    // The search rows show the same conversation: keep their title, pin and time current.
    for (size_t i = 0; i < m_results.size(); ++i) {
        if (m_results[i].conversation.id != conversation.id)
            continue;
        m_results[i].conversation = conversation;
        if (m_searching)
            emit dataChanged(index(int(i)), index(int(i)));
    }

    const auto byOrder = [](const Row& a, const store::ConversationRecord& b) {
        return comesBefore(a.conversation, b);
    };
    const int from = indexIn(m_all, conversation.id);
    if (from < 0) {
        const auto at = std::lower_bound(m_all.begin(), m_all.end(), conversation, byOrder);
        const int row = int(at - m_all.begin());
        if (!m_searching)
            beginInsertRows({}, row, row);
        m_all.insert(at, Row{conversation, {}, 0});
        if (!m_searching)
            endInsertRows();
        return;
    }

    // Where it belongs among the other rows (the list without it stays sorted).
    const auto fromIt = m_all.begin() + from;
    int to = int(std::lower_bound(m_all.begin(), fromIt, conversation, byOrder) - m_all.begin());
    if (to == from)
        to = from + int(std::lower_bound(fromIt + 1, m_all.end(), conversation, byOrder) - (fromIt + 1));

    if (to != from) {
        // Qt names the destination as a row of the list before the move: moving down means "before
        // the row that will follow it", one past its final index.
        const int destination = to > from ? to + 1 : to;
        if (!m_searching)
            beginMoveRows({}, from, from, {}, destination);
        if (to > from)
            std::rotate(fromIt, fromIt + 1, m_all.begin() + to + 1);
        else
            std::rotate(m_all.begin() + to, fromIt, fromIt + 1);
        if (!m_searching)
            endMoveRows();
    }
    m_all[size_t(to)].conversation = conversation;
    if (!m_searching)
        emit dataChanged(index(to), index(to));
}

void ConversationListModel::remove(qint64 conversationId)
{
    const int row = indexIn(m_all, conversationId);
    if (row >= 0) {
        if (!m_searching)
            beginRemoveRows({}, row, row);
        m_all.erase(m_all.begin() + row);
        if (!m_searching)
            endRemoveRows();
    }
    const int result = indexIn(m_results, conversationId);
    if (result >= 0) {
        if (m_searching)
            beginRemoveRows({}, result, result);
        m_results.erase(m_results.begin() + result);
        if (m_searching)
            endRemoveRows();
    }
}

void ConversationListModel::setSearchResults(const std::vector<store::SearchHit>& hits)
{
    std::vector<Row> results;
    QSet<qint64> seen;
    for (const store::SearchHit& hit : hits) {
        if (seen.contains(hit.conversationId))
            continue; // the first hit is the best one the store found for that conversation
        seen.insert(hit.conversationId);
        Row row;
        if (const store::ConversationRecord* known = conversation(hit.conversationId)) {
            row.conversation = *known;
        } else {
            row.conversation.id = hit.conversationId;
            row.conversation.title = hit.conversationTitle;
        }
        row.snippet = hit.snippet;
        row.matchMessageId = hit.messageId;
        results.push_back(std::move(row));
    }
    beginResetModel();
    m_results = std::move(results);
    m_searching = true;
    endResetModel();
}

void ConversationListModel::clearSearch()
{
    if (!m_searching && m_results.empty())
        return;
    beginResetModel();
    m_results.clear();
    m_searching = false;
    endResetModel();
}

int ConversationListModel::rowForId(qint64 conversationId) const
{
    return indexIn(rows(), conversationId);
}

const store::ConversationRecord* ConversationListModel::conversation(qint64 conversationId) const
{
    const int row = indexIn(m_all, conversationId);
    if (row >= 0)
        return &m_all[size_t(row)].conversation;
    const int result = indexIn(m_results, conversationId);
    return result >= 0 ? &m_results[size_t(result)].conversation : nullptr;
}

int ConversationListModel::indexIn(const std::vector<Row>& list, qint64 conversationId)
{
    // A linear scan: a sidebar holds hundreds to a few thousand rows and moves them on every upsert,
    // so an id index would cost as much to keep as it saves.
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i].conversation.id == conversationId)
            return int(i);
    return -1;
}

} // namespace ark::models
