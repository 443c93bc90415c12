// Placeholder: being written.
#include <QtTest>

class TstReasoning : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstReasoning)
#include "tst_reasoning.moc"
