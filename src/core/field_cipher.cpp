#include "core/field_cipher.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/password.hpp"
#include "core/strings.hpp"

namespace xiaoan {
namespace {

constexpr std::string_view kPrefix = "sm4:";
constexpr std::size_t kBlock = 16;  // SM4 block and counter
constexpr std::size_t kTag = 16;    // HMAC-SM3, truncated

std::string HmacSm3(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_MD* md = EVP_MD_fetch(nullptr, "SM3", nullptr);
  if (md == nullptr) throw std::runtime_error("SM3 unavailable");
  const auto* r = HMAC(md, key.data(), static_cast<int>(key.size()),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  EVP_MD_free(md);
  if (r == nullptr) throw std::runtime_error("HMAC-SM3 failed");
  return std::string(reinterpret_cast<const char*>(out), len);
}

// SM4-CTR: encryption and decryption are the same operation.
std::string Sm4Ctr(std::string_view key, std::string_view counter, std::string_view in) {
  EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "SM4-CTR", nullptr);
  if (cipher == nullptr) throw std::runtime_error("SM4 unavailable");
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  std::string out(in.size(), '\0');
  int len = 0;
  const bool ok =
      ctx != nullptr &&
      EVP_EncryptInit_ex2(ctx, cipher, reinterpret_cast<const unsigned char*>(key.data()),
                          reinterpret_cast<const unsigned char*>(counter.data()), nullptr) == 1 &&
      EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &len,
                        reinterpret_cast<const unsigned char*>(in.data()),
                        static_cast<int>(in.size())) == 1;
  EVP_CIPHER_CTX_free(ctx);
  EVP_CIPHER_free(cipher);
  if (!ok) throw std::runtime_error("SM4-CTR failed");
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = HexDigit(hex[i]);
    const int lo = HexDigit(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::string Hex(std::string_view bytes) {
  return ToHex(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

// "sm4:<version>:<hex>" split; nullopt when it is not of that shape.
struct Sealed {
  int version = 0;
  std::string bytes;  // counter block, cipher text, tag
};
std::optional<Sealed> Split(std::string_view stored) {
  if (!IsSealedField(stored)) return std::nullopt;
  stored.remove_prefix(kPrefix.size());
  const auto colon = stored.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 6) return std::nullopt;
  int version = 0;
  for (char c : stored.substr(0, colon)) {
    if (c < '0' || c > '9') return std::nullopt;
    version = version * 10 + (c - '0');
  }
  auto bytes = FromHex(stored.substr(colon + 1));
  if (!bytes || bytes->size() < kBlock + kTag) return std::nullopt;
  return Sealed{version, std::move(*bytes)};
}

std::string TagOf(std::string_view mac_key, int version, std::string_view body) {
  return HmacSm3(mac_key, "xiaoan-field\n" + std::to_string(version) + "\n" + std::string(body))
      .substr(0, kTag);
}

}  // namespace

bool IsSealedField(std::string_view stored) { return stored.substr(0, kPrefix.size()) == kPrefix; }

std::string NormaliseForIndex(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string FieldIndex(const FieldCipher* cipher, std::string_view value) {
  if (cipher != nullptr) return cipher->Index(value);
  const auto n = NormaliseForIndex(value);
  if (n.empty()) return {};
  return Sm3Hex("xiaoan-index\n" + n).substr(0, 32);
}

Result<std::shared_ptr<const FieldCipher>> FieldCipher::FromKeyText(std::string_view text,
                                                                    std::string_view source,
                                                                    bool sealing) {
  std::vector<Key> keys;
  std::istringstream in{std::string(text)};
  std::string line;
  int n = 0;
  const auto bad = [&](const std::string& why) {
    return InvalidArgument("security.field_key_file",
                           std::string(source) + " 第 " + std::to_string(n) + " 行：" + why);
  };
  while (std::getline(in, line)) {
    ++n;
    const auto t = std::string(Trim(line));
    if (t.empty() || t[0] == '#') continue;
    const auto space = t.find(' ');
    if (space == std::string::npos) return bad("须为“版本号 64 位十六进制密钥”");
    int version = 0;
    const auto v = std::string_view(t).substr(0, space);
    if (v.empty() || v.size() > 6) return bad("版本号须为正整数");
    for (char c : v) {
      if (c < '0' || c > '9') return bad("版本号须为正整数");
      version = version * 10 + (c - '0');
    }
    if (version <= 0 || (!keys.empty() && version <= keys.back().version))
      return bad("版本号须为正整数且逐行递增");
    auto master = FromHex(Trim(std::string_view(t).substr(space + 1)));
    if (!master || master->size() != 32) return bad("密钥须为 64 位十六进制数字");
    keys.push_back(Key{version, HmacSm3(*master, "xiaoan-field-enc").substr(0, 16),
                       HmacSm3(*master, "xiaoan-field-mac"),
                       HmacSm3(*master, "xiaoan-field-index")});
  }
  if (keys.empty()) {
    return InvalidArgument("security.field_key_file", std::string(source) + " 中没有密钥");
  }
  return std::shared_ptr<const FieldCipher>(new FieldCipher(std::move(keys), sealing));
}

std::string FieldCipher::NewKeyLine(int version) {
  return std::to_string(version) + " " + RandomHex(32) + "\n";
}

Result<std::shared_ptr<const FieldCipher>> FieldCipher::OpenKeyFile(const std::string& path,
                                                                    bool create, bool sealing) {
  if (!std::filesystem::exists(path)) {
    if (!create) return NotFound("字段密钥文件 " + path + " 不存在");
    const std::string text =
        "# 校安 个人信息字段密钥（SM4）。每行“版本号 密钥”，最新的一行用于加密。\n"
        "# 轮换：追加新版本一行，运行 xiaoan protect-fields，再删去旧行。切勿丢失此文件。\n" +
        NewKeyLine(1);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return Internal("无法创建字段密钥文件 " + path);
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                    ::fsync(fd) == 0;
    if (::close(fd) != 0 || !ok) return Internal("无法写入字段密钥文件 " + path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Internal("无法读取字段密钥文件 " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return FromKeyText(s.str(), path, sealing);
}

int FieldCipher::current_version() const { return keys_.back().version; }

const FieldCipher::Key* FieldCipher::Find(int version) const {
  for (const auto& k : keys_) {
    if (k.version == version) return &k;
  }
  return nullptr;
}

std::string FieldCipher::Seal(std::string_view plain) const {
  if (plain.empty()) return {};
  const Key& k = keys_.back();
  const std::string counter = RandomBytes(kBlock);
  const std::string body = counter + Sm4Ctr(k.enc, counter, plain);
  return std::string(kPrefix) + std::to_string(k.version) + ":" +
         Hex(body + TagOf(k.mac, k.version, body));
}

Result<std::string> FieldCipher::Open(std::string_view stored) const {
  if (!IsSealedField(stored)) return std::string(stored);
  auto sealed = Split(stored);
  if (!sealed) return Internal("加密字段格式无效");
  const Key* k = Find(sealed->version);
  if (k == nullptr) {
    return FailedPrecondition(
        "field.key_missing", "字段密钥文件中没有第 " + std::to_string(sealed->version) + " 版密钥");
  }
  const std::string_view all = sealed->bytes;
  const auto body = all.substr(0, all.size() - kTag);
  const auto tag = all.substr(all.size() - kTag);
  if (CRYPTO_memcmp(TagOf(k->mac, k->version, body).data(), tag.data(), kTag) != 0) {
    return Internal("加密字段校验失败（已被改动）");
  }
  return Sm4Ctr(k->enc, body.substr(0, kBlock), body.substr(kBlock));
}

bool FieldCipher::SealedWithCurrent(std::string_view stored) const {
  const auto sealed = Split(stored);
  return sealed && sealed->version == current_version();
}

std::string FieldCipher::Index(std::string_view value) const {
  const auto n = NormaliseForIndex(value);
  if (n.empty()) return {};
  return Hex(HmacSm3(keys_.back().index, n)).substr(0, 32);
}

}  // namespace xiaoan
