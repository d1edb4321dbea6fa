#include "app/edu/edu.hpp"

#include <algorithm>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/edu/drowning.hpp"
#include "app/org/org_use_cases.hpp"
#include "core/strings.hpp"
#include "domain/edu/contents.hpp"
#include "domain/edu/edu_rules.hpp"

namespace xiaoan::app {

namespace edu = domain::edu;
namespace cal = domain::calendar;
namespace rules = domain::rules;
namespace perm = domain::perm;

namespace {

constexpr const char* kCheckInSubject = "edu_checkin";

bool ManagesClasses(const RequestContext& ctx) { return ctx.Can(perm::kEduClasses); }

Error ClassNotFound() { return NotFound("班级不存在或不在您的管辖范围内"); }

Result<domain::Unit> SchoolInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id,
                                   const std::string& field) {
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(id));
  if (!unit || unit->kind != "school" || !ctx.Covers(unit->path)) {
    return domain::ValidationError({{field, "学校不存在或不在您的管辖范围内"}});
  }
  return std::move(*unit);
}

// The class teacher must be an active account of the school ("" leaves the class without one).
Status CheckTeacher(domain::Tx& tx, std::int64_t school_id, const std::string& teacher,
                    const std::string& field) {
  if (teacher.empty()) return {};
  XA_ASSIGN_OR_RETURN(auto user, tx.users().FindByUsername(teacher));
  if (!user || user->status != "active" || user->unit_id != school_id) {
    return domain::ValidationError(
        {{field, "班主任须为本校在用的账号（用户名“" + teacher + "”）"}});
  }
  return {};
}

// One school's calendar, the 1530 values in force there and the content library's edits of the
// units above it.
struct SchoolContext {
  domain::Unit unit;
  SchoolCalendarData data;
  std::map<std::string, rules::ParamValues> values;
  std::vector<std::int64_t> nearest;  // the school, then its ancestors
  std::vector<edu::ContentEdit> contents;
};
Result<SchoolContext> LoadSchool(domain::Tx& tx, const domain::Unit& unit) {
  SchoolContext out{unit, {}, {}, UnitsNearestFirst(unit), {}};
  XA_ASSIGN_OR_RETURN(out.data, LoadSchoolCalendar(tx, unit));
  XA_ASSIGN_OR_RETURN(auto in_force, LoadValuesInForce(tx, unit, edu::RuleDecls()));
  out.values = PlainValues(in_force);
  XA_ASSIGN_OR_RETURN(out.contents, tx.edu_contents().EditsOf(out.nearest));
  return out;
}
Result<SchoolContext> LoadSchool(domain::Tx& tx, std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(school_id));
  if (!unit) return NotFound("学校不存在");
  return LoadSchool(tx, *unit);
}

// The check-ins by class, day and kind.
using CheckInIndex = std::map<std::pair<std::int64_t, edu::CheckInKey>, edu::CheckIn>;
CheckInIndex IndexOf(std::vector<edu::CheckIn> list) {
  CheckInIndex out;
  for (auto& c : list) {
    const auto key = std::make_pair(c.class_id, edu::CheckInKey{c.date, c.kind});
    out.emplace(key, std::move(c));
  }
  return out;
}

SessionView ViewOf(const RequestContext& ctx, const edu::Class& c, const edu::Session& s,
                   const cal::SchoolCalendar& calendar, const SchoolContext& sc,
                   const CheckInIndex& checkins, cal::Date today) {
  SessionView v;
  v.cls = c;
  v.session = s;
  const auto it = checkins.find({c.id, {s.date, s.kind}});
  if (it != checkins.end()) v.checkin = it->second;
  v.state = edu::StateOf(s, v.checkin ? std::optional(v.checkin->on) : std::nullopt, today);
  const auto suggested = edu::SuggestedTopic(s, edu::InTermStart(calendar, s.date));
  v.text = edu::TextInForce(sc.contents, sc.nearest, suggested,
                            edu::AgeGroupOf(c.school_stage, c.draft.grade))
               .text;
  v.topic = v.checkin ? v.checkin->topic : suggested;
  v.can_check_in = !v.checkin && c.active && MayCheckIn(ctx, c) &&
                   edu::CheckInOpen(s, today, edu::LateDays(sc.values, s.kind));
  return v;
}

