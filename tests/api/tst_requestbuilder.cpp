// RequestBuilder: ChatRequest -> the exact JSON body of POST /chat/completions (protocol digest §2).
// Expected bodies are whole JSON documents: a field that should be absent fails the comparison too.
#include "api/RequestBuilder.h"

#include <QtTest>

using namespace ark::api;
using nlohmann::json;

Q_DECLARE_METATYPE(ark::api::ChatRequest)

namespace {

ChatRequest request(std::vector<ChatMessage> messages, bool stream = true)
{
    ChatRequest r;
    r.model = QStringLiteral("doubao-seed-1-6-250615");
    r.messages = std::move(messages);
    r.stream = stream;
    return r;
}

ChatRequest simple(bool stream = true)
{
    return request({ChatMessage::user(QStringLiteral("你好"))}, stream);
}

ToolCall toolCall(int index, const QString& id, const QString& name, const QString& arguments)
{
    ToolCall call;
    call.index = index;
    call.id = id;
    call.name = name;
    call.arguments = arguments;
    return call;
}

// The weather tool of the digest's Example 5.
ToolDefinition weatherTool()
{
    ToolDefinition tool;
    tool.name = QStringLiteral("get_current_weather");
    tool.description = QStringLiteral("获取给定地点的天气");
    tool.parameters = json::parse(R"json({
        "type": "object",
        "properties": {
            "location": {"type": "string", "description": "地点的位置信息，比如北京"},
            "unit": {"type": "string", "enum": ["摄氏度", "华氏度"]}
        },
        "required": ["location"]
    })json");
    return tool;
}

} // namespace

class TestRequestBuilder : public QObject
{
    Q_OBJECT

private slots:
    void build_data();
    void build();
    void maxTokensWarning();
    void toBytesIsCompactUtf8();
    void invalidUtf16DoesNotThrow();
    void messageToJsonNeverSendsReasoning_data();
    void messageToJsonNeverSendsReasoning();
    void toolChoice_data();
    void toolChoice();
    void toolChoiceFromJson_data();
    void toolChoiceFromJson();
    void assistantToolCallsMessage();
};

