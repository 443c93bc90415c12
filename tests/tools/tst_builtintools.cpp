// Placeholder: being written.
#include <QtTest>

class TstBuiltintools : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstBuiltintools)
#include "tst_builtintools.moc"
