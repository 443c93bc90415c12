#include "ToolsEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace ark::ui {

namespace {

const QColor kErrorColor(0xc6, 0x28, 0x28);
const QColor kWarningColor(0xb2, 0x6a, 0x00);
const QColor kErrorLine(0xfd, 0xec, 0xec);

const QString kFunctionPrefix = QStringLiteral("fn:");

QString choiceKey(const api::ToolChoice& choice)
{
    switch (choice.mode) {
    case api::ToolChoice::Mode::Unset:
        return {};
    case api::ToolChoice::Mode::Auto:
        return QStringLiteral("auto");
    case api::ToolChoice::Mode::None:
        return QStringLiteral("none");
    case api::ToolChoice::Mode::Required:
        return QStringLiteral("required");
    case api::ToolChoice::Mode::Function:
        return kFunctionPrefix + choice.function;
    }
    return {};
}

api::ToolChoice choiceFromKey(const QString& key)
{
    api::ToolChoice choice;
    if (key.startsWith(kFunctionPrefix))
        return api::ToolChoice::named(key.mid(kFunctionPrefix.size()));
    if (const auto parsed =
            api::ToolChoice::fromJson(key.isEmpty() ? nlohmann::json() : nlohmann::json(key.toStdString())))
        choice = *parsed;
    return choice;
}

} // namespace

ToolsEditor::ToolsEditor(QWidget* parent) : QWidget(parent)
{
    buildUi();
    revalidate();
}

ToolsEditor::~ToolsEditor() = default;

void ToolsEditor::buildUi()
{
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    auto* title = new QLabel(tr("Function definitions (JSON)"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    top->addWidget(title);
    top->addStretch(1);
    m_presets = new QToolButton(this);
    m_presets->setText(tr("Start from a Preset"));
    m_presets->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_presets);
    for (const tools::Preset& preset : tools::ToolSchema::presets()) {
        QAction* action = menu->addAction(preset.title);
        const QString id = preset.id;
        connect(action, &QAction::triggered, this, [this, id] { applyPreset(id); });
    }
    m_presets->setMenu(menu);
    top->addWidget(m_presets);
    layout->addLayout(top);

    m_text = new QPlainTextEdit(this);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabStopDistance(QFontMetricsF(m_text->font()).horizontalAdvance(QLatin1Char(' ')) * 2);
    m_text->setPlaceholderText(tr("[\n  {\"type\": \"function\", \"function\": {\"name\": \"...\", "
                                  "\"description\": \"...\", \"parameters\": {\"type\": \"object\", "
                                  "\"properties\": {}}}}\n]"));
    m_text->setAccessibleName(tr("Function definitions"));
    layout->addWidget(m_text, 3);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_problems = new QListWidget(this);
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setMaximumHeight(m_problems->fontMetrics().height() * 7);
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems, 1);

    auto* form = new QFormLayout;
    m_toolChoice = new QComboBox(this);
    form->addRow(tr("Tool choice:"), m_toolChoice);
    m_parallel = new QComboBox(this);
    m_parallel->addItem(tr("Default (not sent; the API allows several)"), QString());
    m_parallel->addItem(tr("Allow several calls per answer"), QStringLiteral("true"));
    m_parallel->addItem(tr("At most one call per answer"), QStringLiteral("false"));
    form->addRow(tr("Parallel tool calls:"), m_parallel);
    m_automatic = new QCheckBox(tr("Run built-in tools without asking (calculator, date and time; reading a "
                                   "file always asks)"),
                                this);
    form->addRow(QString(), m_automatic);
    m_rounds = new QSpinBox(this);
    m_rounds->setRange(1, session::ConversationParams::kMaxToolRoundLimit);
    m_rounds->setValue(session::ConversationParams::kDefaultToolRoundLimit);
    m_rounds->setToolTip(tr("How many times in a row the model may call tools before it has to answer"));
    form->addRow(tr("Round limit:"), m_rounds);
    layout->addLayout(form);
    rebuildToolChoiceItems();

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        revalidate();
        if (!m_loading)
            emit changed();
    });
    connect(m_problems, &QListWidget::itemActivated, this, &ToolsEditor::onProblemActivated);
    connect(m_problems, &QListWidget::itemClicked, this, &ToolsEditor::onProblemActivated);
    connect(m_toolChoice, &QComboBox::activated, this, [this] {
        m_choice = choiceFromKey(m_toolChoice->currentData().toString());
        emit changed();
    });
    connect(m_parallel, &QComboBox::activated, this, [this] { emit changed(); });
    connect(m_automatic, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            emit changed();
    });
    connect(m_rounds, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading)
            emit changed();
    });
}

