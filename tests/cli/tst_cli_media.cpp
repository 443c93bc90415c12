// Placeholder: being written.
#include <QtTest>

class TstCliMedia : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstCliMedia)
#include "tst_cli_media.moc"
