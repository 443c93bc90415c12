<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Calculator</name>
    <message>
        <source>The expression is empty</source>
        <translation>表达式为空</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Ark Workbench</source>
        <translation>方舟工作台</translation>
    </message>
    <message>
        <source>The conversation database %1 could not be opened:
%2</source>
        <translation>无法打开对话数据库 %1：
%2</translation>
    </message>
</context>
<context>
    <name>SseDecode</name>
    <message>
        <source>Usage: ark-workbench-cli sse-decode [FILE]
Decodes a text/event-stream body (from FILE, or standard input when FILE is absent or &quot;-&quot;)
and prints each event as one JSON line.</source>
        <translation>用法：ark-workbench-cli sse-decode [FILE]
解码 text/event-stream 响应体（从 FILE 读取；未指定 FILE 或 FILE 为“-”时读取标准输入），
并将每个事件输出为一行 JSON。</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <source>sse-decode: cannot open %1: %2</source>
        <translation>sse-decode: 无法打开 %1：%2</translation>
    </message>
    <message>
        <source>sse-decode: cannot read %1: %2</source>
        <translation>sse-decode: 无法读取 %1：%2</translation>
    </message>
    <message>
        <source>sse-decode: an event or line exceeds %1 bytes; stopped</source>
        <translation>sse-decode: 某个事件或行超过 %1 字节，已停止</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>api</name>
    <message>
        <source>The tokenization answer is not the JSON the API documents.</source>
        <translation>分词接口的返回不是 API 文档所述的 JSON。</translation>
    </message>
</context>
<context>
    <name>ark::api::ApiError</name>
    <message>
        <source>No error.</source>
        <translation>没有错误。</translation>
    </message>
    <message>
        <source>The server refused access. The API key may be wrong, or this account or project has no access to the model (not activated, or the account is overdue). Check the key in Settings or with `ark-workbench-cli key set`, and the model&apos;s status in the console.</source>
        <translation>服务器拒绝访问。可能是 API Key 有误，或此账号或项目无权使用该模型（模型未开通，或账号已欠费）。请在“设置”中或用 `ark-workbench-cli key set` 检查 API Key，并在控制台查看模型状态。</translation>
    </message>
    <message>
        <source>The server refused the API key. Check the key in Settings or set it again with `ark-workbench-cli key set`.</source>
        <translation>服务器拒绝了该 API Key。请在“设置”中检查，或用 `ark-workbench-cli key set` 重新设置。</translation>
    </message>
    <message>
        <source>The server rejected the request as invalid. Check the model, the parameters and the messages; some models do not accept every parameter.</source>
        <translation>服务器认为请求无效。请检查模型、参数和消息；部分模型并不支持所有参数。</translation>
    </message>
    <message>
        <source>The model or endpoint was not found. Check the model ID or endpoint ID (ep-...) and the base URL.</source>
        <translation>未找到该模型或推理接入点。请检查模型 ID 或接入点 ID（ep-...）以及 Base URL。</translation>
    </message>
    <message>
        <source>The request was rate limited (the RPM or TPM limit of the account or model was reached). Wait a moment and try again, or lower max tokens: the limit counts the expected output in advance.</source>
        <translation>请求被限流（已达到账号或模型的 RPM 或 TPM 上限）。请稍后重试，或调低最大 token 数：限额会预先计入预期的输出。</translation>
    </message>
    <message>
        <source>The server is overloaded right now. Try again in a moment.</source>
        <translation>服务器当前负载过高，请稍后重试。</translation>
    </message>
    <message>
        <source>The server failed to answer. Try again later; if it keeps happening, report the request id.</source>
        <translation>服务器未能响应。请稍后重试；如果问题持续出现，请反馈请求 ID。</translation>
    </message>
    <message>
        <source>This model has been retired and no longer answers. Choose its replacement in the model settings.</source>
        <translation>该模型已下线，不再响应。请在模型设置中选择替代模型。</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the network connection and the base URL in Settings.</source>
        <translation>无法连接服务器。请检查网络连接以及“设置”中的 Base URL。</translation>
    </message>
    <message>
        <source>The server sent no data for too long, so the request was stopped. Try again; thinking models can be slow, and a longer idle timeout may help.</source>
        <translation>服务器长时间未发送数据，请求已停止。请重试；深度思考模型可能较慢，延长空闲超时时间或许会有帮助。</translation>
    </message>
    <message>
        <source>The connection closed before the answer was complete. The partial answer was kept.</source>
        <translation>回答完成前连接已关闭。已保留部分回答。</translation>
    </message>
    <message>
        <source>The server sent data in an unexpected format, so the answer was stopped. The partial answer was kept.</source>
        <translation>服务器发送的数据格式异常，回答已停止。已保留部分回答。</translation>
    </message>
    <message>
        <source>The server sent one piece of the stream that is larger than allowed, so the stream was stopped to protect memory.</source>
        <translation>服务器发送的某段流数据超出允许的大小，为保护内存已停止接收。</translation>
    </message>
    <message>
        <source>The answer was stopped by content moderation. The partial answer was kept; rephrasing the request may help.</source>
        <translation>回答因内容审核被中止。已保留部分回答；换个说法提问或许会有帮助。</translation>
    </message>
    <message>
        <source>The server redirected the request to another host. The request was not sent there, to protect your API key. Check the base URL.</source>
        <translation>服务器将请求重定向到了其他主机。为保护你的 API Key，请求未发往该主机。请检查 Base URL。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>An unknown error occurred.</source>
        <translation>发生未知错误。</translation>
    </message>
    <message>
        <source>The server asked to wait %1 s before trying again.</source>
        <translation>服务器要求等待 %1 秒后再重试。</translation>
    </message>
    <message>
        <source>HTTP status %1.</source>
        <translation>HTTP 状态码 %1。</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>服务器返回：%1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Request id: %1.</source>
        <translation>请求 ID：%1。</translation>
    </message>
    <message>
        <source>The server reported an error without a code or a message.</source>
        <translation>服务器报告了错误，但未提供错误码或错误信息。</translation>
    </message>
</context>
<context>
    <name>ark::api::ChatCall</name>
    <message>
        <source>The response is larger than %1 MB.</source>
        <translation>响应超过 %1 MB。</translation>
    </message>
    <message>
        <source>One event of the stream is larger than %1 MB.</source>
        <translation>流中的单个事件超过 %1 MB。</translation>
    </message>
    <message>
        <source>The server closed the stream without [DONE].</source>
        <translation>服务器在发送 [DONE] 之前关闭了流。</translation>
    </message>
    <message>
        <source>No data for %1 seconds.</source>
        <translation>%1 秒内未收到数据。</translation>
    </message>
</context>
<context>
    <name>ark::api::ChunkDecoder</name>
    <message>
        <source>%1 is %2, expected %3</source>
        <translation>%1 为 %2，应为 %3</translation>
    </message>
    <message>
        <source>%1.index is out of range (%2)</source>
        <translation>%1.index 超出范围（%2）</translation>
    </message>
    <message>
        <source>%1. Chunk: %2</source>
        <translation>%1。数据块：%2</translation>
    </message>
    <message>
        <source>The data is empty</source>
        <translation>数据为空</translation>
    </message>
    <message>
        <source>The data is not valid JSON</source>
        <translation>数据不是有效的 JSON</translation>
    </message>
    <message>
        <source>The data is %1, expected a JSON object</source>
        <translation>数据为 %1，应为 JSON 对象</translation>
    </message>
    <message>
        <source>The body has no choices</source>
        <translation>响应体中没有 choices</translation>
    </message>
</context>
<context>
    <name>ark::api::DeprecationNotice</name>
    <message>
        <source>This model has been retired.</source>
        <translation>该模型已下线。</translation>
    </message>
    <message>
        <source>This model was retired on %1.</source>
        <translation>该模型已于 %1 下线。</translation>
    </message>
    <message>
        <source>This model is deprecated as of %1; it stops working on %2.</source>
        <translation>该模型自 %1 起已弃用，将于 %2 停止服务。</translation>
    </message>
    <message>
        <source>This model is deprecated as of %1.</source>
        <translation>该模型自 %1 起已弃用。</translation>
    </message>
    <message>
        <source>This model is deprecated; it stops working on %1.</source>
        <translation>该模型已弃用，将于 %1 停止服务。</translation>
    </message>
    <message>
        <source>This model is deprecated.</source>
        <translation>该模型已弃用。</translation>
    </message>
    <message>
        <source>This model stops working on %1.</source>
        <translation>该模型将于 %1 停止服务。</translation>
    </message>
    <message>
        <source>Use %1 instead.</source>
        <translation>请改用 %1。</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
</context>
<context>
    <name>ark::api::Exchange</name>
    <message>
        <source>… %1 more events (%2 bytes) not kept: the log keeps the first %3 KB of events of an exchange.</source>
        <translation>… 另有 %1 个事件（%2 字节）未保留：每次交互的日志只保留前 %3 KB 的事件。</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>ark::api::ExchangeEvent</name>
    <message>
        <source>reasoning: %1</source>
        <translation>思考：%1</translation>
    </message>
    <message>
        <source>content: %1</source>
        <translation>内容：%1</translation>
    </message>
    <message>
        <source>end of stream</source>
        <translation>流结束</translation>
    </message>
</context>
<context>
    <name>ark::api::ExchangeListModel</name>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>TTFB</source>
        <translation>TTFB</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>请求 ID</translation>
    </message>
</context>
<context>
    <name>ark::api::ExchangeLog</name>
    <message>
        <source>The request was abandoned before it finished.</source>
        <translation>请求在完成前已被放弃。</translation>
    </message>
</context>
<context>
    <name>ark::api::FileDownload</name>
    <message>
        <source>Only http and https links can be downloaded, not &quot;%1&quot;.</source>
        <translation>只能下载 http 和 https 链接，无法下载“%1”。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB.</source>
        <translation>文件超过 %1 MB。</translation>
    </message>
    <message>
        <source>No data for %1 seconds.</source>
        <translation>%1 秒内未收到数据。</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
    <message>
        <source>The file at %1 is no longer available (HTTP %2). Generated results are kept only for a limited time (videos for 24 hours); generate it again.</source>
        <translation>%1 处的文件已不可用（HTTP %2）。生成结果仅保留有限时间（视频保留 24 小时），请重新生成。</translation>
    </message>
    <message>
        <source>Cannot download from %1.</source>
        <translation>无法从 %1 下载。</translation>
    </message>
    <message>
        <source>The download from %1 stalled and was stopped.</source>
        <translation>从 %1 下载时长时间无进展，已停止。</translation>
    </message>
    <message>
        <source>The download from %1 was stopped: it is too large.</source>
        <translation>从 %1 下载已停止：文件过大。</translation>
    </message>
    <message>
        <source>Downloading from %1 failed (HTTP %2).</source>
        <translation>从 %1 下载失败（HTTP %2）。</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>无法保存文件。</translation>
    </message>
</context>
<context>
    <name>ark::api::HttpAttempt</name>
    <message>
        <source>Unexpected redirect (HTTP %1) to %2.</source>
        <translation>意外的重定向（HTTP %1）到 %2。</translation>
    </message>
</context>
<context>
    <name>ark::api::RequestBuilder</name>
    <message>
        <source>max_tokens (%1) was not sent: max_completion_tokens (%2) is set, and the API refuses both together.</source>
        <translation>未发送 max_tokens（%1）：已设置 max_completion_tokens（%2），而 API 不接受同时设置两者。</translation>
    </message>
</context>
<context>
    <name>ark::api::RestCall</name>
    <message>
        <source>The response is larger than %1 MB.</source>
        <translation>响应超过 %1 MB。</translation>
    </message>
    <message>
        <source>No data for %1 seconds.</source>
        <translation>%1 秒内未收到数据。</translation>
    </message>
</context>
<context>
    <name>ark::catalog</name>
    <message>
        <source>%1: the %2 date &quot;%3&quot; is not an ISO 8601 date-time</source>
        <translation>%1：%2 日期“%3”不是 ISO 8601 日期时间</translation>
    </message>
    <message>
        <source>%1: the %2 date &quot;%3&quot; has no UTC offset</source>
        <translation>%1：%2 日期“%3”没有 UTC 时差</translation>
    </message>
    <message>
        <source>%1: end of sale (%2) comes before the notice (%3)</source>
        <translation>%1：停止售卖时间（%2）早于公告时间（%3）</translation>
    </message>
    <message>
        <source>%1: end of service (%2) comes before end of sale (%3)</source>
        <translation>%1：下线时间（%2）早于停止售卖时间（%3）</translation>
    </message>
    <message>
        <source>%1: end of service (%2) comes before the notice (%3)</source>
        <translation>%1：下线时间（%2）早于公告时间（%3）</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>深度思考</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>视觉理解</translation>
    </message>
    <message>
        <source>Video generation</source>
        <translation>视频生成</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>图片生成</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>向量化</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>the catalog is not a JSON object: %1</source>
        <translation>模型目录不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>the catalog has schema version %1; this version of the app reads %2</source>
        <translation>模型目录的结构版本为 %1；当前版本的应用读取的是 %2</translation>
    </message>
    <message>
        <source>the catalog has no &quot;models&quot; array</source>
        <translation>模型目录中没有 &quot;models&quot; 数组</translation>
    </message>
    <message>
        <source>a provider has no id</source>
        <translation>某个服务商没有 ID</translation>
    </message>
    <message>
        <source>a model has no id</source>
        <translation>某个模型没有 ID</translation>
    </message>
    <message>
        <source>%1: pricing: %2</source>
        <translation>%1：价格：%2</translation>
    </message>
    <message>
        <source>%1: unknown provider &quot;%2&quot;</source>
        <translation>%1：未知服务商“%2”</translation>
    </message>
    <message>
        <source>%1: listed twice (also as %2)</source>
        <translation>%1：重复列出（另一处为 %2）</translation>
    </message>
    <message>
        <source>%1: the alias &quot;%2&quot; also names %3</source>
        <translation>%1：别名“%2”同时指向 %3</translation>
    </message>
    <message>
        <source>%1: the %2 names the model itself</source>
        <translation>%1：%2 指向了模型自身</translation>
    </message>
    <message>
        <source>%1: the %2 &quot;%3&quot; is not in the catalog</source>
        <translation>%1：%2“%3”不在模型目录中</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>没有变化。</translation>
    </message>
    <message>
        <source>New models (%1): %2</source>
        <translation>新增模型（%1）：%2</translation>
    </message>
    <message>
        <source>Removed models (%1): %2</source>
        <translation>移除的模型（%1）：%2</translation>
    </message>
    <message>
        <source>Newly deprecated (%1): %2</source>
        <translation>新弃用（%1）：%2</translation>
    </message>
    <message>
        <source>Dates moved (%1): %2</source>
        <translation>日期变更（%1）：%2</translation>
    </message>
    <message>
        <source>Prices changed (%1): %2</source>
        <translation>价格变更（%1）：%2</translation>
    </message>
    <message>
        <source>The imported catalog %1 cannot be read: %2</source>
        <translation>无法读取导入的模型目录 %1：%2</translation>
    </message>
    <message>
        <source>The imported catalog is not usable: %1</source>
        <translation>导入的模型目录不可用：%1</translation>
    </message>
    <message>
        <source>The imported catalog (version %1) is not newer than the built-in one (version %2); the built-in one is used.</source>
        <translation>导入的模型目录（版本 %1）不比内置目录（版本 %2）新；将使用内置目录。</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1</source>
        <translation>无法为 %1 创建文件夹</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <source>in 1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <source>in %1 hours</source>
        <translation>%1 小时后</translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>in %1 minutes</source>
        <translation>%1 分钟后</translation>
    </message>
    <message>
        <source>in less than 2 minutes</source>
        <translation>不到 2 分钟后</translation>
    </message>
    <message>
        <source>retires %1 — %2</source>
        <extracomment>%1 = &quot;in 4 days&quot;, %2 = &quot;2025-11-27 14:00 UTC+8&quot;</extracomment>
        <translation>%1下线 — %2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Legacy</source>
        <translation>旧版</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已弃用</translation>
    </message>
    <message>
        <source>End of sale</source>
        <translation>停止售卖</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已下线</translation>
    </message>
    <message>
        <source>lifecycle unknown</source>
        <translation>生命周期未知</translation>
    </message>
    <message>
        <source>legacy — no further updates</source>
        <translation>旧版 — 不再更新</translation>
    </message>
    <message>
        <source>active</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>; deprecation announced for %1</source>
        <translation>；已公告将于 %1 弃用</translation>
    </message>
    <message>
        <source>; upgrade to %1 recommended</source>
        <translation>；建议升级到 %1</translation>
    </message>
    <message>
        <source>deprecated — end of sale %1; %2</source>
        <translation>已弃用 — %1 停止售卖；%2</translation>
    </message>
    <message>
        <source>deprecated — end of sale %1 — %2</source>
        <translation>已弃用 — %1停止售卖 — %2</translation>
    </message>
    <message>
        <source>deprecated since %1</source>
        <translation>自 %1 起已弃用</translation>
    </message>
    <message>
        <source>end of sale since %1; %2</source>
        <translation>自 %1 起停止售卖；%2</translation>
    </message>
    <message>
        <source>end of sale since %1</source>
        <translation>自 %1 起停止售卖</translation>
    </message>
    <message>
        <source>retired — replaced by %1</source>
        <translation>已下线 — 由 %1 替代</translation>
    </message>
    <message>
        <source>retired since %1 — requests fail; switch to %2</source>
        <translation>自 %1 起已下线 — 请求会失败；请切换到 %2</translation>
    </message>
    <message>
        <source>retired since %1 — requests fail</source>
        <translation>自 %1 起已下线 — 请求会失败</translation>
    </message>
    <message>
        <source>server reported 410 Gone on %1</source>
        <translation>服务器于 %1 返回 410 Gone</translation>
    </message>
    <message>
        <source>server reported deprecation on %1</source>
        <translation>服务器于 %1 报告弃用</translation>
    </message>
    <message>
        <source>sunset %1</source>
        <translation>%1 停止服务</translation>
    </message>
    <message>
        <source>use %1</source>
        <translation>改用 %1</translation>
    </message>
    <message>
        <source>see %1</source>
        <translation>参见 %1</translation>
    </message>
    <message>
        <source>%1: the video object offers frames, but the capabilities say the model takes no image input</source>
        <translation>%1：video 对象提供了首尾帧，但能力说明该模型不接受图片输入</translation>
    </message>
    <message>
        <source>Video options changed (%1): %2</source>
        <translation>视频选项已变更（%1）：%2</translation>
    </message>
