#include "ExchangeInspector.h"

#include "concurrency/OnWorker.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTextCursor>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ark::ui {

using concurrency::onWorker;

using api::ExchangeListModel;
using api::ExchangePtr;

namespace {

constexpr int kPollMs = 250; // refresh of a running exchange's events: per event would be wasteful
// "Show all" appends the rest of a large request in slices of about this size, for at most this long
// per turn of the event loop: the window keeps painting while a megabyte of JSON goes in.
constexpr qsizetype kAppendSliceChars = 8 * 1024;
constexpr qint64 kAppendBudgetMs = 6;

// A large request, indented: the part shown at first (ending before a line break) and the rest.
struct IndentedRequest
{
    QString head;
    QString rest;
    qsizetype total = 0;
};

IndentedRequest indentRequest(const QByteArray& body, qsizetype shownChars)
{
    IndentedRequest out;
    QString text = api::Exchange::prettyJson(body);
    out.total = text.size();
    qsizetype cut = text.size() > shownChars ? text.lastIndexOf(QLatin1Char('\n'), shownChars) : -1;
    if (text.size() > shownChars && cut <= 0)
        cut = shownChars; // one enormous line: cut it anyway
    if (cut < 0) {
        out.head = std::move(text);
        return out;
    }
    out.head = text.left(cut);
    out.rest = text.mid(cut);
    return out;
}

QString dataSize(qsizetype chars)
{
    return QLocale().formattedDataSize(chars, 1);
}

QColor failedColor(const QPalette& palette)
{
    // A red that stays readable on light and dark window colours.
    return palette.color(QPalette::Base).lightness() > 128 ? QColor(0xb0, 0x1e, 0x23)
                                                           : QColor(0xff, 0x7b, 0x72);
}

QString formatMs(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 2);
}

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace

// Failed exchanges in red with an icon, running ones in italics: visible at a glance in the list.
class ExchangeStatusProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QPalette palette;

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.data(ExchangeListModel::FailedRole).toBool())
            return QBrush(failedColor(palette));
        if (role == Qt::DecorationRole && index.column() == ExchangeListModel::StatusColumn) {
            if (index.data(ExchangeListModel::FailedRole).toBool())
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        }
        if (role == Qt::DisplayRole && index.column() == ExchangeListModel::PathColumn) {
            // A dock is narrow and every chat path starts alike: the tail tells them apart (the
            // summary and the tooltip give the whole URL).
            const QString path = QIdentityProxyModel::data(index, role).toString();
            const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            return parts.size() > 2
                       ? QStringLiteral("…/") + parts.mid(parts.size() - 2).join(QLatin1Char('/'))
                       : path;
        }
        if (role == Qt::FontRole && index.data(ExchangeListModel::RunningRole).toBool()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

// The events of one exchange: +ms, event type, data, decoded delta, and a closing marker row when
// the per-exchange cap dropped events. Rows are taken up to what refresh() has seen, so the view
// never reads past what it was told about while the exchange still grows.
class ExchangeEventTableModel : public QAbstractTableModel
{
public:
    enum Column { TimeColumn, TypeColumn, DataColumn, DecodedColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setExchange(const ExchangePtr& exchange)
    {
        beginResetModel();
        m_exchange = exchange;
        m_rows = exchange ? int(exchange->events.size()) : 0;
        m_marker = exchange && exchange->droppedEvents > 0;
        endResetModel();
    }

    void refresh()
    {
        if (!m_exchange)
            return;
        const int rows = int(m_exchange->events.size());
        if (rows > m_rows) {
            beginInsertRows({}, m_rows, rows - 1);
            m_rows = rows;
            endInsertRows();
        }
        const bool marker = m_exchange->droppedEvents > 0;
        if (marker && !m_marker) {
            beginInsertRows({}, m_rows, m_rows);
            m_marker = true;
            endInsertRows();
        } else if (marker) {
            emit dataChanged(index(m_rows, 0), index(m_rows, ColumnCount - 1));
        }
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : m_rows + (m_marker ? 1 : 0);
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!m_exchange || !index.isValid())
            return {};
        if (index.row() >= m_rows) { // the marker
            if (role == Qt::DisplayRole && index.column() == DataColumn)
                return ExchangeInspector::tr("… %n more event(s) (%1 bytes) not kept", nullptr,
                                             int(m_exchange->droppedEvents))
                    .arg(m_exchange->droppedBytes);
            if (role == Qt::FontRole) {
                QFont font;
                font.setItalic(true);
                return font;
            }
            return {};
        }
        const api::ExchangeEvent& event = m_exchange->events[size_t(index.row())];
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case TimeColumn:
                return QStringLiteral("+%1").arg(event.ms);
            case TypeColumn:
                return event.type;
            case DataColumn:
                return QString::fromUtf8(event.data);
            case DecodedColumn:
                return event.decodedText();
            }
        }
        if (role == Qt::ToolTipRole && (index.column() == DataColumn || index.column() == DecodedColumn))
            return index.column() == DataColumn ? QString::fromUtf8(event.data) : event.decodedText();
        if (role == Qt::TextAlignmentRole && index.column() == TimeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::FontRole && index.column() == DataColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        switch (section) {
        case TimeColumn:
            return ExchangeInspector::tr("ms");
        case TypeColumn:
            return ExchangeInspector::tr("Event");
        case DataColumn:
            return ExchangeInspector::tr("Data");
        case DecodedColumn:
            return ExchangeInspector::tr("Decoded");
        }
        return {};
    }

private:
    ExchangePtr m_exchange;
    int m_rows = 0;
    bool m_marker = false;
};

