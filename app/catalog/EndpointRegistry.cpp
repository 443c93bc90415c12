#include "EndpointRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace ark::catalog {

namespace {

// Setting names: stable, never translated.
const QString kArray = QStringLiteral("endpoints");
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kModel = QStringLiteral("model");
const QString kAccount = QStringLiteral("account");
const QString kConfirmedModel = QStringLiteral("confirmedModel");
const QString kConfirmedAt = QStringLiteral("confirmedAt");
const QString kDefaultAccount = QStringLiteral("ark");

} // namespace

EndpointRegistry::EndpointRegistry(std::shared_ptr<const Catalog> catalog, QObject* parent)
    : QObject(parent), m_catalog(catalog ? std::move(catalog) : Catalog::bundled())
{
    reload();
}

void EndpointRegistry::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = catalog ? std::move(catalog) : Catalog::bundled();
    emit changed(); // resolve() answers differently now
}

bool EndpointRegistry::isEndpointId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^ep-[A-Za-z0-9][A-Za-z0-9-]*$"));
    return pattern.match(id).hasMatch();
}

const Endpoint* EndpointRegistry::endpoint(const QString& id) const
{
    for (const Endpoint& endpoint : m_endpoints) {
        if (endpoint.id == id.trimmed())
            return &endpoint;
    }
    return nullptr;
}

Endpoint* EndpointRegistry::find(const QString& id)
{
    return const_cast<Endpoint*>(std::as_const(*this).endpoint(id));
}

bool EndpointRegistry::addOrUpdate(const Endpoint& endpoint, QString* error)
{
    Endpoint clean = endpoint;
    clean.id = clean.id.trimmed();
    clean.name = clean.name.trimmed();
    clean.modelId = clean.modelId.trimmed();
    clean.accountId = clean.accountId.trimmed().isEmpty() ? kDefaultAccount : clean.accountId.trimmed();
    if (!isEndpointId(clean.id)) {
        if (error)
            *error = tr("“%1” is not an endpoint ID: Ark endpoint IDs start with “ep-”.").arg(clean.id);
        return false;
    }
    if (isEndpointId(clean.modelId)) {
        if (error)
            *error = tr("An endpoint serves a model: link it to a model ID, not to another endpoint.");
        return false;
    }
    if (Endpoint* existing = find(clean.id)) {
        if (!sameModel(existing->modelId, clean.modelId)) {
            // A new link: the old confirmation was about another model.
            existing->confirmedModel.clear();
            existing->confirmedAt = {};
        }
        existing->name = clean.name;
        existing->modelId = clean.modelId;
        existing->accountId = clean.accountId;
    } else {
        m_endpoints.push_back(clean);
    }
    save();
    emit changed();
    return true;
}

bool EndpointRegistry::remove(const QString& id)
{
    for (auto it = m_endpoints.begin(); it != m_endpoints.end(); ++it) {
        if (it->id == id.trimmed()) {
            m_endpoints.erase(it);
            save();
            emit changed();
            return true;
        }
    }
    return false;
}

bool EndpointRegistry::rename(const QString& id, const QString& name)
{
    const Endpoint* current = endpoint(id);
    if (!current)
        return false;
    Endpoint updated = *current;
    updated.name = name;
    return addOrUpdate(updated);
}

bool EndpointRegistry::link(const QString& id, const QString& modelId)
{
    const Endpoint* current = endpoint(id);
    if (!current)
        return false;
    Endpoint updated = *current;
    updated.modelId = modelId;
    return addOrUpdate(updated);
}

QString EndpointRegistry::resolvedModelId(const QString& modelOrEndpointId) const
{
    const QString id = modelOrEndpointId.trimmed();
    if (const Endpoint* ep = endpoint(id))
        return ep->modelId;
    return id;
}

const ModelInfo* EndpointRegistry::resolve(const QString& modelOrEndpointId) const
{
    const QString id = resolvedModelId(modelOrEndpointId);
    return id.isEmpty() || !m_catalog ? nullptr : m_catalog->find(id);
}

QString EndpointRegistry::displayName(const QString& modelOrEndpointId) const
{
    const QString id = modelOrEndpointId.trimmed();
    if (const Endpoint* ep = endpoint(id))
        return ep->name.isEmpty() ? ep->id : tr("%1 (%2)").arg(ep->name, ep->id);
    if (const ModelInfo* info = m_catalog ? m_catalog->find(id) : nullptr)
        return info->displayName.isEmpty() ? info->id : info->displayName;
    return id;
}

bool EndpointRegistry::sameModel(const QString& a, const QString& b) const
{
    if (Catalog::normalizedId(a) == Catalog::normalizedId(b))
        return true;
    // Two spellings of one catalog entry (an id and its alias) are the same model.
    const ModelInfo* left = m_catalog ? m_catalog->find(a) : nullptr;
    return left && left == m_catalog->find(b);
}

