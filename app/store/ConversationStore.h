// Conversations and their message trees on top of Database. Every call is synchronous and short
// (prepared statements, indexed lookups, at most one transaction); run it on the thread that opened
// the Database.
//
// Messages form a tree: edit-and-resend and regenerate add a sibling under the same parent. A
// conversation remembers the leaf its active branch ends at; activePath() walks from the root to it.
// "Newest" means the highest id: ids only grow, and import and duplicate insert in tree order.
#pragma once

#include "Database.h"
#include "StoreTypes.h"

#include <optional>
#include <vector>

namespace ark::store {

// What the conversation view shows: the path root -> leaf and, parallel to it, each message's place
// among its siblings. Read as one snapshot, so the two always agree.
struct ActiveBranch
{
    qint64 conversationId = 0;
    qint64 leafId = 0; // the last message of path (0 = the path is empty)
    std::vector<MessageRecord> path;
    std::vector<BranchPosition> positions;
};

class ConversationStore
{
public:
    explicit ConversationStore(Database& db);

    Database& database() const { return m_db; }

    // --- conversations -------------------------------------------------------------------------
    ConversationRecord createConversation(const QString& title, const QString& model = {}); // id 0 on failure
    // Also returns soft-deleted conversations (deletedAt set), so an undo can show what it restores.
    std::optional<ConversationRecord> conversation(qint64 id) const;
    std::vector<ConversationRecord>
    listConversations() const; // not deleted; pinned first, then updatedAt desc
    bool renameConversation(qint64 id, const QString& title);
    bool setPinned(qint64 id, bool pinned);
    bool updateSettings(qint64 id, const QString& model, const QString& systemPrompt,
                        const QString& paramsJson);
    std::optional<qint64> duplicateConversation(qint64 id); // copies the active path only (title + " (copy)")
    bool deleteConversation(qint64 id);  // soft delete: hidden from list/search until purged
    bool restoreConversation(qint64 id); // the undo
    // Removes soft-deleted conversations for good, with their messages. With a valid cutoff, only those
    // deleted before it (so a pending undo survives a purge at start-up).
    int purgeDeleted(const QDateTime& deletedBefore = {});
    // A new conversation holding `messages` (a tree whose parentId refer to the given ids; parents need
    // not come first). Ids are remapped; conversation.currentLeafId picks the active branch (if it is not
    // among the messages, the newest branch is used). Title, pinned, createdAt, model, system prompt and
    // parameters are kept; updatedAt becomes now. All or nothing.
    std::optional<qint64> importConversation(const ConversationRecord& conversation,
                                             const std::vector<MessageRecord>& messages,
                                             QString* error = nullptr);

    // --- messages ------------------------------------------------------------------------------
    // Inserts (sets id, and createdAt when null), makes it the conversation's current leaf and bumps
    // updatedAt, in one transaction. Returns 0 (and leaves message.id 0) on failure, e.g. an unknown
    // conversation or a parent from another conversation.
    qint64 appendMessage(MessageRecord& message);
    bool
    updateMessage(const MessageRecord& message); // all mutable columns (not conversation, parent, createdAt)
    // The cheap path called about once a second while streaming: one row, no index work.
    bool saveStreamingText(qint64 messageId, const QString& content, const QString& reasoning);
    // Deletes the message and all its descendants. When the active branch went with them, the
    // conversation's leaf moves to the newest remaining branch under the same parent (or to the parent).
    bool deleteMessage(qint64 messageId);
    std::vector<MessageRecord> activePath(qint64 conversationId) const;  // root -> current leaf
    std::vector<MessageRecord> allMessages(qint64 conversationId) const; // the whole tree, by id
    std::vector<MessageRecord> siblings(qint64 messageId) const; // same parent (incl. itself), oldest first
    // For each message of `path`, its place among its siblings: one query for the whole path.
    std::vector<BranchPosition> branchPositions(const std::vector<MessageRecord>& path) const;
    // Current leaf = the newest descendant chain of messageId (following the newest child each step).
    bool selectBranch(qint64 messageId);
    // Reading a branch in one snapshot (a read transaction). Opening a 10,000-message conversation
    // reads for tens of milliseconds, so the app calls these through HistoryLoader, on a connection of
    // its own on a worker thread; they are equally correct (and used by tests) on any connection.
    ActiveBranch activeBranch(qint64 conversationId) const; // activePath + branchPositions
    // The branch selectBranch(messageId) would make active, read without selecting it (finding the leaf
    // walks the whole chain under messageId). Empty when messageId does not exist.
    ActiveBranch branchThrough(qint64 messageId) const;
    // Makes leafId the current leaf: one UPDATE, no walk (the leaf comes from branchThrough). False when
    // leafId is not a message of the conversation.
    bool setActiveLeaf(qint64 conversationId, qint64 leafId);
    std::optional<MessageRecord> message(qint64 id) const;
    int markInterruptedStreams(); // at start-up: every Streaming message becomes Interrupted

    // --- search --------------------------------------------------------------------------------
    // Every whitespace-separated word must occur (case-insensitive substring). Any text is safe: words
    // are quoted for FTS5, never parsed as query syntax. Words of 3+ characters use the trigram index;
    // shorter ones (common in Chinese: 你好) are checked with LIKE. Title matches come first
    // (messageId 0), then messages, newest first. Deleted conversations are left out.
    std::vector<SearchHit> search(const QString& text, int limit = 50) const;

    // The attachments JSON of every stored message that has one (deleted conversations included until
    // they are purged: an undo must find their files), for the attachment store's garbage collection.
    QStringList allAttachmentLists() const;

private:
    qint64 newestLeafUnder(qint64 messageId) const;
    qint64 newestRootLeaf(qint64 conversationId) const;
    bool setCurrentLeaf(qint64 conversationId, qint64 leafId, bool touch);
    std::vector<MessageRecord> queryMessages(const QString& sql, const QVariantList& values) const;
    std::vector<MessageRecord> pathTo(qint64 leafId) const; // root -> leafId
    ActiveBranch branchOf(qint64 conversationId, std::vector<MessageRecord> path) const;
    qint64 insertMessageRow(MessageRecord& message); // no transaction, no leaf update

    Database& m_db;
};

} // namespace ark::store
