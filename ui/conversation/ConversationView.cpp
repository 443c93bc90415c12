#include "ConversationView.h"

#include "AttachmentThumbnails.h"
#include "media/Attachment.h"
#include "models/MessageListModel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QStyle>
#include <QTimerEvent>
#include <QToolButton>

namespace ark::ui {

using Roles = models::MessageListModel::Roles;
using Action = MessageDelegate::Action;

namespace {
constexpr int kFollowTolerance = 4; // pixels from the end that still count as "at the end"
constexpr int kRefineSliceMs = 4;   // background layout work per event-loop turn
// Rows refined out of sight are applied (a relayout of every row) at most this often, in a turn of
// their own; rows in sight at once.
constexpr int kRefineRelayoutMs = 150;
constexpr int kThinkingTickMs = 100; // the Thinking timer shows tenths of a second
} // namespace

ConversationView::ConversationView(QWidget* parent) : QListView(parent)
{
    // Created first: the setters below already call virtual functions that reach them.
    m_delegate = new MessageDelegate(this);
    m_jumpButton = new QToolButton(this);
    m_jumpButton->setObjectName(QStringLiteral("jumpToLatest"));
    m_jumpButton->setText(tr("Jump to latest"));
    m_jumpButton->setToolTip(tr("Scroll to the newest message and follow it"));
    m_jumpButton->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_jumpButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_jumpButton->setCursor(Qt::PointingHandCursor);
    m_jumpButton->setFocusPolicy(Qt::NoFocus);
    m_jumpButton->hide();
    connect(m_jumpButton, &QToolButton::clicked, this, &ConversationView::jumpToLatest);

    setItemDelegate(m_delegate);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(Adjust);
    setUniformItemSizes(false);
    setLayoutMode(SinglePass);
    setSelectionMode(NoSelection);
    setEditTriggers(NoEditTriggers);
    setWordWrap(true);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Conversation"));

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::onScrollValueChanged);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &ConversationView::onScrollRangeChanged);

    // The view performs the copies itself and forwards every request.
    connect(m_delegate, &MessageDelegate::copyRequested, this, [this](qint64 id, bool plain) {
        copyMessage(id, plain);
        emit copyRequested(id, plain);
    });
    connect(m_delegate, &MessageDelegate::codeCopyRequested, this, [this](const QString& code) {
        QGuiApplication::clipboard()->setText(code);
        emit codeCopyRequested(code);
    });
    connect(m_delegate, &MessageDelegate::regenerateRequested, this, &ConversationView::regenerateRequested);
    connect(m_delegate, &MessageDelegate::editRequested, this, &ConversationView::editRequested);
    connect(m_delegate, &MessageDelegate::deleteRequested, this, &ConversationView::deleteRequested);
    connect(m_delegate, &MessageDelegate::retryRequested, this, &ConversationView::retryRequested);
    connect(m_delegate, &MessageDelegate::branchStepRequested, this, &ConversationView::branchStepRequested);
    connect(m_delegate, &MessageDelegate::linkActivated, this, &ConversationView::linkActivated);
    connect(m_delegate, &MessageDelegate::reasoningCopyRequested, this, &ConversationView::copyReasoning);
    connect(m_delegate, &MessageDelegate::reasoningToggled, this, &ConversationView::onReasoningToggled);
    connect(m_delegate, &MessageDelegate::toolCallActivated, this, &ConversationView::toolCallActivated);
    connect(m_delegate, &MessageDelegate::toolResultActivated, this, &ConversationView::activateToolResult);
    connect(m_delegate, &MessageDelegate::attachmentActivated, this, &ConversationView::attachmentActivated);
    connect(m_delegate->thumbnails(), &AttachmentThumbnails::thumbnailReady, this,
            &ConversationView::onThumbnailReady);

    m_delegate->setReasoningDisplay(session::AccountSettings::reasoningDisplay());
    if (session::SettingsNotifier* notifier = session::SettingsNotifier::instance())
        connect(notifier, &session::SettingsNotifier::reasoningDisplayChanged, this,
                &ConversationView::setReasoningDisplay);

    syncDelegateStyle();
    m_delegate->setLayoutWidth(usableWidth());
}

