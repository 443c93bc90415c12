#include "ConversationSession.h"

#include "media/AttachmentStore.h"
#include "media/MediaLimits.h"

#include "api/RequestBuilder.h"
#include "catalog/Catalog.h"
#include "store/UsageLedger.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSignalBlocker>
#include <QThreadPool>
#include <algorithm>
#include <atomic>
#include <list>
#include <optional>

namespace ark::session {

namespace {

constexpr int kTitleLength = 40;

// A stored `tool` message whose text is an error returned to the model (not a tool's result), so the
// round re-opens with the same status. A stable text like the api::errorKindName values.
const QString kToolErrorKind = QStringLiteral("tool_error");

// The first words of a message, on one line, cut at a word boundary when one is near the limit.
QString titleFromText(const QString& text)
{
    const QString line = text.simplified();
    if (line.size() <= kTitleLength)
        return line;
    int cut = kTitleLength;
    if (line.at(cut - 1).isHighSurrogate()) // never split a character in two
        --cut;
    const int space = int(line.lastIndexOf(QLatin1Char(' '), cut));
    if (space >= kTitleLength / 2)
        cut = space;
    return line.left(cut).trimmed() + QChar(0x2026);
}

bool hasOutput(const api::ChatResult& result)
{
    return !result.content.isEmpty() || !result.reasoning.isEmpty() || !result.toolCalls.empty();
}

QStringList sortedCallIds(const std::vector<api::ToolCall>& calls)
{
    QStringList ids;
    for (const api::ToolCall& call : calls)
        ids << call.id;
    ids.sort();
    return ids;
}

bool callsTools(const store::MessageRecord& m)
{
    return m.role == api::Role::Assistant && !m.toolCalls.empty();
}

// Encoded files kept between requests: a full-size video is ~65 MB of base64, so this holds the files
// of about two large requests.
constexpr qint64 kEncodedCacheBytes = qint64(128) * 1024 * 1024;

} // namespace

// A request built on this thread with a placeholder part for each stored file; encode() (on a worker)
// reads the files and puts their data URLs in. It touches nothing but itself, so a session stopped,
// closed or destroyed meanwhile is never reached from the worker.
struct ConversationSession::PreparedRequest
{
    struct FileSlot
    {
        size_t message = 0; // in request.messages
        size_t part = 0;    // in that message's parts
        media::Attachment attachment;
        QByteArray base64; // from the cache; null = read and encode the file
    };

    api::ChatRequest request;
    std::vector<FileSlot> files;
    QStringList unreadable; // the attachments left out (their names, or why)
    // What encode() did, for the session's cache and diagnostics.
    std::vector<std::pair<QString, QByteArray>> encoded; // (hash, base64) read from disk
    int encodeCount = 0;
    const QThread* thread = nullptr;
    QByteArray body; // the request's JSON, made by serialise(); null until then
    const QThread* bodyThread = nullptr;

    // The JSON ChatClient::start() would make of the request (RequestBuilder keeps no state, so any
    // thread may run it). The messages are dropped after: with their data URLs (UTF-16) they weigh
    // twice the body, and only the tools and the stream flag are needed to start the call.
    void serialise()
    {
        bodyThread = QThread::currentThread();
        body = api::RequestBuilder::build(request).toBytes();
        request.messages.clear();
        request.messages.shrink_to_fit();
    }

    // Stops early (leaving the request half done) once `wanted` no longer names `generation`.
    void encode(const media::AttachmentStore* store, const std::atomic<quint64>* wanted, quint64 generation)
    {
        thread = QThread::currentThread();
        std::vector<size_t> touched;
        for (FileSlot& slot : files) {
            if (wanted && wanted->load() != generation)
                return; // stopped: nobody waits for this request any more
            const media::Attachment& attachment = slot.attachment;
            QByteArray base64 = slot.base64;
            for (size_t i = 0; base64.isNull() && i < encoded.size(); ++i)
                if (!attachment.hash.isEmpty() && encoded[i].first == attachment.hash)
                    base64 = encoded[i].second; // the same file twice in the history: read once
            if (base64.isNull()) {
                QString error;
                const QByteArray bytes = attachment.readBytes(store, &error); // checks the hash too
                if (bytes.isEmpty()) {
                    unreadable << (attachment.originalName.isEmpty() ? error : attachment.originalName);
                    touched.push_back(slot.message);
                    continue; // the placeholder stays empty and is taken out below
                }
                base64 = bytes.toBase64();
                ++encodeCount;
                if (!attachment.hash.isEmpty())
                    encoded.emplace_back(attachment.hash, base64);
            }
            // The part as Attachment::toContentPart makes it (detail, pixel limits, fps), with the data
            // URL in place of the file: lowercase MIME type, as the API requires.
            media::Attachment withUrl = attachment;
            withUrl.url = QStringLiteral("data:") + attachment.mime.toLower() + QStringLiteral(";base64,") +
                          QString::fromLatin1(base64);
            request.messages[slot.message].parts[slot.part] = *withUrl.toContentPart();
            touched.push_back(slot.message);
        }
        // Files that could not be read are left out; a message left with no image or video goes as
        // plain text, as it would have without attachments.
        for (const size_t index : touched) {
            std::vector<api::ContentPart>& parts = request.messages[index].parts;
            parts.erase(std::remove_if(parts.begin(), parts.end(),
                                       [](const api::ContentPart& part) {
                                           return part.kind != api::ContentPart::Kind::Text &&
                                                  part.url.isEmpty();
                                       }),
                        parts.end());
            if (std::none_of(parts.begin(), parts.end(), [](const api::ContentPart& part) {
                    return part.kind != api::ContentPart::Kind::Text;
                }))
                parts.clear();
        }
    }
};

// Shared by the session and its workers. The worker posts its result under the mutex only while
// `session` is set; the destructor clears it under the same mutex, so nothing is posted to a session
// being destroyed (and what was posted before is dropped with it by QObject).
struct ConversationSession::PrepareRelay
{
    QMutex mutex;
    ConversationSession* session = nullptr;
    std::atomic<quint64> wanted{0}; // the preparation the session still waits for
};

// Base64 of stored files by content hash (detail and fps are fields of the part, not of the data), the
// most recently used first; the oldest go when the total passes the budget.
class ConversationSession::EncodedFileCache
{
public:
    explicit EncodedFileCache(qint64 budget) : m_budget(budget) {}

