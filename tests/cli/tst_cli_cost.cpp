// Placeholder: being written.
#include <QtTest>

class TstCli_cost : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstCli_cost)
#include "tst_cli_cost.moc"
