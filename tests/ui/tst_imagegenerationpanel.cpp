// The image generation panel against the loopback server over real HTTP on 127.0.0.1: Generate posts
// the documented body (asserted field by field), the result URL is fetched without the key, the image is
// shown and its cost comes from the catalog's per-image price; failures (a rejected prompt, a refused
// key, an expired result link) appear inline as an error card with the code and request id; nothing is
// sent for an invalid form; Cancel stops a stalled request.
#include "api/ImageGenerationClient.h"
#include "catalog/Catalog.h"
#include "media/ImageGenerationPanel.h"
#include "support/LoopbackServer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using ark::testsupport::LoopbackServer;
using ark::testsupport::RecordedRequest;
using ark::testsupport::ScriptedResponse;
using ark::testsupport::Step;
using ark::ui::ImageGenerationPanel;

namespace {

const QString kKey = QStringLiteral("test-key-imagepanel-5d0e");

// Ark's Seedream with its price (0.259 CNY per image), a loopback model priced the same, a Krea image
// model (another provider: not offered) and a chat model (not an image model: not offered).
const char* kCatalogJson = R"json({
  "schema_version": 1, "version": "2025-01-01.1",
  "providers": [ { "id": "volcengine-ark", "display_name": "Volcengine Ark", "currency": "CNY",
                   "default_base_url": "", "date_utc_offset": "+08:00" },
                 { "id": "krea", "display_name": "Krea", "currency": "USD", "default_base_url": "" } ],
  "models": [
    { "id": "doubao-seedream-3-0-t2i-250415", "display_name": "doubao-seedream-3.0-t2i",
      "provider": "volcengine-ark", "kind": "image-generation",
      "pricing": { "currency": "CNY", "tiers": [], "per_image": 0.259 }, "lifecycle": {} },
    { "id": "loopback-image", "provider": "volcengine-ark", "kind": "image-generation",
      "pricing": { "currency": "CNY", "tiers": [], "per_image": 0.259 }, "lifecycle": {} },
    { "id": "image/bytedance/seedream-3", "provider": "krea", "kind": "image-generation", "lifecycle": {} },
    { "id": "doubao-seed-1-6-250615", "provider": "volcengine-ark", "kind": "chat",
      "pricing": { "currency": "CNY", "tiers": [ { "condition": "", "input": 0.8, "output": 8.0 } ] },
      "lifecycle": {} } ] })json";

QList<RecordedRequest> requestsTo(const LoopbackServer& server, const QByteArray& pathPart)
{
    QList<RecordedRequest> found;
    for (const RecordedRequest& r : server.requests())
        if (r.path.contains(pathPart))
            found << r;
    return found;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstImagegenerationpanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void modelsAndPriceFromCatalog();
    void generateShowsImageAndCost();
    void unsetFieldsAreNotSent();
    void typedEndpointIdIsUsedAndUnpriced();
    void serverErrorShownInline_data();
    void serverErrorShownInline();
    void invalidFormSendsNothing_data();
    void invalidFormSendsNothing();
    void expiredLinkShownInline();
    void cancelStopsAStalledRequest();

private:
    void waitIdle();

    std::shared_ptr<const ark::catalog::Catalog> m_catalog;
    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ark::api::ImageGenerationClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    ImageGenerationPanel* m_panel = nullptr;
};

void TstImagegenerationpanel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QStringList problems;
    m_catalog = ark::catalog::Catalog::fromJson(QByteArray(kCatalogJson), &problems);
    QVERIFY(m_catalog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TstImagegenerationpanel::init()
{
    m_server = std::make_unique<LoopbackServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ark::api::ImageGenerationClient>(m_nam.get());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_panel = new ImageGenerationPanel(m_client.get(), m_catalog);
    m_panel->setEndpoint(m_server->baseUrl(), kKey);
    m_panel->setResultFolder(m_dir->path());
    m_panel->resize(520, 720);
    m_panel->show();
}

void TstImagegenerationpanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
    m_client.reset();
    m_nam.reset();
    m_server.reset();
    m_dir.reset();
}

void TstImagegenerationpanel::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->isBusy(), 15000);
}

