#include "tools/segdump/verify.h"

#include <xxhash.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "storage/column_stats.h"
#include "storage/mapped_file.h"

namespace stedi::segdump {
namespace {

struct Tally {
  std::vector<std::string> problems;
  uint64_t files = 0;
  uint64_t chunks = 0;
  uint64_t rows = 0;

  // Storage messages may hold several problems, one per line.
  void Add(const std::string& message) {
    std::istringstream lines(message);
    for (std::string line; std::getline(lines, line);) problems.push_back(line);
  }
};

std::string ChunkPlace(const SegmentReader& seg, size_t g, size_t c) {
  return seg.path() + ": offset " + std::to_string(seg.chunk(g, c).offset) + ": row group " +
         std::to_string(g) + " column '" + seg.schema().field(c).name + "': ";
}

void CheckStats(const SegmentReader& seg, size_t g, size_t c, const Column& col, Tally* tally) {
  const ChunkMeta& meta = seg.chunk(g, c);
  const ChunkStats actual = ComputeChunkStats(col, 0, col.size());
  const auto stat = [](bool known, const Value& v) { return known ? v.ToString() : "none"; };
  if (actual.null_count != meta.null_count) {
    tally->Add(ChunkPlace(seg, g, c) + "footer says " + std::to_string(meta.null_count) +
               " nulls, the data holds " + std::to_string(actual.null_count));
  }
  if (actual.has_min_max != meta.has_min_max ||
      (actual.has_min_max && !(actual.min == meta.min && actual.max == meta.max))) {
    tally->Add(ChunkPlace(seg, g, c) + "footer min/max " + stat(meta.has_min_max, meta.min) + "/" +
               stat(meta.has_min_max, meta.max) + " differ from the data's " +
               stat(actual.has_min_max, actual.min) + "/" + stat(actual.has_min_max, actual.max));
  }
}

void CheckSegment(const SegmentReader& seg, Tally* tally) {
  for (size_t g = 0; g < seg.num_row_groups(); ++g) {
    for (size_t c = 0; c < seg.schema().size(); ++c) {
      ++tally->chunks;
      auto col = seg.ReadColumnChunk(g, c);
      if (!col.ok()) {
        tally->Add(col.status().message());
        continue;
      }
      CheckStats(seg, g, c, *col, tally);
    }
  }
  tally->rows += seg.metadata().rows();
}

void CheckSegments(const Target& target, Tally* tally) {
  if (target.segment_files.empty()) tally->Add(target.path + ": no seg-*.sds files");
  std::unique_ptr<SegmentReader> first;
  for (const std::string& file : target.segment_files) {
    ++tally->files;
    auto seg = SegmentReader::Open(file);
    if (!seg.ok()) {
      tally->Add(seg.status().message());
      continue;
    }
    if (first && !((*seg)->schema() == first->schema())) {
      tally->Add(file + ": schema (" + (*seg)->schema().ToString() + ") differs from " +
                 first->path() + " (" + first->schema().ToString() + ")");
    }
    CheckSegment(**seg, tally);
    if (!first) first = std::move(seg).value();
  }
}

std::string ChecksumText(uint64_t checksum) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "xxh3:%016" PRIx64, checksum);
  return buf;
}

void CheckCatalogFile(const std::string& dir, const CatalogFile& f, Tally* tally) {
  const std::string path = (std::filesystem::path(dir) / f.name).string();
  auto file = MappedFile::Open(path);
  if (!file.ok()) {
    tally->Add(path + ": listed in catalog.json but cannot be read: " + file.status().message());
    return;
  }
  if ((*file)->size() != f.bytes) {
    tally->Add(path + ": " + std::to_string((*file)->size()) + " bytes, catalog.json says " +
               std::to_string(f.bytes));
  }
  const std::string sum = ChecksumText(XXH3_64bits((*file)->data().data(), (*file)->size()));
  if (sum != f.checksum) {
    tally->Add(path + ": whole-file checksum " + sum + ", catalog.json says " + f.checksum);
  }
  auto seg = SegmentReader::Open(path);
  if (seg.ok() && (*seg)->metadata().rows() != f.rows) {
    tally->Add(path + ": " + std::to_string((*seg)->metadata().rows()) +
               " rows, catalog.json says " + std::to_string(f.rows));
  }
}

void CheckLakeTable(const Target& table, const CatalogTable& entry, Tally* tally) {
  for (const CatalogFile& f : entry.files) CheckCatalogFile(table.path, f, tally);
  for (const std::string& file : table.segment_files) {
    const std::string name = std::filesystem::path(file).filename().string();
    if (std::none_of(entry.files.begin(), entry.files.end(),
                     [&](const CatalogFile& f) { return f.name == name; })) {
      tally->Add(file + ": segment file not listed in catalog.json for table " + entry.name);
    }
  }
  const uint64_t rows_before = tally->rows;
  CheckSegments(table, tally);
  if (tally->rows - rows_before != entry.rows) {
    tally->Add(table.path + ": table " + entry.name + " holds " +
               std::to_string(tally->rows - rows_before) + " rows, catalog.json says " +
               std::to_string(entry.rows));
  }
}

}  // namespace

Status VerifyTarget(const Target& target, std::ostream& out) {
  Tally tally;
  if (target.kind == TargetKind::kLake) {
    for (const CatalogTable& t : target.catalog->tables) {
      CheckLakeTable(LakeTableTarget(target, t), t, &tally);
    }
  } else {
    CheckSegments(target, &tally);
  }
  for (const std::string& p : tally.problems) out << p << "\n";
  if (tally.problems.empty()) {
    out << "OK " << target.path << ": " << tally.files
        << (tally.files == 1 ? " file, " : " files, ") << tally.rows << " rows, " << tally.chunks
        << " chunks checked and decoded\n";
    return Status::OK();
  }
  const std::string count = std::to_string(tally.problems.size()) +
                            (tally.problems.size() == 1 ? " problem" : " problems");
  out << count << " found in " << target.path << "\n";
  return Status::Corruption(target.path + ": --verify found " + count);
}

}  // namespace stedi::segdump
