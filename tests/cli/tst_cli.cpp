// ark-workbench-cli chat, end to end: the real executable through QProcess against the loopback
// server running in this test's event loop.
#include "catalog/Catalog.h"
#include "support/LoopbackServer.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>

#include <QtTest>

#include <csignal>
#include <nlohmann/json.hpp>

using namespace ark::testsupport;
namespace ch = ark::testsupport::chunks;

Q_DECLARE_METATYPE(ark::testsupport::ScriptedResponse)

namespace {
const QByteArray kKey = "cli-test-key-abcdefgh1234";
const QByteArray kChat = "/chat/completions";
constexpr int kSafety = 30000; // a safety limit, never an expectation

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    LoopbackServer* m_server = nullptr;

    // Runs the CLI while this thread's event loop keeps the loopback server answering.
    CliRun runCli(const QStringList& args, const QByteArray& input = {},
                  const QProcessEnvironment& extraEnv = {}, std::function<void(QProcess&)> whileRunning = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARK_API_KEY"), QString::fromUtf8(kKey));
        env.remove(QStringLiteral("ARK_BASE_URL"));
        for (const QString& name : extraEnv.keys()) {
            if (extraEnv.value(name) == QLatin1String("<unset>"))
                env.remove(name);
            else
                env.insert(name, extraEnv.value(name));
        }
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(ARK_CLI_PATH), args);
        if (!process.waitForStarted(kSafety))
            return {};
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (whileRunning)
            whileRunning(process);
        if (finished.isEmpty() && !finished.wait(kSafety))
            process.kill();
        CliRun run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        // No scenario may ever print the key.
        if (run.out.contains(kKey) || run.err.contains(kKey))
            run.exitCode = -100;
        return run;
    }

    QStringList chatArgs(const QString& model, const QStringList& extra = {},
                         const QString& prompt = QStringLiteral("What is 6 x 7?")) const
    {
        return QStringList{QStringLiteral("chat"), QStringLiteral("--base-url"),
                           m_server->baseUrl().toString(), QStringLiteral("--model"), model} +
               extra + QStringList{prompt};
    }

