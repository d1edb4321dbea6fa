#include "core/crypto.hpp"

#include <openssl/evp.h>

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

std::string Sha256Hex(std::string_view data) { return Digest("SHA256", data); }
std::string Sm3Hex(std::string_view data) { return Digest("SM3", data); }

}  // namespace xiaoan
