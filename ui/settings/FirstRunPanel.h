// Shown in the conversation area while no API key is stored: says where a key comes from and stores
// the pasted key in the system keychain. Nothing here talks to the network.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ark::secrets {
class KeyStore;
}

namespace ark::ui {

class FirstRunPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FirstRunPanel(QWidget* parent = nullptr);

    // The account the key is saved for; the current account (AccountSettings) unless set.
    void setAccountId(const QString& accountId);
    QString accountId() const { return m_accountId; }

signals:
    void keySaved(const QString& accountId);

private:
    void save();
    void updateSaveButton();

    secrets::KeyStore* m_keys;
    QString m_accountId;
    QLineEdit* m_key = nullptr;
    QPushButton* m_showKey = nullptr;
    QLineEdit* m_url = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_error = nullptr;
    bool m_saving = false;
};

} // namespace ark::ui
