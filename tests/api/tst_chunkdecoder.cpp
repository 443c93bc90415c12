// ChunkDecoder: one SSE event's data (or a whole non-streamed body) -> typed values.
// Rows quote the chunk shapes of the protocol digest (§3.2, §3.6, §8) as JSON.
#include "api/ChunkDecoder.h"

#include <QtTest>

using namespace ark::api;
using Kind = ChunkDecodeResult::Kind;

namespace {

QString opt(const std::optional<QString>& value)
{
    return value ? *value : QStringLiteral("~");
}

// "index|id|type|name|arguments" per fragment, ";"-separated; "~" marks an absent value.
QString describe(const std::vector<ToolCallFragment>& calls)
{
    QStringList parts;
    for (const ToolCallFragment& call : calls)
        parts << QStringLiteral("%1|%2|%3|%4|%5")
                     .arg(QString::number(call.index), opt(call.id), opt(call.type), opt(call.name),
                          call.arguments);
    return parts.join(QLatin1Char(';'));
}

QString describe(const std::vector<ToolCall>& calls)
{
    QStringList parts;
    for (const ToolCall& call : calls)
        parts << QStringLiteral("%1|%2|%3|%4|%5")
                     .arg(QString::number(call.index), call.id, call.type, call.name, call.arguments);
    return parts.join(QLatin1Char(';'));
}

QString usageText(const Usage& usage)
{
    if (!usage.present)
        return QStringLiteral("none");
    return QStringLiteral("%1/%2/%3 cached %4 reasoning %5")
        .arg(usage.promptTokens)
        .arg(usage.completionTokens)
        .arg(usage.totalTokens)
        .arg(usage.cachedTokens)
        .arg(usage.reasoningTokens);
}

QString usageText(const std::optional<Usage>& usage)
{
    return usage ? usageText(*usage) : QStringLiteral("none");
}

// Example 1 of the digest (§8), doubao-seed-1-6-250615, non-streamed with reasoning. The doc's
// "created": 1749xxxxxx placeholder is not JSON; CREATED is replaced per test.
const char* const kExample1 = R"json({
    "choices": [
        {
            "finish_reason": "stop",
            "index": 0,
            "logprobs": null,
            "message": {
                "content": "你好呀！很高兴收到你的问候～今天有没有什么开心的事情想分享呀？😊",
                "reasoning_content": "\n用户说“你好呀。”，这是一个很友好的问候。我需要用同样友好的方式回应，保持自然和亲切。",
                "role": "assistant"
            }
        }
    ],
    "created": CREATED,
    "id": "0217xxxxxx",
    "model": "doubao-seed-1-6-250615",
    "service_tier": "default",
    "object": "chat.completion",
    "usage": {
        "completion_tokens": 143,
        "prompt_tokens": 88,
        "total_tokens": 231,
        "prompt_tokens_details": {
            "cached_tokens": 0
        },
        "completion_tokens_details": {
            "reasoning_tokens": 123
        }
    }
})json";

// Example 2 of the digest (§8): the batch result's response.body, HttpHeader and all.
const char* const kExample2 = R"json({
    "id": "02174118707871600000000000000000000ffffac152003cadb62",
    "object": "chat.completion",
    "created": 1741187249,
    "model": "doubao-1-5-pro-32k-250115",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "我不想给你好好解释这个问题。天空蓝不蓝关我啥事，你自己去想吧。 "
            },
            "finish_reason": "stop"
        }
    ],
    "usage": {
        "prompt_tokens": 25,
        "completion_tokens": 24,
        "total_tokens": 49,
        "prompt_tokens_details": {"cached_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 0}
    },
    "HttpHeader": {
        "X-Client-Request-Id": ["202503052304380000BACD2ADACB18921B"],
        "Vary": ["Accept-Encoding"],
        "Server": ["hertz"],
        "Date": ["Wed, 05 Mar 2025 15:07:29 GMT"],
        "Content-Type": ["application/json; charset=utf-8"],
        "X-Request-Id": ["02174118707871600000000000000000000ffffac152003cadb62"]
    }
})json";

