// Placeholder: being written.
#include <QtTest>

class TstModelswitcher : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_MAIN(TstModelswitcher)
#include "tst_modelswitcher.moc"