void TestRequestBuilder::build_data()
{
    QTest::addColumn<ChatRequest>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("warnings");

    QTest::newRow("streaming: stream_options.include_usage")
        << simple()
        << QByteArray(R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                              "stream":true,"stream_options":{"include_usage":true}})json")
        << 0;

    QTest::newRow("not streaming: no stream_options even with includeUsage")
        << simple(false)
        << QByteArray(R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                              "stream":false})json")
        << 0;

    {
        ChatRequest r = simple();
        r.includeUsage = false;
        QTest::newRow("streaming without include_usage")
            << r
            << QByteArray(
                   R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                                  "stream":true})json")
            << 0;
    }
    {
        ChatRequest r = simple(false);
        ChatParameters& p = r.params;
        p.temperature = 0.7;
        p.topP = 0.9;
        p.frequencyPenalty = 0.5;
        p.presencePenalty = -0.5;
        p.stop = QStringList{QStringLiteral("你好"), QStringLiteral("天气")};
        p.maxTokens = 1024;
        p.thinking = ThinkingMode::Disabled;
        p.toolChoice = "auto";
        p.parallelToolCalls = false;
        p.responseFormat = json{{"type", "json_object"}};
        QTest::newRow("every parameter set")
            << r
            << QByteArray(
                   R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                                  "temperature":0.7,"top_p":0.9,"frequency_penalty":0.5,"presence_penalty":-0.5,
                                  "stop":["你好","天气"],"max_tokens":1024,"thinking":{"type":"disabled"},
                                  "tool_choice":"auto","parallel_tool_calls":false,
                                  "response_format":{"type":"json_object"},"stream":false})json")
            << 0;
    }
    {
        ChatRequest r = simple(false);
        r.params.maxTokens = 4096;
        r.params.maxCompletionTokens = 1024;
        QTest::newRow("max_completion_tokens wins over max_tokens")
            << r
            << QByteArray(
                   R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                                  "max_completion_tokens":1024,"stream":false})json")
            << 1;
    }
    {
        ChatRequest r = simple(false);
        r.params.maxCompletionTokens = 0; // 0 is a value, not "unset"
        QTest::newRow("max_completion_tokens alone, even 0")
            << r
            << QByteArray(
                   R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                                  "max_completion_tokens":0,"stream":false})json")
            << 0;
    }
    {
        ChatRequest r = simple(false);
        r.params.thinking = ThinkingMode::Enabled;
        r.params.stop = QStringList{QString(), QStringLiteral("END")};
        QTest::newRow("thinking enabled; empty stop strings dropped")
            << r
            << QByteArray(
                   R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                                  "thinking":{"type":"enabled"},"stop":["END"],"stream":false})json")
            << 0;
    }
    {
        ChatRequest r = simple(false);
        r.params.thinking = ThinkingMode::Auto;
        r.params.stop = QStringList{QString()};
        r.params.parallelToolCalls = true;
        r.params.toolChoice = json{{"type", "function"}, {"name", "get_current_weather"}};
        QTest::newRow("thinking auto; only-empty stop list omitted; tool_choice object")
            << r
            << QByteArray(
                   R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                                  "thinking":{"type":"auto"},"parallel_tool_calls":true,
                                  "tool_choice":{"type":"function","name":"get_current_weather"},"stream":false})json")
            << 0;
    }
    {
        ChatMessage user;
        user.role = Role::User;
        user.content = QStringLiteral("ignored when parts exist");
        user.parts.push_back(
            ContentPart::makeImage(QStringLiteral("https://example.com/a.png"), QStringLiteral("high")));
        ContentPart limited = ContentPart::makeImage(QStringLiteral("data:image/jpeg;base64,AAAA"));
        limited.maxPixels = 3014080;
        limited.minPixels = 3136;
        user.parts.push_back(limited);
        ContentPart onlyMax =
            ContentPart::makeImage(QStringLiteral("https://example.com/b.webp"), QStringLiteral("low"));
        onlyMax.maxPixels = 1048576;
        user.parts.push_back(onlyMax);
        user.parts.push_back(ContentPart::makeVideo(
            QStringLiteral("https://ark-project.tos-cn-beijing.volces.com/doc_video/ark_vlm_video_input.mp4"),
            2.0));
        user.parts.push_back(ContentPart::makeVideo(QStringLiteral("data:video/mp4;base64,BBBB")));
        user.parts.push_back(ContentPart::makeText(QStringLiteral("图片里有什么？")));
        ChatMessage system;
        system.role = Role::System;
        system.parts.push_back(ContentPart::makeText(QStringLiteral("你是视觉助手。")));
        QTest::newRow("multimodal parts") << request({system, user}, false)
                                          << QByteArray(R"json({"model":"doubao-seed-1-6-250615","messages":[
                 {"role":"system","content":[{"type":"text","text":"你是视觉助手。"}]},
                 {"role":"user","content":[
                   {"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"high"}},
                   {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,AAAA",
                                                    "image_pixel_limit":{"max_pixels":3014080,"min_pixels":3136}}},
                   {"type":"image_url","image_url":{"url":"https://example.com/b.webp","detail":"low",
                                                    "image_pixel_limit":{"max_pixels":1048576}}},
                   {"type":"video_url","video_url":{"url":"https://ark-project.tos-cn-beijing.volces.com/doc_video/ark_vlm_video_input.mp4","fps":2}},
                   {"type":"video_url","video_url":{"url":"data:video/mp4;base64,BBBB"}},
                   {"type":"text","text":"图片里有什么？"}]}],
               "stream":false})json") << 0;
    }
    {
        // A tool loop with a thinking model: every assistant message has reasoning, none is sent.
        ChatMessage call = ChatMessage::assistant(QString());
        call.reasoning = QStringLiteral("用户想知道天气，我应该调用工具。");
        call.toolCalls = {
            toolCall(0, QStringLiteral("call_1"), QStringLiteral("get_current_weather"),
                     QStringLiteral(R"({"location": "北京"})")),
            toolCall(1, QStringLiteral("call_2"), QStringLiteral("get_time"), QStringLiteral("{}"))};
        ChatMessage visible = ChatMessage::assistant(QStringLiteral("我先查一下。"));
        visible.reasoning = QStringLiteral("想一想");
        visible.toolCalls = {
            toolCall(0, QStringLiteral("call_3"), QStringLiteral("get_time"), QStringLiteral("{}"))};
        ChatMessage answer = ChatMessage::assistant(QStringLiteral("北京今天晴。"));
        answer.reasoning = QStringLiteral("总结");
        ChatRequest r =
            request({ChatMessage::user(QStringLiteral("北京今天天气如何？")), call,
                     ChatMessage::toolResult(QStringLiteral("call_1"),
                                             QStringLiteral("北京今天天气晴朗，温度 25 摄氏度。"),
                                             QStringLiteral("get_current_weather")),
                     ChatMessage::toolResult(QStringLiteral("call_2"), QStringLiteral("error: timeout")),
                     visible, ChatMessage::toolResult(QStringLiteral("call_3"), QStringLiteral("10:00")),
                     answer, ChatMessage::user(QStringLiteral("谢谢"))});
        r.tools = {weatherTool()};
        r.includeUsage = false;
        QTest::newRow("tool loop history: no reasoning_content anywhere")
            << r << QByteArray(R"json({"model":"doubao-seed-1-6-250615","messages":[
                 {"role":"user","content":"北京今天天气如何？"},
                 {"role":"assistant","tool_calls":[
                   {"id":"call_1","type":"function","function":{"name":"get_current_weather","arguments":"{\"location\": \"北京\"}"}},
                   {"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"call_1","name":"get_current_weather","content":"北京今天天气晴朗，温度 25 摄氏度。"},
                 {"role":"tool","tool_call_id":"call_2","content":"error: timeout"},
                 {"role":"assistant","content":"我先查一下。","tool_calls":[
                   {"id":"call_3","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"call_3","content":"10:00"},
                 {"role":"assistant","content":"北京今天晴。"},
                 {"role":"user","content":"谢谢"}],
               "tools":[{"type":"function","function":{"name":"get_current_weather","description":"获取给定地点的天气",
                 "parameters":{"type":"object","properties":{
                   "location":{"type":"string","description":"地点的位置信息，比如北京"},
                   "unit":{"type":"string","enum":["摄氏度","华氏度"]}},"required":["location"]}}}],
               "stream":true})json")
            << 0;
    }
    {
        ChatMessage empty = ChatMessage::assistant(QString());
        empty.reasoning = QStringLiteral("only thoughts");
        ChatRequest r = request({ChatMessage::user(QStringLiteral("你是一个计算器，请计算： 1 + 1 ")),
                                 ChatMessage::assistant(QStringLiteral("=")), empty},
                                false);
        QTest::newRow("prefill, and an empty assistant message still has content")
            << r << QByteArray(R"json({"model":"doubao-seed-1-6-250615","messages":[
                 {"role":"user","content":"你是一个计算器，请计算： 1 + 1 "},
                 {"role":"assistant","content":"="},
                 {"role":"assistant","content":""}],"stream":false})json")
            << 0;
    }
    {
        ToolDefinition bare;
        bare.name = QStringLiteral("ping");
        ChatRequest r = simple(false);
        r.tools = {bare};
        QTest::newRow("tool without description and parameters")
            << r
            << QByteArray(
                   R"json({"model":"doubao-seed-1-6-250615","messages":[{"role":"user","content":"你好"}],
                                  "tools":[{"type":"function","function":{"name":"ping"}}],"stream":false})json")
            << 0;
    }
    {
        ChatRequest r = request({ChatMessage::user(QStringLiteral("北京今天天气如何？"))}, false);
        r.model = QStringLiteral("<MODEL>");
        r.tools = {weatherTool()};
        QTest::newRow("digest Example 5, turn 1") << r << QByteArray(R"json({
  "model": "<MODEL>",
  "messages": [
    {"role": "user", "content": "北京今天天气如何？"}
  ],
  "tools": [
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
              "enum": [
                "摄氏度",
                "华氏度"
              ]
            }
          },
          "required": [
            "location"
          ]
        }
      }
    }
  ],
  "stream": false
})json") << 0;
    }
    {
        ChatMessage user;
        user.role = Role::User;
        user.parts = {ContentPart::makeText(QStringLiteral("使用中文解题: 8x + 9 = 32 and x + y = 1"))};
        ChatRequest r = request({ChatMessage::system(QStringLiteral("你是一位数学辅导老师。")), user}, false);
        r.params.thinking = ThinkingMode::Disabled;
        r.params.responseFormat =
            json::parse(R"json({"type":"json_schema","json_schema":{"name":"math_reasoning",
            "schema":{"type":"object","properties":{"steps":{"type":"array","items":{"type":"object",
            "properties":{"explanation":{"type":"string"},"output":{"type":"string"}},
            "required":["explanation","output"],"additionalProperties":false}},"final_answer":{"type":"string"}},
            "required":["steps","final_answer"],"additionalProperties":false},"strict":true}})json");
        QTest::newRow("digest Example 4: structured output, thinking disabled") << r << QByteArray(R"json({
  "model": "doubao-seed-1-6-250615",
  "messages": [
    {
      "role": "system",
      "content": "你是一位数学辅导老师。"
    },
    {
      "role": "user",
      "content": [
        {
          "type": "text",
          "text": "使用中文解题: 8x + 9 = 32 and x + y = 1"
        }
      ]
    }
  ],
  "response_format": {
    "type": "json_schema",
    "json_schema": {
      "name": "math_reasoning",
      "schema": {
        "type": "object",
        "properties": {
          "steps": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "explanation": {
                  "type": "string"
                },
                "output": {
                  "type": "string"
                }
              },
              "required": [
                "explanation",
                "output"
              ],
              "additionalProperties": false
            }
          },
          "final_answer": {
            "type": "string"
          }
        },
        "required": [
          "steps",
          "final_answer"
        ],
        "additionalProperties": false
      },
      "strict": true
    }
  },
  "thinking": {
    "type": "disabled"
  },
  "stream": false
})json") << 0;
    }
}

