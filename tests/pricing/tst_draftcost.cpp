// Placeholder: being written.
#include <QtTest>

class TstDraftcost : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstDraftcost)
#include "tst_draftcost.moc"
