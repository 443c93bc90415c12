// The model catalog window: every model with its lifecycle now and what servers reported about it,
// the person's Ark endpoints (add, name, link to the model they serve), and "Import Catalog…", which
// shows what a newer catalog file changes (new models, newly deprecated, dates moved, prices) and
// any problems before the person accepts it. An accepted file is saved to AppDataLocation and used
// instead of the built-in catalog (catalog::loadActiveCatalog()) while its version is newer.
#pragma once

#include "catalog/Catalog.h"
#include "catalog/EndpointRegistry.h"
#include "catalog/ServerSignals.h"
#include "models/ModelCatalogModel.h"

#include <QDialog>
#include <QPointer>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace ark::ui {

// The preview of an import: accepted = the person wants this catalog.
class CatalogImportDialog : public QDialog
{
    Q_OBJECT
public:
    // `current` is the catalog in use; the diff is against it. `json` is the file's content.
    CatalogImportDialog(std::shared_ptr<const catalog::Catalog> current, const QByteArray& json,
                        const QString& fileName, QWidget* parent = nullptr);

    std::shared_ptr<const catalog::Catalog> importedCatalog() const
    {
        return m_imported;
    } // null when unusable
    const catalog::CatalogDiff& diff() const { return m_diff; }
    const QStringList& problems() const { return m_problems; }
    QByteArray json() const { return m_json; }
    // False for a file that does not load, or that is not newer than the built-in catalog (it
    // would never be used); the reason is in summaryText().
    bool canAccept() const { return m_canAccept; }
    QString summaryText() const; // everything the dialog says, plain text
    QPushButton* acceptButton() const { return m_accept; }

private:
    std::shared_ptr<const catalog::Catalog> m_imported;
    catalog::CatalogDiff m_diff;
    QStringList m_problems;
    QByteArray m_json;
    bool m_canAccept = false;
    QLabel* m_header;
    QPlainTextEdit* m_changes;
    QPushButton* m_accept;
};

class CatalogBrowser : public QDialog
{
    Q_OBJECT
public:
    // `active` is the catalog in use (loadActiveCatalog()); the registry and the signals are not owned.
    CatalogBrowser(const catalog::ActiveCatalog& active, catalog::EndpointRegistry* endpoints,
                   catalog::ServerSignals* serverSignals, QWidget* parent = nullptr);

    std::shared_ptr<const catalog::Catalog> catalog() const { return m_catalog; }
    bool isImported() const { return m_imported; }
    void setNow(const QDateTime& now); // invalid = the current time (tests inject one)
    void selectModel(const QString& modelOrEndpointId);

    // Reads `path` and returns the preview (not yet shown, owned by this browser, deleted when
    // closed); accepting it saves and applies the catalog. nullptr when the file cannot be read
    // (the reason in lastError()).
    CatalogImportDialog* prepareImport(const QString& path);
    QString lastError() const { return m_lastError; }
    // Forgets an imported catalog: the built-in one is used again. False when it cannot be removed.
    bool revertToBuiltIn();

    // For tests and screenshots.
    QTabWidget* tabs() const { return m_tabs; }
    models::ModelCatalogModel* model() const { return m_model; }
    models::ModelCatalogFilter* filter() const { return m_filter; }
    QLineEdit* searchField() const { return m_search; }
    QCheckBox* showRetiredBox() const { return m_showRetired; }
    QTableView* table() const { return m_table; }
    QTextBrowser* details() const { return m_details; }
    QLabel* versionLabel() const { return m_version; }
    QTableWidget* endpointTable() const { return m_endpointTable; }
    QTreeWidget* signalList() const { return m_signalList; }

signals:
    // An import was accepted and saved: the window may use it at once (it is used from the next
    // start anyway).
    void catalogImported(std::shared_ptr<const ark::catalog::Catalog> catalog);
    // The imported catalog was removed: the built-in one applies.
    void catalogReverted(std::shared_ptr<const ark::catalog::Catalog> builtIn);

private:
    QWidget* createModelsTab();
    QWidget* createEndpointsTab();
    QWidget* createSignalsTab();
    void chooseImportFile();
    void applyImport(CatalogImportDialog* dialog);
    void useCatalog(std::shared_ptr<const catalog::Catalog> catalog, bool imported);
    void updateVersionLabel();
    void showDetails();
    void refreshEndpoints();
    void refreshSignals();
    void editEndpoint(const QString& id); // "" = add a new one
    void removeSelectedEndpoint();

    std::shared_ptr<const catalog::Catalog> m_catalog;
    bool m_imported = false;
    QPointer<catalog::EndpointRegistry> m_endpoints;
    QPointer<catalog::ServerSignals> m_signals;
    QString m_lastError;

    models::ModelCatalogModel* m_model;
    models::ModelCatalogFilter* m_filter;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_version = nullptr;
    QPushButton* m_revert = nullptr;
    QLineEdit* m_search = nullptr;
    QCheckBox* m_showRetired = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
    QTableWidget* m_endpointTable = nullptr;
    QTreeWidget* m_signalList = nullptr;
};

} // namespace ark::ui
