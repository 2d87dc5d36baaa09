// Fuzzes the JSON ingest of a whole file: IngestFiles in every bad-record
// mode, against a fixed schema or an inferred one.
//
// Input: one control byte, then the file's bytes. Control bits 0-1 pick the
// mode (quarantine, fail, skip), bit 2 schema inference, bits 3-4 the chunk
// size. Every input is ingested twice, one thread with whole-file chunks and
// two threads with small chunks, and both must agree exactly: the results
// do not depend on the thread count or chunking. Aborts when the accounting
// invariant (lines read = loaded + rejected + blank) or the agreement breaks.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_temp_dir.h"
#include "ingest/jsonl_reader.h"

namespace {

using stedi::fuzz::Check;

stedi::Schema FixedSchema() {
  return stedi::Schema({{"id", stedi::TypeId::kInt64, false},
                        {"flag", stedi::TypeId::kBool},
                        {"x", stedi::TypeId::kDouble},
                        {"name", stedi::TypeId::kString},
                        {"ts", stedi::TypeId::kTimestamp}});
}

void CheckResult(const stedi::IngestResult& r, stedi::BadRecordMode mode) {
  const stedi::IngestStats& s = r.stats;
  Check(s.lines_read == s.records_loaded + s.records_rejected + s.blank_lines,
        "lines read == loaded + rejected + blank");
  Check(r.table.num_rows() == s.records_loaded, "table rows == records loaded");
  Check(s.files == 1, "one file read");
  if (mode == stedi::BadRecordMode::kQuarantine) {
    Check(r.rejected.size() == s.records_rejected, "quarantine keeps every rejected record");
    uint64_t last_line = 0;
    for (const stedi::RejectedRecord& rec : r.rejected) {
      Check(rec.line > last_line && rec.line <= s.lines_read, "rejected lines ascend, in range");
      Check(!rec.reason.empty(), "each rejection has a reason");
      last_line = rec.line;
    }
  } else {
    Check(r.rejected.empty(), "only quarantine keeps rejected records");
  }
  if (mode == stedi::BadRecordMode::kFail) Check(s.records_rejected == 0, "fail mode rejects none");
}

bool SameResult(const stedi::Result<stedi::IngestResult>& a,
                const stedi::Result<stedi::IngestResult>& b) {
  if (a.ok() != b.ok()) return false;
  if (!a.ok())
    return a.status().code() == b.status().code() && a.status().message() == b.status().message();
  return a->stats == b->stats && a->rejected == b->rejected && a->table.Equals(b->table);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > (size_t{1} << 16)) return 0;
  const uint8_t control = data[0];
  static constexpr stedi::BadRecordMode kModes[] = {
      stedi::BadRecordMode::kQuarantine, stedi::BadRecordMode::kFail, stedi::BadRecordMode::kSkip,
      stedi::BadRecordMode::kQuarantine};
  static constexpr size_t kChunkBytes[] = {16, 64, 512, 4096};
  const stedi::BadRecordMode mode = kModes[control & 3];
  const auto path = stedi::fuzz::FuzzTempDir() / "landing.json";
  stedi::fuzz::WriteFileOrDie(path,
                              std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  const std::vector<std::string> files = {path.string()};

  stedi::Schema schema = FixedSchema();
  if (control & 4) {
    auto inferred = stedi::InferSchema(files);
    // gzip or zstd magic with damaged data behind it is Corruption.
    if (!inferred.ok()) {
      Check(inferred.status().code() == stedi::Status::Code::kCorruption,
            "only damage fails inference");
      return 0;
    }
    if (inferred->size() == 0) return 0;  // nothing to ingest into
    schema = std::move(*inferred);
  }
  stedi::IngestOptions one;
  one.mode = mode;
  one.threads = 1;
  one.max_record_bytes = 4096;
  auto serial = stedi::IngestFiles(files, schema, one);
  if (serial.ok()) CheckResult(*serial, mode);

  stedi::IngestOptions two = one;
  two.threads = 2;
  two.chunk_bytes = kChunkBytes[(control >> 3) & 3];
  auto parallel = stedi::IngestFiles(files, schema, two);
  if (parallel.ok()) CheckResult(*parallel, mode);
  Check(SameResult(serial, parallel), "one thread and two threads with small chunks agree");
  return 0;
}
