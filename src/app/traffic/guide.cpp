#include "app/traffic/guide.hpp"

#include <map>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "app/rules/rules.hpp"
#include "app/whistles/whistles.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "domain/store.hpp"
#include "domain/traffic/campus_registry.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace tr = domain::traffic;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

constexpr const char* kModule = "traffic";
constexpr const char* kSubject = "traffic_guide";

// The semester a guide's state is judged for: the latest that started on or before today (the
// last one through a break).
struct TermAt {
  std::optional<cal::Date> first;
  std::string label;
};
TermAt LatestTerm(const std::vector<cal::Term>& terms, cal::Date today) {
  TermAt out;
  for (const auto& t : terms) {
    if (t.starts > today || (out.first && t.starts <= *out.first)) continue;
    out.first = t.starts;
    out.label = cal::TermLabel(t.school_year, t.term);
  }
  return out;
}

Result<TermAt> TermOfSchool(domain::Tx& tx, const domain::Unit& school, cal::Date today) {
  XA_ASSIGN_OR_RETURN(const auto data, LoadSchoolTerms(tx, school));
  return LatestTerm(data.terms, today);
}

int Unsent(const tr::TrafficGuide& g) {
  int n = 0;
  for (const auto& x : g.needs) n += x.whistle_id ? 0 : 1;
  return n;
}

Result<GuideView> ViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                         const domain::School& school) {
  GuideView out;
  XA_ASSIGN_OR_RETURN(auto stored, tx.campus().Guide(school.unit.id));
  const auto term = TermOfSchool(tx, school.unit, TodayInChina(s));
  if (!term.ok()) return term.error();
  out.state = tr::StateOf(stored, term.value().first);
  out.term_label = term.value().label;
  if (stored) {
    out.guide = std::move(*stored);
  } else {
    out.guide.unit_id = school.unit.id;
    out.guide.unit_name = school.unit.name;
  }
  out.unsent_needs = Unsent(out.guide);
  out.can_edit = ctx.Can(perm::kTrafficManage);
  out.can_send_needs =
      out.can_edit && ctx.Can(perm::kWhistleRaise) && out.unsent_needs > 0 && out.guide.version > 0;
  return out;
}

std::string Stale() { return "一校一策刚被他人修改，请刷新后再试"; }

bool SameNeed(const tr::GuideNeed& a, const tr::GuideNeed& b) {
  return a.kind == b.kind && a.location == b.location && a.description == b.description &&
         a.whistle_id == b.whistle_id;
}

// The stored guide at the version read (0: none stored yet).
Result<std::optional<tr::TrafficGuide>> AtVersion(domain::Tx& tx, std::int64_t unit_id,
                                                  int version) {
  XA_ASSIGN_OR_RETURN(auto stored, tx.campus().Guide(unit_id));
  const int now = stored ? stored->version : 0;
  if (now != version) return FailedPrecondition("traffic.stale", Stale());
  return stored;
}

}  // namespace

