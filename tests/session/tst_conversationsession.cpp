// ConversationSession end to end: a real SQLite file, the loopback Ark server and the ChatClient
// over real HTTP on 127.0.0.1. Assertions are on states (what the model and the store hold), never on
// elapsed time; waits are generous safety limits only.
#include "api/ExchangeLog.h"
#include "media/AttachmentStore.h"
#include "session/ConversationSession.h"
#include "support/ApiFixtures.h"
#include "support/LoopbackServer.h"

#include <QBuffer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <nlohmann/json.hpp>

using ark::models::MessageListModel;
using ark::session::ConversationParams;
using ark::session::ConversationSession;
using namespace ark;
namespace ts = ark::testsupport;

namespace {

constexpr int kWaitMs = 15000; // a safety limit, not an expectation
const QString kTestKey = QStringLiteral("test-key-loopback-0000");

using ts::bodyOf;
using ts::str;

// role + content of every message of a request, e.g. "user:Hello".
QStringList messageLines(const nlohmann::json& body)
{
    QStringList lines;
    for (const auto& m : body.at("messages"))
        lines << str(m.value("role", nlohmann::json())) + QLatin1Char(':') +
                     str(m.value("content", nlohmann::json()));
    return lines;
}

QStringList contents(const MessageListModel& model)
{
    QStringList list;
    for (const store::MessageRecord& m : model.records())
        list << m.content;
    return list;
}

// Content chunks then a stall: the answer stays open until the client gives up or is stopped.
ts::ScriptedResponse stalledAnswer(const QStringList& pieces, int delayMs = 0)
{
    ts::ScriptedResponse r = ts::ScriptedResponse::sse({}, false);
    for (const QString& piece : pieces) {
        if (delayMs > 0)
            r.steps.push_back(ts::Step::delay(delayMs));
        r.steps.push_back(ts::Step::write("data: " + ts::chunks::content(piece) + "\n\n"));
    }
    r.steps.push_back(ts::Step::stall());
    return r;
}

// open() and switchBranch() read the branch on the loader's thread: wait for loaded().
bool waitLoaded(ConversationSession& session)
{
    if (!session.isLoading())
        return true;
    QSignalSpy loaded(&session, &ConversationSession::loaded);
    return loaded.wait(kWaitMs) && !session.isLoading();
}

ts::ScriptedResponse scriptedAnswer(const QString& text)
{
    return ts::ScriptedResponse::sse(
        {ts::chunks::content(text), ts::chunks::finish("stop"), ts::chunks::usageOnly(3, 2)});
}

} // namespace

class TestConversationSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sendStreamsAnswerIntoModelAndStore();
    void attachmentsGoWithTheQuestionInEveryRequest();
    void anOversizedRequestIsRefusedBeforeAnythingIsStored();
    void userMessageIsStoredBeforeTheRequest();
    void reasoningIsKeptButNeverSentBack();
    void thinkTagReasoningTimeIsStored();
    void thinkingControlsGoWithEachRequest_data();
    void thinkingControlsGoWithEachRequest();
    void failedEmptyAnswersAreLeftOutOfHistory();
    void stopKeepsPartialAnswer();
    void droppedStreamIsInterrupted();
    void badKeyFails();
    void regenerateAndSwitchBranch();
    void editAndResendKeepsOldBranch();
    void savesWhileStreaming();
    void doesNotSaveOnEveryDelta();
    void cannotStartWithoutKeyOrConversation();
    void refusesWhileBusy();
    void destructorSavesRunningAnswer();
    void openLoadsParamsAndActiveBranch();
    void deleteMessageReloads();
    void openIsAsynchronousAndRefusesWhileLoading();
    void aStaleOpenIsDropped();
    void switchingBranchOnALongPathGoesThroughTheLoader();
    void deletingTheShownBranchShowsTheNextOne();
    void deprecationIsForwarded();
    void titleComesFromFirstQuestion_data();
    void titleComesFromFirstQuestion();
    void onlyTheLatestConversationsKeepTheirExchangeLogs();
    void notesAreTheModelSwitchAndGeneratedImage_data();
    void notesAreTheModelSwitchAndGeneratedImage();

private:
    qint64 newConversation(const QString& model, const QString& title = ConversationSession::defaultTitle());
    std::unique_ptr<ConversationSession> makeSession();
    bool waitForAnswer(QSignalSpy& finished);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::ConversationStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<api::ChatClient> m_client;
    std::unique_ptr<ts::LoopbackServer> m_server;
    std::unique_ptr<ConversationSession> m_session;
};

void TestConversationSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<store::Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("conversations.sqlite3")), &error), qPrintable(error));
    m_store = std::make_unique<store::ConversationStore>(*m_db);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<api::ChatClient>(m_nam.get());
    m_server = std::make_unique<ts::LoopbackServer>();
    QVERIFY(m_server->listen());
    m_session = makeSession();
}

