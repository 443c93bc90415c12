// ConversationSession and media, end to end: a real SQLite file in a temporary folder, a real
// content-hash AttachmentStore, the loopback Ark server over HTTP on 127.0.0.1. Covers generated images
// written into the conversation (never sent), attachments encoded on a worker thread before the call
// starts (byte-exact data URLs, a cache for the next question, stop/close/destruction meanwhile), and
// deleting a long branch on the loader's connection. Assertions are on states; waits are safety limits.
#include "api/ExchangeLog.h"
#include "media/AttachmentStore.h"
#include "session/ConversationSession.h"
#include "support/ApiFixtures.h"
#include "support/LoopbackServer.h"

#include <QBuffer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>
#include <memory>
#include <nlohmann/json.hpp>

using ark::models::MessageListModel;
using ark::session::ConversationSession;
using namespace ark;
namespace ts = ark::testsupport;

namespace {

constexpr int kWaitMs = 15000; // a safety limit, not an expectation
const QString kTestKey = QStringLiteral("test-key-loopback-0000");

using ts::bodyOf;
using ts::str;

// role + content of every message of a request, e.g. "user:Hello" ("[parts]" for an array).
QStringList messageLines(const nlohmann::json& body)
{
    QStringList lines;
    for (const auto& m : body.at("messages")) {
        const auto content = m.value("content", nlohmann::json());
        lines << str(m.value("role", nlohmann::json())) + QLatin1Char(':') +
                     (content.is_array() ? QStringLiteral("[parts]") : str(content));
    }
    return lines;
}

QStringList contents(const MessageListModel& model)
{
    QStringList list;
    for (const store::MessageRecord& m : model.records())
        list << m.content;
    return list;
}

bool waitLoaded(ConversationSession& session)
{
    if (!session.isLoading())
        return true;
    QSignalSpy loaded(&session, &ConversationSession::loaded);
    return loaded.wait(kWaitMs) && !session.isLoading();
}

// Lets every worker of the pool finish and what it posted back arrive, so "nothing happened later"
// is checked after everything that could happen did.
void drainWorkers()
{
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

ts::ScriptedResponse stalledAnswer()
{
    ts::ScriptedResponse r = ts::ScriptedResponse::sse({}, false);
    r.steps.push_back(ts::Step::write("data: " + ts::chunks::content(QStringLiteral("Still ")) + "\n\n"));
    r.steps.push_back(ts::Step::stall());
    return r;
}

} // namespace

class TestSessionMedia : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void generatedImageIsStoredShownAndNeverSent();
    void generatedImageIsRefusedWhenItCannotBeWritten();
    void generatedImagePromptIsQuoted_data();
    void generatedImagePromptIsQuoted();
    void attachmentsAreEncodedOffTheUiThread();
    void stopWhilePreparingSendsNothing();
    void closeOrDestroyWhilePreparingIsSafe();
    void anUnreadableAttachmentIsLeftOutAndReported();
    void deletingManyRepliesRunsOnTheLoaderConnection();
    void aFailedDeleteIsReportedAndTheBranchReadAgain();
    void aDeleteOutlivesTheSession();
    void aLongHistoryIsSerialisedOnAWorker();

private:
    qint64 newConversation(const QString& model);
    std::unique_ptr<ConversationSession> makeSession();
    media::Attachment storeImage(const QColor& colour, QByteArray* bytes);
    media::Attachment storeVideo(int size, QByteArray* bytes);
    bool waitForAnswer(QSignalSpy& finished, int count = 1);
    // A question with one answer, then `replies` messages below the answer (one transaction).
    qint64 longConversation(int replies, qint64* answer, qint64* question);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::ConversationStore> m_store;
    std::unique_ptr<media::AttachmentStore> m_files;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<api::ChatClient> m_client;
    std::unique_ptr<ts::LoopbackServer> m_server;
    std::unique_ptr<ConversationSession> m_session;
};

void TestSessionMedia::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<store::Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath(QStringLiteral("conversations.sqlite3")), &error), qPrintable(error));
    m_store = std::make_unique<store::ConversationStore>(*m_db);
    m_files = std::make_unique<media::AttachmentStore>(m_dir->filePath(QStringLiteral("attachments")));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<api::ChatClient>(m_nam.get());
    m_server = std::make_unique<ts::LoopbackServer>();
    QVERIFY(m_server->listen());
    m_session = makeSession();
}

