// The model catalog: the bundled file loads cleanly and says what the seeds say; ids match the way the
// docs write them; validation reports broken references and impossible dates in crafted files; a
// newer catalog is compared with the current one before it is accepted.
#include "catalog/Catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ark::catalog;

namespace {

QByteArray bundledBytes()
{
    QFile file(QStringLiteral(":/catalog/catalog.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QDateTime at(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// A small catalog in the bundled format; `models` is spliced into the "models" array.
QByteArray crafted(const QByteArray& models, int schema = 1, const QByteArray& extraTop = {})
{
    return "{\"schema_version\": " + QByteArray::number(schema) + ", \"version\": \"test.1\"," + extraTop +
           " \"providers\": [{\"id\": \"volcengine-ark\", \"display_name\": \"Volcengine Ark\","
           " \"default_base_url\": \"https://ark.cn-beijing.volces.com/api/v3\", \"date_utc_offset\": "
           "\"+08:00\"}],"
           " \"models\": [" +
           models + "]}";
}

QByteArray model(const char* id, const QByteArray& lifecycle = "{}", const QByteArray& extra = {})
{
    return "{\"id\": \"" + QByteArray(id) + "\", \"provider\": \"volcengine-ark\", \"kind\": \"chat\"," +
           extra + " \"lifecycle\": " + lifecycle + "}";
}

bool anyContains(const QStringList& problems, const QString& needle)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const QString& p) { return p.contains(needle); });
}

} // namespace

class TstCatalog : public QObject
{
    Q_OBJECT

private slots:
    void bundledLoadsWithoutProblems()
    {
        const QByteArray bytes = bundledBytes();
        QVERIFY(!bytes.isEmpty());
        QStringList problems;
        const auto catalog = Catalog::fromJson(bytes, &problems);
        QVERIFY(catalog);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(catalog->schemaVersion(), Catalog::kSchemaVersion);
        QVERIFY(!catalog->version().isEmpty());

        QHash<QString, int> perProvider;
        for (const ModelInfo& m : catalog->models())
            ++perProvider[m.provider];
        QCOMPARE(perProvider.value(QStringLiteral("volcengine-ark")), 118);
        QCOMPARE(perProvider.value(QStringLiteral("anthropic")), 22);
        QCOMPARE(perProvider.value(QStringLiteral("krea")), 8);

        const ProviderInfo* ark = catalog->provider(QStringLiteral("volcengine-ark"));
        QVERIFY(ark);
        QCOMPARE(ark->defaultBaseUrl, QStringLiteral("https://ark.cn-beijing.volces.com/api/v3"));
        QCOMPARE(ark->dateUtcOffsetSeconds, 8 * 3600);
        QVERIFY(catalog->provider(QStringLiteral("anthropic")));
        QCOMPARE(catalog->provider(QStringLiteral("anthropic"))->defaultBaseUrl,
                 QStringLiteral("https://api.anthropic.com/v1"));
        QVERIFY(catalog->provider(QStringLiteral("krea")));
        QVERIFY(!catalog->provider(QStringLiteral("openai")));
    }

    void bundledIsParsedOnce()
    {
        const auto first = Catalog::bundled();
        QVERIFY(first);
        QVERIFY(!first->models().empty());
        QCOMPARE(Catalog::bundled().get(), first.get());
    }

    // Every replacement, automatic replacement and alternative names an entry of the catalog (an
    // external entry when the sources know nothing else about it) or is marked external.
    void everyReplacementResolves()
    {
        const auto catalog = Catalog::bundled();
        int references = 0;
        for (const ModelInfo& m : catalog->models()) {
            const LifecycleInfo& l = m.lifecycle;
            for (const QString& target : QStringList{l.replacement, l.autoReplacement} + l.alternatives) {
                if (target.isEmpty())
                    continue;
                ++references;
                const ModelInfo* found = catalog->find(target);
                QVERIFY2(found || l.replacementExternal,
                         qPrintable(QStringLiteral("%1 -> %2").arg(m.id, target)));
                if (found)
                    QCOMPARE(found->provider, m.provider); // lifecycles never cross providers
            }
        }
        QVERIFY(references > 100);
    }

