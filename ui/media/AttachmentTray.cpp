#include "AttachmentTray.h"

#include "conversation/AttachmentThumbnails.h"
#include "media/AttachmentStore.h"
#include "media/MediaLimits.h"

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ark::ui {

namespace {

constexpr int kTileWidth = 112;
constexpr int kTileHeight = 84;
constexpr int kRadius = 6;

QString fpsText(double fps)
{
    return QLocale().toString(fps, 'g', 3);
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// Small round buttons drawn over the picture: legible on light and dark pictures and palettes alike.
QString overlayButtonStyle()
{
    return QStringLiteral("QToolButton { background: rgba(0,0,0,160); color: white; border: none;"
                          " border-radius: 8px; padding: 0px 5px; font-size: 11px; }"
                          "QToolButton:hover { background: rgba(0,0,0,220); }"
                          "QToolButton:focus { border: 1px solid white; }");
}

void drawPill(QPainter& painter, const QRect& anchor, Qt::Alignment align, const QString& text)
{
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    const QFontMetrics fm(font);
    const int w = fm.horizontalAdvance(text) + 10;
    const int h = fm.height() + 2;
    QRect pill(0, 0, std::min(w, anchor.width()), h);
    pill.moveTop(align & Qt::AlignBottom ? anchor.bottom() - h + 1 : anchor.top());
    pill.moveLeft(align & Qt::AlignRight ? anchor.right() - pill.width() + 1 : anchor.left());
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 160));
    painter.drawRoundedRect(pill, h / 2.0, h / 2.0);
    painter.setPen(Qt::white);
    painter.drawText(pill, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, pill.width() - 6));
}

} // namespace

// ---------------------------------------------------------------------------------------------- tile

AttachmentTile::AttachmentTile(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("attachmentTile"));
    setFixedSize(kTileWidth, kTileHeight);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);

    m_removeButton = new QToolButton(this);
    m_removeButton->setObjectName(QStringLiteral("attachmentRemove"));
    m_removeButton->setText(QStringLiteral("\u2715"));
    m_removeButton->setStyleSheet(overlayButtonStyle());
    m_removeButton->setFixedSize(18, 18);
    m_removeButton->setCursor(Qt::ArrowCursor);
    m_removeButton->setFocusPolicy(Qt::NoFocus); // Delete on the focused tile does the same
    m_removeButton->setToolTip(tr("Remove"));
    m_removeButton->setAccessibleName(tr("Remove attachment"));
    connect(m_removeButton, &QToolButton::clicked, this, &AttachmentTile::removeRequested);

    m_optionsButton = new QToolButton(this);
    m_optionsButton->setObjectName(QStringLiteral("attachmentOptions"));
    m_optionsButton->setStyleSheet(overlayButtonStyle());
    m_optionsButton->setFixedHeight(18);
    m_optionsButton->setCursor(Qt::ArrowCursor);
    m_optionsButton->setFocusPolicy(Qt::NoFocus); // the menu key on the focused tile opens the same menu
    m_optionsButton->hide();
    connect(m_optionsButton, &QToolButton::clicked, this, [this] {
        emit optionsRequested(m_optionsButton->mapToGlobal(QPoint(0, m_optionsButton->height())));
    });

    m_spinner = new QTimer(this);
    m_spinner->setInterval(90);
    connect(m_spinner, &QTimer::timeout, this, [this] {
        m_spinnerAngle = (m_spinnerAngle + 30) % 360;
        update();
    });
    placeButtons();
}

QSize AttachmentTile::sizeHint() const
{
    return {kTileWidth, kTileHeight};
}

void AttachmentTile::setPreparing(const QString& name, media::MediaKind kind)
{
    m_state = State::Preparing;
    m_kind = kind;
    m_name = name;
    m_badge.clear();
    m_optionsButton->hide();
    setToolTip(tr("Preparing %1\u2026").arg(name.isEmpty() ? tr("the pasted image") : name));
    setAccessibleName(toolTip());
    m_spinner->start();
    update();
}

