#include "MediaViewer.h"

#include "media/AttachmentStore.h"
#include "media/MediaLimits.h"

#include <QBuffer>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QImageWriter>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ark::ui {

// Paints the image: scaled down to fit its own size, or at 100% (then it is exactly the image's size and
// the scroll area around it scrolls). Dragging pans; a double click switches between the two.
class ImageCanvas : public QWidget
{
public:
    ImageCanvas(MediaViewer* viewer, QScrollArea* scroll)
        : QWidget(scroll), m_viewer(viewer), m_scroll(scroll)
    {
        setObjectName(QStringLiteral("mediaViewerCanvas"));
    }

    void setImage(const QImage& image)
    {
        m_image = image;
        update();
    }

    double fitScale() const
    {
        if (m_image.isNull())
            return 1.0;
        const QSize area = m_scroll->viewport()->size();
        return std::min(
            {1.0, double(area.width()) / m_image.width(), double(area.height()) / m_image.height()});
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        if (m_image.isNull())
            return;
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        const double scale = m_viewer->fitToWindow() ? fitScale() : 1.0;
        QRectF target(QPointF(0, 0), QSizeF(m_image.size()) * scale);
        target.moveCenter(QRectF(rect()).center());
        painter.drawImage(target, m_image);
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        if (event->button() == Qt::LeftButton && !m_viewer->fitToWindow()) {
            m_dragFrom = event->globalPosition().toPoint();
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
    }

    void mouseMoveEvent(QMouseEvent* event) override
    {
        if (!m_dragging)
            return;
        const QPoint delta = event->globalPosition().toPoint() - m_dragFrom;
        m_dragFrom = event->globalPosition().toPoint();
        m_scroll->horizontalScrollBar()->setValue(m_scroll->horizontalScrollBar()->value() - delta.x());
        m_scroll->verticalScrollBar()->setValue(m_scroll->verticalScrollBar()->value() - delta.y());
    }

    void mouseReleaseEvent(QMouseEvent*) override
    {
        m_dragging = false;
        unsetCursor();
    }

    void mouseDoubleClickEvent(QMouseEvent*) override { m_viewer->toggleZoom(); }

private:
    MediaViewer* m_viewer;
    QScrollArea* m_scroll;
    QImage m_image;
    QPoint m_dragFrom;
    bool m_dragging = false;
};

MediaViewer::MediaViewer(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("mediaViewer"));
    setSizeGripEnabled(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    auto* bar = new QHBoxLayout;
    m_infoLabel = new QLabel(this);
    m_infoLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_zoomLabel = new QLabel(this);
    m_zoomButton = new QToolButton(this);
    m_zoomButton->setCheckable(true); // checked = 100%
    connect(m_zoomButton, &QToolButton::toggled, this, [this](bool actual) { setFitToWindow(!actual); });
    m_saveButton = new QToolButton(this);
    m_saveButton->setShortcut(QKeySequence::Save);
    connect(m_saveButton, &QToolButton::clicked, this, &MediaViewer::saveAs);
    bar->addWidget(m_infoLabel, 1);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(m_zoomButton);
    bar->addWidget(m_saveButton);
    layout->addLayout(bar);

    m_noteLabel = new QLabel(this);
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noteLabel->hide();
    layout->addWidget(m_noteLabel);

    m_scroll = new QScrollArea(this);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_canvas = new ImageCanvas(this, m_scroll);
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(true);
    m_scroll->viewport()->installEventFilter(this);
    layout->addWidget(m_scroll, 1);

    resize(900, 700);
    retranslate();
    updateInfo();
}

bool MediaViewer::setAttachment(const media::Attachment& attachment, const media::AttachmentStore* store)
{
    m_note = attachment.note;
    if (attachment.isVideo()) {
        showError(tr("%1 is a video; it plays in the video player.").arg(attachment.originalName));
        return false;
    }
    if (attachment.isRemote()) {
        showError(tr("This image is sent as a link and is not stored here: %1").arg(attachment.url));
        return false;
    }
    QString error;
    const QByteArray bytes = attachment.readBytes(store, &error);
    if (bytes.isEmpty()) {
        showError(error.isEmpty() ? tr("The image file could not be read.") : error);
        return false;
    }
    QImage image;
    if (!image.loadFromData(bytes)) {
        // HEIC and other formats Ark accepts that this Qt build cannot decode.
        showError(tr("%1 cannot be shown here (%2 is not a format this system can decode); it is still "
                     "sent as attached.")
                      .arg(attachment.originalName.isEmpty() ? tr("The image") : attachment.originalName,
                           attachment.mime));
        m_bytes = bytes;
        return false;
    }
    const QString name = attachment.originalName.isEmpty() ? tr("Pasted image") : attachment.originalName;
    const QString note = m_note;
    setImage(image, name, bytes);
    m_note = note;
    updateInfo();
    return true;
}

bool MediaViewer::setImageFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("%1 could not be opened: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    QImage image;
    if (!image.loadFromData(bytes)) {
        showError(tr("%1 is not an image this system can decode.").arg(QFileInfo(path).fileName()));
        return false;
    }
    m_note.clear();
    setImage(image, QFileInfo(path).fileName(), bytes);
    return true;
}

void MediaViewer::setImage(const QImage& image, const QString& name, const QByteArray& bytes)
{
    m_image = image;
    m_bytes = bytes;
    m_name = name;
    m_note.clear();
    m_error.clear();
    m_canvas->setImage(image);
    setWindowTitle(name.isEmpty() ? tr("Image") : name);
    setFitToWindow(true);
    updateInfo();
}

double MediaViewer::zoomFactor() const
{
    return m_fit ? m_canvas->fitScale() : 1.0;
}

void MediaViewer::setFitToWindow(bool fit)
{
    m_fit = fit;
    const QSignalBlocker blocker(m_zoomButton);
    m_zoomButton->setChecked(!fit);
    if (fit) {
        m_scroll->setWidgetResizable(true);
    } else {
        m_scroll->setWidgetResizable(false);
        m_canvas->resize(m_image.size());
    }
    m_canvas->update();
    updateInfo();
}

void MediaViewer::toggleZoom()
{
    setFitToWindow(!m_fit);
}

bool MediaViewer::saveTo(const QString& path, QString* error) const
{
    const auto fail = [error](const QString& text) {
        if (error)
            *error = text;
        return false;
    };
    if (m_image.isNull() && m_bytes.isEmpty())
        return fail(tr("There is no image to save."));
    // The original bytes when the chosen extension names their format: no second generation of JPEG loss.
    const QString suffix = QFileInfo(path).suffix().toLower();
    const media::MediaFormat* bytesFormat = media::formatForMime(media::sniffMime(m_bytes.left(64)));
    const bool keepBytes = !m_bytes.isEmpty() && bytesFormat && bytesFormat->extensions.contains(suffix);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("%1 could not be written: %2").arg(path, file.errorString()));
    if (keepBytes) {
        if (file.write(m_bytes) != m_bytes.size())
            return fail(tr("%1 could not be written: %2").arg(path, file.errorString()));
    } else {
        if (m_image.isNull())
            return fail(tr("This image can only be saved in its own format (.%1).")
                            .arg(bytesFormat ? bytesFormat->extensions.first() : QStringLiteral("bin")));
        QByteArray format = suffix.toLatin1();
        if (format.isEmpty() ||
            !QImageWriter::supportedImageFormats().contains(format == "jpg" ? "jpeg" : format))
            return fail(tr("Images cannot be saved as .%1 here; choose PNG or JPEG.").arg(suffix));
        QImageWriter writer(&file, format);
        if (!writer.write(m_image))
            return fail(tr("%1 could not be written: %2").arg(path, writer.errorString()));
    }
    if (!file.commit())
        return fail(tr("%1 could not be written: %2").arg(path, file.errorString()));
    return true;
}

