// Placeholder: being written.
#include <QtTest>

class TstHistoryloader : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstHistoryloader)
#include "tst_historyloader.moc"
