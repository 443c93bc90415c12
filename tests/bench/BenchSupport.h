// Shared by the benchmark programs: the loopback server on its own thread, CPU clocks.
#pragma once

#include "support/LoopbackServer.h"

#include <QThread>
#include <ctime>
#include <sys/resource.h>

namespace ark::bench {

inline double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

inline double rusageSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    auto secs = [](const timeval& tv) {
        return double(tv.tv_sec) + double(tv.tv_usec) / 1e6;
    };
    return secs(usage.ru_utime) + secs(usage.ru_stime);
}

// The loopback server on a thread of its own, so that serving never stalls the measured thread and
// its CPU time can be told apart.
class ServerThread
{
public:
    ServerThread()
    {
        m_thread.start();
        m_server = new testsupport::LoopbackServer;
        m_server->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_server, [this] { m_server->listen(); }, Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    ServerThread(const ServerThread&) = delete;
    ServerThread& operator=(const ServerThread&) = delete;

    QUrl baseUrl() const { return m_server->baseUrl(); }
    void enqueue(const testsupport::ScriptedResponse& response)
    {
        QMetaObject::invokeMethod(
            m_server, [this, response] { m_server->enqueue("/chat/completions", response); },
            Qt::BlockingQueuedConnection);
    }
    double cpuSeconds()
    {
        double seconds = 0;
        QMetaObject::invokeMethod(
            m_server, [&seconds] { seconds = threadCpuSeconds(); }, Qt::BlockingQueuedConnection);
        return seconds;
    }

private:
    QThread m_thread;
    testsupport::LoopbackServer* m_server = nullptr;
};

} // namespace ark::bench
