#pragma once
#include <boost/json/value.hpp>
#include <string>

#include "app/hazards/hazards.hpp"

namespace xiaoan::http {

boost::json::value ToJson(const domain::hazard::Hazard& h);
// The same hazard as ToJson, written as text at the end of `out` (for list pages).
class JsonWriter;
void WriteJson(JsonWriter& w, const domain::hazard::Hazard& h);
boost::json::value ToJson(const app::HazardDetail& d);
boost::json::value ToJson(const domain::hazard::StoredFile& f);
boost::json::value ToJson(const domain::hazard::SupervisionOrder& o);
boost::json::value ToJson(const domain::hazard::Notification& n);
boost::json::value ToJson(const domain::hazard::SelfInspection& si);

}  // namespace xiaoan::http
