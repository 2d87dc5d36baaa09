#include "storage/table_writer.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <filesystem>

#include "storage/segment_reader.h"
#include "storage/table_reader.h"
#include "tests/storage/table_builders.h"
#include "tests/storage/test_util.h"

namespace stedi {
namespace {

Table WriteAndRead(const Table& t, const std::string& dir, const WriteOptions& opts) {
  auto info = WriteTable(t, dir, opts);
  EXPECT_TRUE(info.ok()) << info.status().ToString();
  if (!info.ok()) return {};
  EXPECT_EQ(info->rows, t.num_rows());
  auto back = ReadTable(dir, ReadOptions{});
  EXPECT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(VerifyTable(dir).ok());
  return back.ok() ? std::move(back).value() : Table();
}

TEST(TableWriterTest, RoundTripsEveryTypeAtBoundarySizes) {
  TempDir tmp;
  WriteOptions opts;
  opts.row_group_rows = 64;
  opts.segment_max_rows = 256;
  // 0 rows, one row, one group minus/exactly/plus one, several segments.
  for (size_t rows : {0, 1, 2, 63, 64, 65, 128, 129, 256, 257, 1000}) {
    const Table t = MixedTable(rows, rows + 1);
    const Table back = WriteAndRead(t, tmp.Sub("t" + std::to_string(rows)), opts);
    EXPECT_TRUE(back.Equals(t)) << rows << " rows";
    for (size_t c = 0; c < back.num_columns(); ++c) {
      EXPECT_EQ(back.column(c).size(), rows);
    }
  }
}

TEST(TableWriterTest, EmptyTableKeepsItsSchema) {
  TempDir tmp;
  const Table t = Table::Empty(MixedTable(0).schema());
  auto info = WriteTable(t, tmp.Sub("e"), WriteOptions{});
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->files.size(), 1u);
  auto schema = ReadTableSchema(tmp.Sub("e"));
  ASSERT_TRUE(schema.ok());
  EXPECT_EQ(*schema, t.schema());
  auto back = ReadTable(tmp.Sub("e"), {});
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->Equals(t));
}

TEST(TableWriterTest, ZeroColumnTable) {
  TempDir tmp;
  auto info = WriteTable(Table(), tmp.Sub("z"), WriteOptions{});
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  auto back = ReadTable(tmp.Sub("z"), {});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->num_columns(), 0u);
}

TEST(TableWriterTest, DeterministicBytes) {
  TempDir tmp;
  const Table t = MixedTable(3000, 5);
  WriteOptions opts;
  opts.row_group_rows = 1000;
  auto a = WriteTable(t, tmp.Sub("a"), opts);
  auto b = WriteTable(t, tmp.Sub("b"), opts);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->files.size(), b->files.size());
  for (size_t i = 0; i < a->files.size(); ++i) {
    const std::string fa = ReadFileBytes(tmp.Sub("a/" + a->files[i].name));
    const std::string fb = ReadFileBytes(tmp.Sub("b/" + b->files[i].name));
    EXPECT_EQ(fa, fb);
    EXPECT_EQ(a->files[i].checksum, XXH3_64bits(fa.data(), fa.size()));
    EXPECT_EQ(a->files[i].bytes, fa.size());
  }
}

// Leaving the fsyncs to the caller changes nothing in the files written.
TEST(TableWriterTest, SyncOffWritesTheSameFiles) {
  TempDir tmp;
  const Table t = MixedTable(3000, 6);
  WriteOptions opts;
  opts.row_group_rows = 1000;
  opts.segment_max_rows = 2000;
  auto synced = WriteTable(t, tmp.Sub("a"), opts);
  opts.sync = false;
  auto unsynced = WriteTable(t, tmp.Sub("b"), opts);
  ASSERT_TRUE(synced.ok() && unsynced.ok());
  ASSERT_EQ(unsynced->files.size(), 2u);
  for (const SegmentFileInfo& f : unsynced->files) {
    EXPECT_EQ(ReadFileBytes(tmp.Sub("a/" + f.name)), ReadFileBytes(tmp.Sub("b/" + f.name)));
    EXPECT_FALSE(std::filesystem::exists(tmp.Sub("b/" + f.name + ".tmp")));
  }
}

