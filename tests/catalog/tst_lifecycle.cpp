// The lifecycle of a model at a given moment, travelling across every boundary the seeds publish:
// the five Ark retirement batches (seed 000), Anthropic's table (seed 002) and Krea's sunsets
// (seed 001). The dates come from the bundled catalog; the expected instants are written here from
// the seeds, so a wrong date in catalog.json fails a row.
#include "catalog/Catalog.h"
#include "catalog/Lifecycle.h"

#include <QtTest>

using namespace ark::catalog;

Q_DECLARE_METATYPE(ark::catalog::LifecycleState)

namespace {

QDateTime at(const char* iso)
{
    const QDateTime dateTime = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    Q_ASSERT(dateTime.isValid());
    return dateTime;
}

// One boundary, seen one second before, at the instant, and one second after.
void addBoundary(const char* label, const char* model, const char* boundary, LifecycleState before,
                 LifecycleState after)
{
    const QDateTime instant = at(boundary);
    const QByteArray name = QByteArray(label) + " " + model;
    QTest::newRow((name + " -1s").constData()) << QString::fromLatin1(model) << instant.addSecs(-1) << before;
    QTest::newRow((name + " at").constData()) << QString::fromLatin1(model) << instant << after;
    QTest::newRow((name + " +1s").constData()) << QString::fromLatin1(model) << instant.addSecs(1) << after;
}

} // namespace

class TstLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void boundaries_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<LifecycleState>("state");
        using S = LifecycleState;

        // Batch 5 (S0:56-85): notice 2025-09-15 (date only: 00:00 UTC+8), EOM 2025-09-22 00:00:00
        // UTC+8, EOS 2025-11-27 14:00 UTC+8 = 06:00 UTC.
        for (const char* model : {"doubao-pro-32k-241215", "deepseek-v3-241226", "kimi-k2-250711"}) {
            addBoundary("b5 notice", model, "2025-09-15T00:00:00+08:00", S::Active, S::Deprecated);
            addBoundary("b5 EOM", model, "2025-09-22T00:00:00+08:00", S::Deprecated, S::EndOfSale);
            addBoundary("b5 EOS", model, "2025-11-27T06:00:00Z", S::EndOfSale, S::Retired);
        }
        // Batch 4 (S0:87-111): notice = EOM = 2025-07-23, EOS 2025-08-07: no deprecated phase.
        addBoundary("b4 notice+EOM", "moonshot-v1-8k", "2025-07-23T00:00:00+08:00", S::Active, S::EndOfSale);
        addBoundary("b4 EOS", "moonshot-v1-8k", "2025-08-07T00:00:00+08:00", S::EndOfSale, S::Retired);
        // Batch 3 (S0:113-155): notice = EOM = 2025-06-30, EOS 2025-08-28.
        addBoundary("b3 notice+EOM", "doubao-pro-32k-240828", "2025-06-30T00:00:00+08:00", S::Active,
                    S::EndOfSale);
        addBoundary("b3 EOS", "doubao-pro-32k-240828", "2025-08-28T00:00:00+08:00", S::EndOfSale, S::Retired);
        // Batch 2 (S0:157-186): notice = EOM = 2025-01-10, EOS 2025-05-28.
        addBoundary("b2 notice+EOM", "glm3-130b", "2025-01-10T00:00:00+08:00", S::Active, S::EndOfSale);
        addBoundary("b2 EOS", "glm3-130b", "2025-05-28T00:00:00+08:00", S::EndOfSale, S::Retired);
        // Batch 1 (S0:188-238): notice 2024-09-30, EOM 2025-02-28, EOS 2025-04-15.
        addBoundary("b1 notice", "skylark2-pro-4k 1.2-1.3", "2024-09-30T00:00:00+08:00", S::Active,
                    S::Deprecated);
        addBoundary("b1 EOM", "skylark2-pro-4k 1.2-1.3", "2025-02-28T00:00:00+08:00", S::Deprecated,
                    S::EndOfSale);
        addBoundary("b1 EOS", "skylark2-pro-4k 1.2-1.3", "2025-04-15T00:00:00+08:00", S::EndOfSale,
                    S::Retired);
        // In two batches (catalog-notes I4): the earliest EOS (batch 1) applies.
        addBoundary("b1+b2 EOS", "doubao-lite-32k-240428", "2025-04-15T00:00:00+08:00", S::EndOfSale,
                    S::Retired);

        // Anthropic (S2, dates without a zone: 00:00 UTC). Opus 3: deprecated 2025-06-30, retires 2026-01-05.
        addBoundary("anthropic notice", "claude-3-opus-20240229", "2025-06-30T00:00:00Z", S::Active,
                    S::Deprecated);
        addBoundary("anthropic EOS", "claude-3-opus-20240229", "2026-01-05T00:00:00Z", S::Deprecated,
                    S::Retired);
        addBoundary("anthropic EOS", "claude-3-5-haiku-20241022", "2026-02-19T00:00:00Z", S::Deprecated,
                    S::Retired);
        addBoundary("anthropic retired", "claude-instant-1.2", "2024-11-06T00:00:00Z", S::Deprecated,
                    S::Retired);
        // "Not sooner than 2025-03-07" (S2:68) is never a retirement.
        QTest::newRow("anthropic not-sooner-than")
            << QStringLiteral("claude-3-haiku-20240307") << at("2030-01-01T00:00:00Z") << S::Active;

        // Krea (S1): no notice date, only the sunset; deprecated until then, 410 after.
        addBoundary("krea sunset", "video/bytedance/seedance-1.0-lite", "2026-04-27T00:00:00Z", S::Deprecated,
                    S::Retired);
        addBoundary("krea sunset", "image/bytedance/seedream-3", "2026-05-13T00:00:00Z", S::Deprecated,
                    S::Retired);

        // Only named as a replacement: nothing is known.
        QTest::newRow("external") << QStringLiteral("doubao-seed-1-6-251015") << at("2025-11-28T00:00:00Z")
                                  << S::Unknown;
    }

    void boundaries()
    {
        QFETCH(QString, model);
        QFETCH(QDateTime, now);
        QFETCH(LifecycleState, state);
        const ModelInfo* info = Catalog::bundled()->find(model);
        QVERIFY2(info, qPrintable(model));
        const LifecycleStatus status = lifecycleAt(info->lifecycle, now);
        QCOMPARE(stateId(status.state), stateId(state));
    }

    // What the endpoint does after EOS: switched to a named model, or shut down (seed 000 rows).
    void afterEos_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("autoReplaced");
        QTest::addColumn<QString>("servedBy");
        QTest::addColumn<QString>("recommended");

        QTest::newRow("b5 replace") << QStringLiteral("doubao-pro-32k-241215") << at("2025-11-27T06:00:00Z")
                                    << true << QStringLiteral("doubao-seed-1-6-251015")
                                    << QStringLiteral("doubao-seed-1-6-251015");
        // Batch 3 recommends one model and switches endpoints to another (S0:129).
        QTest::newRow("b3 two models")
            << QStringLiteral("doubao-pro-32k-240828") << at("2025-08-28T00:00:00+08:00") << true
            << QStringLiteral("doubao-1-5-pro-32k-250115") << QStringLiteral("doubao-seed-1-6-250615");
        QTest::newRow("b4 shutdown") << QStringLiteral("moonshot-v1-32k") << at("2025-08-07T00:00:00+08:00")
                                     << false << QString() << QStringLiteral("doubao-seed-1-6-250615");
        QTest::newRow("b3 seaweed shutdown")
            << QStringLiteral("doubao-seaweed-241128") << at("2025-08-28T00:00:00+08:00") << false
            << QString() << QStringLiteral("doubao-seedance-1-0-pro-250528");
        QTest::newRow("b3 not forced")
            << QStringLiteral("doubao-embedding-text-240515") << at("2025-08-28T00:00:00+08:00") << false
            << QString() << QStringLiteral("doubao-embedding-vision-250615");
        QTest::newRow("b1 shutdown") << QStringLiteral("mistral-7b-instruct-v0.2")
                                     << at("2025-04-15T00:00:00+08:00") << false << QString() << QString();
        QTest::newRow("anthropic fails")
            << QStringLiteral("claude-2.1") << at("2025-07-21T00:00:00Z") << false << QString()
            << QStringLiteral("claude-sonnet-4-5-20250929");
        QTest::newRow("krea 410") << QStringLiteral("video/openai/sora-2") << at("2026-04-27T00:00:00Z")
                                  << false << QString() << QString();
    }

    void afterEos()
    {
        QFETCH(QString, model);
        QFETCH(QDateTime, now);
        QFETCH(bool, autoReplaced);
        QFETCH(QString, servedBy);
        QFETCH(QString, recommended);
        const ModelInfo* info = Catalog::bundled()->find(model);
        QVERIFY2(info, qPrintable(model));
        const LifecycleStatus status = lifecycleAt(info->lifecycle, now);
        QCOMPARE(status.state, LifecycleState::Retired);
        QCOMPARE(status.autoReplaced, autoReplaced);
        QCOMPARE(status.autoReplacement, servedBy);
        QCOMPARE(status.replacement, recommended);
        // One second earlier nothing is switched yet.
        QVERIFY(!lifecycleAt(info->lifecycle, now.addSecs(-1)).autoReplaced);
    }

    void legacyAndUnknown()
    {
        LifecycleInfo legacy;
        legacy.legacy = true;
        QCOMPARE(lifecycleAt(legacy, at("2025-01-01T00:00:00Z")).state, LifecycleState::Legacy);
        legacy.notice = at("2025-06-01T00:00:00Z");
        legacy.eos = at("2025-09-01T00:00:00Z");
        QCOMPARE(lifecycleAt(legacy, at("2025-05-31T23:59:59Z")).state, LifecycleState::Legacy);
        QCOMPARE(lifecycleAt(legacy, at("2025-06-01T00:00:00Z")).state, LifecycleState::Deprecated);
        QCOMPARE(lifecycleAt(legacy, at("2025-09-01T00:00:00Z")).state, LifecycleState::Retired);

        LifecycleInfo unknown;
        unknown.unknown = true;
        unknown.eos = at("2025-09-01T00:00:00Z");
        QCOMPARE(lifecycleAt(unknown, at("2026-01-01T00:00:00Z")).state, LifecycleState::Unknown);
        QCOMPARE(lifecycleAt(LifecycleInfo{}, QDateTime()).state, LifecycleState::Unknown);
        QCOMPARE(lifecycleAt(LifecycleInfo{}, at("2026-01-01T00:00:00Z")).state, LifecycleState::Active);
    }

    // The next boundary after now, whatever zone now is written in.
    void nextDate()
    {
        const ModelInfo* info = Catalog::bundled()->find(QStringLiteral("doubao-pro-32k-241215"));
        QVERIFY(info);
        QCOMPARE(lifecycleAt(info->lifecycle, at("2025-09-01T00:00:00Z")).nextDate,
                 at("2025-09-15T00:00:00+08:00"));
        QCOMPARE(lifecycleAt(info->lifecycle, at("2025-09-16T12:00:00-05:00")).nextDate,
                 at("2025-09-22T00:00:00+08:00"));
        QCOMPARE(lifecycleAt(info->lifecycle, at("2025-11-27T05:59:59Z")).nextDate,
                 at("2025-11-27T14:00:00+08:00"));
        QVERIFY(!lifecycleAt(info->lifecycle, at("2025-11-27T06:00:00Z")).nextDate.isValid());
    }

    void formatInZone_data()
    {
        QTest::addColumn<QDateTime>("dateTime");
        QTest::addColumn<QString>("text");
        QTest::newRow("ark EOS") << at("2025-11-27T14:00:00+08:00")
                                 << QStringLiteral("2025-11-27 14:00 UTC+8");
        QTest::newRow("utc") << at("2026-04-27T00:00:00Z") << QStringLiteral("2026-04-27 00:00 UTC");
        QTest::newRow("half hour") << at("2025-01-01T09:30:00+05:30")
                                   << QStringLiteral("2025-01-01 09:30 UTC+5:30");
        QTest::newRow("west") << at("2025-01-01T09:30:00-03:00") << QStringLiteral("2025-01-01 09:30 UTC-3");
        QTest::newRow("seconds") << at("2025-01-01T09:30:15+08:00")
                                 << QStringLiteral("2025-01-01 09:30:15 UTC+8");
        QTest::newRow("invalid") << QDateTime() << QString();
    }

    void formatInZone()
    {
        QFETCH(QDateTime, dateTime);
        QFETCH(QString, text);
        QCOMPARE(ark::catalog::formatInZone(dateTime), text);
    }

    // The words a badge shows (issue 5: "retires in 4 days — 2025-11-27 14:00 UTC+8").
    void describe_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("text");
        const QString model = QStringLiteral("doubao-pro-32k-241215");
        QTest::newRow("active") << model << at("2025-09-01T00:00:00+08:00")
                                << QStringLiteral("active; deprecation announced for 2025-09-15 00:00 UTC+8; "
                                                  "upgrade to doubao-seed-1-6-251015 recommended");
        QTest::newRow("deprecated") << model << at("2025-09-20T00:00:00+08:00")
                                    << QStringLiteral(
                                           "deprecated — end of sale 2025-09-22 00:00 UTC+8; retires in "
                                           "68 days — 2025-11-27 14:00 UTC+8");
        QTest::newRow("4 days") << model << at("2025-11-23T14:00:00+08:00")
                                << QStringLiteral(
                                       "end of sale since 2025-09-22 00:00 UTC+8; retires in 4 days — "
                                       "2025-11-27 14:00 UTC+8");
        QTest::newRow("1 day") << model << at("2025-11-26T13:00:00+08:00")
                               << QStringLiteral(
                                      "end of sale since 2025-09-22 00:00 UTC+8; retires in 1 day — "
                                      "2025-11-27 14:00 UTC+8");
        QTest::newRow("hours") << model << at("2025-11-27T02:59:59Z")
                               << QStringLiteral(
                                      "end of sale since 2025-09-22 00:00 UTC+8; retires in 3 hours — "
                                      "2025-11-27 14:00 UTC+8");
        QTest::newRow("retired auto") << model << at("2025-11-27T06:00:00Z")
                                      << QStringLiteral("retired — replaced by doubao-seed-1-6-251015");
        QTest::newRow("retired fails")
            << QStringLiteral("moonshot-v1-8k") << at("2025-09-01T00:00:00Z")
            << QStringLiteral("retired since 2025-08-07 00:00 UTC+8 — requests fail; "
                              "switch to doubao-seed-1-6-250615");
        QTest::newRow("krea") << QStringLiteral("video/bytedance/seedance-1.0-lite")
                              << at("2026-04-20T00:00:00Z")
                              << QStringLiteral("retires in 7 days — 2026-04-27 00:00 UTC");
        QTest::newRow("upgrade") << QStringLiteral("doubao-1-5-pro-32k-250115") << at("2026-01-01T00:00:00Z")
                                 << QStringLiteral("active; upgrade to doubao-seed-1-6-250615 recommended");
    }

    void describe()
    {
        QFETCH(QString, model);
        QFETCH(QDateTime, now);
        QFETCH(QString, text);
        const auto catalog = Catalog::bundled();
        QCOMPARE(describeStatus(catalog->statusAt(model, now), now), text);
    }

    void stateIds()
    {
        QCOMPARE(stateId(LifecycleState::EndOfSale), QStringLiteral("end-of-sale"));
        QCOMPARE(stateId(LifecycleState::Legacy), QStringLiteral("legacy"));
        QCOMPARE(stateDisplayName(LifecycleState::Retired), QStringLiteral("Retired"));
    }
};

QTEST_GUILESS_MAIN(TstLifecycle)
#include "tst_lifecycle.moc"
