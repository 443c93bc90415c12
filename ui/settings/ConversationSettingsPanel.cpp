#include "ConversationSettingsPanel.h"

#include "session/AccountSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace ark::ui {

using session::ConversationParams;

ConversationSettingsPanel::ConversationSettingsPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ConversationSettingsPanel"));
    m_debounce = new QTimer(this);
    m_debounce->setObjectName(QStringLiteral("paramsDebounceTimer"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ConversationSettingsPanel::emitIfChanged);

    auto* content = new QWidget;
    auto* form = new QFormLayout(content);
    m_form = form;
    // In a narrow dock the labels go above their fields instead of squeezing them.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_model = new QComboBox(content);
    m_model->setObjectName(QStringLiteral("modelCombo"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->lineEdit()->setPlaceholderText(tr("Model ID or endpoint ID (ep-…)"));
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->setMinimumContentsLength(12);
    auto* modelLabel = new QLabel(tr("&Model:"), content);
    modelLabel->setBuddy(m_model);
    form->addRow(modelLabel);
    form->addRow(m_model);

    auto* promptLabel = new QLabel(tr("S&ystem prompt:"), content);
    m_systemPrompt = new QPlainTextEdit(content);
    m_systemPrompt->setObjectName(QStringLiteral("systemPromptEdit"));
    m_systemPrompt->setPlaceholderText(tr("Instructions the model follows for the whole conversation"));
    m_systemPrompt->setTabChangesFocus(true);
    m_systemPrompt->setMinimumHeight(72);
    promptLabel->setBuddy(m_systemPrompt);
    form->addRow(promptLabel);
    form->addRow(m_systemPrompt);

    m_temperature = addDoubleRow(form, tr("&Temperature"), QStringLiteral("temperature"), 0.0, 2.0, 0.1, 1.0,
                                 tr("Higher values give more varied answers, lower values more focused ones. "
                                    "Change this or top_p, not both."),
                                 &ConversationParams::temperature);
    m_topP =
        addDoubleRow(form, tr("Top &p"), QStringLiteral("topP"), 0.0, 1.0, 0.05, 0.7,
                     tr("Nucleus sampling: only the most likely tokens whose probabilities add up to this "
                        "value are considered."),
                     &ConversationParams::topP);

    m_maxTokensSet = new QCheckBox(tr("Max to&kens"), content);
    m_maxTokensSet->setObjectName(QStringLiteral("maxTokensSet"));
    m_maxTokensSet->setToolTip(tr("The longest answer in tokens. Unset: the server's default (4096)."));
    m_maxTokens = new QSpinBox(content);
    m_maxTokens->setObjectName(QStringLiteral("maxTokensValue"));
    m_maxTokens->setRange(1, 131072);
    m_maxTokens->setValue(4096);
    m_maxTokens->setKeyboardTracking(false);
    m_maxTokens->setEnabled(false);
    m_maxTokens->setAccessibleName(tr("Max tokens"));
    form->addRow(m_maxTokensSet, m_maxTokens);
    connect(m_maxTokensSet, &QCheckBox::toggled, this, [this](bool on) {
        m_maxTokens->setEnabled(on);
        if (m_updating)
            return;
        m_params.maxTokens = on ? std::optional<int>(m_maxTokens->value()) : std::nullopt;
        emitIfChanged();
    });
    connect(m_maxTokens, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_updating || !m_maxTokensSet->isChecked())
            return;
        m_params.maxTokens = value;
        emitIfChanged();
    });

    m_maxCompletionTokensSet = new QCheckBox(tr("Max &completion tokens"), content);
    m_maxCompletionTokensSet->setObjectName(QStringLiteral("maxCompletionTokensSet"));
    m_maxCompletionTokensSet->setToolTip(
        tr("The longest answer plus reasoning, in tokens (max_completion_tokens, up to 65,536). When set, "
           "max tokens is not sent: the API refuses both together. Unset: not sent."));
    m_maxCompletionTokens = new QSpinBox(content);
    m_maxCompletionTokens->setObjectName(QStringLiteral("maxCompletionTokensValue"));
    m_maxCompletionTokens->setRange(1, kMaxCompletionTokensLimit);
    m_maxCompletionTokens->setValue(16384);
    m_maxCompletionTokens->setKeyboardTracking(false);
    m_maxCompletionTokens->setEnabled(false);
    m_maxCompletionTokens->setAccessibleName(tr("Max completion tokens"));
    form->addRow(m_maxCompletionTokensSet, m_maxCompletionTokens);
    m_maxCompletionHint = new QLabel(content);
    m_maxCompletionHint->setObjectName(QStringLiteral("maxCompletionTokensHint"));
    m_maxCompletionHint->setWordWrap(true);
    form->addRow(m_maxCompletionHint);
    connect(m_maxCompletionTokensSet, &QCheckBox::toggled, this, [this](bool on) {
        m_maxCompletionTokens->setEnabled(on);
        if (m_updating)
            return;
        m_params.maxCompletionTokens = on ? std::optional<int>(m_maxCompletionTokens->value()) : std::nullopt;
        updateCapabilityRows();
        emitIfChanged();
    });
    connect(m_maxCompletionTokens, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_updating || !m_maxCompletionTokensSet->isChecked())
            return;
        m_params.maxCompletionTokens = value;
        emitIfChanged();
    });
    // The hint names max_tokens: it changes with that box too.
    connect(m_maxTokensSet, &QCheckBox::toggled, this, [this] { updateCapabilityRows(); });

    m_frequencyPenalty =
        addDoubleRow(form, tr("&Frequency penalty"), QStringLiteral("frequencyPenalty"), -2.0, 2.0, 0.1, 0.0,
                     tr("Positive values make the model less likely to repeat the same words."),
                     &ConversationParams::frequencyPenalty);
    m_presencePenalty =
        addDoubleRow(form, tr("P&resence penalty"), QStringLiteral("presencePenalty"), -2.0, 2.0, 0.1, 0.0,
                     tr("Positive values make the model more likely to talk about new topics."),
                     &ConversationParams::presencePenalty);

    auto* stopLabel = new QLabel(tr("&Stop sequences:"), content);
    m_stop = new QPlainTextEdit(content);
    m_stop->setObjectName(QStringLiteral("stopEdit"));
    m_stop->setTabChangesFocus(true);
    m_stop->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_stop->setFixedHeight(m_stop->fontMetrics().lineSpacing() * 4 + 14);
    stopLabel->setBuddy(m_stop);
    m_stopHint = new QLabel(content);
    m_stopHint->setObjectName(QStringLiteral("stopHint"));
    m_stopHint->setWordWrap(true);
    form->addRow(stopLabel);
    form->addRow(m_stop);
    form->addRow(m_stopHint);

    m_thinking = new QComboBox(content);
    m_thinking->setObjectName(QStringLiteral("thinkingCombo"));
    m_thinking->setToolTip(
        tr("Deep thinking. Only some models accept this field; others answer with an error."));
    m_thinkingLabel = new QLabel(tr("T&hinking:"), content);
    m_thinkingLabel->setBuddy(m_thinking);
    form->addRow(m_thinkingLabel);
    form->addRow(m_thinking);
    refillThinking();
    connect(m_thinking, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_params.thinking = api::ThinkingMode(m_thinking->currentData().toInt());
        emitIfChanged();
    });

    connect(m_model, &QComboBox::currentTextChanged, this, &ConversationSettingsPanel::textEdited);
    connect(m_model, &QComboBox::editTextChanged, this, &ConversationSettingsPanel::textEdited);
    connect(m_systemPrompt, &QPlainTextEdit::textChanged, this, &ConversationSettingsPanel::textEdited);
    connect(m_stop, &QPlainTextEdit::textChanged, this, &ConversationSettingsPanel::textEdited);
    connect(m_stop, &QPlainTextEdit::textChanged, this, &ConversationSettingsPanel::updateStopHint);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("conversationSettingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    reloadRecentModels();
    updateStopHint();
    updateCapabilityRows();
    m_lastEmitted = params();
}

