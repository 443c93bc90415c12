#include "ToolSchema.h"

#include "BuiltinTools.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace ark::tools {

namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json; // keeps the model's field order for display

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::tools::ToolSchema", text);
}

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

// ---------------------------------------------------------------------------------------------
// JSON paths: $[0].function.name, $.properties["my key"]

QString memberPath(const QString& path, const QString& key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (identifier.match(key).hasMatch())
        return path + QLatin1Char('.') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return path + QLatin1String("[\"") + escaped + QLatin1String("\"]");
}

QString indexPath(const QString& path, size_t index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// ---------------------------------------------------------------------------------------------
// Where each value of a valid JSON text starts and ends, by JSON path: the parsers keep no positions,
// and a problem shown at its line is worth the second pass. Offsets are UTF-16 positions.

class LocationIndex
{
public:
    struct Span
    {
        int offset = -1;
        int length = 0;
    };

    explicit LocationIndex(const QString& text) : m_text(text)
    {
        skipSpace();
        scanValue(QStringLiteral("$"), 0);
    }

    // The place to mark for a problem about the value at `path`: a scalar itself; for an object or
    // an array the key that holds it (the container may span many lines), else its first character.
    Span spanFor(const QString& path) const
    {
        const Span value = m_values.value(path);
        if (value.offset < 0)
            return {};
        const QChar first = m_text.at(value.offset);
        const bool container = first == QLatin1Char('{') || first == QLatin1Char('[');
        if (!container)
            return value;
        const auto key = m_keys.constFind(path);
        if (key != m_keys.constEnd())
            return *key;
        return {value.offset, 1};
    }
    Span keySpan(const QString& path) const { return m_keys.value(path, spanFor(path)); }
    const std::vector<QString>& duplicateKeys() const { return m_duplicates; }

private:
    static constexpr int kMaxDepth = 256;

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd()) {
            const QChar c = peek();
            if (c != QLatin1Char(' ') && c != QLatin1Char('\t') && c != QLatin1Char('\n') &&
                c != QLatin1Char('\r'))
                break;
            ++m_pos;
        }
    }

    // A string starting at m_pos (a quote), decoded; m_pos ends after the closing quote.
    QString scanString()
    {
        QString out;
        ++m_pos; // the opening quote
        while (!atEnd()) {
            const QChar c = m_text.at(m_pos++);
            if (c == QLatin1Char('"'))
                break;
            if (c != QLatin1Char('\\') || atEnd()) {
                out += c;
                continue;
            }
            const QChar e = m_text.at(m_pos++);
            switch (e.unicode()) {
            case 'b':
                out += QLatin1Char('\b');
                break;
            case 'f':
                out += QLatin1Char('\f');
                break;
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            case 'u': {
                bool ok = false;
                const ushort unit = m_text.mid(m_pos, 4).toUShort(&ok, 16);
                if (ok) {
                    out += QChar(unit); // surrogate pairs arrive as two escapes, in order
                    m_pos += 4;
                }
                break;
            }
            default:
                out += e; // \" \\ \/
            }
        }
        return out;
    }

    void scanValue(const QString& path, int depth)
    {
        if (atEnd() || depth > kMaxDepth)
            return;
        const int start = m_pos;
        const QChar c = peek();
        if (c == QLatin1Char('{')) {
            ++m_pos;
            QSet<QString> seen;
            for (;;) {
                skipSpace();
                if (peek() != QLatin1Char('"'))
                    break;
                const int keyStart = m_pos;
                const QString key = scanString();
                const QString child = memberPath(path, key);
                if (seen.contains(key))
                    m_duplicates.push_back(child);
                seen.insert(key);
                m_keys.insert(child, {keyStart, m_pos - keyStart});
                skipSpace();
                if (peek() != QLatin1Char(':'))
                    break;
                ++m_pos;
                skipSpace();
                scanValue(child, depth + 1);
                skipSpace();
                if (peek() != QLatin1Char(','))
                    break;
                ++m_pos;
            }
            if (peek() == QLatin1Char('}'))
                ++m_pos;
        } else if (c == QLatin1Char('[')) {
            ++m_pos;
            skipSpace();
            size_t index = 0;
            while (!atEnd() && peek() != QLatin1Char(']')) {
                const int before = m_pos;
                scanValue(indexPath(path, index++), depth + 1);
                skipSpace();
                if (peek() == QLatin1Char(','))
                    ++m_pos;
                else if (m_pos == before)
                    break; // not JSON after all: never loop without progress
                skipSpace();
            }
            if (peek() == QLatin1Char(']'))
                ++m_pos;
        } else if (c == QLatin1Char('"')) {
            scanString();
        } else {
            while (!atEnd()) {
                const QChar d = peek();
                if (d == QLatin1Char(',') || d == QLatin1Char('}') || d == QLatin1Char(']') || d.isSpace())
                    break;
                ++m_pos;
            }
        }
        m_values.insert(path, {start, m_pos - start}); // a repeated key: the last one wins, as in parsers
    }

    const QString& m_text;
    int m_pos = 0;
    QHash<QString, Span> m_values;
    QHash<QString, Span> m_keys;
    std::vector<QString> m_duplicates;
};

