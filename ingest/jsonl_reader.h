// IngestFiles: JSON Lines landing files into one in-memory Table.
//
// Loads what is good, keeps what is bad where the user can see it, and never
// loses a row silently: every line read is counted as loaded, rejected or
// blank. Parses with simdjson On-Demand on all cores; rows come out in file
// order, then line order, whatever the thread count. See docs/INGEST.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/table.h"
#include "core/types.h"
#include "ingest/bad_record.h"
#include "ingest/landing_files.h"
#include "ingest/schema_inference.h"

namespace stedi {

struct IngestOptions {
  BadRecordMode mode = BadRecordMode::kQuarantine;
  int threads = 0;  // 0 = all cores
  // A record (line) longer than this is rejected without being parsed.
  size_t max_record_bytes = size_t{64} << 20;
  // Bytes of JSON Lines per parallel task; 0 = chosen from the input size.
  size_t chunk_bytes = 0;
};

// Invariant, in every mode: lines_read == records_loaded + records_rejected + blank_lines.
// In a file holding one top-level JSON array each element counts as a line
// (and a broken tail of the array as one more, rejected).
struct IngestStats {
  uint64_t files = 0;
  uint64_t bytes = 0;  // JSON text read (after decompression, without byte order marks)
  uint64_t lines_read = 0;
  uint64_t records_loaded = 0;
  uint64_t records_rejected = 0;
  uint64_t blank_lines = 0;
  uint64_t unknown_fields = 0;  // keys naming no schema field, in loaded records

  bool operator==(const IngestStats&) const = default;
};

struct IngestResult {
  Table table;  // the loaded records, in file order then line order
  IngestStats stats;
  // kQuarantine: every rejected record, in order; kSkip: empty (counted only).
  std::vector<RejectedRecord> rejected;
};

// Ingests `files` (as given, in that order) against `schema`: keys match field
// names ignoring ASCII case, unknown keys are ignored, missing keys are null.
// Bad records are handled per options.mode; in kFail mode the first one in
// file/line order returns Status::BadRecord "<file>:<line>: <reason>".
// Unreadable, missing or damaged files return IOError, NotFound or
// Corruption naming the file, in any mode.
// REQUIRES: schema has at least one field and no two names equal ignoring case
// (InvalidArgument otherwise).
Result<IngestResult> IngestFiles(const std::vector<std::string>& files, const Schema& schema,
                                 const IngestOptions& options);

}  // namespace stedi
