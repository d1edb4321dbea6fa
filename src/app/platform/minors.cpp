#include "app/platform/minors.hpp"

#include <chrono>

#include "app/calendar/calendar.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/strings.hpp"
#include "domain/auth/auth.hpp"
#include "domain/org/org.hpp"
#include "domain/platform/field_checks.hpp"
#include "domain/store.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace perm = domain::perm;
using domain::GrantStanding;
using domain::MinorsGrant;

namespace {

constexpr const char* kSubject = "minors_grant";
constexpr int kListed = 200;

// The permission that reads the records of a kind in its module (parents' receipts: edu:read).
const char* ReadPermissionOf(const std::string& /*kind*/) { return perm::kEduRead; }

bool OwnSchool(const RequestContext& ctx, std::int64_t school_id) {
  return !ctx.principal || ctx.principal->unit_id == school_id;
}

bool MayDecide(const RequestContext& ctx, const MinorsGrant& g) {
  return ctx.principal && ctx.Can(perm::kMinorsGrant) && ctx.Covers(g.unit_path) &&
         g.grantee != ctx.actor;
}

GrantView ViewOf(const RequestContext& ctx, MinorsGrant g, Instant now) {
  GrantView v;
  v.standing = domain::StandingOf(g, now);
  v.can_decide = v.standing == GrantStanding::kRequested && MayDecide(ctx, g);
  v.can_revoke = v.standing == GrantStanding::kActive &&
                 (g.grantee == ctx.actor ||
                  (ctx.principal && ctx.Can(perm::kMinorsGrant) && ctx.Covers(g.unit_path)));
  v.grant = std::move(g);
  return v;
}

Error GrantNotFound() { return NotFound("查阅申请不存在或不在您的管辖范围内"); }

// Who sees a grant: its grantee, and those who decide on or audit the school's grants.
bool MaySee(const RequestContext& ctx, const MinorsGrant& g) {
  return g.grantee == ctx.actor ||
         ((ctx.Can(perm::kMinorsGrant) || ctx.Can(perm::kAuditRead)) && ctx.Covers(g.unit_path));
}

Result<MinorsGrant> LoadGrant(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto g, tx.minors().FindGrant(id));
  if (!g || !MaySee(ctx, *g)) return GrantNotFound();
  return std::move(*g);
}

std::string KindLabel(const std::string& kind) {
  const auto* k = domain::FindSensitiveKind(kind);
  return k ? std::string(k->label) : kind;
}

Status TellGrantee(Services& s, domain::Tx& tx, const RequestContext& ctx, const MinorsGrant& g,
                   const std::string& title, const std::string& body) {
  XA_ASSIGN_OR_RETURN(auto user, tx.users().FindByUsername(g.grantee));
  if (!user) return {};
  return Notify(s, tx, {user->id}, {"minors.grant", title, body, kSubject, std::to_string(g.id)},
                ctx.actor);
}

// [1 January, next 1 January) of a year in China, as instants.
std::pair<Instant, Instant> YearSpan(int year) {
  using namespace std::chrono;
  const auto start = sys_days(std::chrono::year(year) / January / 1) - hours(8);
  const auto end = sys_days(std::chrono::year(year + 1) / January / 1) - hours(8);
  return {time_point_cast<milliseconds>(start), time_point_cast<milliseconds>(end)};
}

}  // namespace

Result<std::vector<GrantView>> ListMinorsGrants(Services& s, const RequestContext& ctx,
                                                bool mine_only) {
  if (!ctx.principal) return InvalidArgument("actor", "查阅申请属于登录用户");
  const bool oversee = !mine_only && (ctx.Can(perm::kMinorsGrant) || ctx.Can(perm::kAuditRead));
  const auto now = s.clock.Now();
  std::vector<GrantView> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    domain::GrantFilter f;
    f.grantee = ctx.actor;
    f.or_in_scope = oversee;
    XA_ASSIGN_OR_RETURN(auto grants, tx.minors().Grants(f, ctx.Scope(), kListed));
    out.reserve(grants.size());
    for (auto& g : grants) out.push_back(ViewOf(ctx, std::move(g), now));
    return {};
  }));
  return out;
}

