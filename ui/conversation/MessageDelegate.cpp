#include "MessageDelegate.h"

#include "AttachmentThumbnails.h"
#include "api/ChatTypes.h"
#include "media/MediaLimits.h"
#include "models/MessageListModel.h"
#include "session/ConversationSession.h"
#include "store/StoreTypes.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ark::ui {

using Roles = models::MessageListModel::Roles;
using store::MessageState;

namespace {

constexpr int kOuterMargin = 12; // between the view's edge and a message
constexpr int kVerticalPad = 6;  // above and below each message
constexpr int kBubblePadX = 12;  // inside a tinted bubble
constexpr int kBubblePadY = 8;
constexpr int kSpacing = 6;  // between the parts of a message
constexpr int kCardPad = 10; // inside the error card
constexpr int kButtonPadX = 8;
constexpr int kMinBodyWidth = 80;
constexpr int kChunkChars = 2000;    // Markdown pieces rendered (and cached) separately
constexpr int kReasoningIndent = 20; // the reasoning text inside its box, right of the rule
constexpr int kReasoningPadRight = 12;
constexpr int kReasoningPadBottom = 10;
constexpr int kReasoningLabelLeft = 24; // the header label, right of the chevron
constexpr int kToolCardMaxWidth = 640;  // cards stay compact on wide windows
constexpr int kToolCardPadX = 10;
constexpr int kToolBadge = 18;         // the "f" badge at a card's left
constexpr int kToolResultLines = 5;    // a tool result shows this many lines, the inspector the rest
constexpr int kToolResultChars = 4000; // ...laid out from at most this much of its text
constexpr int kSummaryValueChars = 48; // one argument's value in a card's summary
constexpr int kTileHeight = 96;        // an attachment's tile in a strip
constexpr int kTileWidth = 128;
constexpr int kTileGap = 6;
constexpr int kGeneratedSide = 360; // a generated image is fitted to this on its longer side
constexpr bool sameText(const char* a, const char* b)
{
    return *a == *b && (*a == '\0' || sameText(a + 1, b + 1));
}
static_assert(sameText(MessageDelegate::kGeneratedImageKind,
                       session::ConversationSession::kGeneratedImageKind),
              "the delegate recognises the notes the session writes");

// A height entry whose layout depends on a folding choice that changed: re-measured before use.
constexpr quint64 kStaleRevision = ~quint64(0);

api::Role roleOf(const QModelIndex& index)
{
    const int r = index.data(Roles::RoleRole).toInt();
    return (r >= 0 && r <= int(api::Role::Tool)) ? api::Role(r) : api::Role::Assistant;
}

MessageState stateOf(const QModelIndex& index)
{
    const int s = index.data(Roles::StateRole).toInt();
    return (s >= 0 && s <= int(MessageState::Failed)) ? MessageState(s) : MessageState::Complete;
}

qint64 idOf(const QModelIndex& index)
{
    return index.data(Roles::MessageIdRole).toLongLong();
}

quint64 revisionOf(const QModelIndex& index)
{
    return index.data(Roles::RevisionRole).toULongLong();
}

qint64 tokens(const QModelIndex& index, int role)
{
    const QVariant v = index.data(role);
    return v.isValid() ? v.toLongLong() : -1;
}

// A one-line summary of a call's arguments: `key: value, key: value` for a JSON object (strings
// quoted, long values cut), the text itself (on one line) when it is not an object or not JSON yet.
QString argumentSummary(const QString& arguments)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(arguments.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return arguments.simplified();
    QStringList parts;
    const QJsonObject object = doc.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        QString value;
        const QJsonValue v = it.value();
        if (v.isString())
            value = u'"' + v.toString().simplified() + u'"';
        else if (v.isObject())
            value = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        else if (v.isArray())
            value = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        else
            value = v.toVariant().toString();
        if (v.isBool())
            value = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isNull())
            value = QStringLiteral("null");
        if (value.size() > kSummaryValueChars)
            value = value.left(kSummaryValueChars - 1) + u'\u2026';
        parts.append(it.key() + QStringLiteral(": ") + value);
    }
    return parts.join(QStringLiteral(", "));
}

bool isJsonText(const QString& text)
{
    QJsonParseError error;
    QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError;
}

QString translated(const char* text)
{
    return QCoreApplication::translate("ark::ui::MessageDelegate", text);
}

// What a tile is called: the file's name, a pasted URL's host, or what it is.
QString attachmentTitle(const media::Attachment& a)
{
    if (a.isRemote()) {
        const QString host = QUrl(a.url).host();
        return host.isEmpty() ? a.url : host;
    }
    if (!a.originalName.isEmpty())
        return a.originalName;
    return a.isImage() ? translated("Pasted image") : translated("Video");
}

// The part of an image of another shape that fills `target` (centred), so a tile crops, never squeezes.
QRectF coverSource(const QSize& image, const QSize& target)
{
    QRectF source(QPointF(0, 0), QSizeF(image));
    if (target.isEmpty() || image.isEmpty())
        return source;
    const qreal aspect = qreal(target.width()) / target.height();
    if (source.width() / source.height() > aspect) {
        const qreal w = source.height() * aspect;
        source.setLeft((source.width() - w) / 2);
        source.setWidth(w);
    } else {
        const qreal h = source.width() / aspect;
        source.setTop((source.height() - h) / 2);
        source.setHeight(h);
    }
    return source;
}

QPolygonF chevron(const QRect& row, bool expanded)
{
    const qreal cx = row.left() + 12.5;
    const qreal cy = row.top() + row.height() / 2.0;
    if (expanded)
        return QPolygonF({QPointF(cx - 4.5, cy - 2.5), QPointF(cx + 4.5, cy - 2.5), QPointF(cx, cy + 3)});
    return QPolygonF({QPointF(cx - 2.5, cy - 4.5), QPointF(cx - 2.5, cy + 4.5), QPointF(cx + 3, cy)});
}

} // namespace

// Everything needed to paint one message and hit-test it, in item coordinates (0,0 = item's top-left).
struct MessageDelegate::Layout
{
    int width = 0;
    int height = 0;
    api::Role role = api::Role::Assistant;
    MessageState state = MessageState::Complete;
    bool streaming = false;

    QRect bubble; // tinted background; null for answers
    QRect header;
    QString who;
    QString meta; // model · time
    QString timeToolTip;

    QRect body;
    // The body in pieces (MarkdownRenderer::splitIntoChunks): a streaming answer re-renders only its
    // last piece per frame, the others come from the chunk cache.
    struct Chunk
    {
        RenderedMarkdown markdown;
        qreal y = 0; // in body coordinates
    };
    QList<Chunk> chunks;
    QList<QRect> codeCopy; // per rendered code block (null for unfenced blocks)
    QStringList codeText;

    // The Thinking section: a tinted box with a header row (chevron, label, Copy) and, unfolded, the
    // reasoning as Markdown. The label is not cached: its timer runs while the model thinks.
    QRect reasoningBox;
    QRect reasoningHeader;
    QRect reasoningBody;
    QList<Chunk> reasoningChunks;
    bool reasoningExpanded = false;
    bool reasoningLive = false;

    QRect thinking; // "…" while an answer has neither text nor reasoning yet
    QString thinkingText;
    QRect notice; // the model spent its whole output budget on reasoning
    QString noticeText;
    // One card per tool call of an answer.
    enum class CallState { Receiving, Awaiting, Answered, Invalid, NotRun };
    struct ToolCard
    {
        QRect rect;
        QString id, name, summary, stateText;
        CallState state = CallState::Awaiting;
    };
    QList<ToolCard> toolCards;

    // A tool result: its first lines, monospace, in a box under the header.
    QRect resultBox;
    QStringList resultLines;
    QString resultMore; // "… 12 more lines" when cut
    QString resultCallId;

    QRect card;
    QString cardTitle;
    QRect cardMessage;
    std::shared_ptr<QTextDocument> cardMessageDoc;
    QRect cardDetails;
    QString cardDetailsText;

    QRect footer;
    QRect interruptedPill;
    QRect branchPrev, branchLabel, branchNext;
    QString branchText;
    bool branchCanPrev = false, branchCanNext = false;
    QRect footerText;
    QString footerString;
    int footerCostFrom = -1; // where the cost starts in footerString (painted in the text colour)

    QHash<int, QRect> buttons; // Action -> rect (hover actions and Retry)
    QList<Action> hoverActions;

    // Attachment tiles, in AttachmentsRole order. A generated image's picture is one large tile in its
    // card (the tinted box around its text and picture).
    struct Tile
    {
        QRect rect;
        media::Attachment attachment;
        QString source; // AttachmentThumbnails::sourceKey
        bool large = false;
    };
    QList<Tile> tiles;
    QRect generatedCard;
};

MessageDelegate::MessageDelegate(QObject* parent)
    : QStyledItemDelegate(parent), m_font(QApplication::font()), m_palette(QApplication::palette())
{
    // The cache holds laid-out documents for what is on screen and around it (a rich answer's
    // document is a few hundred kilobytes: these bound the memory); heights of every message are
    // kept apart in m_heights (a few integers each).
    m_layouts.setMaxCost(160);
    m_chunks.setMaxCost(240);
    setFont(m_font);
    setPalette(m_palette);
    m_thumbnails = new AttachmentThumbnails(this);
}

MessageDelegate::~MessageDelegate() = default;

void MessageDelegate::setLayoutWidth(int width)
{
    m_width = std::max(0, width);
}

void MessageDelegate::setPalette(const QPalette& palette)
{
    m_palette = palette;
    m_renderer.setPalette(palette);
    m_layouts.clear(); // colours are baked into the documents
    m_chunks.clear();
}

void MessageDelegate::setFont(const QFont& font)
{
    m_font = font;
    m_smallFont = font;
    if (font.pointSizeF() > 0)
        m_smallFont.setPointSizeF(font.pointSizeF() * 0.88);
    m_renderer.setFont(font);
    m_monoFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_smallMonoFont = m_monoFont;
    if (font.pointSizeF() > 0) {
        m_monoFont.setPointSizeF(font.pointSizeF() * 0.92);
        m_smallMonoFont.setPointSizeF(font.pointSizeF() * 0.85);
    } else if (font.pixelSize() > 0) {
        m_monoFont.setPixelSize(font.pixelSize());
        m_smallMonoFont.setPixelSize(std::max(8, font.pixelSize() - 1));
    }
    const QFontMetrics fm(m_smallFont);
    m_renderer.setCodeHeaderHeight(fm.height() + 10);
    const QFontMetrics bodyMetrics(m_font);
    m_fontHeight = bodyMetrics.height();
    m_lineSpacing = bodyMetrics.lineSpacing();
    m_averageCharWidth = std::max(1.0, qreal(bodyMetrics.averageCharWidth()));
    clearCache();
}

