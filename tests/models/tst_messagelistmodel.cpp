// MessageListModel: every role, every mutation under QAbstractItemModelTester, and the frame
// coalescing of streamed text (many deltas, one dataChanged).
#include "media/Attachment.h"
#include "models/MessageListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using ark::models::MessageListModel;
using namespace ark;

namespace {

store::MessageRecord makeMessage(qint64 id, api::Role role, const QString& content)
{
    store::MessageRecord m;
    m.id = id;
    m.conversationId = 1;
    m.parentId = id - 1;
    m.role = role;
    m.content = content;
    m.createdAt = store::fromEpochMs(1700000000000 + id);
    return m;
}

std::vector<store::MessageRecord> conversation(int count)
{
    std::vector<store::MessageRecord> path;
    for (int i = 1; i <= count; ++i)
        path.push_back(makeMessage(i, i % 2 ? api::Role::User : api::Role::Assistant,
                                   QStringLiteral("message %1").arg(i)));
    return path;
}

QVariant roleAt(const MessageListModel& model, int row, int role)
{
    return model.data(model.index(row), role);
}

quint64 revision(const MessageListModel& model, int row)
{
    return roleAt(model, row, MessageListModel::RevisionRole).value<quint64>();
}

media::Attachment stored(const QString& name, media::MediaKind kind, char hashDigit)
{
    media::Attachment a;
    a.kind = kind;
    a.hash = QString(64, QLatin1Char(hashDigit));
    a.mime = kind == media::MediaKind::Image ? QStringLiteral("image/png") : QStringLiteral("video/mp4");
    a.storedPath = QStringLiteral("/data/attachments/") + a.hash.left(2) + u'/' + a.hash;
    a.originalName = name;
    a.pixelSize = QSize(640, 480);
    a.byteSize = 12345;
    if (kind == media::MediaKind::Video)
        a.durationSeconds = 2.0;
    return a;
}

QList<media::Attachment> attachmentsAt(const MessageListModel& model, int row)
{
    QList<media::Attachment> list;
    for (const QVariant& v : roleAt(model, row, MessageListModel::AttachmentsRole).toList())
        list.append(v.value<media::Attachment>());
    return list;
}

} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

private slots:
    void reopeningKeepsRevisionsOfUnchangedMessages();
    void revisionsRecordedInTheBackgroundAreReused();
    void everyRole();
    void unknownUsageIsMinusOne();
    void branchPositionsDefaultToOneOfOne();
    void appendAndUpdateSignalAtOnce();
    void appendExistingIdUpdates();
    void thousandDeltasOneDataChanged();
    void frameTimerFlushes();
    void contiguousRowsShareOneSignal();
    void updateSupersedesPendingFlush();
    void unknownIdsAreIgnored();
    void removeFrom();
    void removeFromDropsPendingRows();
    void setMessagesReplacesAndCancelsPending();
    void tenThousandMessages();
    void thinkTagsSplitWhileStreaming();
    void thinkTagLaterInAnswerIsText();
    void reasoningTimeIsMeasured();
    void storedReasoningTimeWins();
    void reasoningUntilTheEndOfTheStream();
    void costTextThroughTheFormatter();
    void newFormatterInvalidatesReopenedRevisions();
    void toolResultsMarkCallsAnswered();
    void toolResultNamesAndIds();
    void reopenedRoundKnowsItsResults();
    void attachmentsRoleGivesTheParsedList();
    void attachmentsChangeTheRevision();
};

// The view's layout caches are keyed by revision: opening the same messages again must not make
// every one of them look new, and a changed message must.
void TestMessageListModel::reopeningKeepsRevisionsOfUnchangedMessages()
{
    models::MessageListModel model;
    auto path = [] {
        return std::vector<store::MessageRecord>{makeMessage(1, api::Role::User, QStringLiteral("q")),
                                                 makeMessage(2, api::Role::Assistant, QStringLiteral("a"))};
    };
    auto revision = [&](int row) {
        return model.index(row).data(models::MessageListModel::RevisionRole).toULongLong();
    };
    model.setMessages(path());
    const quint64 first = revision(0), second = revision(1);
    QVERIFY(first != second);
    model.clear();
    model.setMessages(path());
    QCOMPARE(revision(0), first);
    QCOMPARE(revision(1), second);

    std::vector<store::MessageRecord> edited = path();
    edited[1].content = QStringLiteral("a, edited elsewhere");
    model.setMessages(edited);
    QCOMPARE(revision(0), first);
    QVERIFY(revision(1) != second);

    // Another branch position is painted differently ("< 1/2 >"), so it is another revision too.
    const quint64 editedRevision = revision(1);
    model.setMessages(edited, {store::BranchPosition{}, store::BranchPosition{1, 2}});
    QVERIFY(revision(1) != editedRevision);

    // An update in place is new, and a later reopen of that same record reuses nothing stale.
    store::MessageRecord updated = model.record(0);
    updated.content = QStringLiteral("q2");
    model.updateMessage(updated);
    const quint64 afterUpdate = revision(0);
    QVERIFY(afterUpdate != first);
    std::vector<store::MessageRecord> again = path();
    again[0].content = QStringLiteral("q2");
    model.setMessages(again);
    QVERIFY(revision(0) != first);
}

