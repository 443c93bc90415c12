#include "media/VideoProbe.h"

#include "media/MediaLimits.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <vector>

namespace ark::media {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::media::VideoProbe", text);
}

// moov holds only tables (sample sizes, offsets): a few MB even for long videos. Anything bigger than the
// largest accepted video is not a moov box we should load.
constexpr qint64 kMaxMoovBytes = 64 * 1024 * 1024;
constexpr int kMaxDepth = 8;

quint32 be32(const QByteArray& d, qint64 at)
{
    const auto* p = reinterpret_cast<const uchar*>(d.constData() + at);
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

quint64 be64(const QByteArray& d, qint64 at)
{
    return (quint64(be32(d, at)) << 32) | be32(d, at + 4);
}

quint32 le32(const QByteArray& d, qint64 at)
{
    const auto* p = reinterpret_cast<const uchar*>(d.constData() + at);
    return (quint32(p[3]) << 24) | (quint32(p[2]) << 16) | (quint32(p[1]) << 8) | quint32(p[0]);
}

bool plausibleType(const QByteArray& type)
{
    // Box types are four printable characters; QuickTime uses 0xA9 ('©') as a first byte in metadata.
    for (const char c : type) {
        const auto u = uchar(c);
        if ((u < 0x20 || u > 0x7E) && u != 0xA9)
            return false;
    }
    return true;
}

QString typeText(const QByteArray& type)
{
    return QString::fromLatin1(type).trimmed();
}

struct Box
{
    QByteArray type;
    qint64 offset = 0;  // of the header
    qint64 payload = 0; // offset of the first byte after the header
    qint64 end = 0;     // one past the last byte
};

// Reads the box header at `offset` from a header buffer `head` (8 or 16 bytes). `limit` is where the
// enclosing box (or the file) ends. Returns an error text, empty on success.
QString parseHeader(const QByteArray& head, qint64 offset, qint64 limit, bool topLevel, Box& box)
{
    if (limit - offset < 8 || head.size() < 8)
        return topLevel
                   ? tr("The video file is truncated: it ends inside a box header at byte %1.").arg(offset)
                   : tr("The video file is corrupt: a box header at byte %1 is cut short.").arg(offset);
    box.type = head.mid(4, 4);
    box.offset = offset;
    if (!plausibleType(box.type))
        return tr("The video file is corrupt: there is no valid box at byte %1.").arg(offset);
    const quint32 size32 = be32(head, 0);
    qint64 size = size32;
    qint64 header = 8;
    if (size32 == 1) {
        if (limit - offset < 16 || head.size() < 16)
            return tr("The video file is truncated: the %1 box at byte %2 is cut short.")
                .arg(typeText(box.type))
                .arg(offset);
        const quint64 large = be64(head, 8);
        if (large > quint64(std::numeric_limits<qint64>::max()))
            return tr("The video file is corrupt: the %1 box at byte %2 has an impossible size.")
                .arg(typeText(box.type))
                .arg(offset);
        size = qint64(large);
        header = 16;
    } else if (size32 == 0) {
        size = limit - offset; // "extends to the end of the file"
    }
    if (size < header)
        return tr("The video file is corrupt: the %1 box at byte %2 has an impossible size.")
            .arg(typeText(box.type))
            .arg(offset);
    if (size > limit - offset) {
        return topLevel ? tr("The video file is truncated: the %1 box at byte %2 needs %3 bytes but only %4 "
                             "remain.")
                              .arg(typeText(box.type))
                              .arg(offset)
                              .arg(size)
                              .arg(limit - offset)
                        : tr("The video file is corrupt: the %1 box at byte %2 runs past the box that "
                             "contains it.")
                              .arg(typeText(box.type))
                              .arg(offset);
    }
    box.payload = offset + header;
    box.end = offset + size;
    return {};
}

// The child boxes of [begin, end) inside an in-memory box.
QString children(const QByteArray& data, qint64 begin, qint64 end, std::vector<Box>& out)
{
    for (qint64 at = begin; at < end;) {
        Box box;
        const QString error = parseHeader(data.mid(at, 16), at, end, false, box);
        if (!error.isEmpty())
            return error;
        out.push_back(box);
        at = box.end;
    }
    return {};
}

const Box* find(const std::vector<Box>& boxes, const char* type)
{
    for (const Box& box : boxes) {
        if (box.type == type)
            return &box;
    }
    return nullptr;
}

struct Track
{
    QSize size;
    QByteArray handler; // "vide", "soun", ... or empty when the track has no hdlr
};

QString corrupt(const char* box, qint64 offset)
{
    return tr("The video file is corrupt: the %1 box at byte %2 is too short.")
        .arg(QLatin1String(box))
        .arg(offset);
}

QString parseTrack(const QByteArray& moov, const Box& trak, Track& track)
{
    std::vector<Box> parts;
    QString error = children(moov, trak.payload, trak.end, parts);
    if (!error.isEmpty())
        return error;
    if (const Box* tkhd = find(parts, "tkhd")) {
        const qint64 p = tkhd->payload;
        if (tkhd->end - p < 4)
            return corrupt("tkhd", tkhd->offset);
        const int version = quint8(moov[p]);
        const qint64 matrix = p + 4 + (version == 1 ? 32 : 20) + 16;
        if (tkhd->end < matrix + 36 + 8)
            return corrupt("tkhd", tkhd->offset);
        const auto a = qint32(be32(moov, matrix));
        const auto b = qint32(be32(moov, matrix + 4));
        const auto d = qint32(be32(moov, matrix + 16));
        // Width and height are 16.16 fixed point.
        const int width = int(be32(moov, matrix + 36) >> 16);
        const int height = int(be32(moov, matrix + 40) >> 16);
        const bool quarterTurn = a == 0 && d == 0 && b != 0; // 90 or 270 degrees (phones filming upright)
        track.size = quarterTurn ? QSize(height, width) : QSize(width, height);
    }
    if (const Box* mdia = find(parts, "mdia")) {
        std::vector<Box> media;
        error = children(moov, mdia->payload, mdia->end, media);
        if (!error.isEmpty())
            return error;
        if (const Box* hdlr = find(media, "hdlr")) {
            if (hdlr->end - hdlr->payload < 12)
                return corrupt("hdlr", hdlr->offset);
            track.handler = moov.mid(hdlr->payload + 8, 4);
        }
    }
    return {};
}

// mvhd duration; 0 or all ones mean "not known here".
QString parseMovieHeader(const QByteArray& moov, const Box& mvhd, std::optional<double>& duration)
{
    const qint64 p = mvhd.payload;
    if (mvhd.end - p < 4)
        return corrupt("mvhd", mvhd.offset);
    const int version = quint8(moov[p]);
    quint64 timescale = 0, units = 0;
    bool unknown = false;
    if (version == 1) {
        if (mvhd.end - p < 4 + 28)
            return corrupt("mvhd", mvhd.offset);
        timescale = be32(moov, p + 20);
        units = be64(moov, p + 24);
        unknown = units == ~quint64(0);
    } else {
        if (mvhd.end - p < 4 + 16)
            return corrupt("mvhd", mvhd.offset);
        timescale = be32(moov, p + 12);
        units = be32(moov, p + 16);
        unknown = units == 0xFFFFFFFFu;
    }
    if (timescale == 0)
        return tr("The video file is corrupt: its movie header has a time scale of zero.");
    if (!unknown && units > 0)
        duration = double(units) / double(timescale);
    return {};
}

// Fragmented MP4 leaves mvhd's duration at 0 and may give it in moov/mvex/mehd instead.
void fragmentDuration(const QByteArray& moov, const std::vector<Box>& boxes, quint64 timescale,
                      std::optional<double>& duration)
{
    const Box* mvex = find(boxes, "mvex");
    if (!mvex || timescale == 0)
        return;
    std::vector<Box> parts;
    if (!children(moov, mvex->payload, mvex->end, parts).isEmpty())
        return;
    const Box* mehd = find(parts, "mehd");
    if (!mehd || mehd->end - mehd->payload < 8)
        return;
    const int version = quint8(moov[mehd->payload]);
    quint64 units = 0;
    if (version == 1 && mehd->end - mehd->payload >= 12)
        units = be64(moov, mehd->payload + 4);
    else
        units = be32(moov, mehd->payload + 4);
    if (units > 0)
        duration = double(units) / double(timescale);
}

quint64 movieTimescale(const QByteArray& moov, const Box& mvhd)
{
    const qint64 p = mvhd.payload;
    const int version = quint8(moov[p]);
    return version == 1 ? be32(moov, p + 20) : be32(moov, p + 12);
}

QString parseMoov(const QByteArray& moov, VideoInfo& info)
{
    std::vector<Box> boxes;
    QString error = children(moov, 0, moov.size(), boxes);
    if (!error.isEmpty())
        return error;
    const Box* mvhd = find(boxes, "mvhd");
    if (!mvhd)
        return tr("The video file is corrupt: its movie box has no movie header (mvhd).");
    error = parseMovieHeader(moov, *mvhd, info.durationSeconds);
    if (!error.isEmpty())
        return error;
    if (!info.durationSeconds)
        fragmentDuration(moov, boxes, movieTimescale(moov, *mvhd), info.durationSeconds);

    bool sawTrack = false;
    std::optional<Track> video;
    for (const Box& box : boxes) {
        if (box.type != "trak")
            continue;
        sawTrack = true;
        Track track;
        error = parseTrack(moov, box, track);
        if (!error.isEmpty())
            return error;
        const bool isVideo = track.handler.isEmpty() ? !track.size.isEmpty() : track.handler == "vide";
        if (isVideo && !video)
            video = track;
    }
    if (!video) {
        return sawTrack ? tr("The file has no video track (it may hold only sound).")
                        : tr("The video file is corrupt: its movie box lists no tracks.");
    }
    if (!video->size.isEmpty())
        info.pixelSize = video->size;
    return {};
}

VideoProbeResult failure(VideoInfo info, const QString& error)
{
    VideoProbeResult result;
    result.info = std::move(info);
    result.error = error;
    return result;
}

VideoProbeResult probeIsoMedia(QIODevice& device, VideoInfo info)
{
    const qint64 fileSize = device.size();
    bool sawMoov = false;
    for (qint64 at = 0; at < fileSize;) {
        if (!device.seek(at))
            return failure(info, tr("The video file could not be read at byte %1.").arg(at));
        Box box;
        const QString error = parseHeader(device.read(16), at, fileSize, true, box);
        if (!error.isEmpty())
            return failure(info, error);
        if (box.type == "ftyp" && box.end - box.payload >= 4) {
            device.seek(box.payload);
            info.brand = QString::fromLatin1(device.read(4));
        } else if (box.type == "moov" && !sawMoov) {
            if (box.end - box.payload > kMaxMoovBytes)
                return failure(info, tr("The video file is corrupt: its movie box is implausibly large."));
            device.seek(box.payload);
            const QByteArray moov = device.read(box.end - box.payload);
            if (moov.size() != box.end - box.payload)
                return failure(info, tr("The video file could not be read at byte %1.").arg(box.payload));
            const QString moovError = parseMoov(moov, info);
            if (!moovError.isEmpty())
                return failure(info, moovError);
            sawMoov = true;
        }
        at = box.end;
    }
    if (!sawMoov) {
        return failure(info, tr("The video has no movie header (moov box); the recording may not have been "
                                "finished."));
    }
    VideoProbeResult result;
    result.ok = true;
    result.info = std::move(info);
    return result;
}

VideoProbeResult probeAvi(QIODevice& device, VideoInfo info)
{
    const qint64 fileSize = device.size();
    device.seek(0);
    const QByteArray head = device.read(12);
    const qint64 riffEnd = 8 + qint64(le32(head, 4));
    if (riffEnd > fileSize) {
        return failure(
            info,
            tr("The video file is truncated: it needs %1 bytes but has only %2.").arg(riffEnd).arg(fileSize));
    }
    VideoProbeResult result;
    result.ok = true;
    // The first chunk of an AVI is LIST 'hdrl' starting with the 56-byte 'avih' main header. When the layout
    // differs the duration simply stays unknown: AVI is accepted, the check then says the duration is
    // unknown.
    const QByteArray hdrl = device.read(12 + 8 + 56);
    if (hdrl.size() == 12 + 8 + 56 && hdrl.startsWith("LIST") && hdrl.mid(8, 4) == "hdrl" &&
        hdrl.mid(12, 4) == "avih" && le32(hdrl, 16) >= 40) {
        const qint64 h = 20;
        const quint32 microsPerFrame = le32(hdrl, h);
        const quint32 totalFrames = le32(hdrl, h + 16);
        const quint32 width = le32(hdrl, h + 32);
        const quint32 height = le32(hdrl, h + 36);
        if (microsPerFrame > 0 && totalFrames > 0)
            info.durationSeconds = double(totalFrames) * double(microsPerFrame) / 1e6;
        if (width > 0 && height > 0 && width < 100000 && height < 100000)
            info.pixelSize = QSize(int(width), int(height));
    }
    result.info = std::move(info);
    return result;
}

} // namespace

