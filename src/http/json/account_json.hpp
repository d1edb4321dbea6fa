#pragma once
#include <boost/json/value.hpp>

#include "app/accounts/accounts.hpp"

namespace xiaoan::http {
boost::json::value ToJson(const domain::User& u);
boost::json::value ToJson(const domain::Role& r);
boost::json::value ToJson(const domain::AuditRecord& r);
boost::json::value ToJson(const domain::PasswordPolicy& p);
boost::json::value ToJson(const domain::ApiToken& t);
boost::json::value ToJson(const domain::Signature& g);
// The caller as the console needs it: user, unit, roles, permissions, scope, CSRF token.
boost::json::value PrincipalJson(const app::Principal& p);
}  // namespace xiaoan::http
