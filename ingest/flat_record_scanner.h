// FlatRecordScanner: the fast path for records in the expected shape.
//
// Nearly every line of a landing file is a flat object whose keys spell the
// schema's field names, each once, with values of the declared types. This
// scanner reads such a record in one pass over its bytes, guided by the
// schema (the next key is expected to be the next field), without simdjson's
// structural index. It accepts only a strict subset of JSON on which its
// result is exactly the full parser's (RecordParser): anything else (escapes,
// unknown or repeated keys, a value of another type, a number it cannot
// convert exactly, invalid UTF-8, ...) makes it give up, and the full parser
// then decides, so every error message still comes from one place.
#pragma once

#include <string>
#include <vector>

#include "core/types.h"
#include "ingest/field_matcher.h"
#include "ingest/staged_value.h"

namespace stedi {

class FlatRecordScanner {
 public:
  explicit FlatRecordScanner(const Schema& schema);

  // Parses the record of `size` bytes at `data` into `values` (one per field)
  // and returns true, or returns false with `values` in any state when the
  // record is not one it accepts. Required fields are not checked here.
  // REQUIRES: PaddedText::kPadding bytes readable after data + size; every
  // one of the schema.size() values is kAbsent.
  bool Scan(const char* data, size_t size, StagedValue* values) const;

 private:
  const char* ScanKey(const char* p, const char* last, size_t hint, size_t* field) const;
  const char* ScanValue(const char* p, const char* last, TypeId type, StagedValue& value) const;

  // Each name, its closing quote, and 8 bytes of padding for word compares.
  std::vector<std::string> quoted_names_;
  std::vector<bool> plain_names_;  // names that need no escape in JSON: compared as bytes
  std::vector<TypeId> types_;
  FieldMatcher matcher_;
};

}  // namespace stedi