void TestSessionMedia::cleanup()
{
    m_session.reset();
    drainWorkers(); // nothing of this test reaches the next one
    m_server.reset();
    m_client.reset();
    m_nam.reset();
    m_files.reset();
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<ConversationSession> TestSessionMedia::makeSession()
{
    auto session = std::make_unique<ConversationSession>(*m_store, *m_client);
    session->setEndpoint(m_server->baseUrl(), kTestKey);
    api::ClientConfig config;
    config.baseUrl = QUrl();
    config.retry.maxRetries = 0;
    session->setClientConfig(config);
    session->setAttachmentStore(m_files.get());
    return session;
}

qint64 TestSessionMedia::newConversation(const QString& model)
{
    const store::ConversationRecord c =
        m_store->createConversation(ConversationSession::defaultTitle(), model);
    if (c.id == 0 || !m_session->open(c.id))
        return 0;
    return c.id;
}

bool TestSessionMedia::waitForAnswer(QSignalSpy& finished, int count)
{
    while (finished.count() < count)
        if (!finished.wait(kWaitMs))
            return false;
    return true;
}

media::Attachment TestSessionMedia::storeImage(const QColor& colour, QByteArray* bytes)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(colour);
    QBuffer buffer(bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    media::Attachment a;
    a.kind = media::MediaKind::Image;
    a.mime = QStringLiteral("image/png");
    a.hash = media::AttachmentStore::hashOf(*bytes);
    a.storedPath = m_files->store(*bytes, a.mime);
    a.byteSize = bytes->size();
    a.pixelSize = image.size();
    a.detail = QStringLiteral("high");
    a.originalName = QStringLiteral("photo.png");
    return a;
}

// Not a playable clip: the session sends the stored bytes as they are, which is what is checked.
media::Attachment TestSessionMedia::storeVideo(int size, QByteArray* bytes)
{
    bytes->resize(size);
    QRandomGenerator generator(7);
    for (qsizetype i = 0; i < bytes->size(); ++i)
        (*bytes)[i] = char(generator.bounded(256));
    media::Attachment a;
    a.kind = media::MediaKind::Video;
    a.mime = QStringLiteral("VIDEO/MP4"); // sent lowercase whatever was recorded
    a.hash = media::AttachmentStore::hashOf(*bytes);
    a.storedPath = m_files->store(*bytes, QStringLiteral("video/mp4"));
    a.byteSize = bytes->size();
    a.durationSeconds = 3.0;
    a.fps = 2.0;
    a.originalName = QStringLiteral("clip.mp4");
    return a;
}

qint64 TestSessionMedia::longConversation(int replies, qint64* answer, qint64* question)
{
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
    *question = add(0, api::Role::User, QStringLiteral("The question"));
    *answer = add(*question, api::Role::Assistant, QStringLiteral("The answer"));
    store::Transaction transaction(*m_db);
    qint64 leaf = *answer;
    for (int i = 0; i < replies; ++i)
        leaf = add(leaf, i % 2 ? api::Role::Assistant : api::Role::User,
                   QStringLiteral("zebrafish reply %1").arg(i));
    return transaction.commit() ? c.id : 0;
}

void TestSessionMedia::generatedImageIsStoredShownAndNeverSent()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Hello")));
    QVERIFY(waitForAnswer(finished));

    QByteArray png;
    const media::Attachment image = storeImage(Qt::darkYellow, &png);
    QSignalSpy changed(m_session.get(), &ConversationSession::conversationChanged);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QVERIFY(m_session->recordGeneratedImage(QStringLiteral("A lighthouse at dawn"),
                                            QStringLiteral("seedream-x"), image));
    QCOMPARE(problems.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toLongLong(), id);

    // Shown at once, after the answer, as the leaf.
    const MessageListModel& model = *m_session->messages();
    QCOMPARE(model.rowCount(), 3);
    const store::MessageRecord shown = model.record(2);
    QCOMPARE(shown.role, api::Role::Assistant);
    QCOMPARE(shown.errorKind, QString::fromLatin1(ConversationSession::kGeneratedImageKind));
    QCOMPARE(shown.model, QStringLiteral("seedream-x"));
    QCOMPARE(shown.state, store::MessageState::Complete);
    QCOMPARE(shown.parentId, model.record(1).id);
    QCOMPARE(shown.content,
             QStringLiteral("Image generated by **seedream-x** from the prompt:\n\n> A lighthouse at dawn"));
    QCOMPARE(shown.attachmentsJson, media::Attachment::listToJson({image}));
    QCOMPARE(media::Attachment::listFromJson(shown.attachmentsJson), QList<media::Attachment>{image});

    // Stored the same, and the conversation's leaf.
    const auto stored = m_store->message(shown.id);
    QVERIFY(stored);
    QCOMPARE(stored->content, shown.content);
    QCOMPARE(stored->errorKind, shown.errorKind);
    QCOMPARE(stored->attachmentsJson, shown.attachmentsJson);
    QCOMPARE(stored->state, store::MessageState::Complete);
    QCOMPARE(m_store->conversation(id)->currentLeafId, shown.id);

    // Re-opened after a close: the same message at the end of the branch.
    m_session->close();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(m_session->open(id));
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.record(2).id, shown.id);
    QCOMPARE(model.record(2).errorKind, shown.errorKind);
    QCOMPARE(model.record(2).attachmentsJson, shown.attachmentsJson);

    // The next question goes without it: no image part, no note in the history.
    QVERIFY(m_session->send(QStringLiteral("Thanks")));
    QVERIFY(waitForAnswer(finished, 2));
    QCOMPARE(finished.last().at(1).toBool(), true);
    const nlohmann::json body = bodyOf(m_server->requests().last());
    QCOMPARE(messageLines(body),
             (QStringList{QStringLiteral("user:Hello"), QStringLiteral("assistant:Echo: Hello"),
                          QStringLiteral("user:Thanks")}));
    QVERIFY(!QString::fromUtf8(m_server->requests().last().body).contains(QLatin1String("seedream")));
    QCOMPARE(m_session->attachmentEncodeCount(), 0); // its file was never read for a request
    QCOMPARE(contents(model).size(), 5);
    QCOMPARE(model.record(3).parentId, shown.id); // the question follows the image

    // Regenerating it is not a chat answer's job.
    QVERIFY(!m_session->regenerate(shown.id));
    QCOMPARE(problems.count(), 1);
}

