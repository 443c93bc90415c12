// Placeholder: being written.
#include <QtTest>

class TstTokenmeter : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstTokenmeter)
#include "tst_tokenmeter.moc"
