// Prng: a small deterministic generator (xoshiro256**, seeded by splitmix64).
//
// The generator's output must depend only on its seed, so every random choice
// goes through one of these, never std::random_device or the clock. Each copy
// and each purpose gets its own stream (Prng(seed, copy, stream)) so streams
// do not depend on the order in which threads run.
#pragma once

#include <cassert>
#include <cstdint>

namespace stedi::gen {

// Returns the next splitmix64 output and advances `state`.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Prng {
 public:
  Prng(uint64_t seed, uint64_t copy, uint64_t stream) {
    uint64_t state = seed;
    state ^= SplitMix64(state) + copy * 0xD1B54A32D192ED03ULL;
    state ^= SplitMix64(state) + stream * 0xABC98388FB8FAC03ULL;
    for (uint64_t& word : s_) word = SplitMix64(state);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n). REQUIRES: n > 0.
  uint64_t Below(uint64_t n) {
    assert(n > 0);
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    assert(lo <= hi);
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // True with probability p.
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace stedi::gen
