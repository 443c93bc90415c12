#include "MainWindow.h"

#include "ConversationSidebar.h"
#include "api/ImageGenerationClient.h"
#include "api/VideoTaskClient.h"
#include "catalog/CatalogBrowser.h"
#include "catalog/DeprecationBanner.h"
#include "catalog/EndpointRegistry.h"
#include "catalog/ModelPicker.h"
#include "catalog/QuickSwitcher.h"
#include "catalog/ServerSignals.h"
#include "conversation/Composer.h"
#include "conversation/ConversationView.h"
#include "inspector/ExchangeInspector.h"
#include "media/Attachment.h"
#include "media/AttachmentStore.h"
#include "media/ImageGenerationPanel.h"
#include "media/MediaLimits.h"
#include "media/MediaViewer.h"
#include "media/VideoPlayer.h"
#include "media/VideoTaskPane.h"
#include "models/ModelCatalogModel.h"
#include "pricing/CostCalculatorPane.h"
#include "pricing/PriceTable.h"
#include "pricing/TokenCounter.h"
#include "pricing/TokenMeter.h"
#include "pricing/UsageView.h"
#include "secrets/KeyStore.h"
#include "session/AccountSettings.h"
#include "settings/ConversationSettingsPanel.h"
#include "settings/FirstRunPanel.h"
#include "settings/SettingsDialog.h"
#include "store/ConversationExport.h"
#include "store/HistoryLoader.h"
#include "store/VideoTaskStore.h"
#include "tools/ToolCallInspector.h"
#include "tools/ToolsEditor.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

