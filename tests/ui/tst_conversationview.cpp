// The conversation pane: Markdown rendering, the message delegate's layout cache and buttons, the
// view's following of the end while an answer streams. A QStandardItemModel with MessageListModel's
// roles stands in for the real model, so every case controls exactly what the view sees.
#include "conversation/ConversationView.h"
#include "conversation/MarkdownRenderer.h"
#include "conversation/MessageDelegate.h"
#include "media/Attachment.h"
#include "models/MessageListModel.h"
#include "store/StoreTypes.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QtTest>

using namespace ark;
using ark::ui::ConversationView;
using ark::ui::MarkdownRenderer;
using ark::ui::MessageDelegate;
using Roles = ark::models::MessageListModel::Roles;
using Action = MessageDelegate::Action;

namespace {

struct Message
{
    qint64 id = 0;
    api::Role role = api::Role::Assistant;
    QString content;
    store::MessageState state = store::MessageState::Complete;
    QString model = QStringLiteral("doubao-seed-1-6");
    qint64 promptTokens = -1, completionTokens = -1, reasoningTokens = -1;
    QString finishReason;
    bool streaming = false;
    QString reasoning;
    QString errorMessage, errorCode, requestId;
    int branchIndex = 0, branchCount = 1;
    qint64 cachedTokens = -1;
    QString costText;
    QVariantList toolCalls;       // as ToolCallsRole gives them
    QString toolCallId, toolName; // a tool result
};

quint64 g_revision = 1;

QStandardItem* makeItem(const Message& m)
{
    auto* item = new QStandardItem;
    item->setData(m.id, Roles::MessageIdRole);
    item->setData(int(m.role), Roles::RoleRole);
    item->setData(m.content, Roles::ContentRole);
    item->setData(m.reasoning, Roles::ReasoningRole);
    item->setData(m.model, Roles::ModelRole);
    item->setData(QDateTime::currentDateTimeUtc(), Roles::CreatedAtRole);
    item->setData(m.promptTokens, Roles::PromptTokensRole);
    item->setData(m.completionTokens, Roles::CompletionTokensRole);
    item->setData(m.reasoningTokens, Roles::ReasoningTokensRole);
    item->setData(m.cachedTokens, Roles::CachedTokensRole);
    item->setData(m.finishReason, Roles::FinishReasonRole);
    item->setData(int(m.state), Roles::StateRole);
    item->setData(m.streaming, Roles::IsStreamingRole);
    item->setData(m.errorMessage, Roles::ErrorMessageRole);
    item->setData(m.errorCode, Roles::ErrorCodeRole);
    item->setData(QString(), Roles::ErrorKindRole);
    item->setData(m.requestId, Roles::RequestIdRole);
    item->setData(m.branchIndex, Roles::BranchIndexRole);
    item->setData(m.branchCount, Roles::BranchCountRole);
    item->setData(m.toolCalls, Roles::ToolCallsRole);
    item->setData(m.costText, Roles::CostTextRole);
    item->setData(m.toolCallId, Roles::ToolCallIdRole);
    item->setData(m.toolName, Roles::ToolNameRole);
    item->setData(g_revision++, Roles::RevisionRole);
    return item;
}

Message user(qint64 id, const QString& text)
{
    Message m;
    m.id = id;
    m.role = api::Role::User;
    m.content = text;
    return m;
}

Message answer(qint64 id, const QString& text)
{
    Message m;
    m.id = id;
    m.content = text;
    m.promptTokens = 12;
    m.completionTokens = 30;
    m.finishReason = QStringLiteral("stop");
    return m;
}

// What streaming does to a row: more text and a new revision in one change.
void appendText(QStandardItemModel* model, int row, const QString& text)
{
    QStandardItem* item = model->item(row);
    item->setData(item->data(Roles::ContentRole).toString() + text, Roles::ContentRole);
    item->setData(g_revision++, Roles::RevisionRole);
}

QVariantMap toolCall(const QString& id, const QString& name, const QString& arguments, bool answered)
{
    return QVariantMap{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("arguments"), arguments},
                       {QStringLiteral("answered"), answered}};
}

Message toolResult(qint64 id, const QString& callId, const QString& name, const QString& text)
{
    Message m;
    m.id = id;
    m.role = api::Role::Tool;
    m.content = text;
    m.model.clear();
    m.toolCallId = callId;
    m.toolName = name;
    return m;
}

// An answer that called two tools; the first call has its result below it.
QList<Message> toolRound()
{
    Message calling = answer(2, QStringLiteral("Let me look that up."));
    calling.toolCalls = {toolCall(QStringLiteral("call_weather"), QStringLiteral("get_weather"),
                                  QStringLiteral("{\"city\": \"Beijing\", \"unit\": \"celsius\"}"), true),
                         toolCall(QStringLiteral("call_calc"), QStringLiteral("calculator"),
                                  QStringLiteral("{\"expression\": \"(2+3)*4\"}"), false)};
    calling.finishReason = QStringLiteral("tool_calls");
    return {user(1, QStringLiteral("Weather in Beijing, and what is (2+3)*4?")), calling,
            toolResult(3, QStringLiteral("call_weather"), QStringLiteral("get_weather"),
                       QStringLiteral("{\"city\": \"Beijing\", \"temperature\": 21, \"sky\": \"clear\"}"))};
}

// Pixels of `rect` in `image` that differ from `colour`.
int pixelsOtherThan(const QImage& image, const QRect& rect, const QColor& colour)
{
    int count = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (image.pixelColor(x, y) != colour)
                ++count;
    return count;
}

const QString kRichAnswer = QStringLiteral(
    "Here is a **comparison** of the two options, with a [link](https://example.org/docs):\n\n"
    "| Option | Latency | Cost |\n|---|---:|---:|\n| Streaming | 120 ms | low |\n| Batch | 2 s | lower |\n\n"
    "```python\ndef greet(name):\n    return f\"Hello, {name}!\"\n\nprint(greet(\"Ark\"))\n```\n\n"
    "- first point with `inline code`\n- second point\n");

} // namespace

class TestConversationView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void codeBlocks_data();
    void codeBlocks();
    void plainText_data();
    void plainText();
    void chunksRenderLikeTheWhole();
    void codeBlockHasBackgroundAndPadding();
    void darkPaletteKeepsCodeDistinct();
    void sizesArePositiveAndGrowWithContent();
    void layoutIsCachedWhileScrolling();
    void streamingFollowsTheEnd();
    void streamingRerendersOnlyTheTail();
    void scrolledUpStaysAndJumpButtonReturns();
    void hoverActionsEmitIds_data();
    void hoverActionsEmitIds();
    void branchSwitcherSteps();
    void copyPutsMarkdownOnClipboard();
    void codeCopyButtonCopiesCode();
    void linkClickEmitsUrl();
    void errorCardShowsMessageAndRetries();
    void interruptedAndFooterTexts();
    void thinkingLineWhileReasoning();
    void keyboardMovesAndCopies();
    void longConversationLaysOutLazily();
    void refiningKeepsTheReadingPosition();
    void toolCallCardsArePaintedAndClickable();
    void toolCallCardStates_data();
    void toolCallCardStates();
    void toolResultIsCompact();
    void enterActivatesToolCall();
    void costAndCachedTokensInFooter();
    void realModelCostFormatterRefreshesLayouts();
    void realModelStreams();
    void screenshot();
    void toolCallScreenshot();
    void attachmentsFromAnyModel();

private:
    ConversationView* makeView(const QList<Message>& messages, QSize size = QSize(720, 600));
    void clickAt(ConversationView* view, const QPoint& pos);

    QStandardItemModel* m_model = nullptr;
    ConversationView* m_view = nullptr;
};

void TestConversationView::init()
{
    m_model = new QStandardItemModel;
}

void TestConversationView::cleanup()
{
    delete m_view;
    m_view = nullptr;
    delete m_model;
    m_model = nullptr;
}

