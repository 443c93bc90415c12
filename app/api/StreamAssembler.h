// Folds a sequence of ChatDelta into one ChatResult. Tool-call fragments are merged by index:
// the first non-null id/type/name is kept and arguments are concatenated. Usage is replaced,
// never added, because per-chunk usage is cumulative. Content goes through a ThinkTagSplitter: a
// <think>...</think> that opens the answer is reasoning, however the chunks cut the tags.
#pragma once

#include "ChatTypes.h"
#include "ThinkTagSplitter.h"

#include <map>

namespace ark::api {

class StreamAssembler
{
public:
    void apply(const ChatDelta& delta);
    void reset();

    // While the stream runs, a few characters that may start a tag are held back from these two;
    // result() includes them (the stream is taken as ended).
    const QString& content() const { return m_result.content; }
    const QString& reasoning() const { return m_result.reasoning; }
    const QString& finishReason() const { return m_result.finishReason; }
    const Usage& usage() const { return m_result.usage; }
    bool hasAnyOutput() const;               // any content, reasoning or tool call arrived
    std::vector<ToolCall> toolCalls() const; // ordered by index
    ChatResult result() const;               // a snapshot with tool calls in index order

private:
    ChatResult m_result;             // toolCalls kept empty here; built from m_calls
    std::map<int, ToolCall> m_calls; // by index
    ThinkTagSplitter m_splitter;
    bool m_sawContent = false; // content arrived, even if the splitter still holds all of it
};

} // namespace ark::api