    QByteArray find(const QString& hash)
    {
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->first == hash) {
                m_entries.splice(m_entries.begin(), m_entries, it);
                return m_entries.front().second;
            }
        }
        return {};
    }

    void insert(const QString& hash, const QByteArray& base64)
    {
        if (hash.isEmpty() || base64.isEmpty() || base64.size() > m_budget)
            return;
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->first == hash) {
                m_bytes -= it->second.size();
                m_entries.erase(it);
                break;
            }
        }
        m_entries.emplace_front(hash, base64);
        m_bytes += base64.size();
        while (m_bytes > m_budget) {
            m_bytes -= m_entries.back().second.size();
            m_entries.pop_back();
        }
    }

private:
    std::list<std::pair<QString, QByteArray>> m_entries;
    qint64 m_bytes = 0;
    const qint64 m_budget;
};

ConversationSession::ConversationSession(store::ConversationStore& store, api::ChatClient& client,
                                         QObject* parent)
    : QObject(parent), m_store(store), m_client(client), m_relay(std::make_shared<PrepareRelay>()),
      m_encoded(std::make_unique<EncodedFileCache>(kEncodedCacheBytes))
{
    m_relay->session = this;
    connect(&m_loader, &store::HistoryLoader::loaded, this, &ConversationSession::onBranchLoaded);
    connect(&m_loader, &store::HistoryLoader::failed, this, &ConversationSession::onLoadFailed);
    connect(&m_loader, &store::HistoryLoader::deleted, this, &ConversationSession::onDeleted);
}

ConversationSession::~ConversationSession()
{
    {
        // A worker still encoding finds nobody to hand its result to.
        const QMutexLocker lock(&m_relay->mutex);
        m_relay->session = nullptr;
    }
    // Whoever listened may be half destroyed by now; the answer is still saved, silently.
    const QSignalBlocker blocker(this);
    stop();
    // A delete in progress is finished by the loader's destructor (its rows are off the screen already).
}

QString ConversationSession::defaultTitle()
{
    return tr("New conversation");
}

void ConversationSession::setEndpoint(const QUrl& baseUrl, const QString& apiKey)
{
    if (!baseUrl.isEmpty())
        m_config.baseUrl = baseUrl;
    m_config.apiKey = apiKey;
}

void ConversationSession::setClientConfig(const api::ClientConfig& config)
{
    const QUrl baseUrl = m_config.baseUrl;
    const QString apiKey = m_config.apiKey;
    m_config = config;
    if (m_config.baseUrl.isEmpty())
        m_config.baseUrl = baseUrl;
    if (m_config.apiKey.isEmpty())
        m_config.apiKey = apiKey;
}

bool ConversationSession::open(qint64 conversationId)
{
    stop();
    // One row by primary key: cheap enough for this thread, and it lets the caller show the model and
    // parameters at once.
    const auto conversation = conversationId > 0 ? m_store.conversation(conversationId)
                                                 : std::optional<store::ConversationRecord>();
    if (!conversation || conversation->deletedAt.isValid()) {
        emit problem(tr("This conversation no longer exists."));
        return false;
    }
    for (auto& entry : m_deletes)
        entry.second.attached = false; // it goes on; what it leaves is read by the load below
    m_conversationId = conversationId;
    noteExchangeLogOpened(conversationId);
    m_params = ConversationParams::fromJson(conversation->paramsJson);
    m_params.model = conversation->model;
    m_params.systemPrompt = conversation->systemPrompt;
    // Nothing of the previous conversation stays on screen (nor can be acted on) while this one loads.
    m_messages.clear();
    m_toolCalls.clear();
    m_toolCalls.setTools(m_params.tools());
    if (conversation->currentLeafId == 0) {
        // No messages: there is nothing to read, so it is usable right away (a new conversation).
        m_loader.cancel();
        m_loadGeneration = 0;
        emit loaded(conversationId);
        return true;
    }
    reload();
    return true;
}

bool ConversationSession::isNote(const store::MessageRecord& m)
{
    return m.errorKind == QLatin1String(kModelSwitchKind) ||
           m.errorKind == QLatin1String(kGeneratedImageKind);
}

api::ExchangeLog* ConversationSession::exchangeLogFor(qint64 conversationId)
{
    std::unique_ptr<api::ExchangeLog>& log = m_exchangeLogs[conversationId].log;
    if (!log)
        log = std::make_unique<api::ExchangeLog>();
    return log.get();
}

bool ConversationSession::exchangeLogRunning(qint64 conversationId, const api::ExchangeLog& log) const
{
    if (!m_call.isNull() && conversationId == m_conversationId)
        return true;
    for (int row = 0; row < log.count(); ++row) // newest first; a few hundred rows at most
        if (const api::ExchangePtr exchange = log.at(row); exchange && exchange->running)
            return true;
    return false;
}

void ConversationSession::noteExchangeLogOpened(qint64 conversationId)
{
    exchangeLogFor(conversationId);
    m_exchangeLogs[conversationId].openedAt = ++m_logClock;
    // Each log is bounded, their number was not: a long session visiting hundreds of conversations
    // kept every one of them. The least recently opened go first; if all that remain are in use, the
    // count stays over the limit until a later open().
    while (m_exchangeLogs.size() > size_t(kMaxExchangeLogs)) {
        auto oldest = m_exchangeLogs.end();
        for (auto it = m_exchangeLogs.begin(); it != m_exchangeLogs.end(); ++it) {
            if (it->first == m_conversationId || exchangeLogRunning(it->first, *it->second.log))
                continue;
            if (oldest == m_exchangeLogs.end() || it->second.openedAt < oldest->second.openedAt)
                oldest = it;
        }
        if (oldest == m_exchangeLogs.end())
            break;
        m_exchangeLogs.erase(oldest); // an inspector showing it hears QObject::destroyed
    }
}

void ConversationSession::close()
{
    stop();
    m_loader.cancel();
    m_loadGeneration = 0;
    for (auto& entry : m_deletes)
        entry.second.attached = false;
    m_conversationId = 0;
    m_params = {};
    m_messages.clear();
    m_toolCalls.clear();
}

