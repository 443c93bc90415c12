#include "ConversationExport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ark::store {

namespace {

QString tr(const char* text)
{
    // lupdate files these tr() calls under the enclosing namespace, so the context must be "ark::store".
    return QCoreApplication::translate("ark::store", text);
}

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString readableTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : QString();
}

// A fence longer than any backtick run inside, so code in the text cannot close it early.
QString fenceFor(const QString& text)
{
    int longest = 0;
    int run = 0;
    for (const auto ch : text) {
        run = ch == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max(3, longest + 1), QLatin1Char('`'));
}

QString fenced(const QString& text, const QString& language = {})
{
    const auto fence = fenceFor(text);
    QString body = text;
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    return fence + language + QLatin1Char('\n') + body + fence + QLatin1Char('\n');
}

QString quoted(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (auto& line : lines)
        line = line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString roleHeading(api::Role role)
{
    switch (role) {
    case api::Role::System:
        return tr("System");
    case api::Role::User:
        return tr("User");
    case api::Role::Assistant:
        return tr("Assistant");
    case api::Role::Tool:
        return tr("Tool");
    }
    return {};
}

QString usageLine(const api::Usage& usage)
{
    QString line = tr("Tokens: %1 in, %2 out").arg(usage.promptTokens).arg(usage.completionTokens);
    QStringList details;
    if (usage.reasoningTokens > 0)
        details.append(tr("%1 reasoning").arg(usage.reasoningTokens));
    if (usage.cachedTokens > 0)
        details.append(tr("%1 cached").arg(usage.cachedTokens));
    if (!details.isEmpty())
        line += QStringLiteral(" (") + details.join(QStringLiteral(", ")) + QLatin1Char(')');
    return line;
}

QString markdownMessage(const MessageRecord& m)
{
    QString out = QStringLiteral("## ") + roleHeading(m.role);
    if (m.role == api::Role::Assistant && !m.model.isEmpty())
        out += QStringLiteral(" · ") + m.model;
    if (m.role == api::Role::Tool && !m.toolName.isEmpty())
        out += QStringLiteral(" · ") + m.toolName;
    out += QStringLiteral("\n\n");
    if (m.createdAt.isValid())
        out += QLatin1Char('*') + readableTime(m.createdAt) + QStringLiteral("*\n\n");

    if (!m.reasoning.isEmpty()) {
        // Collapsed by default where HTML is rendered (GitHub, most viewers); blank lines keep the
        // Markdown inside it working.
        out += QStringLiteral("<details>\n<summary>") + tr("Reasoning") + QStringLiteral("</summary>\n\n") +
               m.reasoning.trimmed() + QStringLiteral("\n\n</details>\n\n");
    }
    if (!m.content.isEmpty()) {
        if (m.role == api::Role::Tool)
            out += fenced(m.content) + QLatin1Char('\n');
        else
            out += m.content +
                   (m.content.endsWith(QLatin1Char('\n')) ? QStringLiteral("\n") : QStringLiteral("\n\n"));
    }
    for (const auto& call : m.toolCalls) {
        out +=
            QStringLiteral("**") + tr("Tool call") + QStringLiteral(":** `") + call.name + QLatin1Char('`');
        if (!call.id.isEmpty())
            out += QStringLiteral(" (`") + call.id + QStringLiteral("`)");
        out += QStringLiteral("\n\n") + fenced(call.arguments, QStringLiteral("json")) + QLatin1Char('\n');
    }

    QStringList notes;
    switch (m.state) {
    case MessageState::Interrupted:
        notes.append(tr("Interrupted: the answer was cut off before it finished."));
        break;
    case MessageState::Streaming:
        notes.append(tr("Still being written when exported."));
        break;
    case MessageState::Failed: {
        QString note = tr("Failed");
        if (!m.errorMessage.isEmpty())
            note += QStringLiteral(": ") + m.errorMessage;
        QStringList codes;
        if (!m.errorCode.isEmpty())
            codes.append(m.errorCode);
        if (m.errorStatus != 0)
            codes.append(QStringLiteral("HTTP %1").arg(m.errorStatus));
        if (!codes.isEmpty())
            note += QStringLiteral(" (") + codes.join(QStringLiteral(", ")) + QLatin1Char(')');
        notes.append(note);
        break;
    }
    case MessageState::Complete:
        break;
    }
    if (m.usage.present)
        notes.append(usageLine(m.usage));
    for (const auto& note : notes)
        out += QLatin1Char('*') + note + QStringLiteral("*\n\n");
    return out;
}

// Every string value of a JSON tree, scrubbed; keys are ours and stay as they are.
QJsonValue scrubbed(const QJsonValue& value)
{
    if (value.isString())
        return scrubSecrets(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const auto& item : value.toArray())
            array.append(scrubbed(item));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = scrubbed(it.value());
        return object;
    }
    return value;
}

