// Screening rounds (逐校筛查, measure 4): the bureau opens a round over its schools, each school is
// screened once with evidence per indicator, every failed indicator becomes a hazard that the
// security rules close when the school meets the indicator again (docs/screening.md).
#include <algorithm>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/hazards/hazards.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/security/security.hpp"
#include "app/security/security_internal.hpp"
#include "domain/auth/auth.hpp"
#include "domain/hazard/hazard.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace sec = domain::security;
namespace rules = domain::rules;
namespace cal = domain::calendar;
using namespace security_internal;

namespace {

constexpr const char* kSubject = "security_screening";

Result<sec::Round> RoundInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id,
                                std::vector<std::pair<std::int64_t, std::string>>* schools) {
  XA_ASSIGN_OR_RETURN(auto round, tx.security().FindRound(id));
  if (!round) return NotFound("筛查轮次不存在");
  XA_ASSIGN_OR_RETURN(auto in_scope, tx.security().RoundSchools(id, ctx.Scope()));
  if (in_scope.empty()) return NotFound("筛查轮次不存在");
  if (schools) *schools = std::move(in_scope);
  return std::move(*round);
}

sec::Window WindowOf(const sec::Round& r, cal::Date today) {
  const auto from = cal::ParseDate(r.from);
  const auto to = cal::ParseDate(r.to);
  return from && to ? sec::WindowOn(*from, *to, today) : sec::Window::kEnded;
}

RoundSummary SummaryOf(sec::Round round, std::size_t schools,
                       const std::vector<sec::Screening>& screenings, cal::Date today) {
  RoundSummary out;
  out.window = std::string(sec::WindowCode(WindowOf(round, today)));
  out.round = std::move(round);
  out.schools = static_cast<std::int64_t>(schools);
  out.screened = static_cast<std::int64_t>(screenings.size());
  std::vector<sec::Indicators> judged;
  std::set<std::int64_t> raised;
  std::set<std::int64_t> open;
  for (const auto& x : screenings) {
    judged.push_back(x.indicators);
    for (const auto& h : x.hazards) {
      raised.insert(h.hazard_id);
      if (h.state != "closed") open.insert(h.hazard_id);
    }
  }
  out.rates = sec::RatesOf(judged);
  out.hazards_raised = static_cast<std::int64_t>(raised.size());
  out.hazards_open = static_cast<std::int64_t>(open.size());
  return out;
}

Result<RoundSummary> Summarize(domain::Tx& tx, const RequestContext& ctx, sec::Round round,
                               cal::Date today) {
  XA_ASSIGN_OR_RETURN(auto schools, tx.security().RoundSchools(round.id, ctx.Scope()));
  XA_ASSIGN_OR_RETURN(auto screenings, tx.security().Screenings(round.id, ctx.Scope()));
  return SummaryOf(std::move(round), schools.size(), screenings, today);
}

Result<RoundView> RoundViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                              std::int64_t id) {
  std::vector<std::pair<std::int64_t, std::string>> schools;
  XA_ASSIGN_OR_RETURN(auto round, RoundInScope(tx, ctx, id, &schools));
  XA_ASSIGN_OR_RETURN(auto screenings, tx.security().Screenings(id, ctx.Scope()));
  RoundView v;
  v.summary = SummaryOf(std::move(round), schools.size(), screenings, TodayInChina(s));
  v.can_screen = ctx.Can(domain::perm::kSecurityRecord) && v.summary.window == "open";
  std::map<std::int64_t, sec::Screening*> by_school;
  for (auto& x : screenings) by_school[x.school_id] = &x;
  for (auto& [school_id, name] : schools) {
    RoundRow row;
    row.school_id = school_id;
    row.school_name = std::move(name);
    if (const auto it = by_school.find(school_id); it != by_school.end()) {
      row.screening = std::move(*it->second);
    }
    v.rows.push_back(std::move(row));
  }
  return v;
}

