#include "ImageGenerationPanel.h"

#include "media/VideoPlayer.h" // copyFileReplacing

#include <QBoxLayout>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace ark::ui {

namespace {

// Money with as many decimals as the amount needs, at least two (¥0.259, ¥0.518, ¥3.00).
QString moneyText(qint64 micros, const QString& currency)
{
    int decimals = 6;
    qint64 reduced = micros;
    while (decimals > 2 && reduced % 10 == 0) {
        reduced /= 10;
        --decimals;
    }
    return pricing::formatMoney(micros, currency, decimals);
}

// The price of one image for `modelId`, or nullopt when the catalog has none.
std::optional<qint64> perImagePrice(const catalog::Catalog* catalog, const QString& modelId,
                                    QString* currency)
{
    if (!catalog)
        return std::nullopt;
    const catalog::ModelInfo* info = catalog->find(modelId);
    if (!info || !info->prices.perImageMicros)
        return std::nullopt;
    if (currency)
        *currency = info->prices.currency;
    return info->prices.perImageMicros;
}

QString suffixFor(const QUrl& url)
{
    const QString suffix = QFileInfo(url.path()).suffix().toLower();
    static const QStringList known{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                   QStringLiteral("webp")};
    return known.contains(suffix) ? suffix : QStringLiteral("png");
}

} // namespace

// ---------------------------------------------------------------------------------------------
// GenerationErrorCard

GenerationErrorCard::GenerationErrorCard(QWidget* parent)
    : QFrame(parent), m_title(new QLabel(this)), m_message(new QLabel(this)), m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("generationErrorCard"));
    // The conversation's error card colours (MessageDelegate): a red outline on a faint red wash.
    setStyleSheet(QStringLiteral("#generationErrorCard { border: 1px solid rgba(198, 40, 40, 140); "
                                 "border-radius: 8px; background: rgba(198, 40, 40, 18); }"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_details->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_details->setFont(small);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_details);
    hide();
}

void GenerationErrorCard::showError(const api::ApiError& error, const QString& title)
{
    QStringList details;
    if (!error.code.isEmpty())
        details << tr("Code: %1").arg(error.code);
    else if (error.isError())
        details << tr("Kind: %1").arg(api::errorKindName(error.kind));
    if (!error.requestId.isEmpty())
        details << tr("Request ID: %1").arg(error.requestId);
    showMessage(title.isEmpty() ? tr("Request failed") : title, error.humanMessage(),
                details.join(QStringLiteral("  \u00B7  ")));
}

void GenerationErrorCard::showMessage(const QString& title, const QString& message, const QString& details)
{
    m_title->setText(title);
    m_message->setText(message);
    m_details->setText(details);
    m_details->setVisible(!details.isEmpty());
    show();
}

void GenerationErrorCard::clear()
{
    m_title->clear();
    m_message->clear();
    m_details->clear();
    hide();
}

QString GenerationErrorCard::title() const
{
    return m_title->text();
}

QString GenerationErrorCard::message() const
{
    return m_message->text();
}

QString GenerationErrorCard::details() const
{
    return m_details->text();
}

// ---------------------------------------------------------------------------------------------
// ImageModelOptions

ImageModelOptions ImageModelOptions::forModel(const QString& modelId)
{
    ImageModelOptions options;
    // Seedream 3.0 t2i: size 512x512..2048x2048 with these recommended sizes, seed, guidance_scale in
    // [1, 10] (default 2.5), watermark (docs copies, unverified: ark-multimodal-tasks.md §5.2). Other and
    // unknown models get the same fields and sizes; the server rejects what it does not take.
    options.sizes = {QStringLiteral("1024x1024"), QStringLiteral("864x1152"), QStringLiteral("1152x864"),
                     QStringLiteral("1280x720"),  QStringLiteral("720x1280"), QStringLiteral("832x1248"),
                     QStringLiteral("1248x832"),  QStringLiteral("1512x648")};
    Q_UNUSED(modelId)
    return options;
}

// ---------------------------------------------------------------------------------------------
// ImageGenerationPanel

