#include "app/hazards/hazards.hpp"

#include <algorithm>

#include "app/accounts/accounts.hpp"
#include "app/hazards/hazard_internal.hpp"
#include "app/org/org_use_cases.hpp"
#include "domain/hazard/hazard_rules.hpp"
#include "domain/org/org.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

namespace {

const char* PermissionFor(hz::Action a) {
  switch (a) {
    case hz::Action::kAssign:
      return domain::perm::kHazardAssign;
    case hz::Action::kStartRectifying:
    case hz::Action::kSubmit:
      return domain::perm::kHazardRectify;
    case hz::Action::kApprove:
    case hz::Action::kReject:
      return domain::perm::kHazardVerify;
    case hz::Action::kClose:
      return domain::perm::kHazardClose;
    case hz::Action::kReopen:
      return domain::perm::kHazardReopen;
  }
  return domain::perm::kHazardAssign;
}

void CheckText(std::vector<ErrorDetail>& out, const char* field, const std::string& v,
               std::size_t max, bool required) {
  if (required && v.empty()) out.push_back({field, "不能为空"});
  if (v.size() > max) out.push_back({field, "不能超过 " + std::to_string(max) + " 个字节"});
}

void CheckFive(std::vector<ErrorDetail>& out, const hz::FiveInPlace& f) {
  CheckText(out, "five.measures", f.measures, 4000, false);
  CheckText(out, "five.responsible", f.responsible, 100, false);
  CheckText(out, "five.funds", f.funds, 200, false);
  CheckText(out, "five.deadline", f.deadline, 100, false);
  CheckText(out, "five.contingency_plan", f.contingency_plan, 4000, false);
}

// The content a signature covers: the step and what it decided.
std::string SignedContent(const hz::Hazard& h, const TransitionInput& in,
                          const std::vector<domain::StoredFile>& files) {
  std::string c = "hazard=" + std::to_string(h.id) + "\naction=" + in.action +
                  "\nstate=" + std::string(hz::StateCode(h.state)) + "\ntitle=" + h.title +
                  "\nowner=" + in.owner + "\ndeadline=" + in.deadline.value_or("") +
                  "\nreason=" + in.reason + "\nnote=" + in.note;
  for (const auto& f : files) c += "\nfile=" + f.sha256;
  return c;
}

}  // namespace

namespace hazard_internal {

Result<hz::Hazard> LoadInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto h, tx.hazards().Find(id, ctx.Scope()));
  if (!h) return NotFound("隐患不存在或不在您的管辖范围内");
  return *h;
}

// Files named by a step: uploaded by the actor, not yet attached to anything.
Status AttachAll(domain::Tx& tx, const std::vector<domain::StoredFile>& files,
                 std::int64_t hazard_id, std::int64_t event_id) {
  XA_TRY(AttachFiles(tx, files, "hazard", hazard_id));
  for (const auto& f : files) XA_TRY(tx.hazards().AttachFile(f.id, hazard_id, event_id));
  return {};
}

Result<HazardDetail> Detail(Services& s, const RequestContext& ctx, domain::Tx& tx,
                            const hz::Hazard& h) {
  HazardDetail d;
  d.hazard = h;
  XA_ASSIGN_OR_RETURN(auto timeline, tx.hazards().Timeline(h.id));
  d.events = std::move(timeline.events);
  d.files = std::move(timeline.files);
  XA_ASSIGN_OR_RETURN(d.escalations, tx.hazards().Escalations(h.id));
  XA_ASSIGN_OR_RETURN(
      d.signatures, tx.users().SignaturesOf("hazard", std::to_string(h.id), domain::ScopeFilter{}));
  for (auto a : hz::ActionsFrom(h.state)) {
    if (!ctx.Can(PermissionFor(a))) continue;
    // The rectifier does not get the verification buttons on their own work.
    if ((a == hz::Action::kApprove || a == hz::Action::kReject) && ctx.principal &&
        ctx.actor == h.rectifier) {
      continue;
    }
    d.actions.emplace_back(hz::ActionCode(a));
  }
  XA_ASSIGN_OR_RETURN(auto rules, LoadRules(tx));
  d.default_deadline_days = hz::DefaultDeadlineDays(rules.deadlines, h.level == "major", h.domain);
  d.days_overdue = h.state == hz::State::kClosed ? 0 : hz::DaysOverdue(h.deadline, s.clock.Now());
  std::vector<std::string> people = {h.found_by, h.owner, h.rectifier};
  for (const auto& e : d.events) people.push_back(e.actor);
  XA_ASSIGN_OR_RETURN(d.names, DisplayNames(tx, people));
  return d;
}

}  // namespace hazard_internal

