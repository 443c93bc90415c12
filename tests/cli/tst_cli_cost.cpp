// ark-workbench-cli cost and tokens, end to end: the real executable through QProcess, priced with a
// small catalog fixture (tests/data/catalog/pricing-fixture.json, loaded with the hidden --catalog)
// and with the bundled catalog, and counting against the loopback server in this test's event loop.
#include "pricing/PriceTable.h"
#include "pricing/TokenEstimator.h"
#include "support/LoopbackServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace ark::testsupport;

namespace {

const QByteArray kKey = "cli-cost-test-key-0000zz";
const QString kFixture = QStringLiteral(ARK_TEST_DATA_DIR "/catalog/pricing-fixture.json");
constexpr int kSafety = 30000; // a safety limit, never an expectation

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// The number printed for `field` as written (not as a double): amounts must be exact decimals.
std::optional<qint64> printedMicros(const QByteArray& out, const char* field)
{
    const QRegularExpression number(QStringLiteral("\"%1\":(-?[0-9.eE+-]+)").arg(QLatin1String(field)));
    const auto match = number.match(QString::fromUtf8(out));
    if (!match.hasMatch())
        return std::nullopt;
    return ark::pricing::parseMicros(match.captured(1));
}

} // namespace

class TstCli_cost : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<LoopbackServer> m_server;

    CliRun runCli(const QStringList& args, bool withKey = false, const QByteArray& input = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ARK_API_KEY"));
        env.remove(QStringLiteral("ARK_BASE_URL"));
        if (withKey)
            env.insert(QStringLiteral("ARK_API_KEY"), QString::fromUtf8(kKey));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(ARK_CLI_PATH), args);
        if (!process.waitForStarted(kSafety))
            return {};
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (finished.isEmpty() && !finished.wait(kSafety))
            process.kill();
        CliRun run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        if (run.out.contains(kKey) || run.err.contains(kKey))
            run.exitCode = -100; // the key must never be printed
        return run;
    }

    static QStringList costArgs(const QString& model, qint64 input, qint64 output, qint64 cached = -1,
                                bool fixture = true)
    {
        QStringList args{
            QStringLiteral("cost"),           QStringLiteral("--model"), model,
            QStringLiteral("--input-tokens"), QString::number(input),    QStringLiteral("--output-tokens"),
            QString::number(output),          QStringLiteral("--json")};
        if (cached >= 0)
            args << QStringLiteral("--cached-tokens") << QString::number(cached);
        if (fixture)
            args << QStringLiteral("--catalog") << kFixture;
        return args;
    }

    bool catalogLoaderPresent()
    {
        if (!m_loaderPresent)
            m_loaderPresent = runCli(costArgs(QStringLiteral("deepseek-r1-250528"), 1, 1)).exitCode == 0;
        return *m_loaderPresent;
    }
    std::optional<bool> m_loaderPresent;

    // Golden amounts at every tier boundary (seed 模型服务价格), worked out by hand: the chosen
    // tier's prices for every token, cache hits at the hit price, each part rounded to a micro.
    // `fixtureOnly` adds the rows of models and spellings only the fixture has.
    static void goldenRows(bool fixtureOnly)
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("cached");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("tier");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<qint64>("inputCost");
        QTest::addColumn<qint64>("cachedCost");
        QTest::addColumn<qint64>("outputCost");
        const QString seed = QStringLiteral("doubao-seed-1-6-250615");
        const QString low = QStringLiteral("输入长度 [0, 32] 且输出长度 [0, 0.2]");
        const QString lowLong = QStringLiteral("输入长度 [0, 32] 且输出长度 (0.2,+∞)");
        const QString mid = QStringLiteral("输入长度 (32, 128]");
        const QString high = QStringLiteral("输入长度 (128, 256]");
        const QString cny = QStringLiteral("CNY");
        QTest::newRow("32,000 in / 200 out")
            << seed << 32000LL << -1LL << 200LL << cny << low << 26000LL << 25600LL << 0LL << 400LL;
        QTest::newRow("32,000 in / 201 out")
            << seed << 32000LL << -1LL << 201LL << cny << lowLong << 27208LL << 25600LL << 0LL << 1608LL;
        QTest::newRow("32,001 in / 200 out")
            << seed << 32001LL << -1LL << 200LL << cny << mid << 41601LL << 38401LL << 0LL << 3200LL;
        QTest::newRow("128,000 in") << seed << 128000LL << 0LL << 1000LL << cny << mid << 169600LL << 153600LL
                                    << 0LL << 16000LL;
        QTest::newRow("128,001 in") << seed << 128001LL << 0LL << 1000LL << cny << high << 331202LL
                                    << 307202LL << 0LL << 24000LL;
        QTest::newRow("docs example 200k/14k")
            << seed << 200000LL << -1LL << 14000LL << cny << high << 816000LL << 480000LL << 0LL << 336000LL;
        QTest::newRow("docs example, dotted id")
            << QStringLiteral("doubao-seed-1.6-250615") << 200000LL << -1LL << 14000LL << cny << high
            << 816000LL << 480000LL << 0LL << 336000LL;
        QTest::newRow("cache hits") << seed << 100000LL << 60000LL << 500LL << cny << mid << 65600LL
                                    << 48000LL << 9600LL << 8000LL;
        QTest::newRow("all cached at 32,000")
            << seed << 32000LL << 32000LL << 0LL << cny << low << 5120LL << 0LL << 5120LL << 0LL;
        QTest::newRow("flash 32,001") << QStringLiteral("doubao-seed-1-6-flash-250615") << 32001LL << -1LL
                                      << 1000LL << cny << mid << 12600LL << 9600LL << 0LL << 3000LL;
        QTest::newRow("single price, cache")
            << QStringLiteral("deepseek-r1-250528") << 1000LL << 400LL << 1000LL << cny << QString()
            << 18720LL << 2400LL << 320LL << 16000LL;
        QTest::newRow("no cache price") << QStringLiteral("doubao-1-5-thinking-pro-250415") << 1000LL << 400LL
                                        << 0LL << cny << QString() << 4000LL << 2400LL << 1600LL << 0LL;
        QTest::newRow("nothing") << seed << 0LL << -1LL << 0LL << cny << low << 0LL << 0LL << 0LL << 0LL;
        if (!fixtureOnly)
            return;
        QTest::newRow("docs example by family name")
            << QStringLiteral("doubao-seed-1.6") << 200000LL << -1LL << 14000LL << cny << high << 816000LL
            << 480000LL << 0LL << 336000LL;
        QTest::newRow("USD model") << QStringLiteral("fixture-usd-model") << 1000000LL << 200000LL << 1000LL
                                   << QStringLiteral("USD") << QString() << 2475000LL << 2400000LL << 60000LL
                                   << 15000LL;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<LoopbackServer>();
        QVERIFY(m_server->listen());
    }
    void cleanup() { m_server.reset(); }

    void costGolden_data() { goldenRows(true); }
    void costGolden()
    {
        if (!catalogLoaderPresent())
            QSKIP("catalog::Catalog::fromJson cannot load the fixture yet");
        QFETCH(QString, model);
        QFETCH(qint64, input);
        QFETCH(qint64, cached);
        QFETCH(qint64, output);
        QFETCH(QString, currency);
        QFETCH(QString, tier);
        QFETCH(qint64, amount);
        QFETCH(qint64, inputCost);
        QFETCH(qint64, cachedCost);
        QFETCH(qint64, outputCost);
        const CliRun run = runCli(costArgs(model, input, output, cached));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.isEmpty());
        const QJsonObject json = run.json();
        QCOMPARE(json.keys(), (QStringList{QStringLiteral("amount"), QStringLiteral("cached_cost"),
                                           QStringLiteral("currency"), QStringLiteral("input_cost"),
                                           QStringLiteral("model"), QStringLiteral("output_cost"),
                                           QStringLiteral("tier")}));
        QVERIFY(json.value(QLatin1String("model")).toString().startsWith(QLatin1String("doubao")) ||
                json.value(QLatin1String("model")).toString() == model);
        QCOMPARE(json.value(QLatin1String("currency")).toString(), currency);
        QCOMPARE(json.value(QLatin1String("tier")).toString(), tier);
        QCOMPARE(printedMicros(run.out, "amount"), std::optional<qint64>(amount));
        QCOMPARE(printedMicros(run.out, "input_cost"), std::optional<qint64>(inputCost));
        QCOMPARE(printedMicros(run.out, "cached_cost"), std::optional<qint64>(cachedCost));
        QCOMPARE(printedMicros(run.out, "output_cost"), std::optional<qint64>(outputCost));
        QCOMPARE(inputCost + cachedCost + outputCost, amount);
    }

    void costJsonFieldOrderAndText()
    {
        if (!catalogLoaderPresent())
            QSKIP("catalog::Catalog::fromJson cannot load the fixture yet");
        const CliRun run = runCli(costArgs(QStringLiteral("doubao-seed-1.6"), 200000, 14000));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QStringLiteral("{\"model\":\"doubao-seed-1-6-250615\",\"currency\":\"CNY\",\"amount\":0.816,"
                                "\"tier\":\"输入长度 (128, 256]\",\"input_cost\":0.48,\"cached_cost\":0.0,"
                                "\"output_cost\":0.336}\n")
                     .toUtf8());
    }

    void costPlainText()
    {
        if (!catalogLoaderPresent())
            QSKIP("catalog::Catalog::fromJson cannot load the fixture yet");
        QStringList args = costArgs(QStringLiteral("doubao-seed-1-6-250615"), 200000, 14000);
        args.removeAll(QStringLiteral("--json"));
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QStringLiteral("¥0.816000")), run.out.constData());
        QVERIFY(out.contains(QStringLiteral("输入长度 (128, 256]")));
        QVERIFY(out.contains(QStringLiteral("¥0.480000")));
        QVERIFY(out.contains(QStringLiteral("¥0.336000")));
        args = costArgs(QStringLiteral("fixture-usd-model"), 1000, 1000);
        args.removeAll(QStringLiteral("--json"));
        QVERIFY(QString::fromUtf8(runCli(args).out).contains(QStringLiteral("$0.018000")));
    }

    void costRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString fixture = kFixture;
        const QString seed = QStringLiteral("doubao-seed-1-6-250615");
        auto base = [&](const QStringList& extra) {
            return QStringList{QStringLiteral("cost"), QStringLiteral("--catalog"), fixture} + extra;
        };
        QTest::newRow("no model") << base({QStringLiteral("--input-tokens"), QStringLiteral("1"),
                                           QStringLiteral("--output-tokens"), QStringLiteral("1")})
                                  << "--model";
        QTest::newRow("no output") << base({QStringLiteral("--model"), seed, QStringLiteral("--input-tokens"),
                                            QStringLiteral("1")})
                                   << "--output-tokens";
        QTest::newRow("negative") << base({QStringLiteral("--model"), seed, QStringLiteral("--input-tokens"),
                                           QStringLiteral("-5"), QStringLiteral("--output-tokens"),
                                           QStringLiteral("1")})
                                  << "whole numbers";
        QTest::newRow("fraction") << base({QStringLiteral("--model"), seed, QStringLiteral("--input-tokens"),
                                           QStringLiteral("1.5"), QStringLiteral("--output-tokens"),
                                           QStringLiteral("1")})
                                  << "whole numbers";
        QTest::newRow("cached over input")
            << base({QStringLiteral("--model"), seed, QStringLiteral("--input-tokens"), QStringLiteral("10"),
                     QStringLiteral("--output-tokens"), QStringLiteral("1"),
                     QStringLiteral("--cached-tokens"), QStringLiteral("11")})
            << "cannot exceed";
        QTest::newRow("unknown model") << base({QStringLiteral("--model"), QStringLiteral("no-such-model"),
                                                QStringLiteral("--input-tokens"), QStringLiteral("1"),
                                                QStringLiteral("--output-tokens"), QStringLiteral("1")})
                                       << "unknown model";
        QTest::newRow("no price") << base({QStringLiteral("--model"), QStringLiteral("fixture-no-price"),
                                           QStringLiteral("--input-tokens"), QStringLiteral("1"),
                                           QStringLiteral("--output-tokens"), QStringLiteral("1")})
                                  << "no token price";
        QTest::newRow("over the largest tier")
            << base({QStringLiteral("--model"), seed, QStringLiteral("--input-tokens"),
                     QStringLiteral("256001"), QStringLiteral("--output-tokens"), QStringLiteral("1")})
            << "256001";
        QTest::newRow("missing catalog file") << QStringList{QStringLiteral("cost"),
                                                             QStringLiteral("--catalog"),
                                                             QStringLiteral("/no/such/file.json"),
                                                             QStringLiteral("--model"),
                                                             seed,
                                                             QStringLiteral("--input-tokens"),
                                                             QStringLiteral("1"),
                                                             QStringLiteral("--output-tokens"),
                                                             QStringLiteral("1")}
                                              << "cannot read the catalog";
        QTest::newRow("stray argument")
            << base({QStringLiteral("--model"), seed, QStringLiteral("--input-tokens"), QStringLiteral("1"),
                     QStringLiteral("--output-tokens"), QStringLiteral("1"), QStringLiteral("extra")})
            << "unexpected argument";
    }
    void costRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        if ((message == QLatin1String("unknown model") || message == QLatin1String("no token price") ||
             message == QLatin1String("256001")) &&
            !catalogLoaderPresent())
            QSKIP("catalog::Catalog::fromJson cannot load the fixture yet");
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    // The same numbers from the catalog built into the binary.
    void costWithTheBundledCatalog_data() { goldenRows(false); }
    void costWithTheBundledCatalog()
    {
        QFETCH(QString, model);
        QFETCH(qint64, input);
        QFETCH(qint64, cached);
        QFETCH(qint64, output);
        QFETCH(QString, currency);
        QFETCH(QString, tier);
        QFETCH(qint64, amount);
        const CliRun run = runCli(costArgs(model, input, output, cached, false));
        if (run.exitCode != 0 && run.err.contains("unknown model"))
            QSKIP("the bundled catalog does not price this model yet");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().value(QLatin1String("currency")).toString(), currency);
        QCOMPARE(run.json().value(QLatin1String("tier")).toString(), tier);
        QCOMPARE(printedMicros(run.out, "amount"), std::optional<qint64>(amount));
    }

    void tokensExactFromTheApi()
    {
        const CliRun run = runCli({QStringLiteral("tokens"), QStringLiteral("--model"),
                                   QStringLiteral("doubao-seed-1-6-250615"), QStringLiteral("--base-url"),
                                   m_server->baseUrl().toString(), QStringLiteral("--json"),
                                   QStringLiteral("Hello, world! 你好")},
                                  true);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QLatin1String("model")).toString(), QStringLiteral("doubao-seed-1-6-250615"));
        QCOMPARE(json.value(QLatin1String("total_tokens")).toInteger(), 6); // Hello , world ! 你 好
        QCOMPARE(json.value(QLatin1String("exact")).toBool(), true);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().header("Authorization"), "Bearer " + kKey);
        QVERIFY(m_server->requests().first().path.endsWith("/tokenization"));

        const CliRun plain =
            runCli({QStringLiteral("tokens"), QStringLiteral("--model"), QStringLiteral("m"),
                    QStringLiteral("--base-url"), m_server->baseUrl().toString(), QStringLiteral("-")},
                   true, QByteArray("one two three"));
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(plain.out, QByteArray("3\n"));
    }

    void tokensOfflineIsTheEstimate()
    {
        const QString text = QStringLiteral("天空为什么是蓝色的？Rayleigh scattering.");
        const CliRun run = runCli({QStringLiteral("tokens"), QStringLiteral("--model"),
                                   QStringLiteral("doubao-seed-1-6-250615"), QStringLiteral("--base-url"),
                                   m_server->baseUrl().toString(), QStringLiteral("--offline"),
                                   QStringLiteral("--json"), text},
                                  true);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QLatin1String("exact")).toBool(true), false);
        QCOMPARE(json.value(QLatin1String("total_tokens")).toInteger(),
                 ark::pricing::estimateTextTokens(text));
        QVERIFY(!json.value(QLatin1String("note")).toString().isEmpty());
        QCOMPARE(m_server->requests().size(), 0);

        QStringList args{QStringLiteral("tokens"), QStringLiteral("--model"), QStringLiteral("m"),
                         QStringLiteral("--offline"), text};
        QCOMPARE(runCli(args).out,
                 QStringLiteral("≈%1\n").arg(ark::pricing::estimateTextTokens(text)).toUtf8());
    }

    void tokensWithoutAKeyIsTheEstimate()
    {
        const CliRun run = runCli({QStringLiteral("tokens"), QStringLiteral("--model"), QStringLiteral("m"),
                                   QStringLiteral("--base-url"), m_server->baseUrl().toString(),
                                   QStringLiteral("--json"), QStringLiteral("hello")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QLatin1String("exact")).toBool(true), false);
        QVERIFY(run.err.contains("ARK_API_KEY"));
        QCOMPARE(m_server->requests().size(), 0);
    }

    void tokensRefusedShowsTheEstimateAndFails()
    {
        m_server->enqueue(
            "/tokenization",
            ScriptedResponse::json(401, R"({"error":{"code":"AuthenticationError","message":"bad key"}})"));
        const CliRun run = runCli({QStringLiteral("tokens"), QStringLiteral("--model"), QStringLiteral("m"),
                                   QStringLiteral("--base-url"), m_server->baseUrl().toString(),
                                   QStringLiteral("--json"), QStringLiteral("hello")},
                                  true);
        QCOMPARE(run.exitCode, 3); // ExitRefused
        QCOMPARE(run.json().value(QLatin1String("exact")).toBool(true), false);
        QCOMPARE(run.json().value(QLatin1String("total_tokens")).toInteger(), 1);
        QVERIFY(run.err.startsWith("error: "));
    }

    void tokensForAProviderWithoutTheApiIsTheEstimate()
    {
        if (!catalogLoaderPresent())
            QSKIP("catalog::Catalog::fromJson cannot load the fixture yet");
        const CliRun run = runCli({QStringLiteral("tokens"), QStringLiteral("--catalog"), kFixture,
                                   QStringLiteral("--model"), QStringLiteral("fixture-usd-model"),
                                   QStringLiteral("--base-url"), m_server->baseUrl().toString(),
                                   QStringLiteral("--json"), QStringLiteral("hello")},
                                  true);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QLatin1String("exact")).toBool(true), false);
        QVERIFY(run.json().value(QLatin1String("note")).toString().contains(QLatin1String("anthropic")));
        QCOMPARE(m_server->requests().size(), 0);
    }

    void tokensRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no model") << QStringList{QStringLiteral("tokens"), QStringLiteral("hi")};
        QTest::newRow("no text") << QStringList{QStringLiteral("tokens"), QStringLiteral("--model"),
                                                QStringLiteral("m")};
        QTest::newRow("two texts") << QStringList{QStringLiteral("tokens"), QStringLiteral("--model"),
                                                  QStringLiteral("m"), QStringLiteral("a"),
                                                  QStringLiteral("b")};
        QTest::newRow("bad url") << QStringList{QStringLiteral("tokens"),  QStringLiteral("--model"),
                                                QStringLiteral("m"),       QStringLiteral("--base-url"),
                                                QStringLiteral("ftp://x"), QStringLiteral("a")};
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("tokens"), QStringLiteral("--model"), QStringLiteral("m"),
                           QStringLiteral("--frobnicate"), QStringLiteral("a")};
    }
    void tokensRefusals()
    {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args, true);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.startsWith("error: "));
    }

    void helpMentionsNoHiddenOption()
    {
        for (const QString& command : {QStringLiteral("cost"), QStringLiteral("tokens")}) {
            const CliRun run = runCli({command, QStringLiteral("--help")});
            QCOMPARE(run.exitCode, 0);
            QVERIFY(run.out.contains("usage: ark-workbench-cli " + command.toUtf8()));
            QVERIFY(!run.out.contains("--catalog"));
        }
    }
};

QTEST_GUILESS_MAIN(TstCli_cost)
#include "tst_cli_cost.moc"
