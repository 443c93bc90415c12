// Placeholder: being written.
#include <QtTest>

class TstVideotaskstore : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstVideotaskstore)
#include "tst_videotaskstore.moc"
