#include "CatalogBrowser.h"

#include "session/AccountSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ark::ui {

using models::ModelCatalogModel;

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString tokens(qint64 count)
{
    return count > 0 ? QLocale().toString(count) : QString();
}

QString money(qint64 micros, const QString& currency)
{
    return ModelCatalogModel::shortMoney(micros, currency);
}

} // namespace

// ---- CatalogImportDialog ------------------------------------------------------------------------

CatalogImportDialog::CatalogImportDialog(std::shared_ptr<const catalog::Catalog> current,
                                         const QByteArray& json, const QString& fileName, QWidget* parent)
    : QDialog(parent), m_json(json), m_header(new QLabel(this)), m_changes(new QPlainTextEdit(this)),
      m_accept(new QPushButton(this))
{
    setObjectName(QStringLiteral("catalogImportDialog"));
    setWindowTitle(tr("Import Model Catalog"));
    resize(720, 480);

    m_imported = catalog::Catalog::fromJson(json, &m_problems);
    const std::shared_ptr<const catalog::Catalog> builtIn = catalog::Catalog::bundled();
    QStringList header;
    header << tr("File: %1").arg(QDir::toNativeSeparators(fileName));
    QStringList body;
    if (!m_imported) {
        header << tr("This file is not a catalog this version of Ark Workbench can read.");
    } else {
        header << tr("Catalog version %1 (in use: %2; built in: %3), %4 models.")
                      .arg(m_imported->version(), current->version(), builtIn->version())
                      .arg(m_imported->models().size());
        m_diff = catalog::diffCatalogs(*current, *m_imported);
        m_canAccept = catalog::compareCatalogVersions(m_imported->version(), builtIn->version()) > 0;
        if (!m_canAccept)
            header << tr("It is not newer than the built-in catalog, so it would never be used.");
        else if (catalog::compareCatalogVersions(m_imported->version(), current->version()) <= 0)
            header << tr("Note: it is not newer than the catalog in use; accepting it replaces that one.");
        body << tr("Changes against the catalog in use:") << m_diff.summary();
    }
    if (!m_problems.isEmpty()) {
        body << QString() << tr("Problems found (%1):").arg(m_problems.size());
        for (const QString& problem : std::as_const(m_problems))
            body << QStringLiteral("• ") + problem;
        if (m_imported)
            body << tr("The rest of the catalog loads; entries with problems are used as far as they go.");
    }

    m_header->setObjectName(QStringLiteral("importHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setText(header.join(QLatin1Char('\n')));
    m_changes->setObjectName(QStringLiteral("importChanges"));
    m_changes->setReadOnly(true);
    m_changes->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_changes->setPlainText(body.join(QLatin1Char('\n')));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_accept->setText(tr("Use This Catalog"));
    m_accept->setEnabled(m_canAccept);
    buttons->addButton(m_accept, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_changes, 1);
    layout->addWidget(buttons);
}

QString CatalogImportDialog::summaryText() const
{
    return m_header->text() + QLatin1Char('\n') + m_changes->toPlainText();
}

// ---- CatalogBrowser -----------------------------------------------------------------------------

CatalogBrowser::CatalogBrowser(const catalog::ActiveCatalog& active, catalog::EndpointRegistry* endpoints,
                               catalog::ServerSignals* serverSignals, QWidget* parent)
    : QDialog(parent), m_catalog(active.catalog ? active.catalog : catalog::Catalog::bundled()),
      m_imported(active.catalog && active.imported), m_endpoints(endpoints), m_signals(serverSignals),
      m_model(new ModelCatalogModel(this)), m_filter(new models::ModelCatalogFilter(this))
{
    setObjectName(QStringLiteral("catalogBrowser"));
    setWindowTitle(tr("Model Catalog"));
    resize(1240, 700);

    m_model->setCatalog(m_catalog);
    m_model->setEndpoints(m_endpoints);
    m_model->setServerSignals(m_signals);
    m_filter->setSourceModel(m_model);

    m_version = new QLabel(this);
    m_version->setObjectName(QStringLiteral("catalogVersion"));
    auto* importButton = new QPushButton(tr("Import Catalog…"), this);
    importButton->setObjectName(QStringLiteral("importCatalog"));
    importButton->setToolTip(tr("Load a newer catalog file and review what it changes before using it"));
    m_revert = new QPushButton(tr("Use Built-in Catalog"), this);
    m_revert->setObjectName(QStringLiteral("revertCatalog"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_version, 1);
    top->addWidget(importButton);
    top->addWidget(m_revert);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createModelsTab(), tr("Models"));
    m_tabs->addTab(createEndpointsTab(), tr("Endpoints"));
    m_tabs->addTab(createSignalsTab(), tr("Server Signals"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);

    connect(importButton, &QPushButton::clicked, this, &CatalogBrowser::chooseImportFile);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (!revertToBuiltIn())
            QMessageBox::warning(this, windowTitle(), lastError());
    });
    if (m_endpoints)
        connect(m_endpoints, &catalog::EndpointRegistry::changed, this, &CatalogBrowser::refreshEndpoints);
    if (m_signals)
        connect(m_signals, &catalog::ServerSignals::changed, this, &CatalogBrowser::refreshSignals);
    updateVersionLabel();
    refreshEndpoints();
    refreshSignals();
}

QWidget* CatalogBrowser::createModelsTab()
{
    auto* page = new QWidget(this);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("catalogSearch"));
    m_search->setPlaceholderText(tr("Search models by name, ID, capability or provider…"));
    m_search->setClearButtonEnabled(true);
    m_showRetired = new QCheckBox(tr("Show retired"), page);
    m_showRetired->setObjectName(QStringLiteral("catalogShowRetired"));

    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("catalogTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ModelCatalogModel::NameColumn, 170);
    m_table->setColumnWidth(ModelCatalogModel::IdColumn, 210);
    m_table->setColumnWidth(ModelCatalogModel::ProviderColumn, 100);
    m_table->setColumnWidth(ModelCatalogModel::KindColumn, 75);
    m_table->setColumnWidth(ModelCatalogModel::ContextColumn, 95);
    m_table->setColumnWidth(ModelCatalogModel::PriceColumn, 145);
    m_table->setColumnWidth(ModelCatalogModel::LifecycleColumn, 360);

    m_details = new QTextBrowser(page);
    m_details->setObjectName(QStringLiteral("catalogDetails"));
    m_details->setOpenExternalLinks(true);

    auto* splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_showRetired);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(searchRow);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter, &models::ModelCatalogFilter::setSearchText);
    connect(m_showRetired, &QCheckBox::toggled, m_filter, &models::ModelCatalogFilter::setShowRetired);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CatalogBrowser::showDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CatalogBrowser::showDetails);
    return page;
}

