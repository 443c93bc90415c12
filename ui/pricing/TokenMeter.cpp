#include "TokenMeter.h"

#include "pricing/TokenEstimator.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>

namespace ark::ui {

namespace {

constexpr int kFillSteps = 1000; // the bar's resolution: 0.1 % of the window

QString number(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

TokenMeter::TokenMeter(QWidget* parent) : QWidget(parent)
{
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("tokenMeterCounts"));
    m_fillBar = new QProgressBar(this);
    m_fillBar->setObjectName(QStringLiteral("tokenMeterFill"));
    m_fillBar->setRange(0, kFillSteps);
    m_fillBar->setTextVisible(true);
    m_fillBar->setFixedWidth(200);
    m_fillBar->setMaximumHeight(fontMetrics().height() + 4);
    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("tokenMeterWarning"));
    m_warningLabel->setWordWrap(true);
    m_costLabel = new QLabel(this);
    m_costLabel->setObjectName(QStringLiteral("tokenMeterCost"));
    m_costLabel->setWordWrap(true);
    m_costLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_countsLabel);
    top->addWidget(m_fillBar);
    top->addWidget(m_warningLabel, 10);
    top->addStretch(1); // keeps the bar beside the counts while there is no warning
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_costLabel);

    recount();
}

QColor TokenMeter::warningColor()
{
    return QColor(0xc6, 0x28, 0x28);
}

void TokenMeter::setTokenCounter(pricing::TokenCounter* counter)
{
    if (m_counter == counter)
        return;
    disconnect(m_counterConnection);
    m_counter = counter;
    if (counter)
        m_counterConnection = connect(counter, &pricing::TokenCounter::counted, this, &TokenMeter::onCounted);
    recount();
}

void TokenMeter::setModel(const QString& modelId, const catalog::ModelInfo* info)
{
    m_modelId = modelId;
    if (info)
        m_info = *info;
    else
        m_info.reset();
    recount(); // counts are per model (each has its own tokenizer)
}

void TokenMeter::setContext(const QString& systemPrompt, const QStringList& history, const QString& toolsJson)
{
    if (m_system == systemPrompt && m_history == history && m_tools == toolsJson)
        return;
    m_system = systemPrompt;
    m_history = history;
    m_tools = toolsJson;
    recount();
}

void TokenMeter::setMaxTokens(qint64 maxTokens)
{
    m_maxTokens = std::max<qint64>(0, maxTokens);
    refresh(); // the counts stay; only the output range moves
}

void TokenMeter::setDraft(const QString& text)
{
    if (text == m_draft)
        return;
    m_draft = text;
    recount();
}

void TokenMeter::followEditor(QPlainTextEdit* editor)
{
    disconnect(m_editorConnection);
    m_editor = editor;
    if (!editor)
        return;
    m_editorConnection = connect(editor, &QPlainTextEdit::textChanged, this,
                                 [this] { setDraft(m_editor ? m_editor->toPlainText() : QString()); });
    setDraft(editor->toPlainText());
}

void TokenMeter::recount()
{
    // One batch in a fixed order: system, tools, history..., draft (apply() splits it again).
    QStringList texts;
    texts.reserve(m_history.size() + 3);
    texts << m_system << m_tools << m_history << m_draft;
    m_expectedCounts = texts.size();
    if (m_counter && !m_modelId.isEmpty()) {
        m_counter->request(m_modelId, texts); // may answer at once (cache, or no key)
        return;
    }
    // No counter: the offline estimate, right away.
    QList<pricing::TokenCount> counts;
    counts.reserve(texts.size());
    const QString note = tr("Estimated: token counting is not available here.");
    for (const QString& text : std::as_const(texts))
        counts << (text.isEmpty() ? pricing::TokenCount{0, true, {}}
                                  : pricing::TokenCount{pricing::estimateTextTokens(text), false, note});
    apply(counts);
}

void TokenMeter::onCounted(const QList<pricing::TokenCount>& counts, qint64 total, bool allExact)
{
    Q_UNUSED(total)
    Q_UNUSED(allExact)
    if (counts.size() != m_expectedCounts)
        return; // not the batch this meter asked for last
    apply(counts);
}

