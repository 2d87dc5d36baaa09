#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

using testing::TempDir;

Schema TestSchema() {
  return Schema({Field{"id", TypeId::kInt64, false}, Field{"name", TypeId::kString, true},
                 Field{"score", TypeId::kDouble, true}});
}

std::vector<std::string> Rows(const Table& t) {
  std::vector<std::string> rows;
  for (size_t i = 0; i < t.num_rows(); ++i) rows.push_back(t.RowToString(i));
  return rows;
}

void ExpectInvariant(const IngestStats& s) {
  EXPECT_EQ(s.lines_read, s.records_loaded + s.records_rejected + s.blank_lines);
}

IngestOptions Options(BadRecordMode mode, int threads = 2) {
  IngestOptions o;
  o.mode = mode;
  o.threads = threads;
  return o;
}

// ---- Accepted shapes -------------------------------------------------------

struct ShapeCase {
  std::string name;
  std::string file;  // name in the temp dir
  std::string bytes;
  std::vector<std::string> rows;
  uint64_t lines, blank, unknown;
};

const std::string kTwo =
    "{\"id\":1,\"name\":\"a\",\"score\":1.5}\n{\"id\":2,\"name\":\"b\",\"score\":2}\n";

std::vector<ShapeCase> ShapeCases() {
  const std::vector<std::string> ab = {"1 | a | 1.5", "2 | b | 2"};
  return {
      {"lf", "x.jsonl", kTwo, ab, 2, 0, 0},
      {"crlf", "x.json",
       "{\"id\":1,\"name\":\"a\",\"score\":1.5}\r\n{\"id\":2,\"name\":\"b\",\"score\":2}\r\n", ab,
       2, 0, 0},
      {"bom", "x.json", "\xEF\xBB\xBF" + kTwo, ab, 2, 0, 0},
      {"blank_lines", "x.json",
       "\n{\"id\":1,\"name\":\"a\",\"score\":1.5}\n   \n\t\r\n{\"id\":2,\"name\":\"b\",\"score\":2}"
       "\n\n",
       ab, 6, 4, 0},
      {"no_final_newline", "x.json", kTwo.substr(0, kTwo.size() - 1), ab, 2, 0, 0},
      {"empty_file", "x.json", "", {}, 0, 0, 0},
      {"only_blank", "x.json", "\n \r\n", {}, 2, 2, 0},
      {"array", "x.json",
       " [{\"id\":1,\"name\":\"a\",\"score\":1.5},\n {\"id\":2,\"name\":\"b\",\"score\":2}]\n", ab,
       2, 0, 0},
      {"empty_array", "x.json", "[ ]", {}, 0, 0, 0},
      {"gzip", "x.json.gz", testing::GzipCompress(kTwo), ab, 2, 0, 0},
      {"gzip_two_members", "x.json.gz",
       testing::GzipCompress(kTwo.substr(0, 33)) + testing::GzipCompress(kTwo.substr(33)), ab, 2, 0,
       0},
      {"zstd", "x.json.zst", testing::ZstdCompress(kTwo), ab, 2, 0, 0},
      {"zstd_array_bom",
       "x.json.zst",
       testing::ZstdCompress("\xEF\xBB\xBF[{\"id\":1,\"name\":\"a\",\"score\":1.5}]"),
       {"1 | a | 1.5"},
       1,
       0,
       0},
      {"case_insensitive_keys",
       "x.json",
       "{\"ID\":7,\"Name\":\"n\",\"sCoRe\":0.25}\n",
       {"7 | n | 0.25"},
       1,
       0,
       0},
      {"keys_in_any_order",
       "x.json",
       "{\"score\":1,\"name\":\"n\",\"id\":7}\n",
       {"7 | n | 1"},
       1,
       0,
       0},
      {"escaped_key_and_value",
       "x.json",
       "{\"i\\u0064\":7,\"name\":\"a\\\"b\\u00e9\"}\n",
       {"7 | a\"b\xC3\xA9 | NULL"},
       1,
       0,
       0},
      {"unknown_fields",
       "x.json",
       "{\"id\":1,\"extra\":{\"deep\":[1,2,{\"x\":null}]},\"more\":\"x\",\"n\":1e400}\n",
       {"1 | NULL | NULL"},
       1,
       0,
       3},
      {"scalar_array_elements_are_records", "x.json", "[{\"id\":1}]", {"1 | NULL | NULL"}, 1, 0, 0},
      {"nulls_and_missing",
       "x.json",
       "{\"id\":1,\"name\":null}\n{\"id\":2,\"score\":null}\n",
       {"1 | NULL | NULL", "2 | NULL | NULL"},
       2,
       0,
       0},
      {"int_widened_to_double", "x.json", "{\"id\":1,\"score\":-3}\n", {"1 | NULL | -3"}, 1, 0, 0},
      {"integral_double_as_int",
       "x.json",
       "{\"id\":3.0}\n{\"id\":1e3}\n",
       {"3 | NULL | NULL", "1000 | NULL | NULL"},
       2,
       0,
       0},
      {"number_and_bool_in_string_field",
       "x.json",
       "{\"id\":1,\"name\":42}\n{\"id\":2,\"name\":true}\n",
       {"1 | 42 | NULL", "2 | true | NULL"},
       2,
       0,
       0},
      {"whitespace_around_record", "x.json", "  {\"id\":1} \t\n", {"1 | NULL | NULL"}, 1, 0, 0},
  };
}

