// Disk faults: stedi-build-zones whose writes fail (file size limit, so every
// write past it is EFBIG; permission denied) stops with exit code 1 and a
// message naming the path and the reason, and leaves the previous lake
// byte for byte as it was, with nothing half-built published beside it.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tool_process.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;
using testing::ChildLimits;
using testing::RunTool;
using testing::TempDir;
using testing::ToolRun;

constexpr int kExitError = 1;  // stedi-build-zones --help: "the build failed"

// Every entry under `root` (recursively, relative path -> file bytes, or
// "<dir>" for a folder), to compare a folder before and after.
std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> entries;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string rel = fs::relative(e.path(), root).string();
    if (e.is_directory()) {
      entries[rel] = "<dir>";
    } else {
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      entries[rel] = bytes.str();
    }
  }
  return entries;
}

// One landing folder and one good lake, built once: LAKES/lake. The folders
// are world-readable so the test can run the tool as nobody.
class DiskFaultTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    fs::permissions(tmp_->path(), fs::perms(0755));
    const ToolRun gen = RunTool("stedi-gen", {"--quiet", "--out", Landing(), "--scale", "1"});
    ASSERT_EQ(gen.status, 0) << gen.err;
  }
  static void TearDownTestSuite() {
    delete tmp_;
    tmp_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(tmp_, nullptr);
    fs::remove_all(Lakes());
    fs::create_directory(Lakes());
    const ToolRun good = Build({});
    ASSERT_EQ(good.status, 0) << good.err;
    before_ = Snapshot(Lakes());
    ASSERT_TRUE(before_.count("lake/catalog.json"));
  }

  static std::string Landing() { return tmp_->Sub("landing"); }
  static std::string Lakes() { return tmp_->Sub("lakes"); }
  static std::string Lake() { return tmp_->Sub("lakes/lake"); }
  static ToolRun Build(const ChildLimits& limits) {
    return RunTool("stedi-build-zones", {"--landing", Landing(), "--lake", Lake(), "--quiet"},
                   limits);
  }

  // The failed build left the lake folder's parent exactly as it was: the
  // same lake, byte for byte, and no staging folder or other leftover.
  void ExpectPreviousLakeIntact(const std::string& context) {
    const auto after = Snapshot(Lakes());
    for (const auto& [name, bytes] : after) {
      if (!before_.count(name)) ADD_FAILURE() << context << ": new entry " << name;
    }
    for (const auto& [name, bytes] : before_) {
      auto it = after.find(name);
      if (it == after.end()) {
        ADD_FAILURE() << context << ": " << name << " is gone";
      } else if (it->second != bytes) {
        ADD_FAILURE() << context << ": " << name << " changed";
      }
    }
  }

  uint64_t LargestFileBytes() const {
    size_t largest = 0;
    for (const auto& [name, bytes] : before_) largest = std::max(largest, bytes.size());
    return largest;
  }

  static TempDir* tmp_;
  std::map<std::string, std::string> before_;
};

TempDir* DiskFaultTest::tmp_ = nullptr;

// The tool itself ignores SIGXFSZ (the test does not), so a write past the
// limit is an EFBIG error it reports, not a signal that kills it.
TEST_F(DiskFaultTest, FileSizeLimitStopsTheBuildAndKeepsTheOldLake) {
  const uint64_t largest = LargestFileBytes();
  ASSERT_GT(largest, 8192u);
  // From "no byte can be written" to "only the largest file does not fit".
  for (const uint64_t limit : {uint64_t{0}, uint64_t{4096}, largest / 2, largest - 1}) {
    const std::string context = "RLIMIT_FSIZE " + std::to_string(limit);
    ChildLimits limits;
    limits.file_size = limit;
    const ToolRun run = Build(limits);
    EXPECT_EQ(run.status, kExitError) << context << ": " << run.err;
    EXPECT_NE(run.err.find("File too large"), std::string::npos) << context << ": " << run.err;
    EXPECT_NE(run.err.find(tmp_->Sub("lakes/.lake.staging/")), std::string::npos)
        << context << ": the message names the file: " << run.err;
    ExpectPreviousLakeIntact(context);
  }
}

// As nobody, when the lake's parent folder is not writable: the lock file
// cannot be opened, before anything is written.
TEST_F(DiskFaultTest, UnwritableLakeParentIsPermissionDenied) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to switch to nobody";
  ChildLimits limits;
  limits.as_nobody = true;
  const ToolRun run = Build(limits);
  EXPECT_EQ(run.status, kExitError) << run.err;
  EXPECT_NE(run.err.find(tmp_->Sub("lakes/.lake.lock") + ": Permission denied"), std::string::npos)
      << run.err;
  ExpectPreviousLakeIntact("unwritable parent");
}

// As nobody, in a parent anyone may write but only an entry's owner may
// rename in (the sticky bit, as /tmp): the whole build runs in staging and
// the failure comes at the very end, at the swap; the staged lake is removed.
TEST_F(DiskFaultTest, LakeOwnedByAnotherUserCannotBeReplaced) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to switch to nobody";
  fs::permissions(Lakes(), fs::perms::all | fs::perms::sticky_bit);
  fs::remove(tmp_->Sub("lakes/.lake.lock"));  // root's; nobody could not open it
  before_ = Snapshot(Lakes());
  ChildLimits limits;
  limits.as_nobody = true;
  const ToolRun run = Build(limits);
  EXPECT_EQ(run.status, kExitError) << run.err;
  EXPECT_NE(run.err.find("cannot swap " + tmp_->Sub("lakes/.lake.staging") + " into " + Lake() +
                         ": Operation not permitted"),
            std::string::npos)
      << run.err;
  fs::remove(tmp_->Sub("lakes/.lake.lock"));  // nobody's, left by design
  ExpectPreviousLakeIntact("lake owned by root");
}

}  // namespace
}  // namespace stedi