void TestRequestBuilder::build()
{
    QFETCH(ChatRequest, input);
    QFETCH(QByteArray, expected);
    const BuiltRequest built = RequestBuilder::build(input);
    const json want = json::parse(expected.constBegin(), expected.constEnd());
    QVERIFY2(built.body == want,
             qPrintable(QStringLiteral("\n   got: %1\n  want: %2")
                            .arg(QString::fromUtf8(built.toBytes()), QString::fromStdString(want.dump()))));
    QTEST(int(built.warnings.size()), "warnings");
    // What goes on the wire is the same document.
    const QByteArray bytes = built.toBytes();
    QVERIFY(json::parse(bytes.constBegin(), bytes.constEnd()) == want);
}

void TestRequestBuilder::maxTokensWarning()
{
    ChatRequest r = simple();
    r.params.maxTokens = 4096;
    r.params.maxCompletionTokens = 2048;
    const BuiltRequest built = RequestBuilder::build(r);
    QCOMPARE(built.warnings.size(), 1);
    QVERIFY(built.warnings.first().contains(QStringLiteral("max_tokens")));
    QVERIFY(built.warnings.first().contains(QStringLiteral("4096")));
    QVERIFY(!built.body.contains("max_tokens"));

    r.params.maxCompletionTokens.reset();
    const BuiltRequest onlyMax = RequestBuilder::build(r);
    QVERIFY(onlyMax.warnings.isEmpty());
    QCOMPARE(onlyMax.body.at("max_tokens").get<int>(), 4096);
    QVERIFY(!onlyMax.body.contains("max_completion_tokens"));
}

