// SseDecoder against the WHATWG event-stream rules. Every protocol row is decoded from the whole
// body and again from many splits of it (single bytes, small pieces, every two-piece cut, a cut
// after every CR): the events must be identical each time.
#include "api/SseDecoder.h"

#include <QtTest>

#include <optional>
#include <vector>

using ark::api::SseDecoder;
using ark::api::SseEvent;

namespace {

// Bytes shown unambiguously in failure messages: printable ASCII as is, everything else escaped.
QString escapeBytes(const QByteArray& bytes)
{
    QString text;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            text += QStringLiteral("\\n");
        else if (c == '\r')
            text += QStringLiteral("\\r");
        else if (c == '\\')
            text += QStringLiteral("\\\\");
        else if (u >= 0x20 && u < 0x7f)
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return text;
}

QString describe(const SseEvent& event)
{
    QString id;
    if (event.hasLastEventId)
        id = QStringLiteral("id=") + event.lastEventId;
    else if (event.lastEventId.isEmpty())
        id = QStringLiteral("no-id");
    else // inconsistent: an id string without hasLastEventId
        id = QStringLiteral("no-id-but=") + event.lastEventId;
    return QStringLiteral("%1 | %2 | %3").arg(event.type, escapeBytes(event.data), id);
}

// An expected event, described the same way as a decoded one.
QString ev(const QByteArray& data, const char* type = "message", const char* id = nullptr)
{
    SseEvent event;
    event.type = QString::fromUtf8(type);
    event.data = data;
    if (id) {
        event.lastEventId = QString::fromUtf8(id);
        event.hasLastEventId = true;
    }
    return describe(event);
}

struct Decoded
{
    QStringList events;
    qint64 retry = -1; // -1: no retry value
    bool ok = true;
};

// Feeds `input` in consecutive pieces whose sizes cycle through `sizes`.
Decoded decodeInPieces(const QByteArray& input, const std::vector<qsizetype>& sizes)
{
    SseDecoder decoder;
    std::vector<SseEvent> out;
    Decoded result;
    qsizetype pos = 0;
    size_t next = 0;
    while (pos < input.size()) {
        const qsizetype size = std::min(sizes[next++ % sizes.size()], input.size() - pos);
        result.ok = decoder.feed(QByteArrayView(input).sliced(pos, size), out) && result.ok;
        pos += size;
    }
    decoder.finish();
    for (const SseEvent& event : out)
        result.events << describe(event);
    result.retry = decoder.retryMs().value_or(-1);
    result.ok = result.ok && !decoder.failed();
    return result;
}

// Every way of cutting the input this test tries, by name.
std::vector<std::pair<QString, std::vector<qsizetype>>> splitsOf(const QByteArray& input)
{
    std::vector<std::pair<QString, std::vector<qsizetype>>> splits = {
        {QStringLiteral("1-byte pieces"), {1}},
        {QStringLiteral("2-byte pieces"), {2}},
        {QStringLiteral("3-byte pieces"), {3}},
        {QStringLiteral("7-byte pieces"), {7}},
        {QStringLiteral("irregular pieces"), {1, 5, 2, 13, 3, 1, 1, 8}},
    };
    for (qsizetype cut = 1; cut < input.size(); ++cut)
        splits.push_back({QStringLiteral("cut at %1").arg(cut), {cut, input.size()}});
    // A piece ends after every CR, so a CRLF is always split between its two bytes.
    std::vector<qsizetype> afterCr;
    qsizetype start = 0;
    for (qsizetype i = 0; i < input.size(); ++i) {
        if (input.at(i) == '\r') {
            afterCr.push_back(i + 1 - start);
            start = i + 1;
        }
    }
    if (!afterCr.empty()) {
        afterCr.push_back(std::max<qsizetype>(1, input.size() - start));
        splits.push_back({QStringLiteral("cut after every CR"), afterCr});
    }
    return splits;
}

QByteArray repeated(char c, qsizetype count)
{
    return QByteArray(count, c);
}

} // namespace

class TestSseDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void cutBetweenCrAndLfIsOneLineEnd();
    void manyArkChunks();
    void largeCrOnlyRead();
    void smallBoundLine();
    void smallBoundData();
    void unterminatedLineFailsAtBound();
    void defaultBoundWithBoundedMemory();
    void eventsBeforeFailureAreKept();
    void finishDiscardsIncompleteEvent();
    void resetRestoresInitialState();
    void bytesFedCountsEveryByte();
    void retryMs();
};

void TestSseDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<qint64>("retry");

    const qint64 none = -1;

    // Line ends
    QTest::newRow("LF") << QByteArray("data: a\n\n") << QStringList{ev("a")} << none;
    QTest::newRow("CR") << QByteArray("data: a\r\r") << QStringList{ev("a")} << none;
    QTest::newRow("CRLF") << QByteArray("data: a\r\n\r\n") << QStringList{ev("a")} << none;
    QTest::newRow("mixed line ends") << QByteArray("data: a\r\ndata: b\rdata: c\n\r\n")
                                     << QStringList{ev("a\nb\nc")} << none;
    QTest::newRow("LF then CR are two line ends")
        << QByteArray("data: a\n\rdata: b\n\n") << QStringList{ev("a"), ev("b")} << none;
    QTest::newRow("CR then CRLF") << QByteArray("data: a\r\r\n") << QStringList{ev("a")} << none;
    QTest::newRow("leading CRLF") << QByteArray("\r\ndata: a\r\n\r\n") << QStringList{ev("a")} << none;

    // Comments
    QTest::newRow("comment") << QByteArray(": hello\ndata: a\n\n") << QStringList{ev("a")} << none;
    QTest::newRow("comment only") << QByteArray(":\n\n") << QStringList{} << none;
    QTest::newRow("comment between data lines")
        << QByteArray("data: a\n: keep-alive\ndata: b\n\n") << QStringList{ev("a\nb")} << none;
    QTest::newRow("heartbeats between chunks")
        << QByteArray(": ping\n\ndata: a\n\n: ping\n\n") << QStringList{ev("a")} << none;

    // Field / value split
    QTest::newRow("data alone, no colon") << QByteArray("data\n\n") << QStringList{ev("")} << none;
    QTest::newRow("two bare data lines") << QByteArray("data\ndata\n\n") << QStringList{ev("\n")} << none;
    QTest::newRow("no space after colon") << QByteArray("data:a\n\n") << QStringList{ev("a")} << none;
    QTest::newRow("one space after colon") << QByteArray("data: a\n\n") << QStringList{ev("a")} << none;
    QTest::newRow("two spaces after colon") << QByteArray("data:  a\n\n") << QStringList{ev(" a")} << none;
    QTest::newRow("trailing spaces kept") << QByteArray("data: a  \n\n") << QStringList{ev("a  ")} << none;
    QTest::newRow("tab after colon kept") << QByteArray("data:\ta\n\n") << QStringList{ev("\ta")} << none;
    QTest::newRow("colon inside value") << QByteArray("data: a: b\n\n") << QStringList{ev("a: b")} << none;
    QTest::newRow("space before colon: unknown field") << QByteArray("data : a\n\n") << QStringList{} << none;
    QTest::newRow("leading space: unknown field") << QByteArray(" data: a\n\n") << QStringList{} << none;
    QTest::newRow("field names are case-sensitive") << QByteArray("Data: a\n\n") << QStringList{} << none;
    QTest::newRow("unknown field ignored")
        << QByteArray("foo: bar\ndata: a\nfoo\n\n") << QStringList{ev("a")} << none;

    // data
    QTest::newRow("multiple data lines")
        << QByteArray("data: a\ndata: b\ndata: c\n\n") << QStringList{ev("a\nb\nc")} << none;
    QTest::newRow("empty data line") << QByteArray("data:\n\n") << QStringList{ev("")} << none;
    QTest::newRow("data then empty data line")
        << QByteArray("data: a\ndata:\n\n") << QStringList{ev("a\n")} << none;
    QTest::newRow("empty data line then data")
        << QByteArray("data:\ndata: a\n\n") << QStringList{ev("\na")} << none;
    QTest::newRow("NUL inside data kept")
        << QByteArrayLiteral("data: a\0b\n\n") << QStringList{ev(QByteArrayLiteral("a\0b"))} << none;
    QTest::newRow("two events") << QByteArray("data: a\n\ndata: b\n\n") << QStringList{ev("a"), ev("b")}
                                << none;

    // Dispatch with an empty data buffer
    QTest::newRow("blank lines only") << QByteArray("\n\n\n\r\n\r") << QStringList{} << none;
    QTest::newRow("empty input") << QByteArray() << QStringList{} << none;
    QTest::newRow("event without data is not dispatched and resets type")
        << QByteArray("event: add\n\ndata: y\n\n") << QStringList{ev("y")} << none;

    // event
    QTest::newRow("event type") << QByteArray("event: add\ndata: x\n\n") << QStringList{ev("x", "add")}
                                << none;
    QTest::newRow("event type reset after dispatch")
        << QByteArray("event: add\ndata: x\n\ndata: y\n\n") << QStringList{ev("x", "add"), ev("y")} << none;
    QTest::newRow("empty event type means message")
        << QByteArray("event: add\nevent:\ndata: x\n\n") << QStringList{ev("x")} << none;
    QTest::newRow("last event field wins")
        << QByteArray("event: a\ndata: x\nevent: b\n\n") << QStringList{ev("x", "b")} << none;
    QTest::newRow("Responses API style event")
        << QByteArray("event: response.output_text.delta\ndata: {\"delta\":\"hi\"}\n\n")
        << QStringList{ev("{\"delta\":\"hi\"}", "response.output_text.delta")} << none;

    // id
    QTest::newRow("id set") << QByteArray("id: 1\ndata: x\n\n") << QStringList{ev("x", "message", "1")}
                            << none;
    QTest::newRow("id persists across events")
        << QByteArray("id: 1\ndata: x\n\ndata: y\n\n")
        << QStringList{ev("x", "message", "1"), ev("y", "message", "1")} << none;
    QTest::newRow("id reset by empty value") << QByteArray("id: 1\ndata: x\n\nid:\ndata: y\n\n")
                                             << QStringList{ev("x", "message", "1"), ev("y")} << none;
    QTest::newRow("id reset by bare field") << QByteArray("id: 1\ndata: x\n\nid\ndata: y\n\n")
                                            << QStringList{ev("x", "message", "1"), ev("y")} << none;
    QTest::newRow("id containing NUL ignored")
        << QByteArrayLiteral("id: 1\ndata: x\n\nid: a\0b\ndata: y\n\n")
        << QStringList{ev("x", "message", "1"), ev("y", "message", "1")} << none;
    QTest::newRow("id without data still sets the id")
        << QByteArray("id: 7\n\ndata: x\n\n") << QStringList{ev("x", "message", "7")} << none;
    QTest::newRow("id set after data, before dispatch")
        << QByteArray("data: x\nid: 9\n\n") << QStringList{ev("x", "message", "9")} << none;

    // retry
    QTest::newRow("retry valid") << QByteArray("retry: 3000\ndata: x\n\n") << QStringList{ev("x")}
                                 << qint64(3000);
    QTest::newRow("retry zero") << QByteArray("retry: 0\n") << QStringList{} << qint64(0);
    QTest::newRow("retry with letters ignored") << QByteArray("retry: 3s\n") << QStringList{} << none;
    QTest::newRow("retry negative ignored") << QByteArray("retry: -1\n") << QStringList{} << none;
    QTest::newRow("retry with inner space ignored") << QByteArray("retry: 1 000\n") << QStringList{} << none;
    QTest::newRow("retry empty ignored") << QByteArray("retry:\n") << QStringList{} << none;
    QTest::newRow("invalid retry keeps the earlier one")
        << QByteArray("retry: 10\nretry: x\n") << QStringList{} << qint64(10);
    QTest::newRow("retry too large ignored")
        << QByteArray("retry: 99999999999999999999\n") << QStringList{} << none;

    // BOM
    QTest::newRow("BOM at start stripped") << QByteArray("\xEF\xBB\xBF"
                                                         "data: a\n\n")
                                           << QStringList{ev("a")} << none;
    QTest::newRow("BOM after start stays") << QByteArray("data: a\n\n\xEF\xBB\xBF"
                                                         "data: b\n\n")
                                           << QStringList{ev("a")} << none;
    QTest::newRow("only one BOM stripped") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                         "data: a\n\n")
                                           << QStringList{} << none;
    QTest::newRow("BOM inside value stays") << QByteArray("data: \xEF\xBB\xBF"
                                                          "x\n\n")
                                            << QStringList{ev("\xEF\xBB\xBF"
                                                              "x")}
                                            << none;
    QTest::newRow("incomplete BOM is content") << QByteArray("\xEF\xBB"
                                                             "data: a\n\ndata: b\n\n")
                                               << QStringList{ev("b")} << none;
    QTest::newRow("BOM then CRLF") << QByteArray("\xEF\xBB\xBF\r\ndata: a\r\n\r\n") << QStringList{ev("a")}
                                   << none;

    // End of stream
    QTest::newRow("no blank line at end: discarded") << QByteArray("data: a\n") << QStringList{} << none;
    QTest::newRow("unterminated last line: discarded") << QByteArray("data: a") << QStringList{} << none;
    QTest::newRow("only the complete event")
        << QByteArray("data: a\n\ndata: b\n") << QStringList{ev("a")} << none;
    QTest::newRow("trailing CR dispatches") << QByteArray("data: a\n\r") << QStringList{ev("a")} << none;

    // UTF-8
    QTest::newRow("Chinese data") << QByteArray("data: 你好，世界\n\n") << QStringList{ev("你好，世界")}
                                  << none;
    QTest::newRow("Chinese event type and id") << QByteArray("event: 消息\nid: 编号1\ndata: 内容\n\n")
                                               << QStringList{ev("内容", "消息", "编号1")} << none;
    QTest::newRow("emoji split points") << QByteArray("data: 😀a😀\n\n") << QStringList{ev("😀a😀")} << none;
    QTest::newRow("invalid UTF-8 data kept raw")
        << QByteArray("data: \xFF\xFE\xC3\n\n") << QStringList{ev("\xFF\xFE\xC3")} << none;
    QTest::newRow("invalid UTF-8 type becomes U+FFFD") << QByteArray("event: a\xFF"
                                                                     "b\ndata: x\n\n")
                                                       << QStringList{ev("x", "a\xEF\xBF\xBD"
                                                                              "b")}
                                                       << none;

    // Typical Ark chat stream
    const QByteArray chunk1 = R"({"id":"021","object":"chat.completion.chunk","created":1,"model":"doubao",)"
                              R"("choices":[{"index":0,"delta":{"role":"assistant","content":"你好"},)"
                              R"("finish_reason":null}],"usage":null})";
    const QByteArray chunk2 = R"({"id":"021","object":"chat.completion.chunk","created":1,"model":"doubao",)"
                              R"("choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}]})";
    QTest::newRow("Ark chunks then [DONE]")
        << QByteArray("data: " + chunk1 + "\n\ndata: " + chunk2 + "\n\ndata: [DONE]\n\n")
        << QStringList{ev(chunk1), ev(chunk2), ev("[DONE]")} << none;
    QTest::newRow("Ark chunks, CRLF") << QByteArray("data: " + chunk1 + "\r\n\r\ndata: [DONE]\r\n\r\n")
                                      << QStringList{ev(chunk1), ev("[DONE]")} << none;
    QTest::newRow("[DONE] is not special here")
        << QByteArray("data: [DONE] \n\ndata: after\n\n") << QStringList{ev("[DONE] "), ev("after")} << none;
    QTest::newRow("JSON data split over lines")
        << QByteArray("data: {\"a\":\ndata: 1}\n\n") << QStringList{ev("{\"a\":\n1}")} << none;
}