void TestSessionMedia::generatedImageIsRefusedWhenItCannotBeWritten()
{
    QByteArray png;
    const media::Attachment image = storeImage(Qt::red, &png);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    // Nothing open.
    QVERIFY(!m_session->recordGeneratedImage(QStringLiteral("p"), QStringLiteral("m"), image));
    QCOMPARE(problems.count(), 1);

    // Busy: an answer streams.
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    m_server->enqueue("/chat/completions", stalledAnswer());
    QVERIFY(m_session->send(QStringLiteral("Talk")));
    QVERIFY(!m_session->recordGeneratedImage(QStringLiteral("p"), QStringLiteral("m"), image));
    QCOMPARE(problems.count(), 2);
    m_session->stop();
    QCOMPARE(int(m_store->allMessages(id).size()), 2); // question and stopped answer, no image

    // Loading: another session opens the conversation.
    auto other = makeSession();
    QSignalSpy otherProblems(other.get(), &ConversationSession::problem);
    QVERIFY(other->open(id));
    QVERIFY(other->isLoading());
    QVERIFY(!other->recordGeneratedImage(QStringLiteral("p"), QStringLiteral("m"), image));
    QCOMPARE(otherProblems.count(), 1);
    QVERIFY(otherProblems.first().at(0).toString().contains(QLatin1String("loading")));
    QVERIFY(waitLoaded(*other));
    QVERIFY(other->recordGeneratedImage(QStringLiteral("p"), QStringLiteral("m"), image));
    QCOMPARE(int(m_store->allMessages(id).size()), 3);
}

