#include "http/json/traffic_json.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"

namespace xiaoan::http {

namespace json = boost::json;

json::object RecordMetaJson(const domain::traffic::BusRecordMeta& m) {
  return {{"id", m.id},
          {"unit_id", m.unit_id},
          {"unit_name", m.unit_name},
          {"active", m.active},
          {"note", m.note},
          {"updated_by", m.updated_by},
          {"updated_at", FormatInstant(m.updated_at)},
          {"version", m.version}};
}

void ReadRecordMeta(Fields& f, domain::traffic::BusRecordMeta& m, bool create) {
  if (create) {
    m.unit_id = f.Int("unit_id", true).value_or(0);
    f.Ignore({"version", "active"});
  } else {
    m.version = static_cast<int>(f.Int("version", true).value_or(0));
    m.active = f.Bool("active", false).value_or(true);
    f.Ignore({"unit_id"});
  }
  m.note = f.Str("note", false).value_or("");
  f.Ignore({"id", "unit_name", "updated_by", "updated_at", "can_edit"});
}

}  // namespace xiaoan::http
