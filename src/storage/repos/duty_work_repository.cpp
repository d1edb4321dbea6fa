// 全区“一盘棋” work items, their targets and the units' reports (migration 0047): part of
// SqlDutyRepository.
#include <algorithm>
#include <map>

#include "domain/calendar/calendar.hpp"
#include "storage/repos/duty_repository.hpp"
#include "storage/repos/measures_column.hpp"

namespace xiaoan::storage {

namespace du = domain::duty;
namespace cal = domain::calendar;

namespace {

std::string DayText(const std::optional<du::Day>& d) { return d ? cal::FormatDate(*d) : ""; }

std::optional<du::Day> DayOf(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return cal::ParseDate(text);
}

constexpr const char* kItemColumns =
    "SELECT w.id, w.bureau_id, w.kind, w.title, w.detail, w.measures, w.lead_section_id, s.name, "
    "w.recurrence, w.due, w.day, w.from_day, w.until_day, w.version, w.updated_by, w.updated_at "
    "FROM work_items "
    "w JOIN org_units s ON s.id = w.lead_section_id";

}  // namespace

Result<std::vector<du::WorkItem>> SqlDutyRepository::LoadWorkItems(const std::string& where,
                                                                   const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(
      auto r, conn_.Query(std::string(kItemColumns) + where + " ORDER BY w.id DESC", params));
  std::vector<du::WorkItem> out(r.size());
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& w = out[i];
    w.id = r.Int(i, 0);
    w.bureau_id = r.Int(i, 1);
    w.kind = r.TakeText(i, 2);
    w.title = r.TakeText(i, 3);
    w.detail = r.TakeText(i, 4);
    w.measures = ParseMeasures(r.Text(i, 5));
    w.lead_section_id = r.Int(i, 6);
    w.lead_section_name = r.TakeText(i, 7);
    w.schedule.repeat = r.TakeText(i, 8);
    w.schedule.due = DayOf(r.Text(i, 9));
    w.schedule.day = static_cast<int>(r.Int(i, 10));
    w.schedule.from = DayOf(r.Text(i, 11));
    w.schedule.until = DayOf(r.Text(i, 12));
    w.version = static_cast<int>(r.Int(i, 13));
    w.updated_by = r.TakeText(i, 14);
    ParseInstant(r.Text(i, 15), w.updated_at);
    at[w.id] = i;
  }
  if (out.empty()) return out;
  // The targets of the items read, in one query.
  XA_ASSIGN_OR_RETURN(
      auto t, conn_.Query("SELECT t.item_id, t.unit_id FROM work_targets t JOIN work_items w ON "
                          "w.id = t.item_id" +
                              where + " ORDER BY t.item_id, t.unit_id",
                          params));
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto found = at.find(t.Int(i, 0));
    if (found != at.end()) out[found->second].targets.push_back(t.Int(i, 1));
  }
  return out;
}

Result<std::vector<du::WorkItem>> SqlDutyRepository::WorkItems(std::int64_t bureau_id) {
  return LoadWorkItems(" WHERE w.bureau_id = $1", {bureau_id});
}

Result<std::vector<du::WorkItem>> SqlDutyRepository::WorkItemsFor(std::int64_t unit_id) {
  return LoadWorkItems(" WHERE w.id IN (SELECT item_id FROM work_targets WHERE unit_id = $1)",
                       {unit_id});
}

Result<std::optional<du::WorkItem>> SqlDutyRepository::WorkItemById(std::int64_t id) {
  XA_ASSIGN_OR_RETURN(auto found, LoadWorkItems(" WHERE w.id = $1", {id}));
  if (found.empty()) return std::optional<du::WorkItem>{};
  return std::optional<du::WorkItem>{std::move(found.front())};
}

