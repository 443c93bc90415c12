// Seedream image generation (POST {base}/images/generations), plus the two pieces every generation
// client shares:
//   RestCall      one JSON request/response exchange with the Ark API (the video task client uses it too)
//   FileDownload  fetching a result file (a generated image or video) to disk
//
// Facts: ../shared/notes/ark-multimodal-tasks.md §5 (the seed dump has only the guide, L19747-19912:
// the call with model, prompt, size and response_format "url" and the answer's data[0].url). The other
// fields (seed, guidance_scale, watermark, b64_json, usage.generated_images) follow the official SDK and
// are unverified against the API page, so nothing here range-checks them: the server decides.
//
// Like ChatClient, nothing here owns a QNetworkAccessManager: the process's one is handed in.
#pragma once

#include "ChatClient.h" // ClientConfig, AttemptInfo, KeyRedactor, ApiError, DeprecationNotice

#include <QJsonObject>
#include <QUrlQuery>
#include <memory>
#include <optional>
#include <vector>

class QSaveFile;

namespace ark::api {

// ---------------------------------------------------------------------------------------------
// RestCall: one JSON exchange with an endpoint under ClientConfig::baseUrl.
//
// Owned by whoever started it (the `owner` given to the client); deleting it cancels the request.
// It follows the ChatCall rules: `Authorization: Bearer <key>` goes only to the base URL's origin
// (redirects are handled by hand; one to another host fails with ErrorKind::Redirected and is not
// followed), failed responses become ApiError through ApiError::fromHttp (so humanMessage() is the
// same text chat shows), Deprecation/Sunset/Link headers and 410 bodies become a DeprecationNotice.
// Retries (ClientConfig::retry): GET and DELETE on 408/409/429/5xx and connection failures; POST only
// on 429 and on connection failures where nothing reached the server (refused, host not found),
// because a retried POST that did arrive would create a second image or video task.
// ClientConfig::idleTimeoutMs bounds the silence of one attempt (Qt's transfer timeout).
class RestCall : public QObject
{
    Q_OBJECT
public:
    ~RestCall() override;

    void cancel(); // aborts at once; finished() follows with ErrorKind::Cancelled

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const ApiError& error() const { return m_error; } // humanMessage() is what a person should read

    QByteArray method() const { return m_method; }
    QUrl url() const { return m_url; } // the first attempt's URL (with the query)
    const QByteArray& requestBody() const { return m_body; }
    // The headers this call sets, with Authorization redacted (for the raw-exchange inspector).
    HeaderList requestHeaders() const;
    int httpStatus() const { return m_status; }                       // last response; 0 = none
    const QByteArray& responseBody() const { return m_responseBody; } // last response, bounded
    QString requestId() const { return m_requestId; }                 // X-Request-Id of the last response
    const DeprecationNotice& deprecation() const { return m_deprecation; }
    const std::vector<AttemptInfo>& attempts() const { return m_attempts; }
    int retries() const { return m_attempt; }
    qint64 totalMs() const { return m_totalMs; }
    const KeyRedactor& redactor() const { return m_redactor; }

    // Bodies larger than this (64 MB: base64 images) end the call with ErrorKind::EventTooLarge.
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;

signals:
    void attemptStarted(int attempt);
    void retryScheduled(int attempt, qint64 delayMs, const ark::api::ApiError& reason);
    void deprecationSignalled(const ark::api::DeprecationNotice& notice);
    void finished(); // exactly once; check succeeded() / error()

protected:
    // `path` is appended to the base URL's path ("/images/generations"); `body` empty = no body.
    RestCall(QNetworkAccessManager* nam, const ClientConfig& config, QByteArray method, const QString& path,
             const QUrlQuery& query, QByteArray body, QObject* parent);

    // Reads a 2xx body into the subclass's result. Returns the error that fails the call instead
    // (kind None: success).
    virtual ApiError readSuccess(int httpStatus, const QByteArray& body) = 0;

    // Starts from the event loop, so the caller can connect to the signals first.
    void startLater();
    // Ends the call without a request (a request that failed local validation).
    void failLater(const ApiError& error);
    // startLater(), or failLater() with a BadRequest naming `problem` when there is one.
    void startUnless(const QString& problem);

private:
    void startAttempt();
    void onMetaData();
    void onReadyRead();
    void onReplyFinished();
    void handleRedirect();
    void retryOrFail(const ApiError& error, bool nothingSent);
    void finishWith(const ApiError& error);
    void endAttempt();
    void abortReply();

    QNetworkAccessManager* m_nam;
    ClientConfig m_config;
    KeyRedactor m_redactor;
    QByteArray m_method;
    QUrl m_url;
    QUrl m_currentUrl;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    ApiError m_error;
    DeprecationNotice m_deprecation;
    std::vector<AttemptInfo> m_attempts;
    HeaderList m_headers;
    QByteArray m_responseBody;
    QString m_requestId;
    int m_status = 0;
    int m_attempt = 0;
    int m_redirects = 0;
    bool m_headersSeen = false;
    bool m_tooLarge = false;
    bool m_finished = false;
    qint64 m_totalMs = 0;
};

// ---------------------------------------------------------------------------------------------
// FileDownload: a result URL (image or video) fetched to a file.
//
// Result URLs point at another host (object storage), so no Authorization header is ever sent and
// redirects are followed (never from https to http). The file appears only complete: bytes go to a
// QSaveFile that is committed when the whole body arrived, so a failed or cancelled download leaves
// nothing at `filePath` (an existing file there stays as it was). Results expire: Seedance video URLs
// 24 h after generation (seed L27621); a 403/404 from the storage host usually means exactly that.
class FileDownload : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultMaxBytes = 2LL * 1024 * 1024 * 1024; // 2 GB
    static constexpr int kDefaultIdleTimeoutMs = 60000;

