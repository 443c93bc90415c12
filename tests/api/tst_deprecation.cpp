// Deprecation signals: Deprecation (RFC 9745 and its draft), Sunset (RFC 8594), Link rel="deprecation"
// (RFC 8288) and the 410 Gone body of the Krea API deprecation page (seed 001).
#include "api/Deprecation.h"

#include <QLocale>
#include <QtTest>

using ark::api::DeprecationNotice;
using ark::api::DeprecationParser;
using ark::api::HeaderList;

namespace {

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

HeaderList headers(std::initializer_list<std::pair<const char*, const char*>> list)
{
    HeaderList out;
    for (const auto& [name, value] : list)
        out.append({QByteArray(name), QByteArray(value)});
    return out;
}

const char kKreaLink[] = "https://docs.krea.ai/developers/deprecations#seedance-1-0-lite";

// The 410 body exactly as the Krea deprecation page shows it (tab-indented).
const char kKreaGoneBody[] =
    "{\n"
    "\t\"error\": \"model_unavailable\",\n"
    "\t\"reason\": \"deprecated\",\n"
    "\t\"message\": \"The model 'video/bytedance/seedance-1.0-lite' was deprecated on "
    "2026-04-27. Provider has discontinued this model. Use "
    "'video/bytedance/seedance-1.0-pro-fast' instead.\",\n"
    "\t\"sunset_date\": \"2026-04-27\",\n"
    "\t\"replacement\": \"video/bytedance/seedance-1.0-pro-fast\",\n"
    "\t\"migration_url\": \"https://docs.krea.ai/developers/deprecations#seedance-1-0-lite\"\n"
    "}";

HeaderList kreaHeaders()
{
    return headers({{"Deprecation", "true"},
                    {"Sunset", "Mon, 27 Apr 2026 00:00:00 GMT"},
                    {"Link", "<https://docs.krea.ai/developers/deprecations#seedance-1-0-lite>; "
                             "rel=\"deprecation\"; type=\"text/html\""}});
}

// Restores the default locale even when a check fails half-way.
class DefaultLocaleGuard
{
public:
    explicit DefaultLocaleGuard(const QLocale& locale) { QLocale::setDefault(locale); }
    ~DefaultLocaleGuard() { QLocale::setDefault(m_previous); }
    DefaultLocaleGuard(const DefaultLocaleGuard&) = delete;
    DefaultLocaleGuard& operator=(const DefaultLocaleGuard&) = delete;

private:
    QLocale m_previous;
};

} // namespace

class TestDeprecation : public QObject
{
    Q_OBJECT

private slots:
    void deprecationHeader_data();
    void deprecationHeader();
    void httpDate_data();
    void httpDate();
    void httpDateUnderChineseLocale_data() { httpDate_data(); }
    void httpDateUnderChineseLocale();
    void sunsetHeader_data();
    void sunsetHeader();
    void linksWithRel_data();
    void linksWithRel();
    void fromHeaders_data();
    void fromHeaders();
    void goneBody_data();
    void goneBody();
    void goneBodyLongTextIsTruncated_data();
    void goneBodyLongTextIsTruncated();
    void summary_data();
    void summary();
    void summaryExactSentence();
};

