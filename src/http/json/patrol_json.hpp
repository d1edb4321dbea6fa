#pragma once
// Patrol plans, slots and patrols in JSON (docs/patrols.md).
#include <boost/json/value.hpp>

#include "app/patrols/patrols.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

// with_items: a plan's page (the items a patrol of its place answers).
boost::json::value ToJson(const app::PatrolPlanView& v, bool with_items);
// A plan's writable fields; the fields of a plan as read are accepted and ignored. Shift times
// are "HH:MM" (errors name shifts[i]).
domain::patrol::Plan PlanFromJson(Fields& f, bool creating);
boost::json::value ToJson(const domain::patrol::Plan& p, const domain::patrol::SlotStatus& s);
boost::json::value ToJson(const app::PatrolPlaceView& v);
// A patrol in a list (no answers).
boost::json::value ToJson(const domain::patrol::Record& r);
boost::json::value ToJson(const app::PatrolDetail& d);
app::PatrolInput PatrolFromJson(Fields& f);

}  // namespace xiaoan::http
