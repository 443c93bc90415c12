// Placeholder: being written.
#include <QtTest>

class TstCatalog : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstCatalog)
#include "tst_catalog.moc"