QWidget* CatalogBrowser::createEndpointsTab()
{
    auto* page = new QWidget(this);
    auto* intro = new QLabel(tr("Ark endpoint IDs (ep-…) you call. Link each to the model it serves so its "
                                "capabilities, prices and retirement warnings apply; the server's answers "
                                "confirm or correct the link."),
                             page);
    intro->setWordWrap(true);
    m_endpointTable = new QTableWidget(0, 5, page);
    m_endpointTable->setObjectName(QStringLiteral("endpointTable"));
    m_endpointTable->setHorizontalHeaderLabels(
        {tr("Name"), tr("Endpoint ID"), tr("Model"), tr("Lifecycle"), tr("Confirmed by the server")});
    m_endpointTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_endpointTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_endpointTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_endpointTable->verticalHeader()->hide();
    m_endpointTable->horizontalHeader()->setStretchLastSection(true);
    m_endpointTable->setColumnWidth(0, 180);
    m_endpointTable->setColumnWidth(1, 240);
    m_endpointTable->setColumnWidth(2, 240);
    m_endpointTable->setColumnWidth(3, 260);

    auto* add = new QPushButton(tr("Add…"), page);
    add->setObjectName(QStringLiteral("addEndpoint"));
    auto* edit = new QPushButton(tr("Edit…"), page);
    auto* remove = new QPushButton(tr("Remove"), page);
    const bool enabled = !m_endpoints.isNull();
    add->setEnabled(enabled);
    edit->setEnabled(enabled);
    remove->setEnabled(enabled);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_endpointTable, 1);
    layout->addLayout(buttons);

    const auto selectedId = [this]() -> QString {
        const int row = m_endpointTable->currentRow();
        return row >= 0 && m_endpointTable->item(row, 1) ? m_endpointTable->item(row, 1)->text() : QString();
    };
    connect(add, &QPushButton::clicked, this, [this] { editEndpoint({}); });
    connect(edit, &QPushButton::clicked, this, [this, selectedId] {
        if (!selectedId().isEmpty())
            editEndpoint(selectedId());
    });
    connect(m_endpointTable, &QTableWidget::cellDoubleClicked, this,
            [this, selectedId](int, int) { editEndpoint(selectedId()); });
    connect(remove, &QPushButton::clicked, this, &CatalogBrowser::removeSelectedEndpoint);
    return page;
}

