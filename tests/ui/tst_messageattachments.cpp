// The attachments of sent messages in the conversation view, with real widgets on the offscreen platform,
// real files in a temporary AttachmentStore and the real MessageListModel: the strip of tiles under a
// message (its height from the count and width alone), thumbnails decoded asynchronously and repainted
// where they show, clicks on a tile, a missing file, a pasted link, a video's poster frame, the generated
// image card and its actions, and the bounded thumbnail cache.
#include "conversation/AttachmentThumbnails.h"
#include "conversation/ConversationView.h"
#include "conversation/MessageDelegate.h"
#include "media/Attachment.h"
#include "media/AttachmentStore.h"
#include "models/MessageListModel.h"
#include "store/StoreTypes.h"

#include <QBuffer>
#include <QImageWriter>
#include <QKeyEvent>
#include <QMediaPlayer>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ark;
using ark::media::Attachment;
using ark::media::AttachmentStore;
using ark::media::MediaKind;
using ark::ui::AttachmentThumbnails;
using ark::ui::ConversationView;
using ark::ui::MessageDelegate;
using Action = MessageDelegate::Action;
using Status = AttachmentThumbnails::Status;

namespace {

const QString kVideo = QStringLiteral(ARK_TEST_DATA_DIR "/media/tiny-2s-160x90.mp4");
constexpr int kSafetyMs = 30000; // a limit for a stuck decoder or backend, never a speed expectation

const QColor kRed(0xd0, 0x30, 0x30);
const QColor kGreen(0x30, 0xa0, 0x40);
const QColor kBlue(0x30, 0x50, 0xd0);
const QColor kGold(0xe0, 0xb0, 0x20);

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

QByteArray encode(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.write(image);
    return bytes;
}

// A flat colour with a frame of another one: the centre of a tile shows the colour exactly.
QImage picture(const QSize& size, const QColor& colour)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    QPainter painter(&image);
    painter.setPen(QPen(Qt::white, 4));
    painter.drawRect(QRect(QPoint(0, 0), size).adjusted(2, 2, -2, -2));
    return image;
}

bool sameColour(const QColor& a, const QColor& b, int tolerance = 6)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance &&
           qAbs(a.blue() - b.blue()) <= tolerance;
}

store::MessageRecord message(qint64 id, api::Role role, const QString& content,
                             const QList<Attachment>& attachments = {})
{
    store::MessageRecord m;
    m.id = id;
    m.conversationId = 1;
    m.parentId = id - 1;
    m.role = role;
    m.content = content;
    m.model = role == api::Role::Assistant ? QStringLiteral("doubao-seed-1-6") : QString();
    m.createdAt = QDateTime::currentDateTimeUtc();
    m.attachmentsJson = Attachment::listToJson(attachments);
    return m;
}

// Paint events the viewport gets, with their regions.
class PaintRecorder : public QObject
{
public:
    explicit PaintRecorder(QWidget* widget) { widget->installEventFilter(this); }
    QList<QRegion> regions;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            regions.append(static_cast<QPaintEvent*>(event)->region());
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestMessageAttachments : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void stripHeightFromCountAndWidth();
    void messageWithImagesIsTaller();
    void estimatesCountTheStrip();
    void thumbnailIsDecodedAsynchronouslyAndScaled();
    void readyThumbnailRepaintsOnlyItsTiles();
    void clickOnSecondTileEmitsIt();
    void tileToolTipNamesFileSizeAndNote();
    void missingFileShowsPlaceholderAndStillEmits();
    void damagedImageSaysSoOnce();
    void pastedLinkShowsItsHost();
    void videoTileGetsPosterAndDuration();
    void generatedImageIsACardWithCopyAndDeleteOnly();
    void enterOpensTheFirstAttachment();
    void storeChangeFindsFilesAgain();
    void cacheIsBoundedByPixelBytes();
    void screenshots();

private:
    Attachment storeImage(const QImage& image, const QString& name, const char* format = "PNG");
    Attachment storeVideo();
    Attachment missingImage() const;
    void showView(std::vector<store::MessageRecord> messages, int width = 820, int height = 900);
    QModelIndex row(int r) const { return m_model->index(r); }
    QImage grabViewport() const { return m_view->viewport()->grab().toImage(); }
    bool multimediaWorks() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AttachmentStore> m_store;
    std::unique_ptr<models::MessageListModel> m_model;
    std::unique_ptr<ConversationView> m_view;
};

void TestMessageAttachments::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(QFileInfo::exists(kVideo), qPrintable(kVideo));
}