// What a conversation issued is recorded a slice per event-loop turn after it opens; messages
// added or finished while it is open are recorded too.
void TestMessageListModel::revisionsRecordedInTheBackgroundAreReused()
{
    MessageListModel model;
    std::vector<store::MessageRecord> path = conversation(3000);
    model.setMessages(path);
    std::vector<quint64> first;
    for (int row = 0; row < 3000; ++row)
        first.push_back(revision(model, row));
    QTest::qWait(100); // the recording runs meanwhile (and whatever is left, at the next reset)

    store::MessageRecord question = makeMessage(3001, api::Role::User, QStringLiteral("one more"));
    model.appendMessage(question);
    store::MessageRecord answer = makeMessage(3002, api::Role::Assistant, QString());
    answer.state = store::MessageState::Streaming;
    model.appendMessage(answer);
    model.appendStreamingText(3002, QStringLiteral("streamed"), QString());
    model.flushNow();
    answer.content = QStringLiteral("streamed");
    answer.state = store::MessageState::Complete;
    model.updateMessage(answer);
    const quint64 questionRevision = revision(model, 3000);
    const quint64 answerRevision = revision(model, 3001);
    QTest::qWait(50);

    std::vector<store::MessageRecord> other = conversation(2); // its ids overlap, with other texts
    other[0].content = QStringLiteral("other 1");
    other[1].content = QStringLiteral("other 2");
    model.setMessages(other);
    QVERIFY(revision(model, 0) != first[0]);
    path.push_back(question);
    path.push_back(answer);
    model.setMessages(path);
    for (int row : {2, 1000, 2999})
        QCOMPARE(revision(model, row), first[size_t(row)]);
    QCOMPARE(revision(model, 3000), questionRevision);
    QCOMPARE(revision(model, 3001), answerRevision);
    // The two rows the other conversation showed under the same ids are new again.
    QVERIFY(revision(model, 0) != first[0]);
    QVERIFY(revision(model, 1) != first[1]);
}

void TestMessageListModel::everyRole()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    store::MessageRecord m = makeMessage(7, api::Role::Assistant, QStringLiteral("**Hello**"));
    m.reasoning = QStringLiteral("thinking");
    m.model = QStringLiteral("doubao-seed-1-6-250615");
    m.usage.present = true;
    m.usage.promptTokens = 11;
    m.usage.completionTokens = 22;
    m.usage.reasoningTokens = 5;
    m.usage.cachedTokens = 3;
    m.finishReason = QStringLiteral("stop");
    m.state = store::MessageState::Interrupted;
    m.errorMessage = QStringLiteral("The connection dropped.");
    m.errorCode = QStringLiteral("ServerOverloaded");
    m.errorKind = QStringLiteral("stream_broken");
    m.requestId = QStringLiteral("0217abc");
    m.ttftMs = 120;
    m.totalMs = 900;
    api::ToolCall call;
    call.id = QStringLiteral("call_1");
    call.name = QStringLiteral("get_weather");
    call.arguments = QStringLiteral("{\"city\":\"Beijing\"}");
    m.toolCalls = {call};
    model.setMessages({m}, {store::BranchPosition{1, 3}});

    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(roleAt(model, 0, Qt::DisplayRole).toString(), QStringLiteral("**Hello**"));
    QCOMPARE(roleAt(model, 0, MessageListModel::ContentRole).toString(), QStringLiteral("**Hello**"));
    QCOMPARE(roleAt(model, 0, MessageListModel::MessageIdRole).toLongLong(), 7);
    QCOMPARE(roleAt(model, 0, MessageListModel::RoleRole).toInt(), int(api::Role::Assistant));
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningRole).toString(), QStringLiteral("thinking"));
    QCOMPARE(roleAt(model, 0, MessageListModel::ModelRole).toString(),
             QStringLiteral("doubao-seed-1-6-250615"));
    QCOMPARE(roleAt(model, 0, MessageListModel::CreatedAtRole).toDateTime(), m.createdAt);
    QCOMPARE(roleAt(model, 0, MessageListModel::PromptTokensRole).toLongLong(), 11);
    QCOMPARE(roleAt(model, 0, MessageListModel::CompletionTokensRole).toLongLong(), 22);
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningTokensRole).toLongLong(), 5);
    QCOMPARE(roleAt(model, 0, MessageListModel::CachedTokensRole).toLongLong(), 3);
    QCOMPARE(roleAt(model, 0, MessageListModel::FinishReasonRole).toString(), QStringLiteral("stop"));
    QCOMPARE(roleAt(model, 0, MessageListModel::StateRole).toInt(), int(store::MessageState::Interrupted));
    QCOMPARE(roleAt(model, 0, MessageListModel::IsStreamingRole).toBool(), false);
    QCOMPARE(roleAt(model, 0, MessageListModel::ErrorMessageRole).toString(),
             QStringLiteral("The connection dropped."));
    QCOMPARE(roleAt(model, 0, MessageListModel::ErrorCodeRole).toString(),
             QStringLiteral("ServerOverloaded"));
    QCOMPARE(roleAt(model, 0, MessageListModel::ErrorKindRole).toString(), QStringLiteral("stream_broken"));
    QCOMPARE(roleAt(model, 0, MessageListModel::RequestIdRole).toString(), QStringLiteral("0217abc"));
    QCOMPARE(roleAt(model, 0, MessageListModel::BranchIndexRole).toInt(), 1);
    QCOMPARE(roleAt(model, 0, MessageListModel::BranchCountRole).toInt(), 3);
    QCOMPARE(roleAt(model, 0, MessageListModel::TtftMsRole).toLongLong(), 120);
    QCOMPARE(roleAt(model, 0, MessageListModel::TotalMsRole).toLongLong(), 900);
    QVERIFY(revision(model, 0) > 0);
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong(), -1); // never measured
    QCOMPARE(roleAt(model, 0, MessageListModel::IsThinkingRole).toBool(), false);

    const QVariantList calls = roleAt(model, 0, MessageListModel::ToolCallsRole).toList();
    QCOMPARE(calls.size(), 1);
    const QVariantMap first = calls.first().toMap();
    QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("call_1"));
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(first.value(QStringLiteral("arguments")).toString(), QStringLiteral("{\"city\":\"Beijing\"}"));

    m.state = store::MessageState::Streaming;
    model.updateMessage(m);
    QCOMPARE(roleAt(model, 0, MessageListModel::IsStreamingRole).toBool(), true);

    const QHash<int, QByteArray> names = model.roleNames();
    QCOMPARE(names.value(MessageListModel::ContentRole), QByteArray("content"));
    QCOMPARE(names.value(MessageListModel::RevisionRole), QByteArray("revision"));
    QCOMPARE(names.value(MessageListModel::ReasoningMsRole), QByteArray("reasoningMs"));
    QCOMPARE(names.value(MessageListModel::IsThinkingRole), QByteArray("isThinking"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
    QVERIFY(!roleAt(model, 0, Qt::UserRole + 500).isValid());
    QVERIFY(!roleAt(model, 1, MessageListModel::ContentRole).isValid());
}

void TestMessageListModel::unknownUsageIsMinusOne()
{
    MessageListModel model;
    model.setMessages({makeMessage(1, api::Role::User, QStringLiteral("hi"))});
    QCOMPARE(roleAt(model, 0, MessageListModel::PromptTokensRole).toLongLong(), -1);
    QCOMPARE(roleAt(model, 0, MessageListModel::CompletionTokensRole).toLongLong(), -1);
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningTokensRole).toLongLong(), -1);
    QCOMPARE(roleAt(model, 0, MessageListModel::CachedTokensRole).toLongLong(), -1);
    QCOMPARE(roleAt(model, 0, MessageListModel::TtftMsRole).toLongLong(), -1);
    QCOMPARE(roleAt(model, 0, MessageListModel::ToolCallsRole).toList().size(), 0);
}

