#include <fcntl.h>
#include <spdlog/spdlog.h>

#include <unistd.h>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/accounts/accounts.hpp"
#include "app/audit/audit_log.hpp"
#include "app/calendar/calendar.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/platform.hpp"
#include "cli/commands.hpp"
#include "core/crypto.hpp"
#include "office/table.hpp"

namespace xiaoan::cli {

int RunMigrate(const Config& cfg) {
  auto pool = OpenDatabase(cfg);
  if (!pool.ok()) return Fail(pool.error());
  auto applied = storage::Migrate(**pool, FormatInstant(SystemClock().Now()));
  if (!applied.ok()) return Fail(applied.error());
  std::cout << "已应用 " << *applied << " 个迁移；数据库结构版本 "
            << storage::LatestSchemaVersion((*pool)->dialect()) << "\n";
  return kExitOk;
}

int RunDemo(const Config& cfg, std::uint64_t seed, const std::string& scale,
            const std::string& volume) {
  // Writing a large data set mostly waits on index pages: give SQLite a large cache for it.
  Config bulk = cfg;
  if (volume == "bench") bulk.sqlite_cache_mib = 1024;
  auto opened = OpenServices(bulk);
  if (!opened.ok()) return Fail(opened.error());
  app::Services& services = (*opened)->services;
  app::RequestContext ctx;
  ctx.actor = "cli:demo";
  auto summary = app::SeedDemo(services, ctx, {seed, scale, true, volume});
  if (!summary.ok()) return Fail(summary.error());
  std::cout << "演示数据已生成：区划 " << summary->regions << " 个，教育局 " << summary->bureaus
            << " 个，学校 " << summary->schools << " 所，部门 " << summary->departments
            << " 个，历史隐患 " << summary->hazards << " 条，演练记录 " << summary->drills
            << " 次，巡查记录 " << summary->patrols << " 次，专项行动检查表 "
            << summary->campaign_sheets << " 张，安防台账 " << summary->security_records
            << " 份，四个100%筛查 " << summary->screenings << " 所，吹哨事项 " << summary->whistles
            << " 件，1530打卡 " << summary->edu_checkins << " 次，安全教育活动 "
            << summary->edu_lessons << " 次，家长信回执 " << summary->letter_receipts
            << " 份，周边水域 " << summary->waters << " 处，防溺水提醒 "
            << summary->drowning_warnings << " 次，联防联控报告 " << summary->joint_reports
            << " 份，校车台账 " << summary->bus_records << " 条，校内交通登记 "
            << summary->campus_records << " 条，应急体系 " << summary->emergency_setups
            << " 所，安全培训 " << summary->training_records << " 条，安全监管机构 "
            << summary->safety_offices << " 个，安全工作职责清单 " << summary->duty_lists
            << " 份，科室监管事项 " << summary->supervision_items << " 项，全区工作 "
            << summary->work_items << " 项\n";
  const std::string accounts_file = cfg.data_dir + "/demo-accounts.txt";
  std::error_code ec;
  std::filesystem::create_directories(cfg.data_dir, ec);
  std::ofstream out(accounts_file, std::ios::trunc);
  out << "# 校安演示账号（仅用于演示；初始密码只在生成时显示一次）\n";
  std::cout << "演示账号（密码只显示这一次，也已写入 " << accounts_file << "）：\n";
  for (const auto& a : summary->accounts) {
    const std::string line =
        a.role + "\t" + a.unit + "\t用户名 " + a.username + "\t密码 " + a.password;
    out << line << "\n";
    std::cout << "  " << line << "\n";
  }
  out.close();
  std::filesystem::permissions(
      accounts_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  return kExitOk;
}

int RunCreateAdmin(const Config& cfg, const std::string& username, std::optional<std::int64_t> unit,
                   const std::string& role) {
  std::string password;
  if (!std::getline(std::cin, password)) {
    return Fail(InvalidArgument("password", "请从标准输入提供密码（--password-stdin）"));
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::Services& services = (*opened)->services;
  app::RequestContext ctx;
  ctx.actor = "cli:create-admin";
  auto user = app::CreateAdmin(services, ctx, username, password, unit, role);
  if (!user.ok()) return Fail(user.error());
  std::cout << "已创建管理员 " << user->username << "（" << role << "，编号 " << user->id
            << "），首次登录须修改密码\n";
  return kExitOk;
}

int RunInitOrg(const Config& cfg, const std::vector<std::string>& regions,
               const std::string& bureau) {
  std::vector<domain::Region> chain;
  for (const auto& spec : regions) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos) {
      return Fail(InvalidArgument("region", "须写成 代码=名称，如 330106=西湖区：" + spec));
    }
    domain::Region r;
    r.code = spec.substr(0, eq);
    r.name = spec.substr(eq + 1);
    chain.push_back(r);
  }
  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::Services& services = (*opened)->services;
  app::RequestContext ctx;
  ctx.actor = "cli:init-org";
  auto unit = app::InitOrganisation(services, ctx, chain, bureau);
  if (!unit.ok()) return Fail(unit.error());
  std::cout << "已建立 " << unit->name << "（单位编号 " << unit->id
            << "）。下一步：xiaoan create-admin --username 名称 --password-stdin --role "
               "system_admin\n";
  return kExitOk;
}

int RunRecoverAccount(const Config& cfg, const std::string& username) {
  std::string password;
  if (!std::getline(std::cin, password)) {
    return Fail(InvalidArgument("password", "请从标准输入提供新密码（--password-stdin）"));
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::Services& services = (*opened)->services;
  app::RequestContext ctx;
  ctx.actor = "cli:recover-account";
  if (auto st = app::RecoverAccount(services, ctx, username, password); !st.ok()) {
    return Fail(st.error());
  }
  std::cout << "已恢复账号 " << username << "：新密码须在首次登录时修改，动态验证码需重新绑定\n";
  return kExitOk;
}

int RunProtectFields(const Config& cfg) {
  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::RequestContext ctx;
  ctx.actor = "cli:protect-fields";
  auto report = app::ProtectPersonalFields((*opened)->services, ctx);
  if (!report.ok()) return Fail(report.error());
  if (report->sealing) {
    std::cout << "个人信息字段已按国密配置加密（SM4，第 " << report->key_version << " 版字段密钥，"
              << cfg.FieldKeyFile() << "）：共 " << report->rows << " 项，改写 " << report->changed
              << " 项，" << report->sealed << " 项为密文\n";
  } else {
    std::cout << "个人信息字段以明文保存：共 " << report->rows << " 项，改写 " << report->changed
              << " 项（其中 " << report->opened << " 项由密文改回明文）\n";
  }
  return kExitOk;
}

int RunVerifyAudit(const Config& cfg, const std::string& archives) {
  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::Services& services = (*opened)->services;
  auto result = app::VerifyAudit(services, nullptr, archives);
  if (!result.ok()) return Fail(result.error());
  if (result->first_break) {
    std::cerr << "审计日志校验失败：第一条断链记录 id=" << result->first_break->id << "："
              << result->first_break->reason << "（此前 " << result->checked
              << " 条记录校验通过）\n";
    return kExitError;
  }
  std::cout << "审计日志完整：共校验 " << result->checked << " 条记录";
  if (result->archived_up_to > 0) {
    std::cout << "（编号 " << result->archived_up_to << " 及以前的记录已归档，自归档检查点起校验）";
  }
  std::cout << "\n";
  return kExitOk;
}

int RunArchiveAudit(const Config& cfg, const std::string& before, const std::string& file) {
  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::Services& services = (*opened)->services;
  auto plan = app::PlanAuditArchive(services, before, cfg.audit_retention_days);
  if (!plan.ok()) return Fail(plan.error());
  if (plan->records.empty()) {
    std::cout << before << " 以前没有尚未归档的审计记录\n";
    return kExitOk;
  }
  if (std::filesystem::exists(file)) {
    return Fail(InvalidArgument("file", "归档文件已存在，不会覆盖：" + file));
  }
  std::string text;
  text +=
      boost::json::serialize(boost::json::object{{"xiaoan_audit_archive", 1},
                                                 {"hash", cfg.audit_hash},
                                                 {"from_id", plan->records.front().id},
                                                 {"to_id", plan->records.back().id},
                                                 {"prev_hash", plan->records.front().prev_hash}}) +
      "\n";
  for (const auto& r : plan->records) {
    const auto& e = r.entry;
    text += boost::json::serialize(boost::json::object{
                {"id", r.id},
                {"at", e.at},
                {"actor", e.actor},
                {"unit_id", e.unit_id ? boost::json::value(*e.unit_id) : nullptr},
                {"action", e.action},
                {"object_type", e.object_type},
                {"object_id", e.object_id},
                {"result", e.result},
                {"source", e.source},
                {"request_id", e.request_id},
                {"summary", e.summary},
                {"prev_hash", r.prev_hash},
                {"hash", r.hash}}) +
            "\n";
  }
  // The file is complete and on disk before any record leaves the database.
  {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return Fail(Internal("无法创建归档文件 " + file));
    std::size_t written = 0;
    while (written < text.size()) {
      const auto n = ::write(fd, text.data() + written, text.size() - written);
      if (n <= 0) {
        ::close(fd);
        return Fail(Internal("写入归档文件失败 " + file));
      }
      written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) return Fail(Internal("归档文件未能落盘 " + file));
  }
  app::RequestContext ctx;
  ctx.actor = "cli:archive-audit";
  const std::string digest = Sha256Hex(text);
  // The checkpoint keeps where the file is, so that verification finds it (or --archives).
  if (auto st = app::CommitAuditArchive(services, ctx, *plan,
                                        std::filesystem::absolute(file).string(), digest);
      !st.ok()) {
    std::filesystem::remove(file);
    return Fail(st.error());
  }
  std::cout << "已归档审计记录 " << plan->records.front().id << "–" << plan->records.back().id
            << "（" << plan->records.size() << " 条）到 " << file << "，SHA-256 " << digest << "\n";
  return kExitOk;
}

int RunBackup(const Config& cfg, const std::string& file) {
  auto store = OpenMigratedStore(cfg);
  if (!store.ok()) return Fail(store.error());
  if (auto s = storage::BackupToFile((*store)->pool(), file, FilesDir(cfg)); !s.ok()) {
    return Fail(s.error());
  }
  std::cout << "已备份到 " << file << "（上传的文件在 " << storage::BackupFilesDir(file) << "）\n";
  return kExitOk;
}

int RunRestore(const Config& cfg, const std::string& file) {
  auto store = OpenMigratedStore(cfg);
  if (!store.ok()) return Fail(store.error());
  auto rows = storage::RestoreFromFile((*store)->pool(), file, FilesDir(cfg));
  if (!rows.ok()) return Fail(rows.error());
  // The restored log ends where the backup did: the head outside the database follows it, and
  // the chain records that it did.
  SystemClock clock;
  app::Services services{**store, clock};
  app::RequestContext ctx;
  ctx.actor = "cli:restore";
  if (auto st = app::ReanchorAudit(services, ctx, "从备份 " + file + " 恢复后"); !st.ok()) {
    return Fail(st.error());
  }
  std::cout << "已从 " << file << " 恢复 " << *rows << " 行\n";
  return kExitOk;
}

}  // namespace xiaoan::cli

namespace xiaoan::cli {

int RunCalendarImport(const Config& cfg, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Fail(InvalidArgument("file", "无法读取文件 " + file));
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > 1024 * 1024)
    return Fail(InvalidArgument("file", "文件超过 1 MiB，不是节假日安排"));
  auto notice = app::ParseHolidayNotice(text);
  if (!notice.ok()) return Fail(notice.error());
  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  app::RequestContext ctx;
  ctx.actor = "cli:calendar-import";
  if (notice->source.empty()) notice->source = file;
  auto stored = app::ImportHolidayYear((*opened)->services, ctx, std::move(notice).value());
  if (!stored.ok()) return Fail(stored.error());
  int days = 0;
  int workdays = 0;
  for (const auto& h : stored->holidays) {
    days += static_cast<int>((h.to - h.from).count()) + 1;
    workdays += static_cast<int>(h.workdays.size());
  }
  std::cout << "已导入 " << stored->year << " 年节假日安排：" << stored->holidays.size()
            << " 个节日，放假 " << days << " 天，调休上班 " << workdays << " 天\n";
  return kExitOk;
}

int RunCalendarYears(const Config& cfg) {
  auto opened = OpenServices(cfg);
  if (!opened.ok()) return Fail(opened.error());
  auto years = app::ListHolidayYears((*opened)->services, app::RequestContext{});
  if (!years.ok()) return Fail(years.error());
  if (years->empty()) std::cout << "尚未导入任何年份的节假日安排\n";
  for (const auto& y : *years) {
    std::cout << y.year << "\t" << y.title << "\t" << y.loaded_at << "\t" << y.loaded_by << "\n";
  }
  return kExitOk;
}

int RunReadXls(const std::string& file, std::size_t max_rows, std::size_t max_columns,
               std::size_t max_cells) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return kExitError;
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  office::ReadLimits limits;
  limits.max_rows = max_rows;
  limits.max_columns = max_columns;
  limits.max_cells = max_cells;
  const auto rows = office::ReadXls(bytes, limits);
  const std::string answer = office::EncodeRows(rows);
  std::cout.write(answer.data(), static_cast<std::streamsize>(answer.size()));
  std::cout.flush();
  return rows.ok() ? kExitOk : 2;
}

}  // namespace xiaoan::cli
