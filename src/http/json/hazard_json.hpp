#pragma once
#include <boost/json/value.hpp>

#include "app/hazards/hazards.hpp"

namespace xiaoan::http {

boost::json::value ToJson(const domain::hazard::Hazard& h);
boost::json::value ToJson(const app::HazardDetail& d);
boost::json::value ToJson(const domain::hazard::StoredFile& f);
boost::json::value ToJson(const domain::hazard::SupervisionOrder& o);
boost::json::value ToJson(const domain::hazard::Notification& n);
boost::json::value ToJson(const domain::hazard::SelfInspection& si);

}  // namespace xiaoan::http
