#include "ModelsCommand.h"

#include "CliOptions.h"
#include "catalog/Catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace ark::cli {

namespace {

using catalog::Catalog;
using catalog::LifecycleState;
using catalog::LifecycleStatus;
using catalog::ModelInfo;

const QString kModelsUsage = QStringLiteral(
    "usage: ark-workbench-cli models [--provider P] [--at DATE] [--all] [--json]\n"
    "  Lists the models of the bundled catalog with their lifecycle state.\n"
    "  --provider P  only provider P: volcengine-ark (or ark), anthropic, krea\n"
    "  --at DATE     the state at DATE instead of now. YYYY-MM-DD is the start (00:00) of that day in\n"
    "                the zone the provider publishes its dates in: UTC+8 for volcengine-ark, UTC for\n"
    "                anthropic and krea. So a model whose retirement is announced for that day counts\n"
    "                as retired if the announcement has no time of day, and as before it otherwise\n"
    "                (Ark batch 5 retires at 2025-11-27 14:00 UTC+8). An ISO 8601 date-time with an\n"
    "                offset (2025-11-27T14:00:00+08:00) is one exact instant for every provider.\n"
    "  --all         also list retired models (hidden by default)\n"
    "  --json        a JSON array of {id, provider, kind, state, notice, eom, eos, replacement,\n"
    "                auto_replaced, auto_replacement, description}; dates are ISO 8601 with their\n"
    "                published offset, null when there is none\n");

int usageError(const QString& message)
{
    writeErr(QStringLiteral("error: %1\n\n").arg(message));
    writeErr(kModelsUsage);
    return ExitUsage;
}

// When the models are evaluated: either one instant, or one calendar day read in each provider's zone.
struct Moment
{
    QDateTime instant; // valid: this instant for every model
    QDate day;         // valid: 00:00 of this day in the provider's announcement zone

    QDateTime forProvider(const Catalog& catalog, const QString& providerId) const
    {
        if (instant.isValid())
            return instant;
        const catalog::ProviderInfo* provider = catalog.provider(providerId);
        return QDateTime(day, QTime(0, 0), Qt::OffsetFromUTC, provider ? provider->dateUtcOffsetSeconds : 0);
    }
};

std::optional<Moment> parseMoment(const QString& text)
{
    static const QRegularExpression datePattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression dateTimePattern(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})$"));
    Moment moment;
    if (datePattern.match(text).hasMatch()) {
        moment.day = QDate::fromString(text, Qt::ISODate);
        if (!moment.day.isValid())
            return std::nullopt;
        return moment;
    }
    if (dateTimePattern.match(text).hasMatch()) {
        moment.instant = QDateTime::fromString(text, Qt::ISODate);
        if (!moment.instant.isValid())
            return std::nullopt;
        return moment;
    }
    return std::nullopt;
}

// ISO 8601 in the zone the date was published in, always with a numeric offset ("+00:00", not "Z").
QJsonValue isoOrNull(const QDateTime& dateTime)
{
    if (!dateTime.isValid())
        return QJsonValue::Null;
    const int offset = dateTime.offsetFromUtc();
    const QDateTime local = dateTime.toOffsetFromUtc(offset);
    QString text = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    const int minutes = std::abs(offset) / 60;
    text += offset < 0 ? QLatin1Char('-') : QLatin1Char('+');
    text += QStringLiteral("%1:%2")
                .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return text;
}

QJsonValue stringOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

struct Row
{
    const ModelInfo* model = nullptr;
    LifecycleStatus status;
    QString description;
    bool plain = false; // the description only repeats the state ("active")
};

QString padded(const QString& text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '));
}

void printTable(const std::vector<Row>& rows)
{
    int idWidth = 2;
    int providerWidth = 8;
    int kindWidth = 4;
    int stateWidth = 5;
    for (const Row& row : rows) {
        idWidth = std::max(idWidth, int(row.model->id.size()));
        providerWidth = std::max(providerWidth, int(row.model->provider.size()));
        kindWidth = std::max(kindWidth, int(catalog::kindId(row.model->kind).size()));
        stateWidth = std::max(stateWidth, int(catalog::stateId(row.status.state).size()));
    }
    const auto line = [&](const QString& id, const QString& provider, const QString& kind,
                          const QString& state, const QString& details) {
        const QString text = padded(id, idWidth) + QStringLiteral("  ") + padded(provider, providerWidth) +
                             QStringLiteral("  ") + padded(kind, kindWidth) + QStringLiteral("  ") +
                             padded(state, stateWidth) + QStringLiteral("  ") + details;
        return text.trimmed() + QLatin1Char('\n'); // no trailing blanks on rows without details
    };
    QString all = line(QStringLiteral("ID"), QStringLiteral("PROVIDER"), QStringLiteral("KIND"),
                       QStringLiteral("STATE"), QStringLiteral("DETAILS"));
    for (const Row& row : rows)
        all += line(row.model->id, row.model->provider, catalog::kindId(row.model->kind),
                    catalog::stateId(row.status.state), row.plain ? QString() : row.description);
    writeOut(all);
}

