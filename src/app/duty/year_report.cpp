#include "app/duty/year_report.hpp"

#include <algorithm>
#include <map>

#include "app/calendar/calendar.hpp"
#include "app/duty/work.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/rules/rules.hpp"
#include "domain/auth/auth.hpp"
#include "domain/drill/drill.hpp"
#include "domain/duty/duty.hpp"
#include "domain/hazard/board.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/hazard/ledger.hpp"
#include "domain/org/org.hpp"
#include "domain/platform/supervision.hpp"
#include "domain/rules/findings.hpp"
#include "domain/store.hpp"
#include "domain/training/training.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace du = domain::duty;
namespace cal = domain::calendar;
namespace rules = domain::rules;
namespace perm = domain::perm;

namespace {

constexpr std::string_view kLeaderPosts[] = {"party_secretary", "principal", "safety_vp",
                                             "vice_principal"};

bool IsLeaderPost(std::string_view post) {
  return std::find(std::begin(kLeaderPosts), std::end(kLeaderPosts), post) !=
         std::end(kLeaderPosts);
}

bool InYear(std::string_view text, const std::string& year) {
  return text.size() >= 4 && text.substr(0, 4) == year;
}

}  // namespace

Result<LeaderYear> GetLeaderYear(Services& s, const RequestContext& ctx,
                                 std::optional<std::int64_t> unit_id, std::optional<int> year) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看安全述职"));
  const auto today = TodayInChina(s);
  const int this_year = cal::YearOf(today);
  const int y = year.value_or(this_year);
  if (y < 2000 || y > this_year) {
    return InvalidArgument("year", "年份须在 2000 至 " + std::to_string(this_year) + " 之间");
  }
  const std::string key = std::to_string(y);
  LeaderYear out;
  out.year = y;
  out.as_of = y == this_year ? cal::FormatDate(today) : key + "-12-31";
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, NamedOrOwnSchool(tx, ctx, unit_id));
    const auto id = school.unit.id;
    out.school_id = id;
    out.school_name = school.unit.name;
    const auto scope = ctx.Scope();

    // Duties: this year as they stand; a past year by the signatures made by its last day
    // (a list not yet signed then counts as 未签订; one made after the year is left out).
    XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().Templates());
    const auto templates = du::InForce(stored);
    XA_ASSIGN_OR_RETURN(const auto lists, tx.duties().Lists(scope, id));
    for (const auto& l : lists) {
      std::string state;
      std::string signed_on;
      if (y == this_year) {
        state = std::string(du::StateLabel(du::StateOf(l, templates).state));
        if (l.signing) signed_on = l.signing->signed_on;
      } else {
        XA_ASSIGN_OR_RETURN(const auto sigs,
                            tx.users().SignaturesOf("duty_list", std::to_string(l.id), scope));
        for (const auto& sig : sigs) {
          Instant at{};
          if (!ParseInstant(sig.signed_at, at)) continue;
          const auto day = domain::hazard::ChinaDate(at);
          if (day <= out.as_of && day > signed_on) signed_on = day;
        }
        if (signed_on.empty() && l.changed_on > out.as_of) continue;
        state = std::string(
            du::StateLabel(signed_on.empty() ? du::State::kUnsigned : du::State::kSigned));
      }
      ++out.lists;
      out.lists_signed += state == du::StateLabel(du::State::kSigned) ? 1 : 0;
      if (std::none_of(l.posts.begin(), l.posts.end(), IsLeaderPost)) continue;
      std::string posts;
      for (const auto& p : l.posts) {
        posts += (posts.empty() ? "" : "、") + std::string(du::PostLabel(p));
      }
      out.leaders.push_back({l.holder_name, posts, state, signed_on});
    }

    // Hazards found and closed in the year's months.
    XA_ASSIGN_OR_RETURN(const auto months, tx.hazards().MonthStats(scope, id, key + "-01"));
    for (const auto& m : months) {
      if (!InYear(m.month, key)) continue;
      out.hazards_found += m.found;
      out.hazards_found_closed += m.found_closed;
      out.hazards_closed += m.closed;
    }

    // Drills held.
    domain::drill::DrillFilter df;
    df.school_id = id;
    df.from = key + "-01-01";
    df.to = key + "-12-31";
    domain::PageRequest one;
    one.page_size = 1;
    XA_ASSIGN_OR_RETURN(const auto drills, tx.drills().List(df, scope, one));
    out.drills = drills.total;

    // Training sessions held.
    XA_ASSIGN_OR_RETURN(const auto sessions, tx.training().SessionsOf(id, ""));
    out.training_sessions = std::count_if(sessions.begin(), sessions.end(),
                                          [&](const auto& t) { return InYear(t.held_on, key); });

    // The district's work: the due days of the year up to as_of.
    XA_ASSIGN_OR_RETURN(const auto dues, WorkDuesOf(tx, id));
    const auto as_of = cal::ParseDate(out.as_of).value_or(today);
    for (const auto& d : dues) {
      if (cal::YearOf(d.due) != y || d.due > as_of) continue;
      ++out.work_due;
      switch (du::StateOf(d.due, d.done_on, as_of)) {
        case du::WorkState::kDone:
          ++out.work_done;
          break;
        case du::WorkState::kDoneLate:
          ++out.work_done_late;
          break;
        case du::WorkState::kOverdue:
          ++out.work_overdue;
          break;
        case du::WorkState::kPending:
        case du::WorkState::kDueSoon:
          break;
      }
    }

    // Supervision orders received and answered.
    domain::OrderFilter of;
    of.school_id = id;
    domain::PageRequest all;
    all.page_size = 100000;
    XA_ASSIGN_OR_RETURN(const auto orders, tx.supervision().List(of, scope, all));
    for (const auto& o : orders.items) {
      if (!InYear(o.created_at, key)) continue;
      ++out.supervision_orders;
      out.supervision_answered += o.state == domain::OrderState::kOpen ? 0 : 1;
    }

    // The school's rules failed, by period of the year (the last reason kept).
    rules::FindingFilter ff;
    ff.unit_id = id;
    ff.outcomes = {rules::Outcome::kFail};
    ff.subject_type = "school";
    XA_ASSIGN_OR_RETURN(const auto findings, tx.rules().ListFindings(ff, scope, all));
    std::map<std::string, LeaderYear::Failing> by_rule;
    std::map<std::string, std::string> last_period;
    for (const auto& f : findings.items) {
      if (!InYear(f.period_first, key)) continue;
      auto& row = by_rule[f.rule_id];
      row.rule_id = f.rule_id;
      ++row.periods;
      if (f.period_first >= last_period[f.rule_id]) {
        last_period[f.rule_id] = f.period_first;
        row.last_reason = f.reason;
      }
      if (const auto* decl = FindRegisteredRule(f.rule_id)) {
        row.title = decl->title;
        row.measure = decl->measure;
      }
    }
    for (auto& [rule, row] : by_rule) out.failing.push_back(std::move(row));
    std::sort(out.failing.begin(), out.failing.end(), [](const auto& a, const auto& b) {
      return std::tie(a.measure, a.rule_id) < std::tie(b.measure, b.rule_id);
    });
    return {};
  }));
  return out;
}

