// ark-workbench-cli sse-decode [FILE]
#pragma once

#include <QStringList>

namespace ark::cli {
// `args` are the words after "sse-decode". Reads FILE (or standard input when absent or "-"),
// runs the app's own SseDecoder over it in 64 KiB reads, and prints each dispatched event as one
// JSON line {"event":..., "data":..., "id":... or null} on standard output.
// Exit status: 0 done; 2 bad command line or unreadable file; 4 an event exceeded the size bound.
int runSseDecode(const QStringList& args);
} // namespace ark::cli