void TstImagegenerationpanel::modelsAndPriceFromCatalog()
{
    QComboBox* box = m_panel->modelBox();
    QStringList ids;
    for (int i = 0; i < box->count(); ++i)
        ids << box->itemData(i).toString();
    QCOMPARE(ids, (QStringList{QStringLiteral("doubao-seedream-3-0-t2i-250415"),
                               QStringLiteral("loopback-image")}));
    QCOMPARE(m_panel->model(), QStringLiteral("doubao-seedream-3-0-t2i-250415"));
    QCOMPARE(m_panel->priceLabel()->text(), QStringLiteral("¥0.259 per image (catalog price)"));
    m_panel->setModel(QStringLiteral("ep-20250101-image"));
    QCOMPARE(m_panel->model(), QStringLiteral("ep-20250101-image"));
    QCOMPARE(m_panel->priceLabel()->text(), QStringLiteral("The catalog has no price for this model."));
    // Every documented field is offered (the docs list them for Seedream; the catalog says nothing).
    QVERIFY(m_panel->sizeBox()->isVisible());
    QVERIFY(m_panel->seedBox()->isVisible());
    QVERIFY(m_panel->guidanceBox()->isVisible());
    QVERIFY(m_panel->watermarkBox()->isVisible());
    QVERIFY(m_panel->sizeBox()->findText(QStringLiteral("1024x1024")) >= 0);
}

void TstImagegenerationpanel::generateShowsImageAndCost()
{
    m_panel->setModel(QStringLiteral("loopback-image"));
    m_panel->promptEdit()->setPlainText(QStringLiteral("鱼眼镜头，一只猫咪的头部"));
    m_panel->sizeBox()->setEditText(QStringLiteral("512x768"));
    m_panel->seedBox()->setValue(42);
    m_panel->guidanceCheck()->setChecked(true);
    m_panel->guidanceBox()->setValue(3.5);
    m_panel->watermarkBox()->setCurrentIndex(m_panel->watermarkBox()->findData(false));

    QSignalSpy generated(m_panel, &ImageGenerationPanel::imageGenerated);
    QSignalSpy busy(m_panel, &ImageGenerationPanel::busyChanged);
    QTest::mouseClick(m_panel->generateButton(), Qt::LeftButton);
    QVERIFY(m_panel->isBusy());
    QVERIFY(!m_panel->generateButton()->isEnabled());
    QVERIFY(m_panel->cancelButton()->isEnabled());
    QVERIFY(generated.wait(15000));
    waitIdle();

    // The request: the documented path, the key, and exactly the fields the form set.
    const auto posts = requestsTo(*m_server, "/images/generations");
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().method, QByteArray("POST"));
    QCOMPARE(posts.first().path, QByteArray("/api/v3/images/generations"));
    QCOMPARE(posts.first().header("Authorization"), QByteArray("Bearer ") + kKey.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(posts.first().body).object();
    QJsonObject expected{{QStringLiteral("model"), QStringLiteral("loopback-image")},
                         {QStringLiteral("prompt"), QStringLiteral("鱼眼镜头，一只猫咪的头部")},
                         {QStringLiteral("size"), QStringLiteral("512x768")},
                         {QStringLiteral("seed"), 42},
                         {QStringLiteral("guidance_scale"), 3.5},
                         {QStringLiteral("watermark"), false},
                         {QStringLiteral("response_format"), QStringLiteral("url")}};
    QCOMPARE(body, expected);
    // The result link is fetched at once, without the key (it is another host in real life).
    const auto files = requestsTo(*m_server, "/files/images/");
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().method, QByteArray("GET"));
    QVERIFY(files.first().header("Authorization").isEmpty());

    // Shown: the loopback image is (W/64) x (H/64) pixels; the file is in the result folder.
    QCOMPARE(m_panel->resultImage().size(), QSize(8, 12));
    QVERIFY(!m_panel->imageLabel()->pixmap().isNull());
    const QString path = m_panel->resultFilePath();
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(m_dir->path()).absoluteFilePath());
    QCOMPARE(QFileInfo(path).suffix(), QStringLiteral("png"));
    QCOMPARE(generated.first().at(0).toString(), path);
    QCOMPARE(generated.first().at(1).toString(), QStringLiteral("loopback-image"));
    QCOMPARE(generated.first().at(2).toString(), QStringLiteral("鱼眼镜头，一只猫咪的头部"));
    QCOMPARE(busy.first().at(0).toBool(), true);
    QCOMPARE(busy.last().at(0).toBool(), false);

    // The cost: one image at the catalog's 0.259 CNY.
    QCOMPARE(m_panel->costText(), QStringLiteral("Cost: ¥0.259"));
    QCOMPARE(m_panel->costLabel()->toolTip(),
             QStringLiteral("Images billed: 1 × ¥0.259 per image (catalog price)"));
    QVERIFY(m_panel->errorCard()->isHidden());
    QVERIFY(m_panel->saveButton()->isEnabled());
    m_panel->grab().save(QStringLiteral("/tmp/genui-imagepanel.png"));

    // "Save as" copies the bytes as downloaded.
    const QString saved = m_dir->filePath(QStringLiteral("mine/copy.png"));
    QString error;
    QVERIFY(!m_panel->saveResultTo(saved, &error)); // the folder does not exist
    QVERIFY(!error.isEmpty());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("mine")));
    QVERIFY2(m_panel->saveResultTo(saved, &error), qPrintable(error));
    QCOMPARE(readAll(saved), readAll(path));
    QVERIFY(readAll(saved).startsWith("\x89PNG"));
}

