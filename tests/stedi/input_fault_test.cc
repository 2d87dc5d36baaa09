// Input faults: landing entries that cannot be read as the JSON files their
// names promise (unreadable, vanished, a directory, a symlink loop, a FIFO,
// a file cut short while it is read). Each is a clear error naming the path,
// from the library and from stedi-build-zones, never a crash or a hang.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "ingest/jsonl_reader.h"
#include "ingest/landing_files.h"
#include "tool_process.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;
using testing::ChildLimits;
using testing::RunTool;
using testing::TempDir;
using testing::ToolRun;
using testing::WriteText;

constexpr int kExitError = 1;

// A landing folder of one good record per source, world-readable.
class InputFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::permissions(tmp_.path(), fs::perms(0755));
    WriteText(Landing("customer/landing/c.json"),
              R"({"email":"a@x","serialNumber":"s1","shareWithResearchAsOfDate":5})"
              "\n");
    WriteText(Landing("accelerometer/landing/a.json"),
              R"({"user":"a@x","timestamp":10,"x":1.5,"y":0,"z":-1})"
              "\n");
    WriteText(Landing("step_trainer/landing/s.json"),
              R"({"sensorReadingTime":10,"serialNumber":"s1","distanceFromObject":7})"
              "\n");
  }

  std::string Landing(const std::string& rel = "") const {
    return tmp_.Sub("landing") + (rel.empty() ? "" : "/" + rel);
  }
  std::string AccelDir() const { return Landing("accelerometer/landing"); }

  // stedi-build-zones on the landing folder into a fresh lake folder.
  ToolRun Build(const ChildLimits& limits = {}) const {
    fs::create_directories(tmp_.Sub("lakes"));
    fs::permissions(tmp_.Sub("lakes"), fs::perms::all);
    return RunTool("stedi-build-zones",
                   {"--landing", Landing(), "--lake", tmp_.Sub("lakes/lake"), "--quiet"}, limits);
  }

  // The build failed with exit 1, naming `path` and `reason`, and published nothing.
  void ExpectBuildFails(const ToolRun& run, const std::string& path, const std::string& reason) {
    EXPECT_EQ(run.status, kExitError) << run.err;
    EXPECT_NE(run.err.find(path), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(reason), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(tmp_.Sub("lakes/lake")));
    EXPECT_FALSE(fs::exists(tmp_.Sub("lakes/.lake.staging")));
  }

  TempDir tmp_;
};

TEST_F(InputFaultTest, TheGoodLandingBuilds) {
  const ToolRun run = Build();
  EXPECT_EQ(run.status, 0) << run.err;
}

TEST_F(InputFaultTest, UnreadableFile) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to switch to nobody";
  const std::string file = AccelDir() + "/a.json";
  fs::permissions(file, fs::perms::none);
  ChildLimits limits;
  limits.as_nobody = true;
  ExpectBuildFails(Build(limits), file, "Permission denied");
}

TEST_F(InputFaultTest, FileThatVanishesBetweenListingAndReading) {
  WriteText(AccelDir() + "/b.json", R"({"user":"b@x","timestamp":11})"
                                    "\n");
  auto files = ListLandingFiles(AccelDir());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  ASSERT_EQ(files->size(), 2u);
  fs::remove(files->at(1));
  for (BadRecordMode mode : {BadRecordMode::kQuarantine, BadRecordMode::kSkip}) {
    IngestOptions options;
    options.mode = mode;
    auto r = IngestFiles(*files, Schema({Field{"user", TypeId::kString, false}}), options);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.status().IsNotFound()) << r.status().ToString();
    EXPECT_NE(r.status().message().find(files->at(1)), std::string::npos);
  }
}

TEST_F(InputFaultTest, DirectoryNamedLikeADataFile) {
  const std::string dir = AccelDir() + "/more.json";
  WriteText(dir + "/part-0.json", R"({"user":"b@x","timestamp":11})"
                                  "\n");
  auto listed = ListLandingFiles(AccelDir());
  ASSERT_FALSE(listed.ok());
  EXPECT_NE(listed.status().message().find(dir + ": is a directory"), std::string::npos)
      << listed.status().ToString();
  auto r = IngestFiles({dir}, Schema({Field{"user", TypeId::kString, false}}), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find(dir + ": is a directory"), std::string::npos);
  ExpectBuildFails(Build(), dir, "is a directory");
}

