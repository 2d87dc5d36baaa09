// segdump: see inside any stored table. Parses options; the work is in segdump.h.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "tools/segdump/segdump.h"

namespace po = boost::program_options;
using stedi::segdump::ExitCodeFor;
using stedi::segdump::Mode;
using stedi::segdump::Options;

namespace {

constexpr const char* kUsage = R"(usage: segdump PATH [options]

PATH is a segment file (seg-NNNNNN.sds), a table folder (holding segment
files) or a lake folder (holding catalog.json; then --table NAME, or no
--table for a listing of its tables with rows, bytes and ratio).

Without a mode option: files, format version, rows, row groups, and per column
type, nullable, encoding chain, stored and raw bytes, ratio, min, max, nulls.
)";

constexpr const char* kExitCodes = R"(
Rows: --format table is the default when stdout is a terminal, csv otherwise.
CSV is RFC 4180 with a header (CRLF line ends; NULL is an empty field, the
empty string is ""); JSON Lines reads back through ingest. Timestamps are
ISO-8601 UTC in table format and epoch milliseconds in csv and jsonl.
--where takes one comparison `col OP literal` (OP: = != < <= > >=) or
`col IS [NOT] NULL`; repeat it to AND several. Timestamp literals are epoch ms
or ISO-8601 UTC. It skips row groups by their zone maps (a note on stderr says
how many) and then filters rows exactly.

Exit codes:
  0  ok
  1  --verify found a problem, or a runtime error (I/O, damaged file)
  2  usage error (bad option, unknown column or table, bad --where)
  3  PATH is not a segment file, table folder or lake folder
)";

std::vector<std::string> SplitColumns(const std::string& list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Fills *o from the parsed options; the error text of a usage error otherwise.
std::string ToOptions(const po::variables_map& vm, Options* o) {
  int modes = 0;
  const auto mode = [&](const char* flag, Mode m) {
    if (vm.count(flag)) {
      ++modes;
      o->mode = m;
    }
  };
  mode("schema", Mode::kSchema);
  mode("ddl", Mode::kDdl);
  mode("verify", Mode::kVerify);
  if (vm.count("rows") || vm.count("head")) {
    ++modes;
    o->mode = Mode::kRows;
  }
  if (modes > 1) return "choose one of --schema, --ddl, --verify, --rows/--head";
  if (vm.count("head")) {
    const long long n = vm["head"].as<long long>();
    if (n < 0) return "--head needs a count >= 0";
    if (!vm.count("rows")) o->head = static_cast<uint64_t>(n);
  }
  o->format =
      isatty(STDOUT_FILENO) ? stedi::segdump::RowFormat::kTable : stedi::segdump::RowFormat::kCsv;
  if (vm.count("format")) {
    if (o->mode != Mode::kRows) return "--format needs --rows or --head";
    auto f = stedi::segdump::ParseRowFormat(vm["format"].as<std::string>());
    if (!f.ok()) return f.status().message();
    o->format = *f;
  }
  if (vm.count("columns")) o->columns = SplitColumns(vm["columns"].as<std::string>());
  if (vm.count("where")) o->where = vm["where"].as<std::vector<std::string>>();
  o->path = vm["path"].as<std::string>();
  if (vm.count("table")) o->table = vm["table"].as<std::string>();
  o->json = vm.count("json") > 0;
  o->row_groups = vm.count("row-groups") > 0;
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help")("table,t", po::value<std::string>(),
                                                    "on a lake folder: the table to show")(
      "row-groups", "also show every row group's chunks")("schema", "the schema alone")(
      "ddl", "a CREATE TABLE statement (Athena, Spark SQL, DuckDB)")("rows", "all rows")(
      "head", po::value<long long>(), "the first N rows")("format", po::value<std::string>(),
                                                          "rows as table|csv|jsonl")(
      "columns", po::value<std::string>(), "rows: only these columns, comma-separated")(
      "where", po::value<std::vector<std::string>>(), "rows: a condition, e.g. \"x >= 10\"")(
      "verify", "check every checksum and decode every chunk; OK or each problem")(
      "json", "all metadata (or the schema, or the lake listing) as JSON");
  po::options_description all;
  all.add(visible).add_options()("path", po::value<std::string>());
  po::positional_options_description positional;
  positional.add("path", 1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "segdump: " << e.what() << "\n" << kUsage;
    return stedi::segdump::kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << kExitCodes;
    return stedi::segdump::kExitOk;
  }
  if (!vm.count("path")) {
    std::cerr << "segdump: missing PATH\n" << kUsage;
    return stedi::segdump::kExitUsage;
  }
  Options options;
  if (std::string error = ToOptions(vm, &options); !error.empty()) {
    std::cerr << "segdump: " << error << "\n";
    return stedi::segdump::kExitUsage;
  }
  const stedi::Status st = stedi::segdump::Run(options, std::cout, std::cerr);
  std::cout.flush();
  if (!st.ok()) std::cerr << "segdump: " << st.ToString() << "\n";
  return ExitCodeFor(st);
}
