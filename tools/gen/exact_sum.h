// Nudges a set of small random counts until they add up to an exact total.
//
// The generator draws each step reading's number of phone readings from the
// real distribution, then uses this to make the totals the reference counts
// require exactly, without visibly changing the distribution.
#pragma once

#include <cstdint>
#include <vector>

#include "tools/gen/prng.h"

namespace stedi::gen {

// Adds or subtracts 1 at randomly chosen entries of *values (never leaving
// [lo, hi]) until they sum to `target`. Returns false, changing nothing, when
// the target is out of reach: target < size*lo or target > size*hi.
// REQUIRES: every entry of *values is already in [lo, hi].
bool NudgeToSum(std::vector<uint8_t*>* values, int64_t target, uint8_t lo, uint8_t hi, Prng& rng);

}  // namespace stedi::gen
