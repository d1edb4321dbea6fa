-- 1530 安全提醒 (measure 20): each school's classes with their class teacher (a username, '' while
-- none), and the check-in of each session a class held. Sessions are computed from the school's
-- calendar, never stored ahead; a check-in is one per class, day and kind (daily, weekly,
-- holiday). since, date and checked_on are civil dates in China; at is a UTC instant.
CREATE TABLE edu_classes (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id INTEGER NOT NULL REFERENCES org_units(id),
  grade     INTEGER NOT NULL,
  name      TEXT NOT NULL,
  teacher   TEXT NOT NULL DEFAULT '',
  active    INTEGER NOT NULL DEFAULT 1,
  since     TEXT NOT NULL,  -- registered: sessions before this day are not its own
  version   INTEGER NOT NULL,
  UNIQUE (school_id, grade, name)
);
CREATE INDEX edu_classes_teacher ON edu_classes(teacher) WHERE teacher <> '';

CREATE TABLE edu_checkins (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  class_id   INTEGER NOT NULL REFERENCES edu_classes(id),
  school_id  INTEGER NOT NULL REFERENCES org_units(id),
  date       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  topic      TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  checked_by TEXT NOT NULL,
  at         TEXT NOT NULL,
  checked_on TEXT NOT NULL,
  UNIQUE (class_id, date, kind)
);
CREATE INDEX edu_checkins_school ON edu_checkins(school_id, date);
