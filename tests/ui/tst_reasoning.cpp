// Streamed reasoning end to end: a real ConversationSession and ConversationView against the loopback
// Ark server over HTTP on 127.0.0.1 (protocol digest §2.5, §3.7, §7 items 7, 8, 11). The Thinking
// section streams, times itself, folds by the setting or by hand, copies; <think> tags cut across
// chunks end up in it; reasoning never goes back to the API. Assertions are on states, never on
// elapsed time; waits are generous safety limits only.
#include "api/ChatClient.h"
#include "conversation/ConversationView.h"
#include "conversation/MessageDelegate.h"
#include "models/MessageListModel.h"
#include "session/AccountSettings.h"
#include "session/ConversationSession.h"
#include "settings/SettingsDialog.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "support/LoopbackServer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QNetworkAccessManager>
#include <QPaintEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <nlohmann/json.hpp>

using namespace ark;
using ark::models::MessageListModel;
using ark::session::ConversationSession;
using ark::session::ReasoningDisplay;
using ark::ui::ConversationView;
using ark::ui::MessageDelegate;
namespace ts = ark::testsupport;

Q_DECLARE_METATYPE(ark::session::ReasoningDisplay)

namespace {

constexpr int kWaitMs = 15000; // a safety limit, not an expectation
const QString kTestKey = QStringLiteral("test-key-loopback-0000");
const QString kLoopbackReasoning = QStringLiteral("Let me think about this.");
const QString kBudgetNotice = QStringLiteral("The model used its whole output budget while thinking and gave "
                                             "no answer. Raise max tokens and retry.");
const QRegularExpression kThinkingHeader(QStringLiteral("^Thinking\u2026 \\d+\\.\\d s$"));

QStringList messageLines(const QByteArray& body)
{
    const nlohmann::json json = nlohmann::json::parse(body.constData(), body.constData() + body.size());
    QStringList lines;
    for (const auto& m : json.at("messages"))
        lines << QString::fromStdString(m.value("role", std::string())) + QLatin1Char(':') +
                     QString::fromStdString(m.value("content", std::string()));
    return lines;
}

QByteArray sseLine(const QByteArray& payload)
{
    return "data: " + payload + "\n\n";
}

// Chunks, then nothing more: the answer stays open (still thinking) until it is stopped.
ts::ScriptedResponse stalled(const QList<QByteArray>& payloads)
{
    ts::ScriptedResponse r = ts::ScriptedResponse::sse({}, false);
    for (const QByteArray& payload : payloads)
        r.steps.push_back(ts::Step::write(sseLine(payload)));
    r.steps.push_back(ts::Step::stall());
    return r;
}

// Counts the paints of a widget and remembers their rectangles.
class PaintSpy : public QObject
{
public:
    explicit PaintSpy(QWidget* widget) { widget->installEventFilter(this); }
    QList<QRect> rects;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            rects.append(static_cast<QPaintEvent*>(event)->rect());
        return QObject::eventFilter(watched, event);
    }
};

store::MessageRecord record(qint64 id, api::Role role, const QString& content)
{
    store::MessageRecord m;
    m.id = id;
    m.conversationId = 1;
    m.parentId = id - 1;
    m.role = role;
    m.content = content;
    m.model = QStringLiteral("doubao-seed-1-6-250615");
    m.createdAt = store::nowUtc();
    return m;
}

store::MessageRecord thoughtAnswer(qint64 id, const QString& reasoning, const QString& content)
{
    store::MessageRecord m = record(id, api::Role::Assistant, content);
    m.reasoning = reasoning;
    m.reasoningMs = 14200;
    m.finishReason = QStringLiteral("stop");
    m.usage.present = true;
    m.usage.promptTokens = 30;
    m.usage.completionTokens = 1300;
    m.usage.reasoningTokens = 1234;
    return m;
}

} // namespace

class TestReasoning : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void reasoningStreamsThenAnswer();
    void thinkingHeaderRunsItsTimer();
    void thinkTagsSplitAcrossChunks();
    void thinkTagsHiddenWhileStreaming();
    void secondTurnSendsNoReasoning_data();
    void secondTurnSendsNoReasoning();
    void collapseSettings_data();
    void collapseSettings();
    void settledHeaderFormatsTimeAndTokens();
    void settingAppliesLiveFromTheDialog();
    void settingChangeInLongConversation();
    void manualToggleIsRemembered();
    void manualChoiceOutlivesTheAnswerStarting();
    void lengthWhileThinkingSaysSo();
    void copyPutsReasoningOnClipboard();
    void screenshot();

