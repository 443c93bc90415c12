// Placeholder: being written.
#include <QtTest>

class TstToolschema : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstToolschema)
#include "tst_toolschema.moc"
