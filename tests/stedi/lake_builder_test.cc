// End to end: landing JSON -> lake, on the real data and on generated data.
#include "stedi/lake_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "landing_oracle.h"
#include "stedi/catalog.h"
#include "storage/table_reader.h"
#include "test_dirs.h"

namespace stedi {
namespace {

using testing::OracleCounts;
using testing::RealLandingDir;
using testing::TempDir;

#define SKIP_WITHOUT_REAL_DATA()                                                  \
  if (RealLandingDir().empty()) {                                                 \
    GTEST_SKIP() << "../shared/stedi (the real Udacity landing data) is absent; " \
                    "the real-data tests are skipped";                            \
  }

std::map<std::string, uint64_t> Counts(const BuildReport& r) {
  std::map<std::string, uint64_t> out;
  for (const TableReport& t : r.tables) out[t.name] = t.rows;
  return out;
}

std::vector<std::string> SortedRows(const Table& t) {
  std::vector<std::string> rows;
  for (size_t i = 0; i < t.num_rows(); ++i) rows.push_back(t.RowToString(i));
  std::sort(rows.begin(), rows.end());
  return rows;
}

Result<BuildReport> Build(const std::string& landing, const std::string& lake, ZoneMode mode) {
  BuildOptions o;
  o.landing_dir = landing;
  o.lake_dir = lake;
  o.mode = mode;
  o.keep_tables = true;
  return BuildLake(o);
}

// Strings of `column` in every trusted or curated table that has it.
std::set<std::string> ValuesInDerivedTables(const BuildReport& r, const std::string& column) {
  std::set<std::string> out;
  for (const TableReport& t : r.tables) {
    if (t.zone == "landing") continue;
    auto idx = t.table.schema().Find(column);
    if (!idx) continue;
    const Column& c = t.table.column(*idx);
    for (size_t i = 0; i < c.size(); ++i)
      if (!c.IsNull(i)) out.insert(std::string(c.GetString(i)));
  }
  return out;
}

TEST(LakeBuilderRealData, CompatCountsMatchReferenceAndOracle) {
  SKIP_WITHOUT_REAL_DATA();
  TempDir tmp;
  auto r = Build(RealLandingDir(), tmp.Sub("lake"), ZoneMode::kCompat);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Expectations reference = ReferenceCounts();
  EXPECT_EQ(Counts(*r), (std::map<std::string, uint64_t>(reference.begin(), reference.end())));
  EXPECT_EQ(Counts(*r), OracleCounts(RealLandingDir(), false));
  for (const TableReport& t : r->tables) EXPECT_TRUE(t.matches()) << t.name;
}

TEST(LakeBuilderRealData, ContentRespectsConsentAndJoinRule) {
  SKIP_WITHOUT_REAL_DATA();
  TempDir tmp;
  auto r = Build(RealLandingDir(), tmp.Sub("lake"), ZoneMode::kCompat);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Table& customers = r->tables[0].table;
  ASSERT_EQ(r->tables[0].name, "customer_landing");
  const Column& email = customers.column(*customers.schema().Find("email"));
  const Column& serial = customers.column(*customers.schema().Find("serialNumber"));
  const Column& consent = customers.column(*customers.schema().Find("shareWithResearchAsOfDate"));
  std::set<std::string> emails = ValuesInDerivedTables(*r, "email");
  std::set<std::string> users = ValuesInDerivedTables(*r, "user");
  std::set<std::string> serials = ValuesInDerivedTables(*r, "serialNumber");
  size_t refused = 0;
  for (size_t i = 0; i < customers.num_rows(); ++i) {
    if (!consent.IsNull(i)) continue;
    ++refused;
    EXPECT_FALSE(emails.count(std::string(email.GetString(i)))) << email.GetString(i);
    EXPECT_FALSE(users.count(std::string(email.GetString(i)))) << email.GetString(i);
    EXPECT_FALSE(serials.count(std::string(serial.GetString(i)))) << serial.GetString(i);
  }
  EXPECT_EQ(refused, 956u - 482u);
  const Table& ml = r->tables.back().table;
  ASSERT_EQ(r->tables.back().name, "machine_learning_curated");
  EXPECT_EQ(ml.schema().ToString(),
            "sensorReadingTime:timestamp, serialNumber:string, distanceFromObject:int32?, "
            "user:string, timestamp:timestamp, x:double?, y:double?, z:double?");
  const auto& step_time = ml.column(0).data<int64_t>();
  const auto& accel_time = ml.column(4).data<int64_t>();
  for (size_t i = 0; i < ml.num_rows(); ++i) ASSERT_EQ(step_time[i], accel_time[i]) << i;
}

TEST(LakeBuilderRealData, StoredTablesReadBackAsWrittenAndCatalogAgrees) {
  SKIP_WITHOUT_REAL_DATA();
  TempDir tmp;
  const std::string lake = tmp.Sub("lake");
  auto r = Build(RealLandingDir(), lake, ZoneMode::kCompat);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto catalog = ReadCatalog(lake);
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  EXPECT_EQ(catalog->tables.size(), 8u);
  for (const TableReport& t : r->tables) {
    auto stored = ReadTable(lake + "/" + t.path, ReadOptions{});
    ASSERT_TRUE(stored.ok()) << t.name << ": " << stored.status().ToString();
    EXPECT_EQ(stored->schema(), t.table.schema()) << t.name;
    // The writer clusters rows, so compare as multisets.
    EXPECT_EQ(SortedRows(*stored), SortedRows(t.table)) << t.name;
    const CatalogTable* ct = catalog->Find(t.name);
    ASSERT_NE(ct, nullptr) << t.name;
    EXPECT_EQ(ct->rows, t.rows);
    EXPECT_EQ(ct->path, t.path);
    EXPECT_EQ(ct->schema, t.schema);
    uint64_t bytes = 0;
    for (const CatalogFile& f : ct->files) {
      bytes += f.bytes;
      EXPECT_EQ(std::filesystem::file_size(lake + "/" + t.path + "/" + f.name), f.bytes);
    }
    EXPECT_EQ(bytes, ct->bytes);
  }
}

// Every trusted customer has readings, so the curated customers are the
// trusted ones, row for row: the builder stores them as the same files.
TEST(LakeBuilderRealData, ATableEqualToItsInputHasTheSameFiles) {
  SKIP_WITHOUT_REAL_DATA();
  TempDir tmp;
  const std::string lake = tmp.Sub("lake");
  auto r = Build(RealLandingDir(), lake, ZoneMode::kCompat);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const TableReport* trusted = nullptr;
  const TableReport* curated = nullptr;
  for (const TableReport& t : r->tables) {
    if (t.name == "customer_trusted") trusted = &t;
    if (t.name == "customers_curated") curated = &t;
  }
  ASSERT_TRUE(trusted && curated);
  ASSERT_TRUE(trusted->table.Equals(curated->table));
  ASSERT_EQ(trusted->files.size(), curated->files.size());
  for (size_t i = 0; i < trusted->files.size(); ++i) {
    EXPECT_EQ(trusted->files[i].checksum, curated->files[i].checksum);
    auto back = ReadTable(lake + "/" + curated->path, ReadOptions{});
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(back->Equals(curated->table));
  }
}

TEST(LakeBuilderRealData, StrictCountsMatchIndependentComputation) {
  SKIP_WITHOUT_REAL_DATA();
  TempDir tmp;
  auto r = Build(RealLandingDir(), tmp.Sub("lake"), ZoneMode::kStrict);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto oracle = OracleCounts(RealLandingDir(), true);
  EXPECT_EQ(Counts(*r), oracle);
  // Strict removes the readings taken before consent, so it must be smaller.
  EXPECT_LT(oracle["accelerometer_trusted"], 40981u);
  EXPECT_LT(oracle["machine_learning_curated"], 43681u);
  const Table& ml = r->tables.back().table;
  EXPECT_FALSE(ml.schema().Find("user").has_value()) << "strict output must carry no email";
}

TEST(LakeBuilderRealData, RebuildIsReproducible) {
  SKIP_WITHOUT_REAL_DATA();
  TempDir tmp;
  ASSERT_TRUE(Build(RealLandingDir(), tmp.Sub("a"), ZoneMode::kCompat).ok());
  ASSERT_TRUE(Build(RealLandingDir(), tmp.Sub("b"), ZoneMode::kCompat).ok());
  auto read = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(tmp.Sub("a"))) {
    if (!e.is_regular_file() || e.path().filename() == "catalog.json") continue;
    auto rel = std::filesystem::relative(e.path(), tmp.Sub("a"));
    EXPECT_EQ(read(e.path()), read(tmp.Sub("b") + "/" + rel.string())) << rel;
    ++files;
  }
  EXPECT_GE(files, 8u);
}

}  // namespace
}  // namespace stedi