void TestRequestBuilder::toBytesIsCompactUtf8()
{
    ChatRequest r = request({ChatMessage::system(QStringLiteral("你是助手。")),
                             ChatMessage::user(QStringLiteral("天空为什么这么蓝？😊 \"quoted\"\n"))});
    const QByteArray bytes = RequestBuilder::build(r).toBytes();
    QVERIFY2(bytes.contains("天空为什么这么蓝？😊"), bytes.constData()); // raw UTF-8, no \u escapes
    QVERIFY(!bytes.contains("\\u"));
    QVERIFY(bytes.contains(R"(\"quoted\"\n)")); // JSON escapes are still applied
    QVERIFY(!bytes.contains('\n'));             // compact: no pretty-printing
    QVERIFY(!bytes.contains("\": "));
    QVERIFY(!bytes.contains(", "));
    QVERIFY(bytes.startsWith('{') && bytes.endsWith('}'));
}

void TestRequestBuilder::invalidUtf16DoesNotThrow()
{
    // A lone surrogate (e.g. pasted half of an emoji) must not make the serialiser throw.
    QString broken = QStringLiteral("a");
    broken.append(QChar(0xD83D));
    broken.append(QStringLiteral("b"));
    ChatRequest r = request({ChatMessage::user(broken)});
    QByteArray bytes;
    try {
        bytes = RequestBuilder::build(r).toBytes();
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    const json parsed = json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    QVERIFY(!parsed.is_discarded());
    const QString content =
        QString::fromStdString(parsed.at("messages").at(0).at("content").get<std::string>());
    QVERIFY(content.startsWith(QLatin1Char('a')));
    QVERIFY(content.endsWith(QLatin1Char('b')));
}

void TestRequestBuilder::messageToJsonNeverSendsReasoning_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("withToolCalls");
    QTest::newRow("system") << int(Role::System) << false;
    QTest::newRow("user") << int(Role::User) << false;
    QTest::newRow("assistant") << int(Role::Assistant) << false;
    QTest::newRow("assistant with tool calls") << int(Role::Assistant) << true;
    QTest::newRow("tool") << int(Role::Tool) << false;
}