</context>
<context>
    <name>ark::catalog::EndpointRegistry</name>
    <message>
        <source>“%1” is not an endpoint ID: Ark endpoint IDs start with “ep-”.</source>
        <translation>“%1”不是接入点 ID：方舟接入点 ID 以“ep-”开头。</translation>
    </message>
    <message>
        <source>An endpoint serves a model: link it to a model ID, not to another endpoint.</source>
        <translation>接入点对应一个模型：请将其关联到模型 ID，而不是另一个接入点。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Endpoint “%1” serves %2: it is now linked to that model.</source>
        <translation>接入点“%1”对应 %2：现已关联到该模型。</translation>
    </message>
    <message>
        <source>The server reports that endpoint “%1” serves %2, not %3 as it was linked. The link now says %2, so its capabilities, prices and warnings apply.</source>
        <translation>服务器报告接入点“%1”对应 %2，而非此前关联的 %3。关联已改为 %2，将使用该模型的能力、价格和提醒。</translation>
    </message>
</context>
<context>
    <name>ark::media</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>This model accepts sides up to %1 pixels.</source>
        <translation>该模型支持的边长最大为 %1 像素。</translation>
    </message>
    <message>
        <source>Ark accepts at most %1 pixels per image.</source>
        <translation>方舟每张图片最多接受 %1 像素。</translation>
    </message>
    <message>
        <source>Images are sent with at most %1 pixels, the most the model uses.</source>
        <translation>图片最多以 %1 像素发送，这是模型可利用的上限。</translation>
    </message>
    <message>
        <source>This model needs sides of at least %1 pixels.</source>
        <translation>该模型要求边长至少为 %1 像素。</translation>
    </message>
    <message>
        <source>Ark needs both sides longer than %1 pixels.</source>
        <translation>方舟要求图片的宽和高均大于 %1 像素。</translation>
    </message>
    <message>
        <source>%1 is %2 pixels, an aspect ratio of %3:1; this model accepts at most %4:1 and no scaling changes that. Crop the image first.</source>
        <translation>%1 为 %2 像素，宽高比为 %3:1；该模型最多支持 %4:1，缩放无法改变宽高比。请先裁剪图片。</translation>
    </message>
    <message>
        <source>%1 is %2 pixels: so narrow that no size keeps both sides longer than %3 pixels within %4 pixels. Crop the image first.</source>
        <translation>%1 为 %2 像素：图片过于狭长，在 %4 像素以内无法使宽和高均大于 %3 像素。请先裁剪图片。</translation>
    </message>
    <message>
        <source>The image could not be encoded as %1.</source>
        <translation>无法将图片编码为 %1。</translation>
    </message>
    <message>
        <source>JPEG (quality %1)</source>
        <translation>JPEG（质量 %1）</translation>
    </message>
    <message>
        <source>The image cannot be made smaller than %1 without breaking the pixel limits.</source>
        <translation>在不违反像素限制的前提下，图片无法压缩到 %1 以下。</translation>
    </message>
    <message>
        <source>Enlarged from %1 to %2 and re-encoded as %3.</source>
        <translation>已从 %1 放大到 %2，并重新编码为 %3。</translation>
    </message>
    <message>
        <source>Downscaled from %1 to %2 and re-encoded as %3.</source>
        <translation>已从 %1 缩小到 %2，并重新编码为 %3。</translation>
    </message>
    <message>
        <source>Re-encoded as %1.</source>
        <translation>已重新编码为 %1。</translation>
    </message>
    <message>
        <source>The file was %1; Ark accepts images under %2.</source>
        <translation>文件大小为 %1；方舟只接受小于 %2 的图片。</translation>
    </message>
    <message>
        <source>Ark accepts images under %1.</source>
        <translation>方舟只接受小于 %1 的图片。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The image format %1 is not accepted; Ark accepts %2.</source>
        <translation>不支持图片格式 %1；方舟支持 %2。</translation>
    </message>
    <message>
        <source>%1 images are accepted only by doubao-1.5-vision-pro and later models.</source>
        <translation>仅 doubao-1.5-vision-pro 及更新的模型支持 %1 图片。</translation>
    </message>
    <message>
        <source>The image is %1; Ark accepts images under %2.</source>
        <translation>图片大小为 %1；方舟只接受小于 %2 的图片。</translation>
    </message>
    <message>
        <source>The image is %1 pixels; both sides must be longer than %2 pixels.</source>
        <translation>图片为 %1 像素；宽和高均须大于 %2 像素。</translation>
    </message>
    <message>
        <source>The image has %1 pixels (%2); Ark needs at least %3 pixels.</source>
        <translation>图片共 %1 像素（%2）；方舟要求至少 %3 像素。</translation>
    </message>
    <message>
        <source>The image has %1 pixels (%2); Ark accepts at most %3 pixels.</source>
        <translation>图片共 %1 像素（%2）；方舟最多接受 %3 像素。</translation>
    </message>
    <message>
        <source>The image is %1 pixels; this model accepts sides from %2 to %3 pixels.</source>
        <translation>图片为 %1 像素；该模型支持的边长为 %2 到 %3 像素。</translation>
    </message>
    <message>
        <source>The image is %1 pixels; this model accepts aspect ratios up to %2:1.</source>
        <translation>图片为 %1 像素；该模型支持的宽高比最大为 %2:1。</translation>
    </message>
    <message>
        <source>The detail setting &quot;%1&quot; is not one of low, high or auto.</source>
        <translation>detail 设置“%1”不是 low、high 或 auto 之一。</translation>
    </message>
    <message>
        <source>The minimum pixels %1 is under the lowest allowed value %2.</source>
        <translation>最小像素数 %1 低于允许的最小值 %2。</translation>
    </message>
    <message>
        <source>The maximum pixels %1 is over the highest allowed value %2.</source>
        <translation>最大像素数 %1 超过允许的最大值 %2。</translation>
    </message>
    <message>
        <source>The minimum pixels (%1) must be less than the maximum pixels (%2).</source>
        <translation>最小像素数（%1）必须小于最大像素数（%2）。</translation>
    </message>
    <message>
        <source>The video format %1 is not accepted; Ark accepts %2.</source>
        <translation>不支持视频格式 %1；方舟支持 %2。</translation>
    </message>
    <message>
        <source>The video is %1; Ark accepts videos up to %2.</source>
        <translation>视频大小为 %1；方舟接受的视频最大为 %2。</translation>
    </message>
    <message>
        <source>The frame rate %1 is outside the accepted range %2 to %3 frames per second.</source>
        <translation>帧率 %1 超出允许范围（每秒 %2 到 %3 帧）。</translation>
    </message>
    <message>
        <source>The video&apos;s duration is unknown, so the number of frames Ark will sample cannot be estimated.</source>
        <translation>视频时长未知，无法估算方舟将抽取的帧数。</translation>
    </message>
    <message>
        <source>At %1 frames per second this video gives %2 frames; Ark samples at most %3 frames evenly and ignores the frame rate.</source>
        <translation>按每秒 %1 帧计算，该视频共 %2 帧；方舟最多均匀抽取 %3 帧，并忽略该帧率。</translation>
    </message>
    <message>
        <source>The request would be %1 with the attachments encoded as text; Ark accepts at most %2 per request.</source>
        <translation>附件编码为文本后，请求大小将达 %1；方舟每个请求最多接受 %2。</translation>
    </message>
    <message>
        <source>The images need about %1 tokens but the model&apos;s context holds %2; Ark truncates what does not fit.</source>
        <translation>图片约需 %1 token，但模型上下文只能容纳 %2；方舟会截断超出的部分。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>The video file is truncated: it ends inside a box header at byte %1.</source>
        <translation>视频文件不完整：文件在第 %1 字节处的 box 头部中途结束。</translation>
    </message>
    <message>
        <source>The video file is corrupt: a box header at byte %1 is cut short.</source>
        <translation>视频文件已损坏：第 %1 字节处的 box 头部不完整。</translation>
    </message>
    <message>
        <source>The video file is corrupt: there is no valid box at byte %1.</source>
        <translation>视频文件已损坏：第 %1 字节处没有有效的 box。</translation>
    </message>
    <message>
        <source>The video file is truncated: the %1 box at byte %2 is cut short.</source>
        <translation>视频文件不完整：第 %2 字节处的 %1 box 被截断。</translation>
    </message>
    <message>
        <source>The video file is corrupt: the %1 box at byte %2 has an impossible size.</source>
        <translation>视频文件已损坏：第 %2 字节处的 %1 box 大小不合理。</translation>
    </message>
    <message>
        <source>The video file is truncated: the %1 box at byte %2 needs %3 bytes but only %4 remain.</source>
        <translation>视频文件不完整：第 %2 字节处的 %1 box 需要 %3 字节，但只剩 %4 字节。</translation>
    </message>
    <message>
        <source>The video file is corrupt: the %1 box at byte %2 runs past the box that contains it.</source>
        <translation>视频文件已损坏：第 %2 字节处的 %1 box 超出了包含它的外层 box。</translation>
    </message>
    <message>
        <source>The video file is corrupt: the %1 box at byte %2 is too short.</source>
        <translation>视频文件已损坏：第 %2 字节处的 %1 box 过短。</translation>
    </message>
    <message>
        <source>The video file is corrupt: its movie header has a time scale of zero.</source>
        <translation>视频文件已损坏：影片头（mvhd）的时间刻度为零。</translation>
    </message>
    <message>
        <source>The video file is corrupt: its movie box has no movie header (mvhd).</source>
        <translation>视频文件已损坏：moov box 中没有影片头（mvhd）。</translation>
    </message>
    <message>
        <source>The file has no video track (it may hold only sound).</source>
        <translation>该文件没有视频轨道（可能只包含音频）。</translation>
    </message>
    <message>
        <source>The video file is corrupt: its movie box lists no tracks.</source>
        <translation>视频文件已损坏：moov box 中没有任何轨道。</translation>
    </message>
    <message>
        <source>The video file could not be read at byte %1.</source>
        <translation>无法读取视频文件第 %1 字节处的数据。</translation>
    </message>
    <message>
        <source>The video file is corrupt: its movie box is implausibly large.</source>
        <translation>视频文件已损坏：moov box 大得不合理。</translation>
    </message>
    <message>
        <source>The video has no movie header (moov box); the recording may not have been finished.</source>
        <translation>视频没有影片头（moov box）；录制可能未正常结束。</translation>
    </message>
    <message>
        <source>The video file is truncated: it needs %1 bytes but has only %2.</source>
        <translation>视频文件不完整：需要 %1 字节，但只有 %2 字节。</translation>
    </message>
</context>
<context>
    <name>ark::media::Attachment</name>
    <message>
        <source>The attachment list is not valid JSON: %1</source>
        <translation>附件列表不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>The attachment list is not a JSON array.</source>
        <translation>附件列表不是 JSON 数组。</translation>
    </message>
    <message>
        <source>The attachment %1 has no stored file.</source>
        <translation>附件 %1 没有已存储的文件。</translation>
    </message>
    <message>
        <source>The attachment %1 could not be read from %2: %3</source>
        <translation>无法从 %2 读取附件 %1：%3</translation>
    </message>
    <message>
        <source>The stored file of the attachment %1 has changed since it was attached.</source>
        <translation>附件 %1 的存储文件在添加后已被更改。</translation>
    </message>
    <message>
        <source>The attachment %1 is empty.</source>
        <translation>附件 %1 为空。</translation>
    </message>
</context>
<context>
    <name>ark::media::AttachmentStore</name>
    <message>
        <source>The attachment folder %1 could not be created.</source>
        <translation>无法创建附件文件夹 %1。</translation>
    </message>
    <message>
        <source>The attachment could not be saved to %1: %2</source>
        <translation>无法将附件保存到 %1：%2</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The attachment could not be copied to %1.</source>
        <translation>无法将附件复制到 %1。</translation>
    </message>
    <message>
        <source>%1 changed while it was being copied; try again.</source>
        <translation>%1 在复制过程中发生了变化，请重试。</translation>
    </message>
