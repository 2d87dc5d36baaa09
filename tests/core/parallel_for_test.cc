#include "core/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace stedi {
namespace {

TEST(ParallelForTest, RunsEveryTaskOnceOnValidWorkers) {
  for (int threads : {1, 2, 4}) {
    for (size_t n : {0u, 1u, 3u, 1000u}) {
      std::vector<std::atomic<int>> runs(n);
      std::atomic<bool> bad_worker{false};
      ParallelFor(n, threads, [&](size_t task, int worker) {
        runs[task].fetch_add(1);
        if (worker < 0 || worker >= threads) bad_worker = true;
      });
      for (size_t i = 0; i < n; ++i) EXPECT_EQ(runs[i].load(), 1) << i;
      EXPECT_FALSE(bad_worker.load());
    }
  }
}

TEST(ParallelForTest, ResolveThreads) {
  EXPECT_EQ(ResolveThreads(3), 3);
  EXPECT_GE(ResolveThreads(0), 1);
  EXPECT_GE(ResolveThreads(-1), 1);
}

}  // namespace
}  // namespace stedi