TEST_F(InputFaultTest, SymlinkLoop) {
  const std::string a = AccelDir() + "/loop1.json", b = AccelDir() + "/loop2.json";
  fs::create_symlink(b, a);
  fs::create_symlink(a, b);
  auto listed = ListLandingFiles(AccelDir());
  ASSERT_FALSE(listed.ok());
  EXPECT_NE(listed.status().message().find(a), std::string::npos) << listed.status().ToString();
  EXPECT_NE(listed.status().message().find("Too many levels of symbolic links"), std::string::npos)
      << listed.status().ToString();
  auto r = IngestFiles({a}, Schema({Field{"user", TypeId::kString, false}}), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find(a + ": cannot open: Too many levels of symbolic links"),
            std::string::npos)
      << r.status().ToString();
  ExpectBuildFails(Build(), a, "Too many levels of symbolic links");
}

TEST_F(InputFaultTest, DanglingSymlink) {
  const std::string link = AccelDir() + "/gone.json";
  fs::create_symlink(AccelDir() + "/nowhere.json", link);
  ExpectBuildFails(Build(), link, "No such file or directory");
}

// A FIFO nobody writes to must not block the reader forever. A watchdog
// opens it for writing after a while, so a regression fails instead of hangs.
TEST_F(InputFaultTest, FifoWithoutAWriter) {
  const std::string fifo = AccelDir() + "/pipe.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  ExpectBuildFails(Build(), fifo, "not a regular file");

  std::atomic<bool> done{false}, rescued{false};
  std::thread watchdog([&] {
    for (int i = 0; i < 200 && !done; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    // Keep opening it for writing (each blocked open needs a writer) until
    // the reader gives up.
    while (!done) {
      rescued = true;
      const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  auto r = IngestFiles({fifo}, Schema({Field{"user", TypeId::kString, false}}), {});
  done = true;
  watchdog.join();
  EXPECT_FALSE(rescued) << "IngestFiles blocked on a FIFO without a writer";
  // No writer: the pipe is empty, not an error.
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->stats.lines_read, 0u);
}

// A file cut shorter again and again while ingest reads it: whatever each
// read sees, every line it saw is accounted for and every loaded record is
// one that was in the file (never a torn one).
TEST_F(InputFaultTest, FileTruncatedWhileRead) {
  std::string text;
  constexpr int kLines = 20000;
  for (int i = 0; i < kLines; ++i) {
    text += R"({"id":)" + std::to_string(i) + R"(,"name":"n)" + std::to_string(i) + "\"}\n";
  }
  const Schema schema({Field{"id", TypeId::kInt64, false}, Field{"name", TypeId::kString, false}});
  const std::string path = tmp_.Sub("shrinking.json");
  for (int round = 0; round < 5; ++round) {
    WriteText(path, text);
    std::atomic<bool> stop{false};
    std::thread cutter([&] {
      for (uint64_t size = text.size(); size > 1000 && !stop; size = size * 9 / 10 - 7) {
        ::truncate(path.c_str(), static_cast<off_t>(size));
        std::this_thread::yield();
      }
    });
    IngestOptions options;
    options.threads = 2;
    options.chunk_bytes = 4096;
    auto r = IngestFiles({path}, schema, options);
    stop = true;
    cutter.join();
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find(path), std::string::npos) << r.status().ToString();
      continue;
    }
    const IngestStats& s = r->stats;
    EXPECT_EQ(s.lines_read, s.records_loaded + s.records_rejected + s.blank_lines);
    EXPECT_LE(s.records_loaded, static_cast<uint64_t>(kLines));
    const Column& ids = r->table.column(0);
    const Column& names = r->table.column(1);
    for (size_t row = 0; row < r->table.num_rows(); ++row) {
      ASSERT_EQ(names.GetString(row), "n" + std::to_string(ids.data<int64_t>()[row])) << row;
    }
  }
}

}  // namespace
}  // namespace stedi
