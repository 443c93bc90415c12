#include "TokenCounter.h"

#include "TokenEstimator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>

namespace ark::pricing {

namespace {

constexpr int kDefaultDebounceMs = 500;
constexpr int kTransferTimeoutMs = 30000;
constexpr qsizetype kMaxCacheEntries = 4096;

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::pricing::TokenCounter", text);
}

QString cacheKey(const QString& model, const QString& text)
{
    return model + QLatin1Char('\n') + text;
}

TokenCount estimated(const QString& text, const QString& note)
{
    return TokenCount{estimateTextTokens(text), false, note};
}

// The response's data[] as counts for `texts` (matched by data[].index, falling back to order);
// false when the body is not what the API promises.
bool parseCounts(const QByteArray& body, const QStringList& texts, QList<qint64>& counts)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonArray data = doc.object().value(QLatin1String("data")).toArray();
    if (data.size() != texts.size())
        return false;
    counts = QList<qint64>(texts.size(), -1);
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonObject entry = data.at(i).toObject();
        const QJsonValue total = entry.value(QLatin1String("total_tokens"));
        if (!total.isDouble() || total.toDouble() < 0)
            return false;
        const qsizetype index = entry.contains(QLatin1String("index"))
                                    ? static_cast<qsizetype>(entry.value(QLatin1String("index")).toInt(-1))
                                    : i;
        if (index < 0 || index >= counts.size() || counts[index] >= 0)
            return false;
        counts[index] = static_cast<qint64>(total.toDouble());
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

TokenCounter::TokenCounter(QNetworkAccessManager* nam, QObject* parent) : QObject(parent), m_nam(nam)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &TokenCounter::fire);
}

TokenCounter::~TokenCounter()
{
    // Replies are children of the QNAM, which may outlive us: nothing of ours may run after this.
    QList<QPointer<QNetworkReply>> replies = m_oneShots;
    replies << m_reply;
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
    QStringList missing;
    QSet<QString> seen;
    for (const QString& text : texts) {
        if (text.isEmpty() || m_cache.contains(cacheKey(model, text)) || seen.contains(text))
            continue;
        seen.insert(text);
        missing << text;
    }
    return missing;
}

QList<TokenCount> TokenCounter::fromCache(const QString& model, const QStringList& texts,
                                          const QString& note) const
{
    QList<TokenCount> counts;
    counts.reserve(texts.size());
    for (const QString& text : texts) {
        if (text.isEmpty()) {
            counts << TokenCount{0, true, {}}; // nothing to count: exact without asking
            continue;
        }
        const auto it = m_cache.constFind(cacheKey(model, text));
        counts << (it != m_cache.constEnd() ? TokenCount{*it, true, {}} : estimated(text, note));
    }
    return counts;
}

void TokenCounter::remember(const QString& model, const QStringList& texts, const QList<qint64>& counts)
{
    if (m_cache.size() + texts.size() > kMaxCacheEntries)
        m_cache.clear(); // a whole conversation is re-counted in one call; simpler than an LRU
    for (qsizetype i = 0; i < texts.size() && i < counts.size(); ++i)
        m_cache.insert(cacheKey(model, texts[i]), counts[i]);
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
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    m_replyTexts.clear();
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    ++m_cancelled;
}

void TokenCounter::request(const QString& model, const QStringList& texts)
{
    m_pendingModel = model;
    m_pendingTexts = texts;
    if (!canCall()) {
        // Nothing to wait for: the estimate is cheap and local.
        abortLive();
        m_debounce.stop();
        emitCounts(fromCache(model, texts, whyEstimate()));
        return;
    }
    const QStringList missing = missingTexts(model, texts);
    if (missing.isEmpty()) {
        abortLive(); // whatever it counts is not needed any more
        m_debounce.stop();
        emitCounts(fromCache(model, texts, {}));
        return;
    }
    // The running call already counts everything still missing: its answer serves this request too.
    if (m_reply && m_replyModel == model &&
        std::all_of(missing.begin(), missing.end(),
                    [this](const QString& t) { return m_replyTexts.contains(t); }))
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
        emitCounts(fromCache(m_pendingModel, m_pendingTexts, whyEstimate()));
        return;
    }
    const QStringList missing = missingTexts(m_pendingModel, m_pendingTexts);
    if (missing.isEmpty()) {
        emitCounts(fromCache(m_pendingModel, m_pendingTexts, {}));
        return;
    }
    abortLive();
    QNetworkReply* reply = post(m_pendingModel, missing);
    m_reply = reply;
    m_replyModel = m_pendingModel;
    m_replyTexts = missing;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_reply != reply)
            return; // superseded (abortLive already disconnected it; belt and braces)
        m_reply = nullptr;
        const QStringList texts = m_replyTexts;
        const QString model = m_replyModel;
        m_replyTexts.clear();
        const QByteArray body = reply->readAll();
        QList<qint64> counts;
        const bool ok = reply->error() == QNetworkReply::NoError &&
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() / 100 == 2 &&
                        parseCounts(body, texts, counts);
        if (ok)
            remember(model, texts, counts);
        if (model != m_pendingModel)
            return;
        if (!ok) {
            // Estimates for what is missing, exact counts for what is cached; the note says why.
            const api::ApiError error = errorFromReply(reply, body);
            emitCounts(fromCache(m_pendingModel, m_pendingTexts,
                                 tr("Estimated: the exact count failed (%1)").arg(error.humanMessage())));
            return;
        }
        if (missingTexts(m_pendingModel, m_pendingTexts).isEmpty())
            emitCounts(fromCache(m_pendingModel, m_pendingTexts, {}));
        else if (!m_debounce.isActive())
            m_debounce.start();
    });
}

void TokenCounter::countNow(const QString& model, const QStringList& texts,
                            std::function<void(const QList<TokenCount>&, const api::ApiError&)> done)
{
    if (!canCall()) {
        done(fromCache(model, texts, whyEstimate()), api::ApiError{});
        return;
    }
    const QStringList missing = missingTexts(model, texts);
    if (missing.isEmpty()) {
        done(fromCache(model, texts, {}), api::ApiError{});
        return;
    }
    QNetworkReply* reply = post(model, missing);
    m_oneShots.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, model, texts, missing, done] {
        reply->deleteLater();
        m_oneShots.removeAll(QPointer<QNetworkReply>(reply));
        const QByteArray body = reply->readAll();
        QList<qint64> counts;
        const bool ok = reply->error() == QNetworkReply::NoError &&
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() / 100 == 2 &&
                        parseCounts(body, missing, counts);
        if (ok) {
            remember(model, missing, counts);
            done(fromCache(model, texts, {}), api::ApiError{});
            return;
        }
        const api::ApiError error = errorFromReply(reply, body);
        done(fromCache(model, texts, tr("Estimated: the exact count failed (%1)").arg(error.humanMessage())),
             error);
    });
}

QNetworkReply* TokenCounter::post(const QString& model, const QStringList& texts)
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

    // Always the list form of "text" (seed 分词 API: string or string[]), one entry per text.
    QJsonObject body;
    body.insert(QLatin1String("model"), model);
    body.insert(QLatin1String("text"), QJsonArray::fromStringList(texts));
    ++m_calls;
    QNetworkReply* reply = m_nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    return reply;
}

} // namespace ark::pricing