</context>
<context>
    <name>ark::media::ImagePreparer</name>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 为空。</translation>
    </message>
    <message>
        <source>%1 is a video; attach it as a file.</source>
        <translation>%1 是视频，请作为文件添加。</translation>
    </message>
    <message>
        <source>%1 is %2; Ark accepts images under %3, and %4 images cannot be re-encoded here.</source>
        <translation>%1 的大小为 %2；方舟只接受小于 %3 的图片，而 %4 图片无法在此重新编码。</translation>
    </message>
    <message>
        <source>The pixel size of %1 images cannot be checked here; Ark refuses images over %2 pixels.</source>
        <translation>此处无法检查 %1 图片的像素尺寸；方舟会拒绝超过 %2 像素的图片。</translation>
    </message>
    <message>
        <source>%1 is a %2 image; %2 images are accepted only by doubao-1.5-vision-pro and later models.</source>
        <translation>%1 是 %2 图片；仅 doubao-1.5-vision-pro 及更新的模型支持 %2 图片。</translation>
    </message>
    <message>
        <source>%1 could not be read; the file may be damaged.</source>
        <translation>无法读取 %1；文件可能已损坏。</translation>
    </message>
    <message>
        <source>%1 is a %2 image, which Ark does not accept; the accepted formats are %3.</source>
        <translation>%1 是 %2 图片，方舟不支持该格式；支持的格式为 %3。</translation>
    </message>
    <message>
        <source>%1 is not an image Ark accepts; the accepted formats are %2.</source>
        <translation>%1 不是方舟支持的图片；支持的格式为 %2。</translation>
    </message>
    <message>
        <source>%1 is %2 pixels, too large to open here.</source>
        <translation>%1 为 %2 像素，过大，无法在此打开。</translation>
    </message>
    <message>
        <source>%1 could not be read; the file may be damaged (%2).</source>
        <translation>无法读取 %1；文件可能已损坏（%2）。</translation>
    </message>
    <message>
        <source>Very large photos are opened at a reduced scale to limit memory use.</source>
        <translation>为限制内存占用，超大照片会以缩小的比例打开。</translation>
    </message>
    <message>
        <source>Turned upright as its EXIF orientation says.</source>
        <translation>已按 EXIF 方向信息转正。</translation>
    </message>
    <message>
        <source>Ark does not accept %1 images.</source>
        <translation>方舟不支持 %1 图片。</translation>
    </message>
    <message>
        <source>Only the first frame of the animation is kept.</source>
        <translation>仅保留动图的第一帧。</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2; Ark accepts images under %3.</source>
        <translation>%1 的大小为 %2；方舟只接受小于 %3 的图片。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>ark::media::VideoProbe</name>
    <message>
        <source>The video %1 could not be opened: %2</source>
        <translation>无法打开视频 %1：%2</translation>
    </message>
    <message>
        <source>The video file is empty.</source>
        <translation>视频文件为空。</translation>
    </message>
    <message>
        <source>The file is not a video Ark accepts; the accepted formats are %1.</source>
        <translation>该文件不是方舟支持的视频；支持的格式为 %1。</translation>
    </message>
</context>
<context>
    <name>ark::models::ModelCatalogModel</name>
    <message>
        <source>endpoint</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>not linked to a model yet</source>
        <translation>尚未关联模型</translation>
    </message>
    <message>
        <source>%1 · My endpoints</source>
        <extracomment>A group of the model list: &quot;Volcengine Ark · My endpoints&quot;</extracomment>
        <translation>%1 · 我的接入点</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>A group of the model list: &quot;Volcengine Ark · Reasoning&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Serves %1</source>
        <translation>对应 %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Server signals</source>
        <translation>服务器信号</translation>
    </message>
    <message>
        <source>always thinks</source>
        <translation>始终思考</translation>
    </message>
    <message>
        <source>thinking</source>
        <translation>深度思考</translation>
    </message>
    <message>
        <source>image input</source>
        <translation>图片输入</translation>
    </message>
    <message>
        <source>video input</source>
        <translation>视频输入</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>%1 context</source>
        <extracomment>%1 = &quot;256K&quot;: the model&apos;s context window in tokens (K = thousand)</extracomment>
        <translation>%1 上下文</translation>
    </message>
    <message>
        <source>%1 per image</source>
        <translation>%1/张</translation>
    </message>
    <message>
        <source>%1 out /M</source>
        <extracomment>Price per million output tokens</extracomment>
        <translation>输出 %1/百万</translation>
    </message>
    <message>
        <source>%1 in /M</source>
        <extracomment>Price per million input tokens</extracomment>
        <translation>输入 %1/百万</translation>
    </message>
    <message>
        <source>%1 in · %2 out /M</source>
        <extracomment>Prices per million input and output tokens</extracomment>
        <translation>输入 %1 · 输出 %2/百万</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 起</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>deprecation announced for %1</source>
        <translation>已宣布 %1 弃用</translation>
    </message>
    <message>
        <source>retired since %1 — requests fail</source>
        <translation>自 %1 起已下线 — 请求会失败</translation>
    </message>
</context>
<context>
    <name>ark::models::ToolCallListModel</name>
    <message>
        <source>Streaming…</source>
        <translation>正在接收…</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>等待回复</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Error returned</source>
        <translation>已返回错误</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Error: the tool could not be run.</source>
        <translation>错误：无法运行该工具。</translation>
    </message>
    <message>
        <source>Error: the call was not run because its arguments do not fit the function: %1</source>
        <translation>错误：参数与函数定义不符，未执行该调用：%1</translation>
    </message>
</context>
<context>
    <name>ark::pricing</name>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 不是对象。</translation>
    </message>
    <message>
        <source>%1 has an invalid &quot;min&quot;.</source>
        <translation>%1 的 &quot;min&quot; 无效。</translation>
    </message>
    <message>
        <source>%1 has an invalid &quot;max&quot;.</source>
        <translation>%1 的 &quot;max&quot; 无效。</translation>
    </message>
</context>
<context>
    <name>ark::pricing::DraftCost</name>
    <message>
        <source>No token price is known for this model.</source>
        <translation>该模型的 token 价格未知。</translation>
    </message>
    <message>
        <source>No price tier covers %1 input tokens (over the model&apos;s limits?).</source>
        <translation>没有价格档位覆盖 %1 个输入 token（是否超出了模型上限？）。</translation>
    </message>
</context>
<context>
    <name>ark::pricing::PriceTable</name>
    <message>
        <source>&quot;tiers&quot; is not a list.</source>
        <translation>&quot;tiers&quot; 不是列表。</translation>
    </message>
    <message>
        <source>Price tier %1</source>
        <translation>价格档位 %1</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 不是对象。</translation>
    </message>
    <message>
        <source>%1 has neither an input nor an output price.</source>
        <translation>%1 既没有输入价格，也没有输出价格。</translation>
    </message>
    <message>
        <source>%1 has a price that is not a decimal number.</source>
        <translation>%1 中有价格不是十进制数。</translation>
    </message>
    <message>
        <source>%1 has a cache-hit price that is not a decimal number.</source>
        <translation>%1 中的缓存命中价格不是十进制数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal number.</source>
        <translation>“%1”不是十进制数。</translation>
    </message>
    <message>
        <source>The prices have no currency.</source>
        <translation>价格未指定币种。</translation>
    </message>
    <message>
        <source>No token price is known for this model.</source>
        <translation>该模型的 token 价格未知。</translation>
    </message>
    <message>
        <source>Invalid token counts: cached tokens are part of the input and cannot exceed it.</source>
        <translation>token 数无效：缓存 token 属于输入的一部分，不能超过输入 token 数。</translation>
    </message>
    <message>
        <source>No price tier covers %1 input and %2 output tokens (over the model&apos;s limits?).</source>
        <translation>没有价格档位覆盖 %1 个输入 token 和 %2 个输出 token（是否超出了模型上限？）。</translation>
    </message>
</context>
<context>
    <name>ark::pricing::TokenCounter</name>
    <message>
        <source>Estimated: no API key, so the exact count could not be asked for.</source>
        <translation>估算值：没有 API Key，无法请求精确计数。</translation>
    </message>
    <message>
        <source>Estimated: the tokenization address is not a valid http(s) URL.</source>
        <translation>估算值：分词接口地址不是有效的 http(s) URL。</translation>
    </message>
    <message>
        <source>Estimated: the exact count failed (%1)</source>
        <translation>估算值：精确计数失败（%1）</translation>
    </message>
</context>
<context>
    <name>ark::secrets::KeyStore</name>
    <message>
        <source>No system keychain is available (%1): install and start a Secret Service provider such as GNOME Keyring (Debian: apt install gnome-keyring libsecret-1-0) or KWallet, then log in again.</source>
        <translation>系统钥匙串不可用（%1）：请安装并启动 Secret Service 提供程序，例如 GNOME Keyring（Debian：apt install gnome-keyring libsecret-1-0）或 KWallet，然后重新登录。</translation>
    </message>
    <message>
        <source>For a single run the key can also be given in the ARK_API_KEY environment variable.</source>
        <translation>如只需运行一次，也可以通过 ARK_API_KEY 环境变量提供 API Key。</translation>
    </message>
    <message>
        <source>The system keychain refused access (%1): unlock your keychain (for example by logging in again, or with your desktop&apos;s password manager) and try again.</source>
        <translation>系统钥匙串拒绝访问（%1）：请解锁钥匙串（例如重新登录，或使用桌面环境的密码管理器），然后重试。</translation>
    </message>
    <message>
        <source>No key is stored for this provider.</source>
        <translation>未存储该服务商的 API Key。</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation>系统钥匙串报告错误：%1</translation>
    </message>
    <message>
        <source>No provider name was given.</source>
        <translation>未指定服务商名称。</translation>
    </message>
    <message>
        <source>An empty key was not stored.</source>
        <translation>API Key 为空，未存储。</translation>
    </message>
</context>
<context>
    <name>ark::session::AccountSettings</name>
    <message>
        <source>Volcengine Ark</source>
        <translation>火山方舟</translation>
    </message>
</context>
<context>
    <name>ark::session::ConversationSession</name>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>该对话已不存在。</translation>
    </message>
    <message>
        <source>The conversation settings could not be saved: %1</source>
        <translation>无法保存对话设置：%1</translation>
    </message>
    <message>
        <source>No conversation is open.</source>
        <translation>没有打开的对话。</translation>
    </message>
    <message>
        <source>An answer is still arriving. Stop it first.</source>
        <translation>回答仍在生成中，请先停止。</translation>
    </message>
    <message>
        <source>No API key is set. Add one in Settings.</source>
        <translation>未设置 API Key。请在“设置”中添加。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择模型。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>消息为空。</translation>
    </message>
    <message>
        <source>The message could not be saved: %1</source>
        <translation>无法保存消息：%1</translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation>该消息已不存在。</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>无法保存回答：%1</translation>
    </message>
    <message>
        <source>The branch could not be selected: %1</source>
        <translation>无法切换分支：%1</translation>
    </message>
    <message>
        <source>The message could not be deleted: %1</source>
        <translation>无法删除消息：%1</translation>
    </message>
    <message>
        <source>The conversation is still loading. Try again in a moment.</source>
        <translation>对话仍在加载，请稍后重试。</translation>
    </message>
    <message>
        <source>The conversation could not be loaded: %1</source>
        <translation>无法加载对话：%1</translation>
    </message>
    <message>
        <source>Sent without these attachments, whose files can no longer be read: %1</source>
        <translation>以下附件的文件已无法读取，发送时未包含它们：%1</translation>
    </message>
    <message>
        <source>The usage of a request could not be recorded: %1</source>
        <translation>无法记录请求的用量：%1</translation>
    </message>
    <message numerus="yes">
        <source>The model asked for tools again, but this question has used all %n tool-call round(s) allowed, so the loop stopped here. The calls are kept: raise the round limit in the conversation&apos;s tool settings to answer them, or ask again.</source>
        <translation>
            <numerusform>模型再次请求调用工具，但此问题已用完允许的全部 %n 轮工具调用，因此在此停止。这些调用已保留：请在对话的工具设置中调高轮次上限后再回复它们，或重新提问。</numerusform>
        </translation>
    </message>
    <message>
        <source>No tool calls are waiting for results.</source>
        <translation>没有等待结果的工具调用。</translation>
    </message>
    <message>
        <source>These results answer other tool calls than the ones waiting.</source>
        <translation>这些结果对应的不是正在等待的工具调用。</translation>
    </message>
    <message>
        <source>The tool call %1 (%2) has more than one result.</source>
        <translation>工具调用 %1（%2）有多个结果。</translation>
    </message>
    <message>
        <source>The tool call %1 (%2) has no result yet.</source>
        <translation>工具调用 %1（%2）尚无结果。</translation>
    </message>
    <message>
        <source>The tool results could not be saved: %1</source>
        <translation>无法保存工具结果：%1</translation>
    </message>
    <message>
        <source>Model switched from %1 to %2.</source>
        <translation>模型已从 %1 切换为 %2。</translation>
    </message>
    <message>
        <source>The switch could not be saved: %1</source>
        <translation>无法保存切换：%1</translation>
    </message>
    <message>
        <source>Image generated by **%1** from the prompt:</source>
        <translation>由 **%1** 根据以下提示词生成的图片：</translation>
    </message>
    <message>
        <source>The generated image could not be saved in the conversation: %1</source>
        <translation>无法将生成的图片保存到对话中：%1</translation>
    </message>
    <message>
        <source>Messages are still being deleted. Try again in a moment.</source>
        <translation>消息仍在删除中，请稍后再试。</translation>
    </message>
    <message>
        <source>A generated image is not an answer of the chat model: make another one in the image generation panel.</source>
        <translation>生成的图片不是对话模型的回答：请在图片生成面板中重新生成。</translation>
    </message>
</context>
<context>
    <name>ark::store</name>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation>Token：输入 %1，输出 %2</translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation>思考 %1</translation>
    </message>
    <message>
        <source>%1 cached</source>
        <translation>缓存 %1</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <source>Interrupted: the answer was cut off before it finished.</source>
        <translation>已中断：回答在完成前被截断。</translation>
    </message>
    <message>
        <source>Still being written when exported.</source>
        <translation>导出时仍在生成中。</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Message %1: %2</source>
        <translation>消息 %1：%2</translation>
    </message>
    <message>
        <source>not an object.</source>
        <translation>不是对象。</translation>
    </message>
    <message>
        <source>missing or invalid &quot;id&quot;.</source>
        <translation>缺少 &quot;id&quot; 或其无效。</translation>
    </message>
    <message>
        <source>invalid &quot;parentId&quot;.</source>
        <translation>&quot;parentId&quot; 无效。</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;.</source>
        <translation>未知角色 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>未命名对话</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 (at byte %2).</source>
        <translation>该文件不是有效的 JSON：%1（位于第 %2 字节）。</translation>
    </message>
    <message>
        <source>The file is not an Ark Workbench conversation export.</source>
        <translation>该文件不是方舟工作台导出的对话。</translation>
    </message>
    <message>
        <source>The file was exported by a newer version of Ark Workbench (format version %1; this version reads up to %2).</source>
        <translation>该文件由更新版本的方舟工作台导出（格式版本 %1；当前版本最高支持 %2）。</translation>
    </message>
    <message>
        <source>The file has no valid format version.</source>
        <translation>该文件没有有效的格式版本。</translation>
    </message>
    <message>
        <source>The file lacks the &quot;conversation&quot; object or the &quot;messages&quot; list.</source>
        <translation>该文件缺少 &quot;conversation&quot; 对象或 &quot;messages&quot; 列表。</translation>
    </message>
</context>
<context>
    <name>ark::store::ConversationStore</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Message ids must be unique and not 0 (id %1).</source>
        <translation>消息 ID 必须唯一且不能为 0（ID %1）。</translation>
    </message>
    <message>
        <source>Message %1 refers to a missing parent %2.</source>
        <translation>消息 %1 引用了不存在的父消息 %2。</translation>
    </message>
    <message>
        <source>The messages do not form a tree (a parent link loops).</source>
        <translation>消息未构成树结构（父消息链接存在循环）。</translation>
    </message>
