// A corpus of damaged JSON Lines files, each in every bad-record mode: the
// exact loaded / rejected / blank counts, lines read = loaded + rejected +
// blank, the loaded values, each rejection's file, line, reason and raw text
// (also as written to the quarantine file), and fail mode stopping at the
// first bad line.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <string>
#include <vector>

#include "ingest/jsonl_reader.h"
#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

using testing::TempDir;

constexpr size_t kMaxRecord = size_t{2} << 20;

struct Rejection {
  uint64_t line;
  std::string reason;  // a part of the reason
};

struct DamagedFile {
  std::string name;
  std::string text;
  std::vector<int64_t> loaded_ids;  // the ids loaded, in order
  uint64_t blank = 0;
  std::vector<Rejection> rejected;
};

std::string Deep(int depth, const std::string& inner) {
  return std::string(static_cast<size_t>(depth), '[') + inner +
         std::string(static_cast<size_t>(depth), ']');
}

std::vector<DamagedFile> Corpus() {
  const std::string big(size_t{1} << 20, 'b');    // loads: under the record limit
  const std::string huge(size_t{10} << 20, 'h');  // over it: rejected unparsed
  return {
      {"trailing_commas.json",
       "{\"id\":1},\n{\"id\":2}, \n{\"id\":3}\n",
       {3},
       0,
       {{1, ""}, {2, ""}}},
      {"truncated_last_line.json", "{\"id\":1}\n{\"id\":2,\"name\":\"cut", {1}, 0, {{2, ""}}},
      {"invalid_utf8.json",
       "{\"id\":1,\"name\":\"\xff\"}\n{\"id\":2,\"name\":\"caf\xc3\xa9\"}\n"
       "{\"id\":3,\"other\":\"\xc3\x28\"}\n{\"id\":4,\"name\":\"\xed\xa0\x80\"}\n",
       {2},
       0,
       {{1, "UTF-8"}, {3, "UTF-8"}, {4, "UTF-8"}}},
      {"int64_range.json",
       "{\"id\":9223372036854775807}\n{\"id\":-9223372036854775808}\n"
       "{\"id\":9223372036854775808}\n{\"id\":-9223372036854775809}\n"
       "{\"id\":1e30}\n{\"id\":5,\"score\":1e400}\n",
       {INT64_MAX, INT64_MIN},
       0,
       {{3, "id"}, {4, "id"}, {5, "id"}, {6, ""}}},
      // A number where a string is expected is kept as its JSON text
      // (docs/INGEST.md); objects and arrays are not.
      {"wrong_types.json",
       "{\"id\":\"7\"}\n{\"id\":8,\"name\":5}\n{\"id\":9,\"score\":\"x\"}\n{\"id\":true}\n"
       "{\"id\":null}\n{\"name\":\"no id\"}\n{\"id\":1.5}\n\"just a string\"\n[1,2]\n"
       "{\"id\":10,\"score\":3}\n{\"id\":11,\"name\":{\"a\":1}}\n",
       {8, 10},
       0,
       {{1, "id"},
        {3, "score"},
        {4, "id"},
        {5, "id"},
        {6, "id"},
        {7, "id"},
        {8, ""},
        {9, ""},
        {11, "name"}}},
      {"deep_nesting.json",
       "{\"id\":1,\"x\":" + Deep(100, "1") + "}\n{\"id\":2,\"x\":" + Deep(5000, "") +
           "}\n{\"id\":" + Deep(3000, "") + "}\n",
       {1},
       0,
       {{2, ""}, {3, ""}}},
      {"huge_strings.json",
       "{\"id\":1,\"name\":\"" + big + "\"}\n{\"id\":2,\"name\":\"" + huge + "\"}\n{\"id\":3}\n",
       {1, 3},
       0,
       {{2, "over the limit"}}},
      {"duplicate_keys.json",
       "{\"id\":1,\"id\":2}\n{\"id\":3,\"ID\":4}\n{\"id\":5,\"name\":\"a\",\"Name\":\"b\"}\n"
       "{\"id\":6}\n",
       {6},
       0,
       {{1, "id"}, {2, "id"}, {3, "name"}}},
      {"garbage_lines.json",
       "hello world\n{\"id\":1}\n}{\n{\"id\":2}{\"id\":3}\n\x01\x02\x03\n{\"id\":4\n"
       "{\"id\":5}\n",
       {1, 5},
       0,
       {{1, ""}, {3, ""}, {4, ""}, {5, ""}, {6, ""}}},
      {"crlf.json", "{\"id\":1}\r\n{\"id\":2}\r\n\r\n{\"id\":}\r\n", {1, 2}, 1, {{4, ""}}},
      {"bom.json",
       "\xEF\xBB\xBF{\"id\":1}\n\xEF\xBB\xBF{\"id\":2}\n{\"id\":3}\n",
       {1, 3},
       0,
       {{2, ""}}},
      {"blank_lines.json", "\n   \n{\"id\":1}\n\t\n\n{\"id\":2}\n \r\n", {1, 2}, 5, {}},
  };
}

Schema TestSchema() {
  return Schema({Field{"id", TypeId::kInt64, false}, Field{"name", TypeId::kString, true},
                 Field{"score", TypeId::kDouble, true}});
}

// The lines of `text` as ingest numbers them, without terminators.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(begin, nl - begin);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    begin = nl + 1;
  }
  return lines;
}