void ConversationSettingsPanel::setCapabilities(const std::optional<catalog::Capabilities>& capabilities)
{
    m_capabilities = capabilities;
    refillThinking();
    updateCapabilityRows();
}

void ConversationSettingsPanel::refillThinking()
{
    const bool updating = m_updating;
    m_updating = true; // the combo's own signals must not change the value while it is rebuilt
    m_thinking->clear();
    m_thinking->addItem(tr("Default (not sent)"), int(api::ThinkingMode::Unset));
    const std::pair<api::ThinkingMode, QString> modes[] = {
        {api::ThinkingMode::Enabled, tr("Enabled")},
        {api::ThinkingMode::Disabled, tr("Disabled")},
        {api::ThinkingMode::Auto, tr("Auto (the model decides)")},
    };
    for (const auto& [mode, text] : modes) {
        const bool accepted =
            !m_capabilities || m_capabilities->thinkingModes.contains(api::thinkingModeName(mode));
        if (accepted)
            m_thinking->addItem(text, int(mode));
        else if (mode == m_params.thinking) // kept, so it shows what would be sent and can be changed
            m_thinking->addItem(tr("%1 (not accepted by this model)").arg(text), int(mode));
    }
    const int current = m_thinking->findData(int(m_params.thinking));
    m_thinking->setCurrentIndex(current < 0 ? 0 : current);
    m_updating = updating;
}

