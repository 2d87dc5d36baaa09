// The zones' clustering: landing sensor tables leave their plans sorted by
// their zone's sort_by and the trusted tables derived from them keep that
// order, so the writer finds them in order instead of sorting each again.
#include "stedi/zones.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "ingest/jsonl_reader.h"
#include "ingest/landing_files.h"
#include "stedi/lake_builder.h"
#include "stedi/sources.h"
#include "storage/row_sort.h"
#include "storage/table_reader.h"
#include "test_dirs.h"

namespace stedi {
namespace {

using testing::TempDir;
using testing::ToolPath;

// A scale-1 stedi-gen landing, generated once for the suite.
class ZonesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = std::make_unique<TempDir>();
    const std::string cmd =
        ToolPath("stedi-gen") + " --quiet --out " + Landing() + " --scale 1 --seed 3";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  static void TearDownTestSuite() { tmp_.reset(); }
  static std::string Landing() { return tmp_->Sub("landing"); }

 private:
  static std::unique_ptr<TempDir> tmp_;
};

std::unique_ptr<TempDir> ZonesTest::tmp_;

// The clustering columns of the zone named `table`.
std::vector<std::string> SortByOf(const std::string& table) {
  for (const ZoneTable& z : StediZones(ZoneMode::kCompat)) {
    if (z.name == table) return z.sort_by;
  }
  ADD_FAILURE() << "no zone " << table;
  return {};
}

bool InOrder(const Table& t, const std::vector<std::string>& columns) {
  auto sorted = IsSortedBy(t, columns);
  EXPECT_TRUE(sorted.ok()) << sorted.status().ToString();
  return sorted.ok() && *sorted;
}

void ExpectClustered(const std::string& landing, ZoneMode mode) {
  TempDir tmp;
  BuildOptions o;
  o.landing_dir = landing;
  o.lake_dir = tmp.Sub("lake");
  o.mode = mode;
  o.keep_tables = true;
  auto r = BuildLake(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  int checked = 0;
  for (const ZoneTable& z : StediZones(mode)) {
    if (z.sort_by.empty()) continue;
    auto t = std::find_if(r->tables.begin(), r->tables.end(),
                          [&](const TableReport& t) { return t.name == z.name; });
    ASSERT_NE(t, r->tables.end()) << z.name;
    ASSERT_GT(t->rows, 0u) << z.name;
    // The curated join pairs readings by time, not in clustering order: the
    // writer sorts it. Landing and trusted tables come out of their plans sorted.
    if (z.zone != "curated") {
      EXPECT_TRUE(InOrder(t->table, z.sort_by)) << z.name << " " << ZoneModeName(mode);
      ++checked;
    }
    auto stored = ReadTable(o.lake_dir + "/" + z.path, ReadOptions{});
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_EQ(stored->num_rows(), t->rows) << z.name;
    EXPECT_TRUE(InOrder(*stored, z.sort_by)) << z.name << " " << ZoneModeName(mode);
  }
  EXPECT_EQ(checked, 4);  // accelerometer and step trainer, landing and trusted
}

TEST_F(ZonesTest, CompatSensorTablesComeOutInClusteringOrder) {
  ExpectClustered(Landing(), ZoneMode::kCompat);
}

TEST_F(ZonesTest, StrictSensorTablesComeOutInClusteringOrder) {
  ExpectClustered(Landing(), ZoneMode::kStrict);
}

// The landing files are not in clustering order, so the ordering above is
// the plans' work (it would fail without the landing Sort).
TEST_F(ZonesTest, LandingFilesAreNotInClusteringOrder) {
  for (const SourceSpec& s : StediSources()) {
    const std::vector<std::string> sort_by = SortByOf(s.table);
    if (sort_by.empty()) continue;
    auto files = ListLandingFiles(Landing() + "/" + s.landing_subdir);
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    auto ingested = IngestFiles(*files, s.schema, IngestOptions{});
    ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
    EXPECT_FALSE(InOrder(ingested->table, sort_by)) << s.table;
  }
}

// The plans sort with the engine's Sort (NULLs last, -0.0 = +0.0) and the
// writer checks its own order (NULLs first, doubles in total order): they
// agree only because the clustering columns are non-nullable and not doubles.
TEST(ZoneSchemaTest, ClusteringColumnsAreNonNullableAndNotDoubles) {
  for (const SourceSpec& s : StediSources()) {
    for (const std::string& column : SortByOf(s.table)) {
      auto i = s.schema.Find(column);
      ASSERT_TRUE(i.has_value()) << column;
      EXPECT_FALSE(s.schema.field(*i).nullable) << s.table << "." << column;
      EXPECT_NE(s.schema.field(*i).type, TypeId::kDouble) << s.table << "." << column;
    }
  }
}

}  // namespace
}  // namespace stedi
