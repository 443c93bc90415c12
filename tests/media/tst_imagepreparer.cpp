// Placeholder: being written.
#include <QtTest>

class TstImagepreparer : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstImagepreparer)
#include "tst_imagepreparer.moc"
