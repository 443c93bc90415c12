// Tool definitions as a person edits them, and the model's call arguments checked against them.
//
// A tools document is the JSON array the API takes as "tools" (digest §2.6):
//   [{"type":"function","function":{"name":..., "description":..., "parameters":{JSON Schema}}}]
// Every problem found is located (line and column in the text, and a JSON path such as
// $[1].function.name) so an editor can mark it where it is. The model "does not always produce valid
// JSON and may invent parameters" (digest §2.2, §7 item 6): checkArguments() reports parse errors,
// missing required fields, mistyped fields, values outside an enum and invented fields, each with
// its JSON path, and never throws.
#pragma once

#include "api/ChatTypes.h"

#include <QString>
#include <vector>

namespace ark::tools {

struct Problem
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString path;    // "$[0].function.name", "$.location"; "$" is the whole document
    QString message; // readable and translated, without the location
    int line = 0;    // 1-based; 0 when not located in a text
    int column = 0;  // 1-based, in UTF-16 code units of the line
    int offset = -1; // UTF-16 position in the text, -1 when not located
    int length = 0;  // how many UTF-16 code units to mark from offset (at least 1 when located)

    bool isError() const { return severity == Severity::Error; }
    // "3:14: message (path)" or "message (path)" when not located.
    QString toString() const;
};

struct ToolsDocument
{
    std::vector<api::ToolDefinition> tools; // only when the document has no errors
    std::vector<Problem> problems;          // sorted by position; warnings do not block
    bool hasErrors() const;
    QStringList names() const; // the tools' names, in document order
};

struct ArgumentCheck
{
    bool parsed = false;  // the text is JSON
    nlohmann::json value; // the parsed value (null when !parsed)
    QString pretty;       // indented JSON when parsed, else the text as received
    std::vector<Problem> problems;
    bool hasErrors() const;
};

struct Preset
{
    QString id;       // "builtin", "weather", "empty"
    QString title;    // translated, for a menu
    QString document; // indented JSON text
};

class ToolSchema
{
public:
    static constexpr int kRecommendedMaxTools = 20; // the FC guide's advice

    // Parses a tools document. Syntax errors come from QJsonParseError (translated by Qt) at their
    // line:column; then the semantic checks: each entry an object with type "function", a function
    // object, a valid unique name, a string description (warning when missing: the model decides
    // from it), parameters a JSON Schema object of type "object" whose properties have known
    // types and whose "required" names existing properties. Empty text means no tools.
    static ToolsDocument parseDocument(const QString& text);

    // Indented JSON text of definitions (what presets and the editor show).
    static QString toDocument(const std::vector<api::ToolDefinition>& tools);

    // Checks a call's argument text against a "parameters" schema (null schema: any JSON object).
    // Empty text counts as {} (some models send "" for functions without parameters).
    static ArgumentCheck checkArguments(const QString& argumentsText, const nlohmann::json& parameters);
    // The same for a call against a list of tools; calling an unknown function is an error.
    static ArgumentCheck checkCall(const api::ToolCall& call, const std::vector<api::ToolDefinition>& tools);

    // Function names the API accepts: 1 to 64 of A-Z a-z 0-9 _ -.
    static bool isValidFunctionName(const QString& name);

    // 1-based line and column of a UTF-16 position in `text`.
    static void lineColumn(const QString& text, int offset, int* line, int* column);

    // Starting points for the editor: the built-in tools, the weather example of the docs, empty.
    static std::vector<Preset> presets();
};

} // namespace ark::tools
