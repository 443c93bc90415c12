// One open conversation's run loop: build the request from the active branch -> stream through the
// ChatClient -> update the message model (coalesced) -> persist (before the request, about once a
// second while streaming, and at the end). Widgets call these methods; they never build JSON.
//
// Tool loop: an answer that calls tools is stored with its tool_calls; its calls are shown in
// toolCalls(). Built-in tools may run at once (params().autoRunBuiltinTools); when every call has
// an answer the loop goes on by itself, otherwise toolCallsPending() asks for the rest and
// submitToolResults() continues. Continuing stores one `tool` message per call id (in the calls'
// order) below the answer and asks again with exactly that history. At most
// params().toolRoundLimit rounds per question.
//
// Every request made (each attempt: retries, tool rounds, failures too) is written to the usage
// ledger when one is set, priced from the catalog when that knows the model.
//
// Attached files travel again with every later question, base64-encoded (up to ~65 MB of text for a
// video). A request whose history carries stored files is therefore prepared on a worker thread: the
// files are read, checked against their hash and encoded there, then the call starts back on this
// thread. The worker also serialises the request body (with the data URLs it is tens of megabytes of
// JSON), so this thread only hands the finished bytes to the call. The session is busy meanwhile
// (stop() cancels it; nothing is sent). Encoded files are kept in a small cache by content hash, so
// the next question does not read the same video again. A request without stored files starts at
// once, as before.
#pragma once

#include "api/ChatClient.h"
#include "api/ExchangeLog.h"
#include "media/Attachment.h"
#include "models/MessageListModel.h"
#include "models/ToolCallListModel.h"
#include "session/ConversationParams.h"
#include "store/ConversationStore.h"
#include "store/HistoryLoader.h"
#include "tools/BuiltinTools.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <map>
#include <memory>

namespace ark::catalog {
class Catalog;
}
namespace ark::store {
class UsageLedger;
}

namespace ark::session {

class ConversationSession : public QObject
{
    Q_OBJECT
public:
    ConversationSession(store::ConversationStore& store, api::ChatClient& client, QObject* parent = nullptr);
    ~ConversationSession() override; // stops a running request, saving what arrived

    models::MessageListModel* messages() { return &m_messages; }
    // The tool calls of the running answer while it streams; otherwise the latest round of the
    // current question on the branch shown (with its stored results), or nothing. Never null.
    models::ToolCallListModel* toolCalls() { return &m_toolCalls; }

    // Where each request's usage is written (both optional, not owned; null = none). Without a
    // catalog, or for a model it does not know, rows are written without a price.
    void setUsageLedger(store::UsageLedger* ledger) { m_ledger = ledger; }
    void setCatalog(const catalog::Catalog* catalog) { m_catalog = catalog; }
    // Where attached files are found (not owned); nullptr = each attachment's recorded path.
    void setAttachmentStore(const media::AttachmentStore* store) { m_attachments = store; }

    // Where requests go. The key is held in memory only (read from the keychain by the caller).
    void setEndpoint(const QUrl& baseUrl, const QString& apiKey);
    bool hasApiKey() const { return !m_config.apiKey.isEmpty(); }
    void setClientConfig(const api::ClientConfig& config); // timeouts/retries; keeps baseUrl/key if empty

    // The title a new conversation starts with; the first question replaces it (see send()).
    static QString defaultTitle();

    // Opening is asynchronous, so a 10,000-message conversation never blocks painting. open() stops a
    // running request, checks the conversation exists and takes its parameters (one row, read here),
    // empties the model and returns; the active branch is read by a HistoryLoader on its own thread and
    // shown when loaded() is emitted. A conversation without messages needs no read: it is loaded
    // before open() returns (loaded() is emitted from within it). Returns false (and emits problem())
    // only when the conversation does not exist (or the store cannot read it); nothing changes then.
    bool open(qint64 conversationId);
    void close();
    qint64 conversationId() const { return m_conversationId; }
    // True from open() (or a branch switch) until loaded(). Meanwhile send(), regenerate(),
    // editAndResend() and deleteMessage() refuse with problem() (they build on the messages shown);
    // switchBranch() and open() are accepted and supersede the load in progress.
    bool isLoading() const { return m_loadGeneration != 0; }

    ConversationParams params() const { return m_params; }
    void setParams(const ConversationParams& params); // persisted at once

