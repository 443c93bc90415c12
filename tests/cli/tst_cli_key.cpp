// `ark-workbench-cli key set|status|delete` as a person or a script runs it: a real process, the key on
// standard input, a real Secret Service (the sandbox of tests/with-keyring.sh).
#include "secrets/KeyStore.h"

#include <QFileInfo>
#include <QProcess>
#include <QUuid>
#include <QtTest>

using ark::secrets::KeyStore;
using Status = ark::secrets::KeyResult::Status;

namespace {

constexpr int kSafetyMs = 60000; // a safety limit for waits, never a measured expectation
const QString kCli = QStringLiteral(ARK_CLI_PATH);

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& args, const QByteArray& input,
              const QList<QPair<QString, QString>>& extraEnv = {})
{
    CliRun run;
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ARK_API_KEY"));
    for (const auto& [name, value] : extraEnv)
        env.insert(name, value);
    cli.setProcessEnvironment(env);
    cli.start(kCli, QStringList{QStringLiteral("key")} + args);
    if (!cli.waitForStarted(kSafetyMs))
        return run;
    cli.write(input);
    cli.closeWriteChannel();
    if (!cli.waitForFinished(kSafetyMs)) {
        cli.kill();
        cli.waitForFinished(kSafetyMs);
        return run;
    }
    run.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    run.out = QString::fromUtf8(cli.readAllStandardOutput());
    run.err = QString::fromUtf8(cli.readAllStandardError());
    return run;
}