void TestMessageListModel::branchPositionsDefaultToOneOfOne()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Fewer positions than messages: the missing ones are 1/1.
    model.setMessages(conversation(3), {store::BranchPosition{1, 2}});
    QCOMPARE(roleAt(model, 0, MessageListModel::BranchIndexRole).toInt(), 1);
    QCOMPARE(roleAt(model, 0, MessageListModel::BranchCountRole).toInt(), 2);
    QCOMPARE(roleAt(model, 2, MessageListModel::BranchIndexRole).toInt(), 0);
    QCOMPARE(roleAt(model, 2, MessageListModel::BranchCountRole).toInt(), 1);
    model.appendMessage(makeMessage(4, api::Role::Assistant, QStringLiteral("four")));
    QCOMPARE(roleAt(model, 3, MessageListModel::BranchCountRole).toInt(), 1);
}

void TestMessageListModel::appendAndUpdateSignalAtOnce()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMessages(conversation(2));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.appendMessage(makeMessage(3, api::Role::User, QStringLiteral("three")), {0, 2});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(inserted.first().at(2).toInt(), 2);
    QCOMPARE(model.rowForId(3), 2);
    QCOMPARE(roleAt(model, 2, MessageListModel::BranchCountRole).toInt(), 2);

    const quint64 before = revision(model, 1);
    store::MessageRecord updated = model.record(1);
    updated.content = QStringLiteral("rewritten");
    updated.state = store::MessageState::Failed;
    model.updateMessage(updated);
    QCOMPARE(changed.count(), 1); // at once, not at the next frame
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QCOMPARE(roleAt(model, 1, Qt::DisplayRole).toString(), QStringLiteral("rewritten"));
    QCOMPARE(roleAt(model, 1, MessageListModel::StateRole).toInt(), int(store::MessageState::Failed));
    QVERIFY(revision(model, 1) != before);
    QCOMPARE(model.pendingFlushes(), 0);
}

void TestMessageListModel::appendExistingIdUpdates()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMessages(conversation(2));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendMessage(makeMessage(2, api::Role::Assistant, QStringLiteral("again")));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.record(1).content, QStringLiteral("again"));
}

void TestMessageListModel::thousandDeltasOneDataChanged()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // A frame that never comes on its own: the flush below is the only one.
    model.setFrameIntervalMs(24 * 3600 * 1000);
    model.setMessages(conversation(4));
    store::MessageRecord answer = makeMessage(5, api::Role::Assistant, {});
    answer.state = store::MessageState::Streaming;
    model.appendMessage(answer);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy flushed(&model, &MessageListModel::streamingFlushed);
    const quint64 before = revision(model, 4);
    QString expectedContent;
    QString expectedReasoning;
    for (int i = 0; i < 1000; ++i) {
        const QString piece = QStringLiteral("tok%1 ").arg(i);
        const QString thought = i % 10 == 0 ? QStringLiteral("r%1").arg(i) : QString();
        model.appendStreamingText(5, piece, thought);
        expectedContent += piece;
        expectedReasoning += thought;
    }
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.pendingFlushes(), 1);
    // The text is already in the record; only the signal waits for the frame.
    QCOMPARE(model.record(4).content, expectedContent);

    model.flushNow();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 4);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 4);
    const auto roles = changed.first().at(2).value<QList<int>>();
    QVERIFY(roles.contains(MessageListModel::ContentRole));
    QVERIFY(roles.contains(MessageListModel::RevisionRole));
    QVERIFY(roles.contains(MessageListModel::IsThinkingRole));
    QVERIFY(roles.contains(MessageListModel::ReasoningMsRole));
    QCOMPARE(flushed.count(), 1);
    QCOMPARE(flushed.first().at(0).toInt(), 4);
    QCOMPARE(flushed.first().at(1).toInt(), 4);
    QCOMPARE(model.pendingFlushes(), 0);
    QCOMPARE(roleAt(model, 4, Qt::DisplayRole).toString(), expectedContent);
    QCOMPARE(roleAt(model, 4, MessageListModel::ReasoningRole).toString(), expectedReasoning);
    const quint64 after = revision(model, 4);
    QVERIFY(after != before);

    model.flushNow(); // nothing pending: nothing signalled
    QCOMPARE(changed.count(), 1);
    QCOMPARE(revision(model, 4), after);
}

