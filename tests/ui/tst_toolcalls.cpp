// Tool calls end to end in widgets: the tools editor (errors at their line, presets, tool_choice and
// friends), and the inspector fed by a real ChatClient call to the loopback Ark server over HTTP on
// 127.0.0.1: calls fill in live, one is run (calculator) and one answered by hand, and the history
// that goes back is exactly the assistant message with its tool calls plus one tool message per call
// id, as the second request's body shows (digest §2.2, §2.6, §3.6, §7 items 1-6). Waits are safety
// limits only.
#include "api/ChatClient.h"
#include "api/RequestBuilder.h"
#include "models/ToolCallListModel.h"
#include "session/ConversationParams.h"
#include "support/LoopbackServer.h"
#include "tools/BuiltinTools.h"
#include "tools/ToolCallInspector.h"
#include "tools/ToolSchema.h"
#include "tools/ToolsEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>
#include <memory>

using namespace ark;
using models::ToolCallListModel;
using Status = ToolCallListModel::Status;
using nlohmann::json;
using ui::ToolCallInspector;
using ui::ToolsEditor;
namespace ts = ark::testsupport;

Q_DECLARE_METATYPE(QList<ark::api::ChatMessage>)

namespace {

constexpr int kWaitMs = 15000; // a safety limit, not an expectation
const QString kTestKey = QStringLiteral("test-key-loopback-0000");

const char* const kWeatherTool = R"json({"type": "function", "function": {"name": "get_weather",
  "description": "Current weather of a city",
  "parameters": {"type": "object", "properties": {"city": {"type": "string"}, "unit": {"type": "string",
  "enum": ["celsius", "fahrenheit"]}}, "required": ["city"]}}})json";

// The built-in tools plus a weather tool the person answers.
std::vector<api::ToolDefinition> conversationTools()
{
    const QString document = QStringLiteral("[%1]").arg(QString::fromUtf8(kWeatherTool));
    std::vector<api::ToolDefinition> tools = tools::BuiltinTools::definitions();
    for (const api::ToolDefinition& t : tools::ToolSchema::parseDocument(document).tools)
        tools.push_back(t);
    return tools;
}

json wire(const QList<api::ChatMessage>& messages)
{
    json out = json::array();
    for (const api::ChatMessage& m : messages)
        out.push_back(api::RequestBuilder::messageToJson(m));
    return out;
}

json bodyOf(const ts::RecordedRequest& request)
{
    return json::parse(request.body.constData(), request.body.constData() + request.body.size());
}

bool hasWaveUnderlineAt(const QPlainTextEdit* edit, int position)
{
    for (const QTextEdit::ExtraSelection& s : edit->extraSelections())
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline &&
            s.cursor.selectionStart() <= position && position < s.cursor.selectionEnd())
            return true;
    return false;
}

} // namespace

class TestToolCalls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void editorShowsErrorsAtTheirLine();
    void editorPresetsAndSettings();
    void inspectorRoundTrip();
    void invalidArgumentsAreShownAndReturned();
    void singleChunkForm();
    void readingAFileAsksFirst();

private:
    api::ChatCall* startCall(const QString& model, std::vector<api::ChatMessage> messages);

    std::unique_ptr<ts::LoopbackServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<api::ChatClient> m_client;
    std::vector<api::ToolDefinition> m_tools;
};

void TestToolCalls::initTestCase()
{
    qRegisterMetaType<QList<api::ChatMessage>>();
}

void TestToolCalls::init()
{
    m_server = std::make_unique<ts::LoopbackServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<api::ChatClient>(m_nam.get());
    m_tools = conversationTools();
}

void TestToolCalls::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

api::ChatCall* TestToolCalls::startCall(const QString& model, std::vector<api::ChatMessage> messages)
{
    api::ClientConfig config;
    config.baseUrl = m_server->baseUrl();
    config.apiKey = kTestKey;
    api::ChatRequest request;
    request.model = model;
    request.messages = std::move(messages);
    request.tools = m_tools;
    return m_client->start(request, config, this);
}

// -------------------------------------------------------------------------------------------------

