#include "media/ImagePreparer.h"

#include "media/AttachmentStore.h"
#include "media/VideoProbe.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>
#include <QMimeDatabase>
#include <cmath>

namespace ark::media {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::media::ImagePreparer", text);
}

// Files bigger than this are not read into memory at all: no accepted image or video comes close.
constexpr qint64 kMaxReadableBytes = 512LL * 1000 * 1000;

bool isCancelled(const std::atomic_bool* cancelled)
{
    return cancelled && cancelled->load();
}

PrepareResult fail(const QString& error, const QString& limit = {})
{
    PrepareResult r;
    r.error = error;
    r.limit = limit;
    return r;
}

PrepareResult cancelledResult()
{
    PrepareResult r;
    r.cancelled = true;
    r.error = tr("Cancelled.");
    return r;
}

QString displayName(const QString& name)
{
    return name.isEmpty() ? tr("The pasted image") : name;
}

bool hasTransparentPixel(const QImage& image)
{
    if (!image.hasAlphaChannel())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) != 255)
                return true;
        }
    }
    return false;
}

QByteArray encode(const QImage& image, const char* format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    // JPEG has no alpha: flatten onto white rather than letting transparent pixels turn black.
    if (qstrcmp(format, "jpeg") == 0 && image.hasAlphaChannel()) {
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QImage src = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < flat.height(); ++y) {
            auto* out = reinterpret_cast<QRgb*>(flat.scanLine(y));
            const auto* in = reinterpret_cast<const QRgb*>(src.constScanLine(y));
            for (int x = 0; x < flat.width(); ++x) {
                const int a = qAlpha(in[x]);
                out[x] = qRgb(qRed(in[x]) + (255 - a), qGreen(in[x]) + (255 - a), qBlue(in[x]) + (255 - a));
            }
        }
        return writer.write(flat) ? bytes : QByteArray();
    }
    return writer.write(image) ? bytes : QByteArray();
}

QSize transposedIf(QSize size, bool transpose)
{
    return transpose ? size.transposed() : size;
}

qint64 areaLimitFor(const ImagePreparer::Options& options)
{
    const qint64 documented = options.generation == VisionGeneration::Legacy
                                  ? qint64(limits::kLegacyMaxSide) * limits::kLegacyMaxSide
                                  : limits::kCurrentMaxArea;
    return options.maxPixels > 0 ? std::min(documented, options.maxPixels) : documented;
}

// Why a size had to change, as sentences naming the limit.
QStringList sizeReasons(QSize from, const ImagePreparer::Options& options)
{
    QStringList reasons;
    const qint64 area = qint64(from.width()) * from.height();
    const qint64 areaLimit = areaLimitFor(options);
    const int shortSide = std::min(from.width(), from.height());
    const int longSide = std::max(from.width(), from.height());
    const bool legacy = options.generation == VisionGeneration::Legacy;
    if (legacy && longSide > limits::kLegacyMaxSide) {
        reasons << tr("This model accepts sides up to %1 pixels.").arg(limits::kLegacyMaxSide);
    } else if (area > areaLimit) {
        const bool documented = options.maxPixels <= 0 || options.maxPixels >= limits::kCurrentMaxArea;
        reasons << (documented ? tr("Ark accepts at most %1 pixels per image.")
                               : tr("Images are sent with at most %1 pixels, the most the model uses."))
                       .arg(QLocale().toString(areaLimit));
    }
    if (legacy && shortSide < limits::kLegacyMinSide)
        reasons << tr("This model needs sides of at least %1 pixels.").arg(limits::kLegacyMinSide);
    else if (!legacy && shortSide <= limits::kCurrentMinSideExclusive)
        reasons << tr("Ark needs both sides longer than %1 pixels.").arg(limits::kCurrentMinSideExclusive);
    return reasons;
}