void AttachmentTile::setReady(const media::Attachment& attachment, const QImage& thumbnail,
                              const QString& badge, const QString& toolTip)
{
    m_state = State::Ready;
    m_kind = attachment.kind;
    m_name = attachment.originalName;
    m_badge = badge;
    m_duration = attachment.durationSeconds;
    m_remoteHost = attachment.isRemote() ? QUrl(attachment.url).host() : QString();
    if (!thumbnail.isNull())
        m_picture = thumbnail;
    m_spinner->stop();
    setToolTip(toolTip);
    setAccessibleName(toolTip.section(QLatin1Char('\n'), 0, 0));
    m_optionsButton->show();
    placeButtons();
    update();
}

void AttachmentTile::setOptionText(const QString& text, const QString& toolTip)
{
    m_optionsButton->setText(text);
    m_optionsButton->setToolTip(toolTip);
    m_optionsButton->adjustSize();
    m_optionsButton->setFixedHeight(18);
    placeButtons();
}

void AttachmentTile::setPoster(const QImage& poster)
{
    if (poster.isNull())
        return;
    // Kept small: the tile never shows more than its own size (times the device pixel ratio).
    m_picture = poster.width() > 2 * kTileWidth || poster.height() > 2 * kTileHeight
                    ? poster.scaled(2 * kTileWidth, 2 * kTileHeight, Qt::KeepAspectRatioByExpanding,
                                    Qt::SmoothTransformation)
                    : poster;
    update();
}

QString AttachmentTile::durationText() const
{
    return m_duration ? ui::durationText(*m_duration) : QString();
}

void AttachmentTile::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    placeButtons();
}

void AttachmentTile::placeButtons()
{
    m_removeButton->move(width() - m_removeButton->width() - 3, 3);
    m_optionsButton->move(3, height() - m_optionsButton->height() - 3);
}

void AttachmentTile::paintPlaceholder(QPainter& painter, const QRect& area) const
{
    const QColor ink = palette().color(QPalette::PlaceholderText);
    painter.setPen(QPen(ink, 1.5));
    painter.setBrush(Qt::NoBrush);
    const QPoint c = area.center();
    if (m_kind == media::MediaKind::Video) {
        // A strip of film: a frame with sprocket holes along both edges.
        const QRect film(c.x() - 22, c.y() - 16, 44, 30);
        painter.drawRoundedRect(film, 3, 3);
        painter.setBrush(ink);
        for (int i = 0; i < 5; ++i) {
            painter.drawRect(film.left() + 4 + i * 8, film.top() + 3, 4, 3);
            painter.drawRect(film.left() + 4 + i * 8, film.bottom() - 5, 4, 3);
        }
        return;
    }
    // A picture: a frame with a sun and a hill.
    const QRect frame(c.x() - 20, c.y() - 15, 40, 30);
    painter.drawRoundedRect(frame, 3, 3);
    painter.drawEllipse(QPoint(frame.left() + 11, frame.top() + 9), 3, 3);
    QPainterPath hill;
    hill.moveTo(frame.left() + 3, frame.bottom() - 3);
    hill.lineTo(frame.left() + 16, frame.top() + 14);
    hill.lineTo(frame.left() + 24, frame.bottom() - 9);
    hill.lineTo(frame.left() + 29, frame.top() + 17);
    hill.lineTo(frame.right() - 3, frame.bottom() - 3);
    painter.drawPath(hill);
}

