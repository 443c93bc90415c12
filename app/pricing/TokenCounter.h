// Exact token counts from Ark's tokenization API (POST {base}/tokenization, seed page 分词 API), with
// a cache by (model, text), at most one call per debounce interval while the person types, and stale
// calls cancelled. When no exact count is possible (no key, offline, a provider without the API)
// it answers with the offline estimate, marked as such.
//
// A long conversation is tens of thousands of texts and megabytes of JSON: building the call's body,
// reading its answer and estimating many texts run on a worker thread when they are large, so the UI
// thread only looks texts up. Small batches are answered as before, at once where they can be.
#pragma once

#include "api/ApiError.h"

#include <QByteArrayList>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ark::pricing {

struct TokenCount
{
    qint64 tokens = 0;
    bool exact = false; // false: the offline estimate ("≈")
    QString note;       // why it is an estimate ("no API key", the error...), translated; "" when exact
};

class TokenCounter : public QObject
{
    Q_OBJECT
public:
    explicit TokenCounter(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~TokenCounter() override;

    // Where calls go; an empty key (or an invalid URL) means estimates only.
    void setEndpoint(const QUrl& baseUrl, const QString& apiKey);
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); } // 500 by default

    // Live counting: the newest texts for `model` replace any pending or running request; the
    // answer arrives through counted(). Cached texts answer without a call (at once, unless many
    // texts need an estimate: those are estimated on a worker and answered a moment later).
    void request(const QString& model, const QStringList& texts);
    // One batch call now, no debounce (the CLI, tests). The callback gets one count per text, in
    // order, or estimates with the error's message when the call failed.
    void countNow(const QString& model, const QStringList& texts,
                  std::function<void(const QList<TokenCount>&, const api::ApiError&)> done);

    int callsMade() const { return m_calls; } // HTTP calls started (tests)
    int callsCancelled() const { return m_cancelled; }
    // A call is pending or running, or work for one (or for estimates) is on a worker thread.
    bool isBusy() const { return m_live.has_value() || m_debounce.isActive() || m_jobs != 0; }
    void clearCache()
    {
        m_cache.clear();
        m_estimates.clear();
    }

signals:
    // One count per text of the latest request(), in order; `total` is their sum.
    void counted(const QList<ark::pricing::TokenCount>& counts, qint64 total, bool allExact);

private:
    using Counts = QHash<QString, qint64>; // text -> tokens
    using Done = std::function<void(const QList<qint64>& counts, const api::ApiError& error)>;
    // The live (request()) call: its body is being built, or it is on the wire, or its answer is read.
    struct Live
    {
        quint64 id = 0;
        QString model;
        QStringList texts;             // distinct, not cached when it started
        QSet<QString> textSet;         // the same, to tell at once whether it covers a newer request
        QPointer<QNetworkReply> reply; // null while the body is built or the answer is read
    };

    void fire();
    // Builds the body (on a worker when large), posts it unless `wanted()` says no by then, reads the
    // answer (on a worker when large); `done` gets the counts or the error. `posted` sees the reply.
    void call(const QString& model, const QStringList& texts, std::function<bool()> wanted,
              std::function<void(QNetworkReply*)> posted, Done done);
    struct Receiving; // an answer being taken from its reply, piece by piece
    void receive(QNetworkReply* reply, const std::shared_ptr<Receiving>& receiving, const QStringList& texts,
                 const Done& done);
    void read(QNetworkReply* reply, const QByteArrayList& received, const QStringList& texts, Done done);
    void onLiveAnswer(quint64 id, const QString& model, const QStringList& texts, const QList<qint64>& counts,
                      const api::ApiError& error);
    QNetworkReply* post(const QByteArray& body);
    bool canCall() const;
    QString whyEstimate() const;
    // The distinct, non-empty texts without a cached exact count.
    QStringList missingTexts(const QString& model, const QStringList& texts) const;
    QStringList missingTexts(const QString& model, const QStringList& texts, QSet<QString>* distinct) const;
    // One count per text: cached exact counts, estimates (with `note`) for the rest.
    QList<TokenCount> fromCache(const QString& model, const QStringList& texts, const QString& note) const;
    // counted() for the pending request: at once when every estimate it needs is known or cheap,
    // else after the missing estimates were made on a worker (dropped if a newer request came).
    void answerPending(const QString& note);
    // Makes sure every text of `texts` without an exact count has an estimate, then calls `ready`:
    // at once when that is little work, else on this thread once a worker made them.
    void withEstimates(const QString& model, const QStringList& texts, std::function<void()> ready);
    void remember(const QString& model, const QStringList& texts, const QList<qint64>& counts);
    void rememberEstimates(const Counts& estimates);
    void emitCounts(const QList<TokenCount>& counts);
    void abortLive(); // cancels the running live call, if any

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    QString m_apiKey;
    QTimer m_debounce;
    std::optional<Live> m_live;
    quint64 m_lastCallId = 0;
    QList<QPointer<QNetworkReply>> m_oneShots; // countNow() calls in flight
    QString m_pendingModel;
    QStringList m_pendingTexts;
    quint64 m_requestSerial = 0;    // one per request(): an answer for an older one is dropped
    int m_jobs = 0;                 // work on a worker thread whose result has not come back
    QHash<QString, Counts> m_cache; // model -> text -> exact count (the texts share the callers' data)
    Counts m_estimates;             // text -> offline estimate (the same for every model)
    int m_calls = 0;
    int m_cancelled = 0;
};

} // namespace ark::pricing
