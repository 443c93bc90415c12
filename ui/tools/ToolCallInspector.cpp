#include "ToolCallInspector.h"

#include "models/ToolCallListModel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ark::ui {

using models::ToolCallListModel;
using Status = ToolCallListModel::Status;

namespace {

const char* const kErrorColor = "#c62828";
const char* const kWarningColor = "#b26a00";
const char* const kOkColor = "#2e7d32";
const char* const kMutedColor = "#6b6b6b";

QString statusColor(Status status)
{
    switch (status) {
    case Status::Streaming:
        return QStringLiteral("#1565c0");
    case Status::AwaitingAnswer:
        return QString::fromLatin1(kWarningColor);
    case Status::Answered:
        return QString::fromLatin1(kOkColor);
    case Status::ErrorReturned:
    case Status::Interrupted:
        return QString::fromLatin1(kErrorColor);
    }
    return QString::fromLatin1(kMutedColor);
}

// Tall enough for the text, between `minLines` and `maxLines` lines (then it scrolls).
void fitHeight(QPlainTextEdit* edit, int minLines, int maxLines)
{
    const int lines = std::clamp(int(edit->toPlainText().count(QLatin1Char('\n'))) + 1, minLines, maxLines);
    const QMargins margins = edit->contentsMargins();
    const int chrome = margins.top() + margins.bottom() + int(edit->document()->documentMargin() * 2);
    // Half a line of slack: the first line starts a little below the margin.
    const int spacing = edit->fontMetrics().lineSpacing();
    edit->setFixedHeight(spacing * lines + spacing / 2 + chrome);
    // A scroll bar only when the text is longer than the box may grow.
    edit->setVerticalScrollBarPolicy(lines < maxLines ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
}

} // namespace

// One call: what the model sent, what is wrong with it, and the answer.
class ToolCallCard : public QFrame
{
public:
    explicit ToolCallCard(QWidget* parent) : QFrame(parent)
    {
        setFrameShape(QFrame::StyledPanel);
        setObjectName(QStringLiteral("toolCallCard"));
        auto* layout = new QVBoxLayout(this);
        layout->setSpacing(4);

        // Index and name, the status on the right; the id (long, generated) on a line of its own.
        auto* top = new QHBoxLayout;
        header = new QLabel(this);
        header->setTextFormat(Qt::RichText);
        header->setTextInteractionFlags(Qt::TextSelectableByMouse);
        header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        top->addWidget(header, 1);
        status = new QLabel(this);
        status->setTextFormat(Qt::RichText);
        top->addWidget(status);
        layout->addLayout(top);
        callId = new QLabel(this);
        callId->setTextInteractionFlags(Qt::TextSelectableByMouse);
        callId->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        QPalette muted = callId->palette();
        muted.setColor(QPalette::WindowText, QColor(QString::fromLatin1(kMutedColor)));
        callId->setPalette(muted);
        layout->addWidget(callId);

        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        arguments = new QPlainTextEdit(this);
        arguments->setReadOnly(true);
        arguments->setFont(mono);
        arguments->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        arguments->setAccessibleName(ToolCallInspector::tr("Arguments"));
        layout->addWidget(arguments);

        problems = new QLabel(this);
        problems->setTextFormat(Qt::RichText);
        problems->setWordWrap(true);
        problems->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(problems);

        auto* resultTitle = new QLabel(ToolCallInspector::tr("Result sent back:"), this);
        layout->addWidget(resultTitle);
        result = new QPlainTextEdit(this);
        result->setFont(mono);
        result->setPlaceholderText(
            ToolCallInspector::tr("Type the result for the model, or run the tool\u2026"));
        result->setAccessibleName(ToolCallInspector::tr("Result"));
        result->setTabChangesFocus(true);
        fitHeight(result, 3, 3);
        layout->addWidget(result);

        auto* buttons = new QHBoxLayout;
        run = new QPushButton(ToolCallInspector::tr("Run"), this);
        run->setToolTip(
            ToolCallInspector::tr("Run this built-in tool here and use its output as the result"));
        error = new QPushButton(ToolCallInspector::tr("Return Error"), this);
        error->setToolTip(ToolCallInspector::tr("Tell the model the call failed (with the text above, or the "
                                                "problems found in its arguments)"));
        send = new QPushButton(ToolCallInspector::tr("Send Result"), this);
        send->setToolTip(ToolCallInspector::tr("Use the text above as this call's result"));
        buttons->addWidget(run);
        buttons->addStretch(1);
        buttons->addWidget(error);
        buttons->addWidget(send);
        layout->addLayout(buttons);
    }

