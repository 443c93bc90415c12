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
