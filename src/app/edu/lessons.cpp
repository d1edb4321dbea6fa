#include "app/edu/lessons.hpp"

#include <algorithm>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/org/org_use_cases.hpp"
#include "domain/auth/auth.hpp"
#include "domain/edu/edu.hpp"
#include "domain/org/org.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace edu = domain::edu;
namespace cal = domain::calendar;
namespace rules = domain::rules;
namespace perm = domain::perm;

namespace {

constexpr const char* kSubject = "edu_lesson";
constexpr const char* kModule = "edu_lesson";

Result<domain::Unit> SchoolOf(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(id));
  if (!unit || unit->kind != "school" || !ctx.Covers(unit->path)) {
    return domain::ValidationError({{"school_id", "学校不存在或不在您的管辖范围内"}});
  }
  return std::move(*unit);
}

Result<edu::Lesson> LoadInScope(domain::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto l, tx.lessons().Find(id, ctx.Scope()));
  if (!l) return NotFound("教育活动记录不存在或不在您的管辖范围内");
  return std::move(*l);
}

// The school's classes by id (stopped ones too: an old record keeps its classes).
Result<std::map<std::int64_t, edu::Class>> ClassesOf(domain::Tx& tx, std::int64_t school_id) {
  edu::ClassFilter f;
  f.school_id = school_id;
  f.include_inactive = true;
  XA_ASSIGN_OR_RETURN(auto list, tx.edu().AllClasses(f, domain::ScopeFilter{}));
  std::map<std::int64_t, edu::Class> out;
  for (auto& c : list) out.emplace(c.id, std::move(c));
  return out;
}

Status CheckClasses(domain::Tx& tx, const edu::Lesson& l) {
  if (l.whole_school) return {};
  XA_ASSIGN_OR_RETURN(auto classes, ClassesOf(tx, l.school_id));
  for (std::size_t i = 0; i < l.class_ids.size(); ++i) {
    if (!classes.count(l.class_ids[i])) {
      return domain::ValidationError(
          {{"class_ids[" + std::to_string(i) + "]",
            "班级 #" + std::to_string(l.class_ids[i]) + " 不是本校的班级"}});
    }
  }
  return {};
}

Result<LessonDetail> Detail(domain::Tx& tx, const RequestContext& ctx, edu::Lesson l) {
  LessonDetail out;
  out.can_edit = ctx.Can(perm::kEduLessons);
  if (!l.whole_school) {
    XA_ASSIGN_OR_RETURN(auto classes, ClassesOf(tx, l.school_id));
    for (const auto id : l.class_ids) {
      const auto it = classes.find(id);
      out.class_names.push_back(it == classes.end() ? "#" + std::to_string(id)
                                                    : edu::GradeLabel(it->second.draft.grade) +
                                                          it->second.draft.name);
    }
  }
  XA_ASSIGN_OR_RETURN(out.files, tx.files().OfSubject(kSubject, l.id));
  out.lesson = std::move(l);
  return out;
}

std::string Summary(const edu::Lesson& l, const std::string& school) {
  const auto* theme = edu::FindTheme(l.theme);
  return school + " " + l.date + " " + (theme ? std::string(theme->label) : l.theme) + "：" +
         l.title;
}

// Judges the school's education rules for the periods containing the day.
Status Judge(Services& s, domain::Tx& tx, std::int64_t school_id, const std::string& date) {
  const auto day = cal::ParseDate(date);
  if (!day) return {};
  return EvaluateSchool(s, tx, school_id, *day, kModule);
}

Status CheckFilter(const edu::LessonFilter& f) {
  if (f.theme && !edu::FindTheme(*f.theme)) return InvalidArgument("theme", "没有这个教育主题");
  if (f.observance && !edu::IsObservance(*f.observance)) {
    return InvalidArgument("observance", "没有这个安全教育主题日（月）");
  }
  for (const auto& [field, v] : {std::pair{"from", f.from}, std::pair{"to", f.to}}) {
    if (v && !cal::ParseDate(*v)) return InvalidArgument(field, "须为 YYYY-MM-DD 格式的日期");
  }
  return {};
}

}  // namespace

