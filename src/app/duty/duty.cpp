#include "app/duty/duty.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/accounts/accounts.hpp"
#include "app/calendar/calendar.hpp"
#include "app/duty/work.hpp"
#include "app/org/org_use_cases.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "domain/staffing/staffing.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace du = domain::duty;
namespace cal = domain::calendar;
namespace rules = domain::rules;
namespace perm = domain::perm;

namespace {

constexpr const char* kModule = "duty";
constexpr const char* kListSubject = "duty_list";
constexpr const char* kAreasSubject = "duty_areas";

std::string Stale() { return "安全工作职责刚被他人修改，请刷新后再试"; }

Result<du::Templates> TemplatesInForce(domain::Tx& tx) {
  XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().Templates());
  return du::InForce(stored);
}

std::vector<std::string> TrimmedItems(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) {
    auto t = std::string(Trim(i));
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

bool IsHolder(const RequestContext& ctx, const du::DutyList& l) {
  return ctx.principal && ctx.principal->user_id == l.user_id;
}

DutyListView ViewOf(const RequestContext& ctx, du::DutyList l, const du::Templates& t) {
  DutyListView v;
  v.state = du::StateOf(l, t);
  v.content = du::ContentOf(l, t);
  v.can_sign = IsHolder(ctx, l) && v.state.state != du::State::kSigned;
  v.can_edit = ctx.Can(perm::kDutyManage) && ctx.principal != std::nullopt;
  v.list = std::move(l);
  return v;
}

Result<bool> HasSafetyOffice(domain::Tx& tx, std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(const auto office, tx.staffing().Office(school_id));
  return office && !office->members.empty();
}

rules::ParamValues SignedValues(const std::map<std::string, rules::ParamValues>& values) {
  auto v = rules::Defaults(du::SignedRule());
  if (const auto it = values.find(du::SignedRule().id); it != values.end()) {
    for (const auto& [k, n] : it->second) v[k] = n;
  }
  return v;
}

// The school's active accounts by name.
Result<std::vector<domain::User>> PeopleOf(domain::Tx& tx, std::int64_t school_id) {
  domain::UserFilter f;
  f.unit_id = school_id;
  f.status = "active";
  f.page.page_size = 100000;
  XA_ASSIGN_OR_RETURN(auto page, tx.users().List(f));
  return std::move(page.items);
}

Result<DutyAreasView> AreasViewOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                  const domain::School& school) {
  DutyAreasView out;
  out.school_id = school.unit.id;
  out.school_name = school.unit.name;
  XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().AreasOf(school.unit.id));
  XA_ASSIGN_OR_RETURN(const auto lists, tx.duties().Lists(ctx.Scope(), school.unit.id));
  XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
  XA_ASSIGN_OR_RETURN(const bool office, HasSafetyOffice(tx, school.unit.id));
  out.gaps = du::AreaGaps(stored, lists, t, office);
  out.check = du::JudgeAreas(out.gaps);
  out.set.school_id = school.unit.id;
  if (stored) {
    out.set.version = stored->version;
    out.set.updated_by = stored->updated_by;
    out.set.updated_at = stored->updated_at;
  }
  for (const auto& a : du::Areas()) {
    du::Area area{std::string(a.code), true, 0, ""};
    if (stored) {
      for (const auto& x : stored->areas) {
        if (x.area == a.code) area = x;
      }
    }
    out.set.areas.push_back(std::move(area));
  }
  XA_ASSIGN_OR_RETURN(const auto people, PeopleOf(tx, school.unit.id));
  for (const auto& p : people) out.people.push_back({p.id, p.display_name});
  out.can_edit = ctx.Can(perm::kDutyManage) && ctx.principal != std::nullopt;
  (void)s;
  return out;
}

