#include "ModelCatalogModel.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ark::models {

using catalog::LifecycleState;

namespace {

const QString kArkProvider = QStringLiteral("volcengine-ark");

// How far a state is from "fine to use": sorts the healthy rows of a group first.
int stateRank(LifecycleState state)
{
    switch (state) {
    case LifecycleState::Active:
    case LifecycleState::Legacy:
    case LifecycleState::Unknown:
        return 0;
    case LifecycleState::Deprecated:
        return 1;
    case LifecycleState::EndOfSale:
        return 2;
    case LifecycleState::Retired:
        return 3;
    }
    return 0;
}

} // namespace

// ---- ModelCatalogModel --------------------------------------------------------------------------

ModelCatalogModel::ModelCatalogModel(QObject* parent)
    : QAbstractTableModel(parent), m_catalog(catalog::Catalog::bundled())
{
    rebuild();
}

ModelCatalogModel::ModelCatalogModel(std::shared_ptr<const catalog::Catalog> initial, QObject* parent)
    : QAbstractTableModel(parent), m_catalog(initial ? std::move(initial) : catalog::Catalog::bundled())
{
    rebuild();
}

void ModelCatalogModel::setCatalog(std::shared_ptr<const catalog::Catalog> source)
{
    m_catalog = source ? std::move(source) : catalog::Catalog::bundled();
    rebuild();
}

void ModelCatalogModel::setEndpoints(catalog::EndpointRegistry* registry)
{
    if (m_endpoints)
        disconnect(m_endpoints, nullptr, this, nullptr);
    m_endpoints = registry;
    if (m_endpoints)
        connect(m_endpoints, &catalog::EndpointRegistry::changed, this, &ModelCatalogModel::rebuild);
    rebuild();
}

void ModelCatalogModel::setServerSignals(catalog::ServerSignals* source)
{
    if (m_signals)
        disconnect(m_signals, nullptr, this, nullptr);
    m_signals = source;
    if (m_signals)
        connect(m_signals, &catalog::ServerSignals::changed, this, &ModelCatalogModel::refresh);
    refresh();
}

void ModelCatalogModel::setNow(const QDateTime& now)
{
    m_now = now;
    refresh();
}

QDateTime ModelCatalogModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void ModelCatalogModel::refresh()
{
    for (Row& row : m_rows)
        computeState(row);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ModelCatalogModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_endpoints) {
        for (const catalog::Endpoint& ep : m_endpoints->endpoints()) {
            Row row;
            row.id = ep.id;
            row.modelId = ep.modelId;
            row.info = ep.modelId.isEmpty() ? nullptr : m_catalog->find(ep.modelId);
            row.displayName = ep.displayName();
            row.endpoint = true;
            m_rows.push_back(row);
        }
    }
    for (const catalog::ModelInfo& info : m_catalog->models()) {
        Row row;
        row.id = info.id;
        row.modelId = info.id;
        row.info = &info;
        row.displayName = info.displayName.isEmpty() ? info.id : info.displayName;
        m_rows.push_back(row);
    }
    for (Row& row : m_rows) {
        computeState(row);
        QStringList words{row.id, row.displayName, row.modelId};
        if (row.endpoint)
            words << QStringLiteral("endpoint") << tr("endpoint");
        const catalog::ProviderInfo* provider = nullptr;
        if (row.info) {
            words << row.info->aliases << row.info->family << row.info->provider
                  << catalog::kindId(row.info->kind) << catalog::kindDisplayName(row.info->kind)
                  << capabilityBadges(*row.info);
            const catalog::Capabilities& caps = row.info->capabilities;
            if (caps.supportsThinking() || caps.alwaysThinks)
                words << QStringLiteral("thinking reasoning think");
            if (caps.imageInput)
                words << QStringLiteral("vision image images multimodal");
            if (caps.videoInput)
                words << QStringLiteral("video multimodal");
            if (caps.tools)
                words << QStringLiteral("tools function calling functions");
            if (caps.toolChoice)
                words << QStringLiteral("tool_choice");
            if (caps.structuredOutput)
                words << QStringLiteral("json structured output schema");
            provider = m_catalog->provider(row.info->provider);
        } else if (row.endpoint) {
            words << kArkProvider;
            provider = m_catalog->provider(kArkProvider);
        }
        if (provider)
            words << provider->displayName;
        row.searchText = searchKey(words.join(QLatin1Char(' ')));
    }
    endResetModel();
}

