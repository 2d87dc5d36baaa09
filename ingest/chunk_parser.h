// ChunkParser: a run of whole lines (or one array file) into columns.
//
// Ingest cuts the input into chunks at line boundaries and parses chunks in
// parallel, each into its own run of rows of the final columns (see
// table_assembly.h). Line numbers here count from 1 at the chunk's first
// line and are fixed up afterwards.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/column.h"
#include "core/status.h"
#include "ingest/bad_record.h"
#include "ingest/column_builder.h"
#include "ingest/record_parser.h"

namespace stedi {

struct ChunkOutput {
  Status status;                  // an I/O error reading the chunk
  std::vector<Column> columns;    // one per schema field, from a parser of its own columns
  std::vector<ColumnPart> parts;  // one per schema field, from a parser of shared rows
  uint64_t lines = 0;             // lines (or array elements) read
  uint64_t loaded = 0;
  uint64_t rejected = 0;
  uint64_t blank = 0;
  uint64_t unknown_fields = 0;  // ignored keys in loaded records
  // Kept in kQuarantine mode, and the first one in kFail mode; `file` is left
  // empty and `line` is relative to the chunk.
  std::vector<RejectedRecord> rejects;
  bool failed = false;  // kFail mode: stopped at rejects.back()
  // Stopped at a record past the shared rows its builders were given (the
  // caller counted fewer records than the text holds: a bug).
  bool overflow = false;
};

class ChunkParser {
 public:
  // Builds columns of its own (ChunkOutput::columns); `expected_rows` sizes
  // them (a guess; they grow if needed).
  ChunkParser(const Schema& schema, BadRecordMode mode, RecordParser& parser, size_t expected_rows,
              ChunkOutput* out);
  // Writes through `builders`, one per schema field: shared rows (left as
  // ChunkOutput::parts; stops with out->overflow at a record they have no
  // row left for) or columns of their own (ChunkOutput::columns).
  ChunkParser(BadRecordMode mode, RecordParser& parser, std::vector<ColumnBuilder> builders,
              ChunkOutput* out);

  // Parses JSON Lines: whole lines, the last possibly without its newline. A
  // line of only spaces, tabs and CR is blank, not a record. May be called
  // again with the lines that follow. Returns false once stopped (kFail or
  // overflow).
  // REQUIRES: PaddedText::kPadding bytes readable after text.
  bool TakeLines(std::string_view text);

  // Parses a file holding one top-level JSON array: each element is a record
  // (its `line` is its 1-based index). When the array itself is broken, its
  // unread tail counts as one more, rejected, record.
  // REQUIRES: as TakeLines, and IsJsonArrayText(text).
  bool TakeArray(std::string_view text);

  // Moves the columns built, or the parts, into the output.
  void Finish();

 private:
  bool TakeRecord(std::string_view record, uint64_t line);
  bool stopped() const { return out_->failed || out_->overflow; }

  BadRecordMode mode_;
  RecordParser& parser_;
  std::vector<ColumnBuilder> builders_;
  ChunkOutput* out_;
};

// Builders of the schema's types, each with room for `rows`.
std::vector<ColumnBuilder> MakeBuilders(const Schema& schema, size_t rows);

}  // namespace stedi
