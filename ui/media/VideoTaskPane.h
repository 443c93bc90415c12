// The video generation pane (Seedance, Wan, Seaweed): a form that creates a task, and the list of every
// task with its status, elapsed time and cost, kept across restarts.
//
// Create: a text prompt, an optional first frame (and a last frame where the model takes one) picked from
// a file, and the documented output commands (ratio, resolution, duration, fps, seed, watermark, camera
// fixed), each offered only where the model supports it: exactly the values of the model's catalog
// "video" object (catalog::VideoCapabilities::forModel; every documented value for a model the catalog
// does not describe). Frames are checked against the documented limits and turned into data URLs off the
// UI thread.
// After a successful create the task is stored at once (VideoTaskStore) and polled with backoff
// (api::VideoTaskPoller); every answer updates the store and the row (VideoTaskListModel).
// On success the video is downloaded at once (its URL expires 24 h after generation) into the download
// folder (setDownloadFolder; default: the app-data "videos" folder); the row then offers Play
// (playRequested(path): the window opens its player) and "Save as…". Cancel (queued tasks only, the only
// ones the service cancels) and Delete (finished tasks: the server's record, the row, and the downloaded
// copy in the download folder) act on the selected row.
//
// Restarts: at construction the pane reads the store; polling of unfinished tasks (and downloads of
// succeeded ones that have no file yet) resumes from the event loop as soon as an API key is known, so
// call setEndpoint() right after constructing (and again whenever the key or endpoint changes: tasks
// whose polling stopped on an error, e.g. a refused key, are polled again).
//
//   auto* pane = new VideoTaskPane(videoClient, &videoTaskStore, catalog, parent);
//   pane->setEndpoint(baseUrl, apiKey);
//   pane->setDownloadFolder(appData + "/videos");
//   connect(pane, &VideoTaskPane::playRequested, window, &Window::playVideo);
#pragma once

#include "api/VideoTaskClient.h"
#include "catalog/Catalog.h"
#include "media/ImageGenerationPanel.h" // GenerationErrorCard
#include "models/VideoTaskListModel.h"
#include "store/VideoTaskStore.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>
#include <memory>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace ark::ui {

// What one video model accepts: the catalog's description (catalog/VideoCapabilities.h). The old name
// stays as an alias for code written against it.
using VideoModelOptions = catalog::VideoCapabilities;

// A first or last frame read from a file: checked against the documented limits (jpeg, png, webp, bmp,
// tiff, gif; each side in (300, 6000) px; width/height in (0.4, 2.5); under 30 MB; seed L27358-27362)
// and encoded as a lowercase data:image/<fmt>;base64 URL.
struct VideoFrame
{
    bool ok = false;
    QString path;
    QString dataUrl;
    QSize pixelSize;
    QString error; // translated; names the limit

    static VideoFrame fromFile(const QString& path); // reentrant: runs on a worker thread
};

class VideoTaskPane : public QWidget
{
    Q_OBJECT
public:
    // `client` and `store` are not owned and must outlive the pane; `catalog` may be null.
    VideoTaskPane(api::VideoTaskClient* client, store::VideoTaskStore* store,
                  std::shared_ptr<const catalog::Catalog> catalog, QWidget* parent = nullptr);
    ~VideoTaskPane() override;

