// Placeholder: being written.
#include <QtTest>

class TstImagegenerationpanel : public QObject
{
    Q_OBJECT
};

QTEST_MAIN(TstImagegenerationpanel)
#include "tst_imagegenerationpanel.moc"