void TestToolCalls::editorShowsErrorsAtTheirLine()
{
    ToolsEditor editor;
    editor.resize(560, 620);
    editor.show();
    // Line 4: the name has a space; line 7: "required" names a parameter that does not exist.
    const QString text = QStringLiteral(
        "[\n"
        "  {\"type\": \"function\",\n"
        "   \"function\": {\n"
        "     \"name\": \"get weather\",\n"
        "     \"description\": \"Weather of a city\",\n"
        "     \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}},\n"
        "                    \"required\": [\"town\"]}}}\n"
        "]\n");
    QSignalSpy changed(&editor, &ToolsEditor::changed);
    editor.setToolsText(text);
    QCOMPARE(changed.count(), 0); // loading is not an edit
    QVERIFY(editor.hasErrors());
    QCOMPARE(editor.problemList()->count(), 2);
    QVERIFY(editor.problemList()->isVisibleTo(&editor));
    QCOMPARE(editor.problemList()->item(0)->text(),
             QStringLiteral(
                 "Error: Line 4, column 14: \u201cget weather\u201d is not a valid function name: use 1 to "
                 "64 letters, digits, _ or -  \u2014  $[0].function.name"));
    QVERIFY(editor.problemList()->item(1)->text().startsWith(QStringLiteral(
        "Error: Line 7, column 34: \u201ctown\u201d is required but not defined in \"properties\"")));
    QVERIFY(editor.statusLabel()->text().startsWith(QStringLiteral("2 error(s)")));

    // Underlined where they are, not elsewhere.
    const int nameAt = text.indexOf(QLatin1String("\"get weather\""));
    QVERIFY(hasWaveUnderlineAt(editor.textEdit(), nameAt));
    QVERIFY(hasWaveUnderlineAt(editor.textEdit(), text.indexOf(QLatin1String("\"town\""))));
    QVERIFY(!hasWaveUnderlineAt(editor.textEdit(), text.indexOf(QLatin1String("\"description\""))));

    // A problem in the list takes the cursor to its place.
    editor.goToProblem(1);
    QCOMPARE(editor.textEdit()->textCursor().blockNumber(), 6);
    QCOMPARE(editor.textEdit()->textCursor().position(), text.indexOf(QLatin1String("\"town\"")));

    QVERIFY(editor.grab().save(QStringLiteral("/tmp/tools-editor-error.png")));

    // Typing a fix is an edit, and the problems follow.
    QTextCursor cursor(editor.textEdit()->document());
    cursor.setPosition(nameAt + 4);
    cursor.setPosition(nameAt + 5, QTextCursor::KeepAnchor);
    cursor.insertText(QStringLiteral("_"));
    QVERIFY(changed.count() > 0);
    QCOMPARE(editor.problemList()->count(), 1);
    QVERIFY(!hasWaveUnderlineAt(editor.textEdit(), nameAt));

    // A syntax error is located too.
    editor.setToolsText(QStringLiteral("[\n  {\"type\": \"function\",,}\n]"));
    QCOMPARE(editor.problemList()->count(), 1);
    QVERIFY2(editor.problemList()->item(0)->text().startsWith(QStringLiteral("Error: Line 2, column ")),
             qPrintable(editor.problemList()->item(0)->text()));
    QVERIFY(editor.problemList()->item(0)->text().contains(QLatin1String("Not valid JSON")));
}