void TestSessionMedia::generatedImagePromptIsQuoted_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("one line") << QStringLiteral("A red fox") << QStringLiteral("> A red fox");
    QTest::newRow("lines") << QStringLiteral("A red fox\nin the snow")
                           << QStringLiteral("> A red fox\n> in the snow");
    QTest::newRow("a blank line inside")
        << QStringLiteral("Title\n\nDetails  \n") << QStringLiteral("> Title\n>\n> Details");
    QTest::newRow("Chinese") << QStringLiteral("雪中的红狐狸") << QStringLiteral("> 雪中的红狐狸");
}

void TestSessionMedia::generatedImagePromptIsQuoted()
{
    QFETCH(QString, prompt);
    QFETCH(QString, quoted);
    QVERIFY(newConversation(QStringLiteral("loopback-echo")) > 0);
    QByteArray png;
    QVERIFY(
        m_session->recordGeneratedImage(prompt, QStringLiteral("seedream-x"), storeImage(Qt::blue, &png)));
    QCOMPARE(m_session->messages()->rowCount(), 1);
    QCOMPARE(m_session->messages()->record(0).parentId, 0); // the first message: a root
    QCOMPARE(m_session->messages()->record(0).content,
             QStringLiteral("Image generated by **seedream-x** from the prompt:\n\n") + quoted);
}

void TestSessionMedia::attachmentsAreEncodedOffTheUiThread()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    QByteArray png;
    QByteArray clip;
    const media::Attachment image = storeImage(Qt::darkCyan, &png);
    const media::Attachment video = storeVideo(1536 * 1024 + 1, &clip); // not a multiple of 3: padding
    QVERIFY(!image.storedPath.isEmpty() && !video.storedPath.isEmpty());

    QSignalSpy busy(m_session.get(), &ConversationSession::busyChanged);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QVERIFY(m_session->send(QStringLiteral("What happens here?"), {image, video}));
    // send() returned before any file was read into the request: busy, nothing sent yet.
    QVERIFY(m_session->isBusy());
    QVERIFY(m_session->isPreparingRequest());
    QCOMPARE(busy.count(), 1);
    QCOMPARE(busy.first().at(0).toBool(), true);
    QVERIFY(m_server->requests().isEmpty());
    QCOMPARE(m_session->messages()->rowCount(), 2); // the question and the answer to come
    // What builds on the messages refuses meanwhile.
    QVERIFY(!m_session->send(QStringLiteral("Another")));
    QVERIFY(!m_session->deleteMessage(m_session->messages()->record(0).id));
    QCOMPARE(problems.count(), 2);

    QVERIFY(waitForAnswer(finished));
    QCOMPARE(finished.first().at(1).toBool(), true);
    QCOMPARE(busy.count(), 2); // one true, one false: preparing and streaming are one busy spell
    QCOMPARE(busy.last().at(0).toBool(), false);
    QVERIFY(!m_session->isBusy());
    QCOMPARE(m_session->attachmentEncodeCount(), 2);
    QVERIFY(m_session->lastAttachmentEncodeThread() != nullptr);
    QVERIFY(m_session->lastAttachmentEncodeThread() != QThread::currentThread());

    const QString imageUrl = QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
    const QString videoUrl = QStringLiteral("data:video/mp4;base64,") + QString::fromLatin1(clip.toBase64());
    const auto expectParts = [&](const nlohmann::json& message, const QString& text) {
        QCOMPARE(str(message.at("role")), QStringLiteral("user"));
        const auto& content = message.at("content");
        QVERIFY(content.is_array());
        QCOMPARE(int(content.size()), 3);
        QCOMPARE(str(content[0].at("type")), QStringLiteral("image_url"));
        QCOMPARE(str(content[0].at("image_url").at("url")), imageUrl);
        QCOMPARE(str(content[0].at("image_url").at("detail")), QStringLiteral("high"));
        QCOMPARE(str(content[1].at("type")), QStringLiteral("video_url"));
        QCOMPARE(str(content[1].at("video_url").at("url")), videoUrl);
        QCOMPARE(content[1].at("video_url").at("fps").get<double>(), 2.0);
        QCOMPARE(str(content[2].at("type")), QStringLiteral("text"));
        QCOMPARE(str(content[2].at("text")), text);
    };
    QCOMPARE(m_server->requests().size(), 1);
    expectParts(bodyOf(m_server->requests().first()).at("messages").at(0),
                QStringLiteral("What happens here?"));
    if (QTest::currentTestFailed())
        return;

    // The JSON body was serialised on the worker too, byte for byte what ChatClient::start() makes of
    // the same request; the exchange log shows those bytes.
    QVERIFY(m_session->lastRequestBodyThread() != nullptr);
    QVERIFY(m_session->lastRequestBodyThread() != QThread::currentThread());
    api::ChatRequest expected;
    expected.model = QStringLiteral("loopback-echo");
    expected.params = m_session->params().toChatParameters();
    expected.tools = m_session->params().tools();
    api::ChatMessage question;
    question.role = api::Role::User;
    question.content = QStringLiteral("What happens here?");
    question.parts = {api::ContentPart::makeImage(imageUrl, QStringLiteral("high")),
                      api::ContentPart::makeVideo(videoUrl, 2.0),
                      api::ContentPart::makeText(question.content)};
    expected.messages.push_back(question);
    QByteArray directBody;
    {
        // Deleted before the event loop runs again: it never starts (and would go to 127.0.0.1).
        api::ClientConfig local;
        local.baseUrl = m_server->baseUrl();
        const std::unique_ptr<api::ChatCall> direct(m_client->start(expected, local));
        directBody = direct->requestBody();
    }
    const QByteArray sentBody = m_server->requests().first().body;
    QCOMPARE(sentBody.size(), directBody.size());
    QVERIFY(sentBody == directBody); // not QCOMPARE: a mismatch would print megabytes
    QCOMPARE(m_session->exchangeLog()->count(), 1);
    QVERIFY(m_session->exchangeLog()->at(0)->requestBody == sentBody);

    // The next question sends both files again, from the cache: nothing is read or encoded twice.
    QVERIFY(m_session->send(QStringLiteral("And then?")));
    QVERIFY(m_session->isBusy());
    QVERIFY(waitForAnswer(finished, 2));
    QCOMPARE(finished.last().at(1).toBool(), true);
    QCOMPARE(m_session->attachmentEncodeCount(), 2);
    QCOMPARE(m_server->requests().size(), 2);
    const nlohmann::json second = bodyOf(m_server->requests().last());
    expectParts(second.at("messages").at(0), QStringLiteral("What happens here?"));
    QCOMPARE(m_session->exchangeLog()->count(), 2);
    QVERIFY(m_session->exchangeLog()->at(0)->requestBody == m_server->requests().last().body);
    QCOMPARE(messageLines(second), (QStringList{QStringLiteral("user:[parts]"),
                                                QStringLiteral("assistant:Echo: What happens here?"),
                                                QStringLiteral("user:And then?")}));

    // A new session (the app restarted) has an empty cache: it reads the files once more.
    m_session = makeSession();
    QVERIFY(m_session->open(id));
    QVERIFY(waitLoaded(*m_session));
    QSignalSpy again(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Once more")));
    QVERIFY(waitForAnswer(again));
    QCOMPARE(m_session->attachmentEncodeCount(), 2);
    expectParts(bodyOf(m_server->requests().last()).at("messages").at(0),
                QStringLiteral("What happens here?"));
}

