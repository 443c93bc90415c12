#include "StoreTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ark::store {

QString roleToText(api::Role role)
{
    switch (role) {
    case api::Role::System:
        return QStringLiteral("system");
    case api::Role::User:
        return QStringLiteral("user");
    case api::Role::Assistant:
        return QStringLiteral("assistant");
    case api::Role::Tool:
        return QStringLiteral("tool");
    }
    return QStringLiteral("user");
}

std::optional<api::Role> roleFromText(const QString& text)
{
    for (auto role : {api::Role::System, api::Role::User, api::Role::Assistant, api::Role::Tool}) {
        if (text == roleToText(role))
            return role;
    }
    return std::nullopt;
}

QString stateToText(MessageState state)
{
    switch (state) {
    case MessageState::Complete:
        return QStringLiteral("complete");
    case MessageState::Streaming:
        return QStringLiteral("streaming");
    case MessageState::Interrupted:
        return QStringLiteral("interrupted");
    case MessageState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("complete");
}

std::optional<MessageState> stateFromText(const QString& text)
{
    for (auto state :
         {MessageState::Complete, MessageState::Streaming, MessageState::Interrupted, MessageState::Failed}) {
        if (text == stateToText(state))
            return state;
    }
    return std::nullopt;
}

QString toolCallsToJson(const std::vector<api::ToolCall>& calls)
{
    if (calls.empty())
        return {};
    QJsonArray array;
    for (const auto& call : calls) {
        array.append(QJsonObject{{QStringLiteral("index"), call.index},
                                 {QStringLiteral("id"), call.id},
                                 {QStringLiteral("type"), call.type},
                                 {QStringLiteral("name"), call.name},
                                 {QStringLiteral("arguments"), call.arguments}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<api::ToolCall> toolCallsFromJson(const QString& json)
{
    std::vector<api::ToolCall> calls;
    if (json.isEmpty())
        return calls;
    const auto doc = QJsonDocument::fromJson(json.toUtf8());
    const auto array = doc.array();
    calls.reserve(static_cast<size_t>(array.size()));
    for (const auto& value : array) {
        const auto object = value.toObject();
        api::ToolCall call;
        call.index = object.value(QStringLiteral("index")).toInt();
        call.id = object.value(QStringLiteral("id")).toString();
        call.type = object.value(QStringLiteral("type")).toString(QStringLiteral("function"));
        call.name = object.value(QStringLiteral("name")).toString();
        call.arguments = object.value(QStringLiteral("arguments")).toString();
        calls.push_back(std::move(call));
    }
    return calls;
}

QDateTime nowUtc()
{
    return fromEpochMs(QDateTime::currentMSecsSinceEpoch());
}

QDateTime fromEpochMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace ark::store
