// Minors' data (未成年人信息, docs/security.md): grants to read a school's records about students,
// their approval, and the yearly access report.
#include <boost/json.hpp>

#include <algorithm>

#include "app/platform/minors.hpp"
#include "domain/auth/auth.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;

namespace {

json::value OptInstantJson(const std::optional<Instant>& t) {
  return t ? json::value(FormatInstant(*t)) : json::value(nullptr);
}

std::string KindLabel(const std::string& kind) {
  const auto* k = domain::FindSensitiveKind(kind);
  return k ? std::string(k->label) : kind;
}

json::object ToJson(const app::GrantView& v) {
  const auto& g = v.grant;
  return {{"id", g.id},
          {"grantee", g.grantee},
          {"grantee_name", g.grantee_name},
          {"grantee_unit_name", g.grantee_unit_name},
          {"unit_id", g.unit_id},
          {"unit_name", g.unit_name},
          {"kind", g.kind},
          {"kind_label", KindLabel(g.kind)},
          {"reason", g.reason},
          {"days", g.days},
          {"state", domain::GrantStandingCode(v.standing)},
          {"state_label", domain::GrantStandingLabel(v.standing)},
          {"requested_at", FormatInstant(g.requested_at)},
          {"decided_by", g.decided_by},
          {"decided_by_name", g.decided_by_name},
          {"decided_at", OptInstantJson(g.decided_at)},
          {"note", g.note},
          {"from", OptInstantJson(g.from)},
          {"until", OptInstantJson(g.until)},
          {"revoked_by", g.revoked_by},
          {"can_decide", v.can_decide},
          {"can_revoke", v.can_revoke}};
}

Result<std::optional<int>> YearOf(QueryReader& q) {
  const auto year = q.Int("year");
  XA_TRY(q.Finish());
  if (!year) return std::optional<int>{};
  // Out of range: the use case names the field.
  return std::optional<int>{static_cast<int>(std::clamp<std::int64_t>(*year, 0, 10000))};
}

}  // namespace

void AddMinorsRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/minors/kinds", Access::LoggedIn(),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          json::array items;
          for (const auto& k : domain::SensitiveKinds()) {
            items.push_back(json::object{{"code", k.code}, {"label", k.label}});
          }
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
        });
  r.Add("GET", "/api/v1/minors/grants", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto mine = q.Bool("mine");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto list,
                              app::ListMinorsGrants(s, ContextOf(req), mine.value_or(false)));
          json::array items;
          for (const auto& v : list) items.push_back(ToJson(v));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
        });
  r.Add(
      "POST", "/api/v1/minors/grants", Access::LoggedIn(),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        // Missing fields are the use case's to name, after its permission check.
        const auto unit_id = f.Int("unit_id", false);
        auto kind = f.Str("kind", false).value_or("");
        auto reason = f.Str("reason", false).value_or("");
        const auto days = f.Int("days", false);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(
            auto v, app::RequestMinorsGrant(s, ContextOf(req), unit_id.value_or(0), std::move(kind),
                                            std::move(reason),
                                            static_cast<int>(std::clamp<std::int64_t>(
                                                days.value_or(0), -1, domain::kMaxGrantDays + 1))));
        return JsonResponse(201, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/minors/grants/{id}", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetMinorsGrant(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  for (const bool approve : {true, false}) {
    r.Add(
        "POST",
        approve ? "/api/v1/minors/grants/{id}/approve" : "/api/v1/minors/grants/{id}/refuse",
        Access::Need(domain::perm::kMinorsGrant),
        [&s, approve](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body.empty() ? "{}" : req.body));
          Fields f(obj);
          auto note = f.Str("note", false).value_or("");
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(
              auto v, app::DecideMinorsGrant(s, ContextOf(req), id, approve, std::move(note)));
          return JsonResponse(200, json::serialize(ToJson(v)));
        },
        0, Runs::kInWriteBatch);
  }
  r.Add(
      "POST", "/api/v1/minors/grants/{id}/revoke", Access::LoggedIn(),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto v, app::RevokeMinorsGrant(s, ContextOf(req), id));
        return JsonResponse(200, json::serialize(ToJson(v)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/minors/access-report", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_ASSIGN_OR_RETURN(const auto year, YearOf(q));
          XA_ASSIGN_OR_RETURN(auto report, app::GetMinorsAccessReport(s, ContextOf(req), year));
          json::array rows;
          for (const auto& row : report.rows) {
            rows.push_back(json::object{{"reader", row.reader},
                                        {"reader_name", row.reader_name},
                                        {"reader_unit_name", row.reader_unit_name},
                                        {"unit_id", row.unit_id},
                                        {"unit_name", row.unit_name},
                                        {"kind", row.kind},
                                        {"kind_label", KindLabel(row.kind)},
                                        {"via_grant", row.via_grant},
                                        {"reads", row.reads},
                                        {"records", row.records},
                                        {"first_at", FormatInstant(row.first_at)},
                                        {"last_at", FormatInstant(row.last_at)}});
          }
          return JsonResponse(200, json::serialize(json::object{
                                       {"year", report.year},
                                       {"rows", std::move(rows)},
                                       {"grants", json::object{{"requested", report.requested},
                                                               {"approved", report.approved},
                                                               {"refused", report.refused},
                                                               {"revoked", report.revoked}}}}));
        });
  r.Add("GET", "/api/v1/minors/access-report/export", Access::LoggedIn(),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_ASSIGN_OR_RETURN(const auto year, YearOf(q));
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportMinorsAccessReport(s, ContextOf(req), year));
          return FileResponse(std::move(bytes), "xlsx", "未成年人信息查阅报告.xlsx");
        });
}

}  // namespace xiaoan::http
