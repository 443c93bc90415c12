// Streaming benchmark (prints figures; it is not a test): N chat chunks served as fast as possible
// over loopback, read by the app's ChatClient, then by `curl -sN` for comparison.
//
//   bench_streaming [CHUNKS] [RUNS]      defaults: 20000 chunks, 3 runs (the median run is reported)
//
// The server runs on its own thread; its CPU time is measured there and subtracted, so "client CPU"
// is what the app's client (decoder, assembler, Qt's HTTP thread) spent.
#include "BenchSupport.h"
#include "api/ChatClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

using namespace ark;
using bench::rusageSeconds;
using bench::ServerThread;

namespace {

struct Figures
{
    double wallSeconds = 0;
    double cpuSeconds = 0;
    qint64 bytes = 0;
    bool ok = false;
};

testsupport::ScriptedResponse makeStream(int chunks, qint64& bytes)
{
    testsupport::ScriptedResponse response;
    response.headers = {{"Content-Type", "text/event-stream"}};
    bytes = 0;
    // One write per event, as a real server flushes each token.
    for (int i = 0; i < chunks; ++i) {
        QByteArray event = "data: " + testsupport::chunks::content(QStringLiteral("tok%1 ").arg(i)) + "\n\n";
        bytes += event.size();
        response.steps.push_back(testsupport::Step::write(std::move(event)));
    }
    QByteArray tail = "data: " + testsupport::chunks::finish("stop") + "\n\ndata: [DONE]\n\n";
    bytes += tail.size();
    response.steps.push_back(testsupport::Step::write(std::move(tail)));
    return response;
}

Figures runClient(ServerThread& server, QNetworkAccessManager& nam,
                  const testsupport::ScriptedResponse& stream, qint64 bytes, int chunks)
{
    server.enqueue(stream);
    api::ChatClient client(&nam);
    api::ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.apiKey = QStringLiteral("bench-key");
    api::ChatRequest request;
    request.model = QStringLiteral("bench");
    request.messages.push_back(api::ChatMessage::user(QStringLiteral("go")));

    const double serverCpu0 = server.cpuSeconds();
    const double processCpu0 = rusageSeconds(RUSAGE_SELF);
    QElapsedTimer wall;
    wall.start();
    api::ChatCall* call = client.start(request, config);
    QEventLoop loop;
    QObject::connect(call, &api::ChatCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Figures f;
    f.wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    const double serverCpu = server.cpuSeconds() - serverCpu0;
    f.cpuSeconds = rusageSeconds(RUSAGE_SELF) - processCpu0 - serverCpu;
    f.bytes = bytes;
    // Each chunk carries "tok<i> ": check the whole answer arrived.
    f.ok = call->succeeded() && call->result().content.count(QLatin1Char(' ')) == chunks;
    if (!f.ok)
        std::fprintf(stderr, "client run failed: %s\n", qPrintable(call->error().humanMessage()));
    delete call;
    return f;
}

Figures runCurl(ServerThread& server, const testsupport::ScriptedResponse& stream, qint64 bytes)
{
    server.enqueue(stream);
    const QString url = server.baseUrl().toString() + QStringLiteral("/chat/completions");
    QProcess curl;
    curl.setStandardOutputFile(QProcess::nullDevice());
    const double children0 = rusageSeconds(RUSAGE_CHILDREN);
    QElapsedTimer wall;
    wall.start();
    curl.start(
        QStringLiteral("curl"),
        {QStringLiteral("-sN"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
         QStringLiteral("Content-Type: application/json"), QStringLiteral("-H"),
         QStringLiteral("Authorization: Bearer bench-key"), QStringLiteral("-d"),
         QStringLiteral(R"({"model":"bench","stream":true,"messages":[{"role":"user","content":"go"}]})"),
         url});
    QEventLoop loop;
    QObject::connect(&curl, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&curl, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    loop.exec();
    Figures f;
    f.wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    f.cpuSeconds = rusageSeconds(RUSAGE_CHILDREN) - children0;
    f.bytes = bytes;
    f.ok = curl.exitStatus() == QProcess::NormalExit && curl.exitCode() == 0;
    return f;
}

Figures median(std::vector<Figures> runs)
{
    std::sort(runs.begin(), runs.end(),
              [](const Figures& a, const Figures& b) { return a.wallSeconds < b.wallSeconds; });
    return runs[runs.size() / 2];
}

void print(const char* who, const Figures& f, int chunks)
{
    std::printf("%-8s %9.0f chunks/s %8.2f MB/s %8.2f us CPU/chunk %8.1f ms wall%s\n", who,
                chunks / f.wallSeconds, double(f.bytes) / 1e6 / f.wallSeconds, f.cpuSeconds * 1e6 / chunks,
                f.wallSeconds * 1e3, f.ok ? "" : "  (FAILED)");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int chunks = args.size() > 1 ? std::max(1, args.at(1).toInt()) : 20000;
    const int runs = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 3;

    ServerThread server;
    QNetworkAccessManager nam;
    qint64 bytes = 0;
    const testsupport::ScriptedResponse stream = makeStream(chunks, bytes);

    runClient(server, nam, makeStream(100, bytes), bytes, 100); // warm-up: connection, caches
    bytes = 0;
    makeStream(chunks, bytes);

    std::vector<Figures> client, curl;
    for (int i = 0; i < runs; ++i)
        client.push_back(runClient(server, nam, stream, bytes, chunks));
    const bool haveCurl = !QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty();
    for (int i = 0; haveCurl && i < runs; ++i)
        curl.push_back(runCurl(server, stream, bytes));

    std::printf("Streaming %d chunks (%.2f MB of SSE) over loopback, median of %d runs\n", chunks,
                double(bytes) / 1e6, runs);
    const Figures c = median(client);
    print("client", c, chunks);
    if (haveCurl) {
        const Figures k = median(curl);
        print("curl -sN", k, chunks);
        std::printf("ratio    client/curl: wall %.2fx, CPU per chunk %.2fx\n", c.wallSeconds / k.wallSeconds,
                    c.cpuSeconds / std::max(k.cpuSeconds, 1e-9));
    } else {
        std::printf("curl not found: no comparison\n");
    }
    return c.ok ? 0 : 1;
}
