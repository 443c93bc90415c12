// The application's main window. The conversation workspace fills its centre; inspector panes
// dock on the right.
#pragma once

#include <QMainWindow>

class QLabel;

namespace ark::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();

    QLabel* m_placeholder = nullptr;
};

} // namespace ark::ui
