#include "app/rules/rules.hpp"

#include <algorithm>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/hazards/hazards.hpp"
#include "app/modules.hpp"
#include "app/platform/platform.hpp"
#include "domain/auth/auth.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/org/org.hpp"
#include "domain/plan/plan.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace rules = domain::rules;
namespace cal = domain::calendar;

namespace {

struct Found {
  const RuleModule* module = nullptr;
  const rules::RuleDecl* rule = nullptr;
};

Found FindRegistered(std::string_view id) {
  for (const auto& m : RuleModules()) {
    if (const auto* r = rules::FindRule(m.rules, id)) return {&m, r};
  }
  return {};
}

// The caller's unit (rules in force are those at the caller's unit); trusted local callers
// without one see the defaults.
Result<std::optional<domain::Unit>> CallerUnit(domain::Tx& tx, const RequestContext& ctx) {
  if (!ctx.unit_id) return std::optional<domain::Unit>();
  return tx.org().FindUnit(*ctx.unit_id);
}

// Engine rules of the modules (values the engine keeps).
std::vector<rules::RuleDecl> EngineRules() {
  std::vector<rules::RuleDecl> out;
  for (const auto& m : RuleModules()) {
    if (m.values) continue;
    out.insert(out.end(), m.rules.begin(), m.rules.end());
  }
  return out;
}

// The values a module keeps itself, for the rule's keys.
Result<rules::ParamValues> ModuleValues(domain::Tx& tx, const RuleModule& m,
                                        const rules::RuleDecl& rule) {
  auto out = rules::Defaults(rule);
  XA_ASSIGN_OR_RETURN(auto values, m.values(tx));
  for (auto& [key, value] : out) {
    if (const auto it = values.find(key); it != values.end()) value = it->second;
  }
  return out;
}

Result<RuleView> ViewOf(domain::Tx& tx, const RuleModule& m, const rules::RuleDecl& rule,
                        const std::optional<domain::Unit>& unit) {
  RuleView v{&rule, m.module, rules::Defaults(rule), m.configure_path};
  if (m.values && !m.store_values) {
    XA_ASSIGN_OR_RETURN(v.values, ModuleValues(tx, m, rule));
    return v;
  }
  v.engine_values = true;
  v.configure_path = "/api/v1/rules/" + rule.id + "/parameters";
  if (unit) {
    XA_ASSIGN_OR_RETURN(auto in_force,
                        LoadValuesInForce(tx, *unit, std::span<const rules::RuleDecl>(&rule, 1)));
    const auto& f = in_force.at(rule.id);
    v.values = f.values;
    v.params_version = f.version;
    v.params_unit_id = f.unit_id;
  }
  // What the module keeps is in force; the versions are its history.
  if (m.values) {
    XA_ASSIGN_OR_RETURN(v.values, ModuleValues(tx, m, rule));
  }
  return v;
}

// The next version of a rule's values at a unit.
Result<int> NextVersion(domain::Tx& tx, const std::string& rule_id, domain::UnitId unit) {
  XA_ASSIGN_OR_RETURN(auto history, tx.rules().ParamSetsOf(rule_id, {unit}));
  int next = 1;
  for (const auto& h : history) next = std::max(next, h.version + 1);
  return next;
}

std::string Today(const Services& s) { return domain::hazard::ChinaDate(s.clock.Now()); }

rules::Finding FindingOf(const Services& s, const rules::RuleDecl& rule, const InForce& in_force,
                         const std::string& subject_type, std::int64_t subject_id,
                         domain::UnitId school_id, const rules::Verdict& verdict) {
  rules::Finding f;
  f.rule_id = rule.id;
  f.rule_version = rule.version;
  f.params_version = in_force.version;
  f.params_unit_id = in_force.unit_id;
  f.params = rules::FormatParams(rules::OwnValues(in_force.values));
  f.subject_type = subject_type;
  f.subject_id = subject_id;
  f.unit_id = school_id;
  f.outcome = verdict.outcome;
  f.reason = verdict.reason;
  f.evidence = verdict.evidence;
  f.evaluated_at = s.Now();
  return f;
}

// Who a finding's reminder goes to, by the rule's effects: the school's leaders and safety
// officers, and the safety office of the nearest bureau above it.
Result<std::vector<std::int64_t>> ReminderRecipients(domain::Tx& tx, const domain::School& school,
                                                     const rules::Effects& e) {
  std::vector<std::string> roles;
  if (e.notify_leaders) roles.emplace_back("school_leader");
  if (e.notify_safety_officers) roles.emplace_back("school_safety_officer");
  std::vector<std::int64_t> users;
  if (!roles.empty()) {
    XA_ASSIGN_OR_RETURN(users, Recipients(tx, school.unit.id, roles));
  }
  if (e.notify_bureau) {
    for (const auto unit : UnitsNearestFirst(school.unit)) {
      if (unit == school.unit.id) continue;
      XA_ASSIGN_OR_RETURN(auto office, Recipients(tx, unit, {"bureau_safety_office"}));
      if (office.empty()) continue;
      users.insert(users.end(), office.begin(), office.end());
      break;
    }
  }
  return users;
}

// What a finding calls for by its rule's effects: a reminder before its period ends while it is
// due and once it was missed, and a hazard at the school when the period ended without it. Each
// once per rule, school and period.
Status ApplyEffects(Services& s, domain::Tx& tx, const RuleModule& m, const domain::School& school,
                    const rules::RuleDecl& rule, const rules::Judgement& j,
                    const rules::ParamValues& values, cal::Date today) {
  const auto effects = rules::EffectsOf(values);
  const std::string notice = rules::NoticeFor(j.verdict.outcome, j.period, today, effects);
  if (!notice.empty()) {
    XA_ASSIGN_OR_RETURN(const bool fresh, tx.rules().MarkNotice(rule.id, "school", school.unit.id,
                                                                j.period.key, notice, s.Now()));
    if (fresh) {
      XA_ASSIGN_OR_RETURN(auto users, ReminderRecipients(tx, school, effects));
      NotificationInput in;
      in.kind = "rule_" + notice;
      in.title = rules::NoticeLabel(notice, effects) + "：" + rule.title;
      in.body = j.verdict.reason;
      in.object_type = "rule_finding";
      in.object_id = rule.id + "@" + j.period.key;
      XA_TRY(Notify(s, tx, users, in));
    }
  }
  if (effects.raise_hazard && !m.hazard_source.empty() &&
      j.verdict.outcome == rules::Outcome::kFail && !j.so_far) {
    XA_ASSIGN_OR_RETURN(const bool fresh, tx.rules().MarkNotice(rule.id, "school", school.unit.id,
                                                                j.period.key, "hazard", s.Now()));
    if (fresh) {
      HazardInput h;
      h.school_id = school.unit.id;
      h.domain = m.hazard_domain;
      h.source = m.hazard_source;
      h.title = rule.title + "未达标（" + j.period.label + "）";
      h.description = "规则 " + rule.id + " 判定未达标：" + j.verdict.reason;
      h.origin_type = "rule";
      RequestContext engine;
      engine.actor = "rules-engine";
      XA_ASSIGN_OR_RETURN(auto hazard, ReportHazardIn(s, engine, tx, std::move(h)));
      XA_TRY(tx.audit().Append(
          AuditOf(s, engine, "rules.hazard", "hazard", std::to_string(hazard.id),
                  school.unit.name + " " + rule.title + "未达标（" + j.period.label +
                      "），登记隐患 #" + std::to_string(hazard.id))));
    }
  }
  return {};
}

// Judges one school with the public calendar loaded once by the caller.
Status JudgeSchool(Services& s, domain::Tx& tx, const domain::School& school,
                   const cal::PublicCalendar& holidays, const std::vector<rules::RuleDecl>& engine,
                   cal::Date day, cal::Date today, std::string_view module = {}) {
  XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, school.unit));
  const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
  XA_ASSIGN_OR_RETURN(auto in_force, LoadValuesInForce(tx, school.unit, engine));
  std::map<std::string, rules::ParamValues> values;
  for (const auto& [id, f] : in_force) values[id] = f.values;
  const SchoolJudgeInput input{school, calendar, values, day, today};
  for (const auto& m : RuleModules()) {
    if (!module.empty() && m.module != module) continue;
    if (m.judge_records && day == today) XA_TRY(m.judge_records(s, tx, school, in_force, today));
    if (!m.judge_school) continue;
    XA_ASSIGN_OR_RETURN(auto judged, m.judge_school(tx, input));
    for (const auto& j : judged) {
      const auto it = in_force.find(j.rule->id);
      const InForce defaults{rules::Defaults(*j.rule), 0, 0};
      auto f = FindingOf(s, *j.rule, it != in_force.end() ? it->second : defaults, "school",
                         school.unit.id, school.unit.id, j.verdict);
      f.period_key = j.period.key;
      f.period_label = j.period.label;
      f.period_first = cal::FormatDate(j.period.first);
      f.period_last = cal::FormatDate(j.period.last);
      f.so_far = j.so_far;
      XA_TRY(tx.rules().SaveFinding(f));
      XA_TRY(ApplyEffects(s, tx, m, school, *j.rule, j,
                          it != in_force.end() ? it->second.values : defaults.values, today));
    }
    if (m.after_judge) XA_TRY(m.after_judge(s, tx, school, judged, today));
  }
  return {};
}

