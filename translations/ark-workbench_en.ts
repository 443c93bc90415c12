<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Calculator</name>
    <message>
        <source>The expression is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>VideoPlayer</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>api</name>
    <message>
        <source>The tokenization answer is not the JSON the API documents.</source>
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
    <name>ark::api::Exchange</name>
    <message>
        <source>… %1 more events (%2 bytes) not kept: the log keeps the first %3 KB of events of an exchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::ExchangeEvent</name>
    <message>
        <source>reasoning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::ExchangeListModel</name>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTFB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::ExchangeLog</name>
    <message>
        <source>The request was abandoned before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::FileDownload</name>
    <message>
        <source>Only http and https links can be downloaded, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file at %1 is no longer available (HTTP %2). Generated results are kept only for a limited time (videos for 24 hours); generate it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot download from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download from %1 stalled and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download from %1 was stopped: it is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading from %1 failed (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::api::HttpAttempt</name>
    <message>
        <source>Unexpected redirect (HTTP %1) to %2.</source>
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
    <name>ark::api::RestCall</name>
    <message>
        <source>The response is larger than %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::catalog</name>
    <message>
        <source>%1: the %2 date &quot;%3&quot; is not an ISO 8601 date-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the %2 date &quot;%3&quot; has no UTC offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: end of sale (%2) comes before the notice (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: end of service (%2) comes before end of sale (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: end of service (%2) comes before the notice (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalog is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalog has schema version %1; this version of the app reads %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalog has no &quot;models&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a provider has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pricing: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown provider &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: listed twice (also as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the alias &quot;%2&quot; also names %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the %2 names the model itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the %2 &quot;%3&quot; is not in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New models (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed models (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newly deprecated (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates moved (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices changed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The imported catalog %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The imported catalog is not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The imported catalog (version %1) is not newer than the built-in one (version %2); the built-in one is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in less than 2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retires %1 — %2</source>
        <extracomment>%1 = &quot;in 4 days&quot;, %2 = &quot;2025-11-27 14:00 UTC+8&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lifecycle unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legacy — no further updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; deprecation announced for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; upgrade to %1 recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deprecated — end of sale %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deprecated — end of sale %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deprecated since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of sale since %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of sale since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired — replaced by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired since %1 — requests fail; switch to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired since %1 — requests fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server reported 410 Gone on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server reported deprecation on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sunset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the video object offers frames, but the capabilities say the model takes no image input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video options changed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::catalog::EndpointRegistry</name>
    <message>
        <source>“%1” is not an endpoint ID: Ark endpoint IDs start with “ep-”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An endpoint serves a model: link it to a model ID, not to another endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint “%1” serves %2: it is now linked to that model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reports that endpoint “%1” serves %2, not %3 as it was linked. The link now says %2, so its capabilities, prices and warnings apply.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::media</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model accepts sides up to %1 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ark accepts at most %1 pixels per image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images are sent with at most %1 pixels, the most the model uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model needs sides of at least %1 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ark needs both sides longer than %1 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 pixels, an aspect ratio of %3:1; this model accepts at most %4:1 and no scaling changes that. Crop the image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 pixels: so narrow that no size keeps both sides longer than %3 pixels within %4 pixels. Crop the image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be encoded as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG (quality %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be made smaller than %1 without breaking the pixel limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enlarged from %1 to %2 and re-encoded as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downscaled from %1 to %2 and re-encoded as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encoded as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was %1; Ark accepts images under %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ark accepts images under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image format %1 is not accepted; Ark accepts %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images are accepted only by doubao-1.5-vision-pro and later models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1; Ark accepts images under %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1 pixels; both sides must be longer than %2 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has %1 pixels (%2); Ark needs at least %3 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has %1 pixels (%2); Ark accepts at most %3 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1 pixels; this model accepts sides from %2 to %3 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1 pixels; this model accepts aspect ratios up to %2:1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The detail setting &quot;%1&quot; is not one of low, high or auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum pixels %1 is under the lowest allowed value %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The maximum pixels %1 is over the highest allowed value %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum pixels (%1) must be less than the maximum pixels (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video format %1 is not accepted; Ark accepts %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video is %1; Ark accepts videos up to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame rate %1 is outside the accepted range %2 to %3 frames per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video&apos;s duration is unknown, so the number of frames Ark will sample cannot be estimated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1 frames per second this video gives %2 frames; Ark samples at most %3 frames evenly and ignores the frame rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request would be %1 with the attachments encoded as text; Ark accepts at most %2 per request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The images need about %1 tokens but the model&apos;s context holds %2; Ark truncates what does not fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is truncated: it ends inside a box header at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: a box header at byte %1 is cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: there is no valid box at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is truncated: the %1 box at byte %2 is cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: the %1 box at byte %2 has an impossible size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is truncated: the %1 box at byte %2 needs %3 bytes but only %4 remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: the %1 box at byte %2 runs past the box that contains it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: the %1 box at byte %2 is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: its movie header has a time scale of zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: its movie box has no movie header (mvhd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no video track (it may hold only sound).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: its movie box lists no tracks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file could not be read at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is corrupt: its movie box is implausibly large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video has no movie header (moov box); the recording may not have been finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is truncated: it needs %1 bytes but has only %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::media::Attachment</name>
    <message>
        <source>The attachment list is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment list is not a JSON array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment %1 has no stored file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment %1 could not be read from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file of the attachment %1 has changed since it was attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::media::AttachmentStore</name>
    <message>
        <source>The attachment folder %1 could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment could not be copied to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed while it was being copied; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::media::ImagePreparer</name>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a video; attach it as a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; Ark accepts images under %3, and %4 images cannot be re-encoded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pixel size of %1 images cannot be checked here; Ark refuses images over %2 pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2 image; %2 images are accepted only by doubao-1.5-vision-pro and later models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read; the file may be damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2 image, which Ark does not accept; the accepted formats are %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image Ark accepts; the accepted formats are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 pixels, too large to open here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read; the file may be damaged (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very large photos are opened at a reduced scale to limit memory use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turned upright as its EXIF orientation says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ark does not accept %1 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first frame of the animation is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; Ark accepts images under %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::media::VideoProbe</name>
    <message>
        <source>The video %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a video Ark accepts; the accepted formats are %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::models::ModelCatalogModel</name>
    <message>
        <source>endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not linked to a model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · My endpoints</source>
        <extracomment>A group of the model list: &quot;Volcengine Ark · My endpoints&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>A group of the model list: &quot;Volcengine Ark · Reasoning&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>always thinks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 context</source>
        <extracomment>%1 = &quot;256K&quot;: the model&apos;s context window in tokens (K = thousand)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out /M</source>
        <extracomment>Price per million output tokens</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in /M</source>
        <extracomment>Price per million input tokens</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in · %2 out /M</source>
        <extracomment>Prices per million input and output tokens</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deprecation announced for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired since %1 — requests fail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::models::ToolCallListModel</name>
    <message>
        <source>Streaming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: the tool could not be run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: the call was not run because its arguments do not fit the function: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::pricing</name>
    <message>
        <source>%1 is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an invalid &quot;min&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an invalid &quot;max&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::pricing::DraftCost</name>
    <message>
        <source>No token price is known for this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price tier covers %1 input tokens (over the model&apos;s limits?).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::pricing::PriceTable</name>
    <message>
        <source>&quot;tiers&quot; is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has neither an input nor an output price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a price that is not a decimal number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a cache-hit price that is not a decimal number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prices have no currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token price is known for this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid token counts: cached tokens are part of the input and cannot exceed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price tier covers %1 input and %2 output tokens (over the model&apos;s limits?).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::pricing::TokenCounter</name>
    <message>
        <source>Estimated: no API key, so the exact count could not be asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated: the tokenization address is not a valid http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated: the exact count failed (%1)</source>
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
    <message>
        <source>The conversation is still loading. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent without these attachments, whose files can no longer be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage of a request could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The model asked for tools again, but this question has used all %n tool-call round(s) allowed, so the loop stopped here. The calls are kept: raise the round limit in the conversation&apos;s tool settings to answer them, or ask again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No tool calls are waiting for results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These results answer other tool calls than the ones waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tool call %1 (%2) has more than one result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tool call %1 (%2) has no result yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tool results could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model switched from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switch could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image generated by **%1** from the prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generated image could not be saved in the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages are still being deleted. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A generated image is not an answer of the chat model: make another one in the image generation panel.</source>
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
    <name>ark::store::HistoryLoader</name>
    <message>
        <source>The conversation database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused the change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::tools</name>
    <message>
        <source>Not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::tools::ArgumentChecker</name>
    <message>
        <source>Expected %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not one of the allowed values: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing required field “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field “%1”: the schema allows no other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not in the schema (the model may have invented it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::tools::BuiltinTools</name>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a built-in tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arguments do not fit the tool: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading a file needs the user&apos;s approval, and it was not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown time zone “%1”: use an IANA name such as Asia/Shanghai or Europe/Berlin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file was named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

[Truncated: the first %1 of %2 bytes are shown.]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::tools::CalcParser</name>
    <message>
        <source>The expression ends too early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected “%1” at column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result at column %1 is not a real number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result at column %1 is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Division by zero at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remainder of a division by zero at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expression is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Division by zero at column %1 (zero to a negative power)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lone “.” at column %1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed number at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing “)” for the “(” at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown name “%1” at column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing “)” for %1( at column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1() takes %n argument(s), got %2 (column %3)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1() takes at least %n argument(s) (column %2)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1() takes %2 to %3 arguments, got %4 (column %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square root of a negative number at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round() takes a whole number of decimals from 0 to 15 (column %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithm of zero or a negative number at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown function “%1” at column %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::tools::Calculator</name>
    <message>
        <source>The expression is too long (more than %1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::tools::DocumentChecker</name>
    <message>
        <source>The document must be a JSON array of tools: [{&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name “%1” is already used by tool %2: names must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tools: the documentation advises at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not part of a tool definition and is not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each tool must be an object: {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {...}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing &quot;type&quot;: it must be &quot;function&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;type&quot; must be &quot;function&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing &quot;function&quot; with the function&apos;s name, description and parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;function&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing &quot;name&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;name&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid function name: use 1 to 64 letters, digits, _ or -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No &quot;description&quot;: the model decides from it when to call the function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;description&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must be a JSON Schema object: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A property&apos;s schema must be an object such as {&quot;type&quot;: &quot;string&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must have &quot;type&quot;: &quot;object&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No &quot;type&quot;: the model has to guess what to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;type&quot; must be a type name or a list of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown type “%1”: use %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;enum&quot; must be a non-empty array of the allowed values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;properties&quot; must be an object mapping each parameter name to its schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;required&quot; must be an array of parameter names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;required&quot; must list parameter names (strings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is required but not defined in &quot;properties&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An array without &quot;items&quot;: the model has to guess its elements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::tools::ToolSchema</name>
    <message>
        <source>%1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field appears twice in the same object; only the last one counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call names no function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model called “%1”, which is not among the tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in tools (calculator, date and time, read a file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weather example from the documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty list</source>
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
    <name>ark::ui::AttachmentThumbnails</name>
    <message>
        <source>The file is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is missing: it was removed from the attachment folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No frame could be read from this video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::AttachmentTile</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pasted image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::AttachmentTray</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; attach the images or videos in it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image or video Ark accepts. Images: %2. Videos: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downscaled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enlarged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-encoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchecked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to view; right-click for the detail setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to play; right-click for the frame rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail sent with this image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (the service decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second Ark samples from this video: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Remove an attachment to send the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set (the service decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low: up to %1 pixels, fewer tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High: up to %1 pixels, fine print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto: the model chooses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (%1 fps)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second Ark samples from the video (%1 to %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::CatalogBrowser</name>
    <message>
        <source>Model Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a newer catalog file and review what it changes before using it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Built-in Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search models by name, ID, capability or provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ark endpoint IDs (ep-…) you call. Link each to the model it serves so its capabilities, prices and retirement warnings apply; the server&apos;s answers confirm or correct the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deprecation notices servers sent with their answers (Deprecation, Sunset and Link headers, or 410 Gone). They count even where the catalog says nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the server said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected notice, e.g. after switching models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog version %1 (imported), %2 models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog version %1 (built in), %2 models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a model to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not linked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reasoning up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_completion_tokens up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thinking modes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text only (as far as is known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input %1, output %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, cached input %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices (per million tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (tentative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not retired before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At end of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests are answered by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Model Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model catalogs (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not linked to a model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name you recognise, e.g. “Support bot”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget endpoint %1? Conversations that use it keep its ID.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::CatalogImportDialog</name>
    <message>
        <source>Import Model Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a catalog this version of Ark Workbench can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog version %1 (in use: %2; built in: %3), %4 models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not newer than the built-in catalog, so it would never be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: it is not newer than the catalog in use; accepting it replaces that one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes against the catalog in use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rest of the catalog loads; entries with problems are used as far as they go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use This Catalog</source>
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
    <message>
        <source>Images and videos (%1 %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach images or videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a link to an image or video file: a link is attached only when its name ends in an accepted format (images: %2; videos: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: only files and http(s) links can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected model cannot read images or videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected model cannot read images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected model cannot read videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the attachments are prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to a model that reads videos, or remove them to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to a model that reads images, or remove them to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach images or videos (or drop them here, or paste an image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch model…</source>
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
    <message>
        <source>Max &amp;completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest answer plus reasoning, in tokens (max_completion_tokens, up to 65,536). When set, max tokens is not sent: the API refuses both together. Unset: not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not accepted by this model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model does not accept max_completion_tokens: unset it, or the request fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens is not sent while max completion tokens is set.</source>
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
    <message>
        <source>Copy reasonin&amp;g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in the tool-call &amp;inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save attachment as…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::CostCalculatorPane</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type token counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the text to count; it is counted for each selected model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens (cache hits included):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached input tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens (reasoning included):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next tier boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · prices in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated: this provider has no tokenization API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated: token counting is not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input from %1 tokens (%2 more): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tier above %1 input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output from %1 tokens (%2 more): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste or type a text to count it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ marks estimated counts. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted exactly by the tokenization API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one or more models to compare their costs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No selected model has a price for these counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheapest in %1: %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: one price for every length</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::DeprecationBanner</name>
    <message>
        <source>%1 (endpoint serving %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Another Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this notice for this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is being retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is past its end of sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is retired: its requests are answered by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is retired: requests to it fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>announced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of sale %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing endpoints still serve it, but no new endpoints can be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the end of service its requests are answered by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the end of service, requests to it fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is gone: the server answered 410 Gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reports that %1 was retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reports that %1 is deprecated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deprecated since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s deprecation notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server also reports: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this conversation and send its next messages to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::ExchangeInspector</name>
    <message numerus="yes">
        <source>… %n more event(s) (%1 bytes) not kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a curl command that repeats this request; it reads the key from $ARK_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests yet in this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first byte %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The headers the app sets. Qt&apos;s HTTP stack adds Host, User-Agent, Connection and Accept-Encoding itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response (not yet received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no body) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exchange is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no exchanges to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole request; a long conversation&apos;s request is large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indenting the request (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 of %2 are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the rest: %1 of %2 shown…</source>
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
    <name>ark::ui::GenerationErrorCard</name>
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
        <source>Request failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::ImageGenerationPanel</name>
    <message>
        <source>An image generation model from the catalog, or an endpoint id (ep-…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width x height in pixels; empty for the model&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed and prompt give similar images; Random (-1) picks one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How closely the image follows the prompt (1–10); unset: the model&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the “AI generated” mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generated image appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot generate yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set. Add your Ark API key in Settings, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no generated image to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per image (catalog price)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog has no price for this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer held no image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image was generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image this app can read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images billed: %1 × %2 per image (catalog price)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: not in the catalog for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Image As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
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
    <message>
        <source>Raw exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched this conversation from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost calculator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage and cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model called tools: answer them in the Tool calls pane, then continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model &amp;catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A generated video is ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer stored on this computer, so it cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attached file is no longer stored, so it cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generated image could not be added to the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::MediaViewer</name>
    <message>
        <source>%1 is a video; it plays in the video player.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image is sent as a link and is not stored here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be shown here (%2 is not a format this system can decode); it is still sent as attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image this system can decode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no image to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image can only be saved in its own format (.%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images cannot be saved as .%1 here; choose PNG or JPEG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show at actual size (double-click the image to switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the image to a file (Ctrl+S)</source>
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
        <source>Thinking…</source>
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
    <message>
        <source>Show or hide the model&apos;s reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model used its whole output budget while thinking and gave no answer. Raise max tokens and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking… %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thought for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 reasoning token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reasoning tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this call in the tool-call inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the call this answers in the tool-call inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 more lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 more characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link sent as is; the file is not kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to view full size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot display</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Not in the model catalog: no capabilities, prices or lifecycle are known.
Switch model (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch model (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · retires %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::ModelRowDelegate</name>
    <message>
        <source>serves %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::QuickSwitcher</name>
    <message>
        <source>Switch model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search models by name, ID, capability or provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list models whose provider has stopped serving them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ move · Enter picks · Esc closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model matches. Enter uses “%1” as a model or endpoint ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired models hidden: %1 (tick “Show retired” to list them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is retired: %2. Requests to it may fail or be answered by another model. Press Enter again to use it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::RetiringSoonDialog</name>
    <message>
        <source>Models Retiring Soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t remind me again about these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These conversations and endpoints use models that stop serving soon. Open a conversation to switch its model with one click; link an endpoint to a newer model in the console and in the model catalog.</source>
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
    <message>
        <source>Model reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always e&amp;xpanded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expanded while &amp;thinking, collapsed when the answer starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always colla&amp;psed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a message&apos;s Thinking header to expand or collapse it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::TokenMeter</name>
    <message>
        <source>Estimated: token counting is not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft %1 · conversation %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt: %1
History: %2
Tools: %3
Draft: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context window of %1: %2 tokens (input, answer and reasoning together).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A long answer may not fit: %1 tokens of the window are left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost unknown: no model chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost unknown: the catalog does not know %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no max tokens set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to the model&apos;s %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending now: %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending now: from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (input %1, output %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (output %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · tier %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output %1: tier %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input is billed exactly for its %1 tokens; no cache hit is assumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbounded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: input %2; output %3 to %4 tokens; total %5 to %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts are estimates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens over the input limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images are counted from their pixel size and detail setting (the vision docs&apos; rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) could not be counted (no rule for them).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ark::ui::ToolCallInspector</name>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result sent back:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the result for the model, or run the tool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this built-in tool here and use its output as the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the model the call failed (with the text above, or the problems found in its arguments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the text above as this call&apos;s result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run (asks first)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments still arriving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer broke off: this call is incomplete and cannot be answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arguments fit the function&apos;s schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with These Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the answers back to the model and let it go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is answering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tool calls in the current answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tool call(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>arriving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>results sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting an answer</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>all answered: continue when ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model wrote: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Text File for the Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a File?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model asks to read this file. Its text will be sent to the model:

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read This File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Another File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no call id)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::ToolsEditor</name>
    <message>
        <source>Function definitions (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[
  {&quot;type&quot;: &quot;function&quot;, &quot;function&quot;: {&quot;name&quot;: &quot;...&quot;, &quot;description&quot;: &quot;...&quot;, &quot;parameters&quot;: {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {}}}}
]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function definitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool choice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (not sent; the API allows several)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow several calls per answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most one call per answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel tool calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run built-in tools without asking (calculator, date and time; reading a file always asks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times in a row the model may call tools before it has to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected model does not accept this setting; it is not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no tools are sent until the errors are fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tools: the model answers without calling any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Default (not sent; auto when there are tools)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto — the model decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — no tool calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required — must call a tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1 (not among the tools: not sent)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::UsageView</name>
    <message>
        <source>&amp;Requests of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the listed requests as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (no price)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> + %n request(s) without a price</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>single price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to list its requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s), %2 input (%3 cached), %4 output (%5 reasoning) tokens</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Total of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total of all requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Usage as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage could not be saved to %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::VideoPlayer</name>
    <message>
        <source>Play (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video file %1 does not exist (it may have been moved or deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos cannot be played here: Qt Multimedia found no working media backend. On Debian, install gstreamer1.0-plugins-good and gstreamer1.0-libav.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Video As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.webm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened or read as a video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be decoded: its format or codec is not supported by the installed media backend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be played: access was denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be played.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The media backend says: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 videos (H.264 with AAC sound) need the GStreamer plugins from the packages gstreamer1.0-plugins-good and gstreamer1.0-libav.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::VideoPlayerDialog</name>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ark::ui::VideoTaskPane</name>
    <message>
        <source>New video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A video generation model from the catalog, or an endpoint id (ep-…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-1 to 4294967295; the same seed gives similar, not identical, videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds the “AI generated” mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks for a still camera (not guaranteed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server for this task&apos;s status now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only queued tasks can be cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes a finished task, its record on the server and the downloaded copy in the app&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the video yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a video generation model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model needs a first and a last frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model makes videos from an image: choose a first frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a prompt that describes the video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set. Add your Ark API key in Settings, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the frames…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first frame cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last frame cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task was not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 was created, but it could not be stored, so the list will not remember it after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status checks stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status of task %1 cannot be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… %1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video of task %1 could not be downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task cannot be cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only queued tasks can be cancelled; this one is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task could not be cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task cannot be deleted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only finished tasks can be deleted; cancel a queued task first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task could not be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task has no video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video is not ready yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task has no downloaded video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a video between a first and a last frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a video from a first frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per million video tokens (catalog price).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Last Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the First Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete task %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its downloaded video in the app&apos;s folder is deleted too; use “Save as…” first to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Video As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.mp4);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog does not describe this model&apos;s video options: every documented option is offered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
