// API keys in the operating system's keychain (qtkeychain): one entry per provider under the
// service name "ark-workbench". There is no plain-file fallback.
#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace ark::secrets {

inline const QString kKeychainService = QStringLiteral("ark-workbench");

struct KeyResult {
    enum class Status { Ok, NotFound, NoKeychain, AccessDenied, Failed };
    Status status = Status::Failed;
    QString key;      // for reads with Status::Ok
    QString message;  // a person-readable explanation of a failure, with what to install or unlock
};

class KeyStore : public QObject {
    Q_OBJECT
public:
    explicit KeyStore(QString service = kKeychainService, QObject* parent = nullptr);

    // Asynchronous; the callback runs on the calling thread's event loop.
    void readKey(const QString& provider, std::function<void(KeyResult)> done);
    void writeKey(const QString& provider, const QString& key, std::function<void(KeyResult)> done);
    void deleteKey(const QString& provider, std::function<void(KeyResult)> done);

    // Blocking helpers for the command line (spin a local event loop).
    KeyResult readKeySync(const QString& provider);
    KeyResult writeKeySync(const QString& provider, const QString& key);
    KeyResult deleteKeySync(const QString& provider);

    // "****abcd": never more than the last four characters.
    static QString masked(const QString& key);

private:
    // Delivers an immediate result (bad arguments) through the event loop like every other result.
    void reportLater(KeyResult result, std::function<void(KeyResult)> done);

    QString m_service;
};

} // namespace ark::secrets
