// --json: the metadata report as one JSON object for scripts.
//
// Shape: {"kind","path","name","format_version","rows","row_groups",
//   "file_bytes","stored_bytes","raw_bytes","ratio","sort_by":[...],
//   "files":[{"path","bytes","rows","row_groups","footer_bytes"}],
//   "columns":[{"name","type","nullable","encodings":[{"chain","row_groups"}],
//               "stored_bytes","raw_bytes","ratio","null_count","min","max"}],
//   "row_group_details":[{"file","index","rows","columns":[{"name","offset",
//               "stored_bytes","raw_bytes","checksum","encoding","validity",
//               "value_steps"/"validity_steps":
//               [{"depth","encoding","param","bytes_in","bytes_out"}],
//               "null_count","min","max"}]}],
//   "scan": {...}   (with --where only: see table_scan.h)}
// min/max are typed JSON values (timestamps as epoch ms) or null when unknown.
#pragma once

#include <string>

#include "core/json_writer.h"
#include "tools/segdump/metadata.h"
#include "tools/segdump/table_scan.h"

namespace stedi::segdump {

// `scan` may be null. REQUIRES: `segments` are the ones `summary` was built from.
std::string MetadataJson(const TableSummary& summary, const Segments& segments,
                         const ScanResult* scan);

// A statistics value as typed JSON (null when !known).
void AppendStatJson(bool known, const Value& v, JsonWriter* w);

}  // namespace stedi::segdump
