// AttachmentStore (dedup by content hash, garbage collection) and Attachment (JSON for the database, the
// request's content part with a lowercase data URL).
#include "media/Attachment.h"
#include "media/AttachmentStore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace ark::media;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), qint64(bytes.size()));
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Attachment storedImage(AttachmentStore& store, const QByteArray& bytes, const QString& mime)
{
    Attachment a;
    a.kind = MediaKind::Image;
    a.mime = mime;
    a.storedPath = store.store(bytes, mime, nullptr, &a.hash);
    a.byteSize = bytes.size();
    return a;
}

} // namespace

class TstAttachmentstore : public QObject
{
    Q_OBJECT

private slots:
    void hashIsSha256Hex()
    {
        // SHA-256("abc"), FIPS 180-2 test vector.
        QCOMPARE(AttachmentStore::hashOf("abc"),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QVERIFY(AttachmentStore::isHash(AttachmentStore::hashOf("x")));
        QVERIFY(!AttachmentStore::isHash(
            QStringLiteral("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")));
        QVERIFY(!AttachmentStore::isHash(QStringLiteral("../etc/passwd")));
    }

    void storesOnceByContent_data()
    {
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("jpeg") << "image/jpeg"
                              << ".jpg";
        QTest::newRow("png") << "image/png"
                             << ".png";
        QTest::newRow("quicktime") << "video/quicktime"
                                   << ".mov";
        QTest::newRow("uppercase mime") << "IMAGE/WEBP"
                                        << ".webp";
        QTest::newRow("unknown mime: no extension") << "application/octet-stream"
                                                    << "";
    }

    void storesOnceByContent()
    {
        QFETCH(QString, mime);
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        const QByteArray bytes = QByteArrayLiteral("pretend image bytes \x00\x01\x02");
        const QString hash = AttachmentStore::hashOf(bytes);
        QVERIFY(!store.contains(hash));
        QVERIFY(store.pathFor(hash).isEmpty());

        QString error, gotHash;
        const QString path = store.store(bytes, mime, &error, &gotHash);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QCOMPARE(gotHash, hash);
        QCOMPARE(QFileInfo(path).fileName(), hash + suffix);
        QCOMPARE(QFileInfo(path).dir().dirName(), hash.left(2));
        QCOMPARE(readFile(path), bytes);
        QVERIFY(store.contains(hash));
        QCOMPARE(store.pathFor(hash), path);

        // The same bytes again, even announced with another type, are the same file.
        const QString again = store.store(bytes, QStringLiteral("image/png"));
        QCOMPARE(again, path);
        QCOMPARE(store.storedHashes(), QSet<QString>{hash});
    }

    void storesFilesInBlocks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        QByteArray big(3 * 1024 * 1024 + 17, '\0');
        for (int i = 0; i < big.size(); ++i)
            big[i] = char((i * 7919) >> 3);
        const QString source = dir.filePath(QStringLiteral("clip.mp4"));
        writeFile(source, big);

        QString error, hash;
        const QString path = store.storeFile(source, QStringLiteral("video/mp4"), &error, &hash);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QCOMPARE(hash, AttachmentStore::hashOf(big));
        QVERIFY(path.endsWith(QStringLiteral(".mp4")));
        QCOMPARE(readFile(path), big);
        // Storing the same content from memory finds the file.
        QCOMPARE(store.store(big, QStringLiteral("video/mp4")), path);

        QVERIFY(
            store.storeFile(dir.filePath(QStringLiteral("missing.mp4")), QStringLiteral("video/mp4"), &error)
                .isEmpty());
        QVERIFY(error.contains(QStringLiteral("could not be opened")));
    }

    void collectsUnreferencedFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        QStringList hashes, paths;
        for (int i = 0; i < 4; ++i) {
            QString hash;
            paths << store.store(QByteArray("file number ") + QByteArray::number(i),
                                 QStringLiteral("image/png"), nullptr, &hash);
            hashes << hash;
        }
        // Things in the folder that are not stored files: a temporary file of a store in progress, and a
        // stranger's file. Neither may be collected.
        const QString temp = QFileInfo(paths[0]).dir().filePath(hashes[0] + QStringLiteral(".png.a1B2c3"));
        writeFile(temp, "partial");
        const QString stranger = dir.filePath(QStringLiteral("attachments/readme.txt"));
        writeFile(stranger, "keep me");

