#pragma once
// DTO mapping of the organisation model (JSON field names are the API's, snake_case).
#include <boost/json/value.hpp>

#include "app/org/school_exchange.hpp"
#include "domain/org/enums.hpp"
#include "domain/org/org.hpp"
#include "domain/org/school_stats.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

boost::json::value ToJson(const domain::Region& r);
boost::json::value ToJson(const domain::Unit& u);
boost::json::value ToJson(const domain::School& s);
boost::json::value ToJson(const app::ImportReport& r);
boost::json::value ToJson(const domain::SchoolStats& s);
// [{"code","label"}, ...] in table order.
boost::json::value EnumJson(domain::EnumTable table);

// Reads the writable fields of a school (POST/PUT body).
domain::School SchoolFromJson(Fields& f);
// Reads the writable fields of a unit; for_create includes kind/region/parent.
domain::Unit UnitFromJson(Fields& f, bool for_create, bool department);

}  // namespace xiaoan::http