private:
    qint64 openConversation(const QString& model);
    bool send(const QString& text);
    ConversationView* makeView(QAbstractItemModel* model, QSize size = QSize(720, 640));
    QModelIndex answerIndex() const; // the last message of the session's model
    QString header(const QModelIndex& index) const
    {
        return m_view->messageDelegate()->reasoningHeaderText(index);
    }
    QStringList texts(const QModelIndex& index) const
    {
        return m_view->messageDelegate()->displayedTexts(index);
    }
    void click(const QRect& rect);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::ConversationStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<api::ChatClient> m_client;
    std::unique_ptr<ts::LoopbackServer> m_server;
    std::unique_ptr<ConversationSession> m_session;
    std::unique_ptr<ConversationView> m_view;
};

void TestReasoning::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ark-workbench-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_reasoning"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "1,234" in every environment
}

void TestReasoning::init()
{
    QSettings().remove(QStringLiteral("ui/reasoningDisplay")); // the default: expanded while thinking
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
    m_session = std::make_unique<ConversationSession>(*m_store, *m_client);
    m_session->setEndpoint(m_server->baseUrl(), kTestKey);
    api::ClientConfig config;
    config.baseUrl = QUrl();
    config.retry.maxRetries = 0;
    m_session->setClientConfig(config);
}

void TestReasoning::cleanup()
{
    m_view.reset();
    m_session.reset();
    m_server.reset();
    m_client.reset();
    m_nam.reset();
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

qint64 TestReasoning::openConversation(const QString& model)
{
    const store::ConversationRecord c = m_store->createConversation(QStringLiteral("Reasoning"), model);
    if (c.id == 0 || !m_session->open(c.id))
        return 0;
    makeView(m_session->messages());
    return c.id;
}

ConversationView* TestReasoning::makeView(QAbstractItemModel* model, QSize size)
{
    m_view = std::make_unique<ConversationView>();
    m_view->resize(size);
    m_view->setModel(model);
    m_view->show();
    if (!QTest::qWaitForWindowExposed(m_view.get()))
        qWarning("window not exposed");
    return m_view.get();
}

bool TestReasoning::send(const QString& text)
{
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    if (!m_session->send(text))
        return false;
    return finished.wait(kWaitMs) && finished.first().at(1).toBool();
}

QModelIndex TestReasoning::answerIndex() const
{
    const MessageListModel* model = m_session->messages();
    return model->index(model->rowCount() - 1);
}

void TestReasoning::click(const QRect& rect)
{
    QVERIFY(!rect.isEmpty());
    QTest::mouseMove(m_view->viewport(), rect.center());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rect.center());
}

// ---- Streaming ----------------------------------------------------------------------------------

void TestReasoning::reasoningStreamsThenAnswer()
{
    QVERIFY(openConversation(QStringLiteral("loopback-reasoning")) > 0);
    QVERIFY(send(QStringLiteral("What is the answer?")));

    const QModelIndex answer = answerIndex();
    QCOMPARE(answer.data(MessageListModel::ContentRole).toString(), QStringLiteral("The answer is 42."));
    QCOMPARE(answer.data(MessageListModel::ReasoningRole).toString(), kLoopbackReasoning);
    QVERIFY(!m_view->messageDelegate()->reasoningHeaderRect(m_view->visualRect(answer), answer).isEmpty());
    const qint64 tokens = answer.data(MessageListModel::ReasoningTokensRole).toLongLong();
    QCOMPARE(tokens, 6); // the loopback tokenizer: Let, me, think, about, this, .
    const QRegularExpression settled(QStringLiteral("^Thought for \\d+\\.\\d s \u00B7 6 reasoning tokens$"));
    QVERIFY2(settled.match(header(answer)).hasMatch(), qPrintable(header(answer)));
    // Folded once the answer started (the default setting), the answer itself shown in full.
    QVERIFY(!m_view->messageDelegate()->isReasoningExpanded(answer));
    QVERIFY(!texts(answer).contains(kLoopbackReasoning));
    QVERIFY(texts(answer).contains(QStringLiteral("The answer is 42.")));
    QVERIFY(!texts(answer).join(u'|').contains(QStringLiteral("Thinking")));
    QTRY_COMPARE(m_view->visualRect(answer).height(),
                 m_view->messageDelegate()->heightFor(answer, m_view->messageDelegate()->layoutWidth()));
}