    void refresh(const ToolCallListModel& model, int row, bool submitted)
    {
        const ToolCallListModel::Entry& e = model.entry(row);
        header->setText(
            QStringLiteral("<b>#%1&nbsp;&nbsp;%2</b>").arg(e.call.index).arg(e.call.name.toHtmlEscaped()));
        callId->setText(e.call.id.isEmpty() ? ToolCallInspector::tr("(no call id)") : e.call.id);
        status->setText(
            QStringLiteral("<span style='color:%1'>%2</span>")
                .arg(statusColor(e.status), ToolCallListModel::statusText(e.status).toHtmlEscaped()));

        const QModelIndex index = model.index(row);
        const QString shown = model.data(index, ToolCallListModel::PrettyArgumentsRole).toString();
        if (arguments->toPlainText() != shown) {
            arguments->setPlainText(shown);
            fitHeight(arguments, 2, 12);
        }
        problems->setText(problemsHtml(model, e));

        // An answer set elsewhere (Run, automatic mode, a stored round) shows here; while the call
        // awaits an answer the editor belongs to the person.
        const bool answered = e.status == Status::Answered || e.status == Status::ErrorReturned;
        if (answered && result->toPlainText() != e.result)
            result->setPlainText(e.result);

        const bool answerable = model.isAnswerable(row) && !submitted;
        const bool builtin = model.data(index, ToolCallListModel::IsBuiltinRole).toBool();
        result->setReadOnly(!answerable);
        run->setVisible(builtin);
        run->setEnabled(answerable && builtin);
        run->setText(model.data(index, ToolCallListModel::NeedsApprovalRole).toBool()
                         ? ToolCallInspector::tr("Run (asks first)\u2026")
                         : ToolCallInspector::tr("Run"));
        error->setEnabled(answerable);
        send->setEnabled(answerable);
    }

    static QString problemsHtml(const ToolCallListModel& model, const ToolCallListModel::Entry& e)
    {
        if (e.status == Status::Streaming)
            return QStringLiteral("<span style='color:%1'>%2</span>")
                .arg(QString::fromLatin1(kMutedColor),
                     ToolCallInspector::tr("Arguments still arriving\u2026"));
        if (!model.isFinal())
            return QStringLiteral("<span style='color:%1'>%2</span>")
                .arg(QString::fromLatin1(kErrorColor),
                     ToolCallInspector::tr(
                         "The answer broke off: this call is incomplete and cannot be answered."));
        if (e.check.problems.empty())
            return QStringLiteral("<span style='color:%1'>\u2713 %2</span>")
                .arg(QString::fromLatin1(kOkColor),
                     ToolCallInspector::tr("The arguments fit the function's schema."));
        QStringList lines;
        for (const tools::Problem& p : e.check.problems) {
            const QString label =
                p.isError() ? ToolCallInspector::tr("Error") : ToolCallInspector::tr("Warning");
            lines << QStringLiteral("<span style='color:%1'>%2: %3</span>")
                         .arg(QString::fromLatin1(p.isError() ? kErrorColor : kWarningColor), label,
                              p.toString().toHtmlEscaped());
        }
        return lines.join(QStringLiteral("<br>"));
    }

    QLabel* header = nullptr;
    QLabel* callId = nullptr;
    QLabel* status = nullptr;
    QPlainTextEdit* arguments = nullptr;
    QLabel* problems = nullptr;
    QPlainTextEdit* result = nullptr;
    QPushButton* run = nullptr;
    QPushButton* error = nullptr;
    QPushButton* send = nullptr;
};

// -------------------------------------------------------------------------------------------------

ToolCallInspector::ToolCallInspector(models::ToolCallListModel* model, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);
    m_content = new QLabel(this);
    m_content->setWordWrap(true);
    m_content->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_content);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* cards = new QWidget(m_scroll);
    m_cardLayout = new QVBoxLayout(cards);
    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardLayout->addStretch(1);
    m_scroll->setWidget(cards);
    layout->addWidget(m_scroll, 1);

    m_continue = new QPushButton(tr("Continue with These Results"), this);
    m_continue->setToolTip(tr("Send the answers back to the model and let it go on"));
    m_continue->setDefault(true);
    connect(m_continue, &QPushButton::clicked, this, &ToolCallInspector::continueWithResults);
    auto* bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_continue);
    layout->addLayout(bottom);

    m_approver = [this](const QString& path) {
        return askForFile(path);
    };
    setModel(model);
}

