#include "BuiltinTools.h"

#include "ToolSchema.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringDecoder>
#include <QTimeZone>
#include <cmath>
#include <limits>

namespace ark::tools {

namespace {

using nlohmann::json;

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("ark::tools::BuiltinTools", text, disambiguation, n);
}

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;

// ---------------------------------------------------------------------------------------------
// The calculator: a recursive-descent parser that evaluates as it reads.
//   expr    := term (('+' | '-') term)*
//   term    := unary (('*' | '/' | '%') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary (('^' | '**') unary)?      right-associative; -2^2 = -4, 2^-1 = 0.5
//   primary := number | '(' expr ')' | name | name '(' expr (',' expr)* ')'

class CalcParser
{
public:
    explicit CalcParser(const QString& text) : m_text(text) {}

    Calculator::Result run()
    {
        Calculator::Result result;
        skipSpace();
        if (atEnd())
            return failed(tr("The expression is empty"), 0);
        double value = 0;
        if (!parseExpr(value))
            return failed(m_error, m_errorPos);
        skipSpace();
        if (!atEnd())
            return failed(unexpected(), m_pos);
        result.ok = true;
        result.value = value == 0 ? 0 : value; // no "-0"
        return result;
    }

private:
    Calculator::Result failed(const QString& message, int position) const
    {
        Calculator::Result result;
        result.error = message;
        result.position = position;
        return result;
    }

    bool fail(const QString& message, int position)
    {
        if (m_error.isEmpty()) {
            m_error = message;
            m_errorPos = position;
        }
        return false;
    }

    QString unexpected() const
    {
        if (atEnd())
            return tr("The expression ends too early");
        return tr("Unexpected \u201c%1\u201d at column %2").arg(m_text.at(m_pos)).arg(m_pos + 1);
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }
    // Reads an operator character, with × and ÷ as * and /.
    QChar peekOperator() const
    {
        const QChar c = peek();
        if (c == QChar(0x00D7))
            return QLatin1Char('*');
        if (c == QChar(0x00F7))
            return QLatin1Char('/');
        if (c == QChar(0x2212)) // minus sign
            return QLatin1Char('-');
        return c;
    }
    bool isPowerOperator() const
    {
        return peek() == QLatin1Char('^') || (peek() == QLatin1Char('*') && m_pos + 1 < m_text.size() &&
                                              m_text.at(m_pos + 1) == QLatin1Char('*'));
    }

    bool checkFinite(double value, int position)
    {
        if (std::isnan(value))
            return fail(tr("The result at column %1 is not a real number").arg(position + 1), position);
        if (std::isinf(value))
            return fail(tr("The result at column %1 is too large").arg(position + 1), position);
        return true;
    }

    bool parseExpr(double& value)
    {
        if (!parseTerm(value))
            return false;
        for (;;) {
            skipSpace();
            const QChar op = peekOperator();
            if (op != QLatin1Char('+') && op != QLatin1Char('-'))
                return true;
            const int at = m_pos++;
            double rhs = 0;
            if (!parseTerm(rhs))
                return false;
            value = op == QLatin1Char('+') ? value + rhs : value - rhs;
            if (!checkFinite(value, at))
                return false;
        }
    }

    bool parseTerm(double& value)
    {
        if (!parseUnary(value))
            return false;
        for (;;) {
            skipSpace();
            const QChar op = peekOperator();
            if ((op != QLatin1Char('*') && op != QLatin1Char('/') && op != QLatin1Char('%')) ||
                isPowerOperator())
                return true;
            const int at = m_pos++;
            double rhs = 0;
            if (!parseUnary(rhs))
                return false;
            if (op == QLatin1Char('*')) {
                value *= rhs;
            } else if (rhs == 0) {
                return fail(op == QLatin1Char('/')
                                ? tr("Division by zero at column %1").arg(at + 1)
                                : tr("Remainder of a division by zero at column %1").arg(at + 1),
                            at);
            } else {
                value = op == QLatin1Char('/') ? value / rhs : std::fmod(value, rhs);
            }
            if (!checkFinite(value, at))
                return false;
        }
    }

