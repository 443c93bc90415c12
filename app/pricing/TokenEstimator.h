// The offline token estimate used when the tokenization API cannot be asked. Its method and its
// measured error against exact counts are documented in app/pricing/ESTIMATES.md.
#pragma once

#include <QString>
#include <QtGlobal>

namespace ark::pricing {

// Text: counts CJK characters, words, digits and punctuation separately with weights fitted to
// Doubao's tokenizer; always labelled "≈" by callers.
qint64 estimateTextTokens(const QString& text);

// Images, per the vision docs' rule (seed 视觉理解): tokens from the pixel size after the `detail`
// setting's scaling ("low", "high", "auto"). -1 when the size is unknown.
qint64 estimateImageTokens(int width, int height, const QString& detail);

// Videos, from duration and sampling fps where the docs give a rule; -1 = unknown.
qint64 estimateVideoTokens(double durationSeconds, double fps, int width, int height);

} // namespace ark::pricing
