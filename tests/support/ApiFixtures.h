// What the API tests set up alike: a client config aimed at the loopback server whose retries are short
// enough for a test (fixed jitter, so every delay is the same on each run), and a wait for a call's end.
// Header-only: ark_testsupport itself does not link the core these types come from.
#pragma once

#include "api/ChatClient.h"
#include "support/LoopbackServer.h"

#include <QSignalSpy>
#include <nlohmann/json.hpp>

namespace ark::testsupport {

inline api::ClientConfig loopbackConfig(const QUrl& baseUrl, const QString& apiKey)
{
    api::ClientConfig c;
    c.baseUrl = baseUrl;
    c.apiKey = apiKey;
    c.retry.baseDelayMs = 10;
    c.retry.maxBackoffMs = 20;
    c.retry.random = [] {
        return 0.5;
    };
    return c;
}

// True when the call's finished() came exactly once within `safetyMs` (a limit, not an expectation).
inline bool waitFinished(QObject* call, int safetyMs = 15000)
{
    QSignalSpy finished(call, SIGNAL(finished()));
    return finished.wait(safetyMs) && finished.size() == 1;
}

// The JSON body a request carried (throws on invalid JSON, which fails the test).
inline nlohmann::json bodyOf(const RecordedRequest& request)
{
    return nlohmann::json::parse(request.body.constData(), request.body.constData() + request.body.size());
}

// A JSON string's text; "" for anything that is not a string.
inline QString str(const nlohmann::json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

} // namespace ark::testsupport
