// The built-in tools really run: the calculator, the date and time in a zone (with an injected
// clock), and reading a text file within its cap.
#include "tools/BuiltinTools.h"
#include "tools/ToolSchema.h"

#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace ark;
using tools::BuiltinTools;
using tools::Calculator;
using tools::ToolOutcome;

namespace {

api::ToolCall call(const QString& name, const QString& arguments)
{
    api::ToolCall c;
    c.id = QStringLiteral("call_1");
    c.name = name;
    c.arguments = arguments;
    return c;
}

nlohmann::json parse(const QString& text)
{
    return nlohmann::json::parse(text.toStdString());
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace

class TestBuiltinTools : public QObject
{
    Q_OBJECT

private slots:
    void calculator_data();
    void calculator();
    void calculatorErrors_data();
    void calculatorErrors();
    void format_data();
    void format();
    void dateTime_data();
    void dateTime();
    void dateTimeUnknownZone();
    void readFile();
    void readFileCap();
    void readFileRefusals();
    void runDispatch();
    void definitionsAreValid();
};

void TestBuiltinTools::calculator_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("result");

    QTest::newRow("integer") << QStringLiteral("42") << QStringLiteral("42");
    QTest::newRow("precedence") << QStringLiteral("2+3*4") << QStringLiteral("14");
    QTest::newRow("parentheses") << QStringLiteral("(2+3)*4") << QStringLiteral("20");
    QTest::newRow("left associative minus") << QStringLiteral("10-4-3") << QStringLiteral("3");
    QTest::newRow("left associative division") << QStringLiteral("100/10/5") << QStringLiteral("2");
    QTest::newRow("decimals") << QStringLiteral("0.1+0.2") << QStringLiteral("0.3");
    QTest::newRow("leading dot") << QStringLiteral(".5*4") << QStringLiteral("2");
    QTest::newRow("exponent notation") << QStringLiteral("1.5e3 + 2E-1") << QStringLiteral("1500.2");
    QTest::newRow("division gives a fraction") << QStringLiteral("7/2") << QStringLiteral("3.5");
    QTest::newRow("remainder") << QStringLiteral("17 % 5") << QStringLiteral("2");
    QTest::newRow("remainder of decimals") << QStringLiteral("5.5 % 2") << QStringLiteral("1.5");
    QTest::newRow("power") << QStringLiteral("2^10") << QStringLiteral("1024");
    QTest::newRow("power with **") << QStringLiteral("2**3") << QStringLiteral("8");
    QTest::newRow("power is right associative") << QStringLiteral("2^3^2") << QStringLiteral("512");
    QTest::newRow("unary minus binds looser than power") << QStringLiteral("-2^2") << QStringLiteral("-4");
    QTest::newRow("negative exponent") << QStringLiteral("2^-1") << QStringLiteral("0.5");
    QTest::newRow("unary minus") << QStringLiteral("-(3-5)") << QStringLiteral("2");
    QTest::newRow("double unary") << QStringLiteral("--3 + +2") << QStringLiteral("5");
    QTest::newRow("minus times minus") << QStringLiteral("-3*-3") << QStringLiteral("9");
    QTest::newRow("spaces everywhere") << QStringLiteral("  ( 1 +\t2 ) * 3  ") << QStringLiteral("9");
    QTest::newRow("multiplication and division signs") << QStringLiteral("6×7÷2") << QStringLiteral("21");
    QTest::newRow("sqrt") << QStringLiteral("sqrt(16)") << QStringLiteral("4");
    QTest::newRow("sqrt of 2") << QStringLiteral("sqrt(2)") << QStringLiteral("1.4142135623731");
    QTest::newRow("abs") << QStringLiteral("abs(-7.5)") << QStringLiteral("7.5");
    QTest::newRow("min of many") << QStringLiteral("min(4, 2, 8)") << QStringLiteral("2");
    QTest::newRow("max with expressions") << QStringLiteral("max(1+1, 3*1, -5)") << QStringLiteral("3");
    QTest::newRow("round") << QStringLiteral("round(2.5)") << QStringLiteral("3");
    QTest::newRow("round negative half") << QStringLiteral("round(-2.5)") << QStringLiteral("-3");
    QTest::newRow("round to decimals") << QStringLiteral("round(3.14159, 2)") << QStringLiteral("3.14");
    QTest::newRow("floor and ceil") << QStringLiteral("floor(2.7) + ceil(2.1)") << QStringLiteral("5");
    QTest::newRow("pi") << QStringLiteral("round(pi, 4)") << QStringLiteral("3.1416");
    QTest::newRow("e and ln") << QStringLiteral("ln(e)") << QStringLiteral("1");
    QTest::newRow("log base 10") << QStringLiteral("log(1000)") << QStringLiteral("3");
    QTest::newRow("trigonometry in radians")
        << QStringLiteral("round(sin(pi/2) + cos(0), 10)") << QStringLiteral("2");
    QTest::newRow("case insensitive names") << QStringLiteral("SQRT(9) + Abs(-1)") << QStringLiteral("4");
    QTest::newRow("nested functions") << QStringLiteral("sqrt(abs(-81)) ^ 2") << QStringLiteral("81");
    QTest::newRow("negative zero is zero") << QStringLiteral("-0*5") << QStringLiteral("0");
    QTest::newRow("large integer") << QStringLiteral("2^50") << QStringLiteral("1125899906842624");
    QTest::newRow("very large") << QStringLiteral("10^20") << QStringLiteral("1e+20");
    QTest::newRow("tiny") << QStringLiteral("1/3") << QStringLiteral("0.333333333333333");
}

void TestBuiltinTools::calculator()
{
    QFETCH(QString, expression);
    QFETCH(QString, result);
    const Calculator::Result r = Calculator::evaluate(expression);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.error.isEmpty());
    QCOMPARE(Calculator::format(r.value), result);
    const ToolOutcome outcome = BuiltinTools().calculate(expression);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.content, result);
}

