#pragma once
// Whistles (吹哨报到), the routing table and the department statistics in JSON.
#include <boost/json/value.hpp>

#include "app/whistles/whistles.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

// events: with the timeline (a whistle's own page) or without (lists).
boost::json::value ToJson(const app::WhistleView& v, bool events);
boost::json::value ToJson(const app::WhistleRoutes& r);
boost::json::value ToJson(const app::WhistleStats& s);
boost::json::value ToJson(const app::SchoolWhistleReports& r);
boost::json::value ToJson(const app::WhistleReportBoard& b);
domain::whistle::Draft WhistleDraftFromJson(Fields& f);
std::vector<domain::whistle::Route> WhistleRoutesFromJson(Fields& f);

}  // namespace xiaoan::http