Result<ScreeningView> ScreeningViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                      std::int64_t round_id, domain::UnitId school_id) {
  XA_ASSIGN_OR_RETURN(auto round, RoundInScope(tx, ctx, round_id, nullptr));
  XA_ASSIGN_OR_RETURN(auto school, SchoolAsAddress(tx, ctx, school_id));
  XA_ASSIGN_OR_RETURN(auto targets, tx.security().RoundSchools(
                                        round_id, domain::ScopeFilter::Subtree(school.unit.path)));
  if (targets.empty()) return NotFound("该校不在本轮筛查范围内");
  const auto today = TodayInChina(s);
  ScreeningView v;
  XA_ASSIGN_OR_RETURN(v.round, Summarize(tx, ctx, std::move(round), today));
  v.school_id = school.unit.id;
  v.school_name = school.unit.name;
  XA_ASSIGN_OR_RETURN(v.screening, tx.security().FindScreening(round_id, school_id));
  if (v.screening) {
    XA_ASSIGN_OR_RETURN(auto files, tx.files().OfSubject(kSubject, v.screening->id));
    for (const auto& e : v.screening->evidence) {
      EvidenceView ev;
      ev.indicator = e.indicator;
      ev.note = e.note;
      for (const auto id : e.file_ids) {
        const auto it = std::find_if(files.begin(), files.end(),
                                     [&](const domain::StoredFile& f) { return f.id == id; });
        if (it != files.end()) ev.files.push_back(*it);
      }
      v.evidence.push_back(std::move(ev));
    }
  }
  XA_ASSIGN_OR_RETURN(v.current, ViewOf(s, tx, ctx, school));
  v.can_screen = ctx.Can(domain::perm::kSecurityRecord) && !v.screening &&
                 v.round.window == "open" && v.current.recorded;
  return v;
}

// The failed rules of an indicator (or of all, with an empty indicator), one per line.
std::string ReasonsOf(const std::vector<sec::Finding>& findings, std::string_view indicator) {
  std::string out;
  for (const auto& f : findings) {
    if (f.verdict.outcome != rules::Outcome::kFail) continue;
    if (!indicator.empty() && sec::IndicatorOfRule(f.rule->id) != indicator) continue;
    out += (out.empty() ? "" : "\n") + f.rule->title + "：" + f.verdict.reason;
  }
  return out;
}

// The caller's own uploads for each indicator's evidence, attached to nothing yet and each used
// once; errors name evidence[i].file_ids[j].
Result<std::vector<std::vector<domain::StoredFile>>> ClaimEvidence(
    domain::Tx& tx, const RequestContext& ctx, const std::vector<sec::Evidence>& evidence) {
  std::vector<std::vector<domain::StoredFile>> out;
  std::set<std::int64_t> used;
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    const std::string prefix = "evidence[" + std::to_string(i) + "].";
    auto claimed = ClaimFiles(tx, ctx, evidence[i].file_ids);
    if (!claimed.ok()) {
      auto e = claimed.error();
      for (auto& d : e.details) d.field = prefix + d.field;
      return e;
    }
    for (std::size_t j = 0; j < claimed->size(); ++j) {
      if (!used.insert((*claimed)[j].id).second) {
        return domain::ValidationError(
            {{prefix + "file_ids[" + std::to_string(j) + "]", "文件重复"}});
      }
    }
    out.push_back(std::move(*claimed));
  }
  return out;
}

}  // namespace

Result<std::vector<RoundSummary>> security_internal::RoundTrend(domain::Tx& tx,
                                                                const RequestContext& ctx,
                                                                cal::Date day, cal::Date today) {
  XA_ASSIGN_OR_RETURN(auto rounds, tx.security().ListRounds(ctx.Scope()));
  std::vector<RoundSummary> out;
  const std::string until = cal::FormatDate(day);
  for (auto it = rounds.rbegin(); it != rounds.rend(); ++it) {
    if (it->from > until) continue;
    XA_ASSIGN_OR_RETURN(auto summary, Summarize(tx, ctx, std::move(*it), today));
    out.push_back(std::move(summary));
  }
  return out;
}

