#include "storage/encodings/distinct_map.h"

#include <algorithm>
#include <limits>

namespace stedi {
namespace {

constexpr int kInitialBits = 6;
constexpr uint64_t kBitmapRange = uint64_t{1} << 16;
constexpr int kMaxInitialBits = 14;  // a 128 KiB set; beyond, it grows as it fills

// Fibonacci hashing: the top bits of key * 2^64/phi spread sequential and
// strided keys (timestamps, multiples of a period) evenly.
inline size_t Slot(uint64_t key, int shift) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);
}

// CountDistinct for streams that span the whole int64 range (no free value
// to mark empty slots).
size_t CountWithMap(std::span<const int64_t> values, size_t limit) {
  DistinctMap map;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0 && values[i] == values[i - 1]) continue;
    map.Insert(static_cast<uint64_t>(values[i]));
    if (map.size() > limit) break;
  }
  return map.size();
}

}  // namespace

DistinctMap::DistinctMap()
    : slot_keys_(size_t{1} << kInitialBits),
      slot_ids_(size_t{1} << kInitialBits),
      shift_(64 - kInitialBits) {}

uint32_t DistinctMap::Insert(uint64_t key) {
  const size_t mask = slot_ids_.size() - 1;
  for (size_t s = Slot(key, shift_);; s = (s + 1) & mask) {
    const uint32_t id = slot_ids_[s];
    if (id == 0) break;
    if (slot_keys_[s] == key) return id - 1;
  }
  // Kept at most half full so probe sequences stay short.
  if ((keys_.size() + 1) * 2 > slot_ids_.size()) Grow();
  size_t s = Slot(key, shift_);
  while (slot_ids_[s] != 0) s = (s + 1) & (slot_ids_.size() - 1);
  keys_.push_back(key);
  slot_keys_[s] = key;
  slot_ids_[s] = static_cast<uint32_t>(keys_.size());
  return static_cast<uint32_t>(keys_.size() - 1);
}

void DistinctMap::Grow() {
  const size_t size = slot_ids_.size() * 2;
  --shift_;
  slot_keys_.assign(size, 0);
  slot_ids_.assign(size, 0);
  for (size_t id = 0; id < keys_.size(); ++id) {
    size_t s = Slot(keys_[id], shift_);
    while (slot_ids_[s] != 0) s = (s + 1) & (size - 1);
    slot_keys_[s] = keys_[id];
    slot_ids_[s] = static_cast<uint32_t>(id + 1);
  }
}

size_t CountDistinct(std::span<const int64_t> values, int64_t min, int64_t max, size_t limit,
                     size_t expected) {
  // Small ranges (codes, digits, lengths) take a bitmap: no hashing.
  const uint64_t range = static_cast<uint64_t>(max) - static_cast<uint64_t>(min);
  if (range < kBitmapRange) {
    std::vector<uint64_t> seen(range / 64 + 1);
    size_t distinct = 0;
    for (int64_t v : values) {
      const uint64_t k = static_cast<uint64_t>(v) - static_cast<uint64_t>(min);
      const uint64_t bit = uint64_t{1} << (k & 63);
      distinct += (seen[k >> 6] & bit) == 0;
      seen[k >> 6] |= bit;
    }
    return distinct;
  }
  // A set of the keys alone (no ids, no key list), presized so that short
  // streams never grow it; max + 1 (or min - 1) marks an empty slot, as no
  // value lies outside [min, max]. About twice as fast as a DistinctMap.
  const bool below = max == std::numeric_limits<int64_t>::max();
  if (below && min == std::numeric_limits<int64_t>::min()) return CountWithMap(values, limit);
  const uint64_t empty = static_cast<uint64_t>(below ? min - 1 : max + 1);
  const size_t most = std::min({values.size(), limit + 1, expected > 0 ? expected : values.size()});
  const int max_bits = expected > 0 ? 63 : kMaxInitialBits;
  int bits = kInitialBits;
  while (bits < max_bits && (size_t{1} << bits) < 2 * most) ++bits;
  std::vector<uint64_t> slots(size_t{1} << bits, empty);
  size_t count = 0;
  // A value equal to the one before is not new: runs (sorted or repeated
  // readings) cost one comparison each, not one probe per value.
  for (size_t i = 0; i < values.size(); ++i) {
    const auto key = static_cast<uint64_t>(values[i]);
    if (i > 0 && values[i] == values[i - 1]) continue;
    size_t mask = slots.size() - 1;
    size_t s = Slot(key, 64 - bits);
    while (slots[s] != empty && slots[s] != key) s = (s + 1) & mask;
    if (slots[s] == key) continue;
    slots[s] = key;
    if (++count > limit) break;
    if (count * 2 > slots.size()) {  // kept at most half full: short probe sequences
      std::vector<uint64_t> old(size_t{1} << ++bits, empty);
      old.swap(slots);
      mask = slots.size() - 1;
      for (uint64_t k : old) {
        if (k == empty) continue;
        size_t t = Slot(k, 64 - bits);
        while (slots[t] != empty) t = (t + 1) & mask;
        slots[t] = k;
      }
    }
  }
  return count;
}

}  // namespace stedi
