#include "Composer.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ark::ui {

Composer::Composer(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 6, 12, 10);
    outer->setSpacing(4);

    m_reasonLabel = new QLabel(this);
    m_reasonLabel->setObjectName(QStringLiteral("composerReason"));
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_reasonLabel->setOpenExternalLinks(false);
    m_reasonLabel->hide();
    outer->addWidget(m_reasonLabel);

    m_editBanner = new QWidget(this);
    m_editBanner->setObjectName(QStringLiteral("composerEditBanner"));
    auto* bannerLayout = new QHBoxLayout(m_editBanner);
    m_editLabel = new QLabel(m_editBanner);
    m_cancelEditButton = new QToolButton(m_editBanner);
    m_cancelEditButton->setAutoRaise(true);
    m_cancelEditButton->setText(QStringLiteral("\u2715"));
    connect(m_cancelEditButton, &QToolButton::clicked, this, &Composer::cancelEdit);
    bannerLayout->addWidget(m_editLabel, 1);
    bannerLayout->addWidget(m_cancelEditButton);
    // A tinted strip so the edit mode cannot be missed.
    m_editBanner->setAutoFillBackground(true);
    m_editBanner->setBackgroundRole(QPalette::AlternateBase);
    bannerLayout->setContentsMargins(8, 2, 2, 2);
    m_editBanner->hide();
    outer->addWidget(m_editBanner);

    auto* row = new QHBoxLayout;
    row->setSpacing(8);
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("composerEditor"));
    m_editor->setTabChangesFocus(true);
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_editor->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_editor->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_editor->installEventFilter(this);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        updateHeight();
        updateState();
    });
    // Wrapped lines count too: re-measure when the document layout changes its size.
    connect(m_editor->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &Composer::updateHeight);
    row->addWidget(m_editor, 1, Qt::AlignBottom);

    m_sendButton = new QPushButton(this);
    m_sendButton->setObjectName(QStringLiteral("composerSend"));
    m_sendButton->setDefault(false);
    m_sendButton->setAutoDefault(false);
    connect(m_sendButton, &QPushButton::clicked, this, &Composer::onSendButton);
    row->addWidget(m_sendButton, 0, Qt::AlignBottom);
    outer->addLayout(row);

    // As tall as its content: the conversation above takes the rest.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setFocusProxy(m_editor);
    retranslate();
    updateHeight();
    updateState();
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::setText(const QString& text)
{
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::End);
}

void Composer::setMaximumLines(int lines)
{
    m_maxLines = std::max(1, lines);
    updateHeight();
}

void Composer::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void Composer::setSendWithCtrlEnter(bool ctrlEnter)
{
    m_sendWithCtrlEnter = ctrlEnter;
    retranslate();
}

void Composer::beginEdit(qint64 messageId, const QString& text)
{
    if (m_editId == 0)
        m_savedDraft = m_editor->toPlainText(); // given back when the edit is cancelled
    m_editId = messageId;
    m_editBanner->show();
    setText(text);
    m_editor->setFocus();
    updateState();
}

void Composer::cancelEdit()
{
    if (m_editId == 0)
        return;
    m_editId = 0;
    m_editBanner->hide();
    setText(m_savedDraft);
    m_savedDraft.clear();
    updateState();
    emit editCanceled();
}

void Composer::setEnabledForSending(bool enabled, const QString& reason)
{
    m_sendingEnabled = enabled;
    m_disabledReason = enabled ? QString() : reason;
    m_reasonLabel->setText(m_disabledReason);
    m_reasonLabel->setVisible(!enabled && !m_disabledReason.isEmpty());
    updateState();
}

void Composer::submit()
{
    if (m_busy || !m_sendingEnabled)
        return;
    const QString draft = m_editor->toPlainText();
    if (draft.trimmed().isEmpty())
        return;
    const qint64 editId = m_editId;
    m_editId = 0;
    m_editBanner->hide();
    m_editor->clear();
    if (editId != 0) {
        setText(m_savedDraft);
        m_savedDraft.clear();
        emit editSubmitted(editId, draft);
    } else {
        emit sendRequested(draft);
    }
    updateState();
}

void Composer::onSendButton()
{
    if (m_busy)
        emit stopRequested();
    else
        submit();
}

bool Composer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_editor || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const bool ctrl = mods == Qt::ControlModifier;
        const bool plain = mods == Qt::NoModifier;
        // Ctrl+Enter always sends; a plain Enter sends only in the Enter mode. Shift+Enter (or Enter in
        // the Ctrl+Enter mode) falls through to the editor as a new line.
        if (ctrl || (plain && !m_sendWithCtrlEnter)) {
            submit();
            return true;
        }
        if (plain || mods == Qt::ShiftModifier) {
            m_editor->textCursor().insertText(QStringLiteral("\n"));
            m_editor->ensureCursorVisible();
            return true;
        }
        return false;
    }
    case Qt::Key_Escape:
        if (m_busy) {
            emit stopRequested();
            return true;
        }
        if (m_editId != 0) {
            cancelEdit();
            return true;
        }
        return false;
    case Qt::Key_Up:
        if (mods == Qt::NoModifier && m_editor->document()->isEmpty() && m_editId == 0) {
            emit editLastRequested();
            return true;
        }
        return false;
    default:
        return false;
    }
}

void Composer::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateHeight();
}

void Composer::updateHeight()
{
    // QPlainTextDocumentLayout measures its document in lines, wrapped lines included.
    int lines = 0;
    for (QTextBlock block = m_editor->document()->begin(); block.isValid(); block = block.next()) {
        const int count = block.layout() ? block.layout()->lineCount() : 0;
        lines += std::max(1, count);
    }
    lines = std::clamp(lines, 1, m_maxLines);
    const QFontMetrics fm(m_editor->font());
    const QMargins margins = m_editor->contentsMargins();
    const int frame = 2 * m_editor->frameWidth();
    const int docMargin = int(std::ceil(2 * m_editor->document()->documentMargin()));
    const int height = lines * fm.lineSpacing() + docMargin + frame + margins.top() + margins.bottom() + 2;
    if (m_editor->height() != height || m_editor->minimumHeight() != height)
        m_editor->setFixedHeight(height);
}

void Composer::updateState()
{
    m_sendButton->setText(m_busy ? tr("Stop") : (m_editId != 0 ? tr("Save") : tr("Send")));
    m_sendButton->setToolTip(m_busy ? tr("Stop the answer (Esc)") : QString());
    const bool hasText = !m_editor->toPlainText().trimmed().isEmpty();
    m_sendButton->setEnabled(m_busy || (m_sendingEnabled && hasText));
}

void Composer::retranslate()
{
    m_editor->setPlaceholderText(
        m_sendWithCtrlEnter ? tr("Message the model\u2026 (Ctrl+Enter to send, Enter for a new line)")
                            : tr("Message the model\u2026 (Enter to send, Shift+Enter for a new line)"));
    m_editLabel->setText(tr("Editing a message \u2014 Esc to cancel"));
    m_cancelEditButton->setToolTip(tr("Cancel editing"));
    m_editor->setAccessibleName(tr("Message"));
    updateState();
}

} // namespace ark::ui
