// RetryPolicy: which statuses are retried, exponential backoff with full jitter, and Retry-After /
// retry-after-ms. The clock and the random source are injected, so every expected delay is exact.
#include "api/RetryPolicy.h"

#include <QtTest>

using ark::api::HeaderList;
using ark::api::RetryDecision;
using ark::api::RetryPolicy;

namespace {

// A fixed "now", so HTTP dates in Retry-After give exact delays.
const QDateTime kNow(QDate(2026, 4, 27), QTime(12, 0, 0), Qt::UTC);

RetryPolicy makePolicy(double randomValue, int maxRetries = 2)
{
    RetryPolicy policy;
    policy.maxRetries = maxRetries;
    policy.baseDelayMs = 1000;
    policy.maxBackoffMs = 20000;
    policy.maxServerDelayMs = 120000;
    policy.now = [] {
        return kNow;
    };
    policy.random = [randomValue] {
        return randomValue;
    };
    return policy;
}

HeaderList headers(std::initializer_list<std::pair<const char*, const char*>> list)
{
    HeaderList out;
    for (const auto& [name, value] : list)
        out.append({QByteArray(name), QByteArray(value)});
    return out;
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void retryableStatus_data();
    void retryableStatus();
    void attemptLimit_data();
    void attemptLimit();
    void backoff_data();
    void backoff();
    void defaultRandomStaysInRange();
    void serverDelay_data();
    void serverDelay();
    void decideWithServerDelay_data();
    void decideWithServerDelay();
};

void TestRetryPolicy::retryableStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("0 connection failure") << 0 << true;
    QTest::newRow("200") << 200 << false;
    QTest::newRow("301") << 301 << false;
    QTest::newRow("400") << 400 << false;
    QTest::newRow("401") << 401 << false;
    QTest::newRow("403") << 403 << false;
    QTest::newRow("404") << 404 << false;
    QTest::newRow("408") << 408 << true;
    QTest::newRow("409") << 409 << true;
    QTest::newRow("410 retired") << 410 << false;
    QTest::newRow("413") << 413 << false;
    QTest::newRow("422") << 422 << false;
    QTest::newRow("429") << 429 << true;
    QTest::newRow("499") << 499 << false;
    QTest::newRow("500") << 500 << true;
    QTest::newRow("502") << 502 << true;
    QTest::newRow("503") << 503 << true;
    QTest::newRow("504") << 504 << true;
    QTest::newRow("599") << 599 << true;
    QTest::newRow("600") << 600 << false;
    QTest::newRow("negative") << -1 << false;
}

void TestRetryPolicy::retryableStatus()
{
    QFETCH(int, status);
    QFETCH(bool, retryable);

    QCOMPARE(RetryPolicy::isRetryableStatus(status), retryable);
    // decide() agrees on the first attempt.
    const RetryDecision decision = makePolicy(0.5).decide(0, status, {});
    QCOMPARE(decision.retry, retryable);
    QCOMPARE(decision.delayMs, retryable ? qint64(500) : qint64(0));
    QVERIFY(!decision.serverAskedTooLong);
    QCOMPARE(decision.serverDelayMs, qint64(-1));
}

void TestRetryPolicy::attemptLimit_data()
{
    QTest::addColumn<int>("maxRetries");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<bool>("retry");

    QTest::newRow("max 0, attempt 0") << 0 << 0 << false;
    QTest::newRow("max 2, attempt 0") << 2 << 0 << true;
    QTest::newRow("max 2, attempt 1") << 2 << 1 << true;
    QTest::newRow("max 2, attempt 2") << 2 << 2 << false;
    QTest::newRow("max 2, attempt 7") << 2 << 7 << false;
    QTest::newRow("max 5, attempt 4") << 5 << 4 << true;
}