ConversationView* TestConversationView::makeView(const QList<Message>& messages, QSize size)
{
    for (const Message& m : messages)
        m_model->appendRow(makeItem(m));
    m_view = new ConversationView;
    m_view->resize(size);
    m_view->setModel(m_model);
    m_view->show();
    if (!QTest::qWaitForWindowExposed(m_view))
        qWarning("window not exposed");
    QCoreApplication::processEvents();
    return m_view;
}

void TestConversationView::clickAt(ConversationView* view, const QPoint& pos)
{
    QTest::mouseMove(view->viewport(), pos);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
}

// ---- Markdown ---------------------------------------------------------------------------------

void TestConversationView::codeBlocks_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("languages");
    QTest::addColumn<QStringList>("codes");

    QTest::newRow("none") << QStringLiteral("Just `inline` code.") << QStringList() << QStringList();
    QTest::newRow("one") << QStringLiteral("Text\n\n```cpp\nint a;\n\nint b;\n```\nafter")
                         << QStringList{QStringLiteral("cpp")}
                         << QStringList{QStringLiteral("int a;\n\nint b;")};
    QTest::newRow("two adjacent same language") << QStringLiteral("```bash\nls\n```\n\n```bash\npwd\n```\n")
                                                << QStringList{QStringLiteral("bash"), QStringLiteral("bash")}
                                                << QStringList{QStringLiteral("ls"), QStringLiteral("pwd")};
    QTest::newRow("tilde fence, info string")
        << QStringLiteral("~~~~ js title=x\nlet a = 1;\n~~~~\n") << QStringList{QStringLiteral("js")}
        << QStringList{QStringLiteral("let a = 1;")};
    QTest::newRow("inside a list") << QStringLiteral(
                                          "1. step\n\n   ```sh\n   make\n     -j2\n   ```\n2. next\n")
                                   << QStringList{QStringLiteral("sh")}
                                   << QStringList{QStringLiteral("make\n  -j2")};
    QTest::newRow("unclosed while streaming")
        << QStringLiteral("Start:\n```py\nx = 1\ny = ") << QStringList{QStringLiteral("py")}
        << QStringList{QStringLiteral("x = 1\ny = ")};
    QTest::newRow("longer closing fence, inner backticks")
        << QStringLiteral("````md\n```\nnested\n```\n`````\n") << QStringList{QStringLiteral("md")}
        << QStringList{QStringLiteral("```\nnested\n```")};
}

void TestConversationView::codeBlocks()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, languages);
    QFETCH(QStringList, codes);
    const QList<ui::CodeBlock> blocks = MarkdownRenderer::codeBlocks(markdown);
    QCOMPARE(blocks.size(), languages.size());
    for (int i = 0; i < blocks.size(); ++i) {
        QCOMPARE(blocks.at(i).language, languages.at(i));
        QCOMPARE(blocks.at(i).code, codes.at(i));
    }
    // The rendered document finds the same fenced blocks, in the same order, with the same code.
    MarkdownRenderer renderer;
    const ui::RenderedMarkdown rendered = renderer.render(markdown, 500);
    QList<ui::RenderedCodeBlock> fenced;
    for (const auto& b : rendered.codeBlocks) {
        if (b.fenceIndex >= 0)
            fenced.append(b);
    }
    QCOMPARE(fenced.size(), blocks.size());
    for (int i = 0; i < fenced.size(); ++i) {
        QCOMPARE(fenced.at(i).fenceIndex, i);
        QCOMPARE(fenced.at(i).block.code, codes.at(i));
        QVERIFY(fenced.at(i).rect.height() > 0);
    }
}

void TestConversationView::plainText_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");

    QTest::newRow("emphasis and link") << QStringLiteral("Some **bold** and [a link](https://x.org).")
                                       << QStringLiteral("Some bold and a link.");
    QTest::newRow("heading and paragraphs")
        << QStringLiteral("# Title\n\nFirst.\n\nSecond.") << QStringLiteral("Title\n\nFirst.\n\nSecond.");
    QTest::newRow("bullets") << QStringLiteral("Intro\n\n- one\n- two\n\nOutro")
                             << QStringLiteral("Intro\n\n\u2022 one\n\u2022 two\n\nOutro");
    QTest::newRow("numbers") << QStringLiteral("1. one\n2. two") << QStringLiteral("1. one\n2. two");
    QTest::newRow("tasks") << QStringLiteral("- [x] done\n- [ ] todo")
                           << QStringLiteral("[x] done\n[ ] todo");
    QTest::newRow("code block verbatim") << QStringLiteral("Run:\n\n```sh\nmake\n\nmake test\n```\nDone.")
                                         << QStringLiteral("Run:\n\nmake\n\nmake test\n\nDone.");
    QTest::newRow("table") << QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |")
                           << QStringLiteral("a\tb\n1\t2");
}

void TestConversationView::plainText()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    QCOMPARE(MarkdownRenderer::toPlainText(markdown), expected);
}

void TestConversationView::chunksRenderLikeTheWhole()
{
    QString markdown;
    for (int i = 0; i < 8; ++i)
        markdown += QStringLiteral("## Part %1\n\n").arg(i) + kRichAnswer +
                    QStringLiteral("\n```\nfenced\n\nwith a blank line\n```\n\n1. one\n\n2. two\n\n");
    const QStringList chunks = MarkdownRenderer::splitIntoChunks(markdown, 600);
    QVERIFY2(chunks.size() > 3,
             qPrintable(QStringLiteral("%1 pieces of %2").arg(chunks.size()).arg(markdown.size())));
    QCOMPARE(chunks.join(QString()), markdown);
    qsizetype fences = 0;
    for (const QString& chunk : chunks)
        fences += MarkdownRenderer::codeBlocks(chunk).size();
    QCOMPARE(fences, MarkdownRenderer::codeBlocks(markdown).size()); // no cut inside a fence

    // Appending never moves an earlier cut: every prefix splits into the same leading pieces.
    for (int length = 50; length < markdown.size(); length += 97) {
        const QStringList partial = MarkdownRenderer::splitIntoChunks(markdown.left(length), 600);
        for (int i = 0; i + 1 < partial.size(); ++i)
            QCOMPARE(partial.at(i), chunks.at(i));
    }

    // Stacked with collapsing margins, the pieces are as tall as the whole.
    MarkdownRenderer renderer;
    ui::RenderedMarkdown previous = renderer.render(chunks.at(0), 500);
    qreal y = 0;
    for (int i = 1; i < chunks.size(); ++i) {
        const ui::RenderedMarkdown piece = renderer.render(chunks.at(i), 500);
        y = MarkdownRenderer::stackedY(previous, y, piece);
        previous = piece;
    }
    const qreal stacked = y + previous.height;
    QVERIFY2(std::abs(stacked - renderer.render(markdown, 500).height) <= 1.0,
             qPrintable(QStringLiteral("%1 vs %2").arg(stacked).arg(renderer.render(markdown, 500).height)));

    // Reference-style links may be used before their definition: such text stays whole.
    const QString withReference = markdown + QStringLiteral("\n[docs]: https://example.org\n");
    QCOMPARE(MarkdownRenderer::splitIntoChunks(withReference, 600).size(), 1);
}

