#include "ChunkDecoder.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ark::api {

namespace {

using nlohmann::json;

// How much of an offending chunk is quoted back: enough to recognise it, never a whole event.
constexpr int kQuotedChunkBytes = 200;

QString truncatedUtf8(QByteArrayView bytes, qsizetype maxBytes)
{
    if (bytes.size() <= maxBytes)
        return QString::fromUtf8(bytes);
    qsizetype cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(bytes.at(cut)) & 0xC0) == 0x80)
        --cut;
    return QString::fromUtf8(bytes.first(cut)) + QStringLiteral("…");
}

QString typeName(const json& value)
{
    switch (value.type()) {
    case json::value_t::null:
        return QStringLiteral("null");
    case json::value_t::boolean:
        return QStringLiteral("a boolean");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return QStringLiteral("a number");
    case json::value_t::string:
        return QStringLiteral("a string");
    case json::value_t::array:
        return QStringLiteral("an array");
    case json::value_t::object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("binary");
    }
}

QString fromStd(const json& stringValue)
{
    const std::string& text = stringValue.get_ref<const std::string&>();
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Reads fields with one rule for every optional value: absent, null and "" all mean "not there".
// A field of the wrong type is a protocol violation; the first one found is remembered, with its path.
class Reader
{
public:
    bool ok() const { return m_problem.isEmpty(); }
    const QString& problem() const { return m_problem; }

    void fail(const QString& problem)
    {
        if (m_problem.isEmpty())
            m_problem = problem;
    }

    void wrongType(const QString& path, const json& value, const char* expected)
    {
        fail(QCoreApplication::translate("ark::api::ChunkDecoder", "%1 is %2, expected %3")
                 .arg(path, typeName(value), QLatin1String(expected)));
    }

    // nullptr when absent or null.
    const json* member(const json& object, const char* key) const
    {
        const auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    std::optional<QString> optionalText(const json& object, const char* key, const QString& where)
    {
        const json* value = member(object, key);
        if (!value)
            return std::nullopt;
        if (!value->is_string()) {
            wrongType(where + QLatin1Char('.') + QLatin1String(key), *value, "a string");
            return std::nullopt;
        }
        QString text = fromStd(*value);
        if (text.isEmpty())
            return std::nullopt;
        return text;
    }

    QString text(const json& object, const char* key, const QString& where)
    {
        return optionalText(object, key, where).value_or(QString());
    }

    // Top-level metadata (id, model) is only shown, never acted upon: a wrong type is ignored rather
    // than losing an answer over it.
    static QString lenientText(const json& object, const char* key)
    {
        const auto it = object.find(key);
        return it != object.end() && it->is_string() ? fromStd(*it) : QString();
    }

    // Tool calls of a delta (fragments) or of a complete message; both share the shape.
    std::vector<ToolCallFragment> toolCalls(const json& holder, const QString& where)
    {
        std::vector<ToolCallFragment> calls;
        const json* list = member(holder, "tool_calls");
        if (!list)
            return calls;
        const QString listPath = where + QStringLiteral(".tool_calls");
        if (!list->is_array()) {
            wrongType(listPath, *list, "an array");
            return calls;
        }
        calls.reserve(list->size());
        int position = 0;
        for (const json& entry : *list) {
            const QString path = listPath + QStringLiteral("[%1]").arg(position);
            if (!entry.is_object()) {
                wrongType(path, entry, "an object");
                return calls;
            }
            ToolCallFragment call;
            call.index = index(entry, path, position);
            call.id = optionalText(entry, "id", path);
            call.type = optionalText(entry, "type", path);
            if (const json* function = member(entry, "function")) {
                const QString functionPath = path + QStringLiteral(".function");
                if (!function->is_object()) {
                    wrongType(functionPath, *function, "an object");
                    return calls;
                }
                call.name = optionalText(*function, "name", functionPath);
                call.arguments = arguments(*function, functionPath);
            }
            if (!ok())
                return calls;
            calls.push_back(std::move(call));
            ++position;
        }
        return calls;
    }

private:
    // The Chat API page omits "index"; the Bot API and the examples carry it. Without it the
    // position in the array is the only identity there is.
    int index(const json& entry, const QString& path, int position)
    {
        const json* value = member(entry, "index");
        if (!value)
            return position;
        if (!value->is_number_integer()) {
            wrongType(path + QStringLiteral(".index"), *value, "an integer");
            return position;
        }
        constexpr std::uint64_t kMax = std::numeric_limits<int>::max();
        const bool inRange = value->is_number_unsigned()
                                 ? value->get<std::uint64_t>() <= kMax
                                 : value->get<std::int64_t>() >= 0 &&
                                       value->get<std::int64_t>() <= static_cast<std::int64_t>(kMax);
        if (!inRange) {
            fail(QCoreApplication::translate("ark::api::ChunkDecoder", "%1.index is out of range (%2)")
                     .arg(path, QString::fromStdString(value->dump())));
            return position;
        }
        const auto number = value->get<std::int64_t>();
        return static_cast<int>(number);
    }

    QString arguments(const json& function, const QString& path)
    {
        const json* value = member(function, "arguments");
        if (!value)
            return {};
        if (value->is_string())
            return fromStd(*value);
        // Some OpenAI-compatible servers send a complete call's arguments as an object; the text is
        // what the caller stores and sends back, so keep it as compact JSON instead of failing.
        if (value->is_object() || value->is_array())
            return QString::fromStdString(value->dump());
        wrongType(path + QStringLiteral(".arguments"), *value, "a string");
        return {};
    }

    QString m_problem;
};

qint64 usageField(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return 0;
    if (it->is_number_unsigned())
        return static_cast<qint64>(
            std::min<std::uint64_t>(it->get<std::uint64_t>(), std::numeric_limits<qint64>::max()));
    if (it->is_number_integer())
        return it->get<qint64>();
    if (it->is_number_float()) {
        const double value = it->get<double>();
        return std::isfinite(value) && std::abs(value) < 9.0e18 ? std::llround(value) : 0;
    }
    return 0;
}

qint64 nestedUsageField(const json& usage, const char* details, const char* key)
{
    const auto it = usage.find(details);
    return it != usage.end() && it->is_object() ? usageField(*it, key) : 0;
}

ApiError malformed(const QString& problem, QByteArrayView chunk)
{
    ApiError error;
    error.kind = ErrorKind::MalformedChunk;
    error.detail = QCoreApplication::translate("ark::api::ChunkDecoder", "%1. Chunk: %2")
                       .arg(problem, truncatedUtf8(chunk, kQuotedChunkBytes));
    return error;
}

// The error object may come as {"error": ...} or, Responses-style, as {"type":"error", ...}.
bool isErrorObject(const json& root)
{
    const auto error = root.find("error");
    if (error != root.end() && !error->is_null())
        return true;
    const auto type = root.find("type");
    return type != root.end() && type->is_string() && type->get_ref<const std::string&>() == "error";
}

// Parses `bytes` as one JSON object; on failure fills `problem`.
json parseObject(QByteArrayView bytes, QString& problem)
{
    if (bytes.trimmed().isEmpty()) {
        problem = QCoreApplication::translate("ark::api::ChunkDecoder", "The data is empty");
        return json(json::value_t::discarded);
    }
    json root = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (root.is_discarded())
        problem = QCoreApplication::translate("ark::api::ChunkDecoder", "The data is not valid JSON");
    else if (!root.is_object())
        problem =
            QCoreApplication::translate("ark::api::ChunkDecoder", "The data is %1, expected a JSON object")
                .arg(typeName(root));
    return root;
}

// choices[0] of a chunk or completion: nullptr when the list is empty (the usage-only chunk).
const json* firstChoice(Reader& reader, const json& root)
{
    const json* choices = reader.member(root, "choices");
    if (!choices)
        return nullptr;
    if (!choices->is_array()) {
        reader.wrongType(QStringLiteral("choices"), *choices, "an array");
        return nullptr;
    }
    if (choices->empty())
        return nullptr;
    const json& first = choices->front();
    if (!first.is_object()) {
        reader.wrongType(QStringLiteral("choices[0]"), first, "an object");
        return nullptr;
    }
    return &first;
}

std::optional<Usage> readUsage(Reader& reader, const json& root)
{
    const json* usage = reader.member(root, "usage");
    if (!usage)
        return std::nullopt; // "usage": null is the default on every chunk but the last
    if (!usage->is_object()) {
        reader.wrongType(QStringLiteral("usage"), *usage, "an object");
        return std::nullopt;
    }
    return ChunkDecoder::decodeUsage(*usage);
}

} // namespace

ChunkDecodeResult ChunkDecoder::decodeChunk(const QByteArray& data)
{
    ChunkDecodeResult result;
    const QByteArrayView view(data);
    if (view.trimmed() == QByteArrayView("[DONE]")) {
        result.kind = ChunkDecodeResult::Kind::Done;
        return result;
    }

    QString problem;
    const json root = parseObject(view, problem);
    if (!problem.isEmpty()) {
        result.error = malformed(problem, view);
        return result;
    }
    if (isErrorObject(root)) {
        result.kind = ChunkDecodeResult::Kind::ApiError;
        result.error = ApiError::fromErrorValue(root, {});
        return result;
    }

    Reader reader;
    ChatDelta& delta = result.delta;
    delta.id = Reader::lenientText(root, "id");
    delta.model = Reader::lenientText(root, "model");
    if (const json* choice = firstChoice(reader, root)) {
        const QString choicePath = QStringLiteral("choices[0]");
        if (const json* body = reader.member(*choice, "delta")) {
            const QString where = QStringLiteral("choices[0].delta");
            if (body->is_object()) {
                delta.content = reader.text(*body, "content", where);
                delta.reasoning = reader.text(*body, "reasoning_content", where);
                delta.toolCalls = reader.toolCalls(*body, where);
            } else {
                reader.wrongType(where, *body, "an object");
            }
        }
        delta.finishReason = reader.text(*choice, "finish_reason", choicePath);
    }
    delta.usage = readUsage(reader, root);

    if (!reader.ok()) {
        result.delta = ChatDelta{};
        result.error = malformed(reader.problem(), view);
        return result;
    }
    result.kind = ChunkDecodeResult::Kind::Delta;
    return result;
}

bool ChunkDecoder::decodeCompletion(const QByteArray& body, ChatResult& result, ApiError& error)
{
    const QByteArrayView view(body);
    QString problem;
    const json root = parseObject(view, problem);
    if (!problem.isEmpty()) {
        error = malformed(problem, view);
        return false;
    }
    if (isErrorObject(root)) {
        error = ApiError::fromErrorValue(root, {});
        return false;
    }

    Reader reader;
    if (!reader.member(root, "choices")) {
        error =
            malformed(QCoreApplication::translate("ark::api::ChunkDecoder", "The body has no choices"), view);
        return false;
    }
    ChatResult decoded;
    decoded.id = Reader::lenientText(root, "id");
    decoded.model = Reader::lenientText(root, "model");
    if (const json* choice = firstChoice(reader, root)) {
        if (const json* message = reader.member(*choice, "message")) {
            const QString where = QStringLiteral("choices[0].message");
            if (message->is_object()) {
                decoded.content = reader.text(*message, "content", where);
                decoded.reasoning = reader.text(*message, "reasoning_content", where);
                for (ToolCallFragment& call : reader.toolCalls(*message, where)) {
                    ToolCall complete;
                    complete.index = call.index;
                    complete.id = call.id.value_or(QString());
                    complete.type = call.type.value_or(QStringLiteral("function"));
                    complete.name = call.name.value_or(QString());
                    complete.arguments = std::move(call.arguments);
                    decoded.toolCalls.push_back(std::move(complete));
                }
                std::stable_sort(decoded.toolCalls.begin(), decoded.toolCalls.end(),
                                 [](const ToolCall& a, const ToolCall& b) { return a.index < b.index; });
            } else {
                reader.wrongType(where, *message, "an object");
            }
        }
        decoded.finishReason = reader.text(*choice, "finish_reason", QStringLiteral("choices[0]"));
    }
    if (const std::optional<Usage> usage = readUsage(reader, root))
        decoded.usage = *usage;

    if (!reader.ok()) {
        error = malformed(reader.problem(), view);
        return false;
    }
    result = std::move(decoded);
    error = ApiError{};
    return true;
}

Usage ChunkDecoder::decodeUsage(const json& usage)
{
    Usage decoded;
    if (!usage.is_object())
        return decoded;
    decoded.present = true;
    decoded.promptTokens = usageField(usage, "prompt_tokens");
    decoded.completionTokens = usageField(usage, "completion_tokens");
    decoded.totalTokens = usageField(usage, "total_tokens");
    decoded.cachedTokens = nestedUsageField(usage, "prompt_tokens_details", "cached_tokens");
    decoded.reasoningTokens = nestedUsageField(usage, "completion_tokens_details", "reasoning_tokens");
    return decoded;
}

} // namespace ark::api
