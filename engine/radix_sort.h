// Radix sorting of (key, row id) pairs, the sort under the sort-merge join.
//
// Hand-written rather than std::sort: join keys are fixed-width unsigned
// integers (join_keys.h), for which a least-significant-digit radix sort is
// O(n) per digit with purely sequential reads, and digits that are the same
// in every key are skipped, so keys spanning few bits sort in few passes.
// Being stable, equal keys keep their row order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/buffer.h"

namespace stedi {

struct KeyRow {
  uint64_t key;
  uint32_t row;
  uint32_t unused;  // keeps pairs 16 bytes, aligned
};

// Sorts data[0, n) by the low `bits` bits of key (higher bits must be equal
// in all keys), stably. Uses scratch[0, n) and returns whichever of data or
// scratch holds the result.
KeyRow* RadixSortKeyRows(KeyRow* data, KeyRow* scratch, size_t n, int bits);

// The partitioning pass of an MSD radix sort: scatters the pairs
// (keys[i] - base, i) for every valid row i into `out`, grouped by the
// partition (keys[i] - base) >> shift (0 .. partitions-1), each partition in
// row order. `valid` is a bitmap (empty = all rows valid). Runs on up to
// `threads` threads. Returns partitions + 1 offsets into out.
// REQUIRES: (keys[i] - base) >> shift < partitions for valid rows.
std::vector<size_t> PartitionKeyRows(const uint64_t* keys, size_t n, uint64_t base,
                                     const std::vector<uint64_t>& valid, int shift,
                                     size_t partitions, int threads, Buffer<KeyRow>* out);

}  // namespace stedi
