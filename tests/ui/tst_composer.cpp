// The message box: send keys in both modes, Esc, Up, edit mode, Send/Stop, growth with its text.
#include "conversation/Composer.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>

using ark::ui::Composer;

class TestComposer : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void sendKeys_data();
    void sendKeys();
    void emptyDraftIsNotSent_data();
    void emptyDraftIsNotSent();
    void placeholderFollowsMode();
    void escapeStopsWhileBusy();
    void upInEmptyComposerEditsLast();
    void editModeSubmitsEdit();
    void escapeCancelsEditAndRestoresDraft();
    void busyTurnsSendIntoStop();
    void disabledWithReason();
    void growsWithLinesUpToMaximum();

private:
    void type(const QString& text) { QTest::keyClicks(m_composer->editor(), text); }

    Composer* m_composer = nullptr;
};

void TestComposer::init()
{
    m_composer = new Composer;
    m_composer->resize(600, 200);
    m_composer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_composer));
    m_composer->editor()->setFocus();
}

void TestComposer::cleanup()
{
    delete m_composer;
    m_composer = nullptr;
}

void TestComposer::sendKeys_data()
{
    QTest::addColumn<bool>("ctrlEnterMode");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<bool>("sends");

    const int none = int(Qt::NoModifier);
    const int shift = int(Qt::ShiftModifier);
    const int ctrl = int(Qt::ControlModifier);
    QTest::newRow("enter mode: Enter sends") << false << int(Qt::Key_Return) << none << true;
    QTest::newRow("enter mode: keypad Enter sends")
        << false << int(Qt::Key_Enter) << int(Qt::KeypadModifier) << true;
    QTest::newRow("enter mode: Shift+Enter new line") << false << int(Qt::Key_Return) << shift << false;
    QTest::newRow("enter mode: Ctrl+Enter sends too") << false << int(Qt::Key_Return) << ctrl << true;
    QTest::newRow("ctrl mode: Enter new line") << true << int(Qt::Key_Return) << none << false;
    QTest::newRow("ctrl mode: Shift+Enter new line") << true << int(Qt::Key_Return) << shift << false;
    QTest::newRow("ctrl mode: Ctrl+Enter sends") << true << int(Qt::Key_Return) << ctrl << true;
}

void TestComposer::sendKeys()
{
    QFETCH(bool, ctrlEnterMode);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(bool, sends);
    m_composer->setSendWithCtrlEnter(ctrlEnterMode);
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    type(QStringLiteral("hello"));
    QTest::keyClick(m_composer->editor(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    if (sends) {
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.first().first().toString(), QStringLiteral("hello"));
        QVERIFY(m_composer->text().isEmpty()); // the draft is gone once sent
    } else {
        QCOMPARE(sent.count(), 0);
        QCOMPARE(m_composer->text(), QStringLiteral("hello\n"));
        type(QStringLiteral("world"));
        QCOMPARE(m_composer->text(), QStringLiteral("hello\nworld"));
    }
}

void TestComposer::emptyDraftIsNotSent_data()
{
    QTest::addColumn<QString>("draft");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("new lines and tabs") << QStringLiteral(" \n\t\n ");
}

void TestComposer::emptyDraftIsNotSent()
{
    QFETCH(QString, draft);
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    m_composer->setText(draft);
    QVERIFY(!m_composer->sendButton()->isEnabled());
    QTest::keyClick(m_composer->editor(), Qt::Key_Return);
    m_composer->submit();
    QCOMPARE(sent.count(), 0);
}

void TestComposer::placeholderFollowsMode()
{
    m_composer->setSendWithCtrlEnter(false);
    QCOMPARE(m_composer->editor()->placeholderText(),
             QStringLiteral("Message the model\u2026 (Enter to send, Shift+Enter for a new line)"));
    m_composer->setSendWithCtrlEnter(true);
    QVERIFY(m_composer->editor()->placeholderText().contains(QStringLiteral("Ctrl+Enter to send")));
}

void TestComposer::escapeStopsWhileBusy()
{
    QSignalSpy stop(m_composer, &Composer::stopRequested);
    QTest::keyClick(m_composer->editor(), Qt::Key_Escape);
    QCOMPARE(stop.count(), 0); // idle: nothing to stop
    m_composer->setBusy(true);
    QTest::keyClick(m_composer->editor(), Qt::Key_Escape);
    QCOMPARE(stop.count(), 1);
    // While busy, Enter keeps the draft instead of sending over the running answer.
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    type(QStringLiteral("next"));
    QTest::keyClick(m_composer->editor(), Qt::Key_Return);
    QCOMPARE(sent.count(), 0);
    QVERIFY(m_composer->text().startsWith(QStringLiteral("next")));
}

void TestComposer::upInEmptyComposerEditsLast()
{
    QSignalSpy edit(m_composer, &Composer::editLastRequested);
    QTest::keyClick(m_composer->editor(), Qt::Key_Up);
    QCOMPARE(edit.count(), 1);
    type(QStringLiteral("line one"));
    QTest::keyClick(m_composer->editor(), Qt::Key_Return, Qt::ShiftModifier);
    type(QStringLiteral("two"));
    QTest::keyClick(m_composer->editor(), Qt::Key_Up);
    QCOMPARE(edit.count(), 1); // not empty: Up moves the cursor
    QCOMPARE(m_composer->editor()->textCursor().blockNumber(), 0);
}

void TestComposer::editModeSubmitsEdit()
{
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    QSignalSpy edited(m_composer, &Composer::editSubmitted);
    QVERIFY(m_composer->editBanner()->isHidden());
    m_composer->beginEdit(42, QStringLiteral("old text"));
    QVERIFY(m_composer->isEditing());
    QVERIFY(!m_composer->editBanner()->isHidden());
    QCOMPARE(m_composer->text(), QStringLiteral("old text"));
    type(QStringLiteral(" fixed"));
    QTest::keyClick(m_composer->editor(), Qt::Key_Return);
    QCOMPARE(sent.count(), 0);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.first().at(0).toLongLong(), qint64(42));
    QCOMPARE(edited.first().at(1).toString(), QStringLiteral("old text fixed"));
    QVERIFY(!m_composer->isEditing());
    QVERIFY(m_composer->editBanner()->isHidden());
    // The next send is a normal one again.
    type(QStringLiteral("new"));
    QTest::keyClick(m_composer->editor(), Qt::Key_Return);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(edited.count(), 1);
}

