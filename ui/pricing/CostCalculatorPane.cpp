#include "CostCalculatorPane.h"

#include "pricing/DraftCost.h"
#include "pricing/TokenEstimator.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMap>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace ark::ui {

namespace {

constexpr int kDefaultDebounceMs = 500;
// The tokenization API the counter calls is Ark's; other providers' models are estimated.
const QString kArkProvider = QStringLiteral("volcengine-ark");

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QTableWidgetItem* cell(const QString& text, bool numeric)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (numeric)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

CostCalculatorPane::CostCalculatorPane(QWidget* parent) : QWidget(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &CostCalculatorPane::countText);
    buildUi();
    retranslate();
    setInputSource(InputSource::Tokens);
}

void CostCalculatorPane::buildUi()
{
    m_modelsTitle = new QLabel(this);
    m_filter = new QLineEdit(this);
    m_filter->setClearButtonEnabled(true);
    m_modelList = new QListWidget(this);
    m_modelList->setObjectName(QStringLiteral("calculatorModels"));
    m_modelList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_modelList->setTextElideMode(Qt::ElideMiddle);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_modelsTitle);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_modelList, 1);

    m_tokensRadio = new QRadioButton(this);
    m_textRadio = new QRadioButton(this);
    auto* group = new QButtonGroup(this);
    group->addButton(m_tokensRadio);
    group->addButton(m_textRadio);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_tokensRadio);
    sourceRow->addWidget(m_textRadio);
    sourceRow->addStretch(1);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("calculatorText"));
    m_text->setMaximumHeight(110);
    m_countStatus = new QLabel(this);
    m_countStatus->setWordWrap(true);

    const auto spin = [this] {
        auto* box = new QSpinBox(this);
        box->setRange(0, std::numeric_limits<int>::max());
        box->setGroupSeparatorShown(true);
        box->setMinimumWidth(140);
        connect(box, &QSpinBox::valueChanged, this, &CostCalculatorPane::recompute);
        return box;
    };
    m_input = spin();
    m_cached = spin();
    m_output = spin();
    m_inputLabel = new QLabel(this);
    m_cachedLabel = new QLabel(this);
    m_outputLabel = new QLabel(this);
    auto* form = new QFormLayout;
    form->addRow(m_inputLabel, m_input);
    form->addRow(m_cachedLabel, m_cached);
    form->addRow(m_outputLabel, m_output);

    m_table = new QTableWidget(RowCount, 0, this);
    m_table->setObjectName(QStringLiteral("calculatorResults"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true); // tier conditions and boundaries wrap inside their model's column
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(220);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("calculatorSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(sourceRow);
    rightLayout->addWidget(m_text);
    rightLayout->addWidget(m_countStatus);
    rightLayout->addLayout(form);
    rightLayout->addWidget(m_table, 1);
    rightLayout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    connect(m_filter, &QLineEdit::textChanged, this, &CostCalculatorPane::applyFilter);
    connect(m_modelList, &QListWidget::itemChanged, this, [this] {
        if (m_updatingList)
            return;
        if (m_source == InputSource::Text)
            countText(); // only the newly checked models are counted
        recompute();
    });
    connect(m_tokensRadio, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setInputSource(InputSource::Tokens);
    });
    connect(m_textRadio, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setInputSource(InputSource::Text);
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, &CostCalculatorPane::onTextChanged);
}

void CostCalculatorPane::retranslate()
{
    m_modelsTitle->setText(tr("Models"));
    m_filter->setPlaceholderText(tr("Filter models"));
    m_tokensRadio->setText(tr("Type token counts"));
    m_textRadio->setText(tr("Count a text"));
    m_text->setPlaceholderText(tr("Paste the text to count; it is counted for each selected model."));
    m_inputLabel->setText(tr("Input tokens (cache hits included):"));
    m_cachedLabel->setText(tr("Cached input tokens:"));
    m_outputLabel->setText(tr("Output tokens (reasoning included):"));
    m_table->setVerticalHeaderLabels({tr("Input tokens"), tr("Cached tokens"), tr("Output tokens"),
                                      tr("Tier"), tr("Input cost"), tr("Cached cost"), tr("Output cost"),
                                      tr("Total"), tr("Next tier boundary")});
    recompute();
}