void TestMessageAttachments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<AttachmentStore>(m_dir->filePath(QStringLiteral("attachments")));
    m_model = std::make_unique<models::MessageListModel>();
}

void TestMessageAttachments::cleanup()
{
    m_view.reset(); // before the store it points to
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

Attachment TestMessageAttachments::storeImage(const QImage& image, const QString& name, const char* format)
{
    const QByteArray bytes = encode(image, format);
    const QString mime = QLatin1String(format) == QLatin1String("PNG") ? QStringLiteral("image/png")
                                                                       : QStringLiteral("image/jpeg");
    QString error, hash;
    const QString path = m_store->store(bytes, mime, &error, &hash);
    Attachment a;
    a.kind = MediaKind::Image;
    a.hash = hash;
    a.mime = mime;
    a.storedPath = path;
    a.originalName = name;
    a.pixelSize = image.size();
    a.byteSize = bytes.size();
    return a;
}

Attachment TestMessageAttachments::storeVideo()
{
    QString error, hash;
    const QString path = m_store->storeFile(kVideo, QStringLiteral("video/mp4"), &error, &hash);
    Attachment a;
    a.kind = MediaKind::Video;
    a.hash = hash;
    a.mime = QStringLiteral("video/mp4");
    a.storedPath = path;
    a.originalName = QStringLiteral("tiny-2s-160x90.mp4");
    a.pixelSize = QSize(160, 90);
    a.byteSize = QFileInfo(kVideo).size();
    a.durationSeconds = 2.0;
    return a;
}

Attachment TestMessageAttachments::missingImage() const
{
    Attachment a;
    a.kind = MediaKind::Image;
    a.hash = QString(64, QLatin1Char('e')); // never stored
    a.mime = QStringLiteral("image/jpeg");
    a.storedPath = m_dir->filePath(QStringLiteral("gone/holiday.jpg"));
    a.originalName = QStringLiteral("holiday.jpg");
    a.pixelSize = QSize(4000, 3000);
    a.byteSize = 2500000;
    return a;
}

void TestMessageAttachments::showView(std::vector<store::MessageRecord> messages, int width, int height)
{
    m_model->setMessages(std::move(messages));
    m_view = std::make_unique<ConversationView>();
    m_view->setAttachmentStore(m_store.get());
    m_view->setModel(m_model.get());
    m_view->resize(width, height);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QCoreApplication::processEvents();
}

bool TestMessageAttachments::multimediaWorks() const
{
    QMediaPlayer probe;
    return probe.isAvailable();
}

// ---- Layout ----------------------------------------------------------------------------------

void TestMessageAttachments::stripHeightFromCountAndWidth()
{
    QCOMPARE(MessageDelegate::attachmentStripHeight(0, 600), 0);
    QCOMPARE(MessageDelegate::attachmentStripHeight(1, 600), 96);
    QCOMPARE(MessageDelegate::attachmentStripHeight(4, 600), 96);             // 4 × 128 + 3 × 6 = 530 fits
    QCOMPARE(MessageDelegate::attachmentStripHeight(5, 600), 96 + 6 + 96);    // the fifth wraps
    QCOMPARE(MessageDelegate::attachmentStripHeight(3, 200), 3 * 96 + 2 * 6); // one per row
    QCOMPARE(MessageDelegate::attachmentStripHeight(2, 60), 2 * 96 + 6);      // narrower than a tile
}

void TestMessageAttachments::messageWithImagesIsTaller()
{
    const QList<Attachment> three{storeImage(picture({640, 480}, kRed), QStringLiteral("red.png")),
                                  storeImage(picture({480, 640}, kGreen), QStringLiteral("green.png")),
                                  storeImage(picture({800, 400}, kBlue), QStringLiteral("blue.png"))};
    const QString text = QStringLiteral("What is in these pictures?");
    m_model->setMessages({message(1, api::Role::User, text, three), message(2, api::Role::User, text)});
    MessageDelegate delegate;
    delegate.setAttachmentStore(m_store.get());
    const int with = delegate.heightFor(row(0), 900);
    const int without = delegate.heightFor(row(1), 900);
    QVERIFY2(with >= without + 96, qPrintable(QStringLiteral("%1 vs %2").arg(with).arg(without)));
    QCOMPARE(with - without, MessageDelegate::attachmentStripHeight(3, 600) + 6);
    // Narrow: the tiles wrap into more rows and the message grows by exactly those rows.
    const int narrow = delegate.heightFor(row(0), 260);
    const int narrowWithout = delegate.heightFor(row(1), 260);
    QVERIFY(narrow - narrowWithout > with - without);
    // Laying out read no file: the heights come from the count and the width.
    QCOMPARE(delegate.thumbnails()->decodesStarted(), 0);
    QCOMPARE(delegate.attachmentCount(row(0)), 3);
    QCOMPARE(delegate.attachmentCount(row(1)), 0);

    // The tiles sit under the text, left to right, inside the message, none overlapping.
    const QRect item(0, 0, 900, with);
    delegate.setLayoutWidth(900);
    QRect previous;
    for (int i = 0; i < 3; ++i) {
        const QRect tile = delegate.attachmentRect(item, row(0), i);
        QCOMPARE(tile.height(), 96);
        QVERIFY(item.contains(tile));
        if (i > 0) {
            QCOMPARE(tile.top(), previous.top());
            QVERIFY(tile.left() > previous.right());
        }
        previous = tile;
    }
    QVERIFY(delegate.attachmentRect(item, row(0), 3).isEmpty());
    QVERIFY(delegate.attachmentRect(item, row(1), 0).isEmpty());
}

// A long conversation's rows get estimated heights first: the strip is in the estimate too.
void TestMessageAttachments::estimatesCountTheStrip()
{
    const Attachment red = storeImage(picture({64, 48}, kRed), QStringLiteral("red.png"));
    const QString text = QStringLiteral("Compare them.");
    m_model->setMessages({message(1, api::Role::User, text, {red, red, red, red, red, red, red, red}),
                          message(2, api::Role::User, text)});
    MessageDelegate delegate;
    delegate.setEstimateUncached(true);
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 700, 10);
    const int with = delegate.sizeHint(option, row(0)).height();
    const int without = delegate.sizeHint(option, row(1)).height();
    QCOMPARE(delegate.estimatesGiven(), 2);
    QVERIFY2(with - without >= MessageDelegate::attachmentStripHeight(8, 600),
             qPrintable(QStringLiteral("%1 vs %2").arg(with).arg(without)));
    QCOMPARE(delegate.layoutsBuilt(), 0);
    QCOMPARE(delegate.thumbnails()->decodesStarted(), 0);
}

