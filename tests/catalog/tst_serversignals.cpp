// ServerSignals: runtime deprecation signals (headers, 410 bodies) stored per model with when they
// were seen, merged over time, persisted in a small JSON file.
#include "catalog/ServerSignals.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ark;
using namespace ark::catalog;

namespace {

api::DeprecationNotice kreaHeaders()
{
    return api::DeprecationParser::fromHeaders(
        {{"Deprecation", "true"},
         {"Sunset", "Mon, 27 Apr 2026 00:00:00 GMT"},
         {"Link", "<https://docs.krea.ai/developers/deprecations#seedance-1-0-lite>; rel=\"deprecation\"; "
                  "type=\"text/html\""}});
}

api::DeprecationNotice kreaGone()
{
    return api::DeprecationParser::fromGoneBody(
        R"({"error": "model_unavailable", "reason": "deprecated",
            "message": "The model 'video/bytedance/seedance-1.0-lite' was deprecated on 2026-04-27.",
            "sunset_date": "2026-04-27", "replacement": "video/bytedance/seedance-1.0-pro-fast",
            "migration_url": "https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"})");
}

const QDateTime kUtc8Zone(QDate(2026, 1, 1), QTime(0, 0), Qt::OffsetFromUTC, 8 * 3600);

} // namespace

