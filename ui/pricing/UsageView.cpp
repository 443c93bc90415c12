#include "UsageView.h"

#include "pricing/DraftCost.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ark::ui {

namespace {

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QTableWidgetItem* cell(const QString& text, bool numeric = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (numeric)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget* makeTable(QWidget* parent, const QString& objectName)
{
    auto* table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

// Sums of totals sharing a currency ("" = the rows without a price).
std::vector<store::LedgerTotal> perCurrency(const std::vector<store::LedgerTotal>& totals)
{
    QMap<QString, store::LedgerTotal> sums;
    for (const store::LedgerTotal& t : totals) {
        store::LedgerTotal& s = sums[t.currency];
        s.currency = t.currency;
        s.requests += t.requests;
        s.inputTokens += t.inputTokens;
        s.cachedTokens += t.cachedTokens;
        s.outputTokens += t.outputTokens;
        s.reasoningTokens += t.reasoningTokens;
        s.costMicros += t.costMicros;
        s.unpricedRequests += t.unpricedRequests;
    }
    return {sums.cbegin(), sums.cend()};
}

} // namespace

UsageView::UsageView(QWidget* parent) : QWidget(parent)
{
    m_pickerLabel = new QLabel(this);
    m_picker = new QComboBox(this);
    m_picker->setObjectName(QStringLiteral("usageConversation"));
    m_picker->setMinimumContentsLength(24);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pickerLabel->setBuddy(m_picker);
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("usageExport"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_pickerLabel);
    top->addWidget(m_picker, 1);
    top->addStretch(1);
    top->addWidget(m_exportButton);

    m_requests = makeTable(this, QStringLiteral("usageRequests"));
    m_requests->setColumnCount(RequestColumnCount);
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("usageTotals"));
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* requestsPage = new QWidget(this);
    auto* requestsLayout = new QVBoxLayout(requestsPage);
    requestsLayout->addWidget(m_requests, 1);
    requestsLayout->addWidget(m_totals);

    m_perConversation = makeTable(this, QStringLiteral("usagePerConversation"));
    m_perDay = makeTable(this, QStringLiteral("usagePerDay"));
    m_perModel = makeTable(this, QStringLiteral("usagePerModel"));
    for (QTableWidget* table : {m_perConversation, m_perDay, m_perModel}) {
        table->setColumnCount(TotalColumnCount);
        // The key takes the spare width, so the numbers stay next to it rather than at the far edge.
        table->horizontalHeader()->setStretchLastSection(false);
        table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    }

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(requestsPage, QString());
    m_tabs->addTab(m_perConversation, QString());
    m_tabs->addTab(m_perDay, QString());
    m_tabs->addTab(m_perModel, QString());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    connect(m_picker, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_fillingPicker && index >= 0)
            setConversation(m_picker->itemData(index).toLongLong());
    });
    connect(m_exportButton, &QPushButton::clicked, this, &UsageView::exportWithDialog);
    // A conversation's totals row opens its requests.
    connect(m_perConversation, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const QTableWidgetItem* key = m_perConversation->item(row, KeyColumn);
        if (!key)
            return;
        const qint64 id = key->data(Qt::UserRole).toLongLong();
        // Queued: refreshing rebuilds the very table that is still handling the click.
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                setConversation(id);
                m_tabs->setCurrentIndex(0);
            },
            Qt::QueuedConnection);
    });

    retranslate();
}

void UsageView::retranslate()
{
    m_pickerLabel->setText(tr("&Requests of:"));
    m_exportButton->setText(tr("Export CSV…"));
    m_exportButton->setToolTip(tr("Save the listed requests as a CSV file"));
    m_tabs->setTabText(0, tr("Requests"));
    m_tabs->setTabText(1, tr("Per conversation"));
    m_tabs->setTabText(2, tr("Per day"));
    m_tabs->setTabText(3, tr("Per model"));
    m_requests->setHorizontalHeaderLabels({tr("Time"), tr("Conversation"), tr("Kind"), tr("Model"),
                                           tr("Input"), tr("Cached"), tr("Output"), tr("Reasoning"),
                                           tr("Tier"), tr("Cost"), tr("Status")});
    const auto totalHeaders = [this](const QString& key) {
        return QStringList{key,          tr("Requests"),  tr("Input"), tr("Cached"),
                           tr("Output"), tr("Reasoning"), tr("Cost")};
    };
    m_perConversation->setHorizontalHeaderLabels(totalHeaders(tr("Conversation")));
    m_perDay->setHorizontalHeaderLabels(totalHeaders(tr("Day")));
    m_perModel->setHorizontalHeaderLabels(totalHeaders(tr("Model")));
    refresh();
}

