#include "Catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace ark::catalog {

namespace {

void report(QStringList* problems, const QString& text)
{
    if (problems)
        problems->append(text);
}

qint64 tokens(const QJsonObject& object, const char* key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isDouble() ? qint64(value.toDouble()) : 0;
}

QStringList strings(const QJsonValue& value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array) {
        if (item.isString())
            out.append(item.toString());
    }
    return out;
}

// "+08:00" -> 28800; "" or malformed -> 0 (UTC).
int parseOffset(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^([+-])(\\d{2}):(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return 0;
    const int seconds = match.captured(2).toInt() * 3600 + match.captured(3).toInt() * 60;
    return match.captured(1) == QLatin1String("-") ? -seconds : seconds;
}

// One lifecycle date: {"at": "2025-11-27T14:00:00+08:00", ...}. The offset is mandatory: an
// instant without a zone cannot be compared with "now". A missing offset is reported and read in the
// provider's announcement zone, so the model still gets a date.
QDateTime parseDate(const QJsonValue& value, const QString& what, const QString& modelId, int fallbackOffset,
                    QStringList* problems)
{
    if (value.isNull() || value.isUndefined())
        return {};
    const QString text = value.toObject().value(QLatin1String("at")).toString();
    static const QRegularExpression withOffset(QStringLiteral("(Z|[+-]\\d{2}:\\d{2})$"));
    QDateTime dateTime = QDateTime::fromString(text, Qt::ISODate);
    if (!dateTime.isValid()) {
        report(problems, QCoreApplication::translate("ark::catalog",
                                                     "%1: the %2 date \"%3\" is not an ISO 8601 date-time")
                             .arg(modelId, what, text));
        return {};
    }
    if (!withOffset.match(text).hasMatch()) {
        report(problems,
               QCoreApplication::translate("ark::catalog", "%1: the %2 date \"%3\" has no UTC offset")
                   .arg(modelId, what, text));
        dateTime = QDateTime(dateTime.date(), dateTime.time(), Qt::OffsetFromUTC, fallbackOffset);
    }
    return dateTime;
}

Capabilities parseCapabilities(const QJsonValue& value)
{
    Capabilities caps;
    if (!value.isObject())
        return caps; // unknown: text in, text out, nothing else promised
    const QJsonObject object = value.toObject();
    caps.textInput = object.value(QLatin1String("text_input")).toBool(true);
    caps.imageInput = object.value(QLatin1String("image_input")).toBool();
    caps.videoInput = object.value(QLatin1String("video_input")).toBool();
    caps.tools = object.value(QLatin1String("tools")).toBool();
    caps.toolChoice = object.value(QLatin1String("tool_choice")).toBool();
    caps.parallelToolCalls = object.value(QLatin1String("parallel_tool_calls")).toBool();
    caps.structuredOutput = object.value(QLatin1String("structured_output")).toBool();
    caps.maxCompletionTokens = object.value(QLatin1String("max_completion_tokens")).toBool();
    const QJsonObject thinking = object.value(QLatin1String("thinking")).toObject();
    static const QStringList known = {QStringLiteral("enabled"), QStringLiteral("disabled"),
                                      QStringLiteral("auto")};
    for (const QString& mode : strings(thinking.value(QLatin1String("modes")))) {
        if (known.contains(mode) && !caps.thinkingModes.contains(mode))
            caps.thinkingModes.append(mode);
    }
    caps.thinkingDefault = thinking.value(QLatin1String("default")).toString();
    caps.alwaysThinks = thinking.value(QLatin1String("always")).toBool();
    return caps;
}

// A model's "video" object (FORMAT.md, "Video generation"). Absent or null: the catalog does not say.
// A malformed one is reported and left out, so the model gets the documented defaults.
void parseVideo(const QJsonValue& value, ModelInfo& model, QStringList* problems)
{
    if (value.isUndefined() || value.isNull())
        return;
    QStringList found;
    model.video = VideoCapabilities::fromJson(value, &found);
    for (const QString& problem : std::as_const(found))
        report(problems, QStringLiteral("%1: %2").arg(model.id, problem));
    // The capabilities are the authority on input kinds (VideoCapabilities::forModel drops the frames);
    // a file that says both is contradicting itself.
    if (model.video && model.video->firstFrame && !model.capabilities.imageInput)
        report(problems,
               QCoreApplication::translate("ark::catalog", "%1: the video object offers frames, but the "
                                                           "capabilities say the model takes no image input")
                   .arg(model.id));
}

LifecycleInfo parseLifecycle(const QJsonObject& object, const QString& modelId, int offset,
                             QStringList* problems)
{
    LifecycleInfo info;
    info.notice =
        parseDate(object.value(QLatin1String("notice")), QStringLiteral("notice"), modelId, offset, problems);
    info.eom =
        parseDate(object.value(QLatin1String("eom")), QStringLiteral("EOM"), modelId, offset, problems);
    info.eos =
        parseDate(object.value(QLatin1String("eos")), QStringLiteral("EOS"), modelId, offset, problems);
    info.earliestRetirement = parseDate(object.value(QLatin1String("earliest_retirement")),
                                        QStringLiteral("earliest retirement"), modelId, offset, problems);
    info.eosTentative =
        object.value(QLatin1String("eos")).toObject().value(QLatin1String("tentative")).toBool();
    info.legacy = object.value(QLatin1String("legacy")).toBool();
    info.unknown = object.value(QLatin1String("unknown")).toBool();
    info.replacement = object.value(QLatin1String("replacement")).toString();
    info.replacementExternal = object.value(QLatin1String("replacement_external")).toBool();
    info.alternatives = strings(object.value(QLatin1String("alternatives")));
    const QString atEos = object.value(QLatin1String("at_eos")).toString();
    // "replace_not_forced" (Ark embeddings, seed 000 lines 144-145) names a successor without
    // switching endpoints to it: calls are not served by it.
    info.autoReplacedAtEos = atEos == QLatin1String("replace");
    info.autoReplacement = object.value(QLatin1String("auto_replacement")).toString();
    if (info.autoReplacement == info.replacement)
        info.autoReplacement.clear();
    info.reason = object.value(QLatin1String("reason")).toString();
    info.source = object.value(QLatin1String("source")).toString();
    return info;
}

void checkDates(const ModelInfo& model, QStringList* problems)
{
    const LifecycleInfo& l = model.lifecycle;
    if (l.notice.isValid() && l.eom.isValid() && l.eom < l.notice)
        report(problems, QCoreApplication::translate("ark::catalog",
                                                     "%1: end of sale (%2) comes before the notice (%3)")
                             .arg(model.id, formatInZone(l.eom), formatInZone(l.notice)));
    if (l.eom.isValid() && l.eos.isValid() && l.eos < l.eom)
        report(problems, QCoreApplication::translate("ark::catalog",
                                                     "%1: end of service (%2) comes before end of sale (%3)")
                             .arg(model.id, formatInZone(l.eos), formatInZone(l.eom)));
    if (l.notice.isValid() && l.eos.isValid() && l.eos < l.notice)
        report(problems, QCoreApplication::translate("ark::catalog",
                                                     "%1: end of service (%2) comes before the notice (%3)")
                             .arg(model.id, formatInZone(l.eos), formatInZone(l.notice)));
}

} // namespace

