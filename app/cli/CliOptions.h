// What every ark-workbench-cli command shares: exit statuses, output helpers, usage text.
#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QString>
#include <functional>
#include <memory>

class QCommandLineParser;
class QEventLoop;

namespace ark::api {
struct ApiError;
}
namespace ark::catalog {
class Catalog;
}

namespace ark::cli {

// A stable contract: scripts rely on these numbers.
enum ExitStatus {
    ExitOk = 0,
    ExitUsage = 2,         // bad command line (or nothing to send with: no API key)
    ExitRefused = 3,       // the API refused the request: 4xx, 429 after the retries, content filtered
    ExitTransport = 4,     // network, timeout, 5xx after the retries, broken or malformed stream
    ExitRetired = 5,       // the model is retired (410 Gone)
    ExitKeychain = 6,      // the system keychain is unavailable
    ExitInterrupted = 130, // stopped with Ctrl+C; the partial answer is kept
};

int exitStatusFor(const api::ApiError& error);

// Unbuffered writes: streamed text must reach the terminal as it arrives.
void writeOut(const QByteArray& bytes);
void writeErr(const QByteArray& bytes);
inline void writeOut(const QString& text)
{
    writeOut(text.toUtf8());
}
inline void writeErr(const QString& text)
{
    writeErr(text.toUtf8());
}

QString usageText();

// --catalog FILE, hidden from help: for tests and for trying a catalog before importing it.
QCommandLineOption hiddenCatalogOption();

// Runs `loop` with Ctrl+C calling `onInterrupt` (the default action is back afterwards). Returns true
// when Ctrl+C was pressed.
bool runInterruptible(QEventLoop& loop, const std::function<void()>& onInterrupt);
// The file given with --catalog, else the bundled catalog. nullptr when the file cannot be read or is
// not a usable catalog; *problem then says why, for the command's usage error.
std::shared_ptr<const catalog::Catalog> catalogFromOption(const QCommandLineParser& parser, QString* problem);

} // namespace ark::cli