QByteArray example1(const char* created)
{
    return QByteArray(kExample1).replace("CREATED", created);
}

} // namespace

class TestChunkDecoder : public QObject
{
    Q_OBJECT

private slots:
    void delta_data();
    void delta();
    void toolCallFragments_data();
    void toolCallFragments();
    void done_data();
    void done();
    void errorObject_data();
    void errorObject();
    void malformed_data();
    void malformed();
    void malformedDetailIsBounded();
    void completion_data();
    void completion();
    void completionFailures_data();
    void completionFailures();
    void usage_data();
    void usage();
};

void TestChunkDecoder::delta_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<QString>("finish");
    QTest::addColumn<QString>("usage");

    const QString none = QStringLiteral("none");
    QTest::newRow("content (FC example, post-upgrade)")
        << QByteArray(
               R"json({"id":"0217***","object":"chat.completion.chunk","created":1737882725,"model":"doubao-1-5-***","choices":[{"index":0,"finish_reason":null,"delta":{"role":"assistant","content":"从前","function_call":null,"tool_calls":null}}]})json")
        << QStringLiteral("0217***") << QStringLiteral("doubao-1-5-***") << QStringLiteral("从前")
        << QString() << QString() << none;
    QTest::newRow("reasoning with null content")
        << QByteArray(
               R"json({"id":"r1","model":"doubao-seed-1-6-250615","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"用户说"},"finish_reason":null}],"usage":null})json")
        << QStringLiteral("r1") << QStringLiteral("doubao-seed-1-6-250615") << QString()
        << QStringLiteral("用户说") << QString() << none;
    QTest::newRow("reasoning empty string, content set")
        << QByteArray(R"json({"choices":[{"delta":{"content":"答","reasoning_content":""}}]})json")
        << QString() << QString() << QStringLiteral("答") << QString() << QString() << none;
    QTest::newRow("empty-string content")
        << QByteArray(R"json({"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]})json")
        << QString() << QString() << QString() << QString() << QString() << none;
    QTest::newRow("null content") << QByteArray(
                                         R"json({"choices":[{"index":0,"delta":{"content":null}}]})json")
                                  << QString() << QString() << QString() << QString() << QString() << none;
    QTest::newRow("missing content")
        << QByteArray(R"json({"choices":[{"index":0,"delta":{"role":"assistant"}}]})json") << QString()
        << QString() << QString() << QString() << QString() << none;
    QTest::newRow("missing delta") << QByteArray(R"json({"choices":[{"index":0,"finish_reason":null}]})json")
                                   << QString() << QString() << QString() << QString() << QString() << none;
    QTest::newRow("null delta") << QByteArray(R"json({"choices":[{"index":0,"delta":null}]})json")
                                << QString() << QString() << QString() << QString() << QString() << none;
    QTest::newRow("finish-only chunk (tool_calls)")
        << QByteArray(
               R"json({"id":"0217***","object":"chat.completion.chunk","created":1737882725,"model":"doubao-1-5-***","choices":[{"index":0,"finish_reason":"tool_calls","delta":{"role":"assistant","content":"","function_call":null,"tool_calls":null}}]})json")
        << QStringLiteral("0217***") << QStringLiteral("doubao-1-5-***") << QString() << QString()
        << QStringLiteral("tool_calls") << none;
    QTest::newRow("finish length")
        << QByteArray(R"json({"choices":[{"delta":{"content":"…"},"finish_reason":"length"}]})json")
        << QString() << QString() << QStringLiteral("…") << QString() << QStringLiteral("length") << none;
    QTest::newRow("finish content_filter")
        << QByteArray(
               R"json({"choices":[{"delta":{},"finish_reason":"content_filter","moderation_hit_type":"violence"}]})json")
        << QString() << QString() << QString() << QString() << QStringLiteral("content_filter") << none;
    QTest::newRow("usage-only last chunk, choices []")
        << QByteArray(
               R"json({"id":"u1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":88,"completion_tokens":143,"total_tokens":231,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":123}}})json")
        << QStringLiteral("u1") << QStringLiteral("m") << QString() << QString() << QString()
        << QStringLiteral("88/143/231 cached 0 reasoning 123");
    QTest::newRow("usage null") << QByteArray(
                                       R"json({"choices":[{"delta":{"content":"a"}}],"usage":null})json")
                                << QString() << QString() << QStringLiteral("a") << QString() << QString()
                                << none;
    QTest::newRow("cumulative usage with content (chunk_include_usage)")
        << QByteArray(
               R"json({"choices":[{"delta":{"content":"b"}}],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12}})json")
        << QString() << QString() << QStringLiteral("b") << QString() << QString()
        << QStringLiteral("10/2/12 cached 0 reasoning 0");
    QTest::newRow("unknown fields ignored")
        << QByteArray(
               R"json({"id":"x","service_tier":"default","system_fingerprint":"fp","choices":[{"index":0,"logprobs":null,"delta":{"content":"c","extra":{"a":[1,2]}}}],"references":[]})json")
        << QStringLiteral("x") << QString() << QStringLiteral("c") << QString() << QString() << none;
    QTest::newRow("no choices key") << QByteArray(R"json({"id":"only-id"})json") << QStringLiteral("only-id")
                                    << QString() << QString() << QString() << QString() << none;
    QTest::newRow("choices null") << QByteArray(R"json({"choices":null})json") << QString() << QString()
                                  << QString() << QString() << QString() << none;
    QTest::newRow("error null is not an error")
        << QByteArray(R"json({"error":null,"choices":[{"delta":{"content":"d"}}]})json") << QString()
        << QString() << QStringLiteral("d") << QString() << QString() << none;
    QTest::newRow("only the first choice is read")
        << QByteArray(
               R"json({"choices":[{"index":0,"delta":{"content":"first"}},{"index":1,"delta":{"content":"second"}}]})json")
        << QString() << QString() << QStringLiteral("first") << QString() << QString() << none;
    QTest::newRow("non-string id and model are ignored")
        << QByteArray(R"json({"id":123,"model":["m"],"choices":[{"delta":{"content":"e"}}]})json")
        << QString() << QString() << QStringLiteral("e") << QString() << QString() << none;
    QTest::newRow("surrounding white space")
        << QByteArray(" \r\n{\"choices\":[{\"delta\":{\"content\":\"f\"}}]}\n\n") << QString() << QString()
        << QStringLiteral("f") << QString() << QString() << none;
    QTest::newRow("\\u escapes and a surrogate pair")
        << QByteArray(R"json({"choices":[{"delta":{"content":"\u4f60\u597d\ud83d\ude0a\n"}}]})json")
        << QString() << QString() << QStringLiteral("你好😊\n") << QString() << QString() << none;
}

