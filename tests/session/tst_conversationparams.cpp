// ConversationParams (the JSON kept in the conversation row) and AccountSettings (QSettings, never
// a key).
#include "api/ChatClient.h"
#include "session/AccountSettings.h"
#include "session/ConversationParams.h"
#include "tools/ToolSchema.h"

#include <QSettings>
#include <QStandardPaths>
#include <QtTest>
#include <nlohmann/json.hpp>

using ark::session::AccountSettings;
using ark::session::ConversationParams;
using ark::session::ProviderAccount;
using namespace ark;

Q_DECLARE_METATYPE(ark::session::ConversationParams)

namespace {

nlohmann::json parse(const QString& text)
{
    return nlohmann::json::parse(text.toStdString());
}

} // namespace

class TestConversationParams : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void roundTrip_data();
    void roundTrip();
    void onlySetFieldsAreWritten();
    void tolerantParsing_data();
    void tolerantParsing();
    void toChatParameters();
    void toolParameters();
    void equality();

    void defaultAccount();
    void accountsRoundTrip();
    void damagedAccountsAreSkipped();
    void currentAccount();
    void plainSettings();
    void recentModelsAreCapped();
    void noKeyInSettings();
};

void TestConversationParams::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ArkWorkbenchTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_conversationparams"));
}

void TestConversationParams::init()
{
    QSettings().clear();
}

void TestConversationParams::roundTrip_data()
{
    QTest::addColumn<ConversationParams>("params");

    QTest::newRow("nothing set") << ConversationParams{};
    ConversationParams all;
    all.temperature = 0.7;
    all.topP = 0.95;
    all.maxTokens = 4096;
    all.frequencyPenalty = -0.5;
    all.presencePenalty = 1.25;
    all.stop = QStringList{QStringLiteral("###"), QStringLiteral("\n\n"), QStringLiteral("结束")};
    all.thinking = api::ThinkingMode::Enabled;
    all.maxCompletionTokens = 32768;
    QTest::newRow("everything") << all;

    ConversationParams completion;
    completion.maxCompletionTokens = 65536;
    completion.thinking = api::ThinkingMode::Auto;
    QTest::newRow("max_completion_tokens alone") << completion;

    ConversationParams zero;
    zero.temperature = 0.0; // set to zero is not the same as not set
    zero.frequencyPenalty = 0.0;
    QTest::newRow("zeros are kept") << zero;

    for (api::ThinkingMode mode : {api::ThinkingMode::Disabled, api::ThinkingMode::Auto}) {
        ConversationParams thinking;
        thinking.thinking = mode;
        QTest::newRow(qPrintable(QStringLiteral("thinking %1").arg(api::thinkingModeName(mode)))) << thinking;
    }
    ConversationParams odd;
    odd.temperature = 0.1 + 0.2; // not exactly 0.3: the text must carry every bit
    odd.stop = QStringList{QStringLiteral("\"quoted\" \\ stop")};
    QTest::newRow("exact doubles and escapes") << odd;

    ConversationParams tools;
    tools.toolsJson =
        QStringLiteral("[\n  {\"type\": \"function\", \"function\": {\"name\": \"get_time\"}}\n]\n");
    tools.toolChoice = api::ToolChoice::named(QStringLiteral("get_time"));
    tools.parallelToolCalls = false;
    tools.autoRunBuiltinTools = true;
    tools.toolRoundLimit = 12;
    QTest::newRow("tools: every field") << tools;
    for (auto mode :
         {api::ToolChoice::Mode::Auto, api::ToolChoice::Mode::None, api::ToolChoice::Mode::Required}) {
        ConversationParams choice;
        choice.toolChoice.mode = mode;
        choice.parallelToolCalls = true;
        QTest::newRow(
            qPrintable(QStringLiteral("tool_choice %1")
                           .arg(QString::fromStdString(choice.toolChoice.toJson().get<std::string>()))))
            << choice;
    }
    ConversationParams unfinished;
    unfinished.toolsJson =
        QStringLiteral("[{\"type\": \"function\", \"function\": {\"name\": "); // kept as typed
    QTest::newRow("tools document with errors is kept") << unfinished;
}

void TestConversationParams::roundTrip()
{
    QFETCH(ConversationParams, params);
    const QString json = params.toJson();
    QVERIFY(parse(json).is_object());
    const ConversationParams back = ConversationParams::fromJson(json);
    QCOMPARE(back, params);
    QCOMPARE(back.toJson(), json);
}

