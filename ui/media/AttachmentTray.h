// The strip of attachments above the composer's text: one tile per image or video, a "Preparing…" tile
// while media::ImagePreparer works on a worker thread, and a line for what could not be attached.
//
// Images show their prepared thumbnail; videos show a poster frame grabbed off-screen with Qt Multimedia
// (VideoPosterGrabber, shared with the conversation's thumbnails) or a film icon with the duration when
// no frame comes. Each tile has a remove button, a badge when the file was changed to fit the limits (the
// full note is its tooltip), and an options chip (also the context menu) for an image's `detail` or a
// video's `fps`. Clicking a tile emits attachmentActivated() so the window can open the viewer or the
// player.
//
// Indices are tile indices: ready attachments and those still being prepared, in the order they were
// added. attachments() lists the ready ones in that order (the composer does not send while any is still
// being prepared, so at send time the two agree).
#pragma once

#include "media/Attachment.h"
#include "media/ImagePreparer.h"

#include <QFrame>
#include <QImage>
#include <QList>
#include <QPointer>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QHBoxLayout;
class QLabel;
class QMenu;
class QScrollArea;
class QTemporaryDir;
class QTimer;
class QToolButton;

namespace ark::media {
class AttachmentStore;
}

namespace ark::ui {

// One tile of the tray. Public so tests and the composer can look at what it shows.
class AttachmentTile : public QFrame
{
    Q_OBJECT
public:
    enum class State { Preparing, Ready };

    explicit AttachmentTile(QWidget* parent = nullptr);

    void setPreparing(const QString& name, media::MediaKind kind);
    // `badge` is a word or two ("downscaled"); the tooltip carries the whole story.
    void setReady(const media::Attachment& attachment, const QImage& thumbnail, const QString& badge,
                  const QString& toolTip);
    void setOptionText(const QString& text, const QString& toolTip);
    // A video's first frame; a null image means none will come (the film icon stays).
    void setPoster(const QImage& poster);

    State state() const { return m_state; }
    media::MediaKind kind() const { return m_kind; }
    QString badgeText() const { return m_badge; }
    QString durationText() const;
    bool hasPicture() const { return !m_picture.isNull(); }
    QImage picture() const { return m_picture; }
    QToolButton* removeButton() const { return m_removeButton; }
    QToolButton* optionsButton() const { return m_optionsButton; }

    QSize sizeHint() const override;

signals:
    void removeRequested();
    void activated();
    void optionsRequested(const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeButtons();
    void paintPlaceholder(QPainter& painter, const QRect& area) const;

    State m_state = State::Preparing;
    media::MediaKind m_kind = media::MediaKind::Image;
    QString m_name;
    QString m_badge;
    QString m_remoteHost;
    std::optional<double> m_duration;
    QImage m_picture;
    QToolButton* m_removeButton = nullptr;
    QToolButton* m_optionsButton = nullptr;
    QTimer* m_spinner = nullptr;
    int m_spinnerAngle = 0;
    bool m_pressed = false;
};

class AttachmentTray : public QWidget
{
    Q_OBJECT
public:
    explicit AttachmentTray(QWidget* parent = nullptr);
    ~AttachmentTray() override;

    // Where prepared files are stored (not owned; must outlive the tray). Until one is set, files go to a
    // temporary folder that lives as long as the tray, so a tray used on its own still works.
    void setStore(media::AttachmentStore* store);
    media::AttachmentStore* store() const;
    // Applies to files attached from now on. The default limits images to media::limits::kMaxPixelLimit,
    // the most any detail setting lets the model see: every turn re-sends every image, so sending more
    // only makes requests bigger.
    void setPreparerOptions(const media::ImagePreparer::Options& options);
    media::ImagePreparer::Options preparerOptions() const;

    // What kind of media a file is, from its first bytes (or its extension when those say nothing);
    // nullopt with a person-readable *why when it is not an image or video Ark accepts (or not a file).
    static std::optional<media::MediaKind> kindOfFile(const QString& path, QString* why = nullptr);

