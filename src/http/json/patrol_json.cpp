#include "http/json/patrol_json.hpp"

#include <boost/json.hpp>

#include "domain/hazard/hazard.hpp"
#include "http/json/checklist_json.hpp"
#include "http/json/hazard_json.hpp"

namespace xiaoan::http {

namespace json = boost::json;
namespace pt = domain::patrol;
namespace cal = domain::calendar;

namespace {

json::value OptText(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value OptId(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
std::string KindLabel(const std::string& kind) {
  return std::string(domain::LabelOf(domain::KeyPlaceKinds(), kind));
}

}  // namespace

json::value ToJson(const app::PatrolPlanView& v, bool with_items) {
  const auto& p = v.plan;
  json::array shifts;
  for (const int m : p.shifts) shifts.emplace_back(cal::FormatClock(m));
  json::object out{
      {"id", p.id},
      {"school_id", p.school_id},
      {"school_name", p.school_name},
      {"key_place_id", p.key_place_id},
      {"place_name", p.place_name},
      {"place_kind", p.place_kind},
      {"place_kind_label", KindLabel(p.place_kind)},
      {"template_id", p.template_id},
      {"template_code", p.template_code},
      {"template_name", p.template_name},
      {"template_version", p.template_version},
      {"frequency", p.frequency},
      {"frequency_label", std::string(domain::LabelOf(pt::Frequencies(), p.frequency))},
      {"shifts", std::move(shifts)},
      {"school_days_only", p.school_days_only},
      {"patroller", p.patroller},
      {"starts_on", p.starts_on},
      {"ends_on", OptText(p.ends_on)},
      {"note", p.note},
      {"created_by", p.created_by},
      {"created_at", p.created_at},
      {"can_edit", v.can_edit}};
  if (with_items) {
    json::array items;
    for (const auto& i : v.items) items.push_back(ToJson(i));
    out["items"] = std::move(items);
  }
  return out;
}

pt::Plan PlanFromJson(Fields& f, bool creating) {
  pt::Plan p;
  f.Ignore({"id", "school_name", "place_name", "place_kind", "place_kind_label", "template_code",
            "template_name", "template_version", "frequency_label", "created_by", "created_at",
            "can_edit", "items"});
  if (creating) {
    p.school_id = f.Int("school_id", true).value_or(0);
  } else {
    f.Ignore({"school_id"});
  }
  p.key_place_id = f.Int("key_place_id", true).value_or(0);
  p.template_id = f.Int("template_id", true).value_or(0);
  p.frequency = f.Str("frequency", false).value_or("daily");
  if (const auto* arr = f.Array("shifts", false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const auto* s = (*arr)[i].if_string();
      const auto minutes = s ? cal::ParseClock(std::string_view(*s)) : std::nullopt;
      if (!minutes) {
        f.AddError(f.Path("shifts") + "[" + std::to_string(i) + "]", "须为 HH:MM 格式的时间");
        continue;
      }
      p.shifts.push_back(*minutes);
    }
  }
  p.school_days_only = f.Bool("school_days_only", false).value_or(true);
  p.patroller = f.Str("patroller", false).value_or("");
  p.starts_on = f.Str("starts_on", true).value_or("");
  p.ends_on = f.NullableStr("ends_on");
  if (p.ends_on && p.ends_on->empty()) p.ends_on.reset();
  p.note = f.Str("note", false).value_or("");
  return p;
}

json::value ToJson(const pt::Plan& p, const pt::SlotStatus& s) {
  return json::object{
      {"plan_id", p.id},
      {"school_id", p.school_id},
      {"school_name", p.school_name},
      {"key_place_id", p.key_place_id},
      {"place_name", p.place_name},
      {"place_kind", p.place_kind},
      {"place_kind_label", KindLabel(p.place_kind)},
      {"template_name", p.template_name},
      {"patroller", p.patroller},
      {"frequency", p.frequency},
      {"frequency_label", std::string(domain::LabelOf(pt::Frequencies(), p.frequency))},
      {"date", cal::FormatDate(s.slot.date)},
      {"shift", s.slot.shift},
      {"shift_time", pt::ShiftTime(p, s.slot.shift)},
      {"due_by", cal::FormatDate(s.slot.due_by)},
      {"state", std::string(pt::SlotStateCode(s.state))},
      {"state_label", std::string(pt::SlotStateLabel(s.state))},
      {"record_id", OptId(s.record_id)}};
}

json::value ToJson(const app::PatrolPlaceView& v) {
  json::array plans;
  for (const auto& row : v.plans) {
    auto plan = ToJson(row.plan, true).as_object();
    json::array today;
    for (const auto& s : row.today) today.push_back(ToJson(row.plan.plan, s));
    plan["today"] = std::move(today);
    plans.push_back(std::move(plan));
  }
  return json::object{{"school_id", v.school_id},
                      {"school_name", v.school_name},
                      {"key_place", json::object{{"id", v.place.id},
                                                 {"name", v.place.name},
                                                 {"kind", v.place.kind},
                                                 {"kind_label", KindLabel(v.place.kind)},
                                                 {"building", OptText(v.place.building)}}},
                      {"plans", std::move(plans)},
                      {"can_record", v.can_record}};
}

json::value ToJson(const pt::Record& r) {
  return json::object{{"id", r.id},
                      {"plan_id", r.plan_id},
                      {"school_id", r.school_id},
                      {"school_name", r.school_name},
                      {"key_place_id", r.key_place_id},
                      {"place_name", r.place_name},
                      {"place_kind", r.place_kind},
                      {"place_kind_label", KindLabel(r.place_kind)},
                      {"template_id", r.template_id},
                      {"template_name", r.template_name},
                      {"template_version", r.template_version},
                      {"date", r.date},
                      {"shift", r.shift},
                      {"patrolled_at", r.patrolled_at},
                      {"patroller", r.patroller},
                      {"username", r.username},
                      {"note", r.note},
                      {"failed", r.failed}};
}

json::value ToJson(const app::PatrolDetail& d) {
  auto out = ToJson(d.record).as_object();
  out["shift_time"] = d.shift_time;
  out["answers"] = AnswersToJson(d.record.answers, d.items);
  json::array files;
  for (const auto& f : d.files) files.push_back(ToJson(f));
  out["files"] = std::move(files);
  out["can_raise"] = d.can_raise;
  return out;
}

app::PatrolInput PatrolFromJson(Fields& f) {
  app::PatrolInput in;
  in.plan_id = f.Int("plan_id", true).value_or(0);
  in.date = f.NullableStr("date");
  if (in.date && in.date->empty()) in.date.reset();
  in.shift = static_cast<int>(f.Int("shift", false).value_or(0));
  in.note = f.Str("note", false).value_or("");
  in.answers = AnswersFromJson(f);
  return in;
}

}  // namespace xiaoan::http
