#include "http/json/fields.hpp"

#include <cmath>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/strings.hpp"

namespace xiaoan::http {

namespace json = boost::json;

namespace {
constexpr const char* kBadJsonRule = "request.json";

// Finds the first key given twice in one object of a JSON text: the parser that builds values
// keeps only one of them, so a body could say one thing to a reader and another to Xiaoan.
class DuplicateKeyFinder {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
  using error_code = boost::system::error_code;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_array_begin(error_code&) { return true; }
  bool on_array_end(std::size_t, error_code&) { return true; }
  bool on_object_begin(error_code&) {
    keys_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, error_code&) {
    keys_.pop_back();
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, error_code&) { return true; }
  bool on_key_part(json::string_view s, std::size_t, error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, error_code&) {
    key_.append(s.data(), s.size());
    if (!keys_.back().insert(key_).second && duplicate.empty()) duplicate = key_;
    key_.clear();
    return true;
  }
  bool on_number_part(json::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, json::string_view, error_code&) { return true; }
  bool on_uint64(std::uint64_t, json::string_view, error_code&) { return true; }
  bool on_double(double, json::string_view, error_code&) { return true; }
  bool on_bool(bool, error_code&) { return true; }
  bool on_null(error_code&) { return true; }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

  std::string duplicate;

 private:
  std::vector<std::set<std::string>> keys_;
  std::string key_;
};

}  // namespace

Result<json::object> ParseObject(const std::string& body) {
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;
  json::value v = json::parse(body, ec, {}, opts);
  if (ec) {
    Error e{ErrorCode::kInvalidArgument, "请求体不是有效的 JSON：" + ec.message(), {}};
    e.details.push_back({kBadJsonRule, ec.message(), 0});
    return e;
  }
  if (!v.is_object()) return InvalidArgument("body", "请求体须为 JSON 对象");
  json::basic_parser<DuplicateKeyFinder> finder(opts);
  finder.write_some(false, body.data(), body.size(), ec);
  if (!finder.handler().duplicate.empty()) {
    return InvalidArgument(finder.handler().duplicate, "字段重复出现");
  }
  return std::move(v.as_object());
}

bool IsBadJson(const Error& e) {
  return e.code == ErrorCode::kInvalidArgument && !e.details.empty() &&
         e.details.front().field == kBadJsonRule;
}

bool Fields::Has(const char* key) const { return obj_.contains(key); }

void Fields::Ignore(std::initializer_list<const char*> keys) {
  for (const char* k : keys) known_.insert(k);
}

const json::value* Fields::Get(const char* key, bool required) {
  known_.insert(key);
  const json::value* v = obj_.if_contains(key);
  if (v == nullptr) {
    if (required) AddError(Path(key), "缺少必填字段");
    return nullptr;
  }
  return v;
}

std::optional<std::string> Fields::Str(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_null() && !required) return std::nullopt;
  if (!v->is_string()) {
    AddError(Path(key), "须为字符串");
    return std::nullopt;
  }
  // The JSON parser has refused bytes that are not UTF-8; control characters are refused here.
  if (std::string problem = TextProblem(v->as_string()); !problem.empty()) {
    AddError(Path(key), problem);
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<std::string> Fields::NullableStr(const char* key) { return Str(key, false); }

std::optional<std::int64_t> Fields::Int(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_null() && !required) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= INT64_MAX)
    return static_cast<std::int64_t>(v->as_uint64());
  AddError(Path(key), "须为整数");
  return std::nullopt;
}

std::optional<double> Fields::Number(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_null() && !required) return std::nullopt;
  if (v->is_number()) {
    const double d = v->to_number<double>();
    if (std::isfinite(d)) return d;
  }
  AddError(Path(key), "须为数字");
  return std::nullopt;
}

std::optional<bool> Fields::Bool(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_null() && !required) return std::nullopt;
  if (!v->is_bool()) {
    AddError(Path(key), "须为 true 或 false");
    return std::nullopt;
  }
  return v->as_bool();
}

const json::array* Fields::Array(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr || (v->is_null() && !required)) return nullptr;
  if (!v->is_array()) {
    AddError(Path(key), "须为数组");
    return nullptr;
  }
  return &v->as_array();
}

std::vector<std::int64_t> Fields::Ids(const char* key) {
  std::vector<std::int64_t> out;
  if (const auto* arr = Array(key, false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      if ((*arr)[i].is_int64()) {
        out.push_back((*arr)[i].as_int64());
      } else {
        AddError(Path(key) + "[" + std::to_string(i) + "]", "须为整数");
      }
    }
  }
  return out;
}

std::vector<std::string> Fields::Strings(const char* key, bool required) {
  std::vector<std::string> out;
  if (const auto* arr = Array(key, required)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      if (const auto* s = (*arr)[i].if_string()) {
        out.emplace_back(*s);
      } else {
        AddError(Path(key) + "[" + std::to_string(i) + "]", "须为字符串");
      }
    }
  }
  return out;
}

const json::object* Fields::ObjectField(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr || (v->is_null() && !required)) return nullptr;
  return Object(*v, Path(key));
}

const json::object* Fields::Object(const json::value& v, const std::string& path) {
  if (!v.is_object()) {
    AddError(path, "须为对象");
    return nullptr;
  }
  return &v.as_object();
}

void Fields::AddError(const std::string& field, std::string reason) {
  errors_.push_back({field, std::move(reason), 0});
}

void Fields::Merge(Fields& nested) {
  (void)nested.Finish();
  for (auto& e : nested.errors_) errors_.push_back(std::move(e));
  nested.errors_.clear();
}

Status Fields::Finish() {
  for (const auto& kv : obj_) {
    const std::string key(kv.key());
    if (known_.count(key) == 0) AddError(Path(key.c_str()), "未知字段");
  }
  known_.clear();
  for (const auto& kv : obj_) known_.insert(std::string(kv.key()));
  if (errors_.empty()) return {};
  Error e{ErrorCode::kInvalidArgument,
          "字段 " + errors_.front().field + " 无效：" + errors_.front().reason, errors_};
  return e;
}

}  // namespace xiaoan::http
