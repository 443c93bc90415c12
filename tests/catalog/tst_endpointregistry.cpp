// EndpointRegistry: endpoint ids linked to catalog models, persisted in QSettings, confirmed or
// corrected by the model the server reports; and the choice of the catalog in use (bundled or imported).
#include "catalog/EndpointRegistry.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace ark::catalog;

namespace {

QByteArray bundledJson()
{
    QFile file(QStringLiteral(":/catalog/catalog.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray withVersion(const QString& version)
{
    QJsonObject root = QJsonDocument::fromJson(bundledJson()).object();
    root.insert(QStringLiteral("version"), version);
    return QJsonDocument(root).toJson();
}

Endpoint makeEndpoint(const QString& id, const QString& name, const QString& model)
{
    Endpoint ep;
    ep.id = id;
    ep.name = name;
    ep.modelId = model;
    return ep;
}

} // namespace

class TstEndpointRegistry : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ark-workbench-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_endpointregistry"));
    }
    void init()
    {
        QSettings().clear();
        QFile::remove(importedCatalogPath());
    }
    void cleanupTestCase()
    {
        QSettings().clear();
        QFile::remove(importedCatalogPath());
    }

    void isEndpointId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("console form") << QStringLiteral("ep-20250101123456-abcde") << true;
        QTest::newRow("short") << QStringLiteral("ep-m-20250101") << true;
        QTest::newRow("model id") << QStringLiteral("doubao-seed-1-6-250615") << false;
        QTest::newRow("prefix only") << QStringLiteral("ep-") << false;
        QTest::newRow("space") << QStringLiteral("ep-2025 0101") << false;
        QTest::newRow("capital prefix") << QStringLiteral("EP-20250101") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void isEndpointId()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(EndpointRegistry::isEndpointId(id), valid);
    }

    void addLinkAndResolve()
    {
        EndpointRegistry registry;
        QSignalSpy changed(&registry, &EndpointRegistry::changed);
        // Linked with the dotted spelling the docs use: still the catalog entry.
        QVERIFY(registry.addOrUpdate(makeEndpoint(QStringLiteral("ep-20250101-aaaaa"),
                                                  QStringLiteral("Support bot"),
                                                  QStringLiteral("doubao-seed-1.6-250615"))));
        QCOMPARE(changed.count(), 1);
        const ModelInfo* info = registry.resolve(QStringLiteral("ep-20250101-aaaaa"));
        QVERIFY(info);
        QCOMPARE(info->id, QStringLiteral("doubao-seed-1-6-250615"));
        QVERIFY(info->contextWindow > 0); // capabilities and limits come with the link
        QCOMPARE(registry.resolvedModelId(QStringLiteral("ep-20250101-aaaaa")),
                 QStringLiteral("doubao-seed-1.6-250615"));
        QCOMPARE(registry.displayName(QStringLiteral("ep-20250101-aaaaa")),
                 QStringLiteral("Support bot (ep-20250101-aaaaa)"));
        QCOMPARE(registry.endpoint(QStringLiteral("ep-20250101-aaaaa"))->accountId, QStringLiteral("ark"));

        // A plain model id resolves through the catalog; an unknown one does not.
        QCOMPARE(registry.resolve(QStringLiteral("doubao-seed-1-6-flash-250615"))->id,
                 QStringLiteral("doubao-seed-1-6-flash-250615"));
        QVERIFY(!registry.resolve(QStringLiteral("no-such-model-1")));

        // Unlinked: nothing known; then linked.
        QVERIFY(
            registry.addOrUpdate(makeEndpoint(QStringLiteral("ep-20250102-bbbbb"), QString(), QString())));
        QVERIFY(!registry.resolve(QStringLiteral("ep-20250102-bbbbb")));
        QCOMPARE(registry.displayName(QStringLiteral("ep-20250102-bbbbb")),
                 QStringLiteral("ep-20250102-bbbbb"));
        QVERIFY(registry.link(QStringLiteral("ep-20250102-bbbbb"), QStringLiteral("doubao-pro-32k-241215")));
        QCOMPARE(registry.resolve(QStringLiteral("ep-20250102-bbbbb"))->id,
                 QStringLiteral("doubao-pro-32k-241215"));
        QVERIFY(registry.rename(QStringLiteral("ep-20250102-bbbbb"), QStringLiteral("Old bot")));
        QCOMPARE(registry.endpoint(QStringLiteral("ep-20250102-bbbbb"))->name, QStringLiteral("Old bot"));
        QCOMPARE(int(registry.endpoints().size()), 2);

        // Updating an id already registered does not add a second entry.
        QVERIFY(
            registry.addOrUpdate(makeEndpoint(QStringLiteral("ep-20250101-aaaaa"), QStringLiteral("Renamed"),
                                              QStringLiteral("doubao-seed-1-6-250615"))));
        QCOMPARE(int(registry.endpoints().size()), 2);
        QCOMPARE(registry.endpoints().front().name, QStringLiteral("Renamed"));
    }

