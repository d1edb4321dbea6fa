#pragma once
// 1530 in JSON: classes, sessions with their check-ins, completion (docs/education.md).
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "app/edu/edu.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

class QueryReader;

// 待开展, 今日待完成, 已完成, 补录, 未开展.
std::string_view SessionStateLabel(domain::edu::SessionState s);
// {due, done, late, missed, rate}.
boost::json::object CompletionJson(const domain::edu::Completion& c);
// A completion board's query: school_id, period (week), date, from, to.
app::CompletionQuery CompletionQueryOf(QueryReader& q);

boost::json::value ToJson(const domain::edu::Class& c);
boost::json::value ToJson(const app::SessionView& v);
boost::json::value ToJson(const app::MySessions& m);
boost::json::value ToJson(const app::CompletionView& v);
// A class's writable fields (grade, name, teacher); the fields of a class as read are ignored.
domain::edu::ClassDraft ClassDraftFromJson(Fields& f);
app::CheckInInput CheckInFromJson(Fields& f);

}  // namespace xiaoan::http