    // Each shows a "Preparing…" tile at once and returns; the tile turns into the attachment or goes away
    // with a message on the error line. `kind` is what kindOfFile() said.
    void addFile(const QString& path, media::MediaKind kind);
    void addImage(const QImage& image, const QString& name = {});
    // An attachment that needs no preparation (a pasted http(s) URL, a draft restored from elsewhere).
    void addAttachment(const media::Attachment& attachment, const QImage& thumbnail = {});

    QList<media::Attachment> attachments() const;
    int count() const { return int(m_entries.size()); } // tiles, preparing ones included
    bool isEmpty() const { return m_entries.empty(); }
    bool isPreparing() const;
    int preparingCount() const;
    // Whether any tile (preparing ones included) is of this kind.
    bool contains(media::MediaKind kind) const;

    // Per-attachment request options; ignored for a tile still being prepared.
    void setDetail(int index, const QString& detail);               // "", "low", "high", "auto"
    void setFps(int index, std::optional<double> fps);              // clamped to 0.2 .. 5; nullopt = default
    std::optional<media::Attachment> attachmentAt(int index) const; // nullopt while preparing
    void removeAt(int index);                                       // cancels the preparation of that tile
    void clear();                                                   // every tile, preparations cancelled

    // The error line: what could not be attached, naming the limit. Messages pile up until the person
    // dismisses them or clearErrors() is called (the composer does so for each new batch of files).
    void showError(const QString& message);
    void clearErrors();
    QString errorText() const;

    // A problem that blocks sending these attachments as they are (the 64 MB request body); "" when none.
    QString blockingProblem() const;

    // For tests and keyboard handling.
    AttachmentTile* tileAt(int index) const;
    QLabel* errorLabel() const { return m_errorLabel; }
    // The options menu of a tile (detail or fps); the caller owns it. nullptr while preparing.
    QMenu* createOptionsMenu(int index, QWidget* parent = nullptr);

signals:
    // The ready attachments or their options changed.
    void attachmentsChanged();
    void attachmentActivated(const ark::media::Attachment& attachment);
    void preparingChanged(bool preparing);
    // Anything the tray shows changed (tiles, preparing state, error line): the composer re-lays itself out.
    void contentChanged();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Entry
    {
        int requestId = 0; // > 0 while preparing
        media::MediaKind kind = media::MediaKind::Image;
        std::optional<media::Attachment> attachment; // set once ready
        QImage thumbnail;
        QString badge;
        QStringList warnings; // from the preparation: unknown duration, unverifiable pixel size, ...
        AttachmentTile* tile = nullptr;
    };

    void onPrepared(int requestId, const media::PreparedAttachment& result);
    void onFailed(int requestId, const QString& message);
    AttachmentTile* addTile(Entry& entry);
    void refreshTile(const Entry& entry);
    int indexOfTile(const QObject* tile) const;
    int indexOfRequest(int requestId) const;
    void grabPoster(AttachmentTile* tile, const QString& path);
    void showOptionsMenu(int index, const QPoint& globalPos);
    void setPreparingState();
    void updateErrorLine();
    void updateStripHeight();

    media::ImagePreparer* m_preparer = nullptr;
    media::AttachmentStore* m_store = nullptr;
    mutable std::unique_ptr<QTemporaryDir> m_fallbackDir; // made on first use by store()
    mutable std::unique_ptr<media::AttachmentStore> m_fallbackStore;
    std::vector<Entry> m_entries;
    QStringList m_errors;
    bool m_wasPreparing = false;

    QScrollArea* m_scroll = nullptr;
    QWidget* m_strip = nullptr;
    QHBoxLayout* m_stripLayout = nullptr;
    QWidget* m_errorRow = nullptr;
    QLabel* m_errorLabel = nullptr;
    QToolButton* m_dismissButton = nullptr;
};

} // namespace ark::ui
