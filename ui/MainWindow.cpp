#include "MainWindow.h"

#include "ConversationSidebar.h"
#include "conversation/Composer.h"
#include "conversation/ConversationView.h"
#include "inspector/ExchangeInspector.h"
#include "secrets/KeyStore.h"
#include "session/AccountSettings.h"
#include "settings/ConversationSettingsPanel.h"
#include "settings/FirstRunPanel.h"
#include "settings/SettingsDialog.h"
#include "store/ConversationExport.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

namespace ark::ui {

namespace {

// A plain list until the model catalog replaces it: ids as the Ark model list writes them.
const QStringList kKnownModels = {
    QStringLiteral("doubao-seed-1-6-250615"),
    QStringLiteral("doubao-seed-1-6-flash-250615"),
    QStringLiteral("doubao-seed-1-6-thinking-250615"),
    QStringLiteral("doubao-1-5-pro-32k-250115"),
    QStringLiteral("doubao-1-5-thinking-pro-250415"),
    QStringLiteral("deepseek-r1-250528"),
    QStringLiteral("deepseek-v3-250324"),
};

QString defaultModel()
{
    const QStringList recent = session::AccountSettings::recentModels();
    return recent.isEmpty() ? kKnownModels.first() : recent.first();
}

QString safeFileName(QString title)
{
    title.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|\x00-\x1f])")), QStringLiteral("_"));
    title = title.trimmed().left(60);
    return title.isEmpty() ? QStringLiteral("conversation") : title;
}

} // namespace

