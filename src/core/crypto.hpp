#pragma once
#include <string>
#include <string_view>

namespace xiaoan {
// Hex digests (OpenSSL). SM3 is the GM/T 0004 hash used in the GM profile.
std::string Sha256Hex(std::string_view data);
std::string Sm3Hex(std::string_view data);
// Raw HMAC-SHA1 (for TOTP, RFC 6238's default algorithm).
std::string HmacSha1(std::string_view key, std::string_view data);
// HMAC-SHA256, as lowercase hex.
std::string HmacSha256Hex(std::string_view key, std::string_view data);
// PBKDF2 with HMAC over SM3 (GM/T 0004), raw bytes.
std::string Pbkdf2Sm3(std::string_view password, std::string_view salt, int iterations,
                      std::size_t length);
}  // namespace xiaoan