Result<GrantView> GetMinorsGrant(Services& s, const RequestContext& ctx, std::int64_t id) {
  const auto now = s.clock.Now();
  GrantView out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto g, LoadGrant(tx, ctx, id));
    out = ViewOf(ctx, std::move(g), now);
    return {};
  }));
  return out;
}

Result<GrantView> RequestMinorsGrant(Services& s, const RequestContext& ctx, std::int64_t unit_id,
                                     std::string kind, std::string reason, int days) {
  if (!ctx.principal) return InvalidArgument("actor", "查阅申请须由登录用户提出");
  XA_TRY(RequirePermission(ctx, ReadPermissionOf(kind), "申请查阅未成年人信息"));
  reason = std::string(Trim(reason));
  auto problems = domain::CheckGrantRequest(kind, reason, days);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  const auto now = s.clock.Now();
  GrantView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, tx.org().FindUnit(unit_id));
    if (!school || school->kind != "school" || !ctx.Covers(school->path)) {
      return domain::ValidationError({{"unit_id", "请选择您管辖范围内的学校"}});
    }
    if (OwnSchool(ctx, unit_id)) {
      return domain::ValidationError({{"unit_id", "本校人员按职责查看，无需申请"}});
    }
    XA_ASSIGN_OR_RETURN(auto open, tx.minors().OpenGrants(ctx.actor, unit_id, kind));
    for (const auto& g : open) {
      const auto standing = domain::StandingOf(g, now);
      if (standing == GrantStanding::kRequested || standing == GrantStanding::kActive) {
        return FailedPrecondition("minors.grant_open",
                                  "您对" + school->name + "的" + KindLabel(kind) + "已有" +
                                      std::string(GrantStandingLabel(standing)) + "的查阅申请");
      }
    }
    MinorsGrant g;
    g.grantee = ctx.actor;
    g.unit_id = unit_id;
    g.kind = kind;
    g.reason = reason;
    g.days = days;
    g.requested_at = now;
    XA_TRY(tx.minors().InsertGrant(g));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "minors.grant.request", kSubject, std::to_string(g.id),
                                     "申请查阅" + school->name + "的" + KindLabel(kind) + " " +
                                         std::to_string(days) + " 天：" + reason)));
    XA_ASSIGN_OR_RETURN(auto leaders, Recipients(tx, unit_id, {"school_leader"}));
    XA_TRY(Notify(s, tx, leaders,
                  {"minors.grant", "查阅申请待审批：" + KindLabel(kind),
                   ctx.principal->display_name + "（" + ctx.principal->unit_name + "）申请查阅 " +
                       std::to_string(days) + " 天：" + reason,
                   kSubject, std::to_string(g.id)},
                  ctx.actor));
    XA_ASSIGN_OR_RETURN(auto stored, tx.minors().FindGrant(g.id));
    out = ViewOf(ctx, std::move(*stored), now);
    return {};
  }));
  return out;
}

Result<GrantView> DecideMinorsGrant(Services& s, const RequestContext& ctx, std::int64_t id,
                                    bool approve, std::string note) {
  XA_TRY(RequirePermission(ctx, perm::kMinorsGrant, "审批查阅未成年人信息"));
  note = std::string(Trim(note));
  std::vector<ErrorDetail> problems;
  domain::CheckText(problems, "note", note, "审批意见", domain::kMaxGrantReason, !approve);
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  const auto now = s.clock.Now();
  GrantView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto g, LoadGrant(tx, ctx, id));
    if (!ctx.Covers(g.unit_path)) return GrantNotFound();
    if (g.grantee == ctx.actor) {
      return Error{ErrorCode::kPermissionDenied, "不能审批自己的查阅申请", {}};
    }
    if (approve) {
      XA_TRY(domain::ApproveGrant(g, ctx.actor, now, note));
    } else {
      XA_TRY(domain::RefuseGrant(g, ctx.actor, now, note));
    }
    XA_TRY(tx.minors().UpdateGrant(g));
    const std::string what = g.unit_name + "的" + KindLabel(g.kind);
    XA_TRY(tx.audit().Append(
        AuditOf(s, ctx, approve ? "minors.grant.approve" : "minors.grant.refuse", kSubject,
                std::to_string(id),
                (approve ? "同意 " : "拒绝 ") + g.grantee + " 查阅" + what +
                    (approve ? "，" + std::to_string(g.days) + " 天" : std::string()) +
                    (note.empty() ? std::string() : "：" + note))));
    XA_TRY(TellGrantee(s, tx, ctx, g,
                       approve ? "查阅申请已同意：" + what : "查阅申请未同意：" + what,
                       approve ? "有效期 " + std::to_string(g.days) + " 天" : note));
    XA_ASSIGN_OR_RETURN(auto stored, tx.minors().FindGrant(id));
    out = ViewOf(ctx, std::move(*stored), now);
    return {};
  }));
  return out;
}

