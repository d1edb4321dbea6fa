// Accounts from a spreadsheet: the system administrator creates a school's or a unit's staff in
// one file, each with a one-time password shown once. Roles stay the security administrator's.
#include <map>
#include <set>

#include "app/accounts/user_exchange.hpp"

#include "app/accounts/accounts.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/password.hpp"
#include "core/strings.hpp"
#include "office/table.hpp"

namespace xiaoan::app {
namespace {

enum Col { kUsername, kName, kUnit, kMobile, kExpires, kColumnCount };

std::string ColumnName(int c) { return UserImportColumns()[static_cast<std::size_t>(c)]; }

std::string ColumnOfField(const std::string& field) {
  if (field == "username") return ColumnName(kUsername);
  if (field == "display_name") return ColumnName(kName);
  if (field == "unit_id") return ColumnName(kUnit);
  if (field == "mobile") return ColumnName(kMobile);
  if (field == "expires_at") return ColumnName(kExpires);
  return field;
}

struct UserRow {
  int row_no = 0;
  NewUser user;
  std::string unit_text;
  std::string password;
  std::string password_hash;
  std::vector<ImportRowError> errors;
};

// A row's own checks, before anything is looked up.
UserRow ParseUserRow(const office::Row& row, int row_no) {
  UserRow out;
  out.row_no = row_no;
  out.user.username = CellText(row, kUsername);
  out.user.display_name = CellText(row, kName);
  out.unit_text = CellText(row, kUnit);
  out.user.mobile = CellText(row, kMobile);
  if (row.size() > kExpires && !CellText(row, kExpires).empty()) {
    if (auto day = CellDate(row[kExpires])) {
      // The account works to the end of that China day: 16:00 UTC.
      out.user.expires_at = *day + "T16:00:00.000Z";
    } else {
      out.errors.push_back({row_no, ColumnName(kExpires), "须为日期，如 2027-07-31"});
    }
  }
  if (out.unit_text.empty()) out.errors.push_back({row_no, ColumnName(kUnit), "请填写所属单位"});
  if (Status st = CheckNewUser(out.user); !st.ok()) {
    const Error& e = st.error();
    if (e.details.empty()) out.errors.push_back({row_no, "", e.message});
    for (const auto& d : e.details)
      out.errors.push_back({row_no, ColumnOfField(d.field), d.reason});
  }
  return out;
}

// The unit a row names: by its code, else by its exact name among the units the caller manages.
Result<std::optional<domain::UnitId>> FindUnitNamed(domain::Tx& tx, const RequestContext& ctx,
                                                    const std::string& text, std::string& why) {
  XA_ASSIGN_OR_RETURN(auto by_code, tx.org().FindUnitByCode(text));
  if (by_code && ctx.Covers(by_code->path)) return std::optional<domain::UnitId>(by_code->id);
  domain::UnitFilter f;
  f.q = text;
  f.scope = ctx.Scope();
  f.page.page_size = 50;
  XA_ASSIGN_OR_RETURN(auto units, tx.org().ListUnits(f));
  std::vector<domain::UnitId> exact;
  for (const auto& u : units.items) {
    if (u.name == text) exact.push_back(u.id);
  }
  if (exact.size() == 1) return std::optional<domain::UnitId>(exact.front());
  why = exact.empty() ? "没有您可管理的这个单位（请按组织机构中的名称或单位代码填写）"
                      : "有多个单位叫这个名称，请填写单位代码";
  return std::optional<domain::UnitId>{};
}

}  // namespace

const std::vector<std::string>& UserImportColumns() {
  static const std::vector<std::string> kColumns = {"用户名", "姓名", "所属单位", "手机号",
                                                    "有效期至"};
  return kColumns;
}

Result<std::string> UserImportTemplate(const std::string& format) {
  std::vector<office::Row> rows = {office::TextRow(UserImportColumns())};
  rows.push_back(office::TextRow({"zhangsan", "张三", "示范区实验小学", "13800000000", ""}));
  if (format == "csv") return office::WriteCsv(rows);
  if (format == "xlsx" || format.empty()) {
    return office::WriteXlsx({office::Sheet{"用户导入模板", rows}});
  }
  return InvalidArgument("format", "格式须为 xlsx 或 csv");
}

Result<UserImport> ImportUsers(Services& s, const RequestContext& ctx, std::string_view bytes,
                               const ImportOptions& options) {
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, options.format));
  const std::vector<office::Row>& rows = file.rows;
  XA_TRY(CheckHeaderRow(rows, UserImportColumns(), "请使用导入模板"));

  // Each row's own checks, then the passwords: hashing is slow, so it runs before the write
  // transaction and never holds other writers up.
  std::vector<UserRow> parsed;
  std::map<std::string, int> seen;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    bool blank = true;
    for (const auto& c : rows[i]) blank = blank && Trim(c.text).empty();
    if (blank) continue;
    UserRow row = ParseUserRow(rows[i], static_cast<int>(i) + 1);
    if (row.errors.empty()) {
      if (auto [it, fresh] = seen.emplace(row.user.username, row.row_no); !fresh) {
        row.errors.push_back({row.row_no, ColumnName(kUsername),
                              "与第 " + std::to_string(it->second) + " 行的用户名重复"});
      }
    }
    parsed.push_back(std::move(row));
  }
  if (parsed.empty()) return InvalidArgument("file", "文件中没有数据行");
  if (parsed.size() > static_cast<std::size_t>(kMaxUserImportRows)) {
    return InvalidArgument("file", "一次最多导入 " + std::to_string(kMaxUserImportRows) +
                                       " 个账号，本文件有 " + std::to_string(parsed.size()) +
                                       " 行，请分成几个文件");
  }
  for (auto& row : parsed) {
    if (!row.errors.empty()) continue;
    row.password = GeneratePassword(16);
    row.password_hash = HashPassword(row.password);
  }

  UserImport out;
  ImportReport& report = out.report;
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    // From the start on every attempt: a transaction the store retries counts nothing twice.
    report = ImportReport{};
    out.accounts.clear();
    for (const auto& row : parsed) {
      ++report.rows;
      std::vector<ImportRowError> errors = row.errors;
      NewUser user = row.user;
      if (errors.empty()) {
        std::string why;
        XA_ASSIGN_OR_RETURN(auto unit, FindUnitNamed(tx, ctx, row.unit_text, why));
        if (!unit) {
          errors.push_back({row.row_no, ColumnName(kUnit), why});
        } else {
          user.unit_id = *unit;
        }
      }
      if (errors.empty()) {
        auto created = InsertUserInTx(s, ctx, tx, user, row.password_hash);
        if (!created.ok()) {
          const Error& e = created.error();
          if (e.code == ErrorCode::kInternal) return e;
          if (e.details.empty()) errors.push_back({row.row_no, "", e.message});
          for (const auto& d : e.details) {
            errors.push_back({row.row_no, ColumnOfField(d.field), d.reason});
          }
        } else {
          ++report.created;
          out.accounts.push_back({created->username, created->display_name, row.password});
        }
      }
      if (!errors.empty()) {
        ++report.failed;
        for (auto& e : errors) report.errors.push_back(std::move(e));
      }
    }
    if (report.failed > 0 && options.all_or_nothing) {
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    report.applied = true;
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "user.import", "user", "*",
                                     "导入用户：新增 " + std::to_string(report.created) +
                                         "，失败 " + std::to_string(report.failed))));
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !report.errors.empty()) {
      report.applied = false;
      report.created = 0;
      out.accounts.clear();
      return out;
    }
    return st.error();
  }
  return out;
}

}  // namespace xiaoan::app
