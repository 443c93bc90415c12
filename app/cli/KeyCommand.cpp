#include "KeyCommand.h"

#include "CliOptions.h"
#include "secrets/KeyStore.h"

#include <QRegularExpression>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace ark::cli {

namespace {

using secrets::KeyResult;
using secrets::KeyStore;

const QString kKeyUsage = QStringLiteral("usage: ark-workbench-cli key set|status|delete [--provider NAME]\n"
                                         "  set     reads the key from standard input (one line)\n"
                                         "  status  says whether a key is stored (exit 1 if not)\n"
                                         "  delete  removes the stored key\n");

int usageError(const QString& message)
{
    writeErr(QStringLiteral("error: %1\n\n").arg(message));
    writeErr(kKeyUsage);
    return ExitUsage;
}

// Provider names become keychain entry names and appear in messages: keep them plain.
bool isValidProvider(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_-]+$"));
    return pattern.match(name).hasMatch();
}

#ifdef Q_OS_UNIX
// Turns terminal echo off while the key is typed or pasted, and back on afterwards.
class EchoOff
{
public:
    EchoOff()
    {
        if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
        writeErr(QByteArrayLiteral("\n")); // the Enter the person typed was not echoed either
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};
#endif

QString readKeyLine(const QString& provider)
{
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO))
        writeErr(QStringLiteral("API key for provider %1 (input is hidden): ").arg(provider));
    const EchoOff echoOff;
#endif
    std::string line;
    std::getline(std::cin, line);
    return QString::fromStdString(line).trimmed();
}

// Everything that is not a plain answer (stored / not stored) means the keychain could not be used.
int keychainError(const KeyResult& result)
{
    writeErr(QStringLiteral("error: %1\n").arg(result.message));
    return ExitKeychain;
}

int setKey(const QString& provider)
{
    const QString key = readKeyLine(provider);
    if (key.isEmpty())
        return usageError(QStringLiteral("no key on standard input: pipe or type the key as one line, "
                                         "e.g. 'ark-workbench-cli key set < keyfile'"));
    KeyStore store;
    const KeyResult result = store.writeKeySync(provider, key);
    if (result.status != KeyResult::Status::Ok)
        return keychainError(result);
    writeOut(QStringLiteral("Key for provider %1 stored in the system keychain (%2).\n")
                 .arg(provider, KeyStore::masked(key)));
    return ExitOk;
}

int keyStatus(const QString& provider)
{
    KeyStore store;
    const KeyResult result = store.readKeySync(provider);
    switch (result.status) {
    case KeyResult::Status::Ok:
        writeOut(QStringLiteral("A key for provider %1 is stored in the system keychain (%2).\n")
                     .arg(provider, KeyStore::masked(result.key)));
        return ExitOk;
    case KeyResult::Status::NotFound:
        writeOut(QStringLiteral("No key for provider %1 is stored in the system keychain.\n").arg(provider));
        return 1;
    default:
        return keychainError(result);
    }
}

int deleteKey(const QString& provider)
{
    KeyStore store;
    const KeyResult result = store.deleteKeySync(provider);
    switch (result.status) {
    case KeyResult::Status::Ok:
    case KeyResult::Status::NotFound: // the wanted state already holds
        writeOut(QStringLiteral("No key for provider %1 is left in the system keychain.\n").arg(provider));
        return ExitOk;
    default:
        return keychainError(result);
    }
}

} // namespace

int runKeyCommand(const QStringList& args)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("'key' needs an action: set, status or delete"));
    const QString action = args.first();
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        writeOut(kKeyUsage);
        return ExitOk;
    }

    QString provider = QStringLiteral("ark");
    for (int i = 1; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--provider")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("--provider needs a name"));
            provider = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--provider="))) {
            provider = arg.mid(QStringLiteral("--provider=").size());
        } else {
            // Not echoed: a key given here by mistake must not end up on the screen or in a log.
            return usageError(QStringLiteral("unexpected argument (the key itself is read from standard "
                                             "input, never from the command line)"));
        }
    }
    if (!isValidProvider(provider))
        return usageError(
            QStringLiteral("invalid provider name: use lowercase letters, digits, '_' and '-'"));

    if (action == QLatin1String("set"))
        return setKey(provider);
    if (action == QLatin1String("status"))
        return keyStatus(provider);
    if (action == QLatin1String("delete"))
        return deleteKey(provider);
    return usageError(QStringLiteral("unknown key action: use set, status or delete"));
}

} // namespace ark::cli
