#include "storage/file_util.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace stedi {
namespace {

Status Errno(const std::string& what) {
  return Status::IOError(what + ": " + std::strerror(errno));
}

Status WriteAll(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Errno(path + ": write");
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::OK();
}

Status SyncDir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno(dir + ": open directory");
  const int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? Status::OK() : Errno(dir + ": fsync directory");
}

}  // namespace

Status CreateDirs(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": create directory: " + ec.message());
  return Status::OK();
}

Status WriteFileAtomically(const std::string& dir, const std::string& name, std::string_view data,
                           bool sync) {
  const std::string path = dir + "/" + name;
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Errno(tmp + ": create");
  Status st = WriteAll(fd, data, tmp);
  if (st.ok() && sync && ::fsync(fd) != 0) st = Errno(tmp + ": fsync");
  if (::close(fd) != 0 && st.ok()) st = Errno(tmp + ": close");
  if (st.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) st = Errno(path + ": rename");
  if (!st.ok()) {
    ::unlink(tmp.c_str());
    return st;
  }
  return sync ? SyncDir(dir) : Status::OK();
}

Result<std::vector<std::string>> ListDir(const std::string& dir, bool (*keep)(const std::string&)) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory)
      return Status::NotFound(dir + ": no such directory");
    return Status::IOError(dir + ": list: " + ec.message());
  }
  std::vector<std::string> names;
  for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (keep(name)) names.push_back(std::move(name));
  }
  if (ec) return Status::IOError(dir + ": list: " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

Status RemoveFile(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return Errno(path + ": remove");
  return Status::OK();
}

}  // namespace stedi
