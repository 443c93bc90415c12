#include "RetryPolicy.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

namespace ark::api {

namespace {

// Anything above this is "forever" for a retry; keeps double -> qint64 conversions defined.
constexpr double kMaxRepresentableMs = 1e15;

// A non-negative decimal number: "120", "1.5", "250.0". No sign, exponent, "inf" or "nan", which
// QByteArray::toDouble would accept but no server means.
bool parseNonNegativeDecimal(const QByteArray& raw, double& out)
{
    const QByteArray value = raw.trimmed();
    if (value.isEmpty() || value.size() > 32)
        return false;
    int dots = 0;
    for (const char c : value) {
        if (c == '.')
            ++dots;
        else if (c < '0' || c > '9')
            return false;
    }
    if (dots > 1 || value.front() == '.' || value.back() == '.')
        return false;
    bool ok = false;
    out = value.toDouble(&ok); // QByteArray::toDouble is locale-independent
    return ok;
}

qint64 toWholeMs(double ms)
{
    return static_cast<qint64>(std::ceil(std::min(ms, kMaxRepresentableMs)));
}

// First value of a header, names compared case-insensitively. `found` tells absent from empty.
QByteArray headerValue(const HeaderList& headers, const char* name, bool& found)
{
    for (const auto& [key, value] : headers) {
        if (key.trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            found = true;
            return value;
        }
    }
    found = false;
    return {};
}

} // namespace

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    // 408: the server timed out waiting for us; 409: OpenAI-style lock conflicts clear up by themselves;
    // 429: rate limited; 5xx: the server's fault. 410 Gone means retired: final, like every other 4xx.
    return httpStatus == 0 || httpStatus == 408 || httpStatus == 409 || httpStatus == 429 ||
           (httpStatus >= 500 && httpStatus <= 599);
}

qint64 RetryPolicy::serverDelayMs(const HeaderList& headers) const
{
    // retry-after-ms (OpenAI and compatible gateways) is more precise, so it wins when it is readable.
    bool found = false;
    double value = 0;
    const QByteArray ms = headerValue(headers, "retry-after-ms", found);
    if (found && parseNonNegativeDecimal(ms, value))
        return toWholeMs(value);

    const QByteArray retryAfter = headerValue(headers, "retry-after", found);
    if (!found)
        return -1;
    // RFC 9110 section 10.2.3: delta-seconds; a decimal is tolerated since some servers send "1.5".
    if (parseNonNegativeDecimal(retryAfter, value))
        return toWholeMs(value * 1000.0);
    const QDateTime when = DeprecationParser::parseHttpDate(retryAfter);
    if (!when.isValid())
        return -1;
    const QDateTime current = now ? now() : QDateTime::currentDateTimeUtc();
    return std::max<qint64>(0, current.msecsTo(when)); // a date already past means "now"
}

RetryDecision RetryPolicy::decide(int attempt, int httpStatus, const HeaderList& headers) const
{
    RetryDecision decision;
    decision.serverDelayMs = serverDelayMs(headers);
    attempt = std::max(attempt, 0);
    if (!isRetryableStatus(httpStatus) || attempt >= maxRetries)
        return decision;

    if (decision.serverDelayMs >= 0) {
        // The server knows when it will be ready: wait exactly that, never less (no jitter below it).
        // A wait longer than maxServerDelayMs would look like a hang, so it is reported instead.
        if (decision.serverDelayMs > maxServerDelayMs) {
            decision.serverAskedTooLong = true;
            return decision;
        }
        decision.retry = true;
        decision.delayMs = decision.serverDelayMs;
        return decision;
    }

    // Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
    //   ceiling = min(maxBackoffMs, baseDelayMs * 2^attempt)
    //   delay   = max(floor, random() * ceiling),   floor = min(ceiling, max(1, baseDelayMs / 4))
    // Full jitter spreads clients that failed together; the floor keeps a retry from being instant, which
    // would hit an overloaded server again at once.
    const qint64 base = std::max<qint64>(baseDelayMs, 0);
    const qint64 cap = std::max<qint64>(maxBackoffMs, 0);
    qint64 ceiling = base;
    for (int i = 0; i < attempt && ceiling > 0 && ceiling < cap;
         ++i) // doubling stops at the cap: no overflow
        ceiling *= 2;
    ceiling = std::min(ceiling, cap);
    const qint64 floor = std::min(ceiling, std::max<qint64>(1, base / 4));

    double r = random ? random() : QRandomGenerator::global()->generateDouble();
    if (!(r >= 0.0)) // also catches NaN from a broken injected generator
        r = 0.0;
    r = std::min(r, 1.0);
    decision.retry = true;
    decision.delayMs = std::max(floor, static_cast<qint64>(r * static_cast<double>(ceiling)));
    return decision;
}

} // namespace ark::api