MainWindow::MainWindow(api::ChatClient& client, store::ConversationStore& store, QWidget* parent)
    : QMainWindow(parent), m_client(client), m_store(store),
      m_keys(new secrets::KeyStore(secrets::kKeychainService, this)), m_session(store, client, this)
{
    setWindowTitle(tr("Ark Workbench"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1200, 780);

    m_sidebar = new ConversationSidebar(&m_conversations, this);

    m_view = new ConversationView(this);
    m_view->setObjectName(QStringLiteral("conversationView"));
    m_view->setModel(m_session.messages());
    m_composer = new Composer(this);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_composer->setSendWithCtrlEnter(session::AccountSettings::sendWithCtrlEnter());
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setVisible(false);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: palette(highlighted-text); background: #b3261e; "
                                            "padding: 6px 10px; border-radius: 4px; }"));

    m_conversationPage = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(m_conversationPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(4);
    pageLayout->addWidget(m_view, 1);
    pageLayout->addWidget(m_problem);
    pageLayout->addWidget(m_composer);

    m_firstRun = new FirstRunPanel(this);
    m_firstRun->setObjectName(QStringLiteral("firstRunPanel"));

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_conversationPage);
    m_pages->addWidget(m_firstRun);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({260, 940});
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_statusLabel = new QLabel(this);
    statusBar()->addWidget(m_statusLabel, 1);
    m_undoButton = new QToolButton(this);
    m_undoButton->setText(tr("Undo"));
    m_undoButton->setVisible(false);
    statusBar()->addPermanentWidget(m_undoButton);
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(10000);
    connect(&m_undoTimer, &QTimer::timeout, this, [this] {
        m_undoButton->setVisible(false);
        m_lastDeleted = 0;
    });
    connect(m_undoButton, &QToolButton::clicked, this, [this] {
        if (m_lastDeleted && m_store.restoreConversation(m_lastDeleted)) {
            refreshConversationList();
            openConversation(m_lastDeleted);
            m_statusLabel->setText(tr("Conversation restored."));
        }
        m_undoTimer.stop();
        m_undoButton->setVisible(false);
        m_lastDeleted = 0;
    });

    createToolBar();
    createDocks();
    createActions();
    connectSession();

    // Sidebar intent
    connect(m_sidebar, &ConversationSidebar::newRequested, this, [this] { newConversation(); });
    connect(m_sidebar, &ConversationSidebar::conversationActivated, this,
            [this](qint64 id, qint64 messageId) { openConversation(id, messageId); });
    connect(m_sidebar, &ConversationSidebar::renameRequested, this, [this](qint64 id, const QString& title) {
        m_store.renameConversation(id, title);
        if (auto record = m_store.conversation(id))
            m_conversations.upsert(*record);
    });
    connect(m_sidebar, &ConversationSidebar::pinRequested, this, [this](qint64 id, bool pinned) {
        m_store.setPinned(id, pinned);
        if (auto record = m_store.conversation(id))
            m_conversations.upsert(*record);
    });
    connect(m_sidebar, &ConversationSidebar::duplicateRequested, this, [this](qint64 id) {
        if (const auto copy = m_store.duplicateConversation(id)) {
            refreshConversationList();
            openConversation(*copy);
        }
    });
    connect(m_sidebar, &ConversationSidebar::deleteRequested, this, &MainWindow::deleteConversation);
    connect(m_sidebar, &ConversationSidebar::searchRequested, this, [this](const QString& text) {
        if (text.isEmpty())
            m_conversations.clearSearch();
        else
            m_conversations.setSearchResults(m_store.search(text));
        m_sidebar->selectConversation(m_session.conversationId());
    });

    // Conversation intent
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::onSend);
    connect(m_composer, &Composer::stopRequested, &m_session, &session::ConversationSession::stop);
    connect(m_composer, &Composer::editLastRequested, this, &MainWindow::editLastUserMessage);
    connect(m_composer, &Composer::editSubmitted, this, [this](qint64 id, const QString& text) {
        m_problem->setVisible(false);
        m_session.editAndResend(id, text);
    });
    connect(m_view, &ConversationView::regenerateRequested, this,
            [this](qint64 id) { m_session.regenerate(id); });
    connect(m_view, &ConversationView::retryRequested, this, [this](qint64 id) { m_session.regenerate(id); });
    connect(m_view, &ConversationView::editRequested, this, [this](qint64 id) {
        const int row = m_session.messages()->rowForId(id);
        if (row >= 0)
            m_composer->beginEdit(id, m_session.messages()->record(row).content);
    });
    connect(m_view, &ConversationView::deleteRequested, this, [this](qint64 id) {
        if (m_session.isBusy()) {
            showProblem(tr("Stop the answer before deleting messages."));
            return;
        }
        m_session.deleteMessage(id);
    });
    connect(m_view, &ConversationView::branchStepRequested, this,
            [this](qint64 id, int step) { m_session.switchBranch(id, step); });
    connect(m_view, &ConversationView::linkActivated, this, [](const QUrl& url) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            QDesktopServices::openUrl(url);
    });

    connect(m_firstRun, &FirstRunPanel::keySaved, this, [this](const QString&) { reloadKey(); });

    refreshConversationList();
    restoreLayout();
    const qint64 last = QSettings().value(QStringLiteral("window/lastConversation")).toLongLong();
    if (last && m_conversations.rowForId(last) >= 0)
        openConversation(last);
    else if (m_conversations.rowCount() > 0)
        openConversation(
            m_conversations.index(0).data(models::ConversationListModel::ConversationIdRole).toLongLong());
    reloadKey();
    updatePages();
}

MainWindow::~MainWindow() = default;

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Conversation"));
    bar->setObjectName(QStringLiteral("conversationToolBar"));
    bar->setMovable(false);
    auto* label = new QLabel(tr("Model:"), bar);
    label->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(label);
    m_modelPicker = new QComboBox(bar);
    m_modelPicker->setObjectName(QStringLiteral("modelPicker"));
    m_modelPicker->setEditable(true);
    m_modelPicker->setInsertPolicy(QComboBox::NoInsert);
    m_modelPicker->setMinimumContentsLength(30);
    m_modelPicker->setToolTip(tr("The model ID or endpoint ID (ep-…) this conversation talks to"));
    m_modelPicker->setAccessibleName(tr("Model"));
    label->setBuddy(m_modelPicker);
    QStringList models = session::AccountSettings::recentModels();
    for (const QString& model : kKnownModels)
        if (!models.contains(model))
            models << model;
    m_modelPicker->addItems(models);
    bar->addWidget(m_modelPicker);
    connect(m_modelPicker->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { onModelChosen(m_modelPicker->currentText()); });
    connect(m_modelPicker, &QComboBox::activated, this,
            [this](int index) { onModelChosen(m_modelPicker->itemText(index)); });
}

