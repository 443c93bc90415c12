// When to retry and how long to wait: exponential backoff with full jitter, honouring
// Retry-After (seconds or HTTP date) and retry-after-ms. Time and randomness are injected.
#pragma once

#include "Deprecation.h"

#include <QDateTime>
#include <functional>

namespace ark::api {

struct RetryDecision {
    bool retry = false;
    qint64 delayMs = 0;
    bool serverAskedTooLong = false; // the server asked for more than maxServerDelayMs: reported, not waited for
    qint64 serverDelayMs = -1;       // what the server asked for, -1 when it did not
};

class RetryPolicy {
public:
    int maxRetries = 2;
    qint64 baseDelayMs = 1000;
    qint64 maxBackoffMs = 20000;
    qint64 maxServerDelayMs = 120000;
    std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };
    std::function<double()> random; // uniform in [0, 1); default: QRandomGenerator

    // Statuses retried before the first answer byte: 408, 409, 429, 5xx; plus connection failures
    // (status 0). 410 and every other 4xx are final.
    static bool isRetryableStatus(int httpStatus);

    // `attempt` counts retries already made (0 before the first retry).
    // `httpStatus` 0 means a connection failure.
    RetryDecision decide(int attempt, int httpStatus, const HeaderList& headers) const;

    // Parses Retry-After / retry-after-ms; -1 when absent or unparsable.
    qint64 serverDelayMs(const HeaderList& headers) const;
};

} // namespace ark::api