void TestConversationSession::cleanup()
{
    m_session.reset();
    m_server.reset();
    m_client.reset();
    m_nam.reset();
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<ConversationSession> TestConversationSession::makeSession()
{
    auto session = std::make_unique<ConversationSession>(*m_store, *m_client);
    session->setEndpoint(m_server->baseUrl(), kTestKey);
    api::ClientConfig config;
    config.baseUrl = QUrl();
    config.retry.maxRetries = 0; // a failure is the answer under test, not something to wait out
    session->setClientConfig(config);
    return session;
}

qint64 TestConversationSession::newConversation(const QString& model, const QString& title)
{
    const store::ConversationRecord c = m_store->createConversation(title, model);
    if (c.id == 0 || !m_session->open(c.id))
        return 0;
    return c.id;
}

bool TestConversationSession::waitForAnswer(QSignalSpy& finished)
{
    return finished.count() > 0 || finished.wait(kWaitMs);
}

void TestConversationSession::attachmentsGoWithTheQuestionInEveryRequest()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    // A real PNG in a real content-hash store, as ImagePreparer leaves it.
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray png;
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG"));
    media::AttachmentStore files(m_dir->filePath(QStringLiteral("attachments")));
    media::Attachment attachment;
    attachment.kind = media::MediaKind::Image;
    attachment.mime = QStringLiteral("image/png");
    attachment.hash = media::AttachmentStore::hashOf(png);
    attachment.storedPath = files.store(png, attachment.mime);
    QVERIFY(!attachment.storedPath.isEmpty());
    attachment.byteSize = png.size();
    attachment.pixelSize = image.size();
    attachment.detail = QStringLiteral("low");
    attachment.originalName = QStringLiteral("chart.png");
    m_session->setAttachmentStore(&files);

    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("What is in this picture?"), {attachment}));
    QVERIFY(waitForAnswer(finished));
    const auto expectParts = [&](const nlohmann::json& message) {
        const auto& content = message.at("content");
        QVERIFY(content.is_array());
        QCOMPARE(int(content.size()), 2);
        QCOMPARE(str(content[0].at("type")), QStringLiteral("image_url"));
        const QString url = str(content[0].at("image_url").at("url"));
        QVERIFY(url.startsWith(QStringLiteral("data:image/png;base64,")));
        QCOMPARE(QByteArray::fromBase64(url.mid(url.indexOf(QLatin1Char(',')) + 1).toLatin1()), png);
        QCOMPARE(str(content[0].at("image_url").at("detail")), QStringLiteral("low"));
        QCOMPARE(str(content[1].at("type")), QStringLiteral("text")); // the text last, as the guide advises
        QCOMPARE(str(content[1].at("text")), QStringLiteral("What is in this picture?"));
    };
    expectParts(bodyOf(m_server->requests().last()).at("messages").at(0));
    if (QTest::currentTestFailed())
        return;

    // Stored with the message, and sent again with the next question (the API is stateless).
    QCOMPARE(media::Attachment::listFromJson(m_store->activePath(id).front().attachmentsJson).size(), 1);
    finished.clear();
    QVERIFY(m_session->send(QStringLiteral("And the colour?")));
    QVERIFY(waitForAnswer(finished));
    const auto body = bodyOf(m_server->requests().last());
    expectParts(body.at("messages").at(0));
    QCOMPARE(str(body.at("messages").at(2).at("content")), QStringLiteral("And the colour?"));
}

void TestConversationSession::anOversizedRequestIsRefusedBeforeAnythingIsStored()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    media::Attachment video;
    video.kind = media::MediaKind::Video;
    video.mime = QStringLiteral("video/mp4");
    video.hash = QString(64, QLatin1Char('a'));
    video.byteSize = 49'000'000; // 65.3 MB as base64: over the 64 MB body limit
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    const int requestsBefore = m_server->requests().size();
    QVERIFY(!m_session->send(QStringLiteral("Describe it"), {video}));
    QCOMPARE(problems.count(), 1);
    QVERIFY(problems.first().at(0).toString().contains(QStringLiteral("64")));
    QVERIFY(m_store->activePath(id).empty());
    QCOMPARE(m_server->requests().size(), requestsBefore);
}

void TestConversationSession::sendStreamsAnswerIntoModelAndStore()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    ConversationParams params = m_session->params();
    QCOMPARE(params.model, QStringLiteral("loopback-echo"));
    params.systemPrompt = QStringLiteral("Be brief.");
    params.temperature = 0.25;
    m_session->setParams(params);

    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QSignalSpy busy(m_session.get(), &ConversationSession::busyChanged);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QVERIFY(m_session->send(QStringLiteral("Hello there")));
    QVERIFY(m_session->isBusy());
    const qint64 answerId = m_session->streamingMessageId();
    QVERIFY(answerId > 0);
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(problems.count(), 0);
    QCOMPARE(finished.first().at(0).toLongLong(), answerId);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(!m_session->isBusy());
    QCOMPARE(m_session->streamingMessageId(), 0);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);

    // The model.
    const MessageListModel& model = *m_session->messages();
    QCOMPARE(contents(model),
             (QStringList{QStringLiteral("Hello there"), QStringLiteral("Echo: Hello there")}));
    QCOMPARE(model.record(1).id, answerId);
    QCOMPARE(model.data(model.index(1), MessageListModel::StateRole).toInt(),
             int(store::MessageState::Complete));
    QCOMPARE(model.data(model.index(1), MessageListModel::IsStreamingRole).toBool(), false);

    // The store: exact content, state, usage (the loopback tokenizer: "Be brief." = 3 tokens,
    // "Hello there" = 2; "Echo: Hello there" = 4).
    const std::vector<store::MessageRecord> path = m_store->activePath(id);
    QCOMPARE(int(path.size()), 2);
    QCOMPARE(path[0].role, api::Role::User);
    QCOMPARE(path[0].content, QStringLiteral("Hello there"));
    const store::MessageRecord& answer = path[1];
    QCOMPARE(answer.id, answerId);
    QCOMPARE(answer.parentId, path[0].id);
    QCOMPARE(answer.role, api::Role::Assistant);
    QCOMPARE(answer.content, QStringLiteral("Echo: Hello there"));
    QCOMPARE(answer.state, store::MessageState::Complete);
    QVERIFY(answer.usage.present);
    QCOMPARE(answer.usage.promptTokens, 5);
    QCOMPARE(answer.usage.completionTokens, 4);
    QCOMPARE(answer.model, QStringLiteral("loopback-echo"));
    QCOMPARE(answer.finishReason, QStringLiteral("stop"));
    QVERIFY(!answer.requestId.isEmpty());
    QVERIFY(answer.ttftMs >= 0);
    QVERIFY(answer.totalMs >= answer.ttftMs);
    QCOMPARE(answer.reasoningMs, -1); // no reasoning in this answer
    QVERIFY(answer.errorKind.isEmpty());
    QCOMPARE(model.data(model.index(1), MessageListModel::PromptTokensRole).toLongLong(), 5);

    // The title came from the question.
    QCOMPARE(m_store->conversation(id)->title, QStringLiteral("Hello there"));

    // The request: system prompt first, then the question; the conversation's parameters.
    QCOMPARE(m_server->requests().size(), 1);
    const ts::RecordedRequest& request = m_server->requests().first();
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + kTestKey.toUtf8());
    const nlohmann::json body = bodyOf(request);
    QCOMPARE(messageLines(body),
             (QStringList{QStringLiteral("system:Be brief."), QStringLiteral("user:Hello there")}));
    QCOMPARE(body.at("model").get<std::string>(), std::string("loopback-echo"));
    QCOMPARE(body.at("temperature").get<double>(), 0.25);
    QCOMPARE(body.at("stream").get<bool>(), true);
}