ToolCallInspector::~ToolCallInspector()
{
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
}

QSize ToolCallInspector::sizeHint() const
{
    return {420, 640};
}

void ToolCallInspector::setModel(models::ToolCallListModel* model)
{
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_model = model;
    if (model) {
        m_connections << connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_submitted = false;
            rebuild();
        });
        m_connections << connect(
            model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { insertCards(first, last); });
        m_connections << connect(
            model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex&, int first, int last) { removeCards(first, last); });
        m_connections << connect(
            model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) { refreshRows(from.row(), to.row()); });
        m_connections << connect(model, &ToolCallListModel::finished, this, [this] {
            m_submitted = false;
            refreshRows(0, cardCount() - 1);
        });
        m_connections << connect(model, &QObject::destroyed, this, [this] { setModel(nullptr); });
    }
    m_submitted = false;
    rebuild();
}

void ToolCallInspector::setFileApprover(FileApprover approver)
{
    m_approver = approver ? std::move(approver)
                          : FileApprover([this](const QString& path) { return askForFile(path); });
}

// -------------------------------------------------------------------------------------------------
// Cards

ToolCallCard* ToolCallInspector::card(int row) const
{
    return row >= 0 && row < cardCount() ? m_cards[size_t(row)] : nullptr;
}

void ToolCallInspector::rebuild()
{
    removeCards(0, cardCount() - 1);
    if (m_model && m_model->count() > 0)
        insertCards(0, m_model->count() - 1);
    refreshSummary();
}

void ToolCallInspector::insertCards(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        auto* c = new ToolCallCard(m_scroll->widget());
        m_cardLayout->insertWidget(row, c);
        c->show(); // a layout shows new children of a visible parent only later, from the event loop
        m_cards.insert(m_cards.begin() + row, c);
        // The card finds its row when clicked: rows move when calls start out of order.
        connect(c->run, &QPushButton::clicked, this,
                [this, c] { runCall(int(std::find(m_cards.begin(), m_cards.end(), c) - m_cards.begin())); });
        connect(c->error, &QPushButton::clicked, this, [this, c] {
            returnError(int(std::find(m_cards.begin(), m_cards.end(), c) - m_cards.begin()));
        });
        connect(c->send, &QPushButton::clicked, this, [this, c] {
            sendResult(int(std::find(m_cards.begin(), m_cards.end(), c) - m_cards.begin()));
        });
    }
    refreshRows(first, last);
}

void ToolCallInspector::removeCards(int first, int last)
{
    for (int row = last; row >= first; --row) {
        if (ToolCallCard* c = card(row)) {
            m_cards.erase(m_cards.begin() + row);
            delete c;
        }
    }
    refreshSummary();
}

void ToolCallInspector::refreshRows(int first, int last)
{
    if (!m_model)
        return;
    for (int row = std::max(0, first); row <= last && row < cardCount() && row < m_model->count(); ++row)
        m_cards[size_t(row)]->refresh(*m_model, row, m_submitted);
    refreshSummary();
}

void ToolCallInspector::refreshSummary()
{
    if (!m_model || m_model->count() == 0) {
        m_summary->setText(m_model && m_model->isStreaming() ? tr("The model is answering\u2026")
                                                             : tr("No tool calls in the current answer."));
        m_content->clear();
        m_content->hide();
        m_continue->setEnabled(false);
        return;
    }
    int waiting = 0;
    for (int row = 0; row < m_model->count(); ++row)
        if (m_model->entry(row).status == Status::AwaitingAnswer)
            ++waiting;
    const QString calls = tr("%n tool call(s)", nullptr, m_model->count());
    QString state;
    if (m_model->isStreaming())
        state = tr("arriving\u2026");
    else if (!m_model->isFinal())
        state = tr("interrupted");
    else if (m_submitted)
        state = tr("results sent");
    else if (waiting > 0)
        state = tr("%n awaiting an answer", nullptr, waiting);
    else
        state = tr("all answered: continue when ready");
    m_summary->setText(calls + QStringLiteral(" \u00b7 ") + state);

    const QString content = m_model->content().trimmed();
    m_content->setText(content.isEmpty() ? QString() : tr("The model wrote: %1").arg(content));
    m_content->setVisible(!content.isEmpty());
    m_continue->setEnabled(m_model->allAnswered() && !m_submitted);
}