void TestToolCalls::editorPresetsAndSettings()
{
    ToolsEditor editor;
    editor.setToolsText(QStringLiteral("[oops"));
    QVERIFY(editor.hasErrors());
    QVERIFY(editor.applyPreset(QStringLiteral("weather")));
    QVERIFY(!editor.hasErrors());
    QCOMPARE(editor.document().names(), QStringList{QStringLiteral("get_current_weather")});
    QVERIFY(!editor.problemList()->isVisibleTo(&editor));
    QVERIFY(editor.statusLabel()->text().contains(QLatin1String("get_current_weather")));
    editor.textEdit()->undo(); // the preset replaced the text undoably
    QCOMPARE(editor.toolsText(), QStringLiteral("[oops"));
    QVERIFY(!editor.applyPreset(QStringLiteral("nope")));
    QVERIFY(editor.applyPreset(QStringLiteral("builtin")));
    QCOMPARE(editor.document().names().size(), 3);

    // tool_choice offers every function by name.
    QComboBox* choice = editor.toolChoiceBox();
    const int calculator = choice->findData(QStringLiteral("fn:calculator"));
    QVERIFY(calculator >= 0);
    QCOMPARE(choice->itemText(calculator), QStringLiteral("Call calculator"));
    QVERIFY(choice->findData(QStringLiteral("required")) >= 0);
    choice->setCurrentIndex(calculator);
    emit choice->activated(calculator);
    QCOMPARE(editor.toolChoice(), api::ToolChoice::named(QStringLiteral("calculator")));

    editor.setParallelToolCalls(false);
    editor.automaticBox()->setChecked(true);
    editor.roundLimitBox()->setValue(7);
    session::ConversationParams params;
    params.temperature = 0.5;
    editor.applyTo(params);
    QCOMPARE(params.toolsJson, editor.toolsText());
    QCOMPARE(params.toolChoice, api::ToolChoice::named(QStringLiteral("calculator")));
    QCOMPARE(params.parallelToolCalls, std::optional<bool>(false));
    QVERIFY(params.autoRunBuiltinTools);
    QCOMPARE(params.toolRoundLimit, 7);
    QCOMPARE(params.temperature, std::optional<double>(0.5)); // the rest is left alone
    QCOMPARE(params.toChatParameters().toolChoice, json::parse(R"({"type":"function","name":"calculator"})"));

    // And back, through the stored JSON.
    ToolsEditor other;
    other.setParams(session::ConversationParams::fromJson(params.toJson()));
    QCOMPARE(other.toolsText(), editor.toolsText());
    QCOMPARE(other.toolChoice(), editor.toolChoice());
    QCOMPARE(other.parallelToolCalls(), std::optional<bool>(false));
    QVERIFY(other.automaticMode());
    QCOMPARE(other.roundLimit(), 7);

    // A named function that leaves the document stays visible, marked as not sent.
    other.applyPreset(QStringLiteral("weather"));
    QCOMPARE(other.toolChoice(), api::ToolChoice::named(QStringLiteral("calculator")));
    QVERIFY(other.toolChoiceBox()->currentText().contains(QLatin1String("not among the tools")));

    other.setModelCapabilities(false, true);
    QVERIFY(!other.toolChoiceBox()->isEnabled());
    QVERIFY(!other.toolChoiceBox()->toolTip().isEmpty());
    QVERIFY(other.parallelBox()->isEnabled());
}

