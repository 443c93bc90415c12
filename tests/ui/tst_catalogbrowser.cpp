// CatalogBrowser: the catalog with lifecycle and server signals, endpoints, and importing a newer
// catalog file (the diff and problems are shown first; accepting saves it, rejecting keeps the old).
// Saves /tmp/switcher-browser.png and /tmp/switcher-import.png to be looked at by eye.
#include "catalog/CatalogBrowser.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace ark;
using namespace ark::ui;
using models::ModelCatalogModel;

namespace {

QJsonObject bundledRoot()
{
    QFile file(QStringLiteral(":/catalog/catalog.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject dateObject(const QString& iso)
{
    return QJsonObject{{QStringLiteral("at"), iso}, {QStringLiteral("time_stated"), false}};
}

// A newer catalog: one model added, one newly deprecated, one whose retirement moved.
QByteArray modifiedCatalog(const QString& version, bool brokenReference = false)
{
    QJsonObject root = bundledRoot();
    root.insert(QStringLiteral("version"), version);
    QJsonArray models = root.value(QStringLiteral("models")).toArray();
    for (int i = 0; i < models.size(); ++i) {
        QJsonObject model = models[i].toObject();
        const QString id = model.value(QStringLiteral("id")).toString();
        QJsonObject lifecycle = model.value(QStringLiteral("lifecycle")).toObject();
        if (id == QStringLiteral("doubao-seed-1-6-flash-250615")) {
            lifecycle.insert(QStringLiteral("notice"),
                             dateObject(QStringLiteral("2099-01-01T00:00:00+08:00")));
            lifecycle.insert(QStringLiteral("eos"), dateObject(QStringLiteral("2099-06-01T00:00:00+08:00")));
        } else if (id == QStringLiteral("claude-3-opus-20240229")) {
            lifecycle.insert(QStringLiteral("eos"), dateObject(QStringLiteral("2026-02-05T00:00:00+00:00")));
        } else if (id == QStringLiteral("deepseek-r1-250528") && brokenReference) {
            lifecycle.insert(QStringLiteral("replacement"), QStringLiteral("no-such-model-999"));
        } else {
            continue;
        }
        model.insert(QStringLiteral("lifecycle"), lifecycle);
        models[i] = model;
    }
    QJsonObject added = models.first().toObject();
    added.insert(QStringLiteral("id"), QStringLiteral("doubao-seed-2-0-pro-260101"));
    added.insert(QStringLiteral("display_name"), QStringLiteral("doubao-seed-2.0-pro"));
    added.insert(QStringLiteral("aliases"), QJsonArray{QStringLiteral("doubao-seed-2.0-pro-260101")});
    models.append(added);
    root.insert(QStringLiteral("models"), models);
    return QJsonDocument(root).toJson();
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

catalog::ActiveCatalog bundledActive()
{
    return {catalog::Catalog::bundled(), false, {}};
}

} // namespace

class TstCatalogBrowser : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ark-workbench-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_catalogbrowser"));
        QVERIFY(m_dir.isValid());
    }
    void init()
    {
        QSettings().clear();
        QFile::remove(catalog::importedCatalogPath());
    }
    void cleanupTestCase()
    {
        QSettings().clear();
        QFile::remove(catalog::importedCatalogPath());
    }

    void listsCatalogWithLifecycleAndSignals()
    {
        catalog::EndpointRegistry registry;
        catalog::ServerSignals signalStore(m_dir.filePath(QStringLiteral("browser-signals.json")));
        CatalogBrowser browser(bundledActive(), &registry, &signalStore);
        browser.setNow(QDateTime::fromString(QStringLiteral("2025-11-23T14:00:00+08:00"), Qt::ISODate));
        QVERIFY(browser.versionLabel()->text().contains(catalog::Catalog::bundled()->version()));
        QVERIFY(browser.versionLabel()->text().contains(QStringLiteral("built in")));
        QVERIFY(!browser.showRetiredBox()->isChecked());
        const int active = browser.table()->model()->rowCount();
        browser.showRetiredBox()->setChecked(true);
        QCOMPARE(browser.table()->model()->rowCount(), int(catalog::Catalog::bundled()->models().size()));
        QVERIFY(active < browser.table()->model()->rowCount());

        QTest::keyClicks(browser.searchField(), QStringLiteral("doubao-pro-32k-241215"));
        QCOMPARE(browser.table()->model()->rowCount(), 1);
        const QModelIndex row = browser.table()->model()->index(0, ModelCatalogModel::LifecycleColumn);
        QVERIFY2(row.data().toString() ==
                     QStringLiteral("End of sale; retires in 4 days — 2025-11-27 14:00 UTC+8"),
                 qPrintable(row.data().toString()));

        // Selecting shows the details: dates in their zone, what happens at EOS, the reason.
        browser.selectModel(QStringLiteral("doubao-pro-32k-241215"));
        const QString details = browser.details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("End of service")) &&
                     details.contains(QStringLiteral("2025-11-27 14:00 UTC+8")),
                 qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("requests are answered by doubao-seed-1-6-251015")));
        QVERIFY(details.contains(QStringLiteral("Volcengine Ark retirement batch 5")));