void TestConversationSession::userMessageIsStoredBeforeTheRequest()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    bool checked = false;
    QString storedQuestion;
    store::MessageState placeholderState = store::MessageState::Complete;
    connect(m_server.get(), &ts::LoopbackServer::requestReceived, this, [&](const ts::RecordedRequest&) {
        // Read through the store while the server holds the request and has not answered yet.
        const std::vector<store::MessageRecord> path = m_store->activePath(id);
        checked = true;
        if (path.size() == 2) {
            storedQuestion = path[0].content;
            placeholderState = path[1].state;
        }
    });
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Is it saved?")));
    QVERIFY(waitForAnswer(finished));
    QVERIFY(checked);
    QCOMPARE(storedQuestion, QStringLiteral("Is it saved?"));
    QCOMPARE(placeholderState, store::MessageState::Streaming);
}

void TestConversationSession::reasoningIsKeptButNeverSentBack()
{
    const qint64 id = newConversation(QStringLiteral("loopback-reasoning"));
    QVERIFY(id > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("What is the answer?")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(finished.first().at(1).toBool(), true);

    const store::MessageRecord first = *m_store->message(finished.first().at(0).toLongLong());
    QCOMPARE(first.content, QStringLiteral("The answer is 42."));
    QCOMPARE(first.reasoning, QStringLiteral("Let me think about this."));
    QVERIFY(first.reasoningMs >= 0);
    QVERIFY(first.usage.reasoningTokens > 0);
    QCOMPARE(m_session->messages()
                 ->data(m_session->messages()->index(1), MessageListModel::ReasoningRole)
                 .toString(),
             QStringLiteral("Let me think about this."));

    // The follow-up sends the earlier answer's content, never its reasoning (the server would answer
    // 400 if it did).
    QVERIFY(m_session->send(QStringLiteral("Why?")));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.last().at(1).toBool(), true);
    const nlohmann::json body = bodyOf(m_server->requests().last());
    QCOMPARE(messageLines(body),
             (QStringList{QStringLiteral("user:What is the answer?"),
                          QStringLiteral("assistant:The answer is 42."), QStringLiteral("user:Why?")}));
    for (const auto& m : body.at("messages"))
        QVERIFY(!m.contains("reasoning_content"));
    QCOMPARE(int(m_store->activePath(id).size()), 4);
}

// Reasoning inside <think> tags arrives as content: only the message model sees where it ends, and
// that measurement is what gets stored.
void TestConversationSession::thinkTagReasoningTimeIsStored()
{
    QVERIFY(newConversation(QStringLiteral("loopback-think-tags")) > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Think first")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(finished.first().at(1).toBool(), true);
    const qint64 answerId = finished.first().at(0).toLongLong();
    const store::MessageRecord stored = *m_store->message(answerId);
    QVERIFY(stored.reasoningMs >= 0);
    QCOMPARE(stored.reasoningMs, m_session->messages()->measuredReasoningMs(answerId));
    QCOMPARE(m_session->messages()
                 ->data(m_session->messages()->index(1), MessageListModel::ReasoningMsRole)
                 .toLongLong(),
             stored.reasoningMs);
}

void TestConversationSession::thinkingControlsGoWithEachRequest_data()
{
    QTest::addColumn<int>("mode"); // api::ThinkingMode
    QTest::addColumn<int>("maxCompletionTokens");
    QTest::addColumn<QString>("expectedReasoning");
    QTest::newRow("not sent") << int(api::ThinkingMode::Unset) << 0
                              << QStringLiteral("Let me think about this.");
    QTest::newRow("disabled") << int(api::ThinkingMode::Disabled) << 0 << QString();
    QTest::newRow("enabled with a completion budget")
        << int(api::ThinkingMode::Enabled) << 1024 << QStringLiteral("Let me think about this.");
    QTest::newRow("auto") << int(api::ThinkingMode::Auto) << 0 << QStringLiteral("Let me think about this.");
}

void TestConversationSession::thinkingControlsGoWithEachRequest()
{
    QFETCH(int, mode);
    QFETCH(int, maxCompletionTokens);
    QFETCH(QString, expectedReasoning);
    QVERIFY(newConversation(QStringLiteral("loopback-reasoning")) > 0);
    ConversationParams params = m_session->params();
    params.thinking = api::ThinkingMode(mode);
    params.maxTokens = 100; // never sent together with max_completion_tokens
    if (maxCompletionTokens > 0)
        params.maxCompletionTokens = maxCompletionTokens;
    m_session->setParams(params);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Question")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(finished.first().at(1).toBool(), true);

    const nlohmann::json body = bodyOf(m_server->requests().last());
    if (mode == int(api::ThinkingMode::Unset)) {
        QVERIFY(!body.contains("thinking"));
    } else {
        QVERIFY(body.contains("thinking"));
        QCOMPARE(str(body.at("thinking").at("type")), api::thinkingModeName(api::ThinkingMode(mode)));
    }
    QCOMPARE(body.contains("max_completion_tokens"), maxCompletionTokens > 0);
    QCOMPARE(body.contains("max_tokens"), maxCompletionTokens == 0);
    QCOMPARE(m_session->messages()->records().back().reasoning, expectedReasoning);
}

void TestConversationSession::failedEmptyAnswersAreLeftOutOfHistory()
{
    const qint64 id = newConversation(QStringLiteral("loopback-badkey"));
    QVERIFY(id > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("first")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(finished.last().at(1).toBool(), false);

    ConversationParams params = m_session->params();
    params.model = QStringLiteral("loopback-echo");
    m_session->setParams(params);
    QCOMPARE(m_store->conversation(id)->model, QStringLiteral("loopback-echo"));
    QVERIFY(m_session->send(QStringLiteral("second")));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.last().at(1).toBool(), true);
    QCOMPARE(messageLines(bodyOf(m_server->requests().last())),
             (QStringList{QStringLiteral("user:first"), QStringLiteral("user:second")}));
    // It is still there for the person to see (and retry).
    QCOMPARE(int(m_store->activePath(id).size()), 4);
    QCOMPARE(m_session->messages()->record(1).state, store::MessageState::Failed);
}

void TestConversationSession::stopKeepsPartialAnswer()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_server->enqueue("/chat/completions",
                      stalledAnswer({QStringLiteral("Partial "), QStringLiteral("answer")}));
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Tell me a long story")));
    const qint64 answerId = m_session->streamingMessageId();
    const MessageListModel& model = *m_session->messages();
    QTRY_COMPARE_WITH_TIMEOUT(model.record(1).content, QStringLiteral("Partial answer"), kWaitMs);
    QVERIFY(m_session->isBusy());

    m_session->stop();
    QCOMPARE(finished.count(), 1); // at once: stop() does not wait for the network
    QCOMPARE(finished.first().at(0).toLongLong(), answerId);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(!m_session->isBusy());

    QCOMPARE(model.record(1).content, QStringLiteral("Partial answer"));
    QCOMPARE(model.record(1).state, store::MessageState::Interrupted);
    QCOMPARE(model.data(model.index(1), MessageListModel::ErrorKindRole).toString(),
             QStringLiteral("cancelled"));
    const store::MessageRecord stored = *m_store->message(answerId);
    QCOMPARE(stored.content, QStringLiteral("Partial answer"));
    QCOMPARE(stored.state, store::MessageState::Interrupted);
    QCOMPARE(stored.errorKind, QStringLiteral("cancelled"));
    QVERIFY(!stored.errorMessage.isEmpty());
    QCOMPARE(stored.model, QStringLiteral("doubao-seed-1-6-250615")); // what the server said answered
    m_session->stop();                                                // nothing running: no effect
    QCOMPARE(finished.count(), 1);
}

