#include "core/scan_predicate.h"

namespace stedi {

const char* CompareOpSymbol(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "!=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
  }
  return "?";
}

CompareOp FlipCompareOp(CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return CompareOp::kGt;
    case CompareOp::kLe:
      return CompareOp::kGe;
    case CompareOp::kGt:
      return CompareOp::kLt;
    case CompareOp::kGe:
      return CompareOp::kLe;
    default:
      return op;
  }
}

std::string ScanPredicate::ToString() const {
  switch (kind) {
    case Kind::kIsNull:
      return column + " IS NULL";
    case Kind::kIsNotNull:
      return column + " IS NOT NULL";
    case Kind::kCompare:
      break;
  }
  return column + " " + CompareOpSymbol(op) + " " + value.ToString();
}

bool MayMatch(const ScanPredicate& pred, const ZoneStats& stats) {
  const uint64_t non_null = stats.rows - stats.null_count;
  switch (pred.kind) {
    case ScanPredicate::Kind::kIsNull:
      return stats.null_count > 0;
    case ScanPredicate::Kind::kIsNotNull:
      return non_null > 0;
    case ScanPredicate::Kind::kCompare:
      break;
  }
  if (non_null == 0) return false;  // comparisons with NULL are never true
  if (stats.min.is_null || stats.max.is_null || pred.value.is_null) return true;  // unknown range
  const int vs_min = pred.value.Compare(stats.min);
  const int vs_max = pred.value.Compare(stats.max);
  switch (pred.op) {
    case CompareOp::kEq:
      return vs_min >= 0 && vs_max <= 0;
    case CompareOp::kNe:
      return !(vs_min == 0 && vs_max == 0);
    case CompareOp::kLt:
      return stats.min.Compare(pred.value) < 0;
    case CompareOp::kLe:
      return stats.min.Compare(pred.value) <= 0;
    case CompareOp::kGt:
      return stats.max.Compare(pred.value) > 0;
    case CompareOp::kGe:
      return stats.max.Compare(pred.value) >= 0;
  }
  return true;
}

}  // namespace stedi
