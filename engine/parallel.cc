#include "engine/parallel.h"

#include <algorithm>

#include "core/parallel_for.h"

namespace stedi {

void ParallelFor(int threads, size_t tasks, const std::function<void(size_t)>& fn) {
  ParallelForWorker(threads, tasks, [&](size_t task, size_t) { fn(task); });
}

void ParallelForWorker(int threads, size_t tasks, const std::function<void(size_t, size_t)>& fn) {
  ParallelFor(tasks, std::max(threads, 1),
              [&](size_t task, int worker) { fn(task, static_cast<size_t>(worker)); });
}

}  // namespace stedi