        // A server's signal appears in its column, the details and the signals tab.
        QVERIFY(signalStore.record(QStringLiteral("doubao-pro-32k-241215"),
                                   api::DeprecationParser::fromHeaders({{"Deprecation", "true"}}),
                                   QDateTime(QDate(2025, 11, 20), QTime(2, 0), Qt::UTC)));
        const QModelIndex server = browser.table()->model()->index(0, ModelCatalogModel::ServerColumn);
        QVERIFY2(
            server.data().toString().startsWith(QStringLiteral("server reported deprecation on 2025-11-20")),
            qPrintable(server.data().toString()));
        QVERIFY(browser.details()->toPlainText().contains(QStringLiteral("server reported deprecation on")));
        QCOMPARE(browser.signalList()->topLevelItemCount(), 1);
        QCOMPARE(browser.signalList()->topLevelItem(0)->text(0), QStringLiteral("doubao-pro-32k-241215"));

        // Endpoints the registry holds are listed with their model's lifecycle.
        catalog::Endpoint ep;
        ep.id = QStringLiteral("ep-20250101-bot");
        ep.name = QStringLiteral("Bot");
        ep.modelId = QStringLiteral("doubao-pro-32k-241215");
        QVERIFY(registry.addOrUpdate(ep));
        QCOMPARE(browser.endpointTable()->rowCount(), 1);
        QCOMPARE(browser.endpointTable()->item(0, 1)->text(), ep.id);
        QVERIFY(browser.endpointTable()->item(0, 3)->text().contains(QStringLiteral("retires in 4 days")));
        QCOMPARE(browser.endpointTable()->item(0, 4)->text(), QStringLiteral("not yet"));
        registry.confirmModel(ep.id, QStringLiteral("doubao-pro-32k-241215"));
        QVERIFY(browser.endpointTable()->item(0, 4)->text().startsWith(
            QStringLiteral("doubao-pro-32k-241215 on ")));

