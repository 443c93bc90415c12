#include "SettingsDialog.h"

#include "api/ChatClient.h"
#include "secrets/KeyStore.h"
#include "session/AccountSettings.h"

#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <functional>
#include <memory>
#include <vector>

namespace ark::ui {

namespace {

const QString kThemeKey = QStringLiteral("ui/theme");
const QString kFontSizeKey = QStringLiteral("ui/conversationFontSize");
const QString kThemeSystem = QStringLiteral("system");
const QString kThemeLight = QStringLiteral("light");
const QString kThemeDark = QStringLiteral("dark");
const QString kDefaultTestModel = QStringLiteral("doubao-seed-1-6-250615");
// AccountSettings always lists this account (it comes back when removed), so it cannot be removed here.
const QString kDefaultAccountId = QStringLiteral("ark");

QPalette darkPalette()
{
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(222, 222, 222);
    const QColor dimmed(128, 128, 128);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(52, 52, 56));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 110, 110));
    p.setColor(QPalette::Light, QColor(72, 72, 76));
    p.setColor(QPalette::Midlight, QColor(60, 60, 64));
    p.setColor(QPalette::Mid, QColor(40, 40, 42));
    p.setColor(QPalette::Dark, QColor(24, 24, 26));
    p.setColor(QPalette::Shadow, QColor(0, 0, 0));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
    p.setColor(QPalette::Link, QColor(110, 170, 240));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 230));
    for (const auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, dimmed);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 84));
    return p;
}

} // namespace

// ---------------------------------------------------------------------------------------------------
// The Accounts page: the list of provider accounts, the selected account's key and a connection test.
// Edits stay in memory until save; the key is read from the keychain only to show its mask and to test.
class AccountsPage : public QWidget
{
    Q_OBJECT
public:
    AccountsPage(api::ChatClient& client, QWidget* parent);

    void setTestModel(const QString& model);
    QString validate() const; // a message for the person, empty when everything can be saved
    bool accountsModified() const;
    void saveAccounts();
    // Writes typed keys and removes keys marked for removal; `done(ok, firstError)` runs once all
    // keychain jobs have answered (at once when there is nothing to do).
    void saveKeys(std::function<void(bool, QString)> done);

signals:
    void keyChanged(const QString& accountId);

private:
    enum class KeyState { Reading, Stored, None, Unknown };
    struct Entry
    {
        session::ProviderAccount account;
        QString typedKey;   // not yet saved
        QString storedMask; // "****abcd" when a key is stored
        KeyState state = KeyState::Reading;
        QString keyError; // the keychain's message from the last failed read/write
        bool removeKey = false;
    };
    struct SaveBatch
    {
        int pending = 0;
        bool ok = true;
        QString firstError;
        std::function<void(bool, QString)> done;
    };

    Entry* current();
    Entry* entryById(const QString& id);
    std::vector<session::ProviderAccount> currentAccounts() const;
    QString newAccountId() const;
    void readStoredKey(const QString& id);
    void showEntry(int row);
    void refreshKeyUi();
    void addAccount();
    void removeAccount();
    void markKeyForRemoval();
    void finishKeyJob(const std::shared_ptr<SaveBatch>& batch, const QString& id, const secrets::KeyResult& r,
                      bool wasWrite, const QString& writtenKey);
    void runTest();
    void startTest(const QUrl& url, const QString& model, const QString& key);
    void setTestBusy(bool busy);

    api::ChatClient& m_client;
    secrets::KeyStore* m_keys;
    std::vector<Entry> m_entries;
    std::vector<session::ProviderAccount> m_saved; // what AccountSettings holds
    QStringList m_removedIds;                      // their keys are deleted on save

    QListWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_key = nullptr;
    QPushButton* m_showKey = nullptr;
    QPushButton* m_removeKey = nullptr;
    QLabel* m_keyStatus = nullptr;
    QLineEdit* m_testModel = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    QPointer<api::ChatCall> m_call;
    int m_testGeneration = 0; // bumps when a test is cancelled while its key is still being read
    bool m_testBusy = false;
    bool m_loading = false; // filling the editors from an entry: no write-back
};