void MainWindow::createDocks()
{
    setDockNestingEnabled(true);
    m_settingsPanel = new ConversationSettingsPanel(this);
    m_settingsDock = new QDockWidget(tr("Conversation settings"), this);
    m_settingsDock->setObjectName(QStringLiteral("conversationSettingsDock"));
    m_settingsDock->setWidget(m_settingsPanel);
    m_settingsDock->setAllowedAreas(Qt::RightDockWidgetArea | Qt::LeftDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_settingsDock);
    connect(m_settingsPanel, &ConversationSettingsPanel::paramsChanged, this, &MainWindow::onParamsEdited);

    // Raw exchanges of the open conversation, tabbed with the settings; hidden until asked for.
    m_exchangeInspector = new ExchangeInspector(m_session.exchangeLog(), this);
    m_exchangeDock = new QDockWidget(tr("Raw exchanges"), this);
    m_exchangeDock->setObjectName(QStringLiteral("exchangeInspectorDock"));
    m_exchangeDock->setWidget(m_exchangeInspector);
    m_exchangeDock->setAllowedAreas(Qt::RightDockWidgetArea | Qt::LeftDockWidgetArea |
                                    Qt::BottomDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_exchangeDock);
    tabifyDockWidget(m_settingsDock, m_exchangeDock);
    m_settingsDock->raise();
    m_exchangeDock->hide();
    connect(&m_session, &session::ConversationSession::loaded, this,
            [this] { m_exchangeInspector->setLog(m_session.exchangeLog()); });
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* create = file->addAction(tr("&New conversation"), this, [this] { newConversation(); });
    create->setShortcut(QKeySequence::New);
    QAction* find = file->addAction(tr("&Search conversations"), this, [this] { m_sidebar->focusSearch(); });
    find->setShortcut(QKeySequence::Find);
    file->addSeparator();
    file->addAction(tr("Export as &Markdown…"), this, [this] { exportConversation(false); });
    file->addAction(tr("Export as &JSON…"), this, [this] { exportConversation(true); });
    file->addAction(tr("&Import conversation…"), this, &MainWindow::importConversation);
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* sidebar = view->addAction(tr("Conversation &list"));
    sidebar->setCheckable(true);
    sidebar->setChecked(true);
    sidebar->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(sidebar, &QAction::toggled, m_sidebar, &QWidget::setVisible);
    view->addAction(m_settingsDock->toggleViewAction());
    view->addAction(m_exchangeDock->toggleViewAction());
    // Tabbed behind the settings, a dock that is merely shown would stay hidden behind its tab.
    connect(m_exchangeDock->toggleViewAction(), &QAction::triggered, m_exchangeDock, [this](bool shown) {
        if (shown)
            m_exchangeDock->raise();
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Ark Workbench"), this, [this] {
        QMessageBox::about(
            this, tr("About Ark Workbench"),
            tr("<p><b>Ark Workbench %1</b></p><p>A native workbench for chatting with, experimenting "
               "on and comparing large models.</p>")
                .arg(QApplication::applicationVersion()));
    });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::connectSession()
{
    connect(&m_session, &session::ConversationSession::busyChanged, this, [this](bool busy) {
        m_composer->setBusy(busy);
        m_statusLabel->setText(busy ? tr("The model is answering… (Esc to stop)") : QString());
    });
    connect(&m_session, &session::ConversationSession::problem, this, &MainWindow::showProblem);
    connect(&m_session, &session::ConversationSession::loaded, this, &MainWindow::focusLoadedConversation);
    connect(&m_session, &session::ConversationSession::conversationChanged, this, [this](qint64 id) {
        if (auto record = m_store.conversation(id))
            m_conversations.upsert(*record);
        m_sidebar->selectConversation(m_session.conversationId());
    });
    connect(&m_session, &session::ConversationSession::requestFinished, this, [this](qint64 id, bool ok) {
        const int row = m_session.messages()->rowForId(id);
        if (row < 0)
            return;
        const store::MessageRecord& message = m_session.messages()->record(row);
        if (ok)
            m_statusLabel->setText(tr("Answered in %1 s.").arg(message.totalMs / 1000.0, 0, 'f', 1));
        else
            m_statusLabel->setText(message.errorMessage.section(QLatin1Char('\n'), 0, 0));
    });
}

bool MainWindow::isShowingFirstRun() const
{
    return m_pages->currentWidget() == m_firstRun;
}

void MainWindow::reloadKey()
{
    const QString accountId = session::AccountSettings::currentAccountId();
    const session::ProviderAccount account = session::AccountSettings::account(accountId);
    const QString fromEnvironment = qEnvironmentVariable("ARK_API_KEY").trimmed();
    if (!fromEnvironment.isEmpty()) {
        m_session.setEndpoint(account.baseUrl, fromEnvironment);
        applyKey(fromEnvironment);
        return;
    }
    m_keyLoading = true;
    QPointer<MainWindow> self(this);
    m_keys->readKey(accountId, [self, account](secrets::KeyResult result) {
        if (!self)
            return;
        self->m_keyLoading = false;
        if (result.status == secrets::KeyResult::Status::Ok) {
            self->m_session.setEndpoint(account.baseUrl, result.key);
            self->applyKey(result.key);
        } else {
            self->m_session.setEndpoint(account.baseUrl, QString());
            self->applyKey(QString());
            if (result.status != secrets::KeyResult::Status::NotFound)
                self->showProblem(result.message);
        }
    });
}

void MainWindow::applyKey(const QString& key)
{
    m_keyKnown = !key.isEmpty();
    m_composer->setEnabledForSending(
        m_keyKnown, m_keyKnown ? QString() : tr("Add an API key in Settings to send messages."));
    updatePages();
}

void MainWindow::updatePages()
{
    // Without a key the conversation area explains where one comes from, unless there is history to read.
    const bool firstRun = !m_keyKnown && !m_keyLoading && m_conversations.rowCount() == 0;
    m_pages->setCurrentWidget(firstRun ? static_cast<QWidget*>(m_firstRun) : m_conversationPage);
}

void MainWindow::refreshConversationList()
{
    m_conversations.setConversations(m_store.listConversations());
    m_sidebar->selectConversation(m_session.conversationId());
}

qint64 MainWindow::newConversation()
{
    const QString model = m_session.conversationId() ? m_session.params().model : defaultModel();
    const store::ConversationRecord record = m_store.createConversation(
        session::ConversationSession::defaultTitle(), model.isEmpty() ? defaultModel() : model);
    if (!record.id) {
        showProblem(tr("Could not create a conversation: %1").arg(m_store.database().lastError()));
        return 0;
    }
    m_conversations.upsert(record);
    openConversation(record.id);
    m_composer->setFocus();
    return record.id;
}

void MainWindow::openConversation(qint64 conversationId, qint64 focusMessageId)
{
    m_problem->setVisible(false);
    // The messages arrive later (loaded()), or within open() for an empty conversation: say first
    // where to scroll once they are there.
    const bool wasPending = std::exchange(m_focusPending, true);
    const qint64 previousFocus = std::exchange(m_focusAfterLoad, focusMessageId);
    if (!m_session.open(conversationId)) { // nothing changed: a load in flight keeps its focus
        m_focusPending = wasPending;
        m_focusAfterLoad = previousFocus;
        showProblem(tr("Could not open the conversation."));
        return;
    }
    m_sidebar->selectConversation(conversationId);
    QSettings().setValue(QStringLiteral("window/lastConversation"), conversationId);
    const session::ConversationParams params = m_session.params();
    m_updatingPicker = true;
    m_modelPicker->setCurrentText(params.model);
    m_updatingPicker = false;
    m_settingsPanel->setParams(params);
    updatePages();
}

void MainWindow::focusLoadedConversation()
{
    if (!m_focusPending)
        return; // a branch switch: the view stays where the person is
    m_focusPending = false;
    if (m_focusAfterLoad) {
        // A search hit: show and select the message that matched.
        const int row = m_session.messages()->rowForId(m_focusAfterLoad);
        if (row >= 0) {
            const QModelIndex index = m_session.messages()->index(row);
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
    } else {
        m_view->scrollToBottom();
    }
}

void MainWindow::onSend(const QString& text)
{
    m_problem->setVisible(false);
    if (!m_session.conversationId() && !newConversation())
        return;
    if (m_session.send(text))
        session::AccountSettings::addRecentModel(m_session.params().model);
}

void MainWindow::onModelChosen(const QString& chosen)
{
    const QString model = chosen.trimmed();
    if (m_updatingPicker || model.isEmpty() || !m_session.conversationId())
        return;
    session::ConversationParams params = m_session.params();
    if (params.model == model)
        return;
    params.model = model;
    m_session.setParams(params);
    m_settingsPanel->setParams(params);
    session::AccountSettings::addRecentModel(model);
}

void MainWindow::onParamsEdited(const session::ConversationParams& params)
{
    if (!m_session.conversationId())
        return;
    m_session.setParams(params);
    m_updatingPicker = true;
    m_modelPicker->setCurrentText(params.model);
    m_updatingPicker = false;
}

void MainWindow::deleteConversation(qint64 id)
{
    if (id == m_session.conversationId()) {
        m_session.stop();
        m_session.close();
    }
    if (!m_store.deleteConversation(id))
        return;
    m_conversations.remove(id);
    m_lastDeleted = id;
    m_statusLabel->setText(tr("Conversation deleted."));
    m_undoButton->setVisible(true);
    m_undoTimer.start();
    if (!m_session.conversationId() && m_conversations.rowCount() > 0)
        openConversation(
            m_conversations.index(0).data(models::ConversationListModel::ConversationIdRole).toLongLong());
    updatePages();
}

void MainWindow::exportConversation(bool json)
{
    const auto record = m_store.conversation(m_session.conversationId());
    if (!record) {
        showProblem(tr("Open a conversation to export it."));
        return;
    }
    const QString suffix = json ? QStringLiteral(".json") : QStringLiteral(".md");
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Export as JSON") : tr("Export as Markdown"), safeFileName(record->title) + suffix,
        json ? tr("JSON files (*.json)") : tr("Markdown files (*.md)"));
    if (path.isEmpty())
        return;
    const std::vector<store::MessageRecord> path_ = m_store.activePath(record->id);
    QSaveFile out(path);
    const QByteArray bytes = json ? store::ConversationExport::toJson(*record, path_)
                                  : store::ConversationExport::toMarkdown(*record, path_).toUtf8();
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        showProblem(tr("Could not write %1: %2").arg(path, out.errorString()));
        return;
    }
    m_statusLabel->setText(tr("Exported to %1.").arg(path));
}

