// ThinkTagSplitter: <think>...</think> reasoning inside `content` (protocol digest §2.5; the seed's
// "最佳实践-深度思考模式": reasoning and answer both come in content as
// "<think>\n思考内容\n</think>\n回答内容"). Every body is fed whole, cut at every position, cut at every pair
// of positions and one character at a time: the result must not depend on where the chunks were cut.
#include "api/ThinkTagSplitter.h"

#include <QtTest>

using ark::api::ThinkTagSplitter;

namespace {

struct Split
{
    QString content;
    QString reasoning;
};

Split run(const QStringList& pieces)
{
    ThinkTagSplitter splitter;
    Split total;
    for (const QString& piece : pieces) {
        const ThinkTagSplitter::Output out = splitter.feed(piece);
        total.content += out.content;
        total.reasoning += out.reasoning;
    }
    const ThinkTagSplitter::Output rest = splitter.finish();
    total.content += rest.content;
    total.reasoning += rest.reasoning;
    return total;
}

QString describe(const QStringList& pieces)
{
    QStringList quoted;
    for (const QString& piece : pieces)
        quoted << QLatin1Char('"') + piece + QLatin1Char('"');
    return quoted.join(QStringLiteral(" + "));
}

} // namespace

class TestThinkTagSplitter : public QObject
{
    Q_OBJECT
private slots:
    void split_data();
    void split();
    void reasoningStreamsBeforeTheTagCloses();
    void tagPrefixIsHeldThenReleased();
    void finishReleasesHeldText();
    void resetStartsOver();
};

void TestThinkTagSplitter::split_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("reasoning");

    QTest::newRow("documented form") << QStringLiteral("<think>\n思考内容\n</think>\n回答内容")
                                     << QStringLiteral("回答内容") << QStringLiteral("\n思考内容\n");
    QTest::newRow("plain tags") << QStringLiteral("<think>reasoning here</think>The answer.")
                                << QStringLiteral("The answer.") << QStringLiteral("reasoning here");
    QTest::newRow("whitespace before the tag is dropped")
        << QStringLiteral(" \n\t<think>x</think>y") << QStringLiteral("y") << QStringLiteral("x");
    QTest::newRow("DeepSeek R1 prefix") << QStringLiteral("<think>\n\n嗯，用户问的是😀</think>\n\n答案😀")
                                        << QStringLiteral("答案😀") << QStringLiteral("\n\n嗯，用户问的是😀");
    QTest::newRow("no tags") << QStringLiteral("Plain answer") << QStringLiteral("Plain answer") << QString();
    QTest::newRow("leading whitespace of a plain answer is kept")
        << QStringLiteral("\n\nHello") << QStringLiteral("\n\nHello") << QString();
    QTest::newRow("only whitespace") << QStringLiteral("\n \n") << QStringLiteral("\n \n") << QString();
    QTest::newRow("a tag later in the answer is text")
        << QStringLiteral("The tag <think>later</think> stays")
        << QStringLiteral("The tag <think>later</think> stays") << QString();
    QTest::newRow("other tags are text")
        << QStringLiteral("<b>bold</b> text") << QStringLiteral("<b>bold</b> text") << QString();
    QTest::newRow("a longer tag name is text") << QStringLiteral("<thinking>no</thinking>")
                                               << QStringLiteral("<thinking>no</thinking>") << QString();
    QTest::newRow("tags are case-sensitive")
        << QStringLiteral("<THINK>x</THINK>") << QStringLiteral("<THINK>x</THINK>") << QString();
    QTest::newRow("a bracket before the tag")
        << QStringLiteral("<<think>x") << QStringLiteral("<<think>x") << QString();
    QTest::newRow("a lone bracket") << QStringLiteral("<") << QStringLiteral("<") << QString();
    QTest::newRow("an unfinished opening tag")
        << QStringLiteral("  <thi") << QStringLiteral("  <thi") << QString();
    QTest::newRow("never closed") << QStringLiteral("<think>unfinished reasoning") << QString()
                                  << QStringLiteral("unfinished reasoning");
    QTest::newRow("ends on half a closing tag")
        << QStringLiteral("<think>cut at </thi") << QString() << QStringLiteral("cut at </thi");
    QTest::newRow("look-alikes inside the reasoning")
        << QStringLiteral("<think>a < b, </thinker> and </ think></think>ok") << QStringLiteral("ok")
        << QStringLiteral("a < b, </thinker> and </ think>");
    QTest::newRow("empty reasoning") << QStringLiteral("<think></think>answer") << QStringLiteral("answer")
                                     << QString();
    QTest::newRow("reasoning only") << QStringLiteral("<think>r</think>\n\n \n") << QString()
                                    << QStringLiteral("r");
    QTest::newRow("only the first block is reasoning")
        << QStringLiteral("<think>r</think> <think>second</think>") << QStringLiteral("<think>second</think>")
        << QStringLiteral("r");
    QTest::newRow("a tag inside the reasoning is text")
        << QStringLiteral("<think>says <think> twice</think>a") << QStringLiteral("a")
        << QStringLiteral("says <think> twice");
}