using namespace hazard_internal;

Result<domain::hazard::Hazard> ReportHazardIn(Services& s, const RequestContext& ctx,
                                              domain::Tx& tx, HazardInput in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardReport));
  std::vector<ErrorDetail> problems;
  if (in.school_id <= 0) problems.push_back({"school_id", "请选择学校"});
  if (!domain::HasCode(hz::Domains(), in.domain)) {
    problems.push_back({"domain", "取值须为：" + domain::JoinLabels(hz::Domains())});
  }
  if (!domain::HasCode(hz::Levels(), in.level)) {
    problems.push_back({"level", "取值须为：" + domain::JoinLabels(hz::Levels())});
  }
  if (!domain::HasCode(hz::Sources(), in.source)) {
    problems.push_back({"source", "取值须为：" + domain::JoinLabels(hz::Sources())});
  }
  CheckText(problems, "title", in.title, 200, true);
  CheckText(problems, "description", in.description, 4000, false);
  CheckText(problems, "responsible", in.responsible, 100, false);
  CheckText(problems, "interim_measures", in.interim_measures, 4000, false);
  CheckFive(problems, in.five);
  Instant found = s.clock.Now();
  if (in.found_at && !ParseInstant(*in.found_at, found)) {
    problems.push_back({"found_at", "须为 ISO 8601 时间，如 2026-11-30T08:00:00Z"});
  }
  if (std::string problem = hz::FoundAtProblem(found, s.clock.Now()); !problem.empty()) {
    problems.push_back({"found_at", problem});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));

  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(in.school_id));
  if (!unit || unit->kind != "school" || !ctx.Covers(unit->path)) {
    return domain::ValidationError({{"school_id", "学校不存在或不在您的管辖范围内"}});
  }
  XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(in.school_id));
  hz::Hazard h;
  h.school_id = in.school_id;
  if (in.building_id) {
    const auto it = std::find_if(school->buildings.begin(), school->buildings.end(),
                                 [&](const auto& b) { return b.id == *in.building_id; });
    if (it == school->buildings.end()) {
      return domain::ValidationError({{"building_id", "该学校没有这栋建筑"}});
    }
    h.building_id = in.building_id;
    h.place = it->name;
  }
  if (in.key_place_id) {
    const auto it = std::find_if(school->key_places.begin(), school->key_places.end(),
                                 [&](const auto& p) { return p.id == *in.key_place_id; });
    if (it == school->key_places.end()) {
      return domain::ValidationError({{"key_place_id", "该学校没有这个重点部位"}});
    }
    h.key_place_id = in.key_place_id;
    h.place = h.place.empty() ? it->name : h.place + " " + it->name;
  }
  XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, in.file_ids));
  for (const auto& f : in.copies) {
    domain::StoredFile copy = f;
    copy.id = 0;
    copy.subject_type.reset();
    copy.subject_id.reset();
    XA_TRY(tx.files().Insert(copy));
    files.push_back(std::move(copy));
  }
  const std::string now = s.Now();
  h.domain = in.domain;
  h.level = in.level;
  h.title = in.title;
  h.description = in.description;
  h.found_at = FormatInstant(found);
  h.found_by = ctx.actor;
  h.source = in.source;
  h.campaign_id = in.campaign_id;
  h.origin_type = in.origin_type;
  h.origin_id = in.origin_id;
  h.responsible = in.responsible;
  h.interim_measures = in.interim_measures;
  h.five = in.five;
  h.state = hz::State::kReported;
  XA_ASSIGN_OR_RETURN(auto rules, LoadRules(tx));
  h.deadline = hz::AddDays(hz::ChinaDate(found),
                           hz::DefaultDeadlineDays(rules.deadlines, h.level == "major", h.domain));
  h.created_at = now;
  h.updated_at = now;
  XA_TRY(tx.hazards().Insert(h));
  h.school_name = unit->name;
  h.school_path = unit->path;
  hz::HazardEvent e;
  e.hazard_id = h.id;
  e.at = now;
  e.actor = ctx.actor;
  e.action = "report";
  e.to_state = hz::StateCode(h.state);
  e.note = in.description;
  XA_TRY(tx.hazards().InsertEvent(e));
  XA_TRY(AttachAll(tx, files, h.id, e.id));
  XA_TRY(AppendAudit(tx, AuditOf(s, ctx, "hazard.report", "hazard", std::to_string(h.id),
                                 "上报隐患：" + unit->name + " " + h.title + "（" +
                                     std::string(domain::LabelOf(hz::Levels(), h.level)) + "）")));
  XA_TRY(Escalate(s, tx, h));
  return h;
}

