// Composition root: the xiaoan command line.
#include <sys/stat.h>
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "core/password.hpp"
#include "version.hpp"

int main(int argc, char** argv) {
  // The database, its WAL, backups, archives, uploaded files and lock files hold personal data:
  // none is readable by other users of the machine (files 0640, directories 0750).
  ::umask(027);
  using namespace xiaoan::cli;
  CLI::App app{"校安 Xiaoan — 学校安全治理平台", "xiaoan"};
  app.require_subcommand(1);
  CommonOptions common;
  auto add_common = [&](CLI::App* sub) {
    sub->add_option("--config", common.config_file, "INI 配置文件");
    sub->add_option("--data-dir", common.data_dir, "数据目录（默认 ./var）");
    sub->add_option("--database", common.database, "数据库：sqlite:路径 或 postgresql://…");
  };
  auto* serve = app.add_subcommand("serve", "启动 HTTP 服务");
  add_common(serve);
  serve->add_option("--listen", common.listen, "监听地址 主机:端口（默认 127.0.0.1:8080）");
  auto* migrate = app.add_subcommand("migrate", "升级数据库结构");
  add_common(migrate);
  auto* demo = app.add_subcommand("demo", "生成演示数据（示范区）");
  add_common(demo);
  std::uint64_t seed = 1;
  std::string scale = "district";
  demo->add_option("--seed", seed, "随机种子（相同种子生成相同数据）");
  demo->add_option("--scale", scale, "规模")->check(CLI::IsMember({"district", "city"}));
  std::string volume = "demo";
  demo->add_option("--volume", volume, "历史数据量：demo（演示）或 bench（性能测试数据集）")
      ->check(CLI::IsMember({"demo", "bench"}));
  auto* create_admin = app.add_subcommand("create-admin", "创建管理员账号");
  add_common(create_admin);
  std::string username;
  bool password_stdin = false;
  std::optional<std::int64_t> unit;
  create_admin->add_option("--username", username, "用户名")->required();
  create_admin->add_flag("--password-stdin", password_stdin, "从标准输入读取密码")->required();
  create_admin->add_option("--unit", unit, "所属单位编号（默认第一个教育局）");
  std::string role = "system_admin";
  create_admin->add_option("--role", role, "三员角色")
      ->check(CLI::IsMember({"system_admin", "security_admin", "audit_admin"}));
  auto* init_org = app.add_subcommand("init-org", "新部署：建立行政区划链和本级教育局");
  add_common(init_org);
  std::vector<std::string> regions;
  std::string bureau;
  init_org->add_option("--region", regions, "行政区划 代码=名称，自上而下，可重复")->required();
  init_org->add_option("--bureau", bureau, "教育局名称")->required();
  auto* recover = app.add_subcommand("recover-account", "恢复账号：重置密码、解锁、清除动态验证码");
  add_common(recover);
  std::string recover_user;
  bool recover_stdin = false;
  recover->add_option("--username", recover_user, "用户名")->required();
  recover->add_flag("--password-stdin", recover_stdin, "从标准输入读取新密码")->required();
  auto* protect = app.add_subcommand(
      "protect-fields",
      "按配置加密（security.field_encryption = sm4）或解密个人信息字段，并更新查找索引");
  add_common(protect);
  auto* verify = app.add_subcommand("verify-audit", "校验审计日志哈希链");
  add_common(verify);
  std::string verify_archives;
  verify->add_option("--archives", verify_archives,
                     "归档文件现在所在的目录（默认为归档时写入的位置）");
  auto* archive = app.add_subcommand("archive-audit", "把保留期以前的审计记录归档到文件");
  add_common(archive);
  std::string archive_before;
  archive->add_option("--before", archive_before, "归档此日期（YYYY-MM-DD）以前的记录")->required();
  std::string file;
  archive->add_option("file", file, "归档文件（不得已存在）")->required();
  auto* backup = app.add_subcommand("backup", "备份数据库到文件");
  add_common(backup);
  backup->add_option("file", file, "备份文件")->required();
  auto* restore = app.add_subcommand("restore", "从备份文件恢复到空数据库");
  add_common(restore);
  restore->add_option("file", file, "备份文件")->required();
  auto* calendar = app.add_subcommand("calendar", "校历：国家节假日安排");
  calendar->require_subcommand(1);
  auto* calendar_import = calendar->add_subcommand("import", "导入一年的节假日安排（JSON 文件）");
  add_common(calendar_import);
  calendar_import->add_option("file", file, "节假日安排文件（格式见 data/holidays/）")->required();
  auto* calendar_years = calendar->add_subcommand("years", "列出已导入节假日安排的年份");
  add_common(calendar_years);
  auto* version = app.add_subcommand("version", "显示版本");
  // Internal: the server's .xls reader runs here, in a child process (office::ReadXlsInChild).
  auto* read_xls = app.add_subcommand("read-xls", "");
  read_xls->group("");
  std::size_t xls_rows = 100000, xls_columns = 200, xls_cells = 4000000;
  read_xls->add_option("file", file)->required();
  read_xls->add_option("--max-rows", xls_rows);
  read_xls->add_option("--max-columns", xls_columns);
  read_xls->add_option("--max-cells", xls_cells);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (read_xls->parsed()) return RunReadXls(file, xls_rows, xls_columns, xls_cells);
  if (version->parsed()) {
    std::cout << "xiaoan " << xiaoan::kVersion << "\n";
    return kExitOk;
  }
  auto cfg = LoadConfig(common);
  if (!cfg.ok()) return Fail(cfg.error());
  SetupLogging(*cfg);
  xiaoan::SetPasswordAlgorithm(cfg->password_hash == "pbkdf2-sm3"
                                   ? xiaoan::PasswordAlgorithm::kPbkdf2Sm3
                                   : xiaoan::PasswordAlgorithm::kArgon2id);
  if (serve->parsed()) return RunServe(*cfg);
  if (migrate->parsed()) return RunMigrate(*cfg);
  if (demo->parsed()) return RunDemo(*cfg, seed, scale, volume);
  if (create_admin->parsed()) return RunCreateAdmin(*cfg, username, unit, role);
  if (init_org->parsed()) return RunInitOrg(*cfg, regions, bureau);
  if (verify->parsed()) return RunVerifyAudit(*cfg, verify_archives);
  if (protect->parsed()) return RunProtectFields(*cfg);
  if (recover->parsed()) return RunRecoverAccount(*cfg, recover_user);
  if (archive->parsed()) return RunArchiveAudit(*cfg, archive_before, file);
  if (backup->parsed()) return RunBackup(*cfg, file);
  if (restore->parsed()) return RunRestore(*cfg, file);
  if (calendar_import->parsed()) return RunCalendarImport(*cfg, file);
  if (calendar_years->parsed()) return RunCalendarYears(*cfg);
  return kExitUsage;
}
