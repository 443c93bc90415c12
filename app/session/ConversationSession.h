// One open conversation's run loop: build the request from the active branch -> stream through the
// ChatClient -> update the message model (coalesced) -> persist (before the request, about once a
// second while streaming, and at the end). Widgets call these methods; they never build JSON.
#pragma once

#include "api/ChatClient.h"
#include "api/ExchangeLog.h"
#include "models/MessageListModel.h"
#include "session/ConversationParams.h"
#include "store/ConversationStore.h"
#include "store/HistoryLoader.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <map>
#include <memory>

namespace ark::session {

class ConversationSession : public QObject
{
    Q_OBJECT
public:
    ConversationSession(store::ConversationStore& store, api::ChatClient& client, QObject* parent = nullptr);
    ~ConversationSession() override; // stops a running request, saving what arrived

    models::MessageListModel* messages() { return &m_messages; }

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
    bool send(const QString& text);                                // stores the user message first
    bool regenerate(qint64 assistantMessageId);                    // a new sibling answer (also "retry")
    bool editAndResend(qint64 userMessageId, const QString& text); // a new sibling user message + answer
    void stop();                                                   // keeps the partial answer, marked
    // step -1 / +1 among its siblings; the new branch is read like open() (asynchronously, loaded()
    // follows) and the choice is saved when it arrives.
    void switchBranch(qint64 messageId, int step);
    bool deleteMessage(qint64 messageId); // and its replies; not while busy

    // Every HTTP exchange of the open conversation (for the raw exchange inspector); one log per
    // conversation opened in this run, so switching back shows its exchanges again. Never null.
    api::ExchangeLog* exchangeLog() { return exchangeLogFor(m_conversationId); }

    bool isBusy() const { return !m_call.isNull(); }
    qint64 streamingMessageId() const { return m_streamingId; }

    // Saving cadence while streaming (1000 ms by default; tests shorten it).
    void setSaveIntervalMs(int ms) { m_saveIntervalMs = ms; }

signals:
    void busyChanged(bool busy);
    void problem(const QString& message);            // a person-readable reason something did not start
    void conversationChanged(qint64 conversationId); // title, activity time or settings changed
    void requestFinished(qint64 assistantMessageId, bool ok);
    void deprecationSignalled(const ark::api::DeprecationNotice& notice);
    // Loading ended (after open() or switchBranch()): the model shows the active branch, or stays empty
    // after a problem() when it could not be read.
    void loaded(qint64 conversationId);

private:
    bool startAnswer(qint64 parentMessageId);
    api::ExchangeLog* exchangeLogFor(qint64 conversationId);
    api::ChatRequest buildRequest() const;
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

    store::ConversationStore& m_store;
    api::ChatClient& m_client;
    api::ClientConfig m_config;
    models::MessageListModel m_messages;
    ConversationParams m_params;
    qint64 m_conversationId = 0;
    QPointer<api::ChatCall> m_call;
    qint64 m_streamingId = 0;
    QElapsedTimer m_sinceSave;
    QElapsedTimer m_reasoningClock;
    qint64 m_reasoningMs = -1;
    int m_saveIntervalMs = 1000;
    std::map<qint64, std::unique_ptr<api::ExchangeLog>> m_exchangeLogs;
    store::HistoryLoader m_loader;
    quint64 m_loadGeneration = 0;     // the load the model waits for; 0 = none
    bool m_loadSelectsBranch = false; // that load is a branch switch: save the leaf when it arrives
};

} // namespace ark::session