void TestRequestBuilder::messageToJsonNeverSendsReasoning()
{
    QFETCH(int, role);
    QFETCH(bool, withToolCalls);
    ChatMessage message;
    message.role = static_cast<Role>(role);
    message.content = QStringLiteral("内容");
    message.reasoning = QStringLiteral("思考过程");
    if (withToolCalls)
        message.toolCalls = {toolCall(0, QStringLiteral("c"), QStringLiteral("f"), QStringLiteral("{}"))};
    const json out = RequestBuilder::messageToJson(message);
    QCOMPARE(QString::fromStdString(out.at("role").get<std::string>()), roleName(message.role));
    QVERIFY(!out.contains("reasoning_content"));
    QVERIFY(!out.contains("reasoning"));
    QVERIFY(out.dump().find("思考过程") == std::string::npos);
    QCOMPARE(out.at("content").get<std::string>(), std::string("内容"));
    QCOMPARE(out.contains("tool_calls"), withToolCalls);
}

void TestRequestBuilder::toolChoice_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("function");
    QTest::addColumn<std::optional<bool>>("parallel");
    QTest::addColumn<QByteArray>("fields"); // the tool fields expected in the body ({} = none)

    using Mode = ToolChoice::Mode;
    QTest::newRow("unset: not sent") << int(Mode::Unset) << QString() << std::optional<bool>()
                                     << QByteArray("{}");
    QTest::newRow("auto") << int(Mode::Auto) << QString() << std::optional<bool>()
                          << QByteArray(R"({"tool_choice":"auto"})");
    QTest::newRow("none") << int(Mode::None) << QString() << std::optional<bool>()
                          << QByteArray(R"({"tool_choice":"none"})");
    QTest::newRow("required, one call at most")
        << int(Mode::Required) << QString() << std::optional<bool>(false)
        << QByteArray(R"({"tool_choice":"required","parallel_tool_calls":false})");
    // The documented flat object (digest §2.6), not OpenAI's {"function":{"name":...}}.
    QTest::newRow("named function, parallel allowed")
        << int(Mode::Function) << QStringLiteral("get_current_weather") << std::optional<bool>(true)
        << QByteArray(
               R"({"tool_choice":{"type":"function","name":"get_current_weather"},"parallel_tool_calls":true})");
}

