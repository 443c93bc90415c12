// Heavy work that must not hold the UI thread (serialising a megabyte of JSON, parsing a large answer)
// runs on the global thread pool; its result comes back on the thread of the object that asked.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace ark::concurrency {

// Runs `work` on the global thread pool, then `then` with its result on `context`'s thread; not at
// all when `context` is gone by then (the watcher is its child). `work` must hold only copies.
// `jobs`, when given, is a counter of `context`'s: raised now, lowered when the result is back.
template <typename Result, typename Work, typename Then>
void onWorker(QObject* context, int* jobs, Work work, Then then)
{
    auto promise = std::make_shared<QPromise<Result>>();
    auto* watcher = new QFutureWatcher<Result>(context);
    if (jobs)
        ++*jobs;
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, jobs, then] {
        watcher->deleteLater();
        if (jobs)
            --*jobs;
        if (watcher->future().resultCount() > 0)
            then(watcher->future().result());
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, work] {
        promise->addResult(work());
        promise->finish();
    });
}

template <typename Result, typename Work, typename Then> void onWorker(QObject* context, Work work, Then then)
{
    onWorker<Result>(context, static_cast<int*>(nullptr), std::move(work), std::move(then));
}

} // namespace ark::concurrency
