// JsonWriter: builds compact or indented JSON text.
//
// Hand-written because Debian 12's Boost (1.74) predates Boost.JSON and
// simdjson only parses; output must be valid JSON even for strings holding
// invalid UTF-8 (bytes that are not valid UTF-8 are written as \u00XX escapes
// of each byte, so the text round-trips through any JSON parser).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stedi {

class JsonWriter {
 public:
  // indent = 0: one line; otherwise pretty-printed with that many spaces.
  explicit JsonWriter(int indent = 0) : indent_(indent) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // Inside an object: the next value's key.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Uint(uint64_t v);
  JsonWriter& Double(double v);  // NaN and infinities become null
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // Inserts already-serialized JSON as one value.
  JsonWriter& Raw(std::string_view json);

  const std::string& str() const { return out_; }

 private:
  void BeforeValue();
  void Newline();
  int indent_;
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends `s` as a quoted JSON string to `out` (escaping as described above).
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace stedi
