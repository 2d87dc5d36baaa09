#include "ingest/file_range_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/table.h"
#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

Schema OneString() { return Schema({Field{"s", TypeId::kString}}); }

// Parses [0, size) cut into ranges of `step` bytes; returns the strings loaded
// in order and the total lines counted.
std::vector<std::string> ParseTiled(const std::string& path, uint64_t size, uint64_t step,
                                    uint64_t* lines) {
  RecordParser record_parser(OneString(), size_t{64} << 20);
  PaddedText window;
  std::vector<std::string> values;
  *lines = 0;
  for (uint64_t begin = 0; begin < size; begin += step) {
    ChunkOutput out;
    ChunkParser chunk(OneString(), BadRecordMode::kQuarantine, record_parser, 0, &out);
    EXPECT_TRUE(ParseFileRange(path, begin, std::min(size, begin + step), &window, &chunk).ok());
    chunk.Finish();
    *lines += out.lines;
    for (size_t i = 0; i < out.columns[0].size(); ++i) {
      values.emplace_back(out.columns[0].GetString(i));
    }
  }
  return values;
}

void CheckTiling(bool with_long_line, const std::vector<uint64_t>& steps) {
  testing::TempDir dir;
  std::vector<std::string> expected;
  std::string text = "\xEF\xBB\xBF";
  for (int i = 0; i < 300; ++i) {
    std::string value = "v" + std::to_string(i) + std::string(static_cast<size_t>(i % 37), 'x');
    if (i == 150 && with_long_line) {
      value = std::string((size_t{3} << 20) / 2, 'L');  // longer than the window
    }
    expected.push_back(value);
    text += "{\"s\":\"" + value + "\"}" + (i % 5 == 0 ? "\r\n" : "\n");
    if (i % 50 == 0) text += "\n";
  }
  text.pop_back();  // no final newline
  const std::string path = dir.Write("a.json", text);
  for (uint64_t step : steps) {
    uint64_t lines = 0;
    EXPECT_EQ(ParseTiled(path, text.size(), step, &lines), expected) << "step " << step;
    EXPECT_EQ(lines, 306u) << "step " << step;
  }
}

TEST(ParseFileRangeTest, RangesThatTileAFileReadEveryLineOnce) {
  CheckTiling(false, {1, 2, 3, 7, 100, 4096, uint64_t{1} << 30});
}

TEST(ParseFileRangeTest, LinesLongerThanTheWindow) {
  CheckTiling(true, {4096, 100000, uint64_t{1} << 20, uint64_t{1} << 30});
}

TEST(ParseFileRangeTest, MissingFileIsNotFound) {
  RecordParser record_parser(OneString(), 1024);
  PaddedText window;
  ChunkOutput out;
  ChunkParser chunk(OneString(), BadRecordMode::kQuarantine, record_parser, 0, &out);
  Status s = ParseFileRange("/nonexistent/a.json", 0, 10, &window, &chunk);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_NE(s.message().find("/nonexistent/a.json"), std::string::npos);
}

TEST(ParseFileRangeTest, RangePastTheEndReadsNothing) {
  testing::TempDir dir;
  const std::string path = dir.Write("a.json", "{\"s\":\"a\"}\n");
  uint64_t lines = 0;
  RecordParser record_parser(OneString(), 1024);
  PaddedText window;
  ChunkOutput out;
  ChunkParser chunk(OneString(), BadRecordMode::kQuarantine, record_parser, 0, &out);
  EXPECT_TRUE(ParseFileRange(path, 50, 100, &window, &chunk).ok());
  chunk.Finish();
  EXPECT_EQ(out.lines, 0u);
  EXPECT_EQ(ParseTiled(path, 10, 3, &lines), (std::vector<std::string>{"a"}));
}

}  // namespace
}  // namespace stedi
