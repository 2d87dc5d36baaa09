#include "tools/segdump/row_output.h"

#include <cmath>

#include "core/json_writer.h"
#include "tools/segdump/text_table.h"
#include "tools/segdump/value_text.h"

namespace stedi::segdump {
namespace {

void WriteTextTable(const Table& table, std::ostream& out) {
  std::vector<std::string> header;
  std::vector<bool> right;
  for (const Field& f : table.schema().fields()) {
    header.push_back(f.name);
    right.push_back(f.type != TypeId::kString && f.type != TypeId::kBool &&
                    f.type != TypeId::kTimestamp);
  }
  TextTable text(std::move(header), std::move(right), TextTable::Style::kGrid);
  for (size_t r = 0; r < table.num_rows(); ++r) {
    std::vector<std::string> cells;
    for (const Column& c : table.columns()) {
      cells.push_back(c.IsNull(r) ? "NULL" : CellText(c, r, ValueStyle::kHuman));
    }
    text.AddRow(std::move(cells));
  }
  text.Write(out);
  out << "(" << table.num_rows() << (table.num_rows() == 1 ? " row)\n" : " rows)\n");
}

void WriteCsv(const Table& table, std::ostream& out) {
  std::string line;
  for (size_t i = 0; i < table.num_columns(); ++i) {
    line += (i ? "," : "") + CsvField(table.schema().field(i).name);
  }
  out << line << "\r\n";
  for (size_t r = 0; r < table.num_rows(); ++r) {
    line.clear();
    for (size_t i = 0; i < table.num_columns(); ++i) {
      const Column& c = table.column(i);
      if (i > 0) line += ',';
      if (c.IsNull(r)) continue;
      const std::string text = CellText(c, r, ValueStyle::kMachine);
      line += text.empty() ? "\"\"" : CsvField(text);
    }
    line += "\r\n";
    out << line;
  }
}

void AppendJsonCell(const Column& c, size_t r, std::string* line) {
  if (c.IsNull(r)) {
    *line += "null";
    return;
  }
  switch (c.type()) {
    case TypeId::kString:
      AppendJsonString(*line, c.GetString(r));
      return;
    case TypeId::kDouble:
      *line += std::isfinite(c.data<double>()[r]) ? FormatDouble(c.data<double>()[r]) : "null";
      return;
    default:
      *line += CellText(c, r, ValueStyle::kMachine);
  }
}

void WriteJsonl(const Table& table, std::ostream& out) {
  std::vector<std::string> keys;
  for (const Field& f : table.schema().fields()) {
    std::string key;
    AppendJsonString(key, f.name);
    keys.push_back(key + ":");
  }
  std::string line;
  for (size_t r = 0; r < table.num_rows(); ++r) {
    line = "{";
    for (size_t i = 0; i < table.num_columns(); ++i) {
      if (i > 0) line += ',';
      line += keys[i];
      AppendJsonCell(table.column(i), r, &line);
    }
    line += "}\n";
    out << line;
  }
}

}  // namespace

Result<RowFormat> ParseRowFormat(std::string_view name) {
  if (name == "table") return RowFormat::kTable;
  if (name == "csv") return RowFormat::kCsv;
  if (name == "jsonl") return RowFormat::kJsonl;
  return Status::InvalidArgument("--format '" + std::string(name) +
                                 "': expected table, csv or jsonl");
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void WriteRows(const Table& table, RowFormat format, std::ostream& out) {
  switch (format) {
    case RowFormat::kTable:
      return WriteTextTable(table, out);
    case RowFormat::kCsv:
      return WriteCsv(table, out);
    case RowFormat::kJsonl:
      return WriteJsonl(table, out);
  }
}

}  // namespace stedi::segdump