        QStringList removed;
        const int count = store.collectGarbage({hashes[1], hashes[3]}, &removed);
        QCOMPARE(count, 2);
        removed.sort();
        QStringList expected{paths[0], paths[2]};
        expected.sort();
        QCOMPARE(removed, expected);
        QVERIFY(!QFile::exists(paths[0]));
        QVERIFY(QFile::exists(paths[1]));
        QVERIFY(!QFile::exists(paths[2]));
        QVERIFY(QFile::exists(paths[3]));
        QVERIFY(QFile::exists(temp));
        QVERIFY(QFile::exists(stranger));
        QCOMPARE(store.storedHashes(), (QSet<QString>{hashes[1], hashes[3]}));
        QVERIFY(!store.contains(hashes[0]));

        // Deleting the last message that used a file frees it.
        QCOMPARE(store.collectGarbage({}), 2);
        QVERIFY(store.storedHashes().isEmpty());
        // A store that was never written to collects nothing.
        AttachmentStore empty(dir.filePath(QStringLiteral("nothing-here")));
        QCOMPARE(empty.collectGarbage({}), 0);
    }

    void jsonRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("image with every field") << "full image";
        QTest::newRow("video") << "video";
        QTest::newRow("pasted url") << "url";
        QTest::newRow("bare image") << "bare";
    }

    void jsonRoundTrip()
    {
        QFETCH(QString, name);
        Attachment a;
        if (name == QLatin1String("full image")) {
            a.kind = MediaKind::Image;
            a.hash = AttachmentStore::hashOf("one");
            a.mime = QStringLiteral("image/jpeg");
            a.storedPath = QStringLiteral("/data/attachments/aa/x.jpg");
            a.originalName = QStringLiteral("照片 1.jpeg");
            a.pixelSize = QSize(7348, 4898);
            a.byteSize = 9'123'456;
            a.detail = QStringLiteral("high");
            a.minPixels = 3136;
            a.maxPixels = 3014080;
            a.note =
                QStringLiteral("Downscaled from 9000×6000 to 7348×4898 and re-encoded as JPEG (quality 90).");
        } else if (name == QLatin1String("video")) {
            a.kind = MediaKind::Video;
            a.hash = AttachmentStore::hashOf("two");
            a.mime = QStringLiteral("video/quicktime");
            a.storedPath = QStringLiteral("/data/attachments/bb/y.mov");
            a.originalName = QStringLiteral("clip.mov");
            a.pixelSize = QSize(1080, 1920);
            a.byteSize = 12'000'000;
            a.durationSeconds = 12.5;
            a.fps = 0.2;
        } else if (name == QLatin1String("url")) {
            a = Attachment::fromUrl(QStringLiteral("https://example.com/cat.png?size=large"));
            a.detail = QStringLiteral("low");
        } else {
            a.hash = AttachmentStore::hashOf("three");
        }
        const std::optional<Attachment> back = Attachment::fromJson(a.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(*back, a);

        const QString listText = Attachment::listToJson({a, a});
        QVERIFY(QJsonDocument::fromJson(listText.toUtf8()).isArray());
        QString error;
        const QList<Attachment> list = Attachment::listFromJson(listText, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1), a);
    }

    void jsonListEdgeCases()
    {
        QCOMPARE(Attachment::listToJson({}), QString());
        QString error;
        QVERIFY(Attachment::listFromJson(QString(), &error).isEmpty());
        QVERIFY(error.isEmpty());
        QVERIFY(Attachment::listFromJson(QStringLiteral("{not json"), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(Attachment::listFromJson(QStringLiteral("{\"kind\":\"image\"}"), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("array")));
        // Entries that are not attachments are skipped, the others kept.
        const QList<Attachment> list = Attachment::listFromJson(
            QStringLiteral("[{\"kind\":\"sound\",\"hash\":\"x\"},{\"kind\":\"image\"},7,"
                           "{\"kind\":\"video\",\"url\":\"https://e.com/v.mp4\",\"fps\":2}]"));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).kind, MediaKind::Video);
        QCOMPARE(list.at(0).fps, std::optional<double>(2.0));
        QCOMPARE(list.at(0).byteSize, qint64(-1));
    }

    void fromUrlGuessesKind_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("video");
        QTest::addColumn<QString>("mime");
        QTest::newRow("mp4") << "https://e.com/a/b/clip.MP4" << true << "video/mp4";
        QTest::newRow("mov with query") << "https://e.com/x.mov?sig=1" << true << "video/quicktime";
        QTest::newRow("jpg") << "https://e.com/x.jpg" << false << "image/jpeg";
        QTest::newRow("no extension") << "https://e.com/image" << false << "";
    }

    void fromUrlGuessesKind()
    {
        QFETCH(QString, url);
        QFETCH(bool, video);
        QFETCH(QString, mime);
        const Attachment a = Attachment::fromUrl(url);
        QCOMPARE(a.isVideo(), video);
        QCOMPARE(a.mime, mime);
        QVERIFY(a.isRemote());
        QCOMPARE(a.url, url);
    }

    void contentPartCarriesLowercaseDataUrl()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        const QByteArray bytes("\x89PNG\r\n\x1A\nnot really a png but bytes are bytes", 44);
        Attachment a = storedImage(store, bytes, QStringLiteral("image/png"));
        a.mime = QStringLiteral("Image/PNG"); // whatever the case recorded, the URL is lowercase
        a.detail = QStringLiteral("high");
        a.maxPixels = 3014080;

        QString error;
        const std::optional<ark::api::ContentPart> part = a.toContentPart(&store, &error);
        QVERIFY2(part.has_value(), qPrintable(error));
        QCOMPARE(part->kind, ark::api::ContentPart::Kind::ImageUrl);
        const QString expected =
            QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
        QCOMPARE(part->url, expected);
        QCOMPARE(part->detail, QStringLiteral("high"));
        QCOMPARE(part->maxPixels, std::optional<int>(3014080));
        QVERIFY(!part->minPixels.has_value());
        // The URL decodes back to the exact bytes.
        QCOMPARE(QByteArray::fromBase64(part->url.mid(part->url.indexOf(QLatin1Char(',')) + 1).toLatin1()),
                 bytes);
    }

    void contentPartForVideoAndUrl()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        Attachment video;
        video.kind = MediaKind::Video;
        video.mime = QStringLiteral("video/quicktime");
        video.storedPath = store.store("moov bytes", video.mime, nullptr, &video.hash);
        video.fps = 0.5;
        const std::optional<ark::api::ContentPart> part = video.toContentPart(&store);
        QVERIFY(part.has_value());
        QCOMPARE(part->kind, ark::api::ContentPart::Kind::VideoUrl);
        QCOMPARE(part->url, QStringLiteral("data:video/quicktime;base64,bW9vdiBieXRlcw=="));
        QCOMPARE(part->fps, std::optional<double>(0.5));

        // A pasted URL is sent as is, without touching any file.
        Attachment remote = Attachment::fromUrl(QStringLiteral("https://example.com/Cat.JPG"));
        remote.detail = QStringLiteral("auto");
        const std::optional<ark::api::ContentPart> urlPart = remote.toContentPart(&store);
        QVERIFY(urlPart.has_value());
        QCOMPARE(urlPart->url, QStringLiteral("https://example.com/Cat.JPG"));
        QCOMPARE(urlPart->detail, QStringLiteral("auto"));
    }

    void contentPartFindsFileByHash()
    {
        // The database keeps the path it was stored under; if the app-data folder moves, the hash still finds
        // it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        Attachment a = storedImage(store, "bytes", QStringLiteral("image/gif"));
        a.storedPath = QStringLiteral("/nowhere/old/location.gif");
        QCOMPARE(a.dataUrl(&store), QStringLiteral("data:image/gif;base64,Ynl0ZXM="));
        QString error;
        QVERIFY(a.dataUrl(nullptr, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("could not be read")));
    }

    void contentPartReportsMissingOrChangedFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AttachmentStore store(dir.filePath(QStringLiteral("attachments")));
        Attachment a = storedImage(store, "original", QStringLiteral("image/jpeg"));
        a.originalName = QStringLiteral("holiday.jpg");

        writeFile(a.storedPath, "tampered");
        QString error;
        QVERIFY(!a.toContentPart(&store, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("holiday.jpg")) && error.contains(QStringLiteral("changed")),
                 qPrintable(error));

        QVERIFY(QFile::remove(a.storedPath));
        error.clear();
        QVERIFY(!a.toContentPart(&store, &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("holiday.jpg")), qPrintable(error));
    }

    void referencedHashesSkipUrls()
    {
        Attachment stored;
        stored.hash = AttachmentStore::hashOf("a");
        const Attachment remote = Attachment::fromUrl(QStringLiteral("https://e.com/x.png"));
        QCOMPARE(referencedHashes({stored, remote, stored}), QSet<QString>{stored.hash});
    }
};

QTEST_GUILESS_MAIN(TstAttachmentstore)
#include "tst_attachmentstore.moc"
