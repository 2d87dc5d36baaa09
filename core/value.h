// Value: one typed scalar, possibly null. Used for literals in expressions
// and for min/max statistics; never on a per-row hot path.
#pragma once

#include <cstdint>
#include <string>

#include "core/types.h"

namespace stedi {

struct Value {
  TypeId type = TypeId::kInt64;
  bool is_null = true;
  int64_t i = 0;  // kBool (0/1), kInt32, kInt64, kTimestamp
  double d = 0;   // kDouble
  std::string s;  // kString

  static Value Null(TypeId t) { return Value{t, true, 0, 0, {}}; }
  static Value Bool(bool b) { return Value{TypeId::kBool, false, b ? 1 : 0, 0, {}}; }
  static Value Int32(int32_t v) { return Value{TypeId::kInt32, false, v, 0, {}}; }
  static Value Int64(int64_t v) { return Value{TypeId::kInt64, false, v, 0, {}}; }
  static Value Timestamp(int64_t ms) { return Value{TypeId::kTimestamp, false, ms, 0, {}}; }
  static Value Double(double v) { return Value{TypeId::kDouble, false, 0, v, {}}; }
  static Value String(std::string v) { return Value{TypeId::kString, false, 0, 0, std::move(v)}; }

  // Human-readable text: "NULL", "42", "1.5", "abc", timestamps as epoch ms.
  std::string ToString() const;
  // Three-way comparison of two non-null values of comparable types
  // (integers and doubles compare numerically). REQUIRES: !is_null on both.
  int Compare(const Value& other) const;
  bool operator==(const Value& o) const;
};

}  // namespace stedi
