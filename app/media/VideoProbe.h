// Reads a video's container format, duration and frame size without decoding it and without Qt Multimedia,
// so the limits can be checked on a worker thread before anything is sent.
//
// MP4 and MOV (ISO base media / QuickTime): the top-level boxes are walked with seeks (moov may follow a
// large mdat), the duration comes from moov/mvhd and the size from the first track header (moov/trak/tkhd)
// with a non-zero size, turned upright when its matrix rotates by 90 or 270 degrees. AVI: the main header
// (RIFF AVI / LIST hdrl / avih) gives frame count, frame period and size; when it cannot be read the duration
// is reported as unknown rather than as an error, because AVI is an accepted format. Anything else, and
// truncated or inconsistent boxes, give a person-readable error.
//
// Everything is static and reentrant: call it from any thread.
#pragma once

#include <QSize>
#include <QString>
#include <optional>

class QIODevice;

namespace ark::media {

struct VideoInfo
{
    enum class Container { Unknown, Mp4, QuickTime, Avi };
    Container container = Container::Unknown;
    QString mime;                          // "video/mp4", "video/quicktime" or "video/avi"
    QString brand;                         // MP4/MOV: the ftyp major brand ("isom", "qt  "), else ""
    std::optional<double> durationSeconds; // nullopt when the file does not say
    QSize pixelSize;                       // invalid when unknown
    qint64 byteSize = 0;
};

struct VideoProbeResult
{
    bool ok = false;
    VideoInfo info; // filled as far as it was read, also on failure
    QString error;  // translated; empty when ok
};

class VideoProbe
{
public:
    static VideoProbeResult probeFile(const QString& path);
    static VideoProbeResult probeBytes(const QByteArray& bytes);
    // The device must be open for reading and random-access (a file or a buffer).
    static VideoProbeResult probe(QIODevice& device);
};

} // namespace ark::media