namespace ark::ui {

namespace {

// A new conversation's model when the person has used none yet: a current Ark model.
QString defaultModel()
{
    const QStringList recent = session::AccountSettings::recentModels();
    return recent.isEmpty() ? QStringLiteral("doubao-seed-1-6-250615") : recent.first();
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
      m_keys(new secrets::KeyStore(secrets::kKeychainService, this)), m_session(store, client, this),
      m_catalog(std::make_shared<const catalog::Catalog>()), m_ledger(store.database())
{
    // The catalog starts empty and is read on a worker thread (startCatalogLoad), so building the
    // first window never waits for it; what depends on it follows when it arrives (applyCatalog).
    m_serverSignals = new catalog::ServerSignals(QString(), this);
    m_endpoints = new catalog::EndpointRegistry(m_catalog, this);
    m_catalogModel = new models::ModelCatalogModel(m_catalog, this);
    m_catalogModel->setEndpoints(m_endpoints);
    m_catalogModel->setServerSignals(m_serverSignals);
    m_session.setCatalog(m_catalog.get()); // prices for the ledger; m_catalog keeps it alive
    m_session.setUsageLedger(&m_ledger);

    setWindowTitle(tr("Ark Workbench"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1200, 780);

    m_sidebar = new ConversationSidebar(&m_conversations, this);

    m_view = new ConversationView(this);
    m_view->setObjectName(QStringLiteral("conversationView"));
    m_view->setModel(m_session.messages());
    // Each answer's cost, from the catalog's tier for the usage it reported.
    m_session.messages()->setCostFormatter([this](const store::MessageRecord& record) -> QString {
        if (record.role != api::Role::Assistant || !m_catalogReady)
            return {};
        const bool generatedImage =
            record.errorKind == QLatin1String(session::ConversationSession::kGeneratedImageKind);
        if (!record.usage.present && !generatedImage)
            return {};
        const catalog::ModelInfo* info =
            m_endpoints->resolve(record.model.isEmpty() ? m_session.params().model : record.model);
        if (!info)
            return {};
        pricing::CostBreakdown cost;
        if (generatedImage) {
            // Seedream is billed per image (the catalog's per-image price), not per token.
            if (!info->prices.perImageMicros)
                return {};
            cost.valid = true;
            cost.currency = info->prices.currency;
            cost.outputMicros =
                *info->prices.perImageMicros *
                std::max<qint64>(1, media::Attachment::listFromJson(record.attachmentsJson).size());
        } else {
            pricing::TokenCounts counts;
            counts.inputTokens = record.usage.promptTokens;
            counts.cachedTokens = std::max<qint64>(0, record.usage.cachedTokens);
            counts.outputTokens = std::max<qint64>(0, record.usage.completionTokens);
            cost = info->prices.cost(counts);
        }
        if (!cost.valid)
            return {};
        QString amount = QString::number(cost.totalMicros() / 1e6, 'f', 6);
        while (amount.endsWith(QLatin1Char('0')))
            amount.chop(1);
        if (amount.endsWith(QLatin1Char('.')))
            amount.chop(1);
        const QString symbol = cost.currency == QLatin1String("CNY")   ? QStringLiteral("¥")
                               : cost.currency == QLatin1String("USD") ? QStringLiteral("$")
                                                                       : cost.currency + QLatin1Char(' ');
        return symbol + amount;
    });
    // The meter recounts the whole conversation: one coalesced pass after the changes of an event.
    m_meterContextTimer.setSingleShot(true);
    m_meterContextTimer.setInterval(0);
    connect(&m_meterContextTimer, &QTimer::timeout, this, &MainWindow::refreshMeterContext);
    m_composer = new Composer(this);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_composer->setSendWithCtrlEnter(session::AccountSettings::sendWithCtrlEnter());
    // Attached files live once each, by content hash, next to the database.
    m_attachmentStore = std::make_unique<media::AttachmentStore>(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/attachments"));
    m_composer->setAttachmentStore(m_attachmentStore.get());
    m_session.setAttachmentStore(m_attachmentStore.get());
    connect(m_composer, &Composer::attachmentActivated, this, &MainWindow::showAttachment);
    connect(m_composer, &Composer::attachmentsChanged, this, &MainWindow::updateMediaTokens);
    connect(m_composer, &Composer::switchModelSuggested, this, [this] { m_modelPicker->openSwitcher(); });
    // Files dropped on the conversation are attached as if dropped on the composer.
    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);
    m_banner = new DeprecationBanner(this);
    m_banner->setObjectName(QStringLiteral("deprecationBanner"));
    m_banner->setSources(m_catalog, m_endpoints, m_serverSignals);
    m_meterCounter = new pricing::TokenCounter(m_client.network(), this);
    m_tokenMeter = new TokenMeter(this);
    m_tokenMeter->setObjectName(QStringLiteral("tokenMeter"));
    m_tokenMeter->setTokenCounter(m_meterCounter);
    m_tokenMeter->followEditor(m_composer->editor());
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
    pageLayout->addWidget(m_banner);
    pageLayout->addWidget(m_view, 1);
    pageLayout->addWidget(m_problem);
    pageLayout->addWidget(m_composer);
    pageLayout->addWidget(m_tokenMeter);

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
        m_session.deleteMessage(id); // messagesDeleted() frees the files no message uses any more
    });
    m_view->setAttachmentStore(m_attachmentStore.get());
    connect(m_view, &ConversationView::attachmentActivated, this, &MainWindow::showAttachment);
    connect(m_view, &ConversationView::attachmentSaveRequested, this, &MainWindow::saveAttachmentAs);
    connect(m_view, &ConversationView::branchStepRequested, this,
            [this](qint64 id, int step) { m_session.switchBranch(id, step); });
    connect(m_view, &ConversationView::toolCallActivated, this, [this] {
        m_toolCallsDock->show();
        m_toolCallsDock->raise();
    });
    connect(m_view, &ConversationView::linkActivated, this, [](const QUrl& url) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            QDesktopServices::openUrl(url);
    });

    connect(m_firstRun, &FirstRunPanel::keySaved, this, [this](const QString&) { reloadKey(); });

