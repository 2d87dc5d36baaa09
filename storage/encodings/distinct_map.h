// DistinctMap: dense ids for distinct 64-bit keys, in first-seen order.
//
// An open-addressing hash table that grows by doubling; it replaces sorting
// when a dictionary is built or distinct values are counted, so both take one
// pass over the values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace stedi {

class DistinctMap {
 public:
  DistinctMap();

  // Returns the id of `key` (0, 1, 2, ... in first-seen order), adding it
  // when new.
  uint32_t Insert(uint64_t key);

  size_t size() const { return keys_.size(); }
  // keys()[id] is the key with that id.
  const std::vector<uint64_t>& keys() const { return keys_; }

 private:
  void Grow();

  std::vector<uint64_t> slot_keys_;
  std::vector<uint32_t> slot_ids_;  // id + 1; 0 marks an empty slot
  std::vector<uint64_t> keys_;
  int shift_;
};

// Number of distinct values, or more than `limit` when there are more than
// `limit`. The set starts sized for `expected` distinct values when given
// (a stream of many distinct values then never grows it), else for at most
// 8K; it grows past either. REQUIRES: every value is in [min, max].
size_t CountDistinct(std::span<const int64_t> values, int64_t min, int64_t max, size_t limit,
                     size_t expected = 0);

}  // namespace stedi