QLabel* ToolCallInspector::headerLabel(int row) const
{
    return card(row) ? card(row)->header : nullptr;
}

QLabel* ToolCallInspector::callIdLabel(int row) const
{
    return card(row) ? card(row)->callId : nullptr;
}

QLabel* ToolCallInspector::statusLabel(int row) const
{
    return card(row) ? card(row)->status : nullptr;
}

QPlainTextEdit* ToolCallInspector::argumentsView(int row) const
{
    return card(row) ? card(row)->arguments : nullptr;
}

QLabel* ToolCallInspector::problemsLabel(int row) const
{
    return card(row) ? card(row)->problems : nullptr;
}

QPlainTextEdit* ToolCallInspector::resultEditor(int row) const
{
    return card(row) ? card(row)->result : nullptr;
}

QPushButton* ToolCallInspector::runButton(int row) const
{
    return card(row) ? card(row)->run : nullptr;
}

QPushButton* ToolCallInspector::errorButton(int row) const
{
    return card(row) ? card(row)->error : nullptr;
}

QPushButton* ToolCallInspector::sendButton(int row) const
{
    return card(row) ? card(row)->send : nullptr;
}

// -------------------------------------------------------------------------------------------------
// Answers

bool ToolCallInspector::runCall(int row)
{
    if (!m_model || m_submitted || !m_model->isAnswerable(row) ||
        !m_model->data(m_model->index(row), ToolCallListModel::IsBuiltinRole).toBool())
        return false;
    const api::ToolCall call = m_model->entry(row).call;
    QString approved;
    if (tools::BuiltinTools::needsApproval(call.name)) {
        approved = m_approver(tools::BuiltinTools::requestedPath(call));
        if (approved.isEmpty())
            return false; // refused: the person can still return an error
        if (!m_model || !m_model->isAnswerable(row))
            return false; // the answer changed while the dialog was open
    }
    const tools::ToolOutcome outcome = m_builtins.run(call, approved);
    return outcome.ok ? m_model->answer(row, outcome.content) : m_model->returnError(row, outcome.content);
}

bool ToolCallInspector::sendResult(int row)
{
    if (!m_model || m_submitted || !card(row))
        return false;
    return m_model->answer(row, card(row)->result->toPlainText());
}

bool ToolCallInspector::returnError(int row)
{
    if (!m_model || m_submitted || !card(row))
        return false;
    QString text = card(row)->result->toPlainText().trimmed();
    if (text.isEmpty())
        text = m_model->defaultErrorText(row);
    return m_model->returnError(row, text);
}

bool ToolCallInspector::continueWithResults()
{
    if (!m_model || m_submitted || !m_model->allAnswered())
        return false;
    const std::vector<api::ChatMessage> history = m_model->history();
    m_submitted = true;
    refreshRows(0, cardCount() - 1);
    emit resultsReady(QList<api::ChatMessage>(history.begin(), history.end()));
    return true;
}

QString ToolCallInspector::askForFile(const QString& requestedPath)
{
    const QString pickTitle = tr("Choose a Text File for the Model");
    if (requestedPath.isEmpty())
        return QFileDialog::getOpenFileName(this, pickTitle);
    QMessageBox box(QMessageBox::Question, tr("Read a File?"),
                    tr("The model asks to read this file. Its text will be sent to the model:\n\n%1")
                        .arg(QDir::toNativeSeparators(requestedPath)),
                    QMessageBox::NoButton, this);
    QPushButton* read = box.addButton(tr("Read This File"), QMessageBox::AcceptRole);
    QPushButton* other = box.addButton(tr("Choose Another File\u2026"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == read)
        return requestedPath;
    if (box.clickedButton() == other)
        return QFileDialog::getOpenFileName(this, pickTitle, QFileInfo(requestedPath).absolutePath());
    return {};
}

} // namespace ark::ui