void TestDeprecation::deprecationHeader_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("deprecated");
    QTest::addColumn<QDateTime>("since");

    QTest::newRow("true") << QByteArray("true") << true << QDateTime();
    QTest::newRow("TRUE") << QByteArray("TRUE") << true << QDateTime();
    QTest::newRow("True padded") << QByteArray("  True  ") << true << QDateTime();
    QTest::newRow("sf-boolean ?1") << QByteArray("?1") << true << QDateTime();
    QTest::newRow("@epoch 2025") << QByteArray("@1735689600") << true << utc(2025, 1, 1);
    QTest::newRow("@0") << QByteArray("@0") << true << utc(1970, 1, 1);
    QTest::newRow("@negative") << QByteArray("@-86400") << true << utc(1969, 12, 31);
    QTest::newRow("HTTP date") << QByteArray("Wed, 01 Jan 2025 00:00:00 GMT") << true << utc(2025, 1, 1);
    QTest::newRow("RFC 850 date") << QByteArray("Wednesday, 01-Jan-25 12:30:00 GMT") << true
                                  << utc(2025, 1, 1, 12, 30);
    QTest::newRow("false") << QByteArray("false") << false << QDateTime();
    QTest::newRow("?0") << QByteArray("?0") << false << QDateTime();
    QTest::newRow("garbage") << QByteArray("soon-ish") << false << QDateTime();
    QTest::newRow("empty") << QByteArray("") << false << QDateTime();
    QTest::newRow("@ alone") << QByteArray("@") << false << QDateTime();
    QTest::newRow("@ not a number") << QByteArray("@12ab") << false << QDateTime();
    QTest::newRow("@ decimal") << QByteArray("@1735689600.5") << false << QDateTime();
    QTest::newRow("@ too many digits") << QByteArray("@99999999999999999999") << false << QDateTime();
    QTest::newRow("bare epoch without @") << QByteArray("1735689600") << false << QDateTime();
    QTest::newRow("truthy but not true") << QByteArray("yes") << false << QDateTime();
}

void TestDeprecation::deprecationHeader()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, deprecated);
    QFETCH(QDateTime, since);

    const DeprecationNotice notice = DeprecationParser::fromHeaders({{"Deprecation", value}});
    QCOMPARE(notice.deprecated, deprecated);
    QCOMPARE(notice.deprecatedSince.isValid(), since.isValid());
    if (since.isValid()) {
        QCOMPARE(notice.deprecatedSince, since);
        QCOMPARE(notice.deprecatedSince.timeSpec(), Qt::UTC);
    }
    QCOMPARE(notice.isEmpty(), !deprecated);
    QVERIFY(!notice.gone);
}

