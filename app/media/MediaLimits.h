// The documented limits for images and videos sent to Ark vision models, as data, and the checks that
// turn a file's facts into person-readable problems naming the limit.
//
// Every number cites the line of the source doc (shared/seeds/003_48a68e8d461a233e.txt) it comes from.
// Where the docs leave a choice open (is "MB" 10^6 or 2^20 bytes?), the stricter reading is taken so that
// anything these checks let through is also accepted by the service: an attachment must never turn
// into a failed request.
//
// Nothing here touches files or threads; ImagePreparer and VideoProbe gather the facts.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace ark::media {

enum class MediaKind { Image, Video };

// The vision models fall into two families with different pixel rules (L16515-16522).
// Current: doubao-1-5-vision-pro-32k-250115 and later; Legacy: doubao-vision-pro-32k-241028 and
// doubao-vision-lite-32k-241025.
enum class VisionGeneration { Current, Legacy };

namespace limits {
// Images: "单张图片小于 10 MB" (L16546), strictly less; MB read as 10^6 bytes (the stricter reading).
inline constexpr qint64 kMaxImageBytes = 10'000'000;
// The whole request body when images or videos travel as base64: "不可超过 64 MB" (L16547), at most.
inline constexpr qint64 kMaxRequestBodyBytes = 64'000'000;

// Current models: width > 14 and height > 14 (L16518); width*height in [196, 36,000,000] (L16519).
// L16947-16948 call 36M an upper bound too ("超出3600w px 会直接报错"): exactly 36M is allowed by both.
inline constexpr int kCurrentMinSideExclusive = 14;
inline constexpr qint64 kCurrentMinArea = 196;
inline constexpr qint64 kCurrentMaxArea = 36'000'000;
// Legacy models: each side in [10, 6000] (L16521); width/height in [1/100, 100] (L16522).
inline constexpr int kLegacyMinSide = 10;
inline constexpr int kLegacyMaxSide = 6000;
inline constexpr double kLegacyMaxAspect = 100.0;

// detail / image_pixel_limit (L7666-7667, L7678-7697, L16946-16948).
inline constexpr int kMinPixelLimit = 3136;           // lowest min_pixels
inline constexpr int kMaxPixelLimit = 4'014'080;      // highest max_pixels; also detail:high's max_pixels
inline constexpr int kDetailLowMaxPixels = 1'048'576; // detail:low's max_pixels
// The service never looks at more pixels than kMaxPixelLimit (larger images are shrunk to max_pixels,
// L7686), so shrinking to it before sending loses nothing the model sees: ImagePreparer::Options can
// use it to keep requests small (each turn re-sends every image, L16512).

// Image tokens: min(w*h/784, cap) (L16555); caps 5120 (high) and 1312 (low) on current models,
// 1312 in both modes on legacy ones (L16558-16565).
inline constexpr int kPixelsPerImageToken = 784;
inline constexpr int kCurrentHighTokenCap = 5120;
inline constexpr int kLowTokenCap = 1312;

// Videos: "单视频文件需在 50MB 以内" (L16648), at most; MB read as 10^6 bytes.
inline constexpr qint64 kMaxVideoBytes = 50'000'000;
// fps: float, default 1, range [0.2, 5] (L7565-7566, L7734-7735).
inline constexpr double kMinFps = 0.2;
inline constexpr double kMaxFps = 5.0;
inline constexpr double kDefaultFps = 1.0;
// Frames sampled = duration x fps; over 640 the service samples 640 evenly and ignores fps, under 16
// it samples 16 (L16655-16658). No maximum duration is documented: these only change what is sampled.
inline constexpr int kMaxSampledFrames = 640;
inline constexpr int kMinSampledFrames = 16;
} // namespace limits

