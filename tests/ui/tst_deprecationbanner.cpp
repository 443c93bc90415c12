// DeprecationBanner: the text per lifecycle state with its dates, the one-click switch, runtime
// header signals and the 410 Gone card; the warning before sending to a retired model; the
// "retiring soon" notice. Saves /tmp/switcher-banner*.png to be looked at by eye.
#include "catalog/DeprecationBanner.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace ark;
using namespace ark::ui;
using Variant = DeprecationBanner::Variant;

namespace {

QDateTime at(const QString& iso)
{
    return QDateTime::fromString(iso, Qt::ISODate);
}

api::DeprecationNotice headers(const QByteArray& sunset)
{
    return api::DeprecationParser::fromHeaders(
        {{"Deprecation", "true"},
         {"Sunset", sunset},
         {"Link", "<https://example.test/deprecations#m>; rel=\"deprecation\"; type=\"text/html\", "
                  "<https://example.test/docs>; rel=\"help\""}});
}

api::DeprecationNotice kreaGone()
{
    return api::DeprecationParser::fromGoneBody(
        R"({"error": "model_unavailable", "reason": "deprecated",
            "message": "The model 'video/bytedance/seedance-1.0-lite' was deprecated on 2026-04-27. Provider has discontinued this model. Use 'video/bytedance/seedance-1.0-pro-fast' instead.",
            "sunset_date": "2026-04-27", "replacement": "video/bytedance/seedance-1.0-pro-fast",
            "migration_url": "https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"})");
}

} // namespace