void TestConversationSession::droppedStreamIsInterrupted()
{
    const qint64 id = newConversation(QStringLiteral("loopback-drop"));
    QVERIFY(id > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Once?")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(finished.first().at(1).toBool(), false);

    const store::MessageRecord stored = *m_store->message(finished.first().at(0).toLongLong());
    QCOMPARE(stored.state, store::MessageState::Interrupted);
    QCOMPARE(stored.content, QStringLiteral("Once upon a"));
    QCOMPARE(stored.errorKind, api::errorKindName(api::ErrorKind::StreamBroken));
    QVERIFY(!stored.errorMessage.isEmpty());
    QVERIFY(!stored.requestId.isEmpty());
    const MessageListModel& model = *m_session->messages();
    QCOMPARE(model.record(1).content, QStringLiteral("Once upon a"));
    QCOMPARE(model.data(model.index(1), MessageListModel::ErrorMessageRole).toString(), stored.errorMessage);
    QCOMPARE(model.data(model.index(1), MessageListModel::RequestIdRole).toString(), stored.requestId);
}

void TestConversationSession::badKeyFails()
{
    const qint64 id = newConversation(QStringLiteral("loopback-badkey"));
    QVERIFY(id > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("hello")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(finished.first().at(1).toBool(), false);

    const store::MessageRecord stored = *m_store->message(finished.first().at(0).toLongLong());
    QCOMPARE(stored.state, store::MessageState::Failed);
    QVERIFY(stored.content.isEmpty());
    QCOMPARE(stored.errorKind, QStringLiteral("authentication"));
    QCOMPARE(stored.errorStatus, 401);
    QCOMPARE(stored.errorCode, QStringLiteral("AuthenticationError"));
    QVERIFY2(stored.errorMessage.contains(QLatin1String("API key")), qPrintable(stored.errorMessage));
    QVERIFY(!stored.requestId.isEmpty());
    const MessageListModel& model = *m_session->messages();
    QCOMPARE(model.record(1).state, store::MessageState::Failed);
    QCOMPARE(model.data(model.index(1), MessageListModel::ErrorMessageRole).toString(), stored.errorMessage);
}

void TestConversationSession::regenerateAndSwitchBranch()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_server->enqueue("/chat/completions", scriptedAnswer(QStringLiteral("First answer")));
    m_server->enqueue("/chat/completions", scriptedAnswer(QStringLiteral("Second answer")));
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Question")));
    QVERIFY(waitForAnswer(finished));
    const qint64 first = finished.last().at(0).toLongLong();

    QVERIFY(m_session->regenerate(first));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.last().at(1).toBool(), true);
    const qint64 second = finished.last().at(0).toLongLong();
    QVERIFY(second != first);

    // The regenerated request holds the question only, not the earlier answer.
    QCOMPARE(messageLines(bodyOf(m_server->requests().last())),
             (QStringList{QStringLiteral("user:Question")}));

    const MessageListModel& model = *m_session->messages();
    QCOMPARE(contents(model), (QStringList{QStringLiteral("Question"), QStringLiteral("Second answer")}));
    QCOMPARE(model.data(model.index(1), MessageListModel::BranchCountRole).toInt(), 2);
    QCOMPARE(model.data(model.index(1), MessageListModel::BranchIndexRole).toInt(), 1);
    QCOMPARE(int(m_store->siblings(first).size()), 2);
    QCOMPARE(m_store->message(second)->parentId, m_store->message(first)->parentId);

    m_session->switchBranch(second, -1);
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(contents(model), (QStringList{QStringLiteral("Question"), QStringLiteral("First answer")}));
    QCOMPARE(model.data(model.index(1), MessageListModel::BranchIndexRole).toInt(), 0);
    QCOMPARE(m_store->conversation(id)->currentLeafId, first);

    m_session->switchBranch(first, -1); // already the first: stays
    QVERIFY(!m_session->isLoading());
    QCOMPARE(model.record(1).id, first);
    m_session->switchBranch(first, +5); // bounded: the last one
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(model.record(1).id, second);
    QCOMPARE(model.data(model.index(1), MessageListModel::BranchIndexRole).toInt(), 1);
}

