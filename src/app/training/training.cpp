#include "app/training/training.hpp"

#include <algorithm>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "domain/platform/field_checks.hpp"
#include "domain/platform/personal_info.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace tr = domain::training;
namespace cal = domain::calendar;
namespace rules = domain::rules;
namespace perm = domain::perm;

namespace {

constexpr const char* kModule = "training";
constexpr const char* kStaffSubject = "training_staff";
constexpr const char* kSessionSubject = "training_session";

rules::ParamValues ValuesOf(const ValuesInForce& in_force, const rules::RuleDecl& r) {
  return in_force.at(r.id).values;
}

// The vacation window the school's holiday training is judged on today: the one before the
// semester today falls in, or before the next semester during a vacation; none without terms.
std::optional<tr::HolidayWindow> WindowOn(const std::vector<cal::Term>& terms, cal::Date today,
                                          int grace_days) {
  const cal::Term* at = nullptr;
  for (const auto& t : terms) {
    if (t.starts <= today && today <= t.ends) at = &t;
  }
  if (at == nullptr) {
    for (const auto& t : terms) {
      if (t.starts > today && (at == nullptr || t.starts < at->starts)) at = &t;
    }
  }
  if (at == nullptr) return std::nullopt;
  return tr::WindowBefore(*at, terms, grace_days);
}

struct SchoolRecords {
  std::vector<tr::KeyStaff> staff;
  std::vector<tr::Session> sessions;
  std::vector<cal::Term> terms;
};

std::vector<TrainingCheck> ChecksOf(const SchoolRecords& r, const ValuesInForce& in_force,
                                    cal::Date today) {
  std::vector<TrainingCheck> out;
  out.push_back(
      {&tr::RotationRule(),
       tr::JudgeRotation(r.staff, r.sessions, ValuesOf(in_force, tr::RotationRule()), today)});
  const auto holiday = ValuesOf(in_force, tr::HolidayRule());
  const auto window = WindowOn(r.terms, today, holiday.at("grace_days"));
  out.push_back({&tr::HolidayRule(),
                 window ? tr::JudgeHoliday(r.staff, r.sessions, *window, holiday, today)
                        : rules::Verdict{
                              rules::Outcome::kNotApplicable, "校历中没有学期，无法确定假期", {}}});
  return out;
}

Result<SchoolRecords> RecordsOf(domain::Tx& tx, const domain::Unit& school) {
  SchoolRecords r;
  XA_ASSIGN_OR_RETURN(r.staff, tx.training().StaffOf(school.id));
  XA_ASSIGN_OR_RETURN(r.sessions, tx.training().SessionsOf(school.id, ""));
  XA_ASSIGN_OR_RETURN(auto cal_data, LoadSchoolTerms(tx, school));
  r.terms = std::move(cal_data.terms);
  return r;
}

std::string MaskedPhone(const Services& s, const std::string& phone) {
  return s.mask_personal_fields ? domain::MaskPhone(phone) : phone;
}

Result<TrainingStaffView> StaffViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                      const domain::School& school) {
  TrainingStaffView out;
  const auto today = TodayInChina(s);
  out.school = school.unit;
  out.today = cal::FormatDate(today);
  out.can_edit = ctx.Can(perm::kTrainingManage);
  XA_ASSIGN_OR_RETURN(auto records, RecordsOf(tx, school.unit));
  XA_ASSIGN_OR_RETURN(const auto in_force, LoadValuesInForce(tx, school.unit, tr::RuleDecls()));
  const auto rotation = ValuesOf(in_force, tr::RotationRule());
  out.interval_months = rotation.at("interval_months");
  out.checks = ChecksOf(records, in_force, today);
  const auto dues = tr::DueList(records.staff, records.sessions, out.interval_months,
                                rotation.at("warn_days"), today);
  for (const auto& d : dues) {
    for (auto& p : records.staff) {
      if (p.id != d.staff_id) continue;
      p.phone = MaskedPhone(s, p.phone);
      out.items.push_back({std::move(p), d});
    }
  }
  return out;
}