void TstImagegenerationpanel::unsetFieldsAreNotSent()
{
    m_panel->setModel(QStringLiteral("loopback-image"));
    m_panel->setPrompt(QStringLiteral("a lighthouse at dawn"));
    m_panel->sizeBox()->setEditText(QString());
    QCOMPARE(m_panel->seedBox()->value(), -1); // "Random": the server's default
    QVERIFY(!m_panel->guidanceCheck()->isChecked());
    m_panel->generate();
    QSignalSpy generated(m_panel, &ImageGenerationPanel::imageGenerated);
    QVERIFY(generated.wait(15000));
    const auto posts = requestsTo(*m_server, "/images/generations");
    QCOMPARE(posts.size(), 1);
    QCOMPARE(
        posts.first().body,
        QByteArray(R"({"model":"loopback-image","prompt":"a lighthouse at dawn","response_format":"url"})"));
    QCOMPARE(m_panel->resultImage().size(), QSize(16, 16)); // the server's default 1024x1024
}

void TstImagegenerationpanel::typedEndpointIdIsUsedAndUnpriced()
{
    m_panel->modelBox()->setEditText(QStringLiteral("ep-20250101-image"));
    QCOMPARE(m_panel->model(), QStringLiteral("ep-20250101-image"));
    m_panel->setPrompt(QStringLiteral("a paper boat"));
    QSignalSpy generated(m_panel, &ImageGenerationPanel::imageGenerated);
    m_panel->generate();
    QVERIFY(generated.wait(15000));
    const auto posts = requestsTo(*m_server, "/images/generations");
    QCOMPARE(QJsonDocument::fromJson(posts.first().body).object().value(QStringLiteral("model")).toString(),
             QStringLiteral("ep-20250101-image"));
    QCOMPARE(m_panel->costText(), QStringLiteral("Cost: not in the catalog for ep-20250101-image"));
}

void TstImagegenerationpanel::serverErrorShownInline_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("code");
    QTest::newRow("sensitive output") << QStringLiteral("loopback-image-sensitive")
                                      << QStringLiteral("OutputImageSensitiveContentDetected");
    QTest::newRow("refused key") << QStringLiteral("loopback-badkey")
                                 << QStringLiteral("AuthenticationError");
}

void TstImagegenerationpanel::serverErrorShownInline()
{
    QFETCH(QString, model);
    QFETCH(QString, code);
    m_panel->setModel(model);
    m_panel->setPrompt(QStringLiteral("something the server refuses"));
    QSignalSpy failed(m_panel, &ImageGenerationPanel::generationFailed);
    m_panel->generate();
    QVERIFY(failed.wait(15000));
    waitIdle();
    const auto error = failed.first().at(0).value<ark::api::ApiError>();
    QCOMPARE(error.code, code);
    QVERIFY(!error.requestId.isEmpty());

    ark::ui::GenerationErrorCard* card = m_panel->errorCard();
    QVERIFY(card->isVisible());
    QCOMPARE(card->title(), QStringLiteral("Request failed"));
    QCOMPARE(card->message(), error.humanMessage()); // the same sentence chat shows
    QVERIFY(card->message().contains(code));
    QCOMPARE(card->details(), QStringLiteral("Code: %1  \u00B7  Request ID: %2").arg(code, error.requestId));
    QVERIFY(m_panel->resultFilePath().isEmpty());
    QVERIFY(m_panel->generateButton()->isEnabled());
    QVERIFY(requestsTo(*m_server, "/files/").isEmpty());
    m_panel->grab().save(QStringLiteral("/tmp/genui-imagepanel-error-%1.png").arg(model));

    // The next attempt clears the card.
    m_panel->setModel(QStringLiteral("loopback-image"));
    QSignalSpy generated(m_panel, &ImageGenerationPanel::imageGenerated);
    m_panel->generate();
    QVERIFY(card->isHidden());
    QVERIFY(generated.wait(15000));
}

