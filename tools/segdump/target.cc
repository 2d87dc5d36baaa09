#include "tools/segdump/target.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "storage/segment_format.h"

namespace stedi::segdump {
namespace fs = std::filesystem;

const char* TargetKindName(TargetKind kind) {
  switch (kind) {
    case TargetKind::kSegment:
      return "segment";
    case TargetKind::kTable:
      return "table";
    case TargetKind::kLake:
      return "lake";
  }
  return "?";
}

namespace {

bool StartsWithSegmentMagic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[sizeof kSegmentMagic] = {};
  in.read(magic, sizeof magic);
  return in.gcount() == sizeof magic && std::memcmp(magic, kSegmentMagic, sizeof magic) == 0;
}

std::vector<std::string> SegmentFilesIn(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (IsSegmentFileName(name) && entry.is_regular_file(ec)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (std::string& n : names) n = (fs::path(dir) / n).string();
  return names;
}

// A table folder inside a lake is named as the catalog names it, so that
// --ddl on lake/customer/trusted says customer_trusted, not "trusted".
std::string TableNameOf(const std::string& dir) {
  std::error_code ec;
  fs::path folder = fs::absolute(dir, ec);
  fs::path up = folder.parent_path();
  for (int level = 0; level < 3 && !up.empty(); ++level, up = up.parent_path()) {
    if (!fs::exists(up / "catalog.json", ec)) continue;
    auto catalog = ReadCatalog(up.string());
    if (!catalog.ok()) break;
    for (const CatalogTable& t : catalog->tables) {
      if (fs::equivalent(up / t.path, folder, ec)) return t.name;
    }
    break;
  }
  std::string name = folder.filename().string();
  if (name.empty() || name == ".") name = folder.parent_path().filename().string();
  return name.empty() ? "segments" : name;
}

}  // namespace

Result<Target> ResolveTarget(const std::string& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) return Status::NotFound(path + ": no such file or folder");
  Target t;
  t.path = path;
  if (fs::is_regular_file(st)) {
    if (!StartsWithSegmentMagic(path) && !IsSegmentFileName(fs::path(path).filename().string())) {
      return Status::NotFound(path +
                              ": not a segment file (no STEDISEG magic, not named seg-*.sds)");
    }
    t.kind = TargetKind::kSegment;
    t.segment_files = {path};
    t.name = TableNameOf(fs::path(path).parent_path().string());
    return t;
  }
  if (!fs::is_directory(st)) return Status::NotFound(path + ": not a regular file or folder");
  if (fs::exists(fs::path(path) / "catalog.json", ec)) {
    auto catalog = ReadCatalog(path);
    if (!catalog.ok()) return Status::Corruption(catalog.status().message());
    t.kind = TargetKind::kLake;
    t.catalog = std::move(catalog).value();
    return t;
  }
  t.segment_files = SegmentFilesIn(path);
  if (t.segment_files.empty()) {
    return Status::NotFound(path +
                            ": not a table folder (no seg-*.sds files) and not a lake folder "
                            "(no catalog.json)");
  }
  t.kind = TargetKind::kTable;
  t.name = TableNameOf(path);
  return t;
}

Target LakeTableTarget(const Target& lake, const CatalogTable& table) {
  Target t;
  t.kind = TargetKind::kTable;
  t.path = (fs::path(lake.path) / table.path).string();
  t.name = table.name;
  t.segment_files = SegmentFilesIn(t.path);
  return t;
}

Result<Target> SelectLakeTable(const Target& lake, const std::string& name) {
  const CatalogTable* table = lake.catalog->Find(name);
  if (table == nullptr) {
    std::string names;
    for (const CatalogTable& t : lake.catalog->tables)
      names += (names.empty() ? "" : ", ") + t.name;
    return Status::InvalidArgument(lake.path + ": no table '" + name +
                                   "' in the catalog (tables: " + names + ")");
  }
  return LakeTableTarget(lake, *table);
}

Result<Segments> OpenSegments(const Target& target) {
  if (target.segment_files.empty()) {
    return Status::IOError(target.path + ": table folder holds no seg-*.sds files");
  }
  Segments segments;
  for (const std::string& file : target.segment_files) {
    STEDI_ASSIGN_OR_RETURN(auto reader, SegmentReader::Open(file));
    if (!segments.empty() && !(reader->schema() == segments[0]->schema())) {
      return Status::Corruption(file + ": schema (" + reader->schema().ToString() +
                                ") differs from " + segments[0]->path() + " (" +
                                segments[0]->schema().ToString() + ")");
    }
    segments.push_back(std::move(reader));
  }
  return segments;
}

}  // namespace stedi::segdump
