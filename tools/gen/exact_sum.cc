#include "tools/gen/exact_sum.h"

#include <cassert>

namespace stedi::gen {

bool NudgeToSum(std::vector<uint8_t*>* values, int64_t target, uint8_t lo, uint8_t hi, Prng& rng) {
  const int64_t n = static_cast<int64_t>(values->size());
  if (target < n * lo || target > n * hi) return false;
  int64_t sum = 0;
  for (const uint8_t* v : *values) {
    assert(*v >= lo && *v <= hi);
    sum += *v;
  }
  // Random single steps keep the shape of the drawn distribution; the
  // distance to the target is a few dozen steps in practice, and every entry
  // can move while the target is feasible, so this terminates quickly.
  while (sum != target) {
    uint8_t* v = (*values)[rng.Below(static_cast<uint64_t>(n))];
    if (sum > target && *v > lo) {
      --*v;
      --sum;
    } else if (sum < target && *v < hi) {
      ++*v;
      ++sum;
    }
  }
  return true;
}

}  // namespace stedi::gen