void TestConversationView::codeBlockHasBackgroundAndPadding()
{
    MarkdownRenderer renderer;
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    renderer.setPalette(palette);
    const QString markdown = QStringLiteral("Before\n\n```cpp\nint x = 42;\n```\n\nAfter");
    const ui::RenderedMarkdown rendered = renderer.render(markdown, 400);
    QCOMPARE(rendered.codeBlocks.size(), 1);

    // The document's own formats carry the tint (anything drawing the document shows it)...
    bool tintedCodeBlock = false;
    for (QTextBlock b = rendered.document->begin(); b.isValid(); b = b.next()) {
        if (b.text() == QLatin1String("int x = 42;")) {
            QCOMPARE(b.blockFormat().background().color(), renderer.codeBackground());
            QVERIFY(b.blockFormat().leftMargin() > 0); // padding inside the box
            QVERIFY(b.charFormat().fontFixedPitch() || b.begin().fragment().charFormat().fontFixedPitch());
            tintedCodeBlock = true;
        }
    }
    QVERIFY(tintedCodeBlock);

    // ...and painting shows a box larger than the text: pixels in the padding are tinted.
    QImage image(400, int(rendered.height) + 2, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.paint(&painter, rendered, QPointF(0, 0));
    painter.end();
    const QRectF box = rendered.codeBlocks.first().rect;
    const QColor inPadding = image.pixelColor(int(box.left()) + 4, int(box.bottom()) - 3);
    QCOMPARE(inPadding.rgb(), renderer.codeBackground().rgb());
    QVERIFY(renderer.codeBackground() != QColor(Qt::white));
    const QColor outside = image.pixelColor(int(box.left()) + 4, int(box.bottom()) + 3);
    QCOMPARE(outside.rgb(), QColor(Qt::white).rgb());
    QVERIFY(box.top() > 0); // "Before" is above the box, not under it
}

void TestConversationView::darkPaletteKeepsCodeDistinct()
{
    MarkdownRenderer renderer;
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Link, QColor(0x00, 0x00, 0xff));
    renderer.setPalette(dark);
    QVERIFY(renderer.codeBackground().lightness() > dark.color(QPalette::Base).lightness());
    QVERIFY(renderer.codeBackground().lightness() < 128);
    QVERIFY(renderer.linkColor().lightness() > QColor(0, 0, 0xff).lightness()); // readable on dark
}

// ---- Delegate ---------------------------------------------------------------------------------

void TestConversationView::sizesArePositiveAndGrowWithContent()
{
    makeView({user(1, QStringLiteral("Hi")), answer(2, QStringLiteral("Short answer.")),
              answer(3, QStringLiteral("Long answer.\n\n") + kRichAnswer + kRichAnswer)});
    MessageDelegate* d = m_view->messageDelegate();
    const int w = d->layoutWidth();
    QVERIFY(w > 0);
    const int h1 = d->heightFor(m_model->index(0, 0), w);
    const int h2 = d->heightFor(m_model->index(1, 0), w);
    const int h3 = d->heightFor(m_model->index(2, 0), w);
    QVERIFY(h1 > 0);
    QVERIFY(h2 > 0);
    QVERIFY2(h3 > h2 * 3, qPrintable(QStringLiteral("%1 vs %2").arg(h3).arg(h2)));
    // The view uses those heights, and narrower means taller.
    QCOMPARE(m_view->visualRect(m_model->index(2, 0)).height(), h3);
    QVERIFY(d->heightFor(m_model->index(2, 0), w / 2) > h3);

    // Width change: the view re-measures.
    m_view->resize(360, 600);
    QTRY_COMPARE(m_view->visualRect(m_model->index(2, 0)).height(),
                 d->heightFor(m_model->index(2, 0), d->layoutWidth()));
    QVERIFY(m_view->visualRect(m_model->index(2, 0)).height() > h3);
}

void TestConversationView::layoutIsCachedWhileScrolling()
{
    QList<Message> messages;
    for (int i = 0; i < 120; ++i)
        messages.append(i % 2 ? answer(i + 1, kRichAnswer)
                              : user(i + 1, QStringLiteral("Question %1").arg(i)));
    makeView(messages);
    MessageDelegate* d = m_view->messageDelegate();
    QScrollBar* bar = m_view->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    // One pass over the whole conversation builds every layout at most once...
    for (int v = 0; v <= bar->maximum(); v += m_view->viewport()->height() / 2) {
        bar->setValue(v);
        m_view->viewport()->repaint();
    }
    const int built = d->layoutsBuilt();
    QVERIFY(built >= 120);
    QVERIFY(built <= 125);
    // ...a second pass (and a repaint storm) parses nothing.
    for (int v = bar->maximum(); v >= 0; v -= 37) {
        bar->setValue(v);
        m_view->viewport()->repaint();
    }
    QCOMPARE(d->layoutsBuilt(), built);
    // A new revision of one message rebuilds that message only.
    appendText(m_model, 1, QStringLiteral(" more"));
    m_view->viewport()->repaint();
    QCOMPARE(d->layoutsBuilt(), built + 1);
}

// ---- Following the end ------------------------------------------------------------------------

void TestConversationView::streamingFollowsTheEnd()
{
    QList<Message> messages;
    for (int i = 0; i < 12; ++i)
        messages.append(answer(i + 1, kRichAnswer));
    Message streaming = answer(100, QStringLiteral("Start"));
    streaming.streaming = true;
    messages.append(streaming);
    makeView(messages);
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QVERIFY(m_view->isFollowingEnd());
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!m_view->jumpToLatestVisible());

    const int last = m_model->rowCount() - 1;
    for (int i = 0; i < 20; ++i) {
        const int before = bar->maximum();
        appendText(m_model, last, QStringLiteral("\n\nParagraph %1 of the streamed answer.").arg(i));
        QTRY_VERIFY(bar->maximum() > before);
        QCOMPARE(bar->value(), bar->maximum());
    }
    QVERIFY(m_view->isFollowingEnd());
    // A new message appended while following is followed too.
    const int before = bar->maximum();
    m_model->appendRow(makeItem(user(200, QStringLiteral("Next question"))));
    QTRY_VERIFY(bar->maximum() > before);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(!m_view->jumpToLatestVisible());
}

void TestConversationView::streamingRerendersOnlyTheTail()
{
    Message streaming = answer(1, QString());
    streaming.streaming = true;
    makeView({user(2, QStringLiteral("Write a lot")), streaming});
    MessageDelegate* d = m_view->messageDelegate();
    int frames = 0;
    // A long answer arrives frame by frame; each frame parses its last piece (and, when a piece was
    // just cut off, that piece once), never the whole answer again.
    for (int i = 0; i < 120; ++i) {
        const int before = d->chunksRendered();
        appendText(m_model, 1,
                   QStringLiteral("Sentence %1 of a long streamed answer goes on for a while. ").arg(i) +
                       (i % 3 == 2 ? QStringLiteral("\n\n") : QString()));
        m_view->viewport()->repaint();
        QVERIFY2(d->chunksRendered() - before <= 2,
                 qPrintable(QString::number(d->chunksRendered() - before)));
        ++frames;
    }
    const QString content = m_model->item(1)->data(Roles::ContentRole).toString();
    QVERIFY(MarkdownRenderer::splitIntoChunks(content, 2000).size() >= 3);
    QVERIFY(d->chunksRendered() < frames + 10);
}

void TestConversationView::scrolledUpStaysAndJumpButtonReturns()
{
    QList<Message> messages;
    for (int i = 0; i < 12; ++i)
        messages.append(answer(i + 1, kRichAnswer));
    Message streaming = answer(100, QStringLiteral("Start"));
    streaming.streaming = true;
    messages.append(streaming);
    makeView(messages);
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);

    // The person scrolls up (the wheel moves the bar like this).
    bar->setValue(bar->maximum() / 3);
    QVERIFY(!m_view->isFollowingEnd());
    QVERIFY(m_view->jumpToLatestVisible());
    const int held = bar->value();
    const QModelIndex top = m_view->indexAt(QPoint(10, 0));

    const int last = m_model->rowCount() - 1;
    for (int i = 0; i < 10; ++i) {
        const int before = bar->maximum();
        appendText(m_model, last, QStringLiteral("\n\nMore streamed text %1.").arg(i));
        QTRY_VERIFY(bar->maximum() > before);
        QCOMPARE(bar->value(), held);
    }
    QCOMPARE(m_view->indexAt(QPoint(10, 0)), top);
    QVERIFY(m_view->jumpToLatestVisible());
    QVERIFY(!m_view->isFollowingEnd());

    QToolButton* jump = m_view->jumpToLatestButton();
    QVERIFY(jump->isVisible());
    QVERIFY(m_view->viewport()->geometry().contains(jump->geometry()));
    QTest::mouseClick(jump, Qt::LeftButton);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isFollowingEnd());
    QVERIFY(!m_view->jumpToLatestVisible());

    // Following again: the next chunk keeps the view at the end.
    const int before = bar->maximum();
    appendText(m_model, last, QStringLiteral("\n\nAnd the end."));
    QTRY_VERIFY(bar->maximum() > before);
    QCOMPARE(bar->value(), bar->maximum());
}

