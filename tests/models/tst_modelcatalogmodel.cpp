// ModelCatalogModel + ModelCatalogFilter: rows of the catalog and the endpoints, badges, lifecycle at
// an injected moment (server signals included), type-to-search, "show retired", grouping.
#include "models/ModelCatalogModel.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ark;
using namespace ark::models;
using catalog::LifecycleState;

namespace {

QDateTime at(const QString& iso)
{
    const QDateTime dateTime = QDateTime::fromString(iso, Qt::ISODate);
    Q_ASSERT(dateTime.isValid());
    return dateTime;
}

QStringList visibleIds(const ModelCatalogFilter& filter)
{
    QStringList ids;
    for (int row = 0; row < filter.rowCount(); ++row)
        ids << filter.index(row, 0).data(ModelCatalogModel::IdRole).toString();
    return ids;
}

QModelIndex rowOf(const ModelCatalogModel& model, const QString& id)
{
    const int row = model.rowForId(id);
    return row < 0 ? QModelIndex() : model.index(row, 0);
}

} // namespace

class TstModelCatalogModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ark-workbench-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_modelcatalogmodel"));
        QVERIFY(m_dir.isValid());
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void rowsAndTester()
    {
        ModelCatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelCatalogFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(&filter,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);

        const int catalogModels = int(catalog::Catalog::bundled()->models().size());
        QCOMPARE(model.rowCount(), catalogModels);
        QCOMPARE(model.columnCount(), int(ModelCatalogModel::ColumnCount));

        // Changes of every source keep both models consistent.
        catalog::EndpointRegistry registry;
        model.setEndpoints(&registry);
        catalog::Endpoint ep;
        ep.id = QStringLiteral("ep-20250101-tester");
        ep.modelId = QStringLiteral("doubao-seed-1-6-250615");
        QVERIFY(registry.addOrUpdate(ep));
        QCOMPARE(model.rowCount(), catalogModels + 1);
        catalog::ServerSignals signalStore(m_dir.filePath(QStringLiteral("tester.json")));
        model.setServerSignals(&signalStore);
        QVERIFY(signalStore.record(QStringLiteral("doubao-seed-1-6-250615"),
                                   api::DeprecationParser::fromHeaders({{"Deprecation", "true"}})));
        model.setNow(at(QStringLiteral("2025-12-01T00:00:00Z")));
        filter.setSearchText(QStringLiteral("doubao"));
        filter.setShowRetired(true);
        filter.setSearchText(QStringLiteral("seed 1.6"));
        filter.setShowRetired(false);
        QVERIFY(registry.remove(ep.id));
        QCOMPARE(model.rowCount(), catalogModels);
        model.setCatalog(nullptr);
        QCOMPARE(model.rowCount(), catalogModels);
        QVERIFY(model.headerData(ModelCatalogModel::LifecycleColumn, Qt::Horizontal).toString().size() > 0);
    }

    void badges()
    {
        ModelCatalogModel model;
        model.setNow(at(QStringLiteral("2025-10-01T00:00:00+08:00")));
        const QModelIndex seed = rowOf(model, QStringLiteral("doubao-seed-1.6-250615"));
        QVERIFY(seed.isValid());
        QCOMPARE(seed.data(ModelCatalogModel::IdRole).toString(), QStringLiteral("doubao-seed-1-6-250615"));
        QCOMPARE(
            seed.data(ModelCatalogModel::CapabilityBadgesRole).toStringList(),
            QStringList({QStringLiteral("thinking"), QStringLiteral("image input"),
                         QStringLiteral("video input"), QStringLiteral("tools"), QStringLiteral("JSON")}));
        QCOMPARE(seed.data(ModelCatalogModel::ContextWindowRole).toLongLong(), 256000);
        QCOMPARE(seed.data(ModelCatalogModel::ContextTextRole).toString(), QStringLiteral("256K context"));
        // Four tiers: the cheapest, "from".
        QCOMPARE(seed.data(ModelCatalogModel::PriceTextRole).toString(),
                 QStringLiteral("from ¥0.8 in · ¥2 out /M"));
        QCOMPARE(seed.data(ModelCatalogModel::ProviderRole).toString(), QStringLiteral("volcengine-ark"));
        QCOMPARE(seed.data(ModelCatalogModel::KindRole).toString(), QStringLiteral("reasoning"));
        QCOMPARE(seed.data(ModelCatalogModel::GroupRole).toString(),
                 QStringLiteral("Volcengine Ark · Reasoning"));
        QCOMPARE(seed.data(ModelCatalogModel::StateRole).toInt(), int(LifecycleState::Active));
        QVERIFY(
            seed.data(ModelCatalogModel::LifecycleBadgeRole).toString().isEmpty()); // nothing to warn about
        QCOMPARE(seed.siblingAtColumn(ModelCatalogModel::ContextColumn).data().toString(),
                 QStringLiteral("256K context"));

        const QModelIndex opus = rowOf(model, QStringLiteral("claude-opus-4-1-20250805"));
        QCOMPARE(opus.data(ModelCatalogModel::ProviderNameRole).toString(), QStringLiteral("Anthropic"));
        // An external replacement: little is known, and the badge says so.
        const QModelIndex external = rowOf(model, QStringLiteral("doubao-seed-1-6-251015"));
        QVERIFY(external.data(ModelCatalogModel::IsExternalRole).toBool());
        QCOMPARE(external.data(ModelCatalogModel::StateRole).toInt(), int(LifecycleState::Unknown));
        QCOMPARE(external.data(ModelCatalogModel::LifecycleBadgeRole).toString(),
                 QStringLiteral("lifecycle unknown"));

        QCOMPARE(ModelCatalogModel::contextText(0), QString());
        QCOMPARE(ModelCatalogModel::contextText(32000), QStringLiteral("32K context"));
        QCOMPARE(ModelCatalogModel::contextText(1000000), QStringLiteral("1M context"));
        QCOMPARE(ModelCatalogModel::contextText(32768), QStringLiteral("32.77K context"));
    }

    void statesAtInjectedDates_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("now");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("text");  // what the lifecycle text must contain
        QTest::addColumn<QString>("badge"); // what the (shorter) badge says ("" = no badge)

        const QString batch5 = QStringLiteral("doubao-pro-32k-241215");
        const QString b5eos = QStringLiteral("2025-11-27 14:00 UTC+8");
        QTest::newRow("b5 before notice")
            << batch5 << QStringLiteral("2025-09-14T23:59:59+08:00") << int(LifecycleState::Active)
            << QStringLiteral("deprecation announced for 2025-09-15 00:00 UTC+8")
            << QStringLiteral("deprecation announced for 2025-09-15 00:00 UTC+8");
        QTest::newRow("b5 at notice")
            << batch5 << QStringLiteral("2025-09-15T00:00:00+08:00") << int(LifecycleState::Deprecated)
            << QStringLiteral("deprecated — end of sale 2025-09-22 00:00 UTC+8; retires in 73 days")
            << QStringLiteral("retires in 73 days — ") + b5eos;
        QTest::newRow("b5 at EOM") << batch5 << QStringLiteral("2025-09-21T16:00:00Z")
                                   << int(LifecycleState::EndOfSale)
                                   << QStringLiteral(
                                          "end of sale since 2025-09-22 00:00 UTC+8; retires in 66 days")
                                   << QStringLiteral("retires in 66 days — ") + b5eos;
        QTest::newRow("b5 four days before EOS")
            << batch5 << QStringLiteral("2025-11-23T06:00:00Z") << int(LifecycleState::EndOfSale)
            << QStringLiteral("retires in 4 days — ") + b5eos
            << QStringLiteral("retires in 4 days — ") + b5eos;
        QTest::newRow("b5 a second before EOS")
            << batch5 << QStringLiteral("2025-11-27T05:59:59Z") << int(LifecycleState::EndOfSale)
            << QStringLiteral("retires in less than 2 minutes — ") + b5eos
            << QStringLiteral("retires in less than 2 minutes — ") + b5eos;
        QTest::newRow("b5 at EOS 14:00 UTC+8")
            << batch5 << QStringLiteral("2025-11-27T06:00:00Z") << int(LifecycleState::Retired)
            << QStringLiteral("retired — replaced by doubao-seed-1-6-251015")
            << QStringLiteral("retired — replaced by doubao-seed-1-6-251015");
        QTest::newRow("shut down") << QStringLiteral("moonshot-v1-8k")
                                   << QStringLiteral("2025-08-07T00:00:00+08:00")
                                   << int(LifecycleState::Retired)
                                   << QStringLiteral(
                                          "retired since 2025-08-07 00:00 UTC+8 — requests fail; switch to "
                                          "doubao-seed-1-6-250615")
                                   << QStringLiteral("retired since 2025-08-07 00:00 UTC+8 — requests fail");
        QTest::newRow("anthropic deprecated")
            << QStringLiteral("claude-3-opus-20240229") << QStringLiteral("2025-12-31T00:00:00Z")
            << int(LifecycleState::Deprecated) << QStringLiteral("retires in 5 days — 2026-01-05 00:00 UTC")
            << QStringLiteral("retires in 5 days — 2026-01-05 00:00 UTC");
        QTest::newRow("anthropic retired")
            << QStringLiteral("claude-3-opus-20240229") << QStringLiteral("2026-01-05T00:00:00Z")
            << int(LifecycleState::Retired) << QStringLiteral("switch to claude-opus-4-1-20250805")
            << QStringLiteral("retired since 2026-01-05 00:00 UTC — requests fail");
        QTest::newRow("active") << QStringLiteral("doubao-seed-1-6-250615")
                                << QStringLiteral("2026-01-01T00:00:00Z") << int(LifecycleState::Active)
                                << QStringLiteral("active") << QString();
    }
    void statesAtInjectedDates()
    {
        QFETCH(QString, model);
        QFETCH(QString, now);
        QFETCH(int, state);
        QFETCH(QString, text);
        QFETCH(QString, badge);

        ModelCatalogModel catalogModel;
        QSignalSpy changed(&catalogModel, &QAbstractItemModel::dataChanged);
        catalogModel.setNow(at(now));
        QCOMPARE(changed.count(), 1); // states are recomputed for the new moment
        const QModelIndex index = rowOf(catalogModel, model);
        QVERIFY(index.isValid());
        QCOMPARE(index.data(ModelCatalogModel::StateRole).toInt(), state);
        QCOMPARE(index.data(ModelCatalogModel::StateIdRole).toString(),
                 catalog::stateId(LifecycleState(state)));
        const QString full = index.data(ModelCatalogModel::LifecycleTextRole).toString();
        QVERIFY2(full.contains(text), qPrintable(full));
        QCOMPARE(index.data(ModelCatalogModel::LifecycleBadgeRole).toString(), badge);
        const QString cell = index.siblingAtColumn(ModelCatalogModel::LifecycleColumn).data().toString();
        QVERIFY2(cell.endsWith(badge.isEmpty() ? catalog::stateDisplayName(LifecycleState(state)) : badge),
                 qPrintable(cell));
        if (state == int(LifecycleState::EndOfSale))
            QVERIFY(cell.startsWith(QStringLiteral("End of sale; ")));
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");

        QTest::newRow("id with dots")
            << QStringLiteral("doubao-seed-1.6")
            << QStringList{QStringLiteral("doubao-seed-1-6-250615"),
                           QStringLiteral("doubao-seed-1-6-flash-250615")}
            << QStringList{QStringLiteral("deepseek-r1-250528"), QStringLiteral("doubao-1-5-pro-32k-250115")};
        QTest::newRow("words in any order")
            << QStringLiteral("flash seed 1.6") << QStringList{QStringLiteral("doubao-seed-1-6-flash-250615")}
            << QStringList{QStringLiteral("doubao-seed-1-6-250615")};
        QTest::newRow("case") << QStringLiteral("DeepSeek-R1")
                              << QStringList{QStringLiteral("deepseek-r1-250528")}
                              << QStringList{QStringLiteral("deepseek-v3-250324")};
        QTest::newRow("alias") << QStringLiteral("doubao-seed-1.6/250615")
                               << QStringList{QStringLiteral("doubao-seed-1-6-250615")}
                               << QStringList{QStringLiteral("doubao-seed-1-6-flash-250615")};
        QTest::newRow("capability vision")
            << QStringLiteral("vision")
            << QStringList{QStringLiteral("doubao-1-5-vision-pro-32k-250115"),
                           QStringLiteral("doubao-seed-1-6-250615")}
            << QStringList{QStringLiteral("moonshot-v1-8k"), QStringLiteral("doubao-pro-32k-241215")};
        QTest::newRow("capability tools")
            << QStringLiteral("tools") << QStringList{QStringLiteral("doubao-pro-32k-241215")}
            << QStringList{QStringLiteral("moonshot-v1-8k")};
        QTest::newRow("capability and name")
            << QStringLiteral("doubao json") << QStringList{QStringLiteral("doubao-seed-1-6-250615")}
            << QStringList{QStringLiteral("doubao-pro-32k-241215")};
        QTest::newRow("provider id") << QStringLiteral("anthropic")
                                     << QStringList{QStringLiteral("claude-opus-4-1-20250805")}
                                     << QStringList{QStringLiteral("doubao-seed-1-6-250615")};
        QTest::newRow("provider name")
            << QStringLiteral("volcengine") << QStringList{QStringLiteral("doubao-seed-1-6-250615")}
            << QStringList{QStringLiteral("claude-opus-4-1-20250805")};
        QTest::newRow("kind") << QStringLiteral("embedding")
                              << QStringList{QStringLiteral("doubao-embedding-vision-250615")}
                              << QStringList{QStringLiteral("doubao-seed-1-6-250615")};
        QTest::newRow("endpoint name")
            << QStringLiteral("support") << QStringList{QStringLiteral("ep-20250101-support")}
            << QStringList{QStringLiteral("doubao-seed-1-6-250615")};
        QTest::newRow("endpoint by its model")
            << QStringLiteral("seed 1.6 250615")
            << QStringList{QStringLiteral("ep-20250101-support"), QStringLiteral("doubao-seed-1-6-250615")}
            << QStringList{QStringLiteral("claude-opus-4-1-20250805")};
        QTest::newRow("nothing") << QStringLiteral("zzz-no-such-model") << QStringList{}
                                 << QStringList{QStringLiteral("doubao-seed-1-6-250615")};
    }
    void search()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);

        catalog::EndpointRegistry registry;
        catalog::Endpoint ep;
        ep.id = QStringLiteral("ep-20250101-support");
        ep.name = QStringLiteral("Support bot");
        ep.modelId = QStringLiteral("doubao-seed-1-6-250615");
        QVERIFY(registry.addOrUpdate(ep));
        ModelCatalogModel model;
        model.setEndpoints(&registry);
        model.setNow(at(QStringLiteral("2025-10-01T00:00:00+08:00")));
        ModelCatalogFilter filter;
        filter.setSourceModel(&model);
        filter.setShowRetired(true); // the search alone decides here
        filter.setSearchText(text);
        const QStringList ids = visibleIds(filter);
        for (const QString& id : present)
            QVERIFY2(ids.contains(id), qPrintable(id + QStringLiteral(" missing for ") + text));
        for (const QString& id : absent)
            QVERIFY2(!ids.contains(id), qPrintable(id + QStringLiteral(" unexpected for ") + text));
        if (present.isEmpty())
            QCOMPARE(filter.rowCount(), 0);
        filter.setSearchText(QString());
        QCOMPARE(filter.rowCount(), model.rowCount());
    }

    void retiredHiddenUnlessShown()
    {
        ModelCatalogModel model;
        model.setNow(at(QStringLiteral("2025-12-01T00:00:00+08:00")));
        ModelCatalogFilter filter;
        filter.setSourceModel(&model);
        QVERIFY(!filter.showRetired()); // off by default
        QStringList ids = visibleIds(filter);
        QVERIFY(!ids.contains(QStringLiteral("doubao-pro-32k-241215"))); // retired 2025-11-27
        QVERIFY(!ids.contains(QStringLiteral("moonshot-v1-8k")));
        QVERIFY(ids.contains(QStringLiteral("doubao-seed-1-6-250615")));
        for (int row = 0; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row, 0).data(ModelCatalogModel::StateRole).toInt() !=
                    int(LifecycleState::Retired));

        filter.setSearchText(QStringLiteral("doubao-pro-32k-241215"));
        QCOMPARE(filter.rowCount(), 0);
        QCOMPARE(filter.hiddenRetiredCount(), 1);
        filter.setShowRetired(true);
        QCOMPARE(visibleIds(filter), QStringList{QStringLiteral("doubao-pro-32k-241215")});
        QCOMPARE(filter.hiddenRetiredCount(), 0);

        // The same model before its EOS is listed without asking.
        filter.setShowRetired(false);
        model.setNow(at(QStringLiteral("2025-11-27T13:59:59+08:00")));
        QCOMPARE(visibleIds(filter), QStringList{QStringLiteral("doubao-pro-32k-241215")});
    }

    void chatOnly()
    {
        ModelCatalogModel model;
        ModelCatalogFilter filter;
        filter.setSourceModel(&model);
        filter.setShowRetired(true);
        filter.setSearchText(QStringLiteral("doubao embedding"));
        QVERIFY(filter.rowCount() > 0);
        filter.setChatOnly(true);
        QCOMPARE(filter.rowCount(), 0);
    }

    void groupsAreContiguousAndOrdered()
    {
        catalog::EndpointRegistry registry;
        catalog::Endpoint ep;
        ep.id = QStringLiteral("ep-20250101-group");
        ep.modelId = QStringLiteral("claude-opus-4-1-20250805");
        QVERIFY(registry.addOrUpdate(ep));
        ModelCatalogModel model;
        model.setEndpoints(&registry);
        ModelCatalogFilter filter;
        filter.setSourceModel(&model);
        filter.setShowRetired(true);
        QSet<QString> seen;
        QString current;
        int lastOrder = -1;
        for (int row = 0; row < filter.rowCount(); ++row) {
            const QModelIndex index = filter.index(row, 0);
            const QString group = index.data(ModelCatalogModel::GroupRole).toString();
            const int order = index.data(ModelCatalogModel::GroupOrderRole).toInt();
            QVERIFY(order >= lastOrder);
            lastOrder = order;
            if (group != current) {
                QVERIFY2(!seen.contains(group), qPrintable(group)); // a group never comes back
                seen.insert(group);
                current = group;
            }
        }
        // Providers in the catalog's order; an endpoint leads the provider of the model it serves.
        const QModelIndex first = filter.index(0, 0);
        QCOMPARE(first.data(ModelCatalogModel::GroupRole).toString(),
                 QStringLiteral("Volcengine Ark · Chat")); // kinds in ModelKind order
        const int endpointRow = visibleIds(filter).indexOf(ep.id);
        const int claudeRow = visibleIds(filter).indexOf(QStringLiteral("claude-opus-4-1-20250805"));
        QVERIFY(endpointRow >= 0 && endpointRow < claudeRow);
        QCOMPARE(filter.index(endpointRow, 0).data(ModelCatalogModel::GroupRole).toString(),
                 QStringLiteral("Anthropic · My endpoints"));
        QVERIFY(seen.contains(QStringLiteral("Krea · Video generation")));

        // Within a group, ids that start with the search come first.
        filter.setSearchText(QStringLiteral("seed 1.6 flash"));
        QCOMPARE(filter.index(0, 0).data(ModelCatalogModel::IdRole).toString(),
                 QStringLiteral("doubao-seed-1-6-flash-250615"));
    }

    void endpointRows()
    {
        catalog::EndpointRegistry registry;
        catalog::Endpoint linked;
        linked.id = QStringLiteral("ep-20250101-old");
        linked.name = QStringLiteral("Old bot");
        linked.modelId = QStringLiteral("doubao-pro-32k-241215");
        QVERIFY(registry.addOrUpdate(linked));
        catalog::Endpoint unlinked;
        unlinked.id = QStringLiteral("ep-20250101-new");
        QVERIFY(registry.addOrUpdate(unlinked));

        ModelCatalogModel model;
        model.setEndpoints(&registry);
        model.setNow(at(QStringLiteral("2025-11-23T14:00:00+08:00")));
        const QModelIndex old = rowOf(model, linked.id);
        QVERIFY(old.data(ModelCatalogModel::IsEndpointRole).toBool());
        QCOMPARE(old.data(ModelCatalogModel::DisplayNameRole).toString(), QStringLiteral("Old bot"));
        QCOMPARE(old.data(ModelCatalogModel::ModelIdRole).toString(),
                 QStringLiteral("doubao-pro-32k-241215"));
        // The endpoint inherits its model's warnings.
        QCOMPARE(old.data(ModelCatalogModel::StateRole).toInt(), int(LifecycleState::EndOfSale));
        QVERIFY(old.data(ModelCatalogModel::LifecycleBadgeRole)
                    .toString()
                    .contains(QStringLiteral("retires in 4 days")));
        QCOMPARE(old.data(ModelCatalogModel::ContextTextRole).toString(), QStringLiteral("32K context"));

        const QModelIndex fresh = rowOf(model, unlinked.id);
        QCOMPARE(fresh.data(ModelCatalogModel::StateRole).toInt(), int(LifecycleState::Unknown));
        QCOMPARE(fresh.data(ModelCatalogModel::LifecycleBadgeRole).toString(),
                 QStringLiteral("not linked to a model yet"));
        QCOMPARE(fresh.data(ModelCatalogModel::GroupRole).toString(),
                 QStringLiteral("Volcengine Ark · My endpoints"));

        // Relinking through the registry updates the rows.
        QVERIFY(registry.link(unlinked.id, QStringLiteral("doubao-seed-1-6-250615")));
        QCOMPARE(rowOf(model, unlinked.id).data(ModelCatalogModel::StateRole).toInt(),
                 int(LifecycleState::Active));
    }

    void serverSignalsRaiseState()
    {
        catalog::ServerSignals signalStore(m_dir.filePath(QStringLiteral("raise.json")));
        ModelCatalogModel model;
        model.setServerSignals(&signalStore);
        model.setNow(at(QStringLiteral("2026-03-01T00:00:00Z")));
        const QString active = QStringLiteral("doubao-seed-1-6-250615");
        QCOMPARE(rowOf(model, active).data(ModelCatalogModel::StateRole).toInt(),
                 int(LifecycleState::Active));

        // Headers with a sunset ahead: deprecated, with the server's date in words.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(
            signalStore.record(active,
                               api::DeprecationParser::fromHeaders(
                                   {{"Deprecation", "true"}, {"Sunset", "Mon, 27 Apr 2026 00:00:00 GMT"}}),
                               at(QStringLiteral("2026-02-20T08:00:00Z"))));
        QVERIFY(changed.count() >= 1);
        QModelIndex index = rowOf(model, active);
        QCOMPARE(index.data(ModelCatalogModel::StateRole).toInt(), int(LifecycleState::Deprecated));
        QVERIFY2(index.data(ModelCatalogModel::LifecycleBadgeRole)
                     .toString()
                     .contains(QStringLiteral("retires in 57 days — 2026-04-27 00:00 UTC")),
                 qPrintable(index.data(ModelCatalogModel::LifecycleBadgeRole).toString()));
        QVERIFY(index.data(ModelCatalogModel::ServerSignalRole)
                    .toString()
                    .startsWith(QStringLiteral("server reported deprecation on 2026-02-20")));

        // 410 Gone: retired, whatever the catalog says.
        QVERIFY(
            signalStore.record(active,
                               api::DeprecationParser::fromGoneBody(
                                   R"({"error":"model_unavailable","replacement":"doubao-seed-1-6-251015"})"),
                               at(QStringLiteral("2026-02-21T08:00:00Z"))));
        index = rowOf(model, active);
        QCOMPARE(index.data(ModelCatalogModel::StateRole).toInt(), int(LifecycleState::Retired));
        QCOMPARE(index.data(ModelCatalogModel::ReplacementRole).toString(),
                 QStringLiteral("doubao-seed-1-6-251015"));
        QVERIFY(
            index.data(ModelCatalogModel::ServerSignalRole).toString().contains(QStringLiteral("410 Gone")));

        // A signal never makes a model look better than the catalog says.
        QVERIFY(signalStore.record(QStringLiteral("moonshot-v1-8k"),
                                   api::DeprecationParser::fromHeaders({{"Deprecation", "true"}})));
        QCOMPARE(rowOf(model, QStringLiteral("moonshot-v1-8k")).data(ModelCatalogModel::StateRole).toInt(),
                 int(LifecycleState::Retired));
    }

    void searchKey()
    {
        QCOMPARE(ModelCatalogModel::searchKey(QStringLiteral("Doubao-Seed-1.6/250615")),
                 QStringLiteral("doubao seed 1 6 250615"));
        QCOMPARE(ModelCatalogModel::searchKey(QStringLiteral("  a__b  ")), QStringLiteral("a b"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstModelCatalogModel)
#include "tst_modelcatalogmodel.moc"