Result<SchoolDuties> SchoolDutiesOf(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                    const domain::School& school) {
  SchoolDuties out;
  out.school_id = school.unit.id;
  out.school_name = school.unit.name;
  XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
  XA_ASSIGN_OR_RETURN(auto lists, tx.duties().Lists(ctx.Scope(), school.unit.id));
  XA_ASSIGN_OR_RETURN(const auto in_force, LoadValuesInForce(tx, school.unit, du::RuleDecls()));
  out.check = du::JudgeSigned(lists, t, cal::FormatDate(TodayInChina(s)),
                              SignedValues(PlainValues(in_force)));
  for (auto& l : lists) {
    auto v = ViewOf(ctx, std::move(l), t);
    switch (v.state.state) {
      case du::State::kSigned:
        ++out.signed_count;
        break;
      case du::State::kOutdated:
        ++out.outdated_count;
        break;
      case du::State::kUnsigned:
        ++out.unsigned_count;
        break;
    }
    out.lists.push_back(std::move(v));
  }
  out.can_edit = ctx.Can(perm::kDutyManage) && ctx.principal != std::nullopt;
  return out;
}

// The list with its school in the caller's scope, readable by its holder or a duty:read holder.
Result<du::DutyList> ListInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto l, tx.duties().List(id));
  if (!l) return NotFound("职责清单不存在");
  if (IsHolder(ctx, *l)) return std::move(*l);
  if (!ctx.Can(perm::kDutyRead) || !SchoolAsAddress(tx, ctx, l->school_id).ok()) {
    return NotFound("职责清单不存在");
  }
  return std::move(*l);
}

}  // namespace

// ---- Templates ----------------------------------------------------------------------------------

Result<DutyTemplatesView> GetDutyTemplates(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看岗位安全职责"));
  DutyTemplatesView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto t, TemplatesInForce(tx));
    for (const auto& p : du::Posts()) {
      if (auto it = t.find(p.code); it != t.end()) out.templates.push_back(std::move(it->second));
    }
    return {};
  }));
  out.can_edit = ctx.Can(perm::kDutyTemplate) && ctx.principal != std::nullopt;
  return out;
}

Result<du::Template> SaveDutyTemplate(Services& s, const RequestContext& ctx, du::Template in) {
  XA_TRY(RequirePermission(ctx, perm::kDutyTemplate, "修订岗位安全职责"));
  in.items = TrimmedItems(in.items);
  if (auto problems = du::CheckTemplate(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  const auto today = TodayInChina(s);
  in.changed_on = cal::FormatDate(today);
  in.updated_by = ctx.actor;
  in.updated_at = s.clock.Now();
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
    if (t.at(in.post).version != in.version) return FailedPrecondition("duty.stale", Stale());
    XA_ASSIGN_OR_RETURN(const bool saved, tx.duties().SaveTemplate(in));
    if (!saved) return FailedPrecondition("duty.stale", Stale());
    // Every school with a list holding the post is judged again: its holders must sign anew.
    XA_ASSIGN_OR_RETURN(const auto lists, tx.duties().Lists(domain::ScopeFilter{}, std::nullopt));
    std::set<std::int64_t> schools;
    int holders = 0;
    for (const auto& l : lists) {
      if (std::find(l.posts.begin(), l.posts.end(), in.post) == l.posts.end()) continue;
      schools.insert(l.school_id);
      ++holders;
    }
    for (const auto id : schools) XA_TRY(EvaluateSchool(s, tx, id, today, kModule));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "duty.template.edit", "duty_template", in.post,
                                     "修订岗位安全职责：" + std::string(du::PostLabel(in.post)) +
                                         "（第 " + std::to_string(in.version) + " 版，" +
                                         std::to_string(in.items.size()) + " 条；" +
                                         std::to_string(holders) + " 份职责清单需重新签订）")));
    return {};
  }));
  return in;
}

// ---- Lists --------------------------------------------------------------------------------------

Result<SchoolDuties> GetSchoolDuties(Services& s, const RequestContext& ctx,
                                     std::optional<std::int64_t> unit_id) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看安全工作职责清单"));
  SchoolDuties out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, NamedOrOwnSchool(tx, ctx, unit_id));
    XA_ASSIGN_OR_RETURN(out, SchoolDutiesOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<DutyListView> GetDutyList(Services& s, const RequestContext& ctx, std::int64_t id) {
  DutyListView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, ListInScope(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
    out = ViewOf(ctx, std::move(l), t);
    return {};
  }));
  return out;
}