void ConversationView::setModel(QAbstractItemModel* model)
{
    m_delegate->clearCache();
    clearHover();
    QListView::setModel(model);
    setFollowing(true);
}

int ConversationView::usableWidth() const
{
    // The scroll bar's width is always reserved: a bar that appears would narrow the messages, which
    // could make them shorter and the bar disappear again.
    const int bar = verticalScrollBar()->isVisible()
                        ? 0
                        : style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    return std::max(100, viewport()->width() - bar);
}

void ConversationView::syncDelegateStyle()
{
    m_delegate->setPalette(palette());
    m_delegate->setFont(font());
}

bool ConversationView::jumpToLatestVisible() const
{
    return m_jumpButton && !m_jumpButton->isHidden();
}

QRect ConversationView::actionRect(const QModelIndex& index, MessageDelegate::Action action) const
{
    return m_delegate->actionRect(visualRect(index), index, action);
}

QRect ConversationView::codeCopyRect(const QModelIndex& index, int codeBlock) const
{
    return m_delegate->codeCopyRect(visualRect(index), index, codeBlock);
}

QRect ConversationView::toolCallRect(const QModelIndex& index, int call) const
{
    return m_delegate->toolCallRect(visualRect(index), index, call);
}

QRect ConversationView::attachmentRect(const QModelIndex& index, int attachment) const
{
    return m_delegate->attachmentRect(visualRect(index), index, attachment);
}

void ConversationView::setAttachmentStore(const media::AttachmentStore* store)
{
    m_delegate->setAttachmentStore(store);
    viewport()->update(); // files are looked up again, through the store
}

// Only the tiles on screen that show the file repaint: a thumbnail arriving costs no relayout, and the
// rows out of sight find it in the cache when they scroll in.
void ConversationView::onThumbnailReady(const QString& sourceKey)
{
    if (!model())
        return;
    const int rows = model()->rowCount(rootIndex());
    for (QModelIndex index = indexAt(QPoint(1, 0)); index.isValid();) {
        const QRect rect = visualRect(index);
        if (rect.top() >= viewport()->height())
            break;
        for (const QRect& tile : m_delegate->attachmentRectsShowing(rect, index, sourceKey))
            viewport()->update(tile.adjusted(-2, -2, 2, 2)); // with the hover border
        if (index.row() + 1 >= rows)
            break;
        index = model()->index(index.row() + 1, 0, rootIndex());
    }
}

bool ConversationView::activateCurrentAttachment()
{
    const QModelIndex index = currentIndex();
    if (!index.isValid())
        return false;
    const QList<media::Attachment> list = MessageDelegate::attachments(index);
    if (list.isEmpty())
        return false;
    emit attachmentActivated(list.constFirst());
    return true;
}

// A tool result names its call; the answer that made it is the nearest answer above with that call.
void ConversationView::activateToolResult(qint64 toolMessageId, const QString& callId)
{
    const QModelIndex result = indexForId(toolMessageId);
    if (!result.isValid() || callId.isEmpty())
        return;
    for (int row = result.row() - 1; row >= 0; --row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        const int role = index.data(Roles::RoleRole).toInt();
        if (role == int(api::Role::Tool))
            continue;
        for (const QVariant& call : index.data(Roles::ToolCallsRole).toList()) {
            if (call.toMap().value(QStringLiteral("id")).toString() == callId) {
                emit toolCallActivated(index.data(Roles::MessageIdRole).toLongLong(), callId);
                return;
            }
        }
        return; // the answer above the results did not make this call
    }
}

