#pragma once
// The security record (四个100%) and its board in JSON.
#include <boost/json/value.hpp>

#include "app/security/security.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

boost::json::value ToJson(const app::SecurityView& v);
boost::json::value ToJson(const app::SecurityBoard& b);
boost::json::value ToJson(const app::RoundList& l);
boost::json::value ToJson(const app::RoundView& v);
boost::json::value ToJson(const app::ScreeningView& v);
app::RoundInput RoundInputFromJson(Fields& f);
// The evidence per indicator; errors name evidence[i].note and so on.
std::vector<domain::security::Evidence> EvidenceFromJson(Fields& f);
// A record's editable fields with the version read; errors name the field (guards[0].name).
domain::security::Record SecurityRecordFromJson(Fields& f);

}  // namespace xiaoan::http