void TestChunkDecoder::delta()
{
    QFETCH(QByteArray, data);
    const ChunkDecodeResult result = ChunkDecoder::decodeChunk(data);
    QCOMPARE(int(result.kind), int(Kind::Delta));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.detail));
    QTEST(result.delta.id, "id");
    QTEST(result.delta.model, "model");
    QTEST(result.delta.content, "content");
    QTEST(result.delta.reasoning, "reasoning");
    QTEST(result.delta.finishReason, "finish");
    QTEST(usageText(result.delta.usage), "usage");
    QVERIFY(result.delta.toolCalls.empty());
}

void TestChunkDecoder::toolCallFragments_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("calls");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("finish");

    QTest::newRow("first fragment: id, type, name, empty arguments")
        << QByteArray(
               R"json({"id":"0217***","object":"chat.completion.chunk","created":1737882725,"model":"doubao-1-5-***","choices":[{"index":0,"finish_reason":null,"delta":{"role":"assistant","content":"","function_call":null,"tool_calls":[{"index":0,"id":"call_05i***","type":"function","function":{"name":"AppFinder","arguments":""}}]}}]})json")
        << QStringLiteral("0|call_05i***|function|AppFinder|") << QString() << QString();
    QTest::newRow("later fragment: nulls and an arguments piece")
        << QByteArray(
               R"json({"id":"0217***","object":"chat.completion.chunk","created":1737882725,"model":"doubao-1-5-***","choices":[{"index":0,"finish_reason":null,"delta":{"role":"assistant","content":"","function_call":null,"tool_calls":[{"index":0,"id":null,"type":null,"function":{"name":null,"arguments":"\"}"}}]}}]})json")
        << QStringLiteral("0|~|~|~|\"}") << QString() << QString();
    QTest::newRow("older form: whole call with content \\n and finish_reason")
        << QByteArray(
               R"json({"id":"0217***","object":"chat.completion.chunk","created":1737884441,"model":"doubao-***","choices":[{"index":0,"finish_reason":"tool_calls","delta":{"role":"assistant","content":"\n","function_call":null,"tool_calls":[{"index":0,"id":"call_leigeybrw25cwlk87byg8l3v","type":"function","function":{"name":"AppFinder","arguments":"{\"prompt\": \"有道词典\", \"region\": \"CN\"}"}}]}}]})json")
        << QStringLiteral("0|call_leigeybrw25cwlk87byg8l3v|function|AppFinder|{\"prompt\": \"有道词典\", "
                          "\"region\": \"CN\"}")
        << QStringLiteral("\n") << QStringLiteral("tool_calls");
    QTest::newRow("no index: position in the array")
        << QByteArray(
               R"json({"choices":[{"delta":{"tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"{}"}},{"id":"b","function":{"name":"g","arguments":"[]"}}]}}]})json")
        << QStringLiteral("0|a|function|f|{};1|b|~|g|[]") << QString() << QString();
    QTest::newRow("explicit indexes kept in arrival order")
        << QByteArray(
               R"json({"choices":[{"delta":{"tool_calls":[{"index":1,"function":{"arguments":"x"}},{"index":0,"function":{"arguments":"y"}}]}}]})json")
        << QStringLiteral("1|~|~|~|x;0|~|~|~|y") << QString() << QString();
    QTest::newRow("empty-string id/type/name count as absent")
        << QByteArray(
               R"json({"choices":[{"delta":{"tool_calls":[{"index":2,"id":"","type":"","function":{"name":"","arguments":"1"}}]}}]})json")
        << QStringLiteral("2|~|~|~|1") << QString() << QString();
    QTest::newRow("null function and missing arguments")
        << QByteArray(
               R"json({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c","function":null},{"index":1,"function":{"name":"n"}}]}}]})json")
        << QStringLiteral("0|c|~|~|;1|~|~|n|") << QString() << QString();
    QTest::newRow("arguments as an object become compact JSON")
        << QByteArray(
               R"json({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"d","type":"function","function":{"name":"w","arguments":{"city":"北京"}}}]}}]})json")
        << QStringLiteral("0|d|function|w|{\"city\":\"北京\"}") << QString() << QString();
}

