#include "app/campaigns/campaigns.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/hazards/hazards.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/checklist/answer_text.hpp"
#include "domain/hazard/hazard.hpp"
#include "domain/hazard/ledger.hpp"
#include "domain/org/org.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace cp = domain::campaign;
namespace cl = domain::checklist;

namespace {

constexpr int kSchoolPage = 500;

std::string Today(const Services& s) { return domain::hazard::ChinaDate(s.clock.Now()); }

Error NotVisible() { return NotFound("专项行动不存在或不在您的管辖范围内"); }
Error Denied(std::string message) {
  return Error{ErrorCode::kPermissionDenied, std::move(message), {}};
}
// The caller as shown on a campaign's timeline: the display name, else the username.
std::string DisplayNameOf(const RequestContext& ctx) {
  return ctx.principal && !ctx.principal->display_name.empty() ? ctx.principal->display_name
                                                               : ctx.actor;
}

bool Longer(const std::string& text, std::size_t chars) {
  return Utf8Length(text).value_or(text.size()) > chars;
}

bool Contains(const std::vector<std::int64_t>& v, std::int64_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// A title cut to at most `bytes` without splitting a character.
std::string Cut(const std::string& text, std::size_t bytes) {
  std::size_t cut = std::min(text.size(), bytes);
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return text.substr(0, cut);
}

struct Loaded {
  cp::Campaign campaign;
  CampaignRoles roles;
  // Every school of the campaign within the caller's scope (a bureau, not an inspector): all of
  // them at the deploying bureau; only its own at a bureau below it (`partial`), which reads the
  // campaign, its board and its ranking for those schools and changes nothing.
  bool sees_all = false;
  bool partial = false;
  std::vector<cp::Team> teams;
};

Result<Loaded> Load(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  if (!ctx.Can(domain::perm::kCampaignRead)) return NotVisible();
  XA_ASSIGN_OR_RETURN(auto c, tx.campaigns().Find(id));
  if (!c) return NotVisible();
  Loaded l;
  const bool at_bureau = ctx.Covers(c->owner_path);
  l.roles.manage = at_bureau && ctx.Can(domain::perm::kCampaignManage);
  l.sees_all = at_bureau && (l.roles.manage || !ctx.Can(domain::perm::kCampaignInspect));
  XA_ASSIGN_OR_RETURN(l.teams, tx.campaigns().Teams(id));
  for (const auto& t : l.teams) {
    if (std::find(t.members.begin(), t.members.end(), ctx.actor) != t.members.end()) {
      l.roles.team_ids.push_back(t.id);
    }
  }
  if (ctx.unit_id) {
    XA_ASSIGN_OR_RETURN(auto mine, tx.campaigns().Targets(id, *ctx.unit_id));
    if (!mine.empty()) l.roles.school_id = *ctx.unit_id;
  }
  l.roles.fill = l.roles.school_id.has_value() && ctx.Can(domain::perm::kCampaignFill);
  l.roles.inspect =
      ctx.Can(domain::perm::kCampaignInspect) && (l.roles.manage || !l.roles.team_ids.empty());
  if (!at_bureau && !l.roles.school_id &&
      (ctx.Can(domain::perm::kCampaignManage) || !ctx.Can(domain::perm::kCampaignInspect))) {
    XA_ASSIGN_OR_RETURN(l.partial, tx.campaigns().Reaches(id, ctx.Scope()));
    l.sees_all = l.partial;
  }
  if (!at_bureau && !l.partial && !l.roles.school_id && l.roles.team_ids.empty()) {
    return NotVisible();
  }
  l.campaign = std::move(*c);
  return l;
}

// The caller may see this school of the campaign.
bool SeesSchool(const RequestContext& ctx, const Loaded& l, const cp::Target& t) {
  if (l.sees_all && ctx.Covers(t.school_path)) return true;
  if (l.roles.school_id == t.school_id) return true;
  return t.team_id && Contains(l.roles.team_ids, *t.team_id);
}

Result<cp::Target> LoadTarget(domain::Tx& tx, const RequestContext& ctx, const Loaded& l,
                              std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(auto t, tx.campaigns().Targets(l.campaign.id, school_id));
  if (t.empty() || !SeesSchool(ctx, l, t.front())) {
    return NotFound("该学校不在这次专项行动中或不在您的检查范围内");
  }
  return std::move(t.front());
}

// The inspection the caller makes of a school: its kind and team, or none when it may not.
struct Inspector {
  std::string kind;
  std::optional<std::int64_t> team_id;
};
std::optional<Inspector> InspectorOf(const RequestContext& ctx, const Loaded& l,
                                     const cp::Target& t) {
  if (!ctx.Can(domain::perm::kCampaignInspect)) return std::nullopt;
  if (t.team_id && Contains(l.roles.team_ids, *t.team_id)) {
    for (const auto& team : l.teams) {
      if (team.id == *t.team_id) return Inspector{team.kind, team.id};
    }
  }
  if (l.roles.manage && ctx.Covers(t.school_path)) return Inspector{l.campaign.level, {}};
  return std::nullopt;
}

Result<std::vector<cl::Template>> TemplatesOf(domain::Tx& tx, const cp::Campaign& c) {
  std::vector<cl::Template> out;
  for (const auto id : c.template_ids) {
    XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Find(id));
    if (t) out.push_back(std::move(*t));
  }
  return out;
}

Result<std::vector<cp::Due>> DueOf(domain::Tx& tx, const std::vector<cl::Template>& templates,
                                   std::int64_t school_id) {
  XA_ASSIGN_OR_RETURN(auto school, tx.org().FindSchool(school_id));
  if (!school) return std::vector<cp::Due>{};
  return cp::SheetsDue(templates, school->profile, school->key_places);
}

const cl::Template* TemplateIn(const std::vector<cl::Template>& templates, std::int64_t id) {
  for (const auto& t : templates) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::vector<cl::Item> ItemsOfDue(const cl::Template& t, const cp::Due& d) {
  return cl::ItemsAt(t, d.place.key_place_id ? std::optional(d.place.kind) : std::nullopt);
}

Status NotifySchool(Services& s, domain::Tx& tx, std::int64_t school_id, const std::string& kind,
                    const std::string& title, const std::string& body, std::int64_t campaign_id,
                    const std::string& except) {
  XA_ASSIGN_OR_RETURN(auto ids,
                      Recipients(tx, school_id, {"school_leader", "school_safety_officer"}));
  return Notify(s, tx, ids, {kind, title, body, "campaign", std::to_string(campaign_id)}, except);
}

Result<CampaignView> ViewOf(domain::Tx& tx, Loaded l) {
  CampaignView v;
  for (const auto id : l.campaign.template_ids) {
    XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Find(id));
    if (t) v.templates.push_back({t->id, t->code, t->name, t->version});
  }
  v.teams = std::move(l.teams);
  v.campaign = std::move(l.campaign);
  v.roles = std::move(l.roles);
  return v;
}

Status RequireOpen(const cp::Campaign& c) {
  if (c.state != "open") {
    return FailedPrecondition("campaign.closed", "专项行动已结束，不能再填写或反馈");
  }
  return {};
}

}  // namespace