ExchangeInspector::ExchangeInspector(api::ExchangeLog* log, QWidget* parent)
    : QWidget(parent), m_proxy(new ExchangeStatusProxy(this)), m_eventModel(new ExchangeEventTableModel(this))
{
    buildUi();
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ExchangeInspector::refreshRunning);
    m_flashTimer.setSingleShot(true);
    m_flashTimer.setInterval(2500);
    connect(&m_flashTimer, &QTimer::timeout, m_flash, &QLabel::clear);
    setLog(log);
}

ExchangeInspector::~ExchangeInspector() = default;

QSize ExchangeInspector::sizeHint() const
{
    return {480, 640};
}

void ExchangeInspector::buildUi()
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_proxy->palette = palette();

    m_list = new QTableView(this);
    m_list->setModel(m_proxy);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideMiddle); // request ids differ at both ends
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 6);
    m_list->horizontalHeader()->setHighlightSections(false);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->horizontalHeader()->setMinimumSectionSize(36);
    m_list->setAccessibleName(tr("Exchanges"));

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_headers = new QTreeWidget(this);
    m_headers->setColumnCount(2);
    m_headers->setHeaderLabels({tr("Name"), tr("Value")});
    m_headers->setRootIsDecorated(true);
    m_headers->setUniformRowHeights(true);
    m_headers->setWordWrap(false);
    m_headers->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_headers->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_request = new QPlainTextEdit(this);
    m_request->setReadOnly(true);
    m_request->setFont(mono);
    m_request->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_request->setUndoRedoEnabled(false); // "Show all" appends: nothing to undo, nothing to keep
    m_request->installEventFilter(this);  // shown: a large request waiting for it is indented then
    m_requestNote = new QLabel(this);
    m_requestNote->setWordWrap(true);
    m_requestNote->setForegroundRole(QPalette::PlaceholderText);
    m_showAllRequest = new QPushButton(tr("Show all"), this);
    m_showAllRequest->setToolTip(tr("Show the whole request; a long conversation's request is large."));
    connect(m_showAllRequest, &QPushButton::clicked, this, &ExchangeInspector::showAllRequest);
    auto* requestPage = new QWidget(this);
    auto* requestLayout = new QVBoxLayout(requestPage);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->setSpacing(2);
    requestLayout->addWidget(m_request, 1);
    auto* requestBar = new QHBoxLayout;
    requestBar->addWidget(m_requestNote, 1);
    requestBar->addWidget(m_showAllRequest);
    requestLayout->addLayout(requestBar);
    m_requestNote->hide();
    m_showAllRequest->hide();

    m_events = new QTableView(this);
    m_events->setModel(m_eventModel);
    m_events->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_events->setWordWrap(false);
    m_events->setShowGrid(false);
    m_events->setAlternatingRowColors(true);
    m_events->verticalHeader()->hide();
    m_events->verticalHeader()->setDefaultSectionSize(m_events->fontMetrics().height() + 6);
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->horizontalHeader()->setHighlightSections(false);
    m_events->setColumnWidth(ExchangeEventTableModel::TimeColumn,
                             m_events->fontMetrics().horizontalAdvance(QStringLiteral("+00000")) + 12);
    m_events->setColumnWidth(ExchangeEventTableModel::TypeColumn,
                             m_events->fontMetrics().horizontalAdvance(QStringLiteral("message")) + 16);
    m_events->setColumnWidth(ExchangeEventTableModel::DataColumn, 240);

    m_body = new QPlainTextEdit(this);
    m_body->setReadOnly(true);
    m_body->setFont(mono);
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_responseStack = new QStackedWidget(this);
    m_responseStack->addWidget(m_events);
    m_responseStack->addWidget(m_body);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->insertTab(HeadersTab, m_headers, tr("Headers"));
    m_tabs->insertTab(RequestTab, requestPage, tr("Request"));
    m_tabs->insertTab(ResponseTab, m_responseStack, tr("Response"));

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    detailLayout->addWidget(m_summary);
    detailLayout->addWidget(m_tabs, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    m_copyCurl = new QPushButton(tr("Copy as curl"), this);
    m_copyCurl->setToolTip(
        tr("Copy a curl command that repeats this request; it reads the key from $ARK_API_KEY."));
    m_exportOne = new QPushButton(tr("Export this…"), this);
    m_exportAll = new QPushButton(tr("Export all…"), this);
    m_flash = new QLabel(this);
    m_flash->setForegroundRole(QPalette::PlaceholderText);
    connect(m_copyCurl, &QPushButton::clicked, this, [this] {
        if (copyCurlToClipboard())
            flash(tr("Copied."));
    });
    connect(m_exportOne, &QPushButton::clicked, this, &ExchangeInspector::exportCurrentInteractive);
    connect(m_exportAll, &QPushButton::clicked, this, &ExchangeInspector::exportAllInteractive);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copyCurl);
    buttons->addWidget(m_exportOne);
    buttons->addWidget(m_exportAll);
    buttons->addWidget(m_flash, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    // The view's model is always the proxy, so its selection model lives as long as the pane.
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ExchangeInspector::onCurrentChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ExchangeInspector::onRowsInserted);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ExchangeInspector::onCurrentChanged);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ExchangeInspector::onCurrentChanged);
}

