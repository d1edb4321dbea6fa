#include "app/org/school_exchange.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/org/org_use_cases.hpp"
#include "app/platform/spreadsheet.hpp"
#include "core/field_cipher.hpp"
#include "core/strings.hpp"
#include "domain/org/enums.hpp"
#include "domain/platform/personal_info.hpp"
#include "office/table.hpp"

namespace xiaoan::app {
namespace {

enum Col {
  kCode,
  kName,
  kRegion,
  kStage,
  kOwnership,
  kLocation,
  kBoarding,
  kBoarders,
  kStudents,
  kStaff,
  kAddress,
  kPhone,
  kPrincipal,
  kCluster,
  kBuildings,
  kKeyPlaces,
  kSchoolBuses,
  kColumnCount
};

std::string YesNo(bool v) { return v ? "是" : "否"; }

// "教学楼(5)、宿舍楼(6)"
std::string BuildingsText(const std::vector<domain::Building>& buildings) {
  std::string out;
  for (const auto& b : buildings) {
    if (!out.empty()) out += "、";
    out += b.name + "(" + std::to_string(b.floors) + ")";
  }
  return out;
}

// Key places are exported by kind (学生宿舍、食堂 …) so that an exported roster imports again.
std::string KeyPlacesText(const std::vector<domain::KeyPlace>& places) {
  std::string out;
  for (const auto& k : places) {
    if (!out.empty()) out += "、";
    out += domain::LabelOf(domain::KeyPlaceKinds(), k.kind);
  }
  return out;
}

// Splits on 、 ， , ； ; (the separators people type in Chinese spreadsheets).
std::vector<std::string> SplitList(std::string_view text) {
  std::string norm(text);
  for (const std::string sep : {"、", "，", "；"}) {
    for (std::size_t p; (p = norm.find(sep)) != std::string::npos;)
      norm.replace(p, sep.size(), ",");
  }
  for (char& c : norm) {
    if (c == ';') c = ',';
  }
  std::vector<std::string> out;
  for (auto& part : Split(norm, ',')) {
    auto t = Trim(part);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

std::optional<domain::Building> ParseBuilding(std::string text) {
  for (const std::string open : {"（"}) {
    for (std::size_t p; (p = text.find(open)) != std::string::npos;)
      text.replace(p, open.size(), "(");
  }
  for (const std::string close : {"）"}) {
    for (std::size_t p; (p = text.find(close)) != std::string::npos;)
      text.replace(p, close.size(), ")");
  }
  const auto open = text.rfind('(');
  if (open == std::string::npos || text.back() != ')') return std::nullopt;
  const auto floors = ParseInt(std::string_view(text).substr(open + 1, text.size() - open - 2));
  if (!floors) return std::nullopt;
  return domain::Building{0, std::string(Trim(text.substr(0, open))), static_cast<int>(*floors)};
}

std::string ColumnName(int col) {
  std::string name = SchoolColumns()[col];
  if (!name.empty() && name.back() == '*') name.pop_back();
  return name;
}

// Maps a domain field name from validation back to the spreadsheet column.
std::string ColumnOfField(const std::string& field) {
  static const std::map<std::string, int> kMap = {
      {"code", kCode},          {"name", kName},           {"region_code", kRegion},
      {"stage", kStage},        {"ownership", kOwnership}, {"location_type", kLocation},
      {"boarders", kBoarders},  {"students", kStudents},   {"staff", kStaff},
      {"address", kAddress},    {"phone", kPhone},         {"principal", kPrincipal},
      {"cluster_id", kCluster}, {"parent_id", kRegion},    {"school_buses", kSchoolBuses}};
  const std::string head = field.substr(0, field.find('['));
  if (auto it = kMap.find(head); it != kMap.end()) return ColumnName(it->second);
  if (head == "buildings") return ColumnName(kBuildings);
  if (head == "key_places") return ColumnName(kKeyPlaces);
  return field;
}

struct ParsedRow {
  domain::School school;
  std::string cluster_name;
  std::vector<ImportRowError> errors;
};

ParsedRow ParseRow(const office::Row& cells, int row_no) {
  ParsedRow out;
  auto cell = [&](int c) -> std::string { return CellText(cells, static_cast<std::size_t>(c)); };
  auto fail = [&](int c, std::string reason) {
    out.errors.push_back({row_no, ColumnName(c), std::move(reason)});
  };
  auto enum_cell = [&](int c, domain::EnumTable table, std::string& target) {
    const std::string v = cell(c);
    if (v.empty()) return fail(c, "不能为空");
    auto code = domain::CodeFromText(table, v);
    if (!code) return fail(c, "取值须为：" + domain::JoinLabels(table));
    target = *code;
  };
  auto int_cell = [&](int c, int& target) {
    const std::string v = cell(c);
    if (v.empty()) return;
    auto n = ParseInt(v);
    if (!n || *n < 0 || *n > 1000000) return fail(c, "须为非负整数");
    target = static_cast<int>(*n);
  };
  domain::School& s = out.school;
  s.unit.kind = "school";
  if (!cell(kCode).empty()) s.unit.code = cell(kCode);
  s.unit.name = cell(kName);
  s.unit.region_code = cell(kRegion);
  enum_cell(kStage, domain::SchoolStages(), s.profile.stage);
  enum_cell(kOwnership, domain::Ownerships(), s.profile.ownership);
  enum_cell(kLocation, domain::LocationTypes(), s.profile.location_type);
  const std::string boarding = cell(kBoarding);
  if (boarding == "是" || boarding == "1" || boarding == "true") {
    s.profile.boarding = true;
  } else if (boarding.empty() || boarding == "否" || boarding == "0" || boarding == "false") {
    s.profile.boarding = false;
  } else {
    fail(kBoarding, "须为“是”或“否”");
  }
  int_cell(kBoarders, s.profile.boarders);
  int_cell(kStudents, s.profile.students);
  int_cell(kStaff, s.profile.staff);
  int_cell(kSchoolBuses, s.profile.school_buses);
  s.unit.address = cell(kAddress);
  s.unit.phone = cell(kPhone);
  s.profile.principal = cell(kPrincipal);
  out.cluster_name = cell(kCluster);
  for (const auto& part : SplitList(cell(kBuildings))) {
    if (auto b = ParseBuilding(part)) {
      s.buildings.push_back(*b);
    } else {
      fail(kBuildings, "“" + part + "”应写成 名称(层数)，如 教学楼(5)");
    }
  }
  for (const auto& part : SplitList(cell(kKeyPlaces))) {
    if (auto code = domain::CodeFromText(domain::KeyPlaceKinds(), part)) {
      s.key_places.push_back(
          {0, *code, std::string(domain::LabelOf(domain::KeyPlaceKinds(), *code)), std::nullopt});
    } else {
      fail(kKeyPlaces,
           "“" + part + "”不是重点部位，可选：" + domain::JoinLabels(domain::KeyPlaceKinds()));
    }
  }
  if (out.errors.empty()) {
    for (auto& d : domain::ValidateSchool(s)) {
      // A masked phone (an export of the GM profile) is checked once the row's school is known:
      // the stored number's own mask keeps that number.
      if (d.field == "phone" && s.unit.phone.find('*') != std::string::npos) continue;
      out.errors.push_back({row_no, ColumnOfField(d.field), d.reason});
    }
  }
  return out;
}

Result<std::string> Encode(const std::vector<office::Row>& rows, const std::string& format,
                           const std::string& sheet) {
  if (format == "csv") return office::WriteCsv(rows);
  if (format == "xlsx" || format.empty()) return office::WriteXlsx({office::Sheet{sheet, rows}});
  return InvalidArgument("format", "格式须为 xlsx 或 csv");
}

}  // namespace

const std::vector<std::string>& SchoolColumns() {
  static const std::vector<std::string> kColumns = {
      "学校代码*", "学校名称*",  "行政区划代码*", "学段*",    "办学性质*", "所在地类型*",
      "是否寄宿",  "寄宿生人数", "学生数",        "教职工数", "地址",      "联系电话",
      "校长",      "学区",       "建筑物",        "重点部位", "校车数量"};
  return kColumns;
}

Result<std::string> SchoolTemplate(const std::string& format) {
  std::vector<office::Row> rows = {office::TextRow(SchoolColumns())};
  rows.push_back({"3399010001", "示例小学", "990102", "小学", "公办", "城区", "否", "0", "1200",
                  "80", "示范路 1 号", "0571-00000000", "张三", "城区学区", "教学楼(5)、综合楼(4)",
                  "食堂、实验室、校门"});
  return Encode(rows, format, "学校导入模板");
}

Result<std::string> ExportSchools(Services& s, const RequestContext& ctx,
                                  const domain::SchoolFilter& filter, const std::string& format) {
  std::vector<office::Row> rows = {office::TextRow(SchoolColumns())};
  domain::SchoolFilter f = filter;
  f.page.page_size = 500;
  XA_TRY(CheckSchoolFilter(f));
  f.scope = ctx.Scope();
  std::int64_t exported = 0;
  XA_TRY(s.store.Read([&](domain::Tx& tx) -> Status {
    for (f.page.page = 1;; ++f.page.page) {
      XA_ASSIGN_OR_RETURN(auto page, tx.org().ListSchools(f));
      for (auto& listed : page.items) {
        XA_ASSIGN_OR_RETURN(auto full, tx.org().FindSchool(listed.unit.id));
        if (!full) continue;
        const auto& sc = *full;
        const auto& p = sc.profile;
        rows.push_back({sc.unit.code.value_or(""), sc.unit.name, sc.unit.region_code,
                        std::string(domain::LabelOf(domain::SchoolStages(), p.stage)),
                        std::string(domain::LabelOf(domain::Ownerships(), p.ownership)),
                        std::string(domain::LabelOf(domain::LocationTypes(), p.location_type)),
                        YesNo(p.boarding), std::to_string(p.boarders), std::to_string(p.students),
                        std::to_string(p.staff), sc.unit.address,
                        s.mask_personal_fields ? domain::MaskPhone(sc.unit.phone) : sc.unit.phone,
                        p.principal, p.cluster_name, BuildingsText(sc.buildings),
                        KeyPlacesText(sc.key_places), std::to_string(p.school_buses)});
        ++exported;
      }
      if (static_cast<std::int64_t>(f.page.page) * f.page.page_size >= page.total) break;
    }
    return {};
  }));
  XA_ASSIGN_OR_RETURN(auto bytes, Encode(rows, format, "学校名册"));
  // Exports are audited like writes: they take data out of the system.
  XA_TRY(s.store.Write([&](domain::Tx& tx) -> Status {
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "school.export", "school", "*",
                                     "导出学校 " + std::to_string(exported) + " 所（" +
                                         (format.empty() ? "xlsx" : format) + "）")));
    return {};
  }));
  return bytes;
}

