// A conversation's own settings: model, system prompt, sampling parameters and tools. Stored as JSON in the
// conversation row (store::ConversationRecord::paramsJson) and turned into api::ChatParameters.
#pragma once

#include "api/ChatTypes.h"
#include "tools/ToolSchema.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace ark::session {

struct ConversationParams
{
    QString model;        // model id or endpoint id
    QString systemPrompt; // "" = none
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    // Answer plus reasoning (only some models accept it). When set, max_tokens is not sent: the API
    // refuses both together (api::RequestBuilder drops max_tokens with a warning).
    std::optional<int> maxCompletionTokens;
    std::optional<double> frequencyPenalty;
    std::optional<double> presencePenalty;
    QStringList stop; // at most 4
    api::ThinkingMode thinking = api::ThinkingMode::Unset;

    // Tools. The document is kept as the person wrote it, errors and all, so an unfinished edit
    // re-opens intact; only a document without errors offers tools (tools()).
    static constexpr int kDefaultToolRoundLimit = 5;
    static constexpr int kMaxToolRoundLimit = 50;
    QString toolsJson;                           // a tools document (tools::ToolSchema); "" = no tools
    api::ToolChoice toolChoice;                  // Unset = not sent
    std::optional<bool> parallelToolCalls;       // nullopt = not sent (the API's default is true)
    bool autoRunBuiltinTools = false;            // automatic mode: built-in tools run without asking
    int toolRoundLimit = kDefaultToolRoundLimit; // tool-call rounds per question, 1..kMaxToolRoundLimit

    tools::ToolsDocument toolsDocument() const;     // parsed and checked
    std::vector<api::ToolDefinition> tools() const; // the definitions to send; empty when none or errors

    QString toJson() const;                             // the parameters only (not model/system prompt)
    static ConversationParams fromJson(const QString&); // tolerant: unknown or bad fields are ignored
    // tool_choice and parallel_tool_calls only when tools() is not empty (and a named tool_choice only
    // when that tool is among them): without tools the fields make no sense to the API.
    api::ChatParameters toChatParameters() const;
    bool operator==(const ConversationParams& other) const;
    bool operator!=(const ConversationParams& other) const { return !(*this == other); }
};

} // namespace ark::session
