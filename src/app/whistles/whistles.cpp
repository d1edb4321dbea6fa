#include "app/whistles/whistles.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/hazards/hazards.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/platform/platform.hpp"
#include "domain/auth/auth.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace wh = domain::whistle;
namespace cal = domain::calendar;
namespace perm = domain::perm;
namespace rules_ns = domain::rules;

namespace {

// Photos on a department's feedback are attached to its event on the timeline.
constexpr const char* kEventFiles = "whistle_event";
constexpr std::size_t kMaxFeedbackPhotos = 9;

constexpr std::size_t kMaxNote = 2000;
constexpr std::size_t kMaxDepartments = 20;
constexpr int kStatsLimit = 100000;

Error Denied(std::string message) {
  return Error{ErrorCode::kPermissionDenied, std::move(message), {}};
}

std::string Label(domain::EnumTable t, const std::string& code) {
  return std::string(domain::LabelOf(t, code));
}

Status CheckNote(const std::string& note, bool required) {
  std::size_t n = 0;
  for (unsigned char c : note) n += (c & 0xC0) != 0x80;
  if (required && note.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InvalidArgument("note", "必填");
  }
  if (n > kMaxNote) return InvalidArgument("note", "不能超过 2000 个字");
  return {};
}

wh::Instant Now(const Services& s) { return s.clock.Now(); }

// The values in force at the school for the whistle's deadlines.
Result<wh::Deadlines> DeadlinesAt(domain::Tx& tx, const domain::Unit& school) {
  XA_ASSIGN_OR_RETURN(auto in_force, LoadValuesInForce(tx, school, wh::RuleDecls()));
  const domain::rules::ParamValues empty;
  auto values = [&](const char* id) -> const domain::rules::ParamValues& {
    const auto it = in_force.find(id);
    return it == in_force.end() ? empty : it->second.values;
  };
  return wh::DeadlinesOf(values("whistle.ack"), values("whistle.feedback"));
}

// The nearest bureau above (or at) a unit, from its path.
Result<std::optional<domain::Unit>> BureauOf(domain::Tx& tx, const domain::Unit& unit) {
  for (const auto id : UnitsNearestFirst(unit)) {
    XA_ASSIGN_OR_RETURN(auto u, tx.org().FindUnit(id));
    if (u && u->kind == "bureau") return u;
  }
  return std::optional<domain::Unit>{};
}

// The departments a bureau may route to: those of its region.
Result<std::vector<domain::Unit>> DepartmentsOf(domain::Tx& tx, const domain::Unit& bureau) {
  domain::UnitFilter f;
  f.kind = "department";
  f.region_code = bureau.region_code;
  f.page.page_size = 1000;
  f.page.sort = "name";
  XA_ASSIGN_OR_RETURN(auto page, tx.org().ListUnits(f));
  return std::move(page.items);
}

// The routing table of a bureau: each category with its departments, the bureau's own or the
// default by department kind.
Result<WhistleRoutes> RoutesOf(domain::Tx& tx, const domain::Unit& bureau) {
  WhistleRoutes out;
  out.bureau = bureau;
  XA_ASSIGN_OR_RETURN(out.departments, DepartmentsOf(tx, bureau));
  std::map<std::int64_t, const domain::Unit*> by_id;
  for (const auto& d : out.departments) by_id[d.id] = &d;
  XA_ASSIGN_OR_RETURN(auto custom, tx.whistles().Routes(bureau.id));
  std::map<std::string, std::vector<std::int64_t>> set;
  for (auto& r : custom) set[r.category] = std::move(r.department_ids);
  for (const auto& c : wh::Categories()) {
    WhistleRoutes::Row row;
    row.category = std::string(c.code);
    if (const auto it = set.find(row.category); it != set.end()) {
      row.custom = true;
      for (const auto id : it->second) {
        if (const auto d = by_id.find(id); d != by_id.end()) row.departments.push_back(*d->second);
      }
    } else {
      for (const auto& kind : wh::DefaultDepartmentKinds(row.category)) {
        for (const auto& d : out.departments) {
          if (d.department_kind && *d.department_kind == kind) row.departments.push_back(d);
        }
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

// A new assignment of the whistle to a department, with its deadlines from now.
wh::Assignment AssignmentTo(const domain::Unit& dept, const wh::Whistle& w, wh::Instant now,
                            const wh::Deadlines& d, const cal::PublicCalendar& holidays) {
  wh::Assignment a;
  a.department_id = dept.id;
  a.department_name = dept.name;
  a.department_path = dept.path;
  a.routed_at = now;
  a.ack_due = wh::AckDue(now, w.draft.severity, d);
  const auto due = wh::WorkingDaysAfter(wh::ChinaDay(now), d.first_feedback_days, holidays);
  a.feedback_due = due.date;
  a.feedback_due_provisional = due.provisional;
  return a;
}

wh::Event EventOf(const RequestContext& ctx, wh::Instant now, std::string kind, std::string note,
                  std::optional<std::int64_t> department = std::nullopt,
                  std::string department_name = {}) {
  wh::Event e;
  e.department_id = department;
  e.department_name = std::move(department_name);
  e.kind = std::move(kind);
  e.note = std::move(note);
  e.actor = ctx.actor;
  e.at = now;
  return e;
}

// Visible to the caller: raised by a school in scope, or routed to a department in scope.
bool Visible(const RequestContext& ctx, const wh::Whistle& w) {
  if (ctx.Covers(w.school_path)) return true;
  return std::any_of(w.assignments.begin(), w.assignments.end(),
                     [&](const wh::Assignment& a) { return ctx.Covers(a.department_path); });
}

// The caller's own department's part: a liaison acts for the department of their unit (or one
// below it); a bureau sees its schools' whistles but acts for no department.
wh::Assignment* OwnAssignment(const RequestContext& ctx, wh::Whistle& w) {
  for (auto& a : w.assignments) {
    if (!ctx.principal || a.department_path.rfind(ctx.principal->unit_path, 0) == 0) return &a;
  }
  return nullptr;
}

WhistleView ViewOf(const Services& s, const RequestContext& ctx, wh::Whistle w) {
  WhistleView v;
  const auto now = Now(s);
  const auto today = TodayInChina(s);
  for (const auto& a : w.assignments) {
    WhistleView::Flags f{wh::AckOverdue(a, now), wh::FeedbackOverdue(a, today)};
    v.overdue = v.overdue || ((f.ack_overdue || f.feedback_overdue) && w.state != "closed");
    v.flags.push_back(f);
  }
  const bool own_school = ctx.Covers(w.school_path) && ctx.Can(perm::kWhistleRaise);
  if (ctx.Can(perm::kWhistleRespond) && w.state != "closed") {
    if (auto* a = OwnAssignment(ctx, w)) {
      v.can.acknowledge = a->state == "pending";
      v.can.feedback = a->state == "acknowledged";
    }
  }
  v.can.confirm = own_school && w.state == "answered";
  v.can.send_back = v.can.confirm;
  v.can.route = ctx.Can(perm::kWhistleRoute) && ctx.Covers(w.school_path) && w.state != "closed";
  v.can.hazard = own_school && ctx.Can(perm::kHazardReport) && !w.hazard_id;
  v.whistle = std::move(w);
  return v;
}

Result<wh::Whistle> Load(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto w, tx.whistles().Find(id));
  if (!w || !Visible(ctx, *w)) return NotFound("吹哨事项不存在或不在您的管辖范围内");
  return std::move(*w);
}

Result<WhistleView> Full(Services& s, domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto w, tx.whistles().Find(id));
  if (!w) return NotFound("吹哨事项不存在");
  auto v = ViewOf(s, ctx, std::move(*w));
  XA_ASSIGN_OR_RETURN(v.files, tx.files().OfSubject("whistle", id));
  for (const auto& e : v.whistle.events) {
    if (e.kind != "feedback" && e.kind != "result") continue;
    XA_ASSIGN_OR_RETURN(auto files, tx.files().OfSubject(kEventFiles, e.id));
    if (!files.empty()) v.event_files[e.id] = std::move(files);
  }
  return v;
}

Status Tell(Services& s, domain::Tx& tx, std::int64_t unit_id,
            const std::vector<std::string>& roles, const wh::Whistle& w, std::string kind,
            std::string title, std::string body, const std::string& except = {}) {
  XA_ASSIGN_OR_RETURN(auto users, Recipients(tx, unit_id, roles));
  return Notify(
      s, tx, users,
      {std::move(kind), std::move(title), std::move(body), "whistle", std::to_string(w.id)},
      except);
}

Status TellSchool(Services& s, domain::Tx& tx, const RequestContext& ctx, const wh::Whistle& w,
                  std::string kind, std::string title) {
  return Tell(s, tx, w.school_id, {"school_leader", "school_safety_officer"}, w, std::move(kind),
              std::move(title), w.draft.title, ctx.actor);
}

Status TellDepartment(Services& s, domain::Tx& tx, const RequestContext& ctx, const wh::Whistle& w,
                      const wh::Assignment& a, std::string kind, std::string title) {
  return Tell(s, tx, a.department_id, {"department_liaison"}, w, std::move(kind), std::move(title),
              w.school_name + "：" + w.draft.title, ctx.actor);
}

Status TellBureau(Services& s, domain::Tx& tx, const domain::Unit& school, const wh::Whistle& w,
                  std::string kind, std::string title, std::string body) {
  XA_ASSIGN_OR_RETURN(auto bureau, BureauOf(tx, school));
  if (!bureau) return {};
  return Tell(s, tx, bureau->id, {"bureau_safety_office"}, w, std::move(kind), std::move(title),
              std::move(body));
}

// A step by the caller on a visible whistle: load, change, store (stale: failed), then
// `stored` with the new events and their ids, audit.
using Stored = std::function<Status(domain::Tx&, const std::vector<wh::Event>&)>;
template <typename Change>
Result<WhistleView> Step(Services& s, const RequestContext& ctx, std::int64_t id,
                         const std::string& action, const std::string& what, Change change,
                         const Stored& stored_hook = {}) {
  WhistleView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto w, Load(tx, ctx, id));
    std::vector<wh::Event> events;
    XA_TRY(change(tx, w, events));
    w.state = wh::StateOf(w.assignments, w.closed_at.has_value());
    XA_ASSIGN_OR_RETURN(const bool stored, tx.whistles().Update(w, events));
    if (!stored) return FailedPrecondition("whistle.stale", "该事项刚被他人更新，请刷新后再试");
    if (stored_hook) XA_TRY(stored_hook(tx, events));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, action, "whistle", std::to_string(id),
                                     what + "：" + w.school_name + "「" + w.draft.title + "」")));
    XA_ASSIGN_OR_RETURN(out, Full(s, tx, ctx, id));
    return {};
  }));
  return out;
}