QString kindId(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Chat:
        return QStringLiteral("chat");
    case ModelKind::Reasoning:
        return QStringLiteral("reasoning");
    case ModelKind::VisionChat:
        return QStringLiteral("vision");
    case ModelKind::VideoGeneration:
        return QStringLiteral("video-generation");
    case ModelKind::ImageGeneration:
        return QStringLiteral("image-generation");
    case ModelKind::Embedding:
        return QStringLiteral("embedding");
    case ModelKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QString kindDisplayName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Chat:
        return QCoreApplication::translate("ark::catalog", "Chat");
    case ModelKind::Reasoning:
        return QCoreApplication::translate("ark::catalog", "Reasoning");
    case ModelKind::VisionChat:
        return QCoreApplication::translate("ark::catalog", "Vision");
    case ModelKind::VideoGeneration:
        return QCoreApplication::translate("ark::catalog", "Video generation");
    case ModelKind::ImageGeneration:
        return QCoreApplication::translate("ark::catalog", "Image generation");
    case ModelKind::Embedding:
        return QCoreApplication::translate("ark::catalog", "Embedding");
    case ModelKind::Other:
        return QCoreApplication::translate("ark::catalog", "Other");
    }
    return QCoreApplication::translate("ark::catalog", "Other");
}

std::optional<ModelKind> kindFromId(const QString& id)
{
    const QString key = id.trimmed().toLower();
    for (ModelKind kind :
         {ModelKind::Chat, ModelKind::Reasoning, ModelKind::VisionChat, ModelKind::VideoGeneration,
          ModelKind::ImageGeneration, ModelKind::Embedding, ModelKind::Other}) {
        if (kindId(kind) == key)
            return kind;
    }
    if (key == QLatin1String("vision-chat")) // the spelling of catalog-reference.json
        return ModelKind::VisionChat;
    return std::nullopt;
}

