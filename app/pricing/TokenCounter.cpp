#include "TokenCounter.h"

#include "TokenEstimator.h"
#include "concurrency/OnWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThreadPool>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

namespace ark::pricing {

using concurrency::onWorker;

namespace {

constexpr int kDefaultDebounceMs = 500;
constexpr int kTransferTimeoutMs = 30000;
// Exact counts (and estimates) kept: a long conversation's texts all fit, and cost little as they
// share the conversation's strings. Past it only what the latest request uses is kept, so typing in
// a long conversation never sends the whole conversation again.
constexpr qsizetype kMaxCacheEntries = 16384;
// Up to this much text, building or reading the JSON and estimating take well under a millisecond:
// done at once. Beyond it (a long conversation is megabytes) on a worker thread.
constexpr qsizetype kInlineChars = 32 * 1024;
constexpr qsizetype kInlineBytes = 64 * 1024;
// An answer is read in pieces of this size, for at most this long per turn of the event loop.
constexpr qint64 kReadPieceBytes = 128 * 1024;
constexpr qint64 kReadBudgetNs = 3 * 1000 * 1000;

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::pricing::TokenCounter", text);
}

qsizetype totalChars(const QStringList& texts)
{
    qsizetype chars = 0;
    for (const QString& text : texts)
        chars += text.size();
    return chars;
}

// JSON text of a string, as QJsonDocument would write it (UTF-8; quote, backslash and control
// characters escaped).
void appendJsonString(QByteArray& out, const QString& text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// Always the list form of "text" (seed 分词 API: string or string[]), one entry per text. Written
// directly: a long conversation's body is megabytes, and no document of it is built on the way.
QByteArray tokenizationBody(const QString& model, const QStringList& texts)
{
    QByteArray body;
    body.reserve(totalChars(texts) + 8 * texts.size() + model.size() + 32);
    body += "{\"model\":";
    appendJsonString(body, model);
    body += ",\"text\":[";
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0)
            body += ',';
        appendJsonString(body, texts[i]);
    }
    body += "]}";
    return body;
}

QHash<QString, qint64> estimateAll(const QStringList& texts)
{
    QHash<QString, qint64> made;
    made.reserve(texts.size());
    for (const QString& text : texts)
        made.insert(text, estimateTextTokens(text));
    return made;
}

// Reads the tokenization answer without building a document of it: of megabytes of token ids and
// offsets, only data[].index and data[].total_tokens are kept.
class CountsReader : public nlohmann::json_sax<nlohmann::json>
{
public:
    struct Entry
    {
        double total = -1; // -1: missing or not a number
        qint64 index = -1; // -1: missing
        bool hasIndex = false;
        bool bad = false; // a field of ours with a value of the wrong kind
    };
    std::vector<Entry> entries;
    bool rootIsObject = false;
    bool bad = false; // data is not an array of objects

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t value) override { return number(double(value)); }
    bool number_unsigned(number_unsigned_t value) override { return number(double(value)); }
    bool number_float(number_float_t value, const string_t&) override { return number(value); }
    bool string(string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool start_object(std::size_t) override
    {
        ++m_depth;
        if (m_depth == 1)
            rootIsObject = true;
        else if (m_depth == 3 && m_inData)
            entries.emplace_back();
        else if (m_depth == 2 && m_rootKey == "data")
            bad = true; // "data" is an object, not an array
        else if (m_depth == 4 && m_inData)
            fieldOfWrongKind();
        return true;
    }
    bool end_object() override
    {
        --m_depth;
        return true;
    }
    bool start_array(std::size_t) override
    {
        ++m_depth;
        if (m_depth == 2 && m_rootKey == "data") {
            m_inData = true;
        } else if (m_depth == 4 && m_inData) {
            fieldOfWrongKind();
        }
        return true;
    }
    bool end_array() override
    {
        if (m_depth == 2)
            m_inData = false;
        --m_depth;
        return true;
    }
    bool key(string_t& name) override
    {
        if (m_depth == 1)
            m_rootKey = name;
        else if (m_depth == 3 && m_inData)
            m_entryKey = name;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override
    {
        return false;
    }

private:
    bool scalar()
    {
        if (m_depth == 2 && m_inData)
            bad = true; // an entry that is not an object
        else if (m_depth == 3 && m_inData)
            fieldOfWrongKind();
        return true;
    }
    bool number(double value)
    {
        if (m_depth == 2 && m_inData) {
            bad = true;
        } else if (m_depth == 3 && m_inData) {
            if (m_entryKey == "total_tokens") {
                entries.back().total = value;
            } else if (m_entryKey == "index") {
                entries.back().hasIndex = true;
                // Like QJsonValue::toInt(-1): an index that is not a whole number is no index.
                entries.back().index = value == double(qint64(value)) ? qint64(value) : -1;
            }
        }
        return true;
    }
    void fieldOfWrongKind()
    {
        if (m_entryKey == "total_tokens")
            entries.back().bad = true;
        else if (m_entryKey == "index") {
            entries.back().hasIndex = true;
            entries.back().index = -1;
        }
    }

    int m_depth = 0;
    bool m_inData = false;
    std::string m_rootKey;
    std::string m_entryKey;
};

// The response's data[] as counts for `texts` (matched by data[].index, falling back to order);
// false when the body is not what the API promises.
bool parseCounts(const QByteArray& body, const QStringList& texts, QList<qint64>& counts)
{
    CountsReader reader;
    const bool parsed = nlohmann::json::sax_parse(body.constData(), body.constData() + body.size(), &reader);
    if (!parsed || !reader.rootIsObject || reader.bad || qsizetype(reader.entries.size()) != texts.size())
        return false;
    counts = QList<qint64>(texts.size(), -1);
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const CountsReader::Entry& entry = reader.entries[size_t(i)];
        if (entry.bad || entry.total < 0)
            return false;
        const qint64 index = entry.hasIndex ? entry.index : i;
        if (index < 0 || index >= counts.size() || counts[index] >= 0)
            return false;
        counts[index] = static_cast<qint64>(entry.total);
    }
    return true;
}

