// The image generation panel (Seedream): prompt, model, size, seed, guidance scale and watermark; Generate
// and Cancel; the result image with "Save as…" and its cost from the catalog's per-image price. Failures
// are shown inline as the conversation shows them: a card with the human message, the error code and the
// request id.
//
// Flow: POST {base}/images/generations with response_format "url" (the documented form, seed L19866),
// then the image is fetched at once (the link expires) into the result folder; a b64_json answer is
// written there directly. The person's copy is made only on "Save as…". imageGenerated() tells the window
// (which may show the image in the conversation) where the file is.
//
// Options follow the model: the catalog says which models generate images (ModelKind::ImageGeneration)
// and their per-image price; which request fields a model takes is not in the catalog, so they come from
// the docs (ImageModelOptions::forModel). Any model id or endpoint id (ep-...) can be typed in the model
// box; unknown ones are offered every documented field, the server decides.
//
//   auto* panel = new ImageGenerationPanel(imageClient, catalog, parent);
//   panel->setEndpoint(baseUrl, apiKey);  // again whenever the key or endpoint changes
#pragma once

#include "api/ImageGenerationClient.h"
#include "catalog/Catalog.h"

#include <QFrame>
#include <QImage>
#include <QPointer>
#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTemporaryDir;

namespace ark::ui {

// An inline error card, styled like the conversation's: a title, the human message, and a details line
// ("Code: … · Request ID: …"). Hidden while empty. Shared by the generation panes.
class GenerationErrorCard : public QFrame
{
    Q_OBJECT
public:
    explicit GenerationErrorCard(QWidget* parent = nullptr);

    void showError(const api::ApiError& error, const QString& title = {}); // title default "Request failed"
    void showMessage(const QString& title, const QString& message, const QString& details = {});
    void clear(); // hides the card

    QString title() const;
    QString message() const;
    QString details() const; // "" when the error had neither code nor request id

private:
    QLabel* m_title;
    QLabel* m_message;
    QLabel* m_details;
};

// Which request fields a model takes (docs: ../shared/notes/ark-multimodal-tasks.md §5; the catalog does
// not describe them).
struct ImageModelOptions
{
    bool size = true;
    bool seed = true;
    bool guidanceScale = true;
    bool watermark = true;
    QStringList sizes;            // sizes to offer ("1024x1024", ...); any WxH can still be typed
    double defaultGuidance = 2.5; // shown when the person turns guidance on
    static ImageModelOptions forModel(const QString& modelId);
};

class ImageGenerationPanel : public QWidget
{
    Q_OBJECT
public:
    // `client` is not owned and must outlive the panel; `catalog` may be null (no models listed, no cost).
    ImageGenerationPanel(api::ImageGenerationClient* client, std::shared_ptr<const catalog::Catalog> catalog,
                         QWidget* parent = nullptr);
    ~ImageGenerationPanel() override;

    void setEndpoint(const QUrl& baseUrl, const QString& apiKey);
    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog); // refills the model list
    // Where generated images are written (created when missing). Default: a temporary folder owned by
    // the panel and removed with it, since nothing is kept unless the person saves it.
    void setResultFolder(const QString& folder);
    QString resultFolder() const;

    void setModel(const QString& modelId);
    QString model() const;
    void setPrompt(const QString& prompt);
    QString prompt() const;
    // The request the form describes now (fields the model does not take are left unset).
    api::ImageGenerationRequest currentRequest() const;

    void generate(); // what the Generate button does
    void cancel();   // stops the request or the download in flight
    bool isBusy() const;

    // The last result: the image file, the decoded image, its cost text ("" when not priced).
    QString resultFilePath() const { return m_resultPath; }
    QImage resultImage() const { return m_resultImage; }
    QString costText() const;
    QString statusText() const;
    // Copies the result to `path` (what "Save as…" does after asking). false + error when it fails.
    bool saveResultTo(const QString& path, QString* error = nullptr);

    // Parts, for the window and for tests.
    QComboBox* modelBox() const { return m_model; }
    QPlainTextEdit* promptEdit() const { return m_prompt; }
    QComboBox* sizeBox() const { return m_size; }
    QSpinBox* seedBox() const { return m_seed; }
    QCheckBox* guidanceCheck() const { return m_guidanceOn; }
    QDoubleSpinBox* guidanceBox() const { return m_guidance; }
    QComboBox* watermarkBox() const { return m_watermark; }
    QPushButton* generateButton() const { return m_generate; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* imageLabel() const { return m_image; }
    QLabel* costLabel() const { return m_cost; }
    QLabel* priceLabel() const { return m_price; }
    GenerationErrorCard* errorCard() const { return m_error; }

signals:
    void busyChanged(bool busy);
    // A new image is on disk (in resultFolder()).
    void imageGenerated(const QString& filePath, const QString& model, const QString& prompt);
    void generationFailed(const ark::api::ApiError& error);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fillModels();
    void applyModelOptions();
    void updatePrice();
    void setBusy(bool busy, const QString& status = {});
    void onCallFinished();
    void onDownloadFinished();
    void showResult(const QString& path);
    void showImageScaled();
    void askSaveAs();
    QString newResultPath(const QString& suffix) const;

    api::ImageGenerationClient* m_client;
    std::shared_ptr<const catalog::Catalog> m_catalog;
    api::ClientConfig m_config;
    mutable std::unique_ptr<QTemporaryDir> m_tempDir; // made on first use
    QString m_folder;

    QFormLayout* m_form = nullptr;
    QComboBox* m_model = nullptr;
    QLabel* m_price = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    QWidget* m_sizeRow = nullptr;
    QComboBox* m_size = nullptr;
    QWidget* m_seedRow = nullptr;
    QSpinBox* m_seed = nullptr;
    QWidget* m_guidanceRow = nullptr;
    QCheckBox* m_guidanceOn = nullptr;
    QDoubleSpinBox* m_guidance = nullptr;
    QWidget* m_watermarkRow = nullptr;
    QComboBox* m_watermark = nullptr;
    QPushButton* m_generate = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    GenerationErrorCard* m_error = nullptr;
    QLabel* m_image = nullptr;
    QLabel* m_info = nullptr;
    QLabel* m_cost = nullptr;
    QPushButton* m_save = nullptr;

    QPointer<api::ImageGenerationCall> m_call;
    QPointer<api::FileDownload> m_download;
    api::ImageGenerationRequest m_sentRequest;
    api::ImageGenerationResult m_result;
    QString m_resultPath;
    QImage m_resultImage;
    mutable int m_serial = 0;
};

} // namespace ark::ui