// ---- Deploy and read ---------------------------------------------------------------------------

Result<CampaignView> DeployCampaign(Services& s, const RequestContext& ctx, cp::Campaign in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignManage, "部署专项行动"));
  in.state = "open";
  in.summary.clear();
  if (auto problems = cp::ValidateCampaign(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  if (!ctx.unit_id) return domain::ValidationError({{"owner", "部署单位未知"}});
  CampaignView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto owner, tx.org().FindUnit(*ctx.unit_id));
    if (!owner) return domain::ValidationError({{"owner", "部署单位不存在"}});
    std::vector<ErrorDetail> problems;
    for (std::size_t i = 0; i < in.template_ids.size(); ++i) {
      XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Find(in.template_ids[i]));
      if (!t || (t->owner_unit_id && owner->path.rfind(t->owner_path, 0) != 0)) {
        problems.push_back(
            {"template_ids[" + std::to_string(i) + "]", "检查表不存在或本单位不可使用"});
      }
    }
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    // The schools under the bureau the caller sees that the targets select.
    std::vector<std::int64_t> schools;
    domain::SchoolFilter f;
    f.scope = ctx.Scope();
    f.page.page_size = kSchoolPage;
    for (f.page.page = 1;; ++f.page.page) {
      XA_ASSIGN_OR_RETURN(auto page, tx.org().ListSchools(f));
      for (const auto& school : page.items) {
        if (school.unit.path.rfind(owner->path, 0) != 0) continue;
        if (cp::Targets(in.targets, school.unit.id, school.profile)) {
          schools.push_back(school.unit.id);
        }
      }
      if (static_cast<std::int64_t>(f.page.page) * f.page.page_size >= page.total) break;
    }
    for (std::size_t i = 0; i < in.targets.school_ids.size(); ++i) {
      if (!Contains(schools, in.targets.school_ids[i])) {
        problems.push_back({"targets.school_ids[" + std::to_string(i) + "]",
                            "学校不存在、不在管辖范围内或不符合其他条件"});
      }
    }
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    if (schools.empty()) return domain::ValidationError({{"targets", "没有符合条件的学校"}});
    in.owner_unit_id = owner->id;
    in.created_by = ctx.actor;
    in.created_at = s.Now();
    XA_TRY(tx.campaigns().Insert(in));
    XA_TRY(tx.campaigns().InsertTargets(in.id, schools));
    for (const auto id : schools) {
      XA_TRY(NotifySchool(s, tx, id, "campaign_deployed", "专项行动：" + in.name,
                          "请于 " + in.self_from + " 至 " + in.self_to + " 完成学校自查并提交",
                          in.id, ctx.actor));
    }
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "campaign.deploy", "campaign", std::to_string(in.id),
                "部署专项行动「" + in.name + "」，" + std::to_string(schools.size()) + " 所学校")));
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, in.id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(tx, std::move(l)));
    return {};
  }));
  return out;
}

Result<domain::PageResult<cp::Campaign>> ListCampaigns(Services& s, const RequestContext& ctx,
                                                       cp::CampaignFilter f,
                                                       const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignRead, "查看专项行动"));
  if (f.state && !domain::HasCode(cp::States(), *f.state)) {
    return domain::ValidationError({{"state", "取值须为：" + domain::JoinLabels(cp::States())}});
  }
  domain::PageResult<cp::Campaign> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    domain::ScopeFilter scope = ctx.Scope();
    if (ctx.principal) {
      // A school sees the campaigns it is in; an inspector without the bureau's reach (or with
      // campaign:inspect only) the campaigns of its teams; the bureau those it deployed in scope.
      std::optional<domain::Unit> unit;
      if (ctx.unit_id) {
        XA_ASSIGN_OR_RETURN(unit, tx.org().FindUnit(*ctx.unit_id));
      }
      if (unit && unit->kind == "school") {
        f.school_id = unit->id;
        scope = domain::ScopeFilter{};
      } else if (ctx.Can(domain::perm::kCampaignInspect) &&
                 !ctx.Can(domain::perm::kCampaignManage)) {
        f.member = ctx.actor;
        scope = domain::ScopeFilter{};
      } else {
        f.reaching = true;  // and a city's campaigns reaching the bureau's schools
      }
    }
    XA_ASSIGN_OR_RETURN(out, tx.campaigns().List(f, scope, page));
    return {};
  }));
  return out;
}

