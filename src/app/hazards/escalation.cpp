// Escalation (督办) and notifications for the hazard ledger.
#include <algorithm>
#include <map>
#include <set>

#include "app/hazards/hazard_internal.hpp"
#include "app/platform/platform.hpp"
#include "core/strings.hpp"
#include "domain/hazard/hazard_rules.hpp"

namespace xiaoan::app {

namespace hz = domain::hazard;

namespace hazard_internal {

namespace {

constexpr int kOrderReplyDays = 7;

Result<std::vector<std::int64_t>> Recipients(domain::Tx& tx, const hz::Hazard& h,
                                             hz::Target target) {
  std::vector<std::int64_t> ids;
  switch (target) {
    case hz::Target::kOwner: {
      if (!h.owner.empty()) {
        XA_ASSIGN_OR_RETURN(auto owner, tx.users().FindByUsername(h.owner));
        if (owner) ids.push_back(owner->id);
      }
      if (ids.empty()) {
        XA_ASSIGN_OR_RETURN(ids,
                            tx.notifications().UsersWithRole(h.school_id, "school_safety_officer"));
      }
      break;
    }
    case hz::Target::kSchoolLeader: {
      XA_ASSIGN_OR_RETURN(ids, tx.notifications().UsersWithRole(h.school_id, "school_leader"));
      break;
    }
    case hz::Target::kBureau: {
      XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(h.school_id));
      if (school && school->parent_id) {
        XA_ASSIGN_OR_RETURN(
            ids, tx.notifications().UsersWithRole(*school->parent_id, "bureau_safety_office"));
      }
      break;
    }
  }
  return ids;
}

// A notification about the hazard, opened from the bell.
Status Notify(Services& s, domain::Tx& tx, const std::vector<std::int64_t>& users,
              const std::string& kind, const std::string& title, const std::string& body,
              const hz::Hazard& h, const std::string& except_username = {}) {
  return app::Notify(s, tx, users, {kind, title, body, "hazard", std::to_string(h.id)},
                     except_username);
}

}  // namespace

Status AppendAudit(domain::Tx& tx, const domain::AuditEntry& entry) {
  XA_ASSIGN_OR_RETURN(auto record, tx.audit().Append(entry));
  (void)record;
  return {};
}

Status NotifyStep(Services& s, domain::Tx& tx, const hz::Hazard& h, hz::Action action,
                  const std::string& actor) {
  const std::string subject = "【" + h.school_name + "】" + h.title;
  switch (action) {
    case hz::Action::kAssign: {
      XA_ASSIGN_OR_RETURN(auto ids, Recipients(tx, h, hz::Target::kOwner));
      return Notify(s, tx, ids, "assigned",
                    "隐患已交办给您，请于 " + h.deadline.value_or("") + " 前完成整改", subject, h);
    }
    case hz::Action::kSubmit: {
      XA_ASSIGN_OR_RETURN(auto leaders,
                          tx.notifications().UsersWithRole(h.school_id, "school_leader"));
      XA_ASSIGN_OR_RETURN(auto officers,
                          tx.notifications().UsersWithRole(h.school_id, "school_safety_officer"));
      leaders.insert(leaders.end(), officers.begin(), officers.end());
      return Notify(s, tx, leaders, "submitted", "隐患整改已提交，待验收", subject, h, actor);
    }
    case hz::Action::kReject: {
      XA_ASSIGN_OR_RETURN(auto rectifier, tx.users().FindByUsername(h.rectifier));
      std::vector<std::int64_t> ids;
      if (rectifier) ids.push_back(rectifier->id);
      return Notify(s, tx, ids, "rejected",
                    "整改验收未通过（第 " + std::to_string(h.rework_count) + " 次），请继续整改",
                    subject, h);
    }
    case hz::Action::kApprove: {
      XA_ASSIGN_OR_RETURN(auto leaders,
                          tx.notifications().UsersWithRole(h.school_id, "school_leader"));
      return Notify(s, tx, leaders, "verified", "隐患已验收，待学校领导签字销号", subject, h);
    }
    case hz::Action::kReopen: {
      XA_ASSIGN_OR_RETURN(auto ids, Recipients(tx, h, hz::Target::kOwner));
      XA_ASSIGN_OR_RETURN(auto leaders,
                          tx.notifications().UsersWithRole(h.school_id, "school_leader"));
      ids.insert(ids.end(), leaders.begin(), leaders.end());
      return Notify(s, tx, ids, "reopened", "已销号的隐患被教育局重新打开，请继续整改", subject, h);
    }
    default:
      return {};
  }
}

Result<hz::RuleSet> LoadRules(domain::Tx& tx) {
  XA_ASSIGN_OR_RETURN(auto settings, tx.hazards().RuleSettings());
  // Stored settings were validated when saved; anything unreadable keeps its default.
  return hz::RulesFromSettings(settings);
}

// The version of each hazard rule's values in force for the hazard's school: those recorded at
// the top unit of its path, where the ledger's values are kept (absent: the defaults, 0).
Result<std::map<std::string, int>> RuleVersions(domain::Tx& tx, const hz::Hazard& h) {
  std::map<std::string, int> out;
  const auto first = h.school_path.find_first_of("0123456789");
  if (first == std::string::npos) return out;
  const auto top = ParseInt(h.school_path.substr(first, h.school_path.find('/', first) - first));
  if (!top) return out;
  std::vector<std::string> ids;
  for (const auto& r : hz::RuleDecls()) ids.push_back(r.id);
  XA_ASSIGN_OR_RETURN(auto sets, tx.rules().LatestParamSets(ids, {*top}));
  for (const auto& set : sets) out[set.rule_id] = set.version;
  return out;
}

Status Escalate(Services& s, domain::Tx& tx, hz::Hazard& h, const hz::RuleSet* loaded) {
  if (h.state == hz::State::kClosed) return {};
  hz::RuleSet rule_set;
  if (loaded == nullptr) {
    XA_ASSIGN_OR_RETURN(rule_set, LoadRules(tx));
    loaded = &rule_set;
  }
  const hz::EscalationRules& rules = loaded->escalation;
  Instant found;
  if (!ParseInstant(h.found_at, found)) found = s.clock.Now();
  hz::EscalationInputs in;
  // Only an inspection by the bureau or the city can reveal a missed self-inspection, and only
  // records of the same domain matter to either rule: the queries ask for no more.
  if (h.source == "bureau_inspection" || h.source == "city_inspection") {
    XA_ASSIGN_OR_RETURN(
        auto checks,
        tx.hazards().PassedSelfInspections(
            h.school_id, h.domain,
            FormatInstant(found - std::chrono::days{rules.missed_window_days}), h.campaign_id));
    for (const auto& c : checks) {
      Instant at;
      if (!ParseInstant(c.checked_at, at)) continue;
      in.self_checks.push_back({c.key_place_id, c.domain, at, c.campaign_id});
    }
  }
  XA_ASSIGN_OR_RETURN(
      auto closed,
      tx.hazards().ClosedSince(h.school_id, h.domain,
                               FormatInstant(found - std::chrono::days{rules.repeat_window_days})));
  for (const auto& c : closed) {
    Instant at;
    if (!c.closed_at || !ParseInstant(*c.closed_at, at)) continue;
    in.closed_before.push_back({c.id, c.key_place_id, c.domain, at});
  }
  hz::HazardSnapshot snap;
  snap.id = h.id;
  snap.state = h.state;
  snap.major = h.level == "major";
  snap.domain = h.domain;
  snap.source = h.source;
  snap.key_place_id = h.key_place_id;
  snap.campaign_id = h.campaign_id;
  snap.found_at = found;
  snap.deadline = h.deadline;
  snap.rework_count = h.rework_count;
  const auto fired_now = hz::Evaluate(snap, in, s.clock.Now(), rules);
  if (fired_now.empty()) return {};

  XA_ASSIGN_OR_RETURN(auto before, tx.hazards().Escalations(h.id));
  XA_ASSIGN_OR_RETURN(const auto versions, RuleVersions(tx, h));
  std::set<std::string> fired;
  for (const auto& e : before) fired.insert(e.rule);
  bool supervised = h.supervised;
  const std::string now = s.Now();
  const std::string subject = "【" + h.school_name + "】" + h.title;
  for (const auto& esc : fired_now) {
    if (fired.count(esc.rule)) continue;
    hz::EscalationRecord rec;
    rec.hazard_id = h.id;
    rec.rule = esc.rule;
    rec.target = std::string(hz::TargetCode(esc.target));
    rec.supervision = esc.supervision;
    rec.reason = esc.reason;
    rec.fired_at = now;
    // hazard.overdue.leader is decided by the values of the engine's rule hazard.overdue.
    const auto engine_rule = esc.rule.substr(0, esc.rule.find('.', std::string("hazard.").size()));
    if (const auto v = versions.find(engine_rule); v != versions.end()) {
      rec.rule_version = v->second;
    }
    XA_TRY(tx.hazards().InsertEscalation(rec));
    hz::HazardEvent e;
    e.hazard_id = h.id;
    e.at = now;
    e.actor = "system";
    e.action = "escalate";
    e.from_state = hz::StateCode(h.state);
    e.to_state = hz::StateCode(h.state);
    e.note = esc.rule + "：" + esc.reason;
    XA_TRY(tx.hazards().InsertEvent(e));
    XA_ASSIGN_OR_RETURN(auto users, Recipients(tx, h, esc.target));
    XA_TRY(Notify(s, tx, users, esc.supervision ? "supervision" : "overdue",
                  (esc.supervision ? "隐患督办：" : "隐患提醒：") + esc.reason, subject, h));
    if (esc.supervision) {
      domain::SupervisionOrder o;
      o.subject_type = "hazard";
      o.subject_id = h.id;
      o.subject_title = h.title;
      o.school_id = h.school_id;
      o.rule = esc.rule;
      o.reason = esc.reason;
      o.deadline = hz::AddDays(hz::ChinaDate(s.clock.Now()), kOrderReplyDays).value_or("");
      XA_TRY(RaiseSupervisionOrder(s, tx, o));
      supervised = true;
    }
    domain::AuditEntry a;
    a.at = now;
    a.actor = "system";
    a.action = "hazard.escalate";
    a.object_type = "hazard";
    a.object_id = std::to_string(h.id);
    a.result = "ok";
    a.source = "rules";
    a.summary = esc.rule + "：" + esc.reason;
    XA_TRY(AppendAudit(tx, a));
  }
  if (supervised != h.supervised) {
    h.supervised = supervised;
    h.updated_at = now;
    XA_TRY(tx.hazards().Update(h));
  }
  return {};
}

}  // namespace hazard_internal

