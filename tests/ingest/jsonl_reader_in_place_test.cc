// IngestFiles writes each task's rows in place into the final columns: the
// table must not depend on how the input is cut into tasks or on which
// thread ran which. These inputs put blank and rejected lines at task
// boundaries, make whole tasks load nothing, spread nulls across validity
// words and strings across tasks, and make a file's head mislead the room
// reserved for its rows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/jsonl_reader.h"
#include "tests/ingest/test_util.h"

namespace stedi {
namespace {

using testing::TempDir;

Schema TestSchema() {
  return Schema({Field{"id", TypeId::kInt64, false}, Field{"user", TypeId::kString, true},
                 Field{"x", TypeId::kDouble, true}, Field{"ok", TypeId::kBool, true}});
}

// Line k: a record, or (every so often, and in runs) blank or bad lines.
std::string Line(int k) {
  if (k % 97 < 6) return k % 2 == 0 ? "" : "  \r";                     // runs of blank lines
  if (k % 89 < 5) return "{\"id\":\"bad" + std::to_string(k) + "\"}";  // runs of rejects
  std::string line = "{\"id\":" + std::to_string(k);
  if (k % 5 != 0) line += ",\"user\":\"u" + std::to_string(k / 40 % 7) + "\"";
  if (k % 7 != 3) line += ",\"x\":" + std::to_string(k % 13) + ".5";
  line += k % 64 == 63 ? ",\"ok\":null}" : (k % 2 ? ",\"ok\":true}" : ",\"ok\":false}");
  return line;
}

std::vector<std::string> WriteFiles(const TempDir& dir) {
  std::string a;
  for (int k = 0; k < 700; ++k) a += Line(k) + "\n";
  std::string b;  // no final newline
  for (int k = 700; k < 1300; ++k) b += Line(k) + (k + 1 < 1300 ? "\n" : "");
  // A head of long lines, then many short ones: more rows than estimated.
  std::string c = "{\"id\":1,\"user\":\"" + std::string(3000, 'h') + "\"}\n";
  for (int k = 0; k < 3000; ++k) c += "{\"id\":" + std::to_string(k) + "}\n";
  std::string d = "[";  // an array file
  for (int k = 1300; k < 1400; ++k) d += (k > 1300 ? "," : "") + Line(k % 89 < 5 ? 0 : k);
  d += "]";
  std::string e;  // compressed, so held in memory
  for (int k = 1400; k < 1900; ++k) e += Line(k) + "\n";
  std::string f = "\n\n  \n";  // only blank lines
  return {dir.Write("a.json", a),
          dir.Write("b.json", b),
          dir.Write("c.json", c),
          dir.Write("d.json", d),
          dir.Write("e.json.zst", testing::ZstdCompress(e)),
          dir.Write("f.json", f)};
}

void ExpectIdentical(const IngestResult& got, const IngestResult& want, const std::string& what) {
  ASSERT_TRUE(got.table.Equals(want.table)) << what;
  for (size_t c = 0; c < want.table.num_columns(); ++c) {
    const Column& g = got.table.column(c);
    const Column& w = want.table.column(c);
    EXPECT_EQ(g.validity().words(), w.validity().words()) << what << " column " << c;
    if (w.type() != TypeId::kString) continue;
    EXPECT_EQ(g.codes(), w.codes()) << what;  // null slots hold 0 too
    EXPECT_EQ(g.dictionary().bytes(), w.dictionary().bytes()) << what;
    EXPECT_EQ(g.dictionary().offsets(), w.dictionary().offsets()) << what;
  }
  EXPECT_EQ(got.stats, want.stats) << what;
  EXPECT_EQ(got.rejected, want.rejected) << what;
}

TEST(IngestInPlaceTest, SameTableWhateverTheTasksAndThreads) {
  TempDir dir;
  const std::vector<std::string> paths = WriteFiles(dir);
  for (BadRecordMode mode : {BadRecordMode::kQuarantine, BadRecordMode::kSkip}) {
    IngestOptions one;
    one.mode = mode;
    one.threads = 1;
    one.chunk_bytes = size_t{1} << 30;  // a task per file
    auto want = IngestFiles(paths, TestSchema(), one);
    ASSERT_TRUE(want.ok()) << want.status().ToString();
    const IngestStats& s = want->stats;
    EXPECT_EQ(s.lines_read, s.records_loaded + s.records_rejected + s.blank_lines);
    EXPECT_GT(s.records_rejected, 40u);
    EXPECT_GT(s.blank_lines, 60u);
    EXPECT_EQ(want->table.num_rows(), s.records_loaded);
    for (int threads : {1, 2, 4}) {
      for (size_t chunk : {size_t{1}, size_t{7}, size_t{64}, size_t{333}, size_t{0}}) {
        IngestOptions o = one;
        o.threads = threads;
        o.chunk_bytes = chunk;
        auto got = IngestFiles(paths, TestSchema(), o);
        ASSERT_TRUE(got.ok()) << got.status().ToString();
        ExpectIdentical(*got, *want,
                        std::to_string(threads) + " threads, chunk " + std::to_string(chunk));
      }
    }
  }
}

TEST(IngestInPlaceTest, FailModeStopsAtTheFirstBadLineWhateverTheTasks) {
  TempDir dir;
  const std::vector<std::string> paths = WriteFiles(dir);
  for (int threads : {1, 2, 4}) {
    for (size_t chunk : {size_t{1}, size_t{64}, size_t{0}}) {
      IngestOptions o;
      o.mode = BadRecordMode::kFail;
      o.threads = threads;
      o.chunk_bytes = chunk;
      auto r = IngestFiles(paths, TestSchema(), o);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.status().message(), paths[0] + ":90: field 'id': expected int64, got string");
    }
  }
}

}  // namespace
}  // namespace stedi