Result<CampaignView> GetCampaign(Services& s, const RequestContext& ctx, std::int64_t id) {
  CampaignView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(tx, std::move(l)));
    return {};
  }));
  return out;
}

Result<std::vector<cp::Target>> CampaignSchools(Services& s, const RequestContext& ctx,
                                                std::int64_t id) {
  std::vector<cp::Target> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(auto all, tx.campaigns().Targets(id, std::nullopt));
    for (auto& t : all) {
      if (SeesSchool(ctx, l, t)) out.push_back(std::move(t));
    }
    return {};
  }));
  return out;
}

// ---- Teams -------------------------------------------------------------------------------------

Result<cp::Team> CreateCampaignTeam(Services& s, const RequestContext& ctx,
                                    std::int64_t campaign_id, cp::Team in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignManage, "组建检查组"));
  in.campaign_id = campaign_id;
  if (auto problems = cp::ValidateTeam(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, campaign_id));
    if (!l.roles.manage) return NotVisible();
    XA_TRY(RequireOpen(l.campaign));
    std::vector<ErrorDetail> problems;
    for (std::size_t i = 0; i < in.members.size(); ++i) {
      XA_ASSIGN_OR_RETURN(auto user, tx.users().FindByUsername(in.members[i]));
      if (!user) problems.push_back({"members[" + std::to_string(i) + "]", "用户不存在"});
    }
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    XA_TRY(tx.campaigns().InsertTeam(in));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "campaign.team", "campaign", std::to_string(campaign_id),
                "组建检查组「" + in.name + "」，" + std::to_string(in.members.size()) + " 人")));
    return {};
  }));
  return in;
}

Result<std::vector<cp::Target>> AssignCampaignSchools(Services& s, const RequestContext& ctx,
                                                      std::int64_t campaign_id,
                                                      const std::vector<std::int64_t>& school_ids,
                                                      std::optional<std::int64_t> team_id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignManage, "分配检查学校"));
  if (school_ids.empty()) return domain::ValidationError({{"school_ids", "请选择学校"}});
  std::vector<cp::Target> out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, campaign_id));
    if (!l.roles.manage) return NotVisible();
    XA_TRY(RequireOpen(l.campaign));
    std::string team_name = "（不分配）";
    if (team_id) {
      const auto team = std::find_if(l.teams.begin(), l.teams.end(),
                                     [&](const cp::Team& t) { return t.id == *team_id; });
      if (team == l.teams.end()) return domain::ValidationError({{"team_id", "检查组不存在"}});
      team_name = team->name;
    }
    XA_ASSIGN_OR_RETURN(auto targets, tx.campaigns().Targets(campaign_id, std::nullopt));
    std::vector<ErrorDetail> problems;
    for (std::size_t i = 0; i < school_ids.size(); ++i) {
      const bool in_campaign =
          std::any_of(targets.begin(), targets.end(),
                      [&](const cp::Target& t) { return t.school_id == school_ids[i]; });
      if (!in_campaign) {
        problems.push_back({"school_ids[" + std::to_string(i) + "]", "学校不在这次专项行动中"});
      }
    }
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    for (const auto id : school_ids) XA_TRY(tx.campaigns().AssignTeam(campaign_id, id, team_id));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "campaign.assign", "campaign", std::to_string(campaign_id),
                std::to_string(school_ids.size()) + " 所学校分配给检查组" + team_name)));
    XA_ASSIGN_OR_RETURN(out, tx.campaigns().Targets(campaign_id, std::nullopt));
    return {};
  }));
  return out;
}

// ---- A school in the campaign ------------------------------------------------------------------

Result<CampaignSchoolView> GetCampaignSchool(Services& s, const RequestContext& ctx,
                                             std::int64_t campaign_id, std::int64_t school_id) {
  CampaignSchoolView v;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, campaign_id));
    XA_ASSIGN_OR_RETURN(v.target, LoadTarget(tx, ctx, l, school_id));
    XA_ASSIGN_OR_RETURN(auto templates, TemplatesOf(tx, l.campaign));
    XA_ASSIGN_OR_RETURN(auto due, DueOf(tx, templates, school_id));
    XA_ASSIGN_OR_RETURN(v.sheets, tx.campaigns().Sheets(campaign_id, school_id, std::nullopt));
    for (auto& d : due) {
      CampaignSchoolView::DueSheet ds;
      if (const auto* t = TemplateIn(templates, d.template_id)) {
        ds.items = ItemsOfDue(*t, d);
        ds.template_name = t->name;
      }
      for (const auto& sheet : v.sheets) {
        if (sheet.kind == "self" && sheet.template_id == d.template_id &&
            sheet.key_place_id == d.place.key_place_id) {
          ds.sheet_id = sheet.id;
        }
      }
      ds.due = std::move(d);
      v.due.push_back(std::move(ds));
    }
    XA_ASSIGN_OR_RETURN(v.messages, tx.campaigns().Messages(campaign_id, school_id));
    const bool open = l.campaign.state == "open";
    const std::string today = Today(s);
    const bool inspector = InspectorOf(ctx, l, v.target).has_value();
    v.can_fill = open && l.roles.fill && l.roles.school_id == school_id &&
                 v.target.state != "submitted" && today >= l.campaign.self_from;
    v.can_inspect = open && inspector && today >= l.campaign.inspect_from;
    v.can_feedback = open && inspector;
    v.can_reply = open && l.roles.fill && l.roles.school_id == school_id;
    return {};
  }));
  return v;
}

