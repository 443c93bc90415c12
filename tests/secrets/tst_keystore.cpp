// KeyStore against a real Secret Service: the private D-Bus session and unlocked gnome-keyring that
// tests/with-keyring.sh sets up in a throw-away HOME. The failure cases run this binary again as a child
// process with a broken or empty session bus, so the parent's keychain stays usable.
#include "secrets/KeyStore.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>
#include <optional>

using ark::secrets::KeyResult;
using ark::secrets::KeyStore;
using Status = ark::secrets::KeyResult::Status;

Q_DECLARE_METATYPE(ark::secrets::KeyResult::Status)

namespace {

constexpr int kSafetyMs = 60000; // a safety limit for waits, never a measured expectation
const char kChildKeyVariable[] = "ARK_KEYSTORE_TEST_CHILD_KEY";
const char kChildLockVariable[] = "ARK_KEYSTORE_TEST_CHILD_LOCK";
const QString kChildProvider = QStringLiteral("ark-child");
const QString kWithKeyring = QStringLiteral(ARK_TEST_DATA_DIR "/../with-keyring.sh");

// A fresh key per use: a match in a file can only come from this run.
QString freshKey(const QString& tag)
{
    return QStringLiteral("test-%1-%2").arg(tag, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

// The test writes into the session's keychain and reads every file under HOME: it must only ever run in
// the sandbox of tests/with-keyring.sh, never against a person's own keyring and home directory.
QString sandboxProblem()
{
    const QString advice =
        QStringLiteral(" Run it via tests/with-keyring.sh, e.g. "
                       "tests/with-keyring.sh env QT_QPA_PLATFORM=offscreen build/bin/tst_keystore");
    if (qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty())
        return QStringLiteral("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset).") + advice;
    const QString sandbox = qEnvironmentVariable("ARK_KEYRING_SANDBOX");
    if (sandbox.isEmpty() || !QDir::homePath().startsWith(sandbox + QLatin1Char('/')))
        return QStringLiteral("HOME is not the throw-away home of tests/with-keyring.sh.") + advice;
    return QString();
}

// Every regular file under `root` that contains one of `needles`; `scanned` counts the files read.
QStringList filesContaining(const QString& root, const QList<QByteArray>& needles, int* scanned)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!it.fileInfo().isFile())
            continue; // sockets, fifos
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        ++*scanned;
        for (const QByteArray& needle : needles) {
            if (content.contains(needle)) {
                hits << path;
                break;
            }
        }
    }
    return hits;
}

// The forms in which a key could sit in a file: as typed, and as qtkeychain's binary mode would store it.
QList<QByteArray> needlesFor(const QString& key)
{
    const QByteArray utf8 = key.toUtf8();
    return {utf8, utf8.toBase64()};
}

struct SecretToolResult
{
    int exitCode = -1;
    QString output;
};

// Reads an item back through libsecret's own command-line tool: proof that it lives in the Secret Service.
SecretToolResult secretToolLookup(const QString& provider)
{
    SecretToolResult result;
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), ark::secrets::kKeychainService,
                QStringLiteral("user"), provider});
    if (!tool.waitForFinished(kSafetyMs))
        return result;
    result.exitCode = tool.exitStatus() == QProcess::NormalExit ? tool.exitCode() : -1;
    result.output = QString::fromUtf8(tool.readAllStandardOutput());
    return result;
}

