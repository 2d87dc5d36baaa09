// ParallelFor: run independent tasks on a few threads.
#pragma once

#include <cstddef>
#include <functional>

namespace stedi {

// The number of threads `requested` means: itself when positive, else the
// number of hardware threads (at least 1).
int ResolveThreads(int requested);

// Calls fn(task, worker) once for every task in [0, num_tasks), on up to
// `threads` threads (worker in [0, threads)); each thread takes the next
// unclaimed task, so the order of calls is unspecified. Returns when all are
// done. If a thread cannot be started, the ones that did (at least the
// calling thread) do all the work.
// REQUIRES: threads >= 1; fn does not throw.
void ParallelFor(size_t num_tasks, int threads, const std::function<void(size_t, int)>& fn);

}  // namespace stedi
