// RunTasks: a parallel for over task indices, for encoding column chunks.
#pragma once

#include <cstddef>
#include <functional>

#include "core/parallel_for.h"  // ResolveThreads

namespace stedi {

// Calls fn(i) once for every i in [0, count), on up to `threads` threads (0 =
// one per core; never more threads than tasks). Threads claim indices from a
// shared counter, so callers that write the result of task i to slot i get
// output that does not depend on the thread count. When a thread cannot be
// started, the threads already running (or the caller) do its share.
// REQUIRES: fn does not throw.
void RunTasks(size_t count, int threads, const std::function<void(size_t)>& fn);

}  // namespace stedi
