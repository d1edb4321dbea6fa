// The hazard ledger as a spreadsheet (隐患排查治理台账), in the column layout schools and bureaus
// keep by hand, with photos and documents as links.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "app/hazards/hazard_internal.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/strings.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

const std::vector<std::string>& HazardLedgerColumns() {
  static const std::vector<std::string> kColumns = {
      "序号",     "学校",         "隐患部位", "隐患类别",  "隐患等级", "隐患名称",
      "隐患描述", "发现时间",     "发现人",   "隐患来源",  "责任人",   "整改责任人",
      "整改期限", "临时管控措施", "整改措施", "整改资金",  "应急预案", "当前状态",
      "是否督办", "退回次数",     "销号时间", "照片及附件"};
  return kColumns;
}

namespace {
Instant FoundInstant(const std::string& stored) {
  Instant t{};
  ParseInstant(stored, t);
  return t;
}
}  // namespace

Result<std::string> ExportHazards(Services& s, const RequestContext& ctx,
                                  const hz::HazardFilter& filter, const std::string& format) {
  if (!format.empty() && format != "xlsx" && format != "csv") {
    return InvalidArgument("format", "格式须为 xlsx 或 csv");
  }
  std::vector<office::Row> rows = {office::TextRow(HazardLedgerColumns())};
  std::int64_t n = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    // The matching ids first (in the ledger's order), then their records and files a few hundred
    // at a time: one query per chunk instead of paging with an offset and a count per page.
    XA_ASSIGN_OR_RETURN(auto ids, tx.hazards().ListIds(filter, ctx.Scope(), "found_at"));
    constexpr std::size_t kChunk = 500;
    for (std::size_t from = 0; from < ids.size(); from += kChunk) {
      const std::vector<std::int64_t> chunk(
          ids.begin() + static_cast<std::ptrdiff_t>(from),
          ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), from + kChunk)));
      XA_ASSIGN_OR_RETURN(auto hazards, tx.hazards().FindMany(chunk));
      XA_ASSIGN_OR_RETURN(auto files, tx.hazards().FilesOfMany(chunk));
      std::unordered_map<std::int64_t, std::string> links_of;
      for (const auto& f : files) {
        auto& links = links_of[f.subject_id.value_or(0)];
        links += (links.empty() ? "" : "\n") + f.name + " /api/v1/files/" + std::to_string(f.id);
      }
      for (const auto& h : hazards) {
        const std::string& links = links_of[h.id];
        const bool major = h.level == "major";
        rows.push_back(
            {std::to_string(++n),
             h.school_name,
             h.place,
             std::string(domain::LabelOf(hz::Domains(), h.domain)),
             std::string(domain::LabelOf(hz::Levels(), h.level)),
             h.title,
             h.description,
             office::Cell::Date(hz::ChinaDate(FoundInstant(h.found_at))),
             h.found_by,
             std::string(domain::LabelOf(hz::Sources(), h.source)),
             major && !h.five.responsible.empty() ? h.five.responsible : h.responsible,
             h.owner,
             office::Cell::Date(h.deadline.value_or("")),
             h.interim_measures,
             h.five.measures,
             h.five.funds,
             h.five.contingency_plan,
             std::string(domain::LabelOf(hz::States(), hz::StateCode(h.state))),
             h.supervised ? "是" : "否",
             office::Cell::Of(office::Cell::Type::kNumber, std::to_string(h.rework_count)),
             office::Cell::Date(h.closed_at ? hz::ChinaDate(FoundInstant(*h.closed_at)) : ""),
             links});
      }
    }
    return {};
  }));
  std::string bytes;
  if (format == "csv") {
    bytes = office::WriteCsv(rows);
  } else {
    XA_ASSIGN_OR_RETURN(bytes, office::WriteXlsx({office::Sheet{"隐患台账", rows}}));
  }
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    return hazard_internal::AppendAudit(tx, AuditOf(s, ctx, "hazard.export", "hazard", "*",
                                                    "导出隐患台账 " + std::to_string(n) + " 条（" +
                                                        (format.empty() ? "xlsx" : format) + "）"));
  }));
  return bytes;
}

namespace {

// Columns the import reads, by their header in the export layout.
enum Col {
  kSchool = 1,
  kPlace,
  kDomain,
  kLevel,
  kTitle,
  kDescription,
  kFoundAt,
  kFoundBy,
  kSource,
  kResponsible,
  kOwner,
  kDeadline,
  kInterim,
  kMeasures,
  kFunds,
  kPlan,
  kState,
  kSupervised,
  kRework,
  kClosedAt,
};

std::string Cell(const office::Row& row, int col) {
  return CellText(row, static_cast<std::size_t>(col));
}

const office::Cell& CellAt(const office::Row& row, int col) {
  static const office::Cell kEmpty;
  return col < static_cast<int>(row.size()) ? row[static_cast<std::size_t>(col)] : kEmpty;
}

}  // namespace

Result<std::string> HazardImportTemplate(const std::string& format) {
  std::vector<office::Row> rows = {office::TextRow(HazardLedgerColumns())};
  if (format == "csv") return office::WriteCsv(rows);
  if (format.empty() || format == "xlsx") {
    return office::WriteXlsx({office::Sheet{"隐患台账", rows}});
  }
  return InvalidArgument("format", "格式须为 xlsx 或 csv");
}