    // Starts from the event loop (connect first); the download is parented to `owner` (when null, the
    // caller owns it). The folder of `filePath` is created when missing. Only http and https URLs are
    // fetched; anything else finishes with ErrorKind::BadRequest.
    static FileDownload* start(QNetworkAccessManager* nam, const QUrl& url, const QString& filePath,
                               QObject* owner, qint64 maxBytes = kDefaultMaxBytes);
    ~FileDownload() override;

    void cancel(); // finished() follows with ErrorKind::Cancelled; nothing is left on disk

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const ApiError& error() const { return m_error; }
    // A sentence for a person: what failed and why (an expired link is named as such).
    QString failureMessage() const;

    QUrl url() const { return m_url; }
    QUrl finalUrl() const { return m_finalUrl; } // after redirects
    QString filePath() const { return m_path; }
    qint64 bytesReceived() const { return m_received; }
    QByteArray contentType() const { return m_contentType; }
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; } // before the event loop runs

signals:
    void progress(qint64 received, qint64 total); // total -1 when unknown
    void finished();

private:
    FileDownload(QNetworkAccessManager* nam, const QUrl& url, const QString& filePath, qint64 maxBytes,
                 QObject* parent);
    void begin();
    void onReadyRead();
    void onReplyFinished();
    void finishWith(const ApiError& error);
    void abortReply();

    QNetworkAccessManager* m_nam;
    QUrl m_url;
    QUrl m_finalUrl;
    QString m_path;
    qint64 m_maxBytes;
    int m_idleTimeoutMs = kDefaultIdleTimeoutMs;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QSaveFile> m_file;
    QByteArray m_errorBody;
    QByteArray m_contentType;
    ApiError m_error;
    qint64 m_received = 0;
    int m_status = 0;
    bool m_finished = false;
};

// ---------------------------------------------------------------------------------------------
// Image generation

struct ImageGenerationRequest
{
    enum class ResponseFormat {
        Default,   // field left out: the server's default ("url")
        Url,       // data[].url: a link to download at once (it expires; 24 h per third-party docs)
        Base64Json // data[].b64_json: the image bytes inside the answer
    };

    QString model; // e.g. doubao-seedream-3-0-t2i-250415, or an endpoint id (ep-...)
    QString prompt;
    QString size;                        // "1024x1024"; empty: left to the server
    std::optional<qint64> seed;          // -1 = random
    std::optional<double> guidanceScale; // how closely to follow the prompt
    std::optional<bool> watermark;       // the "AI生成" mark; the server's default when unset
    ResponseFormat responseFormat = ResponseFormat::Url;
    // Further fields sent as they are (newer Seedream models: image, optimize_prompt, ...); they
    // never override the fields above.
    QJsonObject extra;
};

struct GeneratedImage
{
    QUrl url;          // data[].url (response_format url)
    QByteArray data;   // decoded data[].b64_json (response_format b64_json)
    QString size;      // data[].size when the server says it ("1024x1024")
    QString errorCode; // data[].error for an image that failed while others succeeded
    QString errorMessage;
    bool ok() const
    {
        return errorCode.isEmpty() && errorMessage.isEmpty() && (url.isValid() || !data.isEmpty());
    }
};

struct ImageGenerationUsage
{
    bool present = false;
    qint64 generatedImages = 0;         // usage.generated_images: what the per-image price applies to
    std::optional<qint64> outputTokens; // usage.output_tokens, when the model reports tokens
    std::optional<qint64> totalTokens;
};

struct ImageGenerationResult
{
    QString model;
    qint64 created = 0; // unix seconds ("created", or "created_at")
    std::vector<GeneratedImage> images;
    ImageGenerationUsage usage;
    // The images to bill: usage.generated_images when reported, else the successful images.
    qint64 billedImages() const;
};

class ImageGenerationCall : public RestCall
{
    Q_OBJECT
public:
    const ImageGenerationRequest& request() const { return m_request; }
    const ImageGenerationResult& result() const { return m_result; } // valid once succeeded()

private:
    friend class ImageGenerationClient;
    ImageGenerationCall(QNetworkAccessManager* nam, const ClientConfig& config,
                        ImageGenerationRequest request, QObject* parent);
    ApiError readSuccess(int httpStatus, const QByteArray& body) override;

    ImageGenerationRequest m_request;
    ImageGenerationResult m_result;
};

class ImageGenerationClient : public QObject
{
    Q_OBJECT
public:
    explicit ImageGenerationClient(QNetworkAccessManager* nam, QObject* parent = nullptr);

    // POST {base}/images/generations. The call is parented to `owner` (or the client) and starts
    // from the event loop. A request that fails validate() is not sent: the call finishes with
    // ErrorKind::BadRequest and the reason in error().detail.
    ImageGenerationCall* generate(const ImageGenerationRequest& request, const ClientConfig& config,
                                  QObject* owner = nullptr);
    // Fetches a data[].url to `filePath` (no Authorization: it is another host).
    FileDownload* download(const QUrl& url, const QString& filePath, QObject* owner = nullptr);

    // "" when the request can be sent; otherwise why not, for a person (translated).
    static QString validate(const ImageGenerationRequest& request);
    // The JSON body, fields in a stable order; optional fields left out when unset.
    static QByteArray buildBody(const ImageGenerationRequest& request);
    // Reads an answer body. An {"error":...} object inside a 200, a body that is not the documented
    // shape, or base64 that does not decode set `error` and return false.
    static bool parseResponse(const QByteArray& body, ImageGenerationResult& result, ApiError& error);

    QNetworkAccessManager* network() const { return m_nam; }

private:
    QNetworkAccessManager* m_nam;
};

} // namespace ark::api
