#include "Composer.h"

#include "media/AttachmentTray.h"
#include "media/MediaLimits.h"

#include <QAbstractTextDocumentLayout>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ark::ui {

// The text box, taught that pasted images and files (and dropped ones, links included) are attachments.
class ComposerEditor : public QPlainTextEdit
{
public:
    explicit ComposerEditor(Composer* composer) : QPlainTextEdit(composer), m_composer(composer) {}

protected:
    bool canInsertFromMimeData(const QMimeData* source) const override
    {
        return Composer::attachableContent(source, false) != Composer::Attachable::Nothing ||
               QPlainTextEdit::canInsertFromMimeData(source);
    }

    // Paste (Ctrl+V, the context menu): images and copied files go to the tray, text stays text.
    void insertFromMimeData(const QMimeData* source) override
    {
        if (m_composer->attachMimeData(source, false))
            return;
        QPlainTextEdit::insertFromMimeData(source);
    }

    // Drops take links to media too; anything else is dropped as text, as before.
    void dragEnterEvent(QDragEnterEvent* event) override
    {
        if (Composer::canAcceptMimeData(event->mimeData()))
            event->acceptProposedAction();
        else
            QPlainTextEdit::dragEnterEvent(event);
    }

    void dragMoveEvent(QDragMoveEvent* event) override
    {
        if (Composer::canAcceptMimeData(event->mimeData()))
            event->acceptProposedAction();
        else
            QPlainTextEdit::dragMoveEvent(event);
    }

    void dropEvent(QDropEvent* event) override
    {
        if (Composer::canAcceptMimeData(event->mimeData())) {
            m_composer->acceptMimeData(event->mimeData());
            event->acceptProposedAction();
            return;
        }
        QPlainTextEdit::dropEvent(event);
    }

private:
    Composer* m_composer;
};

