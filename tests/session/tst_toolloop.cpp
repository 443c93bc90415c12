// The tool-call loop of ConversationSession end to end: a real SQLite file, the loopback Ark server
// and the ChatClient over real HTTP on 127.0.0.1. The request bodies the server recorded are compared
// exactly (roles, tool_call_id order, no reasoning), what was stored is read back through a new
// connection, and the usage ledger gets one row per request. Waits are generous safety limits only.
#include "catalog/Catalog.h"
#include "session/ConversationSession.h"
#include "store/UsageLedger.h"
#include "support/LoopbackServer.h"
#include "tools/BuiltinTools.h"
#include "tools/ToolSchema.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <nlohmann/json.hpp>

using ark::models::ToolCallListModel;
using ark::session::ConversationParams;
using ark::session::ConversationSession;
using namespace ark;
namespace ts = ark::testsupport;
using nlohmann::json;

namespace {

constexpr int kWaitMs = 15000; // a safety limit, not an expectation
const QString kTestKey = QStringLiteral("test-key-loopback-0000");
const QString kQuestion = QStringLiteral("What about the weather?");

json bodyOf(const ts::RecordedRequest& request)
{
    return json::parse(request.body.constData(), request.body.constData() + request.body.size());
}

std::string utf8(const QString& s)
{
    return s.toStdString();
}

QString dumped(const json& value)
{
    return QString::fromStdString(value.dump());
}

api::ToolDefinition function(const char* name, const char* parametersJson)
{
    api::ToolDefinition d;
    d.name = QString::fromLatin1(name);
    d.description = QStringLiteral("A test function.");
    d.parameters = json::parse(parametersJson);
    return d;
}

// Every function the loopback scenarios call, plus the built-in tools.
QString toolsDocument()
{
    std::vector<api::ToolDefinition> tools = tools::BuiltinTools::definitions();
    tools.push_back(function(
        "get_weather",
        R"({"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string"}},"required":["city"]})"));
    tools.push_back(
        function("get_time", R"({"type":"object","properties":{"tz":{"type":"string"}},"required":["tz"]})"));
    tools.push_back(function(
        "AppFinder",
        R"({"type":"object","properties":{"prompt":{"type":"string"},"region":{"type":"string"}},"required":["prompt"]})"));
    return tools::ToolSchema::toDocument(tools);
}

// An answer that calls tools, as a script: optional reasoning, then each call in fragments.
struct ScriptedCall
{
    QByteArray id, name, arguments;
};
ts::ScriptedResponse toolCallAnswer(const QList<ScriptedCall>& calls, const QString& reasoning = {})
{
    QList<QByteArray> payloads;
    if (!reasoning.isEmpty())
        payloads << ts::chunks::reasoning(reasoning);
    for (int i = 0; i < calls.size(); ++i) {
        payloads << ts::chunks::toolCallStart(i, calls[i].id, calls[i].name);
        const QByteArray& args = calls[i].arguments;
        payloads << ts::chunks::toolCallArgs(i, args.left(args.size() / 2))
                 << ts::chunks::toolCallArgs(i, args.mid(args.size() / 2));
    }
    payloads << ts::chunks::finish("tool_calls") << ts::chunks::usageOnly(12, 9, reasoning.isEmpty() ? 0 : 4);
    return ts::ScriptedResponse::sse(payloads);
}

ScriptedCall calculatorCall(const QByteArray& id, const QByteArray& expression)
{
    return {id, "calculator", "{\"expression\":\"" + expression + "\"}"};
}

// Content chunks then a stall: the answer stays open until it is stopped.
ts::ScriptedResponse stalledAnswer(const QString& text)
{
    ts::ScriptedResponse r = ts::ScriptedResponse::sse({}, false);
    r.steps.push_back(ts::Step::write("data: " + ts::chunks::content(text) + "\n\n"));
    r.steps.push_back(ts::Step::stall());
    return r;
}

// The tool messages a request should end with, from the answers given in the model.
json toolMessagesOf(const ToolCallListModel& calls)
{
    json out = json::array();
    for (int row = 0; row < calls.count(); ++row)
        out.push_back({{"role", "tool"},
                       {"tool_call_id", utf8(calls.entry(row).call.id)},
                       {"content", utf8(calls.entry(row).result)}});
    return out;
}

json assistantWithCalls(const QString& content, const QStringList& ids, const QStringList& names,
                        const QStringList& arguments)
{
    json message = {{"role", "assistant"}};
    if (!content.isNull())
        message["content"] = utf8(content);
    json calls = json::array();
    for (int i = 0; i < ids.size(); ++i)
        calls.push_back({{"id", utf8(ids[i])},
                         {"type", "function"},
                         {"function", {{"name", utf8(names[i])}, {"arguments", utf8(arguments[i])}}}});
    message["tool_calls"] = calls;
    return message;
}

// The answer a person gives each call: a result, or the default error for arguments that do not fit.
QStringList answerEveryCall(ToolCallListModel& calls)
{
    QStringList results;
    for (int row = 0; row < calls.count(); ++row) {
        if (calls.entry(row).check.hasErrors())
            calls.returnError(row, calls.defaultErrorText(row));
        else
            calls.answer(row, QStringLiteral("result %1 for %2").arg(row).arg(calls.entry(row).call.name));
        results << calls.entry(row).result;
    }
    return results;
}

QList<api::ChatMessage> historyOf(const ToolCallListModel& calls)
{
    const std::vector<api::ChatMessage> history = calls.history();
    return QList<api::ChatMessage>(history.begin(), history.end());
}

QStringList rolesOf(const std::vector<store::MessageRecord>& path)
{
    QStringList roles;
    for (const store::MessageRecord& m : path)
        roles << store::roleToText(m.role);
    return roles;
}

QStringList kindsOf(const std::vector<store::LedgerEntry>& rows)
{
    QStringList kinds;
    for (const store::LedgerEntry& e : rows)
        kinds << e.kind + (e.error.isEmpty() ? QString() : QLatin1Char('/') + e.error);
    return kinds;
}

// One model the catalog prices: 2 per million input tokens, 8 per million output (exact micros).
std::shared_ptr<const catalog::Catalog> pricedCatalog(const QByteArray& modelId)
{
    // Plain literals: moc's reader stumbles over a raw string holding "//".
    const QByteArray json = "{\"schema_version\": 1, \"version\": \"test.1\","
                            " \"providers\": [{\"id\": \"volcengine-ark\", \"display_name\": \"Ark\","
                            " \"default_base_url\": \"https://ark.cn-beijing.volces.com/api/v3\","
                            " \"date_utc_offset\": \"+08:00\"}],"
                            " \"models\": [{\"id\": \"" +
                            modelId +
                            "\", \"provider\": \"volcengine-ark\", \"kind\": \"chat\", \"lifecycle\": {},"
                            " \"pricing\": {\"currency\": \"CNY\", \"tiers\": [{\"condition\": \"\","
                            " \"input\": 2.0, \"cached_input\": 0.5, \"output\": 8.0}]}}]}";
    QStringList problems;
    auto catalog = catalog::Catalog::fromJson(json, &problems);
    if (!catalog || !problems.isEmpty())
        qFatal("bad test catalog: %s", qPrintable(problems.join(QLatin1Char('\n'))));
    return catalog;
}

} // namespace