    void setEndpoint(const QUrl& baseUrl, const QString& apiKey);
    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog);
    // Where finished videos are downloaded (created when missing). Set it before tasks finish.
    void setDownloadFolder(const QString& folder);
    QString downloadFolder() const;
    // Polling pace (tests use short intervals).
    void setPollSchedule(const api::VideoTaskPoller::Schedule& schedule);

    // The form.
    void setModel(const QString& modelId);
    QString model() const;
    void setPrompt(const QString& prompt);
    void setFirstFramePath(const QString& path); // "" clears
    void setLastFramePath(const QString& path);
    QString firstFramePath() const { return m_firstFramePath; }
    QString lastFramePath() const { return m_lastFramePath; }
    catalog::VideoCapabilities currentOptions() const;
    // The parameters the form sets (unset = the model's default; options the model lacks are never set).
    api::VideoGenerationParams currentParams() const;

    // Actions (the buttons call these; tests too).
    void createTask(); // checks, encodes frames, sends
    bool isCreating() const;
    void cancelTask(const QString& taskId); // queued tasks
    void deleteTask(const QString& taskId); // finished tasks; no confirmation here (the button asks)
    void refreshTask(const QString& taskId);
    // Emits playRequested for a downloaded video; downloads it first when it is not on disk yet.
    void playTask(const QString& taskId);
    bool saveTaskVideoTo(const QString& taskId, const QString& path, QString* error = nullptr);
    bool isDownloading(const QString& taskId) const { return m_downloads.contains(taskId); }
    void selectTask(const QString& taskId);
    QString selectedTaskId() const;

    // Parts, for the window and for tests.
    api::VideoTaskPoller* poller() const { return m_poller; }
    models::VideoTaskListModel* listModel() const { return m_model; }
    QTableView* tableView() const { return m_table; }
    QComboBox* modelBox() const { return m_modelBox; }
    QPlainTextEdit* promptEdit() const { return m_prompt; }
    QComboBox* ratioBox() const { return m_ratio; }
    QComboBox* resolutionBox() const { return m_resolution; }
    QComboBox* durationBox() const { return m_duration; }
    QComboBox* fpsBox() const { return m_fps; }
    QLineEdit* seedEdit() const { return m_seed; }
    QComboBox* watermarkBox() const { return m_watermark; }
    QComboBox* cameraFixedBox() const { return m_cameraFixed; }
    QWidget* firstFrameRow() const { return m_firstFrameRow; }
    QWidget* lastFrameRow() const { return m_lastFrameRow; }
    QPushButton* createButton() const { return m_create; }
    QPushButton* playButton() const { return m_playButton; }
    QPushButton* saveButton() const { return m_saveButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QPushButton* deleteButton() const { return m_deleteButton; }
    GenerationErrorCard* errorCard() const { return m_error; }
    QString statusText() const;
    // Whether a form row is shown (QFormLayout rows are hidden, not their widgets).
    bool isOptionOffered(QWidget* field) const;

signals:
    void taskCreated(const QString& taskId);
    void videoDownloaded(const QString& taskId, const QString& filePath);
    void playRequested(const QString& filePath);
    void createFailed(const ark::api::ApiError& error);

private:
    void buildForm();
    void buildList();
    void fillModels();
    void applyModelOptions();
    void resumeStored();
    void sendCreate(const VideoFrame& first, const VideoFrame& last);
    void onCreateFinished();
    void onTaskFinished(const api::VideoTask& task);
    void onPollFailed(const QString& taskId, const api::ApiError& error, bool willRetry);
    void startDownload(const QString& taskId);
    void onDownloadFinished(const QString& taskId);
    void updateActions();
    void setStatus(const QString& text);
    void chooseFrame(bool last);
    void askDelete();
    void askSaveAs();

    api::VideoTaskClient* m_client;
    store::VideoTaskStore* m_store;
    std::shared_ptr<const catalog::Catalog> m_catalog;
    api::ClientConfig m_config;
    api::VideoTaskPoller* m_poller;
    models::VideoTaskListModel* m_model;
    QString m_folder;

    // Form.
    QFormLayout* m_form = nullptr;
    QComboBox* m_modelBox = nullptr;
    QLabel* m_modelNote = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    QWidget* m_firstFrameRow = nullptr;
    QLineEdit* m_firstFrameEdit = nullptr;
    QWidget* m_lastFrameRow = nullptr;
    QLineEdit* m_lastFrameEdit = nullptr;
    QComboBox* m_ratio = nullptr;
    QComboBox* m_resolution = nullptr;
    QComboBox* m_duration = nullptr;
    QComboBox* m_fps = nullptr;
    QLineEdit* m_seed = nullptr;
    QComboBox* m_watermark = nullptr;
    QComboBox* m_cameraFixed = nullptr;
    QPushButton* m_create = nullptr;
    QLabel* m_status = nullptr;
    GenerationErrorCard* m_error = nullptr;
    QString m_firstFramePath;
    QString m_lastFramePath;

    // List.
    QTableView* m_table = nullptr;
    QPushButton* m_playButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QPushButton* m_refreshButton = nullptr;

    // In flight.
    bool m_encoding = false;
    QPointer<api::VideoTaskCall> m_createCall;
    api::VideoTaskRequest m_pendingRequest;
    QJsonObject m_pendingExtra; // frame file names, stored with the task
    QHash<QString, QPointer<api::FileDownload>> m_downloads;
    QHash<QString, QPointer<api::VideoTaskCall>> m_removals;
    QSet<QString> m_playWhenDownloaded;
};

} // namespace ark::ui