// ---- Thumbnails --------------------------------------------------------------------------------

void TestMessageAttachments::thumbnailIsDecodedAsynchronouslyAndScaled()
{
    // A big photo: decoded at about tile size, on the pool, never at full size on this thread.
    const Attachment big = storeImage(picture({4000, 3000}, kGold), QStringLiteral("big.jpg"), "JPEG");
    AttachmentThumbnails thumbnails;
    thumbnails.setStore(m_store.get());
    QSignalSpy ready(&thumbnails, &AttachmentThumbnails::thumbnailReady);
    const QSize box(128, 96);
    QVERIFY(thumbnails.thumbnail(big, box).isNull()); // no picture yet: the call returned at once
    QCOMPARE(thumbnails.status(big, box), Status::Loading);
    QCOMPARE(thumbnails.decodesStarted(), 1);
    QVERIFY(thumbnails.thumbnail(big, box).isNull()); // asked again while loading: no second decode
    QCOMPARE(thumbnails.decodesStarted(), 1);
    QCOMPARE(thumbnails.pendingCount(), 1);

    QVERIFY(ready.wait(kSafetyMs));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.at(0).at(0).toString(), big.hash);
    QCOMPARE(thumbnails.status(big, box), Status::Ready);
    const QImage thumb = thumbnails.thumbnail(big, box);
    QVERIFY(!thumb.isNull());
    // Covers the box, aspect kept (4:3 like the photo), not much larger.
    QVERIFY2(thumb.width() >= 128 && thumb.height() >= 96 && thumb.width() <= 2 * 128,
             qPrintable(QStringLiteral("%1x%2").arg(thumb.width()).arg(thumb.height())));
    QVERIFY(qAbs(thumb.width() * 3 - thumb.height() * 4) <= 8);
    QVERIFY(sameColour(thumb.pixelColor(thumb.rect().center()), kGold, 12));
    QCOMPARE(thumbnails.pendingCount(), 0);
    QCOMPARE(thumbnails.decodesStarted(), 1);
    QVERIFY(thumbnails.totalCostBytes() >= thumb.sizeInBytes());

    // Another size is another decode; the same size later is a cache hit.
    QVERIFY(thumbnails.thumbnail(big, QSize(360, 270)).isNull());
    QCOMPARE(thumbnails.decodesStarted(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails.status(big, QSize(360, 270)), Status::Ready, kSafetyMs);
    QVERIFY(!thumbnails.thumbnail(big, box).isNull());
    QCOMPARE(thumbnails.decodesStarted(), 2);
}

