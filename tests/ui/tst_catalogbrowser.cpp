// Placeholder: being written.
#include <QtTest>

class TstCatalogbrowser : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstCatalogbrowser)
#include "tst_catalogbrowser.moc"
