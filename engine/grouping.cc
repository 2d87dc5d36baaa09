#include "engine/grouping.h"

#include "engine/key_bits.h"

namespace stedi {

namespace {

uint64_t Mix(uint64_t h) {  // murmur3's finalizer: spreads every input bit
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

}  // namespace

std::vector<std::vector<uint64_t>> GroupKeyParts(const Table& t,
                                                 const std::vector<size_t>& columns) {
  std::vector<std::vector<uint64_t>> parts(columns.size());
  std::vector<uint64_t> nulls;
  for (size_t k = 0; k < columns.size(); ++k) {
    const Column& c = t.column(columns[k]);
    ColumnOrderBits(c, /*string_order=*/false, &parts[k]);
    if (c.null_count() == 0) continue;
    if (nulls.empty()) nulls.assign(t.num_rows(), 0);
    for (size_t i = 0; i < t.num_rows(); ++i)
      nulls[i] |= static_cast<uint64_t>(c.IsNull(i)) << (k % 64);
  }
  if (!nulls.empty()) parts.push_back(std::move(nulls));
  return parts;
}

Grouping GroupRows(const std::vector<std::vector<uint64_t>>& parts, size_t n) {
  Grouping g;
  g.group_of_row.resize(n);
  if (parts.empty()) {
    if (n) g.first_row.push_back(0);
    std::fill(g.group_of_row.begin(), g.group_of_row.end(), 0);
    return g;
  }
  auto hash_row = [&](size_t i) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (const auto& p : parts) h = Mix(h ^ p[i]);
    return h;
  };
  auto equal_rows = [&](size_t a, size_t b) {
    for (const auto& p : parts) {
      if (p[a] != p[b]) return false;
    }
    return true;
  };
  std::vector<uint32_t> slots(1024, 0);  // group id + 1; 0 = empty
  std::vector<uint64_t> group_hash;
  size_t mask = slots.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t h = hash_row(i);
    size_t pos = h & mask;
    while (slots[pos] &&
           !(group_hash[slots[pos] - 1] == h && equal_rows(g.first_row[slots[pos] - 1], i))) {
      pos = (pos + 1) & mask;
    }
    if (slots[pos]) {
      g.group_of_row[i] = slots[pos] - 1;
      continue;
    }
    const auto id = static_cast<uint32_t>(g.first_row.size());
    g.first_row.push_back(static_cast<uint32_t>(i));
    group_hash.push_back(h);
    g.group_of_row[i] = id;
    slots[pos] = id + 1;
    if (2 * g.first_row.size() > slots.size()) {  // keep the load at most 1/2
      slots.assign(slots.size() * 2, 0);
      mask = slots.size() - 1;
      for (uint32_t gid = 0; gid < group_hash.size(); ++gid) {
        size_t p = group_hash[gid] & mask;
        while (slots[p]) p = (p + 1) & mask;
        slots[p] = gid + 1;
      }
    }
  }
  return g;
}

}  // namespace stedi
