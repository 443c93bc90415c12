#include "ConversationSession.h"

#include "media/MediaLimits.h"

#include "catalog/Catalog.h"
#include "store/UsageLedger.h"

#include <QCoreApplication>
#include <QSignalBlocker>
#include <algorithm>

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

} // namespace

ConversationSession::ConversationSession(store::ConversationStore& store, api::ChatClient& client,
                                         QObject* parent)
    : QObject(parent), m_store(store), m_client(client)
{
    connect(&m_loader, &store::HistoryLoader::loaded, this, &ConversationSession::onBranchLoaded);
    connect(&m_loader, &store::HistoryLoader::failed, this, &ConversationSession::onLoadFailed);
}

ConversationSession::~ConversationSession()
{
    // Whoever listened may be half destroyed by now; the answer is still saved, silently.
    const QSignalBlocker blocker(this);
    stop();
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
    m_conversationId = conversationId;
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

api::ExchangeLog* ConversationSession::exchangeLogFor(qint64 conversationId)
{
    std::unique_ptr<api::ExchangeLog>& log = m_exchangeLogs[conversationId];
    if (!log)
        log = std::make_unique<api::ExchangeLog>();
    return log.get();
}

void ConversationSession::close()
{
    stop();
    m_loader.cancel();
    m_loadGeneration = 0;
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
    if (!isLoading())
        return false;
    emit problem(tr("The conversation is still loading. Try again in a moment."));
    return true;
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
    m_sinceSave.start();
    m_requestKind = ledgerKind;
    m_requestModel = m_params.model;
    m_retryReasons.clear();

    const api::ChatRequest request = buildRequest();
    if (!m_unreadableAttachments.isEmpty())
        emit problem(tr("Sent without these attachments, whose files can no longer be read: %1")
                         .arg(m_unreadableAttachments.join(QStringLiteral("; "))));
    api::ChatCall* call = m_client.start(request, m_config, this);
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
    emit busyChanged(true);
    emit conversationChanged(m_conversationId);
    return true;
}

api::ChatRequest ConversationSession::buildRequest() const
{
    api::ChatRequest request;
    request.model = m_params.model;
    request.params = m_params.toChatParameters();
    request.tools = m_params.tools();
    if (!m_params.systemPrompt.trimmed().isEmpty())
        request.messages.push_back(api::ChatMessage::system(m_params.systemPrompt));
    m_unreadableAttachments.clear();
    const std::vector<store::MessageRecord>& records = m_messages.records();
    for (size_t i = 0; i < records.size(); ++i) {
        const store::MessageRecord& m = records[i];
        if (m.id == m_streamingId)
            break; // the placeholder being answered ends the history
        if (m.state == store::MessageState::Streaming)
            continue;
        if (m.errorKind == QLatin1String(kModelSwitchKind))
            continue; // a note for the person, not part of the dialogue
        api::ChatMessage message;
        message.role = m.role;
        message.content = m.content;
        message.toolCallId = m.toolCallId;
        message.name = m.toolName;
        if (!m.attachmentsJson.isEmpty()) {
            // Images and videos first, the text last: the vision guide's advice for the best answers.
            for (const media::Attachment& attachment : media::Attachment::listFromJson(m.attachmentsJson)) {
                QString error;
                if (auto part = attachment.toContentPart(m_attachments, &error))
                    message.parts.push_back(std::move(*part));
                else
                    m_unreadableAttachments
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
        request.messages.push_back(std::move(message));
    }
    return request;
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

    store::MessageRecord record;
    if (const auto stored = m_store.message(id))
        record = *stored;
    else if (const int row = m_messages.rowForId(id); row >= 0)
        record = m_messages.record(row);
    else
        record.id = id;
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
    if (m_conversationId == 0) {
        emit problem(tr("No conversation is open."));
        return false;
    }
    if (isBusy()) {
        emit problem(tr("An answer is still arriving. Stop it first."));
        return false;
    }
    if (refuseWhileLoading())
        return false;
    const auto message = m_store.message(messageId);
    if (!message || message->conversationId != m_conversationId)
        return false;
    if (!m_store.deleteMessage(messageId)) {
        emit problem(tr("The message could not be deleted: %1").arg(m_store.database().lastError()));
        return false;
    }
    // The rows above the deleted message stay as they are (their places among siblings do not change).
    // When the active branch ended in what was deleted, it now ends at the parent, which is exactly
    // those rows; otherwise (a sibling's branch took over, or a message off the path went) the branch
    // is read again through the loader.
    const int row = m_messages.rowForId(messageId);
    if (row >= 0)
        m_messages.removeFrom(row);
    const auto conversation = m_store.conversation(m_conversationId);
    if (row < 0 || !conversation || conversation->currentLeafId != message->parentId)
        reload();
    else
        showLatestToolRound();
    emit conversationChanged(m_conversationId);
    return true;
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
