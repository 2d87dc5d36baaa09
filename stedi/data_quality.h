// Data-quality checks over a built lake, and what strict mode removed.
//
// Every check is an engine plan over the tables registered in an
// ExecContext (the landing sources and the zones BuildLake produced); a
// check reports how many rows (or groups) it found and the first few as
// short strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "engine/plan.h"
#include "stedi/zones.h"

namespace stedi {

struct QualityCheck {
  std::string name, description;
  uint64_t count = 0;
  std::vector<std::string> examples;  // at most kMaxQualityExamples
};

inline constexpr size_t kMaxQualityExamples = 3;

// One check: a plan with one output row per finding (its columns form the
// example text), and the tables it reads, so that a builder can run it as
// soon as they exist and release them after their last reader.
struct QualityCheckSpec {
  std::string name, description;
  std::vector<std::string> inputs;
  std::optional<PlanBuilder> plan;  // none: the check finds nothing by construction
};

// The checks of `mode`, in report order.
std::vector<QualityCheckSpec> QualityCheckSpecs(ZoneMode mode);

// Runs one check. REQUIRES: ctx holds spec.inputs.
Result<QualityCheck> RunQualityCheck(const QualityCheckSpec& spec, ExecContext& ctx);

// Rows of a table that the compat rules keep and the strict rules drop.
struct StrictRemoval {
  std::string table;
  uint64_t compat_rows = 0, strict_rows = 0;
  std::string reason;
  uint64_t removed() const { return compat_rows > strict_rows ? compat_rows - strict_rows : 0; }
};

// Re-runs the compat plans of the derived tables in a separate context that
// shares strict_ctx's landing tables, and compares row counts.
// REQUIRES: strict_ctx holds the landing tables and the strict zones.
Result<std::vector<StrictRemoval>> ComputeStrictRemovals(ExecContext& strict_ctx);

}  // namespace stedi