class DamagedCorpusTest : public ::testing::TestWithParam<BadRecordMode> {
 protected:
  Result<IngestResult> Ingest(const std::vector<std::string>& paths) {
    IngestOptions options;
    options.mode = GetParam();
    options.max_record_bytes = kMaxRecord;
    options.threads = 2;
    return IngestFiles(paths, TestSchema(), options);
  }
  TempDir dir_;
};

void ExpectLoaded(const Table& table, const std::vector<int64_t>& ids, const std::string& file) {
  ASSERT_EQ(table.num_rows(), ids.size()) << file;
  const std::vector<int64_t>& got = table.column(0).data<int64_t>();
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(got[i], ids[i]) << file << " row " << i;
}

void ExpectRejections(const IngestResult& r, const DamagedFile& f, const std::string& path) {
  ASSERT_EQ(r.rejected.size(), f.rejected.size()) << f.name;
  const std::vector<std::string> lines = Lines(f.text);
  for (size_t i = 0; i < f.rejected.size(); ++i) {
    const RejectedRecord& got = r.rejected[i];
    EXPECT_EQ(got.file, path);
    EXPECT_EQ(got.line, f.rejected[i].line) << f.name;
    EXPECT_NE(got.reason.find(f.rejected[i].reason), std::string::npos)
        << f.name << ":" << got.line << ": " << got.reason;
    if (got.line <= lines.size()) {
      std::string want = lines[got.line - 1];
      if (got.line == 1 && want.rfind("\xEF\xBB\xBF", 0) == 0) want.erase(0, 3);
      EXPECT_EQ(got.raw, want) << f.name << ":" << got.line;
    }
  }
}

// Each file alone: counts, values, rejections; fail mode stops at the first.
TEST_P(DamagedCorpusTest, EachFileIsAccountedForExactly) {
  for (const DamagedFile& f : Corpus()) {
    const std::string path = dir_.Write(f.name, f.text);
    auto r = Ingest({path});
    if (GetParam() == BadRecordMode::kFail && !f.rejected.empty()) {
      ASSERT_FALSE(r.ok()) << f.name;
      EXPECT_TRUE(r.status().IsBadRecord()) << r.status().ToString();
      const std::string where = path + ":" + std::to_string(f.rejected[0].line) + ": ";
      EXPECT_EQ(r.status().message().rfind(where, 0), 0u) << r.status().ToString();
      continue;
    }
    ASSERT_TRUE(r.ok()) << f.name << ": " << r.status().ToString();
    const IngestStats& s = r->stats;
    EXPECT_EQ(s.records_loaded, f.loaded_ids.size()) << f.name;
    EXPECT_EQ(s.records_rejected, f.rejected.size()) << f.name;
    EXPECT_EQ(s.blank_lines, f.blank) << f.name;
    EXPECT_EQ(s.lines_read, s.records_loaded + s.records_rejected + s.blank_lines) << f.name;
    EXPECT_EQ(s.lines_read, Lines(f.text).size()) << f.name;
    ExpectLoaded(r->table, f.loaded_ids, f.name);
    if (GetParam() == BadRecordMode::kQuarantine) {
      ExpectRejections(*r, f, path);
    } else {
      EXPECT_TRUE(r->rejected.empty());
    }
  }
}

// All files in one call: totals add up, and the quarantine file keeps each
// rejection with its file, line and raw text.
TEST_P(DamagedCorpusTest, WholeCorpusAndItsQuarantineFile) {
  std::vector<std::string> paths;
  uint64_t loaded = 0, rejected = 0, blank = 0;
  for (const DamagedFile& f : Corpus()) {
    paths.push_back(dir_.Write(f.name, f.text));
    loaded += f.loaded_ids.size();
    rejected += f.rejected.size();
    blank += f.blank;
  }
  auto r = Ingest(paths);
  if (GetParam() == BadRecordMode::kFail) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message().rfind(paths[0] + ":1: ", 0), 0u) << r.status().ToString();
    return;
  }
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->stats.files, paths.size());
  EXPECT_EQ(r->stats.records_loaded, loaded);
  EXPECT_EQ(r->stats.records_rejected, rejected);
  EXPECT_EQ(r->stats.blank_lines, blank);
  if (GetParam() != BadRecordMode::kQuarantine) return;
  const std::string quarantine = dir_.path() + "/rejected.jsonl";
  ASSERT_TRUE(WriteRejectedJsonl(quarantine, r->rejected).ok());
  std::ifstream in(quarantine, std::ios::binary);
  std::string line;
  simdjson::dom::parser parser;
  size_t i = 0;
  while (std::getline(in, line)) {
    ASSERT_LT(i, r->rejected.size());
    const RejectedRecord& want = r->rejected[i++];
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(line).get(doc), simdjson::SUCCESS) << line.substr(0, 200);
    EXPECT_EQ(std::string(doc["file"].get_string().value()), want.file);
    EXPECT_EQ(doc["line"].get_uint64().value(), want.line);
    EXPECT_EQ(std::string(doc["reason"].get_string().value()), want.reason);
    if (want.file.find("invalid_utf8") == std::string::npos) {
      EXPECT_EQ(std::string(doc["raw"].get_string().value()), want.raw) << want.file;
    }
  }
  EXPECT_EQ(i, r->rejected.size());
}

INSTANTIATE_TEST_SUITE_P(Modes, DamagedCorpusTest,
                         ::testing::Values(BadRecordMode::kQuarantine, BadRecordMode::kSkip,
                                           BadRecordMode::kFail),
                         [](const auto& info) {
                           return std::string(BadRecordModeName(info.param));
                         });

}  // namespace
}  // namespace stedi
