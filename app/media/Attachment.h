// One image or video attached to a message: what was stored, what the person chose for it (detail, pixel
// limits, fps) and what the app did to make it fit (the note).
//
// The database keeps a message's attachments as a JSON array in store::MessageRecord::attachmentsJson
// (listToJson / listFromJson). Requests get them as api::ContentPart values with lowercase
// "data:<mime>;base64," URLs read from the stored file, or the http(s) URL the person pasted, as is.
//
// Files are named by their content hash; the stored path is kept for convenience but the hash is what
// counts: give toContentPart() the AttachmentStore and the file is found even if the app-data folder moved.
#pragma once

#include "api/ChatTypes.h"
#include "media/MediaLimits.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QSize>
#include <QString>
#include <optional>

namespace ark::media {

class AttachmentStore;

struct Attachment
{
    MediaKind kind = MediaKind::Image;
    QString hash;                          // lowercase hex SHA-256 of the stored bytes; "" for a pasted URL
    QString mime;                          // lowercase, e.g. "image/jpeg", "video/quicktime"
    QString storedPath;                    // absolute path in the AttachmentStore; "" for a pasted URL
    QString url;                           // a pasted http(s) URL sent instead of a file; "" for stored files
    QString originalName;                  // the file name the person attached ("" for a clipboard paste)
    QSize pixelSize;                       // as sent (after any downscaling); invalid when unknown
    qint64 byteSize = -1;                  // as stored; -1 when unknown (pasted URL)
    std::optional<double> durationSeconds; // videos, when the container says
    QString detail;                        // images: "low" | "high" | "auto"; "" = not sent
    std::optional<int> minPixels;          // images: image_pixel_limit.min_pixels
    std::optional<int> maxPixels;          // images: image_pixel_limit.max_pixels
    std::optional<double> fps;             // videos: 0.2 .. 5; nullopt = not sent (the service uses 1)
    QString note; // translated text of what was done, e.g. "Downscaled from 9000×6000 to 7348×4898 and
                  // re-encoded as JPEG …"; "" when the file is sent as attached

    bool isImage() const { return kind == MediaKind::Image; }
    bool isVideo() const { return kind == MediaKind::Video; }
    bool isRemote() const { return !url.isEmpty(); }

    // A pasted URL. The kind is guessed from the extension of the URL's path (video for mp4/avi/mov, else
    // image).
    static Attachment fromUrl(const QString& url);

    // The facts MediaLimits checks (call again after the person changes detail, pixel limits or fps).
    MediaFacts facts() const;
    std::vector<LimitProblem> check(VisionGeneration generation = VisionGeneration::Current) const;

    // JSON object with stable keys ("kind", "hash", "mime", "path", "url", "name", "width", "height",
    // "bytes", "duration", "detail", "min_pixels", "max_pixels", "fps", "note"); unset members are left out.
    QJsonObject toJson() const;
    // nullopt when the object is not an attachment (no kind, or neither a hash nor a url).
    static std::optional<Attachment> fromJson(const QJsonObject& object);

    // The text stored in MessageRecord::attachmentsJson: a compact JSON array, "" for no attachments.
    static QString listToJson(const QList<Attachment>& attachments);
    // Reads what listToJson writes; "" gives an empty list. Entries that are not attachments are skipped;
    // text that is not a JSON array gives an empty list and *error.
    static QList<Attachment> listFromJson(const QString& text, QString* error = nullptr);

    // The bytes of the stored file: from store->pathFor(hash) when a store is given, else from storedPath.
    // Empty with *error when the file is missing (for example collected) or unreadable, or when the
    // file's content no longer has the recorded hash.
    QByteArray readBytes(const AttachmentStore* store = nullptr, QString* error = nullptr) const;
    // "data:<lowercase mime>;base64,<bytes>" of the stored file; "" with *error as readBytes.
    QString dataUrl(const AttachmentStore* store = nullptr, QString* error = nullptr) const;
    // The request part: image_url with detail and image_pixel_limit, or video_url with fps. A pasted URL is
    // kept as is; a stored file becomes a data URL. nullopt with *error when the file cannot be read.
    // Reads the whole file: for a video (up to 50 MB) call it off the UI thread.
    std::optional<api::ContentPart> toContentPart(const AttachmentStore* store = nullptr,
                                                  QString* error = nullptr) const;

    bool operator==(const Attachment& other) const;
    bool operator!=(const Attachment& other) const { return !(*this == other); }
};

// The hashes a list of attachments refers to (for AttachmentStore::collectGarbage).
QSet<QString> referencedHashes(const QList<Attachment>& attachments);

} // namespace ark::media

Q_DECLARE_METATYPE(ark::media::Attachment)
