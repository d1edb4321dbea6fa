// 1530 in and out of Excel: the classes (template, import, export) and the completion table.
#include <algorithm>
#include <map>
#include <set>

#include "app/calendar/calendar.hpp"
#include "app/edu/drowning.hpp"
#include "app/edu/edu.hpp"
#include "app/org/school_exchange.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/strings.hpp"
#include "domain/org/enums.hpp"
#include "office/table.hpp"

namespace xiaoan::app {

namespace edu = domain::edu;
namespace cal = domain::calendar;
namespace perm = domain::perm;

namespace {

const std::vector<std::string>& ClassColumns() {
  static const std::vector<std::string> kColumns = {"学校代码*", "年级*", "班级*", "班主任用户名",
                                                    "人数"};
  return kColumns;
}

std::string Percent(const edu::Completion& c) {
  if (c.due == 0) return "—";
  const int tenths = static_cast<int>(c.Rate() * 1000 + 0.5);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::vector<std::string> Counts(const edu::Completion& c) {
  return {std::to_string(c.due), std::to_string(c.done), std::to_string(c.late),
          std::to_string(c.missed), Percent(c)};
}

}  // namespace

Result<std::string> EduClassTemplate() {
  std::vector<office::Sheet> sheets;
  sheets.push_back({"班级",
                    {office::TextRow(ClassColumns()),
                     office::TextRow({"3201020001", "三年级", "2班", "zhanglaoshi", "45"})}});
  std::vector<office::Row> notes = {
      office::TextRow({"列", "说明"}),
      office::TextRow({"学校代码", "必填，学校的统一代码（学校管理中的“代码”）"}),
      office::TextRow({"年级",
                       "必填，0 到 12 的数字，或 一年级…六年级、初一…初三（七年级…九年级）、"
                       "高一…高三；幼儿园和未分年级填 0 或 幼儿园"}),
      office::TextRow({"班级", "必填，不超过 20 个字，如 2班、大一班"}),
      office::TextRow({"班主任用户名", "选填，须为该校在用的账号；留空表示暂未指定"}),
      office::TextRow({"人数",
                       "选填，班级学生人数 0 到 200（家长回执率按此计算）；留空为未知，"
                       "更新已有班级时留空则保留原人数"}),
      office::TextRow(
          {"说明", "同一学校、年级、班级已存在时更新其班主任，否则新增；示例行请删除"})};
  sheets.push_back({"填写说明", std::move(notes)});
  return office::WriteXlsx(sheets);
}

Result<ImportReport> ImportEduClasses(Services& s, const RequestContext& ctx,
                                      std::string_view bytes, const std::string& format) {
  XA_TRY(RequirePermission(ctx, perm::kEduClasses, "导入班级"));
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, format));
  const auto& columns = ClassColumns();
  // 人数 came later: a file made from the earlier four-column template still reads.
  XA_TRY(CheckHeaderRow(file.rows, columns, "请使用班级导入模板", 4));
  struct Row {
    int row = 0;
    std::string code;
    std::string grade_text;
    std::string students_text;
    edu::ClassDraft draft;
  };
  std::vector<Row> rows;
  for (std::size_t i = 1; i < file.rows.size(); ++i) {
    Row r{static_cast<int>(i) + 1, CellText(file.rows[i], 0), CellText(file.rows[i], 1), {}};
    r.draft.name = CellText(file.rows[i], 2);
    r.draft.teacher = CellText(file.rows[i], 3);
    r.students_text = CellText(file.rows[i], 4);
    if (r.code.empty() && r.grade_text.empty() && r.draft.name.empty() && r.draft.teacher.empty() &&
        r.students_text.empty()) {
      continue;
    }
    rows.push_back(std::move(r));
  }
  if (rows.empty()) return InvalidArgument("file", "文件中没有数据行");
  ImportReport report;
  report.rows = static_cast<int>(rows.size());
  const auto today = TodayInChina(s);
  std::vector<ErrorDetail> problems;
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    std::set<std::tuple<std::int64_t, int, std::string>> seen;
    std::map<std::string, std::optional<domain::Unit>> units;
    struct Pending {
      std::optional<edu::Class> existing;
      edu::Class cls;
      bool has_students = false;
    };
    std::vector<Pending> pending;
    for (auto& r : rows) {
      const auto fail = [&](std::size_t col, std::string reason) {
        problems.push_back(
            {columns[col].substr(0, columns[col].find('*')), std::move(reason), r.row});
      };
      const auto grade = edu::ParseGrade(r.grade_text);
      if (!grade) {
        fail(1, r.grade_text.empty() ? "请填写年级" : "无法识别的年级“" + r.grade_text + "”");
        continue;
      }
      r.draft.grade = *grade;
      if (!r.students_text.empty()) {
        const auto n = IsAllDigits(r.students_text) && r.students_text.size() <= 4
                           ? ParseInt(r.students_text)
                           : std::nullopt;
        if (!n) {
          fail(4, "人数须为 0 到 " + std::to_string(edu::kMaxClassStudents) + " 的整数");
          continue;
        }
        r.draft.students = static_cast<int>(*n);
      }
      bool bad = false;
      for (const auto& e : edu::CheckClass(r.draft)) {
        fail(e.field == "grade" ? 1 : e.field == "students" ? 4 : 2, e.reason);
        bad = true;
      }
      if (bad) continue;
      if (r.code.empty()) {
        fail(0, "请填写学校代码");
        continue;
      }
      auto found = units.find(r.code);
      if (found == units.end()) {
        XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnitByCode(r.code));
        found = units.emplace(r.code, std::move(unit)).first;
      }
      const auto& unit = found->second;
      if (!unit || unit->kind != "school") {
        fail(0, "没有代码为“" + r.code + "”的学校");
        continue;
      }
      if (!ctx.Covers(unit->path)) {
        fail(0, "学校“" + unit->name + "”不在您的管辖范围内");
        continue;
      }
      if (!seen.insert({unit->id, r.draft.grade, r.draft.name}).second) {
        fail(2, "文件中重复的班级：" + edu::GradeLabel(r.draft.grade) + " " + r.draft.name);
        continue;
      }
      if (!r.draft.teacher.empty()) {
        XA_ASSIGN_OR_RETURN(auto user, tx.users().FindByUsername(r.draft.teacher));
        if (!user || user->status != "active" || user->unit_id != unit->id) {
          fail(3, "“" + r.draft.teacher + "”不是该校在用的账号");
          continue;
        }
      }
      XA_ASSIGN_OR_RETURN(auto existing,
                          tx.edu().FindClassByName(unit->id, r.draft.grade, r.draft.name));
      Pending p{std::move(existing), {}, !r.students_text.empty()};
      p.cls.school_id = unit->id;
      p.cls.school_name = unit->name;
      p.cls.draft = r.draft;
      p.cls.since = today;
      pending.push_back(std::move(p));
    }
    if (!problems.empty()) {
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    for (auto& p : pending) {
      if (p.existing) {
        auto c = std::move(*p.existing);
        c.draft.teacher = p.cls.draft.teacher;
        if (p.has_students) c.draft.students = p.cls.draft.students;
        c.active = true;
        XA_ASSIGN_OR_RETURN(const bool saved, tx.edu().UpdateClass(c));
        if (!saved) return FailedPrecondition("edu_class.stale", "班级已被他人修改，请重新导入");
        ++report.updated;
      } else {
        XA_TRY(tx.edu().InsertClass(p.cls));
        ++report.created;
      }
    }
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.class.import", "edu_class", "",
                                     "导入班级：新增 " + std::to_string(report.created) +
                                         " 个，更新 " + std::to_string(report.updated) + " 个")));
    report.applied = true;
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !problems.empty()) {
      RefuseImport(report, std::move(problems));
      return report;
    }
    return std::move(st).error();
  }
  return report;
}