void TestThinkTagSplitter::split()
{
    QFETCH(QString, body);
    QFETCH(QString, content);
    QFETCH(QString, reasoning);

    QList<QStringList> cuts;
    cuts << QStringList{body};
    QStringList single;
    for (const QChar c : body)
        single << QString(c);
    cuts << single;
    for (qsizetype i = 0; i <= body.size(); ++i) {
        cuts << QStringList{body.left(i), body.mid(i)};
        for (qsizetype j = i; j <= body.size(); ++j)
            cuts << QStringList{body.left(i), body.mid(i, j - i), body.mid(j)};
    }
    for (const QStringList& pieces : cuts) {
        const Split result = run(pieces);
        QVERIFY2(result.content == content && result.reasoning == reasoning,
                 qPrintable(QStringLiteral("%1 -> content \"%2\", reasoning \"%3\"")
                                .arg(describe(pieces), result.content, result.reasoning)));
    }
}

void TestThinkTagSplitter::reasoningStreamsBeforeTheTagCloses()
{
    ThinkTagSplitter splitter;
    QVERIFY(!splitter.inThink());
    ThinkTagSplitter::Output out = splitter.feed(QStringLiteral("<think>Let me"));
    QCOMPARE(out.reasoning, QStringLiteral("Let me"));
    QVERIFY(out.content.isEmpty());
    QVERIFY(splitter.inThink());
    out = splitter.feed(QStringLiteral(" see</th"));
    QCOMPARE(out.reasoning, QStringLiteral(" see")); // "</th" is held: it may close the block
    out = splitter.feed(QStringLiteral("ink>\n"));
    QVERIFY(out.reasoning.isEmpty());
    QVERIFY(out.content.isEmpty());
    QVERIFY(!splitter.inThink());
    out = splitter.feed(QStringLiteral("Yes."));
    QCOMPARE(out.content, QStringLiteral("Yes."));
    out = splitter.feed(QStringLiteral(" <think>"));
    QCOMPARE(out.content, QStringLiteral(" <think>"));
    QVERIFY(!splitter.inThink());
}

void TestThinkTagSplitter::tagPrefixIsHeldThenReleased()
{
    ThinkTagSplitter splitter;
    ThinkTagSplitter::Output out = splitter.feed(QStringLiteral("\n<th"));
    QVERIFY(out.content.isEmpty()); // could still be <think>
    QVERIFY(out.reasoning.isEmpty());
    out = splitter.feed(QStringLiteral("e answer"));
    QCOMPARE(out.content, QStringLiteral("\n<the answer"));
    QVERIFY(out.reasoning.isEmpty());
}

void TestThinkTagSplitter::finishReleasesHeldText()
{
    ThinkTagSplitter splitter;
    QVERIFY(splitter.feed(QStringLiteral("<think")).content.isEmpty());
    ThinkTagSplitter::Output out = splitter.finish();
    QCOMPARE(out.content, QStringLiteral("<think"));
    QVERIFY(splitter.finish().content.isEmpty()); // released once

    ThinkTagSplitter thinking;
    QCOMPARE(thinking.feed(QStringLiteral("<think>abc</")).reasoning, QStringLiteral("abc"));
    out = thinking.finish();
    QCOMPARE(out.reasoning, QStringLiteral("</"));
    QVERIFY(out.content.isEmpty());
}

void TestThinkTagSplitter::resetStartsOver()
{
    ThinkTagSplitter splitter;
    splitter.feed(QStringLiteral("<think>abc </thi"));
    QVERIFY(splitter.inThink());
    splitter.reset();
    QVERIFY(!splitter.inThink());
    const ThinkTagSplitter::Output out = splitter.feed(QStringLiteral("<think>x</think>y"));
    QCOMPARE(out.reasoning, QStringLiteral("x"));
    QCOMPARE(out.content, QStringLiteral("y"));
    QVERIFY(splitter.finish().content.isEmpty()); // nothing from before the reset
}

QTEST_GUILESS_MAIN(TestThinkTagSplitter)
#include "tst_thinktagsplitter.moc"
