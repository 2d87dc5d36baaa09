// Reads a segment file written byte by byte from docs/FORMAT.md (not by the
// writer), and checks the metadata the reader exposes.
#include "storage/segment_reader.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include "storage/table_reader.h"
#include "storage/table_writer.h"
#include "tests/storage/table_builders.h"
#include "tests/storage/test_util.h"

namespace stedi {
namespace {

// Little helper to spell out bytes.
struct Bytes {
  std::string s;
  Bytes& u8(int v) {
    s.push_back(static_cast<char>(v));
    return *this;
  }
  Bytes& u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) u8((v >> (8 * i)) & 0xff);
    return *this;
  }
  Bytes& u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) u8((v >> (8 * i)) & 0xff);
    return *this;
  }
  Bytes& str(const std::string& v) {
    s += v;
    return *this;
  }
  Bytes& add(const Bytes& b) {
    s += b.s;
    return *this;
  }
  uint64_t xxh3() const { return XXH3_64bits(s.data(), s.size()); }
};

// Table: id int64 NOT NULL = 7, 8, 9; name string = "hi", NULL, "hi".
std::string HandBuiltSegment() {
  Bytes header;
  header.str("STEDISEG").u32(1).u32(0);
  // Chunk 0 (id): bitpack block: base 7, width 2, values 0,1,2 -> bits 00 01 10.
  Bytes id;
  id.u8(0x03).u64(7).u8(2).u8(0b100100);
  // Chunk 1 (name): validity (1,0,1) as bitpack base 0 width 1, length-prefixed;
  // then the two non-null values as a string dictionary block:
  // 1 entry, lengths = constant 2, bytes = plain "hi", codes = constant 0.
  Bytes validity;
  validity.u8(0x03).u64(0).u8(1).u8(0b101);
  Bytes lengths, text, codes;
  lengths.u8(0x02).u64(2);
  text.u8(0x01).str("hi");
  codes.u8(0x02).u64(0);
  Bytes name;
  name.u8(static_cast<int>(validity.s.size())).add(validity);
  name.u8(0x06).u8(1).u8(static_cast<int>(lengths.s.size())).add(lengths);
  name.u8(static_cast<int>(text.s.size())).add(text).add(codes);

  Bytes footer;
  footer.u8(2);                          // fields
  footer.u8(2).str("id").u8(3).u8(0);    // int64, not nullable
  footer.u8(4).str("name").u8(5).u8(1);  // string, nullable
  footer.u8(0);                          // no sort columns
  footer.u8(1);                          // one row group
  footer.u8(3);                          // of 3 rows
  footer.u8(16).u8(static_cast<int>(id.s.size())).u8(24).u64(id.xxh3());
  footer.u8(0).u8(1).u64(7).u64(9);  // no nulls; min 7, max 9
  footer.u8(0);                      // no validity steps
  footer.u8(1).u8(0).u8(3).u8(2).u8(24).u8(static_cast<int>(id.s.size()));
  footer.u8(static_cast<int>(16 + id.s.size())).u8(static_cast<int>(name.s.size())).u8(5);
  footer.u64(name.xxh3()).u8(1).u8(1).u8(2).str("hi").u8(2).str("hi");
  footer.u8(1).u8(0).u8(3).u8(1).u8(24).u8(static_cast<int>(validity.s.size()));
  footer.u8(1).u8(0).u8(6).u8(1).u8(12).u8(static_cast<int>(name.s.size() - validity.s.size() - 1));

  Bytes file;
  file.add(header).add(id).add(name).add(footer);
  file.u32(static_cast<uint32_t>(footer.s.size())).u64(footer.xxh3()).u32(1).str("STEDISEG");
  return file.s;
}

TEST(SegmentReaderTest, ReadsAHandBuiltFile) {
  TempDir tmp;
  std::filesystem::create_directories(tmp.Sub("t"));
  WriteFileBytes(tmp.Sub("t/seg-000000.sds"), HandBuiltSegment());
  auto table = ReadTable(tmp.Sub("t"), {});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->num_rows(), 3u);
  EXPECT_EQ(table->schema().ToString(),
            Schema({{"id", TypeId::kInt64, false}, {"name", TypeId::kString, true}}).ToString());
  EXPECT_EQ(table->RowToString(0), "7 | hi");
  EXPECT_EQ(table->RowToString(1), "8 | NULL");
  EXPECT_EQ(table->RowToString(2), "9 | hi");
  EXPECT_TRUE(VerifyTable(tmp.Sub("t")).ok());
}

TEST(SegmentReaderTest, ExposesMetadata) {
  TempDir tmp;
  const Table t = MixedTable(300, 4);
  WriteOptions opts;
  opts.row_group_rows = 128;
  opts.sort_by = {"ts"};
  ASSERT_TRUE(WriteTable(t, tmp.Sub("t"), opts).ok());
  auto r = SegmentReader::Open(tmp.Sub("t/seg-000000.sds"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const SegmentReader& seg = **r;
  EXPECT_EQ(seg.schema(), t.schema());
  EXPECT_EQ(seg.metadata().sort_by, std::vector<std::string>{"ts"});
  ASSERT_EQ(seg.num_row_groups(), 3u);
  EXPECT_EQ(seg.metadata().rows(), 300u);
  const ChunkMeta& ts = seg.chunk(0, 5);
  EXPECT_EQ(ts.offset, seg.chunk(0, 4).offset + seg.chunk(0, 4).stored_bytes);
  EXPECT_EQ(ts.min, Value::Timestamp(1655564444103));
  EXPECT_EQ(ts.null_count, 0u);
  EXPECT_TRUE(ts.validity_steps.empty());
  EXPECT_EQ(DescribeSteps(ts.value_steps), "delta -> constant");
  const ChunkMeta& all_null = seg.chunk(1, 6);
  EXPECT_EQ(all_null.stored_bytes, 0u);
  EXPECT_FALSE(all_null.has_min_max);
  EXPECT_FALSE(seg.chunk(0, 3).has_min_max);  // doubles with NaN have no min/max
  auto col = seg.ReadColumnChunk(2, 4);
  ASSERT_TRUE(col.ok());
  std::vector<uint32_t> rows;
  for (uint32_t i = 256; i < 300; ++i) rows.push_back(i);
  EXPECT_TRUE(col->Equals(t.Gather(rows).column(4)));
  EXPECT_TRUE(seg.ReadColumnChunk(3, 0).status().IsInvalidArgument());
  EXPECT_TRUE(seg.Verify().ok());
  EXPECT_EQ(seg.footer_offset() + seg.footer_bytes() + kTailSize, seg.file_size());
}

TEST(SegmentReaderTest, RejectsNonSegments) {
  TempDir tmp;
  WriteFileBytes(tmp.Sub("x.sds"), std::string(100, 'x'));
  auto r = SegmentReader::Open(tmp.Sub("x.sds"));
  ASSERT_TRUE(r.status().IsCorruption());
  EXPECT_NE(r.status().message().find("x.sds: offset 0: bad magic"), std::string::npos);
  EXPECT_TRUE(SegmentReader::Open(tmp.Sub("missing.sds")).status().IsNotFound());
}

}  // namespace
}  // namespace stedi