bool ConversationView::activateCurrentToolCall()
{
    const QModelIndex index = currentIndex();
    if (!index.isValid())
        return false;
    const qint64 id = index.data(Roles::MessageIdRole).toLongLong();
    if (index.data(Roles::RoleRole).toInt() == int(api::Role::Tool)) {
        const QString callId = index.data(Roles::ToolCallIdRole).toString();
        if (callId.isEmpty())
            return false;
        activateToolResult(id, callId);
        return true;
    }
    const QVariantList calls = index.data(Roles::ToolCallsRole).toList();
    if (calls.isEmpty())
        return false;
    emit toolCallActivated(id, calls.constFirst().toMap().value(QStringLiteral("id")).toString());
    return true;
}

QModelIndex ConversationView::indexForId(qint64 messageId) const
{
    if (!model())
        return {};
    if (const auto* messages = qobject_cast<const models::MessageListModel*>(model())) {
        const int row = messages->rowForId(messageId);
        return row >= 0 ? model()->index(row, 0, rootIndex()) : QModelIndex();
    }
    const int rows = model()->rowCount(rootIndex());
    for (int row = rows - 1; row >= 0; --row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        if (index.data(Roles::MessageIdRole).toLongLong() == messageId)
            return index;
    }
    return {};
}

void ConversationView::copyMessage(qint64 messageId, bool plainText)
{
    const QModelIndex index = indexForId(messageId);
    if (index.isValid())
        QGuiApplication::clipboard()->setText(MessageDelegate::copyText(index, plainText));
}

void ConversationView::copyCurrentMessage(bool plainText)
{
    const QModelIndex index = currentIndex();
    if (!index.isValid())
        return;
    const qint64 id = index.data(Roles::MessageIdRole).toLongLong();
    QGuiApplication::clipboard()->setText(MessageDelegate::copyText(index, plainText));
    emit copyRequested(id, plainText);
}

void ConversationView::copyReasoning(qint64 messageId)
{
    const QModelIndex index = indexForId(messageId);
    if (index.isValid())
        QGuiApplication::clipboard()->setText(index.data(Roles::ReasoningRole).toString());
}

// ---- Thinking sections ------------------------------------------------------------------------

void ConversationView::setReasoningDisplay(session::ReasoningDisplay display)
{
    if (display == m_delegate->reasoningDisplay())
        return;
    m_delegate->setReasoningDisplay(display);
    // What is on screen is measured exactly at once; the rest is refined like after a resize.
    if (model()) {
        const int width = m_delegate->layoutWidth();
        for (QModelIndex index = indexAt(QPoint(1, 0)); index.isValid();
             index = model()->index(index.row() + 1, 0, rootIndex())) {
            m_delegate->heightFor(index, width);
            if (visualRect(index).bottom() >= viewport()->height())
                break;
        }
    }
    clearHover();
    doItemsLayout();
    viewport()->update();
}

void ConversationView::onReasoningToggled()
{
    doItemsLayout(); // the message's exact height is already cached; the reading position is kept
    viewport()->update();
}

void ConversationView::paintEvent(QPaintEvent* event)
{
    QListView::paintEvent(event);
    if (m_delegate->takeLiveReasoningPainted() && !m_thinkingTimer.isActive())
        m_thinkingTimer.start(kThinkingTickMs, this);
}

// Redraws the header of every visible message that is still thinking; stops when there is none (a
// message that starts thinking later, or scrolls into view, starts the timer again when painted).
void ConversationView::redrawThinkingHeaders()
{
    bool any = false;
    if (model()) {
        const int rows = model()->rowCount(rootIndex());
        for (QModelIndex index = indexAt(QPoint(1, 0)); index.isValid();) {
            const QRect rect = visualRect(index);
            if (rect.top() >= viewport()->height())
                break;
            if (MessageDelegate::isThinking(index)) {
                any = true;
                viewport()->update(m_delegate->reasoningHeaderRect(rect, index));
            }
            if (index.row() + 1 >= rows)
                break;
            index = model()->index(index.row() + 1, 0, rootIndex());
        }
    }
    if (!any)
        m_thinkingTimer.stop();
}