class ShapeTest : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(ShapeTest, LoadsEveryRecord) {
  const ShapeCase& c = GetParam();
  TempDir dir;
  const std::string path = dir.Write(c.file, c.bytes);
  for (BadRecordMode mode :
       {BadRecordMode::kQuarantine, BadRecordMode::kFail, BadRecordMode::kSkip}) {
    for (int threads : {1, 2}) {
      auto r = IngestFiles({path}, TestSchema(), Options(mode, threads));
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_EQ(Rows(r->table), c.rows);
      EXPECT_EQ(r->stats.files, 1u);
      EXPECT_EQ(r->stats.lines_read, c.lines);
      EXPECT_EQ(r->stats.records_loaded, c.rows.size());
      EXPECT_EQ(r->stats.records_rejected, 0u);
      EXPECT_EQ(r->stats.blank_lines, c.blank);
      EXPECT_EQ(r->stats.unknown_fields, c.unknown);
      EXPECT_TRUE(r->rejected.empty());
      ExpectInvariant(r->stats);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Ingest, ShapeTest, ::testing::ValuesIn(ShapeCases()),
                         [](const auto& info) { return info.param.name; });

// ---- Bad records -------------------------------------------------------------

struct BadCase {
  std::string name;
  std::string bad_line;  // written as line 2, between two good records
  std::string reason;    // exact expected reason
};

std::vector<BadCase> BadCases() {
  return {
      {"garbage", "not json at all", ""},
      {"trailing_comma", "{\"id\":2},", ""},
      {"two_records_on_a_line", "{\"id\":2} {\"id\":3}",
       "invalid JSON: trailing content after the record"},
      {"comma_inside", "{\"id\":2,}", ""},
      {"invalid_utf8", "{\"id\":2,\"name\":\"\xff\xfe\"}", "invalid UTF-8"},
      {"invalid_utf8_in_unknown_key", "{\"id\":2,\"n\xc3\":1}", "invalid UTF-8"},
      {"int64_too_large", "{\"id\":99999999999999999999}",
       "field 'id': 99999999999999999999 is out of range for int64"},
      {"int64_too_small", "{\"id\":-9223372036854775809}",
       "field 'id': -9223372036854775809 is out of range for int64"},
      {"int64_huge_double", "{\"id\":1e19}", "field 'id': 1e19 is out of range for int64"},
      {"non_integral", "{\"id\":2.5}", "field 'id': expected int64, got non-integral number 2.5"},
      {"wrong_type", "{\"id\":2,\"score\":\"high\"}", "field 'score': expected double, got string"},
      {"bool_for_double", "{\"id\":2,\"score\":true}", "field 'score': expected double, got bool"},
      {"nested_object", "{\"id\":2,\"name\":{\"a\":1}}",
       "field 'name': expected string, got object"},
      {"nested_array", "{\"id\":2,\"score\":[1]}", "field 'score': expected double, got array"},
      {"not_an_object", "[1,2]", "record is not a JSON object (got array)"},
      {"scalar_record", "42", "record is not a JSON object (got number)"},
      {"duplicate_key", "{\"id\":2,\"id\":3}", "duplicate key 'id'"},
      {"case_colliding_keys", "{\"id\":2,\"ID\":3}", "keys 'id' and 'ID' differ only in case"},
      {"duplicate_unknown_key", "{\"id\":2,\"zz\":1,\"ZZ\":2}",
       "duplicate key 'ZZ' (ignoring case)"},
      {"missing_required", "{\"name\":\"x\"}", "field 'id': missing (field is not nullable)"},
      {"null_required", "{\"id\":null}", "field 'id': null in a non-nullable field"},
      {"broken_unknown_value", "{\"id\":2,\"junk\":[1,,2]}", ""},
      {"bad_literal_unknown", "{\"id\":2,\"junk\":tru}", ""},
      {"bad_literal_known", "{\"id\":2,\"name\":nul}", ""},
      {"huge_string", "{\"id\":2,\"name\":\"" + std::string(5000, 'x') + "\"}",
       "record of 5018 bytes is over the limit of 4096 bytes"},
      {"unterminated_string", "{\"id\":2,\"name\":\"abc}", ""},
  };
}

class BadRecordTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadRecordTest, EveryModeCountsAndLocatesIt) {
  const BadCase& c = GetParam();
  TempDir dir;
  const std::string path =
      dir.Write("x.json", "{\"id\":1}\n" + c.bad_line + "\n{\"id\":3,\"name\":\"c\"}\n");
  IngestOptions options = Options(BadRecordMode::kQuarantine);
  options.max_record_bytes = 4096;
  auto q = IngestFiles({path}, TestSchema(), options);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(Rows(q->table), (std::vector<std::string>{"1 | NULL | NULL", "3 | c | NULL"}));
  EXPECT_EQ(q->stats.lines_read, 3u);
  EXPECT_EQ(q->stats.records_loaded, 2u);
  EXPECT_EQ(q->stats.records_rejected, 1u);
  ExpectInvariant(q->stats);
  ASSERT_EQ(q->rejected.size(), 1u);
  const RejectedRecord& r = q->rejected[0];
  EXPECT_EQ(r.file, path);
  EXPECT_EQ(r.line, 2u);
  EXPECT_EQ(r.raw, c.bad_line);
  if (c.reason.empty()) {
    EXPECT_EQ(r.reason.rfind("invalid JSON: ", 0), 0u) << r.reason;
  } else {
    EXPECT_EQ(r.reason, c.reason);
  }

