// Placeholder: being written.
#include <QtTest>

class TstToolcalllistmodel : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstToolcalllistmodel)
#include "tst_toolcalllistmodel.moc"
