#include "KeyStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <utility>

namespace ark::secrets {

namespace {

using Status = KeyResult::Status;

KeyResult failure(Status status, QString message)
{
    KeyResult result;
    result.status = status;
    result.message = std::move(message);
    return result;
}

KeyResult noKeychain(const QString& detail)
{
    QString message =
        QCoreApplication::translate(
            "ark::secrets::KeyStore",
            "No system keychain is available (%1): install and start a Secret Service provider "
            "such as GNOME Keyring (Debian: apt install gnome-keyring libsecret-1-0) or KWallet, "
            "then log in again.")
            .arg(detail);
#ifdef Q_OS_LINUX
    message += QLatin1Char(' ') + QCoreApplication::translate("ark::secrets::KeyStore",
                                                              "For a single run the key can also be given in "
                                                              "the ARK_API_KEY environment variable.");
#endif
    return failure(Status::NoKeychain, message);
}

KeyResult accessDenied(const QString& detail)
{
    return failure(Status::AccessDenied, QCoreApplication::translate(
                                             "ark::secrets::KeyStore",
                                             "The system keychain refused access (%1): unlock your keychain "
                                             "(for example by logging in again, or with your desktop's "
                                             "password manager) and try again.")
                                             .arg(detail));
}

// With the libsecret backend, a missing session bus or a bus without any Secret Service provider arrives
// as QKeychain::OtherError carrying the GIO/GDBus message; that text is the only way to tell "nothing to
// talk to" (the person must install or start something) from a genuine failure of a running keychain.
bool meansNoService(const QString& detail)
{
    static const char* const kMarkers[] = {
        "org.freedesktop.DBus.Error", // ServiceUnknown, NoServer, Spawn.*, ...
        "Could not connect",          // DBUS_SESSION_BUS_ADDRESS points nowhere
        "autolaunch",                 // no DBUS_SESSION_BUS_ADDRESS and no X11 display
        "dbus-launch",
        "machine-id",
        "not provided by any .service files",
        "No such interface", // something answers on the bus name, but it is not a Secret Service
    };
    for (const char* marker : kMarkers) {
        if (detail.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

KeyResult resultOf(const QKeychain::Job& job)
{
    const QString detail = job.errorString().trimmed();
    switch (job.error()) {
    case QKeychain::NoError: {
        KeyResult ok;
        ok.status = Status::Ok;
        return ok;
    }
    case QKeychain::EntryNotFound:
        return failure(Status::NotFound, QCoreApplication::translate("ark::secrets::KeyStore",
                                                                     "No key is stored for this provider."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return accessDenied(detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return noKeychain(detail);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    if (meansNoService(detail))
        return noKeychain(detail);
    return failure(Status::Failed, QCoreApplication::translate("ark::secrets::KeyStore",
                                                               "The system keychain reported an error: %1")
                                       .arg(detail));
}

KeyResult invalidProvider()
{
    return failure(Status::Failed,
                   QCoreApplication::translate("ark::secrets::KeyStore", "No provider name was given."));
}

// Jobs get no parent on purpose: qtkeychain's libsecret callbacks keep a raw pointer to the job, so a job
// must never be deleted while its request is in flight. It deletes itself once finished; the connection's
// context object drops the callback if the KeyStore is gone by then.
template <typename JobT> JobT* newJob(const QString& service, const QString& provider)
{
    auto* job = new JobT(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file, whatever the backend
    job->setKey(provider);
    return job;
}

// Runs `start` (one of the asynchronous calls) and waits for its callback in a local event loop.
template <typename Start> KeyResult waitFor(Start&& start)
{
    KeyResult result;
    bool finished = false;
    QEventLoop loop;
    start([&](KeyResult r) {
        result = std::move(r);
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return result;
}

} // namespace

KeyStore::KeyStore(QString service, QObject* parent) : QObject(parent), m_service(std::move(service)) {}

void KeyStore::readKey(const QString& provider, std::function<void(KeyResult)> done)
{
    if (provider.isEmpty()) {
        reportLater(invalidProvider(), std::move(done));
        return;
    }
    auto* job = newJob<QKeychain::ReadPasswordJob>(m_service, provider);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job* finishedJob) {
        KeyResult result = resultOf(*finishedJob);
        if (result.status == Status::Ok)
            result.key = static_cast<QKeychain::ReadPasswordJob*>(finishedJob)->textData();
        done(std::move(result));
    });
    job->start();
}

void KeyStore::writeKey(const QString& provider, const QString& key, std::function<void(KeyResult)> done)
{
    if (provider.isEmpty()) {
        reportLater(invalidProvider(), std::move(done));
        return;
    }
    if (key.isEmpty()) {
        reportLater(failure(Status::Failed, QCoreApplication::translate("ark::secrets::KeyStore",
                                                                        "An empty key was not stored.")),
                    std::move(done));
        return;
    }
    auto* job = newJob<QKeychain::WritePasswordJob>(m_service, provider);
    job->setTextData(key);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job* finishedJob) { done(resultOf(*finishedJob)); });
    job->start();
}

void KeyStore::deleteKey(const QString& provider, std::function<void(KeyResult)> done)
{
    if (provider.isEmpty()) {
        reportLater(invalidProvider(), std::move(done));
        return;
    }
    auto* job = newJob<QKeychain::DeletePasswordJob>(m_service, provider);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job* finishedJob) { done(resultOf(*finishedJob)); });
    job->start();
}

KeyResult KeyStore::readKeySync(const QString& provider)
{
    return waitFor([&](std::function<void(KeyResult)> done) { readKey(provider, std::move(done)); });
}

KeyResult KeyStore::writeKeySync(const QString& provider, const QString& key)
{
    return waitFor([&](std::function<void(KeyResult)> done) { writeKey(provider, key, std::move(done)); });
}

KeyResult KeyStore::deleteKeySync(const QString& provider)
{
    return waitFor([&](std::function<void(KeyResult)> done) { deleteKey(provider, std::move(done)); });
}

QString KeyStore::masked(const QString& key)
{
    const QString stars = QStringLiteral("****");
    // A short key would be mostly revealed by its last four characters.
    if (key.size() <= 8)
        return stars;
    return stars + key.right(4);
}

void KeyStore::reportLater(KeyResult result, std::function<void(KeyResult)> done)
{
    // Callbacks always run from the event loop, never inside the call that asked for them.
    QTimer::singleShot(0, this, [result = std::move(result), done = std::move(done)]() { done(result); });
}

} // namespace ark::secrets
