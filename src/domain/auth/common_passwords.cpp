#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "domain/auth/auth.hpp"

namespace xiaoan::domain {
namespace {
// Passwords seen most often in published leak statistics, including the "complex-looking" ones
// that pass a composition rule. Compared case-insensitively.
constexpr std::array<std::string_view, 96> kCommon = {
    "123456",       "123456789",   "12345678",   "password",   "qwerty123",    "1q2w3e4r",
    "111111",       "123123",      "abc123",     "password1",  "iloveyou",     "000000",
    "qwerty",       "1qaz2wsx",    "a123456",    "aa123456",   "woaini1314",   "5201314",
    "admin",        "admin123",    "admin@123",  "admin123!",  "admin@1234",   "admin#123",
    "p@ssw0rd",     "p@ssword",    "passw0rd",   "passw0rd!",  "password@1",   "password!",
    "password@123", "password123", "password1!", "pa$$w0rd",   "qwer1234",     "qwer1234!",
    "qwer@1234",    "qwe123!@#",   "1qaz@wsx",   "1qaz!qaz",   "1qaz@wsx3edc", "zaq12wsx",
    "!qaz2wsx",     "abc@123",     "abc@1234",   "abc123!",    "abcd@1234",    "abc12345",
    "aa123456!",    "aa123456.",   "aa@123456",  "a123456!",   "a1234567",     "a12345678",
    "root@123",     "root123!",    "test@123",   "test1234!",  "welcome1",     "welcome1!",
    "welcome@123",  "huawei@123",  "huawei123",  "sysadmin1!", "changeme1!",   "letmein1!",
    "zxcv1234!",    "zxcvbnm1!",   "asdf1234!",  "asd123!@#",  "123qwe!@#",    "1234qwer!",
    "q1w2e3r4!",    "qazwsx123!",  "china123!",  "china@123",  "beijing@123",  "shanghai@123",
    "xiaoan@123",   "xiaoan123!",  "school@123", "school123!", "edu@12345",    "jiaoyu@123",
    "anquan@123",   "123456aa!",   "123456abc!", "123456qq!",  "qq123456!",    "wang123456!",
    "li123456!",    "zhang123!",   "love1314!",  "woaini@520", "summer2026!",  "winter2026!"};
}  // namespace

bool IsCommonPassword(std::string_view password) {
  std::string lower(password);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return std::find(kCommon.begin(), kCommon.end(), lower) != kCommon.end();
}

}  // namespace xiaoan::domain
