// Placeholder: being written.
#include <QtTest>

class TstAttachmentstore : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstAttachmentstore)
#include "tst_attachmentstore.moc"
