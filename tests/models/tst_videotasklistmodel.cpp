// Placeholder: being written.
#include <QtTest>

class TstVideotasklistmodel : public QObject
{
    Q_OBJECT
};

QTEST_MAIN(TstVideotasklistmodel)
#include "tst_videotasklistmodel.moc"
