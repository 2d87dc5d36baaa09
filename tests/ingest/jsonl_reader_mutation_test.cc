// IngestFiles against every single-byte mutation of a valid record.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "ingest/jsonl_reader.h"
#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

using testing::TempDir;

Schema TestSchema() {
  return Schema({Field{"id", TypeId::kInt64, false}, Field{"name", TypeId::kString, true},
                 Field{"score", TypeId::kDouble, true}});
}

class MutationTest : public ::testing::TestWithParam<std::string> {};

// Every single-byte mutation of a valid record: ingest never crashes, accounts
// for every line, and never loads a line that a full JSON parser rejects.
// The bases take simdjson's path (escapes, unknown keys) and the fast path.
TEST_P(MutationTest, MutatedRecordsAreLoadedOnlyWhenValid) {
  const std::string& base = GetParam();
  const std::string replacements = std::string("{}[]\":,\\ 0-eE.tn\x01\xff\xc3", 20) + '\0';
  std::vector<std::string> lines;
  for (size_t pos = 0; pos < base.size(); ++pos) {
    for (char r : replacements) {
      std::string line = base;
      line[pos] = r;
      lines.push_back(line);
    }
    lines.push_back(base.substr(0, pos));  // cut short
  }
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  TempDir dir;
  const std::string path = dir.Write("m.json", text);
  IngestOptions options;
  options.threads = 2;
  options.chunk_bytes = 997;
  auto r = IngestFiles({path}, TestSchema(), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->stats.lines_read,
            r->stats.records_loaded + r->stats.records_rejected + r->stats.blank_lines);
  EXPECT_EQ(r->stats.lines_read, lines.size());
  std::vector<bool> rejected(lines.size() + 1, false);
  for (const RejectedRecord& rec : r->rejected) {
    ASSERT_LE(rec.line, lines.size());
    EXPECT_EQ(rec.raw, lines[rec.line - 1]);
    rejected[rec.line] = true;
  }
  simdjson::dom::parser parser;
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool blank = lines[i].find_first_not_of(" \t\r") == std::string::npos;
    if (blank || rejected[i + 1]) continue;
    simdjson::dom::element doc;
    EXPECT_EQ(parser.parse(lines[i]).get(doc), simdjson::SUCCESS)
        << "loaded line " << i + 1 << ": " << lines[i];
  }
}

INSTANTIATE_TEST_SUITE_P(
    IngestFilesTest, MutationTest,
    ::testing::Values(
        "{\"id\":12,\"name\":\"a\\u00e9b\",\"score\":-1.5e2,\"x\":[1,{\"y\":null}],\"ok\":true}",
        "{\"id\":1655561670434,\"name\":\"A.b@test.com\",\"score\":-10.25}",
        "{ \"score\": 0.5, \"NAME\": \"\xC3\xA9t\xC3\xA9\", \"id\": -7 }"));

}  // namespace
}  // namespace stedi
