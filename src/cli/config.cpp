#include "cli/config.hpp"

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "core/strings.hpp"

namespace xiaoan::cli {
namespace {

using Setter = std::function<Status(Config&, const std::string&)>;

Setter Str(std::string Config::*field) {
  return [field](Config& c, const std::string& v) -> Status {
    c.*field = v;
    return {};
  };
}

template <typename T>
Setter Num(T Config::*field, long long lo, long long hi, const char* name) {
  return [=](Config& c, const std::string& v) -> Status {
    auto n = ParseInt(v);
    if (!n || *n < lo || *n > hi) {
      return InvalidArgument(
          name, "须为 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间的整数");
    }
    c.*field = static_cast<T>(*n);
    return {};
  };
}

Setter Flag(bool Config::*field, const char* name) {
  return [=](Config& c, const std::string& v) -> Status {
    if (v == "true" || v == "1" || v == "yes") {
      c.*field = true;
    } else if (v == "false" || v == "0" || v == "no") {
      c.*field = false;
    } else {
      return InvalidArgument(name, "须为 true 或 false");
    }
    return {};
  };
}

const std::map<std::string, Setter>& Settings() {
  static const std::map<std::string, Setter> kSettings = {
      {"server.listen", Str(&Config::listen)},
      {"server.threads", Num(&Config::threads, 0, 256, "server.threads")},
      {"server.max_header_bytes",
       Num(&Config::max_header_bytes, 1024, 1 << 20, "server.max_header_bytes")},
      {"server.max_body_bytes",
       Num(&Config::max_body_bytes, 1024, 1LL << 30, "server.max_body_bytes")},
      {"server.max_upload_bytes",
       Num(&Config::max_upload_bytes, 1024, 1LL << 31, "server.max_upload_bytes")},
      {"server.read_timeout_seconds",
       Num(&Config::read_timeout_seconds, 1, 3600, "server.read_timeout_seconds")},
      {"server.idle_timeout_seconds",
       Num(&Config::idle_timeout_seconds, 1, 86400, "server.idle_timeout_seconds")},
      {"server.shutdown_grace_seconds",
       Num(&Config::shutdown_grace_seconds, 0, 3600, "server.shutdown_grace_seconds")},
      {"server.web_root", Str(&Config::web_root)},
      {"server.trust_forwarded_for",
       Flag(&Config::trust_forwarded_for, "server.trust_forwarded_for")},
      {"server.secure_cookies", Flag(&Config::secure_cookies, "server.secure_cookies")},
      {"database.url", Str(&Config::database_url)},
      {"database.pool_size", Num(&Config::pool_size, 1, 256, "database.pool_size")},
      {"database.sqlite_cache_mib",
       Num(&Config::sqlite_cache_mib, 1, 4096, "database.sqlite_cache_mib")},
      {"database.busy_timeout_ms",
       Num(&Config::busy_timeout_ms, 0, 600000, "database.busy_timeout_ms")},
      {"paths.data_dir", Str(&Config::data_dir)},
      {"log.level", Str(&Config::log_level)},
      {"log.file", Str(&Config::log_file)},
      {"audit.hash", Str(&Config::audit_hash)},
      {"audit.retention_days",
       Num(&Config::audit_retention_days, 180, 36500, "audit.retention_days")},
      {"security.password_hash", Str(&Config::password_hash)},
  };
  return kSettings;
}

Status Validate(const Config& c) {
  if (c.listen.find(':') == std::string::npos) {
    return InvalidArgument("server.listen", "须为 主机:端口，如 127.0.0.1:8080");
  }
  const std::string levels[] = {"trace", "debug", "info", "warn", "error"};
  bool ok = false;
  for (const auto& l : levels) ok = ok || c.log_level == l;
  if (!ok) return InvalidArgument("log.level", "须为 trace、debug、info、warn 或 error");
  if (c.password_hash != "argon2id" && c.password_hash != "pbkdf2-sm3") {
    return InvalidArgument("security.password_hash", "须为 argon2id 或 pbkdf2-sm3");
  }
  if (c.audit_hash != "sha256" && c.audit_hash != "sm3") {
    return InvalidArgument("audit.hash", "须为 sha256 或 sm3");
  }
  return {};
}

}  // namespace

std::string Config::DatabaseUrl() const {
  return database_url.empty() ? "sqlite:" + data_dir + "/xiaoan.db" : database_url;
}

Status ApplyIni(Config& cfg, const std::string& text, const std::string& source) {
  std::istringstream in(text);
  std::string line;
  std::string section;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    auto t = std::string(Trim(line));
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    const std::string where = source + ":" + std::to_string(n);
    if (t.front() == '[') {
      if (t.back() != ']') return InvalidArgument(where, "节名缺少 ]");
      section = std::string(Trim(t.substr(1, t.size() - 2)));
      continue;
    }
    const auto eq = t.find('=');
    if (eq == std::string::npos) return InvalidArgument(where, "应为 键 = 值");
    const std::string key = section + "." + std::string(Trim(t.substr(0, eq)));
    std::string value(Trim(t.substr(eq + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    auto it = Settings().find(key);
    if (it == Settings().end()) return InvalidArgument(key, "未知的配置项（" + where + "）");
    XA_TRY(it->second(cfg, value));
  }
  return {};
}

Result<Config> LoadConfig(const CommonOptions& options, const char* (*getenv_fn)(const char*)) {
  Config cfg;
  if (options.config_file) {
    std::ifstream in(*options.config_file);
    if (!in) return InvalidArgument("config", "无法读取配置文件 " + *options.config_file);
    std::stringstream ss;
    ss << in.rdbuf();
    XA_TRY(ApplyIni(cfg, ss.str(), *options.config_file));
  }
  auto env = getenv_fn != nullptr ? getenv_fn
                                  : +[](const char* n) -> const char* { return std::getenv(n); };
  for (const auto& [key, setter] : Settings()) {
    std::string name = "XIAOAN_" + key;
    for (char& c : name) c = c == '.' ? '_' : static_cast<char>(std::toupper(c));
    if (const char* v = env(name.c_str())) XA_TRY(setter(cfg, v));
  }
  if (options.data_dir) cfg.data_dir = *options.data_dir;
  if (options.database) cfg.database_url = *options.database;
  if (options.listen) cfg.listen = *options.listen;
  XA_TRY(Validate(cfg));
  return cfg;
}

}  // namespace xiaoan::cli