EndpointNotice EndpointRegistry::confirmModel(const QString& endpointId, const QString& reportedModel,
                                              const QDateTime& at)
{
    EndpointNotice notice;
    notice.endpointId = endpointId.trimmed();
    notice.reportedModel = reportedModel.trimmed();
    Endpoint* ep = find(notice.endpointId);
    // Some gateways echo the endpoint id itself: that says nothing about the model.
    if (!ep || notice.reportedModel.isEmpty() || isEndpointId(notice.reportedModel))
        return notice;

    // The link is stored as the catalog writes the id, so badges and banners find it.
    const ModelInfo* reported = m_catalog ? m_catalog->find(notice.reportedModel) : nullptr;
    const QString canonical = reported ? reported->id : notice.reportedModel;
    notice.previousModel = ep->modelId;
    const bool changedLink = !sameModel(ep->modelId, notice.reportedModel);
    if (ep->modelId.isEmpty()) {
        notice.kind = EndpointNotice::Kind::Linked;
        notice.text =
            tr("Endpoint “%1” serves %2: it is now linked to that model.").arg(ep->displayName(), canonical);
    } else if (changedLink) {
        notice.kind = EndpointNotice::Kind::Corrected;
        notice.text = tr("The server reports that endpoint “%1” serves %2, not %3 as it was linked. "
                         "The link now says %2, so its capabilities, prices and warnings apply.")
                          .arg(ep->displayName(), canonical, ep->modelId);
    } else {
        notice.kind = EndpointNotice::Kind::Confirmed;
    }
    if (changedLink)
        ep->modelId = canonical;
    const bool firstConfirmation = ep->confirmedModel != notice.reportedModel;
    ep->confirmedModel = notice.reportedModel;
    ep->confirmedAt = at.toUTC();
    // A confirmation of what was already confirmed is not worth a settings write per response.
    if (changedLink || firstConfirmation) {
        save();
        emit changed();
    }
    if (notice.shouldShow())
        emit noticeRaised(notice);
    return notice;
}

void EndpointRegistry::reload()
{
    QSettings settings;
    m_endpoints.clear();
    const int size = settings.beginReadArray(kArray);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        Endpoint ep;
        ep.id = settings.value(kId).toString().trimmed();
        if (!isEndpointId(ep.id) || endpoint(ep.id))
            continue; // a hand-edited or damaged entry is skipped, not fatal
        ep.name = settings.value(kName).toString();
        ep.modelId = settings.value(kModel).toString();
        ep.accountId = settings.value(kAccount, kDefaultAccount).toString();
        ep.confirmedModel = settings.value(kConfirmedModel).toString();
        ep.confirmedAt = QDateTime::fromString(settings.value(kConfirmedAt).toString(), Qt::ISODate);
        m_endpoints.push_back(ep);
    }
    settings.endArray();
    emit changed();
}

void EndpointRegistry::save() const
{
    QSettings settings;
    settings.remove(kArray); // a shorter list must not keep the old tail
    settings.beginWriteArray(kArray, int(m_endpoints.size()));
    for (int i = 0; i < int(m_endpoints.size()); ++i) {
        const Endpoint& ep = m_endpoints[size_t(i)];
        settings.setArrayIndex(i);
        settings.setValue(kId, ep.id);
        settings.setValue(kName, ep.name);
        settings.setValue(kModel, ep.modelId);
        settings.setValue(kAccount, ep.accountId);
        settings.setValue(kConfirmedModel, ep.confirmedModel);
        settings.setValue(kConfirmedAt,
                          ep.confirmedAt.isValid() ? ep.confirmedAt.toString(Qt::ISODate) : QString());
    }
    settings.endArray();
}

// ---- The catalog in use -------------------------------------------------------------------------

QString importedCatalogPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/catalog.json");
}

int compareCatalogVersions(const QString& a, const QString& b)
{
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    QList<qulonglong> left, right;
    for (auto it = digits.globalMatch(a); it.hasNext();)
        left.append(it.next().captured().toULongLong());
    for (auto it = digits.globalMatch(b); it.hasNext();)
        right.append(it.next().captured().toULongLong());
    for (int i = 0; i < std::max(left.size(), right.size()); ++i) {
        const qulonglong l = i < left.size() ? left[i] : 0;
        const qulonglong r = i < right.size() ? right[i] : 0;
        if (l != r)
            return l < r ? -1 : 1;
    }
    return 0;
}

ActiveCatalog loadActiveCatalog()
{
    ActiveCatalog active;
    active.catalog = Catalog::bundled();
    QFile file(importedCatalogPath());
    if (!file.exists())
        return active;
    if (!file.open(QIODevice::ReadOnly)) {
        active.note =
            QCoreApplication::translate("ark::catalog", "The imported catalog %1 cannot be read: %2")
                .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return active;
    }
    QStringList problems;
    std::shared_ptr<const Catalog> imported = Catalog::fromJson(file.readAll(), &problems);
    if (!imported) {
        active.note = QCoreApplication::translate("ark::catalog", "The imported catalog is not usable: %1")
                          .arg(problems.join(QStringLiteral("; ")));
        return active;
    }
    if (compareCatalogVersions(imported->version(), active.catalog->version()) <= 0) {
        // The app was updated since the import: its own catalog knows at least as much.
        active.note = QCoreApplication::translate("ark::catalog",
                                                  "The imported catalog (version %1) is not newer than the "
                                                  "built-in one (version %2); the built-in one is used.")
                          .arg(imported->version(), active.catalog->version());
        return active;
    }
    active.catalog = std::move(imported);
    active.imported = true;
    return active;
}

bool saveImportedCatalog(const QByteArray& json, QString* error)
{
    const QString path = importedCatalogPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = QCoreApplication::translate("ark::catalog", "Cannot create the folder for %1")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ark::catalog", "Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool removeImportedCatalog()
{
    QFile file(importedCatalogPath());
    return !file.exists() || file.remove();
}

} // namespace ark::catalog
