// Placeholder: being written.
#include <QtTest>

class TstCli_models : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstCli_models)
#include "tst_cli_models.moc"