Result<std::optional<DutyListView>> GetMyDutyList(Services& s, const RequestContext& ctx) {
  std::optional<DutyListView> out;
  if (!ctx.principal) return out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, tx.duties().ListOf(ctx.principal->user_id));
    if (!l) return {};
    XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
    out = ViewOf(ctx, std::move(*l), t);
    return {};
  }));
  return out;
}

Result<DutyListView> SaveDutyList(Services& s, const RequestContext& ctx, du::DutyList in) {
  XA_TRY(RequirePermission(ctx, perm::kDutyManage, "维护安全工作职责清单"));
  for (auto& p : in.posts) p = std::string(Trim(p));
  in.local_items = TrimmedItems(in.local_items);
  if (auto problems = du::CheckList(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  const auto today = TodayInChina(s);
  DutyListView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    const bool adding = in.version == 0;
    std::string action = "duty.list.add";
    if (adding) {
      XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, in.school_id));
      XA_ASSIGN_OR_RETURN(const auto user, tx.users().FindById(in.user_id));
      if (!user || user->unit_id != school.unit.id || user->status != "active") {
        return domain::ValidationError({{"user_id", "责任人须为本校的在用账号"}});
      }
      XA_ASSIGN_OR_RETURN(const auto existing, tx.duties().ListOf(in.user_id));
      if (existing) {
        return domain::ValidationError({{"user_id", user->display_name + "已有职责清单"}});
      }
    } else {
      action = "duty.list.edit";
      XA_ASSIGN_OR_RETURN(const auto stored, ListInScope(tx, ctx, in.id));
      XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, stored.school_id));
      (void)school;
      if (stored.version != in.version) return FailedPrecondition("duty.stale", Stale());
      in.school_id = stored.school_id;
      in.user_id = stored.user_id;
    }
    in.changed_on = cal::FormatDate(today);
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.duties().SaveList(in));
    if (!saved) return FailedPrecondition("duty.stale", Stale());
    XA_TRY(EvaluateSchool(s, tx, in.school_id, today, kModule));
    XA_ASSIGN_OR_RETURN(auto stored, tx.duties().List(in.id));
    XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
    std::string posts;
    for (const auto& p : stored->posts) {
      posts += (posts.empty() ? "" : "、") + std::string(du::PostLabel(p));
    }
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, action, kListSubject, std::to_string(in.id),
                                     std::string(adding ? "建立" : "修改") + "安全工作职责清单：" +
                                         stored->school_name + " " + stored->holder_name + "（" +
                                         posts + "，补充 " +
                                         std::to_string(stored->local_items.size()) + " 条，第 " +
                                         std::to_string(stored->version) + " 版）")));
    out = ViewOf(ctx, std::move(*stored), t);
    return {};
  }));
  return out;
}

Result<DutyListView> SignDutyList(Services& s, const RequestContext& ctx,
                                  const SignDutyRequest& req) {
  if (!ctx.principal) return Error{ErrorCode::kPermissionDenied, "请以本人账号签订职责清单", {}};
  // Only the holder signs; anyone else is told the list is not theirs to sign before a password
  // is checked.
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto l, ListInScope(tx, ctx, req.id));
    if (!IsHolder(ctx, l))
      return Error{ErrorCode::kPermissionDenied, "只能由责任人本人签订职责清单", {}};
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto signer, VerifySigner(s, ctx, req.password, req.totp));
  const auto today = TodayInChina(s);
  DutyListView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, ListInScope(tx, ctx, req.id));
    if (l.version != req.version) return FailedPrecondition("duty.stale", Stale());
    XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
    if (du::StateOf(l, t).state == du::State::kSigned) {
      return FailedPrecondition("duty.signed", "职责清单已签订，无需重复签订");
    }
    SignRequest sr;
    sr.object_type = kListSubject;
    sr.object_id = std::to_string(l.id);
    sr.step = "sign";
    sr.content = du::ContentOf(l, t);
    XA_ASSIGN_OR_RETURN(const auto sig, SignInTx(s, ctx, tx, sr, signer));
    auto signing = du::SigningOf(l, t);
    signing.signature_id = sig.id;
    signing.signed_on = cal::FormatDate(today);
    signing.signed_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.duties().Sign(l.id, l.version, signing));
    if (!saved) return FailedPrecondition("duty.stale", Stale());
    l.signing = signing;
    XA_TRY(EvaluateSchool(s, tx, l.school_id, today, kModule));
    XA_TRY(
        tx.audit().Append(AuditOf(s, ctx, "duty.list.sign", kListSubject, std::to_string(l.id),
                                  "签订安全工作职责清单：" + l.school_name + " " + l.holder_name +
                                      "（清单第 " + std::to_string(l.version) + " 版）")));
    out = ViewOf(ctx, std::move(l), t);
    return {};
  }));
  return out;
}

