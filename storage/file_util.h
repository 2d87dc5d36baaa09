// File system helpers for table folders: atomic writes and listings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace stedi {

// Creates `dir` and its parents when missing.
Status CreateDirs(const std::string& dir);

// Writes `data` to dir/name so that readers see the old file or the whole new
// one, never a part: write to dir/name.tmp, fsync, rename over dir/name, fsync
// the directory. With sync false the two fsyncs are left to the caller (the
// file is then only safe from a crash of the process, not of the machine).
Status WriteFileAtomically(const std::string& dir, const std::string& name, std::string_view data,
                           bool sync = true);

// Names (not paths) of the entries of `dir` for which keep(name) is true, sorted.
Result<std::vector<std::string>> ListDir(const std::string& dir, bool (*keep)(const std::string&));

Status RemoveFile(const std::string& path);

}  // namespace stedi
