// The tool calls of one answer: live rows from streamed fragments (both the fragment form and the
// older single-chunk form), the schema check once final, the answers, and the exact history that goes
// back to the API (digest §3.6, §7 items 1-6).
#include "api/ChatClient.h"
#include "api/RequestBuilder.h"
#include "models/ToolCallListModel.h"
#include "support/LoopbackServer.h"
#include "tools/BuiltinTools.h"
#include "tools/ToolSchema.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace ark;
using models::ToolCallListModel;
using Status = ToolCallListModel::Status;
using nlohmann::json;
namespace ts = ark::testsupport;

namespace {

api::ToolCallFragment start(int index, const QString& id, const QString& name)
{
    api::ToolCallFragment f;
    f.index = index;
    f.id = id;
    f.type = QStringLiteral("function");
    f.name = name;
    return f;
}

api::ToolCallFragment piece(int index, const QString& arguments)
{
    api::ToolCallFragment f;
    f.index = index;
    f.arguments = arguments;
    return f;
}

api::ChatDelta delta(std::vector<api::ToolCallFragment> fragments, const QString& content = {},
                     const QString& finish = {})
{
    api::ChatDelta d;
    d.id = QStringLiteral("0217000000000000000000000000000000");
    d.model = QStringLiteral("doubao-seed-1-6-250615");
    d.content = content;
    d.toolCalls = std::move(fragments);
    d.finishReason = finish;
    return d;
}

api::ToolCall toolCall(int index, const QString& id, const QString& name, const QString& arguments)
{
    api::ToolCall c;
    c.index = index;
    c.id = id;
    c.name = name;
    c.arguments = arguments;
    return c;
}

std::vector<api::ToolDefinition> weatherAndTime()
{
    const tools::ToolsDocument document = tools::ToolSchema::parseDocument(QStringLiteral(R"json([
      {"type": "function", "function": {"name": "get_weather", "description": "Weather of a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}},
      {"type": "function", "function": {"name": "get_time", "description": "Time in a zone",
        "parameters": {"type": "object", "properties": {"tz": {"type": "string"}}, "required": ["tz"]}}}
    ])json"));
    return document.tools;
}

QVariant role(const ToolCallListModel& model, int row, int role)
{
    return model.data(model.index(row), role);
}

Status status(const ToolCallListModel& model, int row)
{
    return Status(role(model, row, ToolCallListModel::StatusRole).toInt());
}

// What the request builder puts on the wire for these messages.
json wire(const std::vector<api::ChatMessage>& messages)
{
    json out = json::array();
    for (const api::ChatMessage& m : messages)
        out.push_back(api::RequestBuilder::messageToJson(m));
    return out;
}

} // namespace

class TestToolCallListModel : public QObject
{
    Q_OBJECT

private slots:
    void interleavedFragments();
    void outOfOrderStart();
    void singleChunkForm();
    void finishWithoutDeltas();
    void invalidArguments_data();
    void invalidArguments();
    void historyShape();
    void historyKeepsVisibleContent_data();
    void historyKeepsVisibleContent();
    void answersOnlyWhenFinal();
    void interruptedStream();
    void automaticBuiltins();
    void reopenStoredRound();
    void watchesARealCall();
};

void TestToolCallListModel::interleavedFragments()
{
    ToolCallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTools(weatherAndTime());
    model.begin();
    QVERIFY(model.isStreaming());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // Content first, then the calls, fragments interleaved as the loopback server and the service do.
    model.applyDelta(delta({}, QStringLiteral("Checking both.")));
    QCOMPARE(model.count(), 0);
    QCOMPARE(model.content(), QStringLiteral("Checking both."));

    const std::vector<std::pair<api::ToolCallFragment, QStringList>> steps = {
        {start(0, QStringLiteral("call_w"), QStringLiteral("get_weather")), {QString()}},
        {piece(0, QStringLiteral("{\"city\":")), {QStringLiteral("{\"city\":")}},
        {start(1, QStringLiteral("call_t"), QStringLiteral("get_time")),
         {QStringLiteral("{\"city\":"), QString()}},
        {piece(1, QStringLiteral("{\"tz\":")), {QStringLiteral("{\"city\":"), QStringLiteral("{\"tz\":")}},
        {piece(0, QStringLiteral("\"Bei")), {QStringLiteral("{\"city\":\"Bei"), QStringLiteral("{\"tz\":")}},
        {piece(1, QStringLiteral("\"Asia/")),
         {QStringLiteral("{\"city\":\"Bei"), QStringLiteral("{\"tz\":\"Asia/")}},
        {piece(0, QStringLiteral("jing\"}")),
         {QStringLiteral("{\"city\":\"Beijing\"}"), QStringLiteral("{\"tz\":\"Asia/")}},
        {piece(1, QStringLiteral("Shanghai\"}")),
         {QStringLiteral("{\"city\":\"Beijing\"}"), QStringLiteral("{\"tz\":\"Asia/Shanghai\"}")}},
    };
    for (const auto& [fragment, expected] : steps) {
        model.applyDelta(delta({fragment}, QString()));
        QCOMPARE(model.count(), expected.size());
        for (int row = 0; row < expected.size(); ++row) {
            QCOMPARE(role(model, row, ToolCallListModel::ArgumentsRole).toString(), expected[row]);
            QCOMPARE(status(model, row), Status::Streaming);
            // While streaming nothing is judged: half a JSON text is not an error yet.
            QVERIFY(role(model, row, ToolCallListModel::ProblemsRole).toStringList().isEmpty());
            QCOMPARE(role(model, row, ToolCallListModel::PrettyArgumentsRole).toString(), expected[row]);
        }
    }
    QCOMPARE(inserted.count(), 2);
    // The id, type and name come from the first fragment only; later nulls do not erase them.
    QCOMPARE(role(model, 0, ToolCallListModel::CallIdRole).toString(), QStringLiteral("call_w"));
    QCOMPARE(role(model, 1, ToolCallListModel::NameRole).toString(), QStringLiteral("get_time"));
    QCOMPARE(role(model, 1, ToolCallListModel::CallIndexRole).toInt(), 1);
    QVERIFY(!model.allAnswered());
    QVERIFY(model.history().empty());

    // The finish chunk carries nothing else; the caller then hands over the assembled result.
    model.applyDelta(delta({}, QString(), QStringLiteral("tool_calls")));
    QSignalSpy finished(&model, &ToolCallListModel::finished);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    api::StreamAssembler assembler;
    assembler.apply(delta({}, QStringLiteral("Checking both.")));
    for (const auto& step : steps)
        assembler.apply(delta({step.first}));
    assembler.apply(delta({}, QString(), QStringLiteral("tool_calls")));
    model.finish(assembler.result());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reset.count(), 0); // the same rows, updated in place
    QVERIFY(model.isFinal());
    QVERIFY(!model.isStreaming());
    QCOMPARE(model.finishReason(), QStringLiteral("tool_calls"));
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(status(model, row), Status::AwaitingAnswer);
        QVERIFY(!role(model, row, ToolCallListModel::HasErrorsRole).toBool());
        QVERIFY(role(model, row, ToolCallListModel::ProblemsRole).toStringList().isEmpty());
    }
    QCOMPARE(role(model, 0, ToolCallListModel::PrettyArgumentsRole).toString(),
             QStringLiteral("{\n  \"city\": \"Beijing\"\n}"));
    QCOMPARE(role(model, 1, ToolCallListModel::PrettyArgumentsRole).toString(),
             QStringLiteral("{\n  \"tz\": \"Asia/Shanghai\"\n}"));
    // The raw text stays what the model sent (it goes back verbatim).
    QCOMPARE(role(model, 0, ToolCallListModel::ArgumentsRole).toString(),
             QStringLiteral("{\"city\":\"Beijing\"}"));
}