Result<TrainingStaffItem> ItemOf(Services& s, domain::Tx& tx, const tr::KeyStaff& person) {
  XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(person.unit_id));
  if (!unit) return NotFound("学校不存在");
  XA_ASSIGN_OR_RETURN(const auto sessions, tx.training().SessionsOf(person.unit_id, ""));
  XA_ASSIGN_OR_RETURN(const auto in_force, LoadValuesInForce(tx, *unit, tr::RuleDecls()));
  const auto v = ValuesOf(in_force, tr::RotationRule());
  TrainingStaffItem out{person, tr::DueOf(person, sessions, v.at("interval_months"),
                                          v.at("warn_days"), TodayInChina(s))};
  out.staff.phone = MaskedPhone(s, out.staff.phone);
  return out;
}

void TrimStaff(tr::KeyStaff& in) {
  in.name = std::string(Trim(in.name));
  in.phone = std::string(Trim(in.phone));
  in.since = std::string(Trim(in.since));
}

std::string Stale() { return "该人员信息刚被他人修改，请刷新后再试"; }

std::string PostOf(const tr::KeyStaff& p) { return std::string(tr::PostLabel(p.post)); }

// Every attendee one of the school's active key-post people.
Status CheckAttendees(domain::Tx& tx, const tr::Session& in) {
  XA_ASSIGN_OR_RETURN(const auto staff, tx.training().StaffOf(in.unit_id));
  std::vector<ErrorDetail> problems;
  for (std::size_t i = 0; i < in.staff_ids.size(); ++i) {
    const auto it = std::find_if(staff.begin(), staff.end(),
                                 [&](const tr::KeyStaff& p) { return p.id == in.staff_ids[i]; });
    if (it == staff.end()) {
      problems.push_back({"staff_ids[" + std::to_string(i) + "]", "不是本校的重点岗位人员"});
    } else if (!it->active) {
      problems.push_back({"staff_ids[" + std::to_string(i) + "]", it->name + "已停用"});
    }
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  return {};
}

Result<tr::Session> SessionInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto session, tx.training().FindSession(id));
  if (!session) return NotFound("培训记录不存在");
  auto school = SchoolInScope(tx, ctx, session->unit_id);
  if (!school.ok()) return NotFound("培训记录不存在");
  return std::move(*session);
}

const std::vector<std::string>& SignInColumns() {
  static const std::vector<std::string> k = {"姓名*", "岗位", "备注"};
  return k;
}

}  // namespace

Result<TrainingStaffView> GetTrainingStaff(Services& s, const RequestContext& ctx,
                                           std::optional<std::int64_t> unit_id) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingRead, "查看重点岗位人员"));
  TrainingStaffView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, NamedOrOwnSchool(tx, ctx, unit_id));
    XA_ASSIGN_OR_RETURN(out, StaffViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<TrainingStaffItem> AddTrainingStaff(Services& s, const RequestContext& ctx,
                                           tr::KeyStaff in) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingManage, "维护重点岗位人员"));
  TrimStaff(in);
  in.active = true;
  const auto today = TodayInChina(s);
  if (auto problems = tr::CheckStaff(in, today); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  TrainingStaffItem out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    auto school = SchoolInScope(tx, ctx, in.unit_id);
    if (!school.ok()) {
      if (school.error().code == ErrorCode::kInvalidArgument) {
        return InvalidArgument("unit_id", "学校不存在或不在您的管辖范围内");
      }
      return std::move(school).error();
    }
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_TRY(tx.training().InsertStaff(in));
    in.unit_name = school.value().unit.name;
    XA_TRY(EvaluateSchool(s, tx, in.unit_id, today, kModule));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "training.staff.add", kStaffSubject,
                                     std::to_string(in.id),
                                     "登记重点岗位人员：" + school.value().unit.name + " " +
                                         in.name + "（" + PostOf(in) + "）")));
    XA_ASSIGN_OR_RETURN(out, ItemOf(s, tx, in));
    return {};
  }));
  return out;
}

