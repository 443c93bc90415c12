// Some models stream their reasoning inside `content` as <think>...</think>. This splits it out into
// reasoning, incrementally: a tag cut across chunks ("<thi" + "nk>") is held back until it is known.
// Only a <think> that opens the answer (leading whitespace aside) starts reasoning, so an answer that
// merely mentions the tag later is left alone. Whitespace before <think> and right after </think> is
// layout around the tags, not answer text, and is dropped.
#pragma once

#include <QString>

namespace ark::api {

class ThinkTagSplitter
{
public:
    struct Output
    {
        QString content;
        QString reasoning;
    };

    Output feed(const QString& chunk);
    Output finish(); // the stream ended: releases anything held back
    bool inThink() const { return m_state == State::InThink; }
    void reset();

private:
    // Start: nothing but whitespace so far; InThink: inside <think>; AfterThink: past </think>,
    // skipping the whitespace before the answer; Answer: everything passes through.
    enum class State { Start, InThink, AfterThink, Answer };
    State m_state = State::Start;
    QString m_held; // text that may be the beginning of a tag (Start: with the whitespace before it)
};

} // namespace ark::api