void MessageDelegate::clearCache()
{
    m_layouts.clear();
    m_chunks.clear();
    m_heights.clear();
}

int MessageDelegate::effectiveWidth(const QRect& itemRect) const
{
    if (m_width > 0)
        return m_width;
    return itemRect.width() > 0 ? itemRect.width() : 480;
}

QString MessageDelegate::actionLabel(Action action) const
{
    switch (action) {
    case Action::Copy:
        return tr("Copy");
    case Action::CopyPlain:
        return tr("Copy text");
    case Action::Regenerate:
        return tr("Regenerate");
    case Action::Edit:
        return tr("Edit");
    case Action::Delete:
        return tr("Delete");
    case Action::Retry:
        return tr("Retry");
    case Action::CodeCopy:
    case Action::ReasoningCopy:
        return tr("Copy");
    case Action::BranchPrev:
        return QStringLiteral("\u2039");
    case Action::BranchNext:
        return QStringLiteral("\u203A");
    default:
        return {};
    }
}

QString MessageDelegate::actionToolTip(Action action) const
{
    switch (action) {
    case Action::Copy:
        return tr("Copy the message as Markdown (Ctrl+C)");
    case Action::CopyPlain:
        return tr("Copy the message as plain text");
    case Action::Regenerate:
        return tr("Ask for a new answer");
    case Action::Edit:
        return tr("Edit this message and send it again");
    case Action::Delete:
        return tr("Delete this message");
    case Action::Retry:
        return tr("Send the request again");
    case Action::BranchPrev:
        return tr("Previous version");
    case Action::BranchNext:
        return tr("Next version");
    case Action::CodeCopy:
        return tr("Copy the code");
    case Action::ReasoningToggle:
        return tr("Show or hide the model's reasoning");
    case Action::ReasoningCopy:
        return tr("Copy the reasoning");
    case Action::ToolCall:
        return tr("Show this call in the tool-call inspector");
    case Action::ToolResult:
        return tr("Show the call this answers in the tool-call inspector");
    default:
        return {};
    }
}

QList<MessageDelegate::Action> MessageDelegate::hoverActions(const QModelIndex& index) const
{
    QList<Action> actions{Action::Copy, Action::CopyPlain};
    const bool streaming = index.data(Roles::IsStreamingRole).toBool();
    if (streaming)
        return actions; // nothing that changes the conversation while it is being written
    if (isGeneratedImage(index)) {
        actions.append(Action::Delete); // nothing to regenerate or edit: it came from the image panel
        return actions;
    }
    const api::Role role = roleOf(index);
    if (role == api::Role::Assistant)
        actions.append(Action::Regenerate);
    else if (role == api::Role::User)
        actions.append(Action::Edit);
    actions.append(Action::Delete);
    return actions;
}