void ModelCatalogModel::computeState(Row& row) const
{
    const QDateTime at = now();
    row.status = row.info ? m_catalog->statusAt(row.info->id, at) : catalog::LifecycleStatus{};
    row.lifecycleText = row.endpoint && row.modelId.isEmpty() ? tr("not linked to a model yet")
                                                              : catalog::describeStatus(row.status, at);
    row.serverText.clear();
    if (!m_signals)
        return;
    std::optional<catalog::ServerSignal> signal = m_signals->signalFor(row.id);
    if (!signal && row.endpoint && !row.modelId.isEmpty())
        signal = m_signals->signalFor(row.modelId); // the model an endpoint serves is the same model
    if (!signal)
        return;
    row.serverText = signal->describe();

    // The server knows better than a catalog that may be out of date: its signals can only make a
    // row's state worse, never better.
    catalog::LifecycleStatus server;
    server.notice = signal->deprecatedSince.isValid() ? signal->deprecatedSince : signal->firstSeen;
    server.eos =
        signal->gone ? (signal->goneSeen.isValid() ? signal->goneSeen : signal->lastSeen) : signal->sunset;
    server.replacement = signal->replacement.isEmpty() ? row.status.replacement : signal->replacement;
    if (signal->gone || (signal->sunset.isValid() && at >= signal->sunset))
        server.state = LifecycleState::Retired;
    else
        server.state = LifecycleState::Deprecated;
    if (server.state == LifecycleState::Deprecated && signal->sunset.isValid())
        server.nextDate = signal->sunset;
    if (stateRank(server.state) > stateRank(row.status.state)) {
        row.status = server;
        row.lifecycleText = catalog::describeStatus(server, at);
    }
}

int ModelCatalogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ModelCatalogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ModelCatalogModel::groupName(const Row& row) const
{
    const QString providerId = row.info ? row.info->provider : kArkProvider;
    const catalog::ProviderInfo* provider = m_catalog->provider(providerId);
    const QString providerName =
        provider && !provider->displayName.isEmpty() ? provider->displayName : providerId;
    if (row.endpoint)
        //: A group of the model list: "Volcengine Ark · My endpoints"
        return tr("%1 · My endpoints").arg(providerName);
    //: A group of the model list: "Volcengine Ark · Reasoning"
    return tr("%1 · %2").arg(providerName, catalog::kindDisplayName(row.info->kind));
}

int ModelCatalogModel::groupOrder(const Row& row) const
{
    const QString providerId = row.info ? row.info->provider : kArkProvider;
    int providerIndex = 0;
    const auto& providers = m_catalog->providers();
    for (; providerIndex < int(providers.size()); ++providerIndex) {
        if (providers[size_t(providerIndex)].id == providerId)
            break;
    }
    // A person's own endpoints come first within their provider: they are what they pay for.
    return providerIndex * 100 + (row.endpoint ? 0 : 1 + int(row.info->kind));
}

