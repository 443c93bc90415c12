#include "MarkdownRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <algorithm>
#include <limits>
#include <utility>

namespace ark::ui {

namespace {

constexpr qreal kCodePadX = 10;
constexpr qreal kCodePadY = 8;
constexpr qreal kCodeGap = 6; // space between a code box and its neighbours
constexpr qreal kQuoteIndent = 16;

// ---------------------------------------------------------------------------------------------
// Fenced code in the source text. Qt's document keeps each code line as a block but loses where one
// fenced block ends and the next begins (two adjacent ```bash blocks look like one), and md4c's
// importer sometimes leaks the code format into the next list item. Scanning the source for fences
// gives the exact code to copy and lets us split the document's runs where the author did.
struct Fence
{
    QString language;
    QChar fenceChar;
    QStringList lines;
};

// Container prefix: block-quote markers and an optional list marker before a fence.
const QRegularExpression& openingFence()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^((?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[ \t]*)(`{3,}|~{3,})[ \t]*(.*)$)"));
    return re;
}

int quoteDepth(const QString& line, int* consumed)
{
    int depth = 0;
    int i = 0;
    int lastEnd = 0;
    while (i < line.size()) {
        int j = i;
        while (j < line.size() && (line.at(j) == u' ' || line.at(j) == u'\t'))
            ++j;
        if (j < line.size() && line.at(j) == u'>') {
            ++depth;
            i = j + 1;
            if (i < line.size() && line.at(i) == u' ')
                ++i; // the optional space after '>'
            lastEnd = i;
        } else {
            break;
        }
    }
    *consumed = lastEnd;
    return depth;
}

QList<Fence> scanFences(const QString& markdown)
{
    QList<Fence> fences;
    const QStringList lines = markdown.split(u'\n');
    bool inFence = false;
    Fence current;
    int fenceLength = 0;
    int indent = 0;
    int depth = 0;
    for (QString line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!inFence) {
            const auto m = openingFence().match(line);
            if (!m.hasMatch())
                continue;
            const QString fence = m.captured(2);
            const QString info = m.captured(3).trimmed();
            if (fence.at(0) == u'`' && info.contains(u'`'))
                continue; // not a fence: an inline code span
            int consumed = 0;
            depth = quoteDepth(line, &consumed);
            indent = m.capturedLength(1) - consumed;
            fenceLength = fence.size();
            current = Fence{info.section(QRegularExpression(QStringLiteral("\\s+")), 0, 0), fence.at(0), {}};
            inFence = true;
            continue;
        }
        int consumed = 0;
        if (depth > 0 && quoteDepth(line, &consumed) >= depth)
            line = line.mid(consumed);
        const QString trimmed = line.trimmed();
        if (trimmed.size() >= fenceLength && trimmed.count(current.fenceChar) == trimmed.size()) {
            fences.append(current);
            inFence = false;
            continue;
        }
        int strip = 0;
        while (strip < indent && strip < line.size() && line.at(strip) == u' ')
            ++strip;
        current.lines.append(line.mid(strip));
    }
    if (inFence) {
        // An unclosed fence runs to the end of the text (an answer still streaming).
        while (!current.lines.isEmpty() && current.lines.constLast().isEmpty())
            current.lines.removeLast();
        fences.append(current);
    }
    return fences;
}

QString squeezed(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            out.append(c);
    }
    return out;
}

bool hasCodeProperty(const QTextBlockFormat& format)
{
    return format.hasProperty(QTextFormat::BlockCodeLanguage) ||
           format.hasProperty(QTextFormat::BlockCodeFence);
}

bool looksLikeCode(const QTextBlock& block)
{
    if (block.text().isEmpty())
        return true;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextCharFormat f = it.fragment().charFormat();
        if (f.fontFixedPitch() || f.fontFamilies().toStringList().contains(QStringLiteral("monospace")))
            return true;
    }
    return false;
}

struct CodeRun
{
    int first = 0;
    int last = 0;
    int fenceIndex = -1;
};

bool sameCodeKind(const QTextBlockFormat& a, const QTextBlockFormat& b)
{
    return a.hasProperty(QTextFormat::BlockCodeFence) == b.hasProperty(QTextFormat::BlockCodeFence) &&
           a.stringProperty(QTextFormat::BlockCodeLanguage) ==
               b.stringProperty(QTextFormat::BlockCodeLanguage) &&
           a.stringProperty(QTextFormat::BlockCodeFence) == b.stringProperty(QTextFormat::BlockCodeFence);
}

// Finds the document's code runs, splits them where the source's fences say, marks each block with
// CodeRunProperty, and strips the code format from blocks that only inherited it.
QList<CodeRun> annotateCode(QTextDocument* doc, const QList<Fence>& fences)
{
    QList<CodeRun> runs;
    int nextFence = 0;
    QTextBlock block = doc->begin();
    QTextCursor cursor(doc);
    auto mark = [&](const QTextBlock& b, int runIndex) {
        QTextBlockFormat f = b.blockFormat();
        f.setProperty(MarkdownRenderer::CodeRunProperty, runIndex);
        QTextCursor c(b);
        c.setBlockFormat(f);
    };
    while (block.isValid()) {
        const QTextBlockFormat format = block.blockFormat();
        if (!hasCodeProperty(format)) {
            block = block.next();
            continue;
        }
        if (!looksLikeCode(block)) {
            QTextBlockFormat cleaned = format;
            cleaned.clearProperty(QTextFormat::BlockCodeLanguage);
            cleaned.clearProperty(QTextFormat::BlockCodeFence);
            cleaned.setNonBreakableLines(false);
            QTextCursor c(block);
            c.setBlockFormat(cleaned);
            block = block.next();
            continue;
        }
        CodeRun run;
        run.first = block.blockNumber();
        int limit = std::numeric_limits<int>::max();
        if (format.hasProperty(QTextFormat::BlockCodeFence)) {
            const QString language = format.stringProperty(QTextFormat::BlockCodeLanguage);
            for (int j = nextFence; j < fences.size() && j < nextFence + 4; ++j) {
                const Fence& fence = fences.at(j);
                if (fence.language == language && !fence.lines.isEmpty() &&
                    squeezed(fence.lines.first()) == squeezed(block.text())) {
                    run.fenceIndex = j;
                    break;
                }
            }
            if (run.fenceIndex < 0 && nextFence < fences.size() && fences.at(nextFence).language == language)
                run.fenceIndex = nextFence;
            if (run.fenceIndex >= 0) {
                nextFence = run.fenceIndex + 1;
                limit = std::max<int>(1, int(fences.at(run.fenceIndex).lines.size()));
            }
        }
        const int runIndex = int(runs.size());
        int count = 0;
        QTextBlock b = block;
        while (b.isValid() && count < limit && hasCodeProperty(b.blockFormat()) &&
               sameCodeKind(b.blockFormat(), format) && looksLikeCode(b)) {
            mark(b, runIndex);
            run.last = b.blockNumber();
            ++count;
            b = b.next();
        }
        runs.append(run);
        block = b;
    }
    return runs;
}

QString blockPlainText(const QTextBlock& block)
{
    QString text = block.text();
    text.replace(QChar::LineSeparator, u'\n');
    text.replace(QChar::Nbsp, u' ');
    text.remove(QChar::ObjectReplacementCharacter);
    return text;
}

// Builds the plain text: units joined by a blank line unless they belong together (lines of one
// code block, items of one list).
class PlainTextWriter
{
public:
    void block(const QTextBlock& block)
    {
        const QTextBlockFormat format = block.blockFormat();
        if (format.hasProperty(MarkdownRenderer::CodeRunProperty)) {
            add(blockPlainText(block),
                QStringLiteral("code%1").arg(format.intProperty(MarkdownRenderer::CodeRunProperty)));
            return;
        }
        QString text = blockPlainText(block);
        if (text.trimmed().isEmpty())
            return;
        if (QTextList* list = block.textList()) {
            const QTextListFormat lf = list->format();
            QString marker;
            switch (format.marker()) {
            case QTextBlockFormat::MarkerType::Checked:
                marker = QStringLiteral("[x]");
                break;
            case QTextBlockFormat::MarkerType::Unchecked:
                marker = QStringLiteral("[ ]");
                break;
            default:
                marker = list->itemText(block);
                if (marker.isEmpty() || marker == QLatin1String("."))
                    marker = QString(QChar(0x2022)); // bullet
                break;
            }
            const QString indent(std::max(0, lf.indent() - 1) * 2, u' ');
            add(indent + marker + u' ' + text, QStringLiteral("list"));
            return;
        }
        add(text, {});
    }

    void table(QTextTable* table)
    {
        QStringList rows;
        for (int r = 0; r < table->rows(); ++r) {
            QStringList cells;
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                QStringList parts;
                for (auto it = cell.begin(); !it.atEnd(); ++it) {
                    if (!it.currentFrame())
                        parts.append(blockPlainText(it.currentBlock()));
                }
                cells.append(parts.join(u' ').trimmed());
            }
            rows.append(cells.join(u'\t'));
        }
        add(rows.join(u'\n'), {});
    }

    void frame(QTextFrame* frame)
    {
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame* child = it.currentFrame()) {
                if (auto* t = qobject_cast<QTextTable*>(child))
                    table(t);
                else
                    this->frame(child);
            } else {
                block(it.currentBlock());
            }
        }
    }

    QString result() const { return m_text; }

private:
    void add(const QString& text, const QString& group)
    {
        if (!m_text.isEmpty())
            m_text +=
                (!group.isEmpty() && group == m_lastGroup) ? QStringLiteral("\n") : QStringLiteral("\n\n");
        m_text += text;
        m_lastGroup = group;
    }

    QString m_text;
    QString m_lastGroup;
};

void setupDocument(QTextDocument* doc, const QFont& font, const QString& markdown)
{
    doc->setUndoRedoEnabled(false);
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    QTextOption option = doc->defaultTextOption();
    // Long URLs and identifiers must wrap instead of overflowing the message's width.
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc->setDefaultTextOption(option);
    doc->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
}

void collectTables(QTextFrame* frame, QList<QTextTable*>* tables)
{
    for (QTextFrame* child : frame->childFrames()) {
        if (auto* t = qobject_cast<QTextTable*>(child))
            tables->append(t);
        collectTables(child, tables);
    }
}

} // namespace

MarkdownRenderer::MarkdownRenderer() : m_palette(QGuiApplication::palette()), m_font(QGuiApplication::font())
{
    setFont(m_font);
}

void MarkdownRenderer::setPalette(const QPalette& palette)
{
    m_palette = palette;
}

void MarkdownRenderer::setFont(const QFont& font)
{
    m_font = font;
    m_codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font.pointSizeF() > 0)
        m_codeFont.setPointSizeF(font.pointSizeF() * 0.95);
    else if (font.pixelSize() > 0)
        m_codeFont.setPixelSize(font.pixelSize());
}

QColor MarkdownRenderer::blend(const QColor& a, const QColor& b, qreal t)
{
    // 8-bit channels: the colours end up in 8-bit pixels and in format comparisons.
    auto mix = [t](int x, int y) {
        return qRound(x + (y - x) * t);
    };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()),
                  mix(a.alpha(), b.alpha()));
}

bool MarkdownRenderer::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor MarkdownRenderer::codeBackground() const
{
    return blend(m_palette.color(QPalette::Base), m_palette.color(QPalette::Text),
                 isDark(m_palette) ? 0.10 : 0.055);
}

QColor MarkdownRenderer::codeBorder() const
{
    return blend(m_palette.color(QPalette::Base), m_palette.color(QPalette::Text),
                 isDark(m_palette) ? 0.22 : 0.16);
}

QColor MarkdownRenderer::linkColor() const
{
    QColor link = m_palette.color(QPalette::Link);
    // Stock palettes keep a dark blue link colour on dark bases; lift it so it stays readable.
    if (isDark(m_palette) && link.lightness() < 140)
        link = link.lighter(180);
    return link;
}

RenderedMarkdown MarkdownRenderer::render(const QString& markdown, qreal width) const
{
    RenderedMarkdown out;
    auto doc = std::make_shared<QTextDocument>();
    setupDocument(doc.get(), m_font, markdown);
    const QList<Fence> fences = scanFences(markdown);
    const QList<CodeRun> runs = annotateCode(doc.get(), fences);

    const QColor codeBg = codeBackground();
    QTextCharFormat codeChars;
    codeChars.setFontFamilies({m_codeFont.family()});
    codeChars.setFontFixedPitch(true);
    if (m_codeFont.pointSizeF() > 0)
        codeChars.setFontPointSize(m_codeFont.pointSizeF());

    // Code runs: padding through margins (the box itself is painted in paint()), a background on the
    // blocks so the document alone still shows the code tinted, and wrapping instead of overflow.
    for (const CodeRun& run : runs) {
        const bool fenced = run.fenceIndex >= 0;
        for (int n = run.first; n <= run.last; ++n) {
            const QTextBlock b = doc->findBlockByNumber(n);
            QTextBlockFormat f = b.blockFormat();
            f.setLeftMargin(f.leftMargin() + kCodePadX);
            f.setRightMargin(kCodePadX);
            f.setTopMargin(n == run.first
                               ? kCodeGap + kCodePadY + (fenced ? m_codeHeaderHeight - kCodePadY / 2 : 0)
                               : 0);
            f.setBottomMargin(n == run.last ? kCodeGap + kCodePadY : 0);
            f.setBackground(codeBg);
            f.setNonBreakableLines(false);
            QTextCursor c(b);
            c.setBlockFormat(f);
            c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            c.mergeCharFormat(codeChars);
        }
    }

    // Inline code, links and quotes.
    struct Range
    {
        int start;
        int length;
        bool anchor;
    };
    QList<Range> ranges;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        QTextBlockFormat bf = b.blockFormat();
        if (bf.hasProperty(QTextFormat::BlockQuoteLevel) &&
            bf.intProperty(QTextFormat::BlockQuoteLevel) > 0) {
            const int level = bf.intProperty(QTextFormat::BlockQuoteLevel);
            const qreal codePad = bf.hasProperty(CodeRunProperty) ? kCodePadX : 0;
            bf.setLeftMargin(level * kQuoteIndent + codePad);
            bf.setRightMargin(codePad);
            QTextCursor(b).setBlockFormat(bf);
        }
        if (bf.hasProperty(CodeRunProperty))
            continue;
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment frag = it.fragment();
            const QTextCharFormat cf = frag.charFormat();
            if (cf.isAnchor())
                ranges.append({frag.position(), frag.length(), true});
            else if (cf.fontFixedPitch())
                ranges.append({frag.position(), frag.length(), false});
        }
    }
    QTextCharFormat inlineCode = codeChars;
    inlineCode.setBackground(codeBg);
    QTextCharFormat link;
    link.setForeground(linkColor());
    for (const Range& r : ranges) {
        QTextCursor c(doc.get());
        c.setPosition(r.start);
        c.setPosition(r.start + r.length, QTextCursor::KeepAnchor);
        c.mergeCharFormat(r.anchor ? link : inlineCode);
    }

    // Tables: thin palette-coloured grid, padded cells, a tinted header row.
    QList<QTextTable*> tables;
    collectTables(doc->rootFrame(), &tables);
    for (QTextTable* table : tables) {
        QTextTableFormat tf = table->format();
        tf.setBorder(1);
        tf.setBorderBrush(codeBorder());
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorderCollapse(true);
        tf.setCellSpacing(0);
        tf.setCellPadding(5);
        tf.setTopMargin(4);
        tf.setBottomMargin(4);
        table->setFormat(tf);
        for (int c = 0; c < table->columns(); ++c) {
            QTextTableCell cell = table->cellAt(0, c);
            QTextCharFormat cellFormat = cell.format();
            cellFormat.setBackground(codeBg);
            cell.setFormat(cellFormat);
        }
    }

    doc->setTextWidth(width);
    QAbstractTextDocumentLayout* layout = doc->documentLayout();
    for (const CodeRun& run : runs) {
        const QTextBlock first = doc->findBlockByNumber(run.first);
        const QTextBlock last = doc->findBlockByNumber(run.last);
        const QRectF firstRect = layout->blockBoundingRect(first);
        const QRectF lastRect = layout->blockBoundingRect(last);
        const qreal textLeft = first.layout()->lineCount() > 0 ? first.layout()->lineAt(0).x() : 0;
        const qreal right =
            first.layout()->lineCount() > 0
                ? first.layout()->lineAt(0).x() + first.layout()->lineAt(0).width() + kCodePadX
                : width;
        RenderedCodeBlock rendered;
        rendered.fenceIndex = run.fenceIndex;
        const qreal header = run.fenceIndex >= 0 ? m_codeHeaderHeight - kCodePadY / 2 : 0;
        rendered.rect =
            QRectF(QPointF(firstRect.left() + textLeft - kCodePadX, firstRect.top() - kCodePadY - header),
                   QPointF(firstRect.left() + right, lastRect.bottom() + kCodePadY));
        if (run.fenceIndex >= 0) {
            rendered.headerRect =
                QRectF(rendered.rect.left(), rendered.rect.top(), rendered.rect.width(), m_codeHeaderHeight);
            rendered.block =
                CodeBlock{fences.at(run.fenceIndex).language, fences.at(run.fenceIndex).lines.join(u'\n')};
        } else {
            QStringList lines;
            for (int n = run.first; n <= run.last; ++n)
                lines.append(doc->findBlockByNumber(n).text());
            rendered.block = CodeBlock{{}, lines.join(u'\n')};
        }
        out.codeBlocks.append(rendered);
    }
    // Code boxes may reach beyond the document (see RenderedMarkdown): the piece covers them.
    const qreal documentHeight = doc->size().height();
    qreal top = 0;
    qreal bottom = documentHeight;
    for (const RenderedCodeBlock& block : std::as_const(out.codeBlocks)) {
        top = std::min(top, block.rect.top());
        bottom = std::max(bottom, block.rect.bottom());
    }
    for (RenderedCodeBlock& block : out.codeBlocks) {
        block.rect.translate(0, -top);
        block.headerRect.translate(0, -top);
    }
    out.width = width;
    out.documentTop = -top;
    out.documentHeight = documentHeight;
    out.height = bottom - top;
    out.topMargin = doc->begin().blockFormat().topMargin();
    out.bottomMargin = doc->lastBlock().blockFormat().bottomMargin();
    out.document = std::move(doc);
    return out;
}

void MarkdownRenderer::paint(QPainter* painter, const RenderedMarkdown& rendered, const QPointF& origin,
                             const QRectF& clip, const QColor& textColor) const
{
    if (!rendered.document)
        return;
    painter->save();
    painter->translate(origin);
    painter->setRenderHint(QPainter::Antialiasing, true);
    const qreal docTop = rendered.documentTop;
    const QRectF docClip = clip.isEmpty() ? QRectF() : clip.translated(0, -docTop);

    // Quote bars: Qt only indents quotes.
    const QColor bar = codeBorder();
    for (QTextBlock b = rendered.document->begin(); b.isValid(); b = b.next()) {
        const int level = b.blockFormat().intProperty(QTextFormat::BlockQuoteLevel);
        if (level <= 0)
            continue;
        const QRectF r = rendered.document->documentLayout()->blockBoundingRect(b);
        if (!docClip.isEmpty() && !r.intersects(docClip))
            continue;
        for (int l = 0; l < level; ++l)
            painter->fillRect(QRectF(l * kQuoteIndent + 2, r.top() + docTop, 3, r.height()), bar);
    }

    painter->setPen(QPen(codeBorder(), 1));
    painter->setBrush(codeBackground());
    for (const RenderedCodeBlock& block : rendered.codeBlocks) {
        if (!clip.isEmpty() && !block.rect.intersects(clip))
            continue;
        painter->drawRoundedRect(block.rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        if (!block.block.language.isEmpty() && !block.headerRect.isEmpty()) {
            QFont small = m_font;
            small.setPointSizeF(std::max<qreal>(6, m_font.pointSizeF() * 0.85));
            painter->save();
            painter->setFont(small);
            painter->setPen(blend(m_palette.color(QPalette::Text), codeBackground(), 0.4));
            painter->drawText(block.headerRect.adjusted(kCodePadX, 0, -kCodePadX, 0),
                              Qt::AlignLeft | Qt::AlignVCenter, block.block.language);
            painter->restore();
        }
    }

    painter->translate(0, docTop);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = m_palette;
    if (textColor.isValid())
        ctx.palette.setColor(QPalette::Text, textColor);
    if (!docClip.isEmpty()) {
        ctx.clip = docClip;
        painter->setClipRect(docClip, Qt::IntersectClip);
    }
    rendered.document->documentLayout()->draw(painter, ctx);
    painter->restore();
}

qreal MarkdownRenderer::stackedY(const RenderedMarkdown& previous, qreal previousY,
                                 const RenderedMarkdown& next)
{
    const qreal previousTextBottom = previousY + previous.documentTop + previous.documentHeight;
    return previousTextBottom + std::max(previous.bottomMargin, next.topMargin) - next.documentTop;
}

QString MarkdownRenderer::anchorAt(const RenderedMarkdown& rendered, const QPointF& pos)
{
    if (!rendered.document)
        return {};
    return rendered.document->documentLayout()->anchorAt(pos - QPointF(0, rendered.documentTop));
}

QList<CodeBlock> MarkdownRenderer::codeBlocks(const QString& markdown)
{
    QList<CodeBlock> blocks;
    for (const Fence& fence : scanFences(markdown))
        blocks.append(CodeBlock{fence.language, fence.lines.join(u'\n')});
    return blocks;
}

QStringList MarkdownRenderer::splitIntoChunks(const QString& markdown, int targetSize)
{
    static const QRegularExpression referenceDefinition(QStringLiteral(R"(^ {0,3}\[[^\]]+\]:)"),
                                                        QRegularExpression::MultilineOption);
    if (markdown.size() <= targetSize || markdown.contains(referenceDefinition))
        return {markdown};

    QStringList chunks;
    int chunkStart = 0;
    int lineStart = 0;
    bool inFence = false;
    QChar fenceChar;
    int fenceLength = 0;
    bool previousBlank = false;
    QString lastContentLine;
    while (lineStart < markdown.size()) {
        int lineEnd = markdown.indexOf(u'\n', lineStart);
        const bool complete = lineEnd >= 0;
        if (!complete)
            lineEnd = int(markdown.size());
        const QString line = markdown.mid(lineStart, lineEnd - lineStart);
        const QString trimmed = line.trimmed();

        // A cut before this line: the previous line was blank, we are outside a fence, and this line
        // starts a new top-level block (not indented, not a list item continuing a list).
        if (previousBlank && !inFence && lineStart - chunkStart >= targetSize && !line.isEmpty()) {
            const QChar first = line.at(0);
            // Tables bring empty blocks of their own at a document's edges: never cut next to one.
            bool safe = !first.isSpace() && first != u'-' && first != u'*' && first != u'+' &&
                        first != u'|' && !lastContentLine.startsWith(u'|');
            if (safe && first.isDigit()) {
                int i = 0;
                while (i < line.size() && line.at(i).isDigit())
                    ++i;
                // "12" alone may still become "12. item": wait until the line says what it is.
                safe = i < line.size() && line.at(i) != u'.' && line.at(i) != u')';
            }
            if (safe) {
                chunks.append(markdown.mid(chunkStart, lineStart - chunkStart));
                chunkStart = lineStart;
            }
        }

        if (!inFence) {
            const auto m = openingFence().match(line);
            if (m.hasMatch() && complete) {
                const QString fence = m.captured(2);
                if (!(fence.at(0) == u'`' && m.captured(3).contains(u'`'))) {
                    inFence = true;
                    fenceChar = fence.at(0);
                    fenceLength = int(fence.size());
                }
            }
        } else if (trimmed.size() >= fenceLength && trimmed.count(fenceChar) == trimmed.size() && complete) {
            inFence = false;
        }
        previousBlank = trimmed.isEmpty() && complete;
        if (!trimmed.isEmpty())
            lastContentLine = trimmed;
        lineStart = lineEnd + 1;
    }
    chunks.append(markdown.mid(chunkStart));
    return chunks;
}

QString MarkdownRenderer::toPlainText(const QString& markdown)
{
    QTextDocument doc;
    setupDocument(&doc, QGuiApplication::font(), markdown);
    annotateCode(&doc, scanFences(markdown));
    PlainTextWriter writer;
    writer.frame(doc.rootFrame());
    return writer.result();
}

} // namespace ark::ui
