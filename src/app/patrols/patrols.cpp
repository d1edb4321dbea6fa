#include "app/patrols/patrols.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "app/calendar/calendar.hpp"
#include "app/hazards/hazards.hpp"
#include "domain/auth/auth.hpp"
#include "domain/checklist/answer_text.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/org/org.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace pt = domain::patrol;
namespace cl = domain::checklist;
namespace cal = domain::calendar;
namespace rules = domain::rules;

namespace {

constexpr int kMaxScheduleDays = 62;
constexpr int kLateEntryDays = 7;

Error NotInScope() { return NotFound("巡查计划不存在或不在您的管辖范围内"); }

Result<pt::Plan> LoadPlan(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto p, tx.patrols().FindPlan(id));
  if (!p || !ctx.Covers(p->school_path)) return NotInScope();
  return std::move(*p);
}

Result<pt::Record> LoadRecord(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto r, tx.patrols().FindRecord(id));
  if (!r || !ctx.Covers(r->school_path)) return NotFound("巡查记录不存在或不在您的管辖范围内");
  return std::move(*r);
}

// A template the school sees: a shipped one, or one of the school's own bureau (or above).
bool SeenBy(const cl::Template& t, const std::string& school_path) {
  return !t.owner_unit_id || school_path.rfind(t.owner_path, 0) == 0;
}

// Checks a plan against the school, its key places and the template; fills the names.
Result<PatrolPlanView> Checked(domain::Tx& tx, const RequestContext& ctx, pt::Plan& p) {
  if (auto problems = pt::ValidatePlan(p); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(p.school_id));
  if (!unit || unit->kind != "school" || !ctx.Covers(unit->path)) {
    return domain::ValidationError({{"school_id", "学校不存在或不在您的管辖范围内"}});
  }
  XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(p.school_id));
  if (!school) return domain::ValidationError({{"school_id", "学校不存在"}});
  const auto place = std::find_if(school->key_places.begin(), school->key_places.end(),
                                  [&](const auto& k) { return k.id == p.key_place_id; });
  if (place == school->key_places.end()) {
    return domain::ValidationError({{"key_place_id", "该学校没有这个重点部位"}});
  }
  XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Find(p.template_id));
  if (!t || !SeenBy(*t, unit->path)) {
    return domain::ValidationError({{"template_id", "检查表不存在或该学校不可使用"}});
  }
  if (!cl::AppliesTo(t->applies, school->profile)) {
    return domain::ValidationError(
        {{"template_id", "这张检查表不适用于该学校（学段、类型或寄宿）"}});
  }
  PatrolPlanView v;
  v.items = pt::ItemsFor(*t, place->kind);
  if (v.items.empty()) {
    return domain::ValidationError(
        {{"template_id", "这张检查表没有适用于" +
                             std::string(domain::LabelOf(domain::KeyPlaceKinds(), place->kind)) +
                             "的检查项"}});
  }
  p.school_name = unit->name;
  p.school_path = unit->path;
  p.place_name = place->name;
  p.place_kind = place->kind;
  p.template_code = t->code;
  p.template_name = t->name;
  p.template_version = t->version;
  v.can_edit = ctx.Can(domain::perm::kPatrolManage);
  v.plan = p;
  return v;
}

// The items a plan's patrols answer, from the version it keeps.
Result<std::vector<cl::Item>> ItemsOf(domain::Tx& tx, std::int64_t template_id,
                                      const std::string& place_kind) {
  XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Find(template_id));
  if (!t) return std::vector<cl::Item>{};
  return pt::ItemsFor(*t, place_kind);
}

std::string PlanSummary(const pt::Plan& p) {
  return p.school_name + " " + p.place_name + "（" +
         std::string(domain::LabelOf(pt::Frequencies(), p.frequency)) + "，" + p.template_name +
         " 第" + std::to_string(p.template_version) + "版）";
}

Result<PatrolDetail> DetailOf(domain::Tx& tx, const RequestContext& ctx, pt::Record r) {
  PatrolDetail d;
  XA_ASSIGN_OR_RETURN(d.items, ItemsOf(tx, r.template_id, r.place_kind));
  XA_ASSIGN_OR_RETURN(d.files, tx.files().OfSubject("patrol_record", r.id));
  XA_ASSIGN_OR_RETURN(auto plan, tx.patrols().FindPlan(r.plan_id));
  if (plan) d.shift_time = pt::ShiftTime(*plan, r.shift);
  d.can_raise =
      ctx.Can(domain::perm::kPatrolRecord) && ctx.Can(domain::perm::kHazardReport) && r.failed > 0;
  d.record = std::move(r);
  return d;
}

