// Target: what a segdump PATH names — one segment file, a table folder, or a
// lake folder (catalog.json plus table folders) — and the segments behind it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "stedi/catalog.h"
#include "storage/segment_reader.h"

namespace stedi::segdump {

enum class TargetKind { kSegment, kTable, kLake };
const char* TargetKindName(TargetKind kind);  // "segment", "table", "lake"

struct Target {
  TargetKind kind = TargetKind::kTable;
  std::string path;  // as the user gave it
  // Segment and table: the table's name (from the enclosing lake's catalog
  // when there is one, else the folder name); the segment paths in name order.
  std::string name;
  std::vector<std::string> segment_files;
  // Lake only.
  std::optional<Catalog> catalog;
};

// Classifies `path`. A regular file is a segment when it starts with the
// segment magic or is named seg-*.sds; a folder is a lake when it holds
// catalog.json, a table when it holds seg-*.sds files. NotFound with a message
// saying what was looked for when `path` is none of these.
Result<Target> ResolveTarget(const std::string& path);

// The table `name` of a lake target, as a table target. InvalidArgument naming
// the lake's tables when there is no such table.
Result<Target> SelectLakeTable(const Target& lake, const std::string& name);

// A table target of the lake table `table` (path relative to the lake).
Target LakeTableTarget(const Target& lake, const CatalogTable& table);

// Opens every segment of a segment or table target (footers only).
using Segments = std::vector<std::unique_ptr<SegmentReader>>;
Result<Segments> OpenSegments(const Target& target);

}  // namespace stedi::segdump