Result<SheetDetail> FillCampaignSheet(Services& s, const RequestContext& ctx,
                                      std::int64_t campaign_id, SheetInput in) {
  const bool self = in.kind == "self";
  if (!self && in.kind != "inspection") {
    return domain::ValidationError({{"kind", "须为 学校自查(self) 或 检查(inspection)"}});
  }
  if (self) {
    XA_TRY(RequirePermission(ctx, domain::perm::kCampaignFill, "填写学校自查"));
  } else {
    XA_TRY(RequirePermission(ctx, domain::perm::kCampaignInspect, "检查学校"));
  }
  XA_TRY(RequirePermission(ctx, domain::perm::kHazardReport, "上报隐患"));
  if (Longer(in.note, 500)) return domain::ValidationError({{"note", "备注不能超过 500 个字"}});
  SheetDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, campaign_id));
    XA_TRY(RequireOpen(l.campaign));
    XA_ASSIGN_OR_RETURN(auto target, LoadTarget(tx, ctx, l, in.school_id));
    const std::string today = Today(s);
    cp::Sheet sheet;
    sheet.campaign_id = campaign_id;
    sheet.school_id = in.school_id;
    if (self) {
      if (l.roles.school_id != in.school_id || !l.roles.fill) {
        return Denied("只有本校人员才能填写学校自查");
      }
      if (target.state == "submitted") {
        return FailedPrecondition("campaign.submitted", "自查已提交，不能再填写");
      }
      if (today < l.campaign.self_from) {
        return FailedPrecondition("campaign.self_not_open",
                                  "学校自查从 " + l.campaign.self_from + " 开始");
      }
      sheet.kind = "self";
    } else {
      const auto inspector = InspectorOf(ctx, l, target);
      if (!inspector) return Denied("您不在负责该校的检查组中");
      if (today < l.campaign.inspect_from) {
        return FailedPrecondition("campaign.inspection_not_open",
                                  "检查从 " + l.campaign.inspect_from + " 开始");
      }
      sheet.kind = inspector->kind;
      sheet.team_id = inspector->team_id;
    }
    XA_ASSIGN_OR_RETURN(auto templates, TemplatesOf(tx, l.campaign));
    const cl::Template* t = TemplateIn(templates, in.template_id);
    if (t == nullptr) {
      return domain::ValidationError({{"template_id", "这次专项行动没有这张检查表"}});
    }
    XA_ASSIGN_OR_RETURN(auto due, DueOf(tx, {*t}, in.school_id));
    const auto here = std::find_if(due.begin(), due.end(), [&](const cp::Due& d) {
      return d.place.key_place_id == in.key_place_id;
    });
    if (here == due.end()) {
      return domain::ValidationError({{"key_place_id", "这张检查表在该部位没有检查项"}});
    }
    XA_ASSIGN_OR_RETURN(auto self_sheets,
                        tx.campaigns().Sheets(campaign_id, in.school_id, std::string("self")));
    if (self && std::any_of(self_sheets.begin(), self_sheets.end(), [&](const cp::Sheet& x) {
          return x.template_id == in.template_id && x.key_place_id == in.key_place_id;
        })) {
      return FailedPrecondition("campaign.sheet_filled", "该部位的这张检查表已填写");
    }
    const auto items = ItemsOfDue(*t, *here);
    sheet.template_id = t->id;
    sheet.key_place_id = in.key_place_id;
    sheet.filled_by = ctx.principal && !ctx.principal->display_name.empty()
                          ? ctx.principal->display_name
                          : ctx.actor;
    sheet.username = ctx.actor;
    sheet.filled_at = s.Now();
    sheet.note = std::move(in.note);
    sheet.answers = std::move(in.answers);
    XA_ASSIGN_OR_RETURN(sheet.failed, cl::JudgeAnswers(items, sheet.answers));
    std::vector<std::vector<domain::StoredFile>> photos(sheet.answers.size());
    std::vector<domain::StoredFile> files;
    for (std::size_t i = 0; i < sheet.answers.size(); ++i) {
      auto claimed = ClaimFiles(tx, ctx, sheet.answers[i].file_ids);
      if (!claimed) {
        auto e = claimed.error();
        for (auto& d : e.details) d.field = "answers[" + std::to_string(i) + "]." + d.field;
        return e;
      }
      photos[i] = *claimed;
      for (auto& f : *claimed) {
        if (std::none_of(files.begin(), files.end(), [&](const auto& x) { return x.id == f.id; })) {
          files.push_back(std::move(f));
        }
      }
    }
    if (!self) sheet.missed = cp::MissedItems(sheet, self_sheets);
    XA_TRY(tx.campaigns().InsertSheet(sheet));
    XA_TRY(AttachFiles(tx, files, "campaign_sheet", sheet.id));

    std::map<std::string, const cl::Item*> by_key;
    for (const auto& item : items) by_key.emplace(item.key, &item);
    const std::string from = "专项行动「" + l.campaign.name + "」";
    if (self) {
      if (target.state == "not_started") {
        XA_TRY(tx.campaigns().SetTargetState(campaign_id, in.school_id, "in_progress",
                                             sheet.filled_at));
      }
      // What the school found sound, domain by domain, for the ledger's missed rule.
      std::map<std::string, bool> passed;
      for (const auto& a : sheet.answers) {
        if (a.verdict == "na") continue;
        const auto& domain = by_key.at(a.item_key)->domain;
        auto [it, fresh] = passed.emplace(domain, true);
        if (a.verdict == "fail") it->second = false;
      }
      for (const auto& [domain, ok] : passed) {
        domain::hazard::SelfInspection si;
        si.school_id = in.school_id;
        si.key_place_id = in.key_place_id;
        si.domain = domain;
        si.passed = ok;
        si.checked_at = sheet.filled_at;
        si.checked_by = ctx.actor;
        si.campaign_id = campaign_id;
        si.note = from + "自查表 #" + std::to_string(sheet.id);
        XA_TRY(tx.hazards().InsertSelfInspection(si));
      }
    } else {
      // An item the school passed: its domain at this place was reported sound, which the
      // ledger's missed rule reads when the item's hazard is reported below.
      for (const auto& key : sheet.missed) {
        const auto own =
            std::find_if(self_sheets.rbegin(), self_sheets.rend(), [&](const cp::Sheet& x) {
              return x.template_id == sheet.template_id && x.key_place_id == sheet.key_place_id;
            });
        domain::hazard::SelfInspection si;
        si.school_id = in.school_id;
        si.key_place_id = in.key_place_id;
        si.domain = by_key.at(key)->domain;
        si.passed = true;
        si.checked_at = own != self_sheets.rend() ? own->filled_at : sheet.filled_at;
        si.checked_by = own != self_sheets.rend() ? own->username : "";
        si.campaign_id = campaign_id;
        si.note = from + "自查表检查项 " + key + " 自查合格";
        XA_TRY(tx.hazards().InsertSelfInspection(si));
      }
    }
    for (std::size_t i = 0; i < sheet.answers.size(); ++i) {
      auto& a = sheet.answers[i];
      if (a.verdict != "fail") continue;
      const auto& item = *by_key.at(a.item_key);
      const bool missed =
          std::find(sheet.missed.begin(), sheet.missed.end(), a.item_key) != sheet.missed.end();
      HazardInput h;
      h.school_id = in.school_id;
      h.key_place_id = in.key_place_id;
      h.domain = item.domain;
      h.level = item.failure_level;
      h.title = Cut(here->place.name + "：" + item.text, 180);
      h.description = from + std::string(domain::LabelOf(cp::InspectionKinds(), sheet.kind)) +
                      "发现（" + t->name + " " + item.key + "）：" + item.text + "\n检查结果：" +
                      cl::AnswerText(item, a.value) + (a.note.empty() ? "" : "\n说明：" + a.note) +
                      (missed ? "\n学校自查该项为合格（自查未发现）" : "");
      h.source = cp::SourceOf(sheet.kind);
      h.campaign_id = campaign_id;
      h.origin_type = "campaign_sheet";
      h.origin_id = sheet.id;
      h.copies = photos[i];
      XA_ASSIGN_OR_RETURN(auto hazard, ReportHazardIn(s, ctx, tx, std::move(h)));
      XA_TRY(tx.campaigns().SetAnswerHazard(sheet.id, a.item_key, hazard.id));
      a.hazard_id = hazard.id;
    }
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, self ? "campaign.self_inspect" : "campaign.inspect", "campaign_sheet",
        std::to_string(sheet.id),
        from + " " + target.school_name + " " + here->place.name + "：" + t->name +
            (sheet.failed ? "，不合格 " + std::to_string(sheet.failed) + " 项" : "，全部合格") +
            (sheet.missed.empty()
                 ? ""
                 : "，自查未发现 " + std::to_string(sheet.missed.size()) + " 项"))));
    if (!self) {
      XA_TRY(NotifySchool(
          s, tx, in.school_id, "campaign_inspected", from + "检查结果",
          here->place.name + "：" + t->name + "，不合格 " + std::to_string(sheet.failed) + " 项",
          campaign_id, ctx.actor));
    }
    XA_ASSIGN_OR_RETURN(auto stored, tx.campaigns().FindSheet(sheet.id));
    if (stored) out.sheet = std::move(*stored);
    out.items = items;
    XA_ASSIGN_OR_RETURN(out.files, tx.files().OfSubject("campaign_sheet", sheet.id));
    return {};
  }));
  return out;
}