// Until `count` requests have finished (and none runs).
#define WAIT_REQUESTS(spy, n)                                                                                \
    do {                                                                                                     \
        QTRY_COMPARE_WITH_TIMEOUT((spy).count(), (n), kWaitMs);                                              \
        QVERIFY(!m_session->isBusy());                                                                       \
    } while (false)

class TstToolloop : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void manualRoundSendsExactHistory_data();
    void manualRoundSendsExactHistory();
    void builtinCallsInAutomaticMode_data();
    void builtinCallsInAutomaticMode();
    void fullyAutomaticRoundGoesOnAlone();
    void roundLimitStopsTheLoop_data();
    void roundLimitStopsTheLoop();
    void roundsCountPerQuestion();
    void stopDuringARoundKeepsEverything();
    void reopensWhileWaitingForResults();
    void reopensACompletedLoopIntact();
    void unansweredCallsAreNotSentWithANewQuestion();
    void submitRefusesResultsThatDoNotFit_data();
    void submitRefusesResultsThatDoNotFit();
    void ledgerRowPerRequest();
    void ledgerCountsClientRetries();
    void ledgerRowWithoutPriceForUnknownModel();
    void requestCarriesToolsAndLimits_data();
    void requestCarriesToolsAndLimits();

private:
    qint64 newConversation(const QString& model, bool autoRun = false, int roundLimit = 5);
    std::unique_ptr<ConversationSession> makeSession();
    void reopenDatabase(); // a new connection on the same file, a new session on it

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::ConversationStore> m_store;
    std::unique_ptr<store::UsageLedger> m_ledger;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<api::ChatClient> m_client;
    std::unique_ptr<ts::LoopbackServer> m_server;
    std::unique_ptr<ConversationSession> m_session;
    int m_maxRetries = 0;
};

void TstToolloop::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("conversations.sqlite3"));
    m_db = std::make_unique<store::Database>();
    QString error;
    QVERIFY2(m_db->open(m_path, &error), qPrintable(error));
    m_store = std::make_unique<store::ConversationStore>(*m_db);
    m_ledger = std::make_unique<store::UsageLedger>(*m_db);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<api::ChatClient>(m_nam.get());
    m_server = std::make_unique<ts::LoopbackServer>();
    QVERIFY(m_server->listen());
    m_maxRetries = 0;
    m_session = makeSession();
}

