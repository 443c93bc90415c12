#include "VideoTaskPane.h"

#include "media/VideoPlayer.h" // copyFileReplacing

#include <QBoxLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QImageReader>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>

namespace ark::ui {

namespace {

constexpr qint64 kMaxFrameBytes = 30LL * 1024 * 1024; // "under 30 MB" (seed L27362)
constexpr int kMinFrameSide = 300;                    // each side in (300, 6000) px (L27361)
constexpr int kMaxFrameSide = 6000;
constexpr double kMinFrameRatio = 0.4; // width / height in (0.4, 2.5) (L27360)
constexpr double kMaxFrameRatio = 2.5;

QString trPane(const char* text)
{
    return QCoreApplication::translate("ark::ui::VideoTaskPane", text);
}

// A combo box of optional values: "Model default" first (no data), then each value.
void fillChoices(QComboBox* box, const QList<QPair<QString, QVariant>>& values)
{
    const QVariant previous = box->currentData();
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(trPane("Model default"), QVariant());
    for (const auto& [label, value] : values)
        box->addItem(label, value);
    const int again = previous.isValid() ? box->findData(previous) : -1;
    box->setCurrentIndex(std::max(0, again));
}

QList<QPair<QString, QVariant>> textChoices(const QStringList& values)
{
    QList<QPair<QString, QVariant>> list;
    for (const QString& v : values)
        list.append({v, v});
    return list;
}

QString safeFileName(const QString& taskId)
{
    QString name = taskId;
    for (QChar& c : name)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')))
            c = QLatin1Char('_');
    return name.isEmpty() ? QStringLiteral("video") : name;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// VideoFrame

VideoFrame VideoFrame::fromFile(const QString& path)
{
    VideoFrame frame;
    frame.path = path;
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.isFile()) {
        frame.error = trPane("The image %1 does not exist.").arg(path);
        return frame;
    }
    if (info.size() >= kMaxFrameBytes) {
        frame.error = trPane("%1 is %2 MB; a frame must be under 30 MB.")
                          .arg(name)
                          .arg(double(info.size()) / (1024.0 * 1024.0), 0, 'f', 1);
        return frame;
    }
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    QByteArray format = reader.format().toLower();
    if (format == "jpg")
        format = "jpeg";
    static const QList<QByteArray> accepted{"jpeg", "png", "webp", "bmp", "tiff", "gif"};
    if (!accepted.contains(format)) {
        frame.error = trPane("%1 is not a JPEG, PNG, WebP, BMP, TIFF or GIF image (the formats video "
                             "generation accepts).")
                          .arg(name);
        return frame;
    }
    QSize size = reader.size();
    if (!size.isValid()) {
        const QImage image = reader.read();
        if (image.isNull()) {
            frame.error = trPane("%1 cannot be read: %2").arg(name, reader.errorString());
            return frame;
        }
        size = image.size();
    }
    frame.pixelSize = size;
    if (size.width() <= kMinFrameSide || size.height() <= kMinFrameSide || size.width() >= kMaxFrameSide ||
        size.height() >= kMaxFrameSide) {
        frame.error = trPane("%1 is %2 × %3 pixels; each side of a frame must be more than 300 and less "
                             "than 6000 pixels.")
                          .arg(name)
                          .arg(size.width())
                          .arg(size.height());
        return frame;
    }
    const double ratio = double(size.width()) / double(size.height());
    if (ratio <= kMinFrameRatio || ratio >= kMaxFrameRatio) {
        frame.error = trPane("%1 has the aspect ratio %2 (width / height); a frame's must be between 0.4 "
                             "and 2.5.")
                          .arg(name)
                          .arg(ratio, 0, 'f', 2);
        return frame;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        frame.error = trPane("%1 cannot be read: %2").arg(name, file.errorString());
        return frame;
    }
    // Lowercase format names, as the API requires (seed L27356).
    frame.dataUrl = QStringLiteral("data:image/") + QString::fromLatin1(format) + QStringLiteral(";base64,") +
                    QString::fromLatin1(file.readAll().toBase64());
    frame.ok = true;
    return frame;
}

// ---------------------------------------------------------------------------------------------
// VideoTaskPane

VideoTaskPane::VideoTaskPane(api::VideoTaskClient* client, store::VideoTaskStore* store,
                             std::shared_ptr<const catalog::Catalog> catalog, QWidget* parent)
    : QWidget(parent), m_client(client), m_store(store), m_catalog(std::move(catalog)),
      m_poller(new api::VideoTaskPoller(client, this)),
      m_model(new models::VideoTaskListModel(store, m_catalog, this))
{
    // The model merges every answer into the store first; the pane's own slots (downloads, notes) are
    // connected after it, so they see the stored state.
    m_model->attachPoller(m_poller);
    connect(m_poller, &api::VideoTaskPoller::taskFinished, this, &VideoTaskPane::onTaskFinished);
    connect(m_poller, &api::VideoTaskPoller::pollFailed, this, &VideoTaskPane::onPollFailed);
    connect(m_poller, &api::VideoTaskPoller::taskUpdated, this, [this](const api::VideoTask& task) {
        if (!isDownloading(task.id))
            m_model->setNote(task.id, QString()); // a poll went through: an old retry note is stale
    });

    buildForm();
    buildList();
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* formBox = new QGroupBox(tr("New video"), splitter);
    auto* formLayout = new QVBoxLayout(formBox);
    formLayout->addLayout(m_form);
    auto* createLine = new QHBoxLayout;
    createLine->addWidget(m_status, 1);
    createLine->addWidget(m_create);
    formLayout->addLayout(createLine);
    formLayout->addWidget(m_error);
    auto* listBox = new QWidget(splitter);
    auto* listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_playButton);
    actions->addWidget(m_saveButton);
    actions->addStretch(1);
    actions->addWidget(m_refreshButton);
    actions->addWidget(m_cancelButton);
    actions->addWidget(m_deleteButton);
    listLayout->addLayout(actions);
    splitter->addWidget(formBox);
    splitter->addWidget(listBox);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    fillModels();
    updateActions();
    // Stored unfinished tasks: polling resumes from the event loop once a key is known.
    QTimer::singleShot(0, this, &VideoTaskPane::resumeStored);
}

VideoTaskPane::~VideoTaskPane()
{
    // Downloads and calls are children: they abort with the pane, and a half-written download leaves
    // nothing behind (FileDownload writes through QSaveFile). Polling resumes at the next start.
    m_model->attachPoller(nullptr);
}

void VideoTaskPane::buildForm()
{
    m_form = new QFormLayout;
    m_modelBox = new QComboBox(this);
    m_modelBox->setEditable(true); // an endpoint id (ep-...) or a model the catalog does not list
    m_modelBox->setInsertPolicy(QComboBox::NoInsert);
    m_modelBox->setToolTip(tr("A video generation model from the catalog, or an endpoint id (ep-…)"));
    m_modelNote = new QLabel(this);
    m_modelNote->setWordWrap(true);
    m_modelNote->setForegroundRole(QPalette::PlaceholderText);

    m_prompt = new QPlainTextEdit(this);
    m_prompt->setPlaceholderText(tr("Describe the video…"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setMinimumHeight(m_prompt->fontMetrics().lineSpacing() * 3);
    m_prompt->setMaximumHeight(m_prompt->fontMetrics().lineSpacing() * 6);

    auto frameRow = [this](QLineEdit*& edit, bool last) {
        auto* row = new QWidget(this);
        edit = new QLineEdit(row);
        edit->setReadOnly(true);
        edit->setPlaceholderText(tr("None"));
        auto* choose = new QToolButton(row);
        choose->setText(tr("Choose…"));
        auto* clear = new QToolButton(row);
        clear->setText(tr("Clear"));
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(edit, 1);
        h->addWidget(choose);
        h->addWidget(clear);
        connect(choose, &QToolButton::clicked, this, [this, last] { chooseFrame(last); });
        connect(clear, &QToolButton::clicked, this,
                [this, last] { last ? setLastFramePath(QString()) : setFirstFramePath(QString()); });
        return row;
    };
    m_firstFrameRow = frameRow(m_firstFrameEdit, false);
    m_lastFrameRow = frameRow(m_lastFrameEdit, true);

    m_ratio = new QComboBox(this);
    m_resolution = new QComboBox(this);
    m_duration = new QComboBox(this);
    m_fps = new QComboBox(this);
    m_seed = new QLineEdit(this);
    m_seed->setPlaceholderText(tr("Random"));
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("^(-1|-|[0-9]{0,10})$")), m_seed));
    m_seed->setToolTip(tr("-1 to 4294967295; the same seed gives similar, not identical, videos"));
    m_watermark = new QComboBox(this);
    m_cameraFixed = new QComboBox(this);
    for (QComboBox* box : {m_watermark, m_cameraFixed}) {
        box->addItem(tr("Model default"), QVariant());
        box->addItem(tr("Yes"), true);
        box->addItem(tr("No"), false);
    }
    m_watermark->setToolTip(tr("Adds the “AI generated” mark"));
    m_cameraFixed->setToolTip(tr("Asks for a still camera (not guaranteed)"));

