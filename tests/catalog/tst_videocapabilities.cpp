// What a video generation model accepts (catalog::VideoCapabilities): the "video" object is read
// field by field (a missing required field, a wrong type or an impossible combination is a problem,
// an absent optional field keeps its default), written back unchanged, and the bundled catalog
// describes every Ark video model with the values of the video generation guide (seed 003: the model
// table L18642-18690, the text-command comparison L18697-18837, the commands L27403-27491).
#include "catalog/Catalog.h"
#include "catalog/VideoCapabilities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using ark::catalog::Catalog;
using ark::catalog::ModelInfo;
using ark::catalog::ModelKind;
using ark::catalog::VideoCapabilities;

Q_DECLARE_METATYPE(VideoCapabilities)

namespace {

const QStringList kAllResolutions{QStringLiteral("480p"), QStringLiteral("720p"), QStringLiteral("1080p")};
const QStringList kSeedanceRatios{QStringLiteral("21:9"), QStringLiteral("16:9"), QStringLiteral("4:3"),
                                  QStringLiteral("1:1"),  QStringLiteral("3:4"),  QStringLiteral("9:16")};

// Seaweed as the catalog writes it: every field, the optional ones included (S3:18684-18690).
QJsonObject seaweedObject()
{
    return QJsonDocument::fromJson(R"({
        "text_to_video": true, "first_frame": true, "last_frame": false, "needs_last_frame": false,
        "resolutions": ["720p"], "image_resolutions": ["480p", "720p"],
        "last_frame_resolutions": ["720p"],
        "ratios": ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "9:21"],
        "image_ratios": ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "9:21", "adaptive"],
        "durations": [5, 10], "image_durations": [5], "fps": [24],
        "camera_fixed": false, "watermark": true, "seed": true, "source": "S3:18684-18690" })")
        .object();
}