    // Each returns false (and emits problem()) when it cannot start: busy, no key, no conversation.
    // `attachments` (prepared by media::ImagePreparer, stored in the AttachmentStore) go with the
    // question as image_url / video_url parts before its text, in this and every later request (the
    // API is stateless). Text may be empty when there are attachments. Refused (problem()) when the
    // request would pass the 64 MB body limit.
    bool send(const QString& text,
              const QList<media::Attachment>& attachments = {});   // stores the user message first
    bool regenerate(qint64 assistantMessageId);                    // a new sibling answer (also "retry")
    bool editAndResend(qint64 userMessageId, const QString& text); // a new sibling user message + answer
    // Writes "Model switched from X to Y" into the conversation's history (a note after the last
    // message shown, never sent to the API) and switches the parameters to `toModel`. False (with
    // problem()) while busy or loading, or when nothing is open.
    bool recordModelSwitch(const QString& fromModel, const QString& toModel);
    static constexpr const char* kModelSwitchKind = "model-switch"; // MessageRecord::errorKind of the note
    // Writes an image the generation panel made into the conversation: one answer (role assistant,
    // errorKind kGeneratedImageKind) after the last message shown, naming the model and quoting the
    // prompt, with the image as its attachment. It becomes the leaf, is shown at once and is never sent
    // to the API. False (with problem()) while busy, loading or deleting, or when nothing is open.
    bool recordGeneratedImage(const QString& prompt, const QString& model, const media::Attachment& image);
    static constexpr const char* kGeneratedImageKind = "generated-image"; // MessageRecord::errorKind
    // A note written for the person (a model switch, a generated image): shown and stored, never sent.
    static bool isNote(const store::MessageRecord& m);
    void stop(); // keeps the partial answer, marked
    // step -1 / +1 among its siblings; the new branch is read like open() (asynchronously, loaded()
    // follows) and the choice is saved when it arrives.
    void switchBranch(qint64 messageId, int step);
    // Deletes the message and its replies; not while busy, loading or deleting. Its rows leave the model
    // at once; the rows are deleted on the loader's thread (thousands of replies take a while), and
    // messagesDeleted() follows once that committed. Until then, what builds on the messages shown
    // refuses as while loading (isDeleting()). True when the delete was accepted (a failure later is
    // reported by problem(), and the branch is read again).
    bool deleteMessage(qint64 messageId);
    bool isDeleting() const; // a delete of the open conversation has not committed yet

    // Every HTTP exchange of the open conversation (for the raw exchange inspector); one log per
    // conversation, so switching back shows its exchanges again. Never null. Only the logs of the
    // kMaxExchangeLogs conversations opened most recently are kept (the open one always, and any whose
    // call still runs): one opened again after its log was dropped starts with an empty log. A dropped
    // log is deleted during open(), so a viewer must watch QObject::destroyed (or re-ask on loaded()).
    api::ExchangeLog* exchangeLog() { return exchangeLogFor(m_conversationId); }
    static constexpr int kMaxExchangeLogs = 8;

    // An answer is streaming, or its request is being prepared (attachments encoded).
    bool isBusy() const { return !m_call.isNull() || m_prepareGeneration != 0; }
    bool isPreparingRequest() const { return m_prepareGeneration != 0; }
    // Diagnostics and tests: how many attached files were read and encoded for requests (the cache
    // spares the later ones), and the thread the latest of them ran on (null before any).
    int attachmentEncodeCount() const { return m_encodeCount; }
    const QThread* lastAttachmentEncodeThread() const { return m_lastEncodeThread; }
    // The thread that serialised the JSON body of the latest request prepared with stored files
    // (null before any); requests without them are serialised by ChatClient::start() on this thread.
    const QThread* lastRequestBodyThread() const { return m_lastBodyThread; }
    // The answer whose tool calls wait for results (the last message shown is an answer that called
    // tools and no tool message follows it), 0 when none. Also true of a conversation re-opened then.
    qint64 pendingToolCallsMessageId() const;
    // Tool rounds already sent for the question the message belongs to (the answers with tool calls
    // above it, down to the question); the limit is params().toolRoundLimit.
    int toolRoundsBefore(qint64 messageId) const;
    qint64 streamingMessageId() const { return m_streamingId; }

    // Saving cadence while streaming (1000 ms by default; tests shorten it).
    void setSaveIntervalMs(int ms) { m_saveIntervalMs = ms; }

public slots:
    // Continues the tool loop with `history` as ToolCallInspector::resultsReady gives it: the
    // answer that called tools, then one `tool` message per call id (each id once; stored in the
    // calls' order). False (and problem()) when nothing waits, the history does not answer exactly
    // those calls, the round limit is reached, or the request cannot start.
    bool submitToolResults(const QList<ark::api::ChatMessage>& history);

signals:
    void busyChanged(bool busy);
    void problem(const QString& message);            // a person-readable reason something did not start
    void conversationChanged(qint64 conversationId); // title, activity time or settings changed
    void requestFinished(qint64 assistantMessageId, bool ok);
    void deprecationSignalled(const ark::api::DeprecationNotice& notice);
    // Loading ended (after open() or switchBranch()): the model shows the active branch, or stays empty
    // after a problem() when it could not be read.
    void loaded(qint64 conversationId);
    // An answer called tools that still need results: answer them in toolCalls(), then
    // submitToolResults(). Not emitted when automatic mode answered all of them (the loop goes on).
    void toolCallsPending(qint64 assistantMessageId);
    // Ledger rows were written for a request of this conversation.
    void usageRecorded(qint64 conversationId);
    // Messages of this conversation were deleted (committed): files they alone used may be freed now.
    void messagesDeleted(qint64 conversationId);

private:
    struct PreparedRequest; // a request whose stored files are still to be encoded (in the .cpp)
    struct PrepareRelay;    // how a worker hands a prepared request back, safely after destruction
    class EncodedFileCache; // base64 of stored files by hash, bounded, least recently used out first
    struct PendingDelete
    {
        qint64 conversationId = 0;
        qint64 parentId = 0;
        bool rowShown = false; // the deleted message was on the branch shown
        bool attached = true;  // the conversation is still the one shown (open()/close() detach it)
    };