ImageGenerationPanel::ImageGenerationPanel(api::ImageGenerationClient* client,
                                           std::shared_ptr<const catalog::Catalog> catalog, QWidget* parent)
    : QWidget(parent), m_client(client), m_catalog(std::move(catalog))
{
    m_model = new QComboBox(this);
    m_model->setEditable(true); // an endpoint id (ep-...) or a model the catalog does not list
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setToolTip(tr("An image generation model from the catalog, or an endpoint id (ep-…)"));
    m_price = new QLabel(this);
    m_price->setForegroundRole(QPalette::PlaceholderText);

    m_prompt = new QPlainTextEdit(this);
    m_prompt->setPlaceholderText(tr("Describe the image…"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setMinimumHeight(m_prompt->fontMetrics().lineSpacing() * 3);
    m_prompt->setMaximumHeight(m_prompt->fontMetrics().lineSpacing() * 7); // the image gets the room

    m_size = new QComboBox(this);
    m_size->setEditable(true);
    m_size->setInsertPolicy(QComboBox::NoInsert);
    m_size->lineEdit()->setPlaceholderText(tr("Model default"));
    m_size->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("^([1-9][0-9]{0,4}(x([1-9][0-9]{0,4})?)?)?$")), m_size));
    m_size->setToolTip(tr("Width x height in pixels; empty for the model's default"));
    m_sizeRow = m_size;

    m_seed = new QSpinBox(this);
    m_seed->setRange(-1, 2147483647);
    m_seed->setValue(-1);
    m_seed->setSpecialValueText(tr("Random"));
    m_seed->setToolTip(tr("The same seed and prompt give similar images; Random (-1) picks one"));
    m_seedRow = m_seed;

    m_guidanceRow = new QWidget(this);
    m_guidanceOn = new QCheckBox(tr("Set"), m_guidanceRow);
    m_guidance = new QDoubleSpinBox(m_guidanceRow);
    m_guidance->setRange(1.0, 10.0);
    m_guidance->setSingleStep(0.5);
    m_guidance->setDecimals(1);
    m_guidance->setEnabled(false);
    m_guidance->setToolTip(tr("How closely the image follows the prompt (1–10); unset: the model's default"));
    auto* guidanceLayout = new QHBoxLayout(m_guidanceRow);
    guidanceLayout->setContentsMargins(0, 0, 0, 0);
    guidanceLayout->addWidget(m_guidanceOn);
    guidanceLayout->addWidget(m_guidance, 1);
    connect(m_guidanceOn, &QCheckBox::toggled, m_guidance, &QWidget::setEnabled);

    m_watermark = new QComboBox(this);
    m_watermark->addItem(tr("Model default"), QVariant());
    m_watermark->addItem(tr("Add the “AI generated” mark"), true);
    m_watermark->addItem(tr("No mark"), false);
    m_watermarkRow = m_watermark;

    m_generate = new QPushButton(tr("Generate"), this);
    m_generate->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_error = new GenerationErrorCard(this);

    m_image = new QLabel(this);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(200, 160);
    m_image->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_image->setFrameShape(QFrame::StyledPanel);
    m_image->setText(tr("The generated image appears here."));
    m_image->setForegroundRole(QPalette::PlaceholderText);
    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_cost = new QLabel(this);
    m_save = new QPushButton(tr("Save as…"), this);
    m_save->setEnabled(false);

    auto* form = m_form = new QFormLayout;
    form->addRow(tr("Model"), m_model);
    form->addRow(QString(), m_price);
    form->addRow(tr("Prompt"), m_prompt);
    form->addRow(tr("Size"), m_sizeRow);
    form->addRow(tr("Seed"), m_seedRow);
    form->addRow(tr("Guidance scale"), m_guidanceRow);
    form->addRow(tr("Watermark"), m_watermarkRow);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_generate);
    auto* resultLine = new QHBoxLayout;
    resultLine->addWidget(m_cost, 1);
    resultLine->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_image, 1);
    layout->addWidget(m_info);
    layout->addLayout(resultLine);

    connect(m_generate, &QPushButton::clicked, this, &ImageGenerationPanel::generate);
    connect(m_cancel, &QPushButton::clicked, this, &ImageGenerationPanel::cancel);
    connect(m_save, &QPushButton::clicked, this, &ImageGenerationPanel::askSaveAs);
    connect(m_model, &QComboBox::currentTextChanged, this, [this] {
        applyModelOptions();
        updatePrice();
    });

    fillModels();
}