// A stream that stays in its reasoning phase: the header counts up, about every 100 ms, redrawing
// only itself; the reasoning is unfolded; stopping settles it.
void TestReasoning::thinkingHeaderRunsItsTimer()
{
    m_server->enqueue("/chat/completions",
                      stalled({ts::chunks::reasoning(QStringLiteral("Let me")),
                               ts::chunks::reasoning(QStringLiteral(" weigh **both** options."))}));
    QVERIFY(openConversation(QStringLiteral("doubao-seed-1-6-250615")) > 0);
    QVERIFY(m_session->send(QStringLiteral("Which one?")));
    const QModelIndex answer = answerIndex();
    // Shown once the model's next frame has signalled the text.
    QTRY_VERIFY_WITH_TIMEOUT(texts(answer).contains(QStringLiteral("Let me weigh both options.")), kWaitMs);
    QCOMPARE(answer.data(MessageListModel::ReasoningRole).toString(),
             QStringLiteral("Let me weigh **both** options."));
    QVERIFY(MessageDelegate::isThinking(answer));
    QVERIFY(answer.data(MessageListModel::ContentRole).toString().isEmpty());

    const QString first = header(answer);
    QVERIFY2(kThinkingHeader.match(first).hasMatch(), qPrintable(first));
    QVERIFY(m_view->messageDelegate()->isReasoningExpanded(answer));
    QVERIFY(!texts(answer).contains(QStringLiteral("\u2026"))); // the header replaces the bare ellipsis

    PaintSpy paints(m_view->viewport());
    QTRY_VERIFY_WITH_TIMEOUT(m_view->isThinkingTimerActive(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(header(answer) != first, kWaitMs); // the clock runs
    QVERIFY(kThinkingHeader.match(header(answer)).hasMatch());
    // The timer redraws the header row alone, not the whole view.
    const QRect headerRect =
        m_view->messageDelegate()->reasoningHeaderRect(m_view->visualRect(answer), answer);
    QTRY_VERIFY_WITH_TIMEOUT(paints.rects.contains(headerRect), kWaitMs);

    m_session->stop();
    QCOMPARE(answer.data(MessageListModel::StateRole).toInt(), int(store::MessageState::Interrupted));
    const QRegularExpression settled(QStringLiteral("^Thought for \\d+\\.\\d s$")); // no usage: no tokens
    QVERIFY2(settled.match(header(answer)).hasMatch(), qPrintable(header(answer)));
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isThinkingTimerActive(), kWaitMs); // nothing thinks any more
    const QString settledText = header(answer);
    QTest::qWait(250);
    QCOMPARE(header(answer), settledText); // the time stands still
    // The stored answer keeps the reasoning and its duration.
    const auto stored = m_store->message(answer.data(MessageListModel::MessageIdRole).toLongLong());
    QVERIFY(stored);
    QCOMPARE(stored->reasoning, QStringLiteral("Let me weigh **both** options."));
    QVERIFY(stored->reasoningMs >= 0);
}

void TestReasoning::thinkTagsSplitAcrossChunks()
{
    QVERIFY(openConversation(QStringLiteral("loopback-think-tags")) > 0);
    QVERIFY(send(QStringLiteral("What is the answer?")));
    // The loopback server really cut the tags: "<", "think", ">" each came in a chunk of their own.
    const QByteArray request = m_server->requests().last().body;
    QVERIFY(request.contains("loopback-think-tags"));

    const QModelIndex answer = answerIndex();
    QCOMPARE(answer.data(MessageListModel::ContentRole).toString(), QStringLiteral("The answer is 42."));
    QCOMPARE(answer.data(MessageListModel::ReasoningRole).toString().trimmed(), kLoopbackReasoning);
    const auto stored = m_store->message(answer.data(MessageListModel::MessageIdRole).toLongLong());
    QVERIFY(stored);
    QCOMPARE(stored->content, QStringLiteral("The answer is 42."));
    QCOMPARE(stored->reasoning.trimmed(), kLoopbackReasoning);
    // Timed by the model (the reasoning did not come as reasoning_content); no reasoning tokens reported.
    const QRegularExpression settled(QStringLiteral("^Thought for \\d+\\.\\d s$"));
    QVERIFY2(settled.match(header(answer)).hasMatch(), qPrintable(header(answer)));
    QVERIFY(!texts(answer).join(u'|').contains(QStringLiteral("think>")));
    m_view->messageDelegate()->setReasoningExpanded(answer, true);
    QVERIFY(texts(answer).contains(kLoopbackReasoning));
    QVERIFY(!texts(answer).join(u'|').contains(QStringLiteral("think>")));
}

void TestReasoning::thinkTagsHiddenWhileStreaming()
{
    m_server->enqueue("/chat/completions", stalled({ts::chunks::content(QStringLiteral("\n<thi")),
                                                    ts::chunks::content(QStringLiteral("nk>")),
                                                    ts::chunks::content(QStringLiteral("Step one</th"))}));
    QVERIFY(openConversation(QStringLiteral("doubao-1-5-vision-pro-250328")) > 0);
    QVERIFY(m_session->send(QStringLiteral("Think first.")));
    const QModelIndex answer = answerIndex();
    QTRY_VERIFY_WITH_TIMEOUT(texts(answer).contains(QStringLiteral("Step one")), kWaitMs);
    QCOMPARE(answer.data(MessageListModel::ReasoningRole).toString(), QStringLiteral("Step one"));
    QVERIFY(answer.data(MessageListModel::ContentRole).toString().isEmpty());
    QVERIFY(MessageDelegate::isThinking(answer));
    QVERIFY2(kThinkingHeader.match(header(answer)).hasMatch(), qPrintable(header(answer)));
    QVERIFY(!texts(answer).join(u'|').contains(QStringLiteral("<")));
    m_session->stop();
    // Stopped inside the block: the held "</th" is reasoning text, the answer stays empty.
    QCOMPARE(answer.data(MessageListModel::ReasoningRole).toString(), QStringLiteral("Step one</th"));
    QVERIFY(answer.data(MessageListModel::ContentRole).toString().isEmpty());
}

// Reasoning is stored with the message but never sent back: the second request carries the first
// answer's content only (the loopback server would answer 400 to reasoning_content).
void TestReasoning::secondTurnSendsNoReasoning_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("reasoning_content") << QStringLiteral("loopback-reasoning");
    QTest::newRow("<think> in content") << QStringLiteral("loopback-think-tags");
}