void CostCalculatorPane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void CostCalculatorPane::setCatalog(std::shared_ptr<const catalog::Catalog> catalog)
{
    const QStringList selected = selectedModels();
    m_catalog = std::move(catalog);
    fillModelList();
    setSelectedModels(selected);
}

void CostCalculatorPane::setTokenCounter(pricing::TokenCounter* counter)
{
    m_counter = counter;
    m_textCounts.clear();
    m_countingNow.clear();
    ++m_textGeneration;
    if (m_source == InputSource::Text)
        countText();
    recompute();
}

const catalog::ModelInfo* CostCalculatorPane::model(const QString& id) const
{
    return m_catalog ? m_catalog->find(id) : nullptr;
}

void CostCalculatorPane::fillModelList()
{
    m_updatingList = true;
    m_modelList->clear();
    if (m_catalog) {
        for (const catalog::ModelInfo& info : m_catalog->models()) {
            if (info.prices.tiers.empty())
                continue; // no token price: nothing to calculate (image generation, unpriced)
            // Listed by id: display names repeat across versions ("doubao-seed-1.6" is several models).
            auto* item = new QListWidgetItem(info.id);
            item->setData(Qt::UserRole, info.id);
            item->setToolTip(tr("%1 · prices in %2").arg(info.displayName, info.prices.currency));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Unchecked);
            m_modelList->addItem(item);
        }
    }
    m_updatingList = false;
    applyFilter();
}

void CostCalculatorPane::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int i = 0; i < m_modelList->count(); ++i) {
        QListWidgetItem* item = m_modelList->item(i);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive) &&
                        !item->toolTip().contains(needle, Qt::CaseInsensitive));
    }
}

void CostCalculatorPane::setSelectedModels(const QStringList& ids)
{
    QSet<QString> wanted;
    for (const QString& id : ids) {
        if (const catalog::ModelInfo* info = model(id))
            wanted.insert(info->id);
    }
    m_updatingList = true;
    for (int i = 0; i < m_modelList->count(); ++i) {
        QListWidgetItem* item = m_modelList->item(i);
        item->setCheckState(wanted.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                 : Qt::Unchecked);
    }
    m_updatingList = false;
    if (m_source == InputSource::Text)
        countText();
    recompute();
}

QStringList CostCalculatorPane::selectedModels() const
{
    QStringList ids;
    for (int i = 0; i < m_modelList->count(); ++i) {
        const QListWidgetItem* item = m_modelList->item(i);
        if (item->checkState() == Qt::Checked)
            ids << item->data(Qt::UserRole).toString();
    }
    return ids;
}

void CostCalculatorPane::setInputSource(InputSource source)
{
    m_source = source;
    {
        const QSignalBlocker a(m_tokensRadio);
        const QSignalBlocker b(m_textRadio);
        m_tokensRadio->setChecked(source == InputSource::Tokens);
        m_textRadio->setChecked(source == InputSource::Text);
    }
    // Only what the mode uses is shown: the text box, or the typed input count.
    m_text->setVisible(source == InputSource::Text);
    m_input->setVisible(source == InputSource::Tokens);
    m_inputLabel->setVisible(source == InputSource::Tokens);
    if (source == InputSource::Text)
        countText();
    recompute();
}

void CostCalculatorPane::setText(const QString& text)
{
    m_text->setPlainText(text); // onTextChanged() follows
}

QString CostCalculatorPane::text() const
{
    return m_text->toPlainText();
}

void CostCalculatorPane::setTokenCounts(qint64 input, qint64 cached, qint64 output)
{
    const auto clampInt = [](qint64 v) {
        return static_cast<int>(std::clamp<qint64>(v, 0, std::numeric_limits<int>::max()));
    };
    const QSignalBlocker a(m_input);
    const QSignalBlocker b(m_cached);
    const QSignalBlocker c(m_output);
    m_input->setValue(clampInt(input));
    m_cached->setValue(clampInt(cached));
    m_output->setValue(clampInt(output));
    recompute();
}

void CostCalculatorPane::onTextChanged()
{
    m_textCounts.clear();
    m_countingNow.clear();
    ++m_textGeneration;
    if (m_source == InputSource::Text)
        m_debounce.start(); // restarts: one count once the pasting or typing pauses
    recompute();
}

