// Tools documents and call arguments (digest §2.6, §7 item 6): every problem found, where it is.
#include "tools/BuiltinTools.h"
#include "tools/ToolSchema.h"

#include <QtTest>

using namespace ark;
using tools::ArgumentCheck;
using tools::Problem;
using tools::ToolSchema;
using tools::ToolsDocument;

namespace {

// "E 3:14 $[0].function.name": severity, location and path of each problem, in list order.
QStringList summary(const std::vector<Problem>& problems)
{
    QStringList out;
    for (const Problem& p : problems) {
        QString line = p.isError() ? QStringLiteral("E") : QStringLiteral("W");
        if (p.line > 0)
            line += QStringLiteral(" %1:%2").arg(p.line).arg(p.column);
        if (!p.path.isEmpty())
            line += QLatin1Char(' ') + p.path;
        out << line;
    }
    return out;
}

QString dump(const std::vector<Problem>& problems)
{
    QStringList lines;
    for (const Problem& p : problems)
        lines << p.toString();
    return lines.join(QLatin1Char('\n'));
}

const char* const kArgumentSchema = R"json({
  "type": "object",
  "properties": {
    "location": {"type": "string"},
    "unit": {"type": "string", "enum": ["c", "f"]},
    "days": {"type": "integer"},
    "precise": {"type": "boolean"},
    "ratio": {"type": "number"},
    "note": {"type": ["string", "null"]},
    "tags": {"type": "array", "items": {"type": "string"}},
    "point": {
      "type": "object",
      "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}},
      "required": ["lat", "lon"],
      "additionalProperties": false
    }
  },
  "required": ["location"]
})json";

} // namespace

class TestToolSchema : public QObject
{
    Q_OBJECT

private slots:
    void documentProblems_data();
    void documentProblems();
    void syntaxErrorMessageAndSpan();
    void validDocument();
    void presetsAreValid();
    void toDocumentRoundTrip();
    void functionNames_data();
    void functionNames();
    void lineColumn_data();
    void lineColumn();
    void arguments_data();
    void arguments();
    void argumentMessages();
    void prettyKeepsOrderAndLocatesProblems();
    void unknownFunction();
};