void TestChunkDecoder::toolCallFragments()
{
    QFETCH(QByteArray, data);
    const ChunkDecodeResult result = ChunkDecoder::decodeChunk(data);
    QCOMPARE(int(result.kind), int(Kind::Delta));
    QTEST(describe(result.delta.toolCalls), "calls");
    QTEST(result.delta.content, "content");
    QTEST(result.delta.finishReason, "finish");
}

void TestChunkDecoder::done_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("plain") << QByteArray("[DONE]");
    QTest::newRow("trailing space (as in the doc)") << QByteArray("[DONE] ");
    QTest::newRow("leading space") << QByteArray(" [DONE]");
    QTest::newRow("CRLF around") << QByteArray("\r\n[DONE]\r\n");
    QTest::newRow("tab and newline") << QByteArray("\t[DONE]\n");
}

void TestChunkDecoder::done()
{
    QFETCH(QByteArray, data);
    const ChunkDecodeResult result = ChunkDecoder::decodeChunk(data);
    QCOMPARE(int(result.kind), int(Kind::Done));
    QVERIFY(!result.error.isError());
}

void TestChunkDecoder::errorObject_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("requestId");

    QTest::newRow("overloaded inside the stream")
        << QByteArray(
               R"json({"error":{"code":"ServerOverloaded","message":"The service is overloaded. Request id: 0217abc","type":"ServiceUnavailable"}})json")
        << QStringLiteral("server") << QStringLiteral("ServerOverloaded")
        << QStringLiteral("The service is overloaded. Request id: 0217abc") << QStringLiteral("0217abc");
    QTest::newRow("authentication")
        << QByteArray(
               R"json({"error":{"code":"AuthenticationError","message":"The API key or AK/SK in the request is missing or invalid. requestId: 0217555"}})json")
        << QStringLiteral("authentication") << QStringLiteral("AuthenticationError")
        << QStringLiteral("The API key or AK/SK in the request is missing or invalid. requestId: 0217555")
        << QStringLiteral("0217555");
    QTest::newRow("rate limit code")
        << QByteArray(
               R"json({"error":{"code":"RateLimitExceeded.EndpointTPMExceeded","message":"slow down"}})json")
        << QStringLiteral("rate_limited") << QStringLiteral("RateLimitExceeded.EndpointTPMExceeded")
        << QStringLiteral("slow down") << QString();
    QTest::newRow("unknown code defaults to bad_request")
        << QByteArray(
               R"json({"error":{"code":"InvalidParameter","message":"A parameter specified in the request is not valid Request id: ****","type":"BadRequest","param":"messages"}})json")
        << QStringLiteral("bad_request") << QStringLiteral("InvalidParameter")
        << QStringLiteral("A parameter specified in the request is not valid Request id: ****") << QString();
    QTest::newRow("flat string error")
        << QByteArray(R"json({"error":"model_unavailable","message":"gone"})json")
        << QStringLiteral("bad_request") << QStringLiteral("model_unavailable") << QStringLiteral("gone")
        << QString();
    QTest::newRow("Responses-style error event")
        << QByteArray(
               R"json({"type":"error","code":"QuotaExceeded","message":"quota","param":null,"sequence_number":3})json")
        << QStringLiteral("rate_limited") << QStringLiteral("QuotaExceeded") << QStringLiteral("quota")
        << QString();
}