void MainWindow::importConversation()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import conversation"), QString(),
                                                      tr("Ark Workbench JSON (*.json)"));
    if (path.isEmpty())
        return;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        showProblem(tr("Could not read %1: %2").arg(path, in.errorString()));
        return;
    }
    QString error;
    const auto id = store::ConversationExport::importJson(m_store, in.readAll(), &error);
    if (!id) {
        showProblem(tr("Could not import %1: %2").arg(path, error));
        return;
    }
    refreshConversationList();
    openConversation(*id);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_client, this);
    dialog.setTestModel(m_session.params().model);
    connect(&dialog, &SettingsDialog::keyChanged, this, [this](const QString&) { reloadKey(); });
    connect(&dialog, &SettingsDialog::accountsChanged, this, [this] { reloadKey(); });
    connect(&dialog, &SettingsDialog::sendKeyChanged, m_composer, &Composer::setSendWithCtrlEnter);
    dialog.exec();
}

void MainWindow::showProblem(const QString& message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void MainWindow::editLastUserMessage()
{
    const auto& rows = m_session.messages()->records();
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        if (it->role == api::Role::User) {
            m_composer->beginEdit(it->id, it->content);
            return;
        }
    }
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_session.stop(); // what arrived is saved, marked interrupted
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    event->accept();
}

} // namespace ark::ui