void TestDeprecation::httpDate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");

    // The three forms of RFC 9110 section 5.6.7, all for the same instant.
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT")
                                 << utc(1994, 11, 6, 8, 49, 37);
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << utc(1994, 11, 6, 8, 49, 37);
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << utc(1994, 11, 6, 8, 49, 37);
    QTest::newRow("asctime two-digit day") << QByteArray("Mon Apr 27 00:00:00 2026") << utc(2026, 4, 27);
    QTest::newRow("Krea sunset") << QByteArray("Mon, 27 Apr 2026 00:00:00 GMT") << utc(2026, 4, 27);
    QTest::newRow("RFC 850 year 26") << QByteArray("Monday, 27-Apr-26 00:00:00 GMT") << utc(2026, 4, 27);
    QTest::newRow("RFC 850 four-digit year")
        << QByteArray("Monday, 27-Apr-2026 00:00:00 GMT") << utc(2026, 4, 27);
    QTest::newRow("lower case names") << QByteArray("mon, 27 apr 2026 00:00:00 gmt") << utc(2026, 4, 27);
    QTest::newRow("surrounding space")
        << QByteArray("  Mon, 27 Apr 2026 00:00:00 GMT \t") << utc(2026, 4, 27);
    QTest::newRow("UTC zone") << QByteArray("Mon, 27 Apr 2026 00:00:00 UTC") << utc(2026, 4, 27);
    QTest::newRow("numeric offset") << QByteArray("Mon, 27 Apr 2026 08:00:00 +0800") << utc(2026, 4, 27);
    QTest::newRow("negative offset") << QByteArray("Sun, 26 Apr 2026 19:00:00 -0500") << utc(2026, 4, 27);
    QTest::newRow("single-digit day") << QByteArray("Mon, 6 Apr 2026 10:00:00 GMT") << utc(2026, 4, 6, 10);
    QTest::newRow("leap day") << QByteArray("Thu, 29 Feb 2024 23:59:59 GMT") << utc(2024, 2, 29, 23, 59, 59);
    QTest::newRow("leap second") << QByteArray("Sat, 31 Dec 2016 23:59:60 GMT") << utc(2017, 1, 1);

    QTest::newRow("empty") << QByteArray() << QDateTime();
    QTest::newRow("garbage") << QByteArray("next tuesday") << QDateTime();
    QTest::newRow("ISO 8601") << QByteArray("2026-04-27T00:00:00Z") << QDateTime();
    QTest::newRow("day 32") << QByteArray("Mon, 32 Apr 2026 00:00:00 GMT") << QDateTime();
    QTest::newRow("31 April") << QByteArray("Fri, 31 Apr 2026 00:00:00 GMT") << QDateTime();
    QTest::newRow("29 Feb non-leap") << QByteArray("Sun, 29 Feb 2026 00:00:00 GMT") << QDateTime();
    QTest::newRow("unknown month") << QByteArray("Mon, 27 Foo 2026 00:00:00 GMT") << QDateTime();
    QTest::newRow("unknown day") << QByteArray("Xyz, 27 Apr 2026 00:00:00 GMT") << QDateTime();
    QTest::newRow("hour 24") << QByteArray("Mon, 27 Apr 2026 24:00:00 GMT") << QDateTime();
    QTest::newRow("minute 60") << QByteArray("Mon, 27 Apr 2026 00:60:00 GMT") << QDateTime();
    QTest::newRow("no seconds") << QByteArray("Mon, 27 Apr 2026 00:00 GMT") << QDateTime();
    QTest::newRow("one-digit hour") << QByteArray("Mon, 27 Apr 2026 0:00:00 GMT") << QDateTime();
    QTest::newRow("unknown zone") << QByteArray("Mon, 27 Apr 2026 00:00:00 PST") << QDateTime();
    QTest::newRow("no zone") << QByteArray("Mon, 27 Apr 2026 00:00:00") << QDateTime();
    QTest::newRow("two-digit year in IMF") << QByteArray("Mon, 27 Apr 26 00:00:00 GMT") << QDateTime();
    QTest::newRow("signed day") << QByteArray("Mon, +7 Apr 2026 00:00:00 GMT") << QDateTime();
    QTest::newRow("trailing junk") << QByteArray("Mon, 27 Apr 2026 00:00:00 GMT extra") << QDateTime();
    QTest::newRow("asctime with comma") << QByteArray("Sun, Nov 6 08:49:37 1994") << QDateTime();
    QTest::newRow("RFC 850 bad separator") << QByteArray("Sunday, 06/Nov/94 08:49:37 GMT") << QDateTime();
    QTest::newRow("localized Chinese") << QByteArray("周一, 27 4月 2026 00:00:00 GMT") << QDateTime();
}

void TestDeprecation::httpDate()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);

    const QDateTime parsed = DeprecationParser::parseHttpDate(value);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestDeprecation::httpDateUnderChineseLocale()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);

    const DefaultLocaleGuard guard(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    // Shows this test has teeth: a parser built on the default locale cannot read English names here.
    QVERIFY(!QLocale()
                 .toDateTime(QStringLiteral("Mon, 27 Apr 2026 00:00:00"),
                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
                 .isValid());

    const QDateTime parsed = DeprecationParser::parseHttpDate(value);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed, expected);

    // The summary's date is numeric and the same in every locale.
    DeprecationNotice notice = DeprecationParser::fromHeaders(kreaHeaders());
    QVERIFY2(notice.summary().contains(QStringLiteral("2026-04-27 00:00 UTC")), qPrintable(notice.summary()));
}

