#include "stedi/write_queue.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>

#include "storage/table_reader.h"
#include "tests/common/temp_dir.h"

namespace stedi {
namespace {

// Sensor-like rows: user runs, ticking timestamps, three-valued axis.
std::shared_ptr<const Table> Readings(size_t rows, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Column user(TypeId::kString), ts(TypeId::kTimestamp), x(TypeId::kDouble);
  int64_t t = 1655564444103;
  for (size_t i = 0; i < rows; ++i) {
    user.AppendString("user" + std::to_string(i / 500) + "@test.com");
    ts.AppendInt64(t += 20 * static_cast<int64_t>(1 + rng() % 3));
    x.AppendDouble(static_cast<double>(static_cast<int>(rng() % 3) - 1));
  }
  auto table = Table::Make(
      Schema(
          {{"user", TypeId::kString}, {"timestamp", TypeId::kTimestamp}, {"x", TypeId::kDouble}}),
      {user, ts, x});
  EXPECT_TRUE(table.ok());
  return std::make_shared<const Table>(std::move(table).value());
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Writes "a" then "b" (lineage: a) with the given queue depth.
std::vector<WriteResult> WriteTwo(const std::string& dir, size_t in_flight) {
  WriteQueue queue(in_flight);
  std::vector<WriteResult> done;
  queue.Add("a", {Readings(40000, 1), {}, {}, dir + "/a", ""}, &done);
  queue.Add("b", {Readings(40000, 2), {}, {"a"}, dir + "/b", ""}, &done);
  queue.FinishAll(&done);
  return done;
}

TEST(WriteQueueTest, FinishesInOrderAndFollowsTheInputsPlans) {
  testing::TempDir tmp;
  const std::vector<WriteResult> done = WriteTwo(tmp.path(), 2);
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0].name, "a");
  EXPECT_EQ(done[1].name, "b");
  ASSERT_TRUE(done[0].info.ok() && done[1].info.ok());
  for (const char* column : {"user", "timestamp", "x"}) {
    EXPECT_EQ(done[1].info->plans.at(column).plan.values.id,
              done[0].info->plans.at(column).plan.values.id)
        << column;
  }
  auto back = ReadTable(tmp.Sub("b"), {});
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->Equals(*Readings(40000, 2)));
}

// A finished write holds its table no longer: a builder that drops the
// table frees it while the queue (and the write's result) lives on.
TEST(WriteQueueTest, AFinishedWriteLetsItsTableGo) {
  testing::TempDir tmp;
  WriteQueue queue(2);
  std::vector<WriteResult> done;
  std::shared_ptr<const Table> table = Readings(1000, 3);
  std::weak_ptr<const Table> watch = table;
  queue.Add("a", {std::move(table), {}, {}, tmp.Sub("a"), ""}, &done);
  queue.FinishAll(&done);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_TRUE(done[0].info.ok());
  EXPECT_TRUE(watch.expired());
}

// Files do not depend on how many writes run at once.
TEST(WriteQueueTest, SameFilesForAnyDepth) {
  testing::TempDir one, two;
  const auto a = WriteTwo(one.path(), 1);
  const auto b = WriteTwo(two.path(), 2);
  for (size_t t = 0; t < 2; ++t) {
    ASSERT_TRUE(a[t].info.ok() && b[t].info.ok());
    ASSERT_EQ(a[t].info->files.size(), b[t].info->files.size());
    for (const SegmentFileInfo& f : a[t].info->files) {
      const std::string rel = "/" + a[t].name + "/" + f.name;
      EXPECT_EQ(FileBytes(one.path() + rel), FileBytes(two.path() + rel)) << rel;
    }
  }
}

TEST(WriteQueueTest, AFailedWriteIsReportedByName) {
  testing::TempDir tmp;
  tmp.Write("file", "not a folder");
  WriteQueue queue(2);
  std::vector<WriteResult> done;
  queue.Add("bad", {Readings(10, 1), {}, {}, tmp.Sub("file") + "/t", ""}, &done);
  // A copy of a failed write encodes the rows itself.
  queue.Add("good", {Readings(10, 1), {}, {"bad"}, tmp.Sub("good"), "bad"}, &done);
  queue.FinishAll(&done);
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0].name, "bad");
  EXPECT_FALSE(done[0].info.ok());
  EXPECT_TRUE(done[1].info.ok()) << done[1].info.status().ToString();
}

TEST(WriteQueueTest, ACopyTakesTheEarlierTablesFiles) {
  testing::TempDir tmp;
  WriteQueue queue(2);
  std::vector<WriteResult> done;
  queue.Add("a", {Readings(5000, 1), {}, {}, tmp.Sub("a"), ""}, &done);
  // The rows given are not even looked at: the caller vouched they are a's.
  queue.Add("b", {Readings(10, 9), {}, {"a"}, tmp.Sub("b"), "a"}, &done);
  queue.FinishAll(&done);
  ASSERT_EQ(done.size(), 2u);
  ASSERT_TRUE(done[0].info.ok() && done[1].info.ok());
  ASSERT_EQ(done[1].info->files.size(), done[0].info->files.size());
  EXPECT_EQ(done[1].info->rows, 5000u);
  for (const SegmentFileInfo& f : done[0].info->files) {
    EXPECT_EQ(FileBytes(tmp.Sub("b/" + f.name)), FileBytes(tmp.Sub("a/" + f.name)));
  }
}

TEST(WriteQueueTest, InheritedPlansTakeTheFirstInputWithTheColumn) {
  ChunkPlan rle, dict;
  rle.values.id = EncodingId::kRle;
  dict.values.id = EncodingId::kDictionary;
  const std::map<std::string, EncodingPlans> written = {
      {"a", {{"v", {TypeId::kInt64, rle}}, {"w", {TypeId::kDouble, rle}}}},
      {"b", {{"v", {TypeId::kInt64, dict}}, {"w", {TypeId::kInt64, dict}}}}};
  const Schema schema({{"v", TypeId::kInt64}, {"w", TypeId::kInt64}, {"z", TypeId::kInt64}});
  const EncodingPlans plans = InheritedPlans({"b", "a"}, schema, written);
  EXPECT_EQ(plans.at("v").plan.values.id, EncodingId::kDictionary);  // b comes first
  EXPECT_EQ(plans.at("w").plan.values.id, EncodingId::kDictionary);  // a's w is a double
  EXPECT_EQ(plans.count("z"), 0u);
  EXPECT_EQ(InheritedPlans({"a", "b"}, schema, written).at("v").plan.values.id, EncodingId::kRle);
}

}  // namespace
}  // namespace stedi