void TestRequestBuilder::toolChoice()
{
    QFETCH(int, mode);
    QFETCH(QString, function);
    QFETCH(std::optional<bool>, parallel);
    QFETCH(QByteArray, fields);
    ChatRequest r = simple(false);
    r.tools = {weatherTool()};
    ToolChoice choice;
    choice.mode = static_cast<ToolChoice::Mode>(mode);
    choice.function = function;
    r.params.toolChoice = choice.toJson();
    r.params.parallelToolCalls = parallel;
    const json body = RequestBuilder::build(r).body;
    json got = json::object();
    for (const char* key : {"tool_choice", "parallel_tool_calls"})
        if (body.contains(key))
            got[key] = body.at(key);
    QCOMPARE(got, json::parse(fields.toStdString()));
    QCOMPARE(body.at("tools").size(), size_t(1));
}

void TestRequestBuilder::toolChoiceFromJson_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("understood");
    QTest::addColumn<QByteArray>("written"); // toJson() of what was understood

    QTest::newRow("null is unset") << QByteArray("null") << true << QByteArray("null");
    QTest::newRow("auto") << QByteArray(R"("auto")") << true << QByteArray(R"("auto")");
    QTest::newRow("none") << QByteArray(R"("none")") << true << QByteArray(R"("none")");
    QTest::newRow("required") << QByteArray(R"("required")") << true << QByteArray(R"("required")");
    QTest::newRow("flat object") << QByteArray(R"({"type":"function","name":"f"})") << true
                                 << QByteArray(R"({"type":"function","name":"f"})");
    QTest::newRow("OpenAI nested object") << QByteArray(R"({"type":"function","function":{"name":"f"}})")
                                          << true << QByteArray(R"({"type":"function","name":"f"})");
    QTest::newRow("unknown word") << QByteArray(R"("any")") << false << QByteArray();
    QTest::newRow("wrong type") << QByteArray(R"({"type":"retrieval","name":"f"})") << false << QByteArray();
    QTest::newRow("empty name") << QByteArray(R"({"type":"function","name":""})") << false << QByteArray();
    QTest::newRow("a number") << QByteArray("1") << false << QByteArray();
}

void TestRequestBuilder::toolChoiceFromJson()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, understood);
    QFETCH(QByteArray, written);
    const std::optional<ToolChoice> choice = ToolChoice::fromJson(json::parse(input.toStdString()));
    QCOMPARE(choice.has_value(), understood);
    if (understood) {
        QCOMPARE(choice->toJson(), json::parse(written.toStdString()));
        QCOMPARE(ToolChoice::fromJson(choice->toJson()), choice); // round trip
    }
}

void TestRequestBuilder::assistantToolCallsMessage()
{
    ChatMessage m = ChatMessage::assistantToolCalls(
        QString(), {toolCall(0, QStringLiteral("call_1"), QStringLiteral("get_current_weather"),
                             QStringLiteral("{\"location\": \"北京\"}"))});
    QCOMPARE(m.role, Role::Assistant);
    QVERIFY(m.reasoning.isEmpty());
    json expected = json::parse(R"json({"role":"assistant","tool_calls":[
        {"id":"call_1","type":"function","function":{"name":"get_current_weather","arguments":""}}]})json");
    expected["tool_calls"][0]["function"]["arguments"] = "{\"location\": \"北京\"}"; // verbatim
    QCOMPARE(RequestBuilder::messageToJson(m), expected);
    m = ChatMessage::assistantToolCalls(QStringLiteral("我先查一下。"), m.toolCalls);
    QCOMPARE(RequestBuilder::messageToJson(m).at("content"), json("我先查一下。"));
}

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