void TestMessageAttachments::readyThumbnailRepaintsOnlyItsTiles()
{
    const QList<Attachment> three{storeImage(picture({640, 480}, kRed), QStringLiteral("red.png")),
                                  storeImage(picture({640, 480}, kGreen), QStringLiteral("green.png")),
                                  storeImage(picture({640, 480}, kBlue), QStringLiteral("blue.png"))};
    std::vector<store::MessageRecord> messages;
    for (int i = 1; i <= 40; ++i) // rows above, so the layout has real work to redo if it were redone
        messages.push_back(
            message(i, i % 2 ? api::Role::User : api::Role::Assistant, QStringLiteral("Message %1").arg(i)));
    messages.push_back(message(41, api::Role::User, QStringLiteral("Here are three."), three));
    m_model->setMessages(std::move(messages));
    m_view = std::make_unique<ConversationView>();
    m_view->setAttachmentStore(m_store.get());
    m_view->setModel(m_model.get());
    m_view->resize(820, 700);
    AttachmentThumbnails* thumbnails = m_view->messageDelegate()->thumbnails();
    QSignalSpy ready(thumbnails, &AttachmentThumbnails::thumbnailReady);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    const QModelIndex last = row(40);
    // The first paint asked for the three thumbnails; they arrive later.
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 3, kSafetyMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->messageDelegate()->thumbnailsPainted() >= 3, kSafetyMs);

    // Once more from a settled view: forget the thumbnails and paint everything (the tiles wait for
    // their pictures), then watch what the arriving pictures repaint.
    thumbnails->clear();
    PaintRecorder paints(m_view->viewport());
    m_view->viewport()->repaint();
    QCOMPARE(paints.regions.size(), 1);
    QCOMPARE(thumbnails->decodesStarted(), 6);
    paints.regions.clear();
    ready.clear();
    const int painted = m_view->messageDelegate()->thumbnailsPainted();
    const int layoutsBefore = m_view->messageDelegate()->layoutsBuilt();
    const int estimatesBefore = m_view->messageDelegate()->estimatesGiven();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 3, kSafetyMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->messageDelegate()->thumbnailsPainted() >= painted + 3, kSafetyMs);
    QCOMPARE(m_view->messageDelegate()->layoutsBuilt(), layoutsBefore); // nothing laid out again
    QCOMPARE(m_view->messageDelegate()->estimatesGiven(), estimatesBefore);

    // Only the tiles were repainted, not the viewport (the other rows stay as they were).
    QRegion tiles;
    for (int i = 0; i < 3; ++i)
        tiles += m_view->attachmentRect(last, i).adjusted(-2, -2, 2, 2);
    QVERIFY(!paints.regions.isEmpty());
    for (const QRegion& region : std::as_const(paints.regions))
        QVERIFY2((region - tiles).isEmpty(), "a repaint outside the tiles");

    // What is painted is the pictures.
    const QImage shot = grabViewport();
    const QColor colours[] = {kRed, kGreen, kBlue};
    for (int i = 0; i < 3; ++i) {
        const QPoint centre = m_view->attachmentRect(last, i).center();
        QVERIFY2(sameColour(shot.pixelColor(centre), colours[i]),
                 qPrintable(shot.pixelColor(centre).name() + QStringLiteral(" at tile %1").arg(i)));
    }
}

void TestMessageAttachments::clickOnSecondTileEmitsIt()
{
    const QList<Attachment> three{storeImage(picture({640, 480}, kRed), QStringLiteral("red.png")),
                                  storeImage(picture({640, 480}, kGreen), QStringLiteral("green.png")),
                                  storeImage(picture({640, 480}, kBlue), QStringLiteral("blue.png"))};
    showView({message(1, api::Role::User, QStringLiteral("Three pictures"), three)});
    QSignalSpy activated(m_view.get(), &ConversationView::attachmentActivated);
    const QRect second = m_view->attachmentRect(row(0), 1);
    QVERIFY(!second.isEmpty());
    QVERIFY(!second.intersects(m_view->attachmentRect(row(0), 0)));
    QTest::mouseMove(m_view->viewport(), second.center());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, second.center());
    QCOMPARE(activated.count(), 1);
    QVERIFY(activated.at(0).at(0).value<Attachment>() == three.at(1));
    // Beside the tiles, under the text: nothing.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                      QPoint(m_view->attachmentRect(row(0), 2).right() + 40, second.center().y()));
    QCOMPARE(activated.count(), 1);
    // A press on one tile released on another is no click.
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, second.center());
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, m_view->attachmentRect(row(0), 2).center());
    QCOMPARE(activated.count(), 1);
}

