// Sort-merge equi-join over normalized keys (join_keys.h).
//
// Both sides are partitioned by the top bits of the key (one parallel
// scatter pass), each partition is radix-sorted on the remaining bits, and
// partition p of the left merges with partition p of the right; partitions
// are independent, so both sorting and merging run on all threads. A side
// whose keys are already in order (checked in one pass) is not moved at all.
//
// Matches come out in key order; within one key, left rows in row order,
// each with its right rows in row order. Invalid (NULL) keys never match.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/join_keys.h"

namespace stedi {

struct JoinPairs {
  Buffer<uint32_t> left;   // row ids into the left input
  Buffer<uint32_t> right;  // row ids into the right input, same length
};

// Number of matching (left row, right row) pairs.
uint64_t SortMergeCount(const NormalizedKeys& keys, int threads);
// Every matching pair.
JoinPairs SortMergePairs(const NormalizedKeys& keys, int threads);
// Puts `pairs` (from SortMergePairs) in left row order, each left row's
// right rows in row order: the order of a nested loop over the left rows.
// REQUIRES: every left id < left_rows.
void OrderPairsByLeft(JoinPairs* pairs, size_t left_rows);
// matched[l] = 1 when left row l has at least one match.
std::vector<uint8_t> SortMergeLeftMatched(const NormalizedKeys& keys, int threads);

}  // namespace stedi
