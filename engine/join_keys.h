// Join key normalization: turns the key columns of both join inputs into one
// unsigned 64-bit key per row, so the sort and merge work on plain integers
// whatever the key types.
//
// Each key column maps order-preservingly to an unsigned integer (integers
// and timestamps by value, doubles by their IEEE bits with the sign folded,
// strings by their code in the LEFT column's dictionary, bools as 0/1), less
// the smallest value on either side. When the columns' ranges fit together
// in 64 bits they are concatenated, first key most significant, and equal
// keys mean equal key tuples (exact). Otherwise the key is a hash of the
// parts and the merge must confirm matches with KeysEqual (not exact).
//
// A row is invalid (never matches) when any key is NULL, or when a right
// string is absent from the left dictionary.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/table.h"
#include "engine/buffer.h"

namespace stedi {

struct NormalizedSide {
  // Key(i) = keys[i] - base for every row. `keys` views `storage`, or, for a
  // single 64-bit integer key column, the column's own values (no copy):
  // then the keys are valid only while the input Table lives.
  std::span<const uint64_t> keys;
  uint64_t base = 0;
  bool sorted = false;                  // every row valid, Key ascending in row order
  std::vector<uint64_t> valid;          // bitmap words; empty = every row valid
  std::vector<Buffer<uint64_t>> parts;  // per key column; kept only when !exact
  Buffer<uint64_t> storage;

  uint64_t Key(size_t i) const { return keys[i] - base; }
  size_t size() const { return keys.size(); }
};

struct NormalizedKeys {
  NormalizedSide left;
  NormalizedSide right;
  int bits = 0;       // for valid rows, Key(i) < 2^bits on both sides
  bool exact = true;  // equal keys <=> equal key tuples

  // True when left row l and right row r have equal key tuples.
  // REQUIRES: both rows valid. Cheap when exact.
  bool KeysEqual(uint32_t l, uint32_t r) const;
};

// REQUIRES nothing: unknown columns, differing key counts and incompatible
// types (string vs number, bool vs other) are InvalidArgument / NotFound.
// The min/max and sortedness scans run on up to `threads` threads.
Result<NormalizedKeys> NormalizeJoinKeys(const Table& left, const Table& right,
                                         const std::vector<std::string>& left_keys,
                                         const std::vector<std::string>& right_keys,
                                         int threads = 1);

}  // namespace stedi
