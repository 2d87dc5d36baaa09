// Counting records before parsing them.
//
// Ingest tasks write their rows straight into the final columns, so each
// task must know, before it parses, how many rows it may write: its lines
// (or array elements), counted far more cheaply than they are parsed.
#pragma once

#include <cstdint>
#include <string_view>

namespace stedi {

// The number of '\n' bytes in `text`.
uint64_t CountNewlines(std::string_view text);

// The lines ChunkParser::TakeLines(text) reads: one per newline, plus a
// last one without its newline.
uint64_t CountLines(std::string_view text);

// At least the elements ChunkParser::TakeArray(text) reads (exactly them,
// plus one for a broken tail). REQUIRES: IsJsonArrayText(text).
uint64_t CountArrayElements(std::string_view text);

}  // namespace stedi
