// An independent computation of the eight zone row counts, straight from the
// landing JSON with simdjson and standard containers: no engine, no ingest.
// The end-to-end tests check the lake against it.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace stedi::testing {

// Counts by table name, for the compat rules (Udacity) or the strict rules
// (consent date respected; step readings paired with their owner's readings).
std::map<std::string, uint64_t> OracleCounts(const std::string& landing_dir, bool strict);

}  // namespace stedi::testing
