// Placeholder: being written.
#include <QtTest>

class TstVideotaskpane : public QObject
{
    Q_OBJECT
};

QTEST_MAIN(TstVideotaskpane)
#include "tst_videotaskpane.moc"