bool ConversationSession::recordModelSwitch(const QString& fromModel, const QString& toModel)
{
    if (m_conversationId == 0 || isBusy() || refuseWhileLoading())
        return false;
    store::MessageRecord note;
    note.conversationId = m_conversationId;
    note.parentId = m_messages.records().empty() ? 0 : m_messages.records().back().id;
    note.role = api::Role::System;
    note.content = tr("Model switched from %1 to %2.").arg(fromModel, toModel);
    note.model = toModel;
    note.errorKind = QString::fromLatin1(kModelSwitchKind);
    if (m_store.appendMessage(note) == 0) {
        emit problem(tr("The switch could not be saved: %1").arg(m_store.database().lastError()));
        return false;
    }
    m_messages.appendMessage(note);
    ConversationParams params = m_params;
    params.model = toModel;
    setParams(params);
    emit conversationChanged(m_conversationId);
    return true;
}

bool ConversationSession::refuseHistoryChange()
{
    if (m_conversationId == 0) {
        emit problem(tr("No conversation is open."));
        return true;
    }
    if (isBusy()) {
        emit problem(tr("An answer is still arriving. Stop it first."));
        return true;
    }
    return refuseWhileLoading();
}

bool ConversationSession::recordGeneratedImage(const QString& prompt, const QString& model,
                                               const media::Attachment& image)
{
    if (refuseHistoryChange())
        return false;
    // Every line of the prompt quoted, so a multi-line prompt stays one block under the heading line.
    QStringList quoted;
    const QStringList lines = prompt.trimmed().split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString text = line.trimmed();
        quoted << (text.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + text);
    }
    store::MessageRecord note;
    note.conversationId = m_conversationId;
    note.parentId = m_messages.records().empty() ? 0 : m_messages.records().back().id;
    note.role = api::Role::Assistant;
    note.content = tr("Image generated by **%1** from the prompt:").arg(model) + QStringLiteral("\n\n") +
                   quoted.join(QLatin1Char('\n'));
    note.model = model;
    note.errorKind = QString::fromLatin1(kGeneratedImageKind);
    note.attachmentsJson = media::Attachment::listToJson({image});
    note.state = store::MessageState::Complete;
    if (m_store.appendMessage(note) == 0) {
        emit problem(tr("The generated image could not be saved in the conversation: %1")
                         .arg(m_store.database().lastError()));
        return false;
    }
    m_messages.appendMessage(note);
    emit conversationChanged(m_conversationId);
    return true;
}

void ConversationSession::setParams(const ConversationParams& params)
{
    m_params = params;
    // The calls on show are checked against the tools as they are now (a fixed schema re-checks a
    // waiting round); a streaming answer keeps the tools its request offered.
    if (!isBusy())
        m_toolCalls.setTools(m_params.tools());
    if (m_conversationId == 0)
        return;
    if (!m_store.updateSettings(m_conversationId, m_params.model, m_params.systemPrompt, m_params.toJson())) {
        emit problem(
            tr("The conversation settings could not be saved: %1").arg(m_store.database().lastError()));
        return;
    }
    emit conversationChanged(m_conversationId);
}

bool ConversationSession::refuseWhileLoading()
{
    if (isDeleting()) {
        emit problem(tr("Messages are still being deleted. Try again in a moment."));
        return true;
    }
    if (!isLoading())
        return false;
    emit problem(tr("The conversation is still loading. Try again in a moment."));
    return true;
}

bool ConversationSession::isDeleting() const
{
    return std::any_of(m_deletes.begin(), m_deletes.end(),
                       [](const auto& entry) { return entry.second.attached; });
}

bool ConversationSession::ensureReady()
{
    if (m_conversationId == 0) {
        emit problem(tr("No conversation is open."));
        return false;
    }
    // Sending builds on the messages shown (the parent is the last row): they must be the real ones.
    if (refuseWhileLoading())
        return false;
    if (isBusy()) {
        emit problem(tr("An answer is still arriving. Stop it first."));
        return false;
    }
    if (!hasApiKey()) {
        emit problem(tr("No API key is set. Add one in Settings."));
        return false;
    }
    if (m_params.model.trimmed().isEmpty()) {
        emit problem(tr("Choose a model first."));
        return false;
    }
    return true;
}

bool ConversationSession::send(const QString& text, const QList<media::Attachment>& attachments)
{
    if (!ensureReady())
        return false;
    if (text.trimmed().isEmpty() && attachments.isEmpty()) {
        emit problem(tr("The message is empty."));
        return false;
    }
    if (!attachments.isEmpty()) {
        // Every image and video of the conversation travels again in each request, base64-encoded
        // (4 bytes for 3): check the whole body before anything is stored or sent.
        const auto encoded = [](const QList<media::Attachment>& list) {
            qint64 bytes = 0;
            for (const media::Attachment& a : list)
                if (!a.isRemote() && a.byteSize > 0)
                    bytes += (a.byteSize + 2) / 3 * 4;
            return bytes;
        };
        qint64 body = encoded(attachments) + text.toUtf8().size();
        for (const store::MessageRecord& m : m_messages.records()) {
            if (isNote(m))
                continue; // never sent
            body += m.content.toUtf8().size();
            if (!m.attachmentsJson.isEmpty())
                body += encoded(media::Attachment::listFromJson(m.attachmentsJson));
        }
        const std::vector<media::LimitProblem> tooBig = media::checkRequestBody(body);
        if (media::hasErrors(tooBig)) {
            emit problem(media::problemText(tooBig));
            return false;
        }
    }

    const auto conversation = m_store.conversation(m_conversationId);
    if (!conversation) {
        emit problem(tr("This conversation no longer exists."));
        return false;
    }
    const QString title = conversation->title.trimmed();
    if (title.isEmpty() || title == defaultTitle() || title == QLatin1String("New conversation")) {
        QString firstUserText = text;
        for (const store::MessageRecord& m : m_messages.records()) {
            if (m.role == api::Role::User && !m.content.trimmed().isEmpty()) {
                firstUserText = m.content;
                break;
            }
        }
        m_store.renameConversation(m_conversationId, titleFromText(firstUserText));
    }

    // The question is on disk before any byte goes to the network: a crash mid-answer never loses it.
    store::MessageRecord user;
    user.conversationId = m_conversationId;
    user.parentId = m_messages.records().empty() ? 0 : m_messages.records().back().id;
    user.role = api::Role::User;
    user.content = text;
    if (!attachments.isEmpty())
        user.attachmentsJson = media::Attachment::listToJson(attachments);
    if (m_store.appendMessage(user) == 0) {
        emit problem(tr("The message could not be saved: %1").arg(m_store.database().lastError()));
        return false;
    }
    m_messages.appendMessage(user); // the leaf had no children, so it is 1/1
    if (!startAnswer(user.id, store::ledgerkind::Chat)) {
        emit conversationChanged(m_conversationId);
        return false;
    }
    return true;
}

