#include "ToolCallListModel.h"

#include "api/ChatClient.h"
#include "tools/BuiltinTools.h"

#include <algorithm>

namespace ark::models {

ToolCallListModel::ToolCallListModel(QObject* parent) : QAbstractListModel(parent) {}

ToolCallListModel::~ToolCallListModel()
{
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
}

int ToolCallListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ToolCallListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("#%1 %2").arg(e.call.index).arg(e.call.name);
    case Qt::ToolTipRole:
        return e.call.id;
    case CallIndexRole:
        return e.call.index;
    case CallIdRole:
        return e.call.id;
    case NameRole:
        return e.call.name;
    case ArgumentsRole:
        return e.call.arguments;
    case PrettyArgumentsRole:
        return m_final && e.check.parsed ? e.check.pretty : e.call.arguments;
    case StatusRole:
        return int(e.status);
    case StatusTextRole:
        return statusText(e.status);
    case ResultRole:
        return e.result;
    case ProblemsRole: {
        QStringList problems;
        if (m_final)
            for (const tools::Problem& p : e.check.problems)
                problems << p.toString();
        return problems;
    }
    case HasErrorsRole:
        return m_final && e.check.hasErrors();
    case IsBuiltinRole:
        return offersBuiltin(e.call.name);
    case NeedsApprovalRole:
        return tools::BuiltinTools::needsApproval(e.call.name);
    default:
        return {};
    }
}

QHash<int, QByteArray> ToolCallListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CallIndexRole, "callIndex");
    names.insert(CallIdRole, "callId");
    names.insert(NameRole, "name");
    names.insert(ArgumentsRole, "arguments");
    names.insert(PrettyArgumentsRole, "prettyArguments");
    names.insert(StatusRole, "status");
    names.insert(StatusTextRole, "statusText");
    names.insert(ResultRole, "result");
    names.insert(ProblemsRole, "problems");
    names.insert(HasErrorsRole, "hasErrors");
    names.insert(IsBuiltinRole, "isBuiltin");
    names.insert(NeedsApprovalRole, "needsApproval");
    return names;
}

QString ToolCallListModel::statusText(Status status)
{
    switch (status) {
    case Status::Streaming:
        return tr("Streaming\u2026");
    case Status::AwaitingAnswer:
        return tr("Awaiting answer");
    case Status::Answered:
        return tr("Answered");
    case Status::ErrorReturned:
        return tr("Error returned");
    case Status::Interrupted:
        return tr("Interrupted");
    }
    return {};
}

void ToolCallListModel::setTools(std::vector<api::ToolDefinition> tools)
{
    m_tools = std::move(tools);
    if (!m_final || m_rows.empty())
        return;
    for (Entry& e : m_rows)
        check(e);
    emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

// -------------------------------------------------------------------------------------------------
// One answer

void ToolCallListModel::begin()
{
    clear();
    m_streaming = true;
}

void ToolCallListModel::applyDelta(const api::ChatDelta& delta)
{
    if (m_final)
        return; // a late delta after finish() changes nothing
    m_streaming = true;
    m_assembler.apply(delta);
    m_content = m_assembler.content();
    if (!delta.toolCalls.empty())
        syncFromAssembler();
}

void ToolCallListModel::syncFromAssembler()
{
    for (const api::ToolCall& call : m_assembler.toolCalls())
        insertOrUpdate(call, Status::Streaming);
}

void ToolCallListModel::insertOrUpdate(const api::ToolCall& call, Status status)
{
    const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), call.index,
                                     [](const Entry& e, int index) { return e.call.index < index; });
    const int row = int(at - m_rows.begin());
    if (at != m_rows.end() && at->call.index == call.index) {
        if (at->call.id == call.id && at->call.name == call.name && at->call.arguments == call.arguments &&
            at->status == status)
            return;
        at->call = call;
        at->status = status;
        emitRowChanged(row);
        return;
    }
    // Calls may start out of index order; rows stay in index order.
    beginInsertRows({}, row, row);
    Entry entry;
    entry.call = call;
    entry.status = status;
    m_rows.insert(at, std::move(entry));
    endInsertRows();
}

