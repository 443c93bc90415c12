// Provider accounts (name and base URL) in QSettings. Keys are NOT here: they live in the keychain
// (secrets::KeyStore), one entry per account id.
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <vector>

namespace ark::session {

// How a message's "Thinking" section is shown.
enum class ReasoningDisplay {
    AlwaysExpanded,
    ExpandedWhileThinking, // the default: open while the model reasons, folded once the answer starts
    AlwaysCollapsed,
};

// Tells open windows that a setting changed, so they apply it at once.
class SettingsNotifier : public QObject
{
    Q_OBJECT
public:
    // Owned by the application object; null before one exists.
    static SettingsNotifier* instance();

signals:
    void reasoningDisplayChanged(ark::session::ReasoningDisplay display);

private:
    using QObject::QObject;
};

struct ProviderAccount
{
    QString id;   // keychain entry name: "ark", or a lowercase slug [a-z0-9_-]+
    QString name; // shown to the person
    QUrl baseUrl;
};

class AccountSettings
{
public:
    // Always has at least the default Ark account (id "ark", the default base URL).
    static std::vector<ProviderAccount> accounts();
    static void saveAccounts(const std::vector<ProviderAccount>& accounts);
    static ProviderAccount account(const QString& id); // the default Ark account when unknown
    static QString currentAccountId();
    static void setCurrentAccountId(const QString& id);

    // Other app settings that are not secrets.
    static bool sendWithCtrlEnter(); // false: Enter sends, Shift+Enter is a new line
    static void setSendWithCtrlEnter(bool ctrlEnter);
    static QString language(); // "" = system, "en", "zh_CN"
    static void setLanguage(const QString& language);
    static QStringList recentModels(); // most recent first, for the model picker
    static void addRecentModel(const QString& model);
    static ReasoningDisplay reasoningDisplay();
    static void setReasoningDisplay(ReasoningDisplay display); // SettingsNotifier signals a change
};

} // namespace ark::session
