#include "ConversationSidebar.h"

#include "models/ConversationListModel.h"
#include "store/StoreTypes.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QVBoxLayout>

namespace ark::ui {

namespace {

// Two lines per conversation: title (with a pin mark) and, in search mode, the matching snippet
// with the hit in bold; otherwise when it was last active.
class ConversationItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override
    {
        const int line = option.fontMetrics.height();
        return {200, line * 2 + 14};
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& opt, const QModelIndex& index) const override
    {
        QStyleOptionViewItem option = opt;
        initStyleOption(&option, index);
        option.text.clear();
        QStyle* style = option.widget ? option.widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, option.widget);

        const bool selected = option.state & QStyle::State_Selected;
        const QPalette::ColorGroup group =
            option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
        const QColor text =
            option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dim = text;
        dim.setAlphaF(0.65f);

        const QRect r = option.rect.adjusted(8, 6, -8, -6);
        const int line = option.fontMetrics.height();
        painter->save();
        QFont titleFont = option.font;
        titleFont.setWeight(QFont::DemiBold);
        painter->setFont(titleFont);
        painter->setPen(text);
        QString title = index.data(models::ConversationListModel::TitleRole).toString();
        if (title.isEmpty())
            title = QCoreApplication::translate("ark::ui::ConversationSidebar", "Untitled conversation");
        const bool pinned = index.data(models::ConversationListModel::PinnedRole).toBool();
        const QString shown = (pinned ? QStringLiteral("📌 ") : QString()) + title;
        painter->drawText(QRect(r.left(), r.top(), r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(titleFont).elidedText(shown, Qt::ElideRight, r.width()));

        painter->setFont(option.font);
        painter->setPen(dim);
        const QRect second(r.left(), r.top() + line + 2, r.width(), line);
        const QString snippet = index.data(models::ConversationListModel::SnippetRole).toString();
        if (!snippet.isEmpty()) {
            drawSnippet(painter, second, snippet, option.font, dim, text);
        } else {
            const QDateTime updated =
                index.data(models::ConversationListModel::UpdatedAtRole).toDateTime().toLocalTime();
            const QString model = index.data(models::ConversationListModel::ModelRole).toString();
            const QString when = QLocale().toString(updated, QLocale::ShortFormat);
            const QString line2 = model.isEmpty() ? when : when + QStringLiteral(" · ") + model;
            painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
                              option.fontMetrics.elidedText(line2, Qt::ElideRight, second.width()));
        }
        painter->restore();
    }

private:
    // The snippet carries \x02 ... \x03 around each hit: hits are drawn bold and in full colour.
    static void drawSnippet(QPainter* painter, const QRect& rect, const QString& marked, const QFont& font,
                            const QColor& dim, const QColor& strong)
    {
        QString plain;
        QList<QTextLayout::FormatRange> ranges;
        int start = -1;
        for (const QChar c : marked) {
            if (c == store::kHighlightStart) {
                start = int(plain.size());
            } else if (c == store::kHighlightEnd) {
                if (start >= 0) {
                    QTextLayout::FormatRange range;
                    range.start = start;
                    range.length = int(plain.size()) - start;
                    range.format.setFontWeight(QFont::Bold);
                    range.format.setForeground(strong);
                    ranges << range;
                }
                start = -1;
            } else {
                plain += c == QLatin1Char('\n') ? QLatin1Char(' ') : c;
            }
        }
        QTextLayout layout(plain, font);
        layout.setFormats(ranges);
        QTextOption textOption;
        textOption.setWrapMode(QTextOption::NoWrap);
        layout.setTextOption(textOption);
        layout.beginLayout();
        QTextLine textLine = layout.createLine();
        if (textLine.isValid())
            textLine.setLineWidth(rect.width());
        layout.endLayout();
        painter->save();
        painter->setClipRect(rect);
        painter->setPen(dim);
        layout.draw(painter, rect.topLeft());
        painter->restore();
    }
};

} // namespace

ConversationSidebar::ConversationSidebar(models::ConversationListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_search(new QLineEdit(this)), m_list(new QListView(this)),
      m_new(new QPushButton(tr("New conversation"), this))
{
    setObjectName(QStringLiteral("ConversationSidebar"));
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search conversations"));
    m_new->setObjectName(QStringLiteral("newConversationButton"));
    m_new->setToolTip(tr("Start a new conversation (Ctrl+N)"));

    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setModel(model);
    m_list->setItemDelegate(new ConversationItemDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setAccessibleName(tr("Conversations"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_new);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);

    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(200);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDebounce.start(); });
    connect(&m_searchDebounce, &QTimer::timeout, this,
            [this] { emit searchRequested(m_search->text().trimmed()); });
    connect(m_new, &QPushButton::clicked, this, &ConversationSidebar::newRequested);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(m_list, &QListView::customContextMenuRequested, this, &ConversationSidebar::showContextMenu);

    auto* rename = new QAction(tr("Rename"), m_list);
    rename->setShortcut(Qt::Key_F2);
    rename->setShortcutContext(Qt::WidgetShortcut);
    connect(rename, &QAction::triggered, this, [this] { renameAt(m_list->currentIndex()); });
    m_list->addAction(rename);
    auto* remove = new QAction(tr("Delete"), m_list);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, [this] {
        if (const qint64 id = selectedConversation())
            emit deleteRequested(id);
    });
    m_list->addAction(remove);
}

void ConversationSidebar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ConversationSidebar::selectConversation(qint64 conversationId)
{
    m_selecting = true;
    const int row = m_model->rowForId(conversationId);
    if (row < 0)
        m_list->selectionModel()->clearCurrentIndex();
    else
        m_list->setCurrentIndex(m_model->index(row));
    m_selecting = false;
}

qint64 ConversationSidebar::selectedConversation() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(models::ConversationListModel::ConversationIdRole).toLongLong()
                             : 0;
}

void ConversationSidebar::onCurrentChanged(const QModelIndex& current)
{
    if (m_selecting || !current.isValid())
        return;
    emit conversationActivated(current.data(models::ConversationListModel::ConversationIdRole).toLongLong(),
                               current.data(models::ConversationListModel::MatchMessageIdRole).toLongLong());
}

void ConversationSidebar::renameAt(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const qint64 id = index.data(models::ConversationListModel::ConversationIdRole).toLongLong();
    bool ok = false;
    const QString title =
        QInputDialog::getText(this, tr("Rename conversation"), tr("Title:"), QLineEdit::Normal,
                              index.data(models::ConversationListModel::TitleRole).toString(), &ok);
    if (ok && !title.trimmed().isEmpty())
        emit renameRequested(id, title.trimmed());
}

void ConversationSidebar::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    const qint64 id = index.data(models::ConversationListModel::ConversationIdRole).toLongLong();
    const bool pinned = index.data(models::ConversationListModel::PinnedRole).toBool();
    QMenu menu(this);
    menu.addAction(pinned ? tr("Unpin") : tr("Pin to top"), this,
                   [this, id, pinned] { emit pinRequested(id, !pinned); });
    menu.addAction(tr("Rename…"), this, [this, index] { renameAt(index); });
    menu.addAction(tr("Duplicate"), this, [this, id] { emit duplicateRequested(id); });
    menu.addSeparator();
    menu.addAction(tr("Delete"), this, [this, id] { emit deleteRequested(id); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

} // namespace ark::ui