// ---------------------------------------------------------------------------------------------
// Collecting located problems

class ProblemList
{
public:
    ProblemList(const QString& text, const LocationIndex* index) : m_text(text), m_index(index) {}

    void add(Problem::Severity severity, const QString& path, const QString& message, bool atKey = false)
    {
        Problem p;
        p.severity = severity;
        p.path = path;
        p.message = message;
        if (m_index) {
            const LocationIndex::Span span = atKey ? m_index->keySpan(path) : m_index->spanFor(path);
            if (span.offset >= 0)
                locate(p, span.offset, std::max(1, span.length));
        }
        m_problems.push_back(std::move(p));
    }
    void error(const QString& path, const QString& message, bool atKey = false)
    {
        add(Problem::Severity::Error, path, message, atKey);
    }
    void warning(const QString& path, const QString& message, bool atKey = false)
    {
        add(Problem::Severity::Warning, path, message, atKey);
    }
    void locate(Problem& p, int offset, int length) const
    {
        p.offset = offset;
        p.length = length;
        ToolSchema::lineColumn(m_text, offset, &p.line, &p.column);
    }
    void push(Problem p) { m_problems.push_back(std::move(p)); }

    std::vector<Problem> take()
    {
        // Text order, unlocated problems last, so a list reads like the document.
        std::stable_sort(m_problems.begin(), m_problems.end(), [](const Problem& a, const Problem& b) {
            const int ao = a.offset < 0 ? std::numeric_limits<int>::max() : a.offset;
            const int bo = b.offset < 0 ? std::numeric_limits<int>::max() : b.offset;
            return ao < bo;
        });
        return std::move(m_problems);
    }

private:
    const QString& m_text;
    const LocationIndex* m_index;
    std::vector<Problem> m_problems;
};

// A syntax error: QJsonParseError's translated text at its place. Qt parses UTF-8, so its offset
// counts bytes; the editor needs UTF-16 positions.
Problem syntaxProblem(const QString& text, const QByteArray& utf8, const QJsonParseError& error)
{
    Problem p;
    p.path = QStringLiteral("$");
    p.message = tr("Not valid JSON: %1").arg(error.errorString());
    // Qt's offset points just past the character where it gave up (mark that character), except
    // for garbage after the document and a bad number, where it points at the culprit itself.
    const bool pointsAtIt =
        error.error == QJsonParseError::GarbageAtEnd || error.error == QJsonParseError::IllegalNumber;
    const int byteOffset = pointsAtIt ? error.offset : error.offset - 1;
    const int offset = int(QString::fromUtf8(utf8.left(std::max(0, byteOffset))).size());
    p.offset = std::min(offset, int(text.size()));
    if (p.offset == text.size() && p.offset > 0)
        --p.offset; // the error is at the end: mark the last character
    p.length = 1;
    ToolSchema::lineColumn(text, p.offset, &p.line, &p.column);
    return p;
}

