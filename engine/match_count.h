// Counting the matches of a sort-merge join from the keys alone: when the
// consumer needs only the number of matching pairs (COUNT(*) over a join),
// row ids are never carried, so partitioning and sorting move 8 bytes a row
// instead of 16, and each partition pair is sorted and merged by one worker
// while it sits in cache, without writing the sorted keys back.
#pragma once

#include <cstdint>

#include "engine/join_keys.h"

namespace stedi {

// Number of (left row, right row) pairs with equal keys, on up to `threads`
// threads. Invalid rows never match.
// REQUIRES: keys.exact (equal keys mean equal key tuples).
uint64_t CountKeyMatches(const NormalizedKeys& keys, int threads);

}  // namespace stedi
