#include "engine/parallel.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace stedi {

void ParallelFor(int threads, size_t tasks, const std::function<void(size_t)>& fn) {
  ParallelForWorker(threads, tasks, [&](size_t task, size_t) { fn(task); });
}

void ParallelForWorker(int threads, size_t tasks, const std::function<void(size_t, size_t)>& fn) {
  const size_t workers = std::min<size_t>(std::max(threads, 1), tasks);
  if (workers <= 1) {
    for (size_t i = 0; i < tasks; ++i) fn(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&](size_t worker) {
    for (size_t i = next.fetch_add(1); i < tasks; i = next.fetch_add(1)) fn(i, worker);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) {
    // A thread that cannot start (resource limits) leaves its share to the others.
    try {
      pool.emplace_back(work, w);
    } catch (const std::system_error&) {
      break;
    }
  }
  work(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace stedi