void TestMessageAttachments::tileToolTipNamesFileSizeAndNote()
{
    Attachment photo = storeImage(picture({640, 480}, kRed), QStringLiteral("beach.png"));
    photo.note = QStringLiteral("Downscaled from 9000×6000 to 7348×4898 and re-encoded as JPEG.");
    const Attachment clip = storeVideo();
    showView({message(1, api::Role::User, QStringLiteral("Look"), {photo, clip})});
    MessageDelegate* delegate = m_view->messageDelegate();
    const QString tip = delegate->attachmentToolTip(row(0), 0);
    QVERIFY2(tip.contains(QStringLiteral("beach.png")), qPrintable(tip));
    QVERIFY2(tip.contains(media::pixelSizeText(QSize(640, 480))), qPrintable(tip));
    QVERIFY2(tip.contains(media::byteSizeText(photo.byteSize)), qPrintable(tip));
    QVERIFY2(tip.contains(photo.note), qPrintable(tip));
    const QString videoTip = delegate->attachmentToolTip(row(0), 1);
    QVERIFY2(videoTip.contains(QStringLiteral("tiny-2s-160x90.mp4")), qPrintable(videoTip));
    QVERIFY2(videoTip.contains(QStringLiteral("0:02")), qPrintable(videoTip));
    QVERIFY(delegate->attachmentToolTip(row(0), 2).isEmpty());
    // The names are what a screen reader hears.
    const QStringList texts = delegate->displayedTexts(row(0));
    QVERIFY(texts.contains(QStringLiteral("beach.png")));
    QVERIFY(texts.contains(QStringLiteral("tiny-2s-160x90.mp4")));
}

void TestMessageAttachments::missingFileShowsPlaceholderAndStillEmits()
{
    const Attachment gone = missingImage();
    const Attachment red = storeImage(picture({640, 480}, kRed), QStringLiteral("red.png"));
    showView({message(1, api::Role::User, QStringLiteral("Two"), {gone, red})});
    AttachmentThumbnails* thumbnails = m_view->messageDelegate()->thumbnails();
    const QRect tile = m_view->attachmentRect(row(0), 0);
    const QSize box = tile.size() * m_view->viewport()->devicePixelRatioF();
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails->status(gone, box), Status::Missing, kSafetyMs);
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails->status(red, box), Status::Ready, kSafetyMs);
    QVERIFY(thumbnails->thumbnail(gone, box).isNull());
    QCOMPARE(thumbnails->decodesStarted(), 2); // a missing file is not looked for on every paint
    QCoreApplication::processEvents();

    const QString tip = m_view->messageDelegate()->attachmentToolTip(row(0), 0);
    QVERIFY2(tip.contains(QStringLiteral("missing"), Qt::CaseInsensitive), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("holiday.jpg")), qPrintable(tip));
    const QStringList texts = m_view->messageDelegate()->displayedTexts(row(0));
    QVERIFY2(texts.filter(QStringLiteral("holiday.jpg")).constFirst().contains(QStringLiteral("missing")),
             qPrintable(texts.join(u'|')));

    // Painted as a placeholder with words in it (not the picture's colour, not an empty tile).
    const QImage shot = grabViewport();
    const QRect inside = tile.adjusted(4, 4, -4, -4);
    QHash<QRgb, int> colours;
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            ++colours[shot.pixel(x, y)];
    QVERIFY2(colours.size() > 4, "the placeholder shows no text");
    QVERIFY(!sameColour(shot.pixelColor(tile.center()), kRed));
    QVERIFY(sameColour(shot.pixelColor(m_view->attachmentRect(row(0), 1).center()), kRed));

    // A click still emits: the window says the file is missing.
    QSignalSpy activated(m_view.get(), &ConversationView::attachmentActivated);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, tile.center());
    QCOMPARE(activated.count(), 1);
    QVERIFY(activated.at(0).at(0).value<Attachment>() == gone);
}

