#pragma once
// One `xiaoan serve` per SQLite database and per address: the lock file beside the database, and
// the process that already listens on a port (read from /proc, for the refusal message).
#include <memory>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace xiaoan::cli {

// An exclusive lock (flock) on a file, held until destroyed or until the process ends (also by
// kill -9: the kernel releases it). The file records who holds it, for the next one's message.
class InstanceLock {
 public:
  ~InstanceLock();
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;

  // Takes the lock on path, writing holder (one line, e.g. the pid and address) into it; when
  // another process holds it, fails with a message naming what that process wrote.
  static Result<std::unique_ptr<InstanceLock>> Acquire(const std::string& path,
                                                       const std::string& holder,
                                                       const std::string& what);

 private:
  explicit InstanceLock(int fd) : fd_(fd) {}
  int fd_;
};

// "进程 1234（xiaoan serve --data-dir var）" for the process listening on TCP port, if one is
// found (needs permission to read the other process's /proc entries).
std::optional<std::string> DescribeListener(unsigned short port);

}  // namespace xiaoan::cli
