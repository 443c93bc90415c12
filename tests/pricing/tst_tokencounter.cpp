// The tokenization client against the real loopback server over 127.0.0.1: batches, the cache,
// the debounce, cancelling a stale call, and the estimates when no exact count is possible; long
// conversations (their JSON built and read on a worker) counted right, and stale answers dropped.
// The loopback tokenizer: whitespace separates, each CJK character is one token, a run of letters
// and digits is one token, a run of other symbols is one token ("Hello, world!" = 4).
#include "pricing/TokenCounter.h"
#include "pricing/TokenEstimator.h"
#include "support/LoopbackServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace ark::pricing;
using ark::testsupport::LoopbackServer;
using ark::testsupport::ScriptedResponse;
using ark::testsupport::Step;

Q_DECLARE_METATYPE(QList<ark::pricing::TokenCount>)

namespace {

const QString kKey = QStringLiteral("test-key-do-not-log-3f9a");
const QString kModel = QStringLiteral("doubao-seed-1-6-250615");
constexpr int kLongDebounceMs = 2000; // long enough that request() calls in one go are "while typing"

QStringList logged; // every message logged while the tests ran
QtMessageHandler previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    logged << message;
    if (previousHandler)
        previousHandler(type, context, message);
}

QStringList sentTexts(const ark::testsupport::RecordedRequest& request)
{
    QStringList texts;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    for (const QJsonValue& t : body.value(QLatin1String("text")).toArray())
        texts << t.toString();
    return texts;
}

// A tokenization answer that never comes: the slow endpoint for cancellation tests.
ScriptedResponse stalled()
{
    ScriptedResponse r;
    r.status = 200;
    r.headers = {{"Content-Type", "application/json"}};
    r.chunked = true;
    r.steps = {Step::stall()};
    return r;
}

struct CountResult
{
    QList<TokenCount> counts;
    ark::api::ApiError error;
    bool done = false;
};

} // namespace