ImageGenerationPanel::~ImageGenerationPanel()
{
    // Requests in flight are children of the panel and abort with it; nothing else to do.
}

void ImageGenerationPanel::setEndpoint(const QUrl& baseUrl, const QString& apiKey)
{
    m_config.baseUrl = baseUrl;
    m_config.apiKey = apiKey;
}

void ImageGenerationPanel::setCatalog(std::shared_ptr<const catalog::Catalog> catalog)
{
    m_catalog = std::move(catalog);
    fillModels();
}

void ImageGenerationPanel::setResultFolder(const QString& folder)
{
    m_folder = folder;
}

QString ImageGenerationPanel::resultFolder() const
{
    if (!m_folder.isEmpty())
        return m_folder;
    if (!m_tempDir)
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ark-images-XXXXXX"));
    return m_tempDir->isValid() ? m_tempDir->path() : QDir::tempPath();
}

void ImageGenerationPanel::setModel(const QString& modelId)
{
    const int index = m_model->findData(modelId);
    if (index >= 0)
        m_model->setCurrentIndex(index);
    else
        m_model->setEditText(modelId);
    applyModelOptions();
    updatePrice();
}

QString ImageGenerationPanel::model() const
{
    // A listed model carries its id; typed text is used as it is.
    const int index = m_model->currentIndex();
    if (index >= 0 && m_model->itemText(index) == m_model->currentText())
        return m_model->itemData(index).toString();
    return m_model->currentText().trimmed();
}

void ImageGenerationPanel::setPrompt(const QString& prompt)
{
    m_prompt->setPlainText(prompt);
}

QString ImageGenerationPanel::prompt() const
{
    return m_prompt->toPlainText();
}

api::ImageGenerationRequest ImageGenerationPanel::currentRequest() const
{
    const ImageModelOptions options = ImageModelOptions::forModel(model());
    api::ImageGenerationRequest request;
    request.model = model();
    request.prompt = prompt().trimmed();
    request.responseFormat = api::ImageGenerationRequest::ResponseFormat::Url;
    if (options.size)
        request.size = m_size->currentText().trimmed();
    if (options.seed && m_seed->value() >= 0)
        request.seed = m_seed->value();
    if (options.guidanceScale && m_guidanceOn->isChecked())
        request.guidanceScale = m_guidance->value();
    if (options.watermark && m_watermark->currentData().isValid())
        request.watermark = m_watermark->currentData().toBool();
    return request;
}

void ImageGenerationPanel::generate()
{
    if (isBusy())
        return;
    m_error->clear();
    const api::ImageGenerationRequest request = currentRequest();
    const QString problem = api::ImageGenerationClient::validate(request);
    if (!problem.isEmpty()) {
        m_error->showMessage(tr("Cannot generate yet"), problem);
        return;
    }
    if (m_config.apiKey.isEmpty()) {
        m_error->showMessage(tr("Cannot generate yet"),
                             tr("No API key is set. Add your Ark API key in Settings, then try again."));
        return;
    }
    m_sentRequest = request;
    m_call = m_client->generate(request, m_config, this);
    connect(m_call.data(), &api::RestCall::finished, this, &ImageGenerationPanel::onCallFinished);
    setBusy(true, tr("Generating…"));
}

void ImageGenerationPanel::cancel()
{
    if (m_call)
        m_call->cancel();
    if (m_download)
        m_download->cancel();
}

bool ImageGenerationPanel::isBusy() const
{
    return m_call || m_download;
}

QString ImageGenerationPanel::costText() const
{
    return m_cost->text();
}

QString ImageGenerationPanel::statusText() const
{
    return m_status->text();
}

bool ImageGenerationPanel::saveResultTo(const QString& path, QString* error)
{
    if (m_resultPath.isEmpty()) {
        if (error)
            *error = tr("There is no generated image to save.");
        return false;
    }
    return copyFileReplacing(m_resultPath, path, error);
}

void ImageGenerationPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    showImageScaled();
}

