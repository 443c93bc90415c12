// The quick model switcher (Ctrl+K): a search field over a grouped list of every model and
// endpoint, each row with its capability badges, context window, price in short and a lifecycle
// badge with its date in words. Typing filters, Up/Down move, Enter picks, Esc closes. Retired
// models are hidden unless "Show retired" is ticked, and picking one warns first (Enter again, or
// "Use anyway", confirms). Text that matches nothing can be picked as a raw model or endpoint id.
#pragma once

#include "catalog/Lifecycle.h"
#include "models/ModelCatalogModel.h"

#include <QDialog>
#include <QStyledItemDelegate>

class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace ark::ui {

// Paints one ModelCatalogModel row in two lines, with a group heading above the first row of each
// group. Usable by any list view over ModelCatalogModel rows (or a filter of them).
class ModelRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setCurrentId(const QString& id) { m_currentId = id; } // gets a check mark
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static bool startsGroup(const QModelIndex& index);
    // The colour of a lifecycle state's badge (also used by the picker and the banner).
    static QColor stateColor(catalog::LifecycleState state);

private:
    QString m_currentId;
};

class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    // `model` is shared (not owned): the picker, the browser and the switcher show the same rows.
    explicit QuickSwitcher(models::ModelCatalogModel* model, QWidget* parent = nullptr);

    // Marks and selects the conversation's model when the switcher opens.
    void setCurrentModel(const QString& modelOrEndpointId);
    void setShowRetired(bool show);

    // The highlighted row's id ("" when the list is empty).
    QString highlightedId() const;
    // What Enter does now: the highlighted row, or the typed text when nothing matches. A retired
    // model shows the warning first; the next pick of the same id goes through.
    void pick();
    bool isWarningShown() const;
    QString warningText() const;

    // For tests and screenshots.
    QLineEdit* searchField() const { return m_search; }
    QListView* listView() const { return m_list; }
    QCheckBox* showRetiredBox() const { return m_showRetired; }
    QLabel* hintLabel() const { return m_hint; }
    QPushButton* useAnywayButton() const { return m_useAnyway; }
    QPushButton* useReplacementButton() const { return m_useReplacement; }
    models::ModelCatalogFilter* filter() const { return m_filter; }

signals:
    // The person chose a model or endpoint id (a retired one only after confirming).
    void modelPicked(const QString& modelOrEndpointId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void onSearchEdited(const QString& text);
    void selectFirstIfNone();
    bool selectId(const QString& id);
    void selectCurrent(); // the current model, or its replacement when it is hidden
    void updateHint();
    void hideWarning();
    void finish(const QString& chosen);

    models::ModelCatalogModel* m_model;
    models::ModelCatalogFilter* m_filter;
    ModelRowDelegate* m_delegate;
    QLineEdit* m_search;
    QCheckBox* m_showRetired;
    QListView* m_list;
    QLabel* m_hint;
    QFrame* m_warning;
    QLabel* m_warningLabel;
    QPushButton* m_useAnyway;
    QPushButton* m_useReplacement;
    QString m_currentId;
    QString m_warnedId;    // the retired model the warning is about
    QString m_replacement; // its replacement ("" = none)
};

} // namespace ark::ui
