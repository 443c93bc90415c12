// ApiError: HTTP status + body -> a typed error with the server's words and a message for a person.
// Bodies are the shapes of the protocol digest §5 and of the Krea 410 page (seed 001).
#include "api/ApiError.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace ark::api;

namespace {

// Seed 001, verbatim but for the tabs: the 410 Gone body of a retired Krea model.
const QByteArray kKrea410 =
    "{\n"
    "    \"error\": \"model_unavailable\",\n"
    "    \"reason\": \"deprecated\",\n"
    "    \"message\": \"The model 'video/bytedance/seedance-1.0-lite' was deprecated on 2026-04-27. Provider "
    "has discontinued this model. Use 'video/bytedance/seedance-1.0-pro-fast' instead.\",\n"
    "    \"sunset_date\": \"2026-04-27\",\n"
    "    \"replacement\": \"video/bytedance/seedance-1.0-pro-fast\",\n"
    "    \"migration_url\": \"https://docs.krea.ai/developers/deprecations#seedance-1-0-lite\"\n"
    "}";

const QByteArray kQuickStartAuth =
    R"json({"error":{"code":"AuthenticationError","message":"The API key or AK/SK in the request is missing or invalid. requestId: 021718000000000000000000000000000000000000000000abcdef"}})json";

const std::vector<ErrorKind> kAllKinds = {
    ErrorKind::None,
    ErrorKind::Authentication,
    ErrorKind::BadRequest,
    ErrorKind::NotFound,
    ErrorKind::RateLimited,
    ErrorKind::Server,
    ErrorKind::ModelRetired,
    ErrorKind::Network,
    ErrorKind::IdleTimeout,
    ErrorKind::StreamBroken,
    ErrorKind::MalformedChunk,
    ErrorKind::EventTooLarge,
    ErrorKind::ContentFiltered,
    ErrorKind::Redirected,
    ErrorKind::Cancelled,
};

} // namespace

class TestApiError : public QObject
{
    Q_OBJECT

private slots:
    void statusToKind_data();
    void statusToKind();
    void bodies_data();
    void bodies();
    void plainTextIsTruncated();
    void requestIdFromMessage_data();
    void requestIdFromMessage();
    void kindNames();
    void humanMessage_data();
    void humanMessage();
    void humanMessageQuotesTheServer();
    void fromErrorJson_data();
    void fromErrorJson();
};

void TestApiError::statusToKind_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("kind");
    const QList<QPair<int, const char*>> table = {
        {0, "network"},          {302, "redirected"},    {400, "bad_request"}, {401, "authentication"},
        {403, "authentication"}, {404, "not_found"},     {405, "bad_request"}, {408, "server"},
        {409, "bad_request"},    {410, "model_retired"}, {413, "bad_request"}, {422, "bad_request"},
        {429, "rate_limited"},   {500, "server"},        {502, "server"},      {503, "server"},
        {504, "server"},
    };
    for (const auto& [status, kind] : table)
        QTest::addRow("%d", status) << status << QString::fromLatin1(kind);
}

void TestApiError::statusToKind()
{
    QFETCH(int, status);
    const ApiError error = ApiError::fromHttp(status, QByteArray(), QString());
    QTEST(errorKindName(error.kind), "kind");
    QCOMPARE(error.httpStatus, status);
    QVERIFY(error.isError());
    QVERIFY(error.detail.isEmpty());
}