// Today's slots of a plan: its day, or for a weekly plan the week containing today.
std::vector<pt::SlotStatus> TodayOf(const pt::Plan& p, const cal::SchoolCalendar& calendar,
                                    std::span<const pt::Done> done, cal::Date today) {
  const cal::Date from =
      p.frequency == "weekly" ? cal::SchoolCalendar::WeekOf(today) - std::chrono::days{1} : today;
  const cal::Date to = p.frequency == "weekly" ? from + std::chrono::days{6} : today;
  return pt::Schedule(p, calendar, from, to, done, today);
}

std::vector<pt::Done> DoneOf(std::int64_t plan_id, const std::vector<pt::PlanDone>& all) {
  std::vector<pt::Done> out;
  for (const auto& [id, d] : all) {
    if (id == plan_id) out.push_back(d);
  }
  return out;
}

}  // namespace

// ---- Plans -------------------------------------------------------------------------------------

Result<std::vector<PatrolPlanView>> ListPatrolPlans(Services& s, const RequestContext& ctx,
                                                    pt::PlanFilter f) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolRead, "查看巡查计划"));
  if (f.active_only) f.active_on = cal::FormatDate(TodayInChina(s));
  std::vector<PatrolPlanView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto plans, tx.patrols().ListPlans(f, ctx.Scope()));
    for (auto& p : plans) {
      PatrolPlanView v;
      v.can_edit = ctx.Can(domain::perm::kPatrolManage);
      v.plan = std::move(p);
      out.push_back(std::move(v));
    }
    return {};
  }));
  return out;
}

Result<PatrolPlanView> GetPatrolPlan(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolRead, "查看巡查计划"));
  PatrolPlanView v;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(v.plan, LoadPlan(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(v.items, ItemsOf(tx, v.plan.template_id, v.plan.place_kind));
    v.can_edit = ctx.Can(domain::perm::kPatrolManage);
    return {};
  }));
  return v;
}

Result<PatrolPlanView> CreatePatrolPlan(Services& s, const RequestContext& ctx, pt::Plan in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolManage, "安排巡查计划"));
  PatrolPlanView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    in.id = 0;
    XA_ASSIGN_OR_RETURN(out, Checked(tx, ctx, in));
    in.created_by = ctx.actor;
    in.created_at = s.Now();
    in.updated_at = in.created_at;
    XA_TRY(tx.patrols().InsertPlan(in));
    out.plan.id = in.id;
    out.plan.created_by = in.created_by;
    out.plan.created_at = in.created_at;
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "patrol.plan.create", "patrol_plan",
                                     std::to_string(in.id), "安排巡查：" + PlanSummary(in))));
    return {};
  }));
  return out;
}

Result<PatrolPlanView> EditPatrolPlan(Services& s, const RequestContext& ctx, std::int64_t id,
                                      pt::Plan in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolManage, "修改巡查计划"));
  PatrolPlanView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadPlan(tx, ctx, id));
    in.id = id;
    in.school_id = old.school_id;
    XA_ASSIGN_OR_RETURN(out, Checked(tx, ctx, in));
    in.created_by = old.created_by;
    in.created_at = old.created_at;
    in.updated_at = s.Now();
    XA_TRY(tx.patrols().UpdatePlan(in));
    out.plan.created_by = in.created_by;
    out.plan.created_at = in.created_at;
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "patrol.plan.update", "patrol_plan",
                                     std::to_string(id), "修改巡查计划：" + PlanSummary(in))));
    return {};
  }));
  return out;
}

Status DeletePatrolPlan(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolManage, "删除巡查计划"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto p, LoadPlan(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(auto n, tx.patrols().CountRecordsOfPlan(id));
    if (n > 0) {
      return FailedPrecondition(
          "patrol_plan.has_records",
          "该计划已有 " + std::to_string(n) + " 条巡查记录，不能删除；请设置结束日期停止该计划");
    }
    XA_TRY(tx.patrols().DeletePlan(id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "patrol.plan.delete", "patrol_plan",
                                     std::to_string(id), "删除巡查计划：" + PlanSummary(p))));
    return {};
  });
}

