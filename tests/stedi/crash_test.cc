// The interrupted build: stedi-build-zones killed (SIGKILL) at moments spread
// over a whole build leaves the lake complete every time, old or new.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

#include "stedi/catalog.h"
#include "storage/table_reader.h"
#include "test_dirs.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::ToolPath;

constexpr int kKills = 24;

// Starts stedi-build-zones on landing -> lake with its output discarded.
pid_t StartBuild(const std::string& landing, const std::string& lake) {
  const std::string tool = ToolPath("stedi-build-zones");
  pid_t pid = ::fork();
  if (pid == 0) {
    int null_fd = ::open("/dev/null", O_WRONLY);
    if (null_fd >= 0) {
      ::dup2(null_fd, 1);
      ::dup2(null_fd, 2);
    }
    ::execl(tool.c_str(), tool.c_str(), "--landing", landing.c_str(), "--lake", lake.c_str(),
            "--quiet", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// Exit status of the child, or -signal when a signal ended it.
int Wait(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1000;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// The lake is complete: a valid catalog whose every table reads back whole,
// verifies, and whose folder holds exactly the listed files.
void ExpectCompleteLake(const std::string& lake, const Catalog& reference, int attempt) {
  SCOPED_TRACE("attempt " + std::to_string(attempt));
  auto catalog = ReadCatalog(lake);
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  ASSERT_EQ(catalog->tables.size(), reference.tables.size());
  for (const CatalogTable& t : catalog->tables) {
    SCOPED_TRACE(t.name);
    const CatalogTable* ref = reference.Find(t.name);
    ASSERT_NE(ref, nullptr);
    EXPECT_EQ(t.rows, ref->rows);
    const std::string dir = (fs::path(lake) / t.path).string();
    auto table = ReadTable(dir, ReadOptions{});
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    EXPECT_EQ(table->num_rows(), t.rows);
    Status verified = VerifyTable(dir);
    EXPECT_TRUE(verified.ok()) << verified.ToString();
    std::set<std::string> listed, present;
    for (const CatalogFile& f : t.files) listed.insert(f.name);
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file()) present.insert(entry.path().filename().string());
    }
    EXPECT_EQ(present, listed);
  }
}

TEST(CrashTest, KilledBuildLeavesACompleteLake) {
  TempDir tmp;
  const std::string landing = tmp.Sub("landing"), lake = tmp.Sub("lake");
  const std::string gen = ToolPath("stedi-gen") + " --quiet --out " + landing + " --scale 1";
  ASSERT_EQ(std::system(gen.c_str()), 0) << gen;

  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Wait(StartBuild(landing, lake)), 0);
  const auto build_time = std::chrono::steady_clock::now() - start;
  auto reference = ReadCatalog(lake);
  ASSERT_TRUE(reference.ok()) << reference.status().ToString();

  int killed = 0;
  for (int i = 0; i < kKills; ++i) {
    pid_t pid = StartBuild(landing, lake);
    ASSERT_GT(pid, 0);
    // Delays from 0 to a little past a full build, so every stage (ingest,
    // writes, fsync, swap, old-lake removal) gets interrupted somewhere.
    std::this_thread::sleep_for(build_time * i / (kKills - 4));
    ::kill(pid, SIGKILL);
    const int status = Wait(pid);
    killed += status == -SIGKILL;
    EXPECT_TRUE(status == -SIGKILL || status == 0) << "exit " << status;
    ExpectCompleteLake(lake, *reference, i);
  }
  // Most runs must really have been interrupted, or the test proves nothing.
  EXPECT_GE(killed, kKills / 2);
  // And a build after all that still succeeds.
  ASSERT_EQ(Wait(StartBuild(landing, lake)), 0);
  ExpectCompleteLake(lake, *reference, kKills);
}

}  // namespace
}  // namespace stedi