void TestChunkDecoder::errorObject()
{
    QFETCH(QByteArray, data);
    const ChunkDecodeResult result = ChunkDecoder::decodeChunk(data);
    QCOMPARE(int(result.kind), int(Kind::ApiError));
    QTEST(errorKindName(result.error.kind), "kind");
    QTEST(result.error.code, "code");
    QTEST(result.error.serverMessage, "message");
    QTEST(result.error.requestId, "requestId");
}

void TestChunkDecoder::malformed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("problem"); // must appear in the detail

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("white space only") << QByteArray(" \n\t") << QStringLiteral("empty");
    QTest::newRow("not JSON") << QByteArray("hello") << QStringLiteral("not valid JSON");
    QTest::newRow("SSE prefix left in")
        << QByteArray("data: {\"choices\":[]}") << QStringLiteral("not valid JSON");
    QTest::newRow("truncated JSON") << QByteArray(R"json({"choices":[{"delta":{"content":"ab)json")
                                    << QStringLiteral("not valid JSON");
    QTest::newRow("[done] in lower case") << QByteArray("[done]") << QStringLiteral("not valid JSON");
    QTest::newRow("[DONE] with trailing text") << QByteArray("[DONE] x") << QStringLiteral("not valid JSON");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"\xff\xfe\"}}]}")
                                   << QStringLiteral("not valid JSON");
    QTest::newRow("deeply nested") << QByteArray(100000, '[') << QStringLiteral("not valid JSON");
    QTest::newRow("deeply nested, complete") << QByteArray(100000, '[') + QByteArray(100000, ']')
                                             << QStringLiteral("is an array, expected a JSON object");
    QTest::newRow("deeply nested inside content")
        << QByteArray("{\"choices\":[{\"delta\":{\"content\":") + QByteArray(50000, '[') +
               QByteArray(50000, ']') + QByteArray("}}]}")
        << QStringLiteral("choices[0].delta.content is an array, expected a string");
    QTest::newRow("top-level array") << QByteArray("[1,2]")
                                     << QStringLiteral("is an array, expected a JSON object");
    QTest::newRow("top-level string")
        << QByteArray("\"hi\"") << QStringLiteral("is a string, expected a JSON object");
    QTest::newRow("choices an object") << QByteArray(R"json({"choices":{"0":{}}})json")
                                       << QStringLiteral("choices is an object, expected an array");
    QTest::newRow("choice a string") << QByteArray(R"json({"choices":["x"]})json")
                                     << QStringLiteral("choices[0] is a string, expected an object");
    QTest::newRow("delta a string") << QByteArray(R"json({"choices":[{"delta":"hi"}]})json")
                                    << QStringLiteral("choices[0].delta is a string, expected an object");
    QTest::newRow("content a number")
        << QByteArray(R"json({"choices":[{"delta":{"content":42}}]})json")
        << QStringLiteral("choices[0].delta.content is a number, expected a string");
    QTest::newRow("reasoning an object")
        << QByteArray(R"json({"choices":[{"delta":{"reasoning_content":{"t":1}}}]})json")
        << QStringLiteral("choices[0].delta.reasoning_content is an object, expected a string");
    QTest::newRow("tool_calls an object")
        << QByteArray(R"json({"choices":[{"delta":{"tool_calls":{"index":0}}}]})json")
        << QStringLiteral("choices[0].delta.tool_calls is an object, expected an array");
    QTest::newRow("tool call a string")
        << QByteArray(R"json({"choices":[{"delta":{"tool_calls":["x"]}}]})json")
        << QStringLiteral("choices[0].delta.tool_calls[0] is a string");
    QTest::newRow("index a string")
        << QByteArray(R"json({"choices":[{"delta":{"tool_calls":[{"index":"0"}]}}]})json")
        << QStringLiteral("tool_calls[0].index is a string, expected an integer");
    QTest::newRow("index a fraction")
        << QByteArray(R"json({"choices":[{"delta":{"tool_calls":[{"index":0.5}]}}]})json")
        << QStringLiteral("tool_calls[0].index is a number, expected an integer");
    QTest::newRow("index negative") << QByteArray(
                                           R"json({"choices":[{"delta":{"tool_calls":[{"index":-1}]}}]})json")
                                    << QStringLiteral("tool_calls[0].index is out of range");
    QTest::newRow("index too large")
        << QByteArray(R"json({"choices":[{"delta":{"tool_calls":[{"index":99999999999}]}}]})json")
        << QStringLiteral("tool_calls[0].index is out of range");
    QTest::newRow("function a string")
        << QByteArray(R"json({"choices":[{"delta":{"tool_calls":[{"index":0,"function":"f"}]}}]})json")
        << QStringLiteral("tool_calls[0].function is a string, expected an object");
    QTest::newRow("arguments a number")
        << QByteArray(
               R"json({"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":7}}]}}]})json")
        << QStringLiteral("tool_calls[0].function.arguments is a number, expected a string");
    QTest::newRow("second tool call id a boolean")
        << QByteArray(R"json({"choices":[{"delta":{"tool_calls":[{"index":0},{"index":1,"id":true}]}}]})json")
        << QStringLiteral("tool_calls[1].id is a boolean, expected a string");
    QTest::newRow("finish_reason a number") << QByteArray(R"json({"choices":[{"finish_reason":1}]})json")
                                            << QStringLiteral("choices[0].finish_reason is a number");
    QTest::newRow("usage a string") << QByteArray(R"json({"choices":[],"usage":"12"})json")
                                    << QStringLiteral("usage is a string, expected an object");
}