private slots:
    void init()
    {
        m_server = new LoopbackServer(this);
        QVERIFY(m_server->listen());
    }
    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
    }

    void streamsReasoningThenAnswer()
    {
        const CliRun run =
            runCli(chatArgs(QStringLiteral("loopback-reasoning"), {QStringLiteral("--show-reasoning")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("The answer is 42.\n"));
        QCOMPARE(run.err, QByteArray("Let me think about this.\n"));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().at(0).header("Authorization"), "Bearer " + kKey);
    }

    void reasoningHiddenByDefault()
    {
        const CliRun run = runCli(chatArgs(QStringLiteral("loopback-reasoning")));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("The answer is 42.\n"));
        QVERIFY(run.err.isEmpty());
    }

    void nonStreamingGivesTheSameText()
    {
        const CliRun run =
            runCli(chatArgs(QStringLiteral("loopback-reasoning"), {QStringLiteral("--no-stream")}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("The answer is 42.\n"));
        const auto body = nlohmann::json::parse(m_server->requests().at(0).body.toStdString());
        QVERIFY(!body.value("stream", false));
    }

    void requestCarriesTheOptions()
    {
        const CliRun run = runCli(
            chatArgs(QStringLiteral("loopback-echo"),
                     {QStringLiteral("--system"), QStringLiteral("Be brief."), QStringLiteral("--thinking"),
                      QStringLiteral("disabled"), QStringLiteral("--max-tokens"), QStringLiteral("64"),
                      QStringLiteral("--temperature"), QStringLiteral("0.2"), QStringLiteral("--top-p"),
                      QStringLiteral("0.9")},
                     QStringLiteral("你好 world")));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("你好"));
        const auto body = nlohmann::json::parse(m_server->requests().at(0).body.toStdString());
        QCOMPARE(body.at("messages").size(), size_t(2));
        QCOMPARE(body.at("messages").at(0).at("role").get<std::string>(), std::string("system"));
        QCOMPARE(body.at("messages").at(1).at("content").get<std::string>(), std::string("你好 world"));
        QCOMPARE(body.at("thinking").at("type").get<std::string>(), std::string("disabled"));
        QCOMPARE(body.at("max_tokens").get<int>(), 64);
        QCOMPARE(body.at("temperature").get<double>(), 0.2);
        QCOMPARE(body.at("top_p").get<double>(), 0.9);
        QCOMPARE(body.at("stream_options").at("include_usage").get<bool>(), true);
    }

    void promptFromStandardInput()
    {
        const CliRun run =
            runCli(chatArgs(QStringLiteral("loopback-echo"), {}, QStringLiteral("-")), "from stdin");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("from stdin"), run.out.constData());
    }

    void jsonOutput()
    {
        const CliRun run = runCli(chatArgs(QStringLiteral("loopback-reasoning"), {QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.endsWith('\n'));
        QCOMPARE(run.out.count('\n'), 1); // exactly one JSON object, nothing streamed
        const auto j = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(j.at("content").get<std::string>(), std::string("The answer is 42."));
        QCOMPARE(j.at("reasoning").get<std::string>(), std::string("Let me think about this."));
        QCOMPARE(j.at("finish_reason").get<std::string>(), std::string("stop"));
        QVERIFY(!j.at("model").get<std::string>().empty());
        QVERIFY(!j.at("request_id").get<std::string>().empty());
        QVERIFY(j.at("tool_calls").is_array());
        for (const char* field :
             {"prompt_tokens", "completion_tokens", "total_tokens", "cached_tokens", "reasoning_tokens"})
            QVERIFY2(j.at("usage").at(field).is_number_integer(), field);
        QVERIFY(j.at("usage").at("completion_tokens").get<int>() > 0);
        QVERIFY(j.at("timing").at("ttft_ms").is_number());
        QVERIFY(j.at("timing").at("total_ms").is_number());
        QCOMPARE(j.at("retries").get<int>(), 0);
        QCOMPARE(j.at("partial").get<bool>(), false);
        QVERIFY(j.at("deprecation").is_null());
        QVERIFY(j.at("error").is_null());
    }

    void jsonToolCalls()
    {
        const CliRun run = runCli(chatArgs(QStringLiteral("loopback-tools"), {QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 0);
        const auto j = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(j.at("finish_reason").get<std::string>(), std::string("tool_calls"));
        QCOMPARE(j.at("tool_calls").size(), size_t(2));
        QCOMPARE(j.at("tool_calls").at(0).at("name").get<std::string>(), std::string("get_weather"));
        QCOMPARE(nlohmann::json::parse(j.at("tool_calls").at(0).at("arguments").get<std::string>()),
                 nlohmann::json::parse(R"({"city":"Beijing"})"));
        QVERIFY(!j.at("tool_calls").at(1).at("id").get<std::string>().empty());
    }

    // The catalog, not only the server, warns: deepseek-r1-250120 retired on 2025-11-27 14:00 UTC+8
    // (batch 5), its endpoints switched to deepseek-v3-1-250821. The date is today's, so any run
    // after that instant must say "retired".
    void catalogWarnsOfARetiredModel()
    {
        const auto catalog = ark::catalog::Catalog::bundled();
        const QString model = QStringLiteral("deepseek-r1-250120");
        const auto status = catalog->statusAt(model, QDateTime::currentDateTimeUtc());
        QCOMPARE(status.state, ark::catalog::LifecycleState::Retired);
        const CliRun run = runCli(chatArgs(model));
        QCOMPARE(run.exitCode, 0); // the loopback server still answers: the warning does not block
        QByteArray warning;
        for (const QByteArray& line : run.err.split('\n'))
            if (line.startsWith("warning:"))
                warning = line;
        QVERIFY2(!warning.isEmpty(), run.err.constData());
        QVERIFY2(warning.contains("2025-11-27 14:00"), warning.constData());
        QVERIFY2(warning.contains("deepseek-v3-1-250821"), warning.constData());

        const CliRun active = runCli(chatArgs(QStringLiteral("loopback-reasoning")));
        QVERIFY2(!active.err.contains("warning:"), active.err.constData());
    }

    // chat --json prices the usage it received with the catalog's tier for that request: 40,000
    // input tokens put doubao-seed-1.6 in its "(32, 128]" tier, whose prices apply to every token.
    void jsonCostFromUsage()
    {
        using namespace ark::testsupport::chunks;
        m_server->enqueue("/chat/completions",
                          ScriptedResponse::sse({content(QStringLiteral("Priced.")), finish("stop"),
                                                 usageOnly(40000, 300, 100, 1000)}));
        const CliRun run =
            runCli(chatArgs(QStringLiteral("doubao-seed-1-6-250615"), {QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 0);
        const auto j = nlohmann::json::parse(run.out.toStdString());
        const auto* info = ark::catalog::Catalog::bundled()->find(QStringLiteral("doubao-seed-1.6-250615"));
        QVERIFY(info);
        ark::pricing::TokenCounts counts;
        counts.inputTokens = 40000;
        counts.cachedTokens = 1000;
        counts.outputTokens = 300;
        const ark::pricing::CostBreakdown expected = info->prices.cost(counts);
        QVERIFY(expected.valid);
        QVERIFY2(expected.tier.contains(QStringLiteral("(32, 128]")), qPrintable(expected.tier));
        // 39,000 x 1.2 + 1,000 x 0.16 + 300 x 16 per million = 0.0468 + 0.00016 + 0.0048
        QCOMPARE(expected.totalMicros(), qint64(46800 + 160 + 4800));
        QCOMPARE(j.at("cost").at("currency").get<std::string>(), std::string("CNY"));
        QCOMPARE(qRound64(j.at("cost").at("amount").get<double>() * 1e6), expected.totalMicros());

        // A model the catalog does not price has no cost rather than a wrong one.
        const CliRun unknown = runCli(chatArgs(QStringLiteral("loopback-echo"), {QStringLiteral("--json")}));
        QCOMPARE(unknown.exitCode, 0);
        QVERIFY(nlohmann::json::parse(unknown.out.toStdString()).at("cost").is_null());
    }

    void deprecationWarning()
    {
        const CliRun run = runCli(chatArgs(QStringLiteral("loopback-deprecated")));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.out.isEmpty());
        const QList<QByteArray> lines = run.err.split('\n');
        QByteArray warning;
        for (const QByteArray& line : lines)
            if (line.startsWith("warning:"))
                warning = line;
        QVERIFY2(!warning.isEmpty(), run.err.constData());
        QVERIFY2(warning.contains("2026-07-01"), warning.constData());
        QVERIFY2(warning.contains("https://example.invalid/deprecations#loopback"), warning.constData());

        const CliRun json =
            runCli(chatArgs(QStringLiteral("loopback-deprecated"), {QStringLiteral("--json")}));
        const auto j = nlohmann::json::parse(json.out.toStdString());
        QCOMPARE(j.at("deprecation").at("deprecated").get<bool>(), true);
        QVERIFY(j.at("deprecation").at("sunset").get<std::string>().rfind("2026-07-01", 0) == 0);
        QCOMPARE(j.at("deprecation").at("link").get<std::string>(),
                 std::string("https://example.invalid/deprecations#loopback"));
    }

    void failures_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("errorKind");
        QTest::addColumn<bool>("partial");
        QTest::newRow("bad key") << QStringLiteral("loopback-badkey") << QStringList() << 3
                                 << QStringLiteral("authentication") << false;
        QTest::newRow("retired") << QStringLiteral("loopback-retired") << QStringList() << 5
                                 << QStringLiteral("model_retired") << false;
        QTest::newRow("dropped mid-stream") << QStringLiteral("loopback-drop") << QStringList() << 4
                                            << QStringLiteral("stream_broken") << true;
        QTest::newRow("rate limited, no retries allowed")
            << QStringLiteral("loopback-ratelimit")
            << QStringList{QStringLiteral("--max-retries"), QStringLiteral("0")} << 3
            << QStringLiteral("rate_limited") << false;
    }
    void failures()
    {
        QFETCH(QString, model);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, errorKind);
        QFETCH(bool, partial);

        const CliRun plain = runCli(chatArgs(model, extra));
        QCOMPARE(plain.exitCode, exitCode);
        QVERIFY2(plain.err.contains("error: "), plain.err.constData());
        if (partial) {
            QVERIFY(!plain.out.trimmed().isEmpty()); // what arrived is kept on standard output
            QVERIFY(plain.err.contains("partial answer"));
        }

        cleanup(); // a fresh server: some scenarios answer by request count
        init();
        const CliRun json = runCli(chatArgs(model, extra + QStringList{QStringLiteral("--json")}));
        QCOMPARE(json.exitCode, exitCode);
        const auto j = nlohmann::json::parse(json.out.toStdString());
        QCOMPARE(QString::fromStdString(j.at("error").at("kind").get<std::string>()), errorKind);
        QVERIFY(!j.at("error").at("message").get<std::string>().empty());
        QCOMPARE(j.at("partial").get<bool>(), partial);
        if (partial)
            QVERIFY(!j.at("content").get<std::string>().empty());
    }

    void retiredModelNamesItsReplacement()
    {
        const CliRun run = runCli(chatArgs(QStringLiteral("loopback-retired"), {QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 5);
        const auto j = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(j.at("error").at("status").get<int>(), 410);
        QCOMPARE(j.at("deprecation").at("replacement").get<std::string>(), std::string("loopback-echo"));
        QVERIFY(!j.at("deprecation").at("migration_url").is_null());
        QCOMPARE(m_server->requests().size(), 1); // never retried
    }

    void rateLimitRetriedThenSucceeds()
    {
        const CliRun run = runCli(chatArgs(QStringLiteral("loopback-ratelimit"), {QStringLiteral("--json")}));
        QCOMPARE(run.exitCode, 0);
        const auto j = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(j.at("retries").get<int>(), 1);
        QVERIFY(run.err.contains("Retrying"));
    }

    void scriptedTransportFailures_data()
    {
        QTest::addColumn<ScriptedResponse>("response");
        QTest::addColumn<QString>("errorKind");
        ScriptedResponse stall;
        stall.headers = {{"Content-Type", "text/event-stream"}};
        stall.steps = {Step::write("data: " + ch::content(QStringLiteral("Hel")) + "\n\n"), Step::stall()};
        QTest::newRow("idle timeout") << stall << QStringLiteral("idle_timeout");
        ScriptedResponse malformed = stall;
        malformed.steps = {Step::write("data: " + ch::content(QStringLiteral("Hel")) + "\n\n"),
                           Step::write("data: {not json}\n\n")};
        QTest::newRow("malformed chunk") << malformed << QStringLiteral("malformed_chunk");
    }
    void scriptedTransportFailures()
    {
        QFETCH(ScriptedResponse, response);
        QFETCH(QString, errorKind);
        m_server->enqueue(kChat, response);
        const CliRun run = runCli(
            chatArgs(QStringLiteral("doubao-seed-1-6-250615"),
                     {QStringLiteral("--json"), QStringLiteral("--idle-timeout"), QStringLiteral("0.5")}));
        QCOMPARE(run.exitCode, 4);
        const auto j = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(QString::fromStdString(j.at("error").at("kind").get<std::string>()), errorKind);
        QCOMPARE(j.at("content").get<std::string>(), std::string("Hel"));
        QCOMPARE(j.at("partial").get<bool>(), true);
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1/api/v3").arg(probe.serverPort());
        probe.close();
        const CliRun run =
            runCli({QStringLiteral("chat"), QStringLiteral("--base-url"), url, QStringLiteral("--model"),
                    QStringLiteral("m"), QStringLiteral("--max-retries"), QStringLiteral("0"),
                    QStringLiteral("hi")});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains("error: "));
    }

    void interruptKeepsPartialAnswer()
    {
        ScriptedResponse stall;
        stall.headers = {{"Content-Type", "text/event-stream"}};
        stall.steps = {Step::write("data: " + ch::content(QStringLiteral("so far")) + "\n\n"), Step::stall()};
        m_server->enqueue(kChat, stall);
        const CliRun run =
            runCli(chatArgs(QStringLiteral("doubao-seed-1-6-250615")), {}, {}, [](QProcess& process) {
                // Wait until the partial text is on standard output, then press Ctrl+C.
                QTRY_VERIFY_WITH_TIMEOUT(process.bytesAvailable() > 0 || process.state() != QProcess::Running,
                                         kSafety);
                ::kill(pid_t(process.processId()), SIGINT);
            });
        QCOMPARE(run.exitCode, 130);
        QCOMPARE(run.out, QByteArray("so far\n"));
        QVERIFY(run.err.contains("partial answer"));
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString url = QStringLiteral("http://127.0.0.1:9/api/v3");
        auto chat = [&](QStringList extra) {
            return QStringList{QStringLiteral("chat"), QStringLiteral("--base-url"), url} + extra;
        };
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("talk")};
        QTest::newRow("no model") << chat({QStringLiteral("hi")});
        QTest::newRow("no prompt") << chat({QStringLiteral("--model"), QStringLiteral("m")});
        QTest::newRow("two prompts") << chat(
            {QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("a"), QStringLiteral("b")});
        QTest::newRow("unknown option") << chat({QStringLiteral("--model"), QStringLiteral("m"),
                                                 QStringLiteral("--frobnicate"), QStringLiteral("hi")});
        QTest::newRow("bad thinking")
            << chat({QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--thinking"),
                     QStringLiteral("maybe"), QStringLiteral("hi")});
        QTest::newRow("temperature out of range")
            << chat({QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--temperature"),
                     QStringLiteral("3"), QStringLiteral("hi")});
        QTest::newRow("max tokens not a number")
            << chat({QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--max-tokens"),
                     QStringLiteral("lots"), QStringLiteral("hi")});
        QTest::newRow("bad base url")
            << QStringList{QStringLiteral("chat"),    QStringLiteral("--base-url"), QStringLiteral("ftp://x"),
                           QStringLiteral("--model"), QStringLiteral("m"),          QStringLiteral("hi")};
        QTest::newRow("empty prompt")
            << chat({QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("  ")});
    }
    void badCommandLines()
    {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("error: "));
        QVERIFY(run.err.contains("Usage:"));
        QVERIFY(m_server->requests().isEmpty());
    }

    void noKeyAndNoKeychainExplainsWhatToDo()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("ARK_API_KEY"), QStringLiteral("<unset>"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        const CliRun run = runCli(chatArgs(QStringLiteral("loopback-echo")), {}, env);
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.contains("keyring") || run.err.contains("keychain"), run.err.constData());
        QVERIFY(m_server->requests().isEmpty());
    }

    void helpAndVersion()
    {
        const CliRun help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("ark-workbench-cli chat --model ID"));
        const CliRun version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("ark-workbench-cli "));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