// One accepted format (L16574-16610 for images, L16628-16643 for videos).
struct MediaFormat
{
    MediaKind kind = MediaKind::Image;
    QString name;                   // "JPEG", "MP4", ...
    QStringList extensions;         // lowercase, without dot; the first is the one files are stored with
    QString mime;                   // lowercase, as it goes into the data URL
    bool currentModelsOnly = false; // HEIC/HEIF: doubao-1.5-vision-pro and later only (L16604-16610)
};

const std::vector<MediaFormat>& imageFormats();
const std::vector<MediaFormat>& videoFormats();
// nullptr when the MIME type (compared case-insensitively) is not an accepted format.
const MediaFormat* formatForMime(const QString& mime);
// nullptr when the extension ("jpg", ".JPG") is not an accepted format's.
const MediaFormat* formatForExtension(const QString& extension);
// "JPEG, PNG, GIF, ..." for messages.
QString acceptedFormatNames(MediaKind kind);

// The MIME type of an accepted image or video format recognised from the first bytes of a file
// (a few hundred bytes are plenty); "" when none matches. The service checks content, not names
// (L16571, L26233-26267), so the MIME of a data URL must come from here, not from the file name.
QString sniffMime(const QByteArray& head);

// What is known about one attachment; unknown members stay empty / nullopt.
struct MediaFacts
{
    MediaKind kind = MediaKind::Image;
    QString mime;
    qint64 byteSize = -1;                  // -1 = unknown (e.g. a pasted URL)
    QSize pixelSize;                       // invalid = unknown
    std::optional<double> durationSeconds; // videos
    std::optional<double> fps;             // videos; nullopt = the default 1
    QString detail;                        // images: "", "low", "high", "auto"
    std::optional<int> minPixels;          // images: image_pixel_limit
    std::optional<int> maxPixels;
    bool sentAsDataUrl = true; // false for a pasted URL: the request body then does not carry the bytes
};

struct LimitProblem
{
    // Error: the request would fail; Warning: it goes through but not as the person might expect.
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString limit;   // stable id of the limit, e.g. "image.bytes", "image.area", "video.fps"
    QString message; // translated, names the limit and the file's value
};

bool hasErrors(const std::vector<LimitProblem>& problems);
// The messages joined by newlines, errors first.
QString problemText(const std::vector<LimitProblem>& problems);

// Checks the facts against the documented limits for their kind. Unknown facts are not errors; an unknown
// video duration gives a warning saying the frame count cannot be estimated.
std::vector<LimitProblem> checkMedia(const MediaFacts& facts,
                                     VisionGeneration generation = VisionGeneration::Current);
// The whole request body (JSON text including every data URL) against the 64 MB limit.
std::vector<LimitProblem> checkRequestBody(qint64 bodyBytes);
// A warning when the images' estimated tokens exceed the model's context window: the service does not
// cap the image count but truncates what overflows (L16535-16542).
std::vector<LimitProblem> checkImageTokens(qint64 estimatedImageTokens, qint64 contextWindow);

// Length of "data:<mime>;base64,<base64 of byteSize bytes>".
qint64 dataUrlLength(qint64 byteSize, const QString& mime);
// Estimated tokens of one image: its area brought into [min_pixels, max_pixels] (image_pixel_limit first,
// then detail, L7674-7697) divided by 784, capped per detail and generation (L16553-16565).
int estimatedImageTokens(QSize pixelSize, const QString& detail, std::optional<int> minPixels,
                         std::optional<int> maxPixels,
                         VisionGeneration generation = VisionGeneration::Current);

// The largest size with the same aspect ratio (within rounding) that satisfies the generation's side and
// area limits and the extra maxArea (0 = only the documented one). Upscales images whose short side is under
// the minimum when that fits. Returns an invalid size when no size fits (e.g. a legacy aspect ratio over
// 100:1). Returns `size` unchanged when it already fits.
QSize fitPixelSize(QSize size, VisionGeneration generation, qint64 maxArea = 0);

// "9000×6000"
QString pixelSizeText(QSize size);
// "9.5 MB" (decimal units, like the limits)
QString byteSizeText(qint64 bytes);

} // namespace ark::media