QSize ToolsEditor::sizeHint() const
{
    return {560, 620};
}

// -------------------------------------------------------------------------------------------------
// Values

void ToolsEditor::setParams(const session::ConversationParams& params)
{
    setToolsText(params.toolsJson);
    setToolChoice(params.toolChoice);
    setParallelToolCalls(params.parallelToolCalls);
    setAutomaticMode(params.autoRunBuiltinTools);
    setRoundLimit(params.toolRoundLimit);
}

void ToolsEditor::applyTo(session::ConversationParams& params) const
{
    params.toolsJson = toolsText();
    params.toolChoice = toolChoice();
    params.parallelToolCalls = parallelToolCalls();
    params.autoRunBuiltinTools = automaticMode();
    params.toolRoundLimit = roundLimit();
}

void ToolsEditor::setToolsText(const QString& text)
{
    m_loading = true;
    m_text->setPlainText(text);
    m_loading = false;
}

QString ToolsEditor::toolsText() const
{
    return m_text->toPlainText();
}

api::ToolChoice ToolsEditor::toolChoice() const
{
    return m_choice;
}

void ToolsEditor::setToolChoice(const api::ToolChoice& choice)
{
    m_choice = choice;
    rebuildToolChoiceItems();
}

std::optional<bool> ToolsEditor::parallelToolCalls() const
{
    const QString key = m_parallel->currentData().toString();
    if (key.isEmpty())
        return std::nullopt;
    return key == QLatin1String("true");
}

void ToolsEditor::setParallelToolCalls(std::optional<bool> value)
{
    const QString key = !value ? QString() : *value ? QStringLiteral("true") : QStringLiteral("false");
    m_parallel->setCurrentIndex(m_parallel->findData(key));
}

bool ToolsEditor::automaticMode() const
{
    return m_automatic->isChecked();
}

void ToolsEditor::setAutomaticMode(bool on)
{
    m_loading = true;
    m_automatic->setChecked(on);
    m_loading = false;
}

int ToolsEditor::roundLimit() const
{
    return m_rounds->value();
}

void ToolsEditor::setRoundLimit(int limit)
{
    m_loading = true;
    m_rounds->setValue(limit);
    m_loading = false;
}

void ToolsEditor::setModelCapabilities(bool toolChoice, bool parallelToolCalls)
{
    const QString unsupported = tr("The selected model does not accept this setting; it is not sent.");
    m_toolChoice->setEnabled(toolChoice);
    m_toolChoice->setToolTip(toolChoice ? QString() : unsupported);
    m_parallel->setEnabled(parallelToolCalls);
    m_parallel->setToolTip(parallelToolCalls ? QString() : unsupported);
}

