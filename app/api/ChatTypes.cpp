#include "ChatTypes.h"

namespace ark::api {

QString roleName(Role role)
{
    switch (role) {
    case Role::System:
        return QStringLiteral("system");
    case Role::User:
        return QStringLiteral("user");
    case Role::Assistant:
        return QStringLiteral("assistant");
    case Role::Tool:
        return QStringLiteral("tool");
    }
    return QStringLiteral("user");
}

ContentPart ContentPart::makeText(const QString& text)
{
    ContentPart part;
    part.kind = Kind::Text;
    part.text = text;
    return part;
}

ContentPart ContentPart::makeImage(const QString& url, const QString& detail)
{
    ContentPart part;
    part.kind = Kind::ImageUrl;
    part.url = url;
    part.detail = detail;
    return part;
}

ContentPart ContentPart::makeVideo(const QString& url, std::optional<double> fps)
{
    ContentPart part;
    part.kind = Kind::VideoUrl;
    part.url = url;
    part.fps = fps;
    return part;
}

namespace {

ChatMessage textMessage(Role role, const QString& text)
{
    ChatMessage message;
    message.role = role;
    message.content = text;
    return message;
}

} // namespace

ChatMessage ChatMessage::system(const QString& text)
{
    return textMessage(Role::System, text);
}

ChatMessage ChatMessage::user(const QString& text)
{
    return textMessage(Role::User, text);
}

ChatMessage ChatMessage::assistant(const QString& text)
{
    return textMessage(Role::Assistant, text);
}

ChatMessage ChatMessage::toolResult(const QString& callId, const QString& content, const QString& name)
{
    ChatMessage message = textMessage(Role::Tool, content);
    message.toolCallId = callId;
    message.name = name;
    return message;
}

ChatMessage ChatMessage::assistantToolCalls(const QString& content, std::vector<ToolCall> calls)
{
    ChatMessage message = textMessage(Role::Assistant, content);
    message.toolCalls = std::move(calls);
    return message;
}

ToolChoice ToolChoice::named(const QString& function)
{
    ToolChoice choice;
    choice.mode = Mode::Function;
    choice.function = function;
    return choice;
}

nlohmann::json ToolChoice::toJson() const
{
    switch (mode) {
    case Mode::Unset:
        return nullptr;
    case Mode::Auto:
        return "auto";
    case Mode::None:
        return "none";
    case Mode::Required:
        return "required";
    case Mode::Function:
        return {{"type", "function"}, {"name", function.toStdString()}};
    }
    return nullptr;
}

std::optional<ToolChoice> ToolChoice::fromJson(const nlohmann::json& value)
{
    ToolChoice choice;
    if (value.is_null())
        return choice;
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (text == "auto")
            choice.mode = Mode::Auto;
        else if (text == "none")
            choice.mode = Mode::None;
        else if (text == "required")
            choice.mode = Mode::Required;
        else
            return std::nullopt;
        return choice;
    }
    if (!value.is_object())
        return std::nullopt;
    const auto type = value.find("type");
    if (type != value.end() && !(type->is_string() && type->get_ref<const std::string&>() == "function"))
        return std::nullopt;
    const nlohmann::json* name = nullptr;
    if (const auto flat = value.find("name"); flat != value.end())
        name = &*flat;
    else if (const auto nested = value.find("function"); nested != value.end() && nested->is_object())
        if (const auto inner = nested->find("name"); inner != nested->end())
            name = &*inner;
    if (!name || !name->is_string() || name->get_ref<const std::string&>().empty())
        return std::nullopt;
    return named(QString::fromStdString(name->get<std::string>()));
}

QString thinkingModeName(ThinkingMode mode)
{
    switch (mode) {
    case ThinkingMode::Unset:
        return {};
    case ThinkingMode::Enabled:
        return QStringLiteral("enabled");
    case ThinkingMode::Disabled:
        return QStringLiteral("disabled");
    case ThinkingMode::Auto:
        return QStringLiteral("auto");
    }
    return {};
}

std::optional<ThinkingMode> parseThinkingMode(const QString& text)
{
    const QString name = text.trimmed().toLower();
    // The empty name round-trips thinkingModeName(Unset); "unset" is what a person types to clear it.
    if (name.isEmpty() || name == QLatin1String("unset"))
        return ThinkingMode::Unset;
    if (name == QLatin1String("enabled"))
        return ThinkingMode::Enabled;
    if (name == QLatin1String("disabled"))
        return ThinkingMode::Disabled;
    if (name == QLatin1String("auto"))
        return ThinkingMode::Auto;
    return std::nullopt;
}

} // namespace ark::api