    // Warnings about the conversation's model, and what servers say about it at run time.
    connect(m_banner, &DeprecationBanner::switchRequested, this, &MainWindow::switchModelFromBanner);
    connect(m_banner, &DeprecationBanner::chooseModelRequested, this,
            [this] { m_modelPicker->openSwitcher(); });
    connect(&m_session, &session::ConversationSession::deprecationSignalled, this,
            [this](const api::DeprecationNotice& notice) {
                m_serverSignals->record(m_session.params().model, notice);
            });
    connect(m_endpoints, &catalog::EndpointRegistry::noticeRaised, this,
            [this](const catalog::EndpointNotice& notice) { m_statusLabel->setText(notice.text); });
    connect(m_endpoints, &catalog::EndpointRegistry::changed, this, [this] {
        if (m_session.conversationId())
            showModel(m_session.params().model);
    });
    // "Retires in 4 days" must stay true in a window left open for days.
    auto* hourly = new QTimer(this);
    hourly->setInterval(60 * 60 * 1000);
    connect(hourly, &QTimer::timeout, this, [this] {
        m_catalogModel->refresh();
        m_banner->reevaluate();
    });
    hourly->start();

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
    startCatalogLoad();
    QTimer::singleShot(0, this, [this] { collectAttachmentGarbage(); });
}

int MainWindow::collectAttachmentGarbage()
{
    QSet<QString> referenced = media::referencedHashes(m_composer->attachments());
    for (const PendingImage& pending : std::as_const(m_pendingImages))
        referenced.insert(pending.image.hash); // generated, waiting to be written into the conversation
    for (const QString& list : m_store.allAttachmentLists())
        referenced.unite(media::referencedHashes(media::Attachment::listFromJson(list)));
    return m_attachmentStore->collectGarbage(referenced);
}

void MainWindow::showAttachment(const media::Attachment& attachment)
{
    if (attachment.isRemote()) {
        // A pasted link was sent as it is; the browser shows it (only web links are opened).
        const QUrl url(attachment.url);
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            QDesktopServices::openUrl(url);
        return;
    }
    // The store finds the file by its content even if the app-data folder moved.
    QString path = attachment.hash.isEmpty() ? QString() : m_attachmentStore->pathFor(attachment.hash);
    if (path.isEmpty() && QFileInfo::exists(attachment.storedPath))
        path = attachment.storedPath;
    if (path.isEmpty()) {
        const QString name =
            attachment.originalName.isEmpty() ? tr("The attached file") : attachment.originalName;
        showProblem(tr("%1 is no longer stored on this computer, so it cannot be shown.").arg(name));
        return;
    }
    if (attachment.isVideo()) {
        playVideo(path);
        return;
    }
    auto* viewer = new MediaViewer(this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setAttachment(attachment, m_attachmentStore.get());
    viewer->show();
}

void MainWindow::playVideo(const QString& path)
{
    VideoPlayerDialog::showFile(path, this);
}

void MainWindow::saveAttachmentAs(const media::Attachment& attachment)
{
    QString source = attachment.hash.isEmpty() ? QString() : m_attachmentStore->pathFor(attachment.hash);
    if (source.isEmpty() && QFileInfo::exists(attachment.storedPath))
        source = attachment.storedPath;
    if (source.isEmpty()) {
        showProblem(tr("The attached file is no longer stored, so it cannot be saved."));
        return;
    }
    const QString suggested =
        attachment.originalName.isEmpty() ? QFileInfo(source).fileName() : attachment.originalName;
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Save attachment as"),
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) + QLatin1Char('/') + suggested);
    if (target.isEmpty())
        return;
    if (QFileInfo::exists(target))
        QFile::remove(target); // the dialog already asked before replacing it
    if (!QFile::copy(source, target))
        showProblem(tr("Could not save %1.").arg(QDir::toNativeSeparators(target)));
}

void MainWindow::addGeneratedImage(const QString& filePath, const QString& model, const QString& prompt)
{
    // Stored once by content, like an attached file: the conversation keeps it even if the person
    // deletes the result folder.
    QImageReader reader(filePath);
    const QByteArray format = reader.format();
    const QString mime = format.isEmpty() ? QStringLiteral("image/png")
                                          : QStringLiteral("image/") + QString::fromLatin1(format).toLower();
    QString error, hash;
    const QString stored = m_attachmentStore->storeFile(filePath, mime, &error, &hash);
    if (stored.isEmpty()) {
        showProblem(tr("The generated image could not be added to the conversation: %1").arg(error));
        return;
    }
    media::Attachment image;
    image.kind = media::MediaKind::Image;
    image.hash = hash;
    image.mime = mime;
    image.storedPath = stored;
    image.originalName = QFileInfo(filePath).fileName();
    image.pixelSize = reader.size();
    image.byteSize = QFileInfo(stored).size();
    m_pendingImages.append({image, model, prompt});
    if (!m_session.conversationId() && !newConversation())
        return;
    flushPendingImages();
}