Result<TrainingStaffItem> UpdateTrainingStaff(Services& s, const RequestContext& ctx,
                                              tr::KeyStaff in) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingManage, "维护重点岗位人员"));
  TrimStaff(in);
  const auto today = TodayInChina(s);
  TrainingStaffItem out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto stored, tx.training().Staff(in.id));
    if (!stored || !SchoolInScope(tx, ctx, stored->unit_id).ok()) {
      return NotFound("重点岗位人员不存在");
    }
    in.unit_id = stored->unit_id;
    in.unit_name = stored->unit_name;
    in.phone = domain::KeepUnlessMasked(in.phone, stored->phone, domain::MaskPhone);
    if (auto problems = tr::CheckStaff(in, today); !problems.empty()) {
      return domain::ValidationError(std::move(problems));
    }
    if (stored->version != in.version) return FailedPrecondition("training.stale", Stale());
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.training().UpdateStaff(in));
    if (!saved) return FailedPrecondition("training.stale", Stale());
    XA_TRY(EvaluateSchool(s, tx, in.unit_id, today, kModule));
    std::string what =
        "修改重点岗位人员：" + in.unit_name + " " + in.name + "（" + PostOf(in) + "）";
    if (stored->active && !in.active) what += "，已停用";
    if (!stored->active && in.active) what += "，重新启用";
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "training.staff.edit", kStaffSubject, std::to_string(in.id), what)));
    XA_ASSIGN_OR_RETURN(out, ItemOf(s, tx, in));
    return {};
  }));
  return out;
}

Result<TrainingSessionsView> ListTrainingSessions(Services& s, const RequestContext& ctx,
                                                  std::optional<std::int64_t> unit_id,
                                                  const std::string& kind) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingRead, "查看培训记录"));
  if (!kind.empty() && tr::KindLabel(kind).empty()) {
    return InvalidArgument("kind", "须为 rotation、holiday 或 topic");
  }
  TrainingSessionsView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, NamedOrOwnSchool(tx, ctx, unit_id));
    out.school = school.unit;
    out.can_edit = ctx.Can(perm::kTrainingManage);
    XA_ASSIGN_OR_RETURN(out.items, tx.training().SessionsOf(school.unit.id, kind));
    return {};
  }));
  return out;
}

Result<tr::Session> GetTrainingSession(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingRead, "查看培训记录"));
  tr::Session out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, SessionInScope(tx, ctx, id));
    return {};
  }));
  return out;
}

Result<tr::Session> RecordTrainingSession(Services& s, const RequestContext& ctx, tr::Session in) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingManage, "登记培训"));
  in.title = std::string(Trim(in.title));
  in.held_on = std::string(Trim(in.held_on));
  const auto today = TodayInChina(s);
  if (auto problems = tr::CheckSession(in, today); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  tr::Session out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    auto school = SchoolInScope(tx, ctx, in.unit_id);
    if (!school.ok()) {
      if (school.error().code == ErrorCode::kInvalidArgument) {
        return InvalidArgument("unit_id", "学校不存在或不在您的管辖范围内");
      }
      return std::move(school).error();
    }
    XA_TRY(CheckAttendees(tx, in));
    in.created_by = ctx.actor;
    in.created_at = s.clock.Now();
    XA_TRY(tx.training().InsertSession(in));
    XA_TRY(EvaluateSchool(s, tx, in.unit_id, today, kModule));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "training.session.add", kSessionSubject, std::to_string(in.id),
                "登记培训：" + school.value().unit.name + " " + in.held_on + "《" + in.title +
                    "》（" + std::string(tr::KindLabel(in.kind)) + "，重点岗位人员 " +
                    std::to_string(in.staff_ids.size()) + " 人，其他 " +
                    std::to_string(in.other_count) + " 人）")));
    XA_ASSIGN_OR_RETURN(out, SessionInScope(tx, ctx, in.id));
    return {};
  }));
  return out;
}

