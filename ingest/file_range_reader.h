// ReadFileRange: one byte range of a JSON Lines file, read into a window.
//
// Plain files are not loaded whole: each parallel task reads its range with
// pread into a per-thread window that is reused (and, for ranges of the
// default size, stays in cache), which on a memory-bound machine beats both
// reading the file into fresh memory and mapping it (see docs/INGEST.md,
// "Threading and memory").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/chunk_parser.h"
#include "ingest/padded_text.h"

namespace stedi {

// The window's size to begin with: it fits in L2 with room to spare, and
// ranges a little smaller than it are read in one go.
constexpr size_t kRangeWindowBytes = size_t{1} << 20;

// Reads into `window` the lines of the file at `path` whose first byte lies
// in [begin, end), and sets *lines to them: a line belongs to the range its
// first byte is in, so ranges that tile a file read each line exactly once.
// A UTF-8 byte order mark at offset 0 is skipped. The window grows to hold
// the range's lines (and stays grown); after *lines, kPadding bytes are
// readable: the file's next bytes, then zeros. A file that shrinks
// meanwhile just ends early. Returns NotFound or IOError naming the file.
Status ReadFileRange(const std::string& path, uint64_t begin, uint64_t end, PaddedText* window,
                     std::string_view* lines);

// ReadFileRange, then parser->TakeLines of the lines read.
Status ParseFileRange(const std::string& path, uint64_t begin, uint64_t end, PaddedText* window,
                      ChunkParser* parser);

}  // namespace stedi
