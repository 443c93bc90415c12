// Placeholder: being written.
#include <QtTest>

class TstTokenestimator : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstTokenestimator)
#include "tst_tokenestimator.moc"