void MediaViewer::saveAs()
{
    const media::MediaFormat* format = media::formatForMime(media::sniffMime(m_bytes.left(64)));
    QString name = m_name;
    if (name.isEmpty() || QFileInfo(name).suffix().isEmpty())
        name = (name.isEmpty() ? tr("image") : name) + QLatin1Char('.') +
               (format ? format->extensions.first() : QStringLiteral("png"));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save image as"), QDir(dir).filePath(name),
                                     tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.tiff);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        showError(error);
}

void MediaViewer::showError(const QString& text)
{
    m_error = text;
    m_noteLabel->setText(text);
    m_noteLabel->show();
}

void MediaViewer::updateInfo()
{
    QStringList facts;
    if (!m_name.isEmpty())
        facts << m_name;
    if (!m_image.isNull())
        facts << media::pixelSizeText(m_image.size());
    if (!m_bytes.isEmpty())
        facts << media::byteSizeText(m_bytes.size());
    m_infoLabel->setText(facts.join(QStringLiteral(" \u2014 ")));
    m_zoomLabel->setText(m_image.isNull() ? QString()
                                          : QStringLiteral("%1%").arg(qRound(zoomFactor() * 100)));
    m_zoomButton->setEnabled(!m_image.isNull());
    m_saveButton->setEnabled(!m_image.isNull() || !m_bytes.isEmpty());
    if (m_error.isEmpty()) {
        // What was done to make the image fit the limits: what the model sees is this, not the original.
        m_noteLabel->setText(m_note);
        m_noteLabel->setVisible(!m_note.isEmpty());
    }
}

void MediaViewer::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

bool MediaViewer::eventFilter(QObject* watched, QEvent* event)
{
    // The fitted scale follows the window's size: keep the percentage honest.
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        updateInfo();
    return QDialog::eventFilter(watched, event);
}

void MediaViewer::retranslate()
{
    m_zoomButton->setText(tr("100%"));
    m_zoomButton->setToolTip(tr("Show at actual size (double-click the image to switch)"));
    m_saveButton->setText(tr("Save as\u2026"));
    m_saveButton->setToolTip(tr("Save the image to a file (Ctrl+S)"));
    if (m_image.isNull())
        setWindowTitle(tr("Image"));
}

} // namespace ark::ui