void ExchangeInspector::setLog(api::ExchangeLog* log)
{
    if (m_log == log && m_proxy->sourceModel() == (log ? log->model() : nullptr))
        return;
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    m_serial = 0;
    showRequest(nullptr); // serials are per log
    m_proxy->setSourceModel(log ? log->model() : nullptr);
    if (log) // per-section modes need the sections to exist; the request id takes what is left
        m_list->horizontalHeader()->setSectionResizeMode(ExchangeListModel::RequestIdColumn,
                                                         QHeaderView::Interactive);
    if (log) {
        connect(log, &api::ExchangeLog::exchangeUpdated, this, [this](quint64 serial) {
            if (serial == m_serial)
                refreshDetail();
        });
        connect(log, &QObject::destroyed, this, [this] { setLog(nullptr); });
    }
    if (log && log->count() > 0)
        selectRow(0);
    else
        onCurrentChanged();
}

api::ExchangePtr ExchangeInspector::currentExchange() const
{
    return m_log ? m_log->find(m_serial) : nullptr;
}

void ExchangeInspector::selectRow(int row)
{
    if (row < 0 || row >= m_proxy->rowCount())
        return;
    m_list->setCurrentIndex(m_proxy->index(row, ExchangeListModel::StatusColumn));
    m_list->selectRow(row);
}

void ExchangeInspector::onRowsInserted()
{
    // Follow the newest exchange while the newest is what the person looks at.
    if (m_followNewest || !m_list->selectionModel()->hasSelection())
        selectRow(0);
    updateButtons();
}

void ExchangeInspector::onCurrentChanged()
{
    const QModelIndex current =
        m_list->selectionModel() ? m_list->selectionModel()->currentIndex() : QModelIndex();
    const quint64 serial = current.isValid() ? current.data(ExchangeListModel::SerialRole).toULongLong() : 0;
    if (serial == m_serial && serial != 0)
        return; // the same exchange moved down a row as newer ones arrived
    m_serial = serial;
    m_followNewest = !current.isValid() || current.row() == 0;
    m_eventModel->setExchange(currentExchange());
    refreshDetail();
}

