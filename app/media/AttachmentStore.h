// Attachment files stored once by content: the same photo attached to ten messages is one file.
//
// Layout: <root>/<first two hex digits>/<sha-256 hex>.<extension>, e.g.
//   attachments/3f/3fa9…e1.jpg
// The extension (from the MIME type) only helps people and players that look at names; the hash alone
// identifies the file. The two-digit folders keep each directory small, so pathFor() stays cheap.
//
// Files are written atomically (QSaveFile): a crash never leaves a half file under a hash name. All methods
// are reentrant and may be called from worker threads (ImagePreparer stores on its pool); the object itself
// holds only the root path.
//
// Garbage collection is the caller's decision: collectGarbage() removes every stored file whose hash is not
// in the set it is given, so that set must include the hashes of messages in the database AND of attachments
// still waiting in a composer (stored but not yet sent).
#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ark::media {

class AttachmentStore
{
public:
    // The app passes QStandardPaths::AppDataLocation + "/attachments"; the folder is created on first store.
    explicit AttachmentStore(QString rootPath);

    QString rootPath() const { return m_root; }

    // Lowercase hex SHA-256 of the bytes: the name a file is stored under.
    static QString hashOf(const QByteArray& bytes);
    // True when text is 64 lowercase hex digits.
    static bool isHash(const QString& text);

    // Stores the bytes (unless a file with the same hash is there already) and returns its absolute path;
    // "" on failure with the reason in *error. *hash receives the content hash.
    QString store(const QByteArray& bytes, const QString& mime, QString* error = nullptr,
                  QString* hash = nullptr);
    // Same for a file on disk (a video), read in blocks so a 50 MB file is not held twice in memory.
    QString storeFile(const QString& sourcePath, const QString& mime, QString* error = nullptr,
                      QString* hash = nullptr);

    // The stored file for a hash, "" when there is none.
    QString pathFor(const QString& hash) const;
    bool contains(const QString& hash) const { return !pathFor(hash).isEmpty(); }
    // Every hash stored now.
    QSet<QString> storedHashes() const;

    // Removes the stored files whose hash is not referenced and the folders left empty; files that are not
    // named by a hash (temporary files of a store in progress, anything else) are left alone.
    // Returns how many files were removed; *removed receives their paths.
    int collectGarbage(const QSet<QString>& referencedHashes, QStringList* removed = nullptr);

private:
    QString targetPath(const QString& hash, const QString& mime) const;

    QString m_root;
};

} // namespace ark::media