QVariant ModelCatalogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const catalog::ModelInfo* info = row.info;
    const QString providerId = info ? info->provider : kArkProvider;
    const auto providerName = [&] {
        const catalog::ProviderInfo* provider = m_catalog->provider(providerId);
        return provider && !provider->displayName.isEmpty() ? provider->displayName : providerId;
    };
    const QString contextWindow = info ? contextText(info->contextWindow) : QString();
    const QString price = info ? shortPrice(info->prices) : QString();

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return row.displayName;
        case IdColumn:
            return row.id;
        case ProviderColumn:
            return providerName();
        case KindColumn:
            return info ? catalog::kindDisplayName(info->kind) : QString();
        case ContextColumn:
            return contextWindow;
        case PriceColumn:
            return price;
        case LifecycleColumn: {
            // A table cell has room for the state and the badge; the whole text is in the tooltip.
            const QString badge =
                row.endpoint && row.modelId.isEmpty() ? row.lifecycleText : lifecycleBadge(row.status, now());
            const QString state = catalog::stateDisplayName(row.status.state);
            if (badge.isEmpty())
                return state;
            if (row.status.state == LifecycleState::Deprecated ||
                row.status.state == LifecycleState::EndOfSale)
                return tr("%1; %2").arg(state, badge);
            return badge;
        }
        case ServerColumn:
            return row.serverText;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{row.id};
        if (row.endpoint && !row.modelId.isEmpty())
            lines << tr("Serves %1").arg(row.modelId);
        lines << row.lifecycleText;
        if (!row.serverText.isEmpty())
            lines << row.serverText;
        return lines.join(QLatin1Char('\n'));
    }
    case IdRole:
        return row.id;
    case DisplayNameRole:
        return row.displayName;
    case ModelIdRole:
        return row.modelId;
    case AliasesRole:
        return info ? info->aliases : QStringList();
    case ProviderRole:
        return providerId;
    case ProviderNameRole:
        return providerName();
    case KindRole:
        return info ? catalog::kindId(info->kind) : QString();
    case KindNameRole:
        return info ? catalog::kindDisplayName(info->kind) : QString();
    case GroupRole:
        return groupName(row);
    case GroupOrderRole:
        return groupOrder(row);
    case CapabilityBadgesRole:
        return info ? capabilityBadges(*info) : QStringList();
    case ContextWindowRole:
        return info ? info->contextWindow : qint64(0);
    case ContextTextRole:
        return contextWindow;
    case PriceTextRole:
        return price;
    case StateRole:
        return int(row.status.state);
    case StateIdRole:
        return catalog::stateId(row.status.state);
    case LifecycleTextRole:
        return row.lifecycleText;
    case LifecycleBadgeRole:
        if (row.endpoint && row.modelId.isEmpty())
            return row.lifecycleText;
        return lifecycleBadge(row.status, now());
    case NextDateRole:
        return row.status.nextDate;
    case EndOfServiceRole:
        return row.status.eos;
    case ReplacementRole:
        return row.status.autoReplaced && !row.status.autoReplacement.isEmpty() ? row.status.autoReplacement
                                                                                : row.status.replacement;
    case ServerSignalRole:
        return row.serverText;
    case IsEndpointRole:
        return row.endpoint;
    case IsExternalRole:
        return info && info->external;
    case SearchTextRole:
        return row.searchText;
    }
    return {};
}

QVariant ModelCatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Model");
    case IdColumn:
        return tr("ID");
    case ProviderColumn:
        return tr("Provider");
    case KindColumn:
        return tr("Kind");
    case ContextColumn:
        return tr("Context");
    case PriceColumn:
        return tr("Price");
    case LifecycleColumn:
        return tr("Lifecycle");
    case ServerColumn:
        return tr("Server signals");
    }
    return {};
}

QHash<int, QByteArray> ModelCatalogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "modelOrEndpointId");
    names.insert(DisplayNameRole, "displayName");
    names.insert(ModelIdRole, "modelId");
    names.insert(AliasesRole, "aliases");
    names.insert(ProviderRole, "provider");
    names.insert(ProviderNameRole, "providerName");
    names.insert(KindRole, "kind");
    names.insert(KindNameRole, "kindName");
    names.insert(GroupRole, "group");
    names.insert(GroupOrderRole, "groupOrder");
    names.insert(CapabilityBadgesRole, "capabilityBadges");
    names.insert(ContextWindowRole, "contextWindow");
    names.insert(ContextTextRole, "contextText");
    names.insert(PriceTextRole, "priceText");
    names.insert(StateRole, "state");
    names.insert(StateIdRole, "stateId");
    names.insert(LifecycleTextRole, "lifecycleText");
    names.insert(LifecycleBadgeRole, "lifecycleBadge");
    names.insert(NextDateRole, "nextDate");
    names.insert(EndOfServiceRole, "endOfService");
    names.insert(ReplacementRole, "replacement");
    names.insert(ServerSignalRole, "serverSignal");
    names.insert(IsEndpointRole, "isEndpoint");
    names.insert(IsExternalRole, "isExternal");
    names.insert(SearchTextRole, "searchText");
    return names;
}

