#include "media/MediaLimits.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <climits>
#include <cmath>

namespace ark::media {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::media::MediaLimits", text);
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString decimal(double value)
{
    QString text = QLocale().toString(value, 'f', 2);
    // "0.20" -> "0.2", "5.00" -> "5": limits read better without trailing zeros.
    const QChar point = QLocale().decimalPoint().at(0);
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

LimitProblem error(const char* limit, const QString& message)
{
    return {LimitProblem::Severity::Error, QString::fromLatin1(limit), message};
}

LimitProblem warning(const char* limit, const QString& message)
{
    return {LimitProblem::Severity::Warning, QString::fromLatin1(limit), message};
}

bool startsWith(const QByteArray& data, int offset, const char* magic, int length)
{
    return data.size() >= offset + length && std::equal(magic, magic + length, data.constData() + offset);
}

// The major brand of an ISO base media file ("ftyp" box first), or "" when there is none.
QByteArray ftypBrand(const QByteArray& head)
{
    if (!startsWith(head, 4, "ftyp", 4) || head.size() < 12)
        return {};
    return head.mid(8, 4);
}

bool ftypHasCompatibleBrand(const QByteArray& head, const char* brand)
{
    if (head.size() < 8)
        return false;
    const quint32 boxSize = (quint32(quint8(head[0])) << 24) | (quint32(quint8(head[1])) << 16) |
                            (quint32(quint8(head[2])) << 8) | quint32(quint8(head[3]));
    const int end = int(std::min<qint64>(boxSize, head.size()));
    for (int offset = 16; offset + 4 <= end; offset += 4) {
        if (startsWith(head, offset, brand, 4))
            return true;
    }
    return false;
}

void checkImage(const MediaFacts& facts, VisionGeneration generation, std::vector<LimitProblem>& out)
{
    using namespace limits;
    if (!facts.mime.isEmpty()) {
        const MediaFormat* format = formatForMime(facts.mime);
        if (!format || format->kind != MediaKind::Image) {
            out.push_back(error("image.format", tr("The image format %1 is not accepted; Ark accepts %2.")
                                                    .arg(facts.mime, acceptedFormatNames(MediaKind::Image))));
        } else if (format->currentModelsOnly && generation == VisionGeneration::Legacy) {
            out.push_back(error("image.format",
                                tr("%1 images are accepted only by doubao-1.5-vision-pro and later models.")
                                    .arg(format->name)));
        }
    }
    if (facts.byteSize >= kMaxImageBytes) {
        out.push_back(
            error("image.bytes", tr("The image is %1; Ark accepts images under %2.")
                                     .arg(byteSizeText(facts.byteSize), byteSizeText(kMaxImageBytes))));
    }
    if (facts.pixelSize.isValid() && !facts.pixelSize.isEmpty()) {
        const int w = facts.pixelSize.width();
        const int h = facts.pixelSize.height();
        const qint64 area = qint64(w) * h;
        const QString size = pixelSizeText(facts.pixelSize);
        if (generation == VisionGeneration::Current) {
            if (w <= kCurrentMinSideExclusive || h <= kCurrentMinSideExclusive) {
                out.push_back(
                    error("image.side", tr("The image is %1 pixels; both sides must be longer than %2 "
                                           "pixels.")
                                            .arg(size)
                                            .arg(kCurrentMinSideExclusive)));
            } else if (area < kCurrentMinArea) {
                out.push_back(
                    error("image.area", tr("The image has %1 pixels (%2); Ark needs at least %3 pixels.")
                                            .arg(number(area), size, number(kCurrentMinArea))));
            }
            if (area > kCurrentMaxArea) {
                out.push_back(
                    error("image.area", tr("The image has %1 pixels (%2); Ark accepts at most %3 pixels.")
                                            .arg(number(area), size, number(kCurrentMaxArea))));
            }
        } else {
            if (std::min(w, h) < kLegacyMinSide || std::max(w, h) > kLegacyMaxSide) {
                out.push_back(error(
                    "image.side", tr("The image is %1 pixels; this model accepts sides from %2 to %3 pixels.")
                                      .arg(size)
                                      .arg(kLegacyMinSide)
                                      .arg(kLegacyMaxSide)));
            }
            if (double(std::max(w, h)) / std::min(w, h) > kLegacyMaxAspect) {
                out.push_back(error("image.aspect",
                                    tr("The image is %1 pixels; this model accepts aspect ratios up to %2:1.")
                                        .arg(size)
                                        .arg(kLegacyMaxAspect)));
            }
        }
    }
    if (!facts.detail.isEmpty() && facts.detail != QLatin1String("low") &&
        facts.detail != QLatin1String("high") && facts.detail != QLatin1String("auto")) {
        out.push_back(
            error("image.detail",
                  tr("The detail setting \"%1\" is not one of low, high or auto.").arg(facts.detail)));
    }
    // 3136 <= min_pixels < max_pixels <= 4014080 (L7678, L7685, L7695: the ranges are half-open).
    if (facts.minPixels && *facts.minPixels < kMinPixelLimit) {
        out.push_back(
            error("image.pixel_limit", tr("The minimum pixels %1 is under the lowest allowed value %2.")
                                           .arg(number(*facts.minPixels), number(kMinPixelLimit))));
    }
    if (facts.maxPixels && *facts.maxPixels > kMaxPixelLimit) {
        out.push_back(
            error("image.pixel_limit", tr("The maximum pixels %1 is over the highest allowed value %2.")
                                           .arg(number(*facts.maxPixels), number(kMaxPixelLimit))));
    }
    if (facts.minPixels || facts.maxPixels) {
        const int low = facts.minPixels.value_or(kMinPixelLimit);
        const int high = facts.maxPixels.value_or(
            facts.detail == QLatin1String("high") ? kMaxPixelLimit : kDetailLowMaxPixels);
        if (low >= high) {
            out.push_back(error("image.pixel_limit",
                                tr("The minimum pixels (%1) must be less than the maximum pixels (%2).")
                                    .arg(number(low), number(high))));
        }
    }
}

void checkVideo(const MediaFacts& facts, std::vector<LimitProblem>& out)
{
    using namespace limits;
    if (!facts.mime.isEmpty()) {
        const MediaFormat* format = formatForMime(facts.mime);
        if (!format || format->kind != MediaKind::Video) {
            out.push_back(error("video.format", tr("The video format %1 is not accepted; Ark accepts %2.")
                                                    .arg(facts.mime, acceptedFormatNames(MediaKind::Video))));
        }
    }
    if (facts.byteSize > kMaxVideoBytes) {
        out.push_back(
            error("video.bytes", tr("The video is %1; Ark accepts videos up to %2.")
                                     .arg(byteSizeText(facts.byteSize), byteSizeText(kMaxVideoBytes))));
    }
    const double fps = facts.fps.value_or(kDefaultFps);
    if (facts.fps && (fps < kMinFps || fps > kMaxFps || !std::isfinite(fps))) {
        out.push_back(
            error("video.fps", tr("The frame rate %1 is outside the accepted range %2 to %3 frames per "
                                  "second.")
                                   .arg(decimal(fps), decimal(kMinFps), decimal(kMaxFps))));
        return; // the frame count below would be meaningless
    }
    if (!facts.durationSeconds) {
        out.push_back(
            warning("video.duration", tr("The video's duration is unknown, so the number of frames Ark "
                                         "will sample cannot be estimated.")));
    } else {
        const double frames = *facts.durationSeconds * fps;
        if (frames > kMaxSampledFrames) {
            out.push_back(
                warning("video.frames",
                        tr("At %1 frames per second this video gives %2 frames; Ark samples at most %3 "
                           "frames evenly and ignores the frame rate.")
                            .arg(decimal(fps), number(qint64(std::ceil(frames))))
                            .arg(kMaxSampledFrames)));
        }
    }
}

} // namespace

const std::vector<MediaFormat>& imageFormats()
{
    // L16582-16610; DIB shares BMP's MIME type.
    static const std::vector<MediaFormat> formats = {
        {MediaKind::Image,
         QStringLiteral("JPEG"),
         {QStringLiteral("jpg"), QStringLiteral("jpeg")},
         QStringLiteral("image/jpeg"),
         false},
        {MediaKind::Image,
         QStringLiteral("PNG"),
         {QStringLiteral("png")},
         QStringLiteral("image/png"),
         false},
        {MediaKind::Image,
         QStringLiteral("GIF"),
         {QStringLiteral("gif")},
         QStringLiteral("image/gif"),
         false},
        {MediaKind::Image,
         QStringLiteral("WEBP"),
         {QStringLiteral("webp")},
         QStringLiteral("image/webp"),
         false},
        {MediaKind::Image,
         QStringLiteral("BMP"),
         {QStringLiteral("bmp"), QStringLiteral("dib")},
         QStringLiteral("image/bmp"),
         false},
        {MediaKind::Image,
         QStringLiteral("TIFF"),
         {QStringLiteral("tiff"), QStringLiteral("tif")},
         QStringLiteral("image/tiff"),
         false},
        {MediaKind::Image,
         QStringLiteral("ICO"),
         {QStringLiteral("ico")},
         QStringLiteral("image/x-icon"),
         false},
        {MediaKind::Image,
         QStringLiteral("ICNS"),
         {QStringLiteral("icns")},
         QStringLiteral("image/icns"),
         false},
        {MediaKind::Image,
         QStringLiteral("SGI"),
         {QStringLiteral("sgi")},
         QStringLiteral("image/sgi"),
         false},
        {MediaKind::Image,
         QStringLiteral("JPEG2000"),
         {QStringLiteral("jp2"), QStringLiteral("j2c"), QStringLiteral("j2k"), QStringLiteral("jpc"),
          QStringLiteral("jpf"), QStringLiteral("jpx")},
         QStringLiteral("image/jp2"),
         false},
        {MediaKind::Image,
         QStringLiteral("HEIC"),
         {QStringLiteral("heic")},
         QStringLiteral("image/heic"),
         true},
        {MediaKind::Image,
         QStringLiteral("HEIF"),
         {QStringLiteral("heif")},
         QStringLiteral("image/heif"),
         true},
    };
    return formats;
}

const std::vector<MediaFormat>& videoFormats()
{
    // L16639-16643.
    static const std::vector<MediaFormat> formats = {
        {MediaKind::Video,
         QStringLiteral("MP4"),
         {QStringLiteral("mp4")},
         QStringLiteral("video/mp4"),
         false},
        {MediaKind::Video,
         QStringLiteral("AVI"),
         {QStringLiteral("avi")},
         QStringLiteral("video/avi"),
         false},
        {MediaKind::Video,
         QStringLiteral("MOV"),
         {QStringLiteral("mov")},
         QStringLiteral("video/quicktime"),
         false},
    };
    return formats;
}

const MediaFormat* formatForMime(const QString& mime)
{
    const QString wanted = mime.trimmed().toLower();
    for (const auto* list : {&imageFormats(), &videoFormats()}) {
        for (const MediaFormat& format : *list) {
            if (format.mime == wanted)
                return &format;
        }
    }
    return nullptr;
}

const MediaFormat* formatForExtension(const QString& extension)
{
    QString wanted = extension.trimmed().toLower();
    if (wanted.startsWith(QLatin1Char('.')))
        wanted.remove(0, 1);
    for (const auto* list : {&imageFormats(), &videoFormats()}) {
        for (const MediaFormat& format : *list) {
            if (format.extensions.contains(wanted))
                return &format;
        }
    }
    return nullptr;
}

QString acceptedFormatNames(MediaKind kind)
{
    QStringList names;
    for (const MediaFormat& format : kind == MediaKind::Image ? imageFormats() : videoFormats())
        names << format.name;
    return QLocale().createSeparatedList(names);
}

QString sniffMime(const QByteArray& head)
{
    if (startsWith(head, 0, "\xFF\xD8\xFF", 3))
        return QStringLiteral("image/jpeg");
    if (startsWith(head, 0, "\x89PNG\r\n\x1A\n", 8))
        return QStringLiteral("image/png");
    if (startsWith(head, 0, "GIF87a", 6) || startsWith(head, 0, "GIF89a", 6))
        return QStringLiteral("image/gif");
    if (startsWith(head, 0, "RIFF", 4) && startsWith(head, 8, "WEBP", 4))
        return QStringLiteral("image/webp");
    if (startsWith(head, 0, "RIFF", 4) && startsWith(head, 8, "AVI ", 4))
        return QStringLiteral("video/avi");
    if (startsWith(head, 0, "BM", 2) && head.size() >= 14)
        return QStringLiteral("image/bmp");
    if (startsWith(head, 0, "II*\0", 4) || startsWith(head, 0, "MM\0*", 4))
        return QStringLiteral("image/tiff");
    if (startsWith(head, 0, "\0\0\1\0", 4))
        return QStringLiteral("image/x-icon");
    if (startsWith(head, 0, "icns", 4))
        return QStringLiteral("image/icns");
    if (startsWith(head, 0, "\x01\xDA", 2))
        return QStringLiteral("image/sgi");
    if (startsWith(head, 0, "\0\0\0\x0CjP  \r\n\x87\n", 12) || startsWith(head, 0, "\xFF\x4F\xFF\x51", 4))
        return QStringLiteral("image/jp2");

    const QByteArray brand = ftypBrand(head);
    if (!brand.isEmpty()) {
        static const QList<QByteArray> heic = {"heic", "heix", "heim", "heis", "hevc", "hevx"};
        if (heic.contains(brand))
            return QStringLiteral("image/heic");
        if (brand == "mif1" || brand == "msf1" || brand == "heif") {
            // mif1 is also AVIF's structural brand; AVIF is not an accepted format.
            if (ftypHasCompatibleBrand(head, "avif") && !ftypHasCompatibleBrand(head, "heic"))
                return {};
            return ftypHasCompatibleBrand(head, "heic") ? QStringLiteral("image/heic")
                                                        : QStringLiteral("image/heif");
        }
        if (brand == "avif" || brand == "avis" || brand.startsWith("3g") || brand == "crx ")
            return {};
        if (brand == "qt  ")
            return QStringLiteral("video/quicktime");
        return QStringLiteral("video/mp4");
    }
    // QuickTime files written before the ftyp box existed start with one of these atoms.
    for (const char* atom : {"moov", "mdat", "wide", "free", "skip", "pnot"}) {
        if (startsWith(head, 4, atom, 4))
            return QStringLiteral("video/quicktime");
    }
    return {};
}

bool hasErrors(const std::vector<LimitProblem>& problems)
{
    return std::any_of(problems.begin(), problems.end(),
                       [](const LimitProblem& p) { return p.severity == LimitProblem::Severity::Error; });
}

QString problemText(const std::vector<LimitProblem>& problems)
{
    QStringList errors, warnings;
    for (const LimitProblem& p : problems)
        (p.severity == LimitProblem::Severity::Error ? errors : warnings) << p.message;
    return (errors + warnings).join(QLatin1Char('\n'));
}

std::vector<LimitProblem> checkMedia(const MediaFacts& facts, VisionGeneration generation)
{
    std::vector<LimitProblem> problems;
    if (facts.kind == MediaKind::Image)
        checkImage(facts, generation, problems);
    else
        checkVideo(facts, problems);
    if (facts.sentAsDataUrl && facts.byteSize >= 0) {
        const std::vector<LimitProblem> body = checkRequestBody(dataUrlLength(facts.byteSize, facts.mime));
        problems.insert(problems.end(), body.begin(), body.end());
    }
    return problems;
}

std::vector<LimitProblem> checkRequestBody(qint64 bodyBytes)
{
    if (bodyBytes <= limits::kMaxRequestBodyBytes)
        return {};
    return {
        error("request.bytes",
              tr("The request would be %1 with the attachments encoded as text; Ark accepts at most %2 per "
                 "request.")
                  .arg(byteSizeText(bodyBytes), byteSizeText(limits::kMaxRequestBodyBytes)))};
}

std::vector<LimitProblem> checkImageTokens(qint64 estimatedImageTokens, qint64 contextWindow)
{
    if (contextWindow <= 0 || estimatedImageTokens <= contextWindow)
        return {};
    return {warning(
        "request.image_tokens",
        tr("The images need about %1 tokens but the model's context holds %2; Ark truncates what does "
           "not fit.")
            .arg(number(estimatedImageTokens), number(contextWindow)))};
}

qint64 dataUrlLength(qint64 byteSize, const QString& mime)
{
    const qint64 prefix = QStringLiteral("data:;base64,").size() + mime.size();
    return prefix + (std::max<qint64>(byteSize, 0) + 2) / 3 * 4;
}

int estimatedImageTokens(QSize pixelSize, const QString& detail, std::optional<int> minPixels,
                         std::optional<int> maxPixels, VisionGeneration generation)
{
    using namespace limits;
    if (!pixelSize.isValid() || pixelSize.isEmpty())
        return 0;
    // An unset or "auto" detail means low on current models (L16942, L16951-16952); legacy models choose
    // by resolution but cap both modes at 1312 tokens, so low is the right estimate there too.
    const bool high = detail == QLatin1String("high");
    const qint64 low = minPixels.value_or(kMinPixelLimit);
    const qint64 top = std::max<qint64>(low, maxPixels.value_or(high ? kMaxPixelLimit : kDetailLowMaxPixels));
    const qint64 area = std::clamp<qint64>(qint64(pixelSize.width()) * pixelSize.height(), low, top);
    const int cap = high && generation == VisionGeneration::Current ? kCurrentHighTokenCap : kLowTokenCap;
    const qint64 tokens = (area + kPixelsPerImageToken - 1) / kPixelsPerImageToken;
    return int(std::min<qint64>(tokens, cap));
}

QSize fitPixelSize(QSize size, VisionGeneration generation, qint64 maxArea)
{
    using namespace limits;
    if (!size.isValid() || size.isEmpty())
        return {};
    const bool legacy = generation == VisionGeneration::Legacy;
    qint64 areaLimit = legacy ? qint64(kLegacyMaxSide) * kLegacyMaxSide : kCurrentMaxArea;
    if (maxArea > 0)
        areaLimit = std::min(areaLimit, maxArea);
    const qint64 maxSide = legacy ? kLegacyMaxSide : INT_MAX;
    const qint64 minSide = legacy ? kLegacyMinSide : kCurrentMinSideExclusive + 1;
    const qint64 minArea = legacy ? 1 : kCurrentMinArea;

    const auto fits = [&](qint64 w, qint64 h) {
        return std::min(w, h) >= minSide && std::max(w, h) <= maxSide && w * h <= areaLimit &&
               w * h >= minArea;
    };
    const qint64 w = size.width();
    const qint64 h = size.height();
    const qint64 shortSide = std::min(w, h);
    const qint64 longSide = std::max(w, h);
    if (legacy && double(longSide) / double(shortSide) > kLegacyMaxAspect)
        return {}; // no scaling changes the aspect ratio
    if (fits(w, h))
        return size;

    qint64 newShort = 0, newLong = 0;
    if (shortSide < minSide) {
        // Enlarge so the short side reaches the minimum; the long side follows the aspect ratio.
        newShort = minSide;
        newLong = qint64(std::llround(double(longSide) * double(minSide) / double(shortSide)));
    } else {
        const double scale = std::min(std::sqrt(double(areaLimit) / (double(w) * double(h))),
                                      double(maxSide) / double(longSide));
        newShort = qint64(std::floor(double(shortSide) * scale + 1e-9));
        newLong = qint64(std::floor(double(longSide) * scale + 1e-9));
        // Floating point may leave the area a hair over the limit: trim the long side.
        while (newShort * newLong > areaLimit && newLong > newShort)
            --newLong;
    }
    if (!fits(newShort, newLong) || newLong > INT_MAX)
        return {};
    return w <= h ? QSize(int(newShort), int(newLong)) : QSize(int(newLong), int(newShort));
}

QString pixelSizeText(QSize size)
{
    return QStringLiteral("%1×%2").arg(size.width()).arg(size.height());
}

QString byteSizeText(qint64 bytes)
{
    if (bytes < 1000)
        return tr("%1 bytes").arg(bytes);
    if (bytes < 1'000'000)
        return tr("%1 kB").arg(decimal(double(bytes) / 1e3));
    return tr("%1 MB").arg(decimal(double(bytes) / 1e6));
}

} // namespace ark::media
