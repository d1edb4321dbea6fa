#include "app/edu/drowning.hpp"

#include <algorithm>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "core/strings.hpp"
#include "domain/edu/contents.hpp"
#include "domain/edu/letters.hpp"
#include "domain/org/enums.hpp"

namespace xiaoan::app {

namespace edu = domain::edu;
namespace cal = domain::calendar;
namespace rules = domain::rules;
namespace perm = domain::perm;

namespace {

constexpr const char* kCampaignSubject = "edu_drowning_campaign";
constexpr const char* kWarningSubject = "edu_drowning_warning";
constexpr int kCampaignsListed = 200;

// One school with what its warning days are computed from.
struct DrowningSchool {
  domain::School school;
  SchoolCalendarData data;
  edu::WarningPlan plan;
  std::vector<edu::DrowningCampaign> campaigns;  // aimed at the school, overlapping the range
  bool high_risk = false;
};

std::vector<edu::DrowningCampaign> Aimed(const std::vector<edu::DrowningCampaign>& all,
                                         const domain::School& school) {
  std::vector<edu::DrowningCampaign> out;
  for (const auto& c : all) {
    if (edu::Targets(c, school.unit.path, school.profile.location_type)) out.push_back(c);
  }
  return out;
}

Result<edu::WarningPlan> PlanAt(domain::Tx& tx, const domain::Unit& unit) {
  XA_ASSIGN_OR_RETURN(auto in_force, LoadValuesInForce(tx, unit, edu::DrowningRuleDecls()));
  return edu::PlanOf(PlainValues(in_force));
}

// `data` left empty: the caller loads the calendar (whole or terms only).
Result<DrowningSchool> LoadPlan(domain::Tx& tx, domain::School school,
                                const std::vector<edu::DrowningCampaign>& campaigns) {
  DrowningSchool out;
  XA_ASSIGN_OR_RETURN(out.plan, PlanAt(tx, school.unit));
  out.campaigns = Aimed(campaigns, school);
  out.high_risk = edu::HighRiskLocation(school.profile.location_type);
  out.school = std::move(school);
  return out;
}

Result<DrowningSchool> LoadDrowningSchool(domain::Tx& tx, std::int64_t school_id, cal::Date from,
                                          cal::Date to) {
  XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(school_id));
  if (!school) return NotFound("学校不存在");
  XA_ASSIGN_OR_RETURN(auto campaigns,
                      tx.drowning().Campaigns(cal::FormatDate(from), cal::FormatDate(to)));
  XA_ASSIGN_OR_RETURN(auto out, LoadPlan(tx, std::move(*school), campaigns));
  XA_ASSIGN_OR_RETURN(out.data, LoadSchoolCalendar(tx, out.school.unit));
  return out;
}

// The day each class was warned on each warning day: its own record, or a 1530 check-in about
// drowning that day, the earlier of the two.
struct Given {
  cal::Date on{};
  std::int64_t warning_id = 0;
  std::int64_t checkin_id = 0;
};
using GivenIndex = std::map<std::pair<std::int64_t, cal::Date>, Given>;

void AddGiven(GivenIndex& index, std::int64_t class_id, cal::Date date, cal::Date on,
              std::int64_t warning_id, std::int64_t checkin_id) {
  auto [it, fresh] = index.try_emplace({class_id, date}, Given{on, 0, 0});
  auto& g = it->second;
  if (!fresh && on < g.on) g.on = on;
  if (warning_id != 0) g.warning_id = warning_id;
  if (checkin_id != 0) g.checkin_id = checkin_id;
}

GivenIndex IndexGiven(const std::vector<edu::DrowningWarning>& warnings,
                      const std::vector<edu::CheckIn>& checkins) {
  GivenIndex out;
  for (const auto& w : warnings) AddGiven(out, w.class_id, w.date, w.on, w.id, 0);
  for (const auto& k : checkins) {
    if (k.topic == edu::Topic::kDrowning) AddGiven(out, k.class_id, k.date, k.on, 0, k.id);
  }
  return out;
}

Result<GivenIndex> GivenOf(domain::Tx& tx, const std::vector<std::int64_t>& class_ids,
                           cal::Date from, cal::Date to) {
  const auto f = cal::FormatDate(from);
  const auto t = cal::FormatDate(to);
  XA_ASSIGN_OR_RETURN(auto warnings, tx.drowning().WarningsOf(class_ids, f, t));
  XA_ASSIGN_OR_RETURN(auto checkins, tx.edu().CheckInsOf(class_ids, f, t));
  return IndexGiven(warnings, checkins);
}

std::vector<WarningCampaignRef> RefsOf(const edu::WarningDay& d,
                                       const std::vector<edu::DrowningCampaign>& campaigns) {
  std::vector<WarningCampaignRef> out;
  for (const auto id : d.campaigns) {
    const auto it = std::find_if(campaigns.begin(), campaigns.end(),
                                 [&](const edu::DrowningCampaign& c) { return c.id == id; });
    if (it != campaigns.end()) out.push_back({it->id, it->title, it->text});
  }
  return out;
}

// The warning's text for the class: the content library's drowning text in force at its school.
Result<std::string> TextFor(domain::Tx& tx, const edu::Class& c,
                            std::map<std::int64_t, std::vector<edu::ContentEdit>>& edits,
                            const domain::Unit& unit) {
  const auto nearest = UnitsNearestFirst(unit);
  auto it = edits.find(c.school_id);
  if (it == edits.end()) {
    XA_ASSIGN_OR_RETURN(auto list, tx.edu_contents().EditsOf(nearest));
    it = edits.emplace(c.school_id, std::move(list)).first;
  }
  return std::string(edu::TextInForce(it->second, nearest, edu::Topic::kDrowning,
                                      edu::AgeGroupOf(c.school_stage, c.draft.grade))
                         .text);
}

WarningView ViewOf(const RequestContext& ctx, const edu::Class& c, const edu::WarningDay& d,
                   const DrowningSchool& ds, const GivenIndex& given, cal::Date today) {
  WarningView v;
  v.cls = c;
  v.day = d;
  v.campaigns = RefsOf(d, ds.campaigns);
  const auto it = given.find({c.id, d.date});
  std::optional<cal::Date> on;
  if (it != given.end()) {
    on = it->second.on;
    v.checkin_id = it->second.checkin_id;
    v.via = it->second.warning_id != 0 ? "warning" : "checkin";
  }
  v.state = edu::WarningState(d.date, on, today);
  v.can_give =
      !on && c.active && MayCheckIn(ctx, c) && edu::WarningOpen(d.date, today, ds.plan.late_days);
  return v;
}

Result<cal::Date> ParseDay(const std::optional<std::string>& text, cal::Date fallback) {
  if (!text) return fallback;
  const auto d = cal::ParseDate(*text);
  if (!d) return domain::ValidationError({{"date", "日期须为 YYYY-MM-DD"}});
  return *d;
}

}  // namespace

