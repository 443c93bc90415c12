// Placeholder: being written.
#include <QtTest>

class TstUsageledger : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstUsageledger)
#include "tst_usageledger.moc"
