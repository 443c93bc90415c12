#include "ConversationParams.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ark::session {

namespace {

using nlohmann::json;

constexpr int kMaxStopSequences = 4; // the API refuses more

const char* const kTemperature = "temperature";
const char* const kTopP = "top_p";
const char* const kMaxTokens = "max_tokens";
const char* const kMaxCompletionTokens = "max_completion_tokens";
const char* const kFrequencyPenalty = "frequency_penalty";
const char* const kPresencePenalty = "presence_penalty";
const char* const kStop = "stop";
const char* const kThinking = "thinking";
const char* const kToolsJson = "tools_json";
const char* const kToolChoice = "tool_choice";
const char* const kParallelToolCalls = "parallel_tool_calls";
const char* const kAutoRunBuiltinTools = "auto_run_builtin_tools";
const char* const kToolRoundLimit = "tool_round_limit";

std::optional<double> readDouble(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    const double value = it->get<double>();
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::optional<int> readPositiveInt(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    // 4096.0 is as good as 4096 (some editors write every number as a double); 40.5 is not a count.
    const double value = it->get<double>();
    if (!std::isfinite(value) || value < 1 || value > std::numeric_limits<int>::max() ||
        std::floor(value) != value)
        return std::nullopt;
    return int(value);
}

QStringList readStop(const json& object)
{
    QStringList stop;
    const auto it = object.find(kStop);
    if (it == object.end())
        return stop;
    auto add = [&stop](const json& value) {
        if (value.is_string() && !value.get_ref<const std::string&>().empty() &&
            stop.size() < kMaxStopSequences)
            stop << QString::fromStdString(value.get<std::string>());
    };
    if (it->is_array()) {
        for (const json& value : *it)
            add(value);
    } else {
        add(*it); // the API also accepts a single string
    }
    return stop;
}

api::ThinkingMode readThinking(const json& object)
{
    const auto it = object.find(kThinking);
    if (it == object.end())
        return api::ThinkingMode::Unset;
    // Written as {"type": "enabled"} like the wire format; a bare string is accepted too.
    const json* type = &*it;
    if (it->is_object()) {
        const auto typeIt = it->find("type");
        if (typeIt == it->end())
            return api::ThinkingMode::Unset;
        type = &*typeIt;
    }
    if (!type->is_string())
        return api::ThinkingMode::Unset;
    return api::parseThinkingMode(QString::fromStdString(type->get<std::string>()))
        .value_or(api::ThinkingMode::Unset);
}

std::optional<bool> readBool(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_boolean())
        return std::nullopt;
    return it->get<bool>();
}

} // namespace

tools::ToolsDocument ConversationParams::toolsDocument() const
{
    return tools::ToolSchema::parseDocument(toolsJson);
}

std::vector<api::ToolDefinition> ConversationParams::tools() const
{
    return toolsDocument().tools;
}

QString ConversationParams::toJson() const
{
    json object = json::object();
    if (temperature)
        object[kTemperature] = *temperature;
    if (topP)
        object[kTopP] = *topP;
    if (maxTokens)
        object[kMaxTokens] = *maxTokens;
    if (maxCompletionTokens)
        object[kMaxCompletionTokens] = *maxCompletionTokens;
    if (frequencyPenalty)
        object[kFrequencyPenalty] = *frequencyPenalty;
    if (presencePenalty)
        object[kPresencePenalty] = *presencePenalty;
    if (!stop.isEmpty()) {
        json list = json::array();
        for (const QString& s : stop.mid(0, kMaxStopSequences))
            list.push_back(s.toStdString());
        object[kStop] = list;
    }
    if (thinking != api::ThinkingMode::Unset)
        object[kThinking] = {{"type", api::thinkingModeName(thinking).toStdString()}};
    if (!toolsJson.isEmpty())
        object[kToolsJson] = toolsJson.toStdString();
    if (toolChoice.mode != api::ToolChoice::Mode::Unset)
        object[kToolChoice] = toolChoice.toJson();
    if (parallelToolCalls)
        object[kParallelToolCalls] = *parallelToolCalls;
    if (autoRunBuiltinTools)
        object[kAutoRunBuiltinTools] = true;
    if (toolRoundLimit != kDefaultToolRoundLimit)
        object[kToolRoundLimit] = toolRoundLimit;
    return QString::fromStdString(object.dump());
}

ConversationParams ConversationParams::fromJson(const QString& text)
{
    ConversationParams params;
    // No exceptions: a damaged row must open with default settings, never abort the app.
    const json object = json::parse(text.toStdString(), nullptr, false);
    if (object.is_discarded() || !object.is_object())
        return params;
    params.temperature = readDouble(object, kTemperature);
    params.topP = readDouble(object, kTopP);
    params.maxTokens = readPositiveInt(object, kMaxTokens);
    params.maxCompletionTokens = readPositiveInt(object, kMaxCompletionTokens);
    params.frequencyPenalty = readDouble(object, kFrequencyPenalty);
    params.presencePenalty = readDouble(object, kPresencePenalty);
    params.stop = readStop(object);
    params.thinking = readThinking(object);
    if (const auto it = object.find(kToolsJson); it != object.end() && it->is_string())
        params.toolsJson = QString::fromStdString(it->get<std::string>());
    if (const auto it = object.find(kToolChoice); it != object.end())
        params.toolChoice = api::ToolChoice::fromJson(*it).value_or(api::ToolChoice{});
    params.parallelToolCalls = readBool(object, kParallelToolCalls);
    params.autoRunBuiltinTools = readBool(object, kAutoRunBuiltinTools).value_or(false);
    const std::optional<int> limit = readPositiveInt(object, kToolRoundLimit);
    params.toolRoundLimit = limit && *limit <= kMaxToolRoundLimit ? *limit : kDefaultToolRoundLimit;
    return params;
}

api::ChatParameters ConversationParams::toChatParameters() const
{
    api::ChatParameters out;
    out.temperature = temperature;
    out.topP = topP;
    out.maxTokens = maxTokens;
    out.maxCompletionTokens = maxCompletionTokens;
    out.frequencyPenalty = frequencyPenalty;
    out.presencePenalty = presencePenalty;
    out.stop = stop.mid(0, kMaxStopSequences);
    out.thinking = thinking;
    const std::vector<api::ToolDefinition> offered = tools();
    if (!offered.empty()) {
        const bool namedToolMissing =
            toolChoice.mode == api::ToolChoice::Mode::Function &&
            std::none_of(offered.begin(), offered.end(),
                         [this](const api::ToolDefinition& t) { return t.name == toolChoice.function; });
        if (!namedToolMissing)
            out.toolChoice = toolChoice.toJson();
        out.parallelToolCalls = parallelToolCalls;
    }
    return out;
}

bool ConversationParams::operator==(const ConversationParams& other) const
{
    return model == other.model && systemPrompt == other.systemPrompt && temperature == other.temperature &&
           topP == other.topP && maxTokens == other.maxTokens &&
           maxCompletionTokens == other.maxCompletionTokens && frequencyPenalty == other.frequencyPenalty &&
           presencePenalty == other.presencePenalty && stop == other.stop && thinking == other.thinking &&
           toolsJson == other.toolsJson && toolChoice == other.toolChoice &&
           parallelToolCalls == other.parallelToolCalls && autoRunBuiltinTools == other.autoRunBuiltinTools &&
           toolRoundLimit == other.toolRoundLimit;
}

} // namespace ark::session