void TokenMeter::apply(const QList<pricing::TokenCount>& counts)
{
    if (counts.size() < 3)
        return;
    pricing::DraftTokens tokens;
    tokens.systemTokens = counts.first().tokens;
    tokens.toolTokens = counts.at(1).tokens;
    for (qsizetype i = 2; i < counts.size() - 1; ++i)
        tokens.historyTokens += counts.at(i).tokens;
    tokens.draftTokens = counts.last().tokens;
    m_note.clear();
    for (const pricing::TokenCount& count : counts) {
        tokens.exact = tokens.exact && count.exact;
        if (!count.exact && m_note.isEmpty())
            m_note = count.note;
    }
    m_tokens = tokens;
    m_textTokens = tokens;
    addMediaTokens();
    refresh();
    emit updated();
}

void TokenMeter::setAttachmentTokens(qint64 draftTokens, qint64 historyTokens, int unknown)
{
    if (draftTokens == m_draftMediaTokens && historyTokens == m_historyMediaTokens &&
        unknown == m_unknownMedia)
        return;
    m_draftMediaTokens = std::max<qint64>(0, draftTokens);
    m_historyMediaTokens = std::max<qint64>(0, historyTokens);
    m_unknownMedia = std::max(0, unknown);
    m_tokens = m_textTokens;
    addMediaTokens();
    refresh();
    emit updated();
}

void TokenMeter::addMediaTokens()
{
    if (m_draftMediaTokens == 0 && m_historyMediaTokens == 0 && m_unknownMedia == 0)
        return;
    m_tokens.draftTokens += m_draftMediaTokens;
    m_tokens.historyTokens += m_historyMediaTokens;
    m_tokens.exact = false;
    QString note = tr("Images are counted from their pixel size and detail setting (the vision docs' rule).");
    if (m_unknownMedia > 0)
        note += QLatin1Char(' ') +
                tr("%n attachment(s) could not be counted (no rule for them).", "", m_unknownMedia);
    m_note = m_note.isEmpty() ? note : m_note + QLatin1Char(' ') + note;
}

void TokenMeter::refresh()
{
    if (m_info)
        m_cost = pricing::DraftCost::compute(*m_info, m_tokens, m_maxTokens);
    else
        m_cost =
            pricing::DraftCost::compute(pricing::PriceTable{}, pricing::DraftLimits{}, m_tokens, m_maxTokens);

    const QString approx = m_tokens.exact ? QString() : QStringLiteral("≈");
    m_countsLabel->setText(
        tr("Draft %1 · conversation %2 tokens")
            .arg(approx + number(m_tokens.draftTokens), approx + number(m_tokens.total())));
    QString breakdown = tr("System prompt: %1\nHistory: %2\nTools: %3\nDraft: %4")
                            .arg(number(m_tokens.systemTokens), number(m_tokens.historyTokens),
                                 number(m_tokens.toolTokens), number(m_tokens.draftTokens));
    if (!m_tokens.exact)
        breakdown += QLatin1Char('\n') + (m_note.isEmpty() ? tr("Estimated counts.") : m_note);
    m_countsLabel->setToolTip(breakdown);

    if (m_cost.contextWindow > 0) {
        m_fillBar->setVisible(true);
        const double fill = std::clamp(m_cost.contextFill, 0.0, 1.0);
        m_fillBar->setValue(static_cast<int>(fill * kFillSteps + 0.5));
        m_fillBar->setFormat(tr("%1 / %2 (%3%)")
                                 .arg(approx + number(m_tokens.total()), number(m_cost.contextWindow),
                                      QLocale().toString(m_cost.contextFill * 100.0, 'f', 1)));
        m_fillBar->setToolTip(tr("Context window of %1: %2 tokens (input, answer and reasoning together).")
                                  .arg(m_modelId, number(m_cost.contextWindow)));
    } else {
        m_fillBar->setVisible(false);
    }

    const bool over = m_cost.isOverLimit();
    if (over) {
        m_warningLabel->setText(tr("%1 tokens over the input limit of %2")
                                    .arg(approx + number(m_cost.overInputLimit), number(m_cost.inputLimit)));
    } else if (m_cost.outputMayNotFit) {
        m_warningLabel->setText(
            tr("A long answer may not fit: %1 tokens of the window are left")
                .arg(number(std::max<qint64>(0, m_cost.contextWindow - m_cost.inputTokens))));
    } else {
        m_warningLabel->clear();
    }
    m_warningLabel->setVisible(!m_warningLabel->text().isEmpty());
    setWarningStyle(over);

    m_costLabel->setText(costText());
    m_costLabel->setToolTip(costToolTip());

    if (over != m_wasOver) {
        m_wasOver = over;
        emit overLimitChanged(over);
    }
}

