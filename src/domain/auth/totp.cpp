#include "domain/auth/totp.hpp"

#include <cctype>
#include <cstdio>

#include "core/crypto.hpp"

namespace xiaoan::domain {
namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string UriEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}
}  // namespace

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  int buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> Base32Decode(std::string_view text) {
  std::string out;
  int buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const auto pos = kAlphabet.find(c);
    if (pos == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<int>(pos);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::int64_t TotpStep(Instant t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count() / 30;
}

std::string TotpCode(std::string_view secret, std::int64_t step, int digits) {
  std::string counter(8, '\0');
  for (int i = 7; i >= 0; --i) {
    counter[i] = static_cast<char>(step & 0xFF);
    step >>= 8;
  }
  const std::string mac = HmacSha1(secret, counter);
  const int offset = mac.back() & 0x0F;
  const std::uint32_t binary = ((static_cast<unsigned char>(mac[offset]) & 0x7F) << 24) |
                               (static_cast<unsigned char>(mac[offset + 1]) << 16) |
                               (static_cast<unsigned char>(mac[offset + 2]) << 8) |
                               static_cast<unsigned char>(mac[offset + 3]);
  std::uint32_t mod = 1;
  for (int i = 0; i < digits; ++i) mod *= 10;
  std::string code = std::to_string(binary % mod);
  while (static_cast<int>(code.size()) < digits) code.insert(code.begin(), '0');
  return code;
}

std::optional<std::int64_t> VerifyTotp(std::string_view secret, std::string_view code, Instant now,
                                       std::int64_t last_step) {
  if (code.size() != 6) return std::nullopt;
  const std::int64_t step = TotpStep(now);
  for (std::int64_t s : {step, step - 1, step + 1}) {
    if (s <= last_step) continue;
    // Compare every step in full so timing does not reveal which one matched.
    if (TotpCode(secret, s) == code) return s;
  }
  return std::nullopt;
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  return "otpauth://totp/" + UriEncode(issuer) + ":" + UriEncode(account) +
         "?secret=" + std::string(secret) + "&issuer=" + UriEncode(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace xiaoan::domain
