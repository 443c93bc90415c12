// The loopback Ark server: an independent implementation of the wire protocol for tests and for
// trying the app without an account. It shares no code with app/ on purpose, so the client is never
// checked against its own understanding of the protocol.
//
// Built-in scenarios (scenarioFor), chosen by the request body's "model":
//   loopback-reasoning   reasoning "Let me think about this." streamed token by token, then the
//                        content "The answer is 42." token by token, a finish chunk (stop), a
//                        usage-only chunk (choices: []) when stream_options.include_usage is true,
//                        then [DONE]. With thinking.type "disabled" the reasoning part is left out.
//   loopback-echo        (also every unknown model) streams "Echo: " + the text of the last user
//                        message, token by token; finish stop.
//   loopback-tools       content "Checking both.", then two parallel tool calls whose argument
//                        fragments are interleaved: index 0 get_weather {"city":"Beijing"} (id
//                        call_loopback_weather), index 1 get_time {"tz":"Asia/Shanghai"} (id
//                        call_loopback_time); finish tool_calls. When the last message is a tool
//                        message it answers "Based on the tools: <tool contents joined by "; ">".
//   loopback-tools-calc  like loopback-tools with a built-in tool: content "Let me work these out.", then
//                        index 0 calculator {"expression":"(2+3)*4"} (id call_loopback_calc) and index 1
//                        get_weather {"city":"Beijing"} (id call_loopback_weather), fragments interleaved;
//                        the same "Based on the tools: ..." answer after tool messages.
//   loopback-tools-oneshot  the older single-chunk form (doubao-pro/lite <= 241215): content "Checking."
//                        streamed, then ONE chunk with content "\n", the complete call AppFinder
//                        {"prompt": "有道词典", "region": "CN"} (id call_leigeybrw25cwlk87byg8l3v) and
//                        finish_reason tool_calls together; "Based on the tools: ..." after tool messages.
//   loopback-tools-invalid  two get_weather calls with bad arguments, fragments interleaved: index 0
//                        {"city": Beijing} (not JSON; id call_loopback_bad_json), index 1
//                        {"unit":"kelvin"} (JSON without the city; id call_loopback_no_city).
//   loopback-deprecated  the echo answer plus Deprecation: @1767225600, Sunset: Wed, 01 Jul 2026
//                        00:00:00 GMT and Link: <https://example.invalid/deprecations#loopback>;
//                        rel="deprecation"; type="text/html".
//   loopback-retired     410 Gone with a Krea-style body (error model_unavailable, reason deprecated,
//                        replacement loopback-echo, sunset_date 2026-01-01, migration_url).
//   loopback-ratelimit   odd-numbered requests for this model (counted per server; per process for
//                        the free function scenarioFor) get 429 RateLimitExceeded with Retry-After: 1,
//                        even-numbered ones the echo answer.
//   loopback-drop        the first three content tokens of "Once upon a" and then the connection is
//                        dropped (no terminating chunk, no [DONE]).
//   loopback-badkey      401 AuthenticationError.
//   loopback-slow        loopback-reasoning with a 150 ms delay before every chunk.
//   loopback-think-tags  the reasoning inside the content, as doubao-1-5-vision-pro does when a system
//                        prompt turns thinking on: "<think>\nLet me think about this.\n</think>\n\nThe
//                        answer is 42." streamed token by token, so both tags arrive cut across chunks
//                        ("<", "think", ">" ... "\n</", "think", ">"); reasoning_tokens 0. With
//                        thinking.type "disabled" only the answer.
//   loopback-reasoning-length  reasoning "Let me think about this. First, the question asks for"
//                        streamed token by token, then finish_reason "length" with no content at all:
//                        the output budget ran out while the model was still thinking.
// With "stream" false or absent the same answer comes as one chat.completion body (drop: the body
// is cut in the middle of its declared Content-Length).
// Every answer's "id" equals its X-Request-Id header; error messages quote it ("Request id: ...").
//
// Checks done before any scenario, as the real service would:
//   unknown path -> 404 NotFound; missing or empty "Authorization: Bearer <key>" -> 401 (server only:
//   the free function scenarioFor has no headers); method other than POST -> 405; body not a JSON
//   object -> 400 InvalidParameter; no "model" or "messages" -> 400 MissingParameter;
//   "reasoning_content" in an input message -> 400 InvalidParameter (documented);
//   both max_tokens and max_completion_tokens -> 400 InvalidParameter (documented).
//
// Deterministic tokenizer (tokenization endpoint and every usage count):
//   the text is read as Unicode code points; whitespace separates tokens and is never a token;
//   each CJK code point (CJK punctuation, kana, Han, Hangul, full-width forms) is one token;
//   a maximal run of letters, digits, marks and '_' is one token; a maximal run of any other
//   characters (punctuation, symbols, emoji) is one token.
//   "Hello, world!" -> Hello , world ! (4);  "你好，世界" -> 5;  "gpt-4o" -> gpt - 4o (3).
//   offset_mapping holds [start, end) in code points; token_ids are 1000 + FNV-1a-32(UTF-8) % 150000.
//   prompt_tokens = the tokens of every message's text; completion_tokens = the streamed tokens
//   (reasoning + content + tool arguments); reasoning_tokens = the reasoning tokens; cached_tokens 0.
//   Each streamed piece is exactly one token (plus the whitespace before it).
//
// Image generation, POST /api/v3/images/generations (Seedream; seed L19747-19912 plus the SDK's fields):
//   model and prompt required (400 MissingParameter); response_format url (default) or b64_json, size
//   "WxH" with sides 64..4096 (default 1024x1024), seed integer -1..2147483647, guidance_scale 1..10,
//   watermark boolean, else 400 InvalidParameter naming the param. The image is a real PNG of
//   (W/64)x(H/64) pixels (tinyPng) whose colours follow the seed (or the prompt when the seed is -1 or
//   absent): data[0].url = <origin>/files/images/<n>.png, or data[0].b64_json; data[0].size "WxH";
//   usage {generated_images 1, output_tokens = W*H/256, total_tokens the same}.
//   Models: loopback-badkey 401; loopback-ratelimit 429 on odd requests (shared count with chat);
//   loopback-image-sensitive 400 OutputImageSensitiveContentDetected.
//
// Video tasks, /api/v3/contents/generations/tasks (seed L27243-27893):
//   POST creates: model and content[] required; items {type text, text} (one at most) and
//   {type image_url, image_url.url, role first_frame|last_frame} (two at most, a last frame only with
//   a first frame; URL http(s) or data:image/<lowercase>;base64,...). The text's commands
//   --rs/--resolution, --rt/--ratio, --dur/--duration, --fps/--framepersecond, --wm/--watermark,
//   --seed, --cf/--camerafixed are checked against the documented values (400 InvalidParameter
//   content.text, also for an unknown command) and removed from the prompt. Answer {"id":"cgt-<utc
//   yyyyMMddhhmmss>-<5 chars>"}.
//   GET .../tasks/{id} moves the task on, one step per GET of that task: by default the 1st GET says
//   queued, the 2nd running, the 3rd and later succeeded. Models: loopback-video-q<N>r<M> (N queued
//   answers, then M running ones, then succeeded; "-fail" appended: failed), loopback-video-fail
//   (q1r1, failed), loopback-video-stuck (queued for ever), loopback-badkey, loopback-ratelimit as
//   above (on create). Succeeded: content.video_url = <origin>/files/videos/<id>.mp4 (sampleVideo: a
//   real 2 s H.264 clip, video/mp4), usage.completion_tokens = total_tokens = W*H*fps*duration/1024 with W x
//   H the Seedance size of the resolution and ratio (720p 16:9 24 fps 5 s: 102960). Failed: error {code
//   OutputVideoSensitiveContentDetected, message}. Every answer has seed (the requested one, or one
//   derived from the id), created_at and updated_at (unix seconds; updated on each status change).
//   Unknown id: 404 ResourceNotFound.
//   GET .../tasks lists without moving anything: newest first, page_num/page_size 1..500 (default 1
//   and 10), filter.status, filter.task_ids (repeated keys and/or comma-separated), filter.model
//   (exact); {"items":[...], "total": N}. Bad values: 400 InvalidParameter.
//   DELETE .../tasks/{id}: queued -> cancelled (still listed); succeeded, failed or cancelled -> the
//   record is removed (404 afterwards); running -> 400 InvalidParameter (only queued tasks can be
//   cancelled; what the service does is undocumented). Answer: 200 with an empty body.
//
// Result files, GET /files/...: no Authorization needed (signed links on a storage host); unknown ->
// 404 NoSuchKey, after LoopbackServer::expireFiles() -> 403 AccessDenied "Request has expired" (XML
// bodies, as object storage answers). <origin> is "http://" + the request's Host header (the free
// function scenarioFor uses http://127.0.0.1 and keeps one process-wide state).
#include "LoopbackServer.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QLocale>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace ark::testsupport {

namespace {

using ojson = nlohmann::ordered_json; // keeps fields in the order real responses use

constexpr char kDefaultModel[] = "doubao-seed-1-6-250615";
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 128 * 1024 * 1024; // the service accepts 64 MB of Base64 images
constexpr int kSlowDelayMs = 150;

// ---------------------------------------------------------------------------------------------
// Small helpers

QByteArray toBytes(const ojson& j)
{
    // ensure_ascii=false keeps UTF-8 as UTF-8 (the service does not \u-escape Chinese text).
    return QByteArray::fromStdString(j.dump(-1, ' ', false, ojson::error_handler_t::replace));
}

std::string utf8(const QString& s)
{
    return s.toStdString();
}
std::string utf8(const QByteArray& b)
{
    return b.toStdString();
}

QByteArray findHeader(const Headers& headers, const QByteArray& name)
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

bool hasHeader(const Headers& headers, const QByteArray& name)
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// "0217" + 30 digits, the shape of the service's request ids (13 of them are the time in ms).
QByteArray newRequestId()
{
    QByteArray id =
        "0217" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()).rightJustified(13, '0').right(13);
    while (id.size() < 34)
        id.append(static_cast<char>('0' + QRandomGenerator::global()->bounded(10)));
    return id;
}

