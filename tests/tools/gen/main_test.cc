// stedi-gen's command line: exit codes, --help, --quiet. Runs the real binary.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "scratch_dir.h"

namespace {

struct CliRun {
  int exit_code;
  std::string output;  // stdout and stderr
};

CliRun StediGen(const std::string& args) {
  const std::string cmd = STEDI_BINARY_DIR "/bin/stedi-gen " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  CliRun run{-1, ""};
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.output.append(buf, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(StediGenCliTest, HelpDocumentsOptionsAndExitCodes) {
  const CliRun r = StediGen("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"--out", "--scale", "--seed", "--force", "--quiet", "Exit codes"}) {
    EXPECT_NE(r.output.find(word), std::string::npos) << word;
  }
}

TEST(StediGenCliTest, UsageErrorsExitWithTwo) {
  stedi::testing::ScratchDir dir("cli-usage");
  EXPECT_EQ(StediGen("").exit_code, 2);
  EXPECT_EQ(StediGen("--out " + dir.Sub("o") + " --scale 0").exit_code, 2);
  EXPECT_EQ(StediGen("--out " + dir.Sub("o") + " --scale x").exit_code, 2);
  EXPECT_EQ(StediGen("--out " + dir.Sub("o") + " --bogus").exit_code, 2);
  EXPECT_EQ(StediGen("--out " + dir.Sub("o") + " --seed -1").exit_code, 2);
  EXPECT_EQ(StediGen("--out " + dir.Sub("o") + " --threads -1").exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("o")));
}

TEST(StediGenCliTest, WritesQuietlyThenRefusesToOverwriteWithoutForce) {
  stedi::testing::ScratchDir dir("cli-run");
  const std::string out = dir.Sub("o");
  const CliRun first = StediGen("--out " + out + " --seed 3 --quiet");
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(first.output, "");
  EXPECT_TRUE(std::filesystem::exists(out + "/stedi-gen.json"));

  const CliRun again = StediGen("--out " + out);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("not empty"), std::string::npos) << again.output;

  const CliRun forced = StediGen("--out " + out + " --force");
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_NE(forced.output.find("110909 rows"), std::string::npos) << forced.output;
}

TEST(StediGenCliTest, UnwritableFolderExitsWithOne) {
  stedi::testing::ScratchDir dir("cli-io");
  std::ofstream(dir.Sub("file")) << "x";
  const CliRun r = StediGen("--out " + dir.Sub("file") + "/o");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("file/o"), std::string::npos) << r.output;
}

}  // namespace