QString unfixableMessage(const QString& name, QSize size, const ImagePreparer::Options& options,
                         QString* limit)
{
    const int shortSide = std::min(size.width(), size.height());
    const int longSide = std::max(size.width(), size.height());
    if (options.generation == VisionGeneration::Legacy &&
        double(longSide) / shortSide > limits::kLegacyMaxAspect) {
        *limit = QStringLiteral("image.aspect");
        return tr("%1 is %2 pixels, an aspect ratio of %3:1; this model accepts at most %4:1 and no scaling "
                  "changes that. Crop the image first.")
            .arg(displayName(name), pixelSizeText(size))
            .arg(qRound(double(longSide) / shortSide))
            .arg(limits::kLegacyMaxAspect);
    }
    *limit = QStringLiteral("image.side");
    return tr("%1 is %2 pixels: so narrow that no size keeps both sides longer than %3 pixels within %4 "
              "pixels. "
              "Crop the image first.")
        .arg(displayName(name), pixelSizeText(size))
        .arg(options.generation == VisionGeneration::Legacy ? limits::kLegacyMinSide - 1
                                                            : limits::kCurrentMinSideExclusive)
        .arg(QLocale().toString(areaLimitFor(options)));
}

struct Encoded
{
    QByteArray bytes;
    QString mime;
    QString formatText; // "JPEG (quality 90)", "PNG"
    QImage image;       // what was encoded (smaller than asked when bytes forced it)
    bool shrunkForBytes = false;
};

