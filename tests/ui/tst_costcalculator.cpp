// Placeholder: being written.
#include <QtTest>

class TstCostcalculator : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstCostcalculator)
#include "tst_costcalculator.moc"