Status LoadFiles(domain::Tx& tx, SessionView& v) {
  if (!v.checkin) return {};
  XA_ASSIGN_OR_RETURN(auto files, tx.files().OfSubject(kCheckInSubject, v.checkin->id));
  for (const auto& f : files) v.file_ids.push_back(f.id);
  return {};
}

int KindOrder(edu::SessionKind k) { return static_cast<int>(k); }

}  // namespace

bool MayCheckIn(const RequestContext& ctx, const edu::Class& c) {
  return ctx.Can(perm::kEduCheckIn) && ctx.Covers(c.school_path) &&
         (ctx.Can(perm::kEduClasses) || (!c.draft.teacher.empty() && c.draft.teacher == ctx.actor));
}

// ---- Classes -----------------------------------------------------------------------------------

Result<domain::PageResult<edu::Class>> ListEduClasses(Services& s, const RequestContext& ctx,
                                                      edu::ClassFilter f,
                                                      const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看班级"));
  if (!ManagesClasses(ctx)) f.teacher = ctx.actor;
  domain::PageResult<edu::Class> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.edu().ListClasses(f, ctx.Scope(), page));
    return {};
  }));
  return out;
}

Result<edu::Class> CreateEduClass(Services& s, const RequestContext& ctx, std::int64_t school_id,
                                  edu::ClassDraft d) {
  XA_TRY(RequirePermission(ctx, perm::kEduClasses, "管理班级"));
  d.name = std::string(Trim(d.name));
  d.teacher = std::string(Trim(d.teacher));
  if (auto problems = edu::CheckClass(d); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  edu::Class c;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, SchoolInScope(tx, ctx, school_id, "school_id"));
    XA_TRY(CheckTeacher(tx, school_id, d.teacher, "teacher"));
    XA_ASSIGN_OR_RETURN(auto same, tx.edu().FindClassByName(school_id, d.grade, d.name));
    if (same) {
      return AlreadyExists("本校" + edu::GradeLabel(d.grade) + "已有“" + d.name + "”", "name");
    }
    c.school_id = school_id;
    c.draft = d;
    c.since = TodayInChina(s);
    XA_TRY(tx.edu().InsertClass(c));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "edu.class.create", "edu_class", std::to_string(c.id),
                "登记班级：" + unit.name + " " + edu::GradeLabel(d.grade) + " " + d.name)));
    XA_ASSIGN_OR_RETURN(auto stored, tx.edu().FindClass(c.id));
    c = std::move(*stored);
    return {};
  }));
  return c;
}

Result<edu::Class> UpdateEduClass(Services& s, const RequestContext& ctx, std::int64_t id,
                                  ClassUpdate in) {
  XA_TRY(RequirePermission(ctx, perm::kEduClasses, "管理班级"));
  auto& d = in.draft;
  d.name = std::string(Trim(d.name));
  d.teacher = std::string(Trim(d.teacher));
  if (auto problems = edu::CheckClass(d); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  edu::Class c;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto stored, tx.edu().FindClass(id));
    if (!stored || !ctx.Covers(stored->school_path)) return ClassNotFound();
    c = std::move(*stored);
    XA_TRY(CheckTeacher(tx, c.school_id, d.teacher, "teacher"));
    XA_ASSIGN_OR_RETURN(auto same, tx.edu().FindClassByName(c.school_id, d.grade, d.name));
    if (same && same->id != c.id) {
      return AlreadyExists("本校" + edu::GradeLabel(d.grade) + "已有“" + d.name + "”", "name");
    }
    const auto before = edu::GradeLabel(c.draft.grade) + " " + c.draft.name;
    if (in.keep_students) d.students = c.draft.students;
    c.draft = d;
    c.active = in.active;
    c.version = in.version;
    XA_ASSIGN_OR_RETURN(const bool saved, tx.edu().UpdateClass(c));
    if (!saved) return FailedPrecondition("edu_class.stale", "该班级刚被他人修改，请刷新后再试");
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.class.update", "edu_class", std::to_string(c.id),
                                     "修改班级：" + c.school_name + " " + before + " → " +
                                         edu::GradeLabel(d.grade) + " " + d.name +
                                         (d.teacher.empty() ? "" : "，班主任 " + d.teacher) +
                                         (c.active ? "" : "，停用"))));
    XA_ASSIGN_OR_RETURN(auto fresh, tx.edu().FindClass(c.id));
    c = std::move(*fresh);
    return {};
  }));
  return c;
}