void TestConversationParams::onlySetFieldsAreWritten()
{
    ConversationParams params;
    params.model = QStringLiteral("doubao-seed-1-6-250615");
    params.systemPrompt = QStringLiteral("Be brief.");
    QCOMPARE(parse(params.toJson()), nlohmann::json::object());

    params.topP = 0.5;
    params.thinking = api::ThinkingMode::Disabled;
    const nlohmann::json json = parse(params.toJson());
    QCOMPARE(json.size(), size_t(2));
    QCOMPARE(json.at("top_p").get<double>(), 0.5);
    QCOMPARE(json.at("thinking").at("type").get<std::string>(), std::string("disabled"));
    QVERIFY(!json.contains("model"));
    QVERIFY(!json.contains("temperature"));

    // The model and the system prompt live in their own columns.
    const ConversationParams back = ConversationParams::fromJson(params.toJson());
    QVERIFY(back.model.isEmpty());
    QVERIFY(back.systemPrompt.isEmpty());
}

void TestConversationParams::tolerantParsing_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected"); // toJson() of what was understood

    QTest::newRow("empty text") << QString() << QStringLiteral("{}");
    QTest::newRow("not json") << QStringLiteral("{temperature: 0.7") << QStringLiteral("{}");
    QTest::newRow("an array") << QStringLiteral("[1, 2]") << QStringLiteral("{}");
    QTest::newRow("a number") << QStringLiteral("0.7") << QStringLiteral("{}");
    QTest::newRow("null") << QStringLiteral("null") << QStringLiteral("{}");
    QTest::newRow("unknown fields ignored")
        << QStringLiteral(R"({"temperature":0.5,"seed":42,"future":{"x":1}})")
        << QStringLiteral(R"({"temperature":0.5})");
    QTest::newRow("wrong types ignored")
        << QStringLiteral(R"({"temperature":"hot","top_p":true,"max_tokens":"many","stop":7,"thinking":3})")
        << QStringLiteral("{}");
    QTest::newRow("max_tokens as a whole double")
        << QStringLiteral(R"({"max_tokens":2048.0})") << QStringLiteral(R"({"max_tokens":2048})");
    QTest::newRow("max_tokens fractional")
        << QStringLiteral(R"({"max_tokens":20.5})") << QStringLiteral("{}");
    QTest::newRow("max_tokens zero") << QStringLiteral(R"({"max_tokens":0})") << QStringLiteral("{}");
    QTest::newRow("max_tokens huge") << QStringLiteral(R"({"max_tokens":1e12})") << QStringLiteral("{}");
    QTest::newRow("max_completion_tokens as a whole double")
        << QStringLiteral(R"({"max_completion_tokens":16384.0})")
        << QStringLiteral(R"({"max_completion_tokens":16384})");
    QTest::newRow("max_completion_tokens wrong type")
        << QStringLiteral(R"({"max_completion_tokens":"lots"})") << QStringLiteral("{}");
    QTest::newRow("max_completion_tokens zero or negative")
        << QStringLiteral(R"({"max_completion_tokens":0,"max_tokens":-5})") << QStringLiteral("{}");
    QTest::newRow("stop as one string")
        << QStringLiteral(R"({"stop":"END"})") << QStringLiteral(R"({"stop":["END"]})");
    QTest::newRow("stop capped at four, bad entries dropped")
        << QStringLiteral(R"({"stop":["a",1,"","b","c","d","e"]})")
        << QStringLiteral(R"({"stop":["a","b","c","d"]})");
    QTest::newRow("thinking as a string")
        << QStringLiteral(R"({"thinking":"auto"})") << QStringLiteral(R"({"thinking":{"type":"auto"}})");
    QTest::newRow("thinking unknown")
        << QStringLiteral(R"({"thinking":{"type":"deep"}})") << QStringLiteral("{}");
    QTest::newRow("thinking without type") << QStringLiteral(R"({"thinking":{}})") << QStringLiteral("{}");
    QTest::newRow("truncated text") << QStringLiteral(R"({"temperature":0.5,"top_p":)")
                                    << QStringLiteral("{}");
    QTest::newRow("tool fields of the wrong type")
        << QStringLiteral(R"({"tools_json":[],"tool_choice":3,"parallel_tool_calls":"no",)"
                          R"("auto_run_builtin_tools":1,"tool_round_limit":"many"})")
        << QStringLiteral("{}");
    QTest::newRow("tool_choice unknown word")
        << QStringLiteral(R"({"tool_choice":"always"})") << QStringLiteral("{}");
    QTest::newRow("tool_choice object without a name")
        << QStringLiteral(R"({"tool_choice":{"type":"function"}})") << QStringLiteral("{}");
    QTest::newRow("tool_choice in OpenAI's nested form is read")
        << QStringLiteral(R"({"tool_choice":{"type":"function","function":{"name":"f"}}})")
        << QStringLiteral(R"({"tool_choice":{"name":"f","type":"function"}})");
    QTest::newRow("round limit zero") << QStringLiteral(R"({"tool_round_limit":0})") << QStringLiteral("{}");
    QTest::newRow("round limit too high")
        << QStringLiteral(R"({"tool_round_limit":51})") << QStringLiteral("{}");
    QTest::newRow("round limit at the maximum")
        << QStringLiteral(R"({"tool_round_limit":50})") << QStringLiteral(R"({"tool_round_limit":50})");
    QTest::newRow("round limit default is not written")
        << QStringLiteral(R"({"tool_round_limit":5})") << QStringLiteral("{}");
    QTest::newRow("automatic mode off is not written")
        << QStringLiteral(R"({"auto_run_builtin_tools":false})") << QStringLiteral("{}");
}

