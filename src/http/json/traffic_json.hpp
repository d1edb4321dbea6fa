#pragma once
// What the school-bus and campus-traffic registries share in their JSON: a record's meta fields
// out, and in on a create (its school) or a change (the version read, whether in use).
#include <boost/json/fwd.hpp>

#include "domain/traffic/bus_registry.hpp"
#include "http/json/fields.hpp"

namespace xiaoan::http {

boost::json::object RecordMetaJson(const domain::traffic::BusRecordMeta& m);
// Reads unit_id on a create, version and active on a change, and the note; accepts the
// read-only meta fields sent back as read.
void ReadRecordMeta(Fields& f, domain::traffic::BusRecordMeta& m, bool create);

}  // namespace xiaoan::http
