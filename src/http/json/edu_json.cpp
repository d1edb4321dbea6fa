#include "http/json/edu_json.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "http/query.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace edu = domain::edu;
namespace cal = domain::calendar;

std::string_view SessionStateLabel(edu::SessionState s) {
  switch (s) {
    case edu::SessionState::kUpcoming:
      return "待开展";
    case edu::SessionState::kDue:
      return "今日待完成";
    case edu::SessionState::kDone:
      return "已完成";
    case edu::SessionState::kLate:
      return "补录";
    case edu::SessionState::kMissed:
      return "未开展";
  }
  return "";
}

json::object CompletionJson(const edu::Completion& c) {
  return {
      {"due", c.due}, {"done", c.done}, {"late", c.late}, {"missed", c.missed}, {"rate", c.Rate()}};
}

app::CompletionQuery CompletionQueryOf(QueryReader& q) {
  app::CompletionQuery c;
  c.school_id = q.Int("school_id");
  c.period = q.Str("period").value_or("week");
  c.date = q.Str("date");
  c.from = q.Str("from");
  c.to = q.Str("to");
  return c;
}

namespace {

json::object ByKind(const std::map<edu::SessionKind, edu::Completion>& by_kind) {
  json::object out;
  for (auto k : {edu::SessionKind::kDaily, edu::SessionKind::kWeekly, edu::SessionKind::kHoliday}) {
    const auto it = by_kind.find(k);
    out[edu::SessionKindCode(k)] =
        CompletionJson(it == by_kind.end() ? edu::Completion{} : it->second);
  }
  return out;
}

}  // namespace

json::value ToJson(const edu::Class& c) {
  return json::object{{"id", c.id},
                      {"school_id", c.school_id},
                      {"school_name", c.school_name},
                      {"grade", c.draft.grade},
                      {"grade_label", edu::GradeLabel(c.draft.grade)},
                      {"name", c.draft.name},
                      {"teacher", c.draft.teacher},
                      {"teacher_name", c.teacher_name},
                      {"students", c.draft.students},
                      {"active", c.active},
                      {"version", c.version}};
}

json::value ToJson(const app::SessionView& v) {
  const auto& s = v.session;
  json::object out{{"class_id", v.cls.id},
                   {"class_name", v.cls.draft.name},
                   {"grade", v.cls.draft.grade},
                   {"school_id", v.cls.school_id},
                   {"school_name", v.cls.school_name},
                   {"date", cal::FormatDate(s.date)},
                   {"kind", edu::SessionKindCode(s.kind)},
                   {"rule", edu::SessionCode(s.kind)},
                   {"kind_label", edu::SessionLabel(s.kind)},
                   {"minutes_before", edu::MinutesBefore(s.kind)},
                   {"at", s.at ? cal::FormatClock(*s.at) : std::string()},
                   {"occasion", s.occasion},
                   {"state", edu::SessionStateCode(v.state)},
                   {"state_label", SessionStateLabel(v.state)},
                   {"topic", edu::TopicCode(v.topic)},
                   {"topic_label", edu::TopicLabel(v.topic)},
                   {"text", v.text},
                   {"can_check_in", v.can_check_in}};
  if (v.checkin) {
    const auto& k = *v.checkin;
    json::array files;
    for (auto id : v.file_ids) files.push_back(id);
    out["checkin"] = json::object{{"id", k.id},
                                  {"topic", edu::TopicCode(k.topic)},
                                  {"topic_label", edu::TopicLabel(k.topic)},
                                  {"note", k.note},
                                  {"by", k.by},
                                  {"by_name", k.by_name},
                                  {"at", FormatInstant(k.at)},
                                  {"on", cal::FormatDate(k.on)},
                                  {"file_ids", std::move(files)}};
  } else {
    out["checkin"] = nullptr;
  }
  return out;
}

json::value ToJson(const app::MySessions& m) {
  json::array items;
  for (const auto& v : m.items) items.push_back(ToJson(v));
  return json::object{
      {"today", cal::FormatDate(m.today)}, {"late_days", m.late_days}, {"items", std::move(items)}};
}

json::value ToJson(const app::CompletionView& v) {
  json::object out{{"scope", v.school ? "school" : "district"},
                   {"from", cal::FormatDate(v.from)},
                   {"to", cal::FormatDate(v.to)},
                   {"label", v.label},
                   {"totals", CompletionJson(v.totals)},
                   {"by_kind", ByKind(v.by_kind)}};
  if (v.school) {
    out["school_id"] = v.school_id;
    out["school_name"] = v.school_name;
    json::array classes;
    for (const auto& c : v.classes) {
      auto row = CompletionJson(c.completion);
      row["class_id"] = c.cls.id;
      row["class_name"] = c.cls.draft.name;
      row["grade"] = c.cls.draft.grade;
      row["teacher"] = c.cls.draft.teacher;
      row["teacher_name"] = c.cls.teacher_name;
      classes.push_back(std::move(row));
    }
    out["classes"] = std::move(classes);
    json::array missing;
    for (const auto& m : v.missing) {
      missing.push_back(json::object{{"class_id", m.cls->id},
                                     {"class_name", m.cls->draft.name},
                                     {"grade", m.cls->draft.grade},
                                     {"date", cal::FormatDate(m.date)},
                                     {"kind", edu::SessionKindCode(m.kind)},
                                     {"kind_label", edu::SessionLabel(m.kind)}});
    }
    out["missing"] = std::move(missing);
  } else {
    json::array schools;
    for (const auto& sc : v.schools) {
      auto row = CompletionJson(sc.completion);
      row["school_id"] = sc.school_id;
      row["school_name"] = sc.school_name;
      row["classes"] = sc.classes;
      schools.push_back(std::move(row));
    }
    out["schools"] = std::move(schools);
  }
  return out;
}

edu::ClassDraft ClassDraftFromJson(Fields& f) {
  edu::ClassDraft d;
  d.grade = static_cast<int>(f.Int("grade", true).value_or(0));
  d.name = f.Str("name", true).value_or("");
  d.teacher = f.Str("teacher", false).value_or("");
  d.students = static_cast<int>(std::clamp<std::int64_t>(f.Int("students", false).value_or(0), -1,
                                                         edu::kMaxClassStudents + 1));
  f.Ignore({"id", "school_name", "grade_label", "teacher_name"});
  return d;
}

app::CheckInInput CheckInFromJson(Fields& f) {
  app::CheckInInput in;
  in.class_id = f.Int("class_id", true).value_or(0);
  in.date = f.Str("date", true).value_or("");
  in.kind = f.Str("kind", true).value_or("");
  in.topic = f.Str("topic", false);
  in.note = f.Str("note", false).value_or("");
  in.file_ids = f.Ids("file_ids");
  return in;
}

}  // namespace xiaoan::http
