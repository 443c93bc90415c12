// What a video generation model accepts: text or frames, and the values of each output command
// (--rs, --rt, --dur, --fps, --cf, --wm, --seed). Read from a model's "video" object in the catalog
// (resources/catalog/FORMAT.md, "Video generation"), so the video pane and `ark-workbench-cli video`
// offer and check the same things. Values per model: seed 003 L18642-18837; the commands: L27403-27491.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>

namespace ark::catalog {

struct ModelInfo;

struct VideoCapabilities
{
    bool known = false;               // read from a catalog "video" object (not the documented defaults)
    bool textToVideo = true;          // a prompt alone makes a video
    bool firstFrame = false;          // image-to-video from a first frame
    bool lastFrame = false;           // first + last frame
    bool needsLastFrame = false;      // first + last frame only (wan2.1 flf2v)
    QStringList resolutions;          // --rs from text
    QStringList imageResolutions;     // --rs with a first frame; empty = as from text (seaweed: +480p)
    QStringList lastFrameResolutions; // --rs with first + last frames; empty = as with a first frame
    QStringList ratios;               // --rt from text
    QStringList imageRatios;          // --rt with a first frame; empty = as from text
    QList<int> durations;             // --dur from text
    QList<int> imageDurations;        // --dur with a first frame; empty = as from text (seaweed i2v: 5)
    QList<int> fps;                   // --fps
    bool cameraFixed = false;         // --cf (Seedance only)
    bool watermark = true;            // --wm (every documented model)
    bool seed = true;                 // --seed (every documented model)

    // The values for a request with (or without) frames.
    QStringList resolutionsFor(bool first, bool last) const;
    QStringList ratiosFor(bool first) const;
    QList<int> durationsFor(bool first) const;

    // Every documented value (L27403-27491), for a model the catalog does not describe (an endpoint id,
    // a newer model): the server ignores or rejects what it does not take (L27406). `known` is false.
    static VideoCapabilities documentedDefaults();

    // Reads a "video" object. A field of the wrong type, a missing required field or an impossible
    // combination (a last frame without a first, no way to start a video) is a problem: it is appended
    // to `problems` (translated, without the model id) and the result is empty. Unknown fields are
    // tolerated. The result has `known` set.
    static std::optional<VideoCapabilities> fromJson(const QJsonValue& value,
                                                     QStringList* problems = nullptr);
    // The "video" object; fromJson(toJson()) gives the same capabilities (with `known` set).
    QJsonObject toJson() const;

    // What to offer for a model: the catalog's "video" object, else (no object, or `info` null: an
    // endpoint id or a model the catalog does not list) documentedDefaults(). A catalog model without
    // image input gets no frames, whatever its video object says: the capabilities are the authority
    // on input kinds.
    static VideoCapabilities forModel(const ModelInfo* info);

    bool operator==(const VideoCapabilities& other) const;
    bool operator!=(const VideoCapabilities& other) const { return !(*this == other); }
};

} // namespace ark::catalog
