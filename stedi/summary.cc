#include "stedi/summary.h"

#include <algorithm>
#include <cstdio>

#include "core/json_writer.h"

namespace stedi {

namespace {

std::string WithCommas(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string HumanBytes(double b) {
  char buf[32];
  if (b < 1024) {
    std::snprintf(buf, sizeof buf, "%.0f B", b);
  } else if (b < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", b / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", b / (1024 * 1024));
  }
  return buf;
}

std::string Fixed(double v, const char* fmt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

double Ratio(const TableReport& t) { return t.bytes ? t.json_bytes / t.bytes : 0; }

// Renders rows of cells with columns padded; numbers right-aligned.
std::string Render(const std::vector<std::vector<std::string>>& rows,
                   const std::vector<bool>& right_align) {
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  std::string out;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string line;
    for (size_t c = 0; c < rows[i].size(); ++c) {
      const std::string& cell = rows[i][c];
      std::string pad(width[c] - cell.size(), ' ');
      line += right_align[c] ? pad + cell : cell + pad;
      if (c + 1 < rows[i].size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    if (i == 0) {
      size_t total = 0;
      for (size_t w : width) total += w + 2;
      out += std::string(total - 2, '-') + "\n";
    }
  }
  return out;
}

// Examples joined with "; ", cut to keep the table readable (JSON has them whole).
std::string JoinExamples(const std::vector<std::string>& examples) {
  constexpr size_t kMaxCell = 100;
  std::string out;
  for (const std::string& e : examples) out += (out.empty() ? "" : "; ") + e;
  if (out.size() > kMaxCell) out = out.substr(0, kMaxCell - 3) + "...";
  return out.empty() ? "-" : out;
}

// "data quality" and, in strict mode, "removed by strict mode".
std::string QualitySection(const BuildReport& report) {
  std::string out;
  if (!report.quality.empty()) {
    std::vector<std::vector<std::string>> rows = {{"data quality check", "count", "examples"}};
    for (const QualityCheck& q : report.quality) {
      rows.push_back({q.name, WithCommas(q.count), JoinExamples(q.examples)});
    }
    out += "\n" + Render(rows, {false, true, false});
  }
  if (!report.strict_removed.empty()) {
    std::vector<std::vector<std::string>> rows = {
        {"removed by strict mode", "compat rows", "strict rows", "removed", "why"}};
    for (const StrictRemoval& r : report.strict_removed) {
      rows.push_back({r.table, WithCommas(r.compat_rows), WithCommas(r.strict_rows),
                      WithCommas(r.removed()), r.reason});
    }
    out += "\n" + Render(rows, {false, true, true, true, false});
  }
  return out.empty() ? out : out + "\n";
}

}  // namespace

std::vector<std::string> FailedExpectations(const BuildReport& report) {
  std::vector<std::string> failed;
  for (const TableReport& t : report.tables)
    if (!t.matches()) failed.push_back(t.name);
  return failed;
}

std::string SummaryTable(const BuildReport& report) {
  std::vector<std::vector<std::string>> rows = {
      {"table", "zone", "rows", "expected", "match", "on disk", "ratio", "time"}};
  uint64_t total_bytes = 0;
  for (const TableReport& t : report.tables) {
    rows.push_back({t.name, t.zone, WithCommas(t.rows), t.expected ? WithCommas(*t.expected) : "-",
                    t.expected ? (t.matches() ? "yes" : "NO") : "-", HumanBytes(t.bytes),
                    Fixed(Ratio(t), "%.1fx"), Fixed(t.seconds * 1e3, "%.1f ms")});
    total_bytes += t.bytes;
  }
  std::string out = Render(rows, {false, false, true, true, false, true, true, true});
  out += "lake " + report.lake_dir + " (" + ZoneModeName(report.mode) + " mode, " +
         HumanBytes(total_bytes) + ", expected rows from " + report.expectations_source + ")\n";

  std::vector<std::vector<std::string>> ingest = {
      {"source table", "files", "lines read", "loaded", "rejected", "blank", "rejects kept in"}};
  for (const TableReport& t : report.tables) {
    if (!t.ingest) continue;
    const IngestStats& s = *t.ingest;
    ingest.push_back({t.name, WithCommas(s.files), WithCommas(s.lines_read),
                      WithCommas(s.records_loaded), WithCommas(s.records_rejected),
                      WithCommas(s.blank_lines), t.rejected_path.empty() ? "-" : t.rejected_path});
  }
  out += "\n" + Render(ingest, {false, true, true, true, true, true, false});
  out += QualitySection(report);
  out += Fixed(report.seconds, "built in %.2f s") + ", peak memory " +
         HumanBytes(static_cast<double>(report.peak_rss_bytes)) + "\n";
  return out;
}

std::string SummaryJson(const BuildReport& report) {
  JsonWriter w(2);
  w.BeginObject().Key("lake").String(report.lake_dir).Key("landing").String(report.landing_dir);
  w.Key("mode").String(ZoneModeName(report.mode));
  w.Key("expectations_source").String(report.expectations_source);
  w.Key("seconds").Double(report.seconds).Key("peak_rss_bytes").Uint(report.peak_rss_bytes);
  w.Key("tables").BeginArray();
  for (const TableReport& t : report.tables) {
    w.BeginObject().Key("name").String(t.name).Key("zone").String(t.zone);
    w.Key("path").String(t.path).Key("rows").Uint(t.rows);
    w.Key("expected");
    t.expected ? w.Uint(*t.expected) : w.Null();
    w.Key("match").Bool(t.matches()).Key("bytes").Uint(t.bytes);
    w.Key("json_bytes").Double(t.json_bytes).Key("ratio").Double(Ratio(t));
    w.Key("seconds").Double(t.seconds);
    if (t.ingest) {
      const IngestStats& s = *t.ingest;
      w.Key("ingest").BeginObject().Key("files").Uint(s.files).Key("bytes").Uint(s.bytes);
      w.Key("lines_read").Uint(s.lines_read).Key("loaded").Uint(s.records_loaded);
      w.Key("rejected").Uint(s.records_rejected).Key("blank_lines").Uint(s.blank_lines);
      w.Key("unknown_fields").Uint(s.unknown_fields);
      w.Key("rejected_path");
      t.rejected_path.empty() ? w.Null() : w.String(t.rejected_path);
      w.EndObject();
    }
    if (!t.analyze.empty()) w.Key("analyze").String(t.analyze);
    w.EndObject();
  }
  w.EndArray();
  w.Key("quality").BeginArray();
  for (const QualityCheck& q : report.quality) {
    w.BeginObject().Key("name").String(q.name).Key("description").String(q.description);
    w.Key("count").Uint(q.count).Key("examples").BeginArray();
    for (const std::string& e : q.examples) w.String(e);
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("strict_removed").BeginArray();
  for (const StrictRemoval& r : report.strict_removed) {
    w.BeginObject().Key("table").String(r.table).Key("compat_rows").Uint(r.compat_rows);
    w.Key("strict_rows").Uint(r.strict_rows).Key("removed").Uint(r.removed());
    w.Key("reason").String(r.reason).EndObject();
  }
  w.EndArray();
  w.Key("failed_expectations").BeginArray();
  for (const std::string& name : FailedExpectations(report)) w.String(name);
  w.EndArray().EndObject();
  return w.str() + "\n";
}

}  // namespace stedi
