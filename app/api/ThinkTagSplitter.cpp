#include "ThinkTagSplitter.h"

namespace ark::api {

ThinkTagSplitter::Output ThinkTagSplitter::feed(const QString& chunk)
{
    return {chunk, {}};
}

ThinkTagSplitter::Output ThinkTagSplitter::finish()
{
    return {};
}

void ThinkTagSplitter::reset()
{
    m_state = State::Start;
    m_held.clear();
}

} // namespace ark::api
