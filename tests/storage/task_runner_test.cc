#include "storage/task_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace stedi {
namespace {

TEST(TaskRunnerTest, RunsEveryTaskExactlyOnce) {
  for (int threads : {0, 1, 2, 7}) {
    for (size_t count : {0, 1, 3, 100}) {
      std::vector<std::atomic<int>> runs(count);
      RunTasks(count, threads, [&](size_t i) { runs[i].fetch_add(1); });
      for (size_t i = 0; i < count; ++i) EXPECT_EQ(runs[i].load(), 1) << threads << " " << i;
    }
  }
  EXPECT_GE(ResolveThreads(0), 1);
  EXPECT_EQ(ResolveThreads(3), 3);
}

}  // namespace
}  // namespace stedi
