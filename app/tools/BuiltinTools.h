// Local tools the app really runs when the model calls them: a calculator, the current date and time
// in a time zone, and reading a text file. Each comes with its ToolDefinition; each run gives the
// text of the `tool` message that answers the call (an error is answered too, as text: the model must
// get one message per call id, failures included [digest §7 item 5]).
//
// Reading a file needs the person's approval: run() refuses it unless the caller passes the path the
// person approved (the UI asks; automatic mode never reads files on its own).
#pragma once

#include "api/ChatTypes.h"

#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace ark::tools {

// An arithmetic expression evaluator: numbers (1, 2.5, .5, 1e3), + - * / % (remainder) ^ (power, also
// **), parentheses, unary minus and plus, the constants pi and e, and the functions sqrt, abs, min,
// max (any number of arguments), round (x, or x and a number of decimals), floor, ceil, exp, ln, log
// (base 10), sin, cos, tan (radians). × and ÷ are read as * and /. Nothing else is evaluated.
class Calculator
{
public:
    static constexpr int kMaxLength = 1000;
    static constexpr int kMaxDepth = 100;

    struct Result
    {
        bool ok = false;
        double value = 0;
        QString error;     // translated, e.g. "Division by zero at column 5"
        int position = -1; // 0-based character position of the error, -1 when none
    };
    static Result evaluate(const QString& expression);
    // A value as text: integers without a decimal point (below 2^53), others with up to 15
    // significant digits; never "-0".
    static QString format(double value);
};

struct ToolOutcome
{
    bool ok = false;
    QString content; // the tool message's content; an error says what went wrong
};

class BuiltinTools
{
public:
    using Clock = std::function<QDateTime()>; // returns the current instant (any time spec)

    static constexpr qint64 kDefaultMaxFileBytes = 100 * 1024;

    static QString calculatorName(); // "calculator"
    static QString dateTimeName();   // "get_current_datetime"
    static QString readFileName();   // "read_text_file"
    static std::vector<api::ToolDefinition> definitions();
    static std::optional<api::ToolDefinition> definition(const QString& name);
    static bool isBuiltin(const QString& name);
    // True for tools that must not run without the person's say (reading a file).
    static bool needsApproval(const QString& name);
    // The file a read_text_file call asks for ("" when its arguments do not name one).
    static QString requestedPath(const api::ToolCall& call);

    explicit BuiltinTools(Clock clock = {});

    void setClock(Clock clock); // for tests; the default is QDateTime::currentDateTimeUtc
    void setMaxFileBytes(qint64 bytes);
    qint64 maxFileBytes() const { return m_maxFileBytes; }

    // Runs a call to a built-in tool. Arguments that are not valid JSON, unknown tools and a
    // read_text_file call without `approvedPath` give an error outcome. For read_text_file the
    // approved path is read (the person may have picked another file than the one the model named).
    ToolOutcome run(const api::ToolCall& call, const QString& approvedPath = {}) const;

    ToolOutcome calculate(const QString& expression) const;
    // A JSON object: {"timezone", "datetime" (ISO 8601 with offset), "date", "time", "weekday",
    // "utc_offset"}. An empty zone means the system's zone; an unknown one is an error.
    ToolOutcome currentDateTime(const QString& ianaZone) const;
    // The file's text as UTF-8, at most maxFileBytes() of it (cut at a character boundary, with a
    // note saying so). Files that are not UTF-8 text (NUL bytes, invalid sequences) are errors.
    ToolOutcome readTextFile(const QString& path) const;

private:
    Clock m_clock;
    qint64 m_maxFileBytes = kDefaultMaxFileBytes;
};

} // namespace ark::tools
