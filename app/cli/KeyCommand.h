// ark-workbench-cli key set|status|delete [--provider ark]
#pragma once

#include <QStringList>

namespace ark::cli {
// `args` are the words after "key". "set" reads the key from standard input (one line, trimmed);
// "status" says whether a key is stored and shows at most its last 4 characters; "delete" removes it.
// Exit status: 0 done; 1 no key stored (status) ; 2 bad command line; 6 the keychain is unavailable
// (the message says what to install or unlock).
int runKeyCommand(const QStringList& args);
} // namespace ark::cli
