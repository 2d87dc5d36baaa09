// Small JSON helpers for the record parser: type names, number grammar, and
// full validation of a value that is otherwise ignored.
#pragma once

#include <simdjson.h>

#include <string_view>

namespace stedi {

// "object", "array", "number", "string", "bool", "null".
std::string_view JsonTypeName(simdjson::ondemand::json_type type);

// True when `s` is exactly a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(std::string_view s);

// `s` without trailing JSON whitespace.
std::string_view TrimJsonSpaceRight(std::string_view s);

// Reads the unread value `v` so that it is checked as JSON: On-Demand skips a
// value nobody reads without looking at it. Scalars are read with their
// getter; objects and arrays are parsed by `validator` (DOM). A number past
// the double range (1e400) is valid JSON and passes.
// REQUIRES: v lies in a buffer with simdjson's padding after it.
simdjson::error_code CheckJsonValue(simdjson::ondemand::value& v, simdjson::dom::parser& validator);

}  // namespace stedi
