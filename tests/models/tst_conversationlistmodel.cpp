// ConversationListModel: sidebar order, upserts that move rows (selection survives), search mode.
#include "models/ConversationListModel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QtTest>

using ark::models::ConversationListModel;
using namespace ark;

namespace {

const QDateTime kBase = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);

store::ConversationRecord conv(qint64 id, int minutes, bool pinned = false)
{
    store::ConversationRecord c;
    c.id = id;
    c.title = QStringLiteral("Conversation %1").arg(id);
    c.pinned = pinned;
    c.createdAt = kBase;
    c.updatedAt = kBase.addSecs(minutes * 60);
    c.model = QStringLiteral("doubao-seed-1-6-250615");
    return c;
}

QList<qint64> order(const ConversationListModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.data(model.index(row), ConversationListModel::ConversationIdRole).toLongLong();
    return ids;
}

// 1..5, updated at minute 10 * id, none pinned: newest first is 5 4 3 2 1.
std::vector<store::ConversationRecord> five()
{
    return {conv(3, 30), conv(1, 10), conv(5, 50), conv(2, 20), conv(4, 40)};
}

} // namespace

class TestConversationListModel : public QObject
{
    Q_OBJECT

private slots:
    void roles();
    void ordering();
    void upsertMoves_data();
    void upsertMoves();
    void upsertInsertsNew();
    void upsertInPlaceOnlyChangesData();
    void remove();
    void searchMode();
    void changesWhileSearching();
};

void TestConversationListModel::roles()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConversations({conv(7, 1, true)});
    const QModelIndex index = model.index(0);
    QCOMPARE(model.data(index, Qt::DisplayRole).toString(), QStringLiteral("Conversation 7"));
    QCOMPARE(model.data(index, ConversationListModel::TitleRole).toString(),
             QStringLiteral("Conversation 7"));
    QCOMPARE(model.data(index, ConversationListModel::ConversationIdRole).toLongLong(), 7);
    QCOMPARE(model.data(index, ConversationListModel::PinnedRole).toBool(), true);
    QCOMPARE(model.data(index, ConversationListModel::UpdatedAtRole).toDateTime(), kBase.addSecs(60));
    QCOMPARE(model.data(index, ConversationListModel::ModelRole).toString(),
             QStringLiteral("doubao-seed-1-6-250615"));
    QCOMPARE(model.data(index, ConversationListModel::SnippetRole).toString(), QString());
    QCOMPARE(model.data(index, ConversationListModel::MatchMessageIdRole).toLongLong(), 0);
    QCOMPARE(model.roleNames().value(ConversationListModel::TitleRole), QByteArray("title"));
    QVERIFY(!model.data(model.index(1), Qt::DisplayRole).isValid());
    QCOMPARE(model.conversation(7)->title, QStringLiteral("Conversation 7"));
    QVERIFY(model.conversation(8) == nullptr);
}

void TestConversationListModel::ordering()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Pinned first (even when older), then updatedAt desc, equal times by id desc.
    model.setConversations(
        {conv(1, 10), conv(2, 1, true), conv(3, 30), conv(4, 10), conv(5, 5, true), conv(6, 10)});
    QCOMPARE(order(model), (QList<qint64>{5, 2, 3, 6, 4, 1}));
    QCOMPARE(model.rowForId(3), 2);
    QCOMPARE(model.rowForId(42), -1);
}

void TestConversationListModel::upsertMoves_data()
{
    QTest::addColumn<qint64>("id");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("pinned");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("bottom to top") << qint64(1) << 60 << false << QList<qint64>{1, 5, 4, 3, 2};
    QTest::newRow("middle to top") << qint64(3) << 60 << false << QList<qint64>{3, 5, 4, 2, 1};
    QTest::newRow("top to bottom") << qint64(5) << 0 << false << QList<qint64>{4, 3, 2, 1, 5};
    QTest::newRow("top down one") << qint64(5) << 35 << false << QList<qint64>{4, 5, 3, 2, 1};
    QTest::newRow("down into a tie") << qint64(5) << 30 << false << QList<qint64>{4, 5, 3, 2, 1}; // id desc
    QTest::newRow("down one place") << qint64(4) << 25 << false << QList<qint64>{5, 3, 4, 2, 1};
    QTest::newRow("up one place") << qint64(2) << 35 << false << QList<qint64>{5, 4, 2, 3, 1};
    QTest::newRow("up into a tie") << qint64(1) << 30 << false << QList<qint64>{5, 4, 3, 1, 2};
    QTest::newRow("tie keeps its place") << qint64(2) << 30 << false << QList<qint64>{5, 4, 3, 2, 1};
    QTest::newRow("pinned goes first") << qint64(2) << 20 << true << QList<qint64>{2, 5, 4, 3, 1};
}