void TestConversationSession::editAndResendKeepsOldBranch()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("one")));
    QVERIFY(waitForAnswer(finished));
    QVERIFY(m_session->send(QStringLiteral("two")));
    QVERIFY(finished.wait(kWaitMs));
    const MessageListModel& model = *m_session->messages();
    const qint64 two = model.record(2).id;

    QVERIFY(m_session->editAndResend(two, QStringLiteral("deux")));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(finished.last().at(1).toBool(), true);
    QCOMPARE(contents(model), (QStringList{QStringLiteral("one"), QStringLiteral("Echo: one"),
                                           QStringLiteral("deux"), QStringLiteral("Echo: deux")}));
    const qint64 deux = model.record(2).id;
    QVERIFY(deux != two);
    QCOMPARE(model.record(2).parentId, model.record(1).id);
    QCOMPARE(model.data(model.index(2), MessageListModel::BranchCountRole).toInt(), 2);
    QCOMPARE(model.data(model.index(2), MessageListModel::BranchIndexRole).toInt(), 1);
    QCOMPARE(messageLines(bodyOf(m_server->requests().last())),
             (QStringList{QStringLiteral("user:one"), QStringLiteral("assistant:Echo: one"),
                          QStringLiteral("user:deux")}));

    // The old branch, with its own answer, is still reachable.
    m_session->switchBranch(deux, -1);
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(contents(model), (QStringList{QStringLiteral("one"), QStringLiteral("Echo: one"),
                                           QStringLiteral("two"), QStringLiteral("Echo: two")}));
    QCOMPARE(model.data(model.index(2), MessageListModel::BranchIndexRole).toInt(), 0);
    m_session->switchBranch(two, +1);
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(model.record(3).content, QStringLiteral("Echo: deux"));
    QCOMPARE(int(m_store->allMessages(id).size()), 6);
}

void TestConversationSession::savesWhileStreaming()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_session->setSaveIntervalMs(50);
    // Pieces 150 ms apart (far more than the save interval), then the stream stays open, so the
    // checks below see the answer while it is still streaming.
    m_server->enqueue("/chat/completions", stalledAnswer({QStringLiteral("Saved "), QStringLiteral("while "),
                                                          QStringLiteral("streaming")},
                                                         150));
    QVERIFY(m_session->send(QStringLiteral("Go")));
    const qint64 answerId = m_session->streamingMessageId();
    QTRY_COMPARE_WITH_TIMEOUT(m_store->message(answerId)->content, QStringLiteral("Saved while streaming"),
                              kWaitMs);
    const store::MessageRecord stored = *m_store->message(answerId);
    QCOMPARE(stored.state, store::MessageState::Streaming); // partial: saved before the end
    QVERIFY(m_session->isBusy());

    // A crash now would lose nothing: a restart turns it into an interrupted answer.
    QCOMPARE(m_store->markInterruptedStreams(), 1);
    QCOMPARE(m_store->message(answerId)->content, QStringLiteral("Saved while streaming"));
    m_session->stop();
    QCOMPARE(m_store->message(answerId)->state, store::MessageState::Interrupted);
}

void TestConversationSession::doesNotSaveOnEveryDelta()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_session->setSaveIntervalMs(24 * 3600 * 1000);
    m_server->enqueue("/chat/completions",
                      stalledAnswer({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QVERIFY(m_session->send(QStringLiteral("Go")));
    const qint64 answerId = m_session->streamingMessageId();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->messages()->record(1).content, QStringLiteral("abc"), kWaitMs);
    // Within the interval the store still holds the empty placeholder...
    QCOMPARE(m_store->message(answerId)->content, QString());
    // ...and the end saves everything.
    m_session->stop();
    QCOMPARE(m_store->message(answerId)->content, QStringLiteral("abc"));
}

void TestConversationSession::cannotStartWithoutKeyOrConversation()
{
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    // No conversation open.
    QVERIFY(!m_session->send(QStringLiteral("hello")));
    QCOMPARE(problems.count(), 1);
    QVERIFY(!problems.last().at(0).toString().isEmpty());

    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_session->setEndpoint(m_server->baseUrl(), QString());
    QVERIFY(!m_session->hasApiKey());
    QVERIFY(!m_session->send(QStringLiteral("hello")));
    QCOMPARE(problems.count(), 2);
    QVERIFY(problems.last().at(0).toString().contains(QLatin1String("API key")));
    QVERIFY(!m_session->regenerate(1));
    QVERIFY(!m_session->editAndResend(1, QStringLiteral("x")));
    QCOMPARE(problems.count(), 4);
    QVERIFY(!m_session->isBusy());
    QVERIFY(m_store->activePath(id).empty()); // nothing stored
    QCOMPARE(m_session->messages()->rowCount(), 0);
    QVERIFY(m_server->requests().isEmpty()); // nothing sent

    // An empty message is not sent either.
    m_session->setEndpoint(m_server->baseUrl(), kTestKey);
    QVERIFY(!m_session->send(QStringLiteral("   ")));
    QCOMPARE(problems.count(), 5);
    QVERIFY(m_store->activePath(id).empty());

    m_session->close();
    QCOMPARE(m_session->conversationId(), 0);
    QVERIFY(!m_session->send(QStringLiteral("hello")));
    QCOMPARE(problems.count(), 6);
}

void TestConversationSession::refusesWhileBusy()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_server->enqueue("/chat/completions", stalledAnswer({QStringLiteral("busy")}));
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QVERIFY(m_session->send(QStringLiteral("first")));
    QVERIFY(!m_session->send(QStringLiteral("second")));
    const qint64 answerId = m_session->streamingMessageId();
    QVERIFY(!m_session->deleteMessage(answerId));
    QCOMPARE(problems.count(), 2);
    QCOMPARE(int(m_store->activePath(id).size()), 2);
    m_session->stop();
}

