#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/accounts/accounts.hpp"
#include "app/demo/seed_demo.hpp"
#include "app/org/org_use_cases.hpp"
#include "cli/commands.hpp"

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

int RunDemo(const Config& cfg, std::uint64_t seed, const std::string& scale) {
  auto store = OpenMigratedStore(cfg);
  if (!store.ok()) return Fail(store.error());
  SystemClock clock;
  app::Services services{**store, clock};
  app::RequestContext ctx;
  ctx.actor = "cli:demo";
  auto summary = app::SeedDemo(services, ctx, {seed, scale});
  if (!summary.ok()) return Fail(summary.error());
  std::cout << "演示数据已生成：区划 " << summary->regions << " 个，教育局 " << summary->bureaus
            << " 个，学校 " << summary->schools << " 所，部门 " << summary->departments << " 个\n";
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
  auto store = OpenMigratedStore(cfg);
  if (!store.ok()) return Fail(store.error());
  SystemClock clock;
  app::Services services{**store, clock};
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
  auto store = OpenMigratedStore(cfg);
  if (!store.ok()) return Fail(store.error());
  SystemClock clock;
  app::Services services{**store, clock};
  app::RequestContext ctx;
  ctx.actor = "cli:init-org";
  auto unit = app::InitOrganisation(services, ctx, chain, bureau);
  if (!unit.ok()) return Fail(unit.error());
  std::cout << "已建立 " << unit->name << "（单位编号 " << unit->id
            << "）。下一步：xiaoan create-admin --username 名称 --password-stdin --role "
               "system_admin\n";
  return kExitOk;
}

int RunVerifyAudit(const Config& cfg) {
  auto store = OpenMigratedStore(cfg);
  if (!store.ok()) return Fail(store.error());
  SystemClock clock;
  app::Services services{**store, clock};
  auto result = app::VerifyAudit(services);
  if (!result.ok()) return Fail(result.error());
  if (result->first_break) {
    std::cerr << "审计日志校验失败：第一条断链记录 id=" << result->first_break->id << "："
              << result->first_break->reason << "（此前 " << result->checked
              << " 条记录校验通过）\n";
    return kExitError;
  }
  std::cout << "审计日志完整：共校验 " << result->checked << " 条记录\n";
  return kExitOk;
}

int RunBackup(const Config& cfg, const std::string& file) {
  auto store = OpenMigratedStore(cfg);
  if (!store.ok()) return Fail(store.error());
  if (auto s = storage::BackupToFile((*store)->pool(), file); !s.ok()) return Fail(s.error());
  std::cout << "已备份到 " << file << "\n";
  return kExitOk;
}

int RunRestore(const Config& cfg, const std::string& file) {
  auto store = OpenMigratedStore(cfg);
  if (!store.ok()) return Fail(store.error());
  auto rows = storage::RestoreFromFile((*store)->pool(), file);
  if (!rows.ok()) return Fail(rows.error());
  std::cout << "已从 " << file << " 恢复 " << *rows << " 行\n";
  return kExitOk;
}

}  // namespace xiaoan::cli
