// `ark-workbench-cli sse-decode`: the real executable, fed through standard input and files.
#include "cli/SseDecodeCommand.h"

#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& args, const QByteArray& input = QByteArray())
{
    QProcess process;
    process.start(QStringLiteral(ARK_CLI_PATH), QStringList{QStringLiteral("sse-decode")} + args);
    Run run;
    if (!process.waitForStarted(30000)) {
        run.err = "could not start " ARK_CLI_PATH;
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    // A safety limit only; the command finishes in milliseconds.
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// One expected output line.
QByteArray line(const QByteArray& json)
{
    return json + '\n';
}

} // namespace

class TestCliSseDecode : public QObject
{
    Q_OBJECT

private slots:
    void stdinStreams_data();
    void stdinStreams();
    void dashMeansStdin();
    void fromFile();
    void crlfSplitAcrossReads();
    void eventLargerThanOneRead();
    void missingFile();
    void badCommandLine();
    void oversizedEvent();

private:
    QTemporaryDir m_dir;
};

void TestCliSseDecode::stdinStreams_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("Ark chunks and [DONE]")
        << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n")
        << QByteArray(
               line(
                   R"({"event":"message","data":"{\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}","id":null})") +
               line(R"({"event":"message","data":"[DONE]","id":null})"));
    QTest::newRow("event type and id")
        << QByteArray("event: delta\nid: 42\ndata: a\n\ndata: b\n\nid\ndata: c\n\n")
        << QByteArray(line(R"({"event":"delta","data":"a","id":"42"})") +
                      line(R"({"event":"message","data":"b","id":"42"})") +
                      line(R"({"event":"message","data":"c","id":null})"));
    QTest::newRow("Chinese stays UTF-8")
        << QByteArray("data: 你好，世界\n\n") << line(R"({"event":"message","data":"你好，世界","id":null})");
    QTest::newRow("escaping") << QByteArray("data: a\"b\\c\tz\x01\ndata: line2\n\n")
                              << line(R"({"event":"message","data":"a\"b\\c\tz\u0001\nline2","id":null})");
    QTest::newRow("invalid UTF-8 becomes U+FFFD")
        << QByteArray("data: x\xFFy\n\n") << line(R"({"event":"message","data":"x�y","id":null})");
    QTest::newRow("BOM, CRLF and comments") << QByteArray("\xEF\xBB\xBF: hello\r\ndata: a\r\n\r\n")
                                            << line(R"({"event":"message","data":"a","id":null})");
    QTest::newRow("incomplete last event not printed")
        << QByteArray("data: a\n\ndata: b\n") << line(R"({"event":"message","data":"a","id":null})");
    QTest::newRow("empty input") << QByteArray() << QByteArray();
    QTest::newRow("comments only") << QByteArray(": ping\n\n: ping\n\n") << QByteArray();
}

void TestCliSseDecode::stdinStreams()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Run run = runCli({}, input);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, expected);
}

void TestCliSseDecode::dashMeansStdin()
{
    const Run run = runCli({QStringLiteral("-")}, "data: x\n\n");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, line(R"({"event":"message","data":"x","id":null})"));
}

void TestCliSseDecode::fromFile()
{
    QVERIFY(m_dir.isValid());
    QByteArray body;
    QByteArray expected;
    for (int i = 0; i < 10000; ++i) {
        body += "id: " + QByteArray::number(i) + "\ndata: {\"n\":" + QByteArray::number(i) + "}\n\n";
        expected += line(R"({"event":"message","data":"{\"n\":)" + QByteArray::number(i) + R"(}","id":")" +
                         QByteArray::number(i) + R"("})");
    }
    QVERIFY(body.size() > 3 * 64 * 1024); // several reads
    const QString path = m_dir.filePath(QStringLiteral("stream.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(body);
    file.close();

    const Run run = runCli({path});
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, expected);
}

void TestCliSseDecode::crlfSplitAcrossReads()
{
    // A file's first 64 KiB read ends exactly between a CR and its LF. Taking them as two line
    // ends would print "a" and "b" as separate events.
    QVERIFY(m_dir.isValid());
    const qsizetype readSize = 64 * 1024;
    QByteArray body = ": " + QByteArray(readSize - 2 - 1 - 8, 'p') + "\n" + "data: a\r";
    QCOMPARE(body.size(), readSize);
    body += "\ndata: b\r\n\r\n";
    const QString path = m_dir.filePath(QStringLiteral("crlf.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(body);
    file.close();

    const Run run = runCli({path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, line(R"({"event":"message","data":"a\nb","id":null})"));
}

void TestCliSseDecode::eventLargerThanOneRead()
{
    const QByteArray big(300 * 1024, 'z');
    const Run run = runCli({}, "data: " + big + "\n\ndata: after\n\n");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, line(R"({"event":"message","data":")" + big + R"(","id":null})") +
                          line(R"({"event":"message","data":"after","id":null})"));
}

void TestCliSseDecode::missingFile()
{
    QVERIFY(m_dir.isValid());
    const Run run = runCli({m_dir.filePath(QStringLiteral("no-such-file.txt"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("no-such-file.txt"), run.err.constData());
}

void TestCliSseDecode::badCommandLine()
{
    const Run twoFiles = runCli({QStringLiteral("a.txt"), QStringLiteral("b.txt")});
    QCOMPARE(twoFiles.exitCode, 2);
    QVERIFY(twoFiles.out.isEmpty());
    QVERIFY(!twoFiles.err.isEmpty());

    const Run unknownOption = runCli({QStringLiteral("--bogus")});
    QCOMPARE(unknownOption.exitCode, 2);
    QVERIFY(!unknownOption.err.isEmpty());
}

void TestCliSseDecode::oversizedEvent()
{
    // A file (not a pipe: the command stops reading early) with one good event, then an event whose
    // data exceeds the 16 MiB bound. The good event is still printed.
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("huge.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("data: ok\n\n");
    const QByteArray dataLine = "data: " + QByteArray(1024 * 1024 - 7, 'h') + "\n";
    for (int i = 0; i < 17; ++i)
        file.write(dataLine);
    file.write("\ndata: never\n\n");
    file.close();

    const Run run = runCli({path});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.out, line(R"({"event":"message","data":"ok","id":null})"));
    QVERIFY(!run.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliSseDecode)
#include "tst_cli_ssedecode.moc"