std::shared_ptr<const MessageDelegate::Layout> MessageDelegate::buildLayout(const QModelIndex& index,
                                                                            int width) const
{
    ++m_layoutsBuilt;
    auto l = std::make_shared<Layout>();
    l->width = width;
    l->role = roleOf(index);
    l->state = stateOf(index);
    l->streaming = index.data(Roles::IsStreamingRole).toBool();

    const QFontMetrics fm(m_font);
    const QFontMetrics sfm(m_smallFont);
    const int buttonHeight = sfm.height() + 6;

    // Answers and tool results sit on the background; questions and the system prompt in bubbles.
    const bool bubbled = l->role == api::Role::User || l->role == api::Role::System;
    const int outerLeft = (l->role == api::Role::User) ? std::max(kOuterMargin, width / 6) : kOuterMargin;
    const int outerRight = width - kOuterMargin;
    const int padX = bubbled ? kBubblePadX : 4;
    const int padY = bubbled ? kBubblePadY : 2;
    const int left = outerLeft + padX;
    const int contentWidth = std::max(kMinBodyWidth, outerRight - padX - left);
    int y = kVerticalPad + padY;

    // Header: who, the model for answers, the local time; the hover actions sit at its right.
    switch (l->role) {
    case api::Role::User:
        l->who = tr("You");
        break;
    case api::Role::Assistant:
        l->who = tr("Assistant");
        break;
    case api::Role::System:
        l->who = tr("System");
        break;
    case api::Role::Tool:
        l->who = tr("Result");
        break;
    }
    QStringList meta;
    if (l->role == api::Role::Tool) {
        const QString name = index.data(Roles::ToolNameRole).toString();
        if (!name.isEmpty())
            meta.append(name);
        l->resultCallId = index.data(Roles::ToolCallIdRole).toString();
        if (!l->resultCallId.isEmpty())
            meta.append(l->resultCallId);
    }
    if (l->role == api::Role::Assistant) {
        const QString model = index.data(Roles::ModelRole).toString();
        if (!model.isEmpty())
            meta.append(model);
    }
    const QDateTime created = index.data(Roles::CreatedAtRole).toDateTime();
    if (created.isValid()) {
        const QDateTime local = created.toLocalTime();
        const QLocale locale;
        // The locale's short time without seconds (the C locale's short format has them).
        QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
        timeFormat.remove(QStringLiteral(":ss"));
        QString when = locale.toString(local.time(), timeFormat);
        if (local.date() != QDate::currentDate())
            when = locale.toString(local.date(), QLocale::ShortFormat) + u' ' + when;
        meta.append(when);
        l->timeToolTip = locale.toString(local, QLocale::LongFormat);
    }
    l->meta = meta.join(QStringLiteral(" \u00B7 "));
    const int headerHeight = std::max(fm.height(), buttonHeight) + 2;
    l->header = QRect(left, y, contentWidth, headerHeight);
    l->hoverActions = hoverActions(index);
    int bx = left + contentWidth;
    for (auto it = l->hoverActions.crbegin(); it != l->hoverActions.crend(); ++it) {
        const int w = sfm.horizontalAdvance(actionLabel(*it)) + 2 * kButtonPadX;
        bx -= w;
        l->buttons.insert(int(*it), QRect(bx, y + (headerHeight - buttonHeight) / 2, w, buttonHeight));
        bx -= 4;
    }
    y += headerHeight + 2;

    // The model's reasoning, above its answer.
    y = layoutReasoning(l.get(), index, left, y, contentWidth);

    // A generated image: its text and picture in a card as wide as the picture may be.
    const bool generated = isGeneratedImage(index);
    const QList<media::Attachment> attached = attachments(index);
    int bodyLeft = left;
    int bodyWidth = contentWidth;
    QSize generatedSize;
    if (generated) {
        const int cardWidth = std::min(contentWidth, kGeneratedSide + 2 * kCardPad);
        bodyLeft = left + kCardPad;
        bodyWidth = std::max(kMinBodyWidth, cardWidth - 2 * kCardPad);
        // From the recorded pixel size only (never from decoding): the height is known before the picture.
        const int side = std::min(kGeneratedSide, bodyWidth);
        QSize pixels = attached.isEmpty() ? QSize() : attached.constFirst().pixelSize;
        if (!pixels.isValid() || pixels.isEmpty())
            pixels = QSize(side, side);
        generatedSize = pixels.scaled(side, side, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
        l->generatedCard = QRect(left, y, cardWidth, 0); // its height once laid out
        y += kCardPad;
    }

    // Body.
    const QString content = index.data(Roles::ContentRole).toString();
    if (l->role == api::Role::Tool) {
        y = layoutToolResult(l.get(), index, left, y, contentWidth);
    } else if (!content.isEmpty()) {
        qreal bottom = 0;
        for (const QString& piece : MarkdownRenderer::splitIntoChunks(content, kChunkChars)) {
            Layout::Chunk chunk{renderChunk(piece, bodyWidth), 0};
            if (!l->chunks.isEmpty())
                chunk.y = MarkdownRenderer::stackedY(l->chunks.constLast().markdown, l->chunks.constLast().y,
                                                     chunk.markdown);
            bottom = std::max(bottom, chunk.y + chunk.markdown.height);
            l->chunks.append(chunk);
        }
        const int h = int(std::ceil(bottom));
        l->body = QRect(bodyLeft, y, bodyWidth, h);
        for (const Layout::Chunk& chunk : l->chunks) {
            const QPointF origin = QPointF(l->body.topLeft()) + QPointF(0, chunk.y);
            for (const RenderedCodeBlock& block : chunk.markdown.codeBlocks) {
                if (block.fenceIndex < 0 || block.headerRect.isEmpty()) {
                    l->codeCopy.append(QRect());
                } else {
                    const QRect header = block.headerRect.translated(origin).toAlignedRect();
                    const int w = sfm.horizontalAdvance(actionLabel(Action::CodeCopy)) + 2 * kButtonPadX;
                    l->codeCopy.append(QRect(header.right() - 6 - w,
                                             header.top() + (header.height() - buttonHeight) / 2, w,
                                             buttonHeight));
                }
                l->codeText.append(block.block.code);
            }
        }
        y += h + kSpacing;
    } else if (l->streaming && l->reasoningBox.isNull()) {
        // Nothing arrived yet (the Thinking section says so once reasoning streams).
        l->thinkingText = QStringLiteral("\u2026");
        l->thinking = QRect(left, y, contentWidth, fm.height());
        y += fm.height() + kSpacing;
    }

    // Attachments, under the text.
    if (generated) {
        if (!attached.isEmpty()) {
            const media::Attachment& picture = attached.constFirst();
            l->tiles.append(Layout::Tile{QRect(QPoint(bodyLeft, y), generatedSize), picture,
                                         AttachmentThumbnails::sourceKey(picture), true});
            y += generatedSize.height() + kSpacing;
            y = layoutStrip(l.get(), attached, 1, bodyLeft, y, bodyWidth);
        }
        y = y - kSpacing + kCardPad;
        l->generatedCard.setBottom(y - 1);
        y += kSpacing;
    } else {
        y = layoutStrip(l.get(), attached, 0, left, y, contentWidth);
    }

    // Tool calls the answer made: a compact card each.
    y = layoutToolCalls(l.get(), index, left, y, contentWidth);
    const bool hasCalls = !l->toolCards.isEmpty();

    // Reasoning cut by the output limit before any answer: say so plainly, the footer's "stopped:
    // length" alone reads like an answer that was merely cut short.
    const QString finishReason = index.data(Roles::FinishReasonRole).toString();
    if (!l->streaming && !l->reasoningBox.isNull() && content.isEmpty() && !hasCalls &&
        finishReason == QLatin1String("length")) {
        l->noticeText = tr("The model used its whole output budget while thinking and gave no answer. "
                           "Raise max tokens and retry.");
        const int inner = std::max(kMinBodyWidth, contentWidth - 2 * kCardPad);
        const int textHeight =
            fm.boundingRect(QRect(0, 0, inner, 1 << 20), Qt::TextWordWrap, l->noticeText).height();
        l->notice = QRect(left, y, contentWidth, textHeight + 2 * kCardPad);
        y += l->notice.height() + kSpacing;
    }

    // Error card: failed requests, and interrupted answers that know why.
    const QString errorMessage = index.data(Roles::ErrorMessageRole).toString();
    const bool showCard = l->state == MessageState::Failed ||
                          (l->state == MessageState::Interrupted && !errorMessage.isEmpty());
    if (showCard) {
        l->cardTitle = l->state == MessageState::Failed ? tr("Request failed") : tr("Interrupted");
        const int inner = std::max(kMinBodyWidth, contentWidth - 2 * kCardPad);
        int cy = y + kCardPad;
        cy += fm.height() + 4; // title
        auto doc = std::make_shared<QTextDocument>();
        doc->setDocumentMargin(0);
        doc->setDefaultFont(m_font);
        doc->setPlainText(errorMessage.isEmpty() ? tr("The request failed before an answer arrived.")
                                                 : errorMessage);
        doc->setTextWidth(inner);
        const int messageHeight = int(std::ceil(doc->size().height()));
        l->cardMessage = QRect(left + kCardPad, cy, inner, messageHeight);
        l->cardMessageDoc = doc;
        cy += messageHeight + 4;
        QStringList details;
        const QString code = index.data(Roles::ErrorCodeRole).toString();
        const QString kind = index.data(Roles::ErrorKindRole).toString();
        const QString requestId = index.data(Roles::RequestIdRole).toString();
        if (!code.isEmpty())
            details.append(tr("Code: %1").arg(code));
        else if (!kind.isEmpty())
            details.append(tr("Kind: %1").arg(kind));
        if (!requestId.isEmpty())
            details.append(tr("Request ID: %1").arg(requestId));
        if (!details.isEmpty()) {
            l->cardDetailsText = details.join(QStringLiteral("  \u00B7  "));
            l->cardDetails = QRect(left + kCardPad, cy, inner, sfm.height());
            cy += sfm.height() + 6;
        }
        if (!generated) { // an image is made again from the image panel, never retried from here
            const int rw = sfm.horizontalAdvance(actionLabel(Action::Retry)) + 2 * kButtonPadX + 8;
            l->buttons.insert(int(Action::Retry), QRect(left + kCardPad, cy, rw, buttonHeight));
            cy += buttonHeight;
        }
        cy += kCardPad;
        l->card = QRect(left, y, contentWidth, cy - y);
        y = cy + kSpacing;
    }

    // Footer: branch switcher, the Interrupted marker, token usage and an unusual finish reason.
    const int branchCount = index.data(Roles::BranchCountRole).toInt();
    const int branchIndex = index.data(Roles::BranchIndexRole).toInt();
    int fx = left;
    const int footerTop = y;
    bool footer = false;
    if (branchCount > 1) {
        footer = true;
        const int arrow = sfm.horizontalAdvance(QStringLiteral("\u203A")) + 2 * kButtonPadX;
        l->branchText = QStringLiteral("%1/%2").arg(branchIndex + 1).arg(branchCount);
        l->branchCanPrev = branchIndex > 0;
        l->branchCanNext = branchIndex + 1 < branchCount;
        l->branchPrev = QRect(fx, y, arrow, buttonHeight);
        fx += arrow;
        const int lw = sfm.horizontalAdvance(l->branchText) + 8;
        l->branchLabel = QRect(fx, y, lw, buttonHeight);
        fx += lw;
        l->branchNext = QRect(fx, y, arrow, buttonHeight);
        fx += arrow + 10;
        l->buttons.insert(int(Action::BranchPrev), l->branchPrev);
        l->buttons.insert(int(Action::BranchNext), l->branchNext);
    }
    if (l->state == MessageState::Interrupted) {
        footer = true;
        const int pw = sfm.horizontalAdvance(tr("Interrupted")) + 2 * kButtonPadX;
        l->interruptedPill = QRect(fx, y, pw, buttonHeight);
        fx += pw + 8;
        if (!showCard && !generated) {
            const int rw = sfm.horizontalAdvance(actionLabel(Action::Retry)) + 2 * kButtonPadX;
            l->buttons.insert(int(Action::Retry), QRect(fx, y, rw, buttonHeight));
            fx += rw + 10;
        }
    }
    if (l->role == api::Role::Assistant && !l->streaming) {
        QStringList parts;
        const QLocale locale;
        const qint64 in = tokens(index, Roles::PromptTokensRole);
        const qint64 cached = tokens(index, Roles::CachedTokensRole);
        const qint64 out = tokens(index, Roles::CompletionTokensRole);
        const qint64 reasoning = tokens(index, Roles::ReasoningTokensRole);
        if (in >= 0)
            parts.append(tr("%1 in").arg(locale.toString(in)));
        if (cached > 0) // part of "in", billed at the cache-hit price
            parts.append(tr("%1 cached").arg(locale.toString(cached)));
        if (out >= 0)
            parts.append(tr("%1 out").arg(locale.toString(out)));
        if (reasoning > 0)
            parts.append(tr("%1 reasoning").arg(locale.toString(reasoning)));
        const QString finish = index.data(Roles::FinishReasonRole).toString();
        // "stop" is the usual end, and "tool_calls" is what the cards above already show.
        if (!finish.isEmpty() && finish != QLatin1String("stop") && finish != QLatin1String("tool_calls"))
            parts.append(tr("stopped: %1").arg(finish));
        // What it cost, last: the figure a person looks for, painted in the text colour.
        const QString cost = index.data(Roles::CostTextRole).toString();
        if (!cost.isEmpty()) {
            const QString before = parts.join(QStringLiteral(" \u00B7 "));
            l->footerCostFrom = before.isEmpty() ? 0 : int(before.size()) + 3;
            parts.append(cost);
        }
        if (!parts.isEmpty()) {
            footer = true;
            l->footerString = parts.join(QStringLiteral(" \u00B7 "));
            l->footerText = QRect(fx, y, std::max(0, left + contentWidth - fx), buttonHeight);
        }
    }
    if (footer) {
        l->footer = QRect(left, footerTop, contentWidth, buttonHeight);
        y += buttonHeight + kSpacing;
    }

    y -= kSpacing; // no spacing after the last part
    y += padY;
    if (bubbled)
        l->bubble = QRect(outerLeft, kVerticalPad, outerRight - outerLeft, y - kVerticalPad);
    l->height = y + kVerticalPad;
    return l;
}

// ---- Attachments ------------------------------------------------------------------------------

bool MessageDelegate::isGeneratedImage(const QModelIndex& index)
{
    return index.data(Roles::ErrorKindRole).toString() == QLatin1String(kGeneratedImageKind);
}

int MessageDelegate::attachmentStripHeight(int count, int width)
{
    if (count <= 0)
        return 0;
    const int tileWidth = std::min(kTileWidth, std::max(1, width));
    const int perRow = std::max(1, (width + kTileGap) / (tileWidth + kTileGap));
    const int rows = (count + perRow - 1) / perRow;
    return rows * kTileHeight + (rows - 1) * kTileGap;
}

QList<media::Attachment> MessageDelegate::attachments(const QModelIndex& index)
{
    QList<media::Attachment> list;
    const QVariantList values = index.data(Roles::AttachmentsRole).toList();
    list.reserve(values.size());
    for (const QVariant& value : values) {
        if (value.canConvert<media::Attachment>())
            list.append(value.value<media::Attachment>());
    }
    return list;
}

void MessageDelegate::setAttachmentStore(const media::AttachmentStore* store)
{
    m_thumbnails->setStore(store); // forgets what was found (or not) through the old one
}

// Tiles from list[from] on, left to right, wrapping into rows at `width`. Returns the y below them (and
// the spacing), or `y` when there are none: the height follows from the count and the width alone.
int MessageDelegate::layoutStrip(Layout* l, const QList<media::Attachment>& list, int from, int left, int y,
                                 int width) const
{
    const int count = int(list.size()) - from;
    if (count <= 0)
        return y;
    const int tileWidth = std::min(kTileWidth, std::max(1, width));
    const int perRow = std::max(1, (width + kTileGap) / (tileWidth + kTileGap));
    for (int i = 0; i < count; ++i) {
        const int row = i / perRow;
        const int column = i % perRow;
        const QRect rect(left + column * (tileWidth + kTileGap), y + row * (kTileHeight + kTileGap),
                         tileWidth, kTileHeight);
        const media::Attachment& a = list.at(from + i);
        l->tiles.append(Layout::Tile{rect, a, AttachmentThumbnails::sourceKey(a), false});
    }
    return y + attachmentStripHeight(count, width) + kSpacing;
}

int MessageDelegate::attachmentCountFor(const QModelIndex& index, bool* generated) const
{
    keyOf(index); // makes m_keyMessages current
    const int row = index.row();
    if (m_keyMessages && index.model() && row >= 0 && size_t(row) < m_keyMessages->records().size()) {
        *generated = m_keyMessages->records()[size_t(row)].errorKind == QLatin1String(kGeneratedImageKind);
        return m_keyMessages->attachmentCountAt(row);
    }
    *generated = isGeneratedImage(index);
    return int(index.data(Roles::AttachmentsRole).toList().size());
}

int MessageDelegate::attachmentCount(const QModelIndex& index) const
{
    return index.isValid() ? int(layoutFor(index, effectiveWidth({}))->tiles.size()) : 0;
}

QRect MessageDelegate::attachmentRect(const QRect& itemRect, const QModelIndex& index, int attachment) const
{
    if (!index.isValid())
        return {};
    const auto l = layoutFor(index, effectiveWidth(itemRect));
    if (attachment < 0 || attachment >= l->tiles.size())
        return {};
    return l->tiles.at(attachment).rect.translated(itemRect.topLeft());
}

QList<QRect> MessageDelegate::attachmentRectsShowing(const QRect& itemRect, const QModelIndex& index,
                                                     const QString& sourceKey) const
{
    QList<QRect> rects;
    if (!index.isValid() || sourceKey.isEmpty())
        return rects;
    const auto l = layoutFor(index, effectiveWidth(itemRect));
    for (const Layout::Tile& tile : l->tiles) {
        if (tile.source == sourceKey)
            rects.append(tile.rect.translated(itemRect.topLeft()));
    }
    return rects;
}

QString MessageDelegate::attachmentToolTip(const QModelIndex& index, int attachment) const
{
    const QList<media::Attachment> list = attachments(index);
    if (attachment < 0 || attachment >= list.size())
        return {};
    const media::Attachment& a = list.at(attachment);
    QStringList lines = attachmentDescription(a, a.isRemote() ? a.url : attachmentTitle(a));
    const QString problem = m_thumbnails->problem(a);
    if (!problem.isEmpty())
        lines << problem;
    if (a.isRemote())
        lines << tr("A link sent as is; the file is not kept here.");
    else
        lines << (a.isVideo() ? tr("Click to play") : tr("Click to view full size"));
    return lines.join(u'\n');
}

void MessageDelegate::paintAttachments(QPainter* painter, const Layout& l, const QPoint& hoverPos,
                                       const QRectF& visibleInItem) const
{
    for (const Layout::Tile& tile : l.tiles) {
        // Tiles out of sight (a long message scrolled through) ask for no thumbnail.
        if (!visibleInItem.isNull() && !visibleInItem.intersects(QRectF(tile.rect)))
            continue;
        paintTile(painter, tile.rect, tile.attachment, tile.large, tile.rect.contains(hoverPos));
    }
}

void MessageDelegate::paintTile(QPainter* painter, const QRect& rect, const media::Attachment& a, bool large,
                                bool hovered) const
{
    using Status = AttachmentThumbnails::Status;
    const bool dark = MarkdownRenderer::isDark(m_palette);
    const QColor base = m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor accent = m_palette.color(QPalette::Highlight);
    const QColor dim = MarkdownRenderer::blend(text, base, 0.45);
    const QColor warn = dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    const qreal radius = large ? 10 : 8;

    // The picture at the painter's pixel density: sharp on a high-DPI screen, no bigger than needed.
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QSize pixels = (QSizeF(rect.size()) * dpr).toSize();
    QImage picture;
    Status status = Status::Remote;
    if (!a.isRemote()) {
        picture = m_thumbnails->thumbnail(a, pixels);
        status = picture.isNull() ? m_thumbnails->status(a, pixels) : Status::Ready;
    }

    painter->save();
    QPainterPath shape;
    shape.addRoundedRect(QRectF(rect), radius, radius);
    painter->setClipPath(shape, Qt::IntersectClip);
    QColor fill = MarkdownRenderer::blend(base, text, dark ? 0.10 : 0.06);
    if (a.isVideo() && picture.isNull() && status != Status::Missing)
        fill = dark ? QColor(0x14, 0x14, 0x14) : QColor(0x2a, 0x2a, 0x2a); // a film's dark frame
    else if (status == Status::Missing)
        fill = MarkdownRenderer::blend(base, warn, dark ? 0.16 : 0.10);
    else if (status == Status::Remote)
        fill = MarkdownRenderer::blend(base, accent, dark ? 0.18 : 0.10);
    painter->fillRect(rect, fill);

    const QFontMetrics sfm(m_smallFont);
    const QRect inner = rect.adjusted(8, 6, -8, -6);
    // Two centred lines: what it is (bold, coloured) and its name (dim), both elided to the tile.
    const auto caption = [&](const QString& title, const QColor& titleColour, const QString& detail,
                             const QColor& detailColour) {
        QFont bold = m_smallFont;
        bold.setBold(true);
        const QFontMetrics bfm(bold);
        const int total = bfm.height() + (detail.isEmpty() ? 0 : 2 + sfm.height());
        int ty = inner.top() + (inner.height() - total) / 2;
        painter->setFont(bold);
        painter->setPen(titleColour);
        painter->drawText(QRect(inner.left(), ty, inner.width(), bfm.height()), Qt::AlignCenter,
                          bfm.elidedText(title, Qt::ElideRight, inner.width()));
        if (detail.isEmpty())
            return;
        ty += bfm.height() + 2;
        painter->setFont(m_smallFont);
        painter->setPen(detailColour);
        painter->drawText(QRect(inner.left(), ty, inner.width(), sfm.height()), Qt::AlignCenter,
                          sfm.elidedText(detail, Qt::ElideMiddle, inner.width()));
    };

    if (!picture.isNull()) {
        painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter->drawImage(QRectF(rect), picture, coverSource(picture.size(), rect.size()));
        ++m_thumbnailsPainted;
    } else if (status == Status::Missing) {
        caption(tr("File missing"), warn, attachmentTitle(a), dim);
    } else if (status == Status::Remote) {
        // A long host keeps its end: "…static.example.com" says more than "images.static.ex…".
        QFont bold = m_smallFont;
        bold.setBold(true);
        const QString host = QFontMetrics(bold).elidedText(attachmentTitle(a), Qt::ElideLeft, inner.width());
        caption(host, text, a.isVideo() ? tr("Video link") : tr("Image link"), dim);
    } else if (!a.isVideo()) {
        // Loading (briefly) or unreadable: the name, never a spinner that could turn forever.
        caption(status == Status::Failed ? tr("Cannot display") : attachmentTitle(a),
                status == Status::Failed ? warn : dim,
                status == Status::Failed ? attachmentTitle(a) : QString(), dim);
    } else {
        // A video without its frame (yet): its name at the top, on the dark frame.
        painter->setFont(m_smallFont);
        painter->setPen(QColor(0xdd, 0xdd, 0xdd));
        painter->drawText(QRect(inner.left(), inner.top(), inner.width(), sfm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          sfm.elidedText(attachmentTitle(a), Qt::ElideMiddle, inner.width()));
    }

    if (a.isVideo() && status != Status::Missing && status != Status::Remote) {
        // A play badge in the middle and the duration in a pill at the bottom right.
        const qreal d = large ? 44 : 30;
        const QPointF c = QRectF(rect).center();
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, hovered ? 190 : 140));
        painter->drawEllipse(c, d / 2, d / 2);
        painter->setBrush(Qt::white);
        const qreal t = d * 0.2;
        painter->drawPolygon(
            QPolygonF({QPointF(c.x() - t * 0.8, c.y() - t), QPointF(c.x() - t * 0.8, c.y() + t),
                       QPointF(c.x() + t * 1.1, c.y())}));
        if (a.durationSeconds) {
            QFont font = m_smallFont;
            font.setPixelSize(11);
            const QFontMetrics pfm(font);
            const QString duration = durationText(*a.durationSeconds);
            const int w = pfm.horizontalAdvance(duration) + 10;
            const int h = pfm.height() + 2;
            const QRect pill(rect.right() - 4 - w + 1, rect.bottom() - 4 - h + 1, w, h);
            painter->setBrush(QColor(0, 0, 0, 170));
            painter->drawRoundedRect(QRectF(pill), h / 2.0, h / 2.0);
            painter->setFont(font);
            painter->setPen(Qt::white);
            painter->drawText(pill, Qt::AlignCenter, duration);
        }
    }
    painter->restore();

    painter->setBrush(Qt::NoBrush);
    painter->setPen(hovered ? QPen(accent, 2)
                            : QPen(MarkdownRenderer::blend(base, text, dark ? 0.22 : 0.16), 1));
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
}