void TstToolloop::cleanup()
{
    m_session.reset();
    m_server.reset();
    m_client.reset();
    m_nam.reset();
    m_ledger.reset();
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<ConversationSession> TstToolloop::makeSession()
{
    auto session = std::make_unique<ConversationSession>(*m_store, *m_client);
    session->setEndpoint(m_server->baseUrl(), kTestKey);
    api::ClientConfig config;
    config.baseUrl = QUrl();
    config.retry.maxRetries = m_maxRetries;
    config.retry.baseDelayMs = 10;
    session->setClientConfig(config);
    session->setUsageLedger(m_ledger.get());
    return session;
}

void TstToolloop::reopenDatabase()
{
    m_session.reset();
    m_ledger.reset();
    m_store.reset();
    m_db.reset();
    m_db = std::make_unique<store::Database>();
    QString error;
    QVERIFY2(m_db->open(m_path, &error), qPrintable(error));
    m_store = std::make_unique<store::ConversationStore>(*m_db);
    m_ledger = std::make_unique<store::UsageLedger>(*m_db);
    m_session = makeSession();
}

qint64 TstToolloop::newConversation(const QString& model, bool autoRun, int roundLimit)
{
    const store::ConversationRecord c =
        m_store->createConversation(ConversationSession::defaultTitle(), model);
    if (c.id == 0 || !m_session->open(c.id))
        return 0;
    ConversationParams params = m_session->params();
    params.toolsJson = toolsDocument();
    params.autoRunBuiltinTools = autoRun;
    params.toolRoundLimit = roundLimit;
    m_session->setParams(params);
    return c.id;
}

// ------------------------------------------------------------------------------------------------

void TstToolloop::manualRoundSendsExactHistory_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("scriptedWithReasoning");
    QTest::addColumn<QString>("content"); // null: the assistant message has no "content"
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("two parallel calls in fragments")
        << QStringLiteral("loopback-tools") << false << QStringLiteral("Checking both.")
        << QStringList{QStringLiteral("call_loopback_weather"), QStringLiteral("call_loopback_time")}
        << QStringList{QStringLiteral("get_weather"), QStringLiteral("get_time")}
        << QStringList{QStringLiteral(R"({"city":"Beijing"})"), QStringLiteral(R"({"tz":"Asia/Shanghai"})")};
    QTest::newRow("older single-chunk form")
        << QStringLiteral("loopback-tools-oneshot") << false << QStringLiteral("Checking.\n")
        << QStringList{QStringLiteral("call_leigeybrw25cwlk87byg8l3v")}
        << QStringList{QStringLiteral("AppFinder")}
        << QStringList{QStringLiteral(R"({"prompt": "有道词典", "region": "CN"})")};
    QTest::newRow("invalid arguments answered with errors")
        << QStringLiteral("loopback-tools-invalid") << false << QString()
        << QStringList{QStringLiteral("call_loopback_bad_json"), QStringLiteral("call_loopback_no_city")}
        << QStringList{QStringLiteral("get_weather"), QStringLiteral("get_weather")}
        << QStringList{QStringLiteral(R"({"city": Beijing})"), QStringLiteral(R"({"unit":"kelvin"})")};
    QTest::newRow("reasoning before the call is never sent back")
        << QStringLiteral("loopback-tools") << true << QString()
        << QStringList{QStringLiteral("call_scripted_weather")} << QStringList{QStringLiteral("get_weather")}
        << QStringList{QStringLiteral(R"({"city":"Paris"})")};
}

void TstToolloop::manualRoundSendsExactHistory()
{
    QFETCH(QString, model);
    QFETCH(bool, scriptedWithReasoning);
    QFETCH(QString, content);
    QFETCH(QStringList, ids);
    QFETCH(QStringList, names);
    QFETCH(QStringList, arguments);

    if (scriptedWithReasoning)
        m_server->enqueue("/chat/completions",
                          toolCallAnswer({{ids[0].toUtf8(), names[0].toUtf8(), arguments[0].toUtf8()}},
                                         QStringLiteral("The person wants the weather in Paris.")));
    const qint64 conversationId = newConversation(model);
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QSignalSpy pending(m_session.get(), &ConversationSession::toolCallsPending);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QVERIFY(m_session->send(kQuestion));
    WAIT_REQUESTS(finished, 1);

    // The answer is stored with its calls and waits for the person.
    QCOMPARE(pending.count(), 1);
    const qint64 answerId = pending.first().at(0).toLongLong();
    QCOMPARE(answerId, finished.first().at(0).toLongLong());
    QCOMPARE(m_session->pendingToolCallsMessageId(), answerId);
    const auto stored = m_store->message(answerId);
    QVERIFY(stored);
    QCOMPARE(int(stored->toolCalls.size()), ids.size());
    QCOMPARE(stored->state, store::MessageState::Complete);
    QCOMPARE(stored->reasoning.isEmpty(), !scriptedWithReasoning);
    ToolCallListModel& calls = *m_session->toolCalls();
    QVERIFY(calls.isFinal());
    QCOMPARE(calls.count(), ids.size());
    for (int row = 0; row < calls.count(); ++row)
        QCOMPARE(calls.entry(row).status, ToolCallListModel::Status::AwaitingAnswer);
    QCOMPARE(m_server->requests().size(), 1);

    const QStringList results = answerEveryCall(calls);
    QVERIFY(m_session->submitToolResults(historyOf(calls)));
    WAIT_REQUESTS(finished, 2);
    QCOMPARE(problems.count(), 0);
    QCOMPARE(m_server->requests().size(), 2);

    // Exactly: the question, the answer with its calls (and its content, if any), one tool message per
    // call id in order. Nothing else, and never reasoning.
    const json body = bodyOf(m_server->requests().at(1));
    json expected = json::array();
    expected.push_back({{"role", "user"}, {"content", utf8(kQuestion)}});
    expected.push_back(assistantWithCalls(content, ids, names, arguments));
    for (int i = 0; i < ids.size(); ++i)
        expected.push_back({{"role", "tool"}, {"tool_call_id", utf8(ids[i])}, {"content", utf8(results[i])}});
    QCOMPARE(dumped(body.at("messages")), dumped(expected));
    QVERIFY(!m_server->requests().at(1).body.contains("reasoning_content"));
    QVERIFY(body.contains("tools"));
    QCOMPARE(body.at("tools").size(), size_t(6));

    // The follow-up answered from the results, and everything is on disk in order.
    const std::vector<store::MessageRecord> path = m_store->activePath(conversationId);
    QStringList roles{QStringLiteral("user"), QStringLiteral("assistant")};
    for (int i = 0; i < ids.size(); ++i)
        roles << QStringLiteral("tool");
    roles << QStringLiteral("assistant");
    QCOMPARE(rolesOf(path), roles);
    QCOMPARE(path.back().content,
             QStringLiteral("Based on the tools: ") + results.join(QStringLiteral("; ")));
    for (int i = 0; i < ids.size(); ++i) {
        QCOMPARE(path[size_t(i) + 2].toolCallId, ids[i]);
        QCOMPARE(path[size_t(i) + 2].content, results[i]);
    }
    QCOMPARE(m_session->pendingToolCallsMessageId(), qint64(0));
    // The loop's last round stays on show, answered.
    QCOMPARE(calls.count(), ids.size());
    QCOMPARE(calls.entry(0).result, results[0]);
}

