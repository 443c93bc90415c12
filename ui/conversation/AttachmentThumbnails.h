// Thumbnails of the attachments of sent messages, for the conversation's delegate.
//
// The delegate asks thumbnail() on every paint; the answer comes from a QCache bounded by pixel bytes
// (32 MB by default), so a long conversation full of photos never holds more than that. A miss starts the
// work and answers "Loading" at once: images are decoded on a small thread pool with
// QImageReader::setScaledSize (a 9 MB photo is never decoded on the UI thread, nor at full size), videos
// get a poster frame from VideoPosterGrabber (Qt Multimedia, off-screen, a couple at a time). Finding the
// file (AttachmentStore::pathFor lists a folder) happens on the pool too. When the work ends,
// thumbnailReady(sourceKey) names the file, so the view repaints only the tiles that show it.
//
// A file that is gone (collected, app-data folder moved) is "Missing" and the tile says so; an image that
// cannot be decoded is "Failed"; a video whose frame does not come is "Failed" too (the tile shows a film
// icon). A pasted URL is "Remote": nothing is fetched, the tile names the host. None of these is retried
// on every paint: failures are remembered per file until the store changes.
#pragma once

#include "media/Attachment.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSize>
#include <QString>
#include <QThreadPool>
#include <functional>

class QMediaPlayer;
class QVideoSink;

namespace ark::media {
class AttachmentStore;
}

namespace ark::ui {

// A video's length as a player shows it: "0:07", "12:30", "1:02:03".
QString durationText(double seconds);
// What a tooltip says of an attachment: `title`, then "pixels, length, size" (what is known), then the
// note of what preparing it did.
QStringList attachmentDescription(const media::Attachment& a, const QString& title);

// Grabs the first frame of a video off-screen (QMediaPlayer + QVideoSink, no audio output). Everything is
// asynchronous (the backend decodes on its own threads): `done` gets the frame, or a null image on error or
// timeout, exactly once, on the thread of `context`. The grab is a child of `context`: deleting the
// context stops it and `done` is never called. Used by the composer's tray and by AttachmentThumbnails.
class VideoPosterGrabber : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 15000; // a frame that has not come by then will not come

    static VideoPosterGrabber* grab(const QString& path, QObject* context,
                                    std::function<void(const QImage&)> done,
                                    int timeoutMs = kDefaultTimeoutMs);

private:
    VideoPosterGrabber(const QString& path, QObject* context, std::function<void(const QImage&)> done,
                       int timeoutMs);
    void finish(const QImage& image);

    QMediaPlayer* m_player = nullptr;
    QVideoSink* m_sink = nullptr;
    std::function<void(const QImage&)> m_done;
    bool m_finished = false;
};

class AttachmentThumbnails : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Loading, // work under way (or just started)
        Ready,   // thumbnail() has the picture
        Missing, // no file: neither the store nor the recorded path has it
        Failed,  // the file is there but gives no picture (damaged image, video without a frame)
        Remote,  // a pasted URL: nothing to load
    };
    Q_ENUM(Status)

    explicit AttachmentThumbnails(QObject* parent = nullptr);
    ~AttachmentThumbnails() override; // waits for decodes in flight (they are small and bounded)

    // Where files are looked up by hash (not owned; must outlive this object); without one, the
    // attachment's storedPath is used. Changing it forgets every thumbnail and failure.
    void setStore(const media::AttachmentStore* store);
    const media::AttachmentStore* store() const { return m_store; }

    // The pixel bytes kept (width × height × 4 per thumbnail). 32 MB by default.
    void setMaxCostBytes(qint64 bytes);
    qint64 maxCostBytes() const { return m_cache.maxCost(); }
    qint64 totalCostBytes() const { return m_cache.totalCost(); }

    // The picture to paint in a tile of `pixels` (device pixels): scaled, aspect kept, to cover that box
    // (the painter crops it), never larger than the original. Null while loading or when there is none;
    // the first call for a file starts the work. Cheap: a hash lookup when cached.
    QImage thumbnail(const media::Attachment& attachment, const QSize& pixels);
    // What thumbnail() would find now, without starting anything.
    Status status(const media::Attachment& attachment, const QSize& pixels) const;
    // Why a Missing or Failed file shows no picture (translated), "" otherwise.
    QString problem(const media::Attachment& attachment) const;

    // The name thumbnailReady() uses for the attachment's file: its hash, or its path when it has none, ""
    // for a pasted URL.
    static QString sourceKey(const media::Attachment& attachment);

    int decodesStarted() const { return m_decodesStarted; } // image decodes handed to the pool (tests)
    int postersStarted() const { return m_postersStarted; } // video frame grabs (tests)
    int pendingCount() const { return int(m_pending.size()); }
    void clear(); // forgets thumbnails and failures (work in flight still reports)

signals:
    // The work for this file ended (a picture, or a failure): tiles showing it should repaint.
    void thumbnailReady(const QString& sourceKey);

private:
    struct Request
    {
        QString key;    // cache key: source + box
        QString source; // sourceKey()
        media::Attachment attachment;
        QSize pixels;
    };
    struct Failure
    {
        Status status = Status::Failed;
        QString why;
    };

    static QString cacheKey(const QString& source, const QSize& pixels);
    void startDecode(const Request& request);
    void onDecoded(quint64 generation, const Request& request, const QString& path, const QImage& image,
                   Status status, const QString& why);
    void startNextPoster();
    void onPoster(quint64 generation, const Request& request, const QImage& frame);
    void insert(const QString& key, const QImage& image);

    const media::AttachmentStore* m_store = nullptr;
    QString m_storeRoot; // a copy for the pool's threads (the store holds nothing else)
    QCache<QString, QImage> m_cache;
    QHash<QString, Failure> m_failures;           // by source key
    QSet<QString> m_pending;                      // cache keys being worked on
    QList<QPair<Request, QString>> m_posterQueue; // (request, resolved path)
    int m_postersRunning = 0;
    QThreadPool m_pool;
    quint64 m_generation = 1; // results of an older generation (before clear/setStore) are dropped
    int m_decodesStarted = 0;
    int m_postersStarted = 0;
};

} // namespace ark::ui
