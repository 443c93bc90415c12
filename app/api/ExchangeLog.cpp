#include "ExchangeLog.h"

#include <QCoreApplication>

namespace ark::api {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::api::ExchangeLog", text);
}

bool isCredentialHeader(const QByteArray& name)
{
    const QByteArray lower = name.toLower();
    return lower == "authorization" || lower == "proxy-authorization" || lower == "x-api-key" ||
           lower == "api-key";
}

// Response headers may echo credentials (a misbehaving proxy): mask those by name, scrub the rest.
HeaderList redactHeaders(const HeaderList& headers, const KeyRedactor& redactor)
{
    HeaderList out;
    out.reserve(headers.size());
    for (const auto& [name, value] : headers) {
        if (isCredentialHeader(name)) {
            const qsizetype space = value.indexOf(' ');
            const QByteArray scheme = space > 0 ? value.left(space + 1) : QByteArray();
            out.append(
                {name, scheme + (redactor.isEmpty() ? QByteArrayLiteral("****") : redactor.mask().toUtf8())});
        } else {
            out.append({redactor.scrub(name), redactor.scrub(value)});
        }
    }
    return out;
}

QString headersText(const HeaderList& headers)
{
    QString out;
    for (const auto& [name, value] : headers)
        out += QString::fromUtf8(name) + QStringLiteral(": ") + QString::fromUtf8(value) + QLatin1Char('\n');
    return out;
}

nlohmann::ordered_json headersJson(const HeaderList& headers)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& [name, value] : headers)
        out.push_back({{"name", name.toStdString()}, {"value", QString::fromUtf8(value).toStdString()}});
    return out;
}

std::string utf8(const QString& text)
{
    return text.toStdString();
}

std::string utf8(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).toStdString(); // invalid sequences become U+FFFD: JSON needs UTF-8
}

