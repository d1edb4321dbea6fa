#include "core/file_store.hpp"

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
  const fs::path tmp = target.string() + ".tmp" + RandomHex(4);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return Internal("无法写入文件 " + tmp.string());
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Internal("无法保存文件 " + target.string());
  }
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