// Encodes `image` so the bytes stay under options.maxBytes; `preferLossy` picks JPEG first for opaque photos.
std::optional<Encoded> encodeToFit(QImage image, bool preferLossy, const ImagePreparer::Options& options,
                                   const std::atomic_bool* cancelled, QString* error)
{
    const bool alpha = hasTransparentPixel(image);
    bool jpeg = !alpha && preferLossy;
    int quality = std::clamp(options.jpegQuality, 1, 100);
    Encoded result;
    for (int attempt = 0; attempt < 16; ++attempt) {
        if (isCancelled(cancelled))
            return std::nullopt;
        const QByteArray bytes = encode(image, jpeg ? "jpeg" : "png", jpeg ? quality : -1);
        if (bytes.isEmpty()) {
            *error = tr("The image could not be encoded as %1.")
                         .arg(jpeg ? QStringLiteral("JPEG") : QStringLiteral("PNG"));
            return std::nullopt;
        }
        if (bytes.size() < options.maxBytes) {
            result.bytes = bytes;
            result.mime = jpeg ? QStringLiteral("image/jpeg") : QStringLiteral("image/png");
            result.formatText = jpeg ? tr("JPEG (quality %1)").arg(quality) : QStringLiteral("PNG");
            result.image = image;
            return result;
        }
        // Cheapest fixes first: an opaque PNG becomes JPEG, a JPEG loses a little quality, then pixels go.
        if (!jpeg && !alpha) {
            jpeg = true;
            continue;
        }
        if (jpeg && quality > 80) {
            quality = 80;
            continue;
        }
        const double ratio = std::sqrt(double(options.maxBytes) / double(bytes.size())) * 0.9;
        const QSize smaller(std::max(1, int(image.width() * ratio)),
                            std::max(1, int(image.height() * ratio)));
        if (fitPixelSize(smaller, options.generation, options.maxPixels) != smaller)
            break; // shrinking further would break a side limit
        image = image.scaled(smaller, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        result.shrunkForBytes = true;
    }
    *error = tr("The image cannot be made smaller than %1 without breaking the pixel limits.")
                 .arg(byteSizeText(options.maxBytes));
    return std::nullopt;
}

// Whether this Qt build has a reader for the format (the image-formats plugins add WEBP, TIFF, ICNS, ...).
bool decodableHere(const MediaFormat& format)
{
    QByteArray name = format.mime.section(QLatin1Char('/'), 1).toLatin1();
    if (name == "x-icon")
        name = "ico";
    return QImageReader::supportedImageFormats().contains(name);
}

QImage thumbnailOf(const QImage& image, const ImagePreparer::Options& options)
{
    if (!options.thumbnailSize.isValid() || image.isNull())
        return {};
    if (image.width() <= options.thumbnailSize.width() && image.height() <= options.thumbnailSize.height())
        return image;
    return image.scaled(options.thumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

// Stores the bytes (when there is a store) and fills hash, path and size.
bool finishImage(PreparedAttachment& p, AttachmentStore* store, QString* error)
{
    Attachment& a = p.attachment;
    a.byteSize = p.bytes.size();
    if (store) {
        a.storedPath = store->store(p.bytes, a.mime, error, &a.hash);
        return !a.storedPath.isEmpty();
    }
    a.hash = AttachmentStore::hashOf(p.bytes);
    return true;
}

PrepareResult finish(PreparedAttachment prepared, const ImagePreparer::Options& options)
{
    // A last check of what goes out: the steps above should have fixed everything; if they did not, say so
    // now rather than let the request fail.
    const std::vector<LimitProblem> problems = prepared.attachment.check(options.generation);
    for (const LimitProblem& p : problems) {
        if (p.severity == LimitProblem::Severity::Error)
            return fail(p.message, p.limit);
        prepared.warnings.push_back(p);
    }
    PrepareResult r;
    r.ok = true;
    r.prepared = std::move(prepared);
    return r;
}

// A decoded image (oriented as the person sees it) brought within the limits and encoded.
// target: the upright size to send (invalid = no size fits). originalBytes: the size of the file it came
// from, -1 for a pasted image. mustNote: say "Re-encoded" even when nothing else changed (a file was replaced
// by other bytes).
PrepareResult prepareDecoded(QImage image, const QString& name, bool preferLossy, QStringList notes,
                             const ImagePreparer::Options& options, AttachmentStore* store,
                             const std::atomic_bool* cancelled, QSize originalSize, QSize target,
                             qint64 originalBytes, bool mustNote)
{
    if (!target.isValid()) {
        QString limit;
        const QString message = unfixableMessage(name, originalSize, options, &limit);
        return fail(message, limit);
    }
    if (image.size() != target)
        image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (isCancelled(cancelled))
        return cancelledResult();
    QString error;
    const std::optional<Encoded> encoded = encodeToFit(image, preferLossy, options, cancelled, &error);
    if (!encoded)
        return isCancelled(cancelled) ? cancelledResult() : fail(error, QStringLiteral("image.bytes"));

    PreparedAttachment p;
    p.bytes = encoded->bytes;
    p.changed = true;
    p.originalPixelSize = originalSize;
    p.thumbnail = thumbnailOf(encoded->image, options);
    Attachment& a = p.attachment;
    a.kind = MediaKind::Image;
    a.mime = encoded->mime;
    a.originalName = name;
    a.pixelSize = encoded->image.size();

    const QSize finalSize = encoded->image.size();
    QStringList sentences;
    if (finalSize != originalSize) {
        const bool larger = qint64(finalSize.width()) * finalSize.height() >
                            qint64(originalSize.width()) * originalSize.height();
        sentences << (larger ? tr("Enlarged from %1 to %2 and re-encoded as %3.")
                             : tr("Downscaled from %1 to %2 and re-encoded as %3."))
                         .arg(pixelSizeText(originalSize), pixelSizeText(finalSize), encoded->formatText);
        sentences << sizeReasons(originalSize, options);
    } else if (mustNote || encoded->mime == QLatin1String("image/jpeg")) {
        sentences << tr("Re-encoded as %1.").arg(encoded->formatText);
    }
    if (originalBytes >= options.maxBytes)
        sentences << tr("The file was %1; Ark accepts images under %2.")
                         .arg(byteSizeText(originalBytes), byteSizeText(options.maxBytes));
    else if (encoded->shrunkForBytes)
        sentences << tr("Ark accepts images under %1.").arg(byteSizeText(options.maxBytes));
    sentences << notes;
    a.note = sentences.join(QLatin1Char(' '));

    if (!finishImage(p, store, &error))
        return fail(error);
    return finish(std::move(p), options);
}

PrepareResult prepareVideoFile(const QString& path, const ImagePreparer::Options& options,
                               AttachmentStore* store, const std::atomic_bool* cancelled)
{
    const VideoProbeResult probe = VideoProbe::probeFile(path);
    if (!probe.ok)
        return fail(tr("%1: %2").arg(QFileInfo(path).fileName(), probe.error));
    PreparedAttachment p;
    Attachment& a = p.attachment;
    a.kind = MediaKind::Video;
    a.mime = probe.info.mime;
    a.originalName = QFileInfo(path).fileName();
    a.pixelSize = probe.info.pixelSize;
    a.byteSize = probe.info.byteSize;
    a.durationSeconds = probe.info.durationSeconds;
    p.originalPixelSize = probe.info.pixelSize;
    p.originalByteSize = probe.info.byteSize;
    // Check before copying 50 MB into the store.
    const std::vector<LimitProblem> problems = a.check(options.generation);
    for (const LimitProblem& problem : problems) {
        if (problem.severity == LimitProblem::Severity::Error)
            return fail(tr("%1: %2").arg(a.originalName, problem.message), problem.limit);
    }
    if (isCancelled(cancelled))
        return cancelledResult();
    QString error;
    if (store) {
        a.storedPath = store->storeFile(path, a.mime, &error, &a.hash);
        if (a.storedPath.isEmpty())
            return fail(error);
    } else {
        QFile file(path);
        QCryptographicHash sha(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !sha.addData(&file))
            return fail(tr("%1 could not be read: %2").arg(path, file.errorString()));
        a.hash = QString::fromLatin1(sha.result().toHex());
        a.storedPath = QFileInfo(path).absoluteFilePath();
    }
    return finish(std::move(p), options);
}

} // namespace

PrepareResult ImagePreparer::prepareBytesNow(const QByteArray& bytes, const QString& name,
                                             const Options& options, AttachmentStore* store,
                                             const std::atomic_bool* cancelled)
{
    if (bytes.isEmpty())
        return fail(tr("%1 is empty.").arg(displayName(name)));
    const QString mime = sniffMime(bytes.left(64));
    if (mime.startsWith(QLatin1String("video/")))
        return fail(tr("%1 is a video; attach it as a file.").arg(displayName(name)));

    QByteArray data = bytes; // QBuffer needs a non-const array; this is a shallow copy
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const MediaFormat* format = formatForMime(mime);
    const bool accepted = format && format->kind == MediaKind::Image &&
                          !(format->currentModelsOnly && options.generation == VisionGeneration::Legacy);

    if (!reader.canRead()) {
        if (accepted && !decodableHere(*format)) {
            // HEIC, HEIF, JPEG 2000, SGI: accepted by Ark, not decodable here. Send as is when small enough.
            if (bytes.size() >= options.maxBytes) {
                return fail(
                    tr("%1 is %2; Ark accepts images under %3, and %4 images cannot be re-encoded here.")
                        .arg(displayName(name), byteSizeText(bytes.size()), byteSizeText(options.maxBytes),
                             format->name),
                    QStringLiteral("image.bytes"));
            }
            PreparedAttachment p;
            p.bytes = bytes;
            p.originalByteSize = bytes.size();
            p.attachment.kind = MediaKind::Image;
            p.attachment.mime = format->mime;
            p.attachment.originalName = name;
            p.warnings.push_back(
                {LimitProblem::Severity::Warning, QStringLiteral("image.area"),
                 tr("The pixel size of %1 images cannot be checked here; Ark refuses images over "
                    "%2 pixels.")
                     .arg(format->name, QLocale().toString(limits::kCurrentMaxArea))});
            QString error;
            if (!finishImage(p, store, &error))
                return fail(error);
            return finish(std::move(p), options);
        }
        if (format && !accepted) // known by its signature but not for this model (HEIC on a legacy model)
            return fail(
                tr("%1 is a %2 image; %2 images are accepted only by doubao-1.5-vision-pro and later models.")
                    .arg(displayName(name), format->name),
                QStringLiteral("image.format"));
        if (format) // a format Qt decodes, with a signature but no readable content
            return fail(tr("%1 could not be read; the file may be damaged.").arg(displayName(name)));
        const QMimeType guessed = QMimeDatabase().mimeTypeForData(bytes);
        if (guessed.name().startsWith(QLatin1String("image/")))
            return fail(tr("%1 is a %2 image, which Ark does not accept; the accepted formats are %3.")
                            .arg(displayName(name), guessed.comment(), acceptedFormatNames(MediaKind::Image)),
                        QStringLiteral("image.format"));
        return fail(tr("%1 is not an image Ark accepts; the accepted formats are %2.")
                        .arg(displayName(name), acceptedFormatNames(MediaKind::Image)),
                    QStringLiteral("image.format"));
    }

    const QByteArray qtFormat = reader.format();
    const QSize fileSize = reader.size(); // in the file's orientation
    const QImageIOHandler::Transformations transform = reader.transformation();
    const bool transposed = transform.testFlag(QImageIOHandler::TransformationRotate90);
    const bool reorient = transform != QImageIOHandler::TransformationNone;

    // Sides and area limits are symmetric, so the fit can be worked out in the file's orientation, which is
    // what QImageReader::setScaledSize expects.
    QSize target =
        fileSize.isValid() ? fitPixelSize(fileSize, options.generation, options.maxPixels) : QSize();
    if (fileSize.isValid() && !target.isValid()) {
        QString limit;
        const QString message = unfixableMessage(name, transposedIf(fileSize, transposed), options, &limit);
        return fail(message, limit);
    }
    const bool tooBig = bytes.size() >= options.maxBytes;
    const bool animated = reader.supportsAnimation() && reader.imageCount() > 1;

    // QImageReader refuses to allocate decoded images over its allocation limit (128 MB in Qt 6.4: about
    // 33 megapixels at 4 bytes each). JPEG can decode at 1/2, 1/4 or 1/8 scale, so a big photo is opened at
    // the largest such scale that fits and sent at that size: still far more pixels than the model looks at
    // (limits::kMaxPixelLimit). Other formats that big cannot be opened here.
    bool reducedForMemory = false;
    bool unverifiable = false;
    const qint64 allocationBytes = qint64(QImageReader::allocationLimit()) * 1024 * 1024; // 0 = no limit
    const auto decodedBytes = [](QSize s) {
        return qint64(s.width()) * s.height() * 4;
    };
    if (allocationBytes > 0 && fileSize.isValid() && decodedBytes(fileSize) > allocationBytes) {
        if (qtFormat == "jpeg" && reader.supportsOption(QImageIOHandler::ScaledSize)) {
            int denominator = 2;
            while (denominator < 8 && decodedBytes(fileSize / denominator) > allocationBytes)
                denominator *= 2;
            const QSize reduced(fileSize.width() / denominator, fileSize.height() / denominator);
            if (decodedBytes(reduced) > allocationBytes)
                return fail(tr("%1 is %2 pixels, too large to open here.")
                                .arg(displayName(name), pixelSizeText(transposedIf(fileSize, transposed))),
                            QStringLiteral("image.area"));
            if (reduced.width() < target.width()) {
                target = fitPixelSize(reduced, options.generation, options.maxPixels);
                reducedForMemory = true;
            }
        } else {
            unverifiable = true; // only a pass-through is possible, without decoding
        }
    }
    const bool resize = fileSize.isValid() && target != fileSize;
    const bool mustEncode = !fileSize.isValid() || resize || reorient || tooBig || !accepted;
    if (unverifiable && mustEncode) {
        return fail(tr("%1 is %2 pixels, too large to open here.")
                        .arg(displayName(name), pixelSizeText(transposedIf(fileSize, transposed))),
                    QStringLiteral("image.area"));
    }

    // Decode straight at the target size where the format allows it (JPEG's scaled decoding is much faster).
    if (resize && reader.supportsOption(QImageIOHandler::ScaledSize))
        reader.setScaledSize(target);
    else if (!mustEncode && options.thumbnailSize.isValid() &&
             reader.supportsOption(QImageIOHandler::ScaledSize))
        reader.setScaledSize(fileSize.scaled(options.thumbnailSize, Qt::KeepAspectRatio).boundedTo(fileSize));

    if (isCancelled(cancelled))
        return cancelledResult();
    QImage image;
    if (!unverifiable && !reader.read(&image)) {
        return fail(tr("%1 could not be read; the file may be damaged (%2).")
                        .arg(displayName(name), reader.errorString()));
    }
    if (isCancelled(cancelled))
        return cancelledResult();

    if (!mustEncode) {
        PreparedAttachment p;
        p.bytes = bytes;
        p.changed = false;
        p.originalByteSize = bytes.size();
        p.originalPixelSize = fileSize;
        p.thumbnail = thumbnailOf(image, options);
        p.attachment.kind = MediaKind::Image;
        p.attachment.mime = format->mime;
        p.attachment.originalName = name;
        p.attachment.pixelSize = fileSize;
        QString error;
        if (!finishImage(p, store, &error))
            return fail(error);
        return finish(std::move(p), options);
    }

    QStringList notes;
    if (reducedForMemory)
        notes << tr("Very large photos are opened at a reduced scale to limit memory use.");
    if (reorient)
        notes << tr("Turned upright as its EXIF orientation says.");
    if (!accepted)
        notes << tr("Ark does not accept %1 images.").arg(QString::fromLatin1(qtFormat).toUpper());
    if (animated)
        notes << tr("Only the first frame of the animation is kept.");
    const QSize originalSize = fileSize.isValid() ? transposedIf(fileSize, transposed) : image.size();
    // The reader scaled in the file's orientation; the image is now upright, so compare with the upright
    // target.
    if (resize && image.size() != transposedIf(target, transposed))
        image =
            image.scaled(transposedIf(target, transposed), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const bool lossySource = mime == QLatin1String("image/jpeg") || mime == QLatin1String("image/webp");
    const QSize uprightTarget = fileSize.isValid()
                                    ? transposedIf(target, transposed)
                                    : fitPixelSize(originalSize, options.generation, options.maxPixels);
    PrepareResult r = prepareDecoded(image, name, lossySource, notes, options, store, cancelled, originalSize,
                                     uprightTarget, bytes.size(), true);
    if (r.ok)
        r.prepared.originalByteSize = bytes.size();
    return r;
}

PrepareResult ImagePreparer::prepareImageNow(const QImage& image, const QString& name, const Options& options,
                                             AttachmentStore* store, const std::atomic_bool* cancelled)
{
    if (image.isNull())
        return fail(tr("%1 is empty.").arg(displayName(name)));
    // A pasted image has no file to keep: it is always encoded, as PNG unless that is too big (screenshots
    // stay sharp), and the note stays quiet unless the size or the format had to give.
    return prepareDecoded(image, name, false, {}, options, store, cancelled, image.size(),
                          fitPixelSize(image.size(), options.generation, options.maxPixels), -1, false);
}

PrepareResult ImagePreparer::prepareFileNow(const QString& path, const Options& options,
                                            AttachmentStore* store, const std::atomic_bool* cancelled)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1 could not be opened: %2").arg(path, file.errorString()));
    const QString mime = sniffMime(file.peek(64));
    const bool videoByName = QMimeDatabase()
                                 .mimeTypeForFile(path, QMimeDatabase::MatchExtension)
                                 .name()
                                 .startsWith(QLatin1String("video/"));
    if (mime.startsWith(QLatin1String("video/")) || (mime.isEmpty() && videoByName)) {
        file.close();
        return prepareVideoFile(path, options, store, cancelled);
    }
    if (file.size() > kMaxReadableBytes) {
        return fail(tr("%1 is %2; Ark accepts images under %3.")
                        .arg(name, byteSizeText(file.size()), byteSizeText(limits::kMaxImageBytes)),
                    QStringLiteral("image.bytes"));
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() != file.size())
        return fail(tr("%1 could not be read: %2").arg(path, file.errorString()));
    return prepareBytesNow(bytes, name, options, store, cancelled);
}

ImagePreparer::ImagePreparer(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ark::media::PreparedAttachment>();
    // One job at a time: decoded photos are large, and results then arrive in the order they were asked for.
    m_pool.setMaxThreadCount(1);
}

ImagePreparer::~ImagePreparer()
{
    cancelAll();
    m_pool.clear();
    m_pool.waitForDone();
}

int ImagePreparer::start(Job job)
{
    const int id = m_nextId++;
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_pending.insert(id, flag);
    m_pool.start([this, id, flag, options = m_options, store = m_store, job = std::move(job)] {
        if (flag->load())
            return; // cancelled while queued
        PrepareResult result = job(options, store, flag.get());
        // Posted to this object's thread; the destructor waits for the pool, so `this` is alive here, and
        // Qt drops the posted call if the object is destroyed before it runs.
        QMetaObject::invokeMethod(
            this, [this, id, result = std::move(result)] { deliver(id, result); }, Qt::QueuedConnection);
    });
    return id;
}

void ImagePreparer::deliver(int requestId, const PrepareResult& result)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd() || it.value()->load())
        return; // cancelled: the result is stale
    m_pending.erase(it);
    if (result.ok)
        emit prepared(requestId, result.prepared);
    else
        emit failed(requestId, result.error);
}

int ImagePreparer::prepareFile(const QString& path)
{
    return start([path](const Options& o, AttachmentStore* s, const std::atomic_bool* c) {
        return prepareFileNow(path, o, s, c);
    });
}

int ImagePreparer::prepareBytes(const QByteArray& bytes, const QString& name)
{
    return start([bytes, name](const Options& o, AttachmentStore* s, const std::atomic_bool* c) {
        return prepareBytesNow(bytes, name, o, s, c);
    });
}

int ImagePreparer::prepareImage(const QImage& image, const QString& name)
{
    return start([image, name](const Options& o, AttachmentStore* s, const std::atomic_bool* c) {
        return prepareImageNow(image, name, o, s, c);
    });
}

void ImagePreparer::cancel(int requestId)
{
    if (const auto flag = m_pending.take(requestId))
        flag->store(true);
}

void ImagePreparer::cancelAll()
{
    for (const auto& flag : std::as_const(m_pending))
        flag->store(true);
    m_pending.clear();
}

} // namespace ark::media