Result<cal::Date> DayParam(const char* field, const std::optional<std::string>& text,
                           cal::Date fallback) {
  if (!text) return fallback;
  const auto d = cal::ParseDate(*text);
  if (!d || cal::YearOf(*d) < 2000 || cal::YearOf(*d) > 2100) {
    return InvalidArgument(field, "须为 2000 到 2100 年之间的日期 YYYY-MM-DD");
  }
  return *d;
}

// The first instant of a day in China, as stored.
std::string DayStart(cal::Date d) { return FormatInstant(wh::Instant{d} - std::chrono::hours{8}); }

}  // namespace

Result<std::int64_t> RaiseWhistleIn(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                    domain::UnitId school_id, wh::Draft draft,
                                    const std::vector<std::int64_t>& file_ids,
                                    std::optional<std::int64_t> hazard_id) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRaise, "吹哨"));
  auto problems = wh::Validate(draft);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  {
    auto school = SchoolInScope(tx, ctx, school_id);
    if (!school.ok()) {
      if (school.error().code == ErrorCode::kInvalidArgument) {
        return NotFound("学校不存在或不在您的管辖范围内");
      }
      return std::move(school).error();
    }
    XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, file_ids));
    std::string from_hazard;
    if (hazard_id) {
      XA_ASSIGN_OR_RETURN(auto hazard, tx.hazards().Find(*hazard_id, ctx.Scope()));
      if (!hazard || hazard->school_id != school_id) {
        return InvalidArgument("hazard_id", "不是该学校的隐患");
      }
      wh::WhistleFilter linked;
      linked.hazard_id = *hazard_id;
      domain::PageRequest one;
      one.page_size = 1;
      XA_ASSIGN_OR_RETURN(auto found, tx.whistles().List(linked, domain::ScopeFilter{}, one));
      if (found.total > 0) {
        return FailedPrecondition("whistle.hazard_linked",
                                  "隐患 #" + std::to_string(*hazard_id) + " 已转为吹哨事项 #" +
                                      std::to_string(found.items.front().id));
      }
      XA_ASSIGN_OR_RETURN(auto photos, tx.files().OfSubject("hazard", *hazard_id));
      for (auto copy : photos) {
        copy.id = 0;
        copy.subject_type.reset();
        copy.subject_id.reset();
        XA_TRY(tx.files().Insert(copy));
        files.push_back(std::move(copy));
      }
      from_hazard = "由隐患 #" + std::to_string(*hazard_id) + " 转为吹哨。";
    }
    const auto now = Now(s);
    wh::Whistle w;
    w.hazard_id = hazard_id;
    w.school_id = school_id;
    w.school_name = school->unit.name;
    w.school_path = school->unit.path;
    w.draft = std::move(draft);
    w.raised_by = ctx.actor;
    w.raised_at = now;
    XA_ASSIGN_OR_RETURN(auto deadlines, DeadlinesAt(tx, school->unit));
    XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
    XA_ASSIGN_OR_RETURN(auto bureau, BureauOf(tx, school->unit));
    w.events.push_back(EventOf(
        ctx, now, "raised",
        from_hazard + (w.draft.severity == "major"
                           ? "重大风险，已同时报告教育局。临时管控措施：" + w.draft.interim_measures
                           : w.draft.interim_measures)));
    if (bureau) {
      XA_ASSIGN_OR_RETURN(auto routes, RoutesOf(tx, *bureau));
      for (const auto& row : routes.rows) {
        if (row.category != w.draft.category) continue;
        for (const auto& d : row.departments) {
          w.assignments.push_back(AssignmentTo(d, w, now, deadlines, holidays));
          w.events.push_back(EventOf(ctx, now, "routed", "按派送规则派送", d.id, d.name));
        }
      }
    }
    w.state = wh::StateOf(w.assignments, false);
    XA_TRY(tx.whistles().Insert(w));
    XA_TRY(AttachFiles(tx, files, "whistle", w.id));
    for (const auto& a : w.assignments) {
      XA_TRY(TellDepartment(
          s, tx, ctx, w, a, "whistle",
          std::string(w.draft.severity == "major" ? "【重大】" : "") + "学校吹哨，请及时报到"));
    }
    if (w.draft.severity == "major" || w.assignments.empty()) {
      XA_TRY(TellBureau(
          s, tx, school->unit, w, "whistle",
          w.assignments.empty() ? "学校吹哨，未找到对应部门，请派送" : "【重大】学校吹哨",
          w.school_name + "：" + w.draft.title));
    }
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "whistle.raise", "whistle", std::to_string(w.id),
                                     "吹哨：" + w.school_name + "「" + w.draft.title + "」（" +
                                         Label(wh::Severities(), w.draft.severity) + "，派送 " +
                                         std::to_string(w.assignments.size()) + " 个部门）")));
    return w.id;
  }
}

