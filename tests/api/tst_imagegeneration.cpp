// Placeholder: being written.
#include <QtTest>

class TstImagegeneration : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstImagegeneration)
#include "tst_imagegeneration.moc"