void TstToolloop::builtinCallsInAutomaticMode_data()
{
    QTest::addColumn<bool>("autoRun");
    QTest::newRow("automatic") << true;
    QTest::newRow("asking") << false;
}

void TstToolloop::builtinCallsInAutomaticMode()
{
    QFETCH(bool, autoRun);
    QVERIFY(newConversation(QStringLiteral("loopback-tools-calc"), autoRun) > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QSignalSpy pending(m_session.get(), &ConversationSession::toolCallsPending);
    QVERIFY(m_session->send(QStringLiteral("Work it out")));
    WAIT_REQUESTS(finished, 1);

    // get_weather is no built-in: the round waits for the person either way.
    QCOMPARE(pending.count(), 1);
    ToolCallListModel& calls = *m_session->toolCalls();
    QCOMPARE(calls.count(), 2);
    QCOMPARE(calls.entry(0).call.name, QStringLiteral("calculator"));
    QCOMPARE(calls.entry(0).status,
             autoRun ? ToolCallListModel::Status::Answered : ToolCallListModel::Status::AwaitingAnswer);
    QCOMPARE(calls.entry(0).result, autoRun ? QStringLiteral("20") : QString());
    QCOMPARE(calls.entry(1).status, ToolCallListModel::Status::AwaitingAnswer);
    QVERIFY(!m_session->submitToolResults(historyOf(calls))); // not all answered: nothing to send
    QCOMPARE(m_server->requests().size(), 1);

    if (!autoRun)
        QVERIFY(calls.answer(0, QStringLiteral("20")));
    QVERIFY(calls.answer(1, QStringLiteral("Sunny, 25 °C")));
    QVERIFY(m_session->submitToolResults(historyOf(calls)));
    WAIT_REQUESTS(finished, 2);
    const json messages = bodyOf(m_server->requests().at(1)).at("messages");
    QCOMPARE(messages.size(), size_t(4));
    QCOMPARE(dumped(messages.at(2)),
             dumped({{"role", "tool"}, {"tool_call_id", "call_loopback_calc"}, {"content", "20"}}));
    QCOMPARE(
        dumped(messages.at(3)),
        dumped({{"role", "tool"}, {"tool_call_id", "call_loopback_weather"}, {"content", "Sunny, 25 °C"}}));
    QCOMPARE(m_session->messages()->records().back().content,
             QStringLiteral("Based on the tools: 20; Sunny, 25 °C"));
}

void TstToolloop::fullyAutomaticRoundGoesOnAlone()
{
    m_server->enqueue("/chat/completions", toolCallAnswer({calculatorCall("call_auto_1", "6*7"),
                                                           calculatorCall("call_auto_2", "2^10")}));
    const qint64 conversationId = newConversation(QStringLiteral("loopback-tools-calc"), true);
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QSignalSpy pending(m_session.get(), &ConversationSession::toolCallsPending);
    QVERIFY(m_session->send(QStringLiteral("Compute")));
    WAIT_REQUESTS(finished, 2);

    QCOMPARE(pending.count(), 0); // nobody was asked
    QCOMPARE(m_server->requests().size(), 2);
    const json messages = bodyOf(m_server->requests().at(1)).at("messages");
    QCOMPARE(messages.size(), size_t(4));
    QCOMPARE(dumped(messages.at(2)),
             dumped({{"role", "tool"}, {"tool_call_id", "call_auto_1"}, {"content", "42"}}));
    QCOMPARE(dumped(messages.at(3)),
             dumped({{"role", "tool"}, {"tool_call_id", "call_auto_2"}, {"content", "1024"}}));
    QCOMPARE(m_store->activePath(conversationId).back().content,
             QStringLiteral("Based on the tools: 42; 1024"));
    // Still shown in the inspector: the round with its automatic answers.
    const ToolCallListModel& calls = *m_session->toolCalls();
    QCOMPARE(calls.count(), 2);
    QCOMPARE(calls.entry(1).status, ToolCallListModel::Status::Answered);
    QCOMPARE(calls.entry(1).result, QStringLiteral("1024"));
}

void TstToolloop::roundLimitStopsTheLoop_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("one round") << 1;
    QTest::newRow("three rounds") << 3;
}

