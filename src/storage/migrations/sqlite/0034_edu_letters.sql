-- 致家长的一封信 (measure 9): a class's size, the letters a school publishes per term, one link
-- per class and letter (a random token the class teacher shares with the parents), and the
-- parents' receipts (回执), counted once per student of the class. published_at and at are UTC
-- instants; closes_on is a civil date in China ('' while open until closed).
ALTER TABLE edu_classes ADD COLUMN students INTEGER NOT NULL DEFAULT 0;

CREATE TABLE edu_letters (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id    INTEGER NOT NULL REFERENCES org_units(id),
  school_year  INTEGER NOT NULL,
  term         INTEGER NOT NULL,
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  closes_on    TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL,
  published_at TEXT NOT NULL DEFAULT '',
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL
);
CREATE INDEX edu_letters_school ON edu_letters(school_id, school_year, term);

CREATE TABLE edu_letter_links (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  letter_id  INTEGER NOT NULL REFERENCES edu_letters(id),
  class_id   INTEGER NOT NULL REFERENCES edu_classes(id),
  token      TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  UNIQUE (letter_id, class_id)
);

CREATE TABLE edu_letter_receipts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  letter_id    INTEGER NOT NULL REFERENCES edu_letters(id),
  class_id     INTEGER NOT NULL REFERENCES edu_classes(id),
  student_name TEXT NOT NULL,  -- as the parent wrote it, spaces removed
  relation     TEXT NOT NULL,
  at           TEXT NOT NULL,
  source       TEXT NOT NULL DEFAULT '',  -- the client address, for abuse review
  UNIQUE (letter_id, class_id, student_name)
);
