#include "storage/task_runner.h"

#include <algorithm>

#include "core/parallel_for.h"

namespace stedi {

void RunTasks(size_t count, int threads, const std::function<void(size_t)>& fn) {
  const int workers = static_cast<int>(std::min<size_t>(count, ResolveThreads(threads)));
  ParallelFor(count, std::max(1, workers), [&](size_t task, int) { fn(task); });
}

}  // namespace stedi