void TestRetryPolicy::attemptLimit()
{
    QFETCH(int, maxRetries);
    QFETCH(int, attempt);
    QFETCH(bool, retry);

    const RetryPolicy policy = makePolicy(0.5, maxRetries);
    for (const int status : {0, 429, 503}) {
        const RetryDecision decision = policy.decide(attempt, status, {});
        QCOMPARE(decision.retry, retry);
        QCOMPARE(decision.delayMs > 0, retry);
    }
    // A server delay does not lift the limit either.
    QCOMPARE(policy.decide(attempt, 429, headers({{"Retry-After", "1"}})).retry, retry);
}

void TestRetryPolicy::backoff_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("delayMs");

    // ceiling = min(20000, 1000 * 2^attempt); delay = max(250, random * ceiling).
    QTest::newRow("r=0 attempt 0: floor") << 0.0 << 0 << qint64(250);
    QTest::newRow("r=0 attempt 3: floor") << 0.0 << 3 << qint64(250);
    QTest::newRow("r=0 attempt 9: floor") << 0.0 << 9 << qint64(250);
    QTest::newRow("r=0.1 attempt 0: floor wins") << 0.1 << 0 << qint64(250);
    QTest::newRow("r=0.5 attempt 0") << 0.5 << 0 << qint64(500);
    QTest::newRow("r=0.5 attempt 1") << 0.5 << 1 << qint64(1000);
    QTest::newRow("r=0.5 attempt 2") << 0.5 << 2 << qint64(2000);
    QTest::newRow("r=0.5 attempt 3") << 0.5 << 3 << qint64(4000);
    QTest::newRow("r=0.5 attempt 4") << 0.5 << 4 << qint64(8000);
    QTest::newRow("r=0.5 attempt 5: capped") << 0.5 << 5 << qint64(10000);
    QTest::newRow("r=0.5 attempt 30: capped") << 0.5 << 30 << qint64(10000);
    QTest::newRow("r=0.999 attempt 0") << 0.999 << 0 << qint64(999);
    QTest::newRow("r=0.999 attempt 2") << 0.999 << 2 << qint64(3996);
    QTest::newRow("r=0.999 attempt 4") << 0.999 << 4 << qint64(15984);
    QTest::newRow("r=0.999 attempt 5: capped") << 0.999 << 5 << qint64(19980);
    QTest::newRow("r=0.999 attempt 1000: capped") << 0.999 << 1000 << qint64(19980);
    // A broken generator is clamped instead of producing a negative or an over-the-cap delay.
    QTest::newRow("r=1.5 clamped to the cap") << 1.5 << 6 << qint64(20000);
    QTest::newRow("r=-1 clamped to the floor") << -1.0 << 2 << qint64(250);
    QTest::newRow("r=NaN clamped to the floor")
        << std::numeric_limits<double>::quiet_NaN() << 2 << qint64(250);
}

void TestRetryPolicy::backoff()
{
    QFETCH(double, random);
    QFETCH(int, attempt);
    QFETCH(qint64, delayMs);

    const RetryPolicy policy = makePolicy(random, attempt + 1);
    const RetryDecision decision = policy.decide(attempt, 503, {});
    QVERIFY(decision.retry);
    QCOMPARE(decision.delayMs, delayMs);
    QCOMPARE(decision.serverDelayMs, qint64(-1));
    QVERIFY(!decision.serverAskedTooLong);
}

void TestRetryPolicy::defaultRandomStaysInRange()
{
    // Without an injected random, QRandomGenerator is used: every delay stays within [floor, ceiling].
    RetryPolicy policy;
    policy.maxRetries = 10;
    QVERIFY(!policy.random);
    for (int attempt = 0; attempt < 10; ++attempt) {
        const qint64 ceiling = std::min<qint64>(policy.maxBackoffMs, policy.baseDelayMs << attempt);
        for (int i = 0; i < 50; ++i) {
            const RetryDecision decision = policy.decide(attempt, 500, {});
            QVERIFY(decision.retry);
            QVERIFY2(decision.delayMs >= policy.baseDelayMs / 4 && decision.delayMs <= ceiling,
                     qPrintable(QString::number(decision.delayMs)));
        }
    }
}