void TestToolCalls::inspectorRoundTrip()
{
    ToolCallListModel model;
    model.setTools(m_tools);
    ToolCallInspector inspector(&model);
    inspector.resize(440, 760);
    inspector.show();
    QCOMPARE(inspector.cardCount(), 0);
    QCOMPARE(inspector.summaryLabel()->text(), QStringLiteral("No tool calls in the current answer."));

    // What the inspector shows for call 0 at every change, read right after it updated.
    QStringList shownArguments;
    QStringList modelArguments;
    connect(&model, &QAbstractItemModel::dataChanged, this, [&] {
        if (model.isStreaming() && inspector.cardCount() > 0) {
            const QString shown = inspector.argumentsView(0)->toPlainText();
            if (shownArguments.isEmpty() || shownArguments.last() != shown) {
                shownArguments << shown;
                modelArguments << model.entry(0).call.arguments;
            }
        }
    });
    bool sawStreamingState = false;
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&] {
        sawStreamingState =
            sawStreamingState ||
            (inspector.statusLabel(0) &&
             inspector.statusLabel(0)->text().contains(QLatin1String("Streaming")) &&
             inspector.problemsLabel(0)->text().contains(QLatin1String("still arriving")) &&
             !inspector.sendButton(0)->isEnabled() && !inspector.continueButton()->isEnabled());
    });

    const api::ChatMessage question =
        api::ChatMessage::user(QStringLiteral("What is (2+3)*4, and the weather in Beijing?"));
    api::ChatCall* call = startCall(QStringLiteral("loopback-tools-calc"), {question});
    model.watch(call);
    QSignalSpy finished(&model, &ToolCallListModel::finished);
    QVERIFY(finished.wait(kWaitMs));
    QVERIFY(call->succeeded());

    // Live: the card showed the arguments growing, exactly as they stood.
    QVERIFY(sawStreamingState);
    QVERIFY2(shownArguments.size() >= 3, qPrintable(shownArguments.join(QLatin1Char('|'))));
    QCOMPARE(shownArguments, modelArguments);
    for (int i = 1; i < shownArguments.size(); ++i)
        QVERIFY(shownArguments[i].startsWith(shownArguments[i - 1]));
    QCOMPARE(shownArguments.last(), QStringLiteral("{\"expression\":\"(2+3)*4\"}"));

    // Final: pretty JSON, the check result, buttons for what can be done.
    QCOMPARE(inspector.cardCount(), 2);
    QVERIFY(inspector.headerLabel(0)->text().contains(QLatin1String("calculator")));
    QCOMPARE(inspector.callIdLabel(0)->text(), QStringLiteral("call_loopback_calc"));
    QVERIFY(inspector.headerLabel(1)->text().contains(QLatin1String("#1")));
    QCOMPARE(inspector.argumentsView(0)->toPlainText(),
             QStringLiteral("{\n  \"expression\": \"(2+3)*4\"\n}"));
    QCOMPARE(inspector.argumentsView(1)->toPlainText(), QStringLiteral("{\n  \"city\": \"Beijing\"\n}"));
    QVERIFY(inspector.problemsLabel(0)->text().contains(QLatin1String("fit the function")));
    QVERIFY(inspector.statusLabel(0)->text().contains(QLatin1String("Awaiting answer")));
    QVERIFY(inspector.runButton(0)->isVisibleTo(&inspector));
    QVERIFY(inspector.runButton(0)->isEnabled());
    QVERIFY(!inspector.runButton(1)->isVisibleTo(&inspector)); // get_weather is answered by the person
    QVERIFY(inspector.sendButton(1)->isEnabled());
    QCOMPARE(inspector.contentLabel()->text(), QStringLiteral("The model wrote: Let me work these out."));
    QVERIFY(inspector.summaryLabel()->text().startsWith(QStringLiteral("2 tool call(s)")));
    QVERIFY(!inspector.continueButton()->isEnabled());

    // Call 0 by Run, call 1 by hand.
    QTest::mouseClick(inspector.runButton(0), Qt::LeftButton);
    QCOMPARE(model.entry(0).status, Status::Answered);
    QCOMPARE(inspector.resultEditor(0)->toPlainText(), QStringLiteral("20"));
    QVERIFY(inspector.statusLabel(0)->text().contains(QLatin1String("Answered")));
    QVERIFY(!inspector.continueButton()->isEnabled());
    inspector.resultEditor(1)->setFocus();
    QTest::keyClicks(inspector.resultEditor(1), QStringLiteral("Sunny, 25 °C"));
    QApplication::processEvents(); // pending layout requests, as the event loop would run them
    QVERIFY(inspector.grab().save(QStringLiteral("/tmp/tools-inspector.png")));
    QTest::mouseClick(inspector.sendButton(1), Qt::LeftButton);
    QCOMPARE(model.entry(1).status, Status::Answered);
    QVERIFY(inspector.continueButton()->isEnabled());

    QSignalSpy ready(&inspector, &ToolCallInspector::resultsReady);
    QTest::mouseClick(inspector.continueButton(), Qt::LeftButton);
    QCOMPARE(ready.count(), 1);
    QVERIFY(!inspector.continueButton()->isEnabled()); // once per answer
    QVERIFY(!inspector.continueWithResults());
    QVERIFY(!inspector.sendButton(1)->isEnabled());
    const QList<api::ChatMessage> history = ready.takeFirst().at(0).value<QList<api::ChatMessage>>();
    const json expectedHistory = json::parse(R"json([
        {"role":"assistant","content":"Let me work these out.","tool_calls":[
          {"id":"call_loopback_calc","type":"function","function":{"name":"calculator","arguments":"{\"expression\":\"(2+3)*4\"}"}},
          {"id":"call_loopback_weather","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Beijing\"}"}}]},
        {"role":"tool","tool_call_id":"call_loopback_calc","content":"20"},
        {"role":"tool","tool_call_id":"call_loopback_weather","content":"Sunny, 25 °C"}])json");
    QCOMPARE(wire(history), expectedHistory);

    // Round two: the exact request body, and the model's answer built from the results.
    std::vector<api::ChatMessage> messages{question};
    messages.insert(messages.end(), history.begin(), history.end());
    m_server->clearRequests();
    api::ChatCall* second = startCall(QStringLiteral("loopback-tools-calc"), messages);
    model.watch(second);
    QSignalSpy secondDone(second, &api::ChatCall::finished);
    QVERIFY(secondDone.wait(kWaitMs));
    QVERIFY(second->succeeded());
    QCOMPARE(second->result().content, QStringLiteral("Based on the tools: 20; Sunny, 25 °C"));
    QCOMPARE(model.count(), 0); // no more calls: the inspector is empty again
    QCOMPARE(inspector.cardCount(), 0);
    QCOMPARE(m_server->requests().size(), 1);
    json sent = bodyOf(m_server->requests().front()).at("messages");
    json expectedMessages = json::array({{{"role", "user"}, {"content", question.content.toStdString()}}});
    for (const json& m : expectedHistory)
        expectedMessages.push_back(m);
    QCOMPARE(sent, expectedMessages);
    QVERIFY(m_server->requests().front().body.indexOf("reasoning") < 0);
}

