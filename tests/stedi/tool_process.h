// Test helper: runs one of the built tools (bin/<name>) in a child process,
// optionally under a file size limit or as the unprivileged user, and
// collects its exit status, stdout and stderr.
#pragma once

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "test_dirs.h"

namespace stedi::testing {

inline constexpr uid_t kNobody = 65534;  // Debian's nobody / nogroup

struct ToolRun {
  int status = 0;  // exit code, -signal when a signal ended it, kTimedOut
  std::string out, err;
};

inline constexpr int kTimedOut = -1000;

struct ChildLimits {
  rlim_t file_size = RLIM_INFINITY;  // RLIMIT_FSIZE in the child
  bool as_nobody = false;            // drop root to nobody before exec
  int timeout_seconds = 120;         // then the child is killed: kTimedOut
};

namespace internal {

// In the child: limits, identity, pipes; never returns.
// Only async-signal-safe calls here: the parent may have threads.
[[noreturn]] inline void ExecTool(char* const* argv, const ChildLimits& limits, int out_fd,
                                  int err_fd) {
  ::dup2(out_fd, 1);
  ::dup2(err_fd, 2);
  const rlimit fsize{limits.file_size, limits.file_size};
  if (limits.file_size != RLIM_INFINITY && ::setrlimit(RLIMIT_FSIZE, &fsize) != 0) ::_exit(126);
  if (limits.as_nobody &&
      (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) {
    ::_exit(126);
  }
  ::execv(argv[0], argv);
  ::_exit(127);
}

// Reads both pipes until they close or the deadline passes; false on timeout.
inline bool Drain(int out_fd, int err_fd, int timeout_seconds, ToolRun* run) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&run->out, &run->err};
  int open = 2;
  char buf[65536];
  while (open > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    if (::poll(fds, 2, static_cast<int>(left.count())) < 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else {
        fds[i].fd = -1;
        --open;
      }
    }
  }
  return true;
}

}  // namespace internal

// Runs bin/<name> with `args` and waits for it (or kills it at the timeout).
inline ToolRun RunTool(const std::string& name, const std::vector<std::string>& args,
                       const ChildLimits& limits = {}) {
  ToolRun run;
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) return {-2000, "", "pipe"};
  const std::string tool = ToolPath(name);
  std::vector<char*> argv{const_cast<char*>(tool.c_str())};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) internal::ExecTool(argv.data(), limits, out[1], err[1]);
  ::close(out[1]);
  ::close(err[1]);
  const bool finished = internal::Drain(out[0], err[0], limits.timeout_seconds, &run);
  if (!finished) ::kill(pid, SIGKILL);
  ::close(out[0]);
  ::close(err[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.status = !finished ? kTimedOut : WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  return run;
}

}  // namespace stedi::testing
