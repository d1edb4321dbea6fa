#pragma once
// Accounts from a spreadsheet (用户名, 姓名, 所属单位, 手机号, 有效期至): each created with a
// one-time password returned once, as CreateUser does; roles are not given by an import (they
// are the security administrator's). The unit is named by its code or its exact name.
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "app/org/school_exchange.hpp"

namespace xiaoan::app {

inline constexpr int kMaxUserImportRows = 500;

struct ImportedAccount {
  std::string username;
  std::string display_name;
  std::string initial_password;  // shown once
};
struct UserImport {
  ImportReport report;
  std::vector<ImportedAccount> accounts;  // created, in the file's order; empty when refused
};

const std::vector<std::string>& UserImportColumns();
Result<std::string> UserImportTemplate(const std::string& format);
// Imports the file's accounts; all_or_nothing as for every import (update_existing is not used:
// an existing username is a row error).
Result<UserImport> ImportUsers(Services& s, const RequestContext& ctx, std::string_view bytes,
                               const ImportOptions& options);

}  // namespace xiaoan::app