namespace {

// "*.jpg *.JPG *.jpeg …": both cases, because the non-native file dialog matches case-sensitively.
QString patternsFor(media::MediaKind kind)
{
    QStringList patterns;
    for (const media::MediaFormat& format :
         kind == media::MediaKind::Image ? media::imageFormats() : media::videoFormats()) {
        for (const QString& ext : format.extensions)
            patterns << QStringLiteral("*.") + ext << QStringLiteral("*.") + ext.toUpper();
    }
    patterns.removeDuplicates();
    return patterns.join(QLatin1Char(' '));
}

bool isHttp(const QUrl& url)
{
    return url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
}

// A link whose path ends in an accepted format's extension: the service fetches it, so the kind must be
// clear from the name.
bool isMediaLink(const QUrl& url)
{
    return isHttp(url) && media::formatForExtension(QFileInfo(url.path()).suffix()) != nullptr;
}

// Image data counts as an image unless the clipboard also has real text: office programs put a picture of
// copied cells next to their text, and that paste is meant as text. A browser's lone URL does not count.
bool imageWins(const QMimeData* data)
{
    if (!data->hasImage())
        return false;
    const QString text = data->text().trimmed();
    if (text.isEmpty())
        return true;
    const QUrl url(text, QUrl::StrictMode);
    return !text.contains(QLatin1Char(' ')) && !text.contains(QLatin1Char('\n')) && url.isValid() &&
           (isHttp(url) || url.isLocalFile() || url.scheme() == QLatin1String("data"));
}

} // namespace

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

    m_tray = new AttachmentTray(this);
    m_tray->hide();
    connect(m_tray, &AttachmentTray::contentChanged, this, &Composer::updateAttachmentState);
    connect(m_tray, &AttachmentTray::attachmentsChanged, this, &Composer::attachmentsChanged);
    connect(m_tray, &AttachmentTray::attachmentActivated, this, &Composer::attachmentActivated);
    outer->addWidget(m_tray);

    // What the chosen model cannot read, with the way out: another model (or removing the attachment).
    m_mediaNotice = new QWidget(this);
    m_mediaNotice->setObjectName(QStringLiteral("composerMediaNotice"));
    auto* noticeLayout = new QHBoxLayout(m_mediaNotice);
    noticeLayout->setContentsMargins(8, 2, 2, 2);
    m_mediaNotice->setAutoFillBackground(true);
    m_mediaNotice->setBackgroundRole(QPalette::AlternateBase);
    m_mediaNoticeLabel = new QLabel(m_mediaNotice);
    m_mediaNoticeLabel->setWordWrap(true);
    m_switchModelButton = new QPushButton(m_mediaNotice);
    m_switchModelButton->setAutoDefault(false);
    connect(m_switchModelButton, &QPushButton::clicked, this, [this] {
        const QString kind = missingMediaKind();
        if (!kind.isEmpty())
            emit switchModelSuggested(kind);
    });
    noticeLayout->addWidget(m_mediaNoticeLabel, 1);
    noticeLayout->addWidget(m_switchModelButton, 0, Qt::AlignVCenter);
    m_mediaNotice->hide();
    outer->addWidget(m_mediaNotice);

    auto* row = new QHBoxLayout;
    row->setSpacing(8);
    m_attachButton = new QToolButton(this);
    m_attachButton->setObjectName(QStringLiteral("composerAttach"));
    m_attachButton->setAutoRaise(true);
    m_attachButton->setIconSize(QSize(20, 20));
    connect(m_attachButton, &QToolButton::clicked, this, &Composer::chooseFiles);
    row->addWidget(m_attachButton, 0, Qt::AlignBottom);

    m_editor = new ComposerEditor(this);
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
    setAcceptDrops(true); // files dropped anywhere on the composer, not only on the text
    m_lastDirectory = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    updateAttachIcon();
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
    if (m_editId == 0) {
        // Attachments travel with new messages only (an edit rewrites the text of an earlier one); they
        // block sending while not ready rather than being left behind.
        const bool hasAttachments = !m_tray->isEmpty();
        if (hasAttachments && !attachmentProblem().isEmpty())
            return;
        if (draft.trimmed().isEmpty() && !hasAttachments)
            return;
    } else if (draft.trimmed().isEmpty()) {
        return;
    }
    const qint64 editId = m_editId;
    m_editId = 0;
    m_editBanner->hide();
    m_editor->clear();
    if (editId != 0) {
        setText(m_savedDraft);
        m_savedDraft.clear();
        emit editSubmitted(editId, draft);
    } else {
        emit sendRequested(draft.trimmed().isEmpty() ? QString() : draft);
    }
    updateState();
}

// ---------------------------------------------------------------------------------------- attachments

void Composer::setAttachmentStore(media::AttachmentStore* store)
{
    m_tray->setStore(store);
}

void Composer::setMediaInput(bool images, bool videos)
{
    m_imageInput = images;
    m_videoInput = videos;
    updateAttachmentState();
}

QList<media::Attachment> Composer::attachments() const
{
    return m_tray->attachments();
}

void Composer::clearAttachments()
{
    m_tray->clear();
    m_tray->clearErrors();
}

bool Composer::isPreparingAttachments() const
{
    return m_tray->isPreparing();
}

void Composer::chooseFiles()
{
    const QString images = patternsFor(media::MediaKind::Image);
    const QString videos = patternsFor(media::MediaKind::Video);
    const QString filter = tr("Images and videos (%1 %2)").arg(images, videos) + QStringLiteral(";;") +
                           tr("Images (%1)").arg(images) + QStringLiteral(";;") +
                           tr("Videos (%1)").arg(videos);
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Attach images or videos"), m_lastDirectory, filter);
    if (paths.isEmpty())
        return;
    m_lastDirectory = QFileInfo(paths.first()).absolutePath();
    attachFiles(paths);
}

int Composer::attachFilesQuietly(const QStringList& paths, QStringList* problems)
{
    int taken = 0;
    for (const QString& path : paths) {
        QString why;
        const std::optional<media::MediaKind> kind = AttachmentTray::kindOfFile(path, &why);
        if (!kind) {
            *problems << why;
            continue;
        }
        m_tray->addFile(path, *kind);
        ++taken;
    }
    return taken;
}