class TstTokencounter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qRegisterMetaType<QList<ark::pricing::TokenCount>>();
        previousHandler = qInstallMessageHandler(captureMessages);
        qInfo("every message is checked for the API key at the end");
    }

    void init()
    {
        m_server = std::make_unique<LoopbackServer>();
        QVERIFY(m_server->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_counter = std::make_unique<TokenCounter>(m_nam.get());
        m_counter->setEndpoint(m_server->baseUrl(), kKey);
    }

    void cleanup()
    {
        m_counter.reset();
        m_nam.reset();
        m_server.reset();
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(previousHandler);
        QVERIFY(!logged.isEmpty()); // the capture works
        for (const QString& message : std::as_const(logged))
            QVERIFY2(!message.contains(kKey), "the API key was logged");
    }

    void batchIsOneCall()
    {
        const CountResult r = countNow(
            {QStringLiteral("Hello, world!"), QStringLiteral("你好，世界"), QStringLiteral("gpt-4o")});
        QVERIFY(!r.error.isError());
        QCOMPARE(r.counts.size(), 3);
        QCOMPARE(r.counts[0].tokens, qint64(4));
        QCOMPARE(r.counts[1].tokens, qint64(5));
        QCOMPARE(r.counts[2].tokens, qint64(3));
        for (const TokenCount& c : r.counts) {
            QVERIFY(c.exact);
            QVERIFY(c.note.isEmpty());
        }
        QCOMPARE(m_counter->callsMade(), 1);
        QCOMPARE(m_server->requests().size(), 1);
        const auto& request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QVERIFY(request.path.endsWith("/api/v3/tokenization"));
        QCOMPARE(request.header("Authorization"), "Bearer " + kKey.toUtf8());
        QVERIFY(request.header("Content-Type").startsWith("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QLatin1String("model")).toString(), kModel);
        QCOMPARE(sentTexts(request), (QStringList{QStringLiteral("Hello, world!"),
                                                  QStringLiteral("你好，世界"), QStringLiteral("gpt-4o")}));
    }

    void cachedTextsMakeNoCall()
    {
        countNow({QStringLiteral("Hello, world!"), QStringLiteral("gpt-4o")});
        QCOMPARE(m_server->requests().size(), 1);
        // Both cached: answered at once, no call.
        CountResult r = countNow({QStringLiteral("gpt-4o"), QStringLiteral("Hello, world!")});
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_counter->callsMade(), 1);
        QCOMPARE(r.counts[0].tokens, qint64(3));
        QVERIFY(r.counts[0].exact && r.counts[1].exact);
        // One new text (twice) and one cached: only the new one is sent, once.
        r = countNow({QStringLiteral("Hello, world!"), QStringLiteral("one two"), QStringLiteral("one two")});
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(sentTexts(m_server->requests().last()), QStringList{QStringLiteral("one two")});
        QCOMPARE(r.counts.size(), 3);
        QCOMPARE(r.counts[0].tokens, qint64(4));
        QCOMPARE(r.counts[1].tokens, qint64(2));
        QCOMPARE(r.counts[2].tokens, qint64(2));
        // The cache is per model.
        countNow({QStringLiteral("one two")}, QStringLiteral("doubao-seed-1-6-flash-250615"));
        QCOMPARE(m_server->requests().size(), 3);
        // An empty text needs no call and counts 0.
        r = countNow({QString()});
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(r.counts[0].tokens, qint64(0));
        QVERIFY(r.counts[0].exact);
        m_counter->clearCache();
        countNow({QStringLiteral("one two")});
        QCOMPARE(m_server->requests().size(), 4);
    }

    void debounceMakesOneCallForATypingBurst()
    {
        m_counter->setDebounceMs(kLongDebounceMs);
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        const QString system = QStringLiteral("Be brief.");
        // Typing "Hello world" key by key: every request() in one go, before the interval ends.
        QString draft;
        for (const QChar c : QStringLiteral("Hello world")) {
            draft += c;
            m_counter->request(kModel, {system, draft});
        }
        QVERIFY(m_counter->isBusy());
        QCOMPARE(m_counter->callsMade(), 0); // nothing before the interval ends
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QCOMPARE(m_counter->callsMade(), 1);
        QCOMPARE(m_counter->callsCancelled(), 0);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(sentTexts(m_server->requests().first()),
                 (QStringList{system, QStringLiteral("Hello world")}));
        const auto counts = spy.first().at(0).value<QList<TokenCount>>();
        QCOMPARE(counts.size(), 2);
        QCOMPARE(counts[0].tokens, qint64(3)); // Be brief .
        QCOMPARE(counts[1].tokens, qint64(2));
        QCOMPARE(spy.first().at(1).toLongLong(), qint64(5));
        QVERIFY(spy.first().at(2).toBool());
        QVERIFY(!m_counter->isBusy());

        // More typing: the unchanged system prompt comes from the cache, only the draft is sent.
        m_counter->request(kModel, {system, QStringLiteral("Hello world again")});
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 30000);
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(sentTexts(m_server->requests().last()), QStringList{QStringLiteral("Hello world again")});
        QCOMPARE(spy.last().at(1).toLongLong(), qint64(6));

        // Going back to a counted text answers at once, without a call or a wait.
        m_counter->request(kModel, {system, QStringLiteral("Hello world")});
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.last().at(1).toLongLong(), qint64(5));
        QCOMPARE(m_counter->callsMade(), 2);
        QVERIFY(!m_counter->isBusy());
    }

    void staleCallIsCancelled()
    {
        m_counter->setDebounceMs(0);
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        m_server->enqueue("/tokenization", stalled()); // the first call never gets its answer
        m_counter->request(kModel, {QStringLiteral("first draft")});
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 30000);
        QVERIFY(m_counter->isBusy());
        QCOMPARE(spy.count(), 0);

        // The person typed on: the running call is for a stale text and is aborted.
        m_counter->request(kModel, {QStringLiteral("second draft, longer")});
        QCOMPARE(m_counter->callsCancelled(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QCOMPARE(m_counter->callsMade(), 2);
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(sentTexts(m_server->requests().last()), QStringList{QStringLiteral("second draft, longer")});
        const auto counts = spy.first().at(0).value<QList<TokenCount>>();
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts[0].tokens, qint64(4)); // second draft , longer
        QVERIFY(counts[0].exact);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->openConnections() <= 1, 30000); // the stalled one was closed
    }

    void runningCallThatCoversTheNewRequestIsKept()
    {
        m_counter->setDebounceMs(0);
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        m_server->enqueue("/tokenization", stalled());
        m_counter->request(kModel, {QStringLiteral("alpha"), QStringLiteral("beta")});
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 30000);
        // The same texts again (a repaint, a re-send of the same draft): nothing to cancel.
        m_counter->request(kModel, {QStringLiteral("beta"), QStringLiteral("alpha")});
        QCOMPARE(m_counter->callsCancelled(), 0);
        QCOMPARE(m_counter->callsMade(), 1);
        QVERIFY(m_counter->isBusy());
        QCOMPARE(spy.count(), 0);
    }

    void cachedRequestAbortsTheStaleCall()
    {
        countNow({QStringLiteral("cached")});
        m_counter->setDebounceMs(0);
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        m_server->enqueue("/tokenization", stalled());
        m_counter->request(kModel, {QStringLiteral("not yet counted")});
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, 30000);
        m_counter->request(kModel, {QStringLiteral("cached")});
        QCOMPARE(m_counter->callsCancelled(), 1);
        QCOMPARE(spy.count(), 1); // answered from the cache at once
        QCOMPARE(spy.first().at(1).toLongLong(), qint64(1));
        QVERIFY(!m_counter->isBusy());
    }

    void noKeyGivesEstimates()
    {
        m_counter->setEndpoint(m_server->baseUrl(), QString());
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        const QString text = QStringLiteral("天空为什么是蓝色的？Because of Rayleigh scattering.");
        m_counter->request(kModel, {text});
        QCOMPARE(spy.count(), 1); // no call to wait for
        const auto counts = spy.first().at(0).value<QList<TokenCount>>();
        QCOMPARE(counts.size(), 1);
        QVERIFY(!counts[0].exact);
        QVERIFY(!counts[0].note.isEmpty());
        QCOMPARE(counts[0].tokens, estimateTextTokens(text));
        QVERIFY(!spy.first().at(2).toBool());
        const CountResult r = countNow({text});
        QVERIFY(!r.error.isError());
        QVERIFY(!r.counts[0].exact);
        QCOMPARE(m_counter->callsMade(), 0);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void invalidUrlGivesEstimates()
    {
        m_counter->setEndpoint(QUrl(QStringLiteral("ftp://127.0.0.1/x")), kKey);
        const CountResult r = countNow({QStringLiteral("hello")});
        QVERIFY(!r.counts[0].exact);
        QCOMPARE(m_counter->callsMade(), 0);
    }

    void errorsGiveEstimatesWithTheReason_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("401")
            << 401
            << QByteArray(R"({"error":{"code":"AuthenticationError","message":"The API key is invalid."}})")
            << int(ark::api::ErrorKind::Authentication);
        QTest::newRow("404 model")
            << 404 << QByteArray(R"({"error":{"code":"InvalidEndpointOrModel.NotFound","message":"no"}})")
            << int(ark::api::ErrorKind::NotFound);
        QTest::newRow("500") << 500
                             << QByteArray(R"({"error":{"code":"InternalServiceError","message":"oops"}})")
                             << int(ark::api::ErrorKind::Server);
        QTest::newRow("200 not json")
            << 200 << QByteArray("not json") << int(ark::api::ErrorKind::MalformedChunk);
        QTest::newRow("200 wrong count")
            << 200 << QByteArray(R"({"data":[]})") << int(ark::api::ErrorKind::MalformedChunk);
        const int malformed = int(ark::api::ErrorKind::MalformedChunk);
        QTest::newRow("data not an array")
            << 200 << QByteArray(R"({"data":{"total_tokens":1}})") << malformed;
        QTest::newRow("entries not objects") << 200 << QByteArray(R"({"data":[1,2]})") << malformed;
        QTest::newRow("total not a number")
            << 200 << QByteArray(R"({"data":[{"total_tokens":"3"},{"total_tokens":1}]})") << malformed;
        QTest::newRow("total missing")
            << 200 << QByteArray(R"({"data":[{"index":0},{"total_tokens":1}]})") << malformed;
        QTest::newRow("negative total")
            << 200 << QByteArray(R"({"data":[{"total_tokens":-1},{"total_tokens":1}]})") << malformed;
        QTest::newRow("index twice")
            << 200 << QByteArray(R"({"data":[{"index":0,"total_tokens":1},{"index":0,"total_tokens":2}]})")
            << malformed;
        QTest::newRow("index out of range")
            << 200 << QByteArray(R"({"data":[{"index":0,"total_tokens":1},{"index":2,"total_tokens":2}]})")
            << malformed;
        QTest::newRow("index not a number")
            << 200 << QByteArray(R"({"data":[{"index":"0","total_tokens":1},{"index":1,"total_tokens":2}]})")
            << malformed;
        QTest::newRow("root an array")
            << 200 << QByteArray(R"([{"total_tokens":1},{"total_tokens":1}])") << malformed;
        QTest::newRow("trailing bytes")
            << 200 << QByteArray(R"({"data":[{"total_tokens":1},{"total_tokens":1}]} x)") << malformed;
    }
    void errorsGiveEstimatesWithTheReason()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        m_server->enqueue("/tokenization", ScriptedResponse::json(status, body));
        const CountResult r = countNow({QStringLiteral("hello there"), QStringLiteral("你好")});
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(r.counts.size(), 2);
        QVERIFY(!r.counts[0].exact);
        QVERIFY(!r.counts[0].note.isEmpty());
        QCOMPARE(r.counts[1].tokens, estimateTextTokens(QStringLiteral("你好")));
        // Nothing was cached from the failure: the next call asks again and gets exact counts.
        const CountResult again = countNow({QStringLiteral("hello there")});
        QVERIFY(!again.error.isError());
        QVERIFY(again.counts[0].exact);
        QCOMPARE(again.counts[0].tokens, qint64(2));
        QCOMPARE(m_counter->callsMade(), 2);
    }

    // Counts are matched to texts by data[].index; token ids, offsets and anything else in the
    // answer are skipped.
    void answersAreMatchedByIndex()
    {
        m_server->enqueue("/tokenization", ScriptedResponse::json(200, R"({"id":"x","data":[
                              {"index":1,"object":"tokenization","total_tokens":7,"token_ids":[1,2,3],
                               "offset_mapping":[[0,1],[1,2]],"extra":{"total_tokens":99}},
                              {"object":"tokenization","index":0,"total_tokens":3.0,"token_ids":[]}],
                              "usage":{"total_tokens":10}})"));
        const CountResult r = countNow({QStringLiteral("first"), QStringLiteral("second")});
        QVERIFY(!r.error.isError());
        QCOMPARE(r.counts.size(), 2);
        QCOMPARE(r.counts[0].tokens, qint64(3));
        QCOMPARE(r.counts[1].tokens, qint64(7));
        QVERIFY(r.counts[0].exact && r.counts[1].exact);
    }

    // The request body carries every character as it is (quotes, backslashes, control characters,
    // CJK, emoji), whether written at once or on a worker for a long batch.
    void bodyCarriesEveryCharacter()
    {
        const QString odd = QStringLiteral("say \"hi\" \\ back\nslash\ttab \x01\x1f 你好 🙂 /end");
        countNow({odd, QStringLiteral("plain")});
        QCOMPARE(sentTexts(m_server->requests().last()), (QStringList{odd, QStringLiteral("plain")}));
        QStringList many;
        for (int i = 0; i < kLongConversation; ++i)
            many << odd + QString::number(i);
        countNow(many);
        QCOMPARE(sentTexts(m_server->requests().last()), many);
    }

    void liveErrorEmitsEstimates()
    {
        m_counter->setDebounceMs(0);
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        m_server->enqueue(
            "/tokenization",
            ScriptedResponse::json(
                429, R"({"error":{"code":"RateLimitExceeded.EndpointRPMExceeded","message":"slow down"}})"));
        m_counter->request(kModel, {QStringLiteral("some draft")});
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        const auto counts = spy.first().at(0).value<QList<TokenCount>>();
        QVERIFY(!counts[0].exact);
        QVERIFY(!counts[0].note.isEmpty());
        QVERIFY(!spy.first().at(2).toBool());
    }

    void connectionRefusedGivesEstimates()
    {
        const QUrl url = m_server->baseUrl();
        m_server.reset(); // nothing listens there any more
        m_counter->setEndpoint(url, kKey);
        const CountResult r = countNow({QStringLiteral("hello")});
        QCOMPARE(r.error.kind, ark::api::ErrorKind::Network);
        QVERIFY(!r.counts[0].exact);
        QCOMPARE(r.counts[0].tokens, qint64(1));
    }

    void destroyingWhileBusyIsSafe()
    {
        m_counter->setDebounceMs(0);
        m_server->enqueue("/tokenization", stalled());
        bool called = false;
        m_counter->countNow(kModel, {QStringLiteral("never answered")},
                            [&](const QList<TokenCount>&, const ark::api::ApiError&) { called = true; });
        m_counter->request(kModel, {QStringLiteral("also pending")});
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->requests().isEmpty(), 30000);
        m_counter.reset();
        QTest::qWait(50); // let the aborted replies finish: nothing may call into the deleted counter
        QVERIFY(!called);
    }

    // A conversation of more texts than the cache keeps (and megabytes of JSON both ways, built and
    // read on a worker): counted exactly once, and while the person types under it only the draft
    // is sent again, each time (the cache keeps what the latest request uses).
    void longConversationStaysCountedWhileTyping()
    {
        m_counter->setDebounceMs(0);
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        const QString system = QStringLiteral("Be brief.");
        QStringList texts{system, QString()};
        for (int i = 0; i < kLongerThanTheCache; ++i)
            texts << QStringLiteral("message %1 says hello").arg(i); // 4 tokens each
        texts << QStringLiteral("Hello world");
        m_counter->request(kModel, texts);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 60000);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(sentTexts(m_server->requests().first()).size(), kLongerThanTheCache + 2);
        auto counts = spy.last().at(0).value<QList<TokenCount>>();
        QCOMPARE(counts.size(), texts.size());
        QCOMPARE(counts[0].tokens, qint64(3));
        QCOMPARE(counts[1].tokens, qint64(0));
        for (int i = 2; i < kLongerThanTheCache + 2; ++i)
            QCOMPARE(counts[i].tokens, qint64(4));
        QCOMPARE(counts.last().tokens, qint64(2));
        QCOMPARE(spy.last().at(1).toLongLong(), qint64(3 + 4 * kLongerThanTheCache + 2));
        QVERIFY(spy.last().at(2).toBool());

        for (const QString& draft :
             {QStringLiteral("Hello world again"), QStringLiteral("Hello world again and again")}) {
            const int answers = int(spy.count());
            const int calls = int(m_server->requests().size());
            texts.last() = draft;
            m_counter->request(kModel, texts);
            QTRY_COMPARE_WITH_TIMEOUT(spy.count(), answers + 1, 30000);
            QCOMPARE(m_server->requests().size(), calls + 1);
            QCOMPARE(sentTexts(m_server->requests().last()), QStringList{draft});
            counts = spy.last().at(0).value<QList<TokenCount>>();
            QCOMPARE(counts.size(), texts.size());
            QCOMPARE(counts.last().tokens, qint64(draft.count(QLatin1Char(' ')) + 1));
            QVERIFY(spy.last().at(2).toBool());
        }
        QTRY_VERIFY_WITH_TIMEOUT(!m_counter->isBusy(), 30000);
        QCOMPARE(m_counter->callsMade(), 3); // nothing went out again behind the answers
        QCOMPARE(m_server->requests().size(), 3);
    }

    void countNowOfALongConversation()
    {
        QStringList texts;
        for (int i = 0; i < kLongConversation; ++i)
            texts << QStringLiteral("line %1 of a long, long text").arg(i); // line N of a long , long text
        const CountResult r = countNow(texts);
        QVERIFY(!r.error.isError());
        QCOMPARE(r.counts.size(), texts.size());
        for (const TokenCount& count : r.counts) {
            QVERIFY(count.exact);
            QCOMPARE(count.tokens, qint64(8));
        }
        QCOMPARE(m_counter->callsMade(), 1);
    }

    // A long count superseded by a newer request never answers, whichever stage it was in.
    void supersededLongCountNeverAnswers()
    {
        m_counter->setDebounceMs(0);
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        QStringList longTexts;
        for (int i = 0; i < kLongConversation; ++i)
            longTexts << QStringLiteral("old text %1").arg(i);
        m_counter->request(kModel, longTexts);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 60000);
        m_counter->request(kModel, {QStringLiteral("the newer draft")});
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_counter->isBusy(), 30000);
        QCOMPARE(spy.count(), 1);
        const auto counts = spy.first().at(0).value<QList<TokenCount>>();
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts[0].tokens, qint64(3));
        QVERIFY(counts[0].exact);
    }

    // Without a key, thousands of texts are estimated on a worker: the answer comes a moment later,
    // a newer request answered meanwhile is not overwritten by it, and the estimates are kept.
    void longEstimatesArriveLaterAndStaleOnesAreDropped()
    {
        m_counter->setEndpoint(m_server->baseUrl(), QString());
        QSignalSpy spy(m_counter.get(), &TokenCounter::counted);
        QStringList longTexts;
        for (int i = 0; i < kLongConversation; ++i)
            longTexts
                << QStringLiteral("天空为什么是蓝色的？Because of Rayleigh scattering, part %1.").arg(i);
        m_counter->request(kModel, longTexts);
        QCOMPARE(spy.count(), 0); // on a worker
        QVERIFY(m_counter->isBusy());
        m_counter->request(kModel, {QStringLiteral("short")});
        QCOMPARE(spy.count(), 1); // small: at once
        QTRY_VERIFY_WITH_TIMEOUT(!m_counter->isBusy(), 30000);
        QCOMPARE(spy.count(), 1); // the long one's answer was dropped: it is no longer asked for
        QCOMPARE(spy.last().at(0).value<QList<TokenCount>>().size(), 1);

        // Asked again, it answers at once from the estimates made meanwhile, each one right.
        m_counter->request(kModel, longTexts);
        QCOMPARE(spy.count(), 2);
        const auto counts = spy.last().at(0).value<QList<TokenCount>>();
        QCOMPARE(counts.size(), longTexts.size());
        qint64 total = 0;
        for (qsizetype i = 0; i < counts.size(); ++i) {
            QVERIFY(!counts[i].exact);
            QVERIFY(!counts[i].note.isEmpty());
            QCOMPARE(counts[i].tokens, estimateTextTokens(longTexts[i]));
            total += counts[i].tokens;
        }
        QCOMPARE(spy.last().at(1).toLongLong(), total);
        QCOMPARE(m_server->requests().size(), 0);
    }

private:
    static constexpr int kLongConversation = 5000;
    static constexpr int kLongerThanTheCache = 17000; // the cache keeps 16,384 counts

    CountResult countNow(const QStringList& texts, const QString& model = kModel)
    {
        auto result = std::make_shared<CountResult>();
        m_counter->countNow(model, texts,
                            [result](const QList<TokenCount>& counts, const ark::api::ApiError& error) {
                                result->counts = counts;
                                result->error = error;
                                result->done = true;
                            });
        if (!QTest::qWaitFor([&] { return result->done; }, 30000))
            qWarning("countNow never answered");
        return *result;
    }

    std::unique_ptr<LoopbackServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<TokenCounter> m_counter;
};

QTEST_GUILESS_MAIN(TstTokencounter)
#include "tst_tokencounter.moc"
