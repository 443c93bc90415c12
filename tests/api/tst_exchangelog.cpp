// Placeholder: being written.
#include <QtTest>

class TstExchangelog : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstExchangelog)
#include "tst_exchangelog.moc"
