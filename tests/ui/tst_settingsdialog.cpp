// SettingsDialog, FirstRunPanel and ConversationSettingsPanel on the offscreen platform, against the real
// Secret Service of tests/with-keyring.sh and a LoopbackServer. The keychain-failure case runs this binary
// again as a child process with a session bus that does not exist, so the parent's keychain stays usable.
#include "settings/ConversationSettingsPanel.h"
#include "settings/FirstRunPanel.h"
#include "settings/SettingsDialog.h"

#include "api/ChatClient.h"
#include "secrets/KeyStore.h"
#include "session/AccountSettings.h"
#include "support/LoopbackServer.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QUuid>
#include <QtTest>

#include <algorithm>

using ark::secrets::KeyResult;
using ark::secrets::KeyStore;
using ark::session::AccountSettings;
using ark::session::ConversationParams;
using ark::ui::ConversationSettingsPanel;
using ark::ui::FirstRunPanel;
using ark::ui::SettingsDialog;
using Status = ark::secrets::KeyResult::Status;

namespace {

constexpr int kSafetyMs = 60000; // a safety limit for waits, never a measured expectation
const char kChildKeyVariable[] = "ARK_SETTINGS_TEST_CHILD_KEY";
// The account every test works on. Never "ark": tst_keystore and tst_cli_key use that keychain entry and
// may run at the same time in the same keyring.
const QString kAccount = QStringLiteral("settings-test");

QString freshKey(const QString& tag)
{
    return QStringLiteral("test-%1-%2").arg(tag, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

// The test writes into the session's keychain and reads every file under HOME: only in the sandbox.
QString sandboxProblem()
{
    const QString advice =
        QStringLiteral(" Run it via tests/with-keyring.sh, e.g. "
                       "tests/with-keyring.sh env QT_QPA_PLATFORM=offscreen build/bin/tst_settingsdialog");
    if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty())
        return QStringLiteral("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset).") + advice;
    const QString sandbox = qEnvironmentVariable("ARK_KEYRING_SANDBOX");
    if (sandbox.isEmpty())
        return QStringLiteral("ARK_KEYRING_SANDBOX is not set.") + advice;
    if (!QDir::homePath().startsWith(sandbox + QLatin1Char('/')))
        return QStringLiteral("HOME is not the throw-away home of tests/with-keyring.sh.") + advice;
    return QString();
}

// Every regular file under `root` that contains one of `needles`; `scanned` collects the files read.
QStringList filesContaining(const QString& root, const QList<QByteArray>& needles, QStringList* scanned)
{
    QStringList hits;
    if (root.isEmpty())
        return hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!it.fileInfo().isFile())
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        scanned->append(QFileInfo(path).canonicalFilePath());
        for (const QByteArray& needle : needles) {
            if (content.contains(needle)) {
                hits << path;
                break;
            }
        }
    }
    return hits;
}

// The configuration and data folders of the app (test mode) and the whole sandbox HOME.
QStringList foldersToScan()
{
    QStringList roots{QDir::homePath(), qEnvironmentVariable("XDG_RUNTIME_DIR")};
    for (const auto location : {QStandardPaths::ConfigLocation, QStandardPaths::AppConfigLocation,
                                QStandardPaths::GenericConfigLocation, QStandardPaths::AppDataLocation,
                                QStandardPaths::GenericDataLocation, QStandardPaths::CacheLocation,
                                QStandardPaths::GenericCacheLocation, QStandardPaths::AppLocalDataLocation}) {
        const QString dir = QStandardPaths::writableLocation(location);
        if (!dir.isEmpty() && !dir.startsWith(QDir::homePath() + QLatin1Char('/')))
            roots << dir;
    }
    return roots;
}

QList<QByteArray> needlesFor(const QString& key)
{
    const QByteArray utf8 = key.toUtf8();
    return {utf8, utf8.toBase64(), key.mid(5).toUtf8()}; // also without its first characters
}

// "" when no file holds the key; otherwise the files. `scanned` receives every file that was read.
QStringList plainTextCopies(const QString& key, QStringList* scanned)
{
    QStringList hits;
    for (const QString& root : foldersToScan())
        hits += filesContaining(root, needlesFor(key), scanned);
    return hits;
}

