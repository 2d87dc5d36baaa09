// The STEDI zones: all eight tables of the lake as plans on the engine's
// query-plan API, defined together so the whole data model reads in one file.
#pragma once

#include <string>
#include <vector>

#include "engine/plan.h"

namespace stedi {

enum class ZoneMode {
  kCompat,  // reproduces the Udacity reference counts exactly
  kStrict,  // readings count only from the customer's consent date on
};

const char* ZoneModeName(ZoneMode mode);

struct ZoneTable {
  std::string name;                  // "customer_trusted"
  std::string zone;                  // "landing", "trusted" or "curated"
  std::string path;                  // folder relative to the lake: "customer/trusted"
  std::string rule;                  // one line of prose for humans
  std::vector<std::string> inputs;   // lineage: the tables its plan scans
  std::vector<std::string> sort_by;  // clustering order the writer applies
  PlanNodePtr plan;                  // scans tables by name (landing sources or earlier zones)
};

// The eight tables in dependency order: each plan scans only landing sources
// and tables listed before it.
std::vector<ZoneTable> StediZones(ZoneMode mode);

}  // namespace stedi