void TestDeprecation::sunsetHeader_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("RFC 1123") << QByteArray("Mon, 27 Apr 2026 00:00:00 GMT") << utc(2026, 4, 27);
    QTest::newRow("RFC 850") << QByteArray("Monday, 27-Apr-26 00:00:00 GMT") << utc(2026, 4, 27);
    QTest::newRow("asctime") << QByteArray("Mon Apr 27 00:00:00 2026") << utc(2026, 4, 27);
    QTest::newRow("padded") << QByteArray("  Sat, 01 Nov 2025 23:59:59 GMT  ")
                            << utc(2025, 11, 1, 23, 59, 59);
    QTest::newRow("invalid text") << QByteArray("end of next quarter") << QDateTime();
    QTest::newRow("ISO date is not an HTTP date") << QByteArray("2026-04-27") << QDateTime();
    QTest::newRow("impossible date") << QByteArray("Mon, 31 Apr 2026 00:00:00 GMT") << QDateTime();
}

void TestDeprecation::sunsetHeader()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);

    const DeprecationNotice notice = DeprecationParser::fromHeaders({{"Sunset", value}});
    QCOMPARE(notice.sunsetText, QString::fromUtf8(value.trimmed())); // kept as the server wrote it
    QCOMPARE(notice.sunset.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(notice.sunset, expected);
        QCOMPARE(notice.sunset.timeSpec(), Qt::UTC);
    }
    // A Sunset alone says nothing about Deprecation, but a valid one is still worth a notice.
    QVERIFY(!notice.deprecated);
    QCOMPARE(notice.isEmpty(), !expected.isValid());
}

void TestDeprecation::linksWithRel_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("rel");
    QTest::addColumn<QStringList>("expected");

    const QByteArray dep("deprecation");
    QTest::newRow("Krea") << QByteArray("<https://docs.krea.ai/developers/deprecations#seedance-1-0-lite>; "
                                        "rel=\"deprecation\"; type=\"text/html\"")
                          << dep << QStringList{QString::fromLatin1(kKreaLink)};
    QTest::newRow("second of two links")
        << QByteArray("<https://x.test/a>; rel=\"alternate\", <https://x.test/b>; rel=\"deprecation\"; "
                      "type=\"text/html\"")
        << dep << QStringList{QStringLiteral("https://x.test/b")};
    QTest::newRow("unquoted rel") << QByteArray("<https://x.test/d>; rel=deprecation") << dep
                                  << QStringList{QStringLiteral("https://x.test/d")};
    QTest::newRow("several relation types")
        << QByteArray("<https://x.test/d>; rel=\"deprecation successor-version\"") << dep
        << QStringList{QStringLiteral("https://x.test/d")};
    QTest::newRow("relation type second in list")
        << QByteArray("<https://x.test/d>; rel=\"successor-version  deprecation\"") << dep
        << QStringList{QStringLiteral("https://x.test/d")};
    QTest::newRow("other relation of the list")
        << QByteArray("<https://x.test/d>; rel=\"deprecation successor-version\"")
        << QByteArray("successor-version") << QStringList{QStringLiteral("https://x.test/d")};
    QTest::newRow("upper case REL and value") << QByteArray("<https://x.test/d>; REL=\"DEPRECATION\"") << dep
                                              << QStringList{QStringLiteral("https://x.test/d")};
    QTest::newRow("rel asked in mixed case")
        << QByteArray("<https://x.test/d>; rel=deprecation") << QByteArray("Deprecation")
        << QStringList{QStringLiteral("https://x.test/d")};
    QTest::newRow("comma inside the URI")
        << QByteArray("<https://x.test/a,b>; rel=\"alternate\", <https://x.test/c,d;e>; rel=\"deprecation\"")
        << dep << QStringList{QStringLiteral("https://x.test/c,d;e")};
    QTest::newRow("comma and link syntax inside a quoted param")
        << QByteArray(
               "<https://x.test/a>; title=\"a, <https://x.test/fake>; rel=deprecation\"; rel=\"alternate\", "
               "<https://x.test/c>; rel=\"deprecation\"")
        << dep << QStringList{QStringLiteral("https://x.test/c")};
    QTest::newRow("escaped quote in a quoted param")
        << QByteArray("<https://x.test/a>; title=\"say \\\"hi\\\", then go\"; rel=deprecation") << dep
        << QStringList{QStringLiteral("https://x.test/a")};
    QTest::newRow("spaces everywhere")
        << QByteArray("  <https://x.test/d> ;rel = \"deprecation\"  ,<https://x.test/e>;rel=deprecation")
        << dep << QStringList{QStringLiteral("https://x.test/d"), QStringLiteral("https://x.test/e")};
    QTest::newRow("every match in order")
        << QByteArray(
               "<https://x.test/1>; rel=deprecation, <https://x.test/2>; rel=next, <https://x.test/3>; "
               "rel=\"deprecation\"")
        << dep << QStringList{QStringLiteral("https://x.test/1"), QStringLiteral("https://x.test/3")};
    QTest::newRow("only the first rel counts")
        << QByteArray("<https://x.test/d>; rel=\"alternate\"; rel=\"deprecation\"") << dep << QStringList{};
    QTest::newRow("no substring match")
        << QByteArray("<https://x.test/d>; rel=\"deprecations\", <https://x.test/e>; "
                      "rel=\"x-deprecation\"")
        << dep << QStringList{};
    QTest::newRow("rel only in another param")
        << QByteArray("<https://x.test/d>; title=\"deprecation\"") << dep << QStringList{};
    QTest::newRow("no rel at all") << QByteArray("<https://x.test/d>; type=\"text/html\"") << dep
                                   << QStringList{};
    QTest::newRow("malformed link skipped")
        << QByteArray("https://x.test/bare; rel=deprecation, <https://x.test/ok>; rel=deprecation") << dep
        << QStringList{QStringLiteral("https://x.test/ok")};
    QTest::newRow("junk after the URI")
        << QByteArray("<https://x.test/bad> junk; rel=deprecation, <https://x.test/ok>; "
                      "rel=deprecation")
        << dep << QStringList{QStringLiteral("https://x.test/ok")};
    QTest::newRow("unterminated URI")
        << QByteArray("<https://x.test/d; rel=deprecation") << dep << QStringList{};
    QTest::newRow("empty header") << QByteArray() << dep << QStringList{};
    QTest::newRow("empty rel asked") << QByteArray("<https://x.test/d>; rel=deprecation") << QByteArray()
                                     << QStringList{};
}