bool ToolsEditor::applyPreset(const QString& id)
{
    for (const tools::Preset& preset : tools::ToolSchema::presets()) {
        if (preset.id != id)
            continue;
        // Through a cursor, so Ctrl+Z brings the previous text back.
        QTextCursor cursor(m_text->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(preset.document);
        return true;
    }
    return false;
}

// -------------------------------------------------------------------------------------------------
// Checking

void ToolsEditor::revalidate()
{
    m_document = tools::ToolSchema::parseDocument(m_text->toPlainText());
    showProblems();
    rebuildToolChoiceItems();
    emit documentChecked(m_document.hasErrors());
}

void ToolsEditor::showProblems()
{
    QList<QTextEdit::ExtraSelection> selections;
    m_problems->clear();
    int errors = 0;
    int warnings = 0;
    for (size_t i = 0; i < m_document.problems.size(); ++i) {
        const tools::Problem& p = m_document.problems[i];
        const bool error = p.isError();
        error ? ++errors : ++warnings;
        const QColor color = error ? kErrorColor : kWarningColor;

        QString text =
            p.line > 0 ? tr("Line %1, column %2: %3").arg(p.line).arg(p.column).arg(p.message) : p.message;
        if (!p.path.isEmpty() && p.path != QLatin1String("$"))
            text += QStringLiteral("  \u2014  ") + p.path;
        auto* item = new QListWidgetItem((error ? tr("Error") : tr("Warning")) + QLatin1String(": ") + text,
                                         m_problems);
        item->setForeground(color);
        item->setData(Qt::UserRole, int(i));

        if (p.offset < 0)
            continue;
        if (error) {
            // The whole line tinted, so an error is seen even when scrolled sideways.
            QTextEdit::ExtraSelection line;
            line.format.setBackground(kErrorLine);
            line.format.setProperty(QTextFormat::FullWidthSelection, true);
            line.cursor = QTextCursor(m_text->document()->findBlockByNumber(p.line - 1));
            selections.append(line);
        }
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(color);
        mark.format.setToolTip(p.message);
        mark.cursor = QTextCursor(m_text->document());
        mark.cursor.setPosition(p.offset);
        mark.cursor.setPosition(std::min(p.offset + p.length, m_text->document()->characterCount() - 1),
                                QTextCursor::KeepAnchor);
        selections.append(mark);
    }
    m_text->setExtraSelections(selections);
    m_problems->setVisible(!m_document.problems.empty());

    QString status;
    QColor color = palette().color(QPalette::WindowText);
    if (errors > 0) {
        status = tr("%n error(s)", nullptr, errors);
        if (warnings > 0)
            status += QLatin1String(", ") + tr("%n warning(s)", nullptr, warnings);
        status += QStringLiteral(" \u2014 ") + tr("no tools are sent until the errors are fixed.");
        color = kErrorColor;
    } else if (m_document.tools.empty()) {
        status = tr("No tools: the model answers without calling any.");
    } else {
        status = tr("%n tool(s): %1", nullptr, int(m_document.tools.size()))
                     .arg(m_document.names().join(QStringLiteral(", ")));
        if (warnings > 0) {
            status += QStringLiteral(" \u2014 ") + tr("%n warning(s)", nullptr, warnings);
            color = kWarningColor;
        }
    }
    m_status->setText(status);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, color);
    m_status->setPalette(pal);
}

void ToolsEditor::rebuildToolChoiceItems()
{
    // Every name of the document, even when it has errors elsewhere: the list should not jump around
    // while the person types.
    QStringList names = m_document.names();
    if (names.isEmpty() && m_document.hasErrors()) {
        for (int i = 0; i < m_toolChoice->count(); ++i) {
            const QString key = m_toolChoice->itemData(i).toString();
            if (key.startsWith(kFunctionPrefix))
                names << key.mid(kFunctionPrefix.size());
        }
    }
    const QSignalBlocker blocker(m_toolChoice);
    m_toolChoice->clear();
    m_toolChoice->addItem(tr("Default (not sent; auto when there are tools)"), QString());
    m_toolChoice->addItem(tr("auto \u2014 the model decides"), QStringLiteral("auto"));
    m_toolChoice->addItem(tr("none \u2014 no tool calls"), QStringLiteral("none"));
    m_toolChoice->addItem(tr("required \u2014 must call a tool"), QStringLiteral("required"));
    for (const QString& name : std::as_const(names))
        m_toolChoice->addItem(tr("Call %1").arg(name), kFunctionPrefix + name);
    const QString key = choiceKey(m_choice);
    int index = m_toolChoice->findData(key);
    if (index < 0) {
        // A named function that left the list stays visible, marked, rather than silently changing.
        m_toolChoice->addItem(tr("Call %1 (not among the tools: not sent)").arg(m_choice.function), key);
        index = m_toolChoice->count() - 1;
    }
    m_toolChoice->setCurrentIndex(index);
}

void ToolsEditor::goToProblem(int row)
{
    if (row < 0 || row >= int(m_document.problems.size()))
        return;
    const tools::Problem& p = m_document.problems[size_t(row)];
    if (p.offset < 0)
        return;
    QTextCursor cursor(m_text->document());
    cursor.setPosition(p.offset);
    m_text->setTextCursor(cursor);
    m_text->centerCursor();
    m_text->setFocus();
}

void ToolsEditor::onProblemActivated(QListWidgetItem* item)
{
    if (item)
        goToProblem(item->data(Qt::UserRole).toInt());
}

} // namespace ark::ui
