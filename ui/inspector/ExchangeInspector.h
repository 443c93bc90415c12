// The raw exchange inspector: a pane (meant for a dock on the right of the main window) listing
// every HTTP exchange of the open conversation, newest first, with the headers, the request JSON
// and the response (SSE events with their times and decoded deltas, or the body) of the selected
// one. What it shows comes from an api::ExchangeLog, which never holds the API key.
//
// A long conversation's request is megabytes of JSON: it is indented on a worker thread, and only
// when the Request tab is on screen; its first part is shown, the rest on "Show all" (appended in
// slices, so the window keeps painting). Nothing the pane does when an exchange starts, updates or
// is selected grows with the size of the request.
#pragma once

#include "api/ExchangeLog.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace ark::ui {

class ExchangeEventTableModel;
class ExchangeStatusProxy;

class ExchangeInspector : public QWidget
{
    Q_OBJECT
public:
    enum Tab { HeadersTab, RequestTab, ResponseTab };

    explicit ExchangeInspector(api::ExchangeLog* log = nullptr, QWidget* parent = nullptr);
    ~ExchangeInspector() override;

    // Switches to another conversation's log (null shows an empty pane). The log is not owned.
    void setLog(api::ExchangeLog* log);
    api::ExchangeLog* log() const { return m_log; }

    api::ExchangePtr currentExchange() const;
    void selectRow(int row); // row of the log, 0 = newest

    // What the buttons do, callable without dialogs. Each returns false when nothing is selected
    // (or the log is empty) or the file cannot be written; `error` then says why.
    bool copyCurlToClipboard();
    bool exportCurrent(const QString& path, QString* error = nullptr);
    bool exportAll(const QString& path, QString* error = nullptr);

    // For tests and for the main window's layout.
    QTableView* exchangeList() const { return m_list; }
    QTabWidget* tabs() const { return m_tabs; }
    QTreeWidget* headersView() const { return m_headers; }
    QPlainTextEdit* requestView() const { return m_request; }
    QTableView* eventsView() const { return m_events; }
    QPlainTextEdit* responseBodyView() const { return m_body; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* requestNoteLabel() const { return m_requestNote; } // "the first … of … shown"
    QPushButton* showAllRequestButton() const { return m_showAllRequest; }
    // A large request is being indented (or waits for the Request tab to be shown), or the rest of it
    // is being appended after "Show all".
    bool isRequestPending() const { return m_formatWaiting || m_formatRunning || m_appendAt >= 0; }

    // Requests up to this size are indented at once; larger ones on a worker.
    static constexpr qsizetype kInlineRequestBytes = 64 * 1024;
    // Of a larger one, about this many characters are shown until "Show all" (cut at a line end).
    static constexpr qsizetype kShownRequestChars = 64 * 1024;

    QSize sizeHint() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildUi();
    void onCurrentChanged();
    void onRowsInserted();
    void refreshDetail();
    void showRequest(const api::ExchangePtr& exchange); // once per exchange: a request never changes
    void startFormatting();                             // the Request tab is on screen: indent it now
    void showAllRequest();
    void appendRequestSlice();
    void refreshRunning(); // the selected exchange is still streaming: pick up new events
    void exportCurrentInteractive();
    void exportAllInteractive();
    void updateButtons();
    void flash(const QString& message);

    QPointer<api::ExchangeLog> m_log;
    quint64 m_serial = 0;       // the exchange shown in the detail area, 0 = none
    bool m_followNewest = true; // select each new exchange as it comes (the newest was selected)
    ExchangeStatusProxy* m_proxy;
    ExchangeEventTableModel* m_eventModel;
    QTableView* m_list;
    QLabel* m_summary;
    QTabWidget* m_tabs;
    QTreeWidget* m_headers;
    QPlainTextEdit* m_request;
    QLabel* m_requestNote;
    QPushButton* m_showAllRequest;
    quint64 m_requestSerial = 0;  // whose request m_request shows (or will), 0 = none
    quint64 m_formatJob = 0;      // the latest formatting job: results of older ones are dropped
    bool m_formatWaiting = false; // a large request waits for the Request tab to be shown
    bool m_formatRunning = false;
    QString m_requestRest;        // the part of the request not shown yet
    qsizetype m_requestTotal = 0; // characters of the whole indented request
    qsizetype m_appendAt = -1;    // where "Show all" is in m_requestRest, -1 when not appending
    QString m_bodyText;           // what m_body shows
    QStackedWidget* m_responseStack;
    QTableView* m_events;
    QPlainTextEdit* m_body;
    QPushButton* m_copyCurl;
    QPushButton* m_exportOne;
    QPushButton* m_exportAll;
    QLabel* m_flash;
    QTimer m_poll;
    QTimer m_flashTimer;
};

} // namespace ark::ui