void TestToolCallListModel::outOfOrderStart()
{
    ToolCallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.begin();
    model.applyDelta(delta({start(2, QStringLiteral("c2"), QStringLiteral("b"))}));
    model.applyDelta(
        delta({start(0, QStringLiteral("c0"), QStringLiteral("a")), piece(2, QStringLiteral("{}"))}));
    model.applyDelta(delta({start(1, QStringLiteral("c1"), QStringLiteral("a"))}));
    QCOMPARE(model.count(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(role(model, row, ToolCallListModel::CallIndexRole).toInt(), row);
    QCOMPARE(role(model, 2, ToolCallListModel::ArgumentsRole).toString(), QStringLiteral("{}"));
    QCOMPARE(model.rowForId(QStringLiteral("c1")), 1);
    QCOMPARE(model.rowForId(QStringLiteral("nope")), -1);
}

void TestToolCallListModel::singleChunkForm()
{
    // doubao-pro/lite <= 241215: the whole call, content "\n" and finish_reason in one chunk [L5191-5219].
    ToolCallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTools(tools::ToolSchema::parseDocument(QStringLiteral(R"json([{"type":"function","function":{
        "name":"AppFinder","description":"Finds apps","parameters":{"type":"object","properties":{
        "prompt":{"type":"string"},"region":{"type":"string"}},"required":["prompt"]}}}])json"))
                       .tools);
    model.begin();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    api::ToolCallFragment whole =
        start(0, QStringLiteral("call_leigeybrw25cwlk87byg8l3v"), QStringLiteral("AppFinder"));
    whole.arguments = QStringLiteral("{\"prompt\": \"有道词典\", \"region\": \"CN\"}");
    const api::ChatDelta chunk = delta({whole}, QStringLiteral("\n"), QStringLiteral("tool_calls"));
    model.applyDelta(chunk);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(role(model, 0, ToolCallListModel::ArgumentsRole).toString(), whole.arguments);

    api::StreamAssembler assembler;
    assembler.apply(chunk);
    model.finish(assembler.result());
    QCOMPARE(model.count(), 1);
    QCOMPARE(status(model, 0), Status::AwaitingAnswer);
    QVERIFY(!role(model, 0, ToolCallListModel::HasErrorsRole).toBool());
    QCOMPARE(role(model, 0, ToolCallListModel::PrettyArgumentsRole).toString(),
             QStringLiteral("{\n  \"prompt\": \"有道词典\",\n  \"region\": \"CN\"\n}"));
    QVERIFY(model.answer(0, QStringLiteral("com.youdao.dict")));
    // The "\n" says nothing: the assistant message carries only its tool call.
    QCOMPARE(wire(model.history()), json::parse(R"json([
        {"role":"assistant","tool_calls":[{"id":"call_leigeybrw25cwlk87byg8l3v","type":"function",
          "function":{"name":"AppFinder","arguments":"{\"prompt\": \"有道词典\", \"region\": \"CN\"}"}}]},
        {"role":"tool","tool_call_id":"call_leigeybrw25cwlk87byg8l3v","content":"com.youdao.dict"}])json"));
}

