// VideoProbe on MP4/MOV box structures and AVI headers built here byte by byte, and the video limit checks.
#include "media/MediaLimits.h"
#include "media/VideoProbe.h"

#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace ark::media;

namespace {

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray be64(quint64 v)
{
    QByteArray b(8, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray be16(quint16 v)
{
    QByteArray b(2, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray box(const char* type, const QByteArray& payload)
{
    return be32(quint32(8 + payload.size())) + QByteArray(type, 4) + payload;
}

QByteArray fullBox(const char* type, quint8 version, const QByteArray& payload)
{
    return box(type, QByteArray(1, char(version)) + QByteArray(3, '\0') + payload);
}

QByteArray ftyp(const char* brand)
{
    return box("ftyp", QByteArray(brand, 4) + be32(0x200) + QByteArray(brand, 4) + QByteArray("mp41"));
}

QByteArray matrix(bool quarterTurn)
{
    // {a b u; c d v; x y w}: identity, or a 90 degree rotation (a=0 b=1 c=-1 d=0).
    const quint32 one = 0x00010000, w = 0x40000000;
    if (quarterTurn)
        return be32(0) + be32(one) + be32(0) + be32(quint32(-qint32(one))) + be32(0) + be32(0) + be32(0) +
               be32(0) + be32(w);
    return be32(one) + be32(0) + be32(0) + be32(0) + be32(one) + be32(0) + be32(0) + be32(0) + be32(w);
}

QByteArray mvhd(quint32 timescale, quint64 duration, int version = 0)
{
    QByteArray p;
    if (version == 1)
        p = be64(0) + be64(0) + be32(timescale) + be64(duration);
    else
        p = be32(0) + be32(0) + be32(timescale) + be32(quint32(duration));
    p += be32(0x00010000) + be16(0x0100) + QByteArray(10, '\0') + matrix(false) + QByteArray(24, '\0') +
         be32(2);
    return fullBox("mvhd", quint8(version), p);
}

QByteArray tkhd(int width, int height, bool quarterTurn = false, int version = 0)
{
    QByteArray p;
    if (version == 1)
        p = be64(0) + be64(0) + be32(1) + be32(0) + be64(0);
    else
        p = be32(0) + be32(0) + be32(1) + be32(0) + be32(0);
    p += QByteArray(8, '\0') + be16(0) + be16(0) + be16(0) + be16(0) + matrix(quarterTurn);
    p += be32(quint32(width) << 16) + be32(quint32(height) << 16);
    return fullBox("tkhd", quint8(version), p);
}

QByteArray hdlr(const char* handler)
{
    return fullBox("hdlr", 0,
                   be32(0) + QByteArray(handler, 4) + QByteArray(12, '\0') + QByteArray("name\0", 5));
}

QByteArray trak(int width, int height, const char* handler = nullptr, bool quarterTurn = false,
                int version = 0)
{
    QByteArray inner = tkhd(width, height, quarterTurn, version);
    if (handler)
        inner += box("mdia", fullBox("mdhd", 0, QByteArray(20, '\0')) + hdlr(handler));
    return box("trak", inner);
}

QByteArray mdat(int bytes)
{
    return box("mdat", QByteArray(bytes, '\x55'));
}

// ftyp + moov(mvhd + trak) + mdat: 12.5 s at 1920x1080.
QByteArray plainMp4()
{
    return ftyp("isom") + box("moov", mvhd(1000, 12500) + trak(1920, 1080, "vide")) + mdat(400);
}

QByteArray avi(quint32 microsPerFrame, quint32 frames, quint32 width, quint32 height)
{
    QByteArray avih = le32(microsPerFrame) + le32(0) + le32(0) + le32(0) + le32(frames) + le32(0) + le32(1) +
                      le32(0) + le32(width) + le32(height) + QByteArray(16, '\0');
    QByteArray hdrl = QByteArray("hdrl") + QByteArray("avih") + le32(quint32(avih.size())) + avih;
    QByteArray list = QByteArray("LIST") + le32(quint32(hdrl.size())) + hdrl;
    QByteArray movi = QByteArray("LIST") + le32(4 + 16) + QByteArray("movi") + QByteArray(16, '\0');
    QByteArray body = QByteArray("AVI ") + list + movi;
    return QByteArray("RIFF") + le32(quint32(body.size())) + body;
}

} // namespace

class TstVideoprobe : public QObject
{
    Q_OBJECT

private slots:
    void parsesContainers_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<double>("duration"); // < 0 = unknown
        QTest::addColumn<QSize>("size");      // invalid = unknown

        QTest::newRow("mp4") << plainMp4() << "video/mp4" << 12.5 << QSize(1920, 1080);
        QTest::newRow("mov brand") << ftyp("qt  ") + box("moov", mvhd(600, 1800) + trak(640, 480)) + mdat(10)
                                   << "video/quicktime" << 3.0 << QSize(640, 480);
        QTest::newRow("moov after mdat")
            << ftyp("mp42") + mdat(5000) + box("moov", mvhd(1000, 2000) + trak(320, 240)) << "video/mp4"
            << 2.0 << QSize(320, 240);
        QTest::newRow("64-bit mvhd and tkhd")
            << ftyp("isom") + box("moov", mvhd(90000, 90000ULL * 3600, 1) + trak(1280, 720, "vide", false, 1))
            << "video/mp4" << 3600.0 << QSize(1280, 720);
        QTest::newRow("phone video rotated 90 degrees")
            << ftyp("isom") + box("moov", mvhd(1000, 5000) + trak(1920, 1080, "vide", true)) << "video/mp4"
            << 5.0 << QSize(1080, 1920);
        QTest::newRow("sound track first")
            << ftyp("isom") + box("moov", mvhd(1000, 7000) + trak(0, 0, "soun") + trak(854, 480, "vide"))
            << "video/mp4" << 7.0 << QSize(854, 480);
        QTest::newRow("64-bit box size")
            << ftyp("isom") + box("moov", mvhd(1000, 1000) + trak(16, 16)) + be32(1) + QByteArray("mdat") +
                   be64(16 + 32) + QByteArray(32, '\0')
            << "video/mp4" << 1.0 << QSize(16, 16);
        QTest::newRow("last box runs to the end")
            << ftyp("isom") + box("moov", mvhd(1000, 1000) + trak(16, 16)) + be32(0) + QByteArray("mdat") +
                   QByteArray(100, '\0')
            << "video/mp4" << 1.0 << QSize(16, 16);
        QTest::newRow("duration not given")
            << ftyp("isom") + box("moov", mvhd(1000, 0xFFFFFFFF) + trak(16, 16)) << "video/mp4" << -1.0
            << QSize(16, 16);
        QTest::newRow("fragmented: mvex/mehd")
            << ftyp("iso6") +
                   box("moov", mvhd(1000, 0) + trak(720, 576) + box("mvex", fullBox("mehd", 0, be32(4500))))
            << "video/mp4" << 4.5 << QSize(720, 576);
        QTest::newRow("old QuickTime without ftyp") << box("moov", mvhd(600, 600) + trak(320, 240)) + mdat(8)
                                                    << "video/quicktime" << 1.0 << QSize(320, 240);
        QTest::newRow("avi header") << avi(40000, 250, 640, 360) << "video/avi" << 10.0 << QSize(640, 360);
        // AVI is an accepted format: an unusual layout leaves the duration unknown instead of failing.
        QTest::newRow("avi without a readable header")
            << QByteArray("RIFF") + le32(4 + 12) + QByteArray("AVI ") + QByteArray("JUNK") + le32(4) +
                   QByteArray(4, '\0')
            << "video/avi" << -1.0 << QSize();
    }

    void parsesContainers()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mime);
        QFETCH(double, duration);
        QFETCH(QSize, size);

        const VideoProbeResult result = VideoProbe::probeBytes(bytes);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.info.mime, mime);
        QCOMPARE(result.info.byteSize, qint64(bytes.size()));
        if (duration < 0) {
            QVERIFY(!result.info.durationSeconds.has_value());
        } else {
            QVERIFY(result.info.durationSeconds.has_value());
            QCOMPARE(*result.info.durationSeconds, duration);
        }
        QCOMPARE(result.info.pixelSize, size);
    }

