// stedi-build-zones: landing JSON in, a checked lake of eight tables out.
// A thin main over stedi::BuildLake (stedi/lake_builder.h).
#include <signal.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "engine/plan.h"
#include "stedi/lake_builder.h"
#include "stedi/memory_policy.h"
#include "stedi/summary.h"
#include "stedi/zones.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitCheckFailed = 3;
constexpr int kExitBadRecord = 4;

const char* kExitCodes =
    "Exit codes:\n"
    "  0  the lake was built (and, with --check, every expectation held)\n"
    "  1  the build failed (missing landing data, unwritable lake, I/O error);\n"
    "     the previous lake, if any, is left as it was\n"
    "  2  usage error (unknown option, bad value)\n"
    "  3  --check: some table's row count differs from its expectation\n"
    "  4  --on-bad-record=fail: a bad input record stopped the build\n";

// Rewrites one status line on a terminal: stage, rows, bytes and their rate.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void Update(const std::string& stage, uint64_t rows, uint64_t bytes) {
    if (!enabled_) return;
    if (stage != stage_) {  // rates are per stage
      stage_ = stage;
      start_ = std::chrono::steady_clock::now();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    char line[256];
    int n = std::snprintf(line, sizeof line, "\r\033[K%-32s", stage.c_str());
    if (rows)
      n += std::snprintf(line + n, sizeof line - n, "  %llu rows",
                         static_cast<unsigned long long>(rows));
    if (bytes && seconds > 0) {
      std::snprintf(line + n, sizeof line - n, "  %.1f MiB at %.0f MiB/s", bytes / 1048576.0,
                    bytes / 1048576.0 / seconds);
    }
    std::fputs(line, stderr);
    std::fflush(stderr);
  }
  void Done() {
    if (enabled_) std::fputs("\r\033[K", stderr);
  }

 private:
  bool enabled_;
  std::string stage_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

int Run(int argc, char** argv) {
  std::string landing, lake, mode, on_bad, expect;
  int threads = 0;
  po::options_description desc(
      "Usage: stedi-build-zones --landing DIR --lake DIR [options]\n\n"
      "Builds the STEDI lake: the landing, trusted and curated tables, stored as\n"
      "stedi segment files in the Udacity layout, plus catalog.json.\n\nOptions");
  desc.add_options()("help,h", "show this help")(
      "landing", po::value(&landing),
      "landing folder: customer/landing, accelerometer/landing, "
      "step_trainer/landing (*.json JSON Lines)")(
      "lake", po::value(&lake), "lake folder to build (replaced atomically if it exists)")(
      "mode", po::value(&mode)->default_value("compat"),
      "compat: the Udacity rules and reference counts; strict: readings only from each "
      "customer's research-consent date, step readings paired only with their owner's phone")(
      "on-bad-record", po::value(&on_bad)->default_value("quarantine"),
      "quarantine: load good records, keep bad ones in LAKE/_rejected/<table>.jsonl; "
      "fail: stop at the first bad record; skip: drop and count them")(
      "threads", po::value(&threads)->default_value(0), "worker threads (0 = all cores)")(
      "expect", po::value(&expect), "JSON file mapping table names to expected row counts")(
      "check", "exit with code 3 when a table's rows differ from its expectation")(
      "json", "print the summary as JSON")("explain", "print each zone's plan and exit")(
      "analyze", "build, and show rows and time per operator of each plan")("quiet,q",
                                                                            "no progress display");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "stedi-build-zones: " << e.what() << "\nTry --help.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n" << kExitCodes;
    return kExitOk;
  }
  stedi::BuildOptions options;
  if (mode == "compat") {
    options.mode = stedi::ZoneMode::kCompat;
  } else if (mode == "strict") {
    options.mode = stedi::ZoneMode::kStrict;
  } else {
    std::cerr << "stedi-build-zones: --mode must be compat or strict, not '" << mode << "'\n";
    return kExitUsage;
  }
  if (vm.count("explain")) {
    for (const stedi::ZoneTable& z : stedi::StediZones(options.mode)) {
      std::cout << z.name << " (" << z.zone << "): " << z.rule << "\n"
                << stedi::Explain(z.plan) << "\n";
    }
    return kExitOk;
  }
  if (landing.empty() || lake.empty()) {
    std::cerr << "stedi-build-zones: --landing and --lake are required\nTry --help.\n";
    return kExitUsage;
  }
  auto bad_mode = stedi::ParseBadRecordMode(on_bad);
  if (!bad_mode.ok() || threads < 0) {
    std::cerr << "stedi-build-zones: "
              << (bad_mode.ok() ? "--threads must be >= 0" : bad_mode.status().message()) << "\n";
    return kExitUsage;
  }
  options.landing_dir = landing;
  options.lake_dir = lake;
  options.on_bad_record = *bad_mode;
  options.threads = threads;
  options.profile = vm.count("analyze") > 0;
  if (!expect.empty()) {
    auto e = stedi::LoadExpectationsFile(expect);
    if (!e.ok()) {
      std::cerr << "stedi-build-zones: " << e.status().ToString() << "\n";
      return kExitUsage;
    }
    options.expectations = *e;
  }
  Progress progress(!vm.count("quiet") && isatty(STDERR_FILENO));
  options.progress = [&](const std::string& stage, uint64_t rows, uint64_t bytes) {
    progress.Update(stage, rows, bytes);
  };
  auto report = stedi::BuildLake(options);
  progress.Done();
  if (!report.ok()) {
    std::cerr << "stedi-build-zones: " << report.status().ToString() << "\n";
    return report.status().IsBadRecord() ? kExitBadRecord : kExitError;
  }
  if (vm.count("json")) {
    std::cout << stedi::SummaryJson(*report);
  } else {
    std::cout << stedi::SummaryTable(*report);
    if (options.profile) {
      for (const auto& t : report->tables) std::cout << "\n" << t.name << ":\n" << t.analyze;
    }
  }
  auto failed = stedi::FailedExpectations(*report);
  if (vm.count("check") && !failed.empty()) {
    std::cerr << "stedi-build-zones: --check failed for:";
    for (const auto& name : failed) std::cerr << " " << name;
    std::cerr << "\n";
    return kExitCheckFailed;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file size limit (ulimit -f) a write then fails with EFBIG, which
  // the build reports with the file's name, instead of the signal killing it.
  ::signal(SIGXFSZ, SIG_IGN);
  // Before any thread starts: freed tables' memory is reused, not re-faulted.
  stedi::KeepFreedMemory();
  return Run(argc, argv);
}