bool ConversationSession::regenerate(qint64 assistantMessageId)
{
    if (!ensureReady())
        return false;
    const auto answer = m_store.message(assistantMessageId);
    if (!answer || answer->conversationId != m_conversationId) {
        emit problem(tr("This message no longer exists."));
        return false;
    }
    if (answer->errorKind == QLatin1String(kGeneratedImageKind)) {
        emit problem(tr("A generated image is not an answer of the chat model: make another one in the "
                        "image generation panel."));
        return false;
    }
    // Asked on a question, answer that question again; asked on an answer, answer its question.
    const qint64 parentId = answer->role == api::Role::Assistant ? answer->parentId : answer->id;
    if (!isOnShownBranch(parentId)) { // the history sent is the branch shown
        emit problem(tr("This message no longer exists."));
        return false;
    }
    return startAnswer(parentId, store::ledgerkind::Retry);
}

bool ConversationSession::editAndResend(qint64 userMessageId, const QString& text)
{
    if (!ensureReady())
        return false;
    const auto original = m_store.message(userMessageId);
    if (!original || original->conversationId != m_conversationId || original->role != api::Role::User ||
        !isOnShownBranch(original->parentId)) {
        emit problem(tr("This message no longer exists."));
        return false;
    }
    if (text.trimmed().isEmpty()) {
        emit problem(tr("The message is empty."));
        return false;
    }
    store::MessageRecord edited;
    edited.conversationId = m_conversationId;
    edited.parentId = original->parentId;
    edited.role = api::Role::User;
    edited.content = text;
    edited.attachmentsJson = original->attachmentsJson; // an edit changes the words, not the files
    if (m_store.appendMessage(edited) == 0) {
        emit problem(tr("The message could not be saved: %1").arg(m_store.database().lastError()));
        return false;
    }
    showNewLeaf(edited); // the new sibling is the active branch now
    return startAnswer(edited.id, store::ledgerkind::Chat);
}

namespace {

// Text large enough that writing the request's JSON would hold the UI thread for more than a few
// milliseconds (about 5 ms per 256K characters here): then it is written on a worker.
constexpr qsizetype kWorkerBodyCharacters = 256 * 1024;

bool isLargeHistory(const api::ChatRequest& request)
{
    qsizetype characters = 0;
    for (const api::ChatMessage& message : request.messages) {
        characters += message.content.size();
        for (const api::ToolCall& call : message.toolCalls)
            characters += call.arguments.size();
        if (characters > kWorkerBodyCharacters)
            return true;
    }
    return false;
}

} // namespace

bool ConversationSession::startAnswer(qint64 parentMessageId, const QString& ledgerKind)
{
    store::MessageRecord answer;
    answer.conversationId = m_conversationId;
    answer.parentId = parentMessageId;
    answer.role = api::Role::Assistant;
    answer.model = m_params.model;
    answer.state = store::MessageState::Streaming;
    if (m_store.appendMessage(answer) == 0) {
        emit problem(tr("The answer could not be saved: %1").arg(m_store.database().lastError()));
        return false;
    }
    const bool followsLastRow = m_messages.records().empty()
                                    ? parentMessageId == 0
                                    : m_messages.records().back().id == parentMessageId;
    if (followsLastRow)
        m_messages.appendMessage(answer); // a new leaf: no siblings
    else
        showNewLeaf(answer); // a sibling of an answer shown: the path below it and its "n/m" change

    m_streamingId = answer.id;
    m_reasoningMs = -1;
    m_reasoningClock.invalidate();
    m_requestKind = ledgerKind;
    m_requestModel = m_params.model;
    m_retryReasons.clear();

    PreparedRequest prepared = buildRequest();
    if (prepared.files.empty() && !isLargeHistory(prepared.request)) {
        // Nothing to read from disk and little to serialise: the call starts at once.
        reportUnreadable(prepared.unreadable);
        launch(prepared.request);
        emit busyChanged(true);
        emit conversationChanged(m_conversationId);
        return true;
    }

    // Stored files are read, checked and base64-encoded on a worker (a video is tens of megabytes), and
    // a long history's JSON is written there too (10,000 messages take about 20 ms); the call starts
    // when the body comes back (onRequestPrepared). The worker gets copies of all it needs.
    const quint64 generation = ++m_lastPrepareGeneration;
    m_prepareGeneration = generation;
    m_relay->wanted.store(generation);
    auto job = std::make_shared<PreparedRequest>(std::move(prepared));
    std::optional<media::AttachmentStore> files;
    if (m_attachments)
        files.emplace(*m_attachments); // it holds only its root path
    std::shared_ptr<PrepareRelay> relay = m_relay;
    QThreadPool::globalInstance()->start([relay, job, files, generation] {
        job->encode(files ? &*files : nullptr, &relay->wanted, generation);
        if (relay->wanted.load() == generation) // encode() went through: nobody stopped it
            job->serialise();
        const QMutexLocker lock(&relay->mutex);
        if (ConversationSession* session = relay->session)
            QMetaObject::invokeMethod(
                session, [session, generation, job] { session->onRequestPrepared(generation, job); },
                Qt::QueuedConnection);
    });
    emit busyChanged(true);
    emit conversationChanged(m_conversationId);
    return true;
}

void ConversationSession::reportUnreadable(const QStringList& names)
{
    if (!names.isEmpty())
        emit problem(tr("Sent without these attachments, whose files can no longer be read: %1")
                         .arg(names.join(QStringLiteral("; "))));
}

void ConversationSession::onRequestPrepared(quint64 generation,
                                            const std::shared_ptr<PreparedRequest>& prepared)
{
    // What was read is worth keeping even when the request was stopped meanwhile: asking again is likely.
    for (const auto& [hash, base64] : prepared->encoded)
        m_encoded->insert(hash, base64);
    m_encodeCount += prepared->encodeCount;
    if (prepared->encodeCount > 0)
        m_lastEncodeThread = prepared->thread;
    if (!prepared->body.isNull())
        m_lastBodyThread = prepared->bodyThread;
    if (generation != m_prepareGeneration)
        return; // stopped, closed or destroyed: nothing is sent
    reportUnreadable(prepared->unreadable);
    if (generation != m_prepareGeneration)
        return; // a listener stopped it on hearing that
    m_prepareGeneration = 0;
    m_relay->wanted.store(0);
    // busyChanged(true) went out when the preparation began; the session has been busy since. The
    // body is only handed over (shared, not copied); without one (it cannot happen while the
    // generation matches, but it costs nothing) the request is serialised here as before.
    launch(prepared->request, prepared->body);
}

