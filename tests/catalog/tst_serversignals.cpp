// Placeholder: being written.
#include <QtTest>

class TstServersignals : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstServersignals)
#include "tst_serversignals.moc"
