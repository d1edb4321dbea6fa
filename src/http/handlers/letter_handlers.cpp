// 致家长的一封信: the school's and the bureau's routes, and the parents' page without an account
// (docs/education.md).
#include <boost/json.hpp>

#include <algorithm>
#include <memory>

#include "app/edu/letters.hpp"
#include "domain/auth/auth.hpp"
#include "domain/calendar/calendar.hpp"
#include "domain/store.hpp"
#include "http/api.hpp"
#include "http/error_response.hpp"
#include "http/json/fields.hpp"
#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace perm = domain::perm;
namespace edu = domain::edu;
namespace cal = domain::calendar;

namespace {

json::value Rate(const edu::ReceiptTally& t) {
  const auto r = t.Rate();
  return r ? json::value(*r) : json::value(nullptr);
}

json::object ToJson(const app::LetterView& v) {
  const auto& l = v.letter;
  return {{"id", l.id},
          {"school_id", l.school_id},
          {"school_name", l.school_name},
          {"school_year", l.school_year},
          {"term", l.term},
          {"term_label", cal::TermLabel(l.school_year, l.term)},
          {"title", l.title},
          {"body", l.body},
          {"closes_on", l.closes_on},
          {"status", std::string(edu::LetterStatusCode(l.status))},
          {"status_label", std::string(edu::LetterStatusLabel(l.status))},
          {"published_at", l.published_at},
          {"created_by", l.created_by},
          {"created_by_name", l.created_by_name},
          {"created_at", FormatInstant(l.created_at)},
          {"updated_at", FormatInstant(l.updated_at)},
          {"version", l.version},
          {"classes", v.tally.classes},
          {"expected", v.tally.expected},
          {"received", v.tally.received},
          {"rate", Rate(v.tally)},
          {"can_edit", v.can_edit}};
}

json::object TallyJson(const edu::ReceiptTally& t) {
  return {{"classes", t.classes},
          {"expected", t.expected},
          {"received", t.received},
          {"rate", Rate(t)}};
}

edu::Letter LetterFromJson(Fields& f, bool create) {
  edu::Letter l;
  if (create) {
    l.school_id = f.Int("school_id", true).value_or(0);
    l.school_year = static_cast<int>(
        std::clamp<std::int64_t>(f.Int("school_year", true).value_or(0), -1, 100000));
    l.term = static_cast<int>(std::clamp<std::int64_t>(f.Int("term", true).value_or(0), -1, 3));
    f.Ignore({"version"});
  } else {
    l.version = static_cast<int>(f.Int("version", true).value_or(0));
    f.Ignore({"school_id", "school_year", "term"});
  }
  l.title = f.Str("title", true).value_or("");
  l.body = f.Str("body", true).value_or("");
  l.closes_on = f.Str("closes_on", false).value_or("");
  // Read-only fields sent back as read.
  f.Ignore({"id", "school_name", "term_label", "status", "status_label", "published_at",
            "created_by", "created_by_name", "created_at", "updated_at", "classes", "expected",
            "received", "rate", "can_edit"});
  return l;
}

std::optional<int> TermParam(QueryReader& q, const char* name, std::int64_t max) {
  const auto v = q.Int(name);
  if (!v) return std::nullopt;
  return static_cast<int>(std::clamp<std::int64_t>(*v, -1, max));
}

json::array RelationsJson() {
  json::array out;
  for (const auto& r : edu::Relations()) {
    out.push_back(json::object{{"code", std::string(r.code)}, {"label", std::string(r.label)}});
  }
  return out;
}

// The limits' refusal as 429 with Retry-After; every other error as usual.
Result<HttpResponse> Public(const HttpRequest& req, Result<HttpResponse> r) {
  if (r.ok() || !app::IsRateLimited(r.error())) return r;
  auto res = ProtocolError(429, "rate_limited", r.error().message, req.request_id);
  res.headers.emplace_back("Retry-After", "60");
  return res;
}

}  // namespace