int Composer::attachFiles(const QStringList& paths)
{
    m_tray->clearErrors(); // a new batch: the old messages are about files the person has moved on from
    QStringList problems;
    const int taken = attachFilesQuietly(paths, &problems);
    for (const QString& problem : std::as_const(problems))
        m_tray->showError(problem);
    updateAttachmentState();
    return taken;
}

bool Composer::acceptDroppedUrls(const QList<QUrl>& urls)
{
    m_tray->clearErrors();
    QStringList files;
    QStringList problems;
    int taken = 0;
    for (const QUrl& url : urls) {
        if (url.isLocalFile()) {
            files << url.toLocalFile();
        } else if (isMediaLink(url)) {
            m_tray->addAttachment(media::Attachment::fromUrl(url.toString()));
            ++taken;
        } else if (isHttp(url)) {
            problems
                << tr("%1 is not a link to an image or video file: a link is attached only when its name "
                      "ends in an accepted format (images: %2; videos: %3).")
                       .arg(url.toDisplayString(), media::acceptedFormatNames(media::MediaKind::Image),
                            media::acceptedFormatNames(media::MediaKind::Video));
        } else {
            problems
                << tr("%1 cannot be attached: only files and http(s) links can.").arg(url.toDisplayString());
        }
    }
    taken += attachFilesQuietly(files, &problems);
    for (const QString& problem : std::as_const(problems))
        m_tray->showError(problem);
    updateAttachmentState();
    return taken > 0;
}

Composer::Attachable Composer::attachableContent(const QMimeData* data, bool links)
{
    if (!data)
        return Attachable::Nothing;
    if (data->hasUrls()) {
        const QList<QUrl> urls = data->urls();
        const bool anyFile =
            std::any_of(urls.begin(), urls.end(), [](const QUrl& u) { return u.isLocalFile(); });
        const bool anyLink = links && std::any_of(urls.begin(), urls.end(), isMediaLink);
        if (anyFile || anyLink)
            return Attachable::Urls;
    }
    if (imageWins(data))
        return Attachable::Image;
    return Attachable::Nothing;
}

bool Composer::canAcceptMimeData(const QMimeData* data)
{
    return attachableContent(data, true) != Attachable::Nothing;
}

bool Composer::acceptMimeData(const QMimeData* mime)
{
    return attachMimeData(mime, true);
}

bool Composer::attachMimeData(const QMimeData* mime, bool links)
{
    switch (attachableContent(mime, links)) {
    case Attachable::Urls: {
        QList<QUrl> urls = mime->urls();
        if (!links) // a paste: files only, a link among them stays unattached
            urls.erase(
                std::remove_if(urls.begin(), urls.end(), [](const QUrl& u) { return !u.isLocalFile(); }),
                urls.end());
        acceptDroppedUrls(urls);
        return true; // taken or explained: either way it is not text to insert
    }
    case Attachable::Image: {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        m_tray->clearErrors();
        if (image.isNull()) {
            m_tray->showError(tr("The pasted image could not be read."));
        } else {
            m_tray->addImage(image);
        }
        updateAttachmentState();
        return true;
    }
    case Attachable::Nothing:
        break;
    }
    return false;
}

QString Composer::missingMediaKind() const
{
    const bool images = m_tray->contains(media::MediaKind::Image) && !m_imageInput;
    const bool videos = m_tray->contains(media::MediaKind::Video) && !m_videoInput;
    if (videos)
        return QStringLiteral("video");
    if (images)
        return QStringLiteral("image");
    return {};
}

QString Composer::attachmentProblem() const
{
    if (m_tray->isEmpty())
        return {};
    const bool images = m_tray->contains(media::MediaKind::Image) && !m_imageInput;
    const bool videos = m_tray->contains(media::MediaKind::Video) && !m_videoInput;
    if (images && videos)
        return tr("The selected model cannot read images or videos.");
    if (images)
        return tr("The selected model cannot read images.");
    if (videos)
        return tr("The selected model cannot read videos.");
    if (m_tray->isPreparing())
        return tr("Wait until the attachments are prepared.");
    return m_tray->blockingProblem();
}