Status DeleteTrainingSession(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingManage, "删除培训记录"));
  const auto today = TodayInChina(s);
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto session, SessionInScope(tx, ctx, id));
    XA_TRY(tx.training().DeleteSession(id));
    XA_TRY(EvaluateSchool(s, tx, session.unit_id, today, kModule));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "training.session.delete", kSessionSubject,
                                     std::to_string(id),
                                     "删除培训记录：" + session.unit_name + " " + session.held_on +
                                         "《" + session.title + "》")));
    return {};
  });
}

Result<std::pair<std::string, std::string>> TrainingSignInTemplate() {
  std::vector<office::Row> notes = {
      office::TextRow({"列", "填写说明"}),
      office::TextRow({"姓名*",
                       "参训人员姓名，每行一人；与本校重点岗位人员同名的计入其参训记录，"
                       "其余计为其他参训人员"}),
      office::TextRow({"岗位", "可不填"}), office::TextRow({"备注", "可不填"})};
  XA_ASSIGN_OR_RETURN(
      auto bytes, office::WriteXlsx({office::Sheet{"签到表", {office::TextRow(SignInColumns())}},
                                     office::Sheet{"填写说明", notes}}));
  return std::make_pair(std::string("培训签到表模板.xlsx"), std::move(bytes));
}

Result<SignInReport> ImportTrainingSignIn(Services& s, const RequestContext& ctx,
                                          std::int64_t session_id, std::string_view bytes,
                                          const std::string& format) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingManage, "导入签到表"));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  XA_TRY(CheckHeaderRow(file.rows, SignInColumns(), "请使用培训签到表模板"));
  const auto data = DataRows(file.rows, SignInColumns().size(), [](std::size_t) { return false; });
  if (data.empty()) return InvalidArgument("file", "文件中没有数据行");
  SignInReport report;
  report.rows = static_cast<int>(data.size());
  std::vector<std::string> names;
  for (const auto& r : data) {
    const auto& name = r.cells[0];
    std::vector<ErrorDetail> problems;
    domain::CheckText(problems, "name", name, "姓名", tr::kMaxNameChars, true);
    for (auto& p : problems) report.errors.push_back({r.row, "姓名", std::move(p.reason)});
    report.failed += problems.empty() ? 0 : 1;
    names.push_back(name);
  }
  if (!report.errors.empty()) return report;
  const auto today = TodayInChina(s);
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto session, SessionInScope(tx, ctx, session_id));
    XA_ASSIGN_OR_RETURN(const auto staff, tx.training().StaffOf(session.unit_id));
    const auto signed_in = tr::MatchSignIn(names, staff);
    int added = 0;
    for (const auto id : signed_in.staff_ids) {
      if (std::find(session.staff_ids.begin(), session.staff_ids.end(), id) !=
          session.staff_ids.end()) {
        continue;
      }
      session.staff_ids.push_back(id);
      ++added;
    }
    session.other_count = std::min(tr::kMaxOthers, session.other_count + signed_in.others);
    if (session.staff_ids.size() > tr::kMaxAttendees) {
      return InvalidArgument("file",
                             "参训人员不能超过 " + std::to_string(tr::kMaxAttendees) + " 人");
    }
    XA_TRY(tx.training().SetAttendance(session));
    XA_TRY(EvaluateSchool(s, tx, session.unit_id, today, kModule));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "training.session.sign_in", kSessionSubject, std::to_string(session.id),
                "导入签到表：" + session.unit_name + "《" + session.title + "》" +
                    std::to_string(report.rows) + " 行，重点岗位人员新增 " + std::to_string(added) +
                    " 人，其他 " + std::to_string(signed_in.others) + " 人")));
    report.matched = static_cast<int>(signed_in.staff_ids.size());
    report.others = signed_in.others;
    report.applied = true;
    return {};
  }));
  return report;
}

