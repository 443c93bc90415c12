#include "ChatCommand.h"

#include "CliOptions.h"
#include "ModelsCommand.h"
#include "TokensCommand.h"
#include "api/ChatClient.h"
#include "catalog/Catalog.h"
#include "media/AttachmentStore.h"
#include "media/ImagePreparer.h"
#include "secrets/KeyStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>

namespace ark::cli {

namespace {

using nlohmann::json;

struct ChatOptions
{
    api::ChatRequest request;
    api::ClientConfig config;
    bool json = false;
    bool showReasoning = false;
};

std::string utf8(const QString& text)
{
    return text.toStdString();
}

json nullableString(const QString& text)
{
    return text.isEmpty() ? json(nullptr) : json(utf8(text));
}

QString isoOrText(const QDateTime& when, const QString& fallback)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : fallback;
}

json deprecationJson(const api::DeprecationNotice& notice)
{
    if (notice.isEmpty() && !notice.gone)
        return nullptr;
    return json{{"deprecated", notice.deprecated || notice.gone},
                {"sunset", nullableString(isoOrText(notice.sunset, notice.sunsetText))},
                {"link", nullableString(notice.link)},
                {"replacement", nullableString(notice.replacement)},
                {"migration_url", nullableString(notice.migrationUrl)}};
}

// The cost of the usage received, priced from the catalog: by the model the server says answered
// (an endpoint id resolves to it), else the requested one; null when no price is known.
json costJson(const api::ChatResult& result, const QString& requestedModel)
{
    if (!result.usage.present)
        return nullptr;
    QJsonObject cost = costJsonForUsage(result.model, result.usage);
    if (cost.isEmpty())
        cost = costJsonForUsage(requestedModel, result.usage);
    if (cost.isEmpty())
        return nullptr;
    return json::parse(QJsonDocument(cost).toJson(QJsonDocument::Compact).toStdString());
}

json resultJson(const api::ChatCall& call, const QString& requestedModel)
{
    const api::ChatResult result = call.result();
    json toolCalls = json::array();
    for (const api::ToolCall& toolCall : result.toolCalls)
        toolCalls.push_back({{"id", utf8(toolCall.id)},
                             {"name", utf8(toolCall.name)},
                             {"arguments", utf8(toolCall.arguments)}});
    const api::ApiError& error = call.error();
    json errorJson = nullptr;
    if (error.isError())
        errorJson = {{"kind", utf8(api::errorKindName(error.kind))},
                     {"status", error.httpStatus},
                     {"code", nullableString(error.code)},
                     {"message", utf8(error.humanMessage())}};
    return json{
        {"model", utf8(result.model.isEmpty() ? requestedModel : result.model)},
        {"request_id", nullableString(call.requestId().isEmpty() ? result.id : call.requestId())},
        {"content", utf8(result.content)},
        {"reasoning", utf8(result.reasoning)},
        {"tool_calls", toolCalls},
        {"finish_reason", nullableString(result.finishReason)},
        {"usage",
         {{"prompt_tokens", result.usage.promptTokens},
          {"completion_tokens", result.usage.completionTokens},
          {"total_tokens", result.usage.totalTokens},
          {"cached_tokens", result.usage.cachedTokens},
          {"reasoning_tokens", result.usage.reasoningTokens}}},
        {"timing",
         {{"ttft_ms", call.timeToFirstTokenMs() < 0 ? json(nullptr) : json(call.timeToFirstTokenMs())},
          {"total_ms", call.totalMs()}}},
        {"retries", call.retries()},
        {"partial", call.isPartial()},
        {"deprecation", deprecationJson(call.deprecation())},
        {"error", errorJson},
        {"cost", costJson(result, requestedModel)},
    };
}

QString deprecationWarning(const QString& model, const api::DeprecationNotice& notice)
{
    QString line = QStringLiteral("warning: the server reports that model %1 is deprecated").arg(model);
    if (notice.sunset.isValid() || !notice.sunsetText.isEmpty())
        line += QStringLiteral("; sunset %1").arg(isoOrText(notice.sunset, notice.sunsetText));
    if (!notice.link.isEmpty())
        line += QStringLiteral("; see %1").arg(notice.link);
    if (!notice.replacement.isEmpty())
        line += QStringLiteral("; replacement %1").arg(notice.replacement);
    return line + QLatin1Char('\n');
}

bool parseNumber(const QCommandLineParser& parser, const QString& name, double low, double high, double& out,
                 QString& problem)
{
    bool ok = false;
    out = parser.value(name).toDouble(&ok);
    if (!ok || out < low || out > high) {
        problem = QStringLiteral("--%1 takes a number from %2 to %3").arg(name).arg(low).arg(high);
        return false;
    }
    return true;
}

// Checks (and, for images, downscales when needed) each file and appends its content part. A file
// no preparation can fix gives false and a message naming the file and the limit: nothing is sent.
bool prepareAttachments(const QStringList& paths, media::MediaKind kind, const QString& detail,
                        std::optional<double> fps, std::vector<api::ContentPart>& parts, QString& problem)
{
    // The preparer stores what it sends; a CLI keeps nothing, so a temporary store is enough (the
    // data URLs are built before it goes away).
    QTemporaryDir storeDir;
    if (!storeDir.isValid()) {
        problem = QStringLiteral("cannot create a temporary folder for the attachments");
        return false;
    }
    media::AttachmentStore store(storeDir.path());
    const media::ImagePreparer::Options options;
    for (const QString& path : paths) {
        const QString name = QFileInfo(path).fileName();
        const media::PrepareResult result = media::ImagePreparer::prepareFileNow(path, options, &store);
        if (!result.ok) {
            problem = QStringLiteral("%1: %2").arg(path, result.error);
            return false;
        }
        media::Attachment attachment = result.prepared.attachment;
        if (attachment.kind != kind) {
            problem = kind == media::MediaKind::Image
                          ? QStringLiteral("%1: not an image (use --video for videos)").arg(path)
                          : QStringLiteral("%1: not a video (use --image for images)").arg(path);
            return false;
        }
        if (kind == media::MediaKind::Image)
            attachment.detail = detail;
        else
            attachment.fps = fps;
        const std::vector<media::LimitProblem> limitProblems = attachment.check();
        if (media::hasErrors(limitProblems)) {
            problem = QStringLiteral("%1: %2").arg(path, media::problemText(limitProblems));
            return false;
        }
        if (!attachment.note.isEmpty())
            writeErr(QStringLiteral("note: %1: %2\n").arg(name, attachment.note));
        for (const media::LimitProblem& warning : result.prepared.warnings)
            writeErr(QStringLiteral("note: %1: %2\n").arg(name, warning.message));
        QString readError;
        const std::optional<api::ContentPart> part = attachment.toContentPart(&store, &readError);
        if (!part) {
            problem = QStringLiteral("%1: %2").arg(path, readError);
            return false;
        }
        parts.push_back(*part);
    }
    return true;
}

// Returns ExitOk and fills `options`, or an exit status after printing the problem.
int parseOptions(const QStringList& args, ChatOptions& options)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model ID or endpoint ID."), QStringLiteral("ID")},
        {QStringLiteral("base-url"), QStringLiteral("API base URL."), QStringLiteral("URL")},
        {QStringLiteral("system"), QStringLiteral("System prompt."), QStringLiteral("TEXT")},
        {QStringLiteral("thinking"), QStringLiteral("enabled, disabled or auto."), QStringLiteral("MODE")},
        {QStringLiteral("max-tokens"), QStringLiteral("Maximum answer tokens."), QStringLiteral("N")},
        {QStringLiteral("temperature"), QStringLiteral("0 to 2."), QStringLiteral("X")},
        {QStringLiteral("top-p"), QStringLiteral("0 to 1."), QStringLiteral("X")},
        {QStringLiteral("no-stream"), QStringLiteral("Ask for one whole answer instead of a stream.")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object at the end.")},
        {QStringLiteral("show-reasoning"), QStringLiteral("Stream the reasoning to standard error.")},
        {QStringLiteral("idle-timeout"), QStringLiteral("Seconds without data before giving up."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("max-retries"), QStringLiteral("Retries before the first answer byte."),
         QStringLiteral("N")},
        {QStringLiteral("image"), QStringLiteral("Attach an image file (repeatable)."),
         QStringLiteral("FILE")},
        {QStringLiteral("detail"), QStringLiteral("low, high or auto, for every attached image."),
         QStringLiteral("MODE")},
        {QStringLiteral("video"), QStringLiteral("Attach a video file (repeatable)."),
         QStringLiteral("FILE")},
        {QStringLiteral("fps"), QStringLiteral("Frames per second sampled from each video (0.2 to 5)."),
         QStringLiteral("X")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
    });
    parser.addPositionalArgument(QStringLiteral("PROMPT"),
                                 QStringLiteral("The message to send ('-' = stdin)."));

    auto fail = [](const QString& problem) {
        writeErr(QStringLiteral("error: %1\n\n").arg(problem));
        writeErr(usageText());
        return int(ExitUsage);
    };
    if (!parser.parse(QStringList{QStringLiteral("chat")} + args))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(usageText());
        return -1; // help printed: nothing to do
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(positional.isEmpty() ? QStringLiteral("no PROMPT given")
                                         : QStringLiteral("give the prompt as one argument (quote it)"));
    if (!parser.isSet(QStringLiteral("model")) || parser.value(QStringLiteral("model")).trimmed().isEmpty())
        return fail(QStringLiteral("--model is required"));

    api::ChatRequest& request = options.request;
    request.model = parser.value(QStringLiteral("model")).trimmed();
    request.stream = !parser.isSet(QStringLiteral("no-stream"));
    options.json = parser.isSet(QStringLiteral("json"));
    options.showReasoning = parser.isSet(QStringLiteral("show-reasoning"));

    QString prompt = positional.first();
    if (prompt == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the prompt from standard input"));
        prompt = QString::fromUtf8(in.readAll());
    }
    if (prompt.trimmed().isEmpty())
        return fail(QStringLiteral("the prompt is empty"));
    if (parser.isSet(QStringLiteral("system")))
        request.messages.push_back(api::ChatMessage::system(parser.value(QStringLiteral("system"))));
    request.messages.push_back(api::ChatMessage::user(prompt));

    QString problem;
    double number = 0;
    QString detail;
    if (parser.isSet(QStringLiteral("detail"))) {
        detail = parser.value(QStringLiteral("detail")).trimmed().toLower();
        if (detail != QLatin1String("low") && detail != QLatin1String("high") &&
            detail != QLatin1String("auto"))
            return fail(QStringLiteral("--detail takes low, high or auto"));
    }
    std::optional<double> fps;
    if (parser.isSet(QStringLiteral("fps"))) {
        if (!parseNumber(parser, QStringLiteral("fps"), media::limits::kMinFps, media::limits::kMaxFps,
                         number, problem))
            return fail(problem);
        fps = number;
    }
    const QStringList images = parser.values(QStringLiteral("image"));
    const QStringList videos = parser.values(QStringLiteral("video"));
    if (!detail.isEmpty() && images.isEmpty())
        return fail(QStringLiteral("--detail applies to --image files; none given"));
    if (fps && videos.isEmpty())
        return fail(QStringLiteral("--fps applies to --video files; none given"));
    if (!images.isEmpty() || !videos.isEmpty()) {
        std::vector<api::ContentPart> parts;
        QString attachProblem;
        if (!prepareAttachments(images, media::MediaKind::Image, detail, fps, parts, attachProblem) ||
            !prepareAttachments(videos, media::MediaKind::Video, detail, fps, parts, attachProblem)) {
            // Not a usage mistake the help text would fix: say only what is wrong with the file.
            writeErr(QStringLiteral("error: %1\n").arg(attachProblem));
            return ExitUsage;
        }
        // Attachments first, the question last: the order the documentation's examples use.
        parts.push_back(api::ContentPart::makeText(prompt));
        request.messages.back().parts = std::move(parts);
    }
    if (parser.isSet(QStringLiteral("thinking"))) {
        const auto mode = api::parseThinkingMode(parser.value(QStringLiteral("thinking")));
        if (!mode || *mode == api::ThinkingMode::Unset)
            return fail(QStringLiteral("--thinking takes enabled, disabled or auto"));
        request.params.thinking = *mode;
    }
    if (parser.isSet(QStringLiteral("max-tokens"))) {
        if (!parseNumber(parser, QStringLiteral("max-tokens"), 1, 1e9, number, problem) ||
            number != int(number))
            return fail(QStringLiteral("--max-tokens takes a whole number of at least 1"));
        request.params.maxTokens = int(number);
    }
    if (parser.isSet(QStringLiteral("temperature"))) {
        if (!parseNumber(parser, QStringLiteral("temperature"), 0, 2, number, problem))
            return fail(problem);
        request.params.temperature = number;
    }
    if (parser.isSet(QStringLiteral("top-p"))) {
        if (!parseNumber(parser, QStringLiteral("top-p"), 0, 1, number, problem))
            return fail(problem);
        request.params.topP = number;
    }
    if (parser.isSet(QStringLiteral("idle-timeout"))) {
        if (!parseNumber(parser, QStringLiteral("idle-timeout"), 0.001, 86400, number, problem))
            return fail(problem);
        options.config.idleTimeoutMs = qint64(number * 1000);
    }
    if (parser.isSet(QStringLiteral("max-retries"))) {
        if (!parseNumber(parser, QStringLiteral("max-retries"), 0, 10, number, problem) ||
            number != int(number))
            return fail(QStringLiteral("--max-retries takes a whole number from 0 to 10"));
        options.config.retry.maxRetries = int(number);
    }

    QString baseUrl = parser.value(QStringLiteral("base-url"));
    if (baseUrl.isEmpty())
        baseUrl = qEnvironmentVariable("ARK_BASE_URL");
    if (!baseUrl.isEmpty()) {
        const QUrl url(baseUrl, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty())
            return fail(
                QStringLiteral("--base-url must be an http(s) URL, e.g. %1").arg(api::kDefaultArkBaseUrl));
        options.config.baseUrl = url;
    }
    return ExitOk;
}

} // namespace

