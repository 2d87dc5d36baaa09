#include "ingest/record_count.h"

#include <algorithm>

#include "ingest/array_elements.h"

namespace stedi {

uint64_t CountNewlines(std::string_view text) {
  // Byte counters per lane, emptied before they can wrap: the compiler turns
  // the inner loop into vector compares and subtracts, where a plain count
  // widens every byte to 64 bits first (about 3x slower).
  constexpr size_t kLanes = 64;
  constexpr size_t kBlock = 255 * kLanes;
  const char* p = text.data();
  size_t n = text.size();
  uint64_t total = 0;
  while (n >= kLanes) {
    const size_t block = std::min(n, kBlock) / kLanes * kLanes;
    uint8_t lanes[kLanes] = {};
    for (size_t i = 0; i < block; i += kLanes) {
      for (size_t j = 0; j < kLanes; ++j) lanes[j] += p[i + j] == '\n';
    }
    for (uint8_t c : lanes) total += c;
    p += block;
    n -= block;
  }
  return total + static_cast<uint64_t>(std::count(p, p + n, '\n'));
}

uint64_t CountLines(std::string_view text) {
  if (text.empty()) return 0;
  return CountNewlines(text) + (text.back() == '\n' ? 0 : 1);
}

uint64_t CountArrayElements(std::string_view text) {
  // The element scanner is far cheaper than parsing the elements.
  uint64_t elements = 0;
  std::string_view rest;
  ForEachArrayElement(
      text, [&](std::string_view, uint64_t) { return ++elements, true; }, &rest);
  return elements + 1;
}

}  // namespace stedi