void TestConversationSession::destructorSavesRunningAnswer()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_server->enqueue("/chat/completions",
                      stalledAnswer({QStringLiteral("Half a "), QStringLiteral("thought")}));
    QVERIFY(m_session->send(QStringLiteral("Go")));
    const qint64 answerId = m_session->streamingMessageId();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->messages()->record(1).content, QStringLiteral("Half a thought"),
                              kWaitMs);
    m_session.reset();
    const store::MessageRecord stored = *m_store->message(answerId);
    QCOMPARE(stored.state, store::MessageState::Interrupted);
    QCOMPARE(stored.content, QStringLiteral("Half a thought"));
    QCOMPARE(stored.errorKind, QStringLiteral("cancelled"));
}

void TestConversationSession::openLoadsParamsAndActiveBranch()
{
    const store::ConversationRecord c =
        m_store->createConversation(QStringLiteral("Saved"), QStringLiteral("loopback-echo"));
    ConversationParams stored;
    stored.temperature = 0.3;
    stored.maxTokens = 64;
    stored.thinking = api::ThinkingMode::Disabled;
    QVERIFY(m_store->updateSettings(c.id, QStringLiteral("loopback-echo"), QStringLiteral("You are terse."),
                                    stored.toJson()));
    QVERIFY(m_session->open(c.id));
    QCOMPARE(m_session->conversationId(), c.id);
    const ConversationParams params = m_session->params();
    QCOMPARE(params.model, QStringLiteral("loopback-echo"));
    QCOMPARE(params.systemPrompt, QStringLiteral("You are terse."));
    QCOMPARE(params.temperature, std::optional<double>(0.3));
    QCOMPARE(params.maxTokens, std::optional<int>(64));

    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("hi")));
    QVERIFY(waitForAnswer(finished));
    QVERIFY(m_session->regenerate(finished.last().at(0).toLongLong()));
    QVERIFY(finished.wait(kWaitMs));
    const nlohmann::json body = bodyOf(m_server->requests().last());
    QCOMPARE(body.at("max_tokens").get<int>(), 64);
    QCOMPARE(body.at("thinking").at("type").get<std::string>(), std::string("disabled"));
    QCOMPARE(m_store->conversation(c.id)->title, QStringLiteral("Saved")); // a real title is kept
    const qint64 latestAnswer = m_session->messages()->record(1).id;
    m_session->switchBranch(latestAnswer, -1);
    QVERIFY(waitLoaded(*m_session));
    const qint64 shown = m_session->messages()->record(1).id;

    // Another session (the app restarted) opens the same branch, with its n/m counts.
    auto other = makeSession();
    QVERIFY(other->open(c.id));
    QCOMPARE(other->conversationId(), c.id);
    QCOMPARE(other->params(), m_session->params()); // known at once, before the messages
    QVERIFY(waitLoaded(*other));
    QCOMPARE(other->messages()->rowCount(), 2);
    QCOMPARE(other->messages()->record(1).id, shown);
    QCOMPARE(other->messages()->data(other->messages()->index(1), MessageListModel::BranchCountRole).toInt(),
             2);
    QCOMPARE(other->params(), m_session->params());

    QSignalSpy problems(other.get(), &ConversationSession::problem);
    QVERIFY(!other->open(987654));
    QCOMPARE(problems.count(), 1);
}

void TestConversationSession::deleteMessageReloads()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("one")));
    QVERIFY(waitForAnswer(finished));
    QVERIFY(m_session->send(QStringLiteral("two")));
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(m_session->messages()->rowCount(), 4);
    QSignalSpy changed(m_session.get(), &ConversationSession::conversationChanged);
    QSignalSpy deleted(m_session.get(), &ConversationSession::messagesDeleted);
    QVERIFY(m_session->deleteMessage(m_session->messages()->record(2).id));
    // The rows leave the model at once; the database rows go on the loader's connection.
    QCOMPARE(contents(*m_session->messages()),
             (QStringList{QStringLiteral("one"), QStringLiteral("Echo: one")}));
    QVERIFY(m_session->isDeleting());
    QCOMPARE(deleted.count(), 0);
    QVERIFY(deleted.wait(kWaitMs));
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.first().at(0).toLongLong(), id);
    QVERIFY(!m_session->isDeleting());
    QVERIFY(!m_session->isLoading()); // the branch ended in what went: the rows shown are right
    QCOMPARE(contents(*m_session->messages()),
             (QStringList{QStringLiteral("one"), QStringLiteral("Echo: one")}));
    QCOMPARE(int(m_store->allMessages(id).size()), 2);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!m_session->deleteMessage(123456)); // unknown
}

void TestConversationSession::openIsAsynchronousAndRefusesWhileLoading()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    QVERIFY(!m_session->isLoading()); // an empty conversation is ready when open() returns
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("one")));
    QVERIFY(waitForAnswer(finished));
    const qint64 answer = m_session->messages()->record(1).id;
    const qint64 question = m_session->messages()->record(0).id;

    auto other = makeSession();
    QSignalSpy loaded(other.get(), &ConversationSession::loaded);
    QSignalSpy problems(other.get(), &ConversationSession::problem);
    QVERIFY(other->open(id));
    QVERIFY(other->isLoading());
    QCOMPARE(other->messages()->rowCount(), 0); // nothing is shown until the branch arrives
    // What builds on the messages shown waits; each refusal says why.
    QVERIFY(!other->send(QStringLiteral("too early")));
    QVERIFY(!other->regenerate(answer));
    QVERIFY(!other->editAndResend(question, QStringLiteral("too early")));
    QVERIFY(!other->deleteMessage(answer));
    QCOMPARE(problems.count(), 4);
    for (const auto& problem : problems)
        QVERIFY(problem.at(0).toString().contains(QLatin1String("loading")));
    QCOMPARE(int(m_store->allMessages(id).size()), 2); // nothing was stored or deleted
    QCOMPARE(m_server->requests().size(), 1);

    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().at(0).toLongLong(), id);
    QVERIFY(!other->isLoading());
    QCOMPARE(contents(*other->messages()), (QStringList{QStringLiteral("one"), QStringLiteral("Echo: one")}));
    QSignalSpy otherFinished(other.get(), &ConversationSession::requestFinished);
    QVERIFY(other->send(QStringLiteral("two")));
    QVERIFY(waitForAnswer(otherFinished));
    QCOMPARE(messageLines(bodyOf(m_server->requests().last())),
             (QStringList{QStringLiteral("user:one"), QStringLiteral("assistant:Echo: one"),
                          QStringLiteral("user:two")}));

    // close() while loading: nothing arrives afterwards.
    QVERIFY(other->open(id));
    QVERIFY(other->isLoading());
    other->close();
    QVERIFY(!other->isLoading());
    QVERIFY(!loaded.wait(300));
    QCOMPARE(other->messages()->rowCount(), 0);
    QCOMPARE(other->conversationId(), 0);
}

