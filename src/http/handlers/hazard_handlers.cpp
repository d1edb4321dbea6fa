#include <boost/json.hpp>

#include "app/hazards/hazards.hpp"
#include "app/org/school_exchange.hpp"
#include "domain/auth/auth.hpp"
#include "http/api.hpp"
#include "http/json/fields.hpp"
#include "http/json/hazard_json.hpp"
#include "http/json/org_json.hpp"
#include "http/json/writer.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace hz = domain::hazard;

namespace {

template <typename T>
HttpResponse PageJson(const domain::PageResult<T>& page) {
  if constexpr (requires(JsonWriter & w, const T& x) { WriteJson(w, x); }) {
    // Written as text directly: the ledger's pages are the largest answers read most often.
    std::string body;
    body.reserve(64 + page.items.size() * 1536);
    JsonWriter w(body);
    w.BeginObject();
    w.Key("items");
    w.BeginArray();
    for (const auto& x : page.items) WriteJson(w, x);
    w.EndArray();
    w.Field("total", page.total);
    w.EndObject();
    return JsonResponse(200, std::move(body));
  } else {
    json::array items;
    for (const auto& x : page.items) items.push_back(ToJson(x));
    return JsonResponse(
        200, json::serialize(json::object{{"items", std::move(items)}, {"total", page.total}}));
  }
}

hz::FiveInPlace ReadFive(Fields& f) {
  hz::FiveInPlace five;
  const auto* obj = f.ObjectField("five", false);
  if (!obj) return five;
  Fields n(*obj, "five");
  five.measures = n.Str("measures", false).value_or("");
  five.responsible = n.Str("responsible", false).value_or("");
  five.funds = n.Str("funds", false).value_or("");
  five.deadline = n.Str("deadline", false).value_or("");
  five.contingency_plan = n.Str("contingency_plan", false).value_or("");
  (void)n.Finish();
  f.Merge(n);
  return five;
}

json::value RulesJson(const hz::RuleSet& r) {
  json::object general;
  for (const auto& [d, v] : r.deadlines.general_by_domain) general[d] = v;
  json::object major;
  for (const auto& [d, v] : r.deadlines.major_by_domain) major[d] = v;
  const auto& e = r.escalation;
  return json::object{{"deadlines", json::object{{"general_days", r.deadlines.general_days},
                                                 {"major_days", r.deadlines.major_days},
                                                 {"general_by_domain", std::move(general)},
                                                 {"major_by_domain", std::move(major)}}},
                      {"escalation", json::object{{"overdue_leader_days", e.overdue_leader_days},
                                                  {"overdue_bureau_days", e.overdue_bureau_days},
                                                  {"missed_window_days", e.missed_window_days},
                                                  {"repeat_window_days", e.repeat_window_days},
                                                  {"rework_threshold", e.rework_threshold}}}};
}

std::string RulesPath(const std::string& key) {
  if (key.rfind("general.", 0) == 0) return "deadlines.general_by_domain." + key.substr(8);
  if (key.rfind("major.", 0) == 0) return "deadlines.major_by_domain." + key.substr(6);
  if (key == "general_days" || key == "major_days") return "deadlines." + key;
  if (key.find(':') != std::string::npos) return key;  // a permission
  return "escalation." + key;
}

// The rules body as settings (key → value); every field must be there, like the GET answer.
std::vector<std::pair<std::string, std::string>> RulesSettings(Fields& f) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto ints = [&out](Fields& n, const std::vector<const char*>& keys) {
    for (const char* k : keys) {
      if (auto v = n.Int(k, true)) out.emplace_back(k, std::to_string(*v));
    }
  };
  if (const auto* d = f.ObjectField("deadlines", true)) {
    Fields n(*d, "deadlines");
    ints(n, {"general_days", "major_days"});
    for (const char* level : {"general", "major"}) {
      const char* key = level[0] == 'g' ? "general_by_domain" : "major_by_domain";
      const auto* by = n.ObjectField(key, false);
      if (by == nullptr) continue;
      for (const auto& [code, v] : *by) {
        const std::string path = n.Path(key) + "." + std::string(code);
        if (!domain::HasCode(hz::Domains(), std::string(code))) {
          n.AddError(path, "没有这个隐患类别");
        } else if (!v.is_int64()) {
          n.AddError(path, "须为整数");
        } else {
          out.emplace_back(std::string(level) + "." + std::string(code),
                           std::to_string(v.as_int64()));
        }
      }
    }
    (void)n.Finish();
    f.Merge(n);
  }
  if (const auto* e = f.ObjectField("escalation", true)) {
    Fields n(*e, "escalation");
    ints(n, {"overdue_leader_days", "overdue_bureau_days", "missed_window_days",
             "repeat_window_days", "rework_threshold"});
    (void)n.Finish();
    f.Merge(n);
  }
  return out;
}