Result<WhistleView> RaiseWhistle(Services& s, const RequestContext& ctx, domain::UnitId school_id,
                                 wh::Draft draft, const std::vector<std::int64_t>& file_ids,
                                 std::optional<std::int64_t> hazard_id) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRaise, "吹哨"));
  auto problems = wh::Validate(draft);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  WhistleView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto id, RaiseWhistleIn(s, tx, ctx, school_id, std::move(draft),
                                                      file_ids, hazard_id));
    XA_ASSIGN_OR_RETURN(out, Full(s, tx, ctx, id));
    return {};
  }));
  return out;
}

Result<WhistleView> WhistleToHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                    std::optional<std::string> domain,
                                    std::optional<std::string> level) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRaise, "将吹哨事项转为隐患"));
  XA_TRY(RequirePermission(ctx, perm::kHazardReport, "上报隐患"));
  return Step(
      s, ctx, id, "whistle.hazard", "吹哨事项转为隐患",
      [&](domain::Tx& tx, wh::Whistle& w, std::vector<wh::Event>& events) -> Status {
        if (!ctx.Covers(w.school_path)) {
          return Denied("只有吹哨的学校可以将其转为本校隐患");
        }
        if (w.hazard_id) {
          return FailedPrecondition("whistle.hazard_linked",
                                    "已关联隐患 #" + std::to_string(*w.hazard_id));
        }
        HazardInput h;
        h.school_id = w.school_id;
        h.domain = domain.value_or(wh::HazardDomainOf(w.draft.category));
        h.level = level.value_or(w.draft.severity == "major" ? "major" : "general");
        h.title = w.draft.title;
        h.description = w.draft.description + "\n地点：" + w.draft.location + "\n（由吹哨事项 #" +
                        std::to_string(w.id) + " 转入）";
        h.interim_measures = w.draft.interim_measures;
        h.source = "whistle";
        h.origin_type = "whistle";
        h.origin_id = w.id;
        XA_ASSIGN_OR_RETURN(h.copies, tx.files().OfSubject("whistle", w.id));
        XA_ASSIGN_OR_RETURN(auto hazard, ReportHazardIn(s, ctx, tx, std::move(h)));
        w.hazard_id = hazard.id;
        events.push_back(EventOf(ctx, Now(s), "hazard",
                                 "转为本校隐患 #" + std::to_string(hazard.id) + "，由学校整改"));
        return {};
      });
}