void TestToolCallListModel::finishWithoutDeltas()
{
    // A non-streamed answer: no delta, the result alone.
    ToolCallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTools(weatherAndTime());
    api::ChatResult result;
    result.content = QStringLiteral("Let me check.");
    result.finishReason = QStringLiteral("tool_calls");
    result.toolCalls = {
        toolCall(1, QStringLiteral("b"), QStringLiteral("get_time"), QStringLiteral("{\"tz\":\"UTC\"}")),
        toolCall(0, QStringLiteral("a"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"X\"}"))};
    QSignalSpy all(&model, &ToolCallListModel::allAnsweredChanged);
    model.finish(result);
    QCOMPARE(model.count(), 2);
    QCOMPARE(role(model, 0, ToolCallListModel::CallIdRole).toString(), QStringLiteral("a")); // index order
    QCOMPARE(model.content(), QStringLiteral("Let me check."));
    QCOMPARE(all.count(), 0);
}

void TestToolCallListModel::invalidArguments_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("firstProblem"); // a prefix of ProblemsRole's first entry
    QTest::addColumn<bool>("pretty");

    QTest::newRow("not JSON (unquoted string)")
        << QStringLiteral("get_weather") << QStringLiteral("{\"city\": Beijing}")
        << QStringLiteral("1:10: Not valid JSON: ") << false;
    QTest::newRow("cut off") << QStringLiteral("get_weather") << QStringLiteral("{\"city\": \"Bei")
                             << QStringLiteral("1:") << false;
    QTest::newRow("required field missing")
        << QStringLiteral("get_weather") << QStringLiteral("{\"town\":\"X\"}")
        << QStringLiteral("1:1: Missing required field \u201ccity\u201d") << true;
    QTest::newRow("mistyped field") << QStringLiteral("get_time") << QStringLiteral("{\"tz\":8}")
                                    << QStringLiteral("2:9: Expected a string, got a number (8) (at $.tz)")
                                    << true;
    QTest::newRow("unknown function")
        << QStringLiteral("get_stock") << QStringLiteral("{\"symbol\":\"X\"}")
        << QStringLiteral("The model called \u201cget_stock\u201d, which is not among the tools") << true;
}