    bool startAnswer(qint64 parentMessageId, const QString& ledgerKind);
    // Starts the call of the answer m_streamingId: from `body` when it was prepared (the JSON of
    // `request`, whose messages may have been dropped then), otherwise from `request`.
    void launch(const api::ChatRequest& request, const QByteArray& body = QByteArray());
    void onRequestPrepared(quint64 generation, const std::shared_ptr<PreparedRequest>& prepared);
    void cancelPreparation(); // stop() while the request is prepared: marked as a stopped answer
    // The answer as stored, else as shown, else only its id: what its final state is written over.
    store::MessageRecord answerRecord(qint64 id) const;
    void reportUnreadable(const QStringList& names);
    void onDeleted(quint64 generation, bool ok, const QString& error);
    // Before a note or a delete changes the history shown: nothing open, busy, loading or deleting
    // gives problem() and true.
    bool refuseHistoryChange();
    api::ExchangeLog* exchangeLogFor(qint64 conversationId);
    void noteExchangeLogOpened(qint64 conversationId); // most recently opened now; older logs may go
    bool exchangeLogRunning(qint64 conversationId, const api::ExchangeLog& log) const;
    PreparedRequest buildRequest() const;
    void onDelta(const api::ChatDelta& delta);
    void onFinished();
    void saveStreaming(bool force);
    void reload(qint64 throughMessageId = 0); // asynchronous: through the loader
    void onBranchLoaded(quint64 generation, const store::SharedBranch& branch);
    void onLoadFailed(quint64 generation, const QString& error);
    void showNewLeaf(const store::MessageRecord& message);
    bool ensureReady();
    bool refuseWhileLoading();
    bool isOnShownBranch(qint64 messageId) const; // 0 (the root level) counts as shown
    void recordUsage(const api::ChatCall& call, qint64 messageId, const QString& requestModel,
                     const QString& answeredModel);
    void afterToolCalls(qint64 answerId); // the answer called tools: run built-ins, go on or ask
    bool continueToolLoop(qint64 answerId, const std::vector<api::ChatMessage>& toolMessages);
    void showLatestToolRound(); // toolCalls() from the messages shown (after a load or a change)
    bool toolRoundLimitReached(qint64 answerId);

    store::ConversationStore& m_store;
    api::ChatClient& m_client;
    api::ClientConfig m_config;
    models::MessageListModel m_messages;
    models::ToolCallListModel m_toolCalls;
    const media::AttachmentStore* m_attachments = nullptr;
    tools::BuiltinTools m_builtins;
    store::UsageLedger* m_ledger = nullptr;
    const catalog::Catalog* m_catalog = nullptr;
    QString m_requestKind;                     // the ledger kind of the running request
    QString m_requestModel;                    // the model it was sent to
    std::vector<api::ApiError> m_retryReasons; // why each earlier attempt of the running request failed
    ConversationParams m_params;
    qint64 m_conversationId = 0;
    QPointer<api::ChatCall> m_call;
    qint64 m_streamingId = 0;
    QElapsedTimer m_sinceSave;
    QElapsedTimer m_reasoningClock;
    qint64 m_reasoningMs = -1;
    int m_saveIntervalMs = 1000;
    struct ExchangeLogSlot
    {
        std::unique_ptr<api::ExchangeLog> log;
        quint64 openedAt = 0; // m_logClock when its conversation was last opened; 0 = never
    };
    std::map<qint64, ExchangeLogSlot> m_exchangeLogs;
    quint64 m_logClock = 0;
    store::HistoryLoader m_loader;
    quint64 m_loadGeneration = 0;               // the load the model waits for; 0 = none
    bool m_loadSelectsBranch = false;           // that load is a branch switch: save the leaf when it arrives
    std::map<quint64, PendingDelete> m_deletes; // by the loader's delete generation
    quint64 m_prepareGeneration = 0;            // the preparation the session waits for; 0 = none
    quint64 m_lastPrepareGeneration = 0;
    std::shared_ptr<PrepareRelay> m_relay;
    std::unique_ptr<EncodedFileCache> m_encoded;
    int m_encodeCount = 0;
    const QThread* m_lastEncodeThread = nullptr;
    const QThread* m_lastBodyThread = nullptr;
};

} // namespace ark::session
