#pragma once
#include <string>
#include <string_view>

namespace xiaoan {
// Hex digests (OpenSSL). SM3 is the GM/T 0004 hash used in the GM profile.
std::string Sha256Hex(std::string_view data);
std::string Sm3Hex(std::string_view data);
}  // namespace xiaoan