AccountsPage::AccountsPage(api::ChatClient& client, QWidget* parent)
    : QWidget(parent), m_client(client), m_keys(new secrets::KeyStore(secrets::kKeychainService, this))
{
    auto* listLabel = new QLabel(tr("Acc&ounts:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("accountList"));
    listLabel->setBuddy(m_list);
    m_add = new QPushButton(tr("A&dd"), this);
    m_add->setObjectName(QStringLiteral("addAccountButton"));
    m_remove = new QPushButton(tr("Remo&ve"), this);
    m_remove->setObjectName(QStringLiteral("removeAccountButton"));
    m_remove->setToolTip(tr("Remove the selected account and its key. The default account is always kept."));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("accountNameEdit"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("baseUrlEdit"));
    m_url->setPlaceholderText(api::kDefaultArkBaseUrl);
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("apiKeyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setClearButtonEnabled(true);
    // Typed keys are secrets: no completion history, no input method memory.
    m_key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_showKey = new QPushButton(tr("Sho&w"), this);
    m_showKey->setObjectName(QStringLiteral("showKeyButton"));
    m_showKey->setCheckable(true);
    m_showKey->setToolTip(tr("Show what you typed. A stored key is never shown."));
    m_removeKey = new QPushButton(tr("Remove ke&y"), this);
    m_removeKey->setObjectName(QStringLiteral("removeKeyButton"));
    m_keyStatus = new QLabel(this);
    m_keyStatus->setObjectName(QStringLiteral("keyStatusLabel"));
    m_keyStatus->setWordWrap(true);
    m_keyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_testModel = new QLineEdit(kDefaultTestModel, this);
    m_testModel->setObjectName(QStringLiteral("testModelEdit"));
    m_test = new QPushButton(tr("Test &connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setToolTip(tr("Sends a one-token request with this account's base URL and key."));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_testResult->setTextFormat(Qt::PlainText);

    // Left: the list and its buttons.
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    listButtons->addStretch();
    auto* left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    // Right: the selected account.
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_showKey);
    keyRow->addWidget(m_removeKey);
    // One grid for the whole right side: the labels of both sections line up, and the wrapped status
    // labels get their height for the width they really have (QFormLayout reserves too much).
    auto* grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    int gridRow = 0;
    const auto addField = [&](const QString& text, QWidget* buddy, QLayout* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        grid->addWidget(label, gridRow, 0, Qt::AlignLeft | Qt::AlignVCenter);
        if (field)
            grid->addLayout(field, gridRow, 1);
        else
            grid->addWidget(buddy, gridRow, 1);
        ++gridRow;
    };
    addField(tr("&Name:"), m_name, nullptr);
    addField(tr("Base &URL:"), m_url, nullptr);
    addField(tr("API &key:"), m_key, keyRow);
    grid->addWidget(m_keyStatus, gridRow++, 1, Qt::AlignTop);

    auto* testHeading = new QLabel(tr("Connection test"), this);
    QFont headingFont = testHeading->font();
    headingFont.setBold(true);
    testHeading->setFont(headingFont);
    grid->setRowMinimumHeight(gridRow++, 8);
    grid->addWidget(testHeading, gridRow++, 0, 1, 2);
    addField(tr("Model for the &test:"), m_testModel, nullptr);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch();
    grid->addLayout(testRow, gridRow++, 1);
    grid->addWidget(m_testResult, gridRow++, 1, Qt::AlignTop);

    auto* right = new QVBoxLayout;
    right->addLayout(grid);
    right->addStretch();

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addLayout(right, 5);

    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_name);
    setTabOrder(m_name, m_url);
    setTabOrder(m_url, m_key);
    setTabOrder(m_key, m_showKey);
    setTabOrder(m_showKey, m_removeKey);
    setTabOrder(m_removeKey, m_testModel);
    setTabOrder(m_testModel, m_test);

    m_saved = session::AccountSettings::accounts();
    for (const session::ProviderAccount& account : m_saved) {
        Entry entry;
        entry.account = account;
        m_entries.push_back(entry);
        m_list->addItem(account.name);
    }

    connect(m_list, &QListWidget::currentRowChanged, this, &AccountsPage::showEntry);
    connect(m_add, &QPushButton::clicked, this, &AccountsPage::addAccount);
    connect(m_remove, &QPushButton::clicked, this, &AccountsPage::removeAccount);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (Entry* e = current()) {
            e->account.name = text.trimmed();
            m_list->currentItem()->setText(text.trimmed());
        }
    });
    connect(m_url, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (Entry* e = current())
            e->account.baseUrl = QUrl(text.trimmed());
    });
    connect(m_key, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (m_loading)
            return;
        if (Entry* e = current()) {
            e->typedKey = text.trimmed(); // pasted keys often carry a trailing newline or space
            e->keyError.clear();
            if (!e->typedKey.isEmpty())
                e->removeKey = false;
            refreshKeyUi();
        }
    });
    connect(m_showKey, &QPushButton::toggled, this, [this](bool show) {
        m_key->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setText(show ? tr("Hid&e") : tr("Sho&w"));
    });
    connect(m_removeKey, &QPushButton::clicked, this, &AccountsPage::markKeyForRemoval);
    connect(m_test, &QPushButton::clicked, this, &AccountsPage::runTest);

    const QString currentId = session::AccountSettings::currentAccountId();
    int row = 0;
    for (int i = 0; i < int(m_entries.size()); ++i) {
        if (m_entries[size_t(i)].account.id == currentId)
            row = i;
    }
    m_list->setCurrentRow(row);
    for (const Entry& entry : m_entries)
        readStoredKey(entry.account.id);
}

