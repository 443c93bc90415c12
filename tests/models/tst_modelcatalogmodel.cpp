// Placeholder: being written.
#include <QtTest>

class TstModelcatalogmodel : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstModelcatalogmodel)
#include "tst_modelcatalogmodel.moc"