Result<LessonDetail> RecordLesson(Services& s, const RequestContext& ctx, edu::Lesson in,
                                  const std::vector<std::int64_t>& file_ids) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "记录安全教育活动"));
  auto problems = edu::CheckLesson(in, TodayInChina(s));
  if (!problems.empty()) return domain::ValidationError(std::move(problems));
  LessonDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto school, SchoolOf(tx, ctx, in.school_id));
    XA_TRY(CheckClasses(tx, in));
    if (in.whole_school) in.class_ids.clear();
    in.recorded_by = ctx.actor;
    in.created_at = s.clock.Now();
    in.updated_at = in.created_at;
    XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, file_ids));
    XA_TRY(tx.lessons().Insert(in));
    XA_TRY(AttachFiles(tx, files, kSubject, in.id));
    XA_TRY(Judge(s, tx, in.school_id, in.date));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.lesson.record", kSubject, std::to_string(in.id),
                                     "记录安全教育活动：" + Summary(in, school.name))));
    XA_ASSIGN_OR_RETURN(auto stored, LoadInScope(tx, RequestContext{}, in.id));
    XA_ASSIGN_OR_RETURN(out, Detail(tx, ctx, std::move(stored)));
    return {};
  }));
  return out;
}

Result<LessonDetail> EditLesson(Services& s, const RequestContext& ctx, std::int64_t id,
                                edu::Lesson in, const std::vector<std::int64_t>& file_ids) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "修改安全教育活动"));
  LessonDetail out;
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadInScope(tx, ctx, id));
    in.id = id;
    in.school_id = old.school_id;  // a record stays with its school
    auto problems = edu::CheckLesson(in, TodayInChina(s));
    if (!problems.empty()) return domain::ValidationError(std::move(problems));
    XA_TRY(CheckClasses(tx, in));
    if (in.whole_school) in.class_ids.clear();
    in.recorded_by = old.recorded_by;
    in.created_at = old.created_at;
    in.updated_at = s.clock.Now();
    XA_ASSIGN_OR_RETURN(auto files, ClaimFiles(tx, ctx, file_ids));
    XA_ASSIGN_OR_RETURN(const bool stored, tx.lessons().Update(in));
    if (!stored) {
      return FailedPrecondition("edu_lesson.stale", "这条记录刚被他人修改，请刷新后再试");
    }
    XA_TRY(AttachFiles(tx, files, kSubject, id));
    if (old.date != in.date) XA_TRY(Judge(s, tx, old.school_id, old.date));
    XA_TRY(Judge(s, tx, in.school_id, in.date));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.lesson.edit", kSubject, std::to_string(id),
                                     "修改安全教育活动：" + Summary(in, old.school_name))));
    XA_ASSIGN_OR_RETURN(auto now, LoadInScope(tx, RequestContext{}, id));
    XA_ASSIGN_OR_RETURN(out, Detail(tx, ctx, std::move(now)));
    return {};
  }));
  return out;
}

Status DeleteLesson(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduLessons, "删除安全教育活动"));
  return s.store.Write([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto old, LoadInScope(tx, ctx, id));
    XA_TRY(tx.lessons().Remove(id));
    XA_TRY(Judge(s, tx, old.school_id, old.date));
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.lesson.delete", kSubject, std::to_string(id),
                                     "删除安全教育活动：" + Summary(old, old.school_name))));
    return {};
  });
}

Result<LessonDetail> GetLesson(Services& s, const RequestContext& ctx, std::int64_t id) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看安全教育活动"));
  LessonDetail out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto l, LoadInScope(tx, ctx, id));
    XA_ASSIGN_OR_RETURN(out, Detail(tx, ctx, std::move(l)));
    return {};
  }));
  return out;
}

Result<domain::PageResult<edu::Lesson>> ListLessons(Services& s, const RequestContext& ctx,
                                                    const edu::LessonFilter& f,
                                                    const domain::PageRequest& page) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看安全教育活动"));
  XA_TRY(CheckFilter(f));
  domain::PageResult<edu::Lesson> out;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(out, tx.lessons().List(f, ctx.Scope(), page));
    return {};
  }));
  return out;
}