// Chunks are encoded on several threads; the files must not depend on how many.
TEST(TableWriterTest, SameBytesForEveryThreadCount) {
  TempDir tmp;
  Table t = SensorTable(30000);
  WriteOptions opts;
  opts.row_group_rows = 4096;  // several row groups with long enough chunks to be sampled
  opts.segment_max_rows = 16384;
  std::vector<std::string> first;
  for (int threads : {1, 2, 3, 0}) {
    opts.threads = threads;
    const std::string dir = tmp.Sub("t" + std::to_string(threads));
    auto info = WriteTable(t, dir, opts);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    ASSERT_EQ(info->files.size(), 2u);
    std::vector<std::string> files;
    for (const SegmentFileInfo& f : info->files) files.push_back(ReadFileBytes(dir + "/" + f.name));
    if (first.empty()) first = files;
    EXPECT_EQ(files, first) << threads << " threads";
    auto back = ReadTable(dir, {});
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(back->Equals(t));
  }
}

// Chunks equal to an earlier column's chunk of the same row group (a join's
// two key columns) are stored as copies of its bytes; equal values under
// other nulls, another type or equal codes of another dictionary are not, and
// every column reads back as written.
TEST(TableWriterTest, EqualChunksAreEncodedOnce) {
  TempDir tmp;
  const size_t rows = 3 * 4096;
  Column a(TypeId::kTimestamp), copy(TypeId::kTimestamp), tail(TypeId::kTimestamp),
      other_nulls(TypeId::kTimestamp), as_int(TypeId::kInt64), s(TypeId::kString),
      s_own(TypeId::kString);
  int64_t t = 1655564444103;
  for (size_t i = 0; i < rows; ++i) {
    t += static_cast<int64_t>(i % 3 == 0) * 20;
    const int64_t v = i % 1000 == 7 ? 0 : t;
    a.AppendInt64(v);
    copy.AppendInt64(v);
    tail.AppendInt64(i == rows - 1 ? v + 1 : v);  // differs in the last row group only
    if (v == 0) {
      other_nulls.AppendNull();  // stores 0 too: same values, other nulls
    } else {
      other_nulls.AppendInt64(v);
    }
    as_int.AppendInt64(v);
    s.AppendString("user" + std::to_string(i / 500));
    s_own.AppendString("other" + std::to_string(i / 500));  // s's codes, other strings
  }
  Column s_shared = s;  // same codes, same dictionary
  const Table table = MakeTable({{"a", TypeId::kTimestamp},
                                 {"copy", TypeId::kTimestamp},
                                 {"tail", TypeId::kTimestamp},
                                 {"other_nulls", TypeId::kTimestamp},
                                 {"as_int", TypeId::kInt64},
                                 {"s", TypeId::kString},
                                 {"s_shared", TypeId::kString},
                                 {"s_own", TypeId::kString}},
                                {a, copy, tail, other_nulls, as_int, s, s_shared, s_own});
  WriteOptions opts;
  opts.row_group_rows = 4096;
  // Column a follows a given plain plan, which "copy" choosing for itself
  // would not pick: its chunks equal a's only when they are copies.
  size_t runs = 1;
  for (size_t i = 1; i < rows; ++i) runs += a.data<int64_t>()[i] != a.data<int64_t>()[i - 1];
  ColumnPlan plain{TypeId::kTimestamp, {}};
  plain.plan.values.id = EncodingId::kPlain;
  plain.plan.values.bytes_in = plain.plan.values.bytes_out = 4096 * 8;
  plain.plan.value_runs = static_cast<double>(runs) / static_cast<double>(rows);
  const EncodingPlans given = {{"a", plain}};
  opts.follow = &given;
  const std::string dir = tmp.Sub("t");
  const Table back = WriteAndRead(table, dir, opts);
  EXPECT_TRUE(back.Equals(table));
  auto reader = SegmentReader::Open(dir + "/seg-000000.sds");
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  ASSERT_EQ((*reader)->num_row_groups(), 3u);
  auto same = [&](size_t rg, size_t x, size_t y) {
    const auto bx = (*reader)->ChunkBytes(rg, x), by = (*reader)->ChunkBytes(rg, y);
    return (*reader)->chunk(rg, x).offset != (*reader)->chunk(rg, y).offset &&
           std::equal(bx.begin(), bx.end(), by.begin(), by.end());
  };
  EXPECT_EQ((*reader)->chunk(0, 0).value_steps.front().id, EncodingId::kPlain);
  EXPECT_GT((*reader)->chunk(0, 0).stored_bytes, 4 * (*reader)->chunk(0, 4).stored_bytes);
  for (size_t rg = 0; rg < 3; ++rg) {
    EXPECT_TRUE(same(rg, 0, 1)) << rg;
    EXPECT_EQ(same(rg, 0, 2), rg < 2) << rg;
    EXPECT_FALSE(same(rg, 0, 3)) << rg;
    EXPECT_TRUE(same(rg, 5, 6)) << rg;
    EXPECT_FALSE(same(rg, 5, 7)) << rg;
  }
}

