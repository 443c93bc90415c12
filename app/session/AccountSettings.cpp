#include "AccountSettings.h"

#include "api/ChatClient.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>

namespace ark::session {

namespace {

// Setting names: stable, never translated. Only names and URLs go here; a key never does (the
// keychain holds it), so a settings file can be shared in a bug report.
const QString kAccountsArray = QStringLiteral("accounts");
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kBaseUrl = QStringLiteral("baseUrl");
const QString kCurrentAccount = QStringLiteral("currentAccount");
const QString kCtrlEnter = QStringLiteral("composer/sendWithCtrlEnter");
const QString kLanguage = QStringLiteral("ui/language");
const QString kRecentModels = QStringLiteral("models/recent");
const QString kReasoningDisplay = QStringLiteral("ui/reasoningDisplay");
// Stored as words, not numbers, so the file stays readable and the enum may be reordered.
const QString kReasoningExpanded = QStringLiteral("expanded");
const QString kReasoningWhileThinking = QStringLiteral("whileThinking");
const QString kReasoningCollapsed = QStringLiteral("collapsed");

const QString kDefaultId = QStringLiteral("ark");
constexpr int kMaxRecentModels = 12;

ProviderAccount defaultAccount()
{
    return {kDefaultId, QCoreApplication::translate("ark::session::AccountSettings", "Volcengine Ark"),
            QUrl(api::kDefaultArkBaseUrl)};
}

bool isValidId(const QString& id)
{
    static const QRegularExpression slug(QStringLiteral("^[a-z0-9_-]+$"));
    return slug.match(id).hasMatch();
}

// Only http(s) with a host: anything else cannot carry a chat request.
bool isUsableUrl(const QUrl& url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

} // namespace

std::vector<ProviderAccount> AccountSettings::accounts()
{
    QSettings settings;
    std::vector<ProviderAccount> list;
    QSet<QString> seen;
    const int size = settings.beginReadArray(kAccountsArray);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        ProviderAccount account;
        account.id = settings.value(kId).toString();
        account.name = settings.value(kName).toString().trimmed();
        account.baseUrl = QUrl(settings.value(kBaseUrl).toString());
        if (!isValidId(account.id) || seen.contains(account.id))
            continue; // a hand-edited or damaged entry is skipped, not fatal
        if (!isUsableUrl(account.baseUrl))
            account.baseUrl = account.id == kDefaultId ? QUrl(api::kDefaultArkBaseUrl) : QUrl();
        if (account.id != kDefaultId && account.baseUrl.isEmpty())
            continue;
        if (account.name.isEmpty())
            account.name = account.id == kDefaultId ? defaultAccount().name : account.id;
        seen.insert(account.id);
        list.push_back(account);
    }
    settings.endArray();
    if (!seen.contains(kDefaultId))
        list.insert(list.begin(), defaultAccount());
    return list;
}

void AccountSettings::saveAccounts(const std::vector<ProviderAccount>& accounts)
{
    QSettings settings;
    settings.remove(kAccountsArray);
    settings.beginWriteArray(kAccountsArray);
    int index = 0;
    QSet<QString> seen;
    for (const ProviderAccount& account : accounts) {
        if (!isValidId(account.id) || seen.contains(account.id))
            continue;
        seen.insert(account.id);
        settings.setArrayIndex(index++);
        settings.setValue(kId, account.id);
        settings.setValue(kName, account.name);
        settings.setValue(kBaseUrl, account.baseUrl.toString());
    }
    settings.endArray();
}

ProviderAccount AccountSettings::account(const QString& id)
{
    const std::vector<ProviderAccount> list = accounts();
    for (const ProviderAccount& account : list)
        if (account.id == id)
            return account;
    for (const ProviderAccount& account : list)
        if (account.id == kDefaultId)
            return account;
    return defaultAccount();
}

QString AccountSettings::currentAccountId()
{
    const QString id = QSettings().value(kCurrentAccount).toString();
    for (const ProviderAccount& account : accounts())
        if (account.id == id)
            return id;
    return kDefaultId; // unset, or the account was removed since
}

void AccountSettings::setCurrentAccountId(const QString& id)
{
    QSettings().setValue(kCurrentAccount, id);
}

bool AccountSettings::sendWithCtrlEnter()
{
    return QSettings().value(kCtrlEnter, false).toBool();
}

void AccountSettings::setSendWithCtrlEnter(bool ctrlEnter)
{
    QSettings().setValue(kCtrlEnter, ctrlEnter);
}

QString AccountSettings::language()
{
    return QSettings().value(kLanguage).toString();
}

void AccountSettings::setLanguage(const QString& language)
{
    QSettings().setValue(kLanguage, language);
}

QStringList AccountSettings::recentModels()
{
    QStringList models = QSettings().value(kRecentModels).toStringList();
    models.removeAll(QString());
    models.removeDuplicates();
    return models.mid(0, kMaxRecentModels);
}

void AccountSettings::addRecentModel(const QString& model)
{
    const QString name = model.trimmed();
    if (name.isEmpty())
        return;
    QStringList models = recentModels();
    models.removeAll(name);
    models.prepend(name);
    QSettings().setValue(kRecentModels, models.mid(0, kMaxRecentModels));
}

ReasoningDisplay AccountSettings::reasoningDisplay()
{
    const QString value = QSettings().value(kReasoningDisplay).toString();
    if (value == kReasoningExpanded)
        return ReasoningDisplay::AlwaysExpanded;
    if (value == kReasoningCollapsed)
        return ReasoningDisplay::AlwaysCollapsed;
    return ReasoningDisplay::ExpandedWhileThinking; // unset or unknown
}

void AccountSettings::setReasoningDisplay(ReasoningDisplay display)
{
    QString value = kReasoningWhileThinking;
    if (display == ReasoningDisplay::AlwaysExpanded)
        value = kReasoningExpanded;
    else if (display == ReasoningDisplay::AlwaysCollapsed)
        value = kReasoningCollapsed;
    const bool changed = display != reasoningDisplay();
    QSettings().setValue(kReasoningDisplay, value);
    if (changed)
        if (SettingsNotifier* notifier = SettingsNotifier::instance())
            emit notifier->reasoningDisplayChanged(display);
}

SettingsNotifier* SettingsNotifier::instance()
{
    static QPointer<SettingsNotifier> notifier;
    QCoreApplication* app = QCoreApplication::instance();
    if (!notifier && app)
        notifier = new SettingsNotifier(app); // deleted with the application
    return notifier;
}

} // namespace ark::session
