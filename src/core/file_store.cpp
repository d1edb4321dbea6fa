#include "core/file_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/password.hpp"

namespace xiaoan {

namespace fs = std::filesystem;

fs::path ContentPath(const std::string& dir, const std::string& sha256) {
  return fs::path(dir) / sha256.substr(0, 2) / sha256;
}

Status WriteContent(const std::string& dir, const std::string& sha256, const std::string& bytes) {
  const fs::path target = ContentPath(dir, sha256);
  std::error_code ec;
  if (fs::exists(target, ec) && fs::file_size(target, ec) == bytes.size()) return {};
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return Internal("无法创建文件目录 " + target.parent_path().string() + "：" + ec.message());
  }
  // Written to a private temporary name, synced, renamed into place, and the directory synced:
  // the caller records the file only after this returns, so a recorded file survives a crash.
  const fs::path tmp = target.string() + ".tmp" + RandomHex(4);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return Internal("无法写入文件 " + tmp.string() + "：" + std::strerror(errno));
  std::size_t done = 0;
  bool ok = true;
  while (ok && done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    fs::remove(tmp, ec);
    return Internal("无法写入文件 " + tmp.string());
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Internal("无法保存文件 " + target.string());
  }
  const int dir_fd = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return Internal("无法同步文件目录 " + target.parent_path().string());
  const bool synced = ::fsync(dir_fd) == 0;
  ::close(dir_fd);
  if (!synced) return Internal("无法同步文件目录 " + target.parent_path().string());
  return {};
}

Result<std::string> ReadContent(const std::string& dir, const std::string& sha256) {
  std::ifstream in(ContentPath(dir, sha256), std::ios::binary);
  if (!in) return Internal("文件内容缺失：" + sha256);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string bytes = buf.str();
  if (Sha256Hex(bytes) != sha256) return Internal("文件内容与登记的摘要不符：" + sha256);
  return bytes;
}

}  // namespace xiaoan
