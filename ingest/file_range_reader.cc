#include "ingest/file_range_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace stedi {

namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads up to n bytes at `offset`; fewer only at end of file.
Result<size_t> ReadAt(int fd, const std::string& path, char* buf, size_t n, uint64_t offset) {
  size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd, buf + got, n - got, static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      return Status::IOError(path + ": read failed at offset " + std::to_string(offset + got) +
                             ": " + std::strerror(errno));
    }
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  return got;
}

// The offset of the first line that starts in [begin, end), or UINT64_MAX
// when none does. A line starts at `begin` only if the byte before it ends a
// line; the first line of the file starts at 0 even behind a byte order mark.
Result<uint64_t> FirstLineStart(int fd, const std::string& path, uint64_t begin, uint64_t end,
                                PaddedText* window) {
  if (begin == 0) return 0;
  // Only [begin - 1, end - 1] can hold the newline that precedes our first line.
  for (uint64_t offset = begin - 1; offset < end;) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(window->size(), end - offset));
    STEDI_ASSIGN_OR_RETURN(size_t n, ReadAt(fd, path, window->mutable_data(), want, offset));
    const void* nl = std::memchr(window->data(), '\n', n);
    if (nl != nullptr) {
      return offset + static_cast<uint64_t>(static_cast<const char*>(nl) - window->data()) + 1;
    }
    if (n < want) break;  // end of file
    offset += n;
  }
  return UINT64_MAX;
}

// Skips a UTF-8 byte order mark at the start of the file.
Result<uint64_t> SkipByteOrderMark(int fd, const std::string& path) {
  char head[3];
  STEDI_ASSIGN_OR_RETURN(size_t n, ReadAt(fd, path, head, 3, 0));
  return (n == 3 && std::memcmp(head, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

// Where the text handed to the parser must stop: after the newline that ends
// the last line starting before `limit` (relative to the window), or npos
// when that newline is not in [0, have) yet.
size_t CutAfterLimit(const char* buf, size_t have, size_t limit) {
  const size_t from = limit - 1;
  if (from >= have) return std::string_view::npos;
  const void* nl = std::memchr(buf + from, '\n', have - from);
  if (nl == nullptr) return std::string_view::npos;
  return static_cast<size_t>(static_cast<const char*>(nl) - buf) + 1;
}

Result<int> OpenForRead(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) return fd;
  std::string msg = path + ": cannot open: " + std::strerror(errno);
  return errno == ENOENT ? Status::NotFound(msg) : Status::IOError(msg);
}

}  // namespace

Status ReadFileRange(const std::string& path, uint64_t begin, uint64_t end, PaddedText* window,
                     std::string_view* lines) {
  *lines = std::string_view();
  STEDI_ASSIGN_OR_RETURN(int raw_fd, OpenForRead(path));
  Fd fd(raw_fd);
  if (window->size() < kRangeWindowBytes) window->Resize(kRangeWindowBytes);
  STEDI_ASSIGN_OR_RETURN(uint64_t offset, FirstLineStart(fd.get(), path, begin, end, window));
  if (offset == 0) {
    STEDI_ASSIGN_OR_RETURN(offset, SkipByteOrderMark(fd.get(), path));
    end = std::max<uint64_t>(end, offset + 1);  // the first line is ours, mark or not
  }
  if (offset >= end) return Status::OK();  // no line starts in the range
  size_t have = 0;                         // bytes in the window, starting at file offset `offset`
  size_t cut = std::string_view::npos;
  while (cut == std::string_view::npos) {
    if (have == window->size()) window->Resize(window->size() * 2);
    // Read what the range still needs (plus a little for its last line).
    const size_t want = static_cast<size_t>(
        std::min<uint64_t>(window->size() - have, end - std::min(end, offset + have) + 4096));
    STEDI_ASSIGN_OR_RETURN(
        size_t n, ReadAt(fd.get(), path, window->mutable_data() + have, want, offset + have));
    have += n;
    const size_t limit = static_cast<size_t>(std::min<uint64_t>(end - offset, have + 1));
    cut = CutAfterLimit(window->data(), have, limit);
    if (n < want && cut == std::string_view::npos) cut = have;  // end of file
  }
  // simdjson may look at the bytes after a record: make them the zeros that
  // follow a whole file in memory, not stale window bytes, so that the reason
  // given for a bad last line does not depend on what this window held before.
  std::memset(window->mutable_data() + have, 0, PaddedText::kPadding);
  *lines = std::string_view(window->data(), cut);
  return Status::OK();
}

Status ParseFileRange(const std::string& path, uint64_t begin, uint64_t end, PaddedText* window,
                      ChunkParser* parser) {
  std::string_view lines;
  STEDI_RETURN_IF_ERROR(ReadFileRange(path, begin, end, window, &lines));
  parser->TakeLines(lines);
  return Status::OK();
}

}  // namespace stedi
