#pragma once
// Strict reading of a JSON object: typed accessors that collect every problem, and a Finish()
// that rejects fields nobody asked for. Errors name the field.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace xiaoan::http {

// Parses a request body: malformed JSON → kBadJson marker error (400), not an object → 422.
Result<boost::json::object> ParseObject(const std::string& body);
bool IsBadJson(const Error& e);

class Fields {
 public:
  explicit Fields(const boost::json::object& obj, std::string prefix = {})
      : obj_(obj), prefix_(std::move(prefix)) {}

  bool Has(const char* key) const;
  std::optional<std::string> Str(const char* key, bool required);
  // A nullable string: absent or null → nullopt.
  std::optional<std::string> NullableStr(const char* key);
  std::optional<std::int64_t> Int(const char* key, bool required);
  std::optional<bool> Bool(const char* key, bool required);
  // A finite number (integer or decimal); null when not required → nullopt.
  std::optional<double> Number(const char* key, bool required);
  const boost::json::array* Array(const char* key, bool required);
  // An optional array of integers (record ids); errors name key[i].
  std::vector<std::int64_t> Ids(const char* key);
  // An array of strings (codes, usernames …); errors name key[i].
  std::vector<std::string> Strings(const char* key, bool required);
  const boost::json::object* Object(const boost::json::value& v, const std::string& path);
  // A nested object field (absent or null and not required → nullptr).
  const boost::json::object* ObjectField(const char* key, bool required);

  // Read-only fields a client sends back as it read them: accepted and not used.
  void Ignore(std::initializer_list<const char*> keys);
  void AddError(const std::string& field, std::string reason);
  void Merge(Fields& nested);  // takes nested errors (already prefixed)
  std::string Path(const char* key) const { return prefix_.empty() ? key : prefix_ + "." + key; }
  // Adds "unknown field" errors and returns a validation error if anything was wrong.
  Status Finish();

 private:
  const boost::json::value* Get(const char* key, bool required);
  const boost::json::object& obj_;
  std::string prefix_;
  std::set<std::string> known_;
  std::vector<ErrorDetail> errors_;
};

}  // namespace xiaoan::http