void TstToolloop::roundLimitStopsTheLoop()
{
    QFETCH(int, limit);
    // A model that asks for the calculator every time: each answer is one more round.
    for (int i = 0; i <= limit; ++i)
        m_server->enqueue("/chat/completions",
                          toolCallAnswer({calculatorCall("call_round_" + QByteArray::number(i), "1+1")}));
    const qint64 conversationId = newConversation(QStringLiteral("loopback-tools-calc"), true, limit);
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QSignalSpy pending(m_session.get(), &ConversationSession::toolCallsPending);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QVERIFY(m_session->send(QStringLiteral("Again and again")));
    WAIT_REQUESTS(finished, limit + 1);
    QTRY_COMPARE_WITH_TIMEOUT(problems.count(), 1, kWaitMs);

    // The question, then `limit` rounds sent, then the answer that asked once more: kept, not answered.
    QCOMPARE(m_server->requests().size(), limit + 1);
    QVERIFY2(problems.first().at(0).toString().contains(QStringLiteral("round")),
             qPrintable(problems.first().at(0).toString()));
    QCOMPARE(pending.count(), 0);
    const std::vector<store::MessageRecord> path = m_store->activePath(conversationId);
    QCOMPARE(int(path.size()), 1 + 2 * limit + 1);
    QCOMPARE(path.back().role, api::Role::Assistant);
    QCOMPARE(path.back().toolCalls.front().id, QStringLiteral("call_round_%1").arg(limit));
    QCOMPARE(m_session->toolRoundsBefore(path.back().id), limit);
    QCOMPARE(m_session->pendingToolCallsMessageId(), path.back().id);
    QCOMPARE(m_session->toolCalls()->entry(0).status, ToolCallListModel::Status::AwaitingAnswer);
    QVERIFY(!m_session->isBusy()); // nothing else is on its way

    // Submitting at the limit is refused too; a higher limit lets the same round go on.
    ToolCallListModel& calls = *m_session->toolCalls();
    QVERIFY(calls.answer(0, QStringLiteral("2")));
    QVERIFY(!m_session->submitToolResults(historyOf(calls)));
    QCOMPARE(problems.count(), 2);
    ConversationParams params = m_session->params();
    params.toolRoundLimit = limit + 1;
    m_session->setParams(params);
    QVERIFY(m_session->submitToolResults(historyOf(calls)));
    WAIT_REQUESTS(finished, limit + 2);
    QCOMPARE(m_session->messages()->records().back().content, QStringLiteral("Based on the tools: 2"));
}

void TstToolloop::roundsCountPerQuestion()
{
    m_server->enqueue("/chat/completions", toolCallAnswer({calculatorCall("call_q1", "1+2")}));
    QVERIFY(newConversation(QStringLiteral("loopback-tools-calc"), true, 1) > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QVERIFY(m_session->send(QStringLiteral("First")));
    WAIT_REQUESTS(finished, 2);
    // A new question starts with no rounds used.
    m_server->enqueue("/chat/completions", toolCallAnswer({calculatorCall("call_q2", "3+4")}));
    QVERIFY(m_session->send(QStringLiteral("Second")));
    WAIT_REQUESTS(finished, 4);
    QCOMPARE(problems.count(), 0);
    QCOMPARE(m_session->messages()->records().back().content, QStringLiteral("Based on the tools: 7"));
}

void TstToolloop::stopDuringARoundKeepsEverything()
{
    const qint64 conversationId = newConversation(QStringLiteral("loopback-tools"));
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(kQuestion));
    WAIT_REQUESTS(finished, 1);
    ToolCallListModel& calls = *m_session->toolCalls();
    const QStringList results = answerEveryCall(calls);

    m_server->enqueue("/chat/completions", stalledAnswer(QStringLiteral("Based on")));
    QVERIFY(m_session->submitToolResults(historyOf(calls)));
    const qint64 followUp = m_session->streamingMessageId();
    QVERIFY(followUp > 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_session->messages()->record(m_session->messages()->rowForId(followUp)).content,
        QStringLiteral("Based on"), kWaitMs);
    m_session->stop();
    QVERIFY(!m_session->isBusy());
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.last().at(1).toBool(), false);

    // Read back through a new connection: the round and the partial answer are there.
    reopenDatabase();
    const std::vector<store::MessageRecord> path = m_store->activePath(conversationId);
    QCOMPARE(rolesOf(path),
             (QStringList{QStringLiteral("user"), QStringLiteral("assistant"), QStringLiteral("tool"),
                          QStringLiteral("tool"), QStringLiteral("assistant")}));
    QCOMPARE(path[2].content, results[0]);
    QCOMPARE(path[3].content, results[1]);
    QCOMPARE(path.back().state, store::MessageState::Interrupted);
    QCOMPARE(path.back().content, QStringLiteral("Based on"));
    QCOMPARE(kindsOf(m_ledger->entries(conversationId)),
             (QStringList{QStringLiteral("chat"), QStringLiteral("tool-round/cancelled")}));

    // Re-opened, the round shows answered; retrying the cut answer sends the same history again.
    QVERIFY(m_session->open(conversationId));
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QVERIFY(!m_session->isLoading() || loaded.wait(kWaitMs));
    QCOMPARE(m_session->toolCalls()->count(), 2);
    QCOMPARE(m_session->toolCalls()->entry(1).status, ToolCallListModel::Status::Answered);
    QCOMPARE(m_session->toolCalls()->entry(1).result, results[1]);
    QCOMPARE(m_session->pendingToolCallsMessageId(), qint64(0));
    const QByteArray firstFollowUp = m_server->requests().at(1).body;
    QSignalSpy again(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->regenerate(path.back().id));
    QTRY_COMPARE_WITH_TIMEOUT(again.count(), 1, kWaitMs);
    QCOMPARE(dumped(bodyOf(m_server->requests().at(2)).at("messages")),
             dumped(json::parse(firstFollowUp.toStdString()).at("messages")));
    QCOMPARE(m_session->messages()->records().back().content,
             QStringLiteral("Based on the tools: ") + results.join(QStringLiteral("; ")));
    QCOMPARE(kindsOf(m_ledger->entries(conversationId)).last(), QStringLiteral("retry"));
}

