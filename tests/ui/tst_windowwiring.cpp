// The main window with the catalog, the endpoint switcher, the deprecation warnings, the token meter
// and the usage panes wired in: a real window (offscreen) talking to the loopback server over HTTP,
// a real SQLite file, the bundled catalog.
#include "ConversationSidebar.h"
#include "MainWindow.h"
#include "api/ChatClient.h"
#include "catalog/DeprecationBanner.h"
#include "catalog/EndpointRegistry.h"
#include "catalog/ModelPicker.h"
#include "catalog/QuickSwitcher.h"
#include "catalog/ServerSignals.h"
#include "conversation/Composer.h"
#include "conversation/ConversationView.h"
#include "media/Attachment.h"
#include "media/AttachmentStore.h"
#include "media/ImageGenerationPanel.h"
#include "media/MediaViewer.h"
#include "models/MessageListModel.h"
#include "pricing/TokenMeter.h"
#include "session/AccountSettings.h"
#include "session/ConversationSession.h"
#include "settings/ConversationSettingsPanel.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "support/LoopbackServer.h"
#include "tools/ToolCallInspector.h"
#include "tools/ToolsEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace ark;

namespace {
constexpr int kSafety = 20000; // a safety limit, never an expectation

// A model the bundled catalog says is retired now and replaced by a model that still serves.
struct RetiredPair
{
    QString retired;
    QString replacement;
};
RetiredPair findRetired(const catalog::Catalog& catalog)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const catalog::ModelInfo& info : catalog.models()) {
        if (info.external || info.kind != catalog::ModelKind::Chat)
            continue;
        const catalog::LifecycleStatus status = catalog.statusAt(info.id, now);
        if (status.state == catalog::LifecycleState::Retired && !status.replacement.isEmpty() &&
            catalog.find(status.replacement) &&
            catalog.statusAt(status.replacement, now).state == catalog::LifecycleState::Active)
            return {info.id, status.replacement};
    }
    return {};
}
} // namespace