Result<int> RunHazardEscalations(Services& s) {
  std::vector<std::int64_t> ids;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(ids, tx.hazards().OpenIds());
    return {};
  }));
  int fired = 0;
  // A few hundred hazards per transaction: a city has tens of thousands open, and one commit
  // each would take minutes of fsyncs.
  constexpr std::size_t kPerTransaction = 200;
  for (std::size_t from = 0; from < ids.size(); from += kPerTransaction) {
    const std::size_t to = std::min(ids.size(), from + kPerTransaction);
    int fired_here = 0;
    XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
      fired_here = 0;
      XA_ASSIGN_OR_RETURN(auto rules, hazard_internal::LoadRules(tx));
      for (std::size_t i = from; i < to; ++i) {
        XA_ASSIGN_OR_RETURN(auto h, tx.hazards().Find(ids[i], domain::ScopeFilter{}));
        if (!h) continue;
        XA_ASSIGN_OR_RETURN(auto before, tx.hazards().Escalations(ids[i]));
        XA_TRY(hazard_internal::Escalate(s, tx, *h, &rules));
        XA_ASSIGN_OR_RETURN(auto after, tx.hazards().Escalations(ids[i]));
        fired_here += static_cast<int>(after.size() - before.size());
      }
      return {};
    }));
    fired += fired_here;
  }
  return fired;
}

}  // namespace xiaoan::app