std::shared_ptr<const Catalog> Catalog::fromJson(const QByteArray& json, QStringList* problems)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        report(problems, QCoreApplication::translate("ark::catalog", "the catalog is not a JSON object: %1")
                             .arg(error.errorString()));
        return {};
    }
    const QJsonObject root = document.object();
    const int schema = root.value(QLatin1String("schema_version")).toInt(-1);
    if (schema != kSchemaVersion) {
        report(problems,
               QCoreApplication::translate(
                   "ark::catalog", "the catalog has schema version %1; this version of the app reads %2")
                   .arg(schema)
                   .arg(kSchemaVersion));
        return {};
    }
    if (!root.value(QLatin1String("models")).isArray()) {
        report(problems, QCoreApplication::translate("ark::catalog", "the catalog has no \"models\" array"));
        return {};
    }

    auto catalog = std::make_shared<Catalog>();
    catalog->m_schemaVersion = schema;
    catalog->m_version = root.value(QLatin1String("version")).toString();

    const QJsonArray providers = root.value(QLatin1String("providers")).toArray();
    for (const QJsonValue& value : providers) {
        const QJsonObject object = value.toObject();
        ProviderInfo provider;
        provider.id = object.value(QLatin1String("id")).toString();
        if (provider.id.isEmpty()) {
            report(problems, QCoreApplication::translate("ark::catalog", "a provider has no id"));
            continue;
        }
        provider.displayName = object.value(QLatin1String("display_name")).toString(provider.id);
        provider.defaultBaseUrl = object.value(QLatin1String("default_base_url")).toString();
        provider.currency = object.value(QLatin1String("currency")).toString();
        provider.dateUtcOffsetSeconds =
            parseOffset(object.value(QLatin1String("date_utc_offset")).toString());
        catalog->m_providers.push_back(provider);
    }

    const QJsonArray models = root.value(QLatin1String("models")).toArray();
    catalog->m_models.reserve(size_t(models.size()));
    for (const QJsonValue& value : models) {
        const QJsonObject object = value.toObject();
        ModelInfo model;
        model.id = object.value(QLatin1String("id")).toString();
        if (model.id.trimmed().isEmpty()) {
            report(problems, QCoreApplication::translate("ark::catalog", "a model has no id"));
            continue;
        }
        model.aliases = strings(object.value(QLatin1String("aliases")));
        model.displayName = object.value(QLatin1String("display_name")).toString(model.id);
        model.provider = object.value(QLatin1String("provider")).toString();
        model.family = object.value(QLatin1String("family")).toString();
        // A kind this build does not know (or null: not stated) still loads, as Other.
        model.kind = kindFromId(object.value(QLatin1String("kind")).toString()).value_or(ModelKind::Other);
        model.external = object.value(QLatin1String("external")).toBool();

        const QJsonObject limits = object.value(QLatin1String("limits")).toObject();
        model.contextWindow = tokens(limits, "context_window");
        model.maxInputTokens = tokens(limits, "max_input");
        model.maxOutputTokens = tokens(limits, "max_output");
        model.maxReasoningTokens = tokens(limits, "max_reasoning");
        model.maxCompletionTokens = tokens(limits, "max_completion_tokens");
        model.capabilities = parseCapabilities(object.value(QLatin1String("capabilities")));
        parseVideo(object.value(QLatin1String("video")), model, problems);

        const QJsonValue pricing = object.value(QLatin1String("pricing"));
        if (pricing.isObject()) {
            QString priceError;
            model.prices = pricing::PriceTable::fromJson(pricing.toObject(), &priceError);
            if (!priceError.isEmpty())
                report(
                    problems,
                    QCoreApplication::translate("ark::catalog", "%1: pricing: %2").arg(model.id, priceError));
        }

        const ProviderInfo* provider = catalog->provider(model.provider);
        if (!provider)
            report(problems, QCoreApplication::translate("ark::catalog", "%1: unknown provider \"%2\"")
                                 .arg(model.id, model.provider));
        const int offset = provider ? provider->dateUtcOffsetSeconds : 0;
        model.lifecycle =
            parseLifecycle(object.value(QLatin1String("lifecycle")).toObject(), model.id, offset, problems);
        if (model.external)
            model.lifecycle.unknown = true;
        checkDates(model, problems);

        const QString idKey = normalizedId(model.id);
        if (const ModelInfo* twin = catalog->find(model.id)) {
            // A second entry for the same id: the first one stays.
            report(problems, QCoreApplication::translate("ark::catalog", "%1: listed twice (also as %2)")
                                 .arg(model.id, twin->id));
            continue;
        }
        const int row = int(catalog->m_models.size());
        catalog->m_index.insert(idKey, row);
        for (const QString& alias : std::as_const(model.aliases)) {
            const QString key = normalizedId(alias);
            const auto existing = catalog->m_index.constFind(key);
            if (existing == catalog->m_index.constEnd())
                catalog->m_index.insert(key, row);
            else if (*existing != row)
                report(problems,
                       QCoreApplication::translate("ark::catalog", "%1: the alias \"%2\" also names %3")
                           .arg(model.id, alias, catalog->m_models[size_t(*existing)].id));
        }
        catalog->m_models.push_back(std::move(model));
    }

    // References are checked once every entry is known: a replacement may come later in the file.
    for (const ModelInfo& model : catalog->m_models) {
        const LifecycleInfo& l = model.lifecycle;
        const auto checkReference = [&](const QString& target, const char* role, bool external) {
            if (target.isEmpty())
                return;
            const ModelInfo* found = catalog->find(target);
            if (found == &model)
                report(problems,
                       QCoreApplication::translate("ark::catalog", "%1: the %2 names the model itself")
                           .arg(model.id, QLatin1String(role)));
            else if (!found && !external)
                report(problems,
                       QCoreApplication::translate("ark::catalog", "%1: the %2 \"%3\" is not in the catalog")
                           .arg(model.id, QLatin1String(role), target));
        };
        checkReference(l.replacement, "replacement", l.replacementExternal);
        checkReference(l.autoReplacement, "automatic replacement", l.replacementExternal);
        for (const QString& alternative : l.alternatives)
            checkReference(alternative, "alternative", false);
    }
    return catalog;
}

