// Placeholder: being written.
#include <QtTest>

class TstVideotasks : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstVideotasks)
#include "tst_videotasks.moc"