QString freshKey()
{
    return QStringLiteral("test-cli-key-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Neither output stream may hold the key, nor any run of more than its last four characters.
bool revealsKey(const CliRun& run, const QString& key)
{
    const QString tooMuch = key.right(5);
    return run.out.contains(tooMuch) || run.err.contains(tooMuch);
}

QString describe(const CliRun& run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(run.exitCode).arg(run.out, run.err);
}

const QList<QPair<QString, QString>> kNoBus = {
    {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}};

} // namespace

class TestCliKey : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // These tests write into the session's keychain: only ever the sandbox of tests/with-keyring.sh.
        const QString sandbox = qEnvironmentVariable("ARK_KEYRING_SANDBOX");
        QVERIFY2(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty() && !sandbox.isEmpty() &&
                     QDir::homePath().startsWith(sandbox + QLatin1Char('/')),
                 "No throw-away Secret Service. Run it via tests/with-keyring.sh, e.g. "
                 "tests/with-keyring.sh env QT_QPA_PLATFORM=offscreen build/bin/tst_cli_key");
        QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli));
    }

    void cleanup()
    {
        KeyStore store;
        for (const QString& provider : {QStringLiteral("ark"), QStringLiteral("my-provider_2")})
            store.deleteKeySync(provider);
    }

    void setStatusDelete_data()
    {
        QTest::addColumn<QStringList>("providerArgs");
        QTest::addColumn<QString>("provider");
        QTest::newRow("default provider") << QStringList() << QStringLiteral("ark");
        QTest::newRow("--provider NAME")
            << QStringList{QStringLiteral("--provider"), QStringLiteral("my-provider_2")}
            << QStringLiteral("my-provider_2");
        QTest::newRow("--provider=NAME")
            << QStringList{QStringLiteral("--provider=my-provider_2")} << QStringLiteral("my-provider_2");
    }

    void setStatusDelete()
    {
        QFETCH(QStringList, providerArgs);
        QFETCH(QString, provider);
        const QString key = freshKey();
        const QString mask = QStringLiteral("****") + key.right(4);

        // Surrounding blanks and the line end are not part of the key.
        CliRun run =
            runCli(QStringList{QStringLiteral("set")} + providerArgs, "  " + key.toUtf8() + "  \r\n");
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(
            run.out,
            QStringLiteral("Key for provider %1 stored in the system keychain (%2).\n").arg(provider, mask));
        QVERIFY2(!revealsKey(run, key), qPrintable(describe(run)));
        const auto stored = KeyStore().readKeySync(provider);
        QCOMPARE(stored.status, Status::Ok);
        QCOMPARE(stored.key, key);

        run = runCli(QStringList{QStringLiteral("status")} + providerArgs, QByteArray());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(mask), qPrintable(describe(run)));
        QVERIFY2(run.out.contains(provider), qPrintable(describe(run)));
        QVERIFY2(!revealsKey(run, key), qPrintable(describe(run)));
        QVERIFY(run.err.isEmpty());

        run = runCli(QStringList{QStringLiteral("delete")} + providerArgs, QByteArray());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(!revealsKey(run, key), qPrintable(describe(run)));
        QCOMPARE(KeyStore().readKeySync(provider).status, Status::NotFound);

        run = runCli(QStringList{QStringLiteral("status")} + providerArgs, QByteArray());
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY(!run.out.contains(QLatin1String("****")));

        run = runCli(QStringList{QStringLiteral("delete")} + providerArgs, QByteArray()); // nothing to delete
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    }

    void setOverwritesAndProvidersAreSeparate()
    {
        const QString first = freshKey();
        const QString second = freshKey();
        const QString other = freshKey();
        QCOMPARE(runCli({QStringLiteral("set")}, first.toUtf8()).exitCode, 0);
        QCOMPARE(
            runCli({QStringLiteral("set"), QStringLiteral("--provider"), QStringLiteral("my-provider_2")},
                   other.toUtf8())
                .exitCode,
            0);
        QCOMPARE(runCli({QStringLiteral("set")}, second.toUtf8() + "\n").exitCode, 0);

        const CliRun run = runCli({QStringLiteral("status")}, QByteArray());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("****") + second.right(4)), qPrintable(describe(run)));
        QCOMPARE(KeyStore().readKeySync(QStringLiteral("ark")).key, second);
        QCOMPARE(KeyStore().readKeySync(QStringLiteral("my-provider_2")).key, other);
    }

    void shortKeyShowsNoCharacters()
    {
        QCOMPARE(runCli({QStringLiteral("set")}, "k1234567\n").exitCode, 0);
        const CliRun run = runCli({QStringLiteral("status")}, QByteArray());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("(****)")), qPrintable(describe(run)));
        QVERIFY(!run.out.contains(QLatin1String("4567")));
    }

    void badCommandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no action") << QStringList();
        QTest::newRow("unknown action") << QStringList{QStringLiteral("show")};
        QTest::newRow("uppercase provider")
            << QStringList{QStringLiteral("set"), QStringLiteral("--provider"), QStringLiteral("Ark")};
        QTest::newRow("provider with a slash")
            << QStringList{QStringLiteral("status"), QStringLiteral("--provider=ark/x")};
        QTest::newRow("provider with a space")
            << QStringList{QStringLiteral("delete"), QStringLiteral("--provider"), QStringLiteral("my ark")};
        QTest::newRow("empty provider") << QStringList{QStringLiteral("set"), QStringLiteral("--provider=")};
        QTest::newRow("provider name missing")
            << QStringList{QStringLiteral("set"), QStringLiteral("--provider")};
        QTest::newRow("key as an argument")
            << QStringList{QStringLiteral("set"), QStringLiteral("sk-given-here")};
    }

    void badCommandLine()
    {
        QFETCH(QStringList, args);
        const QString key = freshKey();
        const CliRun run = runCli(args, key.toUtf8() + "\n");
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains(QLatin1String("error:")));
        QVERIFY2(!revealsKey(run, key), qPrintable(describe(run)));
        QVERIFY(!run.err.contains(QLatin1String("sk-given-here"))); // a misplaced key is not echoed either
        QCOMPARE(KeyStore().readKeySync(QStringLiteral("ark")).status, Status::NotFound);
    }

    void emptyInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("end of input") << QByteArray();
        QTest::newRow("empty line") << QByteArray("\n");
        QTest::newRow("blank line") << QByteArray(" \t \r\n");
        QTest::newRow("key only on the second line") << QByteArray("\ntest-cli-key-on-line-two\n");
    }

    void emptyInput()
    {
        QFETCH(QByteArray, input);
        const CliRun run = runCli({QStringLiteral("set")}, input);
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains(QLatin1String("standard input")));
        QCOMPARE(KeyStore().readKeySync(QStringLiteral("ark")).status, Status::NotFound);
    }

    void noKeychain_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("set") << QStringLiteral("set");
        QTest::newRow("status") << QStringLiteral("status");
        QTest::newRow("delete") << QStringLiteral("delete");
    }

    void noKeychain()
    {
        QFETCH(QString, action);
        const QString key = freshKey();
        const CliRun run = runCli({action}, key.toUtf8() + "\n", kNoBus);
        QVERIFY2(run.exitCode == 6, qPrintable(describe(run)));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QLatin1String("gnome-keyring")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QLatin1String("ARK_API_KEY")), qPrintable(describe(run)));
        QVERIFY2(!revealsKey(run, key), qPrintable(describe(run)));
        QCOMPARE(KeyStore().readKeySync(QStringLiteral("ark")).status, Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCliKey)
#include "tst_cli_key.moc"
