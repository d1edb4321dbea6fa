#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "app/accounts/accounts.hpp"
#include "app/calendar/calendar.hpp"
#include "cli/commands.hpp"
#include "core/clock.hpp"
#include "storage/audit_anchor.hpp"

namespace xiaoan::cli {

void SetupLogging(const Config& cfg) {
  std::shared_ptr<spdlog::logger> logger;
  if (cfg.log_file.empty()) {
    logger = spdlog::stderr_color_mt("xiaoan");
  } else {
    logger = spdlog::basic_logger_mt("xiaoan", cfg.log_file);
  }
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  logger->set_level(spdlog::level::from_str(cfg.log_level));
  spdlog::set_default_logger(logger);
}

int Fail(const Error& e) {
  std::cerr << "错误：" << e.message << "\n";
  for (const auto& d : e.details) {
    if (d.reason != e.message) std::cerr << "  " << d.field << "：" << d.reason << "\n";
  }
  return kExitError;
}

Result<std::unique_ptr<sql::Pool>> OpenDatabase(const Config& cfg) {
  const std::string url = cfg.DatabaseUrl();
  if (url.rfind("sqlite:", 0) == 0) {
    const std::filesystem::path path(url.substr(7));
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec)
      return Internal("无法创建数据目录 " + path.parent_path().string() + "：" + ec.message());
  }
  sql::PoolOptions o;
  o.size = cfg.pool_size;
  o.busy_timeout_ms = cfg.busy_timeout_ms;
  o.sqlite_cache_mib = cfg.sqlite_cache_mib;
  return sql::OpenPool(url, o);
}

Result<std::unique_ptr<storage::SqlStore>> OpenMigratedStore(const Config& cfg) {
  XA_ASSIGN_OR_RETURN(auto pool, OpenDatabase(cfg));
  XA_TRY(storage::Migrate(*pool, FormatInstant(SystemClock().Now())));
  const auto hash = cfg.audit_hash == "sm3" ? domain::AuditHash::kSm3 : domain::AuditHash::kSha256;
  auto store = std::make_unique<storage::SqlStore>(std::move(pool), hash);
  XA_ASSIGN_OR_RETURN(auto anchor,
                      storage::AuditAnchor::Open(cfg.AuditHeadFile(), cfg.AuditHeadKeyFile()));
  store->SetAuditAnchor(std::move(anchor));
  // The field key: created when the GM profile's field encryption is first turned on; read
  // whenever it exists, so that values sealed earlier still open after it is turned off.
  const bool sealing = cfg.field_encryption == "sm4";
  if (sealing || std::filesystem::exists(cfg.FieldKeyFile())) {
    XA_ASSIGN_OR_RETURN(auto cipher,
                        FieldCipher::OpenKeyFile(cfg.FieldKeyFile(), sealing, sealing));
    store->SetFieldCipher(std::move(cipher));
  }
  SystemClock clock;
  app::Services services{*store, clock};
  XA_TRY(app::EnsureReferenceData(services));
  return store;
}

std::string FilesDir(const Config& cfg) {
  return (std::filesystem::path(cfg.data_dir) / "files").string();
}

Result<std::unique_ptr<CliServices>> OpenServices(const Config& cfg) {
  XA_ASSIGN_OR_RETURN(auto store, OpenMigratedStore(cfg));
  // The store is moved in before services is initialised (member order), so the reference holds.
  auto opened = std::unique_ptr<CliServices>(new CliServices{std::move(store)});
  opened->services.files_dir = FilesDir(cfg);
  opened->services.mask_personal_fields = cfg.field_encryption == "sm4";
  return opened;
}

}  // namespace xiaoan::cli
