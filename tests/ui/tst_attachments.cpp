// Attaching in the composer with real widgets on the offscreen platform: the file picker's path with a
// huge photo, a PNG with alpha, a damaged file, remove, clipboard paste, drops, a real video, a model
// without image input, the request-body limit, JSON round trip, and the image viewer.
#include "conversation/Composer.h"
#include "media/AttachmentStore.h"
#include "media/AttachmentTray.h"
#include "media/MediaLimits.h"
#include "media/MediaViewer.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QImageWriter>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

using ark::media::Attachment;
using ark::media::AttachmentStore;
using ark::media::MediaKind;
using ark::ui::AttachmentTile;
using ark::ui::AttachmentTray;
using ark::ui::Composer;
using ark::ui::MediaViewer;

namespace {

const QString kVideo = QStringLiteral(ARK_TEST_DATA_DIR "/media/tiny-2s-160x90.mp4");
// Preparing a 54-megapixel photo takes a few seconds on a slow machine: a generous safety limit only.
constexpr int kPrepareTimeoutMs = 120000;

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    return p;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// An opaque test picture with detail in it (JPEG of a flat colour would be trivially small).
QImage photo(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < width; ++x) {
            line[3 * x] = uchar((x * 255) / width);
            line[3 * x + 1] = uchar((y * 255) / height);
            line[3 * x + 2] = uchar(((x / 97 + y / 89) % 2) * 180 + ((x * 7 + y * 13) % 40));
        }
    }
    return image;
}

// A disc on a transparent background.
QImage transparentImage(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0xe0, 0x60, 0x20));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(
        QRectF(0, 0, width, height).adjusted(width * 0.1, height * 0.1, -width * 0.1, -height * 0.1));
    return image;
}

bool hasTransparentPixel(const QImage& image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y)
        for (int x = 0; x < argb.width(); ++x)
            if (qAlpha(argb.pixel(x, y)) == 0)
                return true;
    return false;
}

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bigPhotoIsDownscaledOffTheUiThread();
    void pngWithAlphaIsKeptAsIs();
    void largePngKeepsItsTransparency();
    void damagedFileIsExplainedAndNotAdded();
    void unsupportedFilesAreExplained_data();
    void unsupportedFilesAreExplained();
    void removeButtonRemoves();
    void clickOpensTheAttachment();
    void pasteImageFromClipboard();
    void pasteTextStaysText();
    void dropFileUrlsOnComposer();
    void dropOnEditorAndForwardedUrls();
    void videoShowsDurationAndPoster();
    void fpsAndDetailFromTheMenu();
    void modelWithoutImageInputOffersSwitch();
    void modelWithoutVideoInputOffersSwitch();
    void sendWithAttachmentsAndEmptyText();
    void requestBodyLimitBlocksSending();
    void attachmentsJsonRoundTrip();
    void trayWithoutStoreStillStoresFiles();
    void viewerShowsAndSaves();
    void viewerRefusesVideo();
    void screenshots();

private:
    std::unique_ptr<Attachment> attachAndWait(const QString& path);

    QTemporaryDir m_dir;
    QString m_bigJpeg;
    QString m_alphaPng;
    QString m_largeAlphaPng;
    std::unique_ptr<AttachmentStore> m_store;
    Composer* m_composer = nullptr;
};

void TestAttachments::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(kVideo), qPrintable(kVideo));
    // 9000x6000: 54 megapixels, over the 36-megapixel limit and over Qt's default decode allocation limit.
    m_bigJpeg = m_dir.filePath(QStringLiteral("big-photo.jpg"));
    {
        QImageWriter writer(m_bigJpeg, "jpeg");
        writer.setQuality(92);
        QVERIFY2(writer.write(photo(9000, 6000)), qPrintable(writer.errorString()));
    }
    m_alphaPng = m_dir.filePath(QStringLiteral("logo.png"));
    QVERIFY(transparentImage(400, 300).save(m_alphaPng, "PNG"));
    // 3000x2000 is over the 4,014,080 pixels the tray sends at most: it must shrink and stay transparent.
    m_largeAlphaPng = m_dir.filePath(QStringLiteral("large-logo.png"));
    QVERIFY(transparentImage(3000, 2000).save(m_largeAlphaPng, "PNG"));
}