    m_form->addRow(tr("Model"), m_modelBox);
    m_form->addRow(QString(), m_modelNote);
    m_form->addRow(tr("Prompt"), m_prompt);
    m_form->addRow(tr("First frame"), m_firstFrameRow);
    m_form->addRow(tr("Last frame"), m_lastFrameRow);
    m_form->addRow(tr("Ratio"), m_ratio);
    m_form->addRow(tr("Resolution"), m_resolution);
    m_form->addRow(tr("Duration"), m_duration);
    m_form->addRow(tr("Frame rate"), m_fps);
    m_form->addRow(tr("Seed"), m_seed);
    m_form->addRow(tr("Watermark"), m_watermark);
    m_form->addRow(tr("Fixed camera"), m_cameraFixed);

    m_create = new QPushButton(tr("Create video"), this);
    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_error = new GenerationErrorCard(this);

    connect(m_create, &QPushButton::clicked, this, &VideoTaskPane::createTask);
    connect(m_modelBox, &QComboBox::currentTextChanged, this, &VideoTaskPane::applyModelOptions);
}

void VideoTaskPane::buildList()
{
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(models::VideoTaskListModel::PromptColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(48);

    m_playButton = new QPushButton(tr("Play"), this);
    m_saveButton = new QPushButton(tr("Save as…"), this);
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshButton->setToolTip(tr("Ask the server for this task's status now"));
    m_cancelButton = new QPushButton(tr("Cancel task"), this);
    m_cancelButton->setToolTip(tr("Only queued tasks can be cancelled"));
    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setToolTip(tr("Removes a finished task, its record on the server and the downloaded "
                                  "copy in the app's folder"));

    connect(m_playButton, &QPushButton::clicked, this, [this] { playTask(selectedTaskId()); });
    connect(m_saveButton, &QPushButton::clicked, this, &VideoTaskPane::askSaveAs);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] { refreshTask(selectedTaskId()); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { cancelTask(selectedTaskId()); });
    connect(m_deleteButton, &QPushButton::clicked, this, &VideoTaskPane::askDelete);
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { playTask(m_model->taskIdAt(index.row())); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &VideoTaskPane::updateActions);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &VideoTaskPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &VideoTaskPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &VideoTaskPane::updateActions);
}

