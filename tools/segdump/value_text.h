// Value text: how segdump prints and parses single values.
//
// Timestamps are epoch milliseconds UTC; people read them as ISO-8601
// ("2022-01-01T08:30:00.000Z"), scripts as integers. Doubles print as the
// shortest text that reads back to the same double (std::to_chars).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/column.h"
#include "core/status.h"
#include "core/value.h"

namespace stedi::segdump {

// "YYYY-MM-DDTHH:MM:SS.mmmZ" (years outside 0..9999 print with more digits or a sign).
std::string FormatIso8601(int64_t epoch_ms);
// Epoch ms from "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" with an optional
// trailing "Z" (a space may stand for the "T"), or a plain integer of epoch ms.
Result<int64_t> ParseTimestamp(std::string_view text);

std::string FormatDouble(double v);  // "nan", "inf", "-inf" for non-finite values

// How a cell is spelled: kHuman uses ISO-8601 for timestamps, kMachine epoch ms.
enum class ValueStyle { kHuman, kMachine };
// The value at `row` (REQUIRES: not null) as text; strings are returned raw.
std::string CellText(const Column& column, size_t row, ValueStyle style);
// A statistics value (REQUIRES: !v.is_null) as text.
std::string ValueText(const Value& v, ValueStyle style);

// Parses `text` as a literal of `type` (strings are taken as they are).
Result<Value> ParseLiteral(std::string_view text, TypeId type);

}  // namespace stedi::segdump