void TestMessageListModel::frameTimerFlushes()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFrameIntervalMs(1);
    model.setMessages(conversation(2));
    QSignalSpy flushed(&model, &MessageListModel::streamingFlushed);
    model.appendStreamingText(2, QStringLiteral("more"), {});
    QCOMPARE(model.pendingFlushes(), 1);
    QVERIFY(flushed.wait(5000));
    QCOMPARE(model.pendingFlushes(), 0);
    QCOMPARE(model.record(1).content, QStringLiteral("message 2more"));

    // Empty deltas (a usage-only chunk) change nothing and schedule nothing.
    model.appendStreamingText(2, {}, {});
    QCOMPARE(model.pendingFlushes(), 0);
}

void TestMessageListModel::contiguousRowsShareOneSignal()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFrameIntervalMs(24 * 3600 * 1000);
    model.setMessages(conversation(6));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Rows 1, 2, 3 and 5 (ids 2, 3, 4, 6): two ranges.
    for (int round = 0; round < 50; ++round)
        for (qint64 id : {2, 3, 4, 6})
            model.appendStreamingText(id, QStringLiteral("x"), {});
    QCOMPARE(model.pendingFlushes(), 4);
    model.flushNow();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 5);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 5);
}

void TestMessageListModel::updateSupersedesPendingFlush()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFrameIntervalMs(24 * 3600 * 1000);
    model.setMessages(conversation(2));
    model.appendStreamingText(2, QStringLiteral(" partial"), {});
    QCOMPARE(model.pendingFlushes(), 1);
    store::MessageRecord done = model.record(1);
    done.content = QStringLiteral("final");
    done.state = store::MessageState::Complete;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.updateMessage(done);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.pendingFlushes(), 0);
    model.flushNow();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.record(1).content, QStringLiteral("final"));
}

void TestMessageListModel::unknownIdsAreIgnored()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMessages(conversation(2));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.appendStreamingText(999, QStringLiteral("lost"), QStringLiteral("lost"));
    model.updateMessage(makeMessage(999, api::Role::User, QStringLiteral("lost")));
    model.flushNow();
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.pendingFlushes(), 0);
    QCOMPARE(model.rowForId(999), -1);
    QCOMPARE(model.record(-1).id, 0);
    QCOMPARE(model.record(2).id, 0);
    QCOMPARE(model.rowCount(), 2);
    model.removeFrom(7); // past the end: nothing to remove
    QCOMPARE(model.rowCount(), 2);
}

void TestMessageListModel::removeFrom()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMessages(conversation(5));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.removeFrom(2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2);
    QCOMPARE(removed.first().at(2).toInt(), 4);
    QCOMPARE(model.rowForId(2), 1);
    QCOMPARE(model.rowForId(3), -1);
    QCOMPARE(model.rowForId(5), -1);
    QCOMPARE(int(model.records().size()), 2);

    // The ids are free to come back (a new branch).
    model.appendMessage(makeMessage(3, api::Role::User, QStringLiteral("other branch")));
    QCOMPARE(model.rowForId(3), 2);

    model.removeFrom(-3); // clamps to 0: everything goes
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowForId(1), -1);
}

void TestMessageListModel::removeFromDropsPendingRows()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFrameIntervalMs(24 * 3600 * 1000);
    model.setMessages(conversation(4));
    model.appendStreamingText(2, QStringLiteral("a"), {});
    model.appendStreamingText(4, QStringLiteral("b"), {});
    QCOMPARE(model.pendingFlushes(), 2);
    model.removeFrom(2); // row 3 (id 4) goes; row 1 (id 2) stays pending
    QCOMPARE(model.pendingFlushes(), 1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.flushNow(); // the tester checks the indexes it names are valid
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
}

void TestMessageListModel::setMessagesReplacesAndCancelsPending()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFrameIntervalMs(24 * 3600 * 1000);
    model.setMessages(conversation(4));
    model.appendStreamingText(4, QStringLiteral("b"), {});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setMessages(conversation(2));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.pendingFlushes(), 0);
    model.flushNow();
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.rowForId(4), -1);
    QCOMPARE(model.rowForId(2), 1);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 2);
}

void TestMessageListModel::tenThousandMessages()
{
    MessageListModel model;
    model.setFrameIntervalMs(24 * 3600 * 1000);
    model.setMessages(conversation(10000));
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(model.rowForId(1), 0);
    QCOMPARE(model.rowForId(10000), 9999);
    QCOMPARE(roleAt(model, 9999, Qt::DisplayRole).toString(), QStringLiteral("message 10000"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 500; ++i)
        model.appendStreamingText(10000, QStringLiteral("!"), {});
    model.flushNow();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.record(9999).content, QStringLiteral("message 10000") + QString(500, QLatin1Char('!')));
}