std::shared_ptr<const Catalog> Catalog::bundled()
{
    // Parsed once, on first use (a function-local static is initialised thread-safely).
    static const std::shared_ptr<const Catalog> instance = [] {
        QFile file(QStringLiteral(":/catalog/catalog.json"));
        std::shared_ptr<const Catalog> catalog;
        if (file.open(QIODevice::ReadOnly))
            catalog = fromJson(file.readAll());
        if (!catalog) {
            qWarning("ark::catalog: the bundled catalog could not be read");
            catalog = std::make_shared<const Catalog>();
        }
        return catalog;
    }();
    return instance;
}

const ModelInfo* Catalog::find(const QString& modelId) const
{
    const auto it = m_index.constFind(normalizedId(modelId));
    return it == m_index.constEnd() ? nullptr : &m_models[size_t(*it)];
}

QString Catalog::normalizedId(const QString& modelId)
{
    // "doubao-Seed-1.6-flash-250615", "doubao-pro-32k/character-241215" and "skylark2-pro-4k 1.2-1.3"
    // are written the way the docs write them; the API ids use lowercase and hyphens.
    static const QRegularExpression separators(QStringLiteral("[\\s./_\\-]+"));
    QString key = modelId.trimmed().toLower();
    key.replace(separators, QStringLiteral("-"));
    while (key.startsWith(QLatin1Char('-')))
        key.remove(0, 1);
    while (key.endsWith(QLatin1Char('-')))
        key.chop(1);
    return key;
}

const ProviderInfo* Catalog::provider(const QString& providerId) const
{
    const auto it = std::find_if(m_providers.begin(), m_providers.end(),
                                 [&providerId](const ProviderInfo& p) { return p.id == providerId; });
    return it == m_providers.end() ? nullptr : &*it;
}

