#pragma once
// Configuration: defaults, then one INI file, then XIAOAN_<SECTION>_<KEY> environment variables,
// then command-line options. Every setting is documented in docs/operations.md.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace xiaoan::cli {

struct Config {
  // [server]
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  std::size_t max_header_bytes = 16384;
  std::size_t max_body_bytes = 1048576;
  std::size_t max_upload_bytes = 20971520;
  std::size_t max_body_bytes_in_flight = 268435456;  // large bodies held at once
  int read_timeout_seconds = 30;
  int idle_timeout_seconds = 60;
  int max_connections = 10000;
  int max_connections_per_address = 256;  // 0: no cap (behind nginx: limit_conn there)
  int shutdown_grace_seconds = 10;
  std::string web_root = "web/dist";
  bool trust_forwarded_for = false;
  bool secure_cookies = false;
  // [database]
  std::string database_url;  // empty: sqlite:<data_dir>/xiaoan.db
  int pool_size = 4;
  int sqlite_cache_mib = 64;  // per SQLite connection; bulk commands (demo) raise it
  int busy_timeout_ms = 5000;
  // [paths]
  std::string data_dir = "./var";
  // [log]
  std::string log_level = "info";
  std::string log_file;
  // [audit]
  std::string audit_hash = "sha256";
  int audit_retention_days = 180;
  // The audit chain's head kept outside the database, and the key that signs it (ADR 0004);
  // empty: <data_dir>/audit-head.json and <data_dir>/audit-head.key.
  std::string audit_head_file;
  std::string audit_head_key_file;
  std::string AuditHeadFile() const;
  std::string AuditHeadKeyFile() const;
  // [security]
  std::string password_hash = "argon2id";
  // Personal-information fields sealed with SM4 (GM profile): off or sm4; the key file outside
  // the database (empty: <data_dir>/field.key, created when sm4 is first turned on).
  std::string field_encryption = "off";
  std::string field_key_file;
  std::string FieldKeyFile() const;

  std::string DatabaseUrl() const;
};

struct CommonOptions {
  std::optional<std::string> config_file;
  std::optional<std::string> data_dir;
  std::optional<std::string> database;
  std::optional<std::string> listen;
};

// server.listen read whole: "host:port" with an IPv4 address, an IPv6 address in brackets or
// localhost, and a port of digits only, 0 to 65535 (0: any free port).
struct ListenAddress {
  std::string host;  // without brackets; localhost becomes 127.0.0.1
  unsigned short port = 0;
};
Result<ListenAddress> ParseListen(std::string_view text);

// Environment variables by name.
using Environment = std::map<std::string, std::string>;
// This process's variables whose names start with XIAOAN_.
Environment ProcessEnvironment();

// Every value is read whole and checked where it is read; an error names the setting and where
// it came from (the file and line, the environment variable, or the command-line option). A
// variable XIAOAN_<SECTION>_<KEY> whose section is one of the file's sections but whose key is
// unknown is an error; other XIAOAN_ variables (used by scripts and tests) are not settings.
Result<Config> LoadConfig(const CommonOptions& options, const Environment& env);
Result<Config> LoadConfig(const CommonOptions& options);
// Parses INI text into cfg (unknown sections or keys are errors naming them).
Status ApplyIni(Config& cfg, const std::string& text, const std::string& source);

}  // namespace xiaoan::cli
