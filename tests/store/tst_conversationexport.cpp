// Markdown and JSON exports, JSON import, and the promise that no key leaves in an export.
#include "store/ConversationExport.h"
#include "store/ConversationStore.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ark::store;
using ark::api::Role;

namespace {

const QString kCode = QStringLiteral("```cpp\nint main()\n{\n    return 0; // 返回\n}\n```");
const QString kToken = QStringLiteral("2f0c1e9a-7d3b-4c55-9e21-0123456789ab");

} // namespace

class ConversationExportTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("export.sqlite3"))));
        m_store = std::make_unique<ConversationStore>(*m_db);
    }

    void cleanup()
    {
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void markdownHasHeadingsReasoningAndCode()
    {
        const auto id = seedConversation();
        const auto conversation = *m_store->conversation(id);
        const auto md = toMarkdown(conversation, m_store->activePath(id));

        QVERIFY(md.startsWith(QStringLiteral("# Debugging 调试\n")));
        QVERIFY(md.contains(QStringLiteral("Model: doubao-seed-1-6")));
        QVERIFY(md.contains(QStringLiteral("## System prompt\n\n> You are a C++ expert.\n> Be brief.\n")));
        const auto user = md.indexOf(QStringLiteral("## User\n"));
        const auto assistant = md.indexOf(QStringLiteral("## Assistant · doubao-seed-1-6-250615\n"));
        const auto tool = md.indexOf(QStringLiteral("## Tool · compile\n"));
        QVERIFY(user > 0);
        QVERIFY(assistant > user);
        QVERIFY(tool > assistant);
        // Reasoning folded away, before the answer it led to.
        const auto details =
            md.indexOf(QStringLiteral("<details>\n<summary>Reasoning</summary>\n\nLet me think 让我想想"));
        QVERIFY(details > assistant);
        QVERIFY(md.indexOf(QStringLiteral("</details>"), details) > details);
        QVERIFY(md.indexOf(QStringLiteral("Here is the fix:"), details) >
                md.indexOf(QStringLiteral("</details>"), details));
        // Code comes through byte for byte, in the user's message and in the answer.
        QCOMPARE(md.count(kCode), 2);
        QVERIFY(md.contains(
            QStringLiteral("**Tool call:** `compile` (`call_1`)\n\n```json\n{\"file\":\"main.cpp\"}\n```")));
        QVERIFY(md.contains(QStringLiteral("*Tokens: 120 in, 80 out (30 reasoning, 64 cached)*")));
        QVERIFY(md.contains(QStringLiteral("*Interrupted: the answer was cut off before it finished.*")));
        QVERIFY(md.contains(QStringLiteral("*2024-05-01 10:30:00 UTC*")));
        // The other branch is not on the active path.
        QVERIFY(!md.contains(QStringLiteral("an older answer")));
    }

    void markdownFencesOutlastBackticksInside()
    {
        ConversationRecord c;
        c.title = QStringLiteral("fences");
        MessageRecord tool;
        tool.role = Role::Tool;
        tool.toolName = QStringLiteral("shell");
        tool.content = QStringLiteral("output with ``` inside\nand ```` four");
        const auto md = toMarkdown(c, {tool});
        QVERIFY2(md.contains(QStringLiteral("`````\noutput with ``` inside\nand ```` four\n`````")),
                 qPrintable(md));

        MessageRecord failed;
        failed.role = Role::Assistant;
        failed.state = MessageState::Failed;
        failed.errorMessage = QStringLiteral("Too many requests");
        failed.errorCode = QStringLiteral("RateLimitExceeded");
        failed.errorStatus = 429;
        QVERIFY(toMarkdown(c, {failed})
                    .contains(QStringLiteral("*Failed: Too many requests (RateLimitExceeded, HTTP 429)*")));
    }

    void jsonHasTheVersionedShape()
    {
        const auto id = seedConversation();
        const auto json = toJson(*m_store->conversation(id), m_store->activePath(id));
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto root = doc.object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("ark-workbench-conversation"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        const auto head = root.value(QStringLiteral("conversation")).toObject();
        QCOMPARE(head.value(QStringLiteral("title")).toString(), QStringLiteral("Debugging 调试"));
        QCOMPARE(head.value(QStringLiteral("systemPrompt")).toString(),
                 QStringLiteral("You are a C++ expert.\nBe brief."));
        const auto messages = root.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        const auto answer = messages.at(1).toObject();
        QCOMPARE(answer.value(QStringLiteral("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(answer.value(QStringLiteral("parentId")).toInteger(),
                 messages.at(0).toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(answer.value(QStringLiteral("reasoning")).toString(),
                 QStringLiteral("Let me think 让我想想"));
        QCOMPARE(answer.value(QStringLiteral("createdAt")).toString(),
                 QStringLiteral("2024-05-01T10:30:05.250Z"));
        QCOMPARE(
            answer.value(QStringLiteral("usage")).toObject().value(QStringLiteral("cachedTokens")).toInt(),
            64);
        QCOMPARE(answer.value(QStringLiteral("toolCalls"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("compile"));
        QCOMPARE(answer.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
        QCOMPARE(answer.value(QStringLiteral("ttftMs")).toInt(), 300);
        QCOMPARE(messages.at(0).toObject().value(QStringLiteral("usage")), QJsonValue(QJsonValue::Null));
        QCOMPARE(messages.at(3).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("interrupted"));
    }

    void jsonRoundTripKeepsEverything_data()
    {
        QTest::addColumn<bool>("wholeTree");
        QTest::newRow("active path") << false;
        QTest::newRow("whole tree") << true;
    }

    void jsonRoundTripKeepsEverything()
    {
        QFETCH(bool, wholeTree);
        const auto id = seedConversation();
        const auto original = *m_store->conversation(id);
        const auto messages = wholeTree ? m_store->allMessages(id) : m_store->activePath(id);
        const auto json = toJson(original, messages);

        QString error;
        const auto imported = importJson(*m_store, json, &error);
        QVERIFY2(imported, qPrintable(error));
        QVERIFY(*imported != id);
        const auto copy = *m_store->conversation(*imported);
        QCOMPARE(copy.title, original.title);
        QCOMPARE(copy.model, original.model);
        QCOMPARE(copy.systemPrompt, original.systemPrompt);
        QCOMPARE(copy.paramsJson, original.paramsJson);
        QCOMPARE(copy.pinned, original.pinned);
        QCOMPARE(copy.createdAt, original.createdAt);

        const auto back = wholeTree ? m_store->allMessages(*imported) : m_store->activePath(*imported);
        QCOMPARE(back.size(), messages.size());
        QHash<qint64, qint64> newIdOf; // original id -> imported id, by position (both in tree order)
        for (size_t i = 0; i < back.size(); ++i)
            newIdOf.insert(messages[i].id, back[i].id);
        for (size_t i = 0; i < back.size(); ++i) {
            const auto& a = messages[i];
            const auto& b = back[i];
            QCOMPARE(b.conversationId, *imported);
            QVERIFY(b.id != a.id);
            QCOMPARE(b.parentId, a.parentId == 0 ? qint64(0) : newIdOf.value(a.parentId));
            QCOMPARE(b.role, a.role);
            QCOMPARE(b.content, a.content);
            QCOMPARE(b.reasoning, a.reasoning);
            QCOMPARE(b.toolCalls.size(), a.toolCalls.size());
            for (size_t k = 0; k < a.toolCalls.size(); ++k) {
                QCOMPARE(b.toolCalls[k].id, a.toolCalls[k].id);
                QCOMPARE(b.toolCalls[k].name, a.toolCalls[k].name);
                QCOMPARE(b.toolCalls[k].arguments, a.toolCalls[k].arguments);
                QCOMPARE(b.toolCalls[k].index, a.toolCalls[k].index);
            }
            QCOMPARE(b.toolCallId, a.toolCallId);
            QCOMPARE(b.toolName, a.toolName);
            QCOMPARE(b.attachmentsJson, a.attachmentsJson);
            QCOMPARE(b.usage.present, a.usage.present);
            QCOMPARE(b.usage.promptTokens, a.usage.promptTokens);
            QCOMPARE(b.usage.completionTokens, a.usage.completionTokens);
            QCOMPARE(b.usage.totalTokens, a.usage.totalTokens);
            QCOMPARE(b.usage.cachedTokens, a.usage.cachedTokens);
            QCOMPARE(b.usage.reasoningTokens, a.usage.reasoningTokens);
            QCOMPARE(b.model, a.model);
            QCOMPARE(b.finishReason, a.finishReason);
            QCOMPARE(b.createdAt, a.createdAt);
            QCOMPARE(b.ttftMs, a.ttftMs);
            QCOMPARE(b.totalMs, a.totalMs);
            QCOMPARE(b.reasoningMs, a.reasoningMs);
            QCOMPARE(b.state, a.state);
            QCOMPARE(b.errorKind, a.errorKind);
            QCOMPARE(b.errorCode, a.errorCode);
            QCOMPARE(b.errorMessage, a.errorMessage);
            QCOMPARE(b.errorStatus, a.errorStatus);
            QCOMPARE(b.requestId, a.requestId);
        }
        // The same branch is active, and the branches are still there to switch to.
        QCOMPARE(m_store->activePath(*imported).size(), m_store->activePath(id).size());
        QCOMPARE(m_store->activePath(*imported).back().content, m_store->activePath(id).back().content);
        QCOMPARE(m_store->siblings(m_store->activePath(*imported)[1].id).size(), size_t(wholeTree ? 2 : 1));
        // Imported text is searchable like any other.
        QCOMPARE(m_store->search(QStringLiteral("Here is the fix")).size(), size_t(2));
    }

    void noKeyLeavesInAnExport()
    {
        const auto c = m_store->createConversation(QStringLiteral("secrets"));
        QVERIFY(m_store->updateSettings(c.id, QStringLiteral("m"),
                                        QStringLiteral("Use Authorization: Bearer ") + kToken,
                                        QStringLiteral("{\"api_key\":\"") + kToken + QStringLiteral("\"}")));
        MessageRecord m;
        m.conversationId = c.id;
        m.content = QStringLiteral("my curl: -H \"Authorization: Bearer ") + kToken +
                    QStringLiteral("\" and ARK_API_KEY=") + kToken;
        m.reasoning = QStringLiteral("bearer ") + kToken;
        ark::api::ToolCall call;
        call.name = QStringLiteral("http");
        call.arguments =
            QStringLiteral("{\"headers\":{\"Authorization\":\"Bearer ") + kToken + QStringLiteral("\"}}");
        m.toolCalls.push_back(call);
        m.errorMessage = QStringLiteral("rejected key x-api-key: ") + kToken;
        QVERIFY(m_store->appendMessage(m) > 0);

        const auto conversation = *m_store->conversation(c.id);
        const auto path = m_store->activePath(c.id);
        const auto json = QString::fromUtf8(toJson(conversation, path));
        const auto md = toMarkdown(conversation, path);
        for (const auto& out : {json, md}) {
            QVERIFY2(!out.contains(kToken), qPrintable(out));
            QVERIFY(!out.contains(QStringLiteral("0123456789ab")));
            QVERIFY(out.contains(QStringLiteral("Bearer [redacted]")));
        }
        QVERIFY(json.contains(QStringLiteral("ARK_API_KEY=[redacted]")));
    }

    void scrubSecrets_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer abc123DEF456ghi")
                                       << QStringLiteral("Authorization: Bearer [redacted]");
        QTest::newRow("bearer lowercase, padded")
            << QStringLiteral("bearer   dGVzdDEyMzQ1Njc4==") << QStringLiteral("Bearer [redacted]");
        QTest::newRow("env assignment") << QStringLiteral("export ARK_API_KEY=ak-1234567890abcdef")
                                        << QStringLiteral("export ARK_API_KEY=[redacted]");
        QTest::newRow("json field") << QStringLiteral("{\"api_key\": \"sk-abc123def456\"}")
                                    << QStringLiteral("{\"api_key\": \"[redacted]\"}");
        QTest::newRow("prose about bearer auth") << QStringLiteral("Bearer authentication sends a token")
                                                 << QStringLiteral("Bearer authentication sends a token");
        QTest::newRow("prose about keys") << QStringLiteral("The key point: apikey design matters in 2024")
                                          << QStringLiteral("The key point: apikey design matters in 2024");
        QTest::newRow("chinese text")
            << QStringLiteral("密钥不应出现在导出里") << QStringLiteral("密钥不应出现在导出里");
    }

    void scrubSecrets()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(ark::store::scrubSecrets(input), expected);
    }

    void importRejectsInvalidFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray head =
            R"({"format":"ark-workbench-conversation","version":1,"conversation":{"title":"t"},)";
        QTest::newRow("not json") << QByteArray("this is not json {");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("another format")
            << QByteArray(R"({"format":"chatgpt-export","version":1,"conversation":{},"messages":[]})");
        QTest::newRow("newer version") << QByteArray(
            R"({"format":"ark-workbench-conversation","version":2,"conversation":{},"messages":[]})");
        QTest::newRow("no version") << QByteArray(
            R"({"format":"ark-workbench-conversation","conversation":{},"messages":[]})");
        QTest::newRow("no messages") << QByteArray(
            R"({"format":"ark-workbench-conversation","version":1,"conversation":{}})");
        QTest::newRow("message not an object") << head + R"("messages":[42]})";
        QTest::newRow("unknown role") << head + R"("messages":[{"id":1,"role":"wizard","content":"x"}]})";
        QTest::newRow("missing id") << head + R"("messages":[{"role":"user","content":"x"}]})";
        QTest::newRow("duplicate id")
            << head + R"("messages":[{"id":1,"role":"user"},{"id":1,"role":"user"}]})";
        QTest::newRow("missing parent")
            << head + R"("messages":[{"id":1,"role":"user"},{"id":2,"parentId":9,"role":"assistant"}]})";
        QTest::newRow("parent loop")
            << head +
                   R"("messages":[{"id":1,"parentId":2,"role":"user"},{"id":2,"parentId":1,"role":"assistant"}]})";
    }

    void importRejectsInvalidFiles()
    {
        QFETCH(QByteArray, json);
        const auto before = m_store->listConversations().size();
        QString error;
        QVERIFY(!importJson(*m_store, json, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(m_store->listConversations().size(), before);
    }

    void importTurnsStreamingIntoInterrupted()
    {
        const QByteArray json = R"({"format":"ark-workbench-conversation","version":1,
            "conversation":{"title":"cut","currentLeafId":2},
            "messages":[{"id":2,"parentId":1,"role":"assistant","content":"half","state":"streaming"},
                        {"id":1,"role":"user","content":"ask"}]})";
        QString error;
        const auto id = importJson(*m_store, json, &error);
        QVERIFY2(id, qPrintable(error));
        const auto path = m_store->activePath(*id);
        QCOMPARE(path.size(), size_t(2));
        QCOMPARE(path[0].content, QStringLiteral("ask"));
        QCOMPARE(path[1].state, MessageState::Interrupted);
        QCOMPARE(m_store->markInterruptedStreams(), 0);
        QVERIFY(toMarkdown(*m_store->conversation(*id), path).contains(QStringLiteral("*Interrupted:")));
    }

private:
    // A conversation with a system prompt, code, reasoning, a tool round trip, an interrupted answer
    // and a second (older) branch.
    qint64 seedConversation()
    {
        auto c =
            m_store->createConversation(QStringLiteral("Debugging 调试"), QStringLiteral("doubao-seed-1-6"));
        m_store->updateSettings(c.id, QStringLiteral("doubao-seed-1-6"),
                                QStringLiteral("You are a C++ expert.\nBe brief."),
                                QStringLiteral("{\"temperature\":0.3}"));
        const QDateTime t0(QDate(2024, 5, 1), QTime(10, 30), Qt::UTC);

        MessageRecord user;
        user.conversationId = c.id;
        user.content = QStringLiteral("Why does this crash?\n\n") + kCode;
        user.createdAt = t0;
        m_store->appendMessage(user);

        MessageRecord older;
        older.conversationId = c.id;
        older.parentId = user.id;
        older.role = Role::Assistant;
        older.content = QStringLiteral("an older answer");
        older.createdAt = t0.addSecs(1);
        m_store->appendMessage(older);

        MessageRecord answer;
        answer.conversationId = c.id;
        answer.parentId = user.id;
        answer.role = Role::Assistant;
        answer.model = QStringLiteral("doubao-seed-1-6-250615");
        answer.reasoning = QStringLiteral("Let me think 让我想想");
        answer.content = QStringLiteral("Here is the fix:\n\n") + kCode;
        ark::api::ToolCall call;
        call.id = QStringLiteral("call_1");
        call.name = QStringLiteral("compile");
        call.arguments = QStringLiteral("{\"file\":\"main.cpp\"}");
        answer.toolCalls.push_back(call);
        answer.usage.present = true;
        answer.usage.promptTokens = 120;
        answer.usage.completionTokens = 80;
        answer.usage.totalTokens = 200;
        answer.usage.reasoningTokens = 30;
        answer.usage.cachedTokens = 64;
        answer.finishReason = QStringLiteral("tool_calls");
        answer.createdAt = t0.addMSecs(5250);
        answer.ttftMs = 300;
        answer.totalMs = 2100;
        answer.reasoningMs = 900;
        answer.requestId = QStringLiteral("req-42");
        m_store->appendMessage(answer);

        MessageRecord tool;
        tool.conversationId = c.id;
        tool.parentId = answer.id;
        tool.role = Role::Tool;
        tool.toolCallId = QStringLiteral("call_1");
        tool.toolName = QStringLiteral("compile");
        tool.content = QStringLiteral("{\"ok\":true}");
        tool.createdAt = t0.addSecs(7);
        m_store->appendMessage(tool);

        MessageRecord cut;
        cut.conversationId = c.id;
        cut.parentId = tool.id;
        cut.role = Role::Assistant;
        cut.content = QStringLiteral("It compiles now, and");
        cut.state = MessageState::Interrupted;
        cut.errorKind = QStringLiteral("network");
        cut.errorMessage = QStringLiteral("connection reset");
        cut.createdAt = t0.addSecs(8);
        m_store->appendMessage(cut);
        return c.id;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationStore> m_store;
};

QTEST_GUILESS_MAIN(ConversationExportTest)
#include "tst_conversationexport.moc"