void TestConversationListModel::upsertMoves()
{
    QFETCH(qint64, id);
    QFETCH(int, minutes);
    QFETCH(bool, pinned);
    QFETCH(QList<qint64>, expected);

    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConversations(five());
    QCOMPARE(order(model), (QList<qint64>{5, 4, 3, 2, 1}));

    // What a selection model holds: it must follow the row, not stay at the old position.
    const QPersistentModelIndex selected(model.index(model.rowForId(id)));
    const QPersistentModelIndex other(model.index(model.rowForId(id == 1 ? 2 : 1)));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    store::ConversationRecord changed = conv(id, minutes, pinned);
    changed.title = QStringLiteral("Renamed");
    model.upsert(changed);

    QCOMPARE(order(model), expected);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.row(), int(expected.indexOf(id)));
    QCOMPARE(selected.data(ConversationListModel::ConversationIdRole).toLongLong(), id);
    QCOMPARE(selected.data(Qt::DisplayRole).toString(), QStringLiteral("Renamed"));
    QVERIFY(other.isValid());
    QCOMPARE(other.data(ConversationListModel::ConversationIdRole).toLongLong(), id == 1 ? 2 : 1);
}

void TestConversationListModel::upsertInsertsNew()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConversations(five());
    const QPersistentModelIndex three(model.index(model.rowForId(3)));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.upsert(conv(9, 30)); // ties with 3, higher id: just before it
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(order(model), (QList<qint64>{5, 4, 9, 3, 2, 1}));
    QCOMPARE(three.row(), 3);
    model.upsert(conv(10, 100));
    QCOMPARE(model.rowForId(10), 0);
    model.upsert(conv(11, -5));
    QCOMPARE(model.rowForId(11), model.rowCount() - 1);
}

void TestConversationListModel::upsertInPlaceOnlyChangesData()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConversations(five());
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    store::ConversationRecord renamed = conv(3, 30);
    renamed.title = QStringLiteral("Still third");
    model.upsert(renamed);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(model.data(model.index(2), Qt::DisplayRole).toString(), QStringLiteral("Still third"));
}

void TestConversationListModel::remove()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConversations(five());
    model.remove(4);
    QCOMPARE(order(model), (QList<qint64>{5, 3, 2, 1}));
    model.remove(42); // unknown: nothing happens
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.conversation(4) == nullptr);
}

void TestConversationListModel::searchMode()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConversations(five());
    const QString marked =
        QStringLiteral("the ") + store::kHighlightStart + QStringLiteral("word") + store::kHighlightEnd;
    std::vector<store::SearchHit> hits{
        {2, 0, QStringLiteral("Conversation 2"), QStringLiteral("Conversation 2")},
        {4, 41, QStringLiteral("Conversation 4"), marked},
        {2, 20, QStringLiteral("Conversation 2"), QStringLiteral("a later hit")}, // first hit wins
        {99, 7, QStringLiteral("Not loaded"), QStringLiteral("found")},           // not in the list
    };
    model.setSearchResults(hits);
    QVERIFY(model.isSearching());
    QCOMPARE(order(model), (QList<qint64>{2, 4, 99}));
    QCOMPARE(model.data(model.index(0), ConversationListModel::SnippetRole).toString(),
             QStringLiteral("Conversation 2"));
    QCOMPARE(model.data(model.index(0), ConversationListModel::MatchMessageIdRole).toLongLong(), 0);
    QCOMPARE(model.data(model.index(1), ConversationListModel::SnippetRole).toString(), marked);
    QCOMPARE(model.data(model.index(1), ConversationListModel::MatchMessageIdRole).toLongLong(), 41);
    QCOMPARE(model.data(model.index(1), ConversationListModel::ModelRole).toString(),
             QStringLiteral("doubao-seed-1-6-250615"));
    QCOMPARE(model.data(model.index(2), Qt::DisplayRole).toString(), QStringLiteral("Not loaded"));
    QCOMPARE(model.rowForId(4), 1);
    QCOMPARE(model.rowForId(5), -1);

    model.setSearchResults({});
    QVERIFY(model.isSearching());
    QCOMPARE(model.rowCount(), 0);

    model.clearSearch();
    QVERIFY(!model.isSearching());
    QCOMPARE(order(model), (QList<qint64>{5, 4, 3, 2, 1}));
    QCOMPARE(model.data(model.index(0), ConversationListModel::SnippetRole).toString(), QString());
}

void TestConversationListModel::changesWhileSearching()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setConversations(five());
    model.setSearchResults({{1, 10, QStringLiteral("Conversation 1"), QStringLiteral("hit")},
                            {3, 30, QStringLiteral("Conversation 3"), QStringLiteral("hit")}});
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

    // An answer arrives in conversation 1 while the person searches: the results keep their order,
    // the row shows the new title; the full list is re-sorted behind the scenes.
    store::ConversationRecord one = conv(1, 100);
    one.title = QStringLiteral("Renamed one");
    model.upsert(one);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(order(model), (QList<qint64>{1, 3}));
    QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("Renamed one"));
    model.upsert(conv(8, 50)); // new, not a result
    QCOMPARE(model.rowCount(), 2);

    model.remove(3);
    QCOMPARE(order(model), (QList<qint64>{1}));
    model.setConversations(five()); // invisible while searching
    QCOMPARE(order(model), (QList<qint64>{1}));

    model.clearSearch();
    QCOMPARE(order(model), (QList<qint64>{5, 4, 3, 2, 1}));
}

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
