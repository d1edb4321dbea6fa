#include "cli/instance.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/strings.hpp"

namespace xiaoan::cli {

InstanceLock::~InstanceLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the lock
}

Result<std::unique_ptr<InstanceLock>> InstanceLock::Acquire(const std::string& path,
                                                            const std::string& holder,
                                                            const std::string& what) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Internal("无法打开锁文件 " + path + "：" + std::strerror(errno));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    std::string other;
    char buf[512];
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    if (n > 0) other = std::string(Trim(std::string_view(buf, static_cast<std::size_t>(n))));
    ::close(fd);
    if (err != EWOULDBLOCK) {
      return Internal("无法锁定 " + path + "：" + std::strerror(err));
    }
    return FailedPrecondition("instance.running",
                              "另一个 xiaoan serve 正在使用" + what + "（" +
                                  (other.empty() ? "进程未知" : other) + "，锁文件 " + path +
                                  "）；同一个 SQLite 数据库只能由一个服务进程使用，请先停止它");
  }
  // Ours now: replace what the previous holder wrote.
  if (::ftruncate(fd, 0) != 0 ||
      ::pwrite(fd, holder.data(), holder.size(), 0) != static_cast<ssize_t>(holder.size())) {
    const int err = errno;
    ::close(fd);
    return Internal("无法写入锁文件 " + path + "：" + std::strerror(err));
  }
  return std::unique_ptr<InstanceLock>(new InstanceLock(fd));
}

namespace {

// Socket inodes of listening TCP sockets on port, from /proc/net/tcp and tcp6.
std::vector<std::string> ListeningInodes(unsigned short port) {
  std::vector<std::string> inodes;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream in(table);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string sl, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
      if (!(fields >> sl >> local >> remote >> state >> queues >> timer >> retransmits >> uid >>
            timeout >> inode)) {
        continue;
      }
      if (state != "0A") continue;  // TCP_LISTEN
      const auto colon = local.rfind(':');
      if (colon == std::string::npos) continue;
      if (std::strtoul(local.c_str() + colon + 1, nullptr, 16) != port) continue;
      inodes.push_back("socket:[" + inode + "]");
    }
  }
  return inodes;
}

std::string CommandLine(const std::filesystem::path& proc_dir) {
  std::ifstream in(proc_dir / "cmdline", std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!raw.empty() && raw.back() == '\0') raw.pop_back();
  for (char& c : raw) {
    if (c == '\0') c = ' ';
  }
  return raw;
}

}  // namespace

std::optional<std::string> DescribeListener(unsigned short port) {
  const auto inodes = ListeningInodes(port);
  if (inodes.empty()) return std::nullopt;
  std::error_code ec;
  for (const auto& proc : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string pid = proc.path().filename().string();
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::error_code fd_ec;
    for (const auto& fd : std::filesystem::directory_iterator(proc.path() / "fd", fd_ec)) {
      std::error_code link_ec;
      const auto target = std::filesystem::read_symlink(fd.path(), link_ec).string();
      if (link_ec) continue;
      for (const auto& inode : inodes) {
        if (target == inode) {
          const std::string cmd = CommandLine(proc.path());
          return "进程 " + pid + (cmd.empty() ? "" : "（" + cmd + "）");
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace xiaoan::cli