void TestMessageAttachments::damagedImageSaysSoOnce()
{
    QString error, hash;
    const QByteArray junk = QByteArray("\x89PNG\r\n\x1a\n") + QByteArray("this is not really a picture");
    Attachment broken;
    broken.kind = MediaKind::Image;
    broken.mime = QStringLiteral("image/png");
    broken.storedPath = m_store->store(junk, broken.mime, &error, &hash);
    broken.hash = hash;
    broken.originalName = QStringLiteral("broken.png");
    AttachmentThumbnails thumbnails;
    thumbnails.setStore(m_store.get());
    QVERIFY(thumbnails.thumbnail(broken, QSize(128, 96)).isNull());
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails.status(broken, QSize(128, 96)), Status::Failed, kSafetyMs);
    QVERIFY(thumbnails.thumbnail(broken, QSize(128, 96)).isNull());
    QVERIFY(thumbnails.thumbnail(broken, QSize(64, 48)).isNull());
    QCOMPARE(thumbnails.decodesStarted(), 1); // remembered, not retried per paint or per size
    QVERIFY2(thumbnails.problem(broken).contains(QStringLiteral("cannot be read")),
             qPrintable(thumbnails.problem(broken)));
}

void TestMessageAttachments::pastedLinkShowsItsHost()
{
    const Attachment link = Attachment::fromUrl(QStringLiteral("https://images.example.com/cats/tabby.png"));
    showView({message(1, api::Role::User, QStringLiteral("From the web"), {link})});
    MessageDelegate* delegate = m_view->messageDelegate();
    QCOMPARE(delegate->thumbnails()->status(link, QSize(128, 96)), Status::Remote);
    QCOMPARE(delegate->thumbnails()->decodesStarted(), 0); // nothing is fetched
    QVERIFY(delegate->displayedTexts(row(0)).contains(QStringLiteral("images.example.com")));
    QVERIFY(delegate->attachmentToolTip(row(0), 0).contains(link.url));
    QSignalSpy activated(m_view.get(), &ConversationView::attachmentActivated);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->attachmentRect(row(0), 0).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).value<Attachment>().url, link.url);
}

void TestMessageAttachments::videoTileGetsPosterAndDuration()
{
    if (!multimediaWorks())
        QSKIP("Qt Multimedia has no working backend in this environment");
    const Attachment clip = storeVideo();
    showView({message(1, api::Role::User, QStringLiteral("What happens here?"), {clip})});
    AttachmentThumbnails* thumbnails = m_view->messageDelegate()->thumbnails();
    const QRect tile = m_view->attachmentRect(row(0), 0);
    const QSize box = tile.size() * m_view->viewport()->devicePixelRatioF();
    QTRY_VERIFY_WITH_TIMEOUT(thumbnails->postersStarted() == 1, kSafetyMs);
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails->status(clip, box), Status::Ready, kSafetyMs);
    const QImage poster = thumbnails->thumbnail(clip, box);
    QVERIFY(!poster.isNull());
    QVERIFY(poster.width() >= 128 || poster.width() == 160); // the clip is 160×90: never enlarged
    QCOMPARE(thumbnails->decodesStarted(), 1);
    // The poster is painted (the tile's corner shows the frame, not the dark empty frame), with the
    // play badge in the middle and the duration.
    QTRY_VERIFY_WITH_TIMEOUT(m_view->messageDelegate()->thumbnailsPainted() >= 1, kSafetyMs);
    const QImage shot = grabViewport();
    const QColor corner = shot.pixelColor(tile.topLeft() + QPoint(12, 12));
    QVERIFY2(!sameColour(corner, QColor(0x2a, 0x2a, 0x2a), 3), qPrintable(corner.name()));
    const QColor badge = shot.pixelColor(tile.center() + QPoint(0, 1));
    QVERIFY2(badge.lightness() > 200, qPrintable(badge.name())); // the white triangle
    QVERIFY(m_view->messageDelegate()->attachmentToolTip(row(0), 0).contains(QStringLiteral("0:02")));

    // Another size of the same video comes from the kept frame: no second grab.
    QVERIFY(!thumbnails->thumbnail(clip, QSize(64, 48)).isNull());
    QCOMPARE(thumbnails->postersStarted(), 1);
}

