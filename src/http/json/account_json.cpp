#include "http/json/account_json.hpp"

#include <boost/json.hpp>

namespace xiaoan::http {

namespace json = boost::json;

namespace {
json::value Opt(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
}  // namespace

json::value ToJson(const domain::User& u) {
  return json::object{{"id", u.id},
                      {"username", u.username},
                      {"display_name", u.display_name},
                      {"mobile", u.mobile},
                      {"unit_id", u.unit_id},
                      {"unit_name", u.unit_name},
                      {"status", u.status},
                      {"must_change_password", u.must_change_password},
                      {"failed_logins", u.failed_logins},
                      {"locked_until", Opt(u.locked_until)},
                      {"expires_at", Opt(u.expires_at)},
                      {"last_login_at", Opt(u.last_login_at)},
                      {"created_at", u.created_at}};
}

json::value ToJson(const domain::Role& r) {
  json::array perms;
  for (const auto& p : r.permissions) perms.emplace_back(json::string(p));
  return json::object{{"code", r.code},
                      {"name", r.name},
                      {"scope", domain::ScopeKindName(r.scope)},
                      {"builtin", r.builtin},
                      {"permissions", std::move(perms)}};
}

json::value ToJson(const domain::AuditRecord& r) {
  const auto& e = r.entry;
  return json::object{{"id", r.id},
                      {"at", e.at},
                      {"actor", e.actor},
                      {"actor_name", r.actor_name},
                      {"unit_id", e.unit_id ? json::value(*e.unit_id) : json::value(nullptr)},
                      {"action", e.action},
                      {"object_type", e.object_type},
                      {"object_id", e.object_id},
                      {"result", e.result},
                      {"source", e.source},
                      {"request_id", e.request_id},
                      {"summary", e.summary},
                      {"hash", r.hash}};
}

json::value ToJson(const domain::PasswordPolicy& p) {
  return json::object{{"min_length", p.min_length},
                      {"min_classes", p.min_classes},
                      {"history", p.history},
                      {"max_age_days", p.max_age_days},
                      {"lockout_threshold", p.lockout_threshold},
                      {"lockout_minutes", p.lockout_minutes},
                      {"idle_minutes", p.idle_minutes},
                      {"absolute_hours", p.absolute_hours},
                      {"address_attempts_per_minute", p.address_attempts_per_minute},
                      {"totp_required_for_admins", p.totp_required_for_admins != 0}};
}

json::value ToJson(const domain::ApiToken& t) {
  json::array perms;
  for (const auto& p : t.permissions) perms.emplace_back(json::string(p));
  return json::object{{"id", t.id},
                      {"name", t.name},
                      {"permissions", std::move(perms)},
                      {"created_at", t.created_at},
                      {"expires_at", t.expires_at},
                      {"revoked_at", Opt(t.revoked_at)},
                      {"last_used_at", Opt(t.last_used_at)}};
}

json::value ToJson(const domain::Signature& g) {
  return json::object{{"id", g.id},
                      {"username", g.username},
                      {"unit_id", g.unit_id},
                      {"object_type", g.object_type},
                      {"object_id", g.object_id},
                      {"step", g.step},
                      {"content_hash", g.content_hash},
                      {"method", g.method},
                      {"signed_at", g.signed_at},
                      {"audit_id", g.audit_id}};
}

json::value PrincipalJson(const app::Principal& p) {
  json::array roles;
  for (const auto& r : p.roles) {
    roles.push_back(json::object{{"code", r.code}, {"name", r.name}});
  }
  json::array perms;
  for (const auto& perm : p.permissions) perms.emplace_back(json::string(perm));
  json::array paths;
  for (const auto& path : p.scope.paths) paths.emplace_back(json::string(path));
  return json::object{
      {"user",
       json::object{{"id", p.user_id}, {"username", p.username}, {"display_name", p.display_name}}},
      {"unit", json::object{{"id", p.unit_id}, {"name", p.unit_name}, {"kind", p.unit_kind}}},
      {"roles", std::move(roles)},
      {"permissions", std::move(perms)},
      {"scope", json::object{{"kind", domain::ScopeKindName(p.scope.kind)},
                             {"unit_paths", std::move(paths)}}},
      {"csrf_token", p.csrf_token},
      {"must_change_password", p.must_change_password},
      {"must_enroll_totp", p.must_enroll_totp}};
}

}  // namespace xiaoan::http
