#include "storage/footer.h"

#include <gtest/gtest.h>

namespace stedi {
namespace {

SegmentMeta SampleMeta() {
  SegmentMeta m;
  m.schema = Schema({{"id", TypeId::kInt64}, {"name", TypeId::kString, false}});
  m.sort_by = {"id"};
  RowGroupMeta rg;
  rg.rows = 10;
  ChunkMeta a;
  a.offset = kHeaderSize;
  a.stored_bytes = 5;
  a.raw_bytes = 80;
  a.checksum = 0x1122334455667788ull;
  a.null_count = 2;
  a.has_min_max = true;
  a.min = Value::Int64(-5);
  a.max = Value::Int64(99);
  a.validity_steps = {{0, EncodingId::kRle, 3, 80, 12},
                      {1, EncodingId::kPlain, 0, 24, 25},
                      {1, EncodingId::kBitpack, 3, 24, 11}};
  a.value_steps = {{0, EncodingId::kBitpack, 7, 64, 17}};
  ChunkMeta b;
  b.offset = kHeaderSize + 5;
  b.stored_bytes = 7;
  b.has_min_max = true;
  b.min = Value::String("alpha");
  b.max = Value::String("omega");
  b.value_steps = {{0, EncodingId::kDictionary, 2, 60, 7}};
  rg.columns = {a, b};
  m.row_groups = {rg};
  return m;
}

Result<SegmentMeta> Parse(const std::string& s, uint64_t chunks_end) {
  return ParseFooter({reinterpret_cast<const uint8_t*>(s.data()), s.size()}, 1000, chunks_end);
}

TEST(FooterTest, RoundTrip) {
  const SegmentMeta m = SampleMeta();
  const std::string bytes = SerializeFooter(m);
  auto back = Parse(bytes, kHeaderSize + 12);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->schema, m.schema);
  EXPECT_EQ(back->sort_by, m.sort_by);
  ASSERT_EQ(back->row_groups.size(), 1u);
  const ChunkMeta& a = back->row_groups[0].columns[0];
  EXPECT_EQ(a.checksum, 0x1122334455667788ull);
  EXPECT_EQ(a.min, Value::Int64(-5));
  EXPECT_EQ(a.max, Value::Int64(99));
  EXPECT_EQ(a.validity_steps.size(), 3u);
  EXPECT_EQ(DescribeSteps(a.validity_steps), "rle(3)[plain] -> bitpack(3)");
  EXPECT_EQ(back->row_groups[0].columns[1].max, Value::String("omega"));
}

TEST(FooterTest, RejectsLayoutGapsAndTruncation) {
  const std::string bytes = SerializeFooter(SampleMeta());
  EXPECT_TRUE(Parse(bytes, kHeaderSize + 13).status().IsCorruption());  // gap before footer
  for (size_t len = 0; len < bytes.size(); ++len) {
    EXPECT_TRUE(Parse(bytes.substr(0, len), kHeaderSize + 12).status().IsCorruption()) << len;
  }
  EXPECT_TRUE(Parse(bytes + "x", kHeaderSize + 12).status().IsCorruption());
}

TEST(FooterTest, RejectsInconsistentChunks) {
  SegmentMeta m = SampleMeta();
  m.row_groups[0].columns[1].null_count = 1;  // not nullable
  EXPECT_TRUE(Parse(SerializeFooter(m), kHeaderSize + 12).status().IsCorruption());
  m = SampleMeta();
  m.row_groups[0].columns[0].min = Value::Int64(100);  // min > max
  EXPECT_TRUE(Parse(SerializeFooter(m), kHeaderSize + 12).status().IsCorruption());
  m = SampleMeta();
  m.row_groups[0].columns[0].validity_steps.clear();  // nulls but no validity
  EXPECT_TRUE(Parse(SerializeFooter(m), kHeaderSize + 12).status().IsCorruption());
}

}  // namespace
}  // namespace stedi