// Parses JSON with Qt for the error text and position, then (when valid) with nlohmann for the value.
// Qt refuses a bare scalar at the top; nlohmann decides then.
template <typename Json> bool parseJson(const QString& text, Json* value, Problem* problem)
{
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error{};
    QJsonDocument::fromJson(utf8, &error);
    *value = Json::parse(utf8.constData(), utf8.constData() + utf8.size(), nullptr, false);
    if (!value->is_discarded())
        return true;
    if (error.error == QJsonParseError::NoError) {
        error.error = QJsonParseError::IllegalValue; // accepted by Qt, refused by nlohmann: rare
        error.offset = 0;
    }
    *problem = syntaxProblem(text, utf8, error);
    return false;
}

// ---------------------------------------------------------------------------------------------
// Type names in messages

const QStringList& knownTypes()
{
    static const QStringList types{QStringLiteral("string"),  QStringLiteral("number"),
                                   QStringLiteral("integer"), QStringLiteral("boolean"),
                                   QStringLiteral("object"),  QStringLiteral("array"),
                                   QStringLiteral("null")};
    return types;
}

QString typePhrase(const QString& type)
{
    if (type == QLatin1String("string"))
        return tr("a string");
    if (type == QLatin1String("number"))
        return tr("a number");
    if (type == QLatin1String("integer"))
        return tr("an integer");
    if (type == QLatin1String("boolean"))
        return tr("true or false");
    if (type == QLatin1String("object"))
        return tr("an object");
    if (type == QLatin1String("array"))
        return tr("an array");
    if (type == QLatin1String("null"))
        return tr("null");
    return type;
}

template <typename Json> QString valuePhrase(const Json& value)
{
    const QString shown = fromStd(value.dump(-1, ' ', false, Json::error_handler_t::replace));
    const QString clipped = shown.size() > 40 ? shown.left(39) + QChar(0x2026) : shown;
    if (value.is_string())
        return tr("a string (%1)").arg(clipped);
    if (value.is_boolean())
        return tr("a boolean (%1)").arg(clipped);
    if (value.is_number())
        return tr("a number (%1)").arg(clipped);
    if (value.is_object())
        return tr("an object");
    if (value.is_array())
        return tr("an array");
    return tr("null");
}

template <typename Json> bool hasType(const Json& value, const QString& type)
{
    if (type == QLatin1String("string"))
        return value.is_string();
    if (type == QLatin1String("number"))
        return value.is_number();
    if (type == QLatin1String("integer")) {
        if (value.is_number_integer())
            return true;
        if (!value.is_number_float())
            return false;
        const double d = value.template get<double>();
        return std::isfinite(d) && std::floor(d) == d; // JSON Schema: 2.0 is an integer
    }
    if (type == QLatin1String("boolean"))
        return value.is_boolean();
    if (type == QLatin1String("object"))
        return value.is_object();
    if (type == QLatin1String("array"))
        return value.is_array();
    if (type == QLatin1String("null"))
        return value.is_null();
    return true; // unknown types were reported when the tools were checked
}

// The "type" of a schema as a list ("type" may be one name or an array of names); empty = any.
QStringList schemaTypes(const json& schema)
{
    QStringList types;
    const auto it = schema.find("type");
    if (it == schema.end())
        return types;
    if (it->is_string())
        types << fromStd(it->get<std::string>());
    else if (it->is_array())
        for (const json& t : *it)
            if (t.is_string())
                types << fromStd(t.get<std::string>());
    return types;
}

QString orList(const QStringList& items)
{
    return items.join(tr(" or "));
}

// ---------------------------------------------------------------------------------------------
// Checking a tools document

class DocumentChecker
{
public:
    explicit DocumentChecker(ProblemList& problems) : m_problems(problems) {}