void TestMessageAttachments::generatedImageIsACardWithCopyAndDeleteOnly()
{
    Attachment image = storeImage(picture({1024, 768}, kGold), QStringLiteral("seedream.png"));
    store::MessageRecord generated = message(
        2, api::Role::Assistant,
        QStringLiteral("**Image** by `doubao-seedream-3-0-t2i`\n\nPrompt: a lighthouse at dawn"), {image});
    generated.errorKind = QString::fromLatin1(MessageDelegate::kGeneratedImageKind);
    store::MessageRecord answer = message(3, api::Role::Assistant, QStringLiteral("An ordinary answer."));
    showView({message(1, api::Role::User, QStringLiteral("Make a picture")), generated, answer});
    MessageDelegate* delegate = m_view->messageDelegate();
    QVERIFY(MessageDelegate::isGeneratedImage(row(1)));
    QVERIFY(!MessageDelegate::isGeneratedImage(row(2)));

    QCOMPARE(delegate->hoverActions(row(1)),
             (QList<Action>{Action::Copy, Action::CopyPlain, Action::Delete}));
    QVERIFY(delegate->hoverActions(row(2)).contains(Action::Regenerate));
    for (Action a : {Action::Regenerate, Action::Edit, Action::Retry})
        QVERIFY(m_view->actionRect(row(1), a).isEmpty());
    QVERIFY(!m_view->actionRect(row(1), Action::Copy).isEmpty());
    QVERIFY(!m_view->actionRect(row(1), Action::Delete).isEmpty());

    // The picture, fitted to 360 px on its longer side with its aspect, under the text.
    const QRect picture = m_view->attachmentRect(row(1), 0);
    QCOMPARE(picture.size(), QSize(360, 270));
    const QRect item = m_view->visualRect(row(1));
    QVERIFY(item.contains(picture));
    const QStringList texts = delegate->displayedTexts(row(1));
    QVERIFY2(texts.join(u'\n').contains(QStringLiteral("a lighthouse at dawn")),
             qPrintable(texts.join(u'|')));
    QVERIFY2(picture.top() > m_view->actionRect(row(1), Action::Copy).bottom() + 20,
             "the text sits between the header and the picture");
    QTRY_VERIFY_WITH_TIMEOUT(sameColour(grabViewport().pixelColor(picture.center()), kGold), kSafetyMs);

    // Its actions do what they say; a click on the picture opens it.
    QSignalSpy deleted(m_view.get(), &ConversationView::deleteRequested);
    QSignalSpy regenerated(m_view.get(), &ConversationView::regenerateRequested);
    QSignalSpy activated(m_view.get(), &ConversationView::attachmentActivated);
    QTest::mouseMove(m_view->viewport(), picture.center());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, picture.center());
    QCOMPARE(activated.count(), 1);
    QVERIFY(activated.at(0).at(0).value<Attachment>() == image);
    const QRect del = m_view->actionRect(row(1), Action::Delete);
    QTest::mouseMove(m_view->viewport(), del.center());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, del.center());
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.at(0).at(0).toLongLong(), 2);
    QCOMPARE(regenerated.count(), 0);

    // Even when it was interrupted (no such thing should be stored, but never a "Retry" for it).
    generated.state = store::MessageState::Interrupted;
    generated.errorMessage = QStringLiteral("Stopped.");
    m_model->updateMessage(generated);
    QVERIFY(m_view->actionRect(row(1), Action::Retry).isEmpty());
    QVERIFY(delegate->displayedTexts(row(1)).contains(QStringLiteral("Stopped."))); // the card, no button
}

void TestMessageAttachments::enterOpensTheFirstAttachment()
{
    const Attachment red = storeImage(picture({64, 48}, kRed), QStringLiteral("red.png"));
    const Attachment green = storeImage(picture({64, 48}, kGreen), QStringLiteral("green.png"));
    showView({message(1, api::Role::User, QStringLiteral("Two"), {red, green}),
              message(2, api::Role::Assistant, QStringLiteral("Nice colours."))});
    QSignalSpy activated(m_view.get(), &ConversationView::attachmentActivated);
    m_view->setFocus();
    m_view->setCurrentIndex(row(1));
    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QCOMPARE(activated.count(), 0); // an answer without attachments
    m_view->setCurrentIndex(row(0));
    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QVERIFY(activated.at(0).at(0).value<Attachment>() == red);
}

// The app-data folder moved (or the store was set late): files are found by hash through the new store.
void TestMessageAttachments::storeChangeFindsFilesAgain()
{
    Attachment red = storeImage(picture({640, 480}, kRed), QStringLiteral("red.png"));
    red.storedPath = m_dir->filePath(QStringLiteral("old-location/red.png")); // stale
    AttachmentThumbnails thumbnails; // no store: the stale path is all it has
    const QSize box(128, 96);
    QVERIFY(thumbnails.thumbnail(red, box).isNull());
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails.status(red, box), Status::Missing, kSafetyMs);
    thumbnails.setStore(m_store.get());
    QCOMPARE(thumbnails.status(red, box), Status::Loading); // forgotten with the old store
    QVERIFY(thumbnails.thumbnail(red, box).isNull());
    QTRY_COMPARE_WITH_TIMEOUT(thumbnails.status(red, box), Status::Ready, kSafetyMs);
    QVERIFY(sameColour(thumbnails.thumbnail(red, box).pixelColor(64, 48), kRed));
}

