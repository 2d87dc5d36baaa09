// --where: one simple condition, `col OP literal` (OP one of = != <> < <= > >=)
// or `col IS NULL` / `col IS NOT NULL`.
//
// The literal is typed by the column: numbers for int and double columns,
// true/false for bool, epoch ms or ISO-8601 UTC for timestamps, and for
// strings the text itself, optionally in 'single' or "double" quotes ('' in
// single quotes is one quote). The condition is pushed down to the zone maps
// (which only skip row groups) and then applied exactly to each row by
// MatchingRows, with SQL semantics: a comparison never matches a NULL.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/scan_predicate.h"
#include "core/status.h"
#include "core/table.h"

namespace stedi::segdump {

// InvalidArgument naming the problem when `text` does not parse or names no
// column of `schema` (names match exactly, else ignoring ASCII case).
Result<ScanPredicate> ParseWhere(std::string_view text, const Schema& schema);

// Rows of `table` satisfying every predicate (ANDed), in order.
// REQUIRES: each predicate's column is in `table` with the literal's type.
std::vector<uint32_t> MatchingRows(const Table& table, const std::vector<ScanPredicate>& preds);

}  // namespace stedi::segdump