    // Every model of the five Ark batches carries its batch's EOS, and every one of them can be found
    // by the name seed 000 writes.
    void batchesAreComplete_data()
    {
        QTest::addColumn<QString>("asWritten");
        QTest::addColumn<QDateTime>("eos");
        QTest::newRow("b5 slash") << QStringLiteral("doubao-pro-32k/character-241215")
                                  << at("2025-11-27T14:00:00+08:00");
        QTest::newRow("b5 wan") << QStringLiteral("wan2-1-14b-flf2v-250417")
                                << at("2025-11-27T14:00:00+08:00");
        QTest::newRow("b4 case") << QStringLiteral("Moonshot-v1-128k") << at("2025-08-07T00:00:00+08:00");
        QTest::newRow("b3 dots+case")
            << QStringLiteral("doubao-1.5-thinking-pro-vision-250415") << at("2025-08-28T00:00:00+08:00");
        QTest::newRow("b3 S0-only") << QStringLiteral("doubao-vision-pro-32k-241215")
                                    << at("2025-08-28T00:00:00+08:00");
        QTest::newRow("b3 DeepSeek") << QStringLiteral("DeepSeek-r1-distill-qwen-7b-250120")
                                     << at("2025-08-28T00:00:00+08:00");
        QTest::newRow("b2 label") << QStringLiteral("glm3-130b 金融模型") << at("2025-05-28T00:00:00+08:00");
        QTest::newRow("b2 twice: earliest")
            << QStringLiteral("doubao-lite-128k-240428") << at("2025-05-28T00:00:00+08:00");
        QTest::newRow("b1 label") << QStringLiteral("skylark-lite-public 2.0-1.0-1.1-0.0")
                                  << at("2025-04-15T00:00:00+08:00");
        QTest::newRow("b1 chatglm") << QStringLiteral("chatglm3-130b-fc v1.0")
                                    << at("2025-04-15T00:00:00+08:00");
    }

    void batchesAreComplete()
    {
        QFETCH(QString, asWritten);
        QFETCH(QDateTime, eos);
        const ModelInfo* m = Catalog::bundled()->find(asWritten);
        QVERIFY2(m, qPrintable(asWritten));
        QCOMPARE(m->lifecycle.eos, eos);
        QCOMPARE(m->lifecycle.eos.offsetFromUtc(), 8 * 3600); // kept in the published zone
    }

    void idMatching_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("id");
        QTest::newRow("canonical") << QStringLiteral("doubao-seed-1-6-250615")
                                   << QStringLiteral("doubao-seed-1-6-250615");
        QTest::newRow("dots") << QStringLiteral("doubao-seed-1.6-250615")
                              << QStringLiteral("doubao-seed-1-6-250615");
        QTest::newRow("case") << QStringLiteral("DOUBAO-Seed-1.6-Flash-250615")
                              << QStringLiteral("doubao-seed-1-6-flash-250615");
        QTest::newRow("slash") << QStringLiteral("doubao-1.5-pro-32k/character-250228")
                               << QStringLiteral("doubao-1-5-pro-32k-character-250228");
        QTest::newRow("spaces") << QStringLiteral("  doubao-seed-1-6-250615 ")
                                << QStringLiteral("doubao-seed-1-6-250615");
        QTest::newRow("anthropic dots") << QStringLiteral("claude-2-0") << QStringLiteral("claude-2.0");
        QTest::newRow("krea path") << QStringLiteral("video/bytedance/seedance-1-0-lite")
                                   << QStringLiteral("video/bytedance/seedance-1.0-lite");
        QTest::newRow("label") << QStringLiteral("Skylark2-Pro-4k 1.2-1.3")
                               << QStringLiteral("skylark2-pro-4k 1.2-1.3");
        QTest::newRow("alias spelling") << QStringLiteral("doubao-vision-lite-32k-241025")
                                        << QStringLiteral("doubao-vision-lite-32k-241015");
        QTest::newRow("unknown") << QStringLiteral("gpt-4o") << QString();
        QTest::newRow("other version") << QStringLiteral("doubao-seed-1-6-250616") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void idMatching()
    {
        QFETCH(QString, query);
        QFETCH(QString, id);
        const ModelInfo* m = Catalog::bundled()->find(query);
        QCOMPARE(m ? m->id : QString(), id);
    }