Result<RoundList> ListSecurityRounds(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRead, "查看安防筛查轮次"));
  RoundList out;
  out.can_open = ctx.Can(domain::perm::kCampaignManage);
  const auto today = TodayInChina(s);
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto rounds, tx.security().ListRounds(ctx.Scope()));
    for (auto& r : rounds) {
      XA_ASSIGN_OR_RETURN(auto summary, Summarize(tx, ctx, std::move(r), today));
      out.items.push_back(std::move(summary));
    }
    return {};
  }));
  return out;
}

Result<RoundView> OpenSecurityRound(Services& s, const RequestContext& ctx, RoundInput in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignManage, "部署安防筛查"));
  const auto today = TodayInChina(s);
  auto problems = sec::ValidateRound(in.name, in.from, in.to, today);
  if (in.school_ids && in.school_ids->empty()) {
    problems.push_back({"school_ids", "至少选择一所学校，或不传此项以筛查全部学校"});
  }
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  if (!ctx.unit_id) return FailedPrecondition("screening.unit", "部署筛查须由所属单位的账号操作");
  RoundView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    std::vector<std::int64_t> ids;
    std::vector<std::string> names;
    if (in.school_ids) {
      std::set<std::int64_t> seen;
      for (std::size_t i = 0; i < in.school_ids->size(); ++i) {
        const auto id = (*in.school_ids)[i];
        const std::string field = "school_ids[" + std::to_string(i) + "]";
        if (!seen.insert(id).second) return domain::ValidationError({{field, "学校重复"}});
        auto school = SchoolAsAddress(tx, ctx, id);
        if (!school.ok()) {
          return domain::ValidationError({{field, "学校不存在或不在您的管辖范围内"}});
        }
        ids.push_back(id);
      }
    } else {
      XA_ASSIGN_OR_RETURN(auto schools, SchoolsInScope(tx, ctx));
      for (const auto& school : schools.items) ids.push_back(school.unit.id);
      if (ids.empty()) return domain::ValidationError({{"school_ids", "您的管辖范围内没有学校"}});
    }
    sec::Round round;
    round.bureau_id = *ctx.unit_id;
    round.name = in.name;
    round.from = in.from;
    round.to = in.to;
    round.created_by = ctx.actor;
    round.created_at = s.Now();
    XA_TRY(tx.security().InsertRound(round, ids));
    for (const auto id : ids) {
      XA_ASSIGN_OR_RETURN(auto users,
                          Recipients(tx, id, {"school_leader", "school_safety_officer"}));
      XA_TRY(Notify(s, tx, users,
                    {"security_round", "四个100%逐校筛查：" + round.name,
                     "请在 " + round.from + " 至 " + round.to +
                         " 期间核对本校安防台账，逐项上传佐证并提交筛查",
                     "security_round", std::to_string(round.id)},
                    ctx.actor));
    }
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "security.round", "security_round", std::to_string(round.id),
                "部署四个100%逐校筛查：" + round.name + "（" + round.from + " 至 " + round.to +
                    "，" + std::to_string(ids.size()) + " 所学校）")));
    XA_ASSIGN_OR_RETURN(out, RoundViewOf(s, tx, ctx, round.id));
    return {};
  }));
  return out;
}

Result<RoundView> GetSecurityRound(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRead, "查看安防筛查轮次"));
  RoundView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, RoundViewOf(s, tx, ctx, id));
    return {};
  }));
  return out;
}

Result<ScreeningView> GetSecurityScreening(Services& s, const RequestContext& ctx,
                                           std::int64_t round_id, domain::UnitId school_id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRead, "查看学校筛查"));
  ScreeningView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, ScreeningViewOf(s, tx, ctx, round_id, school_id));
    return {};
  }));
  return out;
}