void TestSseDecoder::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QFETCH(qint64, retry);

    const Decoded whole = decodeInPieces(input, {std::max<qsizetype>(1, input.size())});
    QCOMPARE(whole.events, expected);
    QCOMPARE(whole.retry, retry);
    QVERIFY(whole.ok);

    for (const auto& [name, sizes] : splitsOf(input)) {
        const Decoded split = decodeInPieces(input, sizes);
        if (split.events != expected || split.retry != retry || !split.ok)
            qWarning() << "split:" << name;
        QCOMPARE(split.events, expected);
        QCOMPARE(split.retry, retry);
        QVERIFY(split.ok);
    }
}

void TestSseDecoder::cutBetweenCrAndLfIsOneLineEnd()
{
    // If the LF after a CR in the next read counted as a second line end, this would dispatch "a"
    // early and then "b" on its own.
    SseDecoder decoder;
    std::vector<SseEvent> out;
    QVERIFY(decoder.feed("data: a\r", out));
    QVERIFY(decoder.feed("\ndata: b\r", out));
    QVERIFY(out.empty());
    QVERIFY(decoder.feed("\n\r", out));
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].data, QByteArray("a\nb"));
    // An empty read between the CR and the LF changes nothing.
    QVERIFY(decoder.feed("data: c\r", out));
    QVERIFY(decoder.feed(QByteArrayView(), out));
    QVERIFY(decoder.feed("\n\r\n", out));
    QCOMPARE(out.size(), size_t(2));
    QCOMPARE(out[1].data, QByteArray("c"));
}