// ---- Sessions and check-ins --------------------------------------------------------------------

Result<MySessions> ListMySessions(Services& s, const RequestContext& ctx,
                                  std::optional<std::int64_t> class_id,
                                  const std::optional<std::string>& date) {
  XA_TRY(RequirePermission(ctx, perm::kEduCheckIn, "查看1530安全提醒"));
  MySessions out;
  out.today = TodayInChina(s);
  cal::Date day = out.today;
  if (date) {
    const auto d = cal::ParseDate(*date);
    if (!d) return domain::ValidationError({{"date", "日期须为 YYYY-MM-DD"}});
    day = *d;
  }
  const auto from = day - std::chrono::days{kSessionLookbackDays};
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    std::vector<edu::Class> classes;
    if (class_id) {
      XA_ASSIGN_OR_RETURN(auto c, tx.edu().FindClass(*class_id));
      if (!c || !MayCheckIn(ctx, *c)) return ClassNotFound();
      classes.push_back(std::move(*c));
    } else {
      edu::ClassFilter f;
      f.teacher = ctx.actor;
      XA_ASSIGN_OR_RETURN(classes, tx.edu().AllClasses(f, ctx.Scope()));
    }
    std::vector<std::int64_t> ids;
    for (const auto& c : classes) ids.push_back(c.id);
    XA_ASSIGN_OR_RETURN(auto list,
                        tx.edu().CheckInsOf(ids, cal::FormatDate(from), cal::FormatDate(day)));
    const auto checkins = IndexOf(std::move(list));
    std::map<std::int64_t, SchoolContext> schools;
    bool first = true;
    for (const auto& c : classes) {
      auto it = schools.find(c.school_id);
      if (it == schools.end()) {
        XA_ASSIGN_OR_RETURN(auto sc, LoadSchool(tx, c.school_id));
        it = schools.emplace(c.school_id, std::move(sc)).first;
      }
      const auto& sc = it->second;
      if (first) out.late_days = edu::LateDays(sc.values, edu::SessionKind::kDaily);
      first = false;
      const cal::SchoolCalendar calendar(sc.data.holidays, sc.data.terms, sc.data.exceptions);
      for (const auto& session : edu::SessionsSince(
               edu::Sessions(calendar, sc.data.dismissals, c.draft.grade, from, day), c.since)) {
        auto v = ViewOf(ctx, c, session, calendar, sc, checkins, out.today);
        // Earlier sessions: only those still to record, or missed.
        if (session.date != day && v.checkin) continue;
        XA_TRY(LoadFiles(tx, v));
        out.items.push_back(std::move(v));
      }
    }
    return {};
  }));
  const auto rank = [&](const SessionView& v) {
    if (v.session.date == day) return 0;
    return v.can_check_in ? 1 : 2;
  };
  std::stable_sort(out.items.begin(), out.items.end(),
                   [&](const SessionView& a, const SessionView& b) {
                     if (rank(a) != rank(b)) return rank(a) < rank(b);
                     if (a.session.date != b.session.date) return a.session.date > b.session.date;
                     return KindOrder(a.session.kind) < KindOrder(b.session.kind);
                   });
  return out;
}