void ToolCallListModel::finish(const api::ChatResult& result)
{
    m_content = result.content;
    m_finishReason = result.finishReason;
    m_streaming = false;
    m_final = true;

    std::vector<api::ToolCall> calls = result.toolCalls;
    std::sort(calls.begin(), calls.end(),
              [](const api::ToolCall& a, const api::ToolCall& b) { return a.index < b.index; });
    const bool sameRows =
        calls.size() == m_rows.size() &&
        std::equal(calls.begin(), calls.end(), m_rows.begin(),
                   [](const api::ToolCall& c, const Entry& e) { return c.index == e.call.index; });
    if (sameRows) {
        for (size_t i = 0; i < calls.size(); ++i) {
            m_rows[i].call = calls[i];
            m_rows[i].status = Status::AwaitingAnswer;
            m_rows[i].result.clear();
            check(m_rows[i]);
        }
        if (!m_rows.empty())
            emit dataChanged(index(0), index(int(m_rows.size()) - 1));
    } else {
        beginResetModel();
        m_rows.clear();
        for (const api::ToolCall& call : calls) {
            Entry entry;
            entry.call = call;
            entry.status = Status::AwaitingAnswer;
            check(entry);
            m_rows.push_back(std::move(entry));
        }
        endResetModel();
    }
    emit finished();
    updateAllAnswered();
}

void ToolCallListModel::interrupt()
{
    m_streaming = false;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].status == Status::Streaming) {
            m_rows[i].status = Status::Interrupted;
            emitRowChanged(int(i));
        }
    }
}

void ToolCallListModel::watch(api::ChatCall* call)
{
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    begin();
    m_watched = call;
    if (!call)
        return;
    m_connections << connect(call, &api::ChatCall::delta, this, &ToolCallListModel::applyDelta);
    m_connections << connect(call, &api::ChatCall::finished, this, [this, call] {
        if (call != m_watched)
            return;
        if (call->succeeded())
            finish(call->result());
        else
            interrupt();
    });
}

void ToolCallListModel::load(const QString& content, const std::vector<api::ToolCall>& calls,
                             const std::vector<StoredAnswer>& answers)
{
    beginResetModel();
    m_rows.clear();
    m_assembler.reset();
    m_content = content;
    m_finishReason = QStringLiteral("tool_calls");
    m_final = true;
    m_streaming = false;
    for (size_t i = 0; i < calls.size(); ++i) {
        Entry entry;
        entry.call = calls[i];
        entry.status = Status::AwaitingAnswer;
        if (i < answers.size()) {
            entry.status = answers[i].isError ? Status::ErrorReturned : Status::Answered;
            entry.result = answers[i].text;
        }
        check(entry);
        m_rows.push_back(std::move(entry));
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Entry& a, const Entry& b) { return a.call.index < b.call.index; });
    endResetModel();
    emit finished();
    updateAllAnswered();
}

void ToolCallListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_assembler.reset();
    m_content.clear();
    m_finishReason.clear();
    m_final = false;
    m_streaming = false;
    endResetModel();
    updateAllAnswered();
}

int ToolCallListModel::rowForId(const QString& callId) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].call.id == callId)
            return int(i);
    return -1;
}

std::vector<api::ToolCall> ToolCallListModel::calls() const
{
    std::vector<api::ToolCall> out;
    out.reserve(m_rows.size());
    for (const Entry& e : m_rows)
        out.push_back(e.call);
    return out;
}

// -------------------------------------------------------------------------------------------------
// Answers

bool ToolCallListModel::isAnswerable(int row) const
{
    if (!m_final || row < 0 || row >= count())
        return false;
    const Status s = m_rows[size_t(row)].status;
    return s != Status::Streaming && s != Status::Interrupted;
}