void TestSseDecoder::manyArkChunks()
{
    QByteArray body;
    QList<QByteArray> expected;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray json =
            R"({"choices":[{"index":0,"delta":{"content":"片段)" + QByteArray::number(i) + R"("}}]})";
        expected << json;
        body += "data: " + json + "\n\n";
    }
    body += "data: [DONE]\n\n";
    expected << "[DONE]";

    for (const qsizetype pieceSize : {body.size(), qsizetype(4096), qsizetype(17)}) {
        SseDecoder decoder;
        std::vector<SseEvent> out;
        for (qsizetype pos = 0; pos < body.size(); pos += pieceSize)
            QVERIFY(
                decoder.feed(QByteArrayView(body).sliced(pos, std::min(pieceSize, body.size() - pos)), out));
        QCOMPARE(out.size(), size_t(expected.size()));
        for (size_t i = 0; i < out.size(); ++i) {
            QCOMPARE(out[i].data, expected[qsizetype(i)]);
            QCOMPARE(out[i].type, QStringLiteral("message"));
            QVERIFY(!out[i].hasLastEventId);
        }
        QCOMPARE(decoder.bytesFed(), qint64(body.size()));
    }
}

void TestSseDecoder::largeCrOnlyRead()
{
    QByteArray body;
    for (int i = 0; i < 20000; ++i)
        body += "data: " + QByteArray::number(i) + "\r\r";
    SseDecoder decoder;
    std::vector<SseEvent> out;
    QVERIFY(decoder.feed(body, out));
    QCOMPARE(out.size(), size_t(20000));
    QCOMPARE(out.front().data, QByteArray("0"));
    QCOMPARE(out.back().data, QByteArray("19999"));
}

