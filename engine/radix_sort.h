// Radix sorting of integer keys, the sort under the sort-merge join and the
// Sort operator: (key, row id) pairs when the caller needs the rows back,
// bare keys when it only compares them (counting join matches, half the bytes
// to move).
//
// Hand-written rather than std::sort: keys are fixed-width unsigned integers
// (join_keys.h), for which a radix sort is O(n) per digit with sequential
// reads, and digits that are the same in every key are skipped, so keys
// spanning few bits sort in few passes. Pairs sort stably: equal keys keep
// their row order.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/buffer.h"  // Buffer<KeyRow> is how callers hold pairs

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
// Same on up to `threads` threads: the partition on the top digit is split
// among them (stably: chunk by chunk in order), then its buckets sort in
// parallel. Same result as the one-thread sort.
KeyRow* RadixSortKeyRows(KeyRow* data, KeyRow* scratch, size_t n, int bits, int threads);

// Sorts the keys in[0, n) by their low `bits` bits (higher bits equal in
// all keys) into buf_a[0, n) or buf_b[0, n) and returns which. `in` is only
// read, so a slice of a large shared array sorts into small cache-resident
// buffers without being written back; `in` may also be buf_a.
uint64_t* RadixSortKeys(const uint64_t* in, uint64_t* buf_a, uint64_t* buf_b, size_t n, int bits);
// Sorts data[0, n) by the low `bits` bits on up to `threads` threads, as the
// pairs' threaded sort does, using scratch[0, n); returns whichever of data or
// scratch holds the result.
uint64_t* RadixSortKeys(uint64_t* data, uint64_t* scratch, size_t n, int bits, int threads);

}  // namespace stedi