    void rejectsInvalid()
    {
        EndpointRegistry registry;
        QString error;
        QVERIFY(
            !registry.addOrUpdate(makeEndpoint(QStringLiteral("doubao-seed-1-6-250615"), {}, {}), &error));
        QVERIFY(error.contains(QStringLiteral("ep-")));
        error.clear();
        QVERIFY(!registry.addOrUpdate(makeEndpoint(QStringLiteral("ep-1"), {}, QStringLiteral("ep-2")),
                                      &error)); // an endpoint of an endpoint
        QVERIFY(!error.isEmpty());
        QVERIFY(registry.endpoints().empty());
        QVERIFY(!registry.link(QStringLiteral("ep-unknown"), QStringLiteral("doubao-seed-1-6-250615")));
        QVERIFY(!registry.remove(QStringLiteral("ep-unknown")));
    }

    void persists()
    {
        {
            EndpointRegistry registry;
            QVERIFY(registry.addOrUpdate(makeEndpoint(QStringLiteral("ep-a1"), QStringLiteral("One"),
                                                      QStringLiteral("doubao-seed-1-6-250615"))));
            QVERIFY(registry.addOrUpdate(makeEndpoint(QStringLiteral("ep-b2"), QStringLiteral("Two"),
                                                      QStringLiteral("deepseek-r1-250528"))));
            QVERIFY(registry.addOrUpdate(
                makeEndpoint(QStringLiteral("ep-c3"), QStringLiteral("Three"), QString())));
        }
        {
            EndpointRegistry registry;
            QCOMPARE(int(registry.endpoints().size()), 3);
            QCOMPARE(registry.endpoints()[1].id, QStringLiteral("ep-b2"));
            QCOMPARE(registry.endpoints()[1].name, QStringLiteral("Two"));
            QCOMPARE(registry.resolve(QStringLiteral("ep-b2"))->id, QStringLiteral("deepseek-r1-250528"));
            QVERIFY(registry.remove(QStringLiteral("ep-a1")));
        }
        // A shorter list must not keep the old tail.
        EndpointRegistry registry;
        QCOMPARE(int(registry.endpoints().size()), 2);
        QCOMPARE(registry.endpoints()[0].id, QStringLiteral("ep-b2"));
        QCOMPARE(registry.endpoints()[1].id, QStringLiteral("ep-c3"));
        // No secret-looking value was written: only names, ids and model ids.
        QSettings settings;
        for (const QString& key : settings.allKeys())
            QVERIFY2(!key.contains(QStringLiteral("key"), Qt::CaseInsensitive), qPrintable(key));
    }

