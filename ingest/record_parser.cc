#include "ingest/record_parser.h"

#include <cmath>
#include <utility>

#include "ingest/json_value_check.h"
#include "ingest/padded_text.h"

namespace stedi {

namespace ondemand = simdjson::ondemand;
using ondemand::json_type;
using simdjson::error_code;

namespace {

// A token for a message: trailing whitespace trimmed, long ones shortened.
std::string Excerpt(std::string_view token) {
  token = TrimJsonSpaceRight(token);
  if (token.size() > 40) return std::string(token.substr(0, 37)) + "...";
  return std::string(token);
}

}  // namespace

RecordParser::RecordParser(const Schema& schema, size_t max_record_bytes)
    : schema_(schema), matcher_(schema), scanner_(schema), max_record_bytes_(max_record_bytes) {
  for (size_t i = 0; i < schema.size(); ++i) {
    types_.push_back(schema.field(i).type);
    if (!schema.field(i).nullable) required_.push_back(i);
  }
  slots_.resize(schema.size());
}

bool RecordParser::Fail(std::string reason) {
  reason_ = std::move(reason);
  return false;
}

bool RecordParser::FailJson(error_code error) {
  if (error == simdjson::UTF8_ERROR) return Fail("invalid UTF-8");
  return Fail(std::string("invalid JSON: ") + simdjson::error_message(error));
}

bool RecordParser::FailNumber(error_code error, std::string_view token, size_t index) {
  // simdjson refuses numbers past the double range (1e400), which JSON allows.
  if (error == simdjson::NUMBER_ERROR && IsJsonNumber(TrimJsonSpaceRight(token))) {
    return FailField(
        index, Excerpt(token) + " is out of range for " + std::string(TypeName(types_[index])));
  }
  return FailJson(error);
}

bool RecordParser::FailField(size_t index, const std::string& what) {
  return Fail("field '" + schema_.field(index).name + "': " + what);
}

bool RecordParser::Parse(const char* data, size_t size) {
  for (Slot& s : slots_) s.state = SlotState::kAbsent;
  unknown_keys_.clear();
  if (size > max_record_bytes_) {
    return Fail("record of " + std::to_string(size) + " bytes is over the limit of " +
                std::to_string(max_record_bytes_) + " bytes");
  }
  if (scanner_.Scan(data, size, slots_.data())) return CheckRequired();
  // Not the expected shape, maybe not even JSON: the full parser decides.
  for (Slot& s : slots_) s.state = SlotState::kAbsent;
  ondemand::document doc;
  if (auto e = parser_.iterate(data, size, size + PaddedText::kPadding).get(doc)) {
    return FailJson(e);
  }
  json_type type;
  if (auto e = doc.type().get(type)) return FailJson(e);
  if (type != json_type::object) return FailNotObject(doc, type);
  ondemand::object object;
  if (auto e = doc.get_object().get(object)) return FailJson(e);
  if (!ParseObject(object)) return false;
  // At the end of the document, current_location() reports OUT_OF_BOUNDS.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    return Fail("invalid JSON: trailing content after the record");
  }
  return CheckRequired();
}

bool RecordParser::FailNotObject(ondemand::document& doc, json_type type) {
  // A scalar that is not even valid JSON ("not json") is reported as such.
  error_code e = simdjson::SUCCESS;
  if (type == json_type::null) {
    bool is_null = false;
    e = doc.is_null().get(is_null);
    if (!e && !is_null) e = simdjson::N_ATOM_ERROR;
  } else if (type == json_type::boolean) {
    e = doc.get_bool().error();
  } else if (type == json_type::string) {
    e = doc.get_string().error();
  } else if (type == json_type::number) {
    e = doc.get_double().error();
  }
  if (e) return FailJson(e);
  return Fail("record is not a JSON object (got " + std::string(JsonTypeName(type)) + ")");
}

bool RecordParser::ParseObject(ondemand::object& object) {
  size_t hint = 0;
  for (auto&& field_result : object) {
    ondemand::field field;
    if (auto e = std::move(field_result).get(field)) return FailJson(e);
    std::string_view key;
    if (!ParseKey(field, &key)) return false;
    const int index = matcher_.Match(key, hint);
    if (index < 0) {
      if (!SkipUnknown(field.value(), key)) return false;
      continue;
    }
    Slot& slot = slots_[index];
    if (slot.state != SlotState::kAbsent) {
      if (slot.key == key) return Fail("duplicate key '" + std::string(key) + "'");
      return Fail("keys '" + std::string(slot.key) + "' and '" + std::string(key) +
                  "' differ only in case");
    }
    slot.key = key;
    if (!ParseField(field.value(), static_cast<size_t>(index))) return false;
    hint = static_cast<size_t>(index) + 1;
  }
  return true;
}

bool RecordParser::ParseKey(ondemand::field& field, std::string_view* key) {
  // Keys are read in place; only a key with an escape is unescaped (rare).
  const char* begin = field.key().raw();
  const char* p = begin;
  while (*p != '"' && *p != '\\') ++p;
  if (*p == '"') {
    *key = std::string_view(begin, static_cast<size_t>(p - begin));
    return true;
  }
  if (auto e = field.unescaped_key().get(*key)) return FailJson(e);
  return true;
}

bool RecordParser::ParseField(Value& v, size_t index) {
  // Fast path: ask for the declared type straight away. A getter that fails
  // leaves the value unread, so the slow path can look at it afresh.
  Slot& slot = slots_[index];
  error_code e = simdjson::INCORRECT_TYPE;
  switch (types_[index]) {
    case TypeId::kDouble:
      e = v.get_double().get(slot.d);
      break;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
      e = v.get_int64().get(slot.i);
      break;
    case TypeId::kString:
      // A string getter consumes the string even when it then fails.
      e = v.get_string().get(slot.s);
      if (e && e != simdjson::INCORRECT_TYPE) return FailJson(e);
      break;
    default:
      break;
  }
  if (!e) {
    slot.state = SlotState::kValue;
    return true;
  }
  return ParseFieldSlow(v, index);
}