bool ToolCallListModel::answer(int row, const QString& result)
{
    return setAnswer(row, Status::Answered, result);
}

bool ToolCallListModel::returnError(int row, const QString& message)
{
    return setAnswer(row, Status::ErrorReturned, message);
}

bool ToolCallListModel::clearAnswer(int row)
{
    return setAnswer(row, Status::AwaitingAnswer, QString());
}

bool ToolCallListModel::setAnswer(int row, Status status, const QString& text)
{
    if (!isAnswerable(row))
        return false;
    Entry& e = m_rows[size_t(row)];
    e.status = status;
    e.result = text;
    emitRowChanged(row);
    emit answersChanged();
    updateAllAnswered();
    return true;
}

QString ToolCallListModel::defaultErrorText(int row) const
{
    if (row < 0 || row >= count())
        return {};
    const Entry& e = m_rows[size_t(row)];
    QStringList problems;
    for (const tools::Problem& p : e.check.problems)
        if (p.isError())
            problems << p.toString();
    if (problems.isEmpty())
        return tr("Error: the tool could not be run.");
    return tr("Error: the call was not run because its arguments do not fit the function: %1")
        .arg(problems.join(QStringLiteral("; ")));
}

int ToolCallListModel::answerBuiltinCalls(const tools::BuiltinTools& builtins)
{
    int answered = 0;
    for (int row = 0; row < count(); ++row) {
        const Entry& e = m_rows[size_t(row)];
        if (e.status != Status::AwaitingAnswer || !offersBuiltin(e.call.name) ||
            tools::BuiltinTools::needsApproval(e.call.name))
            continue;
        const tools::ToolOutcome outcome = builtins.run(e.call);
        if (outcome.ok ? answer(row, outcome.content) : returnError(row, outcome.content))
            ++answered;
    }
    return answered;
}

bool ToolCallListModel::allAnswered() const
{
    return m_final && !m_rows.empty() && std::all_of(m_rows.begin(), m_rows.end(), [](const Entry& e) {
               return e.status == Status::Answered || e.status == Status::ErrorReturned;
           });
}

// -------------------------------------------------------------------------------------------------
// History

api::ChatMessage ToolCallListModel::assistantMessage() const
{
    // Content that is only whitespace (the older single-chunk form sends "\n") says nothing.
    return api::ChatMessage::assistantToolCalls(m_content.trimmed().isEmpty() ? QString() : m_content,
                                                calls());
}

std::vector<api::ChatMessage> ToolCallListModel::toolMessages() const
{
    std::vector<api::ChatMessage> out;
    out.reserve(m_rows.size());
    for (const Entry& e : m_rows)
        out.push_back(api::ChatMessage::toolResult(e.call.id, e.result));
    return out;
}

std::vector<api::ChatMessage> ToolCallListModel::history() const
{
    if (!allAnswered())
        return {};
    std::vector<api::ChatMessage> out{assistantMessage()};
    for (api::ChatMessage& m : toolMessages())
        out.push_back(std::move(m));
    return out;
}

// -------------------------------------------------------------------------------------------------

void ToolCallListModel::check(Entry& entry) const
{
    entry.check = tools::ToolSchema::checkCall(entry.call, m_tools);
}

void ToolCallListModel::emitRowChanged(int row)
{
    const QModelIndex i = index(row);
    emit dataChanged(i, i);
}

void ToolCallListModel::updateAllAnswered()
{
    const bool all = allAnswered();
    if (all == m_allAnswered)
        return;
    m_allAnswered = all;
    emit allAnsweredChanged(all);
}

bool ToolCallListModel::offersBuiltin(const QString& name) const
{
    return tools::BuiltinTools::isBuiltin(name) &&
           std::any_of(m_tools.begin(), m_tools.end(),
                       [&](const api::ToolDefinition& t) { return t.name == name; });
}

} // namespace ark::models
