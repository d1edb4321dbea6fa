#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/file_store.hpp"
#include "core/strings.hpp"
#include "storage/sql_store.hpp"

namespace xiaoan::storage {
namespace {

namespace json = boost::json;

// Parents before children, so foreign keys hold while restoring.
// reference: rows the binary recreates by itself (built-in roles, the holiday notices it ships),
// replaced on restore.
struct TableSpec {
  const char* name;
  const char* order;
  bool has_id;
  bool reference = false;
};
// Every table but those of kLeftOut below (the derived hazard_unit_months, hazard_unit_counts and
// hazard_school_open are rebuilt by the hazards' triggers as a backup is restored).
// clang-format off
constexpr TableSpec kTables[] = {
    {"regions", "code", false},
    {"org_units", "id", true},
    {"schools", "unit_id", false},
    {"school_buildings", "id", true},
    {"school_key_places", "id", true},
    {"roles", "id", true, true},
    {"role_permissions", "role_id, permission", false, true},
    {"users", "id", true},
    {"user_roles", "user_id, role_id", false},
    {"user_scope_units", "user_id, unit_id", false},
    {"password_history", "id", true},
    {"security_policy", "key", false},
    {"api_tokens", "id", true},
    {"signatures", "id", true},
    {"audit_log", "id", true},
    {"audit_archives", "id", true},
    {"files", "id", true},
    {"hazards", "id", true},
    {"hazard_events", "id", true},
    {"hazard_files", "file_id", false},
    {"hazard_escalations", "id", true},
    {"supervision_orders", "id", true},
    {"self_inspections", "id", true},
    {"notifications", "id", true},
    {"hazard_rule_settings", "key", false},
    {"holiday_years", "year", false, true},
    {"holiday_days", "year, day", false, true},
    {"school_terms", "unit_id, school_year, term", false},
    {"school_day_exceptions", "unit_id, day", false},
    {"dismissal_times", "unit_id, grade, weekday", false},
    {"rule_parameters", "unit_id, rule_id, version", false},
    {"rule_findings", "id", true},
    {"rule_notices", "rule_id, subject_type, subject_id, period_key, notice", false},
    {"drills", "id", true},
    {"drill_problems", "drill_id, seq", false},
    {"drill_plans", "id", true},
    {"year_plans", "unit_id, year", false},
    {"year_plan_measures", "unit_id, year, seq", false},
    {"checklist_templates", "id", true, true},
    {"checklist_items", "template_id, position", false, true},
    {"patrol_plans", "id", true},
    {"patrol_records", "id", true},
    {"patrol_answers", "record_id, item_key", false},
    {"campaigns", "id", true},
    {"campaign_templates", "campaign_id, position", false},
    {"campaign_teams", "id", true},
    {"campaign_team_members", "team_id, username", false},
    {"campaign_schools", "campaign_id, school_id", false},
    {"campaign_sheets", "id", true},
    {"campaign_answers", "sheet_id, item_key", false},
    {"campaign_messages", "id", true},
    {"campaign_typical", "campaign_id, hazard_id", false},
    {"security_records", "school_id", false},
    {"security_guards", "id", true},
    {"security_alarms", "id", true},
    {"security_posts", "id", true},
    {"whistles", "id", true},
    {"whistle_assignments", "whistle_id, department_id", false},
    {"whistle_events", "id", true},
    {"whistle_routes", "bureau_id, category, department_id", false},
    {"whistle_reports", "school_id, month", false},
    {"edu_classes", "id", true},
    {"edu_checkins", "id", true},
    {"edu_lessons", "id", true},
    {"edu_contents", "id", true},
    {"edu_letters", "id", true},
    {"edu_letter_links", "id", true},
    {"edu_letter_receipts", "id", true},
    {"edu_waters", "id", true},
    {"edu_drowning_campaigns", "id", true},
    {"edu_drowning_warnings", "id", true},
    {"edu_joint_tasks", "id", true},
    {"edu_joint_task_departments", "task_id, department_id", false},
    {"edu_joint_reports", "id", true},
    {"security_rounds", "id", true},
    {"security_round_schools", "round_id, school_id", false},
    {"security_screenings", "id", true},
    {"security_screening_evidence", "screening_id, indicator", false},
    {"security_screening_files", "screening_id, file_id", false},
    {"security_screening_hazards", "screening_id, indicator", false},
    {"bus_providers", "id", true},
    {"bus_vehicles", "id", true},
    {"bus_drivers", "id", true},
    {"bus_monitors", "id", true},
    {"bus_routes", "id", true},
    {"bus_outings", "id", true},
    {"campus_vehicles", "id", true},
    {"campus_ebikes", "id", true},
    {"campus_gate_refusals", "id", true},
    {"traffic_guides", "unit_id", false},
    {"traffic_guide_lines", "id", true},
    {"emergency_setups", "unit_id", false},
    {"emergency_lines", "id", true},
    {"training_staff", "id", true},
    {"training_sessions", "id", true},
    {"training_attendance", "id", true},
    {"safety_offices", "unit_id", false},
    {"safety_office_members", "id", true},
    {"duty_templates", "post", false},
    {"duty_lists", "id", true},
    {"duty_area_sets", "school_id", false},
    {"duty_areas", "id", true},
    {"supervision_items", "id", true},
    {"work_items", "id", true},
    {"work_targets", "item_id, unit_id", false},
    {"work_reports", "item_id, unit_id, due", false},
    {"minors_grants", "id", true},
    {"minors_reads", "id", true},
};
// clang-format on
// Left out on purpose: the figures the hazards' triggers rebuild, the migrations' own record, and
// sessions (a restored system signs everyone in again).
constexpr const char* kLeftOut[] = {"hazard_unit_months", "hazard_unit_counts",
                                    "hazard_school_open", "schema_migrations", "sessions"};
constexpr int kBackupFormat = 1;

// Text is written as a JSON string. Bytes that are not UTF-8 (which no JSON string can carry,
// and which the API refuses, but which an older release or a hand edit may have stored) are
// written as {"hex": "…"}, so that restore brings back exactly what was there — an audit record's
// bytes feed its hash — and a backup never holds a line restore cannot read.
json::value ToJson(const sql::Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (FindInvalidUtf8(*s) != std::string_view::npos) {
      return json::object{
          {"hex", ToHex(reinterpret_cast<const unsigned char*>(s->data()), s->size())}};
    }
    return json::string(*s);
  }
  return nullptr;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The value of a backup cell into out; a cell of no known form is an error.
Status FromJson(const json::value& v, sql::Value& out) {
  if (v.is_int64()) {
    out = v.as_int64();
  } else if (v.is_uint64()) {
    out = static_cast<std::int64_t>(v.as_uint64());
  } else if (v.is_double()) {
    out = v.as_double();
  } else if (v.is_string()) {
    out = std::string(v.as_string());
  } else if (v.is_null()) {
    out = sql::Null{};
  } else if (const auto* o = v.if_object();
             o != nullptr && o->size() == 1 && o->contains("hex") && o->at("hex").is_string()) {
    const auto& hex = o->at("hex").as_string();
    if (hex.size() % 2 != 0) return InvalidArgument("file", "备份文件中的十六进制文本无效");
    std::string bytes;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
      const int hi = HexDigit(hex[i]);
      const int lo = HexDigit(hex[i + 1]);
      if (hi < 0 || lo < 0) return InvalidArgument("file", "备份文件中的十六进制文本无效");
      bytes += static_cast<char>(hi * 16 + lo);
    }
    out = std::move(bytes);
  } else {
    return InvalidArgument("file", "备份文件中有无法识别的值");
  }
  return {};
}

}  // namespace