// ---- The class teacher's warnings --------------------------------------------------------------

Result<MyWarnings> ListMyWarnings(Services& s, const RequestContext& ctx,
                                  std::optional<std::int64_t> class_id,
                                  const std::optional<std::string>& date) {
  XA_TRY(RequirePermission(ctx, perm::kEduCheckIn, "查看防溺水提醒"));
  MyWarnings out;
  out.today = TodayInChina(s);
  XA_ASSIGN_OR_RETURN(const cal::Date day, ParseDay(date, out.today));
  const auto from = day - std::chrono::days{kSessionLookbackDays};
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    std::vector<edu::Class> classes;
    if (class_id) {
      XA_ASSIGN_OR_RETURN(auto c, tx.edu().FindClass(*class_id));
      if (!c || !MayCheckIn(ctx, *c)) return NotFound("班级不存在或不在您的管辖范围内");
      classes.push_back(std::move(*c));
    } else {
      edu::ClassFilter f;
      f.teacher = ctx.actor;
      XA_ASSIGN_OR_RETURN(classes, tx.edu().AllClasses(f, ctx.Scope()));
    }
    std::vector<std::int64_t> ids;
    for (const auto& c : classes) ids.push_back(c.id);
    XA_ASSIGN_OR_RETURN(const auto given, GivenOf(tx, ids, from, day));
    std::map<std::int64_t, DrowningSchool> schools;
    std::map<std::int64_t, std::vector<edu::ContentEdit>> edits;
    bool first = true;
    for (const auto& c : classes) {
      auto it = schools.find(c.school_id);
      if (it == schools.end()) {
        XA_ASSIGN_OR_RETURN(auto ds, LoadDrowningSchool(tx, c.school_id, from, day));
        it = schools.emplace(c.school_id, std::move(ds)).first;
      }
      const auto& ds = it->second;
      if (first) out.late_days = ds.plan.late_days;
      first = false;
      const cal::SchoolCalendar calendar(ds.data.holidays, ds.data.terms, ds.data.exceptions);
      std::string text;
      for (const auto& d :
           edu::WarningDays(calendar, ds.plan, ds.high_risk, ds.campaigns, from, day)) {
        if (d.date < c.since) continue;
        auto v = ViewOf(ctx, c, d, ds, given, out.today);
        // Earlier days: only those still to record, or missed.
        if (d.date != day && v.state != edu::SessionState::kMissed && !v.can_give) continue;
        if (text.empty()) {
          XA_ASSIGN_OR_RETURN(text, TextFor(tx, c, edits, ds.school.unit));
        }
        v.text = text;
        if (!v.via.empty() && v.via == "warning") {
          XA_ASSIGN_OR_RETURN(auto stored, tx.drowning().WarningsOf({c.id}, cal::FormatDate(d.date),
                                                                    cal::FormatDate(d.date)));
          if (!stored.empty()) v.warning = std::move(stored.front());
        }
        out.items.push_back(std::move(v));
      }
    }
    return {};
  }));
  const auto rank = [&](const WarningView& v) {
    if (v.day.date == day) return 0;
    return v.can_give ? 1 : 2;
  };
  std::stable_sort(out.items.begin(), out.items.end(),
                   [&](const WarningView& a, const WarningView& b) {
                     if (rank(a) != rank(b)) return rank(a) < rank(b);
                     return a.day.date > b.day.date;
                   });
  return out;
}

