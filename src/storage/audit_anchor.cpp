#include "storage/audit_anchor.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/password.hpp"

namespace xiaoan::storage {
namespace {

std::string Payload(const domain::AuditHead& head) {
  return "xiaoan-audit-head\n" + std::to_string(head.id) + "\n" + head.hash;
}

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Internal("无法读取 " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Status WriteNew(const std::string& path, const std::string& bytes, int mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, mode);
  if (fd < 0) return Internal("无法写入 " + path);
  std::size_t written = 0;
  while (written < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      ::close(fd);
      return Internal("无法写入 " + path);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) return Internal("无法写入 " + path);
  return {};
}

}  // namespace

AuditAnchor::AuditAnchor(std::string head_path, std::string key)
    : head_path_(std::move(head_path)), key_(std::move(key)) {}

Result<std::shared_ptr<AuditAnchor>> AuditAnchor::Open(const std::string& head_path,
                                                       const std::string& key_path) {
  std::error_code ec;
  for (const auto& p : {head_path, key_path}) {
    const auto dir = std::filesystem::path(p).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  }
  std::string key;
  if (std::filesystem::exists(key_path)) {
    XA_ASSIGN_OR_RETURN(key, ReadWhole(key_path));
    if (key.size() < 32) return Internal("审计链头密钥文件无效：" + key_path);
  } else {
    key = RandomHex(32);
    XA_TRY(WriteNew(key_path, key, 0600));
  }
  return std::shared_ptr<AuditAnchor>(new AuditAnchor(head_path, std::move(key)));
}

Status AuditAnchor::WriteLocked(const domain::AuditHead& head) {
  const std::string text = boost::json::serialize(boost::json::object{
      {"id", head.id}, {"hash", head.hash}, {"mac", HmacSha256Hex(key_, Payload(head))}});
  const std::string tmp = head_path_ + ".tmp";
  XA_TRY(WriteNew(tmp, text + "\n", 0640));
  std::error_code ec;
  std::filesystem::rename(tmp, head_path_, ec);
  if (ec) return Internal("无法更新审计链头 " + head_path_ + "：" + ec.message());
  written_id_ = head.id;
  return {};
}

Status AuditAnchor::Advance(std::int64_t first_id, const domain::AuditHead& head) {
  if (head.id < first_id) return {};  // what was appended was rolled back
  std::lock_guard lock(mu_);
  if (written_id_ < 0) {    // first use in this process: start from what the file holds
    auto current = Read();  // reads the file only; takes no lock
    if (!current.ok()) return current.error();
    written_id_ = *current ? (*current)->id : first_id - 1;  // no file yet: anchoring starts here
  }
  if (head.id <= written_id_) return {};
  if (pending_.size() < 10000) pending_[first_id] = head;
  domain::AuditHead to{written_id_, {}};
  while (!pending_.empty() && pending_.begin()->first <= to.id + 1) {
    if (pending_.begin()->second.id > to.id) to = pending_.begin()->second;
    pending_.erase(pending_.begin());
  }
  if (to.id <= written_id_) return {};
  return WriteLocked(to);
}

Status AuditAnchor::Reset(const domain::AuditHead& head) {
  std::lock_guard lock(mu_);
  pending_.clear();
  return WriteLocked(head);
}

Result<std::optional<domain::AuditHead>> AuditAnchor::Read() const {
  std::error_code ec;
  if (!std::filesystem::exists(head_path_, ec)) return std::optional<domain::AuditHead>{};
  XA_ASSIGN_OR_RETURN(auto text, ReadWhole(head_path_));
  boost::system::error_code jec;
  auto v = boost::json::parse(text, jec);
  const auto* o = jec ? nullptr : v.if_object();
  const auto* id = o ? o->if_contains("id") : nullptr;
  const auto* hash = o ? o->if_contains("hash") : nullptr;
  const auto* mac = o ? o->if_contains("mac") : nullptr;
  if (!id || !id->is_int64() || !hash || !hash->is_string() || !mac || !mac->is_string()) {
    return Internal("审计链头文件已损坏：" + head_path_);
  }
  domain::AuditHead head{id->as_int64(), std::string(hash->as_string())};
  if (HmacSha256Hex(key_, Payload(head)) != mac->as_string()) {
    return Internal("审计链头文件的签名不符（被改动过）：" + head_path_);
  }
  return std::optional<domain::AuditHead>{head};
}

}  // namespace xiaoan::storage
