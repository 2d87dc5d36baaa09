// InferSchema: a schema for a folder of JSON Lines nobody declared one for.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace stedi {

// Reads up to `sample_records` records (0 = all) of `files`, in order, and
// returns one nullable field per top-level key, in first-seen order (keys
// equal ignoring case are one field, named as first seen). Types widen as the
// data demands, as DuckDB and Spark do: bool; int64 -> double (any
// non-integer number, or an integer past int64); any other mix -> string.
// Keys only ever null are string. Keys holding an object or array are left
// out (stedi has no nested types; ingest then ignores them as unknown).
// Records that are not valid JSON objects are passed over.
// Errors: as IngestFiles for unreadable files.
Result<Schema> InferSchema(const std::vector<std::string>& files, size_t sample_records = 0);

}  // namespace stedi
