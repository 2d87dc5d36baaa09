#include "ingest/landing_files.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

using testing::TempDir;

TEST(ListLandingFilesTest, ListsJsonFilesSortedAndSkipsTheRest) {
  TempDir dir;
  for (const char* name : {"b.json", "a.jsonl", "c.ndjson", "d.json.gz", "e.jsonl.zst", "x.txt",
                           "y.json.bz2", ".hidden.json", "json", "f.JSON"}) {
    dir.Write(name, "{}\n");
  }
  std::filesystem::create_directory(dir.path() + "/sub");
  dir.Write("sub/inner.json", "{}\n");
  auto files = ListLandingFiles(dir.path());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  std::vector<std::string> names;
  for (const std::string& f : *files) {
    EXPECT_EQ(f.rfind(dir.path() + "/", 0), 0u) << f;
    names.push_back(std::filesystem::path(f).filename().string());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"a.jsonl", "b.json", "c.ndjson", "d.json.gz",
                                             "e.jsonl.zst"}));
}

TEST(ListLandingFilesTest, ADirectoryNamedLikeAFileIsAnError) {
  TempDir dir;
  dir.Write("a.json", "{}\n");
  std::filesystem::create_directory(dir.path() + "/b.json");
  auto files = ListLandingFiles(dir.path());
  ASSERT_FALSE(files.ok());
  EXPECT_TRUE(files.status().IsInvalidArgument());
  EXPECT_NE(files.status().message().find("b.json: is a directory"), std::string::npos);
}

TEST(ListLandingFilesTest, EmptyDirectoryGivesNoFiles) {
  TempDir dir;
  auto files = ListLandingFiles(dir.path());
  ASSERT_TRUE(files.ok());
  EXPECT_TRUE(files->empty());
}

TEST(ListLandingFilesTest, MissingDirectoryIsNotFound) {
  TempDir dir;
  auto files = ListLandingFiles(dir.path() + "/nope");
  ASSERT_FALSE(files.ok());
  EXPECT_TRUE(files.status().IsNotFound());
  EXPECT_NE(files.status().message().find("nope"), std::string::npos);
}

TEST(ListLandingFilesTest, AFileIsNotADirectory) {
  TempDir dir;
  const std::string file = dir.Write("a.json", "{}");
  auto files = ListLandingFiles(file);
  ASSERT_FALSE(files.ok());
  EXPECT_TRUE(files.status().IsInvalidArgument());
  EXPECT_NE(files.status().message().find("not a directory"), std::string::npos);
}

TEST(IsLandingFileNameTest, Extensions) {
  EXPECT_TRUE(IsLandingFileName("a.json"));
  EXPECT_TRUE(IsLandingFileName("a.ndjson.zst"));
  EXPECT_FALSE(IsLandingFileName("a.gz"));
  EXPECT_FALSE(IsLandingFileName("a.json.gz.gz"));
  EXPECT_FALSE(IsLandingFileName(".json"));
}

}  // namespace
}  // namespace stedi
