#include "VideoPlayer.h"

#include <QAudioOutput>
#include <QBoxLayout>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QSaveFile>
#include <QSlider>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QVideoWidget>
#include <algorithm>
#include <limits>

namespace ark::ui {

namespace {

QString clockText(qint64 ms)
{
    const qint64 total = std::max<qint64>(0, ms) / 1000;
    const QChar zero(u'0');
    if (total >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(total / 3600)
            .arg((total / 60) % 60, 2, 10, zero)
            .arg(total % 60, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, zero);
}

constexpr qint64 kKeySeekMs = 5000;

} // namespace

bool copyFileReplacing(const QString& from, const QString& to, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (QFileInfo(from).canonicalFilePath() == QFileInfo(to).canonicalFilePath() && QFileInfo::exists(to))
        return true; // saving a file onto itself
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return fail(
            QCoreApplication::translate("VideoPlayer", "Cannot read %1: %2").arg(from, source.errorString()));
    // QSaveFile: the target is replaced only when every byte is written.
    QSaveFile target(to);
    if (!target.open(QIODevice::WriteOnly))
        return fail(
            QCoreApplication::translate("VideoPlayer", "Cannot write %1: %2").arg(to, target.errorString()));
    QByteArray buffer;
    while (!source.atEnd()) {
        buffer = source.read(1 << 20);
        if (buffer.isEmpty() && source.error() != QFileDevice::NoError)
            return fail(QCoreApplication::translate("VideoPlayer", "Cannot read %1: %2")
                            .arg(from, source.errorString()));
        if (target.write(buffer) != buffer.size())
            return fail(QCoreApplication::translate("VideoPlayer", "Cannot write %1: %2")
                            .arg(to, target.errorString()));
    }
    if (!target.commit())
        return fail(
            QCoreApplication::translate("VideoPlayer", "Cannot write %1: %2").arg(to, target.errorString()));
    return true;
}

VideoPlayer::VideoPlayer(QWidget* parent) : QWidget(parent)
{
    m_player = new QMediaPlayer(this);
    m_audio = new QAudioOutput(this);
    m_player->setAudioOutput(m_audio);
    m_video = new QVideoWidget(this);
    m_video->setMinimumSize(160, 90);
    m_video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    QPalette dark = m_video->palette();
    dark.setColor(QPalette::Window, Qt::black); // letterboxing, and the surface before the first frame
    m_video->setPalette(dark);
    m_video->setAutoFillBackground(true);
    m_video->installEventFilter(this); // keys and double clicks while it is full screen
    m_player->setVideoOutput(m_video);

    auto button = [this](QStyle::StandardPixmap icon, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    m_playButton = button(QStyle::SP_MediaPlay, tr("Play (Space)"));
    m_seek = new QSlider(Qt::Horizontal, this);
    m_seek->setRange(0, 0);
    m_seek->setToolTip(tr("Position"));
    m_seek->setAccessibleName(tr("Position"));
    m_time = new QLabel(this);
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("00:00 / 00:00")));
    m_muteButton = button(QStyle::SP_MediaVolume, tr("Mute"));
    m_muteButton->setCheckable(true);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setRange(0, 100);
    m_volume->setFixedWidth(90);
    m_volume->setToolTip(tr("Volume"));
    m_volume->setAccessibleName(tr("Volume"));
    m_fullScreenButton = button(QStyle::SP_TitleBarMaxButton, tr("Full screen (F)"));
    m_saveButton = button(QStyle::SP_DialogSaveButton, tr("Save as…"));
    m_saveButton->setEnabled(false);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errorLabel->hide();
    m_statusLine = new QLabel(this);
    m_statusLine->setWordWrap(true);
    m_statusLine->hide();

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_playButton);
    controls->addWidget(m_seek, 1);
    controls->addWidget(m_time);
    controls->addWidget(m_muteButton);
    controls->addWidget(m_volume);
    controls->addWidget(m_fullScreenButton);
    controls->addWidget(m_saveButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_errorLabel);
    layout->addLayout(controls);
    layout->addWidget(m_statusLine);

