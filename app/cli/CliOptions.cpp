#include "CliOptions.h"

#include "api/ApiError.h"
#include "catalog/Catalog.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace ark::cli {

namespace {

// Ctrl+C while a loop runs: the handler only writes to a pipe (all a signal handler may safely do);
// the event loop reads it.
int g_signalPipe[2] = {-1, -1};

void onSigint(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int exitStatusFor(const api::ApiError& error)
{
    using api::ErrorKind;
    switch (error.kind) {
    case ErrorKind::None:
        return ExitOk;
    case ErrorKind::Authentication:
    case ErrorKind::BadRequest:
    case ErrorKind::NotFound:
    case ErrorKind::RateLimited:
    case ErrorKind::ContentFiltered:
        return ExitRefused;
    case ErrorKind::ModelRetired:
        return ExitRetired;
    case ErrorKind::Cancelled:
        return ExitInterrupted;
    case ErrorKind::Server:
    case ErrorKind::Network:
    case ErrorKind::IdleTimeout:
    case ErrorKind::StreamBroken:
    case ErrorKind::MalformedChunk:
    case ErrorKind::EventTooLarge:
    case ErrorKind::Redirected:
        return ExitTransport;
    }
    return ExitTransport;
}

void writeOut(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeErr(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QString usageText()
{
    return QStringLiteral(
        "Usage:\n"
        "  ark-workbench-cli chat --model ID [--base-url URL] [--system TEXT] [--thinking "
        "enabled|disabled|auto]\n"
        "                         [--max-tokens N] [--temperature X] [--top-p X] [--no-stream] [--json]\n"
        "                         [--show-reasoning] [--idle-timeout SECONDS] [--max-retries N]\n"
        "                         [--image FILE]... [--detail low|high|auto] [--video FILE]... [--fps X] "
        "PROMPT\n"
        "  ark-workbench-cli image --model ID [--base-url URL] -o FILE [--size WxH] [--seed N]\n"
        "                          [--guidance-scale X] [--watermark true|false] [--json] PROMPT\n"
        "  ark-workbench-cli video --model ID [--base-url URL] -o FILE [--first-frame FILE] [--last-frame "
        "FILE]\n"
        "                          [--ratio R] [--resolution 480p|720p|1080p] [--duration N] [--fps N]\n"
        "                          [--seed N] [--watermark true|false] [--camera-fixed true|false] [--json]\n"
        "                          [PROMPT]   (progress on standard error; waits, then downloads)\n"
        "  ark-workbench-cli key set|status|delete [--provider ark]   (set reads the key from standard "
        "input)\n"
        "  ark-workbench-cli sse-decode [FILE]                         (a captured event stream; standard "
        "input if no FILE)\n"
        "  ark-workbench-cli models [--provider P] [--at YYYY-MM-DD] [--all] [--json]\n"
        "  ark-workbench-cli tokens --model ID [--base-url URL] [--offline] [--json] TEXT\n"
        "  ark-workbench-cli cost --model ID --input-tokens N --output-tokens M [--cached-tokens C] "
        "[--json]\n"
        "\n"
        "The API key comes from ARK_API_KEY if set, else from the system keychain (see 'key set').\n"
        "The base URL comes from --base-url, else ARK_BASE_URL, else "
        "https://ark.cn-beijing.volces.com/api/v3.\n"
        "PROMPT '-' reads the prompt from standard input.\n"
        "Exit status: 0 success; 2 bad command line; 3 the API refused the request; 4 network, timeout,\n"
        "broken or malformed stream; 5 the model is retired; 6 keychain unavailable; 130 interrupted.\n");
}

QCommandLineOption hiddenCatalogOption()
{
    QCommandLineOption option(QStringLiteral("catalog"), QStringLiteral("Catalog file to use."),
                              QStringLiteral("FILE"));
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

std::shared_ptr<const catalog::Catalog> catalogFromOption(const QCommandLineParser& parser, QString* problem)
{
    if (!parser.isSet(QStringLiteral("catalog")))
        return catalog::Catalog::bundled();
    QFile file(parser.value(QStringLiteral("catalog")));
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot read the catalog %1: %2").arg(file.fileName(), file.errorString());
        return nullptr;
    }
    QStringList problems;
    auto loaded = catalog::Catalog::fromJson(file.readAll(), &problems);
    if (!loaded)
        *problem = QStringLiteral("%1 is not a usable catalog%2")
                       .arg(file.fileName(),
                            problems.isEmpty() ? QString()
                                               : QStringLiteral(": ") + problems.join(QStringLiteral("; ")));
    return loaded;
}

// Runs `loop` with Ctrl+C calling `onInterrupt`. Returns true when Ctrl+C was pressed.
bool runInterruptible(QEventLoop& loop, const std::function<void()>& onInterrupt)
{
    bool interrupted = false;
    std::unique_ptr<QSocketNotifier> notifier;
    if (g_signalPipe[0] >= 0 || ::pipe(g_signalPipe) == 0) {
        std::signal(SIGINT, onSigint);
        notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [&] {
            char byte = 0;
            [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
            interrupted = true;
            onInterrupt();
        });
    }
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    return interrupted;
}

} // namespace ark::cli
