#include "QuickSwitcher.h"

#include <QApplication>
#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

namespace ark::ui {

using catalog::LifecycleState;
using models::ModelCatalogModel;

namespace {

constexpr int kPadX = 10;
constexpr int kPadY = 5;
constexpr int kLineGap = 3;
constexpr int kPillPadX = 6;
constexpr int kPillPadY = 1;
constexpr int kPillGap = 4;
constexpr int kMarkWidth = 16; // the current model's check mark

QFont smallFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.85 : 8.0);
    return font;
}

QFont boldFont(const QFont& base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

int headerHeight(const QFont& base)
{
    return QFontMetrics(boldFont(smallFont(base))).height() + 10;
}

int pillHeight(const QFont& base)
{
    return QFontMetrics(smallFont(base)).height() + 2 * kPillPadY;
}

int pillWidth(const QString& text, const QFont& base)
{
    // +2: elidedText() measures a little wider than horizontalAdvance() at some sizes.
    return QFontMetrics(smallFont(base)).horizontalAdvance(text) + 2 * kPillPadX + 2;
}

// A pastel pill with the colour's own darker text: readable on the list's plain and selected rows,
// in light and dark themes alike.
void drawPill(QPainter* painter, const QRect& rect, const QString& text, const QColor& color,
              const QFont& base)
{
    const auto mix = [](int channel) {
        return int(255 * 0.86 + channel * 0.14);
    };
    const QColor background(mix(color.red()), mix(color.green()), mix(color.blue()));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1));
    painter->setBrush(background);
    const qreal radius = rect.height() / 2.0;
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->setFont(smallFont(base));
    painter->setPen(color.darker(135));
    painter->drawText(
        rect.adjusted(kPillPadX, 0, -kPillPadX, 0), Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetrics(smallFont(base)).elidedText(text, Qt::ElideRight, rect.width() - 2 * kPillPadX));
    painter->restore();
}

const QColor kCapabilityColor(0x4a, 0x6f, 0xa5);

} // namespace

// ---- ModelRowDelegate ---------------------------------------------------------------------------

QColor ModelRowDelegate::stateColor(LifecycleState state)
{
    switch (state) {
    case LifecycleState::Active:
        return QColor(0x2f, 0x85, 0x5a);
    case LifecycleState::Legacy:
        return QColor(0x3b, 0x6f, 0xb6);
    case LifecycleState::Deprecated:
        return QColor(0xb7, 0x79, 0x1f);
    case LifecycleState::EndOfSale:
        return QColor(0xc0, 0x56, 0x21);
    case LifecycleState::Retired:
        return QColor(0xc5, 0x30, 0x30);
    case LifecycleState::Unknown:
        break;
    }
    return QColor(0x71, 0x80, 0x96);
}

bool ModelRowDelegate::startsGroup(const QModelIndex& index)
{
    if (!index.isValid())
        return false;
    if (index.row() == 0)
        return true;
    const QModelIndex previous = index.sibling(index.row() - 1, index.column());
    return previous.data(ModelCatalogModel::GroupRole) != index.data(ModelCatalogModel::GroupRole);
}

QSize ModelRowDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFont& font = option.font;
    int height = kPadY + QFontMetrics(boldFont(font)).height() + kLineGap + pillHeight(font) + kPadY;
    if (startsGroup(index))
        height += headerHeight(font);
    return {400, height};
}

void ModelRowDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    painter->save();
    const QFont& font = option.font;
    const QPalette& palette = option.palette;
    QRect rect = option.rect;

    if (startsGroup(index)) {
        const QRect header(rect.left(), rect.top(), rect.width(), headerHeight(font));
        QFont headerFont = boldFont(smallFont(font));
        headerFont.setCapitalization(QFont::AllUppercase);
        painter->setFont(headerFont);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(header.adjusted(kPadX, 4, -kPadX, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          index.data(ModelCatalogModel::GroupRole).toString());
        painter->setPen(palette.color(QPalette::Mid));
        if (index.row() != 0)
            painter->drawLine(header.topLeft(), header.topRight());
        rect.setTop(header.bottom() + 1);
    }

    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    if (selected)
        painter->fillRect(rect, palette.color(QPalette::Highlight));
    else if (hovered)
        painter->fillRect(rect, palette.color(QPalette::AlternateBase));

    const auto state = LifecycleState(index.data(ModelCatalogModel::StateRole).toInt());
    const bool retired = state == LifecycleState::Retired;
    const QColor text = selected ? palette.color(QPalette::HighlightedText)
                                 : palette.color(retired ? QPalette::PlaceholderText : QPalette::Text);
    QColor secondary =
        selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::PlaceholderText);
    if (selected)
        secondary.setAlphaF(0.8f);

    const QString id = index.data(ModelCatalogModel::IdRole).toString();
    const QFont bold = boldFont(font);
    const int line1Height = QFontMetrics(bold).height();
    const QRect line1(rect.left() + kPadX + kMarkWidth, rect.top() + kPadY,
                      rect.width() - 2 * kPadX - kMarkWidth, line1Height);

    if (!m_currentId.isEmpty() &&
        catalog::Catalog::normalizedId(id) == catalog::Catalog::normalizedId(m_currentId)) {
        painter->setFont(bold);
        painter->setPen(selected ? text : palette.color(QPalette::Highlight));
        painter->drawText(QRect(rect.left() + kPadX - 2, line1.top(), kMarkWidth, line1Height),
                          Qt::AlignCenter, QStringLiteral("✓"));
    }

    // The lifecycle badge, right-aligned on the first line: it must never be cut for the name.
    int nameRight = line1.right();
    const QString badge = index.data(ModelCatalogModel::LifecycleBadgeRole).toString();
    if (!badge.isEmpty()) {
        const int width = std::min(pillWidth(badge, font), line1.width() * 2 / 3);
        const int height = pillHeight(font);
        const QRect pill(line1.right() - width + 1, line1.top() + (line1Height - height) / 2, width, height);
        drawPill(painter, pill, badge, stateColor(state), font);
        nameRight = pill.left() - 2 * kPillGap;
    }

    // Name, then the id in grey when it says something the name does not.
    const QString name = index.data(ModelCatalogModel::DisplayNameRole).toString();
    painter->setFont(bold);
    painter->setPen(text);
    const QFontMetrics boldMetrics(bold);
    const int nameSpace = std::max(0, nameRight - line1.left());
    const QString shownName = boldMetrics.elidedText(name, Qt::ElideRight, nameSpace);
    painter->drawText(QRect(line1.left(), line1.top(), nameSpace, line1Height),
                      Qt::AlignLeft | Qt::AlignVCenter, shownName);
    const int afterName = line1.left() + boldMetrics.horizontalAdvance(shownName) + 8;
    if (id != name && afterName < nameRight) {
        painter->setFont(font);
        painter->setPen(secondary);
        const QFontMetrics metrics(font);
        painter->drawText(QRect(afterName, line1.top(), nameRight - afterName, line1Height),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(id, Qt::ElideMiddle, nameRight - afterName));
    }

    // Second line: capability badges, then context window and price.
    const int pillH = pillHeight(font);
    int x = line1.left();
    const int y = line1.bottom() + 1 + kLineGap;
    for (const QString& capability : index.data(ModelCatalogModel::CapabilityBadgesRole).toStringList()) {
        const int width = pillWidth(capability, font);
        if (x + width > line1.right())
            break;
        drawPill(painter, QRect(x, y, width, pillH), capability, kCapabilityColor, font);
        x += width + kPillGap;
    }
    QStringList facts;
    if (index.data(ModelCatalogModel::IsEndpointRole).toBool()) {
        // The group heading names the kind of catalog rows; an endpoint's group does not.
        const QString served = index.data(ModelCatalogModel::ModelIdRole).toString();
        if (!served.isEmpty())
            facts << tr("serves %1").arg(served) << index.data(ModelCatalogModel::KindNameRole).toString();
    }
    for (int role : {int(ModelCatalogModel::ContextTextRole), int(ModelCatalogModel::PriceTextRole)}) {
        const QString fact = index.data(role).toString();
        if (!fact.isEmpty())
            facts << fact;
    }
    if (!facts.isEmpty() && x < line1.right()) {
        const QFont small = smallFont(font);
        painter->setFont(small);
        painter->setPen(secondary);
        const int left = x + (x == line1.left() ? 0 : kPillGap);
        painter->drawText(QRect(left, y, line1.right() - left, pillH), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(small).elidedText(facts.join(QStringLiteral("  ·  ")), Qt::ElideRight,
                                                         line1.right() - left));
    }
    painter->restore();
}