// ---- Buttons ----------------------------------------------------------------------------------

void TestConversationView::hoverActionsEmitIds_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("action");
    QTest::addColumn<QByteArray>("signal");
    QTest::addColumn<qint64>("id");

    QTest::newRow("copy answer") << 1 << int(Action::Copy) << QByteArray(SIGNAL(copyRequested(qint64, bool)))
                                 << qint64(22);
    QTest::newRow("copy user as text")
        << 0 << int(Action::CopyPlain) << QByteArray(SIGNAL(copyRequested(qint64, bool))) << qint64(11);
    QTest::newRow("regenerate answer")
        << 1 << int(Action::Regenerate) << QByteArray(SIGNAL(regenerateRequested(qint64))) << qint64(22);
    QTest::newRow("edit user") << 0 << int(Action::Edit) << QByteArray(SIGNAL(editRequested(qint64)))
                               << qint64(11);
    QTest::newRow("delete answer") << 1 << int(Action::Delete) << QByteArray(SIGNAL(deleteRequested(qint64)))
                                   << qint64(22);
    QTest::newRow("delete user") << 0 << int(Action::Delete) << QByteArray(SIGNAL(deleteRequested(qint64)))
                                 << qint64(11);
}

void TestConversationView::hoverActionsEmitIds()
{
    QFETCH(int, row);
    QFETCH(int, action);
    QFETCH(QByteArray, signal);
    QFETCH(qint64, id);
    makeView({user(11, QStringLiteral("Question")), answer(22, QStringLiteral("Answer"))});
    const QModelIndex index = m_model->index(row, 0);
    // Answers offer no Edit, questions no Regenerate.
    QVERIFY(m_view->actionRect(m_model->index(0, 0), Action::Regenerate).isEmpty());
    QVERIFY(m_view->actionRect(m_model->index(1, 0), Action::Edit).isEmpty());

    const QRect rect = m_view->actionRect(index, Action(action));
    QVERIFY(!rect.isEmpty());
    QVERIFY(m_view->visualRect(index).contains(rect));
    QSignalSpy spy(m_view, signal.constData());
    QSignalSpy anyDelete(m_view, SIGNAL(deleteRequested(qint64)));
    clickAt(m_view, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toLongLong(), id);
    if (Action(action) == Action::Copy || Action(action) == Action::CopyPlain)
        QCOMPARE(spy.first().at(1).toBool(), Action(action) == Action::CopyPlain);
    if (Action(action) != Action::Delete)
        QCOMPARE(anyDelete.count(), 0);

    // A click on the body (no button) emits nothing.
    QSignalSpy all(m_view, SIGNAL(copyRequested(qint64, bool)));
    clickAt(m_view, QPoint(m_view->visualRect(index).left() + 30, m_view->visualRect(index).bottom() - 8));
    QCOMPARE(all.count(), 0);
}

void TestConversationView::branchSwitcherSteps()
{
    Message middle = answer(7, QStringLiteral("Second of three versions"));
    middle.branchIndex = 1;
    middle.branchCount = 3;
    Message first = answer(8, QStringLiteral("First of two"));
    first.branchIndex = 0;
    first.branchCount = 2;
    makeView({middle, first, user(9, QStringLiteral("Single"))});
    QSignalSpy spy(m_view, &ConversationView::branchStepRequested);

    const QModelIndex m = m_model->index(0, 0);
    clickAt(m_view, m_view->actionRect(m, Action::BranchPrev).center());
    clickAt(m_view, m_view->actionRect(m, Action::BranchNext).center());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toLongLong(), qint64(7));
    QCOMPARE(spy.at(0).at(1).toInt(), -1);
    QCOMPARE(spy.at(1).at(0).toLongLong(), qint64(7));
    QCOMPARE(spy.at(1).at(1).toInt(), +1);
    QVERIFY(m_view->messageDelegate()->displayedTexts(m).contains(QStringLiteral("2/3")));

    // At the first version there is nothing before it.
    const QModelIndex f = m_model->index(1, 0);
    clickAt(m_view, m_view->actionRect(f, Action::BranchPrev).center());
    QCOMPARE(spy.count(), 2);
    clickAt(m_view, m_view->actionRect(f, Action::BranchNext).center());
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(1).toInt(), +1);
    // A message without siblings has no switcher.
    QVERIFY(m_view->actionRect(m_model->index(2, 0), Action::BranchPrev).isEmpty());
}

void TestConversationView::copyPutsMarkdownOnClipboard()
{
    const QString markdown = QStringLiteral("Use **bold** and `code`:\n\n- a\n- b");
    makeView({user(1, QStringLiteral("Q")), answer(2, markdown)});
    QClipboard* clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    QSignalSpy spy(m_view, &ConversationView::copyRequested);
    const QModelIndex index = m_model->index(1, 0);
    clickAt(m_view, m_view->actionRect(index, Action::Copy).center());
    QCOMPARE(clipboard->text(), markdown);
    clickAt(m_view, m_view->actionRect(index, Action::CopyPlain).center());
    QCOMPARE(clipboard->text(), QStringLiteral("Use bold and code:\n\n\u2022 a\n\u2022 b"));
    QCOMPARE(spy.count(), 2);
}

void TestConversationView::codeCopyButtonCopiesCode()
{
    makeView({answer(5, QStringLiteral("Two blocks:\n\n```sh\nmake\n```\n\n```sh\nmake test\n```\n"))});
    const QModelIndex index = m_model->index(0, 0);
    QCOMPARE(m_view->messageDelegate()->codeBlockCount(index), 2);
    QSignalSpy spy(m_view, &ConversationView::codeCopyRequested);
    const QRect second = m_view->codeCopyRect(index, 1);
    QVERIFY(!second.isEmpty());
    QVERIFY(second.top() > m_view->codeCopyRect(index, 0).bottom());
    clickAt(m_view, second.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toString(), QStringLiteral("make test"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("make test"));
}

void TestConversationView::linkClickEmitsUrl()
{
    makeView({answer(3, QStringLiteral("See [the docs](https://example.org/docs?a=1) for details."))});
    const QModelIndex index = m_model->index(0, 0);
    const QRect item = m_view->visualRect(index);
    // Find the link by hit-testing the message, then click it like a person would.
    QPoint linkPos;
    for (int y = item.top(); y < item.bottom() && linkPos.isNull(); y += 2) {
        for (int x = item.left(); x < item.right(); x += 3) {
            if (m_view->messageDelegate()->hitTest(item, index, QPoint(x, y)).action == Action::Link) {
                linkPos = QPoint(x, y);
                break;
            }
        }
    }
    QVERIFY(!linkPos.isNull());
    QSignalSpy spy(m_view, &ConversationView::linkActivated);
    clickAt(m_view, linkPos);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toUrl(), QUrl(QStringLiteral("https://example.org/docs?a=1")));
    QCOMPARE(m_view->viewport()->cursor().shape(), Qt::PointingHandCursor);
}

