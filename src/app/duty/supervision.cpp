#include "app/duty/supervision.hpp"

#include <algorithm>
#include <map>

#include "app/duty/bureau.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/duty/duty.hpp"
#include "domain/org/org.hpp"
#include "domain/plan/plan.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace du = domain::duty;
namespace perm = domain::perm;

namespace {

constexpr const char* kSubject = "supervision_item";

std::string Stale() { return "监管事项刚被他人修改，请刷新后再试"; }

Result<domain::Unit> BureauOf(domain::Tx& tx, const RequestContext& ctx,
                              std::int64_t trusted_bureau_id) {
  return CallerBureau(tx, ctx, trusted_bureau_id, "监管事项由教育局及其内设科室查看和维护");
}

Result<std::vector<domain::Unit>> SectionsOf(domain::Tx& tx, std::int64_t bureau_id) {
  domain::UnitFilter f;
  f.kind = "section";
  f.parent_id = bureau_id;
  f.page.page_size = 1000;
  XA_ASSIGN_OR_RETURN(auto page, tx.org().ListUnits(f));
  return std::move(page.items);
}

Result<std::vector<SupervisionItemsView::Person>> PeopleOf(domain::Tx& tx,
                                                           std::int64_t section_id) {
  domain::UserFilter f;
  f.unit_id = section_id;
  f.status = "active";
  f.page.page_size = 1000;
  XA_ASSIGN_OR_RETURN(auto page, tx.users().List(f));
  std::vector<SupervisionItemsView::Person> out;
  for (const auto& u : page.items) out.push_back({u.id, u.display_name});
  return out;
}

std::vector<std::string> MeasureTitles() {
  std::vector<std::string> out(du::kPlanMeasures);
  for (const auto& a : domain::plan::DefaultPlan()) {
    for (const auto& m : a.measures) {
      if (m.number >= 1 && m.number <= du::kPlanMeasures) {
        out[static_cast<std::size_t>(m.number - 1)] = m.title;
      }
    }
  }
  return out;
}

std::string KindAndStage(const du::SupervisionItem& i) {
  std::string out(du::SupervisionKindLabel(i.kind));
  if (!i.stage.empty()) out += "（" + std::string(du::SupervisionStageLabel(i.stage)) + "）";
  return out;
}

// The section (one of the bureau's) and the person (an active account of it) of an item.
Status CheckPlacement(domain::Tx& tx, const domain::Unit& bureau, const du::SupervisionItem& in,
                      std::vector<ErrorDetail>& problems) {
  XA_ASSIGN_OR_RETURN(const auto section, tx.org().FindUnit(in.section_id));
  if (!section || section->kind != "section" || section->parent_id != bureau.id) {
    problems.push_back({"section_id", "科室不是本局的内设科室"});
    return {};
  }
  XA_ASSIGN_OR_RETURN(const auto person, tx.users().FindById(in.person_user_id));
  if (!person || person->unit_id != section->id || person->status != "active") {
    problems.push_back({"person_user_id", "责任人应为" + section->name + "的在用账号"});
  }
  return {};
}

Status Audit(Services& s, domain::Tx& tx, const RequestContext& ctx, const char* action,
             const du::SupervisionItem& i, const std::string& verb) {
  XA_TRY(tx.audit().Append(AuditOf(s, ctx, action, kSubject, std::to_string(i.id),
                                   verb + "监管事项：" + i.section_name + " " + i.title +
                                       "（措施 " + du::MeasuresText(i.measures) + "，" + i.post +
                                       " " + i.person_name + "）")));
  return {};
}

}  // namespace

Result<SupervisionItemsView> GetSupervisionItems(Services& s, const RequestContext& ctx,
                                                 std::optional<std::int64_t> section_id) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看科室监管事项"));
  SupervisionItemsView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto bureau, BureauOf(tx, ctx, 0));
    out.bureau_id = bureau.id;
    out.bureau_name = bureau.name;
    XA_ASSIGN_OR_RETURN(const auto sections, SectionsOf(tx, bureau.id));
    for (const auto& u : sections) {
      SupervisionItemsView::Section sec{u.id, u.name, {}};
      XA_ASSIGN_OR_RETURN(sec.people, PeopleOf(tx, u.id));
      out.sections.push_back(std::move(sec));
    }
    XA_ASSIGN_OR_RETURN(auto items, tx.duties().SupervisionItems(bureau.id));
    for (auto& i : items) {
      if (!section_id || i.section_id == *section_id) out.items.push_back(std::move(i));
    }
    return {};
  }));
  out.can_edit = ctx.Can(perm::kDutyTemplate);
  return out;
}