    void checkTools(const json& document, std::vector<api::ToolDefinition>& tools)
    {
        if (!document.is_array()) {
            m_problems.error(QStringLiteral("$"),
                             tr("The document must be a JSON array of tools: [{\"type\": \"function\", "
                                "\"function\": {...}}]"));
            return;
        }
        QHash<QString, size_t> names;
        for (size_t i = 0; i < document.size(); ++i) {
            api::ToolDefinition tool;
            if (checkTool(document[i], indexPath(QStringLiteral("$"), i), tool)) {
                const QString path = indexPath(QStringLiteral("$"), i) + QLatin1String(".function.name");
                const auto seen = names.constFind(tool.name);
                if (seen != names.constEnd())
                    m_problems.error(path,
                                     tr("The name \u201c%1\u201d is already used by tool %2: names must "
                                        "be unique")
                                         .arg(tool.name)
                                         .arg(*seen));
                else
                    names.insert(tool.name, i);
                tools.push_back(std::move(tool));
            }
        }
        if (document.size() > size_t(ToolSchema::kRecommendedMaxTools))
            m_problems.warning(QStringLiteral("$"), tr("%1 tools: the documentation advises at most %2")
                                                        .arg(document.size())
                                                        .arg(ToolSchema::kRecommendedMaxTools));
    }

private:
    // Fields the request builder does not send: warn, or the person believes they took effect.
    void warnUnknownFields(const json& object, const QString& path, std::initializer_list<const char*> known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool isKnown =
                std::any_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; });
            if (!isKnown)
                m_problems.warning(memberPath(path, fromStd(it.key())),
                                   tr("\u201c%1\u201d is not part of a tool definition and is not sent")
                                       .arg(fromStd(it.key())),
                                   true);
        }
    }

    bool checkTool(const json& item, const QString& path, api::ToolDefinition& tool)
    {
        if (!item.is_object()) {
            m_problems.error(path, tr("Each tool must be an object: {\"type\": \"function\", \"function\": "
                                      "{...}}"));
            return false;
        }
        bool ok = true;
        const auto type = item.find("type");
        if (type == item.end()) {
            m_problems.error(path, tr("Missing \"type\": it must be \"function\""));
            ok = false;
        } else if (!type->is_string() || type->get_ref<const std::string&>() != "function") {
            m_problems.error(path + QLatin1String(".type"), tr("\"type\" must be \"function\""));
            ok = false;
        }
        warnUnknownFields(item, path, {"type", "function"});

        const QString fnPath = path + QLatin1String(".function");
        const auto function = item.find("function");
        if (function == item.end()) {
            m_problems.error(path, tr("Missing \"function\" with the function's name, description and "
                                      "parameters"));
            return false;
        }
        if (!function->is_object()) {
            m_problems.error(fnPath, tr("\"function\" must be an object"));
            return false;
        }
        warnUnknownFields(*function, fnPath, {"name", "description", "parameters"});

        const auto name = function->find("name");
        if (name == function->end()) {
            m_problems.error(fnPath, tr("Missing \"name\""));
            ok = false;
        } else if (!name->is_string()) {
            m_problems.error(fnPath + QLatin1String(".name"), tr("\"name\" must be a string"));
            ok = false;
        } else {
            tool.name = fromStd(name->get<std::string>());
            if (!ToolSchema::isValidFunctionName(tool.name)) {
                m_problems.error(fnPath + QLatin1String(".name"),
                                 tr("\u201c%1\u201d is not a valid function name: use 1 to 64 letters, "
                                    "digits, _ or -")
                                     .arg(tool.name));
                ok = false;
            }
        }

        const auto description = function->find("description");
        if (description == function->end() || description->is_null()) {
            // The Chat API page makes it optional, the FC guide required [digest §2.6]; the model
            // decides from it whether to call.
            m_problems.warning(fnPath,
                               tr("No \"description\": the model decides from it when to call "
                                  "the function"),
                               true);
        } else if (!description->is_string()) {
            m_problems.error(fnPath + QLatin1String(".description"), tr("\"description\" must be a string"));
            ok = false;
        } else {
            tool.description = fromStd(description->get<std::string>());
        }

        const auto parameters = function->find("parameters");
        if (parameters != function->end() && !parameters->is_null()) {
            const size_t before = m_errors;
            checkSchema(*parameters, fnPath + QLatin1String(".parameters"), true, 0);
            ok = ok && m_errors == before;
            tool.parameters = *parameters;
        }
        return ok;
    }

    void error(const QString& path, const QString& message, bool atKey = false)
    {
        ++m_errors;
        m_problems.error(path, message, atKey);
    }

    void checkSchema(const json& schema, const QString& path, bool root, int depth)
    {
        if (!schema.is_object()) {
            error(path, root ? tr("\"parameters\" must be a JSON Schema object: {\"type\": \"object\", "
                                  "\"properties\": {...}}")
                             : tr("A property's schema must be an object such as {\"type\": \"string\"}"));
            return;
        }
        if (depth > 32)
            return; // deeper than any sensible function signature; the server decides
        const QStringList types = schemaTypes(schema);
        const auto type = schema.find("type");
        if (root) {
            if (type == schema.end() || !type->is_string() || type->get_ref<const std::string&>() != "object")
                error(type == schema.end() ? path : path + QLatin1String(".type"),
                      tr("\"parameters\" must have \"type\": \"object\""), type == schema.end());
        } else if (type == schema.end()) {
            if (schema.find("enum") == schema.end())
                m_problems.warning(path, tr("No \"type\": the model has to guess what to send"), true);
        } else if (!type->is_string() && !type->is_array()) {
            error(path + QLatin1String(".type"), tr("\"type\" must be a type name or a list of them"));
        } else {
            for (const QString& t : types)
                if (!knownTypes().contains(t))
                    error(path + QLatin1String(".type"),
                          tr("Unknown type \u201c%1\u201d: use %2")
                              .arg(t, knownTypes().mid(0, 6).join(QStringLiteral(", "))));
        }

        const auto description = schema.find("description");
        if (description != schema.end() && !description->is_string())
            error(path + QLatin1String(".description"), tr("\"description\" must be a string"));

        const auto enumValues = schema.find("enum");
        if (enumValues != schema.end() && (!enumValues->is_array() || enumValues->empty()))
            error(path + QLatin1String(".enum"),
                  tr("\"enum\" must be a non-empty array of the allowed values"));

        QSet<QString> propertyNames;
        const auto properties = schema.find("properties");
        if (properties != schema.end()) {
            if (!properties->is_object()) {
                error(path + QLatin1String(".properties"),
                      tr("\"properties\" must be an object mapping each parameter name to its schema"));
            } else {
                for (auto it = properties->begin(); it != properties->end(); ++it) {
                    propertyNames.insert(fromStd(it.key()));
                    checkSchema(it.value(),
                                memberPath(path + QLatin1String(".properties"), fromStd(it.key())), false,
                                depth + 1);
                }
            }
        }

        const auto required = schema.find("required");
        if (required != schema.end()) {
            const QString requiredPath = path + QLatin1String(".required");
            if (!required->is_array()) {
                error(requiredPath, tr("\"required\" must be an array of parameter names"));
            } else {
                for (size_t i = 0; i < required->size(); ++i) {
                    const json& entry = (*required)[i];
                    if (!entry.is_string())
                        error(indexPath(requiredPath, i),
                              tr("\"required\" must list parameter names (strings)"));
                    else if (properties != schema.end() && properties->is_object() &&
                             !propertyNames.contains(fromStd(entry.get<std::string>())))
                        error(indexPath(requiredPath, i),
                              tr("\u201c%1\u201d is required but not defined in \"properties\"")
                                  .arg(fromStd(entry.get<std::string>())));
                }
            }
        }

        const auto items = schema.find("items");
        if (items != schema.end())
            checkSchema(*items, path + QLatin1String(".items"), false, depth + 1);
        else if (!root && types.contains(QStringLiteral("array")))
            m_problems.warning(path, tr("An array without \"items\": the model has to guess its elements"),
                               true);
    }

    ProblemList& m_problems;
    size_t m_errors = 0;
};

