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

}  // namespace

std::vector<ColumnBuilder> MakeBuilders(const Schema& schema, size_t rows) {
  std::vector<ColumnBuilder> builders;
  builders.reserve(schema.size());
  for (const Field& f : schema.fields()) {
    builders.emplace_back(f.type);
    builders.back().Reserve(rows);
  }
  return builders;
}

ChunkParser::ChunkParser(const Schema& schema, BadRecordMode mode, RecordParser& parser,
                         size_t expected_rows, ChunkOutput* out)
    : mode_(mode), parser_(parser), builders_(MakeBuilders(schema, expected_rows)), out_(out) {}

ChunkParser::ChunkParser(BadRecordMode mode, RecordParser& parser,
                         std::vector<ColumnBuilder> builders, ChunkOutput* out)
    : mode_(mode), parser_(parser), builders_(std::move(builders)), out_(out) {}

bool ChunkParser::TakeRecord(std::string_view record, uint64_t line) {
  // All builders hold the same number of rows, so the first speaks for all.
  if (!builders_.empty() && builders_.front().full()) {
    out_->overflow = true;
    return false;
  }
  if (parser_.Parse(record.data(), record.size())) {
    parser_.AppendTo(builders_);
    ++out_->loaded;
    out_->unknown_fields += parser_.unknown_fields();
    return true;
  }
  ++out_->rejected;
  if (mode_ == BadRecordMode::kSkip) return true;
  out_->rejects.push_back(RejectedRecord{"", line, parser_.reason(), std::string(record)});
  out_->failed = mode_ == BadRecordMode::kFail;
  return !out_->failed;
}

bool ChunkParser::TakeLines(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end && !stopped()) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* line_end = nl != nullptr ? nl : end;
    std::string_view line(p, static_cast<size_t>(line_end - p));
    p = nl != nullptr ? nl + 1 : end;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++out_->lines;
    // Records start with '{'; checking that first skips the blank test.
    if (line.empty() || (line[0] != '{' && IsBlank(line))) {
      ++out_->blank;
      continue;
    }
    TakeRecord(line, out_->lines);
  }
  return !stopped();
}

bool ChunkParser::TakeArray(std::string_view text) {
  std::string_view rest;
  const std::string broken = ForEachArrayElement(
      text,
      [&](std::string_view element, uint64_t index) {
        ++out_->lines;
        return TakeRecord(element, index);
      },
      &rest);
  if (broken.empty() || out_->overflow) return !stopped();
  ++out_->lines;
  ++out_->rejected;
  if (mode_ == BadRecordMode::kSkip) return true;
  out_->rejects.push_back(RejectedRecord{"", out_->lines, broken, std::string(rest)});
  out_->failed = mode_ == BadRecordMode::kFail;
  return !out_->failed;
}

void ChunkParser::Finish() {
  out_->columns.clear();
  out_->parts.clear();
  for (ColumnBuilder& b : builders_) {
    if (b.shared()) {
      out_->parts.push_back(b.FinishPart());
    } else {
      out_->columns.push_back(b.Finish());
    }
  }
}

}  // namespace stedi
