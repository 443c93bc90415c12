// Placeholder: being written.
#include <QtTest>

class TstVideoplayer : public QObject
{
    Q_OBJECT
};

QTEST_MAIN(TstVideoplayer)
#include "tst_videoplayer.moc"