void TestConversationSession::aStaleOpenIsDropped()
{
    // Two conversations with messages, opened one after the other before either arrives.
    std::vector<qint64> ids;
    for (const QString& text :
         {QStringLiteral("first conversation"), QStringLiteral("second conversation")}) {
        const store::ConversationRecord c = m_store->createConversation(text, QStringLiteral("m"));
        store::MessageRecord m;
        m.conversationId = c.id;
        m.content = text;
        QVERIFY(m_store->appendMessage(m) > 0);
        ids.push_back(c.id);
    }
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QStringList shown; // every branch the model was given
    connect(m_session->messages(), &QAbstractItemModel::modelReset, this, [&] {
        if (m_session->messages()->rowCount() > 0)
            shown << contents(*m_session->messages()).join(QLatin1Char('|'));
    });
    for (int i = 0; i < 10; ++i)
        QVERIFY(m_session->open(ids[size_t(i % 2)]));
    QVERIFY(m_session->open(ids[0]));
    QVERIFY(loaded.wait(kWaitMs));
    QVERIFY(!loaded.wait(300)); // the earlier loads never arrive, however late
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().at(0).toLongLong(), ids[0]);
    QCOMPARE(m_session->conversationId(), ids[0]);
    QCOMPARE(contents(*m_session->messages()), QStringList{QStringLiteral("first conversation")});
    QCOMPARE(shown, QStringList{QStringLiteral("first conversation")}); // never the stale one
    disconnect(m_session->messages(), &QAbstractItemModel::modelReset, this, nullptr);
}

void TestConversationSession::switchingBranchOnALongPathGoesThroughTheLoader()
{
    // A question answered twice; below the first answer runs a long chain.
    const store::ConversationRecord c =
        m_store->createConversation(QStringLiteral("Long"), QStringLiteral("m"));
    auto add = [&](qint64 parent, api::Role role, const QString& text) {
        store::MessageRecord m;
        m.conversationId = c.id;
        m.parentId = parent;
        m.role = role;
        m.content = text;
        return m_store->appendMessage(m);
    };
    const qint64 question = add(0, api::Role::User, QStringLiteral("Question"));
    const qint64 longAnswer = add(question, api::Role::Assistant, QStringLiteral("Long answer"));
    qint64 leaf = longAnswer;
    {
        store::Transaction transaction(*m_db);
        for (int i = 0; i < 2000; ++i)
            leaf = add(leaf, i % 2 ? api::Role::Assistant : api::Role::User, QStringLiteral("m%1").arg(i));
        QVERIFY(transaction.commit());
    }
    const qint64 shortAnswer = add(question, api::Role::Assistant, QStringLiteral("Short answer"));
    QVERIFY(m_session->open(c.id));
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(m_session->messages()->rowCount(), 2);
    QCOMPARE(m_session->messages()->record(1).id, shortAnswer);

    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    m_session->switchBranch(shortAnswer, -1);
    QVERIFY(m_session->isLoading());
    QCOMPARE(m_session->messages()->record(1).id, shortAnswer); // the old branch stays until then
    QVERIFY(loaded.wait(kWaitMs));
    QCOMPARE(loaded.first().at(0).toLongLong(), c.id);
    QCOMPARE(m_session->messages()->rowCount(), 2002);
    QCOMPARE(m_session->messages()->record(1).id, longAnswer);
    QCOMPARE(m_session->messages()->record(2001).id, leaf);
    const MessageListModel& model = *m_session->messages();
    QCOMPARE(model.data(model.index(1), MessageListModel::BranchIndexRole).toInt(), 0);
    QCOMPARE(model.data(model.index(1), MessageListModel::BranchCountRole).toInt(), 2);
    // Saved: the next start opens the same branch.
    QCOMPARE(m_store->conversation(c.id)->currentLeafId, leaf);
    QCOMPARE(m_store->activeBranch(c.id).path.size(), size_t(2002));
}

void TestConversationSession::deletingTheShownBranchShowsTheNextOne()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_server->enqueue("/chat/completions", scriptedAnswer(QStringLiteral("First answer")));
    m_server->enqueue("/chat/completions", scriptedAnswer(QStringLiteral("Second answer")));
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Question")));
    QVERIFY(waitForAnswer(finished));
    const qint64 first = finished.last().at(0).toLongLong();
    QVERIFY(m_session->regenerate(first));
    QVERIFY(finished.wait(kWaitMs));
    const qint64 second = finished.last().at(0).toLongLong();

    // The shown answer goes; its sibling's branch takes its place (read through the loader).
    QSignalSpy deleted(m_session.get(), &ConversationSession::messagesDeleted);
    QVERIFY(m_session->deleteMessage(second));
    QCOMPARE(m_session->messages()->rowCount(), 1); // at once: the rows above stay
    QVERIFY(deleted.wait(kWaitMs));                 // then the branch is read again (a sibling's took over)
    QVERIFY(waitLoaded(*m_session));
    const MessageListModel& model = *m_session->messages();
    QCOMPARE(contents(model), (QStringList{QStringLiteral("Question"), QStringLiteral("First answer")}));
    QCOMPARE(model.record(1).id, first);
    QCOMPARE(model.data(model.index(1), MessageListModel::BranchCountRole).toInt(), 1);
    QCOMPARE(m_store->conversation(id)->currentLeafId, first);

    // The only root goes: nothing is left, without a load.
    QVERIFY(m_session->deleteMessage(model.record(0).id));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(deleted.wait(kWaitMs));
    QVERIFY(!m_session->isLoading());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(m_store->allMessages(id).empty());
}