// ---- What is due -------------------------------------------------------------------------------

Result<ScheduleResult> PatrolSchedule(Services& s, const RequestContext& ctx, ScheduleQuery q) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolRead, "查看巡查任务"));
  const cal::Date today = TodayInChina(s);
  std::vector<ErrorDetail> problems;
  const auto date_of = [&](const std::optional<std::string>& text, const char* field,
                           cal::Date fallback) {
    if (!text) return fallback;
    const auto d = cal::ParseDate(*text);
    if (!d) problems.push_back({field, "日期须为 YYYY-MM-DD"});
    return d.value_or(fallback);
  };
  const cal::Date to = date_of(q.to, "to", today);
  const cal::Date from = date_of(q.from, "from", to - std::chrono::days{6});
  if (problems.empty() && to < from) problems.push_back({"to", "结束日期不能早于开始日期"});
  if (problems.empty() && (to - from).count() >= kMaxScheduleDays) {
    problems.push_back({"to", "一次最多查看 " + std::to_string(kMaxScheduleDays) + " 天"});
  }
  std::optional<pt::SlotState> state;
  if (q.state) {
    for (const auto st : {pt::SlotState::kDone, pt::SlotState::kDue, pt::SlotState::kMissed,
                          pt::SlotState::kUpcoming}) {
      if (pt::SlotStateCode(st) == *q.state) state = st;
    }
    if (!state) problems.push_back({"state", "须为 done、due、missed 或 upcoming"});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));

  ScheduleResult out;
  out.from = cal::FormatDate(from);
  out.to = cal::FormatDate(to);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    pt::PlanFilter f;
    f.school_id = q.school_id;
    XA_ASSIGN_OR_RETURN(out.plans, tx.patrols().ListPlans(f, ctx.Scope()));
    // Plans that do not overlap the range ask for nothing in it.
    std::erase_if(out.plans, [&](const pt::Plan& p) {
      const auto start = cal::ParseDate(p.starts_on);
      const auto end = p.ends_on ? cal::ParseDate(*p.ends_on) : std::nullopt;
      return !start || *start > to || (end && *end < from - std::chrono::days{6});
    });
    if (out.plans.empty()) return {};
    std::vector<std::int64_t> ids;
    for (const auto& p : out.plans) ids.push_back(p.id);
    // A weekly slot's week may begin six days before `from`.
    XA_ASSIGN_OR_RETURN(auto done,
                        tx.patrols().DoneBetween(ids, cal::FormatDate(from - std::chrono::days{6}),
                                                 cal::FormatDate(to + std::chrono::days{6})));
    XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
    std::map<std::int64_t, std::unique_ptr<cal::SchoolCalendar>> calendars;
    for (const auto& p : out.plans) {
      auto& c = calendars[p.school_id];
      if (!c) {
        domain::Unit unit;
        unit.id = p.school_id;
        unit.path = p.school_path;
        XA_ASSIGN_OR_RETURN(auto t, LoadSchoolTerms(tx, unit));
        c = std::make_unique<cal::SchoolCalendar>(holidays, std::move(t.terms),
                                                  std::move(t.exceptions));
      }
      const auto mine = DoneOf(p.id, done);
      for (auto& slot : pt::Schedule(p, *c, from, to, mine, today)) {
        ++out.counts[std::string(pt::SlotStateCode(slot.state))];
        if (state && slot.state != *state) continue;
        out.rows.push_back({&p, slot});
      }
    }
    return {};
  }));
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const auto& a, const auto& b) {
    if (a.slot.slot.date != b.slot.slot.date) return a.slot.slot.date > b.slot.slot.date;
    if (a.plan->school_name != b.plan->school_name)
      return a.plan->school_name < b.plan->school_name;
    if (a.plan->place_name != b.plan->place_name) return a.plan->place_name < b.plan->place_name;
    return a.slot.slot.shift < b.slot.slot.shift;
  });
  return out;
}