    void rejectsBrokenFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // a phrase the error must contain

        const QByteArray good = plainMp4();
        const int moovAt = good.indexOf("moov") - 4;
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("text") << QByteArray("just some words, not a video at all")
                              << "not a video Ark accepts";
        QTest::newRow("webm") << QByteArray::fromHex(
                                     "1a45dfa39f4286810142f7810142f2810442f381084282847765626d")
                              << "not a video Ark accepts";
        QTest::newRow("cut inside moov") << good.left(moovAt + 40) << "truncated";
        QTest::newRow("cut inside mdat") << good.left(good.size() - 100) << "truncated";
        QTest::newRow("cut inside a box header") << good.left(good.size() - 408 + 5) << "truncated";
        QTest::newRow("no moov") << ftyp("isom") + mdat(100) << "no movie header";
        QTest::newRow("time scale zero")
            << ftyp("isom") + box("moov", mvhd(0, 100) + trak(16, 16)) << "time scale";
        QTest::newRow("short mvhd") << ftyp("isom") +
                                           box("moov", fullBox("mvhd", 0, QByteArray(6, '\0')) + trak(16, 16))
                                    << "mvhd box at byte";
        QTest::newRow("no mvhd") << ftyp("isom") + box("moov", trak(16, 16)) << "no movie header (mvhd)";
        QTest::newRow("child larger than parent")
            << ftyp("isom") +
                   box("moov", mvhd(1000, 1000) + be32(500) + QByteArray("trak") + QByteArray(8, '\0'))
            << "runs past";
        QTest::newRow("box size under its header")
            << ftyp("isom") + be32(4) + QByteArray("moov") + QByteArray(20, '\0') << "impossible size";
        QTest::newRow("garbage after ftyp")
            << ftyp("isom") + QByteArray("\x00\x00\x00\x10\x01\x02\x03\x04", 8) + QByteArray(8, '\0')
            << "no valid box";
        QTest::newRow("sound only") << ftyp("M4A ") + box("moov", mvhd(1000, 1000) + trak(0, 0, "soun"))
                                    << "no video track";
        QTest::newRow("no tracks") << ftyp("isom") + box("moov", mvhd(1000, 1000)) << "lists no tracks";
        const QByteArray fullAvi = avi(40000, 250, 640, 360);
        QTest::newRow("avi cut short") << fullAvi.left(fullAvi.size() - 10) << "truncated";
    }

    void rejectsBrokenFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);

        const VideoProbeResult result = VideoProbe::probeBytes(bytes);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(expected, Qt::CaseInsensitive), qPrintable(result.error));
    }

    void probesFilesOnDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("clip.mp4"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(plainMp4());
        file.close();
        const VideoProbeResult result = VideoProbe::probeFile(path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.info.container, VideoInfo::Container::Mp4);
        QCOMPARE(result.info.brand, QStringLiteral("isom"));

        const VideoProbeResult missing = VideoProbe::probeFile(dir.filePath(QStringLiteral("missing.mp4")));
        QVERIFY(!missing.ok);
        QVERIFY(missing.error.contains(QStringLiteral("could not be opened")));
    }

    // Video limits (MediaLimits) at their boundaries: size 50 MB, fps [0.2, 5], 640 sampled frames, and the
    // 64 MB request body a base64 video must fit in.
    void videoLimits_data()
    {
        QTest::addColumn<QString>("mime");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<double>("duration"); // < 0 = unknown
        QTest::addColumn<double>("fps");      // < 0 = not set
        QTest::addColumn<bool>("dataUrl");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QStringList>("warnings");

        const qint64 mb = 1000 * 1000;
        QTest::newRow("small mp4") << "video/mp4" << 5 * mb << 30.0 << -1.0 << true << QStringList{}
                                   << QStringList{};
        QTest::newRow("mov") << "video/quicktime" << mb << 30.0 << 2.0 << true << QStringList{}
                             << QStringList{};
        QTest::newRow("uppercase mime is the same format")
            << "VIDEO/AVI" << mb << 30.0 << -1.0 << true << QStringList{} << QStringList{};
        QTest::newRow("webm") << "video/webm" << mb << 30.0 << -1.0 << true
                              << QStringList{QStringLiteral("video.format")} << QStringList{};
        QTest::newRow("exactly 50 MB by URL")
            << "video/mp4" << 50 * mb << 30.0 << -1.0 << false << QStringList{} << QStringList{};
        QTest::newRow("one byte over 50 MB") << "video/mp4" << 50 * mb + 1 << 30.0 << -1.0 << false
                                             << QStringList{QStringLiteral("video.bytes")} << QStringList{};
        // base64 grows 4/3: 48 MB of video is a 64 MB data URL.
        QTest::newRow("49 MB as data URL") << "video/mp4" << 49 * mb << 30.0 << -1.0 << true
                                           << QStringList{QStringLiteral("request.bytes")} << QStringList{};
        QTest::newRow("47 MB as data URL")
            << "video/mp4" << 47 * mb << 30.0 << -1.0 << true << QStringList{} << QStringList{};
        QTest::newRow("fps 0.2") << "video/mp4" << mb << 30.0 << 0.2 << true << QStringList{}
                                 << QStringList{};
        QTest::newRow("fps 5") << "video/mp4" << mb << 30.0 << 5.0 << true << QStringList{} << QStringList{};
        QTest::newRow("fps 0.19") << "video/mp4" << mb << 30.0 << 0.19 << true
                                  << QStringList{QStringLiteral("video.fps")} << QStringList{};
        QTest::newRow("fps 5.01") << "video/mp4" << mb << 30.0 << 5.01 << true
                                  << QStringList{QStringLiteral("video.fps")} << QStringList{};
        QTest::newRow("640 frames") << "video/mp4" << mb << 128.0 << 5.0 << true << QStringList{}
                                    << QStringList{};
        QTest::newRow("641 frames") << "video/mp4" << mb << 641.0 << -1.0 << true << QStringList{}
                                    << QStringList{QStringLiteral("video.frames")};
        QTest::newRow("unknown duration") << "video/avi" << mb << -1.0 << -1.0 << true << QStringList{}
                                          << QStringList{QStringLiteral("video.duration")};
    }

    void videoLimits()
    {
        QFETCH(QString, mime);
        QFETCH(qint64, bytes);
        QFETCH(double, duration);
        QFETCH(double, fps);
        QFETCH(bool, dataUrl);
        QFETCH(QStringList, errors);
        QFETCH(QStringList, warnings);

        MediaFacts facts;
        facts.kind = MediaKind::Video;
        facts.mime = mime;
        facts.byteSize = bytes;
        if (duration >= 0)
            facts.durationSeconds = duration;
        if (fps >= 0)
            facts.fps = fps;
        facts.sentAsDataUrl = dataUrl;
        QStringList gotErrors, gotWarnings;
        for (const LimitProblem& p : checkMedia(facts)) {
            QVERIFY(!p.message.isEmpty());
            (p.severity == LimitProblem::Severity::Error ? gotErrors : gotWarnings) << p.limit;
        }
        QCOMPARE(gotErrors, errors);
        QCOMPARE(gotWarnings, warnings);
        QCOMPARE(hasErrors(checkMedia(facts)), !errors.isEmpty());
    }

    void limitMessagesNameTheLimit()
    {
        MediaFacts facts;
        facts.kind = MediaKind::Video;
        facts.mime = QStringLiteral("video/mp4");
        facts.byteSize = 60'000'000;
        facts.sentAsDataUrl = false;
        facts.durationSeconds = 10;
        const QString text = problemText(checkMedia(facts));
        QVERIFY2(text.contains(QStringLiteral("50 MB")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("60 MB")), qPrintable(text));
    }

    void sniffsVideoMime_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("mime");
        QTest::newRow("isom") << ftyp("isom") << "video/mp4";
        QTest::newRow("qt") << ftyp("qt  ") << "video/quicktime";
        QTest::newRow("heic is an image") << ftyp("heic") << "image/heic";
        QTest::newRow("avif is not accepted") << ftyp("avif") << "";
        QTest::newRow("3gp is not accepted") << ftyp("3gp4") << "";
        QTest::newRow("avi") << avi(1, 1, 1, 1).left(32) << "video/avi";
    }

    void sniffsVideoMime()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, mime);
        QCOMPARE(sniffMime(head), mime);
    }
};

QTEST_GUILESS_MAIN(TstVideoprobe)
#include "tst_videoprobe.moc"
