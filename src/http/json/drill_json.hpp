#pragma once
// Drills and rule findings in JSON.
#include <boost/json/value.hpp>

#include "app/drills/drills.hpp"
#include "app/rules/rules.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

boost::json::value ToJson(const domain::rules::Finding& f);
boost::json::value ToJson(const domain::drill::Drill& d);
boost::json::value ToJson(const app::DrillDetail& d);
// A drill record's fields (school_id required when creating); errors name the field.
domain::drill::Drill DrillFromJson(Fields& f, bool creating);
boost::json::value ToJson(const app::DrillPlanView& v);
// A drill plan's fields (school_id required when creating); errors name the field.
domain::drill::DrillPlan DrillPlanFromJson(Fields& f, bool creating);

}  // namespace xiaoan::http
