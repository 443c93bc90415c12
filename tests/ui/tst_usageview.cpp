// Placeholder: being written.
#include <QtTest>

class TstUsageview : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstUsageview)
#include "tst_usageview.moc"