Result<std::string> ExportSchoolDuties(Services& s, const RequestContext& ctx,
                                       std::optional<std::int64_t> unit_id) {
  XA_ASSIGN_OR_RETURN(const auto duties, GetSchoolDuties(s, ctx, unit_id));
  std::vector<office::Row> rows = {
      office::TextRow({"姓名", "岗位", "状态", "签订日期", "说明", "职责清单"})};
  for (const auto& v : duties.lists) {
    std::string posts;
    for (const auto& p : v.list.posts) {
      posts += (posts.empty() ? "" : "、") + std::string(du::PostLabel(p));
    }
    rows.push_back(office::TextRow(
        {v.list.holder_name, posts, std::string(du::StateLabel(v.state.state)),
         v.list.signing ? v.list.signing->signed_on : std::string(), v.state.reason, v.content}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"安全工作职责清单", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "duty.export", kListSubject, "",
                                     "导出安全工作职责清单：" + duties.school_name + " " +
                                         std::to_string(duties.lists.size()) + " 份")));
    return {};
  }));
  return bytes;
}

// ---- 三管三必须 ---------------------------------------------------------------------------------

Result<DutyAreasView> GetDutyAreas(Services& s, const RequestContext& ctx,
                                   std::optional<std::int64_t> unit_id) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看三管三必须分工"));
  DutyAreasView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, NamedOrOwnSchool(tx, ctx, unit_id));
    XA_ASSIGN_OR_RETURN(out, AreasViewOf(s, tx, ctx, school));
    return {};
  }));
  return out;
}

Result<DutyAreasView> SaveDutyAreas(Services& s, const RequestContext& ctx, du::AreaSet in) {
  XA_TRY(RequirePermission(ctx, perm::kDutyManage, "维护三管三必须分工"));
  for (auto& a : in.areas) a.area = std::string(Trim(a.area));
  if (auto problems = du::CheckAreas(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  const auto today = TodayInChina(s);
  DutyAreasView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, in.school_id));
    XA_ASSIGN_OR_RETURN(const auto people, PeopleOf(tx, school.unit.id));
    std::vector<ErrorDetail> problems;
    int named = 0;
    for (std::size_t i = 0; i < in.areas.size(); ++i) {
      auto& a = in.areas[i];
      if (!a.applicable) a.owner_user_id = 0;
      if (a.owner_user_id == 0) continue;
      ++named;
      const bool ok = std::any_of(people.begin(), people.end(),
                                  [&](const domain::User& u) { return u.id == a.owner_user_id; });
      if (!ok) {
        problems.push_back(
            {"areas[" + std::to_string(i) + "].owner_user_id", "负责人须为本校的在用账号"});
      }
    }
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    XA_ASSIGN_OR_RETURN(const auto stored, tx.duties().AreasOf(school.unit.id));
    if ((stored ? stored->version : 0) != in.version) {
      return FailedPrecondition("duty.stale", Stale());
    }
    in.updated_by = ctx.actor;
    in.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(const bool saved, tx.duties().SaveAreas(in));
    if (!saved) return FailedPrecondition("duty.stale", Stale());
    XA_TRY(EvaluateSchool(s, tx, school.unit.id, today, kModule));
    XA_ASSIGN_OR_RETURN(out, AreasViewOf(s, tx, ctx, school));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "duty.areas.edit", kAreasSubject, std::to_string(school.unit.id),
                "维护三管三必须分工：" + school.unit.name + "（明确负责人 " +
                    std::to_string(named) + " 个领域，缺口 " + std::to_string(out.gaps.size()) +
                    " 处，第 " + std::to_string(in.version) + " 版）")));
    return {};
  }));
  return out;
}

