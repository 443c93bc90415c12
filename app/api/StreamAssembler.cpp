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
    m_result.content += delta.content;
    m_result.reasoning += delta.reasoning;

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
}

bool StreamAssembler::hasAnyOutput() const
{
    return !m_result.content.isEmpty() || !m_result.reasoning.isEmpty() || !m_calls.empty();
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
    return snapshot;
}

} // namespace ark::api