Result<cal::Date> ParseDay(const std::optional<std::string>& text, const Services& s,
                           const char* field) {
  const std::string t = text ? *text : Today(s);
  const auto d = cal::ParseDate(t);
  if (!d || cal::YearOf(*d) < 2000 || cal::YearOf(*d) > 2100) {
    return InvalidArgument(field, "须为 2000 到 2100 年之间的日期 YYYY-MM-DD");
  }
  return *d;
}

// The rule ids a query names (a rule, a module or a measure), or an error naming the field.
Result<std::vector<std::string>> RulesOf(const FindingQuery& q) {
  std::vector<std::string> out;
  if (q.rule) {
    if (!FindRegistered(*q.rule).rule) return InvalidArgument("rule", "没有这条规则");
    return std::vector<std::string>{*q.rule};
  }
  bool module_known = !q.module;
  for (const auto& m : RuleModules()) {
    if (q.module && m.module != *q.module) continue;
    module_known = true;
    for (const auto& r : m.rules) {
      if (q.measure && r.measure != *q.measure) continue;
      out.push_back(r.id);
    }
  }
  if (!module_known) return InvalidArgument("module", "没有这个模块的规则");
  if (q.measure && (*q.measure < 1 || *q.measure > 21)) {
    return InvalidArgument("measure", "措施编号须为 1 到 21");
  }
  if (out.empty() && (q.measure || q.module)) out.push_back("-");  // matches nothing
  return out;
}

}  // namespace