Result<SessionView> CheckIn1530(Services& s, const RequestContext& ctx, CheckInInput in) {
  XA_TRY(RequirePermission(ctx, perm::kEduCheckIn, "1530安全提醒打卡"));
  std::vector<ErrorDetail> problems;
  const auto date = cal::ParseDate(in.date);
  if (!date) problems.push_back({"date", "日期须为 YYYY-MM-DD"});
  const auto kind = edu::ParseSessionKind(in.kind);
  if (!kind) problems.push_back({"kind", "提醒类型须为 daily、weekly 或 holiday"});
  std::optional<edu::Topic> topic;
  if (in.topic && !in.topic->empty()) {
    topic = edu::ParseTopic(*in.topic);
    if (!topic) problems.push_back({"topic", "没有这个主题：" + *in.topic});
  }
  if (const auto p = TextProblem(in.note); !p.empty()) {
    problems.push_back({"note", "备注" + p});
  } else if (Utf8Length(in.note).value_or(0) > edu::kMaxNoteChars) {
    problems.push_back({"note", "备注不能超过 " + std::to_string(edu::kMaxNoteChars) + " 个字"});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  const auto today = TodayInChina(s);
  SessionView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto c, tx.edu().FindClass(in.class_id));
    if (!c || !ctx.Covers(c->school_path)) {
      return domain::ValidationError({{"class_id", "班级不存在或不在您的管辖范围内"}});
    }
    if (!MayCheckIn(ctx, *c)) {
      return Error{ErrorCode::kPermissionDenied,
                   "只有该班班主任或学校安全干部可以为“" + c->draft.name + "”打卡",
                   {}};
    }
    if (!c->active) return domain::ValidationError({{"class_id", "该班级已停用"}});
    XA_ASSIGN_OR_RETURN(auto sc, LoadSchool(tx, c->school_id));
    const cal::SchoolCalendar calendar(sc.data.holidays, sc.data.terms, sc.data.exceptions);
    const auto sessions = edu::Sessions(calendar, sc.data.dismissals, c->draft.grade, *date, *date);
    const auto session = std::find_if(sessions.begin(), sessions.end(),
                                      [&](const edu::Session& x) { return x.kind == *kind; });
    if (session == sessions.end() || *date < c->since) {
      return domain::ValidationError(
          {{"date", c->draft.name + " " + in.date + " 没有“" +
                        std::string(edu::SessionLabel(*kind)) + "”的安排"}});
    }
    const int late = edu::LateDays(sc.values, *kind);
    if (today < *date) {
      return domain::ValidationError({{"date", "还没到这次提醒的日子，不能提前打卡"}});
    }
    if (!edu::CheckInOpen(*session, today, late)) {
      return domain::ValidationError(
          {{"date", late == 0 ? "只能在当天打卡，已过期限"
                              : "已超过补录期限（" + std::to_string(late) + " 天）"}});
    }
    XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, in.file_ids));
    edu::CheckIn k;
    k.class_id = c->id;
    k.school_id = c->school_id;
    k.date = *date;
    k.kind = *kind;
    k.topic = topic.value_or(edu::SuggestedTopic(*session, edu::InTermStart(calendar, *date)));
    k.note = std::string(Trim(in.note));
    k.by = ctx.actor;
    k.at = s.clock.Now();
    k.on = today;
    XA_ASSIGN_OR_RETURN(const bool inserted, tx.edu().InsertCheckIn(k));
    if (!inserted) return AlreadyExists("这次1530安全提醒已经打过卡了", "date");
    XA_TRY(AttachFiles(tx, files, kCheckInSubject, k.id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.checkin", kCheckInSubject, std::to_string(k.id),
                                     "1530打卡：" + c->school_name + " " + c->draft.name + " " +
                                         in.date + " " + std::string(edu::SessionLabel(*kind)) +
                                         "，" + std::string(edu::TopicLabel(k.topic)) +
                                         (k.on > k.date ? "（补录）" : ""))));
    XA_TRY(EvaluateSchool(s, tx, c->school_id, *date, "edu"));
    // A check-in about drowning is also that day's drowning warning.
    if (k.topic == edu::Topic::kDrowning) {
      XA_TRY(EvaluateSchool(s, tx, c->school_id, *date, kDrowningModule));
    }
    XA_ASSIGN_OR_RETURN(auto stored, tx.edu().FindCheckIn(k.id));
    CheckInIndex index;
    index.emplace(std::make_pair(c->id, edu::CheckInKey{k.date, k.kind}), std::move(*stored));
    out = ViewOf(ctx, *c, *session, calendar, sc, index, today);
    XA_TRY(LoadFiles(tx, out));
    return {};
  }));
  return out;
}

