// LandingFiles: JSON Lines output split into files of at most
// kMaxLinesPerFile lines, named "<dir>/<table>-<stamp>.json" like the
// starter data's export files (stamp = first_stamp, first_stamp + 1, ...).
//
// Lines are formatted straight into one large buffer and each file is written
// with a few large write(2) calls. The first error is sticky: later calls do
// nothing and Finish() returns it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"

namespace stedi::gen {

inline constexpr int kMaxLinesPerFile = 10'000;
inline constexpr size_t kMaxLineBytes = 512;

class LandingFiles {
 public:
  LandingFiles(std::string dir, std::string table, uint64_t first_stamp);
  LandingFiles(const LandingFiles&) = delete;
  LandingFiles& operator=(const LandingFiles&) = delete;

  // Where to write the next line (at most kMaxLineBytes, newline included).
  char* LineStart() { return buffer_.get() + used_; }
  // Ends the line written at LineStart(); `end` is one past its newline.
  // REQUIRES: LineStart() < end <= LineStart() + kMaxLineBytes.
  void EndLine(char* end);
  // Writes the last, partial file. Returns the first error seen.
  Status Finish();

  uint64_t files() const { return files_; }
  uint64_t bytes() const { return bytes_; }
  uint64_t lines() const { return lines_; }

 private:
  void Flush();

  const std::string dir_;
  const std::string table_;
  uint64_t next_stamp_;
  std::unique_ptr<char[]> buffer_;
  size_t used_ = 0;
  int lines_in_buffer_ = 0;
  uint64_t files_ = 0;
  uint64_t bytes_ = 0;
  uint64_t lines_ = 0;
  Status status_;
};

}  // namespace stedi::gen
