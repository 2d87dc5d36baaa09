// An independent computation of the eight STEDI zone row counts straight from
// landing JSON Lines (simdjson on-demand and standard containers; no engine,
// no ingest, no generator code), used to check stedi-gen and zone builders.
//
// Rules (the Udacity "compat" semantics that give the reference counts):
//   customer_trusted          customers with a non-null shareWithResearchAsOfDate
//   accelerometer_trusted     readings INNER JOIN customer_trusted ON user = email
//                             (once per matching trusted customer row)
//   customers_curated         customer_trusted SEMI JOIN readings ON email = user
//   step_trainer_trusted      step readings SEMI JOIN customers_curated ON serialNumber
//   machine_learning_curated  step_trainer_trusted INNER JOIN accelerometer_trusted
//                             ON sensorReadingTime = timestamp (any user)
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace stedi::testing {

struct ReferenceCounts {
  uint64_t customer_landing = 0;
  uint64_t accelerometer_landing = 0;
  uint64_t step_trainer_landing = 0;
  uint64_t customer_trusted = 0;
  uint64_t accelerometer_trusted = 0;
  uint64_t customers_curated = 0;
  uint64_t step_trainer_trusted = 0;
  uint64_t machine_learning_curated = 0;
  // Empty on success; otherwise names the file and line that could not be read.
  std::string error;

  // Table name -> rows, for the eight tables.
  std::map<std::string, uint64_t> ToMap() const;
  bool operator==(const ReferenceCounts&) const = default;
};

// Counts the zones of `landing_dir` (holding customer/landing,
// accelerometer/landing and step_trainer/landing with *.json files).
ReferenceCounts CountZones(const std::string& landing_dir);

}  // namespace stedi::testing
