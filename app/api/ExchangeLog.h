// The raw exchange log behind the inspector: every HTTP attempt of the chat calls attached to it,
// as it went over the wire — headers, request JSON, the SSE events with their arrival times and what
// each decoded to, or the response body as received — with the API key redacted before anything is
// stored, so that nothing read from here (rows, copies, exports) can ever contain it.
#pragma once

#include "ChatClient.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace ark::api {

// One SSE event of a streamed response.
struct ExchangeEvent
{
    qint64 ms = 0;   // arrival, relative to the start of the attempt
    QString type;    // the "event" field ("message" when none)
    QByteArray data; // as received (redacted)
    QString id;      // the last event id in force, empty when none
    // What the event decoded to (filled only for chat chunks): the text fragments and a short
    // description of anything else (tool-call fragments, finish reason, usage).
    QString content;
    QString reasoning;
    QString other;
    bool decoded = false;

    QString decodedText() const; // one line for display: "reasoning: …", "content: …", …
};

// One HTTP attempt: a retried call has one Exchange per attempt, a failed one has one too.
struct Exchange
{
    quint64 serial = 0; // unique in its log, increasing
    int attempt = 0;    // 0 = first try of its call
    QString method = QStringLiteral("POST");
    QString url;        // redacted, password removed
    int httpStatus = 0; // 0 = no HTTP response (connection failure, cancelled before headers)
    QDateTime started;
    qint64 durationMs = -1;  // -1 while running
    qint64 firstByteMs = -1; // time to the first body byte, -1 when none arrived
    QString requestId;
    HeaderList requestHeaders;  // Authorization as "Bearer ****" + last 4
    HeaderList responseHeaders; // redacted likewise
    QByteArray requestBody;     // the JSON as sent (redacted)
    bool streamed = false;      // the request asked for a stream
    bool eventStream = false;   // the response body was read as events
    std::vector<ExchangeEvent> events;
    qint64 eventBytes = 0;    // data bytes kept in `events`
    qint64 droppedEvents = 0; // events past the per-exchange byte cap: counted, not kept
    qint64 droppedBytes = 0;
    QByteArray responseBody; // an error body or a non-streamed body, as received (redacted)
    QString errorText;       // why the attempt failed (or the call ended with an error); empty on success
    bool running = true;

    // Ended without an answer: an error, no HTTP response, or an HTTP error status. A followed
    // redirect is not a failure.
    bool failed() const { return !running && (!errorText.isEmpty() || httpStatus == 0 || httpStatus >= 400); }
    QString path() const;
    QString prettyRequest() const; // the request JSON indented, keys in the order sent
    // Any JSON indented like prettyRequest(); text that is not JSON comes back as it is. Touches
    // nothing else, so a worker thread may indent a copy of a large request body.
    static QString prettyJson(const QByteArray& json);
    QString requestHeadersText() const; // "Name: value" lines
    QString responseHeadersText() const;
    QString responseText() const; // the event timeline (one event a line) or the body
    // A POSIX-shell-safe command reproducing the request; the key is read from $ARK_API_KEY.
    QString curlCommand() const;
    // Export form (documented at ExchangeLog::exportJson).
    nlohmann::ordered_json toJson() const;
    qint64 approximateBytes() const;
};

using ExchangePtr = std::shared_ptr<const Exchange>;
class ExchangeListModel;

