#pragma once
#include <boost/json/value.hpp>
#include <string>

#include "app/hazards/hazards.hpp"

namespace xiaoan::http {

boost::json::value ToJson(const domain::hazard::Hazard& h);
// The same hazard as ToJson, written as text at the end of `out` (for list pages).
class JsonWriter;
void WriteJson(JsonWriter& w, const domain::hazard::Hazard& h);
// The ledger's page as JSON text: each hazard as WriteJson plus found_by_name and owner_name.
std::string HazardPageJson(const app::HazardPage& page);
// A hazard's page: the record, its timeline (with signatures), files, escalations, what the
// caller may do now, the default deadline and the days overdue — as JSON text.
std::string DetailJson(const app::HazardDetail& d);
boost::json::value ToJson(const domain::StoredFile& f);
boost::json::value ToJson(const domain::SupervisionOrder& o);
boost::json::value ToJson(const domain::Notification& n);
boost::json::value ToJson(const domain::hazard::SelfInspection& si);

}  // namespace xiaoan::http