QByteArray withField(const char* key, const QJsonValue& value)
{
    QJsonObject object = seaweedObject();
    object.insert(QLatin1String(key), value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray without(const char* key)
{
    QJsonObject object = seaweedObject();
    object.remove(QLatin1String(key));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonValue parse(const QByteArray& json)
{
    // Wrapped, so that an array or a scalar can be the "video" value too.
    return QJsonDocument::fromJson("{\"v\": " + json + "}").object().value(QLatin1String("v"));
}

const char* const kRequired[] = {"text_to_video", "first_frame", "last_frame",   "resolutions", "ratios",
                                 "durations",     "fps",         "camera_fixed", "watermark",   "seed"};
const char* const kBooleans[] = {"text_to_video", "first_frame", "last_frame", "needs_last_frame",
                                 "camera_fixed",  "watermark",   "seed"};
const char* const kStringLists[] = {"resolutions", "image_resolutions", "last_frame_resolutions", "ratios",
                                    "image_ratios"};
const char* const kIntegerLists[] = {"durations", "image_durations", "fps"};

} // namespace

class TstVideoCapabilities : public QObject
{
    Q_OBJECT

private slots:
    void validObjectReadsEveryField()
    {
        QStringList problems;
        const auto c = VideoCapabilities::fromJson(seaweedObject(), &problems);
        QVERIFY2(c, qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(problems.isEmpty());
        QVERIFY(c->known);
        QVERIFY(c->textToVideo);
        QVERIFY(c->firstFrame);
        QVERIFY(!c->lastFrame);
        QVERIFY(!c->needsLastFrame);
        QCOMPARE(c->resolutions, QStringList{QStringLiteral("720p")});
        QCOMPARE(c->imageResolutions, (QStringList{QStringLiteral("480p"), QStringLiteral("720p")}));
        QCOMPARE(c->lastFrameResolutions, QStringList{QStringLiteral("720p")});
        QCOMPARE(c->ratios.size(), 7);
        QCOMPARE(c->ratios.last(), QStringLiteral("9:21"));
        QCOMPARE(c->imageRatios.last(), QStringLiteral("adaptive"));
        QCOMPARE(c->durations, (QList<int>{5, 10}));
        QCOMPARE(c->imageDurations, QList<int>{5});
        QCOMPARE(c->fps, QList<int>{24});
        QVERIFY(!c->cameraFixed);
        QVERIFY(c->watermark);
        QVERIFY(c->seed);
    }

    // Each field left out: a required one is a problem naming it; an optional one keeps its default.
    void missingField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("required");
        QTest::addColumn<QString>("field");
        for (const char* key : kRequired)
            QTest::addRow("required %s", key) << without(key) << true << QString::fromLatin1(key);
        for (const char* key : {"needs_last_frame", "image_resolutions", "last_frame_resolutions",
                                "image_ratios", "image_durations", "source"})
            QTest::addRow("optional %s", key) << without(key) << false << QString::fromLatin1(key);
    }

    void missingField()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, required);
        QFETCH(QString, field);
        QStringList problems;
        const auto c = VideoCapabilities::fromJson(parse(json), &problems);
        if (required) {
            QVERIFY(!c);
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().contains(QStringLiteral("\"%1\" is missing").arg(field)),
                     qPrintable(problems.first()));
            return;
        }
        QVERIFY2(c, qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(problems.isEmpty());
        // The default of an absent optional field: false, or "as from text" (empty).
        const VideoCapabilities full = *VideoCapabilities::fromJson(seaweedObject());
        VideoCapabilities expected = full;
        if (field == QLatin1String("needs_last_frame"))
            expected.needsLastFrame = false;
        else if (field == QLatin1String("image_resolutions"))
            expected.imageResolutions.clear();
        else if (field == QLatin1String("last_frame_resolutions"))
            expected.lastFrameResolutions.clear();
        else if (field == QLatin1String("image_ratios"))
            expected.imageRatios.clear();
        else if (field == QLatin1String("image_durations"))
            expected.imageDurations.clear();
        QCOMPARE(*c, expected);
        if (field != QLatin1String("source") && field != QLatin1String("needs_last_frame"))
            QVERIFY(*c != full);
    }

    // A field of the wrong type is a problem naming the field; nothing is half read.
    void wrongType_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        for (const char* key : kBooleans) {
            QTest::addRow("%s: string", key)
                << withField(key, QStringLiteral("true")) << QString::fromLatin1(key);
            QTest::addRow("%s: number", key) << withField(key, 1) << QString::fromLatin1(key);
            QTest::addRow("%s: null", key) << withField(key, QJsonValue::Null) << QString::fromLatin1(key);
        }
        for (const char* key : kStringLists) {
            QTest::addRow("%s: string", key)
                << withField(key, QStringLiteral("720p")) << QString::fromLatin1(key);
            QTest::addRow("%s: number item", key)
                << withField(key, QJsonArray{720}) << QString::fromLatin1(key);
            QTest::addRow("%s: empty item", key)
                << withField(key, QJsonArray{QStringLiteral("720p"), QStringLiteral(" ")})
                << QString::fromLatin1(key);
        }
        for (const char* key : kIntegerLists) {
            QTest::addRow("%s: number", key) << withField(key, 5) << QString::fromLatin1(key);
            QTest::addRow("%s: string item", key)
                << withField(key, QJsonArray{QStringLiteral("5")}) << QString::fromLatin1(key);
            QTest::addRow("%s: fraction", key)
                << withField(key, QJsonArray{5, 2.5}) << QString::fromLatin1(key);
            QTest::addRow("%s: zero", key) << withField(key, QJsonArray{0}) << QString::fromLatin1(key);
            QTest::addRow("%s: negative", key) << withField(key, QJsonArray{-5}) << QString::fromLatin1(key);
            QTest::addRow("%s: too large", key)
                << withField(key, QJsonArray{3601}) << QString::fromLatin1(key);
        }
    }

    void wrongType()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QStringList problems;
        QVERIFY(!VideoCapabilities::fromJson(parse(json), &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(QStringLiteral("video: \"%1\" must be").arg(field)),
                 qPrintable(problems.first()));
    }

    // Every problem of an object is reported, not only the first.
    void everyProblemReported()
    {
        QJsonObject object = seaweedObject();
        object.remove(QLatin1String("fps"));
        object.insert(QLatin1String("watermark"), QStringLiteral("no"));
        object.insert(QLatin1String("ratios"), 16);
        QStringList problems;
        QVERIFY(!VideoCapabilities::fromJson(object, &problems));
        QCOMPARE(problems.size(), 3);
    }

    void impossibleCombination_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QJsonObject lastWithoutFirst = seaweedObject();
        lastWithoutFirst.insert(QLatin1String("first_frame"), false);
        lastWithoutFirst.insert(QLatin1String("last_frame"), true);
        QTest::newRow("last frame without first")
            << QJsonDocument(lastWithoutFirst).toJson() << QStringLiteral("\"last_frame\" is true");
        QTest::newRow("needs last frame without last")
            << withField("needs_last_frame", true) << QStringLiteral("\"needs_last_frame\" is true");
        QJsonObject nothing = seaweedObject();
        nothing.insert(QLatin1String("text_to_video"), false);
        nothing.insert(QLatin1String("first_frame"), false);
        QTest::newRow("no way to start")
            << QJsonDocument(nothing).toJson() << QStringLiteral("could not make any video");
    }

    void impossibleCombination()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        QStringList problems;
        QVERIFY(!VideoCapabilities::fromJson(parse(json), &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(problem), qPrintable(problems.first()));
    }

    void notAnObject_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("array") << QByteArray("[true]");
        QTest::newRow("string") << QByteArray("\"seedance\"");
        QTest::newRow("number") << QByteArray("1");
        QTest::newRow("null") << QByteArray("null");
    }

    void notAnObject()
    {
        QFETCH(QByteArray, json);
        QStringList problems;
        QVERIFY(!VideoCapabilities::fromJson(parse(json), &problems));
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QStringLiteral("must be an object")));
    }

    void unknownFieldsTolerated()
    {
        QJsonObject object = seaweedObject();
        object.insert(QLatin1String("audio"), true);
        object.insert(QLatin1String("max_prompt_chars"), 800);
        QStringList problems;
        const auto c = VideoCapabilities::fromJson(object, &problems);
        QVERIFY2(c, qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(*c, *VideoCapabilities::fromJson(seaweedObject()));
        // A value beyond today's documented enums is offered as written: a newer file may add one.
        object.insert(QLatin1String("resolutions"),
                      QJsonArray{QStringLiteral("720p"), QStringLiteral("2160p")});
        QCOMPARE(VideoCapabilities::fromJson(object)->resolutions,
                 (QStringList{QStringLiteral("720p"), QStringLiteral("2160p")}));
    }

    // toJson then fromJson gives the same capabilities, for every bundled model and the defaults.
    void roundTrip_data()
    {
        QTest::addColumn<VideoCapabilities>("capabilities");
        for (const ModelInfo& m : Catalog::bundled()->models())
            if (m.video)
                QTest::addRow("%s", qPrintable(m.id)) << *m.video;
        VideoCapabilities defaults = VideoCapabilities::documentedDefaults();
        defaults.known = true; // fromJson marks what it reads as described
        QTest::newRow("documented defaults") << defaults;
        QTest::newRow("every field set") << *VideoCapabilities::fromJson(seaweedObject());
        VideoCapabilities empty;
        empty.known = true;
        empty.textToVideo = true;
        QTest::newRow("empty lists") << empty;
    }

    void roundTrip()
    {
        QFETCH(VideoCapabilities, capabilities);
        const QJsonObject json = capabilities.toJson();
        QStringList problems;
        const auto back = VideoCapabilities::fromJson(json, &problems);
        QVERIFY2(back, qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(*back, capabilities);
        QCOMPARE(back->toJson(), json);
        // Through text, as a file would carry it.
        const QByteArray text = QJsonDocument(json).toJson();
        QCOMPARE(*VideoCapabilities::fromJson(QJsonDocument::fromJson(text).object()), capabilities);
    }

    // The values for a request with and without frames: an empty override means "as from text", and
    // with both frames "as with a first frame".
    void valuesForFrames()
    {
        const VideoCapabilities seaweed =
            *VideoCapabilities::fromJson(parse(withField("last_frame_resolutions", QJsonArray())));
        QCOMPARE(seaweed.resolutionsFor(false, false), QStringList{QStringLiteral("720p")});
        QCOMPARE(seaweed.resolutionsFor(true, false),
                 (QStringList{QStringLiteral("480p"), QStringLiteral("720p")}));
        QCOMPARE(seaweed.resolutionsFor(true, true),
                 (QStringList{QStringLiteral("480p"), QStringLiteral("720p")}));
        QCOMPARE(seaweed.durationsFor(false), (QList<int>{5, 10}));
        QCOMPARE(seaweed.durationsFor(true), QList<int>{5});
        QVERIFY(!seaweed.ratiosFor(false).contains(QStringLiteral("adaptive")));
        QVERIFY(seaweed.ratiosFor(true).contains(QStringLiteral("adaptive")));

        VideoCapabilities liteI2v;
        liteI2v.resolutions = kAllResolutions;
        liteI2v.lastFrameResolutions = {QStringLiteral("480p"), QStringLiteral("720p")};
        liteI2v.durations = {5, 10};
        liteI2v.ratios = kSeedanceRatios;
        QCOMPARE(liteI2v.resolutionsFor(true, false), kAllResolutions);
        QCOMPARE(liteI2v.resolutionsFor(true, true), liteI2v.lastFrameResolutions);
        QCOMPARE(liteI2v.resolutionsFor(false, true), kAllResolutions); // no last frame without a first
        QCOMPARE(liteI2v.durationsFor(true), liteI2v.durations);
        QCOMPARE(liteI2v.ratiosFor(true), kSeedanceRatios);
    }

    // Every value of the commands' reference (L27412-27491), for a model the catalog does not describe.
    void documentedDefaults()
    {
        const VideoCapabilities d = VideoCapabilities::documentedDefaults();
        QVERIFY(!d.known);
        QVERIFY(d.textToVideo);
        QVERIFY(d.firstFrame);
        QVERIFY(d.lastFrame);
        QVERIFY(!d.needsLastFrame);
        QCOMPARE(d.resolutions, kAllResolutions);                                              // L27415-27417
        QCOMPARE(d.ratios, kSeedanceRatios + QStringList{QStringLiteral("9:21")});             // L27430-27436
        const QStringList withImage{QStringLiteral("keep_ratio"), QStringLiteral("adaptive")}; // L27437-27438
        QCOMPARE(d.ratiosFor(true), d.ratios + withImage);
        QCOMPARE(d.durations, (QList<int>{5, 10})); // L27447-27448
        QCOMPARE(d.fps, (QList<int>{16, 24}));      // L27460-27461
        QVERIFY(d.cameraFixed);                     // L27487
        QVERIFY(d.watermark);                       // L27467
        QVERIFY(d.seed);                            // L27477
    }

    void forModel()
    {
        const VideoCapabilities defaults = VideoCapabilities::documentedDefaults();
        QCOMPARE(VideoCapabilities::forModel(nullptr), defaults); // an endpoint id, an unknown model

        ModelInfo info;
        info.id = QStringLiteral("some-video-model");
        info.kind = ModelKind::VideoGeneration;
        info.capabilities.imageInput = true;
        QCOMPARE(VideoCapabilities::forModel(&info), defaults); // in the catalog, without a "video" object

        info.video = *VideoCapabilities::fromJson(seaweedObject());
        QCOMPARE(VideoCapabilities::forModel(&info), *info.video);

        // Without image input, no frames, whatever the video object or the defaults say.
        info.capabilities.imageInput = false;
        info.video = *VideoCapabilities::fromJson(parse(withField("text_to_video", false)));
        VideoCapabilities textOnly = VideoCapabilities::forModel(&info);
        QVERIFY(!textOnly.firstFrame);
        QVERIFY(!textOnly.lastFrame);
        QVERIFY(!textOnly.needsLastFrame);
        QVERIFY(textOnly.textToVideo);
        QCOMPARE(textOnly.resolutions, info.video->resolutions);
        info.video.reset();
        textOnly = VideoCapabilities::forModel(&info);
        QVERIFY(!textOnly.firstFrame);
        QVERIFY(!textOnly.lastFrame);
        QCOMPARE(textOnly.fps, defaults.fps);
    }

    // Every Ark video generation model of the bundled catalog is described; Krea's video entries are
    // another provider's endpoint paths, which S1 documents only as retired, and are not.
    void bundledDescribesEveryArkVideoModel()
    {
        const auto catalog = Catalog::bundled();
        int described = 0;
        for (const ModelInfo& m : catalog->models()) {
            if (m.kind != ModelKind::VideoGeneration) {
                QVERIFY2(!m.video, qPrintable(m.id));
                continue;
            }
            const bool ark = m.provider == QLatin1String("volcengine-ark");
            QVERIFY2(bool(m.video) == ark, qPrintable(m.id));
            if (!m.video)
                continue;
            ++described;
            QVERIFY(m.video->known);
            // The catalog does not contradict itself: frames only where the capabilities take images.
            QVERIFY2(!m.video->firstFrame || m.capabilities.imageInput, qPrintable(m.id));
            QVERIFY2(m.video->watermark && m.video->seed, qPrintable(m.id)); // ✅ for all (L18831, L18834)
        }
        QCOMPARE(described, 7); // the guide's table (L18642-18690) lists seven models
    }

    // Rows of the bundled catalog against the seed.
    void bundledValues_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("text");
        QTest::addColumn<bool>("first");
        QTest::addColumn<bool>("last");
        QTest::addColumn<bool>("needsLast");
        QTest::addColumn<QStringList>("textResolutions");
        QTest::addColumn<QStringList>("imageResolutions");
        QTest::addColumn<QStringList>("bothFramesResolutions");
        QTest::addColumn<QStringList>("textRatios");
        QTest::addColumn<QStringList>("imageRatios");
        QTest::addColumn<QList<int>>("textDurations");
        QTest::addColumn<QList<int>>("imageDurations");
        QTest::addColumn<QList<int>>("fps");
        QTest::addColumn<bool>("cameraFixed");
        const QStringList sd{QStringLiteral("480p"), QStringLiteral("720p")};
        const QStringList hd{QStringLiteral("720p")};
        const QStringList keep{QStringLiteral("keep_ratio")};
        const QStringList seedanceI2v = kSeedanceRatios + QStringList{QStringLiteral("adaptive")};
        const QStringList seaweedRatios{
            QStringLiteral("16:9"), QStringLiteral("4:3"),  QStringLiteral("1:1"), QStringLiteral("3:4"),
            QStringLiteral("9:16"), QStringLiteral("21:9"), QStringLiteral("9:21")};
        // L18655-18658: t2v and i2v from a first frame, 480p/720p/1080p, 24 fps, 5 or 10 s; adaptive
        // for i2v L18761-18762; camerafixed ✅ L18837.
        QTest::newRow("seedance pro, L18655-18658")
            << "doubao-seedance-1-0-pro-250528" << true << true << false << false << kAllResolutions
            << kAllResolutions << kAllResolutions << kSeedanceRatios << seedanceI2v << QList<int>{5, 10}
            << QList<int>{5, 10} << QList<int>{24} << true;
        // L18664-18667: from a first frame, or first and last; "首尾帧不支持1080p" (L18665, L27270).
        QTest::newRow("seedance lite i2v, L18664-18667, L27270")
            << "doubao-seedance-1-0-lite-i2v-250428" << false << true << true << false << kAllResolutions
            << kAllResolutions << sd << seedanceI2v << seedanceI2v << QList<int>{5, 10} << QList<int>{5, 10}
            << QList<int>{24} << true;
        // L18669-18671: text only, 720p/480p, 16 fps, 5 s; 16:9 and 9:16 (L18808-18816); no cf.
        QTest::newRow("wan t2v, L18669-18671, L18808-18816")
            << "wan2-1-14b-t2v-250225" << true << false << false << false << sd << sd << sd
            << QStringList{QStringLiteral("16:9"), QStringLiteral("9:16")}
            << QStringList{QStringLiteral("16:9"), QStringLiteral("9:16")} << QList<int>{5} << QList<int>{5}
            << QList<int>{16} << false;
        // L18679-18681: first and last frame only, 720p, 16 fps, 5 s; keep_ratio (L18817-18818).
        QTest::newRow("wan flf2v, L18679-18681")
            << "wan2-1-14b-flf2v-250417" << false << true << true << true << hd << hd << hd << keep << keep
            << QList<int>{5} << QList<int>{5} << QList<int>{16} << false;
        // L18684-18690: 720p, and 480p from an image only (L18727); 9:21 only here (L18796); text 5/10 s,
        // image 5 s; 24 fps; no cf (L18837).
        QTest::newRow("seaweed, L18684-18690, L18727, L18788-18808")
            << "doubao-seaweed-241128" << true << true << false << false << hd << sd << sd << seaweedRatios
            << seaweedRatios + QStringList{QStringLiteral("adaptive")} << QList<int>{5, 10} << QList<int>{5}
            << QList<int>{24} << false;
    }

    void bundledValues()
    {
        QFETCH(QString, model);
        const ModelInfo* info = Catalog::bundled()->find(model);
        QVERIFY(info);
        QVERIFY(info->video);
        const VideoCapabilities& v = *info->video;
        QTEST(v.textToVideo, "text");
        QTEST(v.firstFrame, "first");
        QTEST(v.lastFrame, "last");
        QTEST(v.needsLastFrame, "needsLast");
        QTEST(v.resolutionsFor(false, false), "textResolutions");
        QTEST(v.resolutionsFor(true, false), "imageResolutions");
        QTEST(v.resolutionsFor(true, true), "bothFramesResolutions");
        QTEST(v.ratiosFor(false), "textRatios");
        QTEST(v.ratiosFor(true), "imageRatios");
        QTEST(v.durationsFor(false), "textDurations");
        QTEST(v.durationsFor(true), "imageDurations");
        QTEST(v.fps, "fps");
        QTEST(v.cameraFixed, "cameraFixed");
        // The docs' spelling finds the same entry.
        if (model.startsWith(QLatin1String("doubao-seedance-1-0-pro")))
            QCOMPARE(Catalog::bundled()->find(QStringLiteral("doubao-Seedance-1.0-pro-250528")), info);
    }
};

QTEST_GUILESS_MAIN(TstVideoCapabilities)
#include "tst_videocapabilities.moc"
