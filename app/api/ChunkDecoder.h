// Turns the data of one SSE event, or a whole non-streamed body, into typed values.
#pragma once

#include "ApiError.h"
#include "ChatTypes.h"

#include <QByteArray>

namespace ark::api {

struct ChunkDecodeResult {
    enum class Kind {
        Delta,    // a chat.completion.chunk: see delta
        Done,     // "[DONE]": the stream is complete
        ApiError, // an {"error": ...} object inside the stream: see error
        Malformed // not JSON, or not the shape the protocol promises: see error (kind MalformedChunk)
    };
    Kind kind = Kind::Malformed;
    ChatDelta delta;
    ApiError error;
};

class ChunkDecoder {
public:
    // `data` is one SSE event's data. "[DONE]" (surrounding white space tolerated) ends the stream.
    static ChunkDecodeResult decodeChunk(const QByteArray& data);

    // A non-streamed "chat.completion" body. Returns false and fills `error` (MalformedChunk or the
    // server's error object) when the body is not a completion.
    static bool decodeCompletion(const QByteArray& body, ChatResult& result, ApiError& error);

    // Usage object ("prompt_tokens", ..., nested details). Missing fields are 0.
    static Usage decodeUsage(const nlohmann::json& usage);
};

} // namespace ark::api