void TestReasoning::secondTurnSendsNoReasoning()
{
    QFETCH(QString, model);
    QVERIFY(openConversation(model) > 0);
    QVERIFY(send(QStringLiteral("What is the answer?")));
    QCOMPARE(answerIndex().data(MessageListModel::ReasoningRole).toString().trimmed(), kLoopbackReasoning);
    QVERIFY(send(QStringLiteral("Why?")));

    QCOMPARE(m_server->requests().size(), 2);
    const QByteArray body = m_server->requests().last().body;
    QCOMPARE(messageLines(body),
             (QStringList{QStringLiteral("user:What is the answer?"),
                          QStringLiteral("assistant:The answer is 42."), QStringLiteral("user:Why?")}));
    QVERIFY2(!body.contains("Let me think"), body.constData());
    QVERIFY(!body.contains("reasoning_content"));
    QVERIFY(!body.contains("think>"));
    // Both answers keep their reasoning for display.
    const MessageListModel* messages = m_session->messages();
    QCOMPARE(messages->rowCount(), 4);
    for (int row : {1, 3})
        QCOMPARE(messages->index(row).data(MessageListModel::ReasoningRole).toString().trimmed(),
                 kLoopbackReasoning);
}

// ---- Folding ------------------------------------------------------------------------------------

void TestReasoning::collapseSettings_data()
{
    QTest::addColumn<ReasoningDisplay>("display");
    QTest::addColumn<bool>("whileThinking");
    QTest::addColumn<bool>("afterAnswer");
    QTest::newRow("always expanded") << ReasoningDisplay::AlwaysExpanded << true << true;
    QTest::newRow("expanded while thinking") << ReasoningDisplay::ExpandedWhileThinking << true << false;
    QTest::newRow("always collapsed") << ReasoningDisplay::AlwaysCollapsed << false << false;
}