class TstDeprecationBanner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ark-workbench-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_deprecationbanner"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }
    void cleanupTestCase() { QSettings().clear(); }

    void textPerState_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("now");
        QTest::addColumn<int>("variant");
        QTest::addColumn<QStringList>("says");
        QTest::addColumn<QString>("replacement");

        const QString b5 = QStringLiteral("doubao-pro-32k-241215");
        QTest::newRow("b5 before notice") << b5 << QStringLiteral("2025-09-10T00:00:00+08:00")
                                          << int(Variant::Hidden) << QStringList{} << QString();
        QTest::newRow("b5 deprecated")
            << b5 << QStringLiteral("2025-09-16T00:00:00+08:00") << int(Variant::Deprecated)
            << QStringList{QStringLiteral("doubao-pro-32k-241215 is being retired"),
                           QStringLiteral(
                               "deprecated — end of sale 2025-09-22 00:00 UTC+8; retires in 72 days — "
                               "2025-11-27 14:00 UTC+8"),
                           QStringLiteral(
                               "Dates: announced 2025-09-15 00:00 UTC+8; end of sale 2025-09-22 00:00 UTC+8; "
                               "end of service 2025-11-27 14:00 UTC+8"),
                           QStringLiteral("After the end of service its requests are answered by "
                                          "doubao-seed-1-6-251015."),
                           QStringLiteral("Reason: Volcengine Ark retirement batch 5")}
            << QStringLiteral("doubao-seed-1-6-251015");
        QTest::newRow("b5 end of sale")
            << b5 << QStringLiteral("2025-11-23T14:00:00+08:00") << int(Variant::EndOfSale)
            << QStringList{QStringLiteral("is past its end of sale"),
                           QStringLiteral("retires in 4 days — 2025-11-27 14:00 UTC+8"),
                           QStringLiteral("no new endpoints can be created")}
            << QStringLiteral("doubao-seed-1-6-251015");
        QTest::newRow("b5 retired at 14:00 UTC+8")
            << b5 << QStringLiteral("2025-11-27T06:00:00Z") << int(Variant::Retired)
            << QStringList{QStringLiteral("is retired: its requests are answered by doubao-seed-1-6-251015"),
                           QStringLiteral("retired — replaced by doubao-seed-1-6-251015")}
            << QStringLiteral("doubao-seed-1-6-251015");
        QTest::newRow("shut down") << QStringLiteral("moonshot-v1-8k")
                                   << QStringLiteral("2025-09-01T00:00:00+08:00") << int(Variant::Retired)
                                   << QStringList{QStringLiteral(
                                                      "moonshot-v1-8k is retired: requests to it fail"),
                                                  QStringLiteral("end of service 2025-08-07 00:00 UTC+8")}
                                   << QStringLiteral("doubao-seed-1-6-250615");
        QTest::newRow("anthropic deprecated")
            << QStringLiteral("claude-3-opus-20240229") << QStringLiteral("2025-12-31T00:00:00Z")
            << int(Variant::Deprecated)
            << QStringList{QStringLiteral("retires in 5 days — 2026-01-05 00:00 UTC"),
                           QStringLiteral("After the end of service, requests to it fail.")}
            << QStringLiteral("claude-opus-4-1-20250805");
        QTest::newRow("no replacement")
            << QStringLiteral("video/openai/sora-2") << QStringLiteral("2026-05-01T00:00:00Z")
            << int(Variant::Retired) << QStringList{QStringLiteral("Candidates: ")} << QString();
        QTest::newRow("active") << QStringLiteral("doubao-seed-1-6-250615")
                                << QStringLiteral("2026-01-01T00:00:00Z") << int(Variant::Hidden)
                                << QStringList{} << QString();
        QTest::newRow("unknown model")
            << QStringLiteral("my-private-model") << QStringLiteral("2026-01-01T00:00:00Z")
            << int(Variant::Hidden) << QStringList{} << QString();
    }
    void textPerState()
    {
        QFETCH(QString, model);
        QFETCH(QString, now);
        QFETCH(int, variant);
        QFETCH(QStringList, says);
        QFETCH(QString, replacement);

        QWidget window;
        DeprecationBanner banner(&window);
        banner.setNow(at(now));
        banner.setModel(model);
        window.show();
        QCOMPARE(int(banner.variant()), variant);
        QCOMPARE(banner.isVisible(), variant != int(Variant::Hidden));
        const QString text = banner.text();
        for (const QString& part : says)
            QVERIFY2(text.contains(part), qPrintable(text));
        QCOMPARE(banner.replacement(), replacement);
        if (variant == int(Variant::Hidden))
            return;
        QCOMPARE(banner.switchButton()->isVisible(), !replacement.isEmpty());
        QCOMPARE(banner.chooseButton()->isVisible(), replacement.isEmpty());
        if (!replacement.isEmpty())
            QCOMPARE(banner.switchButton()->text(), QStringLiteral("Switch to ") + replacement);
        // Retired is a fact, not news: it cannot be dismissed.
        QCOMPARE(banner.dismissButton()->isVisible(), variant != int(Variant::Retired));
    }

    void switchSignal()
    {
        QWidget window;
        DeprecationBanner banner(&window);
        banner.setNow(at(QStringLiteral("2025-11-23T14:00:00+08:00")));
        banner.setModel(QStringLiteral("doubao-pro-32k-241215"));
        window.show();
        QSignalSpy switched(&banner, &DeprecationBanner::switchRequested);
        QTest::mouseClick(banner.switchButton(), Qt::LeftButton);
        QCOMPARE(switched.count(), 1);
        QCOMPARE(switched.at(0).at(0).toString(), QStringLiteral("doubao-pro-32k-241215"));
        QCOMPARE(switched.at(0).at(1).toString(), QStringLiteral("doubao-seed-1-6-251015"));

        // No replacement: the person is asked to choose.
        QSignalSpy choose(&banner, &DeprecationBanner::chooseModelRequested);
        banner.setNow(at(QStringLiteral("2026-05-01T00:00:00Z")));
        banner.setModel(QStringLiteral("video/openai/sora-2"));
        QTest::mouseClick(banner.chooseButton(), Qt::LeftButton);
        QCOMPARE(choose.count(), 1);
        QCOMPARE(switched.count(), 1);
    }

    void endpointUsesItsModel()
    {
        QSettings().clear();
        catalog::EndpointRegistry registry;
        catalog::Endpoint ep;
        ep.id = QStringLiteral("ep-20250101-old");
        ep.name = QStringLiteral("Old bot");
        ep.modelId = QStringLiteral("doubao-pro-32k-241215");
        QVERIFY(registry.addOrUpdate(ep));
        QWidget window;
        DeprecationBanner banner(&window);
        banner.setSources(nullptr, &registry, nullptr);
        banner.setNow(at(QStringLiteral("2025-11-23T14:00:00+08:00")));
        banner.setModel(ep.id);
        window.show();
        QCOMPARE(banner.variant(), Variant::EndOfSale);
        QVERIFY2(banner.title().contains(
                     QStringLiteral("Old bot (ep-20250101-old) (endpoint serving doubao-pro-32k-241215)")),
                 qPrintable(banner.title()));
        QSignalSpy switched(&banner, &DeprecationBanner::switchRequested);
        banner.switchButton()->click();
        QCOMPARE(switched.at(0).at(0).toString(), ep.id);

        // Relinking the endpoint to a current model clears the banner.
        QVERIFY(registry.link(ep.id, QStringLiteral("doubao-seed-1-6-250615")));
        QCOMPARE(banner.variant(), Variant::Hidden);
        QVERIFY(!banner.isVisible());
    }

    void dismissal()
    {
        QWidget window;
        DeprecationBanner banner(&window);
        banner.setNow(at(QStringLiteral("2025-09-16T00:00:00+08:00")));
        banner.setModel(QStringLiteral("doubao-pro-32k-241215"));
        window.show();
        QVERIFY(banner.isVisible());
        QTest::mouseClick(banner.dismissButton(), Qt::LeftButton);
        QVERIFY(!banner.isVisible());
        banner.reevaluate();
        QVERIFY(!banner.isVisible()); // stays dismissed for this model and state
        // A worse state is news again.
        banner.setNow(at(QStringLiteral("2025-09-23T00:00:00+08:00")));
        QCOMPARE(banner.variant(), Variant::EndOfSale);
        QVERIFY(banner.isVisible());
        QTest::mouseClick(banner.dismissButton(), Qt::LeftButton);
        // Another conversation's model, then back: shown again.
        banner.setModel(QStringLiteral("deepseek-r1-250120"));
        QVERIFY(banner.isVisible());
        banner.setModel(QStringLiteral("doubao-pro-32k-241215"));
        QVERIFY(banner.isVisible());
    }

    void runtimeHeaderSignal()
    {
        QWidget window;
        DeprecationBanner banner(&window);
        banner.setNow(at(QStringLiteral("2026-03-01T00:00:00Z")));
        const QString model = QStringLiteral("doubao-seed-1-6-250615"); // active in the catalog
        banner.setModel(model);
        window.show();
        QCOMPARE(banner.variant(), Variant::Hidden);

        banner.showServerNotice(QStringLiteral("deepseek-r1-250528"),
                                headers("Mon, 27 Apr 2026 00:00:00 GMT"));
        QCOMPARE(banner.variant(), Variant::Hidden); // about another model

        banner.showServerNotice(QStringLiteral("doubao-seed-1.6-250615"),
                                headers("Mon, 27 Apr 2026 00:00:00 GMT"));
        QCOMPARE(banner.variant(), Variant::ServerNotice);
        QVERIFY(banner.isVisible());
        QVERIFY2(banner.title().contains(
                     QStringLiteral("The server reports that doubao-seed-1-6-250615 is deprecated")),
                 qPrintable(banner.title()));
        QVERIFY2(banner.text().contains(QStringLiteral("retires in 57 days — 2026-04-27 00:00 UTC")),
                 qPrintable(banner.text()));
        QCOMPARE(banner.link(), QStringLiteral("https://example.test/deprecations#m"));
        QVERIFY(banner.textLabel()->text().contains(
            QStringLiteral("href=\"https://example.test/deprecations#m\"")));
        QVERIFY(banner.chooseButton()->isVisible()); // the headers name no replacement

        // Past the server's sunset: retired.
        banner.setNow(at(QStringLiteral("2026-04-27T00:00:00Z")));
        QCOMPARE(banner.variant(), Variant::Retired);
        QVERIFY(banner.title().contains(QStringLiteral("was retired")));

        // A model the catalog already flags keeps the catalog's banner, with the server's words added.
        banner.setNow(at(QStringLiteral("2025-09-16T00:00:00+08:00")));
        banner.setModel(QStringLiteral("doubao-pro-32k-241215"));
        banner.showServerNotice(QStringLiteral("doubao-pro-32k-241215"),
                                headers("Thu, 27 Nov 2025 06:00:00 GMT"));
        QCOMPARE(banner.variant(), Variant::Deprecated);
        QVERIFY2(banner.text().contains(QStringLiteral("The server also reports: ")),
                 qPrintable(banner.text()));
        QCOMPARE(banner.link(), QStringLiteral("https://example.test/deprecations#m"));
        QCOMPARE(banner.replacement(), QStringLiteral("doubao-seed-1-6-251015"));
    }

    void storedSignalsFeedTheBanner()
    {
        catalog::ServerSignals signalStore(m_dir.filePath(QStringLiteral("banner.json")));
        QWidget window;
        DeprecationBanner banner(&window);
        banner.setSources(nullptr, nullptr, &signalStore);
        banner.setNow(at(QStringLiteral("2026-03-01T00:00:00Z")));
        banner.setModel(QStringLiteral("doubao-seed-1-6-250615"));
        window.show();
        QCOMPARE(banner.variant(), Variant::Hidden);
        QVERIFY(signalStore.record(QStringLiteral("doubao-seed-1-6-250615"),
                                   headers("Mon, 27 Apr 2026 00:00:00 GMT")));
        QCOMPARE(banner.variant(), Variant::ServerNotice); // through ServerSignals::changed
        // Stored signals come back with the conversation.
        banner.setModel(QStringLiteral("deepseek-r1-250528"));
        QCOMPARE(banner.variant(), Variant::Hidden);
        banner.setModel(QStringLiteral("doubao-seed-1-6-250615"));
        QCOMPARE(banner.variant(), Variant::ServerNotice);
    }

    void goneCard()
    {
        QWidget window;
        window.resize(900, 200);
        DeprecationBanner banner(&window);
        banner.resize(900, 160);
        const QString model = QStringLiteral("video/bytedance/seedance-1.0-lite");
        banner.setNow(at(QStringLiteral("2026-04-28T00:00:00Z")));
        banner.setModel(model);
        window.show();
        QCOMPARE(banner.variant(), Variant::Retired); // the catalog knows the sunset

        banner.showServerNotice(model, kreaGone());
        QCOMPARE(banner.variant(), Variant::Gone);
        QVERIFY2(banner.title().contains(QStringLiteral("is gone: the server answered 410 Gone")),
                 qPrintable(banner.title()));
        const QString text = banner.text();
        QVERIFY2(text.contains(QStringLiteral("Provider has discontinued this model.")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Reason: deprecated")));
        QVERIFY(text.contains(QStringLiteral("Replacement: video/bytedance/seedance-1.0-pro-fast")));
        QCOMPARE(banner.link(),
                 QStringLiteral("https://docs.krea.ai/developers/deprecations#seedance-1-0-lite"));
        QVERIFY(banner.textLabel()->text().contains(
            QStringLiteral("href=\"https://docs.krea.ai/developers/deprecations#seedance-1-0-lite\"")));
        QCOMPARE(banner.replacement(), QStringLiteral("video/bytedance/seedance-1.0-pro-fast"));
        QVERIFY(!banner.dismissButton()->isVisible());
        QSignalSpy switched(&banner, &DeprecationBanner::switchRequested);
        banner.switchButton()->click();
        QCOMPARE(switched.count(), 1);
        QCOMPARE(switched.at(0).at(1).toString(), QStringLiteral("video/bytedance/seedance-1.0-pro-fast"));

        // Headers after a 410 do not soften it.
        banner.showServerNotice(model, headers("Mon, 27 Apr 2026 00:00:00 GMT"));
        QCOMPARE(banner.variant(), Variant::Gone);

        // Server text is shown as text, never as markup.
        api::DeprecationNotice hostile = kreaGone();
        hostile.message = QStringLiteral("<img src=x>bad</img>");
        banner.setModel(QStringLiteral("video/openai/sora-2"));
        banner.showServerNotice(QStringLiteral("video/openai/sora-2"), hostile);
        QVERIFY(banner.textLabel()->text().contains(QStringLiteral("&lt;img src=x&gt;")));
        QVERIFY(banner.text().contains(QStringLiteral("<img src=x>bad</img>")));

        banner.setModel(model);
        banner.showServerNotice(model, kreaGone());
        QVERIFY(banner.grab().save(QStringLiteral("/tmp/switcher-banner-gone.png")));
        banner.setNow(at(QStringLiteral("2025-11-23T14:00:00+08:00")));
        banner.setModel(QStringLiteral("doubao-pro-32k-241215"));
        QVERIFY(banner.grab().save(QStringLiteral("/tmp/switcher-banner.png")));
    }

    void sendWarning()
    {
        const auto catalog = catalog::Catalog::bundled();
        const QDateTime now = at(QStringLiteral("2025-12-01T00:00:00+08:00"));
        QVERIFY(retiredSendWarning(*catalog, nullptr, nullptr, QStringLiteral("doubao-seed-1-6-250615"), now)
                    .isEmpty());
        QVERIFY(
            retiredSendWarning(*catalog, nullptr, nullptr, QStringLiteral("unknown-model"), now).isEmpty());
        QCOMPARE(
            retiredSendWarning(*catalog, nullptr, nullptr, QStringLiteral("doubao-pro-32k-241215"), now),
            QStringLiteral("doubao-pro-32k-241215 was retired on 2025-11-27 14:00 UTC+8. Its requests are "
                           "answered by doubao-seed-1-6-251015 instead, which may behave differently."));
        QCOMPARE(retiredSendWarning(*catalog, nullptr, nullptr, QStringLiteral("moonshot-v1-8k"), now),
                 QStringLiteral(
                     "moonshot-v1-8k was retired on 2025-08-07 00:00 UTC+8; requests to it are expected to "
                     "fail. Consider switching to doubao-seed-1-6-250615."));
        // Deprecated but serving: no question before sending.
        QVERIFY(retiredSendWarning(*catalog, nullptr, nullptr, QStringLiteral("claude-3-opus-20240229"), now)
                    .isEmpty());

        catalog::ServerSignals signalStore(m_dir.filePath(QStringLiteral("send.json")));
        QVERIFY(signalStore.record(QStringLiteral("doubao-seed-1-6-250615"), kreaGone(), now));
        const QString gone = retiredSendWarning(*catalog, nullptr, &signalStore,
                                                QStringLiteral("doubao-seed-1-6-250615"), now);
        QVERIFY2(gone.startsWith(QStringLiteral("The server answered 410 Gone for doubao-seed-1-6-250615")),
                 qPrintable(gone));
        QVERIFY(
            gone.contains(QStringLiteral("Consider switching to video/bytedance/seedance-1.0-pro-fast.")));
        QVERIFY(confirmSendToRetired(nullptr, QString())); // nothing to ask
    }

    void retiringSoon()
    {
        const auto catalog = catalog::Catalog::bundled();
        std::vector<catalog::Endpoint> endpoints(2);
        endpoints[0].id = QStringLiteral("ep-20250101-r1");
        endpoints[0].name = QStringLiteral("Reasoner");
        endpoints[0].modelId = QStringLiteral("deepseek-r1-250120"); // batch 5
        endpoints[1].id = QStringLiteral("ep-20250101-new");
        endpoints[1].modelId = QStringLiteral("doubao-seed-1-6-250615");
        const std::vector<ModelUse> uses{
            {ModelUse::Kind::Conversation, QStringLiteral("Zeta chat"),
             QStringLiteral("doubao-pro-32k-241215"), 7},
            {ModelUse::Kind::Conversation, QStringLiteral("Alpha chat"),
             QStringLiteral("doubao-pro-32k-241215"), 3},
            {ModelUse::Kind::Conversation, QStringLiteral("Old"), QStringLiteral("moonshot-v1-8k"), 4},
            {ModelUse::Kind::Conversation, QStringLiteral("Fine"), QStringLiteral("doubao-seed-1.6-250615"),
             5},
            {ModelUse::Kind::Conversation, QStringLiteral("Via endpoint"), QStringLiteral("ep-20250101-r1"),
             6},
            {ModelUse::Kind::Prompt, QStringLiteral("Translator"),
             QStringLiteral("doubao-pro-32k-character-241215"), 9},
            {ModelUse::Kind::Conversation, QStringLiteral("Unknown ep"), QStringLiteral("ep-unregistered"),
             8},
        };

        std::vector<RetiringUse> found =
            findRetiringSoon(*catalog, at(QStringLiteral("2025-11-01T00:00:00+08:00")), uses, endpoints);
        QStringList titles;
        for (const RetiringUse& entry : found)
            titles << entry.use.title;
        // Same EOS for all of batch 5: conversations, then endpoints, then prompts; by title.
        QCOMPARE(titles, (QStringList{QStringLiteral("Alpha chat"), QStringLiteral("Via endpoint"),
                                      QStringLiteral("Zeta chat"), QStringLiteral("Reasoner"),
                                      QStringLiteral("Translator")}));
        QCOMPARE(found[1].modelId, QStringLiteral("deepseek-r1-250120"));
        QCOMPARE(found[1].use.modelId, QStringLiteral("ep-20250101-r1"));
        QCOMPARE(found[0].text, QStringLiteral("retires in 26 days — 2025-11-27 14:00 UTC+8"));

        // The 30-day boundary: EOS 2025-11-27 06:00 UTC.
        QVERIFY(
            findRetiringSoon(*catalog, at(QStringLiteral("2025-10-28T05:59:59Z")), uses, endpoints).empty());
        QCOMPARE(int(findRetiringSoon(*catalog, at(QStringLiteral("2025-10-28T06:00:00Z")), uses, endpoints)
                         .size()),
                 5);
        // Once retired they are the banner's business, not the notice's.
        QVERIFY(
            findRetiringSoon(*catalog, at(QStringLiteral("2025-11-27T06:00:00Z")), uses, endpoints).empty());
        QCOMPARE(int(findRetiringSoon(*catalog, at(QStringLiteral("2025-11-01T00:00:00+08:00")), uses,
                                      endpoints, 7)
                         .size()),
                 0);
    }

    void retiringSoonDialog()
    {
        QSettings().clear();
        const auto catalog = catalog::Catalog::bundled();
        const std::vector<ModelUse> uses{{ModelUse::Kind::Conversation, QStringLiteral("Weekly report"),
                                          QStringLiteral("doubao-pro-32k-241215"), 3}};
        const std::vector<RetiringUse> found =
            findRetiringSoon(*catalog, at(QStringLiteral("2025-11-23T14:00:00+08:00")), uses);
        QCOMPARE(int(found.size()), 1);
        QVERIFY(!RetiringSoonDialog::shouldShow({}));
        QVERIFY(RetiringSoonDialog::shouldShow(found));

        RetiringSoonDialog dialog(found);
        QCOMPARE(dialog.list()->topLevelItemCount(), 1);
        QCOMPARE(dialog.list()->topLevelItem(0)->text(1), QStringLiteral("Weekly report"));
        QVERIFY(dialog.list()->topLevelItem(0)->text(3).contains(QStringLiteral("retires in 4 days")));
        QSignalSpy open(&dialog, &RetiringSoonDialog::openRequested);
        emit dialog.list()->itemDoubleClicked(dialog.list()->topLevelItem(0), 0);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(1).toLongLong(), 3);
        dialog.show();
        QVERIFY(dialog.grab().save(QStringLiteral("/tmp/switcher-retiring.png")));

        // Closed without ticking: it comes back. Ticked: not for the same set.
        dialog.reject();
        QVERIFY(RetiringSoonDialog::shouldShow(found));
        RetiringSoonDialog again(found);
        again.dontRemindBox()->setChecked(true);
        again.reject();
        QVERIFY(!RetiringSoonDialog::shouldShow(found));
        QVERIFY(!RetiringSoonDialog::showIfNeeded(found, nullptr));
        // Something new (another conversation) is news.
        std::vector<ModelUse> more = uses;
        more.push_back(
            {ModelUse::Kind::Conversation, QStringLiteral("New"), QStringLiteral("deepseek-r1-250120"), 11});
        const std::vector<RetiringUse> grown =
            findRetiringSoon(*catalog, at(QStringLiteral("2025-11-23T14:00:00+08:00")), more);
        QVERIFY(RetiringSoonDialog::shouldShow(grown));
        RetiringSoonDialog* shown = RetiringSoonDialog::showIfNeeded(grown, nullptr);
        QVERIFY(shown);
        QVERIFY(shown->isVisible());
        QVERIFY(shown->testAttribute(Qt::WA_DeleteOnClose));
        shown->close();
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TstDeprecationBanner)
#include "tst_deprecationbanner.moc"