// The id used by the chunks:: helpers: stable within a process so a test can match it.
const QByteArray& scriptedId()
{
    static const QByteArray id = newRequestId();
    return id;
}

QByteArray reasonPhrase(int status)
{
    static const std::pair<int, const char*> phrases[] = {
        {100, "Continue"},
        {200, "OK"},
        {201, "Created"},
        {202, "Accepted"},
        {204, "No Content"},
        {301, "Moved Permanently"},
        {302, "Found"},
        {303, "See Other"},
        {304, "Not Modified"},
        {307, "Temporary Redirect"},
        {308, "Permanent Redirect"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {409, "Conflict"},
        {410, "Gone"},
        {413, "Payload Too Large"},
        {415, "Unsupported Media Type"},
        {422, "Unprocessable Entity"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {501, "Not Implemented"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
    };
    for (const auto& [code, phrase] : phrases)
        if (code == status)
            return phrase;
    return status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Unknown";
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

// ---------------------------------------------------------------------------------------------
// Tokenizer (documented at the top of the file)

struct Token
{
    int start = 0; // code points, inclusive
    int end = 0;   // code points, exclusive
};

bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

bool isSpaceCp(char32_t c)
{
    return QChar::isSpace(c);
}

bool isWordCp(char32_t c)
{
    return c == U'_' || QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

QList<Token> tokenize(const QList<uint>& cps)
{
    QList<Token> tokens;
    const int n = int(cps.size());
    int i = 0;
    while (i < n) {
        const char32_t c = cps[i];
        if (isSpaceCp(c)) {
            ++i;
            continue;
        }
        if (isCjk(c)) {
            tokens.append({i, i + 1});
            ++i;
            continue;
        }
        const bool word = isWordCp(c);
        int j = i + 1;
        while (j < n && !isSpaceCp(cps[j]) && !isCjk(cps[j]) && isWordCp(cps[j]) == word)
            ++j;
        tokens.append({i, j});
        i = j;
    }
    return tokens;
}

QString slice(const QList<uint>& cps, int start, int end)
{
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData()) + start, end - start);
}

int countTokens(const QString& text)
{
    return int(tokenize(text.toUcs4()).size());
}

// The streamed pieces of a text: one token each, with the whitespace before it; they concatenate
// back to the text exactly.
QStringList pieces(const QString& text)
{
    const QList<uint> cps = text.toUcs4();
    const QList<Token> tokens = tokenize(cps);
    QStringList out;
    int from = 0;
    for (int k = 0; k < tokens.size(); ++k) {
        const int to = k + 1 == tokens.size() ? int(cps.size()) : tokens[k].end;
        out << slice(cps, from, to);
        from = to;
    }
    if (out.isEmpty() && !text.isEmpty())
        out << text;
    return out;
}

quint32 fnv1a(const QByteArray& bytes)
{
    quint32 h = 2166136261u;
    for (char ch : bytes) {
        h ^= static_cast<unsigned char>(ch);
        h *= 16777619u;
    }
    return h;
}

ojson tokenizationEntry(int index, const QString& text)
{
    const QList<uint> cps = text.toUcs4();
    const QList<Token> tokens = tokenize(cps);
    ojson ids = ojson::array();
    ojson offsets = ojson::array();
    for (const Token& t : tokens) {
        ids.push_back(1000 + fnv1a(slice(cps, t.start, t.end).toUtf8()) % 150000);
        offsets.push_back(ojson::array({t.start, t.end}));
    }
    ojson entry;
    entry["index"] = index;
    entry["object"] = "tokenization";
    entry["total_tokens"] = tokens.size();
    entry["token_ids"] = ids;
    entry["offset_mapping"] = offsets;
    return entry;
}

// ---------------------------------------------------------------------------------------------
// chat.completion.chunk JSON

struct ChunkContext
{
    QByteArray id;
    QByteArray model;
    qint64 created = 0;
};

ChunkContext scriptedContext(const QByteArray& model)
{
    return {scriptedId(), model, QDateTime::currentSecsSinceEpoch()};
}

ojson envelope(const ChunkContext& ctx, const char* object)
{
    ojson j;
    j["id"] = utf8(ctx.id);
    j["object"] = object;
    j["created"] = ctx.created;
    j["model"] = utf8(ctx.model);
    j["service_tier"] = "default";
    return j;
}

QByteArray makeChunk(const ChunkContext& ctx, const ojson& delta, const ojson& finishReason = nullptr,
                     const ojson& usage = nullptr)
{
    ojson choice;
    choice["index"] = 0;
    choice["delta"] = delta;
    choice["finish_reason"] = finishReason;
    choice["logprobs"] = nullptr;
    ojson j = envelope(ctx, "chat.completion.chunk");
    j["choices"] = ojson::array({choice});
    j["usage"] = usage;
    return toBytes(j);
}

ojson baseDelta()
{
    ojson d;
    d["role"] = "assistant";
    d["content"] = "";
    return d;
}

ojson contentDelta(const QString& text)
{
    ojson d = baseDelta();
    d["content"] = utf8(text);
    return d;
}

ojson reasoningDelta(const QString& text)
{
    ojson d = baseDelta(); // the service sends content "" alongside reasoning
    d["reasoning_content"] = utf8(text);
    return d;
}

ojson toolStartDelta(int index, const QByteArray& id, const QByteArray& name)
{
    ojson fn;
    fn["name"] = utf8(name);
    fn["arguments"] = "";
    ojson call;
    call["index"] = index;
    call["id"] = utf8(id);
    call["type"] = "function";
    call["function"] = fn;
    ojson d = baseDelta();
    d["tool_calls"] = ojson::array({call});
    return d;
}

ojson toolArgsDelta(int index, const QByteArray& piece)
{
    ojson fn;
    fn["name"] = nullptr;
    fn["arguments"] = utf8(piece);
    ojson call;
    call["index"] = index;
    call["id"] = nullptr;
    call["type"] = nullptr;
    call["function"] = fn;
    ojson d = baseDelta();
    d["tool_calls"] = ojson::array({call});
    return d;
}

// The older form: every call complete, in the same chunk as content "\n" (the finish reason is added
// by the caller) [L5191-5219].
ojson oneChunkToolsDelta(const QList<QPair<QByteArray, QPair<QByteArray, QByteArray>>>& calls)
{
    ojson list = ojson::array();
    for (int i = 0; i < calls.size(); ++i) {
        ojson fn;
        fn["arguments"] = utf8(calls[i].second.second);
        fn["name"] = utf8(calls[i].second.first);
        ojson call;
        call["index"] = i;
        call["id"] = utf8(calls[i].first);
        call["function"] = fn;
        call["type"] = "function";
        list.push_back(call);
    }
    ojson d = baseDelta();
    d["content"] = "\n";
    d["tool_calls"] = list;
    return d;
}

ojson usageObject(int prompt, int completion, int reasoningTokens, int cached)
{
    ojson u;
    u["prompt_tokens"] = prompt;
    u["completion_tokens"] = completion;
    u["total_tokens"] = prompt + completion;
    u["prompt_tokens_details"] = {{"cached_tokens", cached}};
    u["completion_tokens_details"] = {{"reasoning_tokens", reasoningTokens}};
    return u;
}

QByteArray usageChunk(const ChunkContext& ctx, const ojson& usage)
{
    ojson j = envelope(ctx, "chat.completion.chunk");
    j["choices"] = ojson::array();
    j["usage"] = usage;
    return toBytes(j);
}

QByteArray errorType(const QByteArray& code)
{
    if (code == "AuthenticationError")
        return "Unauthorized";
    if (code == "RateLimitExceeded" || code == "QuotaExceeded")
        return "TooManyRequests";
    if (code == "NotFound")
        return "NotFound";
    if (code == "MethodNotAllowed")
        return "MethodNotAllowed";
    if (code == "ServerOverloaded")
        return "ServiceUnavailable";
    if (code == "InternalServiceError")
        return "InternalServerError";
    return "BadRequest";
}

QByteArray errorBody(const QByteArray& code, const QByteArray& message, const QByteArray& param = {})
{
    ojson e;
    e["code"] = utf8(code);
    e["message"] = utf8(message);
    if (!param.isEmpty())
        e["param"] = utf8(param);
    e["type"] = utf8(errorType(code));
    ojson j;
    j["error"] = e;
    return toBytes(j);
}

// An error answer whose message quotes the request id, as the service's messages do.
ScriptedResponse errorResponse(int status, const QByteArray& code, const QByteArray& message,
                               const QByteArray& param = {})
{
    const QByteArray id = newRequestId();
    const QByteArray quoted =
        code == "AuthenticationError" ? message + " requestId: " + id : message + " Request id: " + id;
    return ScriptedResponse::json(status, errorBody(code, quoted, param), {{"X-Request-Id", id}});
}

// ---------------------------------------------------------------------------------------------
// Built-in scenarios

struct ToolCall
{
    QByteArray id;
    QByteArray name;
    QList<QByteArray> fragments; // the arguments JSON, cut where the stream cuts it
    QByteArray arguments() const { return fragments.join(); }
};

struct Answer
{
    QString reasoning;
    QString content;
    QList<ToolCall> toolCalls;
    QByteArray finishReason = "stop";
    Headers extraHeaders;
    int delayMs = 0;                  // before every chunk
    int dropAfter = -1;               // >= 0: drop the connection after this many content chunks
    bool toolCallsInOneChunk = false; // the older form: whole calls with "\n" and the finish reason
};

struct ChatInput
{
    QByteArray model;
    bool stream = false;
    bool includeUsage = false;
    bool chunkIncludeUsage = false;
    bool thinkingDisabled = false;
    QString lastUserText;
    bool lastIsTool = false;
    QStringList trailingToolResults;
    int promptTokens = 0;
};

// Field readers that never throw on a wrong type: the server answers any body, however odd.
bool boolField(const nlohmann::json& obj, const char* key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->get<bool>();
}

std::string stringField(const nlohmann::json& obj, const char* key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

QString textOf(const nlohmann::json& content)
{
    if (content.is_string())
        return QString::fromStdString(content.get<std::string>());
    QStringList parts;
    if (content.is_array())
        for (const auto& part : content)
            if (part.is_object() && stringField(part, "type") == "text")
                parts << QString::fromStdString(stringField(part, "text"));
    return parts.join(QLatin1Char(' '));
}

ChatInput readChatInput(const nlohmann::json& body)
{
    ChatInput in;
    in.model = QByteArray::fromStdString(stringField(body, "model"));
    in.stream = boolField(body, "stream");
    if (body.contains("stream_options") && body.at("stream_options").is_object()) {
        const auto& so = body.at("stream_options");
        in.includeUsage = boolField(so, "include_usage");
        in.chunkIncludeUsage = boolField(so, "chunk_include_usage");
    }
    if (body.contains("thinking") && body.at("thinking").is_object())
        in.thinkingDisabled = stringField(body.at("thinking"), "type") == "disabled";
    for (const auto& m : body.at("messages")) {
        if (!m.is_object())
            continue;
        const std::string role = stringField(m, "role");
        const QString text = m.contains("content") ? textOf(m.at("content")) : QString();
        in.promptTokens += countTokens(text);
        if (role == "user")
            in.lastUserText = text;
        if (role == "tool") {
            if (!in.lastIsTool)
                in.trailingToolResults.clear();
            in.trailingToolResults << text;
        }
        in.lastIsTool = role == "tool";
    }
    if (!in.lastIsTool)
        in.trailingToolResults.clear();
    return in;
}

Answer echoAnswer(const ChatInput& in)
{
    Answer a;
    a.content = QStringLiteral("Echo: ") +
                (in.lastUserText.trimmed().isEmpty() ? QStringLiteral("(nothing to echo)") : in.lastUserText);
    return a;
}

Answer reasoningAnswer(const ChatInput& in)
{
    Answer a;
    if (!in.thinkingDisabled)
        a.reasoning = QStringLiteral("Let me think about this.");
    a.content = QStringLiteral("The answer is 42.");
    return a;
}

Answer thinkTagsAnswer(const ChatInput& in)
{
    Answer a;
    a.content = QStringLiteral("The answer is 42.");
    if (!in.thinkingDisabled)
        a.content = QStringLiteral("<think>\nLet me think about this.\n</think>\n\n") + a.content;
    return a;
}

Answer reasoningLengthAnswer()
{
    Answer a;
    a.reasoning = QStringLiteral("Let me think about this. First, the question asks for");
    a.finishReason = "length";
    return a;
}

Answer toolsAnswer(const ChatInput& in)
{
    Answer a;
    if (in.lastIsTool) {
        a.content =
            QStringLiteral("Based on the tools: ") + in.trailingToolResults.join(QStringLiteral("; "));
        return a;
    }
    a.content = QStringLiteral("Checking both.");
    a.toolCalls = {{"call_loopback_weather", "get_weather", {"{\"city\":", "\"Bei", "jing\"}"}},
                   {"call_loopback_time", "get_time", {"{\"tz\":", "\"Asia/", "Shanghai\"}"}}};
    a.finishReason = "tool_calls";
    return a;
}

Answer toolsCalcAnswer(const ChatInput& in)
{
    Answer a = toolsAnswer(in);
    if (in.lastIsTool)
        return a;
    a.content = QStringLiteral("Let me work these out.");
    a.toolCalls = {{"call_loopback_calc", "calculator", {"{\"expression\":", "\"(2+3)", "*4\"}"}},
                   {"call_loopback_weather", "get_weather", {"{\"city\":", "\"Bei", "jing\"}"}}};
    return a;
}

Answer toolsOneShotAnswer(const ChatInput& in)
{
    Answer a = toolsAnswer(in);
    if (in.lastIsTool)
        return a;
    a.content = QStringLiteral("Checking.");
    a.toolCalls = {{"call_leigeybrw25cwlk87byg8l3v",
                    "AppFinder",
                    {QByteArray("{\"prompt\": \"有道词典\", \"region\": \"CN\"}")}}};
    a.toolCallsInOneChunk = true;
    return a;
}

Answer toolsInvalidAnswer(const ChatInput& in)
{
    Answer a = toolsAnswer(in);
    if (in.lastIsTool)
        return a;
    a.content = QString();
    a.toolCalls = {{"call_loopback_bad_json", "get_weather", {"{\"city\": ", "Beijing}"}},
                   {"call_loopback_no_city", "get_weather", {"{\"unit\":", "\"kelvin\"}"}}};
    return a;
}

int completionTokens(const Answer& a, int* reasoningTokens)
{
    *reasoningTokens = countTokens(a.reasoning);
    int n = *reasoningTokens + countTokens(a.content);
    for (const ToolCall& t : a.toolCalls)
        n += countTokens(QString::fromUtf8(t.arguments()));
    return n;
}

// The streamed form: reasoning pieces, content pieces, interleaved tool fragments, finish, usage.
ScriptedResponse streamAnswer(const Answer& a, const ChatInput& in, const QByteArray& id)
{
    const ChunkContext ctx{id, in.model, QDateTime::currentSecsSinceEpoch()};
    int completion = 0;
    int reasoningSoFar = 0;
    auto running = [&]() -> ojson {
        return in.chunkIncludeUsage ? usageObject(in.promptTokens, completion, reasoningSoFar, 0)
                                    : ojson(nullptr);
    };

    ScriptedResponse r = ScriptedResponse::sse({}, false);
    for (const auto& h : a.extraHeaders)
        r.header(h.first, h.second);
    r.header("X-Request-Id", id);
    auto push = [&](const QByteArray& payload) {
        if (a.delayMs > 0)
            r.steps.push_back(Step::delay(a.delayMs));
        r.steps.push_back(Step::write("data: " + payload + "\n\n"));
    };

    for (const QString& p : pieces(a.reasoning)) {
        ++completion;
        ++reasoningSoFar;
        push(makeChunk(ctx, reasoningDelta(p), nullptr, running()));
    }
    int contentChunks = 0;
    for (const QString& p : pieces(a.content)) {
        if (a.dropAfter >= 0 && contentChunks == a.dropAfter)
            break;
        ++completion;
        ++contentChunks;
        push(makeChunk(ctx, contentDelta(p), nullptr, running()));
    }
    if (a.dropAfter >= 0) {
        r.steps.push_back(Step::drop());
        return r;
    }
    if (a.toolCallsInOneChunk) {
        QList<QPair<QByteArray, QPair<QByteArray, QByteArray>>> whole;
        for (const ToolCall& t : a.toolCalls)
            whole.append({t.id, {t.name, t.arguments()}});
        int reasoningTokens = 0;
        completion = completionTokens(a, &reasoningTokens);
        push(makeChunk(ctx, oneChunkToolsDelta(whole), utf8(a.finishReason), running()));
        if (in.includeUsage)
            push(usageChunk(ctx, usageObject(in.promptTokens, completion, reasoningTokens, 0)));
        push("[DONE]");
        return r;
    }
    // Interleave: start 0, fragment 0 of 0, start 1, fragment 0 of 1, fragment 1 of 0, ...
    int maxFragments = 0;
    for (const ToolCall& t : a.toolCalls)
        maxFragments = std::max(maxFragments, int(t.fragments.size()));
    for (int f = 0; f < maxFragments; ++f) {
        for (int i = 0; i < a.toolCalls.size(); ++i) {
            const ToolCall& t = a.toolCalls[i];
            if (f == 0)
                push(makeChunk(ctx, toolStartDelta(i, t.id, t.name), nullptr, running()));
            if (f < t.fragments.size()) {
                completion += countTokens(QString::fromUtf8(t.fragments[f]));
                push(makeChunk(ctx, toolArgsDelta(i, t.fragments[f]), nullptr, running()));
            }
        }
    }
    int reasoningTokens = 0;
    const int total = completionTokens(a, &reasoningTokens);
    completion = total; // fragments cut tokens apart; the final figure is the whole answer's
    push(makeChunk(ctx, baseDelta(), utf8(a.finishReason), running()));
    if (in.includeUsage)
        push(usageChunk(ctx, usageObject(in.promptTokens, total, reasoningTokens, 0)));
    push("[DONE]");
    return r;
}

ScriptedResponse completeAnswer(const Answer& a, const ChatInput& in, const QByteArray& id)
{
    ojson message;
    message["role"] = "assistant";
    message["content"] = utf8(a.content);
    if (!a.reasoning.isEmpty())
        message["reasoning_content"] = utf8(a.reasoning);
    if (!a.toolCalls.isEmpty()) {
        ojson calls = ojson::array();
        for (const ToolCall& t : a.toolCalls) {
            ojson fn;
            fn["name"] = utf8(t.name);
            fn["arguments"] = utf8(t.arguments());
            ojson call;
            call["id"] = utf8(t.id);
            call["type"] = "function";
            call["function"] = fn;
            calls.push_back(call);
        }
        message["tool_calls"] = calls;
    }
    ojson choice;
    choice["index"] = 0;
    choice["message"] = message;
    choice["finish_reason"] = utf8(a.finishReason);
    choice["logprobs"] = nullptr;
    int reasoningTokens = 0;
    const int completion = completionTokens(a, &reasoningTokens);
    ojson j = envelope({id, in.model, QDateTime::currentSecsSinceEpoch()}, "chat.completion");
    j["choices"] = ojson::array({choice});
    j["usage"] = usageObject(in.promptTokens, completion, reasoningTokens, 0);
    const QByteArray body = toBytes(j);

    ScriptedResponse r = ScriptedResponse::json(200, body, a.extraHeaders);
    r.header("X-Request-Id", id);
    if (a.delayMs > 0)
        r.steps.insert(r.steps.begin(), Step::delay(a.delayMs));
    if (a.dropAfter >= 0) {
        // Promise the whole body, send half of it, then drop.
        r.header("Content-Length", QByteArray::number(body.size()));
        r.steps = {Step::write(body.left(body.size() / 2)), Step::drop()};
    }
    return r;
}

ScriptedResponse tokenizationAnswer(const nlohmann::json& body)
{
    if (!body.contains("model") || !body["model"].is_string())
        return errorResponse(400, "MissingParameter",
                             "The request failed because it is missing one or multiple required parameters.",
                             "model");
    if (!body.contains("text"))
        return errorResponse(400, "MissingParameter",
                             "The request failed because it is missing one or multiple required parameters.",
                             "text");
    QStringList texts;
    const auto& text = body["text"];
    if (text.is_string()) {
        texts << QString::fromStdString(text.get<std::string>());
    } else if (text.is_array()) {
        for (const auto& t : text) {
            if (!t.is_string())
                return errorResponse(
                    400, "InvalidParameter",
                    "A parameter specified in the request is not valid: text must be a string "
                    "or an array of strings.",
                    "text");
            texts << QString::fromStdString(t.get<std::string>());
        }
    } else {
        return errorResponse(400, "InvalidParameter",
                             "A parameter specified in the request is not valid: text must be a string or an "
                             "array of strings.",
                             "text");
    }
    const QByteArray id = newRequestId();
    ojson j;
    j["id"] = utf8(id);
    j["model"] = body["model"].get<std::string>();
    j["created"] = QDateTime::currentSecsSinceEpoch();
    j["object"] = "list";
    j["data"] = ojson::array();
    for (int i = 0; i < texts.size(); ++i)
        j["data"].push_back(tokenizationEntry(i, texts[i]));
    return ScriptedResponse::json(200, toBytes(j), {{"X-Request-Id", id}});
}

ScriptedResponse chatAnswer(const nlohmann::json& body, const std::function<int(const QByteArray&)>& ordinal)
{
    const QByteArray missing =
        "The request failed because it is missing one or multiple required parameters.";
    if (!body.contains("model") || !body["model"].is_string() || body["model"].get<std::string>().empty())
        return errorResponse(400, "MissingParameter", missing, "model");
    if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty())
        return errorResponse(400, "MissingParameter", missing, "messages");
    for (const auto& m : body["messages"])
        if (m.is_object() && m.contains("reasoning_content"))
            return errorResponse(
                400, "InvalidParameter",
                "A parameter specified in the request is not valid: reasoning_content is not "
                "allowed in input messages.",
                "messages.reasoning_content");
    if (body.contains("max_tokens") && body.contains("max_completion_tokens") &&
        !body["max_tokens"].is_null() && !body["max_completion_tokens"].is_null())
        return errorResponse(400, "InvalidParameter",
                             "A parameter specified in the request is not valid: max_tokens and "
                             "max_completion_tokens cannot be set at the same time.",
                             "max_completion_tokens");

    const ChatInput in = readChatInput(body);
    const QByteArray& model = in.model;
    if (model == "loopback-badkey")
        return errorResponse(401, "AuthenticationError",
                             "The API key or AK/SK in the request is missing or invalid.");
    if (model == "loopback-retired") {
        ojson j;
        j["error"] = "model_unavailable";
        j["reason"] = "deprecated";
        j["message"] =
            "The model 'loopback-retired' was deprecated on 2026-01-01. The loopback server retired "
            "this model. Use 'loopback-echo' instead.";
        j["sunset_date"] = "2026-01-01";
        j["replacement"] = "loopback-echo";
        j["migration_url"] = "https://example.invalid/deprecations#loopback-retired";
        return ScriptedResponse::json(410, toBytes(j), {{"X-Request-Id", newRequestId()}});
    }
    if (model == "loopback-ratelimit" && ordinal(model) % 2 == 1) {
        ScriptedResponse r =
            errorResponse(429, "RateLimitExceeded",
                          "The request has exceeded the rate limit (RPM) of the model. Please "
                          "retry after a while.");
        r.header("Retry-After", "1");
        return r;
    }

    Answer a;
    if (model == "loopback-reasoning") {
        a = reasoningAnswer(in);
    } else if (model == "loopback-slow") {
        a = reasoningAnswer(in);
        a.delayMs = kSlowDelayMs;
    } else if (model == "loopback-think-tags") {
        a = thinkTagsAnswer(in);
    } else if (model == "loopback-reasoning-length") {
        a = reasoningLengthAnswer();
    } else if (model == "loopback-tools") {
        a = toolsAnswer(in);
    } else if (model == "loopback-tools-calc") {
        a = toolsCalcAnswer(in);
    } else if (model == "loopback-tools-oneshot") {
        a = toolsOneShotAnswer(in);
    } else if (model == "loopback-tools-invalid") {
        a = toolsInvalidAnswer(in);
    } else if (model == "loopback-drop") {
        a.content = QStringLiteral("Once upon a");
        a.dropAfter = 3;
    } else {
        a = echoAnswer(in);
        if (model == "loopback-deprecated")
            a.extraHeaders = {
                {"Deprecation", "@1767225600"},
                {"Sunset", "Wed, 01 Jul 2026 00:00:00 GMT"},
                {"Link",
                 R"(<https://example.invalid/deprecations#loopback>; rel="deprecation"; type="text/html")"}};
    }
    const QByteArray id = newRequestId();
    return in.stream ? streamAnswer(a, in, id) : completeAnswer(a, in, id);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// What one server remembers between requests: generated files, video tasks, per-model counters

namespace detail {

struct VideoTask
{
    QByteArray id;
    QByteArray model;
    QString prompt; // the text without its --commands
    QByteArray status = "queued";
    int queuedPolls = 1;  // GETs answered "queued"
    int runningPolls = 1; // then GETs answered "running"; the next one is final
    bool fails = false;   // final state failed instead of succeeded
    bool stuck = false;   // stays queued (to be cancelled)
    int polls = 0;
    qint64 createdAt = 0; // unix seconds
    qint64 updatedAt = 0;
    qint64 seed = -1;
    QByteArray resolution = "720p";
    QByteArray ratio = "16:9";
    int duration = 5;
    int fps = 24;
    int frames = 0; // image_url items
    qint64 completionTokens = 0;
    QByteArray videoPath; // "/files/videos/<id>.mp4" once succeeded
};

struct ResultFile
{
    QByteArray bytes;
    QByteArray contentType;
    bool expired = false;
};

struct GenerationState
{
    QHash<QByteArray, int> requestsPerModel; // loopback-ratelimit's odd/even answers
    std::vector<VideoTask> tasks;            // in creation order
    QHash<QByteArray, ResultFile> files;     // by path
    int serial = 0;

    VideoTask* task(const QByteArray& id)
    {
        for (VideoTask& t : tasks)
            if (t.id == id)
                return &t;
        return nullptr;
    }
};

} // namespace detail

namespace {

// ---------------------------------------------------------------------------------------------
// Generation: images, video tasks and the result files they point at (documented at the top)

const QByteArray kMissing = "The request failed because it is missing one or multiple required parameters.";
const QByteArray kTasksRoot = "/api/v3/contents/generations/tasks";

ScriptedResponse invalidParameter(const QByteArray& param, const QByteArray& what)
{
    return errorResponse(400, "InvalidParameter",
                         "A parameter specified in the request is not valid: " + what, param);
}

ScriptedResponse missingParameter(const QByteArray& param)
{
    return errorResponse(400, "MissingParameter", kMissing, param);
}

ScriptedResponse rateLimited()
{
    ScriptedResponse r = errorResponse(429, "RateLimitExceeded",
                                       "The request has exceeded the rate limit (RPM) of the model. Please "
                                       "retry after a while.");
    r.header("Retry-After", "1");
    return r;
}

ScriptedResponse badKey()
{
    return errorResponse(401, "AuthenticationError",
                         "The API key or AK/SK in the request is missing or invalid.");
}

// A storage host's answer (XML, like object storage), not an Ark error body.
ScriptedResponse storageError(int status, const QByteArray& code, const QByteArray& message)
{
    ScriptedResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/xml"}};
    r.chunked = false;
    r.steps = {Step::write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code +
                           "</Code><Message>" + message + "</Message></Error>\n")};
    return r;
}

QByteArray bigEndian32(quint32 v)
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[i] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
    return b;
}

quint32 crc32(const QByteArray& data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (char ch : data)
        c = table[(c ^ static_cast<quint8>(ch)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray pngChunk(const QByteArray& type, const QByteArray& data)
{
    return bigEndian32(static_cast<quint32>(data.size())) + type + data + bigEndian32(crc32(type + data));
}

// A body field that must be a non-empty string; "" otherwise.
QByteArray requiredString(const nlohmann::json& obj, const char* key)
{
    const std::string s = stringField(obj, key);
    return QByteArray::fromStdString(s).trimmed().isEmpty() ? QByteArray() : QByteArray::fromStdString(s);
}

bool isIntegerIn(const nlohmann::json& v, qint64 low, qint64 high)
{
    if (v.is_number_unsigned())
        return v.get<quint64>() <= static_cast<quint64>(high) && low <= 0;
    return v.is_number_integer() && v.get<qint64>() >= low && v.get<qint64>() <= high;
}

ScriptedResponse imageAnswer(const nlohmann::json& body, const QByteArray& origin,
                             detail::GenerationState& state)
{
    const QByteArray model = requiredString(body, "model");
    if (model.isEmpty())
        return missingParameter("model");
    const QByteArray prompt = requiredString(body, "prompt");
    if (prompt.isEmpty())
        return missingParameter("prompt");
    if (model == "loopback-badkey")
        return badKey();
    if (model == "loopback-ratelimit" && ++state.requestsPerModel[model] % 2 == 1)
        return rateLimited();
    if (model == "loopback-image-sensitive")
        return errorResponse(
            400, "OutputImageSensitiveContentDetected",
            "The request failed because the output image may contain sensitive information.");

    QByteArray format = "url";
    if (body.contains("response_format")) {
        format = QByteArray::fromStdString(stringField(body, "response_format"));
        if (format != "url" && format != "b64_json")
            return invalidParameter("response_format", "response_format must be url or b64_json.");
    }
    int width = 1024;
    int height = 1024;
    if (body.contains("size")) {
        static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,5})x([0-9]{1,5})$"));
        const auto m = pattern.match(QString::fromStdString(stringField(body, "size")));
        width = m.hasMatch() ? m.captured(1).toInt() : 0;
        height = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (width < 64 || width > 4096 || height < 64 || height > 4096)
            return invalidParameter("size", "size must be WIDTHxHEIGHT with each side from 64 to 4096.");
    }
    qint64 seed = -1;
    if (body.contains("seed")) {
        if (!isIntegerIn(body["seed"], -1, 2147483647))
            return invalidParameter("seed", "seed must be an integer from -1 to 2147483647.");
        seed = body["seed"].get<qint64>();
    }
    if (body.contains("guidance_scale") &&
        (!body["guidance_scale"].is_number() || body["guidance_scale"].get<double>() < 1.0 ||
         body["guidance_scale"].get<double>() > 10.0))
        return invalidParameter("guidance_scale", "guidance_scale must be a number from 1 to 10.");
    if (body.contains("watermark") && !body["watermark"].is_boolean())
        return invalidParameter("watermark", "watermark must be true or false.");

    const quint32 pixelSeed = seed >= 0 ? static_cast<quint32>(seed) : fnv1a(prompt);
    const QByteArray png = tinyPng(std::max(1, width / 64), std::max(1, height / 64), pixelSeed);
    ojson item;
    if (format == "url") {
        const QByteArray path = "/files/images/" + QByteArray::number(++state.serial) + ".png";
        state.files.insert(path, detail::ResultFile{png, "image/png", false});
        item["url"] = utf8(origin + path);
    } else {
        item["b64_json"] = png.toBase64().toStdString();
    }
    item["size"] = utf8(QByteArray::number(width) + 'x' + QByteArray::number(height));
    const qint64 tokens = qint64(width) * height / 256;
    const QByteArray id = newRequestId();
    ojson j;
    j["model"] = utf8(model);
    j["created"] = QDateTime::currentSecsSinceEpoch();
    j["data"] = ojson::array({item});
    j["usage"] = {{"generated_images", 1}, {"output_tokens", tokens}, {"total_tokens", tokens}};
    return ScriptedResponse::json(200, toBytes(j), {{"X-Request-Id", id}});
}

// Seedance output sizes by resolution and ratio (seed L18733-18787); keep_ratio/adaptive count as 16:9.
QPair<int, int> videoPixels(const QByteArray& resolution, const QByteArray& ratio)
{
    static const QHash<QByteArray, QList<QPair<int, int>>> sizes{
        {"16:9", {{864, 480}, {1248, 704}, {1920, 1088}}}, {"4:3", {{736, 544}, {1120, 832}, {1664, 1248}}},
        {"1:1", {{640, 640}, {960, 960}, {1440, 1440}}},   {"3:4", {{544, 736}, {832, 1120}, {1248, 1664}}},
        {"9:16", {{480, 864}, {704, 1248}, {1088, 1920}}}, {"21:9", {{960, 416}, {1504, 640}, {2176, 928}}},
        {"9:21", {{416, 960}, {640, 1504}, {928, 2176}}}};
    const int column = resolution == "480p" ? 0 : resolution == "1080p" ? 2 : 1;
    return sizes.value(sizes.contains(ratio) ? ratio : QByteArray("16:9")).at(column);
}

bool isFrameUrl(const QByteArray& url)
{
    if (url.startsWith("https://") || url.startsWith("http://"))
        return url.size() > 8;
    static const QRegularExpression dataUrl(
        QStringLiteral("^data:image/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+$"));
    return dataUrl.match(QString::fromLatin1(url)).hasMatch();
}

// Reads and removes the --name value commands of a video prompt into `task`; "" or what is wrong.
QByteArray readCommands(QString& text, detail::VideoTask& task)
{
    static const QRegularExpression command(QStringLiteral("(?:^|\\s)--([A-Za-z_]+)(?:\\s+(\\S+))?"));
    QByteArray problem;
    auto it = command.globalMatch(text);
    while (it.hasNext() && problem.isEmpty()) {
        const auto m = it.next();
        const QByteArray name = m.captured(1).toLatin1();
        const QByteArray value = m.captured(2).toUtf8();
        if (name == "rs" || name == "resolution") {
            if (value != "480p" && value != "720p" && value != "1080p")
                problem = "resolution must be 480p, 720p or 1080p.";
            task.resolution = value;
        } else if (name == "rt" || name == "ratio") {
            static const QList<QByteArray> ratios{"21:9", "16:9", "4:3",        "1:1",     "3:4",
                                                  "9:16", "9:21", "keep_ratio", "adaptive"};
            if (!ratios.contains(value))
                problem = "ratio must be one of 21:9, 16:9, 4:3, 1:1, 3:4, 9:16, 9:21, keep_ratio, adaptive.";
            task.ratio = value;
        } else if (name == "dur" || name == "duration") {
            if (value != "5" && value != "10")
                problem = "duration must be 5 or 10.";
            task.duration = value.toInt();
        } else if (name == "fps" || name == "framepersecond") {
            if (value != "16" && value != "24")
                problem = "framepersecond must be 16 or 24.";
            task.fps = value.toInt();
        } else if (name == "wm" || name == "watermark" || name == "cf" || name == "camerafixed") {
            if (value != "true" && value != "false")
                problem = name + " must be true or false.";
        } else if (name == "seed") {
            bool ok = false;
            const qint64 seed = value.toLongLong(&ok);
            if (!ok || seed < -1 || seed > 4294967295LL)
                problem = "seed must be an integer from -1 to 4294967295.";
            task.seed = seed;
        } else {
            problem = "unknown text command --" + name + ".";
        }
    }
    text.remove(command);
    text = text.trimmed();
    return problem;
}

QByteArray base36(quint32 value, int width)
{
    QByteArray out = QByteArray::number(value, 36);
    return out.rightJustified(width, '0').right(width);
}

ScriptedResponse createTask(const nlohmann::json& body, detail::GenerationState& state)
{
    const QByteArray model = requiredString(body, "model");
    if (model.isEmpty())
        return missingParameter("model");
    const auto content = body.find("content");
    if (content == body.end() || !content->is_array() || content->empty())
        return missingParameter("content");
    QString text;
    int textParts = 0;
    QList<QPair<QByteArray, QByteArray>> frames; // role, url
    for (const auto& part : *content) {
        if (!part.is_object())
            return invalidParameter("content", "every content item must be an object.");
        const std::string type = stringField(part, "type");
        if (type == "text") {
            if (!part.contains("text") || !part["text"].is_string())
                return invalidParameter("content.text", "a text item needs its text.");
            text = QString::fromStdString(part["text"].get<std::string>());
            ++textParts;
        } else if (type == "image_url") {
            const auto image = part.find("image_url");
            const QByteArray url = image != part.end() && image->is_object()
                                       ? QByteArray::fromStdString(stringField(*image, "url"))
                                       : QByteArray();
            if (url.isEmpty())
                return missingParameter("content.image_url.url");
            if (!isFrameUrl(url))
                return invalidParameter(
                    "content.image_url.url",
                    "the image must be an http(s) URL or data:image/<format>;base64,<data> "
                    "with the format in lowercase.");
            const QByteArray role = QByteArray::fromStdString(stringField(part, "role"));
            if (!role.isEmpty() && role != "first_frame" && role != "last_frame")
                return invalidParameter("content.role", "role must be first_frame or last_frame.");
            frames.append({role.isEmpty() ? QByteArray("first_frame") : role, url});
        } else {
            return invalidParameter("content.type", "type must be text or image_url.");
        }
    }
    if (textParts > 1)
        return invalidParameter("content", "only one text item is allowed.");
    if (frames.size() > 2)
        return invalidParameter("content", "at most two images (first and last frame) are allowed.");
    if (frames.size() == 2 && frames[0].first == frames[1].first)
        return invalidParameter("content.role",
                                "with two images, one must be first_frame and one last_frame.");
    if (frames.size() == 1 && frames[0].first == "last_frame")
        return invalidParameter("content.role", "a last_frame needs a first_frame.");

    detail::VideoTask task;
    task.seed = -1;
    const QByteArray problem = readCommands(text, task);
    if (!problem.isEmpty())
        return invalidParameter("content.text", problem);
    if (text.isEmpty() && frames.isEmpty())
        return missingParameter("content.text");
    if (model == "loopback-badkey")
        return badKey();
    if (model == "loopback-ratelimit" && ++state.requestsPerModel[model] % 2 == 1)
        return rateLimited();

    static const QRegularExpression custom(QStringLiteral("^loopback-video-q([0-9]+)r([0-9]+)(-fail)?$"));
    const auto m = custom.match(QString::fromUtf8(model));
    if (model == "loopback-video-fail") {
        task.fails = true;
    } else if (model == "loopback-video-stuck") {
        task.stuck = true;
    } else if (m.hasMatch()) {
        task.queuedPolls = m.captured(1).toInt();
        task.runningPolls = m.captured(2).toInt();
        task.fails = !m.captured(3).isEmpty();
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    task.id = "cgt-" + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddhhmmss")).toLatin1() +
              '-' + base36(static_cast<quint32>(++state.serial) * 7919u + fnv1a(model) % 1000u, 5);
    task.model = model;
    task.prompt = text;
    task.frames = int(frames.size());
    task.createdAt = now;
    task.updatedAt = now;
    if (task.seed < 0)
        task.seed = fnv1a(task.id) % 2147483647u;
    state.tasks.push_back(task);
    ojson j;
    j["id"] = utf8(task.id);
    return ScriptedResponse::json(200, toBytes(j), {{"X-Request-Id", newRequestId()}});
}

// One GET of a task: the state machine moves on (queued -> running -> succeeded or failed).
void advance(detail::VideoTask& task, detail::GenerationState& state)
{
    if (task.status != "queued" && task.status != "running")
        return; // final, or cancelled
    ++task.polls;
    QByteArray next;
    if (task.stuck || task.polls <= task.queuedPolls)
        next = "queued";
    else if (task.polls <= task.queuedPolls + task.runningPolls)
        next = "running";
    else
        next = task.fails ? "failed" : "succeeded";
    if (next == task.status)
        return;
    task.status = next;
    task.updatedAt = QDateTime::currentSecsSinceEpoch();
    if (next == "succeeded") {
        task.videoPath = "/files/videos/" + task.id + ".mp4";
        state.files.insert(task.videoPath, detail::ResultFile{sampleVideo(), "video/mp4", false});
        const QPair<int, int> pixels = videoPixels(task.resolution, task.ratio);
        task.completionTokens = qint64(pixels.first) * pixels.second * task.fps * task.duration / 1024;
    }
}

ojson taskJson(const detail::VideoTask& task, const QByteArray& origin)
{
    ojson j;
    j["id"] = utf8(task.id);
    j["model"] = utf8(task.model);
    j["status"] = utf8(task.status);
    if (task.status == "failed")
        j["error"] = {
            {"code", "OutputVideoSensitiveContentDetected"},
            {"message", "The request failed because the output video may contain sensitive information."}};
    else
        j["error"] = nullptr;
    if (task.status == "succeeded")
        j["content"] = {{"video_url", utf8(origin + task.videoPath)}};
    j["seed"] = task.seed;
    if (task.status == "succeeded")
        j["usage"] = {{"completion_tokens", task.completionTokens}, {"total_tokens", task.completionTokens}};
    j["created_at"] = task.createdAt;
    j["updated_at"] = task.updatedAt;
    return j;
}

ScriptedResponse taskNotFound(const QByteArray& id)
{
    return errorResponse(404, "ResourceNotFound", "The specified task " + id + " is not found.");
}

ScriptedResponse getTask(const QByteArray& id, const QByteArray& origin, detail::GenerationState& state)
{
    detail::VideoTask* task = state.task(id);
    if (!task)
        return taskNotFound(id);
    advance(*task, state);
    return ScriptedResponse::json(200, toBytes(taskJson(*task, origin)), {{"X-Request-Id", newRequestId()}});
}

ScriptedResponse deleteTask(const QByteArray& id, detail::GenerationState& state)
{
    detail::VideoTask* task = state.task(id);
    if (!task)
        return taskNotFound(id);
    if (task->status == "running")
        return invalidParameter("id", "only queued tasks can be cancelled; task " + id + " is running.");
    if (task->status == "queued") {
        task->status = "cancelled"; // listable for 24 h, as the service keeps it
        task->updatedAt = QDateTime::currentSecsSinceEpoch();
    } else {
        state.tasks.erase(std::remove_if(state.tasks.begin(), state.tasks.end(),
                                         [&id](const detail::VideoTask& t) { return t.id == id; }),
                          state.tasks.end());
    }
    return ScriptedResponse::json(200, QByteArray(), {{"X-Request-Id", newRequestId()}});
}

ScriptedResponse listTasks(const QByteArray& rawQuery, const QByteArray& origin,
                           detail::GenerationState& state)
{
    const QUrlQuery query(QString::fromUtf8(rawQuery));
    auto intParam = [&query](const char* key, int* out) {
        const QString name = QString::fromLatin1(key);
        if (!query.hasQueryItem(name))
            return true;
        bool ok = false;
        *out = query.queryItemValue(name).toInt(&ok);
        return ok && *out >= 1 && *out <= 500;
    };
    int pageNum = 1;
    int pageSize = 10;
    if (!intParam("page_num", &pageNum))
        return invalidParameter("page_num", "page_num must be an integer from 1 to 500.");
    if (!intParam("page_size", &pageSize))
        return invalidParameter("page_size", "page_size must be an integer from 1 to 500.");
    const QByteArray status = query.queryItemValue(QStringLiteral("filter.status")).toUtf8();
    static const QList<QByteArray> statuses{"queued", "running", "cancelled", "succeeded", "failed"};
    if (!status.isEmpty() && !statuses.contains(status))
        return invalidParameter("filter.status",
                                "filter.status must be queued, running, cancelled, succeeded or failed.");
    QList<QByteArray> ids;
    const QStringList values =
        query.allQueryItemValues(QStringLiteral("filter.task_ids"), QUrl::FullyDecoded);
    for (const QString& v : values)
        for (const QString& id : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            ids << id.trimmed().toUtf8();
    const QByteArray model =
        query.queryItemValue(QStringLiteral("filter.model"), QUrl::FullyDecoded).toUtf8();

    std::vector<const detail::VideoTask*> matches;
    for (auto it = state.tasks.rbegin(); it != state.tasks.rend(); ++it) { // newest first
        if ((status.isEmpty() || it->status == status) && (ids.isEmpty() || ids.contains(it->id)) &&
            (model.isEmpty() || it->model == model))
            matches.push_back(&*it);
    }
    ojson items = ojson::array();
    const size_t first = size_t(pageNum - 1) * size_t(pageSize);
    for (size_t i = first; i < matches.size() && i < first + size_t(pageSize); ++i)
        items.push_back(taskJson(*matches[i], origin));
    ojson j;
    j["items"] = items;
    j["total"] = matches.size();
    return ScriptedResponse::json(200, toBytes(j), {{"X-Request-Id", newRequestId()}});
}

ScriptedResponse fileAnswer(const QByteArray& method, const QByteArray& path, detail::GenerationState& state)
{
    if (method != "GET") {
        ScriptedResponse r = storageError(405, "MethodNotAllowed", "Only GET is allowed.");
        r.header("Allow", "GET");
        return r;
    }
    const auto it = state.files.constFind(path);
    if (it == state.files.constEnd())
        return storageError(404, "NoSuchKey", "The specified key does not exist.");
    if (it->expired)
        return storageError(403, "AccessDenied", "Request has expired.");
    ScriptedResponse r;
    r.status = 200;
    r.headers = {{"Content-Type", it->contentType}};
    r.chunked = false;
    r.steps = {Step::write(it->bytes)};
    return r;
}

QByteArray pathOnly(const QByteArray& path)
{
    const qsizetype q = path.indexOf('?');
    return q < 0 ? path : path.left(q);
}

QByteArray queryOf(const QByteArray& path)
{
    const qsizetype q = path.indexOf('?');
    return q < 0 ? QByteArray() : path.mid(q + 1);
}

bool bearerPresent(const QByteArray& authorization)
{
    const QByteArray v = authorization.trimmed();
    return v.size() > 7 && v.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0 &&
           !v.mid(7).trimmed().isEmpty();
}

ScriptedResponse methodNotAllowed(const QByteArray& path, const QByteArray& allowed)
{
    ScriptedResponse r = errorResponse(405, "MethodNotAllowed",
                                       "Only " + allowed + " " + (allowed.contains(',') ? "are" : "is") +
                                           " allowed on " + path + ".");
    r.header("Allow", allowed);
    return r;
}

// The one entry point of the built-in behaviour. `authorization` is null when no header check is
// wanted; `origin` ("http://127.0.0.1:<port>") is where result URLs point.
ScriptedResponse builtIn(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                         const QByteArray* authorization, const QByteArray& origin,
                         detail::GenerationState& state)
{
    const QByteArray p = pathOnly(path);
    if (p.startsWith("/files/"))
        return fileAnswer(method, p, state); // signed links on a storage host: no API key involved
    const bool chat = p.endsWith("/api/v3/chat/completions");
    const bool tokenization = p.endsWith("/api/v3/tokenization");
    const bool images = p.endsWith("/api/v3/images/generations");
    const bool tasks = p.endsWith(kTasksRoot);
    const qsizetype root = p.indexOf(kTasksRoot + '/');
    const QByteArray rawTaskId = root >= 0 ? p.mid(root + kTasksRoot.size() + 1) : QByteArray();
    const bool task = !rawTaskId.isEmpty() && !rawTaskId.contains('/');
    if (!chat && !tokenization && !images && !tasks && !task)
        return errorResponse(404, "NotFound", "The requested path " + p + " was not found.");
    if (authorization && !bearerPresent(*authorization))
        return badKey();
    if (task) {
        const QByteArray id = QByteArray::fromPercentEncoding(rawTaskId);
        if (method == "GET")
            return getTask(id, origin, state);
        if (method == "DELETE")
            return deleteTask(id, state);
        return methodNotAllowed(p, "GET, DELETE");
    }
    if (tasks && method == "GET")
        return listTasks(queryOf(path), origin, state);
    if (method != "POST")
        return methodNotAllowed(p, tasks ? "GET, POST" : "POST");
    const nlohmann::json doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return errorResponse(
            400, "InvalidParameter",
            "A parameter specified in the request is not valid: the request body is not a JSON "
            "object.",
            "body");
    if (tasks)
        return createTask(doc, state);
    if (images)
        return imageAnswer(doc, origin, state);
    return chat ? chatAnswer(doc,
                             [&state](const QByteArray& model) { return ++state.requestsPerModel[model]; })
                : tokenizationAnswer(doc);
}

// ---------------------------------------------------------------------------------------------
// HTTP request parsing

enum class ParseStatus { Incomplete, Complete, Malformed, HeadersTooLarge, BodyTooLarge };

struct ParsedRequest
{
    RecordedRequest request;
    bool keepAlive = true;
    bool expectsContinue = false; // the client waits for "100 Continue" before sending the body
    qsizetype consumed = 0;
};

bool isTokenChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           QByteArray("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray& s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

// Reads one line ending in LF (CR before it dropped) starting at `pos`; false when incomplete.
bool readLine(const QByteArray& buffer, qsizetype& pos, QByteArray* line)
{
    const qsizetype lf = buffer.indexOf('\n', pos);
    if (lf < 0)
        return false;
    *line = buffer.mid(pos, lf - pos);
    if (line->endsWith('\r'))
        line->chop(1);
    pos = lf + 1;
    return true;
}

ParseStatus parseChunkedBody(const QByteArray& buffer, qsizetype pos, QByteArray* body, qsizetype* end)
{
    for (;;) {
        QByteArray line;
        if (!readLine(buffer, pos, &line))
            return ParseStatus::Incomplete;
        const qsizetype semi = line.indexOf(';');
        bool ok = false;
        const qlonglong size = (semi < 0 ? line : line.left(semi)).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return ParseStatus::Malformed;
        if (size == 0) {
            for (;;) { // trailers, then the empty line
                if (!readLine(buffer, pos, &line))
                    return ParseStatus::Incomplete;
                if (line.isEmpty()) {
                    *end = pos;
                    return ParseStatus::Complete;
                }
            }
        }
        if (body->size() + size > kMaxBodyBytes)
            return ParseStatus::BodyTooLarge;
        if (buffer.size() < pos + size + 2)
            return ParseStatus::Incomplete;
        body->append(buffer.constData() + pos, size);
        pos += size;
        if (buffer.at(pos) == '\r')
            ++pos;
        if (buffer.at(pos) != '\n')
            return ParseStatus::Malformed;
        ++pos;
    }
}

ParseStatus parseRequest(const QByteArray& buffer, ParsedRequest* out)
{
    qsizetype pos = 0;
    while (pos < buffer.size() && (buffer[pos] == '\r' || buffer[pos] == '\n'))
        ++pos; // empty lines before a request line are ignored (RFC 9112 2.2)
    if (pos == buffer.size())
        return ParseStatus::Incomplete;

    QByteArray line;
    if (!readLine(buffer, pos, &line))
        return buffer.size() > kMaxHeaderBytes ? ParseStatus::HeadersTooLarge : ParseStatus::Incomplete;
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1."))
        return ParseStatus::Malformed;
    RecordedRequest& req = out->request;
    req = RecordedRequest{};
    req.method = parts[0];
    req.path = parts[1];
    const bool http10 = parts[2] == "HTTP/1.0";

    for (;;) {
        if (!readLine(buffer, pos, &line))
            return buffer.size() > kMaxHeaderBytes ? ParseStatus::HeadersTooLarge : ParseStatus::Incomplete;
        if (pos > kMaxHeaderBytes)
            return ParseStatus::HeadersTooLarge;
        if (line.isEmpty())
            break;
        if ((line[0] == ' ' || line[0] == '\t') && !req.headers.isEmpty()) { // obsolete line folding
            req.headers.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return ParseStatus::Malformed;
        req.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }

    const QByteArray connection = req.header("Connection").toLower();
    out->keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
    out->expectsContinue = req.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;

    if (req.header("Transfer-Encoding").toLower().contains("chunked")) {
        qsizetype end = 0;
        const ParseStatus s = parseChunkedBody(buffer, pos, &req.body, &end);
        if (s == ParseStatus::Complete)
            out->consumed = end;
        return s;
    }
    qlonglong length = 0;
    if (hasHeader(req.headers, "Content-Length")) {
        bool ok = false;
        length = req.header("Content-Length").toLongLong(&ok);
        if (!ok || length < 0)
            return ParseStatus::Malformed;
        if (length > kMaxBodyBytes)
            return ParseStatus::BodyTooLarge;
    }
    if (buffer.size() - pos < length)
        return ParseStatus::Incomplete;
    req.body = buffer.mid(pos, length);
    out->consumed = pos + length;
    return ParseStatus::Complete;
}

// ---------------------------------------------------------------------------------------------
// Response framing

QList<QByteArray> framePieces(const QByteArray& bytes, bool chunked, int chunkSize)
{
    QList<QByteArray> out;
    if (bytes.isEmpty())
        return out; // an empty HTTP chunk would end the body
    const qsizetype step = chunkSize > 0 ? chunkSize : bytes.size();
    for (qsizetype i = 0; i < bytes.size(); i += step) {
        const QByteArray piece = bytes.mid(i, step);
        out << (chunked ? QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n" : piece);
    }
    return out;
}

bool isFramingHeader(const QByteArray& name)
{
    return name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0 ||
           name.compare("Content-Length", Qt::CaseInsensitive) == 0;
}

} // namespace

// =============================================================================================
// Public value types

QList<RecordedRequest> LoopbackServer::requestsTo(const QByteArray& pathPart, const QByteArray& method) const
{
    QList<RecordedRequest> out;
    for (const RecordedRequest& r : m_requests)
        if ((method.isEmpty() || r.method == method) && r.path.contains(pathPart))
            out << r;
    return out;
}

QByteArray RecordedRequest::header(const QByteArray& name) const
{
    return findHeader(headers, name);
}

Step Step::write(QByteArray bytes)
{
    Step s;
    s.kind = Kind::Write;
    s.bytes = std::move(bytes);
    return s;
}

Step Step::delay(int ms)
{
    Step s;
    s.kind = Kind::Delay;
    s.ms = ms;
    return s;
}

Step Step::drop()
{
    Step s;
    s.kind = Kind::Drop;
    return s;
}

Step Step::stall()
{
    Step s;
    s.kind = Kind::Stall;
    return s;
}

ScriptedResponse ScriptedResponse::sse(const QList<QByteArray>& dataPayloads, bool withDone)
{
    ScriptedResponse r;
    r.status = 200;
    r.headers = {{"Content-Type", "text/event-stream; charset=utf-8"}, {"Cache-Control", "no-cache"}};
    r.chunked = true;
    for (const QByteArray& p : dataPayloads)
        r.steps.push_back(Step::write("data: " + p + "\n\n"));
    if (withDone)
        r.steps.push_back(Step::write("data: [DONE]\n\n"));
    return r;
}

ScriptedResponse ScriptedResponse::json(int status, const QByteArray& body, const Headers& extraHeaders)
{
    ScriptedResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    for (const auto& h : extraHeaders)
        r.header(h.first, h.second);
    r.chunked = false;
    r.steps = {Step::write(body)};
    return r;
}

// Sets a header: replaces the first one of that name (case-insensitive), or appends it.
ScriptedResponse& ScriptedResponse::header(const QByteArray& name, const QByteArray& value)
{
    for (auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

namespace chunks {

QByteArray content(const QString& text, const QByteArray& model)
{
    return makeChunk(scriptedContext(model), contentDelta(text));
}

QByteArray reasoning(const QString& text, const QByteArray& model)
{
    return makeChunk(scriptedContext(model), reasoningDelta(text));
}

QByteArray finish(const QByteArray& reason, const QByteArray& model)
{
    return makeChunk(scriptedContext(model), baseDelta(), utf8(reason));
}

QByteArray toolCallStart(int index, const QByteArray& id, const QByteArray& name)
{
    return makeChunk(scriptedContext(kDefaultModel), toolStartDelta(index, id, name));
}

QByteArray toolCallArgs(int index, const QByteArray& argumentsPiece)
{
    return makeChunk(scriptedContext(kDefaultModel), toolArgsDelta(index, argumentsPiece));
}

QByteArray usageOnly(int prompt, int completion, int reasoningTokens, int cached)
{
    return usageChunk(scriptedContext(kDefaultModel),
                      usageObject(prompt, completion, reasoningTokens, cached));
}

QByteArray errorObject(const QByteArray& code, const QByteArray& message)
{
    return errorBody(code, message);
}

QByteArray chunkId()
{
    return scriptedId();
}

} // namespace chunks

ScriptedResponse scenarioFor(const QByteArray& requestBody, const QByteArray& path)
{
    static detail::GenerationState state; // the free function has no server to keep it in
    return builtIn("POST", path, requestBody, nullptr, "http://127.0.0.1", state);
}

QByteArray tinyPng(int width, int height, quint32 seed)
{
    width = std::max(1, width);
    height = std::max(1, height);
    QByteArray header = bigEndian32(static_cast<quint32>(width)) + bigEndian32(static_cast<quint32>(height));
    header += QByteArray("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, no filter, no interlace
    QByteArray raw;
    raw.reserve(height * (1 + 3 * width));
    for (int y = 0; y < height; ++y) {
        raw.append('\0'); // filter type None
        for (int x = 0; x < width; ++x) {
            raw.append(static_cast<char>((x * 255 / std::max(1, width - 1)) ^ (seed & 0xFF)));
            raw.append(static_cast<char>((y * 255 / std::max(1, height - 1)) ^ ((seed >> 8) & 0xFF)));
            raw.append(static_cast<char>(((x + y) * 40) ^ ((seed >> 16) & 0xFF)));
        }
    }
    // qCompress writes a 4-byte length, then exactly the zlib stream PNG wants.
    const QByteArray zlib = qCompress(raw, 9).mid(4);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) + pngChunk("IDAT", zlib) +
           pngChunk("IEND", QByteArray());
}

QByteArray sampleVideo()
{
    // tests/data/media/tiny-2s-160x90.mp4, compiled in: a real H.264 clip, so a finished task's
    // video can be played back in the app and in tests.
    QFile file(QStringLiteral(":/loopback/tiny-2s-160x90.mp4"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : placeholderVideo("sample missing");
}

QByteArray placeholderVideo(const QByteArray& label)
{
    // ftyp: major brand isom, minor version 0x200, compatible isom iso2 mp41.
    const QByteArray ftypBody = QByteArray("isom") + bigEndian32(0x200) + "isomiso2mp41";
    const QByteArray text = "ark-loopback placeholder video (not decodable): " + label;
    return bigEndian32(static_cast<quint32>(8 + ftypBody.size())) + "ftyp" + ftypBody +
           bigEndian32(static_cast<quint32>(8 + text.size())) + "free" + text;
}

// =============================================================================================
// The server

struct LoopbackServer::Connection
{
    QByteArray buffer;
    bool busy = false;         // a response is being written; later (pipelined) requests wait
    bool sentContinue = false; // "100 Continue" already sent for the request being received
};

struct LoopbackServer::ResponseRun
{
    QPointer<QTcpSocket> socket;
    ScriptedResponse response;
    size_t next = 0;           // the next step
    QList<QByteArray> pending; // framed pieces of the current Write, sent one per event-loop turn
    bool closeAfter = false;
};

LoopbackServer::LoopbackServer(QObject* parent)
    : QObject(parent), m_server(new QTcpServer(this)), m_state(std::make_unique<detail::GenerationState>())
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackServer::onNewConnection);
}

LoopbackServer::~LoopbackServer()
{
    // Sockets are children of m_server; stop their signals from reaching a half-destroyed object.
    const auto sockets = m_connections.keys();
    for (QTcpSocket* socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
    m_connections.clear();
}

bool LoopbackServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 LoopbackServer::port() const
{
    return m_server->serverPort();
}

QUrl LoopbackServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v3").arg(port()));
}

void LoopbackServer::enqueue(const QByteArray& pathSuffix, const ScriptedResponse& response)
{
    m_queue.append({pathSuffix, response});
}

void LoopbackServer::clearQueue()
{
    m_queue.clear();
}

int LoopbackServer::openConnections() const
{
    return int(m_connections.size());
}

void LoopbackServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        ++m_totalConnections;
        // No Nagle: small writes must leave at once, or byte-by-byte delivery would be coalesced.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_connections.insert(socket, std::make_shared<Connection>());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void LoopbackServer::onReadyRead(QTcpSocket* socket)
{
    const auto conn = m_connections.value(socket);
    if (!conn)
        return;
    conn->buffer += socket->readAll();
    processBuffer(socket);
}

void LoopbackServer::onDisconnected(QTcpSocket* socket)
{
    m_connections.remove(socket);
    socket->deleteLater();
}

void LoopbackServer::processBuffer(QTcpSocket* socket)
{
    const auto conn = m_connections.value(socket);
    if (!conn || conn->busy || socket->state() != QAbstractSocket::ConnectedState)
        return;
    ParsedRequest parsed;
    const ParseStatus status = parseRequest(conn->buffer, &parsed);
    switch (status) {
    case ParseStatus::Incomplete:
        if (parsed.expectsContinue && !conn->sentContinue) {
            conn->sentContinue = true;
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            socket->flush();
        }
        return;
    case ParseStatus::Malformed:
        conn->busy = true;
        startResponse(socket, errorResponse(400, "InvalidParameter", "The HTTP request is malformed."), true);
        return;
    case ParseStatus::HeadersTooLarge:
        conn->busy = true;
        startResponse(socket, errorResponse(431, "InvalidParameter", "The request headers are too large."),
                      true);
        return;
    case ParseStatus::BodyTooLarge:
        conn->busy = true;
        startResponse(socket, errorResponse(413, "InvalidParameter", "The request body is too large."), true);
        return;
    case ParseStatus::Complete:
        break;
    }
    conn->buffer.remove(0, parsed.consumed);
    conn->busy = true;
    conn->sentContinue = false;
    m_requests.append(parsed.request);
    const QPointer<QTcpSocket> guard(socket);
    emit requestReceived(parsed.request);
    if (!guard || !m_connections.contains(socket))
        return; // a slot closed the connection
    startResponse(socket, answerFor(parsed.request), !parsed.keepAlive);
}

ScriptedResponse LoopbackServer::answerFor(const RecordedRequest& request)
{
    const QByteArray path = pathOnly(request.path);
    for (int i = 0; i < m_queue.size(); ++i) {
        if (path.endsWith(m_queue[i].first))
            return m_queue.takeAt(i).second;
    }
    const QByteArray authorization = request.header("Authorization");
    const QByteArray host = request.header("Host");
    const QByteArray origin = "http://" + (host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port()) : host);
    return builtIn(request.method, request.path, request.body, &authorization, origin, *m_state);
}

void LoopbackServer::expireFiles()
{
    for (auto it = m_state->files.begin(); it != m_state->files.end(); ++it)
        it->expired = true;
}

int LoopbackServer::videoTaskCount() const
{
    return int(m_state->tasks.size());
}

QByteArray LoopbackServer::videoTaskStatus(const QByteArray& taskId) const
{
    const detail::VideoTask* task = m_state->task(taskId);
    return task ? task->status : QByteArray();
}

void LoopbackServer::startResponse(QTcpSocket* socket, const ScriptedResponse& response, bool closeAfter)
{
    auto run = std::make_shared<ResponseRun>();
    run->socket = socket;
    run->response = response;
    run->closeAfter = closeAfter || findHeader(response.headers, "Connection").toLower().contains("close");

    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto& h : response.headers)
        if (!isFramingHeader(h.first))
            head += h.first + ": " + h.second + "\r\n";
    if (!hasHeader(response.headers, "Content-Type"))
        head += "Content-Type: text/plain; charset=utf-8\r\n";
    if (!hasHeader(response.headers, "X-Request-Id"))
        head += "X-Request-Id: " + newRequestId() + "\r\n";
    if (!hasHeader(response.headers, "Date"))
        head += "Date: " + httpDate() + "\r\n";
    if (!hasHeader(response.headers, "Server"))
        head += "Server: ark-loopback\r\n";
    if (response.chunked) {
        head += "Transfer-Encoding: chunked\r\n";
    } else {
        // A scripted Content-Length wins, so a test can promise more than it sends.
        QByteArray length = findHeader(response.headers, "Content-Length");
        if (length.isEmpty()) {
            qsizetype total = 0;
            for (const Step& s : response.steps)
                if (s.kind == Step::Kind::Write)
                    total += s.bytes.size();
            length = QByteArray::number(total);
        }
        head += "Content-Length: " + length + "\r\n";
    }
    if (run->closeAfter && !hasHeader(response.headers, "Connection"))
        head += "Connection: close\r\n";
    head += "\r\n";
    socket->write(head);
    socket->flush();
    runSteps(run);
}

void LoopbackServer::runSteps(const std::shared_ptr<ResponseRun>& run)
{
    QTcpSocket* socket = run->socket.data();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client went away; onDisconnected has cleaned up
    auto later = [this, run](int ms) {
        QTimer::singleShot(ms, this, [this, run] { runSteps(run); });
    };

    if (!run->pending.isEmpty()) {
        // One piece per event-loop turn, so pieces leave as separate TCP writes.
        socket->write(run->pending.takeFirst());
        socket->flush();
        later(0);
        return;
    }
    const ScriptedResponse& r = run->response;
    while (run->next < r.steps.size()) {
        const Step& step = r.steps[run->next++];
        switch (step.kind) {
        case Step::Kind::Write:
            run->pending = framePieces(step.bytes, r.chunked, r.chunkSize);
            if (run->pending.isEmpty())
                continue;
            runSteps(run);
            return;
        case Step::Kind::Delay:
            later(step.ms);
            return;
        case Step::Kind::Drop:
            // What was written still reaches the client; then the connection ends with no terminator.
            socket->flush();
            if (socket->bytesToWrite() == 0) {
                socket->abort();
            } else {
                connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
                    if (socket->bytesToWrite() == 0)
                        socket->abort();
                });
            }
            return;
        case Step::Kind::Stall:
            return; // the connection stays busy and open until the client closes it
        }
    }
    finishResponse(run);
}

void LoopbackServer::finishResponse(const std::shared_ptr<ResponseRun>& run)
{
    QTcpSocket* socket = run->socket.data();
    if (!socket)
        return;
    if (run->response.chunked)
        socket->write("0\r\n\r\n");
    socket->flush();
    if (run->closeAfter) {
        socket->disconnectFromHost(); // sends what is buffered, then closes
        return;
    }
    if (const auto conn = m_connections.value(socket))
        conn->busy = false;
    // The next pipelined request, if any, on a fresh stack.
    const QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(0, this, [this, guard] {
        if (guard)
            processBuffer(guard.data());
    });
}

} // namespace ark::testsupport