void TestReasoning::collapseSettings()
{
    QFETCH(ReasoningDisplay, display);
    QFETCH(bool, whileThinking);
    QFETCH(bool, afterAnswer);

    MessageListModel model;
    store::MessageRecord streaming = record(2, api::Role::Assistant, {});
    streaming.state = store::MessageState::Streaming;
    model.setMessages({record(1, api::Role::User, QStringLiteral("Plan a trip.")), streaming});
    makeView(&model);
    m_view->setReasoningDisplay(display);
    QCOMPARE(m_view->reasoningDisplay(), display);
    MessageDelegate* delegate = m_view->messageDelegate();
    const QModelIndex answer = model.index(1);
    const auto exactHeight = [&] {
        return delegate->heightFor(answer, delegate->layoutWidth());
    };

    const QString reasoning = QStringLiteral("First the dates.\n\n- flights\n- hotels\n\nThen the budget.");
    model.appendStreamingText(2, {}, reasoning);
    model.flushNow();
    QCOMPARE(delegate->isReasoningExpanded(answer), whileThinking);
    QCOMPARE(texts(answer).join(u'|').contains(QStringLiteral("Then the budget.")), whileThinking);
    QTRY_COMPARE(m_view->visualRect(answer).height(), exactHeight());
    const int thinkingHeight = m_view->visualRect(answer).height();

    model.appendStreamingText(2, QStringLiteral("Go in May."), {});
    model.flushNow();
    QCOMPARE(delegate->isReasoningExpanded(answer), afterAnswer);
    QCOMPARE(texts(answer).join(u'|').contains(QStringLiteral("Then the budget.")), afterAnswer);
    QVERIFY(texts(answer).contains(QStringLiteral("Go in May.")));
    QTRY_COMPARE(m_view->visualRect(answer).height(), exactHeight());
    if (whileThinking && !afterAnswer) // folding away the reasoning made the message shorter
        QVERIFY(m_view->visualRect(answer).height() < thinkingHeight);

    store::MessageRecord done = model.record(1);
    done.state = store::MessageState::Complete;
    model.updateMessage(done);
    QCOMPARE(delegate->isReasoningExpanded(answer), afterAnswer);
    QTRY_COMPARE(m_view->visualRect(answer).height(), exactHeight());
}

void TestReasoning::settledHeaderFormatsTimeAndTokens()
{
    MessageListModel model;
    store::MessageRecord one = thoughtAnswer(2, QStringLiteral("Short."), QStringLiteral("Yes."));
    one.usage.reasoningTokens = 1;
    store::MessageRecord unknown = thoughtAnswer(3, QStringLiteral("Old message."), QStringLiteral("No."));
    unknown.reasoningMs = -1;
    unknown.usage.present = false;
    model.setMessages({thoughtAnswer(1, QStringLiteral("Long."), QStringLiteral("Maybe.")), one, unknown,
                       record(4, api::Role::Assistant, QStringLiteral("No reasoning at all."))});
    makeView(&model);
    QCOMPARE(header(model.index(0)), QStringLiteral("Thought for 14.2 s \u00B7 1,234 reasoning tokens"));
    QCOMPARE(header(model.index(1)), QStringLiteral("Thought for 14.2 s \u00B7 1 reasoning token"));
    QCOMPARE(header(model.index(2)), QStringLiteral("Reasoning")); // stored before durations were kept
    QVERIFY(header(model.index(3)).isEmpty());
    QVERIFY(m_view->messageDelegate()
                ->reasoningHeaderRect(m_view->visualRect(model.index(3)), model.index(3))
                .isEmpty());
    QVERIFY(m_view->actionRect(model.index(3), MessageDelegate::Action::ReasoningCopy).isEmpty());
    // Nothing is thinking: the view never starts its timer.
    m_view->viewport()->repaint();
    QVERIFY(!m_view->isThinkingTimerActive());
}