template <typename T> T* find(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

// Clicks Apply and waits for the outcome: 1 saved, 0 refused or failed, -1 no answer in time.
int applyAndWait(SettingsDialog& dialog)
{
    QSignalSpy finished(&dialog, &SettingsDialog::saveFinished);
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
    if (finished.isEmpty() && !finished.wait(kSafetyMs))
        return -1;
    return finished.first().first().toBool() ? 1 : 0;
}

void replaceText(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// Labels with a mnemonic must lead somewhere; returns those that do not.
QStringList labelsWithoutBuddy(QWidget* root)
{
    QStringList missing;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        const QString text = label->text();
        if (label->textFormat() != Qt::RichText && text.contains(QLatin1Char('&')) && !label->buddy())
            missing << text;
    }
    return missing;
}

// Visible children that stick out of the top-level widget or have no room at all.
QStringList clippedChildren(QWidget* root)
{
    QStringList clipped;
    const QRect bounds = root->rect();
    for (QWidget* child : root->findChildren<QWidget*>()) {
        if (!child->isVisible() || child->inherits("QScrollBar"))
            continue;
        if (auto* label = qobject_cast<QLabel*>(child); label && label->text().isEmpty())
            continue;
        if (qobject_cast<QLabel*>(child) || qobject_cast<QAbstractButton*>(child) ||
            qobject_cast<QLineEdit*>(child)) {
            const QRect r(child->mapTo(root, QPoint(0, 0)), child->size());
            if (!bounds.contains(r) || r.width() < 8 || r.height() < 8)
                clipped << child->objectName() + QLatin1Char('/') +
                               QLatin1String(child->metaObject()->className());
        }
    }
    return clipped;
}

// Renders a widget; saves it as $ARK_SCREENSHOT_DIR/settings-shot-<name>.png when that is set.
QImage shoot(QWidget* widget, const QString& name)
{
    const QImage image = widget->grab().toImage();
    const QString dir = qEnvironmentVariable("ARK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(QStringLiteral("%1/settings-shot-%2.png").arg(dir, name));
    return image;
}

// Child mode: with no usable keychain, save a key through the first-run panel and through the dialog;
// print what each showed, whether keySaved came, and whether any file holds the key.
int runChild()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString key = qEnvironmentVariable(kChildKeyVariable);
    QJsonObject out;

    FirstRunPanel panel;
    bool keySaved = false;
    QObject::connect(&panel, &FirstRunPanel::keySaved, [&] { keySaved = true; });
    find<QLineEdit>(&panel, "firstRunKeyEdit")->setText(key);
    find<QPushButton>(&panel, "firstRunSaveButton")->click();
    auto* error = find<QLabel>(&panel, "firstRunErrorLabel");
    QDeadlineTimer deadline(kSafetyMs);
    while (error->isHidden() && !deadline.hasExpired())
        QTest::qWait(20);
    out.insert(QStringLiteral("firstRunError"), error->isHidden() ? QString() : error->text());
    out.insert(QStringLiteral("keySaved"), keySaved);

    QNetworkAccessManager nam;
    ark::api::ChatClient client(&nam);
    SettingsDialog dialog(client);
    find<QLineEdit>(&dialog, "apiKeyEdit")->setText(key);
    out.insert(QStringLiteral("dialogSaved"), applyAndWait(dialog));
    out.insert(QStringLiteral("dialogStatus"), find<QLabel>(&dialog, "saveStatusLabel")->text());
    out.insert(QStringLiteral("dialogKeyStatus"), find<QLabel>(&dialog, "keyStatusLabel")->text());

    QStringList scanned;
    out.insert(QStringLiteral("plainTextHits"), plainTextCopies(key, &scanned).join(u' '));
    QFile stdOut;
    if (!stdOut.open(stdout, QIODevice::WriteOnly))
        return 3;
    stdOut.write(QJsonDocument(out).toJson(QJsonDocument::Compact));
    return 0;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

public:
    TestSettingsDialog() : m_client(&m_nam) {}

private:
    QNetworkAccessManager m_nam;
    ark::api::ChatClient m_client;
    QColor m_systemWindowColour;

    static void deleteTestKeys()
    {
        KeyStore store;
        for (const QString& id : {kAccount, QStringLiteral("account-2"), QStringLiteral("account-3")})
            store.deleteKeySync(id);
    }

    // Opens a dialog and waits until it has read the keychain for the selected account.
    static void waitForKeyRead(SettingsDialog& dialog)
    {
        auto* status = find<QLabel>(&dialog, "keyStatusLabel");
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().contains(QStringLiteral("Reading")), kSafetyMs);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString problem = sandboxProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_systemWindowColour = QApplication::palette().color(QPalette::Window);
    }

    void init()
    {
        QSettings().clear();
        AccountSettings::saveAccounts(
            {AccountSettings::account(QStringLiteral("ark")),
             {kAccount, QStringLiteral("Settings test"), QUrl(ark::api::kDefaultArkBaseUrl)}});
        AccountSettings::setCurrentAccountId(kAccount);
        QSettings().sync();
        deleteTestKeys();
    }

    void cleanupTestCase()
    {
        if (!sandboxProblem().isEmpty())
            return;
        deleteTestKeys();
        QSettings().clear();
    }

    // ---- Accounts: keys ----------------------------------------------------------------------------

    void savedKeyLivesOnlyInTheKeychain()
    {
        const QString key = freshKey(QStringLiteral("dialog"));
        SettingsDialog dialog(m_client);
        waitForKeyRead(dialog);
        auto* keyEdit = find<QLineEdit>(&dialog, "apiKeyEdit");
        QVERIFY(keyEdit);
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
        QVERIFY(keyEdit->text().isEmpty());
        QTest::keyClicks(keyEdit, key);
        // Something that does go into the settings file, next to where a careless key would land.
        replaceText(find<QLineEdit>(&dialog, "accountNameEdit"), QStringLiteral("Ark (tests)"));

        QSignalSpy keyChanged(&dialog, &SettingsDialog::keyChanged);
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(keyChanged.count(), 1);
        QCOMPARE(keyChanged.first().first().toString(), kAccount);

        const KeyResult stored = KeyStore().readKeySync(kAccount);
        QCOMPARE(stored.status, Status::Ok);
        QCOMPARE(stored.key, key);
        QVERIFY(keyEdit->text().isEmpty()); // saved: the field no longer holds it
        QCOMPARE(keyEdit->placeholderText(), KeyStore::masked(key));

        QCOMPARE(AccountSettings::account(kAccount).name, QStringLiteral("Ark (tests)"));
        QSettings settings;
        settings.sync();
        QFile settingsFile(settings.fileName());
        QVERIFY2(settingsFile.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        QVERIFY(settingsFile.readAll().contains("Ark (tests)"));
        QStringList scanned;
        const QStringList hits = plainTextCopies(key, &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("the key in plain text in: ") + hits.join(u' ')));
        // The walk did read the settings file the dialog wrote to, and the keyring files.
        QVERIFY2(scanned.contains(QFileInfo(settings.fileName()).canonicalFilePath()),
                 qPrintable(settings.fileName()));
        const QString keyrings =
            QFileInfo(QDir::homePath() + QStringLiteral("/.local/share/keyrings")).canonicalFilePath();
        QVERIFY2(!keyrings.isEmpty(), "no keyring folder under HOME");
        QVERIFY(std::any_of(scanned.begin(), scanned.end(), [&](const QString& path) {
            return path.startsWith(keyrings + QLatin1Char('/'));
        }));
    }

    void reopenedDialogShowsOnlyTheMask()
    {
        const QString key = freshKey(QStringLiteral("reopen"));
        QCOMPARE(KeyStore().writeKeySync(kAccount, key).status, Status::Ok);

        SettingsDialog dialog(m_client);
        auto* keyEdit = find<QLineEdit>(&dialog, "apiKeyEdit");
        QTRY_COMPARE_WITH_TIMEOUT(keyEdit->placeholderText(), KeyStore::masked(key), kSafetyMs);
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
        QVERIFY(keyEdit->text().isEmpty());
        QVERIFY(!keyEdit->placeholderText().contains(key.left(8)));

        // "Show" shows what is typed, never the stored key.
        auto* show = find<QPushButton>(&dialog, "showKeyButton");
        show->click();
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Normal);
        QVERIFY(keyEdit->text().isEmpty());
        QCOMPARE(keyEdit->placeholderText(), KeyStore::masked(key));
        show->click();
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);

        // Nothing typed: saving leaves the stored key alone.
        QSignalSpy keyChanged(&dialog, &SettingsDialog::keyChanged);
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(keyChanged.count(), 0);
        QCOMPARE(KeyStore().readKeySync(kAccount).key, key);
    }

    void typedKeyReplacesTheStoredOne()
    {
        QCOMPARE(KeyStore().writeKeySync(kAccount, freshKey(QStringLiteral("old"))).status, Status::Ok);
        const QString key = freshKey(QStringLiteral("new"));
        SettingsDialog dialog(m_client);
        waitForKeyRead(dialog);
        QTest::keyClicks(find<QLineEdit>(&dialog, "apiKeyEdit"),
                         QStringLiteral("  ") + key + QStringLiteral(" "));
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(KeyStore().readKeySync(kAccount).key, key); // trimmed
    }

    void removeKey()
    {
        const QString key = freshKey(QStringLiteral("remove"));
        QCOMPARE(KeyStore().writeKeySync(kAccount, key).status, Status::Ok);
        SettingsDialog dialog(m_client);
        auto* keyEdit = find<QLineEdit>(&dialog, "apiKeyEdit");
        QTRY_COMPARE_WITH_TIMEOUT(keyEdit->placeholderText(), KeyStore::masked(key), kSafetyMs);
        auto* remove = find<QPushButton>(&dialog, "removeKeyButton");
        QVERIFY(remove->isEnabled());
        remove->click();
        QVERIFY(!remove->isEnabled());
        QVERIFY(keyEdit->placeholderText() != KeyStore::masked(key));
        QCOMPARE(KeyStore().readKeySync(kAccount).status, Status::Ok); // nothing happens before saving

        QSignalSpy keyChanged(&dialog, &SettingsDialog::keyChanged);
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(keyChanged.count(), 1);
        QCOMPARE(keyChanged.first().first().toString(), kAccount);
        QCOMPARE(KeyStore().readKeySync(kAccount).status, Status::NotFound);
    }

    void okClosesOnceSaved()
    {
        const QString key = freshKey(QStringLiteral("ok"));
        SettingsDialog dialog(m_client);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        waitForKeyRead(dialog);
        QTest::keyClicks(find<QLineEdit>(&dialog, "apiKeyEdit"), key);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), kSafetyMs);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(KeyStore().readKeySync(kAccount).key, key);
    }

    // ---- Accounts: list ----------------------------------------------------------------------------

    void addEditAndRemoveAccounts()
    {
        SettingsDialog dialog(m_client);
        waitForKeyRead(dialog);
        auto* list = find<QListWidget>(&dialog, "accountList");
        auto* add = find<QPushButton>(&dialog, "addAccountButton");
        auto* remove = find<QPushButton>(&dialog, "removeAccountButton");
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->currentRow(), 1); // the current account is selected
        QCOMPARE(find<QLineEdit>(&dialog, "accountNameEdit")->text(), QStringLiteral("Settings test"));
        QVERIFY(remove->isEnabled());
        list->setCurrentRow(0);
        QVERIFY(!remove->isEnabled()); // the default Ark account always stays

        add->click();
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->currentRow(), 2);
        QVERIFY(remove->isEnabled());
        replaceText(find<QLineEdit>(&dialog, "accountNameEdit"), QStringLiteral("Local"));
        replaceText(find<QLineEdit>(&dialog, "baseUrlEdit"), QStringLiteral("http://127.0.0.1:9/api/v3"));
        QCOMPARE(list->item(2)->text(), QStringLiteral("Local"));
        const QString key = freshKey(QStringLiteral("second"));
        QTest::keyClicks(find<QLineEdit>(&dialog, "apiKeyEdit"), key);

        QSignalSpy accountsChanged(&dialog, &SettingsDialog::accountsChanged);
        QSignalSpy keyChanged(&dialog, &SettingsDialog::keyChanged);
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(accountsChanged.count(), 1);
        QCOMPARE(keyChanged.count(), 1);
        const QString id = keyChanged.first().first().toString();
        QVERIFY(id != kAccount && id != QLatin1String("ark"));
        auto accounts = AccountSettings::accounts();
        QCOMPARE(int(accounts.size()), 3);
        QCOMPARE(accounts[2].id, id);
        QCOMPARE(accounts[2].name, QStringLiteral("Local"));
        QCOMPARE(accounts[2].baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9/api/v3")));
        QCOMPARE(KeyStore().readKeySync(id).key, key);
        QCOMPARE(KeyStore().readKeySync(kAccount).status, Status::NotFound); // keys stay per account

        // Switching accounts shows each one's own fields.
        list->setCurrentRow(1);
        QCOMPARE(find<QLineEdit>(&dialog, "accountNameEdit")->text(), QStringLiteral("Settings test"));
        QCOMPARE(find<QLineEdit>(&dialog, "apiKeyEdit")->placeholderText(),
                 QStringLiteral("Paste the API key"));
        list->setCurrentRow(2);
        QCOMPARE(find<QLineEdit>(&dialog, "apiKeyEdit")->placeholderText(), KeyStore::masked(key));

        // Removing an account removes its key too.
        remove->click();
        QCOMPARE(list->count(), 2);
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(accountsChanged.count(), 2);
        QCOMPARE(int(AccountSettings::accounts().size()), 2);
        QCOMPARE(KeyStore().readKeySync(id).status, Status::NotFound);

        // The current account removed: the default one becomes current.
        list->setCurrentRow(1);
        remove->click();
        QCOMPARE(list->count(), 1);
        QVERIFY(!remove->isEnabled()); // never the last one either
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(AccountSettings::currentAccountId(), QStringLiteral("ark"));
    }

    void invalidBaseUrlIsRefused()
    {
        SettingsDialog dialog(m_client);
        waitForKeyRead(dialog);
        const QUrl before = AccountSettings::account(kAccount).baseUrl;
        replaceText(find<QLineEdit>(&dialog, "baseUrlEdit"), QStringLiteral("ftp://example.invalid"));
        QSignalSpy accountsChanged(&dialog, &SettingsDialog::accountsChanged);
        QCOMPARE(applyAndWait(dialog), 0);
        QCOMPARE(accountsChanged.count(), 0);
        QVERIFY(find<QLabel>(&dialog, "saveStatusLabel")->text().contains(QStringLiteral("http")));
        QCOMPARE(AccountSettings::account(kAccount).baseUrl, before);
    }

    // ---- Accounts: connection test -----------------------------------------------------------------

    void testModelDefault()
    {
        SettingsDialog dialog(m_client);
        auto* model = find<QLineEdit>(&dialog, "testModelEdit");
        QCOMPARE(model->text(), QStringLiteral("doubao-seed-1-6-250615"));
        dialog.setTestModel(QStringLiteral("doubao-1-5-pro-32k-250115"));
        QCOMPARE(model->text(), QStringLiteral("doubao-1-5-pro-32k-250115"));
        dialog.setTestModel(QString());
        QCOMPARE(model->text(), QStringLiteral("doubao-seed-1-6-250615"));
    }

    void testConnection_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("storeKeyFirst"); // false: the key is typed and not saved
        QTest::addColumn<bool>("works");
        QTest::newRow("echo, typed key") << QStringLiteral("loopback-echo") << false << true;
        QTest::newRow("echo, stored key") << QStringLiteral("loopback-echo") << true << true;
        QTest::newRow("bad key") << QStringLiteral("loopback-badkey") << false << false;
    }

    void testConnection()
    {
        QFETCH(QString, model);
        QFETCH(bool, storeKeyFirst);
        QFETCH(bool, works);
        ark::testsupport::LoopbackServer server;
        QVERIFY(server.listen());
        const QString key = freshKey(QStringLiteral("test"));
        if (storeKeyFirst)
            QCOMPARE(KeyStore().writeKeySync(kAccount, key).status, Status::Ok);

        SettingsDialog dialog(m_client);
        dialog.setTestModel(model);
        waitForKeyRead(dialog);
        replaceText(find<QLineEdit>(&dialog, "baseUrlEdit"), server.baseUrl().toString());
        if (!storeKeyFirst)
            QTest::keyClicks(find<QLineEdit>(&dialog, "apiKeyEdit"), key);
        auto* button = find<QPushButton>(&dialog, "testConnectionButton");
        auto* result = find<QLabel>(&dialog, "testResultLabel");
        const QString idleText = button->text();

        for (int run = 1; run <= 2; ++run) { // the test can run again
            button->click();
            QVERIFY(result->property("busy").toBool());
            QVERIFY(button->text() != idleText); // busy: the button cancels meanwhile
            QTRY_VERIFY_WITH_TIMEOUT(!result->property("busy").toBool(), kSafetyMs);
            QCOMPARE(button->text(), idleText);

            const QString text = result->text();
            if (works) {
                QVERIFY2(
                    text.startsWith(QStringLiteral("Connection works (model %1 answered in ").arg(model)),
                    qPrintable(text));
                QVERIFY2(text.endsWith(QStringLiteral(" ms).")), qPrintable(text));
            } else {
                QVERIFY2(text.contains(QStringLiteral("401")) ||
                             text.contains(QStringLiteral("AuthenticationError")),
                         qPrintable(text));
            }
            QVERIFY(!text.contains(key));

            QCOMPARE(server.requests().size(), run);
            const ark::testsupport::RecordedRequest& request = server.requests().last();
            QVERIFY(request.path.endsWith("/chat/completions"));
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + key.toUtf8());
            const QJsonObject body = QJsonDocument::fromJson(request.body).object();
            QCOMPARE(body.value(QStringLiteral("model")).toString(), model);
            QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 1);
        }
        // Testing saves nothing.
        QCOMPARE(AccountSettings::account(kAccount).baseUrl.toString(), ark::api::kDefaultArkBaseUrl);
        if (!storeKeyFirst)
            QCOMPARE(KeyStore().readKeySync(kAccount).status, Status::NotFound);
    }

    void testWithoutAnyKeySendsNothing()
    {
        ark::testsupport::LoopbackServer server;
        QVERIFY(server.listen());
        SettingsDialog dialog(m_client);
        waitForKeyRead(dialog);
        replaceText(find<QLineEdit>(&dialog, "baseUrlEdit"), server.baseUrl().toString());
        find<QPushButton>(&dialog, "testConnectionButton")->click();
        auto* result = find<QLabel>(&dialog, "testResultLabel");
        QVERIFY(!result->property("busy").toBool());
        QVERIFY2(result->text().contains(QStringLiteral("no key")), qPrintable(result->text()));
        QCoreApplication::processEvents();
        QCOMPARE(server.totalConnections(), 0);
    }

    // ---- Appearance, language, sending -------------------------------------------------------------

    void themes()
    {
        SettingsDialog dialog(m_client);
        QVERIFY(find<QRadioButton>(&dialog, "themeSystemRadio")->isChecked()); // the default
        QSignalSpy themeChanged(&dialog, &SettingsDialog::themeChanged);

        find<QRadioButton>(&dialog, "themeDarkRadio")->click();
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(themeChanged.count(), 1);
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);

        find<QRadioButton>(&dialog, "themeLightRadio")->click();
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(themeChanged.count(), 2);
        QCOMPARE(SettingsDialog::savedTheme(), QStringLiteral("light"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);

        find<QRadioButton>(&dialog, "themeSystemRadio")->click();
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(themeChanged.count(), 3);
        QCOMPARE(SettingsDialog::savedTheme(), QStringLiteral("system"));
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_systemWindowColour);

        QCOMPARE(applyAndWait(dialog), 1); // nothing changed: no signal
        QCOMPARE(themeChanged.count(), 3);
    }

    void fontSize()
    {
        SettingsDialog dialog(m_client);
        auto* spin = find<QSpinBox>(&dialog, "fontSizeSpin");
        const int size = spin->value() == 15 ? 16 : 15;
        QSignalSpy changed(&dialog, &SettingsDialog::conversationFontSizeChanged);
        spin->setValue(size);
        QCOMPARE(changed.count(), 0); // only when saved
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toInt(), size);
        QCOMPARE(SettingsDialog::conversationFontSize(), size);
        SettingsDialog reopened(m_client);
        QCOMPARE(find<QSpinBox>(&reopened, "fontSizeSpin")->value(), size);
    }

    void language()
    {
        SettingsDialog dialog(m_client);
        auto* combo = find<QComboBox>(&dialog, "languageCombo");
        QCOMPARE(combo->currentData().toString(), QString()); // system
        QVERIFY(combo->findText(QStringLiteral("简体中文")) >= 0);
        QVERIFY(combo->findText(QStringLiteral("English")) >= 0);
        QCOMPARE(find<QLabel>(&dialog, "languageNote")->text(),
                 QStringLiteral("Applied when the app restarts."));
        combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(AccountSettings::language(), QStringLiteral("zh_CN"));
        SettingsDialog reopened(m_client);
        QCOMPARE(find<QComboBox>(&reopened, "languageCombo")->currentData().toString(),
                 QStringLiteral("zh_CN"));
    }

    void sendKey()
    {
        SettingsDialog dialog(m_client);
        QVERIFY(find<QRadioButton>(&dialog, "sendEnterRadio")->isChecked()); // Enter sends by default
        QSignalSpy changed(&dialog, &SettingsDialog::sendKeyChanged);
        find<QRadioButton>(&dialog, "sendCtrlEnterRadio")->click();
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toBool(), true);
        QVERIFY(AccountSettings::sendWithCtrlEnter());

        find<QRadioButton>(&dialog, "sendEnterRadio")->click();
        QCOMPARE(applyAndWait(dialog), 1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().first().toBool(), false);
        QVERIFY(!AccountSettings::sendWithCtrlEnter());
    }

    // ---- First run ---------------------------------------------------------------------------------

    void firstRunSavesKeyAndBaseUrl()
    {
        const QString key = freshKey(QStringLiteral("firstrun"));
        const QUrl local(QStringLiteral("http://127.0.0.1:18080/api/v3"));
        FirstRunPanel panel;
        auto* keyEdit = find<QLineEdit>(&panel, "firstRunKeyEdit");
        auto* url = find<QLineEdit>(&panel, "firstRunBaseUrlEdit");
        auto* save = find<QPushButton>(&panel, "firstRunSaveButton");
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
        QCOMPARE(url->text(),
                 AccountSettings::account(AccountSettings::currentAccountId()).baseUrl.toString());
        QVERIFY(!save->isEnabled()); // nothing to save yet
        auto* explanation = find<QLabel>(&panel, "firstRunExplanation");
        QVERIFY(explanation->text().contains(
            QStringLiteral("https://console.volcengine.com/ark/region:ark+cn-beijing/apiKey")));
        QVERIFY(explanation->text().contains(QStringLiteral("keychain")));

        replaceText(url, local.toString());
        QTest::keyClicks(keyEdit, key);
        QVERIFY(save->isEnabled());
        QSignalSpy keySaved(&panel, &FirstRunPanel::keySaved);
        save->click();
        QVERIFY(keySaved.wait(kSafetyMs));
        QCOMPARE(keySaved.count(), 1);
        QCOMPARE(keySaved.first().first().toString(), kAccount);
        QCOMPARE(KeyStore().readKeySync(kAccount).key, key);
        QCOMPARE(AccountSettings::account(kAccount).baseUrl, local);
        QVERIFY(keyEdit->text().isEmpty());
        QVERIFY(find<QLabel>(&panel, "firstRunErrorLabel")->isHidden());

        QSettings().sync();
        QStringList scanned;
        const QStringList hits = plainTextCopies(key, &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("the key in plain text in: ") + hits.join(u' ')));
        QVERIFY(scanned.contains(QFileInfo(QSettings().fileName()).canonicalFilePath()));
    }

    void firstRunRefusesBadBaseUrl()
    {
        FirstRunPanel panel;
        replaceText(find<QLineEdit>(&panel, "firstRunBaseUrlEdit"), QStringLiteral("not a url"));
        QTest::keyClicks(find<QLineEdit>(&panel, "firstRunKeyEdit"), freshKey(QStringLiteral("badurl")));
        QSignalSpy keySaved(&panel, &FirstRunPanel::keySaved);
        find<QPushButton>(&panel, "firstRunSaveButton")->click();
        QVERIFY(!find<QLabel>(&panel, "firstRunErrorLabel")->isHidden());
        QCoreApplication::processEvents();
        QCOMPARE(keySaved.count(), 0);
        QCOMPARE(KeyStore().readKeySync(kAccount).status, Status::NotFound);
    }

    // With no Secret Service the dialog and the panel say what to install, and nothing lands in a file.
    void keychainUnavailableIsExplained()
    {
        const QString key = freshKey(QStringLiteral("nobus"));
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildKeyVariable), key);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), QStringList());
        QVERIFY2(child.waitForFinished(kSafetyMs), "the child process did not finish");
        const QByteArray err = child.readAllStandardError();
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 0, err.constData());
        const QByteArray out = child.readAllStandardOutput();
        const QJsonObject result = QJsonDocument::fromJson(out).object();
        QVERIFY2(result.contains(QStringLiteral("firstRunError")), out.constData());

        const QString firstRunError = result.value(QStringLiteral("firstRunError")).toString();
        QVERIFY2(firstRunError.contains(QStringLiteral("gnome-keyring")), qPrintable(firstRunError));
        QVERIFY(!result.value(QStringLiteral("keySaved")).toBool());
        QCOMPARE(result.value(QStringLiteral("dialogSaved")).toInt(), 0);
        for (const auto* field : {"dialogStatus", "dialogKeyStatus"}) {
            const QString text = result.value(QLatin1String(field)).toString();
            QVERIFY2(text.contains(QStringLiteral("gnome-keyring")), qPrintable(text));
        }
        QVERIFY(!out.contains(key.toUtf8()));
        QVERIFY(!err.contains(key.toUtf8()));
        QCOMPARE(result.value(QStringLiteral("plainTextHits")).toString(), QString());
        QStringList scanned;
        QCOMPARE(plainTextCopies(key, &scanned), QStringList());
        QCOMPARE(KeyStore().readKeySync(kAccount).status, Status::NotFound);
    }

    // ---- Conversation settings ---------------------------------------------------------------------

    void paramsRoundTrip_data()
    {
        QTest::addColumn<ConversationParams>("params");
        QTest::newRow("nothing set") << ConversationParams{};
        ConversationParams all;
        all.model = QStringLiteral("doubao-seed-1-6-250615");
        all.systemPrompt = QStringLiteral("You are terse.\nAnswer in English.");
        all.temperature = 0.7;
        all.topP = 0.9;
        all.maxTokens = 2048;
        all.frequencyPenalty = 0.5;
        all.presencePenalty = -1.25;
        all.stop = QStringList{QStringLiteral("END"), QStringLiteral("\n\nUser:"), QStringLiteral("a\\b\tc")};
        all.thinking = ark::api::ThinkingMode::Disabled;
        QTest::newRow("everything set") << all;
        ConversationParams zeros;
        zeros.model = QStringLiteral("ep-20250101000000-abcde");
        zeros.temperature = 0.0; // set to zero is not the same as unset
        zeros.frequencyPenalty = 0.0;
        zeros.thinking = ark::api::ThinkingMode::Auto;
        QTest::newRow("zeros and auto") << zeros;
        ConversationParams precise;
        precise.temperature = 0.123; // more decimals than the spin box shows: kept while untouched
        precise.thinking = ark::api::ThinkingMode::Enabled;
        QTest::newRow("more precision than shown") << precise;
    }

    void paramsRoundTrip()
    {
        QFETCH(ConversationParams, params);
        ConversationSettingsPanel panel;
        QSignalSpy changed(&panel, &ConversationSettingsPanel::paramsChanged);
        panel.setParams(params);
        QVERIFY(panel.params() == params);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!find<QTimer>(&panel, "paramsDebounceTimer")->isActive()); // nothing queued either
        QCOMPARE(find<QCheckBox>(&panel, "temperatureSet")->isChecked(), params.temperature.has_value());
        QCOMPARE(find<QDoubleSpinBox>(&panel, "temperatureValue")->isEnabled(),
                 params.temperature.has_value());
        QCOMPARE(find<QCheckBox>(&panel, "maxTokensSet")->isChecked(), params.maxTokens.has_value());
        QCOMPARE(find<QCheckBox>(&panel, "presencePenaltySet")->isChecked(),
                 params.presencePenalty.has_value());
        QCOMPARE(find<QComboBox>(&panel, "thinkingCombo")->currentData().toInt(), int(params.thinking));
        QCOMPARE(find<QComboBox>(&panel, "modelCombo")->currentText(), params.model);

        // Setting other params and back again emits nothing either.
        panel.setParams(ConversationParams{});
        panel.setParams(params);
        QVERIFY(panel.params() == params);
        QCOMPARE(changed.count(), 0);
    }

    void setCheckboxesEmit_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("temperature") << QStringLiteral("temperature");
        QTest::newRow("top_p") << QStringLiteral("topP");
        QTest::newRow("max tokens") << QStringLiteral("maxTokens");
        QTest::newRow("frequency penalty") << QStringLiteral("frequencyPenalty");
        QTest::newRow("presence penalty") << QStringLiteral("presencePenalty");
    }

    void setCheckboxesEmit()
    {
        QFETCH(QString, name);
        ConversationSettingsPanel panel;
        ConversationParams start;
        start.model = QStringLiteral("loopback-echo");
        panel.setParams(start);
        const auto isSet = [&name](const ConversationParams& p) {
            if (name == QLatin1String("temperature"))
                return p.temperature.has_value();
            if (name == QLatin1String("topP"))
                return p.topP.has_value();
            if (name == QLatin1String("maxTokens"))
                return p.maxTokens.has_value();
            if (name == QLatin1String("frequencyPenalty"))
                return p.frequencyPenalty.has_value();
            return p.presencePenalty.has_value();
        };
        const auto value = [&name](const ConversationParams& p) {
            if (name == QLatin1String("temperature"))
                return *p.temperature;
            if (name == QLatin1String("topP"))
                return *p.topP;
            if (name == QLatin1String("maxTokens"))
                return double(*p.maxTokens);
            if (name == QLatin1String("frequencyPenalty"))
                return *p.frequencyPenalty;
            return *p.presencePenalty;
        };
        auto* box = panel.findChild<QCheckBox*>(name + QStringLiteral("Set"));
        auto* spin = panel.findChild<QAbstractSpinBox*>(name + QStringLiteral("Value"));
        QVERIFY(box && spin);
        QVERIFY(!spin->isEnabled());
        QSignalSpy changed(&panel, &ConversationSettingsPanel::paramsChanged);

        box->click();
        QCOMPARE(changed.count(), 1);
        const auto on = changed.last().first().value<ConversationParams>();
        QVERIFY(isSet(on));
        QCOMPARE(on.model, start.model);
        QVERIFY(spin->isEnabled());
        QVERIFY(panel.params() == on);

        // A new value while set is written at once.
        spin->stepUp();
        QCOMPARE(changed.count(), 2);
        const auto stepped = changed.last().first().value<ConversationParams>();
        QVERIFY(value(stepped) > value(on));

        box->click();
        QCOMPARE(changed.count(), 3);
        QVERIFY(!isSet(changed.last().first().value<ConversationParams>()));
        QVERIFY(!spin->isEnabled());
        QVERIFY(panel.params() == start);
    }

    void thinkingModeEmits_data()
    {
        QTest::addColumn<ark::api::ThinkingMode>("mode");
        QTest::newRow("enabled") << ark::api::ThinkingMode::Enabled;
        QTest::newRow("disabled") << ark::api::ThinkingMode::Disabled;
        QTest::newRow("auto") << ark::api::ThinkingMode::Auto;
    }

    void thinkingModeEmits()
    {
        QFETCH(ark::api::ThinkingMode, mode);
        ConversationSettingsPanel panel;
        QSignalSpy changed(&panel, &ConversationSettingsPanel::paramsChanged);
        auto* combo = find<QComboBox>(&panel, "thinkingCombo");
        combo->setCurrentIndex(combo->findData(int(mode)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().first().value<ConversationParams>().thinking, mode);
        combo->setCurrentIndex(combo->findData(int(ark::api::ThinkingMode::Unset)));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().first().value<ConversationParams>().thinking, ark::api::ThinkingMode::Unset);
    }

    void textEditsAreDebounced()
    {
        ConversationSettingsPanel panel;
        QSignalSpy changed(&panel, &ConversationSettingsPanel::paramsChanged);
        auto* prompt = find<QPlainTextEdit>(&panel, "systemPromptEdit");
        QTest::keyClicks(prompt, QStringLiteral("Be brief"));
        QCOMPARE(changed.count(), 0); // not once per key
        QVERIFY(find<QTimer>(&panel, "paramsDebounceTimer")->isActive());
        QVERIFY(changed.wait(kSafetyMs));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().first().value<ConversationParams>().systemPrompt, QStringLiteral("Be brief"));

        auto* model = find<QComboBox>(&panel, "modelCombo");
        QTest::keyClicks(model->lineEdit(), QStringLiteral("loopback-echo"));
        QCOMPARE(changed.count(), 1);
        QVERIFY(changed.wait(kSafetyMs));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().first().value<ConversationParams>().model, QStringLiteral("loopback-echo"));

        // A checkbox right after typing carries the typed text and leaves nothing pending.
        QTest::keyClicks(prompt, QStringLiteral("!"));
        find<QCheckBox>(&panel, "temperatureSet")->click();
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.last().first().value<ConversationParams>().systemPrompt,
                 QStringLiteral("Be brief!"));
        QVERIFY(!find<QTimer>(&panel, "paramsDebounceTimer")->isActive());
    }

    void stopSequences_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("two lines") << QStringLiteral("END\nSTOP")
                                   << QStringList{QStringLiteral("END"), QStringLiteral("STOP")};
        QTest::newRow("empty lines skipped")
            << QStringLiteral("\nEND\n\n") << QStringList{QStringLiteral("END")};
        QTest::newRow("escapes") << QStringLiteral("\\n\\nUser:\ta\\tb\nback\\\\slash\nodd\\x")
                                 << QStringList{QStringLiteral("\n\nUser:\ta\tb"),
                                                QStringLiteral("back\\slash"), QStringLiteral("odd\\x")};
        QTest::newRow("at most four") << QStringLiteral("1\n2\n3\n4\n5")
                                      << QStringList{QStringLiteral("1"), QStringLiteral("2"),
                                                     QStringLiteral("3"), QStringLiteral("4")};
        QTest::newRow("spaces kept") << QStringLiteral(" ") << QStringList{QStringLiteral(" ")};
    }

    void stopSequences()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(ConversationSettingsPanel::stopFromText(text), expected);
        QCOMPARE(ConversationSettingsPanel::stopFromText(ConversationSettingsPanel::stopToText(expected)),
                 expected);

        ConversationSettingsPanel panel;
        QSignalSpy changed(&panel, &ConversationSettingsPanel::paramsChanged);
        find<QPlainTextEdit>(&panel, "stopEdit")->setPlainText(text);
        QVERIFY(changed.wait(kSafetyMs));
        QCOMPARE(changed.last().first().value<ConversationParams>().stop, expected);
        const bool tooMany = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() > 4;
        QCOMPARE(find<QLabel>(&panel, "stopHint")->text().contains(QStringLiteral("Only the first 4")),
                 tooMany);
    }

    void recentModelsOffered()
    {
        AccountSettings::addRecentModel(QStringLiteral("loopback-echo"));
        AccountSettings::addRecentModel(QStringLiteral("doubao-seed-1-6-250615"));
        ConversationSettingsPanel panel;
        auto* combo = find<QComboBox>(&panel, "modelCombo");
        QVERIFY(combo->findText(QStringLiteral("loopback-echo")) >= 0);
        QVERIFY(combo->findText(QStringLiteral("doubao-seed-1-6-250615")) >= 0);
        QSignalSpy changed(&panel, &ConversationSettingsPanel::paramsChanged);
        combo->setCurrentIndex(combo->findText(QStringLiteral("loopback-echo")));
        QVERIFY(changed.wait(kSafetyMs));
        QCOMPARE(panel.params().model, QStringLiteral("loopback-echo"));
    }

    // ---- What a person sees ------------------------------------------------------------------------

    void labelsLeadToTheirFields()
    {
        SettingsDialog dialog(m_client);
        FirstRunPanel firstRun;
        ConversationSettingsPanel panel;
        for (QWidget* widget : std::initializer_list<QWidget*>{&dialog, &firstRun, &panel}) {
            const QStringList missing = labelsWithoutBuddy(widget);
            QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        }
        // The key field can be reached with the keyboard, right after the base URL.
        auto* url = find<QLineEdit>(&dialog, "baseUrlEdit");
        QCOMPARE(url->nextInFocusChain(), find<QLineEdit>(&dialog, "apiKeyEdit"));
        QVERIFY(find<QLineEdit>(&dialog, "apiKeyEdit")->focusPolicy() & Qt::TabFocus);
    }

    void screenshots()
    {
        ConversationParams params;
        params.model = QStringLiteral("doubao-seed-1-6-250615");
        params.systemPrompt = QStringLiteral("You are a careful assistant. Answer briefly.");
        params.temperature = 0.7;
        params.maxTokens = 2048;
        params.stop = {QStringLiteral("END")};
        params.thinking = ark::api::ThinkingMode::Auto;
        QCOMPARE(KeyStore().writeKeySync(kAccount, freshKey(QStringLiteral("shot"))).status, Status::Ok);

        SettingsDialog dialog(m_client);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        waitForKeyRead(dialog);
        const char* const pages[] = {"accounts", "appearance", "language", "sending"};
        for (int page = 0; page < 4; ++page) {
            dialog.showPage(SettingsDialog::Page(page));
            QCoreApplication::processEvents();
            const QStringList clipped = clippedChildren(&dialog);
            QVERIFY2(clipped.isEmpty(), qPrintable(QLatin1String(pages[page]) + QLatin1String(": ") +
                                                   clipped.join(QStringLiteral(", "))));
            QVERIFY(!shoot(&dialog, QStringLiteral("dialog-%1").arg(QLatin1String(pages[page]))).isNull());
        }
        dialog.showPage(SettingsDialog::Page::Accounts);

        // After a failed connection test: the long error message must wrap inside the dialog.
        ark::testsupport::LoopbackServer server;
        QVERIFY(server.listen());
        dialog.setTestModel(QStringLiteral("loopback-badkey"));
        replaceText(find<QLineEdit>(&dialog, "baseUrlEdit"), server.baseUrl().toString());
        auto* result = find<QLabel>(&dialog, "testResultLabel");
        find<QPushButton>(&dialog, "testConnectionButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!result->property("busy").toBool(), kSafetyMs);
        QVERIFY(!result->text().isEmpty());
        QCoreApplication::processEvents();
        QVERIFY2(clippedChildren(&dialog).isEmpty(), qPrintable(clippedChildren(&dialog).join(u',')));
        QVERIFY(!shoot(&dialog, QStringLiteral("dialog-accounts-error")).isNull());

        // The dark palette, as the Dark choice applies it.
        SettingsDialog::applyTheme(QStringLiteral("dark"));
        QCoreApplication::processEvents();
        QVERIFY(!shoot(&dialog, QStringLiteral("dialog-dark")).isNull());
        SettingsDialog::applyTheme(QStringLiteral("system"));

        FirstRunPanel firstRun;
        firstRun.resize(900, 600);
        firstRun.show();
        QVERIFY(QTest::qWaitForWindowExposed(&firstRun));
        QVERIFY2(clippedChildren(&firstRun).isEmpty(), qPrintable(clippedChildren(&firstRun).join(u',')));
        QVERIFY(!shoot(&firstRun, QStringLiteral("firstrun")).isNull());

        ConversationSettingsPanel panel;
        panel.setParams(params);
        panel.resize(300, 720); // about a dock's width
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!shoot(&panel, QStringLiteral("conversation")).isNull());
    }
};

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ark-workbench-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
    if (qEnvironmentVariableIsSet(kChildKeyVariable))
        return runChild();
    TestSettingsDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settingsdialog.moc"
