// stedi-gen: writes STEDI-shaped landing data whose eight zone tables have
// exactly `scale` times the reference row counts. A thin main over
// stedi::gen::Generate (tools/gen/generator.h).
#include <unistd.h>

#include <boost/program_options.hpp>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>
#include <variant>

#include "tools/gen/generator.h"
#include "tools/gen/reference_shape.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int64_t kMaxThreads = 256;

const char* kExitCodes =
    "Exit codes:\n"
    "  0  the landing data and DIR/stedi-gen.json were written\n"
    "  1  runtime error: DIR not empty without --force, not creatable or not writable\n"
    "  2  usage error (unknown option, missing --out, bad value)\n";

struct CliOptions {
  stedi::gen::GenOptions gen;
  bool quiet = false;
};

int UsageError(const std::string& message) {
  std::cerr << "stedi-gen: " << message << "\nTry --help.\n";
  return kExitUsage;
}

po::options_description Describe(std::string* out, int64_t* scale, std::string* seed,
                                 int64_t* threads) {
  po::options_description desc(
      "Usage: stedi-gen --out DIR [--scale N] [--seed S] [options]\n\n"
      "Writes STEDI landing data in the Udacity layout (DIR/customer/landing,\n"
      "DIR/accelerometer/landing, DIR/step_trainer/landing: JSON Lines files of at\n"
      "most 10,000 lines) and DIR/stedi-gen.json with the expected row count of\n"
      "each zone table: N times the real data's reference counts. The same N and S\n"
      "always give the same bytes.\n\nOptions");
  const std::string scale_help = "number of disjoint copies of the reference world, 1.." +
                                 std::to_string(stedi::gen::kMaxScale);
  desc.add_options()("help,h", "show this help")("out,o", po::value(out), "output folder")(
      "scale,n", po::value(scale)->default_value(1), scale_help.c_str())(
      "seed,s", po::value(seed)->default_value("1"), "random seed, 0..2^64-1")(
      "force,f", "allow a non-empty DIR: delete its landing *.json files and stedi-gen.json first")(
      "threads,j", po::value(threads)->default_value(0), "writer threads (0 = one per core)")(
      "quiet,q", "no progress line and no summary");
  return desc;
}

// Returns the options, or the exit code to stop with (after --help or a usage error).
std::variant<CliOptions, int> Parse(int argc, char** argv) {
  std::string out, seed;
  int64_t scale = 1, threads = 0;
  const po::options_description desc = Describe(&out, &scale, &seed, &threads);
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << desc << "\n" << kExitCodes;
    return kExitOk;
  }
  CliOptions options;
  const char* seed_end = seed.data() + seed.size();
  auto [parsed_end, ec] = std::from_chars(seed.data(), seed_end, options.gen.seed);
  if (out.empty()) return UsageError("--out is required");
  if (scale < 1 || scale > stedi::gen::kMaxScale) {
    return UsageError("--scale must be in 1.." + std::to_string(stedi::gen::kMaxScale));
  }
  if (seed.empty() || ec != std::errc() || parsed_end != seed_end) {
    return UsageError("--seed must be an integer in 0..2^64-1, not '" + seed + "'");
  }
  if (threads < 0 || threads > kMaxThreads) {
    return UsageError("--threads must be in 0.." + std::to_string(kMaxThreads));
  }
  options.gen.out_dir = out;
  options.gen.scale = static_cast<uint32_t>(scale);
  options.gen.threads = static_cast<unsigned>(threads);
  options.gen.force = vm.count("force") > 0;
  options.quiet = vm.count("quiet") > 0;
  return options;
}

void ShowProgress(uint32_t done, uint32_t total, uint64_t bytes) {
  std::fprintf(stderr, "\r\033[Kstedi-gen: %u/%u copies  %llu MiB", done, total,
               static_cast<unsigned long long>(bytes >> 20));
  std::fflush(stderr);
}

int Run(int argc, char** argv) {
  auto parsed = Parse(argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const CliOptions& options = std::get<CliOptions>(parsed);
  const bool progress = !options.quiet && isatty(STDERR_FILENO);
  auto stats =
      stedi::gen::Generate(options.gen, progress ? ShowProgress : stedi::gen::GenProgress());
  if (progress) std::fputs("\r\033[K", stderr);
  if (!stats.ok()) {
    std::cerr << "stedi-gen: " << stats.status().ToString() << "\n";
    return kExitError;
  }
  if (!options.quiet) {
    std::cout << "stedi-gen: wrote " << stats->rows << " rows in " << stats->files << " files ("
              << stats->bytes << " bytes) to " << options.gen.out_dir << "\n";
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