QWidget* CatalogBrowser::createSignalsTab()
{
    auto* page = new QWidget(this);
    auto* intro =
        new QLabel(tr("Deprecation notices servers sent with their answers (Deprecation, Sunset and "
                      "Link headers, or 410 Gone). They count even where the catalog says nothing."),
                   page);
    intro->setWordWrap(true);
    m_signalList = new QTreeWidget(page);
    m_signalList->setObjectName(QStringLiteral("signalList"));
    m_signalList->setRootIsDecorated(false);
    m_signalList->setHeaderLabels({tr("Model"), tr("Last seen"), tr("What the server said")});
    m_signalList->setColumnWidth(0, 260);
    m_signalList->setColumnWidth(1, 170);
    auto* forget = new QPushButton(tr("Forget"), page);
    forget->setToolTip(tr("Remove the selected notice, e.g. after switching models"));
    forget->setEnabled(!m_signals.isNull());
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(forget);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_signalList, 1);
    layout->addLayout(buttons);
    connect(forget, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem* item = m_signalList->currentItem(); item && m_signals)
            m_signals->forget(item->text(0));
    });
    return page;
}

void CatalogBrowser::setNow(const QDateTime& now)
{
    m_model->setNow(now);
    refreshEndpoints();
    showDetails();
}

void CatalogBrowser::selectModel(const QString& modelOrEndpointId)
{
    const int row = m_model->rowForId(modelOrEndpointId);
    if (row < 0)
        return;
    QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid() && !m_showRetired->isChecked()) {
        m_showRetired->setChecked(true); // the model asked for is retired: show it anyway
        index = m_filter->mapFromSource(m_model->index(row, 0));
    }
    if (index.isValid()) {
        m_tabs->setCurrentIndex(0);
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
}

void CatalogBrowser::updateVersionLabel()
{
    m_version->setText(m_imported ? tr("Catalog version %1 (imported), %2 models")
                                        .arg(m_catalog->version())
                                        .arg(m_catalog->models().size())
                                  : tr("Catalog version %1 (built in), %2 models")
                                        .arg(m_catalog->version())
                                        .arg(m_catalog->models().size()));
    m_revert->setEnabled(m_imported || QFile::exists(catalog::importedCatalogPath()));
}

