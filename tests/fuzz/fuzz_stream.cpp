// libFuzzer target: the SSE decoder, then the chunk decoder on every event's data.
// The first input byte chooses how the rest is cut into reads; the events (and the failed state)
// must be exactly those of feeding the whole body at once, or the target aborts.
#include "api/ChunkDecoder.h"
#include "api/SseDecoder.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

using ark::api::ChunkDecoder;
using ark::api::ChunkDecodeResult;
using ark::api::SseDecoder;
using ark::api::SseEvent;

namespace {

struct Outcome
{
    std::vector<SseEvent> events;
    bool failed = false;
    std::optional<qint64> retryMs;
    qint64 bytesFed = 0;
};

// Piece sizes for one way of cutting: a small generator seeded by `seed`, with pieces of 1 to
// maxPiece bytes (seed 0 gives single bytes, the hardest case).
class Splitter
{
public:
    explicit Splitter(std::uint8_t seed) : m_state(seed * 2654435761u + 1u), m_maxPiece(seed % 32 + 1) {}
    qsizetype next()
    {
        m_state = m_state * 1103515245u + 12345u;
        return static_cast<qsizetype>((m_state >> 16) % m_maxPiece) + 1;
    }

private:
    std::uint32_t m_state;
    std::uint32_t m_maxPiece;
};

Outcome decode(QByteArrayView body, qsizetype bound, std::optional<std::uint8_t> splitSeed)
{
    SseDecoder decoder(bound);
    Outcome outcome;
    if (!splitSeed) {
        decoder.feed(body, outcome.events);
    } else {
        Splitter splitter(*splitSeed);
        qsizetype pos = 0;
        while (pos < body.size()) {
            const qsizetype size = std::min(splitter.next(), body.size() - pos);
            decoder.feed(body.sliced(pos, size), outcome.events);
            pos += size;
        }
    }
    decoder.finish();
    outcome.failed = decoder.failed();
    outcome.retryMs = decoder.retryMs();
    outcome.bytesFed = decoder.bytesFed();
    return outcome;
}

bool sameEvent(const SseEvent& a, const SseEvent& b)
{
    return a.type == b.type && a.data == b.data && a.lastEventId == b.lastEventId &&
           a.hasLastEventId == b.hasLastEventId;
}

void check(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_stream: %s\n", what);
        std::abort();
    }
}

void compare(const Outcome& whole, const Outcome& split)
{
    check(whole.events.size() == split.events.size(), "split feeding gave a different number of events");
    for (size_t i = 0; i < whole.events.size(); ++i)
        check(sameEvent(whole.events[i], split.events[i]), "split feeding gave a different event");
    check(whole.failed == split.failed, "split feeding changed the failed state");
    check(whole.retryMs == split.retryMs, "split feeding changed the retry value");
    check(whole.bytesFed == split.bytesFed, "bytesFed differs");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t seed = data[0];
    const QByteArrayView body(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));

    // The default bound, and a small one so the failure path is exercised as well.
    for (const qsizetype bound : {SseDecoder::kDefaultMaxEventBytes, qsizetype(64)}) {
        const Outcome whole = decode(body, bound, std::nullopt);
        compare(whole, decode(body, bound, seed));
        // No line and no event can be longer than the whole body.
        if (body.size() <= bound)
            check(!whole.failed, "failed although the body is within the bound");
        for (const SseEvent& event : whole.events) {
            check(!event.type.isEmpty(), "empty event type");
            check(event.hasLastEventId || event.lastEventId.isEmpty(), "id string without hasLastEventId");
            const ChunkDecodeResult result = ChunkDecoder::decodeChunk(event.data);
            if (event.data == "[DONE]")
                check(result.kind == ChunkDecodeResult::Kind::Done, "[DONE] not recognised");
        }
    }
    return 0;
}
