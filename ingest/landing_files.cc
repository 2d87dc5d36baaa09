#include "ingest/landing_files.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace stedi {

namespace fs = std::filesystem;

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A name that promises JSON but is not a regular file is an error, not
// skipped: a folder "x.json" (as Spark writes them), a FIFO, or a broken or
// looping symlink would otherwise be data left out without a word.
Status CheckRegularFile(const std::string& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);  // follows symlinks
  if (ec) return Status::IOError(path + ": cannot stat: " + ec.message());
  if (fs::is_directory(st)) {
    return Status::InvalidArgument(path + ": is a directory, not a JSON file");
  }
  if (!fs::is_regular_file(st)) {
    return Status::InvalidArgument(path + ": not a regular file (a FIFO, socket or device)");
  }
  return Status::OK();
}

}  // namespace

bool IsLandingFileName(const std::string& name) {
  std::string_view base = name;
  for (std::string_view codec : {".gz", ".zst"}) {
    if (EndsWith(base, codec)) {
      base.remove_suffix(codec.size());
      break;
    }
  }
  for (std::string_view ext : {".json", ".jsonl", ".ndjson"}) {
    // A bare ".json" is a hidden file, not a name with an extension.
    if (EndsWith(base, ext) && base.size() > ext.size()) return true;
  }
  return false;
}

Result<std::vector<std::string>> ListLandingFiles(const std::string& dir) {
  std::error_code ec;
  const fs::file_status st = fs::status(dir, ec);
  if (!fs::exists(st)) return Status::NotFound(dir + ": no such directory");
  if (!fs::is_directory(st)) return Status::InvalidArgument(dir + ": not a directory");
  std::vector<std::string> names;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || !IsLandingFileName(name)) continue;
    names.push_back(name);
  }
  if (ec) return Status::IOError(dir + ": cannot list: " + ec.message());
  std::sort(names.begin(), names.end());
  std::vector<std::string> paths;
  paths.reserve(names.size());
  for (const std::string& name : names) {
    paths.push_back((fs::path(dir) / name).string());
    STEDI_RETURN_IF_ERROR(CheckRegularFile(paths.back()));
  }
  return paths;
}

}  // namespace stedi