void TestConversationView::errorCardShowsMessageAndRetries()
{
    Message failed;
    failed.id = 42;
    failed.state = store::MessageState::Failed;
    failed.errorMessage = QStringLiteral("The API key is not valid for this model.");
    failed.errorCode = QStringLiteral("AuthenticationError");
    failed.requestId = QStringLiteral("req-0123456789");
    makeView({user(41, QStringLiteral("Hello")), failed});
    const QModelIndex index = m_model->index(1, 0);
    const QStringList texts = m_view->messageDelegate()->displayedTexts(index);
    QVERIFY2(texts.contains(failed.errorMessage), qPrintable(texts.join(u'|')));
    QVERIFY(texts.contains(QStringLiteral("Request failed")));
    QVERIFY(texts.join(u'|').contains(QStringLiteral("AuthenticationError")));
    QVERIFY(texts.join(u'|').contains(QStringLiteral("req-0123456789")));
    // A plain answer has no card.
    QVERIFY(m_view->actionRect(m_model->index(0, 0), Action::Retry).isEmpty());

    QSignalSpy spy(m_view, &ConversationView::retryRequested);
    const QRect retry = m_view->actionRect(index, Action::Retry);
    QVERIFY(!retry.isEmpty());
    clickAt(m_view, retry.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toLongLong(), qint64(42));
}

void TestConversationView::interruptedAndFooterTexts()
{
    Message partial = answer(3, QStringLiteral("The first half of an answer"));
    partial.state = store::MessageState::Interrupted;
    partial.promptTokens = -1;
    partial.completionTokens = -1;
    Message usage = answer(4, QStringLiteral("Done"));
    usage.reasoningTokens = 20;
    usage.finishReason = QStringLiteral("length");
    Message plain = answer(5, QStringLiteral("Done"));
    makeView({partial, usage, plain});
    MessageDelegate* d = m_view->messageDelegate();
    const QStringList p = d->displayedTexts(m_model->index(0, 0));
    QVERIFY(p.contains(QStringLiteral("Interrupted")));
    QVERIFY(!m_view->actionRect(m_model->index(0, 0), Action::Retry).isEmpty());
    QVERIFY(d->displayedTexts(m_model->index(1, 0))
                .contains(QStringLiteral("12 in \u00B7 30 out \u00B7 20 reasoning \u00B7 stopped: length")));
    QVERIFY(d->displayedTexts(m_model->index(2, 0)).contains(QStringLiteral("12 in \u00B7 30 out")));
    QVERIFY(!d->displayedTexts(m_model->index(2, 0)).contains(QStringLiteral("Interrupted")));
    QVERIFY(d->displayedTexts(m_model->index(1, 0)).contains(QStringLiteral("Assistant")));
    QVERIFY(d->displayedTexts(m_model->index(1, 0)).join(u'|').contains(QStringLiteral("doubao-seed-1-6")));
}

void TestConversationView::thinkingLineWhileReasoning()
{
    Message thinking = answer(9, QString());
    thinking.streaming = true;
    thinking.reasoning = QStringLiteral("Let me consider");
    makeView({user(8, QStringLiteral("Why?")), thinking});
    const QModelIndex index = m_model->index(1, 0);
    MessageDelegate* d = m_view->messageDelegate();
    QVERIFY(d->displayedTexts(index).contains(QStringLiteral("Thinking\u2026")));
    // Streaming answers offer no Regenerate/Delete, and no usage footer yet.
    QVERIFY(m_view->actionRect(index, Action::Regenerate).isEmpty());
    QVERIFY(!d->displayedTexts(index).join(u'|').contains(QStringLiteral(" in \u00B7")));
    // Once content arrives the thinking line goes.
    appendText(m_model, 1, QStringLiteral("Because"));
    QVERIFY(!d->displayedTexts(index).contains(QStringLiteral("Thinking\u2026")));
    QVERIFY(d->displayedTexts(index).contains(QStringLiteral("Because")));
}

void TestConversationView::keyboardMovesAndCopies()
{
    makeView({user(1, QStringLiteral("first")), answer(2, QStringLiteral("second")),
              user(3, QStringLiteral("third"))});
    m_view->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(m_view->hasFocus());
    QCOMPARE(m_view->currentIndex().row(), 2); // keyboard focus starts at the last visible message
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(m_view->currentIndex().row(), 1);
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(m_view->currentIndex().row(), 0);
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_view->currentIndex().row(), 1);
    QGuiApplication::clipboard()->clear();
    QSignalSpy spy(m_view, &ConversationView::copyRequested);
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("second"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toLongLong(), qint64(2));
}

void TestConversationView::longConversationLaysOutLazily()
{
    QList<Message> messages;
    const int count = 2000;
    for (int i = 0; i < count; ++i)
        messages.append(i % 2 ? answer(i + 1, kRichAnswer)
                              : user(i + 1, QStringLiteral("Question %1").arg(i)));
    for (const Message& m : messages)
        m_model->appendRow(makeItem(m));
    m_view = new ConversationView;
    m_view->resize(720, 600);
    m_view->setModel(m_model);
    m_view->doItemsLayout(); // the layout opening the conversation, before any background work
    MessageDelegate* d = m_view->messageDelegate();
    // Opening laid out far fewer messages than the conversation holds: the rest are estimates...
    QVERIFY2(d->layoutsBuilt() < count / 10, qPrintable(QString::number(d->layoutsBuilt())));
    QVERIFY(!d->hasExactHeight(m_model->index(0, 0)));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QVERIFY(m_view->isFollowingEnd());
    // ...refined in the background until every height is exact, while the view stays at the end.
    QTRY_VERIFY_WITH_TIMEOUT(d->hasExactHeight(m_model->index(0, 0)), 120000);
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    for (int row : {0, 1, count / 2, count - 1}) {
        const QModelIndex index = m_model->index(row, 0);
        QTRY_COMPARE(m_view->visualRect(index).height(), d->heightFor(index, d->layoutWidth()));
    }
    QVERIFY(m_view->isFollowingEnd());
    // Rows measured out of sight keep no layout (their documents would only take memory): the
    // cache holds about what was painted, not the thousands measured.
    QVERIFY2(d->cachedLayouts() < 60, qPrintable(QString::number(d->cachedLayouts())));
    QVERIFY(d->layoutsBuilt() >= count);
}

// Scrolled up into a long conversation: the background refinement changes the heights of rows
// above and below, in batches, and the row being read stays where it is; the rows end in order,
// edge to edge, with their exact heights.
void TestConversationView::refiningKeepsTheReadingPosition()
{
    const int count = 1500;
    for (int i = 0; i < count; ++i)
        m_model->appendRow(
            makeItem(i % 2 ? answer(i + 1, kRichAnswer) : user(i + 1, QStringLiteral("Question %1").arg(i))));
    m_view = new ConversationView;
    m_view->resize(720, 600);
    m_view->setModel(m_model);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    MessageDelegate* d = m_view->messageDelegate();
    const QModelIndex target = m_model->index(count / 2, 0);
    QVERIFY(!d->hasExactHeight(m_model->index(1, 0))); // refinement has work left above the target
    m_view->scrollTo(target, QAbstractItemView::PositionAtTop);
    QCoreApplication::processEvents();
    QVERIFY(!m_view->isFollowingEnd());
    const int top = m_view->visualRect(target).top();
    QTRY_VERIFY_WITH_TIMEOUT(d->hasExactHeight(m_model->index(0, 0)), 120000);
    // The pass measures from the end up; the first rows are applied by its last relayout (a
    // visualRect's height is the delegate's answer at once, its position comes from that layout).
    QTRY_COMPARE(m_view->visualRect(m_model->index(1, 0)).top(),
                 m_view->visualRect(m_model->index(0, 0)).bottom() + 1);
    QTRY_COMPARE(m_view->visualRect(m_model->index(2, 0)).top(),
                 m_view->visualRect(m_model->index(1, 0)).bottom() + 1);
    QCOMPARE(m_view->visualRect(target).top(), top);
    QVERIFY(!m_view->isFollowingEnd());
    for (int row : {0, 1, 2, count / 3, count / 2 - 1, count / 2, count - 2}) {
        const QModelIndex index = m_model->index(row, 0);
        const QRect rect = m_view->visualRect(index);
        QCOMPARE(rect.height(), d->heightFor(index, d->layoutWidth()));
        QCOMPARE(m_view->visualRect(m_model->index(row + 1, 0)).top(), rect.bottom() + 1);
    }
}