void TestBuiltinTools::calculatorErrors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("position");

    QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("The expression is empty") << 0;
    QTest::newRow("division by zero")
        << QStringLiteral("1 / (2-2)") << QStringLiteral("Division by zero at column 3") << 2;
    QTest::newRow("remainder by zero")
        << QStringLiteral("5 % 0") << QStringLiteral("Remainder of a division by zero at column 3") << 2;
    QTest::newRow("zero to a negative power")
        << QStringLiteral("0^-1") << QStringLiteral("Division by zero at column 2 (zero to a negative power)")
        << 1;
    QTest::newRow("trailing operator")
        << QStringLiteral("1 +") << QStringLiteral("The expression ends too early") << 3;
    QTest::newRow("two operators") << QStringLiteral("2 * / 3")
                                   << QStringLiteral("Unexpected \u201c/\u201d at column 5") << 4;
    QTest::newRow("missing closing parenthesis")
        << QStringLiteral("(1 + 2")
        << QStringLiteral("Missing \u201c)\u201d for the \u201c(\u201d at column 1") << 6;
    QTest::newRow("extra closing parenthesis")
        << QStringLiteral("(1 + 2))") << QStringLiteral("Unexpected \u201c)\u201d at column 8") << 7;
    QTest::newRow("implicit multiplication")
        << QStringLiteral("2(3)") << QStringLiteral("Unexpected \u201c(\u201d at column 2") << 1;
    QTest::newRow("unknown function")
        << QStringLiteral("1 + system(1)")
        << QStringLiteral("Unknown function \u201csystem\u201d at column 5") << 4;
    QTest::newRow("unknown name") << QStringLiteral("x + 1")
                                  << QStringLiteral("Unknown name \u201cx\u201d at column 1") << 0;
    QTest::newRow("no code is run") << QStringLiteral("__import__('os')")
                                    << QStringLiteral("Unexpected \u201c'\u201d at column 12") << 11;
    QTest::newRow("sqrt of a negative number")
        << QStringLiteral("sqrt(-4)") << QStringLiteral("Square root of a negative number at column 1") << 0;
    QTest::newRow("log of zero") << QStringLiteral("log(0)")
                                 << QStringLiteral("Logarithm of zero or a negative number at column 1") << 0;
    QTest::newRow("wrong argument count")
        << QStringLiteral("sqrt(1, 2)") << QStringLiteral("sqrt() takes 1 argument(s), got 2 (column 1)")
        << 0;
    QTest::newRow("round with too many arguments")
        << QStringLiteral("round(1, 2, 3)")
        << QStringLiteral("round() takes 1 to 2 arguments, got 3 (column 1)") << 0;
    QTest::newRow("round with a fraction of decimals")
        << QStringLiteral("round(1, 0.5)")
        << QStringLiteral("round() takes a whole number of decimals from 0 to 15 (column 1)") << 0;
    QTest::newRow("no arguments") << QStringLiteral("max()")
                                  << QStringLiteral("max() takes at least 1 argument(s) (column 1)") << 0;
    QTest::newRow("malformed exponent")
        << QStringLiteral("1e+") << QStringLiteral("Malformed number at column 1") << 1;
    QTest::newRow("lone dot") << QStringLiteral("1 + .")
                              << QStringLiteral("A lone \u201c.\u201d at column 5 is not a number") << 4;
    QTest::newRow("two decimal points")
        << QStringLiteral("1.2.3") << QStringLiteral("Unexpected \u201c.\u201d at column 4") << 3;
    QTest::newRow("overflow") << QStringLiteral("10^400")
                              << QStringLiteral("The result at column 3 is too large") << 2;
    QTest::newRow("not a real number")
        << QStringLiteral("(-8)^(1/3)") << QStringLiteral("The result at column 5 is not a real number") << 4;
    QTest::newRow("too deep") << QString(200, QLatin1Char('(')) + QLatin1Char('1') +
                                     QString(200, QLatin1Char(')'))
                              << QStringLiteral("The expression is nested too deeply") << 100;
    QTest::newRow("too long") << QStringLiteral("1+").repeated(600) + QLatin1Char('1')
                              << QStringLiteral("The expression is too long (more than 1000 characters)")
                              << 1000;
}