Result<GuideView> GetTrafficGuide(Services& s, const RequestContext& ctx, std::int64_t unit_id) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficRead, "查看交通安全一校一策"));
  GuideView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, unit_id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<GuideView> SaveTrafficGuide(Services& s, const RequestContext& ctx, tr::TrafficGuide in) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficManage, "编写交通安全一校一策"));
  for (auto& g : in.gates) g.name = std::string(Trim(g.name));
  for (auto& p : in.peaks) p.gate = std::string(Trim(p.gate));
  if (auto problems = tr::CheckGuide(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  GuideView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, in.unit_id));
    XA_ASSIGN_OR_RETURN(const auto stored, AtVersion(tx, in.unit_id, in.version));
    // A need sent to the police is a fact of that whistle: kept as it was sent.
    for (std::size_t i = 0; i < in.needs.size(); ++i) {
      const auto& n = in.needs[i];
      if (!n.whistle_id) continue;
      bool kept = false;
      for (const auto& old : stored ? stored->needs : std::vector<tr::GuideNeed>{}) {
        kept = kept || SameNeed(old, n);
      }
      if (!kept) {
        return InvalidArgument("needs[" + std::to_string(i) + "]",
                               "已报送交警的需求不能修改，可删除后重新填写");
      }
    }
    if (stored) {
      in.published_on = stored->published_on;
      in.published_by = stored->published_by;
      in.published_version = stored->published_version;
    } else {
      in.published_on.clear();
      in.published_by.clear();
      in.published_version = 0;
    }
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.campus().SaveGuide(in));
    if (!saved) return FailedPrecondition("traffic.stale", Stale());
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "traffic.guide.edit", kSubject,
                                     std::to_string(in.unit_id),
                                     "编写交通安全一校一策：" + school.unit.name + "（第 " +
                                         std::to_string(in.version) + " 版）")));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<GuideView> PublishTrafficGuide(Services& s, const RequestContext& ctx, std::int64_t unit_id,
                                      int version) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficManage, "发布交通安全一校一策"));
  const auto today = TodayInChina(s);
  GuideView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, unit_id));
    XA_ASSIGN_OR_RETURN(auto stored, AtVersion(tx, unit_id, version));
    if (!stored) return InvalidArgument("version", "请先保存一校一策再发布");
    if (auto problems = tr::CheckPublishable(*stored); !problems.empty()) {
      return domain::ValidationError(std::move(problems));
    }
    auto g = std::move(*stored);
    g.published_on = cal::FormatDate(today);
    g.published_by = ctx.actor;
    g.published_version = g.version + 1;  // the version this write makes
    g.updated_by = ctx.actor;
    g.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.campus().SaveGuide(g));
    if (!saved) return FailedPrecondition("traffic.stale", Stale());
    XA_TRY(EvaluateSchool(s, tx, unit_id, today, kModule));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "traffic.guide.publish", kSubject, std::to_string(unit_id),
                "发布交通安全一校一策：" + school.unit.name + "（" + g.published_on + "）")));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<GuideView> SendGuideNeeds(Services& s, const RequestContext& ctx, std::int64_t unit_id,
                                 int version) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficManage, "报送交通设施需求"));
  XA_TRY(RequirePermission(ctx, perm::kWhistleRaise, "吹哨"));
  GuideView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, unit_id));
    XA_ASSIGN_OR_RETURN(auto stored, AtVersion(tx, unit_id, version));
    if (!stored) return InvalidArgument("version", "请先保存一校一策");
    const auto text = tr::WhistleOfNeeds(*stored);
    if (!text) return FailedPrecondition("traffic.guide.no_needs", "没有尚未报送的交通设施需求");
    domain::whistle::Draft draft;
    draft.title = text->title;
    draft.description = text->description;
    draft.location = text->location;
    draft.category = "traffic";
    draft.place = "around";
    draft.severity = "general";
    XA_ASSIGN_OR_RETURN(const auto whistle_id,
                        RaiseWhistleIn(s, tx, ctx, unit_id, std::move(draft)));
    auto g = std::move(*stored);
    int sent = 0;
    for (auto& n : g.needs) {
      if (n.whistle_id) continue;
      n.whistle_id = whistle_id;
      ++sent;
    }
    g.updated_by = ctx.actor;
    g.updated_at = s.clock.Now();
    const bool unchanged = g.published_version == g.version;
    if (unchanged) g.published_version = g.version + 1;  // sending does not change the guide
    XA_ASSIGN_OR_RETURN(const bool saved, tx.campus().SaveGuide(g));
    if (!saved) return FailedPrecondition("traffic.stale", Stale());
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "traffic.guide.needs", kSubject, std::to_string(unit_id),
                "报送交通设施需求：" + school.unit.name + " " + std::to_string(sent) +
                    " 项，吹哨事项 #" + std::to_string(whistle_id))));
    XA_ASSIGN_OR_RETURN(out, ViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<GuideOverview> GetGuideOverview(Services& s, const RequestContext& ctx,
                                       const std::optional<std::string>& state) {
  XA_TRY(RequirePermission(ctx, perm::kTrafficRead, "查看一校一策总览"));
  std::optional<tr::GuideState> wanted;
  if (state && !state->empty()) {
    for (const auto st : {tr::GuideState::kNone, tr::GuideState::kDraft, tr::GuideState::kChanged,
                          tr::GuideState::kOutdated, tr::GuideState::kCurrent}) {
      if (tr::GuideStateCode(st) == *state) wanted = st;
    }
    if (!wanted) {
      return InvalidArgument("state", "须为 none、draft、changed、outdated 或 current");
    }
  }
  const auto today = TodayInChina(s);
  GuideOverview out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto schools, AllSchoolsInScope(tx, ctx));
    XA_ASSIGN_OR_RETURN(auto guides, tx.campus().Guides(ctx.Scope()));
    std::map<std::int64_t, tr::TrafficGuide> by_unit;
    for (auto& g : guides) by_unit.emplace(g.unit_id, std::move(g));
    std::vector<domain::Unit> units;
    for (const auto& sc : schools) units.push_back(sc.unit);
    XA_ASSIGN_OR_RETURN(const auto terms, LoadTermsOfSchools(tx, units));
    for (const auto& sc : schools) {
      GuideOverview::Row row;
      row.unit_id = sc.unit.id;
      row.unit_name = sc.unit.name;
      const auto term = LatestTerm(terms.at(sc.unit.id), today);
      row.term_label = term.label;
      std::optional<tr::TrafficGuide> g;
      if (const auto it = by_unit.find(sc.unit.id); it != by_unit.end()) g = it->second;
      row.state = tr::StateOf(g, term.first);
      if (g) {
        row.published_on = g->published_on;
        row.gates = static_cast<int>(g->gates.size());
        row.posts = static_cast<int>(g->posts.size());
        row.needs = static_cast<int>(g->needs.size());
        row.needs_sent = row.needs - Unsent(*g);
      }
      ++out.counts[std::string(tr::GuideStateCode(row.state))];
      if (!wanted || *wanted == row.state) out.rows.push_back(std::move(row));
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportGuideOverview(Services& s, const RequestContext& ctx) {
  XA_ASSIGN_OR_RETURN(const auto overview, GetGuideOverview(s, ctx, std::nullopt));
  const auto n = [](int v) { return std::to_string(v); };
  std::vector<office::Row> rows = {office::TextRow(
      {"学校", "状态", "学期", "发布日期", "校门", "护学岗", "设施需求", "已报送交警"})};
  for (const auto& r : overview.rows) {
    rows.push_back(
        office::TextRow({r.unit_name, std::string(tr::GuideStateLabel(r.state)), r.term_label,
                         r.published_on, n(r.gates), n(r.posts), n(r.needs), n(r.needs_sent)}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"一校一策", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "traffic.guide.export", kSubject, "",
                "导出一校一策总览 " + std::to_string(overview.rows.size()) + " 所学校")));
    return {};
  }));
  return bytes;
}

