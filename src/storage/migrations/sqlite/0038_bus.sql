-- 校车台账 (measure 16): school-bus providers, vehicles, drivers, monitors (照管人员) and routes,
-- each kept by a unit (a school; a provider also by a bureau). Dates are civil dates in China
-- (YYYY-MM-DD, '' when not recorded); updated_at a UTC instant. The bus rules' findings are
-- rule_findings rows on the subjects bus_driver, bus_vehicle and bus_route.
CREATE TABLE bus_providers (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id        INTEGER NOT NULL REFERENCES org_units(id),
  name           TEXT NOT NULL,
  licence_no     TEXT NOT NULL DEFAULT '',
  licence_until  TEXT NOT NULL DEFAULT '',
  contract_until TEXT NOT NULL DEFAULT '',
  contact        TEXT NOT NULL DEFAULT '',
  note           TEXT NOT NULL DEFAULT '',
  active         INTEGER NOT NULL DEFAULT 1,
  updated_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  version        INTEGER NOT NULL
);
CREATE INDEX bus_providers_unit ON bus_providers(unit_id);
CREATE TABLE bus_vehicles (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id         INTEGER NOT NULL REFERENCES org_units(id),
  provider_id     INTEGER REFERENCES bus_providers(id),
  plate           TEXT NOT NULL,
  seats           INTEGER NOT NULL,
  permit_no       TEXT NOT NULL DEFAULT '',
  permit_until    TEXT NOT NULL DEFAULT '',
  inspected_on    TEXT NOT NULL DEFAULT '',
  insurance_until TEXT NOT NULL DEFAULT '',
  gps             INTEGER NOT NULL DEFAULT 0,
  rented          INTEGER NOT NULL DEFAULT 0,
  note            TEXT NOT NULL DEFAULT '',
  active          INTEGER NOT NULL DEFAULT 1,
  updated_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  version         INTEGER NOT NULL
);
CREATE INDEX bus_vehicles_unit ON bus_vehicles(unit_id);
CREATE INDEX bus_vehicles_plate ON bus_vehicles(plate);
CREATE TABLE bus_drivers (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id             INTEGER NOT NULL REFERENCES org_units(id),
  provider_id         INTEGER REFERENCES bus_providers(id),
  name                TEXT NOT NULL,
  birth               TEXT NOT NULL,
  licence_class       TEXT NOT NULL,
  licence_since       TEXT NOT NULL DEFAULT '',
  bus_endorsement     INTEGER NOT NULL DEFAULT 0,
  full_points         INTEGER NOT NULL DEFAULT 0,
  fatal_accident      INTEGER NOT NULL DEFAULT 0,
  drink_driving       INTEGER NOT NULL DEFAULT 0,
  overload_speeding   INTEGER NOT NULL DEFAULT 0,
  criminal_record     INTEGER NOT NULL DEFAULT 0,
  health_checked_on   TEXT NOT NULL DEFAULT '',
  note                TEXT NOT NULL DEFAULT '',
  active              INTEGER NOT NULL DEFAULT 1,
  updated_by          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  version             INTEGER NOT NULL
);
CREATE INDEX bus_drivers_unit ON bus_drivers(unit_id);
CREATE TABLE bus_monitors (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id    INTEGER NOT NULL REFERENCES org_units(id),
  name       TEXT NOT NULL,
  trained_on TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version    INTEGER NOT NULL
);
CREATE INDEX bus_monitors_unit ON bus_monitors(unit_id);
CREATE TABLE bus_routes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id    INTEGER NOT NULL REFERENCES org_units(id),
  name       TEXT NOT NULL,
  stops      TEXT NOT NULL DEFAULT '',
  leave_at   TEXT NOT NULL DEFAULT '',
  return_at  TEXT NOT NULL DEFAULT '',
  riders     INTEGER NOT NULL DEFAULT 0,
  vehicle_id INTEGER REFERENCES bus_vehicles(id),
  driver_id  INTEGER REFERENCES bus_drivers(id),
  monitor_id INTEGER REFERENCES bus_monitors(id),
  note       TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version    INTEGER NOT NULL
);
CREATE INDEX bus_routes_unit ON bus_routes(unit_id);