// ---- Completion --------------------------------------------------------------------------------

Result<QueryRange> RangeOfQuery(const CompletionQuery& q, const cal::SchoolCalendar& calendar,
                                cal::Date today) {
  cal::Date day = today;
  if (q.date) {
    const auto d = cal::ParseDate(*q.date);
    if (!d) return domain::ValidationError({{"date", "日期须为 YYYY-MM-DD"}});
    day = *d;
  }
  if (q.period == "week" || q.period == "semester") {
    const auto p = rules::PeriodOf(
        q.period == "week" ? rules::Period::kWeek : rules::Period::kSemester, day, calendar);
    if (!p) return domain::ValidationError({{"date", cal::FormatDate(day) + " 不在学期内"}});
    return QueryRange{p->first, p->last, p->label};
  }
  if (q.period != "custom") {
    return domain::ValidationError({{"period", "统计周期须为 week、semester 或 custom"}});
  }
  std::vector<ErrorDetail> problems;
  const auto from = q.from ? cal::ParseDate(*q.from) : std::nullopt;
  const auto to = q.to ? cal::ParseDate(*q.to) : std::nullopt;
  if (!from) problems.push_back({"from", "请填写开始日期（YYYY-MM-DD）"});
  if (!to) problems.push_back({"to", "请填写结束日期（YYYY-MM-DD）"});
  if (from && to && *to < *from) problems.push_back({"to", "结束日期不能早于开始日期"});
  if (from && to && (*to - *from).count() > 400) {
    problems.push_back({"to", "统计区间不能超过 400 天"});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  return QueryRange{*from, *to, cal::FormatDate(*from) + " 至 " + cal::FormatDate(*to)};
}

Result<QueryRange> DistrictRange(domain::Tx& tx, const RequestContext& ctx,
                                 const CompletionQuery& q, const cal::PublicCalendar& holidays,
                                 cal::Date today) {
  SchoolCalendarData own;
  if (ctx.unit_id) {
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*ctx.unit_id));
    if (unit) {
      XA_ASSIGN_OR_RETURN(own, LoadSchoolTerms(tx, *unit));
    }
  }
  const cal::SchoolCalendar own_calendar(holidays, own.terms, own.exceptions);
  return RangeOfQuery(q, own_calendar, today);
}

namespace {

bool MarkOfClassBefore(const edu::CheckInMark& a, const edu::CheckInMark& b) {
  return a.class_id < b.class_id;
}

bool LowerRate(const SchoolCompletion& a, const SchoolCompletion& b) {
  return edu::LowerRate(a.completion, a.school_name, b.completion, b.school_name);
}

}  // namespace