Result<std::string> ExportLessons(Services& s, const RequestContext& ctx,
                                  const edu::LessonFilter& f) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "导出安全教育活动"));
  XA_TRY(CheckFilter(f));
  std::vector<office::Row> rows = {
      office::TextRow({"学校", "日期", "主题", "主题日（月）", "活动名称", "范围", "参加人数",
                       "主讲人", "教育材料", "备注", "记录人"})};
  std::int64_t n = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    domain::PageRequest page;
    page.page_size = 500;
    std::map<std::int64_t, std::map<std::int64_t, edu::Class>> classes;
    for (page.page = 1;; ++page.page) {
      XA_ASSIGN_OR_RETURN(auto list, tx.lessons().List(f, ctx.Scope(), page));
      for (const auto& l : list.items) {
        std::string scope = "全校";
        if (!l.whole_school) {
          if (!classes.count(l.school_id)) {
            XA_ASSIGN_OR_RETURN(classes[l.school_id], ClassesOf(tx, l.school_id));
          }
          scope.clear();
          for (const auto id : l.class_ids) {
            const auto& of = classes[l.school_id];
            const auto it = of.find(id);
            scope +=
                (scope.empty() ? "" : "、") +
                (it == of.end() ? "#" + std::to_string(id)
                                : edu::GradeLabel(it->second.draft.grade) + it->second.draft.name);
          }
        }
        const auto* theme = edu::FindTheme(l.theme);
        rows.push_back(office::TextRow(
            {l.school_name, l.date, theme ? std::string(theme->label) : l.theme,
             l.observance.empty() ? "" : edu::ObservanceLabel(l.observance), l.title, scope,
             std::to_string(l.participants), l.speaker, l.materials, l.note,
             l.recorded_by_name.empty() ? l.recorded_by : l.recorded_by_name}));
        ++n;
      }
      if (static_cast<std::int64_t>(page.page) * page.page_size >= list.total) break;
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({office::Sheet{"安全教育活动", rows}}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.lesson.export", kSubject, "*",
                                     "导出安全教育活动 " + std::to_string(n) + " 条")));
    return {};
  }));
  return bytes;
}

Result<EduCalendarView> GetEduCalendar(Services& s, const RequestContext& ctx,
                                       std::optional<std::int64_t> school_id,
                                       std::optional<int> year) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "查看安全教育日历"));
  EduCalendarView out;
  out.today = TodayInChina(s);
  out.year = year.value_or(cal::YearOf(out.today));
  if (out.year < 2000 || out.year > 2100)
    return InvalidArgument("year", "年份须在 2000 到 2100 之间");
  const auto from = cal::FormatDate(cal::Date{std::chrono::year{out.year} / 1 / 1});
  // A semester that starts in the year runs into the next.
  const auto to = cal::FormatDate(cal::Date{std::chrono::year{out.year + 1} / 8 / 31});
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    XA_ASSIGN_OR_RETURN(auto holidays, LoadPublicCalendar(tx));
    auto judge =
        [&](const domain::Unit& unit,
            std::span<const edu::Lesson> lessons) -> Result<std::vector<edu::CalendarItem>> {
      XA_ASSIGN_OR_RETURN(auto data, LoadSchoolTerms(tx, unit));
      const cal::SchoolCalendar calendar(holidays, data.terms, data.exceptions);
      XA_ASSIGN_OR_RETURN(auto in_force, LoadValuesInForce(tx, unit, edu::LessonRuleDecls()));
      return edu::EducationCalendar(calendar, lessons, PlainValues(in_force), out.year, out.today);
    };
    if (school_id) {
      XA_ASSIGN_OR_RETURN(auto unit, SchoolOf(tx, ctx, *school_id));
      XA_ASSIGN_OR_RETURN(auto lessons, tx.lessons().OfSchool(unit.id, from, to));
      XA_ASSIGN_OR_RETURN(out.items, judge(unit, lessons));
      out.school = true;
      out.school_id = unit.id;
      out.school_name = unit.name;
      return {};
    }
    XA_ASSIGN_OR_RETURN(auto all, tx.lessons().InScope(ctx.Scope(), from, to));
    std::map<std::int64_t, std::vector<edu::Lesson>> by_school;
    for (auto& l : all) by_school[l.school_id].push_back(std::move(l));
    XA_ASSIGN_OR_RETURN(auto schools, AllSchoolsInScope(tx, ctx));
    std::set<std::string> seen;
    for (const auto& school : schools) {
      XA_ASSIGN_OR_RETURN(auto items, judge(school.unit, by_school[school.unit.id]));
      EduCalendarSchool row{school.unit.id, school.unit.name, 0, 0, 0, {}};
      for (const auto& item : items) {
        row.cells[item.key] = item.outcome;
        if (item.outcome == rules::Outcome::kPass) ++row.pass;
        if (item.outcome == rules::Outcome::kDue) ++row.due;
        if (item.outcome == rules::Outcome::kFail) ++row.fail;
        if (seen.insert(item.key).second) {
          out.columns.push_back(
              {item.key, item.code, item.label, item.note, item.first, item.last});
        }
      }
      out.schools.push_back(std::move(row));
    }
    std::stable_sort(out.columns.begin(), out.columns.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::stable_sort(out.schools.begin(), out.schools.end(),
                     [](const auto& a, const auto& b) { return a.fail > b.fail; });
    return {};
  }));
  return out;
}

