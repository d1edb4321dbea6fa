#include "app/security/security.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/security/security_internal.hpp"
#include "domain/auth/auth.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace sec = domain::security;
namespace rules = domain::rules;
namespace cal = domain::calendar;

namespace security_internal {

// The record's size from the school's profile.
void TakeSize(sec::SchoolSecurity& d, const domain::SchoolProfile& p) {
  d.students = p.students;
  d.staff = p.staff;
  d.boarding = p.boarding;
  d.boarders = p.boarders;
}

// The values in force at the school, per rule.
Result<std::map<std::string, rules::ParamValues>> ValuesAt(domain::Tx& tx,
                                                           const domain::Unit& school) {
  XA_ASSIGN_OR_RETURN(auto in_force, LoadValuesInForce(tx, school, sec::RuleDecls()));
  std::map<std::string, rules::ParamValues> out;
  for (auto& [id, f] : in_force) out[id] = std::move(f.values);
  return out;
}

// Full-time guards the school needs under security.guards with its values in force.
int RequiredOf(const sec::SchoolSecurity& d,
               const std::map<std::string, rules::ParamValues>& values) {
  const auto it = values.find("security.guards");
  return sec::RequiredGuards(
      d.students + d.staff, d.boarding ? d.boarders : 0,
      it != values.end() ? it->second
                         : rules::Defaults(*rules::FindRule(sec::RuleDecls(), "security.guards")));
}

// The schools in the caller's scope by name, all of them or the first `limit` (with the total).
Result<domain::PageResult<domain::School>> SchoolsInScope(domain::Tx& tx, const RequestContext& ctx,
                                                          int limit) {
  domain::SchoolFilter sf;
  sf.scope = ctx.Scope();
  sf.page.page_size = limit;
  sf.page.sort = "name";
  return tx.org().ListSchools(sf);
}

Result<SecurityView> ViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                            const domain::School& school) {
  SecurityView v;
  XA_ASSIGN_OR_RETURN(auto stored, tx.security().Find(school.unit.id));
  v.recorded = stored.has_value();
  if (stored) v.record = std::move(*stored);
  v.record.school_id = school.unit.id;
  v.school_name = school.unit.name;
  TakeSize(v.record.data, school.profile);
  XA_ASSIGN_OR_RETURN(auto values, ValuesAt(tx, school.unit));
  const auto& d = v.record.data;
  v.required_guards = RequiredOf(d, values);
  if (v.recorded) {
    v.findings = sec::JudgeSchool(d, values, TodayInChina(s));
    v.indicators = sec::IndicatorsOf(v.findings);
  }
  v.can_edit = ctx.Can(domain::perm::kSecurityRecord);
  return v;
}

std::vector<office::Row> RateRows(const sec::DistrictRates& rates) {
  std::vector<office::Row> out = {office::TextRow({"指标", "达标学校数", "筛查学校数", "达标率"})};
  for (const auto& [label, rate] :
       std::vector<std::pair<std::string, sec::Rate>>{{"四个100%全部达标", rates.all},
                                                      {"专职保安员", rates.guards},
                                                      {"封闭化管理", rates.closed_campus},
                                                      {"一键报警和视频监控", rates.alarm_video},
                                                      {"护学岗", rates.gate_duty}}) {
    const int p = rate.permille();
    out.push_back(
        office::TextRow({label, std::to_string(rate.compliant), std::to_string(rate.screened),
                         std::to_string(p / 10) + "." + std::to_string(p % 10) + "%"}));
  }
  return out;
}

}  // namespace security_internal

using namespace security_internal;