std::vector<std::string> BackupTables() {
  std::vector<std::string> out;
  for (const auto& t : kTables) out.emplace_back(t.name);
  return out;
}

std::vector<std::string> TablesLeftOutOfBackup() {
  return {std::begin(kLeftOut), std::end(kLeftOut)};
}

Result<std::vector<std::string>> SchemaTables(sql::Connection& conn) {
  const char* q = conn.dialect() == sql::Dialect::kSqlite
                      ? "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
                      : "SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                        "ORDER BY table_name";
  XA_ASSIGN_OR_RETURN(auto rows, conn.Query(q));
  std::vector<std::string> out;
  for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(rows.Text(r, 0));
  return out;
}

std::string BackupFilesDir(const std::string& path) { return path + ".files"; }

Status BackupToFile(sql::Pool& pool, const std::string& path, const std::string& files_dir) {
  std::set<std::string> digests;
  XA_ASSIGN_OR_RETURN(auto conn, pool.Acquire());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Internal("无法写入备份文件 " + path);
  // One read transaction: the backup is a consistent snapshot.
  XA_TRY(sql::InTransaction(*conn, false, [&]() -> Status {
    XA_ASSIGN_OR_RETURN(int version, CurrentSchemaVersion(*conn));
    out << json::serialize(
               json::object{{"xiaoan_backup", kBackupFormat}, {"schema_version", version}})
        << '\n';
    std::int64_t total = 0;
    for (const auto& t : kTables) {
      XA_ASSIGN_OR_RETURN(
          auto rows, conn->Query(std::string("SELECT * FROM ") + t.name + " ORDER BY " + t.order));
      json::array cols;
      for (const auto& c : rows.columns()) cols.emplace_back(json::string(c));
      out << json::serialize(json::object{{"table", t.name}, {"columns", cols}}) << '\n';
      if (std::string_view(t.name) == "files") {
        for (std::size_t c = 0; c < rows.column_count(); ++c) {
          if (rows.columns()[c] != "sha256") continue;
          for (std::size_t r = 0; r < rows.size(); ++r) digests.insert(rows.Text(r, c));
        }
      }
      for (std::size_t r = 0; r < rows.size(); ++r) {
        json::array row;
        for (std::size_t c = 0; c < rows.column_count(); ++c) row.push_back(ToJson(rows.at(r, c)));
        out << json::serialize(row) << '\n';
      }
      total += static_cast<std::int64_t>(rows.size());
    }
    out << json::serialize(json::object{{"end", true}, {"rows", total}}) << '\n';
    return {};
  }));
  out.flush();
  if (!out) return Internal("写入备份文件失败 " + path);
  if (files_dir.empty()) return {};
  for (const auto& sha : digests) {
    XA_ASSIGN_OR_RETURN(auto bytes, ReadContent(files_dir, sha));
    XA_TRY(WriteContent(BackupFilesDir(path), sha, bytes));
  }
  return {};
}