</context>
<context>
    <name>ark::store::Database</name>
    <message>
        <source>Schema version %1 does not exist.</source>
        <translation>数据库结构版本 %1 不存在。</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (libqt6sql6-sqlite).</source>
        <translation>未安装 Qt 的 SQLite 驱动（libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <source>Cannot open the conversation database %1: %2</source>
        <translation>无法打开对话数据库 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a readable conversation database: %2</source>
        <translation>%1 不是可读取的对话数据库：%2</translation>
    </message>
    <message>
        <source>The conversation database %1 was written by a newer version of Ark Workbench (schema %2; this version knows up to %3). It was left unchanged: update Ark Workbench to open it.</source>
        <translation>对话数据库 %1 由更新版本的方舟工作台写入（结构版本 %2；当前版本最高支持 %3）。数据库未作任何改动：请更新方舟工作台后再打开。</translation>
    </message>
    <message>
        <source>The conversation database is at schema %1 and cannot be taken back to %2.</source>
        <translation>对话数据库的结构版本为 %1，无法回退到 %2。</translation>
    </message>
    <message>
        <source>Cannot switch the conversation database to WAL mode: %1</source>
        <translation>无法将对话数据库切换为 WAL 模式：%1</translation>
    </message>
    <message>
        <source>Cannot configure the conversation database: %1</source>
        <translation>无法配置对话数据库：%1</translation>
    </message>
    <message>
        <source>Cannot upgrade the conversation database %1: %2</source>
        <translation>无法升级对话数据库 %1：%2</translation>
    </message>
    <message>
        <source>step to schema %1 failed: %2</source>
        <translation>升级到结构版本 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>ark::store::HistoryLoader</name>
    <message>
        <source>The conversation database is not open.</source>
        <translation>对话数据库未打开。</translation>
    </message>
    <message>
        <source>The message no longer exists.</source>
        <translation>该消息已不存在。</translation>
    </message>
    <message>
        <source>The database refused the change.</source>
        <translation>数据库拒绝了此更改。</translation>
    </message>
</context>
<context>
    <name>ark::tools</name>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a string (%1)</source>
        <translation>字符串（%1）</translation>
    </message>
    <message>
        <source>a boolean (%1)</source>
        <translation>布尔值（%1）</translation>
    </message>
    <message>
        <source>a number (%1)</source>
        <translation>数字（%1）</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>ark::tools::ArgumentChecker</name>
    <message>
        <source>Expected %1, got %2</source>
        <translation>应为%1，实际为%2</translation>
    </message>
    <message>
        <source>%1 is not one of the allowed values: %2</source>
        <translation>%1 不是允许的值之一：%2</translation>
    </message>
    <message>
        <source>Missing required field “%1”</source>
        <translation>缺少必填字段“%1”</translation>
    </message>
    <message>
        <source>Unknown field “%1”: the schema allows no other fields</source>
        <translation>未知字段“%1”：该 schema 不允许其他字段</translation>
    </message>
    <message>
        <source>“%1” is not in the schema (the model may have invented it)</source>
        <translation>“%1”不在 schema 中（可能是模型臆造的）</translation>
    </message>
</context>
<context>
    <name>ark::tools::BuiltinTools</name>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>“%1” is not a built-in tool</source>
        <translation>“%1”不是内置工具</translation>
    </message>
    <message>
        <source>The arguments do not fit the tool: %1</source>
        <translation>参数与工具定义不符：%1</translation>
    </message>
    <message>
        <source>Reading a file needs the user&apos;s approval, and it was not given</source>
        <translation>读取文件需要用户批准，但用户未批准</translation>
    </message>
    <message>
        <source>Unknown time zone “%1”: use an IANA name such as Asia/Shanghai or Europe/Berlin</source>
        <translation>未知时区“%1”：请使用 IANA 名称，例如 Asia/Shanghai 或 Europe/Berlin</translation>
    </message>
    <message>
        <source>No file was named</source>
        <translation>未指定文件</translation>
    </message>
    <message>
        <source>The file %1 does not exist</source>
        <translation>文件 %1 不存在</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 是文件夹，不是文件</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a text file</source>
        <translation>%1 不是文本文件</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text</source>
        <translation>%1 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>

[Truncated: the first %1 of %2 bytes are shown.]</source>
        <translation>

[已截断：仅显示 %2 字节中的前 %1 字节。]</translation>
    </message>
