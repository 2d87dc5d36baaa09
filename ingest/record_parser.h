// RecordParser: one JSON record into one row of typed values for a schema.
//
// The hot loop of ingest. Records in the expected shape are read by
// FlatRecordScanner; any other is parsed with simdjson On-Demand, matching
// keys to fields with FieldMatcher and checking each value against its
// field's type (docs/INGEST.md, "Type rules"). Values are staged so that a
// record is appended whole or not at all. One parser per thread.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "ingest/column_builder.h"
#include "ingest/field_matcher.h"
#include "ingest/flat_record_scanner.h"
#include "ingest/staged_value.h"

namespace stedi {

class RecordParser {
 public:
  // Records longer than max_record_bytes are rejected unparsed.
  RecordParser(const Schema& schema, size_t max_record_bytes);

  // Parses the record of `size` bytes at `data`.
  // REQUIRES: size + PaddedText::kPadding bytes are readable at `data`.
  // Returns true with the values staged, or false with reason() set.
  bool Parse(const char* data, size_t size);
  const std::string& reason() const { return reason_; }
  // Keys of the last record that named no field (ignored).
  uint64_t unknown_fields() const { return unknown_keys_.size(); }

  // Appends the staged values as one row of `columns`.
  // REQUIRES: the last Parse returned true; columns match the schema.
  void AppendTo(std::vector<ColumnBuilder>& columns) const;

 private:
  using SlotState = StagedState;
  using Slot = StagedValue;
  using Value = simdjson::ondemand::value;

  bool ParseObject(simdjson::ondemand::object& object);
  bool ParseKey(simdjson::ondemand::field& field, std::string_view* key);
  bool ParseField(Value& v, size_t index);
  bool ParseFieldSlow(Value& v, size_t index);
  bool ParseInteger(Value& v, size_t index, Slot& slot);
  bool ParseScalarAsText(Value& v, simdjson::ondemand::json_type type, Slot& slot);
  bool SkipUnknown(Value& v, std::string_view key);
  bool CheckRequired();

  bool Fail(std::string reason);
  bool FailJson(simdjson::error_code error);
  bool FailNumber(simdjson::error_code error, std::string_view token, size_t index);
  bool FailNotObject(simdjson::ondemand::document& doc, simdjson::ondemand::json_type type);
  bool FailField(size_t index, const std::string& what);

  Schema schema_;
  std::vector<TypeId> types_;
  std::vector<size_t> required_;  // fields that are not nullable
  FieldMatcher matcher_;
  FlatRecordScanner scanner_;
  size_t max_record_bytes_;
  simdjson::ondemand::parser parser_;
  simdjson::dom::parser validator_;  // checks nested values of unknown keys
  std::vector<Slot> slots_;
  std::vector<std::string> unknown_keys_;  // lowercased, of the current record
  std::string reason_;
};

}  // namespace stedi