Result<GrantView> RevokeMinorsGrant(Services& s, const RequestContext& ctx, std::int64_t id) {
  if (!ctx.principal) return InvalidArgument("actor", "撤销查阅授权须由登录用户");
  const auto now = s.clock.Now();
  GrantView out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto g, LoadGrant(tx, ctx, id));
    const bool decider = ctx.Can(perm::kMinorsGrant) && ctx.Covers(g.unit_path);
    if (g.grantee != ctx.actor && !decider) {
      XA_TRY(RequirePermission(ctx, perm::kMinorsGrant, "撤销查阅授权"));
      return GrantNotFound();
    }
    XA_TRY(domain::RevokeGrant(g, ctx.actor, now));
    XA_TRY(tx.minors().UpdateGrant(g));
    XA_TRY(tx.audit().Append(AuditOf(
        s, ctx, "minors.grant.revoke", kSubject, std::to_string(id),
        "撤销 " + g.grantee + " 查阅" + g.unit_name + "的" + KindLabel(g.kind) + "的授权")));
    if (g.grantee != ctx.actor) {
      XA_TRY(TellGrantee(s, tx, ctx, g, "查阅授权已撤销：" + g.unit_name + "的" + KindLabel(g.kind),
                         "撤销人：" + ctx.principal->display_name));
    }
    XA_ASSIGN_OR_RETURN(auto stored, tx.minors().FindGrant(id));
    out = ViewOf(ctx, std::move(*stored), now);
    return {};
  }));
  return out;
}

Result<MinorsAccess> MinorsAccessTo(Services& s, domain::Tx& tx, const RequestContext& ctx,
                                    std::int64_t school_id, const std::string& kind) {
  if (OwnSchool(ctx, school_id)) return MinorsAccess{};
  XA_ASSIGN_OR_RETURN(auto open, tx.minors().OpenGrants(ctx.actor, school_id, kind));
  const auto now = s.clock.Now();
  for (const auto& g : open) {
    if (domain::GrantActive(g, now) && ctx.Covers(g.unit_path)) return MinorsAccess{g.id};
  }
  return Error{
      ErrorCode::kPermissionDenied,
      KindLabel(kind) + "属于未成年人信息，上级单位须经学校负责人授权后查看（未成年人信息查阅）",
      {}};
}

Status LogMinorsRead(Services& s, domain::Tx& tx, const RequestContext& ctx,
                     const MinorsAccess& access, std::int64_t school_id, const std::string& kind,
                     const std::string& subject, int records) {
  domain::MinorsRead r;
  r.reader = ctx.actor;
  r.unit_id = school_id;
  r.kind = kind;
  r.subject = subject;
  r.records = records;
  r.grant_id = access.grant_id;
  r.at = s.clock.Now();
  XA_TRY(tx.minors().LogRead(r));
  XA_TRY(tx.audit().Append(
      AuditOf(s, ctx, "minors.read", subject.substr(0, subject.find(':')),
              subject.substr(subject.find(':') + 1),
              "查阅" + KindLabel(kind) + " " + std::to_string(records) + " 条" +
                  (access.grant_id ? "（查阅授权 " + std::to_string(*access.grant_id) + "）"
                                   : std::string("（本校）")))));
  return {};
}