    bool parseUnary(double& value)
    {
        skipSpace();
        const QChar op = peekOperator();
        if (op != QLatin1Char('-') && op != QLatin1Char('+'))
            return parsePower(value);
        ++m_pos;
        if (++m_depth > Calculator::kMaxDepth)
            return fail(tr("The expression is nested too deeply"), m_pos);
        const bool ok = parseUnary(value);
        --m_depth;
        if (ok && op == QLatin1Char('-'))
            value = -value;
        return ok;
    }

    bool parsePower(double& value)
    {
        if (!parsePrimary(value))
            return false;
        skipSpace();
        if (!isPowerOperator())
            return true;
        const int at = m_pos;
        m_pos += peek() == QLatin1Char('^') ? 1 : 2;
        double exponent = 0;
        if (++m_depth > Calculator::kMaxDepth)
            return fail(tr("The expression is nested too deeply"), m_pos);
        const bool ok = parseUnary(exponent);
        --m_depth;
        if (!ok)
            return false;
        if (value == 0 && exponent < 0)
            return fail(tr("Division by zero at column %1 (zero to a negative power)").arg(at + 1), at);
        value = std::pow(value, exponent);
        return checkFinite(value, at);
    }

    bool parseNumber(double& value)
    {
        const int start = m_pos;
        while (!atEnd() && peek().isDigit() && peek().unicode() < 128)
            ++m_pos;
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            while (!atEnd() && peek().isDigit() && peek().unicode() < 128)
                ++m_pos;
        }
        if (m_pos - start == 1 && m_text.at(start) == QLatin1Char('.'))
            return fail(tr("A lone \u201c.\u201d at column %1 is not a number").arg(start + 1), start);
        if (peek() == QLatin1Char('e') || peek() == QLatin1Char('E')) {
            const int mark = m_pos++;
            if (peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                ++m_pos;
            if (!peek().isDigit())
                return fail(tr("Malformed number at column %1").arg(start + 1), mark);
            while (!atEnd() && peek().isDigit() && peek().unicode() < 128)
                ++m_pos;
        }
        bool ok = false;
        value = QLocale::c().toDouble(QStringView(m_text).mid(start, m_pos - start), &ok);
        if (!ok)
            return fail(tr("Malformed number at column %1").arg(start + 1), start);
        return checkFinite(value, start);
    }

    bool parsePrimary(double& value)
    {
        skipSpace();
        if (atEnd())
            return fail(tr("The expression ends too early"), m_pos);
        const QChar c = peek();
        if ((c.isDigit() && c.unicode() < 128) || c == QLatin1Char('.'))
            return parseNumber(value);
        if (c == QLatin1Char('(')) {
            const int open = m_pos++;
            if (++m_depth > Calculator::kMaxDepth)
                return fail(tr("The expression is nested too deeply"), open);
            if (!parseExpr(value))
                return false;
            --m_depth;
            skipSpace();
            if (peek() != QLatin1Char(')'))
                return fail(atEnd()
                                ? tr("Missing \u201c)\u201d for the \u201c(\u201d at column %1").arg(open + 1)
                                : unexpected(),
                            m_pos);
            ++m_pos;
            return true;
        }
        if (c.isLetter() || c == QLatin1Char('_') || c == QChar(0x03C0))
            return parseName(value);
        return fail(unexpected(), m_pos);
    }

