#include "Catalog.h"

namespace ark::catalog {

QString kindId(ModelKind) { return {}; }
QString kindDisplayName(ModelKind) { return {}; }
std::optional<ModelKind> kindFromId(const QString&) { return std::nullopt; }
std::shared_ptr<const Catalog> Catalog::fromJson(const QByteArray&, QStringList*) { return {}; }
std::shared_ptr<const Catalog> Catalog::bundled() { return std::make_shared<const Catalog>(); }
const ModelInfo* Catalog::find(const QString&) const { return nullptr; }
QString Catalog::normalizedId(const QString& modelId) { return modelId; }
LifecycleStatus Catalog::statusAt(const QString&, const QDateTime&) const { return {}; }
bool CatalogDiff::isEmpty() const { return true; }
QString CatalogDiff::summary() const { return {}; }
CatalogDiff diffCatalogs(const Catalog&, const Catalog&) { return {}; }

} // namespace ark::catalog
