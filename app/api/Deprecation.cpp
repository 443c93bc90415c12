#include "Deprecation.h"

#include "JsonText.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>
#include <QTime>
#include <nlohmann/json.hpp>

namespace ark::api {

namespace {

using nlohmann::json;

// A non-JSON 410 body (a proxy page, plain text) is shown to a person: keep it short.
constexpr int kMaxPlainMessageChars = 500;

// HTTP dates always use these English names. They are matched by hand because QLocale would follow the
// user's language (a Chinese desktop would fail to read "Mon" or "Apr").
constexpr const char* kShortDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr const char* kLongDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};
constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};

// Either spelling is accepted in every format: servers mix them up, and the day name carries no information.
bool isDayName(const QByteArray& token)
{
    const QByteArray lower = token.toLower();
    for (int i = 0; i < 7; ++i) {
        if (lower == kShortDays[i] || lower == kLongDays[i])
            return true;
    }
    return false;
}

// 1..12, or 0 when `token` is not an English three-letter month.
int monthNumber(const QByteArray& token)
{
    const QByteArray lower = token.toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == kMonths[i])
            return i + 1;
    }
    return 0;
}

bool isAllDigits(const QByteArray& token)
{
    for (const char c : token) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// Only ASCII digits, `minLen` to `maxLen` of them: rejects signs, spaces and "0x" that toInt() would take.
bool readDigits(const QByteArray& token, int minLen, int maxLen, int& out)
{
    if (token.size() < minLen || token.size() > maxLen || !isAllDigits(token))
        return false;
    int value = 0;
    for (const char c : token)
        value = value * 10 + (c - '0');
    out = value;
    return true;
}

struct ClockTime
{
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// "HH:MM:SS". A leap second (:60) is allowed by RFC 5322 and handled by the caller.
bool readTime(const QByteArray& token, ClockTime& out)
{
    const QList<QByteArray> parts = token.split(':');
    if (parts.size() != 3)
        return false;
    ClockTime t;
    if (!readDigits(parts[0], 2, 2, t.hour) || !readDigits(parts[1], 2, 2, t.minute) ||
        !readDigits(parts[2], 2, 2, t.second))
        return false;
    if (t.hour > 23 || t.minute > 59 || t.second > 60)
        return false;
    out = t;
    return true;
}

// RFC 9110 demands "GMT"; other UTC spellings and numeric offsets from RFC 5322 are read too, since a
// wrong but unambiguous zone is better understood than ignored.
bool readZone(const QByteArray& token, int& offsetSecs)
{
    const QByteArray upper = token.toUpper();
    if (upper == "GMT" || upper == "UTC" || upper == "UT" || upper == "Z") {
        offsetSecs = 0;
        return true;
    }
    if (token.size() != 5 || (token[0] != '+' && token[0] != '-'))
        return false;
    int hours = 0;
    int minutes = 0;
    if (!readDigits(token.mid(1, 2), 2, 2, hours) || !readDigits(token.mid(3, 2), 2, 2, minutes) ||
        hours > 23 || minutes > 59)
        return false;
    offsetSecs = (hours * 3600 + minutes * 60) * (token[0] == '-' ? -1 : 1);
    return true;
}

// RFC 9110 section 5.6.7: a two-digit year more than 50 years in the future is in the past century.
int expandTwoDigitYear(int yy)
{
    const int currentYear = QDateTime::currentDateTimeUtc().date().year();
    int year = currentYear - currentYear % 100 + yy;
    if (year > currentYear + 50)
        year -= 100;
    return year;
}

QDateTime makeUtc(int year, int month, int day, const ClockTime& time, int offsetSecs)
{
    const QDate date(year, month, day);
    if (!date.isValid())
        return {};
    const bool leapSecond = time.second == 60;
    QDateTime result(date, QTime(time.hour, time.minute, leapSecond ? 59 : time.second), Qt::UTC);
    return result.addSecs((leapSecond ? 1 : 0) - offsetSecs);
}

// "Sun, 06 Nov 1994 08:49:37 GMT" (tokens after the day name).
QDateTime parseImfFixdate(const QList<QByteArray>& t)
{
    int day = 0;
    int year = 0;
    int offset = 0;
    ClockTime time;
    const int month = monthNumber(t[2]);
    if (!readDigits(t[1], 1, 2, day) || month == 0 || !readDigits(t[3], 4, 4, year) ||
        !readTime(t[4], time) || !readZone(t[5], offset))
        return {};
    return makeUtc(year, month, day, time, offset);
}

// "Sunday, 06-Nov-94 08:49:37 GMT" (obsolete RFC 850 form).
QDateTime parseRfc850(const QList<QByteArray>& t)
{
    const QList<QByteArray> dmy = t[1].split('-');
    if (dmy.size() != 3)
        return {};
    int day = 0;
    int year = 0;
    int offset = 0;
    ClockTime time;
    const int month = monthNumber(dmy[1]);
    if (!readDigits(dmy[0], 1, 2, day) || month == 0 || !readTime(t[2], time) || !readZone(t[3], offset))
        return {};
    if (readDigits(dmy[2], 2, 2, year))
        year = expandTwoDigitYear(year);
    else if (!readDigits(dmy[2], 4, 4, year))
        return {};
    return makeUtc(year, month, day, time, offset);
}

// "Sun Nov  6 08:49:37 1994" (C asctime(), always GMT).
QDateTime parseAsctime(const QList<QByteArray>& t)
{
    int day = 0;
    int year = 0;
    ClockTime time;
    const int month = monthNumber(t[1]);
    if (!isDayName(t[0]) || month == 0 || !readDigits(t[2], 1, 2, day) || !readTime(t[3], time) ||
        !readDigits(t[4], 4, 4, year))
        return {};
    return makeUtc(year, month, day, time, 0);
}

// RFC 9745: "@<seconds since the epoch>" (a structured-field Date). The earlier draft used "true" or an
// HTTP date; all three mean "deprecated".
void readDeprecationValue(const QByteArray& raw, DeprecationNotice& notice)
{
    const QByteArray value = raw.trimmed();
    if (value.compare("true", Qt::CaseInsensitive) == 0 || value == "?1") { // ?1 = structured-field true
        notice.deprecated = true;
        return;
    }
    if (value.startsWith('@')) {
        const bool negative = value.size() > 1 && value[1] == '-';
        const QByteArray digits = value.mid(negative ? 2 : 1);
        // At most 12 digits (beyond the year 30000): keeps the number well inside qint64 and QDateTime.
        if (digits.isEmpty() || digits.size() > 12 || !isAllDigits(digits))
            return;
        const qint64 secs = digits.toLongLong() * (negative ? -1 : 1);
        notice.deprecated = true;
        notice.deprecatedSince = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
        return;
    }
    const QDateTime since = DeprecationParser::parseHttpDate(value);
    if (since.isValid()) {
        notice.deprecated = true;
        notice.deprecatedSince = since;
    }
}

// The body's sunset_date: "2026-04-27" means midnight UTC; a full ISO date-time without a zone is taken as
// UTC too (the server's local time is unknowable). An HTTP date is accepted as a courtesy.
QDateTime parseBodyDate(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (trimmed.size() == 10) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        return date.isValid() ? QDateTime(date, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    QDateTime when = QDateTime::fromString(trimmed, Qt::ISODate);
    if (when.isValid()) {
        if (when.timeSpec() == Qt::LocalTime)
            when.setTimeSpec(Qt::UTC);
        return when.toUTC();
    }
    return DeprecationParser::parseHttpDate(trimmed.toUtf8());
}

// Cut on a character boundary (never half a surrogate pair) and mark the cut.
QString truncatedText(const QString& text, int maxChars)
{
    if (text.size() <= maxChars)
        return text;
    qsizetype cut = maxChars - 1;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + QStringLiteral("…");
}

// Link parsing (RFC 8288): a small cursor over `<uri>; name=value; name="quoted, value", <uri2>; ...`.
class LinkCursor
{
public:
    explicit LinkCursor(const QByteArray& text) : m_s(text) {}

    bool atEnd() const { return m_i >= m_s.size(); }
    char peek() const { return atEnd() ? '\0' : m_s.at(m_i); }
    void advance() { ++m_i; }

    static bool isTokenStop(char c)
    {
        return c == '=' || c == ';' || c == ',' || c == ' ' || c == '\t' || c == '"';
    }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_i;
    }

    // Reads "<...>" (the cursor is on '<'); false when it is never closed.
    bool readUri(QByteArray& uri)
    {
        const qsizetype close = m_s.indexOf('>', m_i + 1);
        if (close < 0)
            return false;
        uri = m_s.mid(m_i + 1, close - m_i - 1).trimmed();
        m_i = close + 1;
        return true;
    }

    QByteArray readToken()
    {
        const qsizetype start = m_i;
        while (!atEnd() && !isTokenStop(peek()))
            ++m_i;
        return m_s.mid(start, m_i - start);
    }

    // The cursor is on the opening quote; backslash escapes a character (RFC 9110 quoted-pair).
    QByteArray readQuoted()
    {
        QByteArray value;
        ++m_i;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\' && m_i + 1 < m_s.size())
                ++m_i;
            value += peek();
            ++m_i;
        }
        if (!atEnd())
            ++m_i; // closing quote
        return value;
    }

    // Recovers from a malformed link: skips to just after the next comma that is not inside <...> or "...".
    void skipToNextLink()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                readQuoted();
            } else if (c == '<') {
                QByteArray ignored;
                if (!readUri(ignored))
                    m_i = m_s.size();
            } else {
                ++m_i;
                if (c == ',')
                    return;
            }
        }
    }