// Equal chunks are encoded by the member that follows its given plan when
// the first one's plan does not fit its runs (a join's key columns): here
// "left" has a plan made for rows without repeats, "right" a plain plan made
// for these runs, and both chunks come out plain, one encoding shared.
TEST(TableWriterTest, EqualChunksFollowTheMemberWhosePlanFits) {
  TempDir tmp;
  const size_t rows = 4096;
  Column left(TypeId::kTimestamp);
  int64_t t = 1655564444103;
  for (size_t i = 0; i < rows; ++i) left.AppendInt64(t += static_cast<int64_t>(i % 3 == 0) * 20);
  const Column right = left;
  const Table table =
      MakeTable({{"left", TypeId::kTimestamp}, {"right", TypeId::kTimestamp}}, {left, right});
  auto plain_plan = [](double runs) {
    ColumnPlan p{TypeId::kTimestamp, {}};
    p.plan.values.id = EncodingId::kPlain;
    p.plan.values.bytes_in = p.plan.values.bytes_out = 4096 * 8;
    p.plan.value_runs = runs;
    return p;
  };
  const EncodingPlans given = {{"left", plain_plan(1.0)}, {"right", plain_plan(1.0 / 3)}};
  WriteOptions opts;
  opts.row_group_rows = rows;
  opts.follow = &given;
  const std::string dir = tmp.Sub("t");
  EXPECT_TRUE(WriteAndRead(table, dir, opts).Equals(table));
  auto reader = SegmentReader::Open(dir + "/seg-000000.sds");
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  for (size_t c = 0; c < 2; ++c) {
    EXPECT_EQ((*reader)->chunk(0, c).value_steps.front().id, EncodingId::kPlain) << c;
  }
  const auto a = (*reader)->ChunkBytes(0, 0), b = (*reader)->ChunkBytes(0, 1);
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end()));
}

// A table can follow the encodings another table chose (by column name and
// type); it reports its own first row group's choices for the next one.
TEST(TableWriterTest, FollowsGivenPlansAndReportsItsOwn) {
  TempDir tmp;
  WriteOptions opts;
  opts.row_group_rows = 8192;
  auto first = WriteTable(SensorTable(30000, 3), tmp.Sub("a"), opts);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->plans.size(), 3u);
  EXPECT_EQ(first->plans.at("x").type, TypeId::kDouble);
  EncodingPlans given = first->plans;
  given["user"].type = TypeId::kInt64;  // a different type: must be ignored
  opts.follow = &given;
  const Table t = SensorTable(30000, 4);
  const Table back = WriteAndRead(t, tmp.Sub("b"), opts);
  EXPECT_TRUE(back.Equals(t));
  auto second = WriteTable(t, tmp.Sub("b"), opts);
  ASSERT_TRUE(second.ok());
  for (const char* name : {"timestamp", "x"}) {
    EXPECT_EQ(second->plans.at(name).plan.values.id, first->plans.at(name).plan.values.id) << name;
  }
  opts.follow = nullptr;
  auto own = WriteTable(t, tmp.Sub("c"), opts);
  ASSERT_TRUE(own.ok());
  EXPECT_LE(second->bytes, own->bytes * 105 / 100);
}