Result<PatrolPlaceView> GetPatrolPlace(Services& s, const RequestContext& ctx,
                                       std::int64_t key_place_id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolRead, "查看巡查任务"));
  const cal::Date today = TodayInChina(s);
  PatrolPlaceView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    pt::PlanFilter f;
    f.key_place_id = key_place_id;
    f.active_only = true;
    f.active_on = cal::FormatDate(today);
    XA_ASSIGN_OR_RETURN(auto plans, tx.patrols().ListPlans(f, ctx.Scope()));
    // The place itself: through its school, which must be in scope.
    std::optional<domain::School> school;
    if (!plans.empty()) {
      XA_ASSIGN_OR_RETURN(school, tx.org().FindSchool(plans.front().school_id));
    } else {
      XA_ASSIGN_OR_RETURN(auto owner, tx.org().SchoolOfKeyPlace(key_place_id));
      if (owner) {
        XA_ASSIGN_OR_RETURN(school, tx.org().FindSchool(*owner));
      }
    }
    if (!school || !ctx.Covers(school->unit.path)) {
      return NotFound("重点部位不存在或不在您的管辖范围内");
    }
    const auto place = std::find_if(school->key_places.begin(), school->key_places.end(),
                                    [&](const auto& k) { return k.id == key_place_id; });
    if (place == school->key_places.end()) return NotFound("重点部位不存在");
    out.school_id = school->unit.id;
    out.school_name = school->unit.name;
    out.place = *place;
    out.can_record = ctx.Can(domain::perm::kPatrolRecord);
    if (plans.empty()) return {};
    XA_ASSIGN_OR_RETURN(auto data, LoadSchoolCalendar(tx, school->unit));
    const cal::SchoolCalendar calendar(data.holidays, data.terms, data.exceptions);
    std::vector<std::int64_t> ids;
    for (const auto& p : plans) ids.push_back(p.id);
    XA_ASSIGN_OR_RETURN(auto done,
                        tx.patrols().DoneBetween(ids, cal::FormatDate(today - std::chrono::days{7}),
                                                 cal::FormatDate(today + std::chrono::days{7})));
    for (auto& p : plans) {
      PatrolPlaceView::PlanToday row;
      XA_ASSIGN_OR_RETURN(row.plan.items, ItemsOf(tx, p.template_id, p.place_kind));
      row.today = TodayOf(p, calendar, DoneOf(p.id, done), today);
      row.plan.can_edit = ctx.Can(domain::perm::kPatrolManage);
      row.plan.plan = std::move(p);
      out.plans.push_back(std::move(row));
    }
    return {};
  }));
  return out;
}

// ---- Patrols -----------------------------------------------------------------------------------

Result<PatrolDetail> RecordPatrol(Services& s, const RequestContext& ctx, PatrolInput in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolRecord, "填写巡查记录"));
  const cal::Date today = TodayInChina(s);
  cal::Date day = today;
  if (in.date) {
    const auto d = cal::ParseDate(*in.date);
    if (!d) return domain::ValidationError({{"date", "日期须为 YYYY-MM-DD"}});
    if (*d > today) return domain::ValidationError({{"date", "不能填写今天以后的巡查"}});
    if ((today - *d).count() > kLateEntryDays) {
      return domain::ValidationError(
          {{"date", "只能补录 " + std::to_string(kLateEntryDays) + " 天内的巡查"}});
    }
    day = *d;
  }
  PatrolDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto plan, tx.patrols().FindPlan(in.plan_id));
    if (!plan || !ctx.Covers(plan->school_path)) {
      return domain::ValidationError({{"plan_id", "巡查计划不存在或不在您的管辖范围内"}});
    }
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(plan->school_id));
    if (!unit) return NotInScope();
    XA_ASSIGN_OR_RETURN(auto data, LoadSchoolCalendar(tx, *unit));
    const cal::SchoolCalendar calendar(data.holidays, data.terms, data.exceptions);
    XA_TRY(pt::SlotOf(*plan, calendar, day, in.shift));
    XA_ASSIGN_OR_RETURN(auto items, ItemsOf(tx, plan->template_id, plan->place_kind));

    pt::Record r;
    r.plan_id = plan->id;
    r.school_id = plan->school_id;
    r.key_place_id = plan->key_place_id;
    r.template_id = plan->template_id;
    r.date = cal::FormatDate(day);
    r.shift = in.shift;
    r.patrolled_at = s.Now();
    r.patroller = ctx.principal ? ctx.principal->display_name : ctx.actor;
    if (r.patroller.empty()) r.patroller = ctx.actor;
    r.username = ctx.actor;
    r.note = std::move(in.note);
    r.answers = std::move(in.answers);
    XA_TRY(pt::JudgeAnswers(items, r));
    // The photos are the caller's own uploads (errors name answers[i].file_ids[j]).
    std::vector<domain::StoredFile> files;
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
      auto claimed = ClaimFiles(tx, ctx, r.answers[i].file_ids);
      if (!claimed) {
        auto e = claimed.error();
        for (auto& d : e.details) d.field = "answers[" + std::to_string(i) + "]." + d.field;
        return e;
      }
      for (auto& f : *claimed) {
        if (std::none_of(files.begin(), files.end(), [&](const auto& x) { return x.id == f.id; })) {
          files.push_back(std::move(f));
        }
      }
    }
    XA_TRY(tx.patrols().InsertRecord(r));
    XA_TRY(AttachFiles(tx, files, "patrol_record", r.id));
    r.school_name = plan->school_name;
    r.school_path = plan->school_path;
    r.place_name = plan->place_name;
    r.place_kind = plan->place_kind;
    r.template_name = plan->template_name;
    r.template_version = plan->template_version;
    const auto shift = pt::ShiftTime(*plan, r.shift);
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "patrol.record", "patrol_record", std::to_string(r.id),
                "巡查：" + plan->school_name + " " + plan->place_name + " " + r.date +
                    (shift.empty() ? "" : " " + shift) +
                    (r.failed ? "，不合格 " + std::to_string(r.failed) + " 项" : "，全部合格"))));
    XA_TRY(EvaluateSchool(s, tx, plan->school_id, day));
    XA_ASSIGN_OR_RETURN(out, DetailOf(tx, ctx, std::move(r)));
    return {};
  }));
  return out;
}