Result<std::string> ExportEduClasses(Services& s, const RequestContext& ctx, edu::ClassFilter f) {
  XA_TRY(RequirePermission(ctx, perm::kEduRead, "导出班级"));
  std::vector<std::string> header = ClassColumns();
  header.push_back("学校名称");
  header.push_back("班主任");
  header.push_back("状态");
  office::Sheet sheet{"班级", {office::TextRow(header)}};
  std::vector<edu::Class> classes;
  std::map<std::int64_t, std::string> codes;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    if (!ctx.Can(perm::kEduClasses)) f.teacher = ctx.actor;
    XA_ASSIGN_OR_RETURN(classes, tx.edu().AllClasses(f, ctx.Scope()));
    for (const auto& c : classes) {
      if (codes.count(c.school_id)) continue;
      XA_ASSIGN_OR_RETURN(auto unit, tx.org().FindUnit(c.school_id));
      codes[c.school_id] = unit ? unit->code.value_or("") : "";
    }
    return {};
  }));
  for (const auto& c : classes) {
    sheet.rows.push_back(office::TextRow(
        {codes[c.school_id], edu::GradeLabel(c.draft.grade), c.draft.name, c.draft.teacher,
         c.draft.students > 0 ? std::to_string(c.draft.students) : "", c.school_name,
         c.teacher_name, c.active ? "在用" : "停用"}));
  }
  XA_ASSIGN_OR_RETURN(auto bytes, office::WriteXlsx({sheet}));
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "edu.class.export", "edu_class", "",
                                     "导出班级 " + std::to_string(classes.size()) + " 个")));
    return {};
  }));
  return bytes;
}

