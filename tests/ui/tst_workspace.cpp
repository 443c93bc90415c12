// The real main window on the offscreen platform against the loopback Ark server: send, see the
// streamed answer, stop, regenerate, edit into a branch, switch branch, search, restart.
// With ARK_SCREENSHOT_DIR set, each state is also saved as a PNG for a person to look at.
#include "ConversationSidebar.h"
#include "MainWindow.h"
#include "api/ChatClient.h"
#include "catalog/ModelPicker.h"
#include "catalog/QuickSwitcher.h"
#include "conversation/Composer.h"
#include "conversation/ConversationView.h"
#include "inspector/ExchangeInspector.h"
#include "session/AccountSettings.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "support/LoopbackServer.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ark;
using models::MessageListModel;

namespace {
constexpr int kSafety = 20000; // a safety limit, never an expectation
}

class TestWorkspace : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    testsupport::LoopbackServer m_server;
    QNetworkAccessManager m_nam;
    api::ChatClient m_client{&m_nam};
    store::Database m_db;
    std::unique_ptr<store::ConversationStore> m_store;
    std::unique_ptr<ui::MainWindow> m_window;

    MessageListModel* messages() { return m_window->session()->messages(); }
    QPlainTextEdit* editor() { return m_window->composer()->findChild<QPlainTextEdit*>(); }

    void shot(const char* name)
    {
        const QString dir = qEnvironmentVariable("ARK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            m_window->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }

    void typeAndSend(const QString& text)
    {
        QPlainTextEdit* edit = editor();
        QVERIFY(edit);
        edit->setFocus();
        // QTest types ASCII only; other text goes in as an input method would put it.
        edit->insertPlainText(text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isBusy(), kSafety); }

    void useModel(const QString& model)
    {
        // As a person does it: Ctrl+K (its action), type the id, Enter (an id the catalog does not know is
        // used as typed).
        QCOMPARE(m_window->modelPicker()->switcherAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        m_window->modelPicker()->switcherAction()->trigger();
        ui::QuickSwitcher* switcher = m_window->modelPicker()->switcher();
        QVERIFY(switcher);
        QTest::keyClicks(switcher->searchField(), model);
        QTest::keyClick(switcher->searchField(), Qt::Key_Return);
        QCOMPARE(m_window->session()->params().model, model);
        QCOMPARE(m_window->modelPicker()->currentModel(), model);
    }

    void startWindow()
    {
        m_window = std::make_unique<ui::MainWindow>(m_client, *m_store);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
        session::AccountSettings::saveAccounts({session::ProviderAccount{
            QStringLiteral("ark"), QStringLiteral("Loopback"), m_server.baseUrl()}});
        session::AccountSettings::setCurrentAccountId(QStringLiteral("ark"));
        qputenv("ARK_API_KEY", "workspace-test-key");
        QVERIFY(m_db.open(m_dir.filePath(QStringLiteral("conversations.sqlite3"))));
        m_store = std::make_unique<store::ConversationStore>(m_db);
        startWindow();
    }

    void cleanupTestCase() { m_window.reset(); }

    void sendShowsTheStreamedAnswer()
    {
        QVERIFY(m_window->newConversation() > 0);
        useModel(QStringLiteral("loopback-reasoning"));
        typeAndSend(QStringLiteral("What is 6 x 7?"));
        QTRY_COMPARE_WITH_TIMEOUT(messages()->rowCount(), 2, kSafety);
        waitIdle();
        QCOMPARE(messages()->index(0).data(MessageListModel::ContentRole).toString(),
                 QStringLiteral("What is 6 x 7?"));
        QCOMPARE(messages()->index(1).data(MessageListModel::ContentRole).toString(),
                 QStringLiteral("The answer is 42."));
        QCOMPARE(messages()->index(1).data(MessageListModel::ReasoningRole).toString(),
                 QStringLiteral("Let me think about this."));
        QCOMPARE(messages()->index(1).data(MessageListModel::StateRole).toInt(),
                 int(store::MessageState::Complete));
        QVERIFY(editor()->toPlainText().isEmpty());
        // What was sent, and that it is all in the database.
        const auto body = nlohmann::json::parse(m_server.requests().last().body.toStdString());
        QCOMPARE(body.at("model").get<std::string>(), std::string("loopback-reasoning"));
        const auto path = m_store->activePath(m_window->session()->conversationId());
        QCOMPARE(int(path.size()), 2);
        QCOMPARE(path[1].content, QStringLiteral("The answer is 42."));
        // The sidebar shows the conversation titled after the first message.
        const QModelIndex current = m_window->sidebar()->listView()->currentIndex();
        QVERIFY(current.isValid());
        QVERIFY(current.data(models::ConversationListModel::TitleRole)
                    .toString()
                    .startsWith(QStringLiteral("What is 6")));
        shot("01-answer");

        // The raw exchange dock shows this conversation's request, with the key masked everywhere.
        ark::ui::ExchangeInspector* inspector = m_window->exchangeInspector();
        QVERIFY(inspector);
        QCOMPARE(inspector->log(), m_window->session()->exchangeLog());
        const QAbstractItemModel* exchanges = inspector->log()->model();
        QCOMPARE(exchanges->rowCount(), 1);
        for (int column = 0; column < exchanges->columnCount(); ++column)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                QVERIFY(!exchanges->index(0, column).data(role).toString().contains(
                    QStringLiteral("workspace-test-key")));
        QVERIFY(inspector->copyCurlToClipboard());
        QVERIFY(!QGuiApplication::clipboard()->text().contains(QStringLiteral("workspace-test-key")));
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("$ARK_API_KEY")));
    }

    void escapeStopsAndKeepsThePartialAnswer()
    {
        useModel(QStringLiteral("loopback-slow"));
        typeAndSend(QStringLiteral("Think slowly"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isBusy(), kSafety);
        const int row = messages()->rowCount() - 1;
        QTRY_VERIFY_WITH_TIMEOUT(
            !messages()->index(row).data(MessageListModel::ReasoningRole).toString().isEmpty(), kSafety);
        shot("02-streaming");
        QTest::keyClick(editor(), Qt::Key_Escape);
        waitIdle();
        const QModelIndex answer = messages()->index(messages()->rowCount() - 1);
        QCOMPARE(answer.data(MessageListModel::StateRole).toInt(), int(store::MessageState::Interrupted));
        QVERIFY(!answer.data(MessageListModel::ReasoningRole).toString().isEmpty());
        const auto stored = m_store->message(answer.data(MessageListModel::MessageIdRole).toLongLong());
        QVERIFY(stored);
        QCOMPARE(stored->state, store::MessageState::Interrupted);
        shot("03-stopped");
    }

    void regenerateMakesABranchAndBranchesSwitch()
    {
        useModel(QStringLiteral("loopback-echo"));
        const int row = messages()->rowCount() - 1;
        const qint64 interrupted = messages()->index(row).data(MessageListModel::MessageIdRole).toLongLong();
        emit m_window->conversationView()->regenerateRequested(interrupted);
        waitIdle();
        const QModelIndex answer = messages()->index(messages()->rowCount() - 1);
        QCOMPARE(answer.data(MessageListModel::BranchCountRole).toInt(), 2);
        QCOMPARE(answer.data(MessageListModel::BranchIndexRole).toInt(), 1);
        QCOMPARE(answer.data(MessageListModel::StateRole).toInt(), int(store::MessageState::Complete));
        QVERIFY(
            answer.data(MessageListModel::ContentRole).toString().contains(QStringLiteral("Think slowly")));
        shot("04-regenerated");

        const qint64 newest = answer.data(MessageListModel::MessageIdRole).toLongLong();
        emit m_window->conversationView()->branchStepRequested(newest, -1);
        QTRY_COMPARE_WITH_TIMEOUT(
            messages()->index(messages()->rowCount() - 1).data(MessageListModel::MessageIdRole).toLongLong(),
            interrupted, kSafety);
        QCOMPARE(
            messages()->index(messages()->rowCount() - 1).data(MessageListModel::BranchIndexRole).toInt(), 0);
        emit m_window->conversationView()->branchStepRequested(interrupted, +1);
        QTRY_COMPARE_WITH_TIMEOUT(
            messages()->index(messages()->rowCount() - 1).data(MessageListModel::MessageIdRole).toLongLong(),
            newest, kSafety);
    }

    void upInAnEmptyComposerEditsIntoABranch()
    {
        const int userRow = messages()->rowCount() - 2;
        const qint64 original = messages()->index(userRow).data(MessageListModel::MessageIdRole).toLongLong();
        editor()->clear();
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_Up);
        QCOMPARE(editor()->toPlainText(), QStringLiteral("Think slowly"));
        editor()->selectAll();
        QTest::keyClicks(editor(), QStringLiteral("Think fast"));
        QTest::keyClick(editor(), Qt::Key_Return);
        waitIdle();
        const QModelIndex edited = messages()->index(messages()->rowCount() - 2);
        QCOMPARE(edited.data(MessageListModel::ContentRole).toString(), QStringLiteral("Think fast"));
        QCOMPARE(edited.data(MessageListModel::BranchCountRole).toInt(), 2);
        QVERIFY(edited.data(MessageListModel::MessageIdRole).toLongLong() != original);
        QVERIFY(messages()
                    ->index(messages()->rowCount() - 1)
                    .data(MessageListModel::ContentRole)
                    .toString()
                    .contains(QStringLiteral("Think fast")));
        // The earlier branch is still there.
        emit m_window->conversationView()->branchStepRequested(
            edited.data(MessageListModel::MessageIdRole).toLongLong(), -1);
        QTRY_COMPARE_WITH_TIMEOUT(
            messages()->index(userRow).data(MessageListModel::MessageIdRole).toLongLong(), original, kSafety);
        shot("05-branches");
    }

    void errorsShowInline()
    {
        useModel(QStringLiteral("loopback-badkey"));
        typeAndSend(QStringLiteral("Will this work?"));
        waitIdle();
        const QModelIndex answer = messages()->index(messages()->rowCount() - 1);
        QCOMPARE(answer.data(MessageListModel::StateRole).toInt(), int(store::MessageState::Failed));
        QCOMPARE(answer.data(MessageListModel::ErrorCodeRole).toString(),
                 QStringLiteral("AuthenticationError"));
        QVERIFY(!answer.data(MessageListModel::ErrorMessageRole).toString().isEmpty());
        QVERIFY(!answer.data(MessageListModel::RequestIdRole).toString().isEmpty());
        shot("06-error");
    }

    void searchFindsAndOpensTheMessage()
    {
        const qint64 first = m_window->session()->conversationId();
        QVERIFY(m_window->newConversation() > 0);
        useModel(QStringLiteral("loopback-echo"));
        typeAndSend(QStringLiteral("Tell me about the Great Wall 长城"));
        waitIdle();
        QVERIFY(m_window->session()->conversationId() != first);

        QLineEdit* search = m_window->sidebar()->searchField();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("answer is 42"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->conversations()->isSearching(), kSafety);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->conversations()->rowCount(), 1, kSafety);
        const QModelIndex hit = m_window->conversations()->index(0);
        QCOMPARE(hit.data(models::ConversationListModel::ConversationIdRole).toLongLong(), first);
        QVERIFY(
            hit.data(models::ConversationListModel::SnippetRole).toString().contains(store::kHighlightStart));
        shot("07-search");
        QListView* list = m_window->sidebar()->listView();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(hit).center());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->conversationId(), first, kSafety);
        const qint64 matched = hit.data(models::ConversationListModel::MatchMessageIdRole).toLongLong();
        QVERIFY(matched > 0);
        // The messages arrive from the loader's thread; the hit is selected once they are there.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->conversationView()->currentIndex().data(MessageListModel::MessageIdRole).toLongLong(),
            matched, kSafety);
        QVERIFY(!m_window->session()->isLoading());

        search->clear();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->conversations()->isSearching(), kSafety);
        QCOMPARE(m_window->conversations()->rowCount(), 2);
        // Chinese text is searchable too.
        search->setText(QStringLiteral("长城"));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->conversations()->rowCount(), 1, kSafety);
        search->clear();
    }

    void everythingIsThereAfterARestart()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->session()->isLoading(), kSafety);
        const qint64 open = m_window->session()->conversationId();
        const int rows = messages()->rowCount();
        QVERIFY(rows > 0);
        m_window->close();
        m_window.reset();
        startWindow();
        QCOMPARE(m_window->conversations()->rowCount(), 2);
        QCOMPARE(m_window->session()->conversationId(), open);
        QTRY_COMPARE_WITH_TIMEOUT(messages()->rowCount(), rows, kSafety);
        QVERIFY(!m_window->session()->isLoading());
        shot("08-restarted");
    }
};

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
