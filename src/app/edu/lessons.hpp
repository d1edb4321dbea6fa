#pragma once
// Safety education records (measure 21): a school records its 开学安全第一课, anti-bullying
// lessons, themed education and the activities of the dated days and months, with photos; the rules
// edu.first_lesson, edu.bullying_lesson and edu.days judge them at once, and the education
// calendar shows a school's year, or the district's schools, item by item (docs/education.md).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/platform/platform.hpp"
#include "app/rules/rules.hpp"
#include "domain/edu/lessons.hpp"

namespace xiaoan::app {

struct LessonDetail {
  domain::edu::Lesson lesson;
  std::vector<std::string> class_names;   // of class_ids, in the same order
  std::vector<domain::StoredFile> files;  // photos and documents, oldest first
  bool can_edit = false;
};

// Checks and stores a record for a school in the caller's scope (the classes must be the
// school's), attaches the caller's uploads and judges the school's education rules for the
// record's date; audited as edu.lesson.record.
Result<LessonDetail> RecordLesson(Services& s, const RequestContext& ctx, domain::edu::Lesson in,
                                  const std::vector<std::int64_t>& file_ids = {});
// Changes a record (its school stays; `in.version` is the version read: 409 edu_lesson.stale when
// another save came first); new uploads are added to the record's files.
Result<LessonDetail> EditLesson(Services& s, const RequestContext& ctx, std::int64_t id,
                                domain::edu::Lesson in,
                                const std::vector<std::int64_t>& file_ids = {});
Status DeleteLesson(Services& s, const RequestContext& ctx, std::int64_t id);
Result<LessonDetail> GetLesson(Services& s, const RequestContext& ctx, std::int64_t id);
Result<domain::PageResult<domain::edu::Lesson>> ListLessons(Services& s, const RequestContext& ctx,
                                                            const domain::edu::LessonFilter& f,
                                                            const domain::PageRequest& page);
Result<std::string> ExportLessons(Services& s, const RequestContext& ctx,
                                  const domain::edu::LessonFilter& f);

// ---- The education calendar --------------------------------------------------------------------
struct EduCalendarColumn {
  std::string key;  // first_lesson:2026-1, bullying_lesson:2026-1, safety_day:2026
  std::string code;
  std::string label;
  std::string note;
  domain::calendar::Date first{};
  domain::calendar::Date last{};
};
struct EduCalendarSchool {
  std::int64_t school_id = 0;
  std::string school_name;
  int pass = 0;
  int due = 0;
  int fail = 0;
  std::map<std::string, domain::rules::Outcome> cells;  // by column key
};
struct EduCalendarView {
  int year = 0;
  domain::calendar::Date today{};
  bool school = false;  // one school's items; otherwise the schools in scope
  std::int64_t school_id = 0;
  std::string school_name;
  std::vector<domain::edu::CalendarItem> items;  // a school's, by date
  std::vector<EduCalendarColumn> columns;        // the district's, by date
  std::vector<EduCalendarSchool> schools;        // most failures first
};
// A school's education calendar (school_id in scope), or the district's schools when no school
// is given; `year` defaults to this year in China.
Result<EduCalendarView> GetEduCalendar(Services& s, const RequestContext& ctx,
                                       std::optional<std::int64_t> school_id,
                                       std::optional<int> year);

// Registration (app/modules.cpp).
FileSubject LessonFileSubject();
RuleModule LessonRuleModule();
// A school's safety officer's and leader's items of the education calendar still to do (open
// now, or missed within the last 30 days), as "edu.lessons".
TaskSource LessonTaskSource();

}  // namespace xiaoan::app
