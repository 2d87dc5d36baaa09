// Fuzzes the JSON ingest of one record: RecordParser against a fixed schema
// of every type, and schema inference followed by a parse against the
// inferred schema.
//
// Input: one control byte, then the record. Control bit 0 picks inference;
// bit 1 makes the fixed schema's first field required. An accepted record
// must be valid JSON to simdjson's DOM validator and append exactly one row.
#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "fuzz/fuzz_temp_dir.h"
#include "ingest/column_builder.h"
#include "ingest/padded_text.h"
#include "ingest/record_parser.h"
#include "ingest/schema_inference.h"

namespace {

using stedi::fuzz::Check;

constexpr size_t kMaxRecordBytes = size_t{1} << 16;

stedi::Schema FixedSchema(bool required_id) {
  return stedi::Schema({{"id", stedi::TypeId::kInt64, !required_id},
                        {"flag", stedi::TypeId::kBool},
                        {"small", stedi::TypeId::kInt32},
                        {"x", stedi::TypeId::kDouble},
                        {"name", stedi::TypeId::kString},
                        {"ts", stedi::TypeId::kTimestamp},
                        {"Name2", stedi::TypeId::kString}});
}

// Parses the record and, when it is accepted, appends it as one row.
void ParseAndAppend(const stedi::Schema& schema, const std::vector<char>& padded, size_t size) {
  stedi::RecordParser parser(schema, kMaxRecordBytes);
  if (!parser.Parse(padded.data(), size)) {
    Check(!parser.reason().empty(), "a rejected record has a reason");
    return;
  }
  // Never wrong data: what is accepted is a JSON object to a full validator too.
  simdjson::dom::parser validator;
  simdjson::dom::element root;
  const auto error = validator.parse(padded.data(), size, false).get(root);
  // The DOM refuses numbers past 64 bits or the double range, which JSON allows
  // (ingest keeps them as doubles or text); any other error is invalid JSON.
  if (error != simdjson::NUMBER_ERROR) {
    Check(!error && root.is_object(), "an accepted record is a valid JSON object");
  }
  std::vector<stedi::ColumnBuilder> columns;
  for (const stedi::Field& f : schema.fields()) columns.emplace_back(f.type);
  parser.AppendTo(columns);
  for (stedi::ColumnBuilder& c : columns) {
    stedi::Column column = c.Finish();
    Check(column.size() == 1, "an accepted record appends exactly one row");
  }
}

void Infer(const std::vector<char>& padded, size_t size) {
  const auto path = stedi::fuzz::FuzzTempDir() / "record.jsonl";
  stedi::fuzz::WriteFileOrDie(path, std::string_view(padded.data(), size));
  auto schema = stedi::InferSchema({path.string()});
  // gzip or zstd magic with damaged data behind it is Corruption.
  if (!schema.ok()) {
    Check(schema.status().code() == stedi::Status::Code::kCorruption,
          "only damage fails inference");
    return;
  }
  if (schema->size() == 0) return;
  for (size_t j = 0; j < schema->size(); ++j) {
    Check(schema->FindIgnoreCase(schema->field(j).name) == j,
          "inferred field names are distinct ignoring case");
  }
  ParseAndAppend(*schema, padded, size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > kMaxRecordBytes) return 0;
  const uint8_t control = data[0];
  const size_t n = size - 1;
  std::vector<char> padded(n + stedi::PaddedText::kPadding, '\0');
  std::memcpy(padded.data(), data + 1, n);
  if (control & 1) {
    Infer(padded, n);
  } else {
    ParseAndAppend(FixedSchema((control & 2) != 0), padded, n);
  }
  return 0;
}
