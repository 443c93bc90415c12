// Installs the application's and Qt's own translations for a language.
#pragma once

#include <QLocale>

class QCoreApplication;

namespace ark::ui {
// `language` is "en", "zh_CN", or empty for the system's language. Returns true when a translation
// for a non-English language was installed.
bool installTranslations(QCoreApplication& app, const QString& language);
} // namespace ark::ui
