// ark-workbench: wires the one network manager, the client, the database and the main window.
#include "MainWindow.h"
#include "Translations.h"
#include "api/ChatClient.h"
#include "session/AccountSettings.h"
#include "settings/SettingsDialog.h"
#include "store/ConversationStore.h"
#include "store/Database.h"

#include <QApplication>
#include <QIcon>
#include <QImageReader>
#include <QMessageBox>
#include <QNetworkAccessManager>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // Qt refuses to decode images over 128 MB by default (about 33 megapixels): a large phone or
    // camera photo must still open so it can be downscaled before it is sent.
    QImageReader::setAllocationLimit(512);
    QApplication::setApplicationName(QStringLiteral("ark-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("Ark Workbench"));
    QApplication::setOrganizationName(QStringLiteral("ark-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(ARK_WORKBENCH_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ark-workbench.svg")));

    // ARK_WORKBENCH_LANGUAGE overrides the saved choice (handy for screenshots and tests).
    QString language = qEnvironmentVariable("ARK_WORKBENCH_LANGUAGE");
    if (language.isEmpty())
        language = ark::session::AccountSettings::language();
    ark::ui::installTranslations(app, language);
    ark::ui::SettingsDialog::applySavedTheme();

    ark::store::Database database;
    QString error;
    const QString path = qEnvironmentVariable("ARK_WORKBENCH_DATABASE", ark::store::Database::defaultPath());
    if (!database.open(path, &error)) {
        QMessageBox::critical(
            nullptr, QObject::tr("Ark Workbench"),
            QObject::tr("The conversation database %1 could not be opened:\n%2").arg(path, error));
        return 1;
    }
    ark::store::ConversationStore store(database);
    store.markInterruptedStreams(); // answers cut off by a crash or a kill are shown as interrupted
    store.purgeDeleted(QDateTime::currentDateTimeUtc().addDays(-1));

    QNetworkAccessManager network; // the one QNAM of the process
    ark::api::ChatClient client(&network);
    ark::ui::MainWindow window(client, store);
    window.show();
    return QApplication::exec();
}