void ImageGenerationPanel::fillModels()
{
    const QString previous = model();
    const QSignalBlocker block(m_model);
    m_model->clear();
    if (m_catalog) {
        for (const catalog::ModelInfo& info : m_catalog->models()) {
            // Only what this app can call: Ark's own image models (Krea's are another provider's paths).
            if (info.kind != catalog::ModelKind::ImageGeneration || info.external ||
                info.provider != QLatin1String("volcengine-ark"))
                continue;
            m_model->addItem(info.id, info.id);
            m_model->setItemData(m_model->count() - 1, info.displayName, Qt::ToolTipRole);
        }
    }
    if (!previous.isEmpty())
        setModel(previous);
    else if (m_model->count() > 0)
        m_model->setCurrentIndex(0);
    applyModelOptions();
    updatePrice();
}

void ImageGenerationPanel::applyModelOptions()
{
    const ImageModelOptions options = ImageModelOptions::forModel(model());
    m_form->setRowVisible(m_sizeRow, options.size);
    m_form->setRowVisible(m_seedRow, options.seed);
    m_form->setRowVisible(m_guidanceRow, options.guidanceScale);
    m_form->setRowVisible(m_watermarkRow, options.watermark);
    const QString size = m_size->currentText();
    {
        const QSignalBlocker block(m_size);
        m_size->clear();
        m_size->addItems(options.sizes);
        m_size->setEditText(size);
    }
    if (!m_guidanceOn->isChecked())
        m_guidance->setValue(options.defaultGuidance);
}

void ImageGenerationPanel::updatePrice()
{
    QString currency;
    const auto price = perImagePrice(m_catalog.get(), model(), &currency);
    if (price)
        m_price->setText(tr("%1 per image (catalog price)").arg(moneyText(*price, currency)));
    else if (!model().isEmpty())
        m_price->setText(tr("The catalog has no price for this model."));
    else
        m_price->clear();
}

void ImageGenerationPanel::setBusy(bool busy, const QString& status)
{
    m_generate->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_status->setText(status);
    emit busyChanged(busy);
}

void ImageGenerationPanel::onCallFinished()
{
    api::ImageGenerationCall* call = m_call.data();
    if (!call)
        return;
    call->deleteLater();
    m_call = nullptr;
    if (!call->succeeded()) {
        setBusy(false);
        if (call->error().kind == api::ErrorKind::Cancelled) {
            m_status->setText(tr("Cancelled."));
            return;
        }
        m_error->showError(call->error());
        emit generationFailed(call->error());
        return;
    }
    m_result = call->result();
    const auto image = std::find_if(m_result.images.begin(), m_result.images.end(),
                                    [](const api::GeneratedImage& i) { return i.ok(); });
    if (image == m_result.images.end()) {
        // Every image failed: the answer names why per image.
        api::ApiError error;
        error.kind = api::ErrorKind::BadRequest;
        error.requestId = call->requestId();
        if (!m_result.images.empty()) {
            error.code = m_result.images.front().errorCode;
            error.serverMessage = m_result.images.front().errorMessage;
        } else {
            error.detail = tr("The answer held no image.");
        }
        setBusy(false);
        m_error->showError(error, tr("No image was generated"));
        emit generationFailed(error);
        return;
    }
    if (!image->data.isEmpty()) {
        // b64_json: the bytes are here already.
        QBuffer buffer;
        buffer.setData(image->data);
        buffer.open(QIODevice::ReadOnly);
        const QByteArray format = QImageReader::imageFormat(&buffer);
        const QString path =
            newResultPath(format.isEmpty() ? QStringLiteral("png") : QString::fromLatin1(format));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(image->data) != image->data.size() ||
            !file.commit()) {
            setBusy(false);
            m_error->showMessage(tr("The image could not be saved"),
                                 tr("Cannot write %1: %2").arg(path, file.errorString()));
            return;
        }
        setBusy(false);
        showResult(path);
        return;
    }
    m_download = m_client->download(image->url, newResultPath(suffixFor(image->url)), this);
    connect(m_download.data(), &api::FileDownload::finished, this, &ImageGenerationPanel::onDownloadFinished);
    m_status->setText(tr("Downloading the image…"));
}