void TestReasoning::settingAppliesLiveFromTheDialog()
{
    MessageListModel model;
    model.setMessages({record(1, api::Role::User, QStringLiteral("Question")),
                       thoughtAnswer(2, QStringLiteral("A long chain of thought.\n\nWith two paragraphs."),
                                     QStringLiteral("Answer"))});
    makeView(&model);
    MessageDelegate* delegate = m_view->messageDelegate();
    const QModelIndex answer = model.index(1);
    QCOMPARE(m_view->reasoningDisplay(), ReasoningDisplay::ExpandedWhileThinking);
    QVERIFY(!delegate->isReasoningExpanded(answer));
    const int folded = m_view->visualRect(answer).height();

    // Written elsewhere (AccountSettings): every open view follows at once.
    session::AccountSettings::setReasoningDisplay(ReasoningDisplay::AlwaysExpanded);
    QCOMPARE(m_view->reasoningDisplay(), ReasoningDisplay::AlwaysExpanded);
    QVERIFY(delegate->isReasoningExpanded(answer));
    QTRY_COMPARE(m_view->visualRect(answer).height(), delegate->heightFor(answer, delegate->layoutWidth()));
    QVERIFY(m_view->visualRect(answer).height() > folded);
    QVERIFY(texts(answer).contains(QStringLiteral("A long chain of thought.\n\nWith two paragraphs.")));

    // Through the Settings dialog's Appearance page.
    {
        ui::SettingsDialog dialog(*m_client);
        auto* collapsed = dialog.findChild<QAbstractButton*>(QStringLiteral("reasoningCollapsedRadio"));
        auto* expanded = dialog.findChild<QAbstractButton*>(QStringLiteral("reasoningExpandedRadio"));
        QVERIFY(collapsed && expanded);
        QVERIFY(expanded->isChecked()); // the dialog shows what is saved
        dialog.showPage(ui::SettingsDialog::Page::Appearance);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(QStringLiteral("/tmp/reasoning-settings.png"));
        QSignalSpy changed(&dialog, &ui::SettingsDialog::reasoningDisplayChanged);
        collapsed->click();
        QCOMPARE(m_view->reasoningDisplay(), ReasoningDisplay::AlwaysExpanded); // nothing before Apply
        dialog.apply();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<ReasoningDisplay>(), ReasoningDisplay::AlwaysCollapsed);
    }
    QCOMPARE(session::AccountSettings::reasoningDisplay(), ReasoningDisplay::AlwaysCollapsed);
    QCOMPARE(m_view->reasoningDisplay(), ReasoningDisplay::AlwaysCollapsed);
    QVERIFY(!delegate->isReasoningExpanded(answer));
    QTRY_COMPARE(m_view->visualRect(answer).height(), folded);
}

