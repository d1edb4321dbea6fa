// The security record's lists (guards, one-key alarms, 护学岗 posts) in and out of Excel for many
// schools at once: the template, the export of the schools in scope, and the import that replaces
// each named school's list (docs/screening.md).
#include <algorithm>
#include <map>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/spreadsheet.hpp"
#include "app/security/security.hpp"
#include "app/security/security_internal.hpp"
#include "domain/auth/auth.hpp"
#include "domain/security/exchange.hpp"
#include "domain/security/record.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace sec = domain::security;
using namespace security_internal;

namespace {

Result<sec::ListKind> KindOf(const std::string& list) {
  const auto kind = sec::ListKindOf(list);
  if (!kind)
    return InvalidArgument("list", "须为 guards（保安员）、alarms（一键报警）或 posts（护学岗）");
  return *kind;
}

// The columns holding a date, whose cells are read as dates whatever their type.
bool DateColumn(sec::ListKind kind, std::size_t col) {
  const auto& name = sec::ListColumns(kind)[col];
  return name == "出生日期" || name == "最近测试日期";
}

// How to fill each column, for the template's second sheet.
std::vector<office::Row> Notes(sec::ListKind kind) {
  std::vector<office::Row> rows = {office::TextRow({"列", "填写说明"}),
                                   office::TextRow({"学校代码", "必填，学校名册中的学校代码"}),
                                   office::TextRow({"学校名称", "仅供核对，导入时不读取"})};
  const auto add = [&](const char* col, const char* how) {
    rows.push_back(office::TextRow({col, how}));
  };
  switch (kind) {
    case sec::ListKind::kGuards:
      add("姓名", "必填");
      add("是否专职", "必填，是 或 否");
      add("保安员证编号", "没有证的留空");
      add("出生日期", "如 1980-05-01");
      add("所属单位", "保安服务公司或学校");
      add("班次", "如 白班、夜班");
      break;
    case sec::ListKind::kAlarms:
      add("安装位置", "必填");
      add("联网110", "必填，是 或 否");
      add("联网教育局", "必填，是 或 否");
      add("最近测试日期", "如 2026-11-20，不能晚于今天");
      break;
    case sec::ListKind::kPosts:
      add("校门", "必填");
      add("时段", "必填，上学 或 放学");
      add("人数", "必填，0 到 100");
      add("人员类别", "公安民警、辅警、保安员、教师、志愿者/家长，多个用顿号分隔");
      break;
  }
  rows.push_back(office::TextRow(
      {"说明", "文件中出现的每所学校，其本项登记将整体替换为文件中的行；未出现的学校不变"}));
  return rows;
}

}  // namespace

Result<std::pair<std::string, std::string>> SecurityListTemplate(const std::string& list) {
  XA_ASSIGN_OR_RETURN(const auto kind, KindOf(list));
  std::vector<office::Sheet> sheets;
  sheets.push_back({std::string(sec::ListLabel(kind)), {office::TextRow(sec::ListColumns(kind))}});
  sheets.push_back({"填写说明", Notes(kind)});
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx(sheets));
  return std::make_pair(std::string(sec::ListLabel(kind)) + "导入模板.xlsx", std::move(bytes));
}

Result<std::pair<std::string, std::string>> ExportSecurityList(Services& s,
                                                               const RequestContext& ctx,
                                                               const std::string& list) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRead, "导出学校安防台账"));
  XA_ASSIGN_OR_RETURN(const auto kind, KindOf(list));
  office::Sheet sheet{std::string(sec::ListLabel(kind)), {office::TextRow(sec::ListColumns(kind))}};
  std::size_t entries = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto schools, SchoolsInScope(tx, ctx));
    std::map<std::int64_t, std::string> code_of;
    for (const auto& sc : schools.items) code_of[sc.unit.id] = sc.unit.code.value_or("");
    XA_ASSIGN_OR_RETURN(auto records, tx.security().List(ctx.Scope()));
    for (const auto& r : records) {
      for (auto& cells : sec::ListCells(kind, r.data)) {
        std::vector<std::string> row = {code_of[r.school_id], r.school_name};
        row.insert(row.end(), cells.begin(), cells.end());
        office::Row out = office::TextRow(row);
        // Dates as date cells, so the file imports back whatever the spreadsheet program does.
        for (std::size_t c = 0; c < out.size(); ++c) {
          if (DateColumn(kind, c) && !out[c].empty()) out[c] = office::Cell::Date(out[c].text);
        }
        sheet.rows.push_back(std::move(out));
        ++entries;
      }
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({sheet}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "security.export", "security", list,
        "导出" + std::string(sec::ListLabel(kind)) + " " + std::to_string(entries) + " 条")));
    return {};
  }));
  const char* name = kind == sec::ListKind::kGuards   ? "保安员名册.xlsx"
                     : kind == sec::ListKind::kAlarms ? "一键报警登记.xlsx"
                                                      : "护学岗登记.xlsx";
  return std::make_pair(std::string(name), std::move(bytes));
}