void ImageGenerationPanel::onDownloadFinished()
{
    api::FileDownload* download = m_download.data();
    if (!download)
        return;
    download->deleteLater();
    m_download = nullptr;
    setBusy(false);
    if (!download->succeeded()) {
        if (download->error().kind == api::ErrorKind::Cancelled) {
            m_status->setText(tr("Cancelled."));
            return;
        }
        m_error->showMessage(tr("The image could not be downloaded"), download->failureMessage(),
                             download->error().code.isEmpty() ? QString()
                                                              : tr("Code: %1").arg(download->error().code));
        emit generationFailed(download->error());
        return;
    }
    // The link's suffix may not match the bytes: name the file by what it is.
    QString path = download->filePath();
    const QString format = QString::fromLatin1(QImageReader::imageFormat(path));
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool same = format == suffix || (format == QLatin1String("jpeg") && suffix == QLatin1String("jpg"));
    if (!format.isEmpty() && !same) {
        const QString renamed = path.left(path.size() - suffix.size()) + format;
        if (QFile::rename(path, renamed))
            path = renamed;
    }
    showResult(path);
}

void ImageGenerationPanel::showResult(const QString& path)
{
    QImageReader reader(path);
    const QImage image = reader.read();
    if (image.isNull()) {
        m_error->showMessage(tr("The image cannot be shown"),
                             tr("%1 is not an image this app can read: %2").arg(path, reader.errorString()));
        return;
    }
    m_resultPath = path;
    m_resultImage = image;
    m_save->setEnabled(true);
    m_status->setText(tr("Done."));
    showImageScaled();

    QStringList info;
    const QString served = m_result.images.empty() ? QString() : m_result.images.front().size;
    info << tr("%1 × %2 px").arg(image.width()).arg(image.height());
    if (!served.isEmpty())
        info << tr("generated at %1").arg(served);
    if (m_sentRequest.seed)
        info << tr("seed %1").arg(*m_sentRequest.seed);
    m_info->setText(info.join(QStringLiteral("  \u00B7  ")));

    QString currency;
    const auto price = perImagePrice(m_catalog.get(), m_sentRequest.model, &currency);
    const qint64 images = m_result.billedImages();
    if (price) {
        m_cost->setText(tr("Cost: %1").arg(moneyText(*price * images, currency)));
        m_cost->setToolTip(tr("Images billed: %1 × %2 per image (catalog price)")
                               .arg(images)
                               .arg(moneyText(*price, currency)));
    } else {
        m_cost->setText(tr("Cost: not in the catalog for %1").arg(m_sentRequest.model));
        m_cost->setToolTip(QString());
    }
    emit imageGenerated(path, m_sentRequest.model, m_sentRequest.prompt);
}

void ImageGenerationPanel::showImageScaled()
{
    if (m_resultImage.isNull())
        return;
    const QSize box = m_image->contentsRect().size() - QSize(4, 4);
    if (box.width() <= 0 || box.height() <= 0)
        return;
    // Small results are enlarged without smoothing (pixels stay crisp); large ones shrink smoothly.
    const bool enlarge = m_resultImage.width() < box.width() && m_resultImage.height() < box.height();
    const QPixmap pixmap = QPixmap::fromImage(m_resultImage.scaled(
        box, Qt::KeepAspectRatio, enlarge ? Qt::FastTransformation : Qt::SmoothTransformation));
    m_image->setPixmap(pixmap);
}

void ImageGenerationPanel::askSaveAs()
{
    if (m_resultPath.isEmpty())
        return;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                                  .filePath(QFileInfo(m_resultPath).fileName());
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Save Image As"), suggested, tr("Images (*.png *.jpg *.jpeg *.webp);;All files (*)"));
    if (target.isEmpty())
        return;
    QString error;
    if (!saveResultTo(target, &error))
        m_error->showMessage(tr("The image could not be saved"), error);
    else
        m_status->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(target)));
}

QString ImageGenerationPanel::newResultPath(const QString& suffix) const
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return QDir(resultFolder())
        .filePath(QStringLiteral("image-%1-%2.%3").arg(stamp).arg(++m_serial).arg(suffix));
}

} // namespace ark::ui
