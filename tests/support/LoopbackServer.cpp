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
#include "LoopbackServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLocale>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>

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

QByteArray pathOnly(const QByteArray& path)
{
    const qsizetype q = path.indexOf('?');
    return q < 0 ? path : path.left(q);
}

bool bearerPresent(const QByteArray& authorization)
{
    const QByteArray v = authorization.trimmed();
    return v.size() > 7 && v.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0 &&
           !v.mid(7).trimmed().isEmpty();
}

// The one entry point of the built-in behaviour. `authorization` is null when no header check is wanted.
ScriptedResponse builtIn(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                         const QByteArray* authorization,
                         const std::function<int(const QByteArray&)>& ordinal)
{
    const QByteArray p = pathOnly(path);
    const bool chat = p.endsWith("/api/v3/chat/completions");
    const bool tokenization = p.endsWith("/api/v3/tokenization");
    if (!chat && !tokenization)
        return errorResponse(404, "NotFound", "The requested path " + p + " was not found.");
    if (authorization && !bearerPresent(*authorization))
        return errorResponse(401, "AuthenticationError",
                             "The API key or AK/SK in the request is missing or invalid.");
    if (method != "POST") {
        ScriptedResponse r = errorResponse(405, "MethodNotAllowed", "Only POST is allowed on " + p + ".");
        r.header("Allow", "POST");
        return r;
    }
    const nlohmann::json doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return errorResponse(
            400, "InvalidParameter",
            "A parameter specified in the request is not valid: the request body is not a JSON "
            "object.",
            "body");
    return chat ? chatAnswer(doc, ordinal) : tokenizationAnswer(doc);
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
    static QHash<QByteArray, int> perModel; // the free function has no server to count on
    return builtIn("POST", path, requestBody, nullptr,
                   [](const QByteArray& model) { return ++perModel[model]; });
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

LoopbackServer::LoopbackServer(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
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
    return builtIn(request.method, request.path, request.body, &authorization,
                   [this](const QByteArray& model) { return ++m_requestsPerModel[model]; });
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
