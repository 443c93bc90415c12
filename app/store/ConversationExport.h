// A conversation as Markdown (for reading and sharing) and as JSON (for moving it between machines and
// back). JSON format "ark-workbench-conversation", version 1:
//   { "format": "ark-workbench-conversation", "version": 1,
//     "conversation": { "title", "pinned", "createdAt", "updatedAt", "model", "systemPrompt",
//                       "params" (the stored JSON text), "currentLeafId" },
//     "messages": [ { "id", "parentId" (0 = root), "role", "content", "reasoning", "toolCalls": [...],
//                     "toolCallId", "toolName", "attachments", "usage": {...} | null, "model",
//                     "finishReason", "createdAt", "ttftMs", "totalMs", "reasoningMs", "state",
//                     "error": {...} | null, "requestId" } ] }
// Times are ISO 8601 UTC with milliseconds. Exports never carry a key: the store holds none, and every
// string is scrubbed of "Bearer <token>" and "api_key=<value>" shapes anyway (scrubSecrets).
#pragma once

#include "ConversationStore.h"
#include "StoreTypes.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace ark::store {

inline const QString kExportFormatName = QStringLiteral("ark-workbench-conversation");
inline constexpr int kExportFormatVersion = 1;

// `messages` is what to export: the active path (activePath) or the whole tree (allMessages).
QString toMarkdown(const ConversationRecord& conversation, const std::vector<MessageRecord>& messages);
QByteArray toJson(const ConversationRecord& conversation, const std::vector<MessageRecord>& messages);

struct ParsedConversation
{
    ConversationRecord conversation;
    std::vector<MessageRecord> messages; // ids and parent links as in the file
};
std::optional<ParsedConversation> parseJson(const QByteArray& json, QString* error = nullptr);

// A new conversation with the same messages (parent links preserved, ids remapped); nothing is
// created when the file is invalid.
std::optional<qint64> importJson(ConversationStore& store, const QByteArray& json, QString* error = nullptr);

// Replaces credentials that look like "Bearer <token>" or "api_key: <value>" with "[redacted]".
QString scrubSecrets(const QString& text);

// The same functions grouped, for callers that prefer ConversationExport::toJson(...).
struct ConversationExport
{
    static QString toMarkdown(const ConversationRecord& c, const std::vector<MessageRecord>& m)
    {
        return store::toMarkdown(c, m);
    }
    static QByteArray toJson(const ConversationRecord& c, const std::vector<MessageRecord>& m)
    {
        return store::toJson(c, m);
    }
    static std::optional<qint64> importJson(ConversationStore& s, const QByteArray& json,
                                            QString* error = nullptr)
    {
        return store::importJson(s, json, error);
    }
};

} // namespace ark::store
