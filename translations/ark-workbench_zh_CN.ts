<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Unexpected redirect (HTTP %1) to %2.</source>
        <translation>意外重定向（HTTP %1）至 %2。</translation>
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
    <name>ark::api::RequestBuilder</name>
    <message>
        <source>max_tokens (%1) was not sent: max_completion_tokens (%2) is set, and the API refuses both together.</source>
        <translation>未发送 max_tokens（%1）：已设置 max_completion_tokens（%2），而 API 不接受同时设置两者。</translation>
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
        <source>The model ID or endpoint ID (ep-…) this conversation talks to</source>
        <translation>此对话使用的模型 ID 或接入点 ID（ep-…）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
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
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Called %1(%2)</source>
        <translation>调用了 %1(%2)</translation>
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
</context>
</TS>