Result<CompletionView> Get1530Completion(Services& s, const RequestContext& ctx,
                                         const CompletionQuery& q) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看1530完成情况"));
  const auto today = TodayInChina(s);
  CompletionView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    if (q.school_id) {
      XA_ASSIGN_OR_RETURN(auto unit, SchoolInScope(tx, ctx, *q.school_id, "school_id"));
      XA_ASSIGN_OR_RETURN(auto sc, LoadSchool(tx, unit));
      const cal::SchoolCalendar calendar(sc.data.holidays, sc.data.terms, sc.data.exceptions);
      XA_ASSIGN_OR_RETURN(const auto range, RangeOfQuery(q, calendar, today));
      out.school = true;
      out.school_id = unit.id;
      out.school_name = unit.name;
      out.from = range.from;
      out.to = range.to;
      out.label = range.label;
      edu::ClassFilter f;
      f.school_id = unit.id;
      XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses(f, ctx.Scope()));
      std::vector<std::int64_t> ids;
      for (const auto& c : classes) ids.push_back(c.id);
      XA_ASSIGN_OR_RETURN(auto list, tx.edu().CheckInsOf(ids, cal::FormatDate(range.from),
                                                         cal::FormatDate(range.to)));
      std::map<std::int64_t, std::map<edu::CheckInKey, cal::Date>> on;
      for (const auto& k : list) on[k.class_id][{k.date, k.kind}] = k.on;
      out.classes.reserve(classes.size());
      std::vector<std::pair<std::size_t, edu::Missing>> missing;
      for (auto& c : classes) {
        const auto sessions = edu::SessionsSince(
            edu::Sessions(calendar, sc.data.dismissals, c.draft.grade, range.from, range.to),
            c.since);
        const auto tally = edu::TallyOf(sessions, on[c.id], today);
        edu::Add(out.totals, tally.total);
        for (const auto& [kind, n] : tally.by_kind) edu::Add(out.by_kind[kind], n);
        for (const auto& m : tally.missing) missing.emplace_back(out.classes.size(), m);
        out.classes.push_back({std::move(c), tally.total});
      }
      std::stable_sort(missing.begin(), missing.end(),
                       [](const auto& a, const auto& b) { return a.second.date > b.second.date; });
      for (const auto& [i, m] : missing) {
        if (out.missing.size() >= kMissingLimit) break;
        out.missing.push_back({&out.classes[i].cls, m.date, m.kind});
      }
      return {};
    }
    // The district: the range on the caller's own unit's calendar (the schools inherit its
    // terms), each school's sessions on its own.
    XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
    XA_ASSIGN_OR_RETURN(const auto range, DistrictRange(tx, ctx, q, holidays, today));
    out.from = range.from;
    out.to = range.to;
    out.label = range.label;
    XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses({}, ctx.Scope()));
    XA_ASSIGN_OR_RETURN(auto schools, AllSchoolsInScope(tx, ctx));
    // Each school's row, as listed, and its classes (AllClasses lists them school by school).
    std::map<std::int64_t, std::pair<std::size_t, std::size_t>> classes_of;
    for (std::size_t i = 0; i < classes.size();) {
      std::size_t end = i;
      while (end < classes.size() && classes[end].school_id == classes[i].school_id) ++end;
      classes_of[classes[i].school_id] = {i, end};
      i = end;
    }
    for (const auto& school : schools) {
      out.schools.push_back({school.unit.id, school.unit.name, 0, {}});
    }
    // The check-ins a group of schools at a time: a city's semester is more than half a million.
    constexpr std::size_t kSchoolsPerRead = 50;
    for (std::size_t first = 0; first < schools.size(); first += kSchoolsPerRead) {
      const std::size_t last = std::min(schools.size(), first + kSchoolsPerRead);
      std::vector<std::int64_t> ids;
      for (std::size_t n = first; n < last; ++n) {
        if (classes_of.contains(schools[n].unit.id)) ids.push_back(schools[n].unit.id);
      }
      if (ids.empty()) continue;
      XA_ASSIGN_OR_RETURN(auto marks, tx.edu().CheckInMarksOf(ids, cal::FormatDate(range.from),
                                                              cal::FormatDate(range.to)));
      std::sort(marks.begin(), marks.end(), edu::MarkBefore);
      const auto marks_of = [&](std::int64_t class_id) {
        edu::CheckInMark key;
        key.class_id = class_id;
        const auto from = std::lower_bound(marks.begin(), marks.end(), key, MarkOfClassBefore);
        key.class_id = class_id + 1;
        const auto to = std::lower_bound(from, marks.end(), key, MarkOfClassBefore);
        return std::span<const edu::CheckInMark>(from, to);
      };
      for (std::size_t n = first; n < last; ++n) {
        const auto slot = classes_of.find(schools[n].unit.id);
        if (slot == classes_of.end()) continue;
        XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, schools[n].unit));
        const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
        auto& row = out.schools[n];
        // The classes of a grade share the school's sessions.
        std::map<int, std::vector<edu::Session>> by_grade;
        for (std::size_t j = slot->second.first; j < slot->second.second; ++j) {
          const auto& c = classes[j];
          auto [sessions, fresh] = by_grade.try_emplace(c.draft.grade);
          if (fresh) {
            sessions->second =
                edu::Sessions(calendar, data.dismissals, c.draft.grade, range.from, range.to);
          }
          const auto total =
              edu::TallyOf(sessions->second, c.since, marks_of(c.id), today, out.by_kind);
          ++row.classes;
          edu::Add(row.completion, total);
          edu::Add(out.totals, total);
        }
      }
    }
    std::stable_sort(out.schools.begin(), out.schools.end(), LowerRate);
    return {};
  }));
  return out;
}

