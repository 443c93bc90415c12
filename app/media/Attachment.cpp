#include "media/Attachment.h"

#include "media/AttachmentStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QUrl>

namespace ark::media {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::media::Attachment", text);
}

void setError(QString* error, const QString& text)
{
    if (error)
        *error = text;
}

QString kindText(MediaKind kind)
{
    return kind == MediaKind::Video ? QStringLiteral("video") : QStringLiteral("image");
}

std::optional<MediaKind> kindFromText(const QString& text)
{
    if (text == QLatin1String("image"))
        return MediaKind::Image;
    if (text == QLatin1String("video"))
        return MediaKind::Video;
    return std::nullopt;
}

void putString(QJsonObject& o, const char* key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

QString getString(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

std::optional<int> getInt(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    return v.toInt();
}

std::optional<double> getDouble(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

} // namespace

Attachment Attachment::fromUrl(const QString& url)
{
    Attachment a;
    a.url = url.trimmed();
    const QString suffix = QFileInfo(QUrl(a.url).path()).suffix();
    const MediaFormat* format = formatForExtension(suffix);
    if (format) {
        a.kind = format->kind;
        a.mime = format->mime;
    }
    a.originalName = QFileInfo(QUrl(a.url).path()).fileName();
    return a;
}

MediaFacts Attachment::facts() const
{
    MediaFacts f;
    f.kind = kind;
    f.mime = mime;
    f.byteSize = byteSize;
    f.pixelSize = pixelSize;
    f.durationSeconds = durationSeconds;
    f.fps = fps;
    f.detail = detail;
    f.minPixels = minPixels;
    f.maxPixels = maxPixels;
    f.sentAsDataUrl = !isRemote();
    return f;
}

std::vector<LimitProblem> Attachment::check(VisionGeneration generation) const
{
    return checkMedia(facts(), generation);
}

QJsonObject Attachment::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), kindText(kind));
    putString(o, "hash", hash);
    putString(o, "mime", mime);
    putString(o, "path", storedPath);
    putString(o, "url", url);
    putString(o, "name", originalName);
    if (pixelSize.isValid()) {
        o.insert(QStringLiteral("width"), pixelSize.width());
        o.insert(QStringLiteral("height"), pixelSize.height());
    }
    if (byteSize >= 0)
        o.insert(QStringLiteral("bytes"), byteSize);
    if (durationSeconds)
        o.insert(QStringLiteral("duration"), *durationSeconds);
    putString(o, "detail", detail);
    if (minPixels)
        o.insert(QStringLiteral("min_pixels"), *minPixels);
    if (maxPixels)
        o.insert(QStringLiteral("max_pixels"), *maxPixels);
    if (fps)
        o.insert(QStringLiteral("fps"), *fps);
    putString(o, "note", note);
    return o;
}

std::optional<Attachment> Attachment::fromJson(const QJsonObject& o)
{
    const std::optional<MediaKind> kind = kindFromText(getString(o, "kind"));
    Attachment a;
    a.hash = getString(o, "hash");
    a.url = getString(o, "url");
    if (!kind || (a.hash.isEmpty() && a.url.isEmpty()))
        return std::nullopt;
    a.kind = *kind;
    a.mime = getString(o, "mime").toLower();
    a.storedPath = getString(o, "path");
    a.originalName = getString(o, "name");
    const std::optional<int> width = getInt(o, "width");
    const std::optional<int> height = getInt(o, "height");
    if (width && height)
        a.pixelSize = QSize(*width, *height);
    const QJsonValue bytes = o.value(QLatin1String("bytes"));
    a.byteSize = bytes.isDouble() ? qint64(bytes.toDouble()) : -1;
    a.durationSeconds = getDouble(o, "duration");
    a.detail = getString(o, "detail");
    a.minPixels = getInt(o, "min_pixels");
    a.maxPixels = getInt(o, "max_pixels");
    a.fps = getDouble(o, "fps");
    a.note = getString(o, "note");
    return a;
}

QString Attachment::listToJson(const QList<Attachment>& attachments)
{
    if (attachments.isEmpty())
        return {};
    QJsonArray array;
    for (const Attachment& a : attachments)
        array.append(a.toJson());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Attachment> Attachment::listFromJson(const QString& text, QString* error)
{
    QList<Attachment> list;
    if (text.trimmed().isEmpty())
        return list;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isArray()) {
        setError(error, parseError.error != QJsonParseError::NoError
                            ? tr("The attachment list is not valid JSON: %1").arg(parseError.errorString())
                            : tr("The attachment list is not a JSON array."));
        return list;
    }
    const QJsonArray array = doc.array();
    for (const QJsonValue& value : array) {
        if (std::optional<Attachment> a = fromJson(value.toObject()))
            list.append(*a);
    }
    return list;
}

QByteArray Attachment::readBytes(const AttachmentStore* store, QString* error) const
{
    QString path = storedPath;
    if (store && !hash.isEmpty()) {
        const QString found = store->pathFor(hash);
        if (!found.isEmpty())
            path = found;
    }
    const QString name = originalName.isEmpty() ? QFileInfo(path).fileName() : originalName;
    if (path.isEmpty()) {
        setError(error, tr("The attachment %1 has no stored file.").arg(name));
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error,
                 tr("The attachment %1 could not be read from %2: %3").arg(name, path, file.errorString()));
        return {};
    }
    QByteArray bytes = file.readAll();
    if (!hash.isEmpty() && AttachmentStore::hashOf(bytes) != hash) {
        setError(error,
                 tr("The stored file of the attachment %1 has changed since it was attached.").arg(name));
        return {};
    }
    if (bytes.isEmpty())
        setError(error, tr("The attachment %1 is empty.").arg(name));
    return bytes;
}

QString Attachment::dataUrl(const AttachmentStore* store, QString* error) const
{
    const QByteArray bytes = readBytes(store, error);
    if (bytes.isEmpty())
        return {};
    // The format in a data URL must be lowercase (L16579, L16636).
    return QStringLiteral("data:") + mime.toLower() + QStringLiteral(";base64,") +
           QString::fromLatin1(bytes.toBase64());
}

std::optional<api::ContentPart> Attachment::toContentPart(const AttachmentStore* store, QString* error) const
{
    QString target = url;
    if (target.isEmpty()) {
        target = dataUrl(store, error);
        if (target.isEmpty())
            return std::nullopt;
    }
    if (kind == MediaKind::Video)
        return api::ContentPart::makeVideo(target, fps);
    api::ContentPart part = api::ContentPart::makeImage(target, detail);
    part.minPixels = minPixels;
    part.maxPixels = maxPixels;
    return part;
}

bool Attachment::operator==(const Attachment& o) const
{
    return kind == o.kind && hash == o.hash && mime == o.mime && storedPath == o.storedPath && url == o.url &&
           originalName == o.originalName && pixelSize == o.pixelSize && byteSize == o.byteSize &&
           durationSeconds == o.durationSeconds && detail == o.detail && minPixels == o.minPixels &&
           maxPixels == o.maxPixels && fps == o.fps && note == o.note;
}

QSet<QString> referencedHashes(const QList<Attachment>& attachments)
{
    QSet<QString> hashes;
    for (const Attachment& a : attachments) {
        if (!a.hash.isEmpty())
            hashes.insert(a.hash);
    }
    return hashes;
}

} // namespace ark::media