void TestAttachments::init()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
    m_store = std::make_unique<AttachmentStore>(m_dir.filePath(QStringLiteral("store")));
    m_composer = new Composer;
    m_composer->setAttachmentStore(m_store.get());
    m_composer->resize(720, 300);
    m_composer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_composer));
    m_composer->editor()->setFocus();
}

void TestAttachments::cleanup()
{
    delete m_composer;
    m_composer = nullptr;
    m_store.reset();
}

std::unique_ptr<Attachment> TestAttachments::attachAndWait(const QString& path)
{
    const int before = int(m_composer->attachments().size());
    if (m_composer->attachFiles({path}) != 1)
        return nullptr;
    if (!QTest::qWaitFor([&] { return m_composer->attachments().size() > before; }, kPrepareTimeoutMs))
        return nullptr;
    return std::make_unique<Attachment>(m_composer->attachments().constLast());
}

void TestAttachments::bigPhotoIsDownscaledOffTheUiThread()
{
    AttachmentTray* tray = m_composer->attachmentTray();
    QSignalSpy changed(m_composer, &Composer::attachmentsChanged);
    m_composer->setText(QStringLiteral("What is in this photo?"));
    QVERIFY(m_composer->sendButton()->isEnabled());

    QCOMPARE(m_composer->attachFiles({m_bigJpeg}), 1);
    // attachFiles returned before the photo was even decoded: the work is on the preparer's thread, and
    // its result can only arrive through this thread's event loop.
    QCOMPARE(tray->preparingCount(), 1);
    QVERIFY(m_composer->isPreparingAttachments());
    QVERIFY(m_composer->attachments().isEmpty());
    QVERIFY(tray->isVisible());
    QCOMPARE(tray->tileAt(0)->state(), AttachmentTile::State::Preparing);
    // Sending waits for the attachment.
    QVERIFY(!m_composer->sendButton()->isEnabled());
    QVERIFY(!m_composer->attachmentProblem().isEmpty());
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    m_composer->submit();
    QCOMPARE(sent.count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(m_composer->attachments().size(), 1, kPrepareTimeoutMs);
    QVERIFY(!m_composer->isPreparingAttachments());
    QVERIFY(changed.count() >= 1);
    const Attachment a = m_composer->attachments().first();
    QCOMPARE(a.kind, MediaKind::Image);
    QCOMPARE(a.mime, QStringLiteral("image/jpeg"));
    QCOMPARE(a.originalName, QStringLiteral("big-photo.jpg"));
    QVERIFY(qint64(a.pixelSize.width()) * a.pixelSize.height() <= ark::media::limits::kMaxPixelLimit);
    // The aspect ratio is kept (3:2 within rounding).
    QVERIFY(qAbs(double(a.pixelSize.width()) / a.pixelSize.height() - 1.5) < 0.01);
    QVERIFY2(a.note.contains(QStringLiteral("Downscaled from 9000\u00d76000")), qPrintable(a.note));
    QVERIFY(a.byteSize > 0 && a.byteSize < ark::media::limits::kMaxImageBytes);
    // Stored once by content in the store.
    QVERIFY(m_store->contains(a.hash));
    QCOMPARE(AttachmentStore::hashOf(fileBytes(a.storedPath)), a.hash);

    AttachmentTile* tile = tray->tileAt(0);
    QCOMPARE(tile->state(), AttachmentTile::State::Ready);
    QCOMPARE(tile->badgeText(), QStringLiteral("downscaled"));
    QVERIFY(tile->toolTip().contains(a.note));
    QVERIFY(tile->hasPicture());
    QVERIFY(tile->picture().width() <= 256 && tile->picture().height() <= 256);
    QVERIFY(m_composer->sendButton()->isEnabled());
    QVERIFY(m_composer->attachmentProblem().isEmpty());
}

void TestAttachments::pngWithAlphaIsKeptAsIs()
{
    const auto a = attachAndWait(m_alphaPng);
    QVERIFY(a);
    QCOMPARE(a->mime, QStringLiteral("image/png"));
    QCOMPARE(a->pixelSize, QSize(400, 300));
    QVERIFY2(a->note.isEmpty(), qPrintable(a->note));
    // Within every limit: sent byte for byte.
    QCOMPARE(a->hash, AttachmentStore::hashOf(fileBytes(m_alphaPng)));
    QCOMPARE(m_composer->attachmentTray()->tileAt(0)->badgeText(), QString());
    QString error;
    QCOMPARE(a->dataUrl(m_store.get(), &error).left(22), QStringLiteral("data:image/png;base64,"));
    QVERIFY(error.isEmpty());
}

void TestAttachments::largePngKeepsItsTransparency()
{
    const auto a = attachAndWait(m_largeAlphaPng);
    QVERIFY(a);
    QCOMPARE(a->mime, QStringLiteral("image/png")); // not JPEG: JPEG would lose the transparent pixels
    QVERIFY(a->pixelSize.width() < 3000);
    QCOMPARE(m_composer->attachmentTray()->tileAt(0)->badgeText(), QStringLiteral("downscaled"));
    QImage sent;
    QVERIFY(sent.loadFromData(a->readBytes(m_store.get())));
    QCOMPARE(sent.size(), a->pixelSize);
    QVERIFY(hasTransparentPixel(sent));
}

void TestAttachments::damagedFileIsExplainedAndNotAdded()
{
    // A JPEG signature followed by garbage: it looks like a photo, but cannot be decoded.
    const QString path = m_dir.filePath(QStringLiteral("damaged.jpg"));
    QVERIFY(writeBytes(path, QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(5000, 'x')));
    AttachmentTray* tray = m_composer->attachmentTray();
    QSignalSpy changed(m_composer, &Composer::attachmentsChanged);
    QCOMPARE(m_composer->attachFiles({path}), 1); // taken for preparation ...
    QCOMPARE(tray->count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(tray->count(), 0, kPrepareTimeoutMs); // ... and dropped with a message
    QVERIFY(m_composer->attachments().isEmpty());
    QCOMPARE(changed.count(), 0);
    const QString error = tray->errorText();
    QVERIFY2(error.contains(QStringLiteral("damaged.jpg")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
    QVERIFY(tray->errorLabel()->isVisible());
    QCOMPARE(tray->errorLabel()->text(), error);
    // The line is dismissable, and a new batch starts with a clean line.
    tray->clearErrors();
    QVERIFY(!tray->errorLabel()->isVisible());
    QVERIFY(!tray->isVisible());
}

void TestAttachments::unsupportedFilesAreExplained_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file") << QStringLiteral("notes.txt") << QByteArray("just some notes\n")
                               << QStringLiteral("not an image or video Ark accepts");
    QTest::newRow("pdf") << QStringLiteral("paper.pdf") << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
                         << QStringLiteral("Images: JPEG");
    QTest::newRow("missing") << QStringLiteral("") << QByteArray() << QStringLiteral("does not exist");
}

void TestAttachments::unsupportedFilesAreExplained()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(name.isEmpty() ? QStringLiteral("no-such-file.png") : name);
    if (!name.isEmpty())
        QVERIFY(writeBytes(path, bytes));
    AttachmentTray* tray = m_composer->attachmentTray();
    QCOMPARE(m_composer->attachFiles({path}), 0);
    QCOMPARE(tray->count(), 0);
    QVERIFY2(tray->errorText().contains(expected), qPrintable(tray->errorText()));
    QVERIFY(tray->errorLabel()->isVisible());
    QVERIFY(!m_composer->sendButton()->isEnabled()); // nothing to send
}

void TestAttachments::removeButtonRemoves()
{
    QVERIFY(attachAndWait(m_alphaPng));
    AttachmentTray* tray = m_composer->attachmentTray();
    QVERIFY(tray->isVisible());
    QVERIFY(m_composer->sendButton()->isEnabled()); // an attachment alone can be sent
    QSignalSpy changed(m_composer, &Composer::attachmentsChanged);
    QTest::mouseClick(tray->tileAt(0)->removeButton(), Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QVERIFY(m_composer->attachments().isEmpty());
    QCOMPARE(tray->count(), 0);
    QVERIFY(!tray->isVisible());
    QVERIFY(!m_composer->sendButton()->isEnabled());

    // Removing a tile still being prepared cancels it: nothing turns up later.
    QCOMPARE(m_composer->attachFiles({m_bigJpeg}), 1);
    QCOMPARE(tray->preparingCount(), 1);
    tray->tileAt(0)->removeButton()->click();
    QCOMPARE(tray->count(), 0);
    QVERIFY(!m_composer->isPreparingAttachments());
    QTest::qWait(200);
    QCOMPARE(tray->count(), 0);
    QVERIFY(m_composer->attachments().isEmpty());
}

void TestAttachments::clickOpensTheAttachment()
{
    const auto a = attachAndWait(m_alphaPng);
    QVERIFY(a);
    QSignalSpy activated(m_composer, &Composer::attachmentActivated);
    AttachmentTile* tile = m_composer->attachmentTray()->tileAt(0);
    QTest::mouseClick(tile, Qt::LeftButton, Qt::NoModifier, QPoint(tile->width() / 2, tile->height() / 2));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().value<Attachment>(), *a);
    // The keyboard does the same: Enter opens, Delete removes.
    tile->setFocus();
    QTest::keyClick(tile, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    QTest::keyClick(tile, Qt::Key_Delete);
    QVERIFY(m_composer->attachments().isEmpty());
}

void TestAttachments::pasteImageFromClipboard()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    const QImage screenshot = transparentImage(320, 200);
    clipboard->setImage(screenshot);
    if (clipboard->image().isNull())
        QSKIP("This platform has no clipboard");
    QTest::keyClick(m_composer->editor(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_composer->attachmentTray()->count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->attachments().size(), 1, kPrepareTimeoutMs);
    QVERIFY(m_composer->text().isEmpty()); // nothing was typed into the text
    const Attachment a = m_composer->attachments().first();
    QCOMPARE(a.kind, MediaKind::Image);
    QCOMPARE(a.mime, QStringLiteral("image/png")); // a screenshot stays sharp
    QCOMPARE(a.pixelSize, QSize(320, 200));
    QVERIFY(a.originalName.isEmpty());
    QImage sent;
    QVERIFY(sent.loadFromData(a.readBytes(m_store.get())));
    QCOMPARE(sent.convertToFormat(QImage::Format_ARGB32), screenshot.convertToFormat(QImage::Format_ARGB32));
}

void TestAttachments::pasteTextStaysText()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    clipboard->setText(QStringLiteral("https://example.com/cat.png"));
    if (clipboard->text().isEmpty())
        QSKIP("This platform has no clipboard");
    QTest::keyClick(m_composer->editor(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_composer->text(), QStringLiteral("https://example.com/cat.png")); // a pasted link is text
    QCOMPARE(m_composer->attachmentTray()->count(), 0);

    // Office programs put a picture of copied cells next to the text: that paste is text too.
    auto* mime = new QMimeData;
    mime->setText(QStringLiteral(" and a table"));
    mime->setImageData(photo(60, 40));
    clipboard->setMimeData(mime);
    QTest::keyClick(m_composer->editor(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_composer->text(), QStringLiteral("https://example.com/cat.png and a table"));
    QCOMPARE(m_composer->attachmentTray()->count(), 0);
}

void TestAttachments::dropFileUrlsOnComposer()
{
    const QString notes = m_dir.filePath(QStringLiteral("drop-notes.txt"));
    QVERIFY(writeBytes(notes, "hello"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_alphaPng), QUrl::fromLocalFile(notes)});
    const QPoint where(m_composer->width() / 2, 5);

    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_composer, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(where), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_composer, &drop);
    QVERIFY(drop.isAccepted());

    AttachmentTray* tray = m_composer->attachmentTray();
    QCOMPARE(tray->count(), 1); // the PNG; the text file is explained instead
    QVERIFY2(tray->errorText().contains(QStringLiteral("drop-notes.txt")), qPrintable(tray->errorText()));
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->attachments().size(), 1, kPrepareTimeoutMs);
    QCOMPARE(m_composer->attachments().first().originalName, QStringLiteral("logo.png"));

    // Plain text is not for the composer's own drop handler.
    QMimeData text;
    text.setText(QStringLiteral("words"));
    QDragEnterEvent textEnter(where, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    textEnter.setAccepted(false);
    QApplication::sendEvent(m_composer, &textEnter);
    QVERIFY(!textEnter.isAccepted());
    QVERIFY(!Composer::canAcceptMimeData(&text));
}

void TestAttachments::dropOnEditorAndForwardedUrls()
{
    // On the text itself: the editor hands files to the tray instead of inserting their paths.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_alphaPng)});
    QWidget* viewport = m_composer->editor()->viewport();
    const QPointF where(10, 10);
    QDragEnterEvent enter(where.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(m_composer->text().isEmpty());
    QCOMPARE(m_composer->attachmentTray()->count(), 1);

    // Forwarded from the conversation view: a link to an image is attached as a link, a page is not.
    QVERIFY(m_composer->acceptDroppedUrls({QUrl(QStringLiteral("https://example.com/pics/cat.PNG"))}));
    QCOMPARE(m_composer->attachmentTray()->count(), 2);
    QVERIFY(!m_composer->acceptDroppedUrls({QUrl(QStringLiteral("https://example.com/about"))}));
    QVERIFY2(m_composer->attachmentTray()->errorText().contains(QStringLiteral("https://example.com/about")),
             qPrintable(m_composer->attachmentTray()->errorText()));
    QCOMPARE(m_composer->attachmentTray()->count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->attachments().size(), 2, kPrepareTimeoutMs);
    const Attachment link = m_composer->attachments().at(1);
    QVERIFY(link.isRemote());
    QCOMPARE(link.url, QStringLiteral("https://example.com/pics/cat.PNG"));
    QCOMPARE(link.kind, MediaKind::Image);
}

void TestAttachments::videoShowsDurationAndPoster()
{
    const auto a = attachAndWait(kVideo);
    QVERIFY(a);
    QCOMPARE(a->kind, MediaKind::Video);
    QCOMPARE(a->mime, QStringLiteral("video/mp4"));
    QCOMPARE(a->pixelSize, QSize(160, 90));
    QVERIFY(a->durationSeconds);
    QVERIFY(qAbs(*a->durationSeconds - 2.0) < 0.05);
    QCOMPARE(a->hash, AttachmentStore::hashOf(fileBytes(kVideo)));
    AttachmentTile* tile = m_composer->attachmentTray()->tileAt(0);
    QCOMPARE(tile->kind(), MediaKind::Video);
    QCOMPARE(tile->durationText(), QStringLiteral("0:02"));
    QCOMPARE(tile->optionsButton()->text(), QStringLiteral("1 fps"));
    // The poster frame comes from Qt Multimedia (GStreamer with the good and libav plugins) off-screen.
    QTRY_VERIFY_WITH_TIMEOUT(tile->hasPicture(), 30000);
    QCOMPARE(tile->picture().size(), QSize(160, 90));
}

void TestAttachments::fpsAndDetailFromTheMenu()
{
    QVERIFY(attachAndWait(kVideo));
    QVERIFY(attachAndWait(m_alphaPng));
    AttachmentTray* tray = m_composer->attachmentTray();
    QSignalSpy changed(m_composer, &Composer::attachmentsChanged);

    std::unique_ptr<QMenu> videoMenu(tray->createOptionsMenu(0));
    QVERIFY(videoMenu);
    QAction* two = nullptr;
    for (QAction* action : videoMenu->actions())
        if (action->text() == QStringLiteral("2 fps"))
            two = action;
    QVERIFY(two);
    two->trigger();
    QCOMPARE(m_composer->attachments().at(0).fps, std::optional<double>(2.0));
    QCOMPARE(tray->tileAt(0)->optionsButton()->text(), QStringLiteral("2 fps"));
    QCOMPARE(changed.count(), 1);

    std::unique_ptr<QMenu> imageMenu(tray->createOptionsMenu(1));
    QAction* high = nullptr;
    for (QAction* action : imageMenu->actions())
        if (action->data().toString() == QStringLiteral("high"))
            high = action;
    QVERIFY(high);
    high->trigger();
    QCOMPARE(m_composer->attachments().at(1).detail, QStringLiteral("high"));
    QCOMPARE(tray->tileAt(1)->optionsButton()->text(), QStringLiteral("high"));
    QCOMPARE(changed.count(), 2);

    // Out-of-range frame rates are brought into 0.2 .. 5; the default is "not sent".
    tray->setFps(0, 12.0);
    QCOMPARE(m_composer->attachments().at(0).fps, std::optional<double>(5.0));
    tray->setFps(0, std::nullopt);
    QVERIFY(!m_composer->attachments().at(0).fps);
    // Detail applies to images only, fps to videos only.
    tray->setDetail(0, QStringLiteral("low"));
    tray->setFps(1, 2.0);
    QVERIFY(m_composer->attachments().at(0).detail.isEmpty());
    QVERIFY(!m_composer->attachments().at(1).fps);
}

void TestAttachments::modelWithoutImageInputOffersSwitch()
{
    m_composer->setMediaInput(false, false);
    QSignalSpy suggested(m_composer, &Composer::switchModelSuggested);
    m_composer->setText(QStringLiteral("Describe this"));
    QCOMPARE(m_composer->attachFiles({m_alphaPng}), 1);
    // Said at once, while the image is still being prepared.
    QVERIFY(m_composer->mediaNotice()->isVisible());
    QVERIFY2(m_composer->mediaNoticeLabel()->text().contains(QStringLiteral("cannot read images")),
             qPrintable(m_composer->mediaNoticeLabel()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->attachments().size(), 1, kPrepareTimeoutMs);
    // Kept (the person may switch model), but never sent to a model that would refuse it.
    QVERIFY(!m_composer->sendButton()->isEnabled());
    QVERIFY(m_composer->sendButton()->toolTip().contains(QStringLiteral("cannot read images")));
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    m_composer->submit();
    QCOMPARE(sent.count(), 0);

    QTest::mouseClick(m_composer->switchModelButton(), Qt::LeftButton);
    QCOMPARE(suggested.count(), 1);
    QCOMPARE(suggested.first().first().toString(), QStringLiteral("image"));

    // The window switched to a vision model: the notice goes and sending works.
    m_composer->setMediaInput(true, false);
    QVERIFY(!m_composer->mediaNotice()->isVisible());
    QVERIFY(m_composer->sendButton()->isEnabled());
    m_composer->submit();
    QCOMPARE(sent.count(), 1);
}

void TestAttachments::modelWithoutVideoInputOffersSwitch()
{
    m_composer->setMediaInput(true, false);
    QSignalSpy suggested(m_composer, &Composer::switchModelSuggested);
    QVERIFY(attachAndWait(kVideo));
    QVERIFY(m_composer->mediaNotice()->isVisible());
    QVERIFY(m_composer->mediaNoticeLabel()->text().contains(QStringLiteral("cannot read videos")));
    QVERIFY(!m_composer->sendButton()->isEnabled());
    m_composer->switchModelButton()->click();
    QCOMPARE(suggested.count(), 1);
    QCOMPARE(suggested.first().first().toString(), QStringLiteral("video"));
    // Removing the video is the other way out.
    m_composer->attachmentTray()->removeAt(0);
    QVERIFY(!m_composer->mediaNotice()->isVisible());
}

void TestAttachments::sendWithAttachmentsAndEmptyText()
{
    QVERIFY(attachAndWait(m_alphaPng));
    QSignalSpy sent(m_composer, &Composer::sendRequested);
    QVERIFY(m_composer->sendButton()->isEnabled());
    QTest::keyClick(m_composer->editor(), Qt::Key_Return);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(sent.first().first().toString(), QString());
    // The window reads them now and clears them once the session took the message.
    QCOMPARE(m_composer->attachments().size(), 1);
    m_composer->clearAttachments();
    QVERIFY(m_composer->attachments().isEmpty());
    QVERIFY(!m_composer->attachmentTray()->isVisible());
    QVERIFY(!m_composer->sendButton()->isEnabled());

    // An edit rewrites text only: attachments wait for the next new message and do not block the edit.
    QVERIFY(attachAndWait(m_alphaPng));
    QSignalSpy edited(m_composer, &Composer::editSubmitted);
    m_composer->beginEdit(5, QString());
    QVERIFY(!m_composer->sendButton()->isEnabled()); // an empty edit is not saved
    m_composer->setText(QStringLiteral("fixed"));
    m_composer->submit();
    QCOMPARE(edited.count(), 1);
    QCOMPARE(m_composer->attachments().size(), 1);
}

void TestAttachments::requestBodyLimitBlocksSending()
{
    // Two 40 MB videos: each within its own 50 MB limit, together over the 64 MB request body.
    Attachment video;
    video.kind = MediaKind::Video;
    video.mime = QStringLiteral("video/mp4");
    video.hash = QString(64, QLatin1Char('a'));
    video.originalName = QStringLiteral("one.mp4");
    video.byteSize = 40'000'000;
    video.durationSeconds = 30.0;
    AttachmentTray* tray = m_composer->attachmentTray();
    tray->addAttachment(video);
    QVERIFY(m_composer->attachmentProblem().isEmpty());
    QVERIFY(m_composer->sendButton()->isEnabled());
    video.hash = QString(64, QLatin1Char('b'));
    video.originalName = QStringLiteral("two.mp4");
    tray->addAttachment(video);
    const QString problem = m_composer->attachmentProblem();
    QVERIFY2(problem.contains(QStringLiteral("64")), qPrintable(problem));
    QVERIFY(!m_composer->sendButton()->isEnabled());
    tray->removeAt(1);
    QVERIFY(m_composer->sendButton()->isEnabled());
}

void TestAttachments::attachmentsJsonRoundTrip()
{
    QVERIFY(attachAndWait(m_bigJpeg));
    QVERIFY(attachAndWait(kVideo));
    QVERIFY(m_composer->acceptDroppedUrls({QUrl(QStringLiteral("https://example.com/clip.mp4"))}));
    AttachmentTray* tray = m_composer->attachmentTray();
    tray->setDetail(0, QStringLiteral("low"));
    tray->setFps(1, 0.5);
    const QList<Attachment> list = m_composer->attachments();
    QCOMPARE(list.size(), 3);
    const QString json = Attachment::listToJson(list);
    QString error;
    const QList<Attachment> back = Attachment::listFromJson(json, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(back, list);
    QCOMPARE(back.at(0).detail, QStringLiteral("low"));
    QVERIFY(!back.at(0).note.isEmpty());
    QCOMPARE(back.at(1).fps, std::optional<double>(0.5));
    QCOMPARE(back.at(2).kind, MediaKind::Video);
    QVERIFY(back.at(2).isRemote());
    // What goes into the request: a data URL for stored files, the link as is.
    const auto part = back.at(0).toContentPart(m_store.get(), &error);
    QVERIFY2(part, qPrintable(error));
}

void TestAttachments::trayWithoutStoreStillStoresFiles()
{
    // No store set: files go to the tray's own temporary folder, so the attachment can still be sent.
    AttachmentTray tray;
    QSignalSpy changed(&tray, &AttachmentTray::attachmentsChanged);
    tray.addFile(m_alphaPng, MediaKind::Image);
    QTRY_COMPARE_WITH_TIMEOUT(tray.attachments().size(), 1, kPrepareTimeoutMs);
    QCOMPARE(changed.count(), 1);
    const Attachment a = tray.attachments().first();
    QVERIFY(!a.storedPath.isEmpty());
    QVERIFY(!a.storedPath.startsWith(m_dir.path()));
    QString error;
    QVERIFY2(a.dataUrl(nullptr, &error).startsWith(QStringLiteral("data:image/png;base64,")),
             qPrintable(error));
}

void TestAttachments::viewerShowsAndSaves()
{
    const auto a = attachAndWait(m_bigJpeg);
    QVERIFY(a);
    MediaViewer viewer;
    viewer.resize(800, 600);
    QVERIFY(viewer.setAttachment(*a, m_store.get()));
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QCOMPARE(viewer.image().size(), a->pixelSize);
    QVERIFY(viewer.fitToWindow());
    QVERIFY(viewer.zoomFactor() < 1.0); // 2453 pixels wide in an 800-pixel window
    viewer.grab().save(QStringLiteral("/tmp/attachui-viewer-fit.png"));
    QTest::mouseClick(viewer.zoomButton(), Qt::LeftButton);
    QVERIFY(!viewer.fitToWindow());
    QCOMPARE(viewer.zoomFactor(), 1.0);
    QCOMPARE(viewer.scrollArea()->widget()->size(), a->pixelSize);
    viewer.toggleZoom();
    QVERIFY(viewer.fitToWindow());

    // Same format: the stored bytes, unchanged. Another format: re-encoded.
    const QString same = m_dir.filePath(QStringLiteral("saved.jpg"));
    QString error;
    QVERIFY2(viewer.saveTo(same, &error), qPrintable(error));
    QCOMPARE(fileBytes(same), a->readBytes(m_store.get()));
    const QString other = m_dir.filePath(QStringLiteral("saved.png"));
    QVERIFY2(viewer.saveTo(other, &error), qPrintable(error));
    QImage reread;
    QVERIFY(reread.load(other));
    QCOMPARE(reread.size(), a->pixelSize);
    QVERIFY(!viewer.saveTo(m_dir.filePath(QStringLiteral("no-such-dir/x.png")), &error));
    QVERIFY(!error.isEmpty());
}

void TestAttachments::viewerRefusesVideo()
{
    const auto a = attachAndWait(kVideo);
    QVERIFY(a);
    MediaViewer viewer;
    QVERIFY(!viewer.setAttachment(*a, m_store.get()));
    QVERIFY(viewer.errorText().contains(QStringLiteral("video")));
    Attachment gone = *a;
    gone.kind = MediaKind::Image;
    gone.hash = QString(64, QLatin1Char('c'));
    gone.storedPath = m_dir.filePath(QStringLiteral("collected.png"));
    QVERIFY(!viewer.setAttachment(gone, m_store.get()));
    QVERIFY(!viewer.errorText().isEmpty());
}

void TestAttachments::screenshots()
{
    const QString damaged = m_dir.filePath(QStringLiteral("holiday-damaged.jpg"));
    QVERIFY(writeBytes(damaged, QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(100, 'x')));
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
        m_composer->clearAttachments();
        m_composer->setMediaInput(true, true);
        m_composer->setText(QStringLiteral("What happens in this clip, and what is in the photos?"));
        QVERIFY(attachAndWait(m_bigJpeg));
        QVERIFY(attachAndWait(m_largeAlphaPng));
        QVERIFY(attachAndWait(kVideo));
        m_composer->attachmentTray()->setDetail(0, QStringLiteral("high"));
        m_composer->attachFiles({damaged});
        QTRY_VERIFY_WITH_TIMEOUT(!m_composer->attachmentTray()->errorText().isEmpty(), kPrepareTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_composer->attachmentTray()->tileAt(2)->hasPicture(), 30000);
        // Left preparing for the picture (straight to the tray: a new batch would clear the error line).
        m_composer->attachmentTray()->addFile(m_bigJpeg, MediaKind::Image);
        const QString suffix = dark ? QStringLiteral("dark") : QStringLiteral("light");
        // As tall as the window would make it; laid out before the picture is taken.
        QApplication::processEvents();
        m_composer->resize(720, m_composer->sizeHint().height());
        QApplication::processEvents();
        QVERIFY(m_composer->grab().save(QStringLiteral("/tmp/attachui-composer-%1.png").arg(suffix)));
        QTRY_VERIFY_WITH_TIMEOUT(!m_composer->isPreparingAttachments(), kPrepareTimeoutMs);

        m_composer->clearAttachments();
        m_composer->setMediaInput(false, false);
        QVERIFY(attachAndWait(m_alphaPng));
        QApplication::processEvents();
        m_composer->resize(720, m_composer->sizeHint().height());
        QApplication::processEvents();
        QVERIFY(m_composer->grab().save(QStringLiteral("/tmp/attachui-nomodel-%1.png").arg(suffix)));
    }
}

QTEST_MAIN(TestAttachments)
#include "tst_attachments.moc"