// The ledger's filters, shared by the list and the export.
Result<hz::HazardFilter> ReadFilter(QueryReader& q, app::Services& s,
                                    const app::RequestContext& ctx) {
  hz::HazardFilter f;
  // mine=true: the hazards the caller found, owns or rectified (我的隐患).
  if (q.Bool("mine").value_or(false) && ctx.principal) f.involving = ctx.principal->username;
  f.school_id = q.Int("school_id");
  f.cluster_id = q.Int("cluster_id");
  f.domain = q.Str("domain");
  f.level = q.Str("level");
  if (auto states = q.Str("state")) {
    std::string cur;
    for (char c : *states + ",") {
      if (c == ',') {
        if (!cur.empty()) f.states.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
  }
  f.source = q.Str("source");
  f.supervised = q.Bool("supervised");
  const auto overdue = q.Bool("overdue");
  f.found_from = q.Str("from");
  f.found_to = q.Str("to");
  f.q = q.Str("q").value_or("");
  if (f.domain && !domain::HasCode(hz::Domains(), *f.domain)) {
    return InvalidArgument("domain", "取值须为：" + domain::JoinLabels(hz::Domains()));
  }
  if (f.level && !domain::HasCode(hz::Levels(), *f.level)) {
    return InvalidArgument("level", "须为 general 或 major");
  }
  if (f.source && !domain::HasCode(hz::Sources(), *f.source)) {
    return InvalidArgument("source", "取值须为：" + domain::JoinLabels(hz::Sources()));
  }
  for (const auto& st : f.states) {
    if (!hz::StateFromCode(st)) {
      return InvalidArgument("state", "取值须为：" + domain::JoinLabels(hz::States()));
    }
  }
  if (overdue.value_or(false)) f.overdue_before = hz::ChinaDate(s.clock.Now());
  return f;
}

}  // namespace

void AddHazardRoutes(Router& r, app::Services& s, const ApiOptions& options) {
  r.Add("GET", "/api/v1/hazards", Access::Need(perm::kHazardRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = ReadFilter(q, s, ContextOf(req));
          const auto page = q.Page();
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto filter, std::move(f));
          XA_ASSIGN_OR_RETURN(auto result, app::ListHazardPage(s, ContextOf(req), filter, page));
          return JsonResponse(200, HazardPageJson(result));
        });
  r.Add("GET", "/api/v1/hazards/export", Access::Need(perm::kHazardRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          auto f = ReadFilter(q, s, ContextOf(req));
          const std::string format = q.Str("format").value_or("xlsx");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto filter, std::move(f));
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportHazards(s, ContextOf(req), filter, format));
          return FileResponse(std::move(bytes), format, "隐患台账." + format);
        });
  r.Add("GET", "/api/v1/hazards/import-template", Access::Need(perm::kHazardReport),
        [](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const std::string format = q.Str("format").value_or("xlsx");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::HazardImportTemplate(format));
          return FileResponse(std::move(bytes), format, "隐患台账导入模板." + format);
        });
  r.Add(
      "POST", "/api/v1/hazards/import", Access::Need(perm::kHazardReport),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader q(req);
        XA_ASSIGN_OR_RETURN(auto o, ImportOptionsOf(q));
        XA_TRY(q.Finish());
        if (req.body.empty()) return InvalidArgument("file", "请求体须为 .xlsx 或 .csv 文件内容");
        XA_ASSIGN_OR_RETURN(auto report, app::ImportHazards(s, ContextOf(req), req.body, o));
        return JsonResponse(report.applied ? 200 : 422, json::serialize(ToJson(report)));
      },
      options.max_upload_bytes);
  r.Add(
      "POST", "/api/v1/hazards", Access::Need(perm::kHazardReport),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        app::HazardInput in;
        in.school_id = f.Int("school_id", true).value_or(0);
        in.building_id = f.Int("building_id", false);
        in.key_place_id = f.Int("key_place_id", false);
        in.domain = f.Str("domain", true).value_or("");
        in.level = f.Str("level", false).value_or("general");
        in.title = f.Str("title", true).value_or("");
        in.description = f.Str("description", false).value_or("");
        in.found_at = f.Str("found_at", false);
        in.source = f.Str("source", false).value_or("self_inspection");
        in.campaign_id = f.Int("campaign_id", false);
        in.responsible = f.Str("responsible", false).value_or("");
        in.interim_measures = f.Str("interim_measures", false).value_or("");
        in.five = ReadFive(f);
        in.file_ids = f.Ids("file_ids");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto d, app::ReportHazard(s, ContextOf(req), std::move(in)));
        return JsonResponse(201, DetailJson(d));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/hazards/{id}", Access::Need(perm::kHazardRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto d, app::GetHazard(s, ContextOf(req), id));
          return JsonResponse(200, DetailJson(d));
        });
  r.Add(
      "PUT", "/api/v1/hazards/{id}", Access::Need(perm::kHazardAssign),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        app::HazardEdit e;
        e.title = f.Str("title", false);
        e.description = f.Str("description", false);
        e.responsible = f.Str("responsible", false);
        e.interim_measures = f.Str("interim_measures", false);
        if (f.Has("five")) e.five = ReadFive(f);
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto d, app::EditHazard(s, ContextOf(req), id, e));
        return JsonResponse(200, DetailJson(d));
      },
      0, Runs::kInWriteBatch);
  r.Add("POST", "/api/v1/hazards/{id}/transitions", Access::Need(perm::kHazardRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          app::TransitionInput in;
          in.action = f.Str("action", true).value_or("");
          in.owner = f.Str("owner", false).value_or("");
          in.deadline = f.Str("deadline", false);
          in.reason = f.Str("reason", false).value_or("");
          in.note = f.Str("note", false).value_or("");
          in.file_ids = f.Ids("file_ids");
          in.password = f.Str("password", false).value_or("");
          in.totp = f.Str("totp", false).value_or("");
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto d, app::TransitionHazard(s, ContextOf(req), id, in));
          return JsonResponse(200, DetailJson(d));
        });
  r.Add(
      "POST", "/api/v1/self-inspections", Access::Need(perm::kHazardReport),
      [&s](HttpRequest& req) -> Result<HttpResponse> {
        XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
        Fields f(obj);
        hz::SelfInspection si;
        si.school_id = f.Int("school_id", true).value_or(0);
        si.key_place_id = f.Int("key_place_id", false);
        si.domain = f.Str("domain", true).value_or("");
        si.passed = f.Bool("passed", true).value_or(true);
        si.checked_at = f.Str("checked_at", false).value_or("");
        si.campaign_id = f.Int("campaign_id", false);
        si.note = f.Str("note", false).value_or("");
        XA_TRY(f.Finish());
        XA_ASSIGN_OR_RETURN(auto saved, app::RecordSelfInspection(s, ContextOf(req), si));
        return JsonResponse(201, json::serialize(ToJson(saved)));
      },
      0, Runs::kInWriteBatch);
  r.Add("GET", "/api/v1/hazard-rules", Access::Need(perm::kHazardRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto rules, app::GetHazardRules(s, ContextOf(req)));
          return JsonResponse(200, json::serialize(RulesJson(rules)));
        });
  r.Add("PUT", "/api/v1/hazard-rules", Access::Need(perm::kHazardConfigure),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto settings = RulesSettings(f);
          XA_TRY(f.Finish());
          auto rules = app::UpdateHazardRules(s, ContextOf(req), settings);
          if (!rules.ok()) {
            // The rules name setting keys; the client sent JSON paths.
            Error e = std::move(rules).error();
            for (auto& d : e.details) d.field = RulesPath(d.field);
            if (e.code == ErrorCode::kInvalidArgument) return domain::ValidationError(e.details);
            return e;
          }
          return JsonResponse(200, json::serialize(RulesJson(*rules)));
        });
}

}  // namespace xiaoan::http
