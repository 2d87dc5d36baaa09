// Runs the segdump binary itself: exit codes, stderr messages and --help.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "test_util.h"

namespace stedi::segdump {
namespace {

using testing::TempDir;

struct Ran {
  int code = -1;
  std::string out;
};

// Runs segdump with `args` (shell-quoted by the caller), stderr into stdout.
Ran RunBinary(const std::string& args) {
  const std::string cmd = std::string(STEDI_BINARY_DIR) + "/bin/segdump " + args + " 2>&1";
  Ran r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(SegdumpBinary, ExitCodes) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("t"));
  testing::WriteFile(tmp.Sub("notes.txt"), "not a segment");
  EXPECT_EQ(RunBinary(tmp.Sub("t")).code, 0);
  EXPECT_EQ(RunBinary(tmp.Sub("t") + " --verify").code, 0);
  EXPECT_EQ(RunBinary("").code, 2);
  EXPECT_EQ(RunBinary(tmp.Sub("t") + " --bogus").code, 2);
  EXPECT_EQ(RunBinary(tmp.Sub("t") + " --schema --ddl").code, 2);
  EXPECT_EQ(RunBinary(tmp.Sub("t") + " --head -1").code, 2);
  EXPECT_EQ(RunBinary(tmp.Sub("t") + " --rows --format xml").code, 2);
  EXPECT_EQ(RunBinary(tmp.Sub("t") + " --rows --where 'nope = 1'").code, 2);
  EXPECT_EQ(RunBinary(tmp.Sub("t") + " --rows --columns id,nope").code, 2);
  EXPECT_EQ(RunBinary(tmp.Sub("t") + " --table x").code, 2);
  const Ran not_store = RunBinary(tmp.Sub("notes.txt"));
  EXPECT_EQ(not_store.code, 3);
  EXPECT_EQ(not_store.out, "segdump: Not found: " + tmp.Sub("notes.txt") +
                               ": not a segment file (no STEDISEG magic, not named seg-*.sds)\n");
  EXPECT_EQ(RunBinary(tmp.Sub("missing")).code, 3);
  std::filesystem::resize_file(tmp.Sub("t/seg-000000.sds"), 100);
  const Ran truncated = RunBinary(tmp.Sub("t") + " --verify");
  EXPECT_EQ(truncated.code, 1);
  EXPECT_NE(truncated.out.find(tmp.Sub("t/seg-000000.sds") + ": offset "), std::string::npos)
      << truncated.out;
  EXPECT_EQ(RunBinary(tmp.Sub("t")).code, 1);
}

TEST(SegdumpBinary, NonTerminalDefaultsToCsv) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("t"));
  const Ran r = RunBinary(tmp.Sub("t") + " --head 1 --columns id,name");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "id,name\r\n100,alice\r\n");
}

TEST(SegdumpBinary, HelpDocumentsExitCodesAndFormats) {
  const Ran r = RunBinary("--help");
  EXPECT_EQ(r.code, 0);
  for (const char* text : {"Exit codes:", "  0  ok", "  1  --verify found a problem",
                           "  2  usage error", "  3  PATH is not a segment file",
                           "--format table is the default when stdout is a terminal, csv"}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace stedi::segdump
