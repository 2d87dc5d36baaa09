#include "tools/segdump/target.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace stedi::segdump {
namespace {

using testing::TempDir;
using testing::WriteFile;

TEST(Target, ClassifiesSegmentTableAndLake) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("t"));
  testing::WriteSmallLake(tmp.Sub("lake"));
  auto seg = ResolveTarget(tmp.Sub("t/seg-000000.sds"));
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  EXPECT_EQ(seg->kind, TargetKind::kSegment);
  EXPECT_EQ(seg->name, "t");
  auto table = ResolveTarget(tmp.Sub("t"));
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->kind, TargetKind::kTable);
  EXPECT_EQ(table->segment_files, std::vector<std::string>{tmp.Sub("t/seg-000000.sds")});
  auto lake = ResolveTarget(tmp.Sub("lake"));
  ASSERT_TRUE(lake.ok());
  EXPECT_EQ(lake->kind, TargetKind::kLake);
  ASSERT_EQ(lake->catalog->tables.size(), 1u);
  auto inner = ResolveTarget(tmp.Sub("lake/small/trusted/"));
  ASSERT_TRUE(inner.ok());
  EXPECT_EQ(inner->name, "small");  // from the catalog, not the folder name "trusted"
}

TEST(Target, SegmentMagicCountsWhateverTheName) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("t"));
  std::filesystem::copy_file(tmp.Sub("t/seg-000000.sds"), tmp.Sub("copy.bin"));
  auto seg = ResolveTarget(tmp.Sub("copy.bin"));
  ASSERT_TRUE(seg.ok());
  EXPECT_EQ(seg->kind, TargetKind::kSegment);
}

TEST(Target, NeitherSegmentTableNorLakeIsNotFound) {
  TempDir tmp;
  WriteFile(tmp.Sub("notes.txt"), "hello");
  std::filesystem::create_directories(tmp.Sub("empty"));
  WriteFile(tmp.Sub("empty/seg-notes.txt"), "x");
  struct Case {
    std::string path, message;
  } cases[] = {
      {tmp.Sub("notes.txt"), "not a segment file (no STEDISEG magic, not named seg-*.sds)"},
      {tmp.Sub("empty"),
       "not a table folder (no seg-*.sds files) and not a lake folder (no catalog.json)"},
      {tmp.Sub("missing"), "no such file or folder"},
  };
  for (const Case& c : cases) {
    auto t = ResolveTarget(c.path);
    EXPECT_TRUE(t.status().IsNotFound()) << c.path;
    EXPECT_EQ(t.status().message(), c.path + ": " + c.message);
  }
}

TEST(Target, BadCatalogIsCorruptionNotACrash) {
  TempDir tmp;
  std::filesystem::create_directories(tmp.Sub("lake"));
  WriteFile(tmp.Sub("lake/catalog.json"), "{\"format_version\": 1, \"tables\": [");
  auto t = ResolveTarget(tmp.Sub("lake"));
  EXPECT_TRUE(t.status().IsCorruption()) << t.status().ToString();
  EXPECT_NE(t.status().message().find("catalog.json"), std::string::npos);
}

TEST(Target, UnknownLakeTableNamesTheTables) {
  TempDir tmp;
  testing::WriteSmallLake(tmp.Sub("lake"));
  auto lake = ResolveTarget(tmp.Sub("lake"));
  ASSERT_TRUE(lake.ok());
  auto t = SelectLakeTable(*lake, "nope");
  EXPECT_TRUE(t.status().IsInvalidArgument());
  EXPECT_NE(t.status().message().find("(tables: small)"), std::string::npos);
}

}  // namespace
}  // namespace stedi::segdump