void VideoTaskPane::setEndpoint(const QUrl& baseUrl, const QString& apiKey)
{
    m_config.baseUrl = baseUrl;
    m_config.apiKey = apiKey;
    m_poller->setConfig(m_config);
    if (!apiKey.isEmpty())
        resumeStored(); // also re-polls tasks whose polling stopped on an error (a refused key)
}

void VideoTaskPane::setCatalog(std::shared_ptr<const catalog::Catalog> catalog)
{
    m_catalog = std::move(catalog);
    m_model->setCatalog(m_catalog);
    fillModels();
}

void VideoTaskPane::setDownloadFolder(const QString& folder)
{
    m_folder = folder;
}

QString VideoTaskPane::downloadFolder() const
{
    if (!m_folder.isEmpty())
        return m_folder;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("videos"));
}

void VideoTaskPane::setPollSchedule(const api::VideoTaskPoller::Schedule& schedule)
{
    m_poller->setSchedule(schedule);
}

void VideoTaskPane::setModel(const QString& modelId)
{
    const int index = m_modelBox->findData(modelId);
    if (index >= 0)
        m_modelBox->setCurrentIndex(index);
    else
        m_modelBox->setEditText(modelId);
    applyModelOptions();
}

QString VideoTaskPane::model() const
{
    const int index = m_modelBox->currentIndex();
    if (index >= 0 && m_modelBox->itemText(index) == m_modelBox->currentText())
        return m_modelBox->itemData(index).toString();
    return m_modelBox->currentText().trimmed();
}

void VideoTaskPane::setPrompt(const QString& prompt)
{
    m_prompt->setPlainText(prompt);
}