void TestToolSchema::documentProblems_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty text: no tools, no problems") << QStringLiteral("  \n") << QStringList();
    QTest::newRow("empty array") << QStringLiteral("[]") << QStringList();
    // The comma is missing after "a": marked where one was expected (the quote of "description").
    QTest::newRow("missing comma, line 3")
        << QStringLiteral("[\n  {\"type\": \"function\",\n"
                          "   \"function\": {\"name\": \"a\" \"description\": \"x\"}}\n]")
        << QStringList{QStringLiteral("E 3:29 $")};
    // The same after Chinese text: Qt counts UTF-8 bytes, the editor UTF-16 characters.
    QTest::newRow("syntax error after Chinese text")
        << QStringLiteral(
               "[{\"type\":\"function\",\"function\":{\"name\":\"a\",\"description\":\"天气天气\" x}}]")
        << QStringList{QStringLiteral("E 1:65 $")};
    QTest::newRow("unterminated array")
        << QStringLiteral("[\n  {\"type\": \"function\"}\n") << QStringList{QStringLiteral("E 2:23 $")};
    QTest::newRow("trailing garbage") << QStringLiteral("[] x") << QStringList{QStringLiteral("E 1:4 $")};
    QTest::newRow("an object, not an array")
        << QStringLiteral("{\"type\": \"function\"}") << QStringList{QStringLiteral("E 1:1 $")};
    QTest::newRow("a bare number") << QStringLiteral("42") << QStringList{QStringLiteral("E 1:1 $")};
    QTest::newRow("unquoted string is marked at its start")
        << QStringLiteral("[{\"type\": \"function\", \"function\": {\"name\": get}}]")
        << QStringList{QStringLiteral("E 1:44 $")};
    QTest::newRow("entry not an object")
        << QStringLiteral("[\n  \"calculator\"\n]") << QStringList{QStringLiteral("E 2:3 $[0]")};
    QTest::newRow("wrong type")
        << QStringLiteral("[{\"type\": \"func\", \"function\": {\"name\": \"a\", \"description\": \"d\"}}]")
        << QStringList{QStringLiteral("E 1:11 $[0].type")};
    QTest::newRow("type missing") << QStringLiteral(
                                         "[\n {\"function\": {\"name\": \"a\", \"description\": \"d\"}}\n]")
                                  << QStringList{QStringLiteral("E 2:2 $[0]")};
    QTest::newRow("function missing")
        << QStringLiteral("[{\"type\": \"function\"}]") << QStringList{QStringLiteral("E 1:2 $[0]")};
    QTest::newRow("invalid name") << QStringLiteral("[{\"type\": \"function\", \"function\": {\"name\": "
                                                    "\"get weather\", \"description\": \"d\"}}]")
                                  << QStringList{QStringLiteral("E 1:44 $[0].function.name")};
    QTest::newRow("name not a string")
        << QStringLiteral("[{\"type\": \"function\", \"function\": {\"name\": 7, \"description\": \"d\"}}]")
        << QStringList{QStringLiteral("E 1:44 $[0].function.name")};
    QTest::newRow("duplicate names, the second is marked")
        << QStringLiteral(
               "[\n"
               "  {\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": \"d\"}},\n"
               "  {\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": \"d\"}}\n"
               "]")
        << QStringList{QStringLiteral("E 3:45 $[1].function.name")};
    QTest::newRow("missing description is a warning")
        << QStringLiteral("[\n  {\"type\": \"function\",\n   \"function\": {\"name\": \"a\"}}\n]")
        << QStringList{QStringLiteral("W 3:4 $[0].function")};
    QTest::newRow("fields that are not sent")
        << QStringLiteral("[{\"type\": \"function\", \"strict\": true,\n"
                          "  \"function\": {\"name\": \"a\", \"description\": \"d\", \"examples\": []}}]")
        << QStringList{QStringLiteral("W 1:23 $[0].strict"), QStringLiteral("W 2:49 $[0].function.examples")};
    QTest::newRow("parameters of type array")
        << QStringLiteral(
               "[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": \"d\",\n"
               "  \"parameters\": {\"type\": \"array\"}}}]")
        << QStringList{QStringLiteral("E 2:26 $[0].function.parameters.type")};
    QTest::newRow("parameters without type")
        << QStringLiteral(
               "[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": \"d\",\n"
               "  \"parameters\": {\"properties\": {}}}}]")
        << QStringList{QStringLiteral("E 2:3 $[0].function.parameters")};
    QTest::newRow("parameters not an object")
        << QStringLiteral(
               "[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": \"d\",\n"
               "  \"parameters\": \"none\"}}]")
        << QStringList{QStringLiteral("E 2:17 $[0].function.parameters")};
    QTest::newRow("unknown property type, required not defined")
        << QStringLiteral(
               "[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": \"d\",\n"
               "  \"parameters\": {\"type\": \"object\",\n"
               "    \"properties\": {\"city\": {\"type\": \"str\"}},\n"
               "    \"required\": [\"city\", \"country\"]}}}]")
        << QStringList{QStringLiteral("E 3:37 $[0].function.parameters.properties.city.type"),
                       QStringLiteral("E 4:26 $[0].function.parameters.required[1]")};
    QTest::newRow("property without type, array without items, empty enum")
        << QStringLiteral(
               "[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": \"d\",\n"
               "  \"parameters\": {\"type\": \"object\", \"properties\": {\n"
               "    \"x\": {\"description\": \"?\"},\n"
               "    \"list\": {\"type\": \"array\"},\n"
               "    \"mode\": {\"type\": \"string\", \"enum\": []}}}}}]")
        << QStringList{QStringLiteral("W 3:5 $[0].function.parameters.properties.x"),
                       QStringLiteral("W 4:5 $[0].function.parameters.properties.list"),
                       QStringLiteral("E 5:32 $[0].function.parameters.properties.mode.enum")};
    QTest::newRow("a key twice in one object")
        << QStringLiteral("[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"name\": \"b\", "
                          "\"description\": \"d\"}}]")
        << QStringList{QStringLiteral("E 1:49 $[0].function.name")};
    QTest::newRow("keys that need quoting in the path")
        << QStringLiteral(
               "[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"description\": \"d\",\n"
               "  \"parameters\": {\"type\": \"object\", \"properties\": {\"my key\": 3}}}}]")
        << QStringList{QStringLiteral("E 2:61 $[0].function.parameters.properties[\"my key\"]")};
}

