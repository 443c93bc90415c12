// ark-workbench-cli chat ...
#pragma once

#include <QString>
#include <QStringList>

namespace ark::cli {
// `args` are the words after "chat". Streams the answer to standard output (reasoning to standard
// error with --show-reasoning), or prints one JSON object with --json. Returns the exit status.
int runChat(const QStringList& args);
// The API key: ARK_API_KEY, else the keychain. Returns ExitOk, or an exit status after printing why
// there is none (shared by every command that calls the API).
int resolveApiKey(QString& key);
} // namespace ark::cli
