// --verify finds flipped bytes and truncation (naming file and offset), and a
// lake whose files disagree with catalog.json.
#include "tools/segdump/verify.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "storage/footer.h"
#include "storage/segment_reader.h"
#include "test_util.h"

namespace stedi::segdump {
namespace {

using testing::TempDir;

void FlipByte(const std::string& path, uint64_t offset) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  f.get(c);
  f.seekp(static_cast<std::streamoff>(offset));
  f.put(static_cast<char>(c ^ 0x5a));
}

struct Verified {
  Status status;
  std::string out;
};

Verified VerifyPath(const std::string& path) {
  auto target = ResolveTarget(path);
  EXPECT_TRUE(target.ok()) << target.status().ToString();
  std::ostringstream out;
  Status st = VerifyTarget(*target, out);
  return {st, out.str()};
}

TEST(Verify, CatchesAFlippedByteInEveryChunk) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("t"));
  const std::string file = tmp.Sub("t/seg-000000.sds");
  std::vector<ChunkMeta> chunks;
  {
    auto reader = SegmentReader::Open(file);
    ASSERT_TRUE(reader.ok());
    for (const RowGroupMeta& rg : (*reader)->metadata().row_groups) {
      for (const ChunkMeta& c : rg.columns) chunks.push_back(c);
    }
  }
  for (const ChunkMeta& c : chunks) {
    const uint64_t offset = c.offset + c.stored_bytes / 2;
    FlipByte(file, offset);
    const Verified v = VerifyPath(tmp.Sub("t"));
    EXPECT_TRUE(v.status.IsCorruption()) << offset;
    EXPECT_NE(v.out.find(file + ": "), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("offset " + std::to_string(c.offset) + ": column chunk checksum mismatch"),
              std::string::npos)
        << v.out;
    EXPECT_NE(v.out.find("1 problem found"), std::string::npos) << v.out;
    EXPECT_EQ(ExitCodeFor(v.status), kExitProblem);
    FlipByte(file, offset);  // restore
  }
  EXPECT_TRUE(VerifyPath(tmp.Sub("t")).status.ok());
}

TEST(Verify, CatchesAFlippedByteInTheFooter) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("t"));
  const std::string file = tmp.Sub("t/seg-000000.sds");
  FlipByte(file, std::filesystem::file_size(file) - 40);
  const Verified v = VerifyPath(file);
  EXPECT_TRUE(v.status.IsCorruption());
  EXPECT_NE(v.out.find(file + ": offset "), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("footer checksum mismatch"), std::string::npos) << v.out;
}

TEST(Verify, CatchesATruncatedFileAtAnyLength) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("t"));
  const std::string file = tmp.Sub("t/seg-000000.sds");
  const uint64_t size = std::filesystem::file_size(file);
  for (uint64_t len : {uint64_t{0}, uint64_t{7}, uint64_t{16}, size / 2, size - 1}) {
    std::filesystem::copy_file(file, tmp.Sub("orig"),
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::resize_file(file, len);
    const Verified v = VerifyPath(tmp.Sub("t"));
    EXPECT_TRUE(v.status.IsCorruption()) << len;
    EXPECT_NE(v.out.find(file + ": offset "), std::string::npos) << len << ": " << v.out;
    std::filesystem::copy_file(tmp.Sub("orig"), file,
                               std::filesystem::copy_options::overwrite_existing);
  }
}