</context>
<context>
    <name>ark::tools::CalcParser</name>
    <message>
        <source>The expression ends too early</source>
        <translation>表达式过早结束</translation>
    </message>
    <message>
        <source>Unexpected “%1” at column %2</source>
        <translation>第 %2 列出现意外的“%1”</translation>
    </message>
    <message>
        <source>The result at column %1 is not a real number</source>
        <translation>第 %1 列的结果不是实数</translation>
    </message>
    <message>
        <source>The result at column %1 is too large</source>
        <translation>第 %1 列的结果过大</translation>
    </message>
    <message>
        <source>Division by zero at column %1</source>
        <translation>第 %1 列除以零</translation>
    </message>
    <message>
        <source>Remainder of a division by zero at column %1</source>
        <translation>第 %1 列对零取余</translation>
    </message>
    <message>
        <source>The expression is nested too deeply</source>
        <translation>表达式嵌套过深</translation>
    </message>
    <message>
        <source>Division by zero at column %1 (zero to a negative power)</source>
        <translation>第 %1 列除以零（零的负数次幂）</translation>
    </message>
    <message>
        <source>A lone “.” at column %1 is not a number</source>
        <translation>第 %1 列单独的“.”不是数字</translation>
    </message>
    <message>
        <source>Malformed number at column %1</source>
        <translation>第 %1 列的数字格式错误</translation>
    </message>
    <message>
        <source>Missing “)” for the “(” at column %1</source>
        <translation>第 %1 列的“(”缺少对应的“)”</translation>
    </message>
    <message>
        <source>Unknown name “%1” at column %2</source>
        <translation>第 %2 列的名称“%1”未知</translation>
    </message>
    <message>
        <source>Missing “)” for %1( at column %2</source>
        <translation>第 %2 列的 %1( 缺少对应的“)”</translation>
    </message>
    <message numerus="yes">
        <source>%1() takes %n argument(s), got %2 (column %3)</source>
        <translation>
            <numerusform>%1() 需要 %n 个参数，实际为 %2 个（第 %3 列）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1() takes at least %n argument(s) (column %2)</source>
        <translation>
            <numerusform>%1() 至少需要 %n 个参数（第 %2 列）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1() takes %2 to %3 arguments, got %4 (column %5)</source>
        <translation>%1() 需要 %2 到 %3 个参数，实际为 %4 个（第 %5 列）</translation>
    </message>
    <message>
        <source>Square root of a negative number at column %1</source>
        <translation>第 %1 列对负数开平方</translation>
    </message>
    <message>
        <source>round() takes a whole number of decimals from 0 to 15 (column %1)</source>
        <translation>round() 的小数位数必须是 0 到 15 之间的整数（第 %1 列）</translation>
    </message>
    <message>
        <source>Logarithm of zero or a negative number at column %1</source>
        <translation>第 %1 列对零或负数取对数</translation>
    </message>
    <message>
        <source>Unknown function “%1” at column %2</source>
        <translation>第 %2 列的函数“%1”未知</translation>
    </message>
</context>
<context>
    <name>ark::tools::Calculator</name>
    <message>
        <source>The expression is too long (more than %1 characters)</source>
        <translation>表达式过长（超过 %1 个字符）</translation>
    </message>
</context>
<context>
    <name>ark::tools::DocumentChecker</name>
    <message>
        <source>The document must be a JSON array of tools: [{&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}}]</source>
        <translation>文档必须是由工具组成的 JSON 数组：[{&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}}]</translation>
    </message>
    <message>
        <source>The name “%1” is already used by tool %2: names must be unique</source>
        <translation>名称“%1”已被工具 %2 使用：名称必须唯一</translation>
    </message>
    <message>
        <source>%1 tools: the documentation advises at most %2</source>
        <translation>共 %1 个工具：文档建议最多 %2 个</translation>
    </message>
    <message>
        <source>“%1” is not part of a tool definition and is not sent</source>
        <translation>“%1”不属于工具定义，不会发送</translation>
    </message>
    <message>
        <source>Each tool must be an object: {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}}</source>
        <translation>每个工具都必须是对象：{&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}}</translation>
    </message>
    <message>
        <source>Missing &quot;type&quot;: it must be &quot;function&quot;</source>
        <translation>缺少 &quot;type&quot;：其值必须为 &quot;function&quot;</translation>
    </message>
    <message>
        <source>&quot;type&quot; must be &quot;function&quot;</source>
        <translation>&quot;type&quot; 必须为 &quot;function&quot;</translation>
    </message>
    <message>
        <source>Missing &quot;function&quot; with the function&apos;s name, description and parameters</source>
        <translation>缺少包含函数名称、描述和参数的 &quot;function&quot;</translation>
    </message>
    <message>
        <source>&quot;function&quot; must be an object</source>
        <translation>&quot;function&quot; 必须是对象</translation>
    </message>
    <message>
        <source>Missing &quot;name&quot;</source>
        <translation>缺少 &quot;name&quot;</translation>
    </message>
    <message>
        <source>&quot;name&quot; must be a string</source>
        <translation>&quot;name&quot; 必须是字符串</translation>
    </message>
    <message>
        <source>“%1” is not a valid function name: use 1 to 64 letters, digits, _ or -</source>
        <translation>“%1”不是有效的函数名：请使用 1 到 64 个字母、数字、_ 或 -</translation>
    </message>
    <message>
        <source>No &quot;description&quot;: the model decides from it when to call the function</source>
        <translation>没有 &quot;description&quot;：模型依据它决定何时调用该函数</translation>
    </message>
    <message>
        <source>&quot;description&quot; must be a string</source>
        <translation>&quot;description&quot; 必须是字符串</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must be a JSON Schema object: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</source>
        <translation>&quot;parameters&quot; 必须是 JSON Schema 对象：{&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</translation>
    </message>
    <message>
        <source>A property&apos;s schema must be an object such as {&quot;type&quot;: &quot;string&quot;}</source>
        <translation>属性的 schema 必须是对象，例如 {&quot;type&quot;: &quot;string&quot;}</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must have &quot;type&quot;: &quot;object&quot;</source>
        <translation>&quot;parameters&quot; 必须包含 &quot;type&quot;: &quot;object&quot;</translation>
    </message>
    <message>
        <source>No &quot;type&quot;: the model has to guess what to send</source>
        <translation>没有 &quot;type&quot;：模型只能猜测要发送什么</translation>
    </message>
    <message>
        <source>&quot;type&quot; must be a type name or a list of them</source>
        <translation>&quot;type&quot; 必须是类型名称或类型名称列表</translation>
    </message>
    <message>
        <source>Unknown type “%1”: use %2</source>
        <translation>未知类型“%1”：请使用 %2</translation>
    </message>
    <message>
        <source>&quot;enum&quot; must be a non-empty array of the allowed values</source>
        <translation>&quot;enum&quot; 必须是由允许值组成的非空数组</translation>
    </message>
    <message>
        <source>&quot;properties&quot; must be an object mapping each parameter name to its schema</source>
        <translation>&quot;properties&quot; 必须是将各参数名映射到其 schema 的对象</translation>
    </message>
    <message>
        <source>&quot;required&quot; must be an array of parameter names</source>
        <translation>&quot;required&quot; 必须是由参数名组成的数组</translation>
    </message>
    <message>
        <source>&quot;required&quot; must list parameter names (strings)</source>
        <translation>&quot;required&quot; 必须列出参数名（字符串）</translation>
    </message>
    <message>
        <source>“%1” is required but not defined in &quot;properties&quot;</source>
        <translation>“%1”为必填项，但未在 &quot;properties&quot; 中定义</translation>
    </message>
    <message>
        <source>An array without &quot;items&quot;: the model has to guess its elements</source>
        <translation>数组缺少 &quot;items&quot;：模型只能猜测其元素</translation>
    </message>
</context>
<context>
    <name>ark::tools::ToolSchema</name>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1（位于 %2）</translation>
    </message>
    <message>
        <source>This field appears twice in the same object; only the last one counts</source>
        <translation>该字段在同一对象中出现了两次；仅最后一个有效</translation>
    </message>
    <message>
        <source>The call names no function</source>
        <translation>该调用未指定函数</translation>
    </message>
    <message>
        <source>The model called “%1”, which is not among the tools</source>
        <translation>模型调用了“%1”，但它不在工具列表中</translation>
    </message>
    <message>
        <source>Built-in tools (calculator, date and time, read a file)</source>
        <translation>内置工具（计算器、日期和时间、读取文件）</translation>
    </message>
    <message>
        <source>Weather example from the documentation</source>
        <translation>文档中的天气示例</translation>
    </message>
    <message>
        <source>Empty list</source>
        <translation>空列表</translation>
    </message>
</context>
<context>
    <name>ark::ui::AccountsPage</name>
    <message>
        <source>Acc&amp;ounts:</source>
        <translation>账号(&amp;O)：</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Remove the selected account and its key. The default account is always kept.</source>
        <translation>移除所选账号及其 API Key。默认账号始终保留。</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>显示(&amp;W)</translation>
    </message>
    <message>
        <source>Show what you typed. A stored key is never shown.</source>
        <translation>显示输入的内容。已存储的 API Key 不会显示。</translation>
    </message>
    <message>
        <source>Remove ke&amp;y</source>
        <translation>移除 API Key(&amp;Y)</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>测试连接(&amp;C)</translation>
    </message>
    <message>
        <source>Sends a one-token request with this account&apos;s base URL and key.</source>
        <translation>使用此账号的 Base URL 和 API Key 发送一个只生成 1 个 token 的请求。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Base &amp;URL：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;Key：</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>连接测试</translation>
    </message>
    <message>
        <source>Model for the &amp;test:</source>
        <translation>测试用模型(&amp;T)：</translation>
    </message>
    <message>
        <source>Hid&amp;e</source>
        <translation>隐藏(&amp;E)</translation>
    </message>
    <message>
        <source>No key after saving</source>
        <translation>保存后将不再有 API Key</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>粘贴 API Key</translation>
    </message>
    <message>
        <source>The new key is stored in the system keychain when you save.</source>
        <translation>保存时，新的 API Key 将存入系统钥匙串。</translation>
    </message>
    <message>
        <source>The stored key is removed from the system keychain when you save.</source>
        <translation>保存时，已存储的 API Key 将从系统钥匙串中移除。</translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation>正在读取系统钥匙串…</translation>
    </message>
    <message>
        <source>A key is stored in the system keychain. Type a new one to replace it.</source>
        <translation>系统钥匙串中已存储 API Key。输入新的 API Key 即可替换。</translation>
    </message>
    <message>
        <source>No key is stored for this account.</source>
        <translation>此账号未存储 API Key。</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新账号</translation>
    </message>
    <message>
        <source>Every account needs a name.</source>
        <translation>每个账号都需要名称。</translation>
    </message>
    <message>
        <source>The base URL of &quot;%1&quot; is not an http:// or https:// address.</source>
        <translation>“%1”的 Base URL 不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>测试已取消。</translation>
    </message>
    <message>
        <source>The base URL is not an http:// or https:// address.</source>
        <translation>Base URL 不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>There is no key to test with: paste the API key first.</source>
        <translation>没有可用于测试的 API Key：请先粘贴 API Key。</translation>
    </message>
    <message>
        <source>Reading the key from the system keychain…</source>
        <translation>正在从系统钥匙串读取 API Key…</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>正在测试与 %1 的连接…</translation>
    </message>
    <message>
        <source>Connection works (model %1 answered in %2 ms).</source>
        <translation>连接正常（模型 %1 已响应，耗时 %2 ms）。</translation>
    </message>
    <message>
        <source>Cancel &amp;test</source>
        <translation>取消测试(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ark::ui::AttachmentThumbnails</name>
    <message>
        <source>The file is missing.</source>
        <translation>文件缺失。</translation>
    </message>
    <message>
        <source>The file is missing: it was removed from the attachment folder.</source>
        <translation>文件缺失：它已从附件文件夹中删除。</translation>
    </message>
    <message>
        <source>No frame could be read from this video.</source>
        <translation>无法从此视频读取任何画面。</translation>
    </message>
    <message>
        <source>The image cannot be read.</source>
        <translation>无法读取该图片。</translation>
    </message>
    <message>
        <source>The image cannot be read: %1</source>
        <translation>无法读取该图片：%1</translation>
    </message>
</context>
<context>
    <name>ark::ui::AttachmentTile</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>正在准备 %1…</translation>
    </message>
    <message>
        <source>the pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
</context>
<context>
    <name>ark::ui::AttachmentTray</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is a folder; attach the images or videos in it instead.</source>
        <translation>%1 是文件夹；请改为添加其中的图片或视频。</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an image or video Ark accepts. Images: %2. Videos: %3.</source>
        <translation>%1 不是方舟支持的图片或视频。图片：%2。视频：%3。</translation>
    </message>
    <message>
        <source>downscaled</source>
        <translation>已缩小</translation>
    </message>
    <message>
        <source>enlarged</source>
        <translation>已放大</translation>
    </message>
    <message>
        <source>re-encoded</source>
        <translation>已重新编码</translation>
    </message>
    <message>
        <source>unchecked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Click to view; right-click for the detail setting.</source>
        <translation>点击查看；右键设置 detail。</translation>
    </message>
    <message>
        <source>Click to play; right-click for the frame rate.</source>
        <translation>点击播放；右键设置帧率。</translation>
    </message>
    <message>
        <source>detail</source>
        <translation>detail</translation>
    </message>
    <message>
        <source>Detail sent with this image: %1</source>
        <translation>随此图片发送的 detail：%1</translation>
    </message>
    <message>
        <source>not set (the service decides)</source>
        <translation>未设置（由服务决定）</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>Frames per second Ark samples from this video: %1%2</source>
        <translation>方舟每秒从此视频中抽取的帧数：%1%2</translation>
    </message>
    <message>
        <source> (the default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>%1 Remove an attachment to send the rest.</source>
        <translation>%1 移除相应附件后即可发送其余内容。</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>精细度 (detail)</translation>
    </message>
    <message>
        <source>Not set (the service decides)</source>
        <translation>未设置（由服务决定）</translation>
    </message>
    <message>
        <source>Low: up to %1 pixels, fewer tokens</source>
        <translation>低：最多 %1 像素，消耗 token 更少</translation>
    </message>
    <message>
        <source>High: up to %1 pixels, fine print</source>
        <translation>高：最多 %1 像素，可看清细小文字</translation>
    </message>
    <message>
        <source>Auto: the model chooses</source>
        <translation>自动：由模型选择</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <source>Other (%1 fps)…</source>
        <translation>其他（%1 fps）…</translation>
    </message>
    <message>
        <source>Frames per second Ark samples from the video (%1 to %2):</source>
        <translation>方舟每秒从视频中抽取的帧数（%1 到 %2）：</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ark::ui::CatalogBrowser</name>
    <message>
        <source>Model Catalog</source>
        <translation>模型目录</translation>
    </message>
    <message>
        <source>Import Catalog…</source>
        <translation>导入模型目录…</translation>
    </message>
    <message>
        <source>Load a newer catalog file and review what it changes before using it</source>
        <translation>加载更新的模型目录文件，并在使用前查看其改动</translation>
    </message>
    <message>
        <source>Use Built-in Catalog</source>
        <translation>使用内置模型目录</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>Server Signals</source>
        <translation>服务器信号</translation>
    </message>
    <message>
        <source>Search models by name, ID, capability or provider…</source>
        <translation>按名称、ID、能力或服务商搜索模型…</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>显示已下线模型</translation>
    </message>
    <message>
        <source>Ark endpoint IDs (ep-…) you call. Link each to the model it serves so its capabilities, prices and retirement warnings apply; the server&apos;s answers confirm or correct the link.</source>
        <translation>你调用的方舟接入点 ID（ep-…）。请将每个接入点关联到其对应的模型，以便应用该模型的能力、价格和下线提醒；服务器的响应会确认或更正关联。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Endpoint ID</source>
        <translation>接入点 ID</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Confirmed by the server</source>
        <translation>服务器确认</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Deprecation notices servers sent with their answers (Deprecation, Sunset and Link headers, or 410 Gone). They count even where the catalog says nothing.</source>
        <translation>服务器随响应发送的弃用通知（Deprecation、Sunset 和 Link 响应头，或 410 Gone）。即使模型目录中没有相关信息，这些通知也同样有效。</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近一次</translation>
    </message>
    <message>
        <source>What the server said</source>
        <translation>服务器消息</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>忘记</translation>
    </message>
    <message>
        <source>Remove the selected notice, e.g. after switching models</source>
        <translation>移除所选通知，例如在切换模型之后</translation>
    </message>
    <message>
        <source>Catalog version %1 (imported), %2 models</source>
        <translation>模型目录版本 %1（导入），%2 个模型</translation>
    </message>
    <message>
        <source>Catalog version %1 (built in), %2 models</source>
        <translation>模型目录版本 %1（内置），%2 个模型</translation>
    </message>
    <message>
        <source>Select a model to see its details.</source>
        <translation>选择模型以查看详情。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>对应模型</translation>
    </message>
    <message>
        <source>not linked yet</source>
        <translation>尚未关联</translation>
    </message>
    <message>
        <source>Also written</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>上下文 %1</translation>
    </message>
    <message>
        <source>input up to %1</source>
        <translation>输入最多 %1</translation>
    </message>
    <message>
        <source>output up to %1</source>
        <translation>输出最多 %1</translation>
    </message>
    <message>
        <source>reasoning up to %1</source>
        <translation>思考最多 %1</translation>
    </message>
    <message>
        <source>max_completion_tokens up to %1</source>
        <translation>max_completion_tokens 最多 %1</translation>
    </message>
    <message>
        <source>Limits (tokens)</source>
        <translation>限制（token）</translation>
    </message>
    <message>
        <source>thinking modes: %1</source>
        <translation>思考模式：%1</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>text only (as far as is known)</source>
        <translation>仅文本（据目前所知）</translation>
    </message>
    <message>
        <source>input %1, output %2</source>
        <translation>输入 %1，输出 %2</translation>
    </message>
    <message>
        <source>, cached input %1</source>
        <translation>，缓存输入 %1</translation>
    </message>
    <message>
        <source>%1 per image</source>
        <translation>%1/张</translation>
    </message>
    <message>
        <source>Prices (per million tokens)</source>
        <translation>价格（每百万 token）</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>未公布</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>公告时间</translation>
    </message>
    <message>
        <source>End of sale</source>
        <translation>停止售卖</translation>
    </message>
    <message>
        <source>End of service</source>
        <translation>停止服务</translation>
    </message>
    <message>
        <source> (tentative)</source>
        <translation> (暂定)</translation>
    </message>
    <message>
        <source>Not retired before</source>
        <translation>不早于此时间下线</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>替代模型</translation>
    </message>
    <message>
        <source>At end of service</source>
        <translation>停止服务后</translation>
    </message>
    <message>
        <source>requests are answered by %1</source>
        <translation>请求将由 %1 响应</translation>
    </message>
    <message>
        <source>requests fail</source>
        <translation>请求会失败</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>备选模型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Server signals</source>
        <translation>服务器信号</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Import Model Catalog</source>
        <translation>导入模型目录</translation>
    </message>
    <message>
        <source>Model catalogs (*.json);;All files (*)</source>
        <translation>模型目录 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation>无法移除 %1</translation>
    </message>
    <message>
        <source>not linked to a model yet</source>
        <translation>尚未关联模型</translation>
    </message>
    <message>
        <source>not in the catalog</source>
        <translation>不在模型目录中</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Edit Endpoint</source>
        <translation>编辑接入点</translation>
    </message>
    <message>
        <source>Add Endpoint</source>
        <translation>添加接入点</translation>
    </message>
    <message>
        <source>A name you recognise, e.g. “Support bot”</source>
        <translation>便于识别的名称，例如“客服机器人”</translation>
    </message>
    <message>
        <source>Endpoint ID:</source>
        <translation>接入点 ID：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Serves model:</source>
        <translation>对应模型：</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Remove Endpoint</source>
        <translation>移除接入点</translation>
    </message>
    <message>
        <source>Forget endpoint %1? Conversations that use it keep its ID.</source>
        <translation>要忘记接入点 %1 吗？使用它的对话会保留其 ID。</translation>
    </message>
</context>
<context>
    <name>ark::ui::CatalogImportDialog</name>
    <message>
        <source>Import Model Catalog</source>
        <translation>导入模型目录</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>This file is not a catalog this version of Ark Workbench can read.</source>
        <translation>该文件不是当前版本的方舟工作台可读取的模型目录。</translation>
    </message>
    <message>
        <source>Catalog version %1 (in use: %2; built in: %3), %4 models.</source>
        <translation>模型目录版本 %1（当前使用：%2；内置：%3），%4 个模型。</translation>
    </message>
    <message>
        <source>It is not newer than the built-in catalog, so it would never be used.</source>
        <translation>它不比内置模型目录新，因此永远不会被使用。</translation>
    </message>
    <message>
        <source>Note: it is not newer than the catalog in use; accepting it replaces that one.</source>
        <translation>注意：它不比当前使用的模型目录新；接受后将替换当前目录。</translation>
    </message>
    <message>
        <source>Changes against the catalog in use:</source>
        <translation>相对于当前模型目录的变化：</translation>
    </message>
    <message>
        <source>Problems found (%1):</source>
        <translation>发现的问题（%1）：</translation>
    </message>
    <message>
        <source>The rest of the catalog loads; entries with problems are used as far as they go.</source>
        <translation>模型目录的其余部分会正常加载；有问题的条目会尽可能使用。</translation>
    </message>
    <message>
        <source>Use This Catalog</source>
        <translation>使用此模型目录</translation>
    </message>
</context>
<context>
    <name>ark::ui::Composer</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答（Esc）</translation>
    </message>
    <message>
        <source>Message the model… (Ctrl+Enter to send, Enter for a new line)</source>
        <translation>给模型发消息…（Ctrl+Enter 发送，Enter 换行）</translation>
    </message>
    <message>
        <source>Message the model… (Enter to send, Shift+Enter for a new line)</source>
        <translation>给模型发消息…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Editing a message — Esc to cancel</source>
        <translation>正在编辑消息 — 按 Esc 取消</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Images and videos (%1 %2)</source>
        <translation>图片和视频 (%1 %2)</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <source>Videos (%1)</source>
        <translation>视频 (%1)</translation>
    </message>
    <message>
        <source>Attach images or videos</source>
        <translation>添加图片或视频</translation>
    </message>
    <message>
        <source>%1 is not a link to an image or video file: a link is attached only when its name ends in an accepted format (images: %2; videos: %3).</source>
        <translation>%1 不是指向图片或视频文件的链接：只有文件名以支持的格式结尾的链接才能添加（图片：%2；视频：%3）。</translation>
    </message>
    <message>
        <source>%1 cannot be attached: only files and http(s) links can.</source>
        <translation>无法添加 %1：只能添加文件和 http(s) 链接。</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>无法读取粘贴的图片。</translation>
    </message>
    <message>
        <source>The selected model cannot read images or videos.</source>
        <translation>所选模型无法理解图片或视频。</translation>
    </message>
    <message>
        <source>The selected model cannot read images.</source>
        <translation>所选模型无法理解图片。</translation>
    </message>
    <message>
        <source>The selected model cannot read videos.</source>
        <translation>所选模型无法理解视频。</translation>
    </message>
    <message>
        <source>Wait until the attachments are prepared.</source>
        <translation>请等待附件准备完成。</translation>
    </message>
    <message>
        <source>Switch to a model that reads videos, or remove them to send.</source>
        <translation>请切换到支持视频理解的模型，或移除视频后再发送。</translation>
    </message>
    <message>
        <source>Switch to a model that reads images, or remove them to send.</source>
        <translation>请切换到支持图片理解的模型，或移除图片后再发送。</translation>
    </message>
    <message>
        <source>Attach images or videos (or drop them here, or paste an image)</source>
        <translation>添加图片或视频（也可拖放到此处，或粘贴图片）</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Switch model…</source>
        <translation>切换模型…</translation>
    </message>
</context>
<context>
    <name>ark::ui::ConversationSettingsPanel</name>
    <message>
        <source>Model ID or endpoint ID (ep-…)</source>
        <translation>模型 ID 或接入点 ID（ep-…）</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation>系统提示词(&amp;Y)：</translation>
    </message>
    <message>
        <source>Instructions the model follows for the whole conversation</source>
        <translation>模型在整个对话中都会遵循的指令</translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation>温度(&amp;T)</translation>
    </message>
    <message>
        <source>Higher values give more varied answers, lower values more focused ones. Change this or top_p, not both.</source>
        <translation>值越高，回答越多样；值越低，回答越集中。建议只调整此项或 top_p 其中之一，不要同时调整。</translation>
    </message>
    <message>
        <source>Top &amp;p</source>
        <translation>Top &amp;p</translation>
    </message>
    <message>
        <source>Nucleus sampling: only the most likely tokens whose probabilities add up to this value are considered.</source>
        <translation>核采样：只从概率累计达到此值的最可能的 token 中选取。</translation>
    </message>
    <message>
        <source>Max to&amp;kens</source>
        <translation>最大 token 数(&amp;K)</translation>
    </message>
    <message>
        <source>The longest answer in tokens. Unset: the server&apos;s default (4096).</source>
        <translation>回答的最大长度（token 数）。未设置时使用服务器默认值（4096）。</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>&amp;Frequency penalty</source>
        <translation>频率惩罚(&amp;F)</translation>
    </message>
    <message>
        <source>Positive values make the model less likely to repeat the same words.</source>
        <translation>正值会降低模型重复相同词语的可能性。</translation>
    </message>
    <message>
        <source>P&amp;resence penalty</source>
        <translation>存在惩罚(&amp;R)</translation>
    </message>
    <message>
        <source>Positive values make the model more likely to talk about new topics.</source>
        <translation>正值会提高模型谈论新话题的可能性。</translation>
    </message>
    <message>
        <source>&amp;Stop sequences:</source>
        <translation>停止序列(&amp;S)：</translation>
    </message>
    <message>
        <source>Default (not sent)</source>
        <translation>默认（不发送）</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Auto (the model decides)</source>
        <translation>自动（由模型决定）</translation>
    </message>
    <message>
        <source>Deep thinking. Only some models accept this field; others answer with an error.</source>
        <translation>深度思考。仅部分模型支持此字段，其他模型会返回错误。</translation>
    </message>
    <message>
        <source>T&amp;hinking:</source>
        <translation>深度思考(&amp;H)：</translation>
    </message>
    <message>
        <source>Unset: not sent, the server&apos;s default applies.</source>
        <translation>未设置：不发送，使用服务器默认值。</translation>
    </message>
    <message>
        <source>One per line, at most %1. Write \n for a line break.</source>
        <translation>每行一个，最多 %1 个。换行请写作 \n。</translation>
    </message>
    <message>
        <source>Only the first %1 are sent.</source>
        <translation>只发送前 %1 个。</translation>
    </message>
    <message>
        <source>Max &amp;completion tokens</source>
        <translation>最大补全 token 数(&amp;C)</translation>
    </message>
    <message>
        <source>The longest answer plus reasoning, in tokens (max_completion_tokens, up to 65,536). When set, max tokens is not sent: the API refuses both together. Unset: not sent.</source>
        <translation>回答与思考合计的最大长度，单位为 token（max_completion_tokens，最大 65,536）。设置后不会发送最大 token 数：API 不接受同时设置两者。未设置：不发送。</translation>
    </message>
    <message>
        <source>Max completion tokens</source>
        <translation>最大补全 token 数</translation>
    </message>
    <message>
        <source>%1 (not accepted by this model)</source>
        <translation>%1（该模型不支持）</translation>
    </message>
    <message>
        <source>This model does not accept max_completion_tokens: unset it, or the request fails.</source>
        <translation>该模型不支持 max_completion_tokens：请取消设置，否则请求会失败。</translation>
    </message>
    <message>
        <source>Max tokens is not sent while max completion tokens is set.</source>
        <translation>设置了最大补全 token 数时，不会发送最大 token 数。</translation>
    </message>
</context>
<context>
    <name>ark::ui::ConversationSidebar</name>
    <message>
        <source>Untitled conversation</source>
        <translation>未命名对话</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>开始新对话（Ctrl+N）</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Pin to top</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
</context>
<context>
    <name>ark::ui::ConversationView</name>
    <message>
        <source>Jump to latest</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <source>Scroll to the newest message and follow it</source>
        <translation>滚动到最新消息并持续跟随</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy as &amp;plain text</source>
        <translation>复制为纯文本(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Copy reasonin&amp;g</source>
        <translation>复制思考过程(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Hide reasoning</source>
        <translation>隐藏思考过程(&amp;H)</translation>
    </message>
    <message>
        <source>S&amp;how reasoning</source>
        <translation>显示思考过程(&amp;H)</translation>
    </message>
    <message>
        <source>Show in the tool-call &amp;inspector</source>
        <translation>在工具调用检查器中显示(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save attachment as…</source>
        <translation>附件另存为(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>ark::ui::CostCalculatorPane</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Filter models</source>
        <translation>筛选模型</translation>
    </message>
    <message>
        <source>Type token counts</source>
        <translation>输入 token 数</translation>
    </message>
    <message>
        <source>Count a text</source>
        <translation>计算文本</translation>
    </message>
    <message>
        <source>Paste the text to count; it is counted for each selected model.</source>
        <translation>粘贴要计算的文本；将按每个所选模型分别计算。</translation>
    </message>
    <message>
        <source>Input tokens (cache hits included):</source>
        <translation>输入 token 数（含缓存命中）：</translation>
    </message>
    <message>
        <source>Cached input tokens:</source>
        <translation>缓存输入 token 数：</translation>
    </message>
    <message>
        <source>Output tokens (reasoning included):</source>
        <translation>输出 token 数（含思考）：</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Input cost</source>
        <translation>输入费用</translation>
    </message>
    <message>
        <source>Cached cost</source>
        <translation>缓存费用</translation>
    </message>
    <message>
        <source>Output cost</source>
        <translation>输出费用</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Next tier boundary</source>
        <translation>下一档位边界</translation>
    </message>
    <message>
        <source>%1 · prices in %2</source>
        <translation>%1 · 以 %2 计价</translation>
    </message>
    <message>
        <source>Estimated: this provider has no tokenization API.</source>
        <translation>估算值：该服务商没有分词 API。</translation>
    </message>
    <message>
        <source>Estimated: token counting is not available here.</source>
        <translation>估算值：此处无法计算 token 数。</translation>
    </message>
    <message>
        <source>Single price</source>
        <translation>单一价格</translation>
    </message>
    <message>
        <source>input from %1 tokens (%2 more): %3</source>
        <translation>输入达到 %1 token（还差 %2）：%3</translation>
    </message>
    <message>
        <source>no tier above %1 input tokens</source>
        <translation>输入超过 %1 token 后没有更高档位</translation>
    </message>
    <message>
        <source>output from %1 tokens (%2 more): %3</source>
        <translation>输出达到 %1 token（还差 %2）：%3</translation>
    </message>
    <message>
        <source>Highest tier</source>
        <translation>最高档位</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Paste or type a text to count it.</source>
        <translation>粘贴或输入文本以计算 token 数。</translation>
    </message>
    <message>
        <source>≈ marks estimated counts. %1</source>
        <translation>≈ 表示估算值。%1</translation>
    </message>
    <message>
        <source>Counted exactly by the tokenization API.</source>
        <translation>已由分词 API 精确计算。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Pick one or more models to compare their costs.</source>
        <translation>选择一个或多个模型以比较费用。</translation>
    </message>
    <message>
        <source>No selected model has a price for these counts.</source>
        <translation>所选模型均没有适用于这些 token 数的价格。</translation>
    </message>
    <message>
        <source>Cheapest in %1: %2 at %3</source>
        <translation>以 %1 计价最便宜：%2，%3</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <source>Cached tokens</source>
        <translation>缓存命中 token</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <source>None: one price for every length</source>
        <translation>无：所有长度同一价格</translation>
    </message>
</context>
<context>
    <name>ark::ui::DeprecationBanner</name>
    <message>
        <source>%1 (endpoint serving %2)</source>
        <translation>%1（对应 %2 的接入点）</translation>
    </message>
    <message>
        <source>Choose Another Model…</source>
        <translation>选择其他模型…</translation>
    </message>
    <message>
        <source>Hide this notice for this conversation</source>
        <translation>在此对话中隐藏此通知</translation>
    </message>
    <message>
        <source>Hide notice</source>
        <translation>隐藏通知</translation>
    </message>
    <message>
        <source>%1 is being retired</source>
        <translation>%1 即将下线</translation>
    </message>
    <message>
        <source>%1 is past its end of sale</source>
        <translation>%1 已停止售卖</translation>
    </message>
    <message>
        <source>%1 is retired: its requests are answered by %2</source>
        <translation>%1 已下线：其请求将由 %2 响应</translation>
    </message>
    <message>
        <source>%1 is retired: requests to it fail</source>
        <translation>%1 已下线：对它的请求会失败</translation>
    </message>
    <message>
        <source>announced %1</source>
        <translation>%1 公告</translation>
    </message>
    <message>
        <source>end of sale %1</source>
        <translation>%1 停止售卖</translation>
    </message>
    <message>
        <source>end of service %1</source>
        <translation>%1 停止服务</translation>
    </message>
    <message>
        <source>Dates: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <source>Existing endpoints still serve it, but no new endpoints can be created.</source>
        <translation>现有接入点仍可使用该模型，但无法再创建新的接入点。</translation>
    </message>
    <message>
        <source>After the end of service its requests are answered by %1.</source>
        <translation>停止服务后，其请求将由 %1 响应。</translation>
    </message>
    <message>
        <source>After the end of service, requests to it fail.</source>
        <translation>停止服务后，对它的请求会失败。</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Candidates: %1</source>
        <translation>备选模型：%1</translation>
    </message>
    <message>
        <source>%1 is gone: the server answered 410 Gone</source>
        <translation>%1 已不可用：服务器返回 410 Gone</translation>
    </message>
    <message>
        <source>Sunset: %1</source>
        <translation>停止服务：%1</translation>
    </message>
    <message>
        <source>Replacement: %1</source>
        <translation>替代模型：%1</translation>
    </message>
    <message>
        <source>Migration guide</source>
        <translation>迁移指南</translation>
    </message>
    <message>
        <source>The server reports that %1 was retired</source>
        <translation>服务器报告 %1 已下线</translation>
    </message>
    <message>
        <source>The server reports that %1 is deprecated</source>
        <translation>服务器报告 %1 已弃用</translation>
    </message>
    <message>
        <source>Deprecated since %1</source>
        <translation>自 %1 起已弃用</translation>
    </message>
    <message>
        <source>The provider&apos;s deprecation notice</source>
        <translation>服务商的弃用通知</translation>
    </message>
    <message>
        <source>The server also reports: %1</source>
        <translation>服务器还报告：%1</translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation>切换到 %1</translation>
    </message>
    <message>
        <source>Keep this conversation and send its next messages to %1</source>
        <translation>保留此对话，并将后续消息发送给 %1</translation>
    </message>
    <message>
        <source>Retired Model</source>
        <translation>已下线的模型</translation>
    </message>
    <message>
        <source>Send Anyway</source>
        <translation>仍然发送</translation>
    </message>
</context>
<context>
    <name>ark::ui::ExchangeInspector</name>
    <message numerus="yes">
        <source>… %n more event(s) (%1 bytes) not kept</source>
        <translation>
            <numerusform>… 另有 %n 个事件（%1 字节）未保留</numerusform>
        </translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>解码结果</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>交互记录</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>标头</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <source>Copy a curl command that repeats this request; it reads the key from $ARK_API_KEY.</source>
        <translation>复制可重放此请求的 curl 命令；命令从 $ARK_API_KEY 读取 API Key。</translation>
    </message>
    <message>
        <source>Export this…</source>
        <translation>导出此项…</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>全部导出…</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <source>No requests yet in this conversation.</source>
        <translation>此对话中尚无请求。</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>耗时 %1</translation>
    </message>
    <message>
        <source>first byte %1</source>
        <translation>首字节 %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>重试 %1</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>请求 ID %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The headers the app sets. Qt&apos;s HTTP stack adds Host, User-Agent, Connection and Accept-Encoding itself.</source>
        <translation>应用设置的标头。Qt 的 HTTP 模块会自行添加 Host、User-Agent、Connection 和 Accept-Encoding。</translation>
    </message>
    <message>
        <source>Response (not yet received)</source>
        <translation>响应（尚未收到）</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>（空响应体）</translation>
    </message>
    <message>
        <source>(no body) %1</source>
        <translation>（无响应体）%1</translation>
    </message>
    <message>
        <source>No exchange is selected.</source>
        <translation>未选择交互。</translation>
    </message>
    <message>
        <source>There are no exchanges to export.</source>
        <translation>没有可导出的交互。</translation>
    </message>
    <message>
        <source>Export exchange</source>
        <translation>导出交互</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Exported.</source>
        <translation>已导出。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export all exchanges</source>
        <translation>导出所有交互</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Show the whole request; a long conversation&apos;s request is large.</source>
        <translation>显示完整请求；长对话的请求体很大。</translation>
    </message>
    <message>
        <source>Indenting the request (%1)…</source>
        <translation>正在格式化请求（%1）…</translation>
    </message>
    <message>
        <source>The first %1 of %2 are shown.</source>
        <translation>已显示 %2 中的前 %1。</translation>
    </message>
    <message>
        <source>Adding the rest: %1 of %2 shown…</source>
        <translation>正在加载其余部分：已显示 %1 / %2…</translation>
    </message>
</context>
<context>
    <name>ark::ui::FirstRunPanel</name>
    <message>
        <source>Connect to Volcengine Ark</source>
        <translation>连接火山方舟</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ark Workbench talks to models through the Volcengine Ark API, which needs an API key. Create one in the Ark console under &lt;b&gt;API Key management&lt;/b&gt;: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;&lt;p&gt;The key is kept in your system keychain, never in a file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;方舟工作台通过火山方舟 API 与模型对话，需要使用 API Key。请在方舟控制台的&lt;b&gt;API Key 管理&lt;/b&gt;中创建：&lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;&lt;p&gt;API Key 保存在系统钥匙串中，绝不会写入文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>粘贴 API Key</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>显示(&amp;W)</translation>
    </message>
    <message>
        <source>Leave it as it is for Volcengine Ark; change it to use another compatible server, such as a local test server.</source>
        <translation>使用火山方舟时保持默认即可；如需使用其他兼容的服务器（例如本地测试服务器），请修改此项。</translation>
    </message>
    <message>
        <source>&amp;Save and start</source>
        <translation>保存并开始(&amp;S)</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;Key：</translation>
    </message>
    <message>
        <source>&amp;Base URL (optional):</source>
        <translation>&amp;Base URL（可选）：</translation>
    </message>
    <message>
        <source>Hid&amp;e</source>
        <translation>隐藏(&amp;E)</translation>
    </message>
    <message>
        <source>The base URL is not an http:// or https:// address.</source>
        <translation>Base URL 不是 http:// 或 https:// 地址。</translation>
    </message>
</context>
<context>
    <name>ark::ui::GenerationErrorCard</name>
    <message>
        <source>Code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>Request failed</source>
        <translation>请求失败</translation>
    </message>
</context>
<context>
    <name>ark::ui::ImageGenerationPanel</name>
    <message>
        <source>An image generation model from the catalog, or an endpoint id (ep-…)</source>
        <translation>模型目录中的图片生成模型，或接入点 ID（ep-…）</translation>
    </message>
    <message>
        <source>Describe the image…</source>
        <translation>描述要生成的图片…</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <source>Width x height in pixels; empty for the model&apos;s default</source>
        <translation>宽 x 高（像素）；留空则使用模型默认值</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>The same seed and prompt give similar images; Random (-1) picks one</source>
        <translation>相同的种子和提示词会生成相似的图片；“随机”（-1）会随机选取种子</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>How closely the image follows the prompt (1–10); unset: the model&apos;s default</source>
        <translation>图片与提示词的贴合程度（1–10）；未设置时使用模型默认值</translation>
    </message>
    <message>
        <source>Add the “AI generated” mark</source>
        <translation>添加“AI 生成”水印</translation>
    </message>
    <message>
        <source>No mark</source>
        <translation>不添加水印</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The generated image appears here.</source>
        <translation>生成的图片将显示在这里。</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation>引导系数</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <source>Cannot generate yet</source>
        <translation>暂时无法生成</translation>
    </message>
    <message>
        <source>No API key is set. Add your Ark API key in Settings, then try again.</source>
        <translation>未设置 API Key。请在“设置”中添加方舟 API Key 后重试。</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>There is no generated image to save.</source>
        <translation>没有可保存的生成图片。</translation>
    </message>
    <message>
        <source>%1 per image (catalog price)</source>
        <translation>%1/张（模型目录价格）</translation>
    </message>
    <message>
        <source>The catalog has no price for this model.</source>
        <translation>模型目录中没有该模型的价格。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The answer held no image.</source>
        <translation>响应中没有图片。</translation>
    </message>
    <message>
        <source>No image was generated</source>
        <translation>未生成图片</translation>
    </message>
    <message>
        <source>The image could not be saved</source>
        <translation>无法保存图片</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Downloading the image…</source>
        <translation>正在下载图片…</translation>
    </message>
    <message>
        <source>The image could not be downloaded</source>
        <translation>无法下载图片</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>The image cannot be shown</source>
        <translation>无法显示图片</translation>
    </message>
    <message>
        <source>%1 is not an image this app can read: %2</source>
        <translation>%1 不是本应用可读取的图片：%2</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>generated at %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>费用：%1</translation>
    </message>
    <message>
        <source>Images billed: %1 × %2 per image (catalog price)</source>
        <translation>计费图片：%1 张 × %2/张（模型目录价格）</translation>
    </message>
    <message>
        <source>Cost: not in the catalog for %1</source>
        <translation>费用：模型目录中没有 %1 的价格</translation>
    </message>
    <message>
        <source>Save Image As</source>
        <translation>图片另存为</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ark::ui::MainWindow</name>
    <message>
        <source>Ark Workbench</source>
        <translation>方舟工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Ark Workbench</source>
        <translation>关于方舟工作台(&amp;A)</translation>
    </message>
    <message>
        <source>About Ark Workbench</source>
        <translation>关于方舟工作台</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Ark Workbench %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A native workbench for chatting with, experimenting on and comparing large models.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;方舟工作台 %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;一款原生桌面工作台，用于与大模型对话、实验和对比。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Conversation restored.</source>
        <translation>对话已恢复。</translation>
    </message>
    <message>
        <source>Stop the answer before deleting messages.</source>
        <translation>请先停止回答，再删除消息。</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>对话设置</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Search conversations</source>
        <translation>搜索对话(&amp;S)</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation>导出为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Import conversation…</source>
        <translation>导入对话(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Conversation &amp;list</source>
        <translation>对话列表(&amp;L)</translation>
    </message>
    <message>
        <source>The model is answering… (Esc to stop)</source>
        <translation>模型正在回答…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Answered in %1 s.</source>
        <translation>回答用时 %1 秒。</translation>
    </message>
    <message>
        <source>Add an API key in Settings to send messages.</source>
        <translation>请在“设置”中添加 API Key 后再发送消息。</translation>
    </message>
    <message>
        <source>Could not create a conversation: %1</source>
        <translation>无法创建对话：%1</translation>
    </message>
    <message>
        <source>Could not open the conversation.</source>
        <translation>无法打开对话。</translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation>对话已删除。</translation>
    </message>
    <message>
        <source>Open a conversation to export it.</source>
        <translation>请先打开要导出的对话。</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>导出为 JSON</translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation>导出为 Markdown</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Import conversation</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Ark Workbench JSON (*.json)</source>
        <translation>方舟工作台 JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Raw exchanges</source>
        <translation>原始交互</translation>
    </message>
    <message>
        <source>Switched this conversation from %1 to %2.</source>
        <translation>已将此对话从 %1 切换到 %2。</translation>
    </message>
    <message>
        <source>Cost calculator</source>
        <translation>费用计算器</translation>
    </message>
    <message>
        <source>Usage and cost</source>
        <translation>用量和费用</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <source>The model called tools: answer them in the Tool calls pane, then continue.</source>
        <translation>模型调用了工具：请在“工具调用”面板中回复后继续。</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Switch model…</source>
        <translation>切换模型(&amp;S)…</translation>
    </message>
    <message>
        <source>Model &amp;catalog…</source>
        <translation>模型目录(&amp;C)…</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>图片生成</translation>
    </message>
    <message>
        <source>Video generation</source>
        <translation>视频生成</translation>
    </message>
    <message>
        <source>A generated video is ready: %1</source>
        <translation>生成的视频已就绪：%1</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>The attached file</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>%1 is no longer stored on this computer, so it cannot be shown.</source>
        <translation>%1 已不在此电脑上，无法显示。</translation>
    </message>
    <message>
        <source>The attached file is no longer stored, so it cannot be saved.</source>
        <translation>附件已不在此电脑上，无法保存。</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation>无法保存 %1。</translation>
    </message>
    <message>
        <source>The generated image could not be added to the conversation: %1</source>
        <translation>无法将生成的图片加入对话：%1</translation>
    </message>
</context>
<context>
    <name>ark::ui::MediaViewer</name>
    <message>
        <source>%1 is a video; it plays in the video player.</source>
        <translation>%1 是视频，将在视频播放器中播放。</translation>
    </message>
    <message>
        <source>This image is sent as a link and is not stored here: %1</source>
        <translation>此图片以链接形式发送，未保存在本地：%1</translation>
    </message>
    <message>
        <source>The image file could not be read.</source>
        <translation>无法读取图片文件。</translation>
    </message>
    <message>
        <source>%1 cannot be shown here (%2 is not a format this system can decode); it is still sent as attached.</source>
        <translation>无法在此显示 %1（系统无法解码 %2 格式）；它仍会作为附件发送。</translation>
    </message>
    <message>
        <source>The image</source>
        <translation>该图片</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an image this system can decode.</source>
        <translation>%1 不是系统可解码的图片。</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>There is no image to save.</source>
        <translation>没有可保存的图片。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>This image can only be saved in its own format (.%1).</source>
        <translation>此图片只能以原格式（.%1）保存。</translation>
    </message>
    <message>
        <source>Images cannot be saved as .%1 here; choose PNG or JPEG.</source>
        <translation>此处无法将图片保存为 .%1；请选择 PNG 或 JPEG。</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>图片另存为</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tiff);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Show at actual size (double-click the image to switch)</source>
        <translation>按实际大小显示（双击图片切换）</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the image to a file (Ctrl+S)</source>
        <translation>将图片保存到文件（Ctrl+S）</translation>
    </message>
</context>
<context>
    <name>ark::ui::MessageDelegate</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Copy the message as Markdown (Ctrl+C)</source>
        <translation>将消息复制为 Markdown（Ctrl+C）</translation>
    </message>
    <message>
        <source>Copy the message as plain text</source>
        <translation>将消息复制为纯文本</translation>
    </message>
    <message>
        <source>Ask for a new answer</source>
        <translation>让模型重新回答</translation>
    </message>
    <message>
        <source>Edit this message and send it again</source>
        <translation>编辑此消息并重新发送</translation>
    </message>
    <message>
        <source>Delete this message</source>
        <translation>删除此消息</translation>
    </message>
    <message>
        <source>Send the request again</source>
        <translation>重新发送请求</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Request failed</source>
        <translation>请求失败</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>The request failed before an answer arrived.</source>
        <translation>请求失败，未收到回答。</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>%1 in</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation>思考 %1</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>停止原因：%1</translation>
    </message>
    <message>
        <source>Show or hide the model&apos;s reasoning</source>
        <translation>显示或隐藏模型的思考过程</translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation>复制思考过程</translation>
    </message>
    <message>
        <source>The model used its whole output budget while thinking and gave no answer. Raise max tokens and retry.</source>
        <translation>模型在思考时用完了全部输出额度，未给出回答。请调高最大 token 数后重试。</translation>
    </message>
    <message>
        <source>Thinking… %1 s</source>
        <translation>思考中… %1 秒</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <source>Thought for %1 s</source>
        <translation>已思考 %1 秒</translation>
    </message>
    <message>
        <source>1 reasoning token</source>
        <translation>1 个思考 token</translation>
    </message>
    <message>
        <source>%1 reasoning tokens</source>
        <translation>%1 个思考 token</translation>
    </message>
    <message>
        <source>Show this call in the tool-call inspector</source>
        <translation>在工具调用检查器中显示此调用</translation>
    </message>
    <message>
        <source>Show the call this answers in the tool-call inspector</source>
        <translation>在工具调用检查器中显示此结果对应的调用</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 cached</source>
        <translation>缓存 %1</translation>
    </message>
    <message>
        <source>Receiving…</source>
        <translation>正在接收…</translation>
    </message>
    <message>
        <source>Awaiting result</source>
        <translation>等待结果</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Invalid arguments</source>
        <translation>参数无效</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Empty result</source>
        <translation>结果为空</translation>
    </message>
    <message>
        <source>… %1 more lines</source>
        <translation>… 还有 %1 行</translation>
    </message>
    <message>
        <source>… %1 more characters</source>
        <translation>… 还有 %1 个字符</translation>
    </message>
    <message>
        <source>A link sent as is; the file is not kept here.</source>
        <translation>以链接原样发送；文件未保存在本机。</translation>
    </message>
    <message>
        <source>Click to play</source>
        <translation>点击播放</translation>
    </message>
    <message>
        <source>Click to view full size</source>
        <translation>点击查看原图</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>Video link</source>
        <translation>视频链接</translation>
    </message>
    <message>
        <source>Image link</source>
        <translation>图片链接</translation>
    </message>
    <message>
        <source>Cannot display</source>
        <translation>无法显示</translation>
    </message>
</context>
<context>
    <name>ark::ui::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Switch Model…</source>
        <translation>切换模型…</translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation>选择模型…</translation>
    </message>
    <message>
        <source>Choose a model (%1)</source>
        <translation>选择模型（%1）</translation>
    </message>
    <message>
        <source>%1
Not in the model catalog: no capabilities, prices or lifecycle are known.
Switch model (%2)</source>
        <translation>%1
不在模型目录中：能力、价格和生命周期均未知。
切换模型（%2）</translation>
    </message>
    <message>
        <source>Switch model (%1)</source>
        <translation>切换模型（%1）</translation>
    </message>
    <message>
        <source>%1 · retires %2</source>
        <translation>%1 · %2 下线</translation>
    </message>
</context>
<context>
    <name>ark::ui::ModelRowDelegate</name>
    <message>
        <source>serves %1</source>
        <translation>对应 %1</translation>
    </message>
</context>
<context>
    <name>ark::ui::QuickSwitcher</name>
    <message>
        <source>Switch model</source>
        <translation>切换模型</translation>
    </message>
    <message>
        <source>Search models by name, ID, capability or provider…</source>
        <translation>按名称、ID、能力或服务商搜索模型…</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>搜索模型</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>显示已下线模型</translation>
    </message>
    <message>
        <source>Also list models whose provider has stopped serving them</source>
        <translation>同时列出服务商已停止提供服务的模型</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Use anyway</source>
        <translation>仍然使用</translation>
    </message>
    <message>
        <source>↑↓ move · Enter picks · Esc closes</source>
        <translation>↑↓ 移动 · Enter 选择 · Esc 关闭</translation>
    </message>
    <message>
        <source>No model matches. Enter uses “%1” as a model or endpoint ID.</source>
        <translation>没有匹配的模型。按 Enter 将“%1”用作模型 ID 或接入点 ID。</translation>
    </message>
    <message>
        <source>Retired models hidden: %1 (tick “Show retired” to list them).</source>
        <translation>已隐藏下线模型：%1（勾选“显示已下线模型”可列出）。</translation>
    </message>
    <message>
        <source>%1 is retired: %2. Requests to it may fail or be answered by another model. Press Enter again to use it anyway.</source>
        <translation>%1 已下线：%2。对它的请求可能失败，或由其他模型响应。再次按 Enter 仍可使用。</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>使用 %1</translation>
    </message>
</context>
<context>
    <name>ark::ui::RetiringSoonDialog</name>
    <message>
        <source>Models Retiring Soon</source>
        <translation>即将下线的模型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Retires</source>
        <translation>下线时间</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Don&apos;t remind me again about these</source>
        <translation>不再提醒这些项目</translation>
    </message>
    <message>
        <source>These conversations and endpoints use models that stop serving soon. Open a conversation to switch its model with one click; link an endpoint to a newer model in the console and in the model catalog.</source>
        <translation>这些对话和接入点使用的模型即将停止服务。打开对话即可一键切换模型；请在控制台和模型目录中将接入点关联到较新的模型。</translation>
    </message>
</context>
<context>
    <name>ark::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Conversation &amp;font size:</source>
        <translation>对话字号(&amp;F)：</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Applied when the app restarts.</source>
        <translation>重启应用后生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Send a message with</source>
        <translation>发送消息的按键</translation>
    </message>
    <message>
        <source>&amp;Enter (Shift+Enter starts a new line)</source>
        <translation>&amp;Enter（Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Ctrl+Ente&amp;r (Enter starts a new line)</source>
        <translation>Ctrl+Ente&amp;r（Enter 换行）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The key could not be saved: %1</source>
        <translation>无法保存 API Key：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Model reasoning</source>
        <translation>模型思考过程</translation>
    </message>
    <message>
        <source>Always e&amp;xpanded</source>
        <translation>始终展开(&amp;X)</translation>
    </message>
    <message>
        <source>Expanded while &amp;thinking, collapsed when the answer starts</source>
        <translation>思考时展开，开始回答后折叠(&amp;T)</translation>
    </message>
    <message>
        <source>Always colla&amp;psed</source>
        <translation>始终折叠(&amp;P)</translation>
    </message>
    <message>
        <source>Click a message&apos;s Thinking header to expand or collapse it by hand.</source>
        <translation>点击消息的“思考”标题可手动展开或折叠。</translation>
    </message>
</context>
<context>
    <name>ark::ui::TokenMeter</name>
    <message>
        <source>Estimated: token counting is not available here.</source>
        <translation>估算值：此处无法计算 token 数。</translation>
    </message>
    <message>
        <source>Draft %1 · conversation %2 tokens</source>
        <translation>草稿 %1 · 对话 %2 token</translation>
    </message>
    <message>
        <source>System prompt: %1
History: %2
Tools: %3
Draft: %4</source>
        <translation>系统提示词：%1
历史消息：%2
工具：%3
草稿：%4</translation>
    </message>
    <message>
        <source>Estimated counts.</source>
        <translation>估算值。</translation>
    </message>
    <message>
        <source>%1 / %2 (%3%)</source>
        <translation>%1 / %2（%3%）</translation>
    </message>
    <message>
        <source>Context window of %1: %2 tokens (input, answer and reasoning together).</source>
        <translation>%1 的上下文窗口：%2 token（输入、回答和思考合计）。</translation>
    </message>
    <message>
        <source>A long answer may not fit: %1 tokens of the window are left</source>
        <translation>较长的回答可能放不下：窗口仅剩 %1 token</translation>
    </message>
    <message>
        <source>Cost unknown: no model chosen.</source>
        <translation>费用未知：未选择模型。</translation>
    </message>
    <message>
        <source>Cost unknown: the catalog does not know %1.</source>
        <translation>费用未知：模型目录中没有 %1。</translation>
    </message>
    <message>
        <source>Cost unknown: %1</source>
        <translation>费用未知：%1</translation>
    </message>
    <message>
        <source>no max tokens set</source>
        <translation>未设置最大 token 数</translation>
    </message>
    <message>
        <source>up to the model&apos;s %1 tokens</source>
        <translation>最多为模型上限 %1 token</translation>
    </message>
    <message>
        <source>up to %1 tokens</source>
        <translation>最多 %1 token</translation>
    </message>
    <message>
        <source>Sending now: %1 – %2</source>
        <translation>现在发送：%1 – %2</translation>
    </message>
    <message>
        <source>Sending now: from %1</source>
        <translation>现在发送：%1 起</translation>
    </message>
    <message>
        <source> (input %1, output %2)</source>
        <translation> (输入 %1，输出 %2)</translation>
    </message>
    <message>
        <source> (output %1)</source>
        <translation> (输出 %1)</translation>
    </message>
    <message>
        <source> · tier %1</source>
        <translation> · 档位 %1</translation>
    </message>
    <message>
        <source>%1+ tokens</source>
        <translation>%1+ token</translation>
    </message>
    <message>
        <source>%1–%2 tokens</source>
        <translation>%1–%2 token</translation>
    </message>
    <message>
        <source>output %1: tier %2</source>
        <translation>输出 %1：档位 %2</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>, or </source>
        <translation>，或 </translation>
    </message>
    <message>
        <source>Input is billed exactly for its %1 tokens; no cache hit is assumed.</source>
        <translation>输入按实际的 %1 token 计费；不计缓存命中。</translation>
    </message>
    <message>
        <source>Single price</source>
        <translation>单一价格</translation>
    </message>
    <message>
        <source>unbounded</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>%1: input %2; output %3 to %4 tokens; total %5 to %6</source>
        <translation>%1：输入 %2；输出 %3 到 %4 token；合计 %5 到 %6</translation>
    </message>
    <message>
        <source>Counts are estimates.</source>
        <translation>token 数为估算值。</translation>
    </message>
    <message>
        <source>%1 tokens over the input limit of %2</source>
        <translation>超出输入上限 %2 共 %1 个 token</translation>
    </message>
    <message>
        <source>Images are counted from their pixel size and detail setting (the vision docs&apos; rule).</source>
        <translation>图片按其像素尺寸和 detail 设置估算（视觉理解文档的规则）。</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) could not be counted (no rule for them).</source>
        <translation>
            <numerusform>有 %n 个附件无法计算（没有可用的规则）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ark::ui::ToolCallInspector</name>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Result sent back:</source>
        <translation>回传结果：</translation>
    </message>
    <message>
        <source>Type the result for the model, or run the tool…</source>
        <translation>输入要返回给模型的结果，或运行工具…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run this built-in tool here and use its output as the result</source>
        <translation>在此运行该内置工具，并将其输出用作结果</translation>
    </message>
    <message>
        <source>Return Error</source>
        <translation>返回错误</translation>
    </message>
    <message>
        <source>Tell the model the call failed (with the text above, or the problems found in its arguments)</source>
        <translation>告知模型调用失败（附上方文本，或参数中发现的问题）</translation>
    </message>
    <message>
        <source>Send Result</source>
        <translation>发送结果</translation>
    </message>
    <message>
        <source>Use the text above as this call&apos;s result</source>
        <translation>将上方文本用作此调用的结果</translation>
    </message>
    <message>
        <source>Run (asks first)…</source>
        <translation>运行（先询问）…</translation>
    </message>
    <message>
        <source>Arguments still arriving…</source>
        <translation>参数仍在接收中…</translation>
    </message>
    <message>
        <source>The answer broke off: this call is incomplete and cannot be answered.</source>
        <translation>回答中断：此调用不完整，无法回复。</translation>
    </message>
    <message>
        <source>The arguments fit the function&apos;s schema.</source>
        <translation>参数符合函数的 schema。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Continue with These Results</source>
        <translation>使用这些结果继续</translation>
    </message>
    <message>
        <source>Send the answers back to the model and let it go on</source>
        <translation>将结果发回模型，让其继续回答</translation>
    </message>
    <message>
        <source>The model is answering…</source>
        <translation>模型正在回答…</translation>
    </message>
    <message>
        <source>No tool calls in the current answer.</source>
        <translation>当前回答中没有工具调用。</translation>
    </message>
    <message numerus="yes">
        <source>%n tool call(s)</source>
        <translation>
            <numerusform>%n 个工具调用</numerusform>
        </translation>
    </message>
    <message>
        <source>arriving…</source>
        <translation>接收中…</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>results sent</source>
        <translation>结果已发送</translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting an answer</source>
        <translation>
            <numerusform>%n 个等待回复</numerusform>
        </translation>
    </message>
    <message>
        <source>all answered: continue when ready</source>
        <translation>已全部回复：准备好后即可继续</translation>
    </message>
    <message>
        <source>The model wrote: %1</source>
        <translation>模型写道：%1</translation>
    </message>
    <message>
        <source>Choose a Text File for the Model</source>
        <translation>为模型选择文本文件</translation>
    </message>
    <message>
        <source>Read a File?</source>
        <translation>读取文件？</translation>
    </message>
    <message>
        <source>The model asks to read this file. Its text will be sent to the model:

%1</source>
        <translation>模型请求读取此文件。文件内容将发送给模型：

%1</translation>
    </message>
    <message>
        <source>Read This File</source>
        <translation>读取此文件</translation>
    </message>
    <message>
        <source>Choose Another File…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>(no call id)</source>
        <translation>（无调用 ID）</translation>
    </message>
</context>
<context>
    <name>ark::ui::ToolsEditor</name>
    <message>
        <source>Function definitions (JSON)</source>
        <translation>函数定义（JSON）</translation>
    </message>
    <message>
        <source>Start from a Preset</source>
        <translation>从预设开始</translation>
    </message>
    <message>
        <source>[
  {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {&quot;name&quot;: &quot;...&quot;, &quot;description&quot;: &quot;...&quot;, &quot;parameters&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {}}}}
]</source>
        <translation>[
  {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {&quot;name&quot;: &quot;...&quot;, &quot;description&quot;: &quot;...&quot;, &quot;parameters&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {}}}}
]</translation>
    </message>
    <message>
        <source>Function definitions</source>
        <translation>函数定义</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Tool choice:</source>
        <translation>工具选择：</translation>
    </message>
    <message>
        <source>Default (not sent; the API allows several)</source>
        <translation>默认（不发送；API 允许多个）</translation>
    </message>
    <message>
        <source>Allow several calls per answer</source>
        <translation>每次回答允许多个调用</translation>
    </message>
    <message>
        <source>At most one call per answer</source>
        <translation>每次回答最多一个调用</translation>
    </message>
    <message>
        <source>Parallel tool calls:</source>
        <translation>并行工具调用：</translation>
    </message>
    <message>
        <source>Run built-in tools without asking (calculator, date and time; reading a file always asks)</source>
        <translation>无需询问直接运行内置工具（计算器、日期和时间；读取文件始终会询问）</translation>
    </message>
    <message>
        <source>How many times in a row the model may call tools before it has to answer</source>
        <translation>模型在必须回答之前最多可连续调用工具的次数</translation>
    </message>
    <message>
        <source>Round limit:</source>
        <translation>轮次上限：</translation>
    </message>
    <message>
        <source>The selected model does not accept this setting; it is not sent.</source>
        <translation>所选模型不支持此设置，因此不会发送。</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>no tools are sent until the errors are fixed.</source>
        <translation>修复错误前不会发送任何工具。</translation>
    </message>
    <message>
        <source>No tools: the model answers without calling any.</source>
        <translation>没有工具：模型将直接回答，不调用任何工具。</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s): %1</source>
        <translation>
            <numerusform>%n 个工具：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Default (not sent; auto when there are tools)</source>
        <translation>默认（不发送；有工具时为 auto）</translation>
    </message>
    <message>
        <source>auto — the model decides</source>
        <translation>auto — 由模型决定</translation>
    </message>
    <message>
        <source>none — no tool calls</source>
        <translation>none — 不调用工具</translation>
    </message>
    <message>
        <source>required — must call a tool</source>
        <translation>required — 必须调用工具</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>调用 %1</translation>
    </message>
    <message>
        <source>Call %1 (not among the tools: not sent)</source>
        <translation>调用 %1（不在工具列表中：不发送）</translation>
    </message>
</context>
<context>
    <name>ark::ui::UsageView</name>
    <message>
        <source>&amp;Requests of:</source>
        <translation>请求范围(&amp;R)：</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the listed requests as a CSV file</source>
        <translation>将列出的请求保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Per conversation</source>
        <translation>按对话</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>按天</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>按模型</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Conversation #%1</source>
        <translation>对话 #%1</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Tool round</source>
        <translation>工具调用轮次</translation>
    </message>
    <message>
        <source>Token count</source>
        <translation>token 计数</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>生成标题</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>unknown (no price)</source>
        <translation>未知（无价格）</translation>
    </message>
    <message numerus="yes">
        <source> + %n request(s) without a price</source>
        <translation>
            <numerusform> + %n 个无价格的请求</numerusform>
        </translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>所有对话</translation>
    </message>
    <message>
        <source>single price</source>
        <translation>单一价格</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>Double-click to list its requests</source>
        <translation>双击以列出其请求</translation>
    </message>
    <message>
        <source>No requests recorded yet.</source>
        <translation>尚未记录任何请求。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s), %2 input (%3 cached), %4 output (%5 reasoning) tokens</source>
        <translation>
            <numerusform>%1：%n 个请求，输入 %2 token（缓存 %3），输出 %4 token（思考 %5）</numerusform>
        </translation>
    </message>
    <message>
        <source>Total of %1</source>
        <translation>%1 合计</translation>
    </message>
    <message>
        <source>Total of all requests</source>
        <translation>所有请求合计</translation>
    </message>
    <message>
        <source>Export Usage as CSV</source>
        <translation>将用量导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The usage could not be saved to %1:
%2</source>
        <translation>无法将用量保存到 %1：
%2</translation>
    </message>
</context>
<context>
    <name>ark::ui::VideoPlayer</name>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格键）</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放进度</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>全屏（F）</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>The video file %1 does not exist (it may have been moved or deleted).</source>
        <translation>视频文件 %1 不存在（可能已被移动或删除）。</translation>
    </message>
    <message>
        <source>Videos cannot be played here: Qt Multimedia found no working media backend. On Debian, install gstreamer1.0-plugins-good and gstreamer1.0-libav.</source>
        <translation>无法在此播放视频：Qt Multimedia 未找到可用的媒体后端。在 Debian 上，请安装 gstreamer1.0-plugins-good 和 gstreamer1.0-libav。</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Save Video As</source>
        <translation>视频另存为</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.webm);;All files (*)</source>
        <translation>视频 (*.mp4 *.mov *.webm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>%1 could not be opened or read as a video.</source>
        <translation>无法将 %1 作为视频打开或读取。</translation>
    </message>
    <message>
        <source>%1 cannot be decoded: its format or codec is not supported by the installed media backend.</source>
        <translation>无法解码 %1：已安装的媒体后端不支持其格式或编解码器。</translation>
    </message>
    <message>
        <source>%1 cannot be played: access was denied.</source>
        <translation>无法播放 %1：访问被拒绝。</translation>
    </message>
    <message>
        <source>%1 could not be fetched.</source>
        <translation>无法获取 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be played.</source>
        <translation>无法播放 %1。</translation>
    </message>
    <message>
        <source>The media backend says: %1</source>
        <translation>媒体后端报告：%1</translation>
    </message>
    <message>
        <source>MP4 videos (H.264 with AAC sound) need the GStreamer plugins from the packages gstreamer1.0-plugins-good and gstreamer1.0-libav.</source>
        <translation>播放 MP4 视频（H.264 视频、AAC 音频）需要 gstreamer1.0-plugins-good 和 gstreamer1.0-libav 软件包中的 GStreamer 插件。</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格键）</translation>
    </message>
</context>
<context>
    <name>ark::ui::VideoPlayerDialog</name>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>ark::ui::VideoTaskPane</name>
    <message>
        <source>New video</source>
        <translation>新建视频</translation>
    </message>
    <message>
        <source>A video generation model from the catalog, or an endpoint id (ep-…)</source>
        <translation>模型目录中的视频生成模型，或接入点 ID（ep-…）</translation>
    </message>
    <message>
        <source>Describe the video…</source>
        <translation>描述要生成的视频…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>-1 to 4294967295; the same seed gives similar, not identical, videos</source>
        <translation>-1 到 4294967295；相同的种子会生成相似但不完全相同的视频</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Adds the “AI generated” mark</source>
        <translation>添加“AI 生成”水印</translation>
    </message>
    <message>
        <source>Asks for a still camera (not guaranteed)</source>
        <translation>要求镜头固定（不保证生效）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>首帧</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>尾帧</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <source>Fixed camera</source>
        <translation>固定镜头</translation>
    </message>
    <message>
        <source>Create video</source>
        <translation>生成视频</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Ask the server for this task&apos;s status now</source>
        <translation>立即向服务器查询此任务的状态</translation>
    </message>
    <message>
        <source>Cancel task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Only queued tasks can be cancelled</source>
        <translation>只能取消排队中的任务</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Removes a finished task, its record on the server and the downloaded copy in the app&apos;s folder</source>
        <translation>删除已结束的任务、其在服务器上的记录以及应用文件夹中已下载的副本</translation>
    </message>
    <message>
        <source>Cannot create the video yet</source>
        <translation>暂时无法生成视频</translation>
    </message>
    <message>
        <source>Choose a video generation model.</source>
        <translation>请选择视频生成模型。</translation>
    </message>
    <message>
        <source>This model needs a first and a last frame.</source>
        <translation>该模型需要首帧和尾帧。</translation>
    </message>
    <message>
        <source>This model makes videos from an image: choose a first frame.</source>
        <translation>该模型根据图片生成视频：请选择首帧。</translation>
    </message>
    <message>
        <source>Write a prompt that describes the video.</source>
        <translation>请输入描述视频的提示词。</translation>
    </message>
    <message>
        <source>No API key is set. Add your Ark API key in Settings, then try again.</source>
        <translation>未设置 API Key。请在“设置”中添加方舟 API Key 后重试。</translation>
    </message>
    <message>
        <source>Reading the frames…</source>
        <translation>正在读取帧图片…</translation>
    </message>
    <message>
        <source>The first frame cannot be used</source>
        <translation>首帧无法使用</translation>
    </message>
    <message>
        <source>The last frame cannot be used</source>
        <translation>尾帧无法使用</translation>
    </message>
    <message>
        <source>Creating the task…</source>
        <translation>正在创建任务…</translation>
    </message>
    <message>
        <source>The task was not created</source>
        <translation>任务未创建</translation>
    </message>
    <message>
        <source>The task could not be saved</source>
        <translation>无法保存任务</translation>
    </message>
    <message>
        <source>Task %1 was created, but it could not be stored, so the list will not remember it after a restart.</source>
        <translation>任务 %1 已创建，但无法保存到本地，重启后列表中将不再显示该任务。</translation>
    </message>
    <message>
        <source>Task %1 created.</source>
        <translation>已创建任务 %1。</translation>
    </message>
    <message>
        <source>Checking again later</source>
        <translation>稍后将再次查询</translation>
    </message>
    <message>
        <source>Status checks stopped</source>
        <translation>已停止查询状态</translation>
    </message>
    <message>
        <source>The status of task %1 cannot be checked</source>
        <translation>无法查询任务 %1 的状态</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Downloading… %1%</source>
        <translation>正在下载… %1%</translation>
    </message>
    <message>
        <source>Downloading… %1 KB</source>
        <translation>正在下载… %1 KB</translation>
    </message>
    <message>
        <source>The video of task %1 could not be downloaded</source>
        <translation>无法下载任务 %1 的视频</translation>
    </message>
    <message>
        <source>The task cannot be cancelled</source>
        <translation>无法取消该任务</translation>
    </message>
    <message>
        <source>Only queued tasks can be cancelled; this one is %1.</source>
        <translation>只能取消排队中的任务；该任务当前状态为 %1。</translation>
    </message>
    <message>
        <source>The task could not be cancelled</source>
        <translation>取消任务失败</translation>
    </message>
    <message>
        <source>The task cannot be deleted yet</source>
        <translation>暂时无法删除该任务</translation>
    </message>
    <message>
        <source>Only finished tasks can be deleted; cancel a queued task first.</source>
        <translation>只能删除已结束的任务；排队中的任务请先取消。</translation>
    </message>
    <message>
        <source>The task could not be deleted</source>
        <translation>删除任务失败</translation>
    </message>
    <message>
        <source>Nothing to play</source>
        <translation>没有可播放的内容</translation>
    </message>
    <message>
        <source>This task has no video.</source>
        <translation>该任务没有视频。</translation>
    </message>
    <message>
        <source>The video is not ready yet.</source>
        <translation>视频尚未就绪。</translation>
    </message>
    <message>
        <source>This task has no downloaded video.</source>
        <translation>该任务没有已下载的视频。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>Makes a video between a first and a last frame.</source>
        <translation>根据首帧和尾帧生成视频。</translation>
    </message>
    <message>
        <source>Makes a video from a first frame.</source>
        <translation>根据首帧生成视频。</translation>
    </message>
    <message>
        <source>%1 per million video tokens (catalog price).</source>
        <translation>每百万视频 token %1（模型目录价格）。</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Choose the Last Frame</source>
        <translation>选择尾帧</translation>
    </message>
    <message>
        <source>Choose the First Frame</source>
        <translation>选择首帧</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)</translation>
    </message>
    <message>
        <source>Delete task %1?</source>
        <translation>要删除任务 %1 吗？</translation>
    </message>
    <message>
        <source>Its downloaded video in the app&apos;s folder is deleted too; use “Save as…” first to keep it.</source>
        <translation>应用文件夹中已下载的视频也会一并删除；如需保留，请先使用“另存为…”。</translation>
    </message>
    <message>
        <source>Delete Task</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Save Video As</source>
        <translation>视频另存为</translation>
    </message>
    <message>
        <source>Videos (*.mp4);;All files (*)</source>
        <translation>视频 (*.mp4);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The video could not be saved</source>
        <translation>无法保存视频</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>The catalog does not describe this model&apos;s video options: every documented option is offered.</source>
        <translation>模型目录未描述此模型的视频选项：提供文档中的全部选项。</translation>
    </message>
</context>
</TS>