void TestToolCallListModel::invalidArguments()
{
    QFETCH(QString, name);
    QFETCH(QString, arguments);
    QFETCH(QString, firstProblem);
    QFETCH(bool, pretty);
    ToolCallListModel model;
    model.setTools(weatherAndTime());
    model.begin();
    model.applyDelta(delta({start(0, QStringLiteral("call_x"), name), piece(0, arguments)}));
    QVERIFY(!role(model, 0, ToolCallListModel::HasErrorsRole).toBool()); // not judged while streaming
    api::ChatResult result;
    result.toolCalls = {toolCall(0, QStringLiteral("call_x"), name, arguments)};
    model.finish(result);

    QVERIFY(role(model, 0, ToolCallListModel::HasErrorsRole).toBool());
    const QStringList problems = role(model, 0, ToolCallListModel::ProblemsRole).toStringList();
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.front().startsWith(firstProblem), qPrintable(problems.front()));
    const QString shown = role(model, 0, ToolCallListModel::PrettyArgumentsRole).toString();
    QCOMPARE(shown != arguments, pretty);               // unparsable text is shown as received
    QCOMPARE(status(model, 0), Status::AwaitingAnswer); // still to be answered: with an error, usually

    const QString errorText = model.defaultErrorText(0);
    QVERIFY2(
        errorText.startsWith(QStringLiteral("Error: the call was not run because its arguments do not fit")),
        qPrintable(errorText));
    QVERIFY(errorText.contains(problems.front()));
    QVERIFY(model.returnError(0, errorText));
    QCOMPARE(status(model, 0), Status::ErrorReturned);
    const std::vector<api::ChatMessage> history = model.history();
    QCOMPARE(int(history.size()), 2);
    QCOMPARE(history[0].toolCalls.front().arguments, arguments); // sent back exactly as the model wrote it
    QCOMPARE(history[1].content, errorText);
}

void TestToolCallListModel::historyShape()
{
    ToolCallListModel model;
    model.setTools(weatherAndTime());
    model.begin();
    api::ChatDelta thinking;
    thinking.reasoning = QStringLiteral("I should call both tools.");
    model.applyDelta(thinking);
    api::ChatResult result;
    result.content = QStringLiteral("Checking both.");
    result.reasoning = QStringLiteral("I should call both tools.");
    result.finishReason = QStringLiteral("tool_calls");
    result.toolCalls = {toolCall(0, QStringLiteral("call_loopback_weather"), QStringLiteral("get_weather"),
                                 QStringLiteral("{\"city\":\"Beijing\"}")),
                        toolCall(1, QStringLiteral("call_loopback_time"), QStringLiteral("get_time"),
                                 QStringLiteral("{\"tz\":\"Asia/Shanghai\"}"))};
    model.finish(result);

    QSignalSpy all(&model, &ToolCallListModel::allAnsweredChanged);
    QSignalSpy answers(&model, &ToolCallListModel::answersChanged);
    // Answered out of order: the history is still in index order.
    QVERIFY(model.answer(1, QStringLiteral("20:00")));
    QVERIFY(!model.allAnswered());
    QVERIFY(model.history().empty());
    QCOMPARE(all.count(), 0);
    QVERIFY(model.returnError(0, QStringLiteral("Error: the weather service is down")));
    QVERIFY(model.allAnswered());
    QCOMPARE(all.count(), 1);
    QCOMPARE(all.last().at(0).toBool(), true);
    QCOMPARE(answers.count(), 2);
    QCOMPARE(role(model, 0, ToolCallListModel::ResultRole).toString(),
             QStringLiteral("Error: the weather service is down"));

    const std::vector<api::ChatMessage> history = model.history();
    QCOMPARE(int(history.size()), 3);
    QVERIFY(history[0].reasoning.isEmpty()); // never sent back (HTTP 400)
    QCOMPARE(wire(history), json::parse(R"json([
        {"role":"assistant","content":"Checking both.","tool_calls":[
          {"id":"call_loopback_weather","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Beijing\"}"}},
          {"id":"call_loopback_time","type":"function","function":{"name":"get_time","arguments":"{\"tz\":\"Asia/Shanghai\"}"}}]},
        {"role":"tool","tool_call_id":"call_loopback_weather","content":"Error: the weather service is down"},
        {"role":"tool","tool_call_id":"call_loopback_time","content":"20:00"}])json"));

    // Clearing an answer takes the history back.
    QVERIFY(model.clearAnswer(0));
    QCOMPARE(status(model, 0), Status::AwaitingAnswer);
    QVERIFY(model.history().empty());
    QCOMPARE(all.count(), 2);
    QCOMPARE(all.last().at(0).toBool(), false);
}