void TstToolloop::reopensWhileWaitingForResults()
{
    const qint64 conversationId = newConversation(QStringLiteral("loopback-tools-invalid"));
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(kQuestion));
    WAIT_REQUESTS(finished, 1);
    const qint64 answerId = m_session->pendingToolCallsMessageId();
    QVERIFY(answerId > 0);

    reopenDatabase();
    QVERIFY(m_session->open(conversationId));
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QVERIFY(!m_session->isLoading() || loaded.wait(kWaitMs));
    QCOMPARE(m_session->pendingToolCallsMessageId(), answerId);
    ToolCallListModel& calls = *m_session->toolCalls();
    QCOMPARE(calls.count(), 2);
    QVERIFY(calls.isFinal());
    QCOMPARE(calls.entry(0).call.arguments, QStringLiteral(R"({"city": Beijing})"));
    QVERIFY(calls.entry(0).check.hasErrors()); // checked again against the conversation's tools
    QCOMPARE(calls.entry(0).status, ToolCallListModel::Status::AwaitingAnswer);

    // The new session goes on with the round as if it had never closed.
    const QStringList results = answerEveryCall(calls);
    QSignalSpy again(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->submitToolResults(historyOf(calls)));
    QTRY_COMPARE_WITH_TIMEOUT(again.count(), 1, kWaitMs);
    json expected = json::array();
    expected.push_back({{"role", "user"}, {"content", utf8(kQuestion)}});
    expected.push_back(assistantWithCalls(
        QString(), {QStringLiteral("call_loopback_bad_json"), QStringLiteral("call_loopback_no_city")},
        {QStringLiteral("get_weather"), QStringLiteral("get_weather")},
        {QStringLiteral(R"({"city": Beijing})"), QStringLiteral(R"({"unit":"kelvin"})")}));
    for (const json& m : toolMessagesOf(calls))
        expected.push_back(m);
    QCOMPARE(dumped(bodyOf(m_server->requests().at(1)).at("messages")), dumped(expected));
    QCOMPARE(m_session->messages()->records().back().content,
             QStringLiteral("Based on the tools: ") + results.join(QStringLiteral("; ")));
}

void TstToolloop::reopensACompletedLoopIntact()
{
    const qint64 conversationId = newConversation(QStringLiteral("loopback-tools"));
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(kQuestion));
    WAIT_REQUESTS(finished, 1);
    ToolCallListModel& calls = *m_session->toolCalls();
    QVERIFY(calls.answer(0, QStringLiteral("Sunny")));
    QVERIFY(calls.returnError(1, QStringLiteral("Error: no clock here.")));
    QVERIFY(m_session->submitToolResults(historyOf(calls)));
    WAIT_REQUESTS(finished, 2);
    const std::vector<store::MessageRecord> before = m_session->messages()->records();

    reopenDatabase();
    QVERIFY(m_session->open(conversationId));
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QVERIFY(!m_session->isLoading() || loaded.wait(kWaitMs));
    const std::vector<store::MessageRecord>& after = m_session->messages()->records();
    QCOMPARE(after.size(), before.size());
    for (size_t i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].id, before[i].id);
        QCOMPARE(after[i].role, before[i].role);
        QCOMPARE(after[i].content, before[i].content);
        QCOMPARE(after[i].toolCallId, before[i].toolCallId);
        QCOMPARE(store::toolCallsToJson(after[i].toolCalls), store::toolCallsToJson(before[i].toolCalls));
        QCOMPARE(after[i].state, store::MessageState::Complete);
    }
    // The round re-opens with its answers, the returned error still an error.
    const ToolCallListModel& reopened = *m_session->toolCalls();
    QCOMPARE(reopened.count(), 2);
    QCOMPARE(reopened.entry(0).status, ToolCallListModel::Status::Answered);
    QCOMPARE(reopened.entry(0).result, QStringLiteral("Sunny"));
    QCOMPARE(reopened.entry(1).status, ToolCallListModel::Status::ErrorReturned);
    QCOMPARE(reopened.entry(1).result, QStringLiteral("Error: no clock here."));
    QCOMPARE(reopened.content(), QStringLiteral("Checking both."));
    QCOMPARE(m_session->pendingToolCallsMessageId(), qint64(0));
}

