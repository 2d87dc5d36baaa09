#include "tools/segdump/metadata_text.h"

#include <cstdio>
#include <filesystem>

#include "tools/segdump/text_table.h"
#include "tools/segdump/value_text.h"

namespace stedi::segdump {
namespace {

// Long strings would push every other column off screen; --json has them whole.
constexpr size_t kMaxStatChars = 40;

std::string StatText(bool known, const Value& v) {
  if (!known) return "-";
  std::string s = ValueText(v, ValueStyle::kHuman);
  if (s.empty()) return "\"\"";  // an empty string, not a missing value
  if (DisplayWidth(s) <= kMaxStatChars) return s;
  size_t bytes = 0, chars = 0;
  while (bytes < s.size() && chars < kMaxStatChars - 3) {
    ++bytes;
    while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) ++bytes;
    ++chars;
  }
  return s.substr(0, bytes) + "...";
}

// The most used chain; the others are in --row-groups and --json (a list of
// every chain would make the line unreadable on tables with many row groups).
std::string ChainsText(const std::vector<ChainCount>& chains) {
  if (chains.size() == 1) return chains[0].chain;
  uint64_t total = 0;
  for (const ChainCount& c : chains) total += c.row_groups;
  return chains[0].chain + " (" + std::to_string(chains[0].row_groups) + " of " +
         std::to_string(total) + " row groups; " + std::to_string(chains.size() - 1) +
         (chains.size() == 2 ? " other chain)" : " other chains)");
}

std::string BaseName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

void WriteHeader(const TableSummary& t, std::ostream& out) {
  TextTable head({"", ""}, {}, TextTable::Style::kList);
  head.AddRow({"table", t.name});
  head.AddRow(
      {"path", t.path + (t.kind == TargetKind::kSegment ? " (segment file)" : " (table folder)")});
  head.AddRow({"format", "stedi segment v" + std::to_string(kFormatVersion)});
  head.AddRow({"rows", std::to_string(t.rows)});
  head.AddRow({"row groups", std::to_string(t.row_groups)});
  head.AddRow({"bytes", std::to_string(t.file_bytes) + " in files, " +
                            std::to_string(t.stored_bytes) + " in column chunks, " +
                            std::to_string(t.raw_bytes) + " raw (ratio " +
                            RatioText(t.raw_bytes, t.stored_bytes) + ")"});
  std::string sort_by;
  for (const std::string& s : t.sort_by) sort_by += (sort_by.empty() ? "" : ", ") + s;
  head.AddRow({"sort by", sort_by.empty() ? "-" : sort_by});
  head.Write(out);
}

void WriteFiles(const TableSummary& t, std::ostream& out) {
  TextTable files({"file", "bytes", "rows", "row groups", "footer bytes"},
                  {false, true, true, true, true}, TextTable::Style::kPlain);
  for (const FileSummary& f : t.files) {
    files.AddRow({BaseName(f.path), std::to_string(f.bytes), std::to_string(f.rows),
                  std::to_string(f.row_groups), std::to_string(f.footer_bytes)});
  }
  out << "\nfiles\n";
  files.Write(out, 2);
}

void WriteColumns(const TableSummary& t, std::ostream& out) {
  TextTable cols(
      {"column", "type", "nullable", "encoding", "stored", "raw", "ratio", "nulls", "min", "max"},
      {false, false, false, false, true, true, true, true, false, false}, TextTable::Style::kPlain);
  for (const ColumnSummary& c : t.columns) {
    cols.AddRow({c.field.name, std::string(TypeName(c.field.type)), c.field.nullable ? "yes" : "no",
                 ChainsText(c.chains), std::to_string(c.stored_bytes), std::to_string(c.raw_bytes),
                 RatioText(c.raw_bytes, c.stored_bytes), std::to_string(c.null_count),
                 StatText(c.has_min_max, c.min), StatText(c.has_min_max, c.max)});
  }
  out << "\ncolumns\n";
  cols.Write(out, 2);
}

void WriteRowGroups(const Segments& segments, std::ostream& out) {
  size_t index = 0;
  for (const auto& seg : segments) {
    const SegmentMeta& meta = seg->metadata();
    for (size_t g = 0; g < meta.row_groups.size(); ++g, ++index) {
      const RowGroupMeta& rg = meta.row_groups[g];
      out << "\nrow group " << index << ": " << BaseName(seg->path()) << " #" << g << ", "
          << rg.rows << " rows\n";
      TextTable cols({"column", "offset", "stored", "raw", "ratio", "encoding", "validity", "nulls",
                      "min", "max"},
                     {false, true, true, true, true, false, false, true, false, false},
                     TextTable::Style::kPlain);
      for (size_t c = 0; c < rg.columns.size(); ++c) {
        const ChunkMeta& k = rg.columns[c];
        cols.AddRow({meta.schema.field(c).name, std::to_string(k.offset),
                     std::to_string(k.stored_bytes), std::to_string(k.raw_bytes),
                     RatioText(k.raw_bytes, k.stored_bytes), ValueChain(k),
                     k.validity_steps.empty() ? "-" : DescribeSteps(k.validity_steps),
                     std::to_string(k.null_count), StatText(k.has_min_max, k.min),
                     StatText(k.has_min_max, k.max)});
      }
      cols.Write(out, 2);
    }
  }
}

}  // namespace

std::string RatioText(uint64_t raw, uint64_t stored) {
  if (stored == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(raw) / static_cast<double>(stored));
  return buf;
}

void WriteMetadataText(const TableSummary& summary, const Segments& segments, bool row_groups,
                       std::ostream& out) {
  WriteHeader(summary, out);
  WriteFiles(summary, out);
  WriteColumns(summary, out);
  if (row_groups) WriteRowGroups(segments, out);
}

}  // namespace stedi::segdump
