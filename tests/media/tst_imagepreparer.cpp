// ImagePreparer: images built in memory are checked, kept byte for byte when they fit, or downscaled and
// re-encoded with a note; what cannot be fixed fails with a message naming the limit. Also the image limits
// of MediaLimits at their exact boundaries, and the asynchronous API (ids, store, cancel).
#include "media/AttachmentStore.h"
#include "media/ImagePreparer.h"
#include "media/MediaLimits.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace ark::media;

namespace {

// A smooth colour field: compresses like a photo, not like noise.
QImage gradient(int width, int height, QImage::Format format = QImage::Format_RGB888)
{
    QImage image(width, height, format);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int alpha = format == QImage::Format_ARGB32 ? (x * 255 / std::max(1, width - 1)) : 255;
            image.setPixel(
                x, y, qRgba(x * 255 / std::max(1, width - 1), y * 255 / std::max(1, height - 1), 128, alpha));
        }
    }
    return image;
}

// Incompressible pixels, for byte-limit cases.
QImage noise(int width, int height, bool alpha)
{
    QImage image(width, height, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<quint32*>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = alpha ? random.generate() : (random.generate() | 0xFF000000u);
    }
    return image;
}

// A big photo-like image filled by scan line (setPixel on 54 megapixels would be slow in a debug build).
QImage bigPhoto(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < width; ++x) {
            line[3 * x] = uchar(x / 40);
            line[3 * x + 1] = uchar(y / 30);
            line[3 * x + 2] = uchar((x + y) / 64);
        }
    }
    return image;
}

QByteArray encoded(const QImage& image, const char* format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("cannot encode the test image as %s", format);
    return bytes;
}

// Qt reads GIF but does not write it: a 4-colour GIF89a whose LZW stream sends a clear code every two pixels,
// so the code size never grows and no compression is needed.
QByteArray gif(int width, int height)
{
    auto le16 = [](int v) {
        return QByteArray(1, char(v & 0xFF)) + QByteArray(1, char(v >> 8));
    };
    QByteArray out("GIF89a");
    out += le16(width) + le16(height) + QByteArray("\xF1\0\0", 3);
    out += QByteArray("\0\0\0\xFF\0\0\0\xFF\0\0\0\xFF", 12); // black, red, green, blue
    out += QByteArray(1, '\x2C') + le16(0) + le16(0) + le16(width) + le16(height) + QByteArray(1, '\0');
    out += char(2); // LZW minimum code size: codes are 3 bits, clear = 4, end = 5
    QByteArray data;
    quint32 bits = 0;
    int count = 0;
    auto put = [&](int code) {
        bits |= quint32(code) << count;
        count += 3;
        while (count >= 8) {
            data += char(bits & 0xFF);
            bits >>= 8;
            count -= 8;
        }
    };
    for (int i = 0; i < width * height; ++i) {
        if (i % 2 == 0)
            put(4);
        put((i % width + i / width) % 4);
    }
    put(5);
    if (count > 0)
        data += char(bits & 0xFF);
    for (int at = 0; at < data.size(); at += 255) {
        const QByteArray block = data.mid(at, 255);
        out += char(block.size()) + block;
    }
    out += QByteArray("\0\x3B", 2);
    return out;
}

QImage decoded(const QByteArray& bytes)
{
    QImage image;
    image.loadFromData(bytes);
    return image;
}

// A JPEG whose EXIF orientation tag says "rotate 90 degrees clockwise to display" (6).
QByteArray jpegWithOrientation(const QImage& image, quint16 orientation)
{
    const QByteArray plain = encoded(image, "jpeg", 90);
    QByteArray tiff("MM\0\x2A\0\0\0\x08", 8);
    tiff += QByteArray("\0\x01", 2);                   // one IFD entry
    tiff += QByteArray("\x01\x12\0\x03\0\0\0\x01", 8); // Orientation, SHORT, count 1
    tiff += char(orientation >> 8);
    tiff += char(orientation & 0xFF);
    tiff += QByteArray(2, '\0');
    tiff += QByteArray(4, '\0'); // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1", 2);
    segment += char((payload.size() + 2) >> 8);
    segment += char((payload.size() + 2) & 0xFF);
    segment += payload;
    return plain.left(2) + segment + plain.mid(2);
}

bool anyTransparent(const QImage& image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y)
        for (int x = 0; x < argb.width(); ++x)
            if (qAlpha(argb.pixel(x, y)) < 255)
                return true;
    return false;
}

ImagePreparer::Options options(qint64 maxPixels = 0, qint64 maxBytes = limits::kMaxImageBytes,
                               VisionGeneration generation = VisionGeneration::Current)
{
    ImagePreparer::Options o;
    o.maxPixels = maxPixels;
    o.maxBytes = maxBytes;
    o.generation = generation;
    return o;
}