void AttachmentTile::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath clip;
    clip.addRoundedRect(box, kRadius, kRadius);

    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::AlternateBase));
    painter.drawPath(clip);

    const QRect inner = rect().adjusted(4, 4, -4, -4);
    if (m_state == State::Preparing) {
        // A turning arc and the file name: something is happening, and to what.
        const QColor accent = palette().color(QPalette::Highlight);
        painter.setPen(QPen(accent, 3, Qt::SolidLine, Qt::RoundCap));
        const QRect arc(width() / 2 - 11, 14, 22, 22);
        painter.drawArc(arc, -m_spinnerAngle * 16, 270 * 16);
        QFont font = painter.font();
        font.setPixelSize(11);
        painter.setFont(font);
        const QFontMetrics fm(font);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(inner.left(), 42, inner.width(), fm.height()), Qt::AlignCenter,
                         tr("Preparing\u2026"));
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const QString name = m_name.isEmpty() ? tr("pasted image") : m_name;
        painter.drawText(QRect(inner.left(), 42 + fm.height(), inner.width(), fm.height()), Qt::AlignCenter,
                         fm.elidedText(name, Qt::ElideMiddle, inner.width()));
    } else {
        painter.save();
        painter.setClipPath(clip);
        if (!m_picture.isNull()) {
            // Fill the tile (cropping the overflow) like a photo strip does.
            const QSizeF scaled =
                QSizeF(m_picture.size()).scaled(QSizeF(size()), Qt::KeepAspectRatioByExpanding);
            QRectF target(QPointF(0, 0), scaled);
            target.moveCenter(QRectF(rect()).center());
            painter.drawImage(target, m_picture);
        } else {
            paintPlaceholder(painter, rect().adjusted(0, -6, 0, -6));
            if (!m_remoteHost.isEmpty() || !m_name.isEmpty()) {
                QFont font = painter.font();
                font.setPixelSize(10);
                painter.setFont(font);
                painter.setPen(palette().color(QPalette::Text));
                const QString label = m_remoteHost.isEmpty() ? m_name : m_remoteHost;
                painter.drawText(QRect(inner.left(), height() - 40, inner.width(), 14), Qt::AlignCenter,
                                 QFontMetrics(font).elidedText(label, Qt::ElideMiddle, inner.width()));
            }
        }
        painter.restore();
        if (m_kind == media::MediaKind::Video) {
            // A play mark: this is a video, and clicking plays it.
            const QPointF c = QRectF(rect()).center();
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0, 0, 0, 140));
            painter.drawEllipse(c, 13, 13);
            painter.setBrush(Qt::white);
            const QPointF tri[3] = {c + QPointF(-4, -7), c + QPointF(-4, 7), c + QPointF(7, 0)};
            painter.drawPolygon(tri, 3);
            if (m_duration)
                drawPill(painter, inner, Qt::AlignBottom | Qt::AlignRight, durationText());
        }
        if (!m_badge.isEmpty())
            drawPill(painter, QRect(inner.left(), inner.top(), inner.width() - 22, inner.height()),
                     Qt::AlignTop | Qt::AlignLeft, m_badge);
    }

    // The frame, with the highlight colour while focused so keyboard users see where they are.
    painter.setBrush(Qt::NoBrush);
    painter.setPen(hasFocus() ? QPen(palette().color(QPalette::Highlight), 2)
                              : QPen(palette().color(QPalette::Mid), 1));
    painter.drawPath(clip);
}

void AttachmentTile::mousePressEvent(QMouseEvent* event)
{
    m_pressed = event->button() == Qt::LeftButton;
    QFrame::mousePressEvent(event);
}

void AttachmentTile::mouseReleaseEvent(QMouseEvent* event)
{
    const bool click =
        m_pressed && event->button() == Qt::LeftButton && rect().contains(event->position().toPoint());
    m_pressed = false;
    if (click && m_state == State::Ready)
        emit activated();
    QFrame::mouseReleaseEvent(event);
}

void AttachmentTile::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_state == State::Ready)
            emit activated();
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        emit removeRequested();
        return;
    case Qt::Key_Menu:
        if (m_state == State::Ready)
            emit optionsRequested(mapToGlobal(QPoint(0, height())));
        return;
    default:
        QFrame::keyPressEvent(event);
    }
}

void AttachmentTile::contextMenuEvent(QContextMenuEvent* event)
{
    if (m_state == State::Ready)
        emit optionsRequested(event->globalPos());
}

// ---------------------------------------------------------------------------------------------- tray

