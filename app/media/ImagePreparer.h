// Turns what the person attaches (a file, dropped bytes, a pasted QImage) into an Attachment that satisfies
// the documented limits, on a worker thread so a 9 MB photo never freezes the window.
//
// Images: read with QImageReader (EXIF orientation honoured), checked against MediaLimits, and - only when
// needed - turned upright, downscaled keeping the aspect ratio (or enlarged when a side is under the minimum)
// and re-encoded: PNG for images with transparent pixels, JPEG (quality 90, lower or smaller when the bytes
// still do not fit) for photos, PNG first then JPEG for other opaque images. A file that already fits is kept
// byte for byte. Formats the service accepts but Qt cannot decode (HEIC, HEIF, JPEG 2000, SGI) are passed
// through when under the byte limit, with a warning that their pixel size could not be checked. What was done
// is told in Attachment::note; what cannot be fixed (corrupt file, unknown format, an aspect ratio no scaling
// can repair) fails with a message naming the limit.
// Videos (prepareFile only): probed with VideoProbe and checked; nothing is re-encoded, an oversize video
// fails.
//
// Usage from the UI thread:
//   preparer->setStore(&store);                       // files land in the AttachmentStore (optional)
//   const int id = preparer->prepareFile(path);       // returns at once
//   connect(preparer, &ImagePreparer::prepared, ...); // (id, PreparedAttachment) on the preparer's thread
//   connect(preparer, &ImagePreparer::failed, ...);   // (id, message)
// Exactly one of prepared/failed arrives for each id, unless cancel(id) was called first: then neither does
// (results that finish after a cancel are dropped). Jobs run one at a time, in order, to bound memory
// (a 54-megapixel photo alone needs about 200 MB decoded).
// The *Now functions do the same work synchronously on the calling thread (command line, tests).
#pragma once

#include "media/Attachment.h"
#include "media/MediaLimits.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace ark::media {

class AttachmentStore;

struct PreparedAttachment
{
    // kind, hash, mime, pixel and byte size as sent, original name, note; storedPath when a store is set
    // (otherwise the source path for a video file, "" for images: use `bytes`). detail/fps are left unset.
    Attachment attachment;
    QByteArray bytes; // images: what is sent (the original bytes when !changed); videos: empty (use the file)
    QImage
        thumbnail; // images: fits Options::thumbnailSize; videos: null (a poster frame needs Qt Multimedia)
    bool changed = false;         // images: true when re-encoded (always for a pasted QImage)
    QSize originalPixelSize;      // as the person sees it (after EXIF orientation); invalid when unknown
    qint64 originalByteSize = -1; // -1 for a pasted QImage
    std::vector<LimitProblem> warnings; // things that do not stop sending (unknown video duration, ...)
};

struct PrepareResult
{
    bool ok = false;
    bool cancelled = false;
    PreparedAttachment prepared; // when ok
    QString error;               // translated, when !ok
    QString limit; // the LimitProblem::limit that failed, "" when it was not a limit (corrupt file)
};

class ImagePreparer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        VisionGeneration generation = VisionGeneration::Current;
        // Extra area limit in pixels; 0 = only the documented limit (36,000,000 on current models).
        // limits::kMaxPixelLimit (4,014,080) sends no more than any detail setting lets the model see, which
        // keeps requests small because every turn re-sends every image.
        qint64 maxPixels = 0;
        qint64 maxBytes = limits::kMaxImageBytes; // exclusive, like the documented limit
        int jpegQuality = 90;
        QSize thumbnailSize = QSize(256, 256); // invalid = no thumbnail
    };

    explicit ImagePreparer(QObject* parent = nullptr);
    ~ImagePreparer() override; // cancels everything and waits for the job in flight

    void setOptions(const Options& options) { m_options = options; }
    Options options() const { return m_options; }
    // Where prepared files are stored; not owned, must outlive this object. nullptr = keep bytes only.
    void setStore(AttachmentStore* store) { m_store = store; }

    // Each returns the request id (> 0) the result signal will carry. The options and store in effect now
    // apply.
    int prepareFile(const QString& path);                            // an image or a video file
    int prepareBytes(const QByteArray& bytes, const QString& name);  // dropped or downloaded image bytes
    int prepareImage(const QImage& image, const QString& name = {}); // a clipboard paste

    void cancel(int requestId);
    void cancelAll();
    bool isPending(int requestId) const { return m_pending.contains(requestId); }
    int pendingCount() const { return int(m_pending.size()); }

    // Synchronous versions; reentrant. `cancelled` (may be null) is polled between steps.
    static PrepareResult prepareFileNow(const QString& path, const Options& options,
                                        AttachmentStore* store = nullptr,
                                        const std::atomic_bool* cancelled = nullptr);
    static PrepareResult prepareBytesNow(const QByteArray& bytes, const QString& name, const Options& options,
                                         AttachmentStore* store = nullptr,
                                         const std::atomic_bool* cancelled = nullptr);
    static PrepareResult prepareImageNow(const QImage& image, const QString& name, const Options& options,
                                         AttachmentStore* store = nullptr,
                                         const std::atomic_bool* cancelled = nullptr);

signals:
    void prepared(int requestId, const ark::media::PreparedAttachment& result);
    void failed(int requestId, const QString& message);

private:
    using Job = std::function<PrepareResult(const Options&, AttachmentStore*, const std::atomic_bool*)>;
    int start(Job job);
    void deliver(int requestId, const PrepareResult& result);

    Options m_options;
    AttachmentStore* m_store = nullptr;
    QThreadPool m_pool;
    QHash<int, std::shared_ptr<std::atomic_bool>> m_pending; // UI thread only
    int m_nextId = 1;
};

} // namespace ark::media

Q_DECLARE_METATYPE(ark::media::PreparedAttachment)