    connect(m_playButton, &QToolButton::clicked, this, &VideoPlayer::togglePlayPause);
    connect(m_fullScreenButton, &QToolButton::clicked, this, &VideoPlayer::toggleFullScreen);
    connect(m_saveButton, &QToolButton::clicked, this, &VideoPlayer::saveAs);
    connect(m_muteButton, &QToolButton::toggled, this, &VideoPlayer::setMuted);
    connect(m_volume, &QSlider::valueChanged, this,
            [this](int value) { m_audio->setVolume(float(value) / 100.0f); });
    // Seeking: while the handle is held the position does not fight it; the jump happens on release
    // (or at once for clicks and keys on the slider).
    connect(m_seek, &QSlider::sliderPressed, this, [this] { m_seeking = true; });
    connect(m_seek, &QSlider::sliderReleased, this, [this] {
        m_seeking = false;
        m_player->setPosition(m_seek->value());
    });
    connect(m_seek, &QSlider::sliderMoved, this, [this] { updateTime(); });
    connect(m_seek, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove && !m_seeking)
            m_player->setPosition(m_seek->sliderPosition());
    });

    connect(m_player, &QMediaPlayer::durationChanged, this, &VideoPlayer::onDuration);
    connect(m_player, &QMediaPlayer::positionChanged, this, &VideoPlayer::onPosition);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &VideoPlayer::updatePlayButton);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &VideoPlayer::onMediaStatus);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString& text) {
                if (error == QMediaPlayer::NoError)
                    return;
                setError(describeError(error, text, QFileInfo(m_path).fileName()));
                // The backend may stay in the playing state after a fatal error: stop, so the controls tell
                // the truth (queued: not from inside the backend's own signal).
                QMetaObject::invokeMethod(
                    this, [this] { m_player->stop(); }, Qt::QueuedConnection);
            });
    connect(m_video, &QVideoWidget::fullScreenChanged, this, [this](bool on) {
        m_fullScreenButton->setIcon(
            style()->standardIcon(on ? QStyle::SP_TitleBarNormalButton : QStyle::SP_TitleBarMaxButton));
    });

    setVolume(80);
    setFocusPolicy(Qt::StrongFocus);
    updatePlayButton();
    updateTime();
}

VideoPlayer::~VideoPlayer()
{
    // Stop before the sink and the audio output go away.
    m_player->stop();
    m_player->setSource(QUrl());
}

bool VideoPlayer::load(const QString& path)
{
    setStatusLine(QString());
    m_path = path;
    m_saveButton->setEnabled(false);
    m_seek->setRange(0, 0);
    if (!QFileInfo(path).isFile()) {
        m_player->setSource(QUrl());
        setError(tr("The video file %1 does not exist (it may have been moved or deleted).").arg(path));
        return false;
    }
    if (!m_player->isAvailable()) {
        setError(tr("Videos cannot be played here: Qt Multimedia found no working media backend. On Debian, "
                    "install gstreamer1.0-plugins-good and gstreamer1.0-libav."));
        return false;
    }
    setError(QString());
    m_saveButton->setEnabled(true);
    m_player->setSource(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()));
    updateTime();
    return true;
}

void VideoPlayer::unload()
{
    m_player->stop();
    m_player->setSource(QUrl());
    m_path.clear();
    m_saveButton->setEnabled(false);
    setError(QString());
    m_seek->setRange(0, 0);
    updateTime();
}

void VideoPlayer::play()
{
    if (!m_player->source().isEmpty())
        m_player->play();
}

void VideoPlayer::pause()
{
    m_player->pause();
}

void VideoPlayer::togglePlayPause()
{
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        pause();
    else
        play();
}

void VideoPlayer::seek(qint64 positionMs)
{
    const qint64 duration = m_player->duration();
    positionMs = std::max<qint64>(0, positionMs);
    if (duration > 0)
        positionMs = std::min(positionMs, duration);
    m_player->setPosition(positionMs);
}

void VideoPlayer::setVolume(int percent)
{
    m_volume->setValue(std::clamp(percent, 0, 100)); // valueChanged sets the audio output
    m_audio->setVolume(float(m_volume->value()) / 100.0f);
}

int VideoPlayer::volume() const
{
    return m_volume->value();
}

void VideoPlayer::setMuted(bool muted)
{
    m_audio->setMuted(muted);
    if (m_muteButton->isChecked() != muted)
        m_muteButton->setChecked(muted);
    m_muteButton->setIcon(
        style()->standardIcon(muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    m_muteButton->setToolTip(muted ? tr("Unmute") : tr("Mute"));
}

void VideoPlayer::setVideoFullScreen(bool on)
{
    m_video->setFullScreen(on);
    if (on)
        m_video->setFocus();
    else
        setFocus();
}

bool VideoPlayer::isVideoFullScreen() const
{
    return m_video->isFullScreen();
}

void VideoPlayer::saveAs()
{
    if (m_path.isEmpty())
        return;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::MoviesLocation))
                                  .filePath(QFileInfo(m_path).fileName());
    const QString target = QFileDialog::getSaveFileName(this, tr("Save Video As"), suggested,
                                                        tr("Videos (*.mp4 *.mov *.webm);;All files (*)"));
    if (target.isEmpty())
        return;
    QString error;
    if (!copyFileReplacing(m_path, target, &error)) {
        setStatusLine(error);
        return;
    }
    setStatusLine(tr("Saved to %1").arg(QDir::toNativeSeparators(target)));
    emit saved(target);
}

qint64 VideoPlayer::durationMs() const
{
    return m_player->duration();
}

