// Publishing a lake atomically.
//
// A build writes the new lake into a staging folder beside the target and
// then swaps it in with one rename (Linux renameat2 RENAME_EXCHANGE), so a
// reader or a build killed at any moment sees either the old lake or the new
// one, complete. A lock file keeps two builds of the same lake apart.
#pragma once

#include <string>

#include "core/status.h"

namespace stedi {

class LakePublisher {
 public:
  // Takes the build lock for `lake_dir` and prepares an empty staging folder.
  // Fails (without touching anything) if lake_dir exists and is neither empty
  // nor a lake (no catalog.json), or if another build holds the lock.
  static Result<LakePublisher> Begin(const std::string& lake_dir);
  LakePublisher(LakePublisher&& other) noexcept;
  LakePublisher& operator=(LakePublisher&&) = delete;
  ~LakePublisher();  // removes the staging folder unless published; releases the lock

  const std::string& staging_dir() const { return staging_; }
  // fsyncs the staging tree and swaps it in; the old lake is then deleted.
  Status Publish();

 private:
  LakePublisher(std::string lake, std::string staging, int lock_fd)
      : lake_(std::move(lake)), staging_(std::move(staging)), lock_fd_(lock_fd) {}
  std::string lake_;
  std::string staging_;
  int lock_fd_ = -1;
  bool published_ = false;
};

// fsyncs a file or directory by path.
Status SyncPath(const std::string& path);

}  // namespace stedi