    bool parseName(double& value)
    {
        const int start = m_pos;
        while (!atEnd() && (peek().isLetterOrNumber() || peek() == QLatin1Char('_')))
            ++m_pos;
        const QString name = m_text.mid(start, m_pos - start).toLower();
        skipSpace();
        if (peek() != QLatin1Char('(')) {
            if (name == QLatin1String("pi") || name == QString(QChar(0x03C0))) {
                value = kPi;
                return true;
            }
            if (name == QLatin1String("e")) {
                value = kE;
                return true;
            }
            return fail(tr("Unknown name \u201c%1\u201d at column %2").arg(name).arg(start + 1), start);
        }
        ++m_pos;
        std::vector<double> args;
        if (++m_depth > Calculator::kMaxDepth)
            return fail(tr("The expression is nested too deeply"), start);
        skipSpace();
        if (peek() != QLatin1Char(')')) {
            for (;;) {
                double arg = 0;
                if (!parseExpr(arg))
                    return false;
                args.push_back(arg);
                skipSpace();
                if (peek() == QLatin1Char(',')) {
                    ++m_pos;
                    continue;
                }
                break;
            }
        }
        --m_depth;
        if (peek() != QLatin1Char(')'))
            return fail(atEnd() ? tr("Missing \u201c)\u201d for %1( at column %2").arg(name).arg(start + 1)
                                : unexpected(),
                        m_pos);
        ++m_pos;
        return apply(name, args, start, value);
    }

    bool arity(const QString& name, const std::vector<double>& args, size_t min, size_t max, int at)
    {
        if (args.size() >= min && args.size() <= max)
            return true;
        if (min == max)
            return fail(tr("%1() takes %n argument(s), got %2 (column %3)", nullptr, int(min))
                            .arg(name)
                            .arg(args.size())
                            .arg(at + 1),
                        at);
        if (max == std::numeric_limits<size_t>::max())
            return fail(
                tr("%1() takes at least %n argument(s) (column %2)", nullptr, int(min)).arg(name).arg(at + 1),
                at);
        return fail(tr("%1() takes %2 to %3 arguments, got %4 (column %5)")
                        .arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(args.size())
                        .arg(at + 1),
                    at);
    }

    bool apply(const QString& name, const std::vector<double>& args, int at, double& value)
    {
        const size_t many = std::numeric_limits<size_t>::max();
        if (name == QLatin1String("sqrt")) {
            if (!arity(name, args, 1, 1, at))
                return false;
            if (args[0] < 0)
                return fail(tr("Square root of a negative number at column %1").arg(at + 1), at);
            value = std::sqrt(args[0]);
        } else if (name == QLatin1String("abs")) {
            if (!arity(name, args, 1, 1, at))
                return false;
            value = std::fabs(args[0]);
        } else if (name == QLatin1String("min") || name == QLatin1String("max")) {
            if (!arity(name, args, 1, many, at))
                return false;
            value = args[0];
            for (double a : args)
                value = name == QLatin1String("min") ? std::min(value, a) : std::max(value, a);
        } else if (name == QLatin1String("round")) {
            if (!arity(name, args, 1, 2, at))
                return false;
            const double digits = args.size() == 2 ? args[1] : 0;
            if (digits != std::floor(digits) || digits < 0 || digits > 15)
                return fail(
                    tr("round() takes a whole number of decimals from 0 to 15 (column %1)").arg(at + 1), at);
            const double scale = std::pow(10.0, digits);
            value = std::round(args[0] * scale) / scale;
        } else if (name == QLatin1String("floor") || name == QLatin1String("ceil")) {
            if (!arity(name, args, 1, 1, at))
                return false;
            value = name == QLatin1String("floor") ? std::floor(args[0]) : std::ceil(args[0]);
        } else if (name == QLatin1String("exp")) {
            if (!arity(name, args, 1, 1, at))
                return false;
            value = std::exp(args[0]);
        } else if (name == QLatin1String("ln") || name == QLatin1String("log")) {
            if (!arity(name, args, 1, 1, at))
                return false;
            if (args[0] <= 0)
                return fail(tr("Logarithm of zero or a negative number at column %1").arg(at + 1), at);
            value = name == QLatin1String("ln") ? std::log(args[0]) : std::log10(args[0]);
        } else if (name == QLatin1String("sin") || name == QLatin1String("cos") ||
                   name == QLatin1String("tan")) {
            if (!arity(name, args, 1, 1, at))
                return false;
            value = name == QLatin1String("sin")   ? std::sin(args[0])
                    : name == QLatin1String("cos") ? std::cos(args[0])
                                                   : std::tan(args[0]);
        } else {
            return fail(tr("Unknown function \u201c%1\u201d at column %2").arg(name).arg(at + 1), at);
        }
        return checkFinite(value, at);
    }