std::map<std::string, domain::rules::ParamValues> PlainValues(const ValuesInForce& in_force) {
  std::map<std::string, domain::rules::ParamValues> out;
  for (const auto& [id, v] : in_force) out[id] = v.values;
  return out;
}

namespace {

// The values in force on a unit's path (nearest first) among the sets read for it.
ValuesInForce ResolveValues(const std::vector<rules::ParamSet>& sets,
                            const std::vector<std::int64_t>& path,
                            std::span<const rules::RuleDecl> decls) {
  ValuesInForce out;
  for (const auto& r : decls) {
    out[r.id] = {rules::Defaults(r), 0, 0};
    // The nearest unit on the path that set the rule.
    for (const auto unit_id : path) {
      const auto it = std::find_if(sets.begin(), sets.end(), [&](const rules::ParamSet& p) {
        return p.rule_id == r.id && p.unit_id == unit_id;
      });
      if (it == sets.end()) continue;
      auto& f = out[r.id];
      for (const auto& [key, value] : it->values) {
        if (f.values.count(key)) f.values[key] = value;  // a key the rule no longer has is ignored
      }
      f.version = it->version;
      f.unit_id = it->unit_id;
      break;
    }
  }
  return out;
}

std::vector<std::string> IdsOf(std::span<const rules::RuleDecl> decls) {
  std::vector<std::string> ids;
  for (const auto& r : decls) ids.push_back(r.id);
  return ids;
}

}  // namespace

Result<ValuesInForce> LoadValuesInForce(domain::Tx& tx, const domain::Unit& unit,
                                        std::span<const rules::RuleDecl> decls) {
  const auto path = UnitsNearestFirst(unit);
  XA_ASSIGN_OR_RETURN(auto sets, tx.rules().LatestParamSets(IdsOf(decls), path));
  return ResolveValues(sets, path, decls);
}

