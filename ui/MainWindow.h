// The application's main window: conversation list on the left, the conversation in the centre,
// inspector panes docked on the right, the model picker and parameters on top, the composer below.
// It wires widgets to the session and the store; it builds no JSON and touches no network itself.
#pragma once

#include "catalog/Catalog.h"
#include "models/ConversationListModel.h"
#include "session/ConversationSession.h"
#include "store/UsageLedger.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QThread;
class QDockWidget;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace ark::secrets {
class KeyStore;
}
namespace ark::catalog {
class EndpointRegistry;
class ServerSignals;
struct ActiveCatalog;
} // namespace ark::catalog
namespace ark::models {
class ModelCatalogModel;
}
namespace ark::store {
class HistoryLoader;
}
namespace ark::api {
class ImageGenerationClient;
class VideoTaskClient;
} // namespace ark::api
namespace ark::store {
class VideoTaskStore;
}
namespace ark::media {
class AttachmentStore;
struct Attachment;
} // namespace ark::media
namespace ark::pricing {
class TokenCounter;
}

namespace ark::ui {

class Composer;
class ConversationSettingsPanel;
class ConversationSidebar;
class ConversationView;
class CostCalculatorPane;
class DeprecationBanner;
class ExchangeInspector;
class ImageGenerationPanel;
class VideoTaskPane;
class FirstRunPanel;
class ModelPicker;
class TokenMeter;
class ToolCallInspector;
class ToolsEditor;
class UsageView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(api::ChatClient& client, store::ConversationStore& store, QWidget* parent = nullptr);
    ~MainWindow() override;

    // For tests and for the person's first start: the key comes from the keychain (or ARK_API_KEY).
    void reloadKey();
    session::ConversationSession* session() { return &m_session; }
    models::ConversationListModel* conversations() { return &m_conversations; }
    ConversationSidebar* sidebar() const { return m_sidebar; }
    ConversationView* conversationView() const { return m_view; }
    Composer* composer() const { return m_composer; }
    ModelPicker* modelPicker() const { return m_modelPicker; }
    DeprecationBanner* deprecationBanner() const { return m_banner; }
    TokenMeter* tokenMeter() const { return m_tokenMeter; }
    CostCalculatorPane* costCalculator() const { return m_costCalculator; }
    UsageView* usageView() const { return m_usageView; }
    ToolsEditor* toolsEditor() const { return m_toolsEditor; }
    ToolCallInspector* toolCallInspector() const { return m_toolCallInspector; }
    ConversationSettingsPanel* settingsPanel() const { return m_settingsPanel; }
    QDockWidget* toolCallsDock() const { return m_toolCallsDock; }
    ImageGenerationPanel* imageGeneration() const { return m_imagePanel; }
    VideoTaskPane* videoTasks() const { return m_videoPane; }
    bool isShowingFirstRun() const;
    ExchangeInspector* exchangeInspector() const { return m_exchangeInspector; }

    // The model catalog is read off the UI thread after the window is built; until catalogReady()
    // the catalog is empty (models show by id, without warnings or prices).
    bool isCatalogReady() const { return m_catalogReady; }
    std::shared_ptr<const catalog::Catalog> catalog() const { return m_catalog; }
    catalog::EndpointRegistry* endpoints() const { return m_endpoints; }
    catalog::ServerSignals* serverSignals() const { return m_serverSignals; }
    store::UsageLedger* usageLedger() { return &m_ledger; }
    // Switches the open conversation to `model` (what the picker, the switcher and the banner do).
    void chooseModel(const QString& model);
    media::AttachmentStore* attachmentStore() const { return m_attachmentStore.get(); }
    // Removes stored files no message (and no draft in the composer) refers to any more.
    int collectAttachmentGarbage();
    // Shows a stored image full size, or plays a video, in its own window.
    void showAttachment(const media::Attachment& attachment);
    void playVideo(const QString& path);
    // Asks where, then copies a stored attachment there.
    void saveAttachmentAs(const media::Attachment& attachment);
    // Puts a generated image into the open conversation (a new one when none is open), as a message
    // of its own that is shown and stored but never sent. Waits while an answer is arriving.
    void addGeneratedImage(const QString& filePath, const QString& model, const QString& prompt);
    // Exports the open conversation; asks where when `path` is empty. Ends with exportFinished().
    void exportConversation(bool json, const QString& path = QString());

