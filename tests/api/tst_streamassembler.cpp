// StreamAssembler: a sequence of decoded chunks -> one answer. Rows are chunk sequences as the
// server sends them (protocol digest §3.5-§3.7, §7 items 1-3, 9, 10), decoded by ChunkDecoder first.
#include "api/ChunkDecoder.h"
#include "api/StreamAssembler.h"

#include <QtTest>

using namespace ark::api;

namespace {

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

// A post-upgrade chunk (FC adaptation example) carrying one tool-call fragment.
QByteArray fragment(const char* call)
{
    return QByteArray(
               R"({"id":"0217***","object":"chat.completion.chunk","model":"doubao-1-5-***","choices":[{"index":0,"finish_reason":null,"delta":{"role":"assistant","content":"","tool_calls":[)") +
           call + "]}}]}";
}

QByteArray text(const char* content)
{
    return QByteArray(R"({"choices":[{"index":0,"delta":{"content":")") + content + "\"}}]}";
}

QByteArray thought(const char* reasoning)
{
    return QByteArray(R"({"choices":[{"index":0,"delta":{"content":null,"reasoning_content":")") + reasoning +
           "\"}}]}";
}

QByteArray usageChunk(int prompt, int completion, bool withChoices)
{
    const QByteArray usage =
        QStringLiteral(R"("usage":{"prompt_tokens":%1,"completion_tokens":%2,"total_tokens":%3})")
            .arg(prompt)
            .arg(completion)
            .arg(prompt + completion)
            .toUtf8();
    return withChoices ? R"({"choices":[{"index":0,"delta":{"content":"."}}],)" + usage + "}"
                       : R"({"choices":[],)" + usage + "}";
}

const QByteArray kFinishToolCalls =
    R"({"id":"0217***","model":"doubao-1-5-***","choices":[{"index":0,"finish_reason":"tool_calls","delta":{"role":"assistant","content":"","tool_calls":null}}]})";

} // namespace

class TestStreamAssembler : public QObject
{
    Q_OBJECT

private slots:
    void assemble_data();
    void assemble();
    void hasAnyOutput();
    void resetClearsEverything();
    void resultMatchesAccessors();
    void heldTagTextIsReleasedByResult();
    void resetForgetsThinkState();
};

