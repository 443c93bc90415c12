#include "conversation/AttachmentThumbnails.h"

#include "media/AttachmentStore.h"
#include "media/MediaLimits.h"

#include <QFileInfo>
#include <QImageIOHandler>
#include <QImageReader>
#include <QMediaPlayer>
#include <QTimer>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>

#include <algorithm>
#include <cmath>

namespace ark::ui {

QString durationText(double seconds)
{
    const int total = std::max(0, int(std::lround(seconds)));
    const int h = total / 3600;
    const int m = (total / 60) % 60;
    const int s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QStringList attachmentDescription(const media::Attachment& a, const QString& title)
{
    QStringList lines{title};
    QStringList facts;
    if (a.pixelSize.isValid())
        facts << media::pixelSizeText(a.pixelSize);
    if (a.durationSeconds)
        facts << durationText(*a.durationSeconds);
    if (a.byteSize >= 0)
        facts << media::byteSizeText(a.byteSize);
    if (!facts.isEmpty())
        lines << facts.join(QStringLiteral(", "));
    if (!a.note.isEmpty())
        lines << a.note;
    return lines;
}

namespace {

constexpr qint64 kDefaultCostBytes = 32LL * 1024 * 1024;
constexpr int kMaxPosterGrabs = 2;    // QMediaPlayers at a time: each is a pipeline with its own threads
constexpr int kPosterFrameSide = 640; // the frame kept per video, for tiles of other sizes
constexpr int kPoolThreads = 2;

// The image scaled, aspect kept, so that it covers `box`; never enlarged.
QImage coverScaled(const QImage& image, const QSize& box)
{
    if (image.isNull() || box.isEmpty())
        return image;
    const qreal s = std::max(qreal(box.width()) / image.width(), qreal(box.height()) / image.height());
    if (s >= 1.0)
        return image;
    return image.scaled(std::max(1, int(std::lround(image.width() * s))),
                        std::max(1, int(std::lround(image.height() * s))), Qt::IgnoreAspectRatio,
                        Qt::SmoothTransformation);
}

QImage paintable(QImage image)
{
    // Converted once here, so every paint draws without a conversion.
    image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    return image;
}

// The file an attachment names: by hash in the store, else the recorded path. "" when neither exists.
QString resolvePath(const QString& storeRoot, const media::Attachment& a)
{
    if (!storeRoot.isEmpty() && !a.hash.isEmpty()) {
        const QString path = media::AttachmentStore(storeRoot).pathFor(a.hash);
        if (!path.isEmpty())
            return path;
    }
    if (!a.storedPath.isEmpty() && QFileInfo(a.storedPath).isFile())
        return a.storedPath;
    return {};
}

struct Decoded
{
    QString path;
    QImage image;
    AttachmentThumbnails::Status status = AttachmentThumbnails::Status::Failed;
    QString why;
};

// Runs on the pool: finds the file and, for an image, decodes it at about the size it is shown.
Decoded decode(const QString& storeRoot, const media::Attachment& a, const QSize& box)
{
    Decoded out;
    out.path = resolvePath(storeRoot, a);
    if (out.path.isEmpty()) {
        out.status = AttachmentThumbnails::Status::Missing;
        return out;
    }
    if (a.isVideo()) {
        out.status = AttachmentThumbnails::Status::Loading; // the poster is grabbed on the UI thread
        return out;
    }
    QImageReader reader(out.path);
    reader.setAutoTransform(true);
    QSize size = reader.size();
    if (size.isValid() && !box.isEmpty()) {
        // The scaled size is applied before the orientation: a sideways photo covers the box turned.
        QSize target = box;
        if (reader.transformation() & QImageIOHandler::TransformationRotate90)
            target.transpose();
        const qreal s =
            std::max(qreal(target.width()) / size.width(), qreal(target.height()) / size.height());
        if (s < 1.0)
            reader.setScaledSize(QSize(std::max(1, int(std::ceil(size.width() * s))),
                                       std::max(1, int(std::ceil(size.height() * s)))));
    }
    QImage image = reader.read();
    if (image.isNull()) {
        out.why = reader.errorString();
        return out;
    }
    out.image = paintable(coverScaled(image, box)); // formats without scaled reading
    out.status = AttachmentThumbnails::Status::Ready;
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------- poster grabber

VideoPosterGrabber* VideoPosterGrabber::grab(const QString& path, QObject* context,
                                             std::function<void(const QImage&)> done, int timeoutMs)
{
    return new VideoPosterGrabber(path, context, std::move(done), timeoutMs);
}

VideoPosterGrabber::VideoPosterGrabber(const QString& path, QObject* context,
                                       std::function<void(const QImage&)> done, int timeoutMs)
    : QObject(context), m_done(std::move(done))
{
    m_player = new QMediaPlayer(this);
    m_sink = new QVideoSink(this);
    m_player->setVideoSink(m_sink); // no audio output: nothing is heard
    connect(m_sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame& frame) {
        if (!frame.isValid())
            return;
        const QImage image = frame.toImage();
        if (!image.isNull())
            finish(image);
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this] { finish({}); });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::InvalidMedia || status == QMediaPlayer::EndOfMedia)
            finish({});
    });
    QTimer::singleShot(timeoutMs, this, [this] { finish({}); });
    m_player->setSource(QUrl::fromLocalFile(path));
    m_player->play();
}

