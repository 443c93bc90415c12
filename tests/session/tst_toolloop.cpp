// Placeholder: being written.
#include <QtTest>

class TstToolloop : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstToolloop)
#include "tst_toolloop.moc"