Result<std::map<std::int64_t, ValuesInForce>> LoadValuesInForceOf(
    domain::Tx& tx, const std::vector<domain::Unit>& units,
    std::span<const rules::RuleDecl> decls) {
  std::set<std::int64_t> all;
  for (const auto& u : units) {
    for (const auto id : UnitsNearestFirst(u)) all.insert(id);
  }
  std::map<std::int64_t, ValuesInForce> out;
  if (units.empty()) return out;
  XA_ASSIGN_OR_RETURN(
      auto sets,
      tx.rules().LatestParamSets(IdsOf(decls), std::vector<std::int64_t>(all.begin(), all.end())));
  for (const auto& u : units) out[u.id] = ResolveValues(sets, UnitsNearestFirst(u), decls);
  return out;
}

Result<std::vector<RuleView>> ListRules(Services& s, const RequestContext& ctx,
                                        std::optional<int> measure) {
  if (measure && (*measure < 1 || *measure > 21)) {
    return InvalidArgument("measure", "措施编号须为 1 到 21");
  }
  std::vector<RuleView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, CallerUnit(tx, ctx));
    for (const auto& m : RuleModules()) {
      for (const auto& rule : m.rules) {
        if (measure && rule.measure != *measure) continue;
        XA_ASSIGN_OR_RETURN(auto v, ViewOf(tx, m, rule, unit));
        out.push_back(std::move(v));
      }
    }
    return {};
  }));
  return out;
}

Result<RuleDetail> GetRule(Services& s, const RequestContext& ctx, const std::string& id) {
  const auto found = FindRegistered(id);
  if (!found.rule) return NotFound("没有规则 " + id);
  RuleDetail out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto unit, CallerUnit(tx, ctx));
    XA_ASSIGN_OR_RETURN(out.view, ViewOf(tx, *found.module, *found.rule, unit));
    if (unit && out.view.engine_values) {
      XA_ASSIGN_OR_RETURN(out.history, tx.rules().ParamSetsOf(id, UnitsNearestFirst(*unit)));
    }
    return {};
  }));
  return out;
}

Result<RuleDetail> SetRuleParameters(Services& s, const RequestContext& ctx, const std::string& id,
                                     std::optional<domain::UnitId> unit_id,
                                     const std::map<std::string, std::int64_t>& values,
                                     const std::string& note) {
  XA_TRY(RequirePermission(ctx, domain::perm::kRulesConfigure, "配置规则参数"));
  const auto found = FindRegistered(id);
  if (!found.rule) return NotFound("没有规则 " + id);
  const bool module_kept = static_cast<bool>(found.module->values);
  if (module_kept && !found.module->store_values) {
    return FailedPrecondition("rules.module_values",
                              "规则 " + id + " 的参数在 " + found.module->configure_path + " 配置");
  }
  std::vector<ErrorDetail> problems;
  const auto checked = rules::CheckValues(*found.rule, values, problems, "values.");
  if (note.size() > 1000) problems.push_back({"note", "长度不能超过 1000 个字节"});
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    domain::UnitId target = unit_id ? *unit_id : ctx.unit_id.value_or(0);
    if (module_kept) {
      // The module's values apply everywhere: set at the top unit, by whoever covers it.
      XA_ASSIGN_OR_RETURN(auto own, tx.org().FindUnit(ctx.unit_id.value_or(0)));
      if (!own) return domain::ValidationError({{"unit_id", "须以所在单位的身份配置"}});
      const auto top = UnitsNearestFirst(*own).back();
      if (unit_id && *unit_id != top) {
        return domain::ValidationError({{"unit_id", "该规则全区统一配置，不按单位设置"}});
      }
      target = top;
    }
    XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(target));
    if (!unit || !ctx.Covers(unit->path)) {
      return domain::ValidationError({{"unit_id", "单位不存在或不在您的管辖范围内"}});
    }
    if (module_kept) XA_TRY(found.module->store_values(s, tx, ctx, *found.rule, checked));
    rules::ParamSet set;
    set.unit_id = unit->id;
    set.rule_id = id;
    XA_ASSIGN_OR_RETURN(set.version, NextVersion(tx, id, unit->id));
    set.values = checked;
    set.note = note;
    set.changed_by = ctx.actor;
    set.changed_at = s.Now();
    XA_TRY(tx.rules().InsertParamSet(set));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "rules.configure", "rule", id,
                                     unit->name + " 将规则 " + id + " 的参数改为第 " +
                                         std::to_string(set.version) + " 版：" +
                                         rules::FormatParams(checked))));
    return {};
  }));
  return GetRule(s, ctx, id);
}