void TestSessionMedia::stopWhilePreparingSendsNothing()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    QByteArray png;
    QByteArray clip;
    const media::Attachment image = storeImage(Qt::green, &png);
    const media::Attachment video = storeVideo(512 * 1024, &clip);
    QSignalSpy busy(m_session.get(), &ConversationSession::busyChanged);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Look at these"), {image, video}));
    QVERIFY(m_session->isPreparingRequest());
    const qint64 answerId = m_session->streamingMessageId();
    QVERIFY(answerId > 0);

    // The result can only arrive through the event loop, so this stop is during the preparation.
    m_session->stop();
    QVERIFY(!m_session->isBusy());
    QVERIFY(!m_session->isPreparingRequest());
    QCOMPARE(m_session->streamingMessageId(), 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toLongLong(), answerId);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.last().at(0).toBool(), false);

    // Whatever the worker does later is ignored: nothing is sent, nothing changes.
    drainWorkers();
    QVERIFY(m_server->requests().isEmpty());
    QVERIFY(!m_session->isBusy());
    QCOMPARE(finished.count(), 1);

    // The question stays with its files; the answer is marked as a stop marks it.
    const std::vector<store::MessageRecord> path = m_store->activePath(id);
    QCOMPARE(int(path.size()), 2);
    QCOMPARE(path[0].content, QStringLiteral("Look at these"));
    QCOMPARE(media::Attachment::listFromJson(path[0].attachmentsJson).size(), 2);
    QCOMPARE(path[1].id, answerId);
    QCOMPARE(path[1].state, store::MessageState::Interrupted);
    QCOMPARE(path[1].errorKind, QStringLiteral("cancelled"));
    QVERIFY(path[1].content.isEmpty());
    const MessageListModel& model = *m_session->messages();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.record(1).state, store::MessageState::Interrupted);
    QCOMPARE(model.data(model.index(1), MessageListModel::IsStreamingRole).toBool(), false);

    // Asking again works, and sends the files.
    QVERIFY(m_session->regenerate(answerId));
    QVERIFY(waitForAnswer(finished, 2));
    QCOMPARE(finished.last().at(1).toBool(), true);
    QCOMPARE(m_server->requests().size(), 1);
    const auto content = bodyOf(m_server->requests().first()).at("messages").at(0).at("content");
    QCOMPARE(int(content.size()), 3);
    QCOMPARE(str(content[1].at("video_url").at("url")),
             QStringLiteral("data:video/mp4;base64,") + QString::fromLatin1(clip.toBase64()));
}