// ---------------------------------------------------------------------------------------------
// Checking a call's arguments

class ArgumentChecker
{
public:
    explicit ArgumentChecker(ProblemList& problems) : m_problems(problems) {}

    void check(const ojson& value, const json& schema, const QString& path, int depth)
    {
        if (!schema.is_object() || depth > 64)
            return;
        const QStringList types = schemaTypes(schema);
        if (!types.isEmpty() &&
            std::none_of(types.begin(), types.end(), [&](const QString& t) { return hasType(value, t); })) {
            QStringList expected;
            for (const QString& t : types)
                expected << typePhrase(t);
            m_problems.error(path, tr("Expected %1, got %2").arg(orList(expected), valuePhrase(value)));
            return; // its inside is not worth checking against the wrong shape
        }

        const auto enumValues = schema.find("enum");
        if (enumValues != schema.end() && enumValues->is_array()) {
            // Compare as plain JSON values: 1 and 1.0 are equal, field order does not matter.
            const json plain = json::parse(value.dump(), nullptr, false);
            if (std::find(enumValues->begin(), enumValues->end(), plain) == enumValues->end()) {
                QStringList allowed;
                for (const json& v : *enumValues)
                    allowed << fromStd(v.dump(-1, ' ', false, json::error_handler_t::replace));
                m_problems.error(
                    path, tr("%1 is not one of the allowed values: %2")
                              .arg(fromStd(value.dump(-1, ' ', false, ojson::error_handler_t::replace)),
                                   allowed.join(QStringLiteral(", "))));
            }
        }

        if (value.is_object())
            checkObject(value, schema, path, depth);
        else if (value.is_array())
            checkArray(value, schema, path, depth);
    }

private:
    void checkObject(const ojson& value, const json& schema, const QString& path, int depth)
    {
        const auto required = schema.find("required");
        if (required != schema.end() && required->is_array())
            for (const json& name : *required)
                if (name.is_string() && !value.contains(name.get<std::string>()))
                    m_problems.error(
                        path,
                        tr("Missing required field \u201c%1\u201d").arg(fromStd(name.get<std::string>())));

        const auto properties = schema.find("properties");
        const bool hasProperties = properties != schema.end() && properties->is_object();
        const auto additional = schema.find("additionalProperties");
        const bool closed =
            additional != schema.end() && additional->is_boolean() && !additional->get<bool>();
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString child = memberPath(path, fromStd(it.key()));
            const auto property = hasProperties ? properties->find(it.key()) : schema.end();
            if (hasProperties && property != properties->end()) {
                check(it.value(), *property, child, depth + 1);
            } else if (closed) {
                m_problems.error(child,
                                 tr("Unknown field \u201c%1\u201d: the schema allows no other fields")
                                     .arg(fromStd(it.key())),
                                 true);
            } else if (hasProperties) {
                // Allowed by JSON Schema, but the docs warn that models invent parameters.
                m_problems.warning(child,
                                   tr("\u201c%1\u201d is not in the schema (the model may have "
                                      "invented it)")
                                       .arg(fromStd(it.key())),
                                   true);
            }
        }
    }

    void checkArray(const ojson& value, const json& schema, const QString& path, int depth)
    {
        const auto items = schema.find("items");
        if (items == schema.end() || !items->is_object())
            return;
        for (size_t i = 0; i < value.size(); ++i)
            check(value[i], *items, indexPath(path, i), depth + 1);
    }

    ProblemList& m_problems;
};

} // namespace