// A conversation long enough for estimated heights: only the messages with reasoning are re-measured,
// in the background, and the view stays at the end.
void TestReasoning::settingChangeInLongConversation()
{
    MessageListModel model;
    std::vector<store::MessageRecord> records;
    for (int i = 1; i <= 600; ++i)
        records.push_back(i % 2 ? record(i, api::Role::User, QStringLiteral("Question %1").arg(i))
                                : thoughtAnswer(i, QStringLiteral("Reasoning %1.\n\nMore reasoning.").arg(i),
                                                QStringLiteral("Answer %1").arg(i)));
    model.setMessages(records);
    makeView(&model);
    MessageDelegate* delegate = m_view->messageDelegate();
    const auto allExact = [&] {
        for (int row = 0; row < model.rowCount(); ++row)
            if (m_view->visualRect(model.index(row)).height() !=
                delegate->heightFor(model.index(row), delegate->layoutWidth()))
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(delegate->hasExactHeight(model.index(0)), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(allExact(), kWaitMs);
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    const int maximumFolded = bar->maximum();
    const int built = delegate->layoutsBuilt();

    m_view->setReasoningDisplay(ReasoningDisplay::AlwaysExpanded);
    QVERIFY(delegate->isReasoningExpanded(model.index(1)));
    // The answers on screen are exact at once; the rest follow in the background.
    const QModelIndex last = model.index(model.rowCount() - 1);
    QCOMPARE(m_view->visualRect(last).height(), delegate->heightFor(last, delegate->layoutWidth()));
    QTRY_VERIFY_WITH_TIMEOUT(allExact(), kWaitMs);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(bar->maximum() > maximumFolded);
    QVERIFY(m_view->isFollowingEnd());
    // Questions (no reasoning) were never laid out again.
    QVERIFY2(delegate->layoutsBuilt() - built <= 300 + 20,
             qPrintable(QString::number(delegate->layoutsBuilt() - built)));
}

void TestReasoning::manualToggleIsRemembered()
{
    QVERIFY(openConversation(QStringLiteral("loopback-reasoning")) > 0);
    const qint64 conversation = m_session->conversationId();
    QVERIFY(send(QStringLiteral("What is the answer?")));
    QModelIndex answer = answerIndex();
    MessageDelegate* delegate = m_view->messageDelegate();
    QVERIFY(!delegate->isReasoningExpanded(answer));
    const int folded = m_view->visualRect(answer).height();

    QSignalSpy toggled(delegate, &MessageDelegate::reasoningToggled);
    click(delegate->reasoningHeaderRect(m_view->visualRect(answer), answer));
    QCOMPARE(toggled.count(), 1);
    QVERIFY(delegate->isReasoningExpanded(answer));
    QVERIFY(texts(answer).contains(kLoopbackReasoning));
    QTRY_VERIFY(m_view->visualRect(answer).height() > folded);
    QCOMPARE(m_view->visualRect(answer).height(), delegate->heightFor(answer, delegate->layoutWidth()));

    // Reopening the conversation (a new model reset) keeps the choice.
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QVERIFY(m_session->open(conversation));
    QVERIFY(loaded.count() > 0 || loaded.wait(kWaitMs)); // the history is read in the background
    QCOMPARE(m_session->messages()->rowCount(), 2);
    answer = answerIndex();
    QVERIFY(delegate->isReasoningExpanded(answer));
    QTRY_COMPARE(m_view->visualRect(answer).height(), delegate->heightFor(answer, delegate->layoutWidth()));

    // The Copy button sits in the header row but is not the header: clicking it does not fold.
    click(m_view->actionRect(answer, MessageDelegate::Action::ReasoningCopy));
    QVERIFY(delegate->isReasoningExpanded(answer));
    QCOMPARE(toggled.count(), 1);

    click(delegate->reasoningHeaderRect(m_view->visualRect(answer), answer));
    QVERIFY(!delegate->isReasoningExpanded(answer));
    QCOMPARE(toggled.count(), 2);
    QVERIFY(!texts(answer).contains(kLoopbackReasoning));
    QTRY_COMPARE(m_view->visualRect(answer).height(), folded);
    QVERIFY(m_view->actionRect(answer, MessageDelegate::Action::ReasoningCopy).isEmpty()); // with the text
}

// Folded by hand while the model still thinks: it stays folded when the answer starts, and the
// other way round.
void TestReasoning::manualChoiceOutlivesTheAnswerStarting()
{
    MessageListModel model;
    store::MessageRecord a = record(2, api::Role::Assistant, {});
    a.state = store::MessageState::Streaming;
    store::MessageRecord b = record(3, api::Role::Assistant, {});
    b.state = store::MessageState::Streaming;
    model.setMessages({record(1, api::Role::User, QStringLiteral("Two answers")), a, b});
    makeView(&model);
    MessageDelegate* delegate = m_view->messageDelegate();
    model.appendStreamingText(2, {}, QStringLiteral("Thinking about A."));
    model.appendStreamingText(3, {}, QStringLiteral("Thinking about B."));
    model.flushNow();
    QVERIFY(delegate->isReasoningExpanded(model.index(1)));
    click(delegate->reasoningHeaderRect(m_view->visualRect(model.index(1)), model.index(1)));
    QVERIFY(!delegate->isReasoningExpanded(model.index(1)));

    model.appendStreamingText(2, QStringLiteral("A."), {});
    model.appendStreamingText(3, QStringLiteral("B."), {});
    model.flushNow();
    QVERIFY(!delegate->isReasoningExpanded(model.index(1))); // as chosen
    QVERIFY(!delegate->isReasoningExpanded(model.index(2))); // by the setting
    delegate->setReasoningExpanded(model.index(2), true);
    model.appendStreamingText(3, QStringLiteral(" More."), {});
    model.flushNow();
    QVERIFY(delegate->isReasoningExpanded(model.index(2)));
}

void TestReasoning::lengthWhileThinkingSaysSo()
{
    QVERIFY(openConversation(QStringLiteral("loopback-reasoning-length")) > 0);
    QVERIFY(send(QStringLiteral("Prove it.")));
    const QModelIndex answer = answerIndex();
    QCOMPARE(answer.data(MessageListModel::FinishReasonRole).toString(), QStringLiteral("length"));
    QVERIFY(answer.data(MessageListModel::ContentRole).toString().isEmpty());
    QVERIFY(!answer.data(MessageListModel::ReasoningRole).toString().isEmpty());
    QVERIFY(texts(answer).contains(kBudgetNotice));
    QVERIFY(header(answer).startsWith(QStringLiteral("Thought for ")));
    QVERIFY(header(answer).endsWith(QStringLiteral(" reasoning tokens")));
    QTRY_COMPARE(m_view->visualRect(answer).height(),
                 m_view->messageDelegate()->heightFor(answer, m_view->messageDelegate()->layoutWidth()));

    // A normal answer cut by the limit, or one that never reasoned, gets no such notice.
    MessageListModel model;
    store::MessageRecord cut = thoughtAnswer(1, QStringLiteral("Thoughts"), QStringLiteral("Half an ans"));
    cut.finishReason = QStringLiteral("length");
    store::MessageRecord plain = record(2, api::Role::Assistant, QString());
    plain.finishReason = QStringLiteral("length");
    model.setMessages({cut, plain});
    m_view->setModel(&model);
    QVERIFY(!texts(model.index(0)).contains(kBudgetNotice));
    QVERIFY(!texts(model.index(1)).contains(kBudgetNotice));
    m_view->setModel(nullptr);
}

void TestReasoning::copyPutsReasoningOnClipboard()
{
    QVERIFY(openConversation(QStringLiteral("loopback-reasoning")) > 0);
    QVERIFY(send(QStringLiteral("What is the answer?")));
    const QModelIndex answer = answerIndex();
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QSignalSpy copies(m_view->messageDelegate(), &MessageDelegate::reasoningCopyRequested);
    // Folded, the section offers no Copy; unfolded, it does.
    QVERIFY(m_view->actionRect(answer, MessageDelegate::Action::ReasoningCopy).isEmpty());
    click(m_view->actionRect(answer, MessageDelegate::Action::ReasoningToggle));
    QTRY_COMPARE(m_view->visualRect(answer).height(),
                 m_view->messageDelegate()->heightFor(answer, m_view->messageDelegate()->layoutWidth()));
    click(m_view->actionRect(answer, MessageDelegate::Action::ReasoningCopy));
    QCOMPARE(copies.count(), 1);
    QCOMPARE(copies.first().first().toLongLong(), answer.data(MessageListModel::MessageIdRole).toLongLong());
    QCOMPARE(QGuiApplication::clipboard()->text(), kLoopbackReasoning);
    // The message's own Copy still copies the answer only.
    click(m_view->actionRect(answer, MessageDelegate::Action::Copy));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("The answer is 42."));
}

// ---- Screenshot ---------------------------------------------------------------------------------

void TestReasoning::screenshot()
{
    MessageListModel model;
    const QString reasoning = QStringLiteral(
        "The user asks which request mode fits a **long document**. Two things matter:\n\n"
        "1. time to first token, which streaming improves;\n2. the idle timeout, which thinking models "
        "can hit.\n\nA sketch:\n\n```python\nfor chunk in stream:\n    handle(chunk)\n```\n\nSo: streaming.");
    store::MessageRecord expanded = thoughtAnswer(2, reasoning,
                                                  QStringLiteral("Use **streaming**: the first "
                                                                 "words arrive at once."));
    store::MessageRecord collapsed =
        thoughtAnswer(4, reasoning, QStringLiteral("A batch request is fine for short prompts."));
    store::MessageRecord budget =
        thoughtAnswer(6, QStringLiteral("Counting every case one by one"), QString());
    budget.finishReason = QStringLiteral("length");
    store::MessageRecord thinking = record(8, api::Role::Assistant, {});
    thinking.state = store::MessageState::Streaming;
    model.setMessages({record(1, api::Role::User, QStringLiteral("Streaming or batch for a long document?")),
                       expanded, record(3, api::Role::User, QStringLiteral("And for a short one?")),
                       collapsed, record(5, api::Role::User, QStringLiteral("List every case.")), budget,
                       record(7, api::Role::User, QStringLiteral("One more question.")), thinking});
    makeView(&model, QSize(760, 1250));
    model.appendStreamingText(8, {}, QStringLiteral("Let me look at the *question* again."));
    model.flushNow();
    m_view->messageDelegate()->setReasoningExpanded(model.index(1), true);
    // Hover the collapsed section's header, as a person about to unfold it.
    const QRect hovered =
        m_view->messageDelegate()->reasoningHeaderRect(m_view->visualRect(model.index(3)), model.index(3));
    QTest::mouseMove(m_view->viewport(), hovered.center() + QPoint(-100, 0));
    m_view->verticalScrollBar()->setValue(0);
    QTRY_COMPARE(
        m_view->visualRect(model.index(1)).height(),
        m_view->messageDelegate()->heightFor(model.index(1), m_view->messageDelegate()->layoutWidth()));
    const QImage light = m_view->grab().toImage();
    QVERIFY(!light.isNull());
    light.save(QStringLiteral("/tmp/reasoning-light.png"));

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::Base, QColor(0x1b, 0x1b, 0x1f));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x2a, 0x2a, 0x30));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xff));
    dark.setColor(QPalette::Link, QColor(0x6e, 0xaa, 0xf0));
    m_view->setPalette(dark);
    QTRY_VERIFY(m_view->messageDelegate()->cachedLayouts() > 0);
    m_view->grab().toImage().save(QStringLiteral("/tmp/reasoning-dark.png"));
}

QTEST_MAIN(TestReasoning)
#include "tst_reasoning.moc"