void VideoTaskPane::setFirstFramePath(const QString& path)
{
    m_firstFramePath = path;
    m_firstFrameEdit->setText(QDir::toNativeSeparators(path));
    m_firstFrameEdit->setToolTip(path);
    if (path.isEmpty())
        setLastFramePath(QString()); // a last frame only goes with a first one
    applyModelOptions();
}

void VideoTaskPane::setLastFramePath(const QString& path)
{
    m_lastFramePath = path;
    m_lastFrameEdit->setText(QDir::toNativeSeparators(path));
    m_lastFrameEdit->setToolTip(path);
    applyModelOptions();
}

catalog::VideoCapabilities VideoTaskPane::currentOptions() const
{
    // The catalog's description of the model, or every documented value for an endpoint id or a model
    // it does not describe; a catalog model without image input gets no frames.
    const QString id = model();
    return catalog::VideoCapabilities::forModel(m_catalog && !id.isEmpty() ? m_catalog->find(id) : nullptr);
}

api::VideoGenerationParams VideoTaskPane::currentParams() const
{
    const catalog::VideoCapabilities o = currentOptions();
    api::VideoGenerationParams p;
    if (isOptionOffered(m_ratio) && m_ratio->currentData().isValid())
        p.ratio = m_ratio->currentData().toString();
    if (isOptionOffered(m_resolution) && m_resolution->currentData().isValid())
        p.resolution = m_resolution->currentData().toString();
    if (isOptionOffered(m_duration) && m_duration->currentData().isValid())
        p.duration = m_duration->currentData().toInt();
    if (isOptionOffered(m_fps) && m_fps->currentData().isValid())
        p.fps = m_fps->currentData().toInt();
    bool seedOk = false;
    const qint64 seed = m_seed->text().trimmed().toLongLong(&seedOk);
    if (o.seed && seedOk)
        p.seed = seed;
    if (o.watermark && m_watermark->currentData().isValid())
        p.watermark = m_watermark->currentData().toBool();
    if (o.cameraFixed && m_cameraFixed->currentData().isValid())
        p.cameraFixed = m_cameraFixed->currentData().toBool();
    return p;
}

bool VideoTaskPane::isOptionOffered(QWidget* field) const
{
    return m_form->isRowVisible(field);
}

QString VideoTaskPane::statusText() const
{
    return m_status->text();
}

bool VideoTaskPane::isCreating() const
{
    return m_encoding || m_createCall;
}

void VideoTaskPane::createTask()
{
    if (isCreating())
        return;
    m_error->clear();
    const catalog::VideoCapabilities o = currentOptions();
    const QString title = tr("Cannot create the video yet");
    if (model().isEmpty()) {
        m_error->showMessage(title, tr("Choose a video generation model."));
        return;
    }
    if (o.needsLastFrame && (m_firstFramePath.isEmpty() || m_lastFramePath.isEmpty())) {
        m_error->showMessage(title, tr("This model needs a first and a last frame."));
        return;
    }
    if (!o.textToVideo && m_firstFramePath.isEmpty()) {
        m_error->showMessage(title, tr("This model makes videos from an image: choose a first frame."));
        return;
    }
    if (m_prompt->toPlainText().trimmed().isEmpty() && m_firstFramePath.isEmpty()) {
        m_error->showMessage(title, tr("Write a prompt that describes the video."));
        return;
    }
    if (m_config.apiKey.isEmpty()) {
        m_error->showMessage(title,
                             tr("No API key is set. Add your Ark API key in Settings, then try again."));
        return;
    }
    const QString first = o.firstFrame ? m_firstFramePath : QString();
    const QString last = o.lastFrame ? m_lastFramePath : QString();
    if (first.isEmpty()) {
        sendCreate(VideoFrame{}, VideoFrame{});
        return;
    }
    // Reading and base64-encoding up to 30 MB per frame stays off the UI thread.
    m_encoding = true;
    m_create->setEnabled(false);
    setStatus(tr("Reading the frames…"));
    QPointer<VideoTaskPane> guard(this);
    QThreadPool::globalInstance()->start([guard, first, last] {
        const VideoFrame f = VideoFrame::fromFile(first);
        const VideoFrame l = last.isEmpty() ? VideoFrame{} : VideoFrame::fromFile(last);
        // Delivered through the application object: it outlives the pane, and the guard is read
        // on the UI thread only.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, f, l] {
                if (guard)
                    guard->sendCreate(f, l);
            },
            Qt::QueuedConnection);
    });
}

