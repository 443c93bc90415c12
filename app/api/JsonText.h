// Reading text out of server JSON whose types are not consistent: a numeric code or an object param
// is still worth showing to a person, so every value becomes text.
#pragma once

#include <QString>
#include <nlohmann/json.hpp>

namespace ark::api {

inline QString jsonText(const nlohmann::json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get_ref<const std::string&>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The member's text, or "" when the object has no such member.
inline QString jsonMemberText(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    return it == object.end() ? QString() : jsonText(*it);
}

} // namespace ark::api
