// Placeholder: being written.
#include <QtTest>

class TstExchangeinspector : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstExchangeinspector)
#include "tst_exchangeinspector.moc"
