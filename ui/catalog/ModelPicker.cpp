#include "ModelPicker.h"

#include "QuickSwitcher.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ark::ui {

using catalog::LifecycleState;
using models::ModelCatalogModel;

ModelPicker::ModelPicker(ModelCatalogModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_button(new QToolButton(this)), m_badge(new QLabel(this)),
      m_action(new QAction(this))
{
    setObjectName(QStringLiteral("modelPicker"));
    m_button->setObjectName(QStringLiteral("modelPickerButton"));
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_button->setAccessibleName(tr("Model"));
    m_button->setMinimumWidth(180);

    m_badge->setObjectName(QStringLiteral("modelPickerBadge"));
    m_badge->setTextFormat(Qt::PlainText);
    m_badge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_badge->hide();
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);

    m_action->setText(tr("Switch Model…"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_action->setShortcutContext(Qt::WindowShortcut);
    addAction(m_action);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_button);
    layout->addWidget(m_badge);

    connect(m_button, &QToolButton::clicked, this, [this] { openSwitcher(); });
    connect(m_action, &QAction::triggered, this, [this] { openSwitcher(); });
    // A new catalog, an endpoint renamed, a server signal or the clock: the badge follows.
    connect(m_model, &QAbstractItemModel::modelReset, this, &ModelPicker::refresh);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ModelPicker::refresh);
    refresh();
}

void ModelPicker::setCurrentModel(const QString& modelOrEndpointId)
{
    m_current = modelOrEndpointId.trimmed();
    refresh();
    if (m_switcher)
        m_switcher->setCurrentModel(m_current);
}

QuickSwitcher* ModelPicker::openSwitcher()
{
    if (m_switcher) {
        m_switcher->raise();
        m_switcher->activateWindow();
        return m_switcher;
    }
    m_switcher = new QuickSwitcher(m_model, window());
    m_switcher->setAttribute(Qt::WA_DeleteOnClose);
    m_switcher->setCurrentModel(m_current);
    connect(m_switcher, &QuickSwitcher::modelPicked, this, [this](const QString& id) {
        setCurrentModel(id);
        emit modelChosen(id);
    });
    m_switcher->show();
    return m_switcher;
}

QString ModelPicker::badgeText() const
{
    return m_badge->isHidden() ? QString() : m_badge->text();
}

void ModelPicker::refresh()
{
    const int row = m_model->rowForId(m_current);
    const QModelIndex index = row >= 0 ? m_model->index(row, 0) : QModelIndex();
    const QString shortcut = m_action->shortcut().toString(QKeySequence::NativeText);
    if (!index.isValid()) {
        m_button->setText(m_current.isEmpty() ? tr("Choose a model…") : m_current);
        m_button->setToolTip(m_current.isEmpty()
                                 ? tr("Choose a model (%1)").arg(shortcut)
                                 : tr("%1\nNot in the model catalog: no capabilities, prices or lifecycle "
                                      "are known.\nSwitch model (%2)")
                                       .arg(m_current, shortcut));
        m_badge->hide();
        return;
    }
    const QString name = index.data(ModelCatalogModel::DisplayNameRole).toString();
    m_button->setText(name + QStringLiteral("  ▾"));
    QStringList tip{index.data(Qt::ToolTipRole).toString()};
    tip << tr("Switch model (%1)").arg(shortcut);
    m_button->setToolTip(tip.join(QLatin1Char('\n')));

    const auto state = LifecycleState(index.data(ModelCatalogModel::StateRole).toInt());
    QString badge;
    const QDateTime eos = index.data(ModelCatalogModel::EndOfServiceRole).toDateTime();
    switch (state) {
    case LifecycleState::Deprecated:
    case LifecycleState::EndOfSale:
        badge = eos.isValid() ? tr("%1 · retires %2")
                                    .arg(catalog::stateDisplayName(state), eos.date().toString(Qt::ISODate))
                              : catalog::stateDisplayName(state);
        break;
    case LifecycleState::Legacy:
    case LifecycleState::Retired:
        badge = catalog::stateDisplayName(state);
        break;
    case LifecycleState::Active:
    case LifecycleState::Unknown:
        break;
    }
    if (badge.isEmpty()) {
        m_badge->hide();
        return;
    }
    const QColor color = ModelRowDelegate::stateColor(state);
    const auto mix = [](int channel) {
        return int(255 * 0.86 + channel * 0.14);
    };
    const QColor pastel(mix(color.red()), mix(color.green()), mix(color.blue())); // as the switcher's badges
    m_badge->setText(badge);
    m_badge->setToolTip(index.data(ModelCatalogModel::LifecycleTextRole).toString());
    m_badge->setStyleSheet(QStringLiteral("QLabel { color: %1; border: 1px solid %2; border-radius: 8px;"
                                          " padding: 1px 7px; background: %3; }")
                               .arg(color.darker(135).name(), color.name(), pastel.name()));
    m_badge->show();
}

} // namespace ark::ui
