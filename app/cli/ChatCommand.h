// ark-workbench-cli chat ...
#pragma once

#include <QStringList>

namespace ark::cli {
// `args` are the words after "chat". Streams the answer to standard output (reasoning to standard
// error with --show-reasoning), or prints one JSON object with --json. Returns the exit status.
int runChat(const QStringList& args);
} // namespace ark::cli
