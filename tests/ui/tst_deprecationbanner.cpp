// Placeholder: being written.
#include <QtTest>

class TstDeprecationbanner : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstDeprecationbanner)
#include "tst_deprecationbanner.moc"
