// The message box under the conversation: grows with its text up to a maximum, sends with Enter
// (or Ctrl+Enter), turns its Send button into Stop while an answer streams, and has an edit mode
// for rewriting an earlier user message.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace ark::ui {

class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);

    bool isBusy() const { return m_busy; }
    bool sendWithCtrlEnter() const { return m_sendWithCtrlEnter; }
    bool isEditing() const { return m_editId != 0; }
    qint64 editingMessageId() const { return m_editId; }
    bool isEnabledForSending() const { return m_sendingEnabled; }
    QString disabledReason() const { return m_disabledReason; }

    // Lines the box grows to before it scrolls.
    void setMaximumLines(int lines);
    int maximumLines() const { return m_maxLines; }

    // For tests and for focus handling by the window.
    QPlainTextEdit* editor() const { return m_editor; }
    QPushButton* sendButton() const { return m_sendButton; }
    QWidget* editBanner() const { return m_editBanner; }
    QLabel* reasonLabel() const { return m_reasonLabel; }

public slots:
    void setBusy(bool busy);
    void setSendWithCtrlEnter(bool ctrlEnter);
    // Rewrites message `messageId`: the banner shows, the text replaces the draft (kept for cancel),
    // and the next send emits editSubmitted instead of sendRequested.
    void beginEdit(qint64 messageId, const QString& text);
    void cancelEdit();
    // Disables sending (typing stays possible) and shows `reason`, e.g. "No API key".
    void setEnabledForSending(bool enabled, const QString& reason = {});
    // Sends the draft (or the edit); does nothing for an empty draft, while busy or while disabled.
    void submit();

signals:
    void sendRequested(const QString& text);
    void editSubmitted(qint64 messageId, const QString& text);
    void stopRequested();
    void editLastRequested();
    void editCanceled();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onSendButton();
    void updateHeight();
    void updateState();
    void retranslate();

    QPlainTextEdit* m_editor = nullptr;
    QPushButton* m_sendButton = nullptr;
    QWidget* m_editBanner = nullptr;
    QLabel* m_editLabel = nullptr;
    QToolButton* m_cancelEditButton = nullptr;
    QLabel* m_reasonLabel = nullptr;
    bool m_busy = false;
    bool m_sendWithCtrlEnter = false;
    bool m_sendingEnabled = true;
    QString m_disabledReason;
    qint64 m_editId = 0;
    QString m_savedDraft;
    int m_maxLines = 10;
};

} // namespace ark::ui