Result<HazardDetail> ReportHazard(Services& s, const RequestContext& ctx, HazardInput in) {
  HazardDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto h, ReportHazardIn(s, ctx, tx, std::move(in)));
    XA_ASSIGN_OR_RETURN(auto fresh, LoadInScope(tx, RequestContext{}, h.id));
    XA_ASSIGN_OR_RETURN(out, Detail(s, ctx, tx, fresh));
    return {};
  }));
  return out;
}

FileSubject HazardFileSubject() {
  return {"hazard", [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            if (!ctx.Can(domain::perm::kHazardRead)) return NotFound("隐患不存在");
            XA_TRY(LoadInScope(tx, ctx, id));
            return {};
          }};
}

namespace {

// The rule set's numbers by the keys its rules declare (the per-domain deadlines aside).
domain::rules::ParamValues ParamValuesOf(const hz::RuleSet& rules) {
  const auto& d = rules.deadlines;
  const auto& e = rules.escalation;
  return {{"general_days", d.general_days},
          {"major_days", d.major_days},
          {"overdue_leader_days", e.overdue_leader_days},
          {"overdue_bureau_days", e.overdue_bureau_days},
          {"missed_window_days", e.missed_window_days},
          {"repeat_window_days", e.repeat_window_days},
          {"rework_threshold", e.rework_threshold}};
}

}  // namespace

RuleModule HazardRuleModule() {
  return {
      "hazard",
      hz::RuleDecls(),
      [](domain::Tx& tx) -> Result<domain::rules::ParamValues> {
        XA_ASSIGN_OR_RETURN(auto rules, LoadRules(tx));
        return ParamValuesOf(rules);
      },
      "/api/v1/hazard-rules",
      {},
      [](Services& s, domain::Tx& tx, const RequestContext& ctx,
         const domain::rules::RuleDecl& rule, const domain::rules::ParamValues& values) -> Status {
        XA_TRY(RequirePermission(ctx, domain::perm::kHazardConfigure, "配置隐患规则"));
        XA_ASSIGN_OR_RETURN(auto settings, tx.hazards().RuleSettings());
        auto stored = hz::SettingsOf(hz::RulesFromSettings(settings));
        for (auto& [key, text] : stored) {
          if (const auto it = values.find(key); it != values.end()) {
            text = std::to_string(it->second);
          }
        }
        std::vector<ErrorDetail> problems;
        hz::RulesFromSettings(stored, &problems);
        for (auto& p : problems) p.field = "values." + p.field;
        if (!problems.empty()) return domain::ValidationError(std::move(problems));
        XA_TRY(tx.hazards().ReplaceRuleSettings(stored, s.Now(), ctx.actor));
        return AppendAudit(tx, AuditOf(s, ctx, "hazard.rules", "hazard_rules", rule.id,
                                       "通过规则目录修改隐患规则 " + rule.id + "：" +
                                           domain::rules::FormatParams(values)));
      }};
}

