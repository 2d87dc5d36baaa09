#include "stedi/catalog.h"

#include <simdjson.h>

#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "core/json_writer.h"

namespace stedi {

namespace {

std::string ChecksumText(uint64_t checksum) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "xxh3:%016" PRIx64, checksum);
  return buf;
}

void WriteSchema(JsonWriter& w, const Schema& schema) {
  w.BeginArray();
  for (const Field& f : schema.fields()) {
    w.BeginObject().Key("name").String(f.name).Key("type").String(TypeName(f.type));
    w.Key("nullable").Bool(f.nullable).EndObject();
  }
  w.EndArray();
}

void WriteTable(JsonWriter& w, const TableReport& t) {
  w.BeginObject();
  w.Key("name").String(t.name).Key("zone").String(t.zone).Key("path").String(t.path);
  w.Key("rule").String(t.rule).Key("rows").Uint(t.rows).Key("bytes").Uint(t.bytes);
  w.Key("inputs").BeginArray();
  for (const std::string& in : t.inputs) w.String(in);
  w.EndArray();
  w.Key("schema");
  WriteSchema(w, t.schema);
  w.Key("files").BeginArray();
  for (const SegmentFileInfo& f : t.files) {
    w.BeginObject().Key("name").String(f.name).Key("bytes").Uint(f.bytes);
    w.Key("rows").Uint(f.rows).Key("checksum").String(ChecksumText(f.checksum)).EndObject();
  }
  w.EndArray();
  if (!t.rejected_path.empty()) {
    w.Key("rejected").BeginObject().Key("path").String(t.rejected_path);
    w.Key("records").Uint(t.ingest ? t.ingest->records_rejected : 0).EndObject();
  }
  w.EndObject();
}

}  // namespace

std::string CatalogJson(const BuildReport& report, const std::string& built_at) {
  JsonWriter w(2);
  w.BeginObject();
  w.Key("format_version").Int(kCatalogFormatVersion);
  w.Key("generator").String("stedi-build-zones");
  w.Key("mode").String(ZoneModeName(report.mode));
  w.Key("built_at").String(built_at);
  w.Key("build_seconds").Double(report.seconds);
  w.Key("tables").BeginArray();
  for (const TableReport& t : report.tables) WriteTable(w, t);
  w.EndArray().EndObject();
  return w.str() + "\n";
}

std::string NowIso8601() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const CatalogTable* Catalog::Find(const std::string& name) const {
  for (const CatalogTable& t : tables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::object;

Status Bad(const std::string& path, const std::string& what) {
  return Status::Corruption(path + ": " + what);
}

Status ParseSchema(array fields, const std::string& path, Schema* schema) {
  for (auto item : fields) {
    object f;
    std::string_view name, type;
    bool nullable;
    if (item.get_object().get(f) || f["name"].get_string().get(name) ||
        f["type"].get_string().get(type) || f["nullable"].get_bool().get(nullable)) {
      return Bad(path, "malformed schema entry");
    }
    auto t = ParseTypeName(type);
    if (!t.ok()) return Bad(path, t.status().message());
    schema->AddField({std::string(name), *t, nullable});
  }
  return Status::OK();
}

Status ParseTable(object t, const std::string& path, CatalogTable* out) {
  std::string_view name, zone, rel;
  array schema, files, inputs;
  if (t["name"].get_string().get(name) || t["zone"].get_string().get(zone) ||
      t["path"].get_string().get(rel) || t["rows"].get_uint64().get(out->rows) ||
      t["bytes"].get_uint64().get(out->bytes) || t["inputs"].get_array().get(inputs)) {
    return Bad(path, "table entry lacks name, zone, path, rows, bytes or inputs");
  }
  out->name = name;
  out->zone = zone;
  out->path = rel;
  for (auto in : inputs) {
    std::string_view s;
    if (in.get_string().get(s)) return Bad(path, "inputs must be strings");
    out->inputs.emplace_back(s);
  }
  if (t["schema"].get_array().get(schema)) return Bad(path, "table " + out->name + ": no schema");
  STEDI_RETURN_IF_ERROR(ParseSchema(schema, path, &out->schema));
  if (t["files"].get_array().get(files)) return Bad(path, "table " + out->name + ": no files");
  for (auto item : files) {
    object f;
    CatalogFile cf;
    std::string_view fname, sum;
    if (item.get_object().get(f) || f["name"].get_string().get(fname) ||
        f["bytes"].get_uint64().get(cf.bytes) || f["rows"].get_uint64().get(cf.rows) ||
        f["checksum"].get_string().get(sum)) {
      return Bad(path, "table " + out->name + ": malformed file entry");
    }
    cf.name = fname;
    cf.checksum = sum;
    out->files.push_back(std::move(cf));
  }
  return Status::OK();
}

}  // namespace

Result<Catalog> ReadCatalog(const std::string& lake_dir) {
  const std::string path = (std::filesystem::path(lake_dir) / "catalog.json").string();
  simdjson::padded_string text;
  if (simdjson::padded_string::load(path).get(text)) {
    return Status::NotFound(path + ": cannot read (is " + lake_dir + " a lake?)");
  }
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  object root;
  Catalog cat;
  int64_t version;
  std::string_view mode;
  array tables;
  if (parser.iterate(text).get(doc) || doc.get_object().get(root) ||
      root["format_version"].get_int64().get(version) || root["mode"].get_string().get(mode) ||
      root["tables"].get_array().get(tables)) {
    return Bad(path, "not a stedi catalog (format_version, mode and tables required)");
  }
  if (version != kCatalogFormatVersion) {
    return Status::NotSupported(path + ": catalog format_version " + std::to_string(version) +
                                " (this build reads " + std::to_string(kCatalogFormatVersion) +
                                ")");
  }
  cat.format_version = static_cast<int>(version);
  cat.mode = mode;
  for (auto item : tables) {
    object t;
    if (item.get_object().get(t)) return Bad(path, "tables must hold objects");
    CatalogTable ct;
    STEDI_RETURN_IF_ERROR(ParseTable(t, path, &ct));
    cat.tables.push_back(std::move(ct));
  }
  return cat;
}

}  // namespace stedi