bool RecordParser::ParseFieldSlow(Value& v, size_t index) {
  Slot& slot = slots_[index];
  json_type type;
  if (auto e = v.type().get(type)) return FailJson(e);
  if (type == json_type::null) {
    bool is_null = false;
    if (auto e = v.is_null().get(is_null)) return FailJson(e);
    if (!is_null) return Fail("invalid JSON: bad literal " + Excerpt(v.raw_json_token()));
    slot.state = SlotState::kNull;
    return true;
  }
  const TypeId want = types_[index];
  error_code e = simdjson::SUCCESS;
  if (want == TypeId::kString && type == json_type::string) {
    e = v.get_string().get(slot.s);
  } else if (want == TypeId::kDouble && type == json_type::number) {
    const std::string_view token = v.raw_json_token();
    if (auto e2 = v.get_double().get(slot.d)) return FailNumber(e2, token, index);
  } else if (IsIntegerType(want) && type == json_type::number) {
    return ParseInteger(v, index, slot);
  } else if (want == TypeId::kBool && type == json_type::boolean) {
    bool b = false;
    e = v.get_bool().get(b);
    slot.i = b ? 1 : 0;
  } else if (want == TypeId::kString && (type == json_type::number || type == json_type::boolean)) {
    if (!ParseScalarAsText(v, type, slot)) return false;
  } else {
    return FailField(index, "expected " + std::string(TypeName(want)) + ", got " +
                                std::string(JsonTypeName(type)));
  }
  if (e) return FailJson(e);
  slot.state = SlotState::kValue;
  return true;
}

bool RecordParser::ParseInteger(Value& v, size_t index, Slot& slot) {
  const TypeId want = types_[index];
  const std::string_view token = v.raw_json_token();
  ondemand::number_type kind;
  if (auto e = v.get_number_type().get(kind)) return FailJson(e);
  int64_t value = 0;
  if (kind == ondemand::number_type::signed_integer) {
    // Only digits: a failure that is not a syntax error is an overflow.
    const error_code e = v.get_int64().get(value);
    if (e == simdjson::NUMBER_OUT_OF_RANGE || e == simdjson::INCORRECT_TYPE) {
      kind = ondemand::number_type::unsigned_integer;
    } else if (e) {
      return FailJson(e);
    }
  } else if (kind == ondemand::number_type::floating_point_number) {
    // Integral doubles (3.0, 1e3) are accepted; 2^63 itself is out of range.
    double d = 0;
    if (auto e = v.get_double().get(d)) return FailNumber(e, token, index);
    if (d != std::trunc(d)) {
      return FailField(index, "expected " + std::string(TypeName(want)) +
                                  ", got non-integral number " + Excerpt(token));
    }
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      kind = ondemand::number_type::unsigned_integer;
    } else {
      value = static_cast<int64_t>(d);
    }
  }
  const bool fits = kind != ondemand::number_type::unsigned_integer &&
                    (want != TypeId::kInt32 || (value >= INT32_MIN && value <= INT32_MAX));
  if (!fits) {
    return FailField(index, Excerpt(token) + " is out of range for " + std::string(TypeName(want)));
  }
  slot.i = value;
  slot.state = SlotState::kValue;
  return true;
}

bool RecordParser::ParseScalarAsText(Value& v, json_type type, Slot& slot) {
  // A number or bool in a string field keeps its JSON text ("42", "true"),
  // as DuckDB and Spark do for a column they inferred as string.
  slot.s = TrimJsonSpaceRight(v.raw_json_token());
  error_code e;
  if (type == json_type::number) {
    double d;
    e = v.get_double().get(d);
    if (e == simdjson::NUMBER_ERROR && IsJsonNumber(slot.s)) e = simdjson::SUCCESS;
  } else {
    bool b;
    e = v.get_bool().get(b);
  }
  if (e) return FailJson(e);
  return true;
}

bool RecordParser::SkipUnknown(Value& v, std::string_view key) {
  std::string lower = LowerAscii(key);
  for (const std::string& seen : unknown_keys_) {
    if (seen == lower) return Fail("duplicate key '" + std::string(key) + "' (ignoring case)");
  }
  unknown_keys_.push_back(std::move(lower));
  // The value is ignored but must still be valid JSON.
  if (auto e = CheckJsonValue(v, validator_)) return FailJson(e);
  return true;
}

bool RecordParser::CheckRequired() {
  for (size_t i : required_) {
    if (slots_[i].state == SlotState::kValue) continue;
    return FailField(i, slots_[i].state == SlotState::kNull ? "null in a non-nullable field"
                                                            : "missing (field is not nullable)");
  }
  return true;
}

void RecordParser::AppendTo(std::vector<ColumnBuilder>& columns) const {
  for (size_t i = 0; i < slots_.size(); ++i) {
    const Slot& s = slots_[i];
    ColumnBuilder& c = columns[i];
    if (s.state != SlotState::kValue) {
      c.AppendNull();
      continue;
    }
    switch (types_[i]) {
      case TypeId::kBool:
        c.AppendBool(s.i != 0);
        break;
      case TypeId::kInt32:
        c.AppendInt32(static_cast<int32_t>(s.i));
        break;
      case TypeId::kInt64:
      case TypeId::kTimestamp:
        c.AppendInt64(s.i);
        break;
      case TypeId::kDouble:
        c.AppendDouble(s.d);
        break;
      case TypeId::kString:
        c.AppendString(s.s);
        break;
    }
  }
}

}  // namespace stedi