QJsonObject messageToJson(const MessageRecord& m)
{
    QJsonArray calls;
    for (const auto& call : m.toolCalls) {
        calls.append(QJsonObject{{QStringLiteral("index"), call.index},
                                 {QStringLiteral("id"), call.id},
                                 {QStringLiteral("type"), call.type},
                                 {QStringLiteral("name"), call.name},
                                 {QStringLiteral("arguments"), call.arguments}});
    }
    QJsonValue usage = QJsonValue::Null;
    if (m.usage.present) {
        usage = QJsonObject{{QStringLiteral("promptTokens"), m.usage.promptTokens},
                            {QStringLiteral("completionTokens"), m.usage.completionTokens},
                            {QStringLiteral("totalTokens"), m.usage.totalTokens},
                            {QStringLiteral("cachedTokens"), m.usage.cachedTokens},
                            {QStringLiteral("reasoningTokens"), m.usage.reasoningTokens}};
    }
    QJsonValue error = QJsonValue::Null;
    if (!m.errorKind.isEmpty() || !m.errorCode.isEmpty() || !m.errorMessage.isEmpty() || m.errorStatus != 0) {
        error = QJsonObject{{QStringLiteral("kind"), m.errorKind},
                            {QStringLiteral("code"), m.errorCode},
                            {QStringLiteral("message"), m.errorMessage},
                            {QStringLiteral("status"), m.errorStatus}};
    }
    return QJsonObject{{QStringLiteral("id"), m.id},
                       {QStringLiteral("parentId"), m.parentId},
                       {QStringLiteral("role"), roleToText(m.role)},
                       {QStringLiteral("content"), m.content},
                       {QStringLiteral("reasoning"), m.reasoning},
                       {QStringLiteral("toolCalls"), calls},
                       {QStringLiteral("toolCallId"), m.toolCallId},
                       {QStringLiteral("toolName"), m.toolName},
                       {QStringLiteral("attachments"), m.attachmentsJson},
                       {QStringLiteral("usage"), usage},
                       {QStringLiteral("model"), m.model},
                       {QStringLiteral("finishReason"), m.finishReason},
                       {QStringLiteral("createdAt"), isoTime(m.createdAt)},
                       {QStringLiteral("ttftMs"), m.ttftMs},
                       {QStringLiteral("totalMs"), m.totalMs},
                       {QStringLiteral("reasoningMs"), m.reasoningMs},
                       {QStringLiteral("state"), stateToText(m.state)},
                       {QStringLiteral("error"), error},
                       {QStringLiteral("requestId"), m.requestId}};
}

QDateTime parseTime(const QJsonValue& value)
{
    const auto time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? fromEpochMs(time.toMSecsSinceEpoch()) : QDateTime();
}

