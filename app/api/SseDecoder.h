// Incremental decoder for text/event-stream (WHATWG HTML "server-sent events", section 9.2.6).
// Bytes may arrive in any split: one at a time, inside a UTF-8 sequence, between CR and LF.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>
#include <vector>

namespace ark::api {

struct SseEvent {
    QString type = QStringLiteral("message"); // the "event" field, "message" when none
    QByteArray data;                          // UTF-8; several data lines joined with '\n'
    QString lastEventId;                      // the last event id in force when dispatched
    bool hasLastEventId = false;              // false while no id field was ever seen (or it was reset to "")
};

class SseDecoder {
public:
    static constexpr qsizetype kDefaultMaxEventBytes = 16 * 1024 * 1024;

    explicit SseDecoder(qsizetype maxEventBytes = kDefaultMaxEventBytes);

    // Decodes bytes and appends every event dispatched by them (at a blank line) to `out`.
    // Returns false once an event or line exceeded the bound; the decoder then stays failed,
    // keeps no more bytes, and dispatches nothing further.
    bool feed(QByteArrayView bytes, std::vector<SseEvent>& out);

    // End of stream. An event not terminated by a blank line is discarded, as the spec says.
    void finish();

    bool failed() const { return m_failed; }
    // The reconnection time from the last valid "retry" field, if any.
    std::optional<qint64> retryMs() const { return m_retryMs; }
    // Bytes consumed so far (for statistics).
    qint64 bytesFed() const { return m_bytesFed; }

    void reset();

private:
    // Takes the bytes of a leading BOM, possibly split across feeds; returns what follows it.
    QByteArrayView skipBom(QByteArrayView bytes);
    // Appends to the unterminated line; false (and failed) when that would exceed the bound.
    bool appendToLine(QByteArrayView bytes);
    void processLine(QByteArrayView line, std::vector<SseEvent>& out);
    void processField(QByteArrayView field, QByteArrayView value);
    void dispatch(std::vector<SseEvent>& out);
    void fail();

    qsizetype m_maxEventBytes;
    QByteArray m_line; // the current, unterminated line (or the BOM prefix seen so far)
    QByteArray m_data; // the data buffer of the event being built
    QString m_eventType;
    QString m_lastEventId;
    bool m_hasLastEventId = false;
    bool m_pendingCR = false;  // last byte was CR: a following LF belongs to the same line end
    bool m_bomChecked = false; // false while the leading BOM may still be arriving
    bool m_failed = false;
    std::optional<qint64> m_retryMs;
    qint64 m_bytesFed = 0;
};

} // namespace ark::api
