#include "cli/config.hpp"

#include <arpa/inet.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

#include "core/strings.hpp"

extern char** environ;

namespace xiaoan::cli {
namespace {

// Applies a value to the configuration; returns why the value is refused, or "" when it is taken.
using Setter = std::function<std::string(Config&, const std::string&)>;

Setter Str(std::string Config::*field, bool allow_empty) {
  return [=](Config& c, const std::string& v) -> std::string {
    if (!allow_empty && v.empty()) return "不能为空";
    c.*field = v;
    return {};
  };
}

Setter Choice(std::string Config::*field, std::vector<std::string> allowed) {
  return [=](Config& c, const std::string& v) -> std::string {
    for (const auto& a : allowed) {
      if (v == a) {
        c.*field = v;
        return {};
      }
    }
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == allowed.size() ? " 或 " : "、") + allowed[i];
    }
    return "须为 " + list + "，不是“" + v + "”";
  };
}

template <typename T>
Setter Num(T Config::*field, long long lo, long long hi) {
  return [=](Config& c, const std::string& v) -> std::string {
    auto n = ParseInt(v);
    if (!n || *n < lo || *n > hi) {
      return "须为 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间的整数，不是“" + v +
             "”";
    }
    c.*field = static_cast<T>(*n);
    return {};
  };
}

Setter Flag(bool Config::*field) {
  return [=](Config& c, const std::string& v) -> std::string {
    if (v == "true" || v == "1" || v == "yes") {
      c.*field = true;
    } else if (v == "false" || v == "0" || v == "no") {
      c.*field = false;
    } else {
      return "须为 true 或 false，不是“" + v + "”";
    }
    return {};
  };
}

Setter Listen() {
  return [](Config& c, const std::string& v) -> std::string {
    auto parsed = ParseListen(v);
    if (!parsed.ok()) return parsed.error().details.at(0).reason;
    c.listen = v;
    return {};
  };
}

Setter DatabaseUrl() {
  return [](Config& c, const std::string& v) -> std::string {
    if (!v.empty() && v.rfind("sqlite:", 0) != 0 && v.rfind("postgresql://", 0) != 0 &&
        v.rfind("postgres://", 0) != 0) {
      return "须为 sqlite:路径 或 postgresql://… 连接串";
    }
    if (v == "sqlite:") return "sqlite: 之后须有数据库文件的路径";
    c.database_url = v;
    return {};
  };
}

const std::map<std::string, Setter>& Settings() {
  static const std::map<std::string, Setter> kSettings = {
      {"server.listen", Listen()},
      {"server.threads", Num(&Config::threads, 0, 256)},
      {"server.max_header_bytes", Num(&Config::max_header_bytes, 1024, 1 << 20)},
      {"server.max_body_bytes", Num(&Config::max_body_bytes, 1024, 1LL << 30)},
      {"server.max_upload_bytes", Num(&Config::max_upload_bytes, 1024, 1LL << 31)},
      {"server.max_body_bytes_in_flight",
       Num(&Config::max_body_bytes_in_flight, 1LL << 20, 1LL << 40)},
      {"server.read_timeout_seconds", Num(&Config::read_timeout_seconds, 1, 3600)},
      {"server.idle_timeout_seconds", Num(&Config::idle_timeout_seconds, 1, 86400)},
      {"server.max_connections", Num(&Config::max_connections, 16, 1000000)},
      {"server.max_connections_per_address", Num(&Config::max_connections_per_address, 0, 1000000)},
      {"server.shutdown_grace_seconds", Num(&Config::shutdown_grace_seconds, 0, 3600)},
      {"server.web_root", Str(&Config::web_root, false)},
      {"server.trust_forwarded_for", Flag(&Config::trust_forwarded_for)},
      {"server.secure_cookies", Flag(&Config::secure_cookies)},
      {"database.url", DatabaseUrl()},
      {"database.pool_size", Num(&Config::pool_size, 1, 256)},
      {"database.sqlite_cache_mib", Num(&Config::sqlite_cache_mib, 1, 4096)},
      {"database.busy_timeout_ms", Num(&Config::busy_timeout_ms, 0, 600000)},
      {"paths.data_dir", Str(&Config::data_dir, false)},
      {"log.level", Choice(&Config::log_level, {"trace", "debug", "info", "warn", "error"})},
      {"log.file", Str(&Config::log_file, true)},
      {"audit.hash", Choice(&Config::audit_hash, {"sha256", "sm3"})},
      {"audit.retention_days", Num(&Config::audit_retention_days, 180, 36500)},
      {"audit.head_file", Str(&Config::audit_head_file, true)},
      {"audit.head_key_file", Str(&Config::audit_head_key_file, true)},
      {"security.password_hash", Choice(&Config::password_hash, {"argon2id", "pbkdf2-sm3"})},
      {"security.field_encryption", Choice(&Config::field_encryption, {"off", "sm4"})},
      {"security.field_key_file", Str(&Config::field_key_file, true)},
  };
  return kSettings;
}

Error SettingError(const std::string& key, const std::string& source, const std::string& reason) {
  Error e{ErrorCode::kInvalidArgument, "配置项 " + key + "（" + source + "）无效：" + reason, {}};
  e.details.push_back({key, e.message, 0});
  return e;
}

Status Apply(Config& cfg, const std::string& key, const std::string& value,
             const std::string& source) {
  auto it = Settings().find(key);
  if (it == Settings().end()) return SettingError(key, source, "未知的配置项");
  const std::string reason = it->second(cfg, value);
  if (!reason.empty()) return SettingError(key, source, reason);
  return {};
}