void TestConversationParams::tolerantParsing()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    QCOMPARE(ConversationParams::fromJson(json).toJson(), expected);
}

void TestConversationParams::toChatParameters()
{
    ConversationParams params;
    params.model = QStringLiteral("ep-20250101-abc");
    params.temperature = 0.3;
    params.topP = 0.9;
    params.maxTokens = 512;
    params.frequencyPenalty = 0.1;
    params.presencePenalty = -0.2;
    params.stop = QStringList{QStringLiteral("a"), QStringLiteral("b")};
    params.thinking = api::ThinkingMode::Auto;
    const api::ChatParameters out = params.toChatParameters();
    QCOMPARE(out.temperature, std::optional<double>(0.3));
    QCOMPARE(out.topP, std::optional<double>(0.9));
    QCOMPARE(out.maxTokens, std::optional<int>(512));
    QVERIFY(!out.maxCompletionTokens.has_value());
    params.maxCompletionTokens = 8192;
    QCOMPARE(params.toChatParameters().maxCompletionTokens, std::optional<int>(8192));
    // Both are handed on; the request builder sends only max_completion_tokens (the API refuses both).
    QCOMPARE(params.toChatParameters().maxTokens, std::optional<int>(512));
    QCOMPARE(out.frequencyPenalty, std::optional<double>(0.1));
    QCOMPARE(out.presencePenalty, std::optional<double>(-0.2));
    QCOMPARE(out.stop, params.stop);
    QCOMPARE(out.thinking, api::ThinkingMode::Auto);
    QVERIFY(out.toolChoice.is_null());
    QVERIFY(out.responseFormat.is_null());

    const api::ChatParameters none = ConversationParams{}.toChatParameters();
    QVERIFY(!none.temperature && !none.topP && !none.maxTokens && !none.frequencyPenalty &&
            !none.presencePenalty);
    QVERIFY(none.stop.isEmpty());
    QCOMPARE(none.thinking, api::ThinkingMode::Unset);
}

void TestConversationParams::toolParameters()
{
    ConversationParams params;
    params.toolChoice.mode = api::ToolChoice::Mode::Required;
    params.parallelToolCalls = false;
    // No tools: neither field is sent, whatever is set.
    api::ChatParameters out = params.toChatParameters();
    QVERIFY(out.toolChoice.is_null());
    QVERIFY(!out.parallelToolCalls);
    QVERIFY(params.tools().empty());

    // A document with an error offers no tools either (and says why).
    params.toolsJson = QStringLiteral(R"([{"type":"function","function":{"name":"bad name"}}])");
    QVERIFY(params.toolsDocument().hasErrors());
    QVERIFY(params.tools().empty());
    QVERIFY(params.toChatParameters().toolChoice.is_null());

    params.toolsJson = tools::ToolSchema::presets().front().document; // the built-in tools
    QCOMPARE(int(params.tools().size()), 3);
    out = params.toChatParameters();
    QCOMPARE(out.toolChoice, nlohmann::json("required"));
    QCOMPARE(out.parallelToolCalls, std::optional<bool>(false));

    params.toolChoice = api::ToolChoice::named(QStringLiteral("calculator"));
    QCOMPARE(params.toChatParameters().toolChoice,
             nlohmann::json::parse(R"({"type":"function","name":"calculator"})"));
    // A named tool that is no longer among the tools is not sent (the API would refuse it).
    params.toolChoice = api::ToolChoice::named(QStringLiteral("get_weather"));
    QVERIFY(params.toChatParameters().toolChoice.is_null());
    QCOMPARE(params.toChatParameters().parallelToolCalls, std::optional<bool>(false));

    // The settings that are not request fields stay out of the request.
    params.autoRunBuiltinTools = true;
    params.toolRoundLimit = 3;
    const nlohmann::json json = parse(params.toJson());
    QCOMPARE(json.at("auto_run_builtin_tools").get<bool>(), true);
    QCOMPARE(json.at("tool_round_limit").get<int>(), 3);
    QCOMPARE(QString::fromStdString(json.at("tools_json").get<std::string>()), params.toolsJson);
}

