// StagedValue: one field's value of the record being parsed, held until the
// whole record is known to be good (a record is appended whole or not at all).
#pragma once

#include <cstdint>
#include <string_view>

namespace stedi {

enum class StagedState : uint8_t { kAbsent, kNull, kValue };

struct StagedValue {
  StagedState state = StagedState::kAbsent;
  int64_t i = 0;         // bool (0/1), int32, int64, timestamp
  double d = 0;          // double
  std::string_view s;    // string: points into the record or the parser's buffer
  std::string_view key;  // the spelling used by the record (full parser only)
};

}  // namespace stedi