void TestComposer::escapeCancelsEditAndRestoresDraft()
{
    type(QStringLiteral("my draft"));
    QSignalSpy canceled(m_composer, &Composer::editCanceled);
    QSignalSpy edited(m_composer, &Composer::editSubmitted);
    m_composer->beginEdit(7, QStringLiteral("message seven"));
    QCOMPARE(m_composer->text(), QStringLiteral("message seven"));
    QTest::keyClick(m_composer->editor(), Qt::Key_Escape);
    QCOMPARE(canceled.count(), 1);
    QVERIFY(!m_composer->isEditing());
    QVERIFY(m_composer->editBanner()->isHidden());
    QCOMPARE(m_composer->text(), QStringLiteral("my draft"));
    QCOMPARE(edited.count(), 0);
    // Up does not start editing while an edit is under way.
    QSignalSpy up(m_composer, &Composer::editLastRequested);
    m_composer->beginEdit(8, QString());
    QTest::keyClick(m_composer->editor(), Qt::Key_Up);
    QCOMPARE(up.count(), 0);
}

void TestComposer::busyTurnsSendIntoStop()
{
    QPushButton* button = m_composer->sendButton();
    QCOMPARE(button->text(), QStringLiteral("Send"));
    QSignalSpy stop(m_composer, &Composer::stopRequested);
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    m_composer->setBusy(true);
    QCOMPARE(button->text(), QStringLiteral("Stop"));
    QVERIFY(button->isEnabled()); // Stop works with an empty draft
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(stop.count(), 1);
    QCOMPARE(sent.count(), 0);
    m_composer->setBusy(false);
    QCOMPARE(button->text(), QStringLiteral("Send"));
    QVERIFY(!button->isEnabled()); // nothing typed
    type(QStringLiteral("go"));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(stop.count(), 1);
}

void TestComposer::disabledWithReason()
{
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    m_composer->setEnabledForSending(false, QStringLiteral("No API key: add one in Settings."));
    QVERIFY(!m_composer->reasonLabel()->isHidden());
    QCOMPARE(m_composer->reasonLabel()->text(), QStringLiteral("No API key: add one in Settings."));
    type(QStringLiteral("hello"));
    QCOMPARE(m_composer->text(), QStringLiteral("hello")); // typing a draft stays possible
    QVERIFY(!m_composer->sendButton()->isEnabled());
    QTest::keyClick(m_composer->editor(), Qt::Key_Return);
    QCOMPARE(sent.count(), 0);
    m_composer->setEnabledForSending(true);
    QVERIFY(m_composer->reasonLabel()->isHidden());
    QTest::keyClick(m_composer->editor(), Qt::Key_Return);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(sent.first().first().toString(), QStringLiteral("hello"));
}

void TestComposer::growsWithLinesUpToMaximum()
{
    m_composer->setMaximumLines(6);
    QPlainTextEdit* editor = m_composer->editor();
    const int oneLine = editor->height();
    QVERIFY(oneLine > 0);
    QList<int> heights{oneLine};
    for (int line = 2; line <= 9; ++line) {
        QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
        type(QStringLiteral("line %1").arg(line));
        QTRY_VERIFY(editor->height() >= heights.constLast());
        heights.append(editor->height());
    }
    // Grows line by line up to six lines...
    for (int i = 1; i < 6; ++i)
        QVERIFY2(heights.at(i) > heights.at(i - 1), qPrintable(QStringLiteral("line %1").arg(i + 1)));
    // ...then stays and scrolls.
    for (int i = 6; i < heights.size(); ++i)
        QCOMPARE(heights.at(i), heights.at(5));
    QVERIFY(editor->verticalScrollBar()->maximum() > 0);
    // Sending shrinks it back to one line.
    m_composer->submit();
    QTRY_COMPARE(editor->height(), oneLine);
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
