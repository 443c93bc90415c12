// The main window on the offscreen platform: title, menus, translations.
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void titleAndMenus()
    {
        ark::ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Ark Workbench"));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Help")}));
    }

    void geometryIsRestored()
    {
        {
            ark::ui::MainWindow window;
            window.resize(901, 602);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        ark::ui::MainWindow again;
        QCOMPARE(again.size(), QSize(901, 602));
    }

    void chineseTranslationIsShipped()
    {
        QVERIFY(ark::ui::installTranslations(*qApp, QStringLiteral("zh_CN")));
        ark::ui::MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("方舟工作台"));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("文件(&F)"), QStringLiteral("帮助(&H)")}));
        for (QTranslator* translator : qApp->findChildren<QTranslator*>())
            QCoreApplication::removeTranslator(translator);
    }

    void englishNeedsNoTranslation()
    {
        QVERIFY(!ark::ui::installTranslations(*qApp, QStringLiteral("en")));
        ark::ui::MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("Ark Workbench"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
