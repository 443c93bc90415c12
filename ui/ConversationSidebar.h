// The left pane: search field, "New" button and the conversation list (pinned first, then by last
// activity). It only shows ConversationListModel and reports intent; MainWindow acts on it.
#pragma once

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QListView;
class QPushButton;

namespace ark::models {
class ConversationListModel;
}

namespace ark::ui {

class ConversationSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationSidebar(models::ConversationListModel* model, QWidget* parent = nullptr);

    void selectConversation(qint64 conversationId); // no signal
    qint64 selectedConversation() const;            // 0 when none
    QLineEdit* searchField() const { return m_search; }
    QListView* listView() const { return m_list; }
    void focusSearch();

signals:
    void newRequested();
    void conversationActivated(qint64 conversationId, qint64 matchMessageId);
    void renameRequested(qint64 conversationId, const QString& title);
    void duplicateRequested(qint64 conversationId);
    void deleteRequested(qint64 conversationId);
    void pinRequested(qint64 conversationId, bool pinned);
    void searchRequested(const QString& text); // debounced; "" = leave search mode

private:
    void showContextMenu(const QPoint& pos);
    void renameAt(const QModelIndex& index);
    void onCurrentChanged(const QModelIndex& current);

    models::ConversationListModel* m_model;
    QLineEdit* m_search;
    QListView* m_list;
    QPushButton* m_new;
    QTimer m_searchDebounce;
    bool m_selecting = false;
};

} // namespace ark::ui
