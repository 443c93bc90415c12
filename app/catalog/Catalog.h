// The model catalog: every model the app knows, its capabilities, limits, prices and lifecycle.
// Bundled as resources/catalog/catalog.json (format: resources/catalog/FORMAT.md), optionally
// replaced by a newer file the person imports. Loading is a pure function of the bytes, so the GUI
// can load it off the UI thread; nothing here includes widgets.
#pragma once

#include "catalog/Lifecycle.h"
#include "catalog/VideoCapabilities.h"
#include "pricing/PriceTable.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace ark::catalog {

enum class ModelKind {
    Chat,
    Reasoning,
    VisionChat,
    VideoGeneration,
    ImageGeneration,
    Embedding,
    Other,
};
QString kindId(ModelKind kind);          // "chat", "reasoning", "vision", "video-generation"...
QString kindDisplayName(ModelKind kind); // translated
std::optional<ModelKind> kindFromId(const QString& id);

struct Capabilities
{
    bool textInput = true;
    bool imageInput = false;
    bool videoInput = false;
    bool tools = false;
    bool toolChoice = false;
    bool parallelToolCalls = false;
    bool structuredOutput = false;
    bool maxCompletionTokens = false; // accepts max_completion_tokens
    QStringList thinkingModes;        // subset of "enabled", "disabled", "auto"; empty = no control
    QString thinkingDefault;          // "" when unknown
    bool alwaysThinks = false;        // reasons on every request and has no thinking control
    bool supportsThinking() const { return !thinkingModes.isEmpty(); }
};

struct ModelInfo
{
    QString id;          // canonical API model id ("doubao-seed-1-6-250615")
    QStringList aliases; // other spellings the docs use ("doubao-seed-1.6-250615")
    QString displayName;
    QString provider; // provider id: "volcengine-ark", "anthropic", "krea"
    QString family;
    ModelKind kind = ModelKind::Chat;
    qint64 contextWindow = 0;   // 0 = unknown
    qint64 maxInputTokens = 0;  // 0 = unknown
    qint64 maxOutputTokens = 0; // 0 = unknown
    qint64 maxReasoningTokens = 0;
    qint64 maxCompletionTokens = 0;
    Capabilities capabilities;
    // What a video generation model accepts (its "video" object); empty when the catalog does not say
    // (use VideoCapabilities::forModel, which falls back to every documented value).
    std::optional<VideoCapabilities> video;
    pricing::PriceTable prices;
    LifecycleInfo lifecycle;
    bool external = false; // only named as a replacement; not described by the catalog
};

struct ProviderInfo
{
    QString id;
    QString displayName;
    QString defaultBaseUrl;       // "" when the app cannot call it
    QString currency;             // of its prices ("CNY"); "" when unknown
    int dateUtcOffsetSeconds = 0; // the zone of the provider's date-only announcements (Ark: UTC+8)
};

class Catalog
{
public:
    // Parses and validates. Structural errors (not JSON, wrong schema version) give a null catalog;
    // content problems (broken replacement references, impossible dates) are listed in `problems`
    // and the rest of the catalog still loads. Unknown fields are tolerated.
    static std::shared_ptr<const Catalog> fromJson(const QByteArray& json, QStringList* problems = nullptr);
    // The catalog built into the binary (":/catalog/catalog.json"); never null.
    static std::shared_ptr<const Catalog> bundled();

    int schemaVersion() const { return m_schemaVersion; }
    QString version() const { return m_version; } // the catalog's own version ("2025-09-15.1")
    const std::vector<ModelInfo>& models() const { return m_models; }
    const std::vector<ProviderInfo>& providers() const { return m_providers; }

    // Matches ids the way the docs write them: case-insensitive, "." and "-" and "/" alike
    // ("doubao-seed-1.6-250615" finds "doubao-seed-1-6-250615"). nullptr when unknown.
    const ModelInfo* find(const QString& modelId) const;
    static QString normalizedId(const QString& modelId);

    // Lifecycle of a model at `now` (an unknown id gives LifecycleState::Unknown). Replacements are
    // followed while they are themselves retired at `now` (web-intent 1.0 -> browsing-240828 ->
    // browsing-241115 -> doubao-seed-1-6-251015), so the status names a model that still serves.
    LifecycleStatus statusAt(const QString& modelId, const QDateTime& now) const;

    const ProviderInfo* provider(const QString& providerId) const; // nullptr when unknown

    static constexpr int kSchemaVersion = 1; // the format this build reads (FORMAT.md)

private:
    QString followReplacements(const QString& start, const QDateTime& now, bool autoOnly,
                               bool* stillAuto) const;

    int m_schemaVersion = 0;
    QString m_version;
    std::vector<ModelInfo> m_models;
    std::vector<ProviderInfo> m_providers;
    QHash<QString, int> m_index; // normalizedId -> row in m_models (ids and aliases)
};

// What a newer catalog changes, shown before the person accepts an import.
struct CatalogDiff
{
    QStringList added;               // ids
    QStringList removed;             // ids
    QStringList newlyDeprecated;     // ids with a notice/EOM/EOS date they did not have
    QStringList datesMoved;          // ids whose notice/EOM/EOS dates changed
    QStringList pricesChanged;       // ids
    QStringList videoOptionsChanged; // ids whose video generation options changed
    bool isEmpty() const;
    QString summary() const; // translated, one line per change kind
};
CatalogDiff diffCatalogs(const Catalog& before, const Catalog& after);

} // namespace ark::catalog
