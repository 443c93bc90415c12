#include "RequestBuilder.h"

#include <QCoreApplication>

namespace ark::api {

namespace {

using nlohmann::json;

std::string utf8(const QString& text)
{
    return text.toStdString();
}

json partToJson(const ContentPart& part)
{
    switch (part.kind) {
    case ContentPart::Kind::Text:
        return {{"type", "text"}, {"text", utf8(part.text)}};
    case ContentPart::Kind::ImageUrl: {
        json image = {{"url", utf8(part.url)}};
        if (!part.detail.isEmpty())
            image["detail"] = utf8(part.detail);
        // image_pixel_limit takes priority over detail on the server; unset members fall back to detail.
        if (part.minPixels || part.maxPixels) {
            json limit = json::object();
            if (part.maxPixels)
                limit["max_pixels"] = *part.maxPixels;
            if (part.minPixels)
                limit["min_pixels"] = *part.minPixels;
            image["image_pixel_limit"] = std::move(limit);
        }
        return {{"type", "image_url"}, {"image_url", std::move(image)}};
    }
    case ContentPart::Kind::VideoUrl: {
        json video = {{"url", utf8(part.url)}};
        if (part.fps)
            video["fps"] = *part.fps;
        return {{"type", "video_url"}, {"video_url", std::move(video)}};
    }
    }
    return json::object();
}

json contentToJson(const ChatMessage& message)
{
    if (message.parts.empty())
        return utf8(message.content);
    json parts = json::array();
    for (const ContentPart& part : message.parts)
        parts.push_back(partToJson(part));
    return parts;
}

json toolCallToJson(const ToolCall& call)
{
    return {{"id", utf8(call.id)},
            {"type", "function"},
            {"function", {{"name", utf8(call.name)}, {"arguments", utf8(call.arguments)}}}};
}

json toolToJson(const ToolDefinition& tool)
{
    json function = {{"name", utf8(tool.name)}};
    if (!tool.description.isEmpty())
        function["description"] = utf8(tool.description);
    if (!tool.parameters.is_null())
        function["parameters"] = tool.parameters;
    return {{"type", "function"}, {"function", std::move(function)}};
}

void addParameters(json& body, const ChatParameters& params, QStringList& warnings)
{
    if (params.temperature)
        body["temperature"] = *params.temperature;
    if (params.topP)
        body["top_p"] = *params.topP;
    if (params.frequencyPenalty)
        body["frequency_penalty"] = *params.frequencyPenalty;
    if (params.presencePenalty)
        body["presence_penalty"] = *params.presencePenalty;

    json stop = json::array();
    for (const QString& text : params.stop) {
        if (!text.isEmpty()) // an empty stop string would match everywhere
            stop.push_back(utf8(text));
    }
    if (!stop.empty())
        body["stop"] = std::move(stop);

    // Sending both is an API error; max_completion_tokens is the newer, wider limit (answer + reasoning).
    if (params.maxCompletionTokens) {
        body["max_completion_tokens"] = *params.maxCompletionTokens;
        if (params.maxTokens)
            warnings << QCoreApplication::translate(
                            "ark::api::RequestBuilder",
                            "max_tokens (%1) was not sent: max_completion_tokens (%2) "
                            "is set, and the API refuses both together.")
                            .arg(*params.maxTokens)
                            .arg(*params.maxCompletionTokens);
    } else if (params.maxTokens) {
        body["max_tokens"] = *params.maxTokens;
    }

    if (params.thinking != ThinkingMode::Unset)
        body["thinking"] = {{"type", utf8(thinkingModeName(params.thinking))}};
    if (!params.toolChoice.is_null())
        body["tool_choice"] = params.toolChoice;
    if (params.parallelToolCalls)
        body["parallel_tool_calls"] = *params.parallelToolCalls;
    if (!params.responseFormat.is_null())
        body["response_format"] = params.responseFormat;
}

} // namespace

QByteArray BuiltRequest::toBytes() const
{
    // Raw UTF-8 (no \u escapes) keeps Chinese bodies small and readable in the exchange inspector.
    const std::string text = body.dump(-1, ' ', false, json::error_handler_t::replace);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

json RequestBuilder::messageToJson(const ChatMessage& message)
{
    // Only the fields the API accepts: reasoning is output-only and sending it back is a 400.
    json out = {{"role", utf8(roleName(message.role))}};
    const bool hasContent = !message.parts.empty() || !message.content.isEmpty();

    if (message.role == Role::Assistant && !message.toolCalls.empty()) {
        // At least one of content and tool_calls must be present; content only when it says something.
        if (hasContent)
            out["content"] = contentToJson(message);
        json calls = json::array();
        for (const ToolCall& call : message.toolCalls)
            calls.push_back(toolCallToJson(call));
        out["tool_calls"] = std::move(calls);
        return out;
    }

    out["content"] = contentToJson(message);
    if (message.role == Role::Tool) {
        out["tool_call_id"] = utf8(message.toolCallId);
        if (!message.name.isEmpty())
            out["name"] = utf8(message.name);
    }
    return out;
}

BuiltRequest RequestBuilder::build(const ChatRequest& request)
{
    BuiltRequest built;
    json& body = built.body;
    body = json::object();
    body["model"] = utf8(request.model);

    json messages = json::array();
    for (const ChatMessage& message : request.messages)
        messages.push_back(messageToJson(message));
    body["messages"] = std::move(messages);

    addParameters(body, request.params, built.warnings);

    if (!request.tools.empty()) {
        json tools = json::array();
        for (const ToolDefinition& tool : request.tools)
            tools.push_back(toolToJson(tool));
        body["tools"] = std::move(tools);
    }

    body["stream"] = request.stream;
    if (request.stream && request.includeUsage)
        body["stream_options"] = {{"include_usage", true}};
    return built;
}

} // namespace ark::api
