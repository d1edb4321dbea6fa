#pragma once
#include <string>
#include <string_view>

namespace xiaoan {
// Argon2id (libsodium), encoded with its parameters and salt.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);
// A random password of the given length with upper, lower, digits and symbols.
std::string GeneratePassword(std::size_t length = 16);
// Random bytes as lowercase hex (request ids, tokens).
std::string RandomHex(std::size_t bytes);
}  // namespace xiaoan
