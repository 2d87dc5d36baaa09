// FuzzTempDir: a private scratch folder for fuzz targets whose library entry
// points take paths (ingest, segment reader, segdump), not bytes.
//
// One folder per process under $TMPDIR (or /tmp), removed at exit, so
// parallel fuzzer jobs never share files. Fuzz targets abort on a failure
// here: it is the harness that broke, not the library under test.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace stedi::fuzz {

inline const std::filesystem::path& FuzzTempDir() {
  static const std::filesystem::path dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::filesystem::path d = std::filesystem::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") /
                              ("stedi-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(FuzzTempDir(), ec);
    });
    return d;
  }();
  return dir;
}

// Writes `bytes` to `path` (replacing it); aborts when that fails.
inline void WriteFileOrDie(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "fuzz harness: cannot write %s\n", path.c_str());
    std::abort();
  }
}

// Aborts with `what` when `ok` is false: an invariant of the library broke.
inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace stedi::fuzz