// The real model: coalesced streaming deltas reach the view as one change per flush.
void TestConversationView::realModelStreams()
{
    models::MessageListModel model;
    std::vector<store::MessageRecord> records;
    for (int i = 0; i < 16; ++i) {
        store::MessageRecord r;
        r.id = i + 1;
        r.role = i % 2 ? api::Role::Assistant : api::Role::User;
        r.content = i % 2 ? kRichAnswer : QStringLiteral("Question %1").arg(i);
        r.createdAt = store::nowUtc();
        records.push_back(r);
    }
    model.setMessages(records);
    store::MessageRecord answerRecord;
    answerRecord.id = 100;
    answerRecord.role = api::Role::Assistant;
    answerRecord.state = store::MessageState::Streaming;
    answerRecord.createdAt = store::nowUtc();
    model.appendMessage(answerRecord);

    m_view = new ConversationView;
    m_view->resize(700, 500);
    m_view->setModel(&model);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QScrollBar* bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    const QModelIndex last = model.index(model.rowCount() - 1, 0);

    model.appendStreamingText(100, QString(), QStringLiteral("Considering the question"));
    model.flushNow();
    // The real model measures the reasoning: its header has a running timer ("Thinking… 0.0 s").
    const auto thinkingHeader = [&] {
        for (const QString& text : m_view->messageDelegate()->displayedTexts(last))
            if (text.startsWith(QStringLiteral("Thinking\u2026 ")) && text.endsWith(QStringLiteral(" s")))
                return true;
        return false;
    };
    QVERIFY(thinkingHeader());
    for (int i = 0; i < 15; ++i) {
        const int before = bar->maximum();
        for (int delta = 0; delta < 30; ++delta) // many deltas, one flush
            model.appendStreamingText(100, delta == 29 ? QStringLiteral("end.\n\n") : QStringLiteral("tok "),
                                      QString());
        model.flushNow();
        QTRY_VERIFY(bar->maximum() > before);
        QCOMPARE(bar->value(), bar->maximum());
    }
    QVERIFY(m_view->isFollowingEnd());
    QVERIFY(!thinkingHeader());

    // Scrolled up, the flushes leave the view alone.
    bar->setValue(0);
    for (int i = 0; i < 5; ++i) {
        model.appendStreamingText(100, QStringLiteral("More text.\n\n"), QString());
        model.flushNow();
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), 0);
    }
    QVERIFY(m_view->jumpToLatestVisible());
    delete m_view; // before the model goes out of scope
    m_view = nullptr;
}

// ---- Tool calls and cost ---------------------------------------------------------------------

void TestConversationView::toolCallCardsArePaintedAndClickable()
{
    makeView(toolRound());
    MessageDelegate* d = m_view->messageDelegate();
    const QModelIndex calling = m_model->index(1, 0);
    QCOMPARE(d->toolCallCount(calling), 2);
    QCOMPARE(d->toolCallCount(m_model->index(0, 0)), 0);
    const QRect first = m_view->toolCallRect(calling, 0);
    const QRect second = m_view->toolCallRect(calling, 1);
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QVERIFY(m_view->toolCallRect(calling, 2).isEmpty());
    QVERIFY(m_view->visualRect(calling).contains(first));
    QVERIFY(m_view->visualRect(calling).contains(second));
    QVERIFY(!first.intersects(second));
    QVERIFY(first.bottom() < second.top()); // in call order, one under the other
    QCOMPARE(m_view->actionRect(calling, Action::ToolCall), first);
    // Below the answer's text, above its usage footer.
    const QStringList texts = d->displayedTexts(calling);
    const qsizetype card = texts.indexOf(QStringLiteral("get_weather(city: \"Beijing\", unit: \"celsius\")"));
    QVERIFY2(card >= 0, qPrintable(texts.join(u'|')));
    QVERIFY(texts.indexOf(QStringLiteral("Let me look that up.")) < card);
    QCOMPARE(texts.at(card + 1), QStringLiteral("Answered"));
    QVERIFY(texts.contains(QStringLiteral("calculator(expression: \"(2+3)*4\")")));
    QVERIFY(texts.indexOf(QStringLiteral("12 in \u00B7 30 out")) > card);

    // Painted: the card differs from the background, more than the same strip beside it.
    const QImage shot = m_view->viewport()->grab().toImage();
    const QColor base = m_view->palette().color(QPalette::Base);
    QVERIFY(pixelsOtherThan(shot, first, base) > first.width() * first.height() / 2);

    // A click on a card emits the answer's id and that call's id; the hand cursor shows it is one.
    QSignalSpy spy(m_view, &ConversationView::toolCallActivated);
    clickAt(m_view, second.center());
    QCOMPARE(m_view->viewport()->cursor().shape(), Qt::PointingHandCursor);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), qint64(2));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("call_calc"));
    clickAt(m_view, first.topLeft() + QPoint(4, 4));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("call_weather"));
    // Between the cards, and on the text above them: nothing.
    clickAt(m_view, QPoint(first.center().x(), (first.bottom() + second.top()) / 2 + 1));
    clickAt(m_view, QPoint(first.left() + 10, first.top() - 12));
    QCOMPARE(spy.count(), 2);

    // A click on the tool result opens the call it answers, in the answer above.
    const QModelIndex result = m_model->index(2, 0);
    const QRect box = m_view->actionRect(result, Action::ToolResult);
    QVERIFY(!box.isEmpty());
    clickAt(m_view, box.center());
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toLongLong(), qint64(2));
    QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("call_weather"));
}

void TestConversationView::toolCallCardStates_data()
{
    QTest::addColumn<bool>("streaming");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<bool>("answered");
    QTest::addColumn<QString>("expected");

    const QString ok = QStringLiteral("{\"city\": \"Beijing\"}");
    QTest::newRow("streaming") << true << int(store::MessageState::Streaming) << QStringLiteral("{\"ci")
                               << false << QStringLiteral("Receiving\u2026");
    QTest::newRow("awaiting") << false << int(store::MessageState::Complete) << ok << false
                              << QStringLiteral("Awaiting result");
    QTest::newRow("answered") << false << int(store::MessageState::Complete) << ok << true
                              << QStringLiteral("Answered");
    QTest::newRow("invalid json") << false << int(store::MessageState::Complete)
                                  << QStringLiteral("{\"city\": Beijing}") << false
                                  << QStringLiteral("Invalid arguments");
    QTest::newRow("no arguments") << false << int(store::MessageState::Complete) << QString() << false
                                  << QStringLiteral("Awaiting result");
    QTest::newRow("interrupted") << false << int(store::MessageState::Interrupted) << ok << false
                                 << QStringLiteral("Not run");
}

void TestConversationView::toolCallCardStates()
{
    QFETCH(bool, streaming);
    QFETCH(int, state);
    QFETCH(QString, arguments);
    QFETCH(bool, answered);
    QFETCH(QString, expected);
    Message calling = answer(5, QString());
    calling.streaming = streaming;
    calling.state = store::MessageState(state);
    calling.toolCalls = {
        toolCall(QStringLiteral("call_1"), QStringLiteral("get_weather"), arguments, answered)};
    makeView({user(4, QStringLiteral("Weather?")), calling});
    const QModelIndex index = m_model->index(1, 0);
    QCOMPARE(m_view->messageDelegate()->toolCallStateText(index, 0), expected);
    QVERIFY(m_view->messageDelegate()->displayedTexts(index).contains(expected));
    QVERIFY(!m_view->toolCallRect(index, 0).isEmpty());
}