// A model that writes its reasoning into the content as <think>...</think>: the tags never show as
// answer text, however the deltas cut them.
void TestMessageListModel::thinkTagsSplitWhileStreaming()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMessages(conversation(1));
    store::MessageRecord answer = makeMessage(2, api::Role::Assistant, {});
    answer.state = store::MessageState::Streaming;
    model.appendMessage(answer);

    model.appendStreamingText(2, QStringLiteral("\n<thi"), {});
    QVERIFY(model.record(1).content.isEmpty()); // undecided: nothing shown yet
    QVERIFY(model.record(1).reasoning.isEmpty());
    QCOMPARE(model.pendingFlushes(), 0);
    model.appendStreamingText(2, QStringLiteral("nk>Let me"), {});
    model.appendStreamingText(2, QStringLiteral(" see.</th"), {});
    QVERIFY(model.record(1).content.isEmpty());
    QCOMPARE(model.record(1).reasoning, QStringLiteral("Let me see."));
    QCOMPARE(roleAt(model, 1, MessageListModel::IsThinkingRole).toBool(), true);
    QVERIFY(roleAt(model, 1, MessageListModel::ReasoningMsRole).toLongLong() >= 0);
    model.appendStreamingText(2, QStringLiteral("ink>\n\nThe answer"), {});
    model.appendStreamingText(2, QStringLiteral(" is 42."), {});
    QCOMPARE(model.record(1).content, QStringLiteral("The answer is 42."));
    QCOMPARE(model.record(1).reasoning, QStringLiteral("Let me see."));
    QCOMPARE(roleAt(model, 1, MessageListModel::IsThinkingRole).toBool(), false);
    model.flushNow();

    // The next answer starts from scratch.
    store::MessageRecord done = model.record(1);
    done.state = store::MessageState::Complete;
    model.updateMessage(done);
    store::MessageRecord next = makeMessage(3, api::Role::Assistant, {});
    next.state = store::MessageState::Streaming;
    model.appendMessage(next);
    model.appendStreamingText(3, QStringLiteral("Plain"), {});
    QCOMPARE(model.record(2).content, QStringLiteral("Plain"));
}

void TestMessageListModel::thinkTagLaterInAnswerIsText()
{
    MessageListModel model;
    store::MessageRecord answer = makeMessage(1, api::Role::Assistant, QStringLiteral("Already started. "));
    answer.state = store::MessageState::Streaming;
    model.setMessages({answer});
    model.appendStreamingText(1, QStringLiteral("<think>not reasoning</think>"), {});
    QCOMPARE(model.record(0).content, QStringLiteral("Already started. <think>not reasoning</think>"));
    QVERIFY(model.record(0).reasoning.isEmpty());

    store::MessageRecord other = makeMessage(2, api::Role::Assistant, {});
    other.state = store::MessageState::Streaming;
    model.appendMessage(other);
    model.appendStreamingText(2, QStringLiteral("Use <think> tags"), {});
    QCOMPARE(model.record(1).content, QStringLiteral("Use <think> tags"));
    QCOMPARE(roleAt(model, 1, MessageListModel::ReasoningMsRole).toLongLong(), -1); // no reasoning
}

// The live timer: grows while the model reasons, stops when the answer starts.
void TestMessageListModel::reasoningTimeIsMeasured()
{
    MessageListModel model;
    store::MessageRecord answer = makeMessage(1, api::Role::Assistant, {});
    answer.state = store::MessageState::Streaming;
    model.setMessages({answer});
    QCOMPARE(model.measuredReasoningMs(1), -1);
    QCOMPARE(roleAt(model, 0, MessageListModel::IsThinkingRole).toBool(), false); // nothing yet

    model.appendStreamingText(1, {}, QStringLiteral("Hmm"));
    QVERIFY(roleAt(model, 0, MessageListModel::IsThinkingRole).toBool());
    const qint64 first = roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong();
    QVERIFY(first >= 0);
    QTRY_VERIFY(roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong() > first);

    model.appendStreamingText(1, QStringLiteral("Answer"), {});
    QVERIFY(!roleAt(model, 0, MessageListModel::IsThinkingRole).toBool());
    const qint64 frozen = roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong();
    QVERIFY(frozen > first);
    QCOMPARE(model.measuredReasoningMs(1), frozen);
    QTest::qWait(30);
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong(), frozen);
    model.appendStreamingText(1, {}, QStringLiteral(" more reasoning after the answer began"));
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong(), frozen);

    // Finished without a stored duration (a session that could not measure it): the measured one.
    store::MessageRecord done = model.record(0);
    done.state = store::MessageState::Complete;
    model.updateMessage(done);
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong(), frozen);
}

void TestMessageListModel::storedReasoningTimeWins()
{
    MessageListModel model;
    store::MessageRecord answer = makeMessage(1, api::Role::Assistant, {});
    answer.state = store::MessageState::Streaming;
    model.setMessages({answer});
    model.appendStreamingText(1, {}, QStringLiteral("thinking"));
    model.appendStreamingText(1, QStringLiteral("answer"), {});
    store::MessageRecord done = model.record(0);
    done.state = store::MessageState::Complete;
    done.reasoningMs = 14200;
    model.updateMessage(done);
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong(), 14200);

    // Loaded from the store: its duration, nothing measured.
    MessageListModel loaded;
    loaded.setMessages({done});
    QCOMPARE(roleAt(loaded, 0, MessageListModel::ReasoningMsRole).toLongLong(), 14200);
    QCOMPARE(loaded.measuredReasoningMs(1), -1);
}