// ---- Following the end ------------------------------------------------------------------------

void ConversationView::setFollowing(bool following)
{
    if (m_following != following) {
        m_following = following;
        emit followingEndChanged(following);
    }
    updateJumpButton();
}

void ConversationView::scrollToEnd()
{
    ++m_programmaticScroll;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    --m_programmaticScroll;
}

void ConversationView::jumpToLatest()
{
    if (model() && model()->rowCount(rootIndex()) > 0)
        setCurrentIndex(model()->index(model()->rowCount(rootIndex()) - 1, 0, rootIndex()));
    setFollowing(true);
    scrollToEnd();
}

void ConversationView::onScrollValueChanged(int value)
{
    // Only the person moves the view away from the end; our own scrolling (layouts, following) is
    // bracketed by m_programmaticScroll.
    if (m_programmaticScroll == 0)
        setFollowing(value >= verticalScrollBar()->maximum() - kFollowTolerance);
    else
        updateJumpButton();
}

void ConversationView::onScrollRangeChanged(int, int)
{
    if (m_following)
        scrollToEnd();
    updateJumpButton();
}

void ConversationView::updateJumpButton()
{
    const bool show = !m_following && verticalScrollBar()->maximum() > 0;
    if (!m_jumpButton || show == jumpToLatestVisible())
        return;
    m_jumpButton->setVisible(show);
    if (show) {
        positionJumpButton();
        m_jumpButton->raise();
    }
}

void ConversationView::positionJumpButton()
{
    m_jumpButton->adjustSize();
    const QRect vp = viewport()->geometry();
    const QSize size = m_jumpButton->sizeHint();
    m_jumpButton->setGeometry(vp.left() + (vp.width() - size.width()) / 2, vp.bottom() - size.height() - 12,
                              size.width(), size.height());
}

// ---- Layout -----------------------------------------------------------------------------------

void ConversationView::doItemsLayout()
{
    if (m_inLayout) {
        QListView::doItemsLayout();
        return;
    }
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    m_delegate->setLayoutWidth(usableWidth());
    m_delegate->setEstimateUncached(rows > m_lazyThreshold);

    // Keep what the person reads in place when rows above change height (estimates refined, an
    // earlier message edited); when following, stay at the end instead.
    QPersistentModelIndex anchor;
    int anchorTop = 0;
    if (!m_following && rows > 0) {
        anchor = indexAt(QPoint(viewport()->width() / 2, 0));
        if (anchor.isValid())
            anchorTop = visualRect(anchor).top();
    }
    m_inLayout = true;
    ++m_programmaticScroll;
    const int estimatesBefore = m_delegate->estimatesGiven();
    QListView::doItemsLayout();
    m_refineChanged = false; // every refined height is applied now
    if (anchor.isValid()) {
        const int delta = visualRect(anchor).top() - anchorTop;
        if (delta != 0)
            verticalScrollBar()->setValue(verticalScrollBar()->value() + delta);
    } else if (m_following) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    }
    --m_programmaticScroll;
    m_inLayout = false;
    updateJumpButton();

    // Some rows got estimated heights: refine them in the background, from the end backwards (a new
    // pass when this layout did not come from the refinement itself).
    if (m_delegate->estimatesGiven() != estimatesBefore && m_refineTimer >= 0) {
        m_refineRow = rows - 1;
        if (m_refineTimer == 0)
            m_refineTimer = startTimer(0);
    }
}

void ConversationView::updateGeometries()
{
    QListView::updateGeometries();
    // Per-pixel scrolling: a wheel notch moves a few lines of text, not a few pixels.
    verticalScrollBar()->setSingleStep(std::max(8, fontMetrics().lineSpacing()));
    verticalScrollBar()->setPageStep(std::max(1, viewport()->height() - fontMetrics().lineSpacing() * 2));
    if (jumpToLatestVisible())
        positionJumpButton();
}

