#include "core/password.hpp"

#include <sodium.h>

#include <atomic>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/strings.hpp"

namespace xiaoan {
namespace {
void EnsureSodium() {
  static const int init = sodium_init();
  if (init < 0) throw std::runtime_error("libsodium failed to initialise");
}
}  // namespace

namespace {
std::atomic<PasswordAlgorithm> g_algorithm{PasswordAlgorithm::kArgon2id};
thread_local std::uint64_t t_work = 0;
constexpr std::string_view kSm3Prefix = "$pbkdf2-sm3$";
constexpr int kSm3Iterations = 100000;

std::string FromHex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return out;
}
}  // namespace

void SetPasswordAlgorithm(PasswordAlgorithm algorithm) { g_algorithm = algorithm; }

std::string HashPassword(std::string_view password) {
  return HashPasswordWith(g_algorithm.load(), password);
}

std::uint64_t PasswordWorkCount() { return t_work; }

std::string HashPasswordWith(PasswordAlgorithm algorithm, std::string_view password) {
  ++t_work;
  if (algorithm == PasswordAlgorithm::kPbkdf2Sm3) {
    const std::string salt = RandomBytes(16);
    const std::string key = Pbkdf2Sm3(password, salt, kSm3Iterations, 32);
    return std::string(kSm3Prefix) + "i=" + std::to_string(kSm3Iterations) + "$" +
           ToHex(reinterpret_cast<const unsigned char*>(salt.data()), salt.size()) + "$" +
           ToHex(reinterpret_cast<const unsigned char*>(key.data()), key.size());
  }
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  ++t_work;
  EnsureSodium();
  if (hash.rfind(kSm3Prefix, 0) == 0) {
    // $pbkdf2-sm3$i=N$salt$key
    const auto parts = Split(hash.substr(kSm3Prefix.size()), '$');
    if (parts.size() != 3 || parts[0].rfind("i=", 0) != 0) return false;
    const auto iterations = ParseInt(parts[0].substr(2));
    if (!iterations || *iterations < 1 || *iterations > 10000000) return false;
    const std::string expected = FromHex(parts[2]);
    const std::string key =
        Pbkdf2Sm3(password, FromHex(parts[1]), static_cast<int>(*iterations), expected.size());
    return !expected.empty() && sodium_memcmp(key.data(), expected.data(), key.size()) == 0;
  }
  const std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string GeneratePassword(std::size_t length) {
  EnsureSodium();
  static constexpr std::string_view kClasses[] = {
      "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!@#%^*-_=+"};
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    // The first four characters cover every class; the rest are drawn from all of them.
    const auto& cls = kClasses[i < 4 ? i : randombytes_uniform(4)];
    out += cls[randombytes_uniform(static_cast<std::uint32_t>(cls.size()))];
  }
  // Shuffle so the class order does not leak.
  for (std::size_t i = out.size() - 1; i > 0; --i) {
    std::swap(out[i], out[randombytes_uniform(static_cast<std::uint32_t>(i + 1))]);
  }
  return out;
}

std::string RandomBytes(std::size_t count) {
  EnsureSodium();
  std::string buf(count, '\0');
  randombytes_buf(buf.data(), count);
  return buf;
}

std::string RandomHex(std::size_t bytes) {
  EnsureSodium();
  std::string buf(bytes, '\0');
  randombytes_buf(buf.data(), bytes);
  return ToHex(reinterpret_cast<const unsigned char*>(buf.data()), bytes);
}

}  // namespace xiaoan