bool parseMessage(const QJsonValue& value, int position, MessageRecord& m, QString* error)
{
    auto failWith = [&](const QString& what) {
        if (error)
            *error = tr("Message %1: %2").arg(position + 1).arg(what);
        return false;
    };
    if (!value.isObject())
        return failWith(tr("not an object."));
    const auto o = value.toObject();
    m.id = o.value(QStringLiteral("id")).toInteger(0);
    if (m.id <= 0)
        return failWith(tr("missing or invalid \"id\"."));
    const auto parent = o.value(QStringLiteral("parentId"));
    m.parentId = parent.isNull() || parent.isUndefined() ? 0 : parent.toInteger(-1);
    if (m.parentId < 0)
        return failWith(tr("invalid \"parentId\"."));
    const auto role = roleFromText(o.value(QStringLiteral("role")).toString());
    if (!role)
        return failWith(tr("unknown role \"%1\".").arg(o.value(QStringLiteral("role")).toString()));
    m.role = *role;
    m.content = o.value(QStringLiteral("content")).toString();
    m.reasoning = o.value(QStringLiteral("reasoning")).toString();
    for (const auto& item : o.value(QStringLiteral("toolCalls")).toArray()) {
        const auto c = item.toObject();
        api::ToolCall call;
        call.index = c.value(QStringLiteral("index")).toInt();
        call.id = c.value(QStringLiteral("id")).toString();
        call.type = c.value(QStringLiteral("type")).toString(QStringLiteral("function"));
        call.name = c.value(QStringLiteral("name")).toString();
        call.arguments = c.value(QStringLiteral("arguments")).toString();
        m.toolCalls.push_back(std::move(call));
    }
    m.toolCallId = o.value(QStringLiteral("toolCallId")).toString();
    m.toolName = o.value(QStringLiteral("toolName")).toString();
    m.attachmentsJson = o.value(QStringLiteral("attachments")).toString();
    if (const auto usage = o.value(QStringLiteral("usage")); usage.isObject()) {
        const auto u = usage.toObject();
        m.usage.present = true;
        m.usage.promptTokens = u.value(QStringLiteral("promptTokens")).toInteger();
        m.usage.completionTokens = u.value(QStringLiteral("completionTokens")).toInteger();
        m.usage.totalTokens = u.value(QStringLiteral("totalTokens")).toInteger();
        m.usage.cachedTokens = u.value(QStringLiteral("cachedTokens")).toInteger();
        m.usage.reasoningTokens = u.value(QStringLiteral("reasoningTokens")).toInteger();
    }
    m.model = o.value(QStringLiteral("model")).toString();
    m.finishReason = o.value(QStringLiteral("finishReason")).toString();
    m.createdAt = parseTime(o.value(QStringLiteral("createdAt")));
    m.ttftMs = o.value(QStringLiteral("ttftMs")).toInteger(-1);
    m.totalMs = o.value(QStringLiteral("totalMs")).toInteger(-1);
    m.reasoningMs = o.value(QStringLiteral("reasoningMs")).toInteger(-1);
    m.state = stateFromText(o.value(QStringLiteral("state")).toString()).value_or(MessageState::Complete);
    if (const auto e = o.value(QStringLiteral("error")); e.isObject()) {
        const auto eo = e.toObject();
        m.errorKind = eo.value(QStringLiteral("kind")).toString();
        m.errorCode = eo.value(QStringLiteral("code")).toString();
        m.errorMessage = eo.value(QStringLiteral("message")).toString();
        m.errorStatus = eo.value(QStringLiteral("status")).toInt();
    }
    m.requestId = o.value(QStringLiteral("requestId")).toString();
    return true;
}

} // namespace

