// stedi-gen: writes STEDI-shaped landing data whose eight zone tables have
// exactly `scale` times the reference row counts. A thin main over
// stedi::gen::Generate (tools/gen/generator.h).
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <string>

#include "tools/gen/generator.h"
#include "tools/gen/reference_shape.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

const char* kExitCodes =
    "Exit codes:\n"
    "  0  the landing data and DIR/stedi-gen.json were written\n"
    "  1  runtime error: DIR not empty without --force, not creatable or not writable\n"
    "  2  usage error (unknown option, missing --out, bad value)\n";

void ShowProgress(uint32_t done, uint32_t total, uint64_t bytes) {
  std::fprintf(stderr, "\r\033[Kstedi-gen: %u/%u copies  %llu MiB", done, total,
               static_cast<unsigned long long>(bytes >> 20));
  std::fflush(stderr);
}

int Run(int argc, char** argv) {
  stedi::gen::GenOptions options;
  std::string out;
  int64_t scale = 1;
  unsigned threads = 0;
  po::options_description desc(
      "Usage: stedi-gen --out DIR [--scale N] [--seed S] [options]\n\n"
      "Writes STEDI landing data in the Udacity layout (DIR/customer/landing,\n"
      "DIR/accelerometer/landing, DIR/step_trainer/landing: JSON Lines files of at\n"
      "most 10,000 lines) and DIR/stedi-gen.json with the expected row count of\n"
      "each zone table: N times the real data's reference counts. The same N and S\n"
      "always give the same bytes.\n\nOptions");
  desc.add_options()("help,h", "show this help")("out,o", po::value(&out), "output folder")(
      "scale,n", po::value(&scale)->default_value(1),
      ("number of disjoint copies of the reference world, 1.." +
       std::to_string(stedi::gen::kMaxScale))
          .c_str())("seed,s", po::value(&options.seed)->default_value(1), "random seed")(
      "force,f", "allow a non-empty DIR: delete its landing *.json files and stedi-gen.json first")(
      "threads,j", po::value(&threads)->default_value(0), "writer threads (0 = one per core)")(
      "quiet,q", "no progress line and no summary");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "stedi-gen: " << e.what() << "\nTry --help.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n" << kExitCodes;
    return kExitOk;
  }
  if (out.empty()) {
    std::cerr << "stedi-gen: --out is required\nTry --help.\n";
    return kExitUsage;
  }
  if (scale < 1 || scale > stedi::gen::kMaxScale) {
    std::cerr << "stedi-gen: --scale must be in 1.." << stedi::gen::kMaxScale << ", not " << scale
              << "\n";
    return kExitUsage;
  }
  const bool quiet = vm.count("quiet") > 0;
  options.out_dir = out;
  options.scale = static_cast<uint32_t>(scale);
  options.force = vm.count("force") > 0;
  options.threads = threads;
  const bool progress = !quiet && isatty(STDERR_FILENO);
  auto stats = stedi::gen::Generate(options, progress ? ShowProgress : stedi::gen::GenProgress());
  if (progress) std::fputs("\r\033[K", stderr);
  if (!stats.ok()) {
    std::cerr << "stedi-gen: " << stats.status().ToString() << "\n";
    return kExitError;
  }
  if (!quiet) {
    std::cout << "stedi-gen: wrote " << stats->rows << " rows in " << stats->files << " files ("
              << stats->bytes << " bytes) to " << out << "\n";
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {  // e.g. std::bad_alloc, thread creation failure
    std::cerr << "stedi-gen: " << e.what() << "\n";
    return kExitError;
  }
}