Result<ImportReport> ImportSecurityList(Services& s, const RequestContext& ctx,
                                        const std::string& list, std::string_view bytes,
                                        const std::string& format) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRecord, "导入学校安防台账"));
  XA_ASSIGN_OR_RETURN(const auto kind, KindOf(list));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  const auto& columns = sec::ListColumns(kind);
  XA_TRY(CheckHeaderRow(file.rows, columns,
                        "请使用" + std::string(sec::ListLabel(kind)) + "导入模板"));
  std::vector<sec::ListRow> rows;
  for (std::size_t i = 1; i < file.rows.size(); ++i) {
    sec::ListRow r{static_cast<int>(i) + 1, {}};
    bool blank = true;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string text = CellText(file.rows[i], c);
      if (DateColumn(kind, c) && !text.empty()) {
        text = CellDate(file.rows[i][c]).value_or(text);
      }
      blank = blank && text.empty();
      r.cells.push_back(std::move(text));
    }
    if (!blank) rows.push_back(std::move(r));
  }
  auto parsed = sec::ParseList(kind, rows);
  ImportReport report;
  report.rows = static_cast<int>(rows.size());
  if (rows.empty()) return InvalidArgument("file", "文件中没有数据行");
  std::vector<ErrorDetail> problems = std::move(parsed.errors);
  const auto today = TodayInChina(s);
  std::set<std::string> seen;  // the schools' names, for the audit
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    struct Pending {
      sec::Record record;
      domain::UnitId school_id = 0;
    };
    std::vector<Pending> pending;
    sec::Merge total;
    for (const auto& sl : parsed.schools) {
      const auto fail = [&](std::string reason) {
        problems.push_back({columns[0], std::move(reason), sl.rows.front()});
      };
      XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnitByCode(sl.code));
      if (!unit || unit->kind != "school") {
        fail("没有代码为“" + sl.code + "”的学校");
        continue;
      }
      auto school = SchoolAsAddress(tx, ctx, unit->id);
      if (!school.ok()) {
        if (school.error().code != ErrorCode::kNotFound) return std::move(school).error();
        fail("学校“" + unit->name + "”不在您的管辖范围内");
        continue;
      }
      XA_ASSIGN_OR_RETURN(auto stored, tx.security().Find(unit->id));
      sec::Record rec = stored ? std::move(*stored) : sec::Record{};
      const auto m = sec::ReplaceList(kind, rec.data, sl);
      const auto wrong = sec::Validate(rec.data, today);
      for (const auto& e : wrong) problems.push_back(sec::RowErrorOf(kind, sl, e));
      if (!wrong.empty()) continue;
      total.kept += m.kept;
      total.added += m.added;
      total.removed += m.removed;
      seen.insert(unit->name);
      pending.push_back({std::move(rec), unit->id});
    }
    if (!problems.empty()) {
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    for (auto& p : pending) {
      p.record.school_id = p.school_id;
      p.record.updated_at = s.Now();
      p.record.updated_by = ctx.actor;
      XA_ASSIGN_OR_RETURN(const bool saved, tx.security().Save(p.record));
      if (!saved) return FailedPrecondition("security.stale", "台账已被他人修改，请重新导入");
      XA_TRY(EvaluateSchool(s, tx, p.school_id, today, "security"));
    }
    report.created = total.added;
    report.updated = total.kept;
    report.removed = total.removed;
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "security.import", "security", list,
                                     "导入" + std::string(sec::ListLabel(kind)) + "：" +
                                         std::to_string(seen.size()) + " 所学校，新增 " +
                                         std::to_string(report.created) + " 条，更新 " +
                                         std::to_string(report.updated) + " 条，删除 " +
                                         std::to_string(report.removed) + " 条")));
    report.applied = true;
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !problems.empty()) {
      RefuseImport(report, std::move(problems));
      return report;
    }
    return std::move(st).error();
  }
  return report;
}

}  // namespace xiaoan::app
