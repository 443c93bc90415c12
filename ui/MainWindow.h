// The application's main window: conversation list on the left, the conversation in the centre,
// inspector panes docked on the right, the model picker and parameters on top, the composer below.
// It wires widgets to the session and the store; it builds no JSON and touches no network itself.
#pragma once

#include "models/ConversationListModel.h"
#include "session/ConversationSession.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QComboBox;
class QDockWidget;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace ark::secrets {
class KeyStore;
}

namespace ark::ui {

class Composer;
class ConversationSettingsPanel;
class ConversationSidebar;
class ConversationView;
class ExchangeInspector;
class FirstRunPanel;

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
    QComboBox* modelPicker() const { return m_modelPicker; }
    bool isShowingFirstRun() const;
    ExchangeInspector* exchangeInspector() const { return m_exchangeInspector; }

    qint64 newConversation();
    void openConversation(qint64 conversationId, qint64 focusMessageId = 0);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createToolBar();
    void createDocks();
    void connectSession();
    void applyKey(const QString& key);
    void updatePages();
    void refreshConversationList();
    void onSend(const QString& text);
    void onModelChosen(const QString& model);
    void onParamsEdited(const session::ConversationParams& params);
    void deleteConversation(qint64 id);
    void exportConversation(bool json);
    void importConversation();
    void openSettings();
    void showProblem(const QString& message);
    void editLastUserMessage();
    void restoreLayout();
    void focusLoadedConversation(); // after open(): the search hit, or the end of the conversation

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
    QComboBox* m_modelPicker = nullptr;
    QDockWidget* m_settingsDock = nullptr;
    ConversationSettingsPanel* m_settingsPanel = nullptr;
    QDockWidget* m_exchangeDock = nullptr;
    ExchangeInspector* m_exchangeInspector = nullptr;
    QLabel* m_statusLabel = nullptr;
    QToolButton* m_undoButton = nullptr;
    QTimer m_undoTimer;
    qint64 m_lastDeleted = 0;
    bool m_keyKnown = false; // a key was found (or saved) for the current account
    bool m_keyLoading = false;
    bool m_updatingPicker = false;
    bool m_focusPending = false; // openConversation() waits for the session's loaded()
    qint64 m_focusAfterLoad = 0; // the message to show then (a search hit); 0 = the end
};

} // namespace ark::ui
