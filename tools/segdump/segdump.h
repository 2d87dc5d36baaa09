// segdump: see inside any stored table — the whole tool behind main.cc.
//
// Run() resolves PATH (segment file, table folder or lake folder), does what
// `options.mode` asks and writes the report to `out` (notes to `err`).
// ExitCodeFor() maps its Status to the documented exit codes:
//   0  ok
//   1  --verify found a problem, or a runtime error (I/O, damaged file)
//   2  usage error (bad option, unknown column or table, bad --where)
//   3  PATH is not a segment file, table folder or lake folder
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "tools/segdump/row_output.h"

namespace stedi::segdump {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblem = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitNotAStore = 3;

enum class Mode {
  kMetadata,  // default; on a lake without --table: the listing of its tables
  kSchema,    // --schema
  kDdl,       // --ddl
  kRows,      // --rows / --head N
  kVerify,    // --verify
};

struct Options {
  std::string path;
  std::string table;  // --table, lake folders only
  Mode mode = Mode::kMetadata;
  bool json = false;             // kMetadata, kSchema and the lake listing
  bool row_groups = false;       // kMetadata text
  std::optional<uint64_t> head;  // kRows: at most this many rows
  RowFormat format = RowFormat::kCsv;
  std::vector<std::string> columns;  // kRows
  std::vector<std::string> where;    // kRows, or kMetadata with json (adds "scan")
};

Status Run(const Options& options, std::ostream& out, std::ostream& err);

// The exit code for Run's Status (see the table above): InvalidArgument is a
// usage error, NotFound means PATH is not a store; anything else is 1.
int ExitCodeFor(const Status& status);

}  // namespace stedi::segdump