Result<WhistleView> GetWhistle(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRead, "查看吹哨事项"));
  WhistleView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_TRY(Load(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, Full(s, tx, ctx, id));
    return {};
  }));
  return out;
}

Result<domain::PageResult<WhistleView>> ListWhistles(Services& s, const RequestContext& ctx,
                                                     const WhistleQuery& query,
                                                     const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRead, "查看吹哨事项"));
  auto f = query.filter;
  if (query.todo) {
    if (ctx.Can(perm::kWhistleRespond) && ctx.principal &&
        ctx.principal->unit_kind == "department") {
      f.assignment_states = {"pending", "acknowledged"};
      f.states = {"waiting", "in_progress", "answered"};
    } else if (ctx.Can(perm::kWhistleRaise)) {
      f.states = {"answered"};
    } else {
      f.states = {"waiting"};  // the bureau: whistles no department has acknowledged
    }
  }
  domain::PageResult<WhistleView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    if (!query.overdue) {
      XA_ASSIGN_OR_RETURN(auto found, tx.whistles().List(f, ctx.Scope(), page));
      out.total = found.total;
      for (auto& w : found.items) out.items.push_back(ViewOf(s, ctx, std::move(w)));
      return {};
    }
    // Overdue is judged now, not stored: read the open ones and page what is overdue.
    f.states = {"waiting", "in_progress"};
    domain::PageRequest all = page;
    all.page = 1;
    all.page_size = kStatsLimit;
    XA_ASSIGN_OR_RETURN(auto found, tx.whistles().List(f, ctx.Scope(), all));
    std::vector<WhistleView> overdue;
    for (auto& w : found.items) {
      auto v = ViewOf(s, ctx, std::move(w));
      if (v.overdue) overdue.push_back(std::move(v));
    }
    out.total = static_cast<std::int64_t>(overdue.size());
    const auto size = static_cast<std::size_t>(std::max(1, page.page_size));
    const auto first = static_cast<std::size_t>(std::max(0, page.page - 1)) * size;
    for (std::size_t i = first; i < overdue.size() && i < first + size; ++i) {
      out.items.push_back(std::move(overdue[i]));
    }
    return {};
  }));
  return out;
}

Result<WhistleView> AcknowledgeWhistle(Services& s, const RequestContext& ctx, std::int64_t id,
                                       const std::string& note) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRespond, "报到"));
  XA_TRY(CheckNote(note, false));
  return Step(s, ctx, id, "whistle.acknowledge", "部门报到",
              [&](domain::Tx& tx, wh::Whistle& w, std::vector<wh::Event>& events) -> Status {
                auto* a = OwnAssignment(ctx, w);
                if (!a) return Denied("该事项未派送到您所在的部门");
                XA_TRY(wh::CanAcknowledge(w, *a));
                const auto now = Now(s);
                a->state = "acknowledged";
                a->acknowledged_at = now;
                a->acknowledged_by = ctx.actor;
                events.push_back(EventOf(ctx, now, "acknowledged", note, a->department_id));
                return TellSchool(s, tx, ctx, w, "whistle", a->department_name + "已报到");
              });
}