void TestMessageAttachments::cacheIsBoundedByPixelBytes()
{
    AttachmentThumbnails thumbnails;
    thumbnails.setStore(m_store.get());
    QCOMPARE(thumbnails.maxCostBytes(), 32LL * 1024 * 1024);
    const QSize box(200, 150);
    const qint64 one = qint64(box.width()) * box.height() * 4;
    thumbnails.setMaxCostBytes(3 * one);
    QList<Attachment> pictures;
    for (int i = 0; i < 6; ++i)
        pictures << storeImage(picture({400, 300}, QColor::fromHsv(i * 50, 200, 200)),
                               QStringLiteral("p%1.png").arg(i));
    QSignalSpy ready(&thumbnails, &AttachmentThumbnails::thumbnailReady);
    for (const Attachment& a : pictures)
        thumbnails.thumbnail(a, box);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 6, kSafetyMs);
    QVERIFY2(thumbnails.totalCostBytes() <= 3 * one,
             qPrintable(QString::number(thumbnails.totalCostBytes())));
    int kept = 0;
    for (const Attachment& a : pictures)
        kept += thumbnails.status(a, box) == Status::Ready ? 1 : 0;
    QVERIFY(kept >= 1 && kept <= 3);
    // An evicted one is decoded again when painted again.
    const int before = thumbnails.decodesStarted();
    for (const Attachment& a : pictures)
        thumbnails.thumbnail(a, box);
    QCOMPARE(thumbnails.decodesStarted(), before + (6 - kept));
}

// A conversation with an image strip, a video tile, a missing file, a link and a generated image, in the
// light and the dark palette. Saved when ARK_VIEW_SHOTS names a folder (to look at); checked either way.
void TestMessageAttachments::screenshots()
{
    const QList<Attachment> strip{
        storeImage(picture({640, 480}, kRed), QStringLiteral("red.png")),
        storeImage(picture({480, 640}, kGreen), QStringLiteral("green-portrait.png")), storeVideo(),
        missingImage(), Attachment::fromUrl(QStringLiteral("https://images.example.com/cat.png"))};
    Attachment art = storeImage(picture({1024, 768}, kGold), QStringLiteral("seedream.png"));
    store::MessageRecord generated = message(
        3, api::Role::Assistant,
        QStringLiteral("Image by **doubao-seedream-3-0-t2i**\n\n> a lighthouse at dawn, watercolour"), {art});
    generated.errorKind = QString::fromLatin1(MessageDelegate::kGeneratedImageKind);
    const std::vector<store::MessageRecord> messages{
        message(1, api::Role::User, QStringLiteral("What do these have in common?"), strip),
        message(2, api::Role::Assistant, QStringLiteral("They are all **test pictures**.")), generated};
    const QString folder = qEnvironmentVariable("ARK_VIEW_SHOTS");
    for (const bool dark : {false, true}) {
        showView(messages, 760, 900);
        if (dark)
            m_view->setPalette(darkPalette());
        const QRect first = m_view->attachmentRect(row(0), 0);
        QTRY_VERIFY_WITH_TIMEOUT(sameColour(grabViewport().pixelColor(first.center()), kRed), kSafetyMs);
        if (multimediaWorks())
            QTRY_COMPARE_WITH_TIMEOUT(m_view->messageDelegate()->thumbnails()->status(
                                          strip.at(2), m_view->attachmentRect(row(0), 2).size()),
                                      Status::Ready, kSafetyMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            sameColour(grabViewport().pixelColor(m_view->attachmentRect(row(2), 0).center()), kGold),
            kSafetyMs);
        const QImage shot = m_view->grab().toImage();
        QVERIFY(!shot.isNull());
        if (!folder.isEmpty())
            QVERIFY(shot.save(QDir(folder).filePath(dark ? QStringLiteral("view-shot-dark.png")
                                                         : QStringLiteral("view-shot-light.png"))));
        // The strip wraps inside the bubble: every tile within the message's rectangle.
        const QRect item = m_view->visualRect(row(0));
        for (int i = 0; i < strip.size(); ++i)
            QVERIFY(item.contains(m_view->attachmentRect(row(0), i)));
    }
}

QTEST_MAIN(TestMessageAttachments)
#include "tst_messageattachments.moc"