VideoProbeResult VideoProbe::probeFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        VideoProbeResult result;
        result.error = tr("The video %1 could not be opened: %2").arg(path, file.errorString());
        return result;
    }
    return probe(file);
}

VideoProbeResult VideoProbe::probeBytes(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return probe(buffer);
}

VideoProbeResult VideoProbe::probe(QIODevice& device)
{
    VideoInfo info;
    info.byteSize = device.size();
    if (info.byteSize <= 0)
        return failure(info, tr("The video file is empty."));
    device.seek(0);
    const QByteArray head = device.peek(64);
    info.mime = sniffMime(head);
    if (info.mime == QLatin1String("video/avi")) {
        info.container = VideoInfo::Container::Avi;
        return probeAvi(device, info);
    }
    if (info.mime == QLatin1String("video/mp4") || info.mime == QLatin1String("video/quicktime")) {
        info.container = info.mime == QLatin1String("video/mp4") ? VideoInfo::Container::Mp4
                                                                 : VideoInfo::Container::QuickTime;
        return probeIsoMedia(device, info);
    }
    info.mime.clear();
    return failure(info, tr("The file is not a video Ark accepts; the accepted formats are %1.")
                             .arg(acceptedFormatNames(MediaKind::Video)));
}

} // namespace ark::media
