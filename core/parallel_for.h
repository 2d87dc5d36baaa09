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
// from many threads at once. So `threads` is an upper bound, not a promise:
// the pool grows to the most helpers one call has asked for, and concurrent
// calls share them. Thread-local caches in fn (zstd contexts, scratch
// vectors) live as long as the process in the pool's threads. A child
// forked while calls run may find the pool's lock held: fork() then exec.
// REQUIRES: threads >= 1; fn does not throw (a throw terminates).
void ParallelFor(size_t num_tasks, int threads,
                 const std::function<void(size_t, int)>& fn) noexcept;

}  // namespace stedi