AttachmentTray::AttachmentTray(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("attachmentTray"));
    m_preparer = new media::ImagePreparer(this);
    media::ImagePreparer::Options options;
    options.maxPixels = media::limits::kMaxPixelLimit;
    m_preparer->setOptions(options);
    connect(m_preparer, &media::ImagePreparer::prepared, this, &AttachmentTray::onPrepared);
    connect(m_preparer, &media::ImagePreparer::failed, this, &AttachmentTray::onFailed);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("attachmentStrip"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidgetResizable(true);
    m_strip = new QWidget(m_scroll);
    m_stripLayout = new QHBoxLayout(m_strip);
    m_stripLayout->setContentsMargins(0, 2, 0, 2);
    m_stripLayout->setSpacing(6);
    m_stripLayout->addStretch(1);
    m_scroll->setWidget(m_strip);
    m_scroll->viewport()->setAutoFillBackground(false);
    m_strip->setAutoFillBackground(false);
    m_scroll->hide();
    layout->addWidget(m_scroll);

    m_errorRow = new QWidget(this);
    auto* errorLayout = new QHBoxLayout(m_errorRow);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    m_errorLabel = new QLabel(m_errorRow);
    m_errorLabel->setObjectName(QStringLiteral("attachmentError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismissButton = new QToolButton(m_errorRow);
    m_dismissButton->setAutoRaise(true);
    m_dismissButton->setText(QStringLiteral("\u2715"));
    m_dismissButton->setToolTip(tr("Dismiss"));
    connect(m_dismissButton, &QToolButton::clicked, this, &AttachmentTray::clearErrors);
    errorLayout->addWidget(m_errorLabel, 1);
    errorLayout->addWidget(m_dismissButton, 0, Qt::AlignTop);
    m_errorRow->hide();
    layout->addWidget(m_errorRow);

    updateStripHeight();
}

AttachmentTray::~AttachmentTray()
{
    // The preparer's destructor waits for the job in flight; its results must not reach a half-destroyed
    // tray.
    m_preparer->disconnect(this);
    delete m_preparer;
    m_preparer = nullptr;
}

void AttachmentTray::setStore(media::AttachmentStore* store)
{
    m_store = store;
}

media::AttachmentStore* AttachmentTray::store() const
{
    if (m_store)
        return m_store;
    if (!m_fallbackStore) {
        m_fallbackDir = std::make_unique<QTemporaryDir>();
        m_fallbackStore = std::make_unique<media::AttachmentStore>(m_fallbackDir->path());
    }
    return m_fallbackStore.get();
}

void AttachmentTray::setPreparerOptions(const media::ImagePreparer::Options& options)
{
    m_preparer->setOptions(options);
}

media::ImagePreparer::Options AttachmentTray::preparerOptions() const
{
    return m_preparer->options();
}

std::optional<media::MediaKind> AttachmentTray::kindOfFile(const QString& path, QString* why)
{
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    const auto fail = [why](const QString& text) -> std::optional<media::MediaKind> {
        if (why)
            *why = text;
        return std::nullopt;
    };
    if (!info.exists())
        return fail(tr("%1 does not exist.").arg(path));
    if (info.isDir())
        return fail(tr("%1 is a folder; attach the images or videos in it instead.").arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1 could not be opened: %2").arg(name, file.errorString()));
    // The content decides (Ark checks content, not names); the extension only when the bytes say nothing,
    // so a damaged photo still reaches the preparer, which explains what is wrong with it.
    const QString mime = media::sniffMime(file.peek(512));
    if (const media::MediaFormat* format = media::formatForMime(mime))
        return format->kind;
    if (const media::MediaFormat* format = media::formatForExtension(info.suffix()))
        return format->kind;
    return fail(tr("%1 is not an image or video Ark accepts. Images: %2. Videos: %3.")
                    .arg(name, media::acceptedFormatNames(media::MediaKind::Image),
                         media::acceptedFormatNames(media::MediaKind::Video)));
}

void AttachmentTray::addFile(const QString& path, media::MediaKind kind)
{
    m_preparer->setStore(store()); // the fallback folder is made only when a file comes without a store
    Entry entry;
    entry.kind = kind;
    entry.requestId = m_preparer->prepareFile(path);
    AttachmentTile* tile = addTile(entry);
    tile->setPreparing(QFileInfo(path).fileName(), kind);
    m_entries.push_back(std::move(entry));
    setPreparingState();
    emit contentChanged();
}

void AttachmentTray::addImage(const QImage& image, const QString& name)
{
    m_preparer->setStore(store());
    Entry entry;
    entry.kind = media::MediaKind::Image;
    entry.requestId = m_preparer->prepareImage(image, name);
    AttachmentTile* tile = addTile(entry);
    tile->setPreparing(name, media::MediaKind::Image);
    m_entries.push_back(std::move(entry));
    setPreparingState();
    emit contentChanged();
}

void AttachmentTray::addAttachment(const media::Attachment& attachment, const QImage& thumbnail)
{
    Entry entry;
    entry.kind = attachment.kind;
    entry.attachment = attachment;
    entry.thumbnail = thumbnail;
    addTile(entry);
    m_entries.push_back(std::move(entry));
    refreshTile(m_entries.back());
    if (attachment.isVideo() && thumbnail.isNull() && !attachment.isRemote()) {
        // The hash is what counts: the app-data folder may have moved since the path was recorded.
        const QString path = attachment.hash.isEmpty() ? QString() : store()->pathFor(attachment.hash);
        grabPoster(m_entries.back().tile, path.isEmpty() ? attachment.storedPath : path);
    }
    emit contentChanged();
    emit attachmentsChanged();
}

AttachmentTile* AttachmentTray::addTile(Entry& entry)
{
    auto* tile = new AttachmentTile(m_strip);
    entry.tile = tile;
    m_stripLayout->insertWidget(m_stripLayout->count() - 1, tile, 0, Qt::AlignTop); // before the stretch
    connect(tile, &AttachmentTile::removeRequested, this, [this, tile] { removeAt(indexOfTile(tile)); });
    connect(tile, &AttachmentTile::activated, this, [this, tile] {
        const int index = indexOfTile(tile);
        if (index >= 0 && m_entries[size_t(index)].attachment)
            emit attachmentActivated(*m_entries[size_t(index)].attachment);
    });
    connect(tile, &AttachmentTile::optionsRequested, this,
            [this, tile](const QPoint& pos) { showOptionsMenu(indexOfTile(tile), pos); });
    m_scroll->show();
    updateStripHeight();
    // Keep the newest tile in view when the strip scrolls.
    QTimer::singleShot(0, tile, [this, tile] { m_scroll->ensureWidgetVisible(tile); });
    return tile;
}

void AttachmentTray::onPrepared(int requestId, const media::PreparedAttachment& result)
{
    const int index = indexOfRequest(requestId);
    if (index < 0)
        return;
    Entry& entry = m_entries[size_t(index)];
    entry.requestId = 0;
    entry.attachment = result.attachment;
    entry.kind = result.attachment.kind;
    entry.thumbnail = result.thumbnail;
    for (const media::LimitProblem& warning : result.warnings)
        entry.warnings << warning.message;

    const media::Attachment& a = *entry.attachment;
    if (a.isImage()) {
        const QSize from = result.originalPixelSize;
        const QSize to = a.pixelSize;
        if (from.isValid() && to.isValid() && from != to)
            entry.badge = qint64(to.width()) * to.height() < qint64(from.width()) * from.height()
                              ? tr("downscaled")
                              : tr("enlarged");
        else if (result.changed && result.originalByteSize >= 0)
            entry.badge = tr("re-encoded"); // a pasted image is always encoded: nothing worth a badge
    }
    if (entry.badge.isEmpty() && !entry.warnings.isEmpty())
        entry.badge = tr("unchecked");
    refreshTile(entry);
    if (a.isVideo())
        grabPoster(entry.tile, a.storedPath);
    setPreparingState();
    emit contentChanged();
    emit attachmentsChanged();
}

void AttachmentTray::onFailed(int requestId, const QString& message)
{
    const int index = indexOfRequest(requestId);
    if (index < 0)
        return;
    AttachmentTile* tile = m_entries[size_t(index)].tile;
    m_entries.erase(m_entries.begin() + index);
    tile->deleteLater();
    tile->hide();
    m_errors << message;
    updateErrorLine();
    if (m_entries.empty())
        m_scroll->hide();
    updateStripHeight();
    setPreparingState();
    emit contentChanged();
}

void AttachmentTray::refreshTile(const Entry& entry)
{
    if (!entry.attachment)
        return;
    const media::Attachment& a = *entry.attachment;
    QString title = a.isRemote() ? a.url : a.originalName;
    if (title.isEmpty())
        title = a.isImage() ? tr("Pasted image") : tr("Video");
    QStringList lines = attachmentDescription(a, title);
    lines << entry.warnings;
    // What the current options mean for this attachment (frames sampled, ...), without repeating the
    // preparation's warnings.
    for (const media::LimitProblem& problem : a.check())
        if (!entry.warnings.contains(problem.message))
            lines << problem.message;
    lines << (a.isImage() ? tr("Click to view; right-click for the detail setting.")
                          : tr("Click to play; right-click for the frame rate."));
    entry.tile->setReady(a, entry.thumbnail, entry.badge, lines.join(QLatin1Char('\n')));

    if (a.isImage()) {
        entry.tile->setOptionText(
            a.detail.isEmpty() ? tr("detail") : a.detail,
            tr("Detail sent with this image: %1")
                .arg(a.detail.isEmpty() ? tr("not set (the service decides)") : a.detail));
    } else {
        const double fps = a.fps.value_or(media::limits::kDefaultFps);
        entry.tile->setOptionText(tr("%1 fps").arg(fpsText(fps)),
                                  tr("Frames per second Ark samples from this video: %1%2")
                                      .arg(fpsText(fps), a.fps ? QString() : tr(" (the default)")));
    }
}

void AttachmentTray::grabPoster(AttachmentTile* tile, const QString& path)
{
    if (path.isEmpty() || !QFileInfo::exists(path))
        return;
    const QPointer<AttachmentTile> guard(tile);
    // A child of the tile: removing the tile stops the grab. The film icon stays when no frame comes.
    VideoPosterGrabber::grab(path, tile, [guard](const QImage& poster) {
        if (guard)
            guard->setPoster(poster);
    });
}

QList<media::Attachment> AttachmentTray::attachments() const
{
    QList<media::Attachment> out;
    for (const Entry& entry : m_entries) {
        if (entry.attachment)
            out << *entry.attachment;
    }
    return out;
}

bool AttachmentTray::isPreparing() const
{
    return preparingCount() > 0;
}

int AttachmentTray::preparingCount() const
{
    return int(
        std::count_if(m_entries.begin(), m_entries.end(), [](const Entry& e) { return e.requestId > 0; }));
}

bool AttachmentTray::contains(media::MediaKind kind) const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [kind](const Entry& e) { return e.kind == kind; });
}

std::optional<media::Attachment> AttachmentTray::attachmentAt(int index) const
{
    if (index < 0 || index >= count())
        return std::nullopt;
    return m_entries[size_t(index)].attachment;
}

void AttachmentTray::setDetail(int index, const QString& detail)
{
    if (index < 0 || index >= count() || !m_entries[size_t(index)].attachment)
        return;
    Entry& entry = m_entries[size_t(index)];
    if (!entry.attachment->isImage() || entry.attachment->detail == detail)
        return;
    entry.attachment->detail = detail;
    refreshTile(entry);
    emit attachmentsChanged();
}

void AttachmentTray::setFps(int index, std::optional<double> fps)
{
    if (index < 0 || index >= count() || !m_entries[size_t(index)].attachment)
        return;
    Entry& entry = m_entries[size_t(index)];
    if (!entry.attachment->isVideo())
        return;
    if (fps)
        fps = std::clamp(*fps, media::limits::kMinFps, media::limits::kMaxFps);
    if (entry.attachment->fps == fps)
        return;
    entry.attachment->fps = fps;
    refreshTile(entry);
    emit attachmentsChanged();
}

void AttachmentTray::removeAt(int index)
{
    if (index < 0 || index >= count())
        return;
    Entry entry = m_entries[size_t(index)];
    m_entries.erase(m_entries.begin() + index);
    if (entry.requestId > 0)
        m_preparer->cancel(entry.requestId);
    // Later, not now: this may run inside the tile's own button click.
    entry.tile->hide();
    entry.tile->deleteLater();
    if (m_entries.empty())
        m_scroll->hide();
    updateStripHeight();
    setPreparingState();
    emit contentChanged();
    if (entry.attachment)
        emit attachmentsChanged();
}

void AttachmentTray::clear()
{
    if (m_entries.empty())
        return;
    const bool hadReady = !attachments().isEmpty();
    for (const Entry& entry : m_entries) {
        if (entry.requestId > 0)
            m_preparer->cancel(entry.requestId);
        entry.tile->hide();
        entry.tile->deleteLater();
    }
    m_entries.clear();
    m_scroll->hide();
    updateStripHeight();
    setPreparingState();
    emit contentChanged();
    if (hadReady)
        emit attachmentsChanged();
}

void AttachmentTray::showError(const QString& message)
{
    if (message.isEmpty())
        return;
    m_errors << message;
    updateErrorLine();
    emit contentChanged();
}

void AttachmentTray::clearErrors()
{
    if (m_errors.isEmpty())
        return;
    m_errors.clear();
    updateErrorLine();
    emit contentChanged();
}

QString AttachmentTray::errorText() const
{
    return m_errors.join(QLatin1Char('\n'));
}

QString AttachmentTray::blockingProblem() const
{
    // Only the attachments' own share of the body: the window checks the whole request (history included)
    // before sending, but a tray that alone breaks the limit can be told about right here.
    qint64 body = 0;
    for (const Entry& entry : m_entries) {
        if (entry.attachment && !entry.attachment->isRemote() && entry.attachment->byteSize > 0)
            body += media::dataUrlLength(entry.attachment->byteSize, entry.attachment->mime);
    }
    const std::vector<media::LimitProblem> problems = media::checkRequestBody(body);
    if (!media::hasErrors(problems))
        return {};
    return tr("%1 Remove an attachment to send the rest.").arg(media::problemText(problems));
}

AttachmentTile* AttachmentTray::tileAt(int index) const
{
    if (index < 0 || index >= count())
        return nullptr;
    return m_entries[size_t(index)].tile;
}

QMenu* AttachmentTray::createOptionsMenu(int index, QWidget* parent)
{
    const std::optional<media::Attachment> attachment = attachmentAt(index);
    if (!attachment)
        return nullptr;
    auto* menu = new QMenu(parent);
    AttachmentTile* tile = m_entries[size_t(index)].tile;
    // Actions find their tile again when triggered: the index may have changed by then.
    const QPointer<AttachmentTile> guard(tile);
    const auto indexNow = [this, guard] {
        return guard ? indexOfTile(guard) : -1;
    };

    menu->addAction(attachment->isImage() ? tr("View") : tr("Play"), this, [this, indexNow] {
        if (const auto a = attachmentAt(indexNow()))
            emit attachmentActivated(*a);
    });
    auto* group = new QActionGroup(menu);
    if (attachment->isImage()) {
        menu->addSection(tr("Detail"));
        struct Choice
        {
            QString value;
            QString label;
        };
        const QLocale locale;
        const Choice choices[] = {
            {QString(), tr("Not set (the service decides)")},
            {QStringLiteral("low"), tr("Low: up to %1 pixels, fewer tokens")
                                        .arg(locale.toString(media::limits::kDetailLowMaxPixels))},
            {QStringLiteral("high"),
             tr("High: up to %1 pixels, fine print").arg(locale.toString(media::limits::kMaxPixelLimit))},
            {QStringLiteral("auto"), tr("Auto: the model chooses")},
        };
        for (const Choice& choice : choices) {
            QAction* action = menu->addAction(choice.label);
            action->setCheckable(true);
            action->setChecked(attachment->detail == choice.value);
            action->setData(choice.value);
            group->addAction(action);
            connect(action, &QAction::triggered, this,
                    [this, indexNow, value = choice.value] { setDetail(indexNow(), value); });
        }
    } else {
        menu->addSection(tr("Frames per second"));
        const std::optional<double> current = attachment->fps;
        QAction* def = menu->addAction(tr("Default (%1)").arg(fpsText(media::limits::kDefaultFps)));
        def->setCheckable(true);
        def->setChecked(!current);
        group->addAction(def);
        connect(def, &QAction::triggered, this, [this, indexNow] { setFps(indexNow(), std::nullopt); });
        bool preset = !current;
        for (const double fps : {0.2, 0.5, 1.0, 2.0, 5.0}) {
            QAction* action = menu->addAction(tr("%1 fps").arg(fpsText(fps)));
            action->setCheckable(true);
            const bool checked = current && std::abs(*current - fps) < 1e-9;
            preset = preset || checked;
            action->setChecked(checked);
            action->setData(fps);
            group->addAction(action);
            connect(action, &QAction::triggered, this, [this, indexNow, fps] { setFps(indexNow(), fps); });
        }
        QAction* other =
            menu->addAction(preset ? tr("Other\u2026") : tr("Other (%1 fps)\u2026").arg(fpsText(*current)));
        other->setCheckable(true);
        other->setChecked(!preset);
        group->addAction(other);
        connect(other, &QAction::triggered, this, [this, indexNow, current] {
            bool ok = false;
            const double fps = QInputDialog::getDouble(
                this, tr("Frames per second"),
                tr("Frames per second Ark samples from the video (%1 to %2):")
                    .arg(fpsText(media::limits::kMinFps), fpsText(media::limits::kMaxFps)),
                current.value_or(media::limits::kDefaultFps), media::limits::kMinFps, media::limits::kMaxFps,
                1, &ok, Qt::WindowFlags(), 0.1);
            if (ok)
                setFps(indexNow(), fps);
        });
    }
    menu->addSeparator();
    menu->addAction(tr("Remove"), this, [this, indexNow] { removeAt(indexNow()); });
    return menu;
}

void AttachmentTray::showOptionsMenu(int index, const QPoint& globalPos)
{
    QMenu* menu = createOptionsMenu(index, this);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

int AttachmentTray::indexOfTile(const QObject* tile) const
{
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].tile == tile)
            return int(i);
    }
    return -1;
}