FileSubject LessonFileSubject() {
  return {kSubject, [](domain::Tx& tx, const RequestContext& ctx, std::int64_t id) -> Status {
            if (!ctx.Can(perm::kEduRead)) return NotFound("教育活动记录不存在");
            XA_TRY(LoadInScope(tx, ctx, id));
            return {};
          }};
}

TaskSource LessonTaskSource() {
  return {kModule, [](Services& s, const RequestContext& ctx) -> Result<std::vector<TaskGroup>> {
            std::vector<TaskGroup> out;
            if (!ctx.principal || !ctx.Can(perm::kEduLessons) || !ctx.unit_id) return out;
            const auto today = TodayInChina(s);
            std::optional<domain::Unit> unit;
            XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
              XA_ASSIGN_OR_RETURN(unit, tx.org().FindUnit(*ctx.unit_id));
              return {};
            }));
            if (!unit || unit->kind != "school") return out;
            TaskGroup g{"edu.lessons", "安全教育待完成", 0, 0, {}};
            // This year's and, in January and February, last year's items (the autumn
            // semester's).
            std::vector<int> years{cal::YearOf(today)};
            if (cal::MonthOf(today) <= 2) years.insert(years.begin(), cal::YearOf(today) - 1);
            for (const int year : years) {
              XA_ASSIGN_OR_RETURN(auto view, GetEduCalendar(s, ctx, unit->id, year));
              for (const auto& item : view.items) {
                // Open now, or missed within the last 30 days (a late record still counts).
                const bool open = item.outcome == rules::Outcome::kDue && item.first <= today;
                const bool missed = item.outcome == rules::Outcome::kFail &&
                                    today - item.last <= std::chrono::days{30};
                if (!open && !missed) continue;
                ++g.count;
                if (missed) ++g.overdue;
                if (g.items.size() < static_cast<std::size_t>(kTaskItems)) {
                  g.items.push_back({"edu_calendar", unit->id, std::nullopt,
                                     item.label + "（" + item.note + "）", unit->name,
                                     cal::FormatDate(item.last), missed});
                }
              }
            }
            std::stable_sort(g.items.begin(), g.items.end(),
                             [](const TaskItem& a, const TaskItem& b) { return a.due < b.due; });
            if (g.count > 0) out.push_back(std::move(g));
            return out;
          }};
}

RuleModule LessonRuleModule() {
  return {kModule,
          edu::LessonRuleDecls(),
          {},
          "",
          [](domain::Tx& tx, const SchoolJudgeInput& in) -> Result<std::vector<rules::Judgement>> {
            // A semester is at most eight months: a year either side covers it and the month.
            const auto from = cal::FormatDate(in.day - std::chrono::days{366});
            const auto to = cal::FormatDate(in.day + std::chrono::days{366});
            XA_ASSIGN_OR_RETURN(auto lessons, tx.lessons().OfSchool(in.school.unit.id, from, to));
            return edu::JudgeLessons(in.calendar, lessons, in.values, in.day, in.today);
          },
          {},
          "",
          "other"};
}

}  // namespace xiaoan::app
