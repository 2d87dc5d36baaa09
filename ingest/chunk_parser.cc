#include "ingest/chunk_parser.h"

#include <cstring>

#include "ingest/array_elements.h"

namespace stedi {

namespace {

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// Handles one record; returns false when the chunk must stop (kFail).
bool TakeRecord(std::string_view record, uint64_t line, BadRecordMode mode, RecordParser& parser,
                ChunkOutput* out) {
  if (parser.Parse(record.data(), record.size())) {
    parser.AppendTo(out->columns);
    ++out->loaded;
    out->unknown_fields += parser.unknown_fields();
    return true;
  }
  ++out->rejected;
  if (mode == BadRecordMode::kSkip) return true;
  out->rejects.push_back(RejectedRecord{"", line, parser.reason(), std::string(record)});
  out->failed = mode == BadRecordMode::kFail;
  return !out->failed;
}

}  // namespace

std::vector<Column> MakeColumns(const Schema& schema) {
  std::vector<Column> columns;
  columns.reserve(schema.size());
  for (const Field& f : schema.fields()) columns.emplace_back(f.type);
  return columns;
}

void ParseLines(std::string_view text, BadRecordMode mode, RecordParser& parser, ChunkOutput* out) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* line_end = nl != nullptr ? nl : end;
    std::string_view line(p, static_cast<size_t>(line_end - p));
    p = nl != nullptr ? nl + 1 : end;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++out->lines;
    // Records start with '{'; checking that first skips the blank test.
    if (line.empty() || (line[0] != '{' && IsBlank(line))) {
      ++out->blank;
      continue;
    }
    if (!TakeRecord(line, out->lines, mode, parser, out)) return;
  }
}

void ParseArray(std::string_view text, BadRecordMode mode, RecordParser& parser, ChunkOutput* out) {
  std::string_view rest;
  const std::string broken = ForEachArrayElement(
      text,
      [&](std::string_view element, uint64_t index) {
        ++out->lines;
        return TakeRecord(element, index, mode, parser, out);
      },
      &rest);
  if (broken.empty()) return;
  ++out->lines;
  ++out->rejected;
  if (mode == BadRecordMode::kSkip) return;
  out->rejects.push_back(RejectedRecord{"", out->lines, broken, std::string(rest)});
  out->failed = mode == BadRecordMode::kFail;
}

}  // namespace stedi
