// One open conversation's run loop: build the request from the active branch -> stream through the
// ChatClient -> update the message model (coalesced) -> persist (before the request, about once a
// second while streaming, and at the end). Widgets call these methods; they never build JSON.
#pragma once

#include "api/ChatClient.h"
#include "models/MessageListModel.h"
#include "session/ConversationParams.h"
#include "store/ConversationStore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

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

    bool open(qint64 conversationId); // loads the active branch; stops a running request first
    void close();
    qint64 conversationId() const { return m_conversationId; }

    ConversationParams params() const { return m_params; }
    void setParams(const ConversationParams& params); // persisted at once

    // Each returns false (and emits problem()) when it cannot start: busy, no key, no conversation.
    bool send(const QString& text);                                // stores the user message first
    bool regenerate(qint64 assistantMessageId);                    // a new sibling answer (also "retry")
    bool editAndResend(qint64 userMessageId, const QString& text); // a new sibling user message + answer
    void stop();                                                   // keeps the partial answer, marked
    void switchBranch(qint64 messageId, int step);                 // step -1 / +1 among its siblings
    bool deleteMessage(qint64 messageId);                          // and its replies; not while busy

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

private:
    bool startAnswer(qint64 parentMessageId);
    api::ChatRequest buildRequest() const;
    void onDelta(const api::ChatDelta& delta);
    void onFinished();
    void saveStreaming(bool force);
    void reload();
    bool ensureReady();

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
};

} // namespace ark::session
