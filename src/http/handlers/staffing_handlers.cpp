// 安全监管机构和队伍: a bureau's or a school's safety office with its members, and the staffing
// board (docs/training.md).
#include <boost/json.hpp>

#include "app/staffing/staffing.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/verdict_json.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace st = domain::staffing;
namespace rules = domain::rules;

namespace {

json::object CountsOf(const st::Counts& c) {
  return {{"members", c.members}, {"full_time", c.full_time}, {"qualified", c.qualified}};
}

json::object ToJson(const app::SafetyOfficeView& v) {
  const auto& o = v.office;
  json::array members;
  for (const auto& m : o.members) {
    members.push_back(json::object{{"name", m.name},
                                   {"post", m.post},
                                   {"full_time", m.full_time},
                                   {"qualifications", m.qualifications},
                                   {"phone", m.phone}});
  }
  return {{"unit_id", o.unit_id},
          {"unit_name", o.unit_name},
          {"unit_kind", o.unit_kind},
          {"name", o.name},
          {"members", std::move(members)},
          {"counts", CountsOf(st::CountsOf(o))},
          {"version", o.version},
          {"updated_by", o.updated_by},
          {"updated_at",
           o.version > 0 ? json::value(FormatInstant(o.updated_at)) : json::value(nullptr)},
          {"check", VerdictJson(v.check)},
          {"can_edit", v.can_edit}};
}

}  // namespace

void AddStaffingRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/staffing/offices/{unit_id}", Access::Need(perm::kTrainingRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
          XA_ASSIGN_OR_RETURN(auto out, app::GetSafetyOffice(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(out)));
        });
  r.Add(
      "PUT", "/api/v1/staffing/offices/{unit_id}", Access::Need(perm::kTrainingManage),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "unit_id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        st::SafetyOffice o;
        o.unit_id = id;
        o.version = static_cast<int>(f.Int("version", true).value_or(0));
        o.name = f.Str("name", true).value_or("");
        if (const auto* arr = f.Array("members", false)) {
          for (std::size_t i = 0; i < arr->size() && i <= st::kMaxMembers; ++i) {
            const std::string at = "members[" + std::to_string(i) + "]";
            const auto* item = f.Object((*arr)[i], at);
            if (!item) continue;
            Fields m(*item, at);
            o.members.push_back(
                {m.Str("name", true).value_or(""), m.Str("post", false).value_or(""),
                 m.Bool("full_time", false).value_or(false),
                 m.Str("qualifications", false).value_or(""), m.Str("phone", false).value_or("")});
            (void)m.Finish();
            f.Merge(m);
          }
        }
        f.Ignore({"unit_id", "unit_name", "unit_kind", "counts", "updated_by", "updated_at",
                  "check", "can_edit"});
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto out, app::SaveSafetyOffice(s, ContextOf(req), std::move(o)));
        return JsonResponse(200, json::serialize(ToJson(out)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/staffing/board", Access::Need(perm::kTrainingRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto out, app::GetStaffingBoard(s, ContextOf(req)));
          json::array rows;
          for (const auto& row : out.rows) {
            rows.push_back(json::object{{"unit_id", row.unit_id},
                                        {"unit_name", row.unit_name},
                                        {"unit_kind", row.unit_kind},
                                        {"office_name", row.office_name},
                                        {"counts", CountsOf(row.counts)},
                                        {"check", VerdictJson(row.check)}});
          }
          return JsonResponse(200, json::serialize(json::object{
                                       {"rows", std::move(rows)},
                                       {"totals", json::object{{"offices", out.offices},
                                                               {"members", out.members},
                                                               {"full_time", out.full_time}}}}));
        });
  r.Add("GET", "/api/v1/staffing/board/export", Access::Need(perm::kTrainingRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportStaffingBoard(s, ContextOf(req)));
          return FileResponse(std::move(bytes), "xlsx", "安全监管机构.xlsx");
        });
}

}  // namespace xiaoan::http