// Single quotes keep every character literal in a POSIX shell; a quote itself ends the quoting,
// is escaped, and quoting starts again.
QString shellQuote(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// A fragment on one line, quoted so that leading and trailing spaces show.
QString quoted(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    text.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    return text;
}

QString describeOther(const ChatDelta& delta)
{
    QStringList parts;
    for (const ToolCallFragment& fragment : delta.toolCalls) {
        QString part = QStringLiteral("tool_calls[%1]").arg(fragment.index);
        if (fragment.id)
            part += QStringLiteral(" id=") + *fragment.id;
        if (fragment.name)
            part += QStringLiteral(" name=") + *fragment.name;
        if (!fragment.arguments.isEmpty())
            part += QStringLiteral(" arguments+=") + fragment.arguments;
        parts << part;
    }
    if (!delta.finishReason.isEmpty())
        parts << QStringLiteral("finish_reason=") + delta.finishReason;
    if (delta.usage && delta.usage->present) {
        QString usage = QStringLiteral("usage: prompt %1, completion %2")
                            .arg(delta.usage->promptTokens)
                            .arg(delta.usage->completionTokens);
        if (delta.usage->reasoningTokens > 0)
            usage += QStringLiteral(" (reasoning %1)").arg(delta.usage->reasoningTokens);
        parts << usage;
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// ExchangeEvent / Exchange

QString ExchangeEvent::decodedText() const
{
    QStringList parts;
    if (!reasoning.isEmpty())
        parts << tr("reasoning: %1").arg(quoted(reasoning));
    if (!content.isEmpty())
        parts << tr("content: %1").arg(quoted(content));
    if (!other.isEmpty())
        parts << oneLine(other);
    if (parts.isEmpty() && data == "[DONE]")
        parts << tr("end of stream");
    return parts.join(QStringLiteral("  |  "));
}

QString Exchange::path() const
{
    return QUrl(url).path();
}

QString Exchange::prettyRequest() const
{
    return prettyJson(requestBody);
}

QString Exchange::prettyJson(const QByteArray& body)
{
    const auto json =
        nlohmann::ordered_json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (json.is_discarded())
        return QString::fromUtf8(body);
    return QString::fromStdString(json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

QString Exchange::requestHeadersText() const
{
    return headersText(requestHeaders);
}

QString Exchange::responseHeadersText() const
{
    return headersText(responseHeaders);
}

QString Exchange::responseText() const
{
    QString out;
    for (const ExchangeEvent& event : events) {
        out += QStringLiteral("+%1 ms\t%2\t%3").arg(event.ms).arg(event.type, QString::fromUtf8(event.data));
        const QString decoded = event.decodedText();
        if (!decoded.isEmpty())
            out += QStringLiteral("\t-> ") + decoded;
        out += QLatin1Char('\n');
    }
    if (droppedEvents > 0)
        out += tr("… %1 more events (%2 bytes) not kept: the log keeps the first %3 KB of events of an "
                  "exchange.")
                   .arg(droppedEvents)
                   .arg(droppedBytes)
                   .arg(eventBytes / 1024) +
               QLatin1Char('\n');
    if (!responseBody.isEmpty())
        out += QString::fromUtf8(responseBody);
    return out;
}

QString Exchange::curlCommand() const
{
    QStringList lines;
    lines << QStringLiteral("curl ") + (streamed ? QStringLiteral("--no-buffer ") : QString()) +
                 (method == QLatin1String("POST") ? QString()
                                                  : QStringLiteral("-X ") + method + QLatin1Char(' ')) +
                 shellQuote(url);
    for (const auto& [name, value] : requestHeaders) {
        if (isCredentialHeader(name)) // from the environment, never from here
            lines << QStringLiteral("-H \"") + QString::fromUtf8(name) +
                         QStringLiteral(": Bearer $ARK_API_KEY\"");
        else if (name.compare("Content-Length", Qt::CaseInsensitive) != 0) // curl computes it
            lines << QStringLiteral("-H ") + shellQuote(QString::fromUtf8(name + ": " + value));
    }
    lines << QStringLiteral("--data-raw ") + shellQuote(QString::fromUtf8(requestBody));
    return lines.join(QStringLiteral(" \\\n  ")) + QLatin1Char('\n');
}

nlohmann::ordered_json Exchange::toJson() const
{
    using nlohmann::ordered_json;
    ordered_json j;
    j["serial"] = serial;
    j["attempt"] = attempt;
    j["method"] = utf8(method);
    j["url"] = utf8(url);
    j["status"] = httpStatus;
    j["started_at"] = utf8(started.toUTC().toString(Qt::ISODateWithMs));
    j["duration_ms"] = durationMs < 0 ? ordered_json() : ordered_json(durationMs);
    j["ttfb_ms"] = firstByteMs < 0 ? ordered_json() : ordered_json(firstByteMs);
    j["request_id"] = utf8(requestId);
    j["request_headers"] = headersJson(requestHeaders);
    auto body = ordered_json::parse(requestBody.constData(), requestBody.constData() + requestBody.size(),
                                    nullptr, false);
    j["request_body"] = body.is_discarded() ? ordered_json(utf8(requestBody)) : std::move(body);
    j["streamed"] = streamed;
    j["response_headers"] = headersJson(responseHeaders);
    ordered_json list = ordered_json::array();
    for (const ExchangeEvent& event : events) {
        ordered_json e;
        e["ms"] = event.ms;
        e["event"] = utf8(event.type);
        e["data"] = utf8(event.data);
        if (!event.id.isEmpty())
            e["id"] = utf8(event.id);
        if (event.decoded) {
            ordered_json delta = ordered_json::object();
            if (!event.content.isEmpty())
                delta["content"] = utf8(event.content);
            if (!event.reasoning.isEmpty())
                delta["reasoning"] = utf8(event.reasoning);
            if (!event.other.isEmpty())
                delta["other"] = utf8(event.other);
            e["delta"] = std::move(delta);
        }
        list.push_back(std::move(e));
    }
    j["events"] = std::move(list);
    if (droppedEvents > 0)
        j["events_dropped"] = {{"events", droppedEvents}, {"bytes", droppedBytes}};
    if (!responseBody.isEmpty())
        j["response_body"] = utf8(responseBody);
    if (failed())
        j["error"] = utf8(errorText.isEmpty() ? tr("HTTP %1").arg(httpStatus) : errorText);
    return j;
}

qint64 Exchange::approximateBytes() const
{
    // Decoded text roughly doubles what the event data takes (UTF-16 copies of its fragments).
    return qint64(sizeof(Exchange)) + requestBody.size() + responseBody.size() + 2 * eventBytes +
           qint64(events.size() * sizeof(ExchangeEvent));
}

// ---------------------------------------------------------------------------------------------
// ExchangeLog

struct ExchangeLog::Tracking
{
    ChatCall* call = nullptr;
    std::vector<std::shared_ptr<Exchange>> entries; // one per attempt, in attempt order
    bool pendingDecode = false;                     // the last recorded event waits for its decoded delta
};

ExchangeLog::ExchangeLog(QObject* parent) : QObject(parent), m_model(new ExchangeListModel(this)) {}

ExchangeLog::~ExchangeLog() = default;

void ExchangeLog::attach(ChatCall* call)
{
    if (!call || m_calls.contains(call) || call->isFinished())
        return;
    auto t = std::make_shared<Tracking>();
    t->call = call;
    m_calls.insert(call, t);
    // Each connection has `this` as context: they all go when the log goes. The per-event ones do
    // no lookup and no JSON work, they append what the call already decoded.
    connect(call, &ChatCall::attemptStarted, this, [this, call] { sync(call, nullptr); });
    connect(call, &ChatCall::responseStarted, this, [this, call] { sync(call, nullptr); });
    connect(call, &ChatCall::retryScheduled, this,
            [this, call](int, qint64, const ApiError& reason) { sync(call, &reason); });
    connect(call, &ChatCall::rawEvent, this,
            [this, t](const SseEvent& event, qint64 ms) { onRawEvent(*t, event, ms); });
    connect(call, &ChatCall::delta, this, [this, t](const ChatDelta& delta) { onDelta(*t, delta); });
    connect(call, &ChatCall::finished, this, [this, call] { onFinished(call); });
    connect(call, &QObject::destroyed, this, &ExchangeLog::onDestroyed);
    sync(call, nullptr);
}

void ExchangeLog::sync(ChatCall* call, const ApiError* failure)
{
    const auto found = m_calls.constFind(call);
    if (found == m_calls.constEnd())
        return;
    Tracking& t = **found;
    const KeyRedactor& redactor = call->redactor();
    const std::vector<AttemptInfo>& attempts = call->attempts();
    for (size_t i = 0; i < attempts.size(); ++i) {
        const AttemptInfo& info = attempts[i];
        if (i >= t.entries.size()) {
            auto entry = std::make_shared<Exchange>();
            entry->attempt = info.attempt;
            entry->url = redactor.scrub(info.url.toString(QUrl::RemovePassword | QUrl::FullyEncoded));
            entry->started = QDateTime::currentDateTime();
            entry->requestHeaders = redactHeaders(call->requestHeaders(), redactor);
            entry->requestBody = redactor.scrub(call->requestBody());
            entry->streamed = call->requestedStream();
            t.entries.push_back(entry);
            t.pendingDecode = false;
            add(entry);
        }
        Exchange& entry = *t.entries[i];
        if (!entry.running)
            continue;
        entry.httpStatus = info.httpStatus;
        entry.requestId = redactor.scrub(info.requestId);
        entry.firstByteMs = info.firstByteMs;
        entry.eventStream = info.eventStream;
        if (entry.responseHeaders.size() != info.responseHeaders.size())
            entry.responseHeaders = redactHeaders(info.responseHeaders, redactor);
        if (info.endedMsSinceCall >= 0) {
            entry.running = false;
            entry.durationMs = info.endedMsSinceCall - info.startedMsSinceCall;
            entry.responseBody = redactor.scrub(info.responseBody);
            if (failure && i + 1 == attempts.size())
                entry.errorText = redactor.scrub(failure->humanMessage());
        }
        changed(entry);
    }
    enforceBounds();
}

void ExchangeLog::onRawEvent(Tracking& t, const SseEvent& event, qint64 msSinceCall)
{
    if (t.entries.empty())
        return;
    const ChatCall* call = t.call;
    Exchange& entry = *t.entries.back();
    const qsizetype size = event.data.size();
    // Once one event did not fit, none is kept after it: the kept ones stay a prefix of the stream.
    if (entry.droppedEvents > 0 || entry.eventBytes + size > m_maxEventBytes) {
        ++entry.droppedEvents;
        entry.droppedBytes += size;
        t.pendingDecode = false;
        return;
    }
    ExchangeEvent recorded;
    recorded.ms = msSinceCall - call->attempts().back().startedMsSinceCall;
    recorded.type = event.type;
    recorded.data = call->redactor().scrub(event.data); // shares the bytes when there is nothing to hide
    if (event.hasLastEventId)
        recorded.id = call->redactor().scrub(event.lastEventId);
    entry.events.push_back(std::move(recorded));
    entry.eventBytes += size;
    t.pendingDecode = true;
}

void ExchangeLog::onDelta(Tracking& t, const ChatDelta& delta)
{
    // ChatCall emits delta() right after the rawEvent() it came from; a non-streamed answer's
    // delta has no event and is left alone (its body is recorded whole).
    if (!t.pendingDecode)
        return;
    t.pendingDecode = false;
    ExchangeEvent& event = t.entries.back()->events.back();
    const KeyRedactor& redactor = t.call->redactor();
    event.decoded = true;
    event.content = redactor.scrub(delta.content);
    event.reasoning = redactor.scrub(delta.reasoning);
    if (!delta.toolCalls.empty() || !delta.finishReason.isEmpty() || delta.usage)
        event.other = redactor.scrub(describeOther(delta));
}

void ExchangeLog::onFinished(ChatCall* call)
{
    const ApiError error = call->error();
    sync(call, error.isError() ? &error : nullptr);
    disconnect(call, nullptr, this, nullptr);
    m_calls.remove(call);
}

void ExchangeLog::onDestroyed(QObject* call)
{
    // Deleted while running (deleting a call cancels it without finished()): close its entries.
    const auto found = m_calls.constFind(call);
    if (found == m_calls.constEnd())
        return;
    const std::shared_ptr<Tracking> t = *found;
    m_calls.erase(found);
    for (const auto& entry : t->entries) {
        if (!entry->running)
            continue;
        entry->running = false;
        entry->errorText = tr("The request was abandoned before it finished.");
        changed(*entry);
    }
}

void ExchangeLog::add(std::shared_ptr<Exchange> entry)
{
    entry->serial = m_nextSerial++;
    m_model->beginInsertRows({}, 0, 0);
    m_entries.push_front(std::move(entry));
    m_model->endInsertRows();
    emit exchangeAdded(m_entries.front()->serial);
}

void ExchangeLog::changed(const Exchange& entry)
{
    const int row = rowOf(entry.serial);
    if (row < 0)
        return;
    emit m_model->dataChanged(m_model->index(row, 0),
                              m_model->index(row, ExchangeListModel::ColumnCount - 1));
    emit exchangeUpdated(entry.serial);
}

void ExchangeLog::enforceBounds()
{
    qint64 total = 0;
    for (const auto& entry : m_entries)
        total += entry->approximateBytes();
    // The newest exchange always stays, however large: it is the one a person is looking at.
    while (!m_entries.empty() && (count() > m_maxExchanges || (count() > 1 && total > m_maxTotalBytes))) {
        const int last = count() - 1;
        m_model->beginRemoveRows({}, last, last);
        total -= m_entries.back()->approximateBytes();
        m_entries.pop_back();
        m_model->endRemoveRows();
    }
}

ExchangePtr ExchangeLog::at(int row) const
{
    return row >= 0 && row < count() ? m_entries[size_t(row)] : nullptr;
}

int ExchangeLog::rowOf(quint64 serial) const
{
    // Serials are handed out one by one and entries leave only from the old end, so the list is a
    // contiguous descending run of serials.
    if (m_entries.empty() || serial > m_entries.front()->serial)
        return -1;
    const quint64 row = m_entries.front()->serial - serial;
    return row < m_entries.size() ? int(row) : -1;
}

ExchangePtr ExchangeLog::find(quint64 serial) const
{
    return at(rowOf(serial));
}

void ExchangeLog::clear()
{
    m_model->beginResetModel();
    m_entries.clear();
    m_model->endResetModel();
}

void ExchangeLog::setMaxExchanges(int count)
{
    m_maxExchanges = std::max(1, count);
    enforceBounds();
}

void ExchangeLog::setMaxEventBytes(qint64 bytes)
{
    m_maxEventBytes = std::max<qint64>(0, bytes);
}

void ExchangeLog::setMaxTotalBytes(qint64 bytes)
{
    m_maxTotalBytes = std::max<qint64>(0, bytes);
    enforceBounds();
}

QByteArray ExchangeLog::exportJson(const std::vector<ExchangePtr>& exchanges)
{
    nlohmann::ordered_json root;
    root["format"] = "ark-workbench-exchanges";
    root["version"] = 1;
    root["exported_at"] = utf8(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    root["exchanges"] = nlohmann::ordered_json::array();
    for (const ExchangePtr& exchange : exchanges)
        if (exchange)
            root["exchanges"].push_back(exchange->toJson());
    return QByteArray::fromStdString(
               root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) +
           '\n';
}

QByteArray ExchangeLog::exportAllJson() const
{
    return exportJson(std::vector<ExchangePtr>(m_entries.begin(), m_entries.end()));
}

// ---------------------------------------------------------------------------------------------
// ExchangeListModel

namespace {

QString formatMs(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', ms < 10000 ? 2 : 1);
}

} // namespace

ExchangeListModel::ExchangeListModel(ExchangeLog* log) : QAbstractTableModel(log), m_log(log) {}

int ExchangeListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_log->count();
}

int ExchangeListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

ExchangePtr ExchangeListModel::exchange(const QModelIndex& index) const
{
    return index.isValid() && index.model() == this ? m_log->at(index.row()) : nullptr;
}

QVariant ExchangeListModel::data(const QModelIndex& index, int role) const
{
    const ExchangePtr e = exchange(index);
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StartedColumn:
            return e->started.toString(QStringLiteral("HH:mm:ss"));
        case AttemptColumn:
            return e->attempt + 1;
        case MethodColumn:
            return e->method;
        case StatusColumn:
            if (e->httpStatus == 0)
                return e->running ? QStringLiteral("…") : tr("failed");
            return e->running ? QStringLiteral("%1 …").arg(e->httpStatus) : QString::number(e->httpStatus);
        case DurationColumn:
            return e->running ? QStringLiteral("…") : formatMs(e->durationMs);
        case TtfbColumn:
            return formatMs(e->firstByteMs);
        case PathColumn:
            return e->path();
        case RequestIdColumn:
            return e->requestId;
        }
        return {};
    case Qt::ToolTipRole:
        return e->errorText.isEmpty() ? e->url : e->errorText;
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptColumn || index.column() == StatusColumn ||
            index.column() == DurationColumn || index.column() == TtfbColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SerialRole:
        return QVariant::fromValue(e->serial);
    case FailedRole:
        return e->failed();
    case RunningRole:
        return e->running;
    case UrlRole:
        return e->url;
    case ErrorTextRole:
        return e->errorText;
    case RequestHeadersRole:
        return e->requestHeadersText();
    case ResponseHeadersRole:
        return e->responseHeadersText();
    case RequestJsonRole:
        return e->prettyRequest();
    case ResponseTextRole:
        return e->responseText();
    case CurlRole:
        return e->curlCommand();
    case ExportJsonRole:
        return QString::fromUtf8(ExchangeLog::exportJson({e}));
    }
    return {};
}

QVariant ExchangeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn:
        return tr("Time");
    case AttemptColumn:
        return tr("Try");
    case MethodColumn:
        return tr("Method");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case TtfbColumn:
        return tr("TTFB");
    case PathColumn:
        return tr("Path");
    case RequestIdColumn:
        return tr("Request id");
    }
    return {};
}

QHash<int, QByteArray> ExchangeListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SerialRole, "serial");
    names.insert(FailedRole, "failed");
    names.insert(RunningRole, "running");
    names.insert(UrlRole, "url");
    names.insert(ErrorTextRole, "errorText");
    names.insert(RequestHeadersRole, "requestHeaders");
    names.insert(ResponseHeadersRole, "responseHeaders");
    names.insert(RequestJsonRole, "requestJson");
    names.insert(ResponseTextRole, "responseText");
    names.insert(CurlRole, "curl");
    names.insert(ExportJsonRole, "exportJson");
    return names;
}

} // namespace ark::api
