// The conversation toolbar's model control: the current model's name with its lifecycle badge
// ("Deprecated · retires 2025-11-27"), a click (or Ctrl+K anywhere in the window) opens the quick
// switcher. Replaces a plain combo box; what the person picks arrives as modelChosen().
#pragma once

#include "models/ModelCatalogModel.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace ark::ui {

class QuickSwitcher;

class ModelPicker : public QWidget
{
    Q_OBJECT
public:
    // `model` is shared with other views and not owned.
    explicit ModelPicker(models::ModelCatalogModel* model, QWidget* parent = nullptr);

    // Shows `modelOrEndpointId` (no signal): call when a conversation opens or its model changes.
    void setCurrentModel(const QString& modelOrEndpointId);
    QString currentModel() const { return m_current; }

    // Ctrl+K, active in the whole window the picker is in; add it to a menu if you like.
    QAction* switcherAction() const { return m_action; }
    // Opens the switcher (non-modal, deleted when closed) and returns it.
    QuickSwitcher* openSwitcher();
    QuickSwitcher* switcher() const { return m_switcher; } // the open one, or nullptr

    // For tests.
    QToolButton* button() const { return m_button; }
    QLabel* badge() const { return m_badge; }
    QString badgeText() const;

signals:
    void modelChosen(const QString& modelOrEndpointId);

private:
    void refresh();

    models::ModelCatalogModel* m_model;
    QToolButton* m_button;
    QLabel* m_badge;
    QAction* m_action;
    QPointer<QuickSwitcher> m_switcher;
    QString m_current;
};

} // namespace ark::ui
