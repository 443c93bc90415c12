// Placeholder: being written.
#include <QtTest>

class TstAttachments : public QObject
{
    Q_OBJECT
};

QTEST_MAIN(TstAttachments)
#include "tst_attachments.moc"
