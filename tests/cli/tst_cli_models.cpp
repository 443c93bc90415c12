// `ark-workbench-cli models` as a person or a script runs it (a real process), travelling across the
// boundaries of Ark batch 5 (seed 000: EOM 2025-09-22 00:00:00 UTC+8, EOS 2025-11-27 14:00 UTC+8) and
// of Anthropic's table, plus the warning line `chat` prints for a retiring model.
#include "catalog/Catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

// lifecycleWarning() lives in the CLI executable, not in a library: compile it into this test.
#include "cli/CliOptions.cpp"
#include "cli/ModelsCommand.cpp"

namespace {

constexpr int kSafetyMs = 60000; // a safety limit for waits, never a measured expectation
const QString kCli = QStringLiteral(ARK_CLI_PATH);

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runModelsCli(const QStringList& args)
{
    CliRun run;
    QProcess cli;
    cli.start(kCli, QStringList{QStringLiteral("models")} + args);
    if (!cli.waitForStarted(kSafetyMs) || !cli.waitForFinished(kSafetyMs)) {
        cli.kill();
        cli.waitForFinished(kSafetyMs);
        return run;
    }
    run.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    run.out = QString::fromUtf8(cli.readAllStandardOutput());
    run.err = QString::fromUtf8(cli.readAllStandardError());
    return run;
}

QString describe(const CliRun& run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(run.out.left(2000), run.err);
}

// The JSON rows of one run, by id.
QHash<QString, QJsonObject> rowsOf(const CliRun& run, bool* ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    *ok = error.error == QJsonParseError::NoError && document.isArray();
    QHash<QString, QJsonObject> rows;
    const QJsonArray array = document.array();
    for (const QJsonValue& value : array)
        rows.insert(value.toObject().value(QLatin1String("id")).toString(), value.toObject());
    return rows;
}

QDateTime at(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

class TstCliModels : public QObject
{
    Q_OBJECT

private slots:
    // --at YYYY-MM-DD is 00:00 of that day in the provider's zone (UTC+8 for Ark, UTC for Anthropic);
    // a date-time with an offset is one exact instant.
    void statesAcrossBoundaries_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("state");
        const QString b5 = QStringLiteral("doubao-pro-32k-241215");
        QTest::newRow("before notice") << QStringLiteral("2025-09-14") << b5 << QStringLiteral("active");
        QTest::newRow("notice day") << QStringLiteral("2025-09-15") << b5 << QStringLiteral("deprecated");
        QTest::newRow("day before EOM") << QStringLiteral("2025-09-21") << b5 << QStringLiteral("deprecated");
        QTest::newRow("EOM -1s") << QStringLiteral("2025-09-21T23:59:59+08:00") << b5
                                 << QStringLiteral("deprecated");
        QTest::newRow("EOM in UTC") << QStringLiteral("2025-09-21T16:00:00Z") << b5
                                    << QStringLiteral("end-of-sale");
        QTest::newRow("EOM day") << QStringLiteral("2025-09-22") << b5 << QStringLiteral("end-of-sale");
        QTest::newRow("EOS day, before 14:00")
            << QStringLiteral("2025-11-27") << b5 << QStringLiteral("end-of-sale");
        QTest::newRow("EOS -1s") << QStringLiteral("2025-11-27T13:59:59+08:00") << b5
                                 << QStringLiteral("end-of-sale");
        QTest::newRow("EOS = 06:00 UTC")
            << QStringLiteral("2025-11-27T06:00:00Z") << b5 << QStringLiteral("retired");
        QTest::newRow("day after EOS") << QStringLiteral("2025-11-28") << b5 << QStringLiteral("retired");
        // A date-only Ark EOS (batch 3, 2025-08-28) is reached at the start of that day.
        QTest::newRow("b3 day before")
            << QStringLiteral("2025-08-27") << QStringLiteral("doubao-pro-32k-240828")
            << QStringLiteral("end-of-sale");
        QTest::newRow("b3 EOS day") << QStringLiteral("2025-08-28") << QStringLiteral("doubao-pro-32k-240828")
                                    << QStringLiteral("retired");
        QTest::newRow("anthropic deprecated")
            << QStringLiteral("2026-01-04") << QStringLiteral("claude-3-opus-20240229")
            << QStringLiteral("deprecated");
        QTest::newRow("anthropic retired")
            << QStringLiteral("2026-01-05") << QStringLiteral("claude-3-opus-20240229")
            << QStringLiteral("retired");
        QTest::newRow("external") << QStringLiteral("2025-10-01") << QStringLiteral("doubao-seed-1-6-251015")
                                  << QStringLiteral("unknown");
    }

    void statesAcrossBoundaries()
    {
        QFETCH(QString, at);
        QFETCH(QString, model);
        QFETCH(QString, state);
        const CliRun run =
            runModelsCli({QStringLiteral("--at"), at, QStringLiteral("--all"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        bool ok = false;
        const auto rows = rowsOf(run, &ok);
        QVERIFY2(ok, qPrintable(describe(run)));
        QVERIFY2(rows.contains(model), qPrintable(model));
        QCOMPARE(rows.value(model).value(QLatin1String("state")).toString(), state);

        // The text listing says the same.
        const CliRun text = runModelsCli({QStringLiteral("--at=") + at, QStringLiteral("--all")});
        QCOMPARE(text.exitCode, 0);
        const QStringList lines = text.out.split(QLatin1Char('\n'));
        const auto line = std::find_if(lines.begin(), lines.end(), [&](const QString& l) {
            return l.startsWith(model + QLatin1Char(' '));
        });
        QVERIFY2(line != lines.end(), qPrintable(text.out.left(2000)));
        QVERIFY2(line->split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(state), qPrintable(*line));
    }

    void jsonFields()
    {
        const CliRun run =
            runModelsCli({QStringLiteral("--json"), QStringLiteral("--at"), QStringLiteral("2025-11-23"),
                          QStringLiteral("--provider"), QStringLiteral("volcengine-ark")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        bool ok = false;
        const auto rows = rowsOf(run, &ok);
        QVERIFY(ok);
        const QJsonObject b5 = rows.value(QStringLiteral("doubao-pro-32k-241215"));
        QCOMPARE(b5.value(QLatin1String("provider")).toString(), QStringLiteral("volcengine-ark"));
        QCOMPARE(b5.value(QLatin1String("kind")).toString(), QStringLiteral("chat"));
        QCOMPARE(b5.value(QLatin1String("state")).toString(), QStringLiteral("end-of-sale"));
        QCOMPARE(b5.value(QLatin1String("notice")).toString(), QStringLiteral("2025-09-15T00:00:00+08:00"));
        QCOMPARE(b5.value(QLatin1String("eom")).toString(), QStringLiteral("2025-09-22T00:00:00+08:00"));
        QCOMPARE(b5.value(QLatin1String("eos")).toString(), QStringLiteral("2025-11-27T14:00:00+08:00"));
        QCOMPARE(b5.value(QLatin1String("replacement")).toString(), QStringLiteral("doubao-seed-1-6-251015"));
        QCOMPARE(b5.value(QLatin1String("auto_replaced")).toBool(), false);
        QVERIFY(b5.value(QLatin1String("auto_replacement")).isNull());
        QVERIFY(
            b5.value(QLatin1String("description")).toString().contains(QStringLiteral("retires in 4 days")));

        const QJsonObject active = rows.value(QStringLiteral("doubao-seed-1-6-250615"));
        QCOMPARE(active.value(QLatin1String("state")).toString(), QStringLiteral("active"));
        QCOMPARE(active.value(QLatin1String("kind")).toString(), QStringLiteral("reasoning"));
        for (const char* key : {"notice", "eom", "eos", "replacement"})
            QVERIFY2(active.value(QLatin1String(key)).isNull(), key);

        for (const QJsonObject& row : rows)
            QCOMPARE(row.value(QLatin1String("provider")).toString(), QStringLiteral("volcengine-ark"));
    }

    void retiredOnlyWithAll()
    {
        const QStringList base = {QStringLiteral("--json"), QStringLiteral("--at"),
                                  QStringLiteral("2025-11-28")};
        bool ok = false;
        const auto shown = rowsOf(runModelsCli(base), &ok);
        QVERIFY(ok);
        const auto all = rowsOf(runModelsCli(base + QStringList{QStringLiteral("--all")}), &ok);
        QVERIFY(ok);
        QVERIFY(!shown.contains(QStringLiteral("doubao-pro-32k-241215")));
        QVERIFY(all.contains(QStringLiteral("doubao-pro-32k-241215")));
        for (const QJsonObject& row : shown)
            QVERIFY(row.value(QLatin1String("state")).toString() != QLatin1String("retired"));
        QCOMPARE(all.size(), 148);
        const QJsonObject retired = all.value(QStringLiteral("doubao-pro-32k-241215"));
        QCOMPARE(retired.value(QLatin1String("auto_replaced")).toBool(), true);
        QCOMPARE(retired.value(QLatin1String("auto_replacement")).toString(),
                 QStringLiteral("doubao-seed-1-6-251015"));
        // Shut down at EOS (seed 000, batch 4): nothing serves the calls.
        const QJsonObject moonshot = all.value(QStringLiteral("moonshot-v1-8k"));
        QCOMPARE(moonshot.value(QLatin1String("auto_replaced")).toBool(), false);
        QCOMPARE(moonshot.value(QLatin1String("eos")).toString(),
                 QStringLiteral("2025-08-07T00:00:00+08:00"));
    }

    void providerFilter_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("count");
        QTest::newRow("anthropic") << QStringLiteral("anthropic") << QStringLiteral("anthropic") << 22;
        QTest::newRow("krea") << QStringLiteral("krea") << QStringLiteral("krea") << 8;
        QTest::newRow("ark alias") << QStringLiteral("ark") << QStringLiteral("volcengine-ark") << 118;
    }

    void providerFilter()
    {
        QFETCH(QString, provider);
        QFETCH(QString, expected);
        QFETCH(int, count);
        const CliRun run = runModelsCli(
            {QStringLiteral("--provider"), provider, QStringLiteral("--all"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        bool ok = false;
        const auto rows = rowsOf(run, &ok);
        QVERIFY(ok);
        QCOMPARE(rows.size(), count);
        for (const QJsonObject& row : rows)
            QCOMPARE(row.value(QLatin1String("provider")).toString(), expected);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad month") << QStringList{QStringLiteral("--at"), QStringLiteral("2025-13-01")}
                                   << QStringLiteral("invalid date");
        QTest::newRow("bad day") << QStringList{QStringLiteral("--at=2025-02-30")}
                                 << QStringLiteral("invalid date");
        QTest::newRow("words") << QStringList{QStringLiteral("--at"), QStringLiteral("tomorrow")}
                               << QStringLiteral("invalid date");
        QTest::newRow("no offset") << QStringList{QStringLiteral("--at"),
                                                  QStringLiteral("2025-11-27T14:00:00")}
                                   << QStringLiteral("invalid date");
        QTest::newRow("missing date") << QStringList{QStringLiteral("--at")} << QStringLiteral("--at needs");
        QTest::newRow("unknown provider")
            << QStringList{QStringLiteral("--provider"), QStringLiteral("openai")}
            << QStringLiteral("unknown provider");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--retired")} << QStringLiteral("unexpected argument");
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = runModelsCli(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(describe(run)));
        QVERIFY(run.err.contains(QStringLiteral("usage: ark-workbench-cli models")));
        QVERIFY(run.out.isEmpty());
    }

    void help()
    {
        const CliRun run = runModelsCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("--at DATE")));
        QVERIFY(run.out.contains(QStringLiteral("UTC+8")));
    }

    // The line `chat` prints on standard error (issue 5: naming the date and the replacement).
    void warningLine_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("active") << QStringLiteral("doubao-seed-1-6-250615") << at("2025-11-23T00:00:00Z")
                                << QStringList();
        QTest::newRow("unknown id") << QStringLiteral("ep-20250101-abcde") << at("2025-11-23T00:00:00Z")
                                    << QStringList();
        QTest::newRow("deprecated") << QStringLiteral("doubao-pro-32k-241215") << at("2025-09-16T00:00:00Z")
                                    << QStringList{QStringLiteral("deprecated"),
                                                   QStringLiteral("2025-11-27 14:00 UTC+8"),
                                                   QStringLiteral("doubao-seed-1-6-251015")};
        QTest::newRow("end of sale") << QStringLiteral("doubao-pro-32k-241215") << at("2025-11-27T05:59:59Z")
                                     << QStringList{QStringLiteral("end of sale"),
                                                    QStringLiteral("2025-09-22 00:00 UTC+8"),
                                                    QStringLiteral("2025-11-27 14:00 UTC+8"),
                                                    QStringLiteral("doubao-seed-1-6-251015")};
        QTest::newRow("retired, switched")
            << QStringLiteral("doubao-1.5-pro-256k-250115") << at("2025-11-27T06:00:00Z")
            << QStringList{QStringLiteral("retired on 2025-11-27 14:00 UTC+8"),
                           QStringLiteral("served by doubao-seed-1-6-251015")};
        QTest::newRow("retired, shut down")
            << QStringLiteral("Moonshot-v1-8k") << at("2025-12-01T00:00:00Z")
            << QStringList{QStringLiteral("retired on 2025-08-07 00:00 UTC+8"), QStringLiteral("fail"),
                           QStringLiteral("doubao-seed-1-6-250615")};
    }

    void warningLine()
    {
        QFETCH(QString, model);
        QFETCH(QDateTime, now);
        QFETCH(QStringList, mentions);
        const QString line = ark::cli::lifecycleWarning(*ark::catalog::Catalog::bundled(), model, now);
        if (mentions.isEmpty()) {
            QCOMPARE(line, QString());
            return;
        }
        QVERIFY2(line.startsWith(QStringLiteral("warning: ")), qPrintable(line));
        QVERIFY(line.endsWith(QLatin1Char('\n')));
        QCOMPARE(line.count(QLatin1Char('\n')), 1);
        for (const QString& mention : mentions)
            QVERIFY2(line.contains(mention), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TstCliModels)
#include "tst_cli_models.moc"