void TestMessageListModel::reasoningUntilTheEndOfTheStream()
{
    MessageListModel model;
    store::MessageRecord answer = makeMessage(1, api::Role::Assistant, {});
    answer.state = store::MessageState::Streaming;
    model.setMessages({answer});
    model.appendStreamingText(1, QStringLiteral("<think>cut off while thin"), {});
    QTRY_VERIFY(roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong() > 0);
    store::MessageRecord cut = model.record(0);
    cut.state = store::MessageState::Complete;
    cut.finishReason = QStringLiteral("length");
    model.updateMessage(cut);
    const qint64 total = roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong();
    QVERIFY(total > 0);
    QVERIFY(!roleAt(model, 0, MessageListModel::IsThinkingRole).toBool());
    QTest::qWait(30);
    QCOMPARE(roleAt(model, 0, MessageListModel::ReasoningMsRole).toLongLong(), total); // stopped
    QCOMPARE(model.record(0).reasoning, QStringLiteral("cut off while thin"));
}

// ---- Cost -------------------------------------------------------------------------------------

namespace {

store::MessageRecord pricedAnswer(qint64 id, qint64 promptTokens)
{
    store::MessageRecord m = makeMessage(id, api::Role::Assistant, QStringLiteral("answer %1").arg(id));
    m.usage.present = true;
    m.usage.promptTokens = promptTokens;
    m.usage.completionTokens = 10;
    return m;
}

// A formatter as the app writes one: the cost of answers with usage, nothing for the rest.
MessageListModel::CostFormatter yuanPerHundredTokens(const QString& unit)
{
    return [unit](const store::MessageRecord& m) {
        if (m.role != api::Role::Assistant || !m.usage.present)
            return QString();
        return unit + QString::number(double(m.usage.promptTokens) / 100.0, 'f', 2);
    };
}

std::vector<store::MessageRecord> tokens3()
{
    return {makeMessage(1, api::Role::User, QStringLiteral("q")), pricedAnswer(2, 150),
            makeMessage(3, api::Role::User, QStringLiteral("q2")), pricedAnswer(4, 1234)};
}

} // namespace

void TestMessageListModel::costTextThroughTheFormatter()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMessages(tokens3());
    QVERIFY(!model.hasCostFormatter());
    for (int row = 0; row < 4; ++row)
        QCOMPARE(roleAt(model, row, MessageListModel::CostTextRole).toString(), QString()); // "" not invalid
    QVERIFY(roleAt(model, 0, MessageListModel::CostTextRole).isValid());
    QCOMPARE(model.roleNames().value(MessageListModel::CostTextRole), QByteArray("costText"));

    std::vector<quint64> before;
    for (int row = 0; row < 4; ++row)
        before.push_back(revision(model, row));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCostFormatter(yuanPerHundredTokens(QStringLiteral("\u00A5")));
    QVERIFY(model.hasCostFormatter());
    // One signal for every row, naming the cost and the revision.
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 3);
    const auto roles = changed.first().at(2).value<QList<int>>();
    QVERIFY(roles.contains(MessageListModel::CostTextRole));
    QVERIFY(roles.contains(MessageListModel::RevisionRole));
    for (int row = 0; row < 4; ++row)
        QVERIFY(revision(model, row) > before[size_t(row)]);
    QCOMPARE(roleAt(model, 0, MessageListModel::CostTextRole).toString(), QString());
    QCOMPARE(roleAt(model, 1, MessageListModel::CostTextRole).toString(), QStringLiteral("\u00A51.50"));
    QCOMPARE(roleAt(model, 3, MessageListModel::CostTextRole).toString(), QStringLiteral("\u00A512.34"));

    // Answers that arrive later are priced by it too; an update with new usage is priced again.
    model.appendMessage(pricedAnswer(5, 300));
    QCOMPARE(roleAt(model, 4, MessageListModel::CostTextRole).toString(), QStringLiteral("\u00A53.00"));
    model.updateMessage(pricedAnswer(5, 400));
    QCOMPARE(roleAt(model, 4, MessageListModel::CostTextRole).toString(), QStringLiteral("\u00A54.00"));

    // Removing the formatter removes the figures, again with new revisions.
    const quint64 withFormatter = revision(model, 1);
    model.setCostFormatter({});
    QVERIFY(!model.hasCostFormatter());
    QCOMPARE(roleAt(model, 1, MessageListModel::CostTextRole).toString(), QString());
    QVERIFY(revision(model, 1) != withFormatter);
    QCOMPARE(changed.count(), 3); // the update's own signal, then this one
}

// Revisions kept for a conversation that is not shown would bring back layouts with the old prices
// when it opens again.
void TestMessageListModel::newFormatterInvalidatesReopenedRevisions()
{
    MessageListModel model;
    model.setMessages(tokens3());
    const quint64 answerRevision = revision(model, 1);
    model.setMessages(conversation(2)); // another conversation
    model.setCostFormatter(yuanPerHundredTokens(QStringLiteral("$")));
    model.setMessages(tokens3());
    QVERIFY(revision(model, 1) != answerRevision);
    QCOMPARE(roleAt(model, 1, MessageListModel::CostTextRole).toString(), QStringLiteral("$1.50"));
    // Reopened with the same formatter: the revisions stay (layouts are reused).
    const quint64 priced = revision(model, 1);
    model.clear();
    model.setMessages(tokens3());
    QCOMPARE(revision(model, 1), priced);
}