void TestToolSchema::documentProblems()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const ToolsDocument document = ToolSchema::parseDocument(text);
    QCOMPARE(summary(document.problems), expected);
    const bool errors = std::any_of(expected.begin(), expected.end(),
                                    [](const QString& e) { return e.startsWith(QLatin1Char('E')); });
    QCOMPARE(document.hasErrors(), errors);
    if (errors)
        QVERIFY(document.tools.empty()); // a document with errors gives no tools to send
    for (const Problem& p : document.problems) {
        QVERIFY(!p.message.isEmpty());
        // Located problems mark something that is on their line.
        QVERIFY(p.offset >= 0 && p.length >= 1 && p.offset + p.length <= text.size());
        int line = 0;
        int column = 0;
        ToolSchema::lineColumn(text, p.offset, &line, &column);
        QCOMPARE(line, p.line);
        QCOMPARE(column, p.column);
    }
}

void TestToolSchema::syntaxErrorMessageAndSpan()
{
    const QString text = QStringLiteral("[{\"type\": \"function\", \"function\": {\"name\": tru}}]");
    const ToolsDocument document = ToolSchema::parseDocument(text);
    QCOMPARE(int(document.problems.size()), 1);
    const Problem& p = document.problems.front();
    QVERIFY2(p.message.startsWith(QStringLiteral("Not valid JSON: ")), qPrintable(p.message));
    QVERIFY(p.message.size() > QStringLiteral("Not valid JSON: ").size()); // Qt's reason follows
    QCOMPARE(p.line, 1);
    // Qt stops inside the bad literal "tru".
    QVERIFY2(p.offset >= text.indexOf(QLatin1String("tru")) && p.offset <= text.indexOf(QLatin1String("}}")),
             qPrintable(QString::number(p.offset)));
    QVERIFY(p.toString().startsWith(QStringLiteral("1:%1: Not valid JSON").arg(p.column)));
}

void TestToolSchema::validDocument()
{
    const QString text = ToolSchema::presets()[1].document; // the weather example of the docs
    const ToolsDocument document = ToolSchema::parseDocument(text);
    QVERIFY2(document.problems.empty(), qPrintable(dump(document.problems)));
    QCOMPARE(document.names(), QStringList{QStringLiteral("get_current_weather")});
    const api::ToolDefinition& tool = document.tools.front();
    QCOMPARE(tool.description, QStringLiteral("获取给定地点的天气"));
    QCOMPARE(tool.parameters.at("required"), nlohmann::json::array({"location"}));
    QCOMPARE(tool.parameters.at("properties").at("unit").at("enum"),
             nlohmann::json::array({"摄氏度", "华氏度"}));
}

void TestToolSchema::presetsAreValid()
{
    const std::vector<tools::Preset> presets = ToolSchema::presets();
    QCOMPARE(int(presets.size()), 3);
    QStringList ids;
    for (const tools::Preset& preset : presets) {
        ids << preset.id;
        QVERIFY(!preset.title.isEmpty());
        const ToolsDocument document = ToolSchema::parseDocument(preset.document);
        QVERIFY2(document.problems.empty(),
                 qPrintable(preset.id + QLatin1Char('\n') + dump(document.problems)));
    }
    QCOMPARE(ids,
             (QStringList{QStringLiteral("builtin"), QStringLiteral("weather"), QStringLiteral("empty")}));
    QCOMPARE(ToolSchema::parseDocument(presets[0].document).names(),
             (QStringList{tools::BuiltinTools::calculatorName(), tools::BuiltinTools::dateTimeName(),
                          tools::BuiltinTools::readFileName()}));
    QVERIFY(ToolSchema::parseDocument(presets[2].document).tools.empty());
}