void UsageView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void UsageView::setLedger(store::UsageLedger* ledger)
{
    m_ledger = ledger;
    refresh();
}

void UsageView::setConversationTitles(std::function<QString(qint64)> titleOf)
{
    m_titleOf = std::move(titleOf);
    refresh();
}

void UsageView::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    refresh();
}

void UsageView::setConversation(qint64 conversationId)
{
    m_conversationId = std::max<qint64>(0, conversationId);
    refresh();
}

QString UsageView::conversationName(qint64 id) const
{
    if (id <= 0)
        return tr("(none)");
    const QString title = m_titleOf ? m_titleOf(id) : QString();
    return title.isEmpty() ? tr("Conversation #%1").arg(id) : title;
}

QString UsageView::timeText(const QDateTime& utc) const
{
    const QDateTime local = utc.toTimeZone(m_zone);
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           local.time().toString(QStringLiteral("HH:mm:ss"));
}

QString UsageView::kindDisplayName(const QString& kind)
{
    if (kind == store::ledgerkind::Chat)
        return tr("Chat");
    if (kind == store::ledgerkind::Retry)
        return tr("Retry");
    if (kind == store::ledgerkind::ToolRound)
        return tr("Tool round");
    if (kind == store::ledgerkind::Tokenization)
        return tr("Token count");
    if (kind == store::ledgerkind::Title)
        return tr("Title");
    if (kind == store::ledgerkind::Other)
        return tr("Other");
    return kind; // written by a newer version: its own words are the best we have
}

QString UsageView::totalCostText(const store::LedgerTotal& total)
{
    if (total.currency.isEmpty())
        return tr("unknown (no price)");
    QString text = pricing::formatMoneyCompact(total.costMicros, total.currency);
    if (total.unpricedRequests > 0)
        text += tr(" + %n request(s) without a price", nullptr, static_cast<int>(total.unpricedRequests));
    return text;
}

void UsageView::refresh()
{
    fillPicker();
    m_entries.clear();
    if (m_ledger)
        m_entries = m_conversationId > 0 ? m_ledger->entries(m_conversationId) : m_ledger->allEntries();
    fillRequests();
    fillTotalsLabel();
    if (m_ledger) {
        fillTotals(m_perConversation, m_ledger->totalsPerConversation(), true);
        fillTotals(m_perDay, m_ledger->totalsPerDay({}, {}, m_zone), false);
        fillTotals(m_perModel, m_ledger->totalsPerModel(), false);
    } else {
        for (QTableWidget* table : {m_perConversation, m_perDay, m_perModel})
            table->setRowCount(0);
    }
    m_exportButton->setEnabled(!m_entries.empty());
}

void UsageView::fillPicker()
{
    m_fillingPicker = true;
    m_picker->clear();
    m_picker->addItem(tr("All conversations"), qint64(0));
    QList<qint64> ids;
    if (m_ledger) {
        for (const store::LedgerTotal& t : m_ledger->totalsPerConversation()) {
            const qint64 id = t.key.toLongLong();
            if (id > 0 && !ids.contains(id))
                ids << id;
        }
    }
    if (m_conversationId > 0 && !ids.contains(m_conversationId))
        ids << m_conversationId; // chosen before its first request was recorded
    for (const qint64 id : std::as_const(ids))
        m_picker->addItem(conversationName(id), id);
    m_picker->setCurrentIndex(std::max(0, m_picker->findData(m_conversationId)));
    m_fillingPicker = false;
}

