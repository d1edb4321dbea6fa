#include "http/json/org_json.hpp"

#include <boost/json.hpp>

namespace xiaoan::http {

namespace json = boost::json;

namespace {
json::value Opt(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
}  // namespace

json::value ToJson(const domain::Region& r) {
  return json::object{{"code", r.code},
                      {"name", r.name},
                      {"parent_code", Opt(r.parent_code)},
                      {"level", r.level},
                      {"created_at", r.created_at},
                      {"updated_at", r.updated_at}};
}

json::value ToJson(const domain::Unit& u) {
  return json::object{{"id", u.id},
                      {"kind", u.kind},
                      {"name", u.name},
                      {"code", Opt(u.code)},
                      {"region_code", u.region_code},
                      {"parent_id", Opt(u.parent_id)},
                      {"path", u.path},
                      {"department_kind", Opt(u.department_kind)},
                      {"contact_person", u.contact_person},
                      {"phone", u.phone},
                      {"address", u.address},
                      {"created_at", u.created_at},
                      {"updated_at", u.updated_at}};
}

json::value ToJson(const domain::School& s) {
  json::array buildings;
  for (const auto& b : s.buildings) {
    buildings.push_back(json::object{{"id", b.id}, {"name", b.name}, {"floors", b.floors}});
  }
  json::array places;
  for (const auto& k : s.key_places) {
    places.push_back(json::object{
        {"id", k.id}, {"kind", k.kind}, {"name", k.name}, {"building", Opt(k.building)}});
  }
  const auto& p = s.profile;
  return json::object{{"id", s.unit.id},
                      {"code", Opt(s.unit.code)},
                      {"name", s.unit.name},
                      {"region_code", s.unit.region_code},
                      {"parent_id", Opt(s.unit.parent_id)},
                      {"path", s.unit.path},
                      {"stage", p.stage},
                      {"ownership", p.ownership},
                      {"boarding", p.boarding},
                      {"boarders", p.boarders},
                      {"school_buses", p.school_buses},
                      {"location_type", p.location_type},
                      {"students", p.students},
                      {"staff", p.staff},
                      {"address", s.unit.address},
                      {"phone", s.unit.phone},
                      {"principal", p.principal},
                      {"cluster_id", Opt(p.cluster_id)},
                      {"cluster_name", p.cluster_id ? json::value(p.cluster_name) : nullptr},
                      {"buildings", std::move(buildings)},
                      {"key_places", std::move(places)},
                      {"created_at", s.unit.created_at},
                      {"updated_at", s.unit.updated_at}};
}

json::value ToJson(const app::ImportReport& r) {
  json::array errors;
  for (const auto& e : r.errors) {
    errors.push_back(json::object{{"row", e.row}, {"column", e.column}, {"reason", e.reason}});
  }
  return json::object{{"rows", r.rows},
                      {"created", r.created},
                      {"updated", r.updated},
                      {"removed", r.removed},
                      {"failed", r.failed},
                      {"applied", r.applied},
                      {"errors", std::move(errors)}};
}

json::value ToJson(const domain::SchoolStats& s) {
  auto counts = [](const std::vector<domain::CodeCount>& cs) {
    json::array out;
    out.reserve(cs.size());
    for (const auto& c : cs) {
      out.push_back(json::object{{"code", c.code}, {"label", c.label}, {"count", c.count}});
    }
    return out;
  };
  return json::object{{"total", s.total},
                      {"boarding", s.boarding},
                      {"by_stage", counts(s.by_stage)},
                      {"by_location_type", counts(s.by_location_type)},
                      {"by_ownership", counts(s.by_ownership)}};
}

json::value EnumJson(domain::EnumTable table) {
  json::array out;
  out.reserve(table.size());
  for (const auto& e : table) out.push_back(json::object{{"code", e.code}, {"label", e.label}});
  return out;
}

domain::School SchoolFromJson(Fields& f) {
  domain::School s;
  s.unit.kind = "school";
  s.unit.code = f.Str("code", true);
  s.unit.name = f.Str("name", true).value_or("");
  s.unit.region_code = f.Str("region_code", true).value_or("");
  s.unit.parent_id = f.Int("parent_id", false);
  auto& p = s.profile;
  p.stage = f.Str("stage", true).value_or("");
  p.ownership = f.Str("ownership", true).value_or("");
  p.location_type = f.Str("location_type", true).value_or("");
  p.boarding = f.Bool("boarding", false).value_or(false);
  p.boarders = static_cast<int>(f.Int("boarders", false).value_or(0));
  p.school_buses = static_cast<int>(f.Int("school_buses", false).value_or(0));
  p.students = static_cast<int>(f.Int("students", false).value_or(0));
  p.staff = static_cast<int>(f.Int("staff", false).value_or(0));
  s.unit.address = f.Str("address", false).value_or("");
  s.unit.phone = f.Str("phone", false).value_or("");
  p.principal = f.Str("principal", false).value_or("");
  p.cluster_id = f.Int("cluster_id", false);
  if (const auto* arr = f.Array("buildings", false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string path = f.Path("buildings") + "[" + std::to_string(i) + "]";
      if (const auto* o = f.Object((*arr)[i], path)) {
        Fields b(*o, path);
        domain::Building bd;
        bd.name = b.Str("name", true).value_or("");
        bd.floors = static_cast<int>(b.Int("floors", true).value_or(0));
        bd.id = b.Int("id", false).value_or(0);  // kept when editing (PlanPlaceChanges)
        f.Merge(b);
        s.buildings.push_back(std::move(bd));
      }
    }
  }
  if (const auto* arr = f.Array("key_places", false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string path = f.Path("key_places") + "[" + std::to_string(i) + "]";
      if (const auto* o = f.Object((*arr)[i], path)) {
        Fields k(*o, path);
        domain::KeyPlace kp;
        kp.kind = k.Str("kind", true).value_or("");
        kp.name = k.Str("name", true).value_or("");
        kp.building = k.NullableStr("building");
        kp.id = k.Int("id", false).value_or(0);
        f.Merge(k);
        s.key_places.push_back(std::move(kp));
      }
    }
  }
  return s;
}

domain::Unit UnitFromJson(Fields& f, bool for_create, bool department) {
  domain::Unit u;
  if (for_create) {
    if (department) {
      u.kind = "department";
    } else {
      u.kind = f.Str("kind", true).value_or("");
    }
    u.region_code = f.Str("region_code", true).value_or("");
    u.parent_id = f.Int("parent_id", false);
  }
  u.name = f.Str("name", true).value_or("");
  u.code = f.NullableStr("code");
  if (department) u.department_kind = f.Str("department_kind", for_create);
  u.contact_person = f.Str("contact_person", false).value_or("");
  u.phone = f.Str("phone", false).value_or("");
  u.address = f.Str("address", false).value_or("");
  return u;
}

}  // namespace xiaoan::http