TEST(TableWriterTest, SortByClustersRowsStably) {
  TempDir tmp;
  const Table t = MixedTable(500, 9);
  WriteOptions opts;
  opts.sort_by = {"b", "i64"};
  opts.row_group_rows = 100;
  const Table back = WriteAndRead(t, tmp.Sub("s"), opts);
  ASSERT_EQ(back.num_rows(), t.num_rows());
  const Column& b = back.column(0);
  const Column& i64 = back.column(2);
  const Column& ts = back.column(5);  // unique, increasing in the input
  for (size_t r = 1; r < back.num_rows(); ++r) {
    const Value pb = b.GetValue(r - 1), cb = b.GetValue(r);
    ASSERT_TRUE(pb.is_null || (!cb.is_null && pb.i <= cb.i)) << r;
    if (pb == cb || (pb.is_null && cb.is_null)) {
      const Value pi = i64.GetValue(r - 1), ci = i64.GetValue(r);
      ASSERT_TRUE(pi.is_null || (!ci.is_null && pi.i <= ci.i)) << r;
      if (pi == ci || (pi.is_null && ci.is_null)) {
        ASSERT_LT(ts.GetValue(r - 1).i, ts.GetValue(r).i) << "not stable at " << r;
      }
    }
  }
  EXPECT_TRUE(
      WriteTable(t, tmp.Sub("x"), WriteOptions{.sort_by = {"missing"}}).status().IsNotFound());
}

TEST(TableWriterTest, RewriteRemovesStaleSegments) {
  TempDir tmp;
  WriteOptions opts;
  opts.row_group_rows = 10;
  opts.segment_max_rows = 10;
  ASSERT_TRUE(WriteTable(MixedTable(55), tmp.Sub("t"), opts).ok());
  EXPECT_TRUE(std::filesystem::exists(tmp.Sub("t/seg-000005.sds")));
  WriteFileBytes(tmp.Sub("t/seg-000009.sds.tmp"), "leftover");
  const Table small = MixedTable(15, 3);
  auto info = WriteTable(small, tmp.Sub("t"), opts);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->files.size(), 2u);
  size_t files = 0;
  for (auto& e : std::filesystem::directory_iterator(tmp.Sub("t"))) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 2u);
  auto back = ReadTable(tmp.Sub("t"), {});
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->Equals(small));
}

TEST(TableWriterTest, RejectsBadOptions) {
  TempDir tmp;
  const Table t = MixedTable(5);
  EXPECT_TRUE(WriteTable(t, tmp.Sub("a"), {.row_group_rows = 0}).status().IsInvalidArgument());
  EXPECT_TRUE(WriteTable(t, tmp.Sub("a"), {.zstd_level = 0}).status().IsInvalidArgument());
  EXPECT_TRUE(
      WriteTable(t, tmp.Sub("a"), {.dictionary_zstd_level = 23}).status().IsInvalidArgument());
  EXPECT_TRUE(WriteTable(t, tmp.Sub("a"), {.threads = -1}).status().IsInvalidArgument());
  EXPECT_TRUE(WriteTable(t, tmp.Sub("a"), {.segment_max_rows = 0}).status().IsInvalidArgument());
}

TEST(TableWriterTest, SensorDataCompresses) {
  TempDir tmp;
  const Table t = SensorTable(20000);
  auto info = WriteTable(t, tmp.Sub("s"), WriteOptions{});
  ASSERT_TRUE(info.ok());
  // user: 200 runs; timestamp: 12-bit deltas; x: 3 values (< 2 bits). Plain is 20 bytes/row.
  EXPECT_LT(info->bytes, 20000u * 2);
  auto back = ReadTable(tmp.Sub("s"), {});
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->Equals(t));
}

}  // namespace
}  // namespace stedi
