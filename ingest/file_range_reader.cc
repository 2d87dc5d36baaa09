#include "ingest/file_range_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace stedi {

namespace {

constexpr size_t kWindowBytes = size_t{1} << 20;  // fits in L2 with room to spare

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

}  // namespace

Status ParseFileRange(const std::string& path, uint64_t begin, uint64_t end, PaddedText* window,
                      ChunkParser* parser) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    std::string msg = path + ": cannot open: " + std::strerror(errno);
    return errno == ENOENT ? Status::NotFound(msg) : Status::IOError(msg);
  }
  if (window->size() < kWindowBytes) window->Resize(kWindowBytes);
  STEDI_ASSIGN_OR_RETURN(uint64_t offset, FirstLineStart(fd.get(), path, begin, end, window));
  if (offset == 0) {
    STEDI_ASSIGN_OR_RETURN(offset, SkipByteOrderMark(fd.get(), path));
    end = std::max<uint64_t>(end, offset + 1);  // the first line is ours, mark or not
  }
  size_t have = 0;  // bytes in the window, starting at file offset `offset`
  bool reserved = false;
  while (offset < end) {
    if (have == window->size()) window->Resize(window->size() * 2);  // one very long line
    // Read what the range still needs (plus a little for its last line).
    const size_t want = static_cast<size_t>(
        std::min<uint64_t>(window->size() - have, end - std::min(end, offset + have) + 4096));
    STEDI_ASSIGN_OR_RETURN(
        size_t n, ReadAt(fd.get(), path, window->mutable_data() + have, want, offset + have));
    have += n;
    // simdjson may look at the bytes after a record: make them the zeros that
    // follow a whole file in memory, not stale window bytes, so that the reason
    // given for a bad last line does not depend on what this window held before.
    std::memset(window->mutable_data() + have, 0, PaddedText::kPadding);
    const char* buf = window->data();
    const size_t limit = static_cast<size_t>(std::min<uint64_t>(end - offset, have + 1));
    size_t cut = CutAfterLimit(buf, have, limit);
    const bool done = cut != std::string_view::npos || n < want;  // range end, or end of file
    if (cut == std::string_view::npos) {
      const void* last = n < want ? nullptr : memrchr(buf, '\n', have);
      cut = n < want ? have
                     : (last ? static_cast<size_t>(static_cast<const char*>(last) - buf) + 1 : 0);
    }
    if (!reserved && cut > 0) {
      // Size the columns from the lines per byte of the window's first 64 KiB.
      const size_t sample = std::min<size_t>(cut, 65536);
      const auto lines = static_cast<double>(std::count(buf, buf + sample, '\n')) + 1;
      parser->ReserveRows(
          static_cast<size_t>(lines / sample * static_cast<double>(end - offset) * 1.1) + 16);
      reserved = true;
    }
    if (!parser->TakeLines(std::string_view(buf, cut)) || done) break;
    std::memmove(window->mutable_data(), buf + cut, have - cut);
    offset += cut;
    have -= cut;
  }
  return Status::OK();
}

}  // namespace stedi