void TokenMeter::setWarningStyle(bool warn)
{
    // Palettes, not style sheets, so the bar keeps the platform style and only changes colour.
    const QPalette base = palette();
    QPalette text = base;
    QPalette bar = base;
    if (warn) {
        text.setColor(QPalette::WindowText, warningColor());
        bar.setColor(QPalette::Highlight, warningColor());
    }
    m_countsLabel->setPalette(text);
    m_warningLabel->setPalette(text);
    m_fillBar->setPalette(bar);
    QFont bold = m_warningLabel->font();
    bold.setBold(warn);
    m_warningLabel->setFont(bold);
}

QString TokenMeter::costText() const
{
    const QString approx = m_tokens.exact ? QString() : QStringLiteral("≈");
    if (!m_info)
        return m_modelId.isEmpty() ? tr("Cost unknown: no model chosen.")
                                   : tr("Cost unknown: the catalog does not know %1.").arg(m_modelId);
    if (!m_cost.priced)
        return tr("Cost unknown: %1").arg(m_cost.error);

    const auto money = [this, &approx](qint64 micros) {
        return approx + pricing::formatMoneyCompact(micros, m_cost.currency);
    };
    const QString outputLimit = m_cost.maxOutputTokens < 0 ? tr("no max tokens set")
                                : m_cost.maxOutputAssumed
                                    ? tr("up to the model's %1 tokens").arg(number(m_cost.maxOutputTokens))
                                    : tr("up to %1 tokens").arg(number(m_cost.maxOutputTokens));
    QString text;
    if (m_cost.maxMicros >= 0)
        text = tr("Sending now: %1 – %2").arg(money(m_cost.minMicros), money(m_cost.maxMicros));
    else
        text = tr("Sending now: from %1").arg(money(m_cost.minMicros));
    const qint64 input = m_cost.inputMicros();
    if (input >= 0)
        text += tr(" (input %1, output %2)").arg(money(input), outputLimit);
    else
        text += tr(" (output %1)").arg(outputLimit);

    if (m_cost.tiers.size() == 1) {
        const pricing::DraftTier& t = m_cost.tiers.front();
        if (!t.condition.isEmpty())
            text += tr(" · tier %1").arg(t.condition);
        return text;
    }
    // Tiered by output: name every tier the answer could land in.
    QStringList parts;
    for (const pricing::DraftTier& t : m_cost.tiers) {
        const QString outputs = t.outputTo < 0
                                    ? tr("%1+ tokens").arg(number(t.outputFrom))
                                    : tr("%1–%2 tokens").arg(number(t.outputFrom), number(t.outputTo));
        parts << tr("output %1: tier %2").arg(outputs, t.condition);
    }
    return text + tr(" · ") + parts.join(tr(", or "));
}

QString TokenMeter::costToolTip() const
{
    if (!m_cost.priced)
        return {};
    QStringList lines;
    lines << tr("Input is billed exactly for its %1 tokens; no cache hit is assumed.")
                 .arg(number(m_cost.inputTokens));
    for (const pricing::DraftTier& t : m_cost.tiers) {
        const QString name = t.condition.isEmpty() ? tr("Single price") : t.condition;
        const QString to = t.outputTo < 0 ? tr("unbounded") : number(t.outputTo);
        const QString high = t.maxTotalMicros() < 0
                                 ? tr("unbounded")
                                 : pricing::formatMoneyCompact(t.maxTotalMicros(), m_cost.currency);
        lines << tr("%1: input %2; output %3 to %4 tokens; total %5 to %6")
                     .arg(name, pricing::formatMoneyCompact(t.inputMicros, m_cost.currency),
                          number(t.outputFrom), to,
                          pricing::formatMoneyCompact(t.minTotalMicros(), m_cost.currency), high);
    }
    if (!m_tokens.exact)
        lines << (m_note.isEmpty() ? tr("Counts are estimates.") : m_note);
    return lines.join(QLatin1Char('\n'));
}

void TokenMeter::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
    else if (event->type() == QEvent::PaletteChange)
        setWarningStyle(m_cost.isOverLimit());
}

} // namespace ark::ui