int MessageDelegate::layoutReasoning(Layout* l, const QModelIndex& index, int left, int y,
                                     int contentWidth) const
{
    const QString reasoning = index.data(Roles::ReasoningRole).toString();
    if (reasoning.isEmpty())
        return y;
    const QFontMetrics fm(m_font);
    const QFontMetrics sfm(m_smallFont);
    const int buttonHeight = sfm.height() + 6;
    l->reasoningLive = isThinking(index);
    l->reasoningExpanded = isReasoningExpanded(index);

    const int rowHeight = std::max(fm.height(), buttonHeight) + 8;
    l->reasoningHeader = QRect(left, y, contentWidth, rowHeight);
    int bottom = y + rowHeight;
    if (l->reasoningExpanded) {
        // Copy what is shown: the button comes with the unfolded text (the context menu copies always).
        const int copyWidth = sfm.horizontalAdvance(actionLabel(Action::ReasoningCopy)) + 2 * kButtonPadX;
        l->buttons.insert(int(Action::ReasoningCopy),
                          QRect(left + contentWidth - 6 - copyWidth, y + (rowHeight - buttonHeight) / 2,
                                copyWidth, buttonHeight));
        // In pieces like the answer: while the model thinks, only the last piece is parsed per frame.
        const int bodyLeft = left + kReasoningIndent;
        const int bodyWidth = std::max(kMinBodyWidth, left + contentWidth - kReasoningPadRight - bodyLeft);
        qreal height = 0;
        for (const QString& piece : MarkdownRenderer::splitIntoChunks(reasoning, kChunkChars)) {
            Layout::Chunk chunk{renderChunk(piece, bodyWidth), 0};
            if (!l->reasoningChunks.isEmpty())
                chunk.y = MarkdownRenderer::stackedY(l->reasoningChunks.constLast().markdown,
                                                     l->reasoningChunks.constLast().y, chunk.markdown);
            height = std::max(height, chunk.y + chunk.markdown.height);
            l->reasoningChunks.append(chunk);
        }
        const int h = int(std::ceil(height));
        l->reasoningBody = QRect(bodyLeft, bottom, bodyWidth, h);
        bottom += h + kReasoningPadBottom;
    }
    l->reasoningBox = QRect(left, y, contentWidth, bottom - y);
    return bottom + kSpacing;
}

int MessageDelegate::layoutToolCalls(Layout* l, const QModelIndex& index, int left, int y,
                                     int contentWidth) const
{
    const QVariantList calls = index.data(Roles::ToolCallsRole).toList();
    if (calls.isEmpty())
        return y;
    const QFontMetrics fm(m_font);
    const QFontMetrics sfm(m_smallFont);
    const int cardHeight = std::max(fm.height(), sfm.height() + 6) + 10;
    const int cardWidth = std::min(contentWidth, kToolCardMaxWidth);
    const bool cutOff = l->state == MessageState::Interrupted || l->state == MessageState::Failed;
    for (const QVariant& call : calls) {
        const QVariantMap map = call.toMap();
        Layout::ToolCard card;
        card.id = map.value(QStringLiteral("id")).toString();
        card.name = map.value(QStringLiteral("name")).toString();
        const QString arguments = map.value(QStringLiteral("arguments")).toString();
        card.summary = argumentSummary(arguments);
        using State = Layout::CallState;
        if (map.value(QStringLiteral("answered")).toBool())
            card.state = State::Answered;
        else if (l->streaming)
            card.state = State::Receiving;
        else if (cutOff)
            card.state = State::NotRun;
        else if (!arguments.trimmed().isEmpty() && !isJsonText(arguments))
            card.state = State::Invalid; // the inspector says what is wrong
        else
            card.state = State::Awaiting;
        switch (card.state) {
        case State::Receiving:
            card.stateText = tr("Receiving\u2026");
            break;
        case State::Awaiting:
            card.stateText = tr("Awaiting result");
            break;
        case State::Answered:
            card.stateText = tr("Answered");
            break;
        case State::Invalid:
            card.stateText = tr("Invalid arguments");
            break;
        case State::NotRun:
            card.stateText = tr("Not run");
            break;
        }
        card.rect = QRect(left, y, cardWidth, cardHeight);
        l->toolCards.append(card);
        y += cardHeight + 4;
    }
    return y - 4 + kSpacing;
}

