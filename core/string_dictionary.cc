#include "core/string_dictionary.h"

#include <xxhash.h>

#include <algorithm>
#include <numeric>

namespace stedi {

uint64_t StringDictionary::Hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

void StringDictionary::Rehash(size_t slots) {
  slots_.assign(slots, -1);
  const size_t mask = slots - 1;
  for (size_t code = 0; code < size(); ++code) {
    size_t pos = Hash(Get(static_cast<int32_t>(code))) & mask;
    while (slots_[pos] != -1) pos = (pos + 1) & mask;
    slots_[pos] = static_cast<int32_t>(code);
  }
}

int32_t StringDictionary::Find(std::string_view s) const {
  if (slots_.empty()) return -1;
  const size_t mask = slots_.size() - 1;
  for (size_t pos = Hash(s) & mask;; pos = (pos + 1) & mask) {
    int32_t code = slots_[pos];
    if (code == -1) return -1;
    if (Get(code) == s) return code;
  }
}

int32_t StringDictionary::Intern(std::string_view s) {
  // Keep the load factor at or below 1/2 so probe chains stay short.
  if ((size() + 1) * 2 > slots_.size()) Rehash(std::max<size_t>(16, slots_.size() * 2));
  const size_t mask = slots_.size() - 1;
  size_t pos = Hash(s) & mask;
  for (;; pos = (pos + 1) & mask) {
    int32_t code = slots_[pos];
    if (code == -1) break;
    if (Get(code) == s) return code;
  }
  auto code = static_cast<int32_t>(size());
  bytes_.append(s);
  offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  slots_[pos] = code;
  return code;
}

std::vector<int32_t> StringDictionary::Merge(const StringDictionary& other) {
  std::vector<int32_t> remap(other.size());
  for (size_t c = 0; c < other.size(); ++c) remap[c] = Intern(other.Get(static_cast<int32_t>(c)));
  return remap;
}

std::vector<int32_t> StringDictionary::SortedRanks() const {
  std::vector<int32_t> order(size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return Get(a) < Get(b); });
  std::vector<int32_t> rank(size());
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int32_t>(r);
  return rank;
}

}  // namespace stedi