Result<PatrolDetail> GetPatrolRecord(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolRead, "查看巡查记录"));
  PatrolDetail out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto r, LoadRecord(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, DetailOf(tx, ctx, std::move(r)));
    return {};
  }));
  return out;
}

Result<domain::PageResult<pt::Record>> ListPatrolRecords(Services& s, const RequestContext& ctx,
                                                         const pt::RecordFilter& f,
                                                         const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolRead, "查看巡查记录"));
  std::vector<ErrorDetail> problems;
  if (!f.from.empty() && !cal::ParseDate(f.from))
    problems.push_back({"from", "日期须为 YYYY-MM-DD"});
  if (!f.to.empty() && !cal::ParseDate(f.to)) problems.push_back({"to", "日期须为 YYYY-MM-DD"});
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  domain::PageResult<pt::Record> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.patrols().ListRecords(f, ctx.Scope(), page));
    return {};
  }));
  return out;
}

Result<std::string> ExportPatrolRecords(Services& s, const RequestContext& ctx,
                                        const pt::RecordFilter& f) {
  domain::PageRequest page;
  page.page_size = 500;
  XA_TRY(ListPatrolRecords(s, ctx, f, page));  // checks the filter and the permission
  std::vector<office::Row> rows = {
      office::TextRow({"学校", "重点部位", "部位类型", "巡查日期", "班次", "检查表", "版本",
                       "不合格项", "巡查人", "填写时间", "备注"})};
  std::int64_t n = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    for (page.page = 1;; ++page.page) {
      XA_ASSIGN_OR_RETURN(auto list, tx.patrols().ListRecords(f, ctx.Scope(), page));
      for (const auto& r : list.items) {
        rows.push_back(
            office::TextRow({r.school_name, r.place_name,
                             std::string(domain::LabelOf(domain::KeyPlaceKinds(), r.place_kind)),
                             r.date, r.shift ? std::to_string(r.shift) : "", r.template_name,
                             std::to_string(r.template_version), std::to_string(r.failed),
                             r.patroller, r.patrolled_at, r.note}));
        ++n;
      }
      if (static_cast<std::int64_t>(page.page) * page.page_size >= list.total) break;
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"巡查记录", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "patrol.export", "patrol_record", "*",
                                     "导出巡查记录 " + std::to_string(n) + " 条")));
    return {};
  }));
  return bytes;
}