void TestToolSchema::toDocumentRoundTrip()
{
    std::vector<api::ToolDefinition> tools = tools::BuiltinTools::definitions();
    tools.push_back({QStringLiteral("ping"), QString(), nlohmann::json()}); // no description, no parameters
    const QString text = ToolSchema::toDocument(tools);
    // Read in the order people read a definition.
    QVERIFY(text.indexOf(QLatin1String("\"type\"")) < text.indexOf(QLatin1String("\"function\"")));
    QVERIFY(text.indexOf(QLatin1String("\"name\"")) < text.indexOf(QLatin1String("\"description\"")));
    const ToolsDocument back = ToolSchema::parseDocument(text);
    QVERIFY(!back.hasErrors());
    // ping has no description: a warning at its "function" key, the line above its name.
    const int pingLine = int(text.left(text.indexOf(QLatin1String("\"ping\""))).count(QLatin1Char('\n')));
    QCOMPARE(summary(back.problems), QStringList{QStringLiteral("W %1:5 $[3].function").arg(pingLine)});
    QCOMPARE(int(back.tools.size()), int(tools.size()));
    for (size_t i = 0; i < tools.size(); ++i) {
        QCOMPARE(back.tools[i].name, tools[i].name);
        QCOMPARE(back.tools[i].description, tools[i].description);
        QCOMPARE(back.tools[i].parameters, tools[i].parameters);
    }
}

void TestToolSchema::functionNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("snake case") << QStringLiteral("get_current_weather") << true;
    QTest::newRow("dashes and digits") << QStringLiteral("tool-2") << true;
    QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << true;
    QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("get weather") << false;
    QTest::newRow("dot") << QStringLiteral("weather.get") << false;
    QTest::newRow("Chinese") << QStringLiteral("天气") << false;
}

void TestToolSchema::functionNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ToolSchema::isValidFunctionName(name), valid);
}

void TestToolSchema::lineColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("start") << QStringLiteral("abc") << 0 << 1 << 1;
    QTest::newRow("same line") << QStringLiteral("abc") << 2 << 1 << 3;
    QTest::newRow("after newline") << QStringLiteral("ab\ncd") << 3 << 2 << 1;
    QTest::newRow("the newline itself") << QStringLiteral("ab\ncd") << 2 << 1 << 3;
    QTest::newRow("third line") << QStringLiteral("a\n\nxyz") << 5 << 3 << 3;
    QTest::newRow("past the end is clamped") << QStringLiteral("a\nb") << 99 << 2 << 2;
}

void TestToolSchema::lineColumn()
{
    QFETCH(QString, text);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);
    int l = 0;
    int c = 0;
    ToolSchema::lineColumn(text, offset, &l, &c);
    QCOMPARE(l, line);
    QCOMPARE(c, column);
}