store::MessageRecord ConversationSession::answerRecord(qint64 id) const
{
    if (const auto stored = m_store.message(id))
        return *stored;
    if (const int row = m_messages.rowForId(id); row >= 0)
        return m_messages.record(row);
    store::MessageRecord record;
    record.id = id;
    return record;
}

void ConversationSession::cancelPreparation()
{
    const qint64 id = m_streamingId;
    m_prepareGeneration = 0;
    m_relay->wanted.store(0); // the worker stops before its next file; its result is ignored
    m_streamingId = 0;
    // Marked as a stopped request is (ChatCall answers a cancel with this error), though nothing left.
    api::ApiError cancelled;
    cancelled.kind = api::ErrorKind::Cancelled;
    store::MessageRecord record = answerRecord(id);
    record.state = store::MessageState::Interrupted;
    record.errorKind = api::errorKindName(cancelled.kind);
    record.errorCode.clear();
    record.errorMessage = cancelled.humanMessage();
    record.errorStatus = 0;
    if (!m_store.updateMessage(record))
        emit problem(tr("The answer could not be saved: %1").arg(m_store.database().lastError()));
    m_messages.updateMessage(record);
    if (m_toolCalls.count() == 0)
        showLatestToolRound();
    const qint64 conversationId = m_conversationId;
    emit requestFinished(id, false);
    emit busyChanged(false);
    emit conversationChanged(conversationId);
}

void ConversationSession::launch(const api::ChatRequest& request, const QByteArray& body)
{
    m_sinceSave.start();
    api::ChatCall* call = body.isNull() ? m_client.start(request, m_config, this)
                                        : m_client.startPrepared(body, request.stream, m_config, this);
    m_call = call;
    exchangeLogFor(m_conversationId)->attach(call);
    // Connected before onFinished: the calls are final (and checked) by the time it looks at them.
    m_toolCalls.setTools(request.tools);
    m_toolCalls.watch(call);
    connect(call, &api::ChatCall::retryScheduled, this,
            [this](int, qint64, const api::ApiError& reason) { m_retryReasons.push_back(reason); });
    connect(call, &api::ChatCall::delta, this, &ConversationSession::onDelta);
    connect(call, &api::ChatCall::finished, this, &ConversationSession::onFinished);
    connect(call, &api::ChatCall::deprecationSignalled, this, &ConversationSession::deprecationSignalled);
}

ConversationSession::PreparedRequest ConversationSession::buildRequest() const
{
    PreparedRequest prepared;
    api::ChatRequest& request = prepared.request;
    request.model = m_params.model;
    request.params = m_params.toChatParameters();
    request.tools = m_params.tools();
    if (!m_params.systemPrompt.trimmed().isEmpty())
        request.messages.push_back(api::ChatMessage::system(m_params.systemPrompt));
    const std::vector<store::MessageRecord>& records = m_messages.records();
    for (size_t i = 0; i < records.size(); ++i) {
        const store::MessageRecord& m = records[i];
        if (m.id == m_streamingId)
            break; // the placeholder being answered ends the history
        if (m.state == store::MessageState::Streaming)
            continue;
        if (isNote(m))
            continue; // a note for the person, not part of the dialogue
        api::ChatMessage message;
        std::vector<PreparedRequest::FileSlot> files;
        message.role = m.role;
        message.content = m.content;
        message.toolCallId = m.toolCallId;
        message.name = m.toolName;
        if (!m.attachmentsJson.isEmpty()) {
            // Images and videos first, the text last: the vision guide's advice for the best answers.
            for (const media::Attachment& attachment : media::Attachment::listFromJson(m.attachmentsJson)) {
                if (!attachment.isRemote()) {
                    // A stored file: its data URL is made on a worker, in this place (see encode()).
                    PreparedRequest::FileSlot slot;
                    slot.part = message.parts.size();
                    slot.attachment = attachment;
                    slot.base64 = m_encoded->find(attachment.hash);
                    files.push_back(std::move(slot));
                    message.parts.push_back(api::ContentPart::makeImage(QString()));
                    continue;
                }
                QString error;
                if (auto part = attachment.toContentPart(m_attachments, &error)) // a URL: no reading
                    message.parts.push_back(std::move(*part));
                else
                    prepared.unreadable
                        << (attachment.originalName.isEmpty() ? error : attachment.originalName);
            }
            if (!message.parts.empty() && !m.content.isEmpty())
                message.parts.push_back(api::ContentPart::makeText(m.content));
        }
        bool droppedCalls = false;
        if (callsTools(m)) {
            // Calls nobody answered (the person asked something else instead, or the answer broke
            // off) cannot go back: the API wants a tool message for every call id. The text stays.
            const bool answered = i + 1 < records.size() && records[i + 1].role == api::Role::Tool &&
                                  records[i + 1].id != m_streamingId;
            droppedCalls = !answered;
            if (answered)
                message.toolCalls = m.toolCalls;
            // Only whitespace (the older single-chunk form sends "\n") says nothing: sent without
            // content, as the tool-call model hands the history back.
            if (message.content.trimmed().isEmpty())
                message.content.clear();
        }
        // A failed answer with nothing in it says nothing the model should see; nor do calls that
        // cannot go back without a word beside them.
        if (m.role == api::Role::Assistant && message.content.isEmpty() && message.toolCalls.empty() &&
            (m.state == store::MessageState::Failed || droppedCalls))
            continue;
        // Reasoning stays out: the API refuses it in history.
        for (PreparedRequest::FileSlot& slot : files) {
            slot.message = request.messages.size();
            prepared.files.push_back(std::move(slot));
        }
        request.messages.push_back(std::move(message));
    }
    return prepared;
}

void ConversationSession::onDelta(const api::ChatDelta& delta)
{
    if (m_streamingId == 0)
        return;
    if (!delta.reasoning.isEmpty() && !m_reasoningClock.isValid())
        m_reasoningClock.start();
    const bool answerStarted = !delta.content.isEmpty() || !delta.toolCalls.empty();
    if (answerStarted && m_reasoningClock.isValid() && m_reasoningMs < 0)
        m_reasoningMs = m_reasoningClock.elapsed();
    m_messages.appendStreamingText(m_streamingId, delta.content, delta.reasoning);
    saveStreaming(false);
}