QString scrubSecrets(const QString& text)
{
    // A token needs a digit and 8+ characters, so prose such as "Bearer authentication" survives.
    static const QRegularExpression bearer(
        QStringLiteral("\\bBearer\\s+(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{8,}=*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression assignment(
        QStringLiteral(
            "((?:x-)?api[_-]?key[\"']?\\s*[:=]\\s*[\"']?)(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{8,}"),
        QRegularExpression::CaseInsensitiveOption);
    if (!text.contains(QStringLiteral("bearer"), Qt::CaseInsensitive) &&
        !text.contains(QStringLiteral("key"), Qt::CaseInsensitive))
        return text; // the common case, without running the expressions
    QString result = text;
    result.replace(bearer, QStringLiteral("Bearer [redacted]"));
    result.replace(assignment, QStringLiteral("\\1[redacted]"));
    return result;
}

QString toMarkdown(const ConversationRecord& conversation, const std::vector<MessageRecord>& messages)
{
    QString out = QStringLiteral("# ") +
                  (conversation.title.isEmpty() ? tr("Untitled conversation") : conversation.title) +
                  QStringLiteral("\n\n");
    QStringList meta;
    if (!conversation.model.isEmpty())
        meta.append(tr("Model: %1").arg(conversation.model));
    if (conversation.createdAt.isValid())
        meta.append(tr("Created: %1").arg(readableTime(conversation.createdAt)));
    if (!meta.isEmpty())
        out += QLatin1Char('*') + meta.join(QStringLiteral(" · ")) + QStringLiteral("*\n\n");
    if (!conversation.systemPrompt.isEmpty())
        out += QStringLiteral("## ") + tr("System prompt") + QStringLiteral("\n\n") +
               quoted(conversation.systemPrompt) + QLatin1Char('\n');
    for (const auto& m : messages)
        out += markdownMessage(m);
    while (out.endsWith(QStringLiteral("\n\n")))
        out.chop(1);
    return scrubSecrets(out);
}

QByteArray toJson(const ConversationRecord& conversation, const std::vector<MessageRecord>& messages)
{
    QJsonArray list;
    for (const auto& m : messages)
        list.append(messageToJson(m));
    const QJsonObject head{{QStringLiteral("title"), conversation.title},
                           {QStringLiteral("pinned"), conversation.pinned},
                           {QStringLiteral("createdAt"), isoTime(conversation.createdAt)},
                           {QStringLiteral("updatedAt"), isoTime(conversation.updatedAt)},
                           {QStringLiteral("model"), conversation.model},
                           {QStringLiteral("systemPrompt"), conversation.systemPrompt},
                           {QStringLiteral("params"), conversation.paramsJson},
                           {QStringLiteral("currentLeafId"), conversation.currentLeafId}};
    const QJsonObject root{{QStringLiteral("format"), kExportFormatName},
                           {QStringLiteral("version"), kExportFormatVersion},
                           {QStringLiteral("exportedAt"), isoTime(nowUtc())},
                           {QStringLiteral("conversation"), head},
                           {QStringLiteral("messages"), list}};
    return QJsonDocument(scrubbed(root).toObject()).toJson(QJsonDocument::Indented);
}

std::optional<ParsedConversation> parseJson(const QByteArray& json, QString* error)
{
    auto failWith = [&](const QString& message) -> std::optional<ParsedConversation> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failWith(tr("The file is not valid JSON: %1 (at byte %2).")
                            .arg(parseError.errorString())
                            .arg(parseError.offset));
    const auto root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kExportFormatName)
        return failWith(tr("The file is not an Ark Workbench conversation export."));
    const auto version = root.value(QStringLiteral("version")).toInt(0);
    if (version > kExportFormatVersion)
        return failWith(tr("The file was exported by a newer version of Ark Workbench (format version %1; "
                           "this version reads up to %2).")
                            .arg(version)
                            .arg(kExportFormatVersion));
    if (version < 1)
        return failWith(tr("The file has no valid format version."));
    if (!root.value(QStringLiteral("conversation")).isObject() ||
        !root.value(QStringLiteral("messages")).isArray())
        return failWith(tr("The file lacks the \"conversation\" object or the \"messages\" list."));

    ParsedConversation parsed;
    const auto head = root.value(QStringLiteral("conversation")).toObject();
    auto& c = parsed.conversation;
    c.title = head.value(QStringLiteral("title")).toString();
    c.pinned = head.value(QStringLiteral("pinned")).toBool();
    c.createdAt = parseTime(head.value(QStringLiteral("createdAt")));
    c.updatedAt = parseTime(head.value(QStringLiteral("updatedAt")));
    c.model = head.value(QStringLiteral("model")).toString();
    c.systemPrompt = head.value(QStringLiteral("systemPrompt")).toString();
    c.paramsJson = head.value(QStringLiteral("params")).toString();
    c.currentLeafId = head.value(QStringLiteral("currentLeafId")).toInteger(0);

    const auto list = root.value(QStringLiteral("messages")).toArray();
    parsed.messages.reserve(static_cast<size_t>(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        MessageRecord m;
        if (!parseMessage(list.at(i), i, m, error))
            return std::nullopt;
        parsed.messages.push_back(std::move(m));
    }
    return parsed;
}

std::optional<qint64> importJson(ConversationStore& store, const QByteArray& json, QString* error)
{
    auto parsed = parseJson(json, error);
    if (!parsed)
        return std::nullopt;
    return store.importConversation(parsed->conversation, parsed->messages, error);
}

} // namespace ark::store