Result<ScreeningView> ScreenSchool(Services& s, const RequestContext& ctx, std::int64_t round_id,
                                   domain::UnitId school_id, std::vector<sec::Evidence> evidence) {
  XA_TRY(RequirePermission(ctx, domain::perm::kSecurityRecord, "提交学校筛查"));
  auto problems = sec::ValidateEvidence(evidence);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  // Stored in the indicators' order.
  std::stable_sort(
      evidence.begin(), evidence.end(), [](const sec::Evidence& a, const sec::Evidence& b) {
        const auto rank = [](const std::string& code) {
          const auto list = sec::IndicatorList();
          return std::find_if(list.begin(), list.end(),
                              [&](const sec::IndicatorInfo& i) { return i.code == code; }) -
                 list.begin();
        };
        return rank(a.indicator) < rank(b.indicator);
      });
  const auto today = TodayInChina(s);
  ScreeningView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto before, ScreeningViewOf(s, tx, ctx, round_id, school_id));
    const auto window = WindowOf(before.round.round, today);
    if (auto refused =
            sec::ScreeningRefused(window, before.screening.has_value(), before.current.recorded)) {
      return *refused;
    }
    XA_ASSIGN_OR_RETURN(auto files, ClaimEvidence(tx, ctx, evidence));
    // Judged as it stands now: the month's findings follow the screening.
    XA_TRY(EvaluateSchool(s, tx, school_id, today, "security"));
    XA_ASSIGN_OR_RETURN(auto school, SchoolAsAddress(tx, ctx, school_id));
    XA_ASSIGN_OR_RETURN(auto now, ViewOf(s, tx, ctx, school));
    sec::Screening x;
    x.round_id = round_id;
    x.school_id = school_id;
    x.screened_by = ctx.actor;
    x.screened_at = s.Now();
    x.indicators = now.indicators;
    x.reasons = ReasonsOf(now.findings, {});
    x.evidence = evidence;
    XA_ASSIGN_OR_RETURN(const bool stored, tx.security().InsertScreening(x));
    if (!stored) return *sec::ScreeningRefused(window, true, true);
    std::vector<domain::StoredFile> all;
    for (const auto& f : files) all.insert(all.end(), f.begin(), f.end());
    XA_TRY(AttachFiles(tx, all, kSubject, x.id));
    XA_ASSIGN_OR_RETURN(auto open, tx.security().OpenScreeningHazards(school_id));
    for (const auto& info : sec::IndicatorList()) {
      if (sec::Met(x.indicators, info.code)) continue;
      const auto it = std::find_if(open.begin(), open.end(), [&](const sec::ScreenedHazard& h) {
        return h.indicator == info.code;
      });
      if (it != open.end()) {
        XA_TRY(tx.security().LinkHazard(x.id, std::string(info.code), it->hazard_id));
        continue;
      }
      std::size_t i = 0;
      while (i < evidence.size() && evidence[i].indicator != info.code) ++i;
      HazardInput h;
      h.school_id = school_id;
      h.domain = "security_equipment";
      h.level = "general";
      h.source = "screening";
      h.title = "四个100%筛查：" + std::string(info.label) + "未达标";
      h.description = before.round.round.name + "，" + school.unit.name + "「" +
                      std::string(info.label) + "」未达标：\n" +
                      ReasonsOf(now.findings, info.code) +
                      (evidence[i].note.empty() ? "" : "\n筛查说明：" + evidence[i].note);
      h.origin_type = kSubject;
      h.origin_id = x.id;
      h.copies = files[i];
      XA_ASSIGN_OR_RETURN(auto hazard, ReportHazardIn(s, ctx, tx, std::move(h)));
      XA_TRY(tx.security().LinkHazard(x.id, std::string(info.code), hazard.id));
    }
    const auto failed = sec::ToRaise(x.indicators, {});
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "security.screen", "security_round", std::to_string(round_id),
                before.round.round.name + " 筛查 " + school.unit.name + "：" +
                    (failed.empty() ? std::string("四项全部达标")
                                    : std::to_string(failed.size()) + " 项未达标"))));
    XA_ASSIGN_OR_RETURN(out, ScreeningViewOf(s, tx, ctx, round_id, school_id));
    return {};
  }));
  return out;
}

