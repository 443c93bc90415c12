// Exact token counts from Ark's tokenization API (POST {base}/tokenization, seed page 分词 API), with
// a cache by (model, text), at most one call per debounce interval while the person types, and stale
// calls cancelled. When no exact count is possible (no key, offline, a provider without the API)
// it answers with the offline estimate, marked as such.
#pragma once

#include "api/ApiError.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <functional>

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
    // answer arrives through counted(). Cached texts answer without a call.
    void request(const QString& model, const QStringList& texts);
    // One batch call now, no debounce (the CLI, tests). The callback gets one count per text, in
    // order, or estimates with the error's message when the call failed.
    void countNow(const QString& model, const QStringList& texts,
                  std::function<void(const QList<TokenCount>&, const api::ApiError&)> done);

    int callsMade() const { return m_calls; } // HTTP calls started (tests)
    int callsCancelled() const { return m_cancelled; }
    bool isBusy() const { return !m_reply.isNull() || m_debounce.isActive(); }
    void clearCache() { m_cache.clear(); }

signals:
    // One count per text of the latest request(), in order; `total` is their sum.
    void counted(const QList<ark::pricing::TokenCount>& counts, qint64 total, bool allExact);

private:
    void fire();
    QNetworkReply* post(const QString& model, const QStringList& texts);
    bool canCall() const;
    QString whyEstimate() const;
    // The distinct, non-empty texts without a cached exact count.
    QStringList missingTexts(const QString& model, const QStringList& texts) const;
    // One count per text: cached exact counts, estimates (with `note`) for the rest.
    QList<TokenCount> fromCache(const QString& model, const QStringList& texts, const QString& note) const;
    void remember(const QString& model, const QStringList& texts, const QList<qint64>& counts);
    void emitCounts(const QList<TokenCount>& counts);
    void abortLive(); // cancels the running live call, if any

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    QString m_apiKey;
    QTimer m_debounce;
    QPointer<QNetworkReply> m_reply; // the live (request()) call
    QString m_replyModel;            // what m_reply counts
    QStringList m_replyTexts;
    QList<QPointer<QNetworkReply>> m_oneShots; // countNow() calls in flight
    QString m_pendingModel;
    QStringList m_pendingTexts;
    QHash<QString, qint64> m_cache; // model + '\n' + text -> exact count
    int m_calls = 0;
    int m_cancelled = 0;
};

} // namespace ark::pricing