Result<WhistleView> ReportWhistleFeedback(Services& s, const RequestContext& ctx, std::int64_t id,
                                          const std::string& note, bool final,
                                          const std::vector<std::int64_t>& file_ids) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRespond, "反馈吹哨事项"));
  XA_TRY(CheckNote(note, true));
  if (file_ids.size() > kMaxFeedbackPhotos) {
    return InvalidArgument("file_ids",
                           "每次反馈最多 " + std::to_string(kMaxFeedbackPhotos) + " 张照片");
  }
  std::vector<domain::StoredFile> files;
  return Step(
      s, ctx, id, final ? "whistle.result" : "whistle.feedback",
      final ? "部门反馈结果" : "部门反馈进展",
      [&](domain::Tx& tx, wh::Whistle& w, std::vector<wh::Event>& events) -> Status {
        auto* a = OwnAssignment(ctx, w);
        if (!a) return Denied("该事项未派送到您所在的部门");
        XA_TRY(wh::CanFeedback(w, *a));
        XA_ASSIGN_OR_RETURN(files, ClaimFiles(tx, ctx, file_ids));
        const auto now = Now(s);
        a->last_feedback_at = now;
        a->escalated_at.reset();
        if (final) {
          a->state = "answered";
          a->answered_at = now;
          a->feedback_due.reset();
          a->feedback_due_provisional = false;
        } else {
          XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(w.school_id));
          XA_ASSIGN_OR_RETURN(auto d, DeadlinesAt(tx, *school));
          XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
          const auto due =
              wh::WorkingDaysAfter(wh::ChinaDay(now), d.feedback_interval_days, holidays);
          a->feedback_due = due.date;
          a->feedback_due_provisional = due.provisional;
        }
        events.push_back(EventOf(ctx, now, final ? "result" : "feedback", note, a->department_id));
        return TellSchool(
            s, tx, ctx, w, "whistle",
            a->department_name + (final ? "已反馈办理结果，请确认" : "反馈了办理进展"));
      },
      [&](domain::Tx& tx, const std::vector<wh::Event>& events) -> Status {
        return AttachFiles(tx, files, kEventFiles, events.back().id);
      });
}

Result<WhistleView> ConfirmWhistle(Services& s, const RequestContext& ctx, std::int64_t id,
                                   const std::string& note) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRaise, "确认办结"));
  XA_TRY(CheckNote(note, false));
  return Step(s, ctx, id, "whistle.confirm", "学校确认办结",
              [&](domain::Tx& tx, wh::Whistle& w, std::vector<wh::Event>& events) -> Status {
                if (!ctx.Covers(w.school_path)) return Denied("只有吹哨的学校可以确认办结");
                XA_TRY(wh::CanConfirm(w));
                const auto now = Now(s);
                w.closed_at = now;
                events.push_back(EventOf(ctx, now, "confirmed", note));
                for (const auto& a : w.assignments) {
                  XA_TRY(TellDepartment(s, tx, ctx, w, a, "whistle", "学校已确认办结"));
                }
                return {};
              });
}

Result<WhistleView> SendBackWhistle(Services& s, const RequestContext& ctx, std::int64_t id,
                                    const std::string& note) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRaise, "退回重办"));
  XA_TRY(CheckNote(note, true));
  return Step(s, ctx, id, "whistle.send_back", "学校退回重办",
              [&](domain::Tx& tx, wh::Whistle& w, std::vector<wh::Event>& events) -> Status {
                if (!ctx.Covers(w.school_path)) return Denied("只有吹哨的学校可以退回");
                XA_TRY(wh::CanSendBack(w));
                const auto now = Now(s);
                XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(w.school_id));
                XA_ASSIGN_OR_RETURN(auto d, DeadlinesAt(tx, *school));
                XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
                const auto due =
                    wh::WorkingDaysAfter(wh::ChinaDay(now), d.first_feedback_days, holidays);
                for (auto& a : w.assignments) {
                  a.state = "acknowledged";
                  a.answered_at.reset();
                  a.escalated_at.reset();
                  a.feedback_due = due.date;
                  a.feedback_due_provisional = due.provisional;
                  XA_TRY(TellDepartment(s, tx, ctx, w, a, "whistle", "学校退回重办"));
                }
                events.push_back(EventOf(ctx, now, "sent_back", note));
                return {};
              });
}

Result<WhistleView> RouteWhistle(Services& s, const RequestContext& ctx, std::int64_t id,
                                 const std::vector<std::int64_t>& department_ids) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRoute, "派送吹哨事项"));
  if (department_ids.empty()) return InvalidArgument("department_ids", "请至少选择一个部门");
  if (department_ids.size() > kMaxDepartments) {
    return InvalidArgument("department_ids", "一次最多派送 20 个部门");
  }
  return Step(
      s, ctx, id, "whistle.route", "增派部门",
      [&](domain::Tx& tx, wh::Whistle& w, std::vector<wh::Event>& events) -> Status {
        if (!ctx.Covers(w.school_path)) return Denied("只有学校所属的教育局可以派送");
        if (w.state == "closed") return FailedPrecondition("whistle.state", "该事项已办结");
        XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(w.school_id));
        XA_ASSIGN_OR_RETURN(auto bureau, BureauOf(tx, *school));
        if (!bureau) return FailedPrecondition("whistle.route", "学校不属于任何教育局");
        XA_ASSIGN_OR_RETURN(auto departments, DepartmentsOf(tx, *bureau));
        XA_ASSIGN_OR_RETURN(auto d, DeadlinesAt(tx, *school));
        XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
        const auto now = Now(s);
        for (std::size_t i = 0; i < department_ids.size(); ++i) {
          const auto id_i = department_ids[i];
          const auto field = "department_ids[" + std::to_string(i) + "]";
          const auto it = std::find_if(departments.begin(), departments.end(),
                                       [&](const domain::Unit& u) { return u.id == id_i; });
          if (it == departments.end()) return InvalidArgument(field, "不是本区县的相关部门");
          if (std::any_of(w.assignments.begin(), w.assignments.end(),
                          [&](const wh::Assignment& a) { return a.department_id == id_i; })) {
            return InvalidArgument(field, it->name + "已在派送部门中");
          }
          w.assignments.push_back(AssignmentTo(*it, w, now, d, holidays));
          events.push_back(EventOf(ctx, now, "routed", "教育局增派", it->id));
          XA_TRY(TellDepartment(s, tx, ctx, w, w.assignments.back(), "whistle",
                                "教育局派送吹哨事项，请及时报到"));
        }
        return {};
      });
}

