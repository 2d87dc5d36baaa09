// The three STEDI landing sources: where their files live in a landing
// folder (the Udacity starter layout) and their declared schemas.
//
// This is the one place that knows the STEDI field names and types; ingest
// itself is general and receives these schemas.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"

namespace stedi {

struct SourceSpec {
  std::string name;            // "customer"
  std::string landing_subdir;  // "customer/landing", relative to the landing folder
  std::string table;           // "customer_landing"
  Schema schema;
};

// customer, accelerometer, step_trainer, in that order.
std::vector<SourceSpec> StediSources();

}  // namespace stedi