Result<HazardDetail> GetHazard(Services& s, const RequestContext& ctx, std::int64_t id) {
  HazardDetail out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto h, LoadInScope(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, Detail(s, ctx, tx, h));
    return {};
  }));
  return out;
}

Result<domain::PageResult<hz::Hazard>> ListHazards(Services& s, const RequestContext& ctx,
                                                   const hz::HazardFilter& filter,
                                                   const domain::PageRequest& page) {
  static const std::vector<std::string> kSort = {"found_at", "deadline", "level",
                                                 "state",    "school",   "updated_at"};
  XA_TRY(CheckPage(page, kSort));
  domain::PageResult<hz::Hazard> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.hazards().List(filter, ctx.Scope(), page));
    return {};
  }));
  return out;
}

Result<HazardPage> ListHazardPage(Services& s, const RequestContext& ctx,
                                  const hz::HazardFilter& filter, const domain::PageRequest& page) {
  static const std::vector<std::string> kSort = {"found_at", "deadline", "level",
                                                 "state",    "school",   "updated_at"};
  XA_TRY(CheckPage(page, kSort));
  HazardPage out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out.page, tx.hazards().List(filter, ctx.Scope(), page));
    std::vector<std::string> people;
    for (const auto& h : out.page.items) {
      people.push_back(h.found_by);
      people.push_back(h.owner);
    }
    XA_ASSIGN_OR_RETURN(out.names, DisplayNames(tx, people));
    return {};
  }));
  return out;
}

Result<HazardDetail> EditHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                const HazardEdit& edit) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardAssign));
  std::vector<ErrorDetail> problems;
  if (edit.title) CheckText(problems, "title", *edit.title, 200, true);
  if (edit.description) CheckText(problems, "description", *edit.description, 4000, false);
  if (edit.responsible) CheckText(problems, "responsible", *edit.responsible, 100, false);
  if (edit.interim_measures) {
    CheckText(problems, "interim_measures", *edit.interim_measures, 4000, false);
  }
  if (edit.five) CheckFive(problems, *edit.five);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  HazardDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto h, LoadInScope(tx, ctx, id));
    if (h.state == hz::State::kClosed) {
      return FailedPrecondition("hazard.workflow", "已销号的隐患不能修改");
    }
    std::string changed;
    const auto set = [&changed](std::string& field, const std::optional<std::string>& v,
                                const char* label) {
      if (v && *v != field) {
        field = *v;
        changed += changed.empty() ? label : std::string("、") + label;
      }
    };
    set(h.title, edit.title, "标题");
    set(h.description, edit.description, "描述");
    set(h.responsible, edit.responsible, "责任人");
    set(h.interim_measures, edit.interim_measures, "临时措施");
    if (edit.five) {
      set(h.five.measures, edit.five->measures, "五落实·措施");
      set(h.five.responsible, edit.five->responsible, "五落实·责任人");
      set(h.five.funds, edit.five->funds, "五落实·资金");
      set(h.five.deadline, edit.five->deadline, "五落实·时限");
      set(h.five.contingency_plan, edit.five->contingency_plan, "五落实·预案");
    }
    if (!changed.empty()) {
      h.updated_at = s.Now();
      XA_TRY(tx.hazards().Update(h));
      hz::HazardEvent e;
      e.hazard_id = h.id;
      e.at = h.updated_at;
      e.actor = ctx.actor;
      e.action = "edit";
      e.from_state = hz::StateCode(h.state);
      e.to_state = hz::StateCode(h.state);
      e.note = "修改：" + changed;
      XA_TRY(tx.hazards().InsertEvent(e));
      XA_TRY(
          AppendAudit(tx, AuditOf(s, ctx, "hazard.edit", "hazard", std::to_string(h.id), e.note)));
    }
    XA_ASSIGN_OR_RETURN(out, Detail(s, ctx, tx, h));
    return {};
  }));
  return out;
}

