// The build summary, for people (a table) and for scripts (JSON).
#pragma once

#include <string>

#include "stedi/lake_builder.h"

namespace stedi {

// Aligned text table: table, zone, rows, expected, match, bytes, ratio, time;
// then ingest accounting (read = loaded + rejected + blank) and rejects.
std::string SummaryTable(const BuildReport& report);
// The same facts as one JSON object.
std::string SummaryJson(const BuildReport& report);
// Names of tables whose row count differs from the expectation.
std::vector<std::string> FailedExpectations(const BuildReport& report);

}  // namespace stedi