Result<std::string> Export1530Completion(Services& s, const RequestContext& ctx,
                                         const CompletionQuery& q) {
  XA_ASSIGN_OR_RETURN(const auto view, Get1530Completion(s, ctx, q));
  std::vector<office::Sheet> sheets;
  const std::vector<std::string> counts = {"应开展", "按时完成", "补录", "未开展", "完成率"};
  if (view.school) {
    std::vector<std::string> header = {"年级", "班级", "班主任"};
    header.insert(header.end(), counts.begin(), counts.end());
    office::Sheet by_class{"各班完成情况", {office::TextRow(header)}};
    for (const auto& c : view.classes) {
      std::vector<std::string> row = {
          edu::GradeLabel(c.cls.draft.grade), c.cls.draft.name,
          c.cls.teacher_name.empty() ? c.cls.draft.teacher : c.cls.teacher_name};
      const auto n = Counts(c.completion);
      row.insert(row.end(), n.begin(), n.end());
      by_class.rows.push_back(office::TextRow(row));
    }
    sheets.push_back(std::move(by_class));
    office::Sheet missing{"未开展明细", {office::TextRow({"日期", "年级", "班级", "提醒"})}};
    for (const auto& m : view.missing) {
      missing.rows.push_back(
          office::TextRow({cal::FormatDate(m.date), edu::GradeLabel(m.cls->draft.grade),
                           m.cls->draft.name, std::string(edu::SessionLabel(m.kind))}));
    }
    sheets.push_back(std::move(missing));
  } else {
    std::vector<std::string> header = {"学校", "班级数"};
    header.insert(header.end(), counts.begin(), counts.end());
    office::Sheet by_school{"各校完成情况", {office::TextRow(header)}};
    for (const auto& sc : view.schools) {
      std::vector<std::string> row = {sc.school_name, std::to_string(sc.classes)};
      const auto n = Counts(sc.completion);
      row.insert(row.end(), n.begin(), n.end());
      by_school.rows.push_back(office::TextRow(row));
    }
    sheets.push_back(std::move(by_school));
  }
  // The total under the counts: blank cells under the other leading columns.
  std::vector<std::string> total(view.school ? 3 : 2);
  total[0] = "合计（" + view.label + "）";
  const auto n = Counts(view.totals);
  total.insert(total.end(), n.begin(), n.end());
  sheets.front().rows.push_back(office::TextRow(total));
  return office::WriteXlsx(sheets);
}

Result<std::string> ExportDrowningBoard(Services& s, const RequestContext& ctx,
                                        const CompletionQuery& q) {
  XA_ASSIGN_OR_RETURN(const auto view, GetDrowningBoard(s, ctx, q));
  std::vector<office::Sheet> sheets;
  const std::vector<std::string> counts = {"应提醒", "按时提醒", "补录", "未提醒", "完成率"};
  if (view.school) {
    std::vector<std::string> header = {"年级", "班级", "班主任"};
    header.insert(header.end(), counts.begin(), counts.end());
    office::Sheet by_class{"各班防溺水提醒", {office::TextRow(header)}};
    for (const auto& c : view.classes) {
      std::vector<std::string> row = {
          edu::GradeLabel(c.cls.draft.grade), c.cls.draft.name,
          c.cls.teacher_name.empty() ? c.cls.draft.teacher : c.cls.teacher_name};
      const auto n = Counts(c.completion);
      row.insert(row.end(), n.begin(), n.end());
      by_class.rows.push_back(office::TextRow(row));
    }
    sheets.push_back(std::move(by_class));
    office::Sheet missing{"未提醒明细", {office::TextRow({"日期", "年级", "班级"})}};
    for (const auto& m : view.missing) {
      const auto& c = view.classes[m.cls].cls;
      missing.rows.push_back(
          office::TextRow({cal::FormatDate(m.date), edu::GradeLabel(c.draft.grade), c.draft.name}));
    }
    sheets.push_back(std::move(missing));
  } else {
    std::vector<std::string> header = {"学校", "所在地", "班级数", "提醒日"};
    header.insert(header.end(), counts.begin(), counts.end());
    office::Sheet by_school{"各校防溺水提醒", {office::TextRow(header)}};
    for (const auto& sc : view.schools) {
      std::vector<std::string> row = {
          sc.school_name, std::string(domain::LabelOf(domain::LocationTypes(), sc.location_type)),
          std::to_string(sc.classes), std::to_string(sc.days)};
      const auto n = Counts(sc.completion);
      row.insert(row.end(), n.begin(), n.end());
      by_school.rows.push_back(office::TextRow(row));
    }
    sheets.push_back(std::move(by_school));
  }
  std::vector<std::string> total(view.school ? 3 : 4);
  total[0] = "合计（" + view.label + "）";
  const auto n = Counts(view.totals);
  total.insert(total.end(), n.begin(), n.end());
  sheets.front().rows.push_back(office::TextRow(total));
  return office::WriteXlsx(sheets);
}

}  // namespace xiaoan::app