void VideoTaskPane::sendCreate(const VideoFrame& first, const VideoFrame& last)
{
    m_encoding = false;
    for (const VideoFrame* frame : {&first, &last}) {
        if (!frame->path.isEmpty() && !frame->ok) {
            m_create->setEnabled(true);
            setStatus(QString());
            m_error->showMessage(frame == &first ? tr("The first frame cannot be used")
                                                 : tr("The last frame cannot be used"),
                                 frame->error);
            return;
        }
    }
    api::VideoTaskRequest request;
    request.model = model();
    request.prompt = m_prompt->toPlainText().trimmed();
    request.params = currentParams();
    request.firstFrameUrl = first.dataUrl;
    request.lastFrameUrl = last.dataUrl;
    const QString problem = api::VideoTaskClient::validate(request);
    if (!problem.isEmpty()) {
        m_create->setEnabled(true);
        setStatus(QString());
        m_error->showMessage(tr("Cannot create the video yet"), problem);
        return;
    }
    m_pendingRequest = request;
    m_pendingExtra = QJsonObject();
    if (!first.path.isEmpty())
        m_pendingExtra.insert(QStringLiteral("first_frame"), QFileInfo(first.path).fileName());
    if (!last.path.isEmpty())
        m_pendingExtra.insert(QStringLiteral("last_frame"), QFileInfo(last.path).fileName());
    m_create->setEnabled(false);
    setStatus(tr("Creating the task…"));
    m_createCall = m_client->create(request, m_config, this);
    connect(m_createCall.data(), &api::RestCall::finished, this, &VideoTaskPane::onCreateFinished);
}

void VideoTaskPane::onCreateFinished()
{
    api::VideoTaskCall* call = m_createCall.data();
    if (!call)
        return;
    call->deleteLater();
    m_createCall = nullptr;
    m_create->setEnabled(true);
    if (!call->succeeded()) {
        setStatus(QString());
        m_error->showError(call->error(), tr("The task was not created"));
        emit createFailed(call->error());
        return;
    }
    const QString id = call->taskId();
    store::VideoTaskRecord record;
    record.taskId = id;
    record.model = m_pendingRequest.model;
    record.prompt = m_pendingRequest.prompt;
    QJsonObject params = m_pendingRequest.params.toJson();
    for (auto it = m_pendingExtra.constBegin(); it != m_pendingExtra.constEnd(); ++it)
        params.insert(it.key(), it.value());
    if (!params.isEmpty())
        record.paramsJson = QJsonDocument(params).toJson(QJsonDocument::Compact);
    record.status = QStringLiteral("queued");
    if (!m_store->add(record)) {
        // Still polled, so the result is not lost this session; it just will not survive a restart.
        m_error->showMessage(tr("The task could not be saved"),
                             tr("Task %1 was created, but it could not be stored, so the list will not "
                                "remember it after a restart.")
                                 .arg(id));
    }
    m_model->refreshTask(id);
    m_poller->watch(id);
    selectTask(id);
    setStatus(tr("Task %1 created.").arg(id));
    emit taskCreated(id);
}

void VideoTaskPane::onTaskFinished(const api::VideoTask& task)
{
    updateActions();
    if (task.status != api::VideoTaskStatus::Succeeded)
        return;
    const auto record = m_store->find(task.id);
    if (record && record->needsDownload())
        startDownload(task.id); // at once: the link expires
}

void VideoTaskPane::onPollFailed(const QString& taskId, const api::ApiError& error, bool willRetry)
{
    if (isDownloading(taskId))
        return;
    if (willRetry) {
        m_model->setNote(taskId, tr("Checking again later"), error.humanMessage());
        return;
    }
    m_model->setNote(taskId, tr("Status checks stopped"), error.humanMessage());
    m_error->showError(error, tr("The status of task %1 cannot be checked").arg(taskId));
}

void VideoTaskPane::resumeStored()
{
    if (m_config.apiKey.isEmpty())
        return; // setEndpoint() resumes once a key is known
    QStringList ids;
    for (const QString& id : m_store->unfinishedTaskIds())
        if (!m_poller->isWatching(id))
            ids << id;
    if (!ids.isEmpty())
        m_poller->resume(ids);
    for (const store::VideoTaskRecord& record : m_store->awaitingDownload())
        if (!isDownloading(record.taskId) && m_model->note(record.taskId) != tr("Download failed"))
            startDownload(record.taskId);
}