Result<HazardDetail> TransitionHazard(Services& s, const RequestContext& ctx, std::int64_t id,
                                      const TransitionInput& in) {
  const auto action = hz::ActionFromCode(in.action);
  if (!action) {
    return domain::ValidationError(
        {{"action", "取值须为：assign、start_rectifying、submit、approve、reject、close、reopen"}});
  }
  XA_TRY(RequirePermission(ctx, PermissionFor(*action)));
  std::vector<ErrorDetail> problems;
  CheckText(problems, "reason", in.reason, 2000, false);
  CheckText(problems, "note", in.note, 4000, false);
  if (in.deadline && !hz::ValidDate(*in.deadline)) {
    problems.push_back({"deadline", "须为日期 YYYY-MM-DD"});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  // A hazard outside the caller's scope reads as missing before anything else is checked.
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_TRY(LoadInScope(tx, ctx, id));
    return {};
  }));
  // The signer's password or code is checked before the write transaction (about 0.2 s).
  XA_ASSIGN_OR_RETURN(auto signer, VerifySigner(s, ctx, in.password, in.totp));

  HazardDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto h, LoadInScope(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, in.file_ids));
    const auto now_instant = s.clock.Now();
    hz::StepFacts f;
    f.state = h.state;
    f.major = h.level == "major";
    f.five = h.five;
    f.rectifier = h.rectifier;
    f.actor = ctx.actor;
    f.evidence_count = static_cast<int>(files.size());
    f.owner = in.owner;
    f.deadline = in.deadline;
    f.reason = in.reason;
    if (*action == hz::Action::kAssign) {
      if (!in.owner.empty()) {
        XA_ASSIGN_OR_RETURN(auto owner, tx.users().FindByUsername(in.owner));
        if (!owner || owner->status != "active" || owner->unit_id != h.school_id) {
          return domain::ValidationError({{"owner", "整改责任人须为本校的在用账号"}});
        }
      }
      XA_ASSIGN_OR_RETURN(auto rules, LoadRules(tx));
      const auto by_default = hz::AddDays(
          hz::ChinaDate(now_instant), hz::DefaultDeadlineDays(rules.deadlines, f.major, h.domain));
      f.deadline_beyond_default = in.deadline && by_default && *in.deadline > *by_default;
      if (in.deadline && *in.deadline < hz::ChinaDate(now_instant)) {
        return domain::ValidationError({{"deadline", "整改期限不能早于今天"}});
      }
    }
    XA_ASSIGN_OR_RETURN(auto outcome, hz::Step(f, *action));

    domain::Signature sig;
    SignRequest sr;
    sr.object_type = "hazard";
    sr.object_id = std::to_string(h.id);
    sr.step = in.action;
    sr.content = SignedContent(h, in, files);
    XA_ASSIGN_OR_RETURN(sig, SignInTx(s, ctx, tx, sr, signer));

    const hz::State from = h.state;
    const std::string now = s.Now();
    h.state = outcome.to;
    h.updated_at = now;
    if (outcome.counts_rework) ++h.rework_count;
    if (outcome.counts_reopen) {
      ++h.reopen_count;
      h.closed_at.reset();
    }
    switch (*action) {
      case hz::Action::kAssign:
        h.owner = in.owner;
        h.deadline = in.deadline;
        h.deadline_reason = in.reason;
        break;
      case hz::Action::kSubmit:
        h.rectifier = ctx.actor;
        break;
      case hz::Action::kClose:
        h.closed_at = now;
        break;
      default:
        break;
    }
    XA_TRY(tx.hazards().Update(h));
    hz::HazardEvent e;
    e.hazard_id = h.id;
    e.at = now;
    e.actor = ctx.actor;
    e.action = in.action;
    e.from_state = hz::StateCode(from);
    e.to_state = hz::StateCode(h.state);
    e.note =
        in.reason.empty() ? in.note : (in.note.empty() ? in.reason : in.reason + "；" + in.note);
    if (*action == hz::Action::kAssign) {
      e.note = "责任人 " + in.owner + "，期限 " + in.deadline.value_or("") +
               (in.reason.empty() ? "" : "；" + in.reason);
    }
    e.signature_id = sig.id;
    XA_TRY(tx.hazards().InsertEvent(e));
    XA_TRY(AttachAll(tx, files, h.id, e.id));
    XA_TRY(AppendAudit(
        tx, AuditOf(s, ctx, "hazard." + in.action, "hazard", std::to_string(h.id),
                    std::string(domain::LabelOf(hz::States(), hz::StateCode(from))) + " → " +
                        std::string(domain::LabelOf(hz::States(), hz::StateCode(h.state))) + "：" +
                        h.title)));
    XA_TRY(NotifyStep(s, tx, h, *action, ctx.actor));
    XA_TRY(Escalate(s, tx, h));
    XA_ASSIGN_OR_RETURN(auto fresh, LoadInScope(tx, RequestContext{}, h.id));
    XA_ASSIGN_OR_RETURN(out, Detail(s, ctx, tx, fresh));
    return {};
  }));
  return out;
}