void TestBuiltinTools::calculatorErrors()
{
    QFETCH(QString, expression);
    QFETCH(QString, error);
    QFETCH(int, position);
    const Calculator::Result r = Calculator::evaluate(expression);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, error);
    QCOMPARE(r.position, position);
    const ToolOutcome outcome = BuiltinTools().calculate(expression);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.content, QStringLiteral("Error: ") + error); // the model is told what went wrong
}

void TestBuiltinTools::format_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0");
    QTest::newRow("negative zero") << -0.0 << QStringLiteral("0");
    QTest::newRow("negative integer") << -12.0 << QStringLiteral("-12");
    QTest::newRow("fraction") << 0.125 << QStringLiteral("0.125");
    QTest::newRow("1e15") << 1e15 << QStringLiteral("1000000000000000");
    QTest::newRow("just under 2^53") << 9007199254740991.0 << QStringLiteral("9007199254740991");
    QTest::newRow("2^53 and up in exponent form")
        << 9007199254740992.0 << QStringLiteral("9.00719925474099e+15");
    QTest::newRow("small") << 1.5e-7 << QStringLiteral("1.5e-07");
}

void TestBuiltinTools::format()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(Calculator::format(value), text);
}

void TestBuiltinTools::dateTime_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("datetime");
    QTest::addColumn<QString>("weekday");
    QTest::addColumn<QString>("offset");

    // The injected instant: 2025-01-15 16:30:05 UTC (a Wednesday), and in July for summer time.
    QTest::newRow("Shanghai, next day")
        << QStringLiteral("Asia/Shanghai") << QStringLiteral("2025-01-16T00:30:05+08:00")
        << QStringLiteral("Thursday") << QStringLiteral("+08:00");
    QTest::newRow("New York, winter")
        << QStringLiteral("America/New_York") << QStringLiteral("2025-01-15T11:30:05-05:00")
        << QStringLiteral("Wednesday") << QStringLiteral("-05:00");
    QTest::newRow("Kolkata, half hour")
        << QStringLiteral("Asia/Kolkata") << QStringLiteral("2025-01-15T22:00:05+05:30")
        << QStringLiteral("Wednesday") << QStringLiteral("+05:30");
    QTest::newRow("UTC") << QStringLiteral("UTC") << QStringLiteral("2025-01-15T16:30:05+00:00")
                         << QStringLiteral("Wednesday") << QStringLiteral("+00:00");
    QTest::newRow("Berlin, summer") << QStringLiteral("Europe/Berlin@july")
                                    << QStringLiteral("2025-07-15T18:30:05+02:00")
                                    << QStringLiteral("Tuesday") << QStringLiteral("+02:00");
}