// ---- Tool calls -------------------------------------------------------------------------------

namespace {

store::MessageRecord callingAnswer(qint64 id)
{
    store::MessageRecord m = makeMessage(id, api::Role::Assistant, QString());
    api::ToolCall weather;
    weather.index = 0;
    weather.id = QStringLiteral("call_weather");
    weather.name = QStringLiteral("get_weather");
    weather.arguments = QStringLiteral("{\"city\":\"Beijing\"}");
    api::ToolCall calc;
    calc.index = 1;
    calc.id = QStringLiteral("call_calc");
    calc.name = QStringLiteral("calculator");
    calc.arguments = QStringLiteral("{\"expression\":\"1+1\"}");
    m.toolCalls = {weather, calc};
    m.finishReason = QStringLiteral("tool_calls");
    return m;
}

store::MessageRecord toolMessage(qint64 id, const QString& callId, const QString& name, const QString& text)
{
    store::MessageRecord m = makeMessage(id, api::Role::Tool, text);
    m.toolCallId = callId;
    m.toolName = name;
    return m;
}

QList<bool> answeredFlags(const MessageListModel& model, int row)
{
    QList<bool> flags;
    for (const QVariant& call : roleAt(model, row, MessageListModel::ToolCallsRole).toList())
        flags.append(call.toMap().value(QStringLiteral("answered")).toBool());
    return flags;
}

} // namespace

void TestMessageListModel::toolResultsMarkCallsAnswered()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMessages({makeMessage(1, api::Role::User, QStringLiteral("q")), callingAnswer(2)});
    QCOMPARE(answeredFlags(model, 1), (QList<bool>{false, false}));
    const QVariantMap second = roleAt(model, 1, MessageListModel::ToolCallsRole).toList().at(1).toMap();
    QCOMPARE(second.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(second.value(QStringLiteral("id")).toString(), QStringLiteral("call_calc"));

    // A result for the second call: the answer above is signalled with a new revision.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    quint64 before = revision(model, 1);
    model.appendMessage(
        toolMessage(3, QStringLiteral("call_calc"), QStringLiteral("calculator"), QStringLiteral("2")));
    QCOMPARE(answeredFlags(model, 1), (QList<bool>{false, true}));
    QVERIFY(revision(model, 1) > before);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);

    before = revision(model, 1);
    model.appendMessage(toolMessage(4, QStringLiteral("call_weather"), QStringLiteral("get_weather"),
                                    QStringLiteral("sunny")));
    QCOMPARE(answeredFlags(model, 1), (QList<bool>{true, true}));
    QVERIFY(revision(model, 1) > before);

    // The next answer is no tool message: appending it leaves the calling answer alone.
    before = revision(model, 1);
    model.appendMessage(makeMessage(5, api::Role::Assistant, QStringLiteral("Sunny, and 2.")));
    QCOMPARE(revision(model, 1), before);
    QCOMPARE(answeredFlags(model, 1), (QList<bool>{true, true}));
    QCOMPARE(answeredFlags(model, 4), QList<bool>());

    // Removing the results makes the calls wait again.
    model.removeFrom(3);
    QCOMPARE(answeredFlags(model, 1), (QList<bool>{false, true}));
    QVERIFY(revision(model, 1) > before);
    model.removeFrom(2);
    QCOMPARE(answeredFlags(model, 1), (QList<bool>{false, false}));
}

void TestMessageListModel::toolResultNamesAndIds()
{
    MessageListModel model;
    model.setMessages(
        {makeMessage(1, api::Role::User, QStringLiteral("q")), callingAnswer(2),
         toolMessage(3, QStringLiteral("call_weather"), QString(), QStringLiteral("sunny")),
         toolMessage(4, QStringLiteral("call_calc"), QStringLiteral("calc"), QStringLiteral("2")),
         toolMessage(5, QStringLiteral("call_other"), QString(), QStringLiteral("?"))});
    QCOMPARE(roleAt(model, 2, MessageListModel::ToolCallIdRole).toString(), QStringLiteral("call_weather"));
    // A result without a stored name takes the name of the call it answers.
    QCOMPARE(roleAt(model, 2, MessageListModel::ToolNameRole).toString(), QStringLiteral("get_weather"));
    QCOMPARE(roleAt(model, 3, MessageListModel::ToolNameRole).toString(), QStringLiteral("calc"));
    QCOMPARE(roleAt(model, 4, MessageListModel::ToolNameRole).toString(), QString());
    // Other messages have neither.
    QCOMPARE(roleAt(model, 1, MessageListModel::ToolCallIdRole).toString(), QString());
    QCOMPARE(roleAt(model, 1, MessageListModel::ToolNameRole).toString(), QString());
    QCOMPARE(model.roleNames().value(MessageListModel::ToolCallIdRole), QByteArray("toolCallId"));
    QCOMPARE(model.roleNames().value(MessageListModel::ToolNameRole), QByteArray("toolName"));

    // The answer's calls renamed: the results below it are signalled too.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const quint64 before = revision(model, 2);
    store::MessageRecord renamed = callingAnswer(2);
    renamed.toolCalls[0].name = QStringLiteral("weather_now");
    model.updateMessage(renamed);
    QCOMPARE(roleAt(model, 2, MessageListModel::ToolNameRole).toString(), QStringLiteral("weather_now"));
    QVERIFY(revision(model, 2) > before);
    QCOMPARE(changed.count(), 4); // the answer, then its three results
}

