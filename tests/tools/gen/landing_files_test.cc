#include "tools/gen/landing_files.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scratch_dir.h"

namespace stedi::gen {
namespace {

namespace fs = std::filesystem;

std::string Read(const std::string& path) {
  std::ostringstream s;
  s << std::ifstream(path, std::ios::binary).rdbuf();
  return s.str();
}

void AddLine(LandingFiles& files, int i) {
  const std::string line = "{\"i\":" + std::to_string(i) + "}\n";
  char* p = files.LineStart();
  std::memcpy(p, line.data(), line.size());
  files.EndLine(p + line.size());
}

TEST(LandingFilesTest, SplitsIntoFilesOfAtMostTenThousandLines) {
  stedi::testing::ScratchDir dir("files");
  LandingFiles files(dir.path().string(), "t", 1000);
  for (int i = 0; i < 25'000; ++i) AddLine(files, i);
  ASSERT_TRUE(files.Finish().ok());
  EXPECT_EQ(files.files(), 3u);
  EXPECT_EQ(files.lines(), 25'000u);
  const std::string a = Read(dir.Sub("t-1000.json"));
  const std::string c = Read(dir.Sub("t-1002.json"));
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 10'000);
  EXPECT_EQ(std::count(c.begin(), c.end(), '\n'), 5'000);
  EXPECT_EQ(a.substr(0, 8), "{\"i\":0}\n");
  EXPECT_EQ(c.substr(0, 12), "{\"i\":20000}\n");
  EXPECT_EQ(files.bytes(), a.size() + Read(dir.Sub("t-1001.json")).size() + c.size());
  EXPECT_FALSE(fs::exists(dir.Sub("t-1003.json")));
}

TEST(LandingFilesTest, WritesNoFileWhenEmpty) {
  stedi::testing::ScratchDir dir("empty");
  LandingFiles files(dir.path().string(), "t", 1);
  ASSERT_TRUE(files.Finish().ok());
  EXPECT_EQ(files.files(), 0u);
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(LandingFilesTest, KeepsTheFirstErrorNamingThePath) {
  stedi::testing::ScratchDir dir("error");
  LandingFiles files(dir.Sub("missing"), "t", 7);
  for (int i = 0; i < 20'001; ++i) AddLine(files, i);
  const Status st = files.Finish();
  EXPECT_TRUE(st.IsIOError());
  EXPECT_NE(st.message().find("missing/t-7.json"), std::string::npos) << st.ToString();
}

}  // namespace
}  // namespace stedi::gen