Result<WhistleRoutes> GetWhistleRoutes(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRoute, "查看吹哨派送规则"));
  WhistleRoutes out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    if (!ctx.principal) return FailedPrecondition("whistle.route", "派送规则属于某个教育局");
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(ctx.principal->unit_id));
    XA_ASSIGN_OR_RETURN(auto bureau, BureauOf(tx, *unit));
    if (!bureau) return FailedPrecondition("whistle.route", "您所在的单位不属于任何教育局");
    XA_ASSIGN_OR_RETURN(out, RoutesOf(tx, *bureau));
    return {};
  }));
  return out;
}

Result<WhistleRoutes> SetWhistleRoutes(Services& s, const RequestContext& ctx,
                                       const std::vector<wh::Route>& routes) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRoute, "设置吹哨派送规则"));
  std::set<std::string> seen;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const auto field = "routes[" + std::to_string(i) + "]";
    if (!domain::HasCode(wh::Categories(), routes[i].category)) {
      return InvalidArgument(field + ".category", "不是可选的风险类别");
    }
    if (!seen.insert(routes[i].category).second) {
      return InvalidArgument(field + ".category", "类别重复");
    }
    if (routes[i].department_ids.size() > kMaxDepartments) {
      return InvalidArgument(field + ".department_ids", "最多 20 个部门");
    }
  }
  WhistleRoutes out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    if (!ctx.principal) return FailedPrecondition("whistle.route", "派送规则属于某个教育局");
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(ctx.principal->unit_id));
    XA_ASSIGN_OR_RETURN(auto bureau, BureauOf(tx, *unit));
    if (!bureau) return FailedPrecondition("whistle.route", "您所在的单位不属于任何教育局");
    XA_ASSIGN_OR_RETURN(auto departments, DepartmentsOf(tx, *bureau));
    std::vector<wh::Route> kept;
    for (std::size_t i = 0; i < routes.size(); ++i) {
      wh::Route r{routes[i].category, {}};
      for (std::size_t j = 0; j < routes[i].department_ids.size(); ++j) {
        const auto id = routes[i].department_ids[j];
        if (std::none_of(departments.begin(), departments.end(),
                         [&](const domain::Unit& u) { return u.id == id; })) {
          return InvalidArgument(
              "routes[" + std::to_string(i) + "].department_ids[" + std::to_string(j) + "]",
              "不是本区县的相关部门");
        }
        if (std::find(r.department_ids.begin(), r.department_ids.end(), id) ==
            r.department_ids.end()) {
          r.department_ids.push_back(id);
        }
      }
      if (!r.department_ids.empty()) kept.push_back(std::move(r));
    }
    XA_TRY(tx.whistles().ReplaceRoutes(bureau->id, kept));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "whistle.routes", "unit", std::to_string(bureau->id),
                                     "设置吹哨派送规则：" + bureau->name + "（自定义 " +
                                         std::to_string(kept.size()) + " 个类别）")));
    XA_ASSIGN_OR_RETURN(out, RoutesOf(tx, *bureau));
    return {};
  }));
  return out;
}

Result<WhistleStats> GetWhistleStats(Services& s, const RequestContext& ctx,
                                     const std::optional<std::string>& from,
                                     const std::optional<std::string>& to) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRead, "查看吹哨报到统计"));
  const auto today = TodayInChina(s);
  const cal::Date year_start{std::chrono::year{cal::YearOf(today)} / std::chrono::January / 1};
  XA_ASSIGN_OR_RETURN(const auto first, DayParam("from", from, year_start));
  XA_ASSIGN_OR_RETURN(const auto last, DayParam("to", to, today));
  if (last < first) return InvalidArgument("to", "不能早于开始日期");
  WhistleStats out;
  out.from = cal::FormatDate(first);
  out.to = cal::FormatDate(last);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    wh::WhistleFilter f;
    f.raised_from = DayStart(first);
    f.raised_to = DayStart(last + std::chrono::days{1});
    domain::PageRequest page;
    page.page_size = kStatsLimit;
    XA_ASSIGN_OR_RETURN(auto found, tx.whistles().List(f, ctx.Scope(), page));
    out.items = wh::StatsOf(found.items, Now(s), today, &out.totals);
    // A department's liaison sees only its own row.
    if (ctx.principal && ctx.principal->unit_kind == "department") {
      std::erase_if(out.items, [&](const wh::DepartmentStats& d) {
        return d.department_id != ctx.principal->unit_id;
      });
      if (!out.items.empty()) {
        out.totals = out.items.front();
        out.totals.department_id = 0;
        out.totals.department_name = "合计";
      } else {
        out.totals = {};
        out.totals.department_name = "合计";
      }
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportWhistleStats(Services& s, const RequestContext& ctx,
                                       const std::optional<std::string>& from,
                                       const std::optional<std::string>& to) {
  XA_ASSIGN_OR_RETURN(auto stats, GetWhistleStats(s, ctx, from, to));
  const auto number = [](const std::optional<double>& v) {
    if (!v) return std::string();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", *v);
    return std::string(buf);
  };
  const auto row = [&](const wh::DepartmentStats& d) {
    return office::TextRow(
        {d.department_name, std::to_string(d.received), std::to_string(d.acknowledged),
         std::to_string(d.acknowledged_on_time), std::to_string(d.ack_overdue),
         number(d.average_ack_hours), std::to_string(d.answered), std::to_string(d.closed),
         number(d.average_close_days), std::to_string(d.open), std::to_string(d.feedback_overdue)});
  };
  std::vector<office::Row> rows = {
      office::TextRow({"部门", "收到", "已报到", "按时报到", "报到超期", "平均报到用时（小时）",
                       "已反馈结果", "已办结", "平均办结用时（天）", "未办结", "反馈超期"})};
  for (const auto& d : stats.items) rows.push_back(row(d));
  rows.push_back(row(stats.totals));
  rows.push_back(office::TextRow({"统计期间", stats.from + " 至 " + stats.to}));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({{"部门报到统计", std::move(rows)}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "whistle.export", "whistle", "*",
                                     "导出吹哨报到部门统计（" + stats.from + " 至 " + stats.to +
                                         "，" + std::to_string(stats.items.size()) + " 个部门）")));
    return {};
  }));
  return bytes;
}