class TstServerSignals : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("tst_serversignals"));
        QVERIFY(m_dir.isValid());
    }

    void defaultPathIsAppData()
    {
        QVERIFY(ServerSignals::defaultPath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(ServerSignals::defaultPath().endsWith(QStringLiteral("server-signals.json")));
    }

    void recordsHeaders()
    {
        const QString path = m_dir.filePath(QStringLiteral("headers.json"));
        ServerSignals store(path);
        QSignalSpy changed(&store, &ServerSignals::changed);
        const QDateTime seen(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);
        QVERIFY(store.record(QStringLiteral("video/bytedance/seedance-1.0-lite"), kreaHeaders(), seen));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("video/bytedance/seedance-1.0-lite"));

        // Matched the way the catalog matches ids.
        const std::optional<ServerSignal> signal =
            store.signalFor(QStringLiteral("Video/ByteDance/Seedance-1-0-Lite"));
        QVERIFY(signal);
        QCOMPARE(signal->firstSeen, seen);
        QCOMPARE(signal->lastSeen, seen);
        QVERIFY(!signal->gone);
        QCOMPARE(signal->sunset, QDateTime(QDate(2026, 4, 27), QTime(0, 0), Qt::UTC));
        QCOMPARE(signal->link,
                 QStringLiteral("https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"));
        QVERIFY(!store.contains(QStringLiteral("video/bytedance/seedance-1.0-pro")));

        const QString text = signal->describe(kUtc8Zone);
        QVERIFY2(text.startsWith(QStringLiteral("server reported deprecation on 2026-03-02 17:30 UTC+8")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sunset 2026-04-27 08:00 UTC+8")), qPrintable(text));
        QVERIFY2(text.contains(
                     QStringLiteral("see https://docs.krea.ai/developers/deprecations#seedance-1-0-lite")),
                 qPrintable(text));
        QVERIFY(signal->describe(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC))
                    .contains(QStringLiteral("on 2026-03-02 09:30 UTC;")));

        // The same headers on every later response: nothing new, no write, no signal.
        QVERIFY(store.record(QStringLiteral("video/bytedance/seedance-1.0-lite"), kreaHeaders(),
                             seen.addDays(1)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.signalFor(QStringLiteral("video/bytedance/seedance-1.0-lite"))->firstSeen, seen);
        QCOMPARE(store.signalFor(QStringLiteral("video/bytedance/seedance-1.0-lite"))->lastSeen,
                 seen.addDays(1));

        // Persisted and read back by another instance.
        ServerSignals reread(path);
        const std::optional<ServerSignal> again =
            reread.signalFor(QStringLiteral("video/bytedance/seedance-1.0-lite"));
        QVERIFY(again);
        QCOMPARE(again->firstSeen, seen);
        QCOMPARE(again->sunset, signal->sunset);
        QCOMPARE(again->link, signal->link);
    }

    void recordsGone()
    {
        ServerSignals store(m_dir.filePath(QStringLiteral("gone.json")));
        const QDateTime first(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);
        const QDateTime gone(QDate(2026, 4, 28), QTime(1, 0), Qt::UTC);
        const QString model = QStringLiteral("video/bytedance/seedance-1.0-lite");
        QVERIFY(store.record(model, kreaHeaders(), first));
        QVERIFY(store.record(model, kreaGone(), gone));

        std::optional<ServerSignal> signal = store.signalFor(model);
        QVERIFY(signal);
        QVERIFY(signal->gone);
        QCOMPARE(signal->goneSeen, gone);
        QCOMPARE(signal->firstSeen, first);
        QCOMPARE(signal->errorCode, QStringLiteral("model_unavailable"));
        QCOMPARE(signal->replacement, QStringLiteral("video/bytedance/seedance-1.0-pro-fast"));
        QCOMPARE(signal->migrationUrl,
                 QStringLiteral("https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"));
        // Merged: the headers' link and sunset survive a body that carries other fields.
        QCOMPARE(signal->link,
                 QStringLiteral("https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"));
        QVERIFY(signal->sunset.isValid());

        const QString text = signal->describe(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY2(
            text.startsWith(QStringLiteral("server reported 410 Gone on 2026-04-28 01:00 UTC: The model")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("use video/bytedance/seedance-1.0-pro-fast")),
                 qPrintable(text));

        // Back to the client's shape for the banner.
        const api::DeprecationNotice notice = signal->notice();
        QVERIFY(notice.gone);
        QVERIFY(notice.deprecated);
        QCOMPARE(notice.replacement, signal->replacement);
        QCOMPARE(notice.message, signal->message);

        // Gone is final: later headers do not undo it.
        QVERIFY(store.record(model, kreaHeaders(), gone.addDays(1)));
        QVERIFY(store.signalFor(model)->gone);
        QCOMPARE(store.signalFor(model)->goneSeen, gone);

        ServerSignals reread(store.filePath());
        QVERIFY(reread.signalFor(model)->gone);
        QCOMPARE(reread.signalFor(model)->goneSeen, gone);
        QCOMPARE(reread.signalFor(model)->message, signal->message);
    }

    void ignoresEmptyNotices()
    {
        ServerSignals store(m_dir.filePath(QStringLiteral("empty.json")));
        QSignalSpy changed(&store, &ServerSignals::changed);
        QVERIFY(!store.record(QStringLiteral("doubao-seed-1-6-250615"), api::DeprecationNotice{}));
        QVERIFY(!store.record(QString(), kreaHeaders()));
        QVERIFY(store.all().empty());
        QCOMPARE(changed.count(), 0);
        QVERIFY(!QFile::exists(store.filePath()));
    }

    void deprecationEpoch()
    {
        ServerSignals store(m_dir.filePath(QStringLiteral("epoch.json")));
        const api::DeprecationNotice notice =
            api::DeprecationParser::fromHeaders({{"Deprecation", "@1735689600"}});
        QVERIFY(store.record(QStringLiteral("doubao-pro-32k-241215"), notice,
                             QDateTime(QDate(2025, 1, 5), QTime(0, 0), Qt::UTC)));
        const std::optional<ServerSignal> signal = store.signalFor(QStringLiteral("doubao-pro-32k-241215"));
        QVERIFY(signal);
        QCOMPARE(signal->deprecatedSince, QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(signal->describe(QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC))
                    .contains(QStringLiteral("deprecated since 2025-01-01 00:00 UTC")));
    }

    void listsAndForgets()
    {
        ServerSignals store(m_dir.filePath(QStringLiteral("list.json")));
        QVERIFY(store.record(QStringLiteral("b-model"), kreaHeaders(),
                             QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC)));
        QVERIFY(store.record(QStringLiteral("a-model"), kreaHeaders(),
                             QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC)));
        const std::vector<ServerSignal> all = store.all();
        QCOMPARE(int(all.size()), 2);
        QCOMPARE(all[0].modelId, QStringLiteral("b-model")); // oldest first
        QSignalSpy changed(&store, &ServerSignals::changed);
        QVERIFY(store.forget(QStringLiteral("B-Model")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!store.forget(QStringLiteral("b-model")));
        ServerSignals reread(store.filePath());
        QCOMPARE(int(reread.all().size()), 1);
        QCOMPARE(reread.all()[0].modelId, QStringLiteral("a-model"));
    }

    void damagedFileStartsEmpty()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"signals\": [ {\"model\": ");
        file.close();
        ServerSignals store(path);
        QVERIFY(store.all().empty());
        QVERIFY(store.record(QStringLiteral("x-model"), kreaHeaders()));
        QCOMPARE(int(ServerSignals(path).all().size()), 1); // and the file is usable again
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstServerSignals)
#include "tst_serversignals.moc"