QStringList limitIds(const std::vector<LimitProblem>& problems)
{
    QStringList ids;
    for (const LimitProblem& p : problems)
        ids << p.limit;
    return ids;
}

} // namespace

class TstImagepreparer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The tests below need the JPEG reader and writer; they are part of Qt's default plugins.
        QVERIFY(QImageReader::supportedImageFormats().contains("jpeg"));
        QVERIFY(QImageWriter::supportedImageFormats().contains("jpeg"));
    }

    // --- MediaLimits: image checks at the exact boundaries -------------------------------------------------

    void imageLimits_data()
    {
        QTest::addColumn<int>("generation"); // 0 current, 1 legacy
        QTest::addColumn<QString>("mime");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<int>("minPixels"); // 0 = unset
        QTest::addColumn<int>("maxPixels"); // 0 = unset
        QTest::addColumn<QStringList>("errors");

        const QStringList none;
        auto ids = [](const char* id) {
            return QStringList{QString::fromLatin1(id)};
        };
        QTest::newRow("ordinary photo")
            << 0 << "image/jpeg" << qint64(3'000'000) << QSize(4000, 3000) << "" << 0 << 0 << none;
        QTest::newRow("bytes one under 10 MB")
            << 0 << "image/png" << qint64(9'999'999) << QSize(100, 100) << "" << 0 << 0 << none;
        QTest::newRow("bytes exactly 10 MB") << 0 << "image/png" << qint64(10'000'000) << QSize(100, 100)
                                             << "" << 0 << 0 << ids("image.bytes");
        QTest::newRow("area exactly 36M")
            << 0 << "image/png" << qint64(1000) << QSize(7200, 5000) << "" << 0 << 0 << none;
        QTest::newRow("area over 36M")
            << 0 << "image/png" << qint64(1000) << QSize(7201, 5000) << "" << 0 << 0 << ids("image.area");
        QTest::newRow("sides 15") << 0 << "image/png" << qint64(1000) << QSize(15, 15) << "" << 0 << 0
                                  << none;
        QTest::newRow("side 14") << 0 << "image/png" << qint64(1000) << QSize(14, 1000) << "" << 0 << 0
                                 << ids("image.side");
        QTest::newRow("legacy side 6000")
            << 1 << "image/png" << qint64(1000) << QSize(6000, 60) << "" << 0 << 0 << none;
        QTest::newRow("legacy side 6001")
            << 1 << "image/png" << qint64(1000) << QSize(6001, 100) << "" << 0 << 0 << ids("image.side");
        QTest::newRow("legacy side 10")
            << 1 << "image/png" << qint64(1000) << QSize(10, 10) << "" << 0 << 0 << none;
        QTest::newRow("legacy side 9")
            << 1 << "image/png" << qint64(1000) << QSize(9, 10) << "" << 0 << 0 << ids("image.side");
        QTest::newRow("legacy aspect 101:1")
            << 1 << "image/png" << qint64(1000) << QSize(5959, 59) << "" << 0 << 0 << ids("image.aspect");
        QTest::newRow("current has no aspect rule")
            << 0 << "image/png" << qint64(1000) << QSize(5959, 59) << "" << 0 << 0 << none;
        QTest::newRow("tiff") << 0 << "image/tiff" << qint64(1000) << QSize(100, 100) << "" << 0 << 0 << none;
        QTest::newRow("avif") << 0 << "image/avif" << qint64(1000) << QSize(100, 100) << "" << 0 << 0
                              << ids("image.format");
        QTest::newRow("heic current")
            << 0 << "image/heic" << qint64(1000) << QSize(100, 100) << "" << 0 << 0 << none;
        QTest::newRow("heic legacy") << 1 << "image/heic" << qint64(1000) << QSize(100, 100) << "" << 0 << 0
                                     << ids("image.format");
        QTest::newRow("detail high") << 0 << "image/png" << qint64(1000) << QSize(100, 100) << "high" << 0
                                     << 0 << none;
        QTest::newRow("detail medium") << 0 << "image/png" << qint64(1000) << QSize(100, 100) << "medium" << 0
                                       << 0 << ids("image.detail");
        QTest::newRow("pixel limits at the ends")
            << 0 << "image/png" << qint64(1000) << QSize(100, 100) << "" << 3136 << 4014080 << none;
        QTest::newRow("min pixels 3135") << 0 << "image/png" << qint64(1000) << QSize(100, 100) << "" << 3135
                                         << 0 << ids("image.pixel_limit");
        QTest::newRow("max pixels 4014081") << 0 << "image/png" << qint64(1000) << QSize(100, 100) << "" << 0
                                            << 4014081 << ids("image.pixel_limit");
        QTest::newRow("min equals max") << 0 << "image/png" << qint64(1000) << QSize(100, 100) << "" << 5000
                                        << 5000 << ids("image.pixel_limit");
        QTest::newRow("min over detail low's max") << 0 << "image/png" << qint64(1000) << QSize(100, 100)
                                                   << "low" << 2'000'000 << 0 << ids("image.pixel_limit");
        QTest::newRow("min under detail high's max")
            << 0 << "image/png" << qint64(1000) << QSize(100, 100) << "high" << 2'000'000 << 0 << none;
    }

    void imageLimits()
    {
        QFETCH(int, generation);
        QFETCH(QString, mime);
        QFETCH(qint64, bytes);
        QFETCH(QSize, size);
        QFETCH(QString, detail);
        QFETCH(int, minPixels);
        QFETCH(int, maxPixels);
        QFETCH(QStringList, errors);

        MediaFacts facts;
        facts.kind = MediaKind::Image;
        facts.mime = mime;
        facts.byteSize = bytes;
        facts.pixelSize = size;
        facts.detail = detail;
        if (minPixels)
            facts.minPixels = minPixels;
        if (maxPixels)
            facts.maxPixels = maxPixels;
        const std::vector<LimitProblem> problems =
            checkMedia(facts, generation ? VisionGeneration::Legacy : VisionGeneration::Current);
        QCOMPARE(limitIds(problems), errors);
        for (const LimitProblem& p : problems) {
            QCOMPARE(p.severity, LimitProblem::Severity::Error);
            QVERIFY(!p.message.isEmpty());
        }
    }

    void limitMessagesNameTheLimit()
    {
        MediaFacts facts;
        facts.kind = MediaKind::Image;
        facts.mime = QStringLiteral("image/jpeg");
        facts.byteSize = 12'300'000;
        facts.pixelSize = QSize(9000, 6000);
        const QString text = problemText(checkMedia(facts));
        QVERIFY2(text.contains(QStringLiteral("10 MB")) && text.contains(QStringLiteral("12.3 MB")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("9000×6000")), qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(qint64(36'000'000))), qPrintable(text));
    }

    void requestLimits()
    {
        QVERIFY(checkRequestBody(64'000'000).empty());
        QCOMPARE(limitIds(checkRequestBody(64'000'001)), QStringList{QStringLiteral("request.bytes")});
        QCOMPARE(dataUrlLength(3, QStringLiteral("image/png")),
                 qint64(QByteArray("data:image/png;base64,AAAA").size()));
        QCOMPARE(dataUrlLength(4, QStringLiteral("image/png")), qint64(22 + 8));
        QVERIFY(checkImageTokens(32000, 32000).empty());
        QCOMPARE(limitIds(checkImageTokens(32001, 32000)),
                 QStringList{QStringLiteral("request.image_tokens")});
        QCOMPARE(checkImageTokens(32001, 32000).front().severity, LimitProblem::Severity::Warning);
    }

    void imageTokens_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<int>("legacy");
        QTest::addColumn<int>("tokens");
        // The docs' own examples (L16567-16568): 1280x720 -> 1176; 1920x1080 -> 2645 capped to 1312.
        QTest::newRow("1280x720 low") << QSize(1280, 720) << "low" << 0 << 1176;
        QTest::newRow("1920x1080 low") << QSize(1920, 1080) << "low" << 0 << 1312;
        QTest::newRow("1920x1080 high") << QSize(1920, 1080) << "high" << 0 << 2645;
        QTest::newRow("huge high caps at 5120") << QSize(8000, 6000) << "high" << 0 << 5120;
        QTest::newRow("legacy high caps at 1312") << QSize(1920, 1080) << "high" << 1 << 1312;
        QTest::newRow("tiny image counts min_pixels") << QSize(20, 20) << "" << 0 << 4; // 3136 / 784
        QTest::newRow("auto is low") << QSize(1920, 1080) << "auto" << 0 << 1312;
    }

    void imageTokens()
    {
        QFETCH(QSize, size);
        QFETCH(QString, detail);
        QFETCH(int, legacy);
        QFETCH(int, tokens);
        QCOMPARE(estimatedImageTokens(size, detail, std::nullopt, std::nullopt,
                                      legacy ? VisionGeneration::Legacy : VisionGeneration::Current),
                 tokens);
    }

    void fitPixelSize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("legacy");
        QTest::addColumn<qint64>("maxArea");
        QTest::addColumn<QSize>("expected"); // invalid = cannot fit

        QTest::newRow("fits") << QSize(4000, 3000) << 0 << qint64(0) << QSize(4000, 3000);
        QTest::newRow("exactly 36M") << QSize(7200, 5000) << 0 << qint64(0) << QSize(7200, 5000);
        QTest::newRow("9000x6000") << QSize(9000, 6000) << 0 << qint64(0) << QSize(7348, 4898);
        QTest::newRow("portrait 6000x9000") << QSize(6000, 9000) << 0 << qint64(0) << QSize(4898, 7348);
        QTest::newRow("extra area limit exact") << QSize(100, 100) << 0 << qint64(10000) << QSize(100, 100);
        QTest::newRow("extra area limit one over") << QSize(101, 100) << 0 << qint64(10000) << QSize(100, 99);
        QTest::newRow("too thin: enlarged") << QSize(1000, 5) << 0 << qint64(0) << QSize(3000, 15);
        QTest::newRow("14 pixels: enlarged") << QSize(14, 14) << 0 << qint64(0) << QSize(15, 15);
        QTest::newRow("too thin to enlarge within the area")
            << QSize(100000, 2) << 0 << qint64(10000) << QSize();
        QTest::newRow("legacy long side") << QSize(9000, 3000) << 1 << qint64(0) << QSize(6000, 2000);
        QTest::newRow("legacy 100:1 is fine") << QSize(1000, 10) << 1 << qint64(0) << QSize(1000, 10);
        QTest::newRow("legacy 9 pixels enlarged") << QSize(90, 9) << 1 << qint64(0) << QSize(100, 10);
        QTest::newRow("legacy aspect over 100:1") << QSize(1010, 10) << 1 << qint64(0) << QSize();
        QTest::newRow("empty") << QSize(0, 10) << 0 << qint64(0) << QSize();
    }

    void fitPixelSize()
    {
        QFETCH(QSize, size);
        QFETCH(int, legacy);
        QFETCH(qint64, maxArea);
        QFETCH(QSize, expected);
        const VisionGeneration generation = legacy ? VisionGeneration::Legacy : VisionGeneration::Current;
        const QSize fitted = ark::media::fitPixelSize(size, generation, maxArea);
        QCOMPARE(fitted, expected);
        if (fitted.isValid()) {
            MediaFacts facts;
            facts.pixelSize = fitted;
            QVERIFY(!hasErrors(checkMedia(facts, generation)));
            if (maxArea > 0)
                QVERIFY(qint64(fitted.width()) * fitted.height() <= maxArea);
        }
    }

    // --- ImagePreparer ---------------------------------------------------------------------------------

    void keepsFittingImagesByteForByte_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QSize>("size");
        QTest::newRow("jpeg") << encoded(gradient(640, 480), "jpeg", 85) << "image/jpeg" << QSize(640, 480);
        QTest::newRow("png with alpha")
            << encoded(gradient(300, 200, QImage::Format_ARGB32), "png") << "image/png" << QSize(300, 200);
        QTest::newRow("gif") << gif(64, 48) << "image/gif" << QSize(64, 48);
        QTest::newRow("bmp") << encoded(gradient(50, 40), "bmp") << "image/bmp" << QSize(50, 40);
        QTest::newRow("webp") << encoded(gradient(120, 90), "webp", 80) << "image/webp" << QSize(120, 90);
        QTest::newRow("tiff") << encoded(gradient(33, 44), "tiff") << "image/tiff" << QSize(33, 44);
        QTest::newRow("smallest allowed sides")
            << encoded(gradient(15, 15), "png") << "image/png" << QSize(15, 15);
    }

    void keepsFittingImagesByteForByte()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mime);
        QFETCH(QSize, size);
        const PrepareResult r = ImagePreparer::prepareBytesNow(bytes, QStringLiteral("kept"), options());
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!r.prepared.changed);
        QCOMPARE(r.prepared.bytes, bytes);
        QCOMPARE(r.prepared.attachment.mime, mime);
        QCOMPARE(r.prepared.attachment.pixelSize, size);
        QCOMPARE(r.prepared.attachment.byteSize, qint64(bytes.size()));
        QCOMPARE(r.prepared.attachment.hash, AttachmentStore::hashOf(bytes));
        QVERIFY(r.prepared.attachment.note.isEmpty());
        QCOMPARE(r.prepared.attachment.originalName, QStringLiteral("kept"));
        QVERIFY(!r.prepared.thumbnail.isNull());
        QVERIFY(r.prepared.thumbnail.width() <= 256 && r.prepared.thumbnail.height() <= 256);
    }

    void downscalesHugePhoto()
    {
        // 9000x6000 = 54 megapixels, over the 36M limit: downscaled keeping 3:2, re-encoded as JPEG, and said
        // so.
        const QByteArray bytes = encoded(bigPhoto(9000, 6000), "jpeg", 80);
        const PrepareResult r = ImagePreparer::prepareBytesNow(bytes, QStringLiteral("big.jpg"), options());
        QVERIFY2(r.ok, qPrintable(r.error));
        const Attachment& a = r.prepared.attachment;
        QVERIFY(r.prepared.changed);
        QCOMPARE(a.mime, QStringLiteral("image/jpeg"));
        // 7348x4898 is the largest 3:2 size within 36M pixels; where Qt's allocation limit (128 MB by
        // default) cannot hold the full decode, JPEG's half-scale decoding gives 4500x3000. Either keeps the
        // aspect ratio.
        QVERIFY2(a.pixelSize == QSize(7348, 4898) || a.pixelSize == QSize(4500, 3000),
                 qPrintable(pixelSizeText(a.pixelSize)));
        QCOMPARE(r.prepared.originalPixelSize, QSize(9000, 6000));
        QCOMPARE(r.prepared.originalByteSize, qint64(bytes.size()));
        QVERIFY(a.byteSize < limits::kMaxImageBytes);
        QCOMPARE(decoded(r.prepared.bytes).size(), a.pixelSize);
        QVERIFY2(
            a.note.contains(QStringLiteral("Downscaled from 9000×6000 to ") + pixelSizeText(a.pixelSize)),
            qPrintable(a.note));
        QVERIFY2(a.note.contains(QStringLiteral("JPEG (quality 90)")), qPrintable(a.note));
        QVERIFY2(a.note.contains(QLocale().toString(qint64(36'000'000))), qPrintable(a.note));
        QVERIFY(!hasErrors(a.check()));
    }

    void reencodesWhenOverALimit_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("maxPixels");
        QTest::addColumn<qint64>("maxBytes");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<bool>("transparent");
        QTest::addColumn<QString>("noteHas");

        const QByteArray alphaPng = encoded(gradient(200, 200, QImage::Format_ARGB32), "png");
        QTest::newRow("alpha png over pixels stays png")
            << alphaPng << qint64(10000) << limits::kMaxImageBytes << "image/png" << true
            << "Downscaled from 200×200 to 100×100";
        QTest::newRow("opaque png over pixels stays png")
            << encoded(gradient(200, 200), "png") << qint64(10000) << limits::kMaxImageBytes << "image/png"
            << false << "re-encoded as PNG";
        QTest::newRow("jpeg over pixels")
            << encoded(gradient(200, 200), "jpeg", 90) << qint64(10000) << limits::kMaxImageBytes
            << "image/jpeg" << false << "JPEG (quality 90)";
        const QByteArray noisy = encoded(noise(300, 300, false), "png");
        QTest::newRow("opaque noise over bytes becomes jpeg")
            << noisy << qint64(0) << qint64(noisy.size() / 3) << "image/jpeg" << false << "JPEG (quality";
        const QByteArray noisyAlpha = encoded(noise(300, 300, true), "png");
        QTest::newRow("alpha noise over bytes shrinks as png")
            << noisyAlpha << qint64(0) << qint64(noisyAlpha.size() / 3) << "image/png" << true
            << "Ark accepts images under";
        QTest::newRow("byte limit is exclusive") << alphaPng << qint64(0) << qint64(alphaPng.size())
                                                 << "image/png" << true << "Ark accepts images under";
        QTest::newRow("ppm is converted")
            << encoded(gradient(40, 30), "ppm") << qint64(0) << limits::kMaxImageBytes << "image/png" << false
            << "Ark does not accept PPM images";
        QTest::newRow("too thin is enlarged")
            << encoded(gradient(400, 4), "png") << qint64(0) << limits::kMaxImageBytes << "image/png" << false
            << "Enlarged from 400×4 to 1500×15";
    }

    void reencodesWhenOverALimit()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, maxPixels);
        QFETCH(qint64, maxBytes);
        QFETCH(QString, mime);
        QFETCH(bool, transparent);
        QFETCH(QString, noteHas);

        const PrepareResult r =
            ImagePreparer::prepareBytesNow(bytes, QStringLiteral("x"), options(maxPixels, maxBytes));
        QVERIFY2(r.ok, qPrintable(r.error));
        const Attachment& a = r.prepared.attachment;
        QVERIFY(r.prepared.changed);
        QVERIFY(r.prepared.bytes != bytes);
        QCOMPARE(a.mime, mime);
        QCOMPARE(sniffMime(r.prepared.bytes.left(64)), mime);
        QVERIFY(a.byteSize < maxBytes);
        QCOMPARE(a.byteSize, qint64(r.prepared.bytes.size()));
        if (maxPixels > 0)
            QVERIFY(qint64(a.pixelSize.width()) * a.pixelSize.height() <= maxPixels);
        const QImage result = decoded(r.prepared.bytes);
        QCOMPARE(result.size(), a.pixelSize);
        QCOMPARE(anyTransparent(result), transparent);
        QVERIFY2(a.note.contains(noteHas), qPrintable(a.note));
        // The aspect ratio is kept (within one pixel of rounding).
        const QSize original = decoded(bytes).size();
        QVERIFY(std::abs(double(a.pixelSize.width()) / a.pixelSize.height() -
                         double(original.width()) / original.height()) <
                double(original.width()) / original.height() * 0.02 + 1.0 / a.pixelSize.height());
    }

    void pixelLimitBoundary()
    {
        const QByteArray exact = encoded(gradient(100, 100), "png");
        const PrepareResult kept = ImagePreparer::prepareBytesNow(exact, QString(), options(10000));
        QVERIFY2(kept.ok, qPrintable(kept.error));
        QVERIFY(!kept.prepared.changed);
        QCOMPARE(kept.prepared.bytes, exact);

        const PrepareResult shrunk =
            ImagePreparer::prepareBytesNow(encoded(gradient(101, 100), "png"), QString(), options(10000));
        QVERIFY2(shrunk.ok, qPrintable(shrunk.error));
        QVERIFY(shrunk.prepared.changed);
        QCOMPARE(shrunk.prepared.attachment.pixelSize, QSize(100, 99));

        // One byte more room than the file needs: kept.
        const PrepareResult roomy =
            ImagePreparer::prepareBytesNow(exact, QString(), options(0, exact.size() + 1));
        QVERIFY(roomy.ok);
        QVERIFY(!roomy.prepared.changed);
    }

    void honoursExifOrientation()
    {
        const QByteArray bytes = jpegWithOrientation(gradient(40, 20), 6);
        QImageReader probe;
        QBuffer buffer;
        buffer.setData(bytes);
        probe.setDevice(&buffer);
        QCOMPARE(probe.transformation(),
                 QImageIOHandler::Transformations(
                     QImageIOHandler::TransformationRotate90)); // the test file is what we think

        const PrepareResult r = ImagePreparer::prepareBytesNow(bytes, QStringLiteral("phone.jpg"), options());
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.prepared.changed);
        QCOMPARE(r.prepared.attachment.pixelSize, QSize(20, 40));
        QCOMPARE(r.prepared.originalPixelSize, QSize(20, 40));
        QCOMPARE(decoded(r.prepared.bytes).size(), QSize(20, 40)); // upright without any EXIF left to apply
        QVERIFY2(r.prepared.attachment.note.contains(QStringLiteral("EXIF")),
                 qPrintable(r.prepared.attachment.note));
        QCOMPARE(r.prepared.thumbnail.size(), QSize(20, 40));

        // Rotated and over the area limit: the limit applies to the upright image.
        const QByteArray tall = jpegWithOrientation(gradient(200, 100), 6);
        const PrepareResult both = ImagePreparer::prepareBytesNow(tall, QString(), options(5000));
        QVERIFY2(both.ok, qPrintable(both.error));
        QCOMPARE(both.prepared.attachment.pixelSize, QSize(50, 100));
        QVERIFY(both.prepared.attachment.note.contains(QStringLiteral("Downscaled from 100×200 to 50×100")));
    }

    void failsWithAClearMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("legacy");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("limit");

        const QByteArray jpeg = encoded(gradient(64, 64), "jpeg", 90);
        QByteArray garbage = jpeg.left(20);
        garbage += QByteArray(400, '\x07');
        QTest::newRow("empty") << QByteArray() << 0 << "is empty"
                               << "";
        QTest::newRow("corrupt jpeg") << garbage << 0 << "could not be read; the file may be damaged"
                                      << "";
        QTest::newRow("png signature only") << QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(50, '\x01')
                                            << 0 << "could not be read; the file may be damaged"
                                            << "";
        QTest::newRow("text") << QByteArray("hello, this is not an image") << 0 << "not an image Ark accepts"
                              << "image.format";
        QTest::newRow("a video") << QByteArray("\0\0\0\x18"
                                               "ftypisom\0\0\x02\0isommp41",
                                               24)
                                 << 0 << "is a video"
                                 << "";
        QTest::newRow("legacy aspect ratio")
            << encoded(gradient(1010, 10), "png") << 1 << "aspect ratio of 101:1"
            << "image.aspect";
        QTest::newRow("heic on a legacy model") << QByteArray("\0\0\0\x18"
                                                              "ftypheic\0\0\0\0mif1heic",
                                                              24) +
                                                       QByteArray(100, '\0')
                                                << 1 << "doubao-1.5-vision-pro"
                                                << "image.format";
    }

    void failsWithAClearMessage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, legacy);
        QFETCH(QString, expected);
        QFETCH(QString, limit);
        const PrepareResult r = ImagePreparer::prepareBytesNow(
            bytes, QStringLiteral("photo.jpg"),
            options(0, limits::kMaxImageBytes,
                    legacy ? VisionGeneration::Legacy : VisionGeneration::Current));
        QVERIFY(!r.ok);
        QVERIFY(!r.cancelled);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        if (!bytes.isEmpty() && !r.error.contains(QStringLiteral("video")))
            QVERIFY2(r.error.contains(QStringLiteral("photo.jpg")), qPrintable(r.error));
        QCOMPARE(r.limit, limit);
    }

    void passesThroughFormatsQtCannotDecode()
    {
        // HEIC is accepted by current models but not decodable here: sent as is, with a warning.
        const QByteArray heic = QByteArray("\0\0\0\x18"
                                           "ftypheic\0\0\0\0mif1heic",
                                           24) +
                                QByteArray(100, '\0');
        const PrepareResult r = ImagePreparer::prepareBytesNow(heic, QStringLiteral("a.heic"), options());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.prepared.bytes, heic);
        QVERIFY(!r.prepared.changed);
        QCOMPARE(r.prepared.attachment.mime, QStringLiteral("image/heic"));
        QVERIFY(!r.prepared.attachment.pixelSize.isValid());
        QCOMPARE(limitIds(r.prepared.warnings), QStringList{QStringLiteral("image.area")});

        const PrepareResult tooBig =
            ImagePreparer::prepareBytesNow(heic, QStringLiteral("a.heic"), options(0, 50));
        QVERIFY(!tooBig.ok);
        QCOMPARE(tooBig.limit, QStringLiteral("image.bytes"));
    }

    void pastedImages_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<qint64>("maxPixels");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("noted");
        QTest::newRow("screenshot") << gradient(320, 200) << qint64(0) << "image/png" << QSize(320, 200)
                                    << false;
        QTest::newRow("transparent") << gradient(64, 64, QImage::Format_ARGB32) << qint64(0) << "image/png"
                                     << QSize(64, 64) << false;
        QTest::newRow("large paste") << gradient(400, 300) << qint64(30000) << "image/png" << QSize(200, 150)
                                     << true;
    }

    void pastedImages()
    {
        QFETCH(QImage, image);
        QFETCH(qint64, maxPixels);
        QFETCH(QString, mime);
        QFETCH(QSize, size);
        QFETCH(bool, noted);
        const PrepareResult r = ImagePreparer::prepareImageNow(image, QString(), options(maxPixels));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.prepared.changed);
        QCOMPARE(r.prepared.attachment.mime, mime);
        QCOMPARE(r.prepared.attachment.pixelSize, size);
        QCOMPARE(decoded(r.prepared.bytes).size(), size);
        QCOMPARE(r.prepared.originalByteSize, qint64(-1));
        QCOMPARE(!r.prepared.attachment.note.isEmpty(), noted);
        QVERIFY(r.prepared.attachment.originalName.isEmpty());
    }

    void nothingToPaste()
    {
        const PrepareResult r = ImagePreparer::prepareImageNow(QImage(), QString(), options());
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QStringLiteral("empty")));
    }

    void cancelledBeforeWork()
    {
        std::atomic_bool cancelled{true};
        const PrepareResult r = ImagePreparer::prepareBytesNow(encoded(gradient(50, 50), "png"), QString(),
                                                               options(1000), nullptr, &cancelled);
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
    }

    // --- the asynchronous API ----------------------------------------------------------------------------

    void preparesFilesOnAWorkerAndStoresThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        const QString photo = dir.filePath(QStringLiteral("photo.png"));
        const QByteArray photoBytes = encoded(gradient(120, 80), "png");
        {
            QFile f(photo);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(photoBytes);
        }
        const QString broken = dir.filePath(QStringLiteral("broken.jpg"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(100, '\x11'));
        }

        ImagePreparer preparer;
        preparer.setStore(&store);
        QSignalSpy prepared(&preparer, &ImagePreparer::prepared);
        QSignalSpy failed(&preparer, &ImagePreparer::failed);
        const int ok = preparer.prepareFile(photo);
        const int bad = preparer.prepareFile(broken);
        QVERIFY(ok > 0 && bad > 0 && ok != bad);
        QCOMPARE(preparer.pendingCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(prepared.size() + failed.size(), 2, 30000);
        QCOMPARE(preparer.pendingCount(), 0);

        QCOMPARE(prepared.size(), 1);
        QCOMPARE(prepared.at(0).at(0).toInt(), ok);
        const auto result = prepared.at(0).at(1).value<PreparedAttachment>();
        QCOMPARE(result.attachment.originalName, QStringLiteral("photo.png"));
        QCOMPARE(result.attachment.hash, AttachmentStore::hashOf(photoBytes));
        QCOMPARE(result.attachment.storedPath, store.pathFor(result.attachment.hash));
        QFile stored(result.attachment.storedPath);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), photoBytes);

        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), bad);
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("broken.jpg")));
    }

    void preparesVideoFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        auto be32 = [](quint32 v) {
            QByteArray b(4, '\0');
            qToBigEndian(v, b.data());
            return b;
        };
        auto box = [&](const char* type, const QByteArray& payload) {
            return be32(quint32(8 + payload.size())) + QByteArray(type, 4) + payload;
        };
        const QByteArray mvhd = box("mvhd", QByteArray(4, '\0') + be32(0) + be32(0) + be32(1000) +
                                                be32(8000) + QByteArray(80, '\0'));
        const QByteArray tkhd = box("tkhd", QByteArray(4, '\0') + QByteArray(20 + 16, '\0') + be32(0x10000) +
                                                QByteArray(12, '\0') + be32(0x10000) + QByteArray(12, '\0') +
                                                be32(0x40000000) + be32(640u << 16) + be32(360u << 16));
        const QByteArray mp4 = box("ftyp", QByteArray("isom\0\0\0\0isom", 12)) +
                               box("moov", mvhd + box("trak", tkhd)) + box("mdat", QByteArray(1000, '\x42'));
        const QString clip = dir.filePath(QStringLiteral("clip.mp4"));
        {
            QFile f(clip);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(mp4);
        }
        const PrepareResult r = ImagePreparer::prepareFileNow(clip, options(), &store);
        QVERIFY2(r.ok, qPrintable(r.error));
        const Attachment& a = r.prepared.attachment;
        QCOMPARE(a.kind, MediaKind::Video);
        QCOMPARE(a.mime, QStringLiteral("video/mp4"));
        QCOMPARE(a.durationSeconds, std::optional<double>(8.0));
        QCOMPARE(a.pixelSize, QSize(640, 360));
        QCOMPARE(a.byteSize, qint64(mp4.size()));
        QCOMPARE(a.hash, AttachmentStore::hashOf(mp4));
        QVERIFY(QFile::exists(a.storedPath));
        QVERIFY(r.prepared.bytes.isEmpty());

        // A file named like a video that is not one.
        const QString fake = dir.filePath(QStringLiteral("fake.mkv"));
        {
            QFile f(fake);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromHex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d"));
        }
        const PrepareResult bad = ImagePreparer::prepareFileNow(fake, options(), &store);
        QVERIFY(!bad.ok);
        QVERIFY2(bad.error.contains(QStringLiteral("MP4")), qPrintable(bad.error));
    }

    void cancelledResultsNeverArrive()
    {
        ImagePreparer preparer;
        QSignalSpy prepared(&preparer, &ImagePreparer::prepared);
        QSignalSpy failed(&preparer, &ImagePreparer::failed);
        const QByteArray png = encoded(gradient(80, 60), "png");
        const int first = preparer.prepareBytes(png, QStringLiteral("first"));
        const int second = preparer.prepareBytes(png, QStringLiteral("second"));
        const int third = preparer.prepareImage(gradient(30, 30), QStringLiteral("third"));
        preparer.cancel(second);
        QVERIFY(!preparer.isPending(second));
        QVERIFY(preparer.isPending(first));
        // Jobs run in order on one worker and results are posted in order: once the third has arrived, the
        // second would have arrived before it had it not been cancelled.
        QTRY_VERIFY_WITH_TIMEOUT(!preparer.isPending(third), 30000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(prepared.size(), 2);
        QCOMPARE(prepared.at(0).at(0).toInt(), first);
        QCOMPARE(prepared.at(1).at(0).toInt(), third);
        QCOMPARE(prepared.at(1).at(1).value<PreparedAttachment>().attachment.mime,
                 QStringLiteral("image/png"));
    }

    void destroyingThePreparerMidJobIsSafe()
    {
        QSize seen;
        {
            ImagePreparer preparer;
            connect(&preparer, &ImagePreparer::prepared, this,
                    [&seen](int, const PreparedAttachment& p) { seen = p.attachment.pixelSize; });
            preparer.prepareImage(gradient(500, 500));
            preparer.prepareImage(gradient(500, 500));
        } // the destructor cancels and waits; nothing is delivered afterwards
        QCoreApplication::processEvents();
        QVERIFY(!seen.isValid());
    }
};

QTEST_GUILESS_MAIN(TstImagepreparer)
#include "tst_imagepreparer.moc"