void TestDeprecation::linksWithRel()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, rel);
    QFETCH(QStringList, expected);

    QCOMPARE(DeprecationParser::linksWithRel(header, rel), expected);
}

void TestDeprecation::fromHeaders_data()
{
    QTest::addColumn<HeaderList>("input");
    QTest::addColumn<bool>("deprecated");
    QTest::addColumn<QDateTime>("sunset");
    QTest::addColumn<QString>("link");

    const QString krea = QString::fromLatin1(kKreaLink);
    QTest::newRow("Krea headers") << kreaHeaders() << true << utc(2026, 4, 27) << krea;
    QTest::newRow("lower-case names") << headers({{"deprecation", "true"},
                                                  {"sunset", "Mon, 27 Apr 2026 00:00:00 GMT"},
                                                  {"link", "<https://x.test/d>; rel=\"deprecation\""}})
                                      << true << utc(2026, 4, 27) << QStringLiteral("https://x.test/d");
    QTest::newRow("upper and mixed-case names")
        << headers({{"DEPRECATION", "@1735689600"},
                    {"sUnSeT", "Mon, 27 Apr 2026 00:00:00 GMT"},
                    {"LINK", "<https://x.test/d>; rel=deprecation"}})
        << true << utc(2026, 4, 27) << QStringLiteral("https://x.test/d");
    QTest::newRow("among other headers") << headers({{"Content-Type", "application/json"},
                                                     {"X-Request-Id", "abc"},
                                                     {"Link", "<https://x.test/next>; rel=\"next\""},
                                                     {"Deprecation", "true"}})
                                         << true << QDateTime() << QString();
    QTest::newRow("Link headers sent separately")
        << headers({{"Link", "<https://x.test/next>; rel=\"next\""},
                    {"Link", "<https://x.test/d>; rel=\"deprecation\""},
                    {"Link", "<https://x.test/later>; rel=\"deprecation\""}})
        << false << QDateTime() << QStringLiteral("https://x.test/d");
    QTest::newRow("first Deprecation header wins")
        << headers({{"Deprecation", "false"}, {"Deprecation", "true"}}) << false << QDateTime() << QString();
    QTest::newRow("Sunset alone") << headers({{"Sunset", "Mon, 27 Apr 2026 00:00:00 GMT"}}) << false
                                  << utc(2026, 4, 27) << QString();
    QTest::newRow("Deprecation false with a Link")
        << headers({{"Deprecation", "false"}, {"Link", "<https://x.test/d>; rel=deprecation"}}) << false
        << QDateTime() << QStringLiteral("https://x.test/d");
    QTest::newRow("nothing relevant")
        << headers({{"Content-Type", "text/event-stream"}}) << false << QDateTime() << QString();
    QTest::newRow("no headers") << HeaderList{} << false << QDateTime() << QString();
}