void TestStreamAssembler::assemble_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<QString>("calls");
    QTest::addColumn<QString>("finish");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<QString>("id");

    QTest::newRow("post-upgrade sequence: content, then streamed tool call, then finish-only chunk")
        << QByteArrayList{text("从前"),
                          text("xxxx"),
                          text(""),
                          fragment(
                              R"({"index":0,"id":"call_05i***","type":"function","function":{"name":"AppFinder","arguments":""}})"),
                          fragment(
                              R"({"index":0,"id":null,"type":null,"function":{"name":null,"arguments":"{\"prompt\": \"有道"}})"),
                          fragment(
                              R"({"index":0,"id":null,"type":null,"function":{"name":null,"arguments":"词典\", \"region\": \"CN"}})"),
                          fragment(
                              R"({"index":0,"id":null,"type":null,"function":{"name":null,"arguments":"\"}"}})"),
                          kFinishToolCalls}
        << QStringLiteral("从前xxxx") << QString()
        << QStringLiteral(R"(0|call_05i***|function|AppFinder|{"prompt": "有道词典", "region": "CN"})")
        << QStringLiteral("tool_calls") << QStringLiteral("none") << QStringLiteral("0217***");

    QTest::newRow("first fragment with arguments is not doubled")
        << QByteArrayList{fragment(
                              R"({"index":0,"id":"c1","type":"function","function":{"name":"f","arguments":"{\"a\":"}})"),
                          fragment(R"({"index":0,"function":{"arguments":"1}"}})"), kFinishToolCalls}
        << QString() << QString() << QStringLiteral(R"(0|c1|function|f|{"a":1})")
        << QStringLiteral("tool_calls") << QStringLiteral("none") << QStringLiteral("0217***");

    QTest::newRow("two parallel calls interleaved, ordered by index")
        << QByteArrayList{text("我来查一下。"),
                          fragment(
                              R"({"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{\"tz"}})"),
                          fragment(
                              R"({"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}})"),
                          fragment(
                              R"({"index":0,"id":null,"function":{"name":null,"arguments":"{\"city\":"}})"),
                          fragment(R"({"index":1,"id":null,"function":{"arguments":"\":\"UTC\"}"}})"),
                          fragment(R"({"index":0,"function":{"arguments":"\"北京\"}"}})"),
                          kFinishToolCalls}
        << QStringLiteral("我来查一下。") << QString()
        << QStringLiteral(
               R"(0|call_a|function|get_weather|{"city":"北京"};1|call_b|function|get_time|{"tz":"UTC"})")
        << QStringLiteral("tool_calls") << QStringLiteral("none") << QStringLiteral("0217***");

    QTest::newRow("older one-chunk form: content, call and finish together")
        << QByteArrayList{text("好的"),
                          R"({"id":"0217***","model":"doubao-***","choices":[{"index":0,"finish_reason":"tool_calls","delta":{"role":"assistant","content":"\n","tool_calls":[{"index":0,"id":"call_leigeybrw25cwlk87byg8l3v","type":"function","function":{"name":"AppFinder","arguments":"{\"prompt\": \"有道词典\", \"region\": \"CN\"}"}}]}}]})"}
        << QStringLiteral("好的\n") << QString()
        << QStringLiteral(
               R"(0|call_leigeybrw25cwlk87byg8l3v|function|AppFinder|{"prompt": "有道词典", "region": "CN"})")
        << QStringLiteral("tool_calls") << QStringLiteral("none") << QStringLiteral("0217***");

    QTest::newRow("fragments without index in separate chunks merge at position 0")
        << QByteArrayList{fragment(
                              R"({"id":"c","type":"function","function":{"name":"f","arguments":"[1,"}})"),
                          fragment(R"({"function":{"arguments":"2]"}})")}
        << QString() << QString() << QStringLiteral("0|c|function|f|[1,2]") << QString()
        << QStringLiteral("none") << QStringLiteral("0217***");

    QTest::newRow("first id/name kept; a late name is adopted; missing type defaults to function")
        << QByteArrayList{fragment(R"({"index":0,"id":"first","function":{"arguments":"{"}})"),
                          fragment(R"({"index":0,"id":"second","function":{"name":"late","arguments":"}"}})"),
                          fragment(R"({"index":0,"function":{"name":"other"}})")}
        << QString() << QString() << QStringLiteral("0|first|function|late|{}") << QString()
        << QStringLiteral("none") << QStringLiteral("0217***");

    QTest::newRow("cumulative usage is replaced, not added")
        << QByteArrayList{usageChunk(10, 1, true), usageChunk(10, 2, true), usageChunk(10, 3, true),
                          usageChunk(10, 3, false)}
        << QStringLiteral("...") << QString() << QString() << QString()
        << QStringLiteral("10/3/13 cached 0 reasoning 0") << QString();

    QTest::newRow("usage-only last chunk after null usage")
        << QByteArrayList{R"({"choices":[{"delta":{"content":"a"}}],"usage":null})",
                          R"({"choices":[{"delta":{"content":"b"},"finish_reason":"stop"}],"usage":null})",
                          R"({"choices":[],"usage":{"prompt_tokens":88,"completion_tokens":143,"total_tokens":231,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":123}}})"}
        << QStringLiteral("ab") << QString() << QString() << QStringLiteral("stop")
        << QStringLiteral("88/143/231 cached 0 reasoning 123") << QString();

    QTest::newRow("a later null usage does not erase the stored one")
        << QByteArrayList{usageChunk(5, 5, true), R"({"choices":[{"delta":{"content":"z"}}],"usage":null})"}
        << QStringLiteral(".z") << QString() << QString() << QString()
        << QStringLiteral("5/5/10 cached 0 reasoning 0") << QString();

    QTest::newRow("reasoning then content")
        << QByteArrayList{R"({"id":"r","model":"doubao-seed-1-6-250615","choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"\n用户"}}]})",
                          thought("说你好"),
                          thought(""),
                          text("你好"),
                          text("呀！"),
                          R"({"choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}]})"}
        << QStringLiteral("你好呀！") << QStringLiteral("\n用户说你好") << QString() << QStringLiteral("stop")
        << QStringLiteral("none") << QStringLiteral("r");

    QTest::newRow("<think> in content, tags cut across chunks, becomes reasoning")
        << QByteArrayList{text("<thi"),
                          text("nk>\\n想一"),
                          text("想</th"),
                          text("ink>\\n\\n答"),
                          text("案"),
                          R"({"choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}]})"}
        << QStringLiteral("答案") << QStringLiteral("\n想一想") << QString() << QStringLiteral("stop")
        << QStringLiteral("none") << QString();

    QTest::newRow("a <think> after the answer started stays in the answer")
        << QByteArrayList{text("Use "), text("<think>"), text(" tags")} << QStringLiteral("Use <think> tags")
        << QString() << QString() << QString() << QStringLiteral("none") << QString();

    QTest::newRow("finish_reason length while still inside <think>")
        << QByteArrayList{text("<think>Step one"), text(", step two"),
                          R"({"choices":[{"index":0,"delta":{"content":""},"finish_reason":"length"}]})"}
        << QString() << QStringLiteral("Step one, step two") << QString() << QStringLiteral("length")
        << QStringLiteral("none") << QString();

    QTest::newRow("finish_reason: the last non-empty one is kept")
        << QByteArrayList{R"({"choices":[{"delta":{"content":"x"},"finish_reason":"length"}]})",
                          R"({"choices":[{"delta":{"content":""},"finish_reason":null}]})"}
        << QStringLiteral("x") << QString() << QString() << QStringLiteral("length") << QStringLiteral("none")
        << QString();

    QTest::newRow("id and model from the first chunk that has them")
        << QByteArrayList{R"({"choices":[{"delta":{"content":"1"}}]})",
                          R"({"id":"a","model":"m1","choices":[{"delta":{"content":"2"}}]})",
                          R"({"id":"b","model":"m2","choices":[{"delta":{"content":"3"}}]})"}
        << QStringLiteral("123") << QString() << QString() << QString() << QStringLiteral("none")
        << QStringLiteral("a");
}

