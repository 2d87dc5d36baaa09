// BuildLake: landing folder in, complete lake out.
//
// Ingests the three landing sources, runs every zone plan (zones.h) on the
// engine, writes each table as segment files, and publishes the lake with
// catalog.json atomically (lake_publish.h). Rejected records go to
// LAKE/_rejected/<table>.jsonl in quarantine mode.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/table.h"
#include "core/types.h"
#include "engine/plan.h"
#include "ingest/jsonl_reader.h"
#include "stedi/data_quality.h"
#include "stedi/expectations.h"
#include "stedi/zones.h"
#include "storage/table_writer.h"

namespace stedi {

// Called at each stage: `stage` names it, `rows` and `bytes` say how much so far.
using ProgressFn = std::function<void(const std::string& stage, uint64_t rows, uint64_t bytes)>;

struct BuildOptions {
  std::string landing_dir;
  std::string lake_dir;
  ZoneMode mode = ZoneMode::kCompat;
  BadRecordMode on_bad_record = BadRecordMode::kQuarantine;
  int threads = 0;                           // 0 = all cores
  std::optional<Expectations> expectations;  // overrides the defaults below
  bool profile = false;                      // keep per-operator profiles (--analyze)
  bool keep_tables = false;                  // keep each table in its report (tests)
  ProgressFn progress;                       // may be empty
};

struct TableReport {
  std::string name, zone, path, rule;
  std::vector<std::string> inputs;
  Schema schema;
  uint64_t rows = 0;
  std::optional<uint64_t> expected;
  uint64_t bytes = 0;     // segment bytes on disk
  double json_bytes = 0;  // landing JSON bytes these rows came from (estimated for derived tables)
  double seconds = 0;     // plan + write
  std::vector<SegmentFileInfo> files;
  std::optional<IngestStats> ingest;  // landing tables only
  std::string rejected_path;          // relative to the lake; empty when none
  std::string analyze;                // per-operator profile (BuildOptions::profile)
  Table table;                        // the rows written (BuildOptions::keep_tables)

  bool matches() const { return !expected || *expected == rows; }
};

struct BuildReport {
  std::string lake_dir;
  std::string landing_dir;
  ZoneMode mode = ZoneMode::kCompat;
  std::string expectations_source;  // "reference", "stedi-gen.json", a file, or "none"
  std::vector<TableReport> tables;
  std::vector<QualityCheck> quality;          // data_quality.h checks on the built tables
  std::vector<StrictRemoval> strict_removed;  // strict mode only: compat rows it dropped
  double seconds = 0;
  uint64_t peak_rss_bytes = 0;
};

// Builds the lake (docs/ARCHITECTURE.md, "A build, step by step"). Its peak
// memory is the one stedi-build-zones measures only when the program has
// called KeepFreedMemory() (stedi/memory_policy.h) first.
Result<BuildReport> BuildLake(const BuildOptions& options);

}  // namespace stedi