Result<WarningView> GiveWarning(Services& s, const RequestContext& ctx, WarningInput in) {
  XA_TRY(RequirePermission(ctx, perm::kEduCheckIn, "记录防溺水提醒"));
  std::vector<ErrorDetail> problems;
  const auto date = cal::ParseDate(in.date);
  if (!date) problems.push_back({"date", "日期须为 YYYY-MM-DD"});
  if (const auto p = TextProblem(in.note); !p.empty()) {
    problems.push_back({"note", "备注" + p});
  } else if (Utf8Length(in.note).value_or(0) > edu::kMaxWarningNoteChars) {
    problems.push_back(
        {"note", "备注不能超过 " + std::to_string(edu::kMaxWarningNoteChars) + " 个字"});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  const auto today = TodayInChina(s);
  WarningView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto c, tx.edu().FindClass(in.class_id));
    if (!c || !ctx.Covers(c->school_path)) {
      return domain::ValidationError({{"class_id", "班级不存在或不在您的管辖范围内"}});
    }
    if (!MayCheckIn(ctx, *c)) {
      return Error{ErrorCode::kPermissionDenied,
                   "只有该班班主任或学校安全干部可以为“" + c->draft.name + "”记录防溺水提醒",
                   {}};
    }
    if (!c->active) return domain::ValidationError({{"class_id", "该班级已停用"}});
    XA_ASSIGN_OR_RETURN(auto ds, LoadDrowningSchool(tx, c->school_id, *date, *date));
    const cal::SchoolCalendar calendar(ds.data.holidays, ds.data.terms, ds.data.exceptions);
    const auto days = edu::WarningDays(calendar, ds.plan, ds.high_risk, ds.campaigns, *date, *date);
    if (days.empty() || *date < c->since) {
      return domain::ValidationError(
          {{"date", c->draft.name + " " + in.date + " 不是防溺水提醒日"}});
    }
    if (today < *date) {
      return domain::ValidationError({{"date", "还没到提醒日，不能提前记录"}});
    }
    if (!edu::WarningOpen(*date, today, ds.plan.late_days)) {
      return domain::ValidationError(
          {{"date", ds.plan.late_days == 0
                        ? "只能在当天记录，已过期限"
                        : "已超过补录期限（" + std::to_string(ds.plan.late_days) + " 天）"}});
    }
    XA_ASSIGN_OR_RETURN(auto given, GivenOf(tx, {c->id}, *date, *date));
    if (!given.empty()) {
      return AlreadyExists(given.begin()->second.warning_id != 0
                               ? "这天的防溺水提醒已经记录过了"
                               : "这天的1530提醒已讲防溺水，已计为防溺水提醒",
                           "date");
    }
    edu::DrowningWarning w;
    w.class_id = c->id;
    w.school_id = c->school_id;
    w.date = *date;
    w.note = std::string(Trim(in.note));
    w.by = ctx.actor;
    w.at = s.clock.Now();
    w.on = today;
    XA_ASSIGN_OR_RETURN(const bool inserted, tx.drowning().InsertWarning(w));
    if (!inserted) return AlreadyExists("这天的防溺水提醒已经记录过了", "date");
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.drowning.warn", kWarningSubject,
                                     std::to_string(w.id),
                                     "防溺水提醒：" + c->school_name + " " + c->draft.name + " " +
                                         in.date + (w.on > w.date ? "（补录）" : ""))));
    XA_TRY(EvaluateSchool(s, tx, c->school_id, *date, kDrowningModule));
    XA_ASSIGN_OR_RETURN(auto stored, tx.drowning().WarningsOf({c->id}, in.date, in.date));
    GivenIndex index;
    AddGiven(index, c->id, w.date, w.on, w.id, 0);
    out = ViewOf(ctx, *c, days.front(), ds, index, today);
    if (!stored.empty()) out.warning = std::move(stored.front());
    std::map<std::int64_t, std::vector<edu::ContentEdit>> edits;
    XA_ASSIGN_OR_RETURN(out.text, TextFor(tx, *c, edits, ds.school.unit));
    return {};
  }));
  return out;
}