Result<PatrolDetail> RaisePatrolHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                       const PatrolHazardInput& in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kPatrolRecord, "把巡查发现的问题转为隐患"));
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardReport, "上报隐患"));
  PatrolDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto r, LoadRecord(tx, ctx, id));
    const auto answer = std::find_if(r.answers.begin(), r.answers.end(),
                                     [&](const auto& a) { return a.item_key == in.item_key; });
    if (answer == r.answers.end()) {
      return domain::ValidationError({{"item_key", "这次巡查没有检查项 " + in.item_key}});
    }
    if (answer->verdict != "fail") {
      return FailedPrecondition("patrol.item_passed", "只有不合格的检查项才能转为隐患");
    }
    if (answer->hazard_id) {
      return FailedPrecondition("patrol.item_raised",
                                "这个检查项已转为隐患 #" + std::to_string(*answer->hazard_id));
    }
    XA_ASSIGN_OR_RETURN(auto items, ItemsOf(tx, r.template_id, r.place_kind));
    const auto item = std::find_if(items.begin(), items.end(),
                                   [&](const auto& i) { return i.key == in.item_key; });
    if (item == items.end()) {
      return domain::ValidationError({{"item_key", "检查表中没有检查项 " + in.item_key}});
    }
    XA_ASSIGN_OR_RETURN(auto files, tx.files().OfSubject("patrol_record", r.id));
    HazardInput h;
    h.school_id = r.school_id;
    h.key_place_id = r.key_place_id;
    h.domain = in.domain.value_or(item->domain);
    h.level = in.level.value_or(item->failure_level);
    const std::string title = r.place_name + "：" + item->text;
    std::size_t cut = std::min<std::size_t>(title.size(), 180);
    while (cut > 0 && cut < title.size() &&
           (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) {
      --cut;  // never cut a character in half
    }
    h.title = title.substr(0, cut);
    h.description = "日常巡查发现（" + r.date + " " + r.patroller + "，" + r.template_name + " " +
                    item->key + "）：" + item->text + "\n检查结果：" +
                    domain::checklist::AnswerText(*item, answer->value) +
                    (answer->note.empty() ? "" : "\n说明：" + answer->note);
    h.source = "patrol";
    h.origin_type = "patrol_record";
    h.origin_id = r.id;
    for (const auto& f : files) {
      if (std::find(answer->file_ids.begin(), answer->file_ids.end(), f.id) !=
          answer->file_ids.end()) {
        h.copies.push_back(f);
      }
    }
    XA_ASSIGN_OR_RETURN(auto hazard, ReportHazardIn(s, ctx, tx, std::move(h)));
    XA_TRY(tx.patrols().SetAnswerHazard(r.id, in.item_key, hazard.id));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "patrol.hazard", "patrol_record", std::to_string(r.id),
                "巡查发现的问题转为隐患 #" + std::to_string(hazard.id) + "：" + item->text)));
    XA_ASSIGN_OR_RETURN(auto stored, LoadRecord(tx, RequestContext{}, id));
    XA_ASSIGN_OR_RETURN(out, DetailOf(tx, ctx, std::move(stored)));
    return {};
  }));
  return out;
}

FileSubject PatrolFileSubject() {
  return {"patrol_record",
          [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            if (!ctx.Can(domain::perm::kPatrolRead)) return NotFound("巡查记录不存在");
            XA_TRY(LoadRecord(tx, ctx, id));
            return {};
          }};
}

RuleModule PatrolRuleModule() {
  return {"patrol",
          pt::RuleDecls(),
          {},
          "",
          [](domain::Tx& tx, const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
            pt::PlanFilter f;
            f.school_id = in.school.unit.id;
            XA_ASSIGN_OR_RETURN(auto plans, tx.patrols().ListPlans(f, domain::ScopeFilter{}));
            std::vector<std::int64_t> ids;
            for (const auto& p : plans) ids.push_back(p.id);
            XA_ASSIGN_OR_RETURN(auto done, tx.patrols().DoneBetween(
                                               ids, cal::FormatDate(in.day - std::chrono::days{7}),
                                               cal::FormatDate(in.day + std::chrono::days{7})));
            const auto it = in.values.find("patrol.done");
            const rules::ParamValues values =
                it != in.values.end() ? it->second : rules::Defaults(pt::RuleDecls()[0]);
            return std::vector<rules::Judgement>{
                pt::JudgeWeek(plans, done, in.calendar, values, in.day, in.today)};
          },
          {},
          "patrol",
          "fire"};
}

}  // namespace xiaoan::app
