#include "VideoCapabilities.h"

#include "catalog/Catalog.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace ark::catalog {

namespace {

QString trVideo(const char* text)
{
    return QCoreApplication::translate("ark::catalog", text);
}

// The ratios of the Seedance models (seed L18733-18759); the other models take subsets or add to it.
QStringList seedanceRatios()
{
    return {QStringLiteral("21:9"), QStringLiteral("16:9"), QStringLiteral("4:3"),
            QStringLiteral("1:1"),  QStringLiteral("3:4"),  QStringLiteral("9:16")};
}

// Reads one field of a "video" object, collecting every problem rather than stopping at the first:
// a person fixing an imported file sees all of them at once.
class FieldReader
{
public:
    FieldReader(const QJsonObject& object, QStringList* problems) : m_object(object), m_problems(problems) {}

    bool ok() const { return m_ok; }

    void problem(const QString& text)
    {
        m_ok = false;
        if (m_problems)
            m_problems->append(QStringLiteral("video: ") + text);
    }

    // `required`: a missing field is a problem; otherwise it keeps `out` as it is.
    void boolean(const char* key, bool& out, bool required)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required)
                missing(key);
            return;
        }
        if (!value.isBool()) {
            problem(trVideo("\"%1\" must be true or false").arg(QLatin1String(key)));
            return;
        }
        out = value.toBool();
    }

    void strings(const char* key, QStringList& out, bool required)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required)
                missing(key);
            return;
        }
        QStringList list;
        bool good = value.isArray();
        for (const QJsonValue& item : value.toArray()) {
            if (!item.isString() || item.toString().trimmed().isEmpty())
                good = false;
            else
                list.append(item.toString().trimmed());
        }
        if (!good) {
            problem(trVideo("\"%1\" must be a list of non-empty strings").arg(QLatin1String(key)));
            return;
        }
        out = list;
    }

    void integers(const char* key, QList<int>& out, bool required)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined()) {
            if (required)
                missing(key);
            return;
        }
        QList<int> list;
        bool good = value.isArray();
        for (const QJsonValue& item : value.toArray()) {
            const double number = item.toDouble(-1);
            // Seconds and frame rates: whole, positive and small (an hour bounds any video here).
            if (!item.isDouble() || number < 1 || number > 3600 || std::floor(number) != number)
                good = false;
            else
                list.append(int(number));
        }
        if (!good) {
            problem(trVideo("\"%1\" must be a list of whole numbers from 1 to 3600").arg(QLatin1String(key)));
            return;
        }
        out = list;
    }

private:
    void missing(const char* key) { problem(trVideo("\"%1\" is missing").arg(QLatin1String(key))); }

    const QJsonObject& m_object;
    QStringList* m_problems;
    bool m_ok = true;
};

QJsonArray toArray(const QStringList& values)
{
    return QJsonArray::fromStringList(values);
}

QJsonArray toArray(const QList<int>& values)
{
    QJsonArray array;
    for (int v : values)
        array.append(v);
    return array;
}

} // namespace

QStringList VideoCapabilities::resolutionsFor(bool first, bool last) const
{
    if (first && last && !lastFrameResolutions.isEmpty())
        return lastFrameResolutions;
    if (first && !imageResolutions.isEmpty())
        return imageResolutions;
    return resolutions;
}

QStringList VideoCapabilities::ratiosFor(bool first) const
{
    return first && !imageRatios.isEmpty() ? imageRatios : ratios;
}

QList<int> VideoCapabilities::durationsFor(bool first) const
{
    return first && !imageDurations.isEmpty() ? imageDurations : durations;
}

VideoCapabilities VideoCapabilities::documentedDefaults()
{
    // The union over the commands' reference (L27412-27491): every resolution, ratio, duration and
    // frame rate, both frames, and camera_fixed.
    VideoCapabilities c;
    c.known = false;
    c.textToVideo = true;
    c.firstFrame = true;
    c.lastFrame = true;
    c.resolutions = {QStringLiteral("480p"), QStringLiteral("720p"), QStringLiteral("1080p")};
    c.ratios = seedanceRatios() + QStringList{QStringLiteral("9:21")};
    c.imageRatios = c.ratios + QStringList{QStringLiteral("keep_ratio"), QStringLiteral("adaptive")};
    c.durations = {5, 10};
    c.fps = {16, 24};
    c.cameraFixed = true;
    c.watermark = true;
    c.seed = true;
    return c;
}

