#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ark::ui {

bool installTranslations(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return false;
    auto* appTranslator = new QTranslator(&app);
    if (!appTranslator->load(locale, QStringLiteral("ark-workbench"), QStringLiteral("_"),
                             QStringLiteral(":/i18n"))) {
        delete appTranslator;
        return false;
    }
    QCoreApplication::installTranslator(appTranslator);
    // Qt's own dialogs (file pickers, message box buttons) follow the same language.
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    return true;
}

} // namespace ark::ui
