#include "tools/segdump/lake_listing.h"

#include "core/json_writer.h"
#include "tools/segdump/metadata.h"
#include "tools/segdump/metadata_text.h"
#include "tools/segdump/text_table.h"

namespace stedi::segdump {
namespace {

struct Entry {
  const CatalogTable* table;
  uint64_t raw_bytes = 0;
};

Result<std::vector<Entry>> CollectEntries(const Target& lake) {
  std::vector<Entry> entries;
  for (const CatalogTable& t : lake.catalog->tables) {
    const Target table = LakeTableTarget(lake, t);
    STEDI_ASSIGN_OR_RETURN(Segments segments, OpenSegments(table));
    entries.push_back({&t, Summarize(table, segments).raw_bytes});
  }
  return entries;
}

void WriteText(const Target& lake, const std::vector<Entry>& entries, std::ostream& out) {
  const Catalog& cat = *lake.catalog;
  out << "lake     " << lake.path << "\n";
  out << "catalog  format_version " << cat.format_version << ", mode " << cat.mode << ", "
      << cat.tables.size() << (cat.tables.size() == 1 ? " table\n\n" : " tables\n\n");
  TextTable text({"table", "zone", "rows", "files", "bytes", "raw", "ratio", "path"},
                 {false, false, true, true, true, true, true, false}, TextTable::Style::kPlain);
  uint64_t rows = 0, files = 0, bytes = 0, raw = 0;
  for (const Entry& e : entries) {
    const CatalogTable& t = *e.table;
    text.AddRow({t.name, t.zone, std::to_string(t.rows), std::to_string(t.files.size()),
                 std::to_string(t.bytes), std::to_string(e.raw_bytes),
                 RatioText(e.raw_bytes, t.bytes), t.path});
    rows += t.rows;
    files += t.files.size();
    bytes += t.bytes;
    raw += e.raw_bytes;
  }
  text.AddRow({"total", "", std::to_string(rows), std::to_string(files), std::to_string(bytes),
               std::to_string(raw), RatioText(raw, bytes), ""});
  text.Write(out);
}

void WriteJson(const Target& lake, const std::vector<Entry>& entries, std::ostream& out) {
  JsonWriter w(2);
  w.BeginObject().Key("kind").String("lake").Key("path").String(lake.path);
  w.Key("format_version").Int(lake.catalog->format_version);
  w.Key("mode").String(lake.catalog->mode).Key("tables").BeginArray();
  for (const Entry& e : entries) {
    const CatalogTable& t = *e.table;
    w.BeginObject().Key("name").String(t.name).Key("zone").String(t.zone);
    w.Key("path").String(t.path).Key("rows").Uint(t.rows).Key("files").Uint(t.files.size());
    w.Key("bytes").Uint(t.bytes).Key("raw_bytes").Uint(e.raw_bytes);
    w.Key("ratio").Double(Ratio(e.raw_bytes, t.bytes)).EndObject();
  }
  w.EndArray().EndObject();
  out << w.str() << "\n";
}

}  // namespace

Status WriteLakeListing(const Target& lake, bool json, std::ostream& out) {
  STEDI_ASSIGN_OR_RETURN(std::vector<Entry> entries, CollectEntries(lake));
  if (json) {
    WriteJson(lake, entries, out);
  } else {
    WriteText(lake, entries, out);
  }
  return Status::OK();
}

}  // namespace stedi::segdump