Result<du::SupervisionItem> SaveSupervisionItem(Services& s, const RequestContext& ctx,
                                                du::SupervisionItem in) {
  XA_TRY(RequirePermission(ctx, perm::kDutyTemplate, "维护科室监管事项"));
  in.kind = std::string(Trim(in.kind));
  in.stage = std::string(Trim(in.stage));
  in.title = std::string(Trim(in.title));
  in.detail = std::string(Trim(in.detail));
  in.post = std::string(Trim(in.post));
  auto problems = du::CheckSupervisionItem(in);
  const bool adding = in.version == 0;
  in.updated_by = ctx.actor;
  in.updated_at = s.clock.Now();
  du::SupervisionItem saved;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto bureau, BureauOf(tx, ctx, in.bureau_id));
    if (!adding) {
      XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().SupervisionItemById(in.id));
      if (!stored || stored->bureau_id != bureau.id) return NotFound("监管事项不存在");
    }
    if (in.section_id > 0 && in.person_user_id > 0) {
      XA_TRY(CheckPlacement(tx, bureau, in, problems));
    }
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    in.bureau_id = bureau.id;
    XA_ASSIGN_OR_RETURN(const bool ok, tx.duties().SaveSupervisionItem(in));
    if (!ok) return FailedPrecondition("duty.stale", Stale());
    XA_ASSIGN_OR_RETURN(auto read, tx.duties().SupervisionItemById(in.id));
    if (!read) return Internal("监管事项保存后未找到");
    saved = std::move(*read);
    return Audit(s, tx, ctx, adding ? "duty.supervision.add" : "duty.supervision.edit", saved,
                 adding ? "新增" : "修改");
  }));
  return saved;
}

Status DeleteSupervisionItem(Services& s, const RequestContext& ctx, std::int64_t id, int version) {
  XA_TRY(RequirePermission(ctx, perm::kDutyTemplate, "删除科室监管事项"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().SupervisionItemById(id));
    if (!stored) return NotFound("监管事项不存在");
    XA_ASSIGN_OR_RETURN(const auto bureau, BureauOf(tx, ctx, stored->bureau_id));
    if (stored->bureau_id != bureau.id) return NotFound("监管事项不存在");
    XA_ASSIGN_OR_RETURN(const bool ok, tx.duties().DeleteSupervisionItem(id, version));
    if (!ok) return FailedPrecondition("duty.stale", Stale());
    return Audit(s, tx, ctx, "duty.supervision.delete", *stored, "删除");
  });
}

Result<SupervisionCoverageView> GetSupervisionCoverage(Services& s, const RequestContext& ctx) {
  XA_ASSIGN_OR_RETURN(const auto view, GetSupervisionItems(s, ctx, std::nullopt));
  SupervisionCoverageView out;
  out.bureau_id = view.bureau_id;
  out.bureau_name = view.bureau_name;
  std::vector<du::SectionRef> sections;
  for (const auto& sec : view.sections) sections.push_back({sec.id, sec.name});
  out.coverage = du::CoverageOf(view.items, sections);
  out.measure_titles = MeasureTitles();
  return out;
}

Result<std::string> ExportSupervisionItems(Services& s, const RequestContext& ctx) {
  XA_ASSIGN_OR_RETURN(const auto view, GetSupervisionItems(s, ctx, std::nullopt));
  std::vector<office::Row> rows = {office::TextRow(
      {"科室", "类别", "监管事项", "说明", "对应措施", "岗位", "责任人", "责任人在岗"})};
  for (const auto& i : view.items) {
    rows.push_back(office::TextRow({i.section_name, KindAndStage(i), i.title, i.detail,
                                    du::MeasuresText(i.measures), i.post, i.person_name,
                                    i.person_active ? "是" : "否（已调离或停用）"}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"科室监管事项", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "duty.supervision.export", kSubject, "",
                                     "导出科室监管事项：" + view.bureau_name + " " +
                                         std::to_string(view.items.size()) + " 项")));
    return {};
  }));
  return bytes;
}