// ---- Campaigns ---------------------------------------------------------------------------------

namespace {

Result<DrowningCampaignView> CampaignViewOf(domain::Tx& tx, const RequestContext& ctx,
                                            edu::DrowningCampaign c) {
  DrowningCampaignView v;
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(c.unit_id));
  if (unit) v.unit_name = unit->name;
  v.can_delete = ctx.Can(perm::kEduContent) && ctx.Covers(c.unit_path);
  v.campaign = std::move(c);
  return v;
}

}  // namespace

Result<std::vector<DrowningCampaignView>> ListDrowningCampaigns(Services& s,
                                                                const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看防溺水预警"));
  std::vector<DrowningCampaignView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    std::optional<domain::School> own_school;
    std::string own_path;
    if (ctx.unit_id) {
      XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*ctx.unit_id));
      if (unit) own_path = unit->path;
      if (unit && unit->kind == "school") {
        XA_ASSIGN_OR_RETURN(own_school, tx.org().FindSchool(unit->id));
      }
    }
    XA_ASSIGN_OR_RETURN(auto list, tx.drowning().RecentCampaigns(kCampaignsListed));
    for (auto& c : list) {
      const bool mine = ctx.Covers(c.unit_path);
      const bool above =
          !own_path.empty() && own_path.starts_with(c.unit_path) &&
          (!own_school || edu::Targets(c, own_path, own_school->profile.location_type));
      if (!mine && !above) continue;
      XA_ASSIGN_OR_RETURN(auto v, CampaignViewOf(tx, ctx, std::move(c)));
      out.push_back(std::move(v));
    }
    return {};
  }));
  return out;
}