// Reopening a tool round that got its results meanwhile: the answer is painted differently, so it
// must not get back the revision of its unanswered layout.
void TestMessageListModel::reopenedRoundKnowsItsResults()
{
    MessageListModel model;
    const std::vector<store::MessageRecord> waiting{makeMessage(1, api::Role::User, QStringLiteral("q")),
                                                    callingAnswer(2)};
    model.setMessages(waiting);
    const quint64 unanswered = revision(model, 1);
    model.clear();
    std::vector<store::MessageRecord> answered = waiting;
    answered.push_back(toolMessage(3, QStringLiteral("call_weather"), QString(), QStringLiteral("sunny")));
    model.setMessages(answered);
    QVERIFY(revision(model, 1) != unanswered);
    QCOMPARE(answeredFlags(model, 1), (QList<bool>{true, false}));
    const quint64 answeredRevision = revision(model, 1);
    model.clear();
    model.setMessages(answered);
    QCOMPARE(revision(model, 1), answeredRevision);
}

// AttachmentsRole is added after every other role (their values are stored by views and tests), gives
// the attachments as media::Attachment values, and an empty list, not an invalid variant, without any.
void TestMessageListModel::attachmentsRoleGivesTheParsedList()
{
    QCOMPARE(int(MessageListModel::AttachmentsRole), int(MessageListModel::ToolNameRole) + 1);
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const media::Attachment photo = stored(QStringLiteral("photo.png"), media::MediaKind::Image, 'a');
    const media::Attachment clip = stored(QStringLiteral("clip.mp4"), media::MediaKind::Video, 'b');
    const media::Attachment link = media::Attachment::fromUrl(QStringLiteral("https://example.com/cat.png"));
    std::vector<store::MessageRecord> path = conversation(3);
    path[0].attachmentsJson = media::Attachment::listToJson({photo, clip, link});
    path[2].attachmentsJson = QStringLiteral("this is not JSON");
    model.setMessages(path);

    const QVariant value = roleAt(model, 0, MessageListModel::AttachmentsRole);
    QCOMPARE(value.userType(), int(QMetaType::QVariantList));
    const QList<media::Attachment> list = attachmentsAt(model, 0);
    QCOMPARE(list.size(), 3);
    QVERIFY(list.at(0) == photo);
    QVERIFY(list.at(1) == clip);
    QVERIFY(list.at(1).durationSeconds == std::optional<double>(2.0));
    QVERIFY(list.at(2).isRemote());
    QCOMPARE(list.at(2).url, QStringLiteral("https://example.com/cat.png"));
    QCOMPARE(model.attachmentCountAt(0), 3);
    QCOMPARE(model.attachmentsAt(0).size(), 3);

    // No attachments, and text that is not a list: empty lists, still of the role's type.
    const QVariant none = roleAt(model, 1, MessageListModel::AttachmentsRole);
    QCOMPARE(none.userType(), int(QMetaType::QVariantList));
    QVERIFY(none.toList().isEmpty());
    QVERIFY(attachmentsAt(model, 2).isEmpty());
    QCOMPARE(model.attachmentCountAt(1), 0);
    QCOMPARE(model.attachmentCountAt(2), 0);
    QCOMPARE(model.attachmentCountAt(-1), 0);
    QCOMPARE(model.attachmentCountAt(3), 0);
    QVERIFY(!roleAt(model, 3, MessageListModel::AttachmentsRole).isValid());
    QCOMPARE(model.roleNames().value(MessageListModel::AttachmentsRole), QByteArray("attachments"));

    // Asked again (as every layout does): the same values.
    QVERIFY(attachmentsAt(model, 0) == list);
}

// The view caches layouts by revision: attachments that change must change it, in place and on reopening;
// an update keeps the role in step with the record (no stale parse).
void TestMessageListModel::attachmentsChangeTheRevision()
{
    MessageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const media::Attachment photo = stored(QStringLiteral("photo.png"), media::MediaKind::Image, 'a');
    const media::Attachment other = stored(QStringLiteral("other.png"), media::MediaKind::Image, 'c');
    std::vector<store::MessageRecord> path = conversation(2);
    path[0].attachmentsJson = media::Attachment::listToJson({photo});
    model.setMessages(path);
    QVERIFY(attachmentsAt(model, 0) == QList<media::Attachment>{photo});
    const quint64 before = revision(model, 0);

    store::MessageRecord changed = model.record(0);
    changed.attachmentsJson = media::Attachment::listToJson({photo, other});
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    model.updateMessage(changed);
    QCOMPARE(dataChanged.count(), 1);
    QVERIFY(revision(model, 0) != before);
    QVERIFY(attachmentsAt(model, 0) == (QList<media::Attachment>{photo, other}));

    // Reopened unchanged: the same revision; reopened with other attachments: a new one.
    model.clear();
    path[0] = changed;
    model.setMessages(path);
    const quint64 reopened = revision(model, 0);
    model.clear();
    model.setMessages(path);
    QCOMPARE(revision(model, 0), reopened);
    path[0].attachmentsJson = media::Attachment::listToJson({other});
    model.clear();
    model.setMessages(path);
    QVERIFY(revision(model, 0) != reopened);
    QVERIFY(attachmentsAt(model, 0) == QList<media::Attachment>{other});

    // Removed rows take their parsed lists with them; a row appended under the same id parses afresh.
    model.removeFrom(0);
    store::MessageRecord again = path[0];
    again.attachmentsJson.clear();
    model.appendMessage(again);
    QVERIFY(attachmentsAt(model, 0).isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