Result<SheetDetail> GetCampaignSheet(Services& s, const RequestContext& ctx,
                                     std::int64_t sheet_id) {
  SheetDetail out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto sheet, tx.campaigns().FindSheet(sheet_id));
    if (!sheet) return NotFound("检查表不存在");
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, sheet->campaign_id));
    XA_TRY(LoadTarget(tx, ctx, l, sheet->school_id));
    XA_ASSIGN_OR_RETURN(auto t, tx.checklists().Find(sheet->template_id));
    if (t) {
      out.items =
          cl::ItemsAt(*t, sheet->key_place_id ? std::optional(sheet->place_kind) : std::nullopt);
    }
    XA_ASSIGN_OR_RETURN(out.files, tx.files().OfSubject("campaign_sheet", sheet_id));
    out.sheet = std::move(*sheet);
    return {};
  }));
  return out;
}

Result<cp::Target> SubmitSelfInspection(Services& s, const RequestContext& ctx,
                                        std::int64_t campaign_id, std::int64_t school_id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignFill, "提交学校自查"));
  cp::Target out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, campaign_id));
    XA_TRY(RequireOpen(l.campaign));
    XA_ASSIGN_OR_RETURN(auto target, LoadTarget(tx, ctx, l, school_id));
    if (l.roles.school_id != school_id) return Denied("只有本校人员才能提交学校自查");
    if (target.state == "submitted") {
      return FailedPrecondition("campaign.submitted", "自查已提交");
    }
    XA_ASSIGN_OR_RETURN(auto templates, TemplatesOf(tx, l.campaign));
    XA_ASSIGN_OR_RETURN(auto due, DueOf(tx, templates, school_id));
    XA_ASSIGN_OR_RETURN(auto sheets,
                        tx.campaigns().Sheets(campaign_id, school_id, std::string("self")));
    const auto missing = cp::Outstanding(due, sheets);
    if (!missing.empty()) {
      std::string list;
      for (const auto& d : missing) {
        const auto* t = TemplateIn(templates, d.template_id);
        list += (list.empty() ? "" : "、") + d.place.name + "（" + (t ? t->name : "") + "）";
      }
      return FailedPrecondition(
          "campaign.sheets_missing",
          "还有 " + std::to_string(missing.size()) + " 张检查表未填写：" + list);
    }
    const auto now = s.Now();
    XA_TRY(tx.campaigns().SetTargetState(campaign_id, school_id, "submitted", now));
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, "campaign.submit", "campaign", std::to_string(campaign_id),
                target.school_name + " 提交专项行动「" + l.campaign.name + "」自查，" +
                    std::to_string(sheets.size()) + " 张检查表")));
    XA_ASSIGN_OR_RETURN(auto t, tx.campaigns().Targets(campaign_id, school_id));
    if (!t.empty()) out = std::move(t.front());
    return {};
  }));
  return out;
}

