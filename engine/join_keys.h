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
#include <string>
#include <vector>

#include "core/table.h"
#include "engine/buffer.h"

namespace stedi {

struct NormalizedSide {
  Buffer<uint64_t> keys;                // one per row
  std::vector<uint64_t> valid;          // bitmap words; empty = every row valid
  std::vector<Buffer<uint64_t>> parts;  // per key column; kept only when !exact
};

struct NormalizedKeys {
  NormalizedSide left;
  NormalizedSide right;
  uint64_t base = 0;  // for valid rows, key - base < 2^bits (keys are not rebased in place)
  int bits = 0;
  bool exact = true;  // equal keys <=> equal key tuples

  // True when left row l and right row r have equal key tuples.
  // REQUIRES: both rows valid. Cheap when exact.
  bool KeysEqual(uint32_t l, uint32_t r) const;
};

// REQUIRES nothing: unknown columns, differing key counts and incompatible
// types (string vs number, bool vs other) are InvalidArgument / NotFound.
Result<NormalizedKeys> NormalizeJoinKeys(const Table& left, const Table& right,
                                         const std::vector<std::string>& left_keys,
                                         const std::vector<std::string>& right_keys);

}  // namespace stedi