void ConversationSettingsPanel::updateCapabilityRows()
{
    const bool thinkingShown = !m_capabilities || m_capabilities->supportsThinking() ||
                               m_params.thinking != api::ThinkingMode::Unset;
    m_form->setRowVisible(m_thinkingLabel, thinkingShown);
    m_form->setRowVisible(m_thinking, thinkingShown);

    const bool completionAccepted = !m_capabilities || m_capabilities->maxCompletionTokens;
    const bool completionSet = m_params.maxCompletionTokens.has_value();
    m_form->setRowVisible(m_maxCompletionTokensSet, completionAccepted || completionSet);
    QString hint;
    if (completionSet && !completionAccepted)
        hint = tr("This model does not accept max_completion_tokens: unset it, or the request fails.");
    else if (completionSet && m_maxTokensSet->isChecked())
        hint = tr("Max tokens is not sent while max completion tokens is set.");
    m_maxCompletionHint->setText(hint);
    m_form->setRowVisible(m_maxCompletionHint, !hint.isEmpty());
}

ConversationSettingsPanel::DoubleRow ConversationSettingsPanel::addDoubleRow(
    QFormLayout* form, const QString& label, const QString& objectName, double min, double max, double step,
    double initial, const QString& toolTip, std::optional<double> ConversationParams::*field)
{
    QWidget* owner = form->parentWidget();
    DoubleRow row;
    row.set = new QCheckBox(label, owner);
    row.set->setObjectName(objectName + QStringLiteral("Set"));
    row.set->setToolTip(toolTip + QLatin1Char(' ') + tr("Unset: not sent, the server's default applies."));
    row.value = new QDoubleSpinBox(owner);
    row.value->setObjectName(objectName + QStringLiteral("Value"));
    row.value->setRange(min, max);
    row.value->setSingleStep(step);
    row.value->setDecimals(2);
    row.value->setValue(initial);
    row.value->setKeyboardTracking(false); // one change per committed value, not per typed digit
    row.value->setEnabled(false);
    row.value->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    row.value->setToolTip(toolTip);
    form->addRow(row.set, row.value);

    connect(row.set, &QCheckBox::toggled, this, [this, row, field](bool on) {
        row.value->setEnabled(on);
        if (m_updating)
            return;
        m_params.*field = on ? std::optional<double>(row.value->value()) : std::nullopt;
        emitIfChanged();
    });
    connect(row.value, &QDoubleSpinBox::valueChanged, this, [this, row, field](double value) {
        if (m_updating || !row.set->isChecked())
            return;
        m_params.*field = value;
        emitIfChanged();
    });
    return row;
}

