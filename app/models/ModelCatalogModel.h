// The models a person can pick: every catalog entry plus the registered Ark endpoints, each with
// its badges (capabilities, context window, short price) and its lifecycle at an injectable "now",
// raised by what servers reported at run time (a 410 makes a model retired whatever the catalog
// says). ModelCatalogFilter adds type-to-search, hides retired rows unless asked, and sorts rows
// into groups (provider, then kind) for the quick switcher and the catalog browser.
#pragma once

#include "catalog/Catalog.h"
#include "catalog/EndpointRegistry.h"
#include "catalog/ServerSignals.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <memory>
#include <vector>

namespace ark::models {

class ModelCatalogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        IdColumn,
        ProviderColumn,
        KindColumn,
        ContextColumn,
        PriceColumn,
        LifecycleColumn,
        ServerColumn,
        ColumnCount
    };

    // Every role answers on any column of the row. LifecycleColumn shows the state and the badge
    // ("End of sale; retires in 4 days — 2025-11-27 14:00 UTC+8"); LifecycleTextRole has it all.
    enum Roles {
        IdRole = Qt::UserRole + 1, // QString: what goes in the request (model id or "ep-…")
        DisplayNameRole,           // QString
        ModelIdRole,               // QString: the catalog model (an endpoint's link; "" when unlinked)
        AliasesRole,               // QStringList
        ProviderRole,              // QString provider id
        ProviderNameRole,          // QString
        KindRole,                  // QString kind id ("chat"...)
        KindNameRole,              // QString, translated
        GroupRole,                 // QString "Volcengine Ark · Reasoning", translated
        GroupOrderRole,            // int: groups sort by it
        CapabilityBadgesRole,      // QStringList, translated short words ("thinking", "tools"...)
        ContextWindowRole,         // qint64, 0 = unknown
        ContextTextRole,           // QString "256K context", "" when unknown
        PriceTextRole,             // QString "from ¥0.8 in · ¥2 out /M", "" when unknown
        StateRole,                 // int (catalog::LifecycleState), server signals included
        StateIdRole,               // QString "deprecated"...
        LifecycleTextRole,         // QString "retires in 4 days — 2025-11-27 14:00 UTC+8"
        LifecycleBadgeRole,        // QString: what the row's badge says ("" for a plain active model)
        NextDateRole,              // QDateTime: the next lifecycle boundary, invalid when none
        EndOfServiceRole,          // QDateTime: when it stops (or stopped) serving, invalid when unknown
        ReplacementRole,           // QString: the model to switch to ("" = none)
        ServerSignalRole,          // QString "server reported deprecation on …", "" = none
        IsEndpointRole,            // bool
        IsExternalRole,            // bool: only named as a replacement; little is known
        SearchTextRole,            // QString: what type-to-search matches against (normalised)
    };
    Q_ENUM(Roles)

    explicit ModelCatalogModel(QObject* parent = nullptr);
    // Starts from `initial` instead of the bundled catalog (the window passes an empty one and
    // loads the real one off the UI thread, so the first window never waits for a parse).
    explicit ModelCatalogModel(std::shared_ptr<const catalog::Catalog> initial, QObject* parent = nullptr);

    // Sources; none is owned. The catalog defaults to the bundled one. Changes of the registry and
    // the signals rebuild the rows.
    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog);
    std::shared_ptr<const catalog::Catalog> catalog() const { return m_catalog; }
    void setEndpoints(catalog::EndpointRegistry* registry);
    catalog::EndpointRegistry* endpoints() const { return m_endpoints; }
    void setServerSignals(catalog::ServerSignals* source);
    catalog::ServerSignals* serverSignals() const { return m_signals; }

    // The moment lifecycle states are computed at. Invalid (the default) = the current time,
    // re-read by refresh(); tests inject a fixed instant.
    void setNow(const QDateTime& now);
    QDateTime now() const;
    void refresh(); // recomputes every row's state (call e.g. once an hour, or after midnight)

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowForId(const QString& id) const; // matches spellings like the catalog; -1 when absent

    // Shared by the picker, the banner and the browser so every view words things the same way.
    static QStringList capabilityBadges(const catalog::ModelInfo& info);
    static QString contextText(qint64 tokens); // "256K context"
    static QString shortPrice(const pricing::PriceTable& prices);
    static QString shortMoney(qint64 micros, const QString& currency); // "¥0.8", not "¥0.800000"
    // "" for a plain active model, else the lifecycle text (the badge is shown only when it says something).
    static QString lifecycleBadge(const catalog::LifecycleStatus& status, const QDateTime& now);
    // Lowercased, with runs of . - _ / and spaces folded to one space, so "seed 1.6" finds "seed-1-6".
    static QString searchKey(const QString& text);

private:
    struct Row
    {
        QString id;
        QString modelId;
        const catalog::ModelInfo* info = nullptr; // into m_catalog; nullptr for an unlinked endpoint
        QString displayName;
        bool endpoint = false;
        catalog::LifecycleStatus status;
        QString lifecycleText;
        QString serverText;
        QString searchText;
    };
    void rebuild();
    void computeState(Row& row) const;
    QString groupName(const Row& row) const;
    int groupOrder(const Row& row) const;

    std::shared_ptr<const catalog::Catalog> m_catalog;
    QPointer<catalog::EndpointRegistry> m_endpoints;
    QPointer<catalog::ServerSignals> m_signals;
    QDateTime m_now;
    std::vector<Row> m_rows;
};

// Type-to-search over id, aliases, name, capability words, provider and kind; every word typed must
// match somewhere. Retired rows are hidden unless showRetired. Rows sort by group, then the ones
// whose id or name starts with the search, then by lifecycle (active first) and id.
class ModelCatalogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ModelCatalogFilter(QObject* parent = nullptr);

    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }
    void setShowRetired(bool show);
    bool showRetired() const { return m_showRetired; }
    // How many rows match the search but are hidden because they are retired.
    int hiddenRetiredCount() const;
    // Hides models that cannot be chatted with (image/video generation, embeddings). Off by default.
    void setChatOnly(bool chatOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool accepts(const QModelIndex& sourceIndex, bool showRetired) const;
    bool matchesSearch(const QModelIndex& sourceIndex) const;
    int prefixRank(const QModelIndex& sourceIndex) const; // 0 = id or name starts with the search

    QString m_search;
    QStringList m_words; // searchKey(m_search) split
    bool m_showRetired = false;
    bool m_chatOnly = false;
};

} // namespace ark::models