void TestConversationSession::deprecationIsForwarded()
{
    const qint64 id = newConversation(QStringLiteral("loopback-deprecated"));
    QVERIFY(id > 0);
    QSignalSpy deprecation(m_session.get(), &ConversationSession::deprecationSignalled);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("still there?")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(deprecation.count(), 1);
    const auto notice = deprecation.first().at(0).value<api::DeprecationNotice>();
    QVERIFY(notice.deprecated);
    QVERIFY(notice.sunset.isValid());
}

void TestConversationSession::titleComesFromFirstQuestion_data()
{
    QTest::addColumn<QString>("initialTitle");
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("expectedTitle");

    QTest::newRow("default title") << ConversationSession::defaultTitle() << QStringLiteral("Short question")
                                   << QStringLiteral("Short question");
    QTest::newRow("empty title") << QString() << QStringLiteral("  several\n\nlines   here ")
                                 << QStringLiteral("several lines here");
    QTest::newRow("long, cut at a word")
        << QString() << QStringLiteral("How do I configure the streaming client for very long conversations?")
        << QStringLiteral("How do I configure the streaming client") + QChar(0x2026);
    const QString chinese = QStringLiteral(
        "请帮我把这一段很长的中文文本翻译成英文并且保持原来的语气和风格不变谢谢你的帮助非常感谢");
    QTest::newRow("no spaces") << QString() << chinese << chinese.left(40) + QChar(0x2026);
    QTest::newRow("a real title stays")
        << QStringLiteral("My notes") << QStringLiteral("Anything") << QStringLiteral("My notes");
}

void TestConversationSession::titleComesFromFirstQuestion()
{
    QFETCH(QString, initialTitle);
    QFETCH(QString, question);
    QFETCH(QString, expectedTitle);
    const qint64 id = newConversation(QStringLiteral("loopback-echo"), initialTitle);
    QVERIFY(id > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(question));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(m_store->conversation(id)->title, expectedTitle);
}

void TestConversationSession::onlyTheLatestConversationsKeepTheirExchangeLogs()
{
    constexpr int kConversations = 10;
    static_assert(ConversationSession::kMaxExchangeLogs == 8, "the checks below count on 8");
    std::vector<qint64> ids;
    std::vector<QPointer<api::ExchangeLog>> logs;
    for (int i = 0; i < kConversations; ++i) {
        const qint64 id = newConversation(QStringLiteral("loopback-echo"));
        QVERIFY(id > 0);
        QCOMPARE(m_session->exchangeLog()->count(), 0);
        QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
        QVERIFY(m_session->send(QStringLiteral("Question %1").arg(i)));
        QVERIFY(waitForAnswer(finished));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QCOMPARE(m_session->exchangeLog()->count(), 1);
        ids.push_back(id);
        logs.emplace_back(m_session->exchangeLog());
    }
    // The two opened first lost their logs; the eight latest keep theirs with their exchange.
    QVERIFY(logs[0].isNull());
    QVERIFY(logs[1].isNull());
    for (int i = 2; i < kConversations; ++i) {
        QVERIFY2(!logs[size_t(i)].isNull(), qPrintable(QString::number(i)));
        QCOMPARE(logs[size_t(i)]->count(), 1);
        QVERIFY(logs[size_t(i)]->at(0)->requestBody.contains(QStringLiteral("Question %1").arg(i).toUtf8()));
    }

    // The first one opened again starts with an empty log (and the oldest kept one goes now).
    QVERIFY(m_session->open(ids[0]));
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(m_session->exchangeLog()->count(), 0);
    QVERIFY(logs[2].isNull());
    const QPointer<api::ExchangeLog> fresh = m_session->exchangeLog();
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Again")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(m_session->exchangeLog(), fresh.data());
    QCOMPARE(m_session->exchangeLog()->count(), 1);

    // One kept is the same log when its conversation comes back, exchanges and all.
    QVERIFY(m_session->open(ids[3]));
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(m_session->exchangeLog(), logs[3].data());
    QCOMPARE(m_session->exchangeLog()->count(), 1);
    QVERIFY(!fresh.isNull()); // the one before stays: it is among the latest
    for (int i = 4; i < kConversations; ++i)
        QVERIFY(!logs[size_t(i)].isNull());
}

void TestConversationSession::notesAreTheModelSwitchAndGeneratedImage_data()
{
    QTest::addColumn<QString>("errorKind");
    QTest::addColumn<bool>("note");
    QTest::newRow("model switch") << QString::fromLatin1(ConversationSession::kModelSwitchKind) << true;
    QTest::newRow("generated image") << QString::fromLatin1(ConversationSession::kGeneratedImageKind) << true;
    QTest::newRow("plain message") << QString() << false;
    QTest::newRow("stopped answer") << QStringLiteral("cancelled") << false;
    QTest::newRow("tool error") << QStringLiteral("tool_error") << false;
}

void TestConversationSession::notesAreTheModelSwitchAndGeneratedImage()
{
    QFETCH(QString, errorKind);
    QFETCH(bool, note);
    store::MessageRecord m;
    m.role = api::Role::Assistant;
    m.content = QStringLiteral("text");
    m.errorKind = errorKind;
    QCOMPARE(ConversationSession::isNote(m), note);

    // And what it names is what a request leaves out (checked once, with a note the session writes).
    if (errorKind != QLatin1String(ConversationSession::kModelSwitchKind))
        return;
    QVERIFY(newConversation(QStringLiteral("loopback-echo")) > 0);
    QVERIFY(m_session->recordModelSwitch(QStringLiteral("loopback-echo"), QStringLiteral("loopback-echo")));
    QVERIFY(ConversationSession::isNote(m_session->messages()->record(0)));
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Hi")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(messageLines(bodyOf(m_server->requests().last())), QStringList{QStringLiteral("user:Hi")});
}

QTEST_GUILESS_MAIN(TestConversationSession)
#include "tst_conversationsession.moc"