void TestConversationParams::equality()
{
    ConversationParams a;
    ConversationParams b;
    QVERIFY(a == b);
    b.model = QStringLiteral("m");
    QVERIFY(a != b);
    b = a;
    b.systemPrompt = QStringLiteral("s");
    QVERIFY(a != b);
    b = a;
    b.maxTokens = 1;
    QVERIFY(a != b);
    b = a;
    b.maxCompletionTokens = 1;
    QVERIFY(a != b);
    b = a;
    b.stop = QStringList{QStringLiteral("x")};
    QVERIFY(a != b);
    b = a;
    b.thinking = api::ThinkingMode::Disabled;
    QVERIFY(a != b);
    b = a;
    b.toolsJson = QStringLiteral("[]");
    QVERIFY(a != b);
    b = a;
    b.toolChoice = api::ToolChoice::named(QStringLiteral("f"));
    QVERIFY(a != b);
    a.toolChoice = api::ToolChoice::named(QStringLiteral("g"));
    QVERIFY(a != b);
    a = b;
    QVERIFY(a == b);
    b.parallelToolCalls = true;
    QVERIFY(a != b);
    b = a;
    b.autoRunBuiltinTools = true;
    QVERIFY(a != b);
    b = a;
    b.toolRoundLimit = 2;
    QVERIFY(a != b);
}

void TestConversationParams::defaultAccount()
{
    const std::vector<ProviderAccount> accounts = AccountSettings::accounts();
    QCOMPARE(int(accounts.size()), 1);
    QCOMPARE(accounts.front().id, QStringLiteral("ark"));
    QCOMPARE(accounts.front().name, QStringLiteral("Volcengine Ark"));
    QCOMPARE(accounts.front().baseUrl, QUrl(api::kDefaultArkBaseUrl));
    QCOMPARE(AccountSettings::account(QStringLiteral("nobody")).id, QStringLiteral("ark"));
    QCOMPARE(AccountSettings::currentAccountId(), QStringLiteral("ark"));
}

void TestConversationParams::accountsRoundTrip()
{
    AccountSettings::saveAccounts({
        {QStringLiteral("ark"), QStringLiteral("Ark (work)"),
         QUrl(QStringLiteral("https://ark.example.invalid/api/v3"))},
        {QStringLiteral("local-1"), QStringLiteral("Loopback"),
         QUrl(QStringLiteral("http://127.0.0.1:8080/api/v3"))},
        {QStringLiteral("Bad Id"), QStringLiteral("refused"), QUrl(QStringLiteral("https://x.invalid"))},
        {QStringLiteral("local-1"), QStringLiteral("duplicate"), QUrl(QStringLiteral("https://y.invalid"))},
    });
    const std::vector<ProviderAccount> accounts = AccountSettings::accounts();
    QCOMPARE(int(accounts.size()), 2);
    QCOMPARE(accounts[0].name, QStringLiteral("Ark (work)"));
    QCOMPARE(accounts[0].baseUrl, QUrl(QStringLiteral("https://ark.example.invalid/api/v3")));
    QCOMPARE(accounts[1].id, QStringLiteral("local-1"));
    QCOMPARE(accounts[1].name, QStringLiteral("Loopback"));
    QCOMPARE(AccountSettings::account(QStringLiteral("local-1")).baseUrl,
             QUrl(QStringLiteral("http://127.0.0.1:8080/api/v3")));

    // Saving without the Ark account still leaves it available.
    AccountSettings::saveAccounts({{QStringLiteral("other"), QStringLiteral("Other"),
                                    QUrl(QStringLiteral("https://other.invalid/v1"))}});
    const std::vector<ProviderAccount> again = AccountSettings::accounts();
    QCOMPARE(int(again.size()), 2);
    QCOMPARE(again[0].id, QStringLiteral("ark"));
    QCOMPARE(again[0].baseUrl, QUrl(api::kDefaultArkBaseUrl));
    QCOMPARE(again[1].id, QStringLiteral("other"));
}