private:
    const QByteArray& m_s;
    qsizetype m_i = 0;
};

struct LinkValue
{
    QByteArray uri;
    QByteArray rel;
    bool hasRel = false;
};

// Reads the parameters after a link's <uri>, up to the comma that ends the link. False when malformed.
bool readLinkParams(LinkCursor& cursor, LinkValue& link)
{
    for (;;) {
        cursor.skipSpace();
        if (cursor.atEnd() || cursor.peek() == ',')
            return true;
        if (cursor.peek() != ';')
            return false;
        cursor.advance();
        cursor.skipSpace();
        const QByteArray name = cursor.readToken().toLower();
        cursor.skipSpace();
        QByteArray value;
        if (cursor.peek() == '=') {
            cursor.advance();
            cursor.skipSpace();
            value = cursor.peek() == '"' ? cursor.readQuoted() : cursor.readToken();
        }
        // RFC 8288 section 3.3: occurrences of rel after the first are ignored.
        if (name == "rel" && !link.hasRel) {
            link.hasRel = true;
            link.rel = value;
        }
    }
}

bool relContains(const QByteArray& relValue, const QByteArray& wanted)
{
    const QList<QByteArray> types = relValue.simplified().split(' ');
    for (const QByteArray& type : types) {
        if (type.compare(wanted, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString formatWhen(const QDateTime& when, const QString& fallback)
{
    if (!when.isValid())
        return fallback;
    // A fixed numeric format: the same for every reader, with the zone spelled out.
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

} // namespace

QString DeprecationNotice::summary() const
{
    if (isEmpty())
        return {};
    const QString sunsetWhen = formatWhen(sunset, sunsetText.trimmed());
    QStringList parts;
    if (gone) {
        parts << (sunsetWhen.isEmpty() ? QCoreApplication::translate("ark::api::DeprecationNotice",
                                                                     "This model has been retired.")
                                       : QCoreApplication::translate("ark::api::DeprecationNotice",
                                                                     "This model was retired on %1.")
                                             .arg(sunsetWhen));
    } else if (deprecated) {
        const QString since = formatWhen(deprecatedSince, QString());
        if (!since.isEmpty() && !sunsetWhen.isEmpty())
            parts << QCoreApplication::translate("ark::api::DeprecationNotice",
                                                 "This model is deprecated as of %1; it stops working on %2.")
                         .arg(since, sunsetWhen);
        else if (!since.isEmpty())
            parts << QCoreApplication::translate("ark::api::DeprecationNotice",
                                                 "This model is deprecated as of %1.")
                         .arg(since);
        else if (!sunsetWhen.isEmpty())
            parts << QCoreApplication::translate("ark::api::DeprecationNotice",
                                                 "This model is deprecated; it stops working on %1.")
                         .arg(sunsetWhen);
        else
            parts << QCoreApplication::translate("ark::api::DeprecationNotice", "This model is deprecated.");
    } else if (!sunsetWhen.isEmpty()) {
        parts << QCoreApplication::translate("ark::api::DeprecationNotice", "This model stops working on %1.")
                     .arg(sunsetWhen);
    } else {
        parts << QCoreApplication::translate("ark::api::DeprecationNotice", "This model is deprecated.");
    }
    if (!replacement.isEmpty())
        parts
            << QCoreApplication::translate("ark::api::DeprecationNotice", "Use %1 instead.").arg(replacement);
    else if (gone && !message.isEmpty())
        parts << message.simplified(); // the server's own words are the only guidance left
    const QString details = link.isEmpty() ? migrationUrl : link;
    if (!details.isEmpty())
        parts << QCoreApplication::translate("ark::api::DeprecationNotice", "Details: %1").arg(details);
    return parts.join(QLatin1Char(' '));
}

DeprecationNotice DeprecationParser::fromHeaders(const HeaderList& headers)
{
    DeprecationNotice notice;
    bool seenDeprecation = false;
    bool seenSunset = false;
    for (const auto& [rawName, value] : headers) {
        const QByteArray name = rawName.trimmed().toLower();
        if (name == "deprecation" && !seenDeprecation) {
            seenDeprecation = true;
            readDeprecationValue(value, notice);
        } else if (name == "sunset" && !seenSunset) {
            seenSunset = true;
            notice.sunsetText = QString::fromUtf8(value.trimmed());
            notice.sunset = parseHttpDate(value);
        } else if (name == "link" && notice.link.isEmpty()) {
            // Several Link headers may arrive separately or joined with commas: both are handled.
            const QStringList links = linksWithRel(value, "deprecation");
            if (!links.isEmpty())
                notice.link = links.first();
        }
    }
    return notice;
}

DeprecationNotice DeprecationParser::fromGoneBody(const QByteArray& body)
{
    DeprecationNotice notice;
    notice.gone = true;
    notice.deprecated = true;
    const json doc = json::parse(body.constBegin(), body.constEnd(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        notice.message = truncatedText(QString::fromUtf8(body).trimmed(), kMaxPlainMessageChars);
        return notice;
    }
    const auto error = doc.find("error");
    if (error != doc.end() && error->is_object()) {
        // OpenAI-style {"error": {"code": ..., "message": ...}} from gateways that do not follow Krea's form.
        notice.errorCode = jsonMemberText(*error, "code");
        notice.message = jsonMemberText(*error, "message");
    } else if (error != doc.end()) {
        notice.errorCode = jsonText(*error);
    }
    notice.reason = jsonMemberText(doc, "reason");
    if (doc.contains("message"))
        notice.message = jsonMemberText(doc, "message");
    notice.replacement = jsonMemberText(doc, "replacement");
    notice.migrationUrl = jsonMemberText(doc, "migration_url");
    notice.sunsetText = jsonMemberText(doc, "sunset_date");
    notice.sunset = parseBodyDate(notice.sunsetText);
    return notice;
}

QDateTime DeprecationParser::parseHttpDate(const QByteArray& value)
{
    // simplified() also folds asctime's padded day ("Nov  6") into single spaces.
    const QList<QByteArray> t = value.simplified().split(' ');
    if (t.first().endsWith(',')) {
        if (!isDayName(t.first().chopped(1)))
            return {};
        if (t.size() == 6)
            return parseImfFixdate(t);
        if (t.size() == 4)
            return parseRfc850(t);
        return {};
    }
    if (t.size() == 5)
        return parseAsctime(t);
    return {};
}

QStringList DeprecationParser::linksWithRel(const QByteArray& linkHeader, const QByteArray& rel)
{
    QStringList uris;
    const QByteArray wanted = rel.trimmed();
    if (wanted.isEmpty())
        return uris;
    LinkCursor cursor(linkHeader);
    while (!cursor.atEnd()) {
        cursor.skipSpace();
        if (cursor.peek() == ',') {
            cursor.advance();
            continue;
        }
        if (cursor.atEnd())
            break;
        if (cursor.peek() != '<') {
            cursor.skipToNextLink();
            continue;
        }
        LinkValue link;
        if (!cursor.readUri(link.uri))
            break;
        if (!readLinkParams(cursor, link)) {
            cursor.skipToNextLink();
            continue;
        }
        if (link.hasRel && relContains(link.rel, wanted))
            uris << QString::fromUtf8(link.uri);
    }
    return uris;
}

} // namespace ark::api
