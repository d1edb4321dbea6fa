#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace xiaoan {
// New hashes use Argon2id (libsodium) by default, or PBKDF2-HMAC-SM3 (100,000 iterations, 16-byte
// salt) in the GM profile; set once at start-up. Verification recognises either encoding, so a
// deployment can switch profiles without locking anyone out.
enum class PasswordAlgorithm { kArgon2id, kPbkdf2Sm3 };
void SetPasswordAlgorithm(PasswordAlgorithm algorithm);
std::string HashPassword(std::string_view password);
std::string HashPasswordWith(PasswordAlgorithm algorithm, std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);
// How many password hashes and verifications the calling thread has run. Each costs about 0.2 s
// of CPU, so no request's write transaction may run one (on SQLite every other write of the
// district would wait behind it); tests compare this count before and after a transaction's work.
std::uint64_t PasswordWorkCount();
// Tests only: new Argon2id hashes use libsodium's minimum cost (the same algorithm and encoding,
// verified the same way), so that a test that creates a district's accounts does not spend 0.2 s
// of CPU on each. Never called by the server.
void UseMinimalPasswordCostForTests();
// A random password of the given length with upper, lower, digits and symbols.
std::string GeneratePassword(std::size_t length = 16);
std::string RandomBytes(std::size_t count);
// Random bytes as lowercase hex (request ids, tokens).
std::string RandomHex(std::size_t bytes);
}  // namespace xiaoan