void TestSessionMedia::closeOrDestroyWhilePreparingIsSafe()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    QByteArray clip;
    const media::Attachment video = storeVideo(2 * 1024 * 1024, &clip);

    // close(): the answer is marked, nothing is sent, the session is usable at once.
    QVERIFY(m_session->send(QStringLiteral("first"), {video}));
    const qint64 firstAnswer = m_session->streamingMessageId();
    m_session->close();
    QVERIFY(!m_session->isBusy());
    QCOMPARE(m_store->message(firstAnswer)->state, store::MessageState::Interrupted);

    // open() of the same conversation supersedes the preparation the same way.
    QVERIFY(m_session->open(id));
    QVERIFY(waitLoaded(*m_session));
    QVERIFY(m_session->regenerate(firstAnswer));
    QVERIFY(m_session->isPreparingRequest());
    const qint64 secondAnswer = m_session->streamingMessageId();
    QVERIFY(m_session->open(id));
    QVERIFY(!m_session->isBusy());
    QCOMPARE(m_store->message(secondAnswer)->state, store::MessageState::Interrupted);
    QVERIFY(waitLoaded(*m_session));

    // Destroyed while its worker reads: the worker never reaches it; the answer is saved, marked.
    QVERIFY(m_session->regenerate(firstAnswer));
    const qint64 thirdAnswer = m_session->streamingMessageId();
    m_session.reset();
    drainWorkers();
    QVERIFY(m_server->requests().isEmpty());
    QCOMPARE(m_store->message(thirdAnswer)->state, store::MessageState::Interrupted);
    QCOMPARE(m_store->message(thirdAnswer)->errorKind, QStringLiteral("cancelled"));

    // And many sessions made and dropped at once leave nothing behind either.
    for (int i = 0; i < 5; ++i) {
        auto session = makeSession();
        QVERIFY(session->open(id));
        QVERIFY(waitLoaded(*session));
        QVERIFY(session->regenerate(firstAnswer));
    }
    drainWorkers();
    QVERIFY(m_server->requests().isEmpty());
    m_session = makeSession();
}