void ConversationSession::saveStreaming(bool force)
{
    if (m_streamingId == 0 || m_call.isNull())
        return;
    if (!force && m_sinceSave.isValid() && m_sinceSave.elapsed() < m_saveIntervalMs)
        return;
    const api::StreamAssembler& assembled = m_call->assembled();
    m_store.saveStreamingText(m_streamingId, assembled.content(), assembled.reasoning());
    m_sinceSave.restart();
}

void ConversationSession::onFinished()
{
    api::ChatCall* call = m_call.data();
    if (!call)
        return;
    m_call.clear();
    call->disconnect(this);
    call->disconnect(&m_toolCalls);
    call->deleteLater();
    const qint64 id = m_streamingId;
    m_streamingId = 0;

    const api::ChatResult result = call->result();
    const api::ApiError& error = call->error();
    if (m_toolCalls.isStreaming()) { // stop() ran before finished() reached the tool-call model
        if (error.isError())
            m_toolCalls.interrupt();
        else
            m_toolCalls.finish(result);
    }

    store::MessageRecord record = answerRecord(id);
    record.content = result.content;
    record.reasoning = result.reasoning;
    record.toolCalls = result.toolCalls;
    record.usage = result.usage;
    if (!result.model.isEmpty())
        record.model = result.model; // the server's name for what answered (an endpoint resolves to a model)
    record.finishReason = result.finishReason;
    record.ttftMs = call->timeToFirstTokenMs();
    record.totalMs = call->totalMs();
    if (m_reasoningMs >= 0)
        record.reasoningMs = m_reasoningMs;
    else if (m_reasoningClock.isValid()) // it thought until the end
        record.reasoningMs = m_reasoningClock.elapsed();
    m_reasoningClock.invalidate();
    if (record.reasoningMs < 0) // reasoning inside <think> tags: only the model saw where it ended
        record.reasoningMs = m_messages.measuredReasoningMs(id);
    record.requestId = call->requestId();

    if (error.isError()) {
        const bool cancelled = error.kind == api::ErrorKind::Cancelled;
        record.state =
            cancelled || hasOutput(result) ? store::MessageState::Interrupted : store::MessageState::Failed;
        record.errorKind = api::errorKindName(error.kind);
        record.errorCode = error.code;
        record.errorMessage = error.humanMessage();
        record.errorStatus = error.httpStatus;
        if (!error.requestId.isEmpty())
            record.requestId = error.requestId;
    } else {
        record.state = store::MessageState::Complete;
        record.errorKind.clear();
        record.errorCode.clear();
        record.errorMessage.clear();
        record.errorStatus = 0;
    }

    if (!m_store.updateMessage(record))
        emit problem(tr("The answer could not be saved: %1").arg(m_store.database().lastError()));
    m_messages.updateMessage(record);
    recordUsage(*call, id, m_requestModel, result.model);

    const bool callsForTools = !error.isError() && !record.toolCalls.empty();
    // A plain answer (the end of a tool loop, or another question) shows the latest round of its
    // question, as re-opening would; a broken one keeps what streamed of its calls on show.
    if (!callsForTools && (!error.isError() || m_toolCalls.count() == 0))
        showLatestToolRound();

    const qint64 conversationId = m_conversationId;
    emit requestFinished(id, !error.isError());
    emit busyChanged(false);
    emit conversationChanged(conversationId);
    // Listeners may have closed or switched the conversation meanwhile: go on only with the same one.
    if (callsForTools && m_conversationId == conversationId && !isBusy() && !isLoading() &&
        pendingToolCallsMessageId() == id)
        afterToolCalls(id);
}

void ConversationSession::recordUsage(const api::ChatCall& call, qint64 messageId,
                                      const QString& requestModel, const QString& answeredModel)
{
    if (!m_ledger)
        return;
    // The server's name prices best (an endpoint id resolves to a model); the name sent otherwise.
    const QString model = answeredModel.isEmpty() ? requestModel : answeredModel;
    static const pricing::PriceTable kNoPrices;
    const pricing::PriceTable* prices = &kNoPrices;
    if (m_catalog) {
        const catalog::ModelInfo* info = m_catalog->find(model);
        if (!info)
            info = m_catalog->find(requestModel);
        if (info)
            prices = &info->prices;
    }

    // One row per HTTP attempt: the client's own retries (429, 5xx) are requests too.
    const std::vector<api::AttemptInfo>& attempts = call.attempts();
    const size_t count = std::max<size_t>(1, attempts.size());
    const api::ChatResult result = call.result();
    const api::ApiError& error = call.error();
    bool written = false;
    for (size_t i = 0; i < count; ++i) {
        const bool last = i + 1 == count;
        const QString kind = i == 0 ? m_requestKind : store::ledgerkind::Retry;
        store::LedgerEntry entry =
            store::LedgerEntry::forUsage(model, kind, last ? result.usage : api::Usage{}, *prices);
        entry.conversationId = m_conversationId;
        entry.messageId = messageId;
        if (!last) {
            const api::AttemptInfo& attempt = attempts[i];
            api::ApiError reason =
                i < m_retryReasons.size()
                    ? m_retryReasons[i]
                    : api::ApiError::fromHttp(attempt.httpStatus, attempt.responseBody, attempt.requestId);
            if (!reason.isError()) // no status at all: it never reached the server
                reason.kind = api::ErrorKind::Network;
            entry.error = api::errorKindName(reason.kind);
            entry.requestId = attempt.requestId.isEmpty() ? reason.requestId : attempt.requestId;
        } else {
            entry.requestId = call.requestId();
            if (error.isError()) {
                entry.error = api::errorKindName(error.kind);
                if (!error.requestId.isEmpty())
                    entry.requestId = error.requestId;
                // Tokens were produced (and billed) but the usage never arrived: the cost is
                // unknown, not zero. A request refused before any answer costs nothing.
                if (!result.usage.present && hasOutput(result)) {
                    entry.costMicros.reset();
                    entry.tier.clear();
                }
            }
        }
        if (m_ledger->record(entry))
            written = true;
        else
            emit problem(
                tr("The usage of a request could not be recorded: %1").arg(m_store.database().lastError()));
    }
    if (written)
        emit usageRecorded(m_conversationId);
}

