// Value types of the conversation store and their text forms in the database and in exports.
// Nothing here touches SQL: these are plain records the session, the models and the exporter share.
#pragma once

#include "api/ChatTypes.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace ark::store {

// Streaming is the partial flag: a message in that state when the app starts was cut off by a crash
// or a kill and becomes Interrupted (ConversationStore::markInterruptedStreams).
enum class MessageState { Complete, Streaming, Interrupted, Failed };

struct MessageRecord
{
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 parentId = 0; // 0 = first message (root level)
    api::Role role = api::Role::User;
    QString content;
    QString reasoning;
    std::vector<api::ToolCall> toolCalls;
    QString toolCallId;
    QString toolName;
    QString attachmentsJson; // opaque JSON text for a later feature, "" = none
    api::Usage usage;
    QString model;
    QString finishReason;
    QDateTime createdAt; // UTC, millisecond precision
    qint64 ttftMs = -1, totalMs = -1, reasoningMs = -1;
    MessageState state = MessageState::Complete;
    QString errorKind, errorCode, errorMessage, requestId;
    int errorStatus = 0;
};

struct ConversationRecord
{
    qint64 id = 0;
    QString title;
    bool pinned = false;
    QDateTime createdAt, updatedAt; // UTC
    QString model;
    QString systemPrompt;
    QString paramsJson;       // opaque JSON text
    qint64 currentLeafId = 0; // the message the active branch ends at (0 = empty)
    QDateTime deletedAt;      // null unless soft-deleted (waiting for undo or purge)
};

// A search result. messageId == 0 means the conversation title matched (the snippet is the title).
// The snippet marks each match with \x02 (start) and \x03 (end) so the UI can highlight it.
struct SearchHit
{
    qint64 conversationId = 0;
    qint64 messageId = 0;
    QString conversationTitle;
    QString snippet;
};

inline constexpr QChar kHighlightStart = QChar(u'\x02');
inline constexpr QChar kHighlightEnd = QChar(u'\x03');

// Where a message stands among its siblings: the UI shows "< index+1/count >".
struct BranchPosition
{
    int index = 0; // 0-based, oldest sibling first
    int count = 1;
};

// Stable text forms (database columns and export files): never translated, never renamed.
QString roleToText(api::Role role); // "system", "user", "assistant", "tool"
std::optional<api::Role> roleFromText(const QString& text);
QString stateToText(MessageState state); // "complete", "streaming", "interrupted", "failed"
std::optional<MessageState> stateFromText(const QString& text);

// Tool calls as a compact JSON array ("" when there are none); invalid text yields no calls.
QString toolCallsToJson(const std::vector<api::ToolCall>& calls);
std::vector<api::ToolCall> toolCallsFromJson(const QString& json);

// Millisecond-precision UTC, as stored (the database keeps milliseconds since the epoch).
QDateTime nowUtc();
QDateTime fromEpochMs(qint64 ms);

} // namespace ark::store
