#include "core/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace stedi {

namespace {

// Threads kept for the whole process and lent to ParallelFor calls. Started
// on demand, never more than the most helpers one call has asked for.
//
// The one piece of process-wide state in the libraries, on purpose: a build
// makes dozens of ParallelFor calls, and threads started per call cost their
// start and, more, their thread-local caches (a zstd context of a few MB each,
// cleared and page-faulted afresh: 5% of a small build's CPU). A helper only
// joins a call that still has room, and the caller always works too, so
// calls from many threads at once, nested or not, cannot deadlock: with every
// helper busy, a caller does all of its tasks itself.
class Helpers {
 public:
  // Never destroyed: a ParallelFor from a static destructor or a thread still
  // running at exit finds the pool intact; its idle threads end with the
  // process.
  static Helpers& Get() {
    static Helpers& helpers = *new Helpers;
    return helpers;
  }

  // Runs work(0) on the calling thread and work(1) .. work(k) on the k <=
  // `wanted` helpers that are free before the caller is done; returns when
  // all of them are.
  // noexcept: a task that throws would leave helpers running on a job that
  // no longer exists; terminating is the contract (fn does not throw).
  void Run(int wanted, const std::function<void(int)>& work) noexcept {
    Job job{&work, wanted, 1, 0, {}};
    {
      std::lock_guard<std::mutex> lock(mu_);
      Grow(wanted);
      jobs_.push_back(&job);
    }
    wake_.notify_all();
    work(0);
    std::unique_lock<std::mutex> lock(mu_);
    if (job.open > 0) jobs_.erase(std::find(jobs_.begin(), jobs_.end(), &job));
    job.open = 0;  // no helper joins from here on
    job.done.wait(lock, [&] { return job.running == 0; });
  }

 private:
  struct Job {
    const std::function<void(int)>* work;
    int open;         // helpers it still takes
    int next_worker;  // the number the next helper gets
    int running;      // helpers working on it
    std::condition_variable done;
  };

  // REQUIRES: mu_ held.
  void Grow(int wanted) {
    while (static_cast<int>(threads_.size()) < wanted) {
      try {
        threads_.emplace_back([this] { Loop(); });
      } catch (const std::system_error&) {
        return;  // out of threads: the caller and the helpers there are do the work
      }
    }
  }

  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      wake_.wait(lock, [&] { return !jobs_.empty(); });
      Job* job = jobs_.front();
      const int worker = job->next_worker++;
      if (--job->open == 0) jobs_.pop_front();
      ++job->running;
      lock.unlock();
      (*job->work)(worker);
      lock.lock();
      // The caller frees the job once it sees running == 0 under the lock;
      // nothing here touches it after this.
      if (--job->running == 0) job->done.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Job*> jobs_;  // jobs with room for helpers, oldest first
  std::vector<std::thread> threads_;
};

}  // namespace

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

void ParallelFor(size_t num_tasks, int threads,
                 const std::function<void(size_t, int)>& fn) noexcept {
  assert(threads >= 1);
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (size_t task = next.fetch_add(1); task < num_tasks; task = next.fetch_add(1)) {
      fn(task, worker);
    }
  };
  const int helpers = static_cast<int>(std::min<size_t>(threads, num_tasks)) - 1;
  if (helpers <= 0) return work(0);
  Helpers::Get().Run(helpers, work);
}

}  // namespace stedi
