// ParallelFor: runs fn(0) .. fn(tasks - 1) on up to `threads` threads
// (the calling thread included), handing out tasks dynamically so uneven
// tasks balance. The operators' spelling of core/parallel_for.h, whose
// threads it uses.
#pragma once

#include <cstddef>
#include <functional>

namespace stedi {

// REQUIRES: fn does not throw.
void ParallelFor(int threads, size_t tasks, const std::function<void(size_t)>& fn);
// Same, calling fn(task, worker) with worker < threads the same for all tasks
// that one thread runs, so tasks can share per-worker scratch memory.
void ParallelForWorker(int threads, size_t tasks, const std::function<void(size_t, size_t)>& fn);

}  // namespace stedi
