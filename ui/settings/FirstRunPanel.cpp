#include "FirstRunPanel.h"

#include "SettingsDialog.h"

#include "secrets/KeyStore.h"
#include "session/AccountSettings.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ark::ui {

namespace {

const QString kKeyConsoleUrl =
    QStringLiteral("https://console.volcengine.com/ark/region:ark+cn-beijing/apiKey");

} // namespace

FirstRunPanel::FirstRunPanel(QWidget* parent)
    : QWidget(parent), m_keys(new secrets::KeyStore(secrets::kKeychainService, this))
{
    setObjectName(QStringLiteral("FirstRunPanel"));

    auto* title = new QLabel(tr("Connect to Volcengine Ark"), this);
    title->setObjectName(QStringLiteral("firstRunTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("firstRunExplanation"));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    explanation->setOpenExternalLinks(true);
    explanation->setTextInteractionFlags(Qt::TextBrowserInteraction); // the link is reachable by Tab
    explanation->setText(
        tr("<p>Ark Workbench talks to models through the Volcengine Ark API, which needs an API key. "
           "Create one in the Ark console under <b>API Key management</b>: <a href=\"%1\">%1</a></p>"
           "<p>The key is kept in your system keychain, never in a file.</p>")
            .arg(kKeyConsoleUrl));

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("firstRunKeyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste the API key"));
    m_key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_showKey = new QPushButton(tr("Sho&w"), this);
    m_showKey->setObjectName(QStringLiteral("firstRunShowKeyButton"));
    m_showKey->setCheckable(true);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("firstRunBaseUrlEdit"));
    auto* urlNote = new QLabel(tr("Leave it as it is for Volcengine Ark; change it to use another compatible "
                                  "server, such as a local test server."),
                               this);
    urlNote->setWordWrap(true);
    m_save = new QPushButton(tr("&Save and start"), this);
    m_save->setObjectName(QStringLiteral("firstRunSaveButton"));
    m_save->setDefault(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("firstRunErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_error->hide();

    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_showKey);
    // A grid rather than a QFormLayout: the wrapped note gets the height for the width it really has.
    auto* form = new QGridLayout;
    form->setColumnStretch(1, 1);
    auto* keyLabel = new QLabel(tr("API &key:"), this);
    keyLabel->setBuddy(m_key);
    form->addWidget(keyLabel, 0, 0);
    form->addLayout(keyRow, 0, 1);
    auto* urlLabel = new QLabel(tr("&Base URL (optional):"), this);
    urlLabel->setBuddy(m_url);
    form->addWidget(urlLabel, 1, 0);
    form->addWidget(m_url, 1, 1);
    form->addWidget(urlNote, 2, 1, Qt::AlignTop);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_save);

    // A readable column in the middle of however wide the conversation area is.
    auto* column = new QWidget(this);
    column->setMaximumWidth(620);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(title);
    columnLayout->addWidget(explanation);
    columnLayout->addSpacing(8);
    columnLayout->addLayout(form);
    columnLayout->addLayout(buttonRow);
    columnLayout->addWidget(m_error);
    column->setLayout(columnLayout);
    auto* centre = new QHBoxLayout;
    centre->addStretch();
    centre->addWidget(column, 100);
    centre->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addLayout(centre);
    layout->addStretch(2);

    setTabOrder(m_key, m_showKey);
    setTabOrder(m_showKey, m_url);
    setTabOrder(m_url, m_save);
    setFocusProxy(m_key);

    connect(m_key, &QLineEdit::textChanged, this, &FirstRunPanel::updateSaveButton);
    connect(m_key, &QLineEdit::returnPressed, this, &FirstRunPanel::save);
    connect(m_url, &QLineEdit::returnPressed, this, &FirstRunPanel::save);
    connect(m_save, &QPushButton::clicked, this, &FirstRunPanel::save);
    connect(m_showKey, &QPushButton::toggled, this, [this](bool show) {
        m_key->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setText(show ? tr("Hid&e") : tr("Sho&w"));
    });

    setAccountId(session::AccountSettings::currentAccountId());
}

void FirstRunPanel::setAccountId(const QString& accountId)
{
    m_accountId = accountId;
    m_url->setText(session::AccountSettings::account(accountId).baseUrl.toString());
    updateSaveButton();
}

void FirstRunPanel::updateSaveButton()
{
    m_save->setEnabled(!m_saving && !m_key->text().trimmed().isEmpty());
}

void FirstRunPanel::save()
{
    const QString key = m_key->text().trimmed(); // pasted keys often carry a trailing newline or space
    if (m_saving || key.isEmpty())
        return;
    const QUrl url = SettingsDialog::baseUrlFromText(m_url->text());
    if (url.isEmpty()) {
        m_error->setText(tr("The base URL is not an http:// or https:// address."));
        m_error->show();
        m_url->setFocus();
        return;
    }
    m_saving = true;
    updateSaveButton();
    m_error->hide();
    const QString id = m_accountId;
    m_keys->writeKey(id, key, [this, id, url](const secrets::KeyResult& r) {
        m_saving = false;
        if (r.status != secrets::KeyResult::Status::Ok) {
            m_error->setText(r.message); // e.g. no Secret Service: what to install; never a file instead
            m_error->show();
            updateSaveButton();
            return;
        }
        std::vector<session::ProviderAccount> accounts = session::AccountSettings::accounts();
        bool known = false;
        bool changed = false;
        for (session::ProviderAccount& account : accounts) {
            if (account.id != id)
                continue;
            known = true;
            if (account.baseUrl != url) {
                account.baseUrl = url;
                changed = true;
            }
        }
        if (!known) {
            session::ProviderAccount account = session::AccountSettings::account(id);
            account.id = id;
            account.baseUrl = url;
            accounts.push_back(account);
            changed = true;
        }
        if (changed)
            session::AccountSettings::saveAccounts(accounts);
        session::AccountSettings::setCurrentAccountId(id);
        m_key->clear();
        m_showKey->setChecked(false);
        updateSaveButton();
        emit keySaved(id);
    });
}

} // namespace ark::ui