    const QString& m_text;
    int m_pos = 0;
    int m_depth = 0;
    QString m_error;
    int m_errorPos = -1;
};

ToolOutcome failure(const QString& message)
{
    return {false, QCoreApplication::translate("ark::tools::BuiltinTools", "Error: %1").arg(message)};
}

QString utcOffsetText(int seconds)
{
    const QChar sign = seconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    seconds = std::abs(seconds);
    return QStringLiteral("%1%2:%3")
        .arg(sign)
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

// The definitions are protocol text read by the model, so they stay in English (not translated).
json calculatorParameters()
{
    return json::parse(R"json({
        "type": "object",
        "properties": {
            "expression": {
                "type": "string",
                "description": "The arithmetic expression, for example (2+3)*4 or sqrt(2)/2"
            }
        },
        "required": ["expression"]
    })json");
}

json dateTimeParameters()
{
    return json::parse(R"json({
        "type": "object",
        "properties": {
            "timezone": {
                "type": "string",
                "description": "An IANA time zone name such as Asia/Shanghai or America/New_York; omit it for the user's own time zone"
            }
        }
    })json");
}

json readFileParameters()
{
    return json::parse(R"json({
        "type": "object",
        "properties": {
            "path": {
                "type": "string",
                "description": "The absolute path of the text file to read"
            }
        },
        "required": ["path"]
    })json");
}

QString stringArgument(const json& arguments, const char* key)
{
    const auto it = arguments.find(key);
    return it != arguments.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                    : QString();
}

} // namespace

// -------------------------------------------------------------------------------------------------

Calculator::Result Calculator::evaluate(const QString& expression)
{
    if (expression.size() > kMaxLength) {
        Result result;
        result.error = tr("The expression is too long (more than %1 characters)").arg(kMaxLength);
        result.position = kMaxLength;
        return result;
    }
    return CalcParser(expression).run();
}

QString Calculator::format(double value)
{
    if (value == 0)
        return QStringLiteral("0");
    // Below 2^53 a double holds every integer exactly, so all its digits are true.
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 15);
}

QString BuiltinTools::calculatorName()
{
    return QStringLiteral("calculator");
}

QString BuiltinTools::dateTimeName()
{
    return QStringLiteral("get_current_datetime");
}

QString BuiltinTools::readFileName()
{
    return QStringLiteral("read_text_file");
}

std::vector<api::ToolDefinition> BuiltinTools::definitions()
{
    return {
        {calculatorName(),
         QStringLiteral("Evaluates an arithmetic expression and returns the number. Supports + - * / % ^, "
                        "parentheses, sqrt, abs, min, max, round, floor, ceil, exp, ln, log, sin, cos, tan, "
                        "pi and e."),
         calculatorParameters()},
        {dateTimeName(), QStringLiteral("Returns the current date, time and weekday in a time zone."),
         dateTimeParameters()},
        {readFileName(),
         QStringLiteral("Reads a UTF-8 text file on the user's computer, after the user approves it, and "
                        "returns its text (at most 100 KB)."),
         readFileParameters()},
    };
}

std::optional<api::ToolDefinition> BuiltinTools::definition(const QString& name)
{
    for (api::ToolDefinition& tool : definitions())
        if (tool.name == name)
            return std::move(tool);
    return std::nullopt;
}

bool BuiltinTools::isBuiltin(const QString& name)
{
    return name == calculatorName() || name == dateTimeName() || name == readFileName();
}

bool BuiltinTools::needsApproval(const QString& name)
{
    return name == readFileName();
}

QString BuiltinTools::requestedPath(const api::ToolCall& call)
{
    const json arguments = json::parse(call.arguments.toStdString(), nullptr, false);
    return arguments.is_object() ? stringArgument(arguments, "path") : QString();
}

BuiltinTools::BuiltinTools(Clock clock)
{
    setClock(std::move(clock));
}