Status RecordModuleValues(Services& s, domain::Tx& tx, const RequestContext& ctx,
                          const rules::RuleDecl& rule, const rules::ParamValues& values,
                          const std::string& note) {
  if (!ctx.unit_id) return {};
  XA_ASSIGN_OR_RETURN(auto own, tx.org().FindUnit(*ctx.unit_id));
  if (!own) return {};
  const auto top = UnitsNearestFirst(*own).back();
  XA_ASSIGN_OR_RETURN(auto latest, tx.rules().LatestParamSets({rule.id}, {top}));
  const auto before = latest.empty() ? rules::Defaults(rule) : latest.front().values;
  if (before == values) return {};
  rules::ParamSet set;
  set.unit_id = top;
  set.rule_id = rule.id;
  XA_ASSIGN_OR_RETURN(set.version, NextVersion(tx, rule.id, top));
  set.values = values;
  set.note = note;
  set.changed_by = ctx.actor;
  set.changed_at = s.Now();
  return tx.rules().InsertParamSet(set);
}

Status EvaluateSchool(Services& s, domain::Tx& tx, domain::UnitId school_id, cal::Date day,
                      std::string_view module) {
  XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(school_id));
  if (!school) return {};
  XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
  const auto today = cal::ParseDate(Today(s)).value_or(day);
  return JudgeSchool(s, tx, *school, holidays, EngineRules(), day, today, module);
}

Status SaveRecordFinding(Services& s, domain::Tx& tx, const rules::RuleDecl& rule,
                         const InForce& in_force, const std::string& subject_type,
                         std::int64_t subject_id, domain::UnitId school_id,
                         const rules::Verdict& verdict) {
  return tx.rules().SaveFinding(
      FindingOf(s, rule, in_force, subject_type, subject_id, school_id, verdict));
}

Result<int> EvaluateSchools(Services& s, const RequestContext& ctx, cal::Date day) {
  XA_TRY(RequirePermission(ctx, domain::perm::kRulesConfigure, "重新判定规则"));
  const auto today = cal::ParseDate(Today(s)).value_or(day);
  const auto engine = EngineRules();
  // Schools in pages of 200, each page in one write.
  domain::SchoolFilter f;
  f.scope = ctx.Scope();
  f.page.page_size = 200;
  int judged = 0;
  for (f.page.page = 1;; ++f.page.page) {
    std::int64_t total = 0;
    XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
      XA_ASSIGN_OR_RETURN(auto page, tx.org().ListSchools(f));
      total = page.total;
      XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
      for (const auto& school : page.items) {
        XA_TRY(JudgeSchool(s, tx, school, holidays, engine, day, today));
        ++judged;
      }
      return {};
    }));
    if (static_cast<std::int64_t>(f.page.page) * f.page.page_size >= total) break;
  }
  return judged;
}

Result<int> EvaluateSchools(Services& s, const RequestContext& ctx,
                            const std::optional<std::string>& date) {
  XA_TRY(RequirePermission(ctx, domain::perm::kRulesConfigure, "重新判定规则"));
  XA_ASSIGN_OR_RETURN(const auto day, ParseDay(date, s, "date"));
  return EvaluateSchools(s, ctx, day);
}

Result<domain::PageResult<rules::Finding>> ListFindings(Services& s, const RequestContext& ctx,
                                                        FindingQuery q) {
  XA_TRY(RequirePermission(ctx, domain::perm::kRulesRead, "查看规则判定结果"));
  XA_ASSIGN_OR_RETURN(q.filter.rules, RulesOf(q));
  domain::PageResult<rules::Finding> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.rules().ListFindings(q.filter, ctx.Scope(), q.page));
    return {};
  }));
  return out;
}

