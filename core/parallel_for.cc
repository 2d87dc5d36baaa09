#include "core/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <system_error>
#include <thread>
#include <vector>

namespace stedi {

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

void ParallelFor(size_t num_tasks, int threads, const std::function<void(size_t, int)>& fn) {
  assert(threads >= 1);
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (size_t task = next.fetch_add(1); task < num_tasks; task = next.fetch_add(1)) {
      fn(task, worker);
    }
  };
  const int extra = static_cast<int>(std::min<size_t>(threads, num_tasks)) - 1;
  std::vector<std::thread> pool;
  pool.reserve(std::max(extra, 0));
  for (int w = 1; w <= extra; ++w) {
    try {
      pool.emplace_back(work, w);
    } catch (const std::system_error&) {
      break;  // out of threads: the ones running take up the slack
    }
  }
  work(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace stedi