void RefuseImport(ImportReport& report, std::vector<ErrorDetail> problems) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const ErrorDetail& a, const ErrorDetail& b) { return a.row < b.row; });
  std::set<int> failed_rows;
  for (auto& e : problems) {
    failed_rows.insert(e.row);
    report.errors.push_back({e.row, std::move(e.field), std::move(e.reason)});
  }
  report.failed = static_cast<int>(failed_rows.size());
  report.applied = false;
  report.created = report.updated = report.removed = 0;
}

Result<ImportReport> ImportSchools(Services& s, const RequestContext& ctx, std::string_view bytes,
                                   const ImportOptions& options) {
  XA_ASSIGN_OR_RETURN(const auto file, ReadImportFile(bytes, options.format));
  const std::vector<office::Row>& rows = file.rows;
  // The header must name the template's columns in order (the * marks are optional); files made
  // with the template before 校车数量 was added end without it.
  XA_TRY(CheckHeaderRow(rows, SchoolColumns(), "请使用导入模板", kSchoolBuses));

  ImportReport report;
  const std::string now = s.Now();
  // All rows in one transaction: with all-or-nothing, any failed row rolls everything back;
  // otherwise each row runs in a savepoint-free way by validating fully before writing.
  Status st = s.store.Write([&](domain::Tx& tx) -> Status {
    std::map<std::string, domain::UnitId> bureau_of_region;
    std::map<std::string, int> seen_codes;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const int row_no = static_cast<int>(i) + 1;
      bool blank = true;
      for (const auto& c : rows[i]) blank = blank && Trim(c.text).empty();
      if (blank) continue;
      ++report.rows;
      ParsedRow parsed = ParseRow(rows[i], row_no);
      domain::School& school = parsed.school;
      auto row_fail = [&](std::string column, std::string reason) {
        parsed.errors.push_back({row_no, std::move(column), std::move(reason)});
      };
      if (parsed.errors.empty() && school.unit.code) {
        if (auto [it, fresh] = seen_codes.emplace(*school.unit.code, row_no); !fresh) {
          row_fail(ColumnName(kCode), "与第 " + std::to_string(it->second) + " 行的学校代码重复");
        }
      }
      // Parent bureau: the bureau of the row's region.
      if (parsed.errors.empty()) {
        auto it = bureau_of_region.find(school.unit.region_code);
        if (it == bureau_of_region.end()) {
          domain::UnitFilter uf;
          uf.kind = "bureau";
          uf.region_code = school.unit.region_code;
          uf.page.page_size = 1;
          uf.scope = ctx.Scope();
          XA_ASSIGN_OR_RETURN(auto bureaus, tx.org().ListUnits(uf));
          if (bureaus.items.empty()) {
            row_fail(ColumnName(kRegion), "该行政区划下没有您可管理的教育局");
          } else {
            it = bureau_of_region.emplace(school.unit.region_code, bureaus.items[0].id).first;
          }
        }
        if (it != bureau_of_region.end()) school.unit.parent_id = it->second;
      }
      if (parsed.errors.empty() && !parsed.cluster_name.empty()) {
        domain::UnitFilter uf;
        uf.kind = "cluster";
        uf.parent_id = school.unit.parent_id;
        uf.q = parsed.cluster_name;
        uf.page.page_size = 50;
        XA_ASSIGN_OR_RETURN(auto clusters, tx.org().ListUnits(uf));
        for (const auto& c : clusters.items) {
          if (c.name == parsed.cluster_name) school.profile.cluster_id = c.id;
        }
        if (!school.profile.cluster_id) row_fail(ColumnName(kCluster), "学区不存在");
      }
      std::optional<domain::School> existing;
      if (parsed.errors.empty()) {
        XA_ASSIGN_OR_RETURN(auto by_code, tx.org().FindUnitByCode(*school.unit.code));
        if (by_code && (by_code->kind != "school" || !options.update_existing)) {
          row_fail(ColumnName(kCode), options.update_existing
                                          ? "该代码已被其他单位使用"
                                          : "学校代码已存在（如需更新请打开“更新已有数据”）");
        } else if (by_code && !ctx.Covers(by_code->path)) {
          row_fail(ColumnName(kCode), "该代码已被其他单位使用");
        } else if (by_code) {
          XA_ASSIGN_OR_RETURN(existing, tx.org().FindSchool(by_code->id));
        }
      }
      if (parsed.errors.empty()) {
        Status w;
        if (existing) {
          school.unit.id = existing->unit.id;
          w = UpdateSchoolInTx(tx, ctx, school, *existing, now);
        } else {
          w = InsertSchoolInTx(tx, ctx, school, now);
        }
        if (!w.ok()) {
          const Error& e = w.error();
          if (e.code == ErrorCode::kInternal) return e;
          if (e.details.empty()) row_fail("", e.message);
          for (const auto& d : e.details) row_fail(ColumnOfField(d.field), d.reason);
        } else {
          existing ? ++report.updated : ++report.created;
        }
      }
      if (!parsed.errors.empty()) {
        ++report.failed;
        for (auto& e : parsed.errors) report.errors.push_back(std::move(e));
      }
    }
    if (report.rows == 0) return InvalidArgument("file", "文件中没有数据行");
    if (report.failed > 0 && options.all_or_nothing) {
      // Roll back every row: the caller gets the report with applied=false.
      return FailedPrecondition("import.all_or_nothing", "有数据行未通过校验，整个文件未导入");
    }
    report.applied = true;
    XA_TRY(tx.audit().Append(AuditOf(s, ctx, "school.import", "school", "*",
                                     "导入学校：新增 " + std::to_string(report.created) +
                                         "，更新 " + std::to_string(report.updated) + "，失败 " +
                                         std::to_string(report.failed))));
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kFailedPrecondition && !report.errors.empty()) {
      report.applied = false;
      report.created = report.updated = 0;
      return report;
    }
    return std::move(st).error();
  }
  return report;
}

}  // namespace xiaoan::app