std::optional<VideoCapabilities> VideoCapabilities::fromJson(const QJsonValue& value, QStringList* problems)
{
    if (!value.isObject()) {
        if (problems)
            problems->append(QStringLiteral("video: ") + trVideo("the \"video\" field must be an object"));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    FieldReader read(object, problems);
    VideoCapabilities c;
    c.known = true;
    read.boolean("text_to_video", c.textToVideo, true);
    read.boolean("first_frame", c.firstFrame, true);
    read.boolean("last_frame", c.lastFrame, true);
    read.boolean("needs_last_frame", c.needsLastFrame, false);
    read.strings("resolutions", c.resolutions, true);
    read.strings("image_resolutions", c.imageResolutions, false);
    read.strings("last_frame_resolutions", c.lastFrameResolutions, false);
    read.strings("ratios", c.ratios, true);
    read.strings("image_ratios", c.imageRatios, false);
    read.integers("durations", c.durations, true);
    read.integers("image_durations", c.imageDurations, false);
    read.integers("fps", c.fps, true);
    read.boolean("camera_fixed", c.cameraFixed, true);
    read.boolean("watermark", c.watermark, true);
    read.boolean("seed", c.seed, true);
    if (!read.ok())
        return std::nullopt;

    // Combinations no request could satisfy.
    if (c.lastFrame && !c.firstFrame)
        read.problem(trVideo("\"last_frame\" is true but \"first_frame\" is false (a last frame goes "
                             "with a first one)"));
    if (c.needsLastFrame && !c.lastFrame)
        read.problem(trVideo("\"needs_last_frame\" is true but \"last_frame\" is false"));
    if (!c.textToVideo && !c.firstFrame)
        read.problem(trVideo("neither \"text_to_video\" nor \"first_frame\" is true: the model could not "
                             "make any video"));
    if (!read.ok())
        return std::nullopt;
    return c;
}

QJsonObject VideoCapabilities::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("text_to_video"), textToVideo);
    o.insert(QStringLiteral("first_frame"), firstFrame);
    o.insert(QStringLiteral("last_frame"), lastFrame);
    o.insert(QStringLiteral("needs_last_frame"), needsLastFrame);
    o.insert(QStringLiteral("resolutions"), toArray(resolutions));
    // The overrides are written only where they differ, as in catalog.json: empty means "as above".
    if (!imageResolutions.isEmpty())
        o.insert(QStringLiteral("image_resolutions"), toArray(imageResolutions));
    if (!lastFrameResolutions.isEmpty())
        o.insert(QStringLiteral("last_frame_resolutions"), toArray(lastFrameResolutions));
    o.insert(QStringLiteral("ratios"), toArray(ratios));
    if (!imageRatios.isEmpty())
        o.insert(QStringLiteral("image_ratios"), toArray(imageRatios));
    o.insert(QStringLiteral("durations"), toArray(durations));
    if (!imageDurations.isEmpty())
        o.insert(QStringLiteral("image_durations"), toArray(imageDurations));
    o.insert(QStringLiteral("fps"), toArray(fps));
    o.insert(QStringLiteral("camera_fixed"), cameraFixed);
    o.insert(QStringLiteral("watermark"), watermark);
    o.insert(QStringLiteral("seed"), seed);
    return o;
}

VideoCapabilities VideoCapabilities::forModel(const ModelInfo* info)
{
    VideoCapabilities c = info && info->video ? *info->video : documentedDefaults();
    if (info && !info->capabilities.imageInput) {
        c.firstFrame = c.lastFrame = c.needsLastFrame = false;
        c.textToVideo = true;
    }
    return c;
}

bool VideoCapabilities::operator==(const VideoCapabilities& other) const
{
    return known == other.known && textToVideo == other.textToVideo && firstFrame == other.firstFrame &&
           lastFrame == other.lastFrame && needsLastFrame == other.needsLastFrame &&
           resolutions == other.resolutions && imageResolutions == other.imageResolutions &&
           lastFrameResolutions == other.lastFrameResolutions && ratios == other.ratios &&
           imageRatios == other.imageRatios && durations == other.durations &&
           imageDurations == other.imageDurations && fps == other.fps && cameraFixed == other.cameraFixed &&
           watermark == other.watermark && seed == other.seed;
}

} // namespace ark::catalog
