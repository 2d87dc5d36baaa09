// Expected row counts per table, to check a build against.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/status.h"

namespace stedi {

using Expectations = std::map<std::string, uint64_t>;

// The reference counts of the real Udacity starter data (compat mode).
Expectations ReferenceCounts();
// Parses a JSON object mapping table names to row counts.
Result<Expectations> ParseExpectations(const std::string& json, const std::string& origin);
Result<Expectations> LoadExpectationsFile(const std::string& path);
// The "expected" object of `landing_dir`/stedi-gen.json, written by stedi-gen;
// NotFound when the folder holds no such manifest.
Result<Expectations> LoadGeneratorManifest(const std::string& landing_dir);

}  // namespace stedi