void TestApiError::bodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("detail"); // a substring the detail must contain; empty = detail empty

    QTest::newRow("quick-start AuthenticationError, id from the message")
        << 401 << kQuickStartAuth << QString() << QStringLiteral("authentication")
        << QStringLiteral("AuthenticationError")
        << QStringLiteral("The API key or AK/SK in the request is missing or invalid. requestId: "
                          "021718000000000000000000000000000000000000000000abcdef")
        << QString() << QString() << QStringLiteral("021718000000000000000000000000000000000000000000abcdef")
        << QString();
    QTest::newRow("header wins over the message")
        << 401 << kQuickStartAuth << QStringLiteral(" 02174118707871600000000000000000000ffffac152003cadb62 ")
        << QStringLiteral("authentication") << QStringLiteral("AuthenticationError")
        << QStringLiteral("The API key or AK/SK in the request is missing or invalid. requestId: "
                          "021718000000000000000000000000000000000000000000abcdef")
        << QString() << QString() << QStringLiteral("02174118707871600000000000000000000ffffac152003cadb62")
        << QString();
    QTest::newRow("the doc's truncated quick-start body is kept as text")
        << 401
        << QByteArray(
               R"({"error":{"code":"AuthenticationError","message":"The API key or AK/SK in the request is missing or invalid. requestId: 0217***)")
        << QString() << QStringLiteral("authentication") << QString() << QString() << QString() << QString()
        << QString() << QStringLiteral("missing or invalid");
    QTest::newRow("Krea 410: flat error string")
        << 410 << kKrea410 << QString() << QStringLiteral("model_retired")
        << QStringLiteral("model_unavailable")
        << QStringLiteral(
               "The model 'video/bytedance/seedance-1.0-lite' was deprecated on 2026-04-27. Provider has "
               "discontinued this model. Use 'video/bytedance/seedance-1.0-pro-fast' instead.")
        << QString() << QString() << QString() << QString();
    QTest::newRow("full error object with type and param")
        << 400
        << QByteArray(
               R"json({"error":{"code":"InvalidParameter","message":"A parameter specified in the request is not valid: input audio format must be pcm16 Request id: ****","type":"BadRequest","param":"input audio format must be pcm16"}})json")
        << QString() << QStringLiteral("bad_request") << QStringLiteral("InvalidParameter")
        << QStringLiteral(
               "A parameter specified in the request is not valid: input audio format must be pcm16 "
               "Request id: ****")
        << QStringLiteral("BadRequest") << QStringLiteral("input audio format must be pcm16") << QString()
        << QString();
    QTest::newRow("ServerOverloaded on 429 is a server problem")
        << 429 << QByteArray(R"json({"error":{"code":"ServerOverloaded","message":"busy"}})json") << QString()
        << QStringLiteral("server") << QStringLiteral("ServerOverloaded") << QStringLiteral("busy")
        << QString() << QString() << QString() << QString();
    QTest::newRow("rate-limit code on an odd status")
        << 400
        << QByteArray(
               R"json({"error":{"code":"RateLimitExceeded.EndpointRPMExceeded","message":"rpm","param":null}})json")
        << QString() << QStringLiteral("rate_limited")
        << QStringLiteral("RateLimitExceeded.EndpointRPMExceeded") << QStringLiteral("rpm") << QString()
        << QString() << QString() << QString();
    QTest::newRow("QuotaExceeded on 403")
        << 403 << QByteArray(R"json({"error":{"code":"QuotaExceeded","message":"q"}})json") << QString()
        << QStringLiteral("rate_limited") << QStringLiteral("QuotaExceeded") << QStringLiteral("q")
        << QString() << QString() << QString() << QString();
    QTest::newRow("AuthenticationError on 400")
        << 400 << QByteArray(R"json({"error":{"code":"AuthenticationError","message":"bad key"}})json")
        << QString() << QStringLiteral("authentication") << QStringLiteral("AuthenticationError")
        << QStringLiteral("bad key") << QString() << QString() << QString() << QString();
    QTest::newRow("410 stays final whatever the code")
        << 410 << QByteArray(R"json({"error":{"code":"RateLimitExceeded","message":"x"}})json") << QString()
        << QStringLiteral("model_retired") << QStringLiteral("RateLimitExceeded") << QStringLiteral("x")
        << QString() << QString() << QString() << QString();
    QTest::newRow("numeric code and object param are shown as text")
        << 500 << QByteArray(R"json({"error":{"code":1234,"message":"boom","param":{"a":1}}})json")
        << QString() << QStringLiteral("server") << QStringLiteral("1234") << QStringLiteral("boom")
        << QString() << QStringLiteral(R"({"a":1})") << QString() << QString();
    QTest::newRow("flat code and message")
        << 404
        << QByteArray(
               R"json({"code":"InvalidEndpointOrModel.NotFound","message":"The model or endpoint ep-x does not exist"})json")
        << QString() << QStringLiteral("not_found") << QStringLiteral("InvalidEndpointOrModel.NotFound")
        << QStringLiteral("The model or endpoint ep-x does not exist") << QString() << QString() << QString()
        << QString();
    QTest::newRow("plain text 502") << 502 << QByteArray("Bad Gateway\n") << QString()
                                    << QStringLiteral("server") << QString() << QString() << QString()
                                    << QString() << QString() << QStringLiteral("Bad Gateway");
    QTest::newRow("HTML page with a request id")
        << 503 << QByteArray("<html><body><h1>503</h1><p>Request ID: abc-123</p></body></html>") << QString()
        << QStringLiteral("server") << QString() << QString() << QString() << QString()
        << QStringLiteral("abc-123") << QStringLiteral("<h1>503</h1>");
    QTest::newRow("unrelated JSON is kept as text")
        << 500 << QByteArray(R"json({"status":"fail"})json") << QString() << QStringLiteral("server")
        << QString() << QString() << QString() << QString() << QString()
        << QStringLiteral(R"({"status":"fail"})");
    QTest::newRow("error object with empty fields is kept as text")
        << 400 << QByteArray(R"json({"error":{"code":"","message":null}})json") << QString()
        << QStringLiteral("bad_request") << QString() << QString() << QString() << QString() << QString()
        << QStringLiteral(R"("code":"")");
    QTest::newRow("error: null is not an error object")
        << 500 << QByteArray(R"json({"error":null})json") << QString() << QStringLiteral("server")
        << QString() << QString() << QString() << QString() << QString()
        << QStringLiteral(R"({"error":null})");
}

