// Helpers for segdump tests: a temporary folder, a small table with awkward
// values written with storage's WriteTable, a lake folder around it, and
// running segdump in-process with its output captured.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/table.h"
#include "stedi/catalog.h"
#include "storage/table_writer.h"
#include "tests/common/temp_dir.h"
#include "tools/segdump/segdump.h"

namespace stedi::segdump::testing {

using ::stedi::testing::TempDir;

// Six rows, two per row group (three row groups): id int64 not null,
// name string (comma, quote, newline, empty, NULL), score double (NULL),
// at timestamp, ok bool (NULL), n int32.
inline Table SmallTable() {
  Column id(TypeId::kInt64), name(TypeId::kString), score(TypeId::kDouble), at(TypeId::kTimestamp),
      ok(TypeId::kBool), n(TypeId::kInt32);
  const char* names[] = {"alice", "bob, jr", "say \"hi\"", "two\nlines", "", nullptr};
  const double scores[] = {1.5, 0.1, -2.5e-300, 1e21, 3, 0};
  for (int i = 0; i < 6; ++i) {
    id.AppendInt64(100 + i * 10);
    if (names[i]) {
      name.AppendString(names[i]);
    } else {
      name.AppendNull();
    }
    if (i == 5) {
      score.AppendNull();
    } else {
      score.AppendDouble(scores[i]);
    }
    at.AppendInt64(1655564444103 + int64_t{i} * 86'400'000);
    if (i == 2) {
      ok.AppendNull();
    } else {
      ok.AppendBool(i % 2 == 0);
    }
    n.AppendInt32(-3 + i);
  }
  Schema schema({{"id", TypeId::kInt64, false},
                 {"name", TypeId::kString, true},
                 {"score", TypeId::kDouble, true},
                 {"at", TypeId::kTimestamp, false},
                 {"ok", TypeId::kBool, true},
                 {"n", TypeId::kInt32, false}});
  return *Table::Make(schema, {id, name, score, at, ok, n});
}

inline void WriteSmallTable(const std::string& dir) {
  WriteOptions options;
  options.row_group_rows = 2;
  auto info = WriteTable(SmallTable(), dir, options);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// A lake at `lake` with one table "small" (zone trusted) at small/trusted,
// and its catalog.json (written by stedi's CatalogJson) describing the files.
inline void WriteSmallLake(const std::string& lake) {
  WriteOptions options;
  options.row_group_rows = 2;
  const Table table = SmallTable();
  auto info = WriteTable(table, lake + "/small/trusted", options);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  BuildReport report;
  report.lake_dir = lake;
  TableReport t;
  t.name = "small";
  t.zone = "trusted";
  t.path = "small/trusted";
  t.rule = "test";
  t.inputs = {"small_landing"};
  t.schema = table.schema();
  t.rows = info->rows;
  t.bytes = info->bytes;
  t.files = info->files;
  report.tables.push_back(t);
  WriteFile(lake + "/catalog.json", CatalogJson(report, "2024-01-01T00:00:00Z"));
}

struct RunOutput {
  int exit_code = 0;
  std::string out;
  std::string err;
};

inline RunOutput RunSegdump(const Options& options) {
  std::ostringstream out, err;
  const Status st = Run(options, out, err);
  if (!st.ok()) err << "segdump: " << st.ToString() << "\n";
  return {ExitCodeFor(st), out.str(), err.str()};
}

// `text` with every occurrence of `from` replaced by `to`.
inline std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size()) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

}  // namespace stedi::segdump::testing
