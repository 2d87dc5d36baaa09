// catalog.json: the lake's table of contents, read by scripts and segdump.
//
// Shape (format_version 1), stable for scripts:
//   {"format_version":1, "generator":"stedi-build-zones", "mode":"compat",
//    "built_at":"2026-11-29T02:00:00Z", "build_seconds":0.41,
//    "tables":[{"name":..., "zone":..., "path":"customer/trusted", "rule":...,
//               "rows":482, "bytes":..., "inputs":["customer_landing"],
//               "schema":[{"name":"email","type":"string","nullable":false}, ...],
//               "files":[{"name":"...","bytes":...,"rows":...,"checksum":"xxh3:..."}],
//               "rejected": {"path":"_rejected/x.jsonl","records":3}   (landing tables with
//               rejects)
//              }, ...]}
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "stedi/lake_builder.h"

namespace stedi {

inline constexpr int kCatalogFormatVersion = 1;

// Serializes `report` as catalog.json text; `built_at` is an ISO-8601 UTC time.
std::string CatalogJson(const BuildReport& report, const std::string& built_at);

struct CatalogFile {
  std::string name;
  uint64_t bytes = 0;
  uint64_t rows = 0;
  std::string checksum;
};

struct CatalogTable {
  std::string name, zone, path;
  uint64_t rows = 0;
  uint64_t bytes = 0;
  Schema schema;
  std::vector<CatalogFile> files;
  std::vector<std::string> inputs;
};

struct Catalog {
  int format_version = 0;
  std::string mode;
  std::vector<CatalogTable> tables;

  // The table named `name`, or nullptr.
  const CatalogTable* Find(const std::string& name) const;
};

// Reads and validates LAKE/catalog.json.
Result<Catalog> ReadCatalog(const std::string& lake_dir);

// Current time as "YYYY-MM-DDTHH:MM:SSZ".
std::string NowIso8601();

}  // namespace stedi
