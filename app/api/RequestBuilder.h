// ChatRequest -> the JSON body of POST {base}/chat/completions, applying the documented rules.
#pragma once

#include "ChatTypes.h"

#include <QByteArray>
#include <QStringList>

namespace ark::api {

struct BuiltRequest {
    nlohmann::json body;
    QStringList warnings; // rules applied silently (e.g. max_tokens dropped because max_completion_tokens is set)
    QByteArray toBytes() const; // compact UTF-8 JSON
};

class RequestBuilder {
public:
    // Rules: reasoning is never sent back; max_tokens and max_completion_tokens are never both sent
    // (max_completion_tokens wins, a warning says so); "thinking" only when set; stream_options only
    // when streaming; an assistant message with tool calls keeps its content when non-empty.
    static BuiltRequest build(const ChatRequest& request);

    static nlohmann::json messageToJson(const ChatMessage& message);
};

} // namespace ark::api