qint64 VideoPlayer::positionMs() const
{
    return m_player->position();
}

bool VideoPlayer::isPlaying() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

QMediaPlayer::MediaStatus VideoPlayer::mediaStatus() const
{
    return m_player->mediaStatus();
}

QString VideoPlayer::timeText() const
{
    return m_time->text();
}

QString VideoPlayer::describeError(QMediaPlayer::Error error, const QString& backendText,
                                   const QString& fileName)
{
    QString what;
    switch (error) {
    case QMediaPlayer::ResourceError:
        what = tr("%1 could not be opened or read as a video.").arg(fileName);
        break;
    case QMediaPlayer::FormatError:
        what = tr("%1 cannot be decoded: its format or codec is not supported by the installed media "
                  "backend.")
                   .arg(fileName);
        break;
    case QMediaPlayer::AccessDeniedError:
        what = tr("%1 cannot be played: access was denied.").arg(fileName);
        break;
    case QMediaPlayer::NetworkError:
        what = tr("%1 could not be fetched.").arg(fileName);
        break;
    default:
        what = tr("%1 cannot be played.").arg(fileName);
        break;
    }
    QString text = what;
    if (!backendText.trimmed().isEmpty())
        text += QLatin1Char(' ') + tr("The media backend says: %1").arg(backendText.trimmed());
    if (error == QMediaPlayer::FormatError || error == QMediaPlayer::ResourceError)
        text += QLatin1Char(' ') +
                tr("MP4 videos (H.264 with AAC sound) need the GStreamer plugins from the packages "
                   "gstreamer1.0-plugins-good and gstreamer1.0-libav.");
    return text;
}

void VideoPlayer::keyPressEvent(QKeyEvent* event)
{
    if (!handleKey(event))
        QWidget::keyPressEvent(event);
}

bool VideoPlayer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_video) {
        if (event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent*>(event)))
            return true;
        if (event->type() == QEvent::MouseButtonDblClick) {
            toggleFullScreen();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool VideoPlayer::handleKey(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_F:
        toggleFullScreen();
        return true;
    case Qt::Key_Escape:
        if (!isVideoFullScreen())
            return false; // let a dialog close on Esc
        setVideoFullScreen(false);
        return true;
    case Qt::Key_Space:
        togglePlayPause();
        return true;
    case Qt::Key_Left:
        seek(positionMs() - kKeySeekMs);
        return true;
    case Qt::Key_Right:
        seek(positionMs() + kKeySeekMs);
        return true;
    default:
        return false;
    }
}

void VideoPlayer::setError(const QString& text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    m_errorLabel->setText(text);
    m_errorLabel->setVisible(!text.isEmpty());
    emit errorChanged(text);
}

void VideoPlayer::setStatusLine(const QString& text)
{
    m_statusLine->setText(text);
    m_statusLine->setVisible(!text.isEmpty());
}

void VideoPlayer::updatePlayButton()
{
    const bool playing = isPlaying();
    m_playButton->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void VideoPlayer::updateTime()
{
    const qint64 position = m_seeking ? m_seek->sliderPosition() : m_player->position();
    m_time->setText(clockText(position) + QStringLiteral(" / ") + clockText(m_player->duration()));
}

void VideoPlayer::onDuration(qint64 durationMs)
{
    m_seek->setRange(0, int(std::min<qint64>(durationMs, std::numeric_limits<int>::max())));
    updateTime();
}

void VideoPlayer::onPosition(qint64 positionMs)
{
    if (!m_seeking) {
        const QSignalBlocker block(m_seek);
        m_seek->setValue(int(std::min<qint64>(positionMs, std::numeric_limits<int>::max())));
    }
    updateTime();
}

void VideoPlayer::onMediaStatus(QMediaPlayer::MediaStatus status)
{
    if (status == QMediaPlayer::InvalidMedia && m_errorText.isEmpty())
        setError(
            describeError(QMediaPlayer::FormatError, m_player->errorString(), QFileInfo(m_path).fileName()));
    if (status == QMediaPlayer::EndOfMedia)
        updatePlayButton();
}

// ---------------------------------------------------------------------------------------------

VideoPlayerDialog::VideoPlayerDialog(QWidget* parent) : QDialog(parent), m_player(new VideoPlayer(this))
{
    setWindowTitle(tr("Video"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_player);
    resize(720, 480);
}

VideoPlayerDialog* VideoPlayerDialog::showFile(const QString& path, QWidget* parent)
{
    auto* dialog = new VideoPlayerDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QFileInfo(path).fileName());
    dialog->show();
    if (dialog->m_player->load(path))
        dialog->m_player->play();
    return dialog;
}

void VideoPlayerDialog::closeEvent(QCloseEvent* event)
{
    m_player->pause();
    QDialog::closeEvent(event);
}

} // namespace ark::ui
