#include "ingest/json_value_check.h"

namespace stedi {

namespace ondemand = simdjson::ondemand;
using ondemand::json_type;

std::string_view JsonTypeName(json_type type) {
  switch (type) {
    case json_type::array:
      return "array";
    case json_type::object:
      return "object";
    case json_type::number:
      return "number";
    case json_type::string:
      return "string";
    case json_type::boolean:
      return "bool";
    case json_type::null:
      return "null";
  }
  return "?";
}

bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

std::string_view TrimJsonSpaceRight(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

simdjson::error_code CheckJsonValue(ondemand::value& v, simdjson::dom::parser& validator) {
  json_type type;
  if (auto e = v.type().get(type)) return e;
  std::string_view raw;
  switch (type) {
    case json_type::string:
      return v.get_string().error();
    case json_type::boolean:
      return v.get_bool().error();
    case json_type::null: {
      bool is_null = false;
      if (auto e = v.is_null().get(is_null)) return e;
      return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    case json_type::number: {
      const std::string_view token = TrimJsonSpaceRight(v.raw_json_token());
      const simdjson::error_code e = v.get_double().error();
      return e == simdjson::NUMBER_ERROR && IsJsonNumber(token) ? simdjson::SUCCESS : e;
    }
    case json_type::object: {
      ondemand::object object;
      if (auto e = v.get_object().get(object)) return e;
      if (auto e = object.raw_json().get(raw)) return e;
      break;
    }
    case json_type::array: {
      ondemand::array array;
      if (auto e = v.get_array().get(array)) return e;
      if (auto e = array.raw_json().get(raw)) return e;
      break;
    }
  }
  // `raw` lies inside the record, so the record's padding covers it.
  simdjson::dom::element ignored;
  return validator.parse(raw.data(), raw.size(), false).get(ignored);
}

}  // namespace stedi
