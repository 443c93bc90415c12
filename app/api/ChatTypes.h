// Plain value types shared by the request builder, the stream decoders and the client.
// Nothing here knows about the network or about widgets.
#pragma once

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace ark::api {

enum class Role { System, User, Assistant, Tool };

QString roleName(Role role);

// One part of a multimodal message ("text", "image_url" or "video_url" on the wire).
struct ContentPart {
    enum class Kind { Text, ImageUrl, VideoUrl };
    Kind kind = Kind::Text;
    QString text;                  // Kind::Text
    QString url;                   // Kind::ImageUrl / VideoUrl: http(s) URL or a data: URL
    QString detail;                // images: "low" | "high" | "auto"; empty = not sent
    std::optional<int> minPixels;  // images: image_pixel_limit.min_pixels
    std::optional<int> maxPixels;  // images: image_pixel_limit.max_pixels
    std::optional<double> fps;     // videos: 0.2 .. 5

    static ContentPart makeText(const QString& text);
    static ContentPart makeImage(const QString& url, const QString& detail = {});
    static ContentPart makeVideo(const QString& url, std::optional<double> fps = {});
};

// A tool call as the model produced it (after assembly) or as history sends it back.
struct ToolCall {
    int index = 0;
    QString id;
    QString type = QStringLiteral("function");
    QString name;
    QString arguments; // a JSON text, possibly invalid: the model does not always produce valid JSON
};

struct ChatMessage {
    Role role = Role::User;
    QString content;                 // used when parts is empty
    std::vector<ContentPart> parts;  // multimodal content; when non-empty, sent as an array
    QString reasoning;               // kept for display and storage; NEVER sent back (the API answers 400)
    std::vector<ToolCall> toolCalls; // assistant messages that called tools
    QString toolCallId;              // tool messages
    QString name;                    // tool messages: the function name (optional on the wire)

    static ChatMessage system(const QString& text);
    static ChatMessage user(const QString& text);
    static ChatMessage assistant(const QString& text);
    static ChatMessage toolResult(const QString& callId, const QString& content, const QString& name = {});
    // The assistant turn that called tools, as history sends it back: content (may be empty) and the
    // calls in index order; never reasoning.
    static ChatMessage assistantToolCalls(const QString& content, std::vector<ToolCall> calls);
};

struct ToolDefinition {
    QString name;
    QString description;
    nlohmann::json parameters; // a JSON Schema object; null = not sent
};

// tool_choice (doubao-seed-1-6 only). The object form is documented as flat {"type":"function",
// "name":"<tool>"} (digest §2.6; the docs show no example), not OpenAI's nested {"function":{"name"}}.
struct ToolChoice
{
    enum class Mode { Unset, Auto, None, Required, Function };
    Mode mode = Mode::Unset;
    QString function; // Mode::Function: the tool's name

    static ToolChoice named(const QString& function);
    nlohmann::json toJson() const; // null for Unset
    // Reads what toJson writes; also OpenAI's nested object form. nullopt when not understood.
    static std::optional<ToolChoice> fromJson(const nlohmann::json& value);
    bool operator==(const ToolChoice& other) const
    {
        return mode == other.mode && function == other.function;
    }
    bool operator!=(const ToolChoice& other) const { return !(*this == other); }
};

enum class ThinkingMode { Unset, Enabled, Disabled, Auto };

QString thinkingModeName(ThinkingMode mode);                 // "enabled", "disabled", "auto", "" for Unset
std::optional<ThinkingMode> parseThinkingMode(const QString&); // nullopt when unknown

struct ChatParameters {
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<double> frequencyPenalty;
    std::optional<double> presencePenalty;
    std::optional<int> maxTokens;
    std::optional<int> maxCompletionTokens;
    QStringList stop;
    // Sent only when not Unset. The catalog will decide per model whether the field is accepted;
    // until then the caller sets it per request (sending it to deepseek-r1 is an API error).
    ThinkingMode thinking = ThinkingMode::Unset;
    nlohmann::json toolChoice;          // "auto" | "none" | "required" | object; null = not sent
    std::optional<bool> parallelToolCalls;
    nlohmann::json responseFormat;      // null = not sent
};

struct ChatRequest {
    QString model; // a Model ID or an Endpoint ID (ep-...)
    std::vector<ChatMessage> messages;
    ChatParameters params;
    std::vector<ToolDefinition> tools;
    bool stream = true;
    bool includeUsage = true; // stream_options.include_usage
};

struct Usage {
    bool present = false;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
    qint64 cachedTokens = 0;    // prompt_tokens_details.cached_tokens
    qint64 reasoningTokens = 0; // completion_tokens_details.reasoning_tokens
};

// A fragment of a streamed tool call: fields absent from the chunk are nullopt.
struct ToolCallFragment {
    int index = 0;
    std::optional<QString> id;
    std::optional<QString> type;
    std::optional<QString> name;
    QString arguments;
};

// What one streamed chunk says, decoded from JSON.
struct ChatDelta {
    QString id;    // response id (equals X-Request-Id)
    QString model; // the model that actually answered
    QString content;
    QString reasoning;
    std::vector<ToolCallFragment> toolCalls;
    QString finishReason; // empty while the answer goes on
    std::optional<Usage> usage;
};

// The assembled answer: the same shape for streamed and non-streamed responses.
struct ChatResult {
    QString id;
    QString model;
    QString content;
    QString reasoning;
    std::vector<ToolCall> toolCalls; // ordered by index
    QString finishReason;            // "stop", "length", "content_filter", "tool_calls", or other server text
    Usage usage;
};

} // namespace ark::api