int MessageDelegate::layoutToolResult(Layout* l, const QModelIndex& index, int left, int y,
                                      int contentWidth) const
{
    const QString content = index.data(Roles::ContentRole).toString();
    const QFontMetrics mfm(m_monoFont);
    const QFontMetrics sfm(m_smallFont);
    const int innerWidth = std::max(kMinBodyWidth, contentWidth - kReasoningIndent - kReasoningPadRight);
    // The first lines only, wrapped at the box's width, from a bounded prefix: a 100 kB file read
    // costs no more than a short answer.
    QString text = content.left(kToolResultChars);
    text.replace(u'\n', QChar::LineSeparator).replace(u'\t', u' ');
    QTextLayout layout(text, m_monoFont);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qsizetype consumed = 0;
    while (l->resultLines.size() < kToolResultLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(innerWidth);
        QString piece = text.mid(line.textStart(), line.textLength());
        while (piece.endsWith(QChar::LineSeparator) || piece.endsWith(u'\r'))
            piece.chop(1);
        l->resultLines.append(piece);
        consumed = line.textStart() + line.textLength();
    }
    layout.endLayout();
    while (!l->resultLines.isEmpty() && l->resultLines.constLast().trimmed().isEmpty() &&
           content.mid(consumed).trimmed().isEmpty())
        l->resultLines.removeLast();

    const QString rest = content.mid(consumed).trimmed();
    if (content.trimmed().isEmpty()) {
        l->resultLines.clear();
        l->resultMore = tr("Empty result");
    } else if (!rest.isEmpty()) {
        const int lines = int(rest.count(u'\n')) + 1;
        l->resultMore = lines > 1 ? tr("\u2026 %1 more lines").arg(QLocale().toString(lines))
                                  : tr("\u2026 %1 more characters").arg(QLocale().toString(rest.size()));
    }
    int height = int(l->resultLines.size()) * mfm.lineSpacing();
    if (!l->resultMore.isEmpty())
        height += sfm.height() + (l->resultLines.isEmpty() ? 0 : 4);
    l->resultBox = QRect(left, y, contentWidth, height + 2 * kBubblePadY);
    return y + l->resultBox.height() + kSpacing;
}

RenderedMarkdown MessageDelegate::renderChunk(const QString& markdown, int width) const
{
    const QString key = QString::number(width) + u':' + markdown;
    if (const RenderedMarkdown* cached = m_chunks.object(key))
        return *cached;
    ++m_chunksRendered;
    RenderedMarkdown rendered = m_renderer.render(markdown, width);
    if (!m_measuring)
        m_chunks.insert(key, new RenderedMarkdown(rendered), 1);
    return rendered;
}

std::shared_ptr<const MessageDelegate::Layout> MessageDelegate::layoutFor(const QModelIndex& index,
                                                                          int width) const
{
    const auto [id, revision] = keyOf(index);
    if (CacheEntry* entry = m_layouts.object(id)) {
        if (entry->revision == revision && entry->width == width)
            return entry->layout;
    }
    auto layout = buildLayout(index, width);
    auto* entry = new CacheEntry{revision, width, layout};
    m_layouts.insert(id, entry, 1);
    rememberHeight(id, revision, *layout);
    return layout;
}

void MessageDelegate::rememberHeight(qint64 id, quint64 revision, const Layout& layout) const
{
    m_heights.insert(id, HeightEntry{revision, layout.width, layout.height, layout.body.height(),
                                     layout.body.width(), !layout.reasoningBox.isNull()});
}

int MessageDelegate::measureHeight(const QModelIndex& index, int width) const
{
    const Key key = keyOf(index);
    const auto it = m_heights.constFind(key.id);
    if (it != m_heights.constEnd() && it->revision == key.revision && it->width == width)
        return it->height;
    if (const CacheEntry* entry = m_layouts.object(key.id)) {
        if (entry->revision == key.revision && entry->width == width)
            return entry->layout->height;
    }
    // Laid out, measured and dropped: neither the layout nor its Markdown pieces are kept.
    m_measuring = true;
    const auto layout = buildLayout(index, width);
    m_measuring = false;
    rememberHeight(key.id, key.revision, *layout);
    return layout->height;
}

int MessageDelegate::heightFor(const QModelIndex& index, int width) const
{
    const Key key = keyOf(index);
    const auto it = m_heights.constFind(key.id);
    if (it != m_heights.constEnd() && it->revision == key.revision && it->width == width)
        return it->height;
    return layoutFor(index, width)->height;
}

bool MessageDelegate::hasExactHeight(const QModelIndex& index) const
{
    const Key key = keyOf(index);
    const auto it = m_heights.constFind(key.id);
    return it != m_heights.constEnd() && it->revision == key.revision && it->width == effectiveWidth({});
}

MessageDelegate::Key MessageDelegate::keyOf(const QModelIndex& index) const
{
    const QAbstractItemModel* model = index.model();
    if (model != m_keyModel.data() || m_keyModel.isNull()) {
        m_keyModel = model;
        m_keyMessages = qobject_cast<const models::MessageListModel*>(model);
    }
    if (m_keyMessages && model) {
        const int row = index.row();
        const auto& records = m_keyMessages->records();
        if (row >= 0 && size_t(row) < records.size())
            return Key{records[size_t(row)].id, m_keyMessages->revisionAt(row)};
        return {};
    }
    return Key{idOf(index), revisionOf(index)};
}

int MessageDelegate::estimateHeight(const QModelIndex& index, qint64 id, int width) const
{
    const auto it = m_heights.constFind(id);
    if (it != m_heights.constEnd() && it->width > 0) {
        // Text reflows roughly in inverse proportion to the width; the chrome stays the same.
        const int chrome = it->height - it->bodyHeight;
        const int bodyWidth = std::max(kMinBodyWidth, width - (it->width - it->bodyWidth));
        const qreal scale = it->bodyWidth > 0 ? qreal(it->bodyWidth) / bodyWidth : 1.0;
        return chrome + int(it->bodyHeight * scale);
    }
    // What the estimate needs, straight from the record when the model is a MessageListModel (a
    // layout of 10,000 rows estimates most of them), through the roles otherwise.
    QString content;
    bool hasReasoning = false;
    int calls = 0;
    api::Role role = api::Role::Assistant;
    keyOf(index); // makes m_keyMessages current
    const int row = index.row();
    if (m_keyMessages && index.model() && row >= 0 && size_t(row) < m_keyMessages->records().size()) {
        const store::MessageRecord& record = m_keyMessages->records()[size_t(row)];
        content = record.content;
        hasReasoning = !record.reasoning.isEmpty();
        calls = int(record.toolCalls.size());
        role = record.role;
    } else {
        content = index.data(Roles::ContentRole).toString();
        hasReasoning = !index.data(Roles::ReasoningRole).toString().isEmpty();
        calls = int(index.data(Roles::ToolCallsRole).toList().size());
        role = roleOf(index);
    }
    const int bodyWidth = std::max(kMinBodyWidth, width - 2 * kOuterMargin - 2 * kBubblePadX);
    const qreal charsPerLine = std::max<qreal>(10, bodyWidth / m_averageCharWidth);
    int lines = int(content.count(u'\n') + 1 + content.size() / charsPerLine);
    if (role == api::Role::Tool)
        lines = std::min(lines, kToolResultLines + 1); // shown cut
    // A finished answer's Thinking section is usually folded: about one row.
    const int reasoning = hasReasoning ? m_fontHeight + 20 : 0;
    // Attachments from their count alone (the JSON is parsed once per message, no image is read).
    bool generated = false;
    const int attachmentCount = attachmentCountFor(index, &generated);
    int attached = 0;
    if (generated)
        attached = std::min(kGeneratedSide, bodyWidth) + 2 * kCardPad + kSpacing +
                   attachmentStripHeight(attachmentCount - 1, bodyWidth);
    else if (attachmentCount > 0)
        attached = attachmentStripHeight(attachmentCount, bodyWidth) + kSpacing;
    return 2 * kVerticalPad + 2 * kBubblePadY + m_fontHeight + 8 + lines * m_lineSpacing + m_fontHeight +
           reasoning + calls * (m_fontHeight + 14) + attached;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int width = effectiveWidth(option.rect);
    const auto [id, revision] = keyOf(index);
    const auto it = m_heights.constFind(id);
    if (it != m_heights.constEnd() && it->revision == revision && it->width == width)
        return QSize(width, it->height);
    // Estimate only messages never laid out at this width (or whose folding setting changed); a
    // message that changed (a streaming answer) is measured exactly, it is one message.
    if (m_estimate && (it == m_heights.constEnd() || it->width != width || it->revision == kStaleRevision)) {
        ++m_estimatesGiven;
        return QSize(width, estimateHeight(index, id, width));
    }
    return QSize(width, heightFor(index, width));
}

void MessageDelegate::setHover(const QModelIndex& index, const QPoint& posInItem)
{
    m_hoverIndex = index;
    m_hoverPos = posInItem;
}