qint64 ConversationSession::pendingToolCallsMessageId() const
{
    if (isLoading() || m_messages.records().empty())
        return 0;
    const store::MessageRecord& last = m_messages.records().back();
    if (!callsTools(last) || last.state != store::MessageState::Complete || last.id == m_streamingId)
        return 0;
    return last.id;
}

int ConversationSession::toolRoundsBefore(qint64 messageId) const
{
    const std::vector<store::MessageRecord>& records = m_messages.records();
    int rounds = 0;
    for (int row = m_messages.rowForId(messageId) - 1; row >= 0; --row) {
        const store::MessageRecord& m = records[size_t(row)];
        if (m.role == api::Role::User)
            break; // the question: rounds count per question
        // A round is an answer whose calls went back with their results.
        if (callsTools(m) && size_t(row) + 1 < records.size() &&
            records[size_t(row) + 1].role == api::Role::Tool)
            ++rounds;
    }
    return rounds;
}

bool ConversationSession::toolRoundLimitReached(qint64 answerId)
{
    const int limit = m_params.toolRoundLimit;
    if (toolRoundsBefore(answerId) < limit)
        return false;
    emit problem(tr("The model asked for tools again, but this question has used all %n tool-call round(s) "
                    "allowed, so the loop stopped here. The calls are kept: raise the round limit in the "
                    "conversation's tool settings to answer them, or ask again.",
                    nullptr, limit));
    return true;
}

void ConversationSession::afterToolCalls(qint64 answerId)
{
    const int row = m_messages.rowForId(answerId);
    if (row < 0)
        return;
    const store::MessageRecord& answer = m_messages.record(row);
    // The model followed this answer as it streamed; should it show anything else, show the stored calls.
    if (!m_toolCalls.isFinal() || sortedCallIds(m_toolCalls.calls()) != sortedCallIds(answer.toolCalls))
        showLatestToolRound();
    if (toolRoundLimitReached(answerId))
        return;
    if (m_params.autoRunBuiltinTools)
        m_toolCalls.answerBuiltinCalls(m_builtins); // shown in the inspector all the same
    if (m_toolCalls.allAnswered()) {
        continueToolLoop(answerId, m_toolCalls.toolMessages());
        return;
    }
    emit toolCallsPending(answerId);
}

bool ConversationSession::submitToolResults(const QList<api::ChatMessage>& history)
{
    if (!ensureReady())
        return false;
    const qint64 answerId = pendingToolCallsMessageId();
    if (answerId == 0) {
        emit problem(tr("No tool calls are waiting for results."));
        return false;
    }
    const store::MessageRecord& answer = m_messages.record(m_messages.rowForId(answerId));
    if (history.isEmpty() || history.first().role != api::Role::Assistant ||
        sortedCallIds(history.first().toolCalls) != sortedCallIds(answer.toolCalls)) {
        emit problem(tr("These results answer other tool calls than the ones waiting."));
        return false;
    }
    // One tool message per call id, sent in the calls' order whatever order they came in.
    std::vector<api::ChatMessage> results;
    for (const api::ToolCall& call : answer.toolCalls) {
        const api::ChatMessage* found = nullptr;
        for (qsizetype i = 1; i < history.size(); ++i) {
            const api::ChatMessage& m = history.at(i);
            if (m.role != api::Role::Tool || m.toolCallId != call.id)
                continue;
            if (found) {
                emit problem(tr("The tool call %1 (%2) has more than one result.").arg(call.name, call.id));
                return false;
            }
            found = &m;
        }
        if (!found) {
            emit problem(tr("The tool call %1 (%2) has no result yet.").arg(call.name, call.id));
            return false;
        }
        results.push_back(*found);
    }
    if (qsizetype(results.size()) + 1 != history.size()) {
        emit problem(tr("These results answer other tool calls than the ones waiting."));
        return false;
    }
    if (toolRoundLimitReached(answerId))
        return false;
    return continueToolLoop(answerId, results);
}

bool ConversationSession::continueToolLoop(qint64 answerId, const std::vector<api::ChatMessage>& toolMessages)
{
    // Each result is on disk before the request that carries it, chained below the answer in order.
    qint64 parentId = answerId;
    for (const api::ChatMessage& m : toolMessages) {
        store::MessageRecord tool;
        tool.conversationId = m_conversationId;
        tool.parentId = parentId;
        tool.role = api::Role::Tool;
        tool.content = m.content;
        tool.toolCallId = m.toolCallId;
        tool.toolName = m.name;
        const int row = m_toolCalls.rowForId(m.toolCallId);
        if (row >= 0 && m_toolCalls.entry(row).status == models::ToolCallListModel::Status::ErrorReturned &&
            m_toolCalls.entry(row).result == m.content)
            tool.errorKind = kToolErrorKind;
        if (m_store.appendMessage(tool) == 0) {
            emit problem(tr("The tool results could not be saved: %1").arg(m_store.database().lastError()));
            emit conversationChanged(m_conversationId);
            return false;
        }
        m_messages.appendMessage(tool);
        parentId = tool.id;
    }
    if (!startAnswer(parentId, store::ledgerkind::ToolRound)) {
        emit conversationChanged(m_conversationId);
        return false;
    }
    return true;
}

void ConversationSession::showLatestToolRound()
{
    const std::vector<store::MessageRecord>& records = m_messages.records();
    // The question's latest answer that called tools, with the results stored below it.
    int row = int(records.size()) - 1;
    for (; row >= 0; --row) {
        const store::MessageRecord& m = records[size_t(row)];
        if (m.role == api::Role::User) {
            row = -1;
            break;
        }
        if (callsTools(m) && m.state == store::MessageState::Complete)
            break;
    }
    if (row < 0) {
        if (m_toolCalls.count() > 0 || m_toolCalls.isFinal())
            m_toolCalls.clear();
        return;
    }
    const store::MessageRecord& answer = records[size_t(row)];
    std::vector<models::ToolCallListModel::StoredAnswer> answers;
    for (const api::ToolCall& call : answer.toolCalls) {
        const store::MessageRecord* result = nullptr;
        for (size_t i = size_t(row) + 1; i < records.size() && records[i].role == api::Role::Tool; ++i)
            if (records[i].toolCallId == call.id)
                result = &records[i];
        if (!result)
            break; // the answers are parallel to the calls: a prefix of them
        answers.push_back({result->errorKind == kToolErrorKind, result->content});
    }
    m_toolCalls.setTools(m_params.tools());
    m_toolCalls.load(answer.content, answer.toolCalls, answers);
}

