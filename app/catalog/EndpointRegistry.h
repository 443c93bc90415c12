// Ark endpoint ids ("ep-…") the person uses, each named and linked to the catalog model it serves,
// so an endpoint gets the model's capabilities, prices and lifecycle warnings. The server's answer
// names the model that really answered (ChatResult::model): confirmModel() checks the link against it
// and corrects it. Persisted in QSettings next to the accounts (AccountSettings); an endpoint id is
// not a secret, and no key is ever stored here.
//
// Also here: which catalog the app uses (the bundled one, or a newer imported file).
#pragma once

#include "catalog/Catalog.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <memory>
#include <vector>

namespace ark::catalog {

struct Endpoint
{
    QString id;             // "ep-20250101123456-abcde"
    QString name;           // the person's name for it ("" = none; displayName() falls back to the id)
    QString modelId;        // the catalog model it serves, as linked ("" = not linked yet)
    QString accountId;      // the provider account it belongs to (AccountSettings id; "ark" by default)
    QString confirmedModel; // the model the server last reported for it ("" = never seen)
    QDateTime confirmedAt;  // when (UTC)

    QString displayName() const { return name.isEmpty() ? id : name; }
};

// What confirmModel() found. Only Linked and Corrected are worth showing to the person.
struct EndpointNotice
{
    enum class Kind {
        None,      // not a registered endpoint, or no model reported
        Confirmed, // the server reports the linked model
        Linked,    // the endpoint had no link: it is now linked to the reported model
        Corrected, // the server reports another model: the link now says what the server says
    };
    Kind kind = Kind::None;
    QString endpointId;
    QString previousModel; // the link before (Corrected)
    QString reportedModel; // as the server wrote it
    QString text;          // translated, "" for None and Confirmed

    bool shouldShow() const { return kind == Kind::Linked || kind == Kind::Corrected; }
};

class EndpointRegistry : public QObject
{
    Q_OBJECT
public:
    // Reads the endpoints from QSettings. `catalog` resolves links (nullptr = the bundled catalog).
    explicit EndpointRegistry(std::shared_ptr<const Catalog> catalog = nullptr, QObject* parent = nullptr);

    void setCatalog(std::shared_ptr<const Catalog> catalog);
    std::shared_ptr<const Catalog> catalog() const { return m_catalog; }

    // "ep-" followed by letters, digits and hyphens, as the Ark console writes them.
    static bool isEndpointId(const QString& id);

    const std::vector<Endpoint>& endpoints() const { return m_endpoints; }
    const Endpoint* endpoint(const QString& id) const; // nullptr when not registered

    // Adds or, when the id is already registered, updates name, link and account (the confirmation
    // is kept unless the link changes). False (with a translated reason) for an invalid id.
    bool addOrUpdate(const Endpoint& endpoint, QString* error = nullptr);
    bool remove(const QString& id);
    bool rename(const QString& id, const QString& name);
    bool link(const QString& id, const QString& modelId);

    // The catalog entry behind a model id or a registered endpoint id; nullptr when unknown (an
    // unlinked endpoint, or a model the catalog does not describe).
    const ModelInfo* resolve(const QString& modelOrEndpointId) const;
    // The model id to look up in the catalog: the link for an endpoint, the id itself otherwise.
    QString resolvedModelId(const QString& modelOrEndpointId) const;
    // "My endpoint (ep-…)" for an endpoint, the catalog's display name for a model, else the id.
    QString displayName(const QString& modelOrEndpointId) const;

    // The response's `model` field confirms or corrects the link of `endpointId`. Ark writes the
    // served model with its version ("doubao-seed-1-6-250615"); spellings are compared the way the
    // catalog matches ids. Saves any change; emits changed() and, for shown notices, noticeRaised().
    EndpointNotice confirmModel(const QString& endpointId, const QString& reportedModel,
                                const QDateTime& at = QDateTime::currentDateTimeUtc());

    void reload(); // from QSettings

signals:
    void changed();
    void noticeRaised(const ark::catalog::EndpointNotice& notice);

private:
    void save() const;
    Endpoint* find(const QString& id);
    bool sameModel(const QString& a, const QString& b) const;

    std::shared_ptr<const Catalog> m_catalog;
    std::vector<Endpoint> m_endpoints; // in the order they were added
};

// ---- The catalog in use -------------------------------------------------------------------------

// Where an accepted import is kept: <AppDataLocation>/catalog.json.
QString importedCatalogPath();
// Orders catalog versions ("2025-09-15.1" < "2025-09-15.2" < "2026-01-02.1"): each run of digits is
// compared as a number, so "2025-09-15.10" is newer than "2025-09-15.9". <0, 0, >0 like strcmp.
int compareCatalogVersions(const QString& a, const QString& b);

struct ActiveCatalog
{
    std::shared_ptr<const Catalog> catalog; // never null
    bool imported = false;                  // true: the imported file, false: the bundled catalog
    QString note; // why an imported file was not used (unreadable, broken, not newer); "" otherwise
};
// The imported catalog when it loads and its version is newer than the bundled one, else the
// bundled catalog. Pure file reading and parsing: safe to call off the UI thread at start-up.
ActiveCatalog loadActiveCatalog();
// Writes an accepted import (atomically). False with a translated reason on failure.
bool saveImportedCatalog(const QByteArray& json, QString* error = nullptr);
// Forgets the imported file: the bundled catalog is used from the next start. False when it
// exists and cannot be removed.
bool removeImportedCatalog();

} // namespace ark::catalog