// ---- Board --------------------------------------------------------------------------------------

Result<DutyBoard> GetDutyBoard(Services& s, const RequestContext& ctx) {
  XA_TRY(RequirePermission(ctx, perm::kDutyRead, "查看责任落实看板"));
  DutyBoard out;
  const auto today = cal::FormatDate(TodayInChina(s));
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(const auto schools, AllSchoolsInScope(tx, ctx));
    XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
    XA_ASSIGN_OR_RETURN(auto lists, tx.duties().Lists(ctx.Scope(), std::nullopt));
    XA_ASSIGN_OR_RETURN(auto sets, tx.duties().AreaSets(ctx.Scope()));
    XA_ASSIGN_OR_RETURN(const auto offices, tx.staffing().Offices(ctx.Scope()));
    std::map<std::int64_t, std::vector<du::DutyList>> lists_of;
    for (auto& l : lists) lists_of[l.school_id].push_back(std::move(l));
    std::map<std::int64_t, du::AreaSet> set_of;
    for (auto& a : sets) set_of.emplace(a.school_id, std::move(a));
    std::set<std::int64_t> with_office;
    for (const auto& o : offices) {
      if (!o.members.empty()) with_office.insert(o.unit_id);
    }
    std::vector<domain::Unit> units;
    for (const auto& sc : schools) units.push_back(sc.unit);
    XA_ASSIGN_OR_RETURN(const auto values, LoadValuesInForceOf(tx, units, du::RuleDecls()));
    for (const auto& sc : schools) {
      DutyBoard::Row row;
      row.school_id = sc.unit.id;
      row.school_name = sc.unit.name;
      const auto& mine = lists_of[sc.unit.id];
      row.lists = static_cast<int>(mine.size());
      for (const auto& l : mine) {
        switch (du::StateOf(l, t).state) {
          case du::State::kSigned:
            ++row.signed_count;
            break;
          case du::State::kOutdated:
            ++row.outdated_count;
            break;
          case du::State::kUnsigned:
            ++row.unsigned_count;
            break;
        }
      }
      std::optional<du::AreaSet> set;
      if (const auto it = set_of.find(sc.unit.id); it != set_of.end()) set = it->second;
      const auto gaps = du::AreaGaps(set, mine, t, with_office.count(sc.unit.id) > 0);
      row.gaps = static_cast<int>(gaps.size());
      row.signed_check =
          du::JudgeSigned(mine, t, today, SignedValues(PlainValues(values.at(sc.unit.id))));
      row.areas_check = du::JudgeAreas(gaps);
      ++out.schools;
      out.lists += row.lists;
      out.signed_count += row.signed_count;
      if (row.signed_check.outcome == rules::Outcome::kPass &&
          row.areas_check.outcome == rules::Outcome::kPass) {
        ++out.schools_passing;
      }
      out.rows.push_back(std::move(row));
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportDutyBoard(Services& s, const RequestContext& ctx) {
  XA_ASSIGN_OR_RETURN(const auto board, GetDutyBoard(s, ctx));
  const auto n = [](int v) { return std::to_string(v); };
  const auto verdict = [](const rules::Verdict& v) {
    return std::string(rules::OutcomeLabel(v.outcome)) + "：" + v.reason;
  };
  std::vector<office::Row> rows = {
      office::TextRow({"学校", "职责清单", "已签订", "未签订", "待重签", "三管三必须缺口",
                       "职责清单签订", "三管三必须"})};
  for (const auto& r : board.rows) {
    rows.push_back(office::TextRow({r.school_name, n(r.lists), n(r.signed_count),
                                    n(r.unsigned_count), n(r.outdated_count), n(r.gaps),
                                    verdict(r.signed_check), verdict(r.areas_check)}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"责任落实", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "duty.export", kListSubject, "",
                "导出责任落实看板 " + std::to_string(board.rows.size()) + " 所学校")));
    return {};
  }));
  return bytes;
}