void TstToolloop::unansweredCallsAreNotSentWithANewQuestion()
{
    QVERIFY(newConversation(QStringLiteral("loopback-tools")) > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(kQuestion));
    WAIT_REQUESTS(finished, 1);
    QVERIFY(m_session->pendingToolCallsMessageId() > 0);
    // The person asks something else instead: calls without results cannot go back (the API wants
    // one tool message per call id), the answer's words do.
    QVERIFY(m_session->send(QStringLiteral("Never mind.")));
    WAIT_REQUESTS(finished, 2);
    json expected = json::array();
    expected.push_back({{"role", "user"}, {"content", utf8(kQuestion)}});
    expected.push_back({{"role", "assistant"}, {"content", "Checking both."}});
    expected.push_back({{"role", "user"}, {"content", "Never mind."}});
    const json body = bodyOf(m_server->requests().at(1));
    QCOMPARE(dumped(body.at("messages")), dumped(expected));
}

void TstToolloop::submitRefusesResultsThatDoNotFit_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("a result missing") << QStringLiteral("drop");
    QTest::newRow("a result twice") << QStringLiteral("duplicate");
    QTest::newRow("a call nobody made") << QStringLiteral("foreign");
    QTest::newRow("no assistant message") << QStringLiteral("headless");
    QTest::newRow("nothing waits") << QStringLiteral("none");
}

void TstToolloop::submitRefusesResultsThatDoNotFit()
{
    QFETCH(QString, change);
    QVERIFY(newConversation(change == QLatin1String("none") ? QStringLiteral("loopback-echo")
                                                            : QStringLiteral("loopback-tools")) > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(kQuestion));
    WAIT_REQUESTS(finished, 1);
    ToolCallListModel& calls = *m_session->toolCalls();
    QList<api::ChatMessage> history;
    if (change == QLatin1String("none")) {
        QCOMPARE(calls.count(), 0);
        history << api::ChatMessage::assistantToolCalls(QString(), {})
                << api::ChatMessage::toolResult(QStringLiteral("call_x"), QStringLiteral("x"));
    } else {
        answerEveryCall(calls);
        history = historyOf(calls);
        QCOMPARE(history.size(), 3);
        if (change == QLatin1String("drop"))
            history.removeLast();
        else if (change == QLatin1String("duplicate"))
            history.append(history.last());
        else if (change == QLatin1String("foreign"))
            history[2].toolCallId = QStringLiteral("call_somebody_else");
        else if (change == QLatin1String("headless"))
            history.removeFirst();
    }
    QSignalSpy problems(m_session.get(), &ConversationSession::problem);
    QVERIFY(!m_session->submitToolResults(history));
    QCOMPARE(problems.count(), 1);
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(!m_session->isBusy());
    for (const store::MessageRecord& m : m_session->messages()->records())
        QVERIFY(m.role != api::Role::Tool); // nothing was stored
}

void TstToolloop::ledgerRowPerRequest()
{
    const auto catalog = pricedCatalog("loopback-tools");
    m_session->setCatalog(catalog.get());
    const qint64 conversationId = newConversation(QStringLiteral("loopback-tools"));
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QSignalSpy recorded(m_session.get(), &ConversationSession::usageRecorded);
    QVERIFY(m_session->send(kQuestion));
    WAIT_REQUESTS(finished, 1);
    answerEveryCall(*m_session->toolCalls());
    QVERIFY(m_session->submitToolResults(historyOf(*m_session->toolCalls())));
    WAIT_REQUESTS(finished, 2);
    const qint64 lastAnswer = m_session->messages()->records().back().id;
    QVERIFY(m_session->regenerate(lastAnswer));
    WAIT_REQUESTS(finished, 3);
    QCOMPARE(recorded.count(), 3);

    // Read through a new connection: one row per request, each priced from its own usage.
    reopenDatabase();
    const std::vector<store::LedgerEntry> rows = m_ledger->entries(conversationId);
    QCOMPARE(kindsOf(rows),
             (QStringList{QStringLiteral("chat"), QStringLiteral("tool-round"), QStringLiteral("retry")}));
    for (const store::LedgerEntry& row : rows) {
        const auto message = m_store->message(row.messageId);
        QVERIFY(message);
        QCOMPARE(message->role, api::Role::Assistant);
        QVERIFY(message->usage.present);
        QCOMPARE(row.conversationId, conversationId);
        QCOMPARE(row.model, QStringLiteral("loopback-tools"));
        QCOMPARE(row.inputTokens, message->usage.promptTokens);
        QCOMPARE(row.outputTokens, message->usage.completionTokens);
        QVERIFY(row.inputTokens > 0 && row.outputTokens > 0);
        QCOMPARE(row.currency, QStringLiteral("CNY"));
        QVERIFY(row.costMicros.has_value());
        QCOMPARE(*row.costMicros, 2 * row.inputTokens + 8 * row.outputTokens); // 2 and 8 per million
        QCOMPARE(row.requestId, message->requestId);
        QVERIFY(row.error.isEmpty());
    }
    QVERIFY(rows[1].inputTokens > rows[0].inputTokens); // the follow-up carries the results
    QCOMPARE(rows[2].inputTokens, rows[1].inputTokens); // the same request again
}