void VideoPosterGrabber::finish(const QImage& image)
{
    if (m_finished)
        return;
    m_finished = true;
    m_player->stop();
    // Called before deleteLater: the callback may delete the context, and with it this object's
    // pending deletion, which is fine; nothing of this object is touched after it returns.
    auto done = std::move(m_done);
    deleteLater(); // not now: we may be inside one of the player's signals
    done(image);
}

// ---------------------------------------------------------------------------------------- thumbnails

AttachmentThumbnails::AttachmentThumbnails(QObject* parent) : QObject(parent)
{
    m_cache.setMaxCost(kDefaultCostBytes);
    m_pool.setMaxThreadCount(kPoolThreads);
}

AttachmentThumbnails::~AttachmentThumbnails()
{
    // Decodes in flight post their results to this object: they must end before it does. Those not
    // started yet are dropped.
    m_pool.clear();
    m_pool.waitForDone();
}

void AttachmentThumbnails::setStore(const media::AttachmentStore* store)
{
    m_store = store;
    m_storeRoot = store ? store->rootPath() : QString();
    clear();
}

void AttachmentThumbnails::setMaxCostBytes(qint64 bytes)
{
    m_cache.setMaxCost(std::max<qint64>(0, bytes));
}

void AttachmentThumbnails::clear()
{
    ++m_generation;
    m_cache.clear();
    m_failures.clear();
    m_pending.clear();
    m_posterQueue.clear();
}

QString AttachmentThumbnails::sourceKey(const media::Attachment& attachment)
{
    if (attachment.isRemote())
        return {};
    return attachment.hash.isEmpty() ? attachment.storedPath : attachment.hash;
}

QString AttachmentThumbnails::cacheKey(const QString& source, const QSize& pixels)
{
    return source + u'@' + QString::number(pixels.width()) + u'x' + QString::number(pixels.height());
}

AttachmentThumbnails::Status AttachmentThumbnails::status(const media::Attachment& attachment,
                                                          const QSize& pixels) const
{
    const QString source = sourceKey(attachment);
    if (source.isEmpty())
        return attachment.isRemote() ? Status::Remote : Status::Missing;
    if (m_cache.contains(cacheKey(source, pixels)))
        return Status::Ready;
    const auto failure = m_failures.constFind(source);
    if (failure != m_failures.constEnd())
        return failure->status;
    return Status::Loading;
}

