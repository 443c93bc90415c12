// The quick switcher (Ctrl+K) and the toolbar picker, offscreen: filtering as the person types,
// keyboard navigation, Enter picks, Esc closes, the warning before a retired model, badge texts.
// Also saves /tmp/switcher-quick.png (typed "doubao", "show retired" on) to be looked at by eye.
#include "catalog/ModelPicker.h"
#include "catalog/QuickSwitcher.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace ark;
using namespace ark::ui;
using models::ModelCatalogModel;

namespace {

QDateTime at(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

QStringList shownIds(const QuickSwitcher& switcher)
{
    QStringList ids;
    const QAbstractItemModel* model = switcher.listView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(ModelCatalogModel::IdRole).toString();
    return ids;
}

} // namespace

class TstModelSwitcher : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ark-workbench-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_modelswitcher"));
        QSettings().clear();
    }

    void filtersAsYouType()
    {
        ModelCatalogModel model;
        model.setNow(at("2025-10-01T00:00:00+08:00"));
        QuickSwitcher switcher(&model);
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        const int all = switcher.listView()->model()->rowCount();
        QVERIFY(all > 50);

        QTest::keyClicks(switcher.searchField(), QStringLiteral("deepseek"));
        QCOMPARE(switcher.filter()->searchText(), QStringLiteral("deepseek"));
        QStringList ids = shownIds(switcher);
        QVERIFY(!ids.isEmpty() && ids.size() < all);
        for (const QString& id : ids)
            QVERIFY2(id.contains(QStringLiteral("deepseek")), qPrintable(id));
        // The best match is highlighted at once.
        QCOMPARE(switcher.highlightedId(), ids.first());

        QTest::keyClicks(switcher.searchField(), QStringLiteral(" r1 0528"));
        QCOMPARE(shownIds(switcher), QStringList{QStringLiteral("deepseek-r1-250528")});

        // A capability word narrows too.
        switcher.searchField()->clear();
        QTest::keyClicks(switcher.searchField(), QStringLiteral("anthropic"));
        ids = shownIds(switcher);
        QVERIFY(!ids.isEmpty());
        for (const QString& id : ids)
            QVERIFY2(id.startsWith(QStringLiteral("claude-")), qPrintable(id));
    }

    void keyboardPicks()
    {
        ModelCatalogModel model;
        model.setNow(at("2025-10-01T00:00:00+08:00"));
        QuickSwitcher switcher(&model);
        QSignalSpy picked(&switcher, &QuickSwitcher::modelPicked);
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QTest::keyClicks(switcher.searchField(), QStringLiteral("seed 1.6"));
        const QStringList ids = shownIds(switcher);
        QVERIFY(ids.size() >= 3);
        QCOMPARE(switcher.highlightedId(), ids.at(0));
        QTest::keyClick(switcher.searchField(), Qt::Key_Down);
        QCOMPARE(switcher.highlightedId(), ids.at(1));
        QTest::keyClick(switcher.searchField(), Qt::Key_Down);
        QCOMPARE(switcher.highlightedId(), ids.at(2));
        QTest::keyClick(switcher.searchField(), Qt::Key_Up);
        QCOMPARE(switcher.highlightedId(), ids.at(1));
        QCOMPARE(picked.count(), 0);
        QTest::keyClick(switcher.searchField(), Qt::Key_Return);
        QCOMPARE(picked.count(), 1);
        QCOMPARE(picked.at(0).at(0).toString(), ids.at(1));
        QCOMPARE(switcher.result(), int(QDialog::Accepted));
        QVERIFY(!switcher.isVisible());
    }

    void escapeCloses()
    {
        ModelCatalogModel model;
        QuickSwitcher switcher(&model);
        QSignalSpy picked(&switcher, &QuickSwitcher::modelPicked);
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QTest::keyClicks(switcher.searchField(), QStringLiteral("doubao"));
        QTest::keyClick(switcher.searchField(), Qt::Key_Escape);
        QVERIFY(!switcher.isVisible());
        QCOMPARE(switcher.result(), int(QDialog::Rejected));
        QCOMPARE(picked.count(), 0);
    }

    void currentModelIsSelected()
    {
        ModelCatalogModel model;
        QuickSwitcher switcher(&model);
        switcher.setCurrentModel(QStringLiteral("doubao-seed-1.6-flash-250615")); // any spelling
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QCOMPARE(switcher.highlightedId(), QStringLiteral("doubao-seed-1-6-flash-250615"));
        QVERIFY(switcher.searchField()->hasFocus());
    }

    void retiredHiddenAndWarned()
    {
        ModelCatalogModel model;
        model.setNow(at("2025-12-01T00:00:00+08:00"));
        QuickSwitcher switcher(&model);
        QSignalSpy picked(&switcher, &QuickSwitcher::modelPicked);
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QVERIFY(!switcher.showRetiredBox()->isChecked());

        QTest::keyClicks(switcher.searchField(), QStringLiteral("doubao-pro-32k-241215"));
        QCOMPARE(switcher.listView()->model()->rowCount(), 0);
        QVERIFY2(switcher.hintLabel()->text().contains(QStringLiteral("Retired models hidden: 1")),
                 qPrintable(switcher.hintLabel()->text()));

        switcher.showRetiredBox()->setChecked(true);
        QCOMPARE(shownIds(switcher), QStringList{QStringLiteral("doubao-pro-32k-241215")});
        QCOMPARE(switcher.highlightedId(), QStringLiteral("doubao-pro-32k-241215"));

        // First Enter: a warning, nothing picked.
        QTest::keyClick(switcher.searchField(), Qt::Key_Return);
        QCOMPARE(picked.count(), 0);
        QVERIFY(switcher.isWarningShown());
        QVERIFY(switcher.isVisible());
        QVERIFY2(switcher.warningText().contains(
                     QStringLiteral("is retired: retired — replaced by doubao-seed-1-6-251015")),
                 qPrintable(switcher.warningText()));
        QVERIFY(switcher.useReplacementButton()->isVisibleTo(&switcher));
        QCOMPARE(switcher.useReplacementButton()->text(), QStringLiteral("Use doubao-seed-1-6-251015"));

        // Typing again drops the warning; the second Enter on the same model confirms.
        QTest::keyClick(switcher.searchField(), Qt::Key_Return);
        QCOMPARE(picked.count(), 1);
        QCOMPARE(picked.at(0).at(0).toString(), QStringLiteral("doubao-pro-32k-241215"));
    }

    void retiredReplacementButton()
    {
        ModelCatalogModel model;
        model.setNow(at("2025-12-01T00:00:00+08:00"));
        QuickSwitcher switcher(&model);
        switcher.setShowRetired(true);
        QSignalSpy picked(&switcher, &QuickSwitcher::modelPicked);
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QTest::keyClicks(switcher.searchField(), QStringLiteral("moonshot-v1-8k"));
        switcher.pick();
        QVERIFY(switcher.isWarningShown());
        QVERIFY(switcher.warningText().contains(QStringLiteral("requests fail")));
        // Editing the search withdraws the question.
        QTest::keyClick(switcher.searchField(), Qt::Key_Backspace);
        QVERIFY(!switcher.isWarningShown());
        QTest::keyClicks(switcher.searchField(), QStringLiteral("k"));
        switcher.pick();
        QVERIFY(switcher.isWarningShown());
        QTest::mouseClick(switcher.useReplacementButton(), Qt::LeftButton);
        QCOMPARE(picked.count(), 1);
        QCOMPARE(picked.at(0).at(0).toString(), QStringLiteral("doubao-seed-1-6-250615"));
    }

    void typedIdWhenNothingMatches()
    {
        ModelCatalogModel model;
        QuickSwitcher switcher(&model);
        QSignalSpy picked(&switcher, &QuickSwitcher::modelPicked);
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QTest::keyClicks(switcher.searchField(), QStringLiteral("ep-20250101-zzzz"));
        QCOMPARE(switcher.listView()->model()->rowCount(), 0);
        QVERIFY(switcher.hintLabel()->text().contains(QStringLiteral("“ep-20250101-zzzz”")));
        QTest::keyClick(switcher.searchField(), Qt::Key_Enter);
        QCOMPARE(picked.count(), 1);
        QCOMPARE(picked.at(0).at(0).toString(), QStringLiteral("ep-20250101-zzzz"));
    }

    void badgeTexts()
    {
        ModelCatalogModel model;
        model.setNow(at("2025-11-23T14:00:00+08:00"));
        QuickSwitcher switcher(&model);
        switcher.setShowRetired(true);
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QTest::keyClicks(switcher.searchField(), QStringLiteral("doubao"));
        const QAbstractItemModel* rows = switcher.listView()->model();
        QMap<QString, QModelIndex> byId;
        for (int row = 0; row < rows->rowCount(); ++row)
            byId.insert(rows->index(row, 0).data(ModelCatalogModel::IdRole).toString(), rows->index(row, 0));
        const QModelIndex retiring = byId.value(QStringLiteral("doubao-pro-32k-241215"));
        QVERIFY(retiring.isValid());
        QCOMPARE(retiring.data(ModelCatalogModel::LifecycleBadgeRole).toString(),
                 QStringLiteral("retires in 4 days — 2025-11-27 14:00 UTC+8"));
        const QModelIndex retired = byId.value(QStringLiteral("doubao-pro-32k-240828"));
        QVERIFY(retired.isValid());
        QCOMPARE(retired.data(ModelCatalogModel::LifecycleBadgeRole).toString(),
                 QStringLiteral("retired — replaced by doubao-1-5-pro-32k-250115")); // batch 3 switches
        QCOMPARE(retired.data(ModelCatalogModel::CapabilityBadgesRole).toStringList(),
                 QStringList{QStringLiteral("tools")});

        // The first row of each group carries its heading: it is taller than the rows after it.
        auto* delegate = qobject_cast<ModelRowDelegate*>(switcher.listView()->itemDelegate());
        QVERIFY(delegate);
        QStyleOptionViewItem option;
        option.initFrom(switcher.listView());
        QVERIFY(ModelRowDelegate::startsGroup(rows->index(0, 0)));
        int sameGroupRow = -1;
        for (int row = 1; row < rows->rowCount() && sameGroupRow < 0; ++row) {
            if (!ModelRowDelegate::startsGroup(rows->index(row, 0)))
                sameGroupRow = row;
        }
        QVERIFY(sameGroupRow > 0);
        QVERIFY(delegate->sizeHint(option, rows->index(0, 0)).height() >
                delegate->sizeHint(option, rows->index(sameGroupRow, 0)).height());

        // Distinct colours per state, so the badge is told apart at a glance.
        QVERIFY(ModelRowDelegate::stateColor(catalog::LifecycleState::Retired) !=
                ModelRowDelegate::stateColor(catalog::LifecycleState::Deprecated));

        switcher.resize(820, 620);
        QTest::qWait(50);
        QVERIFY(switcher.grab().save(QStringLiteral("/tmp/switcher-quick.png")));

        // Several groups, retired hidden (and counted in the hint).
        switcher.setShowRetired(false);
        switcher.searchField()->clear();
        QTest::keyClicks(switcher.searchField(), QStringLiteral("thinking"));
        QVERIFY(switcher.hintLabel()->text().contains(QStringLiteral("Retired models hidden")));
        QVERIFY(switcher.grab().save(QStringLiteral("/tmp/switcher-groups.png")));
    }

    void pickerShowsBadgeAndOpensSwitcher()
    {
        ModelCatalogModel model;
        model.setNow(at("2025-11-23T14:00:00+08:00"));
        QWidget window;
        auto* picker = new ModelPicker(&model, &window);
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(picker);
        layout->addStretch();
        QSignalSpy chosen(picker, &ModelPicker::modelChosen);

        picker->setCurrentModel(QStringLiteral("doubao-seed-1-6-250615"));
        QVERIFY(picker->badgeText().isEmpty()); // active: nothing to say
        QVERIFY(picker->button()->text().startsWith(QStringLiteral("doubao-seed-1.6")));

        picker->setCurrentModel(QStringLiteral("doubao-pro-32k-241215"));
        QCOMPARE(picker->badgeText(), QStringLiteral("End of sale · retires 2025-11-27"));
        QVERIFY(picker->badge()->toolTip().contains(QStringLiteral("retires in 4 days")));
        QCOMPARE(chosen.count(), 0); // setCurrentModel() is not a choice

        picker->setCurrentModel(QStringLiteral("my-private-model"));
        QCOMPARE(picker->button()->text(), QStringLiteral("my-private-model"));
        QVERIFY(picker->badgeText().isEmpty());

        // Time passes: the badge follows the model.
        picker->setCurrentModel(QStringLiteral("doubao-pro-32k-241215"));
        model.setNow(at("2025-11-27T14:00:00+08:00"));
        QCOMPARE(picker->badgeText(), QStringLiteral("Retired"));
        window.resize(520, 60);

        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.grab().save(QStringLiteral("/tmp/switcher-picker.png")));
        QCOMPARE(picker->switcherAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(picker->switcher() != nullptr);
        QuickSwitcher* switcher = picker->switcher();
        QVERIFY(switcher->isVisible());
        // The current model is retired and hidden: its replacement is highlighted instead.
        QCOMPARE(switcher->highlightedId(), QStringLiteral("doubao-seed-1-6-251015"));
        QTest::keyClicks(switcher->searchField(), QStringLiteral("deepseek-r1-250528"));
        QTest::keyClick(switcher->searchField(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("deepseek-r1-250528"));
        QCOMPARE(picker->currentModel(), QStringLiteral("deepseek-r1-250528"));
        QTRY_VERIFY(picker->switcher() == nullptr); // deleted on close
    }
};

QTEST_MAIN(TstModelSwitcher)
#include "tst_modelswitcher.moc"
