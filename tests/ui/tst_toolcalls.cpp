// Placeholder: being written.
#include <QtTest>

class TstToolcalls : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstToolcalls)
#include "tst_toolcalls.moc"