int ModelCatalogModel::rowForId(const QString& id) const
{
    const QString wanted = catalog::Catalog::normalizedId(id);
    if (wanted.isEmpty())
        return -1;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const Row& row = m_rows[size_t(i)];
        if (catalog::Catalog::normalizedId(row.id) == wanted)
            return i;
        if (!row.endpoint && row.info) {
            for (const QString& alias : row.info->aliases) {
                if (catalog::Catalog::normalizedId(alias) == wanted)
                    return i;
            }
        }
    }
    return -1;
}

// "¥0.800000" -> "¥0.8": a badge has no room for six decimals that say nothing.
QString ModelCatalogModel::shortMoney(qint64 micros, const QString& currency)
{
    QString text = pricing::formatMoney(micros, currency, 6);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

QStringList ModelCatalogModel::capabilityBadges(const catalog::ModelInfo& info)
{
    const catalog::Capabilities& caps = info.capabilities;
    QStringList badges;
    if (caps.alwaysThinks)
        badges << tr("always thinks");
    else if (caps.supportsThinking())
        badges << tr("thinking");
    if (caps.imageInput)
        badges << tr("image input");
    if (caps.videoInput)
        badges << tr("video input");
    if (caps.tools)
        badges << tr("tools");
    if (caps.structuredOutput)
        badges << tr("JSON");
    return badges;
}

QString ModelCatalogModel::contextText(qint64 tokens)
{
    if (tokens <= 0)
        return {};
    QString size;
    if (tokens >= 1000000 && tokens % 100000 == 0)
        size = QString::number(double(tokens) / 1e6, 'g', 4) + QLatin1Char('M');
    else if (tokens >= 1000)
        size = QString::number(double(tokens) / 1e3, 'g', 4) + QLatin1Char('K');
    else
        size = QString::number(tokens);
    //: %1 = "256K": the model's context window in tokens (K = thousand)
    return tr("%1 context").arg(size);
}

QString ModelCatalogModel::shortPrice(const pricing::PriceTable& prices)
{
    if (prices.tiers.empty()) {
        if (prices.perImageMicros)
            return tr("%1 per image").arg(shortMoney(*prices.perImageMicros, prices.currency));
        return {};
    }
    // The cheapest tier, so "from" never understates what the lowest price is.
    const pricing::PriceTier* cheapest = &prices.tiers.front();
    for (const pricing::PriceTier& tier : prices.tiers) {
        if (tier.inputMicros < cheapest->inputMicros ||
            (tier.inputMicros == cheapest->inputMicros && tier.outputMicros < cheapest->outputMicros))
            cheapest = &tier;
    }
    const QString in = shortMoney(cheapest->inputMicros, prices.currency);
    const QString out = shortMoney(cheapest->outputMicros, prices.currency);
    QString text;
    if (cheapest->inputMicros == 0 && cheapest->outputMicros > 0)
        //: Price per million output tokens
        text = tr("%1 out /M").arg(out);
    else if (cheapest->outputMicros == 0)
        //: Price per million input tokens
        text = tr("%1 in /M").arg(in);
    else
        //: Prices per million input and output tokens
        text = tr("%1 in · %2 out /M").arg(in, out);
    return prices.tiers.size() > 1 ? tr("from %1").arg(text) : text;
}

QString ModelCatalogModel::lifecycleBadge(const catalog::LifecycleStatus& status, const QDateTime& now)
{
    switch (status.state) {
    case LifecycleState::Active:
        if (!(status.notice.isValid() && status.notice > now))
            return {};
        return tr("deprecation announced for %1").arg(catalog::formatInZone(status.notice));
    case LifecycleState::Deprecated:
    case LifecycleState::EndOfSale:
        if (status.eos.isValid() && status.eos > now) {
            // A badge has room for one date: the one that matters, the end of service.
            catalog::LifecycleStatus retiring;
            retiring.state = LifecycleState::Deprecated;
            retiring.eos = status.eos;
            return catalog::describeStatus(retiring, now);
        }
        break;
    case LifecycleState::Retired:
        if (!(status.autoReplaced && !status.autoReplacement.isEmpty()) && status.eos.isValid())
            return tr("retired since %1 — requests fail").arg(catalog::formatInZone(status.eos));
        break;
    case LifecycleState::Legacy:
    case LifecycleState::Unknown:
        break;
    }
    return catalog::describeStatus(status, now);
}

QString ModelCatalogModel::searchKey(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s._/\\-]+"));
    return text.toLower().replace(separators, QStringLiteral(" ")).trimmed();
}