Result<std::string> ExportLeaderYear(Services& s, const RequestContext& ctx,
                                     std::optional<std::int64_t> unit_id, std::optional<int> year) {
  XA_ASSIGN_OR_RETURN(const auto r, GetLeaderYear(s, ctx, unit_id, year));
  const auto n = [](std::int64_t v) { return std::to_string(v); };
  std::vector<office::Row> summary = {
      office::TextRow({"项目", "数值", "说明"}),
      office::TextRow({"学校", r.school_name, std::to_string(r.year) + " 年，截至 " + r.as_of}),
      office::TextRow({"安全工作职责清单", n(r.lists_signed) + "/" + n(r.lists), "已签订/全部"}),
  };
  for (const auto& l : r.leaders) {
    summary.push_back(
        office::TextRow({"领导职责清单：" + l.name, l.state,
                         l.posts + (l.signed_on.empty() ? "" : "，签订于 " + l.signed_on)}));
  }
  summary.push_back(office::TextRow(
      {"发现隐患", n(r.hazards_found), "其中已整改销号 " + n(r.hazards_found_closed) + " 项"}));
  summary.push_back(office::TextRow({"销号隐患", n(r.hazards_closed), "本年内整改销号"}));
  summary.push_back(office::TextRow({"应急演练", n(r.drills), "本年内开展"}));
  summary.push_back(office::TextRow({"安全培训", n(r.training_sessions), "本年内举办场次"}));
  summary.push_back(office::TextRow({"收到督办单", n(r.supervision_orders),
                                     "已回复或办结 " + n(r.supervision_answered) + " 份"}));
  summary.push_back(
      office::TextRow({"全区工作", n(r.work_done + r.work_done_late) + "/" + n(r.work_due),
                       "已完成/本年到期；按时完成 " + n(r.work_done) + "，逾期完成 " +
                           n(r.work_done_late) + "，逾期未完成 " + n(r.work_overdue)}));
  int failed = 0;
  std::vector<office::Row> failing = {
      office::TextRow({"措施", "规则编号", "规则", "未达标周期数", "最近一次原因"})};
  for (const auto& f : r.failing) {
    failed += f.periods;
    failing.push_back(office::TextRow(
        {std::to_string(f.measure), f.rule_id, f.title, std::to_string(f.periods), f.last_reason}));
  }
  summary.push_back(office::TextRow({"未达标规则", std::to_string(r.failing.size()),
                                     "共 " + std::to_string(failed) + " 个周期未达标"}));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"安全述职", summary},
                                                     office::Sheet{"未达标规则", failing}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "duty.export", "duty_year", std::to_string(r.school_id),
                "导出安全述职：" + r.school_name + " " + std::to_string(r.year) + " 年")));
    return {};
  }));
  return bytes;
}

}  // namespace xiaoan::app