void CatalogBrowser::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->setHtml(QStringLiteral("<p>%1</p>").arg(esc(tr("Select a model to see its details."))));
        return;
    }
    const QModelIndex index = m_filter->mapToSource(current).siblingAtColumn(0);
    const QString id = index.data(ModelCatalogModel::IdRole).toString();
    const QString modelId = index.data(ModelCatalogModel::ModelIdRole).toString();
    const catalog::ModelInfo* info = modelId.isEmpty() ? nullptr : m_catalog->find(modelId);

    QString html =
        QStringLiteral("<h3>%1</h3>").arg(esc(index.data(ModelCatalogModel::DisplayNameRole).toString()));
    QStringList facts;
    const auto fact = [&facts](const QString& label, const QString& value) {
        if (!value.isEmpty())
            facts << QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                         .arg(esc(label), value);
    };
    fact(tr("ID"), esc(id));
    if (index.data(ModelCatalogModel::IsEndpointRole).toBool())
        fact(tr("Serves"), modelId.isEmpty() ? esc(tr("not linked yet")) : esc(modelId));
    if (info) {
        fact(tr("Also written"), esc(info->aliases.join(QStringLiteral(", "))));
        fact(tr("Provider"), esc(index.data(ModelCatalogModel::ProviderNameRole).toString()));
        fact(tr("Kind"), esc(catalog::kindDisplayName(info->kind)));
        QStringList limits;
        if (info->contextWindow > 0)
            limits << tr("context %1").arg(tokens(info->contextWindow));
        if (info->maxInputTokens > 0)
            limits << tr("input up to %1").arg(tokens(info->maxInputTokens));
        if (info->maxOutputTokens > 0)
            limits << tr("output up to %1").arg(tokens(info->maxOutputTokens));
        if (info->maxReasoningTokens > 0)
            limits << tr("reasoning up to %1").arg(tokens(info->maxReasoningTokens));
        if (info->maxCompletionTokens > 0)
            limits << tr("max_completion_tokens up to %1").arg(tokens(info->maxCompletionTokens));
        fact(tr("Limits (tokens)"), esc(limits.join(QStringLiteral("; "))));
        QStringList caps = ModelCatalogModel::capabilityBadges(*info);
        if (info->capabilities.toolChoice)
            caps << QStringLiteral("tool_choice");
        if (info->capabilities.maxCompletionTokens)
            caps << QStringLiteral("max_completion_tokens");
        if (!info->capabilities.thinkingModes.isEmpty())
            caps << tr("thinking modes: %1").arg(info->capabilities.thinkingModes.join(QStringLiteral(", ")));
        fact(tr("Capabilities"),
             esc(caps.isEmpty() ? tr("text only (as far as is known)") : caps.join(QStringLiteral(", "))));
        QStringList prices;
        const pricing::PriceTable& table = info->prices;
        for (const pricing::PriceTier& tier : table.tiers) {
            QString line =
                tr("input %1, output %2")
                    .arg(money(tier.inputMicros, table.currency), money(tier.outputMicros, table.currency));
            if (tier.cachedInputMicros)
                line += tr(", cached input %1").arg(money(*tier.cachedInputMicros, table.currency));
            if (!tier.condition.isEmpty())
                line = tier.condition + QStringLiteral(": ") + line;
            prices << esc(line);
        }
        if (table.perImageMicros)
            prices << esc(tr("%1 per image").arg(money(*table.perImageMicros, table.currency)));
        fact(tr("Prices (per million tokens)"),
             prices.isEmpty() ? esc(tr("not published")) : prices.join(QStringLiteral("<br>")));
        const catalog::LifecycleInfo& lc = info->lifecycle;
        fact(tr("Lifecycle"), esc(index.data(ModelCatalogModel::LifecycleTextRole).toString()));
        if (lc.notice.isValid())
            fact(tr("Announced"), esc(catalog::formatInZone(lc.notice)));
        if (lc.eom.isValid())
            fact(tr("End of sale"), esc(catalog::formatInZone(lc.eom)));
        if (lc.eos.isValid())
            fact(tr("End of service"),
                 esc(catalog::formatInZone(lc.eos) + (lc.eosTentative ? tr(" (tentative)") : QString())));
        if (lc.earliestRetirement.isValid())
            fact(tr("Not retired before"), esc(catalog::formatInZone(lc.earliestRetirement)));
        fact(tr("Replacement"), esc(lc.replacement));
        if (lc.eos.isValid())
            fact(tr("At end of service"),
                 esc(lc.autoReplacedAtEos
                         ? tr("requests are answered by %1")
                               .arg(lc.autoReplacement.isEmpty() ? lc.replacement : lc.autoReplacement)
                         : tr("requests fail")));
        fact(tr("Candidates"), esc(lc.alternatives.join(QStringLiteral(", "))));
        fact(tr("Reason"), esc(lc.reason));
        fact(tr("Source"), esc(lc.source));
    } else {
        fact(tr("Lifecycle"), esc(index.data(ModelCatalogModel::LifecycleTextRole).toString()));
    }
    fact(tr("Server signals"), esc(index.data(ModelCatalogModel::ServerSignalRole).toString()));
    html += QStringLiteral("<table>%1</table>").arg(facts.join(QString()));
    m_details->setHtml(html);
}

CatalogImportDialog* CatalogBrowser::prepareImport(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return nullptr;
    }
    auto* dialog = new CatalogImportDialog(m_catalog, file.readAll(), path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { applyImport(dialog); });
    return dialog;
}

void CatalogBrowser::chooseImportFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Model Catalog"), QString(),
                                                      tr("Model catalogs (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (CatalogImportDialog* dialog = prepareImport(path))
        dialog->open();
    else
        QMessageBox::warning(this, tr("Import Model Catalog"), m_lastError);
}

void CatalogBrowser::applyImport(CatalogImportDialog* dialog)
{
    if (!dialog->canAccept() || !dialog->importedCatalog())
        return;
    QString error;
    if (!catalog::saveImportedCatalog(dialog->json(), &error)) {
        m_lastError = error;
        QMessageBox::warning(this, tr("Import Model Catalog"), error);
        return;
    }
    useCatalog(dialog->importedCatalog(), true);
    emit catalogImported(m_catalog);
}

bool CatalogBrowser::revertToBuiltIn()
{
    if (!catalog::removeImportedCatalog()) {
        m_lastError = tr("Cannot remove %1").arg(QDir::toNativeSeparators(catalog::importedCatalogPath()));
        return false;
    }
    const bool wasImported = m_imported;
    useCatalog(catalog::Catalog::bundled(), false);
    if (wasImported)
        emit catalogReverted(m_catalog);
    return true;
}

