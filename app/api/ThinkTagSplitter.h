// Some models stream their reasoning inside `content` as <think>...</think>. This splits it out into
// reasoning, incrementally: a tag cut across chunks ("<thi" + "nk>") is held back until it is known.
// Only a <think> that opens the answer (leading whitespace aside) starts reasoning, so an answer that
// merely mentions the tag later is left alone.
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
    enum class State { Start, InThink, Answer };
    State m_state = State::Start;
    QString m_held; // text that may be the beginning of a tag
};

} // namespace ark::api