void AddLetterRoutes(Router& r, app::Services& s) {
  r.Add("GET", "/api/v1/edu/letters", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          edu::LetterFilter f;
          f.school_id = q.Int("school_id");
          f.school_year = TermParam(q, "school_year", 100000);
          f.term = TermParam(q, "term", 3);
          const auto status = q.Str("status");
          const auto page = q.Page();
          XA_TRY(q.Finish());
          if (status) {
            f.status = edu::ParseLetterStatus(*status);
            if (!f.status) return InvalidArgument("status", "须为 draft、published 或 closed");
          }
          XA_ASSIGN_OR_RETURN(auto result, app::ListLetters(s, ContextOf(req), f, page));
          json::array items;
          for (const auto& v : result.items) items.push_back(ToJson(v));
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)},
                                                                {"total", result.total},
                                                                {"page", page.page},
                                                                {"page_size", page.page_size}}));
        });
  r.Add("GET", "/api/v1/edu/letters/board", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          const auto year = TermParam(q, "school_year", 100000);
          const auto term = TermParam(q, "term", 3);
          XA_TRY(q.Finish());
          if (year.has_value() != term.has_value()) {
            return InvalidArgument(year ? "term" : "school_year", "学年和学期须同时给出");
          }
          std::optional<edu::TermKey> key;
          if (year) key = edu::TermKey{*year, *term};
          XA_ASSIGN_OR_RETURN(auto b, app::GetLetterBoard(s, ContextOf(req), key));
          json::array schools;
          for (const auto& row : b.schools) {
            auto o = TallyJson(row.tally);
            o["school_id"] = row.school_id;
            o["school_name"] = row.school_name;
            o["letters"] = row.letters;
            schools.push_back(std::move(o));
          }
          auto total = TallyJson(b.total);
          total["schools"] = static_cast<std::int64_t>(b.schools.size());
          total["with_letter"] = b.with_letter;
          return JsonResponse(
              200, json::serialize(
                       json::object{{"school_year", b.term.school_year},
                                    {"term", b.term.term},
                                    {"term_label", cal::TermLabel(b.term.school_year, b.term.term)},
                                    {"total", std::move(total)},
                                    {"schools", std::move(schools)}}));
        });
  r.Add("POST", "/api/v1/edu/letters", Access::Need(perm::kEduLessons),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto l = LetterFromJson(f, true);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto v, app::CreateLetter(s, ContextOf(req), std::move(l)));
          return JsonResponse(201, json::serialize(ToJson(v)));
        });
  r.Add("GET", "/api/v1/edu/letters/{id}", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::GetLetter(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add("PUT", "/api/v1/edu/letters/{id}", Access::Need(perm::kEduLessons),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          auto l = LetterFromJson(f, false);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(auto v, app::EditLetter(s, ContextOf(req), id, std::move(l)));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add("DELETE", "/api/v1/edu/letters/{id}", Access::Need(perm::kEduLessons),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_TRY(app::DeleteLetter(s, ContextOf(req), id));
          return JsonResponse(204, "");
        });
  r.Add("POST", "/api/v1/edu/letters/{id}/publish", Access::Need(perm::kEduLessons),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::PublishLetter(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add("POST", "/api/v1/edu/letters/{id}/close", Access::Need(perm::kEduLessons),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto v, app::CloseLetter(s, ContextOf(req), id));
          return JsonResponse(200, json::serialize(ToJson(v)));
        });
  r.Add("GET", "/api/v1/edu/letters/{id}/classes", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          XA_ASSIGN_OR_RETURN(auto rows, app::LetterClasses(s, ContextOf(req), id));
          json::array items;
          for (const auto& c : rows) {
            items.push_back(
                json::object{{"class_id", c.class_id},
                             {"class_name", c.class_name},
                             {"grade", c.grade},
                             {"teacher", c.teacher},
                             {"teacher_name", c.teacher_name},
                             {"students", c.students},
                             {"received", c.received},
                             {"rate", c.rate ? json::value(*c.rate) : json::value(nullptr)},
                             {"token", c.token}});
          }
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
        });
  r.Add("GET", "/api/v1/edu/letters/{id}/export", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          QueryReader q(req);
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto bytes, app::ExportLetter(s, ContextOf(req), id));
          return FileResponse(std::move(bytes), "xlsx", "家长信回执.xlsx");
        });
  r.Add("GET", "/api/v1/edu/letters/{id}/receipts", Access::Need(perm::kEduRead),
        [&s](HttpRequest& req) -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
          QueryReader q(req);
          const auto class_id = q.Int("class_id");
          XA_TRY(q.Finish());
          XA_ASSIGN_OR_RETURN(auto rows, app::LetterReceipts(s, ContextOf(req), id, class_id));
          json::array items;
          for (const auto& row : rows) {
            const auto& rc = row.receipt;
            const auto* rel = edu::FindRelation(rc.relation);
            items.push_back(
                json::object{{"id", rc.id},
                             {"class_id", rc.class_id},
                             {"class_name", row.class_name},
                             {"student_name", rc.student_name},
                             {"relation", rc.relation},
                             {"relation_label", rel ? std::string(rel->label) : rc.relation},
                             {"at", FormatInstant(rc.at)}});
          }
          return JsonResponse(200, json::serialize(json::object{{"items", std::move(items)}}));
        });

  // The parents' page: no account, limited per address and per link.
  auto limiter = std::make_shared<app::PublicLimiter>();
  r.Add("GET", "/api/v1/public/letters/{token}", Access::Public(),
        [&s, limiter](HttpRequest& req) -> Result<HttpResponse> {
          QueryReader q(req);
          XA_TRY(q.Finish());
          return Public(req, [&]() -> Result<HttpResponse> {
            XA_ASSIGN_OR_RETURN(auto p,
                                app::OpenLetter(s, *limiter, req.path_params["token"], req.remote));
            const auto& l = p.letter;
            return JsonResponse(200, json::serialize(json::object{
                                         {"school_name", p.school_name},
                                         {"class_name", p.class_name},
                                         {"title", l.title},
                                         {"body", l.body},
                                         {"term_label", cal::TermLabel(l.school_year, l.term)},
                                         {"published_at", l.published_at},
                                         {"closes_on", l.closes_on},
                                         {"open", p.open},
                                         {"relations", RelationsJson()}}));
          }());
        });
  r.Add(
      "POST", "/api/v1/public/letters/{token}/receipts", Access::Public(),
      [&s, limiter](HttpRequest& req) -> Result<HttpResponse> {
        return Public(req, [&]() -> Result<HttpResponse> {
          XA_ASSIGN_OR_RETURN(auto obj, ParseObject(req.body));
          Fields f(obj);
          const auto name = f.Str("student_name", true);
          const auto relation = f.Str("relation", true);
          XA_TRY(f.Finish());
          XA_ASSIGN_OR_RETURN(
              auto out, app::ConfirmReceipt(s, *limiter, req.path_params["token"],
                                            name.value_or(""), relation.value_or(""), req.remote));
          return JsonResponse(out.first ? 201 : 200, json::serialize(json::object{
                                                         {"first", out.first},
                                                         {"student_name", out.receipt.student_name},
                                                         {"at", FormatInstant(out.receipt.at)}}));
        }());
      },
      4096, Runs::kInWriteBatch);
}

}  // namespace xiaoan::http
