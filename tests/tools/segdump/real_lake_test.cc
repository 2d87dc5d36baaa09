// Every table of the real-data lake, dumped as CSV and as JSON Lines, reads
// back (CSV through a small RFC 4180 parser here, JSON Lines through ingest's
// IngestFiles) equal to what ReadTable returns.
#include <gtest/gtest.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>

#include "ingest/jsonl_reader.h"
#include "stedi/catalog.h"
#include "stedi/lake_builder.h"
#include "storage/table_reader.h"
#include "test_util.h"

namespace stedi::segdump {
namespace {

using testing::TempDir;

std::string RealLandingDir() {
  const std::string dir = std::string(STEDI_SOURCE_DIR) + "/../shared/stedi";
  return std::filesystem::exists(dir + "/customer/landing") ? dir : std::string();
}

struct CsvField {
  std::string text;
  bool quoted = false;
};

// Splits RFC 4180 text (CRLF records, quoted fields) into records of fields.
std::vector<std::vector<CsvField>> ParseCsv(const std::string& text) {
  std::vector<std::vector<CsvField>> records;
  std::vector<CsvField> record;
  CsvField field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"' && field.text.empty() && !field.quoted) {
      field.quoted = true;
      for (++i; i < text.size(); ++i) {
        if (text[i] != '"') {
          field.text += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == '"') {
          field.text += '"';
          ++i;
        } else {
          break;
        }
      }
      ++i;  // closing quote
    } else if (text[i] == ',') {
      record.push_back(std::move(field));
      field = {};
      ++i;
    } else if (text.compare(i, 2, "\r\n") == 0) {
      record.push_back(std::move(field));
      field = {};
      records.push_back(std::move(record));
      record.clear();
      i += 2;
    } else {
      field.text += text[i++];
    }
  }
  EXPECT_TRUE(record.empty() && field.text.empty()) << "CSV does not end with CRLF";
  return records;
}

void AppendCsvValue(const CsvField& f, Column* c) {
  if (f.text.empty() && !f.quoted) return c->AppendNull();
  const char* b = f.text.data();
  const char* e = b + f.text.size();
  int64_t i = 0;
  switch (c->type()) {
    case TypeId::kString:
      return c->AppendString(f.text);
    case TypeId::kBool:
      ASSERT_TRUE(f.text == "true" || f.text == "false") << f.text;
      return c->AppendBool(f.text == "true");
    case TypeId::kDouble:
      return c->AppendDouble(std::strtod(f.text.c_str(), nullptr));
    case TypeId::kInt32:
      ASSERT_EQ(std::from_chars(b, e, i).ptr, e) << f.text;
      return c->AppendInt32(static_cast<int32_t>(i));
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      ASSERT_EQ(std::from_chars(b, e, i).ptr, e) << f.text;
      return c->AppendInt64(i);
  }
}

Table TableFromCsv(const std::string& text, const Schema& schema) {
  const auto records = ParseCsv(text);
  std::vector<Column> columns;
  for (const Field& f : schema.fields()) columns.emplace_back(f.type);
  EXPECT_FALSE(records.empty());
  for (size_t r = 0; r < records.size(); ++r) {
    EXPECT_EQ(records[r].size(), schema.size()) << "record " << r;
    if (records[r].size() != schema.size()) break;
    for (size_t c = 0; c < schema.size(); ++c) {
      if (r == 0) {
        EXPECT_EQ(records[0][c].text, schema.field(c).name);
      } else {
        AppendCsvValue(records[r][c], &columns[c]);
      }
    }
  }
  auto t = Table::Make(schema, std::move(columns));
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? *t : Table();
}

std::string Dump(const std::string& lake, const std::string& table, RowFormat format) {
  Options o;
  o.path = lake;
  o.table = table;
  o.mode = Mode::kRows;
  o.format = format;
  const auto r = testing::RunSegdump(o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST(SegdumpRealLake, CsvAndJsonLinesReadBackEqual) {
  if (RealLandingDir().empty()) {
    GTEST_SKIP() << "../shared/stedi (the real landing data) is absent; skipped";
  }
  TempDir tmp;
  BuildOptions build;
  build.landing_dir = RealLandingDir();
  build.lake_dir = tmp.Sub("lake");
  auto report = BuildLake(build);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto catalog = ReadCatalog(build.lake_dir);
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  ASSERT_FALSE(catalog->tables.empty());
  for (const CatalogTable& t : catalog->tables) {
    SCOPED_TRACE(t.name);
    auto expected = ReadTable(build.lake_dir + "/" + t.path, ReadOptions{});
    ASSERT_TRUE(expected.ok()) << expected.status().ToString();
    ASSERT_GT(expected->num_rows(), 0u);

    const Table from_csv =
        TableFromCsv(Dump(build.lake_dir, t.name, RowFormat::kCsv), expected->schema());
    EXPECT_TRUE(from_csv.Equals(*expected));

    const std::string jsonl = tmp.Sub(t.name + ".jsonl");
    testing::WriteFile(jsonl, Dump(build.lake_dir, t.name, RowFormat::kJsonl));
    IngestOptions ingest;
    ingest.mode = BadRecordMode::kFail;
    auto back = IngestFiles({jsonl}, expected->schema(), ingest);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->stats.records_loaded, expected->num_rows());
    EXPECT_TRUE(back->table.Equals(*expected));
  }
}

}  // namespace
}  // namespace stedi::segdump