void TestBuiltinTools::dateTime()
{
    QFETCH(QString, zone);
    QFETCH(QString, datetime);
    QFETCH(QString, weekday);
    QFETCH(QString, offset);
    const bool july = zone.endsWith(QLatin1String("@july"));
    zone.remove(QLatin1String("@july"));
    const QDateTime now(QDate(2025, july ? 7 : 1, 15), QTime(16, 30, 5), Qt::UTC);
    BuiltinTools tools([now] { return now; });

    const ToolOutcome outcome = tools.currentDateTime(zone);
    QVERIFY2(outcome.ok, qPrintable(outcome.content));
    const nlohmann::json json = parse(outcome.content);
    QCOMPARE(QString::fromStdString(json.at("timezone").get<std::string>()), zone);
    QCOMPARE(QString::fromStdString(json.at("datetime").get<std::string>()), datetime);
    QCOMPARE(QString::fromStdString(json.at("date").get<std::string>()), datetime.left(10));
    QCOMPARE(QString::fromStdString(json.at("time").get<std::string>()), datetime.mid(11, 8));
    QCOMPARE(QString::fromStdString(json.at("weekday").get<std::string>()), weekday);
    QCOMPARE(QString::fromStdString(json.at("utc_offset").get<std::string>()), offset);

    // Through run(), as the model calls it.
    const ToolOutcome viaRun =
        tools.run(call(BuiltinTools::dateTimeName(), QStringLiteral(R"({"timezone":"%1"})").arg(zone)));
    QCOMPARE(viaRun.content, outcome.content);

    // The clock's own time spec does not matter, only the instant.
    BuiltinTools shifted([now] { return now.toTimeZone(QTimeZone("Pacific/Auckland")); });
    QCOMPARE(shifted.currentDateTime(zone).content, outcome.content);
}

void TestBuiltinTools::dateTimeUnknownZone()
{
    BuiltinTools tools([] { return QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC); });
    const ToolOutcome outcome = tools.currentDateTime(QStringLiteral("Mars/Olympus_Mons"));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.content,
             QStringLiteral("Error: Unknown time zone \u201cMars/Olympus_Mons\u201d: use an IANA "
                            "name such as Asia/Shanghai or Europe/Berlin"));
    // No zone: the system's, which is some valid zone.
    const ToolOutcome local = tools.run(call(BuiltinTools::dateTimeName(), QStringLiteral("{}")));
    QVERIFY2(local.ok, qPrintable(local.content));
    QVERIFY(parse(local.content).at("timezone").get<std::string>().size() > 0);
    // A mistyped zone argument is refused by the schema check before anything runs.
    const ToolOutcome mistyped =
        tools.run(call(BuiltinTools::dateTimeName(), QStringLiteral(R"({"timezone":8})")));
    QVERIFY(!mistyped.ok);
    QVERIFY2(mistyped.content.contains(QLatin1String("Expected a string, got a number (8)")),
             qPrintable(mistyped.content));
}

void TestBuiltinTools::readFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray text = "第一行 first line\nsecond line\n";
    const QString path = writeFile(dir, QStringLiteral("notes.txt"), text);
    QVERIFY(!path.isEmpty());
    BuiltinTools tools;
    const ToolOutcome outcome = tools.readTextFile(path);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.content, QString::fromUtf8(text));

    // A byte-order mark is not text.
    const QString bom = writeFile(dir, QStringLiteral("bom.txt"), "\xEF\xBB\xBFhello");
    QCOMPARE(tools.readTextFile(bom).content, QStringLiteral("hello"));

    const QString empty = writeFile(dir, QStringLiteral("empty.txt"), QByteArray());
    const ToolOutcome none = tools.readTextFile(empty);
    QVERIFY(none.ok);
    QVERIFY(none.content.isEmpty());

    // Through run(): the approved path is read, whatever the model named.
    const ToolOutcome viaRun =
        tools.run(call(BuiltinTools::readFileName(), QStringLiteral(R"({"path":"/etc/shadow"})")), path);
    QVERIFY(viaRun.ok);
    QCOMPARE(viaRun.content, QString::fromUtf8(text));
}

void TestBuiltinTools::readFileCap()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BuiltinTools tools;
    QCOMPARE(tools.maxFileBytes(), BuiltinTools::kDefaultMaxFileBytes);
    tools.setMaxFileBytes(10);

    const QString exact = writeFile(dir, QStringLiteral("exact.txt"), "0123456789");
    QCOMPARE(tools.readTextFile(exact).content, QStringLiteral("0123456789")); // at the cap: whole

    const QString longer = writeFile(dir, QStringLiteral("long.txt"), "0123456789abcdef");
    const ToolOutcome cut = tools.readTextFile(longer);
    QVERIFY(cut.ok);
    QCOMPARE(cut.content, QStringLiteral("0123456789\n\n[Truncated: the first 10 of 16 bytes are shown.]"));

    // "天" is 3 bytes: 9 ASCII bytes + 天 would end at byte 12; the cut backs off to a whole character.
    const QString chinese = writeFile(dir, QStringLiteral("zh.txt"), QByteArray("123456789") + "天气");
    const ToolOutcome zh = tools.readTextFile(chinese);
    QVERIFY(zh.ok);
    QCOMPARE(zh.content, QStringLiteral("123456789\n\n[Truncated: the first 9 of 15 bytes are shown.]"));

    tools.setMaxFileBytes(12); // now 天 fits exactly
    QVERIFY(tools.readTextFile(chinese).content.startsWith(
        QStringLiteral("123456789天\n\n[Truncated: the first 12 of 15")));
}