class ExchangeLog : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultMaxExchanges = 200;
    static constexpr qint64 kDefaultMaxEventBytes = 4 * 1024 * 1024;  // SSE data kept per exchange
    static constexpr qint64 kDefaultMaxTotalBytes = 96 * 1024 * 1024; // everything, approximately

    explicit ExchangeLog(QObject* parent = nullptr);
    ~ExchangeLog() override;

    // Records every attempt of `call` from now on (attempts already made are listed without their
    // events). The log stops listening when the call finishes or is deleted.
    void attach(ChatCall* call);

    int count() const { return int(m_entries.size()); }
    ExchangePtr at(int row) const; // row 0 = the newest
    ExchangePtr find(quint64 serial) const;
    int rowOf(quint64 serial) const; // -1 when not (or no longer) listed
    void clear();

    void setMaxExchanges(int count);
    void setMaxEventBytes(qint64 bytes);
    void setMaxTotalBytes(qint64 bytes);
    int maxExchanges() const { return m_maxExchanges; }

    ExchangeListModel* model() const { return m_model; }

    // Export as JSON text:
    // { "format": "ark-workbench-exchanges", "version": 1, "exported_at": ISO 8601,
    //   "exchanges": [ newest first, each:
    //     { "serial", "attempt", "method", "url", "status" (0 = no HTTP response),
    //       "started_at" (ISO 8601 with offset), "duration_ms" (null while running),
    //       "ttfb_ms" (null when no byte came), "request_id",
    //       "request_headers": [{"name", "value"}], "request_body" (the JSON as sent; a string when
    //       it is not JSON), "streamed", "response_headers": [{"name", "value"}],
    //       "events": [{"ms", "event", "data", "id"?, "delta"?: {"content"?, "reasoning"?, "other"?}}],
    //       "events_dropped": {"events", "bytes"} (only when the cap was reached),
    //       "response_body" (text, only when there is one), "error" (only when failed) } ] }
    // The key appears nowhere: Authorization reads "Bearer ****" + the last 4 characters.
    static QByteArray exportJson(const std::vector<ExchangePtr>& exchanges);
    QByteArray exportAllJson() const;

signals:
    // Milestones only (attempt started, response headers, attempt ended), never once per event:
    // a view showing a running exchange's events refreshes them on its own schedule.
    void exchangeAdded(quint64 serial);
    void exchangeUpdated(quint64 serial);

private:
    friend class ExchangeListModel;
    struct Tracking;

    void sync(ChatCall* call, const ApiError* failure);
    void onRawEvent(Tracking& t, const SseEvent& event, qint64 msSinceCall);
    void onDelta(Tracking& t, const ChatDelta& delta);
    void onFinished(ChatCall* call);
    void onDestroyed(QObject* call);
    void add(std::shared_ptr<Exchange> entry);
    void changed(const Exchange& entry);
    void enforceBounds();

    std::deque<std::shared_ptr<Exchange>> m_entries; // newest first; serials contiguous, descending
    QHash<QObject*, std::shared_ptr<Tracking>> m_calls;
    ExchangeListModel* m_model;
    quint64 m_nextSerial = 1;
    qint64 m_totalBytes = 0;
    int m_maxExchanges = kDefaultMaxExchanges;
    qint64 m_maxEventBytes = kDefaultMaxEventBytes;
    qint64 m_maxTotalBytes = kDefaultMaxTotalBytes;
};

// The log as a table, newest first. Columns for the list; roles for everything else a view shows,
// so a test can walk every role of every row and find no key.
class ExchangeListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StartedColumn,
        AttemptColumn,
        MethodColumn,
        StatusColumn,
        DurationColumn,
        TtfbColumn,
        PathColumn,
        RequestIdColumn,
        ColumnCount
    };
    enum Roles {
        SerialRole = Qt::UserRole + 1, // quint64
        FailedRole,                    // bool
        RunningRole,                   // bool
        UrlRole,
        ErrorTextRole,
        RequestHeadersRole, // text
        ResponseHeadersRole,
        RequestJsonRole,  // pretty
        ResponseTextRole, // timeline or body
        CurlRole,
        ExportJsonRole,
        LastRole = ExportJsonRole
    };

    explicit ExchangeListModel(ExchangeLog* log);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    ExchangeLog* log() const { return m_log; }
    ExchangePtr exchange(const QModelIndex& index) const;

private:
    friend class ExchangeLog;
    ExchangeLog* m_log;
};

} // namespace ark::api