// ---- QuickSwitcher ------------------------------------------------------------------------------

QuickSwitcher::QuickSwitcher(ModelCatalogModel* model, QWidget* parent)
    : QDialog(parent), m_model(model), m_filter(new models::ModelCatalogFilter(this)),
      m_delegate(new ModelRowDelegate(this)), m_search(new QLineEdit(this)),
      m_showRetired(new QCheckBox(this)), m_list(new QListView(this)), m_hint(new QLabel(this)),
      m_warning(new QFrame(this)), m_warningLabel(new QLabel(m_warning)),
      m_useAnyway(new QPushButton(m_warning)), m_useReplacement(new QPushButton(m_warning))
{
    setObjectName(QStringLiteral("quickSwitcher"));
    setWindowTitle(tr("Switch model"));
    resize(780, 560);

    m_filter->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("switcherSearch"));
    m_search->setPlaceholderText(tr("Search models by name, ID, capability or provider…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search models"));
    m_search->installEventFilter(this);

    m_showRetired->setText(tr("Show retired"));
    m_showRetired->setObjectName(QStringLiteral("showRetired"));
    m_showRetired->setToolTip(tr("Also list models whose provider has stopped serving them"));

    m_list->setObjectName(QStringLiteral("switcherList"));
    m_list->setModel(m_filter);
    m_list->setItemDelegate(m_delegate);
    m_list->setUniformItemSizes(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setMouseTracking(true);
    m_list->setFocusPolicy(Qt::NoFocus); // typing always goes to the search field
    m_list->setAccessibleName(tr("Models"));

    m_hint->setObjectName(QStringLiteral("switcherHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_warning->setObjectName(QStringLiteral("retiredWarning"));
    m_warning->setStyleSheet(
        QStringLiteral("QFrame#retiredWarning { background: #fdecea; border: 1px solid #e53e3e;"
                       " border-radius: 6px; } QFrame#retiredWarning QLabel { color: #5c1a1a; }"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setTextFormat(Qt::PlainText);
    m_useAnyway->setText(tr("Use anyway"));
    m_useAnyway->setAutoDefault(false);
    m_useReplacement->setAutoDefault(false);
    auto* warningLayout = new QHBoxLayout(m_warning);
    warningLayout->setContentsMargins(10, 8, 10, 8);
    warningLayout->addWidget(m_warningLabel, 1);
    warningLayout->addWidget(m_useReplacement);
    warningLayout->addWidget(m_useAnyway);
    m_warning->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_showRetired);
    auto* keys = new QLabel(tr("↑↓ move · Enter picks · Esc closes"), this);
    keys->setForegroundRole(QPalette::PlaceholderText);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_hint, 1);
    bottom->addWidget(keys);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_warning);
    layout->addLayout(bottom);

    connect(m_search, &QLineEdit::textEdited, this, &QuickSwitcher::onSearchEdited);
    connect(m_showRetired, &QCheckBox::toggled, this, [this](bool on) {
        const QString keep = highlightedId();
        m_filter->setShowRetired(on);
        selectId(keep);
        selectFirstIfNone();
        updateHint();
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        m_list->setCurrentIndex(index);
        pick();
    });
    connect(m_useAnyway, &QPushButton::clicked, this, [this] { finish(m_warnedId); });
    connect(m_useReplacement, &QPushButton::clicked, this, [this] { finish(m_replacement); });
    // The rows can change under an open switcher (a server signal, an endpoint added).
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        selectFirstIfNone();
        updateHint();
    });
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, [this] { selectFirstIfNone(); });

    selectFirstIfNone();
    updateHint();
}