TaskSource GuideTaskSource() {
  return {
      kModule, [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
        std::vector<TaskGroup> out;
        if (!ctx.principal || !ctx.Can(perm::kTrafficManage) || !ctx.unit_id) return out;
        std::optional<GuideView> view;
        XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
          XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(*ctx.unit_id));
          if (!unit || unit->kind != "school") return {};
          XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, unit->id));
          XA_ASSIGN_OR_RETURN(view, ViewOf(s, tx, ctx, school));
          return {};
        }));
        if (!view) return out;
        TaskGroup g{"traffic.guide", "一校一策待处理", 0, 0, {}};
        const auto& guide = view->guide;
        if (view->state != tr::GuideState::kCurrent) {
          const bool missing =
              view->state == tr::GuideState::kNone || view->state == tr::GuideState::kOutdated;
          g.items.push_back({kSubject, guide.unit_id, std::nullopt,
                             "交通安全一校一策" + std::string(tr::GuideStateLabel(view->state)) +
                                 (view->term_label.empty() ? "" : "（" + view->term_label + "）"),
                             guide.unit_name, "", missing});
          ++g.count;
          if (missing) ++g.overdue;
        }
        if (view->can_send_needs) {
          g.items.push_back(
              {kSubject, guide.unit_id, std::nullopt,
               "有 " + std::to_string(view->unsent_needs) + " 项交通设施需求尚未报送交警",
               guide.unit_name, "", false});
          ++g.count;
        }
        if (g.count > 0) out.push_back(std::move(g));
        return out;
      }};
}

}  // namespace xiaoan::app
