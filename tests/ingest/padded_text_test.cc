#include "ingest/padded_text.h"

#include <gtest/gtest.h>

#include <cstring>

#include "ingest/decompress.h"
#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

using testing::TempDir;

TEST(PaddedTextTest, ResizeKeepsBytesAndZeroesThePadding) {
  PaddedText t;
  t.Resize(3);
  std::memcpy(t.mutable_data(), "abc", 3);
  t.Resize(100000);
  EXPECT_EQ(t.view().substr(0, 3), "abc");
  t.Resize(2);
  EXPECT_EQ(t.view(), "ab");
  for (size_t i = 0; i < PaddedText::kPadding; ++i) EXPECT_EQ(t.data()[2 + i], 0);
  t.DropPrefix(1);
  EXPECT_EQ(t.view(), "b");
  EXPECT_EQ(t.capacity(), 1 + PaddedText::kPadding);
}

TEST(LoadTextFileTest, PlainGzipZstdAndByteOrderMark) {
  TempDir dir;
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "{\"i\":" + std::to_string(i) + "}\n";
  const std::string bom = "\xEF\xBB\xBF";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"plain.json", big},
      {"bom.json", bom + big},
      {"gz.json.gz", testing::GzipCompress(bom + big)},
      {"two.json.gz",
       testing::GzipCompress(big.substr(0, 1000)) + testing::GzipCompress(big.substr(1000))},
      {"zst.json.zst", testing::ZstdCompress(big)},
      {"two.json.zst",
       testing::ZstdCompress(big.substr(0, 7)) + testing::ZstdCompress(big.substr(7))},
      // Compression is recognised by content, not by name.
      {"misnamed.json", testing::ZstdCompress(big)},
  };
  for (const auto& [name, bytes] : cases) {
    auto text = LoadTextFile(dir.Write(name, bytes));
    ASSERT_TRUE(text.ok()) << name << ": " << text.status().ToString();
    EXPECT_EQ(text->view(), big) << name;
  }
  auto empty = LoadTextFile(dir.Write("empty.json", ""));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->size(), 0u);
}

TEST(LoadTextFileTest, DamagedCompressedDataIsCorruption) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::to_string(i * 7919 % 10007) + ",";
  std::string gz = testing::GzipCompress(text);
  std::string zst = testing::ZstdCompress(text);
  std::string flipped = gz;
  flipped[flipped.size() / 2] ^= 0x55;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"cut.json.gz", gz.substr(0, gz.size() - 5)}, {"flipped.json.gz", flipped},
      {"junk_after.json.gz", gz + "junk"},          {"cut.json.zst", zst.substr(0, zst.size() - 3)},
      {"header_only.json.zst", zst.substr(0, 4)},
  };
  for (const auto& [name, bytes] : cases) {
    const std::string path = dir.Write(name, bytes);
    auto loaded = LoadTextFile(path);
    ASSERT_FALSE(loaded.ok()) << name;
    EXPECT_TRUE(loaded.status().IsCorruption()) << loaded.status().ToString();
    EXPECT_NE(loaded.status().message().find(path), std::string::npos);
  }
}

TEST(LoadTextFileTest, MissingFileAndDirectory) {
  TempDir dir;
  auto missing = LoadTextFile(dir.path() + "/missing.json");
  EXPECT_TRUE(missing.status().IsNotFound());
  auto directory = LoadTextFile(dir.path());
  EXPECT_TRUE(directory.status().IsIOError());
  EXPECT_NE(directory.status().message().find("directory"), std::string::npos);
}

TEST(DetectCodecTest, MagicBytes) {
  EXPECT_EQ(DetectCodec("\x1f\x8b rest"), Codec::kGzip);
  EXPECT_EQ(DetectCodec(std::string_view("\x28\xb5\x2f\xfd", 4)), Codec::kZstd);
  EXPECT_EQ(DetectCodec("{\"a\":1}"), Codec::kNone);
  EXPECT_EQ(DetectCodec("\x1f"), Codec::kNone);
}

}  // namespace
}  // namespace stedi