void TestChunkDecoder::malformed()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, problem);
    const ChunkDecodeResult result = ChunkDecoder::decodeChunk(data);
    QCOMPARE(int(result.kind), int(Kind::Malformed));
    QCOMPARE(result.error.kind, ErrorKind::MalformedChunk);
    QVERIFY2(result.error.detail.contains(problem), qPrintable(result.error.detail));
    // Nothing half-decoded leaks out of a rejected chunk.
    QVERIFY(result.delta.content.isEmpty());
    QVERIFY(result.delta.toolCalls.empty());
    QVERIFY(!result.error.humanMessage().isEmpty());
}

void TestChunkDecoder::malformedDetailIsBounded()
{
    // 10 kB of text before the offending field: the detail quotes at most 200 bytes of it.
    const QByteArray chunk =
        "{\"id\":\"" + QByteArray(10000, 'x') + "\",\"choices\":[{\"delta\":{\"content\":1}}]}";
    const ChunkDecodeResult result = ChunkDecoder::decodeChunk(chunk);
    QCOMPARE(int(result.kind), int(Kind::Malformed));
    QVERIFY(result.error.detail.contains(QStringLiteral("choices[0].delta.content is a number")));
    QVERIFY(result.error.detail.endsWith(QStringLiteral("…")));
    QVERIFY2(result.error.detail.size() < 400, qPrintable(QString::number(result.error.detail.size())));

    // A cut inside a multi-byte character never leaves half a character behind.
    const QByteArray chinese = QByteArray("北").repeated(200); // 3 bytes each: byte 200 is mid-character
    const ChunkDecodeResult cut = ChunkDecoder::decodeChunk(chinese);
    QCOMPARE(int(cut.kind), int(Kind::Malformed));
    QVERIFY(!cut.error.detail.contains(QChar::ReplacementCharacter));
    QVERIFY(cut.error.detail.contains(QStringLiteral("北北北")));
}