void TestApiError::bodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, header);
    QFETCH(QString, detail);
    const ApiError error = ApiError::fromHttp(status, body, header);
    QTEST(errorKindName(error.kind), "kind");
    QCOMPARE(error.httpStatus, status);
    QTEST(error.code, "code");
    QTEST(error.serverMessage, "message");
    QTEST(error.type, "type");
    QTEST(error.param, "param");
    QTEST(error.requestId, "requestId");
    if (detail.isEmpty())
        QVERIFY2(error.detail.isEmpty(), qPrintable(error.detail));
    else
        QVERIFY2(error.detail.contains(detail), qPrintable(error.detail));
}

void TestApiError::plainTextIsTruncated()
{
    const QByteArray body = QByteArray("错").repeated(3000); // 9000 bytes, 3 per character
    const ApiError error = ApiError::fromHttp(500, body, QString());
    QVERIFY(error.detail.endsWith(QStringLiteral("…")));
    QVERIFY2(error.detail.toUtf8().size() <= 2048 + 3, qPrintable(QString::number(error.detail.size())));
    QVERIFY(error.detail.size() > 600); // most of the 2 KB is kept
    QVERIFY(!error.detail.contains(QChar::ReplacementCharacter));
    QVERIFY(error.humanMessage().contains(QStringLiteral("错错错")));
}

void TestApiError::requestIdFromMessage_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("id");
    QTest::newRow("requestId:") << QStringLiteral("The API key is invalid. requestId: 0217abc")
                                << QStringLiteral("0217abc");
    QTest::newRow("Request id: with a full stop")
        << QStringLiteral("Not valid. Request id: 0217xyz.") << QStringLiteral("0217xyz");
    QTest::newRow("upper case") << QStringLiteral("REQUEST ID: ABC123") << QStringLiteral("ABC123");
    QTest::newRow("request_id=") << QStringLiteral("failed (request_id=abc-123_4)")
                                 << QStringLiteral("abc-123_4");
    QTest::newRow("no space after the colon") << QStringLiteral("requestid:xyz") << QStringLiteral("xyz");
    QTest::newRow("redacted 0217***") << QStringLiteral("invalid. requestId: 0217***") << QString();
    QTest::newRow("redacted ****") << QStringLiteral("pcm16 Request id: ****") << QString();
    QTest::newRow("redacted first, real later")
        << QStringLiteral("requestId: **** (retry requestId: 0217real)") << QStringLiteral("0217real");
    QTest::newRow("none") << QStringLiteral("The request failed.") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("label without value") << QStringLiteral("request id:") << QString();
}

void TestApiError::requestIdFromMessage()
{
    QFETCH(QString, message);
    QTEST(ark::api::requestIdFromMessage(message), "id");
}

void TestApiError::kindNames()
{
    const QRegularExpression snake(QStringLiteral("^[a-z]+(_[a-z]+)*$"));
    QSet<QString> names;
    for (ErrorKind kind : kAllKinds) {
        const QString name = errorKindName(kind);
        QVERIFY2(snake.match(name).hasMatch(), qPrintable(name));
        names.insert(name);
    }
    QCOMPARE(names.size(), qsizetype(kAllKinds.size()));
    QCOMPARE(errorKindName(ErrorKind::RateLimited), QStringLiteral("rate_limited"));
    QCOMPARE(errorKindName(ErrorKind::EventTooLarge), QStringLiteral("event_too_large"));
}