api::ApiError errorFromReply(QNetworkReply* reply, const QByteArray& body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString requestId = QString::fromUtf8(reply->rawHeader("X-Request-Id"));
    if (status >= 300)
        return api::ApiError::fromHttp(status, body, requestId);
    api::ApiError error;
    // Replies we abort are disconnected first, so a cancelled one here is the transfer timeout.
    if (reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError) {
        error.kind = api::ErrorKind::IdleTimeout;
    } else if (reply->error() != QNetworkReply::NoError || status == 0) {
        error.kind = api::ErrorKind::Network;
    } else {
        error.kind = api::ErrorKind::MalformedChunk;
        error.detail = tr("The tokenization answer is not the JSON the API documents.");
        error.httpStatus = status;
        error.requestId = requestId;
        return error;
    }
    error.detail = reply->errorString();
    return error;
}

} // namespace

struct TokenCounter::Receiving
{
    QByteArrayList pieces;
    bool finished = false;  // the reply said so: once nothing is left, the answer is complete
    bool scheduled = false; // a receive() for the rest is queued
};

TokenCounter::TokenCounter(QNetworkAccessManager* nam, QObject* parent) : QObject(parent), m_nam(nam)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &TokenCounter::fire);
}

TokenCounter::~TokenCounter()
{
    // Replies are children of the QNAM, which may outlive us: nothing of ours may run after this.
    // (Work on a worker reports through watchers that are our children: it is dropped with us.)
    QList<QPointer<QNetworkReply>> replies = m_oneShots;
    if (m_live)
        replies << m_live->reply;
    for (const QPointer<QNetworkReply>& reply : std::as_const(replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void TokenCounter::setEndpoint(const QUrl& baseUrl, const QString& apiKey)
{
    m_baseUrl = baseUrl;
    m_apiKey = apiKey.trimmed();
}

bool TokenCounter::canCall() const
{
    return !m_apiKey.isEmpty() && m_baseUrl.isValid() && !m_baseUrl.host().isEmpty() &&
           (m_baseUrl.scheme() == QLatin1String("https") || m_baseUrl.scheme() == QLatin1String("http"));
}

QString TokenCounter::whyEstimate() const
{
    if (m_apiKey.isEmpty())
        return tr("Estimated: no API key, so the exact count could not be asked for.");
    return tr("Estimated: the tokenization address is not a valid http(s) URL.");
}

QStringList TokenCounter::missingTexts(const QString& model, const QStringList& texts) const
{
    return missingTexts(model, texts, nullptr);
}

QStringList TokenCounter::missingTexts(const QString& model, const QStringList& texts,
                                       QSet<QString>* distinct) const
{
    // Lookups by the text itself (no key is built): a long conversation is checked on every keystroke.
    const auto cached = m_cache.constFind(model);
    const Counts* counts = cached != m_cache.constEnd() ? &*cached : nullptr;
    QStringList missing;
    QSet<QString> seen;
    for (const QString& text : texts) {
        if (text.isEmpty() || (counts && counts->contains(text)))
            continue;
        const qsizetype before = seen.size();
        seen.insert(text);
        if (seen.size() != before)
            missing << text;
    }
    if (distinct)
        *distinct = std::move(seen);
    return missing;
}

QList<TokenCount> TokenCounter::fromCache(const QString& model, const QStringList& texts,
                                          const QString& note) const
{
    const auto cached = m_cache.constFind(model);
    const Counts* counts = cached != m_cache.constEnd() ? &*cached : nullptr;
    QList<TokenCount> out;
    out.reserve(texts.size());
    for (const QString& text : texts) {
        if (text.isEmpty()) {
            out << TokenCount{0, true, {}}; // nothing to count: exact without asking
            continue;
        }
        if (counts) {
            const auto it = counts->constFind(text);
            if (it != counts->constEnd()) {
                out << TokenCount{*it, true, {}};
                continue;
            }
        }
        const auto estimate = m_estimates.constFind(text);
        out << TokenCount{estimate != m_estimates.constEnd() ? *estimate : estimateTextTokens(text), false,
                          note};
    }
    return out;
}

void TokenCounter::withEstimates(const QString& model, const QStringList& texts, std::function<void()> ready)
{
    // The texts that will need an estimate and have none yet.
    const auto cached = m_cache.constFind(model);
    const Counts* counts = cached != m_cache.constEnd() ? &*cached : nullptr;
    QStringList unknown;
    qsizetype chars = 0;
    for (const QString& text : texts) {
        if (text.isEmpty() || (counts && counts->contains(text)) || m_estimates.contains(text))
            continue;
        unknown << text;
        chars += text.size();
    }
    if (chars <= kInlineChars) {
        rememberEstimates(estimateAll(unknown));
        ready();
        return;
    }
    onWorker<Counts>(
        this, &m_jobs, [unknown] { return estimateAll(unknown); },
        [this, ready](const Counts& made) {
            rememberEstimates(made);
            ready();
        });
}

void TokenCounter::answerPending(const QString& note)
{
    const quint64 serial = m_requestSerial;
    withEstimates(m_pendingModel, m_pendingTexts, [this, serial, note] {
        if (serial == m_requestSerial) // else a newer request() has (or will have) its own answer
            emitCounts(fromCache(m_pendingModel, m_pendingTexts, note));
    });
}

void TokenCounter::remember(const QString& model, const QStringList& texts, const QList<qint64>& counts)
{
    qsizetype entries = 0;
    for (const Counts& forModel : std::as_const(m_cache))
        entries += forModel.size();
    if (entries + texts.size() > kMaxCacheEntries) {
        // Keep what the latest request still uses: a long conversation stays counted while the
        // person types under it.
        Counts kept;
        const auto current = m_cache.constFind(m_pendingModel);
        if (current != m_cache.constEnd()) {
            for (const QString& text : std::as_const(m_pendingTexts)) {
                const auto it = current->constFind(text);
                if (it != current->constEnd())
                    kept.insert(text, *it);
            }
        }
        m_cache.clear();
        if (!kept.isEmpty())
            m_cache.insert(m_pendingModel, kept);
    }
    Counts& forModel = m_cache[model];
    for (qsizetype i = 0; i < texts.size() && i < counts.size(); ++i)
        forModel.insert(texts[i], counts[i]);
}

void TokenCounter::rememberEstimates(const Counts& estimates)
{
    if (estimates.isEmpty())
        return;
    if (m_estimates.size() + estimates.size() > kMaxCacheEntries) {
        Counts kept;
        for (const QString& text : std::as_const(m_pendingTexts)) {
            const auto it = m_estimates.constFind(text);
            if (it != m_estimates.constEnd())
                kept.insert(text, *it);
        }
        m_estimates = kept;
    }
    for (auto it = estimates.constBegin(); it != estimates.constEnd(); ++it)
        m_estimates.insert(it.key(), it.value());
}

void TokenCounter::emitCounts(const QList<TokenCount>& counts)
{
    qint64 total = 0;
    bool allExact = true;
    for (const TokenCount& count : counts) {
        total += count.tokens;
        allExact = allExact && count.exact;
    }
    emit counted(counts, total, allExact);
}

void TokenCounter::abortLive()
{
    if (!m_live)
        return;
    // A body still being built is simply never sent; an answer being read is still remembered.
    const QPointer<QNetworkReply> reply = m_live->reply;
    m_live.reset();
    if (!reply || reply->isFinished())
        return; // nothing on the wire any more
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    ++m_cancelled;
}

void TokenCounter::request(const QString& model, const QStringList& texts)
{
    m_pendingModel = model;
    m_pendingTexts = texts;
    ++m_requestSerial;
    if (!canCall()) {
        // Nothing to wait for: the estimate is local.
        abortLive();
        m_debounce.stop();
        answerPending(whyEstimate());
        return;
    }
    const QStringList missing = missingTexts(model, texts);
    if (missing.isEmpty()) {
        abortLive(); // whatever it counts is not needed any more
        m_debounce.stop();
        answerPending({});
        return;
    }
    // The running call already counts everything still missing: its answer serves this request too.
    if (m_live && m_live->model == model &&
        std::all_of(missing.begin(), missing.end(),
                    [this](const QString& t) { return m_live->textSet.contains(t); }))
        return;
    abortLive();
    // Throttle, not a restarting debounce: while the person keeps typing, one call per interval
    // still goes out with the newest text, so the count follows the typing.
    if (!m_debounce.isActive())
        m_debounce.start();
}

void TokenCounter::fire()
{
    if (!canCall()) {
        answerPending(whyEstimate());
        return;
    }
    QSet<QString> distinct;
    const QStringList missing = missingTexts(m_pendingModel, m_pendingTexts, &distinct);
    if (missing.isEmpty()) {
        answerPending({});
        return;
    }
    abortLive();
    const quint64 id = ++m_lastCallId;
    const QString model = m_pendingModel;
    m_live = Live{id, model, missing, std::move(distinct), nullptr};
    call(
        model, missing, [this, id] { return m_live && m_live->id == id; },
        [this, id](QNetworkReply* reply) {
            if (m_live && m_live->id == id)
                m_live->reply = reply;
        },
        [this, id, model, missing](const QList<qint64>& counts, const api::ApiError& error) {
            onLiveAnswer(id, model, missing, counts, error);
        });
}

void TokenCounter::onLiveAnswer(quint64 id, const QString& model, const QStringList& texts,
                                const QList<qint64>& counts, const api::ApiError& error)
{
    const bool live = m_live && m_live->id == id;
    if (live)
        m_live.reset();
    const bool ok = !error.isError();
    if (ok)
        remember(model, texts, counts); // right whatever was asked since
    if (!live || model != m_pendingModel)
        return; // superseded: the newer request has its own call (or its answer from the cache)
    if (!ok) {
        // Estimates for what is missing, exact counts for what is cached; the note says why.
        answerPending(tr("Estimated: the exact count failed (%1)").arg(error.humanMessage()));
        return;
    }
    if (missingTexts(m_pendingModel, m_pendingTexts).isEmpty())
        answerPending({});
    else if (!m_debounce.isActive())
        m_debounce.start();
}

void TokenCounter::countNow(const QString& model, const QStringList& texts,
                            std::function<void(const QList<TokenCount>&, const api::ApiError&)> done)
{
    auto answer = [this, model, texts, done](const QString& note, const api::ApiError& error) {
        withEstimates(model, texts, [this, model, texts, note, done, error] {
            done(fromCache(model, texts, note), error);
        });
    };
    if (!canCall()) {
        answer(whyEstimate(), {});
        return;
    }
    const QStringList missing = missingTexts(model, texts);
    if (missing.isEmpty()) {
        answer({}, {});
        return;
    }
    auto reply = std::make_shared<QPointer<QNetworkReply>>();
    call(
        model, missing, [] { return true; },
        [this, reply](QNetworkReply* posted) {
            *reply = posted;
            m_oneShots.append(posted);
        },
        [this, reply, model, missing, answer](const QList<qint64>& counts, const api::ApiError& error) {
            m_oneShots.removeIf(
                [&reply](const QPointer<QNetworkReply>& r) { return r.isNull() || r == *reply; });
            if (!error.isError()) {
                remember(model, missing, counts);
                answer({}, {});
                return;
            }
            answer(tr("Estimated: the exact count failed (%1)").arg(error.humanMessage()), error);
        });
}

void TokenCounter::call(const QString& model, const QStringList& texts, std::function<bool()> wanted,
                        std::function<void(QNetworkReply*)> posted, Done done)
{
    auto send = [this, texts, wanted, posted, done](const QByteArray& body) {
        if (!wanted())
            return; // superseded while its body was built
        QNetworkReply* reply = post(body);
        posted(reply);
        // The answer of a long conversation is megabytes (token ids and offsets of every text): it is
        // taken a piece at a time, a few pieces per turn of the event loop, and joined on the worker
        // that reads it, so nothing on this thread copies all of it at once.
        auto receiving = std::make_shared<Receiving>();
        connect(reply, &QNetworkReply::readyRead, this,
                [this, reply, receiving, texts, done] { receive(reply, receiving, texts, done); });
        connect(reply, &QNetworkReply::finished, this, [this, reply, receiving, texts, done] {
            receiving->finished = true;
            receive(reply, receiving, texts, done);
        });
    };
    if (totalChars(texts) <= kInlineChars) {
        send(tokenizationBody(model, texts));
        return;
    }
    onWorker<QByteArray>(
        this, &m_jobs, [model, texts] { return tokenizationBody(model, texts); }, send);
}

void TokenCounter::receive(QNetworkReply* reply, const std::shared_ptr<Receiving>& receiving,
                           const QStringList& texts, const Done& done)
{
    if (receiving->scheduled)
        return; // the queued one takes it
    QElapsedTimer budget;
    budget.start();
    while (reply->bytesAvailable() > 0 && budget.nsecsElapsed() < kReadBudgetNs)
        receiving->pieces.append(reply->read(kReadPieceBytes));
    if (reply->bytesAvailable() > 0) {
        receiving->scheduled = true;
        QTimer::singleShot(0, this, [this, guard = QPointer<QNetworkReply>(reply), receiving, texts, done] {
            receiving->scheduled = false;
            if (guard)
                receive(guard, receiving, texts, done);
        });
        return;
    }
    if (!receiving->finished)
        return;
    reply->deleteLater();
    read(reply, receiving->pieces, texts, done);
}

void TokenCounter::read(QNetworkReply* reply, const QByteArrayList& received, const QStringList& texts,
                        Done done)
{
    qsizetype size = 0;
    for (const QByteArray& piece : received)
        size += piece.size();
    const bool httpOk = reply->error() == QNetworkReply::NoError &&
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() / 100 == 2;
    if (!httpOk) {
        done({}, errorFromReply(reply, received.join())); // an error body is small
        return;
    }
    // What the error says when the body is not what the API documents (it needs the reply, which
    // is gone by the time a worker has read a large body).
    const api::ApiError malformed = errorFromReply(reply, QByteArray());
    if (size <= kInlineBytes) {
        QList<qint64> counts;
        if (parseCounts(received.join(), texts, counts))
            done(counts, {});
        else
            done({}, malformed);
        return;
    }
    onWorker<std::optional<QList<qint64>>>(
        this, &m_jobs,
        [received, texts]() -> std::optional<QList<qint64>> {
            QList<qint64> counts;
            if (!parseCounts(received.join(), texts, counts))
                return std::nullopt;
            return counts;
        },
        [done, malformed](const std::optional<QList<qint64>>& counts) {
            if (counts)
                done(*counts, {});
            else
                done({}, malformed);
        });
}

QNetworkReply* TokenCounter::post(const QByteArray& body)
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/tokenization"));

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    // The key must never follow a redirect to another host: redirects are not followed at all.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kTransferTimeoutMs);
    ++m_calls;
    return m_nam->post(request, body);
}

} // namespace ark::pricing