void TestBuiltinTools::readFileRefusals()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BuiltinTools tools;
    const QString binary = writeFile(dir, QStringLiteral("image.bin"), QByteArray("PNG\0\x01\x02", 6));
    QCOMPARE(tools.readTextFile(binary).content, QStringLiteral("Error: %1 is not a text file").arg(binary));
    const QString latin1 = writeFile(dir, QStringLiteral("latin1.txt"), "caf\xE9 cr\xE8me");
    QCOMPARE(tools.readTextFile(latin1).content, QStringLiteral("Error: %1 is not UTF-8 text").arg(latin1));
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));
    QCOMPARE(tools.readTextFile(missing).content,
             QStringLiteral("Error: The file %1 does not exist").arg(missing));
    QCOMPARE(tools.readTextFile(dir.path()).content,
             QStringLiteral("Error: %1 is a folder, not a file").arg(dir.path()));
    QVERIFY(!tools.readTextFile(QString()).ok);

    // Without the person's approval nothing is read, even a file that exists.
    const QString fine = writeFile(dir, QStringLiteral("fine.txt"), "secret");
    const api::ToolCall askFor =
        call(BuiltinTools::readFileName(), QStringLiteral(R"({"path":"%1"})").arg(fine));
    QCOMPARE(BuiltinTools::requestedPath(askFor), fine);
    const ToolOutcome refused = tools.run(askFor);
    QVERIFY(!refused.ok);
    QVERIFY(!refused.content.contains(QLatin1String("secret")));
    QCOMPARE(refused.content,
             QStringLiteral("Error: Reading a file needs the user's approval, and it was not given"));
}

void TestBuiltinTools::runDispatch()
{
    BuiltinTools tools;
    ToolOutcome o =
        tools.run(call(BuiltinTools::calculatorName(), QStringLiteral(R"({"expression":"(2+3)*4"})")));
    QVERIFY(o.ok);
    QCOMPARE(o.content, QStringLiteral("20"));

    o = tools.run(call(BuiltinTools::calculatorName(), QStringLiteral(R"({"expression": "(2+3")")));
    QVERIFY(!o.ok);
    QVERIFY2(o.content.startsWith(QStringLiteral("Error: The arguments do not fit the tool: ")),
             qPrintable(o.content));
    QVERIFY(o.content.contains(QLatin1String("Not valid JSON")));

    o = tools.run(call(BuiltinTools::calculatorName(), QStringLiteral(R"({"expr":"1"})")));
    QVERIFY(!o.ok);
    QVERIFY2(o.content.contains(QStringLiteral("Missing required field \u201cexpression\u201d")),
             qPrintable(o.content));

    o = tools.run(call(QStringLiteral("get_weather"), QStringLiteral("{}")));
    QVERIFY(!o.ok);
    QCOMPARE(o.content, QStringLiteral("Error: \u201cget_weather\u201d is not a built-in tool"));

    QVERIFY(BuiltinTools::isBuiltin(QStringLiteral("calculator")));
    QVERIFY(!BuiltinTools::isBuiltin(QStringLiteral("get_weather")));
    QVERIFY(BuiltinTools::needsApproval(BuiltinTools::readFileName()));
    QVERIFY(!BuiltinTools::needsApproval(BuiltinTools::calculatorName()));
    QVERIFY(!BuiltinTools::needsApproval(BuiltinTools::dateTimeName()));
    QCOMPARE(BuiltinTools::requestedPath(call(BuiltinTools::readFileName(), QStringLiteral("{bad"))),
             QString());
}

void TestBuiltinTools::definitionsAreValid()
{
    const std::vector<api::ToolDefinition> defs = BuiltinTools::definitions();
    QCOMPARE(int(defs.size()), 3);
    for (const api::ToolDefinition& def : defs) {
        QVERIFY(tools::ToolSchema::isValidFunctionName(def.name));
        QVERIFY(!def.description.isEmpty());
        QCOMPARE(def.parameters.at("type"), nlohmann::json("object"));
        QVERIFY(BuiltinTools::definition(def.name).has_value());
    }
    QVERIFY(!BuiltinTools::definition(QStringLiteral("nope")));
}

QTEST_GUILESS_MAIN(TestBuiltinTools)
#include "tst_builtintools.moc"
