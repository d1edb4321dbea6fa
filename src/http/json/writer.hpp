#pragma once
// Writes JSON text straight into a string, for the large list answers where building a
// boost::json document first (an allocation and a key look-up per member) costs more than the
// rest of the request. The text is what boost::json::serialize writes for the same values
// (UTF-8 kept as it is; quotes, backslashes and control characters escaped).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xiaoan::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The next value is this member's.
  void Key(std::string_view key);

  void String(std::string_view v);
  void Int(std::int64_t v);
  void Bool(bool v);
  void Null();

  // Members of the object being written.
  void Field(std::string_view key, std::string_view v) {
    Key(key);
    String(v);
  }
  void Field(std::string_view key, const std::string& v) {
    Key(key);
    String(v);
  }
  void Field(std::string_view key, const char* v) {
    Key(key);
    String(v);
  }
  void Field(std::string_view key, std::int64_t v) {
    Key(key);
    Int(v);
  }
  void Field(std::string_view key, int v) {
    Key(key);
    Int(v);
  }
  void Field(std::string_view key, bool v) {
    Key(key);
    Bool(v);
  }
  void Field(std::string_view key, const std::optional<std::string>& v);
  void Field(std::string_view key, const std::optional<std::int64_t>& v);

 private:
  void Separate();
  void Open(char c);
  void Close(char c);
  void Quoted(std::string_view v);

  std::string& out_;
  // A comma goes before the next value or key: something was written in the same container
  // (a value, or a container that was closed) and no key since.
  bool comma_ = false;
};

}  // namespace xiaoan::http