void ConversationView::resizeEvent(QResizeEvent* event)
{
    const int width = usableWidth();
    if (width != m_delegate->layoutWidth()) {
        m_delegate->setLayoutWidth(width);
        clearHover();
        scheduleDelayedItemsLayout();
    }
    QListView::resizeEvent(event);
    if (jumpToLatestVisible())
        positionJumpButton();
}

// Rows whose exact height differs from the one the view laid them out with (content streamed in,
// or an estimate) trigger one relayout.
void ConversationView::checkRowHeights(int first, int last)
{
    if (!model())
        return;
    const int width = m_delegate->layoutWidth();
    bool changed = false;
    for (int row = first; row <= last && !changed; ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        if (visualRect(index).height() != m_delegate->heightFor(index, width))
            changed = true;
    }
    if (changed)
        doItemsLayout();
}

void ConversationView::dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                   const QList<int>& roles)
{
    QListView::dataChanged(topLeft, bottomRight, roles);
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent() != rootIndex())
        return;
    if (bottomRight.row() - topLeft.row() > 64)
        scheduleDelayedItemsLayout(); // a bulk change: let QListView re-measure everything once
    else
        checkRowHeights(topLeft.row(), bottomRight.row());
}

void ConversationView::rowsInserted(const QModelIndex& parent, int start, int end)
{
    QListView::rowsInserted(parent, start, end);
    if (m_following)
        executeDelayedItemsLayout(); // lay out now so the end is followed without a frame's lag
}

void ConversationView::timerEvent(QTimerEvent* event)
{
    if (event->timerId() == m_refineTimer) {
        refineEstimates();
        return;
    }
    if (event->timerId() == m_thinkingTimer.timerId()) {
        redrawThinkingHeaders();
        return;
    }
    QListView::timerEvent(event);
}

// Replaces estimated heights by exact ones, visible rows first, then from the end backwards, a few
// milliseconds per event-loop turn so scrolling and streaming stay fluid meanwhile. A turn either
// measures rows or relayouts, never both: each costs a few milliseconds on a 10,000-row conversation.
void ConversationView::refineEstimates()
{
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    const int width = m_delegate->layoutWidth();
    bool visibleChanged = false;
    // Visible rows were laid out exactly when painted; their rectangles may still hold estimates.
    for (QModelIndex index = indexAt(QPoint(1, 0)); index.isValid();) {
        const QRect r = visualRect(index);
        if (r.height() != m_delegate->heightFor(index, width))
            visibleChanged = true;
        if (r.bottom() >= viewport()->height() || index.row() + 1 >= rows)
            break;
        index = model()->index(index.row() + 1, 0, rootIndex());
    }
    m_refineRow = std::min(m_refineRow, rows - 1);
    const bool passDone = m_refineRow < 0;
    const bool relayoutDue = m_refineChanged && (passDone || !m_sinceRefineLayout.isValid() ||
                                                 m_sinceRefineLayout.elapsed() >= kRefineRelayoutMs);
    if (!visibleChanged && !relayoutDue) {
        QElapsedTimer budget;
        budget.start();
        while (m_refineRow >= 0 && budget.elapsed() < kRefineSliceMs) {
            const QModelIndex index = model()->index(m_refineRow, 0, rootIndex());
            if (visualRect(index).height() != m_delegate->measureHeight(index, width))
                m_refineChanged = true;
            --m_refineRow;
        }
        if (m_refineRow >= 0 || m_refineChanged)
            return; // more rows next turn, or the relayout they need
    }
    if (passDone && !m_refineChanged && !visibleChanged) {
        killTimer(m_refineTimer);
        m_refineTimer = 0;
        m_sinceRefineLayout.invalidate();
        return;
    }
    m_refineChanged = false;
    m_sinceRefineLayout.start();
    const int timer = m_refineTimer;
    m_refineTimer = -1; // keep doItemsLayout from restarting the pass
    doItemsLayout();
    m_refineTimer = timer;
}

