#include "SseDecodeCommand.h"

#include "CliOptions.h"
#include "api/SseDecoder.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>
#include <vector>

namespace ark::cli {

namespace {

constexpr qint64 kReadSize = 64 * 1024;

QString usage()
{
    return QCoreApplication::translate("SseDecode",
                                       "Usage: ark-workbench-cli sse-decode [FILE]\n"
                                       "Decodes a text/event-stream body (from FILE, or standard "
                                       "input when FILE is absent or \"-\")\n"
                                       "and prints each event as one JSON line.");
}

// One compact line {"event":...,"data":...,"id":...}. The keys keep this order (ordered_json), UTF-8
// stays UTF-8, and bytes that are not valid UTF-8 become U+FFFD instead of failing the dump.
std::string eventLine(const api::SseEvent& event)
{
    nlohmann::ordered_json line;
    line["event"] = event.type.toStdString();
    line["data"] = event.data.toStdString();
    if (event.hasLastEventId)
        line["id"] = event.lastEventId.toStdString();
    else
        line["id"] = nullptr;
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

void printEvents(std::vector<api::SseEvent>& events)
{
    std::string text;
    for (const api::SseEvent& event : events)
        text += eventLine(event);
    events.clear();
    if (text.empty())
        return;
    // Written (and flushed) per read, so a consumer of a live pipe sees events as they arrive.
    writeOut(QByteArray(text.data(), static_cast<qsizetype>(text.size())));
}

// One read(2) of up to `size` bytes. Not QFile::read: that keeps reading until the buffer is full,
// which would hold back the events of a live pipe and hide the read sizes the decoder must cope with.
qint64 readSome(int fd, char* buffer, qint64 size)
{
    for (;;) {
        const ssize_t count = ::read(fd, buffer, static_cast<size_t>(size));
        if (count >= 0 || errno != EINTR)
            return count;
    }
}

} // namespace

int runSseDecode(const QStringList& args)
{
    if (args.size() == 1 && (args[0] == QLatin1String("-h") || args[0] == QLatin1String("--help"))) {
        writeOut(usage() + QLatin1Char('\n'));
        return ExitOk;
    }
    if (args.size() > 1 ||
        (args.size() == 1 && args[0].startsWith(QLatin1Char('-')) && args[0] != QLatin1String("-"))) {
        writeErr(usage() + QLatin1Char('\n'));
        return ExitUsage;
    }

    const bool fromStdin = args.isEmpty() || args[0] == QLatin1String("-");
    QFile file;
    int fd = STDIN_FILENO;
    const QString name = fromStdin ? QCoreApplication::translate("SseDecode", "standard input") : args[0];
    if (!fromStdin) {
        file.setFileName(args[0]);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            writeErr(QCoreApplication::translate("SseDecode", "sse-decode: cannot open %1: %2")
                         .arg(name, file.errorString()) +
                     QLatin1Char('\n'));
            return ExitUsage;
        }
        fd = file.handle();
    }

    api::SseDecoder decoder;
    std::vector<api::SseEvent> events;
    QByteArray buffer(kReadSize, Qt::Uninitialized);
    for (;;) {
        const qint64 count = readSome(fd, buffer.data(), kReadSize);
        if (count < 0) {
            writeErr(QCoreApplication::translate("SseDecode", "sse-decode: cannot read %1: %2")
                         .arg(name, QString::fromLocal8Bit(std::strerror(errno))) +
                     QLatin1Char('\n'));
            return ExitUsage;
        }
        if (count == 0)
            break;
        const bool ok = decoder.feed(QByteArrayView(buffer.constData(), count), events);
        printEvents(events);
        if (!ok) {
            writeErr(QCoreApplication::translate("SseDecode",
                                                 "sse-decode: an event or line exceeds %1 bytes; stopped")
                         .arg(api::SseDecoder::kDefaultMaxEventBytes) +
                     QLatin1Char('\n'));
            return ExitTransport; // a broken stream
        }
    }
    decoder.finish();
    return ExitOk;
}

} // namespace ark::cli
