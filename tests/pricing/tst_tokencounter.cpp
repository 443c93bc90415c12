// Placeholder: being written.
#include <QtTest>

class TstTokencounter : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstTokencounter)
#include "tst_tokencounter.moc"
