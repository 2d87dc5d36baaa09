// Chunk parsing: a run of whole lines (or one array file) into columns.
//
// Ingest cuts each file into chunks at line boundaries and parses chunks in
// parallel, each into its own columns; the chunks are concatenated in order
// afterwards. Line numbers here are relative to the chunk and fixed up then.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/column.h"
#include "ingest/bad_record.h"
#include "ingest/record_parser.h"

namespace stedi {

struct ChunkOutput {
  std::vector<Column> columns;  // one per schema field
  uint64_t lines = 0;           // lines (or array elements) read
  uint64_t loaded = 0;
  uint64_t rejected = 0;
  uint64_t blank = 0;
  uint64_t unknown_fields = 0;  // ignored keys in loaded records
  // Kept in kQuarantine mode, and the first one in kFail mode; `file` is left
  // empty and `line` counts from 1 at the chunk's first line.
  std::vector<RejectedRecord> rejects;
  bool failed = false;  // kFail mode: stopped at rejects.back()
};

// Parses the JSON Lines of `text`: whole lines, the last possibly without a
// newline. A line of only spaces, tabs and CR is blank, not a record.
// REQUIRES: PaddedText::kPadding bytes readable after text; out->columns
// empty or matching the parser's schema.
void ParseLines(std::string_view text, BadRecordMode mode, RecordParser& parser, ChunkOutput* out);

// Parses a file holding one top-level JSON array: each element is a record
// (its `line` is its 1-based index). When the array itself is broken, its
// unread tail counts as one more, rejected, record.
// REQUIRES: as ParseLines, and IsJsonArrayText(text).
void ParseArray(std::string_view text, BadRecordMode mode, RecordParser& parser, ChunkOutput* out);

// Columns of the given types, empty.
std::vector<Column> MakeColumns(const Schema& schema);

}  // namespace stedi