void VideoTaskPane::startDownload(const QString& taskId)
{
    if (isDownloading(taskId))
        return;
    const auto record = m_store->find(taskId);
    if (!record || record->videoUrl.isEmpty())
        return;
    const QString path = QDir(downloadFolder()).filePath(safeFileName(taskId) + QStringLiteral(".mp4"));
    api::FileDownload* download = m_client->download(QUrl(record->videoUrl), path, this);
    m_downloads.insert(taskId, download);
    m_model->setNote(taskId, tr("Downloading…"));
    connect(download, &api::FileDownload::progress, this, [this, taskId](qint64 received, qint64 total) {
        m_model->setNote(taskId, total > 0 ? tr("Downloading… %1%").arg(received * 100 / total)
                                           : tr("Downloading… %1 KB").arg(received / 1024));
    });
    connect(download, &api::FileDownload::finished, this, [this, taskId] { onDownloadFinished(taskId); });
    updateActions();
}

void VideoTaskPane::onDownloadFinished(const QString& taskId)
{
    QPointer<api::FileDownload> download = m_downloads.take(taskId);
    if (!download)
        return;
    download->deleteLater();
    if (!download->succeeded()) {
        m_playWhenDownloaded.remove(taskId);
        if (download->error().kind == api::ErrorKind::Cancelled) {
            m_model->setNote(taskId, QString());
        } else {
            m_model->setNote(taskId, tr("Download failed"), download->failureMessage());
            m_error->showMessage(tr("The video of task %1 could not be downloaded").arg(taskId),
                                 download->failureMessage());
        }
        updateActions();
        return;
    }
    const QString path = download->filePath();
    m_store->setFilePath(taskId, path);
    m_model->setNote(taskId, QString());
    m_model->refreshTask(taskId);
    updateActions();
    emit videoDownloaded(taskId, path);
    if (m_playWhenDownloaded.remove(taskId))
        emit playRequested(path);
}

void VideoTaskPane::cancelTask(const QString& taskId)
{
    const auto record = m_store->find(taskId);
    if (!record || m_removals.contains(taskId))
        return;
    m_error->clear();
    if (record->status != QLatin1String("queued")) {
        m_error->showMessage(
            tr("The task cannot be cancelled"),
            tr("Only queued tasks can be cancelled; this one is %1.")
                .arg(api::videoTaskStatusLabel(api::videoTaskStatusFromName(record->status))));
        return;
    }
    api::VideoTaskCall* call = m_client->remove(taskId, m_config, this);
    m_removals.insert(taskId, call);
    updateActions();
    connect(call, &api::RestCall::finished, this, [this, taskId, call] {
        call->deleteLater();
        m_removals.remove(taskId);
        if (!call->succeeded()) {
            m_error->showError(call->error(), tr("The task could not be cancelled"));
            updateActions();
            return;
        }
        m_poller->unwatch(taskId);
        m_store->setStatus(taskId, QStringLiteral("cancelled"));
        m_model->refreshTask(taskId);
        updateActions();
    });
}

void VideoTaskPane::deleteTask(const QString& taskId)
{
    const auto record = m_store->find(taskId);
    if (!record || m_removals.contains(taskId))
        return;
    m_error->clear();
    if (!record->isFinal()) {
        m_error->showMessage(tr("The task cannot be deleted yet"),
                             tr("Only finished tasks can be deleted; cancel a queued task first."));
        return;
    }
    auto removeLocally = [this, taskId] {
        if (QPointer<api::FileDownload> download = m_downloads.take(taskId)) {
            download->disconnect(this);
            download->cancel();
            download->deleteLater();
        }
        m_playWhenDownloaded.remove(taskId);
        const auto stored = m_store->find(taskId);
        // Only the app's own copy goes; a file elsewhere is the person's.
        if (stored && !stored->filePath.isEmpty() &&
            QFileInfo(stored->filePath).absolutePath() == QFileInfo(downloadFolder()).absoluteFilePath())
            QFile::remove(stored->filePath);
        m_poller->unwatch(taskId);
        m_store->remove(taskId);
        m_model->refreshTask(taskId);
        updateActions();
    };
    // An expired task is already gone from the server; without a key there is no one to ask.
    if (record->status == QLatin1String("expired") || m_config.apiKey.isEmpty()) {
        removeLocally();
        return;
    }
    api::VideoTaskCall* call = m_client->remove(taskId, m_config, this);
    m_removals.insert(taskId, call);
    updateActions();
    connect(call, &api::RestCall::finished, this, [this, taskId, call, removeLocally] {
        call->deleteLater();
        m_removals.remove(taskId);
        // 404: the server forgot it already (tasks are purged after 24 h).
        if (call->succeeded() || call->error().kind == api::ErrorKind::NotFound) {
            removeLocally();
            return;
        }
        m_error->showError(call->error(), tr("The task could not be deleted"));
        updateActions();
    });
}

