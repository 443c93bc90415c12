// The conversation pane: a QListView of messages painted by MessageDelegate. QListView only paints
// visible rows and, with the delegate's cached sizes, a relayout is a walk over cached integers, so
// 10,000 messages scroll as smoothly as ten. The view follows the end while an answer streams unless
// the person scrolled up; then a floating "Jump to latest" button brings it back. While a visible
// answer is still thinking, only its Thinking header is redrawn, about ten times a second, for its timer.
// Tool calls: a click on an answer's call card, or on a tool result (which names the call it answers),
// emits toolCallActivated with the answer's id and the call id; so does Enter on the current message
// when it is an answer with tool calls (its first call: the inspector lists the round's other calls
// beside it) or a tool result.
// Attachments: a click on a tile emits attachmentActivated (Enter does for the current message's first
// attachment when it has no tool calls); its context menu offers "Save attachment as…". Thumbnails that
// finish loading repaint only the tiles showing them: no relayout, whatever the number of rows.
#pragma once

#include "MessageDelegate.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QListView>

class QToolButton;

namespace ark::ui {

class ConversationView : public QListView
{
    Q_OBJECT
public:
    explicit ConversationView(QWidget* parent = nullptr);

    // Any model with MessageListModel's roles (MessageIdRole, ContentRole, RevisionRole...).
    void setModel(QAbstractItemModel* model) override;

    MessageDelegate* messageDelegate() const { return m_delegate; }
    bool isFollowingEnd() const { return m_following; }
    bool jumpToLatestVisible() const;
    QToolButton* jumpToLatestButton() const { return m_jumpButton; }

    // A button's rectangle in viewport coordinates (empty when the message has none).
    QRect actionRect(const QModelIndex& index, MessageDelegate::Action action) const;
    QRect codeCopyRect(const QModelIndex& index, int codeBlock) const;
    QRect toolCallRect(const QModelIndex& index, int call) const; // a tool-call card, viewport coordinates
    // The tile of the message's `attachment`-th attachment, viewport coordinates (empty when none).
    QRect attachmentRect(const QModelIndex& index, int attachment) const;
    // Where attachment files are found by hash (not owned; must outlive the view).
    void setAttachmentStore(const media::AttachmentStore* store);
    QModelIndex indexForId(qint64 messageId) const;
    // Re-measures every row (from the delegate's cache) keeping the end followed or the reading
    // position anchored.
    void doItemsLayout() override;

    // Above this many rows, rows never laid out at the current width get an estimated height that is
    // refined in the background, so opening or resizing a long conversation never blocks.
    void setLazyLayoutThreshold(int rows) { m_lazyThreshold = rows; }
    int lazyLayoutThreshold() const { return m_lazyThreshold; }

    // How Thinking sections fold. Starts from AccountSettings and follows its changes (Settings
    // dialog) by itself; the setter is for other callers and tests.
    void setReasoningDisplay(session::ReasoningDisplay display);
    session::ReasoningDisplay reasoningDisplay() const { return m_delegate->reasoningDisplay(); }
    bool isThinkingTimerActive() const { return m_thinkingTimer.isActive(); } // tests

public slots:
    void jumpToLatest();
    void copyMessage(qint64 messageId, bool plainText);
    void copyCurrentMessage(bool plainText = false);
    void copyReasoning(qint64 messageId); // the message's reasoning, as Markdown

signals:
    void copyRequested(qint64 id, bool plainText);
    void regenerateRequested(qint64 id);
    void editRequested(qint64 id);
    void deleteRequested(qint64 id);
    void retryRequested(qint64 id);
    void branchStepRequested(qint64 id, int step);
    void codeCopyRequested(const QString& code);
    void linkActivated(const QUrl& url);
    void followingEndChanged(bool following);
    // The answer `messageId` made the tool call `callId`: show it (the tool-call inspector).
    void toolCallActivated(qint64 messageId, const QString& callId);
    // A tile was clicked (or Enter on a message with attachments): show it (viewer or player). Also for
    // a missing file: the window says it is missing.
    void attachmentActivated(const ark::media::Attachment& attachment);
    // "Save attachment as…" from a tile's context menu.
    void attachmentSaveRequested(const ark::media::Attachment& attachment);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    void timerEvent(QTimerEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                     const QList<int>& roles = QList<int>()) override;
    void rowsInserted(const QModelIndex& parent, int start, int end) override;
    void updateGeometries() override;

private:
    int usableWidth() const;
    void syncDelegateStyle();
    void onScrollValueChanged(int value);
    void onScrollRangeChanged(int min, int max);
    void setFollowing(bool following);
    void scrollToEnd();
    void updateJumpButton();
    void updateHover(const QPoint& pos);
    void clearHover();
    void positionJumpButton();
    void checkRowHeights(int first, int last);
    void refineEstimates();
    void onReasoningToggled();
    void redrawThinkingHeaders();
    void activateToolResult(qint64 toolMessageId, const QString& callId);
    bool activateCurrentToolCall();
    bool activateCurrentAttachment();
    void onThumbnailReady(const QString& sourceKey);

    MessageDelegate* m_delegate = nullptr;
    QToolButton* m_jumpButton = nullptr;
    bool m_following = true;
    int m_programmaticScroll = 0;
    int m_lazyThreshold = 300;
    int m_refineTimer = 0;
    int m_refineRow = 0;
    bool m_refineChanged = false;      // rows refined since the last relayout differ from their rectangles
    QElapsedTimer m_sinceRefineLayout; // since the refinement's last relayout
    bool m_inLayout = false;
    MessageDelegate::Action m_hoverAction = MessageDelegate::Action::None;
    int m_hoverCodeBlock = -1;
    int m_hoverToolCall = -1;
    int m_hoverAttachment = -1;
    QBasicTimer m_thinkingTimer;
};

} // namespace ark::ui