Result<cp::Message> PostCampaignMessage(Services& s, const RequestContext& ctx,
                                        std::int64_t campaign_id, cp::Message in) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignRead, "反馈专项行动"));
  in.campaign_id = campaign_id;
  if (auto problems = cp::ValidateMessage(in); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, campaign_id));
    XA_TRY(RequireOpen(l.campaign));
    XA_ASSIGN_OR_RETURN(auto target, LoadTarget(tx, ctx, l, in.school_id));
    if (in.kind == "feedback" && !InspectorOf(ctx, l, target)) {
      return Denied("只有教育局或负责该校的检查组才能反馈");
    }
    if (in.kind == "reply" && !(l.roles.fill && l.roles.school_id == in.school_id)) {
      return Denied("只有本校人员才能回复");
    }
    in.author = DisplayNameOf(ctx);
    in.username = ctx.actor;
    in.at = s.Now();
    XA_TRY(tx.campaigns().InsertMessage(in));
    in.school_name = target.school_name;
    const std::string title = "专项行动「" + l.campaign.name + "」";
    if (in.kind == "feedback") {
      XA_TRY(NotifySchool(s, tx, in.school_id, "campaign_feedback", title + "反馈",
                          Cut(in.text, 600), campaign_id, ctx.actor));
    } else {
      XA_ASSIGN_OR_RETURN(auto creator, tx.users().FindByUsername(l.campaign.created_by));
      std::vector<std::int64_t> ids;
      if (creator) ids.push_back(creator->id);
      XA_TRY(Notify(s, tx, ids,
                    {"campaign_reply", title + "：" + target.school_name + "回复",
                     Cut(in.text, 600), "campaign", std::to_string(campaign_id)},
                    ctx.actor));
    }
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, in.kind == "feedback" ? "campaign.feedback" : "campaign.reply", "campaign",
                std::to_string(campaign_id),
                (in.kind == "feedback" ? "反馈 " : "回复：") + target.school_name +
                    (in.deadline ? "，期限 " + *in.deadline : ""))));
    return {};
  }));
  return in;
}

// ---- Board, evaluation, close ------------------------------------------------------------------

Result<CampaignBoard> GetCampaignBoard(Services& s, const RequestContext& ctx, std::int64_t id) {
  CampaignBoard out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
    if (!l.sees_all) return Denied("只有教育局可以查看专项行动进度");
    XA_ASSIGN_OR_RETURN(out.progress, tx.campaigns().ProgressOf(
                                          id, l.partial ? ctx.Scope() : domain::ScopeFilter{}));
    out.schools = l.campaign.school_count;
    if (l.partial) {
      out.schools = 0;
      for (const auto& [state, n] : out.progress.schools) out.schools += n;
    }
    return {};
  }));
  return out;
}

namespace {

// The ranking of the campaign's schools for a bureau: every school for the bureau that deployed
// it (or one above), a bureau below only its own schools, ranked among all of the campaign's;
// `name` is the campaign's, for the export's audit entry.
Status EvaluateIn(domain::Tx& tx, const RequestContext& ctx, std::int64_t id, Evaluation& out,
                  std::string& name) {
  XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
  if (!l.sees_all) return Denied("只有教育局可以查看专项行动评价");
  XA_ASSIGN_OR_RETURN(auto facts, tx.campaigns().Facts(id));
  out.weights = l.campaign.weights;
  out.scores = cp::Evaluate(out.weights, l.campaign.self_to, facts);
  out.ranked = static_cast<int>(out.scores.size());
  if (l.partial) {
    // A bureau below the deploying one: its own schools, ranked among all of the campaign's.
    XA_ASSIGN_OR_RETURN(auto targets, tx.campaigns().Targets(id, std::nullopt));
    std::vector<std::int64_t> own;
    for (const auto& t : targets) {
      if (ctx.Covers(t.school_path)) own.push_back(t.school_id);
    }
    std::erase_if(out.scores, [&](const cp::Score& sc) { return !Contains(own, sc.school_id); });
  }
  name = std::move(l.campaign.name);
  return {};
}

}  // namespace