void BuiltinTools::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

void BuiltinTools::setMaxFileBytes(qint64 bytes)
{
    m_maxFileBytes = std::max<qint64>(1, bytes);
}

ToolOutcome BuiltinTools::run(const api::ToolCall& call, const QString& approvedPath) const
{
    const std::optional<api::ToolDefinition> tool = definition(call.name);
    if (!tool)
        return failure(tr("\u201c%1\u201d is not a built-in tool").arg(call.name));
    const ArgumentCheck check = ToolSchema::checkArguments(call.arguments, tool->parameters);
    if (check.hasErrors()) {
        QStringList problems;
        for (const Problem& p : check.problems)
            if (p.isError())
                problems << p.toString();
        return failure(tr("The arguments do not fit the tool: %1").arg(problems.join(QStringLiteral("; "))));
    }
    if (call.name == calculatorName())
        return calculate(stringArgument(check.value, "expression"));
    if (call.name == dateTimeName())
        return currentDateTime(stringArgument(check.value, "timezone"));
    if (approvedPath.isEmpty())
        return failure(tr("Reading a file needs the user's approval, and it was not given"));
    return readTextFile(approvedPath);
}

ToolOutcome BuiltinTools::calculate(const QString& expression) const
{
    const Calculator::Result result = Calculator::evaluate(expression);
    if (!result.ok)
        return failure(result.error);
    return {true, Calculator::format(result.value)};
}

ToolOutcome BuiltinTools::currentDateTime(const QString& ianaZone) const
{
    const QTimeZone zone =
        ianaZone.trimmed().isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(ianaZone.trimmed().toUtf8());
    if (!zone.isValid())
        return failure(tr("Unknown time zone \u201c%1\u201d: use an IANA name such as Asia/Shanghai or "
                          "Europe/Berlin")
                           .arg(ianaZone));
    const QDateTime local = m_clock().toTimeZone(zone);
    const QString date = local.date().toString(Qt::ISODate);
    const QString time = local.time().toString(QStringLiteral("HH:mm:ss"));
    const QString offset = utcOffsetText(local.offsetFromUtc());
    nlohmann::ordered_json out;
    out["timezone"] = QString::fromUtf8(zone.id()).toStdString();
    out["datetime"] = (date + QLatin1Char('T') + time + offset).toStdString();
    out["date"] = date.toStdString();
    out["time"] = time.toStdString();
    out["weekday"] = QLocale::c().dayName(local.date().dayOfWeek(), QLocale::LongFormat).toStdString();
    out["utc_offset"] = offset.toStdString();
    return {true, QString::fromStdString(out.dump(-1, ' ', false))};
}

ToolOutcome BuiltinTools::readTextFile(const QString& path) const
{
    if (path.trimmed().isEmpty())
        return failure(tr("No file was named"));
    const QFileInfo info(path);
    if (!info.exists())
        return failure(tr("The file %1 does not exist").arg(path));
    if (info.isDir())
        return failure(tr("%1 is a folder, not a file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("The file %1 cannot be read: %2").arg(path, file.errorString()));

    // One byte more than the cap tells whether there is more, and where a character is cut.
    QByteArray bytes = file.read(m_maxFileBytes + 1);
    const qint64 totalBytes = std::max<qint64>(file.size(), bytes.size());
    const bool truncated = bytes.size() > m_maxFileBytes;
    if (truncated) {
        qsizetype cut = qsizetype(m_maxFileBytes);
        while (cut > 0 && (static_cast<unsigned char>(bytes.at(cut)) & 0xC0) == 0x80)
            --cut; // never split a UTF-8 sequence
        bytes.truncate(cut);
    }
    if (bytes.contains('\0'))
        return failure(tr("%1 is not a text file").arg(path));
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return failure(tr("%1 is not UTF-8 text").arg(path));
    if (truncated)
        text += tr("\n\n[Truncated: the first %1 of %2 bytes are shown.]").arg(bytes.size()).arg(totalBytes);
    return {true, text};
}

} // namespace ark::tools