void QuickSwitcher::setCurrentModel(const QString& modelOrEndpointId)
{
    m_currentId = modelOrEndpointId.trimmed();
    m_delegate->setCurrentId(m_currentId);
    selectCurrent();
    m_list->viewport()->update();
}

void QuickSwitcher::setShowRetired(bool show)
{
    m_showRetired->setChecked(show);
}

QString QuickSwitcher::highlightedId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(ModelCatalogModel::IdRole).toString() : QString();
}

bool QuickSwitcher::isWarningShown() const
{
    return !m_warning->isHidden();
}

QString QuickSwitcher::warningText() const
{
    return isWarningShown() ? m_warningLabel->text() : QString();
}

void QuickSwitcher::onSearchEdited(const QString& text)
{
    m_filter->setSearchText(text);
    hideWarning();
    // The best match is at the top of its group; start from the first row shown.
    m_list->setCurrentIndex(m_filter->index(0, 0));
    m_list->scrollToTop();
    updateHint();
}

void QuickSwitcher::selectFirstIfNone()
{
    if (!m_list->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
}

bool QuickSwitcher::selectId(const QString& id)
{
    const int sourceRow = m_model->rowForId(id);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void QuickSwitcher::selectCurrent()
{
    if (selectId(m_currentId))
        return;
    // The conversation's model is hidden (retired): its replacement is the likely next pick.
    const int sourceRow = m_model->rowForId(m_currentId);
    if (sourceRow >= 0)
        selectId(m_model->index(sourceRow, 0).data(ModelCatalogModel::ReplacementRole).toString());
}

void QuickSwitcher::updateHint()
{
    const QString typed = m_search->text().trimmed();
    QStringList parts;
    if (m_filter->rowCount() == 0 && !typed.isEmpty())
        parts << tr("No model matches. Enter uses “%1” as a model or endpoint ID.").arg(typed);
    const int hidden = m_filter->hiddenRetiredCount();
    if (hidden > 0)
        parts << tr("Retired models hidden: %1 (tick “Show retired” to list them).").arg(hidden);
    m_hint->setText(parts.join(QLatin1Char(' ')));
}

void QuickSwitcher::hideWarning()
{
    m_warning->hide();
    m_warnedId.clear();
    m_replacement.clear();
}

void QuickSwitcher::pick()
{
    QString id = highlightedId();
    if (id.isEmpty())
        id = m_search->text().trimmed(); // nothing matches: the typed text is an id
    if (id.isEmpty())
        return;
    if (isWarningShown() && id == m_warnedId) {
        finish(id); // the second Enter confirms
        return;
    }
    const int sourceRow = m_model->rowForId(id);
    const QModelIndex row = sourceRow >= 0 ? m_model->index(sourceRow, 0) : QModelIndex();
    if (!row.isValid() || row.data(ModelCatalogModel::StateRole).toInt() != int(LifecycleState::Retired)) {
        finish(id);
        return;
    }
    m_warnedId = id;
    m_replacement = row.data(ModelCatalogModel::ReplacementRole).toString();
    m_warningLabel->setText(tr("%1 is retired: %2. Requests to it may fail or be answered by another model. "
                               "Press Enter again to use it anyway.")
                                .arg(row.data(ModelCatalogModel::DisplayNameRole).toString(),
                                     row.data(ModelCatalogModel::LifecycleTextRole).toString()));
    m_useReplacement->setVisible(!m_replacement.isEmpty());
    m_useReplacement->setText(tr("Use %1").arg(m_replacement));
    m_warning->show();
}

void QuickSwitcher::finish(const QString& chosen)
{
    const QString id = chosen; // a copy: hideWarning() clears the members `chosen` may refer to
    if (id.isEmpty())
        return;
    hideWarning();
    emit modelPicked(id);
    accept();
}

bool QuickSwitcher::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            // The list has no focus of its own: it moves under the search field.
            const QString before = highlightedId();
            QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(m_list, &copy);
            if (highlightedId() != before)
                hideWarning();
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            pick();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickSwitcher::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    m_search->setFocus();
    m_search->selectAll();
    if (!m_currentId.isEmpty() && m_search->text().isEmpty())
        selectCurrent();
}

} // namespace ark::ui