void TestDeprecation::fromHeaders()
{
    QFETCH(HeaderList, input);
    QFETCH(bool, deprecated);
    QFETCH(QDateTime, sunset);
    QFETCH(QString, link);

    const DeprecationNotice notice = DeprecationParser::fromHeaders(input);
    QCOMPARE(notice.deprecated, deprecated);
    QCOMPARE(notice.sunset.isValid(), sunset.isValid());
    if (sunset.isValid())
        QCOMPARE(notice.sunset, sunset);
    QCOMPARE(notice.link, link);
    QVERIFY(!notice.gone);
    const bool expectEmpty = !deprecated && !sunset.isValid() && link.isEmpty();
    QCOMPARE(notice.isEmpty(), expectEmpty);
    QCOMPARE(notice.summary().isEmpty(), expectEmpty);
}

void TestDeprecation::goneBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("sunsetText");
    QTest::addColumn<QDateTime>("sunset");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("migrationUrl");

    QTest::newRow("Krea body")
        << QByteArray(kKreaGoneBody) << QStringLiteral("model_unavailable") << QStringLiteral("deprecated")
        << QStringLiteral(
               "The model 'video/bytedance/seedance-1.0-lite' was deprecated on 2026-04-27. Provider has "
               "discontinued this model. Use 'video/bytedance/seedance-1.0-pro-fast' instead.")
        << QStringLiteral("2026-04-27") << utc(2026, 4, 27)
        << QStringLiteral("video/bytedance/seedance-1.0-pro-fast") << QString::fromLatin1(kKreaLink);
    QTest::newRow("only some fields (sora-2: no replacement)")
        << QByteArray(R"({"error":"model_unavailable","reason":"deprecated","sunset_date":"2026-04-27"})")
        << QStringLiteral("model_unavailable") << QStringLiteral("deprecated") << QString()
        << QStringLiteral("2026-04-27") << utc(2026, 4, 27) << QString() << QString();
    QTest::newRow("ISO date-time with Z")
        << QByteArray(R"({"error":"model_unavailable","sunset_date":"2026-05-13T12:30:00Z"})")
        << QStringLiteral("model_unavailable") << QString() << QString()
        << QStringLiteral("2026-05-13T12:30:00Z") << utc(2026, 5, 13, 12, 30) << QString() << QString();
    QTest::newRow("ISO date-time with offset")
        << QByteArray(R"({"sunset_date":"2026-05-13T20:30:00+08:00"})") << QString() << QString() << QString()
        << QStringLiteral("2026-05-13T20:30:00+08:00") << utc(2026, 5, 13, 12, 30) << QString() << QString();
    QTest::newRow("ISO date-time without zone is UTC")
        << QByteArray(R"({"sunset_date":"2026-05-13T12:30:00"})") << QString() << QString() << QString()
        << QStringLiteral("2026-05-13T12:30:00") << utc(2026, 5, 13, 12, 30) << QString() << QString();
    QTest::newRow("unreadable sunset_date kept as text")
        << QByteArray(R"({"error":"model_unavailable","sunset_date":"soon"})")
        << QStringLiteral("model_unavailable") << QString() << QString() << QStringLiteral("soon")
        << QDateTime() << QString() << QString();
    QTest::newRow("impossible sunset_date")
        << QByteArray(R"({"sunset_date":"2026-02-30"})") << QString() << QString() << QString()
        << QStringLiteral("2026-02-30") << QDateTime() << QString() << QString();
    QTest::newRow("OpenAI-style nested error")
        << QByteArray(
               R"({"error":{"code":"ModelRetired","message":"This model is no longer served.","type":"x"}})")
        << QStringLiteral("ModelRetired") << QString() << QStringLiteral("This model is no longer served.")
        << QString() << QDateTime() << QString() << QString();
    QTest::newRow("non-JSON body") << QByteArray("  <html><body>410 Gone</body></html>\r\n") << QString()
                                   << QString() << QStringLiteral("<html><body>410 Gone</body></html>")
                                   << QString() << QDateTime() << QString() << QString();
    QTest::newRow("JSON that is not an object")
        << QByteArray(R"("retired")") << QString() << QString() << QStringLiteral("\"retired\"") << QString()
        << QDateTime() << QString() << QString();
    QTest::newRow("truncated JSON") << QByteArray(R"({"error":"model_unavailable",)") << QString()
                                    << QString() << QStringLiteral("{\"error\":\"model_unavailable\",")
                                    << QString() << QDateTime() << QString() << QString();
    QTest::newRow("empty body") << QByteArray() << QString() << QString() << QString() << QString()
                                << QDateTime() << QString() << QString();
}