namespace {

// The school's open whistles (every one, for a periodic report).
Result<std::vector<wh::Whistle>> OpenOf(domain::Tx& tx, std::int64_t school_id) {
  wh::WhistleFilter f;
  f.school_id = school_id;
  f.states = {"waiting", "in_progress", "answered"};
  domain::PageRequest page;
  page.page_size = kStatsLimit;
  XA_ASSIGN_OR_RETURN(auto found, tx.whistles().List(f, domain::ScopeFilter{}, page));
  return std::move(found.items);
}

Result<SchoolWhistleReports> ReportsView(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                         const domain::School& school) {
  SchoolWhistleReports out;
  out.school_id = school.unit.id;
  out.school_name = school.unit.name;
  out.month = cal::MonthKey(TodayInChina(s));
  XA_ASSIGN_OR_RETURN(out.reports, tx.whistles().ReportsOf(school.unit.id));
  for (const auto& r : out.reports) {
    if (r.month == out.month) out.current = r;
  }
  XA_ASSIGN_OR_RETURN(auto open, OpenOf(tx, school.unit.id));
  out.draft.school_id = school.unit.id;
  out.draft.school_name = school.unit.name;
  out.draft.month = out.month;
  wh::Summarize(out.draft, open);
  out.can_file = ctx.Can(perm::kWhistleRaise);
  return out;
}

}  // namespace

Result<SchoolWhistleReports> GetSchoolWhistleReports(Services& s, const RequestContext& ctx,
                                                     domain::UnitId school_id) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRead, "查看定期报告"));
  SchoolWhistleReports out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolAsAddress(tx, ctx, school_id));
    XA_ASSIGN_OR_RETURN(out, ReportsView(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<SchoolWhistleReports> FileWhistleReport(Services& s, const RequestContext& ctx,
                                               domain::UnitId school_id, const std::string& note) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRaise, "报送定期报告"));
  XA_TRY(CheckNote(note, false));
  SchoolWhistleReports out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolAsAddress(tx, ctx, school_id));
    const auto today = TodayInChina(s);
    wh::PeriodicReport r;
    r.school_id = school_id;
    r.month = cal::MonthKey(today);
    r.note = note;
    r.filed_by = ctx.actor;
    r.filed_at = Now(s);
    XA_ASSIGN_OR_RETURN(auto open, OpenOf(tx, school_id));
    wh::Summarize(r, open);
    XA_TRY(tx.whistles().SaveReport(r));
    XA_TRY(EvaluateSchool(s, tx, school_id, today, "whistle"));
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "whistle.report", "school", std::to_string(school_id),
        "报送定期报告：" + school.unit.name + " " + r.month +
            (r.nil ? "（零报告）" : "（未办结风险 " + std::to_string(r.open_count) + " 项）"))));
    XA_ASSIGN_OR_RETURN(out, ReportsView(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<WhistleReportBoard> GetWhistleReportBoard(Services& s, const RequestContext& ctx,
                                                 const std::optional<std::string>& month) {
  XA_TRY(RequirePermission(ctx, perm::kWhistleRead, "查看定期报告"));
  WhistleReportBoard out;
  out.month = month.value_or(cal::MonthKey(TodayInChina(s)));
  if (out.month.size() != 7 || !cal::ParseDate(out.month + "-01")) {
    return InvalidArgument("month", "须为月份 YYYY-MM");
  }
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    domain::SchoolFilter sf;
    sf.scope = ctx.Scope();
    sf.page.page_size = kStatsLimit;
    sf.page.sort = "name";
    XA_ASSIGN_OR_RETURN(auto schools, tx.org().ListSchools(sf));
    XA_ASSIGN_OR_RETURN(auto reports, tx.whistles().ReportsFor(out.month, ctx.Scope()));
    std::map<std::int64_t, wh::PeriodicReport*> by_school;
    for (auto& r : reports) by_school[r.school_id] = &r;
    for (const auto& school : schools.items) {
      WhistleReportBoard::Row row;
      row.school_id = school.unit.id;
      row.school_name = school.unit.name;
      if (const auto it = by_school.find(school.unit.id); it != by_school.end()) {
        row.report = std::move(*it->second);
        ++out.filed;
        if (row.report->nil) ++out.nil;
      }
      out.rows.push_back(std::move(row));
    }
    return {};
  }));
  return out;
}

