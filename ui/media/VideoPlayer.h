// Plays a local video file inside the app (a generated Seedance video, an attached clip): play/pause,
// a seek slider with the time, volume and mute, full screen (F toggles, Esc leaves), "Save as…", and a
// clear sentence when the file cannot be played.
//
// Qt Multimedia with the platform's default backend. On Debian that is GStreamer, which needs
// gstreamer1.0-plugins-good (the MP4 demuxer) and gstreamer1.0-libav (H.264/AAC); when they are missing
// the error text names them. Never force QT_MEDIA_BACKEND=ffmpeg on Qt 6.4: it crashes as soon as a
// QAudioOutput is attached on a machine without an audio device (../shared/notes/environment.md).
//
// Full screen is the video surface's own (QVideoWidget::setFullScreen), so a player docked in the main
// window never turns the whole window full screen; there Space pauses, Left/Right seek 5 s, F or Esc
// (or a double click) come back.
//
//   auto* player = new VideoPlayer(parent);
//   player->load(path);        // false + errorText() for a missing file; decoding errors arrive later
//   player->play();
// or, for a window of its own: VideoPlayerDialog::showFile(path, parentWidget).
#pragma once

#include <QDialog>
#include <QMediaPlayer>
#include <QPointer>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QSlider;
class QToolButton;
class QVideoWidget;

namespace ark::ui {

// Copies `from` to `to`, replacing an existing `to` only once the copy is complete (a failed copy leaves
// it as it was). false + a sentence for a person in `error`. Used by every "Save as…" of the media panes.
bool copyFileReplacing(const QString& from, const QString& to, QString* error = nullptr);

class VideoPlayer : public QWidget
{
    Q_OBJECT
public:
    explicit VideoPlayer(QWidget* parent = nullptr);
    ~VideoPlayer() override;

    // Loads `path` (stopped, at 0). false when the file does not exist or no multimedia backend is
    // available: errorText() says why. Decoding problems are found asynchronously: errorOccurred().
    bool load(const QString& path);
    QString filePath() const { return m_path; }
    void unload(); // stops and releases the file

    void play();
    void pause();
    void togglePlayPause();
    void seek(qint64 positionMs);
    void setVolume(int percent); // 0..100
    int volume() const;
    void setMuted(bool muted);

    void setVideoFullScreen(bool on);
    void toggleFullScreen() { setVideoFullScreen(!isVideoFullScreen()); }
    bool isVideoFullScreen() const;

    // Asks for a file name and copies the video there; the outcome is shown in the player's status line.
    void saveAs();

    qint64 durationMs() const;
    qint64 positionMs() const;
    bool isPlaying() const;
    QMediaPlayer::MediaStatus mediaStatus() const;
    // "" while everything is fine; otherwise what went wrong, for a person (translated).
    QString errorText() const { return m_errorText; }
    // The time label's text ("0:01 / 0:02").
    QString timeText() const;

    // Parts, for the window that hosts the player and for tests.
    QMediaPlayer* mediaPlayer() const { return m_player; }
    QVideoWidget* videoWidget() const { return m_video; }
    QSlider* seekSlider() const { return m_seek; }
    QSlider* volumeSlider() const { return m_volume; }
    QToolButton* playButton() const { return m_playButton; }
    QToolButton* fullScreenButton() const { return m_fullScreenButton; }
    QToolButton* saveButton() const { return m_saveButton; }
    QLabel* errorLabel() const { return m_errorLabel; }

    // The sentence shown for a player error; public so the wording is tested without a broken backend.
    static QString describeError(QMediaPlayer::Error error, const QString& backendText,
                                 const QString& fileName);

signals:
    void errorChanged(const QString& text); // "" when cleared by a successful load
    void saved(const QString& path);        // after a successful "Save as…"

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool handleKey(QKeyEvent* event);
    void setError(const QString& text);
    void setStatusLine(const QString& text);
    void updatePlayButton();
    void updateTime();
    void onDuration(qint64 durationMs);
    void onPosition(qint64 positionMs);
    void onMediaStatus(QMediaPlayer::MediaStatus status);

    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_audio = nullptr;
    QVideoWidget* m_video = nullptr;
    QToolButton* m_playButton = nullptr;
    QSlider* m_seek = nullptr;
    QLabel* m_time = nullptr;
    QToolButton* m_muteButton = nullptr;
    QSlider* m_volume = nullptr;
    QToolButton* m_fullScreenButton = nullptr;
    QToolButton* m_saveButton = nullptr;
    QLabel* m_errorLabel = nullptr;
    QLabel* m_statusLine = nullptr;
    QString m_path;
    QString m_errorText;
    bool m_seeking = false; // the slider is held: position updates do not move it
};

// A window of its own around one VideoPlayer: what "Play" opens when no player is docked.
class VideoPlayerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit VideoPlayerDialog(QWidget* parent = nullptr);
    VideoPlayer* player() const { return m_player; }

    // Opens a non-modal window that deletes itself when closed, loads `path` and starts playing.
    static VideoPlayerDialog* showFile(const QString& path, QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    VideoPlayer* m_player;
};

} // namespace ark::ui
