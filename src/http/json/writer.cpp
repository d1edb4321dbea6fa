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

}  // namespace

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

void JsonWriter::Open(char c) {
  Separate();
  out_ += c;
  first_.push_back(true);
}

void JsonWriter::Close(char c) {
  out_ += c;
  first_.pop_back();
}

void JsonWriter::Key(std::string_view key) {
  String(key);
  out_ += ':';
  after_key_ = true;
}

void JsonWriter::String(std::string_view v) {
  Separate();
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t plain = 0;  // start of the run copied as it is
  const std::size_t n = v.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight bytes at a time while none of them needs escaping (most text never does).
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, v.data() + i, 8);
      if (!AnyByteNeedsEscape(word)) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(v[i]);
    ++i;
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(v.data() + plain, i - 1 - plain);
    plain = i;
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
}

void JsonWriter::Bool(bool v) {
  Separate();
  out_ += v ? "true" : "false";
}

void JsonWriter::Null() {
  Separate();
  out_ += "null";
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