Result<int> RunWhistleEscalations(Services& s) {
  RequestContext ctx;
  ctx.actor = "system";
  int fired = 0;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto open, tx.whistles().ListOpen());
    const auto now = Now(s);
    const auto today = TodayInChina(s);
    std::map<std::int64_t, int> leader_days;  // school → whistle.ack's leader_days there
    for (auto& w : open) {
      XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(w.school_id));
      if (!school) continue;
      if (!leader_days.count(w.school_id)) {
        XA_ASSIGN_OR_RETURN(auto in_force, LoadValuesInForce(tx, *school, wh::RuleDecls()));
        leader_days[w.school_id] = in_force["whistle.ack"].values["leader_days"];
      }
      std::vector<wh::Event> events;
      std::string late;
      std::string still;
      for (auto& a : w.assignments) {
        if (wh::LeaderDue(a, now, today, leader_days[w.school_id])) {
          a.leader_escalated_at = now;
          const auto what = a.department_name + (wh::AckOverdue(a, now) ? "仍未报到" : "仍未反馈");
          events.push_back(
              EventOf(ctx, now, "escalated_leader", what + "，已告知区领导", a.department_id));
          still += (still.empty() ? "" : "；") + what;
          ++fired;
          continue;
        }
        if (a.escalated_at) continue;
        const bool ack = wh::AckOverdue(a, now);
        if (!ack && !wh::FeedbackOverdue(a, today)) continue;
        a.escalated_at = now;
        const auto what = a.department_name + (ack ? "未按时报到" : "未按时反馈");
        events.push_back(EventOf(ctx, now, "escalated", what + "，已告知教育局", a.department_id));
        late += (late.empty() ? "" : "；") + what;
        ++fired;
      }
      if (events.empty()) continue;
      XA_ASSIGN_OR_RETURN(const bool stored, tx.whistles().Update(w, events));
      if (!stored) continue;
      if (!late.empty()) {
        XA_TRY(TellBureau(s, tx, *school, w, "escalated", "吹哨事项超期：" + late,
                          w.school_name + "：" + w.draft.title));
        XA_TRY(tx.audit().Append(AuditOf(
            s, ctx, "whistle.escalate", "whistle", std::to_string(w.id),
            "吹哨事项超期升级：" + w.school_name + "「" + w.draft.title + "」（" + late + "）")));
      }
      if (!still.empty()) {
        XA_ASSIGN_OR_RETURN(auto bureau, BureauOf(tx, *school));
        if (bureau) {
          XA_TRY(Tell(s, tx, bureau->id, {"district_leader"}, w, "escalated_leader",
                      "吹哨事项超期未办：" + still, w.school_name + "：" + w.draft.title));
        }
        XA_TRY(tx.audit().Append(AuditOf(s, ctx, "whistle.escalate_leader", "whistle",
                                         std::to_string(w.id),
                                         "吹哨事项升级区领导：" + w.school_name + "「" +
                                             w.draft.title + "」（" + still + "）")));
      }
    }
    return {};
  }));
  return fired;
}

FileSubject WhistleFileSubject() {
  return {"whistle", [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            if (!ctx.Can(perm::kWhistleRead)) return NotFound("吹哨事项不存在");
            XA_TRY(Load(tx, ctx, id));
            return {};
          }};
}

FileSubject WhistleEventFileSubject() {
  return {kEventFiles,
          [](domain::Tx& tx, const RequestContext& ctx, std::int64_t event_id) -> Status {
            if (!ctx.Can(perm::kWhistleRead)) return NotFound("吹哨事项不存在");
            XA_ASSIGN_OR_RETURN(auto id, tx.whistles().WhistleOfEvent(event_id));
            if (!id) return NotFound("吹哨事项不存在");
            XA_TRY(Load(tx, ctx, *id));
            return {};
          }};
}

RuleModule WhistleRuleModule() {
  return {
      "whistle",
      wh::RuleDecls(),
      {},
      "",
      [](domain::Tx& tx, const SchoolJudgeInput& in) -> Result<std::vector<rules_ns::Judgement>> {
        std::vector<rules_ns::Judgement> out;
        const auto span = rules_ns::PeriodOf(rules_ns::Period::kMonth, in.day, in.calendar);
        if (!span) return out;
        XA_ASSIGN_OR_RETURN(auto filed, tx.whistles().FindReport(in.school.unit.id, span->key));
        out.push_back(wh::JudgePeriodic(filed, *span, in.today));
        return out;
      },
      {},
      "",
      "other"};
}

TaskSource WhistleTaskSource() {
  return {"whistle", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            if (!ctx.Can(perm::kWhistleRead)) return std::vector<TaskGroup>{};
            // The label says whose move it is, as the list's todo decides it.
            const char* label = "待部门报到的吹哨事项";
            if (ctx.Can(perm::kWhistleRespond) && ctx.principal &&
                ctx.principal->unit_kind == "department") {
              label = "待报到、待反馈的吹哨事项";
            } else if (ctx.Can(perm::kWhistleRaise)) {
              label = "待学校确认的吹哨事项";
            }
            WhistleQuery query;
            query.todo = true;
            XA_ASSIGN_OR_RETURN(auto found, ListWhistles(s, ctx, query, {1, kTaskScan, ""}));
            TaskGroup g{"whistle.todo", label, found.total, 0, {}};
            // Overdue ones first, each part in the list's order.
            std::stable_partition(found.items.begin(), found.items.end(),
                                  [](const WhistleView& v) { return v.overdue; });
            for (const auto& v : found.items) {
              if (v.overdue) ++g.overdue;
              if (static_cast<int>(g.items.size()) < kTaskItems) {
                g.items.push_back({"whistle", v.whistle.id, std::nullopt, v.whistle.draft.title,
                                   v.whistle.school_name, "", v.overdue});
              }
            }
            return std::vector<TaskGroup>{std::move(g)};
          }};
}

}  // namespace xiaoan::app
