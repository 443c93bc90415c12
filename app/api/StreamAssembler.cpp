#include "StreamAssembler.h"

namespace ark::api {

namespace {

// Later fragments repeat id/type/name as null (or, on some servers, verbatim): the first real value wins.
void adoptIfUnset(QString& target, const std::optional<QString>& value)
{
    if (target.isEmpty() && value && !value->isEmpty())
        target = *value;
}

} // namespace

void StreamAssembler::apply(const ChatDelta& delta)
{
    if (m_result.id.isEmpty())
        m_result.id = delta.id;
    if (m_result.model.isEmpty())
        m_result.model = delta.model;
    m_result.reasoning += delta.reasoning;
    if (!delta.content.isEmpty()) {
        m_sawContent = true;
        const ThinkTagSplitter::Output split = m_splitter.feed(delta.content);
        m_result.reasoning += split.reasoning;
        m_result.content += split.content;
    }

    for (const ToolCallFragment& fragment : delta.toolCalls) {
        const auto [it, created] = m_calls.try_emplace(fragment.index);
        ToolCall& call = it->second;
        if (created) {
            call.index = fragment.index;
            call.type.clear(); // filled from the fragment below, "function" only as the last resort
        }
        adoptIfUnset(call.id, fragment.id);
        adoptIfUnset(call.type, fragment.type);
        adoptIfUnset(call.name, fragment.name);
        // Each fragment's arguments are appended exactly once, the first one included (the doc's
        // sample code appends the first fragment twice).
        call.arguments += fragment.arguments;
    }

    if (!delta.finishReason.isEmpty())
        m_result.finishReason = delta.finishReason;
    // Per-chunk usage is cumulative, and the usage-only last chunk holds the whole request: replace.
    if (delta.usage)
        m_result.usage = *delta.usage;
}

void StreamAssembler::reset()
{
    m_result = ChatResult{};
    m_calls.clear();
    m_splitter.reset();
    m_sawContent = false;
}

bool StreamAssembler::hasAnyOutput() const
{
    return m_sawContent || !m_result.reasoning.isEmpty() || !m_calls.empty();
}

std::vector<ToolCall> StreamAssembler::toolCalls() const
{
    std::vector<ToolCall> calls;
    calls.reserve(m_calls.size());
    for (const auto& entry : m_calls) {
        ToolCall call = entry.second;
        if (call.type.isEmpty())
            call.type = QStringLiteral("function"); // the only type the protocol has
        calls.push_back(std::move(call));
    }
    return calls;
}

ChatResult StreamAssembler::result() const
{
    ChatResult snapshot = m_result;
    snapshot.toolCalls = toolCalls();
    // The answer as it stands if the stream ended now: what the splitter held back is released.
    ThinkTagSplitter rest = m_splitter;
    const ThinkTagSplitter::Output held = rest.finish();
    snapshot.content += held.content;
    snapshot.reasoning += held.reasoning;
    return snapshot;
}

} // namespace ark::api
