// Writes one planned copy of the world as STEDI landing files:
//   <out_dir>/customer/landing/customer-<stamp>.json
//   <out_dir>/accelerometer/landing/accelerometer-<stamp>.json
//   <out_dir>/step_trainer/landing/step_trainer-<stamp>.json
// JSON Lines with the starter data's field names, key order and number
// formats. Each copy writes its own files, so copies can be written by
// different threads in any order and the bytes never change.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "tools/gen/universe.h"

namespace stedi::gen {

struct CopyStats {
  uint64_t files = 0;
  uint64_t bytes = 0;
  uint64_t rows = 0;
};

// REQUIRES: the three landing folders exist under out_dir.
Status WriteCopy(const Universe& universe, uint64_t seed, const std::string& out_dir,
                 CopyStats* stats);

}  // namespace stedi::gen