void TestDeprecation::goneBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorCode);
    QFETCH(QString, reason);
    QFETCH(QString, message);
    QFETCH(QString, sunsetText);
    QFETCH(QDateTime, sunset);
    QFETCH(QString, replacement);
    QFETCH(QString, migrationUrl);

    const DeprecationNotice notice = DeprecationParser::fromGoneBody(body);
    QVERIFY(notice.gone);
    QVERIFY(notice.deprecated);
    QVERIFY(!notice.isEmpty());
    QCOMPARE(notice.errorCode, errorCode);
    QCOMPARE(notice.reason, reason);
    QCOMPARE(notice.message, message);
    QCOMPARE(notice.sunsetText, sunsetText);
    QCOMPARE(notice.sunset.isValid(), sunset.isValid());
    if (sunset.isValid()) {
        QCOMPARE(notice.sunset, sunset);
        QCOMPARE(notice.sunset.timeSpec(), Qt::UTC);
    }
    QCOMPARE(notice.replacement, replacement);
    QCOMPARE(notice.migrationUrl, migrationUrl);
    QVERIFY(notice.link.isEmpty()); // only the Link header fills it
}

void TestDeprecation::goneBodyLongTextIsTruncated_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    const QString dots = QStringLiteral("…");
    QTest::newRow("ASCII") << QString(2000, QLatin1Char('x')) << QString(499, QLatin1Char('x')) + dots;
    QTest::newRow("exactly 500") << QString(500, QLatin1Char('y')) << QString(500, QLatin1Char('y'));
    // An emoji is two UTF-16 units: cutting at 499 would leave half of one.
    QString emoji = QString(498, QLatin1Char('a'));
    for (int i = 0; i < 10; ++i)
        emoji += QStringLiteral("\U0001F600");
    QTest::newRow("never half a surrogate pair") << emoji << QString(498, QLatin1Char('a')) + dots;
}

