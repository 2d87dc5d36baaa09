#include "core/value.h"

#include <charconv>
#include <cmath>

namespace stedi {

std::string Value::ToString() const {
  if (is_null) return "NULL";
  switch (type) {
    case TypeId::kBool:
      return i ? "true" : "false";
    case TypeId::kInt32:
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      return std::to_string(i);
    case TypeId::kDouble: {
      char buf[64];
      auto r = std::to_chars(buf, buf + sizeof buf, d);
      return std::string(buf, r.ptr);
    }
    case TypeId::kString:
      return s;
  }
  return "?";
}

static bool IsNumeric(TypeId t) { return t != TypeId::kString; }

int Value::Compare(const Value& o) const {
  if (type == TypeId::kString && o.type == TypeId::kString)
    return s < o.s ? -1 : (s == o.s ? 0 : 1);
  if (IsNumeric(type) && IsNumeric(o.type)) {
    if (type != TypeId::kDouble && o.type != TypeId::kDouble) {
      return i < o.i ? -1 : (i == o.i ? 0 : 1);
    }
    double a = type == TypeId::kDouble ? d : static_cast<double>(i);
    double b = o.type == TypeId::kDouble ? o.d : static_cast<double>(o.i);
    // NaN sorts after every number, as in DuckDB and Parquet's total order.
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) - std::isnan(b);
    return a < b ? -1 : (a == b ? 0 : 1);
  }
  // Strings sort after numbers; only reachable for mismatched literals.
  return type == TypeId::kString ? 1 : -1;
}

bool Value::operator==(const Value& o) const {
  if (is_null || o.is_null) return is_null == o.is_null && type == o.type;
  return type == o.type && Compare(o) == 0;
}

}  // namespace stedi