void TestApiError::humanMessage_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("phrase");

    QTest::newRow("none") << int(ErrorKind::None) << 0 << QString() << QStringLiteral("No error");
    QTest::newRow("401") << int(ErrorKind::Authentication) << 401 << QString()
                         << QStringLiteral("ark-workbench-cli key set");
    QTest::newRow("403") << int(ErrorKind::Authentication) << 403 << QString() << QStringLiteral("no access");
    QTest::newRow("400") << int(ErrorKind::BadRequest) << 400 << QString() << QStringLiteral("invalid");
    QTest::newRow("404") << int(ErrorKind::NotFound) << 404 << QString() << QStringLiteral("model ID");
    QTest::newRow("429") << int(ErrorKind::RateLimited) << 429 << QString() << QStringLiteral("max tokens");
    QTest::newRow("500") << int(ErrorKind::Server) << 500 << QString() << QStringLiteral("Try again later");
    QTest::newRow("overloaded") << int(ErrorKind::Server) << 429 << QStringLiteral("ServerOverloaded")
                                << QStringLiteral("overloaded");
    QTest::newRow("410") << int(ErrorKind::ModelRetired) << 410 << QString() << QStringLiteral("replacement");
    QTest::newRow("network") << int(ErrorKind::Network) << 0 << QString() << QStringLiteral("base URL");
    QTest::newRow("idle") << int(ErrorKind::IdleTimeout) << 200 << QString() << QStringLiteral("no data");
    QTest::newRow("broken") << int(ErrorKind::StreamBroken) << 200 << QString()
                            << QStringLiteral("partial answer was kept");
    QTest::newRow("malformed") << int(ErrorKind::MalformedChunk) << 200 << QString()
                               << QStringLiteral("unexpected format");
    QTest::newRow("too large") << int(ErrorKind::EventTooLarge) << 200 << QString()
                               << QStringLiteral("memory");
    QTest::newRow("filtered") << int(ErrorKind::ContentFiltered) << 200 << QString()
                              << QStringLiteral("content moderation");
    QTest::newRow("redirected") << int(ErrorKind::Redirected) << 302 << QString()
                                << QStringLiteral("protect your API key");
    QTest::newRow("cancelled") << int(ErrorKind::Cancelled) << 0 << QString() << QStringLiteral("cancelled");
}

void TestApiError::humanMessage()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, phrase);
    ApiError error;
    error.kind = static_cast<ErrorKind>(kind);
    error.httpStatus = status;
    error.code = code;
    const QString text = error.humanMessage();
    QVERIFY2(text.contains(phrase, Qt::CaseInsensitive), qPrintable(text));
    if (status > 0)
        QVERIFY2(text.contains(QString::number(status)), qPrintable(text));
}

void TestApiError::humanMessageQuotesTheServer()
{
    ApiError error = ApiError::fromHttp(401, kQuickStartAuth, QStringLiteral("req-42"));
    const QString text = error.humanMessage();
    QVERIFY(text.contains(QStringLiteral("AuthenticationError")));
    QVERIFY(text.contains(QStringLiteral("missing or invalid")));
    QVERIFY(text.contains(QStringLiteral("req-42")));
    QVERIFY(text.contains(QStringLiteral("401")));

    // An id the server already quoted in its message is not repeated.
    const QString quoted = ApiError::fromHttp(401, kQuickStartAuth, QString()).humanMessage();
    QCOMPARE(quoted.count(QStringLiteral("021718000000000000000000000000000000000000000000abcdef")), 1);

    ApiError limited = ApiError::fromHttp(429, QByteArray(), QString());
    limited.retryAfterMs = 2500;
    QVERIFY2(limited.humanMessage().contains(QStringLiteral("2.5 s")), qPrintable(limited.humanMessage()));

    ApiError idle;
    idle.kind = ErrorKind::IdleTimeout;
    idle.detail = QStringLiteral("No data for 300 seconds.");
    QVERIFY(idle.humanMessage().contains(QStringLiteral("300 seconds")));

    // The kind-specific sentence differs between kinds: nobody gets a generic "error" text.
    QSet<QString> texts;
    for (ErrorKind kind : kAllKinds) {
        ApiError bare;
        bare.kind = kind;
        texts.insert(bare.humanMessage());
    }
    QCOMPARE(texts.size(), qsizetype(kAllKinds.size()));
}

void TestApiError::fromErrorJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("requestId");

    QTest::newRow("overloaded") << QByteArray(
                                       R"json({"error":{"code":"ServerOverloaded","message":"m"}})json")
                                << QString() << QStringLiteral("server") << QStringLiteral("ServerOverloaded")
                                << QString();
    QTest::newRow("unknown code: bad_request")
        << QByteArray(R"json({"error":{"code":"InvalidParameter","message":"bad. requestId: 0217q"}})json")
        << QString() << QStringLiteral("bad_request") << QStringLiteral("InvalidParameter")
        << QStringLiteral("0217q");
    QTest::newRow("header id") << QByteArray(
                                      R"json({"error":{"code":"InternalServiceError","message":"m"}})json")
                               << QStringLiteral("hdr") << QStringLiteral("server")
                               << QStringLiteral("InternalServiceError") << QStringLiteral("hdr");
    QTest::newRow("not JSON") << QByteArray("oops") << QString() << QStringLiteral("malformed_chunk")
                              << QString() << QString();
    QTest::newRow("no code, no message") << QByteArray(R"json({"error":{}})json") << QString()
                                         << QStringLiteral("malformed_chunk") << QString() << QString();
}

void TestApiError::fromErrorJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, header);
    const ApiError error = ApiError::fromErrorJson(json, header);
    QTEST(errorKindName(error.kind), "kind");
    QTEST(error.code, "code");
    QTEST(error.requestId, "requestId");
    QVERIFY(!error.humanMessage().isEmpty());
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
