// The in-app player on the offscreen platform with the real multimedia backend: the fixture clip
// (tests/data/media/tiny-2s-160x90.mp4, H.264, 2 s) loads with its duration, plays (the position moves),
// pauses and seeks; a file that is not a video and a missing file give a clear error text; F and Esc
// toggle full screen; "Save as" copies byte for byte. Where Qt Multimedia has no working backend the
// playback cases are skipped with the reason instead of failing.
#include "media/VideoPlayer.h"

#include <QAudioOutput>
#include <QLabel>
#include <QMediaPlayer>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVideoWidget>
#include <QtTest>

using ark::ui::VideoPlayer;
using ark::ui::VideoPlayerDialog;

namespace {

QString fixture()
{
    return QStringLiteral(ARK_TEST_DATA_DIR "/media/tiny-2s-160x90.mp4");
}

constexpr int kSafetyMs = 20000; // a limit for a stuck backend, never a speed expectation

} // namespace

class TstVideoplayer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void loadsDurationPlaysPausesSeeks();
    void unplayableFileExplained();
    void missingFileExplained();
    void describeErrorNamesThePackages_data();
    void describeErrorNamesThePackages();
    void fullScreenWithFAndEsc();
    void volumeAndMute();
    void copyFileReplacing();
    void dialogPlaysAndDeletesItself();

private:
    // Loads the fixture and waits until it is loaded or an error is shown; false when neither happens.
    bool loadFixture(VideoPlayer& player);
    QString m_skipReason;
};

void TstVideoplayer::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(QFileInfo::exists(fixture()), qPrintable(fixture()));
    QMediaPlayer probe;
    if (!probe.isAvailable())
        m_skipReason = QStringLiteral("Qt Multimedia has no working backend in this environment");
}

bool TstVideoplayer::loadFixture(VideoPlayer& player)
{
    if (!player.load(fixture()))
        return false;
    return QTest::qWaitFor(
        [&] {
            return player.mediaStatus() == QMediaPlayer::LoadedMedia ||
                   player.mediaStatus() == QMediaPlayer::BufferedMedia || !player.errorText().isEmpty();
        },
        kSafetyMs);
}

void TstVideoplayer::loadsDurationPlaysPausesSeeks()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    VideoPlayer player;
    player.resize(480, 320);
    player.show();
    QVERIFY(loadFixture(player));
    if (!player.errorText().isEmpty())
        QSKIP(qPrintable(QStringLiteral("the media backend cannot decode H.264/MP4 here: ") +
                         player.errorText()));
    QVERIFY(player.saveButton()->isEnabled());

    // The clip is 2 s (ffprobe: 2.000000); containers may round by a frame.
    QTRY_VERIFY_WITH_TIMEOUT(player.durationMs() > 0, kSafetyMs);
    QVERIFY2(qAbs(player.durationMs() - 2000) <= 100, qPrintable(QString::number(player.durationMs())));
    QCOMPARE(player.seekSlider()->maximum(), int(player.durationMs()));
    QVERIFY(player.timeText().endsWith(QStringLiteral("/ 0:02")));

    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying(), kSafetyMs);
    QTRY_VERIFY_WITH_TIMEOUT(player.positionMs() > 0, kSafetyMs);
    QCOMPARE(player.playButton()->toolTip(), QStringLiteral("Pause (Space)"));
    QTRY_VERIFY_WITH_TIMEOUT(player.seekSlider()->value() > 0, kSafetyMs);

    player.pause();
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::PausedState, kSafetyMs);
    QCOMPARE(player.playButton()->toolTip(), QStringLiteral("Play (Space)"));

    player.seek(1500);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.positionMs() - 1500) <= 150, kSafetyMs);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.seekSlider()->value() - 1500) <= 150, kSafetyMs);
    QVERIFY2(player.timeText().startsWith(QStringLiteral("0:01 /")), qPrintable(player.timeText()));
    // Seeking past the end clamps to the duration; before the start to 0.
    player.seek(-500);
    QTRY_VERIFY_WITH_TIMEOUT(player.positionMs() <= 150, kSafetyMs);

    // Space toggles playback (the player has focus semantics of its own).
    QTest::keyClick(&player, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying(), kSafetyMs);
    QTRY_VERIFY_WITH_TIMEOUT(player.positionMs() > 200, kSafetyMs);
    player.grab().save(QStringLiteral("/tmp/genui-videoplayer.png"));
    QTest::keyClick(&player, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), kSafetyMs);
    QVERIFY(player.errorText().isEmpty());
    QVERIFY(player.errorLabel()->isHidden());
}

void TstVideoplayer::unplayableFileExplained()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("not-a-video.mp4"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(char((i * 7919) % 251));
        file.write(junk);
    }
    VideoPlayer player;
    player.resize(480, 320);
    player.show();
    QSignalSpy errors(&player, &VideoPlayer::errorChanged);
    QVERIFY(player.load(path)); // the file exists; what is wrong with it shows later
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(!player.errorText().isEmpty(), kSafetyMs);
    QVERIFY(!errors.isEmpty());
    QVERIFY2(player.errorText().contains(QStringLiteral("not-a-video.mp4")), qPrintable(player.errorText()));
    QVERIFY(player.errorLabel()->isVisible());
    QCOMPARE(player.errorLabel()->text(), player.errorText());
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), kSafetyMs);
    qDebug() << "error text:" << player.errorText();
    player.grab().save(QStringLiteral("/tmp/genui-videoplayer-error.png"));

    // Loading a good file afterwards clears the message.
    QVERIFY(loadFixture(player));
    if (player.mediaStatus() == QMediaPlayer::LoadedMedia)
        QVERIFY(player.errorText().isEmpty());
}

