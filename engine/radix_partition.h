// The partitioning pass of an MSD radix sort, the first step of the
// sort-merge join: one parallel scatter of a whole key array into
// key-range partitions that then sort independently, each within cache.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/buffer.h"
#include "engine/radix_sort.h"

namespace stedi {

// Scatters the pairs (keys[i] - base, i) for every valid row i into `out`,
// grouped by the partition (keys[i] - base) >> shift (0 .. partitions-1),
// each partition in row order. `valid` is a bitmap (empty = all rows
// valid); shift 64 means one partition. Runs on up to `threads` threads.
// Returns partitions + 1 offsets into out.
// REQUIRES: partitions is a power of two; (keys[i] - base) >> shift <
// partitions for valid rows.
std::vector<size_t> PartitionKeyRows(const uint64_t* keys, size_t n, uint64_t base,
                                     const std::vector<uint64_t>& valid, int shift,
                                     size_t partitions, int threads, Buffer<KeyRow>* out);

// Same, scattering the keys keys[i] - base alone (no row ids).
std::vector<size_t> PartitionKeys(const uint64_t* keys, size_t n, uint64_t base,
                                  const std::vector<uint64_t>& valid, int shift, size_t partitions,
                                  int threads, Buffer<uint64_t>* out);

}  // namespace stedi