void TestToolCalls::invalidArgumentsAreShownAndReturned()
{
    ToolCallListModel model;
    model.setTools(m_tools);
    ToolCallInspector inspector(&model);
    inspector.resize(440, 760);
    inspector.show();
    api::ChatCall* call = startCall(QStringLiteral("loopback-tools-invalid"),
                                    {api::ChatMessage::user(QStringLiteral("Weather?"))});
    model.watch(call);
    QSignalSpy finished(&model, &ToolCallListModel::finished);
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(inspector.cardCount(), 2);

    // Not JSON: shown as received, with the parse error.
    QCOMPARE(inspector.argumentsView(0)->toPlainText(), QStringLiteral("{\"city\": Beijing}"));
    const QString parseProblem = inspector.problemsLabel(0)->text();
    QVERIFY2(parseProblem.contains(QLatin1String("Error: 1:10: Not valid JSON")), qPrintable(parseProblem));
    // Valid JSON without the required city and with a value outside the enum: both listed.
    const QString schemaProblems = inspector.problemsLabel(1)->text();
    QVERIFY2(schemaProblems.contains(QStringLiteral("Missing required field \u201ccity\u201d")),
             qPrintable(schemaProblems));
    QVERIFY(schemaProblems.contains(QLatin1String("&quot;kelvin&quot; is not one of the allowed values")));
    QApplication::processEvents();
    QVERIFY(inspector.grab().save(QStringLiteral("/tmp/tools-inspector-invalid.png")));

    // Return Error with nothing typed sends the problems; with text, the text.
    QTest::mouseClick(inspector.errorButton(0), Qt::LeftButton);
    QCOMPARE(model.entry(0).status, Status::ErrorReturned);
    QVERIFY(model.entry(0).result.startsWith(
        QStringLiteral("Error: the call was not run because its arguments")));
    QCOMPARE(inspector.resultEditor(0)->toPlainText(), model.entry(0).result);
    QTest::keyClicks(inspector.resultEditor(1), QStringLiteral("Error: say which city"));
    QTest::mouseClick(inspector.errorButton(1), Qt::LeftButton);
    QCOMPARE(model.entry(1).result, QStringLiteral("Error: say which city"));
    QVERIFY(inspector.continueWithResults());

    const std::vector<api::ChatMessage> history = model.history();
    QCOMPARE(int(history.size()), 3);
    QVERIFY(history[0].content.isEmpty()); // the answer had no text
    QCOMPARE(history[0].toolCalls[0].arguments, QStringLiteral("{\"city\": Beijing}")); // verbatim
    QCOMPARE(history[2].toolCallId, QStringLiteral("call_loopback_no_city"));
}

