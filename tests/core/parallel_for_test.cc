#include "core/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
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

TEST(ParallelForTest, NestedAndConcurrentCallsFinishEveryTask) {
  // Calls from several threads at once, each nesting calls in its tasks: the
  // pool's threads are shared, so some calls get no helper and must do all
  // their tasks themselves.
  std::atomic<int> done{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c) {
    callers.emplace_back([&] {
      for (int round = 0; round < 20; ++round) {
        ParallelFor(8, 3, [&](size_t, int outer) {
          EXPECT_LT(outer, 3);
          ParallelFor(5, 4, [&](size_t, int inner) {
            EXPECT_LT(inner, 4);
            done.fetch_add(1);
          });
        });
      }
    });
  }
  for (std::thread& t : callers) t.join();
  EXPECT_EQ(done.load(), 4 * 20 * 8 * 5);
}

TEST(ParallelForTest, ResolveThreads) {
  EXPECT_EQ(ResolveThreads(3), 3);
  EXPECT_GE(ResolveThreads(0), 1);
  EXPECT_GE(ResolveThreads(-1), 1);
}

}  // namespace
}  // namespace stedi