Result<std::string> ExportSupervisionCoverage(Services& s, const RequestContext& ctx) {
  XA_ASSIGN_OR_RETURN(const auto view, GetSupervisionCoverage(s, ctx));
  std::vector<office::Row> rows = {
      office::TextRow({"措施", "内容", "监管科室", "监管事项数", "责任人不在岗", "覆盖情况"})};
  for (const auto& m : view.coverage.measures) {
    std::string names;
    for (const auto& sec : m.sections) names += (names.empty() ? "" : "、") + sec.name;
    rows.push_back(office::TextRow(
        {std::to_string(m.measure), view.measure_titles[static_cast<std::size_t>(m.measure - 1)],
         names, std::to_string(m.items), std::to_string(m.unassigned),
         m.covered ? "已覆盖" : (m.items > 0 ? "责任人不在岗" : "无科室监管")}));
  }
  std::vector<office::Row> by_section = {
      office::TextRow({"科室", "监管事项数", "责任人不在岗", "对应措施"})};
  for (const auto& sc : view.coverage.sections) {
    by_section.push_back(
        office::TextRow({sc.section.name, std::to_string(sc.items), std::to_string(sc.unassigned),
                         du::MeasuresText(sc.measures)}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"措施覆盖", rows},
                                                     office::Sheet{"各科室", by_section}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "duty.supervision.export", kSubject, "",
                                     "导出方案措施覆盖情况：" + view.bureau_name + " 已覆盖 " +
                                         std::to_string(view.coverage.covered) + "/" +
                                         std::to_string(du::kPlanMeasures) + " 项")));
    return {};
  }));
  return bytes;
}

Result<std::vector<du::SupervisionItem>> GetMySupervisionItems(Services& s,
                                                               const RequestContext& ctx) {
  std::vector<du::SupervisionItem> out;
  if (!ctx.principal) return out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.duties().SupervisionItemsOf(ctx.principal->user_id));
    return {};
  }));
  std::erase_if(out, [](const du::SupervisionItem& i) { return !i.person_active; });
  return out;
}

// ---- Workbook -----------------------------------------------------------------------------------

namespace {

const std::vector<std::string>& Columns() {
  static const std::vector<std::string> k = {"科室*", "类别*",     "学段",  "监管事项*",
                                             "说明",  "对应措施*", "岗位*", "责任人用户名*"};
  return k;
}

std::string ColumnOf(const std::string& field) {
  static const std::map<std::string, std::string, std::less<>> k = {
      {"section_id", "科室"},
      {"kind", "类别"},
      {"stage", "学段"},
      {"title", "监管事项"},
      {"detail", "说明"},
      {"post", "岗位"},
      {"person_user_id", "责任人用户名"}};
  if (field.rfind("measures", 0) == 0) return "对应措施";
  const auto it = k.find(field);
  return it == k.end() ? field : it->second;
}

}  // namespace

Result<std::pair<std::string, std::string>> SupervisionItemTemplate() {
  std::string stages;
  for (const auto& o : du::SupervisionStages()) {
    stages += (stages.empty() ? "" : "、") + std::string(o.label);
  }
  std::vector<office::Row> notes = {
      office::TextRow({"列", "填写说明"}),
      office::TextRow({"科室*", "本局内设科室的名称"}),
      office::TextRow({"类别*", "管学段 或 管业务"}),
      office::TextRow({"学段", "类别为管学段时必填：" + stages}),
      office::TextRow({"监管事项*", "不超过 100 个字"}),
      office::TextRow({"说明", "可不填，不超过 500 个字"}),
      office::TextRow({"对应措施*", "方案的措施序号 1–21，多项用“、”分隔，如 1、5、8"}),
      office::TextRow({"岗位*", "如 科长、副科长、科员"}),
      office::TextRow({"责任人用户名*", "该科室在用账号的用户名"}),
      office::TextRow({"说明", "每行新增一项监管事项；有一行未通过校验时整个文件不导入"})};
  XA_ASSIGN_OR_RETURN(auto bytes,
                      office::WriteXlsx({office::Sheet{"监管事项", {office::TextRow(Columns())}},
                                         office::Sheet{"填写说明", notes}}));
  return std::make_pair(std::string("科室监管事项导入模板.xlsx"), std::move(bytes));
}