void ExchangeInspector::refreshDetail()
{
    const ExchangePtr e = currentExchange();
    updateButtons();
    m_headers->clear();
    if (!e) {
        m_summary->setText(m_log && m_log->count() == 0 ? tr("No requests yet in this conversation.")
                                                        : QString());
        showRequest(nullptr);
        m_body->clear();
        m_bodyText.clear();
        m_eventModel->setExchange(nullptr);
        m_poll.stop();
        return;
    }

    QString status =
        e->httpStatus ? QString::number(e->httpStatus) : (e->running ? tr("waiting") : tr("no response"));
    QString summary =
        QStringLiteral("<b>%1</b> %2<br>").arg(e->method.toHtmlEscaped(), e->url.toHtmlEscaped());
    QStringList facts;
    facts << tr("status %1").arg(status);
    facts << (e->running ? tr("running") : tr("took %1").arg(formatMs(e->durationMs)));
    facts << tr("first byte %1").arg(formatMs(e->firstByteMs));
    if (e->attempt > 0)
        facts << tr("retry %1").arg(e->attempt);
    if (!e->requestId.isEmpty())
        facts << tr("request id %1").arg(e->requestId);
    summary += facts.join(QStringLiteral(" · ")).toHtmlEscaped();
    if (!e->errorText.isEmpty())
        summary += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                       .arg(failedColor(palette()).name(), e->errorText.toHtmlEscaped());
    m_summary->setText(summary);

    auto addGroup = [this](const QString& title, const QString& tip, const api::HeaderList& headers) {
        auto* group = new QTreeWidgetItem(m_headers, {title});
        group->setToolTip(0, tip);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        for (const auto& [name, value] : headers) {
            auto* item = new QTreeWidgetItem(group, {QString::fromUtf8(name), QString::fromUtf8(value)});
            item->setToolTip(1, item->text(1));
        }
        if (headers.isEmpty())
            new QTreeWidgetItem(group, {tr("(none)")});
        group->setExpanded(true);
    };
    addGroup(tr("Request"),
             tr("The headers the app sets. Qt's HTTP stack adds Host, User-Agent, Connection and "
                "Accept-Encoding itself."),
             e->requestHeaders);
    addGroup(e->running && e->httpStatus == 0 ? tr("Response (not yet received)") : tr("Response"), QString(),
             e->responseHeaders);

    showRequest(e);

    const bool showEvents =
        !e->events.empty() || e->droppedEvents > 0 || (e->eventStream && e->responseBody.isEmpty());
    if (showEvents) {
        m_eventModel->refresh();
        m_responseStack->setCurrentWidget(m_events);
    } else {
        QString body = QString::fromUtf8(e->responseBody);
        if (body.isEmpty() && !e->running)
            body = e->errorText.isEmpty() ? tr("(empty body)") : tr("(no body) %1").arg(e->errorText);
        if (body != m_bodyText) { // compared with what was set: reading the view back costs more
            m_bodyText = body;
            m_body->setPlainText(body);
        }
        m_responseStack->setCurrentWidget(m_body);
    }
    if (e->running)
        m_poll.start();
    else
        m_poll.stop();
}

void ExchangeInspector::showRequest(const ExchangePtr& e)
{
    const quint64 serial = e ? e->serial : 0;
    if (serial == m_requestSerial && serial != 0)
        return; // a request never changes once sent: updates of its exchange leave it alone
    m_requestSerial = serial;
    ++m_formatJob; // whatever is being indented or appended for another exchange is dropped
    m_formatWaiting = false;
    m_formatRunning = false;
    m_appendAt = -1;
    m_requestRest.clear();
    m_requestTotal = 0;
    m_requestNote->hide();
    m_showAllRequest->hide();
    if (!e) {
        m_request->clear();
        return;
    }
    if (e->requestBody.size() <= kInlineRequestBytes) {
        m_request->setPlainText(e->prettyRequest()); // small: at once
        return;
    }
    m_request->setPlainText(tr("Indenting the request (%1)…").arg(dataSize(e->requestBody.size())));
    m_formatWaiting = true;
    if (m_request->isVisible())
        startFormatting();
}

void ExchangeInspector::startFormatting()
{
    if (!m_formatWaiting)
        return;
    m_formatWaiting = false;
    const ExchangePtr e = m_log ? m_log->find(m_requestSerial) : nullptr;
    if (!e)
        return;
    m_formatRunning = true;
    const quint64 job = m_formatJob;
    const QByteArray body = e->requestBody; // a copy (shared bytes) for the worker; it never changes
    onWorker<IndentedRequest>(
        this, [body] { return indentRequest(body, kShownRequestChars); },
        [this, job](const IndentedRequest& indented) {
            if (job != m_formatJob)
                return; // another exchange is shown by now
            m_formatRunning = false;
            m_request->setPlainText(indented.head);
            m_requestRest = indented.rest;
            m_requestTotal = indented.total;
            if (m_requestRest.isEmpty())
                return;
            m_requestNote->setText(tr("The first %1 of %2 are shown.")
                                       .arg(dataSize(indented.head.size()), dataSize(indented.total)));
            m_requestNote->show();
            m_showAllRequest->setEnabled(true);
            m_showAllRequest->show();
        });
}

