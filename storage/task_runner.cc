#include "storage/task_runner.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace stedi {

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

void RunTasks(size_t count, int threads, const std::function<void(size_t)>& fn) {
  const size_t workers = std::min(count, static_cast<size_t>(ResolveThreads(threads)));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < workers; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // out of threads: the ones running finish the tasks
    }
  }
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace stedi