Result<std::string> ExportFindings(Services& s, const RequestContext& ctx, FindingQuery q) {
  XA_TRY(RequirePermission(ctx, domain::perm::kRulesRead, "导出规则判定结果"));
  XA_ASSIGN_OR_RETURN(q.filter.rules, RulesOf(q));
  std::vector<office::Row> rows = {
      office::TextRow({"学校", "规则", "规则名称", "所属措施", "周期", "判定结果", "说明",
                       "截至期中", "规则版本", "参数版本", "参数", "判定时间"})};
  std::int64_t n = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    q.page.page_size = 500;
    for (q.page.page = 1;; ++q.page.page) {
      XA_ASSIGN_OR_RETURN(auto page, tx.rules().ListFindings(q.filter, ctx.Scope(), q.page));
      for (const auto& f : page.items) {
        const auto found = FindRegistered(f.rule_id);
        rows.push_back(
            office::TextRow({f.unit_name, f.rule_id, found.rule ? found.rule->title : "",
                             found.rule ? std::to_string(found.rule->measure) : "",
                             f.period_label.empty() ? "单条记录" : f.period_label,
                             std::string(rules::OutcomeLabel(f.outcome)), f.reason,
                             f.so_far ? "是" : "否", std::to_string(f.rule_version),
                             std::to_string(f.params_version), f.params, f.evaluated_at}));
        ++n;
      }
      if (static_cast<std::int64_t>(q.page.page) * q.page.page_size >= page.total) break;
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"规则判定结果", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "rules.export", "rule_finding", "*",
                                     "导出规则判定结果 " + std::to_string(n) + " 条")));
    return {};
  }));
  return bytes;
}

Result<RuleBoard> GetRuleBoard(Services& s, const RequestContext& ctx,
                               const std::optional<std::string>& module,
                               const std::optional<std::string>& date) {
  XA_TRY(RequirePermission(ctx, domain::perm::kRulesRead, "查看规则看板"));
  XA_ASSIGN_OR_RETURN(const auto day, ParseDay(date, s, "date"));
  bool known = !module;
  for (const auto& m : RuleModules()) known = known || m.module == *module;
  if (!known) return InvalidArgument("module", "没有这个模块的规则");
  RuleBoard out;
  out.date = cal::FormatDate(day);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    // Periods are read on the caller's calendar (a bureau's semesters).
    XA_ASSIGN_OR_RETURN(auto unit, CallerUnit(tx, ctx));
    SchoolCalendarData data;
    if (unit) {
      XA_ASSIGN_OR_RETURN(data, LoadSchoolCalendar(tx, *unit));
    }
    const cal::SchoolCalendar calendar(data.holidays, data.terms, data.exceptions);
    domain::SchoolFilter sf;
    sf.scope = ctx.Scope();
    sf.page.page_size = 1;
    XA_ASSIGN_OR_RETURN(auto schools, tx.org().ListSchools(sf));
    std::vector<std::string> ids;
    std::set<std::string> keys;
    for (const auto& m : RuleModules()) {
      if (!m.judge_school || (module && m.module != *module)) continue;
      for (const auto& r : m.rules) {
        if (r.subject != "school") continue;
        RuleBoardRow row;
        row.rule = &r;
        row.module = m.module;
        row.schools = schools.total;
        if (const auto p = rules::PeriodOf(r.period, day, calendar)) {
          row.periods.push_back(p->key);
          row.period_label = p->label;
        }
        // A monthly rule may judge some schools by quarter (kindergartens).
        if (r.period == rules::Period::kMonth) {
          row.periods.push_back(rules::PeriodKey(rules::Period::kQuarter, day, calendar));
        }
        ids.push_back(r.id);
        keys.insert(row.periods.begin(), row.periods.end());
        out.rows.push_back(std::move(row));
      }
    }
    const std::vector<std::string> periods(keys.begin(), keys.end());
    XA_ASSIGN_OR_RETURN(auto counts, tx.rules().CountFindings(ids, periods, ctx.Scope()));
    for (auto& row : out.rows) {
      std::int64_t judged = 0;
      for (const auto& c : counts) {
        if (c.rule_id != row.rule->id) continue;
        if (std::find(row.periods.begin(), row.periods.end(), c.period_key) == row.periods.end()) {
          continue;
        }
        row.counts[std::string(rules::OutcomeCode(c.outcome))] += c.count;
        judged += c.count;
      }
      row.unjudged = std::max<std::int64_t>(0, row.schools - judged);
    }
    rules::FindingFilter ff;
    ff.rules = ids;
    ff.period_keys = periods;
    ff.outcomes = {rules::Outcome::kFail, rules::Outcome::kDue};
    ff.subject_type = "school";
    domain::PageRequest page;
    page.page_size = 200;
    page.sort = "school";
    if (!ids.empty() && !periods.empty()) {
      XA_ASSIGN_OR_RETURN(auto failing, tx.rules().ListFindings(ff, ctx.Scope(), page));
      out.failing = std::move(failing.items);
    }
    return {};
  }));
  return out;
}