Result<DrowningCampaignView> CreateDrowningCampaign(Services& s, const RequestContext& ctx,
                                                    edu::DrowningCampaign in) {
  XA_TRY(RequirePermission(ctx, perm::kEduContent, "发布防溺水预警"));
  if (!ctx.unit_id) {
    return domain::ValidationError({{"unit_id", "发布防溺水预警须以所属单位的身份"}});
  }
  in.title = std::string(Trim(in.title));
  in.text = std::string(Trim(in.text));
  std::vector<ErrorDetail> problems;
  for (const auto* field : {&in.title, &in.text}) {
    if (const auto p = TextProblem(*field); !p.empty()) {
      problems.push_back({field == &in.title ? "title" : "text", p});
    }
  }
  // A type given by its label (乡村) is taken as its code.
  for (auto& t : in.location_types) {
    if (auto code = domain::CodeFromText(domain::LocationTypes(), t)) t = std::move(*code);
  }
  const auto today = TodayInChina(s);
  if (problems.empty()) problems = edu::CheckCampaign(in, today);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  DrowningCampaignView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(*ctx.unit_id));
    if (!unit) return NotFound("所属单位不存在");
    in.id = 0;
    in.unit_id = unit->id;
    in.unit_path = unit->path;
    in.created_by = ctx.actor;
    in.created_at = s.clock.Now();
    XA_TRY(tx.drowning().InsertCampaign(in));
    std::string types;
    for (const auto& t : in.location_types) {
      types +=
          (types.empty() ? "" : "、") + std::string(domain::LabelOf(domain::LocationTypes(), t));
    }
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "edu.drowning.campaign", kCampaignSubject, std::to_string(in.id),
        "发布防溺水预警“" + in.title + "”：" + cal::FormatDate(in.from) + " 至 " +
            cal::FormatDate(in.to) + "，" + (types.empty() ? "全部学校" : types + "学校"))));
    XA_ASSIGN_OR_RETURN(auto stored, tx.drowning().FindCampaign(in.id));
    XA_ASSIGN_OR_RETURN(out, CampaignViewOf(tx, ctx, std::move(*stored)));
    return {};
  }));
  return out;
}

Status DeleteDrowningCampaign(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduContent, "撤销防溺水预警"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto c, tx.drowning().FindCampaign(id));
    if (!c || !ctx.Covers(c->unit_path)) {
      return NotFound("防溺水预警不存在或不在您的管辖范围内");
    }
    XA_TRY(tx.drowning().RemoveCampaign(id));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.drowning.campaign.delete", kCampaignSubject,
                                     std::to_string(id), "撤销防溺水预警“" + c->title + "”")));
    return {};
  });
}

// ---- The board ---------------------------------------------------------------------------------

namespace {

// A class's warning days in the range against what it was given; the missed ones in `missed`.
edu::Completion TallyClass(const edu::Class& c, const std::vector<edu::WarningDay>& days,
                           const GivenIndex& given, cal::Date today,
                           std::vector<cal::Date>* missed) {
  edu::Completion out;
  for (const auto& d : days) {
    if (d.date < c.since) continue;
    const auto it = given.find({c.id, d.date});
    const auto state = edu::WarningState(
        d.date, it == given.end() ? std::nullopt : std::optional(it->second.on), today);
    edu::Count(out, state);
    if (missed && state == edu::SessionState::kMissed) missed->push_back(d.date);
  }
  return out;
}

bool LowerRate(const DrowningSchoolRow& a, const DrowningSchoolRow& b) {
  return edu::LowerRate(a.completion, a.school_name, b.completion, b.school_name);
}

}  // namespace