void ConversationSettingsPanel::setParams(const ConversationParams& params)
{
    m_updating = true;
    m_debounce->stop();
    m_params = params;
    m_model->setEditText(params.model);
    m_systemPrompt->setPlainText(params.systemPrompt);
    const auto show = [](const DoubleRow& row, const std::optional<double>& value) {
        row.set->setChecked(value.has_value());
        row.value->setEnabled(value.has_value());
        if (value)
            row.value->setValue(*value);
    };
    show(m_temperature, params.temperature);
    show(m_topP, params.topP);
    show(m_frequencyPenalty, params.frequencyPenalty);
    show(m_presencePenalty, params.presencePenalty);
    m_maxTokensSet->setChecked(params.maxTokens.has_value());
    m_maxTokens->setEnabled(params.maxTokens.has_value());
    if (params.maxTokens)
        m_maxTokens->setValue(*params.maxTokens);
    m_maxCompletionTokensSet->setChecked(params.maxCompletionTokens.has_value());
    m_maxCompletionTokens->setEnabled(params.maxCompletionTokens.has_value());
    if (params.maxCompletionTokens)
        m_maxCompletionTokens->setValue(*params.maxCompletionTokens);
    m_stop->setPlainText(stopToText(params.stop));
    refillThinking();
    m_updating = false;
    updateCapabilityRows();
    m_lastEmitted = this->params();
}

ConversationParams ConversationSettingsPanel::params() const
{
    ConversationParams p = m_params;
    p.model = m_model->currentText().trimmed();
    p.systemPrompt = m_systemPrompt->toPlainText();
    p.stop = stopFromText(m_stop->toPlainText());
    return p;
}

void ConversationSettingsPanel::reloadRecentModels()
{
    const QString text = m_model->currentText();
    const bool updating = m_updating;
    m_updating = true;
    m_model->clear();
    m_model->addItems(session::AccountSettings::recentModels());
    m_model->setEditText(text);
    m_updating = updating;
}

void ConversationSettingsPanel::textEdited()
{
    if (m_updating)
        return;
    m_debounce->start(); // restarts: the change is written once typing pauses
}

void ConversationSettingsPanel::emitIfChanged()
{
    m_debounce->stop();
    const ConversationParams current = params();
    if (current == m_lastEmitted)
        return;
    m_lastEmitted = current;
    emit paramsChanged(current);
}

void ConversationSettingsPanel::updateStopHint()
{
    int lines = 0;
    for (const QString& line : m_stop->toPlainText().split(QLatin1Char('\n')))
        lines += line.isEmpty() ? 0 : 1;
    QString hint = tr("One per line, at most %1. Write \\n for a line break.").arg(kMaxStopSequences);
    if (lines > kMaxStopSequences)
        hint += QLatin1Char(' ') + tr("Only the first %1 are sent.").arg(kMaxStopSequences);
    m_stopHint->setText(hint);
}

QString ConversationSettingsPanel::stopToText(const QStringList& stop)
{
    QStringList lines;
    for (QString s : stop) {
        s.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        s.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        s.replace(QLatin1Char('\t'), QLatin1String("\\t"));
        lines << s;
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList ConversationSettingsPanel::stopFromText(const QString& text)
{
    QStringList stop;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.isEmpty())
            continue;
        QString s;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == QLatin1Char('\\') && i + 1 < line.size()) {
                const QChar next = line.at(i + 1);
                if (next == QLatin1Char('n') || next == QLatin1Char('t') || next == QLatin1Char('\\')) {
                    s += next == QLatin1Char('n')   ? QLatin1Char('\n')
                         : next == QLatin1Char('t') ? QLatin1Char('\t')
                                                    : next;
                    ++i;
                    continue;
                }
            }
            s += c;
        }
        stop << s;
        if (stop.size() == kMaxStopSequences)
            break;
    }
    return stop;
}

} // namespace ark::ui
