// The message box under the conversation: grows with its text up to a maximum, sends with Enter
// (or Ctrl+Enter), turns its Send button into Stop while an answer streams, and has an edit mode
// for rewriting an earlier user message.
//
// Attachments: the Attach button (file picker), files dropped on the composer (or forwarded by the window
// from the conversation view) and images pasted from the clipboard go to the AttachmentTray above the text,
// which prepares them off the UI thread. Sending needs text or at least one attachment, and waits until
// every attachment is prepared. On sendRequested the window reads attachments() and calls
// clearAttachments() once the session has taken the message. Attachments the chosen model cannot read
// (setMediaInput) stay in the tray with a notice offering another model, and block sending until the
// model changes or they are removed: a request the service would refuse is never sent.
#pragma once

#include "media/Attachment.h"

#include <QList>
#include <QUrl>
#include <QWidget>

class QLabel;
class QMimeData;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace ark::media {
class AttachmentStore;
}

namespace ark::ui {

class AttachmentTray;

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

    // Attachments.
    void setAttachmentStore(media::AttachmentStore* store); // not owned; must outlive the composer
    // The chosen model's inputs (catalog capabilities). Both true until the window says otherwise.
    void setMediaInput(bool images, bool videos);
    bool acceptsImages() const { return m_imageInput; }
    bool acceptsVideos() const { return m_videoInput; }
    // The prepared attachments, in the order they were attached.
    QList<media::Attachment> attachments() const;
    void clearAttachments();
    bool isPreparingAttachments() const;
    // Attaches files as the file picker does; files that are not images or videos Ark accepts are
    // explained on the tray's error line. Returns how many were taken (they are prepared in the background).
    int attachFiles(const QStringList& paths);
    // Local files (as attachFiles) and http(s) links to images or videos (sent as links). True when at
    // least one was taken; the others are explained. The window forwards drops on the conversation here.
    bool acceptDroppedUrls(const QList<QUrl>& urls);
    // Dropped or pasted data: file URLs, or image data (a picture dragged from a browser). True when
    // something was taken.
    bool acceptMimeData(const QMimeData* mime);
    // Whether acceptMimeData would take something (for a drag-enter handler).
    static bool canAcceptMimeData(const QMimeData* mime);
    // Why sending the attachments is blocked now ("" when it is not): still preparing, a kind the model
    // cannot read, the request body limit.
    QString attachmentProblem() const;

    AttachmentTray* attachmentTray() const { return m_tray; }
    QToolButton* attachButton() const { return m_attachButton; }
    QWidget* mediaNotice() const { return m_mediaNotice; }
    QLabel* mediaNoticeLabel() const { return m_mediaNoticeLabel; }
    QPushButton* switchModelButton() const { return m_switchModelButton; }

public slots:
    void setBusy(bool busy);
    void setSendWithCtrlEnter(bool ctrlEnter);
    // Rewrites message `messageId`: the banner shows, the text replaces the draft (kept for cancel),
    // and the next send emits editSubmitted instead of sendRequested.
    void beginEdit(qint64 messageId, const QString& text);
    void cancelEdit();
    // Disables sending (typing stays possible) and shows `reason`, e.g. "No API key".
    void setEnabledForSending(bool enabled, const QString& reason = {});
    // Sends the draft (or the edit); does nothing for an empty draft (and no attachments), while busy,
    // while disabled or while an attachment is still being prepared.
    void submit();
    // The file picker of the Attach button.
    void chooseFiles();

signals:
    void sendRequested(const QString& text);
    void editSubmitted(qint64 messageId, const QString& text);
    void stopRequested();
    void editLastRequested();
    void editCanceled();
    // The person asked for a model that reads what they attached: kind is "image" or "video" ("video"
    // when both are missing: the models that read videos read images too).
    void switchModelSuggested(const QString& kind);
    void attachmentsChanged();
    // A tile was clicked: the window opens the image viewer or the video player.
    void attachmentActivated(const ark::media::Attachment& attachment);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    enum class Attachable { Nothing, Urls, Image };
    // What in `mime` can be attached; links to media only when `links` (drops, not pastes: a pasted link
    // stays text).
    static Attachable attachableContent(const QMimeData* mime, bool links);
    bool attachMimeData(const QMimeData* mime, bool links);
    int attachFilesQuietly(const QStringList& paths, QStringList* problems);
    void updateAttachmentState();
    // "image" or "video" when an attachment needs an input the model lacks, else "".
    QString missingMediaKind() const;
    void updateAttachIcon();

    friend class ComposerEditor;
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

    AttachmentTray* m_tray = nullptr;
    QToolButton* m_attachButton = nullptr;
    QWidget* m_mediaNotice = nullptr;
    QLabel* m_mediaNoticeLabel = nullptr;
    QPushButton* m_switchModelButton = nullptr;
    bool m_imageInput = true;
    bool m_videoInput = true;
    QString m_lastDirectory;
};

} // namespace ark::ui