TaskSource DutyTaskSource() {
  return {
      kModule, [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
        std::vector<TaskGroup> out;
        if (!ctx.principal) return out;
        XA_ASSIGN_OR_RETURN(const auto mine, GetMyDutyList(s, ctx));
        if (mine && mine->can_sign) {
          out.push_back({"duty.sign",
                         "签订安全工作职责清单",
                         1,
                         0,
                         {{kListSubject, mine->list.id, std::nullopt,
                           "我的安全工作职责清单" + std::string(du::StateLabel(mine->state.state)) +
                               "：" + mine->state.reason,
                           mine->list.school_name, "", false}}});
        }
        if (!ctx.Can(perm::kDutyManage) || !ctx.Can(perm::kDutyRead) || !ctx.unit_id) {
          return out;
        }
        std::optional<SchoolDuties> duties;
        std::optional<DutyAreasView> areas;
        XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
          XA_ASSIGN_OR_RETURN(const auto unit, tx.org().FindUnit(*ctx.unit_id));
          if (!unit || unit->kind != "school") return {};
          XA_ASSIGN_OR_RETURN(const auto school, SchoolAsAddress(tx, ctx, unit->id));
          XA_ASSIGN_OR_RETURN(duties, SchoolDutiesOf(s, tx, ctx, school));
          XA_ASSIGN_OR_RETURN(areas, AreasViewOf(s, tx, ctx, school));
          return {};
        }));
        if (duties && duties->unsigned_count + duties->outdated_count > 0) {
          TaskGroup g{"duty.pending",
                      "职责清单待签订",
                      duties->unsigned_count + duties->outdated_count,
                      0,
                      {}};
          for (const auto& v : duties->lists) {
            if (v.state.state == du::State::kSigned) continue;
            if (g.items.size() >= static_cast<std::size_t>(kTaskItems)) break;
            g.items.push_back({kListSubject, v.list.id, std::nullopt,
                               v.list.holder_name + "：" + v.state.reason, duties->school_name, "",
                               false});
          }
          out.push_back(std::move(g));
        }
        if (areas && !areas->gaps.empty()) {
          out.push_back({"duty.areas",
                         "三管三必须待明确",
                         static_cast<std::int64_t>(areas->gaps.size()),
                         0,
                         {{kAreasSubject, areas->school_id, std::nullopt,
                           du::AreasRule().title + "：" + areas->check->reason, areas->school_name,
                           "", false}}});
        }
        return out;
      }};
}

RuleModule DutyRuleModule() {
  RuleModule m;
  m.module = kModule;
  m.rules = du::RuleDecls();
  m.configure_path = "/rules";
  // The lists and areas as they stand are judged for this month, or last month on its last
  // day's next morning; older months keep what was judged then.
  m.judge_school = [](domain::Tx& tx,
                      const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
    std::vector<rules::Judgement> out;
    const auto span = rules::PeriodOf(rules::Period::kMonth, in.day, in.calendar);
    if (!span || span->last < in.today - std::chrono::days{1}) return out;
    const auto id = in.school.unit.id;
    XA_ASSIGN_OR_RETURN(const auto t, TemplatesInForce(tx));
    XA_ASSIGN_OR_RETURN(const auto lists, tx.duties().Lists(domain::ScopeFilter{}, id));
    XA_ASSIGN_OR_RETURN(const auto set, tx.duties().AreasOf(id));
    XA_ASSIGN_OR_RETURN(const bool office, HasSafetyOffice(tx, id));
    const bool open = in.today <= span->last;
    out.push_back({&du::SignedRule(), *span, open,
                   du::JudgeSigned(lists, t, cal::FormatDate(in.today), SignedValues(in.values))});
    out.push_back(
        {&du::AreasRule(), *span, open, du::JudgeAreas(du::AreaGaps(set, lists, t, office))});
    XA_ASSIGN_OR_RETURN(const auto dues, WorkDuesOf(tx, id));
    out.push_back(
        {&du::WorkRule(), *span, open, du::JudgeWork(dues, span->first, span->last, in.today)});
    return out;
  };
  return m;
}

}  // namespace xiaoan::app
