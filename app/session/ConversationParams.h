// A conversation's own settings: model, system prompt and sampling parameters. Stored as JSON in the
// conversation row (store::ConversationRecord::paramsJson) and turned into api::ChatParameters.
#pragma once

#include "api/ChatTypes.h"

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
    std::optional<double> frequencyPenalty;
    std::optional<double> presencePenalty;
    QStringList stop; // at most 4
    api::ThinkingMode thinking = api::ThinkingMode::Unset;

    QString toJson() const;                             // the parameters only (not model/system prompt)
    static ConversationParams fromJson(const QString&); // tolerant: unknown or bad fields are ignored
    api::ChatParameters toChatParameters() const;
    bool operator==(const ConversationParams& other) const;
    bool operator!=(const ConversationParams& other) const { return !(*this == other); }
};

} // namespace ark::session
