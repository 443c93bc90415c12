// ark-workbench-cli: wires the command words to their commands.
#include "ChatCommand.h"
#include "CliOptions.h"
#include "GenerateCommand.h"
#include "KeyCommand.h"
#include "ModelsCommand.h"
#include "SseDecodeCommand.h"
#include "TokensCommand.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ark-workbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("ark-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARK_WORKBENCH_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.isEmpty() ? QString() : args.takeFirst();
    if (command == QLatin1String("chat"))
        return ark::cli::runChat(args);
    if (command == QLatin1String("key"))
        return ark::cli::runKeyCommand(args);
    if (command == QLatin1String("sse-decode"))
        return ark::cli::runSseDecode(args);
    if (command == QLatin1String("models"))
        return ark::cli::runModels(args);
    if (command == QLatin1String("tokens"))
        return ark::cli::runTokens(args);
    if (command == QLatin1String("cost"))
        return ark::cli::runCost(args);
    if (command == QLatin1String("image"))
        return ark::cli::runImage(args);
    if (command == QLatin1String("video"))
        return ark::cli::runVideo(args);
    if (command == QLatin1String("--version")) {
        ark::cli::writeOut(
            QStringLiteral("ark-workbench-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return ark::cli::ExitOk;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        ark::cli::writeOut(ark::cli::usageText());
        return ark::cli::ExitOk;
    }
    ark::cli::writeErr(command.isEmpty() ? QStringLiteral("error: no command given\n\n")
                                         : QStringLiteral("error: unknown command '%1'\n\n").arg(command));
    ark::cli::writeErr(ark::cli::usageText());
    return ark::cli::ExitUsage;
}
