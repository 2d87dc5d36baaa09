// Every single-byte change and every truncation of a segment file must be
// reported as Corruption (every byte of a segment is covered by a checksum or
// checked exactly), never a crash and never different rows.
#include <gtest/gtest.h>

#include "storage/segment_reader.h"
#include "storage/table_reader.h"
#include "storage/table_writer.h"
#include "tests/storage/table_builders.h"
#include "tests/storage/test_util.h"

namespace stedi {
namespace {

class CorruptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    table_ = MixedTable(40, 11);
    WriteOptions opts;
    opts.row_group_rows = 16;
    ASSERT_TRUE(WriteTable(table_, dir_.Sub("t"), opts).ok());
    path_ = dir_.Sub("t/seg-000000.sds");
    good_ = ReadFileBytes(path_);
    ASSERT_GT(good_.size(), 100u);
  }

  // The status of reading the table back; ok only when the rows are exact.
  Status ReadBack() {
    auto back = ReadTable(dir_.Sub("t"), {});
    if (!back.ok()) return back.status();
    if (!back->Equals(table_)) return Status::Internal("wrong rows returned");
    return Status::OK();
  }

  TempDir dir_;
  Table table_;
  std::string path_;
  std::string good_;
};

TEST_F(CorruptionTest, EveryByteFlipIsCaught) {
  for (size_t pos = 0; pos < good_.size(); ++pos) {
    for (uint8_t mask : {0x01, 0x80}) {
      std::string bad = good_;
      bad[pos] = static_cast<char>(bad[pos] ^ mask);
      WriteFileBytes(path_, bad);
      Status st = ReadBack();
      ASSERT_TRUE(st.IsCorruption())
          << "byte " << pos << " mask " << int(mask) << ": " << st.ToString();
      ASSERT_NE(st.message().find("seg-000000.sds"), std::string::npos) << st.ToString();
      ASSERT_NE(st.message().find("offset"), std::string::npos) << st.ToString();
      ASSERT_TRUE(VerifyTable(dir_.Sub("t")).IsCorruption()) << pos;
    }
  }
  WriteFileBytes(path_, good_);
  EXPECT_TRUE(ReadBack().ok());
  EXPECT_TRUE(VerifyTable(dir_.Sub("t")).ok());
}

TEST_F(CorruptionTest, EveryTruncationIsCaught) {
  for (size_t len = 0; len < good_.size(); ++len) {
    WriteFileBytes(path_, good_.substr(0, len));
    Status st = ReadBack();
    ASSERT_TRUE(st.IsCorruption()) << "length " << len << ": " << st.ToString();
  }
}

TEST_F(CorruptionTest, VerifyNamesEveryBadChunk) {
  auto reader = SegmentReader::Open(path_);
  ASSERT_TRUE(reader.ok());
  const uint64_t a = (*reader)->chunk(0, 1).offset;
  const uint64_t b = (*reader)->chunk(2, 4).offset;
  std::string bad = good_;
  bad[a] ^= 0x10;
  bad[b] ^= 0x10;
  WriteFileBytes(path_, bad);
  Status st = VerifyTable(dir_.Sub("t"));
  ASSERT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("offset " + std::to_string(a) + ": column chunk checksum"),
            std::string::npos)
      << st.ToString();
  EXPECT_NE(st.message().find("offset " + std::to_string(b) + ": column chunk checksum"),
            std::string::npos)
      << st.ToString();
}

}  // namespace
}  // namespace stedi