void TestChunkDecoder::completion_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<QString>("calls");
    QTest::addColumn<QString>("finish");
    QTest::addColumn<QString>("usage");

    QTest::newRow("Example 1: deep thinking, non-streamed")
        << example1("1749000000") << QStringLiteral("0217xxxxxx") << QStringLiteral("doubao-seed-1-6-250615")
        << QStringLiteral("你好呀！很高兴收到你的问候～今天有没有什么开心的事情想分享呀？😊")
        << QStringLiteral(
               "\n用户说“你好呀。”，这是一个很友好的问候。我需要用同样友好的方式回应，保持自然和亲切。")
        << QString() << QStringLiteral("stop") << QStringLiteral("88/143/231 cached 0 reasoning 123");
    QTest::newRow("Example 2: batch body with HttpHeader")
        << QByteArray(kExample2) << QStringLiteral("02174118707871600000000000000000000ffffac152003cadb62")
        << QStringLiteral("doubao-1-5-pro-32k-250115")
        << QStringLiteral("我不想给你好好解释这个问题。天空蓝不蓝关我啥事，你自己去想吧。 ") << QString()
        << QString() << QStringLiteral("stop") << QStringLiteral("25/24/49 cached 0 reasoning 0");
    QTest::newRow("tool calls, sorted by index")
        << QByteArray(
               R"json({"id":"t","model":"m","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":"","reasoning_content":null,"tool_calls":[{"index":1,"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}},{"index":0,"id":"call_1","type":"function","function":{"name":"get_current_weather","arguments":"{\"location\": \"\u5317\u4eac\"}"}}]}}]})json")
        << QStringLiteral("t") << QStringLiteral("m") << QString() << QString()
        << QStringLiteral(
               "0|call_1|function|get_current_weather|{\"location\": \"北京\"};1|call_2|function|get_time|{}")
        << QStringLiteral("tool_calls") << QStringLiteral("none");
    QTest::newRow("tool call without index or type")
        << QByteArray(
               R"json({"choices":[{"message":{"tool_calls":[{"id":"c","function":{"name":"f","arguments":"{}"}}]}}]})json")
        << QString() << QString() << QString() << QString() << QStringLiteral("0|c|function|f|{}")
        << QString() << QStringLiteral("none");
    QTest::newRow("empty choices") << QByteArray(R"json({"id":"e","choices":[]})json") << QStringLiteral("e")
                                   << QString() << QString() << QString() << QString() << QString()
                                   << QStringLiteral("none");
    QTest::newRow("null message content")
        << QByteArray(
               R"json({"choices":[{"message":{"content":null},"finish_reason":"length"}],"usage":{"total_tokens":5}})json")
        << QString() << QString() << QString() << QString() << QString() << QStringLiteral("length")
        << QStringLiteral("0/0/5 cached 0 reasoning 0");
}

