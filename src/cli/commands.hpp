#pragma once
// One function per subcommand; each returns the process exit code (0 ok, 1 error).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "cli/config.hpp"
#include "core/clock.hpp"
#include "storage/sql_store.hpp"

namespace xiaoan::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

// Sets up logging, opens the pool (creating the data directory for SQLite).
void SetupLogging(const Config& cfg);
Result<std::unique_ptr<sql::Pool>> OpenDatabase(const Config& cfg);
// Opens the store, migrating it first (used by every command that reads or writes data).
Result<std::unique_ptr<storage::SqlStore>> OpenMigratedStore(const Config& cfg);
// The file store of uploaded files: <data_dir>/files.
std::string FilesDir(const Config& cfg);
int Fail(const Error& e);

// The migrated store with the system clock, as the use cases need them.
struct CliServices {
  std::unique_ptr<storage::SqlStore> store;
  SystemClock clock;
  app::Services services{*store, clock};
};
Result<std::unique_ptr<CliServices>> OpenServices(const Config& cfg);

int RunServe(const Config& cfg);
int RunMigrate(const Config& cfg);
int RunDemo(const Config& cfg, std::uint64_t seed, const std::string& scale,
            const std::string& volume);
int RunCreateAdmin(const Config& cfg, const std::string& username, std::optional<std::int64_t> unit,
                   const std::string& role);
// regions: "CODE=NAME" from the top level down; the bureau is created at the last one.
int RunInitOrg(const Config& cfg, const std::vector<std::string>& regions,
               const std::string& bureau);
// The .xls reader's child process (office::ReadXlsInChild): reads FILE, writes the rows encoded
// on standard output; exit 0, or 2 with the reason encoded when the file is refused.
int RunReadXls(const std::string& file, std::size_t max_rows, std::size_t max_columns,
               std::size_t max_cells);
// archives: where the archive files are now (empty: where archive-audit wrote them).
int RunVerifyAudit(const Config& cfg, const std::string& archives = {});
int RunRecoverAccount(const Config& cfg, const std::string& username);
// Seals (or opens) the personal-information fields as configured and prints what changed.
int RunProtectFields(const Config& cfg);
// Moves audit records written before the date (and past the retention period) to a file.
int RunArchiveAudit(const Config& cfg, const std::string& before, const std::string& file);
int RunBackup(const Config& cfg, const std::string& file);
int RunRestore(const Config& cfg, const std::string& file);
// Loads a year's holiday notice (JSON, as in data/holidays/) into the store; lists the years.
int RunCalendarImport(const Config& cfg, const std::string& file);
int RunCalendarYears(const Config& cfg);

}  // namespace xiaoan::cli
