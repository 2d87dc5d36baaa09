#include "tools/segdump/schema_report.h"

#include <algorithm>
#include <cctype>

#include "core/json_writer.h"
#include "tools/segdump/text_table.h"

namespace stedi::segdump {
namespace {

// Reserved in at least one of Athena, Spark SQL or DuckDB, and likely as a column name.
constexpr const char* kKeywords[] = {
    "all",    "and",   "as",   "by",        "case", "create", "date",  "default",
    "desc",   "end",   "from", "group",     "in",   "is",     "join",  "key",
    "limit",  "not",   "null", "on",        "or",   "order",  "range", "rows",
    "select", "table", "time", "timestamp", "to",   "user",   "where", "with"};

bool IsPlainIdentifier(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (unsigned char c : name) {
    if (!std::isalnum(c) && c != '_') return false;
  }
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::none_of(std::begin(kKeywords), std::end(kKeywords),
                      [&](const char* k) { return lower == k; });
}

std::string QuoteIdentifier(const std::string& name) {
  if (IsPlainIdentifier(name)) return name;
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

}  // namespace

const char* SqlTypeName(TypeId type) {
  switch (type) {
    case TypeId::kBool:
      return "BOOLEAN";
    case TypeId::kInt32:
      return "INT";
    case TypeId::kInt64:
      return "BIGINT";
    case TypeId::kDouble:
      return "DOUBLE";
    case TypeId::kString:
      return "STRING";
    case TypeId::kTimestamp:
      return "TIMESTAMP";
  }
  return "STRING";
}

void WriteSchemaText(const Schema& schema, std::ostream& out) {
  TextTable table({"column", "type", "null"}, {}, TextTable::Style::kPlain);
  for (const Field& f : schema.fields()) {
    table.AddRow({f.name, std::string(TypeName(f.type)), f.nullable ? "nullable" : "not null"});
  }
  table.Write(out);
}

std::string SchemaJson(const Schema& schema) {
  JsonWriter w(2);
  w.BeginArray();
  for (const Field& f : schema.fields()) {
    w.BeginObject().Key("name").String(f.name).Key("type").String(TypeName(f.type));
    w.Key("nullable").Bool(f.nullable).EndObject();
  }
  w.EndArray();
  return w.str() + "\n";
}

std::string CreateTableDdl(const std::string& table_name, const Schema& schema) {
  std::string out = "CREATE TABLE " + QuoteIdentifier(table_name) + " (\n";
  for (size_t i = 0; i < schema.size(); ++i) {
    const Field& f = schema.field(i);
    out += "  " + QuoteIdentifier(f.name) + " " + SqlTypeName(f.type);
    if (i + 1 < schema.size()) out += ",";
    if (!f.nullable) out += "  -- not null";
    out += "\n";
  }
  return out + ");\n";
}

}  // namespace stedi::segdump
