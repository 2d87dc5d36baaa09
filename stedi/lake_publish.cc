#include "stedi/lake_publish.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace stedi {

namespace fs = std::filesystem;

namespace {

std::string ErrnoText(int err) { return std::strerror(err); }

// True when the running kernel is at least major.minor.
bool KernelAtLeast(int major, int minor) {
  utsname u{};
  int got_major = 0, got_minor = 0;
  if (::uname(&u) != 0 || std::sscanf(u.release, "%d.%d", &got_major, &got_minor) != 2) {
    return false;
  }
  return got_major > major || (got_major == major && got_minor >= minor);
}

// True when syncfs on this file system is known to leave every file and
// folder on it as durable as an fsync of each would: Linux's sync(2) page
// says syncfs waits for the writes and "provide[s] the same guarantees as
// fsync() called on every file in the ... filesystem", and the local file
// systems below implement it with a journal commit and a device cache flush
// (tmpfs has nothing to persist; 0xEF53 is also an ext2 mounted by the old
// ext2 driver, whose sync_fs does not flush the device cache: Debian mounts
// ext2 with the ext4 driver). Before Linux 5.8 syncfs did not report
// writeback errors. Elsewhere the per-path fsyncs stay: each costs a device
// flush even with nothing left to write, ~0.3 ms apiece on this VM's ext4,
// 6-8 ms of a 65 ms scale-1 build.
bool SyncfsCoversFiles(const fs::path& root) {
  struct statfs st {};
  if (::statfs(root.c_str(), &st) != 0 || !KernelAtLeast(5, 8)) return false;
  switch (static_cast<unsigned long>(st.f_type)) {
    case 0xEF53:      // ext2/3/4
    case 0x58465342:  // xfs
    case 0x9123683E:  // btrfs
    case 0xF2F52010:  // f2fs
    case 0x01021994:  // tmpfs
      return true;
    default:
      return false;
  }
}

// A write error of `path`'s data that syncfs may not report: its error
// counter is the file system's, and another process's syncfs may have
// taken the report first. Waiting on the file's own pages (no device flush,
// nothing left to write after syncfs) returns the file's error instead.
Status CheckWriteback(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": open: " + ErrnoText(errno));
  const int rc = ::sync_file_range(
      fd, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return Status::IOError(path + ": write-back failed: " + ErrnoText(err));
  return Status::OK();
}

// Makes every file and folder under root durable. One syncfs flushes the
// whole file system with a single journal commit: fsync-ing each dirty file
// instead cost one commit per file, longer than building a small lake. Then
// every file's own write errors are checked where syncfs is known to cover
// the files; elsewhere the fsyncs that follow (which then find nothing left
// to write) say what this function guarantees.
Status SyncTree(const fs::path& root) {
  const int root_fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root_fd < 0) return Status::IOError(root.string() + ": open: " + ErrnoText(errno));
  const int rc = ::syncfs(root_fd);
  const int err = errno;
  ::close(root_fd);
  if (rc != 0) return Status::IOError(root.string() + ": syncfs: " + ErrnoText(err));
  const bool covered = SyncfsCoversFiles(root);
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!covered) {
      STEDI_RETURN_IF_ERROR(SyncPath(it->path().string()));
    } else if (it->is_regular_file(ec)) {
      STEDI_RETURN_IF_ERROR(CheckWriteback(it->path().string()));
    }
  }
  if (ec) return Status::IOError(root.string() + ": " + ec.message());
  return covered ? Status::OK() : SyncPath(root.string());
}

}  // namespace

Status SyncPath(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(path + ": open for fsync: " + ErrnoText(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return Status::IOError(path + ": fsync: " + ErrnoText(err));
  return Status::OK();
}

Result<LakePublisher> LakePublisher::Begin(const std::string& lake_dir) {
  fs::path lake = fs::absolute(fs::path(lake_dir)).lexically_normal();
  if (lake.has_filename() == false) lake = lake.parent_path();
  std::error_code ec;
  if (fs::exists(lake, ec)) {
    if (!fs::is_directory(lake, ec)) {
      return Status::InvalidArgument(lake.string() + " exists and is not a directory");
    }
    if (!fs::is_empty(lake, ec) && !fs::exists(lake / "catalog.json", ec)) {
      return Status::InvalidArgument("refusing to replace " + lake.string() +
                                     ": it is not empty and holds no catalog.json (not a lake)");
    }
  }
  fs::path parent = lake.parent_path();
  fs::create_directories(parent, ec);
  if (ec) return Status::IOError(parent.string() + ": cannot create: " + ec.message());
  const std::string base = lake.filename().string();
  const std::string lock_path = (parent / ("." + base + ".lock")).string();
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(lock_path + ": " + ErrnoText(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::IOError("another build of " + lake.string() + " is running (lock " + lock_path +
                           ")");
  }
  // A staging folder left by a killed build is garbage: the old lake is intact.
  fs::path staging = parent / ("." + base + ".staging");
  fs::remove_all(staging, ec);
  if (!ec) fs::create_directory(staging, ec);
  if (ec) {
    ::close(fd);
    return Status::IOError(staging.string() + ": cannot create staging folder: " + ec.message());
  }
  return LakePublisher(lake.string(), staging.string(), fd);
}

LakePublisher::LakePublisher(LakePublisher&& o) noexcept
    : lake_(std::move(o.lake_)),
      staging_(std::move(o.staging_)),
      lock_fd_(o.lock_fd_),
      published_(o.published_) {
  o.lock_fd_ = -1;
  o.published_ = true;  // the moved-from object owns nothing to clean up
}

LakePublisher::~LakePublisher() {
  if (!published_ && !staging_.empty()) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

Status LakePublisher::Publish() {
  STEDI_RETURN_IF_ERROR(SyncTree(staging_));
  std::error_code ec;
  const bool had_lake = fs::exists(lake_, ec);
  if (had_lake) {
    // Atomic swap: the staging name now holds the old lake.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, lake_.c_str(), RENAME_EXCHANGE) != 0) {
      return Status::IOError("cannot swap " + staging_ + " into " + lake_ + ": " +
                             ErrnoText(errno));
    }
  } else if (::rename(staging_.c_str(), lake_.c_str()) != 0) {
    return Status::IOError("cannot rename " + staging_ + " to " + lake_ + ": " + ErrnoText(errno));
  }
  published_ = true;
  STEDI_RETURN_IF_ERROR(SyncPath(fs::path(lake_).parent_path().string()));
  if (had_lake) fs::remove_all(staging_, ec);  // the old lake; failure here loses nothing
  return Status::OK();
}

}  // namespace stedi