void TestToolCallListModel::historyKeepsVisibleContent_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<bool>("sent");
    QTest::newRow("text") << QStringLiteral("从前有座山。") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("only a newline (older form)") << QStringLiteral("\n") << false;
    QTest::newRow("text with newlines kept as is") << QStringLiteral("\nLet me check.\n") << true;
}

void TestToolCallListModel::historyKeepsVisibleContent()
{
    QFETCH(QString, content);
    QFETCH(bool, sent);
    ToolCallListModel model;
    model.setTools(weatherAndTime());
    api::ChatResult result;
    result.content = content;
    result.toolCalls = {
        toolCall(0, QStringLiteral("c"), QStringLiteral("get_time"), QStringLiteral("{\"tz\":\"UTC\"}"))};
    model.finish(result);
    QVERIFY(model.answer(0, QStringLiteral("ok")));
    const json assistant = api::RequestBuilder::messageToJson(model.history().front());
    QCOMPARE(assistant.contains("content"), sent);
    if (sent)
        QCOMPARE(QString::fromStdString(assistant.at("content").get<std::string>()), content);
}

void TestToolCallListModel::answersOnlyWhenFinal()
{
    ToolCallListModel model;
    model.setTools(weatherAndTime());
    model.begin();
    model.applyDelta(delta(
        {start(0, QStringLiteral("c"), QStringLiteral("get_time")), piece(0, QStringLiteral("{\"tz\""))}));
    QVERIFY(!model.isAnswerable(0));
    QVERIFY(!model.answer(0, QStringLiteral("early")));
    QVERIFY(!model.returnError(0, QStringLiteral("early")));
    QCOMPARE(status(model, 0), Status::Streaming);
    QVERIFY(!model.answer(5, QStringLiteral("no such row")));
    QVERIFY(!model.allAnswered());
}

void TestToolCallListModel::interruptedStream()
{
    ToolCallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTools(weatherAndTime());
    model.begin();
    model.applyDelta(delta(
        {start(0, QStringLiteral("c"), QStringLiteral("get_weather")), piece(0, QStringLiteral("{\"ci"))}));
    model.interrupt();
    QVERIFY(!model.isStreaming());
    QVERIFY(!model.isFinal());
    QCOMPARE(model.count(), 1); // what arrived stays visible
    QCOMPARE(status(model, 0), Status::Interrupted);
    QCOMPARE(role(model, 0, ToolCallListModel::StatusTextRole).toString(), QStringLiteral("Interrupted"));
    QVERIFY(!model.answer(0, QStringLiteral("x")));
    QVERIFY(model.history().empty());
}

void TestToolCallListModel::automaticBuiltins()
{
    ToolCallListModel model;
    std::vector<api::ToolDefinition> offered = tools::BuiltinTools::definitions();
    offered.push_back(weatherAndTime().front());
    model.setTools(offered);
    api::ChatResult result;
    result.toolCalls = {
        toolCall(0, QStringLiteral("c0"), QStringLiteral("calculator"),
                 QStringLiteral("{\"expression\":\"(2+3)*4\"}")),
        toolCall(1, QStringLiteral("c1"), QStringLiteral("read_text_file"),
                 QStringLiteral("{\"path\":\"/etc/hostname\"}")),
        toolCall(2, QStringLiteral("c2"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"X\"}")),
        toolCall(3, QStringLiteral("c3"), QStringLiteral("calculator"),
                 QStringLiteral("{\"expression\":\"1/0\"}")),
        toolCall(4, QStringLiteral("c4"), QStringLiteral("get_current_datetime"),
                 QStringLiteral("{\"timezone\":\"UTC\"}"))};
    model.finish(result);
    QVERIFY(role(model, 0, ToolCallListModel::IsBuiltinRole).toBool());
    QVERIFY(role(model, 1, ToolCallListModel::NeedsApprovalRole).toBool());
    QVERIFY(!role(model, 2, ToolCallListModel::IsBuiltinRole).toBool());

    tools::BuiltinTools builtins([] { return QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC); });
    QCOMPARE(model.answerBuiltinCalls(builtins), 3);
    QCOMPARE(status(model, 0), Status::Answered);
    QCOMPARE(model.entry(0).result, QStringLiteral("20"));
    QCOMPARE(status(model, 1), Status::AwaitingAnswer); // reading a file always asks
    QCOMPARE(status(model, 2), Status::AwaitingAnswer); // answered by the person
    QCOMPARE(status(model, 3), Status::ErrorReturned);
    QCOMPARE(model.entry(3).result, QStringLiteral("Error: Division by zero at column 2"));
    QCOMPARE(status(model, 4), Status::Answered);
    QVERIFY(model.entry(4).result.contains(QLatin1String("\"datetime\":\"2025-03-01T12:00:00+00:00\"")));
    QCOMPARE(model.answerBuiltinCalls(builtins), 0); // nothing left to run

    // A built-in the conversation does not offer is not run, even when the model names it.
    ToolCallListModel other;
    other.setTools(weatherAndTime());
    api::ChatResult hallucinated;
    hallucinated.toolCalls = {toolCall(0, QStringLiteral("c"), QStringLiteral("calculator"),
                                       QStringLiteral("{\"expression\":\"1\"}"))};
    other.finish(hallucinated);
    QVERIFY(!role(other, 0, ToolCallListModel::IsBuiltinRole).toBool());
    QCOMPARE(other.answerBuiltinCalls(builtins), 0);
}