void printJson(const std::vector<Row>& rows)
{
    QJsonArray array;
    for (const Row& row : rows) {
        const LifecycleStatus& s = row.status;
        QJsonObject object;
        object.insert(QStringLiteral("id"), row.model->id);
        object.insert(QStringLiteral("provider"), row.model->provider);
        object.insert(QStringLiteral("kind"), catalog::kindId(row.model->kind));
        object.insert(QStringLiteral("state"), catalog::stateId(s.state));
        object.insert(QStringLiteral("notice"), isoOrNull(s.notice));
        object.insert(QStringLiteral("eom"), isoOrNull(s.eom));
        object.insert(QStringLiteral("eos"), isoOrNull(s.eos));
        object.insert(QStringLiteral("replacement"), stringOrNull(s.replacement));
        object.insert(QStringLiteral("auto_replaced"), s.autoReplaced);
        object.insert(QStringLiteral("auto_replacement"),
                      stringOrNull(s.autoReplaced ? s.autoReplacement : QString()));
        object.insert(QStringLiteral("description"), row.description);
        array.append(object);
    }
    writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

} // namespace

int runModels(const QStringList& args)
{
    QString providerFilter;
    std::optional<Moment> moment;
    bool all = false;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        QString value;
        const auto takeValue = [&](const QString& name) -> bool {
            if (arg == name) {
                if (i + 1 >= args.size())
                    return false;
                value = args.at(++i);
                return true;
            }
            value = arg.mid(name.size() + 1);
            return true;
        };
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            writeOut(kModelsUsage);
            return ExitOk;
        }
        if (arg == QLatin1String("--all")) {
            all = true;
        } else if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--provider") || arg.startsWith(QLatin1String("--provider="))) {
            if (!takeValue(QStringLiteral("--provider")))
                return usageError(QStringLiteral("--provider needs a provider id"));
            providerFilter = value;
        } else if (arg == QLatin1String("--at") || arg.startsWith(QLatin1String("--at="))) {
            if (!takeValue(QStringLiteral("--at")))
                return usageError(QStringLiteral("--at needs a date (YYYY-MM-DD)"));
            moment = parseMoment(value);
            if (!moment)
                return usageError(
                    QStringLiteral("invalid date '%1': use YYYY-MM-DD, or an ISO 8601 date-time "
                                   "with an offset such as 2025-11-27T14:00:00+08:00")
                        .arg(value));
        } else {
            return usageError(QStringLiteral("unexpected argument '%1'").arg(arg));
        }
    }

    const std::shared_ptr<const Catalog> catalog = Catalog::bundled();
    if (providerFilter == QLatin1String("ark"))
        providerFilter = QStringLiteral("volcengine-ark");
    if (!providerFilter.isEmpty() && !catalog->provider(providerFilter)) {
        QStringList known;
        for (const catalog::ProviderInfo& provider : catalog->providers())
            known.append(provider.id);
        return usageError(QStringLiteral("unknown provider '%1': use one of %2")
                              .arg(providerFilter, known.join(QStringLiteral(", "))));
    }
    if (!moment)
        moment = Moment{QDateTime::currentDateTimeUtc(), {}};

    std::vector<Row> rows;
    for (const ModelInfo& model : catalog->models()) {
        if (!providerFilter.isEmpty() && model.provider != providerFilter)
            continue;
        const QDateTime now = moment->forProvider(*catalog, model.provider);
        Row row{&model, catalog->statusAt(model.id, now), {}};
        if (row.status.state == LifecycleState::Retired && !all)
            continue;
        row.description = catalog::describeStatus(row.status, now);
        LifecycleStatus bare;
        bare.state = row.status.state;
        row.plain = row.description == catalog::describeStatus(bare, now);
        rows.push_back(std::move(row));
    }
    if (json)
        printJson(rows);
    else
        printTable(rows);
    return ExitOk;
}

QString lifecycleWarning(const catalog::Catalog& catalog, const QString& modelId, const QDateTime& now)
{
    const ModelInfo* model = catalog.find(modelId);
    if (!model)
        return {};
    const LifecycleStatus s = catalog.statusAt(modelId, now);
    const QString id = model->id;
    const QString recommended = s.replacement.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" Recommended replacement: %1.").arg(s.replacement);
    const QString retires =
        s.eos.isValid() ? QStringLiteral("; it retires on %1").arg(catalog::formatInZone(s.eos)) : QString();
    switch (s.state) {
    case LifecycleState::Deprecated:
        return QStringLiteral("warning: model %1 is deprecated%2.%3\n").arg(id, retires, recommended);
    case LifecycleState::EndOfSale:
        return QStringLiteral("warning: model %1 is past its end of sale (%2): no new endpoints%3.%4\n")
            .arg(id, catalog::formatInZone(s.eom), retires, recommended);
    case LifecycleState::Retired:
        if (s.autoReplaced && !s.autoReplacement.isEmpty())
            return QStringLiteral("warning: model %1 was retired on %2; requests are now served by %3.%4\n")
                .arg(id, catalog::formatInZone(s.eos), s.autoReplacement,
                     s.replacement == s.autoReplacement ? QString() : recommended);
        return QStringLiteral("warning: model %1 was retired on %2; requests to it fail.%3\n")
            .arg(id, catalog::formatInZone(s.eos), recommended);
    default:
        return {};
    }
}

} // namespace ark::cli