void TstImagegenerationpanel::invalidFormSendsNothing_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("no prompt") << QStringLiteral("loopback-image") << QStringLiteral("   ") << QString()
                               << kKey << QStringLiteral("prompt");
    QTest::newRow("no model") << QString() << QStringLiteral("a cat") << QString() << kKey
                              << QStringLiteral("model");
    QTest::newRow("half a size") << QStringLiteral("loopback-image") << QStringLiteral("a cat")
                                 << QStringLiteral("1024x") << kKey << QStringLiteral("WIDTHxHEIGHT");
    QTest::newRow("no key") << QStringLiteral("loopback-image") << QStringLiteral("a cat") << QString()
                            << QString() << QStringLiteral("API key");
}

void TstImagegenerationpanel::invalidFormSendsNothing()
{
    QFETCH(QString, model);
    QFETCH(QString, prompt);
    QFETCH(QString, size);
    QFETCH(QString, key);
    QFETCH(QString, phrase);
    m_panel->setEndpoint(m_server->baseUrl(), key);
    m_panel->modelBox()->setEditText(model);
    m_panel->setPrompt(prompt);
    m_panel->sizeBox()->setEditText(size);
    m_panel->generate();
    QVERIFY(!m_panel->isBusy());
    QVERIFY(m_panel->errorCard()->isVisible());
    QCOMPARE(m_panel->errorCard()->title(), QStringLiteral("Cannot generate yet"));
    QVERIFY2(m_panel->errorCard()->message().contains(phrase), qPrintable(m_panel->errorCard()->message()));
    QTest::qWait(50); // give a wrongly sent request the chance to arrive
    QVERIFY(m_server->requests().isEmpty());
}

void TstImagegenerationpanel::expiredLinkShownInline()
{
    // An answer whose link the storage host refuses (an expired signed URL).
    const QByteArray url =
        "http://127.0.0.1:" + QByteArray::number(m_server->port()) + "/files/images/999.png";
    m_server->enqueue(
        "/images/generations",
        ScriptedResponse::json(200, R"({"model":"loopback-image","created":1746606910,"data":[{"url":")" +
                                        url + R"("}],"usage":{"generated_images":1}})"));
    m_panel->setModel(QStringLiteral("loopback-image"));
    m_panel->setPrompt(QStringLiteral("a cat"));
    QSignalSpy failed(m_panel, &ImageGenerationPanel::generationFailed);
    m_panel->generate();
    QVERIFY(failed.wait(15000));
    waitIdle();
    QVERIFY(m_panel->errorCard()->isVisible());
    QCOMPARE(m_panel->errorCard()->title(), QStringLiteral("The image could not be downloaded"));
    QVERIFY(!m_panel->errorCard()->message().isEmpty());
    QVERIFY(m_panel->resultFilePath().isEmpty());
    QVERIFY(QDir(m_dir->path()).entryList(QDir::Files).isEmpty()); // nothing half-written is left
}

void TstImagegenerationpanel::cancelStopsAStalledRequest()
{
    ScriptedResponse stalled;
    stalled.steps = {Step::stall()};
    m_server->enqueue("/images/generations", stalled);
    m_panel->setModel(QStringLiteral("loopback-image"));
    m_panel->setPrompt(QStringLiteral("a cat"));
    m_panel->generate();
    QVERIFY(m_panel->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!requestsTo(*m_server, "/images/generations").isEmpty(), 15000);
    QTest::mouseClick(m_panel->cancelButton(), Qt::LeftButton);
    waitIdle();
    QCOMPARE(m_panel->statusText(), QStringLiteral("Cancelled."));
    QVERIFY(m_panel->errorCard()->isHidden());
    QVERIFY(m_panel->generateButton()->isEnabled());
    QVERIFY(!m_panel->cancelButton()->isEnabled());
    QVERIFY(m_panel->resultFilePath().isEmpty());
}

QTEST_MAIN(TstImagegenerationpanel)
#include "tst_imagegenerationpanel.moc"