// Locks the session's default keyring as a person's screen lock or logout would.
bool lockLoginCollection()
{
    QProcess send;
    send.start(QStringLiteral("dbus-send"),
               {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                QStringLiteral("--dest=org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
    return send.waitForFinished(kSafetyMs) && send.exitStatus() == QProcess::NormalExit &&
           send.exitCode() == 0;
}

// Child mode: try to store and read the key from kChildKeyVariable, look for it in every file of the
// child's HOME and runtime directory, print all of it as JSON, exit.
int runChild()
{
    const QString key = qEnvironmentVariable(kChildKeyVariable);
    QJsonObject out;
    if (qEnvironmentVariableIsSet(kChildLockVariable) && !lockLoginCollection()) {
        out.insert(QStringLiteral("setupError"), QStringLiteral("could not lock the login collection"));
    } else {
        KeyStore store;
        const KeyResult written = store.writeKeySync(kChildProvider, key);
        const KeyResult read = store.readKeySync(kChildProvider);
        out.insert(QStringLiteral("writeStatus"), int(written.status));
        out.insert(QStringLiteral("writeMessage"), written.message);
        out.insert(QStringLiteral("readStatus"), int(read.status));
        out.insert(QStringLiteral("readMessage"), read.message);
        out.insert(QStringLiteral("readKeyMatches"), read.key == key);
        int scanned = 0;
        QStringList hits = filesContaining(QDir::homePath(), needlesFor(key), &scanned);
        hits += filesContaining(qEnvironmentVariable("XDG_RUNTIME_DIR"), needlesFor(key), &scanned);
        out.insert(QStringLiteral("plainTextHits"), hits.join(u' '));
    }
    QFile stdOut;
    if (!stdOut.open(stdout, QIODevice::WriteOnly))
        return 3;
    stdOut.write(QJsonDocument(out).toJson(QJsonDocument::Compact));
    return 0;
}

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString problem = sandboxProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
                 "secret-tool is missing (Debian: apt install libsecret-tools)");
    }

    void cleanupTestCase()
    {
        if (!sandboxProblem().isEmpty())
            return;
        KeyStore store;
        for (const QString& provider : {QStringLiteral("ark"), QStringLiteral("openai-compat_2")})
            store.deleteKeySync(provider);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("ark") << QStringLiteral("ark");
        QTest::newRow("other provider") << QStringLiteral("openai-compat_2");
    }

    void roundTrip()
    {
        QFETCH(QString, provider);
        KeyStore store;
        const QString first = freshKey(QStringLiteral("first"));
        const QString second = freshKey(QStringLiteral("second"));

        KeyResult r = store.writeKeySync(provider, first);
        QCOMPARE(r.status, Status::Ok);
        r = store.readKeySync(provider);
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.key, first);

        r = store.writeKeySync(provider, second); // overwrite, not a second entry
        QCOMPARE(r.status, Status::Ok);
        r = store.readKeySync(provider);
        QCOMPARE(r.status, Status::Ok);
        QCOMPARE(r.key, second);

        const SecretToolResult outside = secretToolLookup(provider);
        QCOMPARE(outside.exitCode, 0);
        QCOMPARE(outside.output, second);

        r = store.deleteKeySync(provider);
        QCOMPARE(r.status, Status::Ok);
        r = store.readKeySync(provider);
        QCOMPARE(r.status, Status::NotFound);
        QVERIFY(r.key.isEmpty());
        QCOMPARE(secretToolLookup(provider).exitCode, 1); // secret-tool: 1 = nothing found

        r = store.deleteKeySync(provider); // deleting what is not there is not an error
        QVERIFY2(r.status == Status::Ok || r.status == Status::NotFound, qPrintable(r.message));
    }

    void providersAndServicesAreSeparate()
    {
        KeyStore store;
        const QString arkKey = freshKey(QStringLiteral("ark"));
        const QString otherKey = freshKey(QStringLiteral("other"));
        QCOMPARE(store.writeKeySync(QStringLiteral("ark"), arkKey).status, Status::Ok);
        QCOMPARE(store.writeKeySync(QStringLiteral("openai-compat_2"), otherKey).status, Status::Ok);

        QCOMPARE(store.readKeySync(QStringLiteral("ark")).key, arkKey);
        QCOMPARE(store.readKeySync(QStringLiteral("openai-compat_2")).key, otherKey);

        KeyStore otherService(QStringLiteral("ark-workbench-test-other-service"));
        QCOMPARE(otherService.readKeySync(QStringLiteral("ark")).status, Status::NotFound);

        QCOMPARE(store.deleteKeySync(QStringLiteral("ark")).status, Status::Ok);
        QCOMPARE(store.readKeySync(QStringLiteral("ark")).status, Status::NotFound);
        const KeyResult survivor = store.readKeySync(QStringLiteral("openai-compat_2"));
        QCOMPARE(survivor.status, Status::Ok);
        QCOMPARE(survivor.key, otherKey);
        QCOMPARE(store.deleteKeySync(QStringLiteral("openai-compat_2")).status, Status::Ok);
    }

    void asynchronousCallbacks()
    {
        KeyStore store;
        const QString key = freshKey(QStringLiteral("async"));
        std::optional<KeyResult> written;
        store.writeKey(QStringLiteral("ark"), key, [&](KeyResult r) { written = r; });
        QVERIFY(!written); // never called from inside writeKey
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), kSafetyMs);
        QCOMPARE(written->status, Status::Ok);

        std::optional<KeyResult> read;
        store.readKey(QStringLiteral("ark"), [&](KeyResult r) { read = r; });
        QVERIFY(!read);
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), kSafetyMs);
        QCOMPARE(read->status, Status::Ok);
        QCOMPARE(read->key, key);

        std::optional<KeyResult> removed;
        store.deleteKey(QStringLiteral("ark"), [&](KeyResult r) { removed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), kSafetyMs);
        QCOMPARE(removed->status, Status::Ok);
    }

    void callbackDroppedWhenStoreIsGone()
    {
        const QString key = freshKey(QStringLiteral("orphan"));
        bool called = false;
        auto store = std::make_unique<KeyStore>();
        store->writeKey(QStringLiteral("ark"), key, [&](KeyResult) { called = true; });
        store.reset(); // the request is in flight; its job must finish safely without calling back

        // A later read sees the write, so the orphaned job has finished by then.
        KeyStore other;
        QTRY_COMPARE_WITH_TIMEOUT(other.readKeySync(QStringLiteral("ark")).key, key, kSafetyMs);
        QCoreApplication::processEvents();
        QVERIFY(!called);
        QCOMPARE(other.deleteKeySync(QStringLiteral("ark")).status, Status::Ok);
    }

    void rejectsEmptyArguments()
    {
        KeyStore store;
        KeyResult r = store.writeKeySync(QStringLiteral("ark"), QString());
        QCOMPARE(r.status, Status::Failed);
        QVERIFY(!r.message.isEmpty());
        QCOMPARE(store.readKeySync(QStringLiteral("ark")).status, Status::NotFound);

        r = store.writeKeySync(QString(), freshKey(QStringLiteral("noprovider")));
        QCOMPARE(r.status, Status::Failed);
        QCOMPARE(store.readKeySync(QString()).status, Status::Failed);
        QCOMPARE(store.deleteKeySync(QString()).status, Status::Failed);
    }

    void noPlainTextCopyUnderHome()
    {
        KeyStore store;
        const QString key = freshKey(QStringLiteral("plaintext"));
        QCOMPARE(store.writeKeySync(QStringLiteral("ark"), key).status, Status::Ok);
        QCOMPARE(secretToolLookup(QStringLiteral("ark")).output, key);

        int scanned = 0;
        QStringList hits = filesContaining(QDir::homePath(), needlesFor(key), &scanned);
        hits += filesContaining(qEnvironmentVariable("XDG_RUNTIME_DIR"), needlesFor(key), &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("the key in plain text in: ") + hits.join(u' ')));

        // The walk did reach the keyring files, which hold the key, only encrypted.
        int keyrings = 0;
        const QString keyringDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                                   QStringLiteral("/keyrings");
        QVERIFY(filesContaining(keyringDir, {}, &keyrings).isEmpty());
        QVERIFY2(keyrings > 0, qPrintable(QStringLiteral("no keyring file in ") + keyringDir));
        QVERIFY(scanned >= keyrings);

        QCOMPARE(store.deleteKeySync(QStringLiteral("ark")).status, Status::Ok);
    }

    void masked_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QStringLiteral("****");
        QTest::newRow("1 char") << QStringLiteral("a") << QStringLiteral("****");
        QTest::newRow("4 chars") << QStringLiteral("abcd") << QStringLiteral("****");
        QTest::newRow("8 chars") << QStringLiteral("abcdefgh") << QStringLiteral("****");
        QTest::newRow("9 chars") << QStringLiteral("abcdefghi") << QStringLiteral("****fghi");
        QTest::newRow("uuid-like") << QStringLiteral("3f2a9c1e-7b4d-4e8a-9f10-2c5d6e7fabcd")
                                   << QStringLiteral("****abcd");
        QTest::newRow("non-ascii") << QStringLiteral("密钥密钥密钥密钥密钥")
                                   << QStringLiteral("****密钥密钥");
    }

    void masked()
    {
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const QString shown = KeyStore::masked(key);
        QCOMPARE(shown, expected);
        QVERIFY(shown.size() <= 8); // never more than four characters of the key
        if (key.size() > 4)
            QVERIFY(!shown.contains(key));
    }

    void unavailableKeychain_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<Status>("expected");
        QTest::addColumn<QStringList>("guidance"); // what the message must mention
        const QStringList install = {QStringLiteral("gnome-keyring"), QStringLiteral("ARK_API_KEY")};
        QTest::newRow("no session bus") << QStringLiteral("no-bus") << Status::NoKeychain << install;
        QTest::newRow("bus without a Secret Service")
            << QStringLiteral("no-provider") << Status::NoKeychain << install;
        QTest::newRow("locked keyring") << QStringLiteral("locked") << Status::AccessDenied
                                        << QStringList{QStringLiteral("unlock your keychain")};
    }

    // A child process of this binary tries to store a key where the keychain cannot be used.
    void unavailableKeychain()
    {
        QFETCH(QString, setup);
        QFETCH(Status, expected);
        QFETCH(QStringList, guidance);
        const QString key = freshKey(QStringLiteral("unavailable"));
        QTemporaryDir busDir;
        QVERIFY(busDir.isValid());

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildKeyVariable), key);
        const QString self = QCoreApplication::applicationFilePath();
        if (setup == QLatin1String("no-bus")) {
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
            child.setProcessEnvironment(env);
            child.start(self, QStringList());
        } else if (setup == QLatin1String("no-provider")) {
            // A bus of its own with no service directories: nothing can be activated as a Secret Service.
            const QString config = busDir.filePath(QStringLiteral("bus.conf"));
            QFile file(config);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral(
                           "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                           "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                           "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
                           "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                           "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                           .arg(busDir.path())
                           .toUtf8());
            file.close();
            child.setProcessEnvironment(env);
            child.start(QStringLiteral("dbus-run-session"),
                        {QStringLiteral("--config-file=") + config, QStringLiteral("--"), self});
        } else {
            // A sandbox of its own whose keyring the child locks first. Without a display the unlock
            // prompt cannot appear, as on a headless machine.
            env.insert(QString::fromLatin1(kChildLockVariable), QStringLiteral("1"));
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
            child.setProcessEnvironment(env);
            child.start(kWithKeyring, {self});
        }
        QVERIFY2(child.waitForFinished(kSafetyMs), "the child process did not finish");
        const QByteArray err = child.readAllStandardError();
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 0, err.constData());

        const QByteArray out = child.readAllStandardOutput();
        const QJsonObject result = QJsonDocument::fromJson(out).object();
        QVERIFY2(result.contains(QStringLiteral("writeStatus")), out.constData());
        const QString writeMessage = result.value(QStringLiteral("writeMessage")).toString();
        QCOMPARE(Status(result.value(QStringLiteral("writeStatus")).toInt()), expected);
        for (const QString& words : guidance)
            QVERIFY2(writeMessage.contains(words), qPrintable(writeMessage));
        // The read cannot see the key either (libsecret reports a locked item as not found).
        QVERIFY(Status(result.value(QStringLiteral("readStatus")).toInt()) != Status::Ok);
        QVERIFY2(!result.value(QStringLiteral("readKeyMatches")).toBool(), out.constData());
        QVERIFY(!writeMessage.contains(key));
        QVERIFY(!out.contains(key.toUtf8()));
        QVERIFY(!err.contains(key.toUtf8()));

        // No fallback anywhere: not in this session's keychain, and no file holds the key.
        QCOMPARE(result.value(QStringLiteral("plainTextHits")).toString(), QString());
        QCOMPARE(secretToolLookup(kChildProvider).exitCode, 1);
        int scanned = 0;
        QStringList hits = filesContaining(QDir::homePath(), needlesFor(key), &scanned);
        hits += filesContaining(qEnvironmentVariable("XDG_RUNTIME_DIR"), needlesFor(key), &scanned);
        hits += filesContaining(busDir.path(), needlesFor(key), &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("the key in plain text in: ") + hits.join(u' ')));
        QVERIFY(scanned > 0);
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildKeyVariable))
        return runChild();
    TestKeyStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keystore.moc"