void TestStreamAssembler::assemble()
{
    QFETCH(QByteArrayList, chunks);
    StreamAssembler assembler;
    for (const QByteArray& chunk : chunks) {
        const ChunkDecodeResult decoded = ChunkDecoder::decodeChunk(chunk);
        QVERIFY2(decoded.kind == ChunkDecodeResult::Kind::Delta, qPrintable(decoded.error.detail));
        assembler.apply(decoded.delta);
    }
    QTEST(assembler.content(), "content");
    QTEST(assembler.reasoning(), "reasoning");
    QTEST(describe(assembler.toolCalls()), "calls");
    QTEST(assembler.finishReason(), "finish");
    QTEST(usageText(assembler.usage()), "usage");
    QTEST(assembler.result().id, "id");
}

void TestStreamAssembler::hasAnyOutput()
{
    StreamAssembler assembler;
    QVERIFY(!assembler.hasAnyOutput());

    ChatDelta finishOnly;
    finishOnly.id = QStringLiteral("x");
    finishOnly.finishReason = QStringLiteral("stop");
    Usage usage;
    usage.present = true;
    usage.totalTokens = 3;
    finishOnly.usage = usage;
    assembler.apply(finishOnly);
    QVERIFY(!assembler.hasAnyOutput()); // metadata is not output

    ChatDelta call;
    ToolCallFragment fragment;
    fragment.index = 0;
    fragment.id = QStringLiteral("c");
    call.toolCalls.push_back(fragment); // a call with empty arguments still counts
    assembler.apply(call);
    QVERIFY(assembler.hasAnyOutput());

    StreamAssembler reasoningOnly;
    ChatDelta thinking;
    thinking.reasoning = QStringLiteral("嗯");
    reasoningOnly.apply(thinking);
    QVERIFY(reasoningOnly.hasAnyOutput());
}

