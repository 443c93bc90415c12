// ark-workbench: wires the application object, translations and the main window.
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ark-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("Ark Workbench"));
    QApplication::setOrganizationName(QStringLiteral("ark-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(ARK_WORKBENCH_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ark-workbench.svg")));

    // ARK_WORKBENCH_LANGUAGE overrides the saved choice (handy for screenshots and tests).
    QString language = qEnvironmentVariable("ARK_WORKBENCH_LANGUAGE");
    if (language.isEmpty())
        language = QSettings().value(QStringLiteral("ui/language")).toString();
    ark::ui::installTranslations(app, language);

    ark::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
