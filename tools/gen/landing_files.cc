#include "tools/gen/landing_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <cstring>

namespace stedi::gen {

namespace {

Status WriteFile(const std::string& path, const char* data, size_t size) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(path + ": cannot create: " + std::strerror(errno));
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      return Status::IOError(path + ": write failed at offset " + std::to_string(done) + ": " +
                             std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return Status::IOError(path + ": close failed: " + std::strerror(errno));
  return Status::OK();
}

}  // namespace

LandingFiles::LandingFiles(std::string dir, std::string table, uint64_t first_stamp)
    : dir_(std::move(dir)),
      table_(std::move(table)),
      next_stamp_(first_stamp),
      buffer_(new char[kMaxLinesPerFile * kMaxLineBytes]) {}

void LandingFiles::EndLine(char* end) {
  assert(end > LineStart() && end <= LineStart() + kMaxLineBytes);
  used_ = static_cast<size_t>(end - buffer_.get());
  ++lines_;
  if (++lines_in_buffer_ == kMaxLinesPerFile) Flush();
}

void LandingFiles::Flush() {
  if (lines_in_buffer_ == 0) return;
  if (status_.ok()) {
    const std::string path = dir_ + "/" + table_ + "-" + std::to_string(next_stamp_) + ".json";
    status_ = WriteFile(path, buffer_.get(), used_);
    ++files_;
    bytes_ += used_;
  }
  ++next_stamp_;
  used_ = 0;
  lines_in_buffer_ = 0;
}

Status LandingFiles::Finish() {
  Flush();
  return status_;
}

}  // namespace stedi::gen
