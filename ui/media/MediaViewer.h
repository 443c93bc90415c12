// Shows one image full size: fitted to the window, or at 100% with scroll bars (drag to pan), and saves it
// elsewhere. Opened by the window when an attachment (in the composer or in a sent message) is clicked.
// Videos are not shown here: they open in the VideoPlayer.
#pragma once

#include "media/Attachment.h"

#include <QByteArray>
#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;
class QToolButton;

namespace ark::media {
class AttachmentStore;
}

namespace ark::ui {

class ImageCanvas;

class MediaViewer : public QDialog
{
    Q_OBJECT
public:
    explicit MediaViewer(QWidget* parent = nullptr);

    // Loads the attachment's stored image (found by hash in `store` when given). False, with errorText()
    // shown in the dialog, for a video, a pasted URL or a file that cannot be read.
    bool setAttachment(const media::Attachment& attachment, const media::AttachmentStore* store = nullptr);
    // An image file on disk (a generated image, for example).
    bool setImageFile(const QString& path);
    // An image in memory; `bytes` (optional) are the encoded original that "Save as" writes unchanged.
    void setImage(const QImage& image, const QString& name = {}, const QByteArray& bytes = {});

    QImage image() const { return m_image; }
    QString errorText() const { return m_error; }

    bool fitToWindow() const { return m_fit; }
    // The scale the image is shown at now (1.0 at 100%).
    double zoomFactor() const;

    // Writes the image to `path`: the original bytes when the extension matches their format, else
    // re-encoded in the format the extension names. False with *error when it could not be written.
    bool saveTo(const QString& path, QString* error = nullptr) const;

    // For tests.
    QToolButton* zoomButton() const { return m_zoomButton; }
    QToolButton* saveButton() const { return m_saveButton; }
    QScrollArea* scrollArea() const { return m_scroll; }

public slots:
    void setFitToWindow(bool fit);
    void toggleZoom();
    void saveAs(); // asks where, then saveTo()

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showError(const QString& text);
    void updateInfo();
    void retranslate();

    QImage m_image;
    QByteArray m_bytes;
    QString m_name;
    QString m_note;
    QString m_error;
    bool m_fit = true;

    QScrollArea* m_scroll = nullptr;
    ImageCanvas* m_canvas = nullptr;
    QLabel* m_infoLabel = nullptr;
    QLabel* m_noteLabel = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QToolButton* m_zoomButton = nullptr;
    QToolButton* m_saveButton = nullptr;
};

} // namespace ark::ui