Result<std::int64_t> RestoreFromFile(sql::Pool& pool, const std::string& path,
                                     const std::string& files_dir) {
  std::set<std::string> digests;
  std::optional<std::size_t> sha_column;  // of the `files` table while its rows are read
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("file", "无法读取备份文件 " + path);
  XA_ASSIGN_OR_RETURN(auto conn, pool.Acquire());
  std::int64_t restored = 0;
  XA_TRY(sql::InTransaction(*conn, true, [&]() -> Status {
    for (const auto& t : kTables) {
      if (t.reference) continue;
      XA_ASSIGN_OR_RETURN(auto c, conn->Query(std::string("SELECT COUNT(*) FROM ") + t.name));
      if (c.Int(0, 0) != 0) {
        return FailedPrecondition("restore.empty_target",
                                  std::string("目标数据库不是空库（表 ") + t.name +
                                      " 已有数据），只能恢复到新建的空数据库");
      }
    }
    // Reference rows (built-in roles, shipped holiday notices) were recreated when the target was
    // opened; the backup's rows replace them. Children first.
    for (auto t = std::rbegin(kTables); t != std::rend(kTables); ++t) {
      if (t->reference) XA_TRY(conn->Exec(std::string("DELETE FROM ") + t->name));
    }
    XA_ASSIGN_OR_RETURN(int version, CurrentSchemaVersion(*conn));
    std::string line;
    std::string table;
    std::string insert;
    std::size_t ncols = 0;
    bool header = false;
    bool ended = false;
    std::int64_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      boost::system::error_code ec;
      json::value v = json::parse(line, ec);
      if (ec) return InvalidArgument("file", "备份文件第 " + std::to_string(line_no) + " 行已损坏");
      if (!header) {
        const auto* o = v.if_object();
        if (o == nullptr || !o->contains("xiaoan_backup")) {
          return InvalidArgument("file", "不是 xiaoan 备份文件");
        }
        const auto sv =
            o->contains("schema_version") ? o->at("schema_version").to_number<int>() : 0;
        if (sv != version) {
          return FailedPrecondition("restore.schema_version",
                                    "备份的结构版本 " + std::to_string(sv) +
                                        " 与数据库的结构版本 " + std::to_string(version) + " 不同");
        }
        header = true;
        continue;
      }
      if (const auto* o = v.if_object()) {
        if (o->contains("end")) {
          ended = true;
          break;
        }
        table = std::string(o->at("table").as_string());
        bool known = false;
        for (const auto& t : kTables) known = known || table == t.name;
        if (!known) return InvalidArgument("file", "备份文件含未知的表 " + table);
        const auto& cols = o->at("columns").as_array();
        ncols = cols.size();
        sha_column.reset();
        insert = "INSERT INTO " + table + " (";
        std::string values;
        for (std::size_t i = 0; i < ncols; ++i) {
          const std::string col(cols[i].as_string());
          for (char ch : col) {
            if (!((ch >= 'a' && ch <= 'z') || ch == '_' || (ch >= '0' && ch <= '9'))) {
              return InvalidArgument("file", "备份文件含非法列名");
            }
          }
          if (table == "files" && col == "sha256") sha_column = i;
          insert += (i ? ", " : "") + col;
          values += (i ? ", $" : "$") + std::to_string(i + 1);
        }
        insert += ") VALUES (" + values + ")";
        continue;
      }
      const auto* row = v.if_array();
      if (row == nullptr || row->size() != ncols || table.empty()) {
        return InvalidArgument("file", "备份文件第 " + std::to_string(line_no) + " 行格式不符");
      }
      sql::Params params;
      params.reserve(ncols);
      for (const auto& cell : *row) {
        sql::Value value;
        if (Status read = FromJson(cell, value); !read.ok()) {
          return InvalidArgument("file", "备份文件第 " + std::to_string(line_no) + " 行：" +
                                             read.error().details.at(0).reason);
        }
        params.push_back(std::move(value));
      }
      if (sha_column && (*row)[*sha_column].is_string()) {
        digests.insert(std::string((*row)[*sha_column].as_string()));
      }
      XA_TRY(conn->Exec(insert, params));
      ++restored;
    }
    if (!ended) return InvalidArgument("file", "备份文件不完整（缺少结束标记）");
    if (!files_dir.empty()) {
      // Inside the transaction: a content missing from the backup undoes the whole restore.
      for (const auto& sha : digests) {
        if (ReadContent(files_dir, sha).ok()) continue;
        auto bytes = ReadContent(BackupFilesDir(path), sha);
        if (!bytes.ok()) {
          return InvalidArgument(
              "file", "备份缺少文件内容 " + sha + "（应在 " + BackupFilesDir(path) + " 中）");
        }
        XA_TRY(WriteContent(files_dir, sha, *bytes));
      }
    }
    for (const auto& t : kTables) {
      if (t.has_id) XA_TRY(conn->ResetIdSequence(t.name));
    }
    return {};
  }));
  return restored;
}

}  // namespace xiaoan::storage