TEST(Verify, ReportsEveryProblemOfALake) {
  TempDir tmp;
  testing::WriteSmallLake(tmp.Sub("lake"));
  const std::string dir = tmp.Sub("lake/small/trusted");
  auto reader = SegmentReader::Open(dir + "/seg-000000.sds");
  ASSERT_TRUE(reader.ok());
  const uint64_t chunk = (*reader)->chunk(1, 1).offset;
  reader->reset();
  FlipByte(dir + "/seg-000000.sds", chunk + 1);
  std::filesystem::copy_file(dir + "/seg-000000.sds", dir + "/seg-000001.sds");
  const Verified v = VerifyPath(tmp.Sub("lake"));
  EXPECT_TRUE(v.status.IsCorruption());
  const std::string seg0 = dir + "/seg-000000.sds";
  const std::string expected =
      seg0 + ": whole-file checksum xxh3:";  // the rest depends on the bytes
  EXPECT_EQ(v.out.find(expected), 0u) << v.out;
  EXPECT_NE(v.out.find(dir + "/seg-000001.sds: segment file not listed in catalog.json for table "
                             "small\n"),
            std::string::npos)
      << v.out;
  EXPECT_NE(v.out.find(seg0 + ": row group 1 column 'name': offset " + std::to_string(chunk) +
                       ": column chunk checksum mismatch\n"),
            std::string::npos)
      << v.out;
  EXPECT_NE(v.out.find(dir + ": table small holds 12 rows, catalog.json says 6\n"),
            std::string::npos)
      << v.out;
  // The copy is damaged the same way, so it is reported too.
  EXPECT_NE(v.out.find("5 problems found in " + tmp.Sub("lake") + "\n"), std::string::npos)
      << v.out;
}

// Rewrites the segment's footer (with a valid checksum) after `edit` changed it.
template <typename Edit>
void RewriteFooter(const std::string& path, Edit edit) {
  std::string bytes;
  SegmentMeta meta;
  {
    auto reader = SegmentReader::Open(path);
    ASSERT_TRUE(reader.ok());
    meta = (*reader)->metadata();
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
    bytes.resize((*reader)->footer_offset());
  }
  edit(&meta);
  const std::string footer = SerializeFooter(meta);
  const uint64_t sum = XXH3_64bits(footer.data(), footer.size());
  const uint32_t len = static_cast<uint32_t>(footer.size()), version = kFormatVersion;
  bytes += footer;
  bytes.append(reinterpret_cast<const char*>(&len), 4);  // little-endian hosts only
  bytes.append(reinterpret_cast<const char*>(&sum), 8);
  bytes.append(reinterpret_cast<const char*>(&version), 4);
  bytes.append(kSegmentMagic, 8);
  testing::WriteFile(path, bytes);
}

TEST(Verify, CatchesStatisticsThatDisagreeWithTheData) {
  TempDir tmp;
  testing::WriteSmallTable(tmp.Sub("t"));
  const std::string file = tmp.Sub("t/seg-000000.sds");
  RewriteFooter(file, [](SegmentMeta* meta) {
    meta->row_groups[1].columns[0].max = Value::Int64(125);   // the data's max is 130
    meta->row_groups[0].columns[1].min = Value::String("b");  // the data's min is "alice"
  });
  const Verified v = VerifyPath(tmp.Sub("t"));
  EXPECT_TRUE(v.status.IsCorruption());
  EXPECT_NE(v.out.find(file + ": offset 118: row group 1 column 'id': footer min/max 120/125 "
                              "differ from the data's 120/130\n"),
            std::string::npos)
      << v.out;
  EXPECT_NE(v.out.find(file + ": offset 27: row group 0 column 'name': footer min/max b/bob, jr "
                              "differ from the data's alice/bob, jr\n"),
            std::string::npos)
      << v.out;
  EXPECT_NE(v.out.find("2 problems found"), std::string::npos) << v.out;
}

TEST(Verify, MissingCatalogFileIsAProblem) {
  TempDir tmp;
  testing::WriteSmallLake(tmp.Sub("lake"));
  std::filesystem::remove(tmp.Sub("lake/small/trusted/seg-000000.sds"));
  const Verified v = VerifyPath(tmp.Sub("lake"));
  EXPECT_TRUE(v.status.IsCorruption());
  EXPECT_NE(v.out.find("seg-000000.sds: listed in catalog.json but cannot be read"),
            std::string::npos)
      << v.out;
}

}  // namespace
}  // namespace stedi::segdump
