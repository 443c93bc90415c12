#include "media/AttachmentStore.h"

#include "media/MediaLimits.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace ark::media {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ark::media::AttachmentStore", text);
}

void setError(QString* error, const QString& text)
{
    if (error)
        *error = text;
}

// A stored file's name is "<hash>" or "<hash>.<ext>"; anything else is not ours to collect.
QString hashFromFileName(const QString& fileName)
{
    const QString base = fileName.section(QLatin1Char('.'), 0, 0);
    const QString extension = fileName.mid(base.size() + 1);
    if (!AttachmentStore::isHash(base))
        return {};
    // QSaveFile's temporary files ("<hash>.jpg.Ab12Cd") must never look like stored files.
    if (fileName.size() > base.size() && !formatForExtension(extension))
        return {};
    return base;
}

} // namespace

AttachmentStore::AttachmentStore(QString rootPath) : m_root(QDir::cleanPath(std::move(rootPath))) {}

QString AttachmentStore::hashOf(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool AttachmentStore::isHash(const QString& text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QString AttachmentStore::targetPath(const QString& hash, const QString& mime) const
{
    QString name = hash;
    if (const MediaFormat* format = formatForMime(mime))
        name += QLatin1Char('.') + format->extensions.constFirst();
    return m_root + QLatin1Char('/') + hash.left(2) + QLatin1Char('/') + name;
}

QString AttachmentStore::store(const QByteArray& bytes, const QString& mime, QString* error, QString* hash)
{
    const QString digest = hashOf(bytes);
    if (hash)
        *hash = digest;
    const QString existing = pathFor(digest);
    if (!existing.isEmpty())
        return existing;
    const QString path = targetPath(digest, mime);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        setError(error,
                 tr("The attachment folder %1 could not be created.").arg(QFileInfo(path).absolutePath()));
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        setError(error, tr("The attachment could not be saved to %1: %2").arg(path, file.errorString()));
        return {};
    }
    return path;
}

QString AttachmentStore::storeFile(const QString& sourcePath, const QString& mime, QString* error,
                                   QString* hash)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        setError(error, tr("%1 could not be opened: %2").arg(sourcePath, source.errorString()));
        return {};
    }
    QCryptographicHash sha(QCryptographicHash::Sha256);
    if (!sha.addData(&source)) {
        setError(error, tr("%1 could not be read: %2").arg(sourcePath, source.errorString()));
        return {};
    }
    const QString digest = QString::fromLatin1(sha.result().toHex());
    if (hash)
        *hash = digest;
    const QString existing = pathFor(digest);
    if (!existing.isEmpty())
        return existing;

    const QString path = targetPath(digest, mime);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        setError(error,
                 tr("The attachment folder %1 could not be created.").arg(QFileInfo(path).absolutePath()));
        return {};
    }
    QSaveFile target(path);
    if (!target.open(QIODevice::WriteOnly) || !source.seek(0)) {
        setError(error, tr("The attachment could not be saved to %1: %2").arg(path, target.errorString()));
        return {};
    }
    QCryptographicHash check(QCryptographicHash::Sha256);
    while (!source.atEnd()) {
        const QByteArray block = source.read(1 << 20);
        if (block.isEmpty() || target.write(block) != block.size()) {
            target.cancelWriting();
            setError(error, tr("The attachment could not be copied to %1.").arg(path));
            return {};
        }
        check.addData(block);
    }
    // The source may have changed between hashing and copying (a file still being written): never store
    // bytes under a hash they do not have.
    if (check.result() != sha.result()) {
        target.cancelWriting();
        setError(error, tr("%1 changed while it was being copied; try again.").arg(sourcePath));
        return {};
    }
    if (!target.commit()) {
        setError(error, tr("The attachment could not be saved to %1: %2").arg(path, target.errorString()));
        return {};
    }
    return path;
}

QString AttachmentStore::pathFor(const QString& hash) const
{
    if (!isHash(hash))
        return {};
    const QDir folder(m_root + QLatin1Char('/') + hash.left(2));
    const QStringList names = folder.entryList({hash, hash + QStringLiteral(".*")}, QDir::Files);
    for (const QString& name : names) {
        if (hashFromFileName(name) == hash)
            return folder.filePath(name);
    }
    return {};
}

QSet<QString> AttachmentStore::storedHashes() const
{
    QSet<QString> hashes;
    QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QString hash = hashFromFileName(it.fileName());
        if (!hash.isEmpty())
            hashes.insert(hash);
    }
    return hashes;
}

int AttachmentStore::collectGarbage(const QSet<QString>& referencedHashes, QStringList* removed)
{
    int count = 0;
    const QDir root(m_root);
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& folderName : folders) {
        QDir folder(root.filePath(folderName));
        const QStringList names = folder.entryList(QDir::Files | QDir::Hidden);
        for (const QString& name : names) {
            const QString hash = hashFromFileName(name);
            if (hash.isEmpty() || hash.left(2) != folderName || referencedHashes.contains(hash))
                continue;
            if (folder.remove(name)) {
                ++count;
                if (removed)
                    *removed << folder.filePath(name);
            }
        }
        // Empty folders stay: removing one could race with a store() on another thread that has just
        // created it, and there are at most 256 of them.
    }
    return count;
}

} // namespace ark::media