void TestToolCallListModel::reopenStoredRound()
{
    ToolCallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTools(weatherAndTime());
    const std::vector<api::ToolCall> calls = {
        toolCall(0, QStringLiteral("a"), QStringLiteral("get_weather"), QStringLiteral("{\"city\":\"X\"}")),
        toolCall(1, QStringLiteral("b"), QStringLiteral("get_time"), QStringLiteral("{\"tz\":\"UTC\"}"))};
    model.load(QStringLiteral("Both."), calls,
               {{false, QStringLiteral("sunny")}, {true, QStringLiteral("Error: no clock")}});
    QVERIFY(model.isFinal());
    QVERIFY(model.allAnswered());
    QCOMPARE(status(model, 1), Status::ErrorReturned);
    QCOMPARE(wire(model.history()), json::parse(R"json([
        {"role":"assistant","content":"Both.","tool_calls":[
          {"id":"a","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"X\"}"}},
          {"id":"b","type":"function","function":{"name":"get_time","arguments":"{\"tz\":\"UTC\"}"}}]},
        {"role":"tool","tool_call_id":"a","content":"sunny"},
        {"role":"tool","tool_call_id":"b","content":"Error: no clock"}])json"));

    model.load(QString(), calls, {{false, QStringLiteral("sunny")}}); // the second not answered yet
    QVERIFY(!model.allAnswered());
    QCOMPARE(status(model, 1), Status::AwaitingAnswer);
    model.clear();
    QCOMPARE(model.count(), 0);
    QVERIFY(!model.isFinal());
}

void TestToolCallListModel::watchesARealCall()
{
    ts::LoopbackServer server;
    QVERIFY(server.listen());
    QNetworkAccessManager nam;
    api::ChatClient client(&nam);
    api::ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = QStringLiteral("test-key-loopback-0000");
    api::ChatRequest request;
    request.model = QStringLiteral("loopback-tools");
    request.messages = {api::ChatMessage::user(QStringLiteral("Weather and time in Beijing?"))};
    request.tools = weatherAndTime();

    ToolCallListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTools(request.tools);
    QStringList seen; // every arguments text row 0 showed, in order
    connect(&model, &QAbstractItemModel::dataChanged, this, [&] {
        if (model.count() > 0 && model.isStreaming()) {
            const QString text = role(model, 0, ToolCallListModel::ArgumentsRole).toString();
            if (seen.isEmpty() || seen.last() != text)
                seen << text;
        }
    });
    QSignalSpy finished(&model, &ToolCallListModel::finished);
    api::ChatCall* call = client.start(request, config, this);
    model.watch(call);
    QVERIFY(finished.wait(15000));
    QVERIFY(call->succeeded());
    QCOMPARE(model.count(), 2);
    QCOMPARE(model.content(), QStringLiteral("Checking both."));
    QCOMPARE(model.entry(0).call.id, QStringLiteral("call_loopback_weather"));
    QCOMPARE(model.entry(1).call.arguments, QStringLiteral("{\"tz\":\"Asia/Shanghai\"}"));
    QCOMPARE(status(model, 0), Status::AwaitingAnswer);
    // The arguments grew piece by piece: "{\"city\":", "{\"city\":\"Bei", ...
    QVERIFY2(seen.size() >= 3, qPrintable(seen.join(QLatin1Char('|'))));
    for (int i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i].startsWith(seen[i - 1]));
    QCOMPARE(seen.last(), QStringLiteral("{\"city\":\"Beijing\"}"));
    delete call;
}

QTEST_GUILESS_MAIN(TestToolCallListModel)
#include "tst_toolcalllistmodel.moc"