void CatalogBrowser::useCatalog(std::shared_ptr<const catalog::Catalog> catalog, bool imported)
{
    m_catalog = std::move(catalog);
    m_imported = imported;
    m_model->setCatalog(m_catalog);
    updateVersionLabel();
    refreshEndpoints();
    showDetails();
}

void CatalogBrowser::refreshEndpoints()
{
    m_endpointTable->setRowCount(0);
    if (!m_endpoints)
        return;
    const QDateTime now = m_model->now();
    for (const catalog::Endpoint& ep : m_endpoints->endpoints()) {
        const int row = m_endpointTable->rowCount();
        m_endpointTable->insertRow(row);
        QString lifecycle;
        if (ep.modelId.isEmpty())
            lifecycle = tr("not linked to a model yet");
        else if (m_catalog->find(ep.modelId))
            lifecycle = catalog::describeStatus(m_catalog->statusAt(ep.modelId, now), now);
        else
            lifecycle = tr("not in the catalog");
        const QString confirmed =
            ep.confirmedModel.isEmpty()
                ? tr("not yet")
                : tr("%1 on %2").arg(ep.confirmedModel, catalog::formatInZone(ep.confirmedAt.toLocalTime()));
        const QStringList cells{ep.name, ep.id, ep.modelId, lifecycle, confirmed};
        for (int column = 0; column < cells.size(); ++column)
            m_endpointTable->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
}

void CatalogBrowser::refreshSignals()
{
    m_signalList->clear();
    if (!m_signals)
        return;
    for (const catalog::ServerSignal& signal : m_signals->all()) {
        auto* item = new QTreeWidgetItem(
            m_signalList,
            {signal.modelId, catalog::formatInZone(signal.lastSeen.toLocalTime()), signal.describe()});
        item->setToolTip(2, signal.describe());
    }
}

void CatalogBrowser::editEndpoint(const QString& id)
{
    if (!m_endpoints)
        return;
    const catalog::Endpoint* existing = id.isEmpty() ? nullptr : m_endpoints->endpoint(id);
    QDialog dialog(this);
    dialog.setWindowTitle(existing ? tr("Edit Endpoint") : tr("Add Endpoint"));
    auto* idEdit = new QLineEdit(existing ? existing->id : QString(), &dialog);
    idEdit->setPlaceholderText(QStringLiteral("ep-20250101000000-abcde"));
    idEdit->setReadOnly(existing != nullptr);
    auto* nameEdit = new QLineEdit(existing ? existing->name : QString(), &dialog);
    nameEdit->setPlaceholderText(tr("A name you recognise, e.g. “Support bot”"));
    auto* modelBox = new QComboBox(&dialog);
    modelBox->setEditable(true);
    modelBox->setInsertPolicy(QComboBox::NoInsert);
    for (const catalog::ModelInfo& info : m_catalog->models())
        modelBox->addItem(info.id);
    modelBox->completer()->setFilterMode(Qt::MatchContains);
    modelBox->completer()->setCompletionMode(QCompleter::PopupCompletion);
    modelBox->setCurrentText(existing ? existing->modelId : QString());
    auto* accountBox = new QComboBox(&dialog);
    for (const session::ProviderAccount& account : session::AccountSettings::accounts())
        accountBox->addItem(account.name, account.id);
    if (existing)
        accountBox->setCurrentIndex(std::max(0, accountBox->findData(existing->accountId)));
    auto* error = new QLabel(&dialog);
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #c53030;"));
    error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Endpoint ID:"), idEdit);
    form->addRow(tr("Name:"), nameEdit);
    form->addRow(tr("Serves model:"), modelBox);
    form->addRow(tr("Account:"), accountBox);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        catalog::Endpoint ep = existing ? *existing : catalog::Endpoint{};
        ep.id = idEdit->text();
        ep.name = nameEdit->text();
        ep.modelId = modelBox->currentText();
        ep.accountId = accountBox->currentData().toString();
        QString reason;
        if (m_endpoints->addOrUpdate(ep, &reason)) {
            dialog.accept();
        } else {
            error->setText(reason);
            error->show();
        }
    });
    dialog.exec();
}

void CatalogBrowser::removeSelectedEndpoint()
{
    const int row = m_endpointTable->currentRow();
    if (row < 0 || !m_endpoints || !m_endpointTable->item(row, 1))
        return;
    const QString id = m_endpointTable->item(row, 1)->text();
    if (QMessageBox::question(this, tr("Remove Endpoint"),
                              tr("Forget endpoint %1? Conversations that use it keep its ID.").arg(id)) ==
        QMessageBox::Yes)
        m_endpoints->remove(id);
}

} // namespace ark::ui