Result<bool> SqlDutyRepository::SaveWorkItem(du::WorkItem& item) {
  const auto measures = MeasuresColumn(item.measures);
  const auto& s = item.schedule;
  const sql::Params values = {
      item.kind,        item.title,           item.detail,
      measures,         item.lead_section_id, s.repeat,
      DayText(s.due),   std::int64_t{s.day},  DayText(s.from),
      DayText(s.until), item.updated_by,      FormatInstant(item.updated_at)};
  if (item.version == 0) {
    sql::Params p = values;
    p.push_back(item.bureau_id);
    XA_ASSIGN_OR_RETURN(
        auto r, conn_.Query("INSERT INTO work_items (kind, title, detail, measures, "
                            "lead_section_id, recurrence, due, day, from_day, until_day, "
                            "updated_by, updated_at, bureau_id, version) VALUES ($1, $2, $3, $4, "
                            "$5, $6, $7, $8, $9, $10, $11, $12, $13, 1) RETURNING id",
                            p));
    item.id = r.Int(0, 0);
    item.version = 1;
  } else {
    sql::Params p = values;
    p.push_back(item.id);
    p.push_back(std::int64_t{item.version});
    p.push_back(item.bureau_id);
    XA_ASSIGN_OR_RETURN(
        const auto n,
        conn_.Exec("UPDATE work_items SET kind = $1, title = $2, detail = $3, measures = $4, "
                   "lead_section_id = $5, recurrence = $6, due = $7, day = $8, from_day = $9, "
                   "until_day = $10, updated_by = $11, updated_at = $12, version = version + 1 "
                   "WHERE id = $13 AND version = $14 AND bureau_id = $15",
                   p));
    if (n == 0) return false;
    ++item.version;
    XA_TRY(conn_.Exec("DELETE FROM work_targets WHERE item_id = $1", {item.id}));
  }
  for (const auto unit : item.targets) {
    XA_TRY(
        conn_.Exec("INSERT INTO work_targets (item_id, unit_id) VALUES ($1, $2)", {item.id, unit}));
  }
  XA_TRY(
      conn_.Exec("DELETE FROM work_reports WHERE item_id = $1 AND unit_id NOT IN (SELECT "
                 "unit_id FROM work_targets WHERE item_id = $1)",
                 {item.id}));
  return true;
}

Result<bool> SqlDutyRepository::DeleteWorkItem(std::int64_t id, int version) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT 1 FROM work_items WHERE id = $1 AND version = $2",
                                          {id, std::int64_t{version}}));
  if (r.empty()) return false;
  XA_TRY(conn_.Exec("DELETE FROM work_reports WHERE item_id = $1", {id}));
  XA_TRY(conn_.Exec("DELETE FROM work_targets WHERE item_id = $1", {id}));
  XA_TRY(conn_.Exec("DELETE FROM work_items WHERE id = $1", {id}));
  return true;
}

Result<std::vector<du::WorkReport>> SqlDutyRepository::LoadWorkReports(const std::string& where,
                                                                       const sql::Params& params) {
  XA_ASSIGN_OR_RETURN(auto r, conn_.Query("SELECT item_id, unit_id, due, done_on, note, "
                                          "reported_by, reported_at FROM work_reports" +
                                              where + " ORDER BY item_id, unit_id, due",
                                          params));
  std::vector<du::WorkReport> out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    auto& w = out[i];
    w.item_id = r.Int(i, 0);
    w.unit_id = r.Int(i, 1);
    w.due = DayOf(r.Text(i, 2)).value_or(du::Day{});
    w.done_on = DayOf(r.Text(i, 3)).value_or(du::Day{});
    w.note = r.TakeText(i, 4);
    w.reported_by = r.TakeText(i, 5);
    ParseInstant(r.Text(i, 6), w.reported_at);
  }
  return out;
}

Result<std::vector<du::WorkReport>> SqlDutyRepository::WorkReports(std::int64_t item_id) {
  return LoadWorkReports(" WHERE item_id = $1", {item_id});
}

Result<std::vector<du::WorkReport>> SqlDutyRepository::WorkReportsOf(std::int64_t unit_id) {
  return LoadWorkReports(" WHERE unit_id = $1", {unit_id});
}

Result<bool> SqlDutyRepository::AddWorkReport(const du::WorkReport& report) {
  XA_ASSIGN_OR_RETURN(
      const auto n,
      conn_.Exec("INSERT INTO work_reports (item_id, unit_id, due, done_on, note, reported_by, "
                 "reported_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                 {report.item_id, report.unit_id, cal::FormatDate(report.due),
                  cal::FormatDate(report.done_on), report.note, report.reported_by,
                  FormatInstant(report.reported_at)}));
  return n > 0;
}

Result<bool> SqlDutyRepository::RemoveWorkReport(std::int64_t item_id, std::int64_t unit_id,
                                                 du::Day due) {
  XA_ASSIGN_OR_RETURN(
      const auto n,
      conn_.Exec("DELETE FROM work_reports WHERE item_id = $1 AND unit_id = $2 AND due = $3",
                 {item_id, unit_id, cal::FormatDate(due)}));
  return n > 0;
}

}  // namespace xiaoan::storage