void TestToolSchema::arguments_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<bool>("parsed");
    QTest::addColumn<QStringList>("expected"); // "E path" / "W path"

    QTest::newRow("everything right")
        << QStringLiteral(R"({"location":"北京","unit":"c","days":3,"precise":true,"ratio":0.5,"note":null,)"
                          R"("tags":["a","b"],"point":{"lat":39.9,"lon":116.4}})")
        << true << QStringList();
    QTest::newRow("empty text counts as {}") << QString() << true << QStringList{QStringLiteral("E $")};
    QTest::newRow("required field missing")
        << QStringLiteral("{}") << true << QStringList{QStringLiteral("E $")};
    QTest::newRow("string expected") << QStringLiteral(R"({"location": 5})") << true
                                     << QStringList{QStringLiteral("E $.location")};
    QTest::newRow("2.0 is an integer")
        << QStringLiteral(R"({"location":"x","days":2.0})") << true << QStringList();
    QTest::newRow("2.5 is not") << QStringLiteral(R"({"location":"x","days":2.5})") << true
                                << QStringList{QStringLiteral("E $.days")};
    QTest::newRow("number given as a string") << QStringLiteral(R"({"location":"x","ratio":"0.5"})") << true
                                              << QStringList{QStringLiteral("E $.ratio")};
    QTest::newRow("boolean given as a string") << QStringLiteral(R"({"location":"x","precise":"yes"})")
                                               << true << QStringList{QStringLiteral("E $.precise")};
    QTest::newRow("type list allows null")
        << QStringLiteral(R"({"location":"x","note":null})") << true << QStringList();
    QTest::newRow("type list refuses a number")
        << QStringLiteral(R"({"location":"x","note":1})") << true << QStringList{QStringLiteral("E $.note")};
    QTest::newRow("not in the enum") << QStringLiteral(R"({"location":"x","unit":"kelvin"})") << true
                                     << QStringList{QStringLiteral("E $.unit")};
    QTest::newRow("array element mistyped")
        << QStringLiteral(R"({"location":"x","tags":["a",3,"c",false]})") << true
        << QStringList{QStringLiteral("E $.tags[1]"), QStringLiteral("E $.tags[3]")};
    QTest::newRow("nested object: required missing")
        << QStringLiteral(R"({"location":"x","point":{"lat":1}})") << true
        << QStringList{QStringLiteral("E $.point")};
    QTest::newRow("nested object: closed")
        << QStringLiteral(R"({"location":"x","point":{"lat":1,"lon":2,"alt":3}})") << true
        << QStringList{QStringLiteral("E $.point.alt")};
    QTest::newRow("nested object: wrong inner type")
        << QStringLiteral(R"({"location":"x","point":{"lat":"39.9","lon":116}})") << true
        << QStringList{QStringLiteral("E $.point.lat")};
    QTest::newRow("an invented field is a warning") << QStringLiteral(R"({"location":"x","mood":"happy"})")
                                                    << true << QStringList{QStringLiteral("W $.mood")};
    QTest::newRow("several problems in text order")
        << QStringLiteral(R"({"unit":"k","days":"3","tags":"a"})") << true
        << QStringList{QStringLiteral("E $"), QStringLiteral("E $.unit"), QStringLiteral("E $.days"),
                       QStringLiteral("E $.tags")};
    QTest::newRow("cut off mid-stream")
        << QStringLiteral(R"({"location": "Bei)") << false << QStringList{QStringLiteral("E $")};
    QTest::newRow("pseudo-call (deepseek-r1)")
        << QStringLiteral("{city: get_location()}") << false << QStringList{QStringLiteral("E $")};
    QTest::newRow("an array, not an object")
        << QStringLiteral("[1, 2]") << true << QStringList{QStringLiteral("E $")};
    QTest::newRow("a bare string") << QStringLiteral(R"("Beijing")") << true
                                   << QStringList{QStringLiteral("E $")};
}

void TestToolSchema::arguments()
{
    QFETCH(QString, arguments);
    QFETCH(bool, parsed);
    QFETCH(QStringList, expected);
    const ArgumentCheck check = ToolSchema::checkArguments(arguments, nlohmann::json::parse(kArgumentSchema));
    QCOMPARE(check.parsed, parsed);
    QStringList got;
    for (const Problem& p : check.problems) {
        got << (p.isError() ? QStringLiteral("E ") : QStringLiteral("W ")) + p.path;
        QVERIFY(!p.message.isEmpty());
        QVERIFY2(p.line > 0, qPrintable(p.toString())); // every problem is placed in the shown text
    }
    QCOMPARE(got, expected);
    QCOMPARE(check.hasErrors(), std::any_of(expected.begin(), expected.end(),
                                            [](const QString& e) { return e.startsWith(QLatin1Char('E')); }));
    if (!parsed) {
        QCOMPARE(check.pretty, arguments); // shown as received
        QVERIFY(check.value.is_null());
    }
}