void TestConversationView::toolResultIsCompact()
{
    QStringList lines;
    for (int i = 1; i <= 20; ++i)
        lines << QStringLiteral("line %1 of the file").arg(i);
    Message longResult =
        toolResult(3, QStringLiteral("call_file"), QStringLiteral("read_file"), lines.join(u'\n'));
    Message shortResult = toolResult(4, QStringLiteral("call_time"), QString(), QStringLiteral("12:30"));
    Message empty = toolResult(5, QStringLiteral("call_none"), QStringLiteral("noop"), QString());
    // The same text as a question, for comparison: a bubble with every line.
    makeView({longResult, shortResult, empty, user(6, lines.join(QStringLiteral("\n\n")))});
    MessageDelegate* d = m_view->messageDelegate();
    const QModelIndex index = m_model->index(0, 0);
    const QStringList texts = d->displayedTexts(index);
    QCOMPARE(texts.first(), QStringLiteral("Result"));
    QVERIFY2(texts.at(1).startsWith(QStringLiteral("read_file \u00B7 call_file")), qPrintable(texts.at(1)));
    // The first lines only, as written (no Markdown), and how much is left.
    QVERIFY(texts.contains(lines.mid(0, 5).join(u'\n')));
    QVERIFY(texts.contains(QStringLiteral("\u2026 15 more lines")));
    QVERIFY(!texts.join(u'|').contains(QStringLiteral("line 6 of")));
    QVERIFY(m_view->visualRect(index).height() * 2 < m_view->visualRect(m_model->index(3, 0)).height());
    // A result without a name shows its call id; one short line has nothing more.
    const QStringList shortTexts = d->displayedTexts(m_model->index(1, 0));
    QVERIFY(shortTexts.at(1).startsWith(QStringLiteral("call_time")));
    QVERIFY(shortTexts.contains(QStringLiteral("12:30")));
    QVERIFY(!shortTexts.join(u'|').contains(QStringLiteral("more")));
    QVERIFY(d->displayedTexts(m_model->index(2, 0)).contains(QStringLiteral("Empty result")));
    // No regenerate or edit on a result; copy it is.
    QVERIFY(m_view->actionRect(index, Action::Regenerate).isEmpty());
    QVERIFY(m_view->actionRect(index, Action::Edit).isEmpty());
    QVERIFY(d->hoverActions(index).contains(Action::Copy));
    QCOMPARE(MessageDelegate::copyText(index, false), lines.join(u'\n'));

    // Not a bubble: the area right of the box's left edge, above the box, is background.
    const QImage shot = m_view->viewport()->grab().toImage();
    const QRect box = m_view->actionRect(index, Action::ToolResult);
    const QRect item = m_view->visualRect(index);
    const QColor base = m_view->palette().color(QPalette::Base);
    // (a bubble would fill the margin just left of the header and the box; here it is background).
    QCOMPARE(
        pixelsOtherThan(shot, QRect(box.left() - 3, item.top() + 1, 2, box.top() - item.top() - 2), base), 0);
    QVERIFY(pixelsOtherThan(shot, box, base) > 0);
}

void TestConversationView::enterActivatesToolCall()
{
    QList<Message> messages = toolRound();
    messages.append(answer(4, QStringLiteral("It is 21 degrees.")));
    makeView(messages);
    QSignalSpy spy(m_view, &ConversationView::toolCallActivated);
    m_view->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(m_view->hasFocus());
    m_view->setCurrentIndex(m_model->index(3, 0));
    QTest::keyClick(m_view, Qt::Key_Return); // an answer without calls: nothing
    QCOMPARE(spy.count(), 0);
    m_view->setCurrentIndex(m_model->index(1, 0));
    QTest::keyClick(m_view, Qt::Key_Return); // the answer's first call
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), qint64(2));
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("call_weather"));
    m_view->setCurrentIndex(m_model->index(2, 0));
    QTest::keyClick(m_view, Qt::Key_Enter, Qt::KeypadModifier); // a result: the call it answers
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toLongLong(), qint64(2));
    QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("call_weather"));
}

void TestConversationView::costAndCachedTokensInFooter()
{
    Message priced = answer(2, QStringLiteral("Priced"));
    priced.promptTokens = 1200;
    priced.cachedTokens = 800;
    priced.reasoningTokens = 40;
    priced.costText = QStringLiteral("\u00A50.0031");
    Message noCache = answer(3, QStringLiteral("No cache hit"));
    noCache.cachedTokens = 0;
    noCache.costText = QStringLiteral("\u00A50.0001");
    noCache.finishReason = QStringLiteral("length");
    Message streaming = answer(4, QStringLiteral("Still"));
    streaming.streaming = true;
    streaming.costText = QStringLiteral("\u00A59");
    makeView({user(1, QStringLiteral("Q")), priced, noCache, streaming});
    MessageDelegate* d = m_view->messageDelegate();
    QVERIFY2(
        d->displayedTexts(m_model->index(1, 0))
            .contains(QStringLiteral("1,200 in \u00B7 800 cached \u00B7 30 out \u00B7 40 reasoning \u00B7 "
                                     "\u00A50.0031")),
        qPrintable(d->displayedTexts(m_model->index(1, 0)).join(u'|')));
    QVERIFY(d->displayedTexts(m_model->index(2, 0))
                .contains(QStringLiteral("12 in \u00B7 30 out \u00B7 stopped: length \u00B7 \u00A50.0001")));
    // A streaming answer has no footer yet, a question never has one.
    QVERIFY(!d->displayedTexts(m_model->index(3, 0)).join(u'|').contains(QStringLiteral("\u00A5")));
    QVERIFY(!d->displayedTexts(m_model->index(0, 0)).join(u'|').contains(QStringLiteral(" in")));
}

// The real model: a new cost formatter reaches messages already laid out.
void TestConversationView::realModelCostFormatterRefreshesLayouts()
{
    models::MessageListModel model;
    std::vector<store::MessageRecord> records;
    for (int i = 0; i < 6; ++i) {
        store::MessageRecord r;
        r.id = i + 1;
        r.role = i % 2 ? api::Role::Assistant : api::Role::User;
        r.content = QStringLiteral("Message %1").arg(i);
        r.createdAt = store::nowUtc();
        if (r.role == api::Role::Assistant) {
            r.usage.present = true;
            r.usage.promptTokens = 100 * i;
            r.usage.completionTokens = 10;
        }
        records.push_back(r);
    }
    model.setMessages(records);
    m_view = new ConversationView;
    m_view->resize(700, 500);
    m_view->setModel(&model);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    MessageDelegate* d = m_view->messageDelegate();
    const QModelIndex answerIndex = model.index(3, 0);
    QCOMPARE(d->displayedTexts(answerIndex).constLast(), QStringLiteral("300 in \u00B7 10 out"));
    const int heightBefore = m_view->visualRect(answerIndex).height();

    model.setCostFormatter([](const store::MessageRecord& m) {
        return m.usage.present ? QStringLiteral("\u00A5%1").arg(m.usage.promptTokens / 100) : QString();
    });
    QCOMPARE(d->displayedTexts(answerIndex).constLast(),
             QStringLiteral("300 in \u00B7 10 out \u00B7 \u00A53"));
    QCOMPARE(m_view->visualRect(answerIndex).height(), heightBefore); // same line, no new row
    model.setCostFormatter({});
    QCOMPARE(d->displayedTexts(answerIndex).constLast(), QStringLiteral("300 in \u00B7 10 out"));
    delete m_view; // before the model goes out of scope
    m_view = nullptr;
}

// ---- Screenshot -------------------------------------------------------------------------------