bool ExchangeInspector::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_request && event->type() == QEvent::Show && m_formatWaiting) {
        // Shown by a tab switch or by its dock: indent once the showing is done.
        QTimer::singleShot(0, this, [this, job = m_formatJob] {
            if (job == m_formatJob && m_request->isVisible())
                startFormatting();
        });
    }
    return QWidget::eventFilter(watched, event);
}

void ExchangeInspector::showAllRequest()
{
    if (m_requestRest.isEmpty() || m_appendAt >= 0)
        return;
    m_appendAt = 0;
    m_showAllRequest->setEnabled(false);
    appendRequestSlice();
}

void ExchangeInspector::appendRequestSlice()
{
    if (m_appendAt < 0)
        return;
    QElapsedTimer budget;
    budget.start();
    QTextCursor cursor(m_request->document());
    cursor.movePosition(QTextCursor::End);
    const qsizetype size = m_requestRest.size();
    while (m_appendAt < size && budget.elapsed() < kAppendBudgetMs) {
        const qsizetype end = std::min(m_appendAt + kAppendSliceChars, size);
        cursor.insertText(m_requestRest.mid(m_appendAt, end - m_appendAt));
        m_appendAt = end;
    }
    if (m_appendAt < size) {
        m_requestNote->setText(
            tr("Adding the rest: %1 of %2 shown…")
                .arg(dataSize(m_requestTotal - size + m_appendAt), dataSize(m_requestTotal)));
        QTimer::singleShot(0, this, [this, job = m_formatJob] {
            if (job == m_formatJob)
                appendRequestSlice();
        });
        return;
    }
    m_appendAt = -1;
    m_requestRest.clear();
    m_requestNote->hide();
    m_showAllRequest->hide();
}

void ExchangeInspector::refreshRunning()
{
    const ExchangePtr e = currentExchange();
    if (!e) {
        m_poll.stop();
        return;
    }
    if (!e->events.empty() && m_responseStack->currentWidget() != m_events)
        refreshDetail();
    m_eventModel->refresh();
    if (!e->running)
        refreshDetail();
}

void ExchangeInspector::updateButtons()
{
    const bool haveCurrent = currentExchange() != nullptr;
    m_copyCurl->setEnabled(haveCurrent);
    m_exportOne->setEnabled(haveCurrent);
    m_exportAll->setEnabled(m_log && m_log->count() > 0);
}

bool ExchangeInspector::copyCurlToClipboard()
{
    const ExchangePtr e = currentExchange();
    if (!e)
        return false;
    QGuiApplication::clipboard()->setText(e->curlCommand());
    return true;
}

bool ExchangeInspector::exportCurrent(const QString& path, QString* error)
{
    const ExchangePtr e = currentExchange();
    if (!e) {
        if (error)
            *error = tr("No exchange is selected.");
        return false;
    }
    return writeFile(path, api::ExchangeLog::exportJson({e}), error);
}

bool ExchangeInspector::exportAll(const QString& path, QString* error)
{
    if (!m_log || m_log->count() == 0) {
        if (error)
            *error = tr("There are no exchanges to export.");
        return false;
    }
    return writeFile(path, m_log->exportAllJson(), error);
}

void ExchangeInspector::exportCurrentInteractive()
{
    const ExchangePtr e = currentExchange();
    if (!e)
        return;
    const QString name = e->requestId.isEmpty() ? QStringLiteral("exchange-%1.json").arg(e->serial)
                                                : QStringLiteral("exchange-%1.json").arg(e->requestId);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export exchange"), name, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCurrent(path, &error))
        flash(tr("Exported."));
    else
        QMessageBox::warning(this, tr("Export exchange"), tr("Could not write %1: %2").arg(path, error));
}

void ExchangeInspector::exportAllInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export all exchanges"), QStringLiteral("exchanges.json"), tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportAll(path, &error))
        flash(tr("Exported."));
    else
        QMessageBox::warning(this, tr("Export all exchanges"), tr("Could not write %1: %2").arg(path, error));
}

void ExchangeInspector::flash(const QString& message)
{
    m_flash->setText(message);
    m_flashTimer.start();
}

} // namespace ark::ui