void CostCalculatorPane::countText()
{
    m_debounce.stop();
    const QString text = m_text->toPlainText();
    const quint64 generation = m_textGeneration;
    for (const QString& id : selectedModels()) {
        if (m_textCounts.contains(id) || m_countingNow.value(id))
            continue;
        const catalog::ModelInfo* info = model(id);
        if (text.isEmpty()) {
            m_textCounts.insert(id, pricing::TokenCount{0, true, {}});
        } else if (m_counter && info && info->provider == kArkProvider) {
            m_countingNow.insert(id, true);
            const QPointer<CostCalculatorPane> self(this);
            m_counter->countNow(
                id, {text},
                [self, generation, id](const QList<pricing::TokenCount>& counts, const api::ApiError&) {
                    if (!self || self->m_textGeneration != generation || counts.isEmpty())
                        return; // the text changed meanwhile: a newer count follows
                    self->m_countingNow.remove(id);
                    self->m_textCounts.insert(id, counts.first());
                    self->recompute();
                });
        } else {
            const QString note = m_counter ? tr("Estimated: this provider has no tokenization API.")
                                           : tr("Estimated: token counting is not available here.");
            m_textCounts.insert(id, pricing::TokenCount{pricing::estimateTextTokens(text), false, note});
        }
    }
    recompute();
}

QString CostCalculatorPane::nextBoundaryText(const pricing::PriceTable& prices,
                                             const pricing::TokenCounts& counts)
{
    const int index = prices.tierFor(counts.inputTokens, counts.outputTokens);
    if (index < 0)
        return {};
    if (prices.tiers.size() == 1)
        return tr("None: one price for every length");
    const pricing::PriceTier& tier = prices.tiers[static_cast<size_t>(index)];
    QStringList parts;
    if (tier.inputTokens) {
        if (const std::optional<qint64> above = tier.inputTokens->firstAbove()) {
            const int next = prices.tierFor(*above, counts.outputTokens);
            if (next >= 0)
                parts << tr("input from %1 tokens (%2 more): %3")
                             .arg(number(*above), number(*above - counts.inputTokens),
                                  prices.tiers[static_cast<size_t>(next)].condition);
            else
                parts << tr("no tier above %1 input tokens").arg(number(*above - 1));
        }
    }
    if (tier.outputTokens) {
        if (const std::optional<qint64> above = tier.outputTokens->firstAbove()) {
            const int next = prices.tierFor(counts.inputTokens, *above);
            if (next >= 0)
                parts << tr("output from %1 tokens (%2 more): %3")
                             .arg(number(*above), number(*above - counts.outputTokens),
                                  prices.tiers[static_cast<size_t>(next)].condition);
        }
    }
    if (parts.isEmpty())
        return tr("Highest tier");
    return parts.join(tr("; "));
}

void CostCalculatorPane::recompute()
{
    m_results.clear();
    const QString text = m_text->toPlainText();
    bool anyCounting = false;
    bool anyEstimate = false;
    QString firstNote;
    for (const QString& id : selectedModels()) {
        const catalog::ModelInfo* info = model(id);
        if (!info)
            continue;
        Result r;
        r.modelId = info->id;
        r.displayName = info->displayName.isEmpty() ? info->id : info->displayName;
        if (m_source == InputSource::Text) {
            const auto it = m_textCounts.constFind(info->id);
            if (it != m_textCounts.constEnd()) {
                r.counts.inputTokens = it->tokens;
                r.exact = it->exact;
                r.note = it->note;
            } else {
                // Not counted yet: the estimate stands in, marked, until the count arrives.
                r.counts.inputTokens = pricing::estimateTextTokens(text);
                r.exact = text.isEmpty();
                r.counting = !text.isEmpty();
                r.note = tr("Counting…");
            }
        } else {
            r.counts.inputTokens = m_input->value();
        }
        // Cache hits are part of the input and can never exceed it.
        r.counts.cachedTokens = std::min<qint64>(m_cached->value(), r.counts.inputTokens);
        r.counts.outputTokens = m_output->value();
        r.cost = info->prices.cost(r.counts);
        r.nextBoundary = nextBoundaryText(info->prices, r.counts);
        anyCounting = anyCounting || r.counting;
        if (!r.exact && !r.counting) {
            anyEstimate = true;
            if (firstNote.isEmpty())
                firstNote = r.note;
        }
        m_results.push_back(r);
    }

    if (m_source != InputSource::Text)
        m_countStatus->clear();
    else if (text.isEmpty())
        m_countStatus->setText(tr("Paste or type a text to count it."));
    else if (anyCounting)
        m_countStatus->setText(tr("Counting…"));
    else if (anyEstimate)
        m_countStatus->setText(tr("≈ marks estimated counts. %1").arg(firstNote));
    else
        m_countStatus->setText(tr("Counted exactly by the tokenization API."));
    m_countStatus->setVisible(!m_countStatus->text().isEmpty());

    fillTable();
    m_summary->setText(summary());
    emit resultsChanged();
}