void AccountsPage::setTestModel(const QString& model)
{
    m_testModel->setText(model.trimmed().isEmpty() ? kDefaultTestModel : model.trimmed());
}

AccountsPage::Entry* AccountsPage::current()
{
    const int row = m_list->currentRow();
    return row >= 0 && row < int(m_entries.size()) ? &m_entries[size_t(row)] : nullptr;
}

AccountsPage::Entry* AccountsPage::entryById(const QString& id)
{
    for (Entry& entry : m_entries) {
        if (entry.account.id == id)
            return &entry;
    }
    return nullptr;
}

std::vector<session::ProviderAccount> AccountsPage::currentAccounts() const
{
    std::vector<session::ProviderAccount> accounts;
    for (const Entry& entry : m_entries)
        accounts.push_back(entry.account);
    return accounts;
}

QString AccountsPage::newAccountId() const
{
    QStringList taken = m_removedIds;
    for (const Entry& entry : m_entries)
        taken << entry.account.id;
    for (const session::ProviderAccount& account : m_saved)
        taken << account.id;
    for (int n = 2;; ++n) {
        const QString id = QStringLiteral("account-%1").arg(n);
        if (!taken.contains(id))
            return id;
    }
}

void AccountsPage::readStoredKey(const QString& id)
{
    m_keys->readKey(id, [this, id](const secrets::KeyResult& r) {
        Entry* e = entryById(id);
        if (!e || e->state != KeyState::Reading)
            return; // gone, or a save has already told us more recently what is stored
        switch (r.status) {
        case secrets::KeyResult::Status::Ok:
            e->state = KeyState::Stored;
            e->storedMask = secrets::KeyStore::masked(r.key); // the key itself is not kept
            break;
        case secrets::KeyResult::Status::NotFound:
            e->state = KeyState::None;
            e->storedMask.clear();
            break;
        default:
            e->state = KeyState::Unknown;
            e->keyError = r.message;
            break;
        }
        refreshKeyUi();
    });
}

void AccountsPage::showEntry(int row)
{
    if (row < 0 || row >= int(m_entries.size()))
        return;
    const Entry& e = m_entries[size_t(row)];
    m_loading = true;
    m_name->setText(e.account.name);
    m_url->setText(e.account.baseUrl.toString());
    m_key->setText(e.typedKey);
    m_showKey->setChecked(false); // every account starts hidden again
    m_loading = false;
    m_remove->setEnabled(m_entries.size() > 1 && e.account.id != kDefaultAccountId);
    refreshKeyUi();
}

void AccountsPage::refreshKeyUi()
{
    const Entry* e = current();
    if (!e)
        return;
    const bool stored = e->state == KeyState::Stored;
    if (e->removeKey)
        m_key->setPlaceholderText(tr("No key after saving"));
    else if (stored)
        m_key->setPlaceholderText(e->storedMask); // the mask only; typing replaces the stored key
    else
        m_key->setPlaceholderText(tr("Paste the API key"));
    m_removeKey->setEnabled(!e->typedKey.isEmpty() || (stored && !e->removeKey));

    QString status;
    if (!e->keyError.isEmpty())
        status = e->keyError;
    else if (!e->typedKey.isEmpty())
        status = tr("The new key is stored in the system keychain when you save.");
    else if (e->removeKey)
        status = tr("The stored key is removed from the system keychain when you save.");
    else if (e->state == KeyState::Reading)
        status = tr("Reading the system keychain…");
    else if (stored)
        status = tr("A key is stored in the system keychain. Type a new one to replace it.");
    else
        status = tr("No key is stored for this account.");
    m_keyStatus->setText(status);
}

