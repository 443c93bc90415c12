#include "ThinkTagSplitter.h"

#include <algorithm>

namespace ark::api {

namespace {

const QString kOpen = QStringLiteral("<think>");
const QString kClose = QStringLiteral("</think>");

qsizetype leadingSpaces(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    return i;
}

// The length of the longest end of `text` that is a proper beginning of `tag` ("...</thi" -> 5).
qsizetype partialTagAtEnd(QStringView text, const QString& tag)
{
    for (qsizetype n = std::min(text.size(), tag.size() - 1); n > 0; --n)
        if (text.right(n) == QStringView(tag).left(n))
            return n;
    return 0;
}

} // namespace

ThinkTagSplitter::Output ThinkTagSplitter::feed(const QString& chunk)
{
    Output out;
    if (chunk.isEmpty())
        return out;
    QString text = m_held + chunk;
    m_held.clear();
    QStringView rest(text);
    while (!rest.isEmpty()) {
        switch (m_state) {
        case State::Start: {
            const qsizetype spaces = leadingSpaces(rest);
            const QStringView tagPart = rest.mid(spaces);
            if (tagPart.startsWith(kOpen)) {
                m_state = State::InThink; // the whitespace before the tag is dropped
                rest = tagPart.mid(kOpen.size());
                continue;
            }
            if (QStringView(kOpen).startsWith(tagPart)) { // all whitespace, or "<thi": undecided
                m_held = rest.toString();
                return out;
            }
            m_state = State::Answer;
            out.content += rest;
            return out;
        }
        case State::InThink: {
            const qsizetype close = rest.indexOf(kClose);
            if (close >= 0) {
                out.reasoning += rest.left(close);
                rest = rest.mid(close + kClose.size());
                m_state = State::AfterThink;
                continue;
            }
            const qsizetype partial = partialTagAtEnd(rest, kClose);
            out.reasoning += rest.left(rest.size() - partial);
            m_held = rest.right(partial).toString();
            return out;
        }
        case State::AfterThink: {
            const qsizetype spaces = leadingSpaces(rest);
            if (spaces == rest.size())
                return out; // the line breaks between </think> and the answer
            m_state = State::Answer;
            out.content += rest.mid(spaces);
            return out;
        }
        case State::Answer:
            out.content += rest;
            return out;
        }
    }
    return out;
}

ThinkTagSplitter::Output ThinkTagSplitter::finish()
{
    Output out;
    if (m_state == State::InThink) {
        out.reasoning = m_held; // "</thi" that never closed is reasoning text
    } else if (m_state == State::Start && !m_held.isEmpty()) {
        out.content = m_held; // whitespace or "<thi" that never became a tag is the answer
        m_state = State::Answer;
    }
    m_held.clear();
    return out;
}

void ThinkTagSplitter::reset()
{
    m_state = State::Start;
    m_held.clear();
}

} // namespace ark::api
