#pragma once
// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 30 s steps).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace xiaoan::domain {

std::string Base32Encode(std::string_view bytes);
std::optional<std::string> Base32Decode(std::string_view text);

std::int64_t TotpStep(Instant t);
// The code for a step, zero-padded to digits.
std::string TotpCode(std::string_view secret, std::int64_t step, int digits = 6);
// Accepts the code of the current step or one step either side (clock drift), but only a step
// after last_step, so that a code is never accepted twice. Returns the matched step.
std::optional<std::int64_t> VerifyTotp(std::string_view secret, std::string_view code, Instant now,
                                       std::int64_t last_step);
// otpauth:// URI for authenticator apps (shown as a QR code by the console).
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace xiaoan::domain