void MainWindow::flushPendingImages()
{
    while (!m_pendingImages.isEmpty() && m_session.conversationId() && !m_session.isBusy() &&
           !m_session.isLoading() && !m_session.isDeleting()) {
        const PendingImage next = m_pendingImages.takeFirst();
        if (!m_session.recordGeneratedImage(next.prompt, next.model, next.image))
            return; // the session said why (problem()); the image stays in the panel
        m_view->scrollToBottom();
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::DragEnter) {
            auto* drag = static_cast<QDragEnterEvent*>(event);
            if (Composer::canAcceptMimeData(drag->mimeData())) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            if (m_composer->acceptMimeData(drop->mimeData())) {
                drop->acceptProposedAction();
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

MainWindow::~MainWindow()
{
    if (m_catalogThread)
        m_catalogThread->wait(); // a parse of a file: short, and it must not outlive what it reports to
}

void MainWindow::startCatalogLoad()
{
    auto result = std::make_shared<catalog::ActiveCatalog>();
    QThread* thread = QThread::create([result] { *result = catalog::loadActiveCatalog(); });
    m_catalogThread = thread;
    connect(thread, &QThread::finished, this, [this, result] { applyCatalog(*result); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void MainWindow::applyCatalog(const catalog::ActiveCatalog& active)
{
    m_catalog = active.catalog ? active.catalog : catalog::Catalog::bundled();
    m_catalogImported = active.imported;
    const bool first = !m_catalogReady;
    m_catalogReady = true;
    m_session.messages()->setCostFormatter(m_session.messages()->costFormatter());
    m_endpoints->setCatalog(m_catalog);
    m_catalogModel->setCatalog(m_catalog);
    m_session.setCatalog(m_catalog.get());
    m_banner->setSources(m_catalog, m_endpoints, m_serverSignals);
    m_costCalculator->setCatalog(m_catalog);
    m_imagePanel->setCatalog(m_catalog);
    m_videoPane->setCatalog(m_catalog);
    if (m_session.conversationId())
        showModel(m_session.params().model);
    if (!active.note.isEmpty())
        m_statusLabel->setText(active.note);
    emit catalogReady();
    if (first && qEnvironmentVariableIsEmpty("ARK_WORKBENCH_NO_STARTUP_NOTICE"))
        checkRetiringSoon();
}

void MainWindow::checkRetiringSoon()
{
    std::vector<ModelUse> uses;
    for (const store::ConversationRecord& record : m_store.listConversations())
        uses.push_back(ModelUse{ModelUse::Kind::Conversation, record.title, record.model, record.id});
    const std::vector<RetiringUse> soon =
        findRetiringSoon(*m_catalog, QDateTime::currentDateTimeUtc(), uses, m_endpoints->endpoints());
    if (RetiringSoonDialog* dialog = RetiringSoonDialog::showIfNeeded(soon, this))
        connect(dialog, &RetiringSoonDialog::openRequested, this, [this](ModelUse::Kind kind, qint64 id) {
            if (kind == ModelUse::Kind::Conversation && id)
                openConversation(id);
        });
}

void MainWindow::openCatalogBrowser()
{
    catalog::ActiveCatalog active;
    active.catalog = m_catalog;
    active.imported = m_catalogImported;
    auto* browser = new CatalogBrowser(active, m_endpoints, m_serverSignals, this);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    browser->selectModel(m_session.params().model);
    connect(browser, &CatalogBrowser::catalogImported, this,
            [this](std::shared_ptr<const catalog::Catalog> imported) {
                applyCatalog(catalog::ActiveCatalog{std::move(imported), true, QString()});
            });
    connect(browser, &CatalogBrowser::catalogReverted, this,
            [this](std::shared_ptr<const catalog::Catalog> builtIn) {
                applyCatalog(catalog::ActiveCatalog{std::move(builtIn), false, QString()});
            });
    browser->show();
}

void MainWindow::showModel(const QString& model)
{
    m_modelPicker->setCurrentModel(model);
    m_banner->setModel(model);
    const catalog::ModelInfo* info = m_endpoints->resolve(model);
    m_tokenMeter->setModel(model, info);
    m_composer->setMediaInput(!info || info->capabilities.imageInput, !info || info->capabilities.videoInput);
    // The parameter controls follow what the model accepts; an unknown model shows them all.
    m_settingsPanel->setCapabilities(info ? std::optional<catalog::Capabilities>(info->capabilities)
                                          : std::nullopt);
    if (info)
        m_toolsEditor->setModelCapabilities(info->capabilities.toolChoice,
                                            info->capabilities.parallelToolCalls);
    else
        m_toolsEditor->setModelCapabilities(true, true);
    updateMeterContext();
}

void MainWindow::updateMeterContext()
{
    m_meterContextTimer.start();
}

void MainWindow::updateMediaTokens()
{
    // Images by the vision docs' rule (pixel size and detail); videos have no rule to count by.
    int unknown = 0;
    const auto tokensOf = [&unknown](const QList<media::Attachment>& list) {
        qint64 tokens = 0;
        for (const media::Attachment& a : list) {
            if (a.isImage() && a.pixelSize.isValid())
                tokens += media::estimatedImageTokens(a.pixelSize, a.detail, a.minPixels, a.maxPixels);
            else
                ++unknown;
        }
        return tokens;
    };
    const qint64 draft = tokensOf(m_composer->attachments());
    qint64 history = 0;
    for (const store::MessageRecord& record : m_session.messages()->records())
        if (!record.attachmentsJson.isEmpty() && !session::ConversationSession::isNote(record))
            history += tokensOf(media::Attachment::listFromJson(record.attachmentsJson));
    m_tokenMeter->setAttachmentTokens(draft, history, unknown);
}

void MainWindow::refreshMeterContext()
{
    const session::ConversationParams params = m_session.params();
    QStringList history;
    for (const store::MessageRecord& record : m_session.messages()->records())
        if (record.state != store::MessageState::Streaming && !session::ConversationSession::isNote(record))
            history << record.content; // notes (a model switch, a generated image) are never sent
    m_tokenMeter->setContext(params.systemPrompt, history,
                             params.tools().empty() ? QString() : params.toolsJson);
    m_tokenMeter->setMaxTokens(params.maxCompletionTokens.value_or(params.maxTokens.value_or(0)));
    updateMediaTokens();
}

void MainWindow::switchModelFromBanner(const QString& from, const QString& to)
{
    // The switch is written into the conversation (a note, never sent), then everything follows it.
    if (m_session.recordModelSwitch(from, to)) {
        m_settingsPanel->setParams(m_session.params());
        session::AccountSettings::addRecentModel(to);
    }
    chooseModel(to);
    if (m_session.params().model == to)
        m_statusLabel->setText(tr("Switched this conversation from %1 to %2.")
                                   .arg(m_endpoints->displayName(from), m_endpoints->displayName(to)));
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Conversation"));
    bar->setObjectName(QStringLiteral("conversationToolBar"));
    bar->setMovable(false);
    auto* label = new QLabel(tr("Model:"), bar);
    label->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(label);
    m_modelPicker = new ModelPicker(m_catalogModel, bar);
    m_modelPicker->setObjectName(QStringLiteral("modelPicker"));
    label->setBuddy(m_modelPicker);
    bar->addWidget(m_modelPicker);
    connect(m_modelPicker, &ModelPicker::modelChosen, this, &MainWindow::chooseModel);
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

    // What a request costs before it is sent, and what every request did cost.
    m_calculatorCounter = new pricing::TokenCounter(m_client.network(), this);
    m_costCalculator = new CostCalculatorPane(this);
    m_costCalculator->setTokenCounter(m_calculatorCounter);
    m_costDock = new QDockWidget(tr("Cost calculator"), this);
    m_costDock->setObjectName(QStringLiteral("costCalculatorDock"));
    m_costDock->setWidget(m_costCalculator);
    addDockWidget(Qt::RightDockWidgetArea, m_costDock);
    tabifyDockWidget(m_settingsDock, m_costDock);
    m_costDock->hide();

    m_usageView = new UsageView(this);
    m_usageView->setLedger(&m_ledger);
    m_usageView->setConversationTitles([this](qint64 id) {
        const auto record = m_store.conversation(id);
        return record ? record->title : QString();
    });
    m_usageDock = new QDockWidget(tr("Usage and cost"), this);
    m_usageDock->setObjectName(QStringLiteral("usageDock"));
    m_usageDock->setWidget(m_usageView);
    addDockWidget(Qt::RightDockWidgetArea, m_usageDock);
    tabifyDockWidget(m_settingsDock, m_usageDock);
    m_usageDock->hide();
    connect(m_usageDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_usageView->refresh();
    });

    // Tools: the definitions of this conversation, and the calls of its latest answer.
    m_toolsEditor = new ToolsEditor(this);
    m_toolsDock = new QDockWidget(tr("Tools"), this);
    m_toolsDock->setObjectName(QStringLiteral("toolsDock"));
    m_toolsDock->setWidget(m_toolsEditor);
    addDockWidget(Qt::RightDockWidgetArea, m_toolsDock);
    tabifyDockWidget(m_settingsDock, m_toolsDock);
    m_toolsDock->hide();
    connect(m_toolsEditor, &ToolsEditor::changed, this, [this] {
        if (!m_session.conversationId())
            return;
        session::ConversationParams params = m_session.params();
        m_toolsEditor->applyTo(params);
        m_session.setParams(params);
        m_settingsPanel->setParams(params);
        updateMeterContext();
    });

    m_toolCallInspector = new ToolCallInspector(m_session.toolCalls(), this);
    m_toolCallsDock = new QDockWidget(tr("Tool calls"), this);
    m_toolCallsDock->setObjectName(QStringLiteral("toolCallsDock"));
    m_toolCallsDock->setWidget(m_toolCallInspector);
    addDockWidget(Qt::RightDockWidgetArea, m_toolCallsDock);
    tabifyDockWidget(m_settingsDock, m_toolCallsDock);
    m_toolCallsDock->hide();
    connect(m_toolCallInspector, &ToolCallInspector::resultsReady, this,
            [this](const QList<api::ChatMessage>& history) { m_session.submitToolResults(history); });
    // Calls that wait for the person bring the inspector forward; automatic rounds do not interrupt.
    connect(&m_session, &session::ConversationSession::toolCallsPending, this, [this] {
        m_toolCallsDock->show();
        m_toolCallsDock->raise();
        m_statusLabel->setText(
            tr("The model called tools: answer them in the Tool calls pane, then continue."));
    });
    createGenerationDocks();
    m_settingsDock->raise();
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
    view->addAction(m_toolsDock->toggleViewAction());
    view->addAction(m_toolCallsDock->toggleViewAction());
    view->addAction(m_costDock->toggleViewAction());
    view->addAction(m_usageDock->toggleViewAction());
    view->addSeparator();
    view->addAction(m_imageDock->toggleViewAction());
    view->addAction(m_videoDock->toggleViewAction());
    // Tabbed behind the settings, a dock that is merely shown would stay hidden behind its tab.
    for (QDockWidget* dock :
         {m_exchangeDock, m_toolsDock, m_toolCallsDock, m_costDock, m_usageDock, m_imageDock, m_videoDock})
        connect(dock->toggleViewAction(), &QAction::triggered, dock, [dock](bool shown) {
            if (shown)
                dock->raise();
        });

    QMenu* models = menuBar()->addMenu(tr("&Models"));
    QAction* switcher = m_modelPicker->switcherAction();
    switcher->setText(tr("&Switch model…"));
    models->addAction(switcher);
    models->addAction(tr("Model &catalog…"), this, &MainWindow::openCatalogBrowser);

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
        if (!busy)
            flushPendingImages();
    });
    connect(&m_session, &session::ConversationSession::loaded, this, &MainWindow::flushPendingImages);
    // Files go only after the rows that used them are gone (the delete runs on a worker connection).
    connect(&m_session, &session::ConversationSession::messagesDeleted, this, [this] {
        collectAttachmentGarbage();
        flushPendingImages();
    });
    connect(&m_session, &session::ConversationSession::problem, this, &MainWindow::showProblem);
    connect(&m_session, &session::ConversationSession::loaded, this, &MainWindow::focusLoadedConversation);
    connect(&m_session, &session::ConversationSession::conversationChanged, this, [this](qint64 id) {
        if (auto record = m_store.conversation(id))
            m_conversations.upsert(*record);
        m_sidebar->selectConversation(m_session.conversationId());
    });
    connect(&m_session, &session::ConversationSession::loaded, this, &MainWindow::updateMeterContext);
    connect(&m_session, &session::ConversationSession::usageRecorded, this, [this] {
        if (m_usageDock->isVisible())
            m_usageView->refresh();
    });
    connect(&m_session, &session::ConversationSession::requestFinished, this, [this](qint64 id, bool ok) {
        updateMeterContext();
        if (m_usageDock->isVisible())
            m_usageView->refresh();
        const int row = m_session.messages()->rowForId(id);
        if (row < 0)
            return;
        const store::MessageRecord& message = m_session.messages()->record(row);
        // The answer names the model that really served an endpoint: it confirms or corrects the link.
        const QString requested = m_session.params().model;
        if (ok && catalog::EndpointRegistry::isEndpointId(requested) && !message.model.isEmpty() &&
            !catalog::EndpointRegistry::isEndpointId(message.model))
            m_endpoints->confirmModel(requested, message.model);
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
        applyEndpoint(account.baseUrl, fromEnvironment);
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
            self->applyEndpoint(account.baseUrl, result.key);
            self->applyKey(result.key);
        } else {
            self->applyEndpoint(account.baseUrl, QString());
            self->applyKey(QString());
            if (result.status != secrets::KeyResult::Status::NotFound)
                self->showProblem(result.message);
        }
    });
}

void MainWindow::applyEndpoint(const QUrl& baseUrl, const QString& key)
{
    // The key is held in memory by each client and sent only to this account's host.
    m_session.setEndpoint(baseUrl, key);
    m_meterCounter->setEndpoint(baseUrl, key);
    m_calculatorCounter->setEndpoint(baseUrl, key);
    m_imagePanel->setEndpoint(baseUrl, key);
    m_videoPane->setEndpoint(baseUrl, key);
}

void MainWindow::createGenerationDocks()
{
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    m_imageClient = new api::ImageGenerationClient(m_client.network(), this);
    m_imagePanel = new ImageGenerationPanel(m_imageClient, m_catalog, this);
    m_imagePanel->setResultFolder(appData + QStringLiteral("/images"));
    m_imageDock = new QDockWidget(tr("Image generation"), this);
    m_imageDock->setObjectName(QStringLiteral("imageGenerationDock"));
    m_imageDock->setWidget(m_imagePanel);
    addDockWidget(Qt::RightDockWidgetArea, m_imageDock);
    tabifyDockWidget(m_settingsDock, m_imageDock);
    m_imageDock->hide();

    m_videoClient = new api::VideoTaskClient(m_client.network(), this);
    m_videoTaskStore = std::make_unique<store::VideoTaskStore>(m_store.database());
    m_videoPane = new VideoTaskPane(m_videoClient, m_videoTaskStore.get(), m_catalog, this);
    m_videoPane->setDownloadFolder(appData + QStringLiteral("/videos"));
    m_videoDock = new QDockWidget(tr("Video generation"), this);
    m_videoDock->setObjectName(QStringLiteral("videoGenerationDock"));
    m_videoDock->setWidget(m_videoPane);
    addDockWidget(Qt::RightDockWidgetArea, m_videoDock);
    tabifyDockWidget(m_settingsDock, m_videoDock);
    m_videoDock->hide();
    connect(m_imagePanel, &ImageGenerationPanel::imageGenerated, this, &MainWindow::addGeneratedImage);
    connect(m_videoPane, &VideoTaskPane::playRequested, this, &MainWindow::playVideo);
    connect(m_videoPane, &VideoTaskPane::videoDownloaded, this, [this](const QString&, const QString& path) {
        m_statusLabel->setText(tr("A generated video is ready: %1").arg(QDir::toNativeSeparators(path)));
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
    m_settingsPanel->setParams(params);
    m_toolsEditor->setParams(params);
    showModel(params.model);
    m_usageView->setConversation(conversationId);
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
    // A retired model fails the request (or is switched by the server): ask first.
    const QString warning =
        retiredSendWarning(*m_catalog, m_endpoints, m_serverSignals, m_session.params().model);
    if (!confirmSendToRetired(this, warning)) {
        m_composer->setText(text); // nothing is lost
        return;
    }
    if (m_session.send(text, m_composer->attachments())) {
        m_composer->clearAttachments();
        session::AccountSettings::addRecentModel(m_session.params().model);
    } else if (!text.isEmpty() && m_composer->text().isEmpty()) {
        m_composer->setText(text); // refused: the words stay for another try
    }
}

void MainWindow::chooseModel(const QString& chosen)
{
    const QString model = chosen.trimmed();
    if (model.isEmpty() || !m_session.conversationId())
        return;
    session::ConversationParams params = m_session.params();
    if (params.model == model) {
        showModel(model);
        return;
    }
    params.model = model;
    m_session.setParams(params);
    m_settingsPanel->setParams(params);
    showModel(model);
    session::AccountSettings::addRecentModel(model);
}

void MainWindow::onParamsEdited(const session::ConversationParams& params)
{
    if (!m_session.conversationId())
        return;
    session::ConversationParams merged = params;
    m_toolsEditor->applyTo(merged); // the tools pane owns the tool fields
    m_session.setParams(merged);
    showModel(merged.model);
    updateMeterContext();
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

void MainWindow::exportConversation(bool json, const QString& chosenPath)
{
    const auto record = m_store.conversation(m_session.conversationId());
    if (!record) {
        showProblem(tr("Open a conversation to export it."));
        return;
    }
    const QString suffix = json ? QStringLiteral(".json") : QStringLiteral(".md");
    const QString path =
        !chosenPath.isEmpty()
            ? chosenPath
            : QFileDialog::getSaveFileName(this, json ? tr("Export as JSON") : tr("Export as Markdown"),
                                           safeFileName(record->title) + suffix,
                                           json ? tr("JSON files (*.json)") : tr("Markdown files (*.md)"));
    if (path.isEmpty())
        return;
    // A long conversation is read, formatted and written off the UI thread: the branch by a loader
    // with its own connection, the file by a short-lived thread.
    if (!m_exportLoader)
        m_exportLoader = new store::HistoryLoader(this);
    m_exportLoader->disconnect(this, nullptr);
    connect(m_exportLoader, &store::HistoryLoader::failed, this,
            [this](quint64, const QString& error) { showProblem(tr("Could not export: %1").arg(error)); });
    const store::ConversationRecord conversation = *record;
    connect(m_exportLoader, &store::HistoryLoader::loaded, this,
            [this, conversation, path, json](quint64, const store::SharedBranch& branch) {
                auto error = std::make_shared<QString>();
                QThread* writer = QThread::create([conversation, path, json, branch, error] {
                    const QByteArray bytes =
                        json ? store::ConversationExport::toJson(conversation, branch->path)
                             : store::ConversationExport::toMarkdown(conversation, branch->path).toUtf8();
                    QSaveFile out(path);
                    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
                        *error = out.errorString();
                });
                connect(writer, &QThread::finished, this, [this, path, error] {
                    if (error->isEmpty())
                        m_statusLabel->setText(tr("Exported to %1.").arg(path));
                    else
                        showProblem(tr("Could not write %1: %2").arg(path, *error));
                    emit exportFinished(path, error->isEmpty());
                });
                connect(writer, &QThread::finished, writer, &QObject::deleteLater);
                writer->start();
            });
    m_statusLabel->setText(tr("Exporting…"));
    m_exportLoader->load(m_store.database().path(), conversation.id);
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
