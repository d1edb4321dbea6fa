#include "domain/platform/personal_info.hpp"

#include <algorithm>

namespace xiaoan::domain {
namespace {

// Keeps `head` leading and `tail` trailing characters and masks the digits and letters between;
// a value too short for that keeps its last 2 only.
std::string Mask(std::string_view v, std::size_t head, std::size_t tail) {
  if (v.empty()) return {};
  std::string out(v);
  const bool short_value = v.size() <= head + tail;
  const std::size_t from = short_value ? 0 : head;
  const std::size_t to = v.size() - (short_value ? std::min<std::size_t>(2, v.size()) : tail);
  for (std::size_t i = from; i < to; ++i) {
    const char c = out[i];
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (alnum) out[i] = '*';
  }
  return out;
}

}  // namespace

std::string MaskPhone(std::string_view phone) { return Mask(phone, 3, 4); }

bool IsMobileNumber(std::string_view text) {
  if (text.size() != 11 || text[0] != '1' || text[1] < '3' || text[1] > '9') return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string MaskIdCard(std::string_view id) { return Mask(id, 6, 4); }

std::string KeepUnlessMasked(const std::string& incoming, const std::string& stored,
                             std::string (*mask)(std::string_view)) {
  if (!stored.empty() && incoming.find('*') != std::string::npos && incoming == mask(stored)) {
    return stored;
  }
  return incoming;
}

}  // namespace xiaoan::domain
