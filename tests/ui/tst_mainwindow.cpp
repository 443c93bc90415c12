// The main window on the offscreen platform: title, menus, translations.
#include "MainWindow.h"
#include "Translations.h"
#include "api/ChatClient.h"
#include "store/ConversationStore.h"
#include "store/Database.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    ark::store::Database m_db;
    std::unique_ptr<ark::store::ConversationStore> m_store;
    QNetworkAccessManager m_nam;
    ark::api::ChatClient m_client{&m_nam};

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        qputenv("ARK_API_KEY", "window-test-key");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("db.sqlite3"))));
        m_store = std::make_unique<ark::store::ConversationStore>(m_db);
    }

    void titleAndMenus()
    {
        ark::ui::MainWindow window(m_client, *m_store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Ark Workbench"));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"),
                                     QStringLiteral("&Models"), QStringLiteral("&Help")}));
    }

    void geometryIsRestored()
    {
        {
            ark::ui::MainWindow window(m_client, *m_store);
            window.resize(901, 602);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        ark::ui::MainWindow again(m_client, *m_store);
        QCOMPARE(again.size(), QSize(901, 602));
    }

    void chineseTranslationIsShipped()
    {
        QVERIFY(ark::ui::installTranslations(*qApp, QStringLiteral("zh_CN")));
        ark::ui::MainWindow window(m_client, *m_store);
        QCOMPARE(window.windowTitle(), QStringLiteral("方舟工作台"));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("文件(&F)"), QStringLiteral("视图(&V)"),
                                     QStringLiteral("模型(&M)"), QStringLiteral("帮助(&H)")}));
        for (QTranslator* translator : qApp->findChildren<QTranslator*>())
            QCoreApplication::removeTranslator(translator);
    }

    void englishNeedsNoTranslation()
    {
        QVERIFY(!ark::ui::installTranslations(*qApp, QStringLiteral("en")));
        ark::ui::MainWindow window(m_client, *m_store);
        QCOMPARE(window.windowTitle(), QStringLiteral("Ark Workbench"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
