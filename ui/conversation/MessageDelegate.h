// Paints one message of the conversation and hit-tests its buttons. Each message's layout (header,
// "Thinking" section, Markdown body, error card, footer, button rectangles) is built once per (id,
// revision, width) and cached, so scrolling through 10,000 messages never parses Markdown again;
// sizeHint() answers from the cache too. Folding a Thinking section (by hand or by the setting)
// invalidates only the messages that have reasoning.
// Tool calls: an answer that calls tools shows one compact card per call (name, a one-line summary
// of the arguments, its state); a click emits toolCallActivated. A tool result (a `tool` message) is
// no bubble but a compact "Result · name" row with the first lines of its text in monospace; a click
// on it emits toolResultActivated.
// Attachments: a strip of tiles (about 96 px tall, wrapping when narrow) under the message's text, one per
// image or video; the pictures come from AttachmentThumbnails (decoded off the UI thread, cached), so the
// strip's height depends only on the number of attachments and the width. A click on a tile emits
// attachmentActivated. A generated image (ErrorKindRole "generated-image") is a card: its text, then the
// picture fitted to about 360 px, with only Copy and Delete.
#pragma once

#include "MarkdownRenderer.h"
#include "media/Attachment.h"
#include "session/AccountSettings.h"

#include <QCache>
#include <QFont>
#include <QHash>
#include <QPalette>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QUrl>
#include <memory>

namespace ark::models {
class MessageListModel;
}
namespace ark::media {
class AttachmentStore;
}

namespace ark::ui {

class AttachmentThumbnails;

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Action {
        None,
        Copy,
        CopyPlain,
        Regenerate,
        Edit,
        Delete,
        Retry,
        BranchPrev,
        BranchNext,
        CodeCopy,
        Link,
        ReasoningToggle, // the Thinking section's header: fold or unfold it
        ReasoningCopy,   // the Thinking section's Copy button
        ToolCall,        // a tool-call card (Hit::toolCall says which; actionRect gives the first)
        ToolResult,      // a tool result's text box
        Attachment,      // an attachment's tile (Hit::attachment says which; actionRect gives the first)
    };
    Q_ENUM(Action)

    struct Hit
    {
        Action action = Action::None;
        int codeBlock = -1;  // Action::CodeCopy
        QString code;        // Action::CodeCopy
        QUrl url;            // Action::Link
        int toolCall = -1;   // Action::ToolCall: the card's position in ToolCallsRole
        QString callId;      // Action::ToolCall, Action::ToolResult
        int attachment = -1; // Action::Attachment: the tile's position in AttachmentsRole
    };

    // MessageRecord::errorKind of an image made by an image model (ConversationSession stores it).
    static constexpr const char* kGeneratedImageKind = "generated-image";
    static bool isGeneratedImage(const QModelIndex& index);
    // The height of a strip of `count` tiles laid out at `width` (wrapping into rows); 0 for none.
    static int attachmentStripHeight(int count, int width);