QString Catalog::followReplacements(const QString& start, const QDateTime& now, bool autoOnly,
                                    bool* stillAuto) const
{
    QString current = start;
    // Bounded by the number of models: a cycle in an imported catalog cannot hang the app.
    for (size_t hop = 0; hop <= m_models.size(); ++hop) {
        const ModelInfo* model = find(current);
        if (!model)
            return current; // external: nothing more is known
        current = model->id;
        const LifecycleStatus status = lifecycleAt(model->lifecycle, now);
        if (status.state != LifecycleState::Retired)
            return current;
        QString next;
        if (autoOnly) {
            if (!status.autoReplaced) {
                // The switched-to model was itself shut down later: calls fail after all.
                if (stillAuto)
                    *stillAuto = false;
                return current;
            }
            next = status.autoReplacement;
        } else {
            next = !model->lifecycle.replacement.isEmpty() ? model->lifecycle.replacement
                                                           : status.autoReplacement;
        }
        if (next.isEmpty())
            return current;
        current = next;
    }
    return current;
}

LifecycleStatus Catalog::statusAt(const QString& modelId, const QDateTime& now) const
{
    const ModelInfo* model = find(modelId);
    if (!model)
        return {};
    LifecycleStatus status = lifecycleAt(model->lifecycle, now);
    if (status.state == LifecycleState::Unknown)
        return status;
    if (!status.replacement.isEmpty())
        status.replacement = followReplacements(status.replacement, now, false, nullptr);
    if (status.autoReplaced) {
        bool stillAuto = true;
        const QString target = followReplacements(status.autoReplacement, now, true, &stillAuto);
        status.autoReplaced = stillAuto;
        status.autoReplacement = stillAuto ? target : QString();
    }
    return status;
}

bool CatalogDiff::isEmpty() const
{
    return added.isEmpty() && removed.isEmpty() && newlyDeprecated.isEmpty() && datesMoved.isEmpty() &&
           pricesChanged.isEmpty() && videoOptionsChanged.isEmpty();
}

QString CatalogDiff::summary() const
{
    if (isEmpty())
        return QCoreApplication::translate("ark::catalog", "No changes.");
    QStringList lines;
    const auto add = [&lines](const char* label, const QStringList& ids) {
        if (!ids.isEmpty())
            lines.append(QCoreApplication::translate("ark::catalog", label)
                             .arg(ids.size())
                             .arg(ids.join(QStringLiteral(", "))));
    };
    add(QT_TRANSLATE_NOOP("ark::catalog", "New models (%1): %2"), added);
    add(QT_TRANSLATE_NOOP("ark::catalog", "Removed models (%1): %2"), removed);
    add(QT_TRANSLATE_NOOP("ark::catalog", "Newly deprecated (%1): %2"), newlyDeprecated);
    add(QT_TRANSLATE_NOOP("ark::catalog", "Dates moved (%1): %2"), datesMoved);
    add(QT_TRANSLATE_NOOP("ark::catalog", "Prices changed (%1): %2"), pricesChanged);
    add(QT_TRANSLATE_NOOP("ark::catalog", "Video options changed (%1): %2"), videoOptionsChanged);
    return lines.join(QLatin1Char('\n'));
}

CatalogDiff diffCatalogs(const Catalog& before, const Catalog& after)
{
    CatalogDiff diff;
    for (const ModelInfo& model : after.models()) {
        const ModelInfo* old = before.find(model.id);
        if (!old) {
            diff.added.append(model.id);
            continue;
        }
        const LifecycleInfo& a = old->lifecycle;
        const LifecycleInfo& b = model.lifecycle;
        bool gained = false;
        bool moved = false;
        for (const auto& [was, is] :
             {std::pair{a.notice, b.notice}, std::pair{a.eom, b.eom}, std::pair{a.eos, b.eos}}) {
            if (!was.isValid() && is.isValid())
                gained = true;
            else if (was.isValid() && is.isValid() && was != is) // instants: a zone rewrite is no move
                moved = true;
        }
        const bool hadDates = a.notice.isValid() || a.eom.isValid() || a.eos.isValid();
        if (gained && !hadDates)
            diff.newlyDeprecated.append(model.id);
        else if (gained || moved)
            diff.datesMoved.append(model.id);
        if (old->prices.toJson() != model.prices.toJson())
            diff.pricesChanged.append(model.id);
        // What the video pane offers for the model (a catalog that stops describing it counts too).
        if (old->video.has_value() != model.video.has_value() ||
            (old->video && old->video->toJson() != model.video->toJson()))
            diff.videoOptionsChanged.append(model.id);
    }
    for (const ModelInfo& model : before.models()) {
        if (!after.find(model.id))
            diff.removed.append(model.id);
    }
    return diff;
}

} // namespace ark::catalog