void TstToolloop::ledgerCountsClientRetries()
{
    m_maxRetries = 1;
    m_session = makeSession();
    // 429 first, then the answer: two HTTP requests, two rows.
    m_server->enqueue("/chat/completions",
                      ts::ScriptedResponse::json(
                          429, ts::chunks::errorObject("RateLimitExceeded", "Too many requests, slow down."))
                          .header("Retry-After", "0"));
    const qint64 conversationId = newConversation(QStringLiteral("loopback-echo"));
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Hello")));
    WAIT_REQUESTS(finished, 1);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QCOMPARE(m_server->requests().size(), 2);
    const std::vector<store::LedgerEntry> rows = m_ledger->entries(conversationId);
    QCOMPARE(kindsOf(rows), (QStringList{QStringLiteral("chat/rate_limited"), QStringLiteral("retry")}));
    QCOMPARE(rows[0].inputTokens, qint64(0));
    QVERIFY(rows[1].inputTokens > 0);
}

void TstToolloop::ledgerRowWithoutPriceForUnknownModel()
{
    const auto catalog = pricedCatalog("loopback-tools");
    m_session->setCatalog(catalog.get());
    const qint64 conversationId = newConversation(QStringLiteral("loopback-badkey"));
    QVERIFY(conversationId > 0);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Hello")));
    WAIT_REQUESTS(finished, 1);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(newConversation(QStringLiteral("loopback-echo")) > 0);
    QVERIFY(m_session->send(QStringLiteral("Hello")));
    WAIT_REQUESTS(finished, 2);

    const std::vector<store::LedgerEntry> failed = m_ledger->entries(conversationId);
    QCOMPARE(kindsOf(failed), QStringList{QStringLiteral("chat/authentication")});
    QVERIFY(!failed[0].costMicros.has_value()); // unknown to the catalog: no price, never 0
    QVERIFY(failed[0].currency.isEmpty());
    const std::vector<store::LedgerEntry> unknown = m_ledger->entries(m_session->conversationId());
    QCOMPARE(kindsOf(unknown), QStringList{QStringLiteral("chat")});
    QVERIFY(unknown[0].outputTokens > 0);
    QVERIFY(!unknown[0].costMicros.has_value());
}

void TstToolloop::requestCarriesToolsAndLimits_data()
{
    QTest::addColumn<int>("maxTokens");           // 0 = unset
    QTest::addColumn<int>("maxCompletionTokens"); // 0 = unset
    QTest::newRow("max_completion_tokens alone") << 0 << 2048;
    QTest::newRow("both set: only max_completion_tokens goes") << 512 << 4096;
    QTest::newRow("max_tokens alone") << 300 << 0;
}

void TstToolloop::requestCarriesToolsAndLimits()
{
    QFETCH(int, maxTokens);
    QFETCH(int, maxCompletionTokens);
    QVERIFY(newConversation(QStringLiteral("loopback-echo")) > 0);
    ConversationParams params = m_session->params();
    if (maxTokens)
        params.maxTokens = maxTokens;
    if (maxCompletionTokens)
        params.maxCompletionTokens = maxCompletionTokens;
    params.toolChoice.mode = api::ToolChoice::Mode::Auto;
    params.parallelToolCalls = false;
    m_session->setParams(params);
    QSignalSpy finished(m_session.get(), &ConversationSession::requestFinished);
    QVERIFY(m_session->send(QStringLiteral("Hi")));
    WAIT_REQUESTS(finished, 1);
    QCOMPARE(finished.first().at(1).toBool(), true); // the server refuses both limits together

    const json body = bodyOf(m_server->requests().first());
    QCOMPARE(body.contains("max_completion_tokens"), maxCompletionTokens != 0);
    if (maxCompletionTokens)
        QCOMPARE(body.at("max_completion_tokens").get<int>(), maxCompletionTokens);
    QCOMPARE(body.contains("max_tokens"), maxTokens != 0 && maxCompletionTokens == 0);
    if (body.contains("max_tokens"))
        QCOMPARE(body.at("max_tokens").get<int>(), maxTokens);
    QVERIFY(body.contains("tools"));
    QCOMPARE(body.at("tools").size(), size_t(6));
    QCOMPARE(body.at("tools").at(0).at("function").at("name").get<std::string>(), std::string("calculator"));
    QVERIFY(body.contains("tool_choice") && body.contains("parallel_tool_calls"));
    QCOMPARE(body.at("tool_choice").get<std::string>(), std::string("auto"));
    QCOMPARE(body.at("parallel_tool_calls").get<bool>(), false);
    // And the parameter survives closing and opening.
    reopenDatabase();
    QVERIFY(m_session->open(m_store->listConversations().front().id));
    QCOMPARE(m_session->params().maxCompletionTokens,
             maxCompletionTokens ? std::optional<int>(maxCompletionTokens) : std::nullopt);
}

QTEST_GUILESS_MAIN(TstToolloop)
#include "tst_toolloop.moc"