  options.mode = BadRecordMode::kSkip;
  auto s = IngestFiles({path}, TestSchema(), options);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE(s->table.Equals(q->table));
  EXPECT_EQ(s->stats, q->stats);
  EXPECT_TRUE(s->rejected.empty());

  options.mode = BadRecordMode::kFail;
  auto f = IngestFiles({path}, TestSchema(), options);
  ASSERT_FALSE(f.ok());
  EXPECT_TRUE(f.status().IsBadRecord());
  EXPECT_EQ(f.status().message(), path + ":2: " + r.reason);
}

INSTANTIATE_TEST_SUITE_P(Ingest, BadRecordTest, ::testing::ValuesIn(BadCases()),
                         [](const auto& info) { return info.param.name; });

TEST(IngestFilesTest, TruncatedLastLineIsRejected) {
  TempDir dir;
  const std::string path = dir.Write("x.json", "{\"id\":1}\r\n\r\n{\"id\":2,\"name\":\"ab");
  auto r = IngestFiles({path}, TestSchema(), Options(BadRecordMode::kQuarantine));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stats, (IngestStats{1, 30, 3, 1, 1, 1, 0}));
  ASSERT_EQ(r->rejected.size(), 1u);
  EXPECT_EQ(r->rejected[0].line, 3u);
  EXPECT_EQ(r->rejected[0].raw, "{\"id\":2,\"name\":\"ab");
}

TEST(IngestFilesTest, BrokenArrayKeepsGoodElementsAndRejectsTheTail) {
  TempDir dir;
  const std::string path =
      dir.Write("x.json", "[{\"id\":1}, {\"id\":\"two\"}, {\"id\":3}, {\"id\":4");
  auto r = IngestFiles({path}, TestSchema(), Options(BadRecordMode::kQuarantine));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Rows(r->table), (std::vector<std::string>{"1 | NULL | NULL", "3 | NULL | NULL"}));
  ExpectInvariant(r->stats);
  EXPECT_EQ(r->stats.lines_read, 4u);
  ASSERT_EQ(r->rejected.size(), 2u);
  EXPECT_EQ(r->rejected[0].line, 2u);
  EXPECT_EQ(r->rejected[0].reason, "field 'id': expected int64, got string");
  EXPECT_EQ(r->rejected[0].raw, "{\"id\":\"two\"}");
  EXPECT_EQ(r->rejected[1].line, 4u);
  EXPECT_EQ(r->rejected[1].raw, "{\"id\":4");
}

TEST(IngestFilesTest, ArrayWithTrailingContent) {
  TempDir dir;
  const std::string path = dir.Write("x.json", "[{\"id\":1}]\n{\"id\":2}\n");
  auto r = IngestFiles({path}, TestSchema(), Options(BadRecordMode::kQuarantine));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->table.num_rows(), 1u);
  ASSERT_EQ(r->rejected.size(), 1u);
  EXPECT_EQ(r->rejected[0].line, 2u);
  EXPECT_EQ(r->rejected[0].reason, "trailing content after the top-level array");
  EXPECT_EQ(r->rejected[0].raw, "{\"id\":2}");
  ExpectInvariant(r->stats);
}

// ---- Order, chunking and threads -----------------------------------------------

