// The interrupted build: stedi-build-zones killed (SIGKILL) at moments spread
// over a whole build leaves the lake complete every time, old or new.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "stedi/catalog.h"
#include "storage/table_reader.h"
#include "tool_process.h"

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

// What keeps `lake` from being complete ("" when nothing): a valid catalog
// whose every table reads back whole, verifies, and whose folder holds
// exactly the listed files, with the reference's row counts; and the real
// `segdump LAKE --verify` (catalog sizes and checksums, every chunk decoded
// against its statistics) finds no problem.
std::string LakeProblems(const std::string& lake, const Catalog& reference) {
  const testing::ToolRun verify = testing::RunTool("segdump", {lake, "--verify"});
  if (verify.status != 0) return "segdump --verify: " + verify.out + verify.err;
  auto catalog = ReadCatalog(lake);
  if (!catalog.ok()) return catalog.status().ToString();
  if (catalog->tables.size() != reference.tables.size()) return "table count differs";
  for (const CatalogTable& t : catalog->tables) {
    const CatalogTable* ref = reference.Find(t.name);
    if (!ref) return "unexpected table " + t.name;
    if (t.rows != ref->rows) return t.name + ": catalog rows differ from the first build";
    const std::string dir = (fs::path(lake) / t.path).string();
    auto table = ReadTable(dir, ReadOptions{});
    if (!table.ok()) return t.name + ": " + table.status().ToString();
    if (table->num_rows() != t.rows) return t.name + ": read rows differ from the catalog";
    Status verified = VerifyTable(dir);
    if (!verified.ok()) return t.name + ": " + verified.ToString();
    std::set<std::string> listed, present;
    for (const CatalogFile& f : t.files) listed.insert(f.name);
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file()) present.insert(entry.path().filename().string());
    }
    if (present != listed) return t.name + ": files differ from the catalog's list";
  }
  return "";
}

void Generate(const std::string& landing) {
  const std::string gen = ToolPath("stedi-gen") + " --quiet --out " + landing + " --scale 1";
  ASSERT_EQ(std::system(gen.c_str()), 0) << gen;
}

// The checker itself catches a stray file and a damaged segment.
TEST(CrashTest, CheckerDetectsIncompleteLakes) {
  TempDir tmp;
  const std::string landing = tmp.Sub("landing"), lake = tmp.Sub("lake");
  Generate(landing);
  ASSERT_EQ(Wait(StartBuild(landing, lake)), 0);
  auto reference = ReadCatalog(lake);
  ASSERT_TRUE(reference.ok()) << reference.status().ToString();
  ASSERT_EQ(LakeProblems(lake, *reference), "");
  const CatalogTable& t = reference->tables.back();
  const fs::path dir = fs::path(lake) / t.path;
  { std::ofstream(dir / "stray.seg") << "x"; }
  EXPECT_NE(LakeProblems(lake, *reference), "");
  fs::remove(dir / "stray.seg");
  ASSERT_FALSE(t.files.empty());
  const fs::path seg = dir / t.files[0].name;
  fs::resize_file(seg, fs::file_size(seg) / 2);
  EXPECT_NE(LakeProblems(lake, *reference), "");
  // The segdump part on its own sees it too, naming the file.
  const testing::ToolRun verify = testing::RunTool("segdump", {lake, "--verify"});
  EXPECT_EQ(verify.status, 1);
  EXPECT_NE(verify.out.find(t.files[0].name), std::string::npos) << verify.out;
}

TEST(CrashTest, KilledBuildLeavesACompleteLake) {
  TempDir tmp;
  const std::string landing = tmp.Sub("landing"), lake = tmp.Sub("lake");
  Generate(landing);

  // The fastest of three builds: the first pays for a cold cache, and a
  // build time too long spreads the kills past the end of most builds.
  auto build_time = std::chrono::steady_clock::duration::max();
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(Wait(StartBuild(landing, lake)), 0);
    build_time = std::min(build_time, std::chrono::steady_clock::now() - start);
  }
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
    EXPECT_EQ(LakeProblems(lake, *reference), "") << "attempt " << i << ", exit " << status;
  }
  // Most runs must really have been interrupted, or the test proves nothing.
  EXPECT_GE(killed, kKills / 2);
  // And a build after all that still succeeds.
  ASSERT_EQ(Wait(StartBuild(landing, lake)), 0);
  EXPECT_EQ(LakeProblems(lake, *reference), "");
  RecordProperty("killed", killed);
}

}  // namespace
}  // namespace stedi