// ---- ModelCatalogFilter -------------------------------------------------------------------------

ModelCatalogFilter::ModelCatalogFilter(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0);
}

void ModelCatalogFilter::setSearchText(const QString& text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_words.clear();
    // Words the person separated with spaces match independently; inside a word, "1.6" still has
    // to match "1-6" as a whole.
    for (const QString& word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        const QString key = ModelCatalogModel::searchKey(word);
        if (!key.isEmpty())
            m_words << key;
    }
    invalidate(); // the order depends on the search too
}

void ModelCatalogFilter::setShowRetired(bool show)
{
    if (show == m_showRetired)
        return;
    m_showRetired = show;
    invalidateFilter();
}

void ModelCatalogFilter::setChatOnly(bool chatOnly)
{
    if (chatOnly == m_chatOnly)
        return;
    m_chatOnly = chatOnly;
    invalidateFilter();
}

bool ModelCatalogFilter::matchesSearch(const QModelIndex& sourceIndex) const
{
    if (m_words.isEmpty())
        return true;
    const QString haystack = sourceIndex.data(ModelCatalogModel::SearchTextRole).toString();
    for (const QString& word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

bool ModelCatalogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    return accepts(sourceModel()->index(sourceRow, 0, sourceParent), m_showRetired);
}

bool ModelCatalogFilter::accepts(const QModelIndex& index, bool showRetired) const
{
    if (m_chatOnly) {
        const QString kind = index.data(ModelCatalogModel::KindRole).toString();
        if (kind == catalog::kindId(catalog::ModelKind::Embedding) ||
            kind == catalog::kindId(catalog::ModelKind::ImageGeneration) ||
            kind == catalog::kindId(catalog::ModelKind::VideoGeneration))
            return false;
    }
    if (!showRetired && index.data(ModelCatalogModel::StateRole).toInt() == int(LifecycleState::Retired))
        return false;
    return matchesSearch(index);
}

int ModelCatalogFilter::hiddenRetiredCount() const
{
    if (m_showRetired || !sourceModel())
        return 0;
    int hidden = 0;
    for (int row = 0; row < sourceModel()->rowCount(); ++row) {
        const QModelIndex index = sourceModel()->index(row, 0);
        if (index.data(ModelCatalogModel::StateRole).toInt() == int(LifecycleState::Retired) &&
            accepts(index, true))
            ++hidden;
    }
    return hidden;
}

int ModelCatalogFilter::prefixRank(const QModelIndex& sourceIndex) const
{
    if (m_words.isEmpty())
        return 0;
    const QString typed = m_words.join(QLatin1Char(' '));
    const QString id = ModelCatalogModel::searchKey(sourceIndex.data(ModelCatalogModel::IdRole).toString());
    const QString name =
        ModelCatalogModel::searchKey(sourceIndex.data(ModelCatalogModel::DisplayNameRole).toString());
    return id.startsWith(typed) || name.startsWith(typed) ? 0 : 1;
}

bool ModelCatalogFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const int leftGroup = left.data(ModelCatalogModel::GroupOrderRole).toInt();
    const int rightGroup = right.data(ModelCatalogModel::GroupOrderRole).toInt();
    if (leftGroup != rightGroup)
        return leftGroup < rightGroup;
    const int leftPrefix = prefixRank(left);
    const int rightPrefix = prefixRank(right);
    if (leftPrefix != rightPrefix)
        return leftPrefix < rightPrefix;
    const int leftState = stateRank(LifecycleState(left.data(ModelCatalogModel::StateRole).toInt()));
    const int rightState = stateRank(LifecycleState(right.data(ModelCatalogModel::StateRole).toInt()));
    if (leftState != rightState)
        return leftState < rightState;
    return left.row() < right.row(); // the catalog's own order: newest families first
}

} // namespace ark::models
