// Placeholder: being written.
#include <QtTest>

class TstEndpointregistry : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstEndpointregistry)
#include "tst_endpointregistry.moc"