Result<PlanBoard> GetPlanBoard(Services& s, const RequestContext& ctx,
                               const std::optional<std::string>& date) {
  XA_ASSIGN_OR_RETURN(auto board, GetRuleBoard(s, ctx, std::nullopt, date));
  PlanBoard out;
  out.date = board.date;
  const auto day = cal::ParseDate(board.date);
  if (!day) return Internal("plan board without a day");
  out.plan_year = cal::YearOf(*day);
  YearPlanView view;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(view, YearPlanIn(tx, ctx, out.plan_year));
    return {};
  }));
  out.plan_loaded = view.loaded;
  out.plan_title = view.plan.title;
  out.plan_unit_name = view.unit_name;
  for (const auto& a : view.plan.actions) {
    PlanActionRow action{a.number, a.title, {}};
    for (const auto& m : a.measures) {
      PlanMeasureRow row;
      row.number = m.number;
      row.title = m.title;
      for (const auto& id : m.rules) {
        const auto* decl = FindRegisteredRule(id);
        if (!decl) continue;
        if (decl->subject != "school") {
          row.record_rules.push_back(decl);
          continue;
        }
        for (const auto& r : board.rows) {
          if (r.rule->id == decl->id) row.school_rules.push_back(r);
        }
      }
      action.measures.push_back(std::move(row));
    }
    out.actions.push_back(std::move(action));
  }
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    for (auto& a : out.actions) {
      for (auto& m : a.measures) {
        std::vector<std::string> ids;
        std::set<std::string> periods;
        for (const auto& r : m.school_rules) {
          ids.push_back(r.rule->id);
          periods.insert(r.periods.begin(), r.periods.end());
          out.schools = r.schools;
        }
        const std::vector<std::string> keys(periods.begin(), periods.end());
        XA_ASSIGN_OR_RETURN(
            m.schools_failing,
            tx.rules().CountSchoolsWith(ids, keys, {rules::Outcome::kDue, rules::Outcome::kFail},
                                        ctx.Scope()));
        XA_ASSIGN_OR_RETURN(m.schools_judged,
                            tx.rules().CountSchoolsWith(
                                ids, keys,
                                {rules::Outcome::kPass, rules::Outcome::kDue, rules::Outcome::kFail,
                                 rules::Outcome::kWarn, rules::Outcome::kNotApplicable},
                                ctx.Scope()));
      }
    }
    if (out.schools == 0) {
      domain::SchoolFilter sf;
      sf.scope = ctx.Scope();
      sf.page.page_size = 1;
      XA_ASSIGN_OR_RETURN(auto schools, tx.org().ListSchools(sf));
      out.schools = schools.total;
    }
    return {};
  }));
  return out;
}

Result<PlanTrend> GetPlanTrend(Services& s, const RequestContext& ctx, std::optional<int> year) {
  XA_TRY(RequirePermission(ctx, domain::perm::kRulesRead, "查看规范落实年看板"));
  const auto today = cal::ParseDate(Today(s));
  if (!today) return Internal("clock outside the calendar");
  const int this_year = cal::YearOf(*today);
  PlanTrend out;
  out.year = year.value_or(this_year);
  if (out.year < 2000 || out.year > this_year) {
    return InvalidArgument("year", "须为 2000 年到今年之间的年份");
  }
  const int last_month = out.year == this_year ? cal::MonthOf(*today) : 12;
  for (int m = 1; m <= last_month; ++m) {
    const std::chrono::year_month_day_last end{
        std::chrono::year{out.year},
        std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(m)}}};
    const cal::Date day = std::min(cal::Date{end}, *today);
    XA_ASSIGN_OR_RETURN(auto board, GetPlanBoard(s, ctx, cal::FormatDate(day)));
    PlanTrendMonth month{cal::MonthKey(day), board.date, board.schools, {}};
    for (const auto& a : board.actions) {
      for (const auto& row : a.measures) {
        month.measures.push_back({row.number, row.schools_failing, row.schools_judged});
      }
    }
    out.months.push_back(std::move(month));
  }
  return out;
}

}  // namespace xiaoan::app