// Three files of JSON Lines with bad and blank lines sprinkled in.
std::vector<std::string> WriteMixedFiles(const TempDir& dir, std::vector<uint64_t>* bad_lines) {
  std::vector<std::string> paths;
  for (int f = 0; f < 3; ++f) {
    std::string text;
    for (int line = 1; line <= 700; ++line) {
      if (line % 97 == 0) {
        text += "{\"id\":\"bad\"}\n";
        if (f == 1) bad_lines->push_back(static_cast<uint64_t>(line));
      } else if (line % 50 == 0) {
        text += "\r\n";
      } else {
        text += "{\"id\":" + std::to_string(f * 1000 + line) + ",\"name\":\"u" +
                std::to_string(line % 13) + "\",\"score\":" + std::to_string(line) + ".5}\n";
      }
    }
    paths.push_back(dir.Write("f" + std::to_string(2 - f) + ".json", text));
  }
  return paths;
}

TEST(IngestFilesTest, SameTableAndRejectsWhateverTheThreadsAndChunks) {
  TempDir dir;
  std::vector<uint64_t> bad_lines;
  const std::vector<std::string> paths = WriteMixedFiles(dir, &bad_lines);
  IngestOptions base = Options(BadRecordMode::kQuarantine, 1);
  auto expected = IngestFiles(paths, TestSchema(), base);
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(expected->stats.lines_read, 2100u);
  EXPECT_EQ(expected->stats.records_rejected, 21u);
  EXPECT_EQ(expected->stats.blank_lines, 42u);
  ExpectInvariant(expected->stats);
  // Files come out in the order given (not sorted by name), lines in order.
  EXPECT_EQ(expected->table.RowToString(0), "1 | u1 | 1.5");
  EXPECT_EQ(expected->table.RowToString(expected->table.num_rows() - 1), "2699 | u10 | 699.5");
  std::vector<uint64_t> lines_in_second_file;
  for (const RejectedRecord& r : expected->rejected) {
    if (r.file == paths[1]) lines_in_second_file.push_back(r.line);
  }
  EXPECT_EQ(lines_in_second_file, bad_lines);

  for (int threads : {1, 2, 3}) {
    for (size_t chunk : {size_t{0}, size_t{1}, size_t{300}, size_t{4096}}) {
      IngestOptions o = base;
      o.threads = threads;
      o.chunk_bytes = chunk;
      auto r = IngestFiles(paths, TestSchema(), o);
      ASSERT_TRUE(r.ok());
      EXPECT_TRUE(r->table.Equals(expected->table)) << threads << " threads, chunk " << chunk;
      EXPECT_EQ(r->stats, expected->stats);
      EXPECT_EQ(r->rejected, expected->rejected);
      o.mode = BadRecordMode::kFail;
      auto f = IngestFiles(paths, TestSchema(), o);
      ASSERT_FALSE(f.ok());
      EXPECT_EQ(f.status().message(), paths[0] + ":97: field 'id': expected int64, got string");
    }
  }
}

// ---- Errors ---------------------------------------------------------------------

TEST(IngestFilesTest, FileErrorsNameTheFile) {
  TempDir dir;
  const std::string good = dir.Write("good.json", kTwo);
  const std::string missing = dir.path() + "/missing.json";
  auto r = IngestFiles({good, missing}, TestSchema(), IngestOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsNotFound());
  EXPECT_NE(r.status().message().find(missing), std::string::npos);

  auto d = IngestFiles({dir.path()}, TestSchema(), IngestOptions{});
  ASSERT_FALSE(d.ok());
  EXPECT_TRUE(d.status().IsIOError());
  EXPECT_NE(d.status().message().find(dir.path()), std::string::npos);

  std::string gz = testing::GzipCompress(kTwo);
  const std::string cut = dir.Write("cut.json.gz", gz.substr(0, gz.size() / 2));
  auto c = IngestFiles({cut}, TestSchema(), IngestOptions{});
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(c.status().IsCorruption());
  EXPECT_NE(c.status().message().find(cut), std::string::npos);
}

TEST(IngestFilesTest, RejectsUnusableSchemas) {
  EXPECT_TRUE(IngestFiles({}, Schema(), IngestOptions{}).status().IsInvalidArgument());
  Schema twins({Field{"a", TypeId::kInt64}, Field{"A", TypeId::kInt64}});
  EXPECT_TRUE(IngestFiles({}, twins, IngestOptions{}).status().IsInvalidArgument());
}

TEST(IngestFilesTest, NoFilesGivesAnEmptyTable) {
  auto r = IngestFiles({}, TestSchema(), IngestOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->table.num_rows(), 0u);
  EXPECT_EQ(r->table.schema(), TestSchema());
  EXPECT_EQ(r->stats, IngestStats{});
}

}  // namespace
}  // namespace stedi