    qint64 newConversation();
    void openConversation(qint64 conversationId, qint64 focusMessageId = 0);

signals:
    void catalogReady();
    void exportFinished(const QString& path, bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override; // drops on the conversation

private:
    void createActions();
    void createToolBar();
    void createDocks();
    void connectSession();
    void flushPendingImages();
    void applyKey(const QString& key);
    void applyEndpoint(const QUrl& baseUrl, const QString& key); // every client of the account
    void createGenerationDocks();
    void updatePages();
    void refreshConversationList();
    void onSend(const QString& text);
    void onParamsEdited(const session::ConversationParams& params);
    void deleteConversation(qint64 id);
    void importConversation();
    void openSettings();
    void showProblem(const QString& message);
    void editLastUserMessage();
    void restoreLayout();
    void focusLoadedConversation(); // after open(): the search hit, or the end of the conversation
    void startCatalogLoad();
    void applyCatalog(const catalog::ActiveCatalog& active);
    void showModel(const QString& model); // the picker, the banner and the token meter follow it
    void updateMeterContext();            // coalesced: refreshMeterContext() once the current event is done
    void refreshMeterContext();
    void updateMediaTokens(); // attached images in the draft and the history, for the token line
    void checkRetiringSoon();
    void openCatalogBrowser();
    void switchModelFromBanner(const QString& from, const QString& to);

    api::ChatClient& m_client;
    store::ConversationStore& m_store;
    secrets::KeyStore* m_keys;
    session::ConversationSession m_session;
    models::ConversationListModel m_conversations;

    ConversationSidebar* m_sidebar = nullptr;
    QSplitter* m_splitter = nullptr;
    QStackedWidget* m_pages = nullptr;
    FirstRunPanel* m_firstRun = nullptr;
    QWidget* m_conversationPage = nullptr;
    ConversationView* m_view = nullptr;
    Composer* m_composer = nullptr;
    QLabel* m_problem = nullptr;
    ModelPicker* m_modelPicker = nullptr;
    DeprecationBanner* m_banner = nullptr;
    TokenMeter* m_tokenMeter = nullptr;
    pricing::TokenCounter* m_meterCounter = nullptr;
    pricing::TokenCounter* m_calculatorCounter = nullptr;
    CostCalculatorPane* m_costCalculator = nullptr;
    QDockWidget* m_costDock = nullptr;
    UsageView* m_usageView = nullptr;
    ToolsEditor* m_toolsEditor = nullptr;
    QDockWidget* m_toolsDock = nullptr;
    ToolCallInspector* m_toolCallInspector = nullptr;
    QDockWidget* m_toolCallsDock = nullptr;
    QDockWidget* m_usageDock = nullptr;
    std::shared_ptr<const catalog::Catalog> m_catalog; // empty until the load ends
    bool m_catalogReady = false;
    bool m_catalogImported = false;
    catalog::EndpointRegistry* m_endpoints = nullptr;
    catalog::ServerSignals* m_serverSignals = nullptr;
    models::ModelCatalogModel* m_catalogModel = nullptr;
    QPointer<QThread> m_catalogThread;
    store::UsageLedger m_ledger;
    store::HistoryLoader* m_exportLoader = nullptr;
    std::unique_ptr<media::AttachmentStore> m_attachmentStore;
    struct PendingImage
    {
        media::Attachment image;
        QString model, prompt;
    };
    QList<PendingImage> m_pendingImages; // generated while the session was busy; added when it is not
    api::ImageGenerationClient* m_imageClient = nullptr;
    api::VideoTaskClient* m_videoClient = nullptr;
    std::unique_ptr<store::VideoTaskStore> m_videoTaskStore;
    ImageGenerationPanel* m_imagePanel = nullptr;
    QDockWidget* m_imageDock = nullptr;
    VideoTaskPane* m_videoPane = nullptr;
    QDockWidget* m_videoDock = nullptr;
    QDockWidget* m_settingsDock = nullptr;
    ConversationSettingsPanel* m_settingsPanel = nullptr;
    QDockWidget* m_exchangeDock = nullptr;
    ExchangeInspector* m_exchangeInspector = nullptr;
    QLabel* m_statusLabel = nullptr;
    QToolButton* m_undoButton = nullptr;
    QTimer m_undoTimer;
    QTimer m_meterContextTimer;
    qint64 m_lastDeleted = 0;
    bool m_keyKnown = false; // a key was found (or saved) for the current account
    bool m_keyLoading = false;
    bool m_focusPending = false; // openConversation() waits for the session's loaded()
    qint64 m_focusAfterLoad = 0; // the message to show then (a search hit); 0 = the end
};

} // namespace ark::ui