Result<ImportReport> ImportHazards(Services& s, const RequestContext& ctx, std::string_view bytes,
                                   const ImportOptions& options) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardReport, "导入隐患台账"));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, options.format));
  const std::vector<office::Row>& rows = file.rows;
  const auto& columns = HazardLedgerColumns();
  XA_TRY(CheckHeaderRow(rows, columns, "请使用导入模板或导出的台账"));
  ImportReport report;
  const std::string now = s.Now();
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    // The schools the caller may record hazards for, by name and by code.
    std::map<std::string, domain::UnitId> schools;
    domain::SchoolFilter sf;
    sf.scope = ctx.Scope();
    sf.page.page_size = 500;
    for (sf.page.page = 1;; ++sf.page.page) {
      XA_ASSIGN_OR_RETURN(auto page, tx.org().ListSchools(sf));
      for (const auto& sc : page.items) {
        schools[sc.unit.name] = sc.unit.id;
        if (sc.unit.code) schools[*sc.unit.code] = sc.unit.id;
      }
      if (static_cast<std::int64_t>(sf.page.page) * sf.page.page_size >= page.total) break;
    }
    XA_ASSIGN_OR_RETURN(auto rules, hazard_internal::LoadRules(tx));
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const int row_no = static_cast<int>(i) + 1;
      const auto& row = rows[i];
      bool blank = true;
      for (const auto& c : row) blank = blank && Trim(c.text).empty();
      if (blank) continue;
      ++report.rows;
      std::vector<ImportRowError> errors;
      const auto fail = [&](int col, std::string reason) {
        errors.push_back({row_no, columns[col], std::move(reason)});
      };
      hz::Hazard h;
      const auto school = schools.find(Cell(row, kSchool));
      if (school == schools.end()) {
        fail(kSchool, "学校不存在或不在您的管辖范围内（填学校名称或代码）");
      } else {
        h.school_id = school->second;
      }
      const auto code = [&](int col, domain::EnumTable table, std::string& out, bool required) {
        const std::string text = Cell(row, col);
        if (text.empty() && !required) return;
        if (auto c = domain::CodeFromText(table, text)) {
          out = *c;
        } else {
          fail(col, "取值须为：" + domain::JoinLabels(table));
        }
      };
      code(kDomain, hz::Domains(), h.domain, true);
      h.level = "general";
      code(kLevel, hz::Levels(), h.level, false);
      h.source = "self_inspection";
      code(kSource, hz::Sources(), h.source, false);
      h.title = Cell(row, kTitle);
      if (h.title.empty() || h.title.size() > 200) fail(kTitle, "不能为空且不超过 200 个字节");
      h.description = Cell(row, kDescription);
      const auto found = CellInstant(CellAt(row, kFoundAt));
      if (!found) {
        fail(kFoundAt, "须为日期，如 2026-11-03（或日期和时间，如 2026-11-03 08:30）");
      } else if (std::string problem = hz::FoundAtProblem(FoundInstant(*found), s.clock.Now());
                 !problem.empty()) {
        fail(kFoundAt, problem);
      } else {
        h.found_at = *found;
      }
      h.found_by = Cell(row, kFoundBy).empty() ? ctx.actor : Cell(row, kFoundBy);
      h.responsible = Cell(row, kResponsible);
      h.interim_measures = Cell(row, kInterim);
      h.five.measures = Cell(row, kMeasures);
      h.five.funds = Cell(row, kFunds);
      h.five.contingency_plan = Cell(row, kPlan);
      h.place = Cell(row, kPlace);
      if (!Cell(row, kDeadline).empty()) {
        if (auto deadline = CellDate(CellAt(row, kDeadline))) {
          h.deadline = *deadline;
        } else {
          fail(kDeadline, "须为日期，如 2026-11-20");
        }
      }
      if (h.level == "major") {
        h.five.responsible = h.responsible;
        h.five.deadline = h.deadline.value_or("");
      }
      // A ledger row is either closed (销号) or still open; an open one starts as reported and
      // goes through the workflow here.
      const std::string state = Cell(row, kState);
      if (state == "已销号" || state == "closed") {
        h.state = hz::State::kClosed;
        const auto closed = CellInstant(CellAt(row, kClosedAt));
        if (!closed) {
          fail(kClosedAt, "已销号的隐患须填写销号时间");
        } else {
          h.closed_at = *closed;
        }
      } else {
        h.state = hz::State::kReported;
      }
      if (errors.empty()) {
        Instant found_instant;
        ParseInstant(h.found_at, found_instant);
        if (!h.deadline) {
          h.deadline =
              hz::AddDays(hz::ChinaDate(found_instant),
                          hz::DefaultDeadlineDays(rules.deadlines, h.level == "major", h.domain));
        }
        h.created_at = now;
        h.updated_at = now;
        XA_TRY(tx.hazards().Insert(h));
        hz::HazardEvent e;
        e.hazard_id = h.id;
        e.at = now;
        e.actor = ctx.actor;
        e.action = "import";
        e.to_state = hz::StateCode(h.state);
        e.note = "由台账导入（第 " + std::to_string(row_no) + " 行）";
        XA_TRY(tx.hazards().InsertEvent(e));
        XA_ASSIGN_OR_RETURN(auto fresh, tx.hazards().Find(h.id, domain::ScopeFilter{}));
        XA_TRY(hazard_internal::Escalate(s, tx, *fresh, &rules));
        ++report.created;
      } else {
        ++report.failed;
        for (auto& e : errors) report.errors.push_back(std::move(e));
      }
    }
    if (report.rows == 0) return InvalidArgument("file", "文件中没有数据行");
    if (report.failed > 0 && options.all_or_nothing) {
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    report.applied = true;
    return hazard_internal::AppendAudit(
        tx, AuditOf(s, ctx, "hazard.import", "hazard", "*",
                    "导入隐患台账：新增 " + std::to_string(report.created) + "，失败 " +
                        std::to_string(report.failed)));
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !report.errors.empty()) {
      report.applied = false;
      report.created = 0;
      return report;
    }
    return std::move(st).error();
  }
  return report;
}

}  // namespace xiaoan::app
