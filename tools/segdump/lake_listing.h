// The listing of a lake folder: every table in catalog.json with its zone,
// rows, files, stored bytes, raw (in-memory plain) bytes and ratio.
//
// Rows and bytes come from the catalog; raw bytes from the tables' segment
// footers (no chunk is decoded). A table whose segments cannot be opened is an
// error naming the file (--verify reports every problem instead).
#pragma once

#include <ostream>

#include "core/status.h"
#include "tools/segdump/target.h"

namespace stedi::segdump {

// REQUIRES: lake.kind == TargetKind::kLake.
Status WriteLakeListing(const Target& lake, bool json, std::ostream& out);

}  // namespace stedi::segdump