// XIAOAN_SERVER_LISTEN for server.listen.
std::string VariableName(const std::string& key) {
  std::string name = "XIAOAN_" + key;
  for (char& c : name) c = c == '.' ? '_' : static_cast<char>(std::toupper(c));
  return name;
}

bool IsSettingsVariable(const std::string& name) {
  static const char* const kSections[] = {"SERVER", "DATABASE", "PATHS",
                                          "LOG",    "AUDIT",    "SECURITY"};
  for (const char* s : kSections) {
    if (name.rfind(std::string("XIAOAN_") + s + "_", 0) == 0) return true;
  }
  return false;
}

}  // namespace

Result<ListenAddress> ParseListen(std::string_view text) {
  const auto bad = [](const std::string& reason) -> Error {
    return InvalidArgument("server.listen", reason);
  };
  const std::string shape = "须为 主机:端口，如 127.0.0.1:8080 或 [::1]:8080";
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0)
    return bad(shape + "，不是“" + std::string(text) + "”");
  std::string host(text.substr(0, colon));
  const std::string_view port_text = text.substr(colon + 1);
  if (port_text.empty() || port_text.size() > 5) {
    return bad("端口须为 0 到 65535 之间的整数，不是“" + std::string(port_text) + "”");
  }
  long port = 0;
  for (char c : port_text) {
    if (c < '0' || c > '9') {
      return bad("端口须为 0 到 65535 之间的整数，不是“" + std::string(port_text) + "”");
    }
    port = port * 10 + (c - '0');
  }
  if (port > 65535)
    return bad("端口须为 0 到 65535 之间的整数，不是“" + std::string(port_text) + "”");
  unsigned char buf[16];
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
    if (inet_pton(AF_INET6, host.c_str(), buf) != 1) {
      return bad("“" + host + "”不是有效的 IPv6 地址");
    }
  } else if (host == "localhost") {
    host = "127.0.0.1";
  } else if (inet_pton(AF_INET, host.c_str(), buf) != 1) {
    return bad("主机须为 IPv4 地址、方括号中的 IPv6 地址或 localhost，不是“" + host + "”");
  }
  return ListenAddress{host, static_cast<unsigned short>(port)};
}

std::string Config::DatabaseUrl() const {
  return database_url.empty() ? "sqlite:" + data_dir + "/xiaoan.db" : database_url;
}

std::string Config::AuditHeadFile() const {
  return audit_head_file.empty() ? data_dir + "/audit-head.json" : audit_head_file;
}

std::string Config::AuditHeadKeyFile() const {
  return audit_head_key_file.empty() ? data_dir + "/audit-head.key" : audit_head_key_file;
}

std::string Config::FieldKeyFile() const {
  return field_key_file.empty() ? data_dir + "/field.key" : field_key_file;
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
    const std::string where = "配置文件 " + source + " 第 " + std::to_string(n) + " 行";
    if (t.front() == '[') {
      if (t.back() != ']') return InvalidArgument(where, "节名缺少 ]");
      section = std::string(Trim(t.substr(1, t.size() - 2)));
      continue;
    }
    const auto eq = t.find('=');
    if (eq == std::string::npos) return InvalidArgument(where, "应为 键 = 值");
    if (section.empty()) return InvalidArgument(where, "配置项须在 [节] 之下");
    const std::string key = section + "." + std::string(Trim(t.substr(0, eq)));
    std::string value(Trim(t.substr(eq + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    XA_TRY(Apply(cfg, key, value, where));
  }
  return {};
}

Environment ProcessEnvironment() {
  Environment env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    if (entry.rfind("XIAOAN_", 0) != 0) continue;
    const auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

Result<Config> LoadConfig(const CommonOptions& options, const Environment& env) {
  Config cfg;
  if (options.config_file) {
    std::ifstream in(*options.config_file);
    if (!in) return InvalidArgument("--config", "无法读取配置文件 " + *options.config_file);
    std::stringstream ss;
    ss << in.rdbuf();
    XA_TRY(ApplyIni(cfg, ss.str(), *options.config_file));
  }
  std::map<std::string, std::string> keys_by_variable;
  for (const auto& entry : Settings())
    keys_by_variable.emplace(VariableName(entry.first), entry.first);
  for (const auto& [name, value] : env) {
    auto it = keys_by_variable.find(name);
    if (it != keys_by_variable.end()) {
      XA_TRY(Apply(cfg, it->second, value, "环境变量 " + name));
    } else if (IsSettingsVariable(name)) {
      Error e{ErrorCode::kInvalidArgument,
              "未知的配置项 " + name + "（环境变量）；可用的设置见 docs/operations.md",
              {}};
      e.details.push_back({name, e.message, 0});
      return e;
    }
  }
  if (options.data_dir)
    XA_TRY(Apply(cfg, "paths.data_dir", *options.data_dir, "命令行 --data-dir"));
  if (options.database) XA_TRY(Apply(cfg, "database.url", *options.database, "命令行 --database"));
  if (options.listen) XA_TRY(Apply(cfg, "server.listen", *options.listen, "命令行 --listen"));
  return cfg;
}

Result<Config> LoadConfig(const CommonOptions& options) {
  return LoadConfig(options, ProcessEnvironment());
}

}  // namespace xiaoan::cli
