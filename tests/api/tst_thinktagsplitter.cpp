// Placeholder: being written.
#include <QtTest>

class TstThinktagsplitter : public QObject
{
    Q_OBJECT
private slots:
    void pending() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(TstThinktagsplitter)
#include "tst_thinktagsplitter.moc"