// ARK_API_KEY wins (scripts, CI); otherwise the keychain. Returns ExitOk or an exit status.
int resolveApiKey(QString& key)
{
    key = qEnvironmentVariable("ARK_API_KEY").trimmed();
    if (!key.isEmpty())
        return ExitOk;
    secrets::KeyStore store;
    const secrets::KeyResult result = store.readKeySync(QStringLiteral("ark"));
    switch (result.status) {
    case secrets::KeyResult::Status::Ok:
        key = result.key;
        return ExitOk;
    case secrets::KeyResult::Status::NotFound:
        writeErr(QStringLiteral("error: no API key. Set ARK_API_KEY, or store one with "
                                "'ark-workbench-cli key set' (it reads the key from standard input).\n"));
        return ExitUsage;
    default:
        writeErr(QStringLiteral("error: %1\n").arg(result.message));
        return ExitKeychain;
    }
}

int runChat(const QStringList& args)
{
    ChatOptions options;
    const int parsed = parseOptions(args, options);
    if (parsed == -1)
        return ExitOk;
    if (parsed != ExitOk)
        return parsed;
    const int keyStatus = resolveApiKey(options.config.apiKey);
    if (keyStatus != ExitOk)
        return keyStatus;

    // The catalog knows when models go away: say so before the request fails (or is rerouted).
    const QString lifecycle =
        lifecycleWarning(*catalog::Catalog::bundled(), options.request.model, QDateTime::currentDateTime());
    if (!lifecycle.isEmpty())
        writeErr(lifecycle.endsWith(QLatin1Char('\n')) ? lifecycle : lifecycle + QLatin1Char('\n'));

    QNetworkAccessManager network; // the one QNAM of this process
    api::ChatClient client(&network);
    api::ChatCall* call = client.start(options.request, options.config);

    bool reasoningOpen = false;
    bool contentStarted = false;
    // Print what the call's own assembler has made of the stream so far: it already splits out
    // reasoning some models put in the content as <think>...</think>, so no second splitter here.
    qsizetype reasoningShown = 0;
    qsizetype contentShown = 0;
    auto printNew = [&](const QString& reasoning, const QString& content) {
        if (options.showReasoning && reasoning.size() > reasoningShown) {
            writeErr(reasoning.mid(reasoningShown));
            reasoningOpen = true;
        }
        reasoningShown = reasoning.size();
        if (content.size() > contentShown) {
            if (reasoningOpen) {
                writeErr(QByteArrayLiteral("\n")); // the reasoning ends where the answer starts
                reasoningOpen = false;
            }
            writeOut(content.mid(contentShown));
            contentStarted = true;
        }
        contentShown = content.size();
    };
    QObject::connect(call, &api::ChatCall::delta, call, [&](const api::ChatDelta&) {
        if (!options.json)
            printNew(call->assembled().reasoning(), call->assembled().content());
    });
    QObject::connect(call, &api::ChatCall::deprecationSignalled, call,
                     [&](const api::DeprecationNotice& notice) {
                         if (!notice.gone)
                             writeErr(deprecationWarning(options.request.model, notice));
                     });
    QObject::connect(call, &api::ChatCall::retryScheduled, call,
                     [&](int attempt, qint64 delayMs, const api::ApiError& reason) {
                         writeErr(QStringLiteral("note: %1 Retrying in %2 s (retry %3 of %4).\n")
                                      .arg(reason.humanMessage())
                                      .arg(delayMs / 1000.0, 0, 'f', 1)
                                      .arg(attempt)
                                      .arg(options.config.retry.maxRetries));
                     });

    QEventLoop loop;
    QObject::connect(call, &api::ChatCall::finished, &loop, &QEventLoop::quit);

    // Ctrl+C stops the request but keeps what arrived.
    runInterruptible(loop, [call] { call->cancel(); });

    const api::ApiError& error = call->error();
    if (options.json) {
        writeOut(QByteArray::fromStdString(resultJson(*call, options.request.model).dump()) + '\n');
    } else {
        const api::ChatResult result = call->result(); // releases anything held back as a tag
        printNew(result.reasoning, result.content);
        if (reasoningOpen)
            writeErr(QByteArrayLiteral("\n"));
        if (contentStarted)
            writeOut(QByteArrayLiteral("\n"));
    }
    if (error.isError()) {
        QString message = error.humanMessage();
        if (call->isPartial())
            message += QStringLiteral(" The partial answer %1 was kept.")
                           .arg(options.json ? QStringLiteral("in the JSON") : QStringLiteral("above"));
        writeErr(QStringLiteral("error: %1\n").arg(message));
        if (error.kind == api::ErrorKind::ModelRetired && !call->deprecation().summary().isEmpty())
            writeErr(QStringLiteral("error: %1\n").arg(call->deprecation().summary()));
    }
    return exitStatusFor(error);
}

} // namespace ark::cli
