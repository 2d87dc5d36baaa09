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
// done. The calling thread works (worker 0); the others are lent from a pool
// of threads kept for the process, so thread-local caches survive between
// calls. When fewer are free (other calls hold them, or none could be
// started), the threads there are do all the work: calls may nest and run
// from many threads at once.
// REQUIRES: threads >= 1; fn does not throw.
void ParallelFor(size_t num_tasks, int threads, const std::function<void(size_t, int)>& fn);

}  // namespace stedi