void TestDeprecation::goneBodyLongTextIsTruncated()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const DeprecationNotice notice = DeprecationParser::fromGoneBody(text.toUtf8());
    QVERIFY(notice.gone);
    QVERIFY(notice.message.size() <= 500);
    QCOMPARE(notice.message, expected);
    QCOMPARE(QString::fromUtf8(notice.message.toUtf8()), notice.message); // no lone surrogate
}

void TestDeprecation::summary_data()
{
    QTest::addColumn<int>("source"); // 0: headers, 1: 410 body
    QTest::addColumn<HeaderList>("input");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("absent");

    const QString krea = QString::fromLatin1(kKreaLink);
    QTest::newRow("Krea headers") << 0 << kreaHeaders() << QByteArray()
                                  << QStringList{QStringLiteral("deprecated"),
                                                 QStringLiteral("2026-04-27 00:00 UTC"), krea}
                                  << QStringList{QStringLiteral("retired")};
    QTest::newRow("Krea 410 body") << 1 << HeaderList{} << QByteArray(kKreaGoneBody)
                                   << QStringList{QStringLiteral("retired"),
                                                  QStringLiteral("2026-04-27 00:00 UTC"),
                                                  QStringLiteral("video/bytedance/seedance-1.0-pro-fast"),
                                                  krea}
                                   << QStringList{};
    QTest::newRow("deprecated since and sunset")
        << 0 << headers({{"Deprecation", "@1735689600"}, {"Sunset", "Mon, 27 Apr 2026 00:00:00 GMT"}})
        << QByteArray()
        << QStringList{QStringLiteral("2025-01-01 00:00 UTC"), QStringLiteral("2026-04-27 00:00 UTC")}
        << QStringList{};
    QTest::newRow("Sunset alone") << 0 << headers({{"Sunset", "Sun, 06 Nov 1994 08:49:37 GMT"}})
                                  << QByteArray() << QStringList{QStringLiteral("1994-11-06 08:49 UTC")}
                                  << QStringList{QStringLiteral("retired")};
    QTest::newRow("unreadable Sunset shown as written")
        << 0 << headers({{"Deprecation", "true"}, {"Sunset", "end of Q2"}}) << QByteArray()
        << QStringList{QStringLiteral("end of Q2")} << QStringList{};
    QTest::newRow("410 plain text shows the server's words")
        << 1 << HeaderList{} << QByteArray("Model retired,\n  please switch.")
        << QStringList{QStringLiteral("retired"), QStringLiteral("Model retired, please switch.")}
        << QStringList{QStringLiteral("\n")};
    QTest::newRow("410 without replacement or date")
        << 1 << HeaderList{} << QByteArray(R"({"error":"model_unavailable"})")
        << QStringList{QStringLiteral("retired")} << QStringList{QStringLiteral("instead")};
}

void TestDeprecation::summary()
{
    QFETCH(int, source);
    QFETCH(HeaderList, input);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, absent);

    const DeprecationNotice notice =
        source == 0 ? DeprecationParser::fromHeaders(input) : DeprecationParser::fromGoneBody(body);
    const QString text = notice.summary();
    for (const QString& part : contains)
        QVERIFY2(text.contains(part), qPrintable(QStringLiteral("'%1' not in: %2").arg(part, text)));
    for (const QString& part : absent)
        QVERIFY2(!text.contains(part),
                 qPrintable(QStringLiteral("'%1' unexpectedly in: %2").arg(part, text)));
}

void TestDeprecation::summaryExactSentence()
{
    DeprecationNotice notice = DeprecationParser::fromHeaders(kreaHeaders());
    notice.replacement = QStringLiteral("video/bytedance/seedance-1.0-pro-fast");
    QCOMPARE(notice.summary(),
             QStringLiteral("This model is deprecated; it stops working on 2026-04-27 00:00 UTC. "
                            "Use video/bytedance/seedance-1.0-pro-fast instead. "
                            "Details: https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"));
    QVERIFY(DeprecationNotice().summary().isEmpty());
}

QTEST_GUILESS_MAIN(TestDeprecation)
#include "tst_deprecation.moc"