void TstVideoplayer::missingFileExplained()
{
    VideoPlayer player;
    const QString path = QStringLiteral("/nonexistent/folder/video-cgt-1.mp4");
    QVERIFY(!player.load(path));
    QVERIFY2(player.errorText().contains(path), qPrintable(player.errorText()));
    QVERIFY(player.errorText().contains(QStringLiteral("does not exist")));
    QVERIFY(!player.saveButton()->isEnabled());
    QVERIFY(player.mediaPlayer()->source().isEmpty());
}

void TstVideoplayer::describeErrorNamesThePackages_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("namesPackages");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("format") << int(QMediaPlayer::FormatError) << true << QStringLiteral("cannot be decoded");
    QTest::newRow("resource") << int(QMediaPlayer::ResourceError) << true
                              << QStringLiteral("could not be opened");
    QTest::newRow("access") << int(QMediaPlayer::AccessDeniedError) << false
                            << QStringLiteral("access was denied");
    QTest::newRow("network") << int(QMediaPlayer::NetworkError) << false
                             << QStringLiteral("could not be fetched");
}

void TstVideoplayer::describeErrorNamesThePackages()
{
    QFETCH(int, error);
    QFETCH(bool, namesPackages);
    QFETCH(QString, phrase);
    const QString text = VideoPlayer::describeError(
        QMediaPlayer::Error(error), QStringLiteral("Your GStreamer installation is missing a plug-in."),
        QStringLiteral("clip.mp4"));
    QVERIFY2(text.contains(QStringLiteral("clip.mp4")), qPrintable(text));
    QVERIFY2(text.contains(phrase), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Your GStreamer installation is missing a plug-in.")));
    QCOMPARE(text.contains(QStringLiteral("gstreamer1.0-libav")), namesPackages);
    QCOMPARE(text.contains(QStringLiteral("gstreamer1.0-plugins-good")), namesPackages);
    // No backend text: no dangling "says:".
    QVERIFY(!VideoPlayer::describeError(QMediaPlayer::Error(error), QString(), QStringLiteral("clip.mp4"))
                 .contains(QStringLiteral("says")));
}

void TstVideoplayer::fullScreenWithFAndEsc()
{
    VideoPlayer player;
    player.resize(480, 320);
    player.show();
    QVERIFY(QTest::qWaitForWindowExposed(&player));
    QVERIFY(!player.isVideoFullScreen());
    QTest::keyClick(&player, Qt::Key_F);
    QTRY_VERIFY(player.isVideoFullScreen());
    // While full screen the keys go to the video surface.
    QTest::keyClick(player.videoWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!player.isVideoFullScreen());
    player.fullScreenButton()->click();
    QTRY_VERIFY(player.isVideoFullScreen());
    QTest::keyClick(player.videoWidget(), Qt::Key_F);
    QTRY_VERIFY(!player.isVideoFullScreen());
    // Esc outside full screen is left to the parent (a dialog closes on it).
    QKeyEvent esc(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QApplication::sendEvent(&player, &esc);
    QVERIFY(!esc.isAccepted());
}

void TstVideoplayer::volumeAndMute()
{
    VideoPlayer player;
    QAudioOutput* audio = player.mediaPlayer()->audioOutput();
    QVERIFY(audio);
    player.setVolume(30);
    QCOMPARE(player.volume(), 30);
    QCOMPARE(player.volumeSlider()->value(), 30);
    QVERIFY(qAbs(audio->volume() - 0.3f) < 0.001f);
    player.volumeSlider()->setValue(75);
    QVERIFY(qAbs(audio->volume() - 0.75f) < 0.001f);
    player.setVolume(150);
    QCOMPARE(player.volume(), 100);
    player.setMuted(true);
    QVERIFY(audio->isMuted());
    player.setMuted(false);
    QVERIFY(!audio->isMuted());
}

void TstVideoplayer::copyFileReplacing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile source(fixture());
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();

    const QString target = dir.filePath(QStringLiteral("saved.mp4"));
    QString error;
    QVERIFY2(ark::ui::copyFileReplacing(fixture(), target, &error), qPrintable(error));
    QFile copy(target);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), bytes);
    copy.close();

    // An existing file is replaced.
    {
        QFile old(dir.filePath(QStringLiteral("old.mp4")));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous content that is longer than nothing");
    }
    QVERIFY(ark::ui::copyFileReplacing(fixture(), dir.filePath(QStringLiteral("old.mp4")), &error));
    QFile replaced(dir.filePath(QStringLiteral("old.mp4")));
    QVERIFY(replaced.open(QIODevice::ReadOnly));
    QCOMPARE(replaced.readAll(), bytes);

    // Failures say which file and why.
    QVERIFY(!ark::ui::copyFileReplacing(dir.filePath(QStringLiteral("missing.mp4")), target, &error));
    QVERIFY2(error.contains(QStringLiteral("missing.mp4")), qPrintable(error));
    QVERIFY(!ark::ui::copyFileReplacing(fixture(), QStringLiteral("/nonexistent/dir/out.mp4"), &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/dir/out.mp4")), qPrintable(error));
}

void TstVideoplayer::dialogPlaysAndDeletesItself()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QPointer<VideoPlayerDialog> dialog = VideoPlayerDialog::showFile(fixture());
    QVERIFY(dialog);
    QCOMPARE(dialog->player()->filePath(), fixture());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("tiny-2s-160x90.mp4"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->player()->isPlaying() || !dialog->player()->errorText().isEmpty(),
                             kSafetyMs);
    if (!dialog->player()->errorText().isEmpty())
        QSKIP(qPrintable(dialog->player()->errorText()));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->player()->positionMs() > 0, kSafetyMs);
    dialog->close();
    QTRY_VERIFY(dialog.isNull());
}

QTEST_MAIN(TstVideoplayer)
#include "tst_videoplayer.moc"
