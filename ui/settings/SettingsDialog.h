// The application's settings: provider accounts and their API keys (in the system keychain), appearance,
// language and the send key. Nothing here is written until the person presses OK or Apply.
#pragma once

#include "session/AccountSettings.h"

#include <QDialog>
#include <QUrl>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace ark::api {
class ChatClient;
}

namespace ark::ui {

class AccountsPage;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page { Accounts, Appearance, Language, Sending };

    explicit SettingsDialog(api::ChatClient& client, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // The model "Test connection" asks; empty means the default (doubao-seed-1-6-250615).
    void setTestModel(const QString& model);
    void showPage(Page page);

    // Theme: "system" (default), "light" or "dark", kept in QSettings under ui/theme.
    static QString savedTheme();
    static void applyTheme(const QString& theme); // QApplication::setPalette
    static void applySavedTheme();                // for main(): call once the QApplication exists
    // Conversation text size in points, kept in QSettings under ui/conversationFontSize.
    static int conversationFontSize();
    // A base URL the client can use (http or https with a host); empty when the text is not one.
    static QUrl baseUrlFromText(const QString& text);

public slots:
    // Writes everything. Accounts and preferences are written at once; key changes go to the keychain
    // asynchronously and saveFinished() reports the outcome.
    void apply();
    void accept() override; // apply, and close only when everything was saved

signals:
    void accountsChanged();
    void keyChanged(const QString& accountId);
    void sendKeyChanged(bool ctrlEnter);
    void themeChanged();
    void conversationFontSizeChanged(int pointSize);
    // Also announced through session::SettingsNotifier, which open conversation views follow.
    void reasoningDisplayChanged(ark::session::ReasoningDisplay display);
    void saveFinished(bool ok);

private:
    QWidget* createAppearancePage();
    QWidget* createLanguagePage();
    QWidget* createSendingPage();
    void loadPreferences();
    void savePreferences();
    void onKeysSaved(bool ok);

    QTabWidget* m_tabs = nullptr;
    AccountsPage* m_accounts = nullptr;
    QButtonGroup* m_theme = nullptr;
    QSpinBox* m_fontSize = nullptr;
    QButtonGroup* m_reasoning = nullptr; // ids are session::ReasoningDisplay values
    QComboBox* m_language = nullptr;
    QButtonGroup* m_sendKey = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_closeWhenSaved = false;
    bool m_saving = false;
};

} // namespace ark::ui