void TestChunkDecoder::completion()
{
    QFETCH(QByteArray, body);
    ChatResult result;
    ApiError error;
    error.kind = ErrorKind::Server; // must be cleared on success
    QVERIFY2(ChunkDecoder::decodeCompletion(body, result, error), qPrintable(error.detail));
    QVERIFY(!error.isError());
    QTEST(result.id, "id");
    QTEST(result.model, "model");
    QTEST(result.content, "content");
    QTEST(result.reasoning, "reasoning");
    QTEST(describe(result.toolCalls), "calls");
    QTEST(result.finishReason, "finish");
    QTEST(usageText(result.usage), "usage");
}

void TestChunkDecoder::completionFailures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text"); // in the detail (malformed) or the server message (errors)

    QTest::newRow("Example 1 verbatim: the doc's 1749xxxxxx placeholder is not JSON")
        << example1("1749xxxxxx") << QStringLiteral("malformed_chunk") << QStringLiteral("not valid JSON");
    QTest::newRow("HTML") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                          << QStringLiteral("malformed_chunk") << QStringLiteral("502 Bad Gateway");
    QTest::newRow("no choices") << QByteArray(R"json({"id":"x","object":"chat.completion"})json")
                                << QStringLiteral("malformed_chunk") << QStringLiteral("no choices");
    QTest::newRow("message a string")
        << QByteArray(R"json({"choices":[{"message":"hi"}]})json") << QStringLiteral("malformed_chunk")
        << QStringLiteral("choices[0].message is a string, expected an object");
    QTest::newRow("content a number")
        << QByteArray(R"json({"choices":[{"message":{"content":3}}]})json")
        << QStringLiteral("malformed_chunk") << QStringLiteral("choices[0].message.content is a number");
    QTest::newRow("error object")
        << QByteArray(
               R"json({"error":{"code":"AuthenticationError","message":"The API key or AK/SK in the request is missing or invalid. requestId: 0217***"}})json")
        << QStringLiteral("authentication")
        << QStringLiteral("The API key or AK/SK in the request is missing");
}

void TestChunkDecoder::completionFailures()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    ChatResult result;
    result.content = QStringLiteral("untouched");
    ApiError error;
    QVERIFY(!ChunkDecoder::decodeCompletion(body, result, error));
    QTEST(errorKindName(error.kind), "kind");
    QVERIFY2(error.detail.contains(text) || error.serverMessage.contains(text),
             qPrintable(error.humanMessage()));
    QCOMPARE(result.content, QStringLiteral("untouched"));
}

void TestChunkDecoder::usage_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("usage");

    QTest::newRow("full")
        << QByteArray(
               R"json({"prompt_tokens":88,"completion_tokens":143,"total_tokens":231,"prompt_tokens_details":{"cached_tokens":7},"completion_tokens_details":{"reasoning_tokens":123}})json")
        << QStringLiteral("88/143/231 cached 7 reasoning 123");
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("0/0/0 cached 0 reasoning 0");
    QTest::newRow("null details")
        << QByteArray(
               R"json({"prompt_tokens":1,"prompt_tokens_details":null,"completion_tokens_details":null})json")
        << QStringLiteral("1/0/0 cached 0 reasoning 0");
    QTest::newRow("wrong types read as 0")
        << QByteArray(
               R"json({"prompt_tokens":"5","completion_tokens":null,"total_tokens":true,"prompt_tokens_details":3})json")
        << QStringLiteral("0/0/0 cached 0 reasoning 0");
    QTest::newRow("float counts rounded")
        << QByteArray(R"json({"prompt_tokens":12.0,"total_tokens":1e3})json")
        << QStringLiteral("12/0/1000 cached 0 reasoning 0");
    QTest::newRow("beyond 32 bits") << QByteArray(R"json({"total_tokens":10000000000})json")
                                    << QStringLiteral("0/0/10000000000 cached 0 reasoning 0");
    QTest::newRow("not an object") << QByteArray("[1]") << QStringLiteral("none");
    QTest::newRow("null") << QByteArray("null") << QStringLiteral("none");
}

void TestChunkDecoder::usage()
{
    QFETCH(QByteArray, json);
    QTEST(usageText(ChunkDecoder::decodeUsage(nlohmann::json::parse(json.constBegin(), json.constEnd()))),
          "usage");
}

QTEST_GUILESS_MAIN(TestChunkDecoder)
#include "tst_chunkdecoder.moc"
