#include "SseDecoder.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace ark::api {

namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr qsizetype kBomSize = 3;

// Position of the first `ch` in s[from, n), or n when there is none. memchr is vectorised: this is
// what keeps the decoder fast on large reads.
qsizetype findByte(const char* s, qsizetype from, qsizetype n, char ch)
{
    const void* hit = std::memchr(s + from, ch, static_cast<size_t>(n - from));
    return hit ? static_cast<const char*>(hit) - s : n;
}

// The spec accepts a retry value only when it is made of ASCII digits. An empty value or one too
// large for qint64 cannot be read as a number: both are ignored too.
std::optional<qint64> parseRetry(QByteArrayView value)
{
    if (value.isEmpty())
        return std::nullopt;
    qint64 result = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (result > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        result = result * 10 + digit;
    }
    return result;
}

} // namespace

SseDecoder::SseDecoder(qsizetype maxEventBytes) : m_maxEventBytes(maxEventBytes) {}

bool SseDecoder::feed(QByteArrayView bytes, std::vector<SseEvent>& out)
{
    m_bytesFed += bytes.size();
    if (m_failed)
        return false;
    if (!m_bomChecked)
        bytes = skipBom(bytes);

    const char* const s = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype pos = 0;
    if (m_pendingCR && n > 0) {
        // The previous feed ended with CR: an LF here completes that same line end.
        m_pendingCR = false;
        if (s[0] == '\n')
            pos = 1;
    }

    // The next LF and the next CR at or after `pos` are remembered across lines, so a stream that
    // uses only one kind of line end is not rescanned for the other kind after every line.
    qsizetype nextLf = -1;
    qsizetype nextCr = -1;
    while (pos < n) {
        if (nextLf < pos)
            nextLf = findByte(s, pos, n, '\n');
        if (nextCr < pos)
            nextCr = findByte(s, pos, n, '\r');
        const qsizetype eol = std::min(nextLf, nextCr);
        if (eol == n)
            return appendToLine(QByteArrayView(s + pos, n - pos));

        const QByteArrayView piece(s + pos, eol - pos);
        if (m_line.isEmpty()) {
            // The whole line is inside this read: use it in place, without copying.
            if (piece.size() > m_maxEventBytes) {
                fail();
                return false;
            }
            processLine(piece, out);
        } else {
            if (!appendToLine(piece))
                return false;
            processLine(m_line, out);
            m_line.truncate(0); // keeps the capacity for the next split line
        }
        if (m_failed)
            return false;

        pos = eol + 1;
        if (s[eol] == '\r') {
            if (pos == n)
                m_pendingCR = true;
            else if (s[pos] == '\n')
                ++pos;
        }
    }
    return true;
}

QByteArrayView SseDecoder::skipBom(QByteArrayView bytes)
{
    // Until the BOM is decided, m_line holds the BOM bytes seen so far. If the stream turns out not
    // to start with a BOM, they simply remain the start of the first line.
    while (!bytes.isEmpty()) {
        if (bytes.front() != kBom[m_line.size()]) {
            m_bomChecked = true;
            return bytes;
        }
        m_line.append(bytes.front());
        bytes = bytes.sliced(1);
        if (m_line.size() == kBomSize) {
            m_line.truncate(0);
            m_bomChecked = true;
            return bytes;
        }
    }
    return bytes;
}

bool SseDecoder::appendToLine(QByteArrayView bytes)
{
    if (bytes.size() > m_maxEventBytes - m_line.size()) {
        fail();
        return false;
    }
    m_line.append(bytes);
    return true;
}

void SseDecoder::processLine(QByteArrayView line, std::vector<SseEvent>& out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // a comment (servers use them as heartbeats)

    const void* colon = std::memchr(line.data(), ':', static_cast<size_t>(line.size()));
    if (!colon) {
        processField(line, QByteArrayView());
        return;
    }
    const qsizetype colonPos = static_cast<const char*>(colon) - line.data();
    QByteArrayView value = line.sliced(colonPos + 1);
    if (!value.isEmpty() && value.front() == ' ')
        value = value.sliced(1);
    processField(line.first(colonPos), value);
}

void SseDecoder::processField(QByteArrayView field, QByteArrayView value)
{
    if (field == QByteArrayView("data")) {
        // Bound the data as it will be dispatched (lines joined by LF, without the last LF).
        if (value.size() > m_maxEventBytes - m_data.size()) {
            fail();
            return;
        }
        m_data.append(value);
        m_data.append('\n');
    } else if (field == QByteArrayView("event")) {
        m_eventType = QString::fromUtf8(value);
    } else if (field == QByteArrayView("id")) {
        if (value.contains('\0'))
            return; // the spec ignores an id containing U+0000
        m_lastEventId = QString::fromUtf8(value);
        m_hasLastEventId = !value.isEmpty();
    } else if (field == QByteArrayView("retry")) {
        if (const std::optional<qint64> retry = parseRetry(value))
            m_retryMs = retry;
    }
    // Any other field is ignored, as the spec says.
}

void SseDecoder::dispatch(std::vector<SseEvent>& out)
{
    if (m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1); // the LF appended after the last data line

    SseEvent event;
    if (!m_eventType.isEmpty())
        event.type = std::move(m_eventType);
    event.data = std::move(m_data);
    event.lastEventId = m_lastEventId;
    event.hasLastEventId = m_hasLastEventId;
    out.push_back(std::move(event));

    m_eventType = QString();
    m_data = QByteArray();
}

void SseDecoder::fail()
{
    // Release the memory now: a failed decoder keeps nothing.
    m_failed = true;
    m_line = QByteArray();
    m_data = QByteArray();
    m_eventType = QString();
    m_pendingCR = false;
}

void SseDecoder::finish()
{
    m_line = QByteArray();
    m_data = QByteArray();
    m_eventType = QString();
    m_pendingCR = false;
    if (m_bytesFed > 0)
        m_bomChecked = true; // a BOM only counts at the very start of the stream
}

void SseDecoder::reset()
{
    *this = SseDecoder(m_maxEventBytes);
}

} // namespace ark::api
