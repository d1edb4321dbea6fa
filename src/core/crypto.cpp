#include "core/crypto.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "core/strings.hpp"

namespace xiaoan {
namespace {
std::string Digest(const char* name, std::string_view data) {
  EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  if (md == nullptr) throw std::runtime_error(std::string("digest unavailable: ") + name);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const int ok = EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
  EVP_MD_free(md);
  if (ok != 1) throw std::runtime_error("digest failed");
  return ToHex(out, len);
}
}  // namespace

std::string HmacSha1(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), out,
           &len) == nullptr) {
    throw std::runtime_error("HMAC-SHA1 failed");
  }
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string HmacSha256Hex(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), out,
           &len) == nullptr) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 0xf];
  }
  return hex;
}

std::string Pbkdf2Sm3(std::string_view password, std::string_view salt, int iterations,
                      std::size_t length) {
  EVP_MD* md = EVP_MD_fetch(nullptr, "SM3", nullptr);
  if (md == nullptr) throw std::runtime_error("SM3 unavailable");
  std::string out(length, '\0');
  const int ok = PKCS5_PBKDF2_HMAC(
      password.data(), static_cast<int>(password.size()),
      reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
      iterations, md, static_cast<int>(length), reinterpret_cast<unsigned char*>(out.data()));
  EVP_MD_free(md);
  if (ok != 1) throw std::runtime_error("PBKDF2-SM3 failed");
  return out;
}

std::string Sha256Hex(std::string_view data) { return Digest("SHA256", data); }
std::string Sm3Hex(std::string_view data) { return Digest("SM3", data); }

}  // namespace xiaoan
