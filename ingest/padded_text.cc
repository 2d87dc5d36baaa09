#include "ingest/padded_text.h"

#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstring>

#include "ingest/decompress.h"

namespace stedi {

static_assert(PaddedText::kPadding == simdjson::SIMDJSON_PADDING, "padding must match simdjson's");

void PaddedText::Resize(size_t n) {
  if (begin_ + n + kPadding > alloc_) {
    // Default-initialised (not zeroed): the bytes are about to be overwritten.
    const size_t alloc = std::max(n + kPadding, alloc_ + alloc_ / 2);
    std::unique_ptr<char[]> grown(new char[alloc]);
    if (size_ > 0) std::memcpy(grown.get(), data(), std::min(size_, n));
    buf_ = std::move(grown);
    begin_ = 0;
    alloc_ = alloc;
  }
  size_ = n;
  std::memset(mutable_data() + size_, 0, kPadding);
}

void PaddedText::DropPrefix(size_t n) {
  assert(n <= size_);
  begin_ += n;
  size_ -= n;
}

namespace {

class FileCloser {
 public:
  explicit FileCloser(int fd) : fd_(fd) {}
  ~FileCloser() { ::close(fd_); }
  FileCloser(const FileCloser&) = delete;
  FileCloser& operator=(const FileCloser&) = delete;

 private:
  int fd_;
};

Status ErrnoStatus(const std::string& path, const char* what, int err) {
  std::string msg = path + ": " + what + ": " + std::strerror(err);
  if (err == ENOENT) return Status::NotFound(std::move(msg));
  return Status::IOError(std::move(msg));
}

// Reads until end of file: the size from fstat is only a hint, since the file
// may grow or shrink while it is read.
Status ReadAll(int fd, const std::string& path, size_t size_hint, PaddedText* out) {
  out->Resize(std::max<size_t>(size_hint, 4096));
  size_t used = 0;
  for (;;) {
    if (used == out->size()) out->Resize(out->size() * 2);
    const ssize_t n = ::read(fd, out->mutable_data() + used, out->size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ErrnoStatus(path, "read failed", errno);
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  out->Resize(used);
  return Status::OK();
}

}  // namespace

Result<PaddedText> LoadTextFile(const std::string& path) {
  // O_NONBLOCK: opening a FIFO that has no writer must not wait for one.
  // Reads then block as usual; with no writer the FIFO reads as empty.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return ErrnoStatus(path, "cannot open", errno);
  FileCloser closer(fd);
  if (::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
    return ErrnoStatus(path, "cannot open", errno);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) return ErrnoStatus(path, "cannot stat", errno);
  if (S_ISDIR(st.st_mode)) return Status::IOError(path + ": is a directory, not a file");
  PaddedText raw;
  STEDI_RETURN_IF_ERROR(ReadAll(fd, path, static_cast<size_t>(st.st_size), &raw));

  const Codec codec = DetectCodec(raw.view());
  PaddedText text;
  if (codec == Codec::kNone) {
    text = std::move(raw);
  } else {
    STEDI_RETURN_IF_ERROR(Decompress(codec, raw.view(), path, &text));
  }
  if (text.view().substr(0, 3) == "\xEF\xBB\xBF") text.DropPrefix(3);
  return text;
}

}  // namespace stedi
