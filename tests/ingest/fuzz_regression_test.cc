// Inputs found by fuzz/record_fuzzer and fuzz/file_fuzzer, replayed through
// RecordParser and IngestFiles.
//
// This test links stedi_ingest alone, as a user of the library does. The
// first finding was a layout mismatch: record_parser.h holds simdjson parsers,
// whose layout depends on SIMDJSON_THREADS_ENABLED, and stedi_ingest kept
// simdjson's compile definitions to itself, so a caller built without them
// (and without -pthread) constructed a smaller RecordParser than the library
// wrote into (ASan: stack-buffer-overflow in the constructor). Run under the
// asan preset, this test fails again if the definitions stop propagating.
// Files are named accept-* or reject-* for the expected outcome.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/column_builder.h"
#include "ingest/jsonl_reader.h"
#include "ingest/padded_text.h"
#include "ingest/record_parser.h"

namespace stedi {
namespace {

namespace fs = std::filesystem;

Schema FuzzSchema() {
  return Schema({{"id", TypeId::kInt64},
                 {"flag", TypeId::kBool},
                 {"x", TypeId::kDouble},
                 {"name", TypeId::kString},
                 {"ts", TypeId::kTimestamp}});
}

std::vector<fs::path> Inputs() {
  std::vector<fs::path> files;
  for (const auto& e :
       fs::directory_iterator(STEDI_SOURCE_DIR "/tests/data/fuzz_regressions/record")) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(RecordFuzzRegressionTest, EveryInputParsesAsExpected) {
  const std::vector<fs::path> files = Inputs();
  ASSERT_GE(files.size(), 3u);
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::string padded = s.str();
    const size_t size = padded.size();
    padded.append(PaddedText::kPadding, '\0');
    const Schema schema = FuzzSchema();
    RecordParser parser(schema, size_t{1} << 16);  // on the stack, as in the finding
    const bool accepted = parser.Parse(padded.data(), size);
    const bool expect_accept = f.filename().string().starts_with("accept-");
    EXPECT_EQ(accepted, expect_accept) << f << ": " << parser.reason();
    if (!accepted) continue;
    std::vector<ColumnBuilder> columns;
    for (const Field& field : schema.fields()) columns.emplace_back(field.type);
    parser.AppendTo(columns);
    for (ColumnBuilder& c : columns) EXPECT_EQ(c.Finish().size(), 1u) << f;
  }
}

// Found by fuzz/file_fuzzer: a bad last line without a newline got a reason
// that depended on stale bytes left in the reader's window by earlier reads,
// so one thread and two threads with small chunks quarantined it differently.
TEST(FileFuzzRegressionTest, ThreadsAndChunksGiveTheSameRejections) {
  const Schema schema({{"id", TypeId::kInt64, false}, {"x", TypeId::kDouble}});
  for (const auto& e :
       fs::directory_iterator(STEDI_SOURCE_DIR "/tests/data/fuzz_regressions/file")) {
    const std::vector<std::string> files = {e.path().string()};
    IngestOptions serial;
    serial.threads = 1;
    auto want = IngestFiles(files, schema, serial);
    ASSERT_TRUE(want.ok()) << want.status().ToString();
    for (size_t chunk : {16, 64, 512}) {
      IngestOptions chunked = serial;
      chunked.threads = 2;
      chunked.chunk_bytes = chunk;
      auto got = IngestFiles(files, schema, chunked);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      EXPECT_EQ(got->stats, want->stats) << e.path() << " chunk " << chunk;
      EXPECT_EQ(got->rejected, want->rejected) << e.path() << " chunk " << chunk;
    }
  }
}

}  // namespace
}  // namespace stedi