Result<ImportReport> ImportSupervisionItems(Services& s, const RequestContext& ctx,
                                            std::string_view bytes, const std::string& format) {
  XA_TRY(RequirePermission(ctx, perm::kDutyTemplate, "导入科室监管事项"));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  XA_TRY(CheckHeaderRow(file.rows, Columns(), "请使用科室监管事项导入模板"));
  const auto data = DataRows(file.rows, Columns().size(), [](std::size_t) { return false; });
  if (data.empty()) return InvalidArgument("file", "文件中没有数据行");
  ImportReport report;
  report.rows = static_cast<int>(data.size());
  std::vector<ErrorDetail> problems;
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto bureau, BureauOf(tx, ctx, 0));
    XA_ASSIGN_OR_RETURN(const auto sections, SectionsOf(tx, bureau.id));
    std::vector<du::SupervisionItem> added;
    for (const auto& r : data) {
      const auto fail = [&](const std::string& column, std::string reason) {
        problems.push_back({column, std::move(reason), r.row});
      };
      du::SupervisionItem i;
      i.bureau_id = bureau.id;
      for (const auto& sec : sections) {
        if (sec.name == r.cells[0]) i.section_id = sec.id;
      }
      if (i.section_id == 0 && !r.cells[0].empty()) {
        fail("科室", "“" + r.cells[0] + "”不是本局的内设科室");
        continue;
      }
      i.kind = OptionCodeOf(du::SupervisionKinds(), r.cells[1]);
      i.stage = OptionCodeOf(du::SupervisionStages(), r.cells[2]);
      i.title = r.cells[3];
      i.detail = r.cells[4];
      i.measures = du::MeasuresFromText(r.cells[5]);
      i.post = r.cells[6];
      if (!r.cells[7].empty()) {
        XA_ASSIGN_OR_RETURN(const auto user, tx.users().FindByUsername(r.cells[7]));
        if (!user || user->unit_id != i.section_id || user->status != "active") {
          fail("责任人用户名", "“" + r.cells[7] + "”不是该科室的在用账号");
          continue;
        }
        i.person_user_id = user->id;
      }
      auto checked = du::CheckSupervisionItem(i);
      for (const auto& d : checked) fail(ColumnOf(d.field), d.reason);
      if (checked.empty()) added.push_back(std::move(i));
    }
    if (!problems.empty()) {
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    for (auto& i : added) {
      i.updated_by = ctx.actor;
      i.updated_at = s.clock.Now();
      XA_ASSIGN_OR_RETURN(const bool ok, tx.duties().SaveSupervisionItem(i));
      if (!ok) return Internal("监管事项未能保存");
      ++report.created;
    }
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "duty.supervision.import", kSubject, "",
        "导入科室监管事项：" + bureau.name + " 新增 " + std::to_string(report.created) + " 项")));
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

TaskSource SupervisionCoverageTaskSource() {
  return {"duty.supervision",
          [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kDutyTemplate) || !ctx.Can(perm::kDutyRead) ||
                ctx.principal->unit_kind != "bureau") {
              return out;
            }
            XA_ASSIGN_OR_RETURN(const auto view, GetSupervisionCoverage(s, ctx));
            const auto& c = view.coverage;
            if (c.uncovered.empty() && c.unassigned == 0) return out;
            TaskGroup g{"duty.coverage",
                        "方案措施待落实监管科室",
                        static_cast<std::int64_t>(c.uncovered.size()) + c.unassigned,
                        0,
                        {}};
            for (const int m : c.uncovered) {
              if (g.items.size() >= static_cast<std::size_t>(kTaskItems)) break;
              const auto& mc = c.measures[static_cast<std::size_t>(m - 1)];
              g.items.push_back({"supervision_coverage", m, std::nullopt,
                                 "措施 " + std::to_string(m) + "：" +
                                     view.measure_titles[static_cast<std::size_t>(m - 1)] +
                                     (mc.items > 0 ? "（责任人不在岗）" : "（无科室监管）"),
                                 view.bureau_name, "", false});
            }
            out.push_back(std::move(g));
            return out;
          }};
}

}  // namespace xiaoan::app