Result<Evaluation> EvaluateCampaign(Services& s, const RequestContext& ctx, std::int64_t id) {
  Evaluation out;
  std::string name;
  XA_TRY(s.store.Read([&](domain::Tx& tx) { return EvaluateIn(tx, ctx, id, out, name); }));
  return out;
}

Result<Evaluation> EvaluateCampaignSchool(Services& s, const RequestContext& ctx, std::int64_t id,
                                          std::int64_t school_id) {
  Evaluation out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
    XA_TRY(LoadTarget(tx, ctx, l, school_id));
    XA_ASSIGN_OR_RETURN(auto facts, tx.campaigns().Facts(id));
    out.weights = l.campaign.weights;
    auto scores = cp::Evaluate(out.weights, l.campaign.self_to, facts);
    out.ranked = static_cast<int>(scores.size());
    for (auto& sc : scores) {
      if (sc.school_id == school_id) out.scores.push_back(std::move(sc));
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportEvaluation(Services& s, const RequestContext& ctx, std::int64_t id) {
  Evaluation e;
  std::string name;
  XA_TRY(s.store.Read([&](domain::Tx& tx) { return EvaluateIn(tx, ctx, id, e, name); }));
  const auto& w = e.weights;
  const auto pts = [](double v) {
    std::string t = std::to_string(v);
    t.erase(t.find('.') + 2);  // one decimal, as scored
    return t;
  };
  std::vector<office::Row> rows = {office::TextRow(
      {"排名", "学校", "总分", "按时完成自查（" + std::to_string(w.completion) + "）",
       "自查发现隐患（" + std::to_string(w.self_found) + "）",
       "无自查漏报（" + std::to_string(w.no_missed) + "）",
       "按期整改（" + std::to_string(w.rectified) + "）",
       "隐患已销号（" + std::to_string(w.closed) + "）", "隐患数", "自查发现", "自查未发现项",
       "未销号"})};
  for (const auto& sc : e.scores) {
    rows.push_back(
        office::TextRow({std::to_string(sc.rank), sc.school_name, pts(sc.total), pts(sc.completion),
                         pts(sc.self_found), pts(sc.no_missed), pts(sc.rectified), pts(sc.closed),
                         std::to_string(sc.hazards), std::to_string(sc.self_hazards),
                         std::to_string(sc.missed), std::to_string(sc.open)}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"专项行动评价", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "campaign.export", "campaign", std::to_string(id),
                                     "导出专项行动「" + name + "」评价表")));
    return {};
  }));
  return bytes;
}

namespace {

// Appends `hazards` to `out` with their typical marks and their photos.
Status WithPhotos(domain::Tx& tx, std::vector<domain::hazard::Hazard> hazards,
                  const std::map<std::int64_t, cp::Typical>& marked,
                  std::vector<CampaignHazard>& out) {
  std::vector<std::int64_t> ids;
  ids.reserve(hazards.size());
  for (const auto& h : hazards) ids.push_back(h.id);
  XA_ASSIGN_OR_RETURN(auto files, tx.hazards().FilesOfMany(ids));
  std::map<std::int64_t, std::vector<domain::StoredFile>> photos;
  for (auto& f : files) {
    if (f.content_type.rfind("image/", 0) == 0) photos[f.subject_id.value_or(0)].push_back(f);
  }
  for (auto& h : hazards) {
    CampaignHazard ch;
    if (auto m = marked.find(h.id); m != marked.end()) ch.typical = m->second;
    if (auto p = photos.find(h.id); p != photos.end()) ch.photos = std::move(p->second);
    ch.hazard = std::move(h);
    out.push_back(std::move(ch));
  }
  return {};
}

// The campaign's hazards with their marks and photos, in the order of ids (or the briefing's).
Result<std::vector<CampaignHazard>> HazardsOf(domain::Tx& tx, std::int64_t id, bool typical_only) {
  XA_ASSIGN_OR_RETURN(auto marks, tx.campaigns().TypicalOf(id));
  std::map<std::int64_t, cp::Typical> marked;
  for (auto& m : marks) marked.emplace(m.hazard_id, std::move(m));
  std::vector<std::int64_t> ids;
  if (typical_only) {
    for (const auto& [hazard_id, m] : marked) ids.push_back(hazard_id);
  } else {
    XA_ASSIGN_OR_RETURN(ids, tx.campaigns().HazardIds(id));
  }
  std::vector<CampaignHazard> out;
  constexpr std::size_t kChunk = 500;
  for (std::size_t at = 0; at < ids.size(); at += kChunk) {
    const std::vector<std::int64_t> part(
        ids.begin() + static_cast<std::ptrdiff_t>(at),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + kChunk)));
    XA_ASSIGN_OR_RETURN(auto hazards, tx.hazards().FindMany(part));
    XA_TRY(WithPhotos(tx, std::move(hazards), marked, out));
  }
  if (typical_only) {
    std::sort(out.begin(), out.end(), [](const CampaignHazard& a, const CampaignHazard& b) {
      return cp::BriefingBefore(
          {a.hazard.id, a.hazard.level, a.hazard.school_name, a.hazard.found_at},
          {b.hazard.id, b.hazard.level, b.hazard.school_name, b.hazard.found_at});
    });
  }
  return out;
}

}  // namespace

namespace {

// The campaign's hazards for the bureau that deployed it; `name` is the campaign's.
Status HazardsIn(domain::Tx& tx, const RequestContext& ctx, std::int64_t id, bool typical_only,
                 std::vector<CampaignHazard>& out, std::string& name) {
  XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
  if (!l.roles.manage) return Denied("只有部署专项行动的教育局可以查看典型问题");
  XA_ASSIGN_OR_RETURN(out, HazardsOf(tx, id, typical_only));
  name = std::move(l.campaign.name);
  return {};
}

}  // namespace

