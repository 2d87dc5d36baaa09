// Input planning: which files are read in ranges, which whole, and the tasks.
//
// A plain JSON Lines file is cut into byte ranges that threads read and
// parse independently (file_range_reader.h). A compressed file, or one
// holding a top-level JSON array, is loaded whole first: compressed streams
// cannot be entered midway, and an array is one document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/padded_text.h"

namespace stedi {

struct FileInput {
  uint64_t disk_bytes = 0;  // size of the file
  uint64_t json_bytes = 0;  // JSON text: after decompression, without a byte order mark
  bool in_memory = false;   // loaded whole into `text`
  bool is_array = false;    // holds one top-level JSON array (then in_memory)
  // Records the file is expected to hold: counted when in memory, else
  // estimated generously from its head (a guess that may fall short).
  uint64_t expected_records = 0;
  PaddedText text;
};

// One parallel task: a byte range of a file (of `text` when in memory).
struct IngestTask {
  size_t file = 0;
  uint64_t begin = 0;
  uint64_t end = 0;
};

struct InputPlan {
  std::vector<FileInput> files;   // parallel to the paths given
  std::vector<IngestTask> tasks;  // in file order, then byte order
};

// Opens and classifies each file (in parallel on `threads` threads) and cuts
// the work into tasks of about `chunk_bytes`. The first error in file order
// is returned: NotFound, IOError (a directory, an unreadable file) or
// Corruption (damaged compressed data), naming the file.
Result<InputPlan> PlanInput(const std::vector<std::string>& paths, uint64_t chunk_bytes,
                            int threads);

// The chunk size used when none is asked for: a few tasks per thread, so
// uneven files even out, of 256 to 960 KiB (a range is read whole into a
// 1 MiB window, file_range_reader.h).
uint64_t DefaultChunkBytes(const std::vector<std::string>& paths, int threads);

}  // namespace stedi
