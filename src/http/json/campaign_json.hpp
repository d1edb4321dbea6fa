#pragma once
// Campaigns, their schools, sheets, messages, board and evaluation in JSON (docs/campaigns.md).
#include <boost/json/value.hpp>

#include "app/campaigns/campaigns.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

// A campaign in a list.
boost::json::value ToJson(const domain::campaign::Campaign& c);
// A campaign's page: its templates, teams and what the caller is to it.
boost::json::value ToJson(const app::CampaignView& v);
// What a bureau deploys: the writable fields of a campaign; errors name the field.
domain::campaign::Campaign CampaignFromJson(Fields& f);
domain::campaign::Team TeamFromJson(Fields& f);
boost::json::value ToJson(const domain::campaign::Team& t);
boost::json::value ToJson(const domain::campaign::Target& t);
boost::json::value ToJson(const app::CampaignSchoolView& v);
boost::json::value ToJson(const app::SheetDetail& d);
app::SheetInput SheetFromJson(Fields& f);
boost::json::value ToJson(const domain::campaign::Message& m);
domain::campaign::Message MessageFromJson(Fields& f);
boost::json::value ToJson(const app::CampaignBoard& b);
boost::json::value ToJson(const app::Evaluation& e);
boost::json::value ToJson(const app::CampaignHazard& h);

}  // namespace xiaoan::http