Result<std::vector<CampaignHazard>> CampaignHazards(Services& s, const RequestContext& ctx,
                                                    std::int64_t id, bool typical_only) {
  std::vector<CampaignHazard> out;
  std::string name;
  XA_TRY(s.store.Read(
      [&](domain::Tx& tx) { return HazardsIn(tx, ctx, id, typical_only, out, name); }));
  return out;
}

Result<CampaignHazard> MarkTypical(Services& s, const RequestContext& ctx, std::int64_t id,
                                   std::int64_t hazard_id, const std::string& note) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignManage, "标记典型问题"));
  cp::Typical t{id, hazard_id, note, DisplayNameOf(ctx), s.Now()};
  if (auto problems = cp::ValidateTypical(t); !problems.empty()) {
    return domain::ValidationError(std::move(problems));
  }
  CampaignHazard out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
    if (!l.roles.manage) return NotVisible();
    XA_ASSIGN_OR_RETURN(auto found, tx.hazards().FindMany({hazard_id}));
    if (found.empty() || found[0].campaign_id != id) {
      return domain::ValidationError({{"hazard_id", "该隐患不是本专项行动发现的"}});
    }
    XA_TRY(tx.campaigns().MarkTypical(t));
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "campaign.typical", "hazard", std::to_string(hazard_id),
        "在专项行动「" + l.campaign.name + "」中将隐患「" + found[0].title + "」列为典型问题")));
    std::vector<CampaignHazard> one;
    XA_TRY(WithPhotos(tx, std::move(found), {{hazard_id, t}}, one));
    out = std::move(one.front());
    return {};
  }));
  return out;
}

Status UnmarkTypical(Services& s, const RequestContext& ctx, std::int64_t id,
                     std::int64_t hazard_id) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignManage, "取消典型问题"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
    if (!l.roles.manage) return NotVisible();
    XA_ASSIGN_OR_RETURN(auto marks, tx.campaigns().TypicalOf(id));
    if (std::none_of(marks.begin(), marks.end(),
                     [&](const cp::Typical& m) { return m.hazard_id == hazard_id; })) {
      return NotFound("该隐患不是本专项行动的典型问题");
    }
    XA_TRY(tx.campaigns().UnmarkTypical(id, hazard_id));
    XA_TRY(
        tx.audit().Append(AuditOf(s, ctx, "campaign.typical", "hazard", std::to_string(hazard_id),
                                  "在专项行动「" + l.campaign.name + "」中取消典型问题")));
    return {};
  });
}

Result<std::string> ExportBriefing(Services& s, const RequestContext& ctx, std::int64_t id) {
  std::vector<CampaignHazard> items;
  std::string name;
  XA_TRY(s.store.Read([&](domain::Tx& tx) { return HazardsIn(tx, ctx, id, true, items, name); }));
  std::vector<office::Row> rows = {
      office::TextRow({"序号", "学校", "地点", "问题", "隐患等级", "领域", "状态", "整改期限",
                       "发现时间", "说明", "照片"})};
  int n = 0;
  for (const auto& it : items) {
    const auto& h = it.hazard;
    std::string photos;
    for (const auto& f : it.photos) photos += (photos.empty() ? "" : "、") + f.name;
    rows.push_back(office::TextRow(
        {std::to_string(++n), h.school_name, h.place, h.title,
         std::string(domain::LabelOf(domain::hazard::Levels(), h.level)),
         std::string(domain::LabelOf(domain::hazard::Domains(), h.domain)),
         std::string(domain::LabelOf(domain::hazard::States(), domain::hazard::StateCode(h.state))),
         h.deadline.value_or(""), h.found_at, it.typical ? it.typical->note : "", photos}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"典型问题通报", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "campaign.export", "campaign", std::to_string(id),
                                     "导出专项行动「" + name + "」典型问题通报")));
    return {};
  }));
  return bytes;
}

Result<CampaignView> CloseCampaign(Services& s, const RequestContext& ctx, std::int64_t id,
                                   const std::string& summary) {
  XA_TRY(RequirePermission(ctx, domain::perm::kCampaignManage, "结束专项行动"));
  if (summary.empty()) return domain::ValidationError({{"summary", "请填写专项行动总结"}});
  if (Longer(summary, 2000)) {
    return domain::ValidationError({{"summary", "总结不能超过 2000 个字"}});
  }
  CampaignView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, id));
    if (!l.roles.manage) return NotVisible();
    XA_TRY(RequireOpen(l.campaign));
    XA_TRY(tx.campaigns().Close(id, summary, s.Now()));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "campaign.close", "campaign", std::to_string(id),
                                     "结束专项行动「" + l.campaign.name + "」")));
    XA_ASSIGN_OR_RETURN(auto again, Load(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, ViewOf(tx, std::move(again)));
    return {};
  }));
  return out;
}

FileSubject CampaignFileSubject() {
  return {"campaign_sheet",
          [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            if (!ctx.Can(domain::perm::kCampaignRead)) return NotFound("检查表不存在");
            XA_ASSIGN_OR_RETURN(auto sheet, tx.campaigns().FindSheet(id));
            if (!sheet) return NotFound("检查表不存在");
            XA_ASSIGN_OR_RETURN(auto l, Load(tx, ctx, sheet->campaign_id));
            XA_TRY(LoadTarget(tx, ctx, l, sheet->school_id));
            return {};
          }};
}

}  // namespace xiaoan::app