void TestRetryPolicy::serverDelay_data()
{
    QTest::addColumn<HeaderList>("input");
    QTest::addColumn<qint64>("delayMs");

    QTest::newRow("none") << HeaderList{} << qint64(-1);
    QTest::newRow("unrelated headers") << headers({{"Content-Type", "application/json"}}) << qint64(-1);
    QTest::newRow("Retry-After seconds") << headers({{"Retry-After", "7"}}) << qint64(7000);
    QTest::newRow("Retry-After zero") << headers({{"Retry-After", "0"}}) << qint64(0);
    QTest::newRow("Retry-After padded") << headers({{"Retry-After", "  30 "}}) << qint64(30000);
    QTest::newRow("Retry-After decimal") << headers({{"Retry-After", "1.5"}}) << qint64(1500);
    QTest::newRow("Retry-After lower-case name") << headers({{"retry-after", "3"}}) << qint64(3000);
    QTest::newRow("Retry-After upper-case name") << headers({{"RETRY-AFTER", "3"}}) << qint64(3000);
    QTest::newRow("Retry-After HTTP date")
        << headers({{"Retry-After", "Mon, 27 Apr 2026 12:00:45 GMT"}}) << qint64(45000);
    QTest::newRow("Retry-After RFC 850 date")
        << headers({{"Retry-After", "Monday, 27-Apr-26 12:01:00 GMT"}}) << qint64(60000);
    QTest::newRow("Retry-After asctime date")
        << headers({{"Retry-After", "Mon Apr 27 12:00:10 2026"}}) << qint64(10000);
    QTest::newRow("Retry-After date in the past")
        << headers({{"Retry-After", "Mon, 27 Apr 2026 11:59:00 GMT"}}) << qint64(0);
    QTest::newRow("Retry-After far date")
        << headers({{"Retry-After", "Tue, 28 Apr 2026 12:00:00 GMT"}}) << qint64(86400000);
    QTest::newRow("retry-after-ms") << headers({{"retry-after-ms", "250"}}) << qint64(250);
    QTest::newRow("retry-after-ms fraction rounds up")
        << headers({{"retry-after-ms", "120.2"}}) << qint64(121);
    QTest::newRow("retry-after-ms wins over Retry-After")
        << headers({{"Retry-After", "10"}, {"Retry-After-Ms", "1500"}}) << qint64(1500);
    QTest::newRow("retry-after-ms wins over a date")
        << headers({{"Retry-After", "Mon, 27 Apr 2026 12:00:45 GMT"}, {"retry-after-ms", "80"}})
        << qint64(80);
    QTest::newRow("invalid retry-after-ms falls back to Retry-After")
        << headers({{"retry-after-ms", "soon"}, {"Retry-After", "2"}}) << qint64(2000);
    QTest::newRow("first Retry-After counts")
        << headers({{"Retry-After", "4"}, {"Retry-After", "9"}}) << qint64(4000);
    QTest::newRow("huge number stays positive")
        << headers({{"Retry-After", "99999999999999999999"}}) << qint64(1e15);

    // Unreadable values are ignored entirely.
    QTest::newRow("negative seconds") << headers({{"Retry-After", "-5"}}) << qint64(-1);
    QTest::newRow("plus sign") << headers({{"Retry-After", "+5"}}) << qint64(-1);
    QTest::newRow("empty") << headers({{"Retry-After", ""}}) << qint64(-1);
    QTest::newRow("words") << headers({{"Retry-After", "a while"}}) << qint64(-1);
    QTest::newRow("unit suffix") << headers({{"Retry-After", "5s"}}) << qint64(-1);
    QTest::newRow("two dots") << headers({{"Retry-After", "1.2.3"}}) << qint64(-1);
    QTest::newRow("trailing dot") << headers({{"Retry-After", "5."}}) << qint64(-1);
    QTest::newRow("exponent") << headers({{"Retry-After", "1e3"}}) << qint64(-1);
    QTest::newRow("inf") << headers({{"Retry-After", "inf"}}) << qint64(-1);
    QTest::newRow("invalid date") << headers({{"Retry-After", "Mon, 32 Apr 2026 12:00:45 GMT"}})
                                  << qint64(-1);
    QTest::newRow("negative retry-after-ms alone") << headers({{"retry-after-ms", "-100"}}) << qint64(-1);
    QTest::newRow("nan retry-after-ms alone") << headers({{"retry-after-ms", "nan"}}) << qint64(-1);
}