void TestConversationView::screenshot()
{
    Message system;
    system.id = 1;
    system.role = api::Role::System;
    system.content = QStringLiteral("You are a concise assistant.");
    Message question =
        user(2, QStringLiteral("Compare streaming and batch requests, with an example in Python."));
    Message rich = answer(3, kRichAnswer);
    rich.reasoningTokens = 20;
    rich.branchIndex = 0;
    rich.branchCount = 2;
    Message question2 = user(4, QStringLiteral("And with a long context?"));
    Message failed;
    failed.id = 5;
    failed.state = store::MessageState::Failed;
    failed.errorMessage =
        QStringLiteral("The request was rejected because the account has reached its rate limit. "
                       "Wait a moment and try again.");
    failed.errorCode = QStringLiteral("RateLimitExceeded.EndpointRPMExceeded");
    failed.requestId = QStringLiteral("021718000000000abcdef0123456789");
    Message partial =
        answer(6, QStringLiteral("With a long context the first token takes longer, because the "
                                 "prompt must be processed before"));
    partial.state = store::MessageState::Interrupted;
    partial.promptTokens = -1;
    partial.completionTokens = -1;
    Message truncated = answer(7, QStringLiteral("Answer cut by the token limit"));
    truncated.finishReason = QStringLiteral("length");
    Message codeFirst = answer(
        8,
        QStringLiteral("```bash\ncurl -N https://ark.example/api/v3/chat/completions\n```\nThat streams."));
    Message thinking = answer(9, QString());
    thinking.streaming = true;
    thinking.reasoning = QStringLiteral("The user wants");
    makeView({system, question, rich, question2, failed, partial, truncated, codeFirst, thinking},
             QSize(760, 1500));
    // Show the hover actions on the rich answer.
    const QModelIndex hovered = m_model->index(2, 0);
    QTest::mouseMove(m_view->viewport(), m_view->actionRect(hovered, Action::Copy).center());
    m_view->messageDelegate()->setHover(hovered, m_view->actionRect(hovered, Action::Copy).center() -
                                                     m_view->visualRect(hovered).topLeft());
    m_view->verticalScrollBar()->setValue(0);
    QImage shot = m_view->grab().toImage();
    QVERIFY(!shot.isNull());
    shot.save(QStringLiteral("/tmp/view-shot.png"));

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::Base, QColor(0x1b, 0x1b, 0x1f));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x2a, 0x2a, 0x30));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xff));
    dark.setColor(QPalette::Link, QColor(0x0b, 0x57, 0xd0));
    m_view->setPalette(dark);
    QTRY_VERIFY(m_view->messageDelegate()->cachedLayouts() > 0);
    m_view->grab().toImage().save(QStringLiteral("/tmp/view-shot-dark.png"));
}

// A tool round with its results and priced answers, light and dark, for a look by eye.
void TestConversationView::toolCallScreenshot()
{
    QList<Message> messages = toolRound();
    messages[1].reasoning = QStringLiteral("Two tools are needed: the weather and the calculator.");
    messages[1].reasoningTokens = 18;
    messages[1].cachedTokens = 512;
    messages[1].promptTokens = 1536;
    messages[1].costText = QStringLiteral("\u00A50.000412");
    QStringList lines;
    for (int i = 1; i <= 9; ++i)
        lines
            << QStringLiteral("  \"hour_%1\": {\"temperature\": %2, \"sky\": \"clear\"},").arg(i).arg(18 + i);
    messages.append(toolResult(4, QStringLiteral("call_calc"), QStringLiteral("calculator"),
                               QStringLiteral("{\n") + lines.join(u'\n') + QStringLiteral("\n}")));
    Message done =
        answer(5, QStringLiteral("It is **21 \u00B0C** and clear in Beijing, and (2+3)\u00D74 = 20."));
    done.promptTokens = 1710;
    done.cachedTokens = 1536;
    done.completionTokens = 24;
    done.costText = QStringLiteral("\u00A50.000198");
    messages.append(done);
    Message pending = answer(6, QString());
    pending.toolCalls = {toolCall(QStringLiteral("call_file"), QStringLiteral("read_file"),
                                  QStringLiteral("{\"path\": \"/home/me/notes/2024/very/long/path/to/"
                                                 "the/file/that/does/not/fit/on/one/line.txt\"}"),
                                  false),
                         toolCall(QStringLiteral("call_bad"), QStringLiteral("get_weather"),
                                  QStringLiteral("{\"city\": Beijing}"), false)};
    pending.promptTokens = 1800;
    pending.completionTokens = 40;
    pending.costText = QStringLiteral("\u00A50.000250");
    messages.append(pending);
    makeView(messages, QSize(760, 900));
    const QModelIndex hovered = m_model->index(1, 0);
    const QPoint card = m_view->toolCallRect(hovered, 1).center();
    QTest::mouseMove(m_view->viewport(), card);
    m_view->messageDelegate()->setHover(hovered, card - m_view->visualRect(hovered).topLeft());
    m_view->verticalScrollBar()->setValue(0);
    QImage shot = m_view->grab().toImage();
    QVERIFY(!shot.isNull());
    shot.save(QStringLiteral("/tmp/delegate-tools.png"));

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::Base, QColor(0x1b, 0x1b, 0x1f));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x2a, 0x2a, 0x30));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xff));
    dark.setColor(QPalette::Link, QColor(0x0b, 0x57, 0xd0));
    m_view->setPalette(dark);
    QTRY_VERIFY(m_view->messageDelegate()->cachedLayouts() > 0);
    m_view->grab().toImage().save(QStringLiteral("/tmp/delegate-tools-dark.png"));
}

// Any model with AttachmentsRole gets tiles (the estimate and layout read the role, not MessageListModel's
// records); a model without the role shows none; a generated image's row offers no Regenerate.
void TestConversationView::attachmentsFromAnyModel()
{
    const media::Attachment first = media::Attachment::fromUrl(QStringLiteral("https://a.example.com/1.png"));
    const media::Attachment second =
        media::Attachment::fromUrl(QStringLiteral("https://b.example.com/2.mp4"));
    Message question = user(1, QStringLiteral("Two links"));
    Message generated = answer(2, QStringLiteral("Image by **seedream**"));
    makeView({question, generated, user(3, QStringLiteral("No attachments"))});
    m_model->item(0)->setData(QVariantList{QVariant::fromValue(first), QVariant::fromValue(second)},
                              Roles::AttachmentsRole);
    m_model->item(0)->setData(g_revision++, Roles::RevisionRole);
    m_model->item(1)->setData(QString::fromLatin1(MessageDelegate::kGeneratedImageKind),
                              Roles::ErrorKindRole);
    m_model->item(1)->setData(QVariantList{QVariant::fromValue(first)}, Roles::AttachmentsRole);
    m_model->item(1)->setData(g_revision++, Roles::RevisionRole);
    QCoreApplication::processEvents();

    MessageDelegate* d = m_view->messageDelegate();
    QCOMPARE(d->attachmentCount(m_model->index(0, 0)), 2);
    QCOMPARE(d->attachmentCount(m_model->index(2, 0)), 0);
    QCOMPARE(second.kind, media::MediaKind::Video);
    const QRect tile = m_view->attachmentRect(m_model->index(0, 0), 1);
    QVERIFY(!tile.isEmpty());
    QVERIFY(m_view->visualRect(m_model->index(0, 0)).contains(tile)); // the row grew to hold the strip
    QSignalSpy activated(m_view, &ConversationView::attachmentActivated);
    clickAt(m_view, tile.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).value<media::Attachment>().url, second.url);

    QVERIFY(!d->hoverActions(m_model->index(1, 0)).contains(Action::Regenerate));
    QVERIFY(!d->hoverActions(m_model->index(1, 0)).contains(Action::Edit));
    QVERIFY(
        m_view->visualRect(m_model->index(1, 0)).contains(m_view->attachmentRect(m_model->index(1, 0), 0)));
}

QTEST_MAIN(TestConversationView)
#include "tst_conversationview.moc"