void TestToolCalls::singleChunkForm()
{
    m_tools.push_back(tools::ToolSchema::parseDocument(QStringLiteral(R"json([{"type":"function","function":{
        "name":"AppFinder","description":"Finds an app","parameters":{"type":"object","properties":{
        "prompt":{"type":"string"},"region":{"type":"string"}},"required":["prompt"]}}}])json"))
                          .tools.front());
    ToolCallListModel model;
    model.setTools(m_tools);
    ToolCallInspector inspector(&model);
    inspector.show();
    int cardsWhenInserted = -1;
    QString argumentsWhenInserted;
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&] {
        cardsWhenInserted = inspector.cardCount();
        argumentsWhenInserted = inspector.argumentsView(0)->toPlainText();
    });
    api::ChatCall* call = startCall(QStringLiteral("loopback-tools-oneshot"),
                                    {api::ChatMessage::user(QStringLiteral("Find 有道词典"))});
    model.watch(call);
    QSignalSpy finished(&model, &ToolCallListModel::finished);
    QVERIFY(finished.wait(kWaitMs));
    // The whole call arrived in one chunk: one card, complete from the start.
    QCOMPARE(cardsWhenInserted, 1);
    QCOMPARE(argumentsWhenInserted, QStringLiteral("{\"prompt\": \"有道词典\", \"region\": \"CN\"}"));
    QCOMPARE(inspector.cardCount(), 1);
    QCOMPARE(inspector.argumentsView(0)->toPlainText(),
             QStringLiteral("{\n  \"prompt\": \"有道词典\",\n  \"region\": \"CN\"\n}"));
    QVERIFY(inspector.problemsLabel(0)->text().contains(QLatin1String("fit the function")));
    QCOMPARE(inspector.contentLabel()->text(), QStringLiteral("The model wrote: Checking."));
    QTest::keyClicks(inspector.resultEditor(0), QStringLiteral("com.youdao.dict"));
    QVERIFY(inspector.sendResult(0));
    QVERIFY(inspector.continueWithResults());
    QCOMPARE(api::RequestBuilder::messageToJson(model.history().front()).at("content"), json("Checking.\n"));
}

void TestToolCalls::readingAFileAsksFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString wanted = dir.filePath(QStringLiteral("wanted.txt"));
    const QString picked = dir.filePath(QStringLiteral("picked.txt"));
    for (const auto& [path, text] : {std::pair{wanted, QByteArray("model's choice")},
                                     std::pair{picked, QByteArray("person's choice")}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    ToolCallListModel model;
    model.setTools(m_tools);
    api::ToolCall read;
    read.id = QStringLiteral("call_read");
    read.name = tools::BuiltinTools::readFileName();
    read.arguments = QString::fromStdString(json{{"path", wanted.toStdString()}}.dump());
    model.load(QString(), {read});
    ToolCallInspector inspector(&model);
    QCOMPARE(inspector.runButton(0)->text(), QStringLiteral("Run (asks first)\u2026"));

    QStringList asked;
    QString answer; // what the person decides
    inspector.setFileApprover([&](const QString& path) {
        asked << path;
        return answer;
    });
    QVERIFY(!inspector.runCall(0)); // refused: nothing read, nothing answered
    QCOMPARE(asked, QStringList{wanted});
    QCOMPARE(model.entry(0).status, Status::AwaitingAnswer);
    QVERIFY(model.entry(0).result.isEmpty());

    answer = picked; // the person picked another file
    QVERIFY(inspector.runCall(0));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(model.entry(0).status, Status::Answered);
    QCOMPARE(model.entry(0).result, QStringLiteral("person's choice"));
    QCOMPARE(inspector.resultEditor(0)->toPlainText(), QStringLiteral("person's choice"));
}

QTEST_MAIN(TestToolCalls)
#include "tst_toolcalls.moc"
