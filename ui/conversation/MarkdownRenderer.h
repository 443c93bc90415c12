// Turns a message's Markdown into a laid-out QTextDocument with Qt's own parser (md4c, GitHub
// dialect), then styles what Qt leaves bare: fenced code gets a tinted, padded box with room for a
// language label and a Copy button, inline code a tint, links and tables the palette's colours.
// The renderer is stateless apart from its palette and fonts, so the delegate can cache its results
// per (message id, revision, width) and never parse the same text twice while scrolling.
#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QPalette>
#include <QRectF>
#include <QString>
#include <memory>

class QPainter;
class QTextDocument;

namespace ark::ui {

// A fenced code block as written in the Markdown source (what a Copy button copies).
struct CodeBlock
{
    QString language; // the info string's first word, "" when none
    QString code;     // the lines between the fences, without the final newline
};

// A code block as laid out in a rendered document.
struct RenderedCodeBlock
{
    QRectF rect;         // the tinted box, in document coordinates
    QRectF headerRect;   // the strip at the top of a fenced box (language label, Copy button)
    int fenceIndex = -1; // index into codeBlocks(markdown); -1 for an indented (unfenced) block
    CodeBlock block;
};

// A rendered piece of Markdown. Its own coordinates start at the top of whatever it paints: a code
// box at the very start reaches above the document's first line (Qt drops the first block's top
// margin and the last block's bottom margin), so the document is drawn `documentTop` lower.
struct RenderedMarkdown
{
    std::shared_ptr<QTextDocument> document; // laid out at `width`
    QList<RenderedCodeBlock> codeBlocks;     // rectangles in the piece's coordinates
    qreal width = 0;
    qreal height = 0;         // everything painted
    qreal documentTop = 0;    // where the document's origin is drawn
    qreal documentHeight = 0; // the document's own height
    qreal topMargin = 0;      // the first block's top margin, which Qt dropped
    qreal bottomMargin = 0;   // the last block's bottom margin, which Qt dropped
};

class MarkdownRenderer
{
public:
    // Custom block property: the index of the code run a block belongs to (fenced or indented).
    static constexpr int CodeRunProperty = 0x100000 + 1; // QTextFormat::UserProperty + 1

    MarkdownRenderer();

    void setPalette(const QPalette& palette);
    const QPalette& palette() const { return m_palette; }
    void setFont(const QFont& font);
    const QFont& font() const { return m_font; }
    // Height of the strip at the top of each fenced block that holds the language and a Copy button.
    void setCodeHeaderHeight(int pixels) { m_codeHeaderHeight = pixels; }
    int codeHeaderHeight() const { return m_codeHeaderHeight; }

    // Parses, styles and lays out `markdown` at `width` pixels.
    RenderedMarkdown render(const QString& markdown, qreal width) const;

    // Paints code boxes, then the document, at `origin`. `clip` is in document coordinates (empty =
    // everything). `textColor` overrides the palette's text colour (e.g. inside a tinted bubble).
    void paint(QPainter* painter, const RenderedMarkdown& rendered, const QPointF& origin,
               const QRectF& clip = {}, const QColor& textColor = {}) const;

    QColor codeBackground() const;
    QColor codeBorder() const;
    QColor linkColor() const;

    // The fenced code blocks of `markdown`, in order (an unclosed fence runs to the end, as while
    // an answer streams).
    static QList<CodeBlock> codeBlocks(const QString& markdown);
    // Splits Markdown into pieces that render the same one by one as together: cuts only at a blank
    // line outside code fences that is followed by a new top-level block, once a piece has reached
    // `targetSize` characters. Appending text never moves an earlier cut, so while an answer streams
    // only the last piece changes and the others stay cached. Text with link reference definitions
    // (which may be used before they are defined) stays whole.
    static QStringList splitIntoChunks(const QString& markdown, int targetSize);
    // Where `next` starts when stacked under `previous` (drawn at `previousY`): the two documents'
    // facing margins collapse as they would inside one document.
    static qreal stackedY(const RenderedMarkdown& previous, qreal previousY, const RenderedMarkdown& next);
    // The link under `pos` (piece coordinates), "" when none.
    static QString anchorAt(const RenderedMarkdown& rendered, const QPointF& pos);
    // What a person reading the rendered message would copy: no Markdown syntax, paragraphs separated
    // by blank lines, list items with bullets or numbers, table cells separated by tabs.
    static QString toPlainText(const QString& markdown);

    // Small colour helpers shared by the conversation widgets.
    static QColor blend(const QColor& a, const QColor& b, qreal t);
    static bool isDark(const QPalette& palette);

private:
    QPalette m_palette;
    QFont m_font;
    QFont m_codeFont;
    int m_codeHeaderHeight = 24;
};

} // namespace ark::ui