void UsageView::fillRequests()
{
    m_requests->setRowCount(static_cast<int>(m_entries.size()));
    for (int row = 0; row < static_cast<int>(m_entries.size()); ++row) {
        const store::LedgerEntry& e = m_entries[static_cast<size_t>(row)];
        m_requests->setItem(row, TimeColumn, cell(timeText(e.time)));
        m_requests->setItem(row, ConversationColumn, cell(conversationName(e.conversationId)));
        m_requests->setItem(row, KindColumn, cell(kindDisplayName(e.kind)));
        m_requests->setItem(row, ModelColumn, cell(e.model));
        m_requests->setItem(row, InputColumn, cell(number(e.inputTokens), true));
        m_requests->setItem(row, CachedColumn, cell(number(e.cachedTokens), true));
        m_requests->setItem(row, OutputColumn, cell(number(e.outputTokens), true));
        m_requests->setItem(row, ReasoningColumn, cell(number(e.reasoningTokens), true));
        m_requests->setItem(row, TierColumn,
                            cell(e.tier.isEmpty() && e.costMicros ? tr("single price") : e.tier));
        m_requests->setItem(
            row, CostColumn,
            cell(e.costMicros ? pricing::formatMoneyCompact(*e.costMicros, e.currency) : tr("unknown"),
                 true));
        auto* status = cell(e.error.isEmpty() ? tr("OK") : tr("Failed: %1").arg(e.error));
        if (!e.requestId.isEmpty())
            status->setToolTip(tr("Request id: %1").arg(e.requestId));
        m_requests->setItem(row, StatusColumn, status);
    }
    // One conversation needs no column saying which.
    m_requests->setColumnHidden(ConversationColumn, m_conversationId > 0);
    m_requests->resizeColumnsToContents();
}

void UsageView::fillTotals(QTableWidget* table, const std::vector<store::LedgerTotal>& totals,
                           bool keysAreConversations)
{
    table->setRowCount(static_cast<int>(totals.size()));
    for (int row = 0; row < static_cast<int>(totals.size()); ++row) {
        const store::LedgerTotal& t = totals[static_cast<size_t>(row)];
        QTableWidgetItem* key = nullptr;
        if (keysAreConversations) {
            key = cell(conversationName(t.key.toLongLong()));
            key->setData(Qt::UserRole, t.key.toLongLong());
            key->setToolTip(tr("Double-click to list its requests"));
        } else {
            key = cell(t.key);
        }
        table->setItem(row, KeyColumn, key);
        table->setItem(row, RequestsColumn, cell(number(t.requests), true));
        table->setItem(row, TotalInputColumn, cell(number(t.inputTokens), true));
        table->setItem(row, TotalCachedColumn, cell(number(t.cachedTokens), true));
        table->setItem(row, TotalOutputColumn, cell(number(t.outputTokens), true));
        table->setItem(row, TotalReasoningColumn, cell(number(t.reasoningTokens), true));
        table->setItem(row, TotalCostColumn, cell(totalCostText(t), true));
    }
    table->resizeColumnsToContents();
}

void UsageView::fillTotalsLabel()
{
    if (!m_ledger || m_entries.empty()) {
        m_totals->setText(tr("No requests recorded yet."));
        return;
    }
    const std::vector<store::LedgerTotal> totals = m_conversationId > 0
                                                       ? m_ledger->totalsForConversation(m_conversationId)
                                                       : perCurrency(m_ledger->totalsPerModel());
    QStringList lines;
    for (const store::LedgerTotal& t : totals) {
        lines << tr("%1: %n request(s), %2 input (%3 cached), %4 output (%5 reasoning) tokens", nullptr,
                    static_cast<int>(t.requests))
                     .arg(totalCostText(t), number(t.inputTokens), number(t.cachedTokens),
                          number(t.outputTokens), number(t.reasoningTokens));
    }
    const QString scope = m_conversationId > 0 ? tr("Total of %1").arg(conversationName(m_conversationId))
                                               : tr("Total of all requests");
    m_totals->setText(scope + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

bool UsageView::exportCsv(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(store::UsageLedger::toCsv(m_entries, m_zone));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void UsageView::exportWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = m_conversationId > 0
                             ? QStringLiteral("ark-usage-conversation-%1.csv").arg(m_conversationId)
                             : QStringLiteral("ark-usage.csv");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Usage as CSV"), QDir(folder).filePath(name), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error)) {
        QMessageBox::warning(
            this, tr("Export Failed"),
            tr("The usage could not be saved to %1:\n%2").arg(QDir::toNativeSeparators(path), error));
        return;
    }
    emit exported(path);
}

} // namespace ark::ui