Result<TrainingBoard> GetTrainingBoard(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kTrainingRead, "查看轮训看板"));
  const auto today = TodayInChina(s);
  TrainingBoard out;
  out.today = cal::FormatDate(today);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto schools, AllSchoolsInScope(tx, ctx));
    XA_ASSIGN_OR_RETURN(auto all_staff, tx.training().StaffIn(ctx.Scope()));
    XA_ASSIGN_OR_RETURN(auto all_sessions, tx.training().SessionsIn(ctx.Scope()));
    std::map<std::int64_t, SchoolRecords> by_school;
    for (auto& p : all_staff) by_school[p.unit_id].staff.push_back(std::move(p));
    for (auto& t : all_sessions) by_school[t.unit_id].sessions.push_back(std::move(t));
    std::vector<domain::Unit> units;
    for (const auto& sc : schools) units.push_back(sc.unit);
    XA_ASSIGN_OR_RETURN(const auto values, LoadValuesInForceOf(tx, units, tr::RuleDecls()));
    XA_ASSIGN_OR_RETURN(auto terms, LoadTermsOfSchools(tx, units));
    for (const auto& sc : schools) {
      auto& records = by_school[sc.unit.id];
      records.terms = std::move(terms[sc.unit.id]);
      const auto& in_force = values.at(sc.unit.id);
      const auto checks = ChecksOf(records, in_force, today);
      const auto v = ValuesOf(in_force, tr::RotationRule());
      TrainingBoard::Row row;
      row.unit_id = sc.unit.id;
      row.unit_name = sc.unit.name;
      for (const auto& d : tr::DueList(records.staff, records.sessions, v.at("interval_months"),
                                       v.at("warn_days"), today)) {
        row.staff += d.state != tr::DueState::kInactive ? 1 : 0;
        row.overdue += d.state == tr::DueState::kOverdue ? 1 : 0;
        row.due_soon += d.state == tr::DueState::kDueSoon ? 1 : 0;
      }
      for (const auto& t : records.sessions) {  // newest first
        const auto on = cal::ParseDate(t.held_on);
        if (on && *on <= today) {
          row.last_session_on = t.held_on;
          break;
        }
      }
      row.rotation = checks[0].verdict;
      row.holiday = checks[1].verdict;
      out.staff += row.staff;
      out.overdue += row.overdue;
      out.due_soon += row.due_soon;
      ++out.schools;
      out.rows.push_back(std::move(row));
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportTrainingBoard(Services& s, const RequestContext& ctx) {
  XA_ASSIGN_OR_RETURN(const auto board, GetTrainingBoard(s, ctx));
  const auto n = [](int v) { return std::to_string(v); };
  const auto verdict = [](const rules::Verdict& v) {
    return std::string(rules::OutcomeLabel(v.outcome)) + "：" + v.reason;
  };
  std::vector<office::Row> rows = {
      office::TextRow({"学校", "重点岗位人员", "逾期", "即将到期", "最近培训日期", "重点岗位轮训",
                       "假期安保培训"})};
  for (const auto& r : board.rows) {
    rows.push_back(office::TextRow({r.unit_name, n(r.staff), n(r.overdue), n(r.due_soon),
                                    r.last_session_on, verdict(r.rotation), verdict(r.holiday)}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"轮训看板", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "training.export", kStaffSubject, "",
                "导出轮训看板 " + std::to_string(board.rows.size()) + " 所学校")));
    return {};
  }));
  return bytes;
}