namespace {

std::string Count(std::size_t n, const char* what) { return std::to_string(n) + what; }

// The rule of a stored finding among the security rules.
const rules::RuleDecl* RuleOf(const std::string& id) {
  return rules::FindRule(sec::RuleDecls(), id);
}

std::vector<std::string> RuleIds() {
  std::vector<std::string> out;
  for (const auto& r : sec::RuleDecls()) out.push_back(r.id);
  return out;
}

Result<cal::Date> BoardDay(const Services& s, const std::optional<std::string>& date) {
  if (!date) return TodayInChina(s);
  const auto d = cal::ParseDate(*date);
  if (!d || cal::YearOf(*d) < 2000 || cal::YearOf(*d) > 2100) {
    return InvalidArgument("date", "须为 2000 到 2100 年之间的日期 YYYY-MM-DD");
  }
  return *d;
}

}  // namespace

Result<SecurityView> GetSecurityRecord(Services& s, const RequestContext& ctx,
                                       domain::UnitId school_id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRead, "查看学校安防台账"));
  SecurityView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolAsAddress(tx, ctx, school_id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<SecurityView> SaveSecurityRecord(Services& s, const RequestContext& ctx,
                                        domain::UnitId school_id, sec::Record in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRecord, "填报学校安防台账"));
  const auto today = TodayInChina(s);
  auto problems = sec::Validate(in.data, today);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  SecurityView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolAsAddress(tx, ctx, school_id));
    XA_ASSIGN_OR_RETURN(auto stored, tx.security().Find(school_id));
    auto wrong = sec::CheckEntryIds(stored ? stored->data : sec::SchoolSecurity{}, in.data);
    if (!wrong.empty()) return domain::ValidationError(std::move(wrong));
    in.school_id = school_id;
    in.updated_at = s.Now();
    in.updated_by = ctx.actor;
    XA_ASSIGN_OR_RETURN(const bool saved, tx.security().Save(in));
    if (!saved) {
      return FailedPrecondition("security.stale", "台账已被他人修改（当前为第 " +
                                                      std::to_string(stored ? stored->version : 0) +
                                                      " 版），请刷新后再保存");
    }
    XA_TRY(EvaluateSchool(s, tx, school_id, today, "security"));
    const auto& d = in.data;
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "security.save", "school", std::to_string(school_id),
        "填报安防台账：" + school.unit.name + "（第 " + std::to_string(in.version) + " 版，" +
            Count(d.guards.size(), " 名保安员，") + Count(d.alarms.size(), " 处一键报警，") +
            Count(d.posts.size(), " 个护学岗") + "）")));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<SecurityBoard> GetSecurityBoard(Services& s, const RequestContext& ctx,
                                       const std::optional<std::string>& date) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRead, "查看四个100%看板"));
  XA_ASSIGN_OR_RETURN(const auto day, BoardDay(s, date));
  SecurityBoard out;
  out.date = cal::FormatDate(day);
  out.month = cal::MonthKey(day);
  std::vector<std::string> months;
  for (int m = 1; m <= cal::MonthOf(day); ++m) {
    months.push_back(cal::MonthKey(cal::Date{std::chrono::year{cal::YearOf(day)} /
                                             std::chrono::month{static_cast<unsigned>(m)} /
                                             std::chrono::day{1}}));
  }
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto first, SchoolsInScope(tx, ctx, 1));
    out.schools = first.total;
    XA_ASSIGN_OR_RETURN(out.rounds, RoundTrend(tx, ctx, day, TodayInChina(s)));
    // Every school judged in a month has a finding of each rule: one rule counts them.
    XA_ASSIGN_OR_RETURN(auto counts,
                        tx.rules().CountFindings({"security.guards"}, months, ctx.Scope()));
    rules::FindingFilter ff;
    ff.rules = RuleIds();
    ff.period_keys = months;
    ff.outcomes = {rules::Outcome::kFail};
    ff.subject_type = "school";
    domain::PageRequest page;
    page.page_size = kMaxSchools;
    page.sort = "school";
    XA_ASSIGN_OR_RETURN(auto failed, tx.rules().ListFindings(ff, ctx.Scope(), page));
    // month → school → its failed rules.
    std::map<std::string, std::map<std::int64_t, std::vector<rules::Finding>>> fails;
    for (auto& f : failed.items) fails[f.period_key][f.unit_id].push_back(std::move(f));
    for (const auto& month : months) {
      std::int64_t screened = 0;
      for (const auto& c : counts) {
        if (c.period_key == month) screened += c.count;
      }
      std::vector<sec::Indicators> indicators;
      for (const auto& [school_id, found] : fails[month]) {
        std::vector<sec::Finding> judged;
        for (const auto& f : found) {
          if (const auto* rule = RuleOf(f.rule_id)) {
            judged.push_back({rule, {f.outcome, f.reason, f.evidence}});
          }
        }
        indicators.push_back(sec::IndicatorsOf(judged));
        if (month == out.month) {
          SecurityShort row;
          row.school_id = school_id;
          row.school_name = found.front().unit_name;
          row.indicators = indicators.back();
          row.failed = found;
          out.short_schools.push_back(std::move(row));
        }
      }
      const auto met = static_cast<std::size_t>(
          std::max<std::int64_t>(0, screened - static_cast<std::int64_t>(indicators.size())));
      indicators.insert(indicators.end(), met, sec::Indicators{true, true, true, true});
      const auto rates = sec::RatesOf(indicators);
      if (month == out.month) out.rates = rates;
      out.trend.push_back({month, rates});
    }
    std::sort(out.short_schools.begin(), out.short_schools.end(),
              [](const SecurityShort& a, const SecurityShort& b) {
                return std::tie(a.school_name, a.school_id) < std::tie(b.school_name, b.school_id);
              });
    // Schools without a judgement this month: never filled in (or not judged yet). Listed only
    // when there are some, which a district that screens every school never pays for.
    if (out.rates.all.screened >= out.schools) return {};
    XA_ASSIGN_OR_RETURN(auto schools, SchoolsInScope(tx, ctx));
    rules::FindingFilter judged;
    judged.rules = {"security.guards"};
    judged.period_keys = {out.month};
    judged.subject_type = "school";
    XA_ASSIGN_OR_RETURN(auto this_month, tx.rules().ListFindings(judged, ctx.Scope(), page));
    std::set<std::int64_t> seen;
    for (const auto& f : this_month.items) seen.insert(f.unit_id);
    for (const auto& school : schools.items) {
      if (!seen.count(school.unit.id))
        out.unscreened.emplace_back(school.unit.id, school.unit.name);
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportSecurityBoard(Services& s, const RequestContext& ctx,
                                        const std::optional<std::string>& date) {
  XA_ASSIGN_OR_RETURN(auto board, GetSecurityBoard(s, ctx, date));
  auto summary = RateRows(board.rates);
  summary.push_back(office::TextRow({"学校总数", std::to_string(board.schools), "", ""}));
  summary.push_back(
      office::TextRow({"未填报学校数", std::to_string(board.unscreened.size()), "", ""}));
  summary.push_back(office::TextRow({"统计月份", board.month, "统计日期", board.date}));

  std::vector<office::Row> rows = {office::TextRow({"学校",
                                                    "师生人数",
                                                    "寄宿生",
                                                    "应配专职保安",
                                                    "专职保安",
                                                    "持证保安",
                                                    "围墙/门禁/登记/门卫",
                                                    "一键报警（处）",
                                                    "与110联网（处）",
                                                    "视频覆盖区域",
                                                    "图像保存天数",
                                                    "护学岗（个）",
                                                    "护学岗人数",
                                                    "每日巡查次数",
                                                    "专职保安达标",
                                                    "封闭管理达标",
                                                    "一键报警和视频监控达标",
                                                    "护学岗达标",
                                                    "四个100%达标",
                                                    "未达标原因"})};
  std::size_t n = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto schools, SchoolsInScope(tx, ctx));
    XA_ASSIGN_OR_RETURN(auto records, tx.security().List(ctx.Scope()));
    std::map<std::int64_t, const sec::Record*> by_school;
    for (const auto& r : records) by_school[r.school_id] = &r;
    std::map<std::int64_t, const SecurityShort*> short_of;
    for (const auto& row : board.short_schools) short_of[row.school_id] = &row;
    std::set<std::int64_t> unscreened;
    for (const auto& [id, name] : board.unscreened) unscreened.insert(id);
    const auto yes = [](bool b) { return std::string(b ? "是" : "否"); };
    for (const auto& school : schools.items) {
      const auto it = by_school.find(school.unit.id);
      if (it == by_school.end()) continue;
      auto d = it->second->data;
      TakeSize(d, school.profile);
      XA_ASSIGN_OR_RETURN(auto values, ValuesAt(tx, school.unit));
      const int need = RequiredOf(d, values);
      const auto full_time = std::count_if(d.guards.begin(), d.guards.end(),
                                           [](const sec::Guard& g) { return g.full_time; });
      const auto licensed =
          std::count_if(d.guards.begin(), d.guards.end(),
                        [](const sec::Guard& g) { return !g.license_no.empty(); });
      const auto linked = std::count_if(d.alarms.begin(), d.alarms.end(),
                                        [](const sec::Alarm& a) { return a.linked_110; });
      int post_people = 0;
      for (const auto& p : d.posts) post_people += p.people;
      const bool closed =
          d.perimeter && d.gate_controlled && d.visitor_register && d.gate_house_staffed;
      sec::Indicators ind{true, true, true, true};
      std::string reasons;
      if (const auto sh = short_of.find(school.unit.id); sh != short_of.end()) {
        ind = sh->second->indicators;
        for (const auto& f : sh->second->failed) {
          const auto* rule = RuleOf(f.rule_id);
          reasons +=
              (reasons.empty() ? "" : "；") + (rule ? rule->title : f.rule_id) + "：" + f.reason;
        }
      }
      const bool judged = !unscreened.count(school.unit.id);
      const auto mark = [&](bool b) { return judged ? yes(b) : std::string("未判定"); };
      rows.push_back(office::TextRow({school.unit.name,
                                      std::to_string(d.students + d.staff),
                                      std::to_string(d.boarding ? d.boarders : 0),
                                      std::to_string(need),
                                      std::to_string(full_time),
                                      std::to_string(licensed),
                                      yes(closed),
                                      std::to_string(d.alarms.size()),
                                      std::to_string(linked),
                                      std::to_string(d.video.areas.size()),
                                      std::to_string(d.video.retention_days),
                                      std::to_string(d.posts.size()),
                                      std::to_string(post_people),
                                      std::to_string(d.patrols_per_day),
                                      mark(ind.guards),
                                      mark(ind.closed_campus),
                                      mark(ind.alarm_video),
                                      mark(ind.gate_duty),
                                      mark(ind.All()),
                                      reasons}));
      ++n;
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"四个100%汇总", summary},
                                                     office::Sheet{"学校明细", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "security.export", "school", "*",
                "导出四个100%统计（" + board.month + "，" + std::to_string(n) + " 所学校）")));
    return {};
  }));
  return bytes;
}

RuleModule SecurityRuleModule() {
  return {"security",
          sec::RuleDecls(),
          {},
          "",
          [](domain::Tx& tx, const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
            std::vector<rules::Judgement> out;
            const auto span = rules::PeriodOf(rules::Period::kMonth, in.day, in.calendar);
            // The record as it stands is judged for this month, or last month on its last
            // day's next morning; older months keep what was judged then.
            if (!span || span->last < in.today - std::chrono::days{1}) return out;
            XA_ASSIGN_OR_RETURN(auto stored, tx.security().Find(in.school.unit.id));
            if (!stored) return out;  // never filled in: not screened
            auto d = std::move(stored->data);
            TakeSize(d, in.school.profile);
            const auto on = std::min(in.today, span->last);
            for (auto& f : sec::JudgeSchool(d, in.values, on)) {
              out.push_back({f.rule, *span, in.today <= span->last, std::move(f.verdict)});
            }
            return out;
          },
          {},
          "screening",
          "security_equipment",
          CloseRepairedScreeningHazards};
}

}  // namespace xiaoan::app