void TestStreamAssembler::resetClearsEverything()
{
    StreamAssembler assembler;
    ChatDelta delta;
    delta.id = QStringLiteral("old");
    delta.model = QStringLiteral("m");
    delta.content = QStringLiteral("c");
    delta.reasoning = QStringLiteral("r");
    delta.finishReason = QStringLiteral("stop");
    ToolCallFragment fragment;
    fragment.index = 3;
    fragment.arguments = QStringLiteral("{}");
    delta.toolCalls.push_back(fragment);
    Usage usage;
    usage.present = true;
    delta.usage = usage;
    assembler.apply(delta);
    QVERIFY(assembler.hasAnyOutput());

    assembler.reset();
    QVERIFY(!assembler.hasAnyOutput());
    QVERIFY(assembler.content().isEmpty());
    QVERIFY(assembler.reasoning().isEmpty());
    QVERIFY(assembler.finishReason().isEmpty());
    QVERIFY(!assembler.usage().present);
    QVERIFY(assembler.toolCalls().empty());
    QVERIFY(assembler.result().id.isEmpty());

    // The next answer starts from scratch: its id is taken again.
    ChatDelta next;
    next.id = QStringLiteral("new");
    assembler.apply(next);
    QCOMPARE(assembler.result().id, QStringLiteral("new"));
}

void TestStreamAssembler::resultMatchesAccessors()
{
    StreamAssembler assembler;
    ChatDelta delta;
    delta.id = QStringLiteral("id");
    delta.model = QStringLiteral("model");
    delta.content = QStringLiteral("answer");
    delta.reasoning = QStringLiteral("thought");
    ToolCallFragment second;
    second.index = 2;
    second.name = QStringLiteral("b");
    ToolCallFragment first;
    first.index = 0;
    first.name = QStringLiteral("a");
    delta.toolCalls = {second, first};
    delta.finishReason = QStringLiteral("tool_calls");
    assembler.apply(delta);

    const ChatResult result = assembler.result();
    QCOMPARE(result.id, QStringLiteral("id"));
    QCOMPARE(result.model, QStringLiteral("model"));
    QCOMPARE(result.content, assembler.content());
    QCOMPARE(result.reasoning, assembler.reasoning());
    QCOMPARE(result.finishReason, assembler.finishReason());
    QCOMPARE(describe(result.toolCalls), QStringLiteral("0||function|a|;2||function|b|"));
}

// A stream that ends (or is cut) while the splitter holds what might be a tag: result() has it all.
void TestStreamAssembler::heldTagTextIsReleasedByResult()
{
    StreamAssembler plain;
    ChatDelta delta;
    delta.content = QStringLiteral("<thi");
    plain.apply(delta);
    QVERIFY(plain.content().isEmpty()); // undecided while the stream runs
    QVERIFY(plain.hasAnyOutput());      // but content did arrive
    QCOMPARE(plain.result().content, QStringLiteral("<thi"));
    delta.content = QStringLiteral("s is it");
    plain.apply(delta);
    QCOMPARE(plain.content(), QStringLiteral("<this is it"));
    QCOMPARE(plain.result().content, QStringLiteral("<this is it"));

    StreamAssembler thinking;
    delta.content = QStringLiteral("<think>half </thi");
    thinking.apply(delta);
    QCOMPARE(thinking.reasoning(), QStringLiteral("half "));
    const ChatResult cut = thinking.result();
    QCOMPARE(cut.reasoning, QStringLiteral("half </thi"));
    QVERIFY(cut.content.isEmpty());
    // result() is a snapshot: the stream can go on afterwards.
    delta.content = QStringLiteral("nk>done");
    thinking.apply(delta);
    QCOMPARE(thinking.result().reasoning, QStringLiteral("half "));
    QCOMPARE(thinking.result().content, QStringLiteral("done"));
}

void TestStreamAssembler::resetForgetsThinkState()
{
    StreamAssembler assembler;
    ChatDelta delta;
    delta.content = QStringLiteral("<think>first answer's reasoning");
    assembler.apply(delta);
    assembler.reset();
    delta.content = QStringLiteral("plain second answer");
    assembler.apply(delta);
    QCOMPARE(assembler.content(), QStringLiteral("plain second answer"));
    QVERIFY(assembler.reasoning().isEmpty());
}

QTEST_GUILESS_MAIN(TestStreamAssembler)
#include "tst_streamassembler.moc"