void ConversationSession::stop()
{
    if (m_prepareGeneration != 0) {
        cancelPreparation(); // nothing was sent yet, nor will be
        return;
    }
    if (m_call.isNull())
        return;
    m_call->cancel(); // finished() follows synchronously and runs onFinished()
    // (whatever a tool round stored so far stays: the results are on disk before each request)
    if (!m_call.isNull())
        onFinished(); // it had finished already but the signal has not reached us yet
}

void ConversationSession::switchBranch(qint64 messageId, int step)
{
    if (m_conversationId == 0 || step == 0)
        return;
    if (isBusy()) {
        emit problem(tr("An answer is still arriving. Stop it first."));
        return;
    }
    if (isDeleting()) { // the siblings are about to change
        emit problem(tr("Messages are still being deleted. Try again in a moment."));
        return;
    }
    const std::vector<store::MessageRecord> siblings = m_store.siblings(messageId);
    int index = -1;
    for (size_t i = 0; i < siblings.size(); ++i)
        if (siblings[i].id == messageId)
            index = int(i);
    if (index < 0 || siblings[size_t(index)].conversationId != m_conversationId)
        return;
    const int target = std::clamp(index + step, 0, int(siblings.size()) - 1);
    if (target == index)
        return;
    // Finding the branch's leaf walks the whole chain below the sibling and the path is read back:
    // for a long conversation both take a while, so they run on the loader's thread. The choice is
    // saved when the branch arrives (onBranchLoaded); until then the old branch stays shown.
    reload(siblings[size_t(target)].id);
}

bool ConversationSession::deleteMessage(qint64 messageId)
{
    if (refuseHistoryChange())
        return false;
    const auto message = m_store.message(messageId);
    if (!message || message->conversationId != m_conversationId)
        return false;
    // Deleting thousands of replies (and their full-text index entries) takes longer than a frame: it
    // runs on the loader's connection. The rows go from the model now; onDeleted() finishes the job.
    const int row = m_messages.rowForId(messageId);
    PendingDelete pending;
    pending.conversationId = m_conversationId;
    pending.parentId = message->parentId;
    pending.rowShown = row >= 0;
    m_deletes[m_loader.deleteMessage(m_store.database().path(), messageId)] = pending;
    if (row >= 0) {
        m_messages.removeFrom(row);
        showLatestToolRound();
    }
    return true;
}

void ConversationSession::onDeleted(quint64 generation, bool ok, const QString& error)
{
    const auto it = m_deletes.find(generation);
    if (it == m_deletes.end())
        return;
    const PendingDelete pending = it->second;
    m_deletes.erase(it);
    const bool shown = pending.attached && pending.conversationId == m_conversationId;
    if (!ok) {
        emit problem(tr("The message could not be deleted: %1").arg(error));
        if (shown)
            reload(); // its rows left the screen when it was asked for: show what the database holds
        return;
    }
    if (shown) {
        // The rows above the deleted message stay as they are (their places among siblings do not
        // change). When the active branch ended in what was deleted, it now ends at the parent, which is
        // exactly those rows; otherwise (a sibling's branch took over, or a message off the path went)
        // the branch is read again through the loader.
        const auto conversation = m_store.conversation(pending.conversationId);
        if (!pending.rowShown || !conversation || conversation->currentLeafId != pending.parentId)
            reload();
        else
            showLatestToolRound();
    }
    emit conversationChanged(pending.conversationId);
    emit messagesDeleted(pending.conversationId);
}

bool ConversationSession::isOnShownBranch(qint64 messageId) const
{
    return messageId == 0 || m_messages.rowForId(messageId) >= 0;
}

// A new message just became the leaf under its parent (a regenerated answer, an edited question).
// The rows down to the parent stay; below it the new message replaces the old branch, as the newest
// (last) of its siblings. Only those siblings are read: a handful of rows, fine on this thread.
void ConversationSession::showNewLeaf(const store::MessageRecord& message)
{
    const int parentRow = message.parentId == 0 ? -1 : m_messages.rowForId(message.parentId);
    if (message.parentId != 0 && parentRow < 0) {
        reload(); // not below the branch shown (the UI never asks for that)
        return;
    }
    const int count = std::max(1, int(m_store.siblings(message.id).size()));
    if (parentRow + 1 < m_messages.rowCount())
        m_messages.removeFrom(parentRow + 1);
    m_messages.appendMessage(message, store::BranchPosition{count - 1, count});
}

void ConversationSession::reload(qint64 throughMessageId)
{
    if (m_conversationId == 0) {
        m_loader.cancel();
        m_loadGeneration = 0;
        m_messages.clear();
        return;
    }
    const QString path = m_store.database().path();
    m_loadSelectsBranch = throughMessageId != 0;
    m_loadGeneration = m_loadSelectsBranch ? m_loader.loadBranchThrough(path, throughMessageId)
                                           : m_loader.load(path, m_conversationId);
}

void ConversationSession::onBranchLoaded(quint64 generation, const store::SharedBranch& branch)
{
    if (generation != m_loadGeneration || !branch)
        return;
    m_loadGeneration = 0;
    const qint64 conversationId = m_conversationId;
    if (branch->conversationId == conversationId || branch->path.empty()) {
        if (m_loadSelectsBranch && branch->leafId != 0 &&
            !m_store.setActiveLeaf(conversationId, branch->leafId)) {
            emit problem(tr("The branch could not be selected: %1").arg(m_store.database().lastError()));
        } else if (!m_loadSelectsBranch || branch->leafId != 0) {
            // The only receiver: the records move into the model, no copy of 10,000 of them here.
            m_messages.setMessages(std::move(branch->path), std::move(branch->positions));
            showLatestToolRound();
        }
    }
    m_loadSelectsBranch = false;
    emit loaded(conversationId);
}

void ConversationSession::onLoadFailed(quint64 generation, const QString& error)
{
    if (generation != m_loadGeneration)
        return;
    m_loadGeneration = 0;
    m_loadSelectsBranch = false;
    emit problem(tr("The conversation could not be loaded: %1").arg(error));
    emit loaded(m_conversationId);
}

} // namespace ark::session