Result<MinorsAccessReport> GetMinorsAccessReport(Services& s, const RequestContext& ctx,
                                                 std::optional<int> wanted) {
  if (!ctx.Can(perm::kMinorsGrant) && !ctx.Can(perm::kAuditRead)) {
    XA_TRY(RequirePermission(ctx, perm::kMinorsGrant, "查看未成年人信息查阅报告"));
  }
  const int year = wanted.value_or(domain::calendar::YearOf(TodayInChina(s)));
  if (year < 2000 || year > 2100) return InvalidArgument("year", "年份须在 2000 至 2100 之间");
  const auto [from, until] = YearSpan(year);
  MinorsAccessReport out;
  out.year = year;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out.rows, tx.minors().ReadReport(ctx.Scope(), from, until));
    XA_ASSIGN_OR_RETURN(auto counts, tx.minors().GrantCounts(ctx.Scope(), from, until));
    for (const auto& [state, n] : counts) {
      switch (state) {
        case domain::GrantState::kRequested:
          out.requested += n;
          break;
        case domain::GrantState::kApproved:
          out.approved += n;
          break;
        case domain::GrantState::kRefused:
          out.refused += n;
          break;
        case domain::GrantState::kRevoked:
          out.revoked += n;
          break;
      }
    }
    return {};
  }));
  return out;
}

Result<std::string> ExportMinorsAccessReport(Services& s, const RequestContext& ctx,
                                             std::optional<int> wanted) {
  XA_ASSIGN_OR_RETURN(auto report, GetMinorsAccessReport(s, ctx, wanted));
  const int year = report.year;
  office::Sheet reads{"查阅记录",
                      {office::TextRow({"学校", "查阅人", "账号", "查阅人单位", "信息类别", "方式",
                                        "查阅次数", "查阅条数", "首次查阅", "最近查阅"})}};
  for (const auto& r : report.rows) {
    reads.rows.push_back({r.unit_name, r.reader_name, r.reader, r.reader_unit_name,
                          KindLabel(r.kind), r.via_grant ? "查阅授权" : "本校职责",
                          office::Cell::Of(office::Cell::Type::kNumber, std::to_string(r.reads)),
                          office::Cell::Of(office::Cell::Type::kNumber, std::to_string(r.records)),
                          office::Cell::DateTime(ChinaDateTimeText(r.first_at)),
                          office::Cell::DateTime(ChinaDateTimeText(r.last_at))});
  }
  const auto number = [](std::int64_t n) {
    return office::Cell::Of(office::Cell::Type::kNumber, std::to_string(n));
  };
  office::Sheet grants{"查阅申请",
                       {office::TextRow({"年份", "待审批", "已同意", "已拒绝", "已撤销"})}};
  grants.rows.push_back({std::to_string(year), number(report.requested), number(report.approved),
                         number(report.refused), number(report.revoked)});
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({reads, grants}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "minors.report.export", kSubject, std::to_string(year),
                                     "导出 " + std::to_string(year) + " 年未成年人信息查阅报告")));
    return {};
  }));
  return bytes;
}

TaskSource MinorsGrantTaskSource() {
  return {"minors", [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kMinorsGrant)) return out;
            XA_ASSIGN_OR_RETURN(auto grants, ListMinorsGrants(s, ctx, false));
            TaskGroup g{"minors.grants", "未成年人信息查阅待审批", 0, 0, {}};
            for (const auto& v : grants) {
              if (!v.can_decide) continue;
              ++g.count;
              if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
                g.items.push_back(
                    {kSubject, v.grant.id, std::nullopt,
                     (v.grant.grantee_name.empty() ? v.grant.grantee : v.grant.grantee_name) +
                         "申请查阅" + KindLabel(v.grant.kind),
                     v.grant.unit_name, "", false});
              }
            }
            if (g.count > 0) out.push_back(std::move(g));
            return out;
          }};
}

}  // namespace xiaoan::app
