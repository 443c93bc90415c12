<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Ark Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database %1 could not be opened:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SseDecode</name>
    <message>
        <source>Usage: ark-workbench-cli sse-decode [FILE]
Decodes a text/event-stream body (from FILE, or standard input when FILE is absent or &quot;-&quot;)
and prints each event as one JSON line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sse-decode: cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sse-decode: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sse-decode: an event or line exceeds %1 bytes; stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::ApiError</name>
    <message>
        <source>No error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused access. The API key may be wrong, or this account or project has no access to the model (not activated, or the account is overdue). Check the key in Settings or with `ark-workbench-cli key set`, and the model&apos;s status in the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the API key. Check the key in Settings or set it again with `ark-workbench-cli key set`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the request as invalid. Check the model, the parameters and the messages; some models do not accept every parameter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model or endpoint was not found. Check the model ID or endpoint ID (ep-...) and the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was rate limited (the RPM or TPM limit of the account or model was reached). Wait a moment and try again, or lower max tokens: the limit counts the expected output in advance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is overloaded right now. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed to answer. Try again later; if it keeps happening, report the request id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model has been retired and no longer answers. Choose its replacement in the model settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the network connection and the base URL in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent no data for too long, so the request was stopped. Try again; thinking models can be slow, and a longer idle timeout may help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed before the answer was complete. The partial answer was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent data in an unexpected format, so the answer was stopped. The partial answer was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent one piece of the stream that is larger than allowed, so the stream was stopped to protect memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was stopped by content moderation. The partial answer was kept; rephrasing the request may help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirected the request to another host. The request was not sent there, to protect your API key. Check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unknown error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked to wait %1 s before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported an error without a code or a message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::ChatCall</name>
    <message>
        <source>The response is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One event of the stream is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the stream without [DONE].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected redirect (HTTP %1) to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::ChunkDecoder</name>
    <message>
        <source>%1 is %2, expected %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.index is out of range (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Chunk: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is %1, expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body has no choices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::DeprecationNotice</name>
    <message>
        <source>This model has been retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model was retired on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is deprecated as of %1; it stops working on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is deprecated as of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is deprecated; it stops working on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model is deprecated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model stops working on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::RequestBuilder</name>
    <message>
        <source>max_tokens (%1) was not sent: max_completion_tokens (%2) is set, and the API refuses both together.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::secrets::KeyStore</name>
    <message>
        <source>No system keychain is available (%1): install and start a Secret Service provider such as GNOME Keyring (Debian: apt install gnome-keyring libsecret-1-0) or KWallet, then log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a single run the key can also be given in the ARK_API_KEY environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain refused access (%1): unlock your keychain (for example by logging in again, or with your desktop&apos;s password manager) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored for this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty key was not stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::session::AccountSettings</name>
    <message>
        <source>Volcengine Ark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::session::ConversationSession</name>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer is still arriving. Stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set. Add one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The branch could not be selected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::store</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: the answer was cut off before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still being written when exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or invalid &quot;id&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid &quot;parentId&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 (at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an Ark Workbench conversation export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was exported by a newer version of Ark Workbench (format version %1; this version reads up to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no valid format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file lacks the &quot;conversation&quot; object or the &quot;messages&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::store::ConversationStore</name>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message ids must be unique and not 0 (id %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 refers to a missing parent %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages do not form a tree (a parent link loops).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::store::Database</name>
    <message>
        <source>Schema version %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (libqt6sql6-sqlite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the conversation database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable conversation database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database %1 was written by a newer version of Ark Workbench (schema %2; this version knows up to %3). It was left unchanged: update Ark Workbench to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation database is at schema %1 and cannot be taken back to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch the conversation database to WAL mode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot configure the conversation database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the conversation database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step to schema %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::AccountsPage</name>
    <message>
        <source>Acc&amp;ounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected account and its key. The default account is always kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what you typed. A stored key is never shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove ke&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends a one-token request with this account&apos;s base URL and key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model for the &amp;test:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hid&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key after saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key is stored in the system keychain when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored key is removed from the system keychain when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is stored in the system keychain. Type a new one to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every account needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL of &quot;%1&quot; is not an http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL is not an http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no key to test with: paste the API key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the key from the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection works (model %1 answered in %2 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::Composer</name>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message the model… (Ctrl+Enter to send, Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message the model… (Enter to send, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing a message — Esc to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::ConversationSettingsPanel</name>
    <message>
        <source>Model ID or endpoint ID (ep-…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions the model follows for the whole conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher values give more varied answers, lower values more focused ones. Change this or top_p, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top &amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleus sampling: only the most likely tokens whose probabilities add up to this value are considered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max to&amp;kens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest answer in tokens. Unset: the server&apos;s default (4096).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Frequency penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive values make the model less likely to repeat the same words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;resence penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive values make the model more likely to talk about new topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop sequences:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto (the model decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deep thinking. Only some models accept this field; others answer with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;hinking:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unset: not sent, the server&apos;s default applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line, at most %1. Write \n for a line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 are sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::ConversationSidebar</name>
    <message>
        <source>Untitled conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin to top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::ConversationView</name>
    <message>
        <source>Jump to latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll to the newest message and follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::FirstRunPanel</name>
    <message>
        <source>Connect to Volcengine Ark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Ark Workbench talks to models through the Volcengine Ark API, which needs an API key. Create one in the Ark console under &lt;b&gt;API Key management&lt;/b&gt;: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;&lt;/p&gt;&lt;p&gt;The key is kept in your system keychain, never in a file.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it as it is for Volcengine Ark; change it to use another compatible server, such as a local test server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hid&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL is not an http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::MainWindow</name>
    <message>
        <source>Ark Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Ark Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Ark Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Ark Workbench %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A native workbench for chatting with, experimenting on and comparing large models.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer before deleting messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model ID or endpoint ID (ep-…) this conversation talks to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is answering… (Esc to stop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an API key in Settings to send messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a conversation to export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ark Workbench JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::MessageDelegate</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the message as Markdown (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the message as plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a new answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this message and send it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the request again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called %1(%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed before an answer arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation &amp;font size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied when the app restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a message with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enter (Shift+Enter starts a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Ente&amp;r (Enter starts a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
