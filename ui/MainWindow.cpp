#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace ark::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Ark Workbench"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1100, 720);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("workspacePlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::RichText);
    m_placeholder->setText(tr("<h2>Ark Workbench</h2>"
                              "<p>The conversation workspace is being built.</p>"
                              "<p>Meanwhile, chat from a terminal with <code>ark-workbench-cli chat</code>.</p>"));
    setCentralWidget(m_placeholder);
    createMenus();
    statusBar()->showMessage(tr("Ready"));

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Ark Workbench"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Ark Workbench"),
                       tr("<p><b>Ark Workbench %1</b></p><p>A native workbench for chatting with, experimenting on "
                          "and comparing large models.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace ark::ui
