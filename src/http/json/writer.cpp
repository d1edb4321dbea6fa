#include "http/json/writer.hpp"

#include <charconv>
#include <cstring>

namespace xiaoan::http {
namespace {

// Whether any of the eight bytes of `word` is below 0x20, a quote or a backslash. Each test is
// exact about "any byte" (a borrow only marks bytes above a byte that really matches).
bool AnyByteNeedsEscape(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  return (below_space | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'))) != 0;
}

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// The length of the start of `v` that needs no escaping (most text: all of it).
std::size_t PlainPrefix(std::string_view v) {
  const std::size_t n = v.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, v.data() + i, 8);
    if (AnyByteNeedsEscape(word)) break;
  }
  while (i < n && !NeedsEscape(static_cast<unsigned char>(v[i]))) ++i;
  return i;
}

}  // namespace

void JsonWriter::Separate() {
  if (comma_) out_ += ',';
}

void JsonWriter::Open(char c) {
  Separate();
  out_ += c;
  comma_ = false;
}

void JsonWriter::Close(char c) {
  out_ += c;
  comma_ = true;
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  Quoted(key);
  out_ += ':';
  comma_ = false;
}

void JsonWriter::String(std::string_view v) {
  Separate();
  Quoted(v);
  comma_ = true;
}

void JsonWriter::Quoted(std::string_view v) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t plain = PlainPrefix(v);
  if (plain == v.size()) {
    out_.append(v.data(), v.size());
    out_ += '"';
    return;
  }
  out_.append(v.data(), plain);
  for (std::size_t i = plain; i < v.size(); ++i) {
    const auto c = static_cast<unsigned char>(v[i]);
    if (!NeedsEscape(c)) continue;
    out_.append(v.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xf];
    }
  }
  out_.append(v.data() + plain, v.size() - plain);
  out_ += '"';
}

void JsonWriter::Int(std::int64_t v) {
  Separate();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
  comma_ = true;
}

void JsonWriter::Bool(bool v) {
  Separate();
  out_ += v ? "true" : "false";
  comma_ = true;
}

void JsonWriter::Null() {
  Separate();
  out_ += "null";
  comma_ = true;
}

void JsonWriter::Field(std::string_view key, const std::optional<std::string>& v) {
  Key(key);
  if (v) {
    String(*v);
  } else {
    Null();
  }
}

void JsonWriter::Field(std::string_view key, const std::optional<std::int64_t>& v) {
  Key(key);
  if (v) {
    Int(*v);
  } else {
    Null();
  }
}

}  // namespace xiaoan::http
