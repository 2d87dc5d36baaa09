// ParseFileRange: one byte range of a JSON Lines file, read through a window.
//
// Plain files are not loaded whole: each parallel task reads its range with
// pread into a small per-thread window that stays in cache and is reused,
// which on a memory-bound machine beats both reading the file into fresh
// memory and mapping it (see docs/INGEST.md, "Threading and memory").
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "ingest/chunk_parser.h"
#include "ingest/padded_text.h"

namespace stedi {

// Parses, with `parser`, the lines of the file at `path` whose first byte
// lies in [begin, end): a line belongs to the range its first byte is in, so
// ranges that tile a file parse each line exactly once. A UTF-8 byte order
// mark at offset 0 is skipped. `window` is scratch memory, grown as needed
// for lines longer than it. A file that shrinks meanwhile just ends early.
// Returns NotFound or IOError naming the file.
Status ParseFileRange(const std::string& path, uint64_t begin, uint64_t end, PaddedText* window,
                      ChunkParser* parser);

}  // namespace stedi