void TestSseDecoder::smallBoundLine()
{
    SseDecoder decoder(16);
    std::vector<SseEvent> out;
    // "data: 0123456789" is exactly 16 bytes: allowed.
    QVERIFY(decoder.feed("data: 0123456789\n\n", out));
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].data, QByteArray("0123456789"));
    // 17 bytes: over the bound, even though it is a comment.
    QVERIFY(!decoder.feed(": 345678901234567\n", out));
    QVERIFY(decoder.failed());
    // A failed decoder dispatches nothing further.
    QVERIFY(!decoder.feed("data: x\n\n", out));
    QCOMPARE(out.size(), size_t(1));
}

void TestSseDecoder::smallBoundData()
{
    {
        SseDecoder decoder(16);
        std::vector<SseEvent> out;
        // 10 + LF + 5 = 16 bytes of data: allowed.
        QVERIFY(decoder.feed("data: 0123456789\ndata: 01234\n\n", out));
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].data, QByteArray("0123456789\n01234"));
    }
    {
        SseDecoder decoder(16);
        std::vector<SseEvent> out;
        QVERIFY(decoder.feed("data: 0123456789\ndata: 01234\n", out));
        // One more (empty) data line would make the data 17 bytes.
        QVERIFY(!decoder.feed("data\n\n", out));
        QVERIFY(decoder.failed());
        QVERIFY(out.empty());
    }
}