void VideoTaskPane::refreshTask(const QString& taskId)
{
    const auto record = m_store->find(taskId);
    if (!record)
        return;
    if (record->needsDownload()) {
        startDownload(taskId);
        return;
    }
    if (record->isFinal() || m_config.apiKey.isEmpty())
        return;
    if (m_poller->isWatching(taskId))
        m_poller->pollNow(taskId);
    else
        m_poller->resume({taskId});
}

void VideoTaskPane::playTask(const QString& taskId)
{
    const auto record = m_store->find(taskId);
    if (!record)
        return;
    if (!record->filePath.isEmpty() && QFileInfo::exists(record->filePath)) {
        emit playRequested(record->filePath);
        return;
    }
    if (record->status == QLatin1String("succeeded") && !record->videoUrl.isEmpty()) {
        // Not on disk (yet, or any more): fetch it, then play.
        if (!record->filePath.isEmpty())
            m_store->setFilePath(taskId, QString());
        m_playWhenDownloaded.insert(taskId);
        startDownload(taskId);
        return;
    }
    m_error->showMessage(tr("Nothing to play"), record->isFinal() ? tr("This task has no video.")
                                                                  : tr("The video is not ready yet."));
}

bool VideoTaskPane::saveTaskVideoTo(const QString& taskId, const QString& path, QString* error)
{
    const auto record = m_store->find(taskId);
    if (!record || record->filePath.isEmpty()) {
        if (error)
            *error = tr("This task has no downloaded video.");
        return false;
    }
    return copyFileReplacing(record->filePath, path, error);
}

void VideoTaskPane::selectTask(const QString& taskId)
{
    const int row = m_model->rowOf(taskId);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->selectRow(row);
    updateActions();
}

QString VideoTaskPane::selectedTaskId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->taskIdAt(current.row()) : QString();
}

void VideoTaskPane::fillModels()
{
    const QString previous = model();
    {
        const QSignalBlocker block(m_modelBox);
        m_modelBox->clear();
        if (m_catalog) {
            for (const catalog::ModelInfo& info : m_catalog->models()) {
                // Ark's own video models: Krea's entries are another provider's endpoint paths.
                if (info.kind != catalog::ModelKind::VideoGeneration || info.external ||
                    info.provider != QLatin1String("volcengine-ark"))
                    continue;
                m_modelBox->addItem(info.id, info.id);
                m_modelBox->setItemData(m_modelBox->count() - 1, info.displayName, Qt::ToolTipRole);
            }
        }
        if (!previous.isEmpty()) {
            const int index = m_modelBox->findData(previous);
            if (index >= 0)
                m_modelBox->setCurrentIndex(index);
            else
                m_modelBox->setEditText(previous);
        } else if (m_modelBox->count() > 0) {
            m_modelBox->setCurrentIndex(0);
        }
    }
    applyModelOptions();
}

