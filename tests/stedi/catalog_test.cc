#include "stedi/catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_dirs.h"

namespace stedi {
namespace {

TEST(CatalogTest, WrittenCatalogReadsBack) {
  BuildReport report;
  report.mode = ZoneMode::kStrict;
  TableReport t;
  t.name = "t";
  t.zone = "trusted";
  t.path = "x/trusted";
  t.rows = 3;
  t.bytes = 10;
  t.inputs = {"a", "b"};
  t.schema = Schema({{"k", TypeId::kTimestamp, false}, {"s", TypeId::kString, true}});
  t.files = {{"seg-000000.sds", 10, 3, 0xabcdef}};
  report.tables.push_back(t);
  testing::TempDir tmp;
  std::ofstream(tmp.Sub("catalog.json")) << CatalogJson(report, "2026-01-01T00:00:00Z");
  auto cat = ReadCatalog(tmp.path());
  ASSERT_TRUE(cat.ok()) << cat.status().ToString();
  EXPECT_EQ(cat->mode, "strict");
  ASSERT_EQ(cat->tables.size(), 1u);
  const CatalogTable& ct = cat->tables[0];
  EXPECT_EQ(ct.schema, t.schema);
  EXPECT_EQ(ct.inputs, t.inputs);
  ASSERT_EQ(ct.files.size(), 1u);
  EXPECT_EQ(ct.files[0].checksum, "xxh3:0000000000abcdef");
}

TEST(CatalogTest, MalformedCatalogIsAnErrorNotACrash) {
  testing::TempDir tmp;
  for (const char* text : {"", "{", "[]", R"({"format_version":1})",
                           R"({"format_version":9,"mode":"compat","tables":[]})",
                           R"({"format_version":1,"mode":"compat","tables":[{"name":1}]})"}) {
    std::ofstream(tmp.Sub("catalog.json"), std::ios::trunc) << text;
    EXPECT_FALSE(ReadCatalog(tmp.path()).ok()) << text;
  }
  EXPECT_FALSE(ReadCatalog(tmp.Sub("missing")).ok());
}

}  // namespace
}  // namespace stedi