void Composer::updateAttachmentState()
{
    m_tray->setVisible(!m_tray->isEmpty() || !m_tray->errorText().isEmpty());
    const QString kind = missingMediaKind();
    if (kind.isEmpty()) {
        m_mediaNotice->hide();
    } else {
        m_mediaNoticeLabel->setText(
            attachmentProblem() + QLatin1Char(' ') +
            (kind == QLatin1String("video")
                 ? tr("Switch to a model that reads videos, or remove them to send.")
                 : tr("Switch to a model that reads images, or remove them to send.")));
        m_mediaNotice->show();
    }
    updateState();
}

void Composer::updateAttachIcon()
{
    // The theme's paperclip when there is one; otherwise a drawn one in the button text colour, so it
    // follows light and dark palettes.
    const QIcon themed = QIcon::fromTheme(QStringLiteral("mail-attachment"));
    if (!themed.isNull()) {
        m_attachButton->setIcon(themed);
        return;
    }
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap(QSize(20, 20) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(
        QPen(palette().color(QPalette::ButtonText), 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    // A paperclip leaning right: three nested U turns.
    painter.translate(10, 10);
    painter.rotate(40);
    painter.translate(-10, -10);
    QPainterPath clip;
    clip.moveTo(12, 6);
    clip.lineTo(12, 14);
    clip.arcTo(QRectF(8, 12, 4, 4), 0, -180);
    clip.lineTo(8, 4.5);
    clip.arcTo(QRectF(8, 1.5, 6, 6), 180, -180);
    clip.lineTo(14, 15);
    clip.arcTo(QRectF(6, 11, 8, 8), 0, -180);
    clip.lineTo(6, 6);
    painter.drawPath(clip);
    painter.end();
    m_attachButton->setIcon(QIcon(pixmap));
}

void Composer::dragEnterEvent(QDragEnterEvent* event)
{
    if (canAcceptMimeData(event->mimeData()))
        event->acceptProposedAction();
    else
        QWidget::dragEnterEvent(event);
}

void Composer::dragMoveEvent(QDragMoveEvent* event)
{
    if (canAcceptMimeData(event->mimeData()))
        event->acceptProposedAction();
    else
        QWidget::dragMoveEvent(event);
}

void Composer::dropEvent(QDropEvent* event)
{
    if (canAcceptMimeData(event->mimeData()) && acceptMimeData(event->mimeData()))
        event->acceptProposedAction();
    else
        QWidget::dropEvent(event);
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
    if (event->type() == QEvent::PaletteChange)
        updateAttachIcon();
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
    // Attachments go with new messages only; an edit is text.
    const bool hasAttachments = m_editId == 0 && !m_tray->isEmpty();
    const QString blocked = hasAttachments ? attachmentProblem() : QString();
    m_sendButton->setEnabled(m_busy ||
                             (m_sendingEnabled && blocked.isEmpty() && (hasText || hasAttachments)));
    if (!m_busy && m_sendingEnabled)
        m_sendButton->setToolTip(blocked);
}

void Composer::retranslate()
{
    m_editor->setPlaceholderText(
        m_sendWithCtrlEnter ? tr("Message the model\u2026 (Ctrl+Enter to send, Enter for a new line)")
                            : tr("Message the model\u2026 (Enter to send, Shift+Enter for a new line)"));
    m_editLabel->setText(tr("Editing a message \u2014 Esc to cancel"));
    m_cancelEditButton->setToolTip(tr("Cancel editing"));
    m_editor->setAccessibleName(tr("Message"));
    m_attachButton->setToolTip(tr("Attach images or videos (or drop them here, or paste an image)"));
    m_attachButton->setAccessibleName(tr("Attach"));
    m_switchModelButton->setText(tr("Switch model\u2026"));
    updateAttachmentState();
}

} // namespace ark::ui
