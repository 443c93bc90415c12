// Placeholder: being written.
#include <QtTest>

class TstVideoprobe : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstVideoprobe)
#include "tst_videoprobe.moc"