    explicit MessageDelegate(QObject* parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The width messages are laid out at; the view keeps it equal to its usable viewport width.
    // 0 = use the width of the option's rectangle.
    void setLayoutWidth(int width);
    int layoutWidth() const { return m_width; }
    void setPalette(const QPalette& palette);
    void setFont(const QFont& font);

    // Exact height of the message at `width` (lays it out when needed).
    int heightFor(const QModelIndex& index, int width) const;
    // The same for a message out of sight: when it must be laid out, the layout is not kept (its
    // documents would fill the cache with messages nobody looks at).
    int measureHeight(const QModelIndex& index, int width) const;
    // True when the message's current revision has an exact height at the current layout width.
    bool hasExactHeight(const QModelIndex& index) const;
    // When on, sizeHint() answers with an estimate for messages never laid out at the current width
    // (a long conversation opens and resizes at once); paint() and heightFor() stay exact.
    void setEstimateUncached(bool on) { m_estimate = on; }
    bool estimatesUncached() const { return m_estimate; }

    // Geometry in the coordinates of `itemRect` (the message's rectangle in the view), for
    // hit-testing and tests. An empty rectangle means the message has no such button.
    QRect actionRect(const QRect& itemRect, const QModelIndex& index, Action action) const;
    QRect codeCopyRect(const QRect& itemRect, const QModelIndex& index, int codeBlock) const;
    int codeBlockCount(const QModelIndex& index) const;
    // The card of the message's `call`-th tool call (in ToolCallsRole order); empty when none.
    QRect toolCallRect(const QRect& itemRect, const QModelIndex& index, int call) const;
    int toolCallCount(const QModelIndex& index) const;
    // A card's state as shown ("Answered", "Awaiting result"...), "" when there is no such call.
    QString toolCallStateText(const QModelIndex& index, int call) const;
    Hit hitTest(const QRect& itemRect, const QModelIndex& index, const QPoint& pos) const;
    // Attachments. Files are found through the store by hash (not owned); without one, by stored path.
    void setAttachmentStore(const media::AttachmentStore* store);
    AttachmentThumbnails* thumbnails() const { return m_thumbnails; }
    // AttachmentsRole of the message, as attachments.
    static QList<media::Attachment> attachments(const QModelIndex& index);
    int attachmentCount(const QModelIndex& index) const; // tiles laid out (= attachments)
    // The tile of the message's `attachment`-th attachment; empty when none.
    QRect attachmentRect(const QRect& itemRect, const QModelIndex& index, int attachment) const;
    // The tiles that show the file thumbnailReady() named (AttachmentThumbnails::sourceKey).
    QList<QRect> attachmentRectsShowing(const QRect& itemRect, const QModelIndex& index,
                                        const QString& sourceKey) const;
    // A tile's tooltip: the file's name, size and pixels or duration, any preparation note, a problem.
    QString attachmentToolTip(const QModelIndex& index, int attachment) const;
    int thumbnailsPainted() const { return m_thumbnailsPainted; } // tiles painted with a picture (tests)

    // The hover actions a message offers (Copy, Copy as text, Regenerate or Edit, Delete).
    QList<Action> hoverActions(const QModelIndex& index) const;

    // The texts a message shows, in reading order (header, body as plain text, thinking line, tool
    // calls, error card, footer): for accessibility and for tests.
    QStringList displayedTexts(const QModelIndex& index) const;

    // Where the mouse is (the view tracks it); buttons of the hovered message are shown.
    void setHover(const QModelIndex& index, const QPoint& posInItem);
    QModelIndex hoverIndex() const { return m_hoverIndex; }
    // The current message gets a focus ring and its buttons only while the keyboard is in use.
    void setShowFocus(bool show) { m_showFocus = show; }
    bool showsFocus() const { return m_showFocus; }

    void clearCache();
    int layoutsBuilt() const { return m_layoutsBuilt; } // Markdown parses so far (tests, benchmarks)
    int cachedLayouts() const { return m_layouts.size(); }
    int chunksRendered() const { return m_chunksRendered; } // Markdown pieces parsed so far
    int estimatesGiven() const { return m_estimatesGiven; } // sizeHint() answers that were estimates

    // What a message's Copy puts on the clipboard.
    static QString copyText(const QModelIndex& index, bool plainText);

    // The Thinking section. Whether it is unfolded: the person's own choice for this message when
    // they made one (kept while the app runs), otherwise the display setting.
    void setReasoningDisplay(session::ReasoningDisplay display); // forgets the per-message choices
    session::ReasoningDisplay reasoningDisplay() const { return m_reasoningDisplay; }
    bool isReasoningExpanded(const QModelIndex& index) const;
    void setReasoningExpanded(const QModelIndex& index, bool expanded); // emits reasoningToggled
    // "Thinking… 12.3 s" while the model reasons, "Thought for 14.2 s · 1,234 reasoning tokens" after;
    // empty when the message has no reasoning. The timer part changes on every call while it thinks.
    QString reasoningHeaderText(const QModelIndex& index) const;
    // The clickable header row of the section, in the coordinates of `itemRect` (empty when none).
    QRect reasoningHeaderRect(const QRect& itemRect, const QModelIndex& index) const;
    // Still reasoning: streaming, reasoning arrived and no answer yet.
    static bool isThinking(const QModelIndex& index);
    // True when a paint since the last call drew a running timer (the view then keeps redrawing it).
    bool takeLiveReasoningPainted() const;

signals:
    void copyRequested(qint64 id, bool plainText);
    void regenerateRequested(qint64 id);
    void editRequested(qint64 id);
    void deleteRequested(qint64 id);
    void retryRequested(qint64 id);
    void branchStepRequested(qint64 id, int step);
    void codeCopyRequested(const QString& code);
    void linkActivated(const QUrl& url);
    void reasoningCopyRequested(qint64 id);
    void reasoningToggled(qint64 id, bool expanded);                       // the message's height changed
    void toolCallActivated(qint64 messageId, const QString& callId);       // an answer's call card
    void toolResultActivated(qint64 toolMessageId, const QString& callId); // a `tool` message
    void attachmentActivated(const ark::media::Attachment& attachment);    // a tile

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    struct Layout;
    struct CacheEntry
    {
        quint64 revision = 0;
        int width = 0;
        std::shared_ptr<const Layout> layout;
    };
    struct HeightEntry
    {
        quint64 revision = 0;
        int width = 0;
        int height = 0;
        int bodyHeight = 0;
        int bodyWidth = 0;
        bool hasReasoning = false; // folding changes its height
    };
    // What the caches are keyed by. From MessageListModel directly when that is the model: a layout
    // asks it of every row, and two QVariants per row cost more than the rest of the lookup (the
    // estimates read its records directly too).
    struct Key
    {
        qint64 id = 0;
        quint64 revision = 0;
    };
    Key keyOf(const QModelIndex& index) const;

    std::shared_ptr<const Layout> layoutFor(const QModelIndex& index, int width) const;
    void rememberHeight(qint64 id, quint64 revision, const Layout& layout) const;
    RenderedMarkdown renderChunk(const QString& markdown, int width) const;
    std::shared_ptr<const Layout> buildLayout(const QModelIndex& index, int width) const;
    int effectiveWidth(const QRect& itemRect) const;
    int estimateHeight(const QModelIndex& index, qint64 id, int width) const;
    void emitAction(const Hit& hit, const QModelIndex& index);
    QString actionLabel(Action action) const;
    QString actionToolTip(Action action) const;
    void paintButton(QPainter* painter, const QRect& rect, const QString& text, bool hovered,
                     bool enabled = true) const;
    int layoutReasoning(Layout* l, const QModelIndex& index, int left, int y, int contentWidth) const;
    void paintReasoning(QPainter* painter, const Layout& l, const QModelIndex& index, const QPoint& hoverPos,
                        const QRectF& visibleInItem) const;
    int layoutToolCalls(Layout* l, const QModelIndex& index, int left, int y, int contentWidth) const;
    int layoutToolResult(Layout* l, const QModelIndex& index, int left, int y, int contentWidth) const;
    void paintToolCalls(QPainter* painter, const Layout& l, const QPoint& hoverPos) const;
    void paintToolResult(QPainter* painter, const Layout& l, const QPoint& hoverPos) const;
    int layoutStrip(Layout* l, const QList<media::Attachment>& list, int from, int left, int y,
                    int width) const;
    void paintAttachments(QPainter* painter, const Layout& l, const QPoint& hoverPos,
                          const QRectF& visibleInItem) const;
    void paintTile(QPainter* painter, const QRect& rect, const media::Attachment& attachment, bool large,
                   bool hovered) const;
    int attachmentCountFor(const QModelIndex& index, bool* generated) const; // for estimates

    MarkdownRenderer m_renderer;
    QFont m_font;
    QFont m_smallFont;
    QFont m_monoFont;      // tool results
    QFont m_smallMonoFont; // argument summaries
    QPalette m_palette;
    int m_width = 0;
    bool m_estimate = false;
    bool m_showFocus = false;
    mutable QCache<qint64, CacheEntry> m_layouts;
    mutable QHash<qint64, HeightEntry> m_heights;
    mutable QPointer<const QAbstractItemModel> m_keyModel;           // the model keyOf() last saw
    mutable const models::MessageListModel* m_keyMessages = nullptr; // it, when a MessageListModel
    // m_font's metrics, for estimates (a QFontMetrics per row would cost more than the estimate).
    int m_fontHeight = 0;
    int m_lineSpacing = 0;
    qreal m_averageCharWidth = 1;
    mutable QCache<QString, RenderedMarkdown> m_chunks; // key: "width:markdown"
    mutable int m_chunksRendered = 0;
    mutable int m_estimatesGiven = 0;
    mutable int m_layoutsBuilt = 0;
    mutable bool m_measuring = false; // measureHeight(): no piece goes into the chunk cache
    session::ReasoningDisplay m_reasoningDisplay = session::ReasoningDisplay::ExpandedWhileThinking;
    QHash<qint64, bool> m_reasoningOverrides; // message id -> unfolded, as the person chose
    mutable bool m_livePainted = false;
    QPersistentModelIndex m_hoverIndex;
    QPoint m_hoverPos;
    QPersistentModelIndex m_pressIndex;
    Hit m_pressHit;
    AttachmentThumbnails* m_thumbnails = nullptr;
    mutable int m_thumbnailsPainted = 0;
};

} // namespace ark::ui