void CostCalculatorPane::fillTable()
{
    m_table->setColumnCount(static_cast<int>(m_results.size()));
    for (int column = 0; column < static_cast<int>(m_results.size()); ++column) {
        const Result& r = m_results[static_cast<size_t>(column)];
        const QString approx = r.exact ? QString() : QStringLiteral("≈");
        // Ids, not display names: several versions of a model share its display name.
        auto* header = new QTableWidgetItem(r.modelId);
        header->setToolTip(r.displayName);
        m_table->setHorizontalHeaderItem(column, header);
        auto* input = cell(approx + number(r.counts.inputTokens), true);
        input->setToolTip(r.note);
        m_table->setItem(InputRow, column, input);
        m_table->setItem(CachedRow, column, cell(number(r.counts.cachedTokens), true));
        m_table->setItem(OutputRow, column, cell(number(r.counts.outputTokens), true));
        if (r.cost.valid) {
            const QString currency = r.cost.currency;
            const auto money = [&](qint64 micros) {
                return approx + pricing::formatMoneyCompact(micros, currency);
            };
            m_table->setItem(TierRow, column,
                             cell(r.cost.tier.isEmpty() ? tr("Single price") : r.cost.tier, false));
            m_table->setItem(InputCostRow, column, cell(money(r.cost.inputMicros), true));
            m_table->setItem(CachedCostRow, column, cell(money(r.cost.cachedMicros), true));
            m_table->setItem(OutputCostRow, column, cell(money(r.cost.outputMicros), true));
            auto* total = cell(money(r.cost.totalMicros()), true);
            QFont bold = total->font();
            bold.setBold(true);
            total->setFont(bold);
            m_table->setItem(TotalRow, column, total);
        } else {
            auto* error = cell(r.cost.error, false);
            error->setToolTip(r.cost.error);
            m_table->setItem(TierRow, column, error);
            for (const int row : {InputCostRow, CachedCostRow, OutputCostRow, TotalRow})
                m_table->setItem(row, column, cell(tr("—"), true));
        }
        // One boundary per line: "input from …; output from …".
        auto* next = cell(r.nextBoundary.split(tr("; ")).join(QLatin1Char('\n')), false);
        next->setToolTip(r.nextBoundary);
        m_table->setItem(NextTierRow, column, next);
    }
    m_table->resizeRowsToContents();
}

QString CostCalculatorPane::summary() const
{
    if (m_results.empty())
        return tr("Pick one or more models to compare their costs.");
    // The cheapest per currency: amounts in different currencies are never compared or added.
    QMap<QString, const Result*> cheapest;
    for (const Result& r : m_results) {
        if (!r.cost.valid)
            continue;
        const Result*& best = cheapest[r.cost.currency];
        if (!best || r.cost.totalMicros() < best->cost.totalMicros())
            best = &r;
    }
    if (cheapest.isEmpty())
        return tr("No selected model has a price for these counts.");
    QStringList parts;
    for (auto it = cheapest.cbegin(); it != cheapest.cend(); ++it) {
        const Result* r = it.value();
        parts << tr("Cheapest in %1: %2 at %3")
                     .arg(it.key(), r->modelId,
                          (r->exact ? QString() : QStringLiteral("≈")) +
                              pricing::formatMoneyCompact(r->cost.totalMicros(), r->cost.currency));
    }
    return parts.join(tr("; "));
}

} // namespace ark::ui