void TestSseDecoder::unterminatedLineFailsAtBound()
{
    const qsizetype bound = 1000;
    {
        // One byte at a time: the read that makes the line 1001 bytes long is the one that fails.
        SseDecoder decoder(bound);
        std::vector<SseEvent> out;
        for (qsizetype i = 0; i < bound; ++i)
            QVERIFY(decoder.feed("x", out));
        QVERIFY(!decoder.failed());
        QVERIFY(!decoder.feed("x", out));
        QVERIFY(decoder.failed());
    }
    {
        // In one read.
        SseDecoder decoder(bound);
        std::vector<SseEvent> out;
        QVERIFY(!decoder.feed(repeated('x', bound + 1), out));
        QVERIFY(decoder.failed());
        QVERIFY(out.empty());
    }
}

void TestSseDecoder::defaultBoundWithBoundedMemory()
{
    // A never-ending event of 1000-byte data lines, in 64 KiB reads. The decoder must give up
    // as soon as the data exceeds the default bound, not keep buffering.
    SseDecoder decoder;
    std::vector<SseEvent> out;
    QVERIFY(decoder.feed("data: first\n\n", out));
    QByteArray read;
    while (read.size() < 64 * 1024)
        read += "data: " + repeated('y', 1000) + "\n";
    const qint64 limit = SseDecoder::kDefaultMaxEventBytes;
    bool ok = true;
    while (ok && decoder.bytesFed() < 2 * limit)
        ok = decoder.feed(read, out);
    QVERIFY(!ok);
    QVERIFY(decoder.failed());
    // Each 1007-byte line adds 1001 bytes of data: the failure comes within one read of the bound.
    QVERIFY2(decoder.bytesFed() <= limit + limit / 100 + read.size(),
             qPrintable(QString::number(decoder.bytesFed())));
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].data, QByteArray("first"));
    QVERIFY(!decoder.feed("\n\ndata: later\n\n", out));
    QCOMPARE(out.size(), size_t(1));
}

void TestSseDecoder::eventsBeforeFailureAreKept()
{
    SseDecoder decoder(16);
    std::vector<SseEvent> out;
    QVERIFY(!decoder.feed("data: a\n\ndata: " + repeated('z', 20) + "\n\ndata: b\n\n", out));
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].data, QByteArray("a"));
}