// ---- Interaction ------------------------------------------------------------------------------

void ConversationView::updateHover(const QPoint& pos)
{
    const QModelIndex index = indexAt(pos);
    const QModelIndex previous = m_delegate->hoverIndex();
    const QRect rect = visualRect(index);
    const MessageDelegate::Hit hit = m_delegate->hitTest(rect, index, pos);
    m_delegate->setHover(index, pos - rect.topLeft());
    viewport()->setCursor(hit.action == Action::None ? Qt::ArrowCursor : Qt::PointingHandCursor);
    if (previous != index) {
        if (previous.isValid())
            viewport()->update(visualRect(previous));
        viewport()->update(rect);
    } else if (hit.action != m_hoverAction || hit.codeBlock != m_hoverCodeBlock ||
               hit.toolCall != m_hoverToolCall || hit.attachment != m_hoverAttachment) {
        viewport()->update(rect);
    }
    m_hoverAction = hit.action;
    m_hoverCodeBlock = hit.codeBlock;
    m_hoverToolCall = hit.toolCall;
    m_hoverAttachment = hit.attachment;
}

void ConversationView::clearHover()
{
    const QModelIndex previous = m_delegate->hoverIndex();
    m_delegate->setHover(QModelIndex(), QPoint());
    m_hoverAction = Action::None;
    m_hoverCodeBlock = -1;
    m_hoverToolCall = -1;
    m_hoverAttachment = -1;
    if (previous.isValid())
        viewport()->update(visualRect(previous));
    viewport()->unsetCursor();
}

void ConversationView::mousePressEvent(QMouseEvent* event)
{
    if (m_delegate->showsFocus()) {
        m_delegate->setShowFocus(false);
        viewport()->update();
    }
    QListView::mousePressEvent(event);
}

void ConversationView::mouseMoveEvent(QMouseEvent* event)
{
    updateHover(event->position().toPoint());
    QListView::mouseMoveEvent(event);
}

bool ConversationView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::Leave)
        clearHover();
    return QListView::viewportEvent(event);
}

