#include "TokenCounter.h"

#include <QNetworkReply>

namespace ark::pricing {

TokenCounter::TokenCounter(QNetworkAccessManager* nam, QObject* parent) : QObject(parent), m_nam(nam) {}
TokenCounter::~TokenCounter() = default;
void TokenCounter::setEndpoint(const QUrl& baseUrl, const QString& apiKey)
{
    m_baseUrl = baseUrl;
    m_apiKey = apiKey;
}
void TokenCounter::request(const QString&, const QStringList&) {}
void TokenCounter::countNow(const QString&, const QStringList&,
                            std::function<void(const QList<TokenCount>&, const api::ApiError&)>)
{
}
void TokenCounter::fire() {}
QNetworkReply* TokenCounter::post(const QString&, const QStringList&) { return nullptr; }

} // namespace ark::pricing