// -------------------------------------------------------------------------------------------------

QString Problem::toString() const
{
    QString text = message;
    if (!path.isEmpty() && path != QLatin1String("$"))
        text = QCoreApplication::translate("ark::tools::ToolSchema", "%1 (at %2)").arg(text, path);
    if (line > 0)
        text = QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(text);
    return text;
}

bool ToolsDocument::hasErrors() const
{
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.isError(); });
}

QStringList ToolsDocument::names() const
{
    QStringList out;
    for (const api::ToolDefinition& tool : tools)
        out << tool.name;
    return out;
}

bool ArgumentCheck::hasErrors() const
{
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.isError(); });
}

void ToolSchema::lineColumn(const QString& text, int offset, int* line, int* column)
{
    offset = std::clamp(offset, 0, int(text.size()));
    int l = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    *column = offset - lineStart + 1;
}

bool ToolSchema::isValidFunctionName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(name).hasMatch();
}

ToolsDocument ToolSchema::parseDocument(const QString& text)
{
    ToolsDocument document;
    if (text.trimmed().isEmpty())
        return document; // no tools at all
    json value;
    Problem syntax;
    if (!parseJson(text, &value, &syntax)) {
        document.problems.push_back(std::move(syntax));
        return document;
    }
    const LocationIndex index(text);
    ProblemList problems(text, &index);
    for (const QString& path : index.duplicateKeys())
        problems.error(path, tr("This field appears twice in the same object; only the last one counts"),
                       true);
    std::vector<api::ToolDefinition> tools;
    DocumentChecker(problems).checkTools(value, tools);
    document.problems = problems.take();
    if (!document.hasErrors())
        document.tools = std::move(tools);
    return document;
}