Result<DrowningBoard> GetDrowningBoard(Services& s, const RequestContext& ctx,
                                       const CompletionQuery& q) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看防溺水提醒完成情况"));
  const auto today = TodayInChina(s);
  DrowningBoard out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    if (q.school_id) {
      XA_ASSIGN_OR_RETURN(auto school, SchoolInScope(tx, ctx, *q.school_id));
      XA_ASSIGN_OR_RETURN(auto data, LoadSchoolCalendar(tx, school.unit));
      const cal::SchoolCalendar calendar(data.holidays, data.terms, data.exceptions);
      XA_ASSIGN_OR_RETURN(const auto range, RangeOfQuery(q, calendar, today));
      XA_ASSIGN_OR_RETURN(auto campaigns, tx.drowning().Campaigns(cal::FormatDate(range.from),
                                                                  cal::FormatDate(range.to)));
      XA_ASSIGN_OR_RETURN(auto ds, LoadPlan(tx, std::move(school), campaigns));
      out.school = true;
      out.school_id = ds.school.unit.id;
      out.school_name = ds.school.unit.name;
      out.location_type = ds.school.profile.location_type;
      out.high_risk_school = ds.high_risk;
      out.from = range.from;
      out.to = range.to;
      out.label = range.label;
      edu::ClassFilter f;
      f.school_id = out.school_id;
      XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses(f, ctx.Scope()));
      std::vector<std::int64_t> ids;
      for (const auto& c : classes) ids.push_back(c.id);
      XA_ASSIGN_OR_RETURN(const auto given, GivenOf(tx, ids, range.from, range.to));
      const auto days =
          edu::WarningDays(calendar, ds.plan, ds.high_risk, ds.campaigns, range.from, range.to);
      out.days = static_cast<int>(days.size());
      std::vector<std::pair<std::size_t, cal::Date>> missing;
      for (auto& c : classes) {
        std::vector<cal::Date> missed;
        const auto n = TallyClass(c, days, given, today, &missed);
        for (const auto d : missed) missing.emplace_back(out.classes.size(), d);
        edu::Add(out.totals, n);
        edu::Add(ds.high_risk ? out.high_risk : out.other, n);
        out.classes.push_back({std::move(c), n});
      }
      std::stable_sort(missing.begin(), missing.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      for (const auto& [i, d] : missing) {
        if (out.missing.size() >= kMissingLimit) break;
        out.missing.push_back({i, d});
      }
      return {};
    }
    // The district: the range on the caller's own unit's calendar, each school on its own.
    XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
    XA_ASSIGN_OR_RETURN(const auto range, DistrictRange(tx, ctx, q, holidays, today));
    out.from = range.from;
    out.to = range.to;
    out.label = range.label;
    const auto from = cal::FormatDate(range.from);
    const auto to = cal::FormatDate(range.to);
    XA_ASSIGN_OR_RETURN(auto campaigns, tx.drowning().Campaigns(from, to));
    XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses({}, ctx.Scope()));
    XA_ASSIGN_OR_RETURN(auto warnings, tx.drowning().WarningsIn(ctx.Scope(), from, to));
    XA_ASSIGN_OR_RETURN(auto checkins, tx.edu().CheckInsIn(ctx.Scope(), from, to));
    const auto given = IndexGiven(warnings, checkins);
    XA_ASSIGN_OR_RETURN(auto schools, AllSchoolsInScope(tx, ctx));
    std::map<std::int64_t, std::vector<const edu::Class*>> by_school;
    for (const auto& c : classes) by_school[c.school_id].push_back(&c);
    for (auto& school : schools) {
      DrowningSchoolRow row{school.unit.id,
                            school.unit.name,
                            school.profile.location_type,
                            edu::HighRiskLocation(school.profile.location_type),
                            0,
                            0,
                            {}};
      const auto it = by_school.find(school.unit.id);
      if (it != by_school.end()) {
        XA_ASSIGN_OR_RETURN(auto ds, LoadPlan(tx, school, campaigns));
        XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, ds.school.unit));
        const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
        const auto days =
            edu::WarningDays(calendar, ds.plan, ds.high_risk, ds.campaigns, range.from, range.to);
        row.days = static_cast<int>(days.size());
        for (const auto* c : it->second) {
          ++row.classes;
          edu::Add(row.completion, TallyClass(*c, days, given, today, nullptr));
        }
      }
      edu::Add(out.totals, row.completion);
      edu::Add(row.high_risk ? out.high_risk : out.other, row.completion);
      out.schools.push_back(std::move(row));
    }
    std::stable_sort(out.schools.begin(), out.schools.end(), LowerRate);
    return {};
  }));
  return out;
}