        browser.searchField()->clear();
        browser.selectModel(QStringLiteral("doubao-pro-32k-241215"));
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QVERIFY(browser.grab().save(QStringLiteral("/tmp/switcher-browser.png")));
    }

    void importAccepted()
    {
        const QByteArray json = modifiedCatalog(QStringLiteral("2099-01-01.1"));
        const QString path = writeFile(m_dir, QStringLiteral("newer.json"), json);
        QVERIFY(!path.isEmpty());
        CatalogBrowser browser(bundledActive(), nullptr, nullptr);
        QSignalSpy imported(&browser, &CatalogBrowser::catalogImported);
        CatalogImportDialog* dialog = browser.prepareImport(path);
        QVERIFY(dialog);
        QVERIFY(dialog->canAccept());
        QVERIFY(dialog->acceptButton()->isEnabled());
        QVERIFY(dialog->problems().isEmpty());
        QCOMPARE(dialog->diff().added, QStringList{QStringLiteral("doubao-seed-2-0-pro-260101")});
        QVERIFY(dialog->diff().newlyDeprecated.contains(QStringLiteral("doubao-seed-1-6-flash-250615")));
        QVERIFY(dialog->diff().datesMoved.contains(QStringLiteral("claude-3-opus-20240229")));
        // What the person reads before deciding.
        const QString summary = dialog->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("Catalog version 2099-01-01.1")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("doubao-seed-2-0-pro-260101")));
        QVERIFY(summary.contains(QStringLiteral("doubao-seed-1-6-flash-250615")));
        QVERIFY(summary.contains(QStringLiteral("claude-3-opus-20240229")));
        QVERIFY(summary.contains(dialog->diff().summary()));
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->grab().save(QStringLiteral("/tmp/switcher-import.png")));

        QPointer<CatalogImportDialog> guard(dialog);
        dialog->acceptButton()->click();
        QCOMPARE(imported.count(), 1);
        QVERIFY(QFile::exists(catalog::importedCatalogPath()));
        QCOMPARE(readFile(catalog::importedCatalogPath()), json);
        QCOMPARE(browser.catalog()->version(), QStringLiteral("2099-01-01.1"));
        QVERIFY(browser.isImported());
        QVERIFY(browser.versionLabel()->text().contains(QStringLiteral("imported")));
        QVERIFY(browser.model()->rowForId(QStringLiteral("doubao-seed-2.0-pro-260101")) >= 0);
        QTRY_VERIFY(guard.isNull()); // the preview is deleted once closed

        // Used at the next start.
        const catalog::ActiveCatalog active = catalog::loadActiveCatalog();
        QVERIFY(active.imported);
        QCOMPARE(active.catalog->version(), QStringLiteral("2099-01-01.1"));

        // And the built-in one can be restored.
        QSignalSpy reverted(&browser, &CatalogBrowser::catalogReverted);
        QVERIFY(browser.revertToBuiltIn());
        QCOMPARE(reverted.count(), 1);
        QVERIFY(!QFile::exists(catalog::importedCatalogPath()));
        QCOMPARE(browser.catalog(), catalog::Catalog::bundled());
        QVERIFY(browser.model()->rowForId(QStringLiteral("doubao-seed-2-0-pro-260101")) < 0);
    }

    void importRejectedKeepsCatalog()
    {
        const QString path = writeFile(m_dir, QStringLiteral("rejected.json"),
                                       modifiedCatalog(QStringLiteral("2099-01-01.2")));
        CatalogBrowser browser(bundledActive(), nullptr, nullptr);
        QSignalSpy imported(&browser, &CatalogBrowser::catalogImported);
        CatalogImportDialog* dialog = browser.prepareImport(path);
        QVERIFY(dialog);
        QVERIFY(!dialog->diff().isEmpty());
        dialog->reject();
        QCOMPARE(imported.count(), 0);
        QVERIFY(!QFile::exists(catalog::importedCatalogPath()));
        QCOMPARE(browser.catalog(), catalog::Catalog::bundled());
        QVERIFY(!catalog::loadActiveCatalog().imported);
    }

    void importShowsProblems()
    {
        CatalogBrowser browser(bundledActive(), nullptr, nullptr);

        // Loads, with a broken reference reported.
        CatalogImportDialog* broken = browser.prepareImport(writeFile(
            m_dir, QStringLiteral("broken-ref.json"), modifiedCatalog(QStringLiteral("2099-02-01.1"), true)));
        QVERIFY(broken);
        QVERIFY(broken->importedCatalog());
        QCOMPARE(broken->problems().size(), 1);
        QVERIFY(broken->problems().first().contains(QStringLiteral("no-such-model-999")));
        QVERIFY(broken->summaryText().contains(QStringLiteral("Problems found (1)")));
        QVERIFY(broken->summaryText().contains(QStringLiteral("no-such-model-999")));
        QVERIFY(broken->canAccept());
        broken->reject();

        // Not a catalog at all.
        CatalogImportDialog* garbage =
            browser.prepareImport(writeFile(m_dir, QStringLiteral("garbage.json"), "not json"));
        QVERIFY(garbage);
        QVERIFY(!garbage->importedCatalog());
        QVERIFY(!garbage->canAccept());
        QVERIFY(!garbage->acceptButton()->isEnabled());
        QVERIFY(garbage->summaryText().contains(QStringLiteral("not a catalog")));
        garbage->accept(); // even forced, nothing is saved
        QVERIFY(!QFile::exists(catalog::importedCatalogPath()));

        // Not newer than the built-in catalog: it would never be used.
        CatalogImportDialog* old = browser.prepareImport(writeFile(
            m_dir, QStringLiteral("old.json"), modifiedCatalog(catalog::Catalog::bundled()->version())));
        QVERIFY(old);
        QVERIFY(old->importedCatalog());
        QVERIFY(!old->canAccept());
        QVERIFY(old->summaryText().contains(QStringLiteral("not newer than the built-in catalog")));
        old->reject();

        // Unreadable.
        QVERIFY(!browser.prepareImport(m_dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(browser.lastError().contains(QStringLiteral("missing.json")));
        QVERIFY(!QFile::exists(catalog::importedCatalogPath()));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TstCatalogBrowser)
#include "tst_catalogbrowser.moc"