TaskSource TrainingTaskSource() {
  return {
      kModule, [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
        std::vector<TaskGroup> out;
        if (!ctx.principal || !ctx.Can(perm::kTrainingManage) || !ctx.unit_id) return out;
        std::optional<TrainingStaffView> view;
        XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
          XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(*ctx.unit_id));
          if (!unit || unit->kind != "school") return {};
          XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, unit->id));
          XA_ASSIGN_OR_RETURN(view, StaffViewOf(s, tx, ctx, school));
          return {};
        }));
        if (!view) return out;
        TaskGroup g{"training.due", "培训待办", 0, 0, {}};
        for (const auto& item : view->items) {
          const bool overdue = item.due.state == tr::DueState::kOverdue;
          if (!overdue && item.due.state != tr::DueState::kDueSoon) continue;
          ++g.count;
          if (overdue) ++g.overdue;
          if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
            g.items.push_back({kStaffSubject, view->school.id, std::nullopt,
                               item.staff.name + "（" + PostOf(item.staff) + "）须参加安全培训",
                               view->school.name,
                               item.due.due_by ? cal::FormatDate(*item.due.due_by) : "", overdue});
          }
        }
        const auto& holiday = view->checks[1].verdict;
        if (holiday.outcome == rules::Outcome::kDue || holiday.outcome == rules::Outcome::kFail) {
          const bool failed = holiday.outcome == rules::Outcome::kFail;
          ++g.count;
          if (failed) ++g.overdue;
          g.items.insert(g.items.begin(), {kStaffSubject, view->school.id, std::nullopt,
                                           tr::HolidayRule().title + "：" + holiday.reason,
                                           view->school.name, "", failed});
          if (g.items.size() > static_cast<std::size_t>(kTaskItems)) g.items.pop_back();
        }
        if (g.count > 0) out.push_back(std::move(g));
        return out;
      }};
}

RuleModule TrainingRuleModule() {
  RuleModule m;
  m.module = kModule;
  m.rules = tr::RuleDecls();
  m.configure_path = "/rules";
  // training.rotation: the list as it stands, for this month (or last month on the morning
  // after its last day). training.holiday: the semester the day falls in, on the vacation
  // before it; older periods keep what was judged then.
  m.judge_school = [](domain::Tx& tx,
                      const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
    std::vector<rules::Judgement> out;
    const auto value = [&](const rules::RuleDecl& r) {
      auto v = rules::Defaults(r);
      if (const auto it = in.values.find(r.id); it != in.values.end()) {
        for (const auto& [k, n] : it->second) v[k] = n;
      }
      return v;
    };
    const auto month = rules::PeriodOf(rules::Period::kMonth, in.day, in.calendar);
    const auto semester = rules::PeriodOf(rules::Period::kSemester, in.day, in.calendar);
    const bool month_open = month && month->last >= in.today - std::chrono::days{1};
    const bool semester_open = semester && semester->last >= in.today - std::chrono::days{1};
    if (!month_open && !semester_open) return out;
    XA_ASSIGN_OR_RETURN(const auto staff, tx.training().StaffOf(in.school.unit.id));
    XA_ASSIGN_OR_RETURN(const auto sessions, tx.training().SessionsOf(in.school.unit.id, ""));
    if (month_open) {
      const auto on = std::min(in.today, month->last);
      out.push_back({&tr::RotationRule(), *month, in.today <= month->last,
                     tr::JudgeRotation(staff, sessions, value(tr::RotationRule()), on)});
    }
    if (semester_open) {
      const auto* term = in.calendar.TermOf(semester->first);
      if (term != nullptr) {
        const auto v = value(tr::HolidayRule());
        const auto window = tr::WindowBefore(*term, in.calendar.terms(), v.at("grace_days"));
        out.push_back({&tr::HolidayRule(), *semester, in.today <= semester->last,
                       tr::JudgeHoliday(staff, sessions, window, v, in.today)});
      }
    }
    return out;
  };
  return m;
}

}  // namespace xiaoan::app