void TestRetryPolicy::serverDelay()
{
    QFETCH(HeaderList, input);
    QFETCH(qint64, delayMs);

    QCOMPARE(makePolicy(0.5).serverDelayMs(input), delayMs);
}

void TestRetryPolicy::decideWithServerDelay_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<HeaderList>("input");
    QTest::addColumn<bool>("retry");
    QTest::addColumn<qint64>("delayMs");
    QTest::addColumn<bool>("tooLong");
    QTest::addColumn<qint64>("serverDelayMs");

    // The injected random is 0.5, so backoff on attempt 0 would give 500 ms.
    QTest::newRow("Retry-After seconds honoured")
        << 429 << headers({{"Retry-After", "7"}}) << true << qint64(7000) << false << qint64(7000);
    QTest::newRow("short server delay not raised to backoff")
        << 503 << headers({{"retry-after-ms", "100"}}) << true << qint64(100) << false << qint64(100);
    QTest::newRow("Retry-After zero means at once")
        << 503 << headers({{"Retry-After", "0"}}) << true << qint64(0) << false << qint64(0);
    QTest::newRow("HTTP date relative to the injected now")
        << 503 << headers({{"Retry-After", "Mon, 27 Apr 2026 12:00:45 GMT"}}) << true << qint64(45000)
        << false << qint64(45000);
    QTest::newRow("past date: retry at once")
        << 503 << headers({{"Retry-After", "Mon, 27 Apr 2026 11:00:00 GMT"}}) << true << qint64(0) << false
        << qint64(0);
    QTest::newRow("retry-after-ms precedence")
        << 429 << headers({{"Retry-After", "60"}, {"retry-after-ms", "1500"}}) << true << qint64(1500)
        << false << qint64(1500);
    QTest::newRow("exactly 120 s is still waited for")
        << 429 << headers({{"Retry-After", "120"}}) << true << qint64(120000) << false << qint64(120000);
    QTest::newRow("over 120 s: reported, not retried")
        << 429 << headers({{"Retry-After", "121"}}) << false << qint64(0) << true << qint64(121000);
    QTest::newRow("date over 120 s away")
        << 503 << headers({{"Retry-After", "Mon, 27 Apr 2026 13:00:00 GMT"}}) << false << qint64(0) << true
        << qint64(3600000);
    QTest::newRow("invalid Retry-After falls back to backoff")
        << 503 << headers({{"Retry-After", "later"}}) << true << qint64(500) << false << qint64(-1);
    QTest::newRow("invalid retry-after-ms and Retry-After fall back to backoff")
        << 429 << headers({{"retry-after-ms", "x"}, {"Retry-After", "-3"}}) << true << qint64(500) << false
        << qint64(-1);
    QTest::newRow("final status ignores Retry-After")
        << 410 << headers({{"Retry-After", "5"}}) << false << qint64(0) << false << qint64(5000);
    QTest::newRow("400 ignores a long Retry-After")
        << 400 << headers({{"Retry-After", "600"}}) << false << qint64(0) << false << qint64(600000);
}

void TestRetryPolicy::decideWithServerDelay()
{
    QFETCH(int, status);
    QFETCH(HeaderList, input);
    QFETCH(bool, retry);
    QFETCH(qint64, delayMs);
    QFETCH(bool, tooLong);
    QFETCH(qint64, serverDelayMs);

    const RetryDecision decision = makePolicy(0.5).decide(0, status, input);
    QCOMPARE(decision.retry, retry);
    QCOMPARE(decision.delayMs, delayMs);
    QCOMPARE(decision.serverAskedTooLong, tooLong);
    QCOMPARE(decision.serverDelayMs, serverDelayMs);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