QString ToolSchema::toDocument(const std::vector<api::ToolDefinition>& tools)
{
    // Written in the order people read a definition (type, then name, description, parameters).
    ojson array = ojson::array();
    for (const api::ToolDefinition& tool : tools) {
        ojson function;
        function["name"] = tool.name.toStdString();
        if (!tool.description.isEmpty())
            function["description"] = tool.description.toStdString();
        if (!tool.parameters.is_null())
            function["parameters"] = ojson::parse(tool.parameters.dump());
        ojson entry;
        entry["type"] = "function";
        entry["function"] = std::move(function);
        array.push_back(std::move(entry));
    }
    return fromStd(array.dump(2, ' ', false, ojson::error_handler_t::replace)) + QLatin1Char('\n');
}

ArgumentCheck ToolSchema::checkArguments(const QString& argumentsText, const nlohmann::json& parameters)
{
    ArgumentCheck check;
    ojson value = ojson::object();
    if (!argumentsText.trimmed().isEmpty()) {
        Problem syntax;
        if (!parseJson(argumentsText, &value, &syntax)) {
            check.pretty = argumentsText;
            check.problems.push_back(std::move(syntax));
            return check;
        }
    }
    check.parsed = true;
    check.pretty = fromStd(value.dump(2, ' ', false, ojson::error_handler_t::replace));
    check.value = json::parse(value.dump(), nullptr, false);

    // Problems are placed in the pretty text: that is what the inspector shows.
    const LocationIndex index(check.pretty);
    ProblemList problems(check.pretty, &index);
    json schema = parameters;
    if (schema.is_null())
        schema = json{{"type", "object"}};
    ArgumentChecker(problems).check(value, schema, QStringLiteral("$"), 0);
    check.problems = problems.take();
    return check;
}

ArgumentCheck ToolSchema::checkCall(const api::ToolCall& call, const std::vector<api::ToolDefinition>& tools)
{
    const auto tool = std::find_if(tools.begin(), tools.end(),
                                   [&](const api::ToolDefinition& t) { return t.name == call.name; });
    if (tool != tools.end())
        return checkArguments(call.arguments, tool->parameters);
    ArgumentCheck check = checkArguments(call.arguments, json());
    Problem unknown;
    unknown.message =
        call.name.isEmpty()
            ? tr("The call names no function")
            : tr("The model called \u201c%1\u201d, which is not among the tools").arg(call.name);
    check.problems.insert(check.problems.begin(), std::move(unknown));
    return check;
}

std::vector<Preset> ToolSchema::presets()
{
    // The weather tool of the docs' tool-calling guide (digest Example 5).
    const QString weather = QStringLiteral(R"json([
  {
    "type": "function",
    "function": {
      "name": "get_current_weather",
      "description": "获取给定地点的天气",
      "parameters": {
        "type": "object",
        "properties": {
          "location": {
            "type": "string",
            "description": "地点的位置信息，比如北京"
          },
          "unit": {
            "type": "string",
            "enum": ["摄氏度", "华氏度"]
          }
        },
        "required": ["location"]
      }
    }
  }
]
)json");
    return {
        {QStringLiteral("builtin"), tr("Built-in tools (calculator, date and time, read a file)"),
         toDocument(BuiltinTools::definitions())},
        {QStringLiteral("weather"), tr("Weather example from the documentation"), weather},
        {QStringLiteral("empty"), tr("Empty list"), QStringLiteral("[]\n")},
    };
}

} // namespace ark::tools