void ConversationView::keyPressEvent(QKeyEvent* event)
{
    if (!m_delegate->showsFocus()) {
        m_delegate->setShowFocus(true);
        viewport()->update();
    }
    if (event->matches(QKeySequence::Copy)) {
        copyCurrentMessage(false);
        event->accept();
        return;
    }
    if (event->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier) && event->key() == Qt::Key_C) {
        copyCurrentMessage(true);
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier &&
        (activateCurrentToolCall() || activateCurrentAttachment())) {
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_End && event->modifiers() == Qt::ControlModifier) {
        jumpToLatest();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

void ConversationView::focusInEvent(QFocusEvent* event)
{
    // QAbstractItemView would make the first message current; a person reading a chat is at the
    // bottom of what they see, so keyboard focus starts at the last visible message instead.
    if (!currentIndex().isValid() && model() && model()->rowCount(rootIndex()) > 0 &&
        event->reason() != Qt::MouseFocusReason) {
        QModelIndex index = indexAt(QPoint(viewport()->width() / 2, viewport()->height() - 1));
        if (!index.isValid())
            index = model()->index(model()->rowCount(rootIndex()) - 1, 0, rootIndex());
        const bool autoScrollWas = hasAutoScroll();
        setAutoScroll(false);
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        setAutoScroll(autoScrollWas);
    }
    const bool keyboard = event->reason() == Qt::TabFocusReason ||
                          event->reason() == Qt::BacktabFocusReason ||
                          event->reason() == Qt::ShortcutFocusReason;
    if (keyboard != m_delegate->showsFocus()) {
        m_delegate->setShowFocus(keyboard);
        viewport()->update();
    }
    QListView::focusInEvent(event);
}

void ConversationView::contextMenuEvent(QContextMenuEvent* event)
{
    QModelIndex index = event->reason() == QContextMenuEvent::Mouse ? indexAt(event->pos()) : currentIndex();
    if (!index.isValid())
        return;
    const qint64 id = index.data(Roles::MessageIdRole).toLongLong();
    QMenu menu(this);
    // The tile under the mouse (or, from the keyboard, the message's first attachment): open and save
    // come first, they are what a right-click on a picture is for.
    const QList<media::Attachment> attached = MessageDelegate::attachments(index);
    int tile = -1;
    if (event->reason() == QContextMenuEvent::Mouse) {
        const MessageDelegate::Hit hit = m_delegate->hitTest(visualRect(index), index, event->pos());
        if (hit.action == Action::Attachment)
            tile = hit.attachment;
    } else if (!attached.isEmpty()) {
        tile = 0;
    }
    if (tile >= 0 && tile < attached.size()) {
        const media::Attachment attachment = attached.at(tile);
        connect(menu.addAction(attachment.isVideo() ? tr("&Play") : tr("&Open")), &QAction::triggered, this,
                [this, attachment] { emit attachmentActivated(attachment); });
        QAction* save = menu.addAction(tr("&Save attachment as\u2026"));
        save->setEnabled(!attachment.isRemote()); // a link has no file here
        connect(save, &QAction::triggered, this,
                [this, attachment] { emit attachmentSaveRequested(attachment); });
        menu.addSeparator();
    }
    const QList<Action> actions = m_delegate->hoverActions(index);
    auto add = [&](Action action, const QString& text, auto&& slot) {
        if (actions.contains(action) || action == Action::Retry)
            connect(menu.addAction(text), &QAction::triggered, this, slot);
    };
    add(Action::Copy, tr("&Copy"), [this, id] {
        copyMessage(id, false);
        emit copyRequested(id, false);
    });
    add(Action::CopyPlain, tr("Copy as &plain text"), [this, id] {
        copyMessage(id, true);
        emit copyRequested(id, true);
    });
    add(Action::Regenerate, tr("&Regenerate"), [this, id] { emit regenerateRequested(id); });
    add(Action::Edit, tr("&Edit"), [this, id] { emit editRequested(id); });
    if (!actionRect(index, Action::Retry).isEmpty())
        add(Action::Retry, tr("Re&try"), [this, id] { emit retryRequested(id); });
    if (!index.data(Roles::ReasoningRole).toString().isEmpty()) {
        menu.addSeparator();
        connect(menu.addAction(tr("Copy reasonin&g")), &QAction::triggered, this,
                [this, id] { copyReasoning(id); });
        const bool expanded = m_delegate->isReasoningExpanded(index);
        const QPersistentModelIndex target(index);
        connect(menu.addAction(expanded ? tr("&Hide reasoning") : tr("S&how reasoning")), &QAction::triggered,
                this, [this, target, expanded] {
                    if (target.isValid())
                        m_delegate->setReasoningExpanded(target, !expanded);
                });
    }
    const bool isResult = index.data(Roles::RoleRole).toInt() == int(api::Role::Tool);
    if (isResult || !index.data(Roles::ToolCallsRole).toList().isEmpty()) {
        menu.addSeparator();
        const QPersistentModelIndex target(index);
        connect(menu.addAction(tr("Show in the tool-call &inspector")), &QAction::triggered, this,
                [this, target] {
                    if (!target.isValid())
                        return;
                    setCurrentIndex(target);
                    activateCurrentToolCall();
                });
    }
    if (actions.contains(Action::Delete)) {
        menu.addSeparator();
        add(Action::Delete, tr("&Delete"), [this, id] { emit deleteRequested(id); });
    }
    const QPoint global = event->reason() == QContextMenuEvent::Mouse
                              ? event->globalPos()
                              : viewport()->mapToGlobal(visualRect(index).center());
    menu.exec(global);
}

void ConversationView::changeEvent(QEvent* event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange) {
        syncDelegateStyle();
        scheduleDelayedItemsLayout();
    }
}

} // namespace ark::ui