// ---- Registration ------------------------------------------------------------------------------

RuleModule DrowningRuleModule() {
  return {kDrowningModule,
          edu::DrowningRuleDecls(),
          {},
          "",
          [](domain::Tx& tx, const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
            const auto week = rules::PeriodOf(rules::Period::kWeek, in.day, in.calendar);
            if (!week) return std::vector<rules::Judgement>{};
            edu::ClassFilter f;
            f.school_id = in.school.unit.id;
            XA_ASSIGN_OR_RETURN(auto classes, tx.edu().AllClasses(f, domain::ScopeFilter{}));
            std::vector<edu::WarnedClass> facts;
            std::vector<std::int64_t> ids;
            for (const auto& c : classes) {
              facts.push_back({c.id, c.since});
              ids.push_back(c.id);
            }
            XA_ASSIGN_OR_RETURN(const auto given, GivenOf(tx, ids, week->first, week->last));
            std::map<std::pair<std::int64_t, cal::Date>, edu::GivenFact> facts_given;
            for (const auto& [key, g] : given) facts_given[key] = {g.on, g.warning_id};
            XA_ASSIGN_OR_RETURN(auto all, tx.drowning().Campaigns(cal::FormatDate(week->first),
                                                                  cal::FormatDate(week->last)));
            std::vector<rules::Judgement> out{
                edu::JudgeDrowning(in.calendar, edu::PlanOf(in.values),
                                   edu::HighRiskLocation(in.school.profile.location_type),
                                   Aimed(all, in.school), facts, facts_given, in.day, in.today)};
            // The term's parent letter: its published letters and their receipt rates.
            const auto semester = rules::PeriodOf(rules::Period::kSemester, in.day, in.calendar);
            const auto* term = in.calendar.TermOf(in.day);
            if (semester && term) {
              edu::LetterFilter lf;
              lf.school_id = in.school.unit.id;
              lf.school_year = term->school_year;
              lf.term = term->term;
              lf.status = edu::LetterStatus::kPublished;
              domain::PageRequest page;
              page.page_size = 100;
              XA_ASSIGN_OR_RETURN(auto letters, tx.letters().List(lf, domain::ScopeFilter{}, page));
              std::vector<std::int64_t> ids;
              for (const auto& l : letters.items) ids.push_back(l.id);
              XA_ASSIGN_OR_RETURN(auto counts, tx.letters().CountsOf(ids));
              std::map<std::int64_t, edu::ReceiptTally> tallies;
              for (const auto& c : counts) {
                edu::AddClass(tallies[c.letter_id], c.students, c.received);
              }
              std::vector<edu::TermLetter> published;
              for (const auto id : ids) {
                published.push_back({id, tallies[id].counted, tallies[id].expected});
              }
              out.push_back(edu::JudgeLetter(
                  *semester, !classes.empty(), published,
                  rules::ValueOf(in.values, edu::LetterRule(), "min_rate"), in.today));
            }
            return out;
          },
          {},
          "",
          "other"};
}

TaskSource DrowningTaskSource() {
  return {kDrowningModule,
          [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kEduCheckIn)) return out;
            XA_ASSIGN_OR_RETURN(auto mine, ListMyWarnings(s, ctx, std::nullopt, std::nullopt));
            TaskGroup g{"edu.drowning", "防溺水提醒", 0, 0, {}};
            for (const auto& v : mine.items) {
              if (!v.can_give) continue;
              ++g.count;
              const bool late = v.day.date < mine.today;
              if (late) ++g.overdue;
              if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
                g.items.push_back({"edu_class", v.cls.id, std::nullopt,
                                   v.cls.draft.name + " 防溺水提醒" + (late ? "（待补录）" : ""),
                                   v.cls.school_name, cal::FormatDate(v.day.date), late});
              }
            }
            if (g.count > 0) out.push_back(std::move(g));
            return out;
          }};
}

}  // namespace xiaoan::app
