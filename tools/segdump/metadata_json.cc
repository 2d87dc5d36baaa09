#include "tools/segdump/metadata_json.h"

#include <cinttypes>
#include <cstdio>

namespace stedi::segdump {
namespace {

std::string ChecksumText(uint64_t checksum) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "xxh3:%016" PRIx64, checksum);
  return buf;
}

void WriteSteps(const std::vector<EncodingStep>& steps, JsonWriter* w) {
  w->BeginArray();
  for (const EncodingStep& s : steps) {
    w->BeginObject().Key("depth").Uint(s.depth).Key("encoding").String(EncodingName(s.id));
    w->Key("param").Uint(s.param).Key("bytes_in").Uint(s.bytes_in);
    w->Key("bytes_out").Uint(s.bytes_out).EndObject();
  }
  w->EndArray();
}

void WriteChunk(const std::string& name, const ChunkMeta& k, JsonWriter* w) {
  w->BeginObject().Key("name").String(name).Key("offset").Uint(k.offset);
  w->Key("stored_bytes").Uint(k.stored_bytes).Key("raw_bytes").Uint(k.raw_bytes);
  w->Key("checksum").String(ChecksumText(k.checksum)).Key("encoding").String(ValueChain(k));
  w->Key("validity");
  if (k.validity_steps.empty()) {
    w->Null();
  } else {
    w->String(DescribeSteps(k.validity_steps));
  }
  w->Key("value_steps");
  WriteSteps(k.value_steps, w);
  w->Key("validity_steps");
  WriteSteps(k.validity_steps, w);
  w->Key("null_count").Uint(k.null_count).Key("min");
  AppendStatJson(k.has_min_max, k.min, w);
  w->Key("max");
  AppendStatJson(k.has_min_max, k.max, w);
  w->EndObject();
}

void WriteRowGroups(const Segments& segments, JsonWriter* w) {
  w->BeginArray();
  for (const auto& seg : segments) {
    const SegmentMeta& meta = seg->metadata();
    for (size_t g = 0; g < meta.row_groups.size(); ++g) {
      w->BeginObject().Key("file").String(seg->path()).Key("index").Uint(g);
      w->Key("rows").Uint(meta.row_groups[g].rows).Key("columns").BeginArray();
      for (size_t c = 0; c < meta.row_groups[g].columns.size(); ++c) {
        WriteChunk(meta.schema.field(c).name, meta.row_groups[g].columns[c], w);
      }
      w->EndArray().EndObject();
    }
  }
  w->EndArray();
}

void WriteColumns(const TableSummary& t, JsonWriter* w) {
  w->BeginArray();
  for (const ColumnSummary& c : t.columns) {
    w->BeginObject().Key("name").String(c.field.name).Key("type").String(TypeName(c.field.type));
    w->Key("nullable").Bool(c.field.nullable).Key("encodings").BeginArray();
    for (const ChainCount& chain : c.chains) {
      w->BeginObject().Key("chain").String(chain.chain).Key("row_groups").Uint(chain.row_groups);
      w->EndObject();
    }
    w->EndArray().Key("stored_bytes").Uint(c.stored_bytes).Key("raw_bytes").Uint(c.raw_bytes);
    w->Key("ratio").Double(Ratio(c.raw_bytes, c.stored_bytes));
    w->Key("null_count").Uint(c.null_count).Key("min");
    AppendStatJson(c.has_min_max, c.min, w);
    w->Key("max");
    AppendStatJson(c.has_min_max, c.max, w);
    w->EndObject();
  }
  w->EndArray();
}

void WriteScan(const ScanResult& scan, JsonWriter* w) {
  w->BeginObject().Key("where").BeginArray();
  for (const ScanPredicate& p : scan.predicates) w->String(p.ToString());
  w->EndArray().Key("row_groups_total").Uint(scan.stats.row_groups_total);
  w->Key("row_groups_skipped").Uint(scan.stats.row_groups_skipped);
  w->Key("bytes_read").Uint(scan.stats.bytes_read).Key("rows_read").Uint(scan.rows_read);
  w->Key("rows_matched").Uint(scan.rows_matched).EndObject();
}

}  // namespace

void AppendStatJson(bool known, const Value& v, JsonWriter* w) {
  if (!known || v.is_null) {
    w->Null();
    return;
  }
  switch (v.type) {
    case TypeId::kBool:
      w->Bool(v.i != 0);
      return;
    case TypeId::kDouble:
      w->Double(v.d);
      return;
    case TypeId::kString:
      w->String(v.s);
      return;
    default:
      w->Int(v.i);
  }
}

std::string MetadataJson(const TableSummary& t, const Segments& segments, const ScanResult* scan) {
  JsonWriter w(2);
  w.BeginObject().Key("kind").String(TargetKindName(t.kind)).Key("path").String(t.path);
  w.Key("name").String(t.name).Key("format_version").Uint(kFormatVersion);
  w.Key("rows").Uint(t.rows).Key("row_groups").Uint(t.row_groups);
  w.Key("file_bytes").Uint(t.file_bytes).Key("stored_bytes").Uint(t.stored_bytes);
  w.Key("raw_bytes").Uint(t.raw_bytes).Key("ratio").Double(Ratio(t.raw_bytes, t.stored_bytes));
  w.Key("sort_by").BeginArray();
  for (const std::string& s : t.sort_by) w.String(s);
  w.EndArray().Key("files").BeginArray();
  for (const FileSummary& f : t.files) {
    w.BeginObject().Key("path").String(f.path).Key("bytes").Uint(f.bytes).Key("rows").Uint(f.rows);
    w.Key("row_groups").Uint(f.row_groups).Key("footer_bytes").Uint(f.footer_bytes).EndObject();
  }
  w.EndArray().Key("columns");
  WriteColumns(t, &w);
  w.Key("row_group_details");
  WriteRowGroups(segments, &w);
  if (scan != nullptr) {
    w.Key("scan");
    WriteScan(*scan, &w);
  }
  w.EndObject();
  return w.str() + "\n";
}

}  // namespace stedi::segdump