Status CloseHazardByRule(Services& s, domain::Tx& tx, std::int64_t hazard_id,
                         const std::string& reason) {
  XA_ASSIGN_OR_RETURN(auto found, tx.hazards().Find(hazard_id, domain::ScopeFilter{}));
  if (!found || found->state == hz::State::kClosed) return {};
  auto h = std::move(*found);
  const hz::State from = h.state;
  const std::string now = s.Now();
  h.state = hz::State::kClosed;
  h.closed_at = now;
  h.updated_at = now;
  XA_TRY(tx.hazards().Update(h));
  hz::HazardEvent e;
  e.hazard_id = h.id;
  e.at = now;
  e.actor = "rules-engine";
  e.action = "rule_close";
  e.from_state = hz::StateCode(from);
  e.to_state = hz::StateCode(h.state);
  e.note = reason;
  XA_TRY(tx.hazards().InsertEvent(e));
  RequestContext engine;
  engine.actor = "rules-engine";
  XA_TRY(AppendAudit(tx, AuditOf(s, engine, "hazard.rule_close", "hazard", std::to_string(h.id),
                                 std::string(domain::LabelOf(hz::States(), hz::StateCode(from))) +
                                     " → 已销号（规则复核达标）：" + h.title)));
  XA_ASSIGN_OR_RETURN(auto users,
                      Recipients(tx, h.school_id, {"school_leader", "school_safety_officer"}));
  return Notify(
      s, tx, users,
      {"hazard_rule_closed", "隐患已复核销号：" + h.title, reason, "hazard", std::to_string(h.id)});
}

Result<hz::RuleSet> GetHazardRules(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardRead));
  hz::RuleSet rules;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(rules, LoadRules(tx));
    return {};
  }));
  return rules;
}

Result<hz::RuleSet> UpdateHazardRules(
    Services& s, const RequestContext& ctx,
    const std::vector<std::pair<std::string, std::string>>& settings) {
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardConfigure));
  std::vector<ErrorDetail> problems;
  const auto rules = hz::RulesFromSettings(settings, &problems);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    const auto stored = hz::SettingsOf(rules);
    XA_TRY(tx.hazards().ReplaceRuleSettings(stored, s.Now(), ctx.actor));
    // Each rule whose values changed gets a new version in the rules engine.
    const auto values = ParamValuesOf(rules);
    for (const auto& rule : hz::RuleDecls()) {
      domain::rules::ParamValues own;
      for (const auto& p : rule.params) own[p.key] = values.at(p.key);
      XA_TRY(RecordModuleValues(s, tx, ctx, rule, own, "在隐患规则页修改"));
    }
    std::string summary;
    for (const auto& [k, v] : stored) summary += (summary.empty() ? "" : "，") + k + "=" + v;
    return AppendAudit(
        tx, AuditOf(s, ctx, "hazard.rules", "hazard_rules", "*", "修改隐患规则：" + summary));
  }));
  return rules;
}

}  // namespace xiaoan::app
