// End to end on stedi-gen output: every table holds exactly scale x the reference count.
#include <gtest/gtest.h>

#include <cstdlib>

#include "landing_oracle.h"
#include "stedi/lake_builder.h"
#include "test_dirs.h"

namespace stedi {
namespace {

using testing::TempDir;
using testing::ToolPath;

void Generate(const std::string& out, int scale, int seed) {
  std::string cmd = ToolPath("stedi-gen") + " --quiet --out " + out + " --scale " +
                    std::to_string(scale) + " --seed " + std::to_string(seed);
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

void ExpectScaled(int scale, int seed) {
  TempDir tmp;
  Generate(tmp.Sub("landing"), scale, seed);
  BuildOptions o;
  o.landing_dir = tmp.Sub("landing");
  o.lake_dir = tmp.Sub("lake");
  auto r = BuildLake(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->expectations_source, "stedi-gen.json");
  auto reference = ReferenceCounts();
  for (const TableReport& t : r->tables) {
    EXPECT_EQ(t.rows, reference.at(t.name) * scale) << t.name;
    EXPECT_TRUE(t.matches()) << t.name;
  }
}

TEST(GeneratedLakeTest, ScaleOneReproducesReferenceCounts) { ExpectScaled(1, 7); }

TEST(GeneratedLakeTest, ScaleThreeIsExactlyThreeTimes) { ExpectScaled(3, 11); }

TEST(GeneratedLakeTest, StrictModeMatchesIndependentComputation) {
  TempDir tmp;
  Generate(tmp.Sub("landing"), 2, 5);
  BuildOptions o;
  o.landing_dir = tmp.Sub("landing");
  o.lake_dir = tmp.Sub("lake");
  o.mode = ZoneMode::kStrict;
  auto r = BuildLake(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto oracle = testing::OracleCounts(tmp.Sub("landing"), true);
  for (const TableReport& t : r->tables) EXPECT_EQ(t.rows, oracle.at(t.name)) << t.name;
}

}  // namespace
}  // namespace stedi
