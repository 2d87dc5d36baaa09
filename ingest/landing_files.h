// ListLandingFiles: the JSON files of one landing folder.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace stedi {

// The files directly in `dir` (not recursive) whose names end in .json,
// .jsonl or .ndjson, optionally followed by .gz or .zst, sorted by name, as
// paths "dir/name". Hidden files (leading '.') are skipped.
// A listed name that is not a regular file (following symlinks) is an
// error, the first in name order: InvalidArgument for a directory, FIFO,
// socket or device, IOError for a broken or looping symlink.
// NotFound when `dir` does not exist; InvalidArgument when it is not a
// directory; IOError when it cannot be listed.
Result<std::vector<std::string>> ListLandingFiles(const std::string& dir);

// True when `name` has one of the extensions above.
bool IsLandingFileName(const std::string& name);

}  // namespace stedi