int AttachmentTray::indexOfRequest(int requestId) const
{
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].requestId == requestId)
            return int(i);
    }
    return -1;
}

void AttachmentTray::setPreparingState()
{
    const bool preparing = isPreparing();
    if (preparing == m_wasPreparing)
        return;
    m_wasPreparing = preparing;
    emit preparingChanged(preparing);
}

void AttachmentTray::updateErrorLine()
{
    // A readable red in both palettes, without a modal box: the person reads it and carries on.
    const QColor color = isDark(palette()) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    QPalette pal = m_errorLabel->palette();
    pal.setColor(QPalette::WindowText, color);
    m_errorLabel->setPalette(pal);
    m_errorLabel->setText(errorText());
    m_errorRow->setVisible(!m_errors.isEmpty());
}

void AttachmentTray::updateStripHeight()
{
    // Room for the scroll bar only when the tiles overflow (its appearing never narrows the viewport, so
    // this cannot oscillate).
    const QMargins margins = m_stripLayout->contentsMargins();
    const bool overflow = m_stripLayout->sizeHint().width() > m_scroll->viewport()->width();
    const int bar = overflow ? m_scroll->horizontalScrollBar()->sizeHint().height() : 0;
    m_scroll->setFixedHeight(kTileHeight + margins.top() + margins.bottom() + bar);
}

void AttachmentTray::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateStripHeight();
}

void AttachmentTray::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateErrorLine();
}

} // namespace ark::ui