void MessageDelegate::paintButton(QPainter* painter, const QRect& rect, const QString& text, bool hovered,
                                  bool enabled) const
{
    const QColor base = m_palette.color(QPalette::Base);
    const QColor fg = m_palette.color(QPalette::Text);
    painter->setPen(QPen(MarkdownRenderer::blend(base, fg, hovered ? 0.35 : 0.2), 1));
    painter->setBrush(hovered && enabled ? MarkdownRenderer::blend(base, fg, 0.12) : base);
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);
    painter->setPen(enabled ? fg : MarkdownRenderer::blend(base, fg, 0.35));
    painter->drawText(rect, Qt::AlignCenter, text);
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const int width = effectiveWidth(option.rect);
    const auto l = layoutFor(index, width);
    const bool hovered = (m_hoverIndex.isValid() && m_hoverIndex == index);
    const bool focused = m_showFocus && (option.state & QStyle::State_HasFocus) != 0;
    const bool dark = MarkdownRenderer::isDark(m_palette);
    const QColor base = m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor dim = MarkdownRenderer::blend(text, base, 0.45);
    const QPoint hoverPos = hovered ? m_hoverPos : QPoint(-1, -1);

    painter->save();
    painter->translate(option.rect.topLeft());
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);

    // Bubble.
    if (!l->bubble.isNull()) {
        QColor fill;
        QColor border;
        if (l->role == api::Role::User) {
            fill = MarkdownRenderer::blend(base, m_palette.color(QPalette::Highlight), dark ? 0.22 : 0.12);
            border = Qt::transparent;
        } else {
            fill = MarkdownRenderer::blend(base, text, dark ? 0.05 : 0.03);
            border = MarkdownRenderer::blend(base, text, 0.15);
        }
        painter->setPen(border.alpha() ? QPen(border, 1) : Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(l->bubble).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
    }
    if (focused) {
        QPen pen(m_palette.color(QPalette::Highlight), 1.5);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(4, 2, width - 8, l->height - 4), 10, 10);
    }

    // Header.
    const bool showActions = hovered || focused;
    int metaRight = l->header.right();
    if (showActions) {
        for (Action a : l->hoverActions)
            metaRight = std::min(metaRight, l->buttons.value(int(a)).left() - 8);
    }
    QFont bold = m_font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QFontMetrics bfm(bold);
    const int whoWidth = bfm.horizontalAdvance(l->who);
    painter->drawText(QRect(l->header.left(), l->header.top(), whoWidth + 1, l->header.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, l->who);
    if (!l->meta.isEmpty()) {
        painter->setFont(m_smallFont);
        painter->setPen(dim);
        const QRect metaRect(l->header.left() + whoWidth + 8, l->header.top(),
                             std::max(0, metaRight - (l->header.left() + whoWidth + 8)), l->header.height());
        painter->drawText(metaRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(m_smallFont).elidedText(l->meta, Qt::ElideRight, metaRect.width()));
    }
    painter->setFont(m_smallFont);
    if (showActions) {
        for (Action a : l->hoverActions) {
            const QRect r = l->buttons.value(int(a));
            paintButton(painter, r, actionLabel(a), r.contains(hoverPos));
        }
    }

    // Only the visible part of a long message is drawn: the view's viewport in item coordinates.
    QRectF visibleInItem;
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        visibleInItem = QRectF(view->viewport()->rect()).translated(-option.rect.topLeft());

    paintReasoning(painter, *l, index, hoverPos, visibleInItem);

    if (!l->generatedCard.isNull()) {
        painter->setPen(QPen(MarkdownRenderer::blend(base, text, dark ? 0.18 : 0.13), 1));
        painter->setBrush(MarkdownRenderer::blend(base, text, dark ? 0.05 : 0.025));
        painter->drawRoundedRect(QRectF(l->generatedCard).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
    }

    // Body.
    if (!l->chunks.isEmpty()) {
        const QRectF visible =
            visibleInItem.isNull() ? QRectF() : visibleInItem.translated(-l->body.topLeft());
        for (const Layout::Chunk& chunk : l->chunks) {
            const QRectF clip = visible.isNull() ? QRectF() : visible.translated(0, -chunk.y);
            if (!clip.isNull() && (clip.bottom() < 0 || clip.top() > chunk.markdown.height))
                continue;
            m_renderer.paint(painter, chunk.markdown, QPointF(l->body.topLeft()) + QPointF(0, chunk.y), clip,
                             text);
        }
        painter->setFont(m_smallFont);
        for (int i = 0; i < l->codeCopy.size(); ++i) {
            if (!l->codeCopy.at(i).isNull())
                paintButton(painter, l->codeCopy.at(i), actionLabel(Action::CodeCopy),
                            l->codeCopy.at(i).contains(hoverPos));
        }
    }
    if (!l->thinking.isNull()) {
        QFont italic = m_font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(dim);
        painter->drawText(l->thinking, Qt::AlignLeft | Qt::AlignVCenter, l->thinkingText);
    }
    paintAttachments(painter, *l, hoverPos, visibleInItem);
    paintToolResult(painter, *l, hoverPos);
    paintToolCalls(painter, *l, hoverPos);

    if (!l->notice.isNull()) {
        const QColor warn = dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
        painter->setPen(QPen(MarkdownRenderer::blend(base, warn, 0.5), 1));
        painter->setBrush(MarkdownRenderer::blend(base, warn, dark ? 0.14 : 0.08));
        painter->drawRoundedRect(QRectF(l->notice).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
        painter->setFont(m_font);
        painter->setPen(text);
        painter->drawText(l->notice.adjusted(kCardPad, kCardPad, -kCardPad, -kCardPad),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, l->noticeText);
    }

    // Error card.
    if (!l->card.isNull()) {
        const QColor error = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
        painter->setPen(QPen(MarkdownRenderer::blend(base, error, 0.55), 1));
        painter->setBrush(MarkdownRenderer::blend(base, error, dark ? 0.16 : 0.07));
        painter->drawRoundedRect(QRectF(l->card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
        painter->setFont(bold);
        painter->setPen(error);
        painter->drawText(QRect(l->card.left() + kCardPad, l->card.top() + kCardPad,
                                l->card.width() - 2 * kCardPad, QFontMetrics(bold).height()),
                          Qt::AlignLeft | Qt::AlignVCenter, l->cardTitle);
        if (l->cardMessageDoc) {
            painter->save();
            painter->translate(l->cardMessage.topLeft());
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.palette = m_palette;
            ctx.palette.setColor(QPalette::Text, text);
            l->cardMessageDoc->documentLayout()->draw(painter, ctx);
            painter->restore();
        }
        if (!l->cardDetails.isNull()) {
            painter->setFont(m_smallFont);
            painter->setPen(dim);
            painter->drawText(l->cardDetails, Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetrics(m_smallFont)
                                  .elidedText(l->cardDetailsText, Qt::ElideMiddle, l->cardDetails.width()));
        }
    }
    painter->setFont(m_smallFont);
    if (l->buttons.contains(int(Action::Retry))) {
        const QRect r = l->buttons.value(int(Action::Retry));
        paintButton(painter, r, actionLabel(Action::Retry), r.contains(hoverPos));
    }

    // Footer.
    if (!l->footer.isNull()) {
        if (!l->branchPrev.isNull()) {
            paintButton(painter, l->branchPrev, actionLabel(Action::BranchPrev),
                        l->branchPrev.contains(hoverPos), l->branchCanPrev);
            painter->setPen(dim);
            painter->drawText(l->branchLabel, Qt::AlignCenter, l->branchText);
            paintButton(painter, l->branchNext, actionLabel(Action::BranchNext),
                        l->branchNext.contains(hoverPos), l->branchCanNext);
        }
        if (!l->interruptedPill.isNull()) {
            const QColor warn = dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
            painter->setPen(Qt::NoPen);
            painter->setBrush(MarkdownRenderer::blend(base, warn, dark ? 0.25 : 0.15));
            painter->drawRoundedRect(QRectF(l->interruptedPill), l->interruptedPill.height() / 2.0,
                                     l->interruptedPill.height() / 2.0);
            painter->setPen(warn);
            painter->drawText(l->interruptedPill, Qt::AlignCenter, tr("Interrupted"));
        }
        if (!l->footerText.isNull()) {
            const QFontMetrics sfm(m_smallFont);
            if (l->footerCostFrom >= 0 && sfm.horizontalAdvance(l->footerString) <= l->footerText.width()) {
                // The tokens dim, the cost in the text colour.
                const QString tokensPart = l->footerString.left(l->footerCostFrom);
                painter->setPen(dim);
                painter->drawText(l->footerText, Qt::AlignLeft | Qt::AlignVCenter, tokensPart);
                painter->setPen(text);
                painter->drawText(l->footerText.adjusted(sfm.horizontalAdvance(tokensPart), 0, 0, 0),
                                  Qt::AlignLeft | Qt::AlignVCenter, l->footerString.mid(l->footerCostFrom));
            } else {
                painter->setPen(dim);
                painter->drawText(l->footerText, Qt::AlignLeft | Qt::AlignVCenter,
                                  sfm.elidedText(l->footerString, Qt::ElideRight, l->footerText.width()));
            }
        }
    }
    painter->restore();
}

void MessageDelegate::paintToolCalls(QPainter* painter, const Layout& l, const QPoint& hoverPos) const
{
    if (l.toolCards.isEmpty())
        return;
    const bool dark = MarkdownRenderer::isDark(m_palette);
    const QColor base = m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor accent = m_palette.color(QPalette::Highlight);
    const QColor dim = MarkdownRenderer::blend(text, base, 0.45);
    const QFontMetrics sfm(m_smallFont);
    QFont nameFont = m_monoFont;
    nameFont.setBold(true);
    const QFontMetrics nfm(nameFont);
    const QFontMetrics smfm(m_smallMonoFont);
    for (const Layout::ToolCard& card : l.toolCards) {
        const bool hovered = card.rect.contains(hoverPos);
        painter->setPen(QPen(
            MarkdownRenderer::blend(base, hovered ? accent : text, hovered ? 0.7 : (dark ? 0.2 : 0.16)), 1));
        painter->setBrush(MarkdownRenderer::blend(base, hovered ? accent : text,
                                                  hovered ? (dark ? 0.12 : 0.06) : (dark ? 0.05 : 0.025)));
        painter->drawRoundedRect(QRectF(card.rect).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7);

        // The badge: a function sign on the accent colour.
        const QRect badge(card.rect.left() + kToolCardPadX, card.rect.center().y() - kToolBadge / 2 + 1,
                          kToolBadge, kToolBadge);
        painter->setPen(Qt::NoPen);
        painter->setBrush(MarkdownRenderer::blend(base, accent, dark ? 0.35 : 0.18));
        painter->drawRoundedRect(QRectF(badge), 4, 4);
        QFont badgeFont = m_font;
        badgeFont.setItalic(true);
        badgeFont.setBold(true);
        painter->setFont(badgeFont);
        painter->setPen(dark ? MarkdownRenderer::blend(accent, text, 0.5) : accent.darker(120));
        painter->drawText(badge, Qt::AlignCenter, QStringLiteral("f"));

        // The state at the right: a dot and a word.
        QColor stateColour;
        switch (card.state) {
        case Layout::CallState::Answered:
            stateColour = dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
            break;
        case Layout::CallState::Awaiting:
            stateColour = dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
            break;
        case Layout::CallState::Receiving:
            stateColour = dark ? MarkdownRenderer::blend(accent, text, 0.3) : accent;
            break;
        case Layout::CallState::Invalid:
            stateColour = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
            break;
        case Layout::CallState::NotRun:
            stateColour = dim;
            break;
        }
        const int stateWidth = sfm.horizontalAdvance(card.stateText);
        const int stateRight = card.rect.right() - kToolCardPadX;
        const QRect stateRect(stateRight - stateWidth, card.rect.top(), stateWidth, card.rect.height());
        painter->setFont(m_smallFont);
        painter->setPen(stateColour);
        painter->drawText(stateRect, Qt::AlignRight | Qt::AlignVCenter, card.stateText);
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColour);
        painter->drawEllipse(QPointF(stateRect.left() - 8, card.rect.top() + card.rect.height() / 2.0 + 0.5),
                             3, 3);

        // The name, then the arguments on what is left of the line.
        const int textLeft = badge.right() + 9;
        const int textRight = stateRect.left() - 20;
        const QString name = card.name.isEmpty() ? QStringLiteral("\u2026") : card.name;
        const QString shownName = nfm.elidedText(name, Qt::ElideRight, std::max(0, textRight - textLeft));
        painter->setFont(nameFont);
        painter->setPen(text);
        const int nameWidth = nfm.horizontalAdvance(shownName);
        painter->drawText(QRect(textLeft, card.rect.top(), nameWidth + 1, card.rect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, shownName);
        const int summaryLeft = textLeft + nameWidth + 10;
        if (!card.summary.isEmpty() && textRight - summaryLeft > 24) {
            painter->setFont(m_smallMonoFont);
            painter->setPen(dim);
            const QRect summaryRect(summaryLeft, card.rect.top(), textRight - summaryLeft,
                                    card.rect.height());
            painter->drawText(summaryRect, Qt::AlignLeft | Qt::AlignVCenter,
                              smfm.elidedText(card.summary, Qt::ElideRight, summaryRect.width()));
        }
    }
}

void MessageDelegate::paintToolResult(QPainter* painter, const Layout& l, const QPoint& hoverPos) const
{
    if (l.resultBox.isNull())
        return;
    const bool dark = MarkdownRenderer::isDark(m_palette);
    const QColor base = m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor accent = m_palette.color(QPalette::Highlight);
    const QColor dim = MarkdownRenderer::blend(text, base, 0.45);
    const bool hovered = l.resultBox.contains(hoverPos);
    painter->setPen(QPen(
        MarkdownRenderer::blend(base, hovered ? accent : text, hovered ? 0.7 : (dark ? 0.16 : 0.12)), 1));
    painter->setBrush(MarkdownRenderer::blend(base, text, dark ? 0.05 : 0.03));
    painter->drawRoundedRect(QRectF(l.resultBox).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7);
    // A rule at the left, like the reasoning's: this is what a tool said, not the model.
    const qreal ruleX = l.resultBox.left() + kReasoningIndent / 2.0;
    painter->setPen(QPen(MarkdownRenderer::blend(base, accent, dark ? 0.55 : 0.45), 2));
    painter->drawLine(QPointF(ruleX, l.resultBox.top() + kBubblePadY),
                      QPointF(ruleX, l.resultBox.bottom() - kBubblePadY + 1));

    const QFontMetrics mfm(m_monoFont);
    const int x = l.resultBox.left() + kReasoningIndent;
    const int width = std::max(0, l.resultBox.right() - kReasoningPadRight - x);
    int y = l.resultBox.top() + kBubblePadY;
    painter->setFont(m_monoFont);
    painter->setPen(MarkdownRenderer::blend(text, base, dark ? 0.12 : 0.15));
    for (const QString& line : l.resultLines) {
        painter->drawText(QRect(x, y, width, mfm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                          mfm.elidedText(line, Qt::ElideRight, width));
        y += mfm.lineSpacing();
    }
    if (!l.resultMore.isEmpty()) {
        const QFontMetrics sfm(m_smallFont);
        QFont more = m_smallFont;
        more.setItalic(true);
        painter->setFont(more);
        painter->setPen(dim);
        if (!l.resultLines.isEmpty())
            y += 4;
        painter->drawText(QRect(x, y, width, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter, l.resultMore);
    }
}

void MessageDelegate::paintReasoning(QPainter* painter, const Layout& l, const QModelIndex& index,
                                     const QPoint& hoverPos, const QRectF& visibleInItem) const
{
    if (l.reasoningBox.isNull())
        return;
    const bool dark = MarkdownRenderer::isDark(m_palette);
    const QColor base = m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor dim = MarkdownRenderer::blend(text, base, 0.45);

    painter->setPen(QPen(MarkdownRenderer::blend(base, text, dark ? 0.18 : 0.13), 1));
    painter->setBrush(MarkdownRenderer::blend(base, text, dark ? 0.05 : 0.03));
    painter->drawRoundedRect(QRectF(l.reasoningBox).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

    const QRect copy = l.buttons.value(int(Action::ReasoningCopy));
    const bool headerHovered = l.reasoningHeader.contains(hoverPos) && !copy.contains(hoverPos);
    const QColor headerColour = headerHovered ? text : dim;
    painter->setPen(Qt::NoPen);
    painter->setBrush(headerColour);
    painter->drawPolygon(chevron(l.reasoningHeader, l.reasoningExpanded));

    QFont label = m_font;
    label.setItalic(l.reasoningLive);
    painter->setFont(label);
    painter->setPen(headerColour);
    const int labelRight = copy.isNull() ? l.reasoningHeader.right() - 8 : copy.left() - 8;
    const QRect labelRect(l.reasoningHeader.left() + kReasoningLabelLeft, l.reasoningHeader.top(),
                          std::max(0, labelRight - (l.reasoningHeader.left() + kReasoningLabelLeft)),
                          l.reasoningHeader.height());
    painter->drawText(
        labelRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(label).elidedText(reasoningHeaderText(index), Qt::ElideRight, labelRect.width()));
    if (l.reasoningLive)
        m_livePainted = true;
    if (!copy.isNull()) {
        painter->setFont(m_smallFont);
        paintButton(painter, copy, actionLabel(Action::ReasoningCopy), copy.contains(hoverPos));
    }

    if (l.reasoningChunks.isEmpty())
        return;
    // A rule down the left side marks the text as the model's thoughts, not its answer.
    const qreal ruleX = l.reasoningBox.left() + kReasoningIndent / 2.0;
    painter->setPen(QPen(MarkdownRenderer::blend(base, text, dark ? 0.3 : 0.2), 2));
    painter->drawLine(QPointF(ruleX, l.reasoningBody.top() + 2),
                      QPointF(ruleX, l.reasoningBody.bottom() - 1));
    const QColor reasoningText = MarkdownRenderer::blend(text, base, dark ? 0.25 : 0.32);
    const QRectF visible =
        visibleInItem.isNull() ? QRectF() : visibleInItem.translated(-QPointF(l.reasoningBody.topLeft()));
    for (const Layout::Chunk& chunk : l.reasoningChunks) {
        const QRectF clip = visible.isNull() ? QRectF() : visible.translated(0, -chunk.y);
        if (!clip.isNull() && (clip.bottom() < 0 || clip.top() > chunk.markdown.height))
            continue;
        m_renderer.paint(painter, chunk.markdown, QPointF(l.reasoningBody.topLeft()) + QPointF(0, chunk.y),
                         clip, reasoningText);
    }
}

QRect MessageDelegate::actionRect(const QRect& itemRect, const QModelIndex& index, Action action) const
{
    if (!index.isValid())
        return {};
    const auto l = layoutFor(index, effectiveWidth(itemRect));
    if (action == Action::ReasoningToggle)
        return l->reasoningHeader.isNull() ? QRect() : l->reasoningHeader.translated(itemRect.topLeft());
    if (action == Action::ToolCall)
        return l->toolCards.isEmpty() ? QRect()
                                      : l->toolCards.constFirst().rect.translated(itemRect.topLeft());
    if (action == Action::ToolResult)
        return l->resultBox.isNull() ? QRect() : l->resultBox.translated(itemRect.topLeft());
    if (action == Action::Attachment)
        return l->tiles.isEmpty() ? QRect() : l->tiles.constFirst().rect.translated(itemRect.topLeft());
    const QRect r = l->buttons.value(int(action));
    return r.isNull() ? QRect() : r.translated(itemRect.topLeft());
}

QRect MessageDelegate::codeCopyRect(const QRect& itemRect, const QModelIndex& index, int codeBlock) const
{
    if (!index.isValid())
        return {};
    const auto l = layoutFor(index, effectiveWidth(itemRect));
    if (codeBlock < 0 || codeBlock >= l->codeCopy.size() || l->codeCopy.at(codeBlock).isNull())
        return {};
    return l->codeCopy.at(codeBlock).translated(itemRect.topLeft());
}

int MessageDelegate::codeBlockCount(const QModelIndex& index) const
{
    return index.isValid() ? int(layoutFor(index, effectiveWidth({}))->codeCopy.size()) : 0;
}

QRect MessageDelegate::toolCallRect(const QRect& itemRect, const QModelIndex& index, int call) const
{
    if (!index.isValid())
        return {};
    const auto l = layoutFor(index, effectiveWidth(itemRect));
    if (call < 0 || call >= l->toolCards.size())
        return {};
    return l->toolCards.at(call).rect.translated(itemRect.topLeft());
}

int MessageDelegate::toolCallCount(const QModelIndex& index) const
{
    return index.isValid() ? int(layoutFor(index, effectiveWidth({}))->toolCards.size()) : 0;
}

QString MessageDelegate::toolCallStateText(const QModelIndex& index, int call) const
{
    if (!index.isValid())
        return {};
    const auto l = layoutFor(index, effectiveWidth({}));
    return call >= 0 && call < l->toolCards.size() ? l->toolCards.at(call).stateText : QString();
}

MessageDelegate::Hit MessageDelegate::hitTest(const QRect& itemRect, const QModelIndex& index,
                                              const QPoint& pos) const
{
    Hit hit;
    if (!index.isValid())
        return hit;
    const auto l = layoutFor(index, effectiveWidth(itemRect));
    const QPoint p = pos - itemRect.topLeft();
    for (auto it = l->buttons.constBegin(); it != l->buttons.constEnd(); ++it) {
        if (!it.value().contains(p))
            continue;
        const Action a = Action(it.key());
        if ((a == Action::BranchPrev && !l->branchCanPrev) || (a == Action::BranchNext && !l->branchCanNext))
            return hit;
        hit.action = a;
        return hit;
    }
    for (int i = 0; i < l->codeCopy.size(); ++i) {
        if (l->codeCopy.at(i).contains(p)) {
            hit.action = Action::CodeCopy;
            hit.codeBlock = i;
            hit.code = l->codeText.at(i);
            return hit;
        }
    }
    if (l->reasoningHeader.contains(p)) {
        hit.action = Action::ReasoningToggle;
        return hit;
    }
    for (int i = 0; i < l->toolCards.size(); ++i) {
        if (l->toolCards.at(i).rect.contains(p)) {
            hit.action = Action::ToolCall;
            hit.toolCall = i;
            hit.callId = l->toolCards.at(i).id;
            return hit;
        }
    }
    for (int i = 0; i < l->tiles.size(); ++i) {
        if (l->tiles.at(i).rect.contains(p)) {
            hit.action = Action::Attachment;
            hit.attachment = i;
            return hit;
        }
    }
    if (l->resultBox.contains(p)) {
        hit.action = Action::ToolResult;
        hit.callId = l->resultCallId;
        return hit;
    }
    // Links, in the answer or in the reasoning.
    const auto linkIn = [&](const QRect& body, const QList<Layout::Chunk>& chunks) {
        if (!body.contains(p))
            return;
        const QPointF inBody = QPointF(p - body.topLeft());
        for (const Layout::Chunk& chunk : chunks) {
            if (inBody.y() < chunk.y || inBody.y() >= chunk.y + chunk.markdown.height)
                continue;
            const QString anchor = MarkdownRenderer::anchorAt(chunk.markdown, inBody - QPointF(0, chunk.y));
            if (!anchor.isEmpty()) {
                hit.action = Action::Link;
                hit.url = QUrl(anchor);
            }
            break;
        }
    };
    linkIn(l->body, l->chunks);
    linkIn(l->reasoningBody, l->reasoningChunks);
    return hit;
}

void MessageDelegate::emitAction(const Hit& hit, const QModelIndex& index)
{
    const qint64 id = idOf(index);
    switch (hit.action) {
    case Action::Copy:
        emit copyRequested(id, false);
        break;
    case Action::CopyPlain:
        emit copyRequested(id, true);
        break;
    case Action::Regenerate:
        emit regenerateRequested(id);
        break;
    case Action::Edit:
        emit editRequested(id);
        break;
    case Action::Delete:
        emit deleteRequested(id);
        break;
    case Action::Retry:
        emit retryRequested(id);
        break;
    case Action::BranchPrev:
        emit branchStepRequested(id, -1);
        break;
    case Action::BranchNext:
        emit branchStepRequested(id, +1);
        break;
    case Action::CodeCopy:
        emit codeCopyRequested(hit.code);
        break;
    case Action::Link:
        emit linkActivated(hit.url);
        break;
    case Action::ReasoningToggle:
        setReasoningExpanded(index, !isReasoningExpanded(index));
        break;
    case Action::ReasoningCopy:
        emit reasoningCopyRequested(id);
        break;
    case Action::ToolCall:
        emit toolCallActivated(id, hit.callId);
        break;
    case Action::ToolResult:
        emit toolResultActivated(id, hit.callId);
        break;
    case Action::Attachment: {
        const QList<media::Attachment> list = attachments(index);
        if (hit.attachment >= 0 && hit.attachment < list.size())
            emit attachmentActivated(list.at(hit.attachment));
        break;
    }
    case Action::None:
        break;
    }
}

bool MessageDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                  const QStyleOptionViewItem& option, const QModelIndex& index)
{
    Q_UNUSED(model)
    if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonRelease &&
        event->type() != QEvent::MouseButtonDblClick)
        return false;
    auto* mouse = static_cast<QMouseEvent*>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    const Hit hit = hitTest(option.rect, index, mouse->position().toPoint());
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick) {
        m_pressIndex = index;
        m_pressHit = hit;
        // Swallow presses on buttons and links so the view does not start a selection or a drag.
        return hit.action != Action::None;
    }
    const bool sameTarget = m_pressIndex == index && m_pressHit.action == hit.action &&
                            m_pressHit.codeBlock == hit.codeBlock && m_pressHit.toolCall == hit.toolCall &&
                            m_pressHit.attachment == hit.attachment;
    m_pressIndex = QPersistentModelIndex();
    m_pressHit = Hit();
    if (hit.action == Action::None || !sameTarget)
        return false;
    emitAction(hit, index);
    return true;
}

bool MessageDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const Hit hit = hitTest(option.rect, index, event->pos());
    QString tip;
    if (hit.action == Action::Link) {
        tip = hit.url.toDisplayString();
    } else if (hit.action == Action::ToolCall) {
        // The whole call: the card shows one line of it.
        const QVariantMap call = index.data(Roles::ToolCallsRole).toList().value(hit.toolCall).toMap();
        QString arguments = call.value(QStringLiteral("arguments")).toString();
        if (arguments.size() > 600)
            arguments = arguments.left(600) + u'\u2026';
        tip = call.value(QStringLiteral("name")).toString() + u'(' + arguments + QStringLiteral(")\n") +
              actionToolTip(hit.action);
    } else if (hit.action == Action::Attachment) {
        tip = attachmentToolTip(index, hit.attachment);
    } else if (hit.action != Action::None) {
        tip = actionToolTip(hit.action);
    } else {
        const auto l = layoutFor(index, effectiveWidth(option.rect));
        if (l->header.translated(option.rect.topLeft()).contains(event->pos()))
            tip = l->timeToolTip;
    }
    if (tip.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

QStringList MessageDelegate::displayedTexts(const QModelIndex& index) const
{
    QStringList texts;
    if (!index.isValid())
        return texts;
    const auto l = layoutFor(index, effectiveWidth({}));
    texts << l->who;
    if (!l->meta.isEmpty())
        texts << l->meta;
    if (!l->reasoningBox.isNull()) {
        texts << reasoningHeaderText(index);
        if (l->reasoningExpanded)
            texts << MarkdownRenderer::toPlainText(index.data(Roles::ReasoningRole).toString());
    }
    if (!l->chunks.isEmpty())
        texts << MarkdownRenderer::toPlainText(index.data(Roles::ContentRole).toString());
    if (!l->thinkingText.isEmpty())
        texts << l->thinkingText;
    for (const Layout::Tile& tile : l->tiles) {
        const QString problem = m_thumbnails->problem(tile.attachment);
        texts << (problem.isEmpty() ? attachmentTitle(tile.attachment)
                                    : attachmentTitle(tile.attachment) + QStringLiteral(": ") + problem);
    }
    if (!l->resultBox.isNull()) {
        if (!l->resultLines.isEmpty())
            texts << l->resultLines.join(u'\n');
        if (!l->resultMore.isEmpty())
            texts << l->resultMore;
    }
    for (const Layout::ToolCard& card : l->toolCards)
        texts << card.name + u'(' + card.summary + u')' << card.stateText;
    if (!l->noticeText.isEmpty())
        texts << l->noticeText;
    if (!l->card.isNull()) {
        texts << l->cardTitle << l->cardMessageDoc->toPlainText();
        if (!l->cardDetailsText.isEmpty())
            texts << l->cardDetailsText;
    }
    if (!l->branchText.isEmpty())
        texts << l->branchText;
    if (!l->interruptedPill.isNull())
        texts << tr("Interrupted");
    if (!l->footerString.isEmpty())
        texts << l->footerString;
    return texts;
}

QString MessageDelegate::copyText(const QModelIndex& index, bool plainText)
{
    const QString content = index.data(Roles::ContentRole).toString();
    return plainText ? MarkdownRenderer::toPlainText(content) : content;
}

// ---- The Thinking section ---------------------------------------------------------------------

bool MessageDelegate::isThinking(const QModelIndex& index)
{
    const QVariant thinking = index.data(Roles::IsThinkingRole);
    if (thinking.isValid())
        return thinking.toBool();
    // A model without the role: the same rule from the roles every message model has.
    return index.data(Roles::IsStreamingRole).toBool() &&
           !index.data(Roles::ReasoningRole).toString().isEmpty() &&
           index.data(Roles::ContentRole).toString().isEmpty() &&
           index.data(Roles::ToolCallsRole).toList().isEmpty();
}

bool MessageDelegate::isReasoningExpanded(const QModelIndex& index) const
{
    const auto chosen = m_reasoningOverrides.constFind(idOf(index));
    if (chosen != m_reasoningOverrides.constEnd())
        return *chosen;
    switch (m_reasoningDisplay) {
    case session::ReasoningDisplay::AlwaysExpanded:
        return true;
    case session::ReasoningDisplay::AlwaysCollapsed:
        return false;
    case session::ReasoningDisplay::ExpandedWhileThinking:
        break;
    }
    return isThinking(index);
}

void MessageDelegate::setReasoningExpanded(const QModelIndex& index, bool expanded)
{
    if (!index.isValid())
        return;
    const qint64 id = idOf(index);
    const bool was = isReasoningExpanded(index);
    m_reasoningOverrides.insert(id, expanded);
    if (was == expanded)
        return;
    // Measured again at once, so the view's relayout finds the exact new height.
    m_layouts.remove(id);
    layoutFor(index, effectiveWidth({}));
    emit reasoningToggled(id, expanded);
}

void MessageDelegate::setReasoningDisplay(session::ReasoningDisplay display)
{
    if (display == m_reasoningDisplay)
        return;
    m_reasoningDisplay = display;
    m_reasoningOverrides.clear(); // a new global choice applies to every message
    // Only messages with reasoning change height. Their cached heights are marked stale: a long
    // conversation estimates them and refines them in the background, like a resize.
    m_layouts.clear();
    for (auto it = m_heights.begin(); it != m_heights.end(); ++it)
        if (it->hasReasoning)
            it->revision = kStaleRevision;
}

QString MessageDelegate::reasoningHeaderText(const QModelIndex& index) const
{
    if (!index.isValid() || index.data(Roles::ReasoningRole).toString().isEmpty())
        return {};
    const QLocale locale;
    const qint64 ms = tokens(index, Roles::ReasoningMsRole);
    const QString seconds = locale.toString(double(std::max<qint64>(0, ms)) / 1000.0, 'f', 1);
    if (isThinking(index))
        return ms < 0 ? tr("Thinking\u2026") : tr("Thinking\u2026 %1 s").arg(seconds);
    QString text = ms < 0 ? tr("Reasoning") : tr("Thought for %1 s").arg(seconds);
    const qint64 count = tokens(index, Roles::ReasoningTokensRole);
    if (count == 1)
        text += QStringLiteral(" \u00B7 ") + tr("1 reasoning token");
    else if (count > 1)
        text += QStringLiteral(" \u00B7 ") + tr("%1 reasoning tokens").arg(locale.toString(count));
    return text;
}

QRect MessageDelegate::reasoningHeaderRect(const QRect& itemRect, const QModelIndex& index) const
{
    return actionRect(itemRect, index, Action::ReasoningToggle);
}

bool MessageDelegate::takeLiveReasoningPainted() const
{
    const bool painted = m_livePainted;
    m_livePainted = false;
    return painted;
}

} // namespace ark::ui