void TestSseDecoder::finishDiscardsIncompleteEvent()
{
    SseDecoder decoder;
    std::vector<SseEvent> out;
    QVERIFY(decoder.feed("id: 5\ndata: a\n\nevent: x\ndata: b\n", out));
    QCOMPARE(out.size(), size_t(1));
    decoder.finish();
    // The buffered "b" (and its type) are gone: a blank line now dispatches nothing.
    QVERIFY(decoder.feed("\n", out));
    QCOMPARE(out.size(), size_t(1));
    // A partial line is gone too, and the last event id stays in force.
    QVERIFY(decoder.feed("data: partial", out));
    decoder.finish();
    QVERIFY(decoder.feed("\ndata: c\n\n", out));
    QCOMPARE(out.size(), size_t(2));
    QCOMPARE(describe(out[1]), ev("c", "message", "5"));
}

void TestSseDecoder::resetRestoresInitialState()
{
    SseDecoder decoder(32);
    std::vector<SseEvent> out;
    QVERIFY(decoder.feed("retry: 5\nid: 1\ndata: a\n\ndata: pending\r", out));
    decoder.reset();
    QCOMPARE(decoder.bytesFed(), qint64(0));
    QVERIFY(!decoder.retryMs().has_value());
    // The pending CR is forgotten ("\n" is a blank line of its own), so is the last event id, and
    // a BOM at the new start is stripped again.
    QVERIFY(decoder.feed("\xEF\xBB\xBF\ndata: b\n\n", out));
    QCOMPARE(out.size(), size_t(2));
    QCOMPARE(describe(out[1]), ev("b"));

    // reset() also clears the failed state, and keeps the bound.
    QVERIFY(!decoder.feed("data: " + repeated('q', 40) + "\n", out));
    QVERIFY(decoder.failed());
    decoder.reset();
    QVERIFY(!decoder.failed());
    QVERIFY(decoder.feed("data: c\n\n", out));
    QCOMPARE(out.size(), size_t(3));
    QVERIFY(!decoder.feed("data: " + repeated('q', 40) + "\n", out));
}

void TestSseDecoder::bytesFedCountsEveryByte()
{
    SseDecoder decoder(16);
    std::vector<SseEvent> out;
    QCOMPARE(decoder.bytesFed(), qint64(0));
    QVERIFY(decoder.feed("\xEF\xBB", out));
    QCOMPARE(decoder.bytesFed(), qint64(2));
    QVERIFY(decoder.feed("\xBF"
                         "data: a\r",
                         out));
    QCOMPARE(decoder.bytesFed(), qint64(11));
    QVERIFY(decoder.feed("\n\n", out));
    QCOMPARE(decoder.bytesFed(), qint64(13));
    QCOMPARE(out.size(), size_t(1));
    // Bytes given to a failed decoder are counted too (they were received), though not kept.
    QVERIFY(!decoder.feed(repeated('x', 20), out));
    QVERIFY(!decoder.feed("abc", out));
    QCOMPARE(decoder.bytesFed(), qint64(36));
}

void TestSseDecoder::retryMs()
{
    SseDecoder decoder;
    std::vector<SseEvent> out;
    QVERIFY(!decoder.retryMs().has_value());
    QVERIFY(decoder.feed("retry: 2500\n\n", out));
    QCOMPARE(decoder.retryMs(), std::optional<qint64>(2500));
    // Invalid values leave the last valid one in force; it outlives the event.
    QVERIFY(decoder.feed("retry: 1.5\nretry: 99999999999999999999\ndata: x\n\n", out));
    QCOMPARE(decoder.retryMs(), std::optional<qint64>(2500));
    QVERIFY(decoder.feed("retry:9223372036854775807\n", out));
    QCOMPARE(decoder.retryMs(), std::optional<qint64>(9223372036854775807LL));
    QVERIFY(decoder.feed("retry: 0042\n", out));
    QCOMPARE(decoder.retryMs(), std::optional<qint64>(42));
    QCOMPARE(out.size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestSseDecoder)
#include "tst_ssedecoder.moc"