void TestToolSchema::argumentMessages()
{
    const nlohmann::json schema = nlohmann::json::parse(kArgumentSchema);
    auto messages = [&](const QString& arguments) {
        QStringList out;
        for (const Problem& p : ToolSchema::checkArguments(arguments, schema).problems)
            out << p.message;
        return out;
    };
    QCOMPARE(messages(QStringLiteral("{}")),
             QStringList{QStringLiteral("Missing required field \u201clocation\u201d")});
    QCOMPARE(messages(QStringLiteral(R"({"location": 5})")),
             QStringList{QStringLiteral("Expected a string, got a number (5)")});
    QCOMPARE(messages(QStringLiteral(R"({"location":"x","note":true})")),
             QStringList{QStringLiteral("Expected a string or null, got a boolean (true)")});
    QCOMPARE(messages(QStringLiteral(R"({"location":"x","unit":"kelvin"})")),
             QStringList{QStringLiteral("\"kelvin\" is not one of the allowed values: \"c\", \"f\"")});
    QCOMPARE(messages(QStringLiteral(R"({"location":"x","days":2.5})")),
             QStringList{QStringLiteral("Expected an integer, got a number (2.5)")});
    QCOMPARE(messages(QStringLiteral(R"({"location":"x","point":{"lat":1,"lon":2,"alt":3}})")),
             QStringList{QStringLiteral("Unknown field \u201calt\u201d: the schema allows no other fields")});
    const QStringList parse = messages(QStringLiteral(R"({"location": "Bei)"));
    QCOMPARE(parse.size(), 1);
    QVERIFY2(parse.front().startsWith(QStringLiteral("Not valid JSON: ")), qPrintable(parse.front()));
}

void TestToolSchema::prettyKeepsOrderAndLocatesProblems()
{
    const nlohmann::json schema = nlohmann::json::parse(kArgumentSchema);
    const ArgumentCheck check =
        ToolSchema::checkArguments(QStringLiteral(R"({"unit":"c","location":5,"days":1})"), schema);
    // The model's field order, indented; located in this text.
    QCOMPARE(check.pretty, QStringLiteral("{\n  \"unit\": \"c\",\n  \"location\": 5,\n  \"days\": 1\n}"));
    QCOMPARE(int(check.problems.size()), 1);
    const Problem& p = check.problems.front();
    QCOMPARE(p.path, QStringLiteral("$.location"));
    QCOMPARE(p.line, 3);
    QCOMPARE(p.column, 15);
    QCOMPARE(check.pretty.mid(p.offset, p.length), QStringLiteral("5"));
    QCOMPARE(check.value.at("days").get<int>(), 1);

    // Chinese text stays readable (not \u-escaped).
    const ArgumentCheck chinese =
        ToolSchema::checkArguments(QStringLiteral(R"({"location":"北京"})"), schema);
    QCOMPARE(chinese.pretty, QStringLiteral("{\n  \"location\": \"北京\"\n}"));
}

void TestToolSchema::unknownFunction()
{
    api::ToolCall call;
    call.name = QStringLiteral("get_stock_price");
    call.arguments = QStringLiteral(R"({"symbol":"X"})");
    const ArgumentCheck check = ToolSchema::checkCall(call, tools::BuiltinTools::definitions());
    QVERIFY(check.parsed);
    QVERIFY(check.hasErrors());
    QCOMPARE(int(check.problems.size()), 1);
    QCOMPARE(check.problems.front().message,
             QStringLiteral("The model called \u201cget_stock_price\u201d, which is not among the tools"));
    QCOMPARE(check.problems.front().toString(), check.problems.front().message); // no place, no path

    call.name = tools::BuiltinTools::calculatorName();
    call.arguments = QStringLiteral(R"({"expression":"1+1"})");
    QVERIFY(ToolSchema::checkCall(call, tools::BuiltinTools::definitions()).problems.empty());
    call.arguments = QStringLiteral(R"({"expr":"1+1"})");
    QCOMPARE(summary(ToolSchema::checkCall(call, tools::BuiltinTools::definitions()).problems),
             (QStringList{QStringLiteral("E 1:1 $"), QStringLiteral("W 2:3 $.expr")}));
}

QTEST_GUILESS_MAIN(TestToolSchema)
#include "tst_toolschema.moc"