// ---- Registration ------------------------------------------------------------------------------

FileSubject EduCheckInFileSubject() {
  return {kCheckInSubject,
          [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            XA_ASSIGN_OR_RETURN(auto k, tx.edu().FindCheckIn(id));
            if (!k) return NotFound("打卡记录不存在");
            XA_ASSIGN_OR_RETURN(auto c, tx.edu().FindClass(k->class_id));
            if (!c || !ctx.Covers(c->school_path) || !ctx.Can(perm::kEduRead)) {
              return NotFound("打卡记录不存在或不在您的管辖范围内");
            }
            return {};
          }};
}

RuleModule EduRuleModule() {
  return {"edu",
          edu::RuleDecls(),
          {},
          "",
          [](domain::Tx& tx, const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
            const auto week = rules::PeriodOf(rules::Period::kWeek, in.day, in.calendar);
            if (!week) return std::vector<rules::Judgement>{};
            edu::ClassFilter f;
            f.school_id = in.school.unit.id;
            XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses(f, domain::ScopeFilter{}));
            std::vector<edu::ClassFacts> facts;
            std::vector<std::int64_t> ids;
            for (const auto& c : classes) {
              facts.push_back({c.id, c.draft.grade, c.since});
              ids.push_back(c.id);
            }
            XA_ASSIGN_OR_RETURN(auto list, tx.edu().CheckInsOf(ids, cal::FormatDate(week->first),
                                                               cal::FormatDate(week->last)));
            std::map<std::pair<std::int64_t, edu::CheckInKey>, edu::CheckInFact> checkins;
            for (const auto& k : list) {
              checkins[{k.class_id, {k.date, k.kind}}] = {k.id, k.on};
            }
            const auto nearest = UnitsNearestFirst(in.school.unit);
            XA_ASSIGN_OR_RETURN(auto defined, tx.calendar().DismissalsOf(nearest));
            const auto dismissals = cal::EffectiveDismissals(nearest, defined);
            return edu::JudgeSchool(in.calendar, dismissals, facts, checkins, in.values, in.day,
                                    in.today);
          },
          {},
          "",
          "other"};
}

TaskSource EduTaskSource() {
  return {"edu", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kEduCheckIn)) return out;
            XA_ASSIGN_OR_RETURN(auto mine, ListMySessions(s, ctx, std::nullopt, std::nullopt));
            TaskGroup g{"edu.1530", "1530安全提醒", 0, 0, {}};
            for (const auto& v : mine.items) {
              if (!v.can_check_in) continue;
              ++g.count;
              const bool late = v.session.date < mine.today;
              if (late) ++g.overdue;
              if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
                g.items.push_back({"edu_class", v.cls.id, std::nullopt,
                                   v.cls.draft.name + " " +
                                       std::string(edu::SessionLabel(v.session.kind)) +
                                       (late ? "（待补录）" : ""),
                                   v.cls.school_name, cal::FormatDate(v.session.date), late});
              }
            }
            if (g.count > 0) out.push_back(std::move(g));
            return out;
          }};
}

}  // namespace xiaoan::app