void VideoTaskPane::applyModelOptions()
{
    const catalog::VideoCapabilities o = currentOptions();
    const bool first = o.firstFrame && !m_firstFramePath.isEmpty();
    const bool last = first && o.lastFrame && !m_lastFramePath.isEmpty();

    m_form->setRowVisible(m_firstFrameRow, o.firstFrame);
    m_form->setRowVisible(m_lastFrameRow, o.lastFrame);
    m_lastFrameRow->setEnabled(!m_firstFramePath.isEmpty());

    fillChoices(m_ratio, textChoices(o.ratiosFor(first)));
    fillChoices(m_resolution, textChoices(o.resolutionsFor(first, last)));
    QList<QPair<QString, QVariant>> durations;
    for (int d : o.durationsFor(first))
        durations.append({tr("%1 s").arg(d), d});
    fillChoices(m_duration, durations);
    QList<QPair<QString, QVariant>> fps;
    for (int f : o.fps)
        fps.append({tr("%1 fps").arg(f), f});
    fillChoices(m_fps, fps);
    // A single documented value is what the model does anyway; the row stays to say so.
    m_form->setRowVisible(m_ratio, !o.ratiosFor(first).isEmpty());
    m_form->setRowVisible(m_resolution, !o.resolutionsFor(first, last).isEmpty());
    m_form->setRowVisible(m_duration, !o.durationsFor(first).isEmpty());
    m_form->setRowVisible(m_fps, !o.fps.isEmpty());
    m_form->setRowVisible(m_seed, o.seed);
    m_form->setRowVisible(m_watermark, o.watermark);
    m_form->setRowVisible(m_cameraFixed, o.cameraFixed);

    QStringList note;
    if (!o.known)
        note << tr("The catalog does not describe this model's video options: every documented option is "
                   "offered.");
    else if (!o.textToVideo)
        note << (o.needsLastFrame ? tr("Makes a video between a first and a last frame.")
                                  : tr("Makes a video from a first frame."));
    const catalog::ModelInfo* info = m_catalog ? m_catalog->find(model()) : nullptr;
    if (info && !info->prices.tiers.empty()) {
        const qint64 perMillion = info->prices.tiers.front().outputMicros;
        note << tr("%1 per million video tokens (catalog price).")
                    .arg(pricing::formatMoney(perMillion, info->prices.currency, 2));
    }
    m_modelNote->setText(note.join(QLatin1Char(' ')));
    m_form->setRowVisible(m_modelNote, !note.isEmpty());
}

void VideoTaskPane::updateActions()
{
    const QString id = selectedTaskId();
    const store::VideoTaskRecord* r = m_model->recordFor(id);
    const bool busy = !id.isEmpty() && m_removals.contains(id);
    const bool hasFile = r && !r->filePath.isEmpty();
    const bool downloading = !id.isEmpty() && isDownloading(id);
    m_playButton->setText(r && !hasFile && r->needsDownload() ? tr("Download") : tr("Play"));
    m_playButton->setEnabled(r && !downloading && (hasFile || r->needsDownload()));
    m_saveButton->setEnabled(hasFile);
    m_cancelButton->setEnabled(r && !busy && r->status == QLatin1String("queued"));
    m_deleteButton->setEnabled(r && !busy && r->isFinal());
    m_refreshButton->setEnabled(r && !downloading && (!r->isFinal() || r->needsDownload()));
}

void VideoTaskPane::setStatus(const QString& text)
{
    m_status->setText(text);
}

void VideoTaskPane::chooseFrame(bool last)
{
    const QString path =
        QFileDialog::getOpenFileName(this, last ? tr("Choose the Last Frame") : tr("Choose the First Frame"),
                                     QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
                                     tr("Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)"));
    if (path.isEmpty())
        return;
    if (last)
        setLastFramePath(path);
    else
        setFirstFramePath(path);
}

void VideoTaskPane::askDelete()
{
    const QString id = selectedTaskId();
    const store::VideoTaskRecord* r = m_model->recordFor(id);
    if (!r)
        return;
    QString question = tr("Delete task %1?").arg(id);
    if (!r->filePath.isEmpty())
        question += QLatin1Char(' ') + tr("Its downloaded video in the app's folder is deleted too; use "
                                          "“Save as…” first to keep it.");
    if (QMessageBox::question(this, tr("Delete Task"), question) == QMessageBox::Yes)
        deleteTask(id);
}

void VideoTaskPane::askSaveAs()
{
    const QString id = selectedTaskId();
    const store::VideoTaskRecord* r = m_model->recordFor(id);
    if (!r || r->filePath.isEmpty())
        return;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::MoviesLocation))
                                  .filePath(QFileInfo(r->filePath).fileName());
    const QString target = QFileDialog::getSaveFileName(this, tr("Save Video As"), suggested,
                                                        tr("Videos (*.mp4);;All files (*)"));
    if (target.isEmpty())
        return;
    QString error;
    if (!saveTaskVideoTo(id, target, &error))
        m_error->showMessage(tr("The video could not be saved"), error);
    else
        setStatus(tr("Saved to %1").arg(QDir::toNativeSeparators(target)));
}

} // namespace ark::ui