Result<std::pair<std::string, std::string>> ExportSecurityRound(Services& s,
                                                                const RequestContext& ctx,
                                                                std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto v, GetSecurityRound(s, ctx, id));
  const auto& sum = v.summary;
  auto summary = RateRows(sum.rates);
  summary.push_back(office::TextRow(
      {"筛查轮次", sum.round.name, "筛查时间", sum.round.from + " 至 " + sum.round.to}));
  summary.push_back(office::TextRow(
      {"应筛查学校数", std::to_string(sum.schools), "已筛查", std::to_string(sum.screened)}));
  summary.push_back(office::TextRow({"发现隐患", std::to_string(sum.hazards_raised), "未销号",
                                     std::to_string(sum.hazards_open)}));
  std::vector<office::Row> rows = {
      office::TextRow({"学校", "筛查时间", "筛查人", "专职保安", "封闭管理", "一键报警和视频监控",
                       "护学岗", "四个100%", "未达标原因", "发现隐患", "未销号隐患"})};
  for (const auto& row : v.rows) {
    if (!row.screening) {
      rows.push_back(
          office::TextRow({row.school_name, "未筛查", "", "", "", "", "", "", "", "", ""}));
      continue;
    }
    const auto& x = *row.screening;
    const auto yes = [](bool b) { return std::string(b ? "达标" : "未达标"); };
    std::string raised;
    std::string open;
    for (const auto& h : x.hazards) {
      const std::string ref = "#" + std::to_string(h.hazard_id) + " " + h.title;
      raised += (raised.empty() ? "" : "；") + ref;
      if (h.state != "closed") open += (open.empty() ? "" : "；") + ref;
    }
    rows.push_back(office::TextRow({row.school_name, x.screened_at, x.screened_by,
                                    yes(x.indicators.guards), yes(x.indicators.closed_campus),
                                    yes(x.indicators.alarm_video), yes(x.indicators.gate_duty),
                                    yes(x.indicators.All()), x.reasons, raised, open}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"筛查汇总", summary},
                                                     office::Sheet{"学校明细", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "security.export", "security_round", std::to_string(id),
        "导出逐校筛查：" + sum.round.name + "（" + std::to_string(v.rows.size()) + " 所学校）")));
    return {};
  }));
  return std::make_pair("安防筛查_" + sum.round.name + ".xlsx", std::move(bytes));
}

Status CloseRepairedScreeningHazards(Services& s, domain::Tx& tx, const domain::School& school,
                                     const std::vector<rules::Judgement>& judged, cal::Date today) {
  std::vector<sec::Finding> current;
  for (const auto& j : judged) {
    if (j.period.first <= today && today <= j.period.last) current.push_back({j.rule, j.verdict});
  }
  if (current.empty()) return {};
  XA_ASSIGN_OR_RETURN(auto open, tx.security().OpenScreeningHazards(school.unit.id));
  if (open.empty()) return {};
  const auto indicators = sec::IndicatorsOf(current);
  for (const auto id : sec::ToClose(indicators, open)) {
    const auto it = std::find_if(open.begin(), open.end(),
                                 [&](const sec::ScreenedHazard& h) { return h.hazard_id == id; });
    XA_TRY(CloseHazardByRule(s, tx, id,
                             "复核达标：" + school.unit.name + "「" +
                                 std::string(sec::IndicatorLabel(it->indicator)) + "」已达标（" +
                                 cal::FormatDate(today) + " 按学校安防台账判定）"));
  }
  return {};
}

FileSubject ScreeningFileSubject() {
  return {kSubject, [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            if (!ctx.Can(domain::perm::kSecurityRead)) return NotFound("筛查记录不存在");
            XA_ASSIGN_OR_RETURN(auto x, tx.security().FindScreeningById(id));
            if (!x) return NotFound("筛查记录不存在");
            XA_ASSIGN_OR_RETURN(auto school, SchoolAsAddress(tx, ctx, x->school_id));
            (void)school;
            return {};
          }};
}

}  // namespace xiaoan::app