    void normalizedId_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("dots") << QStringLiteral("doubao-seed-1.6-250615")
                              << QStringLiteral("doubao-seed-1-6-250615");
        QTest::newRow("slash") << QStringLiteral("a/b.c_d") << QStringLiteral("a-b-c-d");
        QTest::newRow("runs") << QStringLiteral("doubao-1.5-lite-32k--250115")
                              << QStringLiteral("doubao-1-5-lite-32k-250115");
        QTest::newRow("case+space") << QStringLiteral(" Web-Intent 1.0 ") << QStringLiteral("web-intent-1-0");
        QTest::newRow("cjk kept") << QStringLiteral("glm3-130b 金融模型")
                                  << QStringLiteral("glm3-130b-金融模型");
    }

    void normalizedId()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        QCOMPARE(Catalog::normalizedId(input), normalized);
    }

    void modelFacts()
    {
        const auto catalog = Catalog::bundled();
        const ModelInfo* seed = catalog->find(QStringLiteral("doubao-seed-1-6-250615"));
        QVERIFY(seed);
        QCOMPARE(seed->kind, ModelKind::Reasoning);
        QCOMPARE(seed->contextWindow, 256000); // S3:26422, k = 1000
        QCOMPARE(seed->maxInputTokens, 224000);
        QCOMPARE(seed->maxOutputTokens, 32000);
        QCOMPARE(seed->maxReasoningTokens, 32000);
        QCOMPARE(seed->maxCompletionTokens, 64000);
        QVERIFY(seed->capabilities.imageInput && seed->capabilities.videoInput);
        QVERIFY(seed->capabilities.tools && seed->capabilities.toolChoice &&
                seed->capabilities.structuredOutput);
        QVERIFY(seed->capabilities.maxCompletionTokens);
        QCOMPARE(
            seed->capabilities.thinkingModes,
            (QStringList{QStringLiteral("enabled"), QStringLiteral("disabled"), QStringLiteral("auto")}));

        // deepseek-r1 always reasons and rejects a `thinking` field (S3:30868): no control.
        const ModelInfo* r1 = catalog->find(QStringLiteral("deepseek-r1-250528"));
        QVERIFY(r1);
        QVERIFY(r1->capabilities.alwaysThinks);
        QVERIFY(!r1->capabilities.supportsThinking());
        QVERIFY(!r1->capabilities.toolChoice); // only doubao-seed-1-6-*** (S3:8160)
        QVERIFY(r1->capabilities.tools);

        const ModelInfo* vision = catalog->find(QStringLiteral("doubao-1-5-vision-pro-250328"));
        QVERIFY(vision);
        QCOMPARE(vision->kind, ModelKind::VisionChat);
        QCOMPARE(catalog->find(QStringLiteral("doubao-seedance-1-0-pro-250528"))->kind,
                 ModelKind::VideoGeneration);
        QCOMPARE(catalog->find(QStringLiteral("doubao-seedream-3-0-t2i-250415"))->kind,
                 ModelKind::ImageGeneration);
        QCOMPARE(catalog->find(QStringLiteral("doubao-embedding-vision-250615"))->kind, ModelKind::Embedding);
        QVERIFY(catalog->find(QStringLiteral("doubao-seed-1-6-251015"))->external);
    }

    // The "pricing" objects are written in the PriceTable format (app/pricing/PriceTable.h).
    void pricingObjectsPresent()
    {
        const QJsonArray models =
            QJsonDocument::fromJson(bundledBytes()).object().value(QLatin1String("models")).toArray();
        int priced = 0;
        for (const QJsonValue& value : models) {
            const QJsonObject m = value.toObject();
            const QJsonValue pricing = m.value(QLatin1String("pricing"));
            if (!pricing.isObject())
                continue;
            ++priced;
            const QJsonObject p = pricing.toObject();
            QVERIFY(p.value(QLatin1String("currency")).isString());
            QVERIFY(p.value(QLatin1String("tiers")).isArray());
            QVERIFY2(!p.value(QLatin1String("tiers")).toArray().isEmpty() ||
                         p.contains(QLatin1String("per_image")),
                     qPrintable(m.value(QLatin1String("id")).toString()));
        }
        QVERIFY(priced >= 50);
        const QJsonObject seed = [&] {
            for (const QJsonValue& value : models) {
                if (value.toObject().value(QLatin1String("id")).toString() ==
                    QLatin1String("doubao-seed-1-6-250615"))
                    return value.toObject();
            }
            return QJsonObject();
        }();
        const QJsonArray tiers =
            seed.value(QLatin1String("pricing")).toObject().value(QLatin1String("tiers")).toArray();
        QCOMPARE(tiers.size(), 4);
        QCOMPARE(tiers.at(0).toObject().value(QLatin1String("condition")).toString(),
                 QString::fromUtf8("输入长度 [0, 32] 且输出长度 [0, 0.2]"));
        QCOMPARE(tiers.at(2).toObject().value(QLatin1String("condition")).toString(),
                 QString::fromUtf8("输入长度 (32, 128]"));
    }

    void statusFollowsReplacementChains()
    {
        const auto catalog = Catalog::bundled();
        // web-intent 1.0 -> browsing-240828 (batch 3) -> browsing-241115 (batch 5) -> seed-1-6-251015.
        const QString model = QStringLiteral("web-intent 1.0");
        LifecycleStatus s = catalog->statusAt(model, at("2025-05-01T00:00:00Z"));
        QCOMPARE(s.state, LifecycleState::Retired);
        QVERIFY(s.autoReplaced);
        QCOMPARE(s.autoReplacement, QStringLiteral("doubao-pro-32k-browsing-240828"));
        s = catalog->statusAt(model, at("2025-09-01T00:00:00Z"));
        QCOMPARE(s.autoReplacement, QStringLiteral("doubao-pro-32k-browsing-241115"));
        QCOMPARE(s.replacement, QStringLiteral("doubao-seed-1-6-250615"));
        s = catalog->statusAt(model, at("2025-11-27T06:00:00Z"));
        QCOMPARE(s.autoReplacement, QStringLiteral("doubao-seed-1-6-251015"));
        QCOMPARE(catalog->statusAt(QStringLiteral("no-such-model"), at("2025-01-01T00:00:00Z")).state,
                 LifecycleState::Unknown);
    }

    void validationReportsProblems_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("models");

        QTest::newRow("broken replacement")
            << crafted(model("a-1", R"({"replacement": "b-9", "at_eos": "replace"})"))
            << QStringLiteral("\"b-9\"") << 1;
        QTest::newRow("broken auto replacement")
            << crafted(
                   model("a-1", R"({"replacement": "b-1", "auto_replacement": "c-9", "at_eos": "replace"})") +
                   "," + model("b-1"))
            << QStringLiteral("\"c-9\"") << 2;
        QTest::newRow("self reference")
            << crafted(model("a-1.0", R"({"replacement": "a-1-0"})")) << QStringLiteral("itself") << 1;
        QTest::newRow("EOS before EOM")
            << crafted(model("a-1", R"({"eom": {"at": "2025-09-22T00:00:00+08:00"},
                                      "eos": {"at": "2025-09-21T23:59:59+08:00"}})"))
            << QStringLiteral("end of service (2025-09-21 23:59:59 UTC+8) comes before end of sale") << 1;
        QTest::newRow("EOM before notice")
            << crafted(model("a-1", R"({"notice": {"at": "2025-09-15T00:00:00+08:00"},
                                      "eom": {"at": "2025-09-14T00:00:00+08:00"}})"))
            << QStringLiteral("end of sale (2025-09-14 00:00 UTC+8) comes before the notice") << 1;
        QTest::newRow("not a date") << crafted(
                                           model("a-1", R"({"eos": {"at": "2025-02-30T00:00:00+08:00"}})"))
                                    << QStringLiteral("not an ISO") << 1;
        QTest::newRow("no offset") << crafted(model("a-1", R"({"eos": {"at": "2025-11-27T14:00:00"}})"))
                                   << QStringLiteral("no UTC offset") << 1;
        QTest::newRow("unknown provider")
            << crafted(R"({"id": "x-1", "provider": "nowhere", "lifecycle": {}})")
            << QStringLiteral("\"nowhere\"") << 1;
        QTest::newRow("same id twice")
            << crafted(model("a-1.0") + "," + model("A/1/0")) << QStringLiteral("listed twice") << 1;
        QTest::newRow("no id") << crafted(R"({"provider": "volcengine-ark"})") << QStringLiteral("no id")
                               << 0;
    }

    void validationReportsProblems()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        QFETCH(int, models);
        QStringList problems;
        const auto catalog = Catalog::fromJson(json, &problems);
        QVERIFY2(catalog, "content problems keep the catalog");
        QVERIFY2(anyContains(problems, problem), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(int(catalog->models().size()), models);
    }

    void externalReplacementIsNoProblem()
    {
        QStringList problems;
        const auto catalog = Catalog::fromJson(
            crafted(model("a-1", R"({"replacement": "elsewhere-1", "replacement_external": true})")),
            &problems);
        QVERIFY(catalog);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void unknownFieldsTolerated()
    {
        const QByteArray json = crafted(
            R"({"id": "a-1", "provider": "volcengine-ark", "kind": "music-generation", "future_field": [1, 2],
                "limits": {"context_window": 32000, "new_limit": 5},
                "capabilities": {"tools": true, "telepathy": true, "thinking": {"modes": ["enabled", "dreaming"]}},
                "lifecycle": {"eos": {"at": "2025-11-27T14:00:00+08:00", "confidence": "high"}, "mood": "calm"}})",
            1, R"( "publisher": {"name": "someone"},)");
        QStringList problems;
        const auto catalog = Catalog::fromJson(json, &problems);
        QVERIFY(catalog);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        const ModelInfo* m = catalog->find(QStringLiteral("a-1"));
        QVERIFY(m);
        QCOMPARE(m->kind, ModelKind::Other); // a kind this build does not know
        QCOMPARE(m->contextWindow, 32000);
        QVERIFY(m->capabilities.tools);
        QCOMPARE(m->capabilities.thinkingModes, QStringList{QStringLiteral("enabled")});
        QCOMPARE(m->lifecycle.eos, at("2025-11-27T06:00:00Z"));
    }

    // A model's "video" object (FORMAT.md, "Video generation") is read into ModelInfo::video; null or
    // absent means the catalog does not say; unknown fields inside it are tolerated.
    void videoObjectRead()
    {
        const QByteArray video = R"("video": {"text_to_video": false, "first_frame": true, "last_frame": true,
            "needs_last_frame": true, "resolutions": ["720p"], "ratios": ["keep_ratio"], "durations": [5],
            "fps": [16], "camera_fixed": false, "watermark": true, "seed": true, "hdr": "maybe"},)";
        const QByteArray images = R"("capabilities": {"image_input": true},)";
        QStringList problems;
        const auto catalog =
            Catalog::fromJson(crafted(model("v-1", "{}", images + video) + "," +
                                      model("v-2", "{}", R"("video": null,)") + "," + model("v-3")),
                              &problems);
        QVERIFY(catalog);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        const ModelInfo* v1 = catalog->find(QStringLiteral("v-1"));
        QVERIFY(v1 && v1->video);
        QVERIFY(v1->video->known);
        QVERIFY(v1->video->needsLastFrame);
        QCOMPARE(v1->video->resolutions, QStringList{QStringLiteral("720p")});
        QCOMPARE(v1->video->fps, QList<int>{16});
        QVERIFY(!catalog->find(QStringLiteral("v-2"))->video);
        QVERIFY(!catalog->find(QStringLiteral("v-3"))->video);
    }

    // A malformed "video" object is a problem; the model still loads, without it (the documented
    // defaults then apply), and the rest of the catalog with it.
    void malformedVideoIsAProblem_data()
    {
        QTest::addColumn<QByteArray>("video");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not an object")
            << QByteArray(R"("video": [720],)") << QStringLiteral("must be an object");
        QTest::newRow("field missing")
            << QByteArray(R"("video": {"text_to_video": true, "first_frame": false, "last_frame": false,
                 "resolutions": ["720p"], "ratios": ["16:9"], "durations": [5], "camera_fixed": false,
                 "watermark": true, "seed": true},)")
            << QStringLiteral("\"fps\" is missing");
        QTest::newRow("wrong type")
            << QByteArray(R"("video": {"text_to_video": "yes", "first_frame": false, "last_frame": false,
                 "resolutions": ["720p"], "ratios": ["16:9"], "durations": [5], "fps": [24],
                 "camera_fixed": false, "watermark": true, "seed": true},)")
            << QStringLiteral("\"text_to_video\" must be true or false");
        QTest::newRow("frames without image input")
            << QByteArray(R"("video": {"text_to_video": true, "first_frame": true, "last_frame": false,
                 "resolutions": ["720p"], "ratios": ["16:9"], "durations": [5], "fps": [24],
                 "camera_fixed": false, "watermark": true, "seed": true},)")
            << QStringLiteral("takes no image input");
    }

    void malformedVideoIsAProblem()
    {
        QFETCH(QByteArray, video);
        QFETCH(QString, problem);
        QStringList problems;
        const auto catalog =
            Catalog::fromJson(crafted(model("v-1", "{}", video) + "," + model("b-1")), &problems);
        QVERIFY2(catalog, "content problems keep the catalog");
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(QStringLiteral("v-1: ")), qPrintable(problems.first()));
        QVERIFY2(problems.first().contains(problem), qPrintable(problems.first()));
        QCOMPARE(int(catalog->models().size()), 2);
        const ModelInfo* m = catalog->find(QStringLiteral("v-1"));
        QVERIFY(m);
        if (problem.contains(QLatin1String("image input"))) {
            // Read, but the capabilities win: no frames are offered.
            QVERIFY(m->video);
            QVERIFY(!VideoCapabilities::forModel(m).firstFrame);
        } else {
            QVERIFY(!m->video);
            QCOMPARE(VideoCapabilities::forModel(m).fps, VideoCapabilities::documentedDefaults().fps);
        }
    }

    void structuralErrorsGiveNull_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("newer schema") << crafted(model("a-1"), 2);
        QTest::newRow("older schema") << crafted(model("a-1"), 0);
        QTest::newRow("no schema") << QByteArray(R"({"version": "x", "models": []})");
        QTest::newRow("not JSON") << QByteArray("{\"schema_version\": 1, ");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no models") << QByteArray(R"({"schema_version": 1, "version": "x"})");
    }

    void structuralErrorsGiveNull()
    {
        QFETCH(QByteArray, json);
        QStringList problems;
        QVERIFY(!Catalog::fromJson(json, &problems));
        QCOMPARE(problems.size(), 1);
    }

    void kinds()
    {
        for (ModelKind kind :
             {ModelKind::Chat, ModelKind::Reasoning, ModelKind::VisionChat, ModelKind::VideoGeneration,
              ModelKind::ImageGeneration, ModelKind::Embedding, ModelKind::Other}) {
            QCOMPARE(kindFromId(kindId(kind)), std::optional<ModelKind>(kind));
            QVERIFY(!kindDisplayName(kind).isEmpty());
        }
        QCOMPARE(kindId(ModelKind::VisionChat), QStringLiteral("vision"));
        QCOMPARE(kindFromId(QStringLiteral("vision-chat")), std::optional<ModelKind>(ModelKind::VisionChat));
        QCOMPARE(kindFromId(QStringLiteral("Video-Generation")),
                 std::optional<ModelKind>(ModelKind::VideoGeneration));
        QVERIFY(!kindFromId(QStringLiteral("simultaneous-translation")));
        QVERIFY(!kindFromId(QString()));
    }

    void diff()
    {
        const QByteArray before = crafted(
            model("kept-1") + "," + model("gone-1") + "," +
            model(
                "moves-1",
                R"({"notice": {"at": "2025-09-15T00:00:00+08:00"}, "eos": {"at": "2025-11-27T14:00:00+08:00"}})") +
            "," + model("rezoned-1", R"({"eos": {"at": "2025-11-27T14:00:00+08:00"}})") + "," +
            model("later-1"));
        const QByteArray after = crafted(
            model("kept-1") + "," + model("new-1") + "," +
            model(
                "moves-1",
                R"({"notice": {"at": "2025-09-15T00:00:00+08:00"}, "eos": {"at": "2025-12-01T14:00:00+08:00"}})") +
            // The same instant written in UTC is not a move.
            "," + model("rezoned-1", R"({"eos": {"at": "2025-11-27T06:00:00Z"}})") + "," +
            model(
                "later-1",
                R"({"notice": {"at": "2026-01-01T00:00:00+08:00"}, "eos": {"at": "2026-03-01T00:00:00+08:00"}})"));
        const auto a = Catalog::fromJson(before);
        const auto b = Catalog::fromJson(after);
        QVERIFY(a && b);
        const CatalogDiff d = diffCatalogs(*a, *b);
        QCOMPARE(d.added, QStringList{QStringLiteral("new-1")});
        QCOMPARE(d.removed, QStringList{QStringLiteral("gone-1")});
        QCOMPARE(d.newlyDeprecated, QStringList{QStringLiteral("later-1")});
        QCOMPARE(d.datesMoved, QStringList{QStringLiteral("moves-1")});
        QVERIFY(!d.isEmpty());
        const QString summary = d.summary();
        for (const char* id : {"new-1", "gone-1", "later-1", "moves-1"})
            QVERIFY2(summary.contains(QLatin1String(id)), qPrintable(summary));
        QCOMPARE(summary.split(QLatin1Char('\n')).size(), 4);

        const CatalogDiff same = diffCatalogs(*a, *a);
        QVERIFY(same.isEmpty());
        QCOMPARE(same.summary(), QStringLiteral("No changes."));

        // The bundled catalog against itself, and against a copy with one model dropped.
        const auto bundled = Catalog::bundled();
        QVERIFY(diffCatalogs(*bundled, *bundled).isEmpty());
    }

    void diffFindsPriceChanges()
    {
        const auto a = Catalog::fromJson(crafted(model(
            "p-1", "{}",
            R"("pricing": {"currency": "CNY", "tiers": [{"condition": "", "input": 0.8, "output": 2.0}]},)")));
        const auto b = Catalog::fromJson(crafted(model(
            "p-1", "{}",
            R"("pricing": {"currency": "CNY", "tiers": [{"condition": "", "input": 0.8, "output": 8.0}]},)")));
        QVERIFY(a && b);
        QVERIFY(!a->find(QStringLiteral("p-1"))->prices.isEmpty());
        QCOMPARE(diffCatalogs(*a, *b).pricesChanged, QStringList{QStringLiteral("p-1")});
        QVERIFY(diffCatalogs(*a, *a).pricesChanged.isEmpty());
    }

    // An import that changes what a video model accepts says so before it is applied.
    void diffFindsVideoOptionChanges()
    {
        const QByteArray images = R"("capabilities": {"image_input": true},)";
        const auto video = [&images](const char* durations) {
            return images + R"("video": {"text_to_video": true, "first_frame": true, "last_frame": false,
                "resolutions": ["720p"], "ratios": ["16:9"], "durations": [)" +
                   QByteArray(durations) + R"(], "fps": [24], "camera_fixed": true, "watermark": true,
                "seed": true},)";
        };
        QStringList problems;
        const auto a =
            Catalog::fromJson(crafted(model("v-1", "{}", video("5")) + "," + model("v-2")), &problems);
        const auto b = Catalog::fromJson(
            crafted(model("v-1", "{}", video("5, 10")) + "," + model("v-2", "{}", video("5"))), &problems);
        QVERIFY2(a && b && problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        const CatalogDiff diff = diffCatalogs(*a, *b);
        QCOMPARE(diff.videoOptionsChanged, (QStringList{QStringLiteral("v-1"), QStringLiteral("v-2")}));
        QVERIFY(diff.summary().contains(QStringLiteral("v-1, v-2")));
        QVERIFY(diffCatalogs(*b, *b).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstCatalog)
#include "tst_catalog.moc"