    void damagedEntriesAreSkipped()
    {
        QSettings settings;
        settings.beginWriteArray(QStringLiteral("endpoints"), 3);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("id"), QStringLiteral("not-an-endpoint"));
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("id"), QStringLiteral("ep-ok"));
        settings.setArrayIndex(2);
        settings.setValue(QStringLiteral("id"), QStringLiteral("ep-ok")); // duplicate
        settings.endArray();
        settings.sync();
        EndpointRegistry registry;
        QCOMPARE(int(registry.endpoints().size()), 1);
        QCOMPARE(registry.endpoints()[0].id, QStringLiteral("ep-ok"));
    }

    void confirmModel_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("reported");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("linkAfter");
        QTest::addColumn<bool>("shown");

        using K = EndpointNotice::Kind;
        QTest::newRow("same model") << QStringLiteral("doubao-seed-1-6-250615")
                                    << QStringLiteral("doubao-seed-1-6-250615") << int(K::Confirmed)
                                    << QStringLiteral("doubao-seed-1-6-250615") << false;
        QTest::newRow("other spelling")
            << QStringLiteral("doubao-seed-1-6-250615") << QStringLiteral("Doubao-Seed-1.6-250615")
            << int(K::Confirmed) << QStringLiteral("doubao-seed-1-6-250615") << false;
        QTest::newRow("alias link") << QStringLiteral("doubao-seed-1.6/250615")
                                    << QStringLiteral("doubao-seed-1-6-250615") << int(K::Confirmed)
                                    << QStringLiteral("doubao-seed-1.6/250615") << false;
        QTest::newRow("different model")
            << QStringLiteral("doubao-seed-1-6-250615") << QStringLiteral("doubao-seed-1-6-flash-250615")
            << int(K::Corrected) << QStringLiteral("doubao-seed-1-6-flash-250615") << true;
        QTest::newRow("different version")
            << QStringLiteral("doubao-pro-32k-240828") << QStringLiteral("doubao-pro-32k-241215")
            << int(K::Corrected) << QStringLiteral("doubao-pro-32k-241215") << true;
        // The link is stored in the catalog's spelling so badges find it.
        QTest::newRow("unlinked") << QString() << QStringLiteral("doubao-1.5-pro-32k-250115")
                                  << int(K::Linked) << QStringLiteral("doubao-1-5-pro-32k-250115") << true;
        QTest::newRow("model the catalog lacks")
            << QStringLiteral("doubao-seed-1-6-250615") << QStringLiteral("doubao-seed-2-0-260101")
            << int(K::Corrected) << QStringLiteral("doubao-seed-2-0-260101") << true;
        QTest::newRow("nothing reported")
            << QStringLiteral("doubao-seed-1-6-250615") << QString() << int(K::None)
            << QStringLiteral("doubao-seed-1-6-250615") << false;
        QTest::newRow("endpoint echoed")
            << QStringLiteral("doubao-seed-1-6-250615") << QStringLiteral("ep-20250101-x") << int(K::None)
            << QStringLiteral("doubao-seed-1-6-250615") << false;
    }
    void confirmModel()
    {
        QFETCH(QString, link);
        QFETCH(QString, reported);
        QFETCH(int, kind);
        QFETCH(QString, linkAfter);
        QFETCH(bool, shown);

        const QString id = QStringLiteral("ep-20250101-abc");
        const QDateTime at(QDate(2025, 10, 1), QTime(8, 0), Qt::UTC);
        {
            EndpointRegistry registry;
            QVERIFY(registry.addOrUpdate(makeEndpoint(id, QStringLiteral("Bot"), link)));
            QSignalSpy notices(&registry, &EndpointRegistry::noticeRaised);
            const EndpointNotice notice = registry.confirmModel(id, reported, at);
            QCOMPARE(int(notice.kind), kind);
            QCOMPARE(notice.shouldShow(), shown);
            QCOMPARE(notices.count(), shown ? 1 : 0);
            QCOMPARE(notice.text.isEmpty(), !shown);
            if (shown) {
                QVERIFY2(notice.text.contains(linkAfter), qPrintable(notice.text));
                QVERIFY(notice.text.contains(QStringLiteral("Bot")));
                if (!link.isEmpty())
                    QVERIFY2(notice.text.contains(link), qPrintable(notice.text));
            }
            QCOMPARE(registry.endpoint(id)->modelId, linkAfter);
        }
        // What the server said is remembered.
        EndpointRegistry reread;
        QCOMPARE(reread.endpoint(id)->modelId, linkAfter);
        if (kind != int(EndpointNotice::Kind::None)) {
            QCOMPARE(reread.endpoint(id)->confirmedModel, reported.trimmed());
            QCOMPARE(reread.endpoint(id)->confirmedAt, at);
        } else {
            QVERIFY(reread.endpoint(id)->confirmedModel.isEmpty());
        }
    }

    void confirmUnknownEndpoint()
    {
        EndpointRegistry registry;
        const EndpointNotice notice = registry.confirmModel(QStringLiteral("ep-not-registered"),
                                                            QStringLiteral("doubao-seed-1-6-250615"));
        QCOMPARE(notice.kind, EndpointNotice::Kind::None);
        QVERIFY(registry.endpoints().empty()); // nothing is added behind the person's back
    }

    void relinkDropsConfirmation()
    {
        EndpointRegistry registry;
        const QString id = QStringLiteral("ep-x1");
        QVERIFY(registry.addOrUpdate(makeEndpoint(id, {}, QStringLiteral("doubao-seed-1-6-250615"))));
        registry.confirmModel(id, QStringLiteral("doubao-seed-1-6-250615"));
        QVERIFY(!registry.endpoint(id)->confirmedModel.isEmpty());
        QVERIFY(registry.rename(id, QStringLiteral("Renamed"))); // same link: confirmation kept
        QVERIFY(!registry.endpoint(id)->confirmedModel.isEmpty());
        QVERIFY(registry.link(id, QStringLiteral("deepseek-r1-250528")));
        QVERIFY(registry.endpoint(id)->confirmedModel.isEmpty());
        QVERIFY(!registry.endpoint(id)->confirmedAt.isValid());
    }

    void compareVersions_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("sign");
        QTest::newRow("equal") << QStringLiteral("2026-05-13.1") << QStringLiteral("2026-05-13.1") << 0;
        QTest::newRow("reissue") << QStringLiteral("2026-05-13.1") << QStringLiteral("2026-05-13.2") << -1;
        QTest::newRow("numeric not text")
            << QStringLiteral("2026-05-13.10") << QStringLiteral("2026-05-13.9") << 1;
        QTest::newRow("later day") << QStringLiteral("2026-05-14.1") << QStringLiteral("2026-05-13.9") << 1;
        QTest::newRow("later year") << QStringLiteral("2027-01-01.1") << QStringLiteral("2026-12-31.3") << 1;
        QTest::newRow("missing part") << QStringLiteral("2026-05-13") << QStringLiteral("2026-05-13.1") << -1;
    }
    void compareVersions()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, sign);
        const int result = compareCatalogVersions(a, b);
        QCOMPARE(result < 0 ? -1 : (result > 0 ? 1 : 0), sign);
        const int reverse = compareCatalogVersions(b, a);
        QCOMPARE(reverse < 0 ? -1 : (reverse > 0 ? 1 : 0), -sign);
    }

    void activeCatalog()
    {
        const QString bundledVersion = Catalog::bundled()->version();
        // Nothing imported: the bundled catalog.
        ActiveCatalog active = loadActiveCatalog();
        QVERIFY(!active.imported);
        QCOMPARE(active.catalog, Catalog::bundled());
        QVERIFY(active.note.isEmpty());

        // A newer import is used.
        QVERIFY(saveImportedCatalog(withVersion(QStringLiteral("2099-01-01.1"))));
        QVERIFY(QFile::exists(importedCatalogPath()));
        active = loadActiveCatalog();
        QVERIFY(active.imported);
        QCOMPARE(active.catalog->version(), QStringLiteral("2099-01-01.1"));
        QCOMPARE(active.catalog->models().size(), Catalog::bundled()->models().size());

        // An import the app has caught up with is not.
        QVERIFY(saveImportedCatalog(withVersion(bundledVersion)));
        active = loadActiveCatalog();
        QVERIFY(!active.imported);
        QCOMPARE(active.catalog->version(), bundledVersion);
        QVERIFY(active.note.contains(bundledVersion));

        // A damaged import falls back, saying why.
        QVERIFY(saveImportedCatalog("{ not json"));
        active = loadActiveCatalog();
        QVERIFY(!active.imported);
        QVERIFY(!active.note.isEmpty());

        QVERIFY(removeImportedCatalog());
        QVERIFY(!QFile::exists(importedCatalogPath()));
        QVERIFY(removeImportedCatalog()); // nothing to remove is fine
        QVERIFY(!loadActiveCatalog().imported);
    }
};

QTEST_GUILESS_MAIN(TstEndpointRegistry)
#include "tst_endpointregistry.moc"