class TestWindowWiring : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testsupport::LoopbackServer m_server;
    QNetworkAccessManager m_nam;
    api::ChatClient m_client{&m_nam};
    store::Database m_db;
    std::unique_ptr<store::ConversationStore> m_store;
    std::unique_ptr<ui::MainWindow> m_window;

    QPlainTextEdit* editor() { return m_window->composer()->editor(); }

    void typeAndSend(const QString& text)
    {
        editor()->setFocus();
        editor()->insertPlainText(text);
        QTest::keyClick(editor(), Qt::Key_Return);
    }

    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), kSafety); }

    qint64 conversationWith(const QString& model)
    {
        const store::ConversationRecord record =
            m_store->createConversation(QStringLiteral("Old chat"), model);
        m_window->conversations()->upsert(record);
        m_window->openConversation(record.id);
        if (!QTest::qWaitFor([this] { return !m_window->session()->isLoading(); }, kSafety))
            qWarning("the conversation did not load");
        return record.id;
    }

    void shot(const char* name)
    {
        const QString dir = qEnvironmentVariable("ARK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            m_window->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
        session::AccountSettings::saveAccounts({session::ProviderAccount{
            QStringLiteral("ark"), QStringLiteral("Loopback"), m_server.baseUrl()}});
        session::AccountSettings::setCurrentAccountId(QStringLiteral("ark"));
        qputenv("ARK_API_KEY", "wiring-test-key");
        qputenv("ARK_WORKBENCH_NO_STARTUP_NOTICE", "1");
        QFile::remove(catalog::ServerSignals::defaultPath());
        QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("conversations.sqlite3"))));
        m_store = std::make_unique<store::ConversationStore>(m_db);
        m_window = std::make_unique<ui::MainWindow>(m_client, *m_store);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void catalogArrivesAfterTheWindow()
    {
        // Built with an empty catalog; the real one is read off the UI thread.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isCatalogReady(), kSafety);
        QVERIFY(m_window->catalog()->models().size() > 100);
        QVERIFY(m_window->catalog()->find(QStringLiteral("doubao-seed-1.6-250615")));
    }

    void retiredModelShowsBannerAndSwitchesWithOneClick()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isCatalogReady(), kSafety);
        const RetiredPair pair = findRetired(*m_window->catalog());
        if (pair.retired.isEmpty())
            QSKIP("the bundled catalog has no model retired today with a serving replacement");
        const qint64 id = conversationWith(pair.retired);
        ui::DeprecationBanner* banner = m_window->deprecationBanner();
        QCOMPARE(banner->variant(), ui::DeprecationBanner::Variant::Retired);
        QVERIFY(banner->isVisible());
        QVERIFY(!m_window->modelPicker()->badgeText().isEmpty());
        // The model the service switches to (or recommends): one that still serves.
        const QString replacement = banner->replacement();
        QVERIFY(m_window->catalog()->find(replacement));
        QVERIFY(m_window->catalog()->statusAt(replacement, QDateTime::currentDateTimeUtc()).state !=
                catalog::LifecycleState::Retired);
        shot("wiring-01-retired-banner");

        QTest::mouseClick(banner->switchButton(), Qt::LeftButton);
        QCOMPARE(m_window->session()->params().model, replacement);
        QCOMPARE(m_store->conversation(id)->model, replacement); // kept, not a new conversation
        QCOMPARE(m_window->session()->conversationId(), id);
        QCOMPARE(m_window->modelPicker()->currentModel(), replacement);
        QVERIFY(!banner->isVisible());
        // The switch is in the conversation's history (stored), and never sent to the API.
        const auto path = m_store->activePath(id);
        QVERIFY(!path.empty());
        QCOMPARE(path.back().errorKind, QString::fromLatin1(session::ConversationSession::kModelSwitchKind));
        QVERIFY(path.back().content.contains(replacement));
        m_window->session()->setParams([&] {
            auto p = m_window->session()->params();
            p.model = QStringLiteral("loopback-echo");
            return p;
        }());
        typeAndSend(QStringLiteral("Still there?"));
        waitIdle();
        const auto body = nlohmann::json::parse(m_server.requests().last().body.toStdString());
        for (const auto& message : body.at("messages"))
            QVERIFY(message.at("role") != "system" ||
                    !QString::fromStdString(message.value("content", std::string())).contains(replacement));
    }

    void sendingToARetiredModelAsksFirst()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isCatalogReady(), kSafety);
        const RetiredPair pair = findRetired(*m_window->catalog());
        if (pair.retired.isEmpty())
            QSKIP("the bundled catalog has no model retired today");
        conversationWith(pair.retired);
        const int before = m_server.requests().size();
        bool asked = false;
        // The question is modal: answer "no" when it appears.
        QTimer::singleShot(0, this, [&asked] {
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget(), kSafety);
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text().contains(QStringLiteral("retired"), Qt::CaseInsensitive) ||
                    box->informativeText().contains(QStringLiteral("retired"), Qt::CaseInsensitive);
            box->reject();
        });
        typeAndSend(QStringLiteral("Are you still there?"));
        QTRY_VERIFY_WITH_TIMEOUT(!QApplication::activeModalWidget(), kSafety);
        QVERIFY(asked);
        QCOMPARE(editor()->toPlainText(), QStringLiteral("Are you still there?")); // nothing lost
        QCOMPARE(m_server.requests().size(), before);
        QCOMPARE(m_window->session()->messages()->rowCount(), 0);
        editor()->clear();
    }

    void serverDeprecationHeadersRaiseTheBanner()
    {
        conversationWith(QStringLiteral("loopback-deprecated"));
        QCOMPARE(m_window->deprecationBanner()->variant(), ui::DeprecationBanner::Variant::Hidden);
        typeAndSend(QStringLiteral("hello"));
        waitIdle();
        // The fixture's Sunset is 2026-07-01: before it the headers are a notice, after it the model
        // counts as retired. Either way the server's link is shown.
        const bool sunsetPassed =
            QDateTime::currentDateTimeUtc() >= QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->deprecationBanner()->variant(),
                                  sunsetPassed ? ui::DeprecationBanner::Variant::Retired
                                               : ui::DeprecationBanner::Variant::ServerNotice,
                                  kSafety);
        QVERIFY(m_window->deprecationBanner()->link().contains(QStringLiteral("example.invalid")));
        // Remembered per model, for the catalog view and the next start.
        QVERIFY(m_window->serverSignals()->contains(QStringLiteral("loopback-deprecated")));
        catalog::ServerSignals reread;
        QVERIFY(reread.contains(QStringLiteral("loopback-deprecated")));
    }

    void goneTurnsIntoAnErrorCardWithTheSwitch()
    {
        conversationWith(QStringLiteral("loopback-retired"));
        typeAndSend(QStringLiteral("hello"));
        waitIdle();
        ui::DeprecationBanner* banner = m_window->deprecationBanner();
        QTRY_COMPARE_WITH_TIMEOUT(banner->variant(), ui::DeprecationBanner::Variant::Gone, kSafety);
        QCOMPARE(banner->replacement(), QStringLiteral("loopback-echo"));
        QVERIFY(banner->text().contains(QStringLiteral("retired this model")));
        shot("wiring-02-gone-card");
        QTest::mouseClick(banner->switchButton(), Qt::LeftButton);
        QCOMPARE(m_window->session()->params().model, QStringLiteral("loopback-echo"));
    }

    void endpointAnswerLinksTheEndpoint()
    {
        const QString endpoint = QStringLiteral("ep-20260101000000-wiring");
        catalog::Endpoint ep;
        ep.id = endpoint;
        ep.name = QStringLiteral("My endpoint");
        QVERIFY(m_window->endpoints()->addOrUpdate(ep));
        conversationWith(endpoint);
        // The server names the model that served the endpoint in every chunk.
        const QByteArray chunk = R"({"id":"c1","object":"chat.completion.chunk","created":1,)"
                                 R"("model":"doubao-seed-1-6-250615","choices":[{"index":0,)"
                                 R"("delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]})";
        const QByteArray last = R"({"id":"c1","object":"chat.completion.chunk","created":1,)"
                                R"("model":"doubao-seed-1-6-250615","choices":[{"index":0,)"
                                R"("delta":{},"finish_reason":"stop"}]})";
        m_server.enqueue("/chat/completions", testsupport::ScriptedResponse::sse({chunk, last}));
        typeAndSend(QStringLiteral("hello"));
        waitIdle();
        const catalog::Endpoint* linked = m_window->endpoints()->endpoint(endpoint);
        QVERIFY(linked);
        QCOMPARE(linked->modelId, QStringLiteral("doubao-seed-1-6-250615"));
        // Now the endpoint has the model's capabilities, prices and warnings.
        QVERIFY(m_window->endpoints()->resolve(endpoint));
        QCOMPARE(m_window->tokenMeter()->modelId(), endpoint);
    }

    void tokenMeterCountsTheDraft()
    {
        conversationWith(QStringLiteral("doubao-seed-1-6-250615"));
        ui::TokenMeter* meter = m_window->tokenMeter();
        QVERIFY(meter->isVisible());
        QCOMPARE(meter->modelId(), QStringLiteral("doubao-seed-1-6-250615"));
        editor()->setPlainText(QStringLiteral("How many tokens is this sentence?"));
        // The loopback server answers the tokenization API, so the count is exact.
        QTRY_VERIFY_WITH_TIMEOUT(!meter->isEstimate() && meter->tokens().draftTokens > 0, kSafety);
        QVERIFY(!meter->costLabel()->text().isEmpty());
        editor()->clear();
    }

    void settingsFollowTheModelsCapabilities()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isCatalogReady(), kSafety);
        conversationWith(QStringLiteral("doubao-seed-1-6-250615"));
        auto* thinking = m_window->settingsPanel()->findChild<QComboBox*>(QStringLiteral("thinkingCombo"));
        auto* maxCompletion =
            m_window->settingsPanel()->findChild<QSpinBox*>(QStringLiteral("maxCompletionTokensValue"));
        QVERIFY(thinking && maxCompletion);
        QVERIFY(thinking->isVisibleTo(m_window->settingsPanel()));
        QVERIFY(maxCompletion->isVisibleTo(m_window->settingsPanel()));
        // A model without a thinking switch or max_completion_tokens (catalog capabilities).
        m_window->chooseModel(QStringLiteral("deepseek-v3-250324"));
        QVERIFY(!thinking->isVisibleTo(m_window->settingsPanel()));
        QVERIFY(!maxCompletion->isVisibleTo(m_window->settingsPanel()));
        // A model the catalog does not know: everything is offered.
        m_window->chooseModel(QStringLiteral("my-own-model"));
        QVERIFY(thinking->isVisibleTo(m_window->settingsPanel()));
        QVERIFY(maxCompletion->isVisibleTo(m_window->settingsPanel()));
    }

    void toolCallsAreAnsweredInTheInspectorAndTheLoopGoesOn()
    {
        conversationWith(QStringLiteral("loopback-tools"));
        // Tools come from the tools pane (as the person edits them there).
        ui::ToolsEditor* tools = m_window->toolsEditor();
        QVERIFY(tools->applyPreset(QStringLiteral("weather")) ||
                tools->applyPreset(QStringLiteral("calculator")));
        QVERIFY(!m_window->session()->params().tools().empty());
        m_server.clearRequests();
        typeAndSend(QStringLiteral("What is the weather in Beijing?"));
        // The answer calls a tool the person must answer: the inspector comes forward.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->toolCallsDock()->isVisible(), kSafety);
        waitIdle();
        ui::ToolCallInspector* inspector = m_window->toolCallInspector();
        QVERIFY(inspector->cardCount() >= 1);
        const auto first = nlohmann::json::parse(m_server.requests().first().body.toStdString());
        QVERIFY(first.contains("tools"));
        for (int row = 0; row < inspector->cardCount(); ++row) {
            inspector->resultEditor(row)->setPlainText(QStringLiteral("{\"temperature\": 21}"));
            QVERIFY(inspector->sendResult(row));
        }
        QVERIFY(inspector->continueWithResults());
        waitIdle();
        // The second request carries the assistant's calls and one tool message per call id.
        QTRY_VERIFY_WITH_TIMEOUT(m_server.requests().size() >= 2, kSafety);
        const auto second = nlohmann::json::parse(m_server.requests().last().body.toStdString());
        const auto& messages = second.at("messages");
        bool sawTool = false;
        for (const auto& message : messages)
            if (message.at("role") == "tool") {
                sawTool = true;
                QVERIFY(message.contains("tool_call_id"));
            }
        QVERIFY(sawTool);
        shot("wiring-03-tool-calls");
    }

    void everyRequestIsInTheLedger()
    {
        const qint64 id = conversationWith(QStringLiteral("loopback-echo"));
        typeAndSend(QStringLiteral("Count me"));
        waitIdle();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->usageLedger()->entries(id).empty(), kSafety);
        const store::LedgerEntry entry = m_window->usageLedger()->entries(id).back();
        QCOMPARE(entry.model, QStringLiteral("loopback-echo"));
        QVERIFY(entry.inputTokens > 0);
    }

    void attachedImagesTravelWithTheQuestionAndAreFreedWithIt()
    {
        conversationWith(QStringLiteral("loopback-echo"));
        QImage image(320, 200, QImage::Format_RGB32);
        image.fill(Qt::darkMagenta);
        const QString path = m_dir.filePath(QStringLiteral("photo.png"));
        QVERIFY(image.save(path));
        QCOMPARE(m_window->composer()->attachFiles({path}), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->composer()->attachments().size(), 1, kSafety);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->composer()->isPreparingAttachments(), kSafety);
        const media::Attachment attached = m_window->composer()->attachments().first();
        QVERIFY(m_window->attachmentStore()->contains(attached.hash));
        // The token line counts the image from its pixel size, as an estimate.
        QTRY_VERIFY_WITH_TIMEOUT(m_window->tokenMeter()->tokens().draftTokens > 0, kSafety);
        QVERIFY(m_window->tokenMeter()->isEstimate());
        typeAndSend(QStringLiteral("What colour is this?"));
        waitIdle();
        QVERIFY(m_window->composer()->attachments().isEmpty()); // sent: the tray is empty again
        const auto body = nlohmann::json::parse(m_server.requests().last().body.toStdString());
        const auto& content = body.at("messages").back().at("content");
        QVERIFY(content.is_array());
        QCOMPARE(content.at(0).at("type").get<std::string>(), std::string("image_url"));
        QVERIFY(QString::fromStdString(content.at(0).at("image_url").at("url").get<std::string>())
                    .startsWith(QStringLiteral("data:image/png;base64,")));

        // The sent question shows the image as a tile; a click opens it full size in a viewer.
        const QModelIndex questionIndex = m_window->session()->messages()->index(0);
        ui::ConversationView* view = m_window->conversationView();
        view->scrollTo(questionIndex);
        const QRect tile = view->attachmentRect(questionIndex, 0);
        QVERIFY(tile.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, tile.center());
        ui::MediaViewer* viewer = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((viewer = m_window->findChild<ui::MediaViewer*>()) != nullptr, kSafety);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isVisible(), kSafety);
        viewer->close(); // deletes itself

        // Deleting the only message that uses the file frees it.
        const qint64 question = m_window->session()->messages()->records().front().id;
        emit m_window->conversationView()->deleteRequested(question);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->attachmentStore()->contains(attached.hash), kSafety);
    }

    void imagesAreGeneratedFromTheWindowsAccount()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isCatalogReady(), kSafety);
        ui::ImageGenerationPanel* panel = m_window->imageGeneration();
        QVERIFY(panel);
        QVERIFY(panel->modelBox()->count() > 0); // the catalog's image models arrived with the catalog
        QSignalSpy generated(panel, &ui::ImageGenerationPanel::imageGenerated);
        panel->setPrompt(QStringLiteral("A lighthouse at dawn"));
        m_server.clearRequests();
        panel->generate();
        QVERIFY(generated.wait(kSafety));
        QVERIFY(QFile::exists(generated.first().at(0).toString()));
        // It went to the window's account, with its key, and nowhere else.
        bool sawGeneration = false;
        for (const testsupport::RecordedRequest& request : m_server.requests())
            if (request.path.endsWith("/images/generations")) {
                sawGeneration = true;
                QCOMPARE(request.header("Authorization"), QByteArray("Bearer wiring-test-key"));
            }
        QVERIFY(sawGeneration);
    }

    void generatedImagesJoinTheConversation()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isCatalogReady(), kSafety);
        const qint64 id = conversationWith(QStringLiteral("loopback-echo"));
        ui::ImageGenerationPanel* panel = m_window->imageGeneration();
        QSignalSpy generated(panel, &ui::ImageGenerationPanel::imageGenerated);
        panel->setPrompt(QStringLiteral("A red kite over the hills"));
        panel->generate();
        QVERIFY(generated.wait(kSafety));
        const QString model = generated.first().at(1).toString();

        // One message of its own, stored, with the image kept by content in the attachment store.
        models::MessageListModel* messages = m_window->session()->messages();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 1, kSafety);
        const store::MessageRecord record = messages->record(0);
        QCOMPARE(record.errorKind, QString::fromLatin1(session::ConversationSession::kGeneratedImageKind));
        QCOMPARE(record.model, model);
        QVERIFY(record.content.contains(QStringLiteral("A red kite over the hills")));
        const QList<media::Attachment> images = media::Attachment::listFromJson(record.attachmentsJson);
        QCOMPARE(images.size(), 1);
        QVERIFY(m_window->attachmentStore()->contains(images.first().hash));
        QCOMPARE(m_store->message(record.id)->attachmentsJson, record.attachmentsJson);
        QCOMPARE(m_store->conversation(id)->currentLeafId, record.id);
        // Priced per image from the catalog when it has a price for the model.
        const catalog::ModelInfo* info = m_window->catalog()->find(model);
        if (info && info->prices.perImageMicros)
            QVERIFY(messages->index(0)
                        .data(models::MessageListModel::CostTextRole)
                        .toString()
                        .startsWith(QStringLiteral("¥")));

        // Shown as a card with its image; never sent to the chat model.
        ui::ConversationView* view = m_window->conversationView();
        QVERIFY(view->attachmentRect(messages->index(0), 0).isValid());
        typeAndSend(QStringLiteral("Describe the weather."));
        waitIdle();
        const auto body = nlohmann::json::parse(m_server.requests().last().body.toStdString());
        QCOMPARE(body.at("messages").size(), size_t(1));
        QCOMPARE(body.at("messages").at(0).at("content").get<std::string>(),
                 std::string("Describe the weather."));
        shot("generated-image-in-conversation");
    }

    // An image that arrives while a delete is still being written waits for it, and its file is not
    // collected as garbage meanwhile.
    void anImageGeneratedDuringADeleteJoinsAfterIt()
    {
        conversationWith(QStringLiteral("loopback-echo"));
        typeAndSend(QStringLiteral("Something to delete"));
        waitIdle();
        QImage image(64, 64, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const QString path = m_dir.filePath(QStringLiteral("generated-during-delete.png"));
        QVERIFY(image.save(path));

        QSignalSpy deleted(m_window->session(), &session::ConversationSession::messagesDeleted);
        const qint64 question = m_window->session()->messages()->records().front().id;
        emit m_window->conversationView()->deleteRequested(question);
        QVERIFY(m_window->session()->isDeleting());
        m_window->addGeneratedImage(path, QStringLiteral("doubao-seedream-3-0-t2i-250415"),
                                    QStringLiteral("A cyan square"));
        QVERIFY(deleted.wait(kSafety));

        models::MessageListModel* messages = m_window->session()->messages();
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 1, kSafety);
        const store::MessageRecord record = messages->record(0);
        QCOMPARE(record.errorKind, QString::fromLatin1(session::ConversationSession::kGeneratedImageKind));
        const QList<media::Attachment> images = media::Attachment::listFromJson(record.attachmentsJson);
        QCOMPARE(images.size(), 1);
        QVERIFY(m_window->attachmentStore()->contains(images.first().hash));
        QCOMPARE(m_window->collectAttachmentGarbage(), 0); // referenced by the stored note now
        QVERIFY(m_window->attachmentStore()->contains(images.first().hash));
    }

    void eachAnswerShowsWhatItCost()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isCatalogReady(), kSafety);
        const qint64 id = conversationWith(QStringLiteral("doubao-seed-1-6-250615"));
        typeAndSend(QStringLiteral("Price me"));
        waitIdle();
        const QModelIndex answer = m_window->session()->messages()->index(1);
        const QString cost = answer.data(models::MessageListModel::CostTextRole).toString();
        QVERIFY2(cost.startsWith(QStringLiteral("¥")), qPrintable(cost));
        // The same request, priced the same way, is in the ledger.
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->usageLedger()->entries(id).empty(), kSafety);
        const store::LedgerEntry entry = m_window->usageLedger()->entries(id).back();
        QCOMPARE(entry.currency, QStringLiteral("CNY"));
        QVERIFY(entry.costMicros.has_value() && *entry.costMicros > 0);
    }

    void exportReadsAndWritesOffTheUiThread()
    {
        conversationWith(QStringLiteral("loopback-echo"));
        typeAndSend(QStringLiteral("Export me"));
        waitIdle();
        const QString path = m_dir.filePath(QStringLiteral("export.json"));
        QSignalSpy finished(m_window.get(), &ui::MainWindow::exportFinished);
        m_window->exportConversation(true, path);
        QVERIFY(finished.wait(kSafety));
        QCOMPARE(finished.first().at(0).toString(), path);
        QVERIFY(finished.first().at(1).toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("Export me"));
        QVERIFY(!bytes.contains("wiring-test-key"));
        const auto doc = nlohmann::json::parse(bytes.toStdString(), nullptr, false);
        QVERIFY(!doc.is_discarded());
    }
};

QTEST_MAIN(TestWindowWiring)
#include "tst_windowwiring.moc"