void TestSessionMedia::anUnreadableAttachmentIsLeftOutAndReported()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id > 0);
    QByteArray png;
    QByteArray gone;
    const media::Attachment image = storeImage(Qt::magenta, &png);
    const media::Attachment missing = storeImage(Qt::cyan, &gone);
    // The second file is collected (as if nothing referenced it) before the question goes.
    QCOMPARE(m_files->collectGarbage({image.hash}), 1);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    media::Attachment named = missing;
    named.originalName = QStringLiteral("lost.png");
    QVERIFY(m_session->send(QStringLiteral("Compare them"), {image, named}));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(problems.count(), 1);
    QVERIFY(problems.first().at(0).toString().contains(QLatin1String("lost.png")));
    const auto content = bodyOf(m_server->requests().last()).at("messages").at(0).at("content");
    QCOMPARE(int(content.size()), 2); // the readable image, then the text
    QCOMPARE(str(content[0].at("image_url").at("url")),
             QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64()));
    QCOMPARE(str(content[1].at("text")), QStringLiteral("Compare them"));

    // With no file left at all (and nothing cached: the app restarted), the question goes as plain text.
    const qint64 firstAnswer = finished.first().at(0).toLongLong();
    QCOMPARE(m_files->collectGarbage({}), 1);
    m_session = makeSession();
    QVERIFY(m_session->open(id));
    QVERIFY(waitLoaded(*m_session));
    QSignalSpy problemsAfter(m_session.get(), &ConversationSession::problem);
    QSignalSpy finishedAfter(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->regenerate(firstAnswer));
    QVERIFY(waitForAnswer(finishedAfter));
    QCOMPARE(problemsAfter.count(), 1);
    QVERIFY(problemsAfter.first().at(0).toString().contains(QLatin1String("lost.png")));
    QCOMPARE(messageLines(bodyOf(m_server->requests().last())),
             QStringList{QStringLiteral("user:Compare them")});
    QCOMPARE(m_session->attachmentEncodeCount(), 0);
}

void TestSessionMedia::deletingManyRepliesRunsOnTheLoaderConnection()
{
    qint64 answer = 0;
    qint64 question = 0;
    const qint64 id = longConversation(2000, &answer, &question);
    QVERIFY(id > 0);
    QVERIFY(m_store->updateSettings(id, QStringLiteral("loopback-echo"), {}, {}));
    QVERIFY(m_session->open(id));
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(m_session->messages()->rowCount(), 2002);
    QVERIFY(!m_store->search(QStringLiteral("zebrafish")).empty());

    QSignalSpy deleted(m_session.get(), &ConversationSession::messagesDeleted);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QSignalSpy changed(m_session.get(), &ConversationSession::conversationChanged);
    QVERIFY(m_session->deleteMessage(answer));
    // The rows are gone from the model at once; the database follows on the loader's connection.
    QCOMPARE(contents(*m_session->messages()), QStringList{QStringLiteral("The question")});
    QVERIFY(m_session->isDeleting());
    QCOMPARE(deleted.count(), 0); // never from within the call
    QVERIFY(!m_session->send(QStringLiteral("too early")));
    QVERIFY(!m_session->deleteMessage(question));
    QVERIFY(!m_session->recordModelSwitch(QStringLiteral("a"), QStringLiteral("b")));
    QCOMPARE(problems.count(), 3);
    for (const auto& problem : problems)
        QVERIFY(problem.at(0).toString().contains(QLatin1String("deleted")));

    QVERIFY(deleted.wait(kWaitMs));
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.first().at(0).toLongLong(), id);
    QVERIFY(changed.count() >= 1);
    QVERIFY(!m_session->isDeleting());
    QVERIFY(!m_session->isLoading()); // the branch ended in what went: nothing to read again
    QCOMPARE(problems.count(), 3);
    const std::vector<store::MessageRecord> left = m_store->allMessages(id);
    QCOMPARE(int(left.size()), 1);
    QCOMPARE(left.front().id, question);
    QCOMPARE(m_store->conversation(id)->currentLeafId, question);
    QVERIFY(m_store->search(QStringLiteral("zebrafish")).empty()); // the full-text index followed
    QCOMPARE(contents(*m_session->messages()), QStringList{QStringLiteral("The question")});

    // Usable again: the question is answered anew below the same parent.
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->regenerate(question));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(finished.first().at(1).toBool(), true);
    QCOMPARE(contents(*m_session->messages()),
             (QStringList{QStringLiteral("The question"), QStringLiteral("Echo: The question")}));
}