void AccountsPage::addAccount()
{
    Entry entry;
    entry.account.id = newAccountId();
    entry.account.name = tr("New account");
    entry.account.baseUrl = QUrl(api::kDefaultArkBaseUrl);
    entry.state = KeyState::None;
    m_entries.push_back(entry);
    m_list->addItem(entry.account.name);
    m_list->setCurrentRow(m_list->count() - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void AccountsPage::removeAccount()
{
    const int row = m_list->currentRow();
    if (row < 0 || m_entries.size() <= 1 || m_entries[size_t(row)].account.id == kDefaultAccountId)
        return;
    m_removedIds << m_entries[size_t(row)].account.id;
    m_entries.erase(m_entries.begin() + row);
    delete m_list->takeItem(row); // moves the current row, which shows the next entry
    showEntry(m_list->currentRow());
}

void AccountsPage::markKeyForRemoval()
{
    Entry* e = current();
    if (!e)
        return;
    e->removeKey = e->state == KeyState::Stored;
    e->keyError.clear();
    m_loading = true;
    m_key->clear();
    m_loading = false;
    e->typedKey.clear();
    refreshKeyUi();
}

QString AccountsPage::validate() const
{
    for (const Entry& e : m_entries) {
        if (e.account.name.isEmpty())
            return tr("Every account needs a name.");
        if (SettingsDialog::baseUrlFromText(e.account.baseUrl.toString()).isEmpty())
            return tr("The base URL of \"%1\" is not an http:// or https:// address.").arg(e.account.name);
    }
    return {};
}

bool AccountsPage::accountsModified() const
{
    if (m_saved.size() != m_entries.size())
        return true;
    for (size_t i = 0; i < m_saved.size(); ++i) {
        const session::ProviderAccount& a = m_saved[i];
        const session::ProviderAccount& b = m_entries[i].account;
        if (a.id != b.id || a.name != b.name || a.baseUrl != b.baseUrl)
            return true;
    }
    return false;
}

void AccountsPage::saveAccounts()
{
    m_saved = currentAccounts();
    session::AccountSettings::saveAccounts(m_saved);
    const QString currentId = session::AccountSettings::currentAccountId();
    bool currentExists = false;
    for (const session::ProviderAccount& account : m_saved)
        currentExists = currentExists || account.id == currentId;
    if (!currentExists)
        session::AccountSettings::setCurrentAccountId(m_saved.front().id);
}

void AccountsPage::saveKeys(std::function<void(bool, QString)> done)
{
    auto batch = std::make_shared<SaveBatch>();
    batch->done = std::move(done);
    batch->pending = 1; // held until every job has been started, so an early answer cannot finish it
    const auto start = [this, batch](const QString& id, const QString& key) {
        ++batch->pending;
        if (key.isEmpty()) {
            m_keys->deleteKey(id, [this, batch, id](const secrets::KeyResult& r) {
                finishKeyJob(batch, id, r, false, QString());
            });
        } else {
            m_keys->writeKey(id, key, [this, batch, id, key](const secrets::KeyResult& r) {
                finishKeyJob(batch, id, r, true, key);
            });
        }
    };
    for (Entry& e : m_entries) {
        e.keyError.clear();
        if (!e.typedKey.isEmpty())
            start(e.account.id, e.typedKey);
        else if (e.removeKey)
            start(e.account.id, QString());
    }
    for (const QString& id : std::as_const(m_removedIds))
        start(id, QString());
    m_removedIds.clear(); // a failed delete is reported; the account itself is gone either way
    refreshKeyUi();
    finishKeyJob(batch, QString(), secrets::KeyResult{secrets::KeyResult::Status::Ok, {}, {}}, false, {});
}

void AccountsPage::finishKeyJob(const std::shared_ptr<SaveBatch>& batch, const QString& id,
                                const secrets::KeyResult& r, bool wasWrite, const QString& writtenKey)
{
    // Deleting a key that is not there is what the person wanted.
    const bool ok = r.status == secrets::KeyResult::Status::Ok ||
                    (!wasWrite && r.status == secrets::KeyResult::Status::NotFound);
    if (!id.isEmpty()) {
        Entry* e = entryById(id);
        if (!ok) {
            batch->ok = false;
            if (batch->firstError.isEmpty())
                batch->firstError = r.message;
            if (e)
                e->keyError = r.message; // the typed key stays in the field for another try
        } else {
            if (e) {
                if (wasWrite && e->typedKey == writtenKey) {
                    e->typedKey.clear();
                    if (current() == e) {
                        m_loading = true;
                        m_key->clear();
                        m_loading = false;
                    }
                }
                e->state = wasWrite ? KeyState::Stored : KeyState::None;
                e->storedMask = wasWrite ? secrets::KeyStore::masked(writtenKey) : QString();
                e->removeKey = false;
            }
            emit keyChanged(id);
        }
        refreshKeyUi();
    }
    if (--batch->pending == 0 && batch->done) {
        const auto done = std::move(batch->done);
        batch->done = nullptr;
        done(batch->ok, batch->firstError);
    }
}

void AccountsPage::runTest()
{
    if (m_testBusy) { // the button reads "Cancel test" meanwhile
        ++m_testGeneration;
        if (m_call)
            m_call->cancel(); // finished() follows and reports the cancellation
        else {
            setTestBusy(false);
            m_testResult->setText(tr("The test was cancelled."));
        }
        return;
    }
    const Entry* e = current();
    if (!e)
        return;
    const QUrl url = SettingsDialog::baseUrlFromText(m_url->text());
    if (url.isEmpty()) {
        m_testResult->setText(tr("The base URL is not an http:// or https:// address."));
        return;
    }
    const QString model =
        m_testModel->text().trimmed().isEmpty() ? kDefaultTestModel : m_testModel->text().trimmed();
    if (!e->typedKey.isEmpty()) {
        startTest(url, model, e->typedKey);
        return;
    }
    if (e->state != KeyState::Stored || e->removeKey) {
        m_testResult->setText(tr("There is no key to test with: paste the API key first."));
        return;
    }
    setTestBusy(true);
    m_testResult->setText(tr("Reading the key from the system keychain…"));
    const int generation = ++m_testGeneration;
    m_keys->readKey(e->account.id, [this, generation, url, model](const secrets::KeyResult& r) {
        if (generation != m_testGeneration)
            return; // cancelled meanwhile
        if (r.status != secrets::KeyResult::Status::Ok) {
            setTestBusy(false);
            m_testResult->setText(r.message);
            return;
        }
        startTest(url, model, r.key);
    });
}

void AccountsPage::startTest(const QUrl& url, const QString& model, const QString& key)
{
    api::ChatRequest request;
    request.model = model;
    request.messages.push_back(api::ChatMessage::user(QStringLiteral("Hi")));
    request.params.maxTokens = 1; // the smallest real request: it costs one output token
    request.stream = false;
    api::ClientConfig config;
    config.baseUrl = url;
    config.apiKey = key;
    config.retry.maxRetries = 0; // a test reports what happened, it does not hide it behind retries
    config.idleTimeoutMs = 60000;

    setTestBusy(true);
    m_testResult->setText(tr("Testing the connection to %1…").arg(url.host()));
    m_call = m_client.start(request, config, this);
    api::ChatCall* call = m_call;
    connect(call, &api::ChatCall::finished, this, [this, call, model] {
        if (call->succeeded()) {
            const QString answered = call->result().model.isEmpty() ? model : call->result().model;
            m_testResult->setText(
                tr("Connection works (model %1 answered in %2 ms).").arg(answered).arg(call->totalMs()));
        } else {
            m_testResult->setText(call->error().humanMessage());
        }
        call->deleteLater();
        setTestBusy(false);
    });
}

void AccountsPage::setTestBusy(bool busy)
{
    m_testBusy = busy;
    m_test->setText(busy ? tr("Cancel &test") : tr("Test &connection"));
    m_testModel->setEnabled(!busy);
    m_testResult->setProperty("busy", busy);
}

// ---------------------------------------------------------------------------------------------------

SettingsDialog::SettingsDialog(api::ChatClient& client, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_accounts = new AccountsPage(client, m_tabs);
    m_accounts->setObjectName(QStringLiteral("accountsPage"));
    m_tabs->addTab(m_accounts, tr("Accounts"));
    m_tabs->addTab(createAppearancePage(), tr("Appearance"));
    m_tabs->addTab(createLanguagePage(), tr("Language"));
    m_tabs->addTab(createSendingPage(), tr("Sending"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("saveStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_accounts, &AccountsPage::keyChanged, this, &SettingsDialog::keyChanged);
    loadPreferences();
    resize(760, 480);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setTestModel(const QString& model)
{
    m_accounts->setTestModel(model);
}

void SettingsDialog::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

QWidget* SettingsDialog::createAppearancePage()
{
    auto* page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("appearancePage"));
    auto* colours = new QGroupBox(tr("Colours"), page);
    auto* colourLayout = new QVBoxLayout(colours);
    m_theme = new QButtonGroup(page);
    const struct
    {
        const char* objectName;
        QString text;
        QString value;
    } themes[] = {
        {"themeSystemRadio", tr("Follow the &system"), kThemeSystem},
        {"themeLightRadio", tr("&Light"), kThemeLight},
        {"themeDarkRadio", tr("&Dark"), kThemeDark},
    };
    for (const auto& theme : themes) {
        auto* radio = new QRadioButton(theme.text, colours);
        radio->setObjectName(QLatin1String(theme.objectName));
        radio->setProperty("theme", theme.value);
        m_theme->addButton(radio);
        colourLayout->addWidget(radio);
    }

    m_fontSize = new QSpinBox(page);
    m_fontSize->setObjectName(QStringLiteral("fontSizeSpin"));
    m_fontSize->setRange(7, 32);
    m_fontSize->setSuffix(tr(" pt"));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Conversation &font size:"), m_fontSize);

    // The model's reasoning ("Thinking" sections in the conversation).
    auto* reasoning = new QGroupBox(tr("Model reasoning"), page);
    auto* reasoningLayout = new QVBoxLayout(reasoning);
    m_reasoning = new QButtonGroup(page);
    const struct
    {
        const char* objectName;
        QString text;
        session::ReasoningDisplay value;
    } reasoningChoices[] = {
        {"reasoningExpandedRadio", tr("Always e&xpanded"), session::ReasoningDisplay::AlwaysExpanded},
        {"reasoningWhileThinkingRadio", tr("Expanded while &thinking, collapsed when the answer starts"),
         session::ReasoningDisplay::ExpandedWhileThinking},
        {"reasoningCollapsedRadio", tr("Always colla&psed"), session::ReasoningDisplay::AlwaysCollapsed},
    };
    for (const auto& choice : reasoningChoices) {
        auto* radio = new QRadioButton(choice.text, reasoning);
        radio->setObjectName(QLatin1String(choice.objectName));
        m_reasoning->addButton(radio, int(choice.value));
        reasoningLayout->addWidget(radio);
    }
    auto* reasoningNote =
        new QLabel(tr("Click a message's Thinking header to expand or collapse it by hand."), reasoning);
    reasoningNote->setWordWrap(true);
    reasoningLayout->addWidget(reasoningNote);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(colours);
    layout->addLayout(form);
    layout->addWidget(reasoning);
    layout->addStretch();
    return page;
}

QWidget* SettingsDialog::createLanguagePage()
{
    auto* page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("languagePage"));
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QString());
    // Each language is named in itself, so a person can find theirs whatever the current language.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    auto* note = new QLabel(tr("Applied when the app restarts."), page);
    note->setObjectName(QStringLiteral("languageNote"));
    note->setWordWrap(true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), note);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch();
    return page;
}

QWidget* SettingsDialog::createSendingPage()
{
    auto* page = new QWidget(m_tabs);
    page->setObjectName(QStringLiteral("sendingPage"));
    auto* box = new QGroupBox(tr("Send a message with"), page);
    auto* enter = new QRadioButton(tr("&Enter (Shift+Enter starts a new line)"), box);
    enter->setObjectName(QStringLiteral("sendEnterRadio"));
    auto* ctrlEnter = new QRadioButton(tr("Ctrl+Ente&r (Enter starts a new line)"), box);
    ctrlEnter->setObjectName(QStringLiteral("sendCtrlEnterRadio"));
    m_sendKey = new QButtonGroup(page);
    m_sendKey->addButton(enter, 0);
    m_sendKey->addButton(ctrlEnter, 1);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(enter);
    boxLayout->addWidget(ctrlEnter);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(box);
    layout->addStretch();
    return page;
}

void SettingsDialog::loadPreferences()
{
    const QString theme = savedTheme();
    for (QAbstractButton* button : m_theme->buttons())
        button->setChecked(button->property("theme").toString() == theme);
    m_fontSize->setValue(conversationFontSize());
    m_reasoning->button(int(session::AccountSettings::reasoningDisplay()))->setChecked(true);
    const int language = m_language->findData(session::AccountSettings::language());
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    m_sendKey->button(session::AccountSettings::sendWithCtrlEnter() ? 1 : 0)->setChecked(true);
}

void SettingsDialog::savePreferences()
{
    QSettings settings;
    const QString theme =
        m_theme->checkedButton() ? m_theme->checkedButton()->property("theme").toString() : kThemeSystem;
    if (theme != savedTheme()) {
        settings.setValue(kThemeKey, theme);
        applyTheme(theme);
        emit themeChanged();
    }
    if (m_fontSize->value() != conversationFontSize()) {
        settings.setValue(kFontSizeKey, m_fontSize->value());
        emit conversationFontSizeChanged(m_fontSize->value());
    }
    if (m_reasoning->checkedId() >= 0) {
        const auto display = session::ReasoningDisplay(m_reasoning->checkedId());
        if (display != session::AccountSettings::reasoningDisplay()) {
            session::AccountSettings::setReasoningDisplay(display);
            emit reasoningDisplayChanged(display);
        }
    }
    const QString language = m_language->currentData().toString();
    if (language != session::AccountSettings::language())
        session::AccountSettings::setLanguage(language);
    const bool ctrlEnter = m_sendKey->checkedId() == 1;
    if (ctrlEnter != session::AccountSettings::sendWithCtrlEnter()) {
        session::AccountSettings::setSendWithCtrlEnter(ctrlEnter);
        emit sendKeyChanged(ctrlEnter);
    }
}

void SettingsDialog::apply()
{
    if (m_saving)
        return;
    const QString problem = m_accounts->validate();
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        showPage(Page::Accounts);
        m_closeWhenSaved = false;
        emit saveFinished(false);
        return;
    }
    if (m_accounts->accountsModified()) {
        m_accounts->saveAccounts();
        emit accountsChanged();
    }
    savePreferences();

    m_saving = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(false);
    m_status->setText(tr("Saving…"));
    QPointer<SettingsDialog> self(this);
    m_accounts->saveKeys([self](bool ok, const QString& error) {
        if (!self)
            return;
        if (!ok)
            self->m_status->setText(tr("The key could not be saved: %1").arg(error));
        self->onKeysSaved(ok);
    });
}

void SettingsDialog::onKeysSaved(bool ok)
{
    m_saving = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(true);
    if (ok)
        m_status->setText(tr("Saved."));
    else
        showPage(Page::Accounts);
    const bool close = ok && m_closeWhenSaved;
    m_closeWhenSaved = false;
    emit saveFinished(ok);
    if (close)
        QDialog::accept();
}

void SettingsDialog::accept()
{
    m_closeWhenSaved = true;
    apply();
}

QString SettingsDialog::savedTheme()
{
    const QString theme = QSettings().value(kThemeKey, kThemeSystem).toString();
    return theme == kThemeLight || theme == kThemeDark ? theme : kThemeSystem;
}

void SettingsDialog::applyTheme(const QString& theme)
{
    if (theme == kThemeDark)
        QApplication::setPalette(darkPalette());
    else if (theme == kThemeLight)
        QApplication::setPalette(QApplication::style()->standardPalette());
    else
        QApplication::setPalette(QPalette()); // nothing resolved: every role comes from the platform again
}

void SettingsDialog::applySavedTheme()
{
    if (savedTheme() != kThemeSystem)
        applyTheme(savedTheme());
}

QUrl SettingsDialog::baseUrlFromText(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        return {};
    return url;
}

int SettingsDialog::conversationFontSize()
{
    const int fallback = QApplication::font().pointSize() > 0 ? QApplication::font().pointSize() : 10;
    const int size = QSettings().value(kFontSizeKey, fallback).toInt();
    return size >= 7 && size <= 32 ? size : fallback;
}

} // namespace ark::ui

#include "SettingsDialog.moc"
