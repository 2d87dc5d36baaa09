#include "engine/parallel.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace stedi {

void ParallelFor(int threads, size_t tasks, const std::function<void(size_t)>& fn) {
  const size_t workers = std::min<size_t>(std::max(threads, 1), tasks);
  if (workers <= 1) {
    for (size_t i = 0; i < tasks; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < tasks; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) {
    // A thread that cannot start (resource limits) leaves its share to the others.
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace stedi