void TestSessionMedia::aFailedDeleteIsReportedAndTheBranchReadAgain()
{
    qint64 answer = 0;
    qint64 question = 0;
    const qint64 id = longConversation(20, &answer, &question);
    QVERIFY(id > 0);
    QVERIFY(m_session->open(id));
    QVERIFY(waitLoaded(*m_session));
    QCOMPARE(m_session->messages()->rowCount(), 22);
    {
        // A trigger (from another connection, as any writer could) makes every delete fail.
        QSqlDatabase extra = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("refuser"));
        extra.setDatabaseName(m_db->path());
        QVERIFY(extra.open());
        QSqlQuery query(extra);
        QVERIFY2(query.exec(QStringLiteral("CREATE TRIGGER refuse_delete BEFORE DELETE ON messages "
                                           "BEGIN SELECT RAISE(ABORT, 'deleting is refused here'); END")),
                 qPrintable(query.lastError().text()));
        query.finish();
        extra.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("refuser"));

    QSignalSpy deleted(m_session.get(), &ConversationSession::messagesDeleted);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    // The store logs each failed statement: the first try and the one more try.
    for (int i = 0; i < 2; ++i)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("deleting is refused here")));
    QVERIFY(m_session->deleteMessage(answer)); // accepted; the failure comes later
    QCOMPARE(m_session->messages()->rowCount(), 1);
    QVERIFY(problems.wait(kWaitMs));
    QCOMPARE(problems.count(), 1);
    QVERIFY(problems.first().at(0).toString().contains(QLatin1String("deleting is refused here")));
    // What is shown is read again from the database, which still holds everything.
    QVERIFY(loaded.count() > 0 || loaded.wait(kWaitMs));
    QVERIFY(!m_session->isLoading());
    QVERIFY(!m_session->isDeleting());
    QCOMPARE(m_session->messages()->rowCount(), 22);
    QCOMPARE(int(m_store->allMessages(id).size()), 22);
    QCOMPARE(deleted.count(), 0);
}

void TestSessionMedia::aDeleteOutlivesTheSession()
{
    qint64 answer = 0;
    qint64 question = 0;
    const qint64 id = longConversation(500, &answer, &question);
    QVERIFY(id > 0);
    const store::ConversationRecord other =
        m_store->createConversation(QStringLiteral("Other"), QStringLiteral("m"));
    QVERIFY(m_session->open(id));
    QVERIFY(waitLoaded(*m_session));
    QVERIFY(m_session->deleteMessage(answer));
    // Opening another conversation does not stop it, nor does destroying the session.
    QSignalSpy deleted(m_session.get(), &ConversationSession::messagesDeleted);
    QVERIFY(m_session->open(other.id));
    QVERIFY(!m_session->isDeleting()); // nothing of the open conversation waits for it
    QVERIFY(deleted.wait(kWaitMs));
    QCOMPARE(deleted.first().at(0).toLongLong(), id);
    QCOMPARE(int(m_store->allMessages(id).size()), 1);
    QCOMPARE(m_session->conversationId(), other.id);
    QCOMPARE(m_session->messages()->rowCount(), 0);

    QVERIFY(m_session->open(id));
    QVERIFY(waitLoaded(*m_session));
    QVERIFY(m_session->deleteMessage(question));
    m_session.reset(); // waits for the delete to commit
    QVERIFY(m_store->allMessages(id).empty());
    QCOMPARE(m_store->conversation(id)->currentLeafId, 0);
    m_session = makeSession();
}

// A text-only history long enough that writing its JSON would hold the UI thread: the body is written on
// a worker like an attachment request's, and the server still receives every message, in order.
void TestSessionMedia::aLongHistoryIsSerialisedOnAWorker()
{
    const qint64 id = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(id);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("short")));
    QVERIFY(waitForAnswer(finished));
    QCOMPARE(m_session->lastRequestBodyThread(), nullptr); // a short one starts at once, as before

    const QString longText = QString(300 * 1024, QLatin1Char('x'));
    QVERIFY(m_session->send(longText));
    QVERIFY(m_session->isBusy());
    QVERIFY(waitForAnswer(finished, 2));
    QVERIFY(m_session->lastRequestBodyThread() != nullptr);
    QVERIFY(m_session->lastRequestBodyThread() != QThread::currentThread());
    const nlohmann::json messages = bodyOf(m_server->requests().last()).at("messages");
    QCOMPARE(int(messages.size()), 3);
    QCOMPARE(str(messages.at(0).at("content")), QStringLiteral("short"));
    QCOMPARE(str(messages.at(2).at("content")), longText);
}

QTEST_GUILESS_MAIN(TestSessionMedia)
#include "tst_sessionmedia.moc"