QString AttachmentThumbnails::problem(const media::Attachment& attachment) const
{
    const QString source = sourceKey(attachment);
    if (source.isEmpty())
        return attachment.isRemote() ? QString() : tr("The file is missing.");
    const auto failure = m_failures.constFind(source);
    if (failure == m_failures.constEnd())
        return {};
    if (failure->status == Status::Missing)
        return tr("The file is missing: it was removed from the attachment folder.");
    if (attachment.isVideo())
        return tr("No frame could be read from this video.");
    return failure->why.isEmpty() ? tr("The image cannot be read.")
                                  : tr("The image cannot be read: %1").arg(failure->why);
}

QImage AttachmentThumbnails::thumbnail(const media::Attachment& attachment, const QSize& pixels)
{
    const QString source = sourceKey(attachment);
    if (source.isEmpty() || pixels.isEmpty())
        return {};
    const QString key = cacheKey(source, pixels);
    if (const QImage* cached = m_cache.object(key))
        return *cached;
    if (m_failures.contains(source) || m_pending.contains(key))
        return {};
    if (attachment.isVideo()) {
        // Another tile size of a video already grabbed: from its kept frame, no second grab.
        if (const QImage* frame = m_cache.object(QStringLiteral("frame:") + source)) {
            const QImage scaled = paintable(coverScaled(*frame, pixels));
            insert(key, scaled);
            return scaled;
        }
    }
    m_pending.insert(key);
    startDecode(Request{key, source, attachment, pixels});
    return {};
}

void AttachmentThumbnails::startDecode(const Request& request)
{
    ++m_decodesStarted;
    const quint64 generation = m_generation;
    const QString root = m_storeRoot;
    m_pool.start([this, generation, request, root] {
        const Decoded result = decode(root, request.attachment, request.pixels);
        // Queued to this object's thread; the destructor waits for the pool, so `this` is alive here and
        // a result posted just before the destruction is discarded with the object's posted events.
        QMetaObject::invokeMethod(
            this,
            [this, generation, request, result] {
                onDecoded(generation, request, result.path, result.image, result.status, result.why);
            },
            Qt::QueuedConnection);
    });
}

void AttachmentThumbnails::onDecoded(quint64 generation, const Request& request, const QString& path,
                                     const QImage& image, Status status, const QString& why)
{
    if (generation != m_generation)
        return;                      // cleared meanwhile: a later paint asks again
    if (status == Status::Loading) { // a video found: its poster next
        m_posterQueue.append({request, path});
        startNextPoster();
        return;
    }
    m_pending.remove(request.key);
    if (status == Status::Ready)
        insert(request.key, image);
    else
        m_failures.insert(request.source, Failure{status, why});
    emit thumbnailReady(request.source);
}

void AttachmentThumbnails::startNextPoster()
{
    while (m_postersRunning < kMaxPosterGrabs && !m_posterQueue.isEmpty()) {
        const auto [request, path] = m_posterQueue.takeFirst();
        ++m_postersRunning;
        ++m_postersStarted;
        const quint64 generation = m_generation;
        VideoPosterGrabber::grab(path, this, [this, generation, request = request](const QImage& frame) {
            --m_postersRunning;
            onPoster(generation, request, frame);
            startNextPoster();
        });
    }
}

void AttachmentThumbnails::onPoster(quint64 generation, const Request& request, const QImage& frame)
{
    if (generation != m_generation)
        return;
    m_pending.remove(request.key);
    if (frame.isNull()) {
        m_failures.insert(request.source, Failure{Status::Failed, {}});
    } else {
        QImage kept = frame;
        if (std::max(kept.width(), kept.height()) > kPosterFrameSide)
            kept = kept.scaled(kPosterFrameSide, kPosterFrameSide, Qt::KeepAspectRatio,
                               Qt::SmoothTransformation);
        kept = paintable(kept);
        insert(QStringLiteral("frame:") + request.source, kept);
        insert(request.key, paintable(coverScaled(kept, request.pixels)));
    }
    emit thumbnailReady(request.source);
}

void AttachmentThumbnails::insert(const QString& key, const QImage& image)
{
    // QCache refuses (and deletes) an object costing more than the whole budget: such a thumbnail is
    // simply not kept, the next paint decodes it again.
    m_cache.insert(key, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes()));
}

} // namespace ark::ui
