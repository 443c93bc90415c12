// The offline estimate. The method, its constants and the error measured against the exact counts
// the Ark documentation prints are described in ESTIMATES.md next to this file; keep both in step.
#include "TokenEstimator.h"

#include <QList>

#include <algorithm>
#include <cmath>

namespace ark::pricing {

namespace {

// Weights (tokens per unit), fitted to the documentation's examples (ESTIMATES.md).
constexpr double kHanWeight = 0.6;      // per Han/kana/Hangul character
constexpr double kCjkPunctWeight = 1.0; // per full-width / CJK punctuation mark
constexpr double kEmojiWeight = 1.0;    // per emoji or pictograph
constexpr int kDigitsPerToken = 3;      // digit runs: one token per (up to) three digits
constexpr int kSymbolsPerToken = 2;     // ASCII punctuation runs ("###", "**", "->")
constexpr int kSpacesPerToken = 4;      // indentation and spaces not absorbed by a word

bool isCjkPunct(char32_t c)
{
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2018 && c <= 0x201F) ||
           c == 0x2026 || (c >= 0xFE30 && c <= 0xFE4F);
}

bool isCjkLetter(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

bool isEmoji(char32_t c)
{
    return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF);
}

bool isNewline(char32_t c)
{
    return c == U'\n' || c == U'\r';
}

bool isSpace(char32_t c)
{
    return QChar::isSpace(c);
}

bool isDigit(char32_t c)
{
    return QChar::isDigit(c) && !isCjkPunct(c);
}

bool isWordChar(char32_t c)
{
    return (QChar::isLetter(c) || QChar::isMark(c) || c == U'_') && !isCjkLetter(c) && !isCjkPunct(c) &&
           !isEmoji(c);
}

bool isSymbol(char32_t c)
{
    return !isSpace(c) && !isDigit(c) && !isWordChar(c) && !isCjkLetter(c) && !isCjkPunct(c) && !isEmoji(c);
}

qint64 ceilDiv(qsizetype n, int d)
{
    return (n + d - 1) / d;
}

} // namespace

qint64 estimateTextTokens(const QString& text)
{
    const QList<uint> cps = text.toUcs4();
    const qsizetype n = cps.size();
    double total = 0;
    bool anything = false;
    qsizetype i = 0;
    auto runEnd = [&](qsizetype from, auto predicate) {
        qsizetype j = from;
        while (j < n && predicate(char32_t(cps[j])))
            ++j;
        return j;
    };
    while (i < n) {
        const char32_t c = cps[i];
        if (isCjkPunct(c)) {
            total += kCjkPunctWeight;
            anything = true;
            ++i;
        } else if (isCjkLetter(c)) {
            total += kHanWeight;
            anything = true;
            ++i;
        } else if (isNewline(c)) {
            total += 1; // a run of line breaks is one token in BPE vocabularies ("\n\n")
            i = runEnd(i, isNewline);
        } else if (isSpace(c)) {
            const qsizetype j = runEnd(i, [](char32_t x) { return isSpace(x) && !isNewline(x); });
            // " word" and " 42" are single tokens: the space before a Latin word or a number is free.
            const bool absorbed = j < n && (isWordChar(char32_t(cps[j])) || isDigit(char32_t(cps[j])));
            if (!absorbed)
                total += double(ceilDiv(j - i, kSpacesPerToken));
            i = j;
        } else if (isDigit(c)) {
            const qsizetype j = runEnd(i, isDigit);
            total += double(ceilDiv(j - i, kDigitsPerToken));
            anything = true;
            i = j;
        } else if (isWordChar(c)) {
            const qsizetype j = runEnd(i, isWordChar);
            const qsizetype length = j - i;
            const bool ascii = std::all_of(cps.begin() + i, cps.begin() + j, [](uint x) { return x < 128; });
            // English: short words are one token, long ones split into pieces of about five letters.
            // Other alphabets (Cyrillic, Greek, Arabic...) have fewer merges: about two letters a token.
            total += ascii ? 1.0 + 0.2 * double(std::max<qsizetype>(0, length - 5))
                           : std::max(1.0, 0.5 * double(length));
            anything = true;
            i = j;
        } else if (isEmoji(c)) {
            total += kEmojiWeight;
            anything = true;
            ++i;
        } else {
            const qsizetype j = std::max(runEnd(i, isSymbol), i + 1);
            total += double(ceilDiv(j - i, kSymbolsPerToken));
            anything = true;
            i = j;
        }
    }
    const auto rounded = static_cast<qint64>(std::llround(total));
    return anything ? std::max<qint64>(1, rounded) : rounded;
}

qint64 estimateImageTokens(int width, int height, const QString& detail)
{
    // Seed 视觉理解, token 用量说明 and 控制图片理解的精细度 (doubao-1.5-vision and later, which is what
    // the app talks to): the image is scaled (keeping its aspect) into [min_pixels, max_pixels],
    // then tokens = min(width × height ÷ 784, per-image cap), rounded to the nearest token
    // (1280×720 → 1176, 1920×1080 → 2645 before the cap). `detail` low (the default; "auto" means
    // low for these models): max_pixels 1,048,576, cap 1312. high: max_pixels 4,014,080, cap 5120.
    if (width <= 0 || height <= 0)
        return -1;
    const bool high = detail.trimmed().compare(QLatin1String("high"), Qt::CaseInsensitive) == 0;
    const qint64 minPixels = 3136;
    const qint64 maxPixels = high ? 4014080 : 1048576;
    const qint64 cap = high ? 5120 : 1312;
    const qint64 pixels = std::clamp(qint64(width) * qint64(height), minPixels, maxPixels);
    return std::min((pixels + 392) / 784, cap);
}

qint64 estimateVideoTokens(double durationSeconds, double fps, int width, int height)
{
    // Seed 视觉理解, 视频理解 用量说明: frames = duration × fps (fps 0.2..5, default 1); each frame is
    // compressed to between 128 and 640 tokens so that one video costs 10k..80k tokens: over 640
    // frames, 640 frames of 128 tokens are sampled; under 16 frames, 16 frames of 640 tokens. In
    // between, our reading: each frame gets min(its own size ÷ 784, 81,920 ÷ frames) tokens, kept
    // within [128, 640]. Without a frame size the per-frame budget alone decides.
    if (!(durationSeconds > 0) || !std::isfinite(durationSeconds))
        return -1;
    if (!(fps > 0) || !std::isfinite(fps))
        fps = 1.0;
    fps = std::clamp(fps, 0.2, 5.0);
    constexpr qint64 kMaxVideoTokens = 80 * 1024;
    constexpr qint64 kMinFrameTokens = 128;
    constexpr qint64 kMaxFrameTokens = 640;
    const double frameCount = std::ceil(durationSeconds * fps - 1e-9);
    if (frameCount > double(kMaxVideoTokens / kMinFrameTokens))
        return kMaxVideoTokens;                           // 640 frames × 128
    const qint64 minFrames = 10 * 1024 / kMaxFrameTokens; // 16
    const qint64 frames = std::max<qint64>(static_cast<qint64>(frameCount), 1);
    if (frames < minFrames)
        return minFrames * kMaxFrameTokens; // 16 frames × 640
    qint64 perFrame = kMaxVideoTokens / frames;
    if (width > 0 && height > 0)
        perFrame = std::min(perFrame, (qint64(width) * qint64(height) + 392) / 784);
    perFrame = std::clamp(perFrame, kMinFrameTokens, kMaxFrameTokens);
    return frames * perFrame;
}

} // namespace ark::pricing
