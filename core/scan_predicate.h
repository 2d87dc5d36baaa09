// ScanPredicate: a simple column-vs-literal condition that a scan can check
// against per-chunk statistics (zone maps) to skip data that cannot match.
//
// The engine extracts these from a plan's filters; storage evaluates them
// against each row group's min/max/null count. They only ever skip data: the
// engine still applies the full filter to the rows that are read.
#pragma once

#include <string>

#include "core/value.h"

namespace stedi {

enum class CompareOp { kEq, kNe, kLt, kLe, kGt, kGe };

// "=", "!=", "<", "<=", ">", ">=".
const char* CompareOpSymbol(CompareOp op);

// The operator that gives the same answer with the operands swapped
// (a < b  <=>  b > a).
CompareOp FlipCompareOp(CompareOp op);

// a op b, for any type with the six comparison operators.
template <typename T>
bool EvalCompare(CompareOp op, const T& a, const T& b) {
  switch (op) {
    case CompareOp::kEq:
      return a == b;
    case CompareOp::kNe:
      return a != b;
    case CompareOp::kLt:
      return a < b;
    case CompareOp::kLe:
      return a <= b;
    case CompareOp::kGt:
      return a > b;
    case CompareOp::kGe:
      return a >= b;
  }
  return false;
}

struct ScanPredicate {
  enum class Kind { kCompare, kIsNull, kIsNotNull };
  std::string column;
  Kind kind = Kind::kCompare;
  CompareOp op = CompareOp::kEq;  // kCompare only
  Value value;                    // kCompare only; never null

  std::string ToString() const;
};

// Min, max and null count of one chunk of a column. min/max are null when the
// chunk holds no non-null value (or, for doubles, when it holds a NaN).
struct ZoneStats {
  Value min;
  Value max;
  uint64_t null_count = 0;
  uint64_t rows = 0;
};

// False only when no row described by `stats` can satisfy `pred`.
bool MayMatch(const ScanPredicate& pred, const ZoneStats& stats);

}  // namespace stedi