void TestConversationParams::damagedAccountsAreSkipped()
{
    {
        QSettings settings;
        settings.beginWriteArray(QStringLiteral("accounts"));
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("id"), QStringLiteral("../etc"));
        settings.setValue(QStringLiteral("baseUrl"), QStringLiteral("https://x.invalid"));
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("id"), QStringLiteral("nourl"));
        settings.setValue(QStringLiteral("baseUrl"), QStringLiteral("not a url"));
        settings.setArrayIndex(2);
        settings.setValue(QStringLiteral("id"), QStringLiteral("ok"));
        settings.setValue(QStringLiteral("baseUrl"), QStringLiteral("https://ok.invalid/api"));
        settings.endArray();
    }
    const std::vector<ProviderAccount> accounts = AccountSettings::accounts();
    QCOMPARE(int(accounts.size()), 2);
    QCOMPARE(accounts[0].id, QStringLiteral("ark"));
    QCOMPARE(accounts[1].id, QStringLiteral("ok"));
    QCOMPARE(accounts[1].name, QStringLiteral("ok")); // no name: the id stands in
}

void TestConversationParams::currentAccount()
{
    AccountSettings::saveAccounts(
        {{QStringLiteral("ark"), QStringLiteral("Ark"), QUrl(api::kDefaultArkBaseUrl)},
         {QStringLiteral("b"), QStringLiteral("B"), QUrl(QStringLiteral("https://b.invalid"))}});
    AccountSettings::setCurrentAccountId(QStringLiteral("b"));
    QCOMPARE(AccountSettings::currentAccountId(), QStringLiteral("b"));
    AccountSettings::saveAccounts(
        {{QStringLiteral("ark"), QStringLiteral("Ark"), QUrl(api::kDefaultArkBaseUrl)}});
    QCOMPARE(AccountSettings::currentAccountId(), QStringLiteral("ark")); // "b" is gone
}

void TestConversationParams::plainSettings()
{
    QCOMPARE(AccountSettings::sendWithCtrlEnter(), false);
    AccountSettings::setSendWithCtrlEnter(true);
    QCOMPARE(AccountSettings::sendWithCtrlEnter(), true);
    QCOMPARE(AccountSettings::language(), QString());
    AccountSettings::setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(AccountSettings::language(), QStringLiteral("zh_CN"));
}

void TestConversationParams::recentModelsAreCapped()
{
    QVERIFY(AccountSettings::recentModels().isEmpty());
    for (int i = 0; i < 15; ++i)
        AccountSettings::addRecentModel(QStringLiteral("model-%1").arg(i));
    QStringList recent = AccountSettings::recentModels();
    QCOMPARE(recent.size(), 12);
    QCOMPARE(recent.first(), QStringLiteral("model-14"));
    QCOMPARE(recent.last(), QStringLiteral("model-3"));

    AccountSettings::addRecentModel(QStringLiteral("model-5")); // used again: moves to the front
    recent = AccountSettings::recentModels();
    QCOMPARE(recent.size(), 12);
    QCOMPARE(recent.first(), QStringLiteral("model-5"));
    QCOMPARE(recent.count(QStringLiteral("model-5")), 1);
    AccountSettings::addRecentModel(QStringLiteral("  "));
    QCOMPARE(AccountSettings::recentModels(), recent);
}

void TestConversationParams::noKeyInSettings()
{
    // Everything AccountSettings writes, written once; then no value may look like a key or be
    // named like one.
    AccountSettings::saveAccounts(
        {{QStringLiteral("ark"), QStringLiteral("Ark"), QUrl(api::kDefaultArkBaseUrl)}});
    AccountSettings::setCurrentAccountId(QStringLiteral("ark"));
    AccountSettings::setSendWithCtrlEnter(true);
    AccountSettings::setLanguage(QStringLiteral("en"));
    AccountSettings::addRecentModel(QStringLiteral("doubao-seed-1-6-250615"));
    QSettings settings;
    const QStringList keys = settings.allKeys();
    QVERIFY(!keys.isEmpty());
    for (const QString& name : keys) {
        QVERIFY2(!name.contains(QLatin1String("key"), Qt::CaseInsensitive) &&
                     !name.contains(QLatin1String("secret"), Qt::CaseInsensitive) &&
                     !name.contains(QLatin1String("token"), Qt::CaseInsensitive),
                 qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestConversationParams)
#include "tst_conversationparams.moc"
